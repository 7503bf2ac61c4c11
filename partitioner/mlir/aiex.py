"""The ``aiex`` dialect of mlir-aie on xDSL: the runtime-sequence (host control) ops.

Sources in Xilinx/mlir-aie (learned from, not copied): ``include/aie/Dialect/AIEX/IR/AIEX.td``
at 00d58b94e6c8 (main, 2026) and 97737142e4c8 (v1.x, with ``aiex.runtime_sequence``);
``lib/Dialect/AIEX/IR/AIEXDialect.cpp`` at 0155ebd7c8b7 and the v1.x revision (custom
parsers, verifiers: ``verifyStridesWraps``, burst length, offset alignment, packet header,
set_lock, push_queue, writebd, dma_wait); ``AIETargetModel.h`` (shim burst lengths; the other
target figures are ``partitioner.device``'s); lit tests ``test/dialect/AIEX/roundtrip.mlir``,
``invalid.mlir``, ``bad_npu_nd.mlir`` and IRON-printed sequences; for ``aiex.configure`` / ``aiex.run``,
the resets and the BD pool, AIEX.td @ 00d58b94 and the 2026 ``AIEXDialect.cpp`` (``ConfigureOp::verify``);
for 2024 forms with no ODS at hand (``aiex.npu.configure``, ``aiex.npu.writebd_shimtile``, ``writebd``
without ``d2_size``, ``rtp_write(col, row, ...)``), the mlir-aie test/npu-xrt designs that write them.

Both generations in use are read: v1.x release wheels (``aiex.runtime_sequence``,
attribute-only ``aiex.npu.write32 {address = 1 : ui32, value = 2 : ui32}``,
``aiex.npu.rtp_write(@buf, 0, 5)``) and main (``aie.runtime_sequence``, SSA operands
``aiex.npu.write32(%a, %v) : i32, i32``, ``aiex.dma_configure_task(..) repeat %r : i32``).
Most ops declare mlir-aie's syntax (:func:`partitioner.mlir.aie.declared`); each prints in
mlir-aie's custom form and in MLIR's generic form (inherent attributes as properties), pretty
attribute dictionaries sorted by name with default values left out, as MLIR does.

Deviations, on purpose:

* ``aiex.runtime_sequence`` may sit directly in a ``builtin.module`` (a sequence read on its own).
* ``aiex.npu.dma_memcpy_nd`` always checks the shim-tile limits (``verifyStridesWraps``);
  mlir-aie checks them once ``metadata`` names an ``aie.shim_dma_allocation`` (after ObjectFIFO
  lowering), so a design failing here fails later in aiecc.py anyway. The wrap limits are waived
  as mlir-aie's main waives them (a linear transfer, or a contiguous one on the shim NOC tile of
  that allocation); without an allocation, only a linear one. A generic form without
  ``operandSegmentSizes`` is read (the sizes follow from the static arrays).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from math import prod
from typing import ClassVar

from xdsl.dialects.builtin import (
    DYNAMIC_INDEX,
    DenseArrayBase,
    FlatSymbolRefAttrConstr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    Signedness,
    StringAttr,
    SymbolNameConstraint,
    SymbolRefAttr,
    UnrankedMemRefType,
    i1,
    i32,
    i64,
)
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
from xdsl.irdl.declarative_assembly_format import (
    AttributeVariable,
    CustomDirective,
    OperandVariable,
    ParsingState,
    PrintingState,
    RegionVariable,
    TypeDirective,
    VariadicOperandVariable,
)
from xdsl.parser import Parser, UnresolvedOperand
from xdsl.printer import Printer
from xdsl.traits import NoTerminator, SymbolOpInterface
from xdsl.utils.exceptions import VerifyException

from partitioner import device as device_mod
from partitioner.mlir.aie import (
    PACKET_ID_MAX,
    PACKET_TYPE_MAX,
    DeviceOp,
    DMAChannelDir,
    PacketInfoAttr,
    RuntimeSequenceBase,
    ShimDMAAllocationOp,
    check_packet,
    custom_directive,
    declared,
    device_of,
    element_bits,
    int_of,
    model_of,
    op_error,
    parse_attr_dict,
    parse_packet_info,
    print_attr_dict,
    print_index_list,
    tile_of,
)

# The target figures (BDs per tile kind, the largest lock value, the shim DMA limits) are
# partitioner.device's; the shim burst lengths are not there yet.
SHIM_BURST_LENGTHS = (64, 128, 256)  # AIETargetModel.h AIE2TargetModel::getShimBurstEncodingsAndLengths
RUNTIME_SEQUENCE_OPS = ("aiex.runtime_sequence", "aie.runtime_sequence")

ui8 = IntegerType(8, Signedness.UNSIGNED)
ui32 = IntegerType(32, Signedness.UNSIGNED)
ui64 = IntegerType(64, Signedness.UNSIGNED)


def _int_attr(t: IntegerType):
    """Constraint: an IntegerAttr of exactly type ``t`` (ODS I32Attr, UI32Attr, ...)."""
    return ParamAttrConstraint.get(IntegerAttr, None, t)


I32Attr, I64Attr, UI8Attr, UI32Attr, UI64Attr, BoolAttr = (
    _int_attr(t) for t in (i32, i64, ui8, ui32, ui64, i1))
FALSE, ZERO_I32, ZERO_I64 = IntegerAttr(0, i1), IntegerAttr(0, i32), IntegerAttr(0, i64)


# Shared parsing/printing helpers

def _device(op: Operation) -> device_mod.Device:
    """The device of the enclosing ``aie.device``; npu1 for a sequence read on its own."""
    return model_of(op) if device_of(op) is not None else device_mod.model("npu1")


def _bds(op: Operation, tile: tuple[int, int]) -> int:
    """How many BDs tile ``tile`` has (a compute tile's count for a tile outside the array)."""
    d = _device(op)
    return d.kind(tile).bds if d.contains(tile) else d.kinds["compute"].bds


def constant(value: SSAValue) -> int | None:
    """``getConstantIntValue``: the integer an ``arith.constant`` operand holds."""
    owner = value.owner
    if isinstance(owner, Operation) and owner.name == "arith.constant":
        return int_of(owner.get_attr_or_prop("value"))
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
        raise op_error(op, f"operandSegmentSizes {list(seg.get_values())} does not match the operands "
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
        raise op_error(op, f"expects {kind} op " + " or ".join(f"'{n}'" for n in names))


def _lookup_in_device(op: Operation, symbol: str) -> tuple[Operation | None, Operation | None]:
    """(enclosing aie.device, the op in its body whose sym_name is ``symbol``)."""
    device = device_of(op)
    if device is None:
        return None, None
    for region in device.regions:
        for block in region.blocks:
            for inner in block.ops:
                name = inner.get_attr_or_prop("sym_name")
                if isinstance(name, SymbolRefAttr):  # aie.shim_dma_allocation's pre-2025 column form
                    name = name.root_reference
                if isinstance(name, StringAttr) and name.data == symbol:
                    return device, inner
    return device, None


# Attributes and types

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

    def verify(self) -> None:
        if self.block_type.data not in self.FORMATS:
            raise VerifyException(f"Invalid block type: {self.block_type.data}. "
                                  "Known types are: v8bfp16ebs8, v16bfp16ebs16.")

    @property
    def bitwidth(self) -> int:
        """Bits of one block: block size * mantissa bits + shared exponent bits + subtile shift bits (72 for v8bfp16ebs8)."""
        block, mantissa, exponent, shift = self.FORMATS[self.block_type.data]
        return block * mantissa + exponent + shift


def _print_packet(printer: Printer, attr: Attribute) -> None:
    if isinstance(attr, PacketInfoAttr):
        attr.print_parameters(printer)
    else:
        printer.print_attribute(attr)


# Custom directives of the declared aiex formats (see partitioner.mlir.aie.declared)

@custom_directive
class ValueOperands(CustomDirective):
    """``custom<ValueOperands>($dyn)``: ``(%a, %b, ...)`` with one operand per name in the
    op's ``VALUES`` (main), or nothing (v1.x, the values are attributes)."""

    dyn: VariadicOperandVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        pos = parser.pos
        operands = parser.parse_optional_comma_separated_list(parser.Delimiter.PAREN, parser.parse_unresolved_operand)
        if operands is not None and len(operands) != (count := len(state.op_type.VALUES)):
            parser.raise_error(f"expected {count} operands, got {len(operands)}", pos)
        self.dyn.set(state, operands or [])

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if op.operands:
            printer.print_string("(")
            printer.print_list(op.operands, printer.print_ssa_value)
            printer.print_string(")")


@custom_directive
class TypedInt(CustomDirective):
    """``custom<TypedInt>($prop)``: an integer of the property's type, bare or spelled with a
    type (``0 : ui32``), as AIEXDialect.cpp's parsers accept it."""

    value: AttributeVariable  # a TypedAttributeVariable: the property's integer type is known

    def parse(self, parser: Parser, state: ParsingState) -> None:
        self.value.set(state, IntegerAttr(_parse_int_attr(parser, self.value.unique_type).value,
                                          self.value.unique_type))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_string(str(self.value.get(op).value.data))


@custom_directive
class TypedOperands(CustomDirective):
    """``custom<TypedOperands>($dyn, type($dyn))``: optional SSA values, each introduced by
    ``(`` or a keyword and followed by its type, as the op's ``OPERAND_SYNTAX`` lists them:
    aiex.npu.address_patch's ``(%arg_plus : i32) addr %v : i32`` and aiex.dma_configure_task's
    `` repeat %r : i32 bd_id %b : i32`` (whose ``operandSegmentSizes`` says which are there)."""

    dyn: VariadicOperandVariable
    types: TypeDirective

    def parse(self, parser: Parser, state: ParsingState) -> None:
        operands, types, present = [], [], []
        for keyword in state.op_type.OPERAND_SYNTAX:
            found = (parser.parse_optional_punctuation("(") if keyword == "("
                     else parser.parse_optional_keyword(keyword)) is not None
            present.append(int(found))
            if found:
                operands.append(parser.parse_unresolved_operand())
                parser.parse_punctuation(":")
                types.append(parser.parse_type())
                if keyword == "(":
                    parser.parse_punctuation(")")
        self.dyn.set(state, operands)
        self.types.set(state, types)
        fixed = len(state.op_type.get_irdl_definition().operands) - 1  # the single operands before dyn
        if operands and "operandSegmentSizes" in state.op_type.get_irdl_definition().properties:
            state.properties["operandSegmentSizes"] = _segments([1] * fixed + present)

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        for keyword, value in zip(op.OPERAND_SYNTAX, op.optional_values()):
            if value is not None:
                printer.print_string("(" if keyword == "(" else f" {keyword} ")
                printer.print_ssa_value(value)
                printer.print_string(" : ")
                printer.print_attribute(value.type)
                printer.print_string(")" if keyword == "(" else "")


@custom_directive
class OptPacket(CustomDirective):
    """``custom<OptPacket>($packet)``: an optional `` , <pkt_type = T, pkt_id = I>`` (its
    stripped form) inside aiex.dma_configure_task's parenthesis."""

    packet: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser.parse_optional_punctuation(",") is not None:
            self.packet.set(state, parse_packet_info(parser))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if (packet := self.packet.get(op)) is not None:
            printer.print_string(", ")
            _print_packet(printer, packet)


@custom_directive
class TaskBody(CustomDirective):
    """``custom<TaskBody>($body)``: a DMA task's BD chain, its empty entry block and
    arguments left out (AIEXDialect.cpp prints it with printEntryBlockArgs = false)."""

    body: RegionVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        self.body.set(state, parser.parse_region())

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_region(self.body.get(op), print_entry_block_args=False, print_empty_block=False)


# AIEX.td @ 97737142 (v1.x) AIE_RuntimeSequenceOp: HasParent<"AIE::DeviceOp">; the v1.x AIEXDialect.cpp parse/print.
@irdl_op_definition
class RuntimeSequenceOp(RuntimeSequenceBase):
    """``aiex.runtime_sequence @name(%a: memref<...>, ...) {...}``: a device's host control program (v1.x; main has ``aie.runtime_sequence``), its arguments the host buffers."""

    name = "aiex.runtime_sequence"

    def verify_(self) -> None:
        parent = self.parent_op()
        if parent is not None and parent.name not in ("aie.device", "builtin.module"):
            raise op_error(self, "expects parent op 'aie.device'")
        if len(self.body.blocks) > 1:
            raise op_error(self, "expects a single-block body")


# aiex.npu.dma_memcpy_nd

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


@custom_directive
class AccessPattern(CustomDirective):
    """``custom<AccessPattern>($memref, $offsets, $static_offsets, $sizes, $static_sizes, $strides,
    $static_strides)``: ``%buf[0, 0, 0, %x][1, 1, 8, 64][0, 0, 64, 1]``; in the 2024 form
    (test/npu-xrt/add_one_objFifo/aie.mlir @0f643a5) after a leading ``x, y,`` pair, with three
    strides, the innermost stride 1 implied."""

    memref: OperandVariable
    offsets: VariadicOperandVariable
    static_offsets: AttributeVariable
    sizes: VariadicOperandVariable
    static_sizes: AttributeVariable
    strides: VariadicOperandVariable
    static_strides: AttributeVariable

    def _lists(self) -> tuple[tuple[VariadicOperandVariable, AttributeVariable], ...]:
        return (self.offsets, self.static_offsets), (self.sizes, self.static_sizes), (self.strides, self.static_strides)

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser.parse_optional_integer() is not None:
            parser.parse_punctuation(",")
            parser.parse_integer()
            parser.parse_punctuation(",")
        self.memref.set(state, parser.parse_unresolved_operand())
        for values, static in self._lists():
            dynamic, ints = _parse_index_list(parser)
            if static is self.static_strides and len(ints) == 3:
                ints.append(1)
            values.set(state, dynamic)
            static.set(state, DenseArrayBase.from_list(i64, ints))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        printer.print_ssa_value(self.memref.get(op))
        for values, static in self._lists():
            print_index_list(printer, values.get(op), static.get(op).get_values())


@custom_directive
class PacketKeyword(CustomDirective):
    """``custom<PacketKeyword>($packet)``: an optional ``, packet = <pkt_type = T, pkt_id = I>``."""

    packet: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser.parse_optional_punctuation(",") is not None:
            parser.parse_keyword("packet")
            parser.parse_punctuation("=")
            self.packet.set(state, parse_packet_info(parser))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if (packet := self.packet.get(op)) is not None:
            printer.print_string(", packet = ")
            _print_packet(printer, packet)


def _hardware_sizes_strides(sizes: Sequence[int], strides: Sequence[int],
                            bits: int, g: int) -> tuple[list[int], list[int]]:
    """``getHardwareStridesWraps``: user sizes/strides (index 0 innermost) in BD units of ``g`` bits."""

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
    """``AIEX::verifyStridesWraps`` for a shim NOC tile (index 0 = innermost dimension); with
    ``skip_transformation_checks`` the Size 0 and Size 1 wrap limits are waived (AIEXDialect.cpp @ main)."""
    shim = _device(op).shim
    g = shim.align_bytes * 8  # the address granularity
    hs, ht = _hardware_sizes_strides(sizes, strides, bits, g)
    for i in range(4):
        if sizes[i] <= 0:
            raise op_error(op, f"Size {i} must be a positive integer.")
    if sizes[0] * bits % g:
        raise op_error(op, f"Transfer sizes must be multiples of {g // 8} bytes. {sizes[0]} elements at "
                        f"{bits // 8} bytes each equal {sizes[0] * bits // 8} bytes, which is not "
                        f"divisible by {g // 8}. ")
    for i in range(3):
        if sizes[i] > 1 and strides[i] < 1:
            raise op_error(op, f"Stride {i} must be a positive integer.")
    if sizes[3] > 1 and strides[3] < 0:
        raise op_error(op, "Stride 3 must be a non-negative integer.")
    for i in range(4):
        if i == 0 and strides[i] == 1:
            continue
        if strides[i] * bits % g:
            raise op_error(op, f"Stride {i} is {strides[i]} elements * {bits // 8} bytes = "
                            f"{strides[i] * bits // 8} bytes, which is not divisible by {g // 8}. ")
    wrap_max, step_max = shim.wrap_max, shim.stride_max_words
    if not skip_transformation_checks and hs[0] > wrap_max:
        raise op_error(op, f"Size 0 exceeds the [0:{wrap_max}] range.")
    if not skip_transformation_checks and hs[1] > wrap_max:
        raise op_error(op, f"Size 1 exceeds the [0:{wrap_max}] range.")
    if hs[3] > shim.repeat_max:
        raise op_error(op, f"Size 3 exceeds the [1:{shim.repeat_max}] range.")
    for i in range(3):
        if ht[i] > step_max:
            raise op_error(op, f"Stride {i} exceeds the [1:{step_max}] range.")
    if ht[3] > step_max and hs[3] > 0:
        raise op_error(op, f"Stride 3 exceeds the [1:{step_max}] range.")


def _check_burst_length(op: Operation, burst: int) -> None:
    if burst != 0 and burst not in SHIM_BURST_LENGTHS:
        raise op_error(op, "Requested burst length is not supported by the target. "
                        "Supported burst lengths: " + " ".join(map(str, SHIM_BURST_LENGTHS)))


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuDmaMemcpyNdOp; AIEXDialect.cpp NpuDmaMemcpyNdOp::verify.
@declared(sort_properties=True)
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

    assembly_format = ("`(` custom<AccessPattern>($memref, $offsets, $static_offsets, $sizes, $static_sizes, "
                       "$strides, $static_strides) custom<PacketKeyword>($packet) `)` attr-dict `:` type($memref)")

    def _lists(self) -> tuple[tuple[str, Sequence[SSAValue], str], ...]:
        return (("static_offsets", self.offsets, "offset"), ("static_sizes", self.sizes, "size"),
                ("static_strides", self.strides, "stride"))

    def constant_pattern(self) -> tuple[list[int], list[int], list[int]] | None:
        """(offsets, sizes, strides) as integers, outermost first; None if any is not constant."""
        out = []
        for key, values, _ in self._lists():
            it = iter(values)
            ints = [constant(next(it)) if v == DYNAMIC_INDEX else v for v in getattr(self, key).get_values()]
            if None in ints:
                return None
            out.append(ints)
        return out[0], out[1], out[2]

    def is_linear(self) -> bool:
        """``isLinearTransferWithoutTransformation``: ``[*, 1, 1, n][*, 0, 0, 1]``."""
        pattern = self.constant_pattern()
        if pattern is None:
            return False
        _, sizes, strides = pattern
        return sizes[2] == 1 and sizes[1] == 1 and strides[3] == 1 and strides[2] == 0 and strides[1] == 0

    def is_contiguous(self) -> bool:
        """``AIEX::isContiguousTransfer``: a row-major scan, innermost stride 1 and each outer
        stride (of a dimension run more than once) the product of the sizes inside it; the
        repeat dimension aside (AIEXDialect.cpp @ main, 2026)."""
        pattern = self.constant_pattern()
        if pattern is None:
            return False
        _, sizes, strides = pattern
        s, t = sizes[::-1], strides[::-1]  # innermost first
        return t[0] == 1 and (s[1] <= 1 or t[1] == s[0]) and (s[2] <= 1 or t[2] == s[0] * s[1])

    def allocation_tile(self) -> tuple[int, int] | None:
        """The tile of the ``aie.shim_dma_allocation`` that ``metadata`` names, if one does
        (``ShimDMAAllocationOp::getForSymbol``)."""
        dev = device_of(self)
        if dev is None:
            return None
        name = self.metadata.root_reference.data
        for op in dev.walk():
            if isinstance(op, ShimDMAAllocationOp) and op.alloc_name == name:
                if op.tile is not None:
                    t = tile_of(op.tile)
                    return t.coords if t is not None else None
                return (int_of(op.col), 0) if op.col is not None else None
        return None

    def skips_wrap_checks(self) -> bool:
        """Whether the Size 0 / Size 1 wrap limits are waived (``skipTransformationChecks`` of
        ``NpuDmaMemcpyNdOp::verify``, AIEXDialect.cpp @ main, 2026): a linear transfer, or a
        contiguous one on a shim NOC tile, which aie-dma-to-npu lowers to linear mode. The
        contiguous case needs that tile, known from the shim_dma_allocation ``metadata`` names;
        without one (mlir-aie checks nothing then, npu-tiler checks as before) only a linear
        transfer is waived, as bad_npu_nd.mlir's ``[1, 1, 1080, 1920]`` case expects."""
        if self.is_linear():
            return True
        tile = self.allocation_tile()
        return tile is not None and _device(self).is_shim_noc(tile) and self.is_contiguous()

    def offset_in_bytes(self) -> int | None:
        """The transfer's start offset in the buffer, in bytes (sum of offset * stride, times the element size); None when not constant or the element width is unknown."""
        pattern, bits = self.constant_pattern(), element_bits(self.memref.type)
        if pattern is None or bits is None:
            return None
        offsets, _, strides = pattern
        return sum(o * s for o, s in zip(offsets, strides)) * (bits // 8)

    def verify_(self) -> None:
        for key, values, what in self._lists():
            arr: DenseArrayBase = getattr(self, key)
            if not isinstance(arr.elt_type, IntegerType) or arr.elt_type.width.data != 64:
                raise op_error(self, f"attribute '{key}' failed to satisfy constraint: i64 dense array attribute")
            static = arr.get_values()
            if len(static) != 4:
                raise op_error(self, f"attribute '{key}' failed to satisfy constraint: i64 dense array "
                                  "attribute with exactly 4 elements")
            dynamic = sum(v == DYNAMIC_INDEX for v in static)
            if dynamic != len(values):
                raise op_error(self, f"expected {dynamic} dynamic {what} values")
        memref_type = self.memref.type
        bits = element_bits(memref_type)
        g = _device(self).shim.align_bytes * 8
        if bits is not None and bits > g:
            raise op_error(self, f"Maximum element bit width allowed is {g}bits. ")
        if bits is not None and isinstance(memref_type, MemRefType):
            shape = memref_type.get_shape()
            if all(d >= 0 for d in shape) and prod(shape) * bits < g:
                raise op_error(self, f"Minimum data transfer size required is {g}bits. ")
        pattern = self.constant_pattern()
        if pattern is None or bits is None:
            return  # runtime sizes: mlir-aie checks those at run time
        _check_burst_length(self, int_of(self.burst_length) or 0)
        offset = self.offset_in_bytes()
        if offset is not None and offset % 4:
            raise op_error(self, "Offset must be 4-byte-aligned.")
        _, sizes, strides = pattern
        verify_strides_wraps(self, sizes[::-1], strides[::-1], bits, self.skips_wrap_checks())
        check_packet(self, self.packet)


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuDmaWaitOp; AIEXDialect.cpp NpuDmaWaitOp::verify.
@declared(sort_properties=True)
class NpuDmaWaitOp(IRDLOperation):
    """``aiex.npu.dma_wait {symbol = @of}``: block until the shim DMA of the ObjectFIFO or ``aie.shim_dma_allocation`` ``symbol`` sends its task-complete token (lowers to ``aiex.npu.sync``)."""

    name = "aiex.npu.dma_wait"

    symbol = prop_def(FlatSymbolRefAttrConstr)

    def __init__(self, symbol: str):
        super().__init__(properties={"symbol": SymbolRefAttr(symbol)})

    assembly_format = "attr-dict"

    def verify_(self) -> None:
        device, target = _lookup_in_device(self, self.symbol.root_reference.data)
        if device is not None and target is None:
            raise op_error(self, "couldn't find symbol in parent device")


# Register writes and synchronisation: attribute form (v1.x) or SSA form (main)

class _OperandsOrAttrs(IRDLOperation):
    """An op whose values are inherent attributes (v1.x) or SSA operands (main).

    Pretty: ``name(%a, %b, ...) {attrs} : t, t, ...`` or ``name {attrs}``
    (NpuWrite32Op/NpuMaskWrite32Op/NpuSyncOp::parse in AIEXDialect.cpp, 0155ebd7c8b7).
    Subclasses name their values in ``VALUES``; the operands are one variadic list, with an
    ``operandSegmentSizes`` accepted when a version wrote one.
    """

    VALUES: ClassVar[tuple[str, ...]] = ()
    dyn = var_operand_def(IntegerType)
    operandSegmentSizes = opt_prop_def(DenseArrayBase)

    def values(self) -> dict[str, int | SSAValue | None]:
        """Each value: the SSA operand (main) or the attribute's integer (v1.x)."""
        if self.operands:
            return dict(zip(self.VALUES, self.operands))
        return {k: int_of(self.properties.get(k)) for k in self.VALUES}

    assembly_format = "custom<ValueOperands>($dyn) attr-dict (`:` type($dyn)^)?"

    def verify_(self) -> None:
        n = len(self.VALUES)
        if self.operands:
            if len(self.operands) != n:
                raise op_error(self, "dynamic operands must be provided together (all or none)")
            _check_segments(self, [1] * n)
            for v in self.operands:
                if not isinstance(v.type, IntegerType) or v.type.width.data not in (32, 64):
                    raise op_error(self, "dynamic operands must be 32-bit or 64-bit integers")
            clash = [k for k in self.VALUES if k in self.properties]
            if clash:
                raise op_error(self, f"'{clash[0]}' is given both as an operand and as an attribute")
        else:
            _check_segments(self, [0] * n)
            for k in self.VALUES:
                if k not in self.properties:
                    raise op_error(self, f"requires attribute '{k}' (or the {n} values as operands)")


class _RegisterWrite(_OperandsOrAttrs):
    """write32 and maskwrite32: a 32-bit ``address``, relative to ``buffer`` or tile ``column``/``row`` when given."""

    address = opt_prop_def(UI32Attr)
    value = opt_prop_def(UI32Attr)
    buffer = opt_prop_def(FlatSymbolRefAttrConstr)
    column = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuWrite32Op.
@declared(sort_properties=True)
class NpuWrite32Op(_RegisterWrite):
    """``aiex.npu.write32``: write the 32-bit ``value`` at ``address`` in the array (relative to ``buffer``, or to tile ``column``/``row``, when given)."""

    name = "aiex.npu.write32"
    VALUES: ClassVar[tuple[str, ...]] = ("address", "value")


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuMaskWrite32Op.
@declared(sort_properties=True)
class NpuMaskWrite32Op(_RegisterWrite):
    """``aiex.npu.maskwrite32``: read-modify-write of the 32-bit word at ``address``: only the bits set in ``mask`` take ``value``."""

    name = "aiex.npu.maskwrite32"
    VALUES: ClassVar[tuple[str, ...]] = ("address", "value", "mask")
    mask = opt_prop_def(UI32Attr)


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuSyncOp.
@declared(sort_properties=True)
class NpuSyncOp(_OperandsOrAttrs):
    """``aiex.npu.sync``: block the sequence until a task-complete token arrives from DMA ``channel`` (``direction`` 0 S2MM, 1 MM2S) of tile ``column``/``row``, over ``column_num`` x ``row_num`` tiles."""

    name = "aiex.npu.sync"
    VALUES: ClassVar[tuple[str, ...]] = ("column", "row", "direction", "channel", "column_num", "row_num")

    column = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)
    direction = opt_prop_def(I32Attr)
    channel = opt_prop_def(I32Attr)
    column_num = opt_prop_def(I32Attr)
    row_num = opt_prop_def(I32Attr)


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuBlockWriteOp.
@declared(sort_properties=True)
class NpuBlockWriteOp(IRDLOperation):
    """``aiex.npu.blockwrite(%data)``: write the words of the ``data`` memref from ``address`` on (relative to ``buffer`` or tile ``column``/``row`` when given), in one instruction."""

    name = "aiex.npu.blockwrite"

    data = operand_def(MemRefType)
    address = prop_def(UI32Attr)
    buffer = opt_prop_def(FlatSymbolRefAttrConstr)
    column = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)

    assembly_format = "`(` $data `)` attr-dict `:` type($data)"


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuWriteRTPOp.
@irdl_op_definition
class NpuWriteRTPOp(IRDLOperation):
    """``aiex.npu.rtp_write(@buf, index, value)``: write a runtime parameter: ``value`` into element ``index`` of the RTP buffer ``@buf``."""

    name = "aiex.npu.rtp_write"

    dyn = var_operand_def(IntegerType)
    buffer = opt_prop_def(FlatSymbolRefAttrConstr)
    index = prop_def(UI32Attr)
    value = opt_prop_def(I32Attr)
    operandSegmentSizes = opt_prop_def(DenseArrayBase)
    # The 2024 form, `(col, row, index, value) {buffer_sym_name = "rtp0"}` (mlir-aie test/npu-xrt/two_col
    # @ 42b6dad6): the buffer named by a string, the tile by its coordinates.
    col = opt_prop_def(I32Attr)
    row = opt_prop_def(I32Attr)
    buffer_sym_name = opt_prop_def(StringAttr)

    @classmethod
    def parse(cls, parser: Parser) -> NpuWriteRTPOp:
        parser.parse_punctuation("(")
        if (col := parser.parse_optional_integer(allow_boolean=False)) is not None:
            props: dict[str, Attribute] = {"col": IntegerAttr(col, i32)}
            for key, t in (("row", i32), ("index", ui32), ("value", i32)):
                parser.parse_punctuation(",")
                props[key] = IntegerAttr(parser.parse_integer(allow_boolean=False), t)
            parser.parse_punctuation(")")
            attrs = parse_attr_dict(parser, cls, props)
            return cls.create(properties=_sorted(props), attributes=attrs)
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
        attrs = parse_attr_dict(parser, cls, props)
        operands: list[SSAValue] = []
        if dyn is not None:
            parser.parse_punctuation(":")
            operands = [parser.resolve_operand(dyn, parser.parse_type())]
            attrs |= parse_attr_dict(parser, cls, props)  # the 0155ebd7 order: type, then attrs
        return cls.create(operands=operands, properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        if self.buffer is None and self.col is not None and self.row is not None and self.value is not None:
            printer.print_string(f"({self.col.value.data}, {self.row.value.data}, {self.index.value.data}, "
                                 f"{self.value.value.data})")
            print_attr_dict(printer, self, elide=("col", "row", "index", "value"))
            return
        printer.print_string("(")
        printer.print_attribute(self.buffer)
        printer.print_string(f", {self.index.value.data}, ")
        if self.dyn:
            printer.print_ssa_value(self.dyn[0])
        elif self.value is not None:
            printer.print_string(str(self.value.value.data))
        printer.print_string(")")
        print_attr_dict(printer, self, elide=("buffer", "index", "value"))
        if self.dyn:
            _print_types(printer, self.dyn)

    def verify_(self) -> None:
        if (self.buffer is None) == (self.buffer_sym_name is None):
            raise op_error(self, "needs a buffer: '@buffer', or (2024) col, row and buffer_sym_name")
        if self.buffer is None and (self.col is None or self.row is None or self.dyn):
            raise op_error(self, "the 2024 form needs col, row and a constant value")
        if (self.value is not None) == bool(self.dyn) or len(self.dyn) > 1:
            raise op_error(self, "exactly one of 'value' (static) or 'dyn_value' (dynamic) must be provided")
        _check_segments(self, [len(self.dyn)])


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuAddressPatchOp.
@declared(sort_properties=True)
class NpuAddressPatchOp(IRDLOperation):
    """``aiex.npu.address_patch``: at launch, write the address of runtime-sequence argument ``arg_idx`` plus ``arg_plus`` into the BD address field at ``addr``."""

    name = "aiex.npu.address_patch"

    dyn = var_operand_def(IntegerType)  # [arg_plus] or [arg_plus, addr_val] (main)
    addr = prop_def(UI32Attr)
    arg_idx = prop_def(I32Attr)
    arg_plus_attr = opt_prop_def(I32Attr, prop_name="arg_plus")

    OPERAND_SYNTAX: ClassVar[tuple[str, ...]] = ("(", "addr")
    assembly_format = "custom<TypedOperands>($dyn, type($dyn)) attr-dict"

    def optional_values(self) -> list[SSAValue | None]:
        """``arg_plus`` and ``addr_val`` (None when not given), as the syntax lists them."""
        return [*self.dyn, None, None][:2]

    def verify_(self) -> None:
        if len(self.dyn) > 2:
            raise op_error(self, "takes at most two operands (arg_plus, addr_val)")
        if (self.arg_plus_attr is not None) == bool(self.dyn):
            raise op_error(self, "needs arg_plus as an attribute (v1.x) or as an operand, not both")


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuPushQueueOp; AIEXDialect.cpp NpuPushQueueOp::verify.
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
        props["direction"] = DMAChannelDir.parse(parser)
        parser.parse_punctuation(":")
        props["channel"] = _parse_int_attr(parser, i32)
        parser.parse_punctuation(")")
        dyn: list[UnresolvedOperand] = []
        if parser.parse_optional_keyword("bd_id") is not None:
            bd = parser.parse_unresolved_operand()
            parser.parse_keyword("repeat")
            dyn = [parser.parse_unresolved_operand(), bd]
        attrs = parse_attr_dict(parser, cls, props)
        operands: list[SSAValue] = []
        if dyn:
            parser.parse_punctuation(":")
            bd_type = parser.parse_type()
            parser.parse_punctuation(",")
            rep_type = parser.parse_type()
            operands = [parser.resolve_operand(dyn[0], rep_type), parser.resolve_operand(dyn[1], bd_type)]
        return cls.create(operands=operands, properties=_sorted(props), attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({self.column.value.data}, {self.row.value.data}, ")
        printer.print_string(DMAChannelDir.keyword_of(self.direction))
        printer.print_string(f" : {self.channel.value.data})")
        if self.dyn:
            printer.print_string(" bd_id ")
            printer.print_ssa_value(self.dyn[1])
            printer.print_string(" repeat ")
            printer.print_ssa_value(self.dyn[0])
        print_attr_dict(printer, self, elide=("column", "row", "direction", "channel"))
        if self.dyn:
            _print_types(printer, [self.dyn[1], self.dyn[0]])

    def verify_(self) -> None:
        if self.dyn:
            if len(self.dyn) != 2 or self.bd_id is not None or self.repeat_count is not None:
                raise op_error(self, "takes bd_id and repeat_count as two operands or as two attributes")
            bd, repeat = constant(self.dyn[1]), constant(self.dyn[0])
        else:
            if self.bd_id is None or self.repeat_count is None:
                raise op_error(self, "requires attributes 'bd_id' and 'repeat_count'")
            bd, repeat = self.bd_id.value.data, self.repeat_count.value.data
        if bd is not None and bd > _bds(self, (self.column.value.data, self.row.value.data)):
            raise op_error(self, "BD ID exceeds the maximum ID.")
        if repeat is not None and repeat > 255:
            raise op_error(self, "Repeat count exceeds the [0:255] range.")


def _bd_header_checks(op: Operation, f: dict[str, int], tile: tuple[int, int]) -> list[tuple[bool, str]]:
    """The checks ``NpuWriteBdOp::verify`` (AIEXDialect.cpp) makes of a BD write's header fields ``f``
    on ``tile``: its BD ID, packet ID (5 bits) and packet type (3 bits); each (failed, message)."""
    return [(f["bd_id"] > _bds(op, tile), "BD ID exceeds the maximum ID."),
            (f["packet_id"] > PACKET_ID_MAX, "Packet ID exceeds the maximum supported by 5 bits."),
            (f["packet_type"] > PACKET_TYPE_MAX, "Packet Type exceeds the maximum supported by 3 bits.")]


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuWriteBdOp; AIEXDialect.cpp NpuWriteBdOp::verify.
@declared(sort_properties=True)
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
    # d2_size and the d*_zero_* fields: absent in 2024 (test/npu-xrt/memtile_dmas/writebd @ 5820db19);
    # optional here, kept as written.
    d2_size = opt_prop_def(I32Attr)
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
    d0_zero_before = opt_prop_def(I32Attr)
    d1_zero_before = opt_prop_def(I32Attr)
    d2_zero_before = opt_prop_def(I32Attr)
    d0_zero_after = opt_prop_def(I32Attr)
    d1_zero_after = opt_prop_def(I32Attr)
    d2_zero_after = opt_prop_def(I32Attr)
    burst_length = opt_prop_def(I32Attr, ZERO_I32)

    assembly_format = "attr-dict"

    def verify_(self) -> None:
        f = {k: int_of(v) or 0 for k, v in self.properties.items()}
        shim = f["row"] == 0
        linear = f["d0_size"] >= 1 and f["d1_size"] == 1 and f["iteration_size"] == 0
        checks = [
            *_bd_header_checks(self, f, (f["column"], f["row"])),
            (not linear and f["d0_size"] > 0x3FF, "D0 Size exceeds the [0:1023] range."),
            (f["d0_stride"] > 0xFFFFF, "D0 Stride exceeds the [0:1M-1] range."),
            (f["d1_size"] > 0x3FF, "D1 Size exceeds the [0:1023] range."),
            (f["d1_stride"] > 0xFFFFF, "D1 Stride exceeds the [0:1M-1] range."),
            (f["d2_stride"] > 0xFFFFF, "D2 Stride exceeds the [0:1M-1] range."),
            (f["iteration_size"] > 0x3F, "Iteration Size exceeds the [0:63] range."),
            (f["iteration_stride"] > 0xFFFFF, "Iteration Stride exceeds the [0:1M-1] range."),
            (shim and f.get("d2_size", 0) != 0, "ShimTile only supports 3 dimensions of sizes."),
            (shim and any(f.get(f"d{d}_zero_{w}", 0) for d in range(3) for w in ("before", "after")),
             "ShimTile doesn't support zero padding."),
            (not shim and f.get("burst_length", 0) != 0, "Only ShimTiles support burst length."),
        ]
        for failed, message in checks:
            if failed:
                raise op_error(self, message)
        _check_burst_length(self, f.get("burst_length", 0))


# The 2024 shim-only BD write (AIEX.td before aiex.npu.writebd took a row): its fields as mlir-aie's
# test/dialect/AIEX (dma_to_ipu / npu lowering CHECK lines) and test/npu-xrt/matrix_multiplication_using_cascade
# @ 8ba1ac7f print them, every one an i32; that ODS itself was not available.
@declared(sort_properties=True)
class NpuWriteBdShimTileOp(IRDLOperation):
    """``aiex.npu.writebd_shimtile {bd_id = .., ddr_id = .., ...}``: program a shim tile's BD (2024's ``writebd``, no row)."""

    name = "aiex.npu.writebd_shimtile"

    bd_id = prop_def(I32Attr)
    buffer_length = prop_def(I32Attr)
    buffer_offset = prop_def(I32Attr)
    column = prop_def(I32Attr)
    column_num = prop_def(I32Attr)
    d0_size = prop_def(I32Attr)
    d0_stride = prop_def(I32Attr)
    d1_size = prop_def(I32Attr)
    d1_stride = prop_def(I32Attr)
    d2_stride = prop_def(I32Attr)
    ddr_id = prop_def(I32Attr)
    enable_packet = prop_def(I32Attr)
    iteration_current = prop_def(I32Attr)
    iteration_size = prop_def(I32Attr)
    iteration_stride = prop_def(I32Attr)
    lock_acq_enable = prop_def(I32Attr)
    lock_acq_id = prop_def(I32Attr)
    lock_acq_val = prop_def(I32Attr)
    lock_rel_id = prop_def(I32Attr)
    lock_rel_val = prop_def(I32Attr)
    next_bd = prop_def(I32Attr)
    out_of_order_id = prop_def(I32Attr)
    packet_id = prop_def(I32Attr)
    packet_type = prop_def(I32Attr)
    use_next_bd = prop_def(I32Attr)
    valid_bd = prop_def(I32Attr)

    assembly_format = "attr-dict"

    def verify_(self) -> None:
        # The header checks writebd has (AIEXDialect.cpp NpuWriteBdOp::verify) on a shim tile's BD.
        f = {k: int_of(v) or 0 for k, v in self.properties.items()}
        for failed, message in _bd_header_checks(self, f, (f["column"], 0)):
            if failed:
                raise op_error(self, message)


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuPreemptOp.
@declared(sort_properties=True)
class NpuPreemptOp(IRDLOperation):
    """``aiex.npu.preempt {level}``: a point where the instruction stream may be preempted (``level`` 0 no-op, 1 mem tile, 2 AIE tile, 3 AIE registers)."""

    name = "aiex.npu.preempt"

    level = prop_def(UI8Attr)

    assembly_format = "attr-dict"


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_NpuLoadPdiOp.
@declared(sort_properties=True)
class NpuLoadPdiOp(IRDLOperation):
    """``aiex.npu.load_pdi``: load a device image (PDI ``id``, or the device ``device_ref``; ``size``, ``address``) to (re)configure the partition from the sequence."""

    name = "aiex.npu.load_pdi"

    device_ref = opt_prop_def(FlatSymbolRefAttrConstr)
    id = opt_prop_def(I32Attr, ZERO_I32)
    size = opt_prop_def(I32Attr, ZERO_I32)
    address = opt_prop_def(UI64Attr, IntegerAttr(0, ui64))

    assembly_format = "attr-dict"


# DMA tasks

def _verify_bd_chain(op: Operation, region: Region) -> None:
    """DMAConfigureTaskOp::verify: every block after the entry is reached by a branch."""
    targets = {succ for block in region.blocks for inner in block.ops for succ in inner.successors}
    for i, block in enumerate(region.blocks):
        if i and block.ops and block not in targets:
            raise op_error(op, "Block ending in this terminator does not form a chain with entry block.")


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_DMAConfigureTaskOp; AIEXDialect.cpp DMAConfigureTaskOp::verify.
@declared(sort_properties=True)
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

    OPERAND_SYNTAX: ClassVar[tuple[str, ...]] = ("repeat", "bd_id")
    assembly_format = ("`(` $tile `,` custom<DMAChannelDir>($direction) `,` custom<TypedInt>($channel) "
                       "custom<OptPacket>($packet) `)` custom<TypedOperands>($dyn, type($dyn)) custom<TaskBody>($body) "
                       "attr-dict")

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)
        if len(self.dyn) > 2 or (len(self.dyn) == 2 and self.operandSegmentSizes is None):
            raise op_error(self, "needs operandSegmentSizes to tell repeat_count_val from bd_id_val")
        seg = self.operandSegmentSizes
        if seg is not None:
            sizes = list(seg.get_values())
            if len(sizes) != 3 or sizes[0] != 1 or sum(sizes) != 1 + len(self.dyn) or max(sizes) > 1:
                raise op_error(self, f"operandSegmentSizes {sizes} does not match the operands")
        DMAChannelDir.check(self.direction, "direction", self)
        _verify_bd_chain(self, self.body)


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_DMAConfigureTaskForOp.
@declared(sort_properties=True)
class DMAConfigureTaskForOp(IRDLOperation):
    """``%t = aiex.dma_configure_task_for @alloc {...}``: a DMA task as ``dma_configure_task``, on the tile, direction and channel of the shim DMA allocation (or ObjectFIFO) ``alloc``."""

    name = "aiex.dma_configure_task_for"

    repeat_count_val = opt_operand_def(IntegerType)
    alloc = prop_def(SymbolRefAttr)
    issue_token = opt_prop_def(BoolAttr, FALSE)
    repeat_count = opt_prop_def(I32Attr, ZERO_I32)
    body = region_def()
    result = result_def(IndexType)

    assembly_format = ("$alloc (`repeat` $repeat_count_val^ `:` type($repeat_count_val))? custom<TaskBody>($body) "
                       "attr-dict")

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)
        _verify_bd_chain(self, self.body)


class _TaskOp(IRDLOperation):
    """``name(%task) attr-dict``: start, await and free a configured task (AIEX.td @ 00d58b94, 97737142
    AIE_DMAStartTaskOp, AIE_DMAAwaitTaskOp, AIE_DMAFreeTaskOp)."""

    task = operand_def(IndexType)
    assembly_format = "`(` $task `)` attr-dict"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)


@declared(sort_properties=True)
class DMAStartTaskOp(_TaskOp):
    """``aiex.dma_start_task(%t)``: submit a configured task to its channel's queue."""

    name = "aiex.dma_start_task"


@declared(sort_properties=True)
class DMAAwaitTaskOp(_TaskOp):
    """``aiex.dma_await_task(%t)``: block the sequence until the task completes (it must have ``issue_token = true``)."""

    name = "aiex.dma_await_task"


@declared(sort_properties=True)
class DMAFreeTaskOp(_TaskOp):
    """``aiex.dma_free_task(%t)``: let the BD allocator reuse the task's BD IDs (once the task is known complete)."""

    name = "aiex.dma_free_task"


class _BdChainStartOp(IRDLOperation):
    """An ``aie.bd_chain`` started with arguments as a task; its parent is the runtime sequence."""

    symbol = prop_def(FlatSymbolRefAttrConstr)
    issue_token = opt_prop_def(BoolAttr, FALSE)
    repeat_count = opt_prop_def(I32Attr, ZERO_I32)
    result = result_def(IndexType)

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_DMAStartBdChainOp.
@declared(sort_properties=True)
class DMAStartBdChainOp(_BdChainStartOp):
    """``%t = aiex.dma_start_bd_chain @chain(%a) : (T) on (%tile, MM2S, 0)``: an ``aie.bd_chain`` with arguments as a task on a tile's channel, started at once."""

    name = "aiex.dma_start_bd_chain"
    args = var_operand_def()
    tile = operand_def(IndexType)
    direction = prop_def(I32Attr)
    channel = prop_def(I32Attr)
    assembly_format = ("$symbol `(` $args `)` `:` `(` type($args) `)` `on` ` ` `(` $tile `,` "
                       "custom<DMAChannelDir>($direction) `,` $channel `)` attr-dict")


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIE_DMAStartBdChainForOp.
@declared(sort_properties=True)
class DMAStartBdChainForOp(_BdChainStartOp):
    """``%t = aiex.dma_start_bd_chain_for @chain(%a) : (T) for @alloc``: as ``dma_start_bd_chain``, on the channel of the shim DMA allocation ``alloc``."""

    name = "aiex.dma_start_bd_chain_for"
    args = var_operand_def()
    alloc = prop_def(FlatSymbolRefAttrConstr)
    assembly_format = "$symbol `(` $args `)` `:` `(` type($args) `)` `for` $alloc attr-dict"


# AIEX.td @ 00d58b94 (main), 97737142 (v1.x) AIEX_SetLockOp; AIEXDialect.cpp SetLockOp::verify.
@declared(sort_properties=True)
class SetLockOp(IRDLOperation):
    """``aiex.set_lock(%lock, v)``: set an ``aie.lock``'s value (at most 63) from the sequence, without blocking."""

    name = "aiex.set_lock"

    lock = operand_def(IndexType)
    value = prop_def(I32Attr)

    assembly_format = "`(` $lock `,` $value `)` attr-dict"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)
        if self.value.value.data > (top := _device(self).max_lock_value):
            raise op_error(self, f"Lock value exceeds the maximum value of {top}")


