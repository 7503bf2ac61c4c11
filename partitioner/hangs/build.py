"""From the index of an mlir-aie module (:mod:`partitioner.mlir.index`) to its token network (:mod:`~.model`).

What mlir-aie's lowering makes of each ObjectFIFO (its ends' pools, *free* / *filled* lock
pairs, channels, a link's parts) comes from :func:`partitioner.fifo_ends.fifo_ends`, the facts the
simulator builds on too; here they become locks and processes. Hand-written ``aie.lock`` ops keep
their ``init``. An end's MM2S acquires *filled* and releases *free*, its S2MM the converse;
hand-written DMA programs keep their chains; a host transfer of ``n`` bytes is ``n / object
bytes`` objects.

An ``aie.objectfifo.acquire`` of ``n`` asks to *hold* ``n`` objects (:func:`partitioner.tokens.to_take`);
what the core already holds depends on the profile's ObjectFIFO lowering (``Profile.objectfifo_lowering``):

* **dynamic** (2025.09, 2026.08): the held count lives at run time and crosses a loop's back edge
  (test/objectFifo-stateful-transform/dynamic_lowering/sliding_window_held_count.mlir @ 2fab0e3d:
  "each iteration acquires a runtime-computed acq = max(2 - h, 0)"); a core's acquires and releases
  act on a :class:`~partitioner.tokens.FifoPort` per port (``ACQ_HELD`` / ``REL_HELD``), and a loop
  drifts only when its held count never settles (:meth:`_Builder.dynamic_loop`): sliding windows
  and cyclostatic windows do not;
* **static** (2025.06, ``dynamic-objFifos=false``): the lowering computes each acquire's lock units
  at compile time from the count held at that point in program order, a loop body walked once
  without its back edge, so every trip re-acquires (the CHECK lines of
  objectFifo-stateful-transform/access_patterns/cyclostatic_AIE2_sharedMem.mlir @ 08c556e3: the
  unrolled consumer takes 3 + 1 + 1 + 1 per four trips and gives 4 back).

What the model cannot follow (a non-constant loop bound, ``scf.if``, ``scf.while`` other than
``while (true)``, an ``aie`` op in a core the index does not model, a call given locks, a FIFO whose
consumer works inside a link's pool, a task on a tile's own DMA channel that an ``aie.mem`` program
also drives) is *unmodelled*: processes stop there, the locks such a part may release count it as a
releaser, and a hang through it is not reported (the network's notes say so). A task on a compute
or mem tile's own channel runs its BD chain when the sequence starts it (:class:`TaskDmaProc`).

Runtime-sequence register writes come decoded from the index (:class:`~partitioner.mlir.index.Inert`
steps do nothing to tokens, a write of a lock-value register is a :class:`~partitioner.mlir.index.SetLock`);
the device's one packet flow, when its route is unambiguous, is a
connection like an ``aie.flow`` (:meth:`_Builder.packet_connections`). A sequence that first reloads
its own device's configuration runs its body once per call (``Network.reloads``).
"""
from __future__ import annotations

from xdsl.ir import SSAValue

from partitioner.check import Evaluation
from partitioner.design import Coord, ObjectFifo
from partitioner.fifo_ends import End, LinkPool, LockPair, Part, fifo_ends
from partitioner.hangs.model import (ACQ, ACQ_EQ, ACQ_HELD, END, LOOP, NEXT, REL, REL_HELD, SPIN, UNMOD, AcquireFact,
                                     Bd, CoreProc, DmaProc, HostProc, Lock, LoopFact, Network, OpenProc, Proc,
                                     ShimProc, Stream, TaskDmaProc)
from partitioner.mlir import aie
from partitioner.mlir import index as ix
from partitioner.mlir.aie import DMAChannelDir, LockAction, ObjectFifoPort, WireBundle
from partitioner.mlir.index import io
from partitioner.mlir.parse import Source
from partitioner.tokens import FifoPort, to_take

#: Iterations of a loop body the dynamic lowering's held counts are followed for, to a fixed point.
#: Each count is ``max(held, n) - released`` per acquire and release, so it settles (or goes below
#: zero) within a few; a loop that has not settled by then is reported as drifting.
HELD_ROUNDS = 64


def _name(c: Coord) -> str:
    return f"({c[0]},{c[1]})"


_WAY = {"in": "S2MM", "out": "MM2S"}
_ROLE = {"in": "receive", "out": "send"}  # what a channel of that direction does on its stream


