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
  That source is one allocator: bank-pinned buffers, the core's data sections
  (as a buffer) and the rest searched together, depth first with backtracking,
  then exhaustively; no fallback to basic-sequential.
* A pinned buffer that cannot go where it is pinned (an address overlap, an
  unaligned address, one inside the stack, a bank too full or too small) fails
  the tile; mlir-aie then removes the addresses the allocator chose
  (``deAllocationBuffers``), and every buffer stays on the tile: the map lists
  them all, the address-pinned ones at their written address, the others unplaced.
* ``default`` (no scheme named, as ``aie-assign-buffer-addresses`` without
  ``alloc-scheme``): bank-aware, and when it runs out of room, a warning and
  basic-sequential; in the newest source (``scored-capped``) bank-aware alone.
* The stack sits at address 0 in every version read (the newest moves it only for a
  core that names ``stack_address`` or ``stack_bank``). A buffer pinned inside it fails
  from the occupancy-based allocator on; the mid-2025 allocator (``round-robin``
  profiles) falls back to basic-sequential, which keeps the pin over the stack
  unchecked (a note says so).

The kernel's static data (.data/.rodata/.bss): in the 2025 toolchain the
linker puts it above the highest buffer; in 2026 the allocator reserves room
for it and the linker takes the largest free run; the newest allocator places
it as one more buffer (``core_data_<col>_<row>``, listed as the static data).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from partitioner.errors import UserError
from partitioner.lowering import BufferRequest, TileResources
from partitioner.profiles import Profile
from partitioner.occupancy import Occupancy, align_down, align_up

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
class StackPin:
    """A core's ``stack_address`` or ``stack_bank`` (the newest allocator, search id 68911127918, allocateTile).

    ``address`` puts the stack there; ``bank`` alone lets the allocator choose, inside that bank, the
    start that leaves the largest free run around the address-pinned buffers, aligned to ``align``
    (``getCoreStackAlignment``: 64 B on AIE2P, test/assign-buffer-addresses/stack_bank_with_address_pin.mlir
    @ c6211dc8; the device's value, which the caller supplies).
    """

    address: int | None = None
    bank: int | None = None
    align: int = 1


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
    stack_start: int = 0  # where the stack begins (0 unless the newest allocator reads a StackPin)

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
             scheme: str, profile: Profile, generation: str = "aie2", has_core: bool | None = None,
             stack_pin: StackPin | None = None) -> MemoryMap:
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
    has_core : bool, optional
        Whether a compute tile has an ``aie.core`` (default: every compute tile has one).
    stack_pin : StackPin, optional
        The core's ``stack_address`` / ``stack_bank`` (see :func:`allocate_buffers`).

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
                            scheme, profile, generation, has_core, stack_pin)


def allocate_buffers(tile: tuple[int, int], is_compute: bool,
                     buffers: Iterable[BufferRequest | tuple[str, int]], capacity: int, banks: int, stack: int,
                     static_bytes: int, scheme: str, profile: Profile,
                     generation: str = "aie2", has_core: bool | None = None,
                     stack_pin: StackPin | None = None) -> MemoryMap:
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
    has_core : bool, optional
        Whether the compute tile has an ``aie.core`` (default ``is_compute``). A tile without one has no
        stack nor static data, and the newest ranking skips its free-run criterion there
        (AIEAssignBuffers.cpp search id 68911127918: ``hasCore = tile.getCoreOp()``).
    stack_pin : StackPin, optional
        The core's ``stack_address`` / ``stack_bank``: read by the newest allocator (profile
        ``bank_aware = "scored-capped"``, bank-aware) only; elsewhere the stack stays at 0 and a note says so.

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
    core = is_compute if has_core is None else is_compute and has_core
    t = _Tile(tile, core, capacity, banks, stack if core else 0, static_bytes if core else 0,
              align.bus, align.vector)
    reqs = _requests(buffers)
    mm = MemoryMap(tile, capacity, scheme)
    if scheme == "default" and profile.bank_aware == "scored-capped":
        # The newest source has one allocator and no fallback (search id 68911127918, runOnOperation:
        # "One allocator, one answer"): no scheme named is the bank-aware search, and its failure is final.
        scheme = mm.scheme = "bank-aware"
    pinned = stack_pin is not None and (stack_pin.address is not None or stack_pin.bank is not None)
    if pinned and t.has_core and profile.bank_aware == "scored-capped" and scheme == "bank-aware":
        try:
            t = replace(t, stack_start=_stack_start(t, reqs, stack_pin))
        except _Failed as failure:
            return _failed(mm, t, failure, None)
    elif pinned and t.has_core:
        mm.notes.append("note: stack_address / stack_bank not read: only the newest allocator (bank-aware) places "
                        "the stack elsewhere than address 0; the stack is modelled at 0")
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
    mm.notes += [] if _checks_pins_against_stack(profile) else _pin_overlaps(regions)
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
            if t.has_core and r.address is not None and r.nbytes
            and r.address < t.stack_start + t.stack and t.stack_start < r.end]


