"""The ``basic-sequential`` scheme: the stack, then the buffers one after another, largest first.

Contract: ``basic_sequential(t, reqs, profile)`` returns the tile's regions (pinned buffers where they are
pinned, the others from the end of the stack on, jumping past the pins) or raises ``AllocationFailed`` with aiecc's
errors: a pin over the stack or over another buffer (from the occupancy-based allocator on), then the
overflow past the tile's memory.

Follows AIEAssignBuffers.cpp ``basicAllocation``: the mid-2025 one (search id 5799773962) and the
occupancy-based rewrite (search id 60322520818) with ``checkAndPrintOverlapStackframe`` and
``checkAndPrintBufferOverlap``.
"""
from __future__ import annotations

from partitioner.allocation.memory_map import (
    AllocationFailed,
    Region,
    Tile,
    checks_pins_against_stack,
    overlapping,
)
from partitioner.lowering import BufferRequest
from partitioner.occupancy import align_up
from partitioner.profiles import Profile


def basic_sequential(t: Tile, reqs: list[BufferRequest], profile: Profile) -> list[Region]:
    """Stack, then the unpinned buffers largest first (stable), each jumping past pinned ones.

    AIEAssignBuffers.cpp ``basicAllocation``: pinned addresses stay; the
    cursor aligns before and after each skip; the high-water mark over every
    buffer decides the overflow.
    """
    pinned = sorted((b for b in reqs if b.address is not None), key=lambda b: b.address)
    free = sorted((b for b in reqs if b.address is None), key=lambda b: -b.nbytes)  # stable
    regions = [Region(b.name, b.nbytes, b.address) for b in pinned]
    errors = [] if not checks_pins_against_stack(profile) else [
        f"'aie.buffer' op buffer '{b.name}' at address 0x{b.address:X} overlaps with stack (size: {t.stack} bytes)"
        for b in pinned if b.nbytes and b.address < t.stack]
    address, nxt = t.stack, 0
    for b in free:
        align = t.align_for(b)
        address = align_up(address, align)
        while nxt < len(pinned) and address + b.nbytes > pinned[nxt].address:
            address = align_up(pinned[nxt].address + pinned[nxt].nbytes, align)
            nxt += 1
        regions.append(Region(b.name, b.nbytes, address))
        address += b.nbytes
    if not errors and checks_pins_against_stack(profile):
        # checkAndPrintOverlapStackframe && checkAndPrintBufferOverlap: the first overlap only
        errors += _buffer_overlaps(regions)[:1]
    high = max([address, *(r.end for r in regions)])
    if high > t.capacity:
        errors.append("'aie.tile' op allocated buffers exceeded available memory")
    if errors:
        raise AllocationFailed(errors, regions)
    return regions


def _buffer_overlaps(regions: list[Region]) -> list[str]:
    """Two buffers sharing bytes (pinned at overlapping addresses), in basic-sequential's words.

    AIEAssignBuffers.cpp of the occupancy-based rewrite (search id 60322520818), ``basicAllocation``: every
    buffer of the tile sorted by address, each compared with the one before it (``checkAndPrintBufferOverlap``:
    "buffer 'b' at address 0x.. overlaps with 'a' at address 0x.. (size: N bytes)"), after the stack check
    and before the overflow check; the first overlap fails the tile. The mid-2025 allocator (search id
    5799773962) has no such check: :func:`_pin_overlaps` notes it instead.
    """
    return [f"'aie.buffer' op buffer '{cur.name}' at address 0x{cur.address:X} overlaps with '{prev.name}' at "
            f"address 0x{prev.address:X} (size: {prev.nbytes} bytes)" for cur, prev in overlapping(regions)]
