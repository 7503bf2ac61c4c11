"""Buffer addresses, as ``aie-assign-buffer-addresses`` assigns them (docs/research section 2).

* ``basic-sequential``: the core's stack at ``[0, stack_size)``, pinned
  buffers where they are, then the others largest first (stable), one after
  another, jumping past pinned ones, each aligned as the profile says.
* ``bank-aware``: the memory split into equal banks (4 x 16 KiB on a compute
  tile, 8 x 64 KiB on a mem tile). Mid-2025 (``round-robin``): largest first
  to the first bank from a moving cursor where they fit whole; a buffer
  larger than a bank cannot be placed. 2026 (``scored``): each buffer at the
  best-scoring candidate (fewest banks touched, largest free run left, round
  robin, slack, address), straddling banks only when nothing fits one; in the
  newest source (``scored-capped``) the free run left counts at most the bytes
  still to place, so once nothing left needs a larger run, round robin decides.
* A pinned buffer that cannot go where it is pinned (an address overlap, an
  unaligned address, one inside the stack, a bank too full or too small) fails
  the tile; mlir-aie then removes the addresses the allocator chose
  (``deAllocationBuffers``), and every buffer stays on the tile: the map lists
  them all, the address-pinned ones at their written address, the others unplaced.
* ``default`` (no scheme named, as ``aie-assign-buffer-addresses`` without
  ``alloc-scheme``): bank-aware, and when it runs out of room, a warning and
  basic-sequential.
* The stack sits at address 0 in every version read (the newest moves it only for a
  core that names ``stack_address`` or ``stack_bank``). A buffer pinned inside it fails
  from the occupancy-based allocator on; the mid-2025 allocator (``round-robin``
  profiles) falls back to basic-sequential, which keeps the pin over the stack
  unchecked (a note says so).

The kernel's static data (.data/.rodata/.bss) is not a buffer: in the 2025
toolchain the linker puts it above the highest buffer; in 2026 the allocator
reserves room for it and the linker takes the largest free run.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from partitioner.errors import UserError
from partitioner.lowering import BufferRequest, TileResources
from partitioner.profiles import Profile
from partitioner.occupancy import Occupancy, align_up

STACK = "(stack)"
STATIC = "(kernel static data)"
SCHEMES = ("default", "basic-sequential", "bank-aware")  # aiecc's --alloc-scheme, "default" = none given


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
        >>> from partitioner.profiles import load
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


def _requests(buffers: Iterable[BufferRequest | tuple[str, int]]) -> list[BufferRequest]:
    return [b if isinstance(b, BufferRequest) else BufferRequest(*b) for b in buffers]


@dataclass(frozen=True)
class _Tile:
    """What one allocation needs to know about its tile (AIEAssignBuffers.cpp ``tileMemoryLimits``)."""

    coord: tuple[int, int]
    has_core: bool
    capacity: int
    banks: int
    stack: int
    static_bytes: int
    bus_align: int  # bytes every chosen address meets
    vector_align: int  # bytes a buffer at least this large is aligned to (AIE2P: 64)

    @property
    def bank_size(self) -> int:
        return self.capacity // self.banks

    def align_for(self, b: BufferRequest) -> int:
        """The alignment the allocator gives a buffer it places (getRequiredAlignBits; 1 for ``aligned = false``)."""
        if not b.aligned:
            return 1
        return self.vector_align if b.nbytes >= self.vector_align else self.bus_align


class _Failed(Exception):
    """One scheme could not place the tile's buffers; ``retry`` tells whether another scheme may try."""

    def __init__(self, errors: list[str], regions: list[Region], retry: bool = True):
        super().__init__(errors[0] if errors else "")
        self.errors, self.regions, self.retry = errors, regions, retry


