"""Validation: run audio through a design and through the batch-20 baseline, compare bit for bit."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from partitioner import manifest as manifest_file
from partitioner.check import Evaluation, evaluate
from partitioner.errors import UserError
from partitioner.mlir_reader import read
from sim import dataflow, host
from partitioner.params import TimingParams

REPO_ROOT = Path(__file__).resolve().parents[1]
BASELINE_DIR = REPO_ROOT / "designs" / "batch20_1tile"


def load_design(folder: str | Path) -> Evaluation:
    """A design folder's aie.mlir, read back through `npu-tiler check`'s reader, checked against its manifest."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"design folder {folder} does not exist (emit one with `npu-tiler emit --out {folder}`)")
    if not (folder / "aie.mlir").is_file():
        raise UserError(f"{folder} has no aie.mlir: not a design folder")
    ev = evaluate(read(folder / "aie.mlir"))
    manifest = manifest_file.read(folder)
    if manifest:
        want = manifest.get("kernel", {}).get("source_sha256")
        if want and ev.spec.has_sources:
            from sim.hostbuild import sources

            have = sources(ev.spec.name).source_hash()
            if have != want:
                raise UserError(f"{folder} was emitted for another version of kernel {ev.spec.name} "
                                f"(source sha256 {want[:12]} in manifest.json, {have[:12]} now): "
                                f"re-emit it with `npu-tiler emit`")
        ev.design.name = manifest.get("design", ev.design.name)
    return ev


def run_audio(ev: Evaluation, audio: np.ndarray, params: TimingParams) -> np.ndarray:
    """The design's int16 output for every frame of ``audio``: (n_frames, values per frame)."""
    net = dataflow.build(ev, params, execute=True)
    outs = []
    for inputs in host.call_inputs(ev.design, audio):
        result, _ = dataflow.run_call(net, inputs)
        outs.append(next(v for v in result.values()))
    from sim import framing

    return host.frames_from_outputs(ev.design, outs, framing.n_frames(audio.size))


@dataclass
class Comparison:
    frames: int
    bit_exact: bool
    max_abs_diff: int
    first_difference: tuple[int, int] | None  # (frame, bin)


def compare(got: np.ndarray, want: np.ndarray) -> Comparison:
    if got.shape != want.shape:
        raise UserError(f"design output has shape {got.shape}, baseline {want.shape}")
    diff = np.abs(got.astype(np.int64) - want.astype(np.int64))
    bad = np.argwhere(diff > 0)
    first = tuple(int(x) for x in bad[0]) if len(bad) else None
    return Comparison(got.shape[0], not len(bad), int(diff.max(initial=0)), first)
