"""The MLIR text of a design, parsed again with every operation's ``file:line:col``.

:func:`partitioner.mlir.parse.parse_file` verifies a module but keeps the
source position of each op inside its parser. The hang check has to name the
line of a stuck ``aie.objectfifo.acquire``, so :func:`parse_source` parses
the text once more with a parser that records where each op's name starts
(the same trick ``parse.py``'s own parser uses for its error messages). The
text has been verified already (by :func:`partitioner.read`), so nothing is
verified here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Operation
from xdsl.parser import Parser
from xdsl.utils.exceptions import ParseError

from partitioner.errors import UserError
from partitioner.mlir.parse import make_context

_CONTEXT: Context | None = None


class _SpanParser(Parser):
    """xDSL's parser, remembering where each op's name is (``(line, column)``, 1-based)."""

    def __init__(self, ctx: Context, text: str, name: str):
        super().__init__(ctx, text, name)
        self.positions: dict[int, tuple[int, int]] = {}
        self._names: list = []

    def _parse_op_result_list(self):  # noqa: ANN202 - xDSL's signature
        results = super()._parse_op_result_list()
        self._names.append(self._current_token.span)
        return results

    def parse_operation(self) -> Operation:
        depth = len(self._names)
        op = super().parse_operation()
        if len(self._names) > depth:
            loc = self._names.pop().get_location()
            self.positions[id(op)] = (loc.line, loc.col)
        return op


@dataclass
class Source:
    """A parsed module and where each of its operations is written.

    ``locate(op)`` gives ``"file:line:col"`` of the op's name (the first
    character of ``aie.objectfifo.acquire``, after any ``%x =``).
    """

    filename: str
    module: ModuleOp
    positions: dict[int, tuple[int, int]] = field(default_factory=dict)

    def locate(self, op: Operation | None) -> str:
        """``file:line:col`` of ``op``; the file alone for an op with no recorded position.

        Parameters
        ----------
        op : Operation or None
            An operation of :attr:`module`.

        Returns
        -------
        str

        Examples
        --------
        >>> src = parse_source("module {\\n  aie.device(npu1) {\\n  }\\n}", "x.mlir")
        >>> src.locate(src.module.body.block.first_op)
        'x.mlir:2:3'
        """
        if op is None or id(op) not in self.positions:
            return self.filename
        line, col = self.positions[id(op)]
        return f"{self.filename}:{line}:{col}"

    def line(self, op: Operation | None) -> int | None:
        """The 1-based line of ``op``, or None when it has no recorded position."""
        pos = self.positions.get(id(op)) if op is not None else None
        return pos[0] if pos else None


def parse_source(text: str, filename: str) -> Source:
    """Parse ``text`` (pretty or generic MLIR of an mlir-aie design), recording each op's position.

    Parameters
    ----------
    text : str
        The module.
    filename : str
        The name locations carry (a path, or a label for emitted text).

    Returns
    -------
    Source

    Raises
    ------
    UserError
        The text does not parse (``file:line:col: what``).

    Examples
    --------
    >>> src = parse_source("module {\\n}\\n", "m.mlir")
    >>> src.locate(src.module)
    'm.mlir:1:1'
    """
    global _CONTEXT  # noqa: PLW0603 - a cache: loading the dialects is the slow part of a small parse
    if _CONTEXT is None:
        _CONTEXT = make_context()
    parser = _SpanParser(_CONTEXT, text, filename)
    try:
        module = parser.parse_module()
    except ParseError as err:
        loc = err.span.get_location()
        raise UserError(f"{filename}:{loc.line}:{loc.col}: {str(err.msg).splitlines()[0]}") from None
    return Source(filename, module, parser.positions)


def read_source(path: str | Path) -> Source:
    """:func:`parse_source` of a file (an ``aie.mlir``; a design folder means its ``aie.mlir``).

    Parameters
    ----------
    path : path
        An ``.mlir`` file or a folder holding ``aie.mlir``.

    Returns
    -------
    Source
    """
    path = Path(path)
    if path.is_dir():
        path = path / "aie.mlir"
    return parse_source(path.read_text(encoding="utf-8"), str(path))
