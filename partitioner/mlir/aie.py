"""The ``aie`` dialect of mlir-aie on xDSL: its ops, attributes and types, with mlir-aie's
assembly formats and verifiers, so ``partitioner.mlir.parse`` reads any mlir-aie design.

Contract:

* every op parses from mlir-aie's custom syntax and from MLIR's generic form, and prints back
  to the same custom syntax; printing and parsing again gives the same IR. Most ops declare
  that syntax (``assembly_format``, :func:`declared`) with a few shared custom directives
  (enum keywords, ``Bundle : channel`` ports, regions with an implicit ``aie.end``,
  ObjectFIFO tile lists); the others keep a custom parse/print;
* properties are kept as written: ODS defaults are not filled in (the ops' accessors read
  them, e.g. ``CoreOp.stack_bytes``), except what aie-opt's generic form requires and the
  custom syntax implies (an ObjectFIFO's empty ``dimensionsToStream`` /
  ``dimensionsFromStreamPerConsumer``, the implicit ``aie.end`` of single-block regions);
* mlir-aie's ``I32EnumAttr`` arguments are ``i32`` ``IntegerAttr`` properties, as aie-opt's
  generic form has them (``<{device = 4 : i32}>``); npu-tiler's older generic form
  (``#aie.device<npu1>``, ``#aie.objectfifo_port<Consume>``) is read as well. Read them with
  the enum classes (``DMAChannelDir.of(op.channel_dir) is DMAChannelDir.S2MM``), never as integers;
* verifiers follow ``AIEDialect.cpp`` and the traits of ``AIEOps.td`` / ``AIEInterfaces.td``
  with mlir-aie's messages (``'aie.core' op failed to verify that op exists in a core
  tile``); an error mlir-aie reports on another op (the core, for a misplaced acquire) is an
  :class:`AieVerifyError` carrying that op;
* a device's geometry and tile resources are ``partitioner.device``'s (:func:`model_of`).

Sources in Xilinx/mlir-aie (re-stated on xDSL's IRDL, no code copied):
``include/aie/Dialect/AIE/IR/AIEOps.td`` @ 2741ca505321aa7cbe0bc72a566f595d3699ccb2 (ODS);
``AIEAttrs.td`` @ a3897048ec91390a61d08b72be7b16676ed759da (enums and their integers);
``AIETypes.td`` @ c446a5fa9745382484b805c81af491d0b99d5baf; ``AIEInterfaces.td`` @
03080eb8c382c26980f310c1ed61d5e46570506e (tile trait messages); ``lib/Dialect/AIE/IR/AIEDialect.cpp``,
the 2025 revision with npu2_1col..npu2_7col ("AIEDialect.cpp") and the 2026 one (logical
tiles, xcve3858; "AIEDialect.cpp (2026)") for the checks it added; ``AIETargetModel.h``;
``AIETraceOps.td`` @ 019b75a7 (the ``aie.trace`` ops). Constructs whose ODS was not available
(``aie.logical_tile``, ``aie.event``, ``aie.trace.host_config``, ``#aie.bd_iteration``, the 2026
acquire returning memrefs, 2024 spellings such as ``Ctrl``, ``zero_pad_before``, ``dims = [...]``)
follow the mlir-aie test/npu-xrt designs that write them, each cited at its definition. So do
the 2026 run-time fields of ``aie.dma_bd`` (``offset = %o len = %l sizes = [.., %n, ..]``,
``bd_id_val %b : i32``; operand names from their accessors in ``AIEDMATasksToNPU.cpp`` /
``AIELowerDynamicBDPool.cpp``) and ``aie.amsel``'s ``deterministic_merge`` schedule (PR #3537):
their generic forms are npu-tiler's best reading, not aie-opt's, until that ODS is at hand.
"""
from __future__ import annotations

import enum
from math import prod
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Self

from xdsl.dialects.builtin import (
    I8,
    I32,
    I64,
    DYNAMIC_INDEX,
    BoolAttr,
    ArrayAttr,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    IndexType,
    IntAttr,
    IntegerAttr,
    IntegerType,
    MemRefType,
    ModuleOp,
    NoneAttr,
    StringAttr,
    SymbolNameConstraint,
    SymbolRefAttr,
    TensorType,
    UnitAttr,
    i1,
    i32,
    i64,
)
from xdsl.ir import (
    Attribute,
    Block,
    Data,
    Dialect,
    OpaqueSyntaxAttribute,
    Operation,
    ParametrizedAttribute,
    Region,
    SSAValue,
    TypeAttribute,
)
from xdsl.irdl import (
    AttrSizedOperandSegments,
    IRDLOperation,
    ParsePropInAttrDict,
    irdl_attr_definition,
    irdl_op_definition,
    lazy_traits_def,
    operand_def,
    opt_operand_def,
    opt_prop_def,
    prop_def,
    region_def,
    result_def,
    successor_def,
    traits_def,
    var_operand_def,
    var_region_def,
    var_result_def,
)
from xdsl.irdl.declarative_assembly_format import (
    AttrDictDirective,
    AttributeVariable,
    CustomDirective,
    FormatProgram,
    OperandVariable,
    OptionalOperandVariable,
    ParsingState,
    PrintingState,
    RegionVariable,
    TypeDirective,
    VariadicOperandVariable,
    VariadicRegionVariable,
    irdl_custom_directive,
)
from xdsl.parser import AttrParser, Parser, UnresolvedOperand
from xdsl.printer import Printer
from xdsl.traits import (
    HasParent,
    IsolatedFromAbove,
    IsTerminator,
    NoTerminator,
    OptionalSymbolOpInterface,
    SymbolOpInterface,
    SymbolTable,
)
from xdsl.utils.exceptions import ParseError, VerifyException

from partitioner import device as device_mod
from partitioner.design import elem_bits

# Older mlir-aie (AIEAttrs.td @ 098ca51b) numbered npu1_4col = 8, npu2 = 9; the current
# numbering has no npu1_4col (npu1 *is* the 4-column NPU1), so that name is accepted in the
# custom syntax only, kept as written (an AIEDeviceAttr), and means npu1's array. ``npu``
# is mlir-aie's 2024 name of npu1 and is read as npu1.
LEGACY_DEVICES = ("npu1_4col",)
DEVICE_RENAMES = {"npu": "npu1"}


def known_devices() -> list[str]:
    """Every device name a design may give (AIEAttrs.td plus legacy spellings)."""
    return sorted({*AIEDevice.__members__, *LEGACY_DEVICES, *DEVICE_RENAMES})


# Enums (AIEAttrs.td @ a3897048): I32EnumAttr <-> keyword


class _I32EnumCase(enum.IntEnum):
    """Base of mlir-aie's ``I32EnumAttr`` enums: member names are mlir-aie's keywords,
    values its integers. Ops store the ``i32`` :attr:`attr`; read a property with :meth:`of`."""

    @classmethod
    def of(cls, attr: Attribute | str | int) -> Self:
        """The case an op property holds: an ``i32`` ``IntegerAttr`` (aie-opt's generic form),
        an ``#aie.device<..>`` / ``#aie.objectfifo_port<..>`` attribute, a keyword or an int.

        Raises ValueError for a value or keyword the enum does not have.
        """
        if isinstance(attr, cls):
            return attr
        if isinstance(attr, IntegerAttr):
            return cls(attr.value.data)
        if isinstance(attr, int):
            return cls(attr)
        if isinstance(attr, _KeywordAttr | StringAttr):
            attr = attr.data
        if isinstance(attr, str):
            word = _LEGACY_KEYWORDS.get(cls.__name__, {}).get(attr, attr)
            if word in cls.__members__:
                return cls[word]
        raise ValueError(f"{attr} is not a {cls.__name__}: one of {', '.join(cls.__members__)}")

    @property
    def attr(self) -> IntegerAttr:
        """The ``i32`` ``IntegerAttr`` mlir-aie stores for this case."""
        return IntegerAttr(int(self), i32)

    @classmethod
    def keyword_of(cls, attr: Attribute) -> str:
        """The keyword to print for a property: a legacy name as written, an unknown value as its number."""
        if isinstance(attr, _KeywordAttr):
            return attr.data
        try:
            return cls.of(attr).name
        except ValueError:
            return str(int_of(attr, attr))

    @classmethod
    def parse(cls, parser: AttrParser) -> Attribute:
        """A case keyword, bare (``MM2S``) or quoted (``"MM2S"``, older mlir-aie tests)."""
        pos = parser.pos
        word = parser.parse_optional_identifier_or_str_literal() or ""
        try:
            return cls._stored(word)
        except ValueError:
            parser.raise_error(cls._unknown(word), pos, pos + len(word or " "))

    @classmethod
    def _stored(cls, word: str) -> Attribute:
        return cls.of(word).attr

    @classmethod
    def _unknown(cls, word: str) -> str:
        return f"expected {cls.__name__}: one of {', '.join(cls.__members__)}"

    @classmethod
    def check(cls, attr: Attribute, what: str, op: Operation) -> None:
        """ODS's enum constraint: raise a verify error on ``op`` unless property ``what`` is a case."""
        try:
            cls.of(attr)
        except ValueError:
            raise op_error(op, f"attribute '{what}' failed to satisfy constraint: {cls.__name__}") from None


# The classes below restate AIEAttrs.td @ a3897048's I32EnumAttr cases (keyword = value).
class WireBundle(_I32EnumCase):
    """A stream-switch port bundle (``WireBundle``)."""

    Core = 0
    DMA = 1
    FIFO = 2
    South = 3
    West = 4
    North = 5
    East = 6
    PLIO = 7
    NOC = 8
    Trace = 9
    TileControl = 10


class CascadeDir(_I32EnumCase):
    """A cascade direction (``CascadeDir``)."""

    South = 3
    West = 4
    North = 5
    East = 6


class LockAction(_I32EnumCase):
    """What a ``aie.use_lock`` does (``LockAction``)."""

    Acquire = 0
    Release = 1
    AcquireGreaterEqual = 2


class LockBlocking(_I32EnumCase):
    """Whether a lock operation waits (``LockBlocking``)."""

    NonBlocking = 0
    Blocking = 1


class AIEDevice(_I32EnumCase):
    """An AIE device (``AIEDevice``); the legacy ``npu`` reads as ``npu1``, ``npu1_4col`` is kept as written."""

    xcvc1902 = 1
    xcve2302 = 2
    xcve2802 = 3
    npu1 = 4
    npu1_1col = 5
    npu1_2col = 6
    npu1_3col = 7
    npu2 = 8
    npu2_1col = 9
    npu2_2col = 10
    npu2_3col = 11
    npu2_4col = 12
    npu2_5col = 13
    npu2_6col = 14
    npu2_7col = 15

    @classmethod
    def _stored(cls, word: str) -> Attribute:
        # A legacy name stays as written (an AIEDeviceAttr), so it prints back the same.
        return AIEDeviceAttr(word) if word in LEGACY_DEVICES else cls.of(word).attr

    @classmethod
    def _unknown(cls, word: str) -> str:
        return f"unknown device '{word}': one of {', '.join(known_devices())}"


class ObjectFifoPort(_I32EnumCase):
    """The end of an ObjectFIFO an op works on (``ObjectFifoPort``)."""

    Produce = 0
    Consume = 1


class DMAChannelDir(_I32EnumCase):
    """A DMA channel's direction (``DMAChannelDir``): S2MM writes memory, MM2S reads it."""

    S2MM = 0
    MM2S = 1

    @classmethod
    def _unknown(cls, word: str) -> str:
        return "expected DMA channel direction 'S2MM' or 'MM2S'"


# Spellings older mlir-aie accepted, read by ``of`` as today's case (see LEGACY_DEVICES).
# ``Ctrl`` is the 2024 keyword of WireBundle case 10 (mlir-aie PR #1777's ``WireBundle::Ctrl``),
# still in mlir-aie's test/npu-xrt (add_one_ctrl_packet); read as TileControl, printed as that.
_LEGACY_KEYWORDS: dict[str, dict[str, str]] = {"AIEDevice": {**DEVICE_RENAMES, **{d: "npu1" for d in LEGACY_DEVICES}},
                                               "WireBundle": {"Ctrl": "TileControl"}}


# Attributes and types


class _KeywordAttr(Data[str]):
    """An enum value spelled ``#aie.<mnemonic><Keyword>`` (npu-tiler's generic form)."""

    ENUM: ClassVar[type[_I32EnumCase]]

    @classmethod
    def parse_parameter(cls, parser: AttrParser) -> str:
        with parser.in_angle_brackets():
            attr = cls.ENUM.parse(parser)
        return cls.ENUM.keyword_of(attr)

    def print_parameter(self, printer: Printer) -> None:
        printer.print_string(f"<{self.data}>")


# npu-tiler's emitter (partitioner/emitters/mlir.py) writes these; mlir-aie has no such
# attribute (AIEDevice and ObjectFifoPort are I32EnumAttr), so they exist to read that form.
@irdl_attr_definition
class AIEDeviceAttr(_KeywordAttr):
    """A device written ``#aie.device<npu1>`` (npu-tiler's generic form)."""

    name = "aie.device"
    ENUM = AIEDevice


@irdl_attr_definition
class ObjectFifoPortAttr(_KeywordAttr):
    """An ObjectFifo port written ``#aie.objectfifo_port<Consume>`` (npu-tiler's generic form)."""

    name = "aie.objectfifo_port"
    ENUM = ObjectFifoPort


# AIETypes.td @ c446a5fa, AIEDialect.cpp aieTypeParser: `objectfifo` `<` memref `>`.
class _MemRefWrapperType(ParametrizedAttribute, TypeAttribute):
    element_type: MemRefType
    WHAT: ClassVar[str]

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[Attribute]:
        with parser.in_angle_brackets():
            pos = parser.pos
            elem = parser.parse_type()
            if not isinstance(elem, MemRefType):
                parser.raise_error(f"element type for {cls.WHAT} must be a MemRefType, got: {elem}", pos,
                                   parser.pos)
        return (elem,)

    def print_parameters(self, printer: Printer) -> None:
        with printer.in_angle_brackets():
            printer.print_attribute(self.element_type)


@irdl_attr_definition
class ObjectFifoType(_MemRefWrapperType):
    """``!aie.objectfifo<memref<...>>``: the type of an ObjectFifo's objects."""

    name = "aie.objectfifo"
    WHAT = "an objectFifo"


@irdl_attr_definition
class ObjectFifoSubviewType(_MemRefWrapperType):
    """``!aie.objectfifosubview<memref<...>>``: what an acquire returns."""

    name = "aie.objectfifosubview"
    WHAT = "a subview"


class _StructAttr(ParametrizedAttribute):
    """An AIEAttrs.td @ a3897048 struct of integers: ``<a = 1, b = 2>`` (``struct(params)``),
    or the older positional ``<1, 2>``; ``OLD_NAMES``, the keys an older mlir-aie gave the same fields."""

    OLD_NAMES: ClassVar[tuple[str, ...]] = ()
    DEFAULTS: ClassVar[dict[str, int]] = {}  # keys that may be left out, and their value

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[IntAttr, ...]:
        # MLIR's ``struct(params)`` directive reads the ``key = value`` pairs in any order
        # (mlir-aie's tests write ``<pkt_id = 3, pkt_type = 0>``); each key once, all but DEFAULTS required.
        names = [name for name, _ in cls.get_irdl_definition().parameters]
        aliases = {old: new for new, old in zip(names, cls.OLD_NAMES)}
        with parser.in_angle_brackets():
            if (key := parser.parse_optional_keyword_in([*names, *aliases])) is None:
                values = []
                for i in range(len(names)):
                    if i:
                        parser.parse_punctuation(",")
                    values.append(IntAttr(parser.parse_integer(allow_boolean=False)))
                return tuple(values)
            keyed: dict[str, IntAttr] = {}
            while True:
                key = aliases.get(key, key)
                parser.parse_punctuation("=")
                keyed[key] = IntAttr(parser.parse_integer(allow_boolean=False))
                if len(keyed) == len(names):
                    break
                left = [n for n in names if n not in keyed]
                if set(left) <= set(cls.DEFAULTS) and parser.parse_optional_punctuation(",") is None:
                    keyed |= {n: IntAttr(cls.DEFAULTS[n]) for n in left}
                    break
                if not set(left) <= set(cls.DEFAULTS):
                    parser.parse_punctuation(",")
                pos = parser.pos
                if (key := parser.parse_optional_keyword_in([*left, *(a for a, n in aliases.items()
                                                                         if n in left)])) is None:
                    parser.raise_error(f"expected {' or '.join(left)}", pos)
        return tuple(keyed[n] for n in names)

    def print_parameters(self, printer: Printer) -> None:
        names = [name for name, _ in self.get_irdl_definition().parameters]
        printer.print_string("<" + ", ".join(f"{n} = {v.data}" for n, v in zip(names, self.parameters)) + ">")


@irdl_attr_definition
class BDDimLayoutAttr(_StructAttr):
    """One dimension of a BD access pattern: ``<size = 16, stride = 1>`` (uint32 each)."""

    name = "aie.bd_dim_layout"
    size: IntAttr
    stride: IntAttr


@irdl_attr_definition
class BDPadLayoutAttr(_StructAttr):
    """Zero padding of one BD dimension: ``<const_pad_before = 0, const_pad_after = 2>`` (uint16 each)."""

    name = "aie.bd_pad_layout"
    # 2024's keys (mlir-aie test/npu-xrt/add_12_i8_using_2d_dma_op_with_padding @ 5aff09e9), read as today's.
    OLD_NAMES: ClassVar[tuple[str, ...]] = ("zero_pad_before", "zero_pad_after")
    const_pad_before: IntAttr
    const_pad_after: IntAttr


@irdl_attr_definition
class PacketInfoAttr(_StructAttr):
    """A packet header: ``#aie.packet_info<pkt_type = 0, pkt_id = 1>`` (uint16 each)."""

    name = "aie.packet_info"
    # ``<pkt_id = 0>`` alone (mlir-aie test/npu-xrt/deadlock_model_head_of_line, 2026): type 0.
    DEFAULTS: ClassVar[dict[str, int]] = {"pkt_type": 0}
    pkt_type: IntAttr
    pkt_id: IntAttr


# 2026: a BD's iteration dimension (mlir-aie test/npu-xrt/bd_iteration_dma_task: the base address
# advances by ``stride`` elements each of ``size`` runs, starting at run ``current``). Its AttrDef
# was not available; the parameter order is the design's. An aie.dma_bd keeps it as the ``iteration``
# attribute (a property this dialect does not define).
@irdl_attr_definition
class BDIterationAttr(_StructAttr):
    """``#aie.bd_iteration<size = 4, stride = 1024, current = 2>``: a BD's iteration wrap, step and start."""

    name = "aie.bd_iteration"
    size: IntAttr
    stride: IntAttr
    current: IntAttr


