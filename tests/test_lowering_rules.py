"""The lowering model against the cases in mlir-aie's own tests.

Each test rebuilds the input of one file under Xilinx/mlir-aie
``test/objectFifo-stateful-transform/`` and checks the pools, locks, DMA
channels and BDs that its CHECK lines expect (as read and summarised in
docs/research/mlir-aie-lowering.md section 4; commits listed there).
"""
import pytest

from partitioner.design import Link
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
# ObjectFifo does not declare aie_stream yet (partitioner/design.py; the reader does not fill it): these tests set
# it on the instance, as partitioner.lowering.stream_end reads it.

def _streaming(spec, end, cores=(None,)):
    d = design(NPU1, [spec], cores=list(cores))
    d.fifos[0].aie_stream = end
    return d


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
