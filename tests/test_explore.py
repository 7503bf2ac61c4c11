"""Design-space exploration: the space, the cache, the Pareto front, the report and its numbers."""
import json
import shutil
import sqlite3
from dataclasses import asdict

import pytest

import partitioner
from partitioner.design import Options
from reports import design_space, explain
from reports import explore as ex

SMALL = ex.Space(batches=(20, 100), strategies=("single", "split"), tiles=(1, 4), frame_modes=("framed",),
                 object_frames=(None,))


def test_space_enumerates_buildable_pairs_without_duplicates():
    pts = SMALL.points()
    # single x 1 tile + split x {1, 4} tiles = 3 pairs; x 2 batches x 2 depths x 2 allocators.
    assert len(pts) == 3 * 2 * 2 * 2
    assert len({(o.strategy, o.tiles, o.batch, o.depth, o.alloc_scheme) for o in pts}) == len(pts)
    full = ex.Space().points()
    assert not any(o.strategy == "pipeline" and o.tiles != 2 for o in full)
    assert not any(o.strategy == "hybrid" and (o.tiles % 2 or o.tiles < 4) for o in full)
    # object_frames None and 10 coincide for single batch 10: kept once.
    same = [o for o in full if o.strategy == "single" and o.batch == 10 and o.depth == 1
            and o.frame_mode == "framed" and o.alloc_scheme == "basic-sequential"]
    assert sorted(str(o.object_frames) for o in same) == ["1", "None"]


def test_cache_reuses_points_and_evaluates_only_new_ones(tmp_path):
    cache = tmp_path / "c.sqlite"
    first = ex.run(SMALL, cache_path=cache, progress=False, simulate_front=False)
    assert first.evaluated == len(SMALL.points())
    again = ex.run(SMALL, cache_path=cache, progress=False, simulate_front=False)
    assert again.evaluated == 0 and [r["id"] for r in again.records] == [r["id"] for r in first.records]
    bigger = ex.Space(**{**SMALL.__dict__, "batches": (20, 100, 200)})
    third = ex.run(bigger, cache_path=cache, progress=False, simulate_front=False)
    assert third.evaluated == len(bigger.points()) - len(SMALL.points())


def test_interrupt_leaves_the_cache_consistent(tmp_path, monkeypatch):
    cache = tmp_path / "c.sqlite"
    calls = {"n": 0}
    real = ex.evaluate_chunk

    def flaky(job):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(job)

    monkeypatch.setattr(ex, "evaluate_chunk", flaky)
    monkeypatch.setattr(ex, "chunks", lambda items, size: (items[i:i + 5] for i in range(0, len(items), 5)))
    with pytest.raises(KeyboardInterrupt):
        ex.run(ex.Space(batches=(10, 20, 100), strategies=("split",), tiles=(1, 4)), cache_path=cache,
               progress=False, simulate_front=False)
    db = sqlite3.connect(cache)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = db.execute("SELECT record FROM points").fetchall()
    assert len(rows) == 10  # the two chunks that finished, nothing of the third
    assert all(json.loads(r[0])["id"] for r in rows)


def test_pareto_front_by_hand():
    def rec(i, t, tiles, mem, fits=True):
        return {"id": str(i), "fits": fits, "modeled_seconds": t, "compute_tiles": tiles, "worst_tile_bytes": mem}

    records = [rec(1, 10.0, 4, 50_000), rec(2, 20.0, 2, 50_000), rec(3, 20.0, 4, 50_000),  # 3 is dominated by 1
               rec(4, 5.0, 16, 60_000), rec(5, 1.0, 1, 1, fits=False), rec(6, 10.0, 4, 40_000)]  # 6 beats 1
    assert [r["id"] for r in ex.pareto(records)] == ["4", "6", "2"]


@pytest.fixture(scope="module")
def study(cli, tmp_path_factory):
    # Any space shows what the report tests check; a small one (2 strategies x 1 or 4 tiles x 2 frame modes,
    # 8 Pareto-front designs to simulate) keeps it cheap.
    out = tmp_path_factory.mktemp("report")
    r = cli("explore", "--out", str(out), "--cache", str(out / "cache.sqlite"), "--batch", "40",
            "--strategy", "split", "--strategy", "single", "--tiles", "1", "--tiles", "4",
            "--frame-mode", "framed", "--frame-mode", "streamed")
    assert r.returncode == 0, r.stderr
    return out


