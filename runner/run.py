"""One run: a design's audio through a backend, compared with the baseline and the float reference,
timed per call, stored in the results database."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

import partitioner
import sim
from kernels.mel_tools import accuracy, framing, kernel, reference
from kernels.mel_tools.audio import check_samples
from partitioner import manifest
from partitioner.check import Evaluation
from runner import backends
from runner.results import ResultsDB, RunRecord, git_commit
from sim import host
from sim.api import refuse


@dataclass
class RunOutput:
    """A stored run and the design's output (frames, values per frame)."""

    record: RunRecord
    frames_out: np.ndarray


def run_frames(backend: backends.Backend, evaluation: Evaluation, folder: Path, audio: np.ndarray, repeat: int = 1
               ) -> tuple[np.ndarray, list[float], int]:
    """The design's output for every frame of ``audio`` (first pass), and every call's time over ``repeat`` passes.

    ``evaluation`` is the design read from the built folder ``folder``: its host buffers lay out the calls.
    """
    design = evaluation.design
    backend.load(evaluation, folder)
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
    return host.frames_from_outputs(design, first, framing.n_frames(audio.size, evaluation.spec.geometry)), times, calls


def run_design(folder: Path, backend_name: str, audio: np.ndarray, repeat: int = 1, db: ResultsDB | None = None,
               baseline: Path | None = None, force: bool = False, **backend_kw) -> RunOutput:
    """Run a built design on a backend, compare it with the baseline, store the run.

    Parameters
    ----------
    folder : path
        A built design folder (aie.mlir, manifest.json; build/ for ``xrt``).
    backend_name : str
        "sim" or "xrt" (:func:`runner.backends.make`; ``backend_kw`` are its options).
    audio : numpy.ndarray
        int16 16 kHz samples.
    repeat : int
        Passes over the audio; every call of every pass is timed.
    db : ResultsDB, optional
        Where the run is stored (nothing is stored if interrupted).
    baseline : path, optional
        What the output must equal; default :data:`sim.BASELINE_DIR`. Its output comes from
        :func:`sim.baseline_output`, cached per baseline and audio, whatever the backend.
    force : bool
        Run a design that would not run on an NPU (:func:`sim.api.refusal`: it does not fit, hangs, or,
        on the simulator, its kernel does not build). The record is marked: ``forced`` says why, and
        its ``diagnosis`` starts with "forced".

    Returns
    -------
    RunOutput
        The stored record and the design's output.

    Raises
    ------
    UserError
        The folder has no manifest.json, or it disagrees with the IR (:mod:`partitioner.manifest`).
    sim.api.NotRunnable
        The design would not run on an NPU and ``force`` is not set: nothing runs, nothing is stored.
    """
    folder = Path(folder)
    audio = check_samples(audio)  # an array handed to the library is checked as a file is
    sha = manifest.sha256(folder)  # the record of the manifest; partitioner.read holds it to the IR
    ev = partitioner.read(folder)
    forced = refuse(ev, "run", force, kernel=backend_name == "sim")
    backend = backends.make(backend_name, **backend_kw)
    got, times, calls = run_frames(backend, ev, folder, audio, repeat)
    want = sim.baseline_output(audio, baseline)
    cmp = sim.compare(got, want)
    rec = RunRecord(design=ev.design.name, backend=backend.name, timing=backend.timing,
                    options=ev.design.options.as_dict(), frames=int(got.shape[0]), npu_calls=calls, times=times,
                    manifest_sha256=sha, git_commit=git_commit(), bit_exact=cmp.bit_exact,
                    max_abs_diff=cmp.max_abs_diff, **backend.info())
    rec.diagnosis = accuracy.diagnose(got)
    if rec.diagnosis is None and ev.spec.name == "mel":
        acc = accuracy.compare("run", kernel.finish(got), reference.log_mel_spectrogram(audio))
        rec.pearson, rec.max_abs_error = acc.pearson, acc.max_abs_error
        if not acc.passed:
            rec.diagnosis = f"inaccurate: pearson {acc.pearson}, max |err| {acc.max_abs_error:.3g}"
    if forced:  # stored, but never as a valid run: `results` shows the mark, regressions skip it
        rec.forced = forced
        rec.diagnosis = f"forced: {forced}" + (f"; {rec.diagnosis}" if rec.diagnosis else "")
    if db is not None:
        rec.id = db.add(rec)
    return RunOutput(rec, got)
