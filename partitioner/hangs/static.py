"""Hangs visible in the program text alone: an acquire no pool can satisfy, a loop whose tokens drift.

* **acquire-exceeds-pool**: ``aie.objectfifo.acquire(port, n)`` asks to hold ``n`` objects at
  once from an end of ``count`` buffers (:func:`partitioner.lowering.lower`); ``n > count`` is never granted.
* **unbalanced-loop**: a loop body that takes more lock units of a FIFO port per iteration than
  it gives back loses a buffer every trip; one that gives back more overflows the lock. Under the
  static lowering the units are counted in program order, every trip re-acquiring; under the
  dynamic lowering the held count crosses the back edge and only a count that never settles
  drifts (a sliding window does not): :mod:`partitioner.hangs.build`. Reported for the innermost
  loop that drifts, when it runs more than once (endless, or at least 2 trips).
"""
from __future__ import annotations

from collections.abc import Callable

from partitioner.hangs.model import AcquireFact, LoopFact, Network
from partitioner.hangs.report import Hang, StuckOp


def _acquire_exceeds_pool(fact: AcquireFact, locate: Callable) -> Hang:
    where = locate(fact.op)
    msg = (f"{fact.core.actor} acquires {fact.n} objects of {fact.port} at once ({where}) but that end's pool "
           f"holds {fact.pool}: the acquire can never be granted")
    stuck = StuckOp(fact.op.name, where, f"{fact.port}: needs {fact.n} objects at once, the pool holds {fact.pool}",
                    0, fact.core.actor)
    return Hang("acquire-exceeds-pool", msg, [stuck], [f"{fact.core.actor} waits on {fact.port}"])


def _unbalanced_loop(fact: LoopFact, locate: Callable) -> Hang:
    where = locate(fact.op)
    trips = "every iteration" if fact.trip is None else f"each of its {fact.trip} iterations"
    if fact.held_out > fact.held_in:
        effect = (f"takes {fact.acquired} lock unit(s) of {fact.port} and gives back {fact.released} in "
                  f"{trips}: it holds {fact.held_out - fact.held_in} more object(s) after each, and starves once "
                  f"the pool is empty")
    else:
        effect = (f"gives back {fact.released} lock unit(s) of {fact.port} but takes {fact.acquired} in {trips}: "
                  f"it releases objects it does not hold")
    stuck = StuckOp(fact.op.name, where,
                    f"{fact.port}: {fact.acquired} acquired vs {fact.released} released per iteration "
                    f"(held {fact.held_in} at the loop head, {fact.held_out} after one iteration)",
                    None, fact.core.actor)
    return Hang("unbalanced-loop", f"the loop at {where} in {fact.core.actor} {effect}", [stuck],
                [f"{fact.core.actor} loop at {where}: {fact.port} drifts"])


def findings(net: Network) -> list[tuple[Hang, AcquireFact | LoopFact]]:
    """Every acquire larger than its pool and every unbalanced loop, each with the fact it comes from.

    Parameters
    ----------
    net : Network
        From :func:`partitioner.hangs.build.build`.

    Returns
    -------
    list of (Hang, AcquireFact or LoopFact)
        Acquires first, then loops, each in program order.
    """
    locate = net.source.locate
    return [*((_acquire_exceeds_pool(f, locate), f) for f in net.acquire_facts if f.n > f.pool),
            *((_unbalanced_loop(f, locate), f) for f in net.loop_facts
              if not f.nested_flagged and (f.trip is None or f.trip >= 2))]
