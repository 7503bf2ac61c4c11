"""From a parsed mlir-aie module to the one Design: any AIE2-family design, emitted or hand-written.

:func:`read_design` reads the module's :class:`~partitioner.mlir.index.Index` only: tiles,
ObjectFIFOs and links, hand-written buffers (with their memref's memory space), locks and DMA
programs, cores (what they acquire, the kernel they call, their loops and stack, and what they state
of their tile's memory: ``data_size`` / ``measured_data_size``, ``stack_address`` / ``stack_bank``, a
prebaked core's ``measured_data_ranges``) and the runtime sequence. Options come from the
folder's ``manifest.json`` when npu-tiler wrote one, after every field the IR also states is held to the
IR (:mod:`partitioner.manifest`: a disagreement is one error naming the field); otherwise from the IR,
each derived figure noted in the Design's notes. A design npu-tiler emitted reads back to the partitioner's own Design.

Hand-written DMA channels are counted as the hardware uses them: chains and runtime-sequence tasks
on one channel share it, a task's BDs are held from its configure to its await or free, and every
form of the runtime sequence (``*.runtime_sequence`` or the older ``func.func``) moves host data on
shim BDs. A hand-written ``aie.shim_dma_allocation`` claims its shim channel only when an
``aie.flow`` or ``aie.packet_flow`` uses it, as mlir-aie counts channels where a route claims them
(:func:`_routed_shim_channels`). What the index records but no model follows is named in the notes,
op by op ("not modelled: <op> at file:line:col").

A file may hold several ``aie.device`` ops; aiecc compiles each (``--device-name`` picks one), so
each is its own design: ``read_design(..., device=NAME)`` reads one (:func:`select_device`), and
:func:`partitioner.check.evaluate_devices` reads them all.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

from xdsl.dialects.builtin import IntegerAttr, MemRefType
from xdsl.ir import Operation

from partitioner import device as device_mod
from partitioner import kernel_spec, profiles
from partitioner import manifest as manifest_file
from partitioner.context import Context
from partitioner.design import (UNNAMED_BUFFER, BufferDecl, Coord, Design, DmaChannelDecl, HostBuffer, Link, LockDecl,
                                ObjectFifo, Options, RuntimeSequence, ShimTransfer, Worker)
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.mlir import aie, aiex
from partitioner.mlir import index as ix
from partitioner.mlir.aie import DMAChannelDir, ObjectFifoPort, WireBundle, int_of
from partitioner.mlir.index import io, memref
from partitioner.mlir.parse import Source


@dataclass
class _Ir:
    """The index's device, with what its cores and runtime sequences come to."""

    dev: ix.DeviceIndex
    device: Device
    path: Path
    dmas: list[DmaChannelDecl] = field(default_factory=list)
    seq_args: list[tuple[str, int, str]] = field(default_factory=list)  # name, elements, element type
    transfers: list[ShimTransfer] = field(default_factory=list)
    waits: list[str] = field(default_factory=list)
    sequence_dialect: str | None = None  # "aie" (2026 form) or "aiex"
    unrouted: list[ix.ShimAlloc] = field(default_factory=list)  # shim allocations no route uses (no channel)


def design_file(path: str | Path) -> Path:
    """The ``.mlir`` file a path names: the file itself, or a design folder's ``aie.mlir``.

    Raises
    ------
    UserError
        The path does not exist, or is a folder without ``aie.mlir``.
    """
    path = Path(path)
    if path.is_dir():
        if not (path / "aie.mlir").is_file():
            raise UserError(f"{path} has no aie.mlir: not a design folder "
                            f"(emit one with `npu-tiler emit --out {path}`)")
        return path / "aie.mlir"
    if not path.exists():
        raise UserError(f"{path} does not exist: give a design folder (`npu-tiler emit --out DIR` writes one) "
                        f"or an .mlir file")
    return path


