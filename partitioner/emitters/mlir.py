"""The placed Design as mlir-aie IR (``aie.mlir``, ``aie.generic.mlir``), built with the xDSL dialects.

The emitter builds one ``builtin.module`` out of the ops of
:mod:`partitioner.mlir.aie` / :mod:`partitioner.mlir.aiex` (the same
definitions :mod:`partitioner.mlir.parse` reads with) and xDSL's builtin,
func, arith, scf and memref, then prints it with xDSL's printer: the ops'
custom formats for ``aie.mlir``, MLIR's generic form for
``aie.generic.mlir``. There is one definition of each op for reading and
writing; both files parse back to the same Design.

The generic form is the one aie-opt prints: enums as their ``i32`` values
(``device = 5 : i32``, ``port = 1 : i32``: AIEDevice and ObjectFifoPort are
``I32EnumAttr``), an ObjectFIFO's ``dimensionsToStream`` /
``dimensionsFromStreamPerConsumer``, ``operandSegmentSizes`` on
``aiex.npu.dma_memcpy_nd``, the implicit ``aie.end`` of ``aie.device``.

What each construct follows, in Xilinx/mlir-aie (and the profile that picks it,
params/profiles.toml):

* ``aie.device``, ``aie.tile``, ``aie.objectfifo`` (depth ``N : i32``, or one per
  end, ``[P : i32, C : i32]`` as IRON prints it), ``aie.objectfifo.link``,
  ``aie.core`` with ``stack_size``: include/aie/Dialect/AIE/IR/AIEOps.td
  @2741ca505321aa7cbe0bc72a566f595d3699ccb2; the smallest device that holds the
  design (``npu1_1col`` for one column), as IRON's ``NPU1Col1`` would give:
  AIEAttrs.td after PR #2397 (``npu1`` = the 4-column array, shims in row 0);
* acquire / subview.access / release and ``func.call`` in an endless ``scf.for``
  (``range_(sys.maxsize)``): IRON's output, programming_examples/basic/
  passthrough_dmas/build/aie.mlir, and test/npu-xrt/add_one_objFifo/aie.mlir;
* ``link_with``: on ``aie.core`` (profile 2025), on the ``func.func`` declaration
  (profile 2026, PR #2922; test/npu-xrt/add_one_func_link_with_peano/aie.mlir
  @144a0ef60a8da1ce27a6cdaaf33a0e54b532d6ea);
* ``aiex.runtime_sequence`` (2025; include/aie/Dialect/AIEX/IR/AIEX.td
  @97737142e4c8a362fe3e7a7a92e9708c9e06aa91) or ``aie.runtime_sequence`` (2026,
  PR #2708), with ``aiex.npu.dma_memcpy_nd`` and ``aiex.npu.dma_wait``; no
  ``issue_token`` on a drain: an S2MM channel always issues its completion
  token, only MM2S needs the flag (PR #3416, from AIEDmaToNpu.cpp);
* one declaration per kernel symbol, with the largest object each argument
  takes (uneven splits give chains objects a frame apart): a smaller object is
  passed through ``memref.reinterpret_cast`` to the declared type. A
  ``func.call``'s operands must have the callee's types, and aiecc lowers cores
  with ``convert-func-to-llvm{ use-bare-ptr-memref-call-conv }``
  (python/compiler/aiecc/main.py), where a memref argument is its bare data
  pointer and only statically shaped memrefs are allowed, so a ``memref<?xi16>``
  declaration is not an option; the kernel reads only the frames its ``n_frames``
  argument gives.

SSA names: xDSL's printer keeps a name hint unless it ends in ``_<digits>``
(it takes that for its own counter), so the hints have none: tiles
``%shim_c0r0`` / ``%mem_c0r1`` / ``%tile_c0r2``, cores ``%core_c0r2``, in a core
``%c0``, ``%c1``, ``%c_endless``, ``%frames25``, ``%in0_0_sub`` (an acquire),
``%in0_0_obj`` (its object), ``%in0_0_arg`` (the cast), and the host buffers
``%in_host`` / ``%out_host``. Each core's region is a scope of its own (as MLIR
allows for sibling regions), so every core starts at ``%c0``; the names are the
same on every run.
"""
from __future__ import annotations

import io
import re

