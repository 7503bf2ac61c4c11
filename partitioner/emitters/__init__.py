"""Emit a placed Design as a folder: aie.mlir (+ generic form), design.py, build.sh, manifest.json, README.md.

Output is deterministic (same inputs, same bytes) and written atomically: into
a temporary folder beside the target, renamed into place at the end, so a
failure leaves nothing half-written.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import kernels
from partitioner.check import Evaluation, evaluate_options
from partitioner.design import Options
from partitioner.emitters import files, iron, mlir
from partitioner.errors import UserError
from partitioner.safe_write import (
    MARKER,
    check_parent,
    current_umask,
    describe,
    marked_files,
    marker_text,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DESIGNS_DIR = REPO_ROOT / "designs"


@dataclass(frozen=True)
class Canonical:
    """One of the designs committed under designs/: its folder name, options and why it is there."""

    name: str
    options: Options
    why: str


CANONICAL = (
    Canonical("batch20_1tile", Options(strategy="single", batch=20, tiles=1),
              "the baseline: the seed's batch-20 layout on one tile"),
    Canonical("batch10_1tile", Options(strategy="single", batch=10, tiles=1), "the seed's batch-10 layout"),
    Canonical("batch100_split2", Options(strategy="split", batch=100, tiles=2),
              "batch-100 over 2 tiles through the mem tile (single-buffered: double does not fit)"),
    Canonical("batch100_split4", Options(strategy="split", batch=100, tiles=4),
              "batch-100 over 4 tiles through the mem tile"),
    Canonical("batch100_pipeline", Options(strategy="pipeline", batch=100, tiles=2, object_frames=10),
              "the two kernel stages on neighbouring tiles, shared-memory FIFO between them"),
    Canonical("batch100_hybrid", Options(strategy="hybrid", batch=100, tiles=4, object_frames=10),
              "two pipelines side by side fed by one split"),
    Canonical("batch100_split4_dmaframed", Options(strategy="split", batch=100, tiles=4, frame_mode="dma-framed"),
              "the shim reads overlapping windows straight from the raw audio"),
    Canonical("batch100_split4_streamed", Options(strategy="split", batch=100, tiles=4, frame_mode="streamed"),
              "contiguous hops with their halo per tile: smaller buffers"),
)


def source_hash(ev: Evaluation) -> str | None:
    """SHA-256 of the kernel's C sources for manifest.json; None for a kernel with no sources here."""
    return kernels.source_hash(ev.spec.name) if ev.spec.has_sources else None


def render_files(ev: Evaluation, kernel_src: str) -> dict[str, str]:
    """The design folder's files as text, by file name; nothing is written.

    Parameters
    ----------
    ev : Evaluation
        The design and its check (the README and manifest quote its figures).
    kernel_src : str
        Where build.sh finds the kernel's C sources, relative to the folder.

    Returns
    -------
    dict of str to str
        ``aie.mlir``, ``aie.generic.mlir``, ``design.py``, ``build.sh``,
        ``manifest.json``, ``README.md``; deterministic for the same inputs.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import render_files
    >>> files = render_files(partitioner.partition(batch=100, tiles=4), "../../kernels/mel")
    >>> sorted(files)
    ['README.md', 'aie.generic.mlir', 'aie.mlir', 'build.sh', 'design.py', 'manifest.json']
    """
    # a design built in memory keeps the module its hang check built (``ev.ir``): printed, not built again
    module = ev.ir.module if ev.ir is not None and ev.source is None else mlir.module(ev)
    head = mlir.header(ev)
    return {
        "aie.mlir": mlir.render_pretty(module, head),
        "aie.generic.mlir": mlir.render_generic(module, head),
        "design.py": iron.render(ev),
        "build.sh": files.build_script(ev, kernel_src),
        "manifest.json": files.manifest_text(ev, source_hash(ev)),
        "README.md": files.readme(ev),
    }


#: MARKER (partitioner/safe_write.py, where the rule of whose file is whose lives) is the file npu-tiler
#: writes into every folder it creates: its version, then the files it wrote. Only a folder holding it
#: is ever replaced (``--overwrite``, ``emit --all``), and only while it holds nothing else than those
#: files and :data:`OWN_SUBFOLDERS`.
#: Written into a design folder by other npu-tiler commands: ``build/`` (``npu-tiler build``).
OWN_SUBFOLDERS = ("build",)


#: The comment line of a design folder's marker (:func:`partitioner.safe_write.marker_text`).
MARKER_COMMENT = ("npu-tiler wrote this folder; `npu-tiler emit --overwrite` replaces it only while it holds "
                  "nothing but these files (and build/):")


