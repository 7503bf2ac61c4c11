"""The partitioner as a researcher uses it from Python: partition, emit, read.

Each function returns or takes one :class:`~partitioner.check.Evaluation`:
the placed Design with its lowering, memory maps, per-tile resources, the
verdict and the reasons. The command line (``npu-tiler partition``, ``emit``,
``check``) is a thin layer over these three functions.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import kernels
from partitioner import manifest as manifest_file
from partitioner.check import HOST_BUFFER_MAX_BYTES, Evaluation, evaluate_file, evaluate_options
from partitioner.design import MIN_FRAME_BYTES, Options
from partitioner.emitters import emit as _emit
from partitioner.errors import DesignRefused, UserError
from partitioner.hangs import check as check_hangs
from partitioner.placement import NoLegalPlacement, Placer

# The largest batch partition() and the command line take: one NPU call's input must fit one XRT buffer
# (HOST_BUFFER_MAX_BYTES) at the smallest frame (MIN_FRAME_BYTES, partitioner/design.py). A larger batch can
# never run, and the search for changes that fit takes minutes on one (187 s at 10**10 frames); the check
# (evaluate_options) still takes one and says which limits it breaks.
MAX_BATCH = HOST_BUFFER_MAX_BYTES // MIN_FRAME_BYTES


def partition(options: Options | None = None, /, *, placer: Placer | None = None, suggest: bool = True,
              **fields) -> Evaluation:
    """Build, place and check one design.

    Parameters
    ----------
    options : Options, optional
        All the design's options at once. Omitted: ``Options()``'s defaults
        (the mel kernel, npu1, batch 100 split over 4 tiles).
    placer : Placer, optional
        Decides the tiles; default :class:`~partitioner.placement.ColumnPlacer`. With
        :class:`~partitioner.search_placer.SearchPlacer` (``search_placer.placer_named("search")``), a
        design with no legal placement raises; with ``depth`` unset, depth 1 is placed when depth 2
        has none (a note says so).
    suggest : bool
        When the design does not fit, look for one-option changes that do
        (each is evaluated; costs a few more evaluations).
    **fields
        Any :class:`~partitioner.design.Options` field, replacing the one in
        ``options``: ``batch``, ``tiles``, ``strategy`` ("single", "split",
        "pipeline", "hybrid"), ``object_frames``, ``depth``, ``frame_mode``,
        ``kernel``, ``device``, ``alloc_scheme``, ``mlir_aie``, ...

    Returns
    -------
    Evaluation
        ``.design`` (the placed Design), ``.tiles`` (per-tile bytes, buffers
        with addresses, channels, locks, BDs), ``.fits``, ``.errors`` (every
        reason, in aiecc's words where aiecc has them), ``.suggestions``.
        A design that does not fit is returned, not raised.

    Raises
    ------
    UserError
        Options from which no design can be built (unknown strategy, more
        tiles than the device has, a batch that does not split, ...).

    Examples
    --------
    >>> import partitioner
    >>> ev = partitioner.partition(batch=100, tiles=4, strategy="split")
    >>> ev.fits, len(ev.design.workers)
    (True, 4)
    >>> partitioner.partition(batch=100, tiles=1, strategy="single").fits
    False
    """
    unknown = set(fields) - set(Options.__dataclass_fields__)
    if unknown:
        raise UserError(f"unknown option(s) {', '.join(sorted(unknown))}; "
                        f"Options has {', '.join(Options.__dataclass_fields__)}")
    if options is not None and not isinstance(options, Options):
        raise UserError(f"options must be a partitioner.Options (or fields as keywords: partition(**d)), "
                        f"not {type(options).__name__}")
    if placer is not None and not callable(getattr(placer, "place_tiles", None)):
        raise UserError(f"placer must have a place_tiles(design, device) method (a partitioner.Placer such as "
                        f"partitioner.ColumnPlacer()), not {type(placer).__name__}")
    if not isinstance(suggest, bool):
        raise UserError(f"suggest must be True or False, not {suggest!r} ({type(suggest).__name__})")
    base = options or Options()
    merged = Options(**{**base.as_dict(), **fields})
    if merged.batch > MAX_BATCH:
        raise UserError(f"batch must be at most {MAX_BATCH:,} frames (one NPU call's input must fit one 4 GiB "
                        f"XRT buffer), not {merged.batch:,}")
    try:
        return evaluate_options(merged, suggest=suggest, placer=placer)
    except NoLegalPlacement:
        if merged.depth is not None:
            raise
    # A placer that checks legality (SearchPlacer) refuses a depth-2 design with no legal placement
    # instead of returning one that does not fit: fall back to single buffering here, as
    # evaluate_options does for a design that does not fit.
    ev = evaluate_options(dataclasses.replace(merged, depth=1), suggest=suggest, placer=placer)
    ev.notes.append("double buffering has no legal placement; the placer placed single buffering (depth 1)")
    return ev


def emit(evaluation: Evaluation, out_dir: str | Path, *, overwrite: bool = False, force: bool = False) -> Path:
    """Write a design folder: aie.mlir (+ generic form), design.py (IRON), build.sh, manifest.json, README.md.

    Parameters
    ----------
    evaluation : Evaluation
        From :func:`partition` or :func:`read`.
    out_dir : path
        The folder to create. It must not exist unless ``overwrite``.
    overwrite : bool
        Replace ``out_dir`` if it exists.
    force : bool
        Emit a design that does not fit (its README says why it will fail) or that the static hang
        check (:mod:`partitioner.hangs`) finds would hang.

    Returns
    -------
    Path
        ``out_dir``. The files are deterministic: the same evaluation gives
        the same bytes. They are written atomically.

    Raises
    ------
    DesignRefused
        The design does not fit or would hang and ``force`` is not set (exit 1 at the command line).
    UserError
        ``evaluation`` is not an Evaluation, ``out_dir`` is not a path, exists, or cannot be written.

    Examples
    --------
    >>> import partitioner, tempfile, pathlib
    >>> ev = partitioner.partition(batch=100, tiles=4)
    >>> out = partitioner.emit(ev, pathlib.Path(tempfile.mkdtemp()) / "b100x4")
    >>> (out / "aie.mlir").is_file(), (out / "design.py").is_file(), (out / "build.sh").is_file()
    (True, True, True)
    """
    if not isinstance(evaluation, Evaluation):
        raise UserError(f"emit takes an Evaluation (from partitioner.partition or partitioner.read), "
                        f"not {type(evaluation).__name__}")
    _check_path("out_dir", out_dir)
    if not force and not evaluation.fits:
        raise DesignRefused(f"{evaluation.design.name} does not fit ({evaluation.errors[0].splitlines()[0]}); "
                            f"see `npu-tiler partition` for every reason, or add --force to emit it anyway")
    if not force:
        found = check_hangs(evaluation, locations=False).hangs
        if found:
            raise DesignRefused(f"{evaluation.design.name} would hang on the NPU ({found[0].message}); "
                                f"see `npu-tiler check`, or add --force to emit it anyway")
    return _emit(evaluation, Path(out_dir), overwrite=overwrite, force=force)


def read(path: str | Path, *, verify_sources: bool = True, device: str | None = None, **overrides) -> Evaluation:
    """Read a design back: a design folder (its aie.mlir and manifest.json) or an ``.mlir`` file.

    The Design read from a folder npu-tiler emitted is the Design the
    partitioner built: same workers (names, entries, tiles, frames, stack),
    FIFOs (sizes, depths, streams, frames per object), links, host buffers and
    transfers.

    Parameters
    ----------
    path : path
        A folder holding ``aie.mlir`` (and, when npu-tiler wrote it,
        ``manifest.json``), or an ``.mlir`` file.
    verify_sources : bool
        Refuse a folder whose manifest names other kernel sources than the
        ones here (what the simulator and the runner need; a resource check
        does not).
    device : str, optional
        The ``aie.device`` to read, by its name (``@name`` on the op; ``#k``
        for the k-th unnamed one). Default: the only device, or the
        configuration an ``aiex.configure`` loads. aiecc compiles every
        device of a file (``--device-name`` picks one); each is its own
        design (:func:`partitioner.check.evaluate_devices` reads them all).
    **overrides
        Options fields to use instead of the manifest's, e.g.
        ``alloc_scheme="bank-aware"`` or ``mlir_aie="2026"``.

    Returns
    -------
    Evaluation

    Raises
    ------
    UserError
        The path does not exist, the file cannot be read as an mlir-aie
        design (the message names the line), it holds several devices and
        no ``device`` names one (the message lists their names), or the
        folder was emitted for another version of the kernel's sources.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> ev = partitioner.read(DESIGNS_DIR / "batch100_split4")
    >>> ev.design.name, ev.fits
    ('batch100_split4', True)
    """
    _check_path("path", path)
    if device is not None and not isinstance(device, str):
        raise UserError(f"device must be None or an aie.device name (str), not {device!r} ({type(device).__name__})")
    ev = evaluate_file(path, overrides, device)
    mlir = ev.source
    manifest = manifest_file.read(mlir.parent)
    want = manifest.get("kernel", {}).get("source_sha256")
    if verify_sources and want and ev.spec.has_sources:
        have = kernels.source_hash(ev.spec.name)
        if have != want:
            raise UserError(f"{mlir.parent} was emitted for another version of kernel {ev.spec.name} "
                            f"(source sha256 {want[:12]} in manifest.json, {have[:12]} now): "
                            f"re-emit it with `npu-tiler emit`")
    return ev


def _check_path(name: str, value) -> None:
    """UserError unless ``value`` is a path (str or os.PathLike)."""
    if not isinstance(value, (str, os.PathLike)):
        raise UserError(f"{name} must be a path (str or pathlib.Path), not {value!r} ({type(value).__name__})")
