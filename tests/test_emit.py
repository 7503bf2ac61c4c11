"""Emitted designs: up to date, deterministic, parsed by a real MLIR parser, read back exactly."""
import ast
import filecmp
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import partitioner
from partitioner import emitters as em
from partitioner.check import evaluate, evaluate_options
from partitioner.design import Options
from partitioner.emitters import iron_api

DESIGNS = sorted(p for p in em.DESIGNS_DIR.iterdir() if p.is_dir())
MLIR_OPT = shutil.which("mlir-opt-22")
needs_mlir_opt = pytest.mark.skipif(MLIR_OPT is None, reason="mlir-opt-22 not installed (apt-get install mlir-22-tools)")


def test_designs_folder_holds_the_canonical_set():
    assert [p.name for p in DESIGNS] == sorted(c.name for c in em.CANONICAL)
    for p in DESIGNS:
        assert sorted(f.name for f in p.iterdir()) == sorted(
            ["aie.mlir", "aie.generic.mlir", "design.py", "build.sh", "manifest.json", "README.md"])


def test_designs_are_up_to_date_with_the_generator(tmp_path):
    em.emit_all(tmp_path)
    for p in DESIGNS:
        _, mismatch, errors = filecmp.cmpfiles(p, tmp_path / p.name, [f.name for f in p.iterdir()], shallow=False)
        assert not mismatch and not errors, f"{p.name}: {mismatch or errors} stale: run `npu-tiler emit --all`"


def test_emission_is_deterministic():
    ev1 = evaluate_options(Options(strategy="hybrid", batch=200, tiles=8, object_frames=10))
    ev2 = evaluate_options(Options(strategy="hybrid", batch=200, tiles=8, object_frames=10))
    assert em.render_files(ev1, "k") == em.render_files(ev2, "k")


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
def test_check_reproduces_the_manifest_figures_exactly(cli, design):
    manifest = json.loads((design / "manifest.json").read_text())
    r = cli("check", str(design / "aie.mlir"), "--json")
    assert r.returncode == (0 if manifest["fits"] else 1), r.stderr
    assert json.loads(r.stdout) == {k: manifest[k] for k in ("fits", "tiles", "errors")}


def _ops(text: str) -> Counter:
    return Counter(re.findall(r'"([a-z_]+(?:\.[a-z_]+)+)"\(', text))