class _Builder:
    """One build: the maps from IR values to locks and processes, filled in by a walk of the device."""

    def __init__(self, ev: Evaluation, source: Source):
        self.src = source
        self.dev = read_device(ev, source)
        self.design = ev.design
        self.device = ev.device
        self.ends = fifo_ends(ev.design, ev.lowered, ev.device, ev.profile)
        # the profile's ObjectFIFO lowering decides what an acquire takes (module docstring)
        self.dynamic = ev.profile.objectfifo_lowering == "dynamic"
        self.fifo_ports: dict[tuple[CoreProc, str], FifoPort] = {}
        self.procs: list[Proc] = []
        self.streams: list[Stream] = []
        self.locks: list[Lock] = []
        self.notes: list[str] = []
        self.hand_locks: dict[SSAValue, Lock] = {}
        # (fifo, port, tile) -> (acquire lock, release lock, pool count)
        self.core_ports: dict[tuple[str, ObjectFifoPort, Coord], tuple[Lock, Lock, int]] = {}
        self.unmodelled_fifos: dict[str, str] = {}
        self.channel_of: dict[str, Proc] = {}  # symbol (FIFO or shim allocation) -> host-driven channel
        self.port_procs: dict[tuple[Coord, str, int], Proc] = {}  # (tile, "out"/"in", channel) -> proc
        self.loop_facts: list[LoopFact] = []
        self.acquire_facts: list[AcquireFact] = []
        self.approximations: list[str] = []
        self.followed: list = []  # ops of the index's movers this build models after all (packet flows)
        # locks an unmodelled part of a core may release (UNMOD): a waiter on them is not reported stuck
        self.unmodelled_releases: dict[CoreProc, list[Lock]] = {}

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
        dev = self.dev
        for value, lk in dev.locks.items():
            self.hand_locks[value] = self.lock(lk.name, lk.init)
        flows = [fl for fl in dev.flows if fl.source_bundle is WireBundle.DMA and fl.dest_bundle is WireBundle.DMA]
        for fl in dev.flows:
            if fl not in flows:
                self.approx(f"{self.src.locate(fl.op)}: a flow that is not DMA to DMA is not modelled")
        # the first runtime sequence; the older func.func form only when there is none (min: the first least)
        sequence = min(dev.sequences, key=lambda q: q.form == "func", default=None)
        hosted = sequence is not None
        if hosted:
            self.shim_tasks(sequence)
        self.fifos(hosted)
        self.hand_dma(flows, hosted)
        core_procs = [self.core(c) for c in dev.cores]
        host = self.host(sequence) if hosted else None
        if host is not None:
            self.procs.append(host)
        for p in self.procs:
            acquired, released = _uses(p)
            released += self.unmodelled_releases.get(p, [])
            for lk in acquired:
                lk.acquired = True
            for lk in dict.fromkeys(released):
                lk.releasers.append(p)
        reloads = sequence.reloads if sequence is not None else None
        return Network(self.src, self.procs, self.streams, self.locks, host, core_procs, self.loop_facts,
                       self.acquire_facts, self.notes, self.approximations, self.followed,
                       f"{self.src.locate(reloads)}: {reloads.name}" if reloads is not None else "")

    # -- ObjectFIFOs: the lowering's ends, pools and lock pairs (partitioner.fifo_ends) ---------------

    def pair(self, locks: LockPair) -> tuple[Lock, Lock]:
        """A pool's (free, filled) locks, as the lowering names and initialises them."""
        return (self.lock(locks.free_name, locks.free_init, "free", locks.fifo, locks.count),
                self.lock(locks.filled_name, locks.filled_init, "filled", locks.fifo, locks.count))

    def fifos(self, hosted: bool) -> None:
        senders: dict[str, Proc] = {}
        receivers: dict[str, list[Proc]] = {f.name: [] for f in self.design.fifos}
        for link in self.ends.links:
            if link.tile is not None:
                self.link(link, senders, receivers)
        for name, fp in self.ends.fifos.items():
            if name not in self.dev.fifos:
                continue
            f = fp.fifo
            if fp.shared:
                if fp.locks is not None:
                    free, filled = self.pair(fp.locks)
                    c = fp.locks.count
                    self.core_ports[(name, ObjectFifoPort.Produce, f.producer_tile)] = (free, filled, c)
                    self.core_ports[(name, ObjectFifoPort.Consume, f.consumer_tiles[0])] = (filled, free, c)
                else:
                    self.unmodelled_fifos[name] = "its consumer works inside a link's pool (shared memory)"
                    self.notes.append(f"{name}: the consumer works inside the link's pool; not modelled")
                continue
            for end in fp.ends:
                if end.link is not None:
                    continue
                proc = self.fifo_end(f, end, hosted)
                proc.lowered = True
                if end.index == 0:
                    senders[name] = proc
                else:
                    receivers[name].append(proc)
        for f in self.design.fifos:
            if f.name in senders:
                self.streams.append(Stream(f.name, senders[f.name], receivers[f.name]))

    def fifo_end(self, f: ObjectFifo, end: End, hosted: bool) -> Proc:
        """The channel the lowering makes for one end of ``f``, with its locks."""
        op, way = self.dev.fifos[f.name], end.direction
        label = f"{_name(end.tile)} {_WAY[way]} {f.name}"
        if end.kind == "shim":
            if not hosted:
                return self.add(OpenProc(f"shim {label} (no runtime sequence)", op, _ROLE[way]))
            ch = self.channel_of[f.name] = self.add(ShimProc(f"shim {label}", op, _ROLE[way], f.name, f.object_bytes))
            return ch
        if end.static_init:
            self.notes.append(f"{f.name}: initial values on a mem tile are sent without locks (repeating)")
            return self.add(OpenProc(f"DMA {label} (initial values)", op, "send"))
        if end.core_stream:  # aie_stream: the core reads or writes the stream itself, no pool, no locks
            self.unmodelled_fifos[f.name] = "one end is a Core stream port (aie_stream)"
            self.approx(f"{self.src.locate(op)}: not modelled: {f.name}'s Core stream port end (aie_stream)")
            return self.add(OpenProc(f"core stream {label}", op, _ROLE[way]))
        free, filled = self.pair(end.locks)
        c = end.locks.count
        if end.index == 0:
            self.core_ports[(f.name, ObjectFifoPort.Produce, end.tile)] = (free, filled, c)
            bd = Bd([(filled, 1, False)], end.bd_bytes, [(free, 1)], op, f"{f.name} (DMA reads)")
        else:
            self.core_ports[(f.name, ObjectFifoPort.Consume, end.tile)] = (filled, free, c)
            bd = Bd([(free, 1, False)], end.bd_bytes, [(filled, 1)], op, f"{f.name} (DMA writes)")
        return self.add(DmaProc(f"DMA {label}", op, _ROLE[way], [bd]))

    def link(self, link: LinkPool, senders: dict, receivers: dict) -> None:
        """A link's channels on its tile: the owner's pool filled and drained part by part."""
        tile, inputs, outputs = link.tile, link.link.inputs, link.link.outputs
        op = next((lk.op for lk in self.dev.links if lk.inputs == inputs and lk.outputs == outputs), None)
        pairs = [self.pair(p.locks) for p in link.parts]
        fifo_of = self.ends.fifos

        def dma(way: str, fifo: str, bds: list[Bd]) -> Proc:
            proc = self.add(DmaProc(f"DMA {_name(tile)} {_WAY[way]} {fifo}", op, _ROLE[way], bds))
            proc.lowered = True
            return proc

        def fill(p: Part, free: Lock, filled: Lock) -> Bd:
            return Bd([(free, 1, False)], p.nbytes, [(filled, 1)], op, f"{p.fifo} (link fills)")

        def drain(fifo: str, nbytes: int, free: Lock, filled: Lock) -> Bd:
            return Bd([(filled, 1, False)], nbytes, [(free, 1)], op, f"{fifo} (link drains)")

        if link.kind != "join":  # distribute (or 1-to-1): one S2MM fills, per-sub MM2S drain
            src = inputs[0]
            receivers[src].append(dma("in", src, [fill(p, *pair) for p, pair in zip(link.parts, pairs)]))
            for k, out in enumerate(outputs):
                i = k if link.kind == "distribute" else 0  # a 1-to-1 link's one part is the owner's object
                nbytes = link.parts[i].nbytes * (fifo_of[out].fifo.repeat_count or 1)
                senders[out] = dma("out", out, [drain(out, nbytes, *pairs[i])])
        else:  # join: per-sub S2MM fill, one MM2S drains them in order
            for p, pair in zip(link.parts, pairs):
                receivers[p.fifo].append(dma("in", p.fifo, [fill(p, *pair)]))
            senders[outputs[0]] = dma("out", outputs[0],
                                      [drain(p.fifo, p.nbytes, *pair) for p, pair in zip(link.parts, pairs)])

    # -- hand-written DMA programs and flows ------------------------------------------------------------

    def shim_tasks(self, sequence: ix.Sequence) -> None:
        """A channel the runtime sequence programs itself (``aiex.dma_configure_task`` on its tile): a shim
        channel moves host data (:class:`ShimProc`), another tile's runs the tasks' BD chains
        (:class:`TaskDmaProc`) unless an ``aie.mem`` program of the tile also drives it."""
        driven = {(p.tile, io(c.direction), c.channel) for p in self.dev.dmas for c in p.chains}
        for task in sequence.steps:
            if isinstance(task, ix.Task) and task.tile is not None:
                tile, ch, way = task.tile, task.chain.channel, io(task.chain.direction)
                if (tile, way, ch) in self.port_procs or (tile, way, ch) in driven:
                    continue
                label = f"{_name(tile)} {_WAY[way]} {ch}"
                if self.device.kind_of(task.tile) == "shim":
                    proc = ShimProc(f"shim {label}", task.op, _ROLE[way], label, 0)
                else:
                    proc = TaskDmaProc(f"DMA {label} (tasks)", task.op, _ROLE[way])
                self.port_procs[(tile, way, ch)] = self.add(proc)

    def hand_dma(self, flows: list[ix.Flow], hosted: bool) -> None:
        for program in self.dev.dmas:
            by_channel: dict[tuple[DMAChannelDir, int], list[ix.DmaChain]] = {}
            for c in program.chains:
                by_channel.setdefault((c.direction, c.channel), []).append(c)
            for (direction, ch), chains in by_channel.items():
                # several aie.dma_start on one channel queue their chains as tasks, each run repeat_count + 1
                # times; a chain that loops back never lets the next one start
                bds: list[Bd] = []
                loop_to = None
                for c in chains:
                    chain, back = self.chain(c)
                    if back is not None:
                        loop_to = len(bds) + back
                        bds += chain
                        break
                    bds += chain * (c.repeat + 1)
                way = io(direction)
                self.port_procs[(program.tile, way, ch)] = self.add(DmaProc(
                    f"DMA {_name(program.tile)} {_WAY[way]} {ch}", chains[0].op, _ROLE[way], bds, loop_to))
        for sym, alloc in self.dev.shim_allocs.items():
            way = io(alloc.direction)
            if hosted:
                proc = self.add(ShimProc(f"shim {_name(alloc.tile)} {_WAY[way]} {sym}", alloc.op, _ROLE[way], sym, 0))
                self.channel_of.setdefault(sym, proc)
            else:
                proc = self.add(OpenProc(f"shim {_name(alloc.tile)} {sym} (no runtime sequence)", alloc.op,
                                         _ROLE[way]))
            self.port_procs[(alloc.tile, way, alloc.channel)] = proc
        by_source: dict[tuple, list] = {}
        for fl in [*flows, *self.packet_connections()]:
            by_source.setdefault((fl.source, "out", fl.source_channel), []).append(
                ((fl.dest, "in", fl.dest_channel), fl.op))
        connected = set()
        for s, dests in by_source.items():
            sender = self.port_procs.get(s) or self.add(OpenProc(f"DMA {_name(s[0])} MM2S {s[2]} (not modelled)",
                                                                 dests[0][1], "send"))
            recv = [self.port_procs.get(d) or self.add(OpenProc(f"DMA {_name(d[0])} S2MM {d[2]} (not modelled)",
                                                                fl, "receive")) for d, fl in dests]
            connected.update([s, *(d for d, _ in dests)])
            self.streams.append(Stream(f"flow {_name(s[0])}:{s[2]}", sender, recv))
            ends = [sender, *recv]
            if any(isinstance(p, OpenProc) for p in ends) and not all(isinstance(p, OpenProc) for p in ends):
                # one end moves tokens, the other is driven by nothing the model knows (no DMA program, task or
                # allocation: maybe an ObjectFIFO's channel, maybe none): taken as always ready
                self.approx(f"{self.src.locate(dests[0][1])}: a flow between {' and '.join(p.actor for p in ends)}: "
                            f"its end that nothing modelled drives is taken as open")
        for key, proc in self.port_procs.items():
            if key not in connected and isinstance(proc, (DmaProc, ShimProc)):
                other = self.add(OpenProc(f"(no flow from {proc.actor})", proc.op,
                                          "receive" if proc.direction == "send" else "send"))
                self.approx(f"{proc.actor}: no aie.flow connects it; its other end is taken as open")
                pair = (proc, [other]) if proc.direction == "send" else (other, [proc])
                self.streams.append(Stream(f"open {proc.actor}", *pair))

    def packet_connections(self) -> list[ix.Flow]:
        """The device's one packet flow as a DMA-to-DMA connection, when its route is unambiguous.

        A packet flow is followed as an ``aie.flow`` (one :class:`~partitioner.hangs.model.Stream`, a
        broadcast to several destinations) when it is the device's only packet flow, has one
        source and every end is a DMA channel no ``aie.flow`` and no ObjectFIFO uses, drops its header
        before the destination (no ``keep_pkt_header``: a kept header adds a word the byte count would
        miss) and everything its source sends carries that packet ID (the BDs' ``packet``, the host
        transfers' or the shim allocation's: a packet of another ID is routed elsewhere or dropped).
        Two packet flows may share a stream-switch arbiter, which holds a stalled packet's route until
        its last word and can close a wait cycle no stream of this model shows (mlir-aie PR #1694
        groups flows of shared ends; PR #3702 keeps such a cycle through one arbiter as a known gap):
        then none is followed and each stays a mover, the answer "not proved".
        """
        packets = self.dev.packet_flows
        if len(packets) != 1:
            if any(pf is m for m in self.dev.movers for pf in packets):
                self.notes.append(f"{len(packets)} packet flows may share a stream-switch arbiter (a stalled packet "
                                  f"holds its route): how they interleave is not followed")
            return []
        pf = packets[0]
        ends = _packet_ends(pf, self.dev.tiles)
        sources = [e for e in ends if e[0] == "source"]
        dests = [e for e in ends if e[0] == "dest"]
        if len(sources) != 1 or any(e[2] is not WireBundle.DMA or e[1] is None for e in ends) or \
                (pf.keep_pkt_header is not None and pf.keep_pkt_header.value.data):
            return []
        (_, src, _, src_ch) = sources[0]
        pid = pf.ID.value.data
        taken = {(fl.source, "out", fl.source_channel) for fl in self.dev.flows} | \
            {(fl.dest, "in", fl.dest_channel) for fl in self.dev.flows}
        keys = [(src, "out", src_ch), *((d[1], "in", d[3]) for d in dests)]
        if any(k in taken or self.ends.on_channel(*k) for k in keys):
            return []
        headers = self.headers(keys[0], pid)
        if headers is None:
            return []
        self.followed += [pf, *headers]
        return [ix.Flow(pf, src, WireBundle.DMA, src_ch, d[1], WireBundle.DMA, d[3]) for d in dests]

    def headers(self, key: tuple, pid: int) -> list | None:
        """The transfers with a packet header that ``key``'s channel sends, when all it sends carries
        packet ID ``pid`` (an empty list when it sends nothing the model knows); None otherwise."""
        proc = self.port_procs.get(key)
        if proc is None:
            return []  # nothing drives it: nothing is sent (a write that would is a mover of its own)
        if isinstance(proc, DmaProc) and not isinstance(proc, TaskDmaProc):
            bds = [bd for d in self.dev.dmas if d.tile == key[0] for c in d.chains
                   if io(c.direction) == "out" and c.channel == key[2] for step in c.bds for bd in step.bds]
            return [] if all(_pid(bd.packet) == pid for bd in bds) else None
        if isinstance(proc, ShimProc) and proc.fifo in self.dev.shim_allocs:
            alloc = self.dev.shim_allocs[proc.fifo]
            sent = [s for seq in self.dev.sequences for s in seq.steps
                    if isinstance(s, (ix.Transfer, ix.Task)) and s.symbol == proc.fifo]
            if any(isinstance(s, ix.Task) for s in sent):
                return None
            if all(_pid(s.op.packet) == pid or s.op.packet is None and _pid(alloc.op.packet) == pid for s in sent):
                return [s.op for s in sent if s.packet]
        return None

    def chain(self, chain: ix.DmaChain) -> tuple[list[Bd], int | None]:
        """A chain's BDs on the locks the model knows; the index it loops back to (None: it ends)."""
        bds: list[Bd] = []
        at: dict[int, int] = {}
        for i, step in enumerate(chain.bds):
            at[i] = len(bds)
            known = [lk for lk in step.locks if lk.lock in self.hand_locks]
            acquires = [(self.hand_locks[lk.lock], lk.value, lk.action is LockAction.Acquire)
                        for lk in known if lk.action is not LockAction.Release]
            releases = [(self.hand_locks[lk.lock], lk.value) for lk in known if lk.action is LockAction.Release]
            if step.bds or acquires or releases:
                port = ", ".join(lk.name for lk, _, _ in acquires)
                bds.append(Bd(acquires, step.nbytes, releases, step.op, port))
        back = None if chain.loops_to is None else at.get(chain.loops_to, len(bds))
        return bds, back

    # -- cores --------------------------------------------------------------------------------------------

    def core(self, c: ix.Core) -> CoreProc:
        proc = CoreProc(f"core {_name(c.tile)}", c.op, c.tile)
        self.procs.append(proc)
        held: dict[str, int] = {}
        last = c.steps[-1] if c.steps else None
        if c.branches and not ix.has_sync(c.steps):
            # branches between blocks none of which acquires, releases or may move a token
            # (test/npu-xrt/conditional_buffer_selection): whichever way they go, the core moves no token
            proc.code += [(SPIN, c.op), (END,)]
            return proc
        if c.branches:
            self.unmod(proc, c.op, "a core body with branches between blocks is not modelled", c.steps)
        elif isinstance(last, ix.LoopStep) and last.branch:
            # the lowered form of an endless loop: ^entry: ... cf.br ^body; ^body: ... cf.br ^body
            self.compile(proc, c.steps[:-1], held, (), [])
            if not ix.has_sync(last.body):
                proc.code += [(SPIN, last.op), (END,)]
                return proc
            self.body(proc, last, None, held, (), [])
        else:
            self.compile(proc, c.steps, held, (), [])
        proc.code.append((END,))
        proc.counters = [0] * len(proc.loops)
        return proc

    def compile(self, proc: CoreProc, steps: list[ix.Step], held: dict[str, int], loops: tuple[int, ...],
                flagged: list[str]) -> None:
        for s in steps:
            if isinstance(s, ix.FifoStep):
                self.fifo_op(proc, s, held, loops)
            elif isinstance(s, ix.LockStep):
                if s.lock not in self.hand_locks:
                    proc.code.append((UNMOD, s.op, "aie.use_lock on a lock the model does not know"))
                    continue
                lock = self.hand_locks[s.lock]
                proc.loop_of[len(proc.code)] = loops
                if s.action is LockAction.Release:
                    proc.code.append((REL, lock, s.value, s.op, None))
                else:
                    proc.code.append((ACQ_EQ if s.action is LockAction.Acquire else ACQ, lock, s.value, s.op,
                                      f"lock {lock.name}"))
            elif isinstance(s, ix.LoopStep):
                self.loop(proc, s, held, loops, flagged)
            elif isinstance(s, ix.OpaqueStep) and ix.has_sync(s.body):
                # scf.if, scf.while, cf branches around acquires: which way they go is data
                self.unmod(proc, s.op, f"{s.op.name} around acquires or locks is not modelled", s.body)
            elif isinstance(s, ix.UnknownStep):
                self.unmod(proc, s.op, f"{s.op.name} is not modelled", [])
            elif isinstance(s, ix.CallStep) and s.locks:
                # a kernel given locks acquires and releases them itself: any of them may be released
                self.unmod(proc, s.op, f"a call of @{s.callee} given locks is not modelled", [])
                self.unmodelled_releases[proc] += [self.hand_locks[v] for v in s.locks if v in self.hand_locks]
            # anything else (kernel calls, arithmetic, loads and stores) is a time step: no tokens move

    def unmod(self, proc: CoreProc, op, why: str, steps: list[ix.Step]) -> None:  # noqa: ANN001 - an IR op
        """Stop ``proc`` at ``op`` (not modelled), noting the locks ``steps`` may release: the FIFO
        ports' and hand-written locks they release (so a wait on them is not called a hang)."""
        proc.code.append((UNMOD, op, why))
        rel = self.unmodelled_releases.setdefault(proc, [])
        for s, _ in ix.walk_steps(steps):
            if isinstance(s, ix.FifoStep) and not s.acquire and (s.fifo, s.port, proc.tile) in self.core_ports:
                rel.append(self.core_ports[(s.fifo, s.port, proc.tile)][1])
            elif isinstance(s, ix.LockStep) and s.action is LockAction.Release and s.lock in self.hand_locks:
                rel.append(self.hand_locks[s.lock])

    def fifo_op(self, proc: CoreProc, s: ix.FifoStep, held: dict[str, int], loops: tuple[int, ...]) -> None:
        name, n, op = s.fifo, s.size, s.op
        key = f"{name} ({s.port.name})"
        found = self.core_ports.get((name, s.port, proc.tile))
        if found is None:
            why = self.unmodelled_fifos.get(name, f"no {s.port.name.lower()} end of {name} on this core's tile")
            proc.code.append((UNMOD, op, f"{key}: {why}"))
            return
        acq_lock, rel_lock, count = found
        proc.loop_of[len(proc.code)] = loops
        if self.dynamic:
            # the held count lives at run time (a FifoPort), carried across a loop's back edge
            port = self.fifo_ports.get((proc, key))
            if port is None:
                port = self.fifo_ports[(proc, key)] = FifoPort(acq_lock, rel_lock, f"{proc.actor} {key}")
                proc.ports.append(port)
            if s.acquire:
                self.acquire_facts.append(AcquireFact(proc, op, key, n, count))
            proc.code.append((ACQ_HELD if s.acquire else REL_HELD, port, n, op, key))
            held[key] = max(held.get(key, 0), n) if s.acquire else held.get(key, 0) - n
            return
        if s.acquire:
            have = held.get(key, 0)
            held[key] = max(have, n)
            self.acquire_facts.append(AcquireFact(proc, op, key, n, count))
            proc.code.append((ACQ, acq_lock, to_take(n, have), op, key))
        else:
            held[key] = held.get(key, 0) - n
            proc.code.append((REL, rel_lock, n, op, key))

    def body(self, proc: CoreProc, s: ix.LoopStep, trip: int | None, held: dict[str, int], loops: tuple[int, ...],
             inner: list[str]) -> int:
        """A loop's body between ``LOOP`` and ``NEXT`` (``trip`` None: forever); where its ``LOOP`` is."""
        k, start = len(proc.loops), len(proc.code)
        proc.loops.append((trip, s.op))
        proc.code.append((LOOP, k, trip, None))
        self.compile(proc, s.body, held, (*loops, k), inner)
        proc.code.append((NEXT, k, trip, start + 1))
        proc.code[start] = (LOOP, k, trip, len(proc.code) - 1)
        return start

    def loop(self, proc: CoreProc, s: ix.LoopStep, held: dict[str, int], loops: tuple[int, ...],
             flagged: list[str]) -> None:
        op, trip, endless = s.op, s.trip, s.endless
        sync = ix.has_sync(s.body)
        if trip is None:
            if sync:
                self.unmod(proc, op, "a loop bound that is not a constant", s.body)
            return
        if not sync:
            if endless:  # the core spins here forever without touching a FIFO or lock
                proc.loop_of[len(proc.code)] = loops
                proc.code.append((SPIN, op))
            return  # a compute loop: no tokens move
        before = dict(held)
        inner: list[str] = []
        start = self.body(proc, s, None if endless else trip, held, loops, inner)
        if trip == 0:  # the body never runs: what follows sees what came before
            held.clear()
            held.update(before)
            return
        body_ops = proc.code[start + 1:]
        for i, ins in enumerate(body_ops):  # the acquires a body starts with: waiting there is idling
            if ins[0] not in (ACQ, ACQ_EQ, ACQ_HELD, LOOP):
                break
            if ins[0] != LOOP:
                proc.at_head.add(start + 1 + i)
        if self.dynamic:
            self.dynamic_loop(proc, s, before, held, inner, flagged)
            return
        for key in sorted(set(held) | set(before)):
            if held.get(key, 0) == before.get(key, 0):
                continue
            acquired = sum(ins[2] for ins in body_ops if ins[0] == ACQ and ins[4] == key)
            released = sum(ins[2] for ins in body_ops if ins[0] == REL and ins[4] == key)
            self.loop_facts.append(LoopFact(proc, op, key, None if endless else trip, before.get(key, 0),
                                            held.get(key, 0), acquired, released, key in inner))
            flagged.append(key)
        flagged.extend(inner)

    def dynamic_loop(self, proc: CoreProc, s: ix.LoopStep, before: dict[str, int], held: dict[str, int],
                     inner: list[str], flagged: list[str]) -> None:
        """The dynamic lowering's loop: held counts carried across the back edge, trip after trip.

        mlir-aie's dynamic lowering keeps each port's held count at run time and acquires
        ``max(n - held, 0)`` (test/objectFifo-stateful-transform/dynamic_lowering/
        sliding_window_held_count.mlir @ 2fab0e3d: "each iteration acquires a runtime-computed
        acq = max(2 - h, 0)"). So a loop drifts only when its held count never settles: followed from
        the count at the loop's entry for its trips (at most :data:`HELD_ROUNDS`), a count that goes
        below zero (a release of objects not held), or an endless loop's count that has not settled,
        is a :class:`LoopFact`; a sliding window
        (acquire 2, release 1 per trip) settles at 1 after the first trip and is balanced. ``held`` is
        left as the count after the loop's trips.
        """
        trip, endless = s.trip, s.endless
        h, broken = dict(before), []
        nxt, taken, given = h, {}, {}
        for _ in range(HELD_ROUNDS if endless else min(trip, HELD_ROUNDS)):
            nxt, taken, given = _held_once(s.body, h)
            broken = sorted(k for k, v in nxt.items() if v < 0)
            if broken or nxt == h:
                break
            h = nxt
        else:
            if endless:  # never settles: it drifts for good
                broken = sorted(k for k in nxt if nxt[k] != before.get(k, 0))
        for key in broken:
            self.loop_facts.append(LoopFact(proc, s.op, key, None if endless else trip, h.get(key, 0),
                                            nxt.get(key, 0), taken.get(key, 0), given.get(key, 0), key in inner))
            flagged.append(key)
        flagged.extend(inner)
        # after the loop: the counts its trips leave (the settled count, or the last one followed)
        held.clear()
        held.update(h)

    # -- the runtime sequence ---------------------------------------------------------------------------

    def host(self, sequence: ix.Sequence) -> HostProc:
        host = HostProc(sequence.op)
        tasks: dict[int, tuple[Proc, int]] = {}  # id(Task) -> (channel, bytes)
        bds: dict[int, list[Bd]] = {}  # id(Task) -> the BDs a task on a tile's own channel runs
        for s in sequence.steps:
            if isinstance(s, ix.Transfer):
                ch = self.channel(s.symbol, s.op)
                if ch is None:
                    continue
                host.code.append(("enq", ch, s.nbytes, s.op, None))
                ch.transfers += 1
            elif isinstance(s, ix.Wait):
                ch = self.channel(s.symbol, s.op)
                if ch is not None:
                    host.code.append(("wait", [ch], s.op))
            elif isinstance(s, ix.Sync):
                chans = self.sync_channels(s)
                if chans:
                    host.code.append(("wait", chans, s.op))
                else:
                    self.approx(f"{self.src.locate(s.op)}: aiex.npu.sync on a channel no FIFO or shim "
                                f"allocation uses: taken as complete")
            elif isinstance(s, ix.Task) and s.symbol is not None:
                ch = self.channel(s.symbol, s.op)
                if ch is not None:
                    tasks[id(s)] = (ch, self.task_bytes(s))
            elif isinstance(s, ix.Task):
                ch = self.port_procs.get((s.tile, io(s.chain.direction), s.chain.channel))
                chain, back = self.chain(s.chain) if isinstance(ch, TaskDmaProc) else ([], None)
                if isinstance(ch, ShimProc):
                    tasks[id(s)] = (ch, self.task_bytes(s))
                elif isinstance(ch, TaskDmaProc) and back is None:
                    tasks[id(s)] = (ch, self.task_bytes(s))
                    bds[id(s)] = chain * (s.chain.repeat + 1)
                else:
                    self.approx(f"{self.src.locate(s.op)}: a task on tile {_name(s.tile)}'s own DMA channel that an "
                                f"aie.mem program also drives, or whose chain loops back, is not modelled; awaiting it "
                                f"is taken as complete")
            elif isinstance(s, ix.TaskUse) and s.task is not None and id(s.task) in tasks:
                if s.start:
                    ch, nbytes = tasks[id(s.task)]
                    host.code.append(("enq", ch, nbytes, s.op, id(s.task)))
                    ch.transfers += 1
                    if isinstance(ch, TaskDmaProc):
                        ch.chains[id(s.op)] = bds[id(s.task)]
                else:
                    host.code.append(("await", id(s.task), s.op))
            elif isinstance(s, ix.SetLock):
                if s.lock in self.hand_locks:
                    host.code.append(("set", self.hand_locks[s.lock], s.value, s.op))
            elif isinstance(s, ix.Inert):
                self.notes.append(f"{self.src.locate(s.op)}: {s.op.name} writes {s.what}: no DMA, lock or core control")
            elif isinstance(s, ix.Other) and s.op.name.startswith("aiex.dma_start_bd_chain"):
                # issue 20: every op of ix.Other that moves data or locks makes the result "not proved"
                self.approx(f"{self.src.locate(s.op)}: {s.op.name} is not modelled")
        return host

    @staticmethod
    def task_bytes(task: ix.Task) -> int:
        """Bytes an IRON task moves: its BDs' lengths, times ``repeat_count + 1``."""
        return sum(step.nbytes for step in task.chain.bds) * (task.chain.repeat + 1)

    def channel(self, symbol: str, op) -> Proc | None:  # noqa: ANN001 - the op that names it
        ch = self.channel_of.get(symbol)
        if ch is None:
            self.approx(f"{self.src.locate(op)}: @{symbol} is no shim end the model drives; ignored")
        return ch

    def sync_channels(self, s: ix.Sync) -> list[Proc]:
        if None in (s.column, s.row, s.direction, s.channel):
            return []  # given as SSA operands: which channel is not known here
        way, out = io(s.direction), []
        for c in range(s.column, s.column + s.columns):
            for r in range(s.row, s.row + s.rows):
                out += [self.channel_of[n] for n in self.ends.on_channel((c, r), way, s.channel)
                        if n in self.channel_of]
                proc = self.port_procs.get(((c, r), way, s.channel))
                if isinstance(proc, ShimProc) and proc not in out:
                    out.append(proc)
        return out


