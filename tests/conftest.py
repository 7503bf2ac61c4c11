"""Shared fixtures; the accuracy table is printed at the end of every run."""
from __future__ import annotations

import pytest

_ACCURACY_ROWS: list = []


@pytest.fixture(scope="session")
def accuracy_log() -> list:
    """Tests append sim.accuracy.Accuracy rows here; they are printed in the summary."""
    return _ACCURACY_ROWS


def pytest_terminal_summary(terminalreporter) -> None:
    if not _ACCURACY_ROWS:
        return
    tr = terminalreporter
    tr.section("kernel + finish() vs float reference (Whisper's normalised units)")
    tr.write_line(f"{'audio':32s} {'frames':>7s} {'max|err|':>10s} {'pearson':>12s}")
    for r in _ACCURACY_ROWS:
        corr = "constant" if r.pearson is None else f"{r.pearson:.9f}"
        tr.write_line(f"{r.name:32s} {r.frames:7d} {r.max_abs_error:10.2e} {corr:>12s}")
