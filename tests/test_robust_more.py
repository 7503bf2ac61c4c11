"""Issue 22, the last cases: nothing claims a simulation `explore --no-simulate` did not run; `report` refuses a
points.json whose figures are not figures; `results --threshold` refuses a growth no run can show ("inf%");
`check` and `partition` say that a kernel's build was not checked instead of letting "fits" imply it.

Every command runs in this process (tests/conftest.py ``cli``); a refusal is one line and exit 2, and the user's
files it was given are left byte for byte.
"""
from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from builders import copy_kernel
from conftest import error_line, run_cli

import partitioner
from kernels.mel_tools import hostbuild
from partitioner import kernel_spec
from partitioner.errors import UserError
from reports import design_space
from reports import explore as ex
from runner import results as results_mod
from runner.results import RunRecord

# A small space (single on one tile, framed: 88 points in about 2 s) with a front and a best at batch 100.
SMALL = ("--strategy", "single", "--tiles", "1", "--frame-mode", "framed", "--jobs", "1")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name: bytes)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- 1. explore --no-simulate claims no simulation ---------------------------------------------------------

@pytest.fixture(scope="module")
def studies(tmp_path_factory):
    """One cache; a study that simulated its linked designs, then the same space again with --no-simulate."""
    if shutil.which("cc") is None:
        pytest.skip("the simulated study needs a C compiler (README: Prerequisites)")
    root = tmp_path_factory.mktemp("nosim")
    cache = root / "c.sqlite"
    simulated = run_cli("explore", *SMALL, "--cache", cache, "--out", root / "sim")
    not_simulated = run_cli("explore", *SMALL, "--cache", cache, "--out", root / "nosim", "--no-simulate")
    return root, cache, simulated, not_simulated


def test_the_simulated_study_says_it_simulated(studies):
    root, _, r, _ = studies
    assert r.returncode == 0, r.stderr
    records, _ = design_space.load(root / "sim")
    front = [p for p in records if p["pareto"]]
    assert front and all(p["simulated"] and p["bit_exact"] for p in front)
    assert f"Pareto front: {len(front)} designs, {len(front)}/{len(front)} simulated bit-exact;" in r.stdout
    assert "each was simulated against the batch-20 baseline" in (root / "sim" / "report.md").read_text()


