"""The lowering model against the cases in mlir-aie's own tests.

Each test rebuilds the input of one file under Xilinx/mlir-aie
``test/objectFifo-stateful-transform/`` and checks the pools, locks, DMA
channels and BDs that its CHECK lines expect (as read and summarised in
docs/research/mlir-aie-lowering.md section 4; commits listed there).
"""
import pytest

import partitioner
from partitioner.design import DmaChannelDecl, Link
from partitioner.device import load as load_device
from partitioner.fifo_ends import fifo_ends
from partitioner.lowering import lower
from partitioner.profiles import load as load_profile

from builders import design, fifo

NPU1 = load_device("npu1")
P2025, P2026 = load_profile("2025"), load_profile("2026")


def pools(lowered, tile):
    return {p.name: (p.count, p.buffer_bytes) for p in lowered.tile(tile).pools}


def channels(lowered, tile):
    return sorted((c.direction, c.index, c.end, c.bds) for c in lowered.tile(tile).channels)


def test_dma_fifo_between_non_adjacent_compute_tiles():
    # base/non_adjacency_test_AIE2.mlir: @of (1,2) -> (3,3), depth 2, memref<16xi32>, cores acquire 1.
    d = design(NPU1, [fifo("of", (1, 2), [(3, 3)], 2, 16, acquire={(1, 2): 1, (3, 3): 1})])
    low = lower(d, NPU1, P2025)
    assert "of" not in low.shared
    assert pools(low, (1, 2)) == {"of": (2, 64)}  # of_buff_0/1
    assert pools(low, (3, 3)) == {"of_cons": (2, 64)}  # of_cons_buff_0/1
    assert low.tile((1, 2)).locks == 2 and low.tile((3, 3)).locks == 2  # prod/cons lock pair each
    # aie.flow(%tile12, DMA : 0, %tile33, DMA : 0), two BDs on each side
    assert channels(low, (1, 2)) == [("out", 0, "of", 2)]
    assert channels(low, (3, 3)) == [("in", 0, "of_cons", 2)]


def test_shared_memory_when_the_consumer_reaches_south_and_depth_kept_without_cores():
    # base/base_test_AIE2.mlir: @of0 (1,2) -> (1,3) depth 4 is shared (4 buffers on (1,2), one
    # lock pair, no flow); @of1 (1,2) -> (3,3) depth 2 goes by DMA, 2 + 2 buffers (no cores).
    d = design(NPU1, [fifo("of0", (1, 2), [(1, 3)], 4, 16), fifo("of1", (1, 2), [(3, 3)], 2, 16)], cores=[None])
    low = lower(d, NPU1, P2025)
    assert low.shared == {"of0"}
    assert pools(low, (1, 2)) == {"of0": (4, 64), "of1": (2, 64)}
    assert pools(low, (3, 3)) == {"of1_cons": (2, 64)}
    assert low.tile((1, 2)).locks == 4  # of0 pair + of1 pair
    assert channels(low, (1, 2)) == [("out", 0, "of1", 2)]


def test_mem_tile_producer():
    # base/memTile_test.mlir: @of (2,1) -> (2,2), depth 2: two buffers on each side, MM2S 0 / S2MM 0.
    d = design(NPU1, [fifo("of", (2, 1), [(2, 2)], 2, 16)], cores=[None])
    low = lower(d, NPU1, P2025)
    assert pools(low, (2, 1)) == {"of": (2, 64)} and pools(low, (2, 2)) == {"of_cons": (2, 64)}
    assert channels(low, (2, 1)) == [("out", 0, "of", 2)]
    assert channels(low, (2, 2)) == [("in", 0, "of_cons", 2)]


def test_broadcast_pools_follow_each_consumers_largest_acquire():
    # data_movement_patterns/broadcast_self_adjusted_depths.mlir: depth 2 from (1,3) to four
    # consumers acquiring 1, 2, 3, 2 -> pools 2, 3, 4, 3 (above the declared depth), producer 2,
    # one MM2S on the producer for all four flows.
    cons = [(1, 2), (1, 4), (3, 2), (3, 3)]
    acq = {(1, 3): 1, (1, 2): 1, (1, 4): 2, (3, 2): 3, (3, 3): 2}
    low = lower(design(NPU1, [fifo("broadcast_of", (1, 3), cons, 2, 16, acquire=acq)]), NPU1, P2025)
    assert pools(low, (1, 3)) == {"broadcast_of": (2, 64)}
    got = [pools(low, t)[f"broadcast_of_{i}_cons"][0] for i, t in enumerate(cons)]
    assert got == [2, 3, 4, 3]
    assert channels(low, (1, 3)) == [("out", 0, "broadcast_of", 2)]


