"""Address assignment against test/assign-buffer-addresses/ (docs/research/mlir-aie-lowering.md 4)."""
from dataclasses import dataclass, replace

import pytest

from partitioner.allocation import STACK, STATIC, StackPin, allocate_buffers
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
    assert addresses(mm) == {STACK: 0, "b": 1024, "c": 3072, "a": 3104}


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
    assert addresses(mm) == {STACK: 0, "b": 1024, "c": 8192, "a": 16384}


def test_bank_aware_cannot_place_a_buffer_larger_than_a_bank():
    # bank_aware_alloc_error.mlir: a 32 KiB buffer in 8 KiB banks.
    mm = allocate_buffers((3, 3), True, [("b", 32768)], KB32, 4, 1024, 0, "bank-aware", P2025)
    assert 'Failed to allocate buffer: "b" with size: 32768 bytes.' in mm.errors


def test_static_data_must_fit_above_the_last_buffer_in_2025():
    # AIETargetLdScript.cpp: .data/.bss from the highest buffer end to the end of memory.
    # 1024 stack + 60,000 buffer leaves 4,512 B: 4,000 B of tables fit, 5,000 do not.
    ok = allocate_buffers((0, 2), True, [("x", 60000)], 65536, 4, 1024, 4000, "basic-sequential", P2025)
    assert ok.fits and addresses(ok)[STATIC] == 61024
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

# npu1-facts.md section 12, row 3: 2026 bank-aware ranking caps "largest free run left"
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


# npu1-facts.md section 12, row 4: A failed pinned placement removes only addresses
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
    # AIEAssignBuffers.cpp search id 68911127918, allocateTile: a bank-pinned buffer larger than its bank is
    # "cannot fit in bank"; one its bank could hold but for what is there, "only <free> of <bank> bytes are free".
    (BufferRequest("p", 20000, mem_bank=1), "requires 20000 bytes, which cannot fit in bank 1 (16384 bytes total)"),
    # bank 0 holds the 1024 B stack: 16384 - 1024 = 15360 B free, 16000 B asked
    (BufferRequest("p", 16000, mem_bank=0), "requires 16000 bytes in bank 0, but only 15360 of 16384 bytes are free"),
], ids=["unaligned", "in-stack", "bank-too-small", "bank-too-full"])
def test_every_kind_of_pin_failure_keeps_every_buffer(pinned, error):
    mm = allocate_buffers((0, 2), True, [("x", 128), pinned, ("y", 64)], 65536, 4, 1024, 0, "bank-aware", P2026)
    assert any(error in e for e in mm.errors), mm.errors
    assert addresses(mm) == {STACK: 0, "x": None, "p": pinned.address, "y": None}


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
    assert addresses(mm) == {STACK: 0, "acc": 0}
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


# -- issue 20: the newest allocator (AIEAssignBuffers.cpp, newest stored version, search id 68911127918, no commit
# reported; profile 2026.08, bank_aware = "scored-capped") ------------------------------------------------------

def test_a_bank_pin_between_two_buffers_is_found_by_the_exhaustive_search():
    # test/assign-buffer-addresses/exhaustive_bank_pin_between_buffers.mlir @ dee4fbbf (npu2 core tile, 4 x 16 KiB
    # banks, stack 1024). Free runs after the pins: [1024, 5760) 4736 B, [9664, 10560) 896 B, [10752, 65536).
    # Only the top run holds small (7040) or big (42881); banked (64 B) must lie in bank 1 [16384, 32768).
    # The ranked search (banked first, flush ends 16384 / 32704) fails in every order; CompactionSearch slides
    # small down to 10752 (= 168 x 64), banked flush after it at 10752 + 7040 = 17792 (= 278 x 64, bank 1),
    # big after it at 17792 + 64 = 17856, ending at 17856 + 42881 = 60737 <= 65536.
    bufs = [BufferRequest("low", 3904, address=5760), BufferRequest("mid", 192, address=10560), ("small", 7040),
            BufferRequest("banked", 64, mem_bank=1), ("big", 42881)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "default", P2026, "aie2p")
    assert mm.fits, mm.errors
    assert addresses(mm) == {STACK: 0, "low": 5760, "mid": 10560, "small": 10752, "banked": 17792, "big": 17856}


