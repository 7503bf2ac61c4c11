"""The design-space report: report.html (self-contained), report.md, points.csv, points.json, plots, designs/.

Everything is rendered from the records in points.json, so ``npu-tiler
report DIR`` re-renders a saved study without evaluating the space again.
The linked designs (the Pareto front, and the best designs for a batch of
100 frames: the fastest for each tile count that buys speed) are emitted into ``DIR/designs/<name>/``; each
row of the report links its folder and shows the ``npu-tiler emit`` command
that reproduces it (its options that differ from the defaults), run as shown
in the report folder.

Why the best design at batch 100 wins (:mod:`reports.explain`): its modelled
time and the next best's, broken into call overhead, compute and waiting on
data from one traced call of the timing model each, and the design one step
larger along tiles, batch, frames per object and depth (a tile count past
the space's largest evaluated for the report). These few evaluations are the
only ones a re-render makes, with the stored records' failures when a
points.json from before they were stored lacks them.

Points that do not fit are told apart: an *invalid combination* is a set of
options no design can be built from (the partitioner's UserError, e.g. an
object size that does not divide the chains' shares); a design that *does
not fit* was built and exceeds a resource of a tile: memory, locks, BDs, DMA
channels, program memory, a hang the static check finds, or the shim's transfer limits.
Every reason of every such design is a row: the tile, the bytes it needs and
has, the bytes over, the buffer that does not fit, the error with every line.
"""
from __future__ import annotations

import base64
import csv
import html
import io
import json
import os
import re
import shlex
import shutil
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FixedLocator, NullLocator  # noqa: E402

from tqdm import tqdm  # noqa: E402

import partitioner  # noqa: E402
from partitioner.design import Options  # noqa: E402
from partitioner.emitters import check_replaceable  # noqa: E402
from partitioner.errors import UserError  # noqa: E402
from partitioner import render as render_text  # noqa: E402
from partitioner import safe_write  # noqa: E402
from reports import explain, explore, points_check  # noqa: E402

STRATEGY_COLOURS = {"single": "#1f4e9c", "split": "#55a868", "pipeline": "#c44e52", "hybrid": "#8172b2"}
# Marker shape, size, opacity and layer per strategy, and its lane beside the tile count (a factor on
# the log axis): the strategies of one tile count sit side by side, so none hides another's points
# (single and split both have 1-tile designs), and the few single-tile points are drawn on top.
STRATEGY_MARKERS = {"single": ("s", 26, 0.8, 4), "split": ("o", 14, 0.4, 2), "pipeline": ("^", 26, 0.7, 3),
                    "hybrid": ("D", 16, 0.45, 2)}
STRATEGY_LANES = {"single": -0.27, "split": -0.09, "pipeline": 0.09, "hybrid": 0.27}
CSV_COLUMNS = ["id", "kernel", "device", "strategy", "batch", "tiles", "object_frames", "depth", "frame_mode",
               "alloc_scheme", "mlir_aie", "fits", "infeasible", "reason", "compute_tiles", "worst_tile_bytes",
               "max_dma_in", "max_dma_out", "max_locks", "max_bds", "npu_calls", "dma_bytes", "modeled_seconds",
               "realtime_factor", "pareto", "pareto_focus", "best_focus", "simulated", "bit_exact",
               "placer", "columns", "shared_links", "dma_links"]
# What a tile can run out of, in the order the report lists them, and the words of the checker's
# errors (partitioner/check.py) that name each.
RESOURCES = {
    # The 2026.08 allocator (one bank-aware search, no fallback) words its failures differently.
    "memory": ("allocated buffers exceeded available memory", "Failed to allocate", "overflow", "stack",
               "could not be placed", "cannot fit in bank", "bytes are free there"),
    "locks": ("locks needed", "a lock counts at most"),
    "BDs": ("BDs",),
    "DMA channels": ("DMA channel exceeded",),
    "program memory": ("program memory",),
    "shim transfer limits": ("runtime sequence",),
    "would hang (static hang check)": ("would hang",),
}
NOT_MODELLED: dict[str, str] = {}
PLOT_DPI = 110
PLOTS = ("time_vs_tiles.png", "memory_front.png", "fits_map.png")
#: The files a report folder gets (designs/ holds design folders, each with its own marker). The folder's
#: marker lists them: a re-run replaces them, and only them; a file of these names npu-tiler did not write
#: is replaced only with --overwrite (partitioner/safe_write.py).
REPORT_FILES = (*PLOTS, "points.json", "points.csv", "report.md", "report.html")


# -- files ------------------------------------------------------------------------------------------------

def check_outputs(out: Path, overwrite: bool = False) -> None:
    """Refuse (UserError naming --overwrite) to write a report into ``out`` over a file npu-tiler did not write."""
    safe_write.check_folder(Path(out), REPORT_FILES, overwrite)


