"""MLIR text -> a verified xDSL ``builtin.module``, for any mlir-aie design, parsed once.

Contract:

* :func:`parse_source` / :func:`read_source` parse custom or generic MLIR with the dialects of
  an mlir-aie design (:func:`make_context`), verify every op, outermost first, and return a
  :class:`Source`: the module, where each op is written (``locate(op)`` -> ``file:line:col``) and
  its :class:`~partitioner.mlir.index.Index`. A module built in memory gets its positions from
  :class:`RecordsPositions` while it is printed, never by parsing the printed text;
* every failure (syntax, verifier, an op no dialect defines, an unreadable file) is one
  :class:`MlirError` (a ``UserError``): ``file:line:col: what (at `token`)``;
* nothing is guessed: an unknown operation is an error, never skipped; an ``aie`` op's property
  this dialect does not know (a newer mlir-aie's) is kept as an attribute, as the custom syntax keeps it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import ClassVar

from xdsl.context import Context
from xdsl.dialects import affine, arith, builtin, cf, func, memref, scf, vector
from xdsl.dialects.builtin import (
    I64,
    FunctionType,
    DenseIntOrFPElementsAttr,
    FlatSymbolRefAttrConstr,
    IndexType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    i1,
    StringAttr,
    IntegerType,
    TensorType,
    UnitAttr,
    VectorType,
)
from xdsl.ir import Attribute, Dialect, Operation, OpTraits
from xdsl.irdl import (
    IRDLOperation,
    irdl_op_definition,
    operand_def,
    opt_prop_def,
    prop_def,
    result_def,
    traits_def,
    var_operand_def,
    var_result_def,
)
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.traits import SymbolOpInterface, SymbolTable
from xdsl.utils.exceptions import DiagnosticException, ParseError, VerifyException
from xdsl.utils.lexer import Input, Span

from partitioner.errors import UserError
from partitioner.mlir.aie import AIE, AieVerifyError
from partitioner.mlir.aiex import AIEX
from partitioner.mlir.index import Index, index_module

_TOKEN_CHARS = 40  # longest token quoted in a message


class MlirError(UserError):
    """An MLIR file that cannot be read: where (file, line, column, token) and what."""

    def __init__(self, filename: str, line: int, column: int, token: str, what: str):
        self.filename, self.line, self.column, self.token, self.what = filename, line, column, token, what
        super().__init__(f"{filename}:{line}:{column}: {what}" + (f" (at `{token}`)" if token else ""))


# ---------------------------------------------------------------------------------------
# Ops of builtin MLIR dialects that xDSL 0.74 cannot read in their custom form
# ---------------------------------------------------------------------------------------


@irdl_op_definition
class MemRefGlobalOp(IRDLOperation):
    """``memref.global "public" @buf : memref<16xi32> (= dense<...>)?``: xDSL's op with MLIR's syntax.

    xDSL 0.74's ``memref.global`` reads only the generic form; designs lowered by aiecc
    declare one per ObjectFIFO buffer in the custom one (MLIR MemRefOps.td GlobalOp:
    ``($sym_visibility^)? (`constant` $constant^)? $sym_name `:` custom<GlobalMemrefOpTypeAndInitialValue>
    attr-dict``). A declaration has no initial value, so that property is optional here.
    """

    name = "memref.global"
    sym_name = prop_def(StringAttr)
    sym_visibility = opt_prop_def(StringAttr)
    type = prop_def(MemRefType)
    initial_value = opt_prop_def(UnitAttr | DenseIntOrFPElementsAttr)
    constant = opt_prop_def(UnitAttr)
    alignment = opt_prop_def(IntegerAttr[I64])
    traits = traits_def(SymbolOpInterface())

    @classmethod
    def parse(cls, parser: Parser) -> MemRefGlobalOp:
        props: dict[str, Attribute] = {}
        if (visibility := parser.parse_optional_str_literal()) is not None:
            props["sym_visibility"] = StringAttr(visibility)
        if parser.parse_optional_keyword("constant") is not None:
            props["constant"] = UnitAttr()
        props["sym_name"] = parser.parse_symbol_name()
        parser.parse_punctuation(":")
        pos = parser.pos
        t = parser.parse_type()
        if not isinstance(t, MemRefType):
            parser.raise_error(f"expected a memref type, got {t}", pos, parser.pos)
        props["type"] = t
        if parser.parse_optional_punctuation("=") is not None:
            if parser.parse_optional_keyword("uninitialized") is not None:
                props["initial_value"] = UnitAttr()
            else:
                parser.parse_keyword("dense")
                props["initial_value"] = parser.parse_dense_int_or_fp_elements_attr(
                    TensorType(t.element_type, t.get_shape()))
        attrs = parser.parse_optional_attr_dict()
        for key in [k for k in attrs if k in cls.get_irdl_definition().properties]:
            props[key] = attrs.pop(key)
        return cls.create(properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        if self.sym_visibility is not None:
            printer.print_string(" ")
            printer.print_string_literal(self.sym_visibility.data)
        if self.constant is not None:
            printer.print_string(" constant")
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        printer.print_string(" : ")
        printer.print_attribute(self.type)
        if isinstance(self.initial_value, UnitAttr):
            printer.print_string(" = uninitialized")
        elif self.initial_value is not None:
            printer.print_string(" = ")
            self.initial_value.print_without_type(printer)
        rest = {k: v for k, v in self.properties.items()
                if k not in ("sym_visibility", "constant", "sym_name", "type", "initial_value")}
        rest.update(self.attributes)
        if rest:
            printer.print_string(" ")
            printer.print_attr_dict(dict(sorted(rest.items())))


@irdl_op_definition
class MemRefCopyOp(IRDLOperation):
    """``memref.copy %a, %b : memref<8xi32> to memref<8xi32>``: xDSL's op with MLIR's syntax.

    xDSL 0.74's ``memref.copy`` has no custom format; MLIR's (MemRefOps.td CopyOp) is
    ``$source `,` $target attr-dict `:` type($source) `to` type($target)``, as aie.core bodies
    write it (mlir-aie test/npu-xrt/external_mangle_collision).
    """

    name = "memref.copy"
    source = operand_def(MemRefType)
    destination = operand_def(MemRefType)
    assembly_format = "$source `,` $destination attr-dict `:` type($source) `to` type($destination)"
    verify_ = memref.CopyOp.verify_  # same shape and element type


#: MLIR's syntax for ``memref.global`` and ``memref.copy`` in xDSL's memref dialect (:func:`_patched`).
_MEMREF_PATCHES = {memref.GlobalOp: MemRefGlobalOp, memref.CopyOp: MemRefCopyOp}


class _IndexBinaryOp(IRDLOperation):
    """``index.<op> %a, %b``: MLIR's index dialect arithmetic (IndexOps.td IndexBinaryOp)."""

    lhs = operand_def(IndexType)
    rhs = operand_def(IndexType)
    result = result_def(IndexType)
    assembly_format = "$lhs `,` $rhs attr-dict"


