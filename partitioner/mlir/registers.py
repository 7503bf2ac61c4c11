"""What a runtime sequence's register write touches: data only, a lock, or something the model does not follow.

``aiex.npu.write32``, ``maskwrite32`` and ``blockwrite`` write 32-bit words: into an ``aie.buffer``
(``buffer = @name``, a tile's data memory), or at a tile-local offset of tile ``column``/``row``, or at
an array address whose column and row bits name the tile (AIE2: column << 25 | row << 20,
``params/registers.toml``). :func:`effect` reads the offset against the AIE-ML register map of the
tile's kind (``params/registers.toml``, from XRT's AIE2 register database):

* **inert**: inside an ``aie.buffer``, or only registers that move no DMA data, set no lock and neither start
  nor stop a core (performance counters, timer, events, trace control, the processor-bus enable, data
  memory): the write is no mover (issue 20);
* **lock**: a ``write32`` of a whole lock-value register: it sets that lock, as ``aiex.set_lock`` does;
* **moves**: anything else (BDs, DMA channel control and task queues, lock requests, stream switch
  configuration, core control, program memory, resets, or an offset that is not a constant): the
  hang verdict stays "not proved".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import prod

from xdsl.ir import Operation, SSAValue

from partitioner.design import Coord
from partitioner.mlir import aiex
from partitioner.mlir.aie import element_bits, int_of
from partitioner.mlir.aiex import constant
from partitioner.params import PARAMS_DIR, read_toml

REGISTERS_TOML = PARAMS_DIR / "registers.toml"
WORD_BYTES = 4  # every register write moves 32-bit words (AIEX.td NpuWrite32Op / NpuBlockWriteOp)
WRITES = (aiex.NpuWrite32Op, aiex.NpuMaskWrite32Op, aiex.NpuBlockWriteOp)
DATA_MEMORY = "data memory"  # the name of a tile kind's data-memory range in params/registers.toml


@dataclass(frozen=True)
class Range:
    """The 32-bit words at tile-local offsets ``first`` to ``last`` (both included): registers of one kind."""

    name: str
    first: int
    last: int


@dataclass(frozen=True)
class LockRegs:
    """A tile kind's lock-value registers: lock ``k`` at ``first + k * step``, ``count`` of them."""

    first: int
    step: int
    count: int

    def lock_at(self, offset: int) -> int | None:
        """The lock whose value register is at ``offset``; None when none is."""
        k, rest = divmod(offset - self.first, self.step)
        return k if rest == 0 and 0 <= k < self.count else None


@dataclass(frozen=True)
class Effect:
    """What one register write does: ``kind`` "inert", "lock" or "moves", with ``what`` in words.

    For "lock": the ``tile``, ``lock`` id and the ``value`` it is set to.
    """

    kind: str
    what: str
    tile: Coord | None = None
    lock: int | None = None
    value: int | None = None


@lru_cache(maxsize=1)
def _map() -> tuple[int, int, dict[str, tuple[tuple[Range, ...], LockRegs]]]:
    data = read_toml(REGISTERS_TOML)
    kinds = {kind: (tuple(Range(**r) for r in data[kind]["inert"]), LockRegs(**data[kind]["locks"]))
             for kind in ("compute", "mem", "shim")}
    return data["address"]["column_shift"], data["address"]["row_shift"], kinds


def _int(v: int | SSAValue | None) -> int | None:
    return constant(v) if isinstance(v, SSAValue) else v


def _target(op: Operation) -> tuple[str | None, Coord | None, int | None]:
    """(host buffer name, tile, tile-local offset) a write aims at; a None offset: not a constant."""
    if isinstance(op, aiex.NpuBlockWriteOp):
        vals = {"address": int_of(op.address), "column": int_of(op.column), "row": int_of(op.row)}
    else:
        vals = {k: _int(v) for k, v in op.values().items()}
        vals |= {"column": int_of(op.column), "row": int_of(op.row)}
    if op.buffer is not None:
        return op.buffer.string_value(), None, vals["address"]
    address, col, row = vals["address"], vals["column"], vals["row"]
    if address is None:
        return None, None, None
    # mlir-aie lib/Dialect/AIEX/IR/AIEXDialect.cpp (the NPU address of a write): "If col and row are
    # set, only the lower 20 bits of the address are used, and col and row dictate the upper bits";
    # else the address is absolute (test/npu-xrt/tile_dmas/writebd gives 0x21DE04 with row = 2)
    col_shift, row_shift, _ = _map()
    offset = address & ((1 << row_shift) - 1)
    if col is not None and row is not None:
        return None, (col, row), offset
    return None, (address >> col_shift, (address >> row_shift) & ((1 << (col_shift - row_shift)) - 1)), offset