def save(out: Path, records: list[dict], meta: dict, progress: bool = True, started: float | None = None,
         overwrite: bool = False) -> None:
    """Write the report folder: the linked designs, the plots, points.json, points.csv, report.md/html.

    ``meta["seconds"]`` becomes the time from the command's start
    (``started``, default :func:`reports.explore.command_started`) to the
    moment the report is written, when that start is known.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    meta.setdefault("cores", os.cpu_count())
    started = started if started is not None else explore.command_started()
    _write(out, records, meta, progress, started, overwrite)


def render(out: Path, progress: bool = True, overwrite: bool = False) -> None:
    """Re-render the report from ``out/points.json``: the linked designs, the plots, report.md/html."""
    records, meta = load(out)
    _write(Path(out), records, meta, progress, None, overwrite)


def load(out: Path) -> tuple[list[dict], dict]:
    """The records and meta of ``out/points.json`` (UserError when missing or not one of ours)."""
    path = Path(out) / "points.json"
    if not path.is_file():
        raise UserError(f"{path} not found: run `npu-tiler explore --out {out}` first")
    try:
        data = json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise UserError(f"{path} is not a points.json written by npu-tiler explore") from None
    points_check.check(path, data)  # every figure the report prints, before it prints one (issue 22)
    return data["points"], data.get("meta", {})


def _write(out: Path, records: list[dict], meta: dict, progress: bool, started: float | None,
           overwrite: bool = False) -> None:
    for r in records:
        r["infeasible"] = "" if r["fits"] else ("invalid combination" if not r.get("design") else "does not fit")
        if r["infeasible"] == "does not fit":
            r["failures"] = explain.record_failures(r)  # stored ones, else the options evaluated again
    check_outputs(out, overwrite)  # after the records' shape is known good, before anything is written
    safe_write.mark_folder(out, REPORT_FILES)  # first: a file written below is never left unlisted
    folders = emit_designs(out, records, progress)
    steps = list(zip(PLOTS, (plot_time_vs_tiles, plot_memory_front, plot_fits_map)))
    plots = {}
    for name, fn in tqdm(steps, desc="plotting", unit="plot", disable=not progress, leave=False):
        plots[name] = fn(records)
        safe_write.write_bytes(out / name, plots[name])
    if started is not None:
        meta["seconds"] = time.time() - started
        meta["seconds_end_to_end"] = True
    # signed: `npu-tiler report` may rewrite a points.json copied anywhere
    safe_write.write_json(out / "points.json", safe_write.sign({"meta": meta, "points": records}), indent=1)
    table = io.StringIO()
    w = csv.DictWriter(table, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    w.writeheader()
    for r in records:
        w.writerow(r)
    safe_write.write_text(out / "points.csv", table.getvalue())
    view = _View(records, meta, folders)
    safe_write.write_text(out / "report.md", _markdown(view))
    safe_write.write_text(out / "report.html", _html(view, plots))


def linked(records: list[dict]) -> list[dict]:
    """The points the report links a design folder to: the Pareto front, then batch 100's best per tile count."""
    out: dict[str, dict] = {}
    for r in records:
        if r.get("pareto"):
            out.setdefault(r["id"], r)
    for r in records:
        if r.get("pareto_focus"):
            out.setdefault(r["id"], r)
    return list(out.values())


def _npu_tiler_wrote(folder: Path) -> bool:
    """Only a design folder npu-tiler marked, holding only what it wrote, may be removed."""
    try:
        check_replaceable(folder, overwrite=True)
    except UserError:
        return False
    return True


def emit_designs(out: Path, records: list[dict], progress: bool = True) -> dict[str, str]:
    """Emit every linked point's design into ``out/designs/<name>/``; {point id: folder relative to ``out``}.

    Folders of designs that are no longer linked (an earlier study's) are
    removed; a point whose options no longer build a design that fits
    (points.json from an older model) gets no folder.
    """
    designs = out / "designs"
    folders: dict[str, str] = {}
    taken: set[str] = set()
    todo = linked(records)
    for r in todo:
        folder = explore.design_folder(r)
        if folder in taken:
            folder += f"_{r['id'][:6]}"
        taken.add(folder)
        folders[r["id"]] = folder
    designs.mkdir(exist_ok=True)
    for old in list(designs.iterdir()):
        if old.is_dir() and f"designs/{old.name}" not in taken and _npu_tiler_wrote(old):
            shutil.rmtree(old)
    for r in tqdm(todo, desc="emitting designs", unit="design", disable=not progress or not todo, leave=False):
        try:
            ev = explain.placed(r)
            partitioner.emit(ev, out / folders[r["id"]], overwrite=True)
            r["array_picture"] = render_text.array_picture(ev)  # the report's picture of the placement
        except UserError as exc:
            r["emit_note"] = f"not emitted: {exc}"
            del folders[r["id"]]
    return folders


# -- plots ------------------------------------------------------------------------------------------------

