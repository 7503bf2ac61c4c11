"""Every flag build.sh passes to aiecc, checked against the option table of its profile's driver revision.

The tables are data, params/aiecc.toml (read by :mod:`partitioner.emitters.aiecc_api`),
written out from Xilinx/mlir-aie (python/compiler/aiecc/cl_arguments.py for
``aiecc.py``, tools/aiecc/CommandLineOptions.h for the C++ ``aiecc``) with the path
and commit of each. build.sh is split into words with ``shlex`` (line continuations
joined); the driver's command is the line whose first word is the table's program.
Checked for every profile x every strategy (single, split, pipeline, hybrid, the
kept designs' options) and for the kept designs.

shared/docs/npu1-facts.md section 12: "aiecc flags `--aie-generate-<x>` became
`--get-<x>`" (PR #3364) and "Peano is aiecc's default" (PR #3501).
"""
from __future__ import annotations

import shlex
from dataclasses import replace
from pathlib import Path

import pytest

from partitioner import emitters as em
from partitioner import profiles
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.emitters import aiecc_api

PROFILES = profiles.available()


def driver_command(script: str, program: str) -> list[str]:
    """The words of build.sh's ``program`` command (its continuation lines joined)."""
    commands = [shlex.split(line) for line in script.replace("\\\n", " ").splitlines() if line.strip()]
    [command] = [c for c in commands if c and c[0] == program]
    return command


def flag_problems(script: str, profile: str) -> list[str]:
    """Every flag of ``script``'s driver command that its profile's aiecc table does not declare, as text."""
    table = aiecc_api.for_profile(profiles.load(profile).name)
    flags = [w for w in driver_command(script, table.program)[1:] if w.startswith("-")]
    return [f"{f}: not an option of {table.program} ({table.name})" for f in flags if not table.accepts(f)]


def _build_sh(options: Options) -> str:
    return em.render_files(evaluate_options(options, suggest=False), "k")["build.sh"]


CASES = [(replace(c.options, mlir_aie=p), p) for c in em.CANONICAL for p in PROFILES] + [
    (Options(strategy="hybrid", batch=101, tiles=6, mlir_aie=p, alloc_scheme="bank-aware"), p) for p in PROFILES]


def test_every_profile_has_an_aiecc_table_of_its_driver():
    for p in PROFILES:
        prof = profiles.load(p)
        assert aiecc_api.for_profile(prof.name).program == prof.driver, p
    assert {o.strategy for o, _ in CASES} == {"single", "split", "pipeline", "hybrid"}


@pytest.mark.parametrize("options, profile", CASES, ids=lambda x: str(x) if isinstance(x, str) else
                         f"{x.strategy}{x.tiles}_b{x.batch}_{x.frame_mode}_{x.alloc_scheme}")
def test_every_build_flag_is_an_option_of_the_profiles_aiecc(options, profile):
    script = _build_sh(options)
    assert flag_problems(script, profile) == []
    words = driver_command(script, aiecc_api.for_profile(profiles.load(profile).name).program)
    assert f"--alloc-scheme={options.alloc_scheme}" in words and words[-1].endswith("/aie.mlir")
    assert {"--xclbin-name=final.xclbin", "--npu-insts-name=insts.bin", "--peano"} <= set(words)


@pytest.mark.parametrize("design", sorted(p for p in em.DESIGNS_DIR.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_kept_designs_use_only_2025_aiecc_options(design: Path):
    assert flag_problems((design / "build.sh").read_text(), "2025") == []


# npu1-facts.md section 12, row 7: aiecc flags `--aie-generate-<x>` became `--get-<x>`
# npu1-facts.md section 12, row 8: Peano is aiecc's default; `--no-xchesscc` / `--no-xbridge` removed
def test_the_current_profile_gets_its_outputs_and_lets_peano_be_the_default():
    words = driver_command(_build_sh(Options(batch=100, tiles=4, mlir_aie="2026")), "aiecc")
    assert "--get-xclbin" in words and "--get-npu-insts" in words
    assert not [w for w in words if w.startswith("--aie-generate-")]
    assert not {"--no-xchesscc", "--no-xbridge", "--no-compile-host"} & set(words)


def test_the_check_finds_a_flag_the_driver_does_not_have():
    script = _build_sh(Options(batch=100, tiles=4))
    assert flag_problems(script, "2025") == []
    # the 2025 command line handed to today's C++ aiecc
    renamed = script.replace("aiecc.py --alloc", "aiecc --alloc")
    found = flag_problems(renamed, "2026")
    assert "--aie-generate-xclbin: not an option of aiecc (aiecc-main)" in found
    assert any(f.startswith("--no-xchesscc") for f in found) and any(f.startswith("--no-compile-host") for f in found)
