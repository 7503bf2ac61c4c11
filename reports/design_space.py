"""The design-space report: report.html (self-contained), report.md, points.csv, points.json, plots, designs/.

Everything is rendered from the records in points.json, so ``npu-tiler
report DIR`` re-renders a saved study without evaluating the space again.
The linked designs (the Pareto front, and the best designs for a batch of
100 frames: the fastest for each tile count that buys speed) are emitted into ``DIR/designs/<name>/``; each
row of the report links its folder and shows the ``npu-tiler emit`` command
that reproduces it (its options that differ from the defaults).

Points that do not fit are told apart: an *invalid combination* is a set of
options no design can be built from (the partitioner's UserError, e.g. an
object size that does not divide the chains' shares); a design that *does
not fit* was built and exceeds a resource of a tile: memory, locks, BDs, DMA
channels, program memory, a hang the static check finds, or the shim's transfer limits.
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
from reports import explore  # noqa: E402

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
               "realtime_factor", "pareto", "pareto_focus", "best_focus", "simulated", "bit_exact"]
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


# -- files ------------------------------------------------------------------------------------------------

def save(out: Path, records: list[dict], meta: dict, progress: bool = True, started: float | None = None) -> None:
    """Write the report folder: the linked designs, the plots, points.json, points.csv, report.md/html.

    ``meta["seconds"]`` becomes the time from the command's start
    (``started``, default :func:`reports.explore.command_started`) to the
    moment the report is written, when that start is known.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    meta.setdefault("cores", os.cpu_count())
    started = started if started is not None else explore.command_started()
    _write(out, records, meta, progress, started)


def render(out: Path, progress: bool = True) -> None:
    """Re-render the report from ``out/points.json``: the linked designs, the plots, report.md/html."""
    records, meta = load(out)
    _write(Path(out), records, meta, progress, None)


def load(out: Path) -> tuple[list[dict], dict]:
    """The records and meta of ``out/points.json`` (UserError when missing or not one of ours)."""
    path = Path(out) / "points.json"
    if not path.is_file():
        raise UserError(f"{path} not found: run `npu-tiler explore --out {out}` first")
    try:
        data = json.loads(path.read_text())
        return data["points"], data.get("meta", {})
    except (json.JSONDecodeError, KeyError):
        raise UserError(f"{path} is not a points.json written by npu-tiler explore") from None


def _write(out: Path, records: list[dict], meta: dict, progress: bool, started: float | None) -> None:
    for r in records:
        r["infeasible"] = "" if r["fits"] else ("invalid combination" if not r.get("design") else "does not fit")
    folders = emit_designs(out, records, progress)
    steps = [("time_vs_tiles.png", plot_time_vs_tiles), ("memory_front.png", plot_memory_front),
             ("fits_map.png", plot_fits_map)]
    plots = {}
    for name, fn in tqdm(steps, desc="plotting", unit="plot", disable=not progress, leave=False):
        plots[name] = fn(records)
        (out / name).write_bytes(plots[name])
    if started is not None:
        meta["seconds"] = time.time() - started
        meta["seconds_end_to_end"] = True
    (out / "points.json").write_text(json.dumps({"meta": meta, "points": records}, indent=1))
    with open(out / "points.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for r in records:
            w.writerow(r)
    view = _View(records, meta, folders)
    (out / "report.md").write_text(_markdown(view))
    (out / "report.html").write_text(_html(view, plots))


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
            ev = partitioner.partition(_options_of(r), suggest=False)
            partitioner.emit(ev, out / folders[r["id"]], overwrite=True)
        except UserError as exc:
            r["emit_note"] = f"not emitted: {exc}"
            del folders[r["id"]]
    return folders


def _options_of(rec: dict) -> Options:
    return Options(**{k: rec[k] for k in Options.__dataclass_fields__})


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
            f"linked design (that front and the best at batch {self.focus_batch}) is emitted into designs/ and was simulated "
            f"against the batch-20 baseline on the built-in audio. The commands run in this folder; only options "
            f"that differ from the defaults are written.",
        ]

    def label(self, r: dict) -> str:
        f = r.get("object_frames_effective") or r["object_frames"]
        objects = f"{f} frame{'s' if f != 1 else ''} per object" if r["object_frames"] else \
            f"each chain's share per object (up to {f} frames)" if f else "each chain's share per object"
        tiles = f"{r['tiles']} tile{'s' if r['tiles'] != 1 else ''}"
        return (f"{r['strategy']} / batch {r['batch']} / {tiles} / {objects} / depth {r['depth']} / "
                f"{r['frame_mode']} / {r['alloc_scheme']}")

    def sim_note(self, r: dict) -> str:
        return r.get("sim_note") or "not simulated"


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
    lines += ["## Pareto front (all batches)", ""] + _md_table(v, v.front)
    lines += ["![time vs tiles](time_vs_tiles.png)", "", "![memory of the linked designs](memory_front.png)", "",
              "![fits map](fits_map.png)", ""]
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
        example = rs[0]["reason"].replace("|", "/") if rs else NOT_MODELLED.get(k, "-")
        lines.append(f"| {k} | {len(rs):,} | {example} |")
    lines += ["", "## Every point", "", "| design | fits | modelled (s) | worst tile (B) | reason |",
              "|---|---|---|---|---|"]
    for r in v.records:
        lines.append(f"| {v.label(r)} | {_fmt(r['fits'])} | {_fmt(r['modeled_seconds'])} | "
                     f"{_fmt(r['worst_tile_bytes'])} | {r['reason'].replace('|', '/') or '-'} |")
    return "\n".join(lines) + "\n"


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
    too_big = table(["resource", "points", "example"],
                    [[e(k), f"{len(rs):,}", e(rs[0]["reason"] if rs else NOT_MODELLED.get(k, "-"))]
                     for k, rs in v.per_resource.items()])
    every = table(["design", "fits", "modelled (s)", "worst tile (B)", "NPU calls", "reason"],
                  [[e(v.label(r)), _fmt(r["fits"]), _fmt(r["modeled_seconds"]), _fmt(r["worst_tile_bytes"]),
                    _fmt(r["npu_calls"]), e(r["reason"] or "-")] for r in v.records])
    summary = "".join(f"<p>{e(line)}</p>" for line in v.summary())
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
</style></head><body>
<h1>npu-tiler design-space report</h1>
{summary}
<h2 id="best">Best at batch {v.focus_batch}</h2>
{best}
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
<h2>The seed's configurations</h2>
{seed}
<h2 id="infeasible">Why points do not fit</h2>
<h3>Invalid combinations ({len(v.invalid):,} points): options no design can be built from</h3>
{invalid}
<h3>Does not fit ({len(v.too_big):,} points): built, and a tile runs out of</h3>
<p>A point counts once for each resource it exceeds.</p>
{too_big}
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
