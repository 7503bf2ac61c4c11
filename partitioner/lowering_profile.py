"""The mlir-aie version profile: lowering and allocation rules that changed between versions."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from partitioner import params
from partitioner.errors import UserError


@dataclass(frozen=True)
class LoweringProfile:
    name: str
    summary: str
    depth_one_single_buffer: bool
    compute_alignment: int
    mem_alignment: int
    static_data: str  # "above-buffers" | "reserved"
    bank_aware_straddle: bool
    shim_prod_lock_init: int
    default_stack_bytes: int


def available() -> list[str]:
    return sorted(params.load("lowering.toml")["profiles"])


@lru_cache(maxsize=None)
def load(name: str | None = None) -> LoweringProfile:
    data = params.load("lowering.toml")
    name = name or data["default"]
    profiles = data["profiles"]
    if name not in profiles:
        raise UserError(f"unknown mlir-aie profile {name!r}; choose one of {', '.join(sorted(profiles))}")
    p = profiles[name]
    return LoweringProfile(name=name, summary=p["summary"], depth_one_single_buffer=p["depth_one_single_buffer"],
                           compute_alignment=p["compute_alignment"], mem_alignment=p["mem_alignment"],
                           static_data=p["static_data"], bank_aware_straddle=p["bank_aware_straddle"],
                           shim_prod_lock_init=p["shim_prod_lock_init"],
                           default_stack_bytes=p["default_stack_bytes"])
