"""One run: a design's audio through a backend, compared with the baseline and the float reference,
timed per call, stored in the results database."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import partitioner
import sim
from runner import backends
from runner.results import ResultsDB, RunRecord, git_commit
from sim import accuracy, framing, host, kernel, reference


@dataclass
class RunOutput:
    record: RunRecord
    frames_out: np.ndarray


def run_frames(backend: backends.Backend, folder: Path, audio: np.ndarray, repeat: int = 1
               ) -> tuple[np.ndarray, list[float], int]:
    """The design's output for every frame of ``audio`` (first pass), and every call's time over ``repeat`` passes."""
    ev = partitioner.read(folder)  # host-side layout of the calls
    design = ev.design
    backend.load(folder)
    times: list[float] = []
    first: list[np.ndarray] = []
    calls = 0
    for rep in range(repeat):
        for inputs in host.call_inputs(design, audio):
            out, seconds = backend.run(inputs)
            times.append(seconds)
            calls += 1 if rep == 0 else 0
            if rep == 0:
                first.append(next(iter(out.values())))
    return host.frames_from_outputs(design, first, framing.n_frames(audio.size, ev.spec.geometry)), times, calls


def run_design(folder: Path, backend_name: str, audio: np.ndarray, repeat: int = 1, db: ResultsDB | None = None,
               baseline: Path | None = None, **backend_kw) -> RunOutput:
    folder = Path(folder)
    man = backends.manifest(folder)
    backend = backends.make(backend_name, **backend_kw)
    got, times, calls = run_frames(backend, folder, audio, repeat)
    base_backend = backends.make(backend_name, **backend_kw)
    want, _, _ = run_frames(base_backend, Path(baseline or sim.BASELINE_DIR), audio, 1)
    cmp = sim.compare(got, want)
    rec = RunRecord(design=man["design"], backend=backend.name, timing=backend.timing, options=man["options"],
                    frames=int(got.shape[0]), npu_calls=calls, times=times,
                    manifest_sha256=hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest(),
                    git_commit=git_commit(), bit_exact=cmp.bit_exact, max_abs_diff=cmp.max_abs_diff,
                    **backend.info())
    rec.diagnosis = accuracy.diagnose(got)
    if rec.diagnosis is None and man["kernel"]["name"] == "mel":
        acc = accuracy.compare("run", kernel.finish(got), reference.log_mel_spectrogram(audio))
        rec.pearson, rec.max_abs_error = acc.pearson, acc.max_abs_error
        if not acc.passed:
            rec.diagnosis = f"inaccurate: pearson {acc.pearson}, max |err| {acc.max_abs_error:.3g}"
    if db is not None:
        rec.id = db.add(rec)
    return RunOutput(rec, got)

