"""Build a kernel's C sources with the host compiler into a cached shared library.

The cache key is a hash of every source file of the kernel and of the compile
command, so an edited kernel is rebuilt and an unchanged one is reused.
"""
from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import kernels
from partitioner.errors import UserError
from kernels import kernel_dir
from kernels.mel_tools.paths import cache_dir

# The portability bar for the host build: what compiles here with
# these flags is plain C11 with no warnings.
C_STD_FLAGS = ("-std=c11", "-O2", "-Wall", "-Wextra", "-Werror")

# The simulator's shared library: the same checks, optimised harder (-O3 vectorises the kernel's
# loops) and for the vector extensions this CPU has (see vector_flags). The kernel is integer-only
# C, so neither changes a bit of its output; the flags are part of the build's cache key.
HOST_OPT_FLAGS = ("-std=c11", "-O3", "-Wall", "-Wextra", "-Werror")
# What makes the build a shared library, after the compile flags (also in the cache key).
SHARED_FLAGS = ("-fPIC", "-shared")

# x86-64 micro-architecture levels (the psABI's), as the CPU flags of /proc/cpuinfo name their features.
_X86_LEVELS = (
    ("x86-64-v3", {"avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"}),
    ("x86-64-v2", {"cx16", "lahf_lm", "popcnt", "sse4_1", "sse4_2", "ssse3"}),
)
VECTOR_ENV = "NPU_TILER_HOST_VECTOR"  # "0": build without vector extensions beyond the compiler's default


# The simulator's lockstep build of the mel kernel (host only): mel_lockstep.c includes mel.c whole and adds
# <entry>_lockstep for the stateless entry points (mel_frames, mel_chunk, mel_spectrum, mel_spectrum_chunk,
# mel_logmel), which run 8 frames at a time in vector lanes and give the entry point's bits
# (tests/test_host_fast.py), and mel_run_calls (several such calls in one). Its vector code repeats mel.c's
# arithmetic, so it is built only against the mel.c it was written for: the sources' hash below
# (kernels.source_hash; a test fails when the built-in mel.c no longer has it).
LOCKSTEP_SOURCE = Path(__file__).resolve().with_name("mel_lockstep.c")
LOCKSTEP_KERNEL = "mel"
LOCKSTEP_SOURCE_SHA256 = "3816a8ff248165bcc61276afd3d6728d04d75697091a1822a4506c91f9e84c8b"
LOCKSTEP_SUFFIX = "_lockstep"  # mel_frames -> mel_frames_lockstep: same arguments, same output bits
# The lockstep build's entry points for queued calls (mel_lockstep.c): an entry point's index by name, the
# runner of several queued calls, and the number of frames one vector holds.
LOCKSTEP_INDEX, LOCKSTEP_RUN_CALLS, LOCKSTEP_LANES = "mel_lockstep_index", "mel_run_calls", "mel_lockstep_lanes"
LOCKSTEP_ENV = "NPU_TILER_HOST_LOCKSTEP"  # "0": build the kernel's sources alone (the scalar entry points only)


class HostBuildError(UserError):
    """The host compiler is missing or rejected the kernel."""


@dataclass(frozen=True)
class KernelSources:
    name: str
    folder: Path

    @property
    def c_files(self) -> list[Path]:
        return sorted(self.folder.glob("*.c"))

    @property
    def all_files(self) -> list[Path]:
        return kernels.source_files(self.name)

    def source_hash(self) -> str:
        """SHA-256 over the kernel's .c and .h files (names and bytes)."""
        return kernels.source_hash(self.name)


def sources(name: str = "mel") -> KernelSources:
    """The C sources of kernel ``name``, wherever :func:`kernels.kernel_dir` finds it
    (``$NPU_TILER_KERNELS`` first, then the built-in kernels)."""
    folder = kernel_dir(name)
    if not folder.is_dir():
        roots = ", ".join(str(r) for r in kernels.kernel_roots())
        raise HostBuildError(f"no kernel named {name!r} (looked in {roots}; "
                             f"${kernels.KERNELS_ENV} adds folders)")
    return KernelSources(name, folder)


def lockstep_wrapper(src: KernelSources) -> Path | None:
    """The host-only lockstep wrapper to build with these sources, or None (another kernel, an edited
    mel.c, or ``NPU_TILER_HOST_LOCKSTEP=0``)."""
    if os.environ.get(LOCKSTEP_ENV, "1") == "0" or src.name != LOCKSTEP_KERNEL:
        return None
    return LOCKSTEP_SOURCE if src.source_hash() == LOCKSTEP_SOURCE_SHA256 else None


def compiler() -> str:
    cc = os.environ.get("CC", "cc")
    path = shutil.which(cc)
    if path is None:
        raise HostBuildError(
            f"C compiler {cc!r} not found: install gcc or clang (Debian: apt-get install gcc) or set CC")
    return path


def _cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