def test_a_zero_sized_buffer_fits_a_full_tile_at_address_0():
    # bank_aware_alloc_gaps.mlir @ 9a121379, @zero_sized_buffer_on_full_tile: four pins fill [1024, 65536) and the
    # stack [0, 1024); rankedPlacements: "A zero-sized buffer needs no free byte, so a full tile still holds it"
    # at address 0 (CHECK: address = 0, mem_bank = 0).
    bufs = [BufferRequest("b0", 15360, address=1024), BufferRequest("b1", 16384, address=16384),
            BufferRequest("b2", 16384, address=32768), BufferRequest("b3", 16384, address=49152), ("empty", 0)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "bank-aware", P2026, "aie2p")
    assert mm.fits and addresses(mm)["empty"] == 0


def test_an_unaligned_pin_is_not_held_to_the_bus_width():
    # checkAndAddBufferWithAddress checks a pin against the bus width only when `aligned` is set:
    # bank_aware_alloc_gaps.mlir @ 9a121379 pins pin_hi at 1200 (1200 % 32 = 16) with aligned = false.
    # The 128 B buffer then needs 64 B alignment (AIE2P, 128 >= 64): in the hole [1040, 1200) it would start at
    # 1088 and end at 1216 > 1200, so it goes to the next run, [1216, 65536), at 1216 (= 19 x 64); the banks'
    # other candidates (16384, 32768, 49152) tie with it once the free-run criterion is capped at the 0 bytes
    # left to place, and round robin from bank 0 picks bank 0. (That CHECK says 1056: 32 B alignment, before
    # the 64 B vector rule this source has.)
    bufs = [BufferRequest("pin_lo", 16, address=1024, aligned=False),
            BufferRequest("pin_hi", 16, address=1200, aligned=False), ("fits_after_rounding", 128)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "bank-aware", P2026, "aie2p")
    assert mm.fits, mm.errors
    assert addresses(mm)["fits_after_rounding"] == 1216


def test_the_newest_allocator_does_not_fall_back_and_names_the_buffer_it_could_not_place():
    # runOnOperation: "One allocator, one answer" (no basic-sequential fallback); allocateTile's failure names the
    # deepest buffer: 1024 B stack + 2 x 40000 B > 65536 B. a goes first (program order among equal sizes); no
    # start of a leaves 40000 contiguous bytes for b (65536 - 1024 - 40000 = 24512 B free in all), so b fails.
    mm = allocate_buffers((0, 2), True, [("a", 40000), ("b", 40000)], 65536, 4, 1024, 0, "default", P2026, "aie2p")
    assert not mm.fits and mm.scheme == "bank-aware"
    assert mm.errors[0] == ("'aie.buffer' op could not be placed: buffer \"b\" needs 40000 bytes and this tile has "
                            "no room left for it")
    assert "warning: Not all requested buffers fit in the available memory." in mm.errors
    assert not any("basic sequential" in n for n in mm.notes)


def test_the_core_data_sections_are_placed_as_the_largest_buffer_and_kept():
    # materializeCoreDataBuffers + placementOrder: the core's data sections (40000 B) are one more buffer, placed
    # largest first; tests/conformance reserved_data_carves_block (bank_aware_reserved_data.mlir @ 21413ff):
    # core_data_0_2 at 1024, a 41024, b 49152, c 53248. By hand (npu2, 64 B alignment, stack 1024):
    #   data (rest 12288): 1024 and the bank-1 boundary 16384 both touch 3 banks, both leave >= 12288 (the cap):
    #     tie, round robin from bank 0 -> 1024, ends 41024; cursor -> bank 1.
    #   a (rest 8192): 41024 (bank 2) and 49152 (bank 3) tie at the cap; bank 2 is nearer the cursor -> 41024.
    #   b (rest 4096): [45120, 49152) is 4032 B; 45120 would straddle into bank 3 (2 banks) -> 49152 (1 bank).
    #   c (rest 0): the only run that holds it is [53248, 65536) -> 53248.
    bufs = [("a", 4096), ("b", 4096), ("c", 4096)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 40000, "default", P2026, "aie2p")
    assert mm.fits, mm.errors
    assert addresses(mm) == {STACK: 0, STATIC: 1024, "a": 41024, "b": 49152, "c": 53248}