class _LayoutArray(ParametrizedAttribute, OpaqueSyntaxAttribute):
    """An ``ArrayOfAttr``: ``[<...>, ...]`` in the custom syntax, ``#aie<mnemonic[...]>`` generic."""

    value: ArrayAttr
    ELEMENT: ClassVar[type[ParametrizedAttribute]]

    @classmethod
    def parse_elements(cls, parser: AttrParser) -> ArrayAttr:
        return ArrayAttr(parser.parse_comma_separated_list(parser.Delimiter.SQUARE, lambda: cls._element(parser)))

    @classmethod
    def _element(cls, parser: AttrParser) -> Attribute:
        return cls.ELEMENT.new(cls.ELEMENT.parse_parameters(parser))

    @classmethod
    def parse_optional(cls, parser: AttrParser) -> Self | None:
        """``[<...>, ...]`` if the next token opens a list, else None (nothing consumed)."""
        elements = parser.parse_optional_comma_separated_list(parser.Delimiter.SQUARE, lambda: cls._element(parser))
        return None if elements is None else cls(ArrayAttr(elements))

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[ArrayAttr]:
        return (cls.parse_elements(parser),)

    @classmethod
    def get(cls, elements: Iterable[Attribute] = ()) -> Self:
        """The attribute of ``elements``, in order."""
        return cls(ArrayAttr(tuple(elements)))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("[")
        printer.print_list(self.value.data, lambda e: e.print_parameters(printer))
        printer.print_string("]")

    def __iter__(self) -> Iterator[Attribute]:
        return iter(self.value.data)

    def __len__(self) -> int:
        return len(self.value.data)


@irdl_attr_definition
class BDDimLayoutArrayAttr(_LayoutArray):
    """A BD access pattern, outermost dimension first: ``[<size = 8, stride = 16>, ...]``."""

    name = "aie.bd_dim_layout_array"
    ELEMENT = BDDimLayoutAttr


@irdl_attr_definition
class BDPadLayoutArrayAttr(_LayoutArray):
    """Per-dimension padding of a BD: ``[<const_pad_before = 0, const_pad_after = 1>, ...]``."""

    name = "aie.bd_pad_layout_array"
    ELEMENT = BDPadLayoutAttr


@irdl_attr_definition
class BDDimLayoutArrayArrayAttr(_LayoutArray):
    """One access pattern per ObjectFifo consumer, in consumer order: ``[[<...>], []]``."""

    name = "aie.bd_dim_layout_array_array"
    ELEMENT = BDDimLayoutArrayAttr

    @classmethod
    def _element(cls, parser: AttrParser) -> Attribute:
        return BDDimLayoutArrayAttr(BDDimLayoutArrayAttr.parse_elements(parser))


# Errors, lookups and parse/print helpers shared by the ops


class AieVerifyError(VerifyException):
    """A verifier failure; ``op`` is where mlir-aie reports it when not the verified op."""

    def __init__(self, message: str, op: Operation | None = None):
        super().__init__(message)
        self.op = op


def op_error(op: Operation, message: str, at: Operation | None = None) -> AieVerifyError:
    """mlir-aie's ``emitOpError``: ``'aie.x' op <message>`` (reported at ``at`` if given)."""
    where = at or op
    return AieVerifyError(f"'{where.name}' op {message}", at)


def _error(message: str, at: Operation | None = None) -> AieVerifyError:
    """mlir-aie's ``emitError``: the message alone."""
    return AieVerifyError(message, at)


def _ancestors(op: Operation) -> Iterator[Operation]:
    p = op.parent_op()
    while p is not None:
        yield p
        p = p.parent_op()


def _enclosing(op: Operation, *types: type[Operation]) -> Operation | None:
    """The nearest ancestor of ``op`` that is one of ``types``."""
    return next((p for p in _ancestors(op) if isinstance(p, types)), None)


def device_of(op: Operation) -> DeviceOp | None:
    """The ``aie.device`` enclosing ``op`` (or ``op`` itself), if any."""
    return op if isinstance(op, DeviceOp) else _enclosing(op, DeviceOp)


def model_of(op: Operation) -> device_mod.Device:
    """The device model of the enclosing ``aie.device``; outside one, mlir-aie's
    backward-compatible default, the VCK190's xcvc1902 (AIEDialect.cpp getTargetModel)."""
    dev = device_of(op)
    name = dev.device_name if dev is not None else "xcvc1902"
    return device_mod.model(_LEGACY_KEYWORDS["AIEDevice"].get(name, name) if name in known_devices() else "xcvc1902")


def tile_of(value: SSAValue) -> TileOp | None:
    """The ``aie.tile`` that defines ``value``, if that is what defines it."""
    owner = value.owner
    return owner if isinstance(owner, TileOp) else None


def lookup_objectfifo(op: Operation, name: SymbolRefAttr | StringAttr | str) -> ObjectFifoCreateOp | None:
    """The ``aie.objectfifo`` named ``name`` in the nearest symbol table above ``op``."""
    for anchor in _ancestors(op):
        if anchor.has_trait(SymbolTable):
            found = SymbolTable.lookup_symbol(anchor, name)
            if isinstance(found, ObjectFifoCreateOp):
                return found
    return None


def parse_attr_dict(parser: Parser, cls: type[IRDLOperation], props: dict[str, Attribute]) -> dict[str, Attribute]:
    """An optional attr-dict: entries naming a property of ``cls`` go into ``props``, the rest
    (discardable attributes) are returned.

    mlir-aie ops keep their ODS arguments as properties, which the custom syntax prints in
    the attribute dictionary (``{link_with = "k.o", stack_size = 1024 : i32}``); one the
    syntax already gave (in ``props``) is an error.
    """
    pos = parser.pos
    entries = parser.parse_optional_attr_dict()
    if clash := sorted(set(entries) & set(props)):
        parser.raise_error(f"attribute '{clash[0]}' is already given by the custom syntax", pos, parser.pos)
    names = cls.get_irdl_definition().properties
    props.update((k, v) for k, v in entries.items() if k in names)
    return {k: v for k, v in entries.items() if k not in names}


def print_attr_dict(printer: Printer, op: Operation, elide: Iterable[str] = ()) -> bool:
    """`` {k = v, ...}`` as MLIR prints an op's attr-dict: the properties the syntax does not
    show elsewhere (``elide``) and the attributes, sorted by name, a property equal to its
    declared default (aiex ops) and ``operandSegmentSizes`` left out. The aie ops declare no
    defaults: a property written out stays in, one left out stays out (nothing is filled
    in), so printing and parsing again gives the same IR. Returns whether it printed."""
    defs = op.get_irdl_definition().properties if isinstance(op, IRDLOperation) else {}
    skip = {*elide, "operandSegmentSizes"}
    entries = {k: v for k, v in sorted({**op.properties, **op.attributes}.items())
               if k not in skip and (k not in defs or defs[k].default_value != v)}
    if entries:
        printer.print_string(" ")
        printer.print_attr_dict(entries)
    return bool(entries)


def _parse_int(parser: AttrParser) -> int:
    return parser.parse_integer(allow_boolean=False)


def _i32(value: int) -> IntegerAttr:
    return IntegerAttr(value, i32)


def int_of(attr: Attribute | None, default: int | None = None) -> int | None:
    """The integer an ``IntegerAttr`` or ``IntAttr`` holds; ``default`` for anything else."""
    if isinstance(attr, IntegerAttr):
        return attr.value.data
    return attr.data if isinstance(attr, IntAttr) else default


def element_bits(memref: Attribute) -> int | None:
    """The bit width of a memref's element type, None when it has none.

    Builtin types by :func:`partitioner.design.elem_bits` (index: 64); a dialect type (a block
    float ``!aiex.bfp``) by its own ``bitwidth``."""
    elem = getattr(memref, "element_type", None)
    if elem is None:
        return None
    bits = elem_bits(str(elem))
    bits = getattr(elem, "bitwidth", None) if bits is None else bits
    return bits if isinstance(bits, int) else None


def parse_packet_info(parser: Parser) -> PacketInfoAttr:
    """``#aie.packet_info<pkt_type = 0, pkt_id = 1>`` or its stripped form ``<...>``."""
    pos = parser.pos
    attr = parser.parse_optional_attribute()
    if attr is None:
        return PacketInfoAttr.new(PacketInfoAttr.parse_parameters(parser))
    if not isinstance(attr, PacketInfoAttr):
        parser.raise_error(f"expected #aie.packet_info<...>, got {attr}", pos, parser.pos)
    return attr


def _print_int_list(printer: Printer, attrs: Iterable[IntegerAttr]) -> None:
    """``[0, 20]``: each integer as MLIR prints it, bare when i64, else ``N : iW``."""
    printer.print_string("[")
    printer.print_list(attrs, lambda a: printer.print_string(str(a.value.data)) if a.type == i64
                       else printer.print_attribute(a))
    printer.print_string("]")


def _parse_dense(parser: Parser, t: MemRefType) -> DenseIntOrFPElementsAttr:
    """``dense<...>`` typed by ``t``'s shape (the custom syntax leaves the type out)."""
    parser.parse_keyword("dense")
    tensor = TensorType(t.element_type, t.get_shape())
    start = parser.pos
    try:
        attr = parser.parse_dense_int_or_fp_elements_attr(tensor)
    except ParseError:
        # MLIR's words for a literal of another shape (mlir/lib/AsmParser/AttributeParser.cpp, as
        # init_values/init_values_bad.mlir expects them); any other error stays xDSL's.
        shape, want = _literal_shape(parser, start), list(t.get_shape())
        if shape and shape != want:
            parser.raise_error(f"inferred shape of elements literal ({shape}) does not match type ({want})", start)
        raise
    if parser.parse_optional_punctuation(":") is not None:
        # mlir-aie's tests spell it out, as the tensor or as the memref itself.
        pos = parser.pos
        given = parser.parse_type()
        if given != tensor and given != t:
            parser.raise_error(f"initial value should have type {tensor}", pos, parser.pos)
    return attr


def _literal_shape(parser: Parser, start: int) -> list[int] | None:
    """The shape a ``<...>`` tensor literal at ``start`` writes ([] for a splat; None if it does not read)."""
    parser._resume_from(start)
    try:
        parser.parse_punctuation("<")
        return list(parser._parse_tensor_literal()[1])
    except ParseError:
        return None


def _check_in_device(op: Operation) -> None:
    """HasParent<"DeviceOp">, in MLIR's words."""
    if not isinstance(op.parent_op(), DeviceOp):
        raise op_error(op, "expects parent op 'aie.device'")


def _check_tile_kind(op: Operation, tile: SSAValue, allowed: tuple[str, ...], what: str,
                     noc: bool = False) -> None:
    """AIEInterfaces.td @ 03080eb8 IsCoreTile / IsMemTile / IsTileWithMemory / IsShimNOCTile:
    ``failed to verify that op exists in <what>``."""
    t = tile_of(tile)
    if t is None:
        return
    model = model_of(op)
    if not model.contains(t.coords):
        return  # the tile's own verifier reports it
    ok = model.kind_of(t.coords) in allowed and (not noc or model.is_shim_noc(t.coords))
    if not ok:
        raise op_error(op, f"failed to verify that op exists in {what}")


def _check_min(op: Operation, *names: str, minimum: int = 0) -> None:
    """ODS ``ConfinedAttr<I32Attr, [IntMinValue<minimum>]>`` on each property in ``names``."""
    for what in names:
        if (value := int_of(op.properties.get(what))) is not None and value < minimum:
            raise op_error(op, f"attribute '{what}' failed to satisfy constraint: 32-bit signless integer "
                               f"attribute whose minimum value is {minimum}")


PACKET_TYPE_MAX = (1 << 3) - 1  # a packet header's type field: 3 bits
PACKET_ID_MAX = (1 << 5) - 1  # its ID field: 5 bits


def check_packet(op: Operation, packet: Attribute | None) -> None:
    """A packet header's fields fit their bits: type 3, ID 5 (AIEDialect.cpp DMABDOp::verify,
    AIEXDialect.cpp NpuDmaMemcpyNdOp::verify)."""
    if int_of(getattr(packet, "pkt_type", None), 0) > PACKET_TYPE_MAX:
        raise op_error(op, "Packet type field can only hold 3 bits.")
    if int_of(getattr(packet, "pkt_id", None), 0) > PACKET_ID_MAX:
        raise op_error(op, "Packet ID field can only hold 5 bits.")


def _core_of(op: Operation) -> CoreOp:
    """The ``aie.core`` ``op`` is in (AIEDialect.cpp: "must be called from inside a CoreOp")."""
    if (core := _enclosing(op, CoreOp)) is None:
        raise op_error(op, "must be called from inside a CoreOp")
    return core


def _fifo_of(op: Operation) -> ObjectFifoCreateOp:
    """The ``aie.objectfifo`` ``op``'s ``objFifo_name`` names (AIEDialect.cpp getObjectFifo)."""
    if (fifo := lookup_objectfifo(op, op.objFifo_name)) is None:
        raise _error("cannot retrieve associated object FIFO")
    return fifo


# ----------------------------------------------------------------------------------------
# Declared syntax: ops state mlir-aie's ``assemblyFormat`` (AIEOps.td, AIEX.td) with the few
# custom directives below, registered by :func:`custom_directive` and usable from any declared op
# as ``custom<Name>(...)``; :func:`declared` defines such an op.
# ----------------------------------------------------------------------------------------

_DIRECTIVES: dict[str, type[CustomDirective]] = {}


def custom_directive(cls: type[CustomDirective]) -> type[CustomDirective]:
    """``irdl_custom_directive``, and make the directive available to every declared op."""
    cls = irdl_custom_directive(cls)
    _DIRECTIVES[cls.__name__] = cls
    return cls


class _SortedAttrDict(AttrDictDirective):
    """``attr-dict`` as :func:`parse_attr_dict` reads it and :func:`print_attr_dict` prints
    it: sorted by name, default values left out, as MLIR prints its DictionaryAttr (xDSL's
    keeps insertion order, so an op built in code, the emitter's, would print differently
    from the same op parsed)."""

    def parse(self, parser: Parser, state: ParsingState) -> None:
        # Any property may be written here, also one the format has a place for (mlir-aie's
        # tests write {initValues = [...]}), as the custom parsers allowed.
        state.attributes |= parse_attr_dict(parser, state.op_type, state.properties)

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        shown_elsewhere = (set(op.properties) - self.expected_properties) | self.reserved_attr_names
        if print_attr_dict(printer, op, shown_elsewhere):
            state.last_was_punctuation, state.should_emit_space = False, True


def declared(cls: type[IRDLOperation] | None = None, *, sort_properties: bool = False):
    """``irdl_op_definition`` for an op with an ``assembly_format``: the shared custom
    directives available, properties not in the format read from the attr-dict (as MLIR
    does), and the attr-dict printed sorted (:class:`_SortedAttrDict`).

    Parameters
    ----------
    cls : type[IRDLOperation], optional
        The op class (``@declared``); without it, a decorator (``@declared(sort_properties=True)``).
    sort_properties : bool
        A parsed op keeps its properties in name order, so its generic form lists them as
        MLIR's DictionaryAttr does (the aiex ops were written that way).

    Returns
    -------
    type[IRDLOperation]
        The op definition, its ``parse`` and ``print`` those of the format.
    """
    if cls is None:
        return lambda c: declared(c, sort_properties=sort_properties)
    cls.custom_directives = tuple(_DIRECTIVES.values())
    if not any(isinstance(o, ParsePropInAttrDict) for o in getattr(cls, "irdl_options", ())):
        cls.irdl_options = (*getattr(cls, "irdl_options", ()), ParsePropInAttrDict())
    cls = irdl_op_definition(cls)
    program = FormatProgram.from_str(cls.assembly_format, cls.get_irdl_definition())
    program = FormatProgram(tuple(_SortedAttrDict(s.with_keyword, s.reserved_attr_names, s.expected_properties)
                                  if isinstance(s, AttrDictDirective) else s for s in program.stmts))

    def parse(c: type[IRDLOperation], parser: Parser) -> IRDLOperation:
        op = program.parse(parser, c)
        if sort_properties:
            op.properties = dict(sorted(op.properties.items()))
        return op

    cls.parse = classmethod(parse)
    cls.print = lambda op, printer: program.print(printer, op)
    return cls


def _enum_directive(enum_cls: type[_I32EnumCase]) -> None:
    """``custom<WireBundle>($prop)`` (one per enum): the case keyword of an ``i32`` property."""

    class _Enum(CustomDirective):
        value: AttributeVariable

        def parse(self, parser: Parser, state: ParsingState) -> None:
            self.value.set(state, enum_cls.parse(parser))

        def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
            state.print_whitespace(printer)
            printer.print_string(enum_cls.keyword_of(self.value.get(op)))

    _Enum.__name__ = _Enum.__qualname__ = enum_cls.__name__
    custom_directive(_Enum)


for _e in (WireBundle, CascadeDir, LockAction, LockBlocking, AIEDevice, ObjectFifoPort, DMAChannelDir):
    _enum_directive(_e)


@custom_directive
class Port(CustomDirective):
    """``custom<Port>($bundle, $channel)``: a stream-switch port, ``DMA : 0`` (``"DMA" : 0`` in older tests)."""

    bundle: AttributeVariable
    channel: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        self.bundle.set(state, WireBundle.parse(parser))
        parser.parse_punctuation(":")
        self.channel.set(state, _i32(_parse_int(parser)))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_string(f"{WireBundle.keyword_of(self.bundle.get(op))} : {self.channel.get(op).value.data}")


@custom_directive
class EndRegion(CustomDirective):
    """``custom<EndRegion>($body)``: a SingleBlockImplicitTerminator<"EndOp"> region, its
    ``aie.end`` left out of the text and added back when parsed (as MLIR does)."""

    body: RegionVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        region = parser.parse_region()
        ensure_end(region)
        self.body.set(state, region)

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_region(self.body.get(op), print_empty_block=False, print_block_terminators=False)


@custom_directive
class RegionList(CustomDirective):
    """``custom<RegionList>($regions)``: ``[{...}, {...}]`` (aie.dma's BDs)."""

    regions: VariadicRegionVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        self.regions.set(state, parser.parse_comma_separated_list(parser.Delimiter.SQUARE, parser.parse_region))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_string("[")
        printer.print_list(self.regions.get(op), printer.print_region)
        printer.print_string("]")


@custom_directive
class BufferInitialValue(CustomDirective):
    """``custom<BufferInitialValue>($initial_value)`` after ``type($buffer)``: an optional
    `` = dense<...>`` typed by the buffer (AIEDialect.cpp parseBufferInitialValue)."""

    value: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser.parse_optional_punctuation("=") is not None:
            self.value.set(state, _parse_dense(parser, state.result_types[0][0]))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if (value := self.value.get(op)) is not None:
            printer.print_string(" = ")
            value.print_without_type(printer)


@custom_directive
class LockValue(CustomDirective):
    """``custom<LockValue>($value, $value_operand, type($value_operand), $blocking)``: the
    optional tail of aie.use_lock, `` , 1`` (2025), `` , %v`` (2026) and `` , Blocking``."""

    value: AttributeVariable
    operand: OptionalOperandVariable
    operand_type: TypeDirective
    blocking: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        given = False
        while parser.parse_optional_punctuation(",") is not None:
            if not given and (v := parser.parse_optional_integer(allow_boolean=False)) is not None:
                self.value.set(state, _i32(v))
            elif not given and (operand := parser.parse_optional_unresolved_operand()) is not None:
                self.operand.set(state, operand)
                self.operand_type.set(state, [i32])
            else:
                self.blocking.set(state, LockBlocking.parse(parser))
            given = True
        if state.operands[self.operand.index] is None:
            self.operand.set(state, None)
            self.operand_type.set(state, [])

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if (value := self.value.get(op)) is not None:
            printer.print_string(f", {value.value.data}")
        elif (operand := self.operand.get(op)) is not None:
            printer.print_string(", ")
            printer.print_operand(operand)
        if (blocking := self.blocking.get(op)) is not None:
            printer.print_string(f", {LockBlocking.keyword_of(blocking)}")