def test_broadcast_array_depth_is_taken_as_written():
    # data_movement_patterns/broadcast_enforced_depths.mlir: [2, 2, 3, 4, 3] gives the same pools.
    cons = [(1, 2), (1, 4), (3, 2), (3, 3)]
    low = lower(design(NPU1, [fifo("broadcast_of", (1, 3), cons, (2, 2, 3, 4, 3), 16,
                                    acquire={t: 1 for t in [(1, 3), *cons]})]), NPU1, P2025)
    assert [pools(low, t)[f"broadcast_of_{i}_cons"][0] for i, t in enumerate(cons)] == [2, 3, 4, 3]


def test_distribute_with_offsets_through_a_mem_tile():
    # data_movement_patterns/link/link_test_distribute_offsets.mlir: link1 shim(2,0) -> mem(2,1),
    # 48xi32, distributed at [0, 16, 36] into link2 (16xi32) -> (2,2), link3 (20xi32) -> (2,3),
    # link4 (12xi32) -> (3,3), all depth 2.
    specs = [fifo("link1", (2, 0), [(2, 1)], 2, 48), fifo("link2", (2, 1), [(2, 2)], 2, 16, acquire={(2, 2): 1}),
             fifo("link3", (2, 1), [(2, 3)], 2, 20, acquire={(2, 3): 1}),
             fifo("link4", (2, 1), [(3, 3)], 2, 12, acquire={(3, 3): 1})]
    link = Link("l", "distribute", ["link1"], ["link2", "link3", "link4"], [0, 16, 36], tile=(2, 1))
    low = lower(design(NPU1, specs, [link]), NPU1, P2025)
    # Mem tile: only link1_cons_buff_0/1 (192 B), 6 locks (3 pairs), 12 BDs: S2MM 0 walks
    # 2 buffers x 3 slices, MM2S 0/1/2 two BDs each.
    assert pools(low, (2, 1)) == {"link1_cons": (2, 192)}
    assert low.tile((2, 1)).locks == 6 and low.tile((2, 1)).bds == 12
    assert channels(low, (2, 1)) == [("in", 0, "link1_cons", 6), ("out", 0, "link2", 2),
                                      ("out", 1, "link3", 2), ("out", 2, "link4", 2)]
    # Shim: no buffers, one lock pair, MM2S 0.
    assert pools(low, (2, 0)) == {} and low.tile((2, 0)).locks == 2
    assert channels(low, (2, 0)) == [("out", 0, "link1", 0)]
    assert pools(low, (2, 3)) == {"link3_cons": (2, 80)} and low.tile((2, 3)).locks == 2


def test_join_mirrors_distribute():
    # data_movement_patterns/link/link_test_join_offsets.mlir: (2,2), (2,3), (3,3) joined at
    # [0, 16, 36] into link4 (48xi32) -> shim (2,0).
    specs = [fifo("link1", (2, 2), [(2, 1)], 2, 16, acquire={(2, 2): 1}),
             fifo("link2", (2, 3), [(2, 1)], 2, 20, acquire={(2, 3): 1}),
             fifo("link3", (3, 3), [(2, 1)], 2, 12, acquire={(3, 3): 1}), fifo("link4", (2, 1), [(2, 0)], 2, 48)]
    link = Link("l", "join", ["link1", "link2", "link3"], ["link4"], [0, 16, 36], tile=(2, 1))
    low = lower(design(NPU1, specs, [link]), NPU1, P2025)
    assert pools(low, (2, 1)) == {"link4": (2, 192)}
    assert low.tile((2, 1)).locks == 6 and low.tile((2, 1)).bds == 12
    assert low.tile((2, 1)).dma_in == 3 and low.tile((2, 1)).dma_out == 1
    assert pools(low, (2, 2)) == {"link1": (2, 64)}


