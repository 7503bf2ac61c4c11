"""The host side of a design's NPU calls: per-call input buffers from audio, output back to frames.

Padding rule: audio whose frame count T is not a multiple of the batch B is
run in ceil(T / B) calls; the last call's missing frames are zero frames
(framed designs) or zero samples after the reflect-padded audio (designs that
read raw audio), and the outputs of frames beyond T are dropped. Frames are
computed independently, so the padding never changes a real frame's bits.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from kernels.mel_tools import framing
from partitioner import kernel_spec
from partitioner.design import Design, numpy_dtype
from partitioner.errors import UserError


def n_calls(design: Design, n_frames: int) -> int:
    return -(-n_frames // design.batch)


class PaddedAudio:
    """The reflect-padded audio followed by zeros, cut on demand: never built whole.

    ``cut(start, length)`` equals ``concatenate([framing.padded(audio), zeros])[start:start + length]``,
    a view of ``audio`` itself where the span lies inside it (a long input is
    never copied whole: padding it would take its size again).
    """

    def __init__(self, audio: np.ndarray, g):
        audio = np.asarray(audio)
        pad = g.frame_samples // 2
        if audio.ndim != 1 or audio.size < pad + 1:
            framing.padded(audio, g)  # raises the framing error for this audio
        self.audio, self.pad = audio, pad
        self.head = framing.padded(audio[:pad + 1], g)[:pad]  # reflect uses audio[1 .. pad]
        self.tail = framing.padded(audio[audio.size - pad - 1:], g)[2 * pad + 1:]  # audio[n - 1 - pad .. n - 2]
        self.dtype = np.result_type(self.head.dtype, np.int16)  # as padded audio extended by int16 zeros

    def cut(self, start: int, length: int) -> np.ndarray:
        """Samples ``start .. start + length - 1`` of the padded, zero-extended audio."""
        a0, a1 = self.pad, self.pad + self.audio.size
        if a0 <= start and start + length <= a1 and self.audio.dtype == self.dtype:
            return self.audio[start - a0:start - a0 + length]
        out = np.zeros(length, self.dtype)
        for first, seg in ((0, self.head), (a0, self.audio), (a1, self.tail)):
            lo, hi = max(start, first), min(start + length, first + seg.size)
            if lo < hi:
                out[lo - start:hi - start] = seg[lo - first:hi - first]
        return out


def call_inputs(design: Design, audio: np.ndarray, first: int = 0,
                stop: int | None = None) -> Iterator[dict[str, np.ndarray]]:
    """For each NPU call, the host input buffers by name (flat arrays of their element type).

    Audio is framed with the geometry of the design's kernel (its kernel.toml).
    ``first`` and ``stop`` give a range of the calls (default all): calls are
    cut independently, so a range's inputs equal those calls' inputs of the
    whole run.
    """
    g = kernel_spec.load(design.options.kernel).geometry
    batch, hop = design.batch, g.hop_samples
    t = framing.n_frames(audio.size, g)
    calls = n_calls(design, t)
    inputs = [b for b in design.sequence.buffers if b.direction == "in"]
    padded = PaddedAudio(audio, g)
    span = batch * hop + g.halo_samples
    framed_span = (batch - 1) * hop + g.frame_samples
    # Frames are cut per call, so a long input is never framed whole (2.5x its size).
    for c in range(first, calls if stop is None else min(stop, calls)):
        start = c * batch * hop
        if design.options.frame_mode == "framed":
            cut = padded.cut(start, framed_span)
            # Frame j is samples j * hop .. j * hop + frame - 1 of the call's span: a strided view, copied.
            windows = np.lib.stride_tricks.as_strided(cut, (batch, g.frame_samples),
                                                      (hop * cut.strides[0], cut.strides[0]), writeable=False)
            frames = np.array(windows, dtype=np.int16, order="C")
            frames[max(0, t - c * batch):] = 0  # frames past the audio are zero frames
            yield {b.name: frames.reshape(-1) for b in inputs}
        else:
            yield {b.name: padded.cut(start, span) for b in inputs}


def output_layout(design: Design) -> tuple[str, int, np.dtype] | None:
    """(name, values per frame, dtype) of the host buffer a call's frames come back in (its first output),
    or None when the design has no output buffer or that buffer does not hold whole frames of the batch."""
    out = next((b for b in design.sequence.buffers if b.direction == "out"), None)
    if out is None or out.elem_count == 0 or out.elem_count % design.batch:
        return None
    return out.name, out.elem_count // design.batch, numpy_dtype(out.elem_type)


def put_call_output(design: Design, frames_out: np.ndarray, call: int, output: np.ndarray) -> None:
    """Write call ``call``'s output buffer into its rows of ``frames_out`` (n_frames, values), padding dropped.

    The same rows :func:`frames_from_outputs` gives, without holding every call's buffer.
    """
    _check_whole_frames(design, output)
    lo = call * design.batch
    hi = min(lo + design.batch, frames_out.shape[0])
    if hi > lo:
        frames_out[lo:hi] = output.reshape(design.batch, -1)[:hi - lo]


def _check_whole_frames(design: Design, o: np.ndarray) -> None:
    if o.size == 0 or o.size % design.batch:
        raise UserError(f"{design.name}: one call's output buffer holds {o.size:,} values, not whole frames of "
                        f"the design's batch of {design.batch} frames: its host buffers and batch disagree "
                        f"(a design without manifest.json is taken as batch {design.batch})")


def frames_from_outputs(design: Design, outputs: list[np.ndarray], n_frames: int) -> np.ndarray:
    """(n_frames, values per frame) from the per-call output buffers, padding dropped.

    Raises UserError when an output buffer does not hold whole frames of the design's batch (a
    hand-written design whose buffers disagree with its batch: without manifest.json the batch is
    Options' default).
    """
    for o in outputs:
        _check_whole_frames(design, o)
    per_call = np.concatenate([o.reshape(design.batch, -1) for o in outputs])
    return per_call[:n_frames]
