"""The placed Design as an IRON program (``design.py``): run with mlir-aie installed, it prints the MLIR.

Each profile's design.py imports and calls only what every IRON of its
mlir-aie range accepts: its IRON table (params/iron.toml, read by
:mod:`partitioner.emitters.iron_api`, every entry with the python/iron file and
commit it was read from) says whether there is a placer and which parameters go
by keyword; tests/test_iron_signatures.py checks every import and call of every
emitted design.py against it.

* ObjectFifo: the object type, then the depth, always an integer (IRON without
  split-depth support rejects a list: ``ObjectFifoHandle.__init__``'s
  ``depth < 1`` on a list is a TypeError). Positionally where the range's IRON
  named it ``default_depth`` (2024) or ``depth``; ``depth=`` where IRON takes
  it by keyword only (python/iron/dataflow/objectfifo.py of 2026:
  ``ObjectFifo(obj_type, *, depth=2, ...)``). An end whose depth differs gets
  it on its handle, ``.prod(depth=...)`` / ``.cons(depth=...)``; IRON prints
  the depths back as one integer when all ends agree, ``[p, c]`` otherwise;
* ``cons().split`` / ``prod().join`` on the mem tile (programming_guide/section-2/
  section-2e/aie2_multi.py); ``depths`` is the mem-tile end's depth of each
  sub-FIFO (split makes the sub-FIFOs with it and takes their producer handle,
  join takes their consumer handle with it);
* placement: the ``Tile`` positionally where the parameter was ``placement``
  in the range (2025), ``tile=`` from PR #3016 on (Worker, split, join), and
  ``resolve_program(SequentialPlacer())`` only where IRON still has Python
  placers (PR #3016 deleted them: placement is aiecc's ``--aie-place-tiles``);
* Worker's ``stack_size`` only in profiles whose IRON all has it
  (``Profile.iron_stack_size``);
* Kernel(name, object file, argument types) positionally (the 2nd parameter is
  ``bin_name`` before PR #2922, ``object_file_name`` after);
* the runtime (``Profile.iron_runtime``): ``"sequence"``, ``Runtime()`` with
  ``rt.sequence``, ``rt.start``, ``rt.fill`` / ``rt.drain`` with ``placement``;
  ``"callback"`` (PR #3387), ``Runtime(seq_fn, fn_args)`` whose body calls
  ``handle.fill`` / ``handle.drain`` on handles made with ``prod(tile=...)`` /
  ``cons(tile=...)``, and ``Program(device, rt, workers=[...])``;
* a smaller object of an uneven split is viewed as the kernel's declared type
  with ``memref.reinterpret_cast`` (as aie.mlir does; see
  :mod:`partitioner.emitters.mlir`), through MLIR's Python bindings.
"""
from __future__ import annotations

from partitioner.check import Evaluation
from partitioner.design import ObjectFifo, Worker
from partitioner.emitters import iron_api
from partitioner.emitters.mlir import emitted_device, kernel_signatures
from partitioner.errors import UserError
from partitioner.profiles import Profile

NP_DTYPE = {"i8": "np.int8", "i16": "np.int16", "i32": "np.int32"}
DEVICE_CLASS = iron_api.DEVICE_CLASS


def _ty(count: int, elem: str) -> str:
    return f"np.ndarray[({count},), np.dtype[{NP_DTYPE[elem]}]]"


def _py(name: str) -> str:
    return name.replace("-", "_").replace(".", "_")


def _depths(f: ObjectFifo) -> list[int]:
    """Per end, producer first: the FIFO's depth as the model holds it."""
    n = 1 + len(f.consumer_tiles)
    return [f.depth] * n if isinstance(f.depth, int) else list(f.depth)


