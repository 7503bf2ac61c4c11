"""Older names of the simulator's validation functions; new code uses :mod:`sim.api`.

Kept while tests and callers move over: each name forwards to the one
implementation.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

import partitioner
from partitioner.check import Evaluation
from partitioner.params import TimingParams
from sim.api import BASELINE_DIR, CallRunner, Comparison, compare  # noqa: F401


def load_design(folder: str | Path) -> Evaluation:
    """``partitioner.read(folder)``."""
    return partitioner.read(folder)


def run_audio(ev: Evaluation, audio: np.ndarray, params: TimingParams) -> np.ndarray:
    """``CallRunner(ev, params).run_audio(audio)``."""
    return CallRunner(ev, params).run_audio(audio)