#: The discardable attribute npu-tiler gives an ``aie.objectfifo.link`` written ``()``, mlir-aie's
#: link before it had offsets (:attr:`ObjectFifoLinkOp.pre_offsets`).
PRE_OFFSETS_ATTR = "npu_tiler.link_without_offsets"


@custom_directive
class LinkOffsets(CustomDirective):
    """``custom<LinkOffsets>($src_offsets, $dst_offsets)``: ``[0, 20] []`` (I64ArrayAttrs,
    bare integers i64), or ``()``'s empty inside as aiecc build outputs print it."""

    src: AttributeVariable
    dst: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser._current_token.text == ")":  # `()`: both empty, the link of before the offsets
            self.src.set(state, ArrayAttr([]))
            self.dst.set(state, ArrayAttr([]))
            state.attributes[PRE_OFFSETS_ATTR] = UnitAttr()  # ObjectFifoLinkOp.pre_offsets
            return
        for var in (self.src, self.dst):
            pos = parser.pos
            attr = parser.parse_attribute()
            if not isinstance(attr, ArrayAttr) or not all(isinstance(a, IntegerAttr) for a in attr.data):
                parser.raise_error("expected a list of integer offsets like [0, 20]", pos, parser.pos)
            var.set(state, attr)

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if PRE_OFFSETS_ATTR in op.attributes:
            return  # `()`, as written (the marker follows in the attr-dict)
        _print_int_list(printer, self.src.get(op).data)
        printer.print_string(" ")
        _print_int_list(printer, self.dst.get(op).data)


@custom_directive
class AccessPort(CustomDirective):
    """``custom<AccessPort>($port, $size)``: an objectfifo acquire's ``(Consume, 2)``, or the
    2026 ``(Consume)`` that counts its results (mlir-aie's test/objectFifo-stateful-transform
    dynamic_lowering/peel_revert.mlir @ 67b9fc63: ``%a, %b, %c = aie.objectfifo.acquire
    @fifo(Consume) : memref<8xi8>, memref<8xi8>, memref<8xi8>``; AIEDialect.cpp 2026
    ObjectFifoAcquireOp::verify counts ``getObjects()``)."""

    port: AttributeVariable
    size: AttributeVariable
    COUNT_IN_BRACKETS: ClassVar[bool] = False

    def parse(self, parser: Parser, state: ParsingState) -> None:
        parser.parse_punctuation("(")
        self.port.set(state, ObjectFifoPort.parse(parser))
        counted = parser.parse_optional_punctuation(",") is not None
        if counted:
            self.size.set(state, _i32(_parse_int(parser)))
        parser.parse_punctuation(")")
        if self.COUNT_IN_BRACKETS and not counted and parser.parse_optional_punctuation("[") is not None:
            self.size.set(state, _i32(_parse_int(parser)))
            parser.parse_punctuation("]")

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        size = self.size.get(op)
        printer.print_string(f"({ObjectFifoPort.keyword_of(self.port.get(op))}"
                             + (f", {size.value.data})" if size is not None else ")"))


@custom_directive
class ReleasePort(AccessPort):
    """``custom<ReleasePort>($port, $size)``: an objectfifo release's ``(Consume, 1)``, or the
    2026 ``(Consume) [1]`` (mlir-aie's test/objectFifo-stateful-transform
    data_movement_patterns/link/link_on_core_tile.mlir @ 2b2e049c); printed as ``(Consume, 1)``."""

    port: AttributeVariable  # irdl_custom_directive reads this class's own annotations only
    size: AttributeVariable
    COUNT_IN_BRACKETS: ClassVar[bool] = True


@custom_directive
class ProducerTile(CustomDirective):
    """``custom<ProducerTile>($producerTile, $dimensionsToStream)``: ``%tile`` with an optional
    `` dimensionsToStream [<size = .., stride = ..>, ...]`` (AIEDialect.cpp parseObjectFifoProducerTile)."""

    tile: OperandVariable
    dims: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        self.tile.set(state, parser.parse_unresolved_operand())
        if parser.parse_optional_keyword("dimensionsToStream") is not None:
            self.dims.set(state, BDDimLayoutArrayAttr(BDDimLayoutArrayAttr.parse_elements(parser)))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_operand(self.tile.get(op))
        _print_dims(printer, " dimensionsToStream ", self.dims.get(op))


@custom_directive
class ConsumerTiles(CustomDirective):
    """``custom<ConsumerTiles>($consumerTiles, $dimensionsFromStreamPerConsumer)``: ``%a, %b
    dimensionsFromStream [...]`` (AIEDialect.cpp parseObjectFifoConsumerTiles)."""

    tiles: VariadicOperandVariable
    dims: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        tiles, dims = [], []

        def consumer() -> None:
            tiles.append(parser.parse_unresolved_operand())
            dims.append(BDDimLayoutArrayAttr(BDDimLayoutArrayAttr.parse_elements(parser))
                        if parser.parse_optional_keyword("dimensionsFromStream") is not None
                        else BDDimLayoutArrayAttr.get())

        parser.parse_comma_separated_list(parser.Delimiter.NONE, consumer, " in consumer tile list")
        self.tiles.set(state, tiles)
        self.dims.set(state, BDDimLayoutArrayArrayAttr.get(dims))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        per_consumer = list(self.dims.get(op) or ())
        for i, c in enumerate(self.tiles.get(op)):
            printer.print_string(", " if i else "")
            printer.print_operand(c)
            _print_dims(printer, " dimensionsFromStream ", per_consumer[i] if i < len(per_consumer) else None)


@custom_directive
class Depth(CustomDirective):
    """``custom<Depth>($elemNumber)``: ``2 : i32``, ``2``, ``[2, 2]`` or ``[2 : i32, 2 : i32]``
    (AIE_ObjectFifo_Depth)."""

    depth: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        per_end = parser.parse_optional_comma_separated_list(parser.Delimiter.SQUARE, parser.parse_attribute)
        if per_end is not None:
            self.depth.set(state, ArrayAttr(per_end))
            return
        value = parser.parse_integer(allow_boolean=False)
        if parser.parse_optional_punctuation(":") is not None:
            parser.parse_type()
        self.depth.set(state, _i32(value))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        if isinstance(depth := self.depth.get(op), ArrayAttr):
            _print_int_list(printer, depth.data)
        else:
            printer.print_attribute(depth)


@custom_directive
class ObjectFifoTail(CustomDirective):
    """``custom<ObjectFifoTail>($consumerElemType, $initValues)`` after the element type:
    `` -> !aie.objectfifo<..>`` (2026, asymmetric) and `` = [dense<..>, ...]``, one initial
    value per object (AIEDialect.cpp parseObjectFifoInitValues)."""

    consumer_type: AttributeVariable
    init: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser.parse_optional_punctuation("->") is not None:
            pos = parser.pos
            if not isinstance(t := parser.parse_type(), ObjectFifoType):
                parser.raise_error("consumer element type must be an !aie.objectfifo<memref<...>> type", pos,
                                   parser.pos)
            self.consumer_type.set(state, t)
        if parser.parse_optional_punctuation("=") is not None:
            pos, memref = parser.pos, state.properties["elemType"].element_type
            # Any attribute is read, then the count and each value's kind are checked, in that order
            # (AIEDialect.cpp parseObjectFifoInitValues): `= [[0, 1]]` is one value, not an elements attribute.
            values = parser.parse_comma_separated_list(
                parser.Delimiter.SQUARE,
                lambda: _parse_dense(parser, memref) if parser._current_token.text == "dense" else parser.parse_attribute())
            if len(values) != _depths(state.properties["elemNumber"])[0]:
                parser.raise_error("initial values should initialize all objects", pos)
            if not all(isinstance(v, DenseIntOrFPElementsAttr) for v in values):
                # A custom parser's error: MLIR prefixes "custom op '<name>'" (init_values_bad3.mlir @ ae6577cb).
                parser.raise_error("custom op 'aie.objectfifo' initial value should be an elements attribute", pos)
            self.init.set(state, ArrayAttr(values))
        # aie-opt's generic form has both access patterns, empty when not written: last, as before.
        props = state.properties
        props["dimensionsToStream"] = props.pop("dimensionsToStream", None) or BDDimLayoutArrayAttr.get()
        props["dimensionsFromStreamPerConsumer"] = props.pop("dimensionsFromStreamPerConsumer")

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if (t := self.consumer_type.get(op)) is not None:
            printer.print_string(" -> ")
            printer.print_attribute(t)
        if (values := self.init.get(op)) is not None:
            printer.print_string(" = [")
            printer.print_list(values.data, lambda v: v.print_without_type(printer))
            printer.print_string("]")


@custom_directive
class BDFields(CustomDirective):
    """``custom<BDFields>($offset, $len, $dimensions, $pad_dimensions, $pad_value)``: aie.dma_bd's
    ``, offset, len, [dims], [pads], pad_value = v`` after the buffer (AIEDialect.cpp DMABDOp::parse),
    or the 2026 keywords (:func:`_parse_bd_keywords`)."""

    offset: AttributeVariable
    length: AttributeVariable
    dims: AttributeVariable
    pads: AttributeVariable
    pad_value: AttributeVariable
    dyn_offset: OptionalOperandVariable
    dyn_len: OptionalOperandVariable
    dyn_sizes: VariadicOperandVariable
    dyn_strides: VariadicOperandVariable
    static_sizes: AttributeVariable
    static_strides: AttributeVariable
    # The operands' types are not written: each SSA value keeps the type it was defined with.
    offset_type: TypeDirective
    len_type: TypeDirective
    sizes_types: TypeDirective
    strides_types: TypeDirective

    def parse(self, parser: Parser, state: ParsingState) -> None:
        props = state.properties
        for v in (self.dyn_offset, self.dyn_len):
            v.set(state, None)
            v.set_types(state, ())
        for v in (self.dyn_sizes, self.dyn_strides):
            v.set(state, ())
            v.set_types(state, ())
        fields = iter((self.offset, self.length))
        while parser.parse_optional_punctuation(",") is not None:
            if parser.parse_optional_keyword("pad_value") is not None:
                parser.parse_punctuation("=")
                self.pad_value.set(state, _i32(_parse_int(parser)))
            elif "dimensions" not in props and parser.parse_optional_keyword("dims") is not None:
                # 2024's spelling, `dims = [<size = .., stride = ..>, ...]` (mlir-aie test/npu-xrt/
                # matrix_multiplication_using_cascade/aie_plainx1.mlir @ 8ba1ac7f).
                parser.parse_punctuation("=")
                self.dims.set(state, BDDimLayoutArrayAttr(BDDimLayoutArrayAttr.parse_elements(parser)))
            elif "dimensions" not in props and (dims := BDDimLayoutArrayAttr.parse_optional(parser)):
                self.dims.set(state, dims)
            elif "dimensions" in props and (pads := BDPadLayoutArrayAttr.parse_optional(parser)):
                self.pads.set(state, pads)
            else:
                pos = parser.pos
                if (field := next(fields, None)) is None:
                    parser.raise_error("unexpected operand in aie.dma_bd", pos)
                field.set(state, _i32(_parse_int(parser)))
        _parse_bd_keywords(parser, state, self)

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if op.is_dynamic:
            _print_bd_keywords(printer, op)
            return
        offset, length = self.offset.get(op), self.length.get(op)
        if length is not None or offset is not None:
            printer.print_string(f", {int_of(offset, 0)}")
        if length is not None:
            printer.print_string(f", {length.value.data}")
        for layout in (self.dims.get(op), self.pads.get(op)):
            if layout is not None:
                printer.print_string(", ")
                layout.print_parameters(printer)
        if (pad := self.pad_value.get(op)) is not None:
            printer.print_string(f", pad_value = {pad.value.data}")


def _print_dims(printer: Printer, keyword: str, dims: BDDimLayoutArrayAttr | None) -> None:
    if dims is not None and len(dims):
        printer.print_string(keyword)
        dims.print_parameters(printer)


# Ops: device, tile, end


#: The name of an ``aie.device`` written without one: AIEOps.td @ 2741ca50 AIE_DeviceOp declares
#: ``DefaultValuedAttr<SymbolNameAttr, "\"main\"">:$sym_name``, and AIEDialect.cpp
#: DeviceOp::getForSymbolInModule looks up "main" when no name is given.
DEFAULT_DEVICE_NAME = "main"


# AIEOps.td @ 2741ca50 AIE_DeviceOp; AIEDialect.cpp (2026) DeviceOp::verify.
@declared
class DeviceOp(IRDLOperation):
    """``aie.device(npu1) { ... }``: a design for one AIE device."""

    name = "aie.device"
    device = prop_def(IntegerAttr[I32] | AIEDeviceAttr)
    sym_name = opt_prop_def(SymbolNameConstraint())
    body = region_def()
    traits = traits_def(SymbolTable(), IsolatedFromAbove(), NoTerminator(), OptionalSymbolOpInterface(),
                        HasParent(ModuleOp))

    @property
    def device_name(self) -> str:
        """The device's mlir-aie name (``npu1``) whichever form the property has (legacy names as written)."""
        return AIEDevice.keyword_of(self.device)

    @property
    def model(self) -> device_mod.Device:
        """The device's array and tile resources (``partitioner.device.model``)."""
        return model_of(self)

    @property
    def symbol(self) -> str:
        """The symbol other ops name the device by: its ``sym_name``, else :data:`DEFAULT_DEVICE_NAME`
        (``aiex.configure @main`` loads an unnamed device, as mlir-aie's
        test/npu-xrt/ctrl_packet_reconfig_4x1_cores/aie2.mlir @ d16a7892 does)."""
        return self.sym_name.data if self.sym_name is not None else DEFAULT_DEVICE_NAME

    assembly_format = "`(` custom<AIEDevice>($device) `)` ($sym_name^)? custom<EndRegion>($body) attr-dict"

    def verify_(self) -> None:
        name = self.device_name
        if name not in known_devices():
            raise op_error(self, f"attribute 'device' failed to satisfy constraint: AIE Device (got {name})")
        # AIEDialect.cpp (2026) DeviceOp::verify: at most one core per compute tile.
        seen: dict[tuple[int, int], CoreOp] = {}
        for op in self.body.ops:
            if isinstance(op, CoreOp) and (t := tile_of(op.tile)) is not None:
                if t.coords in seen:
                    col, row = t.coords
                    raise op_error(op, f"tile ({col}, {row}) already has a core; each compute tile can host "
                                        "only one core", at=op)
                seen[t.coords] = op


def ensure_end(region: Region) -> None:
    """SingleBlockImplicitTerminator<"EndOp">: the custom syntax leaves ``aie.end`` out;
    add it as MLIR does, so the generic form matches aie-opt's."""
    if not region.blocks:
        region.add_block(Block())
    block = region.blocks[-1]
    if not isinstance(block.last_op, EndOp):
        block.add_op(EndOp())


# AIEOps.td @ 2741ca50 AIE_TileOp: `(` $col `,` $row `)` attr-dict; result index.
@declared
class TileOp(IRDLOperation):
    """``%t = aie.tile(col, row)``: one tile of the array."""

    name = "aie.tile"
    col = prop_def(IntegerAttr[I32])
    row = prop_def(IntegerAttr[I32])
    allocation_scheme = opt_prop_def(StringAttr)
    result = result_def(IndexType)
    assembly_format = "`(` $col `,` $row `)` attr-dict"

    def __init__(self, col: int, row: int):
        super().__init__(properties={"col": _i32(col), "row": _i32(row)}, result_types=[IndexType()])

    @property
    def coords(self) -> tuple[int, int]:
        """``(col, row)`` as ints."""
        return self.col.value.data, self.row.value.data

    @property
    def kind(self) -> str | None:
        """``shim``, ``mem`` or ``compute`` on the enclosing device (None outside the array)."""
        model = model_of(self)
        return model.kind_of(self.coords) if model.contains(self.coords) else None

    def verify_(self) -> None:
        # AIEDialect.cpp TileOp::verify (+ ConfinedAttr<AIEI32Attr, [IntMinValue<0>]>).
        col, row = self.coords
        _check_min(self, "col", "row")
        model = model_of(self)
        if col >= model.columns:
            raise op_error(self, f"column index ({col}) must be less than the number of columns in the "
                                  f"device ({model.columns})")
        if row >= model.rows:
            raise op_error(self, f"row index ({row}) must be less than the number of rows in the device "
                                  f"({model.rows})")
        if row == model.shim_row and self.allocation_scheme is not None:
            raise op_error(self, "Shim tiles cannot have an allocation scheme")


@custom_directive
class OptCoord(CustomDirective):
    """``custom<OptCoord>($col)``: an ``i32`` coordinate, or ``?`` for one the placer chooses (left out)."""

    value: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser.parse_optional_punctuation("?") is None:
            self.value.set(state, _i32(_parse_int(parser)))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        value = self.value.get(op)
        printer.print_string("?" if value is None else str(value.value.data))


LOGICAL_TILE_TYPES = ("CoreTile", "MemTile", "ShimNOCTile", "ShimPLTile")


@custom_directive
class LogicalTileType(CustomDirective):
    """``custom<LogicalTileType>($tile_type)``: the kind of tile a logical tile asks for, a bare keyword."""

    value: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        pos = parser.pos
        word = parser.parse_optional_identifier_or_str_literal()
        if word not in LOGICAL_TILE_TYPES:
            parser.raise_error(f"expected a tile type: one of {', '.join(LOGICAL_TILE_TYPES)}", pos, parser.pos)
        self.value.set(state, StringAttr(word))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        printer.print_string(self.value.get(op).data)


# 2026 (placement by aiecc): ``%t = aie.logical_tile<CoreTile>(?, ?)``, as mlir-aie's test/npu-xrt
# dynamic_* designs write it (dynamic_chain_passthrough/aie.mlir). Its ODS was not available: the
# tile type is kept as its keyword (a StringAttr ``tile_type``), so the generic form may differ from aie-opt's.
@declared(sort_properties=True)
class LogicalTileOp(IRDLOperation):
    """``%t = aie.logical_tile<CoreTile>(?, ?)``: a tile of a given kind whose column and row the placer chooses
    (or pins: ``(0, ?)``); used where an ``aie.tile`` is."""

    name = "aie.logical_tile"
    tile_type = prop_def(StringAttr)
    col = opt_prop_def(IntegerAttr[I32])
    row = opt_prop_def(IntegerAttr[I32])
    result = result_def(IndexType)
    assembly_format = ("`<` custom<LogicalTileType>($tile_type) `>` `` `(` custom<OptCoord>($col) `,` "
                       "custom<OptCoord>($row) `)` attr-dict")

    def verify_(self) -> None:
        _check_in_device(self)
        _check_min(self, "col", "row")
        if self.tile_type.data not in LOGICAL_TILE_TYPES:
            raise op_error(self, f"unknown tile type '{self.tile_type.data}'")