from xdsl.dialects import arith, func, scf
from xdsl.dialects import memref as memref_dialect
from xdsl.dialects.builtin import (
    ArrayAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    StringAttr,
    SymbolRefAttr,
    i8,
    i16,
    i32,
    i64,
)
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.printer import Printer

from partitioner import device as device_mod
from partitioner.check import Evaluation
from partitioner.design import Coord, Design, ObjectFifo, Worker
from partitioner.errors import UserError
from partitioner.mlir import aie, aiex
from partitioner.profiles import Profile

ENDLESS = 9223372036854775807  # IRON's range_(sys.maxsize)
_ELEM = {"i8": i8, "i16": i16, "i32": i32}
_FAMILY = re.compile(r"^(npu\d+)(?:_(\d+)col)?$")


def memref(count: int, elem: str) -> str:
    """The MLIR type of one FIFO object or host buffer: ``memref<{count}x{elem}>`` (``count`` elements).

    Examples
    --------
    >>> from partitioner.emitters.mlir import memref
    >>> memref(10000, "i16")
    'memref<10000xi16>'
    """
    return f"memref<{count}x{elem}>"


def memref_type(count: int, elem: str) -> MemRefType:
    """:func:`memref` as an xDSL type (``i8``, ``i16`` or ``i32`` elements).

    Examples
    --------
    >>> from partitioner.emitters.mlir import memref_type
    >>> str(memref_type(800, "i16"))
    'memref<800xi16>'
    """
    if elem not in _ELEM:
        raise UserError(f"element type {elem} has no MLIR type here: npu-tiler emits i8, i16 and i32 objects")
    return MemRefType(_ELEM[elem], [count])


# -- the device ---------------------------------------------------------------------------------------

def design_columns(design: Design) -> int:
    """How many columns the design's tiles span, from column 0 (shims, mem tiles and cores).

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters.mlir import design_columns
    >>> design_columns(partitioner.partition(batch=100, tiles=4).design)
    1
    """
    coords = [*design.shims.values(), *design.mem_tiles.values(), *design.compute_tiles]
    return 1 + max((c for c, _ in coords), default=0)


def emitted_device(design: Design, profile: Profile) -> str:
    """The smallest device of the design's family that holds its columns, as IRON would choose it.

    ``npu1_1col`` for a one-column design on ``npu1``, ``npu1_2col`` for two
    columns, ..., ``npu1`` for four (AIEAttrs.td since PR #2397: ``npu1`` is the
    4-column array). Only devices whose IRON class the profile's IRON has
    (``profile.iron_devices``) are chosen, so aie.mlir and design.py name the
    same array; a device of another family is kept as it is.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner import profiles
    >>> from partitioner.emitters.mlir import emitted_device
    >>> emitted_device(partitioner.partition(batch=100, tiles=4).design, profiles.load("2025"))
    'npu1_1col'
    >>> emitted_device(partitioner.partition(batch=100, tiles=8).design, profiles.load("2025"))
    'npu1_2col'
    """
    name = design.options.device
    m = _FAMILY.match(name)
    if not m:
        return name
    family, full = m.group(1), device_mod.load(name).columns
    need = design_columns(design)
    fits = []
    for cand in aie.AIEDevice.__members__:
        cm = _FAMILY.match(cand)
        if not cm or cm.group(1) != family or cand not in profile.iron_devices:
            continue
        cols = device_mod.load(cand).columns
        if need <= cols <= full:
            fits.append((cols, cand))
    return min(fits)[1] if fits else name


# -- naming -------------------------------------------------------------------------------------------

_KIND_PREFIX = {"shim": "shim", "mem": "mem", "compute": "tile"}


def _name(value: SSAValue, hint: str) -> SSAValue:
    value.name_hint = hint
    return value


def _hint(text: str) -> str:
    """A name hint xDSL keeps as written: no trailing ``_<digits>`` (its counter), only name characters."""
    text = re.sub(r"[^A-Za-z0-9_$.-]", "_", text)
    return text + "_v" if re.search(r"_\d+$", text) else text


# -- kernel declarations --------------------------------------------------------------------------------