def allocate(res: TileResources, capacity: int, banks: int, stack: int, static_bytes: int,
             scheme: str, profile: Profile, generation: str = "aie2") -> MemoryMap:
    """Addresses for the pools of one compute or mem tile (see :func:`allocate_buffers`).

    Parameters
    ----------
    res : TileResources
        The tile's lowering (:func:`partitioner.lowering.lower`); every pool
        contributes its ``<end>_buff_<i>`` buffers, a hand-written design its ``aie.buffer`` ops.
    capacity : int
        The tile's data memory in bytes.
    banks : int
        Its memory banks (bank-aware scheme).
    stack : int
        Bytes reserved for the core's stack at address 0 (compute tile only).
    static_bytes : int
        The kernel's .data/.rodata/.bss in bytes (compute tile only; 0 for none).
    scheme : str
        ``"default"``, ``"basic-sequential"`` or ``"bank-aware"`` (aiecc's ``--alloc-scheme``).
    profile : Profile
        Alignment, bank-aware and static-data rules of the mlir-aie version.
    generation : str
        ``"aie2"`` or ``"aie2p"``: the vector alignment of compute-tile buffers.

    Returns
    -------
    MemoryMap
        A design that does not fit gives a map with ``errors``; nothing is raised.

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> from partitioner import device, profiles
    >>> from partitioner.lowering import lower
    >>> p = profiles.load("2025.06")  # static ObjectFIFO lowering: no per-core state buffer
    >>> low = lower(make_design(Options(batch=100, tiles=4, depth=2)), device.load("npu1"), p)
    >>> mm = allocate(low.tile((0, 2)), 65536, 4, 1024, 5641, "basic-sequential", p)
    >>> mm.fits, mm.used  # stack 1,024 + buffers 2 x 20,000 + 2 x 4,000 + static data 5,641
    (True, 54665)
    """
    return allocate_buffers(res.tile, res.kind == "compute", res.buffers, capacity, banks, stack, static_bytes,
                            scheme, profile, generation)


