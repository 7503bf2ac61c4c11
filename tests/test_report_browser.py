"""The design-space report as a person opens it: headless Chromium renders report.html, every plot
decodes, the design links lead to design folders that exist, and the page carries the best design at
batch 100 with its command, why it wins (its time broken down beside the next best's, and the next
larger steps) and every reason a built design does not fit, each with its tile, bytes over, buffer
and every line of the error. The DOM is read with html.parser, not regular expressions.

Skipped without Debian's chromium (``apt-get install chromium``).
"""
from __future__ import annotations

import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from partitioner.params import timing as load_timing
from reports import design_space
from reports import explore as ex

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium not installed (apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class _Page(HTMLParser):
    """What the checks need from the DOM: the title, the links by class, the sections and their codes."""

    def __init__(self):
        super().__init__()
        self.title, self.links, self.codes, self.images = "", [], [], []
        self.section, self._in, self._text = "", [], []
        self.sections: dict[str, dict[str, list]] = {}
        self.order: list[str] = []  # the h2 headings, in page order
        self.tables: dict[str, list[list[str]]] = {}  # body rows (cell texts) by the table's class
        self.steps: dict[str, str] = {}  # the best's next larger steps by axis
        self._table, self._row, self._cell, self._step = "", None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._in.append(tag)
        if tag == "h2":
            self._text = []
        if tag == "a" and a.get("class") == "design":
            self.links.append(a["href"])
            self.sections.setdefault(self.section, {"links": [], "codes": []})["links"].append(a["href"])
        if tag == "code":
            self._text = []
        if tag == "img":
            self.images.append(a)
        if tag == "table":
            self._table = a.get("class") or ""
        if tag == "tr":
            self._row = []
        if tag == "td":
            self._cell = []
        if tag == "li" and a.get("data-step"):
            self._step = (a["data-step"], [])

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()
        if tag == "h2":
            self.section = "".join(self._text).strip()
            self.order.append(self.section)
        if tag == "td" and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        if tag == "tr" and self._row:
            self.tables.setdefault(self._table, []).append(self._row)
            self._row = None
        if tag == "li" and self._step is not None:
            self.steps[self._step[0]] = "".join(self._step[1])
            self._step = None
        if tag == "code":
            code = "".join(self._text)
            self.codes.append(code)
            self.sections.setdefault(self.section, {"links": [], "codes": []})["codes"].append(code)

    def handle_data(self, data):
        if "title" in self._in:
            self.title += data
        self._text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._step is not None:
            self._step[1].append(data)


@pytest.fixture(scope="module")
def report(cli, tmp_path_factory) -> Path:
    # A small space (single and split on 1 or 8 tiles, framed) still has a front, batch 100's best (uneven
    # 13/12 splits included), points that do not fit and invalid combinations.
    out = tmp_path_factory.mktemp("browser") / "report"
    r = cli("explore", "--out", str(out), "--cache", str(out.parent / "cache.sqlite"), "--strategy", "split",
            "--strategy", "single", "--tiles", "1", "--tiles", "8", "--frame-mode", "framed", "--no-simulate")
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def rendered(report, tmp_path_factory) -> tuple[_Page, Path, str]:
    tmp = tmp_path_factory.mktemp("chromium")
    shot = tmp / "report.png"
    # One browser start: the DOM after the page's scripts ran, and a screenshot of the page's top.
    r = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", "--enable-logging=stderr", "--v=0",
                        "--virtual-time-budget=5000", "--window-size=1280,2400", f"--screenshot={shot}",
                        "--dump-dom", (report / "report.html").resolve().as_uri()],
                       capture_output=True, text=True, timeout=120)
    page = _Page()
    page.feed(r.stdout)
    return page, shot, r.stderr


def test_plots_decode_without_console_errors(rendered):
    page, shot, stderr = rendered
    assert page.title == "plots loaded: 3/3", stderr[-2000:]
    assert [line for line in stderr.splitlines() if "CONSOLE" in line and "rror" in line] == []
    import matplotlib.image as mpimg

    pixels = mpimg.imread(shot)[..., :3]
    assert ((pixels.max(axis=2) - pixels.min(axis=2)) > 0.2).mean() > 0.005, "no coloured pixels in the screenshot"


