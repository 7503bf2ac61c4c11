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

The package, one allocator to a module over a shared ground; imports point down this list, never up:

* this module: the entry points (:func:`allocate`, :func:`allocate_buffers`), which pick the scheme, fall
  back from bank-aware to basic-sequential where the profile's pass does, and assemble the map;
* :mod:`partitioner.allocation.static_data`: where the kernel's static data lies once the buffers are placed;
* :mod:`partitioner.allocation.search`: the newest single allocator (``scored-capped``), its ranked search,
  the exhaustive compaction behind it, and a core's pinned stack;
* :mod:`partitioner.allocation.bank_aware`: the mid-2025 round-robin and the 2026 scored bank-aware passes;
* :mod:`partitioner.allocation.sequential`: basic-sequential;
* :mod:`partitioner.allocation.memory_map`: the map and its regions, the tile as an allocation sees it, how
  a scheme fails, and the overlap and stack-pin rules they all share.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from partitioner.allocation.bank_aware import (
    bank_aware_round_robin,
    bank_aware_scored,
)
from partitioner.allocation.memory_map import (
    STACK,
    STATIC,
    AllocationFailed,
    MemoryMap,
    Region,
    StackPin,
    Tile,
    checks_pins_against_stack,
    overlapping,
)
from partitioner.allocation.search import (
    COMPACTION_BUDGET,
    PLACEMENT_BUDGET,
    SPACE_BANKS,
    Rank,
    pinned_stack_start,
    ranked_search,
)
from partitioner.allocation.sequential import basic_sequential
from partitioner.allocation.static_data import place_static_data
from partitioner.errors import UserError
from partitioner.lowering import BufferRequest, TileResources
from partitioner.profiles import Profile

__all__ = ["COMPACTION_BUDGET", "PLACEMENT_BUDGET", "SCHEMES", "SPACE_BANKS", "STACK", "STATIC", "MemoryMap", "Rank",
           "Region", "StackPin", "allocate", "allocate_buffers"]

SCHEMES = ("default", "basic-sequential", "bank-aware")  # aiecc's --alloc-scheme, "default" = none given


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
    t = Tile(tile, core, capacity, banks, stack if core else 0, static_bytes if core else 0,
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
            t = replace(t, stack_start=pinned_stack_start(t, reqs, stack_pin))
        except AllocationFailed as failure:
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
        except AllocationFailed as bank_failure:
            if not bank_failure.retry:
                return _failed(mm, t, bank_failure, "Bank-aware allocation failed.")
            mm.notes.append("warning: Bank-aware allocation failed, trying basic sequential allocation.")
            mm.scheme = "basic-sequential"
            try:
                regions = basic_sequential(t, reqs, profile)
            except AllocationFailed as basic_failure:
                return _failed(mm, t, basic_failure, "Basic sequential allocation also failed.")
    else:
        try:
            regions = _bank_aware(t, reqs, profile) if scheme == "bank-aware" else basic_sequential(t, reqs, profile)
        except AllocationFailed as failure:
            return _failed(mm, t, failure, None)
    mm.regions = _with_stack(t, regions)
    mm.notes += _stack_overlaps(t, regions)
    mm.notes += [] if checks_pins_against_stack(profile) else _pin_overlaps(regions)
    place_static_data(mm, t, profile)
    if mm.errors:
        mm.errors.append("MemoryMap:")
    return mm


def _requests(buffers: Iterable[BufferRequest | tuple[str, int]]) -> list[BufferRequest]:
    return [b if isinstance(b, BufferRequest) else BufferRequest(*b) for b in buffers]


def _bank_aware(t: Tile, reqs: list[BufferRequest], profile: Profile) -> list[Region]:
    if profile.bank_aware == "scored-capped":
        return ranked_search(t, reqs, profile)
    if profile.bank_aware == "scored":
        return bank_aware_scored(t, reqs)
    return bank_aware_round_robin(t, reqs)


def _with_stack(t: Tile, regions: list[Region]) -> list[Region]:
    return ([Region(STACK, t.stack, t.stack_start)] if t.has_core else []) + regions


def _stack_overlaps(t: Tile, regions: list[Region]) -> list[str]:
    """Pinned buffers placed inside the stack (only the mid-2025 allocator lets them through)."""
    return [f"note: '{r.name}' at 0x{r.address:X} lies inside the {t.stack} B stack; the mid-2025 allocator "
            f"keeps the pinned address without checking it against the stack" for r in regions
            if t.has_core and r.address is not None and r.nbytes
            and r.address < t.stack_start + t.stack and t.stack_start < r.end]


def _pin_overlaps(regions: list[Region]) -> list[str]:
    """Buffers that share bytes where the profile's allocator does not check (the mid-2025 one)."""
    return [f"note: '{cur.name}' at 0x{cur.address:X} overlaps '{prev.name}' at 0x{prev.address:X} "
            f"({prev.nbytes} B): the mid-2025 allocator keeps pinned addresses without checking them against "
            f"each other, so the two buffers share bytes" for cur, prev in overlapping(regions)]


def _failed(mm: MemoryMap, t: Tile, failure: AllocationFailed, last: str | None) -> MemoryMap:
    mm.regions = _with_stack(t, failure.regions)
    mm.errors = [*failure.errors, *([last] if last else []), "MemoryMap:"]
    if t.static_bytes and not any(r.name == STATIC for r in mm.regions):
        mm.regions.append(Region(STATIC, t.static_bytes, None))
    return mm
