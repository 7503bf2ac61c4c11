"""Prove an mlir-aie design free of hangs before it reaches hardware, with no kernel binary.

The design's IR is executed abstractly: tokens move, data does not.

1. **Model** (:mod:`~.model`, built by :mod:`~.build` from the index of ``Evaluation.ir``): locks,
   processes (cores, DMA channels, shim channels, the runtime sequence) and streams.
2. **Static checks** (:mod:`~.static`): an acquire larger than its pool; a loop whose acquires and
   releases of a FIFO port do not balance per iteration (held counts as the profile's ObjectFIFO
   lowering keeps them, static or dynamic).
3. **Execution** (:mod:`~.execute`): round-robin until nothing can move, one runtime-sequence run
   (NPU call) at a time, until the calls' end states repeat (a proof) or a bound is reached.
4. **Diagnosis** (:mod:`~.diagnose`): the wait-for graph of the final state names each hang (a
   *cycle*, a *starved-host-wait*, a *missing-input*) with its stuck ops and chain.

Ops the index records but no model follows and that may move data or locks
(:attr:`partitioner.mlir.index.DeviceIndex.movers`: register writes the register map does not clear
(:mod:`partitioner.mlir.registers`), packet flows, unknown core or sequence ops) make the answer "not
proved", keeping only the hangs the core code shows by itself. Some of them the build follows after
all (``Network.followed``): the device's one packet flow with an unambiguous route
(:meth:`~.build._Builder.packet_connections`); and a launcher's ``aiex.configure`` ops when every
device it launches is proved for its runs (:mod:`~.launch`).

Public API: :func:`find_hangs`, :func:`check` (with the proof status and notes), :class:`Hang`,
:class:`StuckOp`, :func:`draw_cycle`.
"""
from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from pathlib import Path

from partitioner.check import Evaluation, evaluate_file, evaluate_source
from partitioner.emitters import mlir as emitted
from partitioner.errors import UserError
from partitioner.hangs.build import build, read_device
from partitioner.hangs.diagnose import diagnose
from partitioner.hangs.execute import execute
from partitioner.hangs.launch import launch
from partitioner.hangs.report import KINDS, STATIC_KINDS, Hang, StuckOp, draw_cycle
from partitioner.hangs.static import findings
from partitioner.mlir.index import describe
from partitioner.mlir.parse import RecordsPositions, Source

__all__ = ["find_hangs", "check", "HangCheck", "Hang", "StuckOp", "draw_cycle", "KINDS"]


@dataclass
class HangCheck:
    """The result of :func:`check`.

    ``proved``: the run settled with every host wait complete, no hang, nothing taken as given
    instead of modelled, and the calls' end states repeated (or the design runs once, or it has no
    runtime sequence and no core is blocked for good); ``calls``: the runtime-sequence runs executed;
    ``notes``: what was not modelled or not decided; ``source``: the file checked; ``single_call``: the
    design runs once by construction (:func:`partitioner.hangs.execute.runs_once`: a program or chain
    that ends, initial tokens nothing gives back, a sequence that reloads its own configuration).
    """

    hangs: list[Hang]
    proved: bool
    calls: int
    notes: list[str] = field(default_factory=list)
    source: str = ""
    seconds: float = 0.0
    single_call: bool = False

    def as_json(self) -> dict:
        """``{"hangs": [Hang.as_json()], "proved", "calls", "notes", "source"}``."""
        return {"hangs": [h.as_json() for h in self.hangs], "proved": self.proved, "calls": self.calls,
                "notes": list(self.notes), "source": self.source}


class _PositionPrinter(RecordsPositions, emitted._ScopedPrinter):
    """The emitter's printer (the one that writes aie.mlir), recording where each op is printed."""


def _ir(ev: Evaluation, locations: bool) -> Source:
    """The Evaluation's module, built once and kept on it (``ev.ir``).

    A read design has it from :func:`partitioner.read`; one built in memory gets the emitter's
    module and, with ``locations``, each op's ``line:col`` in the emitted aie.mlir (header
    included), recorded while printing it once, not by parsing the text.
    """
    if ev.ir is None:
        ev.ir = Source(f"{ev.design.name or 'design'}/aie.mlir (emitted)", emitted.module(ev))
    if locations and not ev.ir.positions and ev.source is None:
        printer = _PositionPrinter(stream=io.StringIO())
        printer.positions, printer.line_offset = {}, emitted.header(ev).count("\n")
        printer.print_op(ev.ir.module)
        ev.ir.positions = printer.positions
    return ev.ir


