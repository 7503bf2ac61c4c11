"""Time to read and check real and large mlir-aie designs, against the targets the issues set.

    python benchmarks/bench_reading.py [--repeat 5]

Measured in this run, each against its target (exit 1 when one is missed):

* every module of mlir-aie's hardware-tested designs (tests/corpus, ``npu-tiler corpus``) read and
  hang-checked in under 2 s, the whole corpus in under 20 s (issue 20);
* every RUN line of mlir-aie's lit tests (tests/corpus/lit, ``npu-tiler corpus --lit``) compared in
  under 2 s (issue 20);
* a generated 1,000-line design parsed in under 2 s and read into a Design in under 2 s (the goal is
  1 s; the margin is for a busy 2-core machine);
* the hang check of the largest kept design in under 1 s.

The unit tests check what these runs answer (tests/test_real_designs.py, test_lit_checks.py,
test_read.py, test_mlir_dialect.py, test_hangs.py); the times are checked here, as the brief asks of
speed targets. The single-design figures are medians of ``--repeat`` runs after a warm-up run (the
first parse builds xDSL's dialect context).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the generated designs are the tests' (tests/builders.py)

import partitioner  # noqa: E402
from partitioner.emitters import DESIGNS_DIR  # noqa: E402
from partitioner.hangs import check as check_hangs  # noqa: E402
from partitioner.mlir.parse import parse_module  # noqa: E402
from reports import corpus, lit  # noqa: E402

from builders import generated_design, long_design  # noqa: E402

MODULE_LIMIT_S = 2.0  # issue 20: every corpus module answered in under 2 s
CORPUS_LIMIT_S = 20.0  # the whole npu-xrt corpus, read and checked
RUN_LINE_LIMIT_S = 2.0  # issue 20: every lit RUN line compared in under 2 s
LARGE_DESIGN_LIMIT_S = 2.0  # a 1,000-line design, parsed / read (goal 1 s)
HANG_CHECK_LIMIT_S = 1.0  # the hang check of the largest kept design


def _median(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up: dialect context, parameter files
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _row(what: str, seconds: float, limit: float) -> bool:
    ok = seconds < limit
    print(f"{what:84s} {seconds:7.3f} s   target < {limit:g} s   {'ok' if ok else 'MISSED'}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per single-design figure (median)")
    args = ap.parse_args()
    ok = []

    outcomes = corpus.run()
    slowest = max(outcomes, key=lambda o: o.seconds)
    ok.append(_row(f"slowest corpus module ({slowest.name})", slowest.seconds, MODULE_LIMIT_S))
    ok.append(_row(f"whole corpus ({len(outcomes)} modules)", sum(o.seconds for o in outcomes), CORPUS_LIMIT_S))

    runs = lit.run()
    slowest_run = max(runs, key=lambda r: r.seconds)
    ok.append(_row(f"slowest lit RUN line ({slowest_run.name})", slowest_run.seconds, RUN_LINE_LIMIT_S))

    text = generated_design(1000)
    ok.append(_row("parse a generated 1,000-line design (median)",
                   _median(lambda: parse_module(text, "big.mlir"), args.repeat), LARGE_DESIGN_LIMIT_S))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.mlir"
        path.write_text(long_design())
        ok.append(_row("read a 1,000-line design into a Design (median)",
                       _median(lambda: partitioner.read(path), args.repeat), LARGE_DESIGN_LIMIT_S))

    largest = max((p for p in DESIGNS_DIR.iterdir() if (p / "aie.mlir").is_file()),
                  key=lambda p: (p / "aie.mlir").stat().st_size)
    ok.append(_row(f"hang check of the largest kept design ({largest.name}, median)",
                   _median(lambda: check_hangs(largest), args.repeat), HANG_CHECK_LIMIT_S))
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
