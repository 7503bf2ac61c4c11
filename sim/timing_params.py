"""The timing model's parameters (sim/timing.toml), in one place, overridable per run."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from partitioner import params as params_mod

DEFAULT = Path(__file__).resolve().parent / "timing.toml"


@dataclass(frozen=True)
class TimingParams:
    per_call_overhead_s: float
    clock_hz: float
    dma_bytes_per_cycle: float
    shim_bytes_per_cycle: float
    bd_setup_cycles: float
    lock_cycles: float
    kernel_call_cycles: float
    kernel_cycles_fallback: dict[str, float] = field(default_factory=dict)
    kernel_cycles_scale: dict[str, float] = field(default_factory=dict)

    def seconds(self, cycles: float) -> float:
        return cycles / self.clock_hz


def load(override: str | Path | None = None) -> TimingParams:
    data = params_mod.read_toml(DEFAULT)
    if override is not None:
        data = params_mod.merged(data, params_mod.read_toml(Path(override)))
    h, d = data["host"], data["device"]
    return TimingParams(per_call_overhead_s=float(h["per_call_overhead_s"]), clock_hz=float(d["clock_hz"]),
                        dma_bytes_per_cycle=float(d["dma_bytes_per_cycle"]),
                        shim_bytes_per_cycle=float(d["shim_bytes_per_cycle"]),
                        bd_setup_cycles=float(d["bd_setup_cycles"]), lock_cycles=float(d["lock_cycles"]),
                        kernel_call_cycles=float(d["kernel_call_cycles"]),
                        kernel_cycles_fallback={k: float(v) for k, v in data.get("kernels", {}).items()},
                        kernel_cycles_scale={k: float(v) for k, v in data.get("kernel_scale", {}).items()})
