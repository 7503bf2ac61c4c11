"""Where the project's data lives: kernel sources, fixtures, caches."""
from __future__ import annotations

import os
from pathlib import Path

from kernels import kernel_dir  # noqa: F401  (re-exported: where sim finds kernel sources)

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"


def cache_dir() -> Path:
    """Per-user cache for host-built kernels; ``NPU_TILER_CACHE`` overrides it."""
    env = os.environ.get("NPU_TILER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "npu-tiler"
