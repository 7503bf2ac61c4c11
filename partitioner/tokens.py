"""One token semantics: AIE2 semaphore locks and ObjectFIFO acquire/release, for the simulator and the hang checker.

:mod:`sim.engine` (a Design's pools, with data) and :mod:`partitioner.hangs.model` (an mlir-aie
module's locks, without data) take their rules from here:

* **AIE2 semaphore locks** (:class:`Semaphore`): ``AcquireGreaterEqual n`` waits for a value of at
  least ``n`` and subtracts it, ``Acquire n`` (acquire-equal) for exactly ``n``; ``Release n`` adds
  ``n``, never past :data:`MAX_LOCK_VALUE` (:class:`LockOverflow`). mlir-aie
  include/aie/Dialect/AIE/IR/AIEOps.td @ 2741ca50 (``AIE_UseLockOp``, ``LockAction``), AM020
  (6-bit semaphore locks), AIETargetModel ``getMaxLockValue``.
* **An ObjectFIFO acquire names the total held** (:func:`to_take`, :class:`FifoPort`): acquiring
  ``n`` while holding ``h`` takes ``max(n - h, 0)`` lock units, then holds ``max(h, n)``; ``release
  n`` gives ``n`` back. mlir-aie test/objectFifo-stateful-transform/access_patterns/
  AIE2_delayed_release.mlir @ 82bebd82, AIEOps.td @ 002a9aea ``AIE_ObjectFifoAcquireOp``. Before PR
  #3144 the held count is computed in program order at compile time, a loop body walked once
  without its back edge (cyclostatic_AIE2_sharedMem.mlir's CHECK lines); PR #3308 (2026-07) keeps it
  at run time (AIEObjectFifoStatefulTransform.cpp "Dynamic lock bookkeeping"); the hang model takes
  the one its profile's ``objectfifo_lowering`` names (:mod:`partitioner.hangs.build`). An acquire of
  more than the pool never completes.
* **Quiescence** (:func:`settle`, :class:`Deadlock`): processes that cannot move any more before
  their goal are deadlocked; the report names what each waits for and each pool's state.

:class:`Ring` is an ObjectFIFO pool as counters (the simulator's hot path: one compare per
acquire); it obeys the same rules as a pair of :class:`Semaphore` with a :class:`FifoPort` per
process (tests/test_tokens.py checks both engines agree on random programs).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable

from partitioner import device as _device
from partitioner.errors import NpuTilerError

#: The largest value an AIE2 lock holds (63 on every AIE2 device of params/devices.toml).
MAX_LOCK_VALUE: int = _device.load().max_lock_value

#: How a settled network stopped (:func:`settle`).
QUIESCENT, PERIODIC, UNDECIDED = "quiescent", "periodic", "undecided"


class TokenError(NpuTilerError):
    """A program breaks the token rules: it releases what it does not hold, or overflows a lock."""


class LockOverflow(TokenError):
    """A release would take a lock past the device's maximum lock value."""


class Deadlock(TokenError):
    """Quiescent before the goal: ``waiting`` says what each blocked process waits for, ``pools``
    the state of each pool (or lock) then."""

    def __init__(self, waiting: list[str], pools: list[str]):
        self.waiting = waiting
        self.pools = pools
        super().__init__("deadlock: no process can make progress; waiting: " + "; ".join(waiting)
                         + (" | FIFO state: " + "; ".join(pools) if pools else ""))


class Semaphore:
    """An AIE2 semaphore lock: acquire-greater-equal, acquire-equal, release; bounded by ``limit``.

    Examples
    --------
    >>> lk = Semaphore(2)
    >>> lk.acquire(3), lk.acquire(2), lk.value
    (False, True, 0)
    >>> lk.release(1); lk.acquire(1, equal=True), lk.value
    (True, 0)
    """

    limit: int = MAX_LOCK_VALUE

    def __init__(self, value: int = 0, limit: int = MAX_LOCK_VALUE):
        self.value = value
        self.limit = limit

    def acquire(self, n: int, equal: bool = False) -> bool:
        """Take ``n`` when the value allows it (``>= n``, or ``== n`` when ``equal``); False: it waits."""
        if (self.value == n) if equal else (self.value >= n):
            self.value -= n
            return True
        return False

    def release(self, n: int) -> None:
        """Add ``n``; past :attr:`limit` raises :class:`LockOverflow` (the value is left as it was)."""
        value = self.value + n
        if value > self.limit:
            raise LockOverflow(f"release of {n} takes a lock at {self.value} past the maximum value {self.limit}")
        self.value = value


def to_take(requested: int, held: int) -> int:
    """Lock units an ObjectFIFO acquire of ``requested`` objects in all takes when its port holds
    ``held``: ``max(requested - held, 0)``.

    Examples
    --------
    >>> to_take(2, 0), to_take(1, 2), to_take(3, 2)
    (2, 0, 1)
    """
    return requested - held if requested > held else 0


