"""Whisper's mel filterbank, Hann window and DFT twiddles, in float64.

This is the one place the arrays of the recipe are defined (its figures,
sample rate, frame, hop and mel bands, are the mel kernel's kernel.toml
[geometry]). The float reference (:mod:`kernels.mel_tools.reference`) uses these arrays
directly; the fixed-point tables of the C kernel (:mod:`kernels.mel_tools.tables`) are
quantised from them.

The filterbank follows the Slaney definition that ``librosa.filters.mel``
uses with its defaults (``htk=False``, ``norm="slaney"``): a mel scale that
is linear below 1 kHz and logarithmic above, triangles between consecutive
mel points, each scaled by ``2 / (f_hi - f_lo)`` so it has unit area.
Written from that definition, not copied; ``tests/test_melfilters.py``
checks it against librosa.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from partitioner import kernel_spec

# The recipe's figures are the mel kernel's [geometry] (kernels/mel/kernel.toml,
# Whisper's: 16 kHz, n_fft 400, hop 160, 80 mels), so reference and kernel
# cannot drift apart.
_GEOMETRY = kernel_spec.load("mel").geometry
SAMPLE_RATE = _GEOMETRY.sample_rate
N_FFT = _GEOMETRY.frame_samples
HOP = _GEOMETRY.hop_samples
N_BINS = _GEOMETRY.n_bins
N_MELS = _GEOMETRY.n_mels

# Slaney mel scale constants: 200/3 Hz per mel below 1 kHz, then a log step
# of ln(6.4)/27 per mel (the Auditory Toolbox definition).
_F_SP = 200.0 / 3.0
_MIN_LOG_HZ = 1000.0
_MIN_LOG_MEL = _MIN_LOG_HZ / _F_SP
_LOG_STEP = np.log(6.4) / 27.0


def hz_to_mel(hz: np.ndarray | float) -> np.ndarray:
    """Slaney mel value of a frequency in Hz."""
    hz = np.asarray(hz, dtype=np.float64)
    mel = hz / _F_SP
    log_part = _MIN_LOG_MEL + np.log(np.maximum(hz, _MIN_LOG_HZ) / _MIN_LOG_HZ) / _LOG_STEP
    return np.where(hz >= _MIN_LOG_HZ, log_part, mel)


def mel_to_hz(mel: np.ndarray | float) -> np.ndarray:
    """Inverse of :func:`hz_to_mel`."""
    mel = np.asarray(mel, dtype=np.float64)
    hz = _F_SP * mel
    log_part = _MIN_LOG_HZ * np.exp(_LOG_STEP * (np.maximum(mel, _MIN_LOG_MEL) - _MIN_LOG_MEL))
    return np.where(mel >= _MIN_LOG_MEL, log_part, hz)


@dataclass(frozen=True)
class Triangles:
    """The filterbank split into its unit-peak triangles and their area norms.

    ``filters()[j] == triangles[j] * enorm[j]``. The kernel stores the
    triangles in Q15 and adds ``log10(enorm)`` after the log, which keeps
    every filter's weights at full precision however narrow the filter.
    """

    triangles: np.ndarray  # (n_mels, n_bins) in [0, 1]
    enorm: np.ndarray  # (n_mels,)

    def filters(self) -> np.ndarray:
        return self.triangles * self.enorm[:, None]


def mel_edges_hz(sr: int = SAMPLE_RATE, n_mels: int = N_MELS, fmin: float = 0.0,
                 fmax: float | None = None) -> np.ndarray:
    """The ``n_mels + 2`` mel points in Hz, equally spaced in mel from ``fmin`` to ``fmax`` (default
    ``sr / 2``): filter ``j`` rises from point ``j`` to its centre, point ``j + 1``, and falls to point ``j + 2``."""
    if fmax is None:
        fmax = sr / 2.0
    return mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))


def mel_triangles(sr: int = SAMPLE_RATE, n_fft: int = N_FFT, n_mels: int = N_MELS,
                  fmin: float = 0.0, fmax: float | None = None) -> Triangles:
    """Slaney-normalised triangular mel filters over the ``n_fft // 2 + 1`` DFT bins."""
    bin_hz = np.linspace(0.0, sr / 2.0, n_fft // 2 + 1)
    edges_hz = mel_edges_hz(sr, n_mels, fmin, fmax)
    widths = np.diff(edges_hz)
    tri = np.empty((n_mels, bin_hz.size))
    for j in range(n_mels):
        rising = (bin_hz - edges_hz[j]) / widths[j]
        falling = (edges_hz[j + 2] - bin_hz) / widths[j + 1]
        tri[j] = np.maximum(0.0, np.minimum(rising, falling))
    enorm = 2.0 / (edges_hz[2:n_mels + 2] - edges_hz[:n_mels])
    return Triangles(tri, enorm)


def mel_filters(sr: int = SAMPLE_RATE, n_fft: int = N_FFT, n_mels: int = N_MELS) -> np.ndarray:
    """The (n_mels, n_fft//2+1) float64 filterbank Whisper uses."""
    return mel_triangles(sr, n_fft, n_mels).filters()


def hann_periodic(n: int = N_FFT) -> np.ndarray:
    """``torch.hann_window(n)`` (periodic): ``0.5 - 0.5 cos(2 pi k / n)``."""
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(n) / n)
