"""Writing files safely: never over a file npu-tiler did not write, never half-written.

**Whose file is it?** The one rule every command that writes asks here. An
existing file is npu-tiler's, and may be replaced without ``--overwrite``, when

1. its first bytes carry npu-tiler's signature (:data:`GENERATOR`): a JSON key
   ``"generator": "npu-tiler <version>"`` (``points.json``, ``simulate --trace``)
   or a comment line ``# generator: npu-tiler <version>`` (``calibrate``'s TOML
   files): :func:`signed`; or
2. it lies in a folder npu-tiler writes reports into, whose marker file
   :data:`MARKER` lists its name (``explore``/``report``'s and
   ``results --report``'s files: a PNG, CSV, HTML or Markdown file has no
   signature one reads in its first bytes): :func:`listed`.

Anything else is replaced only with ``--overwrite``: a recording, a text
file, a ``.npy`` (the format has no room for a mark, so npu-tiler cannot tell
its own log-mel from anyone's) and the command's own input (even one
npu-tiler wrote: ``simulate D --trace D/aie.mlir``). A design folder is one
output with the same marker (``partitioner.emitters.check_replaceable``).

**How it is written.** Every file goes to a temporary file beside its target
(same folder, so same file system), is flushed to disk, and is renamed over
the target (``os.replace``, atomic on POSIX): a full disk, a crash or Ctrl-C
leaves the previous file as it was, never a truncated one. A target that is
not a regular file (``/dev/null``, a pipe) is written into directly.

**When the system says no**, :func:`describe` gives one line: the system's
words, the path, and what to do.
"""
from __future__ import annotations

import errno
import io
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from partitioner.errors import UserError
from partitioner.version import __version__

#: The marker file of every folder npu-tiler writes (a design folder, a report folder): its first
#: line ``npu-tiler <version>``, then comment lines (``#``), then the names of the files it wrote.
MARKER = ".npu-tiler"
#: What npu-tiler signs the files it writes with (a JSON key or a comment line, see :func:`signed`).
GENERATOR = f"npu-tiler {__version__}"
# The signature in each format, looked for in a file's first HEAD_BYTES only: a JSON member anywhere
# there, a comment only at the start of a line.
JSON_SIGNATURE = b'"generator": "npu-tiler '
COMMENT_SIGNATURE = b"# generator: npu-tiler "
HEAD_BYTES = 4096
TEMP_SUFFIX = ".tmp"  # the temporary file of an atomic write: .<name>.<random>.tmp beside the target


# -- whose file is it ---------------------------------------------------------------------------------------

def marked_files(folder: Path) -> set[str] | None:
    """The files the marker of ``folder`` lists, or None when ``folder`` holds no readable marker
    (npu-tiler did not write it)."""
    try:
        lines = (Path(folder) / MARKER).read_text().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or not lines[0].startswith("npu-tiler "):
        return None
    return {line for line in lines[1:] if line and not line.startswith("#")}


def signed(path: Path) -> bool:
    """Whether ``path`` is a regular file whose first bytes carry npu-tiler's signature.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_json(d / "t.json", sign({"traceEvents": []}))
    >>> signed(d / "t.json"), signed(d / "nothing.json")
    (True, False)
    >>> (d / "notes.txt").write_text("the generator: npu-tiler is mentioned, not signed")
    49
    >>> signed(d / "notes.txt")
    False
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        return False
    return JSON_SIGNATURE in head or any(line.startswith(COMMENT_SIGNATURE) for line in head.splitlines())


def listed(path: Path) -> bool:
    """Whether the marker of ``path``'s folder lists it (npu-tiler wrote it there)."""
    path = Path(path)
    return path.name in (marked_files(path.parent) or set())


def sign(obj: dict, inside: str | None = None) -> dict:
    """``obj`` with npu-tiler's signature as its first key (``inside``: first key of that member, itself
    moved first), so that :func:`signed` finds it in the file's first bytes.

    >>> sign({"points": []})
    {'generator': 'npu-tiler 0.1.0', 'points': []}
    >>> list(sign({"traceEvents": [], "otherData": {"design": "d"}}, inside="otherData")["otherData"])
    ['generator', 'design']
    """
    if inside is None:
        return {"generator": GENERATOR, **{k: v for k, v in obj.items() if k != "generator"}}
    return {inside: sign(obj.get(inside, {})), **{k: v for k, v in obj.items() if k != inside}}


def comment_line(comment: str = "#") -> str:
    """The signature as a comment line of a text format (TOML: ``#``)."""
    return f"{comment} generator: {GENERATOR}"


# -- may it be written --------------------------------------------------------------------------------------

