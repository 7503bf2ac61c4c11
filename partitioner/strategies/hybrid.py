"""``hybrid``: several pipelines side by side, fed by one split through the mem tile."""
from __future__ import annotations

from partitioner.design import Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.strategies.common import Shape, chain_entries, groups_for


def shape(options: Options, spec: KernelSpec, device: Device) -> Shape:
    chain = chain_entries(spec, options.frame_mode, staged=True)
    stages = len(chain)
    if options.tiles % stages or options.tiles < 2 * stages:
        raise UserError(f"hybrid runs pipelines of {stages} stages side by side: --tiles must be a multiple "
                        f"of {stages} and at least {2 * stages}, not {options.tiles}")
    groups, per_group = groups_for(options.tiles // stages, stages, device, options)
    return Shape(chain, groups, per_group, via_mem_tile=True)
