"""npu-tiler against mlir-aie's lit tests: each module's CHECK figures compared with what npu-tiler says.

The lit corpus (``tests/corpus/lit``, see its README and ``SOURCES.toml``) holds mlir-aie's tests
of ``aie-assign-buffer-addresses`` and ``aie-objectFifo-stateful-transform``. For every module (a
file, or one ``// -----`` part of it) and every RUN line of the file, :func:`check` reads the
module as the RUN line's pass options say (``alloc-scheme``; ``dynamic-objFifos``) and compares
the figures the RUN line's CHECK lines state (:mod:`reports.checklines`) with npu-tiler's:

- a **buffer**: on the tile the CHECK line names, the bytes of its type, and (when the RUN line
  assigns addresses) its ``address`` and ``mem_bank``, as :mod:`partitioner.allocation` placed it;
- a **lock**: the ``init`` of the lock of that name the ObjectFIFO lowering makes
  (:mod:`partitioner.fifo_ends`) or the design declares;
- a **DMA channel** a tile's DMA program starts (``aie.dma_start``) and the number of BDs in its
  chain, against the channels the lowering takes (:class:`partitioner.lowering.Channel`);
- a **flow** between two DMA channels: one FIFO (or link) leaves by the first and arrives by the
  second in npu-tiler's lowering; a flow with a Core end: an ObjectFIFO between those tiles;
- a core's **stack** address and bank (``stack_address`` / ``stack_bank``);
- an **error**: the message, among npu-tiler's errors or its refusal.

A RUN line is *matched* when every figure agrees, and (when it expects no error) npu-tiler finds
none that the RUN line's passes would report. The profile a RUN line is read with:
:data:`PROFILE` (the lit files are at recent commits), or the static-lowering one where the RUN
line turns dynamic lowering off.

Run it: ``npu-tiler corpus --lit`` (summary and differences), or :func:`run` from Python.
"""
from __future__ import annotations

import sys
import tempfile
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from partitioner.allocation import STACK, STATIC
from partitioner.check import evaluate_devices
from partitioner.design import UNNAMED_BUFFER
from partitioner.errors import UserError
from partitioner.fifo_ends import fifo_ends
from reports.checklines import Figures, Run, directives, expected_diagnostics, figures
from reports.corpus import cut, split_input

LIT_DIR = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "lit"
AIE1_DEVICE = "xcvc1902"  # the one AIE1 device mlir-aie's lit tests use
PROFILE = "2026"  # the lit files were read at 2026 commits (SOURCES.toml); the current profile
STATIC_PROFILE = "2025.06"  # the one profile with static ObjectFIFO lowering (dynamic-objFifos=false)
ADDRESS_PASSES = ("aie-assign-buffer-addresses",)
DIRECTIONS = {"MM2S": "out", "S2MM": "in"}  # aie.dma_start's direction -> partitioner.lowering.Channel's
# Errors that only the address pass (or the linker) reports: a RUN line without it cannot show them.
ADDRESS_ERRORS = ("exceeded available memory", "data sections", "allocate", "stack", "address attribute",
                  "could not be placed", "bytes are free there", "cannot fit in bank", "Not all requested buffers")
CORE_DATA = "core_data"  # mlir-aie's name for a core's static data region: core_data_<col>_<row>


@dataclass
class RunOutcome:
    """What one RUN line's CHECK figures say against npu-tiler, for one module."""

    name: str  # "<folder>/<file>[#part] RUN k"
    source: str  # mlir-aie path@commit
    status: str  # "matched" | "differs" | "refused" | "traceback" | "no figures"
    figures: int = 0
    matched: int = 0
    not_compared: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Every figure agreed (a RUN line with no figure to compare is not counted as matched)."""
        return self.status == "matched"


def _overrides(run: Run, profile: str | None = None) -> dict:
    scheme = run.options.get("alloc-scheme") or "default"
    static = run.options.get("dynamic-objFifos") == "false"
    return {"alloc_scheme": scheme, "mlir_aie": profile or (STATIC_PROFILE if static else PROFILE)}


def _read(text: str, name: str, run: Run, profile: str | None = None) -> list:
    """The module's Evaluations, from one parse: one per ``aie.device`` (aie-opt runs the pass on each)."""
    with tempfile.TemporaryDirectory(prefix="npu-tiler-lit-") as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return evaluate_devices(path, _overrides(run, profile))


