"""A discrete-event engine for ObjectFIFO dataflow: pools with AIE2 lock semantics, and processes.

A :class:`Pool` is the ring of buffers of one FIFO end (or of a shared-memory
FIFO). Its locks are :class:`partitioner.tokens.Ring`'s, the token semantics
the hang checker shares: AIE2 lock pairs written as counters, an acquire
naming the total number of objects held. A pool may have several writers (a
join's big buffer, one slice each) or several readers (a distribute's big
buffer, a broadcast).

Processes are generators that yield :class:`Acquire`, :class:`Release` and
:class:`Busy` requests. The engine runs them in simulated time (cycles);
a process blocked on a pool resumes when a release makes its acquire
possible. When nothing can run and the goal is not reached, the engine
raises :class:`Deadlock` naming every blocked process and what it waits for;
a release of more than a process holds is a :class:`SimulationError`.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable, Generator
from dataclasses import dataclass, field

import numpy as np

from partitioner import tokens
from partitioner.errors import NpuTilerError


class SimulationError(NpuTilerError):
    """The design cannot run to the end: deadlock or no progress within the step bound."""


class Deadlock(SimulationError, tokens.Deadlock):
    """No process can make progress before the goal (:class:`partitioner.tokens.Deadlock`, as a SimulationError)."""


class Pool(tokens.Ring):
    """Buffers of one FIFO end; ``execute`` allocates their bytes, else only the locks are modelled.

    The locks are a :class:`partitioner.tokens.Ring` (its acquires name the
    total held). ``addresses`` holds each buffer's address (for kernels called
    through ctypes without a per-call lookup); ``waiters`` the processes
    blocked on this pool, kept by the engine so a release looks only at them.
    """

    __slots__ = ("nbytes", "buffers", "addresses", "waiters")

    def __init__(self, name: str, count: int, nbytes: int, writers: list[str], readers: list[str], execute: bool):
        super().__init__(name, count, writers, readers)
        self.nbytes = nbytes
        self.buffers = [np.zeros(nbytes, np.uint8) for _ in range(count)] if execute else None
        self.addresses = [b.ctypes.data for b in self.buffers] if execute else None
        self.waiters: list = []


@dataclass(frozen=True)
class Acquire:
    pool: Pool
    role: str  # "write" | "read"
    who: str
    n: int = 1


@dataclass(frozen=True)
class Release:
    pool: Pool
    role: str
    who: str
    n: int = 1


@dataclass(frozen=True)
class Busy:
    cycles: float
    track: str  # tile or DMA channel, for the trace
    label: str


Request = Acquire | Release | Busy
Process = Generator[Request, list[int] | None, None]


@dataclass
class Span:
    track: str
    label: str
    start: float
    end: float


class _Proc:
    __slots__ = ("name", "gen", "done", "waiting", "time", "order")

    def __init__(self, name: str, gen: Process, time: float, order: int):
        self.name = name
        self.gen = gen
        self.done = False
        self.waiting: Acquire | None = None
        self.time = time
        self.order = order  # spawn order: blocked processes wake in it


def _spawn_order(p: _Proc) -> int:
    return p.order


@dataclass
class Engine:
    lock_cycles: float = 0.0
    max_steps: int = 10_000_000
    trace: list[Span] | None = None
    now: float = 0.0
    steps: int = 0
    pools: list[Pool] = field(default_factory=list)
    _procs: list[_Proc] = field(default_factory=list)
    _heap: list = field(default_factory=list)
    _seq: int = 0
    _spawned: int = 0

    def pool(self, *args, **kw) -> Pool:
        p = Pool(*args, **kw)
        self.pools.append(p)
        return p

    def spawn(self, name: str, gen: Process, at: float | None = None) -> _Proc:
        self._spawned += 1
        p = _Proc(name, gen, self.now if at is None else at, self._spawned)
        self._procs.append(p)
        self._schedule(p, p.time, None)
        return p

    def _schedule(self, p: _Proc, t: float, value) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (t, self._seq, p, value))

    def idle(self) -> bool:
        """Every pool idle (see :meth:`Pool.idle`): what a call that ends with empty FIFOs leaves."""
        return all(p.idle() for p in self.pools)

    def run(self, goal: Callable[[], bool] | None = None, until: list[_Proc] | None = None) -> float:
        """Run until ``goal()`` holds, or until every process of ``until`` has finished;
        returns the simulated time then (cycles).

        One run (one NPU call) may take at most ``max_steps`` steps; ``steps``
        counts every step the engine ever ran.

        Processes run in time order, ties in the order they were scheduled; a
        release wakes the processes blocked on that pool in spawn order.
        """
        heap = self._heap
        pop, push = heapq.heappop, heapq.heappush
        lock = self.lock_cycles
        trace = self.trace
        procs = self._procs
        pending = None if until is None else [p for p in until if not p.done]
        # The hot loop keeps the clock, the step count and the tie-break sequence in locals (a step costs
        # little beyond the process's own work), written back when the run ends, however it ends.
        steps = self.steps
        limit = steps + self.max_steps
        now, seq = self.now, self._seq
        try:
            while True:
                if pending is not None:
                    while pending and pending[-1].done:
                        pending.pop()
                    if not pending:
                        break
                elif goal():
                    break
                if not heap:
                    blocked = [p for p in procs if p.waiting is not None and not p.done]
                    raise Deadlock([f"{p.name} waits to {p.waiting.role} {p.waiting.n} of {p.waiting.pool.name}"
                                    for p in blocked], [pl.state() for pl in self.pools])
                t, _, p, value = pop(heap)
                if t > now:
                    now = t
                steps += 1
                if steps > limit:
                    raise SimulationError(f"no end after {self.max_steps} steps (livelock or too long a run)")
                try:
                    req = p.gen.send(value)
                except StopIteration:
                    p.done = True
                    procs.remove(p)  # finished processes (each call's shim transfers) leave the wake list
                    continue
                cls = req.__class__
                if cls is Busy:
                    if trace is not None and req.cycles > 0:
                        trace.append(Span(req.track, req.label, t, t + req.cycles))
                    seq += 1
                    push(heap, (t + req.cycles, seq, p, None))
                elif cls is Acquire:
                    pool = req.pool
                    got = pool.take(req.role, req.who, req.n)
                    if got is not None:
                        seq += 1
                        push(heap, (t + lock, seq, p, got))
                    else:
                        p.waiting, p.time = req, t
                        pool.waiters.append(p)
                else:
                    pool = req.pool
                    pool.release(req.role, req.who, req.n)
                    seq += 1
                    push(heap, (t + lock, seq, p, None))
                    if pool.waiters:
                        seq = self._wake(pool, t, seq)
        except tokens.TokenError as e:
            if isinstance(e, SimulationError):
                raise
            raise SimulationError(str(e)) from e  # a release of more than held, from the pool
        finally:
            self.steps, self.now, self._seq = steps, now, seq
        return self.now

    def _wake(self, pool: Pool, t: float, seq: int) -> int:
        """Schedule the processes blocked on ``pool`` that can take now, in spawn order; returns the
        tie-break sequence after them (:meth:`run` keeps it in a local)."""
        waiters = pool.waiters
        if len(waiters) > 1:
            waiters.sort(key=_spawn_order)
        woken = False
        for q in waiters:
            w = q.waiting
            got = pool.take(w.role, w.who, w.n)
            if got is not None:
                q.waiting = None
                woken = True
                seq += 1
                heapq.heappush(self._heap, (max(q.time, t) + self.lock_cycles, seq, q, got))
        if woken:
            pool.waiters = [q for q in waiters if q.waiting is not None]
        return seq
