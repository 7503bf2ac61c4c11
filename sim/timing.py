"""The timing model: the dataflow engine run without data, in cycles, plus the host's per-call cost.

NPU calls run one after another (each waits for its outputs), and every call
starts from empty FIFOs, so one call's device time, from the discrete-event
schedule of :mod:`sim.dataflow`, holds for all:

    modelled seconds = calls x (per-call host overhead + device time of one call)

with calls = ceil(frames / batch). Parameters: partitioner/params/timing.toml.

Every modelled time is a band [low, high]: the kernel's cycles per frame are a band
(:meth:`partitioner.kernel_spec.KernelSpec.cycle_band`, priced by a cost profile of
partitioner/params/costs.toml), and the schedule is run once with each end. ``modeled_seconds``
is the high (conservative) end, which is what the design-space explorer ranks and the Pareto
front is built on; ``modeled_seconds_low`` is the optimistic end.
"""
from __future__ import annotations

import dataclasses
import numbers
from dataclasses import asdict, dataclass

from partitioner import kernel_spec
from partitioner.check import Evaluation
from partitioner.errors import UserError
from partitioner.kernel_spec import Band
from sim import dataflow
from sim.engine import Span
from partitioner.params import TimingParams

#: The end of the band a single modelled figure means (Pareto front, ranking, "modelled" columns).
RANKING_END = "high"


@dataclass(frozen=True)
class CostParams(TimingParams):
    """Timing parameters plus the kernel cost model's choice: the cost profile (a costs.toml name or
    a TOML file of its layout; None: costs.toml's default) and the end of its band (``"low"`` or
    ``"high"``) that a run of the schedule uses. :func:`with_cost` makes one from a TimingParams."""

    cost_profile: str | None = None
    band_end: str = RANKING_END


def with_cost(params: TimingParams, profile: str | None = None, end: str | None = None) -> CostParams:
    """``params`` with a cost profile and band end (keeping any already set when given None).

    Raises UserError for an unknown profile (naming the ones there are) or a bad end.
    """
    if end is not None and end not in ("low", "high"):
        raise ValueError(f"band end must be 'low' or 'high', not {end!r}")
    profile = profile if profile is not None else getattr(params, "cost_profile", None)
    kernel_spec.cost_profile(profile)  # an unknown profile fails here, with the names there are
    base = {f.name: getattr(params, f.name) for f in dataclasses.fields(TimingParams)}
    return CostParams(**base, cost_profile=profile, band_end=end or getattr(params, "band_end", RANKING_END))


def profile_of(params: TimingParams) -> kernel_spec.CostProfile:
    """The cost profile ``params`` select (costs.toml's default for plain TimingParams)."""
    return kernel_spec.cost_profile(getattr(params, "cost_profile", None))


@dataclass(frozen=True)
class Timing:
    frames: int
    npu_calls: int
    device_seconds_per_call: float  # the high end
    overhead_seconds_per_call: float
    modeled_seconds: float  # the high (conservative) end of the band: what rankings use
    realtime_factor: float  # at the high end
    dma_bytes: int  # host <-> NPU bytes over all calls
    modeled_seconds_low: float | None = None  # the optimistic end (None: same as modeled_seconds)
    device_seconds_per_call_low: float | None = None
    cost_profile: str = ""  # the profile's label, e.g. "scalar" or "aie2-vector (projected)"
    projected: bool = False  # True when the kernel's cycles are a projection, not counted

    @property
    def modeled_seconds_high(self) -> float:
        """The high (conservative) end: the same as ``modeled_seconds``."""
        return self.modeled_seconds

    @property
    def band(self) -> Band:
        """(low, high) modelled seconds."""
        low = self.modeled_seconds if self.modeled_seconds_low is None else self.modeled_seconds_low
        return Band(low, self.modeled_seconds)

    def band_text(self, digits: int = 1) -> str:
        """The modelled seconds as text: ``"13.7-78.1 s"`` (one figure when the ends agree)."""
        return format_band(self.band, digits)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["modeled_seconds_low"] = self.band.low
        d["modeled_seconds_high"] = self.modeled_seconds
        return d