def _bank_of(ev, tile, address: int | None) -> int | None:
    if address is None:
        return None
    kind = ev.device.kind(tile)
    return address // (kind.memory_bytes // kind.banks) if kind.banks else None


@dataclass
class Model:
    """npu-tiler's figures for one module, gathered once from its Evaluations (one per ``aie.device``).

    ``buffers``: the declared buffers in program order (what a directive without a name is matched
    against, as FileCheck would), ``by_name``: every buffer the model places, by name (the core's static
    data also under mlir-aie's name ``core_data_<col>_<row>``); ``stacks``: (tile, address, bank) of each
    core stack; ``channels``: (tile, "out"/"in", index) -> Channel; ``on_channel``: the FIFOs each channel
    carries; ``locks``: lock name -> (tile, init); ``streams``: (producer tile, consumer tile) of FIFOs.
    """

    buffers: list[dict] = field(default_factory=list)
    by_name: dict[str, list[dict]] = field(default_factory=dict)
    stacks: list[tuple] = field(default_factory=list)
    channels: dict = field(default_factory=dict)
    on_channel: dict = field(default_factory=dict)
    locks: dict[str, list[tuple]] = field(default_factory=dict)
    streams: set = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, evaluations: list) -> Model:
        """Gather the figures of every Evaluation of a module."""
        m = cls()
        for ev in evaluations:
            m._add(ev)
        return m

    def _add(self, ev) -> None:
        named: dict[str, list[dict]] = {}
        for coord, mm in ev.memory.items():
            for r in mm.regions:
                rec = {"name": r.name, "tile": coord, "address": r.address, "nbytes": r.nbytes,
                       "bank": _bank_of(ev, coord, r.address)}
                names = [r.name] + ([f"{CORE_DATA}_{coord[0]}_{coord[1]}"] if r.name == STATIC else [])
                for name in names:
                    named.setdefault(name, []).append(rec)
                if r.name == STACK:
                    self.stacks.append((coord, r.address, rec["bank"]))
        for b in ev.design.buffers:
            match = [r for r in named.get(b.name, []) if r["tile"] == b.tile]
            self.buffers.append(match[0] if match else {"name": b.name, "tile": b.tile, "address": None,
                                                        "nbytes": b.nbytes, "bank": None})
        # Buffers the lowering makes without a symbol (the dynamic lowering's per-core state): aie-opt
        # prints them unnamed, so a directive without a name may be one of them.
        self.buffers += [r for name, recs in named.items() if name.startswith(UNNAMED_BUFFER) for r in recs]
        for name, recs in named.items():
            self.by_name.setdefault(name, []).extend(recs)
        self.channels |= {(c.tile, c.direction, c.index): c for res in ev.lowered.tiles.values() for c in res.channels}
        ends = fifo_ends(ev.design, ev.lowered, ev.device, ev.profile)
        for key, fifos in ends.channels.items():
            self.on_channel.setdefault(key, []).extend(fifos)
        for name, entries in _lock_inits(ev, ends).items():
            self.locks.setdefault(name, []).extend(entries)
        self.streams |= {(f.producer_tile, t) for f in ev.design.fifos for t in f.consumer_tiles}
        self.errors += list(ev.errors)