def test_shim_channels_run_out_after_two_each_way():
    # allocation_info_test.mlir: two FIFOs from shim (2,0) and two back use MM2S 0,1 and S2MM 0,1.
    specs = [fifo("of_in_0", (2, 0), [(2, 2)], 2, 64, "i16", {(2, 2): 1}),
             fifo("of_in_1", (2, 0), [(2, 3)], 2, 64, "i16", {(2, 3): 1}),
             fifo("of_out_0", (2, 2), [(2, 0)], 2, 64, "i16", {(2, 2): 1}),
             fifo("of_out_1", (2, 3), [(2, 0)], 2, 64, "i16", {(2, 3): 1})]
    low = lower(design(NPU1, specs), NPU1, P2025)
    shim = low.tile((2, 0))
    assert sorted((c.direction, c.index) for c in shim.channels) == [("in", 0), ("in", 1), ("out", 0), ("out", 1)]
    # A third input FIFO on that shim needs a third MM2S: the check reports aiecc's error.
    from partitioner.check import _channel_lock_bd_errors

    third = specs + [fifo("of_in_2", (2, 0), [(2, 4)], 2, 64, "i16", {(2, 4): 1})]
    low3 = lower(design(NPU1, third), NPU1, P2025)
    errs = _channel_lock_bd_errors((2, 0), low3.tile((2, 0)), NPU1.kind((2, 0)), NPU1)
    assert any("number of output DMA channel exceeded!" in e for e in errs)


@pytest.mark.parametrize("profile, expected", [(P2025, 2), (P2026, 1)])
def test_depth_one_rule_differs_between_versions(profile, expected):
    # base/depth_one_scalar_test.mlir (2025: 2 buffers) vs the 2026 transform (1 buffer).
    d = design(NPU1, [fifo("of", (1, 2), [(3, 3)], 1, 16, acquire={(1, 2): 1, (3, 3): 1})])
    assert pools(lower(d, NPU1, profile), (3, 3)) == {"of_cons": (expected, 64)}
    # The array form [1, 1] gives one buffer in every version.
    d = design(NPU1, [fifo("of", (1, 2), [(3, 3)], (1, 1), 16, acquire={(1, 2): 1, (3, 3): 1})])
    assert pools(lower(d, NPU1, profile), (3, 3)) == {"of_cons": (1, 64)}


def test_integer_depth_below_acquire_plus_one_grows():
    # AIEObjectFifoStatefulTransform: a compute end gets max acquire + 1 (depth 2, acquire 3 -> 4).
    d = design(NPU1, [fifo("of", (1, 2), [(3, 3)], 2, 16, acquire={(1, 2): 1, (3, 3): 3})])
    assert pools(lower(d, NPU1, P2025), (3, 3)) == {"of_cons": (4, 64)}


# -- issue 20 item 5: aie_stream (../shared/docs/npu1-facts.md section 12, row "aie_stream / aie_stream_port on
# an ObjectFIFO: requiresDMAs is true; the end wired to a Core stream port has no pool") ------------------------
# These tests set ObjectFifo.aie_stream on a hand-built design (the reader fills it from the attribute:
# tests/conformance producer_stream_aie2, consumer_stream_aie2), as partitioner.lowering.stream_end reads it.

def _streaming(spec, end, cores=(None,)):
    d = design(NPU1, [spec], cores=list(cores))
    d.fifos[0].aie_stream = end
    return d


# npu1-facts.md section 12, row 2: aie_stream / aie_stream_port on an ObjectFIFO
def test_a_producer_core_stream_port_puts_the_buffers_on_the_consumer_only():
    # aie_stream/producer_stream_AIE2.mlir @ a1f06c3f: @of_producer_stream (1,2) -> (1,3), depth 3, memref<16xi32>,
    # {aie_stream = 0, aie_stream_port = 0}. CHECK: of_producer_stream_cons_buff_0..2 on tile_1_3, cons prod/cons
    # locks init 3 / 0, aie.flow(%tile_1_2, Core : 0, %tile_1_3, DMA : 0), dma_start(S2MM, 0) with 3 BDs; nothing
    # on tile_1_2. Without the attribute the same FIFO is shared memory with its pool on (1,2).
    spec = fifo("of_producer_stream", (1, 2), [(1, 3)], 3, 16)
    assert lower(design(NPU1, [spec], cores=[None]), NPU1, P2025).shared == {"of_producer_stream"}
    low = lower(_streaming(spec, 0), NPU1, P2025)
    assert low.shared == set()
    assert pools(low, (1, 2)) == {} and low.tile((1, 2)).locks == 0 and channels(low, (1, 2)) == []
    assert pools(low, (1, 3)) == {"of_producer_stream_cons": (3, 64)}
    assert low.tile((1, 3)).locks == 2
    assert channels(low, (1, 3)) == [("in", 0, "of_producer_stream_cons", 3)]
    assert [b.name for b in low.tile((1, 3)).buffers] == [f"of_producer_stream_cons_buff_{i}" for i in range(3)]