# Reconfiguration (AIEX.td @ 00d58b94: "Device image and execution")


def _symbol_name(op: Operation) -> Attribute | None:
    """The symbol an op of the module defines: its ``sym_name``, or an ``aie.device``'s
    :attr:`~partitioner.mlir.aie.DeviceOp.symbol` (``main`` when unnamed)."""
    if isinstance(op, DeviceOp):
        return StringAttr(op.symbol)
    return op.get_attr_or_prop("sym_name")


# AIEX.td @ 00d58b94 AIE_ConfigureOp ($symbol regions attr-dict; HasParent RuntimeSequenceOp,
# NoTerminator); AIEXDialect.cpp (2026) ConfigureOp::verify / getReferencedDeviceOp.
@declared(sort_properties=True)
class ConfigureOp(IRDLOperation):
    """``aiex.configure @dev { aiex.run @seq(%a) : (T) }``: load the configuration of device ``@dev`` (program memories, stream switches) from a sequence, then run its sequences."""

    name = "aiex.configure"

    symbol = prop_def(FlatSymbolRefAttrConstr)
    expand_mode = opt_prop_def()
    body = region_def()
    traits = traits_def(NoTerminator())

    assembly_format = "$symbol $body attr-dict"

    def referenced_device(self) -> DeviceOp:
        """The ``aie.device`` ``symbol`` names in the enclosing module (getReferencedDeviceOp)."""
        module, target = self.get_toplevel_object(), self.symbol.root_reference.data
        top = [op for r in module.regions for b in r.blocks for op in b.ops] if module is not self else []
        found = next((op for op in top if _symbol_name(op) == StringAttr(target)), None)
        if found is None:
            raise op_error(self, f"No such device: '@{target}'")
        if not isinstance(found, DeviceOp):
            raise op_error(self, f"Not a device: '@{target}'")
        return found

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)
        if self.parent_op() is None:
            return
        target, parent = self.referenced_device(), device_of(self)
        if parent is not None and target.device_name != parent.device_name:
            raise op_error(self, f"Device types do not match: '{parent.device_name}' vs. '{target.device_name}'")


