"""A report that explains (issue 22, build 6): why a design does not fit, where the best design's time
goes, rebuild commands that run as printed, and design folders whose build.sh works wherever they move.

Expected figures are hand counts written out beside each assertion: buffer sizes from the kernel's
bytes per frame (kernels/mel/kernel.toml: 800 B in, 160 B out per frame), 64 KiB of data memory in
4 banks per compute tile (AM020; partitioner/params/devices.toml), the kernel's 5,687 B of static data
and the 1,024 B default stack (mlir-aie AIEOps.td DefaultValuedAttr 0x400), the per-call overhead
(partitioner/params/timing.toml, 213.3 us) and 628,163 frames (the seed's audio).
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kernels
import partitioner
from partitioner.design import Options
from partitioner.emitters import DESIGNS_DIR
from partitioner.params import timing as load_timing
from reports import design_space, explain
from reports import explore as ex

STACK, STATIC, TILE = 1024, 5687, 65536
BANK = TILE // 4  # 16,384 B: a compute tile's 64 KiB in four banks


def _failure(ev, tile):
    (f,) = [f for f in explain.failures(ev) if f["tile"] == list(tile)]
    return f


def test_a_buffer_larger_than_a_bank_is_named_with_the_bank_it_overflows():
    # Mid-2025 bank-aware allocator: batch 25 on one tile, depth 1. Input 25 x 800 = 20,000 B, output
    # 25 x 160 = 4,000 B, 8 B of FIFO state: the tile's total fits, but the input cannot sit in one bank.
    ev = partitioner.partition(strategy="single", batch=25, tiles=1, depth=1, alloc_scheme="bank-aware",
                               mlir_aie="2025.09")
    f = _failure(ev, (0, 2))
    assert f["needs"] == 20_000 + 4_000 + 8 + STACK + STATIC == 30_719 and f["capacity"] == TILE
    assert f["buffer"] == "in0_cons_buff_0" and f["buffer_bytes"] == 20_000
    assert f["over"] == 20_000 - BANK == 3_616 and "16,384 B bank" in f["over_what"]
    # The full reason, every line: the allocator's own line names the buffer, the map follows.
    assert f["reason"] == ev.errors[0] and len(f["reason"].splitlines()) > 5
    assert 'Failed to allocate buffer: "in0_cons_buff_0" with size: 20000 bytes.' in f["reason"].splitlines()


def test_a_tile_over_its_memory_names_the_bytes_over_and_the_buffer_that_crosses_the_end():
    # basic-sequential, batch 100 on one tile, depth 1: stack at 0, then 80,000 B of input from 0x400,
    # which runs past 0x10000; 16,000 B out and 8 B state after it.
    ev = partitioner.partition(strategy="single", batch=100, tiles=1, depth=1)
    f = _failure(ev, (0, 2))
    needs = 80_000 + 16_000 + 8 + STACK + STATIC
    assert f["needs"] == needs == 102_719 and f["over"] == needs - TILE == 37_183
    assert f["buffer"] == "in0_cons_buff_0" and f["buffer_bytes"] == 80_000 and 0x400 + 80_000 > TILE
    assert f["tile_kind"] == "compute" and "the tile's 65,536 B" in f["over_what"]


def test_static_data_the_linker_cannot_place_is_the_buffer_that_does_not_fit():
    # A 2-stage pipeline at batch 200, depth 2, streamed: the second stage's tile holds two 32,000 B
    # output buffers (200 x 160) from 0x400 to 0xFE00; the 5,687 B of static data do not fit above them.
    ev = partitioner.partition(strategy="pipeline", batch=200, tiles=2, depth=2, frame_mode="streamed",
                               mlir_aie="2025.09")
    f = _failure(ev, (0, 3))
    assert f["buffer"] == "(kernel static data)" and f["buffer_bytes"] == STATIC
    assert f["over"] == 2 * 32_000 + 8 + STACK + STATIC - TILE == 5_183
    assert "overflow the data region above the last buffer by 5183 bytes" in f["reason"]  # the linker's figure


def test_a_reason_that_is_not_memory_keeps_its_text_and_has_no_bytes():
    rec = {**{k: getattr(Options(), k) for k in Options.__dataclass_fields__}, "errors": ["would hang: x\n  y"],
           "failures": []}
    (f,) = explain.record_failures(rec)
    assert f["reason"] == "would hang: x\n  y" and f["over"] is None and f["buffer"] is None


def test_a_record_without_stored_failures_gets_them_from_its_options():
    # A points.json written before records stored their failures: the report evaluates the options again.
    rec = ex.evaluate_point(Options(strategy="single", batch=100, tiles=1, depth=1))
    stored = rec.pop("failures")
    assert stored and explain.record_failures(rec) == stored and stored[0]["over"] == 37_183


def test_the_breakdown_adds_up_to_the_modelled_time():
    rec = ex.evaluate_point(Options(batch=100, tiles=4))
    b = explain.breakdown(rec)
    assert b.calls == rec["npu_calls"] == -(-628_163 // 100) == 6_282
    assert b.overhead_s == pytest.approx(6_282 * load_timing().per_call_overhead_s)  # 213.3 us per call
    assert b.overhead_s + b.compute_s + b.waiting_s == pytest.approx(rec["modeled_seconds"], rel=1e-9)
    assert b.compute_s > 0.9 * (b.compute_s + b.waiting_s)  # the mel kernel's cycles dominate a call


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    # 272 points in about 3 s: batch 100 has a best (split on 4 tiles) and a next best (one tile), and the
    # space has bank-aware designs that do not fit.
    out = tmp_path_factory.mktemp("robust_report") / "report"
    r = subprocess.run([sys.executable, "-m", "npu_tiler", "explore", "--out", str(out), "--cache",
                        str(out.parent / "cache.sqlite"), "--no-simulate", "--strategy", "single", "--strategy",
                        "split", "--tiles", "1", "--tiles", "4", "--frame-mode", "framed"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return out


def test_the_report_lists_every_reason_a_design_does_not_fit(report):
    records, _ = design_space.load(report)
    too_big = [r for r in records if r["infeasible"] == "does not fit"]
    md = (report / "report.md").read_text()
    n = sum(len(r["errors"]) for r in too_big)
    assert f"## Every design that does not fit ({n:,} reasons in {len(too_big):,} designs)" in md
    assert ("| batch25_1tile_d1_bankaware | (0, 2) compute | memory | 30,719 / 65,536 | 3,616 B over one 16,384 B "
            "bank") in md
    row = next(line for line in md.splitlines() if line.startswith("| batch25_1tile_d1_bankaware |"))
    assert "in0_cons_buff_0 (20,000 B)" in row and "<br>Failed to allocate buffer:" in row  # not the first line only


def test_the_report_says_why_the_best_at_batch_100_wins(report):
    records, _ = design_space.load(report)
    best = next(r for r in records if r.get("best_focus"))
    md = (report / "report.md").read_text()
    assert "## Why the best at batch 100 wins" in md and best["tiles"] == 4
    assert "It beats the next best, single / batch 100 / 1 tile /" in md
    # 8 tiles is not in this space: the report evaluates it and says so.
    assert "- tile count: split / batch 100 / 8 tiles / " in md and "(outside this space, evaluated" in md


def test_a_rebuild_command_runs_as_printed_in_the_report_folder(report, tmp_path):
    records, _ = design_space.load(report)
    best = next(r for r in records if r.get("best_focus"))
    md = (report / "report.md").read_text().splitlines()
    at = md.index("## Best at batch 100")
    printed = md[md.index("```", at) + 1]  # the command in the fenced block under the best
    assert printed == ex.command(best) and "--overwrite" in shlex.split(printed)
    folder = report / ex.design_folder(best)
    kept = {p.name: p.read_bytes() for p in folder.iterdir()}
    argv = shlex.split(printed)
    exe = shutil.which(argv[0]) or pytest.skip("the npu-tiler console script is not on PATH")
    r = subprocess.run([exe, *argv[1:]], cwd=report, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == kept  # the same folder, byte for byte


def _fake_tools(tmp_path: Path, python3: str | None) -> dict[str, str]:
    """A Peano clang that records its arguments and fails unless the C file exists, an aiecc.py that
    does nothing, and the python3 build.sh asks for the kernel (None: one that fails)."""
    peano, bin_ = tmp_path / "peano", tmp_path / "bin"
    (peano / "bin").mkdir(parents=True)
    bin_.mkdir()
    clang = peano / "bin" / "clang"
    clang.write_text('#!/bin/sh\necho "$@" > "$CLANG_LOG"\nfor a; do case "$a" in *.c) [ -f "$a" ] || exit 9;; '
                     'esac; done\n')
    (bin_ / "aiecc.py").write_text("#!/bin/sh\nexit 0\n")
    py = bin_ / "python3"
    # A wrapper, not a symlink: a symlinked venv interpreter does not find its venv (pyvenv.cfg is looked up
    # beside the path it is run by), so it would ask another install for the kernel.
    py.write_text(f'#!/bin/sh\nexec "{python3}" "$@"\n' if python3 else "#!/bin/sh\nexit 1\n")
    for f in (clang, bin_ / "aiecc.py", py):
        f.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "KERNEL_SRC"}
    env.update(PEANO_INSTALL_DIR=str(peano), PATH=f"{bin_}:/usr/bin:/bin", CLANG_LOG=str(tmp_path / "clang.log"))
    return env


def test_a_moved_design_folder_builds_with_the_installed_kernel(tmp_path):
    moved = tmp_path / "far" / "away" / "deeper" / "b100x4"
    shutil.copytree(DESIGNS_DIR / "batch100_split4", moved)
    assert not (moved / "../../kernels/mel").exists()  # the path it was emitted with is gone
    env = _fake_tools(tmp_path, sys.executable)
    r = subprocess.run(["bash", str(moved / "build.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert f"{kernels.kernel_dir('mel')}/mel.c" in (tmp_path / "clang.log").read_text().split()
    # Without an npu-tiler to ask: exit 2, and the message names KERNEL_SRC.
    env = _fake_tools(tmp_path / "none", None)
    r = subprocess.run(["bash", str(moved / "build.sh")], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "set KERNEL_SRC" in r.stderr
    # KERNEL_SRC still wins.
    r = subprocess.run(["bash", str(moved / "build.sh")], env={**env, "KERNEL_SRC": str(kernels.kernel_dir("mel"))},
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_a_design_folder_in_place_builds_from_its_relative_path(tmp_path):
    # designs/<name> beside kernels/, as in a checkout (the kernels linked in, nothing written to the repo).
    (tmp_path / "kernels").symlink_to(kernels.KERNELS_ROOT)
    shutil.copytree(DESIGNS_DIR / "batch100_split4", tmp_path / "designs" / "batch100_split4")
    env = _fake_tools(tmp_path / "tools", None)  # no python3 to ask: the relative path alone must do
    r = subprocess.run(["bash", str(tmp_path / "designs" / "batch100_split4" / "build.sh")], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    log = (tmp_path / "tools" / "clang.log").read_text()
    assert f"{tmp_path}/designs/batch100_split4/../../kernels/mel/mel.c" in log