def test_every_design_link_resolves_to_an_emitted_folder(rendered, report):
    page, _, _ = rendered
    records, _ = design_space.load(report)
    linked = design_space.linked(records)
    assert linked and len(set(page.links)) == len(linked)
    for href in page.links:
        url = urlparse(href)
        assert not url.scheme and not url.netloc, href  # relative: the folder moves with the report
        folder = (report / unquote(url.path)).resolve()
        assert folder.is_dir() and report.resolve() in folder.parents, href
        assert (folder / "aie.mlir").is_file() and (folder / "manifest.json").is_file()


def test_best_at_batch_100_has_its_link_and_command(rendered, report):
    page, _, _ = rendered
    best = page.sections["Best at batch 100"]
    records, _ = design_space.load(report)
    (b,) = [r for r in records if r.get("best_focus")]
    assert best["links"][0] == ex.design_folder(b) + "/"
    assert ex.command(b) in best["codes"] and ex.command(b, "partition") in best["codes"]
    front = page.sections["Pareto front (all batches)"]
    assert len(front["links"]) == sum(r["pareto"] for r in records)
    assert all(c.startswith("npu-tiler emit ") for c in front["codes"])


def _png_size(path: Path) -> tuple[int, int]:
    with open(path, "rb") as fh:
        head = fh.read(24)
    return struct.unpack(">II", head[16:24])


def test_plots_are_not_shrunk_below_their_font_sizes(report):
    # The page is at most 1,200 px wide (less its margins); a plot wider than that is scaled down and its
    # 8-9 pt labels with it. Each is drawn at 110 dpi, so 8 pt is 12 px when shown at its own size.
    for name in ("time_vs_tiles.png", "memory_front.png", "fits_map.png"):
        width, _ = _png_size(report / name)
        assert 400 < width <= 1200, (name, width)


def test_why_the_best_at_batch_100_wins_is_on_the_page(rendered, report):
    page, _, _ = rendered
    records, _ = design_space.load(report)
    best = next(r for r in records if r.get("best_focus"))
    focus = sorted((r for r in records if r.get("pareto_focus")), key=lambda r: r["modeled_seconds"])
    assert page.order.index("Why the best at batch 100 wins") == page.order.index("Best at batch 100") + 1
    rows = page.tables["breakdown"]
    assert [row[1] for row in rows] == [str(focus[0]["compute_tiles"]), str(focus[1]["compute_tiles"])]
    for row, r in zip(rows, focus):
        overhead, compute, waiting, total = (float(c.replace(",", "")) for c in (row[3], row[4], row[5], row[7]))
        assert row[7] == f"{r['modeled_seconds']:,.2f}"  # the breakdown comes to the modelled time shown elsewhere
        assert abs(overhead + compute + waiting - total) <= 0.015  # three figures rounded to 0.01 s
        # calls x the per-call overhead (213.3 us, partitioner/params/timing.toml)
        assert row[3] == f"{r['npu_calls'] * load_timing().per_call_overhead_s:,.2f}"
    # The space has 1 and 8 tiles: the next tile count (16) is evaluated for the report and marked as outside.
    assert best["tiles"] == 8 and "16 tiles" in page.steps["tiles"] and "outside this space" in page.steps["tiles"]
    assert page.steps["batch"].startswith("batch: split / batch 200 / 8 tiles")


def test_every_reason_a_design_does_not_fit_is_a_row_with_every_line(rendered, report):
    page, _, _ = rendered
    records, _ = design_space.load(report)
    too_big = [r for r in records if r["infeasible"] == "does not fit"]
    rows = page.tables["failures"]
    assert sorted(row[-1] for row in rows) == sorted(e for r in too_big for e in r["errors"])  # every line, each
    assert all(len(row) == 7 for row in rows)
    # The mid-2025 bank-aware allocator on batch 25, one tile, depth 1: 20,000 B of input (25 x 800 B) cannot
    # sit in one 16,384 B bank of the 64 KiB tile (20,000 - 16,384 = 3,616 B over), though the tile's 30,719 B
    # would fit: stack 1,024 + static data 5,687 + in 20,000 + out 4,000 (25 x 160 B) + 2 x 4 B of FIFO state.
    row = next(row for row in rows if row[0] == "batch25_1tile_d1_bankaware")
    assert row[1:6] == ["(0, 2) compute", "memory", "30,719 / 65,536",
                        "3,616 B over one 16,384 B bank",
                        "in0_cons_buff_0 (20,000 B)"]
    assert 'Failed to allocate buffer: "in0_cons_buff_0" with size: 20000 bytes.' in row[6].splitlines()