@lru_cache(maxsize=None)
def _accepts(cc: str, flag: str) -> bool:
    """Whether compiler ``cc`` compiles C with ``flag``."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "probe.c"
        src.write_text("int probe(int x) { return x + 1; }\n")
        proc = subprocess.run([cc, flag, "-c", str(src), "-o", str(Path(tmp) / "probe.o")],
                              capture_output=True, text=True)
    return proc.returncode == 0


def vector_flags(cc: str | None = None) -> tuple[str, ...]:
    """``-march=x86-64-vN`` for the highest x86-64 level this CPU has and the compiler knows; else ().

    Not ``-march=native``: a named level is the same flag on every machine
    that has it, so a cached build is never used on a CPU that lacks its
    instructions (the level is in the cache key). Other architectures, and
    ``NPU_TILER_HOST_VECTOR=0``, get the compiler's default.
    """
    if os.environ.get(VECTOR_ENV, "1") == "0" or platform.machine().lower() not in ("x86_64", "amd64"):
        return ()
    have = _cpu_flags()
    cc = cc or compiler()
    for level, needs in _X86_LEVELS:
        if needs <= have and _accepts(cc, f"-march={level}"):
            return (f"-march={level}",)
    return ()


def host_flags(cc: str | None = None) -> tuple[str, ...]:
    """The compile flags of the simulator's shared library (less :data:`SHARED_FLAGS`)."""
    return (*HOST_OPT_FLAGS, *vector_flags(cc))


def _run(cmd: list[str], cwd: Path) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        first = (proc.stderr.strip().splitlines() or ["(no output)"])[0]
        raise HostBuildError(f"host build failed: {' '.join(cmd)}: {first}")


def build_shared(src: KernelSources, flags: tuple[str, ...] | None = None, lockstep: bool = True) -> Path:
    """Path of ``lib<name>.so`` for these sources, compiling it if not cached.

    ``flags`` default to :func:`host_flags` (-O3 and this CPU's vector level);
    the cache key covers the sources, the compiler and every flag. With ``lockstep``
    (and :func:`lockstep_wrapper` finding one) the library is the wrapper's translation
    unit, which includes the kernel's C file whole: the same entry points plus their
    ``*_lockstep`` forms; the wrapper's bytes are then in the key too. A compiler that rejects the
    wrapper (not the kernel) gets the kernel built alone: slower, the same bits; a kernel that does
    not build raises its own error.
    """
    cc = compiler()
    flags = [*(host_flags(cc) if flags is None else flags), *SHARED_FLAGS]
    wrapper = lockstep_wrapper(src) if lockstep else None
    if wrapper is not None:
        try:
            return _build(src, cc, flags, wrapper)
        except HostBuildError:
            pass  # the kernel alone below; its own build says whether the kernel builds
    return _build(src, cc, flags, None)


def _build(src: KernelSources, cc: str, flags: list[str], wrapper: Path | None) -> Path:
    """:func:`build_shared`'s library of ``src`` (with ``wrapper``, which includes the kernel's C file), cached."""
    lib = _library(src, cc, flags, wrapper)
    out_dir = lib.parent
    if lib.exists():
        return lib
    out_dir.mkdir(parents=True, exist_ok=True)
    # Build beside the target and rename, so a concurrent or interrupted build
    # never leaves a half-written library under the cached name.
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        tmp_lib = Path(tmp) / lib.name
        units = [f"-I{src.folder}", str(wrapper)] if wrapper is not None else list(map(str, src.c_files))
        _run([cc, *flags, *units, "-o", str(tmp_lib)], cwd=src.folder)
        os.replace(tmp_lib, lib)
    return lib


def _library(src: KernelSources, cc: str, flags: list[str], wrapper: Path | None = None) -> Path:
    """Where :func:`build_shared` keeps the library of these sources (and ``wrapper``) built by ``cc`` with ``flags``."""
    text = src.source_hash() + cc + " ".join(flags)
    if wrapper is not None:
        text += " lockstep " + hashlib.sha256(wrapper.read_bytes()).hexdigest()
    key = hashlib.sha256(text.encode()).hexdigest()[:16]
    return cache_dir() / "host" / f"{src.name}-{key}" / f"lib{src.name}.so"


def cached_build(src: KernelSources) -> Path | None:
    """The library :func:`build_shared` already built of these exact sources with this compiler, or None;
    compiles nothing. Every vector level this CPU has is looked for (choosing one probes the compiler, a
    compile), so a library found was built from these bytes with the simulator's -Werror flags.
    HostBuildError when there is no compiler (a missing tool). A failed build is not cached: None."""
    cc = compiler()
    have = _cpu_flags()
    levels = [(), *((f"-march={level}",) for level, needs in _X86_LEVELS if needs <= have)]
    for vector in levels:
        for wrapper in dict.fromkeys((lockstep_wrapper(src), None)):
            lib = _library(src, cc, [*HOST_OPT_FLAGS, *vector, *SHARED_FLAGS], wrapper)
            if lib.exists():
                return lib
    return None


def build_object(src: KernelSources, out_dir: Path, extra: tuple[str, ...] = ()) -> Path:
    """Compile the kernel to one relocatable object (for measuring its sections)."""
    cc = compiler()
    out_dir.mkdir(parents=True, exist_ok=True)
    objs = []
    for c in src.c_files:
        obj = out_dir / (c.stem + ".o")
        _run([cc, *C_STD_FLAGS, *extra, "-c", str(c), "-o", str(obj)], cwd=out_dir)
        objs.append(obj)
    if len(objs) == 1:
        return objs[0]
    merged = out_dir / f"{src.name}.o"
    _run(["ld", "-r", *map(str, objs), "-o", str(merged)], cwd=out_dir)
    return merged
