"""Library errors. They carry no exit codes: the command line maps them (npu_tiler.cli).

* :class:`NpuTilerError`: the base of every error npu-tiler raises on purpose;
* :class:`UserError`: bad input or a missing tool; the message says what is
  wrong and how to fix it;
* :class:`AudioError`: audio that cannot be read as 16 kHz mono samples.

The simulator adds ``sim.engine.SimulationError`` (a design that deadlocks
or runs away), which is not a user's mistake in the arguments.
"""
from __future__ import annotations


class NpuTilerError(Exception):
    """Base of the errors npu-tiler raises on purpose (never a bug)."""


class UserError(NpuTilerError):
    """Bad input or a missing tool; the message says what is wrong and how to fix it."""


class AudioError(UserError):
    """Audio that cannot be read as 16 kHz mono samples."""


class DesignRefused(NpuTilerError):
    """The design does not fit or would hang, and the operation asked for would pretend it does: an answer
    about the design, not bad input (the command line exits 1, as for "does not fit")."""


class AudioWarning(UserWarning):
    """Audio that is read, but not as recorded: clipped, or sampled below 16 kHz (bands left empty)."""
