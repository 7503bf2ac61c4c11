"""Every import and every IRON call design.py makes, checked against its profile's IRON table (no IRON import).

design.py is parsed with ``ast``:

* every ``import X`` must name a module of the table's ``modules``, every
  ``from M import n`` a module and name of its ``imports``;
* each call's callee (``ObjectFifo(...)``, ``x.split(...)``, ``rt.fill(...)``,
  ...) must be in the table's ``calls``, with no more positional arguments than
  the parameters it may take positionally, only keywords it accepts, and every
  required parameter given. A call the table does not cover and design.py does
  not define itself fails the test, so a new IRON call cannot slip in unchecked.

The tables are data, params/iron.toml (read by :mod:`partitioner.emitters.iron_api`),
written out from Xilinx/mlir-aie python/iron with the path and commit of every
entry; each profile names its table there. Checked for every profile x every
strategy (single, split, pipeline, hybrid, the kept designs' options) and for the
kept designs themselves.
"""
from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from partitioner import emitters as em
from partitioner import profiles
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.emitters import iron_api

PROFILES = profiles.available()


def _callee(node: ast.Call) -> str | None:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)


def _local_names(tree: ast.Module) -> set[str]:
    """Functions and variables design.py defines itself (its kernels, core_fn, sequence, ...)."""
    names = {"print"}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
            names.update(a.arg for a in node.args.args)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def import_problems(tree: ast.Module, api: iron_api.IronApi) -> list[str]:
    """Every import of ``tree`` the IRON table ``api`` does not list, as text."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [f"line {node.lineno}: import {a.name}: not in the {api.name} IRON table"
                    for a in node.names if a.name not in api.modules]
        elif isinstance(node, ast.ImportFrom):
            names = api.imports.get(node.module)
            if names is None:
                out.append(f"line {node.lineno}: from {node.module}: no such module in the {api.name} IRON table")
                continue
            out += [f"line {node.lineno}: from {node.module} import {a.name}: not in the {api.name} IRON table"
                    for a in node.names if a.name not in names]
    return out


def problems(source: str, profile: str) -> list[str]:
    """Every import and call of ``source`` (a design.py) its profile's IRON would not accept, as text."""
    api = iron_api.for_profile(profiles.load(profile).name)
    tree = ast.parse(source)
    local = _local_names(tree)
    out = import_problems(tree, api)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        where = f"line {node.lineno}: {ast.unparse(node.func)}(...)"
        if name not in api.calls:
            if name not in local:
                out.append(f"{where}: {name} is not in the profile-{profile} IRON table")
            continue
        s = api.calls[name]
        if any(isinstance(a, ast.Starred) for a in node.args) or s.varargs:
            if not s.varargs:
                out.append(f"{where}: *args to {name}")
            continue
        if len(node.args) > len(s.positional):
            out.append(f"{where}: {len(node.args)} positional arguments, {name} takes {len(s.positional)}")
        given = set(s.positional[:len(node.args)])
        for kw in node.keywords:
            if kw.arg not in s.keywords:
                out.append(f"{where}: {name} has no keyword {kw.arg!r} in profile {profile}")
            elif kw.arg in given:
                out.append(f"{where}: {kw.arg!r} given twice")
            given.add(kw.arg)
        missing = [p for p in s.positional[:s.required] if p not in given]
        if missing:
            out.append(f"{where}: {name} needs {', '.join(missing)}")
    return out


def _design_py(options: Options) -> str:
    return em.render_files(evaluate_options(options, suggest=False), "k")["design.py"]


CASES = [(replace(c.options, mlir_aie=p), p) for c in em.CANONICAL for p in PROFILES] + [
    (Options(batch=100, tiles=8, mlir_aie=p), p) for p in PROFILES] + [  # uneven: casts
    (Options(strategy="hybrid", batch=101, tiles=6, mlir_aie=p), p) for p in PROFILES]


def test_every_profile_has_an_iron_table_and_every_strategy_a_case():
    for p in PROFILES:
        prof = profiles.load(p)
        api = iron_api.for_profile(prof.name)
        for device in prof.iron_devices:  # every device the profile may emit for has its class in the table
            cls = iron_api.DEVICE_CLASS[device]
            assert cls in api.imports["aie.iron.device"] and cls in api.calls, (p, device)
    assert {o.strategy for o, _ in CASES} == {"single", "split", "pipeline", "hybrid"}


@pytest.mark.parametrize("options, profile", CASES, ids=lambda x: str(x) if isinstance(x, str) else
                         f"{x.strategy}{x.tiles}_b{x.batch}_{x.frame_mode}")
def test_every_import_and_call_matches_the_profiles_iron(options, profile):
    assert problems(_design_py(options), profile) == []


@pytest.mark.parametrize("design", sorted(p for p in em.DESIGNS_DIR.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_kept_designs_match_the_2025_iron(design: Path):
    assert problems((design / "design.py").read_text(), "2025") == []


# npu1-facts.md section 10, row 7: Python `SequentialPlacer` removed; placement is the C++ `--aie-place-tiles` pass
def test_the_current_profile_has_no_placer_and_places_with_tile():
    """mlir-aie PR #3016 deleted python/iron/placers.py and renamed placement= to tile= (npu1-facts section 10)."""
    src = _design_py(Options(strategy="hybrid", batch=100, tiles=4, mlir_aie="2026"))
    tree = ast.parse(src)
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "aie.iron.placers" not in modules and "SequentialPlacer" not in src
    calls = {_callee(n): n for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert not calls["resolve_program"].args and not calls["resolve_program"].keywords
    workers = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _callee(n) == "Worker"]
    assert workers and all(len(w.args) == 2 and [k.arg for k in w.keywords][0] == "tile" for w in workers)
    for link in ("split", "join"):
        assert "tile" in [k.arg for k in calls[link].keywords], link
    assert [k.arg for k in calls["ObjectFifo"].keywords][:1] == ["depth"]  # keyword-only in today's IRON


def test_the_check_finds_what_the_profile_does_not_take():
    src = _design_py(Options(batch=100, tiles=4))
    assert problems(src, "2025") == []
    # depth=[...] by keyword, a Worker stack_size and the 2026 runtime: none of them in every 2025 IRON.
    bad = src.replace('name="in0")', 'depth=[2, 2], name="in0")').replace("Tile(0, 2))", "Tile(0, 2), stack_size=1024)")
    found = problems(bad, "2025")
    assert any("ObjectFifo has no keyword 'depth'" in p for p in found)
    assert any("Worker has no keyword 'stack_size'" in p for p in found)
    found_2026 = problems(src, "2026")  # the 2025 design on today's IRON
    assert any("'placement'" in p for p in found_2026) and any("start is not in" in p for p in found_2026)
    assert any("aie.iron.placers" in p for p in found_2026)  # the import fails first (PR #3016)
    assert any("2 positional arguments, ObjectFifo takes 1" in p for p in found_2026)
    assert any("import os" in p for p in problems("import os\n" + src, "2025"))
