"""Calibration: fit the timing model's parameters to measured runs by least squares.

Fitted: the per-call host overhead, the DMA bandwidth (bytes per cycle, the
shim's taken equal), and a scale on each kernel's cycles per frame (for
kernels whose spec gives cycles). The model is the simulator's own timing
model: for every run, predicted seconds per call = overhead + one call's
device time, from the discrete-event schedule of that run's design. The
residuals are relative ((model - median measured) / median measured), so
designs of every speed weigh alike. The result is a TOML in the layout of
sim/timing.toml, for `--params` of simulate, explore and run.

Per-class costs (:func:`fit_class_costs`): when there are hardware runs (timing "measured") of
kernels with per-stage operation counts, the cost of each operation class (mul, alu, load, store,
branch, call: cycles per operation) is fitted too, with the overhead and DMA bandwidth, to the same
per-call times; the kernel's cycles per frame are then the counted operations times these costs (a
"calibrated" cost profile: one figure, no band, which replaces kernel_scale). It is written beside
the calibration TOML as ``<name>.costs.toml``, for ``--cost-profile``.

What runs can determine: the per-call times of a design depend on the classes only through the
operation mix of the entry points it calls. The mel designs call three mixes (fused, spectrum,
log-mel), so alone they fix at most three combinations of the six costs; the other directions stay
at the prior (the geometric middle of the scalar profile's band for each class, held by a weak
penalty), and the fit says which classes the runs determined. Runs of kernels with other mixes (e.g.
micro-benchmark kernels) determine the rest.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import least_squares

from partitioner import kernel_spec
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.errors import UserError
from partitioner.kernel_spec import OP_CLASSES, CostProfile
from partitioner.params import TimingParams
from partitioner import safe_write
from runner.results import RunRecord
from sim import timing


@dataclass
class ClassFit:
    """Per-class costs fitted to runs (with the overhead and DMA bandwidth fitted alongside)."""

    costs: dict[str, float]  # cycles per operation, by class
    determined: dict[str, bool]  # class -> whether the runs determine it (else it stays near the prior)
    prior: dict[str, float]
    per_call_overhead_s: float
    dma_bytes_per_cycle: float
    before: dict[str, float]  # design -> model error (%) with the starting parameters and profile
    after: dict[str, float]
    rank: int  # independent combinations of the class costs the runs determine
    runs: int
    kernels: list[str]

    def profile(self) -> CostProfile:
        """The fitted costs as a calibrated cost profile (in memory)."""
        return calibrated_profile(self.costs, f"calibrated ({self.runs} runs of {', '.join(self.kernels)})")


@dataclass
class Fit:
    params: TimingParams
    names: list[str]
    values: list[float]
    before: dict[str, float]  # design -> model error (%) with the starting parameters
    after: dict[str, float]
    runs: int
    classes: ClassFit | None = None  # per-class costs, when there were hardware runs to fit them to


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
    """Fit the overhead, DMA bandwidth and kernel scales to ``runs``; with hardware runs (timing
    "measured") of kernels that have operation counts, also the per-class costs (:func:`fit_class_costs`),
    whose values join ``names``/``values`` as ``cost.<class>``.

    Raises UserError when there are no runs (none from hardware: the default backend is xrt).
    """
    if not runs:
        raise UserError("no runs to calibrate from: there are no hardware runs in the results database (run "
                        "designs with `npu-tiler run --backend xrt` on an NPU first, or pick --backend)")
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
    result = Fit(fitted, names, values, _errors(evs, measured, base), _errors(evs, measured, fitted),
                 runs=len(runs))
    hardware = [r for r in runs if r.timing == "measured"]
    if hardware and any(ev.spec.has_stage_model for ev in evs.values()):
        cf = fit_class_costs(hardware, base)
        result.classes = cf
        result.names += [f"{CLASS_PREFIX}{c}" for c in OP_CLASSES]
        result.values += [cf.costs[c] for c in OP_CLASSES]
    return result


# -- per-class costs ----------------------------------------------------------------------------------------

CLASS_PREFIX = "cost."
#: Weight of the prior (log cost - log prior) against the relative per-call errors: weak, so that
#: whatever the runs determine comes from the runs.
PRIOR_WEIGHT = 1e-3


def calibrated_profile(costs: dict[str, float], label: str = "calibrated") -> CostProfile:
    """A calibrated cost profile (one figure per class: the band collapses) from cycles per class."""
    return CostProfile(name="calibrated", label=label, kind="calibrated",
                       summary="per-class cycles fitted to runs by npu-tiler calibrate",
                       costs={c: float(costs[c]) for c in OP_CLASSES},
                       sources={f"costs.{c}": "fitted by npu-tiler calibrate" for c in OP_CLASSES})


def prior_costs(profile: str | None = None) -> dict[str, float]:
    """The prior of each class's cost: the geometric middle of what one operation costs at the two ends
    of a counted profile (costs.toml's scalar: its share of its slots at the low end, its high cycles)."""
    p = kernel_spec.cost_profile(profile)
    if p.kind != "counted":
        p = kernel_spec.load_costs(None).profile("scalar")
    low = {c: min((1.0 / per for classes, per in p.slots if c in classes), default=1.0) for c in OP_CLASSES}
    return {c: float(np.sqrt(low[c] * p.high[c])) for c in OP_CLASSES}


def _designs(runs: list[RunRecord]) -> tuple[dict, dict[str, float]]:
    by_design: dict[str, list[float]] = {}
    options: dict[str, dict] = {}
    for r in runs:
        by_design.setdefault(r.design, []).extend(r.times)
        options[r.design] = r.options
    evs = {d: evaluate_options(Options(**o), suggest=False) for d, o in options.items()}
    return evs, {d: float(np.median(t)) for d, t in by_design.items()}


def fit_class_costs(runs: list[RunRecord], base: TimingParams, prior: dict[str, float] | None = None,
                    prior_weight: float = PRIOR_WEIGHT) -> ClassFit:
    """Fit the per-call overhead, the DMA bandwidth and the cycles of each operation class to ``runs``.

    The model is the timing model with a calibrated cost profile: kernel cycles per frame = the
    entry's counted operations (kernel.toml [measured.ops_per_frame]) times the class costs. Least
    squares in log space on the relative per-call errors, plus ``prior_weight`` x (log cost - log
    prior) per class, which holds only what the runs leave free. ``determined`` says, per class,
    whether the runs fix it (its direction lies in the span of the error's sensitivities).

    Raises UserError when there are no runs or none of a kernel with operation counts.
    """
    if not runs:
        raise UserError("no runs to fit the per-class costs to: no hardware runs (`npu-tiler run --backend xrt`)")
    evs, measured = _designs(runs)
    kernels = sorted({ev.spec.name for ev in evs.values() if ev.spec.has_stage_model})
    if not kernels:
        raise UserError("none of the runs is of a kernel with per-stage operation counts (kernel.toml "
                        "[measured.ops_per_frame]): nothing to fit the per-class costs to")
    prior = prior or prior_costs(getattr(base, "cost_profile", None))
    start_profile = timing.profile_of(base)
    z0 = np.log([base.per_call_overhead_s, base.dma_bytes_per_cycle, *(prior[c] for c in OP_CLASSES)])
    designs = list(evs)

    def params_at(z: np.ndarray) -> TimingParams:
        costs = dict(zip(OP_CLASSES, np.exp(z[2:])))
        p = dataclasses.replace(base, per_call_overhead_s=float(np.exp(z[0])), dma_bytes_per_cycle=float(np.exp(z[1])),
                                shim_bytes_per_cycle=float(np.exp(z[1])))
        return timing.with_cost(p, calibrated_profile(costs))

    def errors(p: TimingParams) -> np.ndarray:
        return np.array([(p.per_call_overhead_s + p.seconds(timing.device_cycles_per_call(evs[d], p))
                          - measured[d]) / measured[d] for d in designs])

    def residuals(z: np.ndarray) -> np.ndarray:
        return np.concatenate([errors(params_at(z)), np.sqrt(prior_weight) * (z[2:] - z0[2:])])

    sol = least_squares(residuals, z0, x_scale=1.0, diff_step=1e-4, xtol=1e-10, ftol=1e-10, gtol=1e-10)
    fitted = params_at(sol.x)
    # Identifiability: the sensitivities of the data residuals to the log class costs.
    jac = sol.jac[:len(designs), 2:]
    _, sv, vt = np.linalg.svd(jac, full_matrices=False)
    keep = sv > 1e-3 * (sv.max() if sv.size else 1.0)
    basis = vt[keep]
    determined = {c: bool(np.sum(basis[:, i] ** 2) > 0.99) for i, c in enumerate(OP_CLASSES)}
    start = timing.with_cost(base, start_profile)
    return ClassFit(costs=dict(zip(OP_CLASSES, (float(v) for v in np.exp(sol.x[2:])))), determined=determined,
                    prior=prior, per_call_overhead_s=fitted.per_call_overhead_s,
                    dma_bytes_per_cycle=fitted.dma_bytes_per_cycle,
                    before={d: 100.0 * e for d, e in zip(designs, errors(start))},
                    after={d: 100.0 * e for d, e in zip(designs, errors(fitted))},
                    rank=int(keep.sum()), runs=len(runs), kernels=kernels)


def write_costs_toml(path: Path, cf: ClassFit, note: str) -> None:
    """The fitted per-class costs as a cost-profile file (the layout of partitioner/params/costs.toml)."""
    lines = [f"# Calibrated per-class costs: {note}", safe_write.comment_line(),  # signed: a re-run may replace it
             f"# Fitted by `npu-tiler calibrate` from {cf.runs} hardware runs of {', '.join(cf.kernels)}; use with",
             f"# --cost-profile {path.name}. The runs determine {cf.rank} combination(s) of the six costs;",
             "# classes marked 'prior' were not determined by them and stay near the scalar profile's middle.",
             "", 'default = "calibrated"', "", "[profiles.calibrated]",
             f'label = "calibrated ({cf.runs} runs)"', 'kind = "calibrated"',
             'summary = "per-class cycles fitted to hardware runs by npu-tiler calibrate"', "",
             "[profiles.calibrated.costs]"]
    for c in OP_CLASSES:
        how = "determined by the runs" if cf.determined[c] else f"prior {cf.prior[c]:.4g}: not determined by the runs"
        lines.append(f'{c} = {{cycles = {cf.costs[c]:.6g}, source = "npu-tiler calibrate: {how}"}}')
    safe_write.write_text(path, "\n".join(lines) + "\n")


def costs_path(path: Path) -> Path:
    """Where the per-class costs go beside a calibration TOML: ``<stem>.costs.toml``."""
    return path.with_name(path.stem + ".costs.toml")


def write_toml(path: Path, f: Fit, note: str) -> None:
    """The calibration TOML (timing.toml's layout, for --params); with per-class costs also
    ``<stem>.costs.toml`` (costs.toml's layout, for --cost-profile)."""
    p = f.params
    lines = [f"# Calibrated timing parameters: {note}", safe_write.comment_line(),  # signed: a re-run may replace it
             f"# Fitted by `npu-tiler calibrate` from {f.runs} runs; use with --params {path.name}."]
    if f.classes is not None:
        lines += [f"# Per-class kernel costs: {costs_path(path).name}, use with --cost-profile {costs_path(path).name}",
                  "# (a calibrated profile ignores [kernel_scale]: its costs already are the calibration)."]
    lines += ["", "[host]", f"per_call_overhead_s = {p.per_call_overhead_s:.9g}", "", "[device]",
              f"dma_bytes_per_cycle = {p.dma_bytes_per_cycle:.9g}", f"shim_bytes_per_cycle = {p.shim_bytes_per_cycle:.9g}",
              "", "[kernel_scale]"]
    lines += [f"{k} = {v:.9g}" for k, v in sorted(p.kernel_cycles_scale.items())]
    safe_write.write_text(path, "\n".join(lines) + "\n")
    if f.classes is not None:
        write_costs_toml(costs_path(path), f.classes, note)
