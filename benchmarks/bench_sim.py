"""The seed's full audio length through batch100_split4 in the simulator, against Whisper's torch recipe.

    python benchmarks/bench_sim.py [--frames 628163] [--design designs/batch100_split4] [--repeat 2]

Synthesises 628,163 frames (the seed's 1 h 44 min) by repeating the built-in
speech, runs them through the design in the functional simulator on 2
threads and on 1, checks that both give the same bits and that they equal
the batch-20 baseline's, and times the simulation against Whisper's own
recipe in torch on CPU (``pip install -e '.[bench]'``) on the same audio in
the same run, with ``torch.set_num_threads(2)`` and 1:

    stft = torch.stft(audio, 400, 160, window=torch.hann_window(400), return_complex=True)
    mel = filters @ stft[..., :-1].abs() ** 2          # the 80 x 201 Slaney filters of kernels/mel_tools/melfilters.py
    log = torch.clamp(mel, min=1e-10).log10()
    log = (torch.maximum(log, log.max() - 8.0) + 4.0) / 4.0

Without torch, NumPy's float32 rfft recipe stands in (it runs on one thread
either way) and the output says so. Goal: simulation <= 2x the reference's
time on 2 threads. The reference runs in a child process, so the
simulator's peak RSS (``getrusage`` maxrss of this process) is its own: goal
below 2x (audio + output). Timed: the simulator's ``run_audio`` (audio in,
the kernel's int16 frames out; Whisper's utterance-wide step is the host's
``kernels.mel_tools.kernel.finish``, not part of a simulation) and the reference from
int16 samples to its normalised log-mel. With ``--repeat`` each figure is
the best of that many runs, the simulator's and the reference's runs
interleaved so that other load on the machine hits both alike.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import time

import numpy as np

from partitioner.params import seed

THREADS = (2, 1)


def synthesise(frames: int) -> np.ndarray:
    from kernels.mel_tools import fixtures

    speech = fixtures.default_audio()
    samples = frames * 160 + 80  # n // 160 == frames
    return np.tile(speech, -(-samples // speech.size))[:samples]


def _torch_recipe(torch, filters):
    window = torch.hann_window(400)

    def log_mel(audio: np.ndarray):
        x = torch.from_numpy(audio.astype(np.float32) / 32768.0)  # as whisper.load_audio
        stft = torch.stft(x, 400, 160, window=window, return_complex=True)
        magnitudes = stft[..., :-1].abs() ** 2
        mel = filters @ magnitudes
        log_spec = torch.clamp(mel, min=1e-10).log10()
        log_spec = torch.maximum(log_spec, log_spec.max() - 8.0)
        return (log_spec + 4.0) / 4.0

    return log_mel


def _numpy_recipe(filters: np.ndarray):
    from kernels.mel_tools import framing
    from kernels.mel_tools.melfilters import hann_periodic

    window = hann_periodic().astype(np.float32)

    def log_mel(audio: np.ndarray):
        x = framing.frames(audio).astype(np.float32) / np.float32(32768.0)
        spec = np.fft.rfft(x * window, axis=1)
        power = (spec.real ** 2 + spec.imag ** 2).astype(np.float32)
        mel = filters @ power.T
        log_spec = np.log10(np.maximum(mel, np.float32(1e-10)))
        log_spec = np.maximum(log_spec, log_spec.max() - np.float32(8.0))
        return (log_spec + np.float32(4.0)) / np.float32(4.0)

    return log_mel


def reference_worker(conn, frames: int) -> None:
    """The reference in its own process: answers "threads" with (seconds, CPU seconds, output shape)."""
    from kernels.mel_tools.melfilters import mel_filters

    audio = synthesise(frames)
    filters = mel_filters().astype(np.float32)
    try:
        import torch

        recipe, name = _torch_recipe(torch, torch.from_numpy(filters)), f"torch {torch.__version__} (CPU)"
    except ImportError:
        torch, recipe = None, _numpy_recipe(filters)
        name = "NumPy float32 rfft (torch is not installed: pip install -e '.[bench]'; one thread either way)"
    recipe(audio[:16000 * 10])  # warm up
    conn.send(name)
    while True:
        threads = conn.recv()
        if threads is None:
            break
        if torch is not None:
            torch.set_num_threads(threads)
        t0, c0 = time.perf_counter(), time.process_time()
        out = recipe(audio)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        shape = tuple(out.shape)
        del out
        conn.send((seconds, cpu, shape))
    conn.send(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)


def _mb(nbytes: float) -> str:
    return f"{nbytes / 1e6:,.0f} MB"


def main() -> None:
    import partitioner
    import sim
    from kernels.mel_tools import hostbuild

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=seed().frames)
    ap.add_argument("--design", default=str(sim.BASELINE_DIR.parent / "batch100_split4"))
    ap.add_argument("--repeat", type=int, default=2, help="best of this many runs of each timing")
    args = ap.parse_args()

    load_before = os.getloadavg()
    ctx = mp.get_context("spawn")
    child_conn, conn = ctx.Pipe()
    ref = ctx.Process(target=reference_worker, args=(child_conn, args.frames), daemon=True)
    ref.start()
    ref_name = conn.recv()

    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    audio = synthesise(args.frames)
    design = partitioner.read(args.design)
    baseline = partitioner.read(sim.BASELINE_DIR)  # compared through sim.baseline_output, as simulate and the runner
    warm = audio[:16000 * 40]  # build and load the kernel (an instance per thread) outside the timing
    for th in THREADS:
        sim.CallRunner(design).run_audio(warm, threads=th)

    best_sim = dict.fromkeys(THREADS, float("inf"))
    best_ref = dict.fromkeys(THREADS, float("inf"))
    cpu_sim, cpu_ref = {}, {}  # CPU seconds of the best runs: how many cores each side had
    got = None
    same_across_threads = True
    paths = {}
    rss_sim = 0
    for _ in range(max(1, args.repeat)):
        for th in THREADS:
            runner = sim.CallRunner(design)
            t0, c0 = time.perf_counter(), time.process_time()
            out = runner.run_audio(audio, threads=th)
            seconds = time.perf_counter() - t0
            if seconds < best_sim[th]:
                best_sim[th], cpu_sim[th] = seconds, time.process_time() - c0
            paths[th] = runner.last_run
            if got is None:
                got = out
                rss_sim = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            else:
                same_across_threads &= sim.compare(out, got).bit_exact
            del out, runner
            conn.send(th)
            seconds, cpu, ref_shape = conn.recv()
            if seconds < best_ref[th]:
                best_ref[th], cpu_ref[th] = seconds, cpu
    conn.send(None)
    rss_ref = conn.recv()
    ref.join()

    t0 = time.perf_counter()
    want = sim.baseline_output(audio, baseline)
    t_base = time.perf_counter() - t0
    cmp = sim.compare(got, want)
    del want
    rss_end = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    load_after = os.getloadavg()

    budget = 2 * (audio.nbytes + got.nbytes)
    n = args.frames
    print(f"audio: {n:,} frames ({n / 100 / 60:.1f} min), {_mb(audio.nbytes)} int16; output {_mb(got.nbytes)} int16")
    print(f"machine: {os.cpu_count()} CPUs; load average {load_before[0]:.2f} before, {load_after[0]:.2f} after "
          f"(other work on the machine slows both sides)")
    print(f"host kernel build: {' '.join(hostbuild.host_flags())}; "
          f"reference: Whisper's recipe in {ref_name}, output {ref_shape}")
    print(f"best of {max(1, args.repeat)} run(s) each:")
    for th in THREADS:
        p = paths[th]
        print(f"  {th} thread{'s' if th > 1 else ' '}: simulator {design.design.name} {best_sim[th]:6.2f} s "
              f"({n / best_sim[th]:,.0f} frames/s, {p['path']} path on {p['threads']} network(s), "
              f"{cpu_sim[th] / best_sim[th]:.2f} cores busy); reference {best_ref[th]:6.2f} s "
              f"({n / best_ref[th]:,.0f} frames/s, {cpu_ref[th] / best_ref[th]:.2f} cores busy)")
    print(f"simulator, {baseline.design.name} (baseline, default threads) {t_base:7.2f} s")
    print(f"bit-exact vs baseline: {cmp.bit_exact} (max |diff| {cmp.max_abs_diff}); "
          f"2 threads == 1 thread: {same_across_threads}")
    print(f"peak RSS, simulator process: {_mb(rss_sim)} after the first simulation, {_mb(rss_end)} at the end "
          f"(imports {_mb(rss_start)}); budget 2 x (audio + output) = {_mb(budget)}: "
          f"{'within' if rss_end <= budget else 'OVER'}; reference process {_mb(rss_ref)}")
    for th in THREADS:
        r = best_sim[th] / best_ref[th]
        print(f"ratio simulation / reference, {th} thread{'s' if th > 1 else ''}: {r:.2f}"
              + (" (goal <= 2)" if th == 2 else ""))


if __name__ == "__main__":
    main()