def _lock_inits(ev, ends) -> dict[str, list[tuple[tuple[int, int], int]]]:
    """Lock name (mlir-aie's: with and without index 0) -> (tile, init) of every lock the model has."""
    out: dict[str, list] = {}
    for lock in ev.design.locks:
        out.setdefault(lock.name, []).append((lock.tile, lock.init))
    for pools in ends.fifos.values():
        pairs = [(pools.pool.tile, pools.locks)] if pools.shared and pools.pool and pools.locks else \
                [(e.tile, e.locks) for e in pools.ends if e.locks is not None]
        for tile, pair in pairs:
            # The values mlir-aie prints (x repeat_count where the BDs repeat), not the token counts.
            for name, init in ((pair.free_name, pair.lowered_free_init), (pair.filled_name, pair.lowered_filled_init)):
                out.setdefault(f"{name}_0", []).append((tile, init))
                out.setdefault(name, []).append((tile, init))
    for link in ends.links:
        # mlir-aie names a link's pairs after the owner's end, indexed by part (fifo_ends' docstring).
        owner = link.owner_end
        if owner is None or link.tile is None:
            continue
        for i, part in enumerate(link.parts):
            for kind, init in (("prod", part.locks.free_init), ("cons", part.locks.filled_init)):
                out.setdefault(f"{owner.name}_{kind}_lock_{i}", []).append((link.tile, init))
    return out


def _agree(fig, rec: dict, fields) -> list[str]:
    wrong = []
    for key in fields:
        want = getattr(fig, key)
        if want is not None and rec.get(key) != want:
            wrong.append(f"{key} {rec.get(key)} (CHECK: {want})")
    return wrong


def _compare_buffers(m: Model, figs: Figures, fields: tuple[str, ...]) -> tuple[int, list[str]]:
    matched, problems, cursor = 0, [], 0
    for fig in figs.buffers:
        if fig.name is not None:
            candidates = [r for r in m.by_name.get(fig.name, []) if fig.tile is None or r["tile"] == fig.tile]
            rec = candidates[0] if candidates else None
        else:  # FileCheck's search: the next buffer whose own-line figures agree
            rec = None
            head = [k for k in fields if k in fig.head_fields]
            for i in range(0 if fig.kind == "-DAG" else cursor, len(m.buffers)):
                if not _agree(fig, m.buffers[i], head):
                    rec, cursor = m.buffers[i], i + 1
                    break
        if rec is None:
            problems.append(f"line {fig.line}: {fig.describe()}: the model has no such buffer")
        elif wrong := _agree(fig, rec, fields):
            problems.append(f"line {fig.line}: buffer {rec['name']}: " + ", ".join(wrong))
        else:
            matched += 1
    return matched, problems


def _compare_dma(m: Model, figs: Figures) -> tuple[int, list[str]]:
    matched, problems = 0, []
    for fig in figs.channels:
        got = m.channels.get((fig.tile, DIRECTIONS.get(fig.direction), fig.index))
        if got is None:
            have = sorted(f"{c.direction}{c.index}" for c in m.channels.values() if c.tile == fig.tile)
            problems.append(f"line {fig.line}: {fig.direction} {fig.index} on {fig.tile}: the model's channels "
                            f"there are {have or 'none'}")
        elif fig.bds and got.bds != fig.bds:
            problems.append(f"line {fig.line}: {fig.direction} {fig.index} on {fig.tile}: {got.bds} BDs "
                            f"(CHECK: {fig.bds})")
        else:
            matched += 1
    for fig in figs.flows:
        (src, sb, sc), (dst, db, dc) = fig.source, fig.dest
        if sb != "DMA" or db != "DMA":  # a Core end: an aie_stream FIFO between the two tiles
            ok = (src, dst) in m.streams
        else:
            ok = bool(set(m.on_channel.get((src, "out", sc), [])) & set(m.on_channel.get((dst, "in", dc), [])))
        if ok:
            matched += 1
        else:
            problems.append(f"line {fig.line}: flow {src} {sb}:{sc} -> {dst} {db}:{dc}: the model carries "
                            f"{m.on_channel.get((src, 'out', sc), [])} out and {m.on_channel.get((dst, 'in', dc), [])} in")
    return matched, problems


