"""Errors a researcher can act on: the CLI prints their message on one line, exit 2."""
from __future__ import annotations


class UserError(Exception):
    """Bad input or a missing tool; the message says what is wrong and how to fix it."""

    exit_code = 2


class AudioError(UserError):
    """Audio that cannot be read as 16 kHz mono samples."""
