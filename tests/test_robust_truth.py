"""The IR is the truth, and npu-tiler refuses to pretend (issue 22, Build 1 and 4).

* A design folder's manifest.json is a record: every field the IR also states is held to the IR when the
  folder is read (partitioner.manifest, called by partitioner.mlir.read), so `check`, `simulate`,
  `simulate --timing-only` and `run` all give the same one line naming the field, the manifest's value
  and the IR's (exit 2); a malformed manifest (a `kernel` that is a string, ...) is the same kind of line.
* `simulate` and `run` on a design that would not run on an NPU (it does not fit, the hang check finds it
  hangs, its kernel does not build) say so first and exit 1; `run` stores nothing unless --force, and then
  marks the run (sim.api.refusal, runner.run).
* `check` reports two aie.buffer ops pinned at overlapping addresses under basic-sequential in mlir-aie's
  words where its allocator checks them, and notes it where it does not (partitioner.allocation).
"""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from builders import copy_kernel
from conftest import error_line

import partitioner
from partitioner import emitters as em
from partitioner import kernel_spec
from partitioner.manifest import ManifestError
from runner import results as results_mod
from runner.results import ResultsDB, RunRecord

KEPT = em.DESIGNS_DIR / "batch100_split4"  # batch 100 over 4 tiles, 25 frames per object, framed, depth 2


def nothing_stored(db: Path) -> bool:
    """No run in the results database at ``db`` (a refused run may have created the empty file)."""
    return not db.exists() or ResultsDB(db).runs() == []


def lying_copy(tmp_path: Path, edit, source: Path = KEPT) -> Path:
    """A copy of a kept design folder whose manifest.json ``edit`` changed (a dict edited in place, or a
    function returning the new text)."""
    folder = tmp_path / "lie"
    shutil.copytree(source, folder)
    m = json.loads((folder / "manifest.json").read_text())
    text = edit(m)
    (folder / "manifest.json").write_text(text if isinstance(text, str) else json.dumps(m, indent=2))
    return folder


def _set(table: str | None, key: str, value):
    def edit(m):
        (m[table] if table else m)[key] = value
    return edit


# -- A lying manifest: one line naming the field, the manifest's value and the IR's (exit 2) -------------------

def test_a_lying_batch_is_one_line_in_check_not_printed_as_fact(cli, tmp_path):
    folder = lying_copy(tmp_path, lambda m: (m["options"].update(batch=50), m.update(batch=50)))
    r = cli("check", folder / "aie.mlir")
    error_line(r, "manifest.json disagrees with aie.mlir", "batch is 50 in manifest.json, 100 in the IR")
    assert "batch 50" not in r.stdout


def test_a_lying_batch_is_the_same_line_in_simulate_not_an_index_error(cli, tmp_path, short_wav):
    folder = lying_copy(tmp_path, lambda m: (m["options"].update(batch=50), m.update(batch=50)))
    error_line(cli("simulate", folder, "--audio", short_wav), "batch is 50 in manifest.json, 100 in the IR")


def test_a_lying_batch_does_not_double_the_modelled_npu_calls(cli, tmp_path):
    folder = lying_copy(tmp_path, lambda m: (m["options"].update(batch=50), m.update(batch=50)))
    r = cli("simulate", folder, "--timing-only", "--frames", "1000")
    error_line(r, "batch is 50 in manifest.json, 100 in the IR")
    assert r.stdout == ""
    # the honest folder: 1,000 frames at 100 per call are 10 calls (not 20)
    honest = cli("simulate", KEPT, "--timing-only", "--frames", "1000", "--json")
    assert honest.returncode == 0 and json.loads(honest.stdout)["npu_calls"] == 10


def test_a_lying_batch_is_the_same_line_in_run_and_nothing_is_stored(cli, tmp_path, short_wav):
    folder = lying_copy(tmp_path, lambda m: (m["options"].update(batch=50), m.update(batch=50)))
    db = tmp_path / "r.sqlite"
    error_line(cli("run", folder, "--audio", short_wav, "--db", db), "batch is 50 in manifest.json, 100 in the IR")
    assert nothing_stored(db)