@irdl_op_definition
class IndexConstantOp(IRDLOperation):
    """``index.constant 42``: an index constant (MLIR IndexOps.td ConstantOp)."""

    name = "index.constant"
    value = prop_def(IntegerAttr[IndexType])
    result = result_def(IndexType)
    assembly_format = "$value attr-dict"


def _index_dialect() -> Dialect:
    """The part of MLIR's index dialect kernels in aie.core bodies use (xDSL 0.74 has none)."""
    binary = [irdl_op_definition(type(f"Index{m.capitalize()}Op", (_IndexBinaryOp,), {
        "name": f"index.{m}", "__doc__": f"``index.{m} %a, %b`` (MLIR IndexOps.td)."}))
        for m in ("add", "sub", "mul", "divs", "divu", "rems", "remu", "maxs", "mins", "maxu", "minu", "shl", "shrs",
                  "shru", "and", "or", "xor")]
    return Dialect("index", [*binary, IndexConstantOp, IndexCmpOp], [])


@irdl_op_definition
class IndexCmpOp(IRDLOperation):
    """``%b = index.cmp slt(%a, %c)``: compare two indices (MLIR IndexOps.td CmpOp:
    ```` $pred `(` $lhs `,` $rhs `)` attr-dict``). The predicate is kept as its keyword
    (MLIR stores an ``#index<cmp_predicate ..>`` attribute, which xDSL 0.74 does not have)."""

    name = "index.cmp"
    PREDICATES: ClassVar[tuple[str, ...]] = ("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge")
    pred = prop_def(StringAttr)
    lhs = operand_def(IndexType)
    rhs = operand_def(IndexType)
    result = result_def(i1)

    @classmethod
    def parse(cls, parser: Parser) -> IndexCmpOp:
        pos = parser.pos
        pred = parser.parse_identifier()
        if pred not in cls.PREDICATES:
            parser.raise_error(f"expected an index.cmp predicate: one of {', '.join(cls.PREDICATES)}", pos, parser.pos)
        with parser.in_parens():
            lhs = parser.parse_operand(IndexType())
            parser.parse_punctuation(",")
            rhs = parser.parse_operand(IndexType())
        attrs = parser.parse_optional_attr_dict()
        return cls.create(operands=[lhs, rhs], properties={"pred": StringAttr(pred)}, attributes=attrs,
                          result_types=[i1])

    def print(self, printer: Printer) -> None:
        printer.print_string(f" {self.pred.data}(")
        printer.print_operand(self.lhs)
        printer.print_string(", ")
        printer.print_operand(self.rhs)
        printer.print_string(")")
        if self.attributes:
            printer.print_string(" ")
            printer.print_attr_dict(self.attributes)

    def verify_(self) -> None:
        if self.pred.data not in self.PREDICATES:
            raise VerifyException(f"unknown index.cmp predicate '{self.pred.data}'")


