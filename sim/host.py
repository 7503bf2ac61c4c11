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

from partitioner import kernel_spec
from partitioner.design import Design
from sim import framing


def n_calls(design: Design, n_frames: int) -> int:
    return -(-n_frames // design.batch)


def call_inputs(design: Design, audio: np.ndarray) -> Iterator[dict[str, np.ndarray]]:
    """For each NPU call, the host input buffers by name (flat arrays of their element type).

    Audio is framed with the geometry of the design's kernel (its kernel.toml).
    """
    g = kernel_spec.load(design.options.kernel).geometry
    batch, hop = design.batch, g.hop_samples
    t = framing.n_frames(audio.size, g)
    calls = n_calls(design, t)
    inputs = [b for b in design.sequence.buffers if b.direction == "in"]
    padded = framing.padded(audio, g)
    need = calls * batch * hop + g.halo_samples
    padded = np.concatenate([padded, np.zeros(max(0, need - padded.size), np.int16)])
    span = batch * hop + g.halo_samples
    # Frames are cut per call, so a long input is never framed whole (2.5x its size).
    windows = np.lib.stride_tricks.sliding_window_view(padded, g.frame_samples)[::hop]
    for c in range(calls):
        if design.options.frame_mode == "framed":
            frames = np.array(windows[c * batch:(c + 1) * batch], dtype=np.int16)
            frames[max(0, t - c * batch):] = 0  # frames past the audio are zero frames
            yield {b.name: frames.reshape(-1) for b in inputs}
        else:
            start = c * batch * hop
            yield {b.name: padded[start:start + span] for b in inputs}


def frames_from_outputs(design: Design, outputs: list[np.ndarray], n_frames: int) -> np.ndarray:
    """(n_frames, values per frame) from the per-call output buffers, padding dropped.

    Raises UserError when an output buffer does not hold whole frames of the design's batch (a
    hand-written design whose buffers disagree with its batch: without manifest.json the batch is
    Options' default).
    """
    from partitioner.errors import UserError

    for o in outputs:
        if o.size == 0 or o.size % design.batch:
            raise UserError(f"{design.name}: one call's output buffer holds {o.size:,} values, not whole frames of "
                            f"the design's batch of {design.batch} frames: its host buffers and batch disagree "
                            f"(a design without manifest.json is taken as batch {design.batch})")
    per_call = np.concatenate([o.reshape(design.batch, -1) for o in outputs])
    return per_call[:n_frames]
