"""The timing model: the dataflow engine run without data, in cycles, plus the host's per-call cost.

NPU calls run one after another (each waits for its outputs), and every call
starts from empty FIFOs, so one call's device time, from the discrete-event
schedule of :mod:`sim.dataflow`, holds for all:

    modelled seconds = calls x (per-call host overhead + device time of one call)

with calls = ceil(frames / batch). Parameters: sim/timing.toml.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from partitioner.check import Evaluation
from sim import dataflow
from sim.engine import Span
from partitioner.params import TimingParams


@dataclass(frozen=True)
class Timing:
    frames: int
    npu_calls: int
    device_seconds_per_call: float
    overhead_seconds_per_call: float
    modeled_seconds: float
    realtime_factor: float
    dma_bytes: int  # host <-> NPU bytes over all calls

    def as_dict(self) -> dict:
        return asdict(self)


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


def model(ev: Evaluation, frames: int, params: TimingParams, calls: int | None = None) -> Timing:
    """``frames`` in ``calls`` NPU calls (default: one utterance, ceil(frames / batch) calls)."""
    cycles = device_cycles_per_call(ev, params)
    calls = -(-frames // ev.design.batch) if calls is None else calls
    device_s = params.seconds(cycles)
    total = calls * (params.per_call_overhead_s + device_s)
    host_bytes = sum(b.nbytes for b in ev.design.sequence.buffers)
    return Timing(frames=frames, npu_calls=calls, device_seconds_per_call=device_s,
                  overhead_seconds_per_call=params.per_call_overhead_s, modeled_seconds=total,
                  realtime_factor=(frames * ev.spec.geometry.seconds_per_frame) / total if total else float("inf"),
                  dma_bytes=calls * host_bytes)


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