def test_a_dense_tile_needs_backtracking_and_the_flush_end_fallbacks():
    # test/assign-buffer-addresses/backtracking_dense_pack.mlir @ b49a7b8a (npu2 core tile, stack 1024,
    # data_size 640, which npu-tiler's static_bytes stands for): 1024 + 512 + 768 + 640 + 21696 + 8896 + 22976
    # + 8320 = 64832 of 65536 B, 704 B of slack. Its CHECK-DAG lines: bankres0 1024, bankres1 32768, buf0 1536,
    # buf1 23232, buf2 33536, buf3 56512, core_data_0_2 32128. The ranked first choices fail, and the layout
    # needs addresses that are no hole's tightest fit: only PlacementSearch's backtracking over the unscored
    # flush ends of every hole reaches it.
    bufs = [BufferRequest("bankres0", 512, mem_bank=0), BufferRequest("bankres1", 768, mem_bank=2),
            ("buf0", 21696), ("buf1", 8896), ("buf2", 22976), ("buf3", 8320)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 640, "default", P2026, "aie2p")
    assert mm.fits, mm.errors
    assert addresses(mm) == {STACK: 0, "bankres0": 1024, "bankres1": 32768, "buf0": 1536, "buf1": 23232,
                             "buf2": 33536, "buf3": 56512, STATIC: 32128}


@dataclass(frozen=True)
class SpacedRequest(BufferRequest):
    """A buffer whose memref names a memory space (``memref<64xi8, 6>``): what the allocator reads as
    ``memory_space`` (partitioner.lowering.BufferRequest does not carry it yet)."""

    memory_space: int | None = None


def test_a_memory_space_pins_the_bank_and_the_flush_end_that_leaves_most_room():
    # test/assign-buffer-addresses/signature_bank_constraint.mlir @ 18c12181 (npu2 core tile, stack 1024): spaces
    # 6 and 8 are banks b and d (banksFromMemorySpace, 5..8 = a..d): CHECK mem_bank = 1 and mem_bank = 3.
    # By hand (rankedPlacements for a required bank: both flush ends, the larger free run left wins):
    #   in_bank_b (64 B): 16384 leaves [16448, 65536) = 49088 B; 32704 leaves [32768, 65536) = 32768 B -> 16384.
    #   in_bank_d (64 B): 49152 leaves [16448, 49152) = 32704 B; 65472 leaves [16448, 65472) = 49024 B -> 65472.
    bufs = [SpacedRequest("in_bank_b", 64, memory_space=6), SpacedRequest("in_bank_d", 64, memory_space=8),
            ("unconstrained", 64)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "default", P2026, "aie2p")
    assert mm.fits, mm.errors
    got = addresses(mm)
    assert (got["in_bank_b"], got["in_bank_d"]) == (16384, 65472)


@pytest.mark.parametrize("bufs, want", [
    # signature_bank_pairs_placement.mlir @ 0d0ca0bb, module 2: space 12 = banks 1 and 2, adjacent, so one
    # 32768 B buffer may span them: the only range that holds it is [16384, 49152) -> 16384.
    ([SpacedRequest("bc_spanning", 32768, memory_space=12)], {"bc_spanning": 16384}),
    # module 1: pin fills bank 2; ab (banks 0/1) and ac (banks 0/2), 16384 B each. ab tries 0 first (ties on
    # the run left, lower address); then ac has nowhere to go (bank 0 full, bank 2 pinned): backtrack, ab at
    # 16384, ac at 0 (CHECK: ab 16384, ac 0).
    ([BufferRequest("pin", 16384, address=32768), SpacedRequest("ab", 16384, memory_space=9),
      SpacedRequest("ac", 16384, memory_space=10)], {"pin": 32768, "ab": 16384, "ac": 0}),
], ids=["adjacent-pair-spans", "backtrack-over-pairs"])
def test_a_bank_pair_from_the_memory_space(bufs, want):
    # The tiles of that file have no core: no stack (check.py passes stack 0 and has_core False).
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 0, 0, "default", P2026, "aie2p", has_core=False)
    assert mm.fits, mm.errors
    assert addresses(mm) == want


