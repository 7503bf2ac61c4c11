"""From a 16 kHz int16 signal to what the kernel entry points take.

Whisper's STFT is ``torch.stft(center=True)``: 200 samples of reflect padding
at both ends, frames of 400 every 160 samples, and the last frame dropped.
So ``n`` samples give ``n // 160`` frames, frame ``t`` covering padded samples
``[160 t, 160 t + 400)``. The reflect padding needs more than 200 samples.
"""
from __future__ import annotations

import numpy as np

from partitioner.errors import UserError

N_FFT = 400
HOP = 160
PAD = N_FFT // 2
OVERLAP = N_FFT - HOP
MIN_SAMPLES = PAD + 1


class FramingError(UserError):
    """Audio too short for Whisper's reflect-padded framing."""


def n_frames(n_samples: int) -> int:
    return n_samples // HOP


def padded(audio: np.ndarray) -> np.ndarray:
    """Reflect-pad a 1-D int16 signal by 200 samples at each end."""
    audio = np.asarray(audio)
    if audio.ndim != 1:
        raise FramingError(f"audio must be one channel, got shape {audio.shape}")
    if audio.size < MIN_SAMPLES:
        raise FramingError(
            f"audio has {audio.size} samples; Whisper's reflect padding needs at least {MIN_SAMPLES}")
    return np.pad(audio, PAD, mode="reflect")


def frames(audio: np.ndarray) -> np.ndarray:
    """(n_frames, 400) int16 frames, the seed's 800 B/frame layout."""
    p = padded(audio)
    view = np.lib.stride_tricks.sliding_window_view(p, N_FFT)[::HOP]
    return np.ascontiguousarray(view[: n_frames(audio.size)], dtype=np.int16)


def hops(audio: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Initial 240-sample state and (n_frames, 160) hops for the streaming entry point."""
    p = padded(audio).astype(np.int16)
    t = n_frames(audio.size)
    state = np.ascontiguousarray(p[:OVERLAP])
    body = p[OVERLAP: OVERLAP + t * HOP].reshape(t, HOP)
    return state, np.ascontiguousarray(body)


def chunk(audio_padded: np.ndarray, first_frame: int, n: int) -> np.ndarray:
    """Samples of frames ``first_frame .. first_frame + n - 1`` as one chunk:
    the 240-sample halo and ``n`` hops, from the reflect-padded signal."""
    start = first_frame * HOP
    return np.ascontiguousarray(audio_padded[start: start + OVERLAP + n * HOP], dtype=np.int16)
