"""The ``aie`` dialect of mlir-aie on xDSL: its ops, attributes and types, with mlir-aie's
assembly formats and verifiers, so ``partitioner.mlir.parse`` reads any mlir-aie design.

Contract:

* every op parses from mlir-aie's custom (pretty) syntax and from MLIR's generic form,
  and prints back to the same custom syntax (``xdsl.printer.Printer``); printing and
  parsing again gives the same IR;
* properties are kept as written: ODS default values are not filled in (read them with
  the ops' accessors, e.g. ``CoreOp.stack_bytes``), except what aie-opt's generic form
  requires and the custom syntax implies (an ObjectFIFO's empty ``dimensionsToStream`` /
  ``dimensionsFromStreamPerConsumer``, the implicit ``aie.end`` of single-block regions);
* mlir-aie's ``I32EnumAttr`` arguments (device, port, channel direction, wire bundle,
  lock action) are stored as ``i32`` ``IntegerAttr`` properties, as ``aie-opt`` prints
  them in generic form (``<{device = 4 : i32}>``); the generic form npu-tiler itself
  writes (``#aie.device<npu1>``, ``#aie.objectfifo_port<Consume>``) is accepted as well.
  Read them with :func:`enum_keyword` (or the ops' ``*_name`` properties), never by
  comparing attributes;
* verifiers follow ``lib/Dialect/AIE/IR/AIEDialect.cpp`` and the traits of
  ``AIEOps.td`` / ``AIEInterfaces.td`` and raise ``VerifyException`` with mlir-aie's
  messages (``'aie.core' op failed to verify that op exists in a core tile``); an error
  mlir-aie reports on another op (the core, for a misplaced acquire) is an
  :class:`AieVerifyError` carrying that op, so a caller can report its location;
* the array geometry of a device comes from ``partitioner.device`` (``params/devices.toml``)
  when that file has the device, else from :data:`_DEVICES` below (see :func:`device_model`).

Sources (paths inside Xilinx/mlir-aie; commit when the stored copy named one):

* ``include/aie/Dialect/AIE/IR/AIEOps.td`` @ 2741ca505321aa7cbe0bc72a566f595d3699ccb2 (ODS);
* ``include/aie/Dialect/AIE/IR/AIEAttrs.td`` @ a3897048ec91390a61d08b72be7b16676ed759da
  (enums and their integer values);
* ``include/aie/Dialect/AIE/IR/AIETypes.td`` @ c446a5fa9745382484b805c81af491d0b99d5baf;
* ``include/aie/Dialect/AIE/IR/AIEInterfaces.td`` @ 03080eb8c382c26980f310c1ed61d5e46570506e
  (IsCoreTile, IsMemTile, IsShimNOCTile, IsTileWithMemory trait messages);
* ``lib/Dialect/AIE/IR/AIEDialect.cpp``, the 2025 revision that has npu2_1col..npu2_7col
  (custom parsers and verifiers; cited below as "AIEDialect.cpp"), and the 2026 revision
  (logical tiles, xcve3858; cited as "AIEDialect.cpp (2026)") for the few checks it added;
* ``include/aie/Dialect/AIE/IR/AIETargetModel.h`` (rows, mem-tile rows, NOC columns).

No code is copied from mlir-aie: the ops are re-stated on xDSL's IRDL.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from xdsl.dialects.builtin import (
    I8,
    I32,
    I64,
    BoolAttr,
    ArrayAttr,
    BFloat16Type,
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    Float16Type,
    Float32Type,
    Float64Type,
    IndexType,
    IntAttr,
    IntegerAttr,
    IntegerType,
    MemRefType,
    ModuleOp,
    StringAttr,
    SymbolRefAttr,
    TensorType,
    i1,
    i8,
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
)
from xdsl.parser import AttrParser, Parser
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
from xdsl.utils.exceptions import VerifyException

from partitioner import device as device_mod

# ----------------------------------------------------------------------------------------
# Devices: which exist, their generation and their array geometry
# ----------------------------------------------------------------------------------------

# AIEAttrs.td @ a3897048 ``AIEDevice`` (I32EnumAttr): name -> the integer aie-opt prints in
# generic form. Older mlir-aie (AIEAttrs.td @ 098ca51b) numbered npu1_4col = 8, npu2 = 9;
# the current numbering has no npu1_4col (npu1 *is* the 4-column NPU1), so that name is
# accepted in the custom syntax only, as a legacy spelling of npu1's array.
AIE_DEVICE_VALUES: dict[str, int] = {
    "xcvc1902": 1, "xcve2302": 2, "xcve2802": 3,
    "npu1": 4, "npu1_1col": 5, "npu1_2col": 6, "npu1_3col": 7,
    "npu2": 8, "npu2_1col": 9, "npu2_2col": 10, "npu2_3col": 11, "npu2_4col": 12,
    "npu2_5col": 13, "npu2_6col": 14, "npu2_7col": 15,
}
LEGACY_DEVICES = ("npu1_4col",)
DEVICE_RENAMES = {"npu": "npu1"}  # mlir-aie's 2024 name of npu1, read as npu1

_NPU_ROWS = dict(mem_rows=(1,), compute_rows=(2, 3, 4, 5))

# Devices params/devices.toml may lack: generation, columns, mem-tile rows, compute rows and
# the shim columns with a NOC connection (None: every shim tile has one). From
# AIETargetModel.h: VC1902TargetModel (50 x 9, AIE1, NOC columns 2,3,6,7,...),
# VE2302TargetModel (17 x 4, row 1 mem tiles), VE2802TargetModel (38 x 11, rows 1-2 mem
# tiles), VirtualizedNPU1TargetModel(n) and NPU2TargetModel / VirtualizedNPU2TargetModel(n)
# (6 rows: shim 0, mem 1, cores 2-5; every shim tile a NOC tile).
_DEVICES: dict[str, dict] = {
    "xcvc1902": dict(generation="aie1", columns=50, mem_rows=(), compute_rows=tuple(range(1, 9)),
                     noc_columns=frozenset({2, 3, 6, 7, 10, 11, 18, 19, 26, 27, 34, 35, 42, 43, 46, 47})),
    "xcve2302": dict(generation="aie2", columns=17, mem_rows=(1,), compute_rows=(2, 3),
                     noc_columns=frozenset({2, 3, 6, 7, 10, 11})),
    "xcve2802": dict(generation="aie2", columns=38, mem_rows=(1, 2), compute_rows=tuple(range(3, 11)),
                     noc_columns=frozenset({2, 3, 6, 7, 14, 15, 22, 23, 30, 31, 34, 35})),
    "npu1": dict(generation="aie2", columns=4, **_NPU_ROWS),
    "npu1_1col": dict(generation="aie2", columns=1, **_NPU_ROWS),
    "npu1_2col": dict(generation="aie2", columns=2, **_NPU_ROWS),
    "npu1_3col": dict(generation="aie2", columns=3, **_NPU_ROWS),
    "npu1_4col": dict(generation="aie2", columns=4, **_NPU_ROWS),
    "npu2": dict(generation="aie2p", columns=8, **_NPU_ROWS),
    **{f"npu2_{n}col": dict(generation="aie2p", columns=n, **_NPU_ROWS) for n in range(1, 8)},
}

# Per tile kind, for generations devices.toml does not describe (AIE1: AIETargetModel.cpp
# AIE1TargetModel getNumLocks 16, getNumBDs 16, two DMA channels each way).
_AIE1_KIND = dict(locks=16, bds=16, dma_in=2, dma_out=2)


@dataclass(frozen=True)
class DeviceModel:
    """The array of one mlir-aie device: which tile is what, and per-kind resources."""

    name: str
    generation: str  # aie1 | aie2 | aie2p
    columns: int
    shim_row: int
    mem_rows: tuple[int, ...]
    compute_rows: tuple[int, ...]
    noc_columns: frozenset[int] | None  # shim columns with a NOC connection; None: all
    kinds: Mapping[str, Mapping[str, int]]  # kind -> locks, bds, dma_in, dma_out

    @property
    def rows(self) -> int:
        """Rows in the array: the shim row, the memory-tile rows and the compute rows."""
        return 1 + len(self.mem_rows) + len(self.compute_rows)

    def contains(self, col: int, row: int) -> bool:
        """Whether tile ``(col, row)`` is inside the array (``0 <= col < columns``, ``0 <= row < rows``)."""
        return 0 <= col < self.columns and 0 <= row < self.rows

    def kind_of(self, col: int, row: int) -> str:
        """``shim``, ``mem`` or ``compute`` (the tile must be inside the array)."""
        if row == self.shim_row:
            return "shim"
        return "mem" if row in self.mem_rows else "compute"

    def is_shim_noc(self, col: int, row: int) -> bool:
        """Whether ``(col, row)`` is a shim tile with a NOC connection (every shim column when ``noc_columns`` is None)."""
        return row == self.shim_row and (self.noc_columns is None or col in self.noc_columns)

    def resource(self, col: int, row: int, what: str) -> int:
        """How many ``what`` (``locks``, ``bds``, ``dma_in`` or ``dma_out``) a tile of ``(col, row)``'s kind has."""
        return self.kinds[self.kind_of(col, row)][what]

    def legal_mem_affinity(self, core: tuple[int, int], mem: tuple[int, int]) -> bool:
        """Can the core of ``core`` load/store the memory of ``mem`` (isLegalMemAffinity)?

        AIE2: its own memory and its west, north and south neighbours' unless a mem tile
        (as ``partitioner.device``). AIE1's checkerboard is not modelled: always True.
        """
        if self.generation == "aie1":
            return True
        if not self.contains(*mem) or self.kind_of(*mem) != "compute":
            return False
        (c, r), other = core, mem
        return other in ((c, r), (c - 1, r), (c, r + 1), (c, r - 1))


def known_devices() -> list[str]:
    """Every device name a design may give (AIEAttrs.td plus legacy spellings)."""
    return sorted({*AIE_DEVICE_VALUES, *LEGACY_DEVICES, *DEVICE_RENAMES})


def devices_missing_from_toml() -> list[str]:
    """The devices mlir-aie has that ``params/devices.toml`` does not describe."""
    return sorted(set(_DEVICES) - set(device_mod.available()))


@lru_cache(maxsize=None)
def device_model(name: str) -> DeviceModel:
    """The array of device ``name``: from devices.toml when it has it, else :data:`_DEVICES`.

    Raises KeyError for a name mlir-aie does not have.
    """
    name = DEVICE_RENAMES.get(name, name)
    table = _DEVICES[name]
    if name in device_mod.available():
        d = device_mod.load(name)
        return DeviceModel(name, d.generation, d.columns, d.shim_row, tuple(d.mem_rows), tuple(d.compute_rows),
                           table.get("noc_columns"), _kinds(d.kinds))
    kinds = (_kinds(device_mod.load("npu1").kinds) if table["generation"] != "aie1"
             else {k: _AIE1_KIND for k in ("shim", "mem", "compute")})
    return DeviceModel(name, table["generation"], table["columns"], 0, tuple(table["mem_rows"]),
                       tuple(table["compute_rows"]), table.get("noc_columns"), kinds)


def _kinds(kinds: Mapping[str, device_mod.TileKind]) -> dict[str, dict[str, int]]:
    return {k: dict(locks=v.locks, bds=v.bds, dma_in=v.dma_in, dma_out=v.dma_out) for k, v in kinds.items()}


# ----------------------------------------------------------------------------------------
# Enums (AIEAttrs.td @ a3897048): I32EnumAttr <-> keyword
# ----------------------------------------------------------------------------------------


class I32Enum:
    """One mlir-aie ``I32EnumAttr``: parses a keyword (or the older quoted string) into the
    ``i32`` ``IntegerAttr`` aie-opt stores, and prints it back as the keyword."""

    def __init__(self, name: str, cases: Mapping[str, int]):
        self.name = name
        self.cases = dict(cases)
        self.by_value = {v: k for k, v in self.cases.items()}

    def attr(self, keyword: str) -> IntegerAttr:
        """The ``i32`` ``IntegerAttr`` of case ``keyword`` (KeyError for a keyword the enum does not have)."""
        return IntegerAttr(self.cases[keyword], i32)

    def parse(self, parser: AttrParser) -> IntegerAttr:
        """A case keyword, bare (``MM2S``) or quoted (``"MM2S"``, older mlir-aie tests)."""
        pos = parser.pos
        word = parser.parse_optional_identifier_or_str_literal()
        if word is None or word not in self.cases:
            parser.raise_error(f"expected {self.name}: one of {', '.join(self.cases)}", pos, pos + len(word or " "))
        return self.attr(word)

    def keyword(self, attr: Attribute) -> str:
        """The case name of an i32 value or of an npu-tiler enum attribute (``#aie.x<Name>``)."""
        if isinstance(attr, IntegerAttr):
            return self.by_value.get(attr.value.data, str(attr.value.data))
        if isinstance(attr, _KeywordAttr):
            return attr.data
        raise VerifyException(f"expected a {self.name} value, got {attr}")

    def check(self, attr: Attribute, what: str, op: Operation) -> None:
        """Raise a verify error on ``op`` unless ``attr`` (its property ``what``) is one of the enum's cases."""
        name = self.keyword(attr)
        if name not in self.cases:
            raise _op_error(op, f"attribute '{what}' failed to satisfy constraint: {self.name}")

    def print(self, printer: Printer, attr: Attribute) -> None:
        printer.print_string(self.keyword(attr))


WIRE_BUNDLE = I32Enum("WireBundle", dict(Core=0, DMA=1, FIFO=2, South=3, West=4, North=5, East=6, PLIO=7,
                                         NOC=8, Trace=9, TileControl=10))