# AIEOps.td @ 2741ca50 AIE_EndOp: attr-dict; Terminator.
@declared
class EndOp(IRDLOperation):
    """``aie.end``: the terminator of AIE regions."""

    name = "aie.end"
    traits = traits_def(IsTerminator())
    assembly_format = "attr-dict"

    def __init__(self):
        super().__init__()


# Ops: core, buffers, locks



# AIEOps.td @ 2741ca50 AIE_CoreOp (stack_size default 0x400); AIEDialect.cpp CoreOp::verify.
@declared
class CoreOp(IRDLOperation):
    """``%c = aie.core(%tile) { ... aie.end }``: the program of one compute tile's core."""

    name = "aie.core"
    tile = operand_def(IndexType)
    stack_size = opt_prop_def(IntegerAttr[I32])
    link_with = opt_prop_def(StringAttr)
    elf_file = opt_prop_def(StringAttr)
    dynamic_objfifo_lowering = opt_prop_def(BoolAttr)
    # The newest AIEAssignBuffers.cpp (search id 68911127918; the stored AIEOps.td @ 2741ca50 predates them)
    # reads these CoreOp attributes: getDataSize / getMeasuredDataSize (materializeCoreDataBuffers),
    # getMeasuredDataRanges (materializePrebakedRanges), getStackAddress / getStackBank (allocateTile). Their
    # spellings are those of test/assign-buffer-addresses (data_size = 640 : i32 in backtracking_dense_pack.mlir
    # @ b49a7b8a, measured_data_ranges = array<i32: ...> in prebaked_elf_ranges.mlir @ 9d4275a5,
    # stack_address / stack_bank = ... : i32 in stack_spans_banks.mlir @ c53d4617, stack_bank_pin.mlir @ d620fe1e).
    data_size = opt_prop_def(IntegerAttr[I32])
    measured_data_size = opt_prop_def(IntegerAttr[I32])
    measured_data_ranges = opt_prop_def(DenseArrayBase)
    stack_address = opt_prop_def(IntegerAttr[I32])
    stack_bank = opt_prop_def(IntegerAttr[I32])
    body = region_def()
    result = result_def(IndexType)
    assembly_format = "`(` $tile `)` $body attr-dict"

    @property
    def stack_bytes(self) -> int:
        """``stack_size``, else its ODS default (0x400)."""
        return int_of(self.stack_size, 0x400)

    def verify_(self) -> None:
        _check_tile_kind(self, self.tile, ("compute",), "a core tile")
        if not self.body.blocks:
            raise op_error(self, "should have non-empty body")
        if self.elf_file is not None:
            ops = list(self.body.blocks[0].ops) if len(self.body.blocks) == 1 else []
            if len(ops) != 1 or not isinstance(ops[0], EndOp):
                raise op_error(self, "When `elf_file` attribute is specified, core body must be empty "
                                      "(consist of exactly one `aie.end` op).")


# AIEOps.td @ 2741ca50 AIE_BufferOp; AIEDialect.cpp parseBufferInitialValue.
@declared
class BufferOp(IRDLOperation):
    """``%b = aie.buffer(%tile) {sym_name = "b"} : memref<...> (= dense<...>)?``: a buffer in a tile's memory."""

    name = "aie.buffer"
    tile = operand_def(IndexType)
    sym_name = opt_prop_def(StringAttr)
    address = opt_prop_def(IntegerAttr[I32])
    initial_value = opt_prop_def(DenseIntOrFPElementsAttr)
    mem_bank = opt_prop_def(IntegerAttr[I32])
    buffer = result_def(MemRefType)
    traits = traits_def(OptionalSymbolOpInterface())
    assembly_format = "`(` $tile `)` attr-dict `:` type($buffer) custom<BufferInitialValue>($initial_value)"

    def verify_(self) -> None:
        _check_tile_kind(self, self.tile, ("compute", "mem"), "a tile with local memory")
        _check_uses_accessible(self)


def _check_uses_accessible(op: BufferOp | LockOp) -> None:
    """AIEDialect.cpp UsesAreAccessible: a core may only reach memories next to it."""
    t = tile_of(op.tile)
    if t is None:
        return
    model = model_of(op)
    for use in op.results[0].uses:
        user = use.operation
        core = user if isinstance(user, CoreOp) else _enclosing(user, CoreOp)
        if core is None or (ct := tile_of(core.tile)) is None:
            continue  # DMA, runtime sequence and device-level uses are checked elsewhere
        if not model.contains(t.coords) or not model.reaches(ct.coords, t.coords):
            raise op_error(op, f"in Column {t.coords[0]} and Row {t.coords[1]} is accessed from an "
                                f"unreachable tile in Column {ct.coords[0]} and Row {ct.coords[1]}")


# AIEOps.td @ 2741ca50 AIE_ExternalBufferOp: attr-dict `:` type($buffer).
@declared
class ExternalBufferOp(IRDLOperation):
    """``%b = aie.external_buffer : memref<...>``: a buffer in host memory (for a shim DMA)."""

    name = "aie.external_buffer"
    sym_name = opt_prop_def(StringAttr)
    address = opt_prop_def(IntegerAttr[I64])
    buffer = result_def(MemRefType)
    traits = traits_def(OptionalSymbolOpInterface())
    assembly_format = "attr-dict `:` type($buffer)"


# AIEOps.td @ 2741ca50 AIE_LockOp; AIEDialect.cpp LockOp::verify.
@declared
class LockOp(IRDLOperation):
    """``%l = aie.lock(%tile, id?) {init = 1 : i32}``: a lock of a tile."""

    name = "aie.lock"
    tile = operand_def(IndexType)
    lockID = opt_prop_def(IntegerAttr[I32])
    init = opt_prop_def(IntegerAttr[I32])
    sym_name = opt_prop_def(StringAttr)
    result = result_def(IndexType)
    traits = traits_def(OptionalSymbolOpInterface())
    assembly_format = "`(` $tile (`,` $lockID^)? `)` attr-dict"

    def verify_(self) -> None:
        _check_uses_accessible(self)
        t = tile_of(self.tile)
        if self.lockID is None or t is None:
            return
        _check_min(self, "lockID")
        lock_id = self.lockID.value.data
        model = model_of(self)
        if model.contains(t.coords) and lock_id >= (n := model.kind(t.coords).locks):
            raise op_error(self, f"lock assigned invalid id (maximum is {n - 1})")


# AIEOps.td @ 2741ca50 AIE_UseLockOp; AIEDialect.cpp UseLockOp::verify.
@declared
class UseLockOp(IRDLOperation):
    """``aie.use_lock(%l, AcquireGreaterEqual, 1)``: acquire or release a lock."""

    name = "aie.use_lock"
    lock = operand_def(IndexType)
    # 2025: the value is an attribute; 2026 (AIEDialect.cpp getConstantLockValue): an SSA operand.
    value_operand = opt_operand_def(IntegerType)
    action = prop_def(IntegerAttr[I32])
    value = opt_prop_def(IntegerAttr[I32])
    blocking = opt_prop_def(IntegerAttr[I32])
    acq_en = opt_prop_def(BoolAttr)
    assembly_format = ("`(` $lock `,` custom<LockAction>($action) "
                       "custom<LockValue>($value, $value_operand, type($value_operand), $blocking) `)` attr-dict")

    def verify_(self) -> None:
        LockAction.check(self.action, "action", self)
        if isinstance(self.parent_op(), DeviceOp | ModuleOp):
            raise op_error(self, "must be used in a core or memory operation.")
        model = model_of(self)
        if model.generation == "aie1" and self.action == LockAction.AcquireGreaterEqual.attr:
            raise op_error(self, "AcquireGreaterEqual is not supported in AIE1.")
        if _enclosing(self, MemOp, MemTileDMAOp, ShimDMAOp) is not None:
            mem = _enclosing(self, MemOp)
            lock = self.lock.owner
            if mem is not None and isinstance(lock, LockOp) and lock.tile != mem.tile:
                raise op_error(self, "can only access a lock in the same tile")
            return
        if _enclosing(self, CoreOp) is not None or any(p.name == "func.func" for p in _ancestors(self)):
            return
        if any(p.name.startswith("aiex.dma_configure_task") for p in _ancestors(self)):
            return  # AIEDialect.cpp (2026): runtime DMA configuration
        raise op_error(self, "expects some parent op to be one of AIE::device, AIE::core, func::func, "
                              "AIE::mem, or AIE::shimDMA")


# Ops: ObjectFIFOs


def _depths(attr: Attribute) -> list[int]:
    if isinstance(attr, ArrayAttr):
        return [int_of(a, -1) for a in attr.data]
    return [int_of(attr, -1)]


def _is_int(a: Attribute) -> bool:
    return isinstance(a, IntegerAttr) and isinstance(a.type, IntegerType)


# AIEOps.td @ 2741ca50 AIE_ObjectFifoCreateOp; AIEDialect.cpp parseObjectFifo* and verify.
@declared
class ObjectFifoCreateOp(IRDLOperation):
    """``aie.objectfifo @of(%prod, {%cons, ...}, depth) : !aie.objectfifo<memref<...>>``: a FIFO of objects between tiles."""

    name = "aie.objectfifo"
    sym_name = prop_def(SymbolNameConstraint())
    producerTile = operand_def(IndexType)
    consumerTiles = var_operand_def(IndexType)
    elemNumber = prop_def(IntegerAttr | ArrayAttr)
    elemType = prop_def(ObjectFifoType)
    dimensionsToStream = opt_prop_def(BDDimLayoutArrayAttr)
    dimensionsFromStreamPerConsumer = opt_prop_def(BDDimLayoutArrayArrayAttr)
    via_DMA = opt_prop_def(BoolAttr)
    plio = opt_prop_def(BoolAttr)
    disable_synchronization = opt_prop_def(BoolAttr)
    repeat_count = opt_prop_def(IntegerAttr[I32])
    initValues = opt_prop_def(ArrayAttr)
    padDimensions = opt_prop_def(BDPadLayoutArrayAttr)
    iter_count = opt_prop_def(IntegerAttr[I32])
    consumerElemType = opt_prop_def(ObjectFifoType)  # AIEDialect.cpp (2026): asymmetric FIFOs
    # Not in mlir-aie: npu-tiler's own generic form writes it (partitioner/emitters/mlir.py).
    operand_segment_sizes = opt_prop_def(DenseArrayBase, prop_name="operandSegmentSizes")
    traits = traits_def(SymbolOpInterface())
    assembly_format = ("$sym_name `(` custom<ProducerTile>($producerTile, $dimensionsToStream) `,` `{` "
                       "custom<ConsumerTiles>($consumerTiles, $dimensionsFromStreamPerConsumer) `}` `,` "
                       "custom<Depth>($elemNumber) `)` attr-dict `:` qualified($elemType) "
                       "custom<ObjectFifoTail>($consumerElemType, $initValues)")

    @property
    def fifo_name(self) -> str:
        """The FIFO's symbol name, without the ``@``."""
        return self.sym_name.data

    @property
    def depths(self) -> list[int]:
        """The depth as written: one int, or one per end (producer first)."""
        return _depths(self.elemNumber)

    def depth_at(self, index: int = 0) -> int:
        """ObjectFifoCreateOp::size(index): end ``index``'s depth (0: producer, i+1: consumer i)."""
        d = self.depths
        return d[index] if len(d) > 1 and index < len(d) else d[0]

    @property
    def memref_type(self) -> MemRefType:
        """The memref type of one object, from ``elemType`` (a ``consumerElemType`` may differ on the consumer side)."""
        return self.elemType.element_type

    def dims_to_stream(self) -> list[BDDimLayoutAttr]:
        """The producer's ``dimensionsToStream`` access pattern, outermost dimension first ([] when none)."""
        return list(self.dimensionsToStream or ())

    def dims_from_stream(self, consumer: int) -> list[BDDimLayoutAttr]:
        """Consumer ``consumer``'s (0-based) ``dimensionsFromStream`` access pattern, outermost first ([] when none)."""
        per = list(self.dimensionsFromStreamPerConsumer or ())
        return list(per[consumer]) if consumer < len(per) else []

    def stream_setting(self, key: str) -> int | None:
        """``aie_stream`` (0 producer, 1 consumer, 2 both on a core stream port) or ``aie_stream_port``; not
        in this dialect's properties, so kept as an attribute (as partitioner.mlir.read reads it)."""
        return int_of(self.attributes.get(key, self.properties.get(key)))

    def streams_end(self, port: ObjectFifoPort) -> bool:
        """Whether ``aie_stream`` puts this end (producer or consumer) on a core stream port."""
        ends = {ObjectFifoPort.Produce: (0, 2), ObjectFifoPort.Consume: (1, 2)}[port]
        return self.stream_setting("aie_stream") in ends

    def _verify_stream(self, producer: TileOp | None) -> None:
        """AIEDialect.cpp ObjectFifoCreateOp::verify (2026, the version whose acquire counts getObjects()):
        an end on a core stream port has no DMA, so nothing a DMA does (repeat, initial values, BD
        iterations, access patterns) is available there, and only a core has stream ports."""
        stream, port = self.stream_setting("aie_stream"), self.stream_setting("aie_stream_port")
        if port is not None and stream is None:
            raise _error("`aie_stream` must be defined")
        if stream is None:
            return
        if len(self.consumerTiles) > 1:
            raise _error("`aie_stream` can only be used in 1-to-1 object FIFOs")
        if port is None:
            raise _error("`aie_stream_port` must be defined")
        no_ports = ("shim", "mem")
        if self.streams_end(ObjectFifoPort.Produce):
            if producer is not None and producer.kind in no_ports:
                raise _error("`aie_stream` is not available for shim and mem tiles")
            for what, given in (("repeat_count", self.repeat_count), ("init_values", self.initValues),
                                ("iter_count", self.iter_count)):
                if given is not None:
                    raise _error(f"`{what}` unavailable on stream end")
            if self.dims_to_stream():
                raise _error("`dimensionsToStream` data layout transformations are unavailable on stream end")
        if self.streams_end(ObjectFifoPort.Consume):
            consumer = tile_of(self.consumerTiles[0])
            if consumer is not None and consumer.kind in no_ports:
                raise _error("`aie_stream` is not available for shim and mem tiles")
        if self.dims_from_stream(0):
            raise _error("`dimensionsFromStreamPerConsumer` data layout transformations are unavailable on "
                         "stream end")

    def verify_(self) -> None:
        _check_in_device(self)
        depth = self.elemNumber
        if isinstance(depth, ArrayAttr):
            if not all(_is_int(a) for a in depth.data):
                raise op_error(self, "attribute 'elemNumber' failed to satisfy constraint: 32-bit signless "
                                      "integer attribute whose minimum value is 0 or array attribute")
            if len(depth.data) != len(self.consumerTiles) + 1:
                raise op_error(self, "does not have enough depths specified for producer and for each consumer.")
        elif not _is_int(depth) or depth.value.data < 0:
            raise op_error(self, "attribute 'elemNumber' failed to satisfy constraint: 32-bit signless integer "
                                  "attribute whose minimum value is 0 or array attribute")
        seg = self.operand_segment_sizes
        if seg is not None and tuple(seg.get_values()) != (1, len(self.consumerTiles)):
            raise op_error(self, f"operandSegmentSizes {tuple(seg.get_values())} does not match its operands "
                                  f"(1, {len(self.consumerTiles)})")
        per = self.dimensionsFromStreamPerConsumer
        if per is not None and len(per) not in (0, len(self.consumerTiles)):
            raise op_error(self, "dimensionsFromStreamPerConsumer needs one entry per consumer tile")
        producer = tile_of(self.producerTile)
        shim_producer = producer is not None and producer.kind == "shim"
        if shim_producer and self.dims_to_stream():
            raise _error("`dimensionsToStream` data layout transformations are not supported on shim tile producers")
        for i, c in enumerate(self.consumerTiles):
            ct = tile_of(c)
            if ct is not None and ct.kind == "shim" and self.dims_from_stream(i):
                # AIEDialect.cpp (2026) ObjectFifoCreateOp::verify.
                raise _error("`dimensionsFromStreamPerConsumer` data layout transformations are not supported "
                             "on shim tile consumers")
        if self.repeat_count is not None and shim_producer:
            raise _error("`repeat_count` unavailable for shim tiles")
        self._verify_stream(producer)
        if self.initValues is not None:
            if shim_producer:
                raise _error("`init_values` unavailable for shim tiles")
            if len(self.initValues.data) != self.depth_at(0):
                raise _error("`init_values` does not initialize all objects")
        if self.iter_count is not None and not 1 <= self.iter_count.value.data <= 256:
            raise _error("`iter_count` must be between 1 and 256")
        if (cons := self.consumerElemType) is not None:
            # AIEDialect.cpp (2026) ObjectFifoCreateOp::verify, asymmetric element types.
            prod_t, cons_t = self.memref_type, cons.element_type
            if prod_t.element_type != cons_t.element_type:
                raise _error(f"producer and consumer must have the same scalar element type, but got "
                             f"{prod_t.element_type} vs {cons_t.element_type}")
            if prod(prod_t.get_shape()) % prod(cons_t.get_shape()):
                raise _error(f"producer element size ({prod(prod_t.get_shape())}) must be an integer multiple of "
                             f"consumer element size ({prod(cons_t.get_shape())})")


