"""Opening an SQLite file npu-tiler keeps: the results database (:mod:`runner.results`) and the explore
cache (:mod:`reports.explore`).

Both are opened the same way: the folder made, a folder path refused, the
file checked (``PRAGMA quick_check``) and recognised as ours by its table's
columns, WAL mode on (two processes may write at once), the table created if
missing. What each does with a file that fails is its own: the results
database refuses to touch it (its runs cannot be measured again), the explore
cache moves it aside (:func:`move_aside`, its points can be evaluated again)
and says so with a :class:`CacheWarning`.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from partitioner.errors import UserError

class CacheWarning(UserWarning):
    """A cache that could not be read as one was moved aside and a new one was started."""


# (the table's columns, every table of the file) -> why the file is another program's, or None.
Foreign = Callable[[set[str], list[str]], "str | None"]


def prepare(path: Path, what: str, option: str) -> Path:
    """Make the folder of ``path`` and refuse a folder in its place.

    Parameters
    ----------
    path : Path
        The database file.
    what : str
        How messages name it, e.g. "the results database".
    option : str
        The command-line option that picks another file, e.g. "--cache".

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    UserError
        The folder cannot be made, or ``path`` is a folder.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the folder of {what} {path}: {exc.strerror or exc}; "
                        f"pass {option} with a file elsewhere") from None
    if path.is_dir():
        raise UserError(f"{what} {path} is a folder: pass {option} with a file")
    return path


def connect(path: Path, table: str, schema: str, foreign: Foreign, timeout: float = 5.0) -> sqlite3.Connection:
    """Open ``path``, check it is a sound SQLite database holding ours (or nothing), turn WAL on, create ``table``.

    Parameters
    ----------
    path : Path
        The database file (created when missing).
    table : str
        Our table's name, whose columns ``foreign`` is shown.
    schema : str
        ``CREATE TABLE IF NOT EXISTS`` statement of ``table``.
    foreign : callable
        ``(columns of table, every table of the file) -> message or None``: the
        message of the UserError raised when the file is another program's.
    timeout : float
        Seconds to wait for another writer's lock.

    Returns
    -------
    sqlite3.Connection

    Raises
    ------
    sqlite3.Error
        SQLite refused the file (corrupt, not a database, read-only, busy): the
        caller says what to do about it (:func:`is_corrupt` tells which).
    UserError
        The file is an SQLite database of something else.
    """
    db = sqlite3.connect(path, timeout=timeout)
    try:
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
        cols = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%'")]
        why = foreign(cols, tables)
        if why is not None:
            raise UserError(why)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(schema)
        db.commit()
    except BaseException:
        db.close()
        raise
    return db


def add_columns(db: sqlite3.Connection, table: str, columns: dict[str, str]) -> list[str]:
    """Add to ``table`` the ``columns`` (name -> SQL type) it lacks, in one transaction; returns their names.

    A file written before a column was added to the schema keeps every row (the new column NULL in them).

    Raises
    ------
    sqlite3.Error
        The file cannot be written (the caller says what to do about it).
    """
    have = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
    missing = [name for name in columns if name not in have]
    if missing:
        with db:
            for name in missing:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {columns[name]}")
    return missing


def is_corrupt(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is not a (sound) database, rather than that it cannot write it."""
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB") \
        or not isinstance(exc, sqlite3.OperationalError)


def move_aside(path: Path, what: str, option: str) -> Path:
    """Rename an unreadable cache to ``<name>.corrupt-<timestamp>`` (with its ``-wal``/``-shm`` files).

    Parameters
    ----------
    path : Path
        The cache file.
    what : str
        How messages name it, e.g. "the explore cache".
    option : str
        The command-line option that picks another file, e.g. "--cache".

    Returns
    -------
    Path
        Where the file now is.

    Raises
    ------
    UserError
        It cannot be renamed.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        for suffix in ("-wal", "-shm"):  # a stale log must not be replayed into the new cache
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        path.rename(target)
    except OSError as exc:
        raise UserError(f"{what} {path} is corrupt and cannot be moved aside ({exc.strerror or exc}): delete it, "
                        f"or pass {option} with another file") from None
    return target
