"""Address assignment against test/assign-buffer-addresses/ (docs/research/mlir-aie-lowering.md 4)."""
from dataclasses import replace

import pytest

from partitioner.allocation import allocate_buffers
from partitioner.lowering import BufferRequest
from partitioner.profiles import load

P2025, P2026 = load("2025"), load("2026")
KB32 = 32 * 1024  # the AIE1 (xcvc1902) tiles those tests use


def addresses(mm):
    return {r.name: r.address for r in mm.regions}


def test_basic_sequential_stack_first_then_largest_first():
    # basic_alloc_simple.mlir: stack 1024, then b (2048) at 1024, c (32) at 3072, a (16) at 3104.
    mm = allocate_buffers((3, 3), True, [("a", 16), ("b", 2048), ("c", 32)], KB32, 4, 1024, 0,
                          "basic-sequential", P2025)
    assert mm.fits
    assert addresses(mm) == {"(stack)": 0, "b": 1024, "c": 3072, "a": 3104}


def test_32_byte_alignment_in_the_2026_profile():
    # vector_alignment.mlir (npu1): pad (144 B) at 1024, vec (64 B) at 1184 = 1168 rounded up to 32.
    mm = allocate_buffers((0, 2), True, [("pad", 144), ("vec", 64)], 65536, 4, 1024, 0, "basic-sequential", P2026)
    assert addresses(mm)["vec"] == 1184
    mm = allocate_buffers((0, 2), True, [("pad", 144), ("vec", 64)], 65536, 4, 1024, 0, "basic-sequential", P2025)
    assert addresses(mm)["vec"] == 1168  # the 2025 allocator does not align


def test_overflow_reports_aiecc_error_and_memory_map():
    # basic_alloc_error.mlir: a (16), b (32768), c (32) on 32 KiB.
    mm = allocate_buffers((3, 3), True, [("a", 16), ("b", 32768), ("c", 32)], KB32, 4, 1024, 0,
                          "basic-sequential", P2025)
    assert not mm.fits
    assert mm.errors[0] == "'aie.tile' op allocated buffers exceeded available memory"
    listing = "\n".join(mm.listing())
    for line in ["(stack) \t: 0x0-0x3FF \t(1024 bytes)", "b \t: 0x400-0x83FF \t(32768 bytes)",
                 "c \t: 0x8400-0x841F \t(32 bytes)", "a \t: 0x8420-0x842F \t(16 bytes)"]:
        assert line in listing


def test_bank_aware_round_robin():
    # bank_aware_alloc_simple.mlir (8 KiB banks): b in bank 0 at 1024, c in bank 1 at 8192, a in bank 2 at 16384.
    mm = allocate_buffers((3, 3), True, [("a", 16), ("b", 2048), ("c", 32)], KB32, 4, 1024, 0, "bank-aware", P2025)
    assert addresses(mm) == {"(stack)": 0, "b": 1024, "c": 8192, "a": 16384}


def test_bank_aware_cannot_place_a_buffer_larger_than_a_bank():
    # bank_aware_alloc_error.mlir: a 32 KiB buffer in 8 KiB banks.
    mm = allocate_buffers((3, 3), True, [("b", 32768)], KB32, 4, 1024, 0, "bank-aware", P2025)
    assert 'Failed to allocate buffer: "b" with size: 32768 bytes.' in mm.errors


def test_static_data_must_fit_above_the_last_buffer_in_2025():
    # AIETargetLdScript.cpp: .data/.bss from the highest buffer end to the end of memory.
    # 1024 stack + 60,000 buffer leaves 4,512 B: 4,000 B of tables fit, 5,000 do not.
    ok = allocate_buffers((0, 2), True, [("x", 60000)], 65536, 4, 1024, 4000, "basic-sequential", P2025)
    assert ok.fits and addresses(ok)["(kernel static data)"] == 61024
    bad = allocate_buffers((0, 2), True, [("x", 60000)], 65536, 4, 1024, 5000, "basic-sequential", P2025)
    assert not bad.fits and "overflow" in bad.errors[0] and "by 488 bytes" in bad.errors[0]


