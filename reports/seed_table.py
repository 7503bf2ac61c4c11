"""The seed's configurations and the kept designs, modelled with one set of timing parameters.

The seed (shared/seeds/COMPILATION_SUCCESS_SUMMARY.md) published, for its
628,163-frame test audio (1 h 44 min): the single-frame design at 134 s, and
estimates for batch-10 (16-22 s, 6-8x), batch-20 (8-11 s, 12-17x) and
batch-100 (3-5 s, 27-45x). The table puts the model's figures next to them.
"""
from __future__ import annotations

from dataclasses import dataclass

from partitioner import params
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.emitters import CANONICAL
from partitioner.params import TimingParams
from sim import timing


@dataclass(frozen=True)
class Row:
    name: str
    fits: bool
    calls: int
    modeled_s: float
    speedup: float
    seed_says: str


def rows(timing_params: TimingParams) -> list[Row]:
    """The seed's rows and the kept designs, modelled for the seed's audio with ``timing_params``."""
    seed = params.seed()
    entries = [(r.name, Options(**r.options), r.published) for r in seed.rows]
    entries += [(f"mel {c.name}", c.options, "") for c in CANONICAL]
    out = []
    for name, options, seed_says in entries:
        ev = evaluate_options(options, suggest=False)
        t = timing.model(ev, seed.frames, timing_params)
        out.append(Row(name, ev.fits, t.npu_calls, t.modeled_seconds, seed.single_frame_seconds / t.modeled_seconds,
                       seed_says))
    return out


def render(rs: list[Row]) -> str:
    seed = params.seed()
    head = f"configuration ({seed.frames:,} frames)"
    lines = [f"{head:34s} {'fits':>5s} {'NPU calls':>10s} {'modelled':>10s} "
             f"{'vs ' + f'{seed.single_frame_seconds:g} s':>9s}  seed's figure"]
    for r in rs:
        lines.append(f"{r.name:34s} {('yes' if r.fits else 'NO'):>5s} {r.calls:>10,} {r.modeled_s:>9.1f}s "
                     f"{r.speedup:>8.1f}x  {r.seed_says}")
    lines.append("modelled: calls x (per-call overhead + one call's device time); mel kernel cycles from "
                 "kernel.toml (host instruction counts, unvalidated); see partitioner/params/timing.toml")
    return "\n".join(lines)