def format_band(band: Band, digits: int = 1, unit: str = " s") -> str:
    """``"low-high unit"``, or one figure when the ends round alike."""
    lo, hi = f"{band.low:,.{digits}f}", f"{band.high:,.{digits}f}"
    return f"{hi}{unit}" if lo == hi else f"{lo}-{hi}{unit}"


SAMPLE_OBJECTS = 6  # objects per transfer in each of the two sampled calls


def device_cycles_per_call(ev: Evaluation, params: TimingParams, trace: list[Span] | None = None,
                           exact: bool = False) -> float:
    """Device time of one call, in cycles.

    A call that moves n objects per transfer settles into a periodic schedule
    after its first few objects, so for n > 2 x SAMPLE_OBJECTS the time is
    taken from two sampled calls of k and 2k objects: T(n) = T(k) + (n - k)
    (T(2k) - T(k)) / k. ``exact`` (and any trace) runs the whole call.
    """
    net = dataflow.build(ev, params, execute=False, trace=trace)
    n = dataflow.objects_per_call(net)
    k = SAMPLE_OBJECTS
    if exact or trace is not None or n is None or n <= 2 * k:
        return dataflow.run_call(net, None)[1]
    t_k = dataflow.run_call(net, None, objects=k)[1]
    t_2k = dataflow.run_call(net, None, objects=2 * k)[1]
    return t_k + (n - k) * (t_2k - t_k) / k


def _band_degenerate(ev: Evaluation, profile: str | None) -> bool:
    """True when every entry the design's workers call has one figure for cycles (low = high), so the
    schedule need not run twice."""
    for entry in {w.entry for w in ev.design.workers}:
        band = ev.spec.cycle_band(entry, profile)
        if band is not None and band.low != band.high:
            return False
    return True


# The most frames (and NPU calls) the model takes: its times are float64, and IEEE 754 binary64 holds every
# whole number up to 2**53 exactly (53-bit significand); beyond it a frame count, its calls and the seconds
# from them are rounded. 2**53 frames of 10 ms are 2.9 million years of audio: a larger count is a mistake.
MAX_FRAMES = 2**53


def check_count(name: str, value, unit: str, low: int = 1, high: int = MAX_FRAMES) -> int:
    """``value`` as an int if it is a whole number (never a bool or a float) from ``low`` to ``high``;
    else UserError naming ``name``, the value and what is allowed. The timing model's one check of its
    counts (:func:`model`; ``sim.model_time`` and ``sim.simulate`` reach it).

    Examples
    --------
    >>> from sim.timing import check_count
    >>> check_count("frames", 10, "frames")
    10
    >>> check_count("frames", 1.5, "frames")
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: frames must be a whole number of frames (int) from 1 to 9,007,199,254,740,992, not 1.5 (float)
    """
    allowed = f"a whole number of {unit} (int) from {low:,} to {high:,}"
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        why = ": a bool is not a count" if isinstance(value, bool) else ""
        raise UserError(f"{name} must be {allowed}, not {value!r} ({type(value).__name__}){why}")
    if not low <= value <= high:
        why = " (no audio: an empty item or list has no frames)" if name == "frames" and value == 0 else ""
        raise UserError(f"{name} must be {allowed}, not {int(value):,}{why}")
    return int(value)


