"""Reading an emitted design's manifest.json (written by partitioner.emitters.files) and holding it to the IR.

The design folder's ``aie.mlir`` is the truth: what ``check``, ``simulate``, ``run`` and the timing model
say comes from it (:func:`partitioner.mlir.read.read_design`). manifest.json is a record of how the
design was made. :func:`read` checks its shape (every field it has is of the type npu-tiler writes);
:func:`verify_target` and :func:`verify_design`, called by the reader, compare every field the IR also
states with the IR's value. Any difference is one :class:`ManifestError` (a UserError: exit 2) naming
the field, the manifest's value and the IR's; nothing reads a manifest that lies.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import kernels
from partitioner import device as device_mod
from partitioner import kernel_spec, profiles
from partitioner.errors import UserError

NAME = "manifest.json"
FIX = "re-emit the design with `npu-tiler emit`, or restore its manifest.json"

# The JSON types manifest.json's fields have (partitioner.emitters.files.manifest); a field not listed
# is not read. A type of None: JSON null.
_STR, _INT, _BOOL, _LIST, _TABLE, _NULL = (str,), (int,), (bool,), (list,), (dict,), (type(None),)
TOP: dict[str, tuple[type, ...]] = {
    "npu_tiler_version": _STR, "design": _STR, "options": _TABLE, "mlir_aie_profile": _TABLE,
    "aie_device": _STR, "kernel": _TABLE, "batch": _INT, "object_frames": _INT, "depth": _INT,
    "workers": _LIST, "host_buffers": _LIST, "fits": _BOOL, "tiles": _LIST, "errors": _LIST,
}
OPTIONS: dict[str, tuple[type, ...]] = {
    "kernel": _STR, "device": _STR, "strategy": _STR, "batch": _INT, "tiles": _INT,
    "object_frames": _INT + _NULL, "depth": _INT + _NULL, "frame_mode": _STR, "alloc_scheme": _STR,
    "mlir_aie": _STR, "stack_size": _INT + _NULL, "device_file": _STR + _NULL,
}
KERNEL: dict[str, tuple[type, ...]] = {
    "name": _STR, "object": _STR, "source_sha256": _STR + _NULL, "static_data_bytes": _INT, "stack_bytes": _INT,
}
PROFILE: dict[str, tuple[type, ...]] = {"name": _STR}
WORKER: dict[str, tuple[type, ...]] = {
    "name": _STR, "tile": _LIST, "symbol": _STR, "frames_per_call": _INT, "object_frames": _INT, "stack_bytes": _INT,
}
HOST_BUFFER: dict[str, tuple[type, ...]] = {
    "name": _STR, "direction": _STR, "elem_type": _STR, "elem_count": _INT, "bytes": _INT, "stream": _STR,
    "frames": _INT,
}
_TABLES = {"options": OPTIONS, "kernel": KERNEL, "mlir_aie_profile": PROFILE}
_ROWS = {"workers": WORKER, "host_buffers": HOST_BUFFER}
_TYPE_WORDS = {str: "a string", int: "an integer", bool: "true or false", list: "a list", dict: "a table",
               type(None): "null", float: "a number"}


class ManifestError(UserError):
    """manifest.json is malformed or disagrees with the design's IR (exit 2, one line)."""


def read(folder: str | Path, required: bool = False) -> dict:
    """The manifest of a design folder, its shape checked; {} when there is none and it is not ``required``.

    manifest.json is written by :func:`partitioner.emitters.files.manifest`.

    Parameters
    ----------
    folder : path
        A design folder.
    required : bool
        Raise instead of returning {} when the folder has no manifest.json.

    Returns
    -------
    dict
        The parsed JSON: ``"design"``, ``"options"``, ``"kernel"``, ``"workers"``,
        ``"fits"``, ``"tiles"``, ``"errors"``, ...

    Raises
    ------
    UserError
        manifest.json is missing and ``required``, is not valid JSON, or a field is not of the type
        npu-tiler writes (:class:`ManifestError`, naming the field).

    Examples
    --------
    >>> import tempfile
    >>> from partitioner import manifest
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> m = manifest.read(DESIGNS_DIR / "batch100_split4")
    >>> m["design"], m["batch"], m["options"]["tiles"]
    ('batch100_split4', 100, 4)
    >>> manifest.read(tempfile.mkdtemp())
    {}
    """
    path = Path(folder) / NAME
    if not path.is_file():
        if required:
            raise UserError(f"{folder} has no {NAME}: emit the design with `npu-tiler emit`")
        return {}
    try:
        data = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ManifestError(f"{path}: not valid JSON; {FIX}") from None
    check_shape(data, path)
    return data


