"""One index of an mlir-aie module: each construct the reader and the hang checker use, recognised once.

:func:`index_module` walks a verified module once: per ``aie.device`` a :class:`DeviceIndex` of
tiles, ObjectFIFOs, links, buffers, locks, cores (bodies as :data:`Step` trees), DMA programs in
every form, flows, shim DMA allocations, runtime sequences (as :data:`SeqStep` lists) and the ops
it does not model. :mod:`partitioner.mlir.read` and :mod:`partitioner.hangs.build` read only this
index; a new construct is taught here (a handler in :data:`_DEVICE_OPS`, :data:`_SEQUENCE_OPS` or
:func:`_steps`, and its record). Enum properties are decoded once, to :mod:`partitioner.mlir.aie`'s enums.

An op no record models is kept, never raised: :attr:`DeviceIndex.not_modelled` lists them (device
ops and the ones a handler could not place, packet flows, :class:`UnknownStep` core ops, calls given locks,
:class:`Other` sequence ops, transfers with a packet header) and :attr:`DeviceIndex.movers` those that
may move data or locks, which make a hang verdict "not proved".
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from xdsl.dialects import affine, arith, func, scf
from xdsl.dialects.builtin import MemRefType, ModuleOp
from xdsl.ir import Attribute, Block, BlockArgument, Operation, SSAValue

from partitioner.design import Coord
from partitioner.design import elem_bytes as design_elem_bytes
from partitioner.mlir import aie, aiex, registers
from partitioner.mlir.aie import DMAChannelDir, LockAction, ObjectFifoPort, WireBundle, int_of
from partitioner.mlir.aiex import constant
from partitioner.mlir.place import PlacementError, place_logical_tiles

#: A loop this long is mlir-aie's "forever" (IRON prints int64 max, older designs 2^32 - 1).
ENDLESS = 2**31 - 1


def elem_bytes(elem: Attribute | str) -> int | None:
    """Bytes of one element of a type (``bf16`` 2, ``i32`` 4, ``ui8`` 1); None when not a whole number.

    The rule is :func:`partitioner.design.elem_bytes`'s, on the type's name."""
    return design_elem_bytes(str(elem))


def memref(t: MemRefType) -> tuple[int, str]:
    """(elements, element type name) of a memref type."""
    return math.prod(t.get_shape()), str(t.element_type)


def io(direction: DMAChannelDir) -> str:
    """A channel direction as the Design and the hang model say it: "in" (S2MM) or "out" (MM2S)."""
    return "in" if direction is DMAChannelDir.S2MM else "out"


def _name(attr: Attribute) -> str:
    """A symbol's name, held as a string or as a symbol reference."""
    return attr.data if isinstance(getattr(attr, "data", None), str) else attr.string_value()


# -- core bodies ----------------------------------------------------------------------------------------

@dataclass(eq=False)
class FifoStep:
    """``aie.objectfifo.acquire`` (``acquire``) or ``release`` of ``size`` objects of ``fifo`` at ``port``."""

    op: Operation
    fifo: str
    port: ObjectFifoPort
    size: int
    acquire: bool


@dataclass(eq=False)
class LockStep:
    """``aie.use_lock``: ``action`` on ``lock`` (an SSA value) by ``value`` (1 when it is not a constant)."""

    op: Operation
    lock: SSAValue
    action: LockAction
    value: int


@dataclass(eq=False)
class CallStep:
    """``func.call``: the callee and its arguments' constant values (None where not constant); ``locks``
    the ``aie.lock`` values it is given (a kernel that acquires and releases them itself, as
    test/npu-xrt/lock_pass_to_c does: what it does with them is not modelled)."""

    op: Operation
    callee: str
    args: list[int | None]
    locks: list[SSAValue] = field(default_factory=list)


