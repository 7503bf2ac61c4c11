"""The ``bank-aware`` scheme up to 2026: the memory split into equal banks, one greedy pass.

Contract: ``bank_aware_round_robin(t, reqs)`` (profile ``bank_aware = "round-robin"``, mid-2025) and
``bank_aware_scored(t, reqs)`` (``"scored"``, 2026) return the tile's regions or raise ``AllocationFailed``; a
failed pin is rolled back (``pin_failed``), and only the mid-2025 pass lets basic-sequential retry. The
newest source (``"scored-capped"``) is :mod:`partitioner.allocation.search`.

Follows AIEAssignBuffers.cpp: ``simpleBankAwareAllocation`` (search id 5799773962; the stack check
@019056e) and ``setBufferAddress`` (search id 60578706937).
"""
from __future__ import annotations

from partitioner.allocation.memory_map import AllocationFailed, Region, Tile, pin_failed
from partitioner.lowering import BufferRequest
from partitioner.occupancy import Occupancy, align_up


def bank_aware_round_robin(t: Tile, reqs: list[BufferRequest]) -> list[Region]:
    """The mid-2025 bank-aware scheme (AIEAssignBuffers.cpp ``simpleBankAwareAllocation``, search id 5799773962).

    Each bank has a next-free pointer (bank 0's moved past the stack); pinned
    addresses claim their bank, ``mem_bank`` buffers take their bank's pointer,
    the rest go largest first round-robin from a cursor into the first bank
    where they fit whole. A buffer larger than a bank cannot be placed.
    """
    size = t.bank_size
    nxt = [b * size for b in range(t.banks)]
    nxt[0] = max(nxt[0], t.stack)
    regions: list[Region] = []
    if t.stack > size:
        # checkAndPrintOverflow: the stack runs past bank 0 (AIEAssignBuffers.cpp @019056e)
        raise AllocationFailed([f"'aie.tile' op allocated buffers exceeded available memory: Bank aware "
                       f"(the {t.stack} B stack overflows bank 0 of {size} B)"],
                      [Region(b.name, b.nbytes, None) for b in reqs])
    for b in sorted((b for b in reqs if b.address is not None), key=lambda b: b.address):
        bank = b.address // size
        if b.address < nxt[bank]:
            raise pin_failed(reqs, f"'aie.buffer' op would override allocated address "
                                    f"({b.name} at 0x{b.address:X})", retry=True)
        nxt[bank] = b.address + b.nbytes
        regions.append(Region(b.name, b.nbytes, b.address))
    for b in (b for b in reqs if b.address is None and b.mem_bank is not None):
        if nxt[b.mem_bank] + b.nbytes > (b.mem_bank + 1) * size:
            raise pin_failed(reqs, f"'aie.buffer' op would override existing mem_bank "
                                    f"({b.name} in bank {b.mem_bank})", retry=True)
        regions.append(Region(b.name, b.nbytes, nxt[b.mem_bank]))
        nxt[b.mem_bank] += b.nbytes
    cursor, failed = 0, []
    for b in sorted((b for b in reqs if not b.pinned), key=lambda b: -b.nbytes):
        for step in range(t.banks):
            bank = (cursor + step) % t.banks
            start = align_up(nxt[bank], t.align_for(b))
            if start + b.nbytes <= (bank + 1) * size:
                regions.append(Region(b.name, b.nbytes, start))
                nxt[bank], cursor = start + b.nbytes, (bank + 1) % t.banks
                break
        else:
            regions.append(Region(b.name, b.nbytes, None))
            failed.append(f'Failed to allocate buffer: "{b.name}" with size: {b.nbytes} bytes.')
    if failed:
        raise AllocationFailed(["'aie.tile' op allocated buffers exceeded available memory", *failed], regions)
    return regions


