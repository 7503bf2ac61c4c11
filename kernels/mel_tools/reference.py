"""Whisper's log-mel spectrogram in float64 NumPy: the accuracy reference.

Same recipe as ``whisper.audio.log_mel_spectrogram`` (periodic Hann, 400-point
DFT, reflect padding with the last frame dropped, Slaney filters, log10 with a
1e-10 clamp, floor at max - 8, (x + 4) / 4), computed in float64 where Whisper
uses float32. Input is the int16 signal divided by 32768, as Whisper does.
"""
from __future__ import annotations

import numpy as np

from kernels.mel_tools import framing
from kernels.mel_tools.melfilters import hann_periodic, mel_filters


def log10_mel(audio: np.ndarray) -> np.ndarray:
    """(80, n_frames) ``log10(max(mel, 1e-10))`` before the utterance-wide step."""
    x = framing.frames(audio).astype(np.float64) / 32768.0
    spec = np.fft.rfft(x * hann_periodic(), axis=1)
    power = spec.real ** 2 + spec.imag ** 2
    mel = mel_filters() @ power.T
    return np.log10(np.maximum(mel, 1e-10))


def finish(log_spec: np.ndarray) -> np.ndarray:
    """Whisper's utterance-wide floor and scaling on log10 values."""
    if log_spec.size:
        log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


def log_mel_spectrogram(audio: np.ndarray) -> np.ndarray:
    """Whisper's normalised log-mel, (80, n_frames) float64."""
    return finish(log10_mel(audio))
