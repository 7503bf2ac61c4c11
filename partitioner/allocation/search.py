"""The newest allocator (profile ``bank_aware = "scored-capped"``, 2026.08): one ranked search per tile.

Contract: ``ranked_search(t, reqs, profile)`` returns the tile's regions, the core's data sections among
them as one more buffer (``STATIC``), or raises ``AllocationFailed`` with ``retry=False``: no other scheme follows.
``pinned_stack_start(t, reqs, pin)`` is where it puts a core's pinned stack, before any buffer; it fails the same way.

Follows AIEAssignBuffers.cpp, newest stored version (search id 68911127918): the flow below, each step
under mlir-aie's name.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from partitioner.allocation.memory_map import (
    STATIC,
    AllocationFailed,
    Region,
    StackPin,
    Tile,
    pin_failed,
)
from partitioner.lowering import BufferRequest
from partitioner.occupancy import Occupancy, align_down, align_up
from partitioner.profiles import Profile

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
            raise pin_failed(reqs, f"'aie.buffer' op has address space for bank {either} but is pinned to bank "
                                    f"{b.mem_bank}. These constraints disagree ({b.name})")
        out.append(replace(b, mem_bank=banks[0]) if len(banks) == 1 else b)
    return out


def _allowed_banks(t: Tile, reqs: list[BufferRequest], b: BufferRequest) -> tuple[int, ...] | None:
    """``recordRequiredBank``: the banks an unaddressed buffer may lie in (its mem_bank, else its space), or None."""
    if b.mem_bank is not None and not 0 <= b.mem_bank < t.banks:
        raise pin_failed(reqs, f"'aie.buffer' op mem_bank attribute value is out of range ({b.name})")
    banks = (b.mem_bank,) if b.mem_bank is not None else _space_banks(b)
    if banks and banks[-1] >= t.banks:
        raise pin_failed(reqs, f"'aie.buffer' op memory space requests a bank that does not exist ({b.name})")
    return banks or None


def _bank_ranges(t: Tile, banks: tuple[int, ...]) -> list[tuple[int, int]]:
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


def pinned_stack_start(t: Tile, reqs: list[BufferRequest], pin: StackPin) -> int:
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
        raise AllocationFailed([f"'aie.core' op requires a {t.stack}-byte stack in bank {pin.bank}, but no contiguous "
                       f"aligned space remains after address-pinned buffers"],
                      [Region(b.name, b.nbytes, b.address) for b in reqs], retry=False)
    return start


def _place_pins(t: Tile, reqs: list[BufferRequest], occ: Occupancy) -> list[Region]:
    """The address pins, ascending, each checked as ``checkAndAddBufferWithAddress`` does, in its order."""
    size, regions = t.bank_size, []
    for b in sorted((b for b in reqs if b.address is not None), key=lambda b: b.address):
        end = b.address + b.nbytes
        if b.aligned and b.address % t.bus_align:  # a pin is held to the bus width only, and only when aligned
            raise pin_failed(reqs, f"'aie.buffer' op address attribute value must be aligned to "
                                    f"{8 * t.bus_align} bits when the aligned attribute is set ({b.name})")
        bank = b.address // size if 0 <= b.address < t.banks * size else None
        if bank is None and b.nbytes == 0 and b.address == t.banks * size:
            bank = t.banks - 1  # a zero-sized buffer one past the last bank is legal
        if bank is None:
            raise pin_failed(reqs, f"'aie.buffer' op address attribute does not fall within any bank range "
                                    f"({b.name})")
        if end > t.capacity:
            raise pin_failed(reqs, f"'aie.buffer' op address attribute would place the buffer past the end of the "
                                    f"tile's memory ({b.name})")
        last = bank if b.nbytes == 0 else min(end - 1, t.banks * size - 1) // size
        for touched in range(bank, last + 1):
            if _space_banks(b) and touched not in _space_banks(b):
                raise pin_failed(reqs, f"'aie.buffer' op address attribute places the buffer in bank {touched}, "
                                        f"which is excluded by its memory space ({b.name})")
        if b.mem_bank is not None and b.mem_bank != bank:
            raise pin_failed(reqs, f"'aie.buffer' op address attribute lies in bank {bank}, but mem_bank requests "
                                    f"bank {b.mem_bank} ({b.name})")
        if not occ.is_free(b.address, end):
            raise pin_failed(reqs, f"'aie.buffer' op would override allocated address ({b.name})")
        occ.mark(b.address, end)
        regions.append(Region(b.name, b.nbytes, b.address))
    return regions


def _placement_order(t: Tile, reqs: list[BufferRequest]) -> list[tuple[BufferRequest, tuple[int, ...] | None]]:
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

    t: Tile
    occ: Occupancy
    order: list[BufferRequest]
    allowed: list[tuple[int, ...] | None]  # per buffer of order: the banks it may lie in, None for any
    placed: dict[int, int] = field(default_factory=dict)  # index in order -> address
    budget: int = PLACEMENT_BUDGET
    exhausted: bool = False
    deepest: int | None = None  # the furthest buffer that had no candidate at all
    deepest_layout: dict[int, int] = field(default_factory=dict)

    def ranked(self, i: int, cursor: int, cap: int) -> list[tuple[int, Rank]]:
        """``rankedPlacements``: every start for buffer ``i``, best first (see :func:`bank_aware_scored`).

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

    t: Tile
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


def ranked_search(t: Tile, reqs: list[BufferRequest], profile: Profile) -> list[Region]:
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


def _search_failed(t: Tile, reqs: list[BufferRequest], search: _Search, exhausted: bool) -> AllocationFailed:
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
        return pin_failed(reqs, f"'aie.buffer' op {_label(failed)} requires {failed.nbytes} bytes, but no "
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
        return pin_failed(reqs, error)
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
    return AllocationFailed(errors, regions, retry=False)