def check_replaceable(out: Path, overwrite: bool) -> None:
    """Refuse, with one line, to write ``out`` unless it is new or an npu-tiler folder it may replace.

    ``out`` may be written when it does not exist, or when ``overwrite`` is set
    and it is a folder npu-tiler marked (:data:`MARKER`) that holds only the
    files the marker lists (and :data:`OWN_SUBFOLDERS`). The current folder,
    or one holding it, is never replaced. Nothing is written.

    Raises
    ------
    UserError
        The reason ``out`` is not written, and what to do instead.
    """
    out = Path(out)
    try:
        here, target = Path.cwd().resolve(), out.resolve()
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
    if target == here or target in here.parents:
        raise UserError(f"--out {out} is the current folder{'' if target == here else ' or holds it'}: npu-tiler "
                        f"writes a design into a folder of its own; give a new folder, e.g. --out {out / 'design'}")
    if not os.path.lexists(out):
        return
    if out.is_symlink():
        raise UserError(f"{out} is a symbolic link: npu-tiler does not replace links; choose another --out")
    if not out.is_dir():
        raise UserError(f"{out} already exists and is not a folder: choose another --out")
    listed = marked_files(out)
    if listed is None:
        raise UserError(f"{out} already exists and was not written by npu-tiler (no {MARKER} file in it): "
                        f"npu-tiler replaces only folders it wrote; choose another --out")
    if not overwrite:
        raise UserError(f"{out} already exists: choose another --out or add --overwrite")
    try:
        unknown = sorted(set(os.listdir(out)) - listed - {MARKER, *OWN_SUBFOLDERS})
    except OSError as exc:
        raise UserError(f"cannot read {out}: {exc.strerror or exc}") from None
    if unknown:
        shown = ", ".join(unknown[:3]) + (f" and {len(unknown) - 3} more" if len(unknown) > 3 else "")
        raise UserError(f"{out} holds {shown}, which npu-tiler did not write: move {'it' if len(unknown) == 1 else 'them'} "
                        f"out of the folder first (npu-tiler never deletes files it did not write)")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where the
    system has no such call, so the caller falls back to two renames."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EPERM, errno.EOPNOTSUPP):  # no support for it here
        return False
    raise OSError(err, os.strerror(err), str(b))


def write_folder(out: Path, contents: dict[str, str], overwrite: bool) -> None:
    """Write ``contents`` as the folder ``out``, atomically, marked as npu-tiler's.

    The files go to a temporary folder beside ``out``, which is then renamed
    into place (an existing ``out`` is swapped with it in one step where the
    system can, else moved aside first, and then removed), so a failure leaves
    nothing half-written. The folder gets the marker :data:`MARKER` listing
    the files, and the permissions the umask gives (``build.sh`` executable).

    Only an npu-tiler folder is replaced (see :func:`check_replaceable`): a
    folder without the marker, one holding a file npu-tiler did not write,
    the current folder and a symbolic link are refused, and nothing is touched.

    Parameters
    ----------
    out : Path
        The folder to create; its parent must exist.
    contents : dict of str to str
        File name -> text.
    overwrite : bool
        Replace ``out`` if it exists and npu-tiler wrote it.

    Raises
    ------
    UserError
        ``out`` exists and may not be replaced, its parent does not exist or
        is not writable, or writing fails.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from partitioner.emitters import write_folder
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "d"
    >>> write_folder(out, {"a.txt": "hello"}, overwrite=False)
    >>> sorted(p.name for p in out.iterdir())
    ['.npu-tiler', 'a.txt']
    >>> write_folder(out, {"a.txt": "hello"}, overwrite=False)
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: ... already exists: choose another --out or add --overwrite
    >>> (out / "notes.txt").write_text("mine")
    4
    >>> write_folder(out, {"a.txt": "hello"}, overwrite=True)
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: ... holds notes.txt, which npu-tiler did not write: move it out ...
    """
    out = Path(out)
    if MARKER in contents:
        raise ValueError(f"{MARKER} is npu-tiler's marker, not a design file")
    check_replaceable(out, overwrite)
    parent = out.parent if str(out.parent) else Path(".")
    check_parent(out)  # names the missing folder, or the file standing where it should be
    if not os.access(parent, os.W_OK):
        raise UserError(f"cannot write {out}: no permission to write in {parent}")
    mode = 0o777 & ~current_umask()
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise UserError(describe(exc, out)) from None
    try:
        for name, text in contents.items():
            (tmp / name).write_text(text)
        (tmp / MARKER).write_text(marker_text(contents, MARKER_COMMENT))
        if "build.sh" in contents:
            (tmp / "build.sh").chmod(mode)
        tmp.chmod(mode)  # mkdtemp made it 0700
        if not os.path.lexists(out):
            os.rename(tmp, out)  # onto nothing (or, raced, an empty folder): never over a user's files
        elif _exchange(tmp, out):
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old folder
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=parent))
            try:
                os.rename(out, old / "d")
            except OSError:
                old.rmdir()
                raise
            try:
                os.rename(tmp, out)
            except OSError:
                os.rename(old / "d", out)  # put the old folder back (if that fails too, it stays in `old`)
                old.rmdir()
                raise
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:  # a full disk: the old folder (if any) is still in place
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(describe(exc, out, kept=os.path.isdir(out))) from None


