"""`npu-tiler partition`: the JSON contract scripts depend on, the exit codes, one-line errors."""
import json

import pytest


@pytest.fixture
def run(cli):
    return lambda *args: cli("partition", *args)


def test_json_contract_for_a_fitting_design(run):
    r = run("--kernel", "mel", "--batch", "100", "--tiles", "4", "--strategy", "split", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"fits", "tiles", "errors", "placement"} and out["fits"] is True and out["errors"] == []
    # one column; split: every FIFO through DMA: in (shim -> mem, mem -> 4 workers), out (4 -> mem, mem -> shim)
    assert out["placement"] == {"columns": 1, "shared_links": 0, "dma_links": 10}
    for t in out["tiles"]:
        assert set(t) == {"tile", "kind", "bytes_used", "bytes_capacity", "buffers", "dma_in", "dma_out",
                          "locks", "bds"}
        assert t["kind"] in ("compute", "mem", "shim") and len(t["tile"]) == 2
        for b in t["buffers"]:
            assert set(b) == {"name", "bytes", "address"}
    compute = [t for t in out["tiles"] if t["kind"] == "compute"]
    assert len(compute) == 4 and all(t["bytes_capacity"] == 65536 for t in compute)
    # Each compute tile: stack + 2 x 20,000 in + 2 x 4,000 out + the kernel's measured static data
    # + the default profile's (2025.09) dynamic ObjectFIFO state: one i32 per FIFO port the core
    # acquires (mlir-aie PR #2549; dynamic_lowering/same_depth_objectfifos_test.mlir), in and out.
    from partitioner.kernel_spec import load

    static = load("mel").static_data_bytes
    assert all(t["bytes_used"] == 1024 + 40_000 + 8_000 + static + 2 * 4 for t in compute)


def test_exit_1_with_reasons_when_it_does_not_fit(run):
    r = run("--kernel", "seed-mel", "--batch", "100", "--tiles", "1", "--strategy", "single", "--json")
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["fits"] is False
    assert "allocated buffers exceeded available memory" in out["errors"][0]
    text = run("--kernel", "seed-mel", "--batch", "100", "--tiles", "1", "--strategy", "single")
    assert text.returncode == 1 and "would fit with:" in text.stdout and "MemoryMap:" in text.stdout


def test_text_output_shows_the_placement_and_table(run):
    r = run("--strategy", "hybrid", "--object-frames", "10")
    assert r.returncode == 0
    assert "row 2" in r.stdout and "spectrum_0_0" in r.stdout and "shared memory" in r.stdout
    assert "fits: yes" in r.stdout


@pytest.mark.parametrize("args", [
    ["--batch", "0"], ["--batch", "3", "--tiles", "4"], ["--device", "npu9"], ["--kernel", "foo"], ["--depth", "-1"],
    ["--tiles", "17"], ["--strategy", "bogus"], ["--batch", "x"],
])
def test_bad_arguments_exit_2_with_one_line(run, args):
    r = run(*args)
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr and r.stdout == ""


def test_placer_search_json_placement_and_default_unchanged(run):
    # pipeline of 2 stages: the stage link in shared memory, shim -> head and tail -> shim by DMA.
    args = ("--strategy", "pipeline", "--tiles", "2", "--batch", "20", "--object-frames", "10", "--json")
    col, srch = run(*args), run(*args, "--placer", "search")
    assert col.returncode == 0 and srch.returncode == 0, (col.stderr, srch.stderr)
    a, b = json.loads(col.stdout), json.loads(srch.stdout)
    assert a["placement"] == b["placement"] == {"columns": 1, "shared_links": 1, "dma_links": 2}
    assert [t["tile"] for t in a["tiles"]] == [t["tile"] for t in b["tiles"]] == [[0, 0], [0, 2], [0, 3]]


@pytest.mark.parametrize("device,tiles,columns", [("npu1_1col", 4, 1), ("npu1_2col", 8, 2)])
def test_placer_search_places_into_a_partial_array(run, device, tiles, columns):
    # npu1_1col/npu1_2col: mlir-aie AIEAttrs.td's partial npu1 arrays (params/devices.toml).
    r = run("--device", device, "--tiles", str(tiles), "--batch", str(10 * tiles), "--object-frames", "10",
            "--placer", "search", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["placement"]["columns"] == columns
    assert {t["tile"][0] for t in out["tiles"]} == set(range(columns))
    assert sum(t["kind"] == "compute" for t in out["tiles"]) == tiles


def test_unknown_placer_exits_2(run):
    r = run("--placer", "diagonal")
    assert r.returncode == 2 and "--placer" in r.stderr


def test_check_json_has_the_placement_of_a_kept_design(cli):
    from partitioner.emitters import DESIGNS_DIR

    r = cli("check", str(DESIGNS_DIR / "batch100_split4" / "aie.mlir"), "--json")
    assert r.returncode == 0, r.stderr
    # the same counts as `partition --json` of the design it was emitted from (split over 4 tiles)
    assert json.loads(r.stdout)["placement"] == {"columns": 1, "shared_links": 0, "dma_links": 10}


def test_emit_with_the_search_placer_writes_its_placement(cli, tmp_path):
    import partitioner

    args = ("--strategy", "hybrid", "--tiles", "8", "--batch", "100", "--depth", "2")
    r = cli("emit", *args, "--placer", "search", "--out", str(tmp_path / "d"))
    assert r.returncode == 0, r.stderr
    ev = partitioner.read(tmp_path / "d")
    # depth 2 fits only with each logmel stage west of its spectrum stage (the pool on the consumer)
    assert ev.fits and ev.design.depth == 2
    assert sorted(w.tile for w in ev.design.workers if w.entry == "logmel") == [(0, 2), (0, 3), (0, 4), (0, 5)]
    r = cli("emit", "--all", "--placer", "search", "--out", str(tmp_path / "all"))
    assert r.returncode == 2 and "--placer" in r.stderr


def test_search_placer_text_names_the_smallest_array(run):
    # split over 8 tiles: two column groups of 4 workers (4 compute rows per column) -> npu1_2col
    r = run("--tiles", "8", "--batch", "100", "--placer", "search")
    assert r.returncode == 0, r.stderr
    assert "placement (search): 2 column(s), 0 FIFO(s) in shared memory, 20 DMA link(s); " \
           "smallest array it fits: npu1_2col" in r.stdout
