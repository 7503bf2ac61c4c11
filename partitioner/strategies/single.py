"""``single``: one compute tile fed straight from the shim, as in the seed's batch-10/20/100 designs."""
from __future__ import annotations

from partitioner.design import Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.strategies.common import Shape, chain_entries


def shape(options: Options, spec: KernelSpec, device: Device) -> Shape:
    """One chain of one worker running the fused entry point, fed from the shim directly.

    Parameters
    ----------
    options : Options
        Reads ``tiles`` and ``frame_mode``.
    spec : KernelSpec
        The kernel: its fused entry point for the frame mode's input.
    device : Device
        Not used: one tile fits every device.

    Returns
    -------
    Shape
        ``groups=1, chains_per_group=1, via_mem_tile=False``.

    Raises
    ------
    UserError
        ``options.tiles`` is not 1.

    Examples
    --------
    >>> from partitioner import device, kernel_spec
    >>> from partitioner.design import Options
    >>> from partitioner.strategies import single
    >>> spec, npu1 = kernel_spec.load("mel"), device.load("npu1")
    >>> s = single.shape(Options(strategy="single", batch=20, tiles=1), spec, npu1)
    >>> [e.name for e in s.chain], s.groups, s.chains_per_group, s.via_mem_tile
    (['frames'], 1, 1, False)
    """
    if options.tiles != 1:
        raise UserError(f"strategy single uses exactly 1 tile, not {options.tiles}: "
                        f"use --strategy split for more")
    return Shape(chain_entries(spec, options.frame_mode, staged=False), groups=1, chains_per_group=1,
                 via_mem_tile=False)