# AIEX.td @ 00d58b94 AIE_RunOp ($runtime_sequence_symbol `(` $args `)` `:` `(` type($args) `)` attr-dict;
# HasParent ConfigureOp).
@declared(sort_properties=True)
class RunOp(IRDLOperation):
    """``aiex.run @seq(%a) : (memref<..>)``: run a runtime sequence of the configured device, inlined here."""

    name = "aiex.run"

    runtime_sequence_symbol = prop_def(FlatSymbolRefAttrConstr)
    args = var_operand_def()

    assembly_format = "$runtime_sequence_symbol `(` $args `)` `:` `(` type($args) `)` attr-dict"

    def verify_(self) -> None:
        if self.parent_op() is not None and not isinstance(self.parent_op(), ConfigureOp):
            raise op_error(self, "expects parent op 'aiex.configure'")


# Not in AIEX.td @ 00d58b94, 97737142 nor 48c0ff3e, nor in any stored mlir-aie source: written in
# mlir-aie's test/npu-xrt/reconfigure/aie.mlir @ c995426c (a Makefile-driven design, 2025) inside an
# aiex.configure, `%s = aiex.arg_slice %arg[0:4] : memref<512xi32> -> memref<4xi32>`. Declared from
# that text alone: the slice bounds are kept, and nothing is verified beyond the types being memrefs.
@irdl_op_definition
class ArgSliceOp(IRDLOperation):
    """``%s = aiex.arg_slice %a[0:4] : memref<512xi32> -> memref<4xi32>``: a part of a runtime-sequence
    argument, given to a configured device's sequence (``aiex.run``)."""

    name = "aiex.arg_slice"

    source = operand_def(MemRefType)
    start = prop_def(I64Attr)
    end = prop_def(I64Attr)
    result = result_def(MemRefType)

    @classmethod
    def parse(cls, parser: Parser) -> ArgSliceOp:
        source = parser.parse_unresolved_operand()
        parser.parse_punctuation("[")
        start = parser.parse_integer(allow_boolean=False)
        parser.parse_punctuation(":")
        end = parser.parse_integer(allow_boolean=False)
        parser.parse_punctuation("]")
        attrs = parser.parse_optional_attr_dict()
        parser.parse_punctuation(":")
        source_type = parser.parse_type()
        parser.parse_punctuation("->")
        result_type = parser.parse_type()
        return cls.create(operands=[parser.resolve_operand(source, source_type)], result_types=[result_type],
                          properties={"end": IntegerAttr(end, i64), "start": IntegerAttr(start, i64)},  # by name, as MLIR
                          attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_operand(self.source)
        printer.print_string(f"[{self.start.value.data}:{self.end.value.data}]")
        if self.attributes:
            printer.print_string(" ")
            printer.print_attr_dict(self.attributes)
        printer.print_string(" : ")
        printer.print_attribute(self.source.type)
        printer.print_string(" -> ")
        printer.print_attribute(self.result.type)


# Not in AIEX.td @ 00d58b94 nor 97737142: written bare in mlir-aie's test/npu-xrt/ctrl_packet_reconfig/
# aie2.mlir @ ec7548a8 (and its 1x4 / elf siblings), inside the runtime sequence. Its ODS was not
# available: no arguments are assumed; any attribute is kept.
@declared(sort_properties=True)
class NpuConfigureOp(IRDLOperation):
    """``aiex.npu.configure``: (re)configure the design from the sequence (ctrl_packet_reconfig tests, 2024)."""

    name = "aiex.npu.configure"

    assembly_format = "attr-dict"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)