def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=PLOT_DPI, bbox_inches="tight", pad_inches=0.15, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def plot_time_vs_tiles(records: list[dict]) -> bytes:
    """Modelled time against compute tiles of every point that fits, by strategy; the fronts ringed."""
    fig, ax = plt.subplots(figsize=(9.5, 5.2), layout="constrained")
    fits = [r for r in records if r["fits"] and r["modeled_seconds"]]
    for strategy, colour in STRATEGY_COLOURS.items():
        pts = [r for r in fits if r["strategy"] == strategy]
        if pts:
            marker, size, alpha, z = STRATEGY_MARKERS[strategy]
            ax.scatter([_x(r) for r in pts], [r["modeled_seconds"] for r in pts],
                       s=size, marker=marker, alpha=alpha, color=colour, zorder=z, linewidths=0,
                       label=f"{strategy} ({len(pts):,})")
    front = [r for r in fits if r["pareto"]]
    if front:
        ax.scatter([_x(r) for r in front], [r["modeled_seconds"] for r in front], s=110,
                   facecolors="none", edgecolors="black", linewidths=1.5, zorder=5, label="Pareto front")
    focus = [r for r in fits if r.get("pareto_focus")]
    if focus:
        ax.scatter([_x(r) for r in focus], [r["modeled_seconds"] for r in focus], s=60, marker="x",
                   color="#d62728", linewidths=1.6, zorder=6, label=f"best at batch {explore.FOCUS_BATCH} per tile count")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ticks = sorted({r["compute_tiles"] for r in fits}) or [1]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([str(t) for t in ticks])
    ax.set_xlabel("compute tiles used (per tile count, lanes left to right: single, split, pipeline, hybrid)")
    ax.set_ylabel("modelled time for 628,163 frames (s)")
    ax.set_title("Modelled time vs compute tiles (designs that fit)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, markerscale=1.2)
    return _png(fig)


def _x(r: dict) -> float:
    """Where a point sits on the log2 tile axis: its tile count, its strategy's lane, a small deterministic
    jitter within the lane so points of one lane do not all overlap."""
    jitter = (int(r["id"][:6], 16) % 100 - 50) / 100 * 0.12
    return r["compute_tiles"] * 2 ** (STRATEGY_LANES.get(r["strategy"], 0.0) + jitter)


def short_label(r: dict) -> str:
    """A compact name of a point for plot axes: strategy x tiles, batch, frames per object, depth, mode."""
    f = r.get("object_frames_effective") or r["object_frames"]
    parts = [f"{r['strategy']} x{r['tiles']}", f"batch {r['batch']}", f"obj {f}" if f else "obj share",
             f"depth {r['depth']}", r["frame_mode"]]
    if r.get("alloc_scheme") and r["alloc_scheme"] != "basic-sequential":
        parts.append(r["alloc_scheme"])
    return ", ".join(parts)


def plot_memory_front(records: list[dict]) -> bytes:
    """The fullest compute tile's memory of every linked design, as stacked horizontal bars."""
    front = [r for r in linked(records) if r.get("memory")]
    fig, ax = plt.subplots(figsize=(9.5, max(2.6, 0.34 * len(front) + 1.4)), layout="constrained")
    labels = [short_label(r) + (" *" if r.get("pareto_focus") and not r.get("pareto") else "") for r in front]
    left = [0] * len(front)
    y = list(range(len(front)))
    for key, colour in (("buffers", "#55a868"), ("stack", "#dd8452"), ("static", "#4c72b0")):
        vals = [r["memory"][key] for r in front]
        ax.barh(y, vals, left=left, color=colour, label={"static": "kernel static data"}.get(key, key))
        left = [a + v for a, v in zip(left, vals)]
    ax.axvline(65536, color="black", linestyle="--", linewidth=1, label="64 KiB tile")
    ax.set_yticks(y, labels=labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("bytes on the fullest compute tile")
    ax.set_title(f"Memory of the linked designs (* best at batch {explore.FOCUS_BATCH} only)")
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    return _png(fig)


def plot_fits_map(records: list[dict]) -> bytes:
    """Per strategy a batch x tiles grid: how many of the configurations tried there fit."""
    strategies = [s for s in STRATEGY_COLOURS if any(r["strategy"] == s for r in records)]
    batches = sorted({r["batch"] for r in records})
    tiles = sorted({r["tiles"] for r in records})
    cols = min(2, len(strategies))
    rows = -(-len(strategies) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.9 * cols, 0.36 * len(batches) * rows + 1.7 * rows),
                             squeeze=False, layout="constrained")
    cells: dict[tuple, list[dict]] = {}
    for r in records:
        cells.setdefault((r["strategy"], r["batch"], r["tiles"]), []).append(r)
    for ax, s in zip(axes.flat, strategies):
        grid = [[float("nan")] * len(tiles) for _ in batches]
        text = [[""] * len(tiles) for _ in batches]
        for i, b in enumerate(batches):
            for j, t in enumerate(tiles):
                pts = cells.get((s, b, t))
                if pts:
                    n_fit = sum(r["fits"] for r in pts)
                    grid[i][j] = n_fit / len(pts)
                    text[i][j] = f"{n_fit}/{len(pts)}"
        ax.imshow(grid, cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
        for i in range(len(batches)):
            for j in range(len(tiles)):
                if text[i][j]:
                    dark = grid[i][j] < 0.15 or grid[i][j] > 0.85  # white on the deep red and green
                    ax.text(j, i, text[i][j], ha="center", va="center", fontsize=8.5,
                            color="white" if dark else "black")
        ax.set_xticks(range(len(tiles)), labels=[str(t) for t in tiles], fontsize=9)
        ax.set_yticks(range(len(batches)), labels=[str(b) for b in batches], fontsize=9)
        ax.set_xlabel("compute tiles")
        ax.set_ylabel("batch (frames per call)")
        ax.set_title(s, fontsize=11)
    for ax in list(axes.flat)[len(strategies):]:
        ax.set_visible(False)
    axes_of = {k: len({str(r[k]) for r in records}) for k in ("depth", "frame_mode", "object_frames", "alloc_scheme")}
    full = axes_of["depth"] * axes_of["frame_mode"] * axes_of["object_frames"] * axes_of["alloc_scheme"]
    fig.suptitle("Configurations that fit, per batch x tiles", fontsize=12)
    fig.text(0.5, -0.01, textwrap.fill(
        f"Each cell: configurations that fit / configurations tried at that batch and tile count. Tried: "
        f"{axes_of['depth']} depths x {axes_of['frame_mode']} frame modes x {axes_of['object_frames']} object "
        f"sizes x {axes_of['alloc_scheme']} allocators = {full}, fewer where two object sizes are the same. "
        f"Green: all fit, red: none, blank: the strategy does not build that tile count.", 120),
        ha="center", va="top", fontsize=9)
    return _png(fig)


# -- what the report says ----------------------------------------------------------------------------------

def resources_exceeded(errors: list[str]) -> list[str]:
    """The resources a design's check errors name, in ``RESOURCES`` order ("other" for the rest).

    Examples
    --------
    >>> resources_exceeded(["tile (0, 2) (compute): 'aie.tile' op allocated buffers exceeded available memory",
    ...                     "tile (0, 1) (mem): 30 BDs on even channels, 24 available"])
    ['memory', 'BDs']
    """
    found = []
    for e in errors:
        head = e.splitlines()[0] if e else ""
        kind = next((k for k, words in RESOURCES.items() if any(w in head for w in words)), "other")
        if kind not in found:
            found.append(kind)
    order = list(RESOURCES) + ["other"]
    return sorted(found, key=order.index)


def invalid_kind(reason: str) -> str:
    """A UserError's reason without its numbers and its suggested fix: what kind of combination is invalid.

    Examples
    --------
    >>> invalid_kind("--object-frames 10 does not divide the 25 frames each chain handles per call; "
    ...              "choose one of [1, 5, 25]")
    '--object-frames N does not divide the N frames each chain handles per call'
    """
    text = re.split(r"; |: (?=use |leave |choose |equal )", reason.splitlines()[0] if reason else "")[0]
    text = re.sub(r"\([^)]*\)", "", text)
    text = re.sub(r"\d+(?:, \d+)+", "N, ...", text)
    text = re.sub(r"\b\d+\b", "N", text)
    text = re.sub(r"\bN (frame|tile|chain)\b", r"N \1s", text)  # one kind whether the count was 1 or more
    return re.sub(r"\s+", " ", text).strip()


# The axes along which the report looks one step larger than the best design, with their words.
STEPS = (("tiles", "tile count"), ("batch", "batch"), ("object_frames", "frames per object"), ("depth", "FIFO depth"))


def next_larger(records: list[dict], r: dict, key: str) -> dict | None:
    """The point of the space one step larger than ``r`` along ``key`` (its other options the same), or None.

    Examples
    --------
    >>> from dataclasses import asdict
    >>> pts = [{**asdict(Options(tiles=t, batch=b)), "id": f"{t}/{b}"} for t in (2, 4, 8) for b in (50, 100)]
    >>> up = lambda i, key: (next_larger(pts, pts[i], key) or {}).get("id")
    >>> up(2, "tiles"), up(2, "batch"), up(5, "tiles")
    ('8/50', '4/100', None)
    """
    if r.get(key) is None:  # unset (each chain's share) has no order against a number of frames
        return None
    others = [k for k in Options.__dataclass_fields__ if k != key]
    larger = [q for q in records if q.get(key) is not None and q[key] > r[key]
              and all(q.get(k) == r.get(k) for k in others)
              and explain.record_placer(q) == explain.record_placer(r)]
    return min(larger, key=lambda q: q[key], default=None)


def next_tiles_outside(r: dict, space: dict) -> dict | None:
    """When the space holds no larger tile count than ``r``'s: the point with twice its tiles (the space's
    tile counts are powers of two), evaluated for the report, as explore records it; None when it does not
    build at all under today's options."""
    try:
        rec = explore.evaluate_point(replace(explain.options_of(r), tiles=2 * r["tiles"]), None,
                                     space.get("params_path"), space.get("cost_profile"), explain.record_placer(r))
    except (UserError, TypeError, KeyError):
        return None
    rec["outside_space"] = True
    return rec


def _breakdown(r: dict, space: dict) -> explain.Breakdown | None:
    """The timing breakdown of a linked point under the study's timing parameters (None: it no longer builds)."""
    try:
        return explain.breakdown(r, space.get("params_path"), space.get("cost_profile"))
    except (UserError, TypeError, KeyError):
        return None


def _over_text(f: dict, prefix: str = "") -> str:
    """A failure's bytes over, in words ("" when the reason is not about bytes)."""
    if f.get("over") is not None:
        return f"{prefix}{f['over']:,} B over {f['over_what']}"
    return f"{prefix}{f['over_what']}" if f.get("over_what") else ""


def _failure_cells(r: dict, f: dict, resource: str) -> list[str]:
    """The text of one row of the does-not-fit table: design, tile, resource, needs / has, bytes over,
    buffer, reason's first line (the full reason is shown beside it)."""
    tile = f"({f['tile'][0]}, {f['tile'][1]}) {f['tile_kind']}".strip() if f.get("tile") else "-"
    needs = f"{f['needs']:,} / {f['capacity']:,}" if f.get("needs") is not None else "-"
    buffer = f"{f['buffer']} ({f['buffer_bytes']:,} B)" if f.get("buffer") else "-"
    return [explore.design_folder(r).removeprefix("designs/"), tile, resource, needs, _over_text(f) or "-", buffer]


class _View:
    """What both report.md and report.html show, computed once."""

    def __init__(self, records: list[dict], meta: dict, folders: dict[str, str]):
        self.records, self.meta, self.folders = records, meta, folders
        self.front = sorted((r for r in records if r.get("pareto")), key=explore.objectives)
        self.focus = [r for r in records if r.get("pareto_focus")]
        self.focus.sort(key=explore.objectives)
        self.best = next((r for r in self.focus if r.get("best_focus")), self.focus[0] if self.focus else None)
        self.n_fit = sum(r["fits"] for r in records)
        self.invalid = [r for r in records if not r["fits"] and not r.get("design")]
        self.too_big = [r for r in records if not r["fits"] and r.get("design")]
        kinds: dict[str, list[dict]] = {}
        for r in self.invalid:
            kinds.setdefault(invalid_kind(r["reason"]), []).append(r)
        self.invalid_kinds = sorted(kinds.items(), key=lambda kv: -len(kv[1]))
        per_resource: dict[str, list[dict]] = {k: [] for k in RESOURCES}
        for r in self.too_big:
            for k in resources_exceeded(r.get("errors") or [r["reason"]]):
                per_resource.setdefault(k, []).append(r)
        self.per_resource = per_resource
        self.focus_batch = explore.FOCUS_BATCH
        self.focus_in_space = any(r["batch"] == explore.FOCUS_BATCH for r in records)
        # every reason a built design does not fit, with its resource (a design counts once per reason);
        # _write has set each one's failures (explain.record_failures)
        self.failures = [(r, f, resources_exceeded([f["reason"]])[0]) for r in self.too_big for f in r["failures"]]
        self.next_best = self.focus[1] if self.best is not None and len(self.focus) > 1 else None
        space = meta.get("space") or {}
        self.breakdowns = {r["id"]: _breakdown(r, space) for r in (self.best, self.next_best) if r is not None}
        self.steps = [(key, what, next_larger(records, self.best, key)) for key, what in STEPS] if self.best else []
        if self.steps and self.steps[0][2] is None:  # no larger tile count in the space: try the next one
            self.steps[0] = (*self.steps[0][:2], next_tiles_outside(self.best, space))

    def summary(self) -> list[str]:
        m = self.meta
        secs = m.get("seconds", 0)
        how = ("end to end, from the command's start to the report written" if m.get("seconds_end_to_end")
               else "evaluation and simulation")
        machine = f" on {m['cores']} cores" if m.get("cores") else ""
        return [
            f"{len(self.records):,} points of kernel {m.get('kernel')} on {m.get('device')}: {self.n_fit:,} fit, "
            f"{len(self.invalid):,} are invalid combinations (no design can be built from the options), "
            f"{len(self.too_big):,} were built and do not fit. {m.get('evaluated', 0):,} evaluated in this run, "
            f"the rest from the cache; {secs:.1f} s ({how}){machine}.",
            "Times are modelled for the seed's 628,163 frames (1 h 44 min of audio; partitioner/params/timing.toml; "
            "mel kernel cycles unvalidated until hardware calibration), not measured.",
            f"Pareto front (modelled time, compute tiles, fullest-tile memory): {len(self.front)} designs. Each "
            f"linked design (that front and the best at batch {self.focus_batch}) is emitted into designs/; "
            f"{self.simulated_text()}. The commands run as shown in this folder "
            f"(--overwrite replaces the design folder kept here, which npu-tiler wrote; elsewhere, make a designs/ "
            f"folder first); only options that differ from the defaults are written. A design folder builds "
            f"wherever it is moved: its build.sh finds the kernel beside it, else asks the installed npu-tiler.",
        ]

    def label(self, r: dict) -> str:
        f = r.get("object_frames_effective") or r["object_frames"]
        objects = f"{f} frame{'s' if f != 1 else ''} per object" if r["object_frames"] else \
            f"each chain's share per object (up to {f} frames)" if f else "each chain's share per object"
        tiles = f"{r['tiles']} tile{'s' if r['tiles'] != 1 else ''}"
        placed = "" if explain.record_placer(r) == explain.DEFAULT_PLACER else f" / {explain.record_placer(r)} placer"
        return (f"{r['strategy']} / batch {r['batch']} / {tiles} / {objects} / depth {r['depth']} / "
                f"{r['frame_mode']} / {r['alloc_scheme']}{placed}")

    def simulated_text(self) -> str:
        """How many linked designs were simulated: none claims a simulation it did not have (explore --no-simulate)."""
        shown = linked(self.records)
        done = [r for r in shown if r.get("simulated")]
        if shown and len(done) == len(shown):
            return "each was simulated against the batch-20 baseline on the built-in audio"
        if not done:
            return "none was simulated (the column \"simulated\" says why)"
        return (f"{len(done)} of {len(shown)} were simulated against the batch-20 baseline on the built-in audio "
                f"(the column \"simulated\" says which)")

    def sim_note(self, r: dict) -> str:
        return r.get("sim_note") or "not simulated"

    def why_text(self) -> str:
        """One sentence: by how much the best beats the next best, and where the difference lies."""
        b, n = self.best, self.next_best
        if n is None:
            return f"No other batch-{self.focus_batch} design on fewer compute tiles fits: nothing to compare."
        bb, nb = self.breakdowns.get(b["id"]), self.breakdowns.get(n["id"])
        tiles = f"{n['compute_tiles']} compute tile{'s' if n['compute_tiles'] != 1 else ''}"
        head = (f"It beats the next best, {self.label(n)} ({tiles}), by "
                f"{_fmt(n['modeled_seconds'] - b['modeled_seconds'])} s modelled")
        if bb is None or nb is None:
            return head + " (the breakdown could not be modelled: the timing model rejected the design)."
        if any(abs(x.total_s - r["modeled_seconds"]) > 1e-6 * r["modeled_seconds"] for x, r in ((bb, b), (nb, n))):
            head += (" (the breakdown below is today's model, which differs from this study's figures: run "
                     "`npu-tiler explore` again)")
        parts = {"compute": nb.compute_s - bb.compute_s, "waiting on data (DMA, fill and drain)":
                 nb.waiting_s - bb.waiting_s, "call overhead": nb.overhead_s - bb.overhead_s}
        main = max(parts, key=lambda k: abs(parts[k]))
        calls = f"the same {bb.calls:,} calls" if bb.calls == nb.calls else f"{bb.calls:,} vs {nb.calls:,} calls"
        return (head + f": {_fmt(parts[main])} s of it in {main} ({calls}; the busiest "
                f"core computes {_fmt(bb.compute_s / bb.calls * 1e3, 3)} ms vs {_fmt(nb.compute_s / nb.calls * 1e3, 3)} "
                f"ms per call).")

    def step_text(self, what: str, r: dict | None, key: str) -> str:
        """The next larger step of the best design along one axis: not in the space, fits, or why not."""
        if r is None:
            return f"no larger {what} than {self.best.get(key)} in this space"
        where = " (outside this space, evaluated for this report)" if r.get("outside_space") else ""
        if r["fits"]:
            return f"{self.label(r)}{where} fits: {_fmt(r['modeled_seconds'])} s modelled"
        if not r.get("design"):
            return f"{self.label(r)}{where} is an invalid combination: {r['reason']}"
        fails = r.get("failures") or explain.record_failures(r)
        f = fails[0]
        return (f"{self.label(r)}{where} does not fit: limited by {resources_exceeded([f['reason']])[0]}"
                f"{_over_text(f, ': ')} ({f['reason'].splitlines()[0]})")


def _fmt(v, digits=2) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _seed_rows(meta: dict) -> list[dict]:
    return meta.get("seed_table", [])


PROFILES = (("scalar", "scalar (s)"), ("aie2-vector", "aie2-vector, projected (s)"))
BAND_NOTE = ("Kernel time is a band [low-high] of cycles per frame under two cost profiles, side by side: "
             "scalar (the kernel as written, per-stage operation counts x AIE2 per-class costs) and "
             "aie2-vector, a projection of a vector kernel that does not exist, from published AIE-ML "
             "throughput; the simulator runs the same scalar C either way. The Pareto front ranks by the "
             "selected profile's high (conservative) end.")


def _band(s: dict, profile: str) -> str:
    """A seed-table row's modelled seconds under ``profile`` as ``low-high`` (one figure when they agree)."""
    low, high = s.get("bands", {}).get(profile, [s["modeled_s"], s["modeled_s"]])
    return _fmt(high, 1) if abs(high - low) < 0.05 else f"{_fmt(low, 1)}-{_fmt(high, 1)}"


def _command_html(text: str) -> str:
    """A command as HTML code whose lines break only between arguments, never inside ``--opt value``."""
    words, groups = shlex.split(text), []
    for w in words:
        if groups and groups[-1][-1].startswith("--") and not w.startswith("--") and len(groups[-1]) == 1:
            groups[-1].append(w)
        else:
            groups.append([w])
    spans = " ".join(f"<span>{html.escape(shlex.join(g))}</span>" for g in groups)
    return f"<code>{spans}</code>"


def _markdown(v: _View) -> str:
    lines = ["# npu-tiler design-space report", ""] + [line + "\n" for line in v.summary()]
    lines += [f"## Best at batch {v.focus_batch}", ""]
    if v.best is None:
        lines += [f"No point of batch {v.focus_batch} fits." if v.focus_in_space
                  else f"Batch {v.focus_batch} is not in this space (add `--batch {v.focus_batch}`).", ""]
    else:
        b = v.best
        lines += [f"The fastest design that fits a {v.focus_batch}-frame batch: **{v.label(b)}**, "
                  f"{_fmt(b['modeled_seconds'])} s modelled ({_fmt(b['realtime_factor'], 0)}x realtime) on "
                  f"{b['compute_tiles']} compute tiles, {_fmt(b['worst_tile_bytes'])} B on the fullest; "
                  f"{v.sim_note(b)}.", "", _md_link(v, b), "", "```", explore.command(b), "```", "",
                  f"The fastest batch-{v.focus_batch} design for each number of compute tiles that buys speed:", ""]
        lines += _md_table(v, v.focus)
    lines += _md_why(v)
    lines += ["## Pareto front (all batches)", ""] + _md_table(v, v.front)
    lines += ["![time vs tiles](time_vs_tiles.png)", "", "![memory of the linked designs](memory_front.png)", "",
              "![fits map](fits_map.png)", ""]
    lines += _md_placement(v)
    lines += ["## The seed's configurations", "",
              BAND_NOTE, "",
              "| configuration | fits | NPU calls | " + " | ".join(h for _, h in PROFILES)
              + " | vs 134 s | seed's figure |", "|---|---|---|---|---|---|---|"]
    for s in _seed_rows(v.meta):
        lines.append(f"| {s['name']} | {_fmt(s['fits'])} | {_fmt(s['calls'])} | "
                     + " | ".join(_band(s, p) for p, _ in PROFILES)
                     + f" | {_fmt(s['speedup'], 1)}x | {s['seed_says']} |")
    lines += ["", "## Why points do not fit", "",
              f"### Invalid combinations ({len(v.invalid):,} points): options no design can be built from", "",
              "| reason (numbers as N) | points | example |", "|---|---|---|"]
    lines += [f"| {k} | {len(rs):,} | {rs[0]['reason'].replace('|', '/')} |" for k, rs in v.invalid_kinds]
    lines += ["", f"### Does not fit ({len(v.too_big):,} points): built, and a tile runs out of", "",
              "| resource | points | example |", "|---|---|---|"]
    for k, rs in v.per_resource.items():
        example = _md_cell(_example(v, k, rs)) if rs else NOT_MODELLED.get(k, "-")
        lines.append(f"| {k} | {len(rs):,} | {example} |")
    lines += ["", f"## Every design that does not fit ({len(v.failures):,} reasons in {len(v.too_big):,} designs)",
              "", FAILURES_NOTE, "", "| " + " | ".join(FAILURE_HEAD) + " |", "|---" * len(FAILURE_HEAD) + "|"]
    for r, f, resource in v.failures:
        lines.append("| " + " | ".join(_md_cell(c) for c in [*_failure_cells(r, f, resource), f["reason"]]) + " |")
    lines += ["", "## Every point", "", "| design | fits | modelled (s) | worst tile (B) | reason |",
              "|---|---|---|---|---|"]
    for r in v.records:
        lines.append(f"| {v.label(r)} | {_fmt(r['fits'])} | {_fmt(r['modeled_seconds'])} | "
                     f"{_fmt(r['worst_tile_bytes'])} | {r['reason'].replace('|', '/') or '-'} |")
    return "\n".join(lines) + "\n"


FAILURE_HEAD = ["design", "tile", "resource", "needs / has (B)", "bytes over", "buffer that does not fit",
                "reason (every line)"]
FAILURES_NOTE = ("One row per reason a built design does not fit. Needs / has: the bytes the tile must hold "
                 "(buffers, stack, kernel static data) and its data memory. Bytes over: past the tile's memory, or, "
                 "when the tile has room in total but the allocator places each buffer whole in one bank (mlir-aie's "
                 "mid-2025 bank-aware scheme), past one bank. Where neither applies (a buffer the allocator's "
                 "search could not place in a tile with room), the bytes over are not modelled and say so. The "
                 "buffer that does not fit: the first one running past the "
                 "tile's end, else the first the allocator could not place. The reason is the check's error with "
                 "every line, the memory map included.")
BREAKDOWN_HEAD = ["design", "compute tiles", "NPU calls", "call overhead (s)", "compute (s)",
                  "waiting on data (s)", "busiest DMA channel (s, overlaps)", "modelled (s)"]
BREAKDOWN_NOTE = ("From one traced call of the timing model (sim/timing.py), times the calls for the seed's "
                  "628,163 frames, at the band's high end (the one ranked): call overhead = calls x the host's "
                  "per-call cost (partitioner/params/timing.toml); compute = the busiest core's kernel time; waiting "
                  "on data = the rest of each call's device time (DMA, pipeline fill and drain, not hidden by "
                  "compute). The busiest DMA channel's busy time overlaps compute and is not added.")


PLACEMENT_HEAD = ["design", "placer", "columns", "FIFOs in shared memory", "DMA links"]
PLACEMENT_NOTE = ("Columns: the array columns the design's tiles use (a Ryzen AI NPU loads a design into whole "
                  "columns). FIFOs in shared memory: producer and consumer on neighbouring tiles, one buffer pool, no "
                  "DMA; DMA links: one per consumer of every other FIFO (partitioner/placement.py summary). The "
                  "picture: each used tile, top row first.")


def placement_rows(records: list[dict]) -> list[list[str]]:
    """The placement table's rows: each linked design's placer, columns, shared-memory FIFOs and DMA links."""
    return [[r.get("design") or "-", explain.record_placer(r), _fmt(r.get("columns")), _fmt(r.get("shared_links")),
             _fmt(r.get("dma_links"))] for r in linked(records)]


def placer_comparison(records: list[dict]) -> str:
    """One sentence comparing the placers over the points placed both ways ("" when only one placer ran):
    how many fit each way, and where SearchPlacer uses fewer or more columns and DMA links."""
    by: dict[str, dict[tuple, dict]] = {}
    for r in records:
        key = tuple(r.get(k) for k in Options.__dataclass_fields__)
        by.setdefault(explain.record_placer(r), {})[key] = r
    if len(by) < 2 or "search" not in by or explain.DEFAULT_PLACER not in by:
        return ""
    col, srch = by[explain.DEFAULT_PLACER], by["search"]
    both = [(col[k], srch[k]) for k in col if k in srch]
    fit_col = [(a, b) for a, b in both if a["fits"]]
    fit_both = [(a, b) for a, b in fit_col if b["fits"]]
    only_search = sum(1 for a, b in both if b["fits"] and not a["fits"])
    fewer = {k: sum(1 for a, b in fit_both if b[k] < a[k]) for k in ("columns", "dma_links")}
    more = {k: sum(1 for a, b in fit_both if b[k] > a[k]) for k in ("columns", "dma_links")}
    return (f"Placed both ways: {len(both):,} points; {len(fit_col):,} fit with the column placer, {len(fit_both):,} "
            f"of them with the search placer too, which uses fewer columns on {fewer['columns']:,} (more on "
            f"{more['columns']:,}) and fewer DMA links on {fewer['dma_links']:,} (more on {more['dma_links']:,}); "
            f"{only_search:,} points fit only with the search placer.")


def _md_placement(v: _View) -> list[str]:
    lines = ["## Placement of the linked designs", "", PLACEMENT_NOTE, ""]
    compare = placer_comparison(v.records)
    lines += [compare, ""] if compare else []
    lines += ["| " + " | ".join(PLACEMENT_HEAD) + " |", "|---" * len(PLACEMENT_HEAD) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in placement_rows(v.records)]
    for r in linked(v.records):
        if r.get("array_picture"):
            lines += ["", f"{r.get('design')} ({explain.record_placer(r)} placer):", "", "```",
                      *r["array_picture"], "```"]
    return lines + [""]


def _md_cell(text: str) -> str:
    """Text for one markdown table cell: every line kept (as <br>), pipes that would split the cell escaped."""
    return "<br>".join(line.replace("|", "\\|").replace("\t", " ").strip() for line in str(text).splitlines()) or "-"


def _example(v: _View, resource: str, rs: list[dict]) -> str:
    """The full reason (every line) of the first design that runs out of ``resource``."""
    return next((f["reason"] for r, f, k in v.failures if k == resource and r is rs[0]), rs[0]["reason"])


def _breakdown_cells(v: _View, r: dict) -> list[str]:
    b = v.breakdowns.get(r["id"])
    if b is None:
        return [v.label(r), str(r["compute_tiles"]), _fmt(r["npu_calls"]), "-", "-", "-", "-",
                _fmt(r["modeled_seconds"])]
    return [v.label(r), str(r["compute_tiles"]), _fmt(b.calls), _fmt(b.overhead_s), _fmt(b.compute_s),
            _fmt(b.waiting_s), _fmt(b.dma_busiest_s), _fmt(b.total_s)]


def _md_why(v: _View) -> list[str]:
    if v.best is None:
        return []
    lines = [f"## Why the best at batch {v.focus_batch} wins", "", v.why_text(), "", BREAKDOWN_NOTE, "",
             "| " + " | ".join(BREAKDOWN_HEAD) + " |", "|---" * len(BREAKDOWN_HEAD) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in _breakdown_cells(v, r)) + " |"
              for r in (v.best, v.next_best) if r is not None]
    lines += ["", "One step larger than the best, the other options the same:", ""]
    lines += [f"- {what}: {v.step_text(what, r, key)}" for key, what, r in v.steps]
    return lines + [""]


def _md_link(v: _View, r: dict) -> str:
    folder = v.folders.get(r["id"])
    return f"[{folder}/]({folder}/)" if folder else r.get("emit_note", "-")


def _md_table(v: _View, rows: list[dict]) -> list[str]:
    out = ["| design | modelled (s) | realtime | tiles | worst tile (B) | simulated | folder | command |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {v.label(r)} | {_fmt(r['modeled_seconds'])} | {_fmt(r['realtime_factor'], 0)}x | "
                   f"{r['compute_tiles']} | {_fmt(r['worst_tile_bytes'])} | {v.sim_note(r)} | {_md_link(v, r)} | "
                   f"`{explore.command(r)}` |")
    return out + [""]


def _html(v: _View, plots: dict[str, bytes]) -> str:
    e = html.escape

    def img(name, alt, caption):
        data = base64.b64encode(plots[name]).decode()
        return (f'<figure><img class="plot" alt="{e(alt)}" src="data:image/png;base64,{data}">'
                f"<figcaption>{e(caption)}</figcaption></figure>")

    def table(head, rows, cls=""):
        th = "".join(f"<th>{e(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'

    def link(r):
        folder = v.folders.get(r["id"])
        if not folder:
            return e(r.get("emit_note", "-"))
        return f'<a class="design" href="{e(folder)}/">{e(folder)}/</a>'

    def cmd(r, verb="emit"):
        return _command_html(explore.command(r, verb))

    def design_rows(rows):
        return [[e(v.label(r)), _fmt(r["modeled_seconds"]), f"{_fmt(r['realtime_factor'], 0)}x",
                 r["compute_tiles"], _fmt(r["worst_tile_bytes"]), e(v.sim_note(r)), link(r), cmd(r)] for r in rows]

    head = ["design", "modelled (s)", "realtime", "tiles", "worst tile (B)", "simulated", "folder",
            "command (in this folder)"]
    if v.best is None:
        best = (f"<p>No point of batch {v.focus_batch} fits.</p>" if v.focus_in_space else
                f"<p>Batch {v.focus_batch} is not in this space (add <code>--batch {v.focus_batch}</code>).</p>")
    else:
        b = v.best
        best = (f'<div class="best"><p>The fastest design that fits a {v.focus_batch}-frame batch: '
                f"<strong>{e(v.label(b))}</strong>: {_fmt(b['modeled_seconds'])} s modelled "
                f"({_fmt(b['realtime_factor'], 0)}x realtime) on {b['compute_tiles']} compute tiles, "
                f"{_fmt(b['worst_tile_bytes'])} B on the fullest; {e(v.sim_note(b))}.</p>"
                f"<p>Design folder: {link(b)}</p><p>Emit it: {cmd(b)}<br>Its resources: "
                f"{cmd(b, 'partition')}</p></div>"
                f"<p>The fastest batch-{v.focus_batch} design for each number of compute tiles that buys "
                f"speed:</p>" + table(head, design_rows(v.focus), "designs"))
    seed = f"<p>{e(BAND_NOTE)}</p>" + table(
        ["configuration", "fits", "NPU calls", *(h for _, h in PROFILES), "vs 134 s", "seed's figure"],
        [[e(s["name"]), _fmt(s["fits"]), _fmt(s["calls"]), *(_band(s, p) for p, _ in PROFILES),
          f"{_fmt(s['speedup'], 1)}x", e(s["seed_says"])] for s in _seed_rows(v.meta)])
    invalid = table(["reason (numbers as N)", "points", "example"],
                    [[e(k), f"{len(rs):,}", e(rs[0]["reason"])] for k, rs in v.invalid_kinds])
    too_big = table(["resource", "points", "example (every line)"],
                    [[e(k), f"{len(rs):,}", f"<pre>{e(_example(v, k, rs))}</pre>" if rs else
                      e(NOT_MODELLED.get(k, "-"))] for k, rs in v.per_resource.items()], "resources")
    failures = table(FAILURE_HEAD, [[*(e(c) for c in _failure_cells(r, f, resource)), f"<pre>{e(f['reason'])}</pre>"]
                                    for r, f, resource in v.failures], "failures")
    why = ""
    if v.best is not None:
        steps = "".join(f'<li data-step="{e(key)}">{e(what)}: {e(v.step_text(what, r, key))}</li>'
                        for key, what, r in v.steps)
        why = (f'<h2 id="why">Why the best at batch {v.focus_batch} wins</h2>\n<p class="why">{e(v.why_text())}</p>'
               f"<p>{e(BREAKDOWN_NOTE)}</p>"
               + table(BREAKDOWN_HEAD, [[e(c) for c in _breakdown_cells(v, r)] for r in (v.best, v.next_best)
                                        if r is not None], "breakdown")
               + f'<p>One step larger than the best, the other options the same:</p><ul class="steps">{steps}</ul>')
    every = table(["design", "fits", "modelled (s)", "worst tile (B)", "NPU calls", "reason"],
                  [[e(v.label(r)), _fmt(r["fits"]), _fmt(r["modeled_seconds"]), _fmt(r["worst_tile_bytes"]),
                    _fmt(r["npu_calls"]), e(r["reason"] or "-")] for r in v.records])
    summary = "".join(f"<p>{e(line)}</p>" for line in v.summary())
    compare = placer_comparison(v.records)
    pictures = "".join(f"<details><summary>{e(str(r.get('design')))} ({e(explain.record_placer(r))} placer): "
                       f"the array</summary><pre>{e(chr(10).join(r['array_picture']))}</pre></details>"
                       for r in linked(v.records) if r.get("array_picture"))
    placement = (f"<p>{e(PLACEMENT_NOTE)}</p>" + (f'<p class="compare">{e(compare)}</p>' if compare else "")
                 + table(PLACEMENT_HEAD, [[e(c) for c in row] for row in placement_rows(v.records)], "placement")
                 + pictures)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>npu-tiler design-space report</title>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 1200px; }}