class ArithCmpiOp(arith.CmpiOp):
    """``arith.cmpi slt, %a, %b : i32``, also with the predicate quoted (``"eq"``), as older MLIR
    printed it and mlir-aie's test/npu-xrt/matrix_multiplication_using_cascade designs write it."""

    @classmethod
    def parse(cls, parser: Parser) -> arith.CmpiOp:
        predicate = parser.parse_optional_str_literal() or parser.parse_identifier()
        parser.parse_punctuation(",")
        lhs = parser.parse_unresolved_operand()
        parser.parse_punctuation(",")
        rhs = parser.parse_unresolved_operand()
        parser.parse_punctuation(":")
        t = parser.parse_type()
        lhs, rhs = parser.resolve_operands([lhs, rhs], [t, t], parser.pos)
        return cls(lhs, rhs, predicate)


class ScfWhileOp(scf.WhileOp):
    """``scf.while (%a = %init) : (T) -> (R) {..} do {..}``, the assignment list optional as in MLIR
    (SCFOps.td WhileOp: ``scf.while : () -> () {..}``, mlir-aie's test/npu-xrt/objectfifo_core_while_true)."""

    @classmethod
    def parse(cls, parser: Parser) -> scf.WhileOp:
        def assignment():  # noqa: ANN202 - (block argument, operand)
            arg = parser.parse_argument(expect_type=False)
            parser.parse_punctuation("=")
            return arg, parser.parse_unresolved_operand()

        pairs = parser.parse_optional_comma_separated_list(parser.Delimiter.PAREN, assignment) or []
        parser.parse_punctuation(":")
        pos = parser.pos
        ftype: FunctionType = parser.parse_function_type()
        inputs = ftype.inputs.data
        if len(pairs) != len(inputs):
            parser.raise_error(f"{len(pairs)} initial values for {len(inputs)} argument types", pos, parser.pos)
        block_args = tuple(arg.resolve(t) for (arg, _), t in zip(pairs, inputs))
        operands = tuple(parser.resolve_operand(operand, t) for (_, operand), t in zip(pairs, inputs))
        before = parser.parse_region(block_args)
        parser.parse_characters("do")
        after = parser.parse_region()
        op = cls(operands, ftype.outputs.data, before, after)
        if (attrs := parser.parse_optional_attr_dict_with_keyword()) is not None:
            op.attributes |= attrs.data
        return op


