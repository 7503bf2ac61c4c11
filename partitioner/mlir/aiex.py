"""The ``aiex`` dialect of mlir-aie on xDSL: the runtime-sequence (host control) ops.

Read from Xilinx/mlir-aie (learned from, not copied):

* ``include/aie/Dialect/AIEX/IR/AIEX.td``: ops, operands, attributes, assembly formats;
  the 2026 main revision (commit 00d58b94e6c8) and the v1.x-era revision with
  ``aiex.runtime_sequence`` still in this dialect (commit 97737142e4c8);
* ``lib/Dialect/AIEX/IR/AIEXDialect.cpp`` (commit 0155ebd7c8b7 and the v1.x-era revision):
  the custom parsers/printers (runtime_sequence, write32, maskwrite32, sync, rtp_write)
  and the verifiers (npu.dma_memcpy_nd: ``verifyStridesWraps``, burst length, offset
  alignment, packet header; set_lock; push_queue; writebd; dma_wait);
* ``include/aie/Dialect/AIE/IR/AIEAttrs.td`` (commit 098ca51bb7f3): DMAChannelDir
  (``S2MM`` = 0, ``MM2S`` = 1, stored as an ``i32`` integer), PacketInfoAttr;
* ``include/aie/Dialect/AIE/IR/AIETargetModel.h`` (AIE2/npu1): 32-bit address
  granularity, 16 shim BDs (48 on a memory tile), lock values up to 63, shim burst
  lengths 64/128/256 bytes;
* lit tests ``test/dialect/AIEX/roundtrip.mlir``, ``invalid.mlir``, ``bad_npu_nd.mlir``
  and IRON-printed sequences (``%0 = aiex.dma_configure_task_for @in {...} {issue_token = true}``).

Two generations of the same ops are in use, and both are read:

* mlir-aie v1.x release wheels (2024-25): ``aiex.runtime_sequence``, attribute-only
  ``aiex.npu.write32 {address = 1 : ui32, value = 2 : ui32}``, ``aiex.npu.sync {...}``,
  ``aiex.npu.rtp_write(@buf, 0, 5)``, ``aiex.npu.address_patch {addr, arg_idx, arg_plus}``;
* mlir-aie main (2026): ``aie.runtime_sequence`` (the ``aie`` dialect's), SSA operands
  ``aiex.npu.write32(%a, %v) : i32, i32``, ``aiex.npu.rtp_write(@buf, 0, %v) : i32``,
  ``aiex.npu.address_patch(%p : i32) {addr = 0 : ui32, arg_idx = 0 : i32}``,
  ``aiex.dma_configure_task(..) repeat %r : i32 bd_id %b : i32``.

Each op prints in mlir-aie's custom form and, through xDSL, in MLIR's generic form, with
inherent attributes as properties (``<{...}>``). Pretty attribute dictionaries are
printed sorted by name with default values left out, as MLIR does.

Deviations, on purpose:

* ``aiex.runtime_sequence`` may sit directly in a ``builtin.module`` (so a sequence can be
  read on its own); any other parent than ``aie.device`` is rejected.
* ``aiex.npu.dma_memcpy_nd`` checks the shim-tile limits (``verifyStridesWraps`` with the
  shim NOC's 10-bit wraps, 20-bit steps, 6-bit iterations) always: mlir-aie checks them
  only once ``metadata`` names an ``aie.shim_dma_allocation`` (after ObjectFIFO lowering),
  so a design that fails here fails later in aiecc.py anyway. A generic form without
  ``operandSegmentSizes`` is read (the sizes follow from the static arrays) and printed
  back with it.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import ClassVar

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    DenseArrayBase,
    FlatSymbolRefAttrConstr,
    IndexType,
    IntAttr,
    IntegerAttr,
    IntegerType,
    MemRefType,
    Signedness,
    StringAttr,
    SymbolRefAttr,
    UnrankedMemRefType,
    i1,
    i32,
    i64,
)
from xdsl.context import Context
from xdsl.ir import (
    Attribute,
    Block,
    Dialect,
    Operation,
    ParametrizedAttribute,
    Region,
    SSAValue,
    TypeAttribute,
)
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    ParamAttrConstraint,
    irdl_attr_definition,
    irdl_op_definition,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    traits_def,
    var_operand_def,
)
from xdsl.parser import AttrParser, Parser, UnresolvedOperand
from xdsl.printer import Printer
from xdsl.traits import NoTerminator, OptionalSymbolOpInterface
from xdsl.utils.exceptions import VerifyException

# ---------------------------------------------------------------------------------------
# Constants of the npu1 (AIE2) target model (AIETargetModel.h, AIE2TargetModel)
# ---------------------------------------------------------------------------------------

ADDRESS_GRANULARITY_BITS = 32
SHIM_WRAP_BITS, SHIM_STEP_BITS, ITER_BITS = 10, 20, 6
SHIM_BURST_LENGTHS = (64, 128, 256)
MAX_LOCK_VALUE = 0x3F
DEFAULT_SEQUENCE_NAME = "sequence"  # RuntimeSequenceOp::getDefaultRuntimeSequenceName()
RUNTIME_SEQUENCE_OPS = ("aiex.runtime_sequence", "aie.runtime_sequence")
DMA_DIRECTIONS = {"S2MM": 0, "MM2S": 1}  # AIEAttrs.td DMAChannelDir

ui8 = IntegerType(8, Signedness.UNSIGNED)
ui32 = IntegerType(32, Signedness.UNSIGNED)
ui64 = IntegerType(64, Signedness.UNSIGNED)


def _int_attr(t: IntegerType):
    """Constraint: an IntegerAttr of exactly type ``t`` (ODS I32Attr, UI32Attr, ...)."""
    return ParamAttrConstraint.get(IntegerAttr, None, t)


I32Attr, I64Attr, UI8Attr, UI32Attr, UI64Attr, BoolAttr = (
    _int_attr(t) for t in (i32, i64, ui8, ui32, ui64, i1))
FALSE, ZERO_I32, ZERO_I64 = IntegerAttr(0, i1), IntegerAttr(0, i32), IntegerAttr(0, i64)


# ---------------------------------------------------------------------------------------
# Shared parsing/printing helpers
# ---------------------------------------------------------------------------------------

def _fail(op: Operation, message: str) -> VerifyException:
    """mlir-aie's ``emitOpError`` text: ``'aiex.op' op message``."""
    return VerifyException(f"'{op.name}' op {message}")


def _split_attrs(op_cls: type[IRDLOperation], attrs: Mapping[str, Attribute],
                 extra_props: Iterable[str] = ()) -> tuple[dict[str, Attribute], dict[str, Attribute]]:
    """Inherent attributes (the op's properties) apart from discardable ones."""
    known = set(op_cls.get_irdl_definition().properties) | set(extra_props)
    props = {k: v for k, v in attrs.items() if k in known}
    return props, {k: v for k, v in attrs.items() if k not in known}


def _parse_attr_dict(parser: Parser, op_cls: type[IRDLOperation], props: dict[str, Attribute],
                     attrs: dict[str, Attribute]) -> None:
    """``attr-dict``: fills ``props`` (inherent) and ``attrs`` (discardable)."""
    p, a = _split_attrs(op_cls, parser.parse_optional_attr_dict())
    props.update(p)
    attrs.update(a)


def _print_attr_dict(printer: Printer, op: IRDLOperation, elide: Iterable[str] = ()) -> None:
    """MLIR's attr-dict: properties and attributes, sorted, defaults and ``elide`` left out."""
    defs = type(op).get_irdl_definition().properties
    skip = set(elide) | {"operandSegmentSizes"}
    merged: dict[str, Attribute] = {}
    for name, value in {**op.properties, **op.attributes}.items():
        if name in skip:
            continue
        d = defs.get(name)
        if d is not None and d.default_value is not None and d.default_value == value:
            continue
        merged[name] = value
    if merged:
        printer.print_string(" ")
        printer.print_attr_dict(dict(sorted(merged.items())))


def _int(attr: Attribute | None) -> int | None:
    """The integer in an IntegerAttr or IntAttr (None for anything else)."""
    if isinstance(attr, IntegerAttr):
        return attr.value.data
    if isinstance(attr, IntAttr):
        return attr.data
    return None


def _constant(value: SSAValue) -> int | None:
    """``getConstantIntValue``: the integer an ``arith.constant`` operand holds."""
    owner = value.owner
    if isinstance(owner, Operation) and owner.name == "arith.constant":
        return _int(owner.get_attr_or_prop("value"))
    return None


def _parse_int_attr(parser: Parser, default_type: IntegerType) -> IntegerAttr:
    """A bare integer (typed ``default_type``), ``true``/``false``, or ``N : type``."""
    value = parser.parse_integer(allow_boolean=True)
    if parser.parse_optional_punctuation(":") is not None:
        t = parser.parse_type()
        if not isinstance(t, IntegerType | IndexType):
            parser.raise_error("expected an integer type")
        return IntegerAttr(value, t)
    return IntegerAttr(value, default_type)


