"""Run a token network abstractly: processes move tokens until none can, one NPU call at a time.

The schedule is round-robin: in each round every process runs until it
blocks (at most :data:`BUDGET` steps) and every stream moves what its sender
and receivers are ready for. A call ends when a round changes nothing
(*quiescence*) or when the network's state repeats within the call
(*periodic*: the run goes round forever, e.g. a core fed by an open end):
:func:`partitioner.tokens.settle`, the token semantics' notion shared with
the simulator.

Calls: the runtime sequence runs once per call, from the state the previous
call left. After each call the state (lock values, every process's position,
finite loop counters, bytes left in BDs and host tasks; not the counters that
only grow: endless loop iterations, calls, bytes moved) is compared with the
ends of the earlier calls. A repeat proves the design periodic: every later
call does what an earlier one did, so no call ever hangs. Calls stop at the
first host wait that cannot complete, at a repeat, after one call when the
design runs once by construction (:func:`runs_once`), or at a bound of
``2 + buffers + queued tasks`` calls (a state that drifts adds at least one token per call
somewhere, and the pools and the shim channels' task queues hold finitely
many: a call whose input the array does not take leaves tasks queued, and the
runtime sequence blocks once a channel's queue is full).

Schedule: every ObjectFIFO lock has one process that acquires it and a
broadcast moves in lockstep, so the network is deterministic in the sense of
Kahn networks: whether a process ends up blocked for good, and the state a
call settles in, do not depend on the order in which processes run; one
schedule decides for all. Hand-written locks that several processes acquire
are explored under this one fair schedule only.

Termination: each call ends because every round either changes nothing
(stop), or produces a state; states between repeats are distinct, and there
are finitely many once the only unbounded quantities (endless loop counters,
bytes moved) are left out. Lock values are bounded by the device's maximum
(:class:`partitioner.tokens.Semaphore`): a release past it stops its process
as unmodelled. :data:`MAX_ROUNDS` bounds what is left (e.g. bytes of an open
end cycling through a long chain), and the call is then reported as not decided.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from partitioner.hangs.model import (ACQ, ACQ_EQ, ACQ_HELD, LOOP, NEXT, QUEUE_DEPTH, REL, REL_HELD, SPIN, CoreProc,
                                     DmaProc, HostProc, Network, ShimProc)
from partitioner.tokens import settle

#: Steps one process takes per round before the others get a turn.
BUDGET = 256
#: Rounds one call may take before the run is declared undecided.
MAX_ROUNDS = 200_000
#: The most calls run (the bound from the pools is usually far lower).
MAX_CALLS = 256


@dataclass
class Outcome:
    """How the run ended.

    ``calls`` is the number of runtime-sequence calls started; ``host_done``
    whether the last one completed every wait; ``stop`` how its run ended
    ("quiescent", "periodic" or "undecided"); ``repeated`` whether the calls'
    end states repeated (the design proven periodic); ``single_call`` whether
    a core's program ends (the design runs once).
    """

    calls: int = 0
    host_done: bool = True
    stop: str = "quiescent"
    repeated: bool = False
    single_call: bool = False
    rounds: int = 0
    notes: list[str] = field(default_factory=list)


def run_call(net: Network, max_rounds: int = MAX_ROUNDS) -> tuple[str, int]:
    """Run the network until no process can move or its state repeats.

    Parameters
    ----------
    net : Network
        Run in place: its locks and processes end in the final state.
    max_rounds : int
        Rounds before giving up ("undecided").

    Returns
    -------
    (str, int)
        How it stopped ("quiescent", "periodic", "undecided") and the rounds taken.

    Examples
    --------
    >>> from partitioner.hangs.model import Lock, CoreProc, ACQ, END
    >>> from partitioner.mlir.parse import parse_source
    >>> lock = Lock("l", 1)
    >>> core = CoreProc("core (0,2)", None, (0, 2))
    >>> core.code = [(ACQ, lock, 1, None, "l"), (ACQ, lock, 1, None, "l"), (END,)]
    >>> net = Network(parse_source("module {}", "m"), [core], [], [lock], None, [core])
    >>> run_call(net), core.blocked.need, core.pc
    (('quiescent', 2), 1, 1)
    """
    procs, streams = net.procs, net.streams

    def round_() -> bool:
        progress = False
        for p in procs:
            if p.run(BUDGET):
                progress = True
        for s in streams:
            while s.flow():
                progress = True
        return progress

    return settle(round_, net.state, max_rounds)


def _ends(core: CoreProc) -> bool:
    """A core whose program can reach ``aie.end``: no endless loop (or endless spin) on its top level."""
    depth = 0
    for ins in core.code:
        if ins[0] == LOOP:
            if ins[2] is None and depth == 0:
                return False
            depth += 1
        elif ins[0] == NEXT:
            depth -= 1
        elif ins[0] == SPIN and depth == 0:
            return False
    return any(ins[0] in (ACQ, REL, ACQ_EQ, ACQ_HELD, REL_HELD) for ins in core.code)  # it touches a lock at all


def call_bound(net: Network) -> int:
    """Calls after which a drifting state has filled something: ``2 + buffers + queued objects``.

    A call that leaves at least one object more (or fewer) somewhere than the
    call before adds it to a pool (``buffers`` in all) or to a shim channel's
    task queue (:data:`~partitioner.hangs.model.QUEUE_DEPTH` tasks of its
    largest transfer, in objects), after which the runtime sequence blocks.
    At most :data:`MAX_CALLS`.

    Parameters
    ----------
    net : Network

    Returns
    -------
    int
    """
    slots = sum(lk.pool for lk in net.locks if lk.kind == "free")
    largest: dict[ShimProc, int] = {}
    for ins in net.host.code if net.host is not None else ():
        if ins[0] == "enq":
            largest[ins[1]] = max(largest.get(ins[1], 0), ins[2])
    queued = sum(QUEUE_DEPTH * max(-(-nbytes // ch.object_bytes) if ch.object_bytes else 1, 1)
                 for ch, nbytes in largest.items())
    return min(2 + slots + queued, MAX_CALLS)


def runs_once(net: Network) -> str:
    """Why the design can serve only one call, by construction ("" when it can serve any number).

    A core whose program ends, a hand-written DMA chain that ends, or a
    hand-written lock whose initial tokens are taken and never given back (a
    mem tile sending its initial buffers once): the design is built to run
    once, and only one call is checked. ObjectFIFO locks never count here: a
    pool nothing frees is a bug, which later calls must expose.

    Parameters
    ----------
    net : Network

    Returns
    -------
    str
    """
    for core in net.cores:
        if _ends(core):
            return f"{core.actor}'s program ends (aie.end)"
    for p in net.procs:
        if isinstance(p, DmaProc) and p.bds and p.loop_to is None:
            return f"{p.actor}'s BD chain ends"
    taken = {id(lk) for p in net.procs for lk in _acquired_locks(p)}
    for lk in net.locks:
        if lk.kind == "lock" and lk.init > 0 and not lk.releasers and id(lk) in taken:
            return f"lock {lk.name}'s {lk.init} initial token(s) are taken and never given back"
    return ""


def _acquired_locks(p) -> list:
    if isinstance(p, CoreProc):
        return [ins[1] if ins[0] != ACQ_HELD else ins[1].take for ins in p.code if ins[0] in (ACQ, ACQ_EQ, ACQ_HELD)]
    if isinstance(p, DmaProc):
        return [lk for bd in p.bds for lk, _, _ in bd.acquires]
    return []


def execute(net: Network, max_calls: int | None = None) -> Outcome:
    """Run the runtime sequence call after call until it hangs, repeats or must stop.

    Parameters
    ----------
    net : Network
        From :func:`partitioner.hangs.model.build`; run in place.
    max_calls : int, optional
        Bound on calls; default :func:`call_bound`.

    Returns
    -------
    Outcome

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> from partitioner.hangs.build import build
    >>> ev = partitioner.read(DESIGNS_DIR / "batch20_1tile", verify_sources=False)
    >>> net = build(ev, ev.ir)
    >>> out = execute(net)
    >>> out.host_done, out.repeated, out.calls
    (True, True, 2)
    """
    out = Outcome()
    host: HostProc | None = net.host
    if host is None:
        out.stop, out.rounds = run_call(net)
        out.calls = 0
        out.notes.append("no runtime sequence: shim ends are open (they send and take whatever is asked)")
        return out
    once = runs_once(net)
    out.single_call = bool(once)
    if max_calls is None:
        max_calls = call_bound(net)
    ends: set = set()
    for _ in range(max_calls):
        host.restart()
        out.stop, rounds = run_call(net)
        out.rounds += rounds
        out.calls = host.call
        out.host_done = host.done
        if not host.done or out.stop == "undecided":
            return out
        for ch in net.procs:
            if isinstance(ch, ShimProc):
                ch.backlog.append(sum(t.nbytes - t.moved for t in ch.issued))
        if out.single_call:
            out.notes.append(f"{once}: the design runs once by construction; one call was checked")
            return out
        state = net.state()
        if state in ends:
            out.repeated = True
            return out
        ends.add(state)
    out.notes.append(f"the state after each call did not repeat within {max_calls} calls: not decided")
    out.stop = "undecided"
    return out