def _with_stack(t: _Tile, regions: list[Region]) -> list[Region]:
    return ([Region(STACK, t.stack, t.stack_start)] if t.has_core else []) + regions


def _stack_start(t: _Tile, reqs: list[BufferRequest], pin: StackPin) -> int:
    """Where the newest allocator puts a pinned stack (search id 68911127918, allocateTile).

    ``stack_address`` is taken as written. ``stack_bank`` alone: the least-fragmenting start inside that
    bank around the address-pinned buffers only (``findLeastFragmentingGap``), aligned to ``pin.align``.
    """
    if pin.address is not None:
        return pin.address
    lo = pin.bank * t.bank_size
    occ = Occupancy(t.capacity)
    for b in reqs:
        if b.address is not None and 0 <= b.address and b.address + b.nbytes <= t.capacity:
            occ.mark(b.address, b.address + b.nbytes)
    start = occ.least_fragmenting(lo, lo + t.bank_size, t.stack, pin.align)
    if start is None:
        raise _Failed([f"'aie.core' op requires a {t.stack}-byte stack in bank {pin.bank}, but no contiguous "
                       f"aligned space remains after address-pinned buffers"],
                      [Region(b.name, b.nbytes, b.address) for b in reqs], retry=False)
    return start


def _failed(mm: MemoryMap, t: _Tile, failure: _Failed, last: str | None) -> MemoryMap:
    mm.regions = _with_stack(t, failure.regions)
    mm.errors = [*failure.errors, *([last] if last else []), "MemoryMap:"]
    if t.static_bytes and not any(r.name == STATIC for r in mm.regions):
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
    if not errors and _checks_pins_against_stack(profile):
        # checkAndPrintOverlapStackframe && checkAndPrintBufferOverlap: the first overlap only
        errors += _buffer_overlaps(regions)[:1]
    high = max([address, *(r.end for r in regions)])
    if high > t.capacity:
        errors.append("'aie.tile' op allocated buffers exceeded available memory")
    if errors:
        raise _Failed(errors, regions)
    return regions


def _overlapping(regions: list[Region]) -> list[tuple[Region, Region]]:
    """(buffer, the buffer below it) for every placed buffer that starts inside the one before it in address
    order, zero-sized buffers skipped: the pairs ``checkAndPrintBufferOverlap`` walks."""
    placed = sorted((r for r in regions if r.address is not None and r.nbytes), key=lambda r: r.address)
    return [(cur, prev) for prev, cur in zip(placed, placed[1:]) if cur.address < prev.end]


def _buffer_overlaps(regions: list[Region]) -> list[str]:
    """Two buffers sharing bytes (pinned at overlapping addresses), in basic-sequential's words.

    AIEAssignBuffers.cpp of the occupancy-based rewrite (search id 60322520818), ``basicAllocation``: every
    buffer of the tile sorted by address, each compared with the one before it (``checkAndPrintBufferOverlap``:
    "buffer 'b' at address 0x.. overlaps with 'a' at address 0x.. (size: N bytes)"), after the stack check
    and before the overflow check; the first overlap fails the tile. The mid-2025 allocator (search id
    5799773962) has no such check: :func:`_pin_overlaps` notes it instead.
    """
    return [f"'aie.buffer' op buffer '{cur.name}' at address 0x{cur.address:X} overlaps with '{prev.name}' at "
            f"address 0x{prev.address:X} (size: {prev.nbytes} bytes)" for cur, prev in _overlapping(regions)]


