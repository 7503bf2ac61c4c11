"""partitioner.fifo_ends: what the ObjectFIFO lowering makes of each FIFO end, taught once.

The facts (pool sizes, lock pairs and their initial values, tiles, channels, a link's parts and
slices, a broadcast's consumers) on designs npu-tiler builds and on mlir-aie's own designs of the
conformance corpus; and that both token engines, the hang checker's network and the simulator's,
are built from them, not from derivations of their own.
"""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import partitioner
import partitioner.fifo_ends as fifo_ends_module
from partitioner import profiles
from partitioner.check import Evaluation, evaluate_file
from partitioner.fifo_ends import FifoEnds, LockPair, fifo_ends
from partitioner.hangs import _ir
from partitioner.hangs.build import build as hang_network
from partitioner.lowering import lower
from partitioner.params import timing
from sim import dataflow

CORPUS = Path(__file__).parent / "conformance"


def _ends(ev: Evaluation) -> FifoEnds:
    return fifo_ends(ev.design, ev.lowered, ev.device, ev.profile)


@pytest.fixture(scope="module")
def split4() -> Evaluation:
    return partitioner.partition(batch=100, tiles=4)


def test_examples_run():
    assert doctest.testmod(fifo_ends_module).failed == 0


def test_a_distribute_and_a_join_on_the_mem_tile(split4: Evaluation):
    ends = _ends(split4)
    distribute, join = ends.links
    assert (distribute.kind, distribute.owner, distribute.tile) == ("distribute", "in0", (0, 1))
    assert (join.kind, join.owner) == ("join", "out0")
    # one lock pair per sub-FIFO on the owner's pool, at the sub-FIFO's byte offset
    assert [(p.fifo, p.offset, p.nbytes, p.locks.prefix, p.locks.count) for p in distribute.parts] == \
        [(f"in0_{k}", 20000 * k, 20000, f"in0_{k}_link", 2) for k in range(4)]
    assert [p.locks.prefix for p in join.parts] == [f"out0_{k}_cons_link" for k in range(4)]
    assert distribute.slices == {f"in0_{k}": (20000 * k, 20000) for k in range(4)}
    # the owner's end on the link holds the buffers; the sub-FIFOs' ends there have none
    owner = distribute.owner_end
    assert (owner.name, owner.index, owner.pool.count, owner.owns_link, owner.locks) == ("in0_cons", 1, 2, True, None)
    sub = ends.fifos["in0_0"].producer
    assert (sub.pool, sub.link, sub.owns_link, sub.locks) == (None, distribute, False, None)


def test_a_compute_end_has_its_pool_and_lock_pair(split4: Evaluation):
    end = _ends(split4).fifos["in0_0"].consumers[0]
    assert (end.name, end.tile, end.kind, end.direction, end.endpoint) == \
        ("in0_0_cons", (0, 2), "compute", "in", "frames_0_0")
    assert (end.locks.free_name, end.locks.free_init, end.locks.filled_name, end.locks.filled_init) == \
        ("in0_0_cons_prod_lock", 2, "in0_0_cons_cons_lock", 0)
    assert end.bd_bytes == 20000 and end.channel == 0


def test_a_shim_end_has_no_pool_but_the_lowerings_lock_pair(split4: Evaluation):
    # AIE2 lowering gives a shim end a prod/cons pair counting its registered external buffers,
    # else a default: 1 in 2025 (link_test_distribute_offsets.mlir @ 24f4b640, link1_prod_lock_0
    # init 1 on the shim), 0 in 2026 (link_to_stream_AIE2.mlir @ 2a97cd9c, of_in_prod_lock_0 init 0).
    end = _ends(split4).fifos["in0"].producer
    assert (end.kind, end.pool, end.direction) == ("shim", None, "out")
    assert (end.locks.free_name, end.locks.free_init, end.locks.filled_name, end.locks.filled_init) == \
        ("in0_prod_lock", 1, "in0_cons_lock", 0)
    prof = profiles.load("2026")
    shim_out = fifo_ends(split4.design, lower(split4.design, split4.device, prof), split4.device, prof)
    assert (shim_out.fifos["out0"].consumers[0].locks.free_init, shim_out.fifos["in0"].producer.locks.free_init) == \
        (0, 0)


def test_a_shim_end_with_a_registered_buffer_counts_it():
    # link_test_DDR_to_L1_AIE2.mlir: one external buffer registered on the shim end of to_memTile
    end = _ends(evaluate_file(CORPUS / "link_ddr_to_l1.mlir")).fifos["to_memTile"].producer
    assert (end.kind, end.locks.free_init, end.locks.filled_init) == ("shim", 1, 0)


