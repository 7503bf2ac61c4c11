"""Integrity of the conformance corpus itself (not of npu-tiler's model).

Checks that every module in expected.toml has its input .mlir and the other way
round, that each input names the mlir-aie file and commit it came from, that the
recorded fields have the documented shapes, and that every buffer size agrees
with the memref type it comes from: a buffer declared in the input by its
sym_name, or a buffer the lowering creates for an ObjectFIFO end
(<fifo>_buff_<i>, <fifo>_cons_buff_<i>, <fifo>_<k>_cons_buff_<i>).
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

HERE = Path(__file__).parent
EXPECTED = tomllib.loads((HERE / "expected.toml").read_text())["modules"]
MLIR = {p.stem: p for p in HERE.glob("*.mlir")}

BITS = {"i8": 8, "ui8": 8, "i16": 16, "bf16": 16, "f16": 16, "i32": 32, "f32": 32, "i64": 64}
TILE_KEYS = {"tile", "buffers", "locks", "lock_init", "pool_from_lock_init", "dma_in", "dma_out",
             "bds", "bd_ids", "hw_repeat", "stack", "data_origin", "data_length"}
BUFFER_KEYS = {"name", "bytes", "address", "bank", "init"}


def memref_bytes(text: str) -> int:
    """Bytes of a memref type body such as '4x4xi32' or '16x16xi32, 1 : i32' or 'i32'."""
    shape = text.split(",")[0].strip()
    *dims, elem = shape.split("x")
    n = 1
    for d in dims:
        n *= int(d)
    return n * BITS[elem] // 8


def declared_buffers(src: str) -> dict[str, int]:
    out = {}
    for m in re.finditer(r'aie\.buffer\([^)]*\)\s*\{[^}]*sym_name\s*=\s*"([^"]+)"[^}]*\}\s*:\s*memref<([^>]+)>', src):
        out[m.group(1)] = memref_bytes(m.group(2))
    return out


def fifo_types(src: str) -> dict[str, tuple[int, int]]:
    """FIFO name -> (producer element bytes, consumer element bytes)."""
    out = {}
    pat = re.compile(r'aie\.objectfifo\s+@(\w+)\s*\(.*?:\s*!aie\.objectfifo<memref<([^>]+)>>'
                     r'(?:\s*->\s*!aie\.objectfifo<memref<([^>]+)>>)?', re.S)
    for m in pat.finditer(src):
        prod = memref_bytes(m.group(2))
        out[m.group(1)] = (prod, memref_bytes(m.group(3)) if m.group(3) else prod)
    return out


def fifo_buffer_bytes(name: str, fifos: dict[str, tuple[int, int]]) -> int | None:
    m = re.fullmatch(r"(\w+?)(?:_\d+)?_cons_buff_\d+", name)
    if m and m.group(1) in fifos:
        return fifos[m.group(1)][1]
    m = re.fullmatch(r"(\w+)_buff_\d+", name)
    if m and m.group(1) in fifos:
        return fifos[m.group(1)][0]
    return None


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
    if re.fullmatch(r"[0-9a-f]{40}", entry["commit"]):
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
    src = MLIR[name].read_text()
    declared, fifos = declared_buffers(src), fifo_types(src)
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