def check_parent(path: Path) -> None:
    """UserError unless ``path``'s folder exists: naming the folder that is missing, or the file that
    stands where a folder should be."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if parent.is_dir():
        return
    raise UserError(f"cannot write {path}: {_why_no_folder(parent)}")


def _why_no_folder(folder: Path) -> str:
    """Why ``folder`` is not a folder: a file stands at it or at one of its parents, or it is missing."""
    for p in (folder, *folder.parents):
        if os.path.lexists(p) and not p.is_dir():
            return f"{p} is a file, not a folder"
        if p.is_dir():
            break
    return f"folder {folder} does not exist"


def _is_input(path: Path, inputs: Iterable) -> bool:
    """Whether ``path`` is one of ``inputs`` or lies in one of them (a folder)."""
    real = Path(os.path.realpath(path))
    for i in inputs:
        if i is None:
            continue
        r = Path(os.path.realpath(i))
        if real == r or r in real.parents:
            return True
    return False


def check_file(path: Path, overwrite: bool, option: str = "--out", inputs: Iterable = ()) -> Path:
    """Refuse, with one line naming ``--overwrite``, to write the single file ``path`` over a file
    npu-tiler did not write (see the module's rule: a single file must be :func:`signed`) or over the
    command's ``inputs`` (paths; a folder counts for every file in it). Nothing is written.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    UserError
        Its folder does not exist, it is a folder, or it may not be replaced.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "rec.wav").write_bytes(b"RIFF")
    4
    >>> check_file(d / "rec.wav", overwrite=False)
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: ...rec.wav already exists and carries no npu-tiler signature ...: choose another --out, or add --overwrite to replace it
    >>> check_file(d / "rec.wav", overwrite=True) == d / "rec.wav"
    True
    """
    path = Path(path)
    check_parent(path)
    if not os.path.lexists(path):
        return path
    if path.is_dir():
        raise UserError(f"{option} {path} is a folder: give the name of a file")
    if not _regular(path):
        return path  # a device or a pipe: written into, nothing is replaced
    if overwrite:
        return path
    if _is_input(path, inputs):
        raise UserError(f"{option} {path} is this command's own input: choose another {option}, or add "
                        f"--overwrite to replace it")
    if signed(path):
        return path
    raise UserError(f"{path} already exists and carries no npu-tiler signature (npu-tiler replaces only files "
                    f"it marked as its own): choose another {option}, or add --overwrite to replace it")


def check_folder(folder: Path, names: Iterable[str], overwrite: bool, option: str = "--out") -> None:
    """Refuse, with one line naming ``--overwrite``, to write the files ``names`` into ``folder`` when
    one of them exists and npu-tiler did not write it (neither :func:`listed` nor :func:`signed`).
    Files of ``folder`` not in ``names`` are never touched. Nothing is written.

    >>> import pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "report.html").write_text("mine")
    4
    >>> check_folder(d, ["report.html", "points.csv"], overwrite=False)
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: ... holds report.html, which npu-tiler did not write ...: choose another --out, or add --overwrite to replace it
    >>> mark_folder(d, ["report.html"]); check_folder(d, ["report.html"], overwrite=False)
    """
    folder = Path(folder)
    if not folder.is_dir():
        return
    names = list(names)
    folders = [n for n in names if (folder / n).is_dir() and not (folder / n).is_symlink()]
    if folders:
        raise UserError(f"{folder / folders[0]} is a folder where npu-tiler writes a file: move it away or "
                        f"choose another {option}")
    if overwrite:
        return
    mine = marked_files(folder)
    clash = [n for n in names if os.path.lexists(folder / n) and _regular(folder / n)
             and n not in (mine or ()) and not signed(folder / n)]
    if mine is None and os.path.lexists(folder / MARKER):  # a file of that name that is not our marker
        clash.append(MARKER)
    if clash:
        shown = ", ".join(clash[:4]) + (f" and {len(clash) - 4} more" if len(clash) > 4 else "")
        one = len(clash) == 1
        raise UserError(f"{folder} holds {shown}, which npu-tiler did not write (no {MARKER} file there lists "
                        f"{'it' if one else 'them'}): choose another {option}, or add --overwrite to replace "
                        f"{'it' if one else 'them'}")


def marker_text(names: Iterable[str], comment: str) -> str:
    """A marker file's text (:data:`MARKER`): ``npu-tiler <version>``, ``comment`` as a comment line, then
    ``names`` sorted, one a line; deterministic for the same names.

    >>> marker_text(["b.csv", "a.png"], "npu-tiler wrote these")
    'npu-tiler 0.1.0\\n# npu-tiler wrote these\\na.png\\nb.csv\\n'
    """
    return f"{GENERATOR}\n# {comment}\n" + "".join(f"{n}\n" for n in sorted(names))


def mark_folder(folder: Path, names: Iterable[str]) -> None:
    """Write (atomically) ``folder``'s marker listing ``names`` and the files it listed already: from
    then on npu-tiler replaces those files there without ``--overwrite``. Written before the files
    themselves, so that an interrupted write leaves no file npu-tiler wrote unlisted."""
    folder = Path(folder)
    text = marker_text(set(names) | (marked_files(folder) or set()),
                       "npu-tiler wrote the files below in this folder; it replaces them without --overwrite, "
                       "and no other file")
    path = folder / MARKER
    try:
        if path.read_text() == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    write_text(path, text)


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # a dangling link: replaced like a file


# -- writing --------------------------------------------------------------------------------------------------

def _open_temp(fd: int) -> IO[bytes]:
    """The temporary file's object (a seam: the tests make it raise ENOSPC half-way)."""
    return os.fdopen(fd, "wb")


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back): what a new file's or folder's mode loses."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic(path: Path, fill: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through ``fill(file)``: a temporary file beside it, flushed to disk, renamed over it.
    Any failure removes the temporary file and leaves ``path`` as it was; an OSError becomes a UserError
    naming ``path`` and the fix (:func:`describe`)."""
    path = Path(path)
    target = Path(os.path.realpath(path))  # through a link: the file it points at is replaced, the link kept
    if os.path.exists(target) and not _regular(target):
        try:
            with open(target, "wb") as fh:  # /dev/null, a pipe: nothing to replace
                fill(fh)
        except OSError as exc:
            raise UserError(describe(exc, path)) from None
        return
    try:
        old_mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        old_mode = 0o666 & ~current_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise UserError(describe(exc, path)) from None
    try:
        with _open_temp(fd) as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, old_mode)  # mkstemp made it 0600
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise UserError(describe(exc, path, kept=os.path.exists(target))) from None
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see the module)."""
    _atomic(path, lambda fh: fh.write(data))


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (see the module)."""
    write_bytes(path, text.encode("utf-8"))


def write_json(path: Path, obj: Any, indent: int | None = None) -> None:
    """Write ``obj`` as JSON to ``path`` atomically (see the module; :func:`sign` it to mark it as ours)."""
    write_text(path, json.dumps(obj, indent=indent))


def save_npy(path: Path, array) -> None:
    """Write ``array`` as a ``.npy`` to ``path`` atomically, under exactly that name (``np.save`` of a
    path would add ``.npy`` to a name without it)."""
    import numpy as np  # only the writers of arrays pay for it

    _atomic(path, lambda fh: np.save(fh, array))


def save_figure(path: Path, fig, **savefig_kw) -> None:
    """Save a matplotlib figure to ``path`` atomically; the format from the suffix unless given."""
    buf = io.BytesIO()
    fig.savefig(buf, **{"format": Path(path).suffix.lstrip(".") or "png", **savefig_kw})
    write_bytes(path, buf.getvalue())


# -- when the system says no ----------------------------------------------------------------------------------

_FIXES = {
    errno.ENOSPC: "free space on that disk, or write elsewhere",
    errno.EDQUOT: "free space in your quota, or write elsewhere",
    errno.EROFS: "that file system is read-only: write elsewhere",
    errno.EACCES: "make it (or its folder) writable, or write elsewhere",
    errno.EPERM: "make it (or its folder) writable, or write elsewhere",
    errno.EISDIR: "give the name of a file, not a folder",
}


def describe(exc: OSError, path: Path | str | None = None, kept: bool = False, hint: str | None = None,
             verb: str = "write") -> str:
    """One line on an OSError: the system's words, the path, and the fix.

    ``kept``: the previous file at ``path`` is still there, unchanged (say so). ``hint`` replaces the
    general fix (e.g. the cache folder's environment variable). ``verb``: what was done to ``path``.

    >>> import errno
    >>> describe(OSError(errno.ENOSPC, "No space left on device"), "out/m.npy", kept=True)
    'No space left on device: cannot write out/m.npy (what was there before is unchanged); free space on that disk, or write elsewhere'
    """
    where = path if path is not None else exc.filename
    words = exc.strerror or str(exc)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR) and where is not None and not Path(where).parent.is_dir():
        return f"cannot {verb} {where}: {_why_no_folder(Path(where).parent)}"
    line = f"{words}: {f'cannot {verb} ' if path is not None else ''}{where}" if where is not None else words
    if kept:
        line += " (what was there before is unchanged)"
    fix = hint or _FIXES.get(exc.errno)
    return f"{line}; {fix}" if fix else line