@dataclass(eq=False)
class LoopStep:
    """``scf.for`` or ``affine.for`` (bounds None where not constant), ``scf.while`` on a constant true
    (endless: up to :data:`ENDLESS`), or the lowered endless loop of two blocks (``branch``, ``op`` its
    back edge ``cf.br``)."""

    op: Operation
    lb: int | None
    ub: int | None
    step: int | None
    body: list[Step]
    branch: bool = False

    @property
    def trip(self) -> int | None:
        """Iterations; None when a bound is not a constant or the step is not positive."""
        if None in (self.lb, self.ub, self.step) or self.step <= 0:
            return None
        return -(-(self.ub - self.lb) // self.step) if self.ub > self.lb else 0

    @property
    def endless(self) -> bool:
        """mlir-aie's "forever": a branch loop, or an upper bound of :data:`ENDLESS` or more."""
        return self.branch or (self.ub is not None and self.ub >= ENDLESS)


@dataclass(eq=False)
class OpaqueStep:
    """An op with regions the index does not follow (``scf.if``, ``scf.while``, ...): its steps, not which run."""

    op: Operation
    body: list[Step]


@dataclass(eq=False)
class UnknownStep:
    """An ``aie`` / ``aiex`` op in a core that the index does not model (``aie.put_cascade``, a new
    form...): it may move data or locks, so a process reaching it proves nothing past it."""

    op: Operation


Step = FifoStep | LockStep | CallStep | LoopStep | OpaqueStep | UnknownStep

#: ``aie`` ops in a core body that move no token and no data between tiles.
CORE_INERT = ("aie.objectfifo.subview.access", "aie.end", "aie.event")


def walk_steps(steps: list[Step], loops: tuple[LoopStep, ...] = ()) -> Iterator[tuple[Step, tuple[LoopStep, ...]]]:
    """Every step in program order (a loop before its body), with the loops around it, outermost first."""
    for s in steps:
        yield s, loops
        if isinstance(s, LoopStep):
            yield from walk_steps(s.body, (*loops, s))
        elif isinstance(s, OpaqueStep):
            yield from walk_steps(s.body, loops)


def has_sync(steps: list[Step]) -> bool:
    """True when an acquire, a release, a lock use or an op that may move either (:class:`UnknownStep`,
    a call given locks) is among ``steps`` or inside them."""
    return any(isinstance(s, (FifoStep, LockStep, UnknownStep)) or isinstance(s, CallStep) and s.locks
               for s, _ in walk_steps(steps))


def _lock_step(op: aie.UseLockOp) -> LockStep:
    value = int_of(op.value)
    if value is None:
        value = constant(op.value_operand) if op.value_operand is not None else None
    return LockStep(op, op.lock, LockAction.of(op.action), 1 if value is None else value)


def _affine_bound(attr: Attribute) -> int | None:
    """An ``affine.for`` bound map's value when it is one constant (``affine_map<() -> (4)>``); else None."""
    m = getattr(attr, "data", None)
    if m is None or m.num_dims or m.num_symbols or len(m.results) != 1:
        return None
    return getattr(m.results[0], "value", None)


def _endless_while(op: Operation) -> Block | None:
    """The body of ``scf.while : () -> () { scf.condition(%true) } do { ... }``, mlir-aie's
    ``while (true)`` (test/npu-xrt/objectfifo_core_while_true), also with values carried from one trip
    to the next (``scf.while (%odd = %false) ... { scf.condition(%true) %odd }``,
    test/npu-xrt/objectfifo_core_while_nested_if); None for any other ``scf.while``."""
    if op.name != "scf.while" or len(op.regions) != 2:
        return None
    before, after = op.regions[0].blocks, op.regions[1].blocks
    if len(before) != 1 or len(after) != 1 or len(list(before[0].ops)) != 1:
        return None
    cond = before[0].last_op
    if not isinstance(cond, scf.ConditionOp):
        return None
    return after[0] if constant(cond.condition) in (1, -1) else None  # an i1 true: 1, or -1 read signed


def _steps(block: Block) -> list[Step]:
    """The steps of one block; ops that move no token and hold no region are not steps."""
    out: list[Step] = []
    for op in block.ops:
        if isinstance(op, (aie.ObjectFifoAcquireOp, aie.ObjectFifoReleaseOp)):
            out.append(FifoStep(op, op.objFifo_name.string_value(), ObjectFifoPort.of(op.port), op.count,
                                isinstance(op, aie.ObjectFifoAcquireOp)))
        elif isinstance(op, aie.UseLockOp):
            out.append(_lock_step(op))
        elif isinstance(op, func.CallOp):
            out.append(CallStep(op, op.callee.string_value(), [constant(a) for a in op.arguments],
                                [a for a in op.arguments if isinstance(a.owner, aie.LockOp)]))
        elif isinstance(op, scf.ForOp):
            out.append(LoopStep(op, constant(op.lb), constant(op.ub), constant(op.step), _steps(op.body.blocks[0])))
        elif isinstance(op, affine.ForOp):
            out.append(LoopStep(op, _affine_bound(op.lowerBoundMap), _affine_bound(op.upperBoundMap),
                                op.step.value.data, _steps(op.regions[0].blocks[0])))
        elif (body := _endless_while(op)) is not None:
            out.append(LoopStep(op, 0, ENDLESS, 1, _steps(body)))
        elif op.regions:
            out.append(OpaqueStep(op, [s for r in op.regions for b in r.blocks for s in _steps(b)]))
        elif op.name.startswith(("aie.", "aiex.")) and op.name not in CORE_INERT:
            out.append(UnknownStep(op))
    return out


@dataclass(eq=False)
class Core:
    """An ``aie.core``: tile, ``stack_size`` (None: the profile's default) and body in program order.

    ``branches``: a body of several blocks that is not the lowered endless
    loop; its steps are all listed, block by block, but not which block runs when.
    """

    op: aie.CoreOp
    tile: Coord
    stack: int | None
    steps: list[Step]
    branches: bool = False

    @property
    def acquires(self) -> dict[str, tuple[ObjectFifoPort, int]]:
        """FIFO -> (port of its last acquire, the most objects one acquire asks for), in first-acquire order."""
        out: dict[str, tuple[ObjectFifoPort, int]] = {}
        for s, _ in walk_steps(self.steps):
            if isinstance(s, FifoStep) and s.acquire:
                out[s.fifo] = (s.port, max(out.get(s.fifo, (s.port, 0))[1], s.size))
        return out

    @property
    def calls(self) -> list[tuple[CallStep, tuple[LoopStep, ...]]]:
        """Every ``func.call`` in program order, with the loops around it (outermost first)."""
        return [(s, loops) for s, loops in walk_steps(self.steps) if isinstance(s, CallStep)]


def _core(op: aie.CoreOp, tile: Coord) -> Core:
    blocks = list(op.body.blocks)
    stack = int_of(op.stack_size)
    if len(blocks) <= 1:
        return Core(op, tile, stack, _steps(blocks[0]) if blocks else [])
    first, last = blocks[0].last_op, blocks[-1].last_op
    if len(blocks) == 2 and first is not None and first.name == "cf.br" and first.successors[0] is blocks[1] \
            and last is not None and last.name == "cf.br" and last.successors[0] is blocks[1]:
        # ^entry: ... cf.br ^body; ^body: ... cf.br ^body -- while (true)
        return Core(op, tile, stack, [*_steps(blocks[0]), LoopStep(last, None, None, None, _steps(blocks[1]), True)])
    return Core(op, tile, stack, [s for b in blocks for s in _steps(b)], branches=True)


# -- DMA programs -----------------------------------------------------------------------------------------

@dataclass(eq=False)
class BdStep:
    """One BD of a chain: a block's (or ``aie.dma`` region's) ``aie.dma_bd`` ops, lock uses and bytes moved.

    ``op`` is its last ``aie.dma_bd``, or the block's first op when it has none.
    """

    op: Operation
    bds: list[aie.DMABDOp]
    locks: list[LockStep]
    nbytes: int


@dataclass(eq=False)
class DmaChain:
    """A channel's BD chain (``aie.dma_start``, ``aie.dma``, or a runtime-sequence task).

    ``loops_to``: the index in ``bds`` it loops back to (None: it ends); it
    runs ``repeat + 1`` times. Direction and channel are None for a task on a symbol.
    """

    op: Operation
    direction: DMAChannelDir | None
    channel: int | None
    bds: list[BdStep]
    loops_to: int | None
    repeat: int = 0


def _bd_step(block: Block) -> BdStep | None:
    bds = [op for op in block.ops if isinstance(op, aie.DMABDOp)]
    locks = [_lock_step(op) for op in block.ops if isinstance(op, aie.UseLockOp)]
    if not bds and not locks:
        return None
    nbytes = sum((int_of(bd.len) or memref(bd.buffer.type)[0]) * (elem_bytes(bd.buffer.type.element_type) or 1)
                 for bd in bds)
    return BdStep(bds[-1] if bds else block.first_op, bds, locks, nbytes)


def _chain(op: Operation, block: Block | None, direction: DMAChannelDir | None, channel: int | None) -> DmaChain:
    """The BDs from ``block`` following ``aie.next_bd``, until the chain ends or comes back."""
    seen: dict[int, int] = {}
    bds: list[BdStep] = []
    while block is not None and id(block) not in seen:
        seen[id(block)] = len(bds)
        if (step := _bd_step(block)) is not None:
            bds.append(step)
        last = block.last_op
        block = last.successors[0] if isinstance(last, aie.NextBDOp) else None
    back = seen[id(block)] if block is not None else None
    return DmaChain(op, direction, channel, bds, back, int_of(op.repeat_count, 0))


@dataclass(eq=False)
class DmaProgram:
    """An ``aie.mem`` / ``aie.memtile_dma`` / ``aie.shim_dma`` region: its tile and channels' chains."""

    op: Operation
    tile: Coord
    chains: list[DmaChain]


def _dma_program(op: Operation, tile: Coord) -> DmaProgram:
    chains = []
    for inner in op.walk():
        if isinstance(inner, aie.DMAStartOp):
            chains.append(_chain(inner, inner.successors[0], DMAChannelDir.of(inner.channel_dir),
                                 inner.channel_index.value.data))
        elif isinstance(inner, aie.DMAOp):
            # AIEOps.td @ 002a9aea AIE_DMAOp: one BD per region; `loop` (default true) goes back to the first
            bds = [s for r in inner.bds if (s := _bd_step(r.blocks[0])) is not None]
            loop = inner.loop is None or bool(inner.loop.value.data)
            chains.append(DmaChain(inner, DMAChannelDir.of(inner.channel_dir), inner.channel_index.value.data,
                                   bds, 0 if loop and bds else None, int_of(inner.repeat_count, 0)))
    return DmaProgram(op, tile, chains)


# -- device-level records ---------------------------------------------------------------------------------

@dataclass(eq=False)
class Lock:
    """An ``aie.lock``: name (``lock<N>`` in declaration order when it has none), tile, id and initial value."""

    op: aie.LockOp
    name: str
    tile: Coord
    id: int | None
    init: int


@dataclass(eq=False)
class Link:
    """An ``aie.objectfifo.link``: input and output FIFO names and offsets."""

    op: aie.ObjectFifoLinkOp
    inputs: list[str]
    outputs: list[str]
    src_offsets: list[int]
    dst_offsets: list[int]


@dataclass(eq=False)
class Flow:
    """An ``aie.flow``: ``(tile, bundle, channel)`` at each end."""

    op: aie.FlowOp
    source: Coord
    source_bundle: WireBundle
    source_channel: int
    dest: Coord
    dest_bundle: WireBundle
    dest_channel: int


@dataclass(eq=False)
class ShimAlloc:
    """An ``aie.shim_dma_allocation``: the symbol a runtime sequence names, its shim tile and channel."""

    op: aie.ShimDMAAllocationOp
    symbol: str
    tile: Coord
    direction: DMAChannelDir
    channel: int


# -- runtime sequences ------------------------------------------------------------------------------------

@dataclass(eq=False)
class Transfer:
    """``aiex.npu.dma_memcpy_nd``: a host buffer's access pattern (None: not a constant) on a symbol."""

    op: aiex.NpuDmaMemcpyNdOp
    memref: SSAValue
    symbol: str
    offsets: list[int | None]
    sizes: list[int | None]
    strides: list[int | None]
    id: int
    packet: bool = False  # sent with a packet header: routed by packet id, not by an aie.flow

    @property
    def nbytes(self) -> int:
        """Bytes moved (a size that is not a constant counts 0)."""
        return math.prod(v or 0 for v in self.sizes) * (elem_bytes(self.memref.type.element_type) or 1)


@dataclass(eq=False)
class Wait:
    """``aiex.npu.dma_wait`` on a symbol."""

    op: aiex.NpuDmaWaitOp
    symbol: str


@dataclass(eq=False)
class Sync:
    """``aiex.npu.sync``: the channels it waits for; a field is None when given as an SSA operand."""

    op: aiex.NpuSyncOp
    column: int | None
    row: int | None
    direction: DMAChannelDir | None
    channel: int | None
    columns: int
    rows: int


@dataclass(eq=False)
class Task:
    """``aiex.dma_configure_task_for`` (on ``symbol``) or ``aiex.dma_configure_task`` (on ``tile``'s channel)."""

    op: Operation
    symbol: str | None
    tile: Coord | None
    chain: DmaChain


@dataclass(eq=False)
class TaskUse:
    """``aiex.dma_start_task`` (``start``) or ``aiex.dma_await_task``; ``task`` None when not of this sequence."""

    op: Operation
    task: Task | None
    start: bool


@dataclass(eq=False)
class TaskFree:
    """``aiex.dma_free_task``: the task's BD IDs go back to the tile's pool (``task`` None when not of this
    sequence). An await returns them too (AIEAssignRuntimeSequenceBDIDs.cpp @ 0c96b7d3 ``recycle``)."""

    op: aiex.DMAFreeTaskOp
    task: Task | None


@dataclass(eq=False)
class SetLock:
    """``aiex.set_lock``, or a ``write32`` of a design lock's value register: the lock (an SSA value)
    and the value it sets."""

    op: aiex.SetLockOp | aiex.NpuWrite32Op
    lock: SSAValue
    value: int


@dataclass(eq=False)
class Inert:
    """A register write or ``aiex.buffer_clear`` that moves no DMA data, sets no lock and neither starts
    nor stops a core (:func:`partitioner.mlir.registers.effect`): ``what`` it writes, in words."""

    op: Operation
    what: str


@dataclass(eq=False)
class Other:
    """A runtime-sequence op the index does not model (register writes, ``push_queue``, BD chains, ...)."""

    op: Operation


SeqStep = Transfer | Wait | Sync | Task | TaskUse | TaskFree | SetLock | Inert | Other

#: Runtime-sequence ops the index does not model that move neither data on a DMA nor a lock: a
#: constant's global (``memref.get_global``, blockwrite's data) and a runtime parameter written into
#: a core's buffer (``aiex.npu.rtp_write``: a value the core reads; a loop bound it sets is already
#: a bound that is not a constant to the core's model). Every other op the index does not model is
#: taken to move data or locks (:attr:`DeviceIndex.movers`): register writes the register map does not
#: clear, BD writes and queue pushes, BD-chain starts, reconfiguration, channel resets.
#: ../shared/docs/npu1-facts.md section 12: "Register writes (npu.write32, maskwrite32, blockwrite),
#: push_queue, DMA channel resets move data and locks" (mlir-aie test/npu-xrt/local_reset/dma, memtile_dmas/*).
SEQUENCE_INERT = ("memref.get_global", "aiex.npu.rtp_write")
#: Device-level ops the index does not model that route streams by hand and move nothing
#: themselves: a DMA they connect has no ``aie.flow``, which the hang model already takes as not proved.
DEVICE_INERT = ("aie.switchbox", "aie.shim_mux", "aie.wire")
PURE_DIALECT = "arith"  # side-effect-free arithmetic (MLIR's arith dialect: every op is Pure)


@dataclass(eq=False)
class Sequence:
    """A runtime sequence, ``form`` "aie" / "aiex" (``*.runtime_sequence``) or "func" (``func.func``):
    its block's arguments (the host buffers) and its top-level ops as steps, in order."""

    op: Operation
    form: str
    args: list[BlockArgument]
    steps: list[SeqStep] = field(default_factory=list)
    reloads: Operation | None = None  # a first op that reloads this device's own configuration (see _opened)


def _indices(static, dynamic) -> list[int | None]:  # noqa: ANN001 - a DynamicIndexList's two halves
    values = iter(dynamic)
    return [constant(next(values)) if v == aiex.DYNAMIC_INDEX else v for v in static.get_values()]


def _sync(op: aiex.NpuSyncOp) -> Sync:
    direction = DMAChannelDir.of(op.direction) if op.direction is not None else None
    return Sync(op, int_of(op.column), int_of(op.row), direction, int_of(op.channel), int_of(op.column_num, 1),
                int_of(op.row_num, 1))


def describe(op: Operation) -> str:
    """What of ``op`` no model follows: its name, or for a transfer with a packet header, its routing."""
    if isinstance(op, aiex.NpuDmaMemcpyNdOp):
        return f"{op.name} with a packet header (routed by packet id)"
    if isinstance(op, func.CallOp):
        return f"{op.name} @{op.callee.string_value()} given locks (what it does with them)"
    if isinstance(op, aie.DMABDOp) and op.is_dynamic:
        return f"{op.name} with run-time length, offset or dimensions (how much it moves)"
    return op.name


def _packet_moves(op: aie.PacketFlowOp) -> bool:
    """Whether a packet flow may move data or locks the hang model follows.

    One from a tile's control port (its task-completion tokens back to the host, the
    ``TileControl : 0 -> South : 0`` route of test/npu-xrt/dma_queue_overflow @ 91d723b7) or its
    trace unit, into no control port, carries no DMA data and writes no register; any other
    (DMA ends, control packets into a tile's ``TileControl`` port, which write its registers) may.
    """
    ends, quiet = op.ends, (WireBundle.TileControl, WireBundle.Trace)
    return any(WireBundle.of(o.bundle) not in quiet if isinstance(o, aie.PacketSourceOp)
               else WireBundle.of(o.bundle) is WireBundle.TileControl for o in ends) or not ends


# -- the walk ---------------------------------------------------------------------------------------------

@dataclass(eq=False)
class DeviceIndex:
    """What one ``aie.device`` holds, each construct found once (see the module docstring)."""

    op: aie.DeviceOp
    name: str
    tiles: dict[SSAValue, Coord] = field(default_factory=dict)
    fifos: dict[str, aie.ObjectFifoCreateOp] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    allocate: dict[str, Coord] = field(default_factory=dict)  # fifo -> aie.objectfifo.allocate's tile
    external: dict[str, int] = field(default_factory=dict)  # fifo -> registered external buffers
    buffers: list[aie.BufferOp] = field(default_factory=list)
    locks: dict[SSAValue, Lock] = field(default_factory=dict)
    cores: list[Core] = field(default_factory=list)
    dmas: list[DmaProgram] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)
    packet_flows: list[aie.PacketFlowOp] = field(default_factory=list)
    shim_allocs: dict[str, ShimAlloc] = field(default_factory=dict)
    sequences: list[Sequence] = field(default_factory=list)
    unmodelled: list[Operation] = field(default_factory=list)  # device-level ops no record holds
    unplaced: list[Operation] = field(default_factory=list)  # aie.logical_tile ops the placer could not place
    placed: dict[Operation, Coord] = field(default_factory=dict)  # aie.logical_tile -> the tile aiecc gives it
    placement_error: PlacementError | None = None  # why mlir-aie's placer refuses the device
    position: int = 1  # 1-based, among the module's aie.device ops

    @property
    def not_modelled(self) -> list[Operation]:
        """Every op the index records but no model follows, in order: device-level ops, packet flows,
        cores' :class:`UnknownStep` ops, the runtime sequences' :class:`Other` ops and transfers sent
        with a packet header (see :func:`describe`)."""
        return [*self.unmodelled, *self.packet_flows,
                *(s.op for c in self.cores for s, _ in walk_steps(c.steps)
                  if isinstance(s, UnknownStep) or isinstance(s, CallStep) and s.locks),
                *(s.op for seq in self.sequences for s in seq.steps
                  if isinstance(s, Other) or isinstance(s, Transfer) and s.packet),
                *self.runtime_bds]

    @property
    def runtime_bds(self) -> list[aie.DMABDOp]:
        """``aie.dma_bd``s whose length, offset, sizes, strides or BD id are run-time values: read as the
        whole buffer, so how much they move is not known (DMA programs and runtime-sequence tasks)."""
        chains = [*(c for d in self.dmas for c in d.chains),
                  *(s.chain for seq in self.sequences for s in seq.steps if isinstance(s, Task))]
        return [bd for c in chains for step in c.bds for bd in step.bds if bd.is_dynamic]

    @property
    def movers(self) -> list[Operation]:
        """The ops of :attr:`not_modelled` that may move data or locks: what makes a hang verdict "not
        proved" (issue 20 item 2: never "free", never "hangs" through them)."""
        inert = (*SEQUENCE_INERT, *DEVICE_INERT)
        # arith ops only compute values: a DMA whose length or offset they give is a mover of its own
        # ("aie.dma_bd with run-time length ..."), so they move nothing themselves.
        return [op for op in self.not_modelled if op.name not in inert and op.dialect_name() != PURE_DIALECT
                and not (isinstance(op, aie.PacketFlowOp) and not _packet_moves(op))]

    @property
    def label(self) -> str:
        """How messages name the device: ``@name``, or ``#k`` when it has no name."""
        return f"@{self.symbol}" if self.op.sym_name is not None else self.symbol

    @property
    def symbol(self) -> str:
        """The device's name: its ``@name`` (``sym_name``), else ``#k`` (its 1-based position in the module)."""
        return self.op.sym_name.data if self.op.sym_name is not None else f"#{self.position}"

    @property
    def by_coord(self) -> dict[Coord, aie.TileOp]:
        """Tile ops by ``(column, row)``."""
        return {coord: value.owner for value, coord in self.tiles.items()}

    def _link(self, op: aie.ObjectFifoLinkOp) -> None:
        src, dst = [o.value.data for o in op.src_offsets.data], [o.value.data for o in op.dst_offsets.data]
        if op.pre_offsets and op.is_join:  # the link written before offsets: its implicit ones
            src = op.implicit_offsets()
        elif op.pre_offsets and op.is_distribute:
            dst = op.implicit_offsets()
        self.links.append(Link(op, [r.string_value() for r in op.fifoIns.data],
                               [r.string_value() for r in op.fifoOuts.data], src, dst))

    def _shim_alloc(self, op: aie.ShimDMAAllocationOp) -> None:
        tile = self.tiles[op.tile] if op.tile is not None else (op.col.value.data, 0)
        name = _name(op.sym_name)
        self.shim_allocs[name] = ShimAlloc(op, name, tile, DMAChannelDir.of(op.channel_dir),
                                           op.channel_index.value.data)

    def _lock(self, op: aie.LockOp) -> None:
        name = op.sym_name.data if op.sym_name is not None else f"lock{len(self.locks)}"
        self.locks[op.result] = Lock(op, name, self.tiles[op.tile], int_of(op.lockID), int_of(op.init, 0))

    def _flow(self, op: aie.FlowOp) -> None:
        self.flows.append(Flow(op, self.tiles[op.source], WireBundle.of(op.source_bundle), op.source_channel.value.data,
                               self.tiles[op.dest], WireBundle.of(op.dest_bundle), op.dest_channel.value.data))

    def _func(self, op: func.FuncOp) -> None:
        # mlir-aie's runtime sequence before aiex.runtime_sequence: a func.func moving host data
        if any(isinstance(o, aiex.NpuDmaMemcpyNdOp) for o in op.walk()):
            self._sequence(op, "func")

    def _sequence(self, op: Operation, form: str | None = None) -> None:
        blocks = op.regions[0].blocks
        seq = Sequence(op, form or op.name.split(".")[0], list(blocks[0].args) if blocks else [])
        tasks: dict[SSAValue, Task] = {}
        for inner in self._opened(blocks[0].ops if blocks else (), seq):
            handler = _SEQUENCE_OPS.get(type(inner))
            step = handler(self, inner, tasks) if handler is not None else Other(inner)
            if step is not None:
                seq.steps.append(step)
        self.sequences.append(seq)

    def _opened(self, ops: Iterable[Operation], seq: Sequence) -> Iterator[Operation]:
        """A sequence's ops, with a first op that reloads this device's own configuration taken out and
        recorded as ``seq.reloads``: ``aiex.configure @self { body }`` (its body's ops follow in its
        place) or ``aiex.npu.configure`` (test/npu-xrt/ctrl_packet_reconfig*: the sequence loads the
        design, then moves its data). Every call then starts from the configuration's initial state."""
        for inner in ops:
            first = seq.reloads is None and not seq.steps  # nothing has run before it in this call
            if first and isinstance(inner, aiex.NpuConfigureOp):
                seq.reloads = inner
                continue
            if first and isinstance(inner, aiex.ConfigureOp) and \
                    inner.symbol.root_reference.data == self.op.symbol and inner.body.blocks:
                seq.reloads = inner
                yield from inner.body.blocks[0].ops
                continue
            yield inner

    def _task(self, op: Operation, tasks: dict[SSAValue, Task]) -> Task:
        block = op.body.blocks[0] if op.body.blocks else None
        if isinstance(op, aiex.DMAConfigureTaskForOp):
            task = Task(op, op.alloc.string_value(), None, _chain(op, block, None, None))
        else:
            task = Task(op, None, self.tiles[op.tile],
                        _chain(op, block, DMAChannelDir.of(op.direction), op.channel.value.data))
        tasks[op.result] = task
        return task


