"""Where the kernel tooling's data lives: the test audio (fixtures) and the host-build cache."""
from __future__ import annotations

import os
from pathlib import Path

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"


def cache_dir() -> Path:
    """Per-user cache for host-built kernels; ``NPU_TILER_CACHE`` overrides it."""
    env = os.environ.get("NPU_TILER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "npu-tiler"
