"""The token network of an mlir-aie design: locks, processes and streams (built by :mod:`~partitioner.hangs.build`).

* **locks** (:class:`Lock`): AIE2 semaphores (:class:`partitioner.tokens.Semaphore`, the semantics
  the simulator shares); each ObjectFIFO pool has a *free* / *filled* pair. A core's ObjectFIFO
  acquire takes the static amount the build computed, held counts in program order (mlir-aie's
  static lowering); ACQ_HELD / REL_HELD act on a :class:`partitioner.tokens.FifoPort` instead,
  its held count kept at run time (the dynamic lowering).
* **processes** (:class:`Proc`) run until they block: a core's body (:class:`CoreProc`), a DMA
  channel's BD chain (:class:`DmaProc`), a tile's channel the runtime sequence gives tasks
  (:class:`TaskDmaProc`), a shim channel the runtime sequence drives
  (:class:`ShimProc`, a task queue of :data:`QUEUE_DEPTH`), an end nobody drives
  (:class:`OpenProc`) and the runtime sequence (:class:`HostProc`).
* **streams** (:class:`Stream`) move bytes when the sender and every receiver (a broadcast moves in
  lockstep) are ready, so an object is what one BD moves, whatever the two sides' sizes.

:class:`Network` holds them with the facts for the static checks (:class:`LoopFact`,
:class:`AcquireFact`); ``Network.state()`` is what the executor compares to find a fixed point.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from xdsl.ir import Operation

from partitioner.design import Coord
from partitioner.mlir.parse import Source
from partitioner.tokens import Deadlock, FifoPort, Semaphore, TokenError

#: What an open end (a shim with no runtime sequence) sends or takes: never runs out.
OPEN = 1 << 62
#: Host tasks a shim DMA channel's task queue holds; the runtime sequence blocks on one more
#: (AIE2 shim DMA: a task queue of depth 4 per channel).
QUEUE_DEPTH = 4

# Core instructions (tuples, first item the opcode). ACQ / REL act on a lock by a static amount
# (``aie.use_lock``); ACQ_HELD / REL_HELD on a FifoPort, ``(op, port, n, ir op, key)``: an ObjectFIFO
# acquire of ``n`` objects in all, a release of ``n``.
ACQ, REL, LOOP, NEXT, SPIN, END, UNMOD, ACQ_EQ, ACQ_HELD, REL_HELD = range(10)


@dataclass(eq=False)
class Lock(Semaphore):
    """An AIE2 semaphore lock (:class:`partitioner.tokens.Semaphore`) with what it counts, for reports.

    ``fifo`` and ``kind`` ("free" / "filled") say which ObjectFIFO pool it
    counts, ``pool`` that pool's buffers; a hand-written ``aie.lock`` has
    kind "lock". ``releasers`` are the processes whose programs release it, ``acquired`` whether
    any program acquires it.
    """

    name: str
    init: int
    kind: str = "lock"
    fifo: str = ""
    pool: int = 0
    value: int = 0
    releasers: list = field(default_factory=list)
    acquired: bool = False

    def __post_init__(self) -> None:
        self.value = self.init

    def describe(self, need: int, equal: bool = False) -> str:
        """What waiting on this lock for ``need`` means, with the value now: for a report.

        Examples
        --------
        >>> Lock("of_cons_lock", 0, "filled", "of", 2).describe(1)
        'needs 1 filled object(s), 0 available (pool of 2)'
        >>> Lock("l", 3).describe(4)
        'needs >= 4, value 3'
        """
        if self.kind == "filled":
            return f"needs {need} filled object(s), {self.value} available (pool of {self.pool})"
        if self.kind == "free":
            return f"needs {need} free buffer(s), {self.value} available (pool of {self.pool})"
        return f"needs {'==' if equal else '>='} {need}, value {self.value}"


@dataclass
class Wait:
    """Why a process cannot move: a lock it acquires, a stream it moves bytes on, a host task."""

    what: str  # "lock" | "send" | "receive" | "task" | "unmodelled"
    op: Operation | None = None
    lock: Lock | None = None
    need: int = 0
    stream: Stream | None = None
    task: Task | None = None
    port: str = ""  # "in0 (Consume)" for an ObjectFIFO acquire
    equal: bool = False  # aie.use_lock Acquire (equal) rather than AcquireGreaterEqual

    def short(self) -> str:
        """What it waits on: "in0 (Consume)", "lock l", "out0 (host transfer)", "of (data on the stream)"."""
        if self.what == "lock":
            return self.port or f"lock {self.lock.name}"
        if self.what == "task":
            return f"{self.task.channel.fifo} (host transfer)"
        room = "data" if self.what == "receive" else "room"
        return f"{self.stream.label if self.stream else '?'} ({room} on the stream)"

    def text(self) -> str:
        """:meth:`short`, and for a lock what the acquire needs and the value now."""
        return f"{self.short()}: {self.lock.describe(self.need, self.equal)}" if self.what == "lock" else self.short()


@dataclass(eq=False)
class Task:
    """One host transfer (``dma_memcpy_nd`` or a started IRON task): ``nbytes`` over a shim channel."""

    name: str
    nbytes: int
    op: Operation | None
    call: int
    channel: ShimProc | None = None
    moved: int = 0

    @property
    def done(self) -> bool:
        """All its bytes moved."""
        return self.moved >= self.nbytes


class Proc:
    """A process of the network: it runs until it blocks; ``blocked`` says on what.

    ``actor`` names it in reports ("core (0,2)", "DMA (0,1) MM2S in0_1",
    "shim (0,0) S2MM out0", "host"); ``op`` is the operation it comes from; ``direction`` ("send":
    MM2S, "receive": S2MM) what a channel does on its ``stream``; ``lowered``: a channel the
    ObjectFIFO lowering makes (not written in the design), left out of a report's wait chains.
    """

    lowered: bool = False

    def __init__(self, actor: str, op: Operation | None, direction: str = ""):
        self.actor = actor
        self.op = op
        self.direction = direction
        self.stream: Stream | None = None
        self.blocked: Wait | None = None
        self.done = False
        self.unmodelled = ""

    def run(self, budget: int) -> bool:
        """Move as far as possible (at most ``budget`` steps); True when anything changed."""
        return False

    def stop(self, op: Operation | None, why: str) -> None:
        """Stop here for good on something the model does not follow (the run proves less)."""
        self.unmodelled = why
        self.blocked = Wait("unmodelled", op)

    def ready(self) -> int:
        """Bytes it is ready to move (send or take, as its ``direction``) on its stream now (0: none)."""
        return 0

    def moved(self, nbytes: int) -> None:
        """``nbytes`` went over its stream."""

    def state(self) -> tuple:
        """What decides its future (for the fixed point): no counters that only grow."""
        return ()


class CoreProc(Proc):
    """A core's body: acquires and releases with static amounts, loops, kernel calls as no-ops.

    ``code`` is a flat instruction list (opcodes of this module); ``loops``
    the trip count of each loop (None: endless) and its op; ``counters``
    the iteration of each loop now.
    """

    def __init__(self, actor: str, op: Operation, tile: Coord):
        super().__init__(actor, op)
        self.tile = tile
        self.code: list[tuple] = []
        self.loops: list[tuple[int | None, Operation]] = []
        self.counters: list[int] = []
        self.pc = 0
        self.executed: dict[int, int] = {}  # id(op) -> completed executions
        self.loop_of: dict[int, tuple[int, ...]] = {}  # pc -> enclosing loop indices, outermost first
        self.at_head: set[int] = set()  # pcs of the acquires a loop body starts with
        self.ports: list[FifoPort] = []  # its FifoPorts (ACQ_HELD / REL_HELD), their held counts in state()

    def run(self, budget: int) -> bool:
        """Execute instructions until an acquire cannot be granted, the program ends or spins."""
        progress = False
        code = self.code
        for _ in range(budget):
            if self.done or self.unmodelled:
                return progress
            ins = code[self.pc]
            op = ins[0]
            if op == ACQ or op == ACQ_EQ or op == ACQ_HELD:
                if op == ACQ_HELD:  # an ObjectFIFO acquire of ins[2] objects in all, on a FifoPort
                    lock, need = ins[1].take, ins[1].need(ins[2])
                    ok = ins[1].acquire(ins[2])
                else:
                    lock, need = ins[1], ins[2]
                    ok = lock.acquire(need, op == ACQ_EQ)
                if ok:
                    self.executed[id(ins[3])] = self.executed.get(id(ins[3]), 0) + 1
                    self.blocked = None
                    self.pc += 1
                    progress = True
                else:
                    self.blocked = Wait("lock", ins[3], lock, need, port=ins[4], equal=op == ACQ_EQ)
                    return progress
            elif op == REL or op == REL_HELD:
                try:
                    ins[1].release(ins[2])  # a Lock (REL) or a FifoPort (REL_HELD)
                except TokenError as e:  # past the lock's maximum value, or objects not held
                    self.stop(ins[3], str(e))
                    return progress
                self.pc += 1
                progress = True
            elif op == LOOP:
                k, trip, end = ins[1], ins[2], ins[3]
                self.counters[k] = 0
                self.pc = end + 1 if trip == 0 else self.pc + 1
                progress = True
            elif op == NEXT:
                k, trip, body = ins[1], ins[2], ins[3]
                self.counters[k] += 1
                self.pc = body if trip is None or self.counters[k] < trip else self.pc + 1
                progress = True
            elif op == SPIN:
                self.blocked = Wait("spin", ins[1])
                return progress
            elif op == END:
                self.done = True
                self.blocked = None
                return True
            else:  # UNMOD
                self.stop(ins[1], ins[2])
                return progress
        return progress

    def state(self) -> tuple:
        """Position, finite loop counters (endless loops' counters left out) and objects held per port."""
        return (self.pc, tuple(c if self.loops[k][0] is not None else -1 for k, c in enumerate(self.counters)),
                tuple(p.held for p in self.ports))

    def where(self) -> tuple[int, ...]:
        """The iteration of each loop around the current instruction, outermost first."""
        return tuple(self.counters[k] for k in self.loop_of.get(self.pc, ()))


@dataclass
class Bd:
    """One buffer descriptor of a DMA chain: acquire locks, move ``nbytes``, release locks."""

    acquires: list[tuple[Lock, int, bool]]  # lock, value, equal
    nbytes: int
    releases: list[tuple[Lock, int]]
    op: Operation | None
    port: str = ""  # what it waits for on a lock, e.g. "in0_0 (DMA reads)"


class DmaProc(Proc):
    """A DMA channel walking its BD chain: cyclic (``loop_to``) or ending after the last BD."""

    def __init__(self, actor: str, op: Operation | None, direction: str, bds: list[Bd], loop_to: int | None = 0):
        super().__init__(actor, op, direction)
        self.bds = bds
        self.loop_to = loop_to
        self.i = 0
        self.j = 0  # acquires done of the current BD
        self.remaining = -1  # bytes left of the current BD; -1: still acquiring

    def run(self, budget: int) -> bool:
        """Acquire the current BD's locks, wait for its bytes to move, release, go to the next BD."""
        progress = False
        for _ in range(budget):
            if self.done or self.unmodelled or not self.bds:
                return progress
            bd = self.bds[self.i]
            if self.remaining < 0:
                while self.j < len(bd.acquires):
                    lock, v, equal = bd.acquires[self.j]
                    if lock.acquire(v, equal):
                        self.j += 1
                        progress = True
                    else:
                        self.blocked = Wait("lock", bd.op, lock, v, port=bd.port, equal=equal)
                        return progress
                self.remaining = bd.nbytes
                progress = True
            if self.remaining > 0:
                self.blocked = Wait(self.direction, bd.op, stream=self.stream)
                return progress
            try:
                for lock, v in bd.releases:
                    lock.release(v)
            except TokenError as e:  # past the lock's maximum value
                self.stop(bd.op, str(e))
                return progress
            self.blocked = None
            self.j, self.remaining = 0, -1
            self.i += 1
            if self.i == len(self.bds):
                if self.loop_to is None:
                    self.done = True
                    return True
                self.i = self.loop_to
            progress = True
        return progress

    def ready(self) -> int:
        """Bytes left of the current BD once past its acquires."""
        return self.remaining if self.remaining > 0 else 0

    def moved(self, nbytes: int) -> None:
        """Count bytes off the current BD."""
        self.remaining -= nbytes

    def state(self) -> tuple:
        """BD index, acquires done, bytes left, ended."""
        return (self.i, self.j, self.remaining, self.done)


class TaskDmaProc(DmaProc):
    """A compute or mem tile's DMA channel the runtime sequence programs with tasks
    (``aiex.dma_configure_task`` on the tile, started by ``aiex.dma_start_task``): each started task's
    BD chain runs to its end, in start order (the channel's task queue, :data:`QUEUE_DEPTH` deep).

    ``chains`` maps a start op (``id``) to the BDs its task runs; a task is done when its chain ends.
    """

    def __init__(self, actor: str, op: Operation | None, direction: str):
        super().__init__(actor, op, direction, [], None)
        self.fifo = actor
        self.object_bytes = 0
        self.chains: dict[int, list[Bd]] = {}
        self.queue: deque[Task] = deque()
        self.issued: list[Task] = []
        self.transfers = 0

    def objects(self, nbytes: int) -> str:
        """``nbytes`` for a report: "6 bytes"."""
        return f"{nbytes} bytes"

    def run(self, budget: int) -> bool:
        """Run the head task's chain; when it ends, the task is done and the next one starts."""
        progress = False
        while True:
            if not self.bds:
                if not self.queue:
                    self.blocked = None
                    return progress
                self.bds, self.i, self.j, self.remaining = self.chains.get(id(self.queue[0].op), []), 0, 0, -1
                if not self.bds:  # a task that moves nothing
                    self.queue[0].moved = self.queue[0].nbytes
                    self.queue.popleft()
                    progress = True
                    continue
            progress |= super().run(budget)
            if not self.done:
                return progress
            task = self.queue.popleft()
            task.moved = task.nbytes
            self.bds, self.done, progress = [], False, True

    def state(self) -> tuple:
        """The running chain's position and the tasks queued."""
        return (*super().state(), tuple(id(t.op) for t in self.queue))


class ShimProc(Proc):
    """A shim DMA channel the runtime sequence drives: it moves its queued host tasks in order."""

    def __init__(self, actor: str, op: Operation | None, direction: str, fifo: str, object_bytes: int):
        super().__init__(actor, op, direction)
        self.fifo = fifo
        self.object_bytes = object_bytes
        self.queue: deque[Task] = deque()
        self.issued: list[Task] = []
        self.transfers = 0  # transfers the runtime sequence issues on it per call
        self.backlog: list[int] = []  # bytes issued but not moved, at the end of each completed call

    @property
    def unfed(self) -> bool:
        """A host-to-array channel on which the runtime sequence issues no transfer at all."""
        return not self.queue and self.direction == "send" and self.transfers == 0

    def objects(self, nbytes: int) -> str:
        """``nbytes`` in objects of its FIFO, for a report: "2 objects", "0.50 objects" or "6 bytes"."""
        if self.object_bytes and nbytes % self.object_bytes == 0:
            n = nbytes // self.object_bytes
            return f"{n} object{'' if n == 1 else 's'}"
        if self.object_bytes:
            return f"{nbytes / self.object_bytes:.2f} objects"
        return f"{nbytes} bytes"

    def run(self, budget: int) -> bool:
        """Drop the tasks that are done; blocked while a task is queued."""
        progress = False
        while self.queue and self.queue[0].done:
            self.queue.popleft()
            progress = True
        self.blocked = Wait(self.direction, self.queue[0].op, stream=self.stream) if self.queue else None
        return progress

    def ready(self) -> int:
        """Bytes left of the head task."""
        return self.queue[0].nbytes - self.queue[0].moved if self.queue else 0

    def moved(self, nbytes: int) -> None:
        """Count bytes off the head task."""
        self.queue[0].moved += nbytes

    def state(self) -> tuple:
        """Bytes left of each queued task."""
        return tuple(t.nbytes - t.moved for t in self.queue)


class OpenProc(Proc):
    """An end nobody drives in this model (a shim with no runtime sequence): it never runs out."""

    def ready(self) -> int:
        """Always ready."""
        return OPEN


class HostProc(Proc):
    """The runtime sequence: enqueue transfers on shim channels, wait for them, set locks.

    Instructions: ``("enq", channel, nbytes, op, key)`` (blocks while the
    channel already holds :data:`QUEUE_DEPTH` tasks), ``("wait", [channels], op)``,
    ``("await", key, op)``, ``("set", lock, value, op)``. ``call`` counts the
    runs of the sequence (1-based).
    """

    def __init__(self, op: Operation | None):
        super().__init__("host", op)
        self.code: list[tuple] = []
        self.pc = 0
        self.call = 0
        self.tasks: dict = {}

    def restart(self) -> None:
        """Start one more run of the sequence (one more NPU call)."""
        self.call += 1
        self.pc = 0
        self.tasks = {}
        self.done = False

    def run(self, budget: int) -> bool:
        """Run the sequence: enqueue, wait, set locks; blocked on a wait or a full task queue."""
        progress = False
        while not self.done and self.pc < len(self.code):
            ins = self.code[self.pc]
            if ins[0] == "enq":
                if len(ins[1].queue) >= QUEUE_DEPTH:  # the channel's task queue is full: wait for its head
                    self.blocked = Wait("task", ins[3], task=ins[1].queue[0])
                    return progress
                task = Task(f"{ins[1].fifo} #{len(ins[1].issued)}", ins[2], ins[3], self.call, ins[1])
                ins[1].queue.append(task)
                ins[1].issued.append(task)
                if ins[4] is not None:
                    self.tasks[ins[4]] = task
            elif ins[0] == "wait":
                pending = next((t for ch in ins[1] for t in ch.issued if not t.done), None)
                if pending is not None:
                    self.blocked = Wait("task", ins[2], task=pending)
                    return progress
            elif ins[0] == "await":
                task = self.tasks.get(ins[1])
                if task is not None and not task.done:
                    self.blocked = Wait("task", ins[2], task=task)
                    return progress
            elif ins[0] == "set":
                ins[1].value = ins[2]
            self.pc += 1
            self.blocked = None
            progress = True
        if not self.done:
            self.done = True
            progress = True
        return progress

    def state(self) -> tuple:
        """Position in the sequence."""
        return (self.pc,)


class Stream:
    """A DMA stream: one sender, one or more receivers (a broadcast moves in lockstep)."""

    def __init__(self, label: str, sender: Proc, receivers: list[Proc]):
        self.label = label
        self.sender = sender
        self.receivers = receivers
        for p in (sender, *receivers):
            p.stream = self

    def flow(self) -> bool:
        """Move as many bytes as the sender and every receiver are ready for; True when any moved."""
        m = self.sender.ready()
        if m <= 0 or not self.receivers:
            return False
        for r in self.receivers:
            w = r.ready()
            if w <= 0:
                return False
            m = min(m, w)
        self.sender.moved(m)
        for r in self.receivers:
            r.moved(m)
        return True


@dataclass
class LoopFact:
    """What the program-order walk found about one loop and one FIFO port, for the static check."""

    core: CoreProc
    op: Operation
    port: str  # "in0 (Consume)"
    trip: int | None
    held_in: int
    held_out: int
    acquired: int
    released: int
    nested_flagged: bool = False


@dataclass
class AcquireFact:
    """An ``aie.objectfifo.acquire`` with the pool it draws from."""

    core: CoreProc
    op: Operation
    port: str
    n: int
    pool: int


@dataclass
class Network:
    """The design as locks, processes and streams, ready for :mod:`partitioner.hangs.execute`."""

    source: Source
    procs: list[Proc]
    streams: list[Stream]
    locks: list[Lock]
    host: HostProc | None
    cores: list[CoreProc]
    loop_facts: list[LoopFact] = field(default_factory=list)
    acquire_facts: list[AcquireFact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    approximations: list[str] = field(default_factory=list)  # notes on what was taken, not modelled
    followed: list[Operation] = field(default_factory=list)  # movers of the index the build models after all
    reloads: str = ""  # where the runtime sequence first reloads the design's own configuration (every call)

    def deadlock(self) -> Deadlock | None:
        """After a quiescent run: the :class:`~partitioner.tokens.Deadlock` of the processes left
        waiting on a lock, a stream or a host task, with every lock's value (None when none waits).
        """
        waiting = [f"{p.actor} waits on {p.blocked.text()}" for p in self.procs
                   if not p.done and p.blocked is not None and p.blocked.what not in ("spin", "unmodelled")]
        return Deadlock(waiting, [f"{lk.name}: {lk.value}" for lk in self.locks]) if waiting else None

    def state(self) -> tuple:
        """Everything that decides the future, without counters that only grow (endless loops, calls)."""
        return (tuple(lk.value for lk in self.locks), tuple(p.state() for p in self.procs))
