"""Host-built mel kernel vs Whisper's recipe in NumPy on 10 minutes of speech.

    python benchmarks/bench_kernel.py [--minutes 10] [--repeat 3]

Prints frames/s of each (best of --repeat, both measured in this run) and the
ratio, and the accuracy of kernel + finish() against the reference on the
same audio. Timings are the host's, not an NPU's.

    python benchmarks/bench_kernel.py --instructions [--folder OLD_KERNEL_DIR]

prints instructions per frame instead: the host build under callgrind and the
32-bit proxy build (ARMv6-M, no 64-bit multiply or divide) under qemu-arm,
split into the kernel's own code and libgcc helpers (``kernels.mel_tools.measure``; the same
as ``python -m kernels.mel_tools.measure``).
"""
from __future__ import annotations

import argparse
import time

import numpy as np

from kernels.mel_tools import accuracy, fixtures, framing, kernel, reference


def ten_minutes(minutes: float) -> np.ndarray:
    speech = fixtures.default_audio()
    reps = int(np.ceil(minutes * 60 * 16000 / speech.size))
    return np.tile(speech, reps)[: int(minutes * 60 * 16000)]


def best_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--instructions", action="store_true",
                    help="Count instructions per frame (host callgrind, ARMv6-M proxy under qemu-arm) instead.")
    ap.add_argument("--folder", help="With --instructions: measure the kernel sources in this folder.")
    args = ap.parse_args()
    if args.instructions:
        from kernels.mel_tools import measure

        raise SystemExit(measure.main(["--folder", args.folder] if args.folder else []))
    audio = ten_minutes(args.minutes)
    n = framing.n_frames(audio.size)
    frames = framing.frames(audio)
    kernel.mel_frames(frames[:10])  # build and load the library outside the timing

    t_kernel = best_time(lambda: kernel.mel_frames(frames), args.repeat)
    t_kernel_e2e = best_time(lambda: kernel.log_mel(audio), args.repeat)
    t_ref = best_time(lambda: reference.log_mel_spectrogram(audio), args.repeat)
    acc = accuracy.kernel_accuracy(f"{args.minutes:g} min speech", audio)

    print(f"audio: {args.minutes:g} min, {n} frames (best of {args.repeat})")
    print(f"{'host kernel (mel_frames only)':34s} {n / t_kernel:12,.0f} frames/s  {t_kernel:7.3f} s")
    print(f"{'host kernel (framing + finish)':34s} {n / t_kernel_e2e:12,.0f} frames/s  {t_kernel_e2e:7.3f} s")
    print(f"{'NumPy float64 reference':34s} {n / t_ref:12,.0f} frames/s  {t_ref:7.3f} s")
    print(f"ratio kernel/reference (end to end, frames/s): {t_ref / t_kernel_e2e:.2f}")
    corr = "constant" if acc.pearson is None else f"{acc.pearson:.9f}"
    print(f"accuracy: max|err| {acc.max_abs_error:.2e}, pearson {corr} "
          f"(bar: <= {accuracy.MAX_ABS_ERROR}, >= {accuracy.MIN_PEARSON}) -> {'ok' if acc.passed else 'FAIL'}")


if __name__ == "__main__":
    main()
