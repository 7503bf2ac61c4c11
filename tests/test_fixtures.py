"""The built-in audio is there, is 16 kHz int16, and exercises the extremes."""
import numpy as np

from kernels.mel_tools import fixtures


def test_speech_fixtures_are_real_speech_lengths():
    total = 0.0
    for stem, *_ in fixtures.SPEECH:
        audio = fixtures.load(stem)
        assert audio.dtype == np.int16
        seconds = audio.size / 16000
        assert 5.0 < seconds < 15.0
        total += seconds
        # speech has pauses and loud parts: a wide level range across frames
        rms = np.sqrt((audio[: audio.size // 160 * 160].reshape(-1, 160).astype(float) ** 2).mean(axis=1))
        assert rms.max() > 1000 and np.percentile(rms, 5) < 100
    assert 10.0 <= total <= 40.0


def test_generated_cases_hit_full_scale():
    for name in ("sine_1khz_full_scale", "square_440hz_full_scale", "clipped_speech"):
        a = fixtures.load(name)
        assert a.max() == 32767 and a.min() == -32768, name
    assert not fixtures.load("silence").any()
    assert fixtures.load("dc_offset_speech").mean() > 5000


def test_generated_cases_are_deterministic():
    np.testing.assert_array_equal(fixtures.load("white_noise"), fixtures.load("white_noise"))
