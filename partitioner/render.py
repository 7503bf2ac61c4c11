"""Text views of an Evaluation: the array picture, the FIFO list and the per-tile table.

The same strings go to the terminal (``npu-tiler partition``) and into the
emitted design's README, so both always show the same numbers.
"""
from __future__ import annotations

from partitioner.check import Evaluation

CELL = 18


def array_picture(ev: Evaluation) -> list[str]:
    """The device as a grid, top row first: each used tile shows what runs or sits there.

    A worker's name on its compute tile, ``mem (link g)`` / ``shim (group g)``
    on the tiles of column group g; ``.`` marks a free compute tile, ``-`` a
    free shim or mem tile. Names are cut to fit a cell of ``CELL`` characters.

    Parameters
    ----------
    ev : Evaluation
        A placed design's evaluation.

    Returns
    -------
    list of str
        A header line with the column numbers, then one line per row.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner import render
    >>> lines = render.array_picture(partitioner.partition(batch=100, tiles=4))
    >>> len(lines), lines[-1].split()
    (7, ['row', '0', '[shim', '(group', '0)]', '-', '-', '-'])
    """
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
    """One line per ObjectFIFO (tiles, bytes per buffer x depth, frames, stream, shared memory or DMA), then per link.

    Parameters
    ----------
    ev : Evaluation
        A placed design's evaluation (its lowering says which FIFOs are shared memory).

    Returns
    -------
    list of str

    Examples
    --------
    >>> import partitioner
    >>> from partitioner import render
    >>> print(render.fifo_lines(partitioner.partition(batch=100, tiles=4))[0])
    in0        (0, 0)   -> (0, 1)               80,000 B x depth [2, 2]    100 frames  frames   DMA
    """
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
    """The per-tile table: bytes used of capacity, DMA in/out, locks, BDs (used/available) and buffers.

    Parameters
    ----------
    ev : Evaluation

    Returns
    -------
    list of str
        A header, then one line per tile the design uses, by column then row.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner import render
    >>> table = render.tile_table(partitioner.partition(batch=100, tiles=4))
    >>> table[0].split()[:2], table[2].split()[:5]
    (['tile', 'kind'], ['(0,', '1)', 'mem', '192,000', '/'])
    """
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
    """The design in one line (kernel, strategy, tiles, batch, object frames, depth, modes), then the model's notes.

    Parameters
    ----------
    ev : Evaluation

    Returns
    -------
    list of str

    Examples
    --------
    >>> import partitioner
    >>> from partitioner import render
    >>> print(render.summary(partitioner.partition(batch=100, tiles=4))[0])
    design batch100_split4_d2: kernel mel, split over 4 compute tile(s) of npu1, batch 100 frames per call, 25 frames per FIFO buffer, depth 2, framed, basic-sequential, mlir-aie profile 2025.09
    """
    d, o = ev.design, ev.design.options
    if not o.strategy:  # a design read without a manifest or a kernel npu-tiler knows: no batch to speak of
        return [f"design {d.name}: {len(d.workers)} core(s) on {o.device}, kernel "
                f"{ev.spec.name if ev.spec else 'unknown'}, {len(d.fifos)} ObjectFIFO(s), depth {d.depth}, "
                f"{o.alloc_scheme}, mlir-aie profile {o.mlir_aie}"] + [f"note: {n}" for n in ev.notes]
    lines = [f"design {d.name}: kernel {o.kernel}, {o.strategy} over {len(d.workers)} compute tile(s) of {o.device}, "
             f"batch {o.batch} frames per call, {d.object_frames} frames per FIFO buffer, depth {d.depth}, "
             f"{o.frame_mode}, {o.alloc_scheme}, mlir-aie profile {o.mlir_aie}"]
    lines += [f"note: {n}" for n in ev.notes]
    return lines


def report(ev: Evaluation) -> str:
    """The full text report ``npu-tiler partition`` prints: summary, array, FIFOs, tile table, verdict.

    A design that does not fit ends with every error and the suggestions.

    Parameters
    ----------
    ev : Evaluation

    Returns
    -------
    str
        Lines joined with newlines, no trailing newline.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner import render
    >>> render.report(partitioner.partition(batch=100, tiles=4)).splitlines()[-1]
    'fits: yes'
    >>> text = render.report(partitioner.partition(strategy="single", batch=100, tiles=1))
    >>> print(text.splitlines()[-1])
    would fit with: --object-frames 25 (frames per FIFO buffer; 4 per tile per call); --strategy split --tiles 4
    """
    lines = summary(ev) + [""] + array_picture(ev) + ["", "ObjectFIFOs:"] + fifo_lines(ev) + [""] + tile_table(ev)
    if ev.fits:
        lines += ["", "fits: yes"]
    else:
        lines += ["", f"fits: no ({len(ev.errors)} problem(s))"] + [f"error: {e}" for e in ev.errors]
        if ev.suggestions:
            lines += ["would fit with: " + "; ".join(ev.suggestions)]
    return "\n".join(lines)