def test_a_consumer_core_stream_port_keeps_the_buffers_on_the_producer_only():
    # aie_stream/consumer_stream_AIE2.mlir @ 5a559eb5: @of_consumer_stream (1,2) -> (3,3), depth 2, aie_stream = 1.
    # CHECK: of_consumer_stream_buff_0/1 on tile_1_2, locks init 2 / 0, aie.flow(%tile_1_2, DMA : 0, %tile_3_3,
    # Core : 0), dma_start(MM2S, 0) with 2 BDs; nothing on tile_3_3.
    low = lower(_streaming(fifo("of_consumer_stream", (1, 2), [(3, 3)], 2, 16), 1), NPU1, P2025)
    assert pools(low, (1, 2)) == {"of_consumer_stream": (2, 64)} and low.tile((1, 2)).locks == 2
    assert channels(low, (1, 2)) == [("out", 0, "of_consumer_stream", 2)]
    assert pools(low, (3, 3)) == {} and low.tile((3, 3)).locks == 0 and channels(low, (3, 3)) == []


def test_the_stream_end_has_no_pool_locks_or_channel_in_the_fifo_ends():
    d = _streaming(fifo("of", (1, 2), [(1, 3)], 3, 16), 0)
    ends = fifo_ends(d, lower(d, NPU1, P2026), NPU1, P2026).fifos["of"]
    prod, cons = ends.producer, ends.consumers[0]
    assert not ends.shared
    assert prod.core_stream and prod.pool is None and prod.locks is None and prod.channel is None
    assert not cons.core_stream and cons.locks.free_init == 3 and cons.channel == 0


# -- issue 20: lock and buffer figures of test/objectFifo-stateful-transform/ -------------------------------------

def _ends(d, profile):
    return fifo_ends(d, lower(d, NPU1, profile), NPU1, profile)


def _inits(pair):
    return pair.free_init, pair.filled_init


def test_a_shim_end_gets_a_lock_pair_counting_its_external_buffers_else_a_versions_default():
    # createObjectFifoLocks (AIEObjectFifoStatefulTransform.cpp @ 3acd8744, search id 56680629433): a shim end's
    # numElem is its registered external buffers, else 0; earlier versions 1. CHECK lines: link_to_stream_AIE2.mlir
    # @ 2a97cd9c, of_in_prod_lock_0 init 0 on the shim; link_test_distribute_offsets.mlir @ 24f4b640,
    # link1_prod_lock_0 init 1; shim_to_stream_AIE2.mlir @ ed1d286a, one registered buffer: init 1.
    d = design(NPU1, [fifo("of_in", (2, 0), [(2, 2)], 2, 16), fifo("of_out", (2, 2), [(2, 0)], 2, 16)], cores=[None])
    for profile, default in ((P2025, 1), (P2026, 0)):
        ends = _ends(d, profile)
        shim_in, shim_out = ends.fifos["of_in"].producer, ends.fifos["of_out"].consumers[0]
        assert (shim_in.locks.free_name, shim_in.locks.filled_name) == ("of_in_prod_lock", "of_in_cons_lock")
        assert (shim_out.locks.free_name, shim_out.locks.filled_name) == ("of_out_cons_prod_lock",
                                                                          "of_out_cons_cons_lock")
        assert _inits(shim_in.locks) == _inits(shim_out.locks) == (default, 0)
        assert shim_in.pool is None
    d.fifos[0].external_buffers = 1
    assert _inits(_ends(d, P2026).fifos["of_in"].producer.locks) == (1, 0)
    assert lower(d, NPU1, P2026).tile((2, 0)).locks == 4  # one pair per shim end, whatever it counts


