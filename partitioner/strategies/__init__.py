"""Strategies: from (kernel, batch, tile count, options) to a Design.

Each module decides a :class:`~partitioner.strategies.common.Shape`; the
building, placing and checking are shared. ``make_design`` is the one entry
point: it validates the options, builds and places the design.
"""
from __future__ import annotations

from collections.abc import Callable

from partitioner import kernel_spec
from partitioner.context import Context
from partitioner.design import Design, Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec
from partitioner.placement import Placer, place
from partitioner.strategies import hybrid, pipeline, single, split
from partitioner.strategies.common import FRAME_MODES, Shape, build

STRATEGIES: dict[str, Callable[[Options, KernelSpec, Device], Shape]] = {
    "single": single.shape,
    "split": split.shape,
    "pipeline": pipeline.shape,
    "hybrid": hybrid.shape,
}
ALLOC_SCHEMES = ("basic-sequential", "bank-aware")


def validate(options: Options, device: Device) -> None:
    """Reject options no design can be built from (exit 2 at the CLI).

    Checks the strategy, batch (frames, >= 1), tiles (1 to the device's
    compute tiles), depth (1 to 8 buffers), object frames, frame mode,
    allocation scheme and stack size (bytes, >= 0). The device, kernel and
    mlir-aie profile are checked when the options are resolved
    (:meth:`partitioner.context.Context.for_options`); what depends on the
    strategy (tile counts, the batch and object size against the chains) when
    its shape is built (:func:`make_design`).

    Parameters
    ----------
    options : Options
    device : Device
        The device the options name (for its compute-tile count).

    Raises
    ------
    UserError
        The first option found wrong; the message names the fix.

    Examples
    --------
    >>> from partitioner import device
    >>> from partitioner.design import Options
    >>> from partitioner.strategies import validate
    >>> validate(Options(batch=100, tiles=4), device.load("npu1"))
    >>> validate(Options(strategy="diagonal"), device.load("npu1"))
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: unknown strategy 'diagonal'; choose one of single, split, pipeline, hybrid
    """
    if options.strategy not in STRATEGIES:
        raise UserError(f"unknown strategy {options.strategy!r}; choose one of {', '.join(STRATEGIES)}")
    if options.batch < 1:
        raise UserError(f"--batch must be at least 1 frame, not {options.batch}")
    if options.tiles < 1:
        raise UserError(f"--tiles must be at least 1, not {options.tiles}")
    n_compute = len(device.compute_tiles)
    if options.tiles > n_compute:
        raise UserError(f"--tiles {options.tiles} is more than the {n_compute} compute tiles of {device.name}")
    if options.depth is not None and not 1 <= options.depth <= 8:
        raise UserError(f"--depth must be between 1 and 8 buffers, not {options.depth}")
    if options.object_frames is not None and options.object_frames < 1:
        raise UserError(f"--object-frames must be at least 1, not {options.object_frames}")
    if options.frame_mode not in FRAME_MODES:
        raise UserError(f"unknown frame mode {options.frame_mode!r}; choose one of {', '.join(FRAME_MODES)}")
    if options.alloc_scheme not in ALLOC_SCHEMES:
        raise UserError(f"unknown allocation scheme {options.alloc_scheme!r}; choose one of {', '.join(ALLOC_SCHEMES)}")
    if options.stack_size is not None and options.stack_size < 0:
        raise UserError(f"--stack-size must not be negative, not {options.stack_size}")


def design_name(options: Options) -> str:
    """The default name of a design: batch, strategy and tiles, then the options that were set.

    Examples
    --------
    >>> from partitioner.design import Options
    >>> from partitioner.strategies import design_name
    >>> design_name(Options(batch=100, tiles=4))
    'batch100_split4'
    >>> design_name(Options(strategy="single", batch=20, tiles=1, depth=1, frame_mode="dma-framed"))
    'batch20_1tile_d1_dmaframed'
    """
    o = options
    parts = [f"batch{o.batch}", f"{o.strategy}{o.tiles}" if o.strategy != "single" else "1tile"]
    if o.object_frames:
        parts.append(f"obj{o.object_frames}")
    if o.depth:
        parts.append(f"d{o.depth}")
    if o.frame_mode != "framed":
        parts.append(o.frame_mode.replace("-", ""))
    return "_".join(parts)


def make_design(options: Options, context: Context | None = None, *, placer: Placer | None = None) -> Design:
    """Build and place the Design for ``options`` (UserError on options that cannot make one).

    Validates the options (:func:`validate`), lets the strategy decide the
    shape (``STRATEGIES[options.strategy]``), splits the batch over the
    chains (shares differ by at most one frame, the first chains take the
    extra one: :func:`partitioner.strategies.common.chain_shares`), builds
    the FIFOs, links and runtime sequence
    (:func:`partitioner.strategies.common.build`) and places the result
    (:func:`partitioner.placement.place`). It does not check resources:
    :func:`partitioner.check.evaluate` does.

    Parameters
    ----------
    options : Options
        ``depth=None`` builds depth 2 here (the fallback to 1 is
        :func:`partitioner.check.evaluate_options`'s); ``object_frames=None``
        gives each chain its whole share of the batch per buffer; a set
        ``object_frames`` must divide every chain's share.
    context : Context, optional
        The device, kernel spec and mlir-aie profile ``options`` name, as
        :meth:`~partitioner.context.Context.for_options` resolves them
        (the default).
    placer : Placer, optional
        Decides the tiles (default: :class:`partitioner.placement.ColumnPlacer`).

    Returns
    -------
    Design
        Placed: every worker, FIFO end, link and shim transfer has its tile.

    Raises
    ------
    UserError
        Invalid options, a tile count the strategy does not take, a batch
        smaller than the chains, an object size that does not divide the
        shares (or differs in objects per call within a column group), or a
        design the placer cannot fit.

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> d = make_design(Options(batch=100, tiles=4))
    >>> d.name, d.depth, d.object_frames, [w.tile for w in d.workers]
    ('batch100_split4', 2, 25, [(0, 2), (0, 3), (0, 4), (0, 5)])
    >>> d = make_design(Options(batch=100, tiles=8))
    >>> [w.frames_per_call for w in d.workers], d.object_frames
    ([13, 13, 13, 13, 12, 12, 12, 12], 13)
    >>> [link.offsets for link in d.links if link.kind == "distribute"]  # i16 elements: 400 per frame
    [[0, 5200, 10400, 15600], [0, 4800, 9600, 14400]]
    >>> make_design(Options(batch=3, tiles=4))
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: batch 3 cannot give each of 4 tiles a frame: use a batch of at least 4 frames ...
    """
    context = context or Context.for_options(options)
    return place(build_design(options, context), context.device, placer)


def build_design(options: Options, context: Context) -> Design:
    """The Design :func:`make_design` places, before placement: validated, shaped and built, no tile chosen
    (what a placer is given; benchmarks/bench_placement.py times placers on it).

    Raises
    ------
    UserError
        As :func:`make_design`, but for the placement.
    """
    device = context.device
    validate(options, device)
    # A context resolved from options without a kernel has no spec: the loader's message says why.
    spec = context.spec if context.spec is not None else kernel_spec.load(options.kernel)
    shape = STRATEGIES[options.strategy](options, spec, device)
    return build(options, spec, device, shape, design_name(options), device.shim.wrap_max, context.profile)
