"""Every IRON call design.py makes, checked against the signatures of its profile's IRON (no IRON import).

design.py is parsed with ``ast``; each call's callee (``ObjectFifo(...)``,
``x.split(...)``, ``rt.fill(...)``, ...) must be in the profile's table, with
no more positional arguments than the parameters it may take positionally,
only keywords it accepts, and every required parameter given. A call the table
does not cover and design.py does not define itself fails the test, so a new
IRON call cannot slip in unchecked.

The tables are written out from Xilinx/mlir-aie python/iron as read with the
search tool (path @ commit as the index reported it):

* profile 2025 (PR #2397 .. before PR #2708): what every IRON of the range
  accepts, i.e. the intersection of the 2024 files and the last files before
  PR #3387: objectfifo.py @89e28105a2a3ae8c576c27e44879fdb2c3ed1d1b (2024: the
  depth parameter is ``default_depth``, ``ObjectFifoHandle`` checks ``depth < 1``
  without a type test) and @0039171e203896adb2621aac4618e9eed2b51117 (``depth``,
  split depths); worker.py @00255754d944842f83c18f52a52466520d0b1ef2 (no
  ``stack_size``) and @af3256fcb984e17487116490878fc2f83bdfb7b1; runtime/runtime.py
  @89e28105 (``Runtime()``) and @01e5cc8b322c0f9de1733f44483d8493c9177da2
  (``Runtime(strict_task_groups)``); kernel.py @0429335fc2efe3993db98fc7429fd34167547a1c
  (``Kernel(name, bin_name, arg_types)``); program.py @00255754 (``Program(device, rt)``,
  ``resolve_program(placer)``); placers.py @0429335f; device/tile.py @00255754
  (``Tile(col, row)``); helpers/taplib/tap.py @6a7c45dc29d8aec2c54004867c041deac861a418.
* profile 2026 (PR #3387 on): runtime/runtime.py as merged by PR #3387
  (``Runtime(seq_fn, fn_args=None, *, strict_task_groups=True)``, fifo shim ends
  from ``prod(tile=)`` / ``cons(tile=)``; the index gave that version without its
  commit), PR #3387's description (``Program(device, rt, workers=...)``,
  ``of.prod().fill(A)``, ``of.cons().drain(C, wait=True)``), dataflow/objectfifo.py
  after PR #3387 (``fill(source, tap=None, wait=False, ...)``, ``drain(dest, tap=None,
  wait=False, ...)``; commit not reported), PR #2922 (``Kernel(name,
  object_file_name, arg_types)``). Where a parameter was renamed later
  (``Worker(placement=)`` -> ``tile=``, split's ``placement``), design.py passes it
  positionally and the table allows only that.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from partitioner import emitters as em
from partitioner.check import evaluate_options
from partitioner.design import Options


@dataclass(frozen=True)
class Sig:
    """A callable's parameters: those it takes positionally (in order), the keywords it accepts, the required."""

    positional: tuple[str, ...] = ()
    keywords: frozenset[str] = field(default_factory=frozenset)
    required: int = 0  # how many leading positional parameters must be given
    varargs: bool = False


def sig(positional=(), keywords=(), required=0, varargs=False) -> Sig:
    return Sig(tuple(positional), frozenset(keywords), required, varargs)


