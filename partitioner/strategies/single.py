"""``single``: one compute tile fed straight from the shim, as in the seed's batch-10/20/100 designs."""
from __future__ import annotations

from partitioner.design import Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.strategies.common import Shape, chain_entries


def shape(options: Options, spec: KernelSpec, device: Device) -> Shape:
    if options.tiles != 1:
        raise UserError(f"strategy single uses exactly 1 tile, not {options.tiles}: "
                        f"use --strategy split for more")
    return Shape(chain_entries(spec, options.frame_mode, staged=False), groups=1, chains_per_group=1,
                 via_mem_tile=False)