@needs_mlir_opt
@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
def test_generic_form_parses_and_round_trips_in_mlir_opt(design, tmp_path):
    generic = (design / "aie.generic.mlir").read_text()
    # 1. Round trip: mlir-opt parses the file and prints it back with every operation.
    r = subprocess.run([MLIR_OPT, "--allow-unregistered-dialect", "--mlir-very-unsafe-disable-verifier-on-parsing",
                        "--mlir-print-op-generic", str(design / "aie.generic.mlir")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert _ops(r.stdout) == _ops(generic) and sum(_ops(generic).values()) > 20
    # 2. Full verification (types, SSA dominance, arith/scf/func rules). MLIR cannot resolve a
    # func.call through aie.device, an unregistered symbol table, so calls become an
    # unregistered op for this run; their callees are checked against the declarations below.
    verifiable = tmp_path / "v.mlir"
    verifiable.write_text(generic.replace('"func.call"', '"npu_tiler.call"'))
    v = subprocess.run([MLIR_OPT, "--allow-unregistered-dialect", str(verifiable)], capture_output=True, text=True)
    assert v.returncode == 0, v.stderr
    declared = set(re.findall(r'sym_name = "(\w+)", sym_visibility = "private"', generic))
    called = set(re.findall(r"callee = @(\w+)", generic))
    assert called and called <= declared


@needs_mlir_opt
def test_mlir_opt_rejects_a_broken_design(tmp_path):
    """The parser check can fail: a use of an undefined value is caught."""
    generic = (DESIGNS[0] / "aie.generic.mlir").read_text().replace('"aie.core"(%tile_0_2)', '"aie.core"(%tile_9_9)')
    bad = tmp_path / "bad.mlir"
    bad.write_text(generic)
    r = subprocess.run([MLIR_OPT, "--allow-unregistered-dialect", "--mlir-very-unsafe-disable-verifier-on-parsing",
                        str(bad)], capture_output=True, text=True)
    assert r.returncode != 0 and "tile_9_9" in r.stderr


def test_split_design_text_follows_mlir_aie_syntax():
    text = (em.DESIGNS_DIR / "batch100_split4" / "aie.mlir").read_text()
    assert "aie.device(npu1) {" in text
    assert "aie.objectfifo.link [@in0] -> [@in0_0, @in0_1, @in0_2, @in0_3]([] [0, 10000, 20000, 30000])" in text
    assert "aie.objectfifo.link [@out0_0, @out0_1, @out0_2, @out0_3] -> [@out0]([0, 2000, 4000, 6000] [])" in text
    assert "aie.objectfifo @in0_0(%tile_0_1, {%tile_0_2}, [2, 2]) : !aie.objectfifo<memref<10000xi16>>" in text
    assert "func.func private @mel_frames(memref<10000xi16>, memref<2000xi16>, i32)" in text
    assert '{link_with = "mel.o", stack_size = 1024 : i32}' in text
    assert "aiex.npu.dma_memcpy_nd(%in_host[0, 0, 0, 0][1, 1, 1, 40000][0, 0, 0, 1]) {id = 1 : i64, metadata = @in0}" in text
    assert "aiex.npu.dma_wait {symbol = @out0}" in text


def test_2026_profile_moves_link_with_and_the_sequence_op():
    ev = evaluate_options(Options(batch=100, tiles=4, mlir_aie="2026"))
    text = em.render_files(ev, "k")["aie.mlir"]
    assert 'func.func private @mel_frames(memref<10000xi16>, memref<2000xi16>, i32) attributes {link_with = "mel.o"}' in text
    assert "aie.runtime_sequence(" in text and "aiex.runtime_sequence" not in text
    assert "link_with" not in text.split("aie.core")[1].split("}")[-1]


@pytest.mark.parametrize("design", DESIGNS, ids=lambda p: p.name)
def test_iron_program_uses_only_the_iron_api_read_from_mlir_aie(design):
    tree = ast.parse((design / "design.py").read_text())
    imported = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module.startswith("aie"):
            assert node.module in iron_api.EXPORTS, node.module
            for alias in node.names:
                assert alias.name in iron_api.EXPORTS[node.module], f"{node.module}.{alias.name}"
                imported[alias.name] = node.module
    assert {"ObjectFifo", "Worker", "Kernel", "Runtime", "Program"} <= set(imported)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if fn in iron_api.KEYWORDS:
                for kw in node.keywords:
                    assert kw.arg in iron_api.KEYWORDS[fn], f"{fn}({kw.arg}=...)"


def test_iron_program_matches_the_mlir_placement():
    text = (em.DESIGNS_DIR / "batch100_hybrid" / "design.py").read_text()
    for tile in ("Tile(0, 2)", "Tile(0, 3)", "Tile(0, 4)", "Tile(0, 5)", "Tile(0, 1)"):
        assert tile in text
    assert 'Kernel("mel_spectrum", "mel.o"' in text and 'Kernel("mel_logmel", "mel.o"' in text


def test_a_design_that_does_not_fit_needs_force(cli, tmp_path):
    args = ["emit", "--kernel", "seed-mel", "--strategy", "single", "--tiles", "1", "--batch", "100",
            "--depth", "2", "--out", str(tmp_path / "d")]
    r = cli(*args)
    assert r.returncode == 2 and "--force" in r.stderr and not (tmp_path / "d").exists()
    r = cli(*args, "--force")
    assert r.returncode == 0, r.stderr
    readme = (tmp_path / "d" / "README.md").read_text()
    assert "does not fit: aiecc.py will fail" in readme and "allocated buffers exceeded available memory" in readme
    assert json.loads((tmp_path / "d" / "manifest.json").read_text())["fits"] is False


def test_existing_output_is_refused_without_overwrite(cli, tmp_path):
    out = tmp_path / "d"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    r = cli("emit", "--out", str(out))
    assert r.returncode == 2 and "already exists" in r.stderr and (out / "keep.txt").read_text() == "mine"
    r = cli("emit", "--out", str(out), "--overwrite")
    assert r.returncode == 0 and not (out / "keep.txt").exists() and (out / "aie.mlir").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary folders left behind"


def test_unwritable_or_missing_parent_is_one_line(cli, tmp_path):
    for target in (tmp_path / "no" / "such" / "d", Path("/proc/npu-tiler-test")):
        r = cli("emit", "--out", str(target))
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "cannot write" in r.stderr


def test_unreadable_and_foreign_mlir_name_the_problem(cli, tmp_path):
    foreign = tmp_path / "foreign.mlir"
    foreign.write_text('module {\n  func.func @f() {\n    return\n  }\n}\n')
    r = cli("check", str(foreign))  # valid MLIR, but no device to check
    assert r.returncode == 2 and "no `aie.device`" in r.stderr
    broken = tmp_path / "broken.mlir"
    broken.write_text('module {\n  aie.device(npu1) {\n    %t = aie.tile(0, \n  }\n}\n')
    r = cli("check", str(broken))  # a syntax error: file:line:col and the token
    assert r.returncode == 2 and "broken.mlir:4:" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    unknown = tmp_path / "unknown.mlir"
    unknown.write_text('module {\n  aie.device(npu1) {\n    %t = aie.tile(0, 2)\n    aie.frobnicate(%t)\n  }\n}\n')
    r = cli("check", str(unknown))  # an op it does not know: named, with its line and column
    assert r.returncode == 2 and "unknown.mlir:4:" in r.stderr and "aie.frobnicate" in r.stderr
    binary = tmp_path / "x.mlir"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    r = cli("check", str(binary))
    assert r.returncode == 2 and "not a text file" in r.stderr
    r = cli("check", str(tmp_path / "missing.mlir"))
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_check_reads_a_hand_edited_design_and_sees_the_change(tmp_path):
    # Deepen one compute FIFO by hand: check must report the extra buffer.
    src = em.DESIGNS_DIR / "batch100_split4"
    text = (src / "aie.mlir").read_text().replace("aie.objectfifo @in0_0(%tile_0_1, {%tile_0_2}, [2, 2])",
                                                  "aie.objectfifo @in0_0(%tile_0_1, {%tile_0_2}, [2, 3])")
    (tmp_path / "aie.mlir").write_text(text)
    ev = partitioner.read(tmp_path / "aie.mlir")
    assert not ev.fits and "(0, 2)" in ev.errors[0]  # 3 x 20,000 B no longer fits


def test_generic_from_a_kept_design(cli, tmp_path):
    r = cli("emit", "--from", str(em.DESIGNS_DIR / "batch100_hybrid"), "--generic", "--out", str(tmp_path / "g"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "g" / "aie.generic.mlir").read_text() == \
        (em.DESIGNS_DIR / "batch100_hybrid" / "aie.generic.mlir").read_text()


def test_build_script_names_what_is_missing(tmp_path):
    shutil.copytree(em.DESIGNS_DIR / "batch20_1tile", tmp_path / "d")
    env = {k: v for k, v in os.environ.items() if k != "PEANO_INSTALL_DIR"}
    r = subprocess.run(["bash", str(tmp_path / "d" / "build.sh")], capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "PEANO_INSTALL_DIR" in r.stderr
    assert not (tmp_path / "d" / "build").exists()
    script = (tmp_path / "d" / "build.sh").read_text()
    assert ("aiecc.py --alloc-scheme=basic-sequential --aie-generate-xclbin --aie-generate-npu-insts "
            "--no-compile-host") in script and "--no-xchesscc --no-xbridge --peano" in script
    assert "--target=aie2-none-unknown-elf" in script
    kept = (em.DESIGNS_DIR / "batch20_1tile" / "build.sh").read_text()
    rel = re.search(r'KERNEL_SRC:-\$here/([^}]+)\}', kept).group(1)
    assert (em.DESIGNS_DIR / "batch20_1tile" / rel / "mel.c").is_file()