_COMMON = {
    # python/helpers/taplib/tap.py @6a7c45dc: TensorAccessPattern(tensor_dims, offset, sizes, strides)
    "TensorAccessPattern": sig(("tensor_dims", "offset", "sizes", "strides"),
                               ("tensor_dims", "offset", "sizes", "strides"), required=4),
    # python/iron/device/tile.py @00255754: Tile(col, row)
    "Tile": sig(("col", "row"), ("col", "row"), required=2),
    # python/iron/placers.py @0429335f: SequentialPlacer(cores_per_col=None)
    "SequentialPlacer": sig(),
    # python/iron/device/device.py: one class per device, no arguments
    "NPU1": sig(), "NPU1Col1": sig(), "NPU1Col2": sig(), "NPU1Col3": sig(), "NPU2": sig(),
    # objectfifo.py @89e28105 and @0039171e: ObjectFifoHandle.acquire(num_elem), release(num_elem)
    "acquire": sig(("num_elem",), ("num_elem",), required=1),
    "release": sig(("num_elem",), ("num_elem",), required=1),
    # python/iron/controlflow.py: range_(start, stop=None, step=None) (scf for)
    "range_": sig(("start", "stop", "step"), (), required=1),
    # split/join: objectfifo.py @89e28105 and @0039171e (offsets, placement, depths, obj_types, names,
    # dims_to_stream, dims_from_stream, plio); placement positionally only (renamed `tile` later)
    "split": sig(("offsets", "placement"), ("offsets", "depths", "obj_types", "names"), required=1),
    "join": sig(("offsets", "placement"), ("offsets", "depths", "obj_types", "names"), required=1),
    # MLIR's generated Python builder for memref.reinterpret_cast (results, operands, static attributes)
    "reinterpret_cast": sig(("result", "source", "offsets", "sizes", "strides", "static_offsets", "static_sizes",
                             "static_strides"), (), required=8),
    # python/helpers/util.py: np_ndarray_type_to_memref_type(np_type)
    "np_ndarray_type_to_memref_type": sig(("np_type",), (), required=1),
}

IRON = {
    "2025": {
        **_COMMON,
        # objectfifo.py @89e28105: ObjectFifo(obj_type, default_depth=2, name=None, dims_to_stream=None,
        # default_dims_from_stream_per_cons=None, plio=False); @0039171e: (obj_type, depth=2, name=None, ...)
        "ObjectFifo": sig(("obj_type", "depth"), ("obj_type", "name", "dims_to_stream", "plio"), required=1),
        # objectfifo.py @89e28105 / @0039171e: prod(depth=None), cons(depth=None, dims_from_stream=None)
        "prod": sig(("depth",), ("depth",)),
        "cons": sig(("depth", "dims_from_stream"), ("depth", "dims_from_stream")),
        # worker.py @00255754: Worker(core_fn, fn_args=[], placement=AnyComputeTile, while_true=True);
        # @af3256fc adds stack_size, allocation_scheme, trace, trace_events (not in every IRON of the range)
        "Worker": sig(("core_fn", "fn_args", "placement", "while_true"),
                      ("core_fn", "fn_args", "placement", "while_true"), required=1),
        # kernel.py @0429335f: Kernel(name, bin_name, arg_types=[])
        "Kernel": sig(("name", "bin_name", "arg_types"), ("name", "bin_name", "arg_types"), required=2),
        # runtime.py @89e28105: Runtime(); @01e5cc8b: Runtime(strict_task_groups=True)
        "Runtime": sig(),
        # runtime.py @89e28105 / @01e5cc8b: sequence(*input_types), start(*workers),
        # fill(in_fifo, source, tap=None, task_group=None, wait=False, placement=AnyShimTile), drain(out_fifo, dest, ...)
        "sequence": sig(varargs=True),
        "start": sig(varargs=True),
        "fill": sig(("in_fifo", "source", "tap", "task_group", "wait", "placement"),
                    ("in_fifo", "source", "tap", "task_group", "wait", "placement"), required=2),
        "drain": sig(("out_fifo", "dest", "tap", "task_group", "wait", "placement"),
                     ("out_fifo", "dest", "tap", "task_group", "wait", "placement"), required=2),
        # program.py @00255754: Program(device, rt), resolve_program(placer=None)
        "Program": sig(("device", "rt"), ("device", "rt"), required=2),
        "resolve_program": sig(("placer",), ("placer",)),
    },
    "2026": {
        **_COMMON,
        "ObjectFifo": sig(("obj_type", "depth"), ("obj_type", "depth", "name"), required=1),
        # PR #3387: the shim end of a fifo comes from prod(tile=) / cons(tile=)
        "prod": sig(("depth",), ("depth", "tile")),
        "cons": sig(("depth",), ("depth", "tile")),
        # worker.py: Worker(core_fn, fn_args, placement|tile, while_true, stack_size, ...): the tile
        # positionally (the keyword was renamed), stack_size by keyword (@af3256fc and every later version read)
        "Worker": sig(("core_fn", "fn_args", "placement"), ("core_fn", "fn_args", "stack_size"), required=1),
        # PR #2922: Kernel(name, object_file_name, arg_types=[])
        "Kernel": sig(("name", "object_file_name", "arg_types"), ("name", "object_file_name", "arg_types"),
                      required=2),
        # runtime.py, PR #3387: Runtime(seq_fn, fn_args=None, *, strict_task_groups=True)
        "Runtime": sig(("seq_fn", "fn_args"), ("seq_fn", "fn_args", "strict_task_groups"), required=1),
        # objectfifo.py after PR #3387: ObjectFifoHandle.fill(source, tap=None, wait=False, ...), drain(dest, ...)
        "fill": sig(("source", "tap", "wait"), ("source", "tap", "wait"), required=1),
        "drain": sig(("dest", "tap", "wait"), ("dest", "tap", "wait"), required=1),
        # PR #3387: Program(device, rt, workers=[...]); resolve_program(placer=None)
        "Program": sig(("device", "rt"), ("device", "rt", "workers"), required=2),
        "resolve_program": sig(("placer",), ("placer",)),
    },
}


