"""Text views of an Evaluation: the array picture, the FIFO list and the per-tile table.

The same strings go to the terminal (``npu-tiler partition``) and into the
emitted design's README, so both always show the same numbers.
"""
from __future__ import annotations

from partitioner.check import Evaluation

CELL = 18


def array_picture(ev: Evaluation) -> list[str]:
    """The device as a grid, top row first: each used tile shows what runs or sits there."""
    d, design = ev.device, ev.design
    label: dict[tuple[int, int], str] = {}
    for w in design.workers:
        label[w.tile] = w.name
    for g, t in design.mem_tiles.items():
        label[t] = f"mem (link {g})"
    for g, t in design.shims.items():
        label[t] = f"shim (group {g})"
    lines = ["      " + "".join(f"col {c}".center(CELL) for c in range(d.columns))]
    for row in reversed(range(d.rows)):
        cells = []
        for col in range(d.columns):
            text = label.get((col, row), "." if d.kind_of((col, row)) == "compute" else "-")
            cells.append(f"[{text[:CELL - 4]}]".center(CELL) if (col, row) in label else text.center(CELL))
        lines.append(f"row {row} " + "".join(cells))
    return lines


def fifo_lines(ev: Evaluation) -> list[str]:
    design, lowered = ev.design, ev.lowered
    out = []
    for f in design.fifos:
        way = "shared memory" if f.name in lowered.shared else "DMA"
        cons = ", ".join(str(t) for t in f.consumer_tiles)
        depth = f.depth if isinstance(f.depth, int) else list(f.depth)
        out.append(f"{f.name:10s} {str(f.producer_tile):8s} -> {cons:18s} {f.object_bytes:>8,} B x depth {depth!s:8s} "
                   f"{f.object_frames:>4} frames  {f.stream:8s} {way}")
    for link in design.links:
        out.append(f"{link.name:10s} {link.kind} on {link.tile}: {link.inputs} -> {link.outputs} offsets {link.offsets}")
    return out


def tile_table(ev: Evaluation) -> list[str]:
    caps = ev.device.kinds
    head = f"{'tile':8s} {'kind':8s} {'bytes used / capacity':>24s}  {'DMA in':>6s} {'DMA out':>7s} {'locks':>6s} {'BDs':>6s}  buffers"
    out = [head]
    for t in ev.tiles:
        k = caps[t.kind]
        used = f"{t.bytes_used:,} / {t.bytes_capacity:,}" if t.bytes_capacity else "-"
        bufs = ", ".join(f"{b['name']} {b['bytes']:,}" for b in t.buffers)
        out.append(f"{str(t.tile):8s} {t.kind:8s} {used:>24s}  {t.dma_in:>3}/{k.dma_in:<2} {t.dma_out:>4}/{k.dma_out:<2} "
                   f"{t.locks:>3}/{k.locks:<2} {t.bds:>3}/{k.bds:<2}  {bufs}")
    return out


def summary(ev: Evaluation) -> list[str]:
    d, o = ev.design, ev.design.options
    lines = [f"design {d.name}: kernel {o.kernel}, {o.strategy} over {len(d.workers)} compute tile(s) of {o.device}, "
             f"batch {o.batch} frames per call, {d.object_frames} frames per FIFO buffer, depth {d.depth}, "
             f"{o.frame_mode}, {o.alloc_scheme}, mlir-aie profile {o.mlir_aie}"]
    lines += [f"note: {n}" for n in ev.notes]
    return lines


def report(ev: Evaluation) -> str:
    lines = summary(ev) + [""] + array_picture(ev) + ["", "ObjectFIFOs:"] + fifo_lines(ev) + [""] + tile_table(ev)
    if ev.fits:
        lines += ["", "fits: yes"]
    else:
        lines += ["", f"fits: no ({len(ev.errors)} problem(s))"] + [f"error: {e}" for e in ev.errors]
        if ev.suggestions:
            lines += ["would fit with: " + "; ".join(ev.suggestions)]
    return "\n".join(lines)