def read_design(source: Source, overrides: dict | None = None, device: str | None = None) -> tuple[Design, Context]:
    """The Design a parsed mlir-aie file describes, and its options resolved (device, kernel, profile).

    Parameters
    ----------
    source : Source
        The parsed file (:func:`partitioner.mlir.parse.read_source`). A ``manifest.json`` beside
        it (npu-tiler's) supplies the options and the design's name.
    overrides : dict, optional
        Options fields to use instead of the manifest's or the derived ones (None values are ignored).
    device : str, optional
        The ``aie.device`` to read, by name (``@name`` on the op, the ``@`` optional; ``#k`` for the k-th
        unnamed one). Default: the only device, or the configuration an ``aiex.configure`` loads
        (:attr:`partitioner.mlir.index.Index.design`).

    Returns
    -------
    (Design, Context)
        The context is what :func:`partitioner.check.evaluate` checks the Design with.

    Raises
    ------
    UserError
        The module names an AIE1 or unknown device, describes no device, has no device of that name, or
        several and no name is given (the message lists their names).
    """
    path = Path(source.filename)
    ir = _collect(source.index, path, source.locate, select_device(source.index, path, device))
    manifest = manifest_file.read(path.parent)
    if manifest:  # the IR is the truth: the manifest's kernel, device and profile are held to it first
        manifest_file.verify_target(manifest, _target(ir), path.parent / manifest_file.NAME, path.name)
    # what the file holds that no model follows, each op where it is (issue 20 item 1)
    notes: list[str] = [f"not modelled: {ix.describe(op)} at {source.locate(op)}"
                        for op in ir.dev.not_modelled]
    notes += [f"aie.logical_tile at {source.locate(op)} placed at {tile} by mlir-aie's sequential placer rule "
              f"(aie-place-tiles; partitioner.mlir.place)" for op, tile in ir.dev.placed.items()
              if op.col is None or op.row is None]
    if ir.unrouted:
        notes.append("shim DMA channels no aie.flow or aie.packet_flow uses take no channel (mlir-aie counts a "
                     "shim's channels where a route claims them): " + ", ".join(
                         f"@{a.symbol} (shim {a.tile} {a.direction.name} {a.channel}, at {source.locate(a.op)})"
                         for a in ir.unrouted))
    if len(source.index.checked) == 1:
        notes += [f"aie.device at {source.locate(d.op)}: not the configuration checked (it launches or is a "
                  f"base configuration); the device checked is the one aiex.configure loads, at "
                  f"{source.locate(ir.dev.op)}" for d in source.index.devices if d is not ir.dev]
    else:
        others = ", ".join(d.label for d in source.index.checked if d is not ir.dev)
        notes.append(f"device {ir.dev.label} of {len(source.index.checked)} in the file (at "
                     f"{source.locate(ir.dev.op)}), checked as its own design; aiecc compiles each "
                     f"(--device-name selects one); the others: {others}")
    spec = _kernel(ir, manifest, overrides, notes)
    workers = _workers(ir, spec, notes)
    options = _options(ir, manifest, overrides, spec, workers, notes)
    # the kernel the options name, as the check loads it (the spec read from the cores when it is that one)
    context = Context.for_options(options, spec=spec if spec is not None and spec.name == options.kernel else None)
    design = _design(ir, options, spec, context.profile.default_stack_bytes, workers, notes)
    if manifest:  # ... and its batch, frames, depth, cores and host buffers to the design the IR describes
        manifest_file.verify_design(manifest, _shape(ir, spec, design), path.parent / manifest_file.NAME, path.name)
    design.name = manifest.get("design", design.name)
    if len(source.index.checked) > 1:  # one design per device: named for it too
        design.name = f"{design.name}@{ir.dev.symbol}"
    return design, context


# -- from the index -----------------------------------------------------------------------------------

def select_device(index: ix.Index, path: Path, name: str | None = None) -> ix.DeviceIndex:
    """The ``aie.device`` of ``index`` to read: the one named ``name``, else ``index.design``
    (:attr:`partitioner.mlir.index.Index.design`).

    Raises
    ------
    UserError
        No device; no device of that name; several devices, none a configuration an
        ``aiex.configure`` loads, and no name (each message lists the devices' names).
    """
    if not index.devices:
        raise UserError(f"{path}: not an mlir-aie design (no `aie.device` found)")
    names = ", ".join(d.label for d in index.devices)
    if name is not None:
        if (dev := index.named(name)) is None:
            raise UserError(f"{path}: no aie.device named {name}; it has {names}")
        return dev
    if index.design is None:
        raise UserError(f"{path}: {len(index.devices)} `aie.device` ops ({names}); name the one to read "
                        f"(partitioner.read(path, device=NAME); `npu-tiler check` checks each)")
    return index.design