def _int_like(t: Attribute) -> IntegerType | None:
    """The element type of a signless-integer-like type (an integer, or a vector or tensor of them)."""
    if isinstance(t, IntegerType):
        return t
    if isinstance(t, VectorType | TensorType) and isinstance(t.element_type, IntegerType):
        return t.element_type
    return None


class _IntCastOp(IRDLOperation):
    """``arith.extsi`` / ``extui`` / ``trunci`` on integers or vectors of integers, as MLIR has them.

    MLIR ArithOps.td (Arith_IToICastOp: ``SignlessFixedWidthIntegerLike`` in and out, the shapes
    equal) allows a vector, as an aie.core written for aiecc's vector passes does (mlir-aie
    test/npu-xrt/aiecc_o3_vector_passes/aie.mlir: ``arith.extsi %v : vector<64xi16> to
    vector<64xi32>``); xDSL 0.74 takes scalars only. The width rule is ArithOps.cpp's
    ``verifyExtOp`` / ``verifyTruncateOp`` on the element types (:attr:`WIDER`).
    """

    WIDER: ClassVar[bool] = True  # the result's elements are wider (ext) or narrower (trunc)
    input = operand_def()
    result = result_def()
    assembly_format = "$input attr-dict `:` type($input) `to` type($result)"

    def verify_(self) -> None:
        src, dst = _int_like(self.input.type), _int_like(self.result.type)
        if src is None or dst is None:
            raise VerifyException(f"'{self.name}' op operand and result must be signless-integer-like")
        if isinstance(self.input.type, IntegerType) != isinstance(self.result.type, IntegerType) or (
                not isinstance(self.input.type, IntegerType)
                and self.input.type.get_shape() != self.result.type.get_shape()):
            raise VerifyException(f"'{self.name}' op requires the same shape for all operands and results")
        if (dst.width.data > src.width.data) != self.WIDER or dst.width.data == src.width.data:
            way = "larger" if self.WIDER else "smaller"
            raise VerifyException(f"'{self.name}' op result type {self.result.type} must be {way} than operand "
                                  f"type {self.input.type}")


_INT_CASTS = {cast: irdl_op_definition(type(cast.__name__, (_IntCastOp,), {
    "name": cast.name, "WIDER": cast is not arith.TruncIOp, "__annotations__": {"WIDER": ClassVar[bool]},
    "__doc__": f"``{cast.name} %x : T to U``, on integers or vectors of them (:class:`_IntCastOp`)."}))
    for cast in (arith.ExtSIOp, arith.ExtUIOp, arith.TruncIOp)}


class _CallSymbolUse(func.CallOpSymbolUserOpInterface):
    """func.call's callee check, finding a declaration of the module when the aie.device has none.

    mlir-aie's test/npu-xrt/external_mangle_collision (aie.mlir, aie_core_link.mlir, aie_mixed.mlir
    @ 42377cc9) declare the kernels with ``func.func private`` beside the ``aie.device``, not in it,
    and call them from cores; its run.lit compiles and runs aie.mlir, and the aie-external-mangle pass
    (lib/Dialect/AIE/Transforms/AIEExternalMangle.cpp @ 42377cc9) finds such a callee from the call
    (``lookupNearestSymbolFrom``) to rename it. So the declaration is looked up in each enclosing
    symbol table, nearest first; the signature checks are func.call's.
    """

    def verify(self, op: Operation) -> None:
        assert isinstance(op, func.CallOp)
        callee = _declaration(op)
        if callee is None:
            raise VerifyException(f"'{op.callee}' could not be found in symbol table")
        if not isinstance(callee, func.FuncOp):
            raise VerifyException(f"'{op.callee}' does not reference a valid function")
        want, given = callee.function_type, [a.type for a in op.arguments]
        if len(want.inputs) != len(given):
            raise VerifyException("incorrect number of operands for callee")
        if len(want.outputs) != len(op.result_types):
            raise VerifyException("incorrect number of results for callee")
        for i, (w, g) in enumerate(zip(want.inputs, given)):
            if w != g:
                raise VerifyException(f"operand type mismatch: expected operand type {w}, but provided {g} for "
                                      f"operand number {i}")
        for i, (w, g) in enumerate(zip(want.outputs, op.result_types)):
            if w != g:
                raise VerifyException(f"result type mismatch: expected result type {w}, but provided {g} for "
                                      f"result number {i}")


