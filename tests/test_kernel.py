"""The fixed-point kernel: accuracy against the float reference, entry points, overflow."""
import numpy as np
import pytest

from kernels.mel_tools import accuracy, fixtures, framing, kernel, reference
from kernels.mel_tools.melfilters import hann_periodic, mel_filters

FIXTURES = fixtures.names()


@pytest.mark.parametrize("name", FIXTURES)
def test_accuracy_bar_on_every_fixture(name, accuracy_log):
    audio = fixtures.load(name)
    row = accuracy.kernel_accuracy(name, audio)
    accuracy_log.append(row)
    assert row.frames == audio.size // 160
    assert row.max_abs_error <= 0.02, f"{name}: max |err| {row.max_abs_error:.3e}"
    if row.pearson is not None:
        assert row.pearson >= 0.9999, f"{name}: pearson {row.pearson:.6f}"


def test_accuracy_bar_over_all_fixtures_pooled():
    got = np.concatenate([kernel.log_mel(fixtures.load(n)) for n in FIXTURES], axis=1)
    want = np.concatenate([reference.log_mel_spectrogram(fixtures.load(n)) for n in FIXTURES], axis=1)
    row = accuracy.compare("all", got, want)
    assert row.passed and row.pearson >= 0.9999


def _htk_filters():
    librosa = pytest.importorskip("librosa")
    return librosa.filters.mel(sr=16000, n_fft=400, n_mels=80, htk=True, norm=None)


@pytest.mark.parametrize("mistake", ["htk_filters", "symmetric_hann", "no_centering"])
def test_the_bar_rejects_the_prior_arts_recipes(mistake):
    """The accuracy check can fail: recipes the public prior art used miss it on real speech."""
    audio = fixtures.load("speech_en_us")
    x = framing.frames(audio).astype(np.float64) / 32768.0
    window, filters = hann_periodic(), mel_filters()
    if mistake == "htk_filters":
        filters = _htk_filters()
    elif mistake == "symmetric_hann":
        window = np.hanning(400)
    else:  # frames start at sample 0 instead of -200 (zero-padded at the end to keep the count)
        shifted = np.concatenate([audio, np.zeros(400, audio.dtype)])
        x = np.lib.stride_tricks.sliding_window_view(shifted, 400)[::160][: x.shape[0]] / 32768.0
    power = np.abs(np.fft.rfft(x * window, axis=1)) ** 2
    wrong = reference.finish(np.log10(np.maximum(filters @ power.T, 1e-10)))
    row = accuracy.compare(mistake, wrong, reference.log_mel_spectrogram(audio))
    assert not row.passed


@pytest.mark.parametrize("name", FIXTURES)
def test_fused_staged_and_streamed_entry_points_agree_bit_for_bit(name):
    audio = fixtures.load(name)
    frames = framing.frames(audio)
    fused = kernel.mel_frames(frames)
    np.testing.assert_array_equal(kernel.mel_logmel(kernel.mel_spectrum(frames)), fused)
    state, hops = framing.hops(audio)
    np.testing.assert_array_equal(kernel.mel_hops(hops, state.copy()), fused)
    np.testing.assert_array_equal(kernel.mel_logmel(kernel.mel_spectrum_hops(hops, state.copy())), fused)
    # Chunks of 37 frames, each with its halo, in any order: the same bits again.
    padded = framing.padded(audio)
    starts = list(range(0, len(frames), 37))[::-1]
    chunks = {s: kernel.mel_chunk(framing.chunk(padded, s, min(37, len(frames) - s))) for s in starts}
    np.testing.assert_array_equal(np.concatenate([chunks[s] for s in sorted(chunks)]), fused)
    first = framing.chunk(padded, 0, len(frames))
    np.testing.assert_array_equal(kernel.mel_logmel(kernel.mel_spectrum_chunk(first)), fused)


def test_calls_keep_no_hidden_state_so_any_batching_gives_the_same_bits():
    frames = framing.frames(fixtures.load("speech_en_gb_f"))
    whole = kernel.mel_frames(frames)
    for batch in (1, 7, 20, 100):
        parts = [kernel.mel_frames(frames[i:i + batch]) for i in range(0, len(frames), batch)]
        np.testing.assert_array_equal(np.concatenate(parts), whole)
    # Streaming in chunks: the caller's state carries the 240-sample overlap.
    state, hops = framing.hops(fixtures.load("speech_en_gb_f"))
    parts = [kernel.mel_hops(hops[i:i + 13], state) for i in range(0, len(hops), 13)]
    np.testing.assert_array_equal(np.concatenate(parts), whole)


def test_hops_leave_the_last_240_samples_in_state():
    audio = fixtures.load("white_noise")
    state, hops = framing.hops(audio)
    kernel.mel_hops(hops[:5], state)
    padded = framing.padded(audio)
    np.testing.assert_array_equal(state, padded[5 * 160: 5 * 160 + 240])


def _decode_spectrum(spec: np.ndarray) -> np.ndarray:
    e = (spec >> 26).astype(np.float64)
    m = (spec & ((1 << 26) - 1)).astype(np.float64)
    return m * 2.0 ** e / 2.0 ** 44  # raw scale: |X| of full-scale input ~ 2^22 * float value


@pytest.mark.parametrize("case", ["dc_max_negative", "dc_max_positive", "nyquist", "impulse", "square"])
def test_no_overflow_at_full_scale(case):
    n = np.arange(400)
    frame = {
        "dc_max_negative": np.full(400, -32768),
        "dc_max_positive": np.full(400, 32767),
        "nyquist": np.where(n % 2 == 0, 32767, -32768),
        "impulse": np.where(n == 200, -32768, 0),
        "square": np.where((n // 7) % 2 == 0, 32767, -32768),
    }[case].astype(np.int16)[None, :]
    got = _decode_spectrum(kernel.mel_spectrum(frame))[0]
    want = np.abs(np.fft.rfft(frame[0] / 32768.0 * hann_periodic())) ** 2
    # Amplitudes agree to the fixed-point noise: 400 inputs and 6 FFT/split
    # stages each rounded to +-0.5 raw unit give well under 64 raw units
    # (2^22 raw units = 1.0), and no wrap-around anywhere (that would be huge).
    np.testing.assert_allclose(np.sqrt(got), np.sqrt(want), rtol=1e-6, atol=64 / 2.0 ** 22)
    logmel = kernel.mel_frames(frame)[0] / 2048.0
    ref = np.log10(np.maximum(mel_filters() @ want, 1e-10))
    above = ref > ref.max() - 8
    assert np.abs(logmel[above] - ref[above]).max() < 1e-3


def test_silence_gives_the_clamp_value():
    out = kernel.mel_frames(np.zeros((3, 400), np.int16))
    assert (out == -10 * 2048).all()


def test_finish_follows_whispers_global_step():
    q = np.array([[0, -2048 * 9], [2048, -2048 * 3]], np.int16)  # log10 values 0, -9, 1, -3
    np.testing.assert_allclose(kernel.finish(q), [[1.0, 1.25], [(-7 + 4) / 4, (-3 + 4) / 4]])


def test_bad_shapes_are_refused():
    with pytest.raises(ValueError):
        kernel.mel_frames(np.zeros((2, 399), np.int16))
    with pytest.raises(ValueError):
        kernel.mel_hops(np.zeros((2, 160), np.int16), np.zeros(100, np.int16))