def compare(m: Model, figs: Figures, run: Run) -> tuple[int, list[str]]:
    """How many of ``figs`` the model ``m`` agrees with, and what differs (one line each)."""
    addresses = any(p in run.passes for p in ADDRESS_PASSES)
    matched, problems = _compare_buffers(m, figs, ("tile", "nbytes", "address", "bank") if addresses
                                         else ("tile", "nbytes"))
    for fig in figs.stacks:
        if any((fig.address is None or a == fig.address) and (fig.bank is None or b == fig.bank)
               for _, a, b in m.stacks):
            matched += 1
        else:
            problems.append(f"line {fig.line}: stack at {fig.address} bank {fig.bank}: the model's stacks "
                            f"(tile, address, bank) are {m.stacks}")
    n, more = _compare_dma(m, figs)
    matched, problems = matched + n, problems + more
    for fig in figs.locks:
        got = [init for tile, init in m.locks.get(fig.name or "", []) if fig.tile is None or tile == fig.tile]
        if not got:
            problems.append(f"line {fig.line}: lock {fig.name}: the model has no lock of that name")
        elif fig.init is not None and fig.init not in got:
            problems.append(f"line {fig.line}: lock {fig.name}: init {got[0]} (CHECK: {fig.init})")
        else:
            matched += 1
    return matched, problems


def _errors_of(m: Model, run: Run) -> list[str]:
    if any(p in run.passes for p in ADDRESS_PASSES):
        return list(m.errors)
    return [e for e in m.errors if not any(w in e for w in ADDRESS_ERRORS)]


def check_run(text: str, name: str, file_name: str, run: Run, source: str, profile: str | None = None) -> RunOutcome:
    """Compare one module (``text``) with the CHECK figures of one RUN line (read with ``profile`` if given).

    A RUN line that expects aie-opt to fail (``not aie-opt``) and names no message has one figure,
    the failure itself: npu-tiler refusing the module or reporting an error matches it.
    """
    found = directives(text, run.prefixes)
    if run.verify_diagnostics:
        found += expected_diagnostics(text)
    figs = figures(found)
    bare_failure = run.expects_error and not figs.errors
    out = RunOutcome(name, source, "matched", figs.count + bare_failure, not_compared=figs.not_compared)
    start = time.perf_counter()
    try:
        model = Model.of(_read(text, file_name, run, profile))
    except UserError as exc:
        message = str(exc)
        out.matched = sum(e.found_in(message) for e in figs.errors) + bare_failure
        if figs.errors and out.matched == len(figs.errors) or bare_failure:
            out.status = "matched"
        else:
            out.status = "refused"
            out.problems.append(message.splitlines()[0] if message.strip() else "refused")
    except Exception as exc:  # noqa: BLE001 - a bug this report must show, not hide
        out.status, out.problems = "traceback", [f"{type(exc).__name__}: {exc}"]
    else:
        out.matched, out.problems = _against(model, figs, run, bare_failure)
        out.status = "differs" if out.problems else "matched" if out.figures else "no figures"
    out.seconds = time.perf_counter() - start
    return out


def _against(model: Model, figs: Figures, run: Run, bare_failure: bool) -> tuple[int, list[str]]:
    """Figures matched and differences of a module npu-tiler read (its errors included)."""
    errors = _errors_of(model, run)
    matched, problems = compare(model, figs, run)
    for fig in figs.errors:
        if any(fig.found_in(e) for e in errors):
            matched += 1
        else:
            problems.append(f"line {fig.line}: error {' … '.join(fig.pieces)!r} not among the model's "
                            f"{[e.splitlines()[0] for e in errors] or 'none (it fits)'}")
    if bare_failure:
        if errors:
            matched += 1
        else:
            problems.append("the RUN line expects aie-opt to fail; the model finds nothing wrong")
    elif not figs.errors and errors:
        problems.append(f"the model reports {errors[0].splitlines()[0]!r}; the RUN line expects success")
    return matched, problems


