"""The mlir-aie profiles (issue 21): ids and aliases, `npu-tiler profiles`, every profile's facts, the
dynamic ObjectFIFO lowering's per-core state buffer, and the installed-version guard of `build`.

The state-buffer figures are written out from mlir-aie's own CHECK lines:
test/objectFifo-stateful-transform/dynamic_lowering/same_depth_objectfifos_test.mlir @ 42c31aa6 and
different_depth_objectfifos_test.mlir @ 0429335f (RUN: aie-opt --aie-objectFifo-stateful-transform=
dynamic-objFifos): `%buffer_0_2 = aie.buffer(%tile_0_2) : memref<2xi32>` next to the FIFOs'
`<fifo>_buff_<i>` / `<fifo>_cons_buff_<i>` buffers of memref<10xi32>.

The guard is tested with a stand-in `aiecc` on PATH that prints the C++ driver's `--version` text
(tools/aiecc/CommandLineOptions.h printVersion): that tests npu-tiler's reading of that text, nothing
of a hardware run.
"""
from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import partitioner
from npu_tiler.cli import cli
from partitioner import profiles
from partitioner.errors import UserError
from runner import toolchain

ROOT = Path(__file__).resolve().parents[1]
FACTS = ("release", "wheel", "commit", "iron", "allocator", "merged_from", "summary", "targets")

# The input module of same_depth_objectfifos_test.mlir (@ 42c31aa6), as the test feeds aie-opt.
SAME_DEPTH = """
module {
  aie.device(npu1_1col) {
    func.func @add_10_i32(%line_in1: memref<10xi32>, %line_in2: memref<10xi32>, %line_out: memref<10xi32>) -> () {
        return
    }
    %tile_0_0 = aie.tile(0, 0)
    %tile_0_2 = aie.tile(0, 2)
    aie.objectfifo @input_fifo(%tile_0_0, {%tile_0_2}, [2, DEPTH]) : !aie.objectfifo<memref<10xi32>>
    aie.objectfifo @output_fifo(%tile_0_2, {%tile_0_0}, [2, 2]) : !aie.objectfifo<memref<10xi32>>
    %core_0_2 = aie.core(%tile_0_2) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c8 = arith.constant 9 : index
      %0 = aie.objectfifo.acquire @output_fifo(Produce, 1) : !aie.objectfifosubview<memref<10xi32>>
      %1 = aie.objectfifo.subview.access %0[0] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
      %2 = aie.objectfifo.acquire @input_fifo(Consume, 1) : !aie.objectfifosubview<memref<10xi32>>
      %3 = aie.objectfifo.subview.access %2[0] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
      func.call @add_10_i32(%3, %3, %1) : (memref<10xi32>, memref<10xi32>, memref<10xi32>) -> ()
      aie.objectfifo.release @output_fifo(Produce, 1)
      scf.for %arg0 = %c0 to %c8 step %c1 {
        %4 = aie.objectfifo.acquire @output_fifo(Produce, 1) : !aie.objectfifosubview<memref<10xi32>>
        %5 = aie.objectfifo.subview.access %4[0] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
        %6 = aie.objectfifo.acquire @input_fifo(Consume, 2) : !aie.objectfifosubview<memref<10xi32>>
        %7 = aie.objectfifo.subview.access %6[0] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
        %8 = aie.objectfifo.subview.access %6[1] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
        func.call @add_10_i32(%7, %8, %5) : (memref<10xi32>, memref<10xi32>, memref<10xi32>) -> ()
        aie.objectfifo.release @input_fifo(Consume, 1)
        aie.objectfifo.release @output_fifo(Produce, 1)
      }
      %9 = aie.objectfifo.acquire @output_fifo(Produce, 1) : !aie.objectfifosubview<memref<10xi32>>
      %10 = aie.objectfifo.subview.access %9[0] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
      %11 = aie.objectfifo.acquire @input_fifo(Consume, 2) : !aie.objectfifosubview<memref<10xi32>>
      %12 = aie.objectfifo.subview.access %11[0] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
      %13 = aie.objectfifo.subview.access %11[1] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
      func.call @add_10_i32(%12, %13, %10) : (memref<10xi32>, memref<10xi32>, memref<10xi32>) -> ()
      aie.objectfifo.release @input_fifo(Consume, 2)
      aie.objectfifo.release @output_fifo(Produce, 1)
      aie.end
    }
  }
}
"""


