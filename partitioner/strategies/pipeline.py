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
    """One chain of the kernel's stages, one tile each, fed from and drained to the shim directly.

    Parameters
    ----------
    options : Options
        Reads ``tiles`` and ``frame_mode``.
    spec : KernelSpec
        The kernel: its stage entry points (framed, or chunked when streamed).
    device : Device
        Not used: the placer puts the stages on neighbouring tiles.

    Returns
    -------
    Shape
        ``groups=1, chains_per_group=1, via_mem_tile=False``.

    Raises
    ------
    UserError
        ``options.tiles`` is not the kernel's number of stages.

    Examples
    --------
    >>> from partitioner import device, kernel_spec
    >>> from partitioner.design import Options
    >>> from partitioner.strategies import pipeline
    >>> spec, npu1 = kernel_spec.load("mel"), device.load("npu1")
    >>> s = pipeline.shape(Options(strategy="pipeline", tiles=2, object_frames=10), spec, npu1)
    >>> [e.name for e in s.chain], s.groups, s.chains_per_group, s.via_mem_tile
    (['spectrum', 'logmel'], 1, 1, False)
    """
    chain = chain_entries(spec, options.frame_mode, staged=True)
    if options.tiles != len(chain):
        raise UserError(f"kernel {spec.name} has {len(chain)} stages, so a pipeline uses {len(chain)} tiles, "
                        f"not {options.tiles}: use --strategy hybrid for several pipelines side by side")
    return Shape(chain, groups=1, chains_per_group=1, via_mem_tile=False)