def test_report_files_and_every_infeasible_reason(study):
    for name in ("report.html", "report.md", "points.csv", "points.json", "time_vs_tiles.png", "memory_front.png",
                 "fits_map.png", "designs"):
        assert (study / name).stat().st_size > 0, name
    records, meta = design_space.load(study)
    assert 40 in meta["space"]["batches"]
    bad = [r for r in records if not r["fits"]]
    assert bad and all(r["reason"] for r in bad)
    md = (study / "report.md").read_text()
    assert all(r["reason"].replace("|", "/") in md for r in bad)
    front = [r for r in records if r["pareto"]]
    assert front and all(r["simulated"] and r["bit_exact"] for r in front)
    best = [r for r in records if r.get("best_focus")]
    assert len(best) == 1 and best[0]["batch"] == 100 and best[0]["simulated"] and best[0]["bit_exact"]
    assert "seed batch-20" in md and "8-11 s, 12-17x" in md
    assert "## Best at batch 100" in md and "## Pareto front (all batches)" in md
    # Every linked design (the front, and the best at batch 100 per tile count) is emitted into the report.
    for r in design_space.linked(records):
        folder = study / ex.design_folder(r)
        assert (folder / "aie.mlir").is_file() and (folder / "manifest.json").is_file(), folder
        assert f"[{ex.design_folder(r)}/]({ex.design_folder(r)}/)" in md and ex.command(r) in md


def test_infeasible_points_are_invalid_combinations_or_a_named_resource(study):
    records, _ = design_space.load(study)
    bad = [r for r in records if not r["fits"]]
    invalid = [r for r in bad if r["infeasible"] == "invalid combination"]
    too_big = [r for r in bad if r["infeasible"] == "does not fit"]
    assert invalid and too_big and len(invalid) + len(too_big) == len(bad)
    assert all(r["design"] is None for r in invalid) and all(r["design"] for r in too_big)
    for r in too_big:
        kinds = design_space.resources_exceeded(r["errors"])
        assert kinds and "other" not in kinds, r["errors"]
    html = (study / "report.html").read_text()
    assert "Invalid combinations (" in html and "Does not fit (" in html
    for resource in ("memory", "locks", "BDs", "DMA channels", "program memory"):
        assert f"<td>{resource}</td>" in html


def test_each_linked_command_reproduces_its_design_folder(cli, study, tmp_path, monkeypatch):
    import shlex

    records, _ = design_space.load(study)
    best = next(r for r in records if r.get("best_focus"))
    monkeypatch.chdir(study)  # the commands run in the report folder
    for r in [best, next(r for r in records if r["pareto"])]:
        argv = shlex.split(ex.command(r))
        assert argv[:2] == ["npu-tiler", "emit"] and argv[-2:] == ["--out", ex.design_folder(r)]
        assert "--kernel" not in argv and "--device" not in argv  # the defaults: not written
        kept = tmp_path / r["id"]
        (study / ex.design_folder(r)).rename(kept)
        assert cli(*argv[1:]).returncode == 0
        again = study / ex.design_folder(r)
        assert sorted(p.name for p in again.iterdir()) == sorted(p.name for p in kept.iterdir())
        for f in again.iterdir():
            assert f.read_bytes() == (kept / f.name).read_bytes(), f.name


def test_command_writes_only_the_options_that_differ_from_the_defaults():
    from dataclasses import asdict

    from partitioner.design import Options

    rec = {**asdict(Options(batch=100, tiles=8, depth=2, alloc_scheme="bank-aware")), "design": "batch100_split8_d2"}
    assert ex.command(rec) == ("npu-tiler emit --tiles 8 --depth 2 --alloc-scheme bank-aware "
                               "--overwrite --out designs/batch100_split8_d2_bankaware")
    assert ex.command(rec, "partition") == "npu-tiler partition --tiles 8 --depth 2 --alloc-scheme bank-aware"


def test_best_at_batch_100_is_the_fastest_per_tile_count_that_buys_speed():
    def rec(i, batch, t, tiles, mem=1000):
        return {"id": str(i), "batch": batch, "fits": True, "modeled_seconds": t, "compute_tiles": tiles,
                "worst_tile_bytes": mem}

    records = [rec(1, 100, 10.0, 4), rec(2, 100, 9.0, 4, 2000), rec(3, 100, 9.5, 8), rec(4, 100, 5.0, 16),
               rec(5, 200, 1.0, 16), rec(6, 100, 20.0, 1)]
    # 3 (8 tiles) is slower than 2 on 4 tiles: more tiles that buy nothing are left out.
    assert [r["id"] for r in ex.focus_front(records)] == ["4", "2", "6"]


