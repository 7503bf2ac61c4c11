"""Read audio files as Whisper's input: 16 kHz mono int16.

WAV (and anything else libsndfile reads: FLAC, OGG) in 16/24/32-bit PCM or
float, any sample rate, mono or multi-channel. Channels are averaged (as
ffmpeg's ``-ac 1`` does for Whisper) and other rates resampled with soxr.
The kernel's input is int16, so float and wide-PCM input is rounded to int16
once, here, and the kernel and the float reference then see the same samples.

What is read but not as recorded gives an :class:`~partitioner.errors.AudioWarning` (the command line
prints it as one ``npu-tiler: warning:`` line) and the result is computed: clipping (float samples
beyond full scale, saturated to int16, or flat tops at full scale in the file), and a rate below
16 kHz (resampled up; the mel bands above its Nyquist frequency stay empty). What cannot be read as
the recording is an :class:`~partitioner.errors.AudioError` (exit 2): a WAV whose data chunk is
shorter than its header says (a cut copy: what is there is not the recording, and readers differ on
how much of it they return), and a rate so low that no mel band sees anything.
"""
from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

import numpy as np
import soundfile as sf

from kernels.mel_tools import melfilters
from partitioner import kernel_spec, safe_write
from partitioner.errors import AudioError, AudioWarning

# Whisper's input rate: the mel kernel's geometry (kernels/mel/kernel.toml [geometry]).
SAMPLE_RATE = kernel_spec.load("mel").geometry.sample_rate
INT16_MIN, INT16_MAX = int(np.iinfo(np.int16).min), int(np.iinfo(np.int16).max)
# RIFF (Microsoft/IBM "Multimedia Programming Interface and Data Specifications 1.0", 1991): a chunk is a
# 4-byte id and a little-endian 32-bit size, its data padded to an even length. Writers that stream (ffmpeg
# to a pipe, a recorder that crashed) leave a data size of 0 or 0xFFFFFFFF: "unknown", not a promise.
_RIFF_HEADER = struct.Struct("<4sI4s")
_RIFF_CHUNK = struct.Struct("<4sI")
_UNKNOWN_SIZES = (0, 0xFFFFFFFF)


def to_int16(x: np.ndarray) -> np.ndarray:
    """Float samples in [-1, 1] to int16, rounding and saturating."""
    return np.clip(np.round(x * 32768.0), INT16_MIN, INT16_MAX).astype(np.int16)


def check_samples(samples, label: str = "audio") -> np.ndarray:
    """``samples`` as the kernel's input (1-D int16, contiguous), or :class:`AudioError` naming ``label``,
    what it is and what is allowed: audio handed to the library as an array is checked here, as a file is
    by :func:`load_audio`.

    Examples
    --------
    >>> import numpy as np
    >>> from kernels.mel_tools.audio import check_samples
    >>> check_samples(np.array([1, -2, 3], np.int16)).tolist()
    [1, -2, 3]
    >>> check_samples(np.zeros(0, np.int16), "rec")
    Traceback (most recent call last):
    ...
    partitioner.errors.AudioError: rec holds no samples: give at least one utterance of 16 kHz int16 audio
    """
    if not isinstance(samples, np.ndarray):
        raise AudioError(f"{label} must be a numpy array of 16 kHz int16 samples, not {type(samples).__name__}")
    if samples.dtype != np.int16:
        hint = " (float samples in [-1, 1]: kernels.mel_tools.audio.to_int16)" if samples.dtype.kind == "f" else ""
        raise AudioError(f"{label} must hold int16 samples, not {samples.dtype}{hint}")
    if samples.ndim != 1:
        raise AudioError(f"{label} must be 1-D (mono samples), not of shape {samples.shape}: average the channels")
    if samples.size == 0:
        raise AudioError(f"{label} holds no samples: give at least one utterance of 16 kHz int16 audio")
    return np.ascontiguousarray(samples)