def test_a_shared_pool_with_an_array_depth_holds_the_deepest_ends_objects_in_2026():
    # init_values/init_values_shared_mem_array_depth_test.mlir @ 7b715438: @of (0,2) -> (0,3), [2, 3], two init
    # values. CHECK: of_buff_0..2, of_prod_lock_0 init 1 (3 - 2), of_cons_lock_0 init 2. The 2025 lowering made
    # the producer's entry, 2 (createObjectFifoElements numElem = op.size(), search id 5849739733).
    d = design(NPU1, [fifo("of", (0, 2), [(0, 3)], (2, 3), 16, acquire={(0, 2): 1, (0, 3): 3})])
    d.fifos[0].init_values = True
    for profile, count, inits in ((P2025, 2, (0, 2)), (P2026, 3, (1, 2))):
        low = lower(d, NPU1, profile)
        assert low.shared == {"of"}
        assert [b.name for b in low.tile((0, 2)).buffers if b.name.startswith("of_")] == \
            [f"of_buff_{i}" for i in range(count)]
        fp = _ends(d, profile).fifos["of"]
        assert (fp.locks.free_name, fp.locks.filled_name) == ("of_prod_lock", "of_cons_lock")
        assert _inits(fp.locks) == inits


def test_a_constant_mem_tile_fifo_keeps_its_locks_when_the_sequence_rearms_it():
    # init_values/init_values_relaunch_skips_source_locks.mlir @ 8c44b61f: @wts (1,1) -> (1,2), depth 1, one init
    # value, no link. @relaunch: CHECK-NOT wts_prod_lock_0 / wts_cons_lock_0, wts_cons_prod_lock_0 init 1.
    # @rearmed, named by aiex.dma_channel_reset_for(@wts): wts_prod_lock_0 init 0 and wts_cons_lock_0 kept.
    d = design(NPU1, [fifo("wts", (1, 1), [(1, 2)], 1, 16, acquire={(1, 2): 1})])
    d.fifos[0].init_values = True
    producer = _ends(d, P2026).fifos["wts"].producer
    assert producer.static_init and producer.locks is None
    assert lower(d, NPU1, P2026).tile((1, 1)).locks == 0
    assert _inits(_ends(d, P2026).fifos["wts"].consumers[0].locks) == (1, 0)
    d.fifos[0].rearmed = True
    producer = _ends(d, P2026).fifos["wts"].producer
    assert not producer.static_init and producer.locks.free_name == "wts_prod_lock"
    assert _inits(producer.locks) == (0, 1)  # the CHECK's 7 is 1 x its repeat_count 7, which this design has not
    assert lower(d, NPU1, P2026).tile((1, 1)).locks == 2


CYCLOSTATIC_DMA = """
module @aie2_cyclostatic_dma {
  aie.device(xcve2302) {
    %t0 = aie.tile(2, 2)
    %t1 = aie.tile(8, 3)
    aie.objectfifo @fifo (%t0, {%t1}, 4 : i32) : !aie.objectfifo<memref<i32>>
    %c0 = aie.core(%t0) {
      %s = aie.objectfifo.acquire @fifo (Produce, 1) : !aie.objectfifosubview<memref<i32>>
      aie.objectfifo.release @fifo (Produce, 1)
      aie.end
    }
    %c1 = aie.core(%t1) {
      %s = aie.objectfifo.acquire @fifo (Consume, 2) : !aie.objectfifosubview<memref<i32>>
      aie.objectfifo.release @fifo (Consume, 2)
      aie.end
    }
  }
}
"""


def test_two_cores_of_one_chain_keep_their_own_acquires(tmp_path):
    # access_patterns/AIE2_cyclostatic_dma.mlir @ ef57eec4: the producer core acquires 1, the consumer 2 (depth 4).
    # CHECK: fifo_buff_0/1 and fifo_prod_lock init 2 on tile (2, 2); fifo_cons_buff_0..2, fifo_cons_prod_lock
    # init 3 on tile (8, 3). Both cores run no known kernel, so the reader's chain numbering once named them alike.
    path = tmp_path / "cyclostatic_dma.mlir"
    path.write_text(CYCLOSTATIC_DMA)
    ev = partitioner.read(path, verify_sources=False, mlir_aie="2026")
    assert len({w.name for w in ev.design.workers}) == 2
    assert {p.name: p.count for p in ev.lowered.pools["fifo"]} == {"fifo": 2, "fifo_cons": 3}
    ends = fifo_ends(ev.design, ev.lowered, ev.device, ev.profile).fifos["fifo"]
    assert [_inits(e.locks) for e in ends.ends] == [(2, 0), (3, 0)]