def _parse_direction(parser: Parser) -> IntegerAttr:
    pos = parser.pos
    word = parser.parse_optional_identifier()
    if word not in DMA_DIRECTIONS:
        parser.raise_error("expected DMA channel direction 'S2MM' or 'MM2S'", pos)
    return IntegerAttr(DMA_DIRECTIONS[word], i32)


def _print_direction(printer: Printer, attr: IntegerAttr) -> None:
    names = {v: k for k, v in DMA_DIRECTIONS.items()}
    printer.print_string(names.get(attr.value.data, str(attr.value.data)))


def _parse_operand_list(parser: Parser, count: int) -> list[UnresolvedOperand]:
    """``(%a, %b, ...)`` with exactly ``count`` operands; the ``(`` is already consumed."""
    pos = parser.pos
    ops = [parser.parse_unresolved_operand()]
    while parser.parse_optional_punctuation(",") is not None:
        ops.append(parser.parse_unresolved_operand())
    parser.parse_punctuation(")")
    if len(ops) != count:
        parser.raise_error(f"expected {count} operands, got {len(ops)}", pos)
    return ops


def _parse_type_list(parser: Parser, count: int) -> list[Attribute]:
    types = [parser.parse_type()]
    for _ in range(count - 1):
        parser.parse_punctuation(",")
        types.append(parser.parse_type())
    return types


def _print_values(printer: Printer, values: Sequence[SSAValue]) -> None:
    printer.print_string("(")
    printer.print_list(values, printer.print_ssa_value)
    printer.print_string(")")


def _print_types(printer: Printer, values: Sequence[SSAValue]) -> None:
    printer.print_string(" : ")
    printer.print_list([v.type for v in values], printer.print_attribute)


def _sorted(props: Mapping[str, Attribute]) -> dict[str, Attribute]:
    """Properties in name order, as MLIR's generic form prints them (a DictionaryAttr)."""
    return dict(sorted(props.items()))


def _segments(sizes: Sequence[int]) -> DenseArrayBase:
    return DenseArrayBase.from_list(i32, list(sizes))


def _check_segments(op: IRDLOperation, expected: Sequence[int]) -> None:
    """An ``operandSegmentSizes`` that a version put on the op must match its operands."""
    seg = op.properties.get("operandSegmentSizes")
    if isinstance(seg, DenseArrayBase) and list(seg.get_values()) != list(expected):
        raise _fail(op, f"operandSegmentSizes {list(seg.get_values())} does not match the operands "
                        f"{list(expected)}")


def _enclosing(op: Operation, names: Iterable[str]) -> Operation | None:
    names = tuple(names)
    parent = op.parent_op()
    while parent is not None and parent.name not in names:
        parent = parent.parent_op()
    return parent


def _require_parent(op: Operation, names: Sequence[str], ancestor: bool) -> None:
    """HasParent / HasAncestor over both runtime_sequence generations."""
    parent = op.parent_op()
    if parent is None:
        return  # detached (built, not parsed)
    ok = _enclosing(op, names) is not None if ancestor else parent.name in names
    if not ok:
        kind = "ancestor" if ancestor else "parent"
        raise _fail(op, f"expects {kind} op " + " or ".join(f"'{n}'" for n in names))


def _lookup_in_device(op: Operation, symbol: str) -> tuple[Operation | None, Operation | None]:
    """(enclosing aie.device, the op in its body whose sym_name is ``symbol``)."""
    device = _enclosing(op, ("aie.device",))
    if device is None:
        return None, None
    for region in device.regions:
        for block in region.blocks:
            for inner in block.ops:
                name = inner.get_attr_or_prop("sym_name")
                if isinstance(name, StringAttr) and name.data == symbol:
                    return device, inner
    return device, None


# ---------------------------------------------------------------------------------------
# Attributes and types
# ---------------------------------------------------------------------------------------

@irdl_attr_definition
class BlockFloatType(ParametrizedAttribute, TypeAttribute):
    """``!aiex.bfp<"v8bfp16ebs8">``, a block floating point memref element type.

    AIEX.td ``AIEX_BlockFloatingPointType`` (assemblyFormat ``< $block_type >``) and its
    verifier and size in AIEXDialect.cpp (commit 0155ebd7c8b7).
    """

    name = "aiex.bfp"
    block_type: StringAttr

    # block size, mantissa bits, exponent bits, subtile shift bits
    FORMATS: ClassVar[dict[str, tuple[int, int, int, int]]] = {
        "v8bfp16ebs8": (8, 8, 8, 0), "v16bfp16ebs16": (16, 8, 8, 0)}

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        parser.parse_punctuation("<")
        text = parser.parse_str_literal()
        parser.parse_punctuation(">")
        return (StringAttr(text),)

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("<")
        printer.print_string_literal(self.block_type.data)
        printer.print_string(">")

    def verify(self) -> None:
        if self.block_type.data not in self.FORMATS:
            raise VerifyException(f"Invalid block type: {self.block_type.data}. "
                                  "Known types are: v8bfp16ebs8, v16bfp16ebs16.")

    @property
    def bitwidth(self) -> int:
        """Bits of one block: block size * mantissa bits + shared exponent bits + subtile shift bits (72 for v8bfp16ebs8)."""
        block, mantissa, exponent, shift = self.FORMATS[self.block_type.data]
        return block * mantissa + exponent + shift


@irdl_attr_definition
class PacketInfoStandIn(ParametrizedAttribute):
    """``#aie.packet_info<pkt_type = T, pkt_id = I>`` (AIEAttrs.td PacketInfoAttr).

    The attribute belongs to the ``aie`` dialect (partitioner.mlir.aie): the stripped form
    ``packet = <...>`` is read with the class the parser's context registers under that
    name, and with this stand-in only when the context has none. It is not part of
    :data:`AIEX`, so the two never clash in one context.
    """

    name = "aie.packet_info"
    pkt_type: IntAttr
    pkt_id: IntAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> Sequence[Attribute]:
        values: dict[str, int] = {}

        def entry() -> None:
            pos = parser.pos
            key = parser.parse_identifier()
            if key not in ("pkt_type", "pkt_id") or key in values:
                parser.raise_error(f"unexpected packet_info parameter '{key}'", pos)
            parser.parse_punctuation("=")
            values[key] = parser.parse_integer(allow_boolean=False, allow_negative=False)

        parser.parse_comma_separated_list(parser.Delimiter.ANGLE, entry)
        if len(values) != 2:
            parser.raise_error("packet_info needs pkt_type and pkt_id")
        return (IntAttr(values["pkt_type"]), IntAttr(values["pkt_id"]))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string(f"<pkt_type = {self.pkt_type.data}, pkt_id = {self.pkt_id.data}>")


def packet_info_class(ctx: Context | None = None) -> type[ParametrizedAttribute]:
    """The ``aie.packet_info`` class the context registers (the aie dialect's), else the stand-in."""
    cls = ctx.get_optional_attr("aie.packet_info") if ctx is not None else None
    if isinstance(cls, type) and issubclass(cls, ParametrizedAttribute) and cls.name == "aie.packet_info":
        return cls
    return PacketInfoStandIn


def _parse_packet(parser: Parser) -> Attribute:
    """``<pkt_type = 0, pkt_id = 2>`` (the stripped form an assembly format prints)."""
    if parser._current_token.text == "#":  # the full form, #aie.packet_info<...>
        return parser.parse_attribute()
    cls = packet_info_class(parser.ctx)
    return cls.new(cls.parse_parameters(parser))


def _print_packet(printer: Printer, attr: Attribute) -> None:
    if isinstance(attr, ParametrizedAttribute) and attr.name == "aie.packet_info":
        attr.print_parameters(printer)
    else:
        printer.print_attribute(attr)


def _packet_fields(attr: Attribute) -> tuple[int | None, int | None]:
    return _int(getattr(attr, "pkt_type", None)), _int(getattr(attr, "pkt_id", None))


# ---------------------------------------------------------------------------------------
# aiex.runtime_sequence (the v1.x form; mlir-aie main moved it to aie.runtime_sequence)
# ---------------------------------------------------------------------------------------

# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commit 97737142e4c8, v1.x)
# AIE_RuntimeSequenceOp: Symbol, NoTerminator,
# HasParent<"AIE::DeviceOp">, DefaultValuedAttr<SymbolNameAttr, "sequence">:$sym_name,
# hasCustomAssemblyFormat; parse/print in the v1.x AIEXDialect.cpp:
# `aiex.runtime_sequence @name(%a: memref<...>, ...) { ... }`, the name left out when
# it is the default, no attr-dict.
@irdl_op_definition
class RuntimeSequenceOp(IRDLOperation):
    """``aiex.runtime_sequence @name(%a: memref<...>, ...) {...}``: a device's host control program (v1.x; main has ``aie.runtime_sequence``), its arguments the host buffers."""

    name = "aiex.runtime_sequence"

    sym_name = opt_prop_def(StringAttr)
    body = region_def()

    traits = traits_def(NoTerminator(), OptionalSymbolOpInterface())

    @property
    def sequence_name(self) -> str:
        """The sequence's symbol name, or mlir-aie's default ``sequence`` when it has none."""
        return self.sym_name.data if self.sym_name is not None else DEFAULT_SEQUENCE_NAME

    @property
    def args(self) -> tuple[SSAValue, ...]:
        """The body's block arguments (the host buffers, in order); () for a body without a block."""
        block = self.body.blocks.first
        return tuple(block.args) if block is not None else ()

    @classmethod
    def parse(cls, parser: Parser) -> RuntimeSequenceOp:
        name = parser.parse_optional_symbol_name()
        args = parser.parse_comma_separated_list(
            parser.Delimiter.PAREN, lambda: parser.parse_argument(expect_type=True))
        region = parser.parse_region(args)
        if not region.blocks:
            region.add_block(Block())
        props = {"sym_name": name} if name is not None else {}
        return cls.create(properties=_sorted(props), regions=[region])

    def print(self, printer: Printer) -> None:
        if self.sym_name is not None and self.sym_name.data != DEFAULT_SEQUENCE_NAME:
            printer.print_string(" ")
            printer.print_symbol_name(self.sym_name.data)
        printer.print_string("(")
        printer.print_list(self.args, printer.print_block_argument)  # type: ignore[arg-type]
        printer.print_string(") ")
        printer.print_region(self.body, print_entry_block_args=False, print_empty_block=False)

    def verify_(self) -> None:
        parent = self.parent_op()
        if parent is not None and parent.name not in ("aie.device", "builtin.module"):
            raise _fail(self, "expects parent op 'aie.device'")
        if len(self.body.blocks) > 1:
            raise _fail(self, "expects a single-block body")


# ---------------------------------------------------------------------------------------
# aiex.npu.dma_memcpy_nd
# ---------------------------------------------------------------------------------------

def _parse_index_list(parser: Parser) -> tuple[list[UnresolvedOperand], list[int]]:
    """MLIR's ``custom<DynamicIndexList>``: ``[0, %x, 8]`` (values untyped)."""
    values: list[UnresolvedOperand] = []
    static: list[int] = []

    def entry() -> None:
        operand = parser.parse_optional_unresolved_operand()
        if operand is None:
            static.append(parser.parse_integer(allow_boolean=False))
        else:
            values.append(operand)
            static.append(DYNAMIC_INDEX)

    parser.parse_comma_separated_list(parser.Delimiter.SQUARE, entry)
    return values, static


def _print_index_list(printer: Printer, values: Sequence[SSAValue], static: Sequence[int]) -> None:
    printer.print_string("[")
    it = iter(values)
    for i, v in enumerate(static):
        if i:
            printer.print_string(", ")
        if v == DYNAMIC_INDEX:
            printer.print_ssa_value(next(it))
        else:
            printer.print_string(str(v))
    printer.print_string("]")


def _element_bits(memref: Attribute) -> int | None:
    elem = getattr(memref, "element_type", None)
    if isinstance(elem, IndexType):
        return 64
    bits = getattr(elem, "bitwidth", None)
    return bits if isinstance(bits, int) else None


def _hardware_sizes_strides(sizes: Sequence[int], strides: Sequence[int],
                            bits: int) -> tuple[list[int], list[int]]:
    """``getHardwareStridesWraps``: user sizes/strides (index 0 innermost) in BD units."""
    g = ADDRESS_GRANULARITY_BITS

    def div(a: int, b: int) -> int:  # C++ integer division (towards zero)
        q = abs(a) // b
        return q if a >= 0 else -q

    hs, ht = [0] * 4, [0] * 4
    if sizes[0] == 0:
        return hs, ht
    hs[0] = div(sizes[0] * bits, g)
    ht[0] = 0 if strides[0] * bits < g or bits > g else div(strides[0] * bits, g) - 1
    for d in (1, 2):
        hs[d] = sizes[d]
        if sizes[d] > 1:
            ht[d] = div(strides[d] * bits, g) - 1
    if sizes[3] > 1:
        hs[3] = sizes[3] - 1
        if strides[3] > 0:
            ht[3] = div(strides[3] * bits, g) - 1
    return hs, ht


def verify_strides_wraps(op: Operation, sizes: Sequence[int], strides: Sequence[int], bits: int,
                         skip_transformation_checks: bool) -> None:
    """``AIEX::verifyStridesWraps`` for a shim NOC tile (index 0 = innermost dimension)."""
    g = ADDRESS_GRANULARITY_BITS
    hs, ht = _hardware_sizes_strides(sizes, strides, bits)
    for i in range(4):
        if sizes[i] <= 0:
            raise _fail(op, f"Size {i} must be a positive integer.")
    if sizes[0] * bits % g:
        raise _fail(op, f"Transfer sizes must be multiples of {g // 8} bytes. {sizes[0]} elements at "
                        f"{bits // 8} bytes each equal {sizes[0] * bits // 8} bytes, which is not "
                        f"divisible by {g // 8}. ")
    for i in range(3):
        if sizes[i] > 1 and strides[i] < 1:
            raise _fail(op, f"Stride {i} must be a positive integer.")
    if sizes[3] > 1 and strides[3] < 0:
        raise _fail(op, "Stride 3 must be a non-negative integer.")
    for i in range(4):
        if i == 0 and strides[i] == 1:
            continue
        if strides[i] * bits % g:
            raise _fail(op, f"Stride {i} is {strides[i]} elements * {bits // 8} bytes = "
                            f"{strides[i] * bits // 8} bytes, which is not divisible by {g // 8}. ")
    wrap_max, step_max = (1 << SHIM_WRAP_BITS) - 1, 1 << SHIM_STEP_BITS
    if not skip_transformation_checks and hs[0] > wrap_max:
        raise _fail(op, f"Size 0 exceeds the [0:{wrap_max}] range.")
    if hs[1] > wrap_max:
        raise _fail(op, f"Size 1 exceeds the [0:{wrap_max}] range.")
    if hs[3] > 1 << ITER_BITS:
        raise _fail(op, f"Size 3 exceeds the [1:{1 << ITER_BITS}] range.")
    for i in range(3):
        if ht[i] > step_max:
            raise _fail(op, f"Stride {i} exceeds the [1:{step_max}] range.")
    if ht[3] > step_max and hs[3] > 0:
        raise _fail(op, f"Stride 3 exceeds the [1:{step_max}] range.")


