"""Buffer addresses, as ``aie-assign-buffer-addresses`` assigns them (docs/research section 2).

* ``basic-sequential``: the core's stack at ``[0, stack_size)``, then the
  buffers largest first (stable), one after another, each aligned as the
  profile says.
* ``bank-aware`` (mid-2025): the memory split into equal banks (4 x 16 KiB on
  a compute tile, 8 x 64 KiB on a mem tile); bank 0 starts after the stack;
  buffers largest first go round-robin to the first bank, from a moving
  cursor, where they fit whole. A buffer larger than a bank cannot be placed
  (the 2026 profile lets buffers straddle banks: first fit over the map).

The kernel's static data (.data/.rodata/.bss) is not a buffer in the 2025
toolchain: the linker puts it above the highest buffer, so it must fit in the
gap between the last buffer and the end of memory. The 2026 profile reserves
it in the allocator like a buffer (``core_data``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from partitioner.lowering import TileResources
from partitioner.lowering_profile import LoweringProfile

STACK = "(stack)"
STATIC = "(kernel static data)"


@dataclass(frozen=True)
class Region:
    name: str
    nbytes: int
    address: int | None  # None: could not be placed

    @property
    def end(self) -> int:
        return (self.address or 0) + self.nbytes


@dataclass
class MemoryMap:
    tile: tuple[int, int]
    capacity: int
    scheme: str
    regions: list[Region] = field(default_factory=list)  # stack, buffers, static data
    errors: list[str] = field(default_factory=list)  # aiecc's / the linker's words
    notes: list[str] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return not self.errors

    @property
    def used(self) -> int:
        """Bytes the tile must hold: stack, buffers and static data (alignment padding aside)."""
        return sum(r.nbytes for r in self.regions)

    def listing(self) -> list[str]:
        """aiecc's ``MemoryMap:`` lines: name, hex range, bytes, by address."""
        rows = []
        for r in sorted(self.regions, key=lambda r: (r.address is None, r.address or 0, r.name)):
            if r.address is None:
                rows.append(f"\t{r.name} \t: (not placed) \t({r.nbytes} bytes)")
            else:
                rows.append(f"\t{r.name} \t: 0x{r.address:X}-0x{r.end - 1:X} \t({r.nbytes} bytes)")
        return rows


def _align(value: int, alignment: int) -> int:
    return -(-value // alignment) * alignment


def allocate(res: TileResources, capacity: int, banks: int, stack: int, static_bytes: int,
             scheme: str, profile: LoweringProfile) -> MemoryMap:
    """Addresses for the pools of one compute or mem tile (see :func:`allocate_buffers`)."""
    buffers = [(name, p.buffer_bytes) for p in res.pools for name in p.buffer_names()]
    return allocate_buffers(res.tile, res.kind == "compute", buffers, capacity, banks, stack, static_bytes,
                            scheme, profile)


def allocate_buffers(tile: tuple[int, int], is_compute: bool, buffers: list[tuple[str, int]], capacity: int,
                     banks: int, stack: int, static_bytes: int, scheme: str,
                     profile: LoweringProfile) -> MemoryMap:
    """Addresses for named buffers on one tile; errors in aiecc's words when they do not fit.

    ``stack`` is reserved at address 0 on a tile with a core (``is_compute``);
    ``static_bytes`` is the kernel's .data/.rodata/.bss.
    """
    alignment = profile.compute_alignment if is_compute else profile.mem_alignment
    buffers = list(buffers)
    if is_compute and static_bytes and profile.static_data == "reserved":
        buffers.append((f"core_data_{tile[0]}_{tile[1]}", static_bytes))
    buffers.sort(key=lambda b: -b[1])  # largest first; sort is stable
    mm = MemoryMap(tile, capacity, scheme)
    base = stack if is_compute else 0
    if is_compute:
        mm.regions.append(Region(STACK, stack, 0))
    if scheme == "bank-aware":
        _bank_aware(mm, buffers, capacity, banks, base, alignment, profile.bank_aware_straddle)
    else:
        _sequential(mm, buffers, base, alignment)
    placed_end = max((r.end for r in mm.regions if r.address is not None), default=0)
    if placed_end > capacity and not mm.errors:
        mm.errors.append("'aie.tile' op allocated buffers exceeded available memory")
    if is_compute and static_bytes and profile.static_data == "above-buffers":
        free = capacity - placed_end
        mm.regions.append(Region(STATIC, static_bytes, placed_end if free >= static_bytes else None))
        if not mm.errors and free < static_bytes:
            mm.errors.append(f"ld.lld: error: the kernel's .data/.rodata/.bss ({static_bytes} bytes) overflow "
                             f"the data region above the last buffer by {static_bytes - max(free, 0)} bytes")
    if mm.errors:
        mm.errors.append("MemoryMap:")
    return mm


def _sequential(mm: MemoryMap, buffers: list[tuple[str, int]], base: int, alignment: int) -> None:
    cursor = base
    for name, size in buffers:
        cursor = _align(cursor, alignment)
        mm.regions.append(Region(name, size, cursor))
        cursor += size


def _bank_aware(mm: MemoryMap, buffers: list[tuple[str, int]], capacity: int, banks: int, base: int,
                alignment: int, straddle: bool) -> None:
    bank_size = capacity // banks
    free = [b * bank_size for b in range(banks)]
    free[0] = max(free[0], base)
    cursor = 0
    for name, size in buffers:
        placed = False
        for step in range(banks):
            b = (cursor + step) % banks
            start = _align(free[b], alignment)
            if start + size <= (b + 1) * bank_size:
                mm.regions.append(Region(name, size, start))
                free[b] = start + size
                cursor = (b + 1) % banks
                placed = True
                break
        if not placed and straddle:
            start = _align(max(free), alignment)
            if start + size <= capacity:
                mm.regions.append(Region(name, size, start))
                for b in range(banks):
                    if free[b] < start + size and (b + 1) * bank_size > start:
                        free[b] = min(start + size, (b + 1) * bank_size)
                placed = True
        if not placed:
            mm.regions.append(Region(name, size, None))
            mm.errors.append(f'Failed to allocate buffer: "{name}" with size: {size} bytes.')
    if mm.errors:
        mm.errors.insert(0, "'aie.tile' op allocated buffers exceeded available memory")
