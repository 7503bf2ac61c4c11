"""A points.json read back (``npu-tiler report DIR``): every field the report prints is checked first.

The report prints what the records say as fact. A record edited by hand (a
negative time, bytes below zero, a NaN or Infinity, which Python's JSON
reader accepts, a null where a design that fits has a figure, a string where a
count belongs) would come out as "-309.44 s" or "nan s". Each field
:mod:`reports.explore` writes has a kind (:data:`POINT_FIELDS`); the first
field of the first point that breaks its kind is one :class:`UserError` naming
the point (its place in the file, its design and id) and the field. Fields
the report does not know (a newer npu-tiler's) are left alone, and so are
missing ones (a points.json of an older npu-tiler lacks some; one the report
needs is the command's "not a points.json ... (KeyError: ...)" line).

Examples
--------
>>> r = {"id": "a1", "kernel": "mel", "device": "npu1", "strategy": "single", "batch": 20, "tiles": 1,
...      "object_frames": None, "depth": 2, "frame_mode": "framed", "alloc_scheme": "basic-sequential",
...      "fits": True, "reason": "", "pareto": False, "design": "batch20_1tile", "modeled_seconds": -309.44}
>>> check("p.json", {"meta": {}, "points": [r]})
Traceback (most recent call last):
...
partitioner.errors.UserError: p.json: point 1 (batch20_1tile, id a1): modeled_seconds is -309.44, not a time in seconds (a finite number, at least 0); re-run `npu-tiler explore` to write the study again
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Callable

from partitioner.errors import UserError

# -- kinds: each returns None when the value is one, else what it should be ---------------------------------


def _name(v) -> str | None:
    return None if isinstance(v, str) else "a string"


def _count(v, least: int = 0) -> str | None:
    ok = isinstance(v, numbers.Integral) and not isinstance(v, bool) and v >= least
    return None if ok else f"a whole number of at least {least}"


def _positive(v) -> str | None:
    return _count(v, 1)


def _seconds(v) -> str | None:
    ok = isinstance(v, numbers.Real) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
    return None if ok else "a time in seconds (a finite number, at least 0)"


def _ratio(v) -> str | None:
    ok = isinstance(v, numbers.Real) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
    return None if ok else "a finite number of at least 0"


def _flag(v) -> str | None:
    return None if isinstance(v, bool) else "true or false"


def _names(v) -> str | None:
    return None if isinstance(v, list) and all(isinstance(x, str) for x in v) else "a list of strings"


def _tile(v) -> str | None:
    ok = isinstance(v, list) and len(v) == 2 and all(_count(x) is None for x in v)
    return None if ok else "a tile [column, row] of two whole numbers of at least 0"


def _memory(v) -> str | None:
    ok = isinstance(v, dict) and all(isinstance(k, str) and _count(x) is None for k, x in v.items())
    return None if ok else "an object of byte counts (whole numbers of at least 0)"


# A failure's byte fields (reports/explain.py Failure): counts, or null where not modelled.
FAILURE_BYTES = ("needs", "capacity", "over", "buffer_bytes")


def _failures(v) -> str | None:
    ok = isinstance(v, list) and all(
        isinstance(f, dict) and isinstance(f.get("reason", ""), str)
        and all(f.get(k) is None or _count(f[k]) is None for k in FAILURE_BYTES) for f in v)
    return None if ok else (f"a list of failures, each with a reason and byte counts ({', '.join(FAILURE_BYTES)}) "
                            f"of at least 0 or null")


def _object(v) -> str | None:
    return None if isinstance(v, dict) else "an object"


def _objects(v) -> str | None:
    return None if isinstance(v, list) and all(isinstance(x, dict) for x in v) else "a list of objects"


Kind = Callable[[object], "str | None"]

#: Every field of a point record the report reads: its kind, and whether null is allowed.
POINT_FIELDS: dict[str, tuple[Kind, bool]] = {
    "id": (_name, False), "kernel": (_name, False), "device": (_name, False), "strategy": (_name, False),
    "batch": (_positive, False), "tiles": (_positive, False), "object_frames": (_positive, True),
    "depth": (_positive, True), "frame_mode": (_name, False), "alloc_scheme": (_name, False),
    "mlir_aie": (_name, False), "stack_size": (_count, True), "device_file": (_name, True),
    "fits": (_flag, False), "errors": (_names, False), "reason": (_name, False), "design": (_name, True),
    "compute_tiles": (_count, True), "worst_tile": (_tile, True), "worst_tile_bytes": (_count, True),
    "memory": (_memory, True), "max_dma_in": (_count, True), "max_dma_out": (_count, True),
    "max_locks": (_count, True), "max_bds": (_count, True), "npu_calls": (_count, True),
    "dma_bytes": (_count, True), "modeled_seconds": (_seconds, True), "modeled_seconds_low": (_seconds, True),
    "realtime_factor": (_ratio, True), "device_seconds_per_call": (_seconds, True), "cost_profile": (_name, True),
    "object_frames_effective": (_positive, True), "failures": (_failures, True), "tiles_json": (_objects, True),
    "hangs": (_names, True), "pareto": (_flag, False), "pareto_focus": (_flag, True), "best_focus": (_flag, True),
    "simulated": (_flag, True), "bit_exact": (_flag, True), "sim_note": (_name, True), "emit_note": (_name, True),
    "infeasible": (_name, True),
}
#: What a point that fits always has: the figures the report ranks and prints it by.
REQUIRED_IF_FITS = ("design", "compute_tiles", "worst_tile_bytes", "npu_calls", "dma_bytes", "modeled_seconds",
                    "realtime_factor")
#: Marks only a point that fits can carry.
FITTING_MARKS = ("pareto", "pareto_focus", "best_focus")

#: The meta fields the report prints, and the figures of its seed-table rows (reports/seed_table.py).
META_FIELDS: dict[str, tuple[Kind, bool]] = {
    "kernel": (_name, True), "device": (_name, True), "evaluated": (_count, False), "seconds": (_seconds, False),
    "cores": (_positive, True), "seed_table": (_objects, True), "space": (_object, True),
}
SEED_ROW_FIELDS: dict[str, tuple[Kind, bool]] = {
    "name": (_name, True), "fits": (_flag, True), "calls": (_count, True), "modeled_s": (_seconds, True),
    "modeled_low_s": (_seconds, True), "speedup": (_ratio, True),
}

RERUN = "re-run `npu-tiler explore` to write the study again"


def _bad(where: str, field: str, value, kind: Kind, optional: bool) -> str | None:
    """The message for one field, or None when its value is of its kind (or null where null is allowed)."""
    if value is None:
        return None if optional else f"{where}: {field} is null, not {kind(object())}"  # object(): no kind's value
    want = kind(value)
    return None if want is None else f"{where}: {field} is {_show(value)}, not {want}"


def _show(value) -> str:
    """A value as the JSON file spells it (null, true, NaN), cut short."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _first_bad(where: str, record: dict, kinds: dict[str, tuple[Kind, bool]]) -> str | None:
    """The message for the first field of ``record`` (in ``kinds``' order) not of its kind, or None."""
    for name, (kind, optional) in kinds.items():
        if name in record:
            found = _bad(where, name, record[name], kind, optional)
            if found:
                return found
    return None