CASCADE_DIR = I32Enum("CascadeDir", dict(South=3, West=4, North=5, East=6))
LOCK_ACTION = I32Enum("LockAction", dict(Acquire=0, AcquireGreaterEqual=2, Release=1))
LOCK_BLOCKING = I32Enum("LockBlocking", dict(NonBlocking=0, Blocking=1))
AIE_DEVICE = I32Enum("AIEDevice", AIE_DEVICE_VALUES)
OBJECTFIFO_PORT = I32Enum("ObjectFifoPort", dict(Produce=0, Consume=1))
DMA_CHANNEL_DIR = I32Enum("DMAChannelDir", dict(S2MM=0, MM2S=1))


def enum_keyword(enum: I32Enum, attr: Attribute) -> str:
    """The keyword of an enum-valued property, whichever form it was written in."""
    return enum.keyword(attr)


# ----------------------------------------------------------------------------------------
# Attributes and types
# ----------------------------------------------------------------------------------------


class _KeywordAttr(Data[str]):
    """An enum value spelled ``#aie.<mnemonic><Keyword>`` (npu-tiler's generic form)."""

    ENUM: ClassVar[I32Enum]

    @classmethod
    def parse_parameter(cls, parser: AttrParser) -> str:
        with parser.in_angle_brackets():
            pos = parser.pos
            word = parser.parse_identifier()
            if cls.ENUM is AIE_DEVICE:
                word = DEVICE_RENAMES.get(word, word)
            legacy = LEGACY_DEVICES if cls.ENUM is AIE_DEVICE else ()
            if word not in cls.ENUM.cases and word not in legacy:
                parser.raise_error(f"expected {cls.ENUM.name}: one of {', '.join(cls.ENUM.cases)}", pos, parser.pos)
        return word

    def print_parameter(self, printer: Printer) -> None:
        printer.print_string(f"<{self.data}>")


# npu-tiler's emitter (partitioner/emitters/mlir.py) writes these; mlir-aie has no such
# attribute (AIEDevice and ObjectFifoPort are I32EnumAttr), so they exist to read that form.
@irdl_attr_definition
class AIEDeviceAttr(_KeywordAttr):
    """A device written ``#aie.device<npu1>`` (npu-tiler's generic form)."""

    name = "aie.device"
    ENUM = AIE_DEVICE


@irdl_attr_definition
class ObjectFifoPortAttr(_KeywordAttr):
    """An ObjectFifo port written ``#aie.objectfifo_port<Consume>`` (npu-tiler's generic form)."""

    name = "aie.objectfifo_port"
    ENUM = OBJECTFIFO_PORT


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


def _parse_struct_params(parser: AttrParser, names: Sequence[str]) -> tuple[IntAttr, ...]:
    """``<a = 1, b = 2>`` (``struct(params)``) or the older positional ``<1, 2>``."""
    with parser.in_angle_brackets():
        keyed = parser.parse_optional_keyword(names[0]) is not None
        values = []
        for i, name in enumerate(names):
            if i:
                parser.parse_punctuation(",")
                if keyed:
                    parser.parse_keyword(name)
            if keyed:
                parser.parse_punctuation("=")
            values.append(IntAttr(parser.parse_integer(allow_boolean=False)))
    return tuple(values)


# AIEAttrs.td @ a3897048 BDDimLayoutAttr: `<` struct(params) `>`, size and stride (uint32).
@irdl_attr_definition
class BDDimLayoutAttr(ParametrizedAttribute):
    """One dimension of a BD access pattern: ``<size = 16, stride = 1>``."""

    name = "aie.bd_dim_layout"
    size: IntAttr
    stride: IntAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[IntAttr, ...]:
        return _parse_struct_params(parser, ("size", "stride"))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string(f"<size = {self.size.data}, stride = {self.stride.data}>")


# AIEAttrs.td @ a3897048 BDPadLayoutAttr: const_pad_before, const_pad_after (uint16).
@irdl_attr_definition
class BDPadLayoutAttr(ParametrizedAttribute):
    """Zero padding of one BD dimension: ``<const_pad_before = 0, const_pad_after = 2>``."""

    name = "aie.bd_pad_layout"
    const_pad_before: IntAttr
    const_pad_after: IntAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[IntAttr, ...]:
        return _parse_struct_params(parser, ("const_pad_before", "const_pad_after"))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string(f"<const_pad_before = {self.const_pad_before.data}, "
                             f"const_pad_after = {self.const_pad_after.data}>")


# AIEAttrs.td @ a3897048 PacketInfoAttr: pkt_type, pkt_id (uint16).
@irdl_attr_definition
class PacketInfoAttr(ParametrizedAttribute):
    """A packet header: ``#aie.packet_info<pkt_type = 0, pkt_id = 1>``."""

    name = "aie.packet_info"
    pkt_type: IntAttr
    pkt_id: IntAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[IntAttr, ...]:
        return _parse_struct_params(parser, ("pkt_type", "pkt_id"))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string(f"<pkt_type = {self.pkt_type.data}, pkt_id = {self.pkt_id.data}>")


class _LayoutArray(ParametrizedAttribute, OpaqueSyntaxAttribute):
    """An ``ArrayOfAttr``: ``[<...>, ...]`` in the custom syntax, ``#aie<mnemonic[...]>`` generic."""

    value: ArrayAttr
    ELEMENT: ClassVar[type[ParametrizedAttribute]]

    @classmethod
    def parse_elements(cls, parser: AttrParser) -> ArrayAttr:
        return ArrayAttr(parser.parse_comma_separated_list(
            parser.Delimiter.SQUARE, lambda: cls.ELEMENT.new(cls.ELEMENT.parse_parameters(parser))))

    @classmethod
    def parse_optional(cls, parser: AttrParser) -> _LayoutArray | None:
        """``[<...>, ...]`` if the next token opens a list, else None (nothing consumed)."""
        elements = parser.parse_optional_comma_separated_list(
            parser.Delimiter.SQUARE, lambda: cls.ELEMENT.new(cls.ELEMENT.parse_parameters(parser)))
        return None if elements is None else cls(ArrayAttr(elements))

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[ArrayAttr]:
        return (cls.parse_elements(parser),)

    @classmethod
    def get(cls, elements: Iterable[Attribute] = ()) -> _LayoutArray:
        return cls(ArrayAttr(tuple(elements)))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("[")
        for i, e in enumerate(self.value.data):
            if i:
                printer.print_string(", ")
            e.print_parameters(printer)
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
class BDDimLayoutArrayArrayAttr(ParametrizedAttribute, OpaqueSyntaxAttribute):
    """One access pattern per ObjectFifo consumer: ``[[<...>], []]``."""

    name = "aie.bd_dim_layout_array_array"
    value: ArrayAttr

    @classmethod
    def parse_parameters(cls, parser: AttrParser) -> tuple[ArrayAttr]:
        return (ArrayAttr(parser.parse_comma_separated_list(
            parser.Delimiter.SQUARE, lambda: BDDimLayoutArrayAttr(BDDimLayoutArrayAttr.parse_elements(parser)))),)

    @classmethod
    def get(cls, elements: Iterable[BDDimLayoutArrayAttr] = ()) -> BDDimLayoutArrayArrayAttr:
        """The attribute of ``elements``: one ``BDDimLayoutArrayAttr`` per consumer, in consumer order."""
        return cls(ArrayAttr(tuple(elements)))

    def print_parameters(self, printer: Printer) -> None:
        printer.print_string("[")
        for i, e in enumerate(self.value.data):
            if i:
                printer.print_string(", ")
            e.print_parameters(printer)
        printer.print_string("]")

    def __iter__(self) -> Iterator[BDDimLayoutArrayAttr]:
        return iter(self.value.data)

    def __len__(self) -> int:
        return len(self.value.data)


# ----------------------------------------------------------------------------------------
# Errors, lookups and parse/print helpers shared by the ops
# ----------------------------------------------------------------------------------------


class AieVerifyError(VerifyException):
    """A verifier failure; ``op`` is where mlir-aie reports it when not the verified op."""

    def __init__(self, message: str, op: Operation | None = None):
        super().__init__(message)
        self.op = op


def _op_error(op: Operation, message: str, at: Operation | None = None) -> AieVerifyError:
    """mlir-aie's ``emitOpError``: ``'aie.x' op <message>`` (reported at ``at`` if given)."""
    where = at or op
    return AieVerifyError(f"'{where.name}' op {message}", at)


def _error(message: str, at: Operation | None = None) -> AieVerifyError:
    """mlir-aie's ``emitError``: the message alone."""
    return AieVerifyError(message, at)


def device_of(op: Operation) -> DeviceOp | None:
    """The ``aie.device`` enclosing ``op`` (or ``op`` itself), if any."""
    while op is not None and not isinstance(op, DeviceOp):
        op = op.parent_op()
    return op


def model_of(op: Operation) -> DeviceModel:
    """The device model of the enclosing ``aie.device``; outside one, mlir-aie's
    backward-compatible default, the VCK190's xcvc1902 (AIEDialect.cpp getTargetModel)."""
    dev = device_of(op)
    name = dev.device_name if dev is not None else "xcvc1902"
    return device_model(name if name in _DEVICES else "xcvc1902")


def tile_of(value: SSAValue) -> TileOp | None:
    """The ``aie.tile`` that defines ``value``, if that is what defines it."""
    owner = value.owner
    return owner if isinstance(owner, TileOp) else None


def _tile_kind(tile: TileOp) -> str | None:
    model = model_of(tile)
    col, row = tile.coords
    return model.kind_of(col, row) if model.contains(col, row) else None


def lookup_objectfifo(op: Operation, name: SymbolRefAttr | StringAttr | str) -> ObjectFifoCreateOp | None:
    """The ``aie.objectfifo`` named ``name`` in the nearest symbol table above ``op``."""
    anchor = op.parent_op()
    while anchor is not None:
        if anchor.has_trait(SymbolTable):
            found = SymbolTable.lookup_symbol(anchor, name)
            if isinstance(found, ObjectFifoCreateOp):
                return found
        anchor = anchor.parent_op()
    return None


def _props_and_attrs(cls: type[IRDLOperation], entries: Mapping[str, Attribute],
                     props: dict[str, Attribute]) -> dict[str, Attribute]:
    """Move attr-dict entries naming a property of ``cls`` into ``props``; return the rest.

    mlir-aie ops keep their ODS arguments as properties, which the custom syntax prints in
    the attribute dictionary (``{link_with = "k.o", stack_size = 1024 : i32}``).
    """
    names = cls.get_irdl_definition().properties
    rest: dict[str, Attribute] = {}
    for key, value in entries.items():
        if key in names:
            props[key] = value
        else:
            rest[key] = value
    return rest


def _parse_attr_dict(parser: Parser, cls: type[IRDLOperation], props: dict[str, Attribute]) -> dict[str, Attribute]:
    pos = parser.pos
    entries = parser.parse_optional_attr_dict()
    clash = sorted(set(entries) & set(props))
    if clash:
        parser.raise_error(f"attribute '{clash[0]}' is already given by the custom syntax", pos, parser.pos)
    return _props_and_attrs(cls, entries, props)


def _print_attr_dict(printer: Printer, op: Operation, elide: Iterable[str] = ()) -> None:
    """`` {k = v, ...}``: the properties the custom syntax does not show elsewhere and the
    attributes, sorted by name as MLIR does. Every property present is printed: a
    DefaultValuedAttr left out stays out (unlike aie-opt, nothing is filled in), one
    written out stays in, so printing and parsing again gives the same IR."""
    skip = set(elide)
    entries = {k: v for k, v in op.properties.items() if k not in skip}
    entries.update(op.attributes)
    if entries:
        printer.print_string(" ")
        printer.print_attr_dict(dict(sorted(entries.items())))


def _parse_int(parser: AttrParser) -> int:
    return parser.parse_integer(allow_boolean=False)


def _i32(value: int) -> IntegerAttr:
    return IntegerAttr(value, i32)


def _int(attr: Attribute | None, default: int | None = None) -> int | None:
    return attr.value.data if isinstance(attr, IntegerAttr) else default


def _parse_packet_info(parser: Parser) -> PacketInfoAttr:
    """``#aie.packet_info<pkt_type = 0, pkt_id = 1>`` or its stripped form ``<...>``."""
    pos = parser.pos
    attr = parser.parse_optional_attribute()
    if attr is None:
        return PacketInfoAttr.new(PacketInfoAttr.parse_parameters(parser))
    if not isinstance(attr, PacketInfoAttr):
        parser.raise_error(f"expected #aie.packet_info<...>, got {attr}", pos, parser.pos)
    return attr


def _print_int_attr(printer: Printer, attr: IntegerAttr) -> None:
    """An integer the way MLIR prints it: bare when i64 (or a known type), else ``N : iW``."""
    if attr.type == i64:
        printer.print_string(str(attr.value.data))
    else:
        printer.print_attribute(attr)


def _print_int_list(printer: Printer, attrs: Iterable[Attribute]) -> None:
    printer.print_string("[")
    for i, a in enumerate(attrs):
        if i:
            printer.print_string(", ")
        _print_int_attr(printer, a)
    printer.print_string("]")