def kernel_signatures(design: Design) -> dict[str, list[tuple[int, str]]]:
    """Per kernel symbol, the (elements, element type) each memref argument is declared with.

    The largest object any worker passes at that position: chains of an
    uneven split differ by a frame, and one ``func.func`` declaration serves
    them all (smaller objects are cast to it, see the module docstring).

    Raises
    ------
    UserError
        Two workers pass objects of different element types or counts of
        arguments to one symbol.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters.mlir import kernel_signatures
    >>> kernel_signatures(partitioner.partition(batch=100, tiles=8).design)
    {'mel_frames': [(5200, 'i16'), (1040, 'i16')]}
    """
    out: dict[str, list[tuple[int, str]]] = {}
    for w in design.workers:
        args = [(design.fifo(n).elem_count, design.fifo(n).elem_type) for n in w.inputs + w.outputs]
        have = out.setdefault(w.symbol, args)
        if len(have) != len(args) or any(a[1] != b[1] for a, b in zip(have, args)):
            raise UserError(f"kernel {w.symbol} is called with different argument types by its workers "
                            f"({have} and {args}): one declaration cannot serve them")
        out[w.symbol] = [max(a, b) for a, b in zip(have, args)]
    return out


# -- the builder ----------------------------------------------------------------------------------------