def _words(op: Operation) -> int:
    if isinstance(op, aiex.NpuBlockWriteOp):
        bits = element_bits(op.data.type) or 8 * WORD_BYTES
        return max(1, prod(op.data.type.get_shape()) * bits // (8 * WORD_BYTES))
    return 1


def effect(op: Operation, kind_of, buffers: dict[str, int]) -> Effect:  # noqa: ANN001 - Device.kind_of
    """What the register write ``op`` touches (see the module docstring).

    Parameters
    ----------
    op : Operation
        An ``aiex.npu.write32``, ``maskwrite32`` or ``blockwrite``.
    kind_of : callable
        ``(col, row) -> "shim" | "mem" | "compute"`` (:meth:`partitioner.device.Device.kind_of`).
    buffers : dict
        The device's ``aie.buffer`` symbols and their bytes: a write given ``buffer = @b`` writes word
        ``address`` of ``b`` on (AIEXDialect.cpp: the buffer's address plus ``address * 4`` on its tile),
        inert when it stays inside it (test/npu-xrt/add_blockwrite and add_maskwrite write words of a
        core's buffer this way).

    Returns
    -------
    Effect

    Examples
    --------
    >>> from partitioner.mlir.parse import parse_module
    >>> from partitioner import device
    >>> m = parse_module('''aie.device(npu1) {
    ...   %t = aie.tile(0, 2)
    ...   aie.runtime_sequence(%a : memref<8xi32>) {
    ...     aiex.npu.maskwrite32 {address = 0x32038 : ui32, row = 2 : i32, column = 0 : i32, value = 1 : ui32, mask = 1 : ui32}
    ...     aiex.npu.write32 {address = 0x1D214 : ui32, row = 0 : i32, column = 0 : i32, value = 1 : ui32}
    ...     aiex.npu.write32 {address = 0x1F010 : ui32, row = 2 : i32, column = 0 : i32, value = 3 : ui32}
    ...   }
    ... }''', "m.mlir")
    >>> ops = [o for o in m.walk() if o.name.startswith("aiex.npu.")]
    >>> [(e.kind, e.what) for e in (effect(o, device.load("npu1").kind_of, {}) for o in ops)][:2]
    [('inert', "compute tile (0,2)'s core processor bus enable"), ('moves', 'shim tile (0,0) offset 0x1d214')]
    >>> e = effect(ops[2], device.load("npu1").kind_of, {}); (e.kind, e.tile, e.lock, e.value)
    ('lock', (0, 2), 1, 3)
    """
    buffer, tile, offset = _target(op)
    if buffer is not None:
        if offset is not None and buffer in buffers and (offset + _words(op)) * WORD_BYTES <= buffers[buffer]:
            return Effect("inert", f"buffer @{buffer} (data memory, no register)")
        return Effect("moves", f"@{buffer} at {offset}, not inside an aie.buffer of the design")
    if tile is None or offset is None:
        return Effect("moves", "an address that is not a constant")
    try:
        kind = kind_of(tile)
    except Exception:  # noqa: BLE001 - a tile outside the device: what it hits is not known
        return Effect("moves", f"tile ({tile[0]},{tile[1]}), outside the device")
    ranges, locks = _map()[2][kind]
    where = f"{kind} tile ({tile[0]},{tile[1]})"
    last = offset + WORD_BYTES * (_words(op) - 1)  # the last word written
    hit = next((r for r in ranges if r.first <= offset and last <= r.last), None)
    if hit is not None:
        return Effect("inert", f"{where}'s {hit.name}")
    lock = locks.lock_at(offset)
    value = _int(op.values().get("value")) if isinstance(op, aiex.NpuWrite32Op) else None
    if lock is not None and value is not None:
        return Effect("lock", f"{where}'s lock {lock} value", tile, lock, value)
    return Effect("moves", f"{where} offset {offset:#x}")


def clear_effect(op: aiex.BufferClearOp, tile: Coord | None, kind_of) -> Effect:  # noqa: ANN001 - Device.kind_of
    """What ``aiex.buffer_clear(%tile, address, length)`` touches: ``length`` zero words of the tile's data
    memory (mlir-aie test/npu-xrt/buffer_clear_op: "Clears data memory in place"), inert when they lie inside
    it whether ``address`` counts bytes or words; anything else "moves".

    Examples
    --------
    >>> from partitioner.mlir.parse import parse_module
    >>> from partitioner import device
    >>> m = parse_module('''aie.device(npu1) {
    ...   %t = aie.tile(0, 2)
    ...   aie.runtime_sequence(%a : memref<8xi32>) {
    ...     aiex.buffer_clear(%t, 0, 8)
    ...     aiex.buffer_clear(%t, 16380, 8)
    ...   }
    ... }''', "m.mlir")
    >>> ops = [o for o in m.walk() if o.name == "aiex.buffer_clear"]
    >>> [clear_effect(o, (0, 2), device.load("npu1").kind_of).kind for o in ops]
    ['inert', 'moves']
    """
    if tile is None:
        return Effect("moves", "a tile no record holds")
    kind = kind_of(tile)
    memory = next((r for r in _map()[2][kind][0] if r.name == DATA_MEMORY), None)
    address, length = op.address.value.data, op.length.value.data
    if memory is not None and memory.first <= address and (address + length - 1) * WORD_BYTES <= memory.last:
        return Effect("inert", f"{kind} tile ({tile[0]},{tile[1]})'s {DATA_MEMORY} (zeros, no register)")
    return Effect("moves", f"{kind} tile ({tile[0]},{tile[1]}) from {address}, {length} words")