def allocate_buffers(tile: tuple[int, int], is_compute: bool,
                     buffers: Iterable[BufferRequest | tuple[str, int]], capacity: int, banks: int, stack: int,
                     static_bytes: int, scheme: str, profile: Profile,
                     generation: str = "aie2") -> MemoryMap:
    """Addresses for named buffers on one tile; errors in aiecc's words when they do not fit.

    ``stack`` is reserved at address 0 on a tile with a core (``is_compute``);
    ``static_bytes`` is the kernel's .data/.rodata/.bss. The schemes follow
    AIEAssignBuffers.cpp and the static data AIETargetLdScript.cpp or, in the
    2026 profile, the largest free run (module docstring;
    docs/research/mlir-aie-lowering.md section 2).

    Parameters
    ----------
    tile : (int, int)
        The tile, for the map and the ``core_data_<col>_<row>`` name.
    is_compute : bool
        The tile has a core: reserve ``stack`` and place ``static_bytes``.
    buffers : list of BufferRequest or (str, int)
        Buffer names and sizes in bytes, in program order (ties keep it),
        with any pinned address or bank.
    capacity : int
        Data memory in bytes.
    banks : int
        Equal banks the memory is split into (bank-aware).
    stack : int
        Stack bytes at address 0 (ignored unless ``is_compute``).
    static_bytes : int
        Kernel static data in bytes (ignored unless ``is_compute``).
    scheme : str
        ``"default"`` (bank-aware, falling back to basic-sequential), ``"basic-sequential"``, or ``"bank-aware"``.
    profile : Profile
        Alignment, the bank-aware variant and the static-data rule.
    generation : str
        ``"aie2"`` or ``"aie2p"`` (64 B vector alignment of large compute-tile buffers in 2026).

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
    >>> from partitioner.profiles import load
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

    The 2026 allocator lets a buffer straddle banks when it fits none, touching as few banks as it can: a
    32 KiB buffer goes on the bank 1 boundary, not after the stack over three banks
    (test/assign-buffer-addresses/bank_aware_alloc_over_bank.mlir, over_bank_skips_stack):

    >>> [(r.name, r.address) for r in allocate_buffers((0, 2), True, [("x", 32768)], 65536, 4, 1024, 0,
    ...                                                "bank-aware", load("2026")).regions]
    [('(stack)', 0), ('x', 16384)]
    """
    if scheme not in SCHEMES:
        raise UserError(f"unknown allocation scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    align = profile.alignment(generation, is_compute)
    t = _Tile(tile, is_compute, capacity, banks, stack if is_compute else 0, static_bytes if is_compute else 0,
              align.bus, align.vector)
    reqs = _requests(buffers)
    mm = MemoryMap(tile, capacity, scheme)
    if scheme == "default":
        # No scheme named: bank-aware first, basic-sequential when it runs out of room
        # (AIEAssignBuffers.cpp, AIEAssignBufferAddressesPass::runOnOperation).
        try:
            regions = _bank_aware(t, reqs, profile)
            mm.scheme = "bank-aware"
        except _Failed as bank_failure:
            if not bank_failure.retry:
                return _failed(mm, t, bank_failure, "Bank-aware allocation failed.")
            mm.notes.append("warning: Bank-aware allocation failed, trying basic sequential allocation.")
            mm.scheme = "basic-sequential"
            try:
                regions = _basic_sequential(t, reqs, profile)
            except _Failed as basic_failure:
                return _failed(mm, t, basic_failure, "Basic sequential allocation also failed.")
    else:
        try:
            regions = _bank_aware(t, reqs, profile) if scheme == "bank-aware" else _basic_sequential(t, reqs, profile)
        except _Failed as failure:
            return _failed(mm, t, failure, None)
    mm.regions = _with_stack(t, regions)
    mm.notes += _stack_overlaps(t, regions)
    _place_static_data(mm, t, profile)
    if mm.errors:
        mm.errors.append("MemoryMap:")
    return mm


def _checks_pins_against_stack(profile: Profile) -> bool:
    """Whether the profile's allocator rejects an ``address`` pin inside the core's stack.

    The mid-2025 allocator (AIEAssignBuffers.cpp, search id 5799773962; the ``round-robin``
    bank-aware variant the 2025 profiles name) does not: its ``basicAllocation`` keeps every pinned
    address and checks only the high-water mark, so a buffer pinned at 0 shares the stack's bytes;
    and its pass falls back from any bank-aware failure, a pin's "would override allocated address"
    included, to that scheme. ``checkAndPrintOverlapStackframe`` (basic-sequential) and a stack
    marked in the occupancy before the pins (bank-aware) come with the occupancy-based rewrite
    (search ids 60322520818, 60299682005, 60247984556, 60578706937, 68862287849, 68961240403), and the
    newest single allocator (search id 68911127918) keeps the stack at its ``stack_address`` (0 when
    the core names neither ``stack_address`` nor ``stack_bank``) and rejects the pin
    (``checkAndAddBufferWithAddress``: "would override allocated address").
    """
    return profile.bank_aware != "round-robin"


def _stack_overlaps(t: _Tile, regions: list[Region]) -> list[str]:
    """Pinned buffers placed inside the stack (only the mid-2025 allocator lets them through)."""
    return [f"note: '{r.name}' at 0x{r.address:X} lies inside the {t.stack} B stack; the mid-2025 allocator "
            f"keeps the pinned address without checking it against the stack" for r in regions
            if t.has_core and r.address is not None and r.nbytes and r.address < t.stack]


def _with_stack(t: _Tile, regions: list[Region]) -> list[Region]:
    return ([Region(STACK, t.stack, 0)] if t.has_core else []) + regions


def _failed(mm: MemoryMap, t: _Tile, failure: _Failed, last: str | None) -> MemoryMap:
    mm.regions = _with_stack(t, failure.regions)
    mm.errors = [*failure.errors, *([last] if last else []), "MemoryMap:"]
    if t.static_bytes:
        mm.regions.append(Region(STATIC, t.static_bytes, None))
    return mm


# -- basic-sequential ---------------------------------------------------------------------------------

def _basic_sequential(t: _Tile, reqs: list[BufferRequest], profile: Profile) -> list[Region]:
    """Stack, then the unpinned buffers largest first (stable), each jumping past pinned ones.

    AIEAssignBuffers.cpp ``basicAllocation``: pinned addresses stay; the
    cursor aligns before and after each skip; the high-water mark over every
    buffer decides the overflow.
    """
    pinned = sorted((b for b in reqs if b.address is not None), key=lambda b: b.address)
    free = sorted((b for b in reqs if b.address is None), key=lambda b: -b.nbytes)  # stable
    regions = [Region(b.name, b.nbytes, b.address) for b in pinned]
    errors = [] if not _checks_pins_against_stack(profile) else [
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
    high = max([address, *(r.end for r in regions)])
    if high > t.capacity:
        errors.append("'aie.tile' op allocated buffers exceeded available memory")
    if errors:
        raise _Failed(errors, regions)
    return regions


# -- bank-aware ---------------------------------------------------------------------------------------

def _bank_aware(t: _Tile, reqs: list[BufferRequest], profile: Profile) -> list[Region]:
    if profile.bank_aware in ("scored", "scored-capped"):
        return _bank_aware_scored(t, reqs, capped=profile.bank_aware == "scored-capped")
    return _bank_aware_round_robin(t, reqs)


def _pin_failed(reqs: list[BufferRequest], error: str, retry: bool = False) -> _Failed:
    """A pinned placement failed: every buffer of the tile stays, without the addresses the allocator chose.

    mlir-aie returns failure there and rolls back what it wrote (AIEAssignBuffers.cpp
    ``deAllocationBuffers``, in every version read: search ids 60322520818, 60578706937 and
    68911127918): the buffers stay on the tile, an ``address`` the design wrote stays, a chosen one is
    removed (npu1-facts.md section 12, "A failed pinned placement removes only addresses").
    Fatal from the occupancy-based allocator on: no other scheme retries. ``retry`` for the mid-2025
    allocator (search id 5799773962), whose pass falls back to basic-sequential from any bank-aware failure.
    """
    return _Failed([error], [Region(b.name, b.nbytes, b.address) for b in reqs], retry=retry)


def _bank_aware_round_robin(t: _Tile, reqs: list[BufferRequest]) -> list[Region]:
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
        raise _Failed([f"'aie.tile' op allocated buffers exceeded available memory: Bank aware "
                       f"(the {t.stack} B stack overflows bank 0 of {size} B)"],
                      [Region(b.name, b.nbytes, None) for b in reqs])
    for b in sorted((b for b in reqs if b.address is not None), key=lambda b: b.address):
        bank = b.address // size
        if b.address < nxt[bank]:
            raise _pin_failed(reqs, f"'aie.buffer' op would override allocated address "
                                    f"({b.name} at 0x{b.address:X})", retry=True)
        nxt[bank] = b.address + b.nbytes
        regions.append(Region(b.name, b.nbytes, b.address))
    for b in (b for b in reqs if b.address is None and b.mem_bank is not None):
        if nxt[b.mem_bank] + b.nbytes > (b.mem_bank + 1) * size:
            raise _pin_failed(reqs, f"'aie.buffer' op would override existing mem_bank "
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
        raise _Failed(["'aie.tile' op allocated buffers exceeded available memory", *failed], regions)
    return regions


def _bank_aware_scored(t: _Tile, reqs: list[BufferRequest], capped: bool = False) -> list[Region]:
    """The 2026 bank-aware scheme (AIEAssignBuffers.cpp, search id 60578706937: ``setBufferAddress``).

    Pinned addresses first; then ``mem_bank`` buffers, each where it leaves
    the largest free run in its bank; then the core's data sections are
    reserved where they fragment least; then every other buffer, largest
    first, at the best of these candidates: the tightest gap in each bank,
    the tightest gap anywhere (straddling banks), the tightest bank-aligned
    gap. Candidates rank by banks touched, then the largest free run left
    (tiles with a core only), then round-robin distance from the cursor,
    then slack, then address. The data reservation is lifted at the end.

    ``capped`` (profile ``bank_aware = "scored-capped"``): the newest source,
    AIEAssignBuffers.cpp search id 68911127918 (no commit reported; @2293d461 is the 2022 original)
    (``rankedPlacements``, ``contiguityCap``; ``PlacementSearch::run`` passes
    ``remaining - size``), counts the free run left at most up to the bytes of
    the buffers still to place after this one: a run wider than that serves
    nothing, so past the cap the candidates tie and round robin decides (the
    last buffer's cap is 0). Its first descent is this greedy pass; the
    backtracking it adds only runs where the greedy pass fails.
    """
    occ = Occupancy(t.capacity)
    occ.mark(0, min(t.stack, t.capacity))
    size = t.bank_size
    regions: list[Region] = []
    for b in sorted((b for b in reqs if b.address is not None), key=lambda b: b.address):
        end = b.address + b.nbytes
        if b.address % t.bus_align:
            raise _pin_failed(reqs, f"'aie.buffer' op address attribute value must be aligned to "
                                    f"{8 * t.bus_align} bits when the aligned attribute is set ({b.name})")
        if end > t.capacity:
            raise _pin_failed(reqs, f"'aie.buffer' op address attribute would place the buffer past the end of the "
                                    f"tile's memory ({b.name})")
        if not occ.is_free(b.address, end):
            raise _pin_failed(reqs, f"'aie.buffer' op would override allocated address ({b.name})")
        if b.mem_bank is not None and b.mem_bank != b.address // size:
            raise _pin_failed(reqs, f"'aie.buffer' op mem_bank attribute is inconsistent with address attribute "
                                    f"({b.name})")
        occ.mark(b.address, end)
        regions.append(Region(b.name, b.nbytes, b.address))
    banked = [b for b in reqs if b.address is None and b.mem_bank is not None]
    for b in sorted(banked, key=lambda b: -b.nbytes):
        lo = b.mem_bank * size
        start = occ.least_fragmenting(lo, lo + size, b.nbytes, t.align_for(b))
        if start is None:
            free_bytes = sum(e - s for s, e in occ.gaps(lo, lo + size))
            raise _pin_failed(reqs, f"'aie.buffer' op requires {b.nbytes} bytes in bank {b.mem_bank}, but only "
                                    f"{free_bytes} of {size} bytes are free there ({b.name})")
        occ.mark(start, start + b.nbytes)
        regions.append(Region(b.name, b.nbytes, start))
    reserved = None
    if t.has_core and t.static_bytes:
        start = occ.least_fragmenting(0, t.capacity, t.static_bytes, t.vector_align)
        if start is None:
            raise _Failed([f"'aie.tile' op cannot reserve {t.static_bytes} contiguous bytes for this core's data "
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
        raise _Failed(["warning: Not all requested buffers fit in the available memory.",
                       f'Failed to allocate buffer: "{failed.name}" with size: {failed.nbytes} bytes.'], regions)
    if reserved is not None:
        occ.unmark(*reserved)
    return regions


def _best_candidate(occ: Occupancy, t: _Tile, b: BufferRequest, cursor: int, cap: int | None) -> int | None:
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


# -- the kernel's static data -------------------------------------------------------------------------

def _place_static_data(mm: MemoryMap, t: _Tile, profile: Profile) -> None:
    """Where the linker puts the kernel's .data/.rodata/.bss, and whether they fit.

    ``above-buffers`` (2025): AIETargetLdScript.cpp @0088ed6 starts the data
    region at max(stack, highest buffer end). ``largest-free-run`` (2026): the
    largest free run between the stack and the buffers (``coreDataRun``,
    aligned to the vector width); too small a run is
    ``checkAndPrintReservedData``'s warning, and the design fails.
    """
    if not (t.has_core and t.static_bytes):
        return
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