def modules(folder: Path = LIT_DIR) -> list[tuple[str, str, str, list[Run], str]]:
    """``(name, text, file name, runs, source)`` per module of the lit corpus in ``folder``."""
    listing = Path(folder) / "SOURCES.toml"
    if not listing.is_file():
        raise UserError(f"{folder} has no SOURCES.toml listing lit tests (give tests/corpus/lit, or leave FOLDER out)")
    sources = tomllib.loads(listing.read_text())["files"]
    out = []
    for key, meta in sorted(sources.items()):
        path = Path(folder) / key
        runs = [Run.of(r) for r in meta.get("run", [])]
        text = path.read_text(encoding="utf-8")
        parts = split_input(text) if meta.get("split") else [(1, text)]
        for k, (first_line, part) in enumerate(parts, 1):
            if f"aie.device({AIE1_DEVICE})" in part:
                continue  # AIE1: outside the corpus (tests/corpus/lit/README.md), refused by npu-tiler
            # Line numbers in messages count from the file's first line, as aie-opt's do.
            padded = "\n" * (first_line - 1) + part
            name = key if len(parts) == 1 else f"{key}#{k}"
            out.append((name, padded, path.name, runs, f"{meta['path']}@{meta['commit'][:12]}"))
    return out


def as_json(outcomes: list[RunOutcome]) -> dict:
    """``{"summary": summary(), "runs": [each RunOutcome's fields]}``."""
    return {"summary": summary(outcomes), "runs": [asdict(o) for o in outcomes]}


def run(folder: Path = LIT_DIR) -> list[RunOutcome]:
    """Every module and RUN line of the lit corpus, compared (:func:`check_run`)."""
    out = []
    for name, text, file_name, runs, source in modules(folder):
        for i, r in enumerate(runs, 1):
            if not r.checked and not r.verify_diagnostics:
                continue
            label = name if len(runs) == 1 else f"{name} RUN {i}"
            out.append(check_run(text, label, file_name, r, source))
    return out


def summary(outcomes: list[RunOutcome]) -> dict:
    """Counts per status, and figures matched of figures stated."""
    statuses = {s: sum(o.status == s for o in outcomes)
                for s in ("matched", "differs", "refused", "traceback", "no figures")}
    return {"runs": len(outcomes), **statuses, "figures": sum(o.figures for o in outcomes),
            "figures matched": sum(o.matched for o in outcomes),
            "not compared": sum(o.not_compared for o in outcomes),
            "max seconds": round(max((o.seconds for o in outcomes), default=0.0), 3),
            "total seconds": round(sum(o.seconds for o in outcomes), 3)}


def summary_lines(outcomes: list[RunOutcome]) -> list[str]:
    """The counts in words: RUN lines per status, CHECK figures matched, time (the end of :func:`table`)."""
    s = summary(outcomes)
    return [f"RUN lines: {s['runs']}; matched {s['matched']}, differ {s['differs']}, refused {s['refused']}, "
            f"traceback {s['traceback']}, no figure npu-tiler models {s['no figures']}",
            f"CHECK figures: {s['figures matched']} of {s['figures']} matched; {s['not compared']} CHECK lines "
            f"state what npu-tiler does not model (use_lock sequences, BD contents, core bodies) and are not compared",
            f"time: max {s['max seconds']:.2f} s per RUN line, total {s['total seconds']:.2f} s"]


def table(outcomes: list[RunOutcome]) -> str:
    """One line per RUN line (status, figures matched of stated, seconds, first difference), then the counts."""
    width = max((len(o.name) for o in outcomes), default=6)
    lines = [f"{'module':<{width}}  {'status':<10} {'figures':>9} {'s':>5}  first difference"]
    for o in outcomes:
        first = cut(o.problems[0], 120) if o.problems else ""
        lines.append(f"{o.name:<{width}}  {o.status:<10} {o.matched:>4}/{o.figures:<4} {o.seconds:5.2f}  {first}")
    return "\n".join([*lines, "", *summary_lines(outcomes)])


def main(argv: list[str] | None = None) -> None:
    """Print every RUN line that does not match (of the modules whose name holds an argument), then the summary."""
    wanted = sys.argv[1:] if argv is None else argv
    outcomes = [o for o in run() if not wanted or any(w in o.name for w in wanted)]
    for o in outcomes:
        if not o.ok and o.status != "no figures":
            print(f"{o.name} [{o.status}] {o.source}")
            for p in o.problems[:6]:
                print(f"    {p}")
    print(summary(outcomes))


if __name__ == "__main__":
    main()
