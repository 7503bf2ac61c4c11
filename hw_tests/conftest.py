"""Hardware validation suite: every kept design against the batch-20 baseline on a backend.

    python -m pytest hw_tests                  # on an NPU (xrt backend); skips with the reason elsewhere
    python -m pytest hw_tests --backend sim    # the suite's logic on the simulator (what CI runs)

The runs are stored in a temporary results database unless ``--db PATH`` names one
(e.g. npu-tiler's user database, to keep an NPU's measurements for `npu-tiler results`).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from runner.results import ResultsDB

_DB_PATH = pytest.StashKey[tuple]()  # (path of the results database, whether --db named it)


def pytest_addoption(parser):
    parser.addoption("--backend", default="xrt", choices=["xrt", "sim"],
                     help="xrt: a real NPU through pyxrt (default); sim: the simulator")
    parser.addoption("--db", default=None,
                     help="results database to store the runs in (default: a temporary one, discarded; give "
                          "npu-tiler's user database, e.g. ~/.local/share/npu-tiler/results.sqlite, to keep them)")
    parser.addoption("--repeat", type=int, default=3, help="passes over the audio, for the timings")


@pytest.fixture(scope="session")
def backend(request) -> str:
    return request.config.getoption("--backend")


@pytest.fixture(scope="session")
def results_db(request, tmp_path_factory):
    """The database the runs are stored in: --db PATH, else a temporary one (never the user's
    database, nor $NPU_TILER_DB, unless --db names it)."""
    path = request.config.getoption("--db")
    db = ResultsDB(Path(path) if path else tmp_path_factory.mktemp("results") / "results.sqlite")
    request.config.stash[_DB_PATH] = (db.path, path is not None)
    yield db
    db.close()


def pytest_terminal_summary(terminalreporter, config) -> None:
    where = config.stash.get(_DB_PATH, None)
    if where is not None:
        path, kept = where
        note = "" if kept else " (temporary: pass --db PATH to keep the runs)"
        terminalreporter.write_line(f"results database: {path}{note}")


@pytest.fixture(scope="session")
def repeat(request) -> int:
    return request.config.getoption("--repeat")
