"""The default design-space study: total time with its report, and evaluation speed without simulation.

    python benchmarks/bench_explore.py

Goals (issue 6): the default study with its report in < 30 s on this 2-core
machine; evaluation (build, place, check, time; no simulation) >= 1,000
points/s. Each measurement uses a fresh cache, so every point is evaluated.
The study's time is measured twice: by this script around the process, and
by the tool itself (the figure it prints: from the command's start to the
report written, linked designs emitted and simulated, plots drawn).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reports import explore as ex


def main() -> None:
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = len(ex.Space().points())
        for j in sorted({1, jobs}):
            t0 = time.perf_counter()
            ex.run(ex.Space(), jobs=j, cache_path=tmp / f"eval{j}.sqlite", progress=False, simulate_front=False)
            dt = time.perf_counter() - t0
            print(f"evaluation without simulation, {j} process(es): {n:,} points in {dt:.2f} s = {n / dt:,.0f} points/s")
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "npu_tiler.cli", "explore", "--out", str(tmp / "report"),
                            "--cache", str(tmp / "study.sqlite")], capture_output=True, text=True)
        dt = time.perf_counter() - t0
        print(r.stdout.strip() or r.stderr.strip()[-2000:])
        print(f"default study with the linked designs emitted and simulated and the report "
              f"(npu-tiler explore, {jobs} jobs, {os.cpu_count()} cores): {dt:.1f} s around the process "
              f"(goal < 30 s)")
    print("goal: >= 1,000 points/s without simulation")


if __name__ == "__main__":
    main()
