"""Kernel + finish() against the float reference: the accuracy bar every design inherits.

The bar (issue 2): over every frame of every built-in fixture, Pearson
correlation >= 0.9999 and max absolute error <= 0.02 in Whisper's normalised
units. A constant output (silence) has no correlation; there the error alone
decides.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from partitioner import params
from kernels.mel_tools import kernel, reference

# The bar lives in partitioner/params/seed.toml [accuracy].
MIN_PEARSON = params.seed().min_pearson
MAX_ABS_ERROR = params.seed().max_abs_error


@dataclass(frozen=True)
class Accuracy:
    name: str
    frames: int
    max_abs_error: float
    pearson: float | None  # None when the reference is constant

    @property
    def passed(self) -> bool:
        corr_ok = self.pearson is None or self.pearson >= MIN_PEARSON
        return corr_ok and self.max_abs_error <= MAX_ABS_ERROR


def compare(name: str, got: np.ndarray, want: np.ndarray) -> Accuracy:
    if got.shape != want.shape:
        raise ValueError(f"{name}: shapes differ, {got.shape} vs {want.shape}")
    g = got.astype(np.float64).ravel()
    w = want.astype(np.float64).ravel()
    pearson = None if w.std() == 0 or g.std() == 0 else float(np.corrcoef(g, w)[0, 1])
    return Accuracy(name, got.shape[1], float(np.abs(g - w).max(initial=0.0)), pearson)


def kernel_accuracy(name: str, audio: np.ndarray) -> Accuracy:
    return compare(name, kernel.log_mel(audio), reference.log_mel_spectrogram(audio))


def diagnose(logmel_q: "np.ndarray") -> str | None:
    """What is wrong with a kernel output that cannot be right for speech, or None.

    The prior art's NPU outputs were all zeros, saturated, or constant; each
    gets its own diagnosis here, before any correlation is computed.
    """
    q = np.asarray(logmel_q)
    if q.size == 0:
        return "empty output"
    if not q.any():
        return "all-zero output (was anything written back?)"
    if q.min() == q.max():
        return f"constant output (every value {int(q.flat[0])})"
    info = np.iinfo(q.dtype) if q.dtype.kind in "iu" else None
    if info is not None and np.isin(q, [info.min, info.max]).mean() > 0.5:
        return "saturated output (most values at the integer limits)"
    return None
