"""``split``: the batch split into K equal parts through a mem tile (distribute in, join out).

Each column group has its shim, its mem tile and up to four workers; K > 4
uses several columns, the runtime sequence giving each its slice of the batch.
"""
from __future__ import annotations

from partitioner.design import Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.strategies.common import Shape, chain_entries, groups_for

TILE_COUNTS = (1, 2, 4, 8, 16)


def shape(options: Options, spec: KernelSpec, device: Device) -> Shape:
    k = options.tiles
    if k not in TILE_COUNTS:
        raise UserError(f"split takes --tiles in {{{', '.join(map(str, TILE_COUNTS))}}}, not {k}: "
                        f"equal parts per column of the array")
    groups, per_group = groups_for(k, 1, device, options)
    return Shape(chain_entries(spec, options.frame_mode, staged=False), groups, per_group, via_mem_tile=True)
