"""Each mlir-aie profile builds end to end: every kept design emitted for every profile of params/profiles.toml,
each artefact in its profile's form, the generic form read by mlir-opt-22 and by npu-tiler, both forms back
to the Design the partitioner built."""
from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import partitioner
from partitioner import emitters as em
from partitioner import params, profiles
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.emitters import iron_api
from partitioner.emitters.mlir import emitted_device
from partitioner.errors import UserError
from partitioner.mlir.parse import parse_module

sys.path.insert(0, str(Path(__file__).parent))
from test_roundtrip import differences  # noqa: E402

PROFILES = tuple(profiles.available())  # every profile id; the aliases name one of them
MLIR_OPT = shutil.which("mlir-opt-22")
needs_mlir_opt = pytest.mark.skipif(MLIR_OPT is None, reason="mlir-opt-22 not installed (apt-get install mlir-22-tools)")
README = Path(__file__).resolve().parents[1] / "README.md"
CASES = [(c, p) for c in em.CANONICAL for p in PROFILES]


@pytest.fixture(scope="module")
def emitted(tmp_path_factory) -> dict[tuple[str, str], tuple[Path, partitioner.Evaluation]]:
    """Every kept design emitted for every profile into a temporary folder: (name, profile) -> (folder, evaluation)."""
    root = tmp_path_factory.mktemp("profiles")
    for p in PROFILES:
        (root / p).mkdir()
    out = {}
    for c, p in CASES:
        ev = em.canonical_evaluation(em.Canonical(c.name, replace(c.options, mlir_aie=p), c.why))
        out[(c.name, p)] = (em.emit(ev, root / p / c.name), ev)
    return out


def _ids(case) -> str:
    c, p = case
    return f"{c.name}-{p}"


def test_profiles_are_the_mlir_aie_choices():
    """`--mlir-aie` takes its choices from profiles.toml: each one has its artefact forms there, and IRON
    has a device class for every device a profile's IRON names; an alias names a profile."""
    assert profiles.names() == list(PROFILES) + sorted(profiles.aliases())
    assert set(profiles.aliases().values()) <= set(PROFILES)
    for p in PROFILES:
        assert set(profiles.load(p).iron_devices) <= set(iron_api.DEVICE_CLASS), p


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_both_forms_read_back_to_the_built_design(emitted, case):
    c, p = case
    folder, built = emitted[(c.name, p)]
    for form in ("aie.mlir", "aie.generic.mlir"):
        parse_module((folder / form).read_text(), form)  # npu-tiler's own reader, verifiers on
        read = partitioner.read(folder / form)
        assert differences(built.design, read.design) == [], form
        assert read.as_json() == built.as_json(), form


def _ops(text: str) -> Counter:
    return Counter(re.findall(r'"([a-z_]+(?:\.[a-z_]+)+)"\(', text))


@needs_mlir_opt
@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_generic_form_parses_and_verifies_in_mlir_opt(emitted, case, tmp_path):
    c, p = case
    generic = (emitted[(c.name, p)][0] / "aie.generic.mlir").read_text()
    r = subprocess.run([MLIR_OPT, "--allow-unregistered-dialect", "--mlir-very-unsafe-disable-verifier-on-parsing",
                        "--mlir-print-op-generic", "-"], input=generic, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert _ops(r.stdout) == _ops(generic)
    # Full verification; func.call renamed as MLIR cannot resolve it through aie.device (test_emit.py says why).
    v = subprocess.run([MLIR_OPT, "--allow-unregistered-dialect", "-"],
                       input=generic.replace('"func.call"', '"npu_tiler.call"'), capture_output=True, text=True)
    assert v.returncode == 0, v.stderr


# npu1-facts.md section 10, row 2: `runtime_sequence` moves from aiex to aie
# npu1-facts.md section 10, row 3: `aiecc.py` removed for the C++ `aiecc`
# npu1-facts.md section 10, row 4: IRON `Runtime(seq_fn, fn_args)` replaces `Runtime()` + `rt.sequence`
# npu1-facts.md section 10, row 6: `link_with` on the core deprecated for `link_files`/`func.func`
@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_every_artefact_follows_its_profile(emitted, case):
    c, p = case
    folder, ev = emitted[(c.name, p)]
    prof = profiles.load(p)
    text = (folder / "aie.mlir").read_text()
    build = (folder / "build.sh").read_text()
    design = (folder / "design.py").read_text()
    tree = ast.parse(design)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]

    def called(name):
        return [n for n in calls if getattr(n.func, "id", getattr(n.func, "attr", None)) == name]

    # no ObjectFifo(..., depth=[...]) in any profile: an integer, the other ends on their handles
    for call in called("ObjectFifo"):
        depth = call.args[1:2] + [k.value for k in call.keywords if k.arg == "depth"]
        assert depth and all(isinstance(d, ast.Constant) and isinstance(d.value, int) for d in depth), \
            ast.unparse(call)
    [runtime] = called("Runtime")
    [program] = called("Program")
    if prof.runtime_sequence == "aie.runtime_sequence":
        assert "aie.runtime_sequence(" in text and "aiex.runtime_sequence" not in text
        assert re.search(r"^aiecc --alloc-scheme", build, re.M) and "aiecc.py" not in build
        # Runtime(seq_fn, fn_args): the first argument is a function design.py defines
        functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        assert isinstance(runtime.args[0], ast.Name) and runtime.args[0].id in functions
        assert [k.arg for k in program.keywords] == ["workers"] and not called("start")
        assert '-> () attributes {link_with = "mel.o"}' in text and "link_with" not in text.split("aie.core(")[1]
    else:
        assert "aiex.runtime_sequence(" in text and "aie.runtime_sequence" not in text.replace("aiex.", "")
        assert re.search(r"^aiecc\.py --alloc-scheme", build, re.M)
        assert not runtime.args and called("sequence") and called("start") and not program.keywords
        assert '{link_with = "mel.o", stack_size = 1024 : i32}' in text and "attributes {link_with" not in text
        assert not [k for n in called("Worker") for k in n.keywords if k.arg == "stack_size"]
    assert f"mlir-aie profile {p}: {prof.targets}" in text and prof.targets in build
    device = emitted_device(ev.design, prof)
    assert f"aie.device({device})" in text and f"{iron_api.DEVICE_CLASS[device]}()" in design
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["mlir_aie_profile"] == prof.as_json() and manifest["aie_device"] == device
    assert manifest["options"]["mlir_aie"] == p and manifest["options"]["device"] == "npu1"