# AIEOps.td @ 2741ca50 AIE_ObjectFifoLinkOp; AIEDialect.cpp verify, getOptionalSharedTile.
@declared
class ObjectFifoLinkOp(IRDLOperation):
    """``aie.objectfifo.link [@a] -> [@b, @c]([] [0, 20])``: forward, distribute or join FIFOs through a shared tile."""

    name = "aie.objectfifo.link"
    fifoIns = prop_def(ArrayAttr[SymbolRefAttr])
    fifoOuts = prop_def(ArrayAttr[SymbolRefAttr])
    src_offsets = prop_def(ArrayAttr)
    dst_offsets = prop_def(ArrayAttr)
    assembly_format = "$fifoIns `->` $fifoOuts `(` custom<LinkOffsets>($src_offsets, $dst_offsets) `)` attr-dict"

    @property
    def ins(self) -> list[str]:
        """The names of the input FIFOs (``fifoIns``), in order, without ``@``."""
        return [s.string_value() for s in self.fifoIns.data]

    @property
    def outs(self) -> list[str]:
        """The names of the output FIFOs (``fifoOuts``), in order, without ``@``."""
        return [s.string_value() for s in self.fifoOuts.data]

    @property
    def is_join(self) -> bool:
        """True for a join: more than one input FIFO."""
        return len(self.fifoIns.data) > 1

    @property
    def is_distribute(self) -> bool:
        """True for a distribute: more than one output FIFO."""
        return len(self.fifoOuts.data) > 1

    @property
    def pre_offsets(self) -> bool:
        """True for the link of mlir-aie before its offsets, ``[@a] -> [@b, @c] ()`` (no offset at all;
        test/npu-xrt/two_col/aie.mlir @ 42b6dad6): a join or distribute whose slices follow each
        other in the link's order (:meth:`implicit_offsets`)."""
        return self.attributes.get(PRE_OFFSETS_ATTR) is not None

    def implicit_offsets(self) -> list[int]:
        """The offsets, in elements, of a :attr:`pre_offsets` join's inputs or distribute's outputs:
        each FIFO's slice starts where the previous one's ends. The ObjectFifo lowering of that time
        (lib/Dialect/AIE/Transforms/AIEObjectFifoStatefulTransform.cpp before link offsets, 2024:
        ``extraOffset += elemType.getNumElements()`` over the FIFOs before this one in the join or
        distribute list) placed them so."""
        fifos = self.input_fifos() if self.is_join else self.output_fifos()
        sizes = [prod(f.memref_type.get_shape()) for f in fifos]
        return [sum(sizes[:i]) for i in range(len(sizes))]

    def _fifos(self, names: ArrayAttr) -> list[ObjectFifoCreateOp]:
        out = []
        for n in names.data:
            f = lookup_objectfifo(self, n)
            if f is None:
                raise _error(f"cannot retrieve associated object FIFO @{n.string_value()}")
            out.append(f)
        return out

    def input_fifos(self) -> list[ObjectFifoCreateOp]:
        """The ``aie.objectfifo`` ops of ``fifoIns``, in order (AieVerifyError when one is not found)."""
        return self._fifos(self.fifoIns)

    def output_fifos(self) -> list[ObjectFifoCreateOp]:
        """The ``aie.objectfifo`` ops of ``fifoOuts``, in order (AieVerifyError when one is not found)."""
        return self._fifos(self.fifoOuts)

    def shared_tile(self) -> SSAValue | None:
        """getOptionalSharedTile: the tile all linked FIFOs meet on, if there is one."""
        ins, outs = self.input_fifos(), self.output_fifos()
        if not ins or not outs:
            return None
        if self.is_join:
            point = outs[0].producerTile
            return point if all(f.consumerTiles and f.consumerTiles[0] == point for f in ins) else None
        if self.is_distribute:
            if not ins[0].consumerTiles:
                return None
            point = ins[0].consumerTiles[0]
            return point if all(f.producerTile == point for f in outs) else None
        return outs[0].producerTile if outs[0].producerTile in tuple(ins[0].consumerTiles) else None

    def verify_(self) -> None:
        _check_in_device(self)
        for what, arr in (("src_offsets", self.src_offsets), ("dst_offsets", self.dst_offsets)):
            if not all(isinstance(a, IntegerAttr) for a in arr.data):
                raise op_error(self, f"attribute '{what}' failed to satisfy constraint: 64-bit integer array "
                                      "attribute")
        if self.is_join and self.is_distribute:
            raise _error("ObjectFifoLinkOp does not support 'join' and 'distribute' at the same time")
        mine = self.input_fifos() + self.output_fifos()
        # AIEDialect.cpp (2026): a FIFO passes its objects to one place only.
        for other in self.parent_block().ops if self.parent_block() else ():
            if other is self:
                break
            if isinstance(other, ObjectFifoLinkOp):
                theirs = {*other.ins, *other.outs}
                for f in mine:
                    if f.fifo_name in theirs:
                        raise op_error(f, "objectfifo cannot be in more than one ObjectFifoLinkOp", at=f)
        point = self.shared_tile()
        if point is None:
            raise _error("ObjectFifoLinkOp must have a link point, i.e., a shared tile between objectFifos")
        t = tile_of(point)
        # AIEDialect.cpp ObjectFifoLinkOp::verify (2026, the version with getObjects()): a join or
        # distribute needs a memory module at the link point, so a shim tile is refused; a compute
        # tile is allowed (test/objectFifo-stateful-transform/data_movement_patterns/link/
        # link_on_core_tile.mlir @ 2b2e049c). Its other condition, semaphore locks, every AIE2 device has.
        if t is not None and t.kind == "shim" and (self.is_join or self.is_distribute):
            raise _error("ObjectFifoLinkOp join and distribute are unavailable on shim tiles")
        n_src, n_dst = len(self.src_offsets.data), len(self.dst_offsets.data)
        if self.pre_offsets and (self.is_join or self.is_distribute):
            return  # the 2024 form, offsets implicit (see implicit_offsets)
        if self.is_join:
            if len(self.fifoIns.data) != n_src:
                raise op_error(self, "number of provided src offsets must be equal to the number of input "
                                      "objectFifos")
            if n_dst:
                raise op_error(self, "dst offsets should be empty for join")
        elif self.is_distribute:
            if len(self.fifoOuts.data) != n_dst:
                raise op_error(self, "number of provided dst offsets must be equal to the number of output "
                                      "objectFifos")
            if n_src:
                raise op_error(self, "src offsets should be empty for distribute")
            repeats = {int_of(f.repeat_count, 0) for f in self.output_fifos()}
            if len(repeats) > 1:
                raise _error("repeat counts of output object FIFOs must be equal")
        elif n_src and n_dst:
            raise op_error(self, "all offsets should be empty if there is no join or distribute")


class _ObjectFifoPortOp(IRDLOperation):
    """Acquire and release: ``size`` objects of one end (``port``) of the FIFO ``objFifo_name``
    (``size`` absent in the 2026 acquire, which counts its results: :attr:`count`)."""

    port = prop_def(IntegerAttr[I32] | ObjectFifoPortAttr)
    objFifo_name = prop_def(SymbolRefAttr)
    size = opt_prop_def(IntegerAttr[I32])

    @property
    def count(self) -> int:
        """Objects acquired or released: ``size``, else (a 2026 acquire) the results."""
        return self.size.value.data if self.size is not None else len(self.results)

    @property
    def fifo_name(self) -> str:
        """The FIFO's name, without ``@``."""
        return self.objFifo_name.string_value()

    @property
    def port_name(self) -> str:
        """The port keyword: ``Produce`` or ``Consume``."""
        return ObjectFifoPort.keyword_of(self.port)

    def verify_(self) -> None:
        self._verify_port()

    def _verify_port(self) -> ObjectFifoCreateOp:
        """AIEDialect.cpp ObjectFifoAcquireOp/ReleaseOp::verify: inside a core, on the right tile."""
        ObjectFifoPort.check(self.port, "port", self)
        _check_min(self, "size", minimum=1)
        core = _core_of(self)
        fifo = _fifo_of(self)
        if ObjectFifoPort.of(self.port) is ObjectFifoPort.Produce:
            if core.tile != fifo.producerTile:
                raise op_error(core, "producer port of objectFifo accessed by core running on non-producer tile",
                                at=core)
        elif core.tile not in tuple(fifo.consumerTiles):
            raise op_error(core, "consumer port of objectFifo accessed by core running on non-consumer tile", at=core)
        if fifo.streams_end(ObjectFifoPort.of(self.port)):
            # An end on a core stream port has no buffers to take: mlir-aie's objectFifo transform refuses
            # the access (the pass source was not read). Its tests name different ops: an acquire is
            # reported on the FIFO (test/objectFifo-stateful-transform/aie_stream/bad_acquire.mlir
            # @ db87a137: "'aie.objectfifo' op cannot acquire ..."), a release on itself (bad_release.mlir
            # @ 0cc8a711, expected-error on the release).
            verb = self.name.rsplit(".", 1)[1]
            on = fifo if verb == "acquire" else self
            raise op_error(on, f"cannot {verb} from objectfifo stream port", at=on)
        return fifo


# AIEOps.td @ 2741ca50 AIE_ObjectFifoAcquireOp; AIEDialect.cpp ObjectFifoAcquireOp::verify. The 2026
# form returns the acquired objects themselves, one memref each (mlir-aie's test/npu-xrt
# objectfifo_core_while_nested_if, aiecc_o3_vector_passes: ``%a = aie.objectfifo.acquire @f(Consume, 1)
# : memref<16xi32>``): ``objects`` holds either one subview or ``size`` memrefs; the later 2026 form
# ``@f(Consume) : memref<..>, ...`` writes no ``size`` and counts its results (:attr:`count`).
@declared
class ObjectFifoAcquireOp(_ObjectFifoPortOp):
    """``%s = aie.objectfifo.acquire @of(Consume, 1) : !aie.objectfifosubview<...>``: take objects of a FIFO's end
    (2026: ``%a, %b = ... (Consume, 2) : memref<..>, memref<..>``, the objects themselves)."""

    name = "aie.objectfifo.acquire"
    objects = var_result_def(ObjectFifoSubviewType | MemRefType)
    assembly_format = "attr-dict $objFifo_name custom<AccessPort>($port, $size) `:` type($objects)"

    @property
    def subview(self) -> SSAValue:
        """The acquire's (first) result: the subview, or the first object in the 2026 form."""
        return self.objects[0]

    @property
    def returns_objects(self) -> bool:
        """Whether the results are the objects themselves (the 2026 form), not a subview."""
        return bool(self.objects) and isinstance(self.objects[0].type, MemRefType)

    def verify_(self) -> None:
        fifo = self._verify_port()
        consume = ObjectFifoPort.of(self.port) is ObjectFifoPort.Consume
        consumer_view = fifo.consumerElemType.element_type if fifo.consumerElemType is not None else None
        types = [r.type for r in self.objects]
        if self.returns_objects:
            if not all(isinstance(t, MemRefType) for t in types):
                raise op_error(self, "results must all be memrefs, or one !aie.objectfifosubview")
            if self.size is not None and len(types) != self.size.value.data:
                raise op_error(self, f"returns {len(types)} objects for {self.size.value.data} acquired")
            seen = types
        else:
            if len(types) != 1:
                raise op_error(self, "returns one !aie.objectfifosubview")
            if self.size is None:
                raise op_error(self, "a !aie.objectfifosubview result needs the count: (Port, N)")
            seen = [types[0].element_type]
        for t in seen:
            if t != fifo.memref_type and not (consume and t == consumer_view):
                raise op_error(self, "ObjectFifo element and ObjectFifoSubview element must match.")
        # Not checked: acquiring more objects than the depth. The 2025 lowering raises the
        # depth to the largest acquire + 1 (AIEOps.td: "the highest number of acquired
        # elements (+1 for prefetching) will be used instead"); only 2026 rejects it.


# AIEOps.td @ 2741ca50 AIE_ObjectFifoReleaseOp.
@declared
class ObjectFifoReleaseOp(_ObjectFifoPortOp):
    """``aie.objectfifo.release @of(Produce, 1)``: give objects back to a FIFO."""

    name = "aie.objectfifo.release"
    assembly_format = "attr-dict $objFifo_name custom<ReleasePort>($port, $size)"

    def verify_(self) -> None:
        if self.size is None:
            raise op_error(self, "expected the count: (Port, N) or (Port) [N]")
        super().verify_()


# AIEOps.td @ 2741ca50 AIE_ObjectFifoSubviewAccessOp; AIEDialect.cpp verify.
@declared
class ObjectFifoSubviewAccessOp(IRDLOperation):
    """``%b = aie.objectfifo.subview.access %s[0] : !aie.objectfifosubview<T> -> T``: one acquired object."""

    name = "aie.objectfifo.subview.access"
    subview = operand_def(ObjectFifoSubviewType)
    index = prop_def(IntegerAttr[I32])
    output = result_def(MemRefType)
    assembly_format = "$subview `[` $index `]` attr-dict `:` type($subview) `->` type($output)"

    def verify_(self) -> None:
        _core_of(self)
        acq = self.subview.owner
        if isinstance(acq, ObjectFifoAcquireOp) and self.index.value.data >= acq.count:
            raise op_error(self, "accessed farther than number of acquired elements (index out of bounds).")


# AIEOps.td @ 2741ca50 AIE_ObjectFifoAllocateOp; AIEDialect.cpp ObjectFifoAllocateOp::verify.
@declared
class ObjectFifoAllocateOp(IRDLOperation):
    """``aie.objectfifo.allocate @of (%tile)``: place a shared-memory FIFO's objects in a given tile's memory."""

    name = "aie.objectfifo.allocate"
    objFifo_name = prop_def(SymbolRefAttr)
    delegateTile = operand_def(IndexType)
    assembly_format = "$objFifo_name `(` $delegateTile `)` attr-dict"

    def verify_(self) -> None:
        _check_in_device(self)
        fifo = _fifo_of(self)
        if len(fifo.consumerTiles) != 1:
            raise _error("can only be used in 1-to-1 object FIFOs")
        if int_of(fifo.via_DMA, 0):
            raise _error("cannot allocate a shared memory module to objectfifo with set `via_DMA` attribute")
        if fifo.repeat_count is not None:
            raise _error("cannot allocate a shared memory module to objectfifo with set `repeat_count` attribute")
        if fifo.dims_to_stream():
            raise _error("cannot allocate a shared memory module to objectfifo with set dimensions attribute")
        if fifo.stream_setting("aie_stream") is not None:  # AIEDialect.cpp 2026 ObjectFifoAllocateOp::verify
            raise _error("cannot allocate a shared memory module to objectfifo using stream port")


# The 2026 direct-access ops, from mlir-aie's lit tests (test/objectFifo-stateful-transform/base/
# objectfifo_lock_buffer_depth1_aie2.mlir @ dced06db): `aie.objectfifo.buffer @of (0) : memref<..>`
# and `%acq, %rel = aie.objectfifo.lock @of (Produce) : (index, index)`. Their ODS was not
# available: the property names (objFifo_name, index, port) follow the sibling ops, so their
# generic form may differ from aie-opt's.
@declared
class ObjectFifoBufferOp(IRDLOperation):
    """``%b = aie.objectfifo.buffer @of (i) : memref<...>``: object ``i`` of a FIFO, without acquiring it (2026)."""

    name = "aie.objectfifo.buffer"
    objFifo_name = prop_def(SymbolRefAttr)
    index = prop_def(IntegerAttr[I32])
    buffer = result_def(MemRefType)
    assembly_format = "$objFifo_name `(` $index `)` attr-dict `:` type($buffer)"

    def verify_(self) -> None:
        _core_of(self)
        fifo = _fifo_of(self)
        if fifo.memref_type != self.buffer.type:
            raise op_error(self, f"buffer type {self.buffer.type} does not match the objectFifo's {fifo.memref_type}")


@declared
class ObjectFifoLockOp(IRDLOperation):
    """``%acq, %rel = aie.objectfifo.lock @of (Port) : (index, index)``: the locks of one end of a FIFO (2026)."""

    name = "aie.objectfifo.lock"
    objFifo_name = prop_def(SymbolRefAttr)
    port = prop_def(IntegerAttr[I32])
    acq_lock = result_def(IndexType)
    rel_lock = result_def(IndexType)
    assembly_format = ("$objFifo_name `(` custom<ObjectFifoPort>($port) `)` attr-dict `:` "
                       "`(` type($acq_lock) `,` type($rel_lock) `)`")

    def verify_(self) -> None:
        ObjectFifoPort.check(self.port, "port", self)
        _core_of(self)
        _fifo_of(self)


# The 2026 split objectFIFO form: what `--aie-objectfifo-split` makes of aie.objectfifo and
# aie.objectfifo.link, and an input mlir-aie's later passes accept (test/objectFifo-stateful-transform/
# bd_chain_on_core/iter_count.mlir @ 920af38e starts there). Their ODS (AIEOps.td, AIEAttrs.td) was not
# available to read: the syntax is that of those tests and of mlir-aie's "ObjectFifo Lowering"
# documentation page (2026), which defines each op; property names follow those texts, so the
# generic form may differ from aie-opt's. Later passes turn them into buffers, locks, flows and DMA
# programs: npu-tiler does not model them (device-level ops the index does not model, so a hang
# verdict through them is "not proved"). The region form of a pool (`aie.objectfifo.segment` ops,
# a later revision) is not read.
@irdl_attr_definition
class ObjectFifoSegmentAttr(ParametrizedAttribute):
    """``#aie.objectfifo_segment<offset = 0, size = 16, produceLock = @p, consumeLock = @c>``: one slice of a
    pool's object, in elements, and the locks its filler and drainer take (none until allocated)."""

    name = "aie.objectfifo_segment"
    offset: IntAttr
    size: IntAttr
    produceLock: SymbolRefAttr | NoneAttr
    consumeLock: SymbolRefAttr | NoneAttr
    LOCKS: ClassVar[tuple[str, ...]] = ("produceLock", "consumeLock")

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[Attribute, ...]:
        keyed: dict[str, Attribute] = {}
        with parser.in_angle_brackets():
            while True:
                pos = parser.pos
                key = parser.parse_optional_keyword_in([k for k in ("offset", "size", *cls.LOCKS) if k not in keyed])
                if key is None:
                    parser.raise_error("expected offset, size, produceLock or consumeLock (each once)", pos)
                parser.parse_punctuation("=")
                keyed[key] = (SymbolRefAttr(parser.parse_symbol_name()) if key in cls.LOCKS
                              else IntAttr(parser.parse_integer(allow_boolean=False)))
                if parser.parse_optional_punctuation(",") is None:
                    break
            if not {"offset", "size"} <= set(keyed):
                parser.raise_error("a segment needs its offset and size", parser.pos)
        return keyed["offset"], keyed["size"], *(keyed.get(k, NoneAttr()) for k in cls.LOCKS)

    def print_parameters(self, printer: Printer) -> None:
        locks = [f", {k} = @{v.string_value()}" for k, v in zip(self.LOCKS, (self.produceLock, self.consumeLock))
                 if isinstance(v, SymbolRefAttr)]
        printer.print_string(f"<offset = {self.offset.data}, size = {self.size.data}{''.join(locks)}>")


@custom_directive
class EndpointRole(CustomDirective):
    """``custom<EndpointRole>($role)``: what an endpoint does to its pool, ``fills`` or ``drains``."""

    role: AttributeVariable
    ROLES: ClassVar[tuple[str, ...]] = ("fills", "drains")

    def parse(self, parser: Parser, state: ParsingState) -> None:
        pos = parser.pos
        if (word := parser.parse_optional_keyword_in(list(self.ROLES))) is None:
            parser.raise_error("expected 'fills' or 'drains'", pos)
        self.role.set(state, StringAttr(word))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_string(self.role.get(op).data)


@custom_directive
class DanglingPort(CustomDirective):
    """``custom<DanglingPort>($direction, $bundle)``: ``S2MM DMA``, ``MM2S Core``, or ``DMA`` alone (an
    earlier revision, mlir-aie's test objectfifo-allocate shim_and_segments; the direction then comes
    from the flow that names the endpoint)."""

    direction: AttributeVariable
    bundle: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if (word := parser.parse_optional_keyword_in(list(DMAChannelDir.__members__))) is not None:
            self.direction.set(state, DMAChannelDir.of(word).attr)
        self.bundle.set(state, WireBundle.parse(parser))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        if (direction := self.direction.get(op)) is not None:
            printer.print_string(f"{DMAChannelDir.keyword_of(direction)} ")
        printer.print_string(WireBundle.keyword_of(self.bundle.get(op)))


class _SplitFifoOp(IRDLOperation):
    """A split-form op: a symbol, on a tile, directly in an aie.device."""

    sym_name = prop_def(SymbolNameConstraint())
    tile = operand_def(IndexType)
    traits = traits_def(SymbolOpInterface())

    def verify_(self) -> None:
        _check_in_device(self)


