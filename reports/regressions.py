"""Hardware regression report: median time per call of every design over its runs, with regressions flagged."""
from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from partitioner import safe_write  # noqa: E402
from runner.results import Regression, RunRecord  # noqa: E402

#: The files ``results --regressions --report DIR`` writes; DIR's marker lists them (partitioner/safe_write.py).
FILES = ("time_per_design.png", "regressions.md", "regressions.html")


def figure(runs: list[RunRecord]):
    """The time-per-design plot: median time per call of each design and backend over its runs 1, 2, ...

    The x axis counts runs, so its ticks are whole numbers; the legend sits
    outside the axes so it hides no line.
    """
    fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    series: dict[tuple[str, str], list[RunRecord]] = {}
    for r in runs:
        series.setdefault((r.design, r.backend), []).append(r)
    for (design, backend), rs in sorted(series.items()):
        ax.plot(range(1, len(rs) + 1), [r.median_s * 1e3 for r in rs], marker="o", label=f"{design} ({backend})")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # runs are counted: no run 1.5
    ax.set_xlabel("run number of the design (1 = oldest)")
    ax.set_ylabel("median time per NPU call (ms)")
    ax.set_title("Time per design over runs")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    return fig


def _plot(runs: list[RunRecord]) -> bytes:
    fig = figure(runs)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def check_outputs(out: Path, overwrite: bool = False) -> None:
    """Refuse (UserError naming --overwrite) to write the report into ``out`` over a file npu-tiler did not write."""
    safe_write.check_folder(Path(out), FILES, overwrite, option="--report")


def write(out: Path, runs: list[RunRecord], regs: list[Regression], threshold: float,
          overwrite: bool = False) -> None:
    """Write :data:`FILES` into ``out`` (made if missing), each atomically, listed in its marker."""
    check_outputs(out, overwrite)
    out.mkdir(parents=True, exist_ok=True)
    safe_write.mark_folder(out, FILES)
    png = _plot(runs)
    safe_write.write_bytes(out / "time_per_design.png", png)
    rows = [f"| {r.design} | {r.backend} | {r.before_s * 1e3:.3f} | {r.after_s * 1e3:.3f} | {100 * r.growth:+.1f}% | "
            f"{r.before_date} -> {r.after_date} |" for r in regs]
    md = ["# npu-tiler regression report", "",
          f"{len(runs)} runs; threshold {100 * threshold:.0f}% growth of the median time per call against the "
          f"previous run of the same design and backend. Timings marked modelled come from the simulator, not "
          f"hardware.", "", "![time per design](time_per_design.png)", "",
          "| design | backend | before (ms) | after (ms) | growth | dates |", "|---|---|---|---|---|---|", *rows,
          "" if rows else "No regressions.", "", "## Runs", "",
          "| date | design | backend | timing | median (ms) | bit-exact | diagnosis |", "|---|---|---|---|---|---|---|"]
    md += [f"| {r.date} | {r.design} | {r.backend} | {r.timing} | {r.median_s * 1e3:.3f} | {r.bit_exact} | "
           f"{r.diagnosis or '-'} |" for r in runs]
    safe_write.write_text(out / "regressions.md", "\n".join(md) + "\n")
    e = html.escape
    trs = "".join(f"<tr><td>{e(r.design)}</td><td>{e(r.backend)}</td><td>{r.before_s * 1e3:.3f}</td>"
                  f"<td>{r.after_s * 1e3:.3f}</td><td>{100 * r.growth:+.1f}%</td></tr>" for r in regs)
    safe_write.write_text(
        out / "regressions.html",
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>npu-tiler regressions</title></head><body>"
        f"<h1>npu-tiler regression report</h1><p>{len(runs)} runs, threshold {100 * threshold:.0f}%.</p>"
        f"<img alt='time per design' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"
        f"<table border='1'><tr><th>design</th><th>backend</th><th>before (ms)</th><th>after (ms)</th><th>growth</th>"
        f"</tr>{trs}</table>{'' if regs else '<p>No regressions.</p>'}</body></html>\n")
