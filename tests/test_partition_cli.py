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
    assert set(out) == {"fits", "tiles", "errors"} and out["fits"] is True and out["errors"] == []
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