@declared
class ObjectFifoPoolOp(_SplitFifoOp):
    """``aie.objectfifo.pool @p(%tile) {depth = 2 : i32, segments = [...]} : memref<16xi32>``: ``depth``
    rotating buffers of one object type on a tile, sliced into segments (2026)."""

    name = "aie.objectfifo.pool"
    depth = prop_def(IntegerAttr[I32])
    elemType = prop_def(MemRefType)
    buffers = opt_prop_def(ArrayAttr)
    segments = opt_prop_def(ArrayAttr[ObjectFifoSegmentAttr])
    locks = opt_prop_def(ArrayAttr)
    fifoName = opt_prop_def(StringAttr)
    assembly_format = "$sym_name `(` $tile `)` attr-dict `:` $elemType"


class _EndpointOp(_SplitFifoOp):
    """A split-form endpoint: what it does (``role``) to the pool ``pool``."""

    role = prop_def(StringAttr)
    pool = prop_def(SymbolRefAttr)
    assembly_format = "$sym_name `(` $tile `)` custom<EndpointRole>($role) $pool attr-dict"


@declared
class ObjectFifoCoreEndpointOp(_EndpointOp):
    """``aie.objectfifo.core_endpoint @c(%tile) fills @p``: a core that fills or drains a pool (2026)."""

    name = "aie.objectfifo.core_endpoint"


@declared
class ObjectFifoDmaEndpointOp(_EndpointOp):
    """``aie.objectfifo.dma_endpoint @d(%tile) drains @p {iterCount = 4 : i32}``: a DMA channel that fills or
    drains a pool (2026)."""

    name = "aie.objectfifo.dma_endpoint"


@declared
class ObjectFifoDanglingEndpointOp(_SplitFifoOp):
    """``aie.objectfifo.dangling_endpoint @s(%shim) S2MM DMA``: a stream end this compiler does not program
    (a shim the host drives, a PLIO, a core's stream port) (2026)."""

    name = "aie.objectfifo.dangling_endpoint"
    direction = opt_prop_def(IntegerAttr[I32])
    bundle = prop_def(IntegerAttr[I32])
    assembly_format = "$sym_name `(` $tile `)` custom<DanglingPort>($direction, $bundle) attr-dict"


@declared
class ObjectFifoFlowOp(IRDLOperation):
    """``aie.objectfifo.flow from @d1 to [@d2, @d3]``: a stream from a draining endpoint to the filling ones (2026)."""

    name = "aie.objectfifo.flow"
    source = prop_def(SymbolRefAttr)
    dests = prop_def(ArrayAttr[SymbolRefAttr])
    assembly_format = "`from` $source `to` $dests attr-dict"

    def verify_(self) -> None:
        _check_in_device(self)


SPLIT_FIFO_OPS = (ObjectFifoPoolOp, ObjectFifoCoreEndpointOp, ObjectFifoDmaEndpointOp, ObjectFifoDanglingEndpointOp,
                  ObjectFifoFlowOp)


# AIEOps.td @ 2741ca50 AIE_ObjectFifoRegisterExternalBuffersOp (IsShimNOCTile).
@declared
class ObjectFifoRegisterExternalBuffersOp(IRDLOperation):
    """``aie.objectfifo.register_external_buffers @of (%shim, {%b0, %b1}) : (memref<..>, memref<..>)``: host buffers of a FIFO's shim end."""

    name = "aie.objectfifo.register_external_buffers"
    objFifo_name = prop_def(SymbolRefAttr)
    tile = operand_def(IndexType)
    externalBuffers = var_operand_def(MemRefType)
    assembly_format = ("attr-dict $objFifo_name `(` $tile `,` `{` $externalBuffers `}` `)` `:` "
                       "`(` type($externalBuffers) `)`")

    def verify_(self) -> None:
        _check_in_device(self)
        _check_tile_kind(self, self.tile, ("shim",), "a shim tile with NOC connection", noc=True)


# Ops: DMAs (mem, memtile_dma, shim_dma, dma_start, dma_bd, next_bd, dma)


class _DmaRegionOp(IRDLOperation):
    """Shared parse/print/verify of aie.mem, aie.memtile_dma and aie.shim_dma: `(` $tile `)` regions attr-dict."""

    tile = operand_def(IndexType)
    body = region_def()
    result = result_def(IndexType)
    assembly_format = "`(` $tile `)` $body attr-dict"

    # AIEInterfaces.td @ 03080eb8: the tile trait (kinds, message, shim NOC only).
    TILE: ClassVar[tuple[tuple[str, ...], str, bool]]

    def verify_(self) -> None:
        """The tile trait, and AIEDialect.cpp HasSomeTerminator<DMAStartOp, NextBDOp, EndOp>,
        HasValidBDs, HasValidDMAChannels."""
        _check_tile_kind(self, self.tile, *self.TILE)
        if not self.body.blocks:
            raise op_error(self, "should have non-empty body")
        for block in self.body.blocks:
            last = block.last_op
            if last is not None and not isinstance(last, DMAStartOp | NextBDOp | EndOp):
                raise op_error(last, "is not an allowed terminator", at=last)
        t = tile_of(self.tile)
        model = model_of(self)
        if t is None or not model.contains(t.coords):
            return
        kind = model.kind(t.coords)
        bd_max = kind.bds
        if sum(1 for b in self.body.blocks if any(isinstance(o, DMABDOp) for o in b.ops)) > bd_max:
            raise op_error(self, f"has more than {bd_max} blocks")
        channels = {(int_of(s.channel_dir), int_of(s.channel_index)) for b in self.body.blocks for s in b.ops
                    if isinstance(s, DMAStartOp)}
        if sum(1 for d, _ in channels if d == DMAChannelDir.S2MM) > kind.dma_in:
            raise op_error(self, "uses more input channels than available on this tile")
        if sum(1 for d, _ in channels if d == DMAChannelDir.MM2S) > kind.dma_out:
            raise op_error(self, "uses more output channels than available on this tile")


# AIEOps.td @ 2741ca50 AIE_MemOp: IsCoreTile, HasValidBDs, HasValidDMAChannels.
@declared
class MemOp(_DmaRegionOp):
    """``%m = aie.mem(%tile) { ... }``: the DMA program of a compute tile's memory."""

    name = "aie.mem"
    TILE: ClassVar[tuple[tuple[str, ...], str, bool]] = (("compute",), "a core tile", False)


# AIEOps.td @ 2741ca50 AIE_MemTileDMAOp: IsMemTile, HasValidBDs, HasValidDMAChannels.
@declared
class MemTileDMAOp(_DmaRegionOp):
    """``%m = aie.memtile_dma(%tile) { ... }``: the DMA program of a mem tile."""

    name = "aie.memtile_dma"
    TILE: ClassVar[tuple[tuple[str, ...], str, bool]] = (("mem",), "a MemTile", False)


# AIEOps.td @ 2741ca50 AIE_ShimDMAOp: IsShimNOCTile, HasValidBDs, HasValidDMAChannels.
@declared
class ShimDMAOp(_DmaRegionOp):
    """``%s = aie.shim_dma(%tile) { ... }``: the DMA program of a shim tile."""

    name = "aie.shim_dma"
    TILE: ClassVar[tuple[tuple[str, ...], str, bool]] = (("shim",), "a shim tile with NOC connection", True)


_DMA_PARENTS = ("aie.mem", "aie.memtile_dma", "func.func", "aie.shim_dma")


# AIEOps.td @ 2741ca50 AIE_DMAStartOp: ParentOneOf<[MemOp, MemTileDMAOp, FuncOp, ShimDMAOp]>.
@declared
class DMAStartOp(IRDLOperation):
    """``%0 = aie.dma_start(S2MM, 0, ^bd0, ^next)``: start a DMA channel on a chain of BD blocks."""

    name = "aie.dma_start"
    channel_dir = prop_def(IntegerAttr[I32])
    channel_index = prop_def(IntegerAttr[I32])
    repeat_count = opt_prop_def(IntegerAttr[I32])
    dest = successor_def()
    chain = successor_def()
    valid = result_def(i1)
    traits = traits_def(IsTerminator())
    assembly_format = ("`(` custom<DMAChannelDir>($channel_dir) `,` $channel_index `,` $dest `,` $chain "
                       "(`,` `repeat_count` `=` $repeat_count^)? `)` attr-dict")

    @property
    def direction(self) -> str:
        """The channel direction keyword: ``S2MM`` or ``MM2S``."""
        return DMAChannelDir.keyword_of(self.channel_dir)

    def verify_(self) -> None:
        DMAChannelDir.check(self.channel_dir, "channel_dir", self)
        parent = self.parent_op()
        if parent is None or parent.name not in _DMA_PARENTS:
            raise op_error(self, f"expects parent op to be one of '{', '.join(_DMA_PARENTS)}'")
        _check_min(self, "channel_index")


_BD_ELIDE = ("offset", "len", "dimensions", "pad_dimensions", "pad_value")


