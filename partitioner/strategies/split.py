"""``split``: the batch split into K parts through a mem tile (distribute in, join out).

K is any tile count the device holds. The parts differ by at most one frame
(batch 100 over 8: four of 13, four of 12), each worker's FIFOs sized to its
part. Each column group has its shim, its mem tile and up to four workers; K
> 4 uses several columns (as few as hold K, spread as evenly as they go), the
runtime sequence giving each its slice of the batch.
"""
from __future__ import annotations

from partitioner.design import Options
from partitioner.device import Device
from partitioner.kernel_spec import KernelSpec
from partitioner.strategies.common import Shape, chain_entries, groups_for

def shape(options: Options, spec: KernelSpec, device: Device) -> Shape:
    """K chains of one fused worker, through the mem tile, packed into as few columns as possible.

    Parameters
    ----------
    options : Options
        Reads ``tiles`` (K, 1 to the device's compute tiles) and ``frame_mode``.
    spec : KernelSpec
        The kernel: its fused entry point for the frame mode's input.
    device : Device
        Its compute rows per column and its columns bound the groups.

    Returns
    -------
    Shape
        Workers per column group in ``group_chains`` (the first groups take
        the extra one), ``via_mem_tile=True``.

    Raises
    ------
    UserError
        K needs more columns than the device has.

    Examples
    --------
    >>> from partitioner import device, kernel_spec
    >>> from partitioner.design import Options
    >>> from partitioner.strategies import split
    >>> spec, npu1 = kernel_spec.load("mel"), device.load("npu1")
    >>> s = split.shape(Options(batch=200, tiles=8), spec, npu1)
    >>> [e.name for e in s.chain], s.groups, s.chains_per_group, s.via_mem_tile
    (['frames'], 2, 4, True)
    >>> split.shape(Options(batch=100, tiles=6), spec, npu1).chains_in_groups
    (3, 3)
    """
    groups, counts = groups_for(options.tiles, 1, device, options)
    return Shape(chain_entries(spec, options.frame_mode, staged=False), groups, max(counts), via_mem_tile=True,
                 group_chains=counts)
