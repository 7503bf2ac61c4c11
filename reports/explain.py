"""What the design-space report explains: why a design does not fit, and where a design's time goes.

* :func:`failures`: one entry per check error of a design that does not fit:
  the tile, what it needs and holds, the bytes over, the buffer that does not
  fit and the full reason (every line of the error). Memory entries are read
  from the tile's :class:`partitioner.allocation.MemoryMap` (the addresses the
  allocator model gave), not from the error's words.
* :func:`breakdown`: a design's modelled time split into call overhead,
  compute (the busiest core's kernel time) and the device time the cores wait
  on data (DMA, pipeline fill and drain), from the timing model's own schedule
  (:func:`sim.timing.device_cycles_per_call` with a trace).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import partitioner
from partitioner.allocation import STATIC, MemoryMap, Region
from partitioner.check import Evaluation
from partitioner.design import Options
from partitioner.errors import UserError
from partitioner.placement import Placer
from partitioner.search_placer import SearchPlacer, placer_named
from partitioner.params import seed as seed_figures
from partitioner.params import timing as load_timing
from sim import host, timing

CORE_TRACK = "core "  # the timing model's schedule names each core's track "core (col, row)" (sim/dataflow.py)


@dataclass(frozen=True)
class Failure:
    """One reason a design does not fit, as the report lists it (None: not known for this kind of reason)."""

    reason: str  # the full error, every line
    tile: list[int] | None = None
    tile_kind: str = ""
    needs: int | None = None  # bytes the tile must hold (memory)
    capacity: int | None = None  # bytes of the tile's data memory
    over: int | None = None  # bytes over ``over_what``
    over_what: str = ""
    buffer: str | None = None  # the buffer that does not fit
    buffer_bytes: int | None = None

    def as_json(self) -> dict:
        """A plain dict, as points.json stores it."""
        return asdict(self)


def _tile_of(error: str, tiles: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The tile an error of :mod:`partitioner.check` names first (its errors start ``tile (col, row)``)."""
    return next((t for t in tiles if error.startswith(f"tile ({t[0]}, {t[1]}) ")), None)


def _culprit(mm: MemoryMap) -> Region | None:
    """The region that does not fit: the first placed one running past the tile's end (basic-sequential
    places every buffer, past the end too), else the first buffer not placed, else the kernel's static
    data when only it was left out."""
    placed = sorted((r for r in mm.regions if r.address is not None), key=lambda r: r.address)
    past = next((r for r in placed if r.end > mm.capacity), None)
    if past is not None:
        return past
    unplaced = [r for r in mm.regions if r.address is None]
    return next((r for r in unplaced if r.name != STATIC), unplaced[0] if unplaced else None)


def memory_failure(error: str, tile: tuple[int, int], kind: str, mm: MemoryMap, banks: int,
                   whole_bank: bool) -> Failure:
    """The memory failure of one tile: its needs against its capacity, and the buffer that does not fit.

    Bytes over: the tile's total past its capacity; when the total fits but a
    buffer does not, and the allocator places each buffer in one bank whole
    (mlir-aie's mid-2025 bank-aware scheme, ``whole_bank``), the buffer's bytes
    past one bank. Otherwise (a buffer the allocator's search could not place
    in a tile with room in total) the bytes over are not modelled (None).

    Examples
    --------
    >>> mm = MemoryMap((0, 2), 65536, "bank-aware", [Region("(stack)", 1024, 0), Region("out", 4000, 1024),
    ...                Region("in", 20000, None)], ["Failed to allocate buffer"])
    >>> f = memory_failure("tile (0, 2) (compute): ...", (0, 2), "compute", mm, 4, whole_bank=True)
    >>> f.needs, f.over, f.over_what, f.buffer, f.buffer_bytes
    (25024, 3616, 'one 16,384 B bank', 'in', 20000)
    """
    bad = _culprit(mm)
    over, what = mm.used - mm.capacity, f"the tile's {mm.capacity:,} B"
    bank = mm.capacity // banks if banks else mm.capacity
    if over <= 0:
        if bad is not None and mm.scheme == "bank-aware" and whole_bank and bad.nbytes > bank:
            over, what = bad.nbytes - bank, f"one {bank:,} B bank"  # the mid-2025 scheme: one bank, whole
        else:
            over, what = None, "not modelled: the tile has room in total; the allocator's search found no place"
    return Failure(error, list(tile), kind, mm.used, mm.capacity, over, what,
                   bad.name if bad else None, bad.nbytes if bad else None)