def _collect(index: ix.Index, path: Path, locate: Callable[[Operation], str], dev: ix.DeviceIndex) -> _Ir:
    if dev.unplaced:
        err = dev.placement_error
        why = f"mlir-aie's placer refuses it at {locate(err.op)}: {err}" if err is not None else \
            "the placer gave it no tile"
        raise UserError(f"{path}: {len(dev.unplaced)} aie.logical_tile op(s) not placed ({why}); aiecc places them "
                        f"with aie-place-tiles, whose rule npu-tiler follows (partitioner.mlir.place)")
    ir = _Ir(dev, device_mod.load(dev.name), path)
    # a hand-lowered design claims its shim channel here (the ObjectFIFO lowering writes these), when a
    # stream route uses it (see _routed_shim_channels)
    routed = _routed_shim_channels(dev)
    decls = [(a.op, DmaChannelDecl(a.tile, io(a.direction), a.channel, 0)) for a in dev.shim_allocs.values()
             if routed is None or (a.tile, a.direction, a.channel) in routed]
    ir.unrouted = [a for a in dev.shim_allocs.values()
                   if routed is not None and (a.tile, a.direction, a.channel) not in routed]
    decls += [(p.op, DmaChannelDecl(p.tile, io(c.direction), c.channel, _bd_count(c)))
              for p in dev.dmas for c in p.chains]
    order = {id(op): i for i, op in enumerate(dev.op.body.ops)}  # in the file's order
    for _, d in sorted(decls, key=lambda od: order.get(id(od[0]), 0)):
        _claim(ir, d)
    # Every form of the runtime sequence moves host data on shim BDs: the *.runtime_sequence ops, else
    # the older func.func form (the one sequence the hang model runs, partitioner.hangs.build).
    sequences = [s for s in dev.sequences if s.form != "func"] or dev.sequences[:1]
    for seq in sequences:
        ir.sequence_dialect = None if seq.form == "func" else seq.form
        _sequence(seq, ir)
    return ir


def _routed_shim_channels(dev: ix.DeviceIndex) -> set[tuple[Coord, DMAChannelDir, int]] | None:
    """The shim DMA channels a stream route uses: an ``aie.flow`` or ``aie.packet_flow`` end on a tile's
    DMA port (a source end is an MM2S channel, a destination end an S2MM one); None when the device
    routes by hand (``aie.switchbox`` / ``aie.shim_mux``, which the index does not read).

    mlir-aie counts a shim's DMA channels where a route claims a port: the router sizes each shim
    mux by ``getNumSourceShimMuxConnections`` / ``getNumDestShimMuxConnections`` (DMA: 2 each on an
    AIE2 shim NOC tile, lib/Dialect/AIE/IR/AIETargetModel.cpp ``AIE2TargetModel``), and the
    ObjectFIFO lowering draws its channels from the same counts. An ``aie.shim_dma_allocation`` is a
    symbol for the runtime sequence's transfers; nothing in mlir-aie compares its channel with that
    count, so one that no route uses (test/npu-xrt/many_buffers/aie.mlir @ d64e9c1e: channels 2 and 3
    of two shims, no flow, compiled and run by mlir-aie's CI) claims no channel here either.
    """
    if any(op.name in ("aie.switchbox", "aie.shim_mux") for op in dev.unmodelled):
        return None
    ends: set[tuple[Coord, DMAChannelDir, int]] = set()
    for f in dev.flows:
        if f.source_bundle is WireBundle.DMA:
            ends.add((f.source, DMAChannelDir.MM2S, f.source_channel))
        if f.dest_bundle is WireBundle.DMA:
            ends.add((f.dest, DMAChannelDir.S2MM, f.dest_channel))
    for pf in dev.packet_flows:
        for end in pf.ends:
            if end.tile in dev.tiles and WireBundle.of(end.bundle) is WireBundle.DMA:
                way = DMAChannelDir.MM2S if isinstance(end, aie.PacketSourceOp) else DMAChannelDir.S2MM
                ends.add((dev.tiles[end.tile], way, end.channel.value.data))
    return ends


def _bd_count(chain: ix.DmaChain) -> int:
    return sum(len(b.bds) for b in chain.bds)


def _claim(ir: _Ir, decl: DmaChannelDecl) -> None:
    """Add a channel's chain to the Design's hand-written channels: one entry per (tile, direction, channel).

    Several chains on one channel share it: ``aie.dma_start`` ops on one channel of an ``aie.mem``
    queue their chains as tasks of that channel, and so do runtime-sequence tasks (a task queue of
    depth 4 per channel, npu1-facts.md section 12 "DMA tasks queued on one channel share it";
    mlir-aie test/npu-xrt/dma_queue_overflow @ 91d723b7: 14 tasks on shim MM2S 0, one channel,
    test/npu-xrt/dmabd_task_queue @ 0737c419: two ``dma_start(S2MM, 0)``). Their BDs add up.
    """
    key = (decl.tile, decl.direction, decl.channel)
    for d in ir.dmas:
        if (d.tile, d.direction, d.channel) == key:
            d.bds += decl.bds
            return
    ir.dmas.append(decl)


