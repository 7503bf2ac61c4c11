"""The device graph follows npu1's documented geometry and AIE2's memory-affinity rule."""
import pytest

from partitioner.device import available, load, model
from partitioner.errors import UserError
from partitioner.check import evaluate_options
from partitioner.design import Options


def test_npu1_geometry_and_resources():
    d = load("npu1")
    g = d.graph
    assert len(g) == 4 * 6
    kinds = {k: sum(1 for _, a in g.nodes(data=True) if a["kind"] == k) for k in ("shim", "mem", "compute")}
    assert kinds == {"shim": 4, "mem": 4, "compute": 16}
    assert g.nodes[(0, 2)]["memory_bytes"] == 0x10000 and g.nodes[(0, 1)]["memory_bytes"] == 0x80000
    assert (g.nodes[(0, 2)]["locks"], g.nodes[(0, 1)]["locks"], g.nodes[(0, 0)]["locks"]) == (16, 64, 16)
    assert (g.nodes[(0, 2)]["bds"], g.nodes[(0, 1)]["bds"], g.nodes[(0, 0)]["bds"]) == (16, 48, 16)
    assert (g.nodes[(0, 1)]["dma_in"], g.nodes[(0, 1)]["dma_out"]) == (6, 6)
    devices = {n: load(n).columns for n in available()}
    assert {"npu1", "npu1_1col", "npu1_2col", "npu1_3col", "npu2"} <= set(devices)
    assert all(devices[n] == MLIR_AIE_COLUMNS[n] for n in devices), devices  # only mlir-aie's devices, its sizes


# Columns of mlir-aie's AIE2-family devices (AIEDevice enum; AIETargetModel.h: VirtualizedNPU1TargetModel(n),
# NPU2TargetModel / VirtualizedNPU2TargetModel(n), VE2302TargetModel, VE2802TargetModel).
MLIR_AIE_COLUMNS = {"npu1": 4, **{f"npu1_{n}col": n for n in range(1, 5)},
                    "npu2": 8, **{f"npu2_{n}col": n for n in range(1, 8)}, "xcve2302": 17, "xcve2802": 38}


def memories_reached(d, core):
    return 1 + sum(1 for _, v, a in d.graph.out_edges(core, data=True) if a.get("reach"))


def test_memories_a_core_reaches_by_row_and_column():
    # npu1-facts section 2: row 2 sees 3 memories, rows 3-4 see 4, row 5 sees 3; column 0 one fewer.
    d = load("npu1")
    assert [memories_reached(d, (1, r)) for r in (2, 3, 4, 5)] == [3, 4, 4, 3]
    assert [memories_reached(d, (0, r)) for r in (2, 3, 4, 5)] == [2, 3, 3, 2]
    # never a mem tile, never the east neighbour
    assert not d.reaches((1, 2), (1, 1)) and not d.reaches((1, 2), (2, 2)) and d.reaches((2, 2), (1, 2))


def test_shared_pool_placement_follows_the_transform():
    d = load("npu1")
    assert d.shared_memory_pool((1, 2), (1, 3)) == (1, 2)  # consumer reaches south: on the producer
    assert d.shared_memory_pool((1, 2), (2, 2)) == (1, 2)  # consumer reaches west
    assert d.shared_memory_pool((2, 2), (1, 2)) == (1, 2)  # only the producer reaches: on the consumer
    assert d.shared_memory_pool((1, 2), (3, 3)) is None
    assert d.shared_memory_pool((1, 1), (1, 2)) is None  # mem tiles never share with cores


def test_tiles_outside_the_array_are_refused():
    with pytest.raises(UserError, match="outside npu1"):
        load("npu1").kind_of((4, 2))


def test_device_file_overrides_a_figure(tmp_path):
    # A compute tile with half the memory: the 48,100 B seed split no longer fits.
    f = tmp_path / "small.toml"
    f.write_text("[tile.compute]\nmemory_bytes = 32768\n")
    base = Options(kernel="seed-mel", batch=100, tiles=4, depth=2)
    assert evaluate_options(base).fits
    small = evaluate_options(Options(kernel="seed-mel", batch=100, tiles=4, depth=2, device_file=str(f)))
    assert not small.fits and "of 32,768 B" in small.errors[0]


# npu1-facts.md section 10, row 1: `npu1` becomes the 4-column virtualised model, shims in row 0
def test_one_device_model_for_the_partitioner_and_the_dialect():
    vc1902 = model("xcvc1902")  # AIE1: the dialect reads it, the partitioner refuses it
    assert (vc1902.generation, vc1902.columns, vc1902.rows, vc1902.mem_rows) == ("aie1", 50, 9, ())
    assert vc1902.is_shim_noc((2, 0)) and not vc1902.is_shim_noc((0, 0)) and not vc1902.is_shim_noc((2, 1))
    assert "xcvc1902" not in available()
    with pytest.raises(UserError, match="AIE1"):
        load("xcvc1902")
    npu1 = load("npu1")
    assert npu1.noc_columns is None and npu1.is_shim_noc((3, 0)) and npu1.contains((3, 5)) and not npu1.contains((4, 0))
    assert npu1.kinds["compute"].program_memory_bytes == 16384 and npu1.kinds["mem"].program_memory_bytes == 0
    assert model("npu2_3col").columns == 3 and model("npu2_3col").generation == "aie2p"
