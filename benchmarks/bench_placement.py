"""Placement time per design on npu1: SearchPlacer against ColumnPlacer, measured in one run.

    python benchmarks/bench_placement.py [--repeat 5] [--explore]

Target (issue 24): SearchPlacer places each design in < 100 ms on npu1. Placement alone is timed:
the strategy builds the design once, then each placer places a fresh copy (``place``: the placer
and the tiles that follow from it). SearchPlacer's time includes its full legality check
(evaluate and the hang check) of the placement it returns; ColumnPlacer checks nothing, so the
ratio is what the search and its checks cost. Prints the median per design and the ratio.

``--explore``: over the default explore space (``reports.explore.Space``), every point that fits
with ColumnPlacer is placed with SearchPlacer too; prints how many fit with both, and the points
with fewer, equal or more columns and DMA links (issue 24's closing-note counts), and how many of the
ColumnPlacer placements already use ceil(workers / compute rows) columns, which no placement can beat
(every worker needs a compute tile of its own), shared shims and mem tiles included.
"""
from __future__ import annotations

import argparse
import copy
import statistics
import time

from partitioner.check import evaluate_options
from partitioner.context import Context
from partitioner.design import Options
from partitioner.errors import UserError
from partitioner.placement import ColumnPlacer, place, summary
from partitioner.search_placer import SearchPlacer
from partitioner.strategies import build_design

CASES = [
    Options(strategy="single", batch=20, tiles=1, depth=2),
    Options(strategy="split", batch=100, tiles=2, object_frames=10, depth=2),
    Options(strategy="split", batch=100, tiles=4, depth=2),
    Options(strategy="pipeline", batch=100, tiles=2, object_frames=10, depth=2),
    Options(strategy="hybrid", batch=100, tiles=4, object_frames=10, depth=2),
    Options(strategy="hybrid", batch=100, tiles=8, depth=2),
    Options(strategy="split", batch=400, tiles=8, object_frames=10, depth=2),
    Options(strategy="split", batch=400, tiles=16, object_frames=5, frame_mode="streamed", depth=1),
    Options(strategy="hybrid", batch=400, tiles=16, object_frames=5, depth=1),
]
TARGET_MS = 100.0


def unplaced(options: Options):
    """The strategy's design for ``options``, before placement (what ``make_design`` places), and its device."""
    context = Context.for_options(options)
    return build_design(options, context), context.device


def time_place(design, device, placer, repeat: int) -> float:
    """Median seconds of ``place`` on a fresh copy of ``design``."""
    times = []
    for _ in range(repeat):
        d = copy.deepcopy(design)
        t0 = time.perf_counter()
        place(d, device, placer)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench(repeat: int) -> None:
    print(f"{'design':36s} {'column ms':>10s} {'search ms':>10s} {'ratio':>7s} {'cols c/s':>9s} {'checks':>6s}")
    worst = 0.0
    for o in CASES:
        design, device = unplaced(o)
        time_place(design, device, SearchPlacer(), 1)  # warm caches (kernel spec, profile, parameter files)
        col = time_place(design, device, ColumnPlacer(), repeat)
        sp = SearchPlacer()
        srch = time_place(design, device, sp, repeat)
        cols = len({t[0] for t in place(copy.deepcopy(design), device, ColumnPlacer()).tiles})
        worst = max(worst, srch)
        print(f"{design.name:36s} {col * 1e3:10.3f} {srch * 1e3:10.1f} {srch / col:7.0f} "
              f"{cols:4d}/{sp.last.best.columns:<4d} {sp.last.checks:6d}")
    print(f"slowest SearchPlacer placement: {worst * 1e3:.1f} ms (target < {TARGET_MS:.0f} ms per design on npu1)")


def explore() -> None:
    from reports import explore as ex

    points = ex.Space().points()
    fit = both = fewer_cols = more_cols = fewer_dma = more_dma = rescued = unproved = at_bound = 0
    t0 = time.perf_counter()
    for o in points:
        try:
            ev = evaluate_options(o, suggest=False)
        except UserError:  # options the strategy cannot build (the study skips them too)
            continue
        if not ev.fits:
            rescued, unproved = _rescue(o, rescued, unproved)
            continue
        fit += 1
        at_bound += summary(ev.design, ev.lowered.shared)["columns"] == -(-len(ev.design.workers)
                                                                          // len(ev.device.compute_rows))
        try:
            es = evaluate_options(o, suggest=False, placer=SearchPlacer())
        except Exception as exc:  # noqa: BLE001 - counted and shown: a point the search lost
            print(f"search failed on {ev.design.name}: {exc}")
            continue
        if not es.fits:
            print(f"search result does not fit: {es.design.name}")
            continue
        both += 1
        a, b = summary(ev.design, ev.lowered.shared), summary(es.design, es.lowered.shared)
        fewer_cols += b["columns"] < a["columns"]
        more_cols += b["columns"] > a["columns"]
        fewer_dma += b["dma_links"] < a["dma_links"]
        more_dma += b["dma_links"] > a["dma_links"]
    print(f"explore space: {len(points)} points, {fit} fit with ColumnPlacer, {both} of them fit with SearchPlacer; "
          f"columns fewer/more: {fewer_cols}/{more_cols}; DMA links fewer/more: {fewer_dma}/{more_dma} "
          f"({time.perf_counter() - t0:.0f} s)")
    print(f"{at_bound} of the {fit} ColumnPlacer placements use ceil(workers / compute rows) columns: the fewest "
          f"any placement can use")
    print(f"of the {len(points) - fit} points that do not fit (or cannot be built) with ColumnPlacer, {rescued} fit "
          f"with SearchPlacer; on {unproved} the search stopped at its {RESCUE_SECONDS:g} s limit (not proved)")


RESCUE_SECONDS = 1.0  # search time per point that ColumnPlacer does not fit


def _rescue(o: Options, rescued: int, unproved: int) -> tuple[int, int]:
    """Whether SearchPlacer fits a point ColumnPlacer does not: (rescued, unproved) counts updated."""
    try:
        es = evaluate_options(o, suggest=False, placer=SearchPlacer(time_limit=RESCUE_SECONDS))
        return rescued + es.fits, unproved
    except UserError as exc:
        return rescued, unproved + ("not proved" in str(exc))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--explore", action="store_true", help="Compare the placers over the default explore space.")
    args = ap.parse_args()
    if args.explore:
        explore()
    else:
        bench(args.repeat)


if __name__ == "__main__":
    main()