def _task_bds(seq: ix.Sequence) -> dict[tuple[Coord, str, int], int]:
    """The most BDs each tile channel's runtime-sequence tasks hold at once.

    A task's BDs are taken at its ``aiex.dma_configure_task`` and given back at its
    ``aiex.dma_await_task`` or ``aiex.dma_free_task`` (mlir-aie
    lib/Dialect/AIEX/Transforms/AIEAssignRuntimeSequenceBDIDs.cpp @ 0c96b7d3: ``allocateConfigure``,
    ``recycle``). mlir-aie draws them from one pool per tile; the peaks here are per channel, so
    their sum is at least the tile's peak (never fewer BDs than mlir-aie needs).
    """
    live: dict[int, tuple[tuple[Coord, str, int], int]] = {}  # id(Task) -> (channel, BDs)
    now: dict[tuple[Coord, str, int], int] = {}
    peak: dict[tuple[Coord, str, int], int] = {}
    for step in seq.steps:
        if isinstance(step, ix.Task) and step.tile is not None:
            key = (step.tile, io(step.chain.direction), step.chain.channel)
            live[id(step)] = (key, _bd_count(step.chain))
            now[key] = now.get(key, 0) + live[id(step)][1]
            peak[key] = max(peak.get(key, 0), now[key])
        elif (isinstance(step, ix.TaskFree) or isinstance(step, ix.TaskUse) and not step.start) \
                and step.task is not None and id(step.task) in live:
            key, n = live.pop(id(step.task))
            now[key] -= n
    return peak


def _elem_bytes(elem: str, where: str) -> int:
    """Bytes of an MLIR element type (:func:`partitioner.mlir.index.elem_bytes`), or why it has none."""
    if (n := ix.elem_bytes(elem)) is None:
        raise UserError(f"{where}: element type {elem} has no whole number of bytes")
    return n


def _nbytes(t: MemRefType, where: str) -> int:
    count, elem = memref(t)
    return count * _elem_bytes(elem, where)


def _buffers(dev: ix.DeviceIndex) -> list[BufferDecl]:
    """The ``aie.buffer`` ops in program order, then the extents of each prebaked core (:func:`_prebaked`)."""
    out = []
    for op in dev.buffers:
        name = op.sym_name.data if op.sym_name is not None else \
            f"{UNNAMED_BUFFER}{sum(d.name.startswith(UNNAMED_BUFFER) for d in out)}"
        aligned = op.attributes.get("aligned")
        out.append(BufferDecl(name, dev.tiles[op.tile], _nbytes(op.buffer.type, f"aie.buffer {name}"),
                              int_of(op.address), int_of(op.mem_bank),
                              aligned=aligned is None or bool(aligned.value.data),
                              memory_space=_memory_space(op.buffer.type)))
    return out + _prebaked(dev, {b.name for b in out})


def _memory_space(t: MemRefType) -> int | None:
    """The integer memory space of a memref (``memref<64xi8, 6>``: 6), None when it names none.

    The newest allocator reads it as the banks the buffer may lie in (AIEAssignBuffers.cpp, search id
    68911127918, ``banksFromMemorySpace``: an IntegerAttr space, anything else names no bank)."""
    space = t.memory_space
    return space.value.data if isinstance(space, IntegerAttr) else None


def _prebaked(dev: ix.DeviceIndex, names: set[str]) -> list[BufferDecl]:
    """A prebaked (``elf_file``) core's ``measured_data_ranges`` as address-pinned buffers.

    AIEAssignBuffers.cpp (search id 68911127918) ``materializePrebakedRanges``: each (address, size) pair with a
    positive size becomes ``prebaked_<col>_<row>_<address>`` at that address, ``aligned = false`` (the ELF's
    addresses are final), unless a buffer of that name is already there (the pass is idempotent). mlir-aie
    inserts them before the core; here they follow the declared buffers (pinned, so no tie depends on order).
    """
    out = []
    for c in dev.cores:
        ranges = c.op.measured_data_ranges
        values = list(ranges.get_values()) if ranges is not None else []
        for address, size in zip(values[0::2], values[1::2]):  # an odd last value pairs with nothing
            name = f"prebaked_{c.tile[0]}_{c.tile[1]}_{address}"
            if size > 0 and name not in names:
                names.add(name)
                out.append(BufferDecl(name, c.tile, size, address, aligned=False))
    return out