# Resets (AIEX.td @ 00d58b94 AIEX_CoreResetOp, AIEX_DmaChannelResetOp; HasParent RuntimeSequenceOp)


def _check_reset_tile(op: Operation, allowed: tuple[str, ...], what: str) -> None:
    """The verifiers' tile check: a core (core_reset) or a core or mem tile (dma_channel_reset)."""
    t = tile_of(op.tile)
    if t is not None and t.kind is not None and t.kind not in allowed:
        col, row = t.coords
        raise op_error(op, f"tile ({col}, {row}) is not {what}")


@declared(sort_properties=True)
class CoreResetOp(IRDLOperation):
    """``aiex.core_reset(%tile)``: pulse a core's reset bit from the sequence (its data memory, locks and DMA kept)."""

    name = "aiex.core_reset"

    tile = operand_def(IndexType)

    assembly_format = "`(` $tile `)` attr-dict"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)
        _check_reset_tile(self, ("compute",), "a core tile")


@declared(sort_properties=True)
class DmaChannelResetOp(IRDLOperation):
    """``aiex.dma_channel_reset(%tile, S2MM, 0)``: reset one DMA channel of a core or mem tile from the sequence."""

    name = "aiex.dma_channel_reset"

    tile = operand_def(IndexType)
    direction = prop_def(I32Attr)
    channel = prop_def(I32Attr)

    assembly_format = "`(` $tile `,` custom<DMAChannelDir>($direction) `,` $channel `)` attr-dict"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)
        DMAChannelDir.check(self.direction, "direction", self)
        _check_reset_tile(self, ("compute", "mem"), "a core or mem tile")
        t = tile_of(self.tile)
        if t is not None and t.kind is not None:
            kind = _device(self).kind(t.coords)
            count = kind.dma_in if DMAChannelDir.of(self.direction) is DMAChannelDir.S2MM else kind.dma_out
            if not 0 <= self.channel.value.data < count:
                raise op_error(self, f"channel {self.channel.value.data} out of range: the tile has {count}")


