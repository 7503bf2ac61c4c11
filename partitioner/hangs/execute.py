"""Run a token network abstractly: processes move tokens until none can, one NPU call at a time.

Round-robin: in each round every process runs until it blocks (at most :data:`BUDGET` steps) and
every stream moves what its sender and receivers are ready for. A call ends when a round changes
nothing (*quiescent*) or the network's state repeats (*periodic*); the calls end when the runtime
sequence cannot complete, when the state after a call repeats (a proof: every later call does what
an earlier one did), after one call when the design runs once (:func:`runs_once`), or at
:func:`call_bound`. Both are :func:`partitioner.tokens.settle`, the simulator's notion too. States
leave out the counters that only grow (endless loop iterations, calls, bytes moved), so they are
finitely many; :data:`MAX_ROUNDS` bounds what is left and the call is then not decided.

Every ObjectFIFO lock has one process that acquires it and a broadcast moves in lockstep, so the
network is deterministic as a Kahn network: one schedule decides for all. Hand-written locks that
several processes acquire are explored under this one fair schedule only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from partitioner.hangs.model import (ACQ, ACQ_EQ, ACQ_HELD, LOOP, NEXT, QUEUE_DEPTH, REL, REL_HELD, SPIN, CoreProc,
                                     DmaProc, HostProc, Network, ShimProc)
from partitioner.tokens import PERIODIC, UNDECIDED, settle

#: Steps one process takes, and transfers one stream makes, per round before the others get a turn.
#: Capping the streams keeps a round finite when both ends of a flow are open (unmodelled ends
#: are always ready, so bytes would move forever).
BUDGET = 256
#: Rounds one call may take before the run is declared undecided.
MAX_ROUNDS = 200_000
#: Rounds all calls of one check may take together: the bound on abstract work after which the
#: answer is "not proved". Six times the most any kept design, conformance module or hang test
#: needs (8,006, tests/conformance/memtile_spill_two_fifos.mlir), about a second of work.
MAX_WORK = 50_000
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
    gave_up: bool = False  # the work bound (MAX_WORK) ended the run
    repeated: bool = False
    single_call: bool = False
    rounds: int = 0
    notes: list[str] = field(default_factory=list)


def run_call(net: Network, max_rounds: int = MAX_ROUNDS) -> tuple[str, int]:
    """Run the network in place until no process can move or its state repeats (:func:`~partitioner.tokens.settle`).

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
            for _ in range(BUDGET):
                if not s.flow():
                    break
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

    A call that leaves an object more (or fewer) somewhere than the one before adds it to a pool or
    to a shim channel's task queue (:data:`~partitioner.hangs.model.QUEUE_DEPTH` tasks of its largest
    transfer), after which the runtime sequence blocks. At most :data:`MAX_CALLS`.
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

    A runtime sequence that first reloads the design's own configuration (``aiex.configure`` of its own
    device, ``aiex.npu.configure``: every call starts from the initial state, so the first call is every
    call), a core whose program ends, a hand-written DMA chain that ends, a hand-written lock whose
    initial tokens are taken and never given back, or an ObjectFIFO's initial values that nothing
    refills (its *filled* lock starts full and no process releases it: mlir-aie's lowering sends
    them once, e.g. test/npu-xrt/vec_vec_add_objfifo_init's mem-tile FIFO, no producer core). Other
    ObjectFIFO locks never count: a pool nothing frees is a bug, which later calls must expose.
    """
    if net.reloads:  # each call starts from the configuration's initial state: every call is the first
        return f"the runtime sequence reloads the design's own configuration first ({net.reloads})"
    for core in net.cores:
        if _ends(core):
            return f"{core.actor}'s program ends (aie.end)"
    for p in net.procs:
        if isinstance(p, DmaProc) and p.bds and p.loop_to is None:
            return f"{p.actor}'s BD chain ends"
    for lk in net.locks:
        if lk.kind == "lock" and lk.init > 0 and not lk.releasers and lk.acquired:
            return f"lock {lk.name}'s {lk.init} initial token(s) are taken and never given back"
        if lk.kind == "filled" and lk.init > 0 and not lk.releasers and lk.acquired:
            return f"{lk.fifo}'s {lk.init} initial object(s) are sent once and nothing refills them"
    return ""


def execute(net: Network, max_calls: int | None = None, runs: int = 1) -> Outcome:
    """Run the runtime sequence (in place) call after call until it hangs, repeats or reaches
    ``max_calls`` (default :func:`call_bound`); a design that runs once by construction
    (:func:`runs_once`) is run ``runs`` times in a row (another device's sequence launching it
    ``runs`` times without reloading it: :func:`partitioner.hangs.check`'s ``runs``).

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
        out.stop, out.rounds = run_call(net, MAX_WORK)
        out.calls = 0
        out.notes.append("no runtime sequence: shim ends are open (they send and take whatever is asked)")
        _note_work(out)
        return out
    once = runs_once(net)
    out.single_call = bool(once)
    max_calls = max(call_bound(net) if max_calls is None else max_calls, runs + 1)

    def call() -> bool:  # one run of the sequence; False: it cannot complete, or the design runs once
        host.restart()
        out.stop, rounds = run_call(net, min(MAX_ROUNDS, MAX_WORK - out.rounds))
        out.rounds += rounds
        out.calls, out.host_done = host.call, host.done
        if not host.done or out.stop == UNDECIDED:
            return False
        for ch in net.procs:
            if isinstance(ch, ShimProc):
                ch.backlog.append(sum(t.nbytes - t.moved for t in ch.issued))
        return not out.single_call or host.call < runs

    end, _ = settle(call, net.state, max_calls)
    out.repeated = end == PERIODIC
    if _note_work(out):
        pass
    elif end == UNDECIDED:
        out.notes.append(f"the state after each call did not repeat within {max_calls} calls: not decided")
        out.stop = UNDECIDED
    elif out.single_call and out.host_done and out.stop != UNDECIDED:
        checked = "one call was checked" if out.calls == 1 else f"the {out.calls} calls asked for were checked"
        out.notes.append(f"{once}: the design runs once by construction; {checked}")
    return out


def _note_work(out: Outcome) -> bool:
    """Mark a run the work bound ended (:data:`MAX_WORK`) as undecided, with the reason; True if it did."""
    if out.rounds < MAX_WORK or out.stop != UNDECIDED:
        return False
    out.gave_up = True
    out.notes.append(f"gave up after {MAX_WORK:,} rounds of abstract work (data kept moving without the "
                     f"state repeating, e.g. a flow whose two ends are not modelled): not proved")
    return True
