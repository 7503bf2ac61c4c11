"""Shared fixtures; the accuracy table is printed at the end of every run."""
from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass

import pytest

_ACCURACY_ROWS: list = []


@pytest.fixture(scope="session")
def accuracy_log() -> list:
    """Tests append kernels.mel_tools.accuracy.Accuracy rows here; they are printed in the summary."""
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


@dataclass(frozen=True)
class Result:
    """What a run of the command line left: its exit status and its two output streams."""

    returncode: int
    stdout: str
    stderr: str


def _exit_status(exc: SystemExit, stderr) -> int:
    """The process exit status the interpreter gives an uncaught SystemExit (None: 0, int: itself,
    anything else: printed to stderr, 1)."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=stderr)
    return 1


@contextlib.contextmanager
def _environ(env: dict[str, str] | None):
    saved = {k: os.environ.get(k) for k in env or {}}
    os.environ.update(env or {})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_cli(*args, env: dict[str, str] | None = None) -> Result:
    """``npu-tiler ARGS`` in this process: ``npu_tiler.cli.main`` (its one-line errors and exit-code
    mapping included) with stdout and stderr captured, and ``env`` set for the call.

    A command that ends with ``sys.exit(code)`` raises SystemExit through ``main``; it is turned into
    the status the console script (``sys.exit(main())``) would exit with. Any other exception is
    not caught: a traceback fails the test where it happens.
    """
    from npu_tiler.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _environ(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main([str(a) for a in args])
        except SystemExit as exc:
            rc = _exit_status(exc, err)
    return Result(rc, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def cli():
    """:func:`run_cli`: ``cli("partition", "--json")`` -> Result(returncode, stdout, stderr)."""
    return run_cli


def error_line(r: Result, *needles: str, code: int = 2) -> str:
    """The one stderr line of a run that exited ``code`` (asserted): an ``npu-tiler: error:`` line that
    holds every needle, and no traceback anywhere."""
    assert r.returncode == code, (r.returncode, r.stdout[-500:], r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("npu-tiler: error:"), r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


#: Frames of :func:`short_audio`: two calls of a batch-20 design, one (partial) call of a batch-100 one.
SHORT_FRAMES = 40


@pytest.fixture(scope="module")
def short_audio():
    """The first :data:`SHORT_FRAMES` frames (one hop of samples each) of the built-in speech_en_sc."""
    from kernels.mel_tools import fixtures, melfilters

    return fixtures.load("speech_en_sc")[:SHORT_FRAMES * melfilters.HOP]


@pytest.fixture(scope="module")
def short_wav(tmp_path_factory, short_audio):
    """:func:`short_audio` saved as a WAV file."""
    from kernels.mel_tools.audio import save_wav

    path = tmp_path_factory.mktemp("audio") / "short.wav"
    save_wav(path, short_audio)
    return path
