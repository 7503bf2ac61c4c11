"""The results database: one SQLite row per run, written in one transaction at the end of the run.

WAL mode lets two runs write at once without losing either; a run that is
interrupted (SIGINT, timeout, error) writes nothing, so the database never
holds a partial row.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
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


def regressions(runs: list[RunRecord], threshold: float) -> list[Regression]:
    """Designs whose latest median time per call grew by more than ``threshold`` against the
    previous run of the same design and backend. Forced runs (``forced``: not valid runs) are left out."""
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