# AIEX DmaChannelResetForOp (2026). Its ODS was not available to read: the syntax and the verifier's
# behaviour are mlir-aie's test/dialect/AIEX/dma_channel_reset_for.mlir's (2026): ``aiex.dma_channel_reset_for
# (@of)`` names an aie.objectfifo, or after the objectFIFO transform its aie.objectfifo_rearm_binding, and
# an unresolved name is deferred, not an error. Lowered (AIEXLowerDmaChannelResetFor / aie-expand-load-pdi)
# to a dma_channel_reset and a start-queue push per channel and a set_lock per lock of the FIFO: it moves
# DMAs and locks, and is not modelled (a mover of partitioner.mlir.index.DeviceIndex.movers).
@declared(sort_properties=True)
class DmaChannelResetForOp(IRDLOperation):
    """``aiex.dma_channel_reset_for(@of)``: re-arm an objectFIFO's DMA channels and locks from the sequence."""

    name = "aiex.dma_channel_reset_for"

    objfifo = prop_def(FlatSymbolRefAttrConstr)

    assembly_format = "`(` $objfifo `)` attr-dict"


# AIEX BufferClearOp (2026; lowered by AIEXLowerBufferClear.cpp to one aiex.npu.blockwrite of zeros at
# `address`, `length` words, on the tile's column and row). Its ODS was not available: the syntax is
# mlir-aie test/npu-xrt/buffer_clear_op/aie.mlir's, `aiex.buffer_clear(%tile, address, length)`, the
# property names the lowering's accessors (getAddress, getLength); their integer type (i32 here) is not read.
@declared(sort_properties=True)
class BufferClearOp(IRDLOperation):
    """``aiex.buffer_clear(%tile, address, length)``: zero ``length`` words of a tile's memory from the sequence."""

    name = "aiex.buffer_clear"

    tile = operand_def(IndexType)
    address = prop_def(I32Attr)
    length = prop_def(I32Attr)

    assembly_format = "`(` $tile `,` $address `,` $length `)` attr-dict"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)
        if self.length.value.data < 1 or self.address.value.data < 0:
            raise op_error(self, "needs a non-negative address and a positive length")


