"""Time to build, place and check one design (no suggestions), for 1 to 16 tiles.

    python benchmarks/bench_partition.py [--repeat 200]

Target: median <= 1 ms for 4 tiles. Prints the median and the 90th
percentile of each case, measured in this run.
"""
from __future__ import annotations

import argparse
import statistics
import time

from partitioner.check import evaluate_options
from partitioner.design import Options

CASES = [
    Options(strategy="single", batch=20, tiles=1),
    Options(strategy="split", batch=100, tiles=2, object_frames=10),
    Options(strategy="split", batch=100, tiles=4),
    Options(strategy="pipeline", batch=100, tiles=2, object_frames=10),
    Options(strategy="hybrid", batch=100, tiles=4, object_frames=10),
    Options(strategy="split", batch=400, tiles=8, object_frames=10),
    Options(strategy="split", batch=400, tiles=16, object_frames=5, frame_mode="streamed"),
    Options(strategy="hybrid", batch=400, tiles=16, object_frames=5),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    print(f"{'design':42s} {'tiles':>5s} {'fits':>5s} {'median ms':>10s} {'p90 ms':>8s}")
    for o in CASES:
        ev = evaluate_options(o, suggest=False)  # warm caches (parameter files, kernel spec)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            evaluate_options(o, suggest=False)
            times.append(time.perf_counter() - t0)
        times.sort()
        print(f"{ev.design.name:42s} {o.tiles:5d} {str(ev.fits):>5s} {statistics.median(times) * 1e3:10.3f} "
              f"{times[int(0.9 * len(times))] * 1e3:8.3f}")
    print("target: median <= 1 ms for 4 tiles")


if __name__ == "__main__":
    main()
