"""From a parsed mlir-aie module to its token network (:mod:`~partitioner.hangs.model`).

What mlir-aie's lowering makes of the design, at the level of tokens (no data):

* **locks** hold AIE2 semaphore values. Each ObjectFIFO pool gets a pair:
  *free* buffers (starts at the pool's ``count``) and *filled* ones (starts
  at 0; ``count`` and 0 with initial values). A distribute's or join's
  mem-tile pool has one pair per sub-FIFO (AIEObjectFifoStatefulTransform);
  a 1-to-1 link one pair on its owner's pool (:func:`partitioner.lowering.link_owner`).
  Pool sizes are :func:`partitioner.lowering.lower`'s. Hand-written
  ``aie.lock`` ops keep their ``init``;
* **processes**: each core's body in program order (:class:`CoreProc`),
  each DMA channel's BD chain (:class:`DmaProc`: acquire, move bytes,
  release; an ObjectFIFO end's MM2S acquires *filled* and releases *free*,
  its S2MM the converse), each shim channel the runtime sequence drives
  (:class:`ShimProc`, a queue of host tasks) and the runtime sequence
  itself (:class:`HostProc`: enqueue transfers, wait for them);
* **streams** join a sender to its receivers (a broadcast moves in lockstep):
  bytes move when the sender's current BD and every receiver's have room, so
  an object is what one BD moves and a host transfer of ``n`` bytes is
  ``n / object bytes`` objects, whatever the two sides' sizes.

An ``aie.objectfifo.acquire`` of ``n`` asks to *hold* ``n`` objects; mlir-aie
(``dynamic-objFifos=false``, its default) lowers it to a lock acquire of
``n`` minus what the core already holds at that point in program order, a
loop body being walked once without its back edge (test
objectFifo-stateful-transform/access_patterns/cyclostatic_AIE2_sharedMem.mlir:
``acquire 3 / release 1`` in a loop takes 3, then 1 per unrolled copy).
:func:`build` computes those static amounts; :class:`CoreProc` executes them.

Anything the model cannot follow (a loop bound that is not a constant,
``scf.if``, ``scf.while``, a FIFO whose consumer works inside a link's pool,
a task on a tile's own DMA channel in the runtime sequence) is marked
*unmodelled*: processes that reach it stop there and a hang that passes
through them is not reported (the network's notes say so).
"""
from __future__ import annotations

import math

from xdsl.dialects import arith, func, scf
from xdsl.dialects.builtin import IntegerAttr, MemRefType
from xdsl.ir import Block, Operation, SSAValue

from partitioner.design import ELEM_BYTES, Coord, Design, ObjectFifo
from partitioner.device import Device
from partitioner.hangs.model import (ACQ, ACQ_EQ, END, LOOP, NEXT, REL, SPIN, UNMOD, AcquireFact, Bd, CoreProc,
                                     DmaProc, HostProc, Lock, LoopFact, Network, OpenProc, Proc, ShimProc, Stream)
from partitioner.hangs.source import Source
from partitioner.lowering import Lowered, link_owner
from partitioner.lowering_profile import LoweringProfile
from partitioner.mlir import aie, aiex

#: A loop this long is mlir-aie's "forever" (IRON prints int64 max, older designs 2^32 - 1).
ENDLESS = 2**31 - 1


def _constant(value: SSAValue) -> int | None:
    owner = value.owner
    if isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return owner.value.value.data
    return None