# Scratchpad runtime parameters (AIEX.td @ 00d58b94 AIEX_ScratchpadParameterOp: Symbol, `$sym_name `:` $type
# attr-dict`, declared at module scope; AIEX_SyncScratchpadParametersFromHostOp: attr-dict, HasParent
# RuntimeSequenceOp). mlir-aie test/npu-xrt/scratchpad_addr_offset writes the same ops under their earlier
# names, aiex.parameter and aiex.sync_parameters_from_host.


class _ParameterOp(IRDLOperation):
    sym_name = prop_def(SymbolNameConstraint())
    type = prop_def(TypeAttribute)
    state_table_idx = opt_prop_def(UI8Attr)
    kind = opt_prop_def()
    traits = traits_def(SymbolOpInterface())
    assembly_format = "$sym_name `:` $type attr-dict"

    def verify_(self) -> None:
        parent = self.parent_op()
        if parent is not None and parent.name != "builtin.module":
            raise op_error(self, "is declared at module scope (outside any aie.device)")


@declared(sort_properties=True)
class ScratchpadParameterOp(_ParameterOp):
    """``aiex.scratchpad_parameter @foo : i32``: a named runtime parameter the host writes through the scratchpad."""

    name = "aiex.scratchpad_parameter"


@declared(sort_properties=True)
class ParameterOp(_ParameterOp):
    """``aiex.parameter @foo : i32``: ``aiex.scratchpad_parameter`` under its earlier name."""

    name = "aiex.parameter"