class _Builder:
    def __init__(self, ev: Evaluation, profile: Profile):
        self.ev = ev
        self.design = ev.design
        self.profile = profile
        self.tiles: dict[Coord, SSAValue] = {}
        self.object = ev.spec.object_file
        self.signatures = kernel_signatures(self.design)

    def module(self) -> ModuleOp:
        d = self.design
        ops: list[Operation] = self.kernel_decls()
        coords = sorted({*d.shims.values(), *d.mem_tiles.values(), *d.compute_tiles})
        for c in coords:
            t = aie.TileOp(c[0], c[1])
            prefix = _KIND_PREFIX.get(self.ev.device.kind_of(c), "tile")
            self.tiles[c] = _name(t.result, f"{prefix}_c{c[0]}r{c[1]}")
            ops.append(t)
        ops += [self.objectfifo(f) for f in d.fifos]
        ops += [self.link(link) for link in d.links]
        ops += [self.core(w) for w in d.workers]
        ops.append(self.sequence())
        device = aie.DeviceOp.create(properties={"device": aie.AIEDevice[emitted_device(d, self.profile)].attr},
                                     regions=[Region(Block(ops))])
        aie.ensure_end(device.body)
        return ModuleOp([device])

    def kernel_decls(self) -> list[Operation]:
        ops = []
        for sym, args in self.signatures.items():
            types = [memref_type(n, e) for n, e in args] + [i32]
            f = func.FuncOp(sym, FunctionType.from_lists(types, []), Region(), visibility="private")
            if self.profile.link_with == "func":
                f.attributes["link_with"] = StringAttr(self.object)
            ops.append(f)
        return ops

    def objectfifo(self, f: ObjectFifo) -> Operation:
        if isinstance(f.depth, int):
            depth: Attribute = IntegerAttr(f.depth, i32)
        else:
            depth = ArrayAttr([IntegerAttr(x, i32) for x in f.depth])
        cons = [self.tiles[t] for t in f.consumer_tiles]
        props = {"sym_name": StringAttr(f.name), "elemNumber": depth,
                 "elemType": aie.ObjectFifoType(memref_type(f.elem_count, f.elem_type)),
                 "dimensionsToStream": aie.BDDimLayoutArrayAttr.get(),
                 "dimensionsFromStreamPerConsumer": aie.BDDimLayoutArrayArrayAttr.get(
                     [aie.BDDimLayoutArrayAttr.get() for _ in cons])}
        return aie.ObjectFifoCreateOp.create(operands=[self.tiles[f.producer_tile], *cons], properties=props)

    def link(self, link) -> Operation:
        offsets = ArrayAttr([IntegerAttr(o, i64) for o in link.offsets])
        empty = ArrayAttr([])
        src, dst = (offsets, empty) if link.kind == "join" else (empty, offsets)
        return aie.ObjectFifoLinkOp.create(properties={
            "fifoIns": ArrayAttr([SymbolRefAttr(n) for n in link.inputs]),
            "fifoOuts": ArrayAttr([SymbolRefAttr(n) for n in link.outputs]),
            "src_offsets": src, "dst_offsets": dst})

    # -- cores --------------------------------------------------------------------------------------------
    def core(self, w: Worker) -> Operation:
        body = Block()

        def const(value: int, ty: Attribute, hint: str) -> SSAValue:
            op = arith.ConstantOp(IntegerAttr(value, ty))
            body.add_op(op)
            return _name(op.result, hint)

        index = IndexType()
        c0, c1 = const(0, index, "c0"), const(1, index, "c1")
        cmax = const(ENDLESS, index, "c_endless")
        citer = const(w.iterations_per_call, index, f"c{w.iterations_per_call}") if w.iterations_per_call > 1 else None
        frames = const(w.object_frames, i32, f"frames{w.object_frames}")
        inner = self.call_body(w, frames)
        if citer is not None:
            inner = [self.for_loop("j", c0, citer, c1, inner)]
        body.add_op(self.for_loop("i", c0, cmax, c1, inner))
        body.add_op(aie.EndOp())
        props: dict[str, Attribute] = {}
        if self.profile.link_with == "core":
            props["link_with"] = StringAttr(self.object)
        props["stack_size"] = IntegerAttr(w.stack_bytes, i32)
        core = aie.CoreOp.create(operands=[self.tiles[w.tile]], result_types=[index], properties=props,
                                 regions=[Region(body)])
        _name(core.result, f"core_c{w.tile[0]}r{w.tile[1]}")
        return core

    @staticmethod
    def for_loop(iv: str, lb: SSAValue, ub: SSAValue, step: SSAValue, body: list[Operation]) -> Operation:
        block = Block(arg_types=[IndexType()])
        _name(block.args[0], iv)
        block.add_ops([*body, scf.YieldOp()])
        return scf.ForOp(lb, ub, step, [], Region(block))

    def call_body(self, w: Worker, frames: SSAValue) -> list[Operation]:
        ops: list[Operation] = []
        args: list[SSAValue] = []
        declared = self.signatures[w.symbol]
        consume, produce = aie.ObjectFifoPort.Consume, aie.ObjectFifoPort.Produce
        ports = [(consume, n) for n in w.inputs] + [(produce, n) for n in w.outputs]
        for (port, n), (count, elem) in zip(ports, declared):
            f = self.design.fifo(n)
            mt = memref_type(f.elem_count, f.elem_type)
            acq = aie.ObjectFifoAcquireOp.create(
                result_types=[aie.ObjectFifoSubviewType(mt)],
                properties={"port": port.attr, "objFifo_name": SymbolRefAttr(n),
                            "size": IntegerAttr(1, i32)})
            _name(acq.subview, _hint(f"{n}_sub"))
            access = aie.ObjectFifoSubviewAccessOp.create(operands=[acq.subview], result_types=[mt],
                                                          properties={"index": IntegerAttr(0, i32)})
            view = _name(access.output, _hint(f"{n}_obj"))
            ops += [acq, access]
            if (f.elem_count, f.elem_type) != (count, elem):
                cast = memref_dialect.ReinterpretCastOp(view, [], [], [], [0], [count], [1], memref_type(count, elem))
                view = _name(cast.results[0], _hint(f"{n}_arg"))
                ops.append(cast)
            args.append(view)
        ops.append(func.CallOp(w.symbol, [*args, frames], []))
        for port, n in ports:
            ops.append(aie.ObjectFifoReleaseOp.create(
                properties={"port": port.attr, "objFifo_name": SymbolRefAttr(n),
                            "size": IntegerAttr(1, i32)}))
        return ops

    # -- runtime sequence ---------------------------------------------------------------------------------
    def sequence(self) -> Operation:
        seq = self.design.sequence
        block = Block(arg_types=[memref_type(b.elem_count, b.elem_type) for b in seq.buffers])
        args = {}
        for b, a in zip(seq.buffers, block.args):
            args[b.name] = _name(a, _hint(f"{b.name}_host"))
        for t in seq.transfers:
            block.add_op(aiex.NpuDmaMemcpyNdOp(args[t.buffer], [0, 0, 0, t.offset], t.sizes, t.strides,
                                               metadata=t.fifo, id=t.bd_id))
        for fifo in seq.waits:
            block.add_op(aiex.NpuDmaWaitOp(fifo))
        cls = aie.RuntimeSequenceOp if self.profile.runtime_sequence == "aie.runtime_sequence" else \
            aiex.RuntimeSequenceOp
        return cls.create(regions=[Region(block)])