class _Program:
    def __init__(self, ev: Evaluation, profile: Profile):
        self.ev, self.d, self.profile = ev, ev.design, profile
        self.device = emitted_device(self.d, profile)
        self.api = iron_api.for_profile(profile.name)
        if (self.device not in DEVICE_CLASS or self.device not in profile.iron_devices
                or DEVICE_CLASS[self.device] not in self.api.imports.get("aie.iron.device", ())):
            raise UserError(f"{self.d.name}: the IRON of mlir-aie profile {profile.name} has no device class for "
                            f"{self.device}; design.py cannot name it (emit for another --device)")
        self.link_subs = {s: link for link in self.d.links for s in link.subs}
        self.built: dict[str, int] = {}  # fifo -> the depth its ObjectFifo was made with

    def handle(self, f: ObjectFifo, end: int, extra: str = "") -> str:
        """``fifo.prod(...)`` (end 0) or ``fifo.cons(...)`` (end i + 1), with the end's depth when it differs."""
        depth = _depths(f)[end]
        args = [f"depth={depth}"] if depth != self.built[f.name] else []
        args += [extra] if extra else []
        return f"{_py(f.name)}.{'prod' if end == 0 else 'cons'}({', '.join(args)})"

    def render(self) -> str:
        d, o, p = self.d, self.d.options, self.profile
        signatures = kernel_signatures(d)
        casts = any(self._cast_types(w, signatures) != [None] * len(w.inputs + w.outputs) for w in d.workers)
        lines = [
            f'"""{d.name}: {o.strategy} of the {o.kernel} kernel over {len(d.workers)} compute tile(s) of {self.device}.',
            "",
            f"Generated by npu-tiler for mlir-aie profile {p.name} ({p.targets}); manifest.json has",
            f"the parameters. Batch {o.batch} frames per NPU call, {d.object_frames} frames per ObjectFIFO buffer,",
            f"depth {d.depth}, frame mode {o.frame_mode}. Run with mlir-aie installed: `python3 design.py > aie.mlir`.\"\"\"",
            "import numpy as np",
            "",
        ]
        if casts:
            lines += ["from aie.dialects.memref import reinterpret_cast",
                      "from aie.helpers.util import np_ndarray_type_to_memref_type"]
        lines += [
            "from aie.helpers.taplib import TensorAccessPattern",
            "from aie.iron import Kernel, ObjectFifo, Program, Runtime, Worker",
            "from aie.iron.controlflow import range_",
            f"from aie.iron.device import {DEVICE_CLASS[self.device]}, Tile",
        ]
        if self.api.placer:  # IRON before PR #3016 places with a Python placer
            lines.append(f"from aie.iron.placers import {self.api.placer}")
        lines += [
            "",
            "# Kernels: one object file, one entry point per role (the largest object each argument takes)",
        ]
        for sym, args in signatures.items():
            types = [_ty(n, e) for n, e in args] + ["np.int32"]
            lines.append(f'k_{sym} = Kernel("{sym}", "{self.ev.spec.object_file}", [{", ".join(types)}])')
        lines += ["", "# ObjectFIFOs (names as in aie.mlir); an end whose depth differs gets it on its handle"]
        for f in d.fifos:
            if f.name in self.link_subs:
                continue
            self.built[f.name] = _depths(f)[0]
            depth = f"{self._keyword('ObjectFifo', 'depth')}{self.built[f.name]}"
            lines.append(f'{_py(f.name)} = ObjectFifo({_ty(f.elem_count, f.elem_type)}, {depth}, name="{f.name}")')
        for link in d.links:
            lines += self.link(link)
        lines += [""] + self.core_fn(casts) + ["", "workers = ["]
        for w in d.workers:
            lines.append(self.worker(w, signatures))
        lines += ["]", ""]
        lines += self.runtime_2025() if p.iron_runtime == "sequence" else self.runtime_2026()
        return "\n".join(lines) + "\n"

    def link(self, link) -> list[str]:
        d = self.d
        subs, big = [d.fifo(n) for n in link.subs], d.fifo(link.big)
        join = link.kind == "join"
        # The mem tile's end of each sub-FIFO: its consumer for a join, its producer for a split.
        mem_depths = [_depths(s)[1] if join else _depths(s)[0] for s in subs]
        for s, depth in zip(subs, mem_depths):
            self.built[s.name] = depth
        big_end = 0 if join else 1 + big.consumer_tiles.index(link.tile)
        types = ", ".join(_ty(s.elem_count, s.elem_type) for s in subs)
        names = ", ".join(f'"{s.name}"' for s in subs)
        call = "join" if join else "split"
        return [f"{', '.join(_py(s.name) for s in subs)}, = {self.handle(big, big_end)}.{call}(",
                f"    {link.offsets}, {self._keyword(call, 'tile')}Tile({link.tile[0]}, {link.tile[1]}), "
                f"obj_types=[{types}],",
                f"    names=[{names}], depths={mem_depths})"]

    @staticmethod
    def core_fn(casts: bool) -> list[str]:
        lines = ["# Every worker: per NPU call, acquire one object of each FIFO, call the kernel on it, release."]
        if casts:
            lines += ["def as_kernel_arg(obj, as_type):",
                      "    \"\"\"An object of a smaller FIFO viewed as the kernel's declared (largest) object type.\"\"\"",
                      "    if as_type is None:",
                      "        return obj",
                      "    ty, count = as_type",
                      "    return reinterpret_cast(np_ndarray_type_to_memref_type(ty), obj, [], [], [], [0], [count], [1])",
                      "",
                      "",
                      "def core_fn(fifo_in, fifo_out, kernel, objects_per_call, frames_per_object, in_as=None, out_as=None):"]
        else:
            lines.append("def core_fn(fifo_in, fifo_out, kernel, objects_per_call, frames_per_object):")
        lines += ["    for _ in range_(objects_per_call):",
                  "        a = fifo_in.acquire(1)",
                  "        b = fifo_out.acquire(1)"]
        lines.append("        kernel(as_kernel_arg(a, in_as), as_kernel_arg(b, out_as), frames_per_object)" if casts
                     else "        kernel(a, b, frames_per_object)")
        lines += ["        fifo_in.release(1)", "        fifo_out.release(1)", ""]
        return lines

    def _cast_types(self, w: Worker, signatures) -> list[str | None]:
        out = []
        for n, (count, elem) in zip(w.inputs + w.outputs, signatures[w.symbol]):
            f = self.d.fifo(n)
            out.append(None if (f.elem_count, f.elem_type) == (count, elem) else f"({_ty(count, elem)}, {count})")
        return out

    def worker(self, w: Worker, signatures) -> str:
        if not (len(w.inputs) == len(w.outputs) == 1):
            raise UserError(f"{self.d.name}: worker {w.name} has {len(w.inputs)} input and {len(w.outputs)} output "
                            f"FIFOs; design.py's core_fn takes one of each")
        fin, fout = self.d.fifo(w.inputs[0]), self.d.fifo(w.outputs[0])
        handles = [self.handle(fin, 1 + fin.consumer_tiles.index(w.tile)), self.handle(fout, 0)]
        args = handles + [f"k_{w.symbol}", str(w.iterations_per_call), str(w.object_frames)]
        casts = self._cast_types(w, signatures)
        if any(casts):
            args += [c or "None" for c in casts]
        kwargs = ""
        if self.profile.iron_stack_size:
            kwargs = f", stack_size={w.stack_bytes}"
        elif w.stack_bytes != self.profile.default_stack_bytes:  # what aie.core gets when Worker sets none
            raise UserError(f"{self.d.name}: worker {w.name} needs a {w.stack_bytes}-byte stack, and the IRON of mlir-aie "
                            f"profile {self.profile.name} ({self.profile.targets}) cannot set one (Worker has no "
                            f"stack_size in every version of the range): emit with --mlir-aie 2026")
        return (f"    Worker(core_fn, [{', '.join(args)}],\n"
                f"           {self._keyword('Worker', 'tile')}Tile({w.tile[0]}, {w.tile[1]}){kwargs}),")

    def _keyword(self, call: str, parameter: str) -> str:
        """``"parameter="`` where the profile's IRON takes it by that keyword, else nothing (positional)."""
        return f"{parameter}=" if self.api.by_keyword(call, parameter) else ""

    def _resolve(self) -> str:
        """``resolve_program``'s argument: the placer before PR #3016, none after."""
        return f"{self.api.placer}()" if self.api.placer else ""

    def _transfers(self):
        seq = self.d.sequence
        by_buffer = {b.name: b for b in seq.buffers}
        for t in sorted(seq.transfers, key=lambda t: t.direction != "in"):
            b = by_buffer[t.buffer]
            tap = f"TensorAccessPattern(({b.elem_count},), offset={t.offset}, sizes={t.sizes}, strides={t.strides})"
            yield t, tap, t.direction != "in" and t.fifo in seq.waits

    def runtime_2025(self) -> list[str]:
        seq = self.d.sequence
        types = ", ".join(_ty(b.elem_count, b.elem_type) for b in seq.buffers)
        names = ", ".join(f"{_py(b.name)}_host" for b in seq.buffers)
        target = names if len(seq.buffers) == 1 else f"({names})"
        lines = ["# One NPU call: fill the inputs, drain the outputs (one shim transfer per column group)",
                 "rt = Runtime()",
                 f"with rt.sequence({types}) as {target}:",
                 "    rt.start(*workers)"]
        for t, tap, wait in self._transfers():
            f = self.d.fifo(t.fifo)
            shim = f"Tile({t.shim[0]}, {t.shim[1]})"
            if t.direction == "in":
                lines.append(f"    rt.fill({self.handle(f, 0)}, {_py(t.buffer)}_host, tap={tap}, placement={shim})")
            else:
                end = 1 + f.consumer_tiles.index(t.shim)
                lines.append(f"    rt.drain({self.handle(f, end)}, {_py(t.buffer)}_host, tap={tap}, wait={wait}, "
                             f"placement={shim})")
        lines += ["", f"print(Program({DEVICE_CLASS[self.device]}(), rt).resolve_program({self._resolve()}))"]
        return lines

    def runtime_2026(self) -> list[str]:
        seq = self.d.sequence
        handles: dict[str, str] = {}  # fifo -> the sequence parameter naming its shim handle
        handle_args: list[str] = []
        body = []
        for t, tap, wait in self._transfers():
            f = self.d.fifo(t.fifo)
            if t.fifo not in handles:
                handles[t.fifo] = f"{_py(t.fifo)}_shim"
                end = 0 if t.direction == "in" else 1 + f.consumer_tiles.index(t.shim)
                handle_args.append(self.handle(f, end, f"tile=Tile({t.shim[0]}, {t.shim[1]})"))
            h = handles[t.fifo]
            if t.direction == "in":
                body.append(f"    {h}.fill({_py(t.buffer)}_host, tap={tap})")
            else:
                body.append(f"    {h}.drain({_py(t.buffer)}_host, tap={tap}, wait={wait})")
        params = [f"{_py(b.name)}_host" for b in seq.buffers] + list(handles.values())
        types = [_ty(b.elem_count, b.elem_type) for b in seq.buffers]
        lines = ["# One NPU call: fill the inputs, drain the outputs (one shim transfer per column group)",
                 f"def sequence({', '.join(params)}):"] + body + [
                 "",
                 "",
                 f"rt = Runtime(sequence, [{', '.join(types + handle_args)}])",
                 "",
                 f"print(Program({DEVICE_CLASS[self.device]}(), rt, workers=workers)"
                 f".resolve_program({self._resolve()}))"]
        return lines


def render(ev: Evaluation) -> str:
    """The design as an IRON program (``design.py``) for its mlir-aie profile, printing the same design's MLIR.

    Kernel per entry symbol, ObjectFifo per FIFO with ``cons().split`` /
    ``prod().join`` for links, one Worker per tile with explicit ``Tile``
    placement, and the runtime of the profile's IRON (module docstring).

    Parameters
    ----------
    ev : Evaluation
        A placed design whose workers each have one input and one output FIFO.

    Returns
    -------
    str
        Python source, newline-terminated. It needs mlir-aie to run, not to be written.

    Raises
    ------
    UserError
        A worker has other than one input and one output FIFO, or the design
        needs what its profile's IRON lacks (a stack size, a device class).

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import iron
    >>> src = iron.render(partitioner.partition(batch=100, tiles=4))
    >>> src.splitlines()[0][3:]  # after the module docstring's opening quotes
    'batch100_split4_d2: split of the mel kernel over 4 compute tile(s) of npu1_1col.'
    >>> compile(src, "design.py", "exec") is not None
    True
    """
    return _Program(ev, ev.profile).render()
