"""One tile's data memory as every allocator sees it: the map they return, and what they share.

Contract: :class:`Region` and :class:`MemoryMap` are the result (:meth:`MemoryMap.listing` prints aiecc's
``MemoryMap:`` note); :class:`StackPin` is a core's ``stack_address`` / ``stack_bank`` as given. ``Tile`` is
what one allocation knows of its tile; ``AllocationFailed`` is how a scheme says it could not place the buffers, and
``pin_failed`` the failure of a pinned placement, rolled back. ``overlapping`` (the pairs of placed buffers
that share bytes) and ``checks_pins_against_stack`` (whether the profile's allocator rejects a pin over the
stack or over another buffer) are the rules the schemes and the entry points share. Nothing here places a
buffer.

Follows AIEAssignBuffers.cpp: ``tileMemoryLimits`` (the tile), the ``MemoryMap:`` note (docs/research
section 2.1), ``deAllocationBuffers`` (the rollback) and ``checkAndPrintBufferOverlap`` (the pairs); the
versions read are cited where each rule is.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from partitioner.lowering import BufferRequest
from partitioner.profiles import Profile

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
class Tile:
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
        """Bytes of one bank: the tile's memory split evenly (4 x 16 KiB on an npu1 compute tile)."""
        return self.capacity // self.banks

    def align_for(self, b: BufferRequest) -> int:
        """The alignment the allocator gives a buffer it places (getRequiredAlignBits; 1 for ``aligned = false``)."""
        if not b.aligned:
            return 1
        return self.vector_align if b.nbytes >= self.vector_align else self.bus_align


class AllocationFailed(Exception):
    """One scheme could not place the tile's buffers; ``retry`` tells whether another scheme may try."""

    def __init__(self, errors: list[str], regions: list[Region], retry: bool = True):
        super().__init__(errors[0] if errors else "")
        self.errors, self.regions, self.retry = errors, regions, retry


def pin_failed(reqs: list[BufferRequest], error: str, retry: bool = False) -> AllocationFailed:
    """A pinned placement failed: every buffer of the tile stays, without the addresses the allocator chose.

    mlir-aie returns failure there and rolls back what it wrote (AIEAssignBuffers.cpp
    ``deAllocationBuffers``, in every version read: search ids 60322520818, 60578706937 and
    68911127918): the buffers stay on the tile, an ``address`` the design wrote stays, a chosen one is
    removed (npu1-facts.md section 12, "A failed pinned placement removes only addresses").
    Fatal from the occupancy-based allocator on: no other scheme retries. ``retry`` for the mid-2025
    allocator (search id 5799773962), whose pass falls back to basic-sequential from any bank-aware failure.
    """
    return AllocationFailed([error], [Region(b.name, b.nbytes, b.address) for b in reqs], retry=retry)


def overlapping(regions: list[Region]) -> list[tuple[Region, Region]]:
    """(buffer, the buffer below it) for every placed buffer that starts inside the one before it in address
    order, zero-sized buffers skipped: the pairs ``checkAndPrintBufferOverlap`` walks."""
    placed = sorted((r for r in regions if r.address is not None and r.nbytes), key=lambda r: r.address)
    return [(cur, prev) for prev, cur in zip(placed, placed[1:]) if cur.address < prev.end]


def checks_pins_against_stack(profile: Profile) -> bool:
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
