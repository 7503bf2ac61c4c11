"""Dependencies point one way: kernels <- partitioner <- kernels.mel_tools <- sim <- runner <- reports <- npu_tiler.

``kernels.mel_tools`` (the mel kernel's host tooling: host build, reference,
measurement, table generation) lives beside the kernel it regenerates but
reads kernel.toml through ``partitioner``, so it is ranked as its own layer
between ``partitioner`` and ``sim``; the rest of ``kernels`` stays the bottom.

Every import of a project package is checked, the ones inside functions
included, by walking each module's syntax tree (``ast``), not by importing it.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("kernels", "partitioner", "kernels.mel_tools", "sim", "runner", "reports", "npu_tiler")
RANK = {name: i for i, name in enumerate(LAYERS)}


def layer_of(dotted: str) -> str | None:
    """The layer a dotted module name belongs to: the longest layer name it starts with, or None."""
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in RANK:
            return ".".join(parts[:n])
    return None


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, dotted name) of every absolute import under ``tree``, inside functions included.

    ``from kernels import mel_tools`` may import a subpackage, so each name is given whole
    (``kernels.mel_tools``); callers cut it back to the module or layer they rank.
    """
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return out


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def project_imports(path: Path) -> list[tuple[int, str]]:
    """(line, layer) of every import statement of a project package in ``path``."""
    return [(line, layer) for line, n in imported_names(parsed(path)) if (layer := layer_of(n)) is not None]


def modules() -> list[Path]:
    return sorted({p for layer in LAYERS for p in (ROOT / layer.replace(".", "/")).rglob("*.py")})


def test_every_layer_exists():
    for layer in LAYERS:
        assert (ROOT / layer.replace(".", "/") / "__init__.py").is_file(), layer


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_points_up(path: Path):
    layer = layer_of(".".join(path.relative_to(ROOT).with_suffix("").parts))
    upward = [f"{path.relative_to(ROOT)}:{line} imports {target}" for line, target in project_imports(path)
              if RANK[target] > RANK[layer]]
    assert not upward, "\n".join(upward)


def test_the_walker_sees_imports_inside_functions(tmp_path: Path):
    src = tmp_path / "m.py"
    src.write_text("import os\n\ndef f():\n    from reports import design_space\n    import sim.timing\n")
    assert project_imports(src) == [(4, "reports"), (5, "sim")]


# Inside partitioner, the same rule between its modules, lowest first. Each entry is the first name
# after ``partitioner.``; "__init__" is the package itself (its public names, from api).
PARTITIONER_ORDER = (
    ("errors", "params", "profiles", "device", "design", "kernel_spec", "manifest", "occupancy", "context",
     "tokens", "version", "safe_write"),
    ("mlir",),  # the dialects, the parser, the index, the reader (a Design from the index)
    ("lowering", "allocation", "placement", "strategies"),
    ("fifo_ends",),  # per FIFO end, what the lowering makes (both token engines build on it)
    ("check",),  # Evaluation
    ("render", "emitters"),
    ("hangs",),  # reads a path itself; an in-memory design through the emitter's module
    ("search_placer",),  # places by checking candidates: evaluate and the hang check
    ("api",),
    ("__init__",),
)
INNER_RANK = {name: i for i, names in enumerate(PARTITIONER_ORDER) for name in names}


def _inner(dotted: str) -> str | None:
    """The partitioner part a dotted name belongs to (``partitioner.mlir.parse`` -> ``mlir``), or None."""
    parts = dotted.split(".")
    if parts[0] != "partitioner":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def partitioner_imports(path: Path) -> list[tuple[int, str]]:
    """(line, partitioner part) of every import of a partitioner module in ``path``, inside functions too."""
    return [(line, part) for line, n in imported_names(parsed(path)) if (part := _inner(n)) is not None]


def test_every_partitioner_module_has_a_place():
    parts = {_inner(".".join(p.relative_to(ROOT).with_suffix("").parts)) for p in (ROOT / "partitioner").rglob("*.py")}
    assert parts <= set(INNER_RANK), sorted(parts - set(INNER_RANK))


@pytest.mark.parametrize("path", sorted((ROOT / "partitioner").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_points_up_inside_partitioner(path: Path):
    own = _inner(".".join(path.relative_to(ROOT).with_suffix("").parts))
    upward = [f"{path.relative_to(ROOT)}:{line} imports partitioner.{part}"
              for line, part in partitioner_imports(path)
              if part != own and INNER_RANK.get(part, len(PARTITIONER_ORDER)) > INNER_RANK[own]]
    assert not upward, "\n".join(upward)


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_circle_between_modules():
    """No module reaches itself through imports (inside functions included; a package is its __init__)."""
    paths = {_module_name(p): p for p in modules()}
    graph = nx.DiGraph()
    for name, path in paths.items():
        graph.add_node(name)
        for _, target in imported_names(parsed(path)):
            while target and target not in paths:  # a name inside a module: the module
                target = target.rpartition(".")[0]
            if target and target != name:
                graph.add_edge(name, target)
    circles = sorted((c for c in nx.simple_cycles(graph)), key=len)
    assert not circles, "\n".join(" -> ".join([*c, c[0]]) for c in circles[:10])


def imports_inside_functions(path: Path) -> list[int]:
    """Lines of the project imports ``path`` makes inside a function body."""
    functions = [fn for fn in ast.walk(parsed(path)) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return sorted({line for fn in functions for line, n in imported_names(fn) if layer_of(n) is not None})


@pytest.mark.parametrize("path", [p for p in modules() if p.parts[-2] != "npu_tiler"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_project_imports_are_at_module_level_outside_the_cli(path: Path):
    """Issue 19: only the CLI loads a command's module lazily; every library module imports at the top."""
    inside = imports_inside_functions(path)
    assert not inside, f"{path.relative_to(ROOT)}: project imports inside functions at lines {inside}"


def test_the_function_import_walker_sees_them(tmp_path: Path):
    mod = tmp_path / "m.py"
    mod.write_text("import os\n\ndef f():\n    import os\n    from partitioner import device\n")
    assert imports_inside_functions(mod) == [5]