@pytest.mark.parametrize("bufs, error", [
    # signature_bank_pairs_error.mlir @ 0d0ca0bb, its expected-error lines, module by module:
    ([SpacedRequest("conflict", 64, mem_bank=1, memory_space=10)],
     "has address space for bank 0 or 2 but is pinned to bank 1"),
    ([SpacedRequest("wrong_address", 64, address=16384, memory_space=10)],
     "address attribute places the buffer in bank 1, which is excluded by its memory space"),
    # 16352 + 64 ends in bank 1: every touched bank is checked, not only the first
    ([SpacedRequest("crossing_address", 64, address=16352, mem_bank=0, memory_space=10)],
     "address attribute places the buffer in bank 1, which is excluded by its memory space"),
    ([SpacedRequest("too_large", 32768, memory_space=10)],
     "requires 32768 bytes, but no contiguous aligned space remains within allowed banks 0 and 2"),
    ([BufferRequest("a", 16384, address=0), BufferRequest("c", 16384, address=32768),
      SpacedRequest("full_pair", 64, memory_space=10)],
     "requires 64 bytes, but no contiguous aligned space remains within allowed banks 0 and 2"),
    ([SpacedRequest("single_address", 64, address=32768, memory_space=6)],
     "address attribute places the buffer in bank 2, which is excluded by its memory space"),
    ([BufferRequest("c", 16384, address=32768), SpacedRequest("narrowed", 64, mem_bank=2, memory_space=10)],
     "requires 64 bytes in bank 2, but only 0 of 16384 bytes are free there"),
], ids=["mem-bank-conflict", "address-outside", "address-crossing", "disjoint-pair-too-large", "full-pair",
        "single-address", "narrowed-pair"])
def test_a_memory_space_the_placement_cannot_honour_fails(bufs, error):
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 0, 0, "default", P2026, "aie2p", has_core=False)
    assert not mm.fits and any(error in e for e in mm.errors), mm.errors


@pytest.mark.parametrize("bufs, pin, stack_at", [
    # stack_bank_pin.mlir @ d620fe1e: stack_bank = 1, no address pin. findLeastFragmentingGap over bank 1
    # [16384, 32768) of an empty tile: 16384 leaves [17408, 65536) = 48128 B; the top flush end 31744 leaves
    # 32768 B -> 16384 (CHECK: stack_address = 16384).
    ([("b", 4096)], StackPin(bank=1, align=64), 16384),
    # stack_bank_with_address_pin.mlir @ c6211dc8, module 1: b pinned at [16384, 17408): 17408 leaves
    # [18432, 65536) = 47104 B, 31744 leaves 32768 B -> 17408 (CHECK: stack_address = 17408).
    ([BufferRequest("b", 1024, address=16384)], StackPin(bank=1, align=64), 17408),
    # module 2: b is 32 B, so bank 1 is free from 16416; AIE2P's 64 B stack alignment rounds it to 16448
    # (CHECK: stack_address = 16448), which leaves [17472, 65536) = 48064 B against 32768 B at the top.
    ([BufferRequest("b", 32, address=16384)], StackPin(bank=1, align=64), 16448),
    # stack_spans_banks.mlir @ c53d4617, module 2: stack_address = 16000 is kept though it spans banks 0 and 1.
    ([], StackPin(address=16000), 16000),
], ids=["bank-only", "around-a-pin", "stack-alignment", "address-spans-banks"])
def test_the_newest_allocator_places_a_pinned_stack(bufs, pin, stack_at):
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "bank-aware", P2026, "aie2p", stack_pin=pin)
    assert mm.fits, mm.errors
    assert addresses(mm)[STACK] == stack_at


