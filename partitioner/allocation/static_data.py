"""The kernel's static data (.data/.rodata/.bss): where it lies once the buffers are placed, and whether it fits.

Contract: ``place_static_data(mm, t, profile)`` adds the ``STATIC`` region to a map whose buffers are placed
(unplaced, with the linker's or the allocator's words in ``mm.errors``, when it does not fit); a core without
static data, or whose data the newest allocator placed as a buffer, leaves the map as it is.

Follows AIETargetLdScript.cpp @0088ed6 (``above-buffers``, the 2025 profiles) and ``coreDataRun`` /
``checkAndPrintReservedData`` (``largest-free-run``, 2026).
"""
from __future__ import annotations

from partitioner.allocation.memory_map import STATIC, MemoryMap, Region, Tile
from partitioner.occupancy import Occupancy
from partitioner.profiles import Profile


def place_static_data(mm: MemoryMap, t: Tile, profile: Profile) -> None:
    """Where the linker puts the kernel's .data/.rodata/.bss, and whether they fit.

    ``above-buffers`` (2025): AIETargetLdScript.cpp @0088ed6 starts the data
    region at max(stack, highest buffer end). ``largest-free-run`` (2026): the
    largest free run between the stack and the buffers (``coreDataRun``,
    aligned to the vector width); too small a run is
    ``checkAndPrintReservedData``'s warning, and the design fails.
    """
    if not (t.has_core and t.static_bytes) or any(r.name == STATIC for r in mm.regions):
        return  # none, or placed as a buffer by the newest allocator (_placement_order)
    if profile.static_data == "above-buffers":
        start = max(r.end for r in mm.regions if r.address is not None)
        free = t.capacity - start
        mm.regions.append(Region(STATIC, t.static_bytes, start if free >= t.static_bytes else None))
        if free < t.static_bytes:
            mm.errors.append(f"ld.lld: error: the kernel's .data/.rodata/.bss ({t.static_bytes} bytes) overflow "
                             f"the data region above the last buffer by {t.static_bytes - max(free, 0)} bytes")
        return
    occ = Occupancy(t.capacity)
    for r in mm.regions:
        if r.address is not None:
            occ.mark(r.address, r.end)
    start, run = occ.largest_run(t.vector_align)
    mm.regions.append(Region(STATIC, t.static_bytes, start if run >= t.static_bytes else None))
    if run < t.static_bytes:
        mm.errors.append(f"warning: buffers leave only {run} contiguous bytes for the core's data sections, "
                         f"which need {t.static_bytes} bytes.")
