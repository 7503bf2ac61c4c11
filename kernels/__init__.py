"""C kernels, one folder each, shipped as package data (sources, kernel.toml).

The bottom of the dependency order: every other package may read this one,
this one imports none of them.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

KERNELS_ROOT = Path(__file__).resolve().parent


def kernel_dir(name: str) -> Path:
    """Folder of a kernel's C sources and kernel.toml (``kernels/<name>/``)."""
    return KERNELS_ROOT / name


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
