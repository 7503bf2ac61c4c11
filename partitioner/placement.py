"""Placement: put a Design's workers, shims and mem tiles on the device graph.

Column group g uses column g: its shim (g, 0), its mem tile (g, 1) when the
design passes data through one, and its compute tiles. The chains of a group
are laid along the column, each chain's stages on consecutive rows, so that
every stage-to-stage FIFO joins two tiles that share memory (the consumer's
core reaches south into the producer's memory). The result is deterministic.
After placement, each FIFO's depth is written the way mlir-aie should take
it: an integer for a shared-memory FIFO (one pool), a per-end array for a DMA
FIFO, which mlir-aie takes as written whatever its version's default rule.
"""
from __future__ import annotations

from partitioner.design import Design
from partitioner.device import Device
from partitioner.errors import UserError


def place(design: Design, device: Device) -> Design:
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
    occupied = [w.tile for w in design.workers]
    assert len(set(occupied)) == len(occupied), "two workers on one tile"
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
    return design


def _number_shim_bds(design: Design) -> None:
    """Each dma_memcpy_nd takes one of its shim's BDs: ids 0, 1, ... per shim, in sequence order."""
    used: dict[tuple[int, int], int] = {}
    for t in design.sequence.transfers:
        t.bd_id = used.get(t.shim, 0)
        used[t.shim] = t.bd_id + 1