def _held_once(steps: list[ix.Step], held: dict[str, int]) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """One pass of ``steps`` under the dynamic lowering: held counts after it, lock units its acquires
    take and objects its releases give, per port ("in0 (Consume)"); an inner loop runs its trips (to
    a fixed point, at most :data:`HELD_ROUNDS`)."""
    h, taken, given = dict(held), {}, {}
    for s in steps:
        if isinstance(s, ix.FifoStep):
            key = f"{s.fifo} ({s.port.name})"
            if s.acquire:
                taken[key] = taken.get(key, 0) + to_take(s.size, h.get(key, 0))
                h[key] = max(h.get(key, 0), s.size)
            else:
                given[key] = given.get(key, 0) + s.size
                h[key] = h.get(key, 0) - s.size
        elif isinstance(s, ix.LoopStep) and s.trip != 0:
            for _ in range(HELD_ROUNDS if s.trip is None or s.endless else min(s.trip, HELD_ROUNDS)):
                nxt, t, g = _held_once(s.body, h)
                for k, v in t.items():
                    taken[k] = taken.get(k, 0) + v
                for k, v in g.items():
                    given[k] = given.get(k, 0) + v
                if nxt == h or any(v < 0 for v in nxt.values()):
                    h = nxt
                    break
                h = nxt
    return h, taken, given