def _check_burst_length(op: Operation, burst: int) -> None:
    if burst != 0 and burst not in SHIM_BURST_LENGTHS:
        raise _fail(op, "Requested burst length is not supported by the target. "
                        "Supported burst lengths: " + " ".join(map(str, SHIM_BURST_LENGTHS)))


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuDmaMemcpyNdOp: AttrSizedOperandSegments
# (memref, offsets, sizes, strides), DenseI64ArrayAttr static_offsets/sizes/strides with
# exactly 4 entries (outermost first), packet, metadata, id, issue_token, zero padding,
# burst_length; assemblyFormat
# `( $memref [offsets][sizes][strides] (, packet = $packet)? ) attr-dict : type($memref)`;
# verifier NpuDmaMemcpyNdOp::verify and verifyStridesWraps in
# lib/Dialect/AIEX/IR/AIEXDialect.cpp (commit 0155ebd7c8b7).
@irdl_op_definition
class NpuDmaMemcpyNdOp(IRDLOperation):
    """``aiex.npu.dma_memcpy_nd``: one shim DMA transfer of the runtime sequence: a host buffer's access pattern (offsets, sizes, strides, outermost first) to or from the shim end of the ObjectFIFO (or ``aie.shim_dma_allocation``) that ``metadata`` names."""

    name = "aiex.npu.dma_memcpy_nd"

    memref = operand_def(MemRefType | UnrankedMemRefType)
    offsets = var_operand_def(i64)
    sizes = var_operand_def(i64)
    strides = var_operand_def(i64)

    static_offsets = prop_def(DenseArrayBase)
    static_sizes = prop_def(DenseArrayBase)
    static_strides = prop_def(DenseArrayBase)
    packet = opt_prop_def()
    metadata = prop_def(SymbolRefAttr)
    id = prop_def(I64Attr)
    issue_token = opt_prop_def(BoolAttr, FALSE)
    d0_zero_before = opt_prop_def(I64Attr, ZERO_I64)
    d1_zero_before = opt_prop_def(I64Attr, ZERO_I64)
    d2_zero_before = opt_prop_def(I64Attr, ZERO_I64)
    d0_zero_after = opt_prop_def(I64Attr, ZERO_I64)
    d1_zero_after = opt_prop_def(I64Attr, ZERO_I64)
    d2_zero_after = opt_prop_def(I64Attr, ZERO_I64)
    burst_length = opt_prop_def(I64Attr, ZERO_I64)
    offset_parameter = opt_prop_def(FlatSymbolRefAttrConstr)
    offset_state_table_idx = opt_prop_def(UI8Attr)

    irdl_options = (AttrSizedOperandSegments(as_property=True),)

    @classmethod
    def create(cls, *, operands: Sequence[SSAValue] = (), result_types: Sequence[Attribute] = (),
               properties: Mapping[str, Attribute] = {}, attributes: Mapping[str, Attribute] = {},
               location=None, successors: Sequence[Block] = (), regions: Sequence[Region] = ()):
        """A generic form without ``operandSegmentSizes`` gets them from the static arrays."""
        props, attrs = dict(properties), dict(attributes)
        if "operandSegmentSizes" in attrs and "operandSegmentSizes" not in props:
            props["operandSegmentSizes"] = attrs.pop("operandSegmentSizes")
        if "operandSegmentSizes" not in props:
            counts = []
            for key in ("static_offsets", "static_sizes", "static_strides"):
                arr = props.get(key)
                counts.append(sum(v == DYNAMIC_INDEX for v in arr.get_values())
                              if isinstance(arr, DenseArrayBase) else 0)
            if 1 + sum(counts) == len(operands):
                props["operandSegmentSizes"] = _segments([1, *counts])
        kwargs = {} if location is None else {"location": location}
        return super().create(operands=operands, result_types=result_types, properties=_sorted(props),
                              attributes=attrs, successors=successors, regions=regions, **kwargs)

    def __init__(self, memref: SSAValue, offsets: Sequence[int], sizes: Sequence[int],
                 strides: Sequence[int], *, metadata: str, id: int, issue_token: bool | None = None,
                 attributes: Mapping[str, Attribute] | None = None):
        """Static offsets/sizes/strides, outermost dimension first (as in the text)."""
        props: dict[str, Attribute] = {
            "id": IntegerAttr(id, i64), "metadata": SymbolRefAttr(metadata),
            "static_offsets": DenseArrayBase.from_list(i64, list(offsets)),
            "static_sizes": DenseArrayBase.from_list(i64, list(sizes)),
            "static_strides": DenseArrayBase.from_list(i64, list(strides)),
        }
        if issue_token is not None:
            props["issue_token"] = IntegerAttr.from_bool(issue_token)
        super().__init__(operands=[memref, [], [], []], properties=_sorted(props), attributes=attributes)

    @classmethod
    def parse(cls, parser: Parser) -> NpuDmaMemcpyNdOp:
        parser.parse_punctuation("(")
        if parser.parse_optional_integer() is not None:
            # The 2024 form (test/npu-xrt/add_one_objFifo/aie.mlir @0f643a5): a leading x, y pair,
            # and three strides with the innermost stride 1 implied.
            parser.parse_punctuation(",")
            parser.parse_integer()
            parser.parse_punctuation(",")
        memref = parser.parse_unresolved_operand()
        lists = [_parse_index_list(parser) for _ in range(3)]
        if len(lists[2][1]) == 3:
            lists[2] = (lists[2][0], [*lists[2][1], 1])
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        if parser.parse_optional_punctuation(",") is not None:
            parser.parse_keyword("packet")
            parser.parse_punctuation("=")
            props["packet"] = _parse_packet(parser)
        parser.parse_punctuation(")")
        _parse_attr_dict(parser, cls, props, attrs)
        parser.parse_punctuation(":")
        memref_type = parser.parse_type()
        operands = [parser.resolve_operand(memref, memref_type)]
        for (values, static), key in zip(lists, ("static_offsets", "static_sizes", "static_strides")):
            operands += [parser.resolve_operand(v, i64) for v in values]
            props[key] = DenseArrayBase.from_list(i64, static)
        props["operandSegmentSizes"] = _segments([1, *(len(v) for v, _ in lists)])
        return cls.create(operands=operands, properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_ssa_value(self.memref)
        _print_index_list(printer, self.offsets, self.static_offsets.get_values())
        _print_index_list(printer, self.sizes, self.static_sizes.get_values())
        _print_index_list(printer, self.strides, self.static_strides.get_values())
        if self.packet is not None:
            printer.print_string(", packet = ")
            _print_packet(printer, self.packet)
        printer.print_string(")")
        _print_attr_dict(printer, self, elide=("static_offsets", "static_sizes", "static_strides",
                                               "packet"))
        printer.print_string(" : ")
        printer.print_attribute(self.memref.type)

    def _mixed(self, key: str, values: Sequence[SSAValue]) -> list[int | SSAValue]:
        it = iter(values)
        arr: DenseArrayBase = getattr(self, key)
        return [next(it) if v == DYNAMIC_INDEX else v for v in arr.get_values()]

    def mixed(self) -> tuple[list[int | SSAValue], list[int | SSAValue], list[int | SSAValue]]:
        """(offsets, sizes, strides), outermost first, each an int or an SSA value."""
        return (self._mixed("static_offsets", self.offsets), self._mixed("static_sizes", self.sizes),
                self._mixed("static_strides", self.strides))

    def constant_pattern(self) -> tuple[list[int], list[int], list[int]] | None:
        """(offsets, sizes, strides) as integers, outermost first; None if any is not constant."""
        out = []
        for values in self.mixed():
            ints = [v if isinstance(v, int) else _constant(v) for v in values]
            if any(v is None for v in ints):
                return None
            out.append(ints)  # type: ignore[arg-type]
        return out[0], out[1], out[2]

    def is_linear(self) -> bool:
        """``isLinearTransferWithoutTransformation``: ``[*, 1, 1, n][*, 0, 0, 1]``."""
        pattern = self.constant_pattern()
        if pattern is None:
            return False
        _, sizes, strides = pattern
        return sizes[2] == 1 and sizes[1] == 1 and strides[3] == 1 and strides[2] == 0 and strides[1] == 0

    def offset_in_bytes(self) -> int | None:
        """The transfer's start offset in the buffer, in bytes (sum of offset * stride, times the element size); None when not constant or the element width is unknown."""
        pattern, bits = self.constant_pattern(), _element_bits(self.memref.type)
        if pattern is None or bits is None:
            return None
        offsets, _, strides = pattern
        return sum(o * s for o, s in zip(offsets, strides)) * (bits // 8)

    def verify_(self) -> None:
        for key, values, what in (("static_offsets", self.offsets, "offset"),
                                  ("static_sizes", self.sizes, "size"),
                                  ("static_strides", self.strides, "stride")):
            arr: DenseArrayBase = getattr(self, key)
            if not isinstance(arr.elt_type, IntegerType) or arr.elt_type.width.data != 64:
                raise _fail(self, f"attribute '{key}' failed to satisfy constraint: i64 dense array attribute")
            static = arr.get_values()
            if len(static) != 4:
                raise _fail(self, f"attribute '{key}' failed to satisfy constraint: i64 dense array "
                                  "attribute with exactly 4 elements")
            dynamic = sum(v == DYNAMIC_INDEX for v in static)
            if dynamic != len(values):
                raise _fail(self, f"expected {dynamic} dynamic {what} values")
        memref_type = self.memref.type
        bits = _element_bits(memref_type)
        g = ADDRESS_GRANULARITY_BITS
        if bits is not None and bits > g:
            raise _fail(self, f"Maximum element bit width allowed is {g}bits. ")
        if bits is not None and isinstance(memref_type, MemRefType):
            shape = memref_type.get_shape()
            if all(d >= 0 for d in shape):
                n = 1
                for d in shape:
                    n *= d
                if n * bits < g:
                    raise _fail(self, f"Minimum data transfer size required is {g}bits. ")
        pattern = self.constant_pattern()
        if pattern is None or bits is None:
            return  # runtime sizes: mlir-aie checks those at run time
        _check_burst_length(self, _int(self.burst_length) or 0)
        offset = self.offset_in_bytes()
        if offset is not None and offset % 4:
            raise _fail(self, "Offset must be 4-byte-aligned.")
        _, sizes, strides = pattern
        verify_strides_wraps(self, sizes[::-1], strides[::-1], bits, self.is_linear())
        if self.packet is not None:
            pkt_type, pkt_id = _packet_fields(self.packet)
            if pkt_type is not None and pkt_type > 7:
                raise _fail(self, "Packet type field can only hold 3 bits.")
            if pkt_id is not None and pkt_id > 31:
                raise _fail(self, "Packet ID field can only hold 5 bits.")


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuDmaWaitOp: FlatSymbolRefAttr:$symbol, assemblyFormat `attr-dict`;
# NpuDmaWaitOp::verify (AIEXDialect.cpp 0155ebd7c8b7): the symbol must be in the device.
@irdl_op_definition
class NpuDmaWaitOp(IRDLOperation):
    """``aiex.npu.dma_wait {symbol = @of}``: block until the shim DMA of the ObjectFIFO or ``aie.shim_dma_allocation`` ``symbol`` sends its task-complete token (lowers to ``aiex.npu.sync``)."""

    name = "aiex.npu.dma_wait"

    symbol = prop_def(FlatSymbolRefAttrConstr)

    def __init__(self, symbol: str):
        super().__init__(properties={"symbol": SymbolRefAttr(symbol)})

    @classmethod
    def parse(cls, parser: Parser) -> NpuDmaWaitOp:
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_attr_dict(printer, self)

    def verify_(self) -> None:
        device, target = _lookup_in_device(self, self.symbol.root_reference.data)
        if device is not None and target is None:
            raise _fail(self, "couldn't find symbol in parent device")


# ---------------------------------------------------------------------------------------
# Register writes and synchronisation: attribute form (v1.x) or SSA form (main)
# ---------------------------------------------------------------------------------------

class _OperandsOrAttrs(IRDLOperation):
    """An op whose values are inherent attributes (v1.x) or SSA operands (main).

    Pretty: ``name(%a, %b, ...) {attrs} : t, t, ...`` or ``name {attrs}``
    (NpuWrite32Op/NpuMaskWrite32Op/NpuSyncOp::parse in AIEXDialect.cpp, 0155ebd7c8b7).
    Subclasses name their values in ``VALUES``; the operands are one variadic list, with an
    ``operandSegmentSizes`` accepted when a version wrote one.
    """

    VALUES: ClassVar[tuple[str, ...]] = ()

    def values(self) -> dict[str, int | SSAValue | None]:
        """Each value: the SSA operand (main) or the attribute's integer (v1.x)."""
        if self.operands:
            return dict(zip(self.VALUES, self.operands))
        return {k: _int(self.properties.get(k)) for k in self.VALUES}

    @classmethod
    def parse(cls, parser: Parser):
        operands: list[UnresolvedOperand] = []
        if parser.parse_optional_punctuation("(") is not None:
            operands = _parse_operand_list(parser, len(cls.VALUES))
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        resolved: list[SSAValue] = []
        if operands:
            parser.parse_punctuation(":")
            types = _parse_type_list(parser, len(operands))
            resolved = [parser.resolve_operand(o, t) for o, t in zip(operands, types)]
        return cls.create(operands=resolved, properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        if self.operands:
            _print_values(printer, self.operands)
        _print_attr_dict(printer, self)
        if self.operands:
            _print_types(printer, self.operands)

    def verify_(self) -> None:
        n = len(self.VALUES)
        if self.operands:
            if len(self.operands) != n:
                raise _fail(self, "dynamic operands must be provided together (all or none)")
            _check_segments(self, [1] * n)
            for v in self.operands:
                if not isinstance(v.type, IntegerType) or v.type.width.data not in (32, 64):
                    raise _fail(self, "dynamic operands must be 32-bit or 64-bit integers")
            clash = [k for k in self.VALUES if k in self.properties]
            if clash:
                raise _fail(self, f"'{clash[0]}' is given both as an operand and as an attribute")
        else:
            _check_segments(self, [0] * n)
            for k in self.VALUES:
                if k not in self.properties:
                    raise _fail(self, f"requires attribute '{k}' (or the {n} values as operands)")


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuWrite32Op: v1.x `attr-dict` with UI32Attr address/value; main
# `($address, $value) attr-dict : type, type` with I32 operands; optional buffer/column/row.
@irdl_op_definition
class NpuWrite32Op(_OperandsOrAttrs):
    """``aiex.npu.write32``: write the 32-bit ``value`` at ``address`` in the array (relative to ``buffer``, or to tile ``column``/``row``, when given)."""

    name = "aiex.npu.write32"
    VALUES: ClassVar[tuple[str, ...]] = ("address", "value")

    dyn = var_operand_def(IntegerType)
    address = opt_prop_def(UI32Attr)
    value = opt_prop_def(UI32Attr)
    buffer = opt_prop_def(FlatSymbolRefAttrConstr)
    column = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)
    operandSegmentSizes = opt_prop_def(DenseArrayBase)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuMaskWrite32Op: as write32 with a mask.
@irdl_op_definition
class NpuMaskWrite32Op(_OperandsOrAttrs):
    """``aiex.npu.maskwrite32``: read-modify-write of the 32-bit word at ``address``: only the bits set in ``mask`` take ``value``."""

    name = "aiex.npu.maskwrite32"
    VALUES: ClassVar[tuple[str, ...]] = ("address", "value", "mask")

    dyn = var_operand_def(IntegerType)
    address = opt_prop_def(UI32Attr)
    value = opt_prop_def(UI32Attr)
    mask = opt_prop_def(UI32Attr)
    buffer = opt_prop_def(FlatSymbolRefAttrConstr)
    column = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)
    operandSegmentSizes = opt_prop_def(DenseArrayBase)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuSyncOp: v1.x `attr-dict` with I32Attr column, row, direction (0 S2MM,
# 1 MM2S), channel, column_num, row_num; main: the six as I32 operands, `: type(operands)`.
@irdl_op_definition
class NpuSyncOp(_OperandsOrAttrs):
    """``aiex.npu.sync``: block the sequence until a task-complete token arrives from DMA ``channel`` (``direction`` 0 S2MM, 1 MM2S) of tile ``column``/``row``, over ``column_num`` x ``row_num`` tiles."""

    name = "aiex.npu.sync"
    VALUES: ClassVar[tuple[str, ...]] = ("column", "row", "direction", "channel", "column_num", "row_num")

    dyn = var_operand_def(IntegerType)
    column = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)
    direction = opt_prop_def(I32Attr)
    channel = opt_prop_def(I32Attr)
    column_num = opt_prop_def(I32Attr)
    row_num = opt_prop_def(I32Attr)
    operandSegmentSizes = opt_prop_def(DenseArrayBase)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuBlockWriteOp: UI32Attr address, memref data, buffer/column/row;
# assemblyFormat `( $data ) attr-dict : type($data)`.
@irdl_op_definition
class NpuBlockWriteOp(IRDLOperation):
    """``aiex.npu.blockwrite(%data)``: write the words of the ``data`` memref from ``address`` on (relative to ``buffer`` or tile ``column``/``row`` when given), in one instruction."""

    name = "aiex.npu.blockwrite"

    data = operand_def(MemRefType)
    address = prop_def(UI32Attr)
    buffer = opt_prop_def(FlatSymbolRefAttrConstr)
    column = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)

    @classmethod
    def parse(cls, parser: Parser) -> NpuBlockWriteOp:
        parser.parse_punctuation("(")
        data = parser.parse_unresolved_operand()
        parser.parse_punctuation(")")
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        parser.parse_punctuation(":")
        operand = parser.resolve_operand(data, parser.parse_type())
        return cls.create(operands=[operand], properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_values(printer, [self.data])
        _print_attr_dict(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.data.type)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuWriteRTPOp: FlatSymbolRefAttr buffer, UI32Attr index, value; v1.x
# `($buffer, $index, $value) attr-dict` with I32Attr value; main: I32 operand value,
# `($buffer, $index, $value) attr-dict : type($value)`; NpuWriteRTPOp::parse
# (0155ebd7c8b7) takes `0` or `0 : ui32` and `42` or `%v`.
@irdl_op_definition
class NpuWriteRTPOp(IRDLOperation):
    """``aiex.npu.rtp_write(@buf, index, value)``: write a runtime parameter: ``value`` into element ``index`` of the RTP buffer ``@buf``."""

    name = "aiex.npu.rtp_write"

    dyn = var_operand_def(IntegerType)
    buffer = prop_def(FlatSymbolRefAttrConstr)
    index = prop_def(UI32Attr)
    value = opt_prop_def(I32Attr)
    operandSegmentSizes = opt_prop_def(DenseArrayBase)

    @classmethod
    def parse(cls, parser: Parser) -> NpuWriteRTPOp:
        parser.parse_punctuation("(")
        pos = parser.pos
        buffer = parser.parse_attribute()
        if not isinstance(buffer, SymbolRefAttr):
            parser.raise_error("expected a symbol reference (@buffer)", pos)
        parser.parse_punctuation(",")
        index = _parse_int_attr(parser, ui32)
        props: dict[str, Attribute] = {"buffer": buffer, "index": IntegerAttr(index.value, ui32)}
        parser.parse_punctuation(",")
        dyn = parser.parse_optional_unresolved_operand()
        if dyn is None:
            value = _parse_int_attr(parser, i32)
            props["value"] = IntegerAttr(value.value, i32)
        parser.parse_punctuation(")")
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        operands: list[SSAValue] = []
        if dyn is not None:
            parser.parse_punctuation(":")
            operands = [parser.resolve_operand(dyn, parser.parse_type())]
            _parse_attr_dict(parser, cls, props, attrs)  # the 0155ebd7 order: type, then attrs
        return cls.create(operands=operands, properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_attribute(self.buffer)
        printer.print_string(f", {self.index.value.data}, ")
        if self.dyn:
            printer.print_ssa_value(self.dyn[0])
        elif self.value is not None:
            printer.print_string(str(self.value.value.data))
        printer.print_string(")")
        _print_attr_dict(printer, self, elide=("buffer", "index", "value"))
        if self.dyn:
            _print_types(printer, self.dyn)

    def verify_(self) -> None:
        if (self.value is not None) == bool(self.dyn) or len(self.dyn) > 1:
            raise _fail(self, "exactly one of 'value' (static) or 'dyn_value' (dynamic) must be provided")
        _check_segments(self, [len(self.dyn)])


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuAddressPatchOp: v1.x `attr-dict` with UI32Attr addr, I32Attr arg_idx,
# I32Attr arg_plus; main: I32 operand arg_plus and optional I32 addr_val,
# `( $arg_plus : type ) (addr $addr_val : type)? attr-dict`.
@irdl_op_definition
class NpuAddressPatchOp(IRDLOperation):
    """``aiex.npu.address_patch``: at launch, write the address of runtime-sequence argument ``arg_idx`` plus ``arg_plus`` into the BD address field at ``addr``."""

    name = "aiex.npu.address_patch"

    dyn = var_operand_def(IntegerType)  # [arg_plus] or [arg_plus, addr_val] (main)
    addr = prop_def(UI32Attr)
    arg_idx = prop_def(I32Attr)
    arg_plus_attr = opt_prop_def(I32Attr, prop_name="arg_plus")

    @classmethod
    def parse(cls, parser: Parser) -> NpuAddressPatchOp:
        operands: list[SSAValue] = []
        if parser.parse_optional_punctuation("(") is not None:
            arg = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            operands.append(parser.resolve_operand(arg, parser.parse_type()))
            parser.parse_punctuation(")")
            if parser.parse_optional_keyword("addr") is not None:
                val = parser.parse_unresolved_operand()
                parser.parse_punctuation(":")
                operands.append(parser.resolve_operand(val, parser.parse_type()))
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(operands=operands, properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        for i, v in enumerate(self.dyn):
            printer.print_string(" addr " if i else "(")
            printer.print_ssa_value(v)
            printer.print_string(" : ")
            printer.print_attribute(v.type)
            if not i:
                printer.print_string(")")
        _print_attr_dict(printer, self)

    def verify_(self) -> None:
        if len(self.dyn) > 2:
            raise _fail(self, "takes at most two operands (arg_plus, addr_val)")
        if (self.arg_plus_attr is not None) == bool(self.dyn):
            raise _fail(self, "needs arg_plus as an attribute (v1.x) or as an operand, not both")


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuPushQueueOp: column, row, DMAChannelDir direction, channel,
# issue_token, repeat_count, bd_id; v1.x `($column, $row, $direction : $channel) attr-dict`
# (repeat_count, bd_id I32Attr); main `... bd_id $bd_id repeat $repeat_count attr-dict
# : type($bd_id), type($repeat_count)`; NpuPushQueueOp::verify.
@irdl_op_definition
class NpuPushQueueOp(IRDLOperation):
    """``aiex.npu.push_queue(col, row, MM2S : ch)``: launch BD ``bd_id`` by pushing it onto a tile DMA channel's task queue, with ``repeat_count`` and an optional task-complete token (``issue_token``)."""

    name = "aiex.npu.push_queue"

    dyn = var_operand_def(IntegerType)  # main: [repeat_count, bd_id] (operand order)
    column = prop_def(I32Attr)
    row = prop_def(I32Attr)
    direction = prop_def(I32Attr)
    channel = prop_def(I32Attr)
    issue_token = prop_def(BoolAttr)
    repeat_count = opt_prop_def(I32Attr)
    bd_id = opt_prop_def(I32Attr)

    @classmethod
    def parse(cls, parser: Parser) -> NpuPushQueueOp:
        parser.parse_punctuation("(")
        props: dict[str, Attribute] = {"column": _parse_int_attr(parser, i32)}
        parser.parse_punctuation(",")
        props["row"] = _parse_int_attr(parser, i32)
        parser.parse_punctuation(",")
        props["direction"] = _parse_direction(parser)
        parser.parse_punctuation(":")
        props["channel"] = _parse_int_attr(parser, i32)
        parser.parse_punctuation(")")
        dyn: list[UnresolvedOperand] = []
        if parser.parse_optional_keyword("bd_id") is not None:
            bd = parser.parse_unresolved_operand()
            parser.parse_keyword("repeat")
            dyn = [parser.parse_unresolved_operand(), bd]
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        operands: list[SSAValue] = []
        if dyn:
            parser.parse_punctuation(":")
            bd_type, rep_type = _parse_type_list(parser, 2)
            operands = [parser.resolve_operand(dyn[0], rep_type), parser.resolve_operand(dyn[1], bd_type)]
        return cls.create(operands=operands, properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({self.column.value.data}, {self.row.value.data}, ")
        _print_direction(printer, self.direction)
        printer.print_string(f" : {self.channel.value.data})")
        if self.dyn:
            printer.print_string(" bd_id ")
            printer.print_ssa_value(self.dyn[1])
            printer.print_string(" repeat ")
            printer.print_ssa_value(self.dyn[0])
        _print_attr_dict(printer, self, elide=("column", "row", "direction", "channel"))
        if self.dyn:
            _print_types(printer, [self.dyn[1], self.dyn[0]])

    def verify_(self) -> None:
        if self.dyn:
            if len(self.dyn) != 2 or self.bd_id is not None or self.repeat_count is not None:
                raise _fail(self, "takes bd_id and repeat_count as two operands or as two attributes")
            bd, repeat = _constant(self.dyn[1]), _constant(self.dyn[0])
        else:
            if self.bd_id is None or self.repeat_count is None:
                raise _fail(self, "requires attributes 'bd_id' and 'repeat_count'")
            bd, repeat = self.bd_id.value.data, self.repeat_count.value.data
        num_bds = 48 if self.row.value.data == 1 else 16
        if bd is not None and bd > num_bds:
            raise _fail(self, "BD ID exceeds the maximum ID.")
        if repeat is not None and repeat > 255:
            raise _fail(self, "Repeat count exceeds the [0:255] range.")


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuWriteBdOp: every BD field as an I32Attr, `attr-dict`;
# NpuWriteBdOp::verify (AIEXDialect.cpp 0155ebd7c8b7) with npu1 tile kinds
# (row 0 shim NOC, row 1 memory tile).
@irdl_op_definition
class NpuWriteBdOp(IRDLOperation):
    """``aiex.npu.writebd``: program every field of buffer descriptor ``bd_id`` of tile ``column``/``row`` (length, offset, d0-d2 sizes/strides, iteration, locks, packet header, next BD)."""

    name = "aiex.npu.writebd"

    column = prop_def(I32Attr)
    bd_id = prop_def(I32Attr)
    buffer_length = prop_def(I32Attr)
    buffer_offset = prop_def(I32Attr)
    enable_packet = prop_def(I32Attr)
    out_of_order_id = prop_def(I32Attr)
    packet_id = prop_def(I32Attr)
    packet_type = prop_def(I32Attr)
    d0_size = prop_def(I32Attr)
    d0_stride = prop_def(I32Attr)
    d1_size = prop_def(I32Attr)
    d1_stride = prop_def(I32Attr)
    d2_size = prop_def(I32Attr)
    d2_stride = prop_def(I32Attr)
    iteration_current = prop_def(I32Attr)
    iteration_size = prop_def(I32Attr)
    iteration_stride = prop_def(I32Attr)
    next_bd = prop_def(I32Attr)
    row = prop_def(I32Attr)
    use_next_bd = prop_def(I32Attr)
    valid_bd = prop_def(I32Attr)
    lock_rel_val = prop_def(I32Attr)
    lock_rel_id = prop_def(I32Attr)
    lock_acq_enable = prop_def(I32Attr)
    lock_acq_val = prop_def(I32Attr)
    lock_acq_id = prop_def(I32Attr)
    d0_zero_before = prop_def(I32Attr)
    d1_zero_before = prop_def(I32Attr)
    d2_zero_before = prop_def(I32Attr)
    d0_zero_after = prop_def(I32Attr)
    d1_zero_after = prop_def(I32Attr)
    d2_zero_after = prop_def(I32Attr)
    burst_length = opt_prop_def(I32Attr, ZERO_I32)

    @classmethod
    def parse(cls, parser: Parser) -> NpuWriteBdOp:
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_attr_dict(printer, self)

    def verify_(self) -> None:
        f = {k: _int(v) or 0 for k, v in self.properties.items()}
        shim, memtile = f["row"] == 0, f["row"] == 1
        linear = f["d0_size"] >= 1 and f["d1_size"] == 1 and f["iteration_size"] == 0
        checks = [
            (f["bd_id"] > (48 if memtile else 16), "BD ID exceeds the maximum ID."),
            (f["packet_id"] > 31, "Packet ID exceeds the maximum supported by 5 bits."),
            (f["packet_type"] > 7, "Packet Type exceeds the maximum supported by 3 bits."),
            (not linear and f["d0_size"] > 0x3FF, "D0 Size exceeds the [0:1023] range."),
            (f["d0_stride"] > 0xFFFFF, "D0 Stride exceeds the [0:1M-1] range."),
            (f["d1_size"] > 0x3FF, "D1 Size exceeds the [0:1023] range."),
            (f["d1_stride"] > 0xFFFFF, "D1 Stride exceeds the [0:1M-1] range."),
            (f["d2_stride"] > 0xFFFFF, "D2 Stride exceeds the [0:1M-1] range."),
            (f["iteration_size"] > 0x3F, "Iteration Size exceeds the [0:63] range."),
            (f["iteration_stride"] > 0xFFFFF, "Iteration Stride exceeds the [0:1M-1] range."),
            (shim and f["d2_size"] != 0, "ShimTile only supports 3 dimensions of sizes."),
            (shim and any(f[f"d{d}_zero_{w}"] for d in range(3) for w in ("before", "after")),
             "ShimTile doesn't support zero padding."),
            (not shim and f.get("burst_length", 0) != 0, "Only ShimTiles support burst length."),
        ]
        for failed, message in checks:
            if failed:
                raise _fail(self, message)
        _check_burst_length(self, f.get("burst_length", 0))


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuPreemptOp: UI8Attr level, `attr-dict`.
@irdl_op_definition
class NpuPreemptOp(IRDLOperation):
    """``aiex.npu.preempt {level}``: a point where the instruction stream may be preempted (``level`` 0 no-op, 1 mem tile, 2 AIE tile, 3 AIE registers)."""

    name = "aiex.npu.preempt"

    level = prop_def(UI8Attr)

    @classmethod
    def parse(cls, parser: Parser) -> NpuPreemptOp:
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_attr_dict(printer, self)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_NpuLoadPdiOp: optional device_ref, id, size, address, `attr-dict`.
@irdl_op_definition
class NpuLoadPdiOp(IRDLOperation):
    """``aiex.npu.load_pdi``: load a device image (PDI ``id``, or the device ``device_ref``; ``size``, ``address``) to (re)configure the partition from the sequence."""

    name = "aiex.npu.load_pdi"

    device_ref = opt_prop_def(FlatSymbolRefAttrConstr)
    id = opt_prop_def(I32Attr, ZERO_I32)
    size = opt_prop_def(I32Attr, ZERO_I32)
    address = opt_prop_def(UI64Attr, IntegerAttr(0, ui64))

    @classmethod
    def parse(cls, parser: Parser) -> NpuLoadPdiOp:
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_attr_dict(printer, self)


# ---------------------------------------------------------------------------------------
# DMA tasks
# ---------------------------------------------------------------------------------------

def _verify_bd_chain(op: Operation, region: Region) -> None:
    """DMAConfigureTaskOp::verify: every block after the entry is reached by a branch."""
    targets = {succ for block in region.blocks for inner in block.ops for succ in inner.successors}
    for i, block in enumerate(region.blocks):
        if i and block.ops and block not in targets:
            raise _fail(op, "Block ending in this terminator does not form a chain with entry block.")


def _parse_optional_typed(parser: Parser, keyword: str) -> SSAValue | None:
    if parser.parse_optional_keyword(keyword) is None:
        return None
    value = parser.parse_unresolved_operand()
    parser.parse_punctuation(":")
    return parser.resolve_operand(value, parser.parse_type())


def _print_typed(printer: Printer, keyword: str, value: SSAValue) -> None:
    printer.print_string(f" {keyword} ")
    printer.print_ssa_value(value)
    printer.print_string(" : ")
    printer.print_attribute(value.type)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_DMAConfigureTaskOp: Index tile, DMAChannelDir direction, I32Attr channel,
# issue_token (false), repeat_count (0), main: Optional<I32> repeat_count_val and
# bd_id_val (AttrSizedOperandSegments), packet; result Index; region of aie.dma_bd ops;
# HasAncestor runtime sequence (HasParent in v1.x); assemblyFormat
# `( $tile , $direction , $channel (, $packet)? ) (repeat $v : type)? (bd_id $v : type)?
# regions attr-dict`; DMAConfigureTaskOp::verify (block chain).
@irdl_op_definition
class DMAConfigureTaskOp(IRDLOperation):
    """``%t = aiex.dma_configure_task(%tile, MM2S, 0) {...}``: a DMA task on a tile's channel, the BD chain in its region; the result is the task's handle."""

    name = "aiex.dma_configure_task"

    tile = operand_def(IndexType)
    dyn = var_operand_def(IntegerType)  # main: repeat_count_val?, bd_id_val?
    direction = prop_def(I32Attr)
    channel = prop_def(I32Attr)
    issue_token = opt_prop_def(BoolAttr, FALSE)
    repeat_count = opt_prop_def(I32Attr, ZERO_I32)
    packet = opt_prop_def()
    operandSegmentSizes = opt_prop_def(DenseArrayBase)
    body = region_def()
    result = result_def(IndexType)

    def optional_values(self) -> tuple[SSAValue | None, SSAValue | None]:
        """(repeat_count_val, bd_id_val)."""
        if not self.dyn:
            return None, None
        seg = self.operandSegmentSizes
        sizes = list(seg.get_values()) if seg is not None else [1, len(self.dyn), 0]
        it = iter(self.dyn)
        return (next(it) if sizes[1] else None), (next(it) if sizes[2] else None)

    @classmethod
    def parse(cls, parser: Parser) -> DMAConfigureTaskOp:
        parser.parse_punctuation("(")
        tile = parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())
        parser.parse_punctuation(",")
        props: dict[str, Attribute] = {"direction": _parse_direction(parser)}
        parser.parse_punctuation(",")
        props["channel"] = _parse_int_attr(parser, i32)
        if parser.parse_optional_punctuation(",") is not None:
            props["packet"] = _parse_packet(parser)
        parser.parse_punctuation(")")
        repeat = _parse_optional_typed(parser, "repeat")
        bd_id = _parse_optional_typed(parser, "bd_id")
        dyn = [v for v in (repeat, bd_id) if v is not None]
        if dyn:
            props["operandSegmentSizes"] = _segments([1, int(repeat is not None), int(bd_id is not None)])
        region = parser.parse_region()
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(operands=[tile, *dyn], result_types=[IndexType()], properties=_sorted(props),
                          attributes=attrs, regions=[region])

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_ssa_value(self.tile)
        printer.print_string(", ")
        _print_direction(printer, self.direction)
        printer.print_string(f", {self.channel.value.data}")
        if self.packet is not None:
            printer.print_string(", ")
            _print_packet(printer, self.packet)
        printer.print_string(")")
        repeat, bd_id = self.optional_values()
        if repeat is not None:
            _print_typed(printer, "repeat", repeat)
        if bd_id is not None:
            _print_typed(printer, "bd_id", bd_id)
        printer.print_string(" ")
        printer.print_region(self.body, print_entry_block_args=False, print_empty_block=False)
        _print_attr_dict(printer, self, elide=("direction", "channel", "packet"))

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)
        if len(self.dyn) > 2 or (len(self.dyn) == 2 and self.operandSegmentSizes is None):
            raise _fail(self, "needs operandSegmentSizes to tell repeat_count_val from bd_id_val")
        seg = self.operandSegmentSizes
        if seg is not None:
            sizes = list(seg.get_values())
            if len(sizes) != 3 or sizes[0] != 1 or sum(sizes) != 1 + len(self.dyn) or max(sizes) > 1:
                raise _fail(self, f"operandSegmentSizes {sizes} does not match the operands")
        if self.direction.value.data not in DMA_DIRECTIONS.values():
            raise _fail(self, "direction must be 0 (S2MM) or 1 (MM2S)")
        _verify_bd_chain(self, self.body)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_DMAConfigureTaskForOp: SymbolRefAttr alloc (Flat in v1.x), issue_token,
# repeat_count, main: Optional<I32> repeat_count_val; result Index;
# assemblyFormat `$alloc (repeat $v : type)? regions attr-dict`.
@irdl_op_definition
class DMAConfigureTaskForOp(IRDLOperation):
    """``%t = aiex.dma_configure_task_for @alloc {...}``: a DMA task as ``dma_configure_task``, on the tile, direction and channel of the shim DMA allocation (or ObjectFIFO) ``alloc``."""

    name = "aiex.dma_configure_task_for"

    repeat_count_val = opt_operand_def(IntegerType)
    alloc = prop_def(SymbolRefAttr)
    issue_token = opt_prop_def(BoolAttr, FALSE)
    repeat_count = opt_prop_def(I32Attr, ZERO_I32)
    body = region_def()
    result = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> DMAConfigureTaskForOp:
        pos = parser.pos
        alloc = parser.parse_attribute()
        if not isinstance(alloc, SymbolRefAttr):
            parser.raise_error("expected a symbol reference (@alloc)", pos)
        repeat = _parse_optional_typed(parser, "repeat")
        region = parser.parse_region()
        props: dict[str, Attribute] = {"alloc": alloc}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(operands=[repeat] if repeat is not None else [],
                          result_types=[IndexType()], properties=_sorted(props), attributes=attrs,
                          regions=[region])

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.alloc)
        if self.repeat_count_val is not None:
            _print_typed(printer, "repeat", self.repeat_count_val)
        printer.print_string(" ")
        printer.print_region(self.body, print_entry_block_args=False, print_empty_block=False)
        _print_attr_dict(printer, self, elide=("alloc",))

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)
        _verify_bd_chain(self, self.body)


class _TaskOp(IRDLOperation):
    """``name(%task) attr-dict``: start, await and free a configured task."""

    @classmethod
    def parse(cls, parser: Parser):
        parser.parse_punctuation("(")
        task = parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())
        parser.parse_punctuation(")")
        props: dict[str, Attribute] = {}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(operands=[task], properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_values(printer, self.operands)
        _print_attr_dict(printer, self)

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_DMAStartTaskOp: Index task, `( $task ) attr-dict`.
@irdl_op_definition
class DMAStartTaskOp(_TaskOp):
    """``aiex.dma_start_task(%t)``: submit a configured task to its channel's queue."""

    name = "aiex.dma_start_task"
    task = operand_def(IndexType)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_DMAAwaitTaskOp: Index task, `( $task ) attr-dict`.
@irdl_op_definition
class DMAAwaitTaskOp(_TaskOp):
    """``aiex.dma_await_task(%t)``: block the sequence until the task completes (it must have ``issue_token = true``)."""

    name = "aiex.dma_await_task"
    task = operand_def(IndexType)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_DMAFreeTaskOp: Index task, `( $task ) attr-dict`.
@irdl_op_definition
class DMAFreeTaskOp(_TaskOp):
    """``aiex.dma_free_task(%t)``: let the BD allocator reuse the task's BD IDs (once the task is known complete)."""

    name = "aiex.dma_free_task"
    task = operand_def(IndexType)


class _StartBdChainBase(IRDLOperation):
    """``$symbol ( $args ) : ( types ) on|for ...``: shared parse of the BD-chain starts."""

    @staticmethod
    def _parse_call(parser: Parser) -> tuple[SymbolRefAttr, list[SSAValue]]:
        pos = parser.pos
        symbol = parser.parse_attribute()
        if not isinstance(symbol, SymbolRefAttr):
            parser.raise_error("expected a symbol reference (@chain)", pos)
        args = parser.parse_comma_separated_list(parser.Delimiter.PAREN,
                                                 parser.parse_unresolved_operand)
        parser.parse_punctuation(":")
        types = parser.parse_comma_separated_list(parser.Delimiter.PAREN, parser.parse_type)
        if len(types) != len(args):
            parser.raise_error(f"expected {len(args)} argument types, got {len(types)}")
        return symbol, [parser.resolve_operand(a, t) for a, t in zip(args, types)]

    def _print_call(self, printer: Printer, symbol: SymbolRefAttr, args: Sequence[SSAValue]) -> None:
        printer.print_string(" ")
        printer.print_attribute(symbol)
        _print_values(printer, args)
        printer.print_string(" : (")
        printer.print_list([a.type for a in args], printer.print_attribute)
        printer.print_string(")")


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_DMAStartBdChainOp: `$symbol ( $args ) : ( types ) on ( $tile , $direction ,
# $channel ) attr-dict`, result Index, HasParent runtime sequence.
@irdl_op_definition
class DMAStartBdChainOp(_StartBdChainBase):
    """``%t = aiex.dma_start_bd_chain @chain(%a) : (T) on (%tile, MM2S, 0)``: an ``aie.bd_chain`` with arguments as a task on a tile's channel, started at once."""

    name = "aiex.dma_start_bd_chain"

    args = var_operand_def()
    tile = operand_def(IndexType)
    symbol = prop_def(FlatSymbolRefAttrConstr)
    direction = prop_def(I32Attr)
    channel = prop_def(I32Attr)
    issue_token = opt_prop_def(BoolAttr, FALSE)
    repeat_count = opt_prop_def(I32Attr, ZERO_I32)
    result = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> DMAStartBdChainOp:
        symbol, args = cls._parse_call(parser)
        parser.parse_keyword("on")
        parser.parse_punctuation("(")
        tile = parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())
        parser.parse_punctuation(",")
        props: dict[str, Attribute] = {"symbol": symbol, "direction": _parse_direction(parser)}
        parser.parse_punctuation(",")
        props["channel"] = _parse_int_attr(parser, i32)
        parser.parse_punctuation(")")
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(operands=[*args, tile], result_types=[IndexType()], properties=_sorted(props),
                          attributes=attrs)

    def print(self, printer: Printer) -> None:
        self._print_call(printer, self.symbol, self.args)
        printer.print_string(" on (")
        printer.print_ssa_value(self.tile)
        printer.print_string(", ")
        _print_direction(printer, self.direction)
        printer.print_string(f", {self.channel.value.data})")
        _print_attr_dict(printer, self, elide=("symbol", "direction", "channel"))

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIE_DMAStartBdChainForOp: `$symbol ( $args ) : ( types ) for $alloc attr-dict`.
@irdl_op_definition
class DMAStartBdChainForOp(_StartBdChainBase):
    """``%t = aiex.dma_start_bd_chain_for @chain(%a) : (T) for @alloc``: as ``dma_start_bd_chain``, on the channel of the shim DMA allocation ``alloc``."""

    name = "aiex.dma_start_bd_chain_for"

    args = var_operand_def()
    symbol = prop_def(FlatSymbolRefAttrConstr)
    alloc = prop_def(FlatSymbolRefAttrConstr)
    issue_token = opt_prop_def(BoolAttr, FALSE)
    repeat_count = opt_prop_def(I32Attr, ZERO_I32)
    result = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> DMAStartBdChainForOp:
        symbol, args = cls._parse_call(parser)
        parser.parse_keyword("for")
        alloc = parser.parse_attribute()
        props: dict[str, Attribute] = {"symbol": symbol, "alloc": alloc}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(operands=args, result_types=[IndexType()], properties=_sorted(props),
                          attributes=attrs)

    def print(self, printer: Printer) -> None:
        self._print_call(printer, self.symbol, self.args)
        printer.print_string(" for ")
        printer.print_attribute(self.alloc)
        _print_attr_dict(printer, self, elide=("symbol", "alloc"))

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)