def _tile_buffers(path: Path, profile: str, tile=(0, 2)) -> dict[str, int]:
    ev = partitioner.read(path, verify_sources=False, mlir_aie=profile)
    report = next(t for t in ev.tiles if tuple(t.tile) == tile)
    return {b["name"]: b["bytes"] for b in report.buffers if not b["name"].startswith("(")}


# --- ids, aliases, default ------------------------------------------------------------------------

def test_aliases_resolve_to_the_newest_profile_of_their_year():
    # Issue 21: "--mlir-aie 2025 and --mlir-aie 2026 stay accepted as aliases for the newest profile of that year".
    assert profiles.aliases() == {"2025": "2025.09", "2026": "2026.08"}
    assert profiles.load("2026").name == "2026.08" and profiles.load("2026") is profiles.load("2026.08")
    for year in ("2025", "2026"):
        assert profiles.resolve(year) == max(n for n in profiles.available() if n.startswith(year))
    # The default is the seed's toolchain: aiecc.py on 2025-11-01 (shared/seeds/COMPILATION_SUCCESS_SUMMARY.md),
    # inside PR #2549 (2025-09) .. #2708 (2025-11).
    assert profiles.default_name() == "2025.09" and profiles.load().name == "2025.09"


def test_an_unknown_profile_is_one_line_naming_ids_and_aliases():
    with pytest.raises(UserError) as e:
        profiles.load("2024")
    assert "\n" not in str(e.value) and "2025.09" in str(e.value) and "2026" in str(e.value)


def test_the_cli_accepts_aliases_and_ids():
    for name in ("2026", "2026.08", "2025.09"):
        r = CliRunner().invoke(cli, ["partition", "--batch", "20", "--tiles", "1", "--mlir-aie", name, "--json"])
        assert r.exit_code == 0, r.output
        assert json.loads(r.output)["fits"] is True


# --- every profile's facts ------------------------------------------------------------------------

@pytest.mark.parametrize("name", profiles.available())
def test_every_profile_states_every_fact(name: str):
    p = profiles.load(name)
    for key in FACTS:
        assert getattr(p, key).strip(), f"{name}: {key} is empty"
    assert p.sources and all(s.strip() for s in p.sources)
    assert p.objectfifo_lowering in ("static", "dynamic") and p.driver in ("aiecc.py", "aiecc")
    # static lowering keeps no per-core state; dynamic keeps it in a buffer or in registers
    assert (p.objectfifo_lowering == "static") == (p.dynamic_state == "none")
    # the merge dates the guard reads: YYYY-MM or YYYY-MM-DD, before empty only for the open profile
    for day in (p.merged_from, p.merged_before):
        assert day == "" or [len(x) for x in day.split("-")] in ([4, 2], [4, 2, 2])
    assert (p.merged_before == "") == (p.before_pr == 0)


def test_the_windows_follow_the_pull_requests_that_split_them():
    # PR #2549 (2025-09) made dynamic lowering aiecc's default; PR #3298 (2026-08) moved its state to registers.
    assert profiles.load("2025.06").before_pr == profiles.load("2025.09").first_pr == 2549
    assert profiles.load("2025.06").objectfifo_lowering == "static"
    assert profiles.load("2025.09").dynamic_state == "buffer"
    assert profiles.load("2026.08").first_pr == 3298 and profiles.load("2026.08").dynamic_state == "registers"


def test_npu_tiler_profiles_lists_facts_aliases_and_default():
    r = CliRunner().invoke(cli, ["profiles"])
    assert r.exit_code == 0, r.output
    for name in profiles.available():
        assert any(line.startswith(name) for line in r.output.splitlines())
    assert "aliases: 2025 -> 2025.09, 2026 -> 2026.08" in r.output and "default: 2025.09" in r.output
    assert "2026.08 (alias 2026)" in r.output and "2025.09 (default, alias 2025)" in r.output
    r = CliRunner().invoke(cli, ["profiles", "--json"])
    data = json.loads(r.output)
    assert data["aliases"] == {"2025": "2025.09", "2026": "2026.08"} and data["default"] == "2025.09"
    assert [p["name"] for p in data["profiles"]] == profiles.available()
    for p in data["profiles"]:
        for key in (*FACTS, "driver", "objectfifo_lowering", "dynamic_state", "sources"):
            assert p[key], (p["name"], key)


