"""The seed's configurations and the kept designs, modelled with one set of timing parameters.

The seed (shared/seeds/COMPILATION_SUCCESS_SUMMARY.md) published, for its
628,163-frame test audio (1 h 44 min): the single-frame design at 134 s, and
estimates for batch-10 (16-22 s, 6-8x), batch-20 (8-11 s, 12-17x) and
batch-100 (3-5 s, 27-45x). The table puts the model's figures next to them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from partitioner import kernel_spec
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
    modeled_s: float  # the selected profile's high (conservative) end
    speedup: float  # the seed's single-frame time / modeled_s
    seed_says: str
    modeled_low_s: float | None = None  # the selected profile's low end
    profile: str = ""  # the selected profile's label
    # every profile's band by name: {"scalar": [low, high], "aie2-vector": [low, high]} (seconds)
    bands: dict[str, list[float]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # profile name -> label ("aie2-vector (projected)")
    projected: dict[str, bool] = field(default_factory=dict)  # profile name -> a projection, not counted


def rows(timing_params: TimingParams, profiles: tuple[str, ...] | None = None) -> list[Row]:
    """The seed's rows and the kept designs, modelled for the seed's audio with ``timing_params``, each
    as a band under every cost profile (default: the one ``timing_params`` selects, then the others
    of costs.toml); ``modeled_s`` and ``speedup`` are the selected profile's high end."""
    seed = params.seed()
    selected = timing.profile_of(timing_params)
    names = profiles or (selected.name, *(n for n in kernel_spec.profile_names() if n != selected.name))
    chosen = getattr(timing_params, "cost_profile", None)
    entries = [(r.name, Options(**r.options), r.published) for r in seed.rows]
    entries += [(f"mel {c.name}", c.options, "") for c in CANONICAL]
    out = []
    for name, options, seed_says in entries:
        ev = evaluate_options(options, suggest=False)
        ts = {n: timing.model(ev, seed.frames, timing.with_cost(timing_params, chosen if n == selected.name else n))
              for n in names}
        t = ts[names[0]]
        out.append(Row(name, ev.fits, t.npu_calls, t.modeled_seconds, seed.single_frame_seconds / t.modeled_seconds,
                       seed_says, modeled_low_s=t.band.low, profile=t.cost_profile,
                       bands={n: [x.band.low, x.band.high] for n, x in ts.items()},
                       labels={n: x.cost_profile for n, x in ts.items()},
                       projected={n: x.projected for n, x in ts.items()}))
    return out


def _band(b: list[float]) -> str:
    return timing.format_band(kernel_spec.Band(*b))


def render(rs: list[Row]) -> str:
    """The table as text: every profile's modelled time as a band [low-high], the speed-up of the first
    profile's band, the seed's own figure last."""
    seed = params.seed()
    names = list(rs[0].bands) if rs else []
    labels = [rs[0].labels.get(n, n) for n in names]
    width = [max(len(label), *(len(_band(r.bands[n])) for r in rs)) for label, n in zip(labels, names)]
    head = f"configuration ({seed.frames:,} frames)"
    unit = f"vs {seed.single_frame_seconds:g} s"
    lines = [f"{head:34s} {'fits':>5s} {'NPU calls':>10s}  " + "  ".join(f"{lab:>{w}s}" for lab, w in zip(labels, width))
             + f"  {unit:>13s}  seed's figure"]
    for r in rs:
        lo = seed.single_frame_seconds / r.modeled_s
        hi = seed.single_frame_seconds / (r.modeled_low_s or r.modeled_s)
        speed = f"{lo:.1f}x" if f"{lo:.1f}" == f"{hi:.1f}" else f"{lo:.1f}-{hi:.1f}x"
        lines.append(f"{r.name:34s} {('yes' if r.fits else 'NO'):>5s} {r.calls:>10,}  "
                     + "  ".join(f"{_band(r.bands[n]):>{w}s}" for n, w in zip(names, width))
                     + f"  {speed:>13s}  {r.seed_says}".rstrip())
    projected = [lab for n, lab in zip(names, labels) if rs[0].projected.get(n)]
    lines.append(f"modelled: calls x (per-call overhead + one call's device time), each a band [low-high] of "
                 f"the kernel's cycles per frame; {labels[0] if labels else ''} first, its high (conservative) end "
                 f"gives the speed-up's first figure and is what the design-space explorer ranks")
    if projected:
        lines.append(f"{', '.join(projected)}: a projection of a vector kernel that does not exist (published "
                     f"AIE-ML throughput), not a measurement; the simulator runs the same scalar C")
    lines.append("cycle model: per-stage operation counts (kernel.toml) x per-class costs "
                 "(partitioner/params/costs.toml); timing parameters: partitioner/params/timing.toml")
    return "\n".join(lines)