def failures(ev: Evaluation) -> list[dict]:
    """Every check error of ``ev`` as a :class:`Failure` dict, in the errors' order ([] when it fits)."""
    tiles = [t.tile for t in ev.tiles]
    kinds = {t.tile: t.kind for t in ev.tiles}
    done: set[tuple[int, int]] = set()
    out = []
    for error in ev.errors:
        tile = _tile_of(error, tiles)
        mm = ev.memory.get(tile) if tile is not None else None
        if mm is not None and not mm.fits and tile not in done:
            done.add(tile)  # a tile's memory error is the first error naming it (partitioner/check.py evaluate)
            out.append(memory_failure(error, tile, kinds[tile], mm, ev.device.kind(tile).banks,
                                      ev.profile.bank_aware == "round-robin").as_json())
        else:
            out.append(Failure(error, list(tile) if tile else None, kinds.get(tile, "")).as_json())
    return out


DEFAULT_PLACER = "column"  # a point's placer when its record names none (records from before --placer)
SEARCH_SECONDS = 2.0  # SearchPlacer's time limit per point in a study: past it the point is "not proved"


def placer_of(name: str) -> Placer:
    """The placer a study uses for ``name``: ColumnPlacer, or SearchPlacer stopped after :data:`SEARCH_SECONDS`
    (a point it stops on does not fit, its reason says "not proved")."""
    return SearchPlacer(time_limit=SEARCH_SECONDS) if name == "search" else placer_named(name)


def record_placer(rec: dict) -> str:
    """The placer of a point's record (``column`` for records from before placement was a dimension)."""
    return rec.get("placer") or DEFAULT_PLACER


def placed(rec: dict) -> Evaluation:
    """A point record's design built again as the study built it: its options, placed by its placer."""
    return partitioner.partition(options_of(rec), suggest=False, placer=placer_of(record_placer(rec)))


def options_of(rec: dict) -> Options:
    """The design options a point record of :mod:`reports.explore` holds (its fields of :class:`Options`)."""
    return Options(**{k: rec[k] for k in Options.__dataclass_fields__})


def record_failures(rec: dict) -> list[dict]:
    """The failures of a point record that does not fit: its stored ``failures`` (explore stores them), else
    those of its options evaluated again; errors added after evaluation (a hang) as they are."""
    found = rec.get("failures")
    if found is None:
        try:
            found = failures(placed(rec))
        except (UserError, TypeError):
            found = []
    known = {f["reason"] for f in found}
    return list(found) + [Failure(e).as_json() for e in rec.get("errors") or [rec.get("reason", "")]
                          if e and e not in known]


@dataclass(frozen=True)
class Breakdown:
    """Where a design's modelled time goes, in seconds over all its calls (compute + waiting = device)."""

    calls: int
    overhead_s: float  # calls x the host's per-call overhead
    compute_s: float  # calls x the busiest core's kernel time in one call
    waiting_s: float  # calls x the rest of one call's device time: DMA, fill and drain, not hidden by compute
    dma_busiest_s: float  # calls x the busiest DMA channel's busy time (overlaps compute)
    total_s: float

    def as_json(self) -> dict:
        """A plain dict."""
        return asdict(self)


def breakdown(rec: dict, params_path: str | None = None, cost_profile: str | None = None) -> Breakdown:
    """A point's modelled time broken down, from one traced call of the timing model at the ranked (high) end.

    Examples
    --------
    >>> from dataclasses import asdict
    >>> b = breakdown({**asdict(Options()), "batch": 100, "tiles": 4})
    >>> parts = b.overhead_s + b.compute_s + b.waiting_s
    >>> b.calls, round(b.overhead_s / b.calls * 1e6, 1), abs(parts - b.total_s) < 1e-9
    (6282, 213.3, True)
    """
    ev = placed(rec)
    params = timing.with_cost(load_timing(params_path), cost_profile, timing.RANKING_END)
    spans: list = []
    cycles = timing.device_cycles_per_call(ev, params, trace=spans)
    busy: dict[str, float] = {}
    for s in spans:
        busy[s.track] = busy.get(s.track, 0.0) + (s.end - s.start)
    compute = max((c for t, c in busy.items() if t.startswith(CORE_TRACK)), default=0.0)
    dma = max((c for t, c in busy.items() if not t.startswith(CORE_TRACK)), default=0.0)
    calls = host.n_calls(ev.design, seed_figures().frames)
    overhead = calls * params.per_call_overhead_s
    return Breakdown(calls, overhead, calls * params.seconds(compute), calls * params.seconds(cycles - compute),
                     calls * params.seconds(dma), overhead + calls * params.seconds(cycles))
