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
    """K chains of one fused worker, through the mem tile, packed into as few columns as possible.

    Parameters
    ----------
    options : Options
        Reads ``tiles`` (K, one of ``TILE_COUNTS``) and ``frame_mode``.
    spec : KernelSpec
        The kernel: its fused entry point for the frame mode's input.
    device : Device
        Its compute rows per column and its columns bound the groups.

    Returns
    -------
    Shape
        ``chains_per_group`` workers per column group, ``via_mem_tile=True``.

    Raises
    ------
    UserError
        K is not in ``TILE_COUNTS``, or the chains do not fit or spread evenly
        over the columns.

    Examples
    --------
    >>> from partitioner import device, kernel_spec
    >>> from partitioner.design import Options
    >>> from partitioner.strategies import split
    >>> spec, npu1 = kernel_spec.load("mel"), device.load("npu1")
    >>> s = split.shape(Options(batch=200, tiles=8), spec, npu1)
    >>> [e.name for e in s.chain], s.groups, s.chains_per_group, s.via_mem_tile
    (['frames'], 2, 4, True)
    """
    k = options.tiles
    if k not in TILE_COUNTS:
        raise UserError(f"split takes --tiles in {{{', '.join(map(str, TILE_COUNTS))}}}, not {k}: "
                        f"equal parts per column of the array")
    groups, per_group = groups_for(k, 1, device, options)
    return Shape(chain_entries(spec, options.frame_mode, staged=False), groups, per_group, via_mem_tile=True)