@pytest.mark.parametrize("edit, field, stated, ir", [
    # the frame mode the runtime sequence moves (400-sample frames, not overlapping windows of raw audio)
    (_set("options", "frame_mode", "dma-framed"), "options.frame_mode", '"dma-framed"', '"framed"'),
    # the kernel: its cores call mel_frames, which the seed's footprint kernel does not have
    (_set("options", "kernel", "seed-mel"), "options.kernel", '"seed-mel"', "cores that call mel_frames (kernel mel)"),
    (lambda m: m["kernel"].update(name="seed-mel"), "kernel.name", '"seed-mel"', "cores that call mel_frames"),
    # 100 frames over 4 tiles: 25 frames per object (the "0 frames per FIFO buffer" the report printed)
    (_set("options", "object_frames", 0), "options.object_frames", "0", "25"),
    (_set(None, "object_frames", 50), "object_frames", "50", "25"),
    (_set("options", "depth", 1), "options.depth", "1", "2"),
    (_set("options", "tiles", 2), "options.tiles", "2", "4"),
    (_set("options", "strategy", "pipeline"), "options.strategy", '"pipeline"', '"split"'),
    # aie.device(npu1_1col): npu1 is the array it is a sub-array of; npu2 is not
    (_set("options", "device", "npu2"), "options.device", '"npu2"', "aie.device(npu1_1col)"),
    (_set(None, "aie_device", "npu1_2col"), "aie_device", '"npu1_2col"', "aie.device(npu1_1col)"),
    # aiex.runtime_sequence is what the 2025 profiles emit; 2026 emits aie.runtime_sequence
    (_set("options", "mlir_aie", "2026"), "options.mlir_aie", '"2026"', "aiex.runtime_sequence"),
    # the core on tile (0, 3) calls the kernel on 25 frames once per call
    (lambda m: m["workers"][1].update(frames_per_call=30), "workers[1].frames_per_call", "30", "25 (core [0, 3])"),
    (lambda m: m["workers"][0].update(tile=[1, 2]), "workers[0].tile", "[1, 2]", "no aie.core on tile [1, 2]"),
    (lambda m: m["workers"].pop(), "workers (entries)", "3", "4 aie.core ops"),
    # %in_host: memref<40000xi16>
    (lambda m: m["host_buffers"][0].update(elem_count=20000), "host_buffers[0].elem_count", "20000", "40000"),
])
def test_every_field_the_ir_states_is_held_to_it(cli, tmp_path, edit, field, stated, ir):
    folder = lying_copy(tmp_path, edit)
    line = error_line(cli("check", folder / "aie.mlir"), f"{field} is {stated} in manifest.json, {ir}")
    assert str(folder / "manifest.json") in line
    # simulate, its timing model and the Python API read the same folder the same way
    assert error_line(cli("simulate", folder, "--timing-only")) == line
    with pytest.raises(ManifestError, match=re.escape(field)):
        partitioner.read(folder)


@pytest.mark.parametrize("edit, needle", [
    # today's AttributeError at partitioner/api.py: a kernel that is a string instead of a table
    (_set(None, "kernel", "mel"), 'kernel is a string ("mel"), not a table'),
    (_set("options", "batch", "100"), 'options.batch is a string ("100"), not an integer'),
    (_set(None, "batch", True), "batch is true or false (true), not an integer"),  # bool is no count
    (_set(None, "workers", "x"), 'workers is a string ("x"), not a list'),
    (lambda m: m["workers"][0].update(tile=[1]), "workers[0].tile is [1], not [column, row]"),
    (lambda m: "[1, 2]", "holds a list, not a table"),
    (lambda m: "{not json", "not valid JSON"),
])
def test_a_malformed_manifest_is_one_line_in_check_and_simulate(cli, tmp_path, short_wav, edit, needle):
    folder = lying_copy(tmp_path, edit)
    error_line(cli("check", folder / "aie.mlir"), needle, "re-emit the design")
    error_line(cli("simulate", folder, "--audio", short_wav), needle)


def test_every_kept_design_and_its_generic_form_agree_with_its_manifest():
    for folder in sorted(p for p in em.DESIGNS_DIR.iterdir() if (p / "manifest.json").is_file()):
        m = json.loads((folder / "manifest.json").read_text())
        for mlir in ("aie.mlir", "aie.generic.mlir"):
            ev = partitioner.read(folder / mlir)
            assert (ev.design.batch, ev.design.object_frames, ev.design.depth) == \
                (m["batch"], m["object_frames"], m["depth"]), folder.name


def test_a_freshly_emitted_design_of_each_shape_reads_back_without_disagreement(tmp_path):
    for i, kw in enumerate([dict(strategy="single", batch=20, tiles=1, frame_mode="streamed"),
                            dict(strategy="pipeline", tiles=2, object_frames=10),
                            dict(strategy="hybrid", tiles=8, frame_mode="dma-framed", device="npu2"),
                            dict(strategy="split", tiles=8, mlir_aie="2026", stack_size=2048),
                            dict(kernel="seed-mel", strategy="single", batch=20, tiles=1)]):
        ev = partitioner.partition(suggest=False, **kw)
        back = partitioner.read(partitioner.emit(ev, tmp_path / f"d{i}", force=True))
        assert back.design.options == ev.design.options and back.design.batch == ev.design.batch, kw