# Xilinx/mlir-aie include/aie/Dialect/AIEX/IR/AIEX.td (commits 00d58b94e6c8 main, 97737142e4c8 v1.x)
# AIEX_SetLockOp: Index lock, I32Attr value, `( $lock , $value ) attr-dict`,
# HasParent runtime sequence; SetLockOp::verify: value at most the target's maximum (63).
@irdl_op_definition
class SetLockOp(IRDLOperation):
    """``aiex.set_lock(%lock, v)``: set an ``aie.lock``'s value (at most 63) from the sequence, without blocking."""

    name = "aiex.set_lock"

    lock = operand_def(IndexType)
    value = prop_def(I32Attr)

    @classmethod
    def parse(cls, parser: Parser) -> SetLockOp:
        parser.parse_punctuation("(")
        lock = parser.resolve_operand(parser.parse_unresolved_operand(), IndexType())
        parser.parse_punctuation(",")
        value = _parse_int_attr(parser, i32)
        parser.parse_punctuation(")")
        props: dict[str, Attribute] = {"value": IntegerAttr(value.value, i32)}
        attrs: dict[str, Attribute] = {}
        _parse_attr_dict(parser, cls, props, attrs)
        return cls.create(operands=[lock], properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_ssa_value(self.lock)
        printer.print_string(f", {self.value.value.data})")
        _print_attr_dict(printer, self, elide=("value",))

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)
        if self.value.value.data > MAX_LOCK_VALUE:
            raise _fail(self, f"Lock value exceeds the maximum value of {MAX_LOCK_VALUE}")


AIEX_OPS: tuple[type[Operation], ...] = (
    RuntimeSequenceOp,
    NpuDmaMemcpyNdOp,
    NpuDmaWaitOp,
    NpuWrite32Op,
    NpuMaskWrite32Op,
    NpuBlockWriteOp,
    NpuSyncOp,
    NpuWriteRTPOp,
    NpuAddressPatchOp,
    NpuPushQueueOp,
    NpuWriteBdOp,
    NpuPreemptOp,
    NpuLoadPdiOp,
    DMAConfigureTaskOp,
    DMAConfigureTaskForOp,
    DMAStartTaskOp,
    DMAAwaitTaskOp,
    DMAFreeTaskOp,
    DMAStartBdChainOp,
    DMAStartBdChainForOp,
    SetLockOp,
)

AIEX = Dialect("aiex", list(AIEX_OPS), [BlockFloatType])