def module(ev: Evaluation) -> ModuleOp:
    """The design as an xDSL ``builtin.module`` of mlir-aie ops (print it with :func:`render_pretty`).

    One ``aie.device`` (the smallest that holds the design) holding the kernel
    declarations, the tiles, the ObjectFIFOs and links, one ``aie.core`` per
    worker and the runtime sequence, in the forms of the mlir-aie versions
    ``ev.design.options.mlir_aie`` targets (params/profiles.toml; module
    docstring for the files each construct follows).

    Parameters
    ----------
    ev : Evaluation
        A placed design's evaluation.

    Returns
    -------
    xdsl.dialects.builtin.ModuleOp

    Raises
    ------
    UserError
        Unknown profile, or the design needs what its profile lacks.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters.mlir import module
    >>> m = module(partitioner.partition(batch=100, tiles=4))
    >>> sum(1 for op in m.walk() if op.name == "aie.core")
    4
    """
    return _Builder(ev, ev.profile).module()


class _ScopedPrinter(Printer):
    """xDSL's printer, with each ``aie.core`` region a name scope of its own (MLIR scopes the names
    of sibling regions apart), so every core's names start afresh: ``%c0`` in each, not ``%c0_3``."""

    def print_op(self, op: Operation) -> None:
        scoped = isinstance(op, aie.CoreOp)
        if scoped:
            self._ssa_values.update({r: self._ssa_values.get(r) or self._result_name(r) for r in op.results})
            self.enter_scope()
        try:
            super().print_op(op)
        finally:
            if scoped:
                self.exit_scope()

    def _result_name(self, value: SSAValue) -> str:
        """Name a result in the enclosing scope before the op's own scope opens."""
        hint = value.name_hint or "v"
        n = self.ssa_names.get(hint, 0)
        self.ssa_names[hint] = n + 1
        return f"{hint}_{n}" if n else hint


def _print(module_op: ModuleOp, generic: bool) -> str:
    out = io.StringIO()
    _ScopedPrinter(stream=out, print_generic_format=generic).print_op(module_op)
    text = out.getvalue().rstrip("\n") + "\n"
    if not generic and text.startswith("builtin.module {"):
        text = "module {" + text[len("builtin.module {"):]  # as aie-opt prints it
    return text


def header(ev: Evaluation) -> str:
    """The comment block at the top of both MLIR files: the design, its profile and the build.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters.mlir import header
    >>> header(partitioner.partition(batch=100, tiles=4)).splitlines()[0]
    '// batch100_split4_d2: generated by npu-tiler; see manifest.json for the parameters and the'
    """
    d = ev.design
    prof = ev.profile
    lines = [f"{d.name}: generated by npu-tiler; see manifest.json for the parameters and the",
             "resource figures the model predicts, README.md for the placement and memory map.",
             f"mlir-aie profile {prof.name}: {prof.targets}.",
             f"Build with build.sh ({prof.driver} + Peano). Tiles: shim row 0, mem tile row 1, compute rows 2-5;",
             "ObjectFIFO depth: one integer (shared memory) or [producer, consumer] (DMA), as the model counts it."]
    return "".join(f"// {line}\n" for line in lines)


def render_pretty(module_op: ModuleOp, head: str = "") -> str:
    """The module in mlir-aie's custom syntax (``aie.mlir``), ``head`` (comment lines) first.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters.mlir import module, render_pretty
    >>> print(render_pretty(module(partitioner.partition(batch=20, tiles=1, strategy="single"))).splitlines()[1])
      aie.device(npu1_1col) {
    """
    return head + _print(module_op, generic=False)


def render_generic(module_op: ModuleOp, head: str = "") -> str:
    """The module in MLIR's generic form as aie-opt prints it (``aie.generic.mlir``), ``head`` first.

    ``mlir-opt --allow-unregistered-dialect`` reads it without the AIE dialects.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters.mlir import module, render_generic
    >>> print(render_generic(module(partitioner.partition(batch=20, tiles=1, strategy="single"))).splitlines()[1])
      "aie.device"() <{device = 5 : i32}> ({
    """
    return head + _print(module_op, generic=True)


def render(ev: Evaluation) -> dict[str, str]:
    """Both MLIR files of a design, with the header comment: ``{"aie.mlir": ..., "aie.generic.mlir": ...}``.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters.mlir import render
    >>> sorted(render(partitioner.partition(batch=100, tiles=4)))
    ['aie.generic.mlir', 'aie.mlir']
    """
    m = module(ev)
    head = header(ev)
    return {"aie.mlir": render_pretty(m, head), "aie.generic.mlir": render_generic(m, head)}