def _declaration(call: func.CallOp) -> Operation | None:
    """The op that declares ``call``'s callee: in the nearest symbol table, else in the ones around it."""
    scope = call.parent_op()
    while scope is not None:
        if scope.has_trait(SymbolTable) and (found := SymbolTable.lookup_symbol(scope, call.callee)) is not None:
            return found
        scope = scope.parent_op()
    return None


@irdl_op_definition
class FuncCallOp(func.CallOp):
    """``func.call @f(%a) : (T) -> ()`` whose callee may be declared in the module around the aie.device
    (:class:`_CallSymbolUse`)."""

    name = "func.call"
    arguments = var_operand_def()
    callee = prop_def(FlatSymbolRefAttrConstr)
    res = var_result_def()
    traits = traits_def(_CallSymbolUse())
    assembly_format = None  # func.call's own, through parse and print below

    @classmethod
    def parse(cls, parser: Parser) -> FuncCallOp:
        parsed = func.CallOp.parse(parser)
        operands = list(parsed.operands)
        parsed.drop_all_references()  # only read: its operands go to the op returned
        return cls.create(operands=operands, result_types=parsed.result_types, properties=parsed.properties,
                          attributes=parsed.attributes)

    def print(self, printer: Printer) -> None:
        func.CallOp.print(self, printer)

    def verify_(self) -> None:
        """Nothing beyond this op's definition (func.CallOp's own would check the callee its way)."""


# xDSL merges a subclass's traits with its parent's; the parent's callee check (nearest symbol
# table only) is the one this op replaces, so the definition keeps this op's trait alone.
FuncCallOp.traits = FuncCallOp.get_irdl_definition().traits = OpTraits(lambda: (_CallSymbolUse(),))


def _patched(dialect: Dialect, patches: dict[type[Operation], type[Operation]]) -> Dialect:
    """``dialect`` with some ops replaced by their MLIR-syntax patches above."""
    return Dialect(dialect.name, [patches.get(op, op) for op in dialect.operations], list(dialect.attributes))


def make_context() -> Context:
    """A context with every dialect an mlir-aie design uses; unregistered ops are errors.

    builtin, arith (quoted cmpi predicates, integer casts of vectors), scf (``scf.while`` without
    initial values), func (:class:`FuncCallOp`), memref (with :class:`MemRefGlobalOp`,
    :class:`MemRefCopyOp`), cf, affine, vector and index (with :class:`IndexCmpOp`) from xDSL or
    here; aie and aiex from :mod:`partitioner.mlir.aie` / :mod:`partitioner.mlir.aiex`.
    """
    ctx = Context(allow_unregistered=False)
    for dialect in (builtin.Builtin, _patched(arith.Arith, {arith.CmpiOp: ArithCmpiOp, **_INT_CASTS}),
                    _patched(scf.Scf, {scf.WhileOp: ScfWhileOp}), _patched(func.Func, {func.CallOp: FuncCallOp}),
                    _patched(memref.MemRef, _MEMREF_PATCHES), cf.Cf, _index_dialect(), affine.Affine, vector.Vector,
                    AIE, AIEX):
        ctx.load_dialect(dialect)
    return ctx


# ---------------------------------------------------------------------------------------
# Parsing, locating and verifying
# ---------------------------------------------------------------------------------------