def kernel_src_for(out: Path, ev: Evaluation) -> str:
    """Where build.sh finds the kernel's C sources, relative to the design folder ``out``."""
    return os.path.relpath(ev.spec.folder, Path(out).resolve())


def emit(ev: Evaluation, out: Path, overwrite: bool = False, force: bool = False,
         kernel_src: str | None = None) -> Path:
    """Write the design folder of ``ev`` to ``out`` (what :func:`partitioner.emit` calls).

    Parameters
    ----------
    ev : Evaluation
        The design to emit.
    out : Path
        The folder to create.
    overwrite : bool
        Replace ``out`` if it exists.
    force : bool
        Emit a design that does not fit (its README says why it will fail).
    kernel_src : str, optional
        The kernel sources' folder as build.sh should name it, relative to
        ``out``; default: the kernel's folder, relative to ``out`` resolved.

    Returns
    -------
    Path
        ``out``.

    Raises
    ------
    UserError
        The design does not fit and not ``force``, or the folder cannot be
        written (see :func:`write_folder`).

    Examples
    --------
    >>> import pathlib, tempfile, partitioner
    >>> from partitioner.emitters import emit
    >>> out = emit(partitioner.partition(batch=100, tiles=4), pathlib.Path(tempfile.mkdtemp()) / "b100x4")
    >>> next(line for line in (out / "aie.mlir").read_text().splitlines() if not line.startswith("//"))
    'module {'
    >>> emit(partitioner.partition(strategy="single", batch=100, tiles=1), out, overwrite=True)
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: batch100_1tile_d2 does not fit (...); see `npu-tiler partition` ...
    """
    if not ev.fits and not force:
        raise UserError(f"{ev.design.name} does not fit ({ev.errors[0].splitlines()[0]}); "
                        f"see `npu-tiler partition` for every reason, or add --force to emit it anyway")
    write_folder(out, render_files(ev, kernel_src or kernel_src_for(out, ev)), overwrite)
    return Path(out)


def canonical_evaluation(c: Canonical) -> Evaluation:
    """Evaluate a canonical design, named after its folder and with its reason as a note.

    Parameters
    ----------
    c : Canonical
        One of :data:`CANONICAL`.

    Returns
    -------
    Evaluation
        As :func:`partitioner.check.evaluate_options` gives it, with
        ``design.name = c.name`` and ``c.why`` added to ``design.notes``.

    Examples
    --------
    >>> from partitioner.emitters import CANONICAL, canonical_evaluation
    >>> ev = canonical_evaluation(CANONICAL[0])
    >>> ev.design.name, ev.fits, ev.design.notes
    ('batch20_1tile', True, ["the baseline: the seed's batch-20 layout on one tile"])
    """
    ev = evaluate_options(c.options)
    ev.design.name = c.name
    ev.design.notes.append(c.why)
    return ev


def emit_all(root: Path = DESIGNS_DIR, overwrite: bool = True) -> list[Path]:
    """Regenerate the canonical designs into ``root``.

    Every design's build.sh names the kernel sources relative to its folder
    under :data:`DESIGNS_DIR`, whatever ``root`` is: a copy written elsewhere
    is byte for byte the committed one (tests/test_emit.py compares them),
    and its build.sh finds the sources only when the copy sits in designs/
    (or ``KERNEL_SRC`` is set). ``npu-tiler emit --all`` calls it.

    Nothing is written unless every design folder may be: an existing one must
    be an npu-tiler folder (:data:`MARKER`) holding only the files npu-tiler
    wrote, so a user's file inside one (notes, a hand edit saved under a new
    name) stops the whole run with one line and stays where it is.

    Parameters
    ----------
    root : Path
        The folder to write into (created if missing); default: designs/.
    overwrite : bool
        Replace design folders that npu-tiler wrote.

    Returns
    -------
    list of Path
        The folders written, in :data:`CANONICAL` order.

    Raises
    ------
    UserError
        A canonical design does not fit, a folder may not be replaced (see
        :func:`check_replaceable`), or it cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from partitioner.emitters import emit_all
    >>> [p.name for p in emit_all(pathlib.Path(tempfile.mkdtemp()))][:3]
    ['batch20_1tile', 'batch10_1tile', 'batch100_split2']
    """
    root = Path(root)
    if os.path.lexists(root) and not root.is_dir():
        raise UserError(f"{root} exists and is not a folder: choose another --out")
    for c in CANONICAL:  # refuse before writing anything
        check_replaceable(root / c.name, overwrite)
    evs = [canonical_evaluation(c) for c in CANONICAL]
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {root}: {exc.strerror or exc}") from None
    out = []
    for c, ev in zip(CANONICAL, evs):
        kernel_src = os.path.relpath(ev.spec.folder, (DESIGNS_DIR / c.name).resolve())
        out.append(emit(ev, root / c.name, overwrite=overwrite, kernel_src=kernel_src))
    return out