# -- Silent nonsense: a design that would not run is said so first (exit 1) ---------------------------------------

@pytest.fixture(scope="module")
def too_big(tmp_path_factory):
    """batch 100 on one tile: 2 x 80,000 B in + 2 x 16,000 B out + 1,024 B stack + 8 B + 5,687 B static data =
    198,719 B on a 65,536 B tile, emitted with force."""
    ev = partitioner.partition(strategy="single", batch=100, tiles=1, suggest=False)
    assert not ev.fits
    return partitioner.emit(ev, tmp_path_factory.mktemp("big") / "b100x1", force=True)


def test_simulating_a_design_that_does_not_fit_is_refused_first(cli, too_big, short_wav):
    line = error_line(cli("simulate", too_big, "--audio", short_wav), "does not fit",
                      "needs 198,719 B of 65,536 B", "npu-tiler does not simulate it", "--force", code=1)
    assert "bit-exact" not in line
    error_line(cli("simulate", too_big, "--timing-only"), "does not fit", code=1)


def test_simulate_force_says_so_and_still_exits_1(cli, too_big, short_wav):
    r = cli("simulate", too_big, "--audio", short_wav, "--force", "--json")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("npu-tiler: warning: batch100_1tile_d2 does not fit")
    assert json.loads(r.stdout)["refused"].startswith("batch100_1tile_d2 does not fit")


def test_running_a_design_that_does_not_fit_stores_nothing(cli, too_big, short_wav, tmp_path):
    db = tmp_path / "r.sqlite"
    error_line(cli("run", too_big, "--audio", short_wav, "--db", db), "does not fit",
               "npu-tiler does not run it", code=1)
    assert nothing_stored(db)


def test_a_forced_run_is_stored_marked_and_left_out_of_regressions(cli, too_big, short_wav, tmp_path):
    db = tmp_path / "r.sqlite"
    r = cli("run", too_big, "--audio", short_wav, "--db", db, "--force")
    assert r.returncode == 1, r.stderr
    assert "marked forced: not a valid run" in r.stdout
    (run,) = ResultsDB(db).runs()
    assert run.forced.startswith("batch100_1tile_d2 does not fit") and run.diagnosis.startswith("forced: ")
    listing = cli("results", "--db", db)
    assert listing.returncode == 0 and "forced: batch100_1tile_d2 does not fit" in listing.stdout
    later = RunRecord(design=run.design, backend=run.backend, timing=run.timing, options={}, frames=40,
                      npu_calls=1, times=[run.median_s * 10], date="2999-01-01T00:00:00+00:00")
    # a valid run 10x slower than the forced one: no regression, the forced run is no baseline
    assert results_mod.regressions([run, later], 0.1) == []


@pytest.fixture
def hanging(tmp_path):
    """The batch-20 baseline whose runtime sequence sends half of each call's 8,000 input samples: the core's
    first acquire of in0 never completes, nor the wait on out0 (the hang check's starved host wait)."""
    folder = tmp_path / "hang"
    shutil.copytree(em.DESIGNS_DIR / "batch20_1tile", folder)
    mlir = folder / "aie.mlir"
    text = mlir.read_text()
    assert text.count("[1, 1, 1, 8000][0, 0, 0, 1]") == 1
    mlir.write_text(text.replace("[1, 1, 1, 8000][0, 0, 0, 1]", "[1, 1, 1, 4000][0, 0, 0, 1]"))
    return folder


def test_a_design_that_hangs_is_exit_1_in_check_simulate_and_run(cli, hanging, short_wav, tmp_path):
    assert cli("check", hanging / "aie.mlir").returncode == 1
    error_line(cli("simulate", hanging, "--audio", short_wav), "would hang on the NPU", "wait on out0", code=1)
    error_line(cli("simulate", hanging, "--timing-only"), "would hang on the NPU", code=1)
    db = tmp_path / "r.sqlite"
    error_line(cli("run", hanging, "--audio", short_wav, "--db", db), "would hang on the NPU", code=1)
    assert nothing_stored(db)


@pytest.fixture
def broken_kernel(tmp_path, monkeypatch):
    """A design of kernel "broken": the mel kernel's folder copied, renamed, its mel.c no longer C."""
    root = tmp_path / "kernels"
    copy_kernel(root, "broken", broken=True)
    monkeypatch.setenv("NPU_TILER_KERNELS", str(root))
    kernel_spec.load.cache_clear()
    ev = partitioner.partition(kernel="broken", strategy="single", batch=20, tiles=1, suggest=False)
    assert ev.fits  # the resource check does not compile the kernel
    yield partitioner.emit(ev, tmp_path / "b20")
    kernel_spec.load.cache_clear()