def point_problem(r: dict, where: str) -> str | None:
    """What is wrong with one point record (the first problem), or None."""
    found = _first_bad(where, r, POINT_FIELDS)
    if found:
        return found
    if r.get("fits"):
        for name in REQUIRED_IF_FITS:
            if r.get(name) is None:
                return f"{where}: fits, but {name} is {_show(r.get(name))}: a point that fits has one"
    elif "fits" in r:
        for name in FITTING_MARKS:
            if r.get(name):
                return f"{where}: {name} is true, but the point does not fit (only a point that fits can be)"
    if r.get("bit_exact") is not None and r.get("simulated") is not True:
        return f"{where}: bit_exact is {_show(r['bit_exact'])}, but simulated is {_show(r.get('simulated'))}"
    return None


def meta_problem(meta: dict) -> str | None:
    """What is wrong with the study's meta (the first problem), or None."""
    found = _first_bad("meta", meta, META_FIELDS)
    if found:
        return found
    for i, row in enumerate(meta.get("seed_table") or (), 1):
        found = _first_bad(f"meta seed_table row {i} ({row.get('name', '?')})", row, SEED_ROW_FIELDS)
        if found:
            return found
    return None


def check(path, data) -> None:
    """UserError (one line: the file, the point and the field) unless ``data`` is a points.json study whose
    every known field is of its kind."""
    if not isinstance(data, dict) or not isinstance(data.get("points"), list):
        raise UserError(f"{path} is not a points.json written by npu-tiler explore (no list of points); {RERUN}")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise UserError(f"{path}: meta is {_show(meta)}, not an object; {RERUN}")
    found = meta_problem(meta)
    for i, r in enumerate(data["points"], 1):
        if found:
            break
        if not isinstance(r, dict):
            found = f"point {i}: {_show(r)}, not an object"
            break
        label = ", ".join(str(x) for x in (r.get("design"), f"id {r['id']}" if isinstance(r.get("id"), str)
                                           else None) if x)
        found = point_problem(r, f"point {i}" + (f" ({label})" if label else ""))
    if found:
        raise UserError(f"{path}: {found}; {RERUN}")
