"""The timing model: the seed's baseline reproduced, the same parameters for everything else."""
import json

import pytest

from partitioner import emitters as em
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.kernel_spec import load as load_kernel
from reports import seed_table
from sim import timing
from partitioner.params import seed as load_seed
from partitioner.params import timing as load_params

PARAMS = load_params()
SEED_FRAMES = 628_163


def seed(batch, **kw):
    return evaluate_options(Options(kernel="seed-mel", strategy="single", batch=batch, tiles=1, **kw))


def test_seed_single_frame_baseline_is_about_134_s():
    # One call per frame at 213.3 us: 628,163 x 213.3e-6 = 133.99 s, plus the device time
    # of one 800 B frame in and 80 B out (a few hundred cycles: well under a microsecond).
    t = timing.model(seed(1), SEED_FRAMES, PARAMS)
    assert t.npu_calls == SEED_FRAMES
    assert t.device_seconds_per_call < 1e-6
    assert 133.5 < t.modeled_seconds < 134.7


def test_batching_cuts_the_per_call_cost_with_the_same_parameters():
    t20 = timing.model(seed(20), SEED_FRAMES, PARAMS)
    assert t20.npu_calls == 31_409  # ceil(628,163 / 20)
    overhead = 31_409 * 213.3e-6  # 6.70 s
    assert overhead < t20.modeled_seconds < overhead + 31_409 * 30e-6


def test_compute_bound_call_follows_the_kernels_cycles():
    ev = evaluate_options(Options(batch=100, tiles=4))
    cycles = timing.device_cycles_per_call(ev, PARAMS)
    per_frame = load_kernel("mel").cycles_per_frame("frames")
    compute = 25 * per_frame + PARAMS.kernel_call_cycles  # each tile: one 25-frame object
    # Lower bound: one tile's kernel call. Upper: plus moving the whole call's data serially.
    serial_dma = (100 * 800 * 2 + 100 * 160 * 2) / PARAMS.dma_bytes_per_cycle + 20 * PARAMS.bd_setup_cycles
    assert compute < cycles < compute + serial_dma + 100 * PARAMS.lock_cycles
    # Four tiles in parallel: well under a quarter of one tile doing all 100 frames.
    one = timing.device_cycles_per_call(evaluate_options(Options(strategy="single", batch=100, tiles=1,
                                                                 object_frames=25)), PARAMS)
    assert cycles < 0.3 * one


def test_parameters_override_from_a_file(tmp_path):
    f = tmp_path / "fast.toml"
    f.write_text("[device]\nclock_hz = 2.0e9\n")
    ev = evaluate_options(Options(batch=100, tiles=4))
    slow = timing.model(ev, 1000, PARAMS)
    fast = timing.model(ev, 1000, load_params(f))
    assert fast.device_seconds_per_call == pytest.approx(slow.device_seconds_per_call / 2)


def test_chrome_trace_has_a_track_per_tile_and_channel(cli, tmp_path):
    out = tmp_path / "t.json"
    r = cli("simulate", em.DESIGNS_DIR / "batch100_split4", "--timing-only", "--frames", "500", "--trace", out,
            "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["npu_calls"] == 5
    trace = json.loads(out.read_text())
    names = {e["args"]["name"] for e in trace["traceEvents"] if e.get("name") == "thread_name"}
    assert {"host", "core (0, 2)", "core (0, 5)"} <= names
    assert any(n.startswith("shim (0, 0) MM2S") for n in names) and any(n.startswith("dma (0, 1)->(0, 3)") for n in names)
    spans = [e for e in trace["traceEvents"] if e["ph"] == "X"]
    assert all(e["dur"] >= 0 and e["ts"] >= 0 for e in spans)


def test_seed_table_puts_each_seed_figure_next_to_the_model_of_that_configuration():
    table = seed_table.rows(PARAMS)
    rows = {r.name: r for r in table}
    published = load_seed().rows
    # The seed's configurations first, in seed.toml's order, each with its own published figure ...
    assert [r.name for r in table[:len(published)]] == [p.name for p in published]
    for p in published:
        r = rows[p.name]
        assert r.seed_says == p.published, p.name
        assert r.calls == -(-SEED_FRAMES // p.options["batch"]), p.name  # one call per batch, the last padded
    # ... then every kept design, with no seed figure.
    kept = table[len(published):]
    assert [r.name for r in kept] == [f"mel {c.name}" for c in em.CANONICAL] and all(r.seed_says == "" for r in kept)
    assert rows["seed single-frame"].speedup == pytest.approx(1.0, abs=0.01)  # the seed's 134 s is the unit
    assert rows["seed batch-20"].fits and not rows["seed batch-100, 1 tile"].fits
    # The seed's estimates order its configurations: more frames per call, faster. So does the model.
    order = ["seed single-frame", "seed batch-10", "seed batch-20", "seed batch-100, split 4"]
    assert [rows[n].modeled_s for n in order] == sorted((rows[n].modeled_s for n in order), reverse=True)
    # The rendered table: the seed's batch-10 estimate (COMPILATION_SUCCESS_SUMMARY.md) on the line of
    # the model's batch-10 row, whose 628,163 frames take ceil(628,163 / 10) = 62,817 calls.
    line = next(t for t in seed_table.render(table).splitlines() if t.startswith("seed batch-10 "))
    assert " 62,817 " in line and line.endswith("16-22 s, 6-8x")


def test_the_kernel_band_orders_the_device_time_and_the_default_is_the_high_end():
    ev = evaluate_options(Options(batch=100, tiles=4))
    low = timing.device_cycles_per_call(ev, timing.with_cost(PARAMS, "scalar", "low"))
    high = timing.device_cycles_per_call(ev, timing.with_cost(PARAMS, "scalar", "high"))
    assert low < high == timing.device_cycles_per_call(ev, PARAMS)
    per_frame = load_kernel("mel").cycle_band("frames")
    assert per_frame.low * 25 < low and per_frame.high * 25 < high  # each tile runs 25 frames per call
    t = timing.model(ev, SEED_FRAMES, PARAMS)
    assert t.band == (pytest.approx(6282 * (PARAMS.per_call_overhead_s + PARAMS.seconds(low))),
                      pytest.approx(6282 * (PARAMS.per_call_overhead_s + PARAMS.seconds(high))))
    assert timing.format_band(t.band) == t.band_text() and "-" in t.band_text()
