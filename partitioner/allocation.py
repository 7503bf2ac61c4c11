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
    """One named range of a tile's data memory: the stack, a buffer or the kernel's static data (bytes)."""

    name: str
    nbytes: int
    address: int | None  # None: could not be placed

    @property
    def end(self) -> int:
        """First byte address past the region (``nbytes`` for a region that was not placed)."""
        return (self.address or 0) + self.nbytes


@dataclass
class MemoryMap:
    """The addresses of one tile's data memory, as aie-assign-buffer-addresses would assign them.

    ``capacity`` in bytes; ``regions`` with their addresses; ``errors`` in
    aiecc's or the linker's words, ending with ``"MemoryMap:"`` when there
    are any (as aiecc prints the map after its error).
    """

    tile: tuple[int, int]
    capacity: int
    scheme: str
    regions: list[Region] = field(default_factory=list)  # stack, buffers, static data
    errors: list[str] = field(default_factory=list)  # aiecc's / the linker's words
    notes: list[str] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        """True when every region was placed inside the tile's memory."""
        return not self.errors

    @property
    def used(self) -> int:
        """Bytes the tile must hold: stack, buffers and static data (alignment padding aside)."""
        return sum(r.nbytes for r in self.regions)

    def listing(self) -> list[str]:
        """aiecc's ``MemoryMap:`` lines: name, hex range, bytes, by address.

        The layout of AIEAssignBuffers.cpp's note (TAB name SPACE TAB ``:
        0x<start>-0x<end>`` SPACE TAB ``(<n> bytes)``, docs/research section
        2.1); regions that could not be placed come last, as ``(not placed)``.

        Examples
        --------
        >>> from partitioner.allocation import allocate_buffers
        >>> from partitioner.lowering_profile import load
        >>> mm = allocate_buffers((0, 2), True, [("a", 16)], 65536, 4, 1024, 0, "basic-sequential", load())
        >>> for line in mm.listing():  # tab-separated
        ...     print(line)
         (stack)  : 0x0-0x3FF  (1024 bytes)
         a  : 0x400-0x40F  (16 bytes)
        """
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
    """Addresses for the pools of one compute or mem tile (see :func:`allocate_buffers`).

    Parameters
    ----------
    res : TileResources
        The tile's lowering (:func:`partitioner.lowering.lower`); every pool
        contributes its ``<end>_buff_<i>`` buffers.
    capacity : int
        The tile's data memory in bytes.
    banks : int
        Its memory banks (bank-aware scheme).
    stack : int
        Bytes reserved for the core's stack at address 0 (compute tile only).
    static_bytes : int
        The kernel's .data/.rodata/.bss in bytes (compute tile only; 0 for none).
    scheme : str
        ``"basic-sequential"`` or ``"bank-aware"`` (aiecc's ``--alloc-scheme``).
    profile : LoweringProfile
        Alignment, straddling and static-data rules of the mlir-aie version.

    Returns
    -------
    MemoryMap
        A design that does not fit gives a map with ``errors``; nothing is raised.

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> from partitioner import device, lowering_profile
    >>> from partitioner.lowering import lower
    >>> p = lowering_profile.load("2025")
    >>> low = lower(make_design(Options(batch=100, tiles=4, depth=2)), device.load("npu1"), p)
    >>> mm = allocate(low.tile((0, 2)), 65536, 4, 1024, 5641, "basic-sequential", p)
    >>> mm.fits, mm.used  # stack 1,024 + buffers 2 x 20,000 + 2 x 4,000 + static data 5,641
    (True, 54665)
    """
    buffers = [(name, p.buffer_bytes) for p in res.pools for name in p.buffer_names()]
    return allocate_buffers(res.tile, res.kind == "compute", buffers, capacity, banks, stack, static_bytes,
                            scheme, profile)


def allocate_buffers(tile: tuple[int, int], is_compute: bool, buffers: list[tuple[str, int]], capacity: int,
                     banks: int, stack: int, static_bytes: int, scheme: str,
                     profile: LoweringProfile) -> MemoryMap:
    """Addresses for named buffers on one tile; errors in aiecc's words when they do not fit.

    ``stack`` is reserved at address 0 on a tile with a core (``is_compute``);
    ``static_bytes`` is the kernel's .data/.rodata/.bss. The schemes follow
    AIEAssignBuffers.cpp and the static data AIETargetLdScript.cpp or, in the
    2026 profile, the allocator's ``core_data`` (module docstring;
    docs/research/mlir-aie-lowering.md section 2).

    Parameters
    ----------
    tile : (int, int)
        The tile, for the map and the ``core_data_<col>_<row>`` name.
    is_compute : bool
        The tile has a core: reserve ``stack`` and place ``static_bytes``.
    buffers : list of (str, int)
        Buffer names and sizes in bytes, in program order (ties keep it).
    capacity : int
        Data memory in bytes.
    banks : int
        Equal banks the memory is split into (bank-aware).
    stack : int
        Stack bytes at address 0 (ignored unless ``is_compute``).
    static_bytes : int
        Kernel static data in bytes (ignored unless ``is_compute``).
    scheme : str
        ``"basic-sequential"``, or ``"bank-aware"``.
    profile : LoweringProfile
        ``compute_alignment`` / ``mem_alignment``, ``bank_aware_straddle``, ``static_data``.

    Returns
    -------
    MemoryMap
        Overflow and unplaceable buffers show as ``errors``, not exceptions.

    Examples
    --------
    The buffers of mlir-aie's test/assign-buffer-addresses/basic_alloc_simple.mlir
    and bank_aware_alloc_simple.mlir (a 32 KiB AIE1 tile there), here on a
    64 KiB npu1 compute tile with 16 KiB banks:

    >>> from partitioner.allocation import allocate_buffers
    >>> from partitioner.lowering_profile import load
    >>> bufs = [("a", 16), ("b", 2048), ("c", 32)]
    >>> mm = allocate_buffers((3, 3), True, bufs, 65536, 4, 1024, 0, "basic-sequential", load("2025"))
    >>> [(r.name, r.address) for r in mm.regions]
    [('(stack)', 0), ('b', 1024), ('c', 3072), ('a', 3104)]
    >>> mm = allocate_buffers((3, 3), True, bufs, 65536, 4, 1024, 0, "bank-aware", load("2025"))
    >>> [(r.name, r.address) for r in mm.regions]
    [('(stack)', 0), ('b', 1024), ('c', 16384), ('a', 32768)]

    A buffer larger than a bank cannot be placed bank-aware before 2026:

    >>> allocate_buffers((0, 2), True, [("x", 20000)], 65536, 4, 1024, 0, "bank-aware", load("2025")).errors
    ["'aie.tile' op allocated buffers exceeded available memory",
     'Failed to allocate buffer: "x" with size: 20000 bytes.', 'MemoryMap:']
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
    if base > bank_size:
        # The stack sits in bank 0 and bank-aware never lets it run into bank 1: mlir-aie's
        # checkAndPrintOverflow fails here (AIEAssignBuffers.cpp @019056e, simpleBankAwareAllocation).
        mm.errors.append(f"'aie.tile' op allocated buffers exceeded available memory: Bank aware "
                         f"(the {base} B stack overflows bank 0 of {bank_size} B)")
        for name, size in buffers:
            mm.regions.append(Region(name, size, None))
        return
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
