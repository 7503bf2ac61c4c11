"""The seed's configurations and the kept designs, modelled with one set of timing parameters.

The seed (shared/seeds/COMPILATION_SUCCESS_SUMMARY.md) published, for its
628,163-frame test audio (1 h 44 min): the single-frame design at 134 s, and
estimates for batch-10 (16-22 s, 6-8x), batch-20 (8-11 s, 12-17x) and
batch-100 (3-5 s, 27-45x). The table puts the model's figures next to them.
"""
from __future__ import annotations

from dataclasses import dataclass

from partitioner.check import evaluate_options
from partitioner.design import Options
from sim import timing
from sim.timing_params import TimingParams

SEED_FRAMES = 628_163
SEED_SINGLE_FRAME_S = 134.0

SEED_ROWS = (
    ("seed single-frame", Options(kernel="seed-mel", strategy="single", batch=1, tiles=1), "134 s (measured, 1x)"),
    ("seed batch-10", Options(kernel="seed-mel", strategy="single", batch=10, tiles=1), "16-22 s, 6-8x"),
    ("seed batch-20", Options(kernel="seed-mel", strategy="single", batch=20, tiles=1), "8-11 s, 12-17x"),
    ("seed batch-100, 1 tile", Options(kernel="seed-mel", strategy="single", batch=100, tiles=1, depth=2),
     "3-5 s, 27-45x (never built)"),
    ("seed batch-100, split 4", Options(kernel="seed-mel", strategy="split", batch=100, tiles=4), "3-5 s, 27-45x"),
)


@dataclass(frozen=True)
class Row:
    name: str
    fits: bool
    calls: int
    modeled_s: float
    speedup: float
    seed_says: str


def rows(params: TimingParams) -> list[Row]:
    from partitioner.emit import CANONICAL

    out = []
    entries = list(SEED_ROWS) + [(f"mel {c.name}", c.options, "") for c in CANONICAL]
    for name, options, seed_says in entries:
        ev = evaluate_options(options, suggest=False)
        t = timing.model(ev, SEED_FRAMES, params)
        out.append(Row(name, ev.fits, t.npu_calls, t.modeled_seconds, SEED_SINGLE_FRAME_S / t.modeled_seconds,
                       seed_says))
    return out


def render(rs: list[Row]) -> str:
    lines = [f"{'configuration (628,163 frames)':34s} {'fits':>5s} {'NPU calls':>10s} {'modelled':>10s} "
             f"{'vs 134 s':>9s}  seed's figure"]
    for r in rs:
        lines.append(f"{r.name:34s} {('yes' if r.fits else 'NO'):>5s} {r.calls:>10,} {r.modeled_s:>9.1f}s "
                     f"{r.speedup:>8.1f}x  {r.seed_says}")
    lines.append("modelled: calls x (per-call overhead + one call's device time); mel kernel cycles from "
                 "kernel.toml (host instruction counts, unvalidated); see sim/timing.toml")
    return "\n".join(lines)
