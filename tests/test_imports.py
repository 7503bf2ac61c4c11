"""Dependencies point one way: kernels <- partitioner <- sim <- runner <- reports <- npu_tiler (the CLI).

Every import of a project package is checked, the ones inside functions
included, by walking each module's syntax tree (``ast``), not by importing it.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("kernels", "partitioner", "sim", "runner", "reports", "npu_tiler")
RANK = {name: i for i, name in enumerate(LAYERS)}


def project_imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level project package) of every import statement in ``path``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        out += [(node.lineno, n.split(".")[0]) for n in names if n.split(".")[0] in RANK]
    return out


def modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))


def test_every_layer_exists():
    for layer in LAYERS:
        assert (ROOT / layer / "__init__.py").is_file(), layer


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_points_up(path: Path):
    layer = path.relative_to(ROOT).parts[0]
    upward = [f"{path.relative_to(ROOT)}:{line} imports {target}" for line, target in project_imports(path)
              if RANK[target] > RANK[layer]]
    assert not upward, "\n".join(upward)


def test_the_walker_sees_imports_inside_functions(tmp_path: Path):
    src = tmp_path / "m.py"
    src.write_text("import os\n\ndef f():\n    from reports import design_space\n    import sim.timing\n")
    assert project_imports(src) == [(4, "reports"), (5, "sim")]