def sha256(folder: str | Path) -> str:
    """SHA-256 of a design folder's manifest.json (what a stored run records of it).

    Raises
    ------
    UserError
        The folder has no manifest.json.
    """
    path = Path(folder) / NAME
    if not path.is_file():
        raise UserError(f"{folder} has no {NAME}: emit the design with `npu-tiler emit`")
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the shape --------------------------------------------------------------------------------------------

def _words(value: object) -> str:
    return _TYPE_WORDS.get(type(value), type(value).__name__)


def _expect(types: tuple[type, ...]) -> str:
    return " or ".join(_TYPE_WORDS[t] for t in types)


def _check_fields(table: dict, schema: dict[str, tuple[type, ...]], prefix: str, path: Path) -> None:
    for key, types in schema.items():
        if key not in table:
            continue
        value = table[key]
        # bool is an int in Python, not in JSON: true is no batch
        ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
        if not ok:
            raise ManifestError(f"{path}: {prefix}{key} is {_words(value)} ({json.dumps(value)[:60]}), not "
                                f"{_expect(types)}; {FIX}")


def check_shape(data: object, path: Path) -> None:
    """Raise :class:`ManifestError` naming the first field of ``data`` that is not of the type npu-tiler writes.

    Examples
    --------
    >>> from pathlib import Path
    >>> check_shape({"kernel": "mel"}, Path("d/manifest.json"))
    Traceback (most recent call last):
    ...
    partitioner.manifest.ManifestError: d/manifest.json: kernel is a string ("mel"), not a table; re-emit the design with `npu-tiler emit`, or restore its manifest.json
    """
    if not isinstance(data, dict):
        raise ManifestError(f"{path}: holds {_words(data)}, not a table of the design's record; {FIX}")
    _check_fields(data, TOP, "", path)
    for key, schema in _TABLES.items():
        if key in data:
            _check_fields(data[key], schema, f"{key}.", path)
    for key, schema in _ROWS.items():
        for i, row in enumerate(data.get(key, [])):
            if not isinstance(row, dict):
                raise ManifestError(f"{path}: {key}[{i}] is {_words(row)}, not a table; {FIX}")
            _check_fields(row, schema, f"{key}[{i}].", path)
    for i, row in enumerate(data.get("workers", [])):
        tile = row.get("tile", [0, 0])
        if len(tile) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in tile):
            raise ManifestError(f"{path}: workers[{i}].tile is {json.dumps(tile)[:60]}, not [column, row]; {FIX}")


# -- held to the IR ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """What the IR says before the design is built: its device, runtime-sequence op and the kernel symbols called."""

    device: str  # the aie.device op's target, e.g. "npu1_1col"
    runtime_sequence: str  # "aiex.runtime_sequence" (also the older func.func form) or "aie.runtime_sequence"
    symbols: frozenset[str]  # the functions the cores call


@dataclass(frozen=True)
class Shape:
    """What the IR says of the design: derived options, the compute tiles' buffering, cores and host buffers."""

    batch: int
    tiles: int
    strategy: str
    frame_mode: str
    object_frames: int
    depth: int
    workers: dict[tuple[int, int], dict]  # tile -> symbol, frames_per_call, object_frames, stack_bytes
    host_buffers: list[dict]  # name, direction, elem_type, elem_count


def _disagree(path: Path, mlir: str, field: str, stated: object, ir: object) -> ManifestError:
    return ManifestError(f"{path} disagrees with {mlir}: {field} is {json.dumps(stated)} in {NAME}, "
                         f"{ir} in the IR (the IR is what runs); {FIX}")