def _logical_tile(ix: DeviceIndex, op: aie.LogicalTileOp) -> None:
    """A logical tile is the tile aiecc's placer gives it (:mod:`partitioner.mlir.place`), pinned or
    not; one the placer refuses is unplaced."""
    if op in ix.placed:
        ix.tiles[op.result] = ix.placed[op]
    else:
        ix.unplaced.append(op)


_DEVICE_OPS: dict[type[Operation], Callable[[DeviceIndex, Operation], None]] = {
    aie.TileOp: lambda ix, op: ix.tiles.__setitem__(op.result, (op.col.value.data, op.row.value.data)),
    aie.LogicalTileOp: _logical_tile,
    aie.ObjectFifoCreateOp: lambda ix, op: ix.fifos.__setitem__(op.sym_name.data, op),
    aie.ObjectFifoLinkOp: DeviceIndex._link,
    aie.ObjectFifoAllocateOp: lambda ix, op: ix.allocate.__setitem__(op.objFifo_name.string_value(),
                                                                     ix.tiles[op.delegateTile]),
    aie.ObjectFifoRegisterExternalBuffersOp: lambda ix, op: ix.external.__setitem__(op.objFifo_name.string_value(),
                                                                                    len(op.externalBuffers)),
    aie.ShimDMAAllocationOp: DeviceIndex._shim_alloc,
    aie.BufferOp: lambda ix, op: ix.buffers.append(op),
    aie.LockOp: DeviceIndex._lock,
    **{t: (lambda ix, op: ix.dmas.append(_dma_program(op, ix.tiles[op.tile])))
       for t in (aie.MemOp, aie.MemTileDMAOp, aie.ShimDMAOp)},
    aie.CoreOp: lambda ix, op: ix.cores.append(_core(op, ix.tiles[op.tile])),
    aie.FlowOp: DeviceIndex._flow,
    aie.PacketFlowOp: lambda ix, op: ix.packet_flows.append(op),
    aie.RuntimeSequenceOp: DeviceIndex._sequence,
    aiex.RuntimeSequenceOp: DeviceIndex._sequence,
    func.FuncOp: DeviceIndex._func,
}
_SEQUENCE_OPS: dict[type[Operation], Callable] = {
    aiex.NpuDmaMemcpyNdOp: lambda ix, op, tasks: Transfer(
        op, op.memref, op.metadata.string_value(), _indices(op.static_offsets, op.offsets),
        _indices(op.static_sizes, op.sizes), _indices(op.static_strides, op.strides), op.id.value.data,
        op.packet is not None),
    aiex.NpuDmaWaitOp: lambda ix, op, tasks: Wait(op, op.symbol.string_value()),
    aiex.NpuSyncOp: lambda ix, op, tasks: _sync(op),
    aiex.DMAConfigureTaskForOp: DeviceIndex._task,
    aiex.DMAConfigureTaskOp: DeviceIndex._task,
    aiex.DMAStartTaskOp: lambda ix, op, tasks: TaskUse(op, tasks.get(op.task), True),
    aiex.DMAAwaitTaskOp: lambda ix, op, tasks: TaskUse(op, tasks.get(op.task), False),
    aiex.DMAFreeTaskOp: lambda ix, op, tasks: TaskFree(op, tasks.get(op.task)),
    aiex.SetLockOp: lambda ix, op, tasks: SetLock(op, op.lock, op.value.value.data),
    # constants and terminators are no steps
    **{t: (lambda ix, op, tasks: None) for t in (arith.ConstantOp, func.ReturnOp, aie.EndOp)},
}
# Device-level ops that need no record: the terminator, kernel declarations, globals.
_QUIET = ("aie.end", "memref.global", "func.func", "arith.constant")