def model(ev: Evaluation, frames: int, params: TimingParams, calls: int | None = None) -> Timing:
    """``frames`` in ``calls`` NPU calls (default: one utterance, ceil(frames / batch) calls), as a band.

    The schedule runs with the kernel's cycles at each end of its band under ``params``' cost profile
    (:class:`CostParams`; costs.toml's default for plain TimingParams); ``modeled_seconds`` is the high end.

    Raises UserError when ``frames`` is not a whole number from 1 to :data:`MAX_FRAMES`, or ``calls``
    not one from ceil(frames / batch) (a call moves at most a batch) to ``frames`` (a call moves at least
    one frame).
    """
    frames = check_count("frames", frames, "frames")
    if calls is not None:
        calls = check_count("calls", calls, "NPU calls", -(-frames // max(1, ev.design.batch)), frames)
    profile = getattr(params, "cost_profile", None)
    prof = kernel_spec.cost_profile(profile)
    hi = with_cost(params, profile, "high")
    cycles = device_cycles_per_call(ev, hi)
    cycles_lo = cycles if _band_degenerate(ev, profile) else device_cycles_per_call(ev, with_cost(params, profile, "low"))
    calls = -(-frames // ev.design.batch) if calls is None else calls
    device_s, device_lo = params.seconds(cycles), params.seconds(min(cycles_lo, cycles))
    total = calls * (params.per_call_overhead_s + device_s)
    total_lo = calls * (params.per_call_overhead_s + device_lo)
    host_bytes = sum(b.nbytes for b in ev.design.sequence.buffers)
    return Timing(frames=frames, npu_calls=calls, device_seconds_per_call=device_s,
                  overhead_seconds_per_call=params.per_call_overhead_s, modeled_seconds=total,
                  realtime_factor=(frames * ev.spec.geometry.seconds_per_frame) / total if total else float("inf"),
                  dma_bytes=calls * host_bytes, modeled_seconds_low=total_lo, device_seconds_per_call_low=device_lo,
                  cost_profile=prof.label, projected=prof.projected)


def model_profiles(ev: Evaluation, frames: int, params: TimingParams, profiles: tuple[str, ...] | None = None,
                   calls: int | None = None) -> dict[str, Timing]:
    """:func:`model` under several cost profiles (default: every profile of costs.toml, default first),
    by profile name: what the report shows side by side."""
    names = profiles or kernel_spec.profile_names()
    return {n: model(ev, frames, with_cost(params, n), calls=calls) for n in names}


def band_line(ev: Evaluation, frames: int, params: TimingParams) -> str:
    """One line per cost profile of costs.toml (the selected one first) with the modelled time of
    ``frames`` as a band, for ``npu-tiler partition``; the selected profile is the one ranked."""
    selected = getattr(params, "cost_profile", None)
    sel = kernel_spec.cost_profile(selected)
    names = [selected if selected is not None else sel.name]
    names += [n for n in kernel_spec.profile_names() if n != sel.name and n not in names]
    lines = []
    for n in names:
        t = model(ev, frames, with_cost(params, n))
        tag = "  (a projection, not a measurement)" if t.projected else ""
        lines.append(f"modelled time, {frames:,} frames in {t.npu_calls:,} calls, {t.cost_profile}: "
                     f"{t.band_text()} [low-high]{tag}")
    lines.append(f"(the {RANKING_END} end is the one the design-space explorer ranks; "
                 f"cost profiles: partitioner/params/costs.toml)")
    return "\n".join(lines)


def chrome_trace(ev: Evaluation, params: TimingParams) -> dict:
    """One NPU call's modelled schedule as a Chrome/Perfetto trace: one track per tile and DMA channel."""
    spans: list[Span] = []
    cycles = device_cycles_per_call(ev, params, trace=spans)
    overhead_us = params.per_call_overhead_s * 1e6
    us = 1e6 / params.clock_hz
    tracks = ["host"] + sorted({s.track for s in spans}, key=lambda t: (not t.startswith("shim"), t))
    tid = {t: i for i, t in enumerate(tracks)}
    events = [{"name": "thread_name", "ph": "M", "pid": 0, "tid": tid[t], "args": {"name": t}} for t in tracks]
    events.append({"name": "process_name", "ph": "M", "pid": 0, "args": {"name": f"{ev.design.name} (modelled)"}})
    events.append({"name": "NPU call overhead", "ph": "X", "pid": 0, "tid": 0, "ts": 0.0, "dur": overhead_us})
    for s in spans:
        events.append({"name": s.label, "ph": "X", "pid": 0, "tid": tid[s.track],
                       "ts": overhead_us + s.start * us, "dur": (s.end - s.start) * us})
    return {"traceEvents": events, "displayTimeUnit": "ms",
            "otherData": {"design": ev.design.name, "device_cycles_per_call": cycles,
                          "note": "modelled by npu-tiler's timing model, not measured"}}
