"""NumPy front of the host-built mel kernel (ctypes), and the host ``finish()``.

The functions here call the same C entry points a compute tile calls; the
simulator runs designs through them. Array shapes follow ``kernels/mel/mel.h``.
"""
from __future__ import annotations

import ctypes
from functools import lru_cache

import numpy as np

from sim.hostbuild import build_shared, sources

N_FFT = 400
HOP = 160
OVERLAP = N_FFT - HOP
N_MELS = 80
SPEC_WORDS = N_FFT // 2 + 1
OUTPUT_Q = 11  # log10(mel) ~= value / 2**OUTPUT_Q
LOG10_FLOOR = -10.0  # log10(1e-10), Whisper's clamp

_I16 = np.ctypeslib.ndpointer(np.int16, flags="C_CONTIGUOUS")
_U32 = np.ctypeslib.ndpointer(np.uint32, flags="C_CONTIGUOUS")


@lru_cache(maxsize=None)
def _lib() -> ctypes.CDLL:
    lib = ctypes.CDLL(str(build_shared(sources("mel"))))
    sigs = {
        "mel_frames": [_I16, _I16, ctypes.c_int32],
        "mel_hops": [_I16, _I16, _I16, ctypes.c_int32],
        "mel_spectrum": [_I16, _U32, ctypes.c_int32],
        "mel_spectrum_hops": [_I16, _I16, _U32, ctypes.c_int32],
        "mel_logmel": [_U32, _I16, ctypes.c_int32],
        "mel_chunk": [_I16, _I16, ctypes.c_int32],
        "mel_spectrum_chunk": [_I16, _U32, ctypes.c_int32],
    }
    for name, args in sigs.items():
        fn = getattr(lib, name)
        fn.argtypes = args
        fn.restype = None
    return lib


def entry(symbol: str):
    """The raw C entry point ``symbol(buf, ..., n_frames)`` taking contiguous numpy buffers.

    The simulator calls kernels this way on the ObjectFIFO buffers it holds,
    in place, exactly as a core would.
    """
    fn = getattr(_lib(), symbol, None)
    if fn is None:
        raise KeyError(symbol)
    raw = ctypes.CFUNCTYPE(None, *([ctypes.c_void_p] * (len(fn.argtypes) - 1)), ctypes.c_int32)(
        ctypes.cast(fn, ctypes.c_void_p).value)

    def call(buffers: list[np.ndarray], n_frames: int) -> None:
        raw(*(b.ctypes.data for b in buffers), n_frames)

    return call


def _as(a: np.ndarray, dtype: type, width: int, what: str) -> np.ndarray:
    a = np.ascontiguousarray(a, dtype=dtype)
    if a.ndim != 2 or a.shape[1] != width:
        raise ValueError(f"{what} must have shape (n, {width}), got {a.shape}")
    return a


def _state(state: np.ndarray) -> np.ndarray:
    if state.shape != (OVERLAP,) or state.dtype != np.int16 or not state.flags.c_contiguous:
        raise ValueError(f"state must be a contiguous int16 array of {OVERLAP} samples")
    return state


def mel_frames(frames: np.ndarray) -> np.ndarray:
    """(n, 400) int16 frames -> (n, 80) int16 log-mel (fused entry point)."""
    frames = _as(frames, np.int16, N_FFT, "frames")
    out = np.empty((frames.shape[0], N_MELS), np.int16)
    _lib().mel_frames(frames, out, frames.shape[0])
    return out


def mel_hops(hops: np.ndarray, state: np.ndarray) -> np.ndarray:
    """(n, 160) new samples per frame; ``state`` (240 int16) is updated in place."""
    hops = _as(hops, np.int16, HOP, "hops")
    out = np.empty((hops.shape[0], N_MELS), np.int16)
    _lib().mel_hops(hops, _state(state), out, hops.shape[0])
    return out


def _chunk(chunk: np.ndarray) -> tuple[np.ndarray, int]:
    chunk = np.ascontiguousarray(chunk, dtype=np.int16)
    n = (chunk.size - OVERLAP) // HOP
    if chunk.ndim != 1 or n < 0 or chunk.size != OVERLAP + n * HOP:
        raise ValueError(f"a chunk is 240 + n x 160 samples, got {chunk.shape}")
    return chunk, n


def mel_chunk(chunk: np.ndarray) -> np.ndarray:
    """240 halo + n x 160 contiguous samples -> (n, 80) int16 log-mel."""
    chunk, n = _chunk(chunk)
    out = np.empty((n, N_MELS), np.int16)
    _lib().mel_chunk(chunk, out, n)
    return out


def mel_spectrum_chunk(chunk: np.ndarray) -> np.ndarray:
    """Stage 1, chunked form of :func:`mel_spectrum`."""
    chunk, n = _chunk(chunk)
    out = np.empty((n, SPEC_WORDS), np.uint32)
    _lib().mel_spectrum_chunk(chunk, out, n)
    return out


def mel_spectrum(frames: np.ndarray) -> np.ndarray:
    """Stage 1: (n, 400) int16 -> (n, 201) uint32 power spectra (mel.h format)."""
    frames = _as(frames, np.int16, N_FFT, "frames")
    out = np.empty((frames.shape[0], SPEC_WORDS), np.uint32)
    _lib().mel_spectrum(frames, out, frames.shape[0])
    return out


def mel_spectrum_hops(hops: np.ndarray, state: np.ndarray) -> np.ndarray:
    """Stage 1, streaming form of :func:`mel_spectrum`."""
    hops = _as(hops, np.int16, HOP, "hops")
    out = np.empty((hops.shape[0], SPEC_WORDS), np.uint32)
    _lib().mel_spectrum_hops(hops, _state(state), out, hops.shape[0])
    return out


def mel_logmel(spec: np.ndarray) -> np.ndarray:
    """Stage 2: (n, 201) uint32 spectra -> (n, 80) int16 log-mel."""
    spec = _as(spec, np.uint32, SPEC_WORDS, "spectra")
    out = np.empty((spec.shape[0], N_MELS), np.int16)
    _lib().mel_logmel(spec, out, spec.shape[0])
    return out


def finish(logmel_q: np.ndarray) -> np.ndarray:
    """Whisper's utterance-wide step on kernel output: (n, 80) int16 -> (80, n) float32.

    ``x = max(x, max(x) - 8)`` then ``(x + 4) / 4``, on ``log10`` values
    decoded from the kernel's Q11 scale.
    """
    from sim import reference

    return reference.finish(np.asarray(logmel_q, dtype=np.float64).T / (1 << OUTPUT_Q)).astype(np.float32)


def log_mel(audio: np.ndarray, streamed: bool = False) -> np.ndarray:
    """Whisper's normalised log-mel (80, n_frames) float32 of int16 16 kHz audio, by the kernel.

    ``streamed`` feeds the hop entry point instead of whole frames; the bits
    are the same either way.
    """
    from sim import framing

    if streamed:
        state, hops = framing.hops(audio)
        return finish(mel_hops(hops, state))
    return finish(mel_frames(framing.frames(audio)))