def _pin_overlaps(regions: list[Region]) -> list[str]:
    """Buffers that share bytes where the profile's allocator does not check (the mid-2025 one)."""
    return [f"note: '{cur.name}' at 0x{cur.address:X} overlaps '{prev.name}' at 0x{prev.address:X} "
            f"({prev.nbytes} B): the mid-2025 allocator keeps pinned addresses without checking them against "
            f"each other, so the two buffers share bytes" for cur, prev in _overlapping(regions)]


# -- bank-aware ---------------------------------------------------------------------------------------

def _bank_aware(t: _Tile, reqs: list[BufferRequest], profile: Profile) -> list[Region]:
    if profile.bank_aware == "scored-capped":
        return _ranked_search(t, reqs, profile)
    if profile.bank_aware == "scored":
        return _bank_aware_scored(t, reqs)
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

    Profile ``bank_aware = "scored"`` (the uncapped rule). ``capped`` applies
    the newest source's cap (search id 68911127918, ``contiguityCap``: the free
    run left counts at most the bytes still to place after this buffer) to this
    greedy pass; the profile ``"scored-capped"`` runs that source as a whole
    instead (:func:`_ranked_search`: its first descent is this greedy pass with
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


# -- the newest single allocator (profile bank_aware = "scored-capped") ------------------------------
#
# AIEAssignBuffers.cpp, newest stored version (search id 68911127918, no commit reported): one allocator
# for every tile (``allocateTile``), no scheme and no fallback ("One allocator, one answer"). The address
# pins first (``placePreAllocatedBuffers``), then every other buffer -- bank-pinned ones first, then the
# core's data sections as a buffer of their own (``materializeCoreDataBuffers``), then the rest, largest
# first (``placementOrder``) -- searched depth first over ranked candidates (``PlacementSearch``, node budget
# ``kPlacementBudget``), and when that finds no layout, an exhaustive slide-down search
# (``CompactionSearch``, budget ``kCompactionBudget``). Failure is terminal.

PLACEMENT_BUDGET = 20000  # kPlacementBudget: ranked placements tried per tile
COMPACTION_BUDGET = 200000  # kCompactionBudget: exhaustive-search placements per tile
_UNSCORED = float("inf")  # kFallbackRank: a flush-end candidate no criterion scored ranks after every scored one

Rank = tuple[float, int, int, int, int]  # banks touched, -free run left, round-robin distance, slack, address
# banksFromMemorySpace: Peano models a compute-tile bank as an address space (aiebase_resources.h): 5..8 are
# banks a..d, 9..14 the pairs. A buffer's memref memory space is read from ``BufferRequest.memory_space``
# (absent until the reader passes it on: then no bank constraint).
SPACE_BANKS: dict[int, tuple[int, ...]] = {5: (0,), 6: (1,), 7: (2,), 8: (3,), 9: (0, 1), 10: (0, 2), 11: (0, 3),
                                           12: (1, 2), 13: (1, 3), 14: (2, 3)}


def _space_banks(b: BufferRequest) -> tuple[int, ...]:
    """The banks the buffer's memory space allows; none when it names no bank."""
    return SPACE_BANKS.get(getattr(b, "memory_space", None), ())


def _apply_signature_banks(reqs: list[BufferRequest]) -> list[BufferRequest]:
    """``applySignatureBankConstraints``: a mem_bank outside the space's banks fails; a one-bank space pins it."""
    out = []
    for b in reqs:
        banks = _space_banks(b)
        if banks and b.mem_bank is not None and b.mem_bank not in banks:
            either = f"{banks[0]} or {banks[-1]}" if len(banks) > 1 else f"{banks[0]}"
            raise _pin_failed(reqs, f"'aie.buffer' op has address space for bank {either} but is pinned to bank "
                                    f"{b.mem_bank}. These constraints disagree ({b.name})")
        out.append(replace(b, mem_bank=banks[0]) if len(banks) == 1 else b)
    return out


def _allowed_banks(t: _Tile, reqs: list[BufferRequest], b: BufferRequest) -> tuple[int, ...] | None:
    """``recordRequiredBank``: the banks an unaddressed buffer may lie in (its mem_bank, else its space), or None."""
    if b.mem_bank is not None and not 0 <= b.mem_bank < t.banks:
        raise _pin_failed(reqs, f"'aie.buffer' op mem_bank attribute value is out of range ({b.name})")
    banks = (b.mem_bank,) if b.mem_bank is not None else _space_banks(b)
    if banks and banks[-1] >= t.banks:
        raise _pin_failed(reqs, f"'aie.buffer' op memory space requests a bank that does not exist ({b.name})")
    return banks or None


def _bank_ranges(t: _Tile, banks: tuple[int, ...]) -> list[tuple[int, int]]:
    """Each allowed bank's range; an adjacent pair also as one range, which a buffer may span."""
    size = t.bank_size
    ranges = [(k * size, (k + 1) * size) for k in banks]
    if len(banks) == 2 and banks[1] == banks[0] + 1:
        ranges.append((banks[0] * size, (banks[1] + 1) * size))
    return ranges


def _label(b: BufferRequest) -> str:
    """How a diagnostic names a buffer (``bufferLabel``): the data sections by their role, others by name."""
    return "this core's data sections (data_size)" if b.name == STATIC else f'buffer "{b.name}"'


def _free_run_at(occ: Occupancy, address: int) -> tuple[int, int]:
    """The free run holding ``address``; ``(0, 0)`` when it is taken (``gapAt``'s empty MemoryRun)."""
    for gs, ge in occ.gaps(0, occ.size):
        if gs <= address < ge:
            return gs, ge
    return 0, 0


def _flush_ends(gs: int, ge: int, nbytes: int, align: int) -> tuple[int, ...]:
    """The two starts flush against either end of the free run ``[gs, ge)``, or none when ``nbytes`` does not fit."""
    low = align_up(gs, align)
    if low + nbytes > ge:
        return ()
    return low, max(align_down(ge - nbytes, align), low)


def _place_pins(t: _Tile, reqs: list[BufferRequest], occ: Occupancy) -> list[Region]:
    """The address pins, ascending, each checked as ``checkAndAddBufferWithAddress`` does, in its order."""
    size, regions = t.bank_size, []
    for b in sorted((b for b in reqs if b.address is not None), key=lambda b: b.address):
        end = b.address + b.nbytes
        if b.aligned and b.address % t.bus_align:  # a pin is held to the bus width only, and only when aligned
            raise _pin_failed(reqs, f"'aie.buffer' op address attribute value must be aligned to "
                                    f"{8 * t.bus_align} bits when the aligned attribute is set ({b.name})")
        bank = b.address // size if 0 <= b.address < t.banks * size else None
        if bank is None and b.nbytes == 0 and b.address == t.banks * size:
            bank = t.banks - 1  # a zero-sized buffer one past the last bank is legal
        if bank is None:
            raise _pin_failed(reqs, f"'aie.buffer' op address attribute does not fall within any bank range "
                                    f"({b.name})")
        if end > t.capacity:
            raise _pin_failed(reqs, f"'aie.buffer' op address attribute would place the buffer past the end of the "
                                    f"tile's memory ({b.name})")
        last = bank if b.nbytes == 0 else min(end - 1, t.banks * size - 1) // size
        for touched in range(bank, last + 1):
            if _space_banks(b) and touched not in _space_banks(b):
                raise _pin_failed(reqs, f"'aie.buffer' op address attribute places the buffer in bank {touched}, "
                                        f"which is excluded by its memory space ({b.name})")
        if b.mem_bank is not None and b.mem_bank != bank:
            raise _pin_failed(reqs, f"'aie.buffer' op address attribute lies in bank {bank}, but mem_bank requests "
                                    f"bank {b.mem_bank} ({b.name})")
        if not occ.is_free(b.address, end):
            raise _pin_failed(reqs, f"'aie.buffer' op would override allocated address ({b.name})")
        occ.mark(b.address, end)
        regions.append(Region(b.name, b.nbytes, b.address))
    return regions


def _placement_order(t: _Tile, reqs: list[BufferRequest]) -> list[tuple[BufferRequest, tuple[int, ...] | None]]:
    """``placementOrder``: bank-constrained first (fewest allowed banks first), then largest first; ties keep
    program order. Each buffer comes with its allowed banks (None: any).

    The core's data sections (``materializeCoreDataBuffers``: a buffer of ``data_size``, or the measured
    size, which ``static_bytes`` stands for) join the unpinned buffers; mlir-aie inserts that buffer before
    the core, here after every buffer (a core follows its buffers in the designs read).
    """
    free = [(b, _allowed_banks(t, reqs, b)) for b in reqs if b.address is None]
    if t.has_core and t.static_bytes:
        free.append((BufferRequest(STATIC, t.static_bytes), None))
    return sorted(free, key=lambda w: (w[1] is None, len(w[1] or ()), -w[0].nbytes))


@dataclass
class _Search:
    """``PlacementSearch``: depth first over :meth:`ranked` candidates, undoing a choice a later buffer pays for."""

    t: _Tile
    occ: Occupancy
    order: list[BufferRequest]
    allowed: list[tuple[int, ...] | None]  # per buffer of order: the banks it may lie in, None for any
    placed: dict[int, int] = field(default_factory=dict)  # index in order -> address
    budget: int = PLACEMENT_BUDGET
    exhausted: bool = False
    deepest: int | None = None  # the furthest buffer that had no candidate at all
    deepest_layout: dict[int, int] = field(default_factory=dict)

    def ranked(self, i: int, cursor: int, cap: int) -> list[tuple[int, Rank]]:
        """``rankedPlacements``: every start for buffer ``i``, best first (see :func:`_bank_aware_scored`).

        A bank-constrained buffer tries both flush ends of each free run in its banks (an adjacent pair
        also across their boundary), ranked by banks touched
        and then the largest free run left (uncapped), the cursor unmoved. Any other buffer tries the
        tightest run per bank, anywhere, and at a bank boundary, ranked with the free run left capped at
        ``cap`` (``contiguityCap``: the bytes still to place after it); then, unscored, both flush ends
        of every free run, which only backtracking reaches. One entry per address.
        """
        t, occ, b = self.t, self.occ, self.order[i]
        size, align, bank_size = b.nbytes, t.align_for(b), t.bank_size
        banked_end = t.banks * bank_size
        out: list[tuple[int, Rank]] = []
        allowed = self.allowed[i]
        if allowed is not None:
            for lo, hi in _bank_ranges(t, allowed):
                for gs, ge in list(occ.gaps(lo, hi)):
                    for start in _flush_ends(gs, ge, size, align):
                        if start // bank_size not in allowed:
                            continue
                        last = start // bank_size if size == 0 else (start + size - 1) // bank_size
                        trial = occ.copy()
                        trial.mark(start, start + size)
                        out.append((start, (last - start // bank_size + 1, -trial.largest_gap(), 0, 0, start)))
            if not out and size == 0:
                out.append((allowed[0] * bank_size, (1, 0, 0, 0, allowed[0] * bank_size)))
        else:
            first, second = occ.top_two_gaps()

            def consider(start: int | None) -> None:
                if start is None or start >= banked_end:
                    return
                touched = 1 if size == 0 else (start + size - 1) // bank_size - start // bank_size + 1
                gs, ge = _free_run_at(occ, start)
                elsewhere = second if ge - gs == first else first
                run_left = min(max(elsewhere, start - gs, ge - (start + size)), cap)
                out.append((start, (touched, -run_left if t.has_core else 0,
                                    (start // bank_size - cursor) % t.banks, occ.slack_at(start, size), start)))

            for k in range(t.banks):
                consider(occ.find_gap(k * bank_size, (k + 1) * bank_size, size, align))
            consider(occ.find_gap(0, banked_end, size, align))  # straddling, when nothing fits one bank
            if bank_size % align == 0:
                consider(occ.find_gap(0, banked_end, size, bank_size))
            if not out and size == 0:
                out.append((0, (1, 0, 0, 0, 0)))
        out.sort(key=lambda c: c[1])
        if size > 0 and allowed is None:
            out += [(s, (_UNSCORED, 0, 0, 0, s)) for gs, ge in occ.gaps(0, t.capacity)
                    for s in _flush_ends(gs, ge, size, align) if s < banked_end]
        seen: set[int] = set()
        unique = []
        for start, rank in out:  # the best-ranked entry of an address survives its duplicates
            if start not in seen:
                seen.add(start)
                unique.append((start, rank))
        return sorted(unique, key=lambda c: c[1])

    def run(self, i: int, cursor: int, remaining: int) -> bool:
        """Place ``order[i:]``; True when every one found a start."""
        if i == len(self.order):
            return True
        if self._hopeless(i):
            return False
        b = self.order[i]
        rest = remaining - b.nbytes  # criterion 2's cap
        candidates = self.ranked(i, cursor, rest)
        if not candidates and (self.deepest is None or i > self.deepest):
            self.deepest, self.deepest_layout = i, dict(self.placed)
        for start, _ in candidates:
            if self.budget <= 0:
                self.exhausted = True
                break
            self.budget -= 1
            self.occ.mark(start, start + b.nbytes)
            self.placed[i] = start
            # A bank-constrained buffer leaves the round-robin cursor where it was.
            nxt = cursor if self.allowed[i] is not None else (start // self.t.bank_size + 1) % self.t.banks
            if self.run(i + 1, nxt, rest):
                return True
            del self.placed[i]
            self.occ.unmark(start, start + b.nbytes)
        return False


    def _hopeless(self, i: int) -> bool:
        """True when no path below this node can place every buffer nor reach a buffer deeper than the
        deepest failure already recorded: placing ``order[i:j]`` takes at least their bytes, so ``j`` is
        bounded by the free bytes. Pruning such a node changes neither the layout found nor the buffer a
        failure names (only the first arrival at a depth is kept); it saves the budget mlir-aie spends there.
        """
        if self.deepest is None:
            return False
        free = sum(e - s for s, e in self.occ.gaps(0, self.t.capacity))
        reach = i
        while reach < len(self.order) and self.order[reach].nbytes <= free:
            free -= self.order[reach].nbytes
            reach += 1
        return reach <= self.deepest and reach < len(self.order)


@dataclass
class _Compaction:
    """``CompactionSearch``: every layout slid down, buffer by buffer, walking the free runs upward.

    Each buffer sits at the lowest start its alignment and bank allow above the one before it; the
    search chooses which buffer comes next, tries each class of interchangeable buffers (same size,
    alignment and ranges) once, and remembers every (address, buffers left) that failed.
    """

    t: _Tile
    order: list[BufferRequest]
    allowed: list[tuple[int, ...] | None]
    gaps: list[tuple[int, int]]
    budget: int = COMPACTION_BUDGET
    exhausted: bool = False
    addrs: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sizes = [b.nbytes for b in self.order]
        self.aligns = [self.t.align_for(b) for b in self.order]
        # An adjacent pair is one range (a buffer may span it); a disjoint pair two.
        self.ranges = [[(0, self.t.capacity)] if banks is None else _bank_ranges(self.t, banks)[-1:]
                       if len(banks) == 2 and banks[1] == banks[0] + 1 else _bank_ranges(self.t, banks)
                       for banks in self.allowed]
        key = list(zip(self.sizes, self.aligns, map(tuple, self.ranges)))
        self.classes = [key.index(k) for k in key]
        self.addrs = [-1] * len(self.order)
        self.free_above = [0] * (len(self.gaps) + 1)
        self.run_above = [0] * (len(self.gaps) + 1)
        for g in range(len(self.gaps) - 1, -1, -1):
            gs, ge = self.gaps[g]
            self.free_above[g] = self.free_above[g + 1] + ge - gs
            self.run_above[g] = max(self.run_above[g + 1], ge - gs)
        self.failed: set[tuple[int, int]] = set()

    def lowest(self, i: int, g: int, start_from: int) -> int | None:
        """Lowest start at or above ``start_from`` in free run ``g`` where buffer ``i`` fits."""
        best = None
        for lo, hi in self.ranges[i]:
            at = align_up(max(start_from, lo), self.aligns[i])
            if at + self.sizes[i] <= min(self.gaps[g][1], hi) and at < self.t.banks * self.t.bank_size \
                    and (best is None or at < best):
                best = at
        return best

    def run(self) -> bool:
        left, nbytes = 0, 0
        for i, size in enumerate(self.sizes):
            if size == 0:  # covers no byte: the first free run its bank reaches
                found = (self.lowest(i, g, gs) for g, (gs, _) in enumerate(self.gaps))
                self.addrs[i] = next((a for a in found if a is not None), self.ranges[i][0][0])
                continue
            left |= 1 << i
            nbytes += size
        return self.place(0, self.gaps[0][0], left, nbytes) if self.gaps else left == 0

    def place(self, g: int, start_from: int, left: int, nbytes: int) -> bool:
        if not left:
            return True
        members = [i for i in range(len(self.order)) if left >> i & 1]
        here = self.gaps[g][1] - start_from
        if nbytes > here + self.free_above[g + 1] or max(self.sizes[i] for i in members) > \
                max(here, self.run_above[g + 1]) or (start_from, left) in self.failed:
            return False
        tried: set[int] = set()
        for i in members:
            if self.classes[i] in tried:
                continue
            tried.add(self.classes[i])
            at = self.lowest(i, g, start_from)
            if at is None:
                continue
            self.budget -= 1
            if self.budget < 0:
                self.exhausted = True
                return False
            self.addrs[i] = at
            if self.place(g, at + self.sizes[i], left & ~(1 << i), nbytes - self.sizes[i]):
                return True
            if self.exhausted:
                return False
        if g + 1 < len(self.gaps) and self.place(g + 1, self.gaps[g + 1][0], left, nbytes):
            return True
        if not self.exhausted:
            self.failed.add((start_from, left))
        return False


def _ranked_search(t: _Tile, reqs: list[BufferRequest], profile: Profile) -> list[Region]:
    """The newest allocator (see the section comment): pins, then the ranked search, then the exhaustive one."""
    reqs = _apply_signature_banks(reqs)
    occ = Occupancy(t.capacity)
    occ.mark(t.stack_start, min(t.stack_start + t.stack, t.capacity))
    regions = _place_pins(t, reqs, occ)
    wanted = _placement_order(t, reqs)
    order, allowed = [b for b, _ in wanted], [banks for _, banks in wanted]
    search = _Search(t, occ, order, allowed)
    if not search.run(0, 0, sum(b.nbytes for b in order)):
        complete = _Compaction(t, order, allowed, list(occ.gaps(0, t.capacity)))
        if not complete.run():
            raise _search_failed(t, reqs, search, complete.exhausted)
        search.placed = dict(enumerate(complete.addrs))
    return regions + [Region(b.name, b.nbytes, search.placed[i]) for i, b in enumerate(order)]


def _search_failed(t: _Tile, reqs: list[BufferRequest], search: _Search, exhausted: bool) -> _Failed:
    """``allocateTile``'s failure: the deepest buffer the ranked search could not place, in its words.

    A bank-pinned buffer gets its own error, and every address this pass chose is removed
    (``deAllocationBuffers``). Any other buffer gets "could not be placed" and the memory map of the
    deepest layout reached (``restoreDeepest``, ``printMemMap``), then the same rollback.
    """
    order = search.order
    index = search.deepest if search.deepest is not None else 0
    failed, allowed = order[index], search.allowed[index]
    occ = Occupancy(t.capacity)
    occ.mark(t.stack_start, min(t.stack_start + t.stack, t.capacity))
    for b in reqs:
        if b.address is not None:
            occ.mark(b.address, b.address + b.nbytes)
    for i, start in search.deepest_layout.items():
        occ.mark(start, start + order[i].nbytes)
    if allowed is not None and len(allowed) > 1:
        return _pin_failed(reqs, f"'aie.buffer' op {_label(failed)} requires {failed.nbytes} bytes, but no "
                                 f"contiguous aligned space remains within allowed banks {allowed[0]} and {allowed[-1]}")
    if allowed is not None:
        size, bank = t.bank_size, allowed[0]
        if failed.nbytes > size:
            error = (f"'aie.buffer' op {_label(failed)} requires {failed.nbytes} bytes, which cannot fit in bank "
                     f"{bank} ({size} bytes total)")
        else:
            free = sum(e - s for s, e in occ.gaps(bank * size, (bank + 1) * size))
            error = (f"'aie.buffer' op {_label(failed)} requires {failed.nbytes} bytes in bank {bank}, but only "
                     f"{free} of {size} bytes are free there")
        return _pin_failed(reqs, error)
    errors = [f"'aie.buffer' op could not be placed: {_label(failed)} needs {failed.nbytes} bytes and this tile "
              f"has no room left for it"]
    if exhausted:
        errors.append(f"note: the search hit its {COMPACTION_BUDGET}-placement budget with arrangements still "
                      f"untried, so a layout may exist that it did not reach")
    errors.append("warning: Not all requested buffers fit in the available memory.")
    layout = {order[i].name: start for i, start in search.deepest_layout.items()}
    regions = [Region(b.name, b.nbytes, b.address if b.address is not None else layout.get(b.name)) for b in reqs]
    if t.static_bytes and t.has_core:
        regions.append(Region(STATIC, t.static_bytes, layout.get(STATIC)))
    return _Failed(errors, regions, retry=False)


# -- the kernel's static data -------------------------------------------------------------------------

def _place_static_data(mm: MemoryMap, t: _Tile, profile: Profile) -> None:
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
