"""Read audio files as Whisper's input: 16 kHz mono int16.

WAV (and anything else libsndfile reads: FLAC, OGG) in 16/24/32-bit PCM or
float, any sample rate, mono or multi-channel. Channels are averaged (as
ffmpeg's ``-ac 1`` does for Whisper) and other rates resampled with soxr.
The kernel's input is int16, so float and wide-PCM input is rounded to int16
once, here, and the kernel and the float reference then see the same samples.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from partitioner import kernel_spec
from partitioner.errors import AudioError

# Whisper's input rate: the mel kernel's geometry (kernels/mel/kernel.toml [geometry]).
SAMPLE_RATE = kernel_spec.load("mel").geometry.sample_rate


def to_int16(x: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] to int16, rounding and saturating."""
    return np.clip(np.round(x * 32768.0), -32768, 32767).astype(np.int16)


def load_audio(path: str | Path) -> np.ndarray:
    """1-D int16 samples at 16 kHz; :class:`AudioError` with one line on bad input."""
    path = Path(path)
    if not path.is_file():
        raise AudioError(f"audio file {path} does not exist")
    try:
        info = sf.info(str(path))
        if info.subtype == "PCM_16" and info.samplerate == SAMPLE_RATE and info.channels == 1:
            data = sf.read(str(path), dtype="int16", always_2d=True)[0][:, 0]
            native = True
        else:
            data = sf.read(str(path), dtype="float64", always_2d=True)[0]
            native = False
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioError(f"cannot read {path} as audio ({exc}); give a WAV, FLAC or OGG file") from None
    if data.shape[0] == 0:
        raise AudioError(f"{path} holds no samples")
    if native:
        return np.ascontiguousarray(data)
    mono = data.mean(axis=1)
    if not np.all(np.isfinite(mono)):
        raise AudioError(f"{path} holds NaN or infinite samples")
    if info.samplerate != SAMPLE_RATE:
        import soxr  # a librosa dependency too; imported here to keep start-up fast

        mono = soxr.resample(mono, info.samplerate, SAMPLE_RATE, quality="HQ")
    return to_int16(mono)


def save_wav(path: str | Path, samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    """Write int16 samples as 16-bit PCM WAV."""
    sf.write(str(path), np.asarray(samples, dtype=np.int16), sample_rate, subtype="PCM_16")