# --- the dynamic lowering's per-core state --------------------------------------------------------

# npu1-facts.md section 12, row 6: Dynamic ObjectFIFO lowering is aiecc's default since #2549 (the row dates #3298 2026-07; profiles.toml's first profile with it is 2026.08, which this test uses)
def test_same_depth_dynamic_lowering_adds_the_state_buffer(tmp_path: Path):
    # ../shared/docs/npu1-facts.md section 12: "Dynamic ObjectFIFO lowering is aiecc's default since #2549
    # (2025-09) ... fully dynamic, no unrolling #3298 (2026-07)" -> "per-core aie.buffer of i32 state".
    # same_depth_objectfifos_test.mlir @ 42c31aa6: output_fifo_buff_0/1 and input_fifo_cons_buff_0/1
    # (memref<10xi32>, 40 B) and `%buffer_0_2 = aie.buffer(%tile_0_2) : memref<2xi32>` (2 x 4 B): one i32
    # per (FIFO, port) the core acquires: output_fifo Produce, input_fifo Consume.
    f = tmp_path / "same_depth.mlir"
    f.write_text(SAME_DEPTH.replace("DEPTH", "2"))
    dynamic = _tile_buffers(f, "2025.09")
    assert dynamic == {"output_fifo_buff_0": 40, "output_fifo_buff_1": 40, "input_fifo_cons_buff_0": 40,
                       "input_fifo_cons_buff_1": 40, "_anonymous0": 8}
    static = _tile_buffers(f, "2025.06")
    assert static == {k: v for k, v in dynamic.items() if k != "_anonymous0"}
    # since PR #3298 the counters are promoted to registers: no buffer (dynamic_lowering/
    # sliding_window_held_count.mlir @ 2fab0e3d CHECKs them as `scf.for ... iter_args(...) -> (i32, i32)`)
    assert "_anonymous0" not in _tile_buffers(f, "2026.08")


def test_different_depth_dynamic_lowering_has_one_index_per_fifo_and_port(tmp_path: Path):
    # different_depth_objectfifos_test.mlir @ 0429335f: depth [2, 3] gives input_fifo_cons_buff_0..2; the
    # state is still memref<2xi32> (its size counts (FIFO, port) pairs, not buffers).
    f = tmp_path / "different_depth.mlir"
    f.write_text(SAME_DEPTH.replace("DEPTH", "3"))
    assert _tile_buffers(f, "2025.09") == {"output_fifo_buff_0": 40, "output_fifo_buff_1": 40,
                                           "input_fifo_cons_buff_0": 40, "input_fifo_cons_buff_1": 40,
                                           "input_fifo_cons_buff_2": 40, "_anonymous0": 8}


def test_each_core_gets_its_own_state_buffer_named_in_program_order():
    # AIEAssignBuffers.cpp names unnamed buffers _anonymous<k> in program order; one per core.
    ev = partitioner.partition(batch=100, tiles=4, mlir_aie="2025.09")
    static = partitioner.partition(batch=100, tiles=4, mlir_aie="2025.06")
    cores = [t for t in ev.tiles if t.kind == "compute"]
    assert [[b["name"] for b in t.buffers if b["name"].startswith("_anonymous")] for t in cores] == \
        [[f"_anonymous{k}"] for k in range(4)]
    # each core acquires one input and one output FIFO: 2 x i32, 8 bytes more than the static figure
    for dyn, st in zip(cores, (t for t in static.tiles if t.kind == "compute")):
        assert dyn.bytes_used - st.bytes_used == 8