def _sequence(seq: ix.Sequence, ir: _Ir) -> None:
    """Host buffers, transfers and waits of a runtime sequence."""
    names = {}
    for i, a in enumerate(seq.args):
        names[a] = (a.name_hint or f"arg{i}").removesuffix("_host")
        if isinstance(a.type, MemRefType):  # a scalar argument (a run-time parameter) is no host buffer
            ir.seq_args.append((names[a], *memref(a.type)))
    # tasks on a tile's own DMA channel: hand-written BD chains in the runtime sequence, one channel each
    for (tile, way, channel), bds in _task_bds(seq).items():
        _claim(ir, DmaChannelDecl(tile, way, channel, bds))
    for step in seq.steps:
        if isinstance(step, ix.Transfer):
            if None in (*step.offsets, *step.sizes, *step.strides):
                raise UserError(f"{step.op.name}: a size, stride or offset is not a constant; npu-tiler models "
                                f"runtime sequences with constant access patterns")
            ir.transfers.append(_transfer(ir, names.get(step.memref), step.symbol, list(step.offsets),
                                          list(step.sizes), list(step.strides), step.id))
        elif isinstance(step, ix.Wait):
            ir.waits.append(step.symbol)
        elif isinstance(step, ix.Task) and step.symbol is not None:
            for bd in (b for s in step.chain.bds for b in s.bds):
                ir.transfers.append(_task_transfer(ir, bd, names, step.symbol))
        elif isinstance(step, ix.TaskUse) and not step.start and step.task is not None and step.task.symbol:
            ir.waits.append(step.task.symbol)


def _task_transfer(ir: _Ir, bd: aie.DMABDOp, names: dict, symbol: str) -> ShimTransfer:
    """A ``dma_bd`` of an IRON task as a transfer: its buffer, offset and access pattern (outermost first)."""
    dims = [(d.size.data, d.stride.data) for d in bd.dimensions or ()] or [(int_of(bd.len) or
                                                                             memref(bd.buffer.type)[0], 1)]
    dims = [(1, 0)] * (4 - len(dims)) + dims
    return _transfer(ir, names.get(bd.buffer), symbol, [0, 0, 0, int_of(bd.offset, 0)], [s for s, _ in dims],
                     [st for _, st in dims], int_of(bd.bd_id, len(ir.transfers)))


def _transfer(ir: _Ir, arg: str | None, symbol: str, offsets: list[int], sizes: list[int], strides: list[int],
              bd_id: int) -> ShimTransfer:
    """A host transfer on ``symbol``: an ObjectFIFO's shim end, or a hand-lowered ``aie.shim_dma_allocation``."""
    if (fifo := ir.dev.fifos.get(symbol)) is not None:
        producer = ir.dev.tiles[fifo.producerTile]
        direction = "in" if ir.device.kind_of(producer) == "shim" else "out"
        shim = producer if direction == "in" else ir.dev.tiles[fifo.consumerTiles[0]]
        elem = memref(fifo.elemType.element_type)[1]
    elif (alloc := ir.dev.shim_allocs.get(symbol)) is not None:
        direction = "in" if alloc.direction is DMAChannelDir.MM2S else "out"  # MM2S: host to array
        shim, elem = alloc.tile, "i32"
    else:
        raise UserError(f"{ir.path}: the runtime sequence moves data on @{symbol}, which is neither an "
                        f"aie.objectfifo nor an aie.shim_dma_allocation of this design")
    elem = next((e for n, _, e in ir.seq_args if n == arg), elem)
    # Element offset of the first element: offsets scale by their strides (a zero-stride offset still
    # counts in elements).
    offset = sum(o * (s or 1) for o, s in zip(offsets, strides))
    return ShimTransfer(arg, symbol, direction, offset, sizes, strides, _elem_bytes(elem, "runtime sequence"),
                        shim=shim, group=shim[0], bd_id=bd_id)


# -- the kernel, the workers, the options -------------------------------------------------------------

def _kernel(ir: _Ir, manifest: dict, overrides: dict | None, notes: list[str]) -> KernelSpec | None:
    """The kernel the cores call: the manifest's, else the kernels/ folder whose entry points they call."""
    name = (overrides or {}).get("kernel") or manifest.get("options", {}).get("kernel")
    if name:
        return kernel_spec.load(name)
    symbols = {c.calls[0][0].callee for c in ir.dev.cores if c.calls}
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


