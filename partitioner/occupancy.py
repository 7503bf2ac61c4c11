"""Which bytes of one tile's data memory are taken, and the free runs between them.

The bookkeeping of mlir-aie's newest bank-aware allocator (AIEAssignBuffers.cpp,
2026, ``MemoryOccupancy``: tightest gap, least-fragmenting gap, the run a
placement leaves behind), kept as a sorted list of taken intervals rather
than a bitmap: the queries and their answers are the same.
"""
from __future__ import annotations

from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass, field


def align_up(value: int, alignment: int) -> int:
    """``value`` rounded up to a multiple of ``alignment`` (bytes, >= 1)."""
    return -(-value // alignment) * alignment


def align_down(value: int, alignment: int) -> int:
    """``value`` rounded down to a multiple of ``alignment`` (bytes, >= 1)."""
    return value // alignment * alignment


@dataclass
class Occupancy:
    """Taken byte ranges ``[start, end)`` of a memory of ``size`` bytes.

    Examples
    --------
    >>> occ = Occupancy(65536)
    >>> occ.mark(0, 1024)
    >>> list(occ.gaps(0, 65536))
    [(1024, 65536)]
    >>> occ.find_gap(0, 16384, 144, 64)
    1024
    """

    size: int
    taken: list[tuple[int, int]] = field(default_factory=list)

    def copy(self) -> Occupancy:
        """An independent copy, for trying a placement."""
        return Occupancy(self.size, list(self.taken))

    def is_free(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside the memory and no byte of it is taken."""
        if start < 0 or end > self.size or start > end:
            return False
        return start == end or all(e <= start or s >= end for s, e in self.taken)

    def mark(self, start: int, end: int) -> None:
        """Take ``[start, end)``."""
        if start < end:
            insort(self.taken, (start, end))

    def unmark(self, start: int, end: int) -> None:
        """Give back exactly a range :meth:`mark` took."""
        if start < end:
            self.taken.remove((start, end))

    def gaps(self, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Every maximal free run ``(start, end)`` within ``[lo, hi)``, lowest first."""
        lo, hi = max(lo, 0), min(hi, self.size)
        cursor = lo
        for s, e in self.taken:
            if e <= cursor:
                continue
            if s >= hi:
                break
            if s > cursor:
                yield cursor, min(s, hi)
            cursor = max(cursor, e)
            if cursor >= hi:
                return
        if cursor < hi:
            yield cursor, hi

    def find_gap(self, lo: int, hi: int, nbytes: int, alignment: int) -> int | None:
        """Start of the tightest gap in ``[lo, hi)`` that holds ``nbytes`` at an aligned start, or None.

        Slack is measured over the whole gap, so alignment padding counts.
        """
        best, best_slack = None, 0
        for gs, ge in self.gaps(lo, hi):
            start = align_up(gs, alignment)
            if start + nbytes <= ge:
                slack = (ge - gs) - nbytes
                if best is None or slack < best_slack:
                    best, best_slack = start, slack
        return best

    def gap_at(self, address: int) -> tuple[int, int]:
        """The free run holding ``address``, or ``(address, address)`` when it is taken."""
        for gs, ge in self.gaps(0, self.size):
            if gs <= address < ge:
                return gs, ge
        return address, address

    def slack_at(self, address: int, nbytes: int) -> int:
        """Bytes of the enclosing free run that ``nbytes`` at ``address`` would leave unused."""
        for gs, ge in self.gaps(0, self.size):
            if gs <= address and address + nbytes <= ge:
                return (ge - gs) - nbytes
        return 0

    def largest_gap(self, lo: int = 0, hi: int | None = None) -> int:
        """The largest single free run in ``[lo, hi)``."""
        return max((ge - gs for gs, ge in self.gaps(lo, self.size if hi is None else hi)), default=0)

    def largest_run(self, alignment: int = 1) -> tuple[int, int]:
        """(start, bytes) of the largest free run, its start aligned up: where a linker region goes."""
        best = (0, 0)
        for gs, ge in self.gaps(0, self.size):
            start = align_up(gs, alignment)
            if ge - start > best[1]:
                best = (start, ge - start)
        return best

    def top_two_gaps(self) -> tuple[int, int]:
        """The sizes of the two largest free runs (duplicates kept)."""
        runs = sorted((ge - gs for gs, ge in self.gaps(0, self.size)), reverse=True)
        return (runs + [0, 0])[0], (runs + [0, 0])[1]

    def least_fragmenting(self, lo: int, hi: int, nbytes: int, alignment: int) -> int | None:
        """A start in ``[lo, hi)`` for ``nbytes`` that leaves the largest free run anywhere, or None.

        Only the two flush positions of each gap are candidates (an interior
        placement leaves strictly less contiguous space); ties go to the
        lowest address.
        """
        best, best_run = None, -1
        for gs, ge in list(self.gaps(lo, hi)):
            low = align_up(gs, alignment)
            if low + nbytes > ge:
                continue
            for start in (low, max(align_down(ge - nbytes, alignment), low)):
                trial = self.copy()
                trial.mark(start, start + nbytes)
                run = trial.largest_gap()
                if run > best_run or (run == best_run and best is not None and start < best):
                    best, best_run = start, run
        return best
