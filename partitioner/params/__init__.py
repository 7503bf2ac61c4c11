"""The model's parameter files, read in one place.

* ``devices.toml``: device geometry, memories, locks, BDs, channels, clock, DMA width;
* ``profiles.toml``: the mlir-aie version profiles: lowering, allocation and emission rules
  (read by :mod:`partitioner.profiles`);
* ``timing.toml``: the timing model's host and device costs (:func:`timing`);
* ``seed.toml``: the seed's published figures and the accuracy bar (:func:`seed`).

Every figure in them names its source. Override files have the same layout
and hold only the keys they change.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from partitioner.errors import UserError

PARAMS_DIR = Path(__file__).resolve().parent
TIMING_TOML = PARAMS_DIR / "timing.toml"


def read_toml(path: Path) -> dict:
    """The TOML file at ``path`` as a dict.

    Raises
    ------
    UserError
        The file is missing, cannot be read, is not text, or is not valid TOML.
    """
    try:
        return tomllib.loads(Path(path).read_text())
    except FileNotFoundError:
        raise UserError(f"parameter file {path} does not exist") from None
    except IsADirectoryError:
        raise UserError(f"parameter file {path} is a folder: give a TOML file") from None
    except UnicodeDecodeError:
        raise UserError(f"parameter file {path} is not a text file: give a TOML file") from None
    except OSError as exc:
        raise UserError(f"cannot read parameter file {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: not valid TOML ({exc})") from None


# -- schemas ------------------------------------------------------------------------------------------
#
# What a parameter file may hold: a schema is a dict of key -> Field (a value) or dict (a table);
# MapOf(x) is a table whose keys are free (device names, kernel names) and whose values are x.
# Override files are checked against the same schema, so a misspelt key is an error that names the
# key and the accepted ones instead of being ignored.


@dataclass(frozen=True)
class Field:
    """One value of a parameter file: its kind, range and whether a table must hold it.

    ``kind`` is ``"int"``, ``"number"`` (int or float), ``"str"``, ``"bool"``, ``"int list"`` or
    ``"str list"``; ``low`` the smallest value (exclusive when ``low_open``), ``high`` the largest;
    ``choices`` the accepted strings; ``required`` whether a table of a complete file must hold it
    (checked with ``complete=True``).
    """

    kind: str
    low: float | None = None
    low_open: bool = False
    high: float | None = None
    choices: tuple[str, ...] = ()
    required: bool = False

    def describe(self) -> str:
        """What the value must be, in words ("a number > 0", "an integer from 1 to 8")."""
        if self.kind in ("str", "str list") and self.choices:
            return f"one of {', '.join(repr(c) for c in self.choices)}" + (" (a list)" if "list" in self.kind else "")
        noun = {"int": "an integer", "number": "a number", "str": "a string", "bool": "true or false",
                "int list": "a list of integers", "str list": "a list of strings"}[self.kind]
        if self.low is not None and self.high is not None:
            return f"{noun} from {self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"{noun} {'>' if self.low_open else '>='} {self.low:g}"
        return noun

    def accepts(self, value: object) -> bool:
        """True when ``value`` (as tomllib gives it) is of this kind and in range."""
        if self.kind in ("int list", "str list"):
            return isinstance(value, list) and all(Field(self.kind.split()[0], self.low, self.low_open, self.high,
                                                         self.choices).accepts(v) for v in value)
        if self.kind == "bool":
            return isinstance(value, bool)
        if self.kind == "str":
            return isinstance(value, str) and (not self.choices or value in self.choices)
        if isinstance(value, bool) or not isinstance(value, int if self.kind == "int" else (int, float)):
            return False
        if value != value or value in (float("inf"), float("-inf")):  # NaN, infinities
            return False
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return self.high is None or value <= self.high


@dataclass(frozen=True)
class MapOf:
    """A table whose keys are names (devices, kernels, entry points) and whose values follow ``value``."""

    value: "Field | dict | MapOf"


def check_schema(data: dict, schema: dict, where: str, complete: bool = False, _path: str = "") -> None:
    """Check a parsed TOML file against ``schema``: no unknown key, every value of its kind and range.

    Parameters
    ----------
    data : dict
        The file as :func:`read_toml` gives it.
    schema : dict
        Key -> :class:`Field` (a value), dict (a table) or :class:`MapOf` (a table of named entries).
    where : str
        The file, for the message.
    complete : bool
        Also require every ``Field(required=True)`` (a whole file, not an override).

    Raises
    ------
    UserError
        One line: an unknown key (naming it and the keys its table accepts),
        a value of the wrong kind or out of range, or a missing required key.

    Examples
    --------
    >>> from partitioner.params import Field, check_schema
    >>> check_schema({"host": {"per_call_overhead_s": 1e-4}}, {"host": {"per_call_overhead_s": Field("number", 0)}}, "t.toml")
    >>> check_schema({"host": {"per_call": 1}}, {"host": {"per_call_overhead_s": Field("number", 0)}}, "t.toml")
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: t.toml: unknown key `per_call` in [host]; it accepts per_call_overhead_s
    """
    table = f"[{_path}]" if _path else "the file"
    for key, value in data.items():
        dotted = f"{_path}.{key}" if _path else key
        if key not in schema:
            kinds = "tables" if not _path else "keys"
            accepted = ", ".join(f"[{k}]" if isinstance(v, (dict, MapOf)) and not _path else k
                                 for k, v in sorted(schema.items()))
            raise UserError(f"{where}: unknown key `{key}` in {table}; it accepts {accepted}"
                            if _path else f"{where}: unknown {'table' if isinstance(value, dict) else 'key'} "
                            f"`{key}`; the file's {kinds} are {accepted}")
        _check_value(value, schema[key], where, dotted, complete)
    if complete:
        missing = [k for k, v in schema.items() if isinstance(v, Field) and v.required and k not in data]
        if missing:
            raise UserError(f"{where}: {table} has no `{missing[0]}` ({schema[missing[0]].describe()})")


def _check_value(value: object, spec: "Field | dict | MapOf", where: str, dotted: str, complete: bool) -> None:
    if isinstance(spec, Field):
        if not spec.accepts(value):
            raise UserError(f"{where}: `{dotted}` must be {spec.describe()}, got {value!r}"[:300])
        return
    if not isinstance(value, dict):
        raise UserError(f"{where}: `{dotted}` must be a table ([{dotted}] with its keys), got {value!r}"[:300])
    if isinstance(spec, MapOf):
        for name, item in value.items():
            _check_value(item, spec.value, where, f"{dotted}.{name}", complete)
    else:
        check_schema(value, spec, where, complete, dotted)


_COUNT = Field("int", 0, required=True)
_TILE = {k: _COUNT for k in ("memory_bytes", "banks", "locks", "bds", "dma_in", "dma_out")}
_ROWS = Field("int list", 0)

#: The layout of devices.toml and of a ``--device-file`` override (partitioner.device reads it).
DEVICES_SCHEMA = {
    "tile": {"compute": {**_TILE, "program_memory_bytes": Field("int", 0)}, "mem": {**_TILE, "bds_per_channel_parity": Field("int", 1)}, "shim": _TILE},
    "array": {"shim_row": _COUNT, "mem_rows": Field("int list", 0, required=True),
              "compute_rows": Field("int list", 0, required=True), "clock_hz": Field("number", 0, True, required=True),
              "dma_bytes_per_cycle": Field("int", 1, required=True), "max_lock_value": Field("int", 1, required=True)},
    "devices": MapOf({"columns": Field("int", 1, required=True),
                      "generation": Field("str", choices=("aie1", "aie2", "aie2p")), "shim_row": Field("int", 0),
                      "mem_rows": _ROWS, "compute_rows": _ROWS, "noc_columns": _ROWS}),
    "unsupported": MapOf(Field("str")),
    "shim_dma": {"wrap_max": Field("int", 1, required=True), "stride_max_words": Field("int", 1, required=True),
                 "repeat_max": Field("int", 1, required=True), "dims": Field("int", 1, required=True),
                 "align_bytes": Field("int", 1, required=True)},
}

#: The layout of timing.toml and of a ``--params`` override (a calibration): times and cycles are
#: never negative, rates and scales positive.
TIMING_SCHEMA = {
    "host": {"per_call_overhead_s": Field("number", 0, required=True)},
    "device": {"clock_hz": Field("number", 0, True), "dma_bytes_per_cycle": Field("number", 0, True),
               "shim_bytes_per_cycle": Field("number", 0, True), "bd_setup_cycles": Field("number", 0),
               "lock_cycles": Field("number", 0), "kernel_call_cycles": Field("number", 0)},
    "kernels": MapOf(Field("number", 0)),
    "kernel_scale": MapOf(Field("number", 0, True)),
}

_REQ_INT = Field("int", 0, required=True)
_REQ_BOOL = Field("bool", required=True)

#: The layout of profiles.toml (partitioner.profiles reads it): per profile what it targets, then one
#: table per layer that reads its rules. The choices are the forms the model and the emitters know.
PROFILES_SCHEMA = {
    "default": Field("str", required=True),
    "aliases": MapOf(Field("str")),  # another name -> the profile id it stands for
    "profiles": MapOf({
        "summary": Field("str", required=True), "targets": Field("str", required=True),
        "first_pr": _REQ_INT, "before_pr": _REQ_INT,
        # What a user matches against an install (partitioner.profiles.Profile; runner/toolchain.py's
        # guard reads the merge dates: "YYYY-MM-DD", or "YYYY-MM" when only the month is known).
        "merged_from": Field("str", required=True), "merged_before": Field("str", required=True),
        "release": Field("str", required=True), "wheel": Field("str", required=True),
        "commit": Field("str", required=True), "iron": Field("str", required=True),
        "allocator": Field("str", required=True), "sources": Field("str list", required=True),
        "lowering": {"objectfifo_lowering": Field("str", choices=("static", "dynamic"), required=True),
                     "dynamic_state": Field("str", choices=("none", "buffer", "registers"), required=True),
                     "depth_one_single_buffer": _REQ_BOOL, "shim_prod_lock_init": _REQ_INT,
                     "default_stack_bytes": _REQ_INT, "static_init_without_locks": _REQ_BOOL,
                     "memtile_spill_order": Field("str", choices=("program", "largest-first"), required=True),
                     "shared_pool_depth": Field("str", choices=("producer", "deepest"), required=True)},
        "allocation": {"compute_alignment": Field("int", 1, required=True),
                       "mem_alignment": Field("int", 1, required=True),
                       "vector_alignment": MapOf(Field("int", 1)),
                       "stack_alignment": MapOf(Field("int", 1)),
                       "static_data": Field("str", choices=("above-buffers", "largest-free-run"), required=True),
                       "bank_aware": Field("str", choices=("round-robin", "scored", "scored-capped"),
                                            required=True)},
        "emission": {"runtime_sequence": Field("str", choices=("aiex.runtime_sequence", "aie.runtime_sequence"),
                                               required=True),
                     "link_with": Field("str", choices=("core", "func"), required=True),
                     "driver": Field("str", choices=("aiecc.py", "aiecc"), required=True),
                     "iron_runtime": Field("str", choices=("sequence", "callback"), required=True),
                     "iron_stack_size": _REQ_BOOL, "iron_devices": Field("str list", required=True),
                     "aiecc_table": Field("str", required=True), "iron_table": Field("str", required=True)},
    }),
}

SCHEMAS = {"devices.toml": DEVICES_SCHEMA, "timing.toml": TIMING_SCHEMA, "profiles.toml": PROFILES_SCHEMA}


def named_table(data: dict, section: str, name: str, where: Path | str) -> dict:
    """``data[section][name]``: one named table of a params file, or UserError listing the ones there are.

    >>> named_table({"drivers": {"aiecc": {"x": 1}}}, "drivers", "aiecc", "aiecc.toml")
    {'x': 1}
    """
    tables = data[section]
    if name not in tables:
        raise UserError(f"{where}: no [{section}.{name}] table; the tables are {', '.join(sorted(tables))}")
    return tables[name]


def merged(base: dict, override: dict) -> dict:
    """``base`` with ``override``'s keys replaced, recursively through tables."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def load(name: str, override: Path | str | None = None) -> dict:
    """Parameter file ``name`` (e.g. ``"devices.toml"``), with ``override``'s keys replaced.

    Both files are checked against the file's schema (:data:`SCHEMAS`) when it has one: an
    override may hold only keys of the same layout, each of the right kind and range.

    Raises
    ------
    UserError
        A file is missing, unreadable, not TOML, or does not follow the schema (one line naming
        the file and the key).
    """
    data = read_toml(PARAMS_DIR / name)
    schema = SCHEMAS.get(name)
    if schema is not None:
        check_schema(data, schema, str(PARAMS_DIR / name), complete=True)
    if override is not None:
        extra = read_toml(Path(override))
        if schema is not None:
            check_schema(extra, schema, str(override))
        data = merged(data, extra)
        if schema is not None:  # e.g. a new [devices.X] must be whole
            check_schema(data, schema, str(override), complete=True)
    return data