def test_check_json_states_the_lowering_mode():
    design = str(ROOT / "designs" / "batch20_1tile" / "aie.mlir")
    out = json.loads(CliRunner().invoke(cli, ["check", design, "--json", "--mlir-aie", "2025.06"]).output)
    assert out["objectfifo_lowering"] == "static" and out["mlir_aie"] == "2025.06"
    assert not [b for t in out["tiles"] for b in t["buffers"] if b["name"].startswith("_anonymous")]
    out = json.loads(CliRunner().invoke(cli, ["check", design, "--json"]).output)  # the manifest's: 2025.09
    assert out["objectfifo_lowering"] == "dynamic" and out["mlir_aie"] == "2025.09"
    core = next(t for t in out["tiles"] if t["kind"] == "compute")
    assert {"name": "_anonymous0", "bytes": 8} in [{k: b[k] for k in ("name", "bytes")} for b in core["buffers"]]
    text = CliRunner().invoke(cli, ["check", design, "--mlir-aie", "2026"]).output
    assert "ObjectFIFO lowering assumed: dynamic (mlir-aie profile 2026.08" in text


# --- the installed-version guard ------------------------------------------------------------------

def _fake_aiecc(folder: Path, compiled: str) -> dict:
    """A stand-in `aiecc` printing the C++ driver's --version text; returns an env with it on PATH."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "aiecc"
    script.write_text("#!/bin/sh\nprintf 'aiecc (mlir-aie declarative driver)\\n  git SHA:  1a2b3c4\\n"
                      f"  compiled: {compiled}\\n'\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return {"PATH": f"{folder}:/usr/bin:/bin"}


@pytest.fixture
def no_wheel(monkeypatch):
    monkeypatch.setattr(toolchain, "wheel_version", lambda: None)


def test_the_guard_reads_aiecc_version_and_refuses_a_newer_profile(tmp_path: Path, no_wheel):
    env = _fake_aiecc(tmp_path / "bin", "Oct  6 2025 10:11:12")
    inst = toolchain.installed(env)
    assert inst.drivers == ("aiecc",) and str(inst.latest) == "2025-10-06"
    toolchain.guard("2025.09", env)  # an aiecc built 2025-10-06 can be of that window
    with pytest.raises(UserError) as e:
        toolchain.guard("2026.08", env)
    msg = str(e.value)
    assert "\n" not in msg and "--mlir-aie 2025.09" in msg and "2026.08" in msg


def test_the_guard_reads_the_wheel_version(monkeypatch):
    monkeypatch.setattr(toolchain, "wheel_version", lambda: "0.0.1.2025071504+abc1234")
    env = {"PATH": ""}
    toolchain.guard("2025.06", env)
    with pytest.raises(UserError, match=r"mlir_aie 0\.0\.1\.2025071504\+abc1234 .*--mlir-aie 2025\.06$"):
        toolchain.guard("2025.09", env)
    monkeypatch.setattr(toolchain, "wheel_version", lambda: "0.0.1.2026011504+abc1234")  # between #2708 and #3298
    with pytest.raises(UserError, match="no npu-tiler profile covers it"):
        toolchain.guard("2025.09", env)
    monkeypatch.setattr(toolchain, "wheel_version", lambda: "1.4.2")  # git-describe scheme: 2026-05 on
    with pytest.raises(UserError, match=r"--mlir-aie 2026\.08$"):
        toolchain.guard("2025.06", env)
    toolchain.guard("2026", env)


def test_nothing_installed_means_no_guard(no_wheel):
    assert toolchain.installed({"PATH": ""}) is None
    toolchain.guard("2026.08", {"PATH": ""})


def test_build_refuses_before_running_anything(tmp_path: Path, no_wheel):
    folder = tmp_path / "design"
    shutil.copytree(ROOT / "designs" / "batch20_1tile", folder)
    peano = tmp_path / "peano"
    (peano / "bin").mkdir(parents=True)
    (peano / "bin" / "clang").write_text("")  # find_tools only checks that it exists
    env = {**_fake_aiecc(tmp_path / "bin", "Jan 15 2025 08:00:00"), "PEANO_INSTALL_DIR": str(peano)}
    with pytest.raises(UserError, match=r"does not match the design's mlir-aie profile 2025\.09 .*no npu-tiler profile"):
        toolchain.build(folder, env)
    assert not (folder / "build").exists()
