"""The results database: one SQLite row per run, written in one transaction at the end of the run.

WAL mode lets two runs write at once without losing either; a run that is
interrupted (SIGINT, timeout, error) writes nothing, so the database never
holds a partial row.
"""
from __future__ import annotations

import json
import math
import numbers
import sqlite3
import subprocess
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from partitioner.errors import UserError
from runner import sqlite_store

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL,
    design TEXT NOT NULL,
    manifest_sha256 TEXT,
    backend TEXT NOT NULL,
    timing TEXT NOT NULL,
    device TEXT,
    driver TEXT,
    git_commit TEXT,
    options TEXT NOT NULL,
    frames INTEGER NOT NULL,
    npu_calls INTEGER NOT NULL,
    times TEXT NOT NULL,
    median_s REAL NOT NULL,
    min_s REAL NOT NULL,
    max_s REAL NOT NULL,
    bit_exact INTEGER,
    max_abs_diff INTEGER,
    pearson REAL,
    max_abs_error REAL,
    diagnosis TEXT,
    forced TEXT
)
"""
# Columns added since the first schema: a database written before them gets them (NULL in its old rows) when
# opened; nothing else in it changes.
ADDED_COLUMNS = {"forced": "TEXT"}


@dataclass
class RunRecord:
    design: str
    backend: str
    timing: str  # measured | modelled | synthetic
    options: dict
    frames: int
    npu_calls: int
    times: list[float]  # seconds per call
    manifest_sha256: str | None = None
    device: str = ""
    driver: str = ""
    git_commit: str = ""
    bit_exact: bool | None = None
    max_abs_diff: int | None = None
    pearson: float | None = None
    max_abs_error: float | None = None
    diagnosis: str | None = None
    # Not None: the design would not run on an NPU (does not fit, hangs, kernel does not build: sim.api.refusal)
    # and the run was forced past that (`run --force`); this is why. Not a valid run: regressions skip it.
    forced: str | None = None
    date: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    id: int | None = None

    @property
    def median_s(self) -> float:
        s = sorted(self.times)
        n = len(s)
        return (s[n // 2] + s[(n - 1) // 2]) / 2 if n else 0.0


def git_commit() -> str:
    try:
        repo = Path(__file__).resolve().parents[1]
        return subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


class ResultsDB:
    """The results database at ``path`` (created with its folder when missing).

    Opening checks the file: one that is not a sound SQLite database (corrupt,
    truncated, another format), one that cannot be written, or an SQLite
    database whose ``runs`` table is not this one gives :class:`UserError`
    naming the file and the fix. The file is never moved or changed: it holds
    measurements that cannot be made again.
    """

    def __init__(self, path: Path):
        self.path = sqlite_store.prepare(Path(path), "the results database", "--db (or set NPU_TILER_DB)")
        try:
            self.db = sqlite_store.connect(self.path, "runs", SCHEMA, self._foreign, timeout=30)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            sqlite_store.add_columns(self.db, "runs", ADDED_COLUMNS)
        except sqlite3.Error:
            pass  # a file that cannot be written can still be listed; add() says why it cannot store a run

    def _foreign(self, cols: set[str], tables: list[str]) -> str | None:
        """Why the file at ``path`` is another program's SQLite database, or None."""
        want = {"id", "date", "design", "backend", "times", "median_s", "options"}
        if cols and not want <= cols:
            return (f"{self.path} is an SQLite database but not npu-tiler's results database (its "
                    f"`runs` table lacks {', '.join(sorted(want - cols))}): pass --db with another file")
        if not cols and tables:
            return (f"{self.path} is an SQLite database of something else (tables {', '.join(tables)}), "
                    f"not npu-tiler's results database: pass --db with another file")
        return None

    def _error(self, exc: sqlite3.Error) -> UserError:
        """One line naming the file, what SQLite said and the fix."""
        name = getattr(exc, "sqlite_errorname", "")
        if sqlite_store.is_corrupt(exc):
            fix = ("it is not a sound SQLite database: restore it from a backup, or move it away and pass --db "
                   "(or set NPU_TILER_DB) to start a new one")
        elif name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            fix = "another process holds it: try again when it is done"
        else:
            fix = "make it and its folder writable, or pass --db (or set NPU_TILER_DB) with another file"
        return UserError(f"cannot use the results database {self.path} ({exc}): {fix}")

    def add(self, r: RunRecord) -> int:
        """Store one run in one transaction; returns its id."""
        row = asdict(r)
        row.pop("id")
        row["options"] = json.dumps(r.options, sort_keys=True)
        row["times"] = json.dumps(r.times)
        row.update(median_s=r.median_s, min_s=min(r.times), max_s=max(r.times))
        cols = ", ".join(row)
        try:
            with self.db:  # one transaction: the row is there whole or not at all
                cur = self.db.execute(f"INSERT INTO runs ({cols}) VALUES ({', '.join('?' * len(row))})",
                                      list(row.values()))
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return int(cur.lastrowid)

    def runs(self, design: str | None = None, since: str | None = None, backend: str | None = None) -> list[RunRecord]:
        """The stored runs, oldest first, of one design, since an ISO date, of one backend (each optional)."""
        q, args = "SELECT * FROM runs WHERE 1=1", []
        if design:
            q += " AND design = ?"
            args.append(design)
        if since:
            q += " AND date >= ?"
            args.append(since)
        if backend:
            q += " AND backend = ?"
            args.append(backend)
        try:
            cur = self.db.execute(q + " ORDER BY date, id", args)
            names = [c[0] for c in cur.description]
            rows = cur.fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        out = []
        for row in rows:
            d = dict(zip(names, row))
            try:
                for k in ("median_s", "min_s", "max_s"):
                    d.pop(k)
                d["options"] = json.loads(d["options"])
                d["times"] = json.loads(d["times"])
                d["bit_exact"] = None if d["bit_exact"] is None else bool(d["bit_exact"])
                out.append(RunRecord(**d))
            except (KeyError, TypeError, ValueError):
                raise UserError(f"the results database {self.path} holds a run npu-tiler cannot read (id "
                                f"{d.get('id')}): restore it from a backup or pass --db with another file") from None
        return out

    def close(self) -> None:
        """Close the database."""
        self.db.close()