@dataclass(eq=False)
class Index:
    """The index of a module: one :class:`DeviceIndex` per ``aie.device``, in order."""

    devices: list[DeviceIndex]

    def named(self, name: str) -> DeviceIndex | None:
        """The device of that name (``@name`` on ``aie.device``, or ``#k`` for the k-th unnamed one); None if none."""
        return next((d for d in self.devices if d.symbol == name.removeprefix("@")), None)

    @property
    def checked(self) -> list[DeviceIndex]:
        """The devices a check of the file covers, each its own design: :attr:`design` when that is one
        device (the only one, or the configuration an ``aiex.configure`` loads), else every device.

        aiecc compiles every device of a module: its graph splits the module per device, keyed by the
        device's name, and ``--device-name`` filters which are compiled (mlir-aie tools/aiecc/README.md
        @ 089e2276, "Keys"); test/npu-xrt/add_one_two/run.lit @ 0711465f builds ``design1`` and
        ``design2`` of one file into two xclbins.
        """
        return [self.design] if self.design is not None else list(self.devices)

    @cached_property
    def design(self) -> DeviceIndex | None:
        """The one device a check reads: the only one, or in a file of several the configuration
        ``aiex.configure`` loads (2026, test/npu-xrt/ctrl_packet_reload_congested,
        full_elf_event_trace, ctrl_packet_reconfig); None when that is not one device.

        A device whose runtime sequence configures exactly one device and runs its sequence (a
        launcher), or one that holds tiles only (a base configuration), is not the design; the device
        configured is, when every other device is of those two kinds.
        """
        if len(self.devices) <= 1:
            return self.devices[0] if self.devices else None
        by_name = {d.op.symbol: d for d in self.devices}
        targets = {op.symbol.string_value() for d in self.devices for seq in d.sequences for op in seq.op.walk()
                   if isinstance(op, aiex.ConfigureOp)}
        if len(targets) != 1 or (target := by_name.get(next(iter(targets)))) is None:
            return None
        others = [d for d in self.devices if d is not target]
        return target if all(_launcher(d) or _tiles_only(d) for d in others) else None


