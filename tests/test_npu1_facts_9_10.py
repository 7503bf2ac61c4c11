"""../shared/docs/npu1-facts.md sections 9 and 10: one test per row not already covered elsewhere.

Expected values come from the lit tests and notes named in each row (tests/conformance/expected.toml holds the
CHECK-line figures of the conformance modules read here).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from xdsl.dialects.builtin import MemRefType

import partitioner
from partitioner import profiles
from partitioner.allocation import STACK, allocate_buffers
from partitioner.design import Link, ObjectFifo
from partitioner.emitters import aiecc_api
from partitioner.lowering import link_owner
from partitioner.profiles import load
from test_mlir_aiex import in_device, ops_of, parse, rejected

CORPUS = Path(__file__).resolve().parent / "conformance"


def _read(name: str, profile: str, scheme: str = "default", path: Path | None = None):
    return partitioner.read(path or CORPUS / f"{name}.mlir", alloc_scheme=scheme, mlir_aie=profile)


def _buffers(ev) -> dict:
    return {tuple(t.tile): {b["name"]: b for b in t.buffers} for t in ev.tiles}


# npu1-facts.md section 9, row 1: Shared-memory FIFO: `depth` buffers as declared, never `max acquire + 1`
def test_a_shared_memory_fifo_has_its_declared_depth_not_max_acquire_plus_one():
    # AIE2_static_L1.mlir @ 065cfd93: depth 4, producer acquires 1, consumer 2, prod lock init 4 -> 4 buffers
    # (max acquire + 1 would give 2 or 3), all on the producer tile (2,2), none on the consumer (2,3).
    ev = _read("aie2_static_l1", "2025")
    bufs = _buffers(ev)
    assert sorted(n for n in bufs[(2, 2)] if n.startswith("fifo_")) == [f"fifo_buff_{i}" for i in range(4)]
    assert not [n for n in bufs[(2, 3)] if n.startswith("fifo")]


# npu1-facts.md section 9, row 1 (second sentence): The `max acquire + 1` rule is for the compute-tile end of a DMA FIFO
def test_max_acquire_plus_one_applies_to_the_compute_end_of_a_dma_fifo():
    # depth_one_scalar_test.mlir @ bb00a77d (2025): DMA FIFO compute (1,2) -> shim (1,0), integer depth 1, acquire 1:
    # the compute end gets max acquire + 1 = 2 buffers (64 B each), not the declared 1; the shim end none.
    bufs = _buffers(_read("depth_one_scalar", "2025"))
    assert {n: b["bytes"] for n, b in bufs[(1, 2)].items() if n.startswith("of")} == {"of_buff_0": 64, "of_buff_1": 64}
    assert not bufs.get((1, 0))


# npu1-facts.md section 9, row 2: Mem-tile spill (2025 and later): a buffer that would take a mem tile past 512 KiB
def test_a_mem_tile_buffer_past_512_kib_spills_to_the_neighbour_mem_tile():
    # onelargefifo_on_2memtile.mlir @ 0548b3a0: in0_cons needs 2 x 384,000 B > 512 KiB; buffer 0 stays on (0,1),
    # buffer 1 goes to (1,1), a tile the input never declared.
    ev = _read("memtile_spill_one_fifo", "2026")
    bufs = _buffers(ev)
    assert bufs[(0, 1)]["in0_cons_buff_0"]["bytes"] == 384000
    assert "in0_cons_buff_1" not in bufs[(0, 1)]
    assert bufs[(1, 1)]["in0_cons_buff_1"]["bytes"] == 384000
    assert not ev.errors


# npu1-facts.md section 9, row 3: 1-to-1 link: the buffers live on the side with more elements
def test_a_one_to_one_link_pool_is_on_the_side_with_more_elements():
    # twofifo_on_2memtile.mlir @ 093eb7fe: out0 (64000xi32) is bigger than its input (8xi32): the pool is the
    # output's producer end out0_buff (2 x 256,000 B), moved whole to (1,1). link_shared_mem_bigger_input
    # (expected.toml): input 32xi32 > output 16xi32, the pool is the input's consumer end of1_cons (128 B).
    spill = _buffers(_read("memtile_spill_two_fifos", "2026"))
    assert {n: b["bytes"] for n, b in spill[(1, 1)].items()} == {"out0_buff_0": 256000, "out0_buff_1": 256000}
    bigger_in = _buffers(_read("link_shared_mem_bigger_input", "2025"))
    assert {n: b["bytes"] for n, b in bigger_in[(1, 2)].items()} == {"of1_cons_buff_0": 128, "of1_cons_buff_1": 128}


# npu1-facts.md section 9, row 3: 1-to-1 link: ... the output side when it has init values
def test_a_one_to_one_link_pool_is_on_the_output_when_it_has_init_values():
    # createObjectFifoElements / createLinkPools: equal sizes -> the input; the output if it has init values,
    # even when the input is bigger; otherwise the bigger side.
    def fifo(name, count, init=False):
        return ObjectFifo(name, "mem:1", ["w"], 4 * count, "i32", count, 2, 1, "frames", init_values=init)

    def owner(src, dst):
        return link_owner(Link("l", "forward", ["a"], ["b"], [0]), {"a": src, "b": dst})

    assert owner(fifo("a", 16), fifo("b", 16)) == "a"
    assert owner(fifo("a", 16), fifo("b", 16, init=True)) == "b"
    assert owner(fifo("a", 32), fifo("b", 16, init=True)) == "b"
    assert owner(fifo("a", 32), fifo("b", 16)) == "a"
    assert owner(fifo("a", 8), fifo("b", 16)) == "b"


# npu1-facts.md section 9, row 4: `aie-assign-buffer-addresses` with no scheme: bank-aware first, then
# basic-sequential with a warning
def test_no_scheme_tries_bank_aware_then_basic_sequential_with_a_warning():
    # AIEAssignBuffers.cpp (mid-2025, profile 2025): a 20000 B buffer fits no 16 KiB bank of a 64 KiB core tile,
    # so bank-aware fails; basic-sequential places it after the 1024 B stack.
    p = load("2025")
    bank = allocate_buffers((0, 2), True, [("x", 20000)], 65536, 4, 1024, 0, "bank-aware", p)
    assert not bank.fits
    mm = allocate_buffers((0, 2), True, [("x", 20000)], 65536, 4, 1024, 0, "default", p)
    assert mm.fits and mm.scheme == "basic-sequential"
    assert {r.name: r.address for r in mm.regions}["x"] == 1024
    assert "warning: Bank-aware allocation failed, trying basic sequential allocation." in mm.notes
    small = allocate_buffers((0, 2), True, [("x", 64)], 65536, 4, 1024, 0, "default", p)
    assert small.scheme == "bank-aware" and not small.notes


# npu1-facts.md section 9, row 5: 2026 bank-aware: a buffer larger than a bank starts on a bank boundary
def test_2026_bank_aware_a_buffer_larger_than_a_bank_starts_on_a_bank_boundary():
    # bank_aware_alloc_over_bank.mlir @ 08c79115: core npu2 tile, 32 KiB buffer at 16384 (bank 1 boundary);
    # mem tile: bank 0 pinned full, the 128 KiB buffer at 65536.
    core = _buffers(_read("bank_aware_over_bank_core_npu2", "2026", "bank-aware"))
    assert core[(0, 2)]["big"]["address"] == 16384
    mem = _buffers(_read("bank_aware_over_bank_memtile_npu2", "2026", "bank-aware"))
    assert mem[(0, 1)]["big"]["address"] == 65536


# npu1-facts.md section 9, row 5: ... npu2 aligns buffers of 64 B or more to 64 B (bank_aware_vector_alignment.mlir)
def test_npu2_aligns_buffers_of_64_bytes_or_more_to_64():
    # vector_alignment.mlir @ 51b6168b (npu2): pad (144 B) at 1024 ends at 1168; vec (64 B) goes to 1216, not 1184.
    # vector_align_npu2_small: buffers under 64 B keep 32 B alignment (16 B buffers at 1024 and 1056).
    big = _buffers(_read("vector_align_npu2", "2026", "basic-sequential"))[(0, 2)]
    assert (big["pad"]["address"], big["vec"]["address"]) == (1024, 1216)
    small = _buffers(_read("vector_align_npu2_small", "2026", "basic-sequential"))[(0, 2)]
    assert sorted(b["address"] for n, b in small.items() if n != STACK) == [1024, 1056]
    # bank_aware_vector_alignment.mlir: every 64 B buffer on a 64 B boundary under bank-aware too.
    bank = _buffers(_read("bank_aware_vector_align_npu2", "2026", "bank-aware"))[(0, 2)]
    assert all(bank[n]["address"] % 64 == 0 for n in ("b1", "b2", "b3", "b4"))


# npu1-facts.md section 9, row 6: Explicit `aie.buffer` (optionally with `address`/`mem_bank`) and explicit
# `aie.lock` (optionally with an id) are allocated around, not over
def test_explicit_buffers_and_locks_are_allocated_around(tmp_path):
    # AIE2_static_L1.mlir with a 1024 B aie.buffer pinned at 1024 on (2,2) (where fifo_buff_0 went) and an
    # aie.lock with id 5: the FIFO's buffers avoid [1024, 2048) and the lock is counted beside the FIFO's pair.
    src = (CORPUS / "aie2_static_l1.mlir").read_text()
    anchor = '%srcbuf22 = aie.buffer(%tile22) { sym_name = "srcbuf22" } : memref<i32>'
    assert anchor in src
    src = src.replace(anchor, anchor + '\n        %pin = aie.buffer(%tile22) { sym_name = "pin", address = 1024 : i32 }'
                      ' : memref<1024xi8>\n        %lk = aie.lock(%tile22, 5)')
    path = tmp_path / "pinned.mlir"
    path.write_text(src)
    ev = _read("", "2025", path=path)
    assert not ev.errors
    tile = next(t for t in ev.tiles if tuple(t.tile) == (2, 2))
    bufs = {b["name"]: b for b in tile.buffers}
    assert bufs["pin"]["address"] == 1024
    others = {name: b for name, b in bufs.items() if name != "pin"}
    assert [f"fifo_buff_{i}" for i in range(4)] == sorted(n for n in others if n.startswith("fifo_"))
    for name, b in others.items():
        assert b["address"] + b["bytes"] <= 1024 or b["address"] >= 2048, (name, b)
    assert tile.locks == 3  # the FIFO's prod/cons pair + the explicit lock


# npu1-facts.md section 9, row 7: Link offsets may give sub-FIFOs of different sizes
def test_link_offsets_give_sub_fifos_of_different_sizes():
    # link_test_distribute_offsets.mlir @ 24f4b640: 16, 20 and 12 i32 elements -> 64, 80, 48 B buffers.
    bufs = _buffers(_read("link_distribute_offsets", "2025"))
    assert [bufs[t][f"{f}_cons_buff_0"]["bytes"] for t, f in (((2, 2), "link2"), ((2, 3), "link3"), ((3, 3), "link4"))] \
        == [64, 80, 48]


# npu1-facts.md section 10, row 8: simulated-annealing placer `aiecc --placer=sa_placer --sa-seed=N`
def test_the_sa_placer_flags_are_options_of_the_cpp_aiecc_only():
    # PR #3146: tools/aiecc/CommandLineOptions.h @ 08c79115 has --placer and --sa-seed (params/aiecc.toml
    # aiecc-main); the 2025 aiecc.py driver has neither.
    main = aiecc_api.for_profile(profiles.load("2026").name)
    assert main.program == "aiecc"
    assert main.accepts("--placer=sa_placer") and main.accepts("--sa-seed=7")
    old = aiecc_api.for_profile(profiles.load("2025").name)
    assert old.program == "aiecc.py"
    assert not old.accepts("--placer=sa_placer") and not old.accepts("--sa-seed=7")


# npu1-facts.md section 10, generic form (sentence 3): A linear shim transfer (`[1,1,1,N][0,0,0,1]`) skips the
# 1023 wrap check (`isLinearTransferWithoutTransformation`)
def test_a_linear_shim_transfer_skips_the_1023_wrap_check():
    # AIEXDialect.cpp NpuDmaMemcpyNdOp::verify: [1,1,1,40000][0,0,0,1] verifies with no shim allocation named;
    # the same 40000 words split as [1,1,2,20000][0,0,20000,1] is not linear and fails the [0:1023] range.
    linear = "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 40000][0, 0, 0, 1]) {id = 0 : i64, metadata = @of}"
    [op] = ops_of(parse(in_device(f"      {linear} : memref<40000xi32>", "%a: memref<40000xi32>")),
                  "aiex.npu.dma_memcpy_nd")
    assert op.is_linear() and op.skips_wrap_checks()
    split = linear.replace("[1, 1, 1, 40000][0, 0, 0, 1]", "[1, 1, 2, 20000][0, 0, 20000, 1]")
    rejected(in_device(f"      {split} : memref<40000xi32>", "%a: memref<40000xi32>"),
             "'aiex.npu.dma_memcpy_nd' op Size 0 exceeds the [0:1023] range.")


# npu1-facts.md section 10, row 5: acquire returns memrefs on main (`: memref<...>`)
@pytest.mark.parametrize("result", [": memref<16xi32>", ": !aie.objectfifosubview<memref<16xi32>>"],
                         ids=["main-3553", "before-3553"])
def test_the_dialect_reads_acquire_in_both_generations(result):
    # PR #3553 (2026-08): aie.objectfifo.acquire returns the memref itself; before it, an objectfifosubview.
    src = ("module {\n  aie.device(npu1) {\n    %t = aie.tile(0, 2)\n    %t2 = aie.tile(0, 3)\n"
           "    aie.objectfifo @f(%t, {%t2}, 2 : i32) : !aie.objectfifo<memref<16xi32>>\n"
           "    %c = aie.core(%t2) {\n"
           f"      %s = aie.objectfifo.acquire @f(Consume, 1) {result}\n"
           "      aie.end\n    }\n  }\n}\n")
    [op] = ops_of(parse(src), "aie.objectfifo.acquire")
    assert isinstance(op.results[0].type, MemRefType) == result.startswith(": memref")