def bank_aware_scored(t: Tile, reqs: list[BufferRequest], capped: bool = False) -> list[Region]:
    """The 2026 bank-aware scheme (AIEAssignBuffers.cpp, search id 60578706937: ``setBufferAddress``).

    Pinned addresses first; then ``mem_bank`` buffers, each where it leaves
    the largest free run in its bank; then the core's data sections are
    reserved where they fragment least; then every other buffer, largest
    first, at the best of these candidates: the tightest gap in each bank,
    the tightest gap anywhere (straddling banks), the tightest bank-aligned
    gap. Candidates rank by banks touched, then the largest free run left
    (tiles with a core only), then round-robin distance from the cursor,
    then slack, then address. The data reservation is lifted at the end.

    Profile ``bank_aware = "scored"`` (the uncapped rule). ``capped`` applies
    the newest source's cap (search id 68911127918, ``contiguityCap``: the free
    run left counts at most the bytes still to place after this buffer) to this
    greedy pass; the profile ``"scored-capped"`` runs that source as a whole
    instead (:func:`ranked_search`: its first descent is this greedy pass with
    the cap, and it adds backtracking, the exhaustive search, the core's data as
    a buffer and no fallback).
    """
    occ = Occupancy(t.capacity)
    occ.mark(0, min(t.stack, t.capacity))
    size = t.bank_size
    regions: list[Region] = []
    for b in sorted((b for b in reqs if b.address is not None), key=lambda b: b.address):
        end = b.address + b.nbytes
        if b.address % t.bus_align:
            raise pin_failed(reqs, f"'aie.buffer' op address attribute value must be aligned to "
                                    f"{8 * t.bus_align} bits when the aligned attribute is set ({b.name})")
        if end > t.capacity:
            raise pin_failed(reqs, f"'aie.buffer' op address attribute would place the buffer past the end of the "
                                    f"tile's memory ({b.name})")
        if not occ.is_free(b.address, end):
            raise pin_failed(reqs, f"'aie.buffer' op would override allocated address ({b.name})")
        if b.mem_bank is not None and b.mem_bank != b.address // size:
            raise pin_failed(reqs, f"'aie.buffer' op mem_bank attribute is inconsistent with address attribute "
                                    f"({b.name})")
        occ.mark(b.address, end)
        regions.append(Region(b.name, b.nbytes, b.address))
    banked = [b for b in reqs if b.address is None and b.mem_bank is not None]
    for b in sorted(banked, key=lambda b: -b.nbytes):
        lo = b.mem_bank * size
        start = occ.least_fragmenting(lo, lo + size, b.nbytes, t.align_for(b))
        if start is None:
            free_bytes = sum(e - s for s, e in occ.gaps(lo, lo + size))
            raise pin_failed(reqs, f"'aie.buffer' op requires {b.nbytes} bytes in bank {b.mem_bank}, but only "
                                    f"{free_bytes} of {size} bytes are free there ({b.name})")
        occ.mark(start, start + b.nbytes)
        regions.append(Region(b.name, b.nbytes, start))
    reserved = None
    if t.has_core and t.static_bytes:
        start = occ.least_fragmenting(0, t.capacity, t.static_bytes, t.vector_align)
        if start is None:
            raise AllocationFailed([f"'aie.tile' op cannot reserve {t.static_bytes} contiguous bytes for this core's data "
                           f"sections (reserved_data_size); the largest free run is {occ.largest_gap()} bytes"],
                          regions)
        reserved = (start, start + t.static_bytes)
        occ.mark(*reserved)
    cursor, failed = 0, None
    free = sorted((b for b in reqs if not b.pinned), key=lambda b: -b.nbytes)
    remaining = sum(b.nbytes for b in free)
    for b in free:
        remaining -= b.nbytes  # the bytes still to place after this buffer: the cap of criterion 2
        start = _best_candidate(occ, t, b, cursor, remaining if capped else None)
        if start is None:
            failed = b
            regions.append(Region(b.name, b.nbytes, None))
            break
        occ.mark(start, start + b.nbytes)
        regions.append(Region(b.name, b.nbytes, start))
        cursor = (start // size + 1) % t.banks
    if failed is not None:
        placed = {r.name for r in regions}
        regions += [Region(b.name, b.nbytes, None) for b in reqs if b.name not in placed]
        raise AllocationFailed(["warning: Not all requested buffers fit in the available memory.",
                       f'Failed to allocate buffer: "{failed.name}" with size: {failed.nbytes} bytes.'], regions)
    if reserved is not None:
        occ.unmark(*reserved)
    return regions


def _best_candidate(occ: Occupancy, t: Tile, b: BufferRequest, cursor: int, cap: int | None) -> int | None:
    """The best-ranked start for ``b``; ``cap`` bounds the free-run criterion (None: uncapped)."""
    size, align = t.bank_size, t.align_for(b)
    first, second = occ.top_two_gaps()
    candidates = [occ.find_gap(i * size, (i + 1) * size, b.nbytes, align) for i in range(t.banks)]
    candidates.append(occ.find_gap(0, t.capacity, b.nbytes, align))
    if size % align == 0:
        candidates.append(occ.find_gap(0, t.capacity, b.nbytes, size))

    def rank(start: int) -> tuple[int, int, int, int, int]:
        touched = 1 if b.nbytes == 0 else (start + b.nbytes - 1) // size - start // size + 1
        gs, ge = occ.gap_at(start)
        elsewhere = second if ge - gs == first else first
        run_left = max(elsewhere, start - gs, ge - (start + b.nbytes))
        if cap is not None:
            run_left = min(run_left, cap)
        return (touched, -run_left if t.has_core else 0, (start // size - cursor) % t.banks,
                occ.slack_at(start, b.nbytes), start)

    found = [c for c in candidates if c is not None]
    return min(found, key=rank) if found else None
