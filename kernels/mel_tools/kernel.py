"""NumPy front of a host-built kernel (ctypes), typed from its kernel.toml, and the host ``finish()``.

The functions here call the same C entry points a compute tile calls; the
simulator runs designs through them. :func:`binding` binds any kernel whose
kernel.toml lists sources and each entry's ``args`` (its C signature): the
argument types, array widths and state sizes all come from that file, so a
new kernel folder needs no change here. The module-level ``mel_*`` functions
are the built-in mel kernel's (``kernels/mel/mel.h``).
"""
from __future__ import annotations

import ctypes
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from kernels.mel_tools import framing, reference
from kernels.mel_tools.hostbuild import HostBuildError, build_shared, sources
from partitioner import kernel_spec
from partitioner.kernel_spec import Arg, EntryPoint, KernelSpec

# The mel kernel's geometry under the names other modules import (kernel.toml [geometry]).
_MEL = kernel_spec.load("mel").geometry
N_FFT = _MEL.frame_samples
HOP = _MEL.hop_samples
OVERLAP = _MEL.halo_samples
N_MELS = _MEL.n_mels
SPEC_WORDS = _MEL.n_bins  # mel.h: one uint32 word per DFT bin
OUTPUT_Q = 11  # log10(mel) ~= value / 2**OUTPUT_Q
LOG10_FLOOR = -10.0  # log10(1e-10), Whisper's clamp

RawCall = Callable[[list[np.ndarray], int], None]


def _ctype(arg: Arg) -> type:
    """ctypes type of one argument: a C-contiguous array of its element type, or the count by value."""
    dtype = np.dtype(arg.dtype)
    if arg.is_pointer:
        return np.ctypeslib.ndpointer(dtype, flags="C_CONTIGUOUS")
    return np.ctypeslib.as_ctypes_type(dtype)


def _function(lib: ctypes.CDLL, spec: KernelSpec, e: EntryPoint):
    fn = getattr(lib, e.symbol, None)
    if fn is None:
        raise HostBuildError(f"kernel {spec.name!r}: entries.{e.name} names {e.symbol!r}, "
                             f"which its host build does not define")
    return fn


@lru_cache(maxsize=None)
def _lib(name: str = "mel", instance: int = 0) -> ctypes.CDLL:
    """The kernel's host build, every entry point typed from its kernel.toml ``args``.

    ``instance`` > 0 loads a separate copy of the library, with its own static
    data: a kernel's statics (the mel kernel's FFT scratch in ``.bss``) belong
    to one core, as on the NPU, where every tile has its own; kernels running
    at the same time in different threads each need their own instance.

    Cached per kernel name and instance: call ``_lib.cache_clear()`` (and
    ``kernel_spec.load.cache_clear()``) after pointing ``NPU_TILER_KERNELS`` elsewhere.
    """
    spec = kernel_spec.load(name)
    if not spec.has_sources:
        raise HostBuildError(f"kernel {name!r} has no sources: it can be partitioned and timed, not run")
    path = build_shared(sources(name))
    if instance:
        path = _instance_copy(path, instance)
    lib = ctypes.CDLL(str(path))
    for e in spec.entries.values():
        fn = _function(lib, spec, e)
        fn.argtypes = [_ctype(a) for a in e.args]
        fn.restype = None
    return lib


def _instance_copy(lib: Path, instance: int) -> Path:
    """A copy of the built library under its own name: the dynamic loader maps a file once per
    process, so a second set of static data needs a second file (kept beside the build, same bytes)."""
    copy = lib.with_name(f"{lib.stem}.{instance}{lib.suffix}")
    if not copy.exists():
        tmp = copy.with_name(f".{copy.name}.{os.getpid()}.{threading.get_ident()}")
        shutil.copyfile(lib, tmp)
        os.replace(tmp, copy)
    return copy


def _frames_in(e: EntryPoint, data: np.ndarray) -> tuple[np.ndarray, int]:
    """The input array of one call, contiguous in the ``in`` type, and the frames it holds.

    Per-frame inputs are (n, values per frame); a chunk (an input with a halo)
    is one run of halo + n x values per frame samples.
    """
    arg = e.arg("in")
    width, halo = e.in_bytes_per_frame // arg.elem_bytes, e.in_halo_bytes // arg.elem_bytes
    data = np.ascontiguousarray(data, dtype=arg.dtype)
    if halo:
        n = (data.size - halo) // width
        if data.ndim != 1 or n < 0 or data.size != halo + n * width:
            raise ValueError(f"a {e.consumes} is {halo} + n x {width} samples, got {data.shape}")
        return data, n
    if data.ndim != 2 or data.shape[1] != width:
        raise ValueError(f"{e.consumes} must have shape (n, {width}), got {data.shape}")
    return data, data.shape[0]


def _state(e: EntryPoint, state: np.ndarray | None) -> np.ndarray:
    """The caller-owned state, checked as it is: the kernel updates it in place."""
    arg = e.arg("state")
    size = e.state_bytes // arg.elem_bytes
    if state is None or state.shape != (size,) or state.dtype != np.dtype(arg.dtype) \
            or not state.flags.c_contiguous:
        raise ValueError(f"state must be a contiguous {arg.dtype} array of {size} values")
    return state