def test_channels_are_the_lowerings(split4: Evaluation):
    ends = _ends(split4)
    for res in split4.lowered.tiles.values():
        for ch in res.channels:
            if ch.fifo:
                assert ch.fifo in ends.on_channel(ch.tile, ch.direction, ch.index)
                end = next(e for e in ends.fifos[ch.fifo].ends if e.name == ch.end)
                assert (end.tile, end.direction, end.channel) == (ch.tile, ch.direction, ch.index)


def test_initial_values_fill_the_producer_pool():
    ev = evaluate_file(CORPUS / "init_values_dma.mlir")
    producer = _ends(ev).fifos["of0"].producer
    assert (producer.locks.filled, producer.locks.free_init, producer.locks.filled_init) == (True, 0, 3)


def test_initial_values_on_a_mem_tile_go_without_locks_in_2026(tmp_path: Path):
    src = tmp_path / "init_mem.mlir"
    src.write_text((CORPUS / "init_values_dma.mlir").read_text().replace("aie.tile(1, 2)", "aie.tile(1, 1)"))
    ev = evaluate_file(src)
    assert ev.device.kind_of((1, 1)) == "mem"
    for name, static in (("2025", False), ("2026", True)):
        prof = profiles.load(name)
        producer = fifo_ends(ev.design, lower(ev.design, ev.device, prof), ev.device, prof).fifos["of0"].producer
        assert producer.static_init is static and (producer.locks is None) is static


def test_shared_memory_has_one_pool_and_one_pair():
    ev = evaluate_file(CORPUS / "init_values_shared_mem.mlir")
    fp = _ends(ev).fifos["of0"]
    assert fp.shared and fp.ends == [] and fp.pool.count == 2
    assert fp.locks == LockPair("of0", "of0", 2, True)


def test_a_link_output_in_the_links_own_pool_has_none():
    fp = _ends(evaluate_file(CORPUS / "link_allocate_shared.mlir")).fifos["of2"]
    assert fp.shared and fp.pool is None and fp.locks is None


def test_a_broadcast_has_every_consumer_end():
    ev = evaluate_file(CORPUS / "link_broadcast.mlir")
    fp = _ends(ev).fifos["mem_in"]
    f = fp.fifo
    assert len(fp.consumers) == len(f.consumers) > 1
    assert [e.name for e in fp.ends] == f.end_names()
    assert [e.tile for e in fp.consumers] == f.consumer_tiles


def test_offsets_of_a_distribute_and_a_join():
    dist = _ends(evaluate_file(CORPUS / "link_distribute_offsets.mlir")).links[0]
    join = _ends(evaluate_file(CORPUS / "link_join_offsets.mlir")).links[0]
    assert [(p.fifo, p.offset) for p in dist.parts] == [("link2", 0), ("link3", 64), ("link4", 144)]
    assert [(p.fifo, p.offset) for p in join.parts] == [("link1", 0), ("link2", 64), ("link3", 144)]


# -- both engines build on these facts ---------------------------------------------------------------

def _pairs(ends: FifoEnds) -> list[LockPair]:
    # A shim end's pair is left out: the runtime sequence, not the pair, paces a shim channel, and the
    # hang network drives it so (partitioner/hangs/build.py fifo_end).
    out = [fp.locks for fp in ends.fifos.values() if fp.locks is not None]
    out += [e.locks for fp in ends.fifos.values() for e in fp.ends if e.locks is not None and e.kind != "shim"]
    return out + [p.locks for link in ends.links for p in link.parts]


@pytest.mark.parametrize("name", ["link_distribute_offsets", "link_join_offsets", "link_broadcast",
                                  "init_values_dma", "init_values_shared_mem", "xrt_many_buffers"])
def test_the_hang_networks_fifo_locks_are_the_facts(name: str):
    ev = evaluate_file(CORPUS / f"{name}.mlir")
    net = hang_network(ev, _ir(ev, False))
    facts = {(p.free_name, p.free_init) for p in _pairs(_ends(ev))} | \
        {(p.filled_name, p.filled_init) for p in _pairs(_ends(ev))}
    assert {(lk.name, lk.init) for lk in net.locks if lk.kind in ("free", "filled")} == facts


@pytest.mark.parametrize("options", [dict(batch=100, tiles=4), dict(strategy="hybrid", tiles=4, batch=100),
                                     dict(strategy="pipeline", tiles=2, batch=25, depth=1)])
def test_the_simulators_pools_are_the_facts(options: dict):
    ev = partitioner.partition(**options)
    ends = _ends(ev)
    net = dataflow.build(ev, timing(), execute=False)
    facts = {(fp.pool.name, fp.pool.count) for fp in ends.fifos.values() if fp.pool is not None}
    facts |= {(e.pool.name, e.pool.count) for fp in ends.fifos.values() for e in fp.ends if e.pool is not None}
    assert {(p.name, p.count) for p in net.engine.pools} == facts
    assert {sub: (off, nbytes) for sub, (_, off, nbytes) in net.slices.items()} == \
        {sub: s for link in ends.links for sub, s in link.slices.items()}
