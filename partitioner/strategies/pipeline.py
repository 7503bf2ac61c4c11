"""``pipeline``: the kernel's stages on consecutive tiles, tile-to-tile FIFOs between them.

One chain, fed from the shim and drained to it directly. Placement puts the
stages on neighbouring tiles so each stage-to-stage FIFO is shared memory.
"""
from __future__ import annotations

from partitioner.design import Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.strategies.common import Shape, chain_entries


def shape(options: Options, spec: KernelSpec, device: Device) -> Shape:
    chain = chain_entries(spec, options.frame_mode, staged=True)
    if options.tiles != len(chain):
        raise UserError(f"kernel {spec.name} has {len(chain)} stages, so a pipeline uses {len(chain)} tiles, "
                        f"not {options.tiles}: use --strategy hybrid for several pipelines side by side")
    return Shape(chain, groups=1, chains_per_group=1, via_mem_tile=False)
