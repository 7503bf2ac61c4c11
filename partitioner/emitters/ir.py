"""A minimal op tree that prints both as mlir-aie's custom syntax and as MLIR's generic form.

The pretty form is what aiecc reads; the generic form is what a stock MLIR
parser (``mlir-opt --allow-unregistered-dialect``) can read without the AIE
dialects, so tests check every emitted design with a real parser.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Value:
    """An SSA value: its name without the ``%`` and its MLIR type."""

    name: str  # without the %
    type: str


@dataclass
class Block:
    """A region's single block: its arguments and its ops."""

    args: list[Value] = field(default_factory=list)
    ops: list[Op] = field(default_factory=list)


@dataclass
class Op:
    """One operation, with its custom-syntax line and the pieces its generic form needs."""

    name: str
    pretty: str  # the custom-syntax line (results included), without region or trailing attrs
    operands: list[Value] = field(default_factory=list)
    results: list[Value] = field(default_factory=list)
    props: dict[str, str] = field(default_factory=dict)  # generic-form properties, attribute text
    regions: list[Block] = field(default_factory=list)
    pretty_tail: str = ""  # after the region, e.g. ' {stack_size = 1024 : i32}'
    implicit: bool = False  # a terminator the custom syntax leaves out (scf.yield)
    comment: str = ""  # a line printed above the op in the pretty form
    declaration: bool = False  # custom syntax prints no body (func.func private)

    def walk(self):
        """This op and every op nested in its regions, depth first in program order."""
        yield self
        for block in self.regions:
            for op in block.ops:
                yield from op.walk()


def pretty(op: Op, indent: int = 0) -> list[str]:
    """The lines of ``op`` in mlir-aie's custom syntax, two spaces per ``indent`` level.

    Comments become ``//`` lines above the op; implicit terminators are left out.
    """
    pad = "  " * indent
    lines = [f"{pad}// {line}" for line in op.comment.splitlines()] if op.comment else []
    if not op.regions or op.declaration:
        return lines + [pad + op.pretty + op.pretty_tail]
    lines.append(pad + op.pretty + " {")
    for block in op.regions:
        for inner in block.ops:
            if not inner.implicit:
                lines += pretty(inner, indent + 1)
    lines.append(pad + "}" + op.pretty_tail)
    return lines


def generic(op: Op, indent: int = 0) -> list[str]:
    """The lines of ``op`` in MLIR's generic form: ``"name"(operands) <{props}> ({regions}) : type``."""
    pad = "  " * indent
    res = ", ".join(f"%{r.name}" for r in op.results)
    head = f"{res} = " if res else ""
    args = ", ".join(f"%{v.name}" for v in op.operands)
    props = ", ".join(f"{k} = {v}" for k, v in op.props.items())
    props = f" <{{{props}}}>" if props else ""
    sig = f" : ({', '.join(v.type for v in op.operands)}) -> ({', '.join(r.type for r in op.results)})"
    if not op.regions:
        return [f'{pad}{head}"{op.name}"({args}){props}{sig}']
    lines = [f'{pad}{head}"{op.name}"({args}){props} (' + "{"]
    for i, block in enumerate(op.regions):
        if i:
            lines.append(pad + "}, {")
        if block.args:
            lines.append(f"{pad}^bb0({', '.join(f'%{a.name}: {a.type}' for a in block.args)}):")
        for inner in block.ops:
            lines += generic(inner, indent + 1)
    lines.append(pad + "})" + sig)
    return lines


def render_pretty(module: Op) -> str:
    """The module as aiecc reads it (``aie.mlir``): custom syntax, newline-terminated.

    Parameters
    ----------
    module : Op
        The op tree, usually :func:`partitioner.emitters.mlir.module`.

    Returns
    -------
    str

    Examples
    --------
    >>> from partitioner.emitters.ir import Block, Op, render_pretty
    >>> m = Op("builtin.module", "module", regions=[Block(ops=[Op("aie.end", "aie.end")])])
    >>> print(render_pretty(m), end="")
    module {
      aie.end
    }
    """
    return "\n".join(pretty(module)) + "\n"


def render_generic(module: Op) -> str:
    """The module in MLIR's generic form (``aie.generic.mlir``), for a stock MLIR parser.

    ``mlir-opt --allow-unregistered-dialect`` reads it without the AIE dialects.

    Parameters
    ----------
    module : Op

    Returns
    -------
    str
        Newline-terminated text.

    Examples
    --------
    >>> from partitioner.emitters.ir import Block, Op, render_generic
    >>> m = Op("builtin.module", "module", regions=[Block(ops=[Op("aie.end", "aie.end")])])
    >>> print(render_generic(m), end="")
    "builtin.module"() ({
      "aie.end"() : () -> ()
    }) : () -> ()
    """
    return "\n".join(generic(module)) + "\n"
