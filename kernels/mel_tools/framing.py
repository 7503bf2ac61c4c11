"""From a 16 kHz int16 signal to what the kernel entry points take.

Whisper's STFT is ``torch.stft(center=True)``: 200 samples of reflect padding
at both ends, frames of 400 every 160 samples, and the last frame dropped.
So ``n`` samples give ``n // 160`` frames, frame ``t`` covering padded samples
``[160 t, 160 t + 400)``. The reflect padding needs more than 200 samples.

The figures are a kernel's [geometry] (kernel.toml): every function takes the
geometry to frame for, by default the mel kernel's (Whisper's, quoted above).
Padding is half a frame at each end, as ``center=True`` pads ``n_fft // 2``.
"""
from __future__ import annotations

import numpy as np

from partitioner import kernel_spec
from partitioner.errors import UserError
from partitioner.kernel_spec import Geometry

GEOMETRY = kernel_spec.load("mel").geometry
# The mel geometry under the names other modules import.
N_FFT = GEOMETRY.frame_samples
HOP = GEOMETRY.hop_samples
PAD = N_FFT // 2
OVERLAP = GEOMETRY.halo_samples
MIN_SAMPLES = PAD + 1


class FramingError(UserError):
    """Audio too short for Whisper's reflect-padded framing."""


def n_frames(n_samples: int, g: Geometry = GEOMETRY) -> int:
    """Frames Whisper's framing makes of ``n_samples`` samples (one per hop, the last dropped)."""
    return n_samples // g.hop_samples


def padded(audio: np.ndarray, g: Geometry = GEOMETRY) -> np.ndarray:
    """Reflect-pad a 1-D int16 signal by half a frame (200 samples) at each end."""
    audio = np.asarray(audio)
    pad = g.frame_samples // 2
    if audio.ndim != 1:
        raise FramingError(f"audio must be one channel, got shape {audio.shape}")
    if audio.size < pad + 1:
        raise FramingError(
            f"audio has {audio.size} samples; Whisper's reflect padding needs at least {pad + 1}")
    return np.pad(audio, pad, mode="reflect")


def frames(audio: np.ndarray, g: Geometry = GEOMETRY) -> np.ndarray:
    """(n_frames, 400) int16 frames, the seed's 800 B/frame layout."""
    p = padded(audio, g)
    view = np.lib.stride_tricks.sliding_window_view(p, g.frame_samples)[::g.hop_samples]
    return np.ascontiguousarray(view[: n_frames(audio.size, g)], dtype=np.int16)


def hops(audio: np.ndarray, g: Geometry = GEOMETRY) -> tuple[np.ndarray, np.ndarray]:
    """Initial 240-sample state and (n_frames, 160) hops for the streaming entry point."""
    p = padded(audio, g).astype(np.int16)
    t, hop, halo = n_frames(audio.size, g), g.hop_samples, g.halo_samples
    state = np.ascontiguousarray(p[:halo])
    body = p[halo: halo + t * hop].reshape(t, hop)
    return state, np.ascontiguousarray(body)


def chunk(audio_padded: np.ndarray, first_frame: int, n: int, g: Geometry = GEOMETRY) -> np.ndarray:
    """Samples of frames ``first_frame .. first_frame + n - 1`` as one chunk:
    the 240-sample halo and ``n`` hops, from the reflect-padded signal."""
    start = first_frame * g.hop_samples
    end = start + g.halo_samples + n * g.hop_samples
    return np.ascontiguousarray(audio_padded[start:end], dtype=np.int16)