@dataclass(frozen=True)
class Regression:
    design: str
    backend: str
    before_s: float
    after_s: float
    before_date: str
    after_date: str

    @property
    def growth(self) -> float:
        return self.after_s / self.before_s - 1


# A regression threshold is a growth of the median time per call, as a fraction (0.10: 10%). The largest that can
# mean anything: a measured call is timed by time.perf_counter (runner/backends.py), so it lasts at least one tick
# of that clock (its resolution: 1 ns on Linux), and at most the longest --timeout, LONGEST_CALL_S (one day; the
# figure npu_tiler/cli.py's MAX_TIMEOUT_S is). No measured median can grow by more than their ratio less one, so a
# larger threshold could never flag a regression (and 1e308 would be printed as "inf%").
LONGEST_CALL_S = 86_400.0

# A run stores every call's time as JSON in one TEXT value (``times``, written with json.dumps), and SQLite
# holds at most SQLITE_MAX_LENGTH = 1,000,000,000 bytes in one value by default (sqlite.org/limits.html); a
# float's JSON is at most 24 characters (-2.2250738585072014e-308), 26 with its ", ". A run of more calls
# could never be stored (npu_tiler/cli.py bounds `run --repeat` by it).
SQLITE_MAX_LENGTH = 1_000_000_000
MAX_STORED_CALLS = SQLITE_MAX_LENGTH // len(", " + repr(-2.2250738585072014e-308))


def max_threshold() -> float:
    """The largest meaningful regression threshold: one day over one tick of ``time.perf_counter``, less one.

    Examples
    --------
    >>> import time
    >>> max_threshold() == LONGEST_CALL_S / time.get_clock_info("perf_counter").resolution - 1
    True
    """
    return LONGEST_CALL_S / time.get_clock_info("perf_counter").resolution - 1


def check_threshold(threshold, name: str = "threshold") -> float:
    """``threshold`` as a float, or UserError (the field, the value, what it takes) unless it is a real number (not
    a bool), finite, at least 0 and at most :func:`max_threshold`.

    Examples
    --------
    >>> check_threshold(0.1)
    0.1
    >>> check_threshold(float("inf"), "--threshold")
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: --threshold inf is not a growth of the median time per call: it takes a finite number from 0 to 8.64e+13 (0.10: 10%)
    """
    allowed = f"it takes a finite number from 0 to {max_threshold():.3g} (0.10: 10%)"
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real):
        raise UserError(f"{name} {threshold!r} ({type(threshold).__name__}) is not a number: {allowed}")
    value = float(threshold)
    if not math.isfinite(value) or value < 0:
        raise UserError(f"{name} {threshold!r} is not a growth of the median time per call: {allowed}")
    if value > max_threshold():
        raise UserError(f"{name} {threshold!r} could never flag a regression: no measured median grows by more "
                        f"(one day per call at most, one tick of the clock at least); {allowed}")
    return value


def regressions(runs: list[RunRecord], threshold: float) -> list[Regression]:
    """Designs whose latest median time per call grew by more than ``threshold`` against the
    previous run of the same design and backend. Forced runs (``forced``: not valid runs) are left out.
    ``threshold`` is checked first (:func:`check_threshold`)."""
    threshold = check_threshold(threshold)
    last: dict[tuple[str, str], list[RunRecord]] = {}
    for r in (r for r in runs if not r.forced):
        last.setdefault((r.design, r.backend), []).append(r)
    out = []
    for (design, backend), rs in sorted(last.items()):
        if len(rs) < 2:
            continue
        prev, cur = rs[-2], rs[-1]
        if cur.median_s > prev.median_s * (1 + threshold):
            out.append(Regression(design, backend, prev.median_s, cur.median_s, prev.date, cur.date))
    return out