def test_a_kernel_that_does_not_build_is_refused_by_simulate_and_run(cli, broken_kernel, short_wav, tmp_path):
    error_line(cli("simulate", broken_kernel, "--audio", short_wav), "its kernel broken does not build",
               "host build failed", "fix the kernel's C sources", code=1)
    db = tmp_path / "r.sqlite"
    error_line(cli("run", broken_kernel, "--audio", short_wav, "--db", db), "its kernel broken does not build", code=1)
    assert nothing_stored(db)


def test_a_design_that_runs_is_not_refused(cli, short_wav, tmp_path):
    db = tmp_path / "r.sqlite"
    r = cli("run", em.DESIGNS_DIR / "batch20_1tile", "--audio", short_wav, "--db", db)
    assert r.returncode == 0, r.stderr
    (run,) = ResultsDB(db).runs()
    assert run.forced is None and run.diagnosis is None


def test_a_results_database_from_before_the_forced_column_gains_it_and_keeps_its_runs(tmp_path):
    db = tmp_path / "old.sqlite"
    old_schema = results_mod.SCHEMA.replace(",\n    forced TEXT", "")
    assert "forced" not in old_schema
    with sqlite3.connect(db) as con:
        con.execute(old_schema)
        con.execute("INSERT INTO runs (date, design, backend, timing, options, frames, npu_calls, times, median_s,"
                    " min_s, max_s) VALUES ('2026-01-01', 'old', 'xrt', 'measured', '{}', 10, 1, '[0.001]',"
                    " 0.001, 0.001, 0.001)")
    store = ResultsDB(db)
    (run,) = store.runs()
    assert run.design == "old" and run.forced is None
    store.add(RunRecord(design="new", backend="sim", timing="modelled", options={}, frames=1, npu_calls=1,
                        times=[1.0], forced="x does not fit"))
    assert [r.forced for r in store.runs()] == [None, "x does not fit"]


# -- check: two aie.buffer ops pinned at overlapping addresses ------------------------------------------------------

PINNED = """module {{
  aie.device(npu1_1col) {{
    %t = aie.tile(0, 2)
    %a = aie.buffer(%t) {{address = 4096 : i32, sym_name = "a"}} : memref<256xi32>
    %b = aie.buffer(%t) {{address = {b} : i32, sym_name = "b"}} : memref<256xi32>
    %c = aie.core(%t) {{
      aie.end
    }}
  }}
}}
"""


def _pinned(tmp_path: Path, b_address: int) -> Path:
    path = tmp_path / f"pinned_{b_address}.mlir"
    path.write_text(PINNED.format(b=b_address))
    return path


def test_overlapping_pinned_buffers_fail_basic_sequential_in_mlir_aies_words(cli, tmp_path):
    # 'a' holds 256 x i32 = 1,024 B at 0x1000-0x13FF; 'b' pinned at 4608 = 0x1200 starts inside it.
    # AIEAssignBuffers.cpp (occupancy-based rewrite, search id 60322520818) basicAllocation ->
    # checkAndPrintBufferOverlap: "buffer '<cur>' at address 0x<cur> overlaps with '<prev>' at address
    # 0x<prev> (size: <prev size> bytes)", as an op error on the aie.buffer.
    r = cli("check", _pinned(tmp_path, 4608), "--alloc-scheme", "basic-sequential", "--mlir-aie", "2026", "--json")
    assert r.returncode == 1, r.stderr
    out = json.loads(r.stdout)
    assert not out["fits"]
    assert any("'aie.buffer' op buffer 'b' at address 0x1200 overlaps with 'a' at address 0x1000 "
               "(size: 1024 bytes)" in e for e in out["errors"]), out["errors"]


def test_adjacent_pinned_buffers_pass_basic_sequential(cli, tmp_path):
    # 'b' at 5120 = 0x1400, the first byte after 'a': no byte shared.
    r = cli("check", _pinned(tmp_path, 5120), "--alloc-scheme", "basic-sequential", "--mlir-aie", "2026", "--json")
    assert r.returncode == 0, r.stdout[-2000:]
    assert not any("overlap" in e for e in json.loads(r.stdout)["errors"])


def test_overlapping_pinned_buffers_are_noted_where_the_allocator_does_not_check(cli, tmp_path):
    # The mid-2025 basicAllocation (AIEAssignBuffers.cpp, search id 5799773962) keeps every pinned address and
    # checks only the high-water mark: aiecc of the 2025 profiles accepts it, so it fits, but not silently.
    r = cli("check", _pinned(tmp_path, 4608), "--alloc-scheme", "basic-sequential", "--mlir-aie", "2025")
    assert r.returncode == 0, r.stdout[-2000:]
    assert "'b' at 0x1200 overlaps 'a' at 0x1000 (1024 B)" in r.stdout and "share bytes" in r.stdout