@dataclass(frozen=True)
class Binding:
    """One kernel's host build, its entry points called by their kernel.toml names."""

    spec: KernelSpec
    lib: ctypes.CDLL

    def run(self, entry: str, data: np.ndarray, state: np.ndarray | None = None) -> np.ndarray:
        """Call entry point ``entry`` (e.g. "frames") on ``data``; returns (n, values per frame).

        ``state`` is required by entries whose ``args`` have one, and updated in place.
        """
        e = self.spec.entry(entry)
        data, n = _frames_in(e, data)
        out_arg = e.arg("out")
        out = np.empty((n, e.out_bytes_per_frame // out_arg.elem_bytes), out_arg.dtype)
        buffers = {"in": data, "out": out}
        if e.arg("state") is not None:
            buffers["state"] = _state(e, state)
        fn = _function(self.lib, self.spec, e)
        fn(*(buffers[a.role] for a in e.args if a.is_pointer), n)
        return out

    def raw(self, symbol: str) -> RawCall:
        """The C entry point ``symbol(buf, ..., n_frames)`` taking contiguous numpy buffers, unchecked.

        The simulator calls kernels this way on the ObjectFIFO buffers it holds,
        in place, exactly as a core would: buffers in the order of ``args``.
        """
        raw = self.by_address(symbol)

        def call(buffers: list[np.ndarray], n_frames: int) -> None:
            raw(*(b.ctypes.data for b in buffers), n_frames)

        return call

    def by_address(self, symbol: str) -> Callable[..., None]:
        """The C entry point ``symbol(addr, ..., n_frames)`` on buffer addresses (ints), unchecked.

        The fastest form (the simulator's workers know their buffers' addresses
        once and for all). A ``CFUNCTYPE`` foreign call: ctypes releases the
        GIL for its duration, so threads running kernels use several cores.
        """
        e = next((e for e in self.spec.entries.values() if e.symbol == symbol), None)
        if e is None:
            raise KeyError(symbol)
        count = _ctype(e.args[-1])
        fn = _function(self.lib, self.spec, e)
        # Untyped pointers: no per-call ndpointer checks on the simulator's hot path.
        return ctypes.CFUNCTYPE(None, *([ctypes.c_void_p] * (len(e.args) - 1)), count)(
            ctypes.cast(fn, ctypes.c_void_p).value)


_LOAD_LOCK = threading.Lock()  # one build and load per kernel when threads ask for it at once


def binding(name: str = "mel", instance: int = 0) -> Binding:
    """The host binding of kernel ``name``: its kernel.toml spec and its typed, built library.

    ``instance``: which copy of the library (its own static data); threads that
    run kernels at the same time use different instances (see :func:`_lib`).
    """
    with _LOAD_LOCK:
        return Binding(kernel_spec.load(name), _lib(name, instance))


def entry(symbol: str, kernel: str = "mel", instance: int = 0) -> RawCall:
    """The raw C entry point ``symbol`` of ``kernel`` (see :meth:`Binding.raw`)."""
    return binding(kernel, instance).raw(symbol)


def entry_by_address(symbol: str, kernel: str = "mel", instance: int = 0) -> Callable[..., None]:
    """The C entry point ``symbol`` of ``kernel`` on buffer addresses (see :meth:`Binding.by_address`)."""
    return binding(kernel, instance).by_address(symbol)


def mel_frames(frames: np.ndarray) -> np.ndarray:
    """(n, 400) int16 frames -> (n, 80) int16 log-mel (fused entry point)."""
    return binding().run("frames", frames)


def mel_hops(hops: np.ndarray, state: np.ndarray) -> np.ndarray:
    """(n, 160) new samples per frame; ``state`` (240 int16) is updated in place."""
    return binding().run("hops", hops, state)


def mel_chunk(chunk: np.ndarray) -> np.ndarray:
    """240 halo + n x 160 contiguous samples -> (n, 80) int16 log-mel."""
    return binding().run("chunk", chunk)


def mel_spectrum_chunk(chunk: np.ndarray) -> np.ndarray:
    """Stage 1, chunked form of :func:`mel_spectrum`."""
    return binding().run("spectrum_chunk", chunk)


def mel_spectrum(frames: np.ndarray) -> np.ndarray:
    """Stage 1: (n, 400) int16 -> (n, 201) uint32 power spectra (mel.h format)."""
    return binding().run("spectrum", frames)


def mel_spectrum_hops(hops: np.ndarray, state: np.ndarray) -> np.ndarray:
    """Stage 1, streaming form of :func:`mel_spectrum`."""
    return binding().run("spectrum_hops", hops, state)


def mel_logmel(spec: np.ndarray) -> np.ndarray:
    """Stage 2: (n, 201) uint32 spectra -> (n, 80) int16 log-mel."""
    return binding().run("logmel", spec)


def finish(logmel_q: np.ndarray) -> np.ndarray:
    """Whisper's utterance-wide step on kernel output: (n, 80) int16 -> (80, n) float32.

    ``x = max(x, max(x) - 8)`` then ``(x + 4) / 4``, on ``log10`` values
    decoded from the kernel's Q11 scale.
    """
    return reference.finish(np.asarray(logmel_q, dtype=np.float64).T / (1 << OUTPUT_Q)).astype(np.float32)


def log_mel(audio: np.ndarray, streamed: bool = False) -> np.ndarray:
    """Whisper's normalised log-mel (80, n_frames) float32 of int16 16 kHz audio, by the kernel.

    ``streamed`` feeds the hop entry point instead of whole frames; the bits
    are the same either way.
    """
    if streamed:
        state, hops = framing.hops(audio)
        return finish(mel_hops(hops, state))
    return finish(mel_frames(framing.frames(audio)))
