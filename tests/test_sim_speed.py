"""The simulator's faster paths give the plain path's bits: several networks on threads against one
network in order, calls cut per range, the padded audio never built whole; and the host build's flags."""
from __future__ import annotations

import doctest
import importlib.util
import os
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partitioner
import sim
from partitioner import emitters as em
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.params import timing as load_params
from kernels.mel_tools import fixtures, framing, hostbuild, kernel, melfilters, reference
from sim import dataflow, host

PARAMS = load_params()
DESIGNS = sorted(p for p in em.DESIGNS_DIR.iterdir() if p.is_dir())


def _audio(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.integers(-30000, 30001, n).astype(np.int16)


# Sample counts: one short call, a batch boundary plus change, and several calls with a padded last one.
LENGTHS = [(350, 1), (16000 + 37, 2), (160 * 523 + 159, 3)]


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
def test_threads_equal_the_plain_path_bit_for_bit(design):
    ev = partitioner.read(design)
    for n, seed in LENGTHS:
        a = _audio(n, seed)
        plain = sim.CallRunner(ev, PARAMS).run_audio(a, threads=1)
        np.testing.assert_array_equal(plain, kernel.mel_frames(framing.frames(a)))
        for threads in (2, 3):
            r = sim.CallRunner(ev, PARAMS)
            got = r.run_audio(a, threads=threads)
            assert got.dtype == plain.dtype and got.shape == plain.shape
            np.testing.assert_array_equal(got, plain, err_msg=f"{design.name}, {n} samples, {threads} threads")
            calls = host.n_calls(ev.design, n // 160)
            assert r.last_run["path"] == "dataflow"
            assert r.last_run["threads"] == min(threads, calls)


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
@settings(max_examples=4, deadline=None, derandomize=True, database=None)
@given(n=st.integers(201, 160 * 450), seed=st.integers(0, 2**32 - 1), threads=st.integers(2, 4))
def test_threads_equal_the_plain_path_on_random_lengths(design, n, seed, threads):
    ev = _kept(design)
    a = _audio(n, seed)
    np.testing.assert_array_equal(sim.CallRunner(ev, PARAMS).run_audio(a, threads=threads),
                                  sim.CallRunner(ev, PARAMS).run_audio(a, threads=1))


_KEPT: dict = {}


def _kept(design: Path):
    if design not in _KEPT:
        _KEPT[design] = partitioner.read(design)
    return _KEPT[design]


@pytest.mark.parametrize("opts", [dict(batch=50, tiles=3), dict(batch=30, tiles=2, strategy="pipeline"),
                                  dict(batch=40, tiles=4, frame_mode="streamed"),
                                  dict(batch=36, tiles=5, frame_mode="dma-framed")],
                         ids=lambda o: "-".join(map(str, o.values())))
def test_threads_equal_the_plain_path_on_other_designs(opts):
    ev = evaluate_options(Options(**opts))
    assert ev.fits
    a = _audio(160 * 437 + 11, 5)
    plain = sim.CallRunner(ev, PARAMS).run_audio(a, threads=1)
    np.testing.assert_array_equal(sim.CallRunner(ev, PARAMS).run_audio(a, threads=2), plain)


def test_a_runner_reused_after_a_parallel_run_gives_the_same_bits():
    ev = partitioner.read(em.DESIGNS_DIR / "batch100_split4")
    r = sim.CallRunner(ev, PARAMS)
    a, b = _audio(160 * 900, 7), _audio(160 * 333 + 5, 8)
    first = r.run_audio(a, threads=2)
    np.testing.assert_array_equal(r.run_audio(b), sim.CallRunner(ev, PARAMS).run_audio(b, threads=1))
    np.testing.assert_array_equal(r.run_audio(a, threads=1), first)


def test_simulate_uses_the_threads_and_stays_bit_exact():
    r = sim.simulate(em.DESIGNS_DIR / "batch100_split4", audio={"long": _audio(160 * 4000, 9)})
    assert r.bit_exact and r.frames == 4000


def test_a_join_that_leaves_bytes_unwritten_runs_in_order():
    # Two tiles' slices on top of each other: bytes 2000.. of the joined object are never written, so
    # a call could see an earlier call's leftovers there: the calls are not independent.
    ev = partitioner.read(em.DESIGNS_DIR / "batch100_split4")
    join = next(link for link in ev.design.links if len(link.inputs) > 1)
    join.offsets = [0, 0, 4000, 6000]
    r = sim.CallRunner(ev, PARAMS)
    assert "unwritten" in (dataflow.calls_independent(r.net) or "")
    a = _audio(160 * 450, 10)
    got = r.run_audio(a, threads=2)
    assert r.last_run["threads"] == 1 and "unwritten" in r.last_run["parallel_refused"]
    np.testing.assert_array_equal(got, sim.CallRunner(ev, PARAMS).run_audio(a, threads=1))


def test_calls_that_leave_objects_behind_run_in_order():
    # The host drains 4 of the 5 objects the join delivers: one carries over into the next call, so
    # the calls depend on each other; the parallel run notices and the in-order run's bits come back.
    ev = evaluate_options(Options(batch=100, tiles=4, object_frames=5))
    t_out = next(t for t in ev.design.sequence.transfers if t.direction == "out")
    t_out.sizes = [1, 1, 1, t_out.sizes[3] * 4 // 5]
    a = _audio(160 * 700, 11)
    plain = sim.CallRunner(ev, PARAMS).run_audio(a, threads=1)
    r = sim.CallRunner(ev, PARAMS)
    np.testing.assert_array_equal(r.run_audio(a, threads=2), plain)
    assert r.last_run["threads"] == 1 and "FIFOs" in r.last_run["parallel_refused"]


def test_every_kept_design_has_independent_calls():
    for d in DESIGNS:
        net = dataflow.build(partitioner.read(d), PARAMS, execute=True)
        assert dataflow.calls_independent(net) is None, d.name


def test_padded_audio_is_cut_as_the_whole_padded_signal():
    g = framing.GEOMETRY
    for n in (201, 202, 399, 400, 401, 1000, 16037):
        a = _audio(n, n)
        whole = np.concatenate([framing.padded(a), np.zeros(2000, np.int16)])
        p = host.PaddedAudio(a, g)
        for start in range(0, whole.size - 1000, 13):
            for length in (1, 160, 400, 1000):
                np.testing.assert_array_equal(p.cut(start, length), whole[start:start + length])
    with pytest.raises(framing.FramingError):
        host.PaddedAudio(np.zeros(200, np.int16), g)


@pytest.mark.parametrize("mode", ["framed", "dma-framed", "streamed"])
def test_a_range_of_calls_gets_the_same_inputs_as_the_whole_run(mode):
    ev = evaluate_options(Options(batch=20, tiles=2, frame_mode=mode))
    a = _audio(160 * 95 + 3, 12)
    every = list(host.call_inputs(ev.design, a))
    assert len(every) == 5
    for lo, hi in ((0, 5), (1, 3), (4, 9)):
        part = list(host.call_inputs(ev.design, a, lo, hi))
        assert len(part) == len(every[lo:hi])
        for x, y in zip(every[lo:hi], part):
            assert x.keys() == y.keys() and all(np.array_equal(x[k], y[k]) for k in x)


def test_kernel_instances_have_their_own_static_data():
    one, two = kernel.binding("mel", 1).lib, kernel.binding("mel", 2).lib
    base = kernel.binding("mel").lib
    assert len({one._handle, two._handle, base._handle}) == 3
    frames = framing.frames(_audio(16000, 13))
    want = kernel.mel_frames(frames)
    for inst in (1, 2):
        np.testing.assert_array_equal(kernel.binding("mel", inst).run("frames", frames), want)


def test_host_build_flags_include_O3_and_a_portable_vector_level():
    flags = hostbuild.host_flags()
    assert "-O3" in flags and "-Werror" in flags and "-march=native" not in flags
    assert all(f in {"-march=x86-64-v2", "-march=x86-64-v3"} for f in flags if f.startswith("-march"))
    # the measurement build (kernel.toml [measured]) keeps the portability bar's flags
    assert "-O2" in hostbuild.C_STD_FLAGS


def test_the_cache_key_covers_the_flags(tmp_path, monkeypatch):
    monkeypatch.setenv("NPU_TILER_CACHE", str(tmp_path))
    src = hostbuild.sources("mel")
    a = hostbuild.build_shared(src, flags=("-std=c11", "-O2", "-Wall", "-Wextra", "-Werror"))
    b = hostbuild.build_shared(src, flags=("-std=c11", "-O3", "-Wall", "-Wextra", "-Werror"))
    assert a != b and a.exists() and b.exists()


def test_O2_and_host_flags_builds_give_the_same_bits(tmp_path):
    import ctypes

    src = hostbuild.sources("mel")
    frames = framing.frames(_audio(160 * 300, 14))
    outs = []
    for flags in (hostbuild.C_STD_FLAGS, hostbuild.host_flags()):
        fn = ctypes.CDLL(str(hostbuild.build_shared(src, flags=tuple(flags)))).mel_frames
        fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int32]
        out = np.empty((frames.shape[0], 80), np.int16)
        fn(frames.ctypes.data, out.ctypes.data, frames.shape[0])
        outs.append(out)
    np.testing.assert_array_equal(outs[0], outs[1])


def test_default_threads():
    assert sim.api.default_threads(1) == 1
    assert sim.api.default_threads(10_000) >= 1


def test_step_bound_is_per_call():
    ev = evaluate_options(Options(batch=100, tiles=4))
    net = dataflow.build(ev, PARAMS, execute=False)
    _, _ = dataflow.run_call(net, None)
    per_call = net.engine.steps
    net.engine.max_steps = per_call + 5  # enough for one call, not for two
    for _ in range(3):
        dataflow.run_call(net, None)
    assert net.engine.steps > 3 * net.engine.max_steps  # a long run of short calls is not a livelock


# ---- benchmarks/bench_sim.py's fair reference (issue 23): its helpers, on seconds of audio ----------

def _bench_sim():
    if "bench_sim" in sys.modules:
        return sys.modules["bench_sim"]
    spec = importlib.util.spec_from_file_location("bench_sim", Path(__file__).resolve().parents[1] / "benchmarks"
                                                  / "bench_sim.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_sim"] = mod  # its dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_bench_sim_refuses_a_ratio_past_15_percent():
    bench = _bench_sim()
    assert bench.refusal(115.0, 100.0) is None  # 15% slower: the limit itself is allowed
    assert bench.refusal(90.0, 100.0) is None  # faster than the standalone run
    why = bench.refusal(116.0, 100.0)
    assert why is not None and "16% slower" in why and "116.00 s" in why and "100.00 s" in why
    assert doctest.testmod(bench).failed == 0


def test_bench_sim_recipe_process_loads_no_project_module(tmp_path):
    bench = _bench_sim()
    audio = fixtures.default_audio()[:melfilters.SAMPLE_RATE * 3]
    bench.write_recipe_inputs(tmp_path, audio, melfilters.mel_filters(), melfilters.hann_periodic(),
                              melfilters.HOP, melfilters.SAMPLE_RATE)
    proc = bench.RecipeProcess(tmp_path)  # raises if the child loaded partitioner, kernels, sim, ... or xdsl
    try:
        run = proc.run(2)
        assert run.shape == (melfilters.N_MELS, audio.size // melfilters.HOP)  # 80 x 300: 3 s, a frame per 10 ms
        assert run.seconds > 0 and run.cpu >= 0
    finally:
        assert proc.close() > 0
    assert proc.proc.returncode == 0 and proc.proc.pid != os.getpid()
    assert bench.standalone_run(tmp_path, 1).shape == run.shape


def test_bench_sim_numpy_recipe_is_whispers_log_mel():
    bench = _bench_sim()
    audio = np.concatenate([fixtures.default_audio()[:melfilters.SAMPLE_RATE * 2], _audio(16000 + 37, 15)])
    recipe = bench._numpy_recipe(melfilters.mel_filters().astype(np.float32),
                                 melfilters.hann_periodic().astype(np.float32), melfilters.HOP)
    got, want = recipe(audio), reference.log_mel_spectrogram(audio)
    assert got.shape == want.shape == (melfilters.N_MELS, audio.size // melfilters.HOP)
    np.testing.assert_allclose(got, want, atol=1e-3)  # float32 against float64
