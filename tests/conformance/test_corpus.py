"""Integrity of the conformance corpus itself (not of npu-tiler's model).

Checks that every module in expected.toml has its input .mlir and the other way
round, that each input names the mlir-aie file and commit it came from, that the
recorded fields have the documented shapes, and that every buffer size agrees
with the memref type it comes from: a buffer declared in the input by its
sym_name, or a buffer the lowering creates for an ObjectFIFO end
(<fifo>_buff_<i>, <fifo>_cons_buff_<i>, <fifo>_<k>_cons_buff_<i>).

The inputs are read with npu-tiler's own MLIR parser (``partitioner.mlir.parse``)
and element widths come from ``partitioner.design.elem_bits``, so the test knows
no MLIR syntax and no type widths of its own. Every input must parse: a parse
error fails the buffer test of that module (there is no skip list; none is needed).
"""
from __future__ import annotations

import string
import tomllib
from functools import cache
from pathlib import Path

import pytest
from xdsl.dialects.builtin import MemRefType, ModuleOp

from partitioner.design import elem_bits
from partitioner.mlir import aie
from partitioner.mlir.parse import parse_module

HERE = Path(__file__).parent
EXPECTED = tomllib.loads((HERE / "expected.toml").read_text())["modules"]
MLIR = {p.stem: p for p in HERE.glob("*.mlir")}

TILE_KEYS = {"tile", "buffers", "locks", "lock_init", "pool_from_lock_init", "dma_in", "dma_out",
             "bds", "bd_ids", "hw_repeat", "stack", "data_origin", "data_length"}
BUFFER_KEYS = {"name", "bytes", "address", "bank", "init"}
HEX = frozenset(string.hexdigits.lower())


def is_commit(text: str) -> bool:
    """Whether ``text`` is a full 40-digit lower-case hex git commit."""
    return len(text) == 40 and set(text) <= HEX


@cache
def module(name: str) -> ModuleOp:
    path = MLIR[name]
    return parse_module(path.read_text(), str(path))


def memref_bytes(t: MemRefType) -> int:
    """Bytes of a statically shaped memref: its element count times its element width."""
    assert isinstance(t, MemRefType) and t.has_static_shape(), t
    bits = elem_bits(str(t.element_type))
    assert bits is not None and bits % 8 == 0, t
    return t.element_count() * bits // 8


def declared_buffers(m: ModuleOp) -> dict[str, int]:
    """sym_name -> bytes of every named ``aie.buffer`` in the module."""
    out: dict[str, int] = {}
    for op in m.walk():
        if isinstance(op, aie.BufferOp) and op.sym_name is not None:
            nbytes = memref_bytes(op.buffer.type)
            assert out.setdefault(op.sym_name.data, nbytes) == nbytes, op.sym_name.data
    return out


def fifo_types(m: ModuleOp) -> dict[str, tuple[int, int]]:
    """FIFO name -> (producer element bytes, consumer element bytes)."""
    out: dict[str, tuple[int, int]] = {}
    for op in m.walk():
        if isinstance(op, aie.ObjectFifoCreateOp):
            prod = memref_bytes(op.memref_type)
            cons = memref_bytes(op.consumerElemType.element_type) if op.consumerElemType is not None else prod
            assert out.setdefault(op.fifo_name, (prod, cons)) == (prod, cons), op.fifo_name
    return out


def _index_suffix(name: str, sep: str) -> str | None:
    """``stem`` when ``name`` is ``<stem><sep><digits>`` with a non-empty stem, else None."""
    stem, found, index = name.rpartition(sep)
    return stem if found and stem and index.isdigit() else None


def fifo_buffer_bytes(name: str, fifos: dict[str, tuple[int, int]]) -> int | None:
    """Bytes of a buffer the lowering names after a FIFO end; None when ``name`` is not one."""
    stem = _index_suffix(name, "_cons_buff_")
    if stem is not None:
        # <fifo>_<k>_cons_buff_<i> (one consumer of several) before <fifo>_cons_buff_<i>.
        for fifo in (_index_suffix(stem, "_"), stem):
            if fifo in fifos:
                return fifos[fifo][1]
    fifo = _index_suffix(name, "_buff_")
    if fifo in fifos:
        return fifos[fifo][0]
    return None


def test_fifo_buffer_names():
    fifos = {"a": (4, 2), "b_2": (8, 8)}
    assert fifo_buffer_bytes("a_buff_0", fifos) == 4
    assert fifo_buffer_bytes("a_cons_buff_1", fifos) == 2
    assert fifo_buffer_bytes("a_1_cons_buff_0", fifos) == 2
    assert fifo_buffer_bytes("b_2_cons_buff_0", fifos) == 8
    assert fifo_buffer_bytes("b_2_buff_3", fifos) == 8
    for other in ("a_buff_", "a_buff_x", "_buff_0", "a_cons_buff_", "c_buff_0", "a", "a_cons_0"):
        assert fifo_buffer_bytes(other, fifos) is None, other


def test_is_commit():
    assert is_commit("0123456789abcdef0123456789abcdef01234567")
    assert not is_commit("0123456789abcdef0123456789abcdef0123456")
    assert not is_commit("0123456789ABCDEF0123456789abcdef01234567")
    assert not is_commit("0123456789abcdeg0123456789abcdef01234567")


def test_every_module_has_an_input_and_every_input_a_module():
    assert set(EXPECTED) == set(MLIR)
    assert len(EXPECTED) >= 28


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_module_entry(name):
    entry = EXPECTED[name]
    for key in ("source", "commit", "passes", "device", "verdict", "note", "figures"):
        assert key in entry, key
    assert entry["verdict"] in ("fits", "does not fit")
    assert ("error" in entry) == (entry["verdict"] == "does not fit")
    assert entry["figures"] in ("check", "unverified check", "hand count", "compiler output")
    if "alloc_scheme" in entry:
        assert entry["alloc_scheme"] in ("basic-sequential", "bank-aware")

    header = MLIR[name].read_text().splitlines()[0]
    assert header.startswith("// from Xilinx/mlir-aie ")
    source = entry["source"].split(" ")[0]
    if "<" not in source:
        assert source in header
    if is_commit(entry["commit"]):
        assert entry["commit"] in header
    assert "(RUN: " in header

    for t in entry.get("tiles", []):
        assert set(t) <= TILE_KEYS, set(t) - TILE_KEYS
        assert len(t["tile"]) == 2
        for b in t.get("buffers", []):
            assert set(b) <= BUFFER_KEYS and "name" in b and b["bytes"] > 0
        for k in ("dma_in", "dma_out"):
            assert all(isinstance(c, int) and c >= 0 for c in t.get(k, []))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_buffer_sizes_follow_the_memref_types(name):
    m = module(name)
    declared, fifos = declared_buffers(m), fifo_types(m)
    checked = 0
    for t in EXPECTED[name].get("tiles", []):
        for b in t.get("buffers", []):
            want = declared.get(b["name"]) or fifo_buffer_bytes(b["name"], fifos)
            if want is not None:
                assert b["bytes"] == want, b["name"]
                checked += 1
    # Only the anonymous buffers (named by the pass, or by the bindings) escape the check.
    total = sum(len(t.get("buffers", [])) for t in EXPECTED[name].get("tiles", []))
    anonymous = sum(1 for t in EXPECTED[name].get("tiles", []) for b in t.get("buffers", [])
                    if b["name"].startswith(("_anonymous", "buffer_", "core_data_")))
    assert checked + anonymous == total
