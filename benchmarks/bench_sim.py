"""The seed's full audio length through batch100_split4 in the simulator, against NumPy's recipe.

    python benchmarks/bench_sim.py [--frames 628163] [--design designs/batch100_split4]

Synthesises 628,163 frames (the seed's 1 h 44 min) by repeating the built-in
speech, runs them through the design in the functional simulator and through
the batch-20 baseline, checks the outputs bit for bit, and times the design's
simulation against Whisper's log-mel in NumPy (float64) on the same audio in
the same run. Goal: simulation <= 2x the reference's time.
"""
from __future__ import annotations

import argparse
import time

import numpy as np

import partitioner
import sim
from partitioner.params import seed
from sim import fixtures, reference


def synthesise(frames: int) -> np.ndarray:
    speech = fixtures.default_audio()
    samples = frames * 160 + 80  # n // 160 == frames
    return np.tile(speech, -(-samples // speech.size))[:samples]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=seed().frames)
    ap.add_argument("--design", default=str(sim.BASELINE_DIR.parent / "batch100_split4"))
    args = ap.parse_args()
    audio = synthesise(args.frames)
    design = partitioner.read(args.design)
    baseline = partitioner.read(sim.BASELINE_DIR)
    sim.CallRunner(design).run_audio(audio[:16000])  # build and load the kernel outside the timing

    t0 = time.perf_counter()
    got = sim.CallRunner(design).run_audio(audio)
    t_sim = time.perf_counter() - t0
    t0 = time.perf_counter()
    reference.log_mel_spectrogram(audio)
    t_ref = time.perf_counter() - t0
    t0 = time.perf_counter()
    want = sim.CallRunner(baseline).run_audio(audio)
    t_base = time.perf_counter() - t0

    cmp = sim.compare(got, want)
    print(f"audio: {args.frames:,} frames ({args.frames / 100 / 60:.1f} min)")
    print(f"simulator, {design.design.name:28s} {t_sim:7.2f} s  ({args.frames / t_sim:,.0f} frames/s)")
    print(f"simulator, {baseline.design.name:28s} {t_base:7.2f} s  (baseline)")
    print(f"NumPy float64 reference (Whisper's recipe)  {t_ref:7.2f} s  ({args.frames / t_ref:,.0f} frames/s)")
    print(f"bit-exact vs baseline: {cmp.bit_exact} (max |diff| {cmp.max_abs_diff})")
    print(f"ratio simulation / reference: {t_sim / t_ref:.2f} (goal <= 2)")


if __name__ == "__main__":
    main()