class _Parser(Parser):
    """xDSL's parser, remembering where each op's name is, and naming unknown ops.

    The one parser class of npu-tiler (tests/test_hangs.py counts its constructions).
    """

    def __init__(self, ctx: Context, text: str, name: str):
        super().__init__(ctx, text, name)
        self.op_starts: dict[int, int] = {}  # id(op) -> offset of its name in the text
        self._name_spans: list[Span] = []

    def _parse_op_result_list(self):  # noqa: ANN202 - xDSL's signature
        results = super()._parse_op_result_list()
        self._name_spans.append(self._current_token.span)
        return results

    def parse_operation(self) -> Operation:
        depth = len(self._name_spans)
        op = super().parse_operation()
        if len(self._name_spans) > depth:
            self.op_starts[id(op)] = self._name_spans.pop().start
        return op

    def _parse_generic_operation(self, op_type: type[Operation]) -> Operation:
        """As xDSL's, but an ``aie`` op's property this dialect does not define (one a newer
        mlir-aie added, e.g. ``link_files``) is kept as an attribute, as the custom syntax does."""
        op = super()._parse_generic_operation(op_type)
        if op.name.startswith("aie.") and isinstance(op, IRDLOperation):
            known = type(op).get_irdl_definition().properties
            for key in [k for k in op.properties if k not in known]:
                op.attributes.setdefault(key, op.properties.pop(key))
        return op

    def _get_op_by_name(self, name: str) -> type[Operation]:
        if (op_type := self.ctx.get_optional_op(name, dialect_stack=self._parser_state.dialect_stack)) is not None:
            return op_type
        span = self._name_spans[-1] if self._name_spans else self._current_token.span
        self.raise_error(f"unknown operation `{name}`", span)

    def positions(self, text: str) -> dict[int, tuple[int, int]]:
        """``(line, column)`` (1-based) of each op's name, from one table of line starts."""
        starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]
        lines = {key: bisect_right(starts, offset) for key, offset in self.op_starts.items()}
        return {key: (line, self.op_starts[key] - starts[line - 1] + 1) for key, line in lines.items()}


@dataclass(eq=False)
class Source:
    """A module and where each of its operations is written; the design's one IR.

    ``positions``: ``id(op)`` -> 1-based ``(line, column)`` of the op's name (after any ``%x =``);
    empty for a module built in memory until :class:`RecordsPositions` fills it.
    """

    filename: str
    module: ModuleOp
    positions: dict[int, tuple[int, int]] = field(default_factory=dict)
    _index: Index | None = field(default=None, init=False, repr=False)

    @property
    def index(self) -> Index:
        """The module's index (devices, tiles, FIFOs, cores, DMA programs, runtime sequences), built once."""
        if self._index is None:
            self._index = index_module(self.module)
        return self._index

    def locate(self, op: Operation | None) -> str:
        """``file:line:col`` of ``op``; the file alone for an op with no recorded position.

        Parameters
        ----------
        op : Operation or None
            An operation of :attr:`module`.

        Returns
        -------
        str
        """
        if op is None or id(op) not in self.positions:
            return self.filename
        line, col = self.positions[id(op)]
        return f"{self.filename}:{line}:{col}"

    def line(self, op: Operation | None) -> int | None:
        """The 1-based line of ``op``, or None when it has no recorded position."""
        pos = self.positions.get(id(op)) if op is not None else None
        return pos[0] if pos else None


class RecordsPositions:
    """A mixin for an xDSL :class:`~xdsl.printer.Printer`: records where each op's name starts as it prints.

    Set ``positions`` (a dict) and ``line_offset`` (lines printed before the module, e.g. a
    header comment) before printing; ``positions`` then holds what :class:`Source` wants.
    """

    positions: dict[int, tuple[int, int]]
    line_offset: int = 0

    def _print_results(self, op: Operation) -> None:
        super()._print_results(op)  # type: ignore[misc] - a Printer's, after the mixin in the MRO
        self.positions[id(op)] = (self._current_line + 1 + self.line_offset,  # type: ignore[attr-defined]
                                  self._current_column + 1)  # type: ignore[attr-defined]


def _location(span: Span) -> tuple[int, int, str]:
    """(line, column, token) of a span; the token is its first word, from the source."""
    loc = span.get_location()
    words = span.text.split()
    token = words[0] if words else _token_at(span.input, span.start)
    return loc.line, loc.col, token[:_TOKEN_CHARS]


def _token_at(inp: Input, pos: int) -> str:
    """The source text from ``pos`` to the end of its word (for zero-width error spans)."""
    text = inp.content
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[pos:end] or ("end of file" if pos >= len(text) else text[pos:pos + 1])


def _first_line(message: str) -> str:
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    return lines[0] if lines else "invalid MLIR"


