"""The partitioner as a researcher uses it from Python: partition, emit, read.

Each function returns or takes one :class:`~partitioner.check.Evaluation`:
the placed Design with its lowering, memory maps, per-tile resources, the
verdict and the reasons. The command line (``npu-tiler partition``, ``emit``,
``check``) is a thin layer over these three functions.
"""
from __future__ import annotations

from pathlib import Path

import kernels
from partitioner import manifest as manifest_file
from partitioner.check import Evaluation, evaluate_file, evaluate_options
from partitioner.design import Options
from partitioner.emitters import emit as _emit
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.placement import Placer


def partition(options: Options | None = None, /, *, placer: Placer | None = None, suggest: bool = True,
              **fields) -> Evaluation:
    """Build, place and check one design.

    Parameters
    ----------
    options : Options, optional
        All the design's options at once. Omitted: ``Options()``'s defaults
        (the mel kernel, npu1, batch 100 split over 4 tiles).
    placer : Placer, optional
        Decides the tiles; default :class:`~partitioner.placement.ColumnPlacer`.
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
    base = options or Options()
    return evaluate_options(Options(**{**base.as_dict(), **fields}), suggest=suggest, placer=placer)


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
    UserError
        The design does not fit or would hang and ``force`` is not set,
        ``out_dir`` exists, or it cannot be written.

    Examples
    --------
    >>> import partitioner, tempfile, pathlib
    >>> ev = partitioner.partition(batch=100, tiles=4)
    >>> out = partitioner.emit(ev, pathlib.Path(tempfile.mkdtemp()) / "b100x4")
    >>> (out / "aie.mlir").is_file(), (out / "design.py").is_file(), (out / "build.sh").is_file()
    (True, True, True)
    """
    if not force:
        found = check_hangs(evaluation, locations=False).hangs
        if found:
            raise UserError(f"{evaluation.design.name} would hang on the NPU ({found[0].message}); "
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
