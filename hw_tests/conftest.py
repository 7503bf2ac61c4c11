"""Hardware validation suite: every kept design against the batch-20 baseline on a backend.

    python -m pytest hw_tests                  # on an NPU (xrt backend); skips with the reason elsewhere
    python -m pytest hw_tests --backend sim    # the suite's logic on the simulator (what CI runs)
"""
from __future__ import annotations

import pytest


def pytest_addoption(parser):
    parser.addoption("--backend", default="xrt", choices=["xrt", "sim"],
                     help="xrt: a real NPU through pyxrt (default); sim: the simulator")
    parser.addoption("--db", default=None, help="results database (default: npu-tiler's user database)")
    parser.addoption("--repeat", type=int, default=3, help="passes over the audio, for the timings")


@pytest.fixture(scope="session")
def backend(request) -> str:
    return request.config.getoption("--backend")


@pytest.fixture(scope="session")
def results_db(request):
    from pathlib import Path

    from runner.backends import default_db_path
    from runner.results import ResultsDB

    path = request.config.getoption("--db")
    db = ResultsDB(Path(path) if path else default_db_path())
    yield db
    db.close()


@pytest.fixture(scope="session")
def repeat(request) -> int:
    return request.config.getoption("--repeat")
