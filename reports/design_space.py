"""The design-space report: report.html (self-contained), report.md, points.csv, points.json, plots.

Everything is rendered from the records in points.json, so ``npu-tiler
report DIR`` re-renders a saved study without evaluating anything.
"""
from __future__ import annotations

import base64
import csv
import html
import io
import json
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from partitioner.errors import UserError  # noqa: E402

STRATEGY_COLOURS = {"single": "#4c72b0", "split": "#55a868", "pipeline": "#c44e52", "hybrid": "#8172b2"}
CSV_COLUMNS = ["id", "kernel", "device", "strategy", "batch", "tiles", "object_frames", "depth", "frame_mode",
               "alloc_scheme", "mlir_aie", "fits", "reason", "compute_tiles", "worst_tile_bytes", "max_dma_in",
               "max_dma_out", "max_locks", "max_bds", "npu_calls", "dma_bytes", "modeled_seconds",
               "realtime_factor", "pareto", "simulated", "bit_exact"]


def save(out: Path, records: list[dict], meta: dict) -> None:
    """points.json and points.csv, then the rendered report."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "points.json").write_text(json.dumps({"meta": meta, "points": records}, indent=1))
    with open(out / "points.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for r in records:
            w.writerow(r)
    render(out)


def load(out: Path) -> tuple[list[dict], dict]:
    path = Path(out) / "points.json"
    if not path.is_file():
        raise UserError(f"{path} not found: run `npu-tiler explore --out {out}` first")
    try:
        data = json.loads(path.read_text())
        return data["points"], data.get("meta", {})
    except (json.JSONDecodeError, KeyError):
        raise UserError(f"{path} is not a points.json written by npu-tiler explore") from None


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def plot_time_vs_tiles(records: list[dict]) -> bytes:
    fig, ax = plt.subplots(figsize=(7.5, 4.5))
    fits = [r for r in records if r["fits"] and r["modeled_seconds"]]
    for strategy, colour in STRATEGY_COLOURS.items():
        pts = [r for r in fits if r["strategy"] == strategy]
        if pts:
            ax.scatter([r["compute_tiles"] + _jitter(r) for r in pts], [r["modeled_seconds"] for r in pts], s=12,
                       alpha=0.45, color=colour, label=strategy)
    front = [r for r in fits if r["pareto"]]
    if front:
        ax.scatter([r["compute_tiles"] for r in front], [r["modeled_seconds"] for r in front], s=70,
                   facecolors="none", edgecolors="black", linewidths=1.4, label="Pareto front")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks([1, 2, 4, 8, 16], labels=["1", "2", "4", "8", "16"])
    ax.set_xlabel("compute tiles used")
    ax.set_ylabel("modelled time for 628,163 frames (s)")
    ax.set_title("Modelled time vs tiles (designs that fit)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    return _png(fig)


def _jitter(r: dict) -> float:
    """A small deterministic horizontal offset so points of one tile count do not overlap."""
    return (int(r["id"][:6], 16) % 100 - 50) / 100 * 0.15 * r["compute_tiles"]


def plot_memory_front(records: list[dict]) -> bytes:
    front = [r for r in records if r["pareto"] and r.get("memory")]
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(front) + 2), 4.2))
    labels = [f"{r['strategy']} b{r['batch']} t{r['tiles']} f{r.get('object_frames_effective') or ''} "
              f"d{r['depth']} {r['frame_mode'][:4]}" for r in front]
    bottom = [0] * len(front)
    for key, colour in (("buffers", "#55a868"), ("stack", "#dd8452"), ("static", "#4c72b0")):
        vals = [r["memory"][key] for r in front]
        ax.bar(range(len(front)), vals, bottom=bottom, color=colour, label={"static": "kernel static data"}.get(key, key))
        bottom = [b + v for b, v in zip(bottom, vals)]
    ax.axhline(65536, color="black", linestyle="--", linewidth=1, label="64 KiB tile")
    ax.set_xticks(range(len(front)), labels=labels, rotation=70, ha="right", fontsize=7)
    ax.set_ylabel("bytes on the fullest compute tile")
    ax.set_title("Memory of the Pareto-front designs (fullest compute tile)")
    ax.legend(fontsize=8)
    return _png(fig)


def plot_fits_map(records: list[dict]) -> bytes:
    strategies = [s for s in STRATEGY_COLOURS if any(r["strategy"] == s for r in records)]
    batches = sorted({r["batch"] for r in records})
    tiles = sorted({r["tiles"] for r in records})
    fig, axes = plt.subplots(1, len(strategies), figsize=(3.2 * len(strategies), 3.6), squeeze=False)
    for ax, s in zip(axes[0], strategies):
        grid = [[float("nan")] * len(tiles) for _ in batches]
        text = [[""] * len(tiles) for _ in batches]
        for i, b in enumerate(batches):
            for j, t in enumerate(tiles):
                pts = [r for r in records if r["strategy"] == s and r["batch"] == b and r["tiles"] == t]
                if pts:
                    n_fit = sum(r["fits"] for r in pts)
                    grid[i][j] = n_fit / len(pts)
                    text[i][j] = f"{n_fit}/{len(pts)}"
        ax.imshow(grid, cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
        for i in range(len(batches)):
            for j in range(len(tiles)):
                if text[i][j]:
                    ax.text(j, i, text[i][j], ha="center", va="center", fontsize=6)
        ax.set_xticks(range(len(tiles)), labels=[str(t) for t in tiles])
        ax.set_yticks(range(len(batches)), labels=[str(b) for b in batches])
        ax.set_xlabel("tiles")
        ax.set_title(s)
    axes[0][0].set_ylabel("batch (frames per call)")
    fig.suptitle("Configurations that fit, per batch x tiles (green: all, red: none, blank: not buildable)")
    return _png(fig)


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


def _point_label(r: dict) -> str:
    f = r.get("object_frames_effective") or r["object_frames"] or "-"
    return (f"{r['strategy']} / batch {r['batch']} / {r['tiles']} tiles / {f} frames per object / depth {r['depth']} "
            f"/ {r['frame_mode']} / {r['alloc_scheme']}")


def render(out: Path) -> None:
    records, meta = load(out)
    plots = {"time_vs_tiles.png": plot_time_vs_tiles(records), "memory_front.png": plot_memory_front(records),
             "fits_map.png": plot_fits_map(records)}
    for name, data in plots.items():
        (out / name).write_bytes(data)
    front = [r for r in records if r["pareto"]]
    n_fit = sum(r["fits"] for r in records)
    reasons = Counter(_reason_kind(r["reason"]) for r in records if not r["fits"])
    (out / "report.md").write_text(_markdown(records, meta, front, n_fit, reasons))
    (out / "report.html").write_text(_html(records, meta, front, n_fit, reasons, plots))


def _reason_kind(reason: str) -> str:
    r = reason.split(":", 2)
    text = r[-1].strip() if len(r) > 1 else reason
    for key in ("allocated buffers exceeded available memory", "does not split evenly", "does not divide",
                "DMA channel exceeded", "no fused entry point", "no stage chain", "overflow the data region",
                "Failed to allocate buffer", "locks needed", "BDs", "Size", "Stride"):
        if key in reason:
            return key
    return text[:60]


def _summary_lines(records, meta, front, n_fit) -> list[str]:
    return [f"{len(records):,} points ({n_fit:,} fit) of kernel `{meta.get('kernel')}` on `{meta.get('device')}`; "
            f"{meta.get('evaluated', 0):,} evaluated in this run, the rest from the cache; "
            f"{meta.get('seconds', 0):.1f} s. Times are modelled for the seed's 628,163 frames "
            f"(sim/timing.toml; mel kernel cycles unvalidated until hardware calibration), not measured.",
            f"Pareto front (modelled time, compute tiles, worst-tile memory): {len(front)} designs, each emitted and "
            f"simulated against the batch-20 baseline on the built-in audio."]


def _markdown(records, meta, front, n_fit, reasons) -> str:
    lines = ["# npu-tiler design-space report", ""] + _summary_lines(records, meta, front, n_fit) + [""]
    lines += ["![time vs tiles](time_vs_tiles.png)", "", "![memory of the front](memory_front.png)", "",
              "![fits map](fits_map.png)", ""]
    lines += ["## The seed's configurations", "",
              "| configuration | fits | NPU calls | modelled (s) | vs 134 s | seed's figure |", "|---|---|---|---|---|---|"]
    for s in _seed_rows(meta):
        lines.append(f"| {s['name']} | {_fmt(s['fits'])} | {_fmt(s['calls'])} | {_fmt(s['modeled_s'], 1)} | "
                     f"{_fmt(s['speedup'], 1)}x | {s['seed_says']} |")
    lines += ["", "## Pareto front", "", "| design | modelled (s) | realtime | tiles | worst tile (B) | simulated |",
              "|---|---|---|---|---|---|"]
    for r in front:
        lines.append(f"| {_point_label(r)} | {_fmt(r['modeled_seconds'])} | {_fmt(r['realtime_factor'], 0)}x | "
                     f"{r['compute_tiles']} | {_fmt(r['worst_tile_bytes'])} | {r.get('sim_note') or '-'} |")
    lines += ["", "## Why points do not fit", "", "| reason | points |", "|---|---|"]
    lines += [f"| {k} | {v:,} |" for k, v in reasons.most_common()]
    lines += ["", "## Every point", "", "| design | fits | modelled (s) | worst tile (B) | reason |", "|---|---|---|---|---|"]
    for r in records:
        lines.append(f"| {_point_label(r)} | {_fmt(r['fits'])} | {_fmt(r['modeled_seconds'])} | "
                     f"{_fmt(r['worst_tile_bytes'])} | {r['reason'].replace('|', '/') or '-'} |")
    return "\n".join(lines) + "\n"


def _html(records, meta, front, n_fit, reasons, plots) -> str:
    e = html.escape

    def img(name, alt):
        data = base64.b64encode(plots[name]).decode()
        return f'<figure><img class="plot" alt="{e(alt)}" src="data:image/png;base64,{data}"></figure>'

    def table(head, rows):
        th = "".join(f"<th>{e(h)}</th>" for h in head)
        body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"

    seed = table(["configuration", "fits", "NPU calls", "modelled (s)", "vs 134 s", "seed's figure"],
                 [[s["name"], _fmt(s["fits"]), _fmt(s["calls"]), _fmt(s["modeled_s"], 1), f"{_fmt(s['speedup'], 1)}x",
                   s["seed_says"]] for s in _seed_rows(meta)])
    front_t = table(["design", "modelled (s)", "realtime", "tiles", "worst tile (B)", "simulated"],
                    [[_point_label(r), _fmt(r["modeled_seconds"]), f"{_fmt(r['realtime_factor'], 0)}x",
                      r["compute_tiles"], _fmt(r["worst_tile_bytes"]), r.get("sim_note") or "-"] for r in front])
    why = table(["reason", "points"], [[k, f"{v:,}"] for k, v in reasons.most_common()])
    every = table(["design", "fits", "modelled (s)", "worst tile (B)", "NPU calls", "reason"],
                  [[_point_label(r), _fmt(r["fits"]), _fmt(r["modeled_seconds"]), _fmt(r["worst_tile_bytes"]),
                    _fmt(r["npu_calls"]), r["reason"] or "-"] for r in records])
    summary = "".join(f"<p>{e(line)}</p>" for line in _summary_lines(records, meta, front, n_fit))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>npu-tiler design-space report</title>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 1200px; }}
table {{ border-collapse: collapse; font-size: 12px; margin: 1em 0; }}
th, td {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; }}
th {{ background: #f0f0f0; }}
img.plot {{ max-width: 100%; }}
details {{ margin: 1em 0; }}
</style></head><body>
<h1>npu-tiler design-space report</h1>
{summary}
<h2>Plots</h2>
{img("time_vs_tiles.png", "modelled time vs compute tiles")}
{img("memory_front.png", "memory of the Pareto-front designs")}
{img("fits_map.png", "fits map of batch x tiles per strategy")}
<h2>The seed's configurations</h2>
{seed}
<h2>Pareto front</h2>
{front_t}
<h2>Why points do not fit</h2>
{why}
<details><summary>Every point ({len(records):,}), with the reason when it does not fit</summary>
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