def _callee(node: ast.Call) -> str | None:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)


def _local_names(tree: ast.Module) -> set[str]:
    """Functions and variables design.py defines itself (its kernels, core_fn, sequence, ...)."""
    names = {"print"}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
            names.update(a.arg for a in node.args.args)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def problems(source: str, profile: str) -> list[str]:
    """Every call of ``source`` (a design.py) its profile's IRON would not accept, as text."""
    table = IRON[profile]
    tree = ast.parse(source)
    local = _local_names(tree)
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        where = f"line {node.lineno}: {ast.unparse(node.func)}(...)"
        if name not in table:
            if name not in local:
                out.append(f"{where}: {name} is not in the profile-{profile} IRON table")
            continue
        s = table[name]
        if any(isinstance(a, ast.Starred) for a in node.args) or s.varargs:
            if not s.varargs:
                out.append(f"{where}: *args to {name}")
            continue
        if len(node.args) > len(s.positional):
            out.append(f"{where}: {len(node.args)} positional arguments, {name} takes {len(s.positional)}")
        given = set(s.positional[:len(node.args)])
        for kw in node.keywords:
            if kw.arg not in s.keywords:
                out.append(f"{where}: {name} has no keyword {kw.arg!r} in profile {profile}")
            elif kw.arg in given:
                out.append(f"{where}: {kw.arg!r} given twice")
            given.add(kw.arg)
        missing = [p for p in s.positional[:s.required] if p not in given]
        if missing:
            out.append(f"{where}: {name} needs {', '.join(missing)}")
    return out


def _design_py(options: Options) -> str:
    return em.render_files(evaluate_options(options, suggest=False), "k")["design.py"]


CASES = [(replace(c.options, mlir_aie=p), p) for c in em.CANONICAL for p in ("2025", "2026")] + [
    (Options(batch=100, tiles=8, mlir_aie=p), p) for p in ("2025", "2026")] + [  # uneven: casts
    (Options(strategy="hybrid", batch=101, tiles=6, mlir_aie=p), p) for p in ("2025", "2026")]


@pytest.mark.parametrize("options, profile", CASES, ids=lambda x: str(x) if isinstance(x, str) else
                         f"{x.strategy}{x.tiles}_b{x.batch}_{x.frame_mode}")
def test_every_iron_call_matches_the_profiles_signatures(options, profile):
    assert problems(_design_py(options), profile) == []


@pytest.mark.parametrize("design", sorted(p for p in em.DESIGNS_DIR.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_kept_designs_match_the_2025_signatures(design: Path):
    assert problems((design / "design.py").read_text(), "2025") == []


def test_the_check_finds_a_call_the_profile_does_not_take():
    src = _design_py(Options(batch=100, tiles=4))
    assert problems(src, "2025") == []
    # depth=[...] by keyword, a Worker stack_size and the 2026 runtime: none of them in every 2025 IRON.
    bad = src.replace('name="in0")', 'depth=[2, 2], name="in0")').replace("Tile(0, 2))", "Tile(0, 2), stack_size=1024)")
    found = problems(bad, "2025")
    assert any("ObjectFifo has no keyword 'depth'" in p for p in found)
    assert any("Worker has no keyword 'stack_size'" in p for p in found)
    found_2026 = problems(src, "2026")  # the 2025 runtime on 2026 IRON
    assert any("'placement'" in p for p in found_2026) and any("start is not in" in p for p in found_2026)
    assert any("takes 2" in p or "sequence" in p for p in found_2026)