class FifoPort:
    """One process's port (Produce or Consume) on an ObjectFIFO pool: the lock its acquires take,
    the lock its releases give, and how many objects it holds.

    A producer takes *free* buffers and gives *filled* ones; a consumer the converse.

    Examples
    --------
    The consumer of AIE2_delayed_release.mlir (a pool of 4, all filled):

    >>> free, filled = Semaphore(0), Semaphore(4)
    >>> port = FifoPort(filled, free)
    >>> [(port.acquire(n), filled.value) for n in (2, 1, 3, 1)]
    [(True, 2), (True, 2), (True, 1), (True, 1)]
    >>> port.release(3); port.held, free.value
    (0, 3)
    """

    __slots__ = ("take", "give", "held", "name")

    def __init__(self, take: Semaphore, give: Semaphore, name: str = ""):
        self.take = take
        self.give = give
        self.held = 0
        self.name = name

    def need(self, requested: int) -> int:
        """Lock units an acquire of ``requested`` would take now (see :func:`to_take`)."""
        return to_take(requested, self.held)

    def acquire(self, requested: int) -> bool:
        """Hold ``requested`` objects in all, taking only the missing ones; False: it waits."""
        need = to_take(requested, self.held)
        if need and not self.take.acquire(need):
            return False
        self.held += need
        return True

    def release(self, n: int) -> None:
        """Give ``n`` held objects back; more than it holds raises :class:`TokenError`."""
        if n > self.held:
            raise TokenError(f"{self.name or 'a port'} releases {n} object(s) while holding {self.held}")
        self.give.release(n)
        self.held -= n


class Ring:
    """An ObjectFIFO pool of ``count`` objects as counters: the lock pair of :class:`FifoPort`, for a hot path.

    Each writer and reader has an ``acquired`` and a ``released`` counter of
    fills (objects since the start); a port holds ``acquired - released``.
    A writer may hold fills up to ``released + n - 1`` once every reader has
    released fill ``released + n - 1 - count``; a reader may hold fills up to
    ``released + n - 1`` once every writer has released them. Acquires name
    the total held (:func:`to_take`): the counters move to ``released + n``
    only when that is more than is held.

    Examples
    --------
    >>> r = Ring("of", 2, ["core"], ["dma"])
    >>> r.take("write", "core", 2), r.take("write", "core", 3)
    ([0, 1], None)
    >>> r.release("write", "core", 1); r.take("read", "dma", 1), r.take("read", "dma", 2)
    ([0], None)
    """

    __slots__ = ("name", "count", "w_acq", "w_rel", "r_acq", "r_rel", "_r_min", "_w_min")

    def __init__(self, name: str, count: int, writers: list[str], readers: list[str]):
        self.name = name
        self.count = count
        self.w_acq = dict.fromkeys(writers, 0)
        self.w_rel = dict.fromkeys(writers, 0)
        self.r_acq = dict.fromkeys(readers, 0)
        self.r_rel = dict.fromkeys(readers, 0)
        # min() of the release counters, kept up to date by release(): the lock checks' hot path.
        self._r_min = 0 if readers else None
        self._w_min = 0 if writers else None

    def take(self, role: str, who: str, n: int) -> list[int] | None:
        """Hold ``n`` objects if ``who`` (a "write"r or "read"er) may: their indices, oldest first; None: wait."""
        if role == "write":
            if n > self.count:
                return None
            first = self.w_rel[who]
            r_min = self._r_min
            if r_min is not None and first + n - 1 - r_min >= self.count:
                return None
            acq = self.w_acq
        else:
            first = self.r_rel[who]
            w_min = self._w_min
            if w_min is None:
                min(self.w_rel.values())  # no writer: as min() of nothing, a ValueError
            if first + n > w_min:
                return None
            acq = self.r_acq
        end = first + n
        if end > acq[who]:
            acq[who] = end
        if n == 1:
            return [first % self.count]
        return [(first + i) % self.count for i in range(n)]

    def release(self, role: str, who: str, n: int) -> None:
        """Give back the ``n`` oldest held objects; more than held raises :class:`TokenError`."""
        if role == "write":
            acq, rel = self.w_acq, self.w_rel
        else:
            acq, rel = self.r_acq, self.r_rel
        if rel[who] + n > acq[who]:
            raise TokenError(f"{who} releases more of {self.name} than it acquired")
        rel[who] += n
        if role == "write":
            self._w_min = min(rel.values()) if len(rel) > 1 else rel[who]
        else:
            self._r_min = min(rel.values()) if len(rel) > 1 else rel[who]

    def held(self, role: str, who: str) -> int:
        """Objects ``who`` holds now."""
        return (self.w_acq[who] - self.w_rel[who]) if role == "write" else (self.r_acq[who] - self.r_rel[who])

    def idle(self) -> bool:
        """No object acquired and not released, and every filled object read by every reader."""
        vals = (*self.w_acq.values(), *self.w_rel.values(), *self.r_acq.values(), *self.r_rel.values())
        return not vals or min(vals) == max(vals)

    def state(self) -> str:
        """Filled objects out of ``count``, for a deadlock report."""
        filled = min(self.w_rel.values(), default=0) - max(self.r_rel.values(), default=0)
        return f"{self.name}: {max(filled, 0)} of {self.count} buffers filled"


def settle(step: Callable[[], bool], state: Callable[[], Hashable], max_rounds: int) -> tuple[str, int]:
    """Run ``step`` (one round; True when anything moved) until a round moves nothing (:data:`QUIESCENT`),
    ``state()`` (what decides the future, no counters that only grow) repeats (:data:`PERIODIC`: the
    run goes round forever) or ``max_rounds`` pass (:data:`UNDECIDED`); with the rounds taken.

    Examples
    --------
    >>> lk = Semaphore(3)
    >>> settle(lambda: lk.acquire(1), lambda: lk.value, 10)
    ('quiescent', 4)
    """
    seen: set = set()
    rounds = 1
    while step():
        s = state()
        if s in seen:
            return PERIODIC, rounds
        if rounds >= max_rounds:
            return UNDECIDED, rounds
        seen.add(s)
        rounds += 1
    return QUIESCENT, rounds