class _SyncParametersOp(IRDLOperation):
    assembly_format = "attr-dict"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=False)


@declared(sort_properties=True)
class SyncScratchpadParametersFromHostOp(_SyncParametersOp):
    """``aiex.sync_scratchpad_parameters_from_host``: where the sequence copies the parameters to the cores."""

    name = "aiex.sync_scratchpad_parameters_from_host"


@declared(sort_properties=True)
class SyncParametersFromHostOp(_SyncParametersOp):
    """``aiex.sync_parameters_from_host``: ``sync_scratchpad_parameters_from_host`` under its earlier name."""

    name = "aiex.sync_parameters_from_host"


# AIEX.td @ 00d58b94 AIE_DMABdPoolPopOp / AIE_DMABdPoolPushOp (HasAncestor RuntimeSequenceOp;
# compiler-emitted on the dynamic BD path).
@declared(sort_properties=True)
class DMABdPoolPopOp(IRDLOperation):
    """``%bd = aiex.dma_bd_pool_pop(col, row) : i32``: a free BD ID of a tile, drawn at run time."""

    name = "aiex.dma_bd_pool_pop"

    column = prop_def(I32Attr)
    row = prop_def(I32Attr)
    bd_id = result_def(i32)

    assembly_format = "`(` $column `,` $row `)` attr-dict `:` type($bd_id)"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)


@declared(sort_properties=True)
class DMABdPoolPushOp(IRDLOperation):
    """``aiex.dma_bd_pool_push(col, row) bd_id %bd : i32``: give a BD ID back to the tile's run-time pool."""

    name = "aiex.dma_bd_pool_push"

    column = prop_def(I32Attr)
    row = prop_def(I32Attr)
    bd_id = operand_def(i32)

    assembly_format = "`(` $column `,` $row `)` `bd_id` $bd_id attr-dict `:` type($bd_id)"

    def verify_(self) -> None:
        _require_parent(self, RUNTIME_SEQUENCE_OPS, ancestor=True)


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
    NpuWriteBdShimTileOp,
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
    ConfigureOp,
    RunOp,
    ArgSliceOp,
    NpuConfigureOp,
    CoreResetOp,
    DmaChannelResetOp,
    DmaChannelResetForOp,
    BufferClearOp,
    ScratchpadParameterOp,
    ParameterOp,
    SyncScratchpadParametersFromHostOp,
    SyncParametersFromHostOp,
    DMABdPoolPopOp,
    DMABdPoolPushOp,
)

AIEX = Dialect("aiex", list(AIEX_OPS), [BlockFloatType])
