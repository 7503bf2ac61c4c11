"""A discrete-event engine for ObjectFIFO dataflow: pools with AIE2 lock semantics, and processes.

A :class:`Pool` is the ring of buffers of one FIFO end (or of a shared-memory
FIFO). Its locks count as AIE2's do: a writer may acquire fill ``k`` once every
reader has released fill ``k - count`` (the producer lock), a reader once every
writer has released fill ``k`` (the consumer lock). A pool may have several
writers (a join's big buffer, one slice each) or several readers (a
distribute's big buffer, a broadcast).

Processes are generators that yield :class:`Acquire`, :class:`Release` and
:class:`Busy` requests. The engine runs them in simulated time (cycles);
a process blocked on a pool resumes when a release makes its acquire
possible. When nothing can run and the goal is not reached, the engine
raises :class:`Deadlock` naming every blocked process and what it waits for.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable, Generator
from dataclasses import dataclass, field

import numpy as np

from partitioner.errors import NpuTilerError


class SimulationError(NpuTilerError):
    """The design cannot run to the end: deadlock or no progress within the step bound."""


class Deadlock(SimulationError):
    def __init__(self, waiting: list[str], pools: list[str]):
        self.waiting = waiting
        self.pools = pools
        super().__init__("deadlock: no process can make progress; waiting: " + "; ".join(waiting)
                         + (" | FIFO state: " + "; ".join(pools) if pools else ""))


class Pool:
    """Buffers of one FIFO end; ``execute`` allocates their bytes, else only the locks are modelled."""

    def __init__(self, name: str, count: int, nbytes: int, writers: list[str], readers: list[str], execute: bool):
        self.name = name
        self.count = count
        self.nbytes = nbytes
        self.buffers = [np.zeros(nbytes, np.uint8) for _ in range(count)] if execute else None
        self.w_acq = dict.fromkeys(writers, 0)
        self.w_rel = dict.fromkeys(writers, 0)
        self.r_acq = dict.fromkeys(readers, 0)
        self.r_rel = dict.fromkeys(readers, 0)

    def can(self, role: str, who: str, n: int) -> bool:
        if role == "write":
            last = self.w_acq[who] + n - 1
            return n <= self.count and last - min(self.r_rel.values(), default=last) < self.count
        return self.r_acq[who] + n <= min(self.w_rel.values())

    def acquire(self, role: str, who: str, n: int) -> list[int]:
        counter = self.w_acq if role == "write" else self.r_acq
        first = counter[who]
        counter[who] += n
        return [(first + i) % self.count for i in range(n)]

    def release(self, role: str, who: str, n: int) -> None:
        acq, rel = (self.w_acq, self.w_rel) if role == "write" else (self.r_acq, self.r_rel)
        if rel[who] + n > acq[who]:
            raise SimulationError(f"{who} releases more of {self.name} than it acquired")
        rel[who] += n

    def state(self) -> str:
        filled = min(self.w_rel.values(), default=0) - max(self.r_rel.values(), default=0)
        return f"{self.name}: {max(filled, 0)} of {self.count} buffers filled"


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


@dataclass
class _Proc:
    name: str
    gen: Process
    done: bool = False
    waiting: Acquire | None = None
    time: float = 0.0


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

    def pool(self, *args, **kw) -> Pool:
        p = Pool(*args, **kw)
        self.pools.append(p)
        return p

    def spawn(self, name: str, gen: Process, at: float | None = None) -> _Proc:
        p = _Proc(name, gen, time=self.now if at is None else at)
        self._procs.append(p)
        self._schedule(p, p.time, None)
        return p

    def _schedule(self, p: _Proc, t: float, value) -> None:
        self._seq += 1
        heapq.heappush(self._heap, (t, self._seq, p, value))

    def run(self, goal: Callable[[], bool]) -> float:
        """Run until ``goal()`` holds; returns the simulated time then (cycles)."""
        while not goal():
            if not self._heap:
                blocked = [p for p in self._procs if p.waiting is not None and not p.done]
                raise Deadlock([f"{p.name} waits to {p.waiting.role} {p.waiting.n} of {p.waiting.pool.name}"
                                for p in blocked], [pl.state() for pl in self.pools])
            t, _, p, value = heapq.heappop(self._heap)
            self.now = max(self.now, t)
            self._step(p, t, value)
        return self.now

    def _step(self, p: _Proc, t: float, value) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise SimulationError(f"no end after {self.max_steps} steps (livelock or too long a run)")
        try:
            req = p.gen.send(value)
        except StopIteration:
            p.done = True
            self._procs.remove(p)  # finished processes (each call's shim transfers) leave the wake list
            return
        if isinstance(req, Busy):
            if self.trace is not None and req.cycles > 0:
                self.trace.append(Span(req.track, req.label, t, t + req.cycles))
            self._schedule(p, t + req.cycles, None)
        elif isinstance(req, Acquire):
            if req.pool.can(req.role, req.who, req.n):
                self._schedule(p, t + self.lock_cycles, req.pool.acquire(req.role, req.who, req.n))
            else:
                p.waiting, p.time = req, t
        else:
            req.pool.release(req.role, req.who, req.n)
            self._schedule(p, t + self.lock_cycles, None)
            self._wake(req.pool, t)

    def _wake(self, pool: Pool, t: float) -> None:
        for q in self._procs:
            w = q.waiting
            if w is not None and w.pool is pool and pool.can(w.role, w.who, w.n):
                q.waiting = None
                self._schedule(q, max(q.time, t) + self.lock_cycles, pool.acquire(w.role, w.who, w.n))
