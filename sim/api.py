"""The simulator as a researcher uses it from Python: simulate a design, model its time.

:func:`simulate` is the one implementation of "run a design against the
baseline": ``npu-tiler simulate``, the explorer and the runner's simulator
backend all call it (the backend through :class:`CallRunner`, one NPU call at
a time), and :func:`baseline_output` is the one cache of the baseline's
output (per baseline and audio) that all of them, the runner on any backend
and the benchmarks compare with. The simulator is a stand-in for an NPU, not
one: its outputs are the host-built kernel's, its times are the timing model's.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kernels.mel_tools import fixtures, framing, hostbuild
from kernels.mel_tools.audio import check_samples, load_audio
import partitioner
from partitioner import params as param_files
from partitioner.check import Evaluation
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.params import TimingParams
from sim import dataflow, host, timing
from sim.engine import SimulationError
from sim.timing import Timing

# designs/ sits beside the packages: the repository in a checkout, site-packages in an installed copy
# (package data, see pyproject.toml), as partitioner.emitters.DESIGNS_DIR finds it too.
BASELINE_DIR = Path(__file__).resolve().parents[1] / "designs" / "batch20_1tile"

AudioArg = str | Path | np.ndarray | Mapping[str, np.ndarray] | Iterable[str] | None
DesignArg = Evaluation | str | Path


@dataclass
class SimResult:
    """What one simulation found.

    ``first_difference`` is (audio item, frame, value index) of the first
    output that differs from the baseline, or None when bit-exact.
    ``outputs`` holds the design's raw int16 output per audio item, shape
    (frames, values per frame); ``timing`` is the timing model for the same
    frames in the same number of NPU calls (modelled, not measured).
    """

    design: str
    baseline: str
    frames: int
    calls: int
    bit_exact: bool
    max_abs_diff: int
    first_difference: tuple[str, int, int] | None
    timing: Timing
    outputs: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    trace: dict | None = field(default=None, repr=False)
    refused: str | None = None  # simulated with force=True: why it would not run on an NPU (:func:`refusal`)

    def as_json(self) -> dict:
        """The JSON object ``npu-tiler simulate --json`` prints (``refused`` only when forced past a refusal)."""
        out = {"design": self.design, "frames": self.frames, "bit_exact_vs_baseline": self.bit_exact,
               "max_abs_diff": self.max_abs_diff, "modeled_seconds": self.timing.modeled_seconds,
               "npu_calls": self.calls, "dma_bytes": self.timing.dma_bytes}
        return out | ({"refused": self.refused} if self.refused else {})


class NotRunnable(SimulationError):
    """The design would not run on an NPU: it does not fit, the hang check finds it hangs, or its kernel does not
    build. Simulating, timing or running it would pretend it does (the command line exits 1)."""


def _first_reason(errors: list[str]) -> str:
    """The first of ``errors`` on one line: its first line and the bytes it needs (the memory map left out)."""
    lines = errors[0].splitlines()
    head = lines[0] + "".join(f"; {line.strip()}" for line in lines[1:2] if line.strip().startswith("needs"))
    return head + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else "")


def refusal(evaluation: Evaluation, *, kernel: bool = True) -> str | None:
    """Why a design would not run on an NPU, in one line, or None when nothing says it would not.

    In this order: it does not fit (the check's first reason), the static hang check
    (:mod:`partitioner.hangs`) finds it hangs, or (``kernel``) its kernel's sources do not build on the host
    (the simulator runs that build; a compiler that is missing is a missing tool, raised as UserError).

    Examples
    --------
    >>> import partitioner
    >>> print(refusal(partitioner.partition(batch=100, tiles=4)))
    None
    >>> print(refusal(partitioner.partition(batch=100, tiles=1, strategy="single", suggest=False))[:40])
    batch100_1tile_d2 does not fit: tile (0,
    """
    found = _refusal(evaluation, kernel)
    return None if found is None else found[0]


def _refusal(evaluation: Evaluation, kernel: bool) -> tuple[str, str] | None:
    """:func:`refusal`'s reason and where to read more about it."""
    name = evaluation.design.name
    if not evaluation.fits:
        return f"{name} does not fit: {_first_reason(evaluation.errors)}", "`npu-tiler check` lists every reason"
    found = check_hangs(evaluation, locations=False).hangs
    if found:
        more = f" (+{len(found) - 1} more)" if len(found) > 1 else ""
        return f"{name} would hang on the NPU: {found[0].message}{more}", "`npu-tiler check` shows where"
    spec = evaluation.spec
    if kernel and spec is not None and spec.has_sources:
        hostbuild.compiler()  # missing: a tool to install (UserError), not a verdict on the design
        try:
            hostbuild.build_shared(hostbuild.sources(spec.name))
        except hostbuild.HostBuildError as exc:
            return f"{name}: its kernel {spec.name} does not build ({exc})", "fix the kernel's C sources"
    return None


def refuse(evaluation: Evaluation, what: str, force: bool = False, *, kernel: bool = True) -> str | None:
    """Raise :class:`NotRunnable` when :func:`refusal` finds a reason and not ``force``; return the reason (or None).

    ``what`` is the verb of the message: "simulate", "run", ...
    """
    found = _refusal(evaluation, kernel)
    if found is not None and not force:
        why, more = found
        raise NotRunnable(f"{why}; it would not run on an NPU, so npu-tiler does not {what} it "
                          f"({more}; --force to {what} it anyway)")
    return None if found is None else found[0]


class CallRunner:
    """A design's pools and processes, ready to run NPU calls one at a time (state carries over).

    Parameters
    ----------
    evaluation : Evaluation
        The placed design to run.
    timing_params : TimingParams, optional
        For the modelled time of each call; default ``partitioner.params.timing()``.

    :meth:`run_audio` runs a long input's calls on several threads when the
    design's calls are independent (see ``sim.dataflow.calls_independent``):
    each thread its own network of the same design, its own contiguous range
    of calls, the kernel (C, called without the GIL) on its own core. Every
    call is still the whole dataflow simulation; the result is the same bits
    as one network running every call in order, which it falls back to when
    any call does not end with every FIFO empty. ``last_run`` says how the
    last :meth:`run_audio` ran (``kernel``: the host build the workers call,
    "lockstep xN" or "scalar", see ``sim.dataflow.kernel_build``).
    """

    def __init__(self, evaluation: Evaluation, timing_params: TimingParams | None = None):
        self.evaluation = evaluation
        self.params = timing_params or param_files.timing()
        self.net = dataflow.build(evaluation, self.params, execute=True)
        self.last_run: dict = {}

    def call(self, inputs: dict[str, np.ndarray]) -> tuple[dict[str, np.ndarray], float]:
        """One NPU call: the output host buffers by name, and its modelled seconds (host overhead included)."""
        out, cycles = dataflow.run_call(self.net, inputs)
        return out, self.params.per_call_overhead_s + self.params.seconds(cycles)

    def run_audio(self, audio: np.ndarray, threads: int | None = None) -> np.ndarray:
        """The design's output for every frame of ``audio``: (frames, values per frame), calls' padding dropped.

        ``threads``: networks run side by side, each on a contiguous range of
        the calls; default :func:`default_threads` for this many calls; 1 runs
        every call on this runner's own network, in order.
        """
        design = self.evaluation.design
        n = framing.n_frames(np.asarray(audio).size, self.evaluation.spec.geometry)
        calls = host.n_calls(design, n)
        k = default_threads(calls) if threads is None else max(1, min(int(threads), calls))
        layout = host.output_layout(design)
        why = None
        if k > 1:
            why = ("no output buffer of whole frames" if layout is None else
                   dataflow.calls_independent(self.net) or
                   (None if dataflow.quiescent(self.net) else "this runner's FIFOs are not empty"))
            if why is None:
                try:
                    got = self._run_parallel(audio, n, calls, k, layout)
                    self.last_run = {"path": "dataflow", "threads": k, "calls": calls,
                                     "kernel": dataflow.kernel_build(self.net)}
                    return got
                except Exception as e:  # noqa: BLE001 - the in-order run below gives the same result or error
                    why = f"{type(e).__name__}: {e}"
        got = self._run_in_order(audio, n, layout)
        self.last_run = {"path": "dataflow", "threads": 1, "calls": calls, "kernel": dataflow.kernel_build(self.net)}
        if why is not None:
            self.last_run["parallel_refused"] = why
        return got

    def _run_in_order(self, audio: np.ndarray, n: int, layout) -> np.ndarray:
        design = self.evaluation.design
        if layout is None:  # the general form (and its error for buffers that do not hold whole frames)
            outs = [next(iter(self.call(inputs)[0].values())) for inputs in host.call_inputs(design, audio)]
            return host.frames_from_outputs(design, outs, n)
        name, width, dtype = layout
        got = np.empty((n, width), dtype)
        for c, inputs in enumerate(host.call_inputs(design, audio)):
            out, _ = dataflow.run_call(self.net, inputs)
            host.put_call_output(design, got, c, out[name])
        return got

    def _run_parallel(self, audio: np.ndarray, n: int, calls: int, k: int, layout) -> np.ndarray:
        design = self.evaluation.design
        name, width, dtype = layout
        got = np.empty((n, width), dtype)
        bounds = [calls * i // k for i in range(k + 1)]
        nets = []
        for i, lo in enumerate(bounds[:-1]):
            # Each thread its own kernel instance: the kernel's statics are per core, as on the NPU.
            net = dataflow.build(self.evaluation, self.params, execute=True, kernel_instance=i + 1)
            net.calls = lo  # process names (and any error) number calls as one network would
            nets.append(net)
        stop = threading.Event()

        def run(net, lo: int, hi: int) -> None:
            for c, inputs in zip(range(lo, hi), host.call_inputs(design, audio, lo, hi)):
                if stop.is_set():
                    return
                out, _ = dataflow.run_call(net, inputs)
                if not dataflow.quiescent(net):
                    raise _NotIndependent(f"call {c} ends with objects in its FIFOs")
                host.put_call_output(design, got, c, out[name])

        errors: list[BaseException] = []

        def guarded(*args) -> None:
            try:
                run(*args)
            except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread
                errors.append(e)
                stop.set()

        workers = [threading.Thread(target=guarded, args=(net, lo, hi), daemon=True)
                   for net, lo, hi in zip(nets[1:], bounds[1:-1], bounds[2:])]
        for w in workers:
            w.start()
        guarded(nets[0], bounds[0], bounds[1])
        for w in workers:
            w.join()
        if errors:
            raise errors[0]
        return got


class _NotIndependent(Exception):
    """A call left objects in a FIFO: calls are not independent, run them in order."""


THREADS_ENV = "NPU_TILER_SIM_THREADS"
MIN_CALLS_PER_THREAD = 16  # below this a thread's own network costs more than it saves


def default_threads(calls: int) -> int:
    """Threads :meth:`CallRunner.run_audio` uses for ``calls`` NPU calls: the CPUs this process may use
    (``NPU_TILER_SIM_THREADS`` overrides), at least 16 calls each."""
    env = os.environ.get(THREADS_ENV, "")
    if env.strip().isdigit():
        cpus = int(env)
    else:
        try:
            cpus = len(os.sched_getaffinity(0))
        except AttributeError:  # not Linux
            cpus = os.cpu_count() or 1
    return max(1, min(cpus, calls // MIN_CALLS_PER_THREAD))


def _evaluation(design: DesignArg) -> Evaluation:
    return design if isinstance(design, Evaluation) else partitioner.read(design)


def _audio_items(audio: AudioArg) -> list[tuple[str, np.ndarray]]:
    """(label, int16 samples) for every audio item ``audio`` names."""
    if audio is None:
        return [(n, fixtures.load(n)) for n in fixtures.names()]
    if isinstance(audio, np.ndarray):
        return [("audio", check_samples(audio))]
    if isinstance(audio, Mapping):
        return [(str(k), check_samples(v, str(k))) for k, v in audio.items()]
    if isinstance(audio, (str, Path)):
        audio = [audio]
    items = []
    for a in audio:
        if not isinstance(a, (str, Path)):
            raise UserError(f"audio items must be file paths or built-in signal names "
                            f"({', '.join(fixtures.names())}), not {type(a).__name__}")
        if str(a) in fixtures.names():
            items.append((str(a), fixtures.load(str(a))))
        elif Path(a).is_file():
            items.append((str(a), load_audio(a)))
        else:
            raise UserError(f"audio {a!r} is neither a file nor a built-in signal "
                            f"({', '.join(fixtures.names())})")
    return items


_BASELINE_OUTPUTS: dict[tuple, np.ndarray] = {}
_BASELINE_LOCK = threading.Lock()


def baseline_output(samples: np.ndarray, baseline: DesignArg | None = None) -> np.ndarray:
    """The baseline design's output for ``samples``: (frames, values per frame), as :meth:`CallRunner.run_audio`.

    The one cache of "what a design must equal": :func:`simulate`, the
    runner (every backend) and the benchmarks ask here, so a baseline runs
    once per design and audio in a process, not once per comparison.

    Parameters
    ----------
    samples : numpy.ndarray
        int16 16 kHz audio.
    baseline : Evaluation or path, optional
        Default the single-tile batch-20 design (:data:`BASELINE_DIR`).

    Returns
    -------
    numpy.ndarray
        The baseline's output, cached per (baseline design and options, audio bytes); do not modify it.
    """
    base = _evaluation(BASELINE_DIR if baseline is None else baseline)
    samples = np.asarray(samples)
    key = (base.design.name, str(base.design.options), samples.dtype.str, samples.size, hash(samples.tobytes()))
    with _BASELINE_LOCK:
        cached = _BASELINE_OUTPUTS.get(key)
    if cached is None:
        # The output does not depend on the timing parameters: the default ones serve every caller.
        cached = CallRunner(base).run_audio(samples)
        with _BASELINE_LOCK:
            _BASELINE_OUTPUTS[key] = cached
    return cached


@dataclass(frozen=True)
class Comparison:
    """One output against its baseline: frames, bit-exactness, largest difference, first difference."""

    frames: int
    bit_exact: bool
    max_abs_diff: int
    first_difference: tuple[int, int] | None  # (frame, value index)


def compare(got: np.ndarray, want: np.ndarray) -> Comparison:
    """Compare a design's (frames, values) output with the baseline's, bit for bit.

    Raises
    ------
    UserError
        The shapes differ: the two designs do not compute the same thing.
    """
    if got.shape != want.shape:
        raise UserError(f"design output has shape {got.shape}, baseline {want.shape}: the designs "
                        f"do not compute the same thing")
    worst, first = 0, None
    rows = max(1, (1 << 20) // max(1, int(np.prod(got.shape[1:], dtype=np.int64))))
    for lo in range(0, got.shape[0], rows):  # in blocks: a long output is never widened whole
        diff = np.abs(got[lo:lo + rows].astype(np.int64) - want[lo:lo + rows].astype(np.int64))
        worst = max(worst, int(diff.max(initial=0)))
        if first is None:
            bad = np.argwhere(diff > 0)
            if len(bad):
                first = (lo + int(bad[0][0]), *(int(i) for i in bad[0][1:]))
    return Comparison(got.shape[0], first is None, worst, first)


def simulate(design: DesignArg, audio: AudioArg = None, baseline: DesignArg | None = None, *,
             timing_params: TimingParams | None = None, trace: bool = False, force: bool = False) -> SimResult:
    """Run audio through a design in the simulator, bit for bit against the baseline design.

    Parameters
    ----------
    design : Evaluation or path
        From ``partitioner.partition``/``partitioner.read``, or a design folder.
    audio : optional
        A built-in signal's name (see ``kernels.mel_tools.fixtures.names()``), an audio
        file, an int16 array of 16 kHz samples, several names or files, or a
        mapping label -> samples. Default: every built-in signal, each its own
        utterance.
    baseline : Evaluation or path, optional
        What ``design`` must equal; default the single-tile batch-20 design
        (``designs/batch20_1tile``).
    timing_params : TimingParams, optional
        For the modelled time; default ``partitioner.params.timing()``.
    trace : bool
        Also return one call's modelled schedule as a Chrome/Perfetto trace.
    force : bool
        Simulate a design that would not run on an NPU (:func:`refusal`: it does
        not fit, hangs, or its kernel does not build); ``refused`` says why.

    Returns
    -------
    SimResult
        ``bit_exact``, ``first_difference``, ``max_abs_diff``, ``frames``,
        ``calls``, the modelled ``timing``, the raw ``outputs`` and ``refused``.

    Raises
    ------
    UserError
        A design folder or audio that cannot be read, a kernel without
        sources (only ``model_time`` works for it).
    NotRunnable
        The design would not run on an NPU and ``force`` is not set (before anything runs).
    sim.engine.SimulationError
        The design deadlocks or makes no progress (names what waits on what).

    Examples
    --------
    >>> import partitioner, sim
    >>> r = sim.simulate(partitioner.partition(batch=100, tiles=4), audio="speech_en_sc")
    >>> r.bit_exact, r.frames, r.calls
    (True, 822, 9)
    """
    ev = _evaluation(design)
    refused = refuse(ev, "simulate", force)
    base = _evaluation(baseline if baseline is not None else BASELINE_DIR)
    params = timing_params or param_files.timing()
    runner = CallRunner(ev, params)
    frames = calls = worst = 0
    first: tuple[str, int, int] | None = None
    outputs: dict[str, np.ndarray] = {}
    for label, samples in _audio_items(audio):
        got = runner.run_audio(samples)
        cmp = compare(got, baseline_output(samples, base))
        if cmp.first_difference is not None and first is None:
            first = (label, *cmp.first_difference)
        worst = max(worst, cmp.max_abs_diff)
        outputs[label] = got
        frames += got.shape[0]
        calls += host.n_calls(ev.design, framing.n_frames(samples.size, ev.spec.geometry))
    t = timing.model(ev, frames, params, calls=calls)
    return SimResult(design=ev.design.name, baseline=base.design.name, frames=frames, calls=calls,
                     bit_exact=first is None, max_abs_diff=worst, first_difference=first, timing=t,
                     outputs=outputs, trace=timing.chrome_trace(ev, params) if trace else None, refused=refused)


def model_time(design: DesignArg, frames: int | None = None, *, timing_params: TimingParams | None = None,
               calls: int | None = None) -> Timing:
    """The timing model alone: no data moves and no kernel runs.

    Parameters
    ----------
    design : Evaluation or path
    frames : int, optional
        Frames to model; default the seed's audio (``partitioner.params.seed().frames``).
    timing_params : TimingParams, optional
        Default ``partitioner.params.timing()``.
    calls : int, optional
        NPU calls those frames take; default one utterance, ceil(frames / batch).

    Returns
    -------
    Timing
        ``modeled_seconds``, ``npu_calls``, ``device_seconds_per_call``,
        ``overhead_seconds_per_call``, ``realtime_factor``, ``dma_bytes``.

    Raises
    ------
    UserError
        ``frames`` below 1, or a kernel without a cycle figure.

    Examples
    --------
    >>> import partitioner, sim
    >>> t = sim.model_time(partitioner.partition(batch=100, tiles=4), frames=628_163)
    >>> t.npu_calls
    6282
    """
    ev = _evaluation(design)
    frames = param_files.seed().frames if frames is None else frames
    # timing.model checks frames (type and range) and names what is allowed.
    return timing.model(ev, frames, timing_params or param_files.timing(), calls=calls)
