"""``hybrid``: several pipelines side by side, fed by one split through the mem tile."""
from __future__ import annotations

from partitioner.design import Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.strategies.common import Shape, chain_entries, groups_for


def shape(options: Options, spec: KernelSpec, device: Device) -> Shape:
    """Pipelines of the kernel's stages side by side, fed by one split through the mem tile.

    Parameters
    ----------
    options : Options
        Reads ``tiles`` (a multiple of the stages, at least two pipelines) and ``frame_mode``.
    spec : KernelSpec
        The kernel: its stage entry points (framed, or chunked when streamed).
    device : Device
        Its compute rows per column and its columns bound the groups.

    Returns
    -------
    Shape
        ``tiles // stages`` chains packed into as few column groups as hold
        them (``group_chains``: the first groups take the extra chain),
        ``via_mem_tile=True``. The batch need not divide by the chains: their
        shares differ by at most one frame.

    Raises
    ------
    UserError
        The tile count is not a multiple of the stages or under two pipelines,
        or the chains need more columns than the device has.

    Examples
    --------
    >>> from partitioner import device, kernel_spec
    >>> from partitioner.design import Options
    >>> from partitioner.strategies import hybrid
    >>> spec, npu1 = kernel_spec.load("mel"), device.load("npu1")
    >>> s = hybrid.shape(Options(strategy="hybrid", tiles=4, object_frames=10), spec, npu1)
    >>> [e.name for e in s.chain], s.groups, s.chains_per_group, s.via_mem_tile
    (['spectrum', 'logmel'], 1, 2, True)
    """
    chain = chain_entries(spec, options.frame_mode, staged=True)
    stages = len(chain)
    if options.tiles % stages or options.tiles < 2 * stages:
        raise UserError(f"hybrid runs pipelines of {stages} stages side by side: --tiles must be a multiple "
                        f"of {stages} and at least {2 * stages}, not {options.tiles}")
    groups, counts = groups_for(options.tiles // stages, stages, device, options)
    return Shape(chain, groups, max(counts), via_mem_tile=True, group_chains=counts)
