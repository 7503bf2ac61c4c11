"""The float reference against an independent computation with librosa."""
import numpy as np
import pytest

from kernels.mel_tools import fixtures, framing, reference

librosa = pytest.importorskip("librosa")


def _librosa_whisper(audio: np.ndarray) -> np.ndarray:
    x = audio.astype(np.float64) / 32768.0
    stft = librosa.stft(x, n_fft=400, hop_length=160, window="hann", center=True, pad_mode="reflect")
    power = np.abs(stft[:, :-1]) ** 2
    mel = librosa.filters.mel(sr=16000, n_fft=400, n_mels=80).astype(np.float64) @ power
    log_spec = np.log10(np.maximum(mel, 1e-10))
    log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


@pytest.mark.parametrize("name", ["speech_en_us", "white_noise", "dc_offset_speech"])
def test_reference_equals_librosa_pipeline(name):
    audio = fixtures.load(name)
    ours = reference.log_mel_spectrogram(audio)
    theirs = _librosa_whisper(audio)
    assert ours.shape == theirs.shape == (80, audio.size // 160)
    assert np.abs(ours - theirs).max() < 1e-5  # librosa's float32 filterbank


def test_frame_count_and_first_frame_follow_torch_center_reflect():
    audio = np.arange(1000, dtype=np.int16)
    fr = framing.frames(audio)
    assert fr.shape == (1000 // 160, 400)
    # First frame: 200 reflected samples (200, 199, ..., 1) then 0..199.
    np.testing.assert_array_equal(fr[0, :200], np.arange(200, 0, -1))
    np.testing.assert_array_equal(fr[0, 200:], np.arange(200))
    np.testing.assert_array_equal(fr[3], np.pad(audio, 200, mode="reflect")[480:880])


def test_too_short_audio_is_refused_with_the_reason():
    with pytest.raises(framing.FramingError, match="at least 201"):
        framing.frames(np.zeros(200, np.int16))
