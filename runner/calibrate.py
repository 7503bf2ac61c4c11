"""Calibration: fit the timing model's parameters to measured runs by least squares.

Fitted: the per-call host overhead, the DMA bandwidth (bytes per cycle, the
shim's taken equal), and a scale on each kernel's cycles per frame (for
kernels whose spec gives cycles). The model is the simulator's own timing
model: for every run, predicted seconds per call = overhead + one call's
device time, from the discrete-event schedule of that run's design. The
residuals are relative ((model - median measured) / median measured), so
designs of every speed weigh alike. The result is a TOML in the layout of
sim/timing.toml, for `--params` of simulate, explore and run.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.errors import UserError
from runner.results import RunRecord
from sim import timing
from partitioner.params import TimingParams


@dataclass
class Fit:
    params: TimingParams
    names: list[str]
    values: list[float]
    before: dict[str, float]  # design -> model error (%) with the starting parameters
    after: dict[str, float]
    runs: int


def _apply(base: TimingParams, names: list[str], x: np.ndarray) -> TimingParams:
    p = base
    scales = dict(base.kernel_cycles_scale)
    for name, v in zip(names, x):
        if name == "per_call_overhead_s":
            p = dataclasses.replace(p, per_call_overhead_s=float(v))
        elif name == "dma_bytes_per_cycle":
            p = dataclasses.replace(p, dma_bytes_per_cycle=float(v), shim_bytes_per_cycle=float(v))
        else:
            scales[name.removeprefix("kernel_scale.")] = float(v)
    return dataclasses.replace(p, kernel_cycles_scale=scales)


def _errors(evs: dict, measured: dict, params: TimingParams) -> dict[str, float]:
    out = {}
    for design, ev in evs.items():
        model = params.per_call_overhead_s + params.seconds(timing.device_cycles_per_call(ev, params))
        out[design] = 100.0 * (model - measured[design]) / measured[design]
    return out


def fit(runs: list[RunRecord], base: TimingParams) -> Fit:
    from scipy.optimize import least_squares

    if not runs:
        raise UserError("no runs to calibrate from: run designs with `npu-tiler run` first (or pick --backend)")
    by_design: dict[str, list[float]] = {}
    options: dict[str, dict] = {}
    for r in runs:
        by_design.setdefault(r.design, []).extend(r.times)
        options[r.design] = r.options
    evs = {d: evaluate_options(Options(**o), suggest=False) for d, o in options.items()}
    measured = {d: float(np.median(t)) for d, t in by_design.items()}
    kernels = sorted({ev.spec.name for ev in evs.values() if ev.spec.cycles_per_frame(next(iter(ev.spec.entries)))
                      is not None})
    names = ["per_call_overhead_s", "dma_bytes_per_cycle", *(f"kernel_scale.{k}" for k in kernels)]
    if len(evs) < len(names):
        raise UserError(f"{len(evs)} designs measured, {len(names)} parameters to fit: run at least "
                        f"{len(names)} different designs")
    x0 = np.array([base.per_call_overhead_s, base.dma_bytes_per_cycle,
                   *(base.kernel_cycles_scale.get(k, 1.0) for k in kernels)])
    scale = x0.copy()

    def residuals(z: np.ndarray) -> np.ndarray:
        p = _apply(base, names, z * scale)
        return np.array(list(_errors(evs, measured, p).values())) / 100.0

    sol = least_squares(residuals, np.ones_like(x0), bounds=(1e-3, 1e3), x_scale="jac")
    values = list(sol.x * scale)
    fitted = _apply(base, names, np.array(values))
    return Fit(fitted, names, values, _errors(evs, measured, base), _errors(evs, measured, fitted),
               runs=len(runs))


def write_toml(path: Path, f: Fit, note: str) -> None:
    p = f.params
    lines = [f"# Calibrated timing parameters: {note}",
             f"# Fitted by `npu-tiler calibrate` from {f.runs} runs; use with --params {path.name}.",
             "", "[host]", f"per_call_overhead_s = {p.per_call_overhead_s:.9g}", "", "[device]",
             f"dma_bytes_per_cycle = {p.dma_bytes_per_cycle:.9g}", f"shim_bytes_per_cycle = {p.shim_bytes_per_cycle:.9g}",
             "", "[kernel_scale]"]
    lines += [f"{k} = {v:.9g}" for k, v in sorted(p.kernel_cycles_scale.items())]
    path.write_text("\n".join(lines) + "\n")
