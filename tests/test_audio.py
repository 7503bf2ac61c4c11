"""load_audio: formats, rates and channels in; clear errors for bad files."""
import numpy as np
import pytest
import soundfile as sf

from partitioner.errors import AudioError, AudioWarning
from kernels.mel_tools.audio import load_audio


def _sine(sr: int, seconds: float, hz: float = 440.0) -> np.ndarray:
    t = np.arange(int(sr * seconds)) / sr
    return 0.5 * np.sin(2 * np.pi * hz * t)


def test_pcm16_mono_16k_is_read_exactly(tmp_path):
    samples = (np.arange(-5000, 5000) * 3).astype(np.int16)
    sf.write(tmp_path / "a.wav", samples, 16000, subtype="PCM_16")
    np.testing.assert_array_equal(load_audio(tmp_path / "a.wav"), samples)


def test_stereo_is_averaged(tmp_path):
    left = np.full(1000, 1000, np.int16)
    right = np.full(1000, 3000, np.int16)
    sf.write(tmp_path / "s.wav", np.stack([left, right], axis=1), 16000, subtype="PCM_16")
    assert (load_audio(tmp_path / "s.wav") == 2000).all()


def test_float_wav_is_quantised_to_int16(tmp_path):
    x = np.array([0.0, 0.5, -0.5, 1.0, -1.0, 0.25])
    sf.write(tmp_path / "f.wav", x, 16000, subtype="FLOAT")
    np.testing.assert_array_equal(load_audio(tmp_path / "f.wav"), [0, 16384, -16384, 32767, -32768, 8192])


@pytest.mark.parametrize("sr", [8000, 22050, 44100, 48000])
def test_other_rates_are_resampled_keeping_pitch_and_length(tmp_path, sr):
    sf.write(tmp_path / "r.wav", _sine(sr, 1.0), sr, subtype="PCM_24")
    if sr < 16000:  # upsampled audio leaves the bands above sr / 2 empty, and says so
        with pytest.warns(AudioWarning, match=f"holds nothing above {sr // 2} Hz"):
            y = load_audio(tmp_path / "r.wav")
    else:
        y = load_audio(tmp_path / "r.wav")
    assert abs(y.size - 16000) <= 2
    spectrum = np.abs(np.fft.rfft(y[1000:15000]))
    peak_hz = np.argmax(spectrum) * 16000 / 14000
    assert abs(peak_hz - 440.0) < 2.0
    assert 0.45 * 32768 < np.abs(y[1000:15000]).max() < 0.55 * 32768


def test_missing_corrupt_and_empty_files_give_audio_errors(tmp_path):
    with pytest.raises(AudioError, match="does not exist"):
        load_audio(tmp_path / "nope.wav")
    (tmp_path / "junk.wav").write_bytes(b"RIFF not really a wave file")
    with pytest.raises(AudioError, match="cannot read"):
        load_audio(tmp_path / "junk.wav")
    sf.write(tmp_path / "empty.wav", np.zeros(0, np.int16), 16000, subtype="PCM_16")
    with pytest.raises(AudioError, match="no samples"):
        load_audio(tmp_path / "empty.wav")
