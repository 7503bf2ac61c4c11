"""The simulator's host-only lockstep build (kernels/mel_tools/mel_lockstep.c) gives the scalar kernel's bits.

The reference is kernels/mel/mel.c built alone with the portability flags (-O2, no wrapper): its
entry points are what an AIE2 tile runs. The lockstep entry points run 8 frames per vector lane
group; every output bit must equal the reference's on every built-in signal, on random and full-scale
frames and random spectrum words, in every lane position and in the scalar tail (frame counts not a
multiple of the lanes), with the data-dependent half in lanes and per frame, and the simulator must
pick them up (its calls deferred to the next data move and run together) without changing a result.
"""
from __future__ import annotations

import ctypes
import shutil

import numpy as np
import pytest

import partitioner
import sim
from kernels.mel_tools import fixtures, framing, hostbuild
from kernels.mel_tools.melfilters import HOP, N_BINS, N_FFT, N_MELS
from partitioner import emitters as em
from partitioner.params import timing as load_params
from sim import dataflow

FRAME = N_FFT  # samples of a frame


def _fn(lib: ctypes.CDLL, symbol: str):
    fn = getattr(lib, symbol)
    fn.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int32]
    fn.restype = None
    return fn


@pytest.fixture(scope="module")
def scalar() -> ctypes.CDLL:
    """mel.c alone, the portability flags: the AIE2 reference's arithmetic on the host."""
    src = hostbuild.sources("mel")
    return ctypes.CDLL(str(hostbuild.build_shared(src, flags=hostbuild.C_STD_FLAGS, lockstep=False)))


@pytest.fixture(scope="module", params=[None, 0, 1], ids=["simulator-build", "lanes-scalar-log", "lanes-vector-log"])
def fast(request) -> ctypes.CDLL:
    """The simulator's build (host flags, the lockstep wrapper), and the same with either form of the
    data-dependent half forced (MEL_VECTOR_SHIFTS: power words and log-mel in lanes, or per frame by
    mel.c's functions; the build picks one by the CPU's vector unit), so both are checked on any host."""
    src = hostbuild.sources("mel")
    flags = None if request.param is None else (*hostbuild.host_flags(), f"-DMEL_VECTOR_SHIFTS={request.param}")
    return ctypes.CDLL(str(hostbuild.build_shared(src, flags=flags)))


def _call(lib: ctypes.CDLL, symbol: str, data: np.ndarray, n: int, width: int, dtype) -> np.ndarray:
    """Entry point ``symbol`` of ``lib`` on ``data``: its ``n`` rows of ``width`` values."""
    data = np.ascontiguousarray(data)
    out = np.full((n, width), 0x5a5a, dtype)  # a pattern no frame leaves behind by chance
    _fn(lib, symbol)(data.ctypes.data, out.ctypes.data, n)
    return out


def _run(lib: ctypes.CDLL, symbol: str, data: np.ndarray, n: int) -> np.ndarray:
    """Log-mel frames (int16) of entry point ``symbol`` on int16 ``data``."""
    return _call(lib, symbol, np.asarray(data, dtype=np.int16), n, N_MELS, np.int16)


def _frames_equal(scalar, fast, frames: np.ndarray, what: str) -> None:
    n = frames.shape[0]
    want = _run(scalar, "mel_frames", frames, n)
    got = _run(fast, "mel_frames" + hostbuild.LOCKSTEP_SUFFIX, frames, n)
    np.testing.assert_array_equal(got, want, err_msg=what)


def test_the_simulator_build_has_the_lockstep_entry_points(fast, scalar):
    lanes = fast.mel_lockstep_lanes
    lanes.restype = ctypes.c_int32
    assert lanes() == 8
    for symbol in ("mel_frames", "mel_chunk"):
        assert hasattr(fast, symbol) and hasattr(fast, symbol + hostbuild.LOCKSTEP_SUFFIX)
        assert not hasattr(scalar, symbol + hostbuild.LOCKSTEP_SUFFIX)


@pytest.mark.parametrize("name", fixtures.names())
def test_every_built_in_signal_frames_and_chunk(scalar, fast, name):
    audio = fixtures.load(name)
    frames = framing.frames(audio)
    _frames_equal(scalar, fast, frames, name)
    # mel_chunk: frame t is chunk[160 t .. 160 t + 400) of the padded audio
    n = frames.shape[0]
    chunk = framing.padded(audio)[:FRAME - HOP + n * HOP]
    want = _run(scalar, "mel_chunk", chunk, n)
    np.testing.assert_array_equal(want, _run(scalar, "mel_frames", frames, n))  # the same frames
    np.testing.assert_array_equal(_run(fast, "mel_chunk" + hostbuild.LOCKSTEP_SUFFIX, chunk, n), want, err_msg=name)