def _workers(ir: _Ir, spec: KernelSpec | None, notes: list[str]) -> list[Worker]:
    by_symbol = {e.symbol: e for e in spec.entries.values()} if spec else {}
    workers = []
    for c in ir.dev.cores:
        call, loops = c.calls[0] if c.calls else (None, ())
        symbol, args = (call.callee, call.args) if call else ("", [])
        entry = by_symbol.get(symbol)
        frames = 0
        if entry is not None:
            position = next((i for i, a in enumerate(entry.args) if a.role == "n_frames"), len(args) - 1)
            frames = args[position] if position < len(args) and args[position] is not None else 0
        finite = [b for b in (loop.trip for loop in loops if not loop.branch) if b is not None and b < ix.ENDLESS]
        iterations = math.prod(finite) if finite else 1
        acquires = c.acquires
        ins = [n for n, (port, _) in acquires.items() if port is ObjectFifoPort.Consume]
        outs = [n for n, (port, _) in acquires.items() if port is ObjectFifoPort.Produce]
        name = f"{entry.name if entry else 'core'}_{c.tile[0]}_{c.tile[1]}"
        workers.append(Worker(name=name, entry=entry.name if entry else "", symbol=symbol, inputs=ins,
                              outputs=outs, frames_per_call=iterations * frames, object_frames=frames,
                              stack_bytes=c.stack, tile=c.tile, group=c.tile[0],
                              data_bytes=_data_bytes(c, ir.dev, notes), stack_address=int_of(c.op.stack_address),
                              stack_bank=int_of(c.op.stack_bank)))
    return workers


def _data_bytes(c: ix.Core, dev: ix.DeviceIndex, notes: list[str]) -> int | None:
    """The bytes a core's own sections (.data/.rodata/.bss) take, as the core states them; None: it does not.

    AIEAssignBuffers.cpp (search id 68911127918) ``materializeCoreDataBuffers``: a declared ``data_size`` wins,
    else aiecc's ``measured_data_size``; a size of 0 or less makes no buffer, and a tile that already holds a
    ``core_data`` buffer (the pass's own output, read again) gets no second one: 0 here, its bytes are that
    buffer's. Without either attribute the kernel spec's static data stands (partitioner.check).
    """
    declared, measured = int_of(c.op.data_size), int_of(c.op.measured_data_size)
    if declared is None and measured is None:
        return None
    size = max(declared if declared is not None else measured, 0)
    held = any(b.attributes.get("core_data") is not None and dev.tiles[b.tile] == c.tile for b in dev.buffers)
    which = f"core {c.tile}: {'data_size' if declared is not None else 'measured_data_size'}"
    if size == 0:
        notes.append(f"{which} reserves nothing (materializeCoreDataBuffers makes no buffer): the core's "
                     f"static data is not modelled")
    elif held:
        notes.append(f"{which} = {size} B is already held by the tile's core_data buffer")
    else:
        notes.append(f"{which} = {size} B taken as the core's static data (.data/.rodata/.bss), in place of "
                     f"the kernel's")
    return 0 if held else size


def _options(ir: _Ir, manifest: dict, overrides: dict | None, spec: KernelSpec | None, workers: list[Worker],
             notes: list[str]) -> Options:
    """The manifest's options; without one, what the IR says (each derived figure noted).

    With a manifest, its device stands when the IR names a sub-array of it (same
    family, fewer columns: npu-tiler emits ``aie.device(npu1_1col)`` for a
    one-column design on ``npu1``, as IRON does); any other device in the IR
    (a hand edit) is refused by :func:`partitioner.manifest.verify_target`, which
    holds every field the IR also states to it before the options are used.
    """
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    known = {f.name for f in fields(Options)}
    if manifest.get("options"):
        device = ir.dev.name
        stated = manifest["options"].get("device")
        if stated and device_mod.is_sub_array(device, stated):  # npu1_1col in the IR, npu1 in the manifest
            device = stated
        return Options(**{**{k: v for k, v in manifest["options"].items() if k in known}, **given,
                          "device": device})
    return Options(**{**_derived(ir, spec, workers, notes), **given})