def test_a_producers_repeat_count_multiplies_mlir_aies_lock_values_not_the_objects():
    # createObjectFifoLocks (search id 56680629433): prod (numElem - initValues) * repeatCount, cons
    # initValues * repeatCount, on the producer's split FIFO only. init_values/init_values_repeat_test.mlir
    # @ 5fdac2c1: @of0 (1,2) -> (1,3), depth 2, repeat_count 3, two init values: of0_prod_lock_0 0,
    # of0_cons_lock_0 6, of0_cons_prod_lock_0 2. bd_chain_on_memtile/bd_chain_with_repeat_count.mlir @ bea53067:
    # @of1 (1,1) -> (1,3), depth 1, repeat_count 3: of1_prod_lock_0 3, of1_cons_prod_lock_0 1.
    d = design(NPU1, [fifo("of0", (1, 2), [(1, 3)], 2, 4), fifo("of1", (1, 1), [(1, 3)], 1, 16)], cores=[None])
    d.fifos[0].init_values = True
    for f in d.fifos:
        f.repeat_count = 3
    ends = _ends(d, P2026)
    lowered = {e.name: (e.locks.lowered_free_init, e.locks.lowered_filled_init)
               for name in ("of0", "of1") for e in ends.fifos[name].ends}
    assert lowered == {"of0": (0, 6), "of0_cons": (2, 0), "of1": (3, 0), "of1_cons": (1, 0)}
    # the token engines count objects: the producer pair still holds the pool's buffers
    assert _inits(ends.fifos["of0"].producer.locks) == (0, 2) and _inits(ends.fifos["of1"].producer.locks) == (1, 0)


REARMED = """
module @rearmed {
  aie.device(npu2) {
    %mem_tile = aie.tile(1, 1)
    %ct = aie.tile(1, 2)
    aie.objectfifo @wts(%mem_tile, {%ct}, 1 : i32) : !aie.objectfifo<memref<16xi32>> = [dense<3> : memref<16xi32>]
    aie.objectfifo @other(%mem_tile, {%ct}, 1 : i32) : !aie.objectfifo<memref<16xi32>> = [dense<4> : memref<16xi32>]
    aie.runtime_sequence() {
      aiex.dma_channel_reset_for(@wts)
    }
  }
}
"""


def test_the_reader_marks_the_fifos_a_sequence_rearms(tmp_path):
    # init_values_relaunch_skips_source_locks.mlir @ 8c44b61f, @rearmed: the FIFO aiex.dma_channel_reset_for names
    # keeps its source locks; one it does not name has none (2026).
    path = tmp_path / "rearmed.mlir"
    path.write_text(REARMED)
    ev = partitioner.read(path, verify_sources=False, mlir_aie="2026")
    assert {f.name: f.rearmed for f in ev.design.fifos} == {"wts": True, "other": False}
    ends = fifo_ends(ev.design, ev.lowered, ev.device, ev.profile).fifos
    assert ends["wts"].producer.locks is not None and ends["other"].producer.locks is None


def test_dma_channels_go_out_in_program_order_not_owners_first():
    # bd_chain_on_memtile/chain_with_split_and_join.mlir @ e38a76a7 (npu1_1col): @in (0,0) -> (0,1), 1024xui8,
    # distributed to @split_0 -> (0,2) and @split_1 -> (0,3) (512 each); @join_0 (0,2) and @join_1 (0,3) joined
    # into @out (0,1) -> (0,0); ops in that order. CHECK on the mem tile: S2MM 0 in (4 BDs), MM2S 0 split_0,
    # MM2S 1 split_1, S2MM 1 join_0, S2MM 2 join_1, MM2S 2 out (4 BDs). The owners (@in, @out) do not go first.
    specs = [fifo("in", (0, 0), [(0, 1)], 2, 1024, "i8"), fifo("split_0", (0, 1), [(0, 2)], 2, 512, "i8"),
             fifo("split_1", (0, 1), [(0, 3)], 2, 512, "i8"), fifo("join_0", (0, 2), [(0, 1)], 2, 512, "i8"),
             fifo("join_1", (0, 3), [(0, 1)], 2, 512, "i8"), fifo("out", (0, 1), [(0, 0)], 2, 1024, "i8")]
    links = [Link("in_split", "distribute", ["in"], ["split_0", "split_1"], [0, 512], tile=(0, 1)),
             Link("out_join", "join", ["join_0", "join_1"], ["out"], [0, 512], tile=(0, 1))]
    low = lower(design(NPU1, specs, links, cores=[None]), NPU1, P2025)
    assert channels(low, (0, 1)) == [("in", 0, "in_cons", 4), ("in", 1, "join_0_cons", 2), ("in", 2, "join_1_cons", 2),
                                     ("out", 0, "split_0", 2), ("out", 1, "split_1", 2), ("out", 2, "out", 4)]