def _pair(scalar, fast, symbol: str, data: np.ndarray, n: int, width: int, dtype) -> tuple[np.ndarray, np.ndarray]:
    """(reference, lockstep) outputs of entry point ``symbol`` on ``data`` (n frames of ``width`` values)."""
    return (_call(scalar, symbol, data, n, width, dtype),
            _call(fast, symbol + hostbuild.LOCKSTEP_SUFFIX, data, n, width, dtype))


@pytest.mark.parametrize("name", fixtures.names())
def test_every_built_in_signal_through_the_pipeline_stages(scalar, fast, name):
    audio = fixtures.load(name)
    frames = framing.frames(audio)
    n = frames.shape[0]
    spec, got = _pair(scalar, fast, "mel_spectrum", frames, n, N_BINS, np.uint32)
    np.testing.assert_array_equal(got, spec, err_msg=name)
    chunk = framing.padded(audio)[:FRAME - HOP + n * HOP]
    want, got = _pair(scalar, fast, "mel_spectrum_chunk", chunk, n, N_BINS, np.uint32)
    np.testing.assert_array_equal(want, spec)
    np.testing.assert_array_equal(got, spec, err_msg=name)
    want, got = _pair(scalar, fast, "mel_logmel", spec, n, N_MELS, np.int16)
    np.testing.assert_array_equal(want, _run(scalar, "mel_frames", frames, n))
    np.testing.assert_array_equal(got, want, err_msg=name)