def _derived(ir: _Ir, spec: KernelSpec | None, workers: list[Worker], notes: list[str]) -> dict:
    """The options the IR states, each derived figure noted: what a design without a manifest is read with,
    and what a manifest is held to (:func:`_shape`)."""
    # Without a kernel npu-tiler knows, there is no batch or strategy to speak of: left empty, not defaulted.
    derived: dict = {"device": ir.dev.name, "kernel": spec.name if spec else "", "strategy": "", "batch": 0,
                     "tiles": len(workers), "frame_mode": ""}
    derived["mlir_aie"] = _profile_for(ir.sequence_dialect)
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
        derived["strategy"] = ("hybrid" if stages > 1 else "split") if ir.dev.links else \
            ("pipeline" if stages > 1 else "single")
        derived["frame_mode"] = _frame_mode(ir, spec, heads)
        notes.append(f"batch {derived['batch']}, {derived['tiles']} tiles, strategy {derived['strategy']}, "
                     f"frame mode {derived['frame_mode']}: derived from the kernel calls' frame counts, the core "
                     f"loops and the links (no manifest.json beside {ir.path.name})")
    return derived


def _target(ir: _Ir) -> manifest_file.Target:
    """What the IR says of the device, the runtime-sequence op and the kernel, for a manifest to be held to."""
    return manifest_file.Target(device=ir.dev.name, runtime_sequence=f"{ir.sequence_dialect or 'aiex'}.runtime_sequence",
                                symbols=frozenset(c.calls[0][0].callee for c in ir.dev.cores if c.calls))


def _shape(ir: _Ir, spec: KernelSpec | None, design: Design) -> manifest_file.Shape:
    """What the IR says of the design (its derived options, buffering, cores, host buffers), for a manifest."""
    derived = _derived(ir, spec, design.workers, [])
    return manifest_file.Shape(
        batch=derived["batch"], tiles=derived["tiles"], strategy=derived["strategy"],
        frame_mode=derived["frame_mode"], object_frames=design.object_frames, depth=design.depth,
        workers={w.tile: {"symbol": w.symbol, "frames_per_call": w.frames_per_call, "object_frames": w.object_frames,
                          "stack_bytes": w.stack_bytes} for w in design.workers},
        host_buffers=[{"name": b.name, "direction": b.direction, "elem_type": b.elem_type,
                       "elem_count": b.elem_count, "bytes": b.nbytes} for b in design.sequence.buffers])


def _profile_for(dialect: str | None) -> str:
    """The profile that emits the file's runtime-sequence op (the default when it does); the older
    func.func form, or none, counts as ``aiex``."""
    op = f"{dialect or 'aiex'}.runtime_sequence"
    names = [profiles.default_name(), *profiles.available()]
    return next((n for n in names if profiles.load(n).runtime_sequence == op), profiles.default_name())


def _heads(ir: _Ir, workers: list[Worker]) -> list[Worker]:
    """Workers fed by a shim or mem tile, not by another worker."""
    fed = {c for w in workers for f in w.outputs if f in ir.dev.fifos
           for c in (ir.dev.tiles[t] for t in ir.dev.fifos[f].consumerTiles)}
    return [w for w in workers if w.tile not in fed and w.entry]


def _chain(head: Worker, ir: _Ir, workers: list[Worker]) -> list[Worker]:
    by_tile = {w.tile: w for w in workers}
    chain, w = [head], head
    while True:
        nxt = [by_tile.get(ir.dev.tiles[t]) for f in w.outputs if f in ir.dev.fifos
               for t in ir.dev.fifos[f].consumerTiles]
        nxt = [n for n in nxt if n is not None and n not in chain]
        if not nxt:
            return chain
        w = nxt[0]
        chain.append(w)


def _frame_mode(ir: _Ir, spec: KernelSpec, heads: list[Worker]) -> str:
    if spec.entry(heads[0].entry).consumes == "chunk":
        return "streamed"
    hop = spec.geometry.hop_samples
    overlapping = any(t.strides[2] == hop and t.sizes[3] == spec.geometry.frame_samples for t in ir.transfers)
    return "dma-framed" if overlapping else "framed"


# -- the Design -----------------------------------------------------------------------------------------