def _element_bytes(elem: Attribute) -> int:
    if isinstance(elem, IntegerType):
        return max(1, elem.width.data // 8)
    if isinstance(elem, BFloat16Type | Float16Type):
        return 2
    if isinstance(elem, Float32Type):
        return 4
    if isinstance(elem, Float64Type | IndexType):
        return 8
    return 4


def _num_elements(t: MemRefType) -> int:
    n = 1
    for d in t.get_shape():
        n *= d
    return n


def _parse_memref_type(parser: Parser) -> MemRefType:
    pos = parser.pos
    t = parser.parse_type()
    if not isinstance(t, MemRefType):
        parser.raise_error(f"expected a memref type, got {t}", pos, parser.pos)
    return t


def _tensor_of(t: MemRefType) -> TensorType:
    return TensorType(t.element_type, t.get_shape())


def _parse_dense(parser: Parser, t: MemRefType) -> DenseIntOrFPElementsAttr:
    """``dense<...>`` typed by ``t``'s shape (the custom syntax leaves the type out)."""
    parser.parse_keyword("dense")
    tensor = _tensor_of(t)
    attr = parser.parse_dense_int_or_fp_elements_attr(tensor)
    if parser.parse_optional_punctuation(":") is not None:
        # mlir-aie's tests spell it out, as the tensor or as the memref itself.
        pos = parser.pos
        given = parser.parse_type()
        if given != tensor and given != t:
            parser.raise_error(f"initial value should have type {tensor}", pos, parser.pos)
    return attr


def _has_ancestor(op: Operation, *types: type[Operation]) -> bool:
    p = op.parent_op()
    while p is not None:
        if isinstance(p, types):
            return True
        p = p.parent_op()
    return False


def _enclosing(op: Operation, t: type[Operation]) -> Operation | None:
    p = op.parent_op()
    while p is not None and not isinstance(p, t):
        p = p.parent_op()
    return p


def _check_in_device(op: Operation) -> None:
    """HasParent<"DeviceOp">, in MLIR's words."""
    if not isinstance(op.parent_op(), DeviceOp):
        raise _op_error(op, "expects parent op 'aie.device'")


def _check_tile_kind(op: Operation, tile: SSAValue, allowed: tuple[str, ...], what: str,
                     noc: bool = False) -> None:
    """AIEInterfaces.td @ 03080eb8 IsCoreTile / IsMemTile / IsTileWithMemory / IsShimNOCTile:
    ``failed to verify that op exists in <what>``."""
    t = tile_of(tile)
    if t is None:
        return
    model = model_of(op)
    col, row = t.coords
    if not model.contains(col, row):
        return  # the tile's own verifier reports it
    ok = model.kind_of(col, row) in allowed and (not noc or model.is_shim_noc(col, row))
    if not ok:
        raise _op_error(op, f"failed to verify that op exists in {what}")


# ----------------------------------------------------------------------------------------
# Ops: device, tile, end
# ----------------------------------------------------------------------------------------


# AIEOps.td @ 2741ca50 AIE_DeviceOp: `(` $device `)` ($sym_name^)? regions attr-dict;
# SingleBlockImplicitTerminator<"EndOp">, SymbolTable, IsolatedFromAbove, HasParent<ModuleOp>.
@irdl_op_definition
class DeviceOp(IRDLOperation):
    """``aie.device(npu1) { ... }``: a design for one AIE device."""

    name = "aie.device"
    device = prop_def(IntegerAttr[I32] | AIEDeviceAttr)
    sym_name = opt_prop_def(StringAttr)
    body = region_def()
    traits = traits_def(SymbolTable(), IsolatedFromAbove(), NoTerminator(), OptionalSymbolOpInterface(),
                        HasParent(ModuleOp))

    @property
    def device_name(self) -> str:
        """The device's mlir-aie name (``npu1``) whichever form the property has (legacy names as written)."""
        return AIE_DEVICE.keyword(self.device)

    @property
    def model(self) -> DeviceModel:
        """The :class:`DeviceModel` of the device (``device_model(self.device_name)``)."""
        return device_model(self.device_name)

    @classmethod
    def parse(cls, parser: Parser) -> DeviceOp:
        with parser.in_parens():
            pos = parser.pos
            word = parser.parse_identifier()
        word = DEVICE_RENAMES.get(word, word)
        if word in AIE_DEVICE.cases:
            device: Attribute = AIE_DEVICE.attr(word)
        elif word in LEGACY_DEVICES:
            device = AIEDeviceAttr(word)
        else:
            parser.raise_error(f"unknown device '{word}': one of {', '.join(known_devices())}", pos, pos + len(word))
        props: dict[str, Attribute] = {"device": device}
        if (sym := parser.parse_optional_symbol_name()) is not None:
            props["sym_name"] = sym
        body = parser.parse_region()
        attrs = _parse_attr_dict(parser, cls, props)
        _ensure_end(body)
        return cls.create(properties=props, attributes=attrs, regions=[body])

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({self.device_name})")
        if self.sym_name is not None:
            printer.print_string(" ")
            printer.print_symbol_name(self.sym_name.data)
        printer.print_string(" ")
        _print_region_without_end(printer, self.body)
        _print_attr_dict(printer, self, ("device", "sym_name"))

    def verify_(self) -> None:
        name = self.device_name
        if name not in _DEVICES:
            raise _op_error(self, f"attribute 'device' failed to satisfy constraint: AIE Device (got {name})")
        # AIEDialect.cpp (2026) DeviceOp::verify: at most one core per compute tile.
        seen: dict[tuple[int, int], CoreOp] = {}
        for op in self.body.ops:
            if isinstance(op, CoreOp) and (t := tile_of(op.tile)) is not None:
                if t.coords in seen:
                    col, row = t.coords
                    raise _op_error(op, f"tile ({col}, {row}) already has a core; each compute tile can host "
                                        "only one core", at=op)
                seen[t.coords] = op


def _ensure_end(region: Region) -> None:
    """SingleBlockImplicitTerminator<"EndOp">: the custom syntax leaves ``aie.end`` out;
    add it as MLIR does, so the generic form matches aie-opt's."""
    if not region.blocks:
        region.add_block(Block())
    block = region.blocks[-1]
    if not isinstance(block.last_op, EndOp):
        block.add_op(EndOp())


def _print_region_without_end(printer: Printer, region: Region) -> None:
    """A single-block region printed with its implicit ``aie.end`` left out."""
    printer.print_region(region, print_empty_block=False, print_block_terminators=False)


# AIEOps.td @ 2741ca50 AIE_TileOp: `(` $col `,` $row `)` attr-dict; result index.
@irdl_op_definition
class TileOp(IRDLOperation):
    """``%t = aie.tile(col, row)``: one tile of the array."""

    name = "aie.tile"
    col = prop_def(IntegerAttr[I32])
    row = prop_def(IntegerAttr[I32])
    allocation_scheme = opt_prop_def(StringAttr)
    result = result_def(IndexType)
    assembly_format = "`(` $col `,` $row `)` attr-dict"
    irdl_options = (ParsePropInAttrDict(),)

    def __init__(self, col: int, row: int):
        super().__init__(properties={"col": _i32(col), "row": _i32(row)}, result_types=[IndexType()])

    @property
    def coords(self) -> tuple[int, int]:
        """``(col, row)`` as ints."""
        return self.col.value.data, self.row.value.data

    @property
    def kind(self) -> str | None:
        """``shim``, ``mem`` or ``compute`` on the enclosing device (None outside the array)."""
        return _tile_kind(self)

    def verify_(self) -> None:
        # AIEDialect.cpp TileOp::verify (+ ConfinedAttr<AIEI32Attr, [IntMinValue<0>]>).
        col, row = self.coords
        for what, v in (("col", col), ("row", row)):
            if v < 0:
                raise _op_error(self, f"attribute '{what}' failed to satisfy constraint: 32-bit signless "
                                      "integer attribute whose minimum value is 0")
        model = model_of(self)
        if col >= model.columns:
            raise _op_error(self, f"column index ({col}) must be less than the number of columns in the "
                                  f"device ({model.columns})")
        if row >= model.rows:
            raise _op_error(self, f"row index ({row}) must be less than the number of rows in the device "
                                  f"({model.rows})")
        if row == model.shim_row and self.allocation_scheme is not None:
            raise _op_error(self, "Shim tiles cannot have an allocation scheme")


# AIEOps.td @ 2741ca50 AIE_EndOp: attr-dict; Terminator.
@irdl_op_definition
class EndOp(IRDLOperation):
    """``aie.end``: the terminator of AIE regions."""

    name = "aie.end"
    traits = traits_def(IsTerminator())
    assembly_format = "attr-dict"

    def __init__(self):
        super().__init__()


# ----------------------------------------------------------------------------------------
# Ops: core, buffers, locks
# ----------------------------------------------------------------------------------------

_STACK_DEFAULT = _i32(0x400)
_INDEX = IndexType()  # tiles, locks and the other handles the aie ops pass around


# AIEOps.td @ 2741ca50 AIE_CoreOp: `(` $tile `)` regions attr-dict; IsCoreTile; stack_size
# DefaultValuedAttr 0x400, link_with / elf_file optional. AIEDialect.cpp CoreOp::verify.
def _parse_tile_region(cls, parser: Parser):
    """``(`` $tile ``)`` region attr-dict: the form of aie.core, aie.mem, aie.memtile_dma and aie.shim_dma."""
    with parser.in_parens():
        tile = parser.parse_operand(_INDEX)
    body = parser.parse_region()
    props: dict[str, Attribute] = {}
    attrs = _parse_attr_dict(parser, cls, props)
    return cls.create(operands=[tile], result_types=[IndexType()], properties=props, attributes=attrs,
                      regions=[body])


def _print_tile_region(op, printer: Printer) -> None:
    """Print the form :func:`_parse_tile_region` reads."""
    printer.print_string("(")
    printer.print_operand(op.tile)
    printer.print_string(") ")
    printer.print_region(op.body)
    _print_attr_dict(printer, op)


@irdl_op_definition
class CoreOp(IRDLOperation):
    """``%c = aie.core(%tile) { ... aie.end }``: the program of one compute tile's core."""

    name = "aie.core"
    tile = operand_def(IndexType)
    stack_size = opt_prop_def(IntegerAttr[I32])
    link_with = opt_prop_def(StringAttr)
    elf_file = opt_prop_def(StringAttr)
    dynamic_objfifo_lowering = opt_prop_def(BoolAttr)
    body = region_def()
    result = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> CoreOp:
        return _parse_tile_region(cls, parser)

    def print(self, printer: Printer) -> None:
        _print_tile_region(self, printer)

    @property
    def stack_bytes(self) -> int:
        """``stack_size``, else its ODS default (0x400)."""
        return _int(self.stack_size, _STACK_DEFAULT.value.data)

    def verify_(self) -> None:
        _check_tile_kind(self, self.tile, ("compute",), "a core tile")
        if not self.body.blocks:
            raise _op_error(self, "should have non-empty body")
        if self.elf_file is not None:
            ops = list(self.body.blocks[0].ops) if len(self.body.blocks) == 1 else []
            if len(ops) != 1 or not isinstance(ops[0], EndOp):
                raise _op_error(self, "When `elf_file` attribute is specified, core body must be empty "
                                      "(consist of exactly one `aie.end` op).")


# AIEOps.td @ 2741ca50 AIE_BufferOp: `(` $tile `)` attr-dict `:` type($buffer)
# custom<BufferInitialValue>; IsTileWithMemory; AIEDialect.cpp parseBufferInitialValue.
@irdl_op_definition
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

    @classmethod
    def parse(cls, parser: Parser) -> BufferOp:
        with parser.in_parens():
            tile = parser.parse_operand(_INDEX)
        props: dict[str, Attribute] = {}
        attrs = _parse_attr_dict(parser, cls, props)
        parser.parse_punctuation(":")
        t = _parse_memref_type(parser)
        if parser.parse_optional_punctuation("=") is not None:
            props["initial_value"] = _parse_dense(parser, t)
        return cls.create(operands=[tile], result_types=[t], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.tile)
        printer.print_string(")")
        _print_attr_dict(printer, self, ("initial_value",))
        printer.print_string(" : ")
        printer.print_attribute(self.buffer.type)
        if self.initial_value is not None:
            printer.print_string(" = ")
            self.initial_value.print_without_type(printer)

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
        if not model.legal_mem_affinity(ct.coords, t.coords):
            raise _op_error(op, f"in Column {t.coords[0]} and Row {t.coords[1]} is accessed from an "
                                f"unreachable tile in Column {ct.coords[0]} and Row {ct.coords[1]}")


# AIEOps.td @ 2741ca50 AIE_ExternalBufferOp: attr-dict `:` type($buffer).
@irdl_op_definition
class ExternalBufferOp(IRDLOperation):
    """``%b = aie.external_buffer : memref<...>``: a buffer in host memory (for a shim DMA)."""

    name = "aie.external_buffer"
    sym_name = opt_prop_def(StringAttr)
    address = opt_prop_def(IntegerAttr[I64])
    buffer = result_def(MemRefType)
    traits = traits_def(OptionalSymbolOpInterface())
    assembly_format = "attr-dict `:` type($buffer)"
    irdl_options = (ParsePropInAttrDict(),)


# AIEOps.td @ 2741ca50 AIE_LockOp: `(` $tile (`,` $lockID^)? `)` attr-dict;
# AIEDialect.cpp LockOp::verify (lock id range by tile kind).
@irdl_op_definition
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
    irdl_options = (ParsePropInAttrDict(),)

    def verify_(self) -> None:
        _check_uses_accessible(self)
        t = tile_of(self.tile)
        if self.lockID is None or t is None:
            return
        lock_id = self.lockID.value.data
        if lock_id < 0:
            raise _op_error(self, "attribute 'lockID' failed to satisfy constraint: 32-bit signless integer "
                                  "attribute whose minimum value is 0")
        model = model_of(self)
        if model.contains(*t.coords) and lock_id >= (n := model.resource(*t.coords, "locks")):
            raise _op_error(self, f"lock assigned invalid id (maximum is {n - 1})")


# AIEOps.td @ 2741ca50 AIE_UseLockOp: `(` $lock `,` $action (`,` $value^)? (`,` $blocking^)? `)`
# attr-dict; AIEDialect.cpp UseLockOp::verify.
@irdl_op_definition
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

    @classmethod
    def parse(cls, parser: Parser) -> UseLockOp:
        props: dict[str, Attribute] = {}
        operands = []
        with parser.in_parens():
            operands.append(parser.parse_operand(_INDEX))
            parser.parse_punctuation(",")
            props["action"] = LOCK_ACTION.parse(parser)
            while parser.parse_optional_punctuation(",") is not None:
                if "value" in props or len(operands) > 1:
                    props["blocking"] = LOCK_BLOCKING.parse(parser)
                elif (v := parser.parse_optional_integer(allow_boolean=False)) is not None:
                    props["value"] = _i32(v)
                elif (operand := parser.parse_optional_operand(i32)) is not None:
                    operands.append(operand)
                else:
                    props["blocking"] = LOCK_BLOCKING.parse(parser)
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(operands=operands, properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.lock)
        printer.print_string(f", {LOCK_ACTION.keyword(self.action)}")
        if self.value is not None:
            printer.print_string(f", {self.value.value.data}")
        elif self.value_operand is not None:
            printer.print_string(", ")
            printer.print_operand(self.value_operand)
        if self.blocking is not None:
            printer.print_string(f", {LOCK_BLOCKING.keyword(self.blocking)}")
        printer.print_string(")")
        _print_attr_dict(printer, self, ("action", "value", "blocking"))

    @property
    def action_name(self) -> str:
        """The LockAction keyword: ``Acquire``, ``AcquireGreaterEqual`` or ``Release``."""
        return LOCK_ACTION.keyword(self.action)

    def verify_(self) -> None:
        LOCK_ACTION.check(self.action, "action", self)
        if isinstance(self.parent_op(), DeviceOp | ModuleOp):
            raise _op_error(self, "must be used in a core or memory operation.")
        model = model_of(self)
        if model.generation == "aie1" and self.action_name == "AcquireGreaterEqual":
            raise _op_error(self, "AcquireGreaterEqual is not supported in AIE1.")
        if _has_ancestor(self, MemOp, MemTileDMAOp, ShimDMAOp):
            mem = _enclosing(self, MemOp)
            lock = self.lock.owner
            if mem is not None and isinstance(lock, LockOp) and lock.tile != mem.tile:
                raise _op_error(self, "can only access a lock in the same tile")
            return
        if _has_ancestor(self, CoreOp) or any(p.name == "func.func" for p in _ancestors(self)):
            return
        if any(p.name.startswith("aiex.dma_configure_task") for p in _ancestors(self)):
            return  # AIEDialect.cpp (2026): runtime DMA configuration
        raise _op_error(self, "expects some parent op to be one of AIE::device, AIE::core, func::func, "
                              "AIE::mem, or AIE::shimDMA")


def _ancestors(op: Operation) -> Iterator[Operation]:
    p = op.parent_op()
    while p is not None:
        yield p
        p = p.parent_op()


# ----------------------------------------------------------------------------------------
# Ops: ObjectFIFOs
# ----------------------------------------------------------------------------------------


def _depths(attr: Attribute) -> list[int]:
    if isinstance(attr, ArrayAttr):
        return [_int(a, -1) for a in attr.data]
    return [_int(attr, -1)]


def _is_int(a: Attribute) -> bool:
    return isinstance(a, IntegerAttr) and isinstance(a.type, IntegerType)


# AIEOps.td @ 2741ca50 AIE_ObjectFifoCreateOp: $sym_name `(`
# custom<ObjectFifoProducerTile>($producerTile, $dimensionsToStream) `,` `{`
# custom<ObjectFifoConsumerTiles>($consumerTiles, $dimensionsFromStreamPerConsumer) `}` `,`
# $elemNumber `)` attr-dict `:` $elemType custom<ObjectFifoInitValues>; HasParent<DeviceOp>.
# AIEDialect.cpp parseObjectFifoProducerTile / parseObjectFifoConsumerTiles /
# parseObjectFifoInitValues and ObjectFifoCreateOp::verify.
@irdl_op_definition
class ObjectFifoCreateOp(IRDLOperation):
    """``aie.objectfifo @of(%prod, {%cons, ...}, depth) : !aie.objectfifo<memref<...>>``: a FIFO of objects between tiles."""

    name = "aie.objectfifo"
    sym_name = prop_def(StringAttr)
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

    @classmethod
    def parse(cls, parser: Parser) -> ObjectFifoCreateOp:
        props: dict[str, Attribute] = {"sym_name": parser.parse_symbol_name()}
        parser.parse_punctuation("(")
        producer = parser.parse_operand(_INDEX)
        to_stream = BDDimLayoutArrayAttr.get()
        if parser.parse_optional_keyword("dimensionsToStream") is not None:
            to_stream = BDDimLayoutArrayAttr(BDDimLayoutArrayAttr.parse_elements(parser))
        parser.parse_punctuation(",")
        parser.parse_punctuation("{")
        consumers: list[SSAValue] = []
        from_stream: list[BDDimLayoutArrayAttr] = []

        def consumer() -> None:
            consumers.append(parser.parse_operand(_INDEX))
            dims = BDDimLayoutArrayAttr.get()
            if parser.parse_optional_keyword("dimensionsFromStream") is not None:
                dims = BDDimLayoutArrayAttr(BDDimLayoutArrayAttr.parse_elements(parser))
            from_stream.append(dims)

        parser.parse_comma_separated_list(parser.Delimiter.NONE, consumer, " in consumer tile list")
        parser.parse_punctuation("}")
        parser.parse_punctuation(",")
        props["elemNumber"] = _parse_depth(parser)
        parser.parse_punctuation(")")
        attrs = _parse_attr_dict(parser, cls, props)
        parser.parse_punctuation(":")
        pos = parser.pos
        elem_type = parser.parse_type()
        if not isinstance(elem_type, ObjectFifoType):
            parser.raise_error(f"expected !aie.objectfifo<memref<...>>, got {elem_type}", pos, parser.pos)
        props["elemType"] = elem_type
        if parser.parse_optional_punctuation("->") is not None:
            pos = parser.pos
            cons_type = parser.parse_type()
            if not isinstance(cons_type, ObjectFifoType):
                parser.raise_error("consumer element type must be an !aie.objectfifo<memref<...>> type", pos,
                                   parser.pos)
            props["consumerElemType"] = cons_type
        if parser.parse_optional_punctuation("=") is not None:
            memref = elem_type.element_type
            values = parser.parse_comma_separated_list(parser.Delimiter.SQUARE, lambda: _parse_dense(parser, memref))
            depth = _depths(props["elemNumber"])[0]
            if len(values) != depth:
                parser.raise_error("initial values should initialize all objects", pos)
            props["initValues"] = ArrayAttr(values)
        props["dimensionsToStream"] = to_stream
        props["dimensionsFromStreamPerConsumer"] = BDDimLayoutArrayArrayAttr.get(from_stream)
        return cls.create(operands=[producer, *consumers], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_symbol_name(self.sym_name.data)
        printer.print_string("(")
        printer.print_operand(self.producerTile)
        if self.dimensionsToStream is not None and len(self.dimensionsToStream):
            printer.print_string(" dimensionsToStream ")
            self.dimensionsToStream.print_parameters(printer)
        printer.print_string(", {")
        per_consumer = list(self.dimensionsFromStreamPerConsumer or ())
        for i, c in enumerate(self.consumerTiles):
            if i:
                printer.print_string(", ")
            printer.print_operand(c)
            if i < len(per_consumer) and len(per_consumer[i]):
                printer.print_string(" dimensionsFromStream ")
                per_consumer[i].print_parameters(printer)
        printer.print_string("}, ")
        if isinstance(self.elemNumber, ArrayAttr):
            _print_int_list(printer, self.elemNumber.data)
        else:
            printer.print_attribute(self.elemNumber)
        printer.print_string(")")
        _print_attr_dict(printer, self, ("sym_name", "elemNumber", "elemType", "dimensionsToStream",
                                         "dimensionsFromStreamPerConsumer", "initValues", "operandSegmentSizes",
                                         "consumerElemType"))
        printer.print_string(" : ")
        printer.print_attribute(self.elemType)
        if self.consumerElemType is not None:
            printer.print_string(" -> ")
            printer.print_attribute(self.consumerElemType)
        if self.initValues is not None:
            printer.print_string(" = [")
            for i, v in enumerate(self.initValues.data):
                if i:
                    printer.print_string(", ")
                v.print_without_type(printer)
            printer.print_string("]")

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

    def verify_(self) -> None:
        _check_in_device(self)
        depth = self.elemNumber
        if isinstance(depth, ArrayAttr):
            if not all(_is_int(a) for a in depth.data):
                raise _op_error(self, "attribute 'elemNumber' failed to satisfy constraint: 32-bit signless "
                                      "integer attribute whose minimum value is 0 or array attribute")
            if len(depth.data) != len(self.consumerTiles) + 1:
                raise _op_error(self, "does not have enough depths specified for producer and for each consumer.")
        elif not _is_int(depth) or depth.value.data < 0:
            raise _op_error(self, "attribute 'elemNumber' failed to satisfy constraint: 32-bit signless integer "
                                  "attribute whose minimum value is 0 or array attribute")
        seg = self.operand_segment_sizes
        if seg is not None and tuple(seg.get_values()) != (1, len(self.consumerTiles)):
            raise _op_error(self, f"operandSegmentSizes {tuple(seg.get_values())} does not match its operands "
                                  f"(1, {len(self.consumerTiles)})")
        per = self.dimensionsFromStreamPerConsumer
        if per is not None and len(per) not in (0, len(self.consumerTiles)):
            raise _op_error(self, "dimensionsFromStreamPerConsumer needs one entry per consumer tile")
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
            if _num_elements(prod_t) % _num_elements(cons_t):
                raise _error(f"producer element size ({_num_elements(prod_t)}) must be an integer multiple of "
                             f"consumer element size ({_num_elements(cons_t)})")


def _parse_depth(parser: Parser) -> Attribute:
    """``2 : i32``, ``2``, ``[2, 2]`` or ``[2 : i32, 2 : i32]`` (AIE_ObjectFifo_Depth)."""
    per_end = parser.parse_optional_comma_separated_list(parser.Delimiter.SQUARE, parser.parse_attribute)
    if per_end is not None:
        return ArrayAttr(per_end)
    value = parser.parse_integer(allow_boolean=False)
    if parser.parse_optional_punctuation(":") is not None:
        parser.parse_type()
    return _i32(value)


# AIEOps.td @ 2741ca50 AIE_ObjectFifoLinkOp: $fifoIns `->` $fifoOuts `(` $src_offsets
# $dst_offsets `)` attr-dict; HasParent<DeviceOp>. AIEDialect.cpp ObjectFifoLinkOp::verify and
# getOptionalSharedTile. `()` is accepted for `([] [])` (seen in aiecc build outputs).
@irdl_op_definition
class ObjectFifoLinkOp(IRDLOperation):
    """``aie.objectfifo.link [@a] -> [@b, @c]([] [0, 20])``: forward, distribute or join FIFOs through a shared tile."""

    name = "aie.objectfifo.link"
    fifoIns = prop_def(ArrayAttr[SymbolRefAttr])
    fifoOuts = prop_def(ArrayAttr[SymbolRefAttr])
    src_offsets = prop_def(ArrayAttr)
    dst_offsets = prop_def(ArrayAttr)

    @classmethod
    def parse(cls, parser: Parser) -> ObjectFifoLinkOp:
        props: dict[str, Attribute] = {"fifoIns": _parse_symbol_list(parser)}
        parser.parse_punctuation("->")
        props["fifoOuts"] = _parse_symbol_list(parser)
        parser.parse_punctuation("(")
        if parser.parse_optional_punctuation(")") is not None:
            props["src_offsets"] = props["dst_offsets"] = ArrayAttr([])
        else:
            props["src_offsets"] = _parse_offsets(parser)
            props["dst_offsets"] = _parse_offsets(parser)
            parser.parse_punctuation(")")
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.fifoIns)
        printer.print_string(" -> ")
        printer.print_attribute(self.fifoOuts)
        printer.print_string("(")
        _print_int_list(printer, self.src_offsets.data)
        printer.print_string(" ")
        _print_int_list(printer, self.dst_offsets.data)
        printer.print_string(")")
        _print_attr_dict(printer, self, ("fifoIns", "fifoOuts", "src_offsets", "dst_offsets"))

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
                raise _op_error(self, f"attribute '{what}' failed to satisfy constraint: 64-bit integer array "
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
                        raise _op_error(f, "objectfifo cannot be in more than one ObjectFifoLinkOp", at=f)
        point = self.shared_tile()
        if point is None:
            raise _error("ObjectFifoLinkOp must have a link point, i.e., a shared tile between objectFifos")
        t = tile_of(point)
        if t is not None and t.kind != "mem" and (self.is_join or self.is_distribute):
            raise _error("ObjectFifoLinkOp join and distribute are unavailable on compute or shim tiles")
        n_src, n_dst = len(self.src_offsets.data), len(self.dst_offsets.data)
        if self.is_join:
            if len(self.fifoIns.data) != n_src:
                raise _op_error(self, "number of provided src offsets must be equal to the number of input "
                                      "objectFifos")
            if n_dst:
                raise _op_error(self, "dst offsets should be empty for join")
        elif self.is_distribute:
            if len(self.fifoOuts.data) != n_dst:
                raise _op_error(self, "number of provided dst offsets must be equal to the number of output "
                                      "objectFifos")
            if n_src:
                raise _op_error(self, "src offsets should be empty for distribute")
            repeats = {_int(f.repeat_count, 0) for f in self.output_fifos()}
            if len(repeats) > 1:
                raise _error("repeat counts of output object FIFOs must be equal")
        elif n_src and n_dst:
            raise _op_error(self, "all offsets should be empty if there is no join or distribute")


def _parse_symbol_list(parser: Parser) -> ArrayAttr:
    pos = parser.pos
    attr = parser.parse_attribute()
    if not isinstance(attr, ArrayAttr) or not all(isinstance(a, SymbolRefAttr) for a in attr.data):
        parser.raise_error("expected a list of ObjectFifo symbols like [@a, @b]", pos, parser.pos)
    return attr


def _parse_offsets(parser: Parser) -> ArrayAttr:
    """``[0, 20]``: I64ArrayAttr (bare integers are i64, as in MLIR)."""
    pos = parser.pos
    attr = parser.parse_attribute()
    if not isinstance(attr, ArrayAttr) or not all(isinstance(a, IntegerAttr) for a in attr.data):
        parser.raise_error("expected a list of integer offsets like [0, 20]", pos, parser.pos)
    return attr


def _parse_fifo_ref(parser: Parser, props: dict[str, Attribute]) -> None:
    """``@fifo (Port, size)``: the operands of acquire and release."""
    props["objFifo_name"] = SymbolRefAttr(parser.parse_symbol_name())
    with parser.in_parens():
        props["port"] = OBJECTFIFO_PORT.parse(parser)
        parser.parse_punctuation(",")
        props["size"] = _i32(_parse_int(parser))


def _print_fifo_ref(printer: Printer, op: ObjectFifoAcquireOp | ObjectFifoReleaseOp) -> None:
    _print_attr_dict(printer, op, ("objFifo_name", "port", "size"))
    printer.print_string(" ")
    printer.print_attribute(op.objFifo_name)
    printer.print_string(f"({OBJECTFIFO_PORT.keyword(op.port)}, {op.size.value.data})")


def _verify_port(op: ObjectFifoAcquireOp | ObjectFifoReleaseOp) -> ObjectFifoCreateOp:
    """AIEDialect.cpp ObjectFifoAcquireOp/ReleaseOp::verify: inside a core, on the right tile."""
    OBJECTFIFO_PORT.check(op.port, "port", op)
    if op.size.value.data < 1:
        raise _op_error(op, "attribute 'size' failed to satisfy constraint: 32-bit signless integer attribute "
                            "whose minimum value is 1")
    core = _enclosing(op, CoreOp)
    if core is None:
        raise _op_error(op, "must be called from inside a CoreOp")
    fifo = lookup_objectfifo(op, op.objFifo_name)
    if fifo is None:
        raise _error("cannot retrieve associated object FIFO")
    if op.port_name == "Produce":
        if core.tile != fifo.producerTile:
            raise _op_error(core, "producer port of objectFifo accessed by core running on non-producer tile",
                            at=core)
    elif core.tile not in tuple(fifo.consumerTiles):
        raise _op_error(core, "consumer port of objectFifo accessed by core running on non-consumer tile", at=core)
    return fifo


# AIEOps.td @ 2741ca50 AIE_ObjectFifoAcquireOp: attr-dict $objFifo_name `(` $port `,` $size `)`
# `:` qualified(type($subview)). AIEDialect.cpp ObjectFifoAcquireOp::verify.
@irdl_op_definition
class ObjectFifoAcquireOp(IRDLOperation):
    """``%s = aie.objectfifo.acquire @of(Consume, 1) : !aie.objectfifosubview<...>``: take objects of a FIFO's end."""

    name = "aie.objectfifo.acquire"
    port = prop_def(IntegerAttr[I32] | ObjectFifoPortAttr)
    objFifo_name = prop_def(SymbolRefAttr)
    size = prop_def(IntegerAttr[I32])
    subview = result_def(ObjectFifoSubviewType)

    @classmethod
    def parse(cls, parser: Parser) -> ObjectFifoAcquireOp:
        props: dict[str, Attribute] = {}
        attrs = _parse_attr_dict(parser, cls, props)
        _parse_fifo_ref(parser, props)
        parser.parse_punctuation(":")
        pos = parser.pos
        t = parser.parse_type()
        if not isinstance(t, ObjectFifoSubviewType):
            parser.raise_error(f"expected !aie.objectfifosubview<memref<...>>, got {t}", pos, parser.pos)
        return cls.create(result_types=[t], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_fifo_ref(printer, self)
        printer.print_string(" : ")
        printer.print_attribute(self.subview.type)

    @property
    def fifo_name(self) -> str:
        """The name of the FIFO acquired from, without ``@``."""
        return self.objFifo_name.string_value()

    @property
    def port_name(self) -> str:
        """The port keyword: ``Produce`` or ``Consume``."""
        return OBJECTFIFO_PORT.keyword(self.port)

    def verify_(self) -> None:
        fifo = _verify_port(self)
        seen = self.subview.type.element_type
        consumer_view = fifo.consumerElemType.element_type if fifo.consumerElemType is not None else None
        if seen != fifo.memref_type and not (self.port_name == "Consume" and seen == consumer_view):
            raise _op_error(self, "ObjectFifo element and ObjectFifoSubview element must match.")
        # Not checked: acquiring more objects than the depth. The 2025 lowering raises the
        # depth to the largest acquire + 1 (AIEOps.td: "the highest number of acquired
        # elements (+1 for prefetching) will be used instead"); only 2026 rejects it.


# AIEOps.td @ 2741ca50 AIE_ObjectFifoReleaseOp: attr-dict $objFifo_name `(` $port `,` $size `)`.
@irdl_op_definition
class ObjectFifoReleaseOp(IRDLOperation):
    """``aie.objectfifo.release @of(Produce, 1)``: give objects back to a FIFO."""

    name = "aie.objectfifo.release"
    port = prop_def(IntegerAttr[I32] | ObjectFifoPortAttr)
    objFifo_name = prop_def(SymbolRefAttr)
    size = prop_def(IntegerAttr[I32])

    @classmethod
    def parse(cls, parser: Parser) -> ObjectFifoReleaseOp:
        props: dict[str, Attribute] = {}
        attrs = _parse_attr_dict(parser, cls, props)
        _parse_fifo_ref(parser, props)
        return cls.create(properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_fifo_ref(printer, self)

    @property
    def fifo_name(self) -> str:
        """The name of the FIFO released to, without ``@``."""
        return self.objFifo_name.string_value()

    @property
    def port_name(self) -> str:
        """The port keyword: ``Produce`` or ``Consume``."""
        return OBJECTFIFO_PORT.keyword(self.port)

    def verify_(self) -> None:
        _verify_port(self)


# AIEOps.td @ 2741ca50 AIE_ObjectFifoSubviewAccessOp: $subview `[` $index `]` attr-dict `:`
# qualified(type($subview)) `->` qualified(type($output)). AIEDialect.cpp verify.
@irdl_op_definition
class ObjectFifoSubviewAccessOp(IRDLOperation):
    """``%b = aie.objectfifo.subview.access %s[0] : !aie.objectfifosubview<T> -> T``: one acquired object."""

    name = "aie.objectfifo.subview.access"
    subview = operand_def(ObjectFifoSubviewType)
    index = prop_def(IntegerAttr[I32])
    output = result_def(MemRefType)
    assembly_format = "$subview `[` $index `]` attr-dict `:` type($subview) `->` type($output)"
    irdl_options = (ParsePropInAttrDict(),)

    def verify_(self) -> None:
        if _enclosing(self, CoreOp) is None:
            raise _op_error(self, "must be called from inside a CoreOp")
        acq = self.subview.owner
        if isinstance(acq, ObjectFifoAcquireOp) and self.index.value.data >= acq.size.value.data:
            raise _op_error(self, "accessed farther than number of acquired elements (index out of bounds).")


# AIEOps.td @ 2741ca50 AIE_ObjectFifoAllocateOp: $objFifo_name `(` $delegateTile `)` attr-dict;
# AIEDialect.cpp ObjectFifoAllocateOp::verify.
@irdl_op_definition
class ObjectFifoAllocateOp(IRDLOperation):
    """``aie.objectfifo.allocate @of (%tile)``: place a shared-memory FIFO's objects in a given tile's memory."""

    name = "aie.objectfifo.allocate"
    objFifo_name = prop_def(SymbolRefAttr)
    delegateTile = operand_def(IndexType)
    assembly_format = "$objFifo_name `(` $delegateTile `)` attr-dict"
    irdl_options = (ParsePropInAttrDict(),)

    def verify_(self) -> None:
        _check_in_device(self)
        fifo = lookup_objectfifo(self, self.objFifo_name)
        if fifo is None:
            raise _error("cannot retrieve associated object FIFO")
        if len(fifo.consumerTiles) != 1:
            raise _error("can only be used in 1-to-1 object FIFOs")
        if _int(fifo.via_DMA, 0):
            raise _error("cannot allocate a shared memory module to objectfifo with set `via_DMA` attribute")
        if fifo.repeat_count is not None:
            raise _error("cannot allocate a shared memory module to objectfifo with set `repeat_count` attribute")
        if fifo.dims_to_stream():
            raise _error("cannot allocate a shared memory module to objectfifo with set dimensions attribute")


# The 2026 direct-access ops, from mlir-aie's lit tests (test/objectFifo-stateful-transform/base/
# objectfifo_lock_buffer_depth1_aie2.mlir @ dced06db): `aie.objectfifo.buffer @of (0) : memref<..>`
# and `%acq, %rel = aie.objectfifo.lock @of (Produce) : (index, index)`. Their ODS was not
# available: the property names (objFifo_name, index, port) follow the sibling ops, so their
# generic form may differ from aie-opt's.
@irdl_op_definition
class ObjectFifoBufferOp(IRDLOperation):
    """``%b = aie.objectfifo.buffer @of (i) : memref<...>``: object ``i`` of a FIFO, without acquiring it (2026)."""

    name = "aie.objectfifo.buffer"
    objFifo_name = prop_def(SymbolRefAttr)
    index = prop_def(IntegerAttr[I32])
    buffer = result_def(MemRefType)
    assembly_format = "$objFifo_name `(` $index `)` attr-dict `:` type($buffer)"
    irdl_options = (ParsePropInAttrDict(),)

    def verify_(self) -> None:
        if _enclosing(self, CoreOp) is None:
            raise _op_error(self, "must be called from inside a CoreOp")
        fifo = lookup_objectfifo(self, self.objFifo_name)
        if fifo is None:
            raise _error("cannot retrieve associated object FIFO")
        if fifo.memref_type != self.buffer.type:
            raise _op_error(self, f"buffer type {self.buffer.type} does not match the objectFifo's {fifo.memref_type}")


@irdl_op_definition
class ObjectFifoLockOp(IRDLOperation):
    """``%acq, %rel = aie.objectfifo.lock @of (Port) : (index, index)``: the locks of one end of a FIFO (2026)."""

    name = "aie.objectfifo.lock"
    objFifo_name = prop_def(SymbolRefAttr)
    port = prop_def(IntegerAttr[I32])
    acq_lock = result_def(IndexType)
    rel_lock = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> ObjectFifoLockOp:
        props: dict[str, Attribute] = {"objFifo_name": SymbolRefAttr(parser.parse_symbol_name())}
        with parser.in_parens():
            props["port"] = OBJECTFIFO_PORT.parse(parser)
        attrs = _parse_attr_dict(parser, cls, props)
        parser.parse_punctuation(":")
        pos = parser.pos
        types = parser.parse_comma_separated_list(parser.Delimiter.PAREN, parser.parse_type)
        if types != [_INDEX, _INDEX]:
            parser.raise_error("expected the lock types (index, index)", pos, parser.pos)
        return cls.create(result_types=types, properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(" ")
        printer.print_attribute(self.objFifo_name)
        printer.print_string(f"({OBJECTFIFO_PORT.keyword(self.port)})")
        _print_attr_dict(printer, self, ("objFifo_name", "port"))
        printer.print_string(" : (index, index)")

    def verify_(self) -> None:
        OBJECTFIFO_PORT.check(self.port, "port", self)
        if _enclosing(self, CoreOp) is None:
            raise _op_error(self, "must be called from inside a CoreOp")
        if lookup_objectfifo(self, self.objFifo_name) is None:
            raise _error("cannot retrieve associated object FIFO")


# AIEOps.td @ 2741ca50 AIE_ObjectFifoRegisterExternalBuffersOp: attr-dict $objFifo_name `(` $tile
# `,` `{` $externalBuffers `}` `)` `:` `(` type($externalBuffers) `)`; IsShimNOCTile.
@irdl_op_definition
class ObjectFifoRegisterExternalBuffersOp(IRDLOperation):
    """``aie.objectfifo.register_external_buffers @of (%shim, {%b0, %b1}) : (memref<..>, memref<..>)``: host buffers of a FIFO's shim end."""

    name = "aie.objectfifo.register_external_buffers"
    objFifo_name = prop_def(SymbolRefAttr)
    tile = operand_def(IndexType)
    externalBuffers = var_operand_def(MemRefType)

    @classmethod
    def parse(cls, parser: Parser) -> ObjectFifoRegisterExternalBuffersOp:
        props: dict[str, Attribute] = {}
        attrs = _parse_attr_dict(parser, cls, props)
        props["objFifo_name"] = SymbolRefAttr(parser.parse_symbol_name())
        with parser.in_parens():
            tile = parser.parse_operand(_INDEX)
            parser.parse_punctuation(",")
            buffers = parser.parse_comma_separated_list(parser.Delimiter.BRACES, parser.parse_unresolved_operand)
        parser.parse_punctuation(":")
        pos = parser.pos
        types = parser.parse_comma_separated_list(parser.Delimiter.PAREN, parser.parse_type)
        operands = parser.resolve_operands(buffers, types, pos)
        return cls.create(operands=[tile, *operands], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        _print_attr_dict(printer, self, ("objFifo_name",))
        printer.print_string(" ")
        printer.print_attribute(self.objFifo_name)
        printer.print_string("(")
        printer.print_operand(self.tile)
        printer.print_string(", {")
        printer.print_list(self.externalBuffers, printer.print_operand)
        printer.print_string("}) : (")
        printer.print_list([b.type for b in self.externalBuffers], printer.print_attribute)
        printer.print_string(")")

    def verify_(self) -> None:
        _check_in_device(self)
        _check_tile_kind(self, self.tile, ("shim",), "a shim tile with NOC connection", noc=True)


# ----------------------------------------------------------------------------------------
# Ops: DMAs (mem, memtile_dma, shim_dma, dma_start, dma_bd, next_bd, dma)
# ----------------------------------------------------------------------------------------


class _DmaRegionOp(IRDLOperation):
    """Shared parse/print/verify of aie.mem, aie.memtile_dma and aie.shim_dma: `(` $tile `)` regions attr-dict."""

    tile = operand_def(IndexType)
    body = region_def()
    result = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> _DmaRegionOp:
        return _parse_tile_region(cls, parser)

    def print(self, printer: Printer) -> None:
        _print_tile_region(self, printer)

    def _verify_dma_region(self) -> None:
        """AIEDialect.cpp HasSomeTerminator<DMAStartOp, NextBDOp, EndOp>, HasValidBDs, HasValidDMAChannels."""
        if not self.body.blocks:
            raise _op_error(self, "should have non-empty body")
        for block in self.body.blocks:
            last = block.last_op
            if last is not None and not isinstance(last, DMAStartOp | NextBDOp | EndOp):
                raise _op_error(last, "is not an allowed terminator", at=last)
        t = tile_of(self.tile)
        model = model_of(self)
        if t is None or not model.contains(*t.coords):
            return
        bd_max = model.resource(*t.coords, "bds")
        if sum(1 for b in self.body.blocks if any(isinstance(o, DMABDOp) for o in b.ops)) > bd_max:
            raise _op_error(self, f"has more than {bd_max} blocks")
        channels = {(_int(s.channel_dir), _int(s.channel_index)) for b in self.body.blocks for s in b.ops
                    if isinstance(s, DMAStartOp)}
        if sum(1 for d, _ in channels if d == 0) > model.resource(*t.coords, "dma_in"):
            raise _op_error(self, "uses more input channels than available on this tile")
        if sum(1 for d, _ in channels if d == 1) > model.resource(*t.coords, "dma_out"):
            raise _op_error(self, "uses more output channels than available on this tile")


# AIEOps.td @ 2741ca50 AIE_MemOp: IsCoreTile, HasValidBDs, HasValidDMAChannels.
@irdl_op_definition
class MemOp(_DmaRegionOp):
    """``%m = aie.mem(%tile) { ... }``: the DMA program of a compute tile's memory."""

    name = "aie.mem"

    def verify_(self) -> None:
        _check_tile_kind(self, self.tile, ("compute",), "a core tile")
        self._verify_dma_region()


# AIEOps.td @ 2741ca50 AIE_MemTileDMAOp: IsMemTile, HasValidBDs, HasValidDMAChannels.
@irdl_op_definition
class MemTileDMAOp(_DmaRegionOp):
    """``%m = aie.memtile_dma(%tile) { ... }``: the DMA program of a mem tile."""

    name = "aie.memtile_dma"

    def verify_(self) -> None:
        _check_tile_kind(self, self.tile, ("mem",), "a MemTile")
        self._verify_dma_region()


# AIEOps.td @ 2741ca50 AIE_ShimDMAOp: IsShimNOCTile, HasValidBDs, HasValidDMAChannels.
@irdl_op_definition
class ShimDMAOp(_DmaRegionOp):
    """``%s = aie.shim_dma(%tile) { ... }``: the DMA program of a shim tile."""

    name = "aie.shim_dma"

    def verify_(self) -> None:
        _check_tile_kind(self, self.tile, ("shim",), "a shim tile with NOC connection", noc=True)
        self._verify_dma_region()


_DMA_PARENTS = ("aie.mem", "aie.memtile_dma", "func.func", "aie.shim_dma")


# AIEOps.td @ 2741ca50 AIE_DMAStartOp: `(` $channel_dir `,` $channel_index `,` $dest `,` $chain
# (`,` `repeat_count` `=` $repeat_count^)? `)` attr-dict; Terminator; result i1;
# ParentOneOf<[MemOp, MemTileDMAOp, FuncOp, ShimDMAOp]>.
@irdl_op_definition
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

    @classmethod
    def parse(cls, parser: Parser) -> DMAStartOp:
        props: dict[str, Attribute] = {}
        with parser.in_parens():
            props["channel_dir"] = DMA_CHANNEL_DIR.parse(parser)
            parser.parse_punctuation(",")
            props["channel_index"] = _i32(_parse_int(parser))
            parser.parse_punctuation(",")
            dest = parser.parse_successor()
            parser.parse_punctuation(",")
            chain = parser.parse_successor()
            if parser.parse_optional_punctuation(",") is not None:
                parser.parse_keyword("repeat_count")
                parser.parse_punctuation("=")
                props["repeat_count"] = _i32(_parse_int(parser))
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(result_types=[i1], properties=props, attributes=attrs, successors=[dest, chain])

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({DMA_CHANNEL_DIR.keyword(self.channel_dir)}, {self.channel_index.value.data}, ")
        printer.print_block_name(self.dest)
        printer.print_string(", ")
        printer.print_block_name(self.chain)
        if self.repeat_count is not None:
            printer.print_string(f", repeat_count = {self.repeat_count.value.data}")
        printer.print_string(")")
        _print_attr_dict(printer, self, ("channel_dir", "channel_index", "repeat_count"))

    @property
    def direction(self) -> str:
        """The channel direction keyword: ``S2MM`` or ``MM2S``."""
        return DMA_CHANNEL_DIR.keyword(self.channel_dir)

    def verify_(self) -> None:
        DMA_CHANNEL_DIR.check(self.channel_dir, "channel_dir", self)
        parent = self.parent_op()
        if parent is None or parent.name not in _DMA_PARENTS:
            raise _op_error(self, f"expects parent op to be one of '{', '.join(_DMA_PARENTS)}'")
        if self.channel_index.value.data < 0:
            raise _op_error(self, "attribute 'channel_index' failed to satisfy constraint: 32-bit signless "
                                  "integer attribute whose minimum value is 0")


_BD_ELIDE = ("offset", "len", "dimensions", "pad_dimensions", "pad_value")


# AIEOps.td @ 2741ca50 AIE_DMABDOp (hasCustomAssemblyFormat); AIEDialect.cpp DMABDOp::parse:
# `(` $buffer `:` type($buffer) (`,` $offset (`,` $len (`,` $dimensions (`,` $pad_dimensions)?)?)?)?
# (`,` `pad_value` `=` $pad_value)? `)` attr-dict, and DMABDOp::verify.
@irdl_op_definition
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

    @classmethod
    def parse(cls, parser: Parser) -> DMABDOp:
        props: dict[str, Attribute] = {}
        with parser.in_parens():
            buf = parser.parse_unresolved_operand()
            parser.parse_punctuation(":")
            t = _parse_memref_type(parser)
            fields = iter(("offset", "len"))
            while parser.parse_optional_punctuation(",") is not None:
                if parser.parse_optional_keyword("pad_value") is not None:
                    parser.parse_punctuation("=")
                    props["pad_value"] = _i32(_parse_int(parser))
                elif "dimensions" not in props and (dims := BDDimLayoutArrayAttr.parse_optional(parser)):
                    props["dimensions"] = dims
                elif "dimensions" in props and (pads := BDPadLayoutArrayAttr.parse_optional(parser)):
                    props["pad_dimensions"] = pads
                else:
                    pos = parser.pos
                    field = next(fields, None)
                    if field is None:
                        parser.raise_error("unexpected operand in aie.dma_bd", pos)
                    props[field] = _i32(_parse_int(parser))
            _parse_bd_keywords(parser, props)
        attrs = _parse_attr_dict(parser, cls, props)
        operand = parser.resolve_operand(buf, t)
        return cls.create(operands=[operand], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.buffer)
        printer.print_string(" : ")
        printer.print_attribute(self.buffer.type)
        if self.len is not None or self.offset is not None:
            printer.print_string(f", {_int(self.offset, 0)}")
        if self.len is not None:
            printer.print_string(f", {self.len.value.data}")
        if self.dimensions is not None:
            printer.print_string(", ")
            self.dimensions.print_parameters(printer)
        if self.pad_dimensions is not None:
            printer.print_string(", ")
            self.pad_dimensions.print_parameters(printer)
        if self.pad_value is not None:
            printer.print_string(f", pad_value = {self.pad_value.value.data}")
        printer.print_string(")")
        _print_attr_dict(printer, self, _BD_ELIDE)

    @property
    def length(self) -> int:
        """Elements transferred: ``len``, else the whole buffer."""
        t = self.buffer.type
        return _int(self.len, _num_elements(t) if isinstance(t, MemRefType) else 0)

    def verify_(self) -> None:
        # Only inside a DMA program; elsewhere (runtime sequences) later passes place it.
        parent = self.parent_op()
        if not isinstance(parent, MemOp | MemTileDMAOp | ShimDMAOp | DMAOp):
            return
        owner = self.buffer.owner
        if not isinstance(owner, BufferOp | ExternalBufferOp):
            raise _op_error(self, "BDs only support BufferOp or ExternalBufferOp operands.")
        t: MemRefType = self.buffer.type
        elem = _element_bytes(t.element_type)
        if self.length * elem % 4:
            raise _op_error(self, "transfer length must be multiple of 4 (i.e., represent 4 byte aligned address)")
        region_op = parent if not isinstance(parent, DMAOp) else parent.parent_op()
        if isinstance(region_op, MemOp) and isinstance(owner, BufferOp) and owner.tile != region_op.tile:
            raise _op_error(self, "Core tile DMAs can only access a buffer in the same tile.")
        tile = tile_of(region_op.tile) if isinstance(region_op, _DmaRegionOp) else None
        model = model_of(self)
        if tile is not None and model.contains(*tile.coords):
            max_bds = model.resource(*tile.coords, "bds")
            for what, attr in (("bdId", self.bd_id), ("nextBdId", self.next_bd_id)):
                if attr is not None and attr.value.data >= max_bds:
                    raise _op_error(self, f"{what} attribute exceeds max: {max_bds - 1}")
        if self.dimensions is not None:
            dims = list(self.dimensions)
            max_dims = 4 if isinstance(region_op, MemTileDMAOp) else 3
            if len(dims) > max_dims:
                raise _op_error(self, f"Cannot give more than {max_dims} dimensions for step sizes and wraps in "
                                      f"this  tile (got {len(dims)} dimensions).")
            n = _num_elements(t)
            max_idx = 0
            for d in dims:
                if d.stride.data == 0:
                    raise _op_error(self, "Invalid step size; must be a positive integer.")
                if d.stride.data > n:
                    raise _op_error(self, f"Step size {d.stride.data} exceeds memref size {n}")
                max_idx += d.stride.data * (d.size.data - 1)
            if n <= max_idx:
                raise _op_error(self, "Specified stride(s) and size(s) result in out of bounds access in buffer, "
                                      f"for index {max_idx} in memref of length {n}.")
        if self.packet is not None:
            if self.packet.pkt_type.data > 7:
                raise _op_error(self, "Packet type field can only hold 3 bits.")
            if self.packet.pkt_id.data > 31:
                raise _op_error(self, "Packet ID field can only hold 5 bits.")


def _parse_bd_keywords(parser: Parser, props: dict[str, Attribute]) -> None:
    """The 2026 spelling of a BD: ``offset = 0 len = 1024 sizes = [..] strides = [..]``.

    Read into the 2025 properties (sizes/strides zipped, outermost first, into
    ``dimensions``). Runtime (SSA) offsets, lengths, sizes or strides are not supported.
    """
    sizes = strides = None
    while (word := parser.parse_optional_keyword_in(("offset", "len", "sizes", "strides", "pad_dimensions",
                                                      "pad_value"))) is not None:
        parser.parse_punctuation("=")
        pos = parser.pos
        if word in ("offset", "len", "pad_value"):
            if (v := parser.parse_optional_integer(allow_boolean=False)) is None:
                parser.raise_error(f"aie.dma_bd {word}: only a constant integer is supported here", pos)
            props[word] = _i32(v)
        elif word == "pad_dimensions":
            props[word] = BDPadLayoutArrayAttr(BDPadLayoutArrayAttr.parse_elements(parser))
        else:
            values = parser.parse_comma_separated_list(parser.Delimiter.SQUARE, parser.parse_optional_integer)
            if any(v is None for v in values):
                parser.raise_error(f"aie.dma_bd {word}: runtime (SSA) values are not supported, only constants", pos)
            sizes, strides = (values, strides) if word == "sizes" else (sizes, values)
    if sizes is not None or strides is not None:
        if sizes is None or strides is None or len(sizes) != len(strides):
            parser.raise_error(f"expected the same number of sizes ({len(sizes or [])}) and strides "
                               f"({len(strides or [])})")
        props["dimensions"] = BDDimLayoutArrayAttr.get(
            BDDimLayoutAttr(IntAttr(a), IntAttr(b)) for a, b in zip(sizes, strides))


# AIEOps.td @ 2741ca50 AIE_NextBDOp: $dest attr-dict; Terminator.
@irdl_op_definition
class NextBDOp(IRDLOperation):
    """``aie.next_bd ^bd1``: the BD after this one."""

    name = "aie.next_bd"
    dest = successor_def()
    traits = traits_def(IsTerminator())
    assembly_format = "$dest attr-dict"


# AIEOps.td @ 2741ca50 AIE_DMABDPACKETOp: `(` $packet_type `,` $packet_id `)` attr-dict.
@irdl_op_definition
class DMABDPacketOp(IRDLOperation):
    """``aie.dma_bd_packet(type, id)``: packet header of the next BD."""

    name = "aie.dma_bd_packet"
    packet_type = prop_def(IntegerAttr[I32])
    packet_id = prop_def(IntegerAttr[I32])
    assembly_format = "`(` $packet_type `,` $packet_id `)` attr-dict"
    irdl_options = (ParsePropInAttrDict(),)


# AIEOps.td @ 2741ca50 AIE_DMAOp: `(` $channel_dir `,` $channel_index `)` attr-dict ` `
# `[` regions `]`; ParentOneOf<[MemOp, MemTileDMAOp, ShimDMAOp]>, NoTerminator; result i1.
# AIEDialect.cpp DMAOp::verify.
@irdl_op_definition
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

    @classmethod
    def parse(cls, parser: Parser) -> DMAOp:
        props: dict[str, Attribute] = {}
        with parser.in_parens():
            props["channel_dir"] = DMA_CHANNEL_DIR.parse(parser)
            parser.parse_punctuation(",")
            props["channel_index"] = _i32(_parse_int(parser))
        attrs = _parse_attr_dict(parser, cls, props)
        regions = parser.parse_comma_separated_list(parser.Delimiter.SQUARE, parser.parse_region)
        return cls.create(result_types=[i1], properties=props, attributes=attrs, regions=regions)

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({DMA_CHANNEL_DIR.keyword(self.channel_dir)}, {self.channel_index.value.data})")
        _print_attr_dict(printer, self, ("channel_dir", "channel_index"))
        printer.print_string(" [")
        for i, r in enumerate(self.bds):
            if i:
                printer.print_string(", ")
            printer.print_region(r)
        printer.print_string("]")

    def verify_(self) -> None:
        DMA_CHANNEL_DIR.check(self.channel_dir, "channel_dir", self)
        parent = self.parent_op()
        if not isinstance(parent, MemOp | MemTileDMAOp | ShimDMAOp):
            raise _op_error(self, "expects parent op to be one of 'aie.mem, aie.memtile_dma, aie.shim_dma'")
        if len(parent.body.blocks) > 1:
            raise _op_error(self, "DMAOp can only appear in single block region")
        if any(isinstance(o, DMAStartOp) for o in parent.body.ops):
            raise _op_error(self, "DMAOp is not compatible with DMAStart ops")
        for r in self.bds:
            if len(r.blocks) != 1:
                raise _op_error(self, "DMAOp regions must have only one block")
            ops = list(r.blocks[0].ops)
            if sum(isinstance(o, DMABDOp) for o in ops) != 1:
                raise _op_error(self, "DMAOp regions/blocks must have exactly one DMABDOp")
            if sum(isinstance(o, UseLockOp) for o in ops) != 2:
                raise _op_error(self, "DMAOp regions/blocks must have exactly two UseLock ops")


# ----------------------------------------------------------------------------------------
# Ops: routing (flow, packet_flow, packet_source, packet_dest, shim_dma_allocation)
# ----------------------------------------------------------------------------------------


def _parse_port(parser: Parser) -> tuple[IntegerAttr, IntegerAttr]:
    """``Bundle : channel`` (``"DMA" : 0`` in older tests)."""
    bundle = WIRE_BUNDLE.parse(parser)
    parser.parse_punctuation(":")
    return bundle, _i32(_parse_int(parser))


def _port_text(bundle: Attribute, channel: IntegerAttr) -> str:
    return f"{WIRE_BUNDLE.keyword(bundle)} : {channel.value.data}"


# AIEOps.td @ 2741ca50 AIE_FlowOp: `(` $source `,` $source_bundle `:` $source_channel `,` $dest
# `,` $dest_bundle `:` $dest_channel `)` attr-dict.
@irdl_op_definition
class FlowOp(IRDLOperation):
    """``aie.flow(%a, DMA : 0, %b, DMA : 1)``: a circuit-switched stream between two tiles."""

    name = "aie.flow"
    source = operand_def(IndexType)
    source_bundle = prop_def(IntegerAttr[I32])
    source_channel = prop_def(IntegerAttr[I32])
    dest = operand_def(IndexType)
    dest_bundle = prop_def(IntegerAttr[I32])
    dest_channel = prop_def(IntegerAttr[I32])

    @classmethod
    def parse(cls, parser: Parser) -> FlowOp:
        props: dict[str, Attribute] = {}
        with parser.in_parens():
            src = parser.parse_operand(_INDEX)
            parser.parse_punctuation(",")
            props["source_bundle"], props["source_channel"] = _parse_port(parser)
            parser.parse_punctuation(",")
            dst = parser.parse_operand(_INDEX)
            parser.parse_punctuation(",")
            props["dest_bundle"], props["dest_channel"] = _parse_port(parser)
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(operands=[src, dst], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.source)
        printer.print_string(f", {_port_text(self.source_bundle, self.source_channel)}, ")
        printer.print_operand(self.dest)
        printer.print_string(f", {_port_text(self.dest_bundle, self.dest_channel)})")
        _print_attr_dict(printer, self, ("source_bundle", "source_channel", "dest_bundle", "dest_channel"))

    def verify_(self) -> None:
        for what in ("source_bundle", "dest_bundle"):
            WIRE_BUNDLE.check(self.properties[what], what, self)
        for what in ("source_channel", "dest_channel"):
            if self.properties[what].value.data < 0:
                raise _op_error(self, f"attribute '{what}' failed to satisfy constraint: 32-bit signless integer "
                                      "attribute whose minimum value is 0")


# AIEOps.td @ 2741ca50 AIE_PacketFlowOp: `(` $ID `)` regions attr-dict;
# SingleBlockImplicitTerminator<"EndOp">; AIEDialect.cpp PacketFlowOp::verify.
@irdl_op_definition
class PacketFlowOp(IRDLOperation):
    """``aie.packet_flow(id) { aie.packet_source<...> aie.packet_dest<...> }``: a packet-switched flow."""

    name = "aie.packet_flow"
    ID = prop_def(IntegerAttr[I8])
    keep_pkt_header = opt_prop_def(BoolAttr)
    priority_route = opt_prop_def(BoolAttr)
    ports = region_def()
    traits = traits_def(NoTerminator())

    @classmethod
    def parse(cls, parser: Parser) -> PacketFlowOp:
        with parser.in_parens():
            props: dict[str, Attribute] = {"ID": IntegerAttr(_parse_int(parser), i8, truncate_bits=True)}
        body = parser.parse_region()
        attrs = _parse_attr_dict(parser, cls, props)
        _ensure_end(body)
        return cls.create(properties=props, attributes=attrs, regions=[body])

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({self.ID.value.data}) ")
        _print_region_without_end(printer, self.ports)
        _print_attr_dict(printer, self, ("ID",))

    def verify_(self) -> None:
        if not self.ports.blocks:
            raise _op_error(self, "should have non-empty body")
        sources = dests = 0
        for op in self.ports.blocks[0].ops:
            if not isinstance(op, PacketSourceOp | PacketDestOp | EndOp):
                raise _op_error(op, "cannot be contained in a PacketFlow op", at=op)
            sources += isinstance(op, PacketSourceOp)
            dests += isinstance(op, PacketDestOp)
        # AIEDialect.cpp (2026) PacketFlowOp::verify.
        if sources < 1:
            raise _op_error(self, "must have at least one aie.packet_source")
        if dests < 1:
            raise _op_error(self, "must have at least one aie.packet_dest")


class _PacketEndOp(IRDLOperation):
    """Shared syntax of packet_source / packet_dest: `<` $tile `,` $bundle `:` $channel `>` attr-dict."""

    tile = operand_def(IndexType)
    bundle = prop_def(IntegerAttr[I32])
    channel = prop_def(IntegerAttr[I32])
    traits = lazy_traits_def(lambda: (HasParent(PacketFlowOp),))

    @classmethod
    def parse(cls, parser: Parser) -> _PacketEndOp:
        props: dict[str, Attribute] = {}
        with parser.in_angle_brackets():
            tile = parser.parse_operand(_INDEX)
            parser.parse_punctuation(",")
            props["bundle"], props["channel"] = _parse_port(parser)
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(operands=[tile], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("<")
        printer.print_operand(self.tile)
        printer.print_string(f", {_port_text(self.bundle, self.channel)}>")
        _print_attr_dict(printer, self, ("bundle", "channel"))

    def verify_(self) -> None:
        WIRE_BUNDLE.check(self.bundle, "bundle", self)


# AIEOps.td @ 2741ca50 AIE_PacketSourceOp: HasParent<"PacketFlowOp">.
@irdl_op_definition
class PacketSourceOp(_PacketEndOp):
    """``aie.packet_source<%tile, DMA : 0>``: where a packet flow starts."""

    name = "aie.packet_source"


# AIEOps.td @ 2741ca50 AIE_PacketDestOp: HasParent<"PacketFlowOp">.
@irdl_op_definition
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
            if (tile := parser.parse_optional_operand(_INDEX)) is not None:
                operands.append(tile)
                props["sym_name"] = name
                parser.parse_punctuation(",")
            props["channel_dir"] = DMA_CHANNEL_DIR.parse(parser)
            parser.parse_punctuation(",")
            props["channel_index"] = IntegerAttr(_parse_int(parser), i64)
            while parser.parse_optional_punctuation(",") is not None:
                if (v := parser.parse_optional_integer(allow_boolean=False)) is not None:
                    props["col"] = IntegerAttr(v, i64)
                else:
                    props["packet"] = _parse_packet_info(parser)
        attrs = _parse_attr_dict(parser, cls, props)
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
        printer.print_string(f"{DMA_CHANNEL_DIR.keyword(self.channel_dir)}, {self.channel_index.value.data}")
        if self.col is not None:
            printer.print_string(f", {self.col.value.data}")
        if self.packet is not None:
            printer.print_string(", ")
            self.packet.print_parameters(printer)
        printer.print_string(")")
        _print_attr_dict(printer, self, ("sym_name", "channel_dir", "channel_index", "col", "packet"))

    def verify_(self) -> None:
        DMA_CHANNEL_DIR.check(self.channel_dir, "channel_dir", self)
        if self.tile is None and self.col is None:
            raise _op_error(self, "needs a shim tile operand or a column")
        if self.tile is not None and (t := tile_of(self.tile)) is not None and t.kind not in (None, "shim"):
            raise _op_error(self, f"tile must be a shim tile, but got tile({t.coords[0]}, {t.coords[1]})")


# ----------------------------------------------------------------------------------------
# Ops: runtime sequence (aie dialect form; the older one is aiex.runtime_sequence)
# ----------------------------------------------------------------------------------------

DEFAULT_RUNTIME_SEQUENCE_NAME = "sequence"  # RuntimeSequenceOp::getDefaultRuntimeSequenceName


def parse_runtime_sequence(cls: type[IRDLOperation], parser: Parser) -> IRDLOperation:
    """AIEDialect.cpp RuntimeSequenceOp::parse: ``@name? (%a: T, ...) (attributes {...})? { body }``.

    Shared with ``aiex.runtime_sequence`` (same syntax); ``cls`` needs a ``sym_name`` property
    and one region.
    """
    props: dict[str, Attribute] = {}
    if (sym := parser.parse_optional_symbol_name()) is not None:
        props["sym_name"] = sym
    args = parser.parse_comma_separated_list(parser.Delimiter.PAREN, parser.parse_argument)
    attrs: dict[str, Attribute] = {}
    if parser.parse_optional_keyword("attributes") is not None:
        attrs = _parse_attr_dict(parser, cls, props)
    body = parser.parse_region(args)
    if not body.blocks:
        body.add_block(Block())
    return cls.create(properties=props, attributes=attrs, regions=[body])


def print_runtime_sequence(op: IRDLOperation, printer: Printer) -> None:
    """AIEDialect.cpp RuntimeSequenceOp::print (the default name is left out)."""
    sym = op.properties.get("sym_name")
    if isinstance(sym, StringAttr) and sym.data != DEFAULT_RUNTIME_SEQUENCE_NAME:
        printer.print_string(" ")
        printer.print_symbol_name(sym.data)
    region = op.regions[0]
    printer.print_string("(")
    args = region.blocks[0].args if region.blocks else ()
    for i, a in enumerate(args):
        if i:
            printer.print_string(", ")
        printer.print_block_argument(a)
    printer.print_string(")")
    entries = {k: v for k, v in op.properties.items() if k != "sym_name"} | dict(op.attributes)
    if entries:
        printer.print_string(" attributes ")
        printer.print_attr_dict(dict(sorted(entries.items())))
    printer.print_string(" ")
    printer.print_region(region, print_entry_block_args=False, print_empty_block=False)


@irdl_op_definition
class RuntimeSequenceOp(IRDLOperation):
    """``aie.runtime_sequence @seq(%in: memref<...>) { ... }``: the host-side program of one NPU call."""

    # AIEDialect.cpp RuntimeSequenceOp::parse/print/verify (AIE dialect since 2025).
    name = "aie.runtime_sequence"
    sym_name = opt_prop_def(StringAttr)
    body = region_def()
    traits = traits_def(NoTerminator(), OptionalSymbolOpInterface())

    @classmethod
    def parse(cls, parser: Parser) -> RuntimeSequenceOp:
        return parse_runtime_sequence(cls, parser)

    def print(self, printer: Printer) -> None:
        print_runtime_sequence(self, printer)

    def verify_(self) -> None:
        if device_of(self) is None:
            raise _op_error(self, "must be inside AIE device operation.")


# ----------------------------------------------------------------------------------------
# Ops of lowered designs (switchboxes, cascades): enough to read what aiecc's passes emit
# ----------------------------------------------------------------------------------------


class _TileRegionOp(IRDLOperation):
    """Shared syntax of aie.switchbox / aie.shim_mux: `(` $tile `)` regions attr-dict (implicit aie.end)."""

    tile = operand_def(IndexType)
    connections = region_def()
    result = result_def(IndexType)
    traits = traits_def(NoTerminator())

    @classmethod
    def parse(cls, parser: Parser) -> _TileRegionOp:
        with parser.in_parens():
            tile = parser.parse_operand(_INDEX)
        body = parser.parse_region()
        props: dict[str, Attribute] = {}
        attrs = _parse_attr_dict(parser, cls, props)
        _ensure_end(body)
        return cls.create(operands=[tile], result_types=[IndexType()], properties=props, attributes=attrs,
                          regions=[body])

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.tile)
        printer.print_string(") ")
        _print_region_without_end(printer, self.connections)
        _print_attr_dict(printer, self)


# AIEOps.td @ 2741ca50 AIE_SwitchboxOp.
@irdl_op_definition
class SwitchboxOp(_TileRegionOp):
    """``aie.switchbox(%tile) { aie.connect<...> }``: a tile's stream switch configuration."""

    name = "aie.switchbox"


# AIEOps.td @ 2741ca50 AIE_ShimMuxOp.
@irdl_op_definition
class ShimMuxOp(_TileRegionOp):
    """``aie.shim_mux(%tile) { aie.connect<...> }``: a shim tile's extra interconnect."""

    name = "aie.shim_mux"


# AIEOps.td @ 2741ca50 AIE_ConnectOp: `<` $source_bundle `:` $source_channel `,` $dest_bundle
# `:` $dest_channel `>` attr-dict.
@irdl_op_definition
class ConnectOp(IRDLOperation):
    """``aie.connect<West : 0, Core : 1>``: one circuit-switched connection inside a switchbox."""

    name = "aie.connect"
    source_bundle = prop_def(IntegerAttr[I32])
    source_channel = prop_def(IntegerAttr[I32])
    dest_bundle = prop_def(IntegerAttr[I32])
    dest_channel = prop_def(IntegerAttr[I32])

    @classmethod
    def parse(cls, parser: Parser) -> ConnectOp:
        props: dict[str, Attribute] = {}
        with parser.in_angle_brackets():
            props["source_bundle"], props["source_channel"] = _parse_port(parser)
            parser.parse_punctuation(",")
            props["dest_bundle"], props["dest_channel"] = _parse_port(parser)
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(f"<{_port_text(self.source_bundle, self.source_channel)}, "
                             f"{_port_text(self.dest_bundle, self.dest_channel)}>")
        _print_attr_dict(printer, self, ("source_bundle", "source_channel", "dest_bundle", "dest_channel"))


# AIEOps.td @ 2741ca50 AIE_WireOp: `(` $source `:` $source_bundle `,` $dest `:` $dest_bundle `)`.
@irdl_op_definition
class WireOp(IRDLOperation):
    """``aie.wire(%a : South, %b : North)``: physical wires between two components."""

    name = "aie.wire"
    source = operand_def(IndexType)
    source_bundle = prop_def(IntegerAttr[I32])
    dest = operand_def(IndexType)
    dest_bundle = prop_def(IntegerAttr[I32])

    @classmethod
    def parse(cls, parser: Parser) -> WireOp:
        props: dict[str, Attribute] = {}
        with parser.in_parens():
            src = parser.parse_operand(_INDEX)
            parser.parse_punctuation(":")
            props["source_bundle"] = WIRE_BUNDLE.parse(parser)
            parser.parse_punctuation(",")
            dst = parser.parse_operand(_INDEX)
            parser.parse_punctuation(":")
            props["dest_bundle"] = WIRE_BUNDLE.parse(parser)
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(operands=[src, dst], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.source)
        printer.print_string(f" : {WIRE_BUNDLE.keyword(self.source_bundle)}, ")
        printer.print_operand(self.dest)
        printer.print_string(f" : {WIRE_BUNDLE.keyword(self.dest_bundle)})")
        _print_attr_dict(printer, self, ("source_bundle", "dest_bundle"))


# AIEOps.td @ 2741ca50 AIE_AMSelOp: `<` $arbiterID `>` `(` $msel `)` attr-dict (i8 each).
@irdl_op_definition
class AMSelOp(IRDLOperation):
    """``%a = aie.amsel<5>(3)``: an arbiter and master-select pair of a switchbox."""

    name = "aie.amsel"
    arbiterID = prop_def(IntegerAttr[I8])
    msel = prop_def(IntegerAttr[I8])
    result = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> AMSelOp:
        with parser.in_angle_brackets():
            arbiter = _parse_int(parser)
        with parser.in_parens():
            msel = _parse_int(parser)
        props: dict[str, Attribute] = {"arbiterID": IntegerAttr(arbiter, i8), "msel": IntegerAttr(msel, i8)}
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(result_types=[IndexType()], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(f"<{self.arbiterID.value.data}>({self.msel.value.data})")
        _print_attr_dict(printer, self, ("arbiterID", "msel"))


# AIEOps.td @ 2741ca50 AIE_MasterSetOp: `(` $dest_bundle `:` $dest_channel `,` $amsels `)` attr-dict.
@irdl_op_definition
class MasterSetOp(IRDLOperation):
    """``%m = aie.masterset(East : 0, %a)``: a packet-switched master port of a switchbox."""

    name = "aie.masterset"
    dest_bundle = prop_def(IntegerAttr[I32])
    dest_channel = prop_def(IntegerAttr[I32])
    amsels = var_operand_def(IndexType)
    keep_pkt_header = opt_prop_def(BoolAttr)
    result = result_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> MasterSetOp:
        props: dict[str, Attribute] = {}
        amsels = []
        with parser.in_parens():
            props["dest_bundle"], props["dest_channel"] = _parse_port(parser)
            while parser.parse_optional_punctuation(",") is not None:
                amsels.append(parser.parse_operand(_INDEX))
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(operands=amsels, result_types=[IndexType()], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({_port_text(self.dest_bundle, self.dest_channel)}")
        for a in self.amsels:
            printer.print_string(", ")
            printer.print_operand(a)
        printer.print_string(")")
        _print_attr_dict(printer, self, ("dest_bundle", "dest_channel"))


# AIEOps.td @ 2741ca50 AIE_PacketRulesOp: `(` $source_bundle `:` $source_channel `)` regions
# attr-dict; SingleBlockImplicitTerminator<"EndOp">.
@irdl_op_definition
class PacketRulesOp(IRDLOperation):
    """``aie.packet_rules(South : 0) { aie.rule(...) }``: packet routing rules of a slave port."""

    name = "aie.packet_rules"
    source_bundle = prop_def(IntegerAttr[I32])
    source_channel = prop_def(IntegerAttr[I32])
    rules = region_def()
    traits = traits_def(NoTerminator())

    @classmethod
    def parse(cls, parser: Parser) -> PacketRulesOp:
        props: dict[str, Attribute] = {}
        with parser.in_parens():
            props["source_bundle"], props["source_channel"] = _parse_port(parser)
        body = parser.parse_region()
        attrs = _parse_attr_dict(parser, cls, props)
        _ensure_end(body)
        return cls.create(properties=props, attributes=attrs, regions=[body])

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({_port_text(self.source_bundle, self.source_channel)}) ")
        _print_region_without_end(printer, self.rules)
        _print_attr_dict(printer, self, ("source_bundle", "source_channel"))


# AIEOps.td @ 2741ca50 AIE_PacketRuleOp: `(` $mask `,` $value `,` $amsel `)` attr-dict (i8).
@irdl_op_definition
class PacketRuleOp(IRDLOperation):
    """``aie.rule(0x1F, 0x10, %a)``: one packet routing rule."""

    name = "aie.rule"
    mask = prop_def(IntegerAttr[I8])
    value = prop_def(IntegerAttr[I8])
    amsel = operand_def(IndexType)

    @classmethod
    def parse(cls, parser: Parser) -> PacketRuleOp:
        with parser.in_parens():
            mask = _parse_int(parser)
            parser.parse_punctuation(",")
            value = _parse_int(parser)
            parser.parse_punctuation(",")
            amsel = parser.parse_operand(_INDEX)
        props: dict[str, Attribute] = {"mask": IntegerAttr(mask, i8, truncate_bits=True),
                                       "value": IntegerAttr(value, i8, truncate_bits=True)}
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(operands=[amsel], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string(f"({self.mask.value.data}, {self.value.value.data}, ")
        printer.print_operand(self.amsel)
        printer.print_string(")")
        _print_attr_dict(printer, self, ("mask", "value"))


# AIEOps.td @ 2741ca50 AIE_CascadeFlowOp: `(` $source_tile `,` $dest_tile `)` attr-dict.
@irdl_op_definition
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
            raise _op_error(self, "shimTile row has no cascade stream interface")
        if "mem" in (src.kind, dst.kind):
            raise _op_error(self, "memTile row has no cascade stream interface")
        (a, b), (c, d) = src.coords, dst.coords
        if abs(a - c) + abs(b - d) != 1:
            raise _op_error(self, "tiles must be adjacent")


# AIEOps.td @ 2741ca50 AIE_ConfigureCascadeOp: `(` $tile `,` $inputDir `,` $outputDir `)` attr-dict.
@irdl_op_definition
class ConfigureCascadeOp(IRDLOperation):
    """``aie.configure_cascade(%t, North, South)``: a core's cascade input and output directions."""

    name = "aie.configure_cascade"
    tile = operand_def(IndexType)
    inputDir = prop_def(IntegerAttr[I32])
    outputDir = prop_def(IntegerAttr[I32])

    @classmethod
    def parse(cls, parser: Parser) -> ConfigureCascadeOp:
        with parser.in_parens():
            tile = parser.parse_operand(_INDEX)
            parser.parse_punctuation(",")
            props: dict[str, Attribute] = {"inputDir": CASCADE_DIR.parse(parser)}
            parser.parse_punctuation(",")
            props["outputDir"] = CASCADE_DIR.parse(parser)
        attrs = _parse_attr_dict(parser, cls, props)
        return cls.create(operands=[tile], properties=props, attributes=attrs)

    def print(self, printer: Printer) -> None:
        printer.print_string("(")
        printer.print_operand(self.tile)
        printer.print_string(f", {CASCADE_DIR.keyword(self.inputDir)}, {CASCADE_DIR.keyword(self.outputDir)})")
        _print_attr_dict(printer, self, ("inputDir", "outputDir"))


# AIEOps.td @ 2741ca50 AIE_GetCascadeOp: `(` `)` attr-dict `:` type($cascade_value).
@irdl_op_definition
class GetCascadeOp(IRDLOperation):
    """``%v = aie.get_cascade() : vector<16xi32>``: read the cascade input."""

    name = "aie.get_cascade"
    cascade_value = result_def()
    assembly_format = "`(` `)` attr-dict `:` type($cascade_value)"


# AIEOps.td @ 2741ca50 AIE_PutCascadeOp: `(` $cascade_value `:` type($cascade_value) `)` attr-dict.
@irdl_op_definition
class PutCascadeOp(IRDLOperation):
    """``aie.put_cascade(%v : vector<16xi32>)``: write the cascade output."""

    name = "aie.put_cascade"
    cascade_value = operand_def()
    assembly_format = "`(` $cascade_value `:` type($cascade_value) `)` attr-dict"


AIE = Dialect(
    "aie",
    [
        DeviceOp, TileOp, EndOp, CoreOp, BufferOp, ExternalBufferOp, LockOp, UseLockOp,
        ObjectFifoCreateOp, ObjectFifoLinkOp, ObjectFifoAcquireOp, ObjectFifoReleaseOp,
        ObjectFifoSubviewAccessOp, ObjectFifoAllocateOp, ObjectFifoRegisterExternalBuffersOp,
        ObjectFifoBufferOp, ObjectFifoLockOp,
        MemOp, MemTileDMAOp, ShimDMAOp, DMAStartOp, DMABDOp, NextBDOp, DMABDPacketOp, DMAOp,
        FlowOp, PacketFlowOp, PacketSourceOp, PacketDestOp, ShimDMAAllocationOp, RuntimeSequenceOp,
        SwitchboxOp, ShimMuxOp, ConnectOp, WireOp, AMSelOp, MasterSetOp, PacketRulesOp, PacketRuleOp,
        CascadeFlowOp, ConfigureCascadeOp, GetCascadeOp, PutCascadeOp,
    ],
    [
        ObjectFifoType, ObjectFifoSubviewType, BDDimLayoutAttr, BDDimLayoutArrayAttr,
        BDDimLayoutArrayArrayAttr, BDPadLayoutAttr, BDPadLayoutArrayAttr, PacketInfoAttr,
        AIEDeviceAttr, ObjectFifoPortAttr,
    ],
)
"""The ``aie`` dialect: load it into an ``xdsl.context.Context`` (see ``partitioner.mlir.parse``)."""