def test_bank_aware_spreading_can_starve_the_static_data():
    # Round-robin puts the 4th buffer high in bank 3: the same bytes fit sequentially.
    bufs = [("w", 8000), ("x", 8000), ("y", 8000), ("z", 8000)]
    seq = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 5641, "basic-sequential", P2025)
    bank = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 5641, "bank-aware", P2025)
    assert seq.fits
    assert addresses(bank)["z"] == 3 * 16384  # bank 3 starts at 48 KiB
    assert bank.fits  # 48 KiB + 8,000 leaves 9,536 B: still room
    big = [("w", 12000), ("x", 12000), ("y", 12000), ("z", 12000)]
    assert allocate_buffers((0, 2), True, big, 65536, 4, 1024, 5641, "basic-sequential", P2025).fits
    assert not allocate_buffers((0, 2), True, big, 65536, 4, 1024, 5641, "bank-aware", P2025).fits


# -- issue 20 item 5: where the model differed from mlir-aie (../shared/docs/npu1-facts.md section 12) ------------

def test_2026_ranking_caps_the_largest_free_run_at_the_bytes_still_to_place():
    # Facts row "2026 bank-aware ranking caps "largest free run left" at the bytes still to place (contiguityCap)":
    # AIEAssignBuffers.cpp rankedPlacements (newest stored version, search id 68911127918, no commit reported). test/assign-buffer-addresses/bank_aware_alloc_gaps.mlir
    # @ 9a121379, @largest_first (npu2 core tile, stack 1024): CHECK `%large = aie.buffer(%tile_0_2)
    # {address = 16384 : i32, mem_bank = 1 : i32, ...} : memref<8192xbf16>`.
    bufs = [("small0", 32), ("small1", 32), ("small2", 32), ("small3", 32), ("large", 16384)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "bank-aware", P2026, "aie2p")
    assert P2026.bank_aware == "scored-capped"
    assert addresses(mm)["large"] == 16384
    # Uncapped (search id 60578706937), bank 3 leaves the larger run (48,128 B below it) and wins.
    uncapped = replace(P2026, bank_aware="scored")
    assert addresses(allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "bank-aware", uncapped,
                                      "aie2p"))["large"] == 49152


