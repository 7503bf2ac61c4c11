"""npu-tiler on real mlir-aie designs (tests/corpus, issue 20): what holds today, and a ratchet for the rest.

The harness (:mod:`reports.corpus`) reads every corpus module once (``npu-tiler corpus`` prints the
same table). Every module must be answered: read or refused with a reason, never a traceback, within
the harness's :data:`TIME_BOUND_S` (how fast, under 2 s each: benchmarks/bench_reading.py). The designs
mlir-aie's CI builds and runs on an NPU (``npu-xrt``, no ``ci_note`` in SOURCES.toml) fit and never
hang, so none may be called hanging or "does not fit", except the named entries of :data:`HANGS_XFAIL`
and :data:`DOES_NOT_FIT_XFAIL`: strict xfails, so a fix shows as XPASS and fails until its entry is
removed. ``python -m reports.corpus --xfails`` prints
the current wrong verdicts in the form of these two lists.
"""
from __future__ import annotations

from functools import cache

import pytest

from reports import corpus

MODULES = corpus.modules()
RUN_ON_HARDWARE = [m.name for m in MODULES if m.expect_runs]

TIME_BOUND_S = 5.0  # the harness gives up (status "timeout") after this, so one stuck module cannot stall the suite

# A floor to raise, not a target: modules read (not refused), 136 of 145 (a file with several aie.device
# ops gives one module per device; reconfigure/aie.mlir, read since, gives three) as measured on 2026-12-07
# (123 of 143 earlier that day, 67 of 134 at the start of the session before). Raise it whenever more are
# read; never lower it. The 9 refused are the files today's mlir-aie rejects as stored (SOURCES.toml
# mlir_aie_refuses: CoreOp::verify's elf_file rule, ObjectFifoLinkOp's one-link rule, func.return outside a
# func.func, an upstream XFAIL): every module mlir-aie accepts is read.
READ_FLOOR = 136

# Designs run on hardware that npu-tiler calls hanging today, each with what it does not model yet
# ("name": "reason"). Empty on 2026-12-07: the last ones (control-packet designs whose locks are set
# through the Ctrl port, packet_flow_fanin's packet-switched fan-in) are now "not proved", as what they
# use is not modelled.
HANGS_XFAIL: dict[str, str] = {
}

# Designs run on hardware that npu-tiler says do not fit today, with the rule it gets wrong.
DOES_NOT_FIT_XFAIL: dict[str, str] = {
    "buffer_clear_op__aie.mlir":
        "a buffer pinned at address 0 beside a core with the default stack: every AIEAssignBuffers.cpp after "
        "mid-2025 read here rejects it too (the stack is at 0 unless the core names stack_address/stack_bank), "
        "and the design's README says its build was not checked; whether today's aiecc adds a stack_address "
        "itself is not known here",
}


@cache
def outcomes() -> dict[str, corpus.Outcome]:
    """Every module's outcome, computed once for the whole file."""
    return {o.name: o for o in corpus.run(time_bound=TIME_BOUND_S)}


def _params(names: list[str], xfails: dict[str, str]) -> list:
    return [pytest.param(n, id=n, marks=pytest.mark.xfail(strict=True, reason=xfails[n])) if n in xfails
            else pytest.param(n, id=n) for n in names]


@pytest.mark.parametrize("name", [m.name for m in MODULES])
def test_every_module_is_answered(name):
    o = outcomes()[name]
    assert o.status != "traceback", f"{name}: a bug, not a refusal: {o.reason}"
    assert o.status != "timeout", f"{name}: {o.reason}"
    if o.status == "refused":
        assert o.reason, f"{name}: refused without a reason"


@pytest.mark.parametrize("name", _params(RUN_ON_HARDWARE, HANGS_XFAIL))
def test_a_design_run_on_hardware_is_not_called_hanging(name):
    o = outcomes()[name]
    assert o.hang != "hangs", f"{name}: {o.hang_reason}"


@pytest.mark.parametrize("name", _params(RUN_ON_HARDWARE, DOES_NOT_FIT_XFAIL))
def test_a_design_run_on_hardware_is_not_called_too_big(name):
    o = outcomes()[name]
    assert o.fits is not False, f"{name}: {o.errors}"


def test_read_count_does_not_fall():
    summary = corpus.summary(list(outcomes().values()))
    assert summary["read"] >= READ_FLOOR, f"{summary['read']} modules read, floor {READ_FLOOR}"


def test_npu_tiler_refuses_exactly_the_modules_todays_mlir_aie_rejects():
    # SOURCES.toml's mlir_aie_refuses names the rule of today's mlir-aie each of these breaks (read from
    # its sources); every other module mlir-aie accepts, so npu-tiler must read it.
    refused = {n for n, o in outcomes().items() if o.status == "refused"}
    rejected = {m.name for m in MODULES if m.mlir_aie_refuses}
    assert refused == rejected, f"refused but accepted by mlir-aie: {sorted(refused - rejected)}; " \
                                f"read but rejected by mlir-aie: {sorted(rejected - refused)}"


def test_xfail_entries_name_designs_run_on_hardware():
    # A renamed or removed file must take its entry with it, else the list hides nothing and rots.
    assert set(HANGS_XFAIL) <= set(RUN_ON_HARDWARE) and set(DOES_NOT_FIT_XFAIL) <= set(RUN_ON_HARDWARE)


def test_the_placeholder_is_substituted_as_run_lit_does():
    by_name = {m.name: m for m in MODULES}
    assert by_name["add_one_cpp_aiecc__aie.mlir"].device == "npu1_1col"  # run.lit: npu1_1col on npu1
    assert by_name["many_buffers__aie.mlir"].device == "npu1_4col"
    assert by_name["bd_iteration_dma_task__aie.mlir"].device == "npu2_1col"  # no npu1 line: run on npu2 only
    assert by_name["add_one_two_runlist__aie1.mlir"].device == "npu2_1col"  # REQUIRES: ryzen_ai_npu2
    assert all(corpus.PLACEHOLDER not in m.text for m in MODULES)


def test_a_split_input_file_is_one_module_per_part(tmp_path):
    (tmp_path / "x").mkdir()
    design = (corpus.CORPUS_DIR / "npu-xrt" / "add_one_objFifo__aie.mlir").read_text()
    (tmp_path / "x" / "two.mlir").write_text(f"{design}\n// -----\n{design}")
    parts = corpus.modules(tmp_path)
    assert [m.name for m in parts] == ["x/two.mlir#1", "x/two.mlir#2"]
    assert [o.status for o in map(corpus.evaluate, parts)] == ["read", "read"]