def _design(ir: _Ir, options: Options, spec: KernelSpec | None, default_stack: int, workers: list[Worker],
            notes: list[str]) -> Design:
    device, path = ir.device, ir.path
    tile_worker = {w.tile: w for w in workers}
    for w in workers:
        w.stack_bytes = default_stack if w.stack_bytes is None else w.stack_bytes  # None: no stack_size
    acquires: dict[str, dict[str, int]] = {}
    for c in ir.dev.cores:
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

    # FIFOs an aiex.dma_channel_reset_for names: the lowering keeps (and the sequence re-arms) their locks
    rearmed = {op.objfifo.root_reference.data for op in ir.dev.op.walk() if isinstance(op, aiex.DmaChannelResetForOp)}
    fifos = []
    for name, op in ir.dev.fifos.items():
        count, elem = memref(op.elemType.element_type)
        prod, cons = ir.dev.tiles[op.producerTile], [ir.dev.tiles[t] for t in op.consumerTiles]
        depth = op.elemNumber
        dims_from = op.dimensionsFromStreamPerConsumer
        cons_type = op.consumerElemType
        fifos.append(ObjectFifo(
            name=name, producer=endpoint(prod), consumers=[endpoint(t) for t in cons],
            object_bytes=_nbytes(op.elemType.element_type, f"aie.objectfifo @{name}"), elem_type=elem,
            elem_count=count,
            depth=int_of(depth) if isinstance(depth, IntegerAttr) else tuple(d.value.data for d in depth.data),
            object_frames=0, stream="", producer_tile=prod, consumer_tiles=cons, acquire=acquires.get(name, {}),
            via_dma=bool(int_of(op.via_DMA, 0)), init_values=op.initValues is not None,
            dims_to_stream=bool(op.dimensionsToStream is not None and len(op.dimensionsToStream)),
            dims_from_stream=bool(dims_from is not None and any(len(d) for d in dims_from)),
            repeat_count=int_of(op.repeat_count), iter_count=int_of(op.iter_count), allocate_tile=ir.dev.allocate.get(name),
            external_buffers=ir.dev.external.get(name, 0), consumer_object_bytes=None if cons_type is None else
            _nbytes(cons_type.element_type, f"aie.objectfifo @{name}"),
            # not in the dialect's ODS subset: kept as a discardable attribute (AIEOps.td aie_stream;
            # ObjectFifoCreateOp.stream_setting)
            aie_stream=op.stream_setting("aie_stream"),
            rearmed=name in rearmed))
    links = [_link(lk, ir) for lk in ir.dev.links]
    _number_chains(workers, fifos)
    if spec is not None:
        _fifo_frames_and_streams(fifos, workers, links, spec)
    buffers = _host_buffers(ir, options, spec)
    object_frames = max((w.object_frames for w in workers), default=0)
    # The design's depth is its compute tiles' buffering (mem tiles keep their own).
    depths = [f.depth_for(i) for f in fifos for i, tile in enumerate([f.producer_tile, *f.consumer_tiles])
              if device.kind_of(tile) == "compute"]
    return Design(name=path.parent.name if path.name == "aie.mlir" else path.stem, options=options,
                  workers=workers, fifos=fifos, links=links,
                  sequence=RuntimeSequence(buffers, ir.transfers, ir.waits), groups=max(len(shims), 1),
                  object_frames=object_frames, depth=max(depths, default=1), shims=shims, mem_tiles=mems,
                  notes=notes, buffers=_buffers(ir.dev), dma_channels=ir.dmas, tiles=sorted(set(ir.dev.tiles.values())),
                  locks=[LockDecl(lk.name, lk.tile, lk.id, lk.init) for lk in ir.dev.locks.values()])


def _link(lk: ix.Link, ir: _Ir) -> Link:
    ins, outs, src, dst = lk.inputs, lk.outputs, lk.src_offsets, lk.dst_offsets
    kind = "join" if len(ins) > 1 or src else "distribute"
    big = outs[0] if kind == "join" else ins[0]
    # The link sits on the tile its FIFOs share: where its outputs are produced.
    tile = ir.dev.tiles[ir.dev.fifos[outs[0]].producerTile]
    return Link(f"{big}_{'join' if kind == 'join' else 'split'}", kind, ins, outs, src or dst or [0], tile=tile,
                group=tile[0])


def _host_buffers(ir: _Ir, options: Options, spec: KernelSpec | None) -> list[HostBuffer]:
    direction_of = {t.buffer: t.direction for t in ir.transfers}
    buffers = []
    tail = None
    if spec is not None and options.strategy:
        produced = {spec.entry(w).produces for w in spec.entries}
        tail = "logmel" if "logmel" in produced else next(iter(produced), "")
    for name, count, elem in ir.seq_args:
        direction = direction_of.get(name, "in")
        stream = ("frames" if options.frame_mode == "framed" else "audio") if direction == "in" else tail or ""
        buffers.append(HostBuffer(name, direction, elem, count, _elem_bytes(elem, "runtime sequence"), stream,
                                  options.batch))
    return buffers


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
            name = f"{w.entry or 'core'}_{group}_{chain}"
            # Two stages of one chain running the same entry (or none) would share a name, and with it
            # their ObjectFifo.acquire entries: the later stage takes its stage number.
            renames[w.name] = name if name not in renames.values() else f"{name}_{stage}"
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