def verify_target(m: dict, ir: Target, path: Path, mlir: str = "aie.mlir") -> None:
    """Hold the manifest's kernel, device and mlir-aie profile to the IR (before the design is built on them).

    The kernel it names must have every function the cores call; its device must be the IR's
    ``aie.device``, or an array of the same family the IR's is a sub-array of (npu-tiler emits
    ``npu1_1col`` for a one-column design on ``npu1``, as IRON does); ``aie_device`` must be the IR's
    exactly; its profile must emit the IR's runtime-sequence op.

    Raises
    ------
    ManifestError
        The first field that disagrees: its name, the manifest's value and the IR's.
    """
    opts, kernel = m.get("options", {}), m.get("kernel", {})
    for field, name in (("options.kernel", opts.get("kernel")), ("kernel.name", kernel.get("name"))):
        if name is None or not ir.symbols:
            continue
        # a kernel folder of that name is loaded (its own error if its kernel.toml is broken); none: no entries
        has_folder = (kernels.kernel_dir(name) / "kernel.toml").is_file()
        entries = {e.symbol for e in kernel_spec.load(name).entries.values()} if has_folder else set()
        if not ir.symbols <= entries:
            raise _disagree(path, mlir, field, name,
                            f"cores that call {', '.join(sorted(ir.symbols))}{_kernel_of(ir.symbols)}")
    stated = opts.get("device")
    if stated is not None and stated != ir.device and not device_mod.is_sub_array(ir.device, stated):
        raise _disagree(path, mlir, "options.device", stated, f"aie.device({ir.device}), not a sub-array of it")
    if m.get("aie_device", ir.device) != ir.device:
        raise _disagree(path, mlir, "aie_device", m["aie_device"], f"aie.device({ir.device})")
    for field, name in (("options.mlir_aie", opts.get("mlir_aie")),
                        ("mlir_aie_profile.name", m.get("mlir_aie_profile", {}).get("name"))):
        if name is None:
            continue
        if name not in profiles.names():
            raise ManifestError(f"{path}: {field} is {json.dumps(name)}, not an mlir-aie profile "
                                f"({', '.join(profiles.names())}); {FIX}")
        emits = profiles.load(name).runtime_sequence
        if emits != ir.runtime_sequence:
            raise _disagree(path, mlir, field, name, f"{ir.runtime_sequence} (profile {name} emits {emits})")


def _kernel_of(symbols: frozenset[str]) -> str:
    """`` (kernel NAME)`` for the kernel under kernels/ that has all ``symbols``, else ''."""
    for name in kernel_spec.available():
        try:
            spec = kernel_spec.load(name)
        except UserError:
            continue
        if symbols <= {e.symbol for e in spec.entries.values()}:
            return f" (kernel {name})"
    return ""


def _rows(m: dict, key: str) -> Iterable[tuple[int, dict]]:
    return enumerate(m.get(key, []))


def verify_design(m: dict, ir: Shape, path: Path, mlir: str = "aie.mlir") -> None:
    """Hold the manifest's batch, tiles, strategy, frame mode, object frames, depth, workers and host buffers
    to the design read from the IR.

    Raises
    ------
    ManifestError
        The first field that disagrees: its name, the manifest's value and the IR's.
    """
    opts = m.get("options", {})
    facts = [("batch", ir.batch), ("options.batch", ir.batch), ("options.tiles", ir.tiles),
             ("options.strategy", ir.strategy), ("options.frame_mode", ir.frame_mode),
             ("object_frames", ir.object_frames), ("options.object_frames", ir.object_frames),
             ("depth", ir.depth), ("options.depth", ir.depth)]
    for field, have in facts:
        table, key = (opts, field.split(".")[1]) if field.startswith("options.") else (m, field)
        stated = table.get(key)
        if stated is not None and stated != have:  # options' None: "derive it", resolved in the top-level field
            raise _disagree(path, mlir, field, stated, json.dumps(have))
    stack = opts.get("stack_size")
    odd = [list(tile) for tile, core in ir.workers.items() if stack is not None and core["stack_bytes"] != stack]
    if odd:
        raise _disagree(path, mlir, "options.stack_size", stack,
                        f"stack_size {ir.workers[tuple(odd[0])]['stack_bytes']} on core {odd[0]}")
    if "workers" in m and len(m["workers"]) != len(ir.workers):
        raise _disagree(path, mlir, "workers (entries)", len(m["workers"]), f"{len(ir.workers)} aie.core ops")
    for i, w in _rows(m, "workers"):
        tile = tuple(w.get("tile", ()))
        core = ir.workers.get(tile)
        if core is None:
            raise _disagree(path, mlir, f"workers[{i}].tile", w["tile"], f"no aie.core on tile {list(tile)}")
        for key, have in core.items():
            if key in w and w[key] != have:
                raise _disagree(path, mlir, f"workers[{i}].{key}", w[key], f"{json.dumps(have)} (core {list(tile)})")
    if "host_buffers" in m and len(m["host_buffers"]) != len(ir.host_buffers):
        raise _disagree(path, mlir, "host_buffers (entries)", len(m["host_buffers"]),
                        f"{len(ir.host_buffers)} runtime-sequence arguments")
    for i, b in _rows(m, "host_buffers"):
        for key, have in ir.host_buffers[i].items():
            if key in b and b[key] != have:
                raise _disagree(path, mlir, f"host_buffers[{i}].{key}", b[key], json.dumps(have))
