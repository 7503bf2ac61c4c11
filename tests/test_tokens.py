"""The one token semantics (partitioner.tokens): AIE2 locks and ObjectFIFO acquires, shared by both engines.

Hand-worked cases cite the mlir-aie source they follow; the property test
runs random acquire/release programs on the simulator's engine (sim.engine,
a Ring of counters) and on the hang checker's network (partitioner.hangs.model,
lock pairs and FifoPorts) and asks both for the same end.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partitioner import device, tokens
from partitioner.hangs.execute import run_call
from partitioner.hangs.model import ACQ, ACQ_HELD, END, LOOP, NEXT, REL, REL_HELD, CoreProc, Lock, Network
from partitioner.tokens import FifoPort, LockOverflow, Ring, Semaphore, TokenError, to_take
from sim.engine import Acquire, Deadlock, Engine, Release, SimulationError


# -- AIE2 semaphore locks ------------------------------------------------------------------------------
# mlir-aie include/aie/Dialect/AIE/IR/AIEOps.td @ 2741ca50 (AIE_UseLockOp, LockAction): AcquireGreaterEqual
# takes v when value >= v, Acquire (AIE2: acquire-equal) when value == v, Release adds v; AM020 (AIE-ML
# locks): 6-bit semaphore values, the maximum AIETargetModel::getMaxLockValue gives (63).

def test_acquire_greater_equal_takes_n_when_the_value_is_at_least_n():
    lk = Semaphore(3)
    assert lk.acquire(2) and lk.value == 1
    assert not lk.acquire(2) and lk.value == 1  # waits, takes nothing
    lk.release(1)
    assert lk.acquire(2) and lk.value == 0


def test_acquire_equal_waits_for_the_exact_value():
    lk = Semaphore(2)
    assert not lk.acquire(1, equal=True) and lk.value == 2
    assert lk.acquire(2, equal=True) and lk.value == 0


def test_release_is_bounded_by_the_devices_maximum_lock_value():
    assert tokens.MAX_LOCK_VALUE == device.load("npu1").max_lock_value == 63
    lk = Semaphore(62)
    lk.release(1)
    with pytest.raises(LockOverflow):
        lk.release(1)
    assert lk.value == 63  # the failed release left it as it was


# -- ObjectFIFO acquires name the total held ------------------------------------------------------------
# mlir-aie test/objectFifo-stateful-transform/access_patterns/AIE2_delayed_release.mlir @ 82bebd82:
# the consumer requests {2, 1, 3, 1} and releases 3 at the end; "Since we already hold 2 and are
# requesting 3, we expect one acquire here": lock acquires of 2, 0, 1, 0, then Release 3.

def test_delayed_release_takes_only_what_is_not_held():
    assert [to_take(n, h) for n, h in ((2, 0), (1, 2), (3, 2), (1, 3))] == [2, 0, 1, 0]
    free, filled = Semaphore(0), Semaphore(4)  # the producer has filled all four buffers
    port = FifoPort(filled, free, "fifo (Consume)")
    taken = []
    for n in (2, 1, 3, 1):
        before = filled.value
        assert port.acquire(n)
        taken.append(before - filled.value)
    assert taken == [2, 0, 1, 0] and port.held == 3
    port.release(3)
    assert (port.held, free.value) == (0, 3)
    with pytest.raises(TokenError):
        port.release(1)  # nothing held


def test_delayed_release_in_counter_form_gives_the_oldest_held_objects():
    # The CHECK lines read fifo_buff_0 through every subview: object 0 is the oldest held.
    r = Ring("fifo", 4, ["producer"], ["consumer"])
    for _ in range(4):
        assert r.take("write", "producer", 1) is not None
        r.release("write", "producer", 1)
    got = []
    for n in (2, 1, 3, 1):
        got.append(r.take("read", "consumer", n))
    assert got == [[0, 1], [0], [0, 1, 2], [0]] and r.held("read", "consumer") == 3
    r.release("read", "consumer", 3)
    assert r.held("read", "consumer") == 0
    with pytest.raises(TokenError):
        r.release("read", "consumer", 1)


def test_delayed_release_design_completes_in_both_engines():
    # The whole AIE2_delayed_release.mlir: producer 4 x (acquire 1, release 1), consumer as above.
    producer = [("acq", 1), ("rel", 1)] * 4
    consumer = [("acq", 2), ("acq", 1), ("acq", 3), ("acq", 1), ("rel", 3)]
    assert _sim(4, producer, consumer) == _hang(4, producer, consumer) == (set(), (3, 1))  # 3 buffers free again, 1 filled left


def test_an_acquire_larger_than_the_pool_never_completes():
    # The pool bound (AIEOps.td @ 002a9aea AIE_ObjectFifoAcquireOp: an acquire names objects of the
    # pool): holding 3 of a pool of 2 cannot happen, in either engine.
    producer = [("acq", 1), ("rel", 1)] * 3
    consumer = [("acq", 3), ("rel", 3)]
    assert _sim(2, producer, consumer)[0] == _hang(2, producer, consumer)[0] == {"consumer", "producer"}


# -- loops: sliding windows and cyclostatic patterns ---------------------------------------------------
# mlir-aie test/objectFifo-stateful-transform/access_patterns/cyclostatic_AIE2_sharedMem.mlir: a
# consumer loop acquiring 3 and releasing 1. With the held count kept at run time (PR #3308) the
# first trip takes 3 and each later one 1; the static lowering before PR #3144 takes 3 on every trip.

@pytest.mark.parametrize("window", [(3, 1), (2, 1)])  # cyclostatic (3 / 1) and a sliding window (2 / 1)
def test_a_loop_that_keeps_objects_across_its_back_edge_runs_with_run_time_held_counts(window):
    acquire, release = window
    trips = 6
    producer = [("acq", 1), ("rel", 1)]
    consumer = [("acq", acquire), ("rel", release)]
    tail = [("rel", acquire - release)]
    blocked, _ = _hang(4, producer * (trips + acquire - release), consumer, trips=trips, tail=tail)
    assert blocked == set()
    assert _sim(4, producer * (trips + acquire - release), consumer * trips + tail)[0] == set()


def test_the_static_lowering_of_the_cyclostatic_loop_runs_out():
    # Before PR #3144 the lowered loop acquires 3 lock units per trip and gives 1 back.
    free, filled = Lock("of_prod_lock", 4, "free", "of", 4), Lock("of_cons_lock", 0, "filled", "of", 4)
    prod = _core("producer", [(ACQ, free, 1, None, "of (Produce)"), (REL, filled, 1, None, "of (Produce)")], 20)
    cons = _core("consumer", [(ACQ, filled, 3, None, "of (Consume)"), (REL, free, 1, None, "of (Consume)")], 6)
    run_call(Network(None, [prod, cons], [], [free, filled], None, [prod, cons]))
    assert not cons.done and cons.blocked.need == 3 and cons.counters == [1]


# -- quiescence ------------------------------------------------------------------------------------------

def test_settle_reports_quiescent_periodic_or_undecided():
    lk = Semaphore(2)
    assert tokens.settle(lambda: lk.acquire(1), lambda: lk.value, 10) == (tokens.QUIESCENT, 3)
    flip = Semaphore(0)

    def toggle() -> bool:
        flip.value ^= 1
        return True

    assert tokens.settle(toggle, lambda: flip.value, 10) == (tokens.PERIODIC, 3)
    count = Semaphore(0)
    assert tokens.settle(lambda: count.release(1) is None, lambda: count.value, 5) == (tokens.UNDECIDED, 5)


def test_the_simulators_deadlock_is_the_token_deadlock():
    assert issubclass(Deadlock, tokens.Deadlock) and issubclass(Deadlock, SimulationError)


# -- both engines agree -----------------------------------------------------------------------------------

def _sim(depth: int, producer: list, consumer: list) -> tuple[set[str], tuple[int, int]]:
    """Run both programs on sim.engine; the processes left blocked and (free, filled) at the end."""
    eng = Engine()
    pool = eng.pool("of", depth, 0, ["producer"], ["consumer"], False)

    def proc(who: str, role: str, prog: list):
        for kind, n in prog:
            yield (Acquire if kind == "acq" else Release)(pool, role, who, n)

    procs = [eng.spawn("producer", proc("producer", "write", producer)),
             eng.spawn("consumer", proc("consumer", "read", consumer))]
    try:
        eng.run(until=procs)
    except Deadlock:
        pass
    blocked = {p.name for p in procs if not p.done}
    filled = pool.w_rel["producer"] - pool.r_acq["consumer"]
    free = depth - (pool.w_acq["producer"] - pool.r_rel["consumer"])
    return blocked, (free, filled)


def _core(name: str, body: list, trips: int | None, tail: list = ()) -> CoreProc:
    core = CoreProc(name, None, (0, 2))
    if trips is None:
        core.code = [*body, *tail, (END,)]
    else:
        core.loops = [(trips, None)]
        core.counters = [0]
        core.code = [(LOOP, 0, trips, len(body) + 1), *body, (NEXT, 0, trips, 1), *tail, (END,)]
    return core


def _hang(depth: int, producer: list, consumer: list, trips: int | None = None,
          tail: list = ()) -> tuple[set[str], tuple[int, int]]:
    """Run both programs on the hang checker's network, held counts kept at run time (the consumer's
    program ``trips`` times around a loop, then ``tail``); the blocked cores and (free, filled)."""
    free, filled = Lock("of_prod_lock", depth, "free", "of", depth), Lock("of_cons_lock", 0, "filled", "of", depth)
    p_port, c_port = FifoPort(free, filled, "of (Produce)"), FifoPort(filled, free, "of (Consume)")

    def code(prog: list, port: FifoPort) -> list:
        return [(ACQ_HELD if kind == "acq" else REL_HELD, port, n, None, port.name) for kind, n in prog]

    prod = _core("producer", code(producer, p_port), None)
    cons = _core("consumer", code(consumer, c_port), trips, code(list(tail), c_port))
    prod.ports, cons.ports = [p_port], [c_port]
    net = Network(None, [prod, cons], [], [free, filled], None, [prod, cons])
    stop, _ = run_call(net)
    assert stop == tokens.QUIESCENT
    blocked = {c.actor for c in (prod, cons) if not c.done}
    dead = net.deadlock()
    assert (dead is None) == (not blocked)
    assert dead is None or all(any(w.startswith(b) for w in dead.waiting) for b in blocked)
    return blocked, (free.value, filled.value)


@st.composite
def _program(draw, depth: int) -> list:
    """A valid port program: acquires of 0 .. depth + 1 objects in all, releases of at most what is held."""
    prog, held = [], 0
    for _ in range(draw(st.integers(0, 8))):
        if held and draw(st.booleans()):
            n = draw(st.integers(1, held))
            prog.append(("rel", n))
            held -= n
        else:
            n = draw(st.integers(0, depth + 1))
            prog.append(("acq", n))
            held = max(held, n)
    return prog


@st.composite
def _programs(draw):
    depth = draw(st.integers(1, 4))
    return depth, draw(_program(depth)), draw(_program(depth)), draw(st.integers(1, 3))


@settings(max_examples=300, deadline=None)
@given(_programs())
def test_the_simulator_and_the_hang_model_agree(case):
    # The consumer's program runs ``trips`` times: around a loop in the hang model (its held count
    # crossing the back edge), written out in the simulator. Both deadlock, or both complete, with
    # the same processes blocked and the same lock values.
    depth, producer, consumer, trips = case
    assert _sim(depth, producer, consumer * trips) == _hang(depth, producer, consumer, trips=trips)
