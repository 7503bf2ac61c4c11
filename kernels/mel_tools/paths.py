"""Where the kernel tooling's data lives: the test audio (fixtures) and the per-user cache.

The cache (host-built kernels, ``host/``; the explore points, ``explore.sqlite``) is
``$NPU_TILER_CACHE``, else ``$XDG_CACHE_HOME/npu-tiler``, else ``~/.cache/npu-tiler``;
every process of the user shares it. :func:`cache_hint` says how to move it when it
cannot be written (a read-only home, a full disk).
"""
from __future__ import annotations

import os
from pathlib import Path

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures"
#: The environment variable that moves the cache.
CACHE_ENV = "NPU_TILER_CACHE"


def cache_dir() -> Path:
    """Per-user cache for host-built kernels and explore points; ``NPU_TILER_CACHE`` overrides it."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "npu-tiler"


def cache_hint(path: str | os.PathLike | None) -> str | None:
    """How to move the cache, when ``path`` (a path an OSError names) is the cache folder, lies in it or
    is one of the folders it would be made in (``~/.cache`` on a read-only home); else None.

    >>> import os
    >>> os.environ["NPU_TILER_CACHE"] = "/ro/home/.cache/npu-tiler"
    >>> cache_hint("/ro/home/.cache")
    'it is where npu-tiler keeps its cache (/ro/home/.cache/npu-tiler): set NPU_TILER_CACHE to a writable folder'
    >>> cache_hint("/elsewhere/out.npy") is None
    True
    >>> del os.environ["NPU_TILER_CACHE"]
    """
    if path is None:
        return None
    cache, p = Path(os.path.abspath(cache_dir())), Path(os.path.abspath(path))
    if p == cache or p in cache.parents or cache in p.parents:
        return f"it is where npu-tiler keeps its cache ({cache}): set {CACHE_ENV} to a writable folder"
    return None
