"""C kernels, one folder each, shipped as package data (sources, kernel.toml).

The bottom of the dependency order: every other package may read this one,
this one imports none of them. Its subpackage :mod:`kernels.mel_tools` (the
mel kernel's host tooling, which regenerates files here) is the exception:
it reads kernel.toml through ``partitioner`` and ranks above it; nothing in
this module imports it.

Where kernels are found: the folders named in the environment variable
``NPU_TILER_KERNELS`` (``os.pathsep``-separated, searched in that order),
then the built-in folder (:data:`KERNELS_ROOT`). A kernel ``<name>`` is the
first ``<root>/<name>/`` holding a ``kernel.toml``, so a kernel kept outside
the package needs no change to the project to be partitioned and simulated,
and an extra root may shadow a built-in kernel of the same name.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

KERNELS_ROOT = Path(__file__).resolve().parent
KERNELS_ENV = "NPU_TILER_KERNELS"


def kernel_roots() -> list[Path]:
    """Folders searched for kernels, first match wins: ``$NPU_TILER_KERNELS``, then the built-in one.

    Read on every call (not at import), so a test or a notebook can set the
    variable after the package is imported.
    """
    extra = os.environ.get(KERNELS_ENV, "")
    return [Path(p).expanduser() for p in extra.split(os.pathsep) if p] + [KERNELS_ROOT]


def kernel_dir(name: str) -> Path:
    """Folder of a kernel's C sources and kernel.toml (``<root>/<name>/``).

    The first root holding ``<name>/kernel.toml``; the built-in folder when
    no root does (so the caller's "not found" message names where it looked last).
    """
    for root in kernel_roots():
        if (root / name / "kernel.toml").is_file():
            return root / name
    return KERNELS_ROOT / name


def available() -> list[str]:
    """Names of every kernel with a kernel.toml in any root, sorted."""
    return sorted({p.parent.name for root in kernel_roots() for p in root.glob("*/kernel.toml")})


def source_files(name: str) -> list[Path]:
    """The kernel's .c and .h files, sorted by name."""
    folder = kernel_dir(name)
    return sorted([*folder.glob("*.c"), *folder.glob("*.h")])


def source_hash(name: str) -> str:
    """SHA-256 over the kernel's .c and .h files (names and bytes): what a design was emitted for."""
    h = hashlib.sha256()
    for f in source_files(name):
        h.update(f.name.encode())
        h.update(b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()