def test_no_simulate_claims_no_simulation_even_from_the_cache(studies):
    root, cache, _, r = studies
    assert r.returncode == 0, r.stderr
    assert "0 evaluated now" in r.stdout  # every record came from the cache, which holds the simulations
    assert "simulated bit-exact" not in r.stdout
    assert "Pareto front: 3 designs, emitted, not simulated (--no-simulate);" in r.stdout
    records, _ = design_space.load(root / "nosim")
    assert [p for p in records if p.get("simulated") is not None or p.get("bit_exact") is not None] == []
    linked = design_space.linked(records)
    assert linked and {p["sim_note"] for p in linked} == {ex.NOT_SIMULATED}
    md = (root / "nosim" / "report.md").read_text()
    assert "bit-exact" not in md and "none was simulated" in md and "each was simulated" not in md
    assert "bit-exact" not in (root / "nosim" / "report.html").read_text()
    with open(root / "nosim" / "points.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(records) and {(row["simulated"], row["bit_exact"]) for row in rows} == {("", "")}
    # The cache keeps what the earlier run found: --no-simulate only leaves it out of this study.
    con = sqlite3.connect(cache)
    kept = [json.loads(v) for (v,) in con.execute("SELECT record FROM points WHERE id IN (%s)"
                                                  % ",".join("?" * len(linked)), [p["id"] for p in linked])]
    con.close()
    assert len(kept) == len(linked) and all(k["simulated"] and k["bit_exact"] for k in kept)


def test_no_simulate_emits_the_linked_designs_as_its_help_says(cli, studies):
    root, _, _, _ = studies
    records, _ = design_space.load(root / "nosim")
    want = {ex.design_folder(p) for p in design_space.linked(records)}
    assert {f"designs/{d.name}" for d in (root / "nosim" / "designs").iterdir()} == want
    assert all((root / "nosim" / d / "aie.mlir").is_file() for d in want)
    help_text = " ".join(cli("explore", "--help").stdout.split())
    assert "--no-simulate Do not simulate the linked designs (no C compiler needed): they are still emitted" \
        in help_text
    assert "Do not emit" not in help_text


def test_forget_simulation_leaves_no_claim():
    recs = [{"pareto": True, "simulated": True, "bit_exact": False, "sim_note": "DIFFERS from the baseline"},
            {"pareto": False, "pareto_focus": True, "simulated": None, "bit_exact": None},
            {"pareto": False, "simulated": True, "bit_exact": True, "sim_note": "bit-exact"}]
    ex.forget_simulation(recs)
    assert [(r["simulated"], r["bit_exact"], r.get("sim_note")) for r in recs] == \
        [(None, None, ex.NOT_SIMULATED), (None, None, ex.NOT_SIMULATED), (None, None, None)]


# -- 2. report refuses a points.json whose figures are not figures -----------------------------------------

@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A report written by explore --no-simulate (needs no compiler)."""
    root = tmp_path_factory.mktemp("points")
    r = run_cli("explore", *SMALL, "--cache", root / "c.sqlite", "--out", root / "rep", "--no-simulate")
    assert r.returncode == 0, r.stderr
    return root / "rep"


def _pick(points: list[dict], which: str) -> int:
    """The index of the first point of a kind: "front" (on the Pareto front), "too_big" (built, does not fit)."""
    test = {"front": lambda p: p["pareto"], "too_big": lambda p: p["design"] and not p["fits"]}[which]
    return next(i for i, p in enumerate(points) if test(p))


# (which point, field, value written, how the message shows it)
EDITS = [
    ("front", "modeled_seconds", -309.44, "modeled_seconds is -309.44, not a time in seconds"),
    ("front", "worst_tile_bytes", -5, "worst_tile_bytes is -5, not a whole number of at least 0"),
    ("front", "modeled_seconds", None, "fits, but modeled_seconds is null: a point that fits has one"),
    ("front", "modeled_seconds", float("nan"), "modeled_seconds is NaN, not a time in seconds"),
    ("front", "realtime_factor", float("inf"), "realtime_factor is Infinity, not a finite number of at least 0"),
    ("front", "npu_calls", 1.5, "npu_calls is 1.5, not a whole number of at least 0"),
    ("front", "npu_calls", "6282", "npu_calls is '6282', not a whole number of at least 0"),
    ("front", "batch", True, "batch is true, not a whole number of at least 1"),
    ("front", "batch", 0, "batch is 0, not a whole number of at least 1"),
    ("front", "memory", {"buffers": 968, "stack": -1024, "static": 5687}, "memory is"),
    ("front", "fits", "yes", "fits is 'yes', not true or false"),
    ("front", "bit_exact", True, "bit_exact is true, but simulated is null"),
    ("too_big", "pareto", True, "pareto is true, but the point does not fit"),
    ("too_big", "failures", [{"reason": "x", "over": -5}], "failures is"),
    ("too_big", "modeled_seconds", -1e-9, "modeled_seconds is -1e-09, not a time in seconds"),
]


@pytest.mark.parametrize("which, field, value, shown", EDITS)
def test_report_refuses_an_edited_point_naming_it_and_the_field(cli, saved, tmp_path, which, field, value, shown):
    out = tmp_path / "rep"
    shutil.copytree(saved, out)
    data = json.loads((out / "points.json").read_text())
    i = _pick(data["points"], which)
    p = data["points"][i]
    p[field] = value
    (out / "points.json").write_text(json.dumps(data))  # NaN and Infinity as Python's JSON writes them
    before = snapshot(out)
    line = error_line(cli("report", out), str(out / "points.json"), f"point {i + 1} ({p['design']}, id {p['id']}): ",
                     shown, "re-run `npu-tiler explore`")
    assert "nan s" not in line and "Traceback" not in line
    assert snapshot(out) == before  # refused before anything is written


@pytest.mark.parametrize("edit, shown", [
    (lambda m: m.update(seconds=-309.44), "meta: seconds is -309.44, not a time in seconds"),
    (lambda m: m.update(evaluated=None), "meta: evaluated is null, not a whole number of at least 0"),
    (lambda m: m["seed_table"][1].update(modeled_s=float("nan")),
     "meta seed_table row 2 (seed batch-10): modeled_s is NaN"),
    (lambda m: m["seed_table"][0].update(calls=-1), "meta seed_table row 1 (seed single-frame): calls is -1"),
])
def test_report_refuses_an_edited_meta_naming_the_field(cli, saved, tmp_path, edit, shown):
    out = tmp_path / "rep"
    shutil.copytree(saved, out)
    data = json.loads((out / "points.json").read_text())
    edit(data["meta"])
    (out / "points.json").write_text(json.dumps(data))
    before = snapshot(out)
    error_line(cli("report", out), shown)
    assert snapshot(out) == before


def test_an_unedited_copy_still_renders(cli, saved, tmp_path):
    out = tmp_path / "rep"
    shutil.copytree(saved, out)
    r = cli("report", out)
    assert r.returncode == 0, r.stderr
    # A field the report does not know (a newer npu-tiler's) and one an older points.json lacks are let be.
    data = json.loads((out / "points.json").read_text())
    data["points"][0]["from_the_future"] = -1
    del data["points"][0]["modeled_seconds_low"]
    (out / "points.json").write_text(json.dumps(data))
    assert cli("report", out).returncode == 0


# -- 3. results --threshold: no "inf%" ---------------------------------------------------------------------

# The largest growth a measured median can show: one day per call (the longest --timeout) over one
# nanosecond (time.perf_counter's resolution on Linux), less one: 86,400 / 1e-9 - 1.
LARGEST_GROWTH = 86_400 / 1e-9 - 1


def _runs(tmp_path) -> Path:
    """A results database with two runs of one design, the second 50% slower."""
    db = results_mod.ResultsDB(tmp_path / "r.sqlite")
    for t in (0.010, 0.015):
        db.add(RunRecord(design="d", backend="sim", timing="modelled", options={}, frames=20, npu_calls=1,
                         times=[t]))
    db.close()
    return tmp_path / "r.sqlite"


@pytest.mark.parametrize("value", ["1e308", "1e300", "8.65e13"])
def test_a_threshold_no_run_can_reach_is_one_line(cli, tmp_path, value):
    db = _runs(tmp_path)
    before = db.read_bytes()
    report = tmp_path / "rep"
    line = error_line(cli("results", "--regressions", "--threshold", value, "--db", db, "--report", report),
                     f"--threshold {float(value)!r} could never flag a regression", "from 0 to 8.64e+13")
    assert "inf" not in line
    assert db.read_bytes() == before and not report.exists()


def test_the_largest_threshold_is_the_largest_growth_a_median_can_show(cli, tmp_path):
    if time.get_clock_info("perf_counter").resolution != 1e-9:
        pytest.skip("the hand count assumes perf_counter's 1 ns resolution (Linux)")
    assert results_mod.max_threshold() == pytest.approx(LARGEST_GROWTH, rel=1e-12)
    from npu_tiler.cli import MAX_TIMEOUT_S

    assert results_mod.LONGEST_CALL_S == MAX_TIMEOUT_S == 86_400  # one figure: the longest --timeout
    db = _runs(tmp_path)
    r = cli("results", "--regressions", "--threshold", "8.6e13", "--db", db)
    assert r.returncode == 0 and "no regressions above 8600000000000000% in 2 runs" in r.stdout
    r = cli("results", "--regressions", "--threshold", "0.4", "--db", db)  # 50% growth: a regression
    assert r.returncode == 1 and "(+50.0%)" in r.stdout


@pytest.mark.parametrize("value, needle", [(float("inf"), "inf is not a growth"), (float("nan"), "nan is not"),
                                           (-0.1, "-0.1 is not a growth"), (True, "True (bool) is not a number"),
                                           ("0.1", "'0.1' (str) is not a number"), (1e300, "never flag")])
def test_the_library_checks_the_threshold_too(value, needle):
    with pytest.raises(UserError, match="threshold") as info:
        results_mod.regressions([], value)
    assert needle in str(info.value)


# -- 4. check and partition say the kernel's build was not checked -------------------------------------------

@pytest.fixture
def kernel_copy(tmp_path, monkeypatch):
    """Make kernel ``name``: the mel kernel's folder copied and renamed, its mel.c broken on request; the host
    build cache in tmp_path (nothing of the user's is read or written)."""
    root = tmp_path / "kernels"
    monkeypatch.setenv("NPU_TILER_KERNELS", str(root))
    monkeypatch.setenv("NPU_TILER_CACHE", str(tmp_path / "cache"))

    def make(name: str, broken: bool) -> Path:
        copy_kernel(root, name, broken=broken)
        kernel_spec.load.cache_clear()
        ev = partitioner.partition(kernel=name, strategy="single", batch=20, tiles=1, suggest=False)
        return partitioner.emit(ev, tmp_path / f"{name}_b20")

    yield make
    kernel_spec.load.cache_clear()


NOT_CHECKED = "note: kernel build not checked (run `npu-tiler simulate` or `build`): kernel {}'s C sources were " \
              "not compiled, and no build of them is cached"


def test_a_kernel_that_does_not_compile_fits_with_a_note_not_a_claim(cli, kernel_copy, short_wav):
    folder = kernel_copy("broken", broken=True)
    r = cli("partition", "--kernel", "broken", "--strategy", "single", "--batch", "20", "--tiles", "1")
    assert r.returncode == 0, r.stderr  # the tiles' resources fit: exit 0 (README, Exit codes)
    assert r.stdout.rstrip().splitlines()[-1] == NOT_CHECKED.format("broken")
    r = cli("check", folder / "aie.mlir")
    assert r.returncode == 0 and r.stdout.rstrip().splitlines()[-1] == NOT_CHECKED.format("broken")
    r = cli("check", folder / "aie.mlir", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["kernel_build"] == \
        {"status": "not checked", "note": NOT_CHECKED.format("broken").removeprefix("note: ")}
    if shutil.which("cc") is None:
        return
    r = cli("simulate", folder, "--audio", short_wav)
    assert r.returncode == 1 and "its kernel broken does not build" in r.stderr
    # A failed build is not cached: check still says "not checked", never "builds".
    r = cli("check", folder / "aie.mlir", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["kernel_build"]["status"] == "not checked"


def test_check_reports_a_cached_host_build_of_the_same_sources(cli, kernel_copy, short_wav):
    if shutil.which("cc") is None:
        pytest.skip("needs a C compiler to build the kernel once")
    folder = kernel_copy("good", broken=False)
    assert cli("check", folder / "aie.mlir").stdout.rstrip().splitlines()[-1] == NOT_CHECKED.format("good")
    assert cli("simulate", folder, "--audio", short_wav).returncode == 0  # builds (and caches) the kernel
    lib = hostbuild.cached_build(hostbuild.sources("good"))
    assert lib is not None and lib.is_file()
    last = cli("check", folder / "aie.mlir").stdout.rstrip().splitlines()[-1]
    assert last == (f"note: kernel good: these exact C sources built on this host before ({lib}); the NPU build "
                    f"(Peano) is not checked (`npu-tiler build`)")
    # An edited source is another build: not cached, so not checked.
    with open(kernel_spec.toml_path("good").parent / "mel.c", "a") as fh:
        fh.write("\n/* edited */\n")
    assert cli("check", folder / "aie.mlir", "--json").stdout.count('"status": "not checked"') == 1


def test_check_compiles_nothing(cli, kernel_copy, tmp_path, monkeypatch):
    folder = kernel_copy("broken", broken=True)
    log = tmp_path / "cc.log"
    cc = tmp_path / "cc"
    cc.write_text(f'#!/bin/sh\necho "$@" >> {log}\nexit 1\n')
    cc.chmod(0o755)
    monkeypatch.setenv("CC", str(cc))
    for args in (["check", folder / "aie.mlir"], ["check", folder / "aie.mlir", "--json"],
                 ["partition", "--kernel", "broken", "--strategy", "single", "--batch", "20", "--tiles", "1"]):
        r = cli(*args)
        assert r.returncode == 0 and "kernel build not checked" in r.stdout
    assert not log.exists()  # the compiler was never called
    monkeypatch.setenv("CC", str(tmp_path / "no-such-cc"))  # no compiler at all: still a note, exit 0
    r = cli("check", folder / "aie.mlir")
    assert r.returncode == 0 and r.stdout.rstrip().splitlines()[-1] == NOT_CHECKED.format("broken")


def test_a_kernel_without_sources_gets_no_note(cli, tmp_path):
    r = cli("partition", "--kernel", "seed-mel", "--strategy", "single", "--batch", "20", "--tiles", "1")
    assert r.returncode == 0 and "kernel build" not in r.stdout and "kernel seed-mel:" not in r.stdout
    assert cli("emit", "--kernel", "seed-mel", "--strategy", "single", "--batch", "20", "--tiles", "1", "--out",
               tmp_path / "d").returncode == 0
    r = cli("check", tmp_path / "d" / "aie.mlir", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["kernel_build"] is None  # a footprint: nothing to build
