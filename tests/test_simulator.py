"""The functional simulator: every kept design bit-exact with the baseline, the padding rule,
deadlocks found and named, and bad input refused."""
import dataclasses
import json
import shutil

import numpy as np
import pytest

from partitioner import emitters as em
from partitioner.check import evaluate_options
from partitioner.design import Options
import partitioner
import sim
from kernels.mel_tools import fixtures, framing, kernel
from sim import dataflow
from sim.engine import Deadlock, SimulationError
from partitioner.params import timing as load_params

PARAMS = load_params()
DESIGNS = sorted(p for p in em.DESIGNS_DIR.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def baseline_outputs():
    base = partitioner.read(sim.BASELINE_DIR)
    return {n: sim.CallRunner(base, PARAMS).run_audio(fixtures.load(n)) for n in fixtures.names()}


def test_baseline_equals_the_kernel_called_directly(baseline_outputs):
    # Independent of any design: the host-built kernel on Whisper's frames.
    for n, out in baseline_outputs.items():
        np.testing.assert_array_equal(out, kernel.mel_frames(framing.frames(fixtures.load(n))))


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
def test_every_kept_design_is_bit_exact_with_the_baseline(design, baseline_outputs):
    ev = partitioner.read(design)
    for n in fixtures.names():
        got = sim.CallRunner(ev, PARAMS).run_audio(fixtures.load(n))
        cmp = sim.compare(got, baseline_outputs[n])
        assert cmp.bit_exact, f"{design.name} on {n}: first difference at frame/bin {cmp.first_difference}"


def test_simulate_command_json_contract(cli):
    r = cli("simulate", str(em.DESIGNS_DIR / "batch100_split4"), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"design", "frames", "bit_exact_vs_baseline", "max_abs_diff", "modeled_seconds",
                        "npu_calls", "dma_bytes"}
    assert out["bit_exact_vs_baseline"] is True and out["max_abs_diff"] == 0
    assert out["frames"] == sum(fixtures.load(n).size // 160 for n in fixtures.names())
    # 10 utterances, each ceil(frames / 100) calls; each call moves 100 x 800 B in and 100 x 160 B out.
    calls = sum(-(-(fixtures.load(n).size // 160) // 100) for n in fixtures.names())
    assert out["npu_calls"] == calls and out["dma_bytes"] == calls * (100 * 800 + 100 * 160)


def test_padding_rule_last_call_is_padded_and_dropped(tmp_path):
    # 1,234 frames: 13 calls of 100, the last with 34 real frames and 66 padded ones.
    rng = np.random.default_rng(7)
    audio = np.clip(rng.normal(0, 5000, 1234 * 160 + 37), -32768, 32767).astype(np.int16)
    want = kernel.mel_frames(framing.frames(audio))
    assert want.shape == (1234, 80)
    for mode in ("framed", "dma-framed", "streamed"):
        ev = evaluate_options(Options(batch=100, tiles=4, frame_mode=mode))
        np.testing.assert_array_equal(sim.CallRunner(ev, PARAMS).run_audio(audio), want)


def test_a_broken_design_is_reported_not_bit_exact(cli, tmp_path):
    # Swap the join's offsets: tiles' outputs land in each other's slots.
    src = em.DESIGNS_DIR / "batch100_split4"
    shutil.copytree(src, tmp_path / "d")
    mlir = (tmp_path / "d" / "aie.mlir").read_text()
    mlir = mlir.replace("-> [@out0]([0, 2000, 4000, 6000] [])", "-> [@out0]([2000, 0, 4000, 6000] [])")
    (tmp_path / "d" / "aie.mlir").write_text(mlir)
    r = cli("simulate", str(tmp_path / "d"), "--audio", str(_wav(tmp_path)))
    assert r.returncode == 1 and "DIFFERS" in r.stdout and "frame 0 bin 0" in r.stdout


def _wav(tmp_path):
    from kernels.mel_tools.audio import save_wav

    path = tmp_path / "a.wav"
    save_wav(path, fixtures.load("speech_en_sc"))
    return path


def _evaluated(**kw):
    return evaluate_options(Options(**kw))


def test_deadlock_worker_acquiring_more_than_its_pool_holds():
    ev = _evaluated(batch=100, tiles=4)
    f = ev.design.fifo("in0_1")
    f.acquire[f.consumers[0]] = 3  # the pool holds 2
    net = dataflow.build(ev, PARAMS, execute=False)
    with pytest.raises(Deadlock) as info:
        dataflow.run_call(net, None)
    msg = str(info.value)
    assert "frames_0_1 waits to read 3 of in0_1_cons" in msg and "shim out0" in msg


def test_deadlock_cycle_of_fifos():
    # Two stages that each wait for the other's output first: feed the pipeline's tail back to its head.
    ev = _evaluated(strategy="pipeline", batch=100, tiles=2, object_frames=10)
    d = ev.design
    head, tail = d.workers
    s = d.fifo("s0_0_0")
    # The head now also waits for an object from the tail before producing anything.
    loop = dataclasses.replace(s, name="back", producer=tail.name, consumers=[head.name],
                               producer_tile=tail.tile, consumer_tiles=[head.tile], acquire={tail.name: 1, head.name: 1})
    d.fifos.append(loop)
    head.inputs.insert(0, "back")
    tail.outputs.append("back")
    from partitioner.check import evaluate

    ev2 = evaluate(d)
    net = dataflow.build(ev2, PARAMS, execute=False)
    with pytest.raises(Deadlock) as info:
        dataflow.run_call(net, None)
    assert "spectrum_0_0 waits to read 1 of back" in str(info.value)
    assert "logmel_0_0 waits to read 1 of s0_0_0" in str(info.value)


def test_deadlock_when_the_host_expects_more_than_the_join_delivers():
    # Too shallow a join: the sequence drains two big objects per call, the tiles make one.
    ev = _evaluated(batch=100, tiles=4)
    t_out = next(t for t in ev.design.sequence.transfers if t.direction == "out")
    t_out.sizes = [1, 1, 1, t_out.sizes[3] * 2]
    net = dataflow.build(ev, PARAMS, execute=False)
    with pytest.raises(Deadlock) as info:
        dataflow.run_call(net, None)
    assert "shim out0" in str(info.value) and "waits to read 1 of out0" in str(info.value)


def test_step_bound_stops_a_run_that_does_not_end():
    ev = _evaluated(batch=100, tiles=4)
    net = dataflow.build(ev, PARAMS, execute=False)
    net.engine.max_steps = 10
    with pytest.raises(SimulationError, match="no end after 10 steps"):
        dataflow.run_call(net, None)


def test_bad_input_exits_2(cli, tmp_path):
    r = cli("simulate", str(tmp_path / "nope"))
    assert r.returncode == 2 and "does not exist" in r.stderr
    shutil.copytree(em.DESIGNS_DIR / "batch20_1tile", tmp_path / "d")
    m = json.loads((tmp_path / "d" / "manifest.json").read_text())
    m["kernel"]["source_sha256"] = "0" * 64
    (tmp_path / "d" / "manifest.json").write_text(json.dumps(m))
    r = cli("simulate", str(tmp_path / "d"))
    assert r.returncode == 2 and "another version of kernel mel" in r.stderr
    (tmp_path / "x.wav").write_text("not audio")
    r = cli("simulate", str(em.DESIGNS_DIR / "batch20_1tile"), "--audio", str(tmp_path / "x.wav"))
    assert r.returncode == 2 and "cannot read" in r.stderr
    for r in [cli("simulate", str(tmp_path / "nope"))]:
        assert len(r.stderr.strip().splitlines()) == 1


def test_footprint_only_kernel_runs_in_timing_only_mode(cli, tmp_path):
    out = em.emit(evaluate_options(Options(kernel="seed-mel", strategy="single", batch=20, tiles=1)), tmp_path / "s")
    r = cli("simulate", str(out), "--audio", str(_wav(tmp_path)))
    assert r.returncode == 2 and "no source" in r.stderr
    r = cli("simulate", str(out), "--timing-only", "--frames", "1000", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["npu_calls"] == 50