def _packet_ends(pf: aie.PacketFlowOp, tiles: dict) -> list[tuple[str, Coord | None, WireBundle, int]]:
    """A packet flow's ends: ("source" or "dest", tile (None when no record holds it), bundle, channel)."""
    return [("source" if isinstance(o, aie.PacketSourceOp) else "dest", tiles.get(o.tile), WireBundle.of(o.bundle),
             o.channel.value.data) for o in pf.ends]


def _pid(packet) -> int | None:  # noqa: ANN001 - a PacketInfoAttr or None
    """The packet ID of a ``#aie.packet_info`` header; None for no header."""
    return None if packet is None else packet.pkt_id.data


def _uses(p: Proc) -> tuple[list[Lock], list[Lock]]:
    """The locks ``p``'s program acquires, and those it releases (the host's ``set`` counts)."""
    if isinstance(p, CoreProc):
        return ([ins[1] for ins in p.code if ins[0] in (ACQ, ACQ_EQ)] + [ins[1].take for ins in p.code
                                                                          if ins[0] == ACQ_HELD],
                [ins[1] for ins in p.code if ins[0] == REL] + [ins[1].give for ins in p.code if ins[0] == REL_HELD])
    if isinstance(p, DmaProc):
        chains = [*p.chains.values()] if isinstance(p, TaskDmaProc) else [p.bds]
        return ([lk for c in chains for bd in c for lk, _, _ in bd.acquires],
                [lk for c in chains for bd in c for lk, _ in bd.releases])
    return [], [ins[1] for ins in p.code if ins[0] == "set"] if isinstance(p, HostProc) else []



def read_device(ev: Evaluation, source: Source) -> ix.DeviceIndex:
    """The device of ``source``'s index the design was read from (``ev.ir_device``); for a design built
    in memory (``source`` its emitted module), the one the index checks, else its first."""
    return ev.ir_device or source.index.design or source.index.devices[0]


def build(ev: Evaluation, source: Source) -> Network:
    """The token network of the design ``source`` holds, read from its index.

    Parameters
    ----------
    ev : Evaluation
        The design (FIFOs, links, tiles), its lowering (pool counts, shared-memory FIFOs, shim
        channels), device (tile kinds) and profile.
    source : Source
        Its module with op positions (``ev.ir``).

    Returns
    -------
    Network

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> ev = partitioner.read(DESIGNS_DIR / "batch20_1tile", verify_sources=False)
    >>> [p.actor for p in build(ev, ev.ir).procs]
    ['shim (0,0) MM2S in0', 'DMA (0,2) S2MM in0', 'DMA (0,2) MM2S out0', 'shim (0,0) S2MM out0', 'core (0,2)', 'host']
    """
    return _Builder(ev, source).build()