def check(evaluation_or_path, *, locations: bool = True, runs: int = 1) -> HangCheck:
    """Execute the design abstractly and report every hang, with whether freedom was proven.

    Parameters
    ----------
    evaluation_or_path : Evaluation or path
        A design folder or ``.mlir`` file (parsed once), or an Evaluation (its ``ir``, or for one
        built in memory the module npu-tiler emits for it).
    locations : bool
        For an Evaluation with no source file: give stuck ops the ``file:line:col`` of the aie.mlir
        npu-tiler emits (default; one print of the module). False: the file name alone.
    runs : int
        For a design that runs once by construction: the calls in a row to check (another device
        launching it that often without reloading it, :mod:`~partitioner.hangs.launch`).

    Returns
    -------
    HangCheck

    Raises
    ------
    UserError
        The path cannot be read as an mlir-aie design, or holds several ``aie.device`` ops (check each
        device's Evaluation: :func:`partitioner.check.evaluate_devices`, or ``partitioner.read(path,
        device=NAME)``); an Evaluation is checked on the device it was read from (``ir_device``).

    Examples
    --------
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> from partitioner.hangs import check
    >>> result = check(DESIGNS_DIR / "batch100_split4")
    >>> result.hangs, result.proved, result.calls
    ([], True, 2)
    """
    start = time.perf_counter()
    if isinstance(evaluation_or_path, (str, Path)):
        ev = evaluate_file(evaluation_or_path)
    elif isinstance(evaluation_or_path, Evaluation):
        ev = evaluation_or_path
    else:
        raise TypeError(f"give an Evaluation or a path, not {type(evaluation_or_path).__name__}")
    src = _ir(ev, locations)
    net = build(ev, src)
    static = findings(net)
    outcome = execute(net, runs=runs)
    hangs, notes = diagnose(net, outcome, static)
    dev = read_device(ev, src)
    followed, launched = _launched(ev, src, dev, locations)
    notes += launched
    # the movers of the device build() modelled, less those it followed (a packet flow it routed,
    # the configures of a launcher whose every launched device is proved free)
    untracked = [op for op in dev.movers if not any(op is f for f in [*net.followed, *followed])]
    if untracked:
        # What these ops do to locks and DMA channels is not followed (register writes, packet flows,
        # core ops and sequence ops the index does not model), so the final state proves nothing either
        # way: only the hangs the core code shows by itself stand (issue 20).
        hangs = [h for h in hangs if h.kind in STATIC_KINDS]
        notes += [f"{src.locate(op)}: {describe(op)} moves data or locks and is not modelled: not proved"
                  for op in untracked]
    hangs.sort(key=lambda h: KINDS.index(h.kind))
    notes = list(dict.fromkeys([*net.notes, *outcome.notes, *notes]))
    settled = outcome.stop != "undecided" and outcome.host_done and not untracked and \
        (net.host is None or outcome.repeated or outcome.single_call) and \
        not (net.host is None and any("nothing will wake it" in n for n in notes)) and \
        not net.approximations and not any(c.unmodelled for c in net.cores)
    return HangCheck(hangs, settled and not hangs, outcome.calls, notes, src.filename,
                     time.perf_counter() - start, outcome.single_call)


def _launched(ev: Evaluation, src: Source, dev, locations: bool) -> tuple[list, list[str]]:  # noqa: ANN001
    """The configure ops of a launcher (:func:`~partitioner.hangs.launch.launch`) when every device it
    launches is proved free for the runs it gets, with a note per device; ``([], notes)`` otherwise."""
    plan = launch(dev)
    if plan is None or ev.source is None:
        return [], []
    notes = []
    for target, runs in plan.runs.items():
        try:
            target_ev = evaluate_source(src, ev.source, None, target)
        except UserError as exc:
            return [], [f"launched device @{target} cannot be read ({str(exc).splitlines()[0]}): not proved"]
        modelled = min(target_ev.ir_device.sequences, key=lambda q: q.form == "func", default=None)
        named = plan.sequence.get(target)
        if named is not None and (modelled is None or getattr(modelled.op, "sym_name", None) is None
                                  or modelled.op.sym_name.data != named):
            return [], [f"@{target}'s sequence @{named} is not the one the check follows: not proved"]
        result = check(target_ev, locations=locations, runs=runs or 1)
        if not result.proved or (runs is None and result.single_call):
            why = (f"launched device @{target} is not proved free for the runs it gets "
                   f"({'any number' if runs is None else runs}): not proved")
            return [], [why]
        notes.append(f"launched device @{target} is proved free for its {runs or 'any number of'} run(s) "
                     f"between reloads")
    return plan.ops, notes


def find_hangs(evaluation_or_path, *, locations: bool = True) -> list[Hang]:
    """Every hang of a design: kind, one-line message, stuck ops with ``file:line:col``, wait chain.

    Parameters
    ----------
    evaluation_or_path, locations
        As for :func:`check` (which also says whether freedom was proven).

    Returns
    -------
    list of Hang
        In :data:`KINDS` order; empty when none was found.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.hangs import find_hangs
    >>> find_hangs(partitioner.partition(batch=100, tiles=4))
    []
    """
    return check(evaluation_or_path, locations=locations).hangs