table {{ border-collapse: collapse; font-size: 12px; margin: 1em 0; }}
th, td {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f0f0f0; }}
table.designs td:nth-child(8) {{ max-width: 26em; }}
code {{ font-size: 11px; }}
code span {{ white-space: nowrap; }}
.best {{ border: 2px solid #55a868; padding: 0.2em 1em; background: #f4fbf5; }}
img.plot {{ max-width: 100%; }}
figcaption {{ font-size: 13px; color: #333; max-width: 60em; }}
details {{ margin: 1em 0; }}
pre {{ font-size: 11px; margin: 0; white-space: pre-wrap; }}
table.failures td:last-child {{ min-width: 40em; }}
</style></head><body>
<h1>npu-tiler design-space report</h1>
{summary}
<h2 id="best">Best at batch {v.focus_batch}</h2>
{best}
{why}
<h2 id="front">Pareto front (all batches)</h2>
{table(head, design_rows(v.front), "designs")}
<h2>Plots</h2>
{img("time_vs_tiles.png", "modelled time vs compute tiles",
     "Every design that fits, by strategy, each in its lane beside the tile count; black rings: the Pareto front, "
     f"red crosses: the best at batch {v.focus_batch} per tile count.")}
{img("memory_front.png", "memory of the linked designs",
     "The fullest compute tile of each linked design: buffers, stack and the kernel's static data.")}
{img("fits_map.png", "fits map of batch x tiles per strategy",
     "Each cell: configurations that fit / configurations tried at that batch and tile count.")}
<h2 id="placement">Placement of the linked designs</h2>
{placement}
<h2>The seed's configurations</h2>
{seed}
<h2 id="infeasible">Why points do not fit</h2>
<h3>Invalid combinations ({len(v.invalid):,} points): options no design can be built from</h3>
{invalid}
<h3>Does not fit ({len(v.too_big):,} points): built, and a tile runs out of</h3>
<p>A point counts once for each resource it exceeds.</p>
{too_big}
<h2 id="does-not-fit">Every design that does not fit</h2>
<p>{len(v.failures):,} reasons in {len(v.too_big):,} designs. {e(FAILURES_NOTE)}</p>
<details><summary>The {len(v.failures):,} reasons, each with its tile, bytes over, buffer and every line</summary>
{failures}
</details>
<details><summary>Every point ({len(v.records):,}), with the reason when it does not fit</summary>
{every}
</details>
<script>
// Lets a headless browser confirm the plots decoded: the title counts the loaded images.
window.addEventListener("load", function () {{
  var imgs = document.querySelectorAll("img.plot"), ok = 0;
  imgs.forEach(function (i) {{ if (i.complete && i.naturalWidth > 0) ok++; }});
  document.title = "plots loaded: " + ok + "/" + imgs.length;
}});
</script>
</body></html>
"""