def test_logmel_on_random_spectrum_words(scalar, fast):
    # Any word of mel.h's format: exponent e in the top bits, a 26-bit mantissa (its top bit set when
    # e > 0, any value below 2^26 when e = 0), every exponent gap inside a filter, tiny and huge sums.
    rng = np.random.default_rng(7)
    n = 8 * 400 + 3
    e = rng.integers(0, 36, (n, N_BINS), dtype=np.uint32)
    e[: n // 3] = rng.integers(0, 3, (n // 3, N_BINS))  # mostly unnormalised: the smallest mel sums
    e[n // 3: n // 2] = 0
    mant = rng.integers(0, 1 << 26, (n, N_BINS), dtype=np.uint32)
    mant[n // 3: n // 2] >>= rng.integers(0, 27, (n // 2 - n // 3, N_BINS)).astype(np.uint32)  # every bit length
    mant = np.where(e > 0, mant | (1 << 25), mant)
    words = (e << 26 | mant).astype(np.uint32)
    words[rng.random((n, N_BINS)) < 0.05] = 0
    tiny = slice(n // 2, n // 2 + 800)  # sparse words of 1 to 3: mel sums of one to a few weights
    words[tiny] = rng.integers(1, 4, (800, N_BINS)) * (rng.random((800, N_BINS)) < rng.uniform(0.002, 0.2, (800, 1)))
    words[-20:] = 0  # all-zero spectra: the floor
    want, got = _pair(scalar, fast, "mel_logmel", words, n, N_MELS, np.int16)
    np.testing.assert_array_equal(got, want)


def test_random_full_scale_frames(scalar, fast):
    rng = np.random.default_rng(20261207)
    n = 8 * 250 + 5  # a scalar tail of 5 frames after the lockstep groups
    extremes = np.array([-32768, 32767, -32767, 0, -1, 1], np.int16)
    cases = {
        "uniform int16": rng.integers(-32768, 32768, (n, FRAME)).astype(np.int16),
        "int16 extremes": rng.choice(extremes, (n, FRAME)),
        "only -32768 / 32767": rng.choice(extremes[:2], (n, FRAME)),
    }
    signs = np.where(np.arange(FRAME) % 2, 32767, -32768).astype(np.int16)  # full-scale Nyquist tone
    rows = [np.full(FRAME, v, np.int16) for v in (-32768, 32767, 0)] + [signs, -1 - signs]
    rows += [np.roll(signs, k) * (np.arange(FRAME) < k) for k in (1, 7, 200, 399)]  # steps into full scale
    cases["constant and alternating full scale"] = np.array(rows * 3, np.int16)
    # Every amplitude from 1 to full scale, alone and on a DC offset or a pure tone: the mel sums and
    # the spectrum words take every bit length, and a filter's bins span every exponent gap.
    amp = 2.0 ** rng.uniform(0, 15, (n, 1))
    noise = rng.normal(0, 1, (n, FRAME)) * amp
    tone = np.sin(2 * np.pi * rng.uniform(0, 0.5, (n, 1)) * np.arange(FRAME)) * rng.uniform(0, 32767, (n, 1))
    for what, x in (("amplitude sweep", noise), ("sweep on DC", noise + rng.uniform(-32768, 32767, (n, 1))),
                    ("sweep on a tone", noise * 1e-3 + tone)):
        cases[what] = np.clip(np.round(x), -32768, 32767).astype(np.int16)
    for what, frames in cases.items():
        _frames_equal(scalar, fast, frames, what)


@pytest.mark.parametrize("n", [1, 7, 8, 9, 16, 25, 100])
def test_each_lane_and_the_tail(scalar, fast, n):
    # One full-scale frame in every position among quiet noise: lanes do not leak into one another,
    # and a count that is not a multiple of the lanes ends in mel_frames itself.
    rng = np.random.default_rng(n)
    loud = rng.choice(np.array([-32768, 32767], np.int16), FRAME)
    for pos in range(n):
        frames = rng.integers(-3, 4, (n, FRAME)).astype(np.int16)
        frames[pos] = loud
        _frames_equal(scalar, fast, frames, f"{n} frames, loud frame at {pos}")


def test_the_wrapper_is_built_only_against_the_mel_c_it_was_written_for(tmp_path, monkeypatch):
    src = hostbuild.sources("mel")
    # The built-in kernel is that mel.c: editing it must come with a look at the wrapper (and this hash).
    assert src.source_hash() == hostbuild.LOCKSTEP_SOURCE_SHA256
    assert hostbuild.lockstep_wrapper(src) == hostbuild.LOCKSTEP_SOURCE
    edited = tmp_path / "mel"
    shutil.copytree(src.folder, edited)
    (edited / "mel.c").write_text((edited / "mel.c").read_text() + "\n/* edited */\n")
    monkeypatch.setenv("NPU_TILER_KERNELS", str(tmp_path))
    other = hostbuild.sources("mel")
    assert other.folder == edited and hostbuild.lockstep_wrapper(other) is None
    monkeypatch.delenv("NPU_TILER_KERNELS")
    monkeypatch.setenv(hostbuild.LOCKSTEP_ENV, "0")
    assert hostbuild.lockstep_wrapper(hostbuild.sources("mel")) is None


def test_a_wrapper_the_compiler_rejects_leaves_the_kernel_built_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("NPU_TILER_CACHE", str(tmp_path / "cache"))
    broken = tmp_path / "mel_lockstep.c"
    broken.write_text('#include "mel.c"\nvoid mel_frames_lockstep(void) { return 1; }\n')
    monkeypatch.setattr(hostbuild, "LOCKSTEP_SOURCE", broken)
    lib = ctypes.CDLL(str(hostbuild.build_shared(hostbuild.sources("mel"))))
    assert hasattr(lib, "mel_frames") and not hasattr(lib, "mel_frames" + hostbuild.LOCKSTEP_SUFFIX)


def test_the_cache_key_covers_the_wrapper():
    src, cc = hostbuild.sources("mel"), hostbuild.compiler()
    flags = [*hostbuild.host_flags(cc), "-fPIC", "-shared"]
    assert hostbuild._library(src, cc, flags) != hostbuild._library(src, cc, flags, hostbuild.LOCKSTEP_SOURCE)


def test_the_simulator_runs_the_lockstep_build_and_its_results_are_the_scalar_kernels(scalar):
    ev = partitioner.read(em.DESIGNS_DIR / "batch100_split4")
    runner = sim.CallRunner(ev, load_params())
    assert dataflow.kernel_build(runner.net) == "lockstep x8"
    audio = fixtures.load("speech_en_us")
    frames = framing.frames(audio)
    want = _run(scalar, "mel_frames", frames, frames.shape[0])
    for threads in (1, 2):
        np.testing.assert_array_equal(runner.run_audio(audio, threads=threads), want)
    r = sim.simulate(ev, audio="speech_en_us")
    assert r.bit_exact and r.frames == frames.shape[0]
    np.testing.assert_array_equal(r.outputs["speech_en_us"], want)


@pytest.mark.parametrize("design", sorted(p.name for p in em.DESIGNS_DIR.iterdir() if p.is_dir()))
def test_deferred_calls_give_the_bits_of_calls_run_where_made(scalar, design, monkeypatch):
    # Workers' calls wait for the next data move and run together (mel_run_calls); every kept design,
    # with and without that, gives the scalar kernel's frames.
    ev = partitioner.read(em.DESIGNS_DIR / design)
    audio = fixtures.load("speech_en_sc")
    frames = framing.frames(audio)
    want = _run(scalar, "mel_frames", frames, frames.shape[0])
    runner = sim.CallRunner(ev, load_params())
    np.testing.assert_array_equal(runner.run_audio(audio, threads=1), want)
    assert runner.net.run_calls is not None and runner.net.deferred == []  # every kept design's entries defer
    monkeypatch.setattr(dataflow, "_deferred_index", lambda net, symbol: -1)
    plain = sim.CallRunner(ev, load_params())
    np.testing.assert_array_equal(plain.run_audio(audio, threads=1), want)
    assert plain.net.run_calls is None
