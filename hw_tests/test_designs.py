"""Each kept design on the selected backend: bit-exact with the baseline, accurate against the float
reference, timings recorded in the results database."""
from __future__ import annotations

from pathlib import Path

import pytest

from kernels.mel_tools import fixtures
from partitioner.emitters import DESIGNS_DIR
from partitioner.params import seed
from runner.backends import default_db_path, xrt_unavailable
from runner.run import run_design

DESIGNS = sorted(p for p in DESIGNS_DIR.iterdir() if p.is_dir())


@pytest.fixture(scope="session")
def audio():
    return fixtures.default_audio()


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
def test_design_against_baseline(design: Path, backend: str, audio, results_db, repeat):
    if backend == "xrt":
        reason = xrt_unavailable(design)  # the baseline is the simulator's (sim.baseline_output), not built
        if reason:
            pytest.skip(reason)
    out = run_design(design, backend, audio, repeat=repeat, db=results_db)
    r = out.record
    assert r.diagnosis is None, f"{design.name}: {r.diagnosis}"
    assert r.bit_exact, f"{design.name}: differs from the batch-20 baseline (max |diff| {r.max_abs_diff})"
    assert r.pearson >= seed().min_pearson and r.max_abs_error <= seed().max_abs_error
    assert r.id is not None and len(r.times) == r.npu_calls * repeat


def test_runs_go_to_a_temporary_database_unless_db_names_one(request, results_db, tmp_path_factory):
    given = request.config.getoption("--db")
    if given is not None:
        assert results_db.path == Path(given)
    else:
        assert results_db.path != default_db_path()  # neither the user's database nor $NPU_TILER_DB
        assert results_db.path.is_relative_to(tmp_path_factory.getbasetemp())
