"""Where the project's data lives: kernel sources, fixtures, caches."""
from __future__ import annotations

import os
from pathlib import Path

import kernels

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"


def kernel_dir(name: str) -> Path:
    """Folder of a kernel's C sources and kernel.toml (``kernels/<name>/``)."""
    return Path(kernels.__file__).resolve().parent / name


def cache_dir() -> Path:
    """Per-user cache for host-built kernels; ``NPU_TILER_CACHE`` overrides it."""
    env = os.environ.get("NPU_TILER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "npu-tiler"