# AIEOps.td @ 2741ca50 AIE_DMABDOp (hasCustomAssemblyFormat); AIEDialect.cpp DMABDOp::parse, verify.
# The run-time fields of 2026 (dyn_offset, dyn_len, dyn_sizes, dyn_strides, bd_id_val): their ODS
# was not available (the stored AIEOps.td is 2741ca50's); the names are those of their accessors in
# lib/Dialect/AIEX/Transforms/AIEDMATasksToNPU.cpp and AIELowerDynamicBDPool.cpp (main, 2026), the
# operand order that file's ("dyn_offset, dyn_len, dyn_sizes, dyn_strides") then bd_id_val, the
# syntax that of test/npu-xrt/dynamic_*/aie.mlir and dma_s2mm_ooo_shim_recv/aie.mlir.
@declared(sort_properties=True)
class DMABDOp(IRDLOperation):
    """``aie.dma_bd(%buf : memref<...>, offset, len, [dims])``: one buffer descriptor."""

    name = "aie.dma_bd"
    buffer = operand_def(MemRefType)
    offset = opt_prop_def(IntegerAttr[I32])
    len = opt_prop_def(IntegerAttr[I32])
    dimensions = opt_prop_def(BDDimLayoutArrayAttr)
    pad_dimensions = opt_prop_def(BDPadLayoutArrayAttr)
    pad_value = opt_prop_def(IntegerAttr[I32])
    bd_id = opt_prop_def(IntegerAttr[I32])
    packet = opt_prop_def(PacketInfoAttr)
    burst_length = opt_prop_def(IntegerAttr[I32])
    next_bd_id = opt_prop_def(IntegerAttr[I32])
    # Run-time fields (2026, AIEDMATasksToNPU.cpp @ main: getDynOffset, dyn_len, getDynSizes,
    # dyn_strides, getBdIdVal): SSA values in place of constants. A sizes/strides list holding one
    # keeps its constants in static_sizes / static_strides, DYNAMIC where an operand stands.
    dyn_offset = opt_operand_def(IntegerType | IndexType)
    dyn_len = opt_operand_def(IntegerType | IndexType)
    dyn_sizes = var_operand_def(IntegerType | IndexType)
    dyn_strides = var_operand_def(IntegerType | IndexType)
    bd_id_val = opt_operand_def(IntegerType | IndexType)
    static_sizes = opt_prop_def(DenseArrayBase)
    static_strides = opt_prop_def(DenseArrayBase)
    irdl_options = (AttrSizedOperandSegments(as_property=True),)
    assembly_format = ("`(` $buffer `:` type($buffer) "
                       "custom<BDFields>($offset, $len, $dimensions, $pad_dimensions, $pad_value, $dyn_offset, "
                       "$dyn_len, $dyn_sizes, $dyn_strides, $static_sizes, $static_strides, type($dyn_offset), "
                       "type($dyn_len), type($dyn_sizes), type($dyn_strides)) `)` "
                       "(`bd_id_val` $bd_id_val^ `:` type($bd_id_val))? attr-dict")

    @classmethod
    def create(cls, *, operands=(), result_types=(), properties=None, attributes=None, **kwargs):
        """A generic form without ``operandSegmentSizes`` (aie-opt before the run-time fields,
        AIEOps.td @ 2741ca50) has the buffer as its one operand."""
        props, attrs = dict(properties or {}), dict(attributes or {})
        if "operandSegmentSizes" in attrs and "operandSegmentSizes" not in props:
            props["operandSegmentSizes"] = attrs.pop("operandSegmentSizes")
        if "operandSegmentSizes" not in props and len(operands) == 1:
            props["operandSegmentSizes"] = DenseArrayBase.from_list(i32, [1, 0, 0, 0, 0, 0])
        return super().create(operands=operands, result_types=result_types, properties=dict(sorted(props.items())),
                              attributes=attrs, **kwargs)

    @property
    def is_dynamic(self) -> bool:
        """An offset, length, size or stride is a run-time value (its transfer is known only then)."""
        return bool(self.dyn_offset or self.dyn_len or self.dyn_sizes or self.dyn_strides
                    or self.static_sizes is not None or self.static_strides is not None)

    @property
    def length(self) -> int:
        """Elements transferred: ``len``, else the whole buffer."""
        t = self.buffer.type
        return int_of(self.len, prod(t.get_shape()) if isinstance(t, MemRefType) else 0)

    def verify_(self) -> None:
        _verify_bd_runtime_fields(self)
        # Only inside a DMA program; elsewhere (runtime sequences) later passes place it.
        parent = self.parent_op()
        if not isinstance(parent, MemOp | MemTileDMAOp | ShimDMAOp | DMAOp):
            return
        owner = self.buffer.owner
        if not isinstance(owner, BufferOp | ExternalBufferOp):
            raise op_error(self, "BDs only support BufferOp or ExternalBufferOp operands.")
        t: MemRefType = self.buffer.type
        elem = max(1, (element_bits(t) or 32) // 8)
        if self.length * elem % 4:
            raise op_error(self, "transfer length must be multiple of 4 (i.e., represent 4 byte aligned address)")
        region_op = parent if not isinstance(parent, DMAOp) else parent.parent_op()
        if isinstance(region_op, MemOp) and isinstance(owner, BufferOp) and owner.tile != region_op.tile:
            raise op_error(self, "Core tile DMAs can only access a buffer in the same tile.")
        tile = tile_of(region_op.tile) if isinstance(region_op, _DmaRegionOp) else None
        model = model_of(self)
        if tile is not None and model.contains(tile.coords):
            max_bds = model.kind(tile.coords).bds
            for what, attr in (("bdId", self.bd_id), ("nextBdId", self.next_bd_id)):
                if attr is not None and attr.value.data >= max_bds:
                    raise op_error(self, f"{what} attribute exceeds max: {max_bds - 1}")
        if self.dimensions is not None:
            dims = list(self.dimensions)
            max_dims = 4 if isinstance(region_op, MemTileDMAOp) else 3
            if len(dims) > max_dims:
                raise op_error(self, f"Cannot give more than {max_dims} dimensions for step sizes and wraps in "
                                      f"this  tile (got {len(dims)} dimensions).")
            n = prod(t.get_shape())
            max_idx = 0
            for d in dims:
                if d.stride.data == 0:
                    raise op_error(self, "Invalid step size; must be a positive integer.")
                if d.stride.data > n:
                    raise op_error(self, f"Step size {d.stride.data} exceeds memref size {n}")
                max_idx += d.stride.data * (d.size.data - 1)
            if n <= max_idx:
                raise op_error(self, "Specified stride(s) and size(s) result in out of bounds access in buffer, "
                                      f"for index {max_idx} in memref of length {n}.")
        # AIEDialect.cpp DMABDOp::verify (2022-2026): on a mem or core tile, a placed buffer's address plus
        # the BD's offset (bytes) must be 32-bit aligned.
        address = int_of(owner.address) if isinstance(owner, BufferOp) else None
        if address is not None and tile is not None and tile.kind in ("mem", "compute"):
            start = address + int_of(self.offset, 0) * elem
            if start % 4:
                raise op_error(self, f"bd address must be 4 byte (32b) aligned; got base+offset: {start} (bytes)")
        check_packet(self, self.packet)


def _verify_bd_runtime_fields(bd: DMABDOp) -> None:
    """The static and dynamic halves of a BD's sizes/strides agree (a generic form may disagree)."""
    static = (bd.static_sizes, bd.static_strides)
    if all(a is None for a in static):
        if bd.dyn_sizes or bd.dyn_strides:
            raise op_error(bd, "run-time sizes or strides need static_sizes and static_strides")
        return
    if any(a is None for a in static) or len(static[0].get_values()) != len(static[1].get_values()):
        raise op_error(bd, "static_sizes and static_strides must both be given, of the same length")
    if bd.dimensions is not None:
        raise op_error(bd, "dimensions and static_sizes / static_strides cannot both be given")
    for arr, dyn, what in ((static[0], bd.dyn_sizes, "sizes"), (static[1], bd.dyn_strides, "strides")):
        if sum(v == DYNAMIC for v in arr.get_values()) != len(dyn):
            raise op_error(bd, f"expected {sum(v == DYNAMIC for v in arr.get_values())} dynamic {what} values")


def _parse_bd_keywords(parser: Parser, state: ParsingState, fields: BDFields) -> None:
    """The 2026 spelling of a BD: ``offset = 0 len = 1024 sizes = [..] strides = [..]``.

    Constants are read into the 2025 properties (sizes/strides zipped, outermost first, into
    ``dimensions``). A run-time (SSA) offset or length is the ``dyn_offset`` / ``dyn_len``
    operand; a sizes or strides list holding one keeps its constants in ``static_sizes`` /
    ``static_strides`` (``DYNAMIC`` where an SSA value stands, as MLIR's dynamic index lists)
    and its SSA values in ``dyn_sizes`` / ``dyn_strides`` (test/npu-xrt/dynamic_* designs, 2026).
    An SSA value takes the type it was defined with (the designs mix ``i32`` and ``i64``).
    """
    props = state.properties
    lists: dict[str, list[int | UnresolvedOperand]] = {}
    while (word := parser.parse_optional_keyword_in(("offset", "len", "sizes", "strides", "pad_dimensions",
                                                      "pad_value", "pad"))) is not None:
        if word == "pad":  # `pad [<const_pad_before = 2, ...>]` (test/npu-xrt/dma_op_pad_value_i32)
            word = "pad_dimensions"
        else:
            parser.parse_punctuation("=")
        pos = parser.pos
        if word in ("offset", "len") and (value := parser.parse_optional_unresolved_operand()) is not None:
            var = fields.dyn_offset if word == "offset" else fields.dyn_len
            var.set(state, value)
            var.set_types(state, (_defined_type(parser, value, pos),))
        elif word in ("offset", "len", "pad_value"):
            if (v := parser.parse_optional_integer(allow_boolean=False)) is None:
                parser.raise_error(f"aie.dma_bd {word}: expected an integer or an SSA value", pos)
            props[word] = _i32(v)
        elif word == "pad_dimensions":
            props[word] = BDPadLayoutArrayAttr(BDPadLayoutArrayAttr.parse_elements(parser))
        else:
            lists[word] = parser.parse_comma_separated_list(
                parser.Delimiter.SQUARE, lambda: _parse_int_or_operand(parser))
    if not lists:
        return
    sizes, strides = lists.get("sizes"), lists.get("strides")
    if sizes is None or strides is None or len(sizes) != len(strides):
        parser.raise_error(f"expected the same number of sizes ({len(sizes or [])}) and strides "
                           f"({len(strides or [])})")
    if all(isinstance(v, int) for v in (*sizes, *strides)):
        props["dimensions"] = BDDimLayoutArrayAttr.get(
            BDDimLayoutAttr(IntAttr(a), IntAttr(b)) for a, b in zip(sizes, strides))
        return
    pos = parser.pos
    for values, var, prop in ((sizes, fields.dyn_sizes, "static_sizes"),
                              (strides, fields.dyn_strides, "static_strides")):
        operands = [v for v in values if not isinstance(v, int)]
        var.set(state, operands)
        var.set_types(state, [_defined_type(parser, v, pos) for v in operands])
        props[prop] = DenseArrayBase.from_list(i64, [v if isinstance(v, int) else DYNAMIC for v in values])


DYNAMIC = DYNAMIC_INDEX
"""MLIR's ``ShapedType::kDynamic`` (xDSL's ``DYNAMIC_INDEX``): the place of an SSA value in a static index list."""


def print_index_list(printer: Printer, values: Sequence[SSAValue], static: Sequence[int]) -> None:
    """MLIR's ``custom<DynamicIndexList>`` printed: ``[0, %x, 8]``, an SSA value of ``values`` (in order)
    where ``static`` holds :data:`DYNAMIC`."""
    operands = iter(values)
    printer.print_string("[")
    printer.print_list(static, lambda v: printer.print_ssa_value(next(operands)) if v == DYNAMIC
                       else printer.print_string(str(v)))
    printer.print_string("]")


def _parse_int_or_operand(parser: Parser) -> int | UnresolvedOperand:
    if (v := parser.parse_optional_integer(allow_boolean=False)) is not None:
        return v
    return parser.parse_unresolved_operand("expected an integer or an SSA value")


def _defined_type(parser: Parser, operand: UnresolvedOperand, pos: int) -> Attribute:
    """The type of an SSA value already defined (the custom syntax writes none)."""
    values = parser.ssa_values.get(operand.operand_name)
    if values is None or operand.index >= len(values):
        parser.raise_error(f"aie.dma_bd: run-time value %{operand.operand_name} must be defined before the BD", pos)
    return values[operand.index].type


def _print_bd_keywords(printer: Printer, op: DMABDOp) -> None:
    """A BD with run-time fields, in the 2026 keyword spelling it can only be written in."""
    def field(word: str, dyn: SSAValue | None, attr: IntegerAttr | None) -> None:
        if dyn is not None:
            printer.print_string(f" {word} = ")
            printer.print_ssa_value(dyn)
        elif attr is not None:
            printer.print_string(f" {word} = {attr.value.data}")

    field("offset", op.dyn_offset, op.offset)
    field("len", op.dyn_len, op.len)
    if op.static_sizes is not None:
        for word, static, dyn in (("sizes", op.static_sizes, op.dyn_sizes),
                                  ("strides", op.static_strides, op.dyn_strides)):
            printer.print_string(f" {word} = ")
            print_index_list(printer, dyn, static.get_values())
    elif op.dimensions is not None and len(op.dimensions):
        for word, key in (("sizes", "size"), ("strides", "stride")):
            printer.print_string(f" {word} = [")
            printer.print_list(op.dimensions, lambda d: printer.print_string(str(getattr(d, key).data)))
            printer.print_string("]")
    if op.pad_dimensions is not None:
        printer.print_string(" pad_dimensions = ")
        op.pad_dimensions.print_parameters(printer)
    if op.pad_value is not None:
        printer.print_string(f" pad_value = {op.pad_value.value.data}")


# AIEOps.td @ 2741ca50 AIE_NextBDOp: $dest attr-dict; Terminator.
@declared
class NextBDOp(IRDLOperation):
    """``aie.next_bd ^bd1``: the BD after this one."""

    name = "aie.next_bd"
    dest = successor_def()
    traits = traits_def(IsTerminator())
    assembly_format = "$dest attr-dict"


# AIEOps.td @ 2741ca50 AIE_DMABDPACKETOp: `(` $packet_type `,` $packet_id `)` attr-dict.
@declared
class DMABDPacketOp(IRDLOperation):
    """``aie.dma_bd_packet(type, id)``: packet header of the next BD."""

    name = "aie.dma_bd_packet"
    packet_type = prop_def(IntegerAttr[I32])
    packet_id = prop_def(IntegerAttr[I32])
    assembly_format = "`(` $packet_type `,` $packet_id `)` attr-dict"


# AIEOps.td @ 2741ca50 AIE_DMAOp; AIEDialect.cpp DMAOp::verify.
@declared
class DMAOp(IRDLOperation):
    """``%d = aie.dma(MM2S, 0) [{ BD }, { BD }]``: a DMA channel and its BDs, without blocks."""

    name = "aie.dma"
    channel_dir = prop_def(IntegerAttr[I32])
    channel_index = prop_def(IntegerAttr[I32])
    loop = opt_prop_def(BoolAttr)
    repeat_count = opt_prop_def(IntegerAttr[I32])
    sym_name = opt_prop_def(StringAttr)
    bds = var_region_def()
    valid = result_def(i1)
    traits = traits_def(NoTerminator())
    assembly_format = ("`(` custom<DMAChannelDir>($channel_dir) `,` $channel_index `)` attr-dict "
                       "custom<RegionList>($bds)")

    def verify_(self) -> None:
        DMAChannelDir.check(self.channel_dir, "channel_dir", self)
        parent = self.parent_op()
        if not isinstance(parent, MemOp | MemTileDMAOp | ShimDMAOp):
            raise op_error(self, "expects parent op to be one of 'aie.mem, aie.memtile_dma, aie.shim_dma'")
        if len(parent.body.blocks) > 1:
            raise op_error(self, "DMAOp can only appear in single block region")
        if any(isinstance(o, DMAStartOp) for o in parent.body.ops):
            raise op_error(self, "DMAOp is not compatible with DMAStart ops")
        for r in self.bds:
            if len(r.blocks) != 1:
                raise op_error(self, "DMAOp regions must have only one block")
            ops = list(r.blocks[0].ops)
            if sum(isinstance(o, DMABDOp) for o in ops) != 1:
                raise op_error(self, "DMAOp regions/blocks must have exactly one DMABDOp")
            if sum(isinstance(o, UseLockOp) for o in ops) != 2:
                raise op_error(self, "DMAOp regions/blocks must have exactly two UseLock ops")


# Ops: routing (flow, packet_flow, packet_source, packet_dest, shim_dma_allocation)


# AIEOps.td @ 2741ca50 AIE_FlowOp.
@declared
class FlowOp(IRDLOperation):
    """``aie.flow(%a, DMA : 0, %b, DMA : 1)``: a circuit-switched stream between two tiles."""

    name = "aie.flow"
    source = operand_def(IndexType)
    source_bundle = prop_def(IntegerAttr[I32])
    source_channel = prop_def(IntegerAttr[I32])
    dest = operand_def(IndexType)
    dest_bundle = prop_def(IntegerAttr[I32])
    dest_channel = prop_def(IntegerAttr[I32])
    assembly_format = ("`(` $source `,` custom<Port>($source_bundle, $source_channel) `,` $dest `,` "
                       "custom<Port>($dest_bundle, $dest_channel) `)` attr-dict")

    def verify_(self) -> None:
        for what in ("source_bundle", "dest_bundle"):
            WireBundle.check(self.properties[what], what, self)
        _check_min(self, "source_channel", "dest_channel")


# AIEOps.td @ 2741ca50 AIE_PacketFlowOp; AIEDialect.cpp PacketFlowOp::verify.
@declared
class PacketFlowOp(IRDLOperation):
    """``aie.packet_flow(id) { aie.packet_source<...> aie.packet_dest<...> }``: a packet-switched flow."""

    name = "aie.packet_flow"
    ID = prop_def(IntegerAttr[I8])
    keep_pkt_header = opt_prop_def(BoolAttr)
    priority_route = opt_prop_def(BoolAttr)
    ports = region_def()
    traits = traits_def(NoTerminator())
    assembly_format = "`(` $ID `)` custom<EndRegion>($ports) attr-dict"

    @property
    def ends(self) -> list[PacketSourceOp | PacketDestOp]:
        """The flow's ``aie.packet_source`` and ``aie.packet_dest`` ops, in order."""
        return [op for b in self.ports.blocks for op in b.ops if isinstance(op, PacketSourceOp | PacketDestOp)]

    def verify_(self) -> None:
        if not self.ports.blocks:
            raise op_error(self, "should have non-empty body")
        sources = dests = 0
        for op in self.ports.blocks[0].ops:
            if not isinstance(op, PacketSourceOp | PacketDestOp | EndOp):
                raise op_error(op, "cannot be contained in a PacketFlow op", at=op)
            sources += isinstance(op, PacketSourceOp)
            dests += isinstance(op, PacketDestOp)
        # AIEDialect.cpp (2026) PacketFlowOp::verify.
        if sources < 1:
            raise op_error(self, "must have at least one aie.packet_source")
        if dests < 1:
            raise op_error(self, "must have at least one aie.packet_dest")


class _PacketEndOp(IRDLOperation):
    """Shared syntax of packet_source / packet_dest: `<` $tile `,` $bundle `:` $channel `>` attr-dict."""

    tile = operand_def(IndexType)
    bundle = prop_def(IntegerAttr[I32])
    channel = prop_def(IntegerAttr[I32])
    traits = lazy_traits_def(lambda: (HasParent(PacketFlowOp),))
    assembly_format = "`<` $tile `,` custom<Port>($bundle, $channel) `>` attr-dict"

    def verify_(self) -> None:
        WireBundle.check(self.bundle, "bundle", self)


# AIEOps.td @ 2741ca50 AIE_PacketSourceOp: HasParent<"PacketFlowOp">.
@declared
class PacketSourceOp(_PacketEndOp):
    """``aie.packet_source<%tile, DMA : 0>``: where a packet flow starts."""

    name = "aie.packet_source"


# AIEOps.td @ 2741ca50 AIE_PacketDestOp: HasParent<"PacketFlowOp">.
@declared
class PacketDestOp(_PacketEndOp):
    """``aie.packet_dest<%tile, DMA : 1>``: where a packet flow ends."""

    name = "aie.packet_dest"


class _SymbolIfNamed(OptionalSymbolOpInterface):
    """A symbol when ``sym_name`` is a name (2025+), not when it is a reference (older ODS)."""

    def get_sym_attr_name(self, op: Operation) -> StringAttr | None:
        name = op.get_attr_or_prop("sym_name")
        return name if isinstance(name, StringAttr) else None


# AIEOps.td @ 2741ca50 AIE_ShimDMAAllocationOp: $sym_name `(` $channel_dir `,` $channel_index
# `,` $col (`,` $packet^)? `)` attr-dict (channel_index, col: i64; sym_name a FlatSymbolRefAttr
# there, a symbol of its own since 2025: AIEDialect.cpp getForSymbol looks it up as one). The
# 2026 form puts the shim tile first instead of the column: `@of (%tile, MM2S, 0)`.
@irdl_op_definition
class ShimDMAAllocationOp(IRDLOperation):
    """``aie.shim_dma_allocation @of(MM2S, 0, 0)``: which shim DMA channel serves a FIFO's host end."""

    name = "aie.shim_dma_allocation"
    tile = opt_operand_def(IndexType)
    sym_name = prop_def(StringAttr | SymbolRefAttr)
    channel_dir = prop_def(IntegerAttr[I32])
    channel_index = prop_def(IntegerAttr)
    col = opt_prop_def(IntegerAttr)
    plio = opt_prop_def(BoolAttr)
    packet = opt_prop_def(PacketInfoAttr)
    traits = lazy_traits_def(lambda: (HasParent(DeviceOp), _SymbolIfNamed()))

    @classmethod
    def parse(cls, parser: Parser) -> ShimDMAAllocationOp:
        name = parser.parse_symbol_name()
        # The column form is the era of a FlatSymbolRefAttr name (a design may also have a
        # memref.global of that name); the tile form, of a symbol of its own.
        props: dict[str, Attribute] = {"sym_name": SymbolRefAttr(name)}
        operands = []
        with parser.in_parens():
            if (tile := parser.parse_optional_operand(IndexType())) is not None:
                operands.append(tile)
                props["sym_name"] = name
                parser.parse_punctuation(",")
            props["channel_dir"] = DMAChannelDir.parse(parser)
            parser.parse_punctuation(",")
            props["channel_index"] = IntegerAttr(_parse_int(parser), i64)
            while parser.parse_optional_punctuation(",") is not None:
                if (v := parser.parse_optional_integer(allow_boolean=False)) is not None:
                    props["col"] = IntegerAttr(v, i64)
                else:
                    props["packet"] = parse_packet_info(parser)
        attrs = parse_attr_dict(parser, cls, props)
        return cls.create(operands=operands, properties=props, attributes=attrs)

    @property
    def alloc_name(self) -> str:
        """The allocation's name (what a ``metadata`` refers to), without ``@``, whichever form ``sym_name`` has."""
        return self.sym_name.data if isinstance(self.sym_name, StringAttr) else self.sym_name.string_value()

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_symbol_name(self.alloc_name)
        printer.print_string("(")
        if self.tile is not None:
            printer.print_operand(self.tile)
            printer.print_string(", ")
        printer.print_string(f"{DMAChannelDir.keyword_of(self.channel_dir)}, {self.channel_index.value.data}")
        if self.col is not None:
            printer.print_string(f", {self.col.value.data}")
        if self.packet is not None:
            printer.print_string(", ")
            self.packet.print_parameters(printer)
        printer.print_string(")")
        print_attr_dict(printer, self, ("sym_name", "channel_dir", "channel_index", "col", "packet"))

    def verify_(self) -> None:
        DMAChannelDir.check(self.channel_dir, "channel_dir", self)
        if self.tile is None and self.col is None:
            raise op_error(self, "needs a shim tile operand or a column")
        if self.tile is not None and (t := tile_of(self.tile)) is not None and t.kind not in (None, "shim"):
            raise op_error(self, f"tile must be a shim tile, but got tile({t.coords[0]}, {t.coords[1]})")


# Ops: runtime sequence (aie dialect form; the older one is aiex.runtime_sequence)

DEFAULT_RUNTIME_SEQUENCE_NAME = "sequence"  # RuntimeSequenceOp::getDefaultRuntimeSequenceName


class RuntimeSequenceBase(IRDLOperation):
    """A runtime sequence, ``aie.runtime_sequence`` or v1.x's ``aiex.runtime_sequence`` (same syntax):
    ``@name? (%a: T, ...) (attributes {...})? { body }``, the default name left out
    (AIEDialect.cpp RuntimeSequenceOp::parse/print)."""

    sym_name = opt_prop_def(StringAttr)
    body = region_def()
    traits = traits_def(NoTerminator(), OptionalSymbolOpInterface())

    @property
    def sequence_name(self) -> str:
        """The sequence's symbol name, or mlir-aie's default ``sequence`` when it has none."""
        return self.sym_name.data if self.sym_name is not None else DEFAULT_RUNTIME_SEQUENCE_NAME

    @property
    def args(self) -> tuple[SSAValue, ...]:
        """The body's block arguments (the host buffers, in order); () for a body without a block."""
        block = self.body.blocks.first
        return tuple(block.args) if block is not None else ()

    @classmethod
    def parse(cls, parser: Parser) -> Self:
        props: dict[str, Attribute] = {}
        if (sym := parser.parse_optional_symbol_name()) is not None:
            props["sym_name"] = sym
        args = parser.parse_comma_separated_list(parser.Delimiter.PAREN, parser.parse_argument)
        attrs: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("attributes") is not None:
            attrs = parse_attr_dict(parser, cls, props)
        body = parser.parse_region(args)
        if not body.blocks:
            body.add_block(Block())
        return cls.create(properties=props, attributes=attrs, regions=[body])

    def print(self, printer: Printer) -> None:
        if self.sequence_name != DEFAULT_RUNTIME_SEQUENCE_NAME:
            printer.print_string(" ")
            printer.print_symbol_name(self.sequence_name)
        printer.print_string("(")
        printer.print_list(self.args, printer.print_block_argument)
        printer.print_string(")")
        entries = {k: v for k, v in self.properties.items() if k != "sym_name"} | dict(self.attributes)
        if entries:
            printer.print_string(" attributes ")
            printer.print_attr_dict(dict(sorted(entries.items())))
        printer.print_string(" ")
        printer.print_region(self.body, print_entry_block_args=False, print_empty_block=False)


# AIEDialect.cpp RuntimeSequenceOp::verify (AIE dialect since 2025).
@irdl_op_definition
class RuntimeSequenceOp(RuntimeSequenceBase):
    """``aie.runtime_sequence @seq(%in: memref<...>) { ... }``: the host-side program of one NPU call."""

    name = "aie.runtime_sequence"

    def verify_(self) -> None:
        if device_of(self) is None:
            raise op_error(self, "must be inside AIE device operation.")


# Ops of lowered designs (switchboxes, cascades): enough to read what aiecc's passes emit


class _TileRegionOp(IRDLOperation):
    """Shared syntax of aie.switchbox / aie.shim_mux: `(` $tile `)` regions attr-dict (implicit aie.end)."""

    tile = operand_def(IndexType)
    connections = region_def()
    result = result_def(IndexType)
    traits = traits_def(NoTerminator())
    assembly_format = "`(` $tile `)` custom<EndRegion>($connections) attr-dict"


# AIEOps.td @ 2741ca50 AIE_SwitchboxOp.
@declared
class SwitchboxOp(_TileRegionOp):
    """``aie.switchbox(%tile) { aie.connect<...> }``: a tile's stream switch configuration."""

    name = "aie.switchbox"


# AIEOps.td @ 2741ca50 AIE_ShimMuxOp.
@declared
class ShimMuxOp(_TileRegionOp):
    """``aie.shim_mux(%tile) { aie.connect<...> }``: a shim tile's extra interconnect."""

    name = "aie.shim_mux"


# AIEOps.td @ 2741ca50 AIE_ConnectOp.
@declared
class ConnectOp(IRDLOperation):
    """``aie.connect<West : 0, Core : 1>``: one circuit-switched connection inside a switchbox."""

    name = "aie.connect"
    source_bundle = prop_def(IntegerAttr[I32])
    source_channel = prop_def(IntegerAttr[I32])
    dest_bundle = prop_def(IntegerAttr[I32])
    dest_channel = prop_def(IntegerAttr[I32])
    assembly_format = ("`<` custom<Port>($source_bundle, $source_channel) `,` "
                       "custom<Port>($dest_bundle, $dest_channel) `>` attr-dict")


# AIEOps.td @ 2741ca50 AIE_WireOp: `(` $source `:` $source_bundle `,` $dest `:` $dest_bundle `)`.
@declared
class WireOp(IRDLOperation):
    """``aie.wire(%a : South, %b : North)``: physical wires between two components."""

    name = "aie.wire"
    source = operand_def(IndexType)
    source_bundle = prop_def(IntegerAttr[I32])
    dest = operand_def(IndexType)
    dest_bundle = prop_def(IntegerAttr[I32])
    assembly_format = ("`(` $source `:` custom<WireBundle>($source_bundle) `,` $dest `:` "
                       "custom<WireBundle>($dest_bundle) `)` attr-dict")


@custom_directive
class MergeSchedule(CustomDirective):
    """``custom<MergeSchedule>($deterministic_merge)``: an arbiter's deterministic-merge schedule,
    `` deterministic_merge [<North : 1, 1>, <DMA : 0, 3>]``, each slot ``<slave bundle : channel,
    packet count>`` (mlir-aie PR #3537, 2026; test/npu-xrt/packet_flow_merge_order/aie.mlir). Its
    ODS was not available: the slots are kept as ``array<i32: bundle, channel, count>``."""

    slots: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        if parser.parse_optional_keyword("deterministic_merge") is None:
            return

        def slot() -> DenseArrayBase:
            parser.parse_punctuation("<")
            bundle = WireBundle.parse(parser)
            parser.parse_punctuation(":")
            channel = _parse_int(parser)
            parser.parse_punctuation(",")
            count = _parse_int(parser)
            parser.parse_punctuation(">")
            return DenseArrayBase.from_list(i32, [WireBundle.of(bundle).value, channel, count])

        self.slots.set(state, ArrayAttr(parser.parse_comma_separated_list(parser.Delimiter.SQUARE, slot)))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        if (slots := self.slots.get(op)) is None:
            return
        printer.print_string(" deterministic_merge [")
        printer.print_list(slots.data, lambda s: printer.print_string(
            "<{} : {}, {}>".format(WireBundle(s.get_values()[0]).name, *s.get_values()[1:])))
        printer.print_string("]")


# AIEOps.td @ 2741ca50 AIE_AMSelOp: `<` $arbiterID `>` `(` $msel `)` attr-dict (i8 each); the
# deterministic-merge schedule after it is mlir-aie PR #3537's (2026), see MergeSchedule.
@declared
class AMSelOp(IRDLOperation):
    """``%a = aie.amsel<5>(3)``: an arbiter and master-select pair of a switchbox."""

    name = "aie.amsel"
    arbiterID = prop_def(IntegerAttr[I8])
    msel = prop_def(IntegerAttr[I8])
    deterministic_merge = opt_prop_def(ArrayAttr)
    result = result_def(IndexType)
    assembly_format = "`<` $arbiterID `>` `` `(` $msel `)` custom<MergeSchedule>($deterministic_merge) attr-dict"

    def verify_(self) -> None:
        if self.deterministic_merge is None:
            return
        # PR #3537: only arbiters 0 and 1 have a deterministic-merge mode, and the schedule is the
        # arbiter's, so one amsel of that arbiter carries it (the messages are npu-tiler's).
        if self.arbiterID.value.data not in (0, 1):
            raise op_error(self, "deterministic_merge is only available on arbiters 0 and 1")
        if not self.deterministic_merge.data:
            raise op_error(self, "deterministic_merge needs at least one slot")
        for slot in self.deterministic_merge.data:
            if not isinstance(slot, DenseArrayBase) or len(slot.get_values()) != 3 or slot.get_values()[2] < 1:
                raise op_error(self, "a deterministic_merge slot is <slave bundle : channel, packet count >= 1>")
        block = self.parent_block()
        if block is not None and any(isinstance(o, AMSelOp) and o is not self and o.deterministic_merge is not None
                                     and o.arbiterID.value.data == self.arbiterID.value.data for o in block.ops):
            raise op_error(self, f"arbiter {self.arbiterID.value.data} has more than one deterministic_merge schedule")


# AIEOps.td @ 2741ca50 AIE_MasterSetOp: `(` $dest_bundle `:` $dest_channel `,` $amsels `)` attr-dict.
@declared
class MasterSetOp(IRDLOperation):
    """``%m = aie.masterset(East : 0, %a)``: a packet-switched master port of a switchbox."""

    name = "aie.masterset"
    dest_bundle = prop_def(IntegerAttr[I32])
    dest_channel = prop_def(IntegerAttr[I32])
    amsels = var_operand_def(IndexType)
    keep_pkt_header = opt_prop_def(BoolAttr)
    result = result_def(IndexType)
    assembly_format = "`(` custom<Port>($dest_bundle, $dest_channel) (`,` $amsels^)? `)` attr-dict"


# AIEOps.td @ 2741ca50 AIE_PacketRulesOp.
@declared
class PacketRulesOp(IRDLOperation):
    """``aie.packet_rules(South : 0) { aie.rule(...) }``: packet routing rules of a slave port."""

    name = "aie.packet_rules"
    source_bundle = prop_def(IntegerAttr[I32])
    source_channel = prop_def(IntegerAttr[I32])
    rules = region_def()
    traits = traits_def(NoTerminator())
    assembly_format = "`(` custom<Port>($source_bundle, $source_channel) `)` custom<EndRegion>($rules) attr-dict"


# AIEOps.td @ 2741ca50 AIE_PacketRuleOp: `(` $mask `,` $value `,` $amsel `)` attr-dict (i8).
@declared
class PacketRuleOp(IRDLOperation):
    """``aie.rule(0x1F, 0x10, %a)``: one packet routing rule."""

    name = "aie.rule"
    mask = prop_def(IntegerAttr[I8])
    value = prop_def(IntegerAttr[I8])
    amsel = operand_def(IndexType)
    assembly_format = "`(` $mask `,` $value `,` $amsel `)` attr-dict"


# AIEOps.td @ 2741ca50 AIE_CascadeFlowOp: `(` $source_tile `,` $dest_tile `)` attr-dict.
@declared
class CascadeFlowOp(IRDLOperation):
    """``aie.cascade_flow(%a, %b)``: a cascade stream between neighbouring cores."""

    name = "aie.cascade_flow"
    source_tile = operand_def(IndexType)
    dest_tile = operand_def(IndexType)
    assembly_format = "`(` $source_tile `,` $dest_tile `)` attr-dict"

    def verify_(self) -> None:
        # AIEDialect.cpp CascadeFlowOp::verify.
        src, dst = tile_of(self.source_tile), tile_of(self.dest_tile)
        if src is None or dst is None:
            return
        if "shim" in (src.kind, dst.kind):
            raise op_error(self, "shimTile row has no cascade stream interface")
        if "mem" in (src.kind, dst.kind):
            raise op_error(self, "memTile row has no cascade stream interface")
        (a, b), (c, d) = src.coords, dst.coords
        if abs(a - c) + abs(b - d) != 1:
            raise op_error(self, "tiles must be adjacent")


# AIEOps.td @ 2741ca50 AIE_ConfigureCascadeOp: `(` $tile `,` $inputDir `,` $outputDir `)` attr-dict.
@declared
class ConfigureCascadeOp(IRDLOperation):
    """``aie.configure_cascade(%t, North, South)``: a core's cascade input and output directions."""

    name = "aie.configure_cascade"
    tile = operand_def(IndexType)
    inputDir = prop_def(IntegerAttr[I32])
    outputDir = prop_def(IntegerAttr[I32])
    assembly_format = "`(` $tile `,` custom<CascadeDir>($inputDir) `,` custom<CascadeDir>($outputDir) `)` attr-dict"


# AIEOps.td @ 2741ca50 AIE_GetCascadeOp: `(` `)` attr-dict `:` type($cascade_value).
@declared
class GetCascadeOp(IRDLOperation):
    """``%v = aie.get_cascade() : vector<16xi32>``: read the cascade input."""

    name = "aie.get_cascade"
    cascade_value = result_def()
    assembly_format = "`(` `)` attr-dict `:` type($cascade_value)"


# AIEOps.td @ 2741ca50 AIE_PutCascadeOp: `(` $cascade_value `:` type($cascade_value) `)` attr-dict.
@declared
class PutCascadeOp(IRDLOperation):
    """``aie.put_cascade(%v : vector<16xi32>)``: write the cascade output."""

    name = "aie.put_cascade"
    cascade_value = operand_def()
    assembly_format = "`(` $cascade_value `:` type($cascade_value) `)` attr-dict"



# Ops: trace configuration (AIETraceOps.td @ 019b75a7, mlir-aie 2025-2026; test/npu-xrt/*trace* designs)


def _parse_trace_event(parser: Parser) -> StringAttr:
    """A TraceEventAttr: ``<"INSTR_EVENT_0">`` or ``<CoreEventAIE2::INSTR_EVENT_0>`` (kept as written)."""
    with parser.in_angle_brackets():
        if (name := parser.parse_optional_str_literal()) is not None:
            return StringAttr(name)
        words = [parser.parse_identifier()]
        while parser.parse_optional_punctuation("::") is not None:
            words.append(parser.parse_identifier())
        if len(words) == 1:
            parser.raise_error("expected an event: a string or Enum::NAME")
        return StringAttr("::".join(words))


def _print_trace_event(printer: Printer, event: StringAttr) -> None:
    printer.print_string("<")
    if "::" in event.data:
        printer.print_string(event.data)
    else:
        printer.print_string_literal(event.data)
    printer.print_string(">")


@custom_directive
class TraceEvent(CustomDirective):
    """``custom<TraceEvent>($event)``: a trace event, ``<"NAME">`` or ``<Enum::NAME>`` (TraceEventAttr)."""

    event: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        self.event.set(state, _parse_trace_event(parser))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        _print_trace_event(printer, self.event.get(op))


TRACE_PACKET_TYPES = ("core", "mem", "shimtile", "memtile")  # AIETraceAttrs.td TracePacketType


@custom_directive
class TracePacketType(CustomDirective):
    """``custom<TracePacketType>($type)``: ``core``, ``mem``, ``shimtile`` or ``memtile``, kept as its keyword."""

    value: AttributeVariable

    def parse(self, parser: Parser, state: ParsingState) -> None:
        pos = parser.pos
        if (word := parser.parse_optional_identifier()) not in TRACE_PACKET_TYPES:
            parser.raise_error(f"expected a trace packet type: one of {', '.join(TRACE_PACKET_TYPES)}", pos)
        self.value.set(state, StringAttr(word))

    def print(self, printer: Printer, state: PrintingState, op: IRDLOperation) -> None:
        state.print_whitespace(printer)
        printer.print_string(self.value.get(op).data)


def _in_trace(op: Operation) -> TraceOp:
    if not isinstance(parent := op.parent_op(), TraceOp):
        raise op_error(op, "expects parent op 'aie.trace'")
    return parent


# AIETraceOps.td @ 019b75a7 AIE_TraceOp: Symbol, HasParent<DeviceOp>, SingleBlockImplicitTerminator<EndOp>.
# The enum-valued attributes (TraceMode, TracePacketType, TraceEvent) are kept as their keywords
# (StringAttr): the generic form may differ from aie-opt's.
@declared(sort_properties=True)
class TraceOp(IRDLOperation):
    """``aie.trace @t(%tile) { aie.trace.event<"..."> ... }``: a named trace configuration of a tile."""

    name = "aie.trace"
    tile = operand_def(IndexType)
    sym_name = prop_def(SymbolNameConstraint())
    buffer_size = opt_prop_def(IntegerAttr[I32])
    body = region_def()
    traits = traits_def(SymbolOpInterface())
    assembly_format = ("$sym_name `(` $tile `)` (`buffer_size` `=` $buffer_size^)? custom<EndRegion>($body) "
                       "attr-dict")

    def verify_(self) -> None:
        _check_in_device(self)
        events = sum(isinstance(op, TraceEventOp) for op in self.body.ops)
        if events > 8:  # AIETraceOps.td: "Maximum 8 events per trace unit"
            raise op_error(self, f"has {events} trace events; a trace unit has 8 slots")


@declared
class TraceModeOp(IRDLOperation):
    """``aie.trace.mode "Event-Time"``: the trace mode (Event-Time, Event-PC or Execution)."""

    name = "aie.trace.mode"
    mode = prop_def(StringAttr)
    assembly_format = "$mode attr-dict"

    def verify_(self) -> None:
        _in_trace(self)
        if self.mode.data not in ("Event-Time", "Event-PC", "Execution"):
            raise op_error(self, f"unknown trace mode '{self.mode.data}'")


@declared(sort_properties=True)
class TraceEventOp(IRDLOperation):
    """``aie.trace.event<"INSTR_EVENT_0">``: an event the trace unit records."""

    name = "aie.trace.event"
    event = prop_def(StringAttr)
    label = opt_prop_def(StringAttr)
    assembly_format = "custom<TraceEvent>($event) (`label` `=` $label^)? attr-dict"

    def verify_(self) -> None:
        _in_trace(self)


@declared(sort_properties=True)
class TracePacketOp(IRDLOperation):
    """``aie.trace.packet id=1 type=core``: route the trace by packet (ID 1-31, a tile-kind type)."""

    name = "aie.trace.packet"
    id = prop_def(IntegerAttr[I32])
    type = prop_def(StringAttr)
    assembly_format = "`id` `=` $id `type` `=` custom<TracePacketType>($type) attr-dict"

    def verify_(self) -> None:
        _in_trace(self)
        if not 1 <= self.id.value.data <= 31:
            raise op_error(self, "attribute 'id' failed to satisfy constraint: 32-bit signless integer attribute "
                                 "whose minimum value is 1 whose maximum value is 31")


@declared(sort_properties=True)
class TracePortOp(IRDLOperation):
    """``aie.trace.port<0> port=DMA channel=0 direction=S2MM``: a stream-switch port a slot (0-7) watches."""

    name = "aie.trace.port"
    slot = prop_def(IntegerAttr[I32])
    port = prop_def(IntegerAttr[I32])
    channel = prop_def(IntegerAttr[I32])
    direction = prop_def(IntegerAttr[I32])
    assembly_format = ("`<` $slot `>` `port` `=` custom<WireBundle>($port) `channel` `=` $channel "
                       "`direction` `=` custom<DMAChannelDir>($direction) attr-dict")

    def verify_(self) -> None:
        _in_trace(self)
        if not 0 <= self.slot.value.data <= 7:
            raise op_error(self, "attribute 'slot' failed to satisfy constraint: 32-bit signless integer attribute "
                                 "whose minimum value is 0 whose maximum value is 7")
        WireBundle.check(self.port, "port", self)
        DMAChannelDir.check(self.direction, "direction", self)


class _TraceTriggerOp(IRDLOperation):
    """aie.trace.start / aie.trace.stop (hasCustomAssemblyFormat): ``broadcast=15`` or ``event=<"TRUE">``."""

    broadcast = opt_prop_def(IntegerAttr[I32])
    event = opt_prop_def(StringAttr)

    @classmethod
    def parse(cls, parser: Parser) -> Self:
        props: dict[str, Attribute] = {}
        if parser.parse_optional_keyword("broadcast") is not None:
            parser.parse_punctuation("=")
            props["broadcast"] = _i32(_parse_int(parser))
        elif parser.parse_optional_keyword("event") is not None:
            parser.parse_punctuation("=")
            props["event"] = _parse_trace_event(parser)
        attrs = parse_attr_dict(parser, cls, props)
        return cls.create(properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        if self.broadcast is not None:
            printer.print_string(f" broadcast={self.broadcast.value.data}")
        elif self.event is not None:
            printer.print_string(" event=")
            _print_trace_event(printer, self.event)
        print_attr_dict(printer, self, ("broadcast", "event"))

    def verify_(self) -> None:
        _in_trace(self)
        if (self.broadcast is None) == (self.event is None):
            raise op_error(self, "needs exactly one of broadcast or event")


@irdl_op_definition
class TraceStartEventOp(_TraceTriggerOp):
    """``aie.trace.start broadcast=15``: the event that starts the trace."""

    name = "aie.trace.start"


@irdl_op_definition
class TraceStopEventOp(_TraceTriggerOp):
    """``aie.trace.stop broadcast=14``: the event that stops the trace."""

    name = "aie.trace.stop"


# AIETraceOps.td @ 019b75a7 AIE_TraceStartConfigOp: $trace_config attr-dict.
@declared
class TraceStartConfigOp(IRDLOperation):
    """``aie.trace.start_config @t``: apply trace configuration ``@t`` from the runtime sequence."""

    name = "aie.trace.start_config"
    trace_config = prop_def(SymbolRefAttr)
    assembly_format = "$trace_config attr-dict"


# Newer than AIETraceOps.td @ 019b75a7 (its ODS was not available): written in the runtime sequence
# of mlir-aie's test/npu-xrt trace designs as `aie.trace.host_config {buffer_size = 8192 : i32}` or
# `aie.trace.host_config buffer_size = 8192`; other entries (reuse_output_buffer) kept as attributes.
@declared
class TraceHostConfigOp(IRDLOperation):
    """``aie.trace.host_config buffer_size = 8192``: the host trace buffer of the sequence's traces."""

    name = "aie.trace.host_config"
    buffer_size = opt_prop_def(IntegerAttr[I32])
    assembly_format = "(`buffer_size` `=` $buffer_size^)? attr-dict"


# `aie.event(0)` inside a core (mlir-aie test/npu-xrt/full_elf_event_trace): raise event ``val`` of
# the core's event module (the INSTR_EVENT_<val> a trace records). AIEOps.td's definition was not
# available here; the property name ``val`` is mlir-aie's as remembered, not read: the generic form may differ.
@declared
class EventOp(IRDLOperation):
    """``aie.event(0)``: a core raises event 0 or 1 (INSTR_EVENT_0/1, which traces record)."""

    name = "aie.event"
    val = prop_def(IntegerAttr[I32])
    assembly_format = "`(` $val `)` attr-dict"

    def verify_(self) -> None:
        _core_of(self)

TRACE_OPS = (TraceOp, TraceModeOp, TraceEventOp, TracePacketOp, TracePortOp, TraceStartEventOp, TraceStopEventOp,
             TraceStartConfigOp, TraceHostConfigOp, EventOp)

AIE = Dialect(
    "aie",
    [
        DeviceOp, TileOp, LogicalTileOp, EndOp, CoreOp, BufferOp, ExternalBufferOp, LockOp, UseLockOp,
        ObjectFifoCreateOp, ObjectFifoLinkOp, ObjectFifoAcquireOp, ObjectFifoReleaseOp,
        ObjectFifoSubviewAccessOp, ObjectFifoAllocateOp, ObjectFifoRegisterExternalBuffersOp,
        ObjectFifoBufferOp, ObjectFifoLockOp, *SPLIT_FIFO_OPS,
        MemOp, MemTileDMAOp, ShimDMAOp, DMAStartOp, DMABDOp, NextBDOp, DMABDPacketOp, DMAOp,
        FlowOp, PacketFlowOp, PacketSourceOp, PacketDestOp, ShimDMAAllocationOp, RuntimeSequenceOp,
        SwitchboxOp, ShimMuxOp, ConnectOp, WireOp, AMSelOp, MasterSetOp, PacketRulesOp, PacketRuleOp,
        CascadeFlowOp, ConfigureCascadeOp, GetCascadeOp, PutCascadeOp, *TRACE_OPS,
    ],
    [
        ObjectFifoType, ObjectFifoSubviewType, BDDimLayoutAttr, BDDimLayoutArrayAttr,
        BDDimLayoutArrayArrayAttr, BDPadLayoutAttr, BDPadLayoutArrayAttr, PacketInfoAttr, BDIterationAttr,
        AIEDeviceAttr, ObjectFifoPortAttr, ObjectFifoSegmentAttr,
    ],
)
"""The ``aie`` dialect: load it into an ``xdsl.context.Context`` (see ``partitioner.mlir.parse``)."""
