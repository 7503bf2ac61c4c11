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
    diagnosis TEXT
)
"""


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
    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(SCHEMA)
            self.db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise UserError(f"cannot open the results database {self.path}: {exc}") from None

    def add(self, r: RunRecord) -> int:
        row = asdict(r)
        row.pop("id")
        row["options"] = json.dumps(r.options, sort_keys=True)
        row["times"] = json.dumps(r.times)
        row.update(median_s=r.median_s, min_s=min(r.times), max_s=max(r.times))
        cols = ", ".join(row)
        with self.db:  # one transaction: the row is there whole or not at all
            cur = self.db.execute(f"INSERT INTO runs ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        return int(cur.lastrowid)

    def runs(self, design: str | None = None, since: str | None = None, backend: str | None = None) -> list[RunRecord]:
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
        cur = self.db.execute(q + " ORDER BY date, id", args)
        names = [c[0] for c in cur.description]
        out = []
        for row in cur.fetchall():
            d = dict(zip(names, row))
            for k in ("median_s", "min_s", "max_s"):
                d.pop(k)
            d["options"] = json.loads(d["options"])
            d["times"] = json.loads(d["times"])
            d["bit_exact"] = None if d["bit_exact"] is None else bool(d["bit_exact"])
            out.append(RunRecord(**d))
        return out

    def close(self) -> None:
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
    previous run of the same design and backend."""
    last: dict[tuple[str, str], list[RunRecord]] = {}
    for r in runs:
        last.setdefault((r.design, r.backend), []).append(r)
    out = []
    for (design, backend), rs in sorted(last.items()):
        if len(rs) < 2:
            continue
        prev, cur = rs[-2], rs[-1]
        if cur.median_s > prev.median_s * (1 + threshold):
            out.append(Regression(design, backend, prev.median_s, cur.median_s, prev.date, cur.date))
    return out