def test_smallest_device_that_holds_the_design():
    one = evaluate_options(Options(batch=100, tiles=4))
    two = evaluate_options(Options(batch=100, tiles=8))
    prof = profiles.load("2025")
    assert (emitted_device(one.design, prof), emitted_device(two.design, prof)) == ("npu1_1col", "npu1_2col")
    text = em.render_files(two, "k")["aie.mlir"]
    assert "aie.device(npu1_2col)" in text
    # Without a manifest the reader sees the sub-array; with one, the manifest's device stands.
    assert partitioner.read(_write(text)).design.options.device == "npu1_2col"


def _write(text: str) -> Path:
    import tempfile
    path = Path(tempfile.mkdtemp()) / "aie.mlir"
    path.write_text(text)
    return path


def test_uneven_chains_cast_to_the_one_declaration_in_both_profiles():
    for p in PROFILES:
        ev = evaluate_options(Options(batch=100, tiles=8, mlir_aie=p))
        text = em.render_files(ev, "k")["aie.mlir"]
        assert text.count("func.func private @mel_frames(memref<5200xi16>, memref<1040xi16>, i32)") == 1
        assert ("memref.reinterpret_cast %in1_0_obj to offset: [0], sizes: [5200], strides: [1] : "
                "memref<4800xi16> to memref<5200xi16>") in text


def test_unknown_profile_is_one_line(cli, tmp_path):
    with pytest.raises(UserError, match="unknown mlir-aie profile '2024'"):
        profiles.load("2024")
    r = cli("emit", "--mlir-aie", "2024", "--out", str(tmp_path / "d"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) <= 2 and "2024" in r.stderr
    assert not (tmp_path / "d").exists()


def test_a_design_needing_what_its_profile_lacks_is_one_line(cli, tmp_path):
    # A stack other than IRON's default needs Worker(stack_size=), which not every 2025 IRON has.
    ev = evaluate_options(Options(strategy="single", batch=20, tiles=1, stack_size=2048), suggest=False)
    with pytest.raises(UserError, match="stack"):
        em.render_files(ev, "k")
    args = ["emit", "--strategy", "single", "--batch", "20", "--tiles", "1", "--stack-size", "2048"]
    r = cli(*args, "--out", str(tmp_path / "d"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "--mlir-aie 2026" in r.stderr
    assert not (tmp_path / "d").exists()
    r = cli(*args, "--mlir-aie", "2026", "--out", str(tmp_path / "e"))
    assert r.returncode == 0, r.stderr
    assert "stack_size=2048" in (tmp_path / "e" / "design.py").read_text()


def test_readme_has_the_profile_table():
    text = README.read_text()
    section = text[text.index("## Emitted designs"):]
    section = section[:section.index("\n## ", 3)]
    for pr in ("#2397", "#2708", "#2922", "#3369", "#3387", "#3416"):
        assert pr in section, pr
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    for p in PROFILES:
        assert any(line.startswith(f"| {p} ") or line.startswith(f"| `{p}`") for line in rows), p
    assert "profiles.toml" in section
    assert params.read_toml(profiles.PROFILES_TOML)["default"] == "2025.09"
    assert "2025.09" in section and "default" in section