@dataclass(frozen=True)
class TimingParams:
    """The timing model's parameters (``timing.toml``; clock and DMA width from ``devices.toml``)."""

    per_call_overhead_s: float
    clock_hz: float
    dma_bytes_per_cycle: float
    shim_bytes_per_cycle: float
    bd_setup_cycles: float
    lock_cycles: float
    kernel_call_cycles: float
    kernel_cycles_fallback: dict[str, float] = field(default_factory=dict)
    kernel_cycles_scale: dict[str, float] = field(default_factory=dict)

    def seconds(self, cycles: float) -> float:
        """``cycles`` of the array clock in seconds."""
        return cycles / self.clock_hz


def _number(table: dict, key: str, where: str) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UserError(f"{where}: `{key}` must be a number, got {value!r}")
    return float(value)


def timing(override: Path | str | None = None) -> TimingParams:
    """The timing parameters, with an override file's keys (e.g. a calibration) replaced.

    Parameters
    ----------
    override : path, optional
        A TOML file with the layout of ``timing.toml``. It may also set
        ``[device] clock_hz`` and ``dma_bytes_per_cycle`` for this run.

    Returns
    -------
    TimingParams

    Raises
    ------
    UserError
        A file is missing or malformed, or a value is not a number.

    Examples
    --------
    >>> from partitioner import params
    >>> params.timing().clock_hz
    1000000000.0
    """
    array = load("devices.toml")["array"]
    data = merged({"device": {"clock_hz": array["clock_hz"], "dma_bytes_per_cycle": array["dma_bytes_per_cycle"]}},
                  load("timing.toml", override))
    where = str(override or TIMING_TOML)
    h, d = data.get("host", {}), data.get("device", {})
    dma = _number(d, "dma_bytes_per_cycle", where + " [device]")
    return TimingParams(
        per_call_overhead_s=_number(h, "per_call_overhead_s", where + " [host]"),
        clock_hz=_number(d, "clock_hz", where + " [device]"),
        dma_bytes_per_cycle=dma,
        shim_bytes_per_cycle=_number(d, "shim_bytes_per_cycle", where) if "shim_bytes_per_cycle" in d else dma,
        bd_setup_cycles=_number(d, "bd_setup_cycles", where + " [device]"),
        lock_cycles=_number(d, "lock_cycles", where + " [device]"),
        kernel_call_cycles=_number(d, "kernel_call_cycles", where + " [device]"),
        kernel_cycles_fallback={k: _number(data["kernels"], k, where + " [kernels]") for k in data.get("kernels", {})},
        kernel_cycles_scale={k: _number(data["kernel_scale"], k, where + " [kernel_scale]")
                             for k in data.get("kernel_scale", {})})


@dataclass(frozen=True)
class SeedRow:
    """One of the seed's configurations: npu-tiler options for its layout and what the seed published."""

    name: str
    options: dict
    published: str
    bytes_per_tile: int | None = None
    bytes_needed: int | None = None


@dataclass(frozen=True)
class Seed:
    """The seed's published figures (``seed.toml``)."""

    frames: int
    single_frame_seconds: float
    rows: tuple[SeedRow, ...]
    min_pearson: float
    max_abs_error: float

    def row(self, name: str) -> SeedRow:
        """The row called ``name`` (StopIteration when there is none)."""
        return next(r for r in self.rows if r.name == name)


@lru_cache(maxsize=1)
def seed() -> Seed:
    """The seed's published figures and the accuracy bar, from ``seed.toml``.

    Examples
    --------
    >>> from partitioner import params
    >>> params.seed().frames
    628163
    """
    data = load("seed.toml")
    return Seed(frames=int(data["audio"]["frames"]),
                single_frame_seconds=float(data["audio"]["single_frame_seconds"]),
                rows=tuple(SeedRow(**r) for r in data["rows"]),
                min_pearson=float(data["accuracy"]["min_pearson"]),
                max_abs_error=float(data["accuracy"]["max_abs_error"]))