def test_study_seconds_run_end_to_end():
    import time

    study = ex.Study(SMALL, started=time.time() - 5)
    assert 5 <= study.seconds < 6  # read when the report is written: the whole command's time
    assert ex.command_started() is None  # pytest is not the npu-tiler command: the caller's clock counts


def test_regression_plot_counts_runs_in_whole_numbers():
    from reports import regressions
    from runner.results import RunRecord

    runs = [RunRecord(design="a", backend="sim", timing="modelled", options={}, frames=100, npu_calls=1,
                      times=[1e-3 * (1 + i / 10)]) for i in range(3)]
    fig = regressions.figure(runs)
    ax = fig.axes[0]
    ticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)


def test_report_numbers_equal_partition_and_simulate(cli, study, tmp_path):
    records, _ = design_space.load(study)
    sample = [r for r in records if r["pareto"]][:1] + [r for r in records if not r["fits"] and r["design"]][:1]
    sample += [r for r in records if r["fits"] and not r["pareto"]][:1]
    for r in sample:
        args = ["--kernel", r["kernel"], "--batch", str(r["batch"]), "--tiles", str(r["tiles"]), "--strategy",
                r["strategy"], "--depth", str(r["depth"]), "--frame-mode", r["frame_mode"], "--alloc-scheme",
                r["alloc_scheme"]]
        if r["object_frames"]:
            args += ["--object-frames", str(r["object_frames"])]
        p = cli("partition", *args, "--json")
        part = json.loads(p.stdout)
        assert part["fits"] == r["fits"] and part["errors"] == r["errors"] and part["tiles"] == r["tiles_json"]
        out = tmp_path / r["id"]
        assert cli("emit", *args, "--out", str(out), "--force").returncode == 0
        # --force: a design that does not fit is timed only when asked (issue 22, build 4)
        s = json.loads(cli("simulate", str(out), "--timing-only", "--frames", "628163", "--json", "--force").stdout)
        assert (s["modeled_seconds"], s["npu_calls"], s["dma_bytes"]) == \
            (r["modeled_seconds"], r["npu_calls"], r["dma_bytes"])


def test_report_rerenders_from_points_json(cli, study, tmp_path):
    shutil.copy(study / "points.json", tmp_path / "points.json")
    r = cli("report", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "report.html").read_text() == (study / "report.html").read_text()


@pytest.mark.parametrize("args, needle", [
    (["--strategy", "bogus"], "unknown strategy"),
    (["--strategy", "pipeline", "--tiles", "16"], "empty"),
    (["--out", "/proc/npu-tiler-report"], "cannot create"),
])
def test_bad_input_exits_2(cli, args, needle, tmp_path):
    base = ["explore", "--cache", str(tmp_path / "c.sqlite")]
    if "--out" not in args:
        base += ["--out", str(tmp_path / "o")]
    r = cli(*base, *args)
    assert r.returncode == 2 and needle in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_out_that_is_a_file_is_refused(cli, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = cli("explore", "--out", str(f), "--cache", str(tmp_path / "c.sqlite"))
    assert r.returncode == 2 and "is a file" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_point_is_explained_with_the_placer_it_was_placed_by():
    # A two-stage pipeline at batch 20 under basic-sequential: ColumnPlacer's placement does not fit,
    # SearchPlacer's does (each evaluated directly below). A study's record of the search-placed point must be
    # explained (its failures, its time breakdown) with the search's placement, not the column one.
    o = Options(strategy="pipeline", batch=20, tiles=2, alloc_scheme="basic-sequential", depth=2)
    assert not partitioner.partition(o, suggest=False).fits
    assert partitioner.partition(o, suggest=False, placer=explain.placer_of("search")).fits
    searched, column = {**asdict(o), "placer": "search"}, asdict(o)
    assert explain.record_failures(searched) == [] and explain.record_failures(column) != []
    assert explain.placed(searched).fits and explain.breakdown(searched).calls == explain.breakdown(column).calls
