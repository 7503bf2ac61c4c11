"""Prove an mlir-aie design free of hangs before it reaches hardware, with no kernel binary.

The design's IR is executed abstractly: tokens move, data does not.

1. **Model** (:mod:`~partitioner.hangs.model`, built by :mod:`~partitioner.hangs.build`):
   the module is parsed again with each op's ``file:line:col``
   (:mod:`~partitioner.hangs.source`) and becomes
   locks (each ObjectFIFO pool's free/filled pair, sizes from
   :func:`partitioner.lowering.lower`; hand-written ``aie.lock``), processes
   (each core's body in program order with its ``scf.for`` loops, acquires
   taking mlir-aie's static lock amounts; each DMA channel's BD chain,
   including a distribute's or join's per-sub lock pairs on the mem tile and
   a broadcast's lockstep; each shim channel; the runtime sequence's
   ``dma_memcpy_nd``/``dma_wait``, IRON tasks and ``npu.sync``) and streams
   (bytes move when both sides' BDs have room, so a transfer of ``n``
   elements is ``n`` / the object's elements objects, for a link's big FIFO
   too). Kernel calls are a time step.
2. **Static checks** (:mod:`~partitioner.hangs.static`): an acquire larger
   than its pool; a loop body whose acquires and releases of a FIFO port do
   not balance per iteration (reported at the loop).
3. **Execution** (:mod:`~partitioner.hangs.execute`): round-robin until no
   process can move, one runtime-sequence run (NPU call) at a time; cores
   loop forever, so a call ends at quiescence, or when the state repeats.
   After each call the state (locks, positions, finite loop counters, bytes
   in flight; not the counters that only grow) is compared with the earlier
   calls' ends: a repeat proves every later call behaves as an earlier one
   (at least two calls run, which catches a core that consumes one object
   per call too few); a host wait, or a transfer that cannot be queued, that
   never completes is a hang. Bounds: ``2 + buffers + queued objects`` calls
   (drift leaves at least one object per call in a finite pool or in a shim
   channel's task queue of depth 4), a round limit per call.
4. **Diagnosis** (:mod:`~partitioner.hangs.diagnose`): the wait-for graph of
   the final state names the hang: a *cycle* of array processes waiting on
   each other, a *starved-host-wait*, a *missing-input*; each with every
   stuck op, what it waits for (needed vs available), the iteration and call
   at which it sticks, and the chain; :func:`draw_cycle` draws it.

Public API: :func:`find_hangs` (the list), :func:`check` (with the proof
status and notes), :class:`Hang`, :class:`StuckOp`, :func:`draw_cycle`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from partitioner.hangs.build import build
from partitioner.hangs.diagnose import diagnose
from partitioner.hangs.execute import execute
from partitioner.hangs.report import KINDS, Hang, StuckOp, draw_cycle
from partitioner.hangs.source import Source, parse_source, read_source
from partitioner.hangs.static import findings

__all__ = ["find_hangs", "check", "HangCheck", "Hang", "StuckOp", "draw_cycle", "KINDS"]


@dataclass
class HangCheck:
    """The result of :func:`check`.

    ``hangs`` as :func:`find_hangs` returns them; ``proved`` True when the
    run settled with every host wait complete, no hang, nothing taken as
    given instead of modelled, and either the calls' end states repeated, or
    the design runs once by construction, or it has no runtime sequence and
    no core is left blocked for good; ``calls`` the runtime-sequence runs
    executed; ``notes``
    what was not modelled or not decided; ``source`` the file checked.
    """

    hangs: list[Hang]
    proved: bool
    calls: int
    notes: list[str] = field(default_factory=list)
    source: str = ""
    seconds: float = 0.0

    def as_json(self) -> dict:
        """``{"hangs": [Hang.as_json()], "proved", "calls", "notes", "source"}``."""
        return {"hangs": [h.as_json() for h in self.hangs], "proved": self.proved, "calls": self.calls,
                "notes": list(self.notes), "source": self.source}


def _inputs(evaluation_or_path, locations: bool = True):
    """(Evaluation, Source) for a path (read with ``verify_sources=False``) or an Evaluation."""
    from partitioner.api import read
    from partitioner.check import Evaluation

    if isinstance(evaluation_or_path, (str, Path)):
        path = Path(evaluation_or_path)
        ev = read(path, verify_sources=False)
        return ev, read_source(path)
    if not isinstance(evaluation_or_path, Evaluation):
        raise TypeError(f"give an Evaluation or a path, not {type(evaluation_or_path).__name__}")
    ev = evaluation_or_path
    src = getattr(ev, "source", None) or getattr(ev.design, "source", None)
    if src is not None and Path(src).exists():
        return ev, read_source(src)
    name = f"{ev.design.name or 'design'}/aie.mlir (emitted)"
    if not locations:
        try:
            from partitioner.emitters.mlir import module
        except ImportError:  # pragma: no cover - the emitter's op tree moved: print and parse instead
            pass
        else:
            return ev, Source(name, module(ev))
    from partitioner.emitters import render_files

    return ev, parse_source(render_files(ev, "kernels")["aie.mlir"], name)


def check(evaluation_or_path, *, locations: bool = True) -> HangCheck:
    """Execute the design abstractly and report every hang, with whether freedom was proven.

    Parameters
    ----------
    evaluation_or_path : Evaluation or path
        A design folder or ``.mlir`` file (read with
        ``partitioner.read(path, verify_sources=False)``), or an Evaluation
        (:func:`partitioner.partition` or :func:`partitioner.read`; one with
        no source file is checked on the aie.mlir npu-tiler emits for it).
    locations : bool
        For an Evaluation with no source file: print its aie.mlir and parse
        it back so that stuck ops carry ``file:line:col`` (default). False
        checks the emitter's op tree directly, about 10x faster (what a
        design-space filter wants); locations are then the file name alone.

    Returns
    -------
    HangCheck

    Raises
    ------
    UserError
        The path cannot be read as an mlir-aie design.

    Examples
    --------
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> from partitioner.hangs import check
    >>> result = check(DESIGNS_DIR / "batch100_split4")
    >>> result.hangs, result.proved, result.calls
    ([], True, 2)
    """
    start = time.perf_counter()
    ev, src = _inputs(evaluation_or_path, locations)
    net = build(src, ev.design, ev.lowered, ev.device, ev.profile)
    static = findings(net)
    outcome = execute(net)
    hangs, notes = diagnose(net, outcome, static)
    hangs.sort(key=lambda h: KINDS.index(h.kind))
    notes = list(dict.fromkeys([*net.notes, *outcome.notes, *notes]))
    settled = outcome.stop != "undecided" and outcome.host_done and \
        (net.host is None or outcome.repeated or outcome.single_call) and \
        not (net.host is None and any("nothing will wake it" in n for n in notes)) and \
        not net.approximations and not any(c.unmodelled for c in net.cores)
    return HangCheck(hangs, settled and not hangs, outcome.calls, notes, src.filename,
                     time.perf_counter() - start)


def find_hangs(evaluation_or_path, *, locations: bool = True) -> list[Hang]:
    """Every hang of a design: kind, one-line message, stuck ops with ``file:line:col``, wait chain.

    Parameters
    ----------
    evaluation_or_path : Evaluation or path
        As for :func:`check`.
    locations : bool
        As for :func:`check`.

    Returns
    -------
    list of Hang
        Empty when none was found (see :func:`check` for whether freedom
        was proven). Kinds: "acquire-exceeds-pool", "unbalanced-loop",
        "cycle", "missing-input", "starved-host-wait", in that order.

    Raises
    ------
    UserError
        The path cannot be read as an mlir-aie design.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.hangs import find_hangs
    >>> find_hangs(partitioner.partition(batch=100, tiles=4))
    []
    """
    return check(evaluation_or_path, locations=locations).hangs
