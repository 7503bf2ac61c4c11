"""Placement: put a Design's workers, shims and mem tiles on the device graph.

Two placers (``--placer``, :func:`partitioner.search_placer.placer_named`): :class:`ColumnPlacer`,
the default, described here, and :class:`partitioner.search_placer.SearchPlacer`, which searches for
the legal placement with the fewest columns and the most shared-memory FIFOs (its module says how).

With ColumnPlacer, column group g uses column g: its shim (g, 0), its mem tile (g, 1) when the
design passes data through one, and its compute tiles. The chains of a group
are laid along the column, each chain's stages on consecutive rows, so that
every stage-to-stage FIFO joins two tiles that share memory (the consumer's
core reaches south into the producer's memory). The result is deterministic.
After placement, each FIFO's depth is written the way mlir-aie should take
it: an integer for a shared-memory FIFO (one pool), a per-end array for a DMA
FIFO, which mlir-aie takes as written whatever its version's default rule.
"""
from __future__ import annotations

from typing import Protocol

from partitioner.design import Design
from partitioner.device import Device, available, load
from partitioner.errors import UserError


class NoLegalPlacement(UserError):
    """A placer that checks legality (:class:`partitioner.search_placer.SearchPlacer`) found no legal placement."""


class Placer(Protocol):
    """Puts an unplaced Design's workers on compute tiles (as IRON's ``Placer`` does).

    A placer sets ``Worker.tile`` for every worker, ``Design.shims`` and
    ``Design.mem_tiles`` for every column group; :func:`place` does the rest
    (FIFO end tiles, per-end depths, link tiles, shim BD ids) the same way
    whatever the placer. A placer raises ``UserError`` when the design does
    not fit the device's array.
    """

    def place_tiles(self, design: Design, device: Device) -> None:
        """Set every worker's tile and every column group's shim and mem tile of ``design`` on ``device``."""


class ColumnPlacer:
    """The default placer: column group g in column g, chains laid along the column.

    Each chain's stages go on consecutive rows, so every stage-to-stage FIFO
    joins two tiles that share memory; the shim is (g, shim row) and the mem
    tile (g, first mem row). Deterministic.
    """

    def place_tiles(self, design: Design, device: Device) -> None:
        """Column group g in column g; each chain's stages on consecutive compute rows."""
        _column_tiles(design, device)


PLACERS = ("column", "search")  # what --placer takes (partitioner.search_placer.placer_named)


def summary(design: Design, shared: set[str]) -> dict:
    """The ``placement`` object of ``partition --json`` / ``check --json``.

    ``columns``: the columns the design's tiles use; ``shared_links``: FIFOs lowered to one
    shared-memory pool (``shared``, :attr:`partitioner.lowering.Lowered.shared`); ``dma_links``:
    producer-to-consumer connections of the other FIFOs (one per consumer), which go through DMA.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.placement import summary
    >>> ev = partitioner.partition(strategy="pipeline", tiles=2, object_frames=10)
    >>> summary(ev.design, ev.lowered.shared)
    {'columns': 1, 'shared_links': 1, 'dma_links': 2}
    """
    tiles = design.tiles or [*design.shims.values(), *design.mem_tiles.values(), *design.compute_tiles]
    return {"columns": len({t[0] for t in tiles}),
            "shared_links": sum(1 for f in design.fifos if f.name in shared),
            "dma_links": sum(len(f.consumers) for f in design.fifos if f.name not in shared)}


def smallest_device(design: Design, device: Device) -> str | None:
    """The device of params/devices.toml with the fewest columns that holds ``design`` as placed.

    One of the same generation and rows as ``device`` with at least as many columns as the
    placement reaches (column 0 up to its last used column): the partial arrays mlir-aie names
    npu1_1col .. npu1_4col (AIEAttrs.td). None when no listed device is that wide.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.placement import smallest_device
    >>> ev = partitioner.partition(batch=100, tiles=8)
    >>> smallest_device(ev.design, ev.device)
    'npu1_2col'
    """
    need = 1 + max(t[0] for t in design.tiles or [*design.shims.values(), *design.compute_tiles])
    fits = []
    for name in available():
        d = load(name)
        same = (d.generation, d.shim_row, d.mem_rows, d.compute_rows) == \
            (device.generation, device.shim_row, device.mem_rows, device.compute_rows)
        if same and d.columns >= need:
            fits.append((d.columns, name))
    return min(fits)[1] if fits else None


def place(design: Design, device: Device, placer: Placer | None = None) -> Design:
    """Place ``design`` on ``device`` in place and return it.

    Parameters
    ----------
    design : Design
        A Design from a strategy, not yet placed.
    device : Device
        The array to place it on.
    placer : Placer, optional
        Decides the tiles; default :class:`ColumnPlacer`.

    Returns
    -------
    Design
        The same object, with every tile set and FIFO depths written per end
        where the FIFO goes through a DMA.

    Raises
    ------
    UserError
        The placer cannot fit the design on the array.

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> make_design(Options(batch=100, tiles=4)).workers[0].tile
    (0, 2)
    """
    (placer or ColumnPlacer()).place_tiles(design, device)
    occupied = [w.tile for w in design.workers]
    if None in occupied or len(set(occupied)) != len(occupied):
        raise UserError(f"placer {type(placer).__name__} left a worker unplaced or put two on one tile")
    finish_placement(design, device)
    return design


def _column_tiles(design: Design, device: Device) -> None:
    uses_mem = any(f.producer.startswith("mem:") for f in design.fifos)
    rows = device.compute_rows
    for g in range(design.groups):
        design.shims[g] = (g, device.shim_row)
        if uses_mem:
            design.mem_tiles[g] = (g, device.mem_rows[0])
    for w in design.workers:
        stages = 1 + max(x.stage for x in design.workers if x.group == w.group and x.chain == w.chain)
        index = w.chain * stages + w.stage
        if index >= len(rows):
            raise UserError(f"column {w.group} has {len(rows)} compute tiles; {w.name} would be the "
                            f"{index + 1}th: use fewer tiles per column")
        w.tile = (w.group, rows[index])


def finish_placement(design: Design, device: Device) -> None:
    """What follows from the tiles: FIFO end tiles, per-end depths of DMA FIFOs, link tiles, shim BDs."""
    for f in design.fifos:
        f.producer_tile = design.endpoint_tile(f.producer)
        f.consumer_tiles = [design.endpoint_tile(c) for c in f.consumers]
        shared = len(f.consumers) == 1 and device.shared_memory_pool(f.producer_tile, f.consumer_tiles[0])
        if isinstance(f.depth, int) and not shared:
            f.depth = tuple([f.depth] * (1 + len(f.consumers)))
    for link in design.links:
        link.tile = design.mem_tiles[link.group]
    for t in design.sequence.transfers:
        t.shim = design.shims[t.group]
    _number_shim_bds(design)
    design.tiles = sorted({*design.shims.values(), *design.mem_tiles.values(), *design.compute_tiles})


def _number_shim_bds(design: Design) -> None:
    """Each dma_memcpy_nd takes one of its shim's BDs: ids 0, 1, ... per shim, in sequence order."""
    used: dict[tuple[int, int], int] = {}
    for t in design.sequence.transfers:
        t.bd_id = used.get(t.shim, 0)
        used[t.shim] = t.bd_id + 1