def test_a_hand_written_dma_channel_is_skipped():
    # DMAChannelAnalysis (search id 56680629433) marks the channels an existing aie.mem / aie.memtile_dma starts;
    # getDMAChannelIndex hands out the lowest index not marked.
    d = design(NPU1, [fifo("of", (2, 1), [(2, 2)], 2, 16)], cores=[None])
    d.dma_channels = [DmaChannelDecl((2, 1), "out", 0, 1)]
    assert ("out", 1, "of", 2) in channels(lower(d, NPU1, P2025), (2, 1))


def test_a_bounded_chain_on_a_mem_tile_writes_a_single_buffers_repeats_out():
    # bd_chain_on_memtile/bd_chain_with_repeat_count.mlir @ bea53067 (npu1): @of1 (1,1) -> (1,3), depth 1,
    # repeat_count 3, iter_count 5. CHECK: MM2S 0 on the mem tile walks 3 BDs of of1_buff_0 (dma_start
    # repeat_count = 4); the consumer's S2MM 1 BD. Without iter_count one buffer takes the hardware repeat: 1 BD.
    d = design(NPU1, [fifo("of1", (1, 1), [(1, 3)], 1, 16)], cores=[None])
    d.fifos[0].repeat_count = 3
    assert channels(lower(d, NPU1, P2026), (1, 1)) == [("out", 0, "of1", 1)]
    d.fifos[0].iter_count = 5
    low = lower(d, NPU1, P2026)
    assert channels(low, (1, 1)) == [("out", 0, "of1", 3)]
    assert channels(low, (1, 3)) == [("in", 0, "of1_cons", 1)]


def test_ends_whose_buffers_spilled_take_their_channels_first():
    # adjacent_memtile_allocation/twofifo_on_2memtile.mlir @ 42c31aa6 (npu1): @in0 (0,0) -> (0,1) 64000xi32 linked
    # to @in1 (0,1) -> (0,2) 8xi32; @out1 (0,2) -> (0,1) 8xi32 linked to @out0 (0,1) -> (0,0) 64000xi32; depth 2.
    # in0_cons (2 x 256,000 B) fills the mem tile, out0's buffers go to (1,1). CHECK: aie.flow(shim DMA 0 -> mem
    # DMA 1), (mem DMA 1 -> tile_0_2 DMA 0), (mem DMA 0 -> shim DMA 0), (tile_0_2 DMA 0 -> mem DMA 0): the
    # cross-tile out path is served first (analyzeCrossTileFIFOBuffers, search id 56680629433).
    specs = [fifo("in0", (0, 0), [(0, 1)], 2, 64000), fifo("in1", (0, 1), [(0, 2)], 2, 8),
             fifo("out0", (0, 1), [(0, 0)], 2, 64000), fifo("out1", (0, 2), [(0, 1)], 2, 8)]
    links = [Link("in", "distribute", ["in0"], ["in1"], [0], tile=(0, 1)),
             Link("out", "join", ["out1"], ["out0"], [0], tile=(0, 1))]
    for profile in (P2025, P2026):
        low = lower(design(NPU1, specs, links, cores=[None]), NPU1, profile)
        assert {b.name for b in low.tile((1, 1)).buffers} == {"out0_buff_0", "out0_buff_1"}
        assert channels(low, (0, 1)) == [("in", 0, "out1_cons", 2), ("in", 1, "in0_cons", 2),
                                         ("out", 0, "out0", 2), ("out", 1, "in1", 2)]