def _launcher(dev: DeviceIndex) -> bool:
    """A device whose body is runtime sequences that only configure another device and run its sequence."""
    body = [op for op in dev.op.body.ops if op.name != "aie.end"]
    quiet = (aiex.ConfigureOp, aiex.RunOp, arith.ConstantOp, aie.EndOp)
    return bool(body) and all(isinstance(op, (aie.RuntimeSequenceOp, aiex.RuntimeSequenceOp)) for op in body) and \
        all(isinstance(inner, quiet) for op in body for inner in op.walk() if inner is not op)


def _tiles_only(dev: DeviceIndex) -> bool:
    """A device that declares tiles and nothing else (a base configuration)."""
    return all(isinstance(op, (aie.TileOp, aie.EndOp)) for op in dev.op.body.ops)


def index_module(module: ModuleOp) -> Index:
    """Index every ``aie.device`` of a verified module (see the module docstring).

    Parameters
    ----------
    module : ModuleOp
        A module :mod:`partitioner.mlir.parse` verified, or one the emitter built.

    Returns
    -------
    Index

    Examples
    --------
    >>> from partitioner.mlir.parse import parse_module
    >>> ix = index_module(parse_module("aie.device(npu1) {\\n  %t = aie.tile(0, 2)\\n}", "m.mlir"))
    >>> [(d.name, list(d.tiles.values())) for d in ix.devices]
    [('npu1', [(0, 2)])]
    """
    devices = []
    for dev in (op for op in module.walk() if isinstance(op, aie.DeviceOp)):
        ix = DeviceIndex(dev, dev.device_name, position=len(devices) + 1)
        if any(isinstance(op, aie.LogicalTileOp) for op in dev.body.walk()):
            try:
                ix.placed = place_logical_tiles(dev, dev.model)
            except PlacementError as err:
                ix.placement_error = err
        for op in dev.body.walk():  # nested ops too, as mlir-aie's verifiers leave them (at the top)
            if (handler := _DEVICE_OPS.get(type(op))) is not None:
                try:
                    handler(ix, op)
                except KeyError:  # it names a tile or lock no record holds (a logical tile, ...)
                    ix.unmodelled.append(op)
            elif op.parent_op() is dev and op.name not in _QUIET:
                ix.unmodelled.append(op)
        _decode_writes(ix)
        devices.append(ix)
    return Index(devices)