def _elem_bytes(t) -> int:
    name = str(t)
    if name in ELEM_BYTES:
        return ELEM_BYTES[name]
    width = name.lstrip("usibf")
    return max(int(width) // 8, 1) if width.isdigit() else 4


def _memref_bytes(t: MemRefType) -> tuple[int, int]:
    """(elements, bytes per element) of a memref type."""
    return math.prod(t.get_shape()), _elem_bytes(t.element_type)


def _port(attr) -> str:
    if isinstance(attr, IntegerAttr):
        return "Produce" if attr.value.data == 0 else "Consume"
    return "Produce" if attr.data == "Produce" else "Consume"


def _name(c: Coord) -> str:
    return f"({c[0]},{c[1]})"


class _Builder:
    """One build: the maps from IR values to locks and processes, filled in by a walk of the device."""

    def __init__(self, source: Source, design: Design, lowered: Lowered, device: Device,
                 profile: LoweringProfile):
        self.src = source
        self.design = design
        self.lowered = lowered
        self.device = device
        self.profile = profile
        self.procs: list[Proc] = []
        self.streams: list[Stream] = []
        self.locks: list[Lock] = []
        self.notes: list[str] = []
        self.tiles: dict[SSAValue, Coord] = {}
        self.fifo_ops: dict[str, aie.ObjectFifoCreateOp] = {}
        self.hand_locks: dict[SSAValue, Lock] = {}
        # (fifo, port, tile) -> (acquire lock, release lock, pool count)
        self.core_ports: dict[tuple[str, str, Coord], tuple[Lock, Lock, int]] = {}
        self.unmodelled_fifos: dict[str, str] = {}
        self.channel_of: dict[str, Proc] = {}  # symbol (FIFO or shim allocation) -> host-driven channel
        self.port_procs: dict[tuple[Coord, str, int], Proc] = {}  # (tile, "out"/"in", channel) -> proc
        self.loop_facts: list[LoopFact] = []
        self.acquire_facts: list[AcquireFact] = []
        self.object_bytes: dict[str, int] = {}
        self.approximations: list[str] = []

    def approx(self, note: str) -> None:
        """Record something the model takes as given instead of following it (the run proves less)."""
        self.notes.append(note)
        self.approximations.append(note)

    def lock(self, name: str, init: int, kind: str = "lock", fifo: str = "", pool: int = 0) -> Lock:
        lk = Lock(name, init, kind, fifo, pool)
        self.locks.append(lk)
        return lk

    def add(self, p: Proc) -> Proc:
        self.procs.append(p)
        return p

    # -- the walk ---------------------------------------------------------------------------------------

    def build(self) -> Network:
        devices = [op for op in self.src.module.walk() if isinstance(op, aie.DeviceOp)]
        dev = devices[0]
        cores, regions, flows, shim_allocs, sequence = [], [], [], {}, None
        for op in dev.body.walk():
            if isinstance(op, aie.TileOp):
                self.tiles[op.result] = (op.col.value.data, op.row.value.data)
            elif isinstance(op, aie.ObjectFifoCreateOp):
                self.fifo_ops[op.sym_name.data] = op
            elif isinstance(op, aie.LockOp):
                name = op.sym_name.data if op.sym_name is not None else f"lock{len(self.hand_locks)}"
                self.hand_locks[op.result] = self.lock(name, op.init.value.data if op.init is not None else 0)
            elif isinstance(op, aie.CoreOp):
                cores.append(op)
            elif isinstance(op, (aie.MemOp, aie.MemTileDMAOp, aie.ShimDMAOp)):
                regions.append(op)
            elif isinstance(op, aie.FlowOp):
                if op.source_bundle.value.data == 1 and op.dest_bundle.value.data == 1:  # DMA -> DMA
                    flows.append(op)
                else:
                    self.approx(f"{self.src.locate(op)}: a flow that is not DMA to DMA is not modelled")
            elif isinstance(op, aie.ShimDMAAllocationOp):
                shim_allocs[_symbol(op.sym_name)] = op
            elif op.name in ("aie.runtime_sequence", "aiex.runtime_sequence") and sequence is None:
                sequence = op
        if sequence is None:
            sequence = next((f for f in dev.body.walk() if isinstance(f, func.FuncOp)
                             and any(isinstance(o, aiex.NpuDmaMemcpyNdOp) for o in f.walk())), None)
        hosted = sequence is not None
        if hosted:
            self.shim_tasks(sequence)
        self.fifos(hosted)
        self.hand_dma(regions, flows, shim_allocs, hosted)
        core_procs = [self.core(op) for op in cores]
        host = self.host(sequence, shim_allocs) if hosted else None
        if host is not None:
            self.procs.append(host)
        for p in self.procs:
            for lk in _released_locks(p):
                if p not in lk.releasers:
                    lk.releasers.append(p)
        return Network(self.src, self.procs, self.streams, self.locks, host, core_procs, self.loop_facts,
                       self.acquire_facts, self.notes, self.object_bytes, self.approximations)

    # -- ObjectFIFOs ------------------------------------------------------------------------------------

    def pool_count(self, f: ObjectFifo, tile: Coord, end: str | None = None) -> int | None:
        for p in self.lowered.pools.get(f.name, []):
            if p.tile == tile and (end is None or p.name == end):
                return p.count
        return None

    def fifos(self, hosted: bool) -> None:
        design, lowered = self.design, self.lowered
        fifo_of = {f.name: f for f in design.fifos}
        for f in design.fifos:
            self.object_bytes[f.name] = f.object_bytes
        senders: dict[str, Proc] = {}
        receivers: dict[str, list[Proc]] = {f.name: [] for f in design.fifos}
        on_link: set[tuple[str, int]] = set()  # (fifo, end index) handled by a link
        for link in design.links:
            if link.tile is None:
                continue
            self.link(link, fifo_of, senders, receivers, on_link)
        for f in design.fifos:
            if f.name not in self.fifo_ops:
                continue
            if f.name in lowered.shared:
                if f.name in lowered.pools:
                    self.shared(f)
                else:
                    self.unmodelled_fifos[f.name] = "its consumer works inside a link's pool (shared memory)"
                    self.notes.append(f"{f.name}: the consumer works inside the link's pool; not modelled")
                continue
            ends = [f.producer_tile, *f.consumer_tiles]
            names = f.end_names()
            for index, (tile, end) in enumerate(zip(ends, names)):
                if (f.name, index) in on_link:
                    continue
                kind = self.device.kind_of(tile)
                if index == 0:
                    senders[f.name] = self.producer_end(f, tile, end, kind, hosted)
                else:
                    receivers[f.name].append(self.consumer_end(f, tile, end, kind, hosted, index))
        for f in design.fifos:
            if f.name in senders:
                self.streams.append(Stream(f.name, senders[f.name], receivers[f.name]))

    def shared(self, f: ObjectFifo) -> None:
        pool = self.lowered.pools[f.name][0]
        c = pool.count
        free = self.lock(f"{f.name}_prod_lock", 0 if f.init_values else c, "free", f.name, c)
        filled = self.lock(f"{f.name}_cons_lock", c if f.init_values else 0, "filled", f.name, c)
        self.core_ports[(f.name, "Produce", f.producer_tile)] = (free, filled, c)
        self.core_ports[(f.name, "Consume", f.consumer_tiles[0])] = (filled, free, c)

    def producer_end(self, f: ObjectFifo, tile: Coord, end: str, kind: str, hosted: bool) -> Proc:
        op = self.fifo_ops[f.name]
        if kind == "shim":
            if not hosted:
                return self.add(OpenProc(f"shim {_name(tile)} MM2S {f.name} (no runtime sequence)", op, "send"))
            ch = self.add(ShimProc(f"shim {_name(tile)} MM2S {f.name}", op, "send", f.name, f.object_bytes))
            self.channel_of[f.name] = ch
            return ch
        c = self.pool_count(f, tile, end) or f.depth_for(0)
        if f.init_values and kind == "mem" and self.profile.static_init_without_locks and \
                not any(f.name in (*lk.inputs, *lk.outputs) for lk in self.design.links):
            self.notes.append(f"{f.name}: initial values on a mem tile are sent without locks (repeating)")
            return self.add(OpenProc(f"DMA {_name(tile)} MM2S {f.name} (initial values)", op, "send"))
        free = self.lock(f"{end}_prod_lock", 0 if f.init_values else c, "free", f.name, c)
        filled = self.lock(f"{end}_cons_lock", c if f.init_values else 0, "filled", f.name, c)
        self.core_ports[(f.name, "Produce", tile)] = (free, filled, c)
        repeat = f.repeat_count or 1
        bd = Bd([(filled, 1, False)], f.object_bytes * repeat, [(free, 1)], op, f"{f.name} (DMA reads)")
        return self.add(DmaProc(f"DMA {_name(tile)} MM2S {f.name}", op, "send", [bd]))

    def consumer_end(self, f: ObjectFifo, tile: Coord, end: str, kind: str, hosted: bool, index: int) -> Proc:
        op = self.fifo_ops[f.name]
        if kind == "shim":
            if not hosted:
                return self.add(OpenProc(f"shim {_name(tile)} S2MM {f.name} (no runtime sequence)", op, "receive"))
            ch = self.add(ShimProc(f"shim {_name(tile)} S2MM {f.name}", op, "receive", f.name, f.object_bytes))
            self.channel_of[f.name] = ch
            return ch
        c = self.pool_count(f, tile, end) or f.depth_for(index)
        free = self.lock(f"{end}_prod_lock", c, "free", f.name, c)
        filled = self.lock(f"{end}_cons_lock", 0, "filled", f.name, c)
        self.core_ports[(f.name, "Consume", tile)] = (filled, free, c)
        nbytes = f.consumer_object_bytes or f.object_bytes
        bd = Bd([(free, 1, False)], nbytes, [(filled, 1)], op, f"{f.name} (DMA writes)")
        return self.add(DmaProc(f"DMA {_name(tile)} S2MM {f.name}", op, "receive", [bd]))

    def link(self, link, fifo_of: dict[str, ObjectFifo], senders: dict, receivers: dict, on_link: set) -> None:
        owner = fifo_of[link_owner(link, fifo_of)]
        tile = link.tile
        op = next((o for o in self.src.module.walk() if isinstance(o, aie.ObjectFifoLinkOp)
                   and [r.string_value() for r in o.fifoIns.data] == link.inputs
                   and [r.string_value() for r in o.fifoOuts.data] == link.outputs), None)
        end_index = {n: (0 if n in link.outputs else 1 + fifo_of[n].consumer_tiles.index(tile))
                     for n in (*link.inputs, *link.outputs)}
        end_name = {n: fifo_of[n].end_names()[end_index[n]] for n in end_index}
        c = self.pool_count(owner, tile) or owner.depth_for(end_index[owner.name])
        many = len(link.inputs) > 1 or len(link.outputs) > 1
        subs = [fifo_of[n] for n in (link.outputs if len(link.inputs) == 1 else link.inputs)] if many else [owner]
        init = bool(owner.init_values and owner.name in link.outputs)
        pairs = [(self.lock(f"{end_name.get(s.name, s.name)}_link_prod_lock", 0 if init else c, "free", s.name, c),
                  self.lock(f"{end_name.get(s.name, s.name)}_link_cons_lock", c if init else 0, "filled", s.name, c))
                 for s in subs]
        where = _name(tile)
        if not many or len(link.inputs) == 1:  # distribute (or 1-to-1): one S2MM fills, per-sub MM2S drain
            src = fifo_of[link.inputs[0]]
            bds = [Bd([(free, 1, False)], s.object_bytes, [(filled, 1)], op, f"{s.name} (link fills)")
                   for s, (free, filled) in zip(subs, pairs)]
            receivers[src.name].append(self.add(DmaProc(f"DMA {where} S2MM {src.name}", op, "receive", bds)))
            on_link.add((src.name, end_index[src.name]))
            outs = [fifo_of[n] for n in link.outputs]
            for k, out in enumerate(outs):
                free, filled = pairs[k if many else 0]
                nbytes = (out.object_bytes if many else owner.object_bytes) * (out.repeat_count or 1)
                bd = Bd([(filled, 1, False)], nbytes, [(free, 1)], op, f"{out.name} (link drains)")
                senders[out.name] = self.add(DmaProc(f"DMA {where} MM2S {out.name}", op, "send", [bd]))
                on_link.add((out.name, 0))
        else:  # join: per-sub S2MM fill, one MM2S drains them in order
            for s, (free, filled) in zip(subs, pairs):
                bd = Bd([(free, 1, False)], s.object_bytes, [(filled, 1)], op, f"{s.name} (link fills)")
                receivers[s.name].append(self.add(DmaProc(f"DMA {where} S2MM {s.name}", op, "receive", [bd])))
                on_link.add((s.name, end_index[s.name]))
            out = fifo_of[link.outputs[0]]
            bds = [Bd([(filled, 1, False)], s.object_bytes, [(free, 1)], op, f"{s.name} (link drains)")
                   for s, (free, filled) in zip(subs, pairs)]
            senders[out.name] = self.add(DmaProc(f"DMA {where} MM2S {out.name}", op, "send", bds))
            on_link.add((out.name, 0))

    # -- hand-written DMA programs and flows ------------------------------------------------------------

    def shim_tasks(self, sequence: Operation) -> None:
        """A shim channel the runtime sequence programs itself (``aiex.dma_configure_task`` on a shim tile)."""
        for op in sequence.regions[0].blocks[0].ops:
            if isinstance(op, aiex.DMAConfigureTaskOp) and self.device.kind_of(self.tiles[op.tile]) == "shim":
                tile, ch = self.tiles[op.tile], op.channel.value.data
                direction = "receive" if op.direction.value.data == 0 else "send"
                key = (tile, "in" if direction == "receive" else "out", ch)
                if key not in self.port_procs:
                    label = f"{'S2MM' if direction == 'receive' else 'MM2S'} {ch}"
                    self.port_procs[key] = self.add(ShimProc(f"shim {_name(tile)} {label}", op, direction,
                                                             f"{_name(tile)} {label}", 0))

    def hand_dma(self, regions: list[Operation], flows: list, shim_allocs: dict, hosted: bool) -> None:
        for region_op in regions:
            tile = self.tiles[region_op.tile]
            starts: dict[tuple[str, int], list[aie.DMAStartOp]] = {}
            for start in region_op.walk():
                if isinstance(start, aie.DMAStartOp):
                    direction = "receive" if start.channel_dir.value.data == 0 else "send"
                    starts.setdefault((direction, start.channel_index.value.data), []).append(start)
            for (direction, ch), ops in starts.items():
                # several aie.dma_start on one channel queue their chains as tasks, each run repeat_count + 1
                # times; a chain that loops back never lets the next one start
                bds: list[Bd] = []
                loop_to = None
                for start in ops:
                    chain, back = self.chain(start.successors[0])
                    if back is not None:
                        loop_to = len(bds) + back
                        bds += chain
                        break
                    repeat = start.repeat_count.value.data if start.repeat_count is not None else 0
                    bds += chain * (repeat + 1)
                actor = f"DMA {_name(tile)} {'S2MM' if direction == 'receive' else 'MM2S'} {ch}"
                self.port_procs[(tile, "in" if direction == "receive" else "out", ch)] = \
                    self.add(DmaProc(actor, ops[0], direction, bds, loop_to))
        for sym, op in shim_allocs.items():
            tile = self.tiles[op.tile] if op.tile is not None else (op.col.value.data, 0)
            direction = "send" if op.channel_dir.value.data == 1 else "receive"  # MM2S = 1: host to array
            ch = op.channel_index.value.data
            key = (tile, "out" if direction == "send" else "in", ch)
            if hosted:
                proc = self.add(ShimProc(f"shim {_name(tile)} {'MM2S' if direction == 'send' else 'S2MM'} {sym}",
                                         op, direction, sym, 0))
                self.channel_of.setdefault(sym, proc)
            else:
                proc = self.add(OpenProc(f"shim {_name(tile)} {sym} (no runtime sequence)", op, direction))
            self.port_procs[key] = proc
        by_source: dict[tuple, list] = {}
        for fl in flows:
            s = (self.tiles[fl.source], "out", fl.source_channel.value.data)
            d = (self.tiles[fl.dest], "in", fl.dest_channel.value.data)
            by_source.setdefault(s, []).append((d, fl))
        connected = set()
        for s, dests in by_source.items():
            sender = self.port_procs.get(s) or self.add(OpenProc(f"DMA {_name(s[0])} MM2S {s[2]} (not modelled)",
                                                                 dests[0][1], "send"))
            recv = []
            for d, fl in dests:
                proc = self.port_procs.get(d) or self.add(OpenProc(f"DMA {_name(d[0])} S2MM {d[2]} (not modelled)",
                                                                   fl, "receive"))
                recv.append(proc)
                connected.add(d)
            connected.add(s)
            self.streams.append(Stream(f"flow {_name(s[0])}:{s[2]}", sender, recv))
        for key, proc in self.port_procs.items():
            if key not in connected and isinstance(proc, (DmaProc, ShimProc)):
                other = self.add(OpenProc(f"(no flow from {proc.actor})", proc.op,
                                          "receive" if proc.direction == "send" else "send"))
                self.approx(f"{proc.actor}: no aie.flow connects it; its other end is taken as open")
                pair = (proc, [other]) if proc.direction == "send" else (other, [proc])
                self.streams.append(Stream(f"open {proc.actor}", *pair))

    def chain(self, block: Block) -> tuple[list[Bd], int | None]:
        """The BDs from ``block`` following ``aie.next_bd``; the index the chain loops back to (None: it ends)."""
        seen: dict[int, int] = {}
        bds: list[Bd] = []
        while block is not None:
            if id(block) in seen:
                return bds, seen[id(block)]
            seen[id(block)] = len(bds)
            acquires, releases, nbytes, bd_op, nxt = [], [], 0, None, None
            for op in block.ops:
                if isinstance(op, aie.UseLockOp) and op.lock in self.hand_locks:
                    value = _lock_value(op)
                    if op.action_name == "Release":
                        releases.append((self.hand_locks[op.lock], value))
                    else:
                        acquires.append((self.hand_locks[op.lock], value, op.action_name == "Acquire"))
                elif isinstance(op, aie.DMABDOp):
                    count, width = _memref_bytes(op.buffer.type)
                    nbytes += (op.len.value.data if op.len is not None else count) * width
                    bd_op = op
                elif isinstance(op, aie.NextBDOp):
                    nxt = op.successors[0]
            if bd_op is not None or acquires or releases:
                port = ", ".join(lk.name for lk, _, _ in acquires)
                bds.append(Bd(acquires, nbytes, releases, bd_op or block.first_op, port))
            block = nxt
        return bds, None

    # -- cores --------------------------------------------------------------------------------------------

    def core(self, op: aie.CoreOp) -> CoreProc:
        tile = self.tiles[op.tile]
        proc = CoreProc(f"core {_name(tile)}", op, tile)
        self.procs.append(proc)
        held: dict[str, int] = {}
        blocks = list(op.body.blocks)
        if len(blocks) == 1:
            self.compile_block(proc, blocks[0], held, (), [])
        elif _branch_loop(blocks):
            # the lowered form of an endless loop: ^entry: ... cf.br ^body; ^body: ... cf.br ^body
            self.compile_block(proc, blocks[0], held, (), [])
            if not any(_has_sync(o) for o in blocks[1].ops):
                proc.code += [(SPIN, blocks[1].last_op), (END,)]
                return proc
            k = len(proc.loops)
            proc.loops.append((None, blocks[1].last_op))
            start = len(proc.code)
            proc.code.append((LOOP, k, None, None))
            self.compile_block(proc, blocks[1], held, (k,), [])
            proc.code.append((NEXT, k, None, start + 1))
            proc.code[start] = (LOOP, k, None, len(proc.code) - 1)
        else:
            proc.code.append((UNMOD, op, "a core body with branches between blocks is not modelled"))
        proc.code.append((END,))
        proc.counters = [0] * len(proc.loops)
        return proc

    def compile_block(self, proc: CoreProc, block: Block, held: dict[str, int], loops: tuple[int, ...],
                      flagged: list[str]) -> None:
        for op in block.ops:
            if isinstance(op, (aie.ObjectFifoAcquireOp, aie.ObjectFifoReleaseOp)):
                self.fifo_op(proc, op, held, loops)
            elif isinstance(op, aie.UseLockOp):
                if op.lock not in self.hand_locks:
                    proc.code.append((UNMOD, op, "aie.use_lock on a lock the model does not know"))
                    continue
                lock, value = self.hand_locks[op.lock], _lock_value(op)
                proc.loop_of[len(proc.code)] = loops
                if op.action_name == "Release":
                    proc.code.append((REL, lock, value, op, None))
                else:
                    proc.code.append((ACQ_EQ if op.action_name == "Acquire" else ACQ, lock, value, op,
                                      f"lock {lock.name}"))
            elif isinstance(op, scf.ForOp):
                self.loop(proc, op, held, loops, flagged)
            elif (op.regions or op.successors) and _has_sync(op):
                # scf.if, scf.while, cf branches around acquires: which way they go is data
                proc.code.append((UNMOD, op, f"{op.name} around acquires or locks is not modelled"))
            # anything else (kernel calls, arithmetic, loads and stores) is a time step: no tokens move

    def fifo_op(self, proc: CoreProc, op, held: dict[str, int], loops: tuple[int, ...]) -> None:
        name = op.objFifo_name.string_value()
        port = _port(op.port)
        key = f"{name} ({port})"
        found = self.core_ports.get((name, port, proc.tile))
        if found is None:
            why = self.unmodelled_fifos.get(name, f"no {port.lower()} end of {name} on this core's tile")
            proc.code.append((UNMOD, op, f"{key}: {why}"))
            return
        acq_lock, rel_lock, count = found
        n = op.size.value.data
        proc.loop_of[len(proc.code)] = loops
        if isinstance(op, aie.ObjectFifoAcquireOp):
            have = held.get(key, 0)
            amount = max(n - have, 0)
            held[key] = max(have, n)
            self.acquire_facts.append(AcquireFact(proc, op, key, n, count))
            proc.code.append((ACQ, acq_lock, amount, op, key))
        else:
            held[key] = held.get(key, 0) - n
            proc.code.append((REL, rel_lock, n, op, key))

    def loop(self, proc: CoreProc, op: scf.ForOp, held: dict[str, int], loops: tuple[int, ...],
             flagged: list[str]) -> None:
        lb, ub, step = (_constant(v) for v in (op.lb, op.ub, op.step))
        sync = _has_sync(op)
        if None in (lb, ub, step) or step <= 0:
            if sync:
                proc.code.append((UNMOD, op, "a loop bound that is not a constant"))
            return
        trip = -(-(ub - lb) // step) if ub > lb else 0
        endless = ub >= ENDLESS
        if not sync:
            if endless:  # the core spins here forever without touching a FIFO or lock
                proc.loop_of[len(proc.code)] = loops
                proc.code.append((SPIN, op))
            return  # a compute loop: no tokens move
        k = len(proc.loops)
        proc.loops.append((None if endless else trip, op))
        start = len(proc.code)
        proc.code.append((LOOP, k, None if endless else trip, None))
        before = dict(held)
        inner: list[str] = []
        self.compile_block(proc, op.body.blocks[0], held, (*loops, k), inner)
        proc.code.append((NEXT, k, None if endless else trip, start + 1))
        proc.code[start] = (LOOP, k, None if endless else trip, len(proc.code) - 1)
        if trip == 0:  # the body never runs: what follows sees what came before
            held.clear()
            held.update(before)
            return
        body_ops = proc.code[start + 1:]
        for i, ins in enumerate(body_ops):  # the acquires a body starts with: waiting there is idling
            if ins[0] not in (ACQ, ACQ_EQ, LOOP):
                break
            if ins[0] != LOOP:
                proc.at_head.add(start + 1 + i)
        for key in sorted(set(held) | set(before)):
            if held.get(key, 0) == before.get(key, 0):
                continue
            acquired = sum(ins[2] for ins in body_ops if ins[0] == ACQ and ins[4] == key)
            released = sum(ins[2] for ins in body_ops if ins[0] == REL and ins[4] == key)
            self.loop_facts.append(LoopFact(proc, op, key, None if endless else trip, before.get(key, 0),
                                            held.get(key, 0), acquired, released, key in inner))
            flagged.append(key)
        flagged.extend(inner)

    # -- the runtime sequence ---------------------------------------------------------------------------

    def host(self, sequence: Operation, shim_allocs: dict) -> HostProc:
        host = HostProc(sequence)
        tasks: dict[int, tuple[Proc, int]] = {}
        for op in sequence.regions[0].blocks[0].ops:
            if isinstance(op, aiex.NpuDmaMemcpyNdOp):
                ch = self.channel(op.metadata.string_value(), op)
                if ch is None:
                    continue
                sizes = _static(op.static_sizes, op.sizes)
                _, width = _memref_bytes(op.memref.type) if isinstance(op.memref.type, MemRefType) else (0, 4)
                host.code.append(("enq", ch, math.prod(sizes) * width, op, None))
                ch.transfers += 1
            elif isinstance(op, aiex.NpuDmaWaitOp):
                ch = self.channel(op.symbol.string_value(), op)
                if ch is not None:
                    host.code.append(("wait", [ch], op))
            elif isinstance(op, aiex.NpuSyncOp):
                chans = self.sync_channels(op)
                if chans:
                    host.code.append(("wait", chans, op))
                else:
                    self.approx(f"{self.src.locate(op)}: aiex.npu.sync on a channel no FIFO or shim "
                                f"allocation uses: taken as complete")
            elif isinstance(op, aiex.DMAConfigureTaskForOp):
                ch = self.channel(op.alloc.string_value(), op)
                if ch is None:
                    continue
                tasks[id(op.result)] = (ch, self.task_bytes(op))
            elif isinstance(op, aiex.DMAConfigureTaskOp):
                tile = self.tiles[op.tile]
                key = (tile, "in" if op.direction.value.data == 0 else "out", op.channel.value.data)
                ch = self.port_procs.get(key)
                if isinstance(ch, ShimProc):
                    tasks[id(op.result)] = (ch, self.task_bytes(op))
                else:
                    self.approx(f"{self.src.locate(op)}: a task on tile {_name(tile)}'s own DMA channel is not "
                                f"modelled; awaiting it is taken as complete")
            elif isinstance(op, aiex.DMAStartTaskOp):
                if id(op.task) in tasks:
                    ch, nbytes = tasks[id(op.task)]
                    host.code.append(("enq", ch, nbytes, op, id(op.task)))
                    ch.transfers += 1
            elif isinstance(op, aiex.DMAAwaitTaskOp):
                if id(op.task) in tasks:
                    host.code.append(("await", id(op.task), op))
            elif isinstance(op, aiex.SetLockOp):
                if op.lock in self.hand_locks:
                    host.code.append(("set", self.hand_locks[op.lock], op.value.value.data, op))
            elif op.name.startswith("aiex.dma_start_bd_chain"):
                self.approx(f"{self.src.locate(op)}: {op.name} is not modelled")
        return host

    @staticmethod
    def task_bytes(op: Operation) -> int:
        """Bytes an IRON task moves: its BDs' lengths, times ``repeat_count + 1``."""
        repeat = (op.repeat_count.value.data if op.repeat_count is not None else 0) + 1
        nbytes = 0
        for bd in op.body.walk():
            if isinstance(bd, aie.DMABDOp):
                count, width = _memref_bytes(bd.buffer.type)
                nbytes += (bd.len.value.data if bd.len is not None else count) * width
        return nbytes * repeat

    def channel(self, symbol: str, op: Operation) -> Proc | None:
        ch = self.channel_of.get(symbol)
        if ch is None:
            self.approx(f"{self.src.locate(op)}: @{symbol} is no shim end the model drives; ignored")
        return ch

    def sync_channels(self, op) -> list[Proc]:
        if None in (op.column, op.row, op.direction, op.channel):
            return []  # given as SSA operands: which channel is not known here
        col, row = op.column.value.data, op.row.value.data
        ncol = op.column_num.value.data if op.column_num is not None else 1
        nrow = op.row_num.value.data if op.row_num is not None else 1
        direction = "in" if op.direction.value.data == 0 else "out"
        chan = op.channel.value.data
        out = []
        for c in range(col, col + ncol):
            for r in range(row, row + nrow):
                res = self.lowered.tiles.get((c, r))
                for ch in (res.channels if res else []):
                    if ch.direction == direction and ch.index == chan and ch.fifo in self.channel_of:
                        out.append(self.channel_of[ch.fifo])
                proc = self.port_procs.get(((c, r), direction, chan))
                if isinstance(proc, ShimProc) and proc not in out:
                    out.append(proc)
        return out


def _symbol(attr) -> str:
    return attr.data if hasattr(attr, "data") and isinstance(attr.data, str) else attr.string_value()


def _static(static, dynamic) -> list[int]:
    values = iter(dynamic)
    out = []
    for v in static.get_values():
        if v == aiex.DYNAMIC_INDEX:
            v = _constant(next(values)) or 0
        out.append(v)
    return out


def _lock_value(op: aie.UseLockOp) -> int:
    if op.value is not None:
        return op.value.value.data
    if op.value_operand is not None:
        c = _constant(op.value_operand)
        if c is not None:
            return c
    return 1


def _branch_loop(blocks: list[Block]) -> bool:
    """Two blocks, the entry branching to the second, which branches to itself: ``while (true)``."""
    if len(blocks) != 2:
        return False
    first, second = blocks[0].last_op, blocks[1].last_op
    return (first is not None and first.name == "cf.br" and first.successors[0] is blocks[1]
            and second is not None and second.name == "cf.br" and second.successors[0] is blocks[1])


def _has_sync(op: Operation) -> bool:
    return any(isinstance(o, (aie.ObjectFifoAcquireOp, aie.ObjectFifoReleaseOp, aie.UseLockOp)) for o in op.walk())


def _released_locks(p: Proc) -> list[Lock]:
    if isinstance(p, CoreProc):
        return [ins[1] for ins in p.code if ins[0] == REL]
    if isinstance(p, DmaProc):
        return [lk for bd in p.bds for lk, _ in bd.releases]
    if isinstance(p, HostProc):
        return [ins[1] for ins in p.code if ins[0] == "set"]
    return []


def build(source: Source, design: Design, lowered: Lowered, device: Device, profile: LoweringProfile) -> Network:
    """The token network of the design ``source`` holds.

    Parameters
    ----------
    source : Source
        The parsed module with op positions (:func:`partitioner.hangs.source.parse_source`).
    design : Design
        The same design as read by :func:`partitioner.read` (FIFO sizes, links, tiles).
    lowered : Lowered
        Its lowering (pool counts, shared-memory FIFOs, shim channels).
    device : Device
        Tile kinds.
    profile : LoweringProfile
        The mlir-aie version's rules (initial values on a mem tile).

    Returns
    -------
    Network

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> from partitioner.hangs.source import read_source
    >>> ev = partitioner.read(DESIGNS_DIR / "batch20_1tile", verify_sources=False)
    >>> net = build(read_source(DESIGNS_DIR / "batch20_1tile"), ev.design, ev.lowered, ev.device, ev.profile)
    >>> [p.actor for p in net.procs]
    ['shim (0,0) MM2S in0', 'DMA (0,2) S2MM in0', 'DMA (0,2) MM2S out0', 'shim (0,0) S2MM out0', 'core (0,2)', 'host']
    """
    return _Builder(source, design, lowered, device, profile).build()