def _wav_data_shortfall(path: Path) -> tuple[int, int] | None:
    """(bytes declared, bytes present) of a RIFF/WAVE file's data chunk when the file holds fewer than its
    header declares; None when it holds them all, states no length, or is no RIFF/WAVE file."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(_RIFF_HEADER.size)
        if len(head) < _RIFF_HEADER.size:
            return None
        riff, _, wave = _RIFF_HEADER.unpack(head)
        if riff != b"RIFF" or wave != b"WAVE":
            return None
        pos = _RIFF_HEADER.size
        while pos + _RIFF_CHUNK.size <= size:
            fh.seek(pos)
            chunk_id, n = _RIFF_CHUNK.unpack(fh.read(_RIFF_CHUNK.size))
            if chunk_id == b"data":
                present = size - pos - _RIFF_CHUNK.size
                return (n, present) if n not in _UNKNOWN_SIZES and n > present else None
            pos += _RIFF_CHUNK.size + n + (n & 1)
    return None


def _check_rate(path: Path, rate: int, frames: int) -> None:
    """AudioError when no mel band lies below ``rate``'s Nyquist frequency; an AudioWarning for any rate
    below the kernel's, saying how long the audio becomes and how many bands stay empty."""
    if rate >= SAMPLE_RATE:
        return
    centres = melfilters.mel_edges_hz(SAMPLE_RATE)[1:-1]  # the mel kernel's bands (Whisper's)
    seen = int(np.count_nonzero(centres <= rate / 2.0))
    seconds = frames / rate
    if seen == 0:
        raise AudioError(f"{path} is sampled at {rate:,} Hz: it holds nothing above {rate / 2:g} Hz, below the "
                         f"lowest mel band's centre ({centres[0]:.1f} Hz), so every band would be empty; "
                         f"give audio sampled at {SAMPLE_RATE:,} Hz (or at least {2 * centres[0]:.0f} Hz)")
    warnings.warn(f"{path} is sampled at {rate:,} Hz, resampled up to {SAMPLE_RATE:,} Hz ({seconds:,.1f} s of "
                  f"audio, {round(seconds * SAMPLE_RATE):,} samples): it holds nothing above {rate / 2:g} Hz, so "
                  f"{centres.size - seen} of the {centres.size} mel bands stay empty", AudioWarning, stacklevel=3)


def _flat_tops(samples: np.ndarray) -> int:
    """Samples at int16 full scale next to another at the same rail: a flat top, the mark of clipping (a
    peak that only touches the rail is one sample)."""
    at = [samples == rail for rail in (INT16_MIN, INT16_MAX)]
    if any(np.count_nonzero(a[1:] & a[:-1]) for a in at):
        return int(np.count_nonzero(at[0] | at[1]))
    return 0


def _warn_clipping(path: Path, samples: np.ndarray, beyond: int) -> None:
    """An AudioWarning when ``beyond`` float samples were saturated to int16, or the samples have flat tops."""
    if beyond:
        warnings.warn(f"{path}: {beyond:,} samples lie beyond full scale and were clipped to int16 "
                      f"(scale the audio down to keep them)", AudioWarning, stacklevel=3)
        return
    tops = _flat_tops(samples)
    if tops:
        warnings.warn(f"{path}: {tops:,} samples sit at int16 full scale in flat tops: the recording is "
                      f"clipped (the log-mel of clipped audio holds its distortion)", AudioWarning, stacklevel=3)


def load_audio(path: str | Path) -> np.ndarray:
    """1-D int16 samples at 16 kHz; :class:`AudioError` with one line on bad input.

    Refuses a WAV cut short of its header's length and a rate at which every mel band would be empty;
    warns (:class:`~partitioner.errors.AudioWarning`) on clipping and on a rate below 16 kHz.
    """
    path = Path(path)
    if not path.is_file():
        raise AudioError(f"audio file {path} does not exist")
    short = _wav_data_shortfall(path)
    if short is not None:
        declared, present = short
        raise AudioError(f"{path} is truncated: its header declares {declared:,} bytes of samples, the file holds "
                         f"{present:,}; copy or export it again")
    try:
        info = sf.info(str(path))
        if info.subtype == "PCM_16" and info.samplerate == SAMPLE_RATE and info.channels == 1:
            data = sf.read(str(path), dtype="int16", always_2d=True)[0][:, 0]
            native = True
        else:
            data = sf.read(str(path), dtype="float64", always_2d=True)[0]
            native = False
    except (sf.LibsndfileError, RuntimeError, TypeError) as exc:
        raise AudioError(f"cannot read {path} as audio ({exc}); give a WAV, FLAC or OGG file") from None
    if data.shape[0] == 0:
        raise AudioError(f"{path} holds no samples")
    if native:
        samples = np.ascontiguousarray(data)
        _warn_clipping(path, samples, 0)
        return samples
    mono = data.mean(axis=1)
    if not np.all(np.isfinite(mono)):
        raise AudioError(f"{path} holds NaN or infinite samples")
    _check_rate(path, info.samplerate, data.shape[0])
    if info.samplerate != SAMPLE_RATE:
        import soxr  # a librosa dependency too; imported here to keep start-up fast

        mono = soxr.resample(mono, info.samplerate, SAMPLE_RATE, quality="HQ")
    beyond = int(np.count_nonzero(np.abs(mono) > 1.0))  # full scale is +-1.0 (1.0 itself saturates to 32767)
    samples = to_int16(mono)
    _warn_clipping(path, samples, beyond)
    return samples


def save_wav(path: str | Path, samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> None:
    """Write int16 samples as 16-bit PCM WAV (atomically: partitioner/safe_write.py)."""
    buf = io.BytesIO()
    sf.write(buf, np.asarray(samples, dtype=np.int16), sample_rate, subtype="PCM_16", format="WAV")
    safe_write.write_bytes(Path(path), buf.getvalue())