def _decode_writes(ix: DeviceIndex) -> None:
    """Read each runtime-sequence register write and ``aiex.buffer_clear`` against the register map
    (:mod:`partitioner.mlir.registers`), once every buffer and lock of the device is known: one that
    touches nothing the models follow is :class:`Inert`, a ``write32`` of a design lock's value
    register is a :class:`SetLock`, anything else stays :class:`Other` (a mover)."""
    buffers = {b.sym_name.data: memref(b.buffer.type)[0] * (elem_bytes(b.buffer.type.element_type) or 0)
               for b in ix.buffers if b.sym_name is not None}
    locks = {(lk.tile, lk.id): value for value, lk in ix.locks.items()}
    kind_of = ix.op.model.kind_of
    for seq in ix.sequences:
        for i, step in enumerate(seq.steps):
            if isinstance(step.op, registers.WRITES):
                eff = registers.effect(step.op, kind_of, buffers)
            elif isinstance(step.op, aiex.BufferClearOp):
                eff = registers.clear_effect(step.op, ix.tiles.get(step.op.tile), kind_of)
            else:
                continue
            if eff.kind == "inert":
                seq.steps[i] = Inert(step.op, eff.what)
            elif eff.kind == "lock" and (eff.tile, eff.lock) in locks:
                seq.steps[i] = SetLock(step.op, locks[(eff.tile, eff.lock)], eff.value)