def test_a_stack_bank_without_room_fails_and_older_allocators_keep_the_stack_at_0():
    # allocateTile: "requires a <n>-byte stack in bank <b>, but no contiguous aligned space remains after
    # address-pinned buffers": bank 1 [16384, 32768) is one 16384 B pin.
    full = [BufferRequest("p", 16384, address=16384)]
    mm = allocate_buffers((0, 2), True, full, 65536, 4, 1024, 0, "bank-aware", P2026, "aie2p",
                          stack_pin=StackPin(bank=1, align=64))
    assert mm.errors[0] == ("'aie.core' op requires a 1024-byte stack in bank 1, but no contiguous aligned space "
                            "remains after address-pinned buffers")
    # The mid-2025 allocator (search id 5799773962) has no stack_bank: the stack stays at 0, a note says so.
    mm = allocate_buffers((0, 2), True, [("b", 64)], 65536, 4, 1024, 0, "bank-aware", P2025,
                          stack_pin=StackPin(bank=1, align=64))
    assert addresses(mm)[STACK] == 0 and any("stack_bank not read" in n for n in mm.notes)


def test_prebaked_elf_ranges_are_unaligned_address_pins():
    # materializePrebakedRanges (search id 68911127918): each measured_data_ranges pair becomes an address-pinned
    # buffer prebaked_<col>_<row>_<address>, aligned = false. prebaked_elf_ranges.mlir @ 9d4275a5: ranges
    # (48128, 1024) and (16384, 2048); scratch (16384 B) must avoid them: bank 0 has [1024, 16384) = 15360 B,
    # bank 1 [18432, 32768) = 14336 B, bank 2 [32768, 48128) = 15360 B, bank 3 [49152, 65536) = 16384 B: only
    # bank 3 holds it in one bank (every straddling start touches 2) -> 49152 (CHECK: address = 49152).
    bufs = [("scratch", 16384), BufferRequest("prebaked_0_2_48128", 1024, address=48128, aligned=False),
            BufferRequest("prebaked_0_2_16384", 2048, address=16384, aligned=False)]
    mm = allocate_buffers((0, 2), True, bufs, 65536, 4, 1024, 0, "default", P2026, "aie2p")
    assert mm.fits and addresses(mm)["scratch"] == 49152


@pytest.mark.parametrize("count, data, want", [
    # bank_aware_data_region_placed_first.mlir @ 367f1d03, @data_size_declared: six 8192 B buffers, data_size
    # 12000 (CHECK: core_data_0_2 1024, b0 16384, b5 57344). The data go first (largest): at 1024 the run left
    # above them, 65536 - 13024 = 52512 B, reaches the cap (49152 B still to place); 16384 leaves 37152 B.
    # b0 (cap 40960): 16384 leaves 40960 above it, 32768 leaves 24576 -> 16384; the rest pack two per bank.
    (6, 12000, {STATIC: 1024, "b0": 16384, "b1": 24576, "b2": 32768, "b3": 40960, "b4": 49152,
                "b5": 57344}),
    # bank_aware_reservation_enables_placement.mlir @ 152e006e, @reservation: five 8192 B buffers, data_size
    # 16384 (CHECK: b0 1024, b1 16384, b2 24576, b3 32768, b4 40960, core_data_0_2 49152): the data fit one
    # bank only at a bank start (bank 0 holds the stack); bank 3 leaves [1024, 49152) = 48128 B below, capped
    # at the 40960 B still to place, against 32768 B (bank 1) and 31744 B (bank 2) -> 49152.
    (5, 16384, {STATIC: 49152, "b0": 1024, "b1": 16384, "b2": 24576, "b3": 32768, "b4": 40960}),
], ids=["data-size-declared", "reservation-enables-placement"])
def test_the_core_data_buffer_is_sorted_among_the_buffers_by_size(count, data, want):
    mm = allocate_buffers((0, 2), True, [(f"b{i}", 8192) for i in range(count)], 65536, 4, 1024, data, "bank-aware",
                          P2026, "aie2p")
    assert mm.fits, mm.errors
    assert {k: v for k, v in addresses(mm).items() if k != STACK} == want