def test_the_cap_leaves_round_robin_to_decide_once_nothing_larger_is_left():
    # The same rule on test/assign-buffer-addresses/bank_aware_reserved_data.mlir @ 21413ff (the case
    # tests/conformance/reserved_data_spreads): three small buffers spread one per bank; uncapped they pack.
    bufs = [("a", 64), ("b", 64), ("c", 64)]
    capped = addresses(allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "bank-aware", P2026))
    packed = addresses(allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "bank-aware",
                                        replace(P2026, bank_aware="scored")))
    assert sorted(a // 16384 for n, a in capped.items() if n in "abc") == [0, 1, 2]
    assert {a // 16384 for n, a in packed.items() if n in "abc"} == {0}


@pytest.mark.parametrize("profile", [P2025, P2026], ids=["2025", "2026"])
def test_a_failed_pinned_placement_keeps_every_buffer_of_the_tile(profile):
    # Facts row "A failed pinned placement removes only addresses (deAllocationBuffers); the buffers stay on the
    # tile". test/assign-buffer-addresses/bank_aware_prealloc_error.mlir @ d72a5465, @test1: a at 0 and b at 1024
    # (4 KiB each) overlap, expected-error "'aie.buffer' op would override allocated address" on b. Two unpinned
    # buffers added here: the tile keeps them too, without an address.
    bufs = [BufferRequest("a", 4096, address=0), BufferRequest("b", 4096, address=1024), ("c", 64), ("d", 32)]
    mm = allocate_buffers((3, 4), False, bufs, 65536, 4, 0, 0, "bank-aware", profile)
    assert not mm.fits and "would override allocated address" in mm.errors[0]
    assert addresses(mm) == {"a": 0, "b": 1024, "c": None, "d": None}


@pytest.mark.parametrize("pinned, error", [
    (BufferRequest("p", 64, address=1040), "must be aligned to 256 bits"),  # unaligned (2026: 32 B bus)
    (BufferRequest("p", 64, address=512), "would override allocated address"),  # inside the stack
    (BufferRequest("p", 20000, mem_bank=1), "requires 20000 bytes in bank 1"),  # too small a bank
], ids=["unaligned", "in-stack", "bank-too-small"])
def test_every_kind_of_pin_failure_keeps_every_buffer(pinned, error):
    mm = allocate_buffers((0, 2), True, [("x", 128), pinned, ("y", 64)], 65536, 4, 1024, 0, "bank-aware", P2026)
    assert any(error in e for e in mm.errors), mm.errors
    assert addresses(mm) == {"(stack)": 0, "x": None, "p": pinned.address, "y": None}


def test_a_mem_bank_clash_keeps_every_buffer_in_2025():
    # Round-robin (mid-2025): a mem_bank buffer its bank cannot hold after the pinned ones.
    bufs = [BufferRequest("a", 16000, address=0), BufferRequest("m", 1024, mem_bank=0), ("z", 32)]
    mm = allocate_buffers((3, 4), False, bufs, 65536, 4, 0, 0, "bank-aware", P2025)
    assert any("would override existing mem_bank" in e for e in mm.errors)
    assert addresses(mm) == {"a": 0, "m": None, "z": None}


@pytest.mark.parametrize("scheme", ["default", "basic-sequential"])
def test_a_pin_inside_the_stack_passes_the_mid_2025_allocator_unchecked(scheme):
    # test/npu-xrt/buffer_clear_op/aie.mlir @ 18054d06: acc (32 B) pinned at address 0 on a core tile; its run.lit
    # (@068f8cb) builds it with --alloc-scheme=basic-sequential. AIEAssignBuffers.cpp search id 5799773962
    # (mid-2025, the 2025 profiles): basicAllocation keeps every pinned address and checks only the high-water
    # mark (no stack-overlap check), and the pass falls back to it from bank-aware's "would override allocated
    # address". The stack stays at 0: acc shares its first 32 bytes, and a note says so.
    mm = allocate_buffers((0, 2), True, [BufferRequest("acc", 32, address=0)], 65536, 4, 1024, 0, scheme, P2025)
    assert mm.fits and mm.scheme == "basic-sequential"
    assert addresses(mm) == {"(stack)": 0, "acc": 0}
    assert any("inside the 1024 B stack" in n for n in mm.notes)


@pytest.mark.parametrize("scheme, error", [
    ("default", "would override allocated address"),
    ("bank-aware", "would override allocated address"),
    ("basic-sequential", "overlaps with stack (size: 1024 bytes)"),
])
def test_a_pin_inside_the_stack_fails_the_2026_allocator(scheme, error):
    # The occupancy-based allocators mark the stack [0, stack_size) before the pins (bank-aware,
    # checkAndAddBufferWithAddress: "would override allocated address"; search ids 60578706937, 68961240403) and
    # check basic-sequential's pins against it (checkAndPrintOverlapStackframe); the newest (search id 68911127918)
    # keeps the stack at 0 unless the core names stack_address or stack_bank
    # (test/assign-buffer-addresses/stack_no_hints_unchanged.mlir @ 3d9eb5c5).
    mm = allocate_buffers((0, 2), True, [BufferRequest("acc", 32, address=0)], 65536, 4, 1024, 0, scheme, P2026)
    assert not mm.fits and any(error in e for e in mm.errors), mm.errors