def _parse_error(err: ParseError, filename: str) -> MlirError:
    line, col, token = _location(err.span)
    return MlirError(filename, line, col, token, _first_line(err.msg))


def _op_error(op: Operation, src: Source, message: str) -> MlirError:
    line, col = src.positions.get(id(op), (1, 1))
    return MlirError(src.filename, line, col, op.name, message)


def _verify(src: Source, implicit: Operation | None = None) -> None:
    """Verify every op, outermost first as MLIR does, reporting the first failure; not
    ``implicit``, the module the parser made to hold several top-level ops.

    Pass 1 checks each op's IRDL invariants (operand, result, property and trait
    constraints) so that pass 2's custom verifiers, which look at other ops (a FIFO's
    tiles, an acquire's FIFO), only ever see well-formed neighbours.
    """
    ops = [op for op in src.module.walk() if op is not implicit]
    for op in ops:
        if isinstance(op, IRDLOperation):
            try:
                type(op).get_irdl_definition().verify(op)
            except DiagnosticException as err:
                raise _op_error(op, src, _first_line(str(err))) from None
    for op in ops:
        try:
            op.verify(verify_nested_ops=False)
        except DiagnosticException as err:
            message = _first_line(err.args[0] if err.args else str(err))
            where = err.op if isinstance(err, AieVerifyError) and err.op is not None else op
            raise _op_error(where, src, message.removeprefix("Operation does not verify: ")) from None


def parse_source(text: str, filename: str) -> Source:
    """The verified module ``text`` describes, with each op's position; ``filename`` names it.

    Parameters
    ----------
    text : str
        The module, pretty or generic.
    filename : str
        The name errors and locations carry (a path, or a label).

    Returns
    -------
    Source

    Raises
    ------
    MlirError
        A syntax error, an unknown operation, type or attribute, or a verifier failure.

    Examples
    --------
    >>> src = parse_source("module {\\n  aie.device(npu1) {\\n  }\\n}", "x.mlir")
    >>> src.locate(src.module.body.block.first_op)
    'x.mlir:2:3'
    """
    parser = _Parser(_context(), text, filename)
    try:
        module = parser.parse_module()
    except ParseError as err:
        raise _parse_error(err, filename) from None
    except (DiagnosticException, ValueError) as err:
        # Raised while building an op or attribute from parsed parts (e.g. a value out of range).
        span = Span(parser.pos, parser.pos, parser.lexer.input)
        line, col, token = _location(span)
        raise MlirError(filename, line, col, token, _first_line(str(err))) from None
    src = Source(filename, module, parser.positions(text))
    # Several top-level ops: xDSL wraps them in a module, as MLIR's parser does; MLIR verifies
    # each top-level op but not that wrapper (mlir/lib/Parser: it is built after verification),
    # so two top-level `module @m` of one name are accepted (mlir-aie's test/objectFifo-
    # stateful-transform/init_values/init_values_distribute_output_test.mlir @ 9ac58cf1).
    _verify(src, implicit=None if id(module) in parser.op_starts else module)
    return src


def read_source(path: str | Path) -> Source:
    """:func:`parse_source` of a file; a missing, binary or non-UTF-8 file is an MlirError on line 1.

    Parameters
    ----------
    path : path
        An ``.mlir`` file.

    Returns
    -------
    Source
    """
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise MlirError(name, 1, 1, "", f"cannot read the file: {err.strerror or err}") from None
    if b"\x00" in data:
        raise MlirError(name, 1, 1, "", "not a text file (it holds NUL bytes): give an MLIR file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise MlirError(name, 1, 1, "", f"not UTF-8 text (byte {err.start} is {data[err.start]:#04x}): "
                                        "give an MLIR file") from None
    return parse_source(text, name)


def parse_module(text: str, filename: str) -> ModuleOp:
    """The verified module ``text`` describes (:func:`parse_source` without the positions)."""
    return parse_source(text, filename).module


def parse_file(path: str | Path) -> ModuleOp:
    """The verified module of a file (:func:`read_source` without the positions)."""
    return read_source(path).module


_context = cache(make_context)  # one shared context: loading dialects is the slow part of a small parse
