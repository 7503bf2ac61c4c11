"""From a parsed mlir-aie module to the one Design: any AIE2-family design, emitted or hand-written.

:func:`read_design` parses the file (:mod:`partitioner.mlir.parse`, errors
with file:line:col), then walks the device: tiles, ObjectFIFOs and links,
hand-written buffers, locks and DMA programs, cores (what they acquire, the
kernel they call, their loops and stack), and the runtime sequence in either
form (``aiex.npu.dma_memcpy_nd`` / ``dma_wait``, or IRON's
``dma_configure_task_for`` / ``dma_start_task`` / ``dma_await_task``).

Options come from the folder's ``manifest.json`` when npu-tiler wrote one;
otherwise every figure comes from the IR itself, and the Design's notes say
which ones were derived and how. Nothing is taken silently from a default.
A design npu-tiler emitted reads back to the partitioner's own Design.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from pathlib import Path

from xdsl.dialects import arith, func, scf
from xdsl.dialects.builtin import IntegerAttr, MemRefType, ModuleOp
from xdsl.ir import Block, Operation, SSAValue

from partitioner import device as device_mod
from partitioner import kernel_spec
from partitioner import manifest as manifest_file
from partitioner.design import (ELEM_BYTES, BufferDecl, Coord, Design, DmaChannelDecl, HostBuffer, Link,
                                LockDecl, ObjectFifo, Options, RuntimeSequence, ShimTransfer, Worker)
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.mlir import aie, aiex
from partitioner.mlir.parse import parse_file

# A core loop this long is mlir-aie's "forever" (IRON prints int64 max, older designs 2^32 - 1).
ENDLESS = 2**31 - 1


@dataclass
class _Core:
    tile: Coord
    stack: int | None
    acquires: dict[str, tuple[str, int]] = field(default_factory=dict)  # fifo -> (port, largest acquire)
    calls: list[tuple[str, list[int | None]]] = field(default_factory=list)  # callee, constant args
    loops: list[int | None] = field(default_factory=list)  # bounds of the loops around the first call


@dataclass
class _Ir:
    """What the walk collects, before it becomes a Design."""

    device: str
    tiles: dict[SSAValue, Coord] = field(default_factory=dict)
    declared: list[Coord] = field(default_factory=list)
    fifos: dict[str, aie.ObjectFifoCreateOp] = field(default_factory=dict)
    links: list[aie.ObjectFifoLinkOp] = field(default_factory=list)
    buffers: list[BufferDecl] = field(default_factory=list)
    locks: list[LockDecl] = field(default_factory=list)
    dmas: list[DmaChannelDecl] = field(default_factory=list)
    cores: list[_Core] = field(default_factory=list)
    allocate: dict[str, Coord] = field(default_factory=dict)  # fifo -> aie.objectfifo.allocate's tile
    external: dict[str, int] = field(default_factory=dict)  # fifo -> registered external buffers
    shim_allocs: dict[str, tuple] = field(default_factory=dict)  # aie.shim_dma_allocation: (op, tile)
    seq_args: list[tuple[str, int, str]] = field(default_factory=list)  # name, elements, element type
    transfers: list[dict] = field(default_factory=list)
    waits: list[str] = field(default_factory=list)
    sequence_dialect: str | None = None  # "aie" (2026 form) or "aiex"


def read_design(path: str | Path, overrides: dict | None = None) -> Design:
    """The Design an mlir-aie file describes.

    Parameters
    ----------
    path : path
        An ``.mlir`` file in pretty or generic form. A ``manifest.json``
        beside it (npu-tiler's) supplies the options.
    overrides : dict, optional
        Options fields to use instead of the manifest's or the derived ones
        (None values are ignored).

    Returns
    -------
    Design

    Raises
    ------
    UserError
        The file cannot be read (``partitioner.mlir.parse.MlirError``, with
        file:line:col and the token), names an AIE1 or unknown device, or
        describes no device.
    """
    path = Path(path)
    module = parse_file(path)
    ir = _walk(module, path)
    device = device_mod.load(ir.device)
    manifest = manifest_file.read(path.parent)
    notes: list[str] = []
    spec = _kernel(ir, manifest, overrides, notes)
    workers = _workers(ir, spec, device, notes)
    options = _options(ir, manifest, overrides, spec, workers, notes, path)
    return _design(ir, options, spec, device, workers, notes, path)


# -- the walk -----------------------------------------------------------------------------------------

def _walk(module: ModuleOp, path: Path) -> _Ir:
    devices = [op for op in module.walk() if isinstance(op, aie.DeviceOp)]
    if not devices:
        raise UserError(f"{path}: not an mlir-aie design (no `aie.device` found)")
    if len(devices) > 1:
        raise UserError(f"{path}: {len(devices)} `aie.device` ops; npu-tiler checks one device per file")
    dev = devices[0]
    ir = _Ir(dev.device_name)
    for op in dev.body.walk():
        if isinstance(op, aie.TileOp):
            coord = (op.col.value.data, op.row.value.data)
            ir.tiles[op.result] = coord
            ir.declared.append(coord)
        elif isinstance(op, aie.ObjectFifoCreateOp):
            ir.fifos[op.sym_name.data] = op
        elif isinstance(op, aie.ObjectFifoLinkOp):
            ir.links.append(op)
        elif isinstance(op, aie.ObjectFifoAllocateOp):
            ir.allocate[op.objFifo_name.string_value()] = ir.tiles[op.delegateTile]
        elif isinstance(op, aie.ObjectFifoRegisterExternalBuffersOp):
            ir.external[op.objFifo_name.string_value()] = len(op.externalBuffers)
        elif isinstance(op, aie.ShimDMAAllocationOp):
            tile = ir.tiles[op.tile] if op.tile is not None else (op.col.value.data, 0)
            ir.shim_allocs[_symbol(op.sym_name)] = (op, tile)
            # a hand-lowered design claims its shim channel here (the ObjectFIFO lowering writes these)
            ir.dmas.append(DmaChannelDecl(tile, "in" if op.channel_dir.value.data == 0 else "out",
                                          op.channel_index.value.data, 0))
        elif isinstance(op, aie.BufferOp):
            ir.buffers.append(_buffer(op, ir, sum(b.name.startswith("_anonymous") for b in ir.buffers)))
        elif isinstance(op, aie.LockOp):
            ir.locks.append(LockDecl(op.sym_name.data if op.sym_name is not None else f"lock{len(ir.locks)}", ir.tiles[op.tile],
                                     op.lockID.value.data if op.lockID is not None else None,
                                     op.init.value.data if op.init is not None else 0))
        elif isinstance(op, (aie.MemOp, aie.MemTileDMAOp, aie.ShimDMAOp)):
            ir.dmas += _dma_channels(op, ir.tiles[op.tile])
        elif isinstance(op, aie.CoreOp):
            ir.cores.append(_core(op, ir))
        elif op.name in ("aie.runtime_sequence", "aiex.runtime_sequence"):
            ir.sequence_dialect = op.name.split(".")[0]
            _sequence(op, ir)
    return ir


def _memref(t: MemRefType) -> tuple[int, str]:
    """(elements, element type name) of a memref type."""
    return math.prod(t.get_shape()), str(t.element_type)


def _elem_bytes(elem: str, where: str) -> int:
    """Bytes of an MLIR element type: ``i8``/``ui8``/``si8`` 1, ``bf16`` 2, ``f32`` 4, ..."""
    if elem in ELEM_BYTES:
        return ELEM_BYTES[elem]
    width = elem.lstrip("usibf")
    if not width.isdigit() or int(width) % 8:
        raise UserError(f"{where}: element type {elem} has no whole number of bytes")
    return int(width) // 8


def _buffer(op: aie.BufferOp, ir: _Ir, index: int) -> BufferDecl:
    count, elem = _memref(op.buffer.type)
    # aie-assign-buffer-addresses names an unnamed buffer _anonymous<N> (docs/research section 2).
    name = op.sym_name.data if op.sym_name is not None else f"_anonymous{index}"
    aligned = op.attributes.get("aligned")
    return BufferDecl(name, ir.tiles[op.tile], count * _elem_bytes(elem, f"aie.buffer {name}"),
                      op.address.value.data if op.address is not None else None,
                      op.mem_bank.value.data if op.mem_bank is not None else None,
                      aligned=aligned is None or bool(aligned.value.data))


def _dma_channels(op: Operation, tile: Coord) -> list[DmaChannelDecl]:
    """Each ``aie.dma_start`` of a DMA program: direction, channel, and the BDs its chain walks."""
    out = []
    for start in op.walk():
        if isinstance(start, aie.DMAStartOp):
            direction = "in" if start.channel_dir.value.data == 0 else "out"  # DMAChannelDir: S2MM = 0, MM2S = 1
            out.append(DmaChannelDecl(tile, direction, start.channel_index.value.data,
                                      _chain_bds(start.successors[0])))
    return out


def _chain_bds(block: Block) -> int:
    """BDs in the chain from ``block``: blocks holding an ``aie.dma_bd``, following ``aie.next_bd`` until it loops."""
    seen: set[int] = set()
    bds = 0
    while block is not None and id(block) not in seen:
        seen.add(id(block))
        bds += sum(isinstance(op, aie.DMABDOp) for op in block.ops)
        last = block.last_op
        block = last.successors[0] if isinstance(last, aie.NextBDOp) else None
    return bds


def _symbol(attr) -> str:
    """The name of a symbol, whether the op holds it as a string or a symbol reference."""
    return attr.data if hasattr(attr, "data") and isinstance(attr.data, str) else attr.string_value()


def _constant(value: SSAValue) -> int | None:
    owner = value.owner
    if isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return owner.value.value.data
    return None


def _core(op: aie.CoreOp, ir: _Ir) -> _Core:
    core = _Core(ir.tiles[op.tile], op.stack_size.value.data if op.stack_size is not None else None)
    for inner in op.body.walk():
        if isinstance(inner, aie.ObjectFifoAcquireOp):
            name = inner.objFifo_name.string_value()
            port = "Produce" if _port(inner.port) == 0 else "Consume"
            prev = core.acquires.get(name, (port, 0))
            core.acquires[name] = (port, max(prev[1], inner.size.value.data))
        elif isinstance(inner, func.CallOp):
            core.calls.append((inner.callee.string_value(), [_constant(a) for a in inner.arguments]))
            if len(core.calls) == 1:
                core.loops = [_loop_bound(loop) for loop in _enclosing_loops(inner, op)]
    return core


def _port(attr) -> int:
    """ObjectFifoPort as its integer (Produce = 0, Consume = 1) whichever form the file used."""
    if isinstance(attr, IntegerAttr):
        return attr.value.data
    return 0 if attr.data == "Produce" else 1


def _enclosing_loops(op: Operation, stop: Operation) -> list[scf.ForOp]:
    loops = []
    parent = op.parent_op()
    while parent is not None and parent is not stop:
        if isinstance(parent, scf.ForOp):
            loops.append(parent)
        parent = parent.parent_op()
    return list(reversed(loops))


def _loop_bound(loop: scf.ForOp) -> int | None:
    lb, ub, step = (_constant(v) for v in (loop.lb, loop.ub, loop.step))
    if None in (lb, ub, step) or step <= 0:
        return None
    return -(-(ub - lb) // step)


def _sequence(op: Operation, ir: _Ir) -> None:
    """Host buffers, transfers and waits of the runtime sequence (either dialect, either form)."""
    args = op.body.blocks[0].args if op.body.blocks else ()
    names = {}
    for i, a in enumerate(args):
        count, elem = _memref(a.type)
        name = (a.name_hint or f"arg{i}").removesuffix("_host")
        names[a] = name
        ir.seq_args.append((name, count, elem))
    tasks: dict[SSAValue, str] = {}
    for inner in op.body.walk():
        if isinstance(inner, aiex.NpuDmaMemcpyNdOp):
            ir.transfers.append(dict(arg=names.get(inner.memref), fifo=inner.metadata.string_value(),
                                     offsets=_indices(inner.static_offsets, inner.offsets, inner),
                                     sizes=_indices(inner.static_sizes, inner.sizes, inner),
                                     strides=_indices(inner.static_strides, inner.strides, inner),
                                     id=inner.id.value.data))
        elif isinstance(inner, aiex.NpuDmaWaitOp):
            ir.waits.append(inner.symbol.string_value())
        elif isinstance(inner, aiex.DMAConfigureTaskForOp):
            fifo = inner.alloc.string_value()
            tasks[inner.result] = fifo
            for bd in inner.body.walk():
                if isinstance(bd, aie.DMABDOp):
                    ir.transfers.append(_task_transfer(bd, names, fifo, len(ir.transfers)))
        elif isinstance(inner, aiex.DMAConfigureTaskOp):
            # a task on a tile's own DMA channel: a hand-written BD chain in the runtime sequence
            direction = "in" if inner.direction.value.data == 0 else "out"
            ir.dmas.append(DmaChannelDecl(ir.tiles[inner.tile], direction, inner.channel.value.data,
                                          _chain_bds(inner.body.blocks[0])))
        elif isinstance(inner, aiex.DMAAwaitTaskOp) and inner.task in tasks:
            ir.waits.append(tasks[inner.task])


def _indices(static, dynamic, op: Operation) -> list[int]:
    """A ``DynamicIndexList``: the static entries, with each dynamic one taken from its constant operand."""
    values = iter(dynamic)
    out = []
    for v in static.get_values():
        if v == aiex.DYNAMIC_INDEX:
            c = _constant(next(values))
            if c is None:
                raise UserError(f"{op.name}: a size, stride or offset is not a constant; npu-tiler models "
                                f"runtime sequences with constant access patterns")
            v = c
        out.append(v)
    return out


def _task_transfer(bd: aie.DMABDOp, names: dict, fifo: str, index: int) -> dict:
    """A ``dma_bd`` of an IRON task as a transfer: its buffer, offset and access pattern (outermost first)."""
    length = bd.len.value.data if bd.len is not None else _memref(bd.buffer.type)[0]
    offset = bd.offset.value.data if bd.offset is not None else 0
    if bd.dimensions is not None and len(bd.dimensions):
        dims = [(d.size.data, d.stride.data) for d in bd.dimensions]
        dims = [(1, 0)] * (4 - len(dims)) + dims
        sizes, strides = [s for s, _ in dims], [st for _, st in dims]
    else:
        sizes, strides = [1, 1, 1, length], [0, 0, 0, 1]
    return dict(arg=names.get(bd.buffer), fifo=fifo, offsets=[0, 0, 0, offset], sizes=sizes,
                strides=strides, id=bd.bd_id.value.data if bd.bd_id is not None else index)


# -- the kernel, the workers, the options -------------------------------------------------------------

def _kernel(ir: _Ir, manifest: dict, overrides: dict | None, notes: list[str]) -> KernelSpec | None:
    """The kernel the cores call: the manifest's, else the kernels/ folder whose entry points they call."""
    name = (overrides or {}).get("kernel") or manifest.get("options", {}).get("kernel")
    if name:
        return kernel_spec.load(name)
    symbols = {c.calls[0][0] for c in ir.cores if c.calls}
    if not symbols:
        return None
    for candidate in kernel_spec.available():
        try:
            spec = kernel_spec.load(candidate)
        except UserError:
            continue  # a broken kernel folder matters only to designs that use it
        if symbols <= {e.symbol for e in spec.entries.values()}:
            notes.append(f"kernel {spec.name}: derived from the cores' calls ({', '.join(sorted(symbols))})")
            return spec
    notes.append(f"kernel unknown: no kernels/*/kernel.toml has {', '.join(sorted(symbols))}; its static data "
                 f"and stack need are not checked")
    return None


def _workers(ir: _Ir, spec: KernelSpec | None, device: Device, notes: list[str]) -> list[Worker]:
    by_symbol = {e.symbol: e for e in spec.entries.values()} if spec else {}
    workers = []
    for c in ir.cores:
        symbol, args = c.calls[0] if c.calls else ("", [])
        entry = by_symbol.get(symbol)
        frames = 0
        if entry is not None:
            position = next((i for i, a in enumerate(entry.args) if a.role == "n_frames"), len(args) - 1)
            frames = args[position] if position < len(args) and args[position] is not None else 0
        finite = [b for b in c.loops if b is not None and b < ENDLESS]
        iterations = math.prod(finite) if finite else 1
        ins = [n for n, (port, _) in c.acquires.items() if port == "Consume"]
        outs = [n for n, (port, _) in c.acquires.items() if port == "Produce"]
        name = f"{entry.name if entry else 'core'}_{c.tile[0]}_{c.tile[1]}"
        workers.append(Worker(name=name, entry=entry.name if entry else "", symbol=symbol, inputs=ins,
                              outputs=outs, frames_per_call=iterations * frames, object_frames=frames,
                              stack_bytes=c.stack if c.stack is not None else 0, tile=c.tile, group=c.tile[0]))
    return workers


def _options(ir: _Ir, manifest: dict, overrides: dict | None, spec: KernelSpec | None, workers: list[Worker],
             notes: list[str], path: Path) -> Options:
    """The manifest's options; without one, what the IR says (each derived figure noted).

    With a manifest, its device stands when the IR names a sub-array of it (same
    family, fewer columns: npu-tiler emits ``aie.device(npu1_1col)`` for a
    one-column design on ``npu1``, as IRON does); any other device in the IR
    (a hand edit) is taken from the IR.
    """
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    known = {f.name for f in fields(Options)}
    if manifest.get("options"):
        device = ir.device
        stated = manifest["options"].get("device")
        family = lambda name: name.split("_")[0] if name.startswith("npu") else name  # noqa: E731
        if stated and stated != device and family(stated) == family(device) and \
                stated in device_mod.available() and device_mod.load(device).columns < device_mod.load(stated).columns:
            device = stated
        return Options(**{**{k: v for k, v in manifest["options"].items() if k in known}, **given,
                          "device": device})
    # Without a kernel npu-tiler knows, there is no batch or strategy to speak of: left empty, not defaulted.
    derived: dict = {"device": ir.device, "kernel": spec.name if spec else "", "strategy": "", "batch": 0,
                     "tiles": len(workers), "frame_mode": ""}
    derived["mlir_aie"] = "2026" if ir.sequence_dialect == "aie" else "2025"
    how = (f"the runtime sequence's dialect ({ir.sequence_dialect}.runtime_sequence)" if ir.sequence_dialect
           else "no runtime_sequence op (the older func.func form)")
    notes.append(f"mlir-aie profile {derived['mlir_aie']}: derived from {how}")
    derived["alloc_scheme"] = "default"
    notes.append("allocation scheme: mlir-aie's default (bank-aware, falling back to basic-sequential)")
    heads = _heads(ir, workers)
    if spec is not None and heads:
        derived["batch"] = sum(w.frames_per_call for w in heads)
        derived["tiles"] = len(workers)
        derived["object_frames"] = max(w.object_frames for w in workers)
        stages = max(len(_chain(w, ir, workers)) for w in heads)
        derived["strategy"] = ("hybrid" if stages > 1 else "split") if ir.links else \
            ("pipeline" if stages > 1 else "single")
        derived["frame_mode"] = _frame_mode(ir, spec, heads)
        notes.append(f"batch {derived['batch']}, {derived['tiles']} tiles, strategy {derived['strategy']}, "
                     f"frame mode {derived['frame_mode']}: derived from the kernel calls' frame counts, the core "
                     f"loops and the links (no manifest.json beside {path.name})")
    return Options(**{**derived, **given})


def _heads(ir: _Ir, workers: list[Worker]) -> list[Worker]:
    """Workers fed by a shim or mem tile, not by another worker."""
    fed = {c for w in workers for f in w.outputs if f in ir.fifos
           for c in (ir.tiles[t] for t in ir.fifos[f].consumerTiles)}
    return [w for w in workers if w.tile not in fed and w.entry]


def _chain(head: Worker, ir: _Ir, workers: list[Worker]) -> list[Worker]:
    by_tile = {w.tile: w for w in workers}
    chain, w = [head], head
    while True:
        nxt = [by_tile.get(ir.tiles[t]) for f in w.outputs if f in ir.fifos for t in ir.fifos[f].consumerTiles]
        nxt = [n for n in nxt if n is not None and n not in chain]
        if not nxt:
            return chain
        w = nxt[0]
        chain.append(w)


def _frame_mode(ir: _Ir, spec: KernelSpec, heads: list[Worker]) -> str:
    if spec.entry(heads[0].entry).consumes == "chunk":
        return "streamed"
    hop = spec.geometry.hop_samples
    overlapping = any(t["strides"][2] == hop and t["sizes"][3] == spec.geometry.frame_samples
                      for t in ir.transfers)
    return "dma-framed" if overlapping else "framed"


# -- the Design -----------------------------------------------------------------------------------------

def _design(ir: _Ir, options: Options, spec: KernelSpec | None, device: Device, workers: list[Worker],
            notes: list[str], path: Path) -> Design:
    from partitioner.lowering_profile import load as load_profile

    default_stack = load_profile(options.mlir_aie).default_stack_bytes
    tile_worker = {w.tile: w for w in workers}
    core_of = {c.tile: c for c in ir.cores}
    for w in workers:
        if core_of[w.tile].stack is None:
            w.stack_bytes = default_stack
    acquires: dict[str, dict[str, int]] = {}
    for c in ir.cores:
        for n, (_, size) in c.acquires.items():
            acquires.setdefault(n, {})[tile_worker[c.tile].name] = size
    shims: dict[int, Coord] = {}
    mems: dict[int, Coord] = {}

    def endpoint(t: Coord) -> str:
        kind = device.kind_of(t)
        if kind == "shim":
            shims[t[0]] = t
            return f"shim:{t[0]}"
        if kind == "mem":
            key = t[0] + 1000 * device.mem_rows.index(t[1])  # several mem rows (xcve2802): one key each
            mems[key] = t
            return f"mem:{key}"
        return tile_worker[t].name if t in tile_worker else f"tile:{t[0]},{t[1]}"

    fifos = []
    for name, op in ir.fifos.items():
        count, elem = _memref(op.elemType.element_type)
        prod = ir.tiles[op.producerTile]
        cons = [ir.tiles[t] for t in op.consumerTiles]
        depth = op.elemNumber
        depth_value = depth.value.data if isinstance(depth, IntegerAttr) else tuple(d.value.data for d in depth.data)
        dims_from = op.dimensionsFromStreamPerConsumer
        cons_type = op.consumerElemType
        cons_bytes = None
        if cons_type is not None:
            c_count, c_elem = _memref(cons_type.element_type)
            cons_bytes = c_count * _elem_bytes(c_elem, f"aie.objectfifo @{name}")
        fifos.append(ObjectFifo(
            name=name, producer=endpoint(prod), consumers=[endpoint(t) for t in cons],
            object_bytes=count * _elem_bytes(elem, f"aie.objectfifo @{name}"), elem_type=elem, elem_count=count,
            depth=depth_value, object_frames=0, stream="", producer_tile=prod, consumer_tiles=cons,
            acquire=acquires.get(name, {}), via_dma=op.via_DMA is not None and bool(op.via_DMA.value.data),
            init_values=op.initValues is not None,
            dims_to_stream=bool(op.dimensionsToStream is not None and len(op.dimensionsToStream)),
            dims_from_stream=bool(dims_from is not None and any(len(d) for d in dims_from)),
            repeat_count=op.repeat_count.value.data if op.repeat_count is not None else None,
            consumer_object_bytes=cons_bytes, allocate_tile=ir.allocate.get(name),
            external_buffers=ir.external.get(name, 0)))
    links = [_link(op, ir) for op in ir.links]
    _number_chains(workers, fifos)
    if spec is not None:
        _fifo_frames_and_streams(fifos, workers, links, spec)
    transfers, buffers = _host_side(ir, options, spec, fifos, device, path)
    object_frames = max((w.object_frames for w in workers), default=0)
    # The design's depth is its compute tiles' buffering (mem tiles keep their own).
    depths = [f.depth_for(i) for f in fifos for i, tile in enumerate([f.producer_tile, *f.consumer_tiles])
              if device.kind_of(tile) == "compute"]
    return Design(name=path.parent.name if path.name == "aie.mlir" else path.stem, options=options,
                  workers=workers, fifos=fifos, links=links,
                  sequence=RuntimeSequence(buffers, transfers, ir.waits), groups=max(len(shims), 1),
                  object_frames=object_frames, depth=max(depths, default=1), shims=shims, mem_tiles=mems,
                  notes=notes, buffers=ir.buffers, locks=ir.locks, dma_channels=ir.dmas, tiles=sorted(set(ir.declared)))


def _link(op: aie.ObjectFifoLinkOp, ir: _Ir) -> Link:
    ins = [r.string_value() for r in op.fifoIns.data]
    outs = [r.string_value() for r in op.fifoOuts.data]
    src = [o.value.data for o in op.src_offsets.data]
    dst = [o.value.data for o in op.dst_offsets.data]
    kind = "join" if len(ins) > 1 or src else "distribute"
    big = outs[0] if kind == "join" else ins[0]
    # The link sits on the tile its FIFOs share: where its outputs are produced.
    tile = ir.tiles[ir.fifos[outs[0]].producerTile]
    return Link(f"{big}_{'join' if kind == 'join' else 'split'}", kind, ins, outs, src or dst or [0], tile=tile,
                group=tile[0])


def _host_side(ir: _Ir, options: Options, spec: KernelSpec | None, fifos: list[ObjectFifo], device: Device,
               path: Path) -> tuple[list[ShimTransfer], list[HostBuffer]]:
    fifo_of = {f.name: f for f in fifos}
    transfers, direction_of = [], {}
    for t in ir.transfers:
        f = fifo_of.get(t["fifo"])
        elem = next((e for n, _, e in ir.seq_args if n == t["arg"]), f.elem_type if f else "i32")
        if f is None:
            transfers.append(_allocation_transfer(t, ir, device, elem, path))
            direction_of[t["arg"]] = transfers[-1].direction
            continue
        shim_in = device.kind_of(f.producer_tile) == "shim"
        direction_of[t["arg"]] = "in" if shim_in else "out"
        # Element offset of the first element: offsets scale by their strides (a zero-stride offset
        # still counts in elements).
        offset = sum(o * (s or 1) for o, s in zip(t["offsets"], t["strides"]))
        shim = f.producer_tile if shim_in else f.consumer_tiles[0]
        transfers.append(ShimTransfer(t["arg"], t["fifo"], "in" if shim_in else "out", offset, t["sizes"],
                                      t["strides"], _elem_bytes(elem, "runtime sequence"), shim=shim,
                                      group=shim[0], bd_id=t["id"]))
    buffers = []
    tail = None
    if spec is not None and options.strategy:
        produced = {spec.entry(w).produces for w in spec.entries}
        tail = "logmel" if "logmel" in produced else next(iter(produced), "")
    for name, count, elem in ir.seq_args:
        direction = direction_of.get(name, "in")
        if direction == "in":
            stream = "frames" if options.frame_mode == "framed" else "audio"
        else:
            stream = tail or ""
        buffers.append(HostBuffer(name, direction, elem, count, _elem_bytes(elem, "runtime sequence"), stream,
                                  options.batch))
    return transfers, buffers


def _allocation_transfer(t: dict, ir: _Ir, device: Device, elem: str, path: Path) -> ShimTransfer:
    """A transfer on an ``aie.shim_dma_allocation`` of a hand-lowered design: it takes a BD on that shim."""
    if t["fifo"] not in ir.shim_allocs:
        raise UserError(f"{path}: the runtime sequence moves data on @{t['fifo']}, which is neither an "
                        f"aie.objectfifo nor an aie.shim_dma_allocation of this design")
    op, tile = ir.shim_allocs[t["fifo"]]
    direction = "in" if op.channel_dir.value.data == 1 else "out"  # MM2S = 1: host to array
    offset = sum(o * (s or 1) for o, s in zip(t["offsets"], t["strides"]))
    return ShimTransfer(t["arg"], t["fifo"], direction, offset, t["sizes"], t["strides"],
                        _elem_bytes(elem, "runtime sequence"), shim=tile, group=tile[0], bd_id=t["id"])


def _number_chains(workers: list[Worker], fifos: list[ObjectFifo]) -> None:
    """Group, chain and stage of every worker from the IR's structure, and the names the partitioner gives.

    A worker fed by a shim or mem tile heads a chain; each compute-to-compute
    FIFO adds a stage. Groups are the design's columns in order, chains the
    heads of a group by row: the numbering of ``partitioner.strategies``, so
    a design npu-tiler emitted reads back with its own worker names.
    """
    by_name = {w.name: w for w in workers}
    next_of: dict[str, Worker] = {}
    fed_by_worker: set[str] = set()
    for f in fifos:
        if f.producer in by_name:
            for c in f.consumers:
                if c in by_name:
                    next_of[f.producer] = by_name[c]
                    fed_by_worker.add(c)
    columns = sorted({w.tile[0] for w in workers})
    heads = sorted((w for w in workers if w.name not in fed_by_worker), key=lambda w: (w.tile[0], w.tile[1]))
    chain_in_group: dict[int, int] = {}
    renames: dict[str, str] = {}
    for head in heads:
        group = columns.index(head.tile[0])
        chain = chain_in_group.get(group, 0)
        chain_in_group[group] = chain + 1
        w, stage, seen = head, 0, set()
        while w is not None and w.name not in seen:
            seen.add(w.name)
            w.group, w.chain, w.stage = group, chain, stage
            renames[w.name] = f"{w.entry or 'core'}_{group}_{chain}"
            w, stage = next_of.get(w.name), stage + 1
    for w in workers:
        w.name = renames.get(w.name, w.name)
    for f in fifos:
        f.producer = renames.get(f.producer, f.producer)
        f.consumers = [renames.get(c, c) for c in f.consumers]
        f.acquire = {renames.get(k, k): v for k, v in f.acquire.items()}


def _fifo_frames_and_streams(fifos: list[ObjectFifo], workers: list[Worker], links: list[Link],
                             spec: KernelSpec) -> None:
    """What each FIFO carries and how many frames one object holds, from the workers at its ends.

    A FIFO a worker reads carries what its entry point consumes; one a worker
    writes, what it produces. A link's big FIFO carries what its sub-FIFOs do,
    and its objects hold all of theirs.
    """
    by_name = {w.name: w for w in workers if w.entry}
    fifo = {f.name: f for f in fifos}
    for f in fifos:
        reader = next((by_name[c] for c in f.consumers if c in by_name), None)
        writer = by_name.get(f.producer)
        if reader is not None:
            f.stream, f.object_frames = spec.entry(reader.entry).consumes, reader.object_frames
        elif writer is not None:
            f.stream, f.object_frames = spec.entry(writer.entry).produces, writer.object_frames
    for link in links:
        subs = [fifo[s] for s in link.subs]
        big = fifo[link.big]
        big.stream = subs[0].stream
        big.object_frames = sum(s.object_frames for s in subs)

