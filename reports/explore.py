"""Design-space exploration: every point of the space built, placed, checked and timed.

The space (``Space``): batches x tiles x strategies x depths x frame modes x
object sizes x allocators, for one kernel and device. Each point becomes a
flat record (``evaluate_point``): whether it fits and why not, the worst
compute tile's memory, channels, locks and BDs, and for the seed's audio
(628,163 frames) the NPU calls, DMA bytes and modelled time. Records are
cached in SQLite by a hash of the point and of every model input (parameter
files, kernel spec and sources, version), so re-runs only evaluate new points.
The Pareto front minimises modelled time, compute tiles used and worst-tile
memory over the points that fit; beside it, the best designs for a batch of
100 frames (``FOCUS_BATCH``: the mission's question), the fastest for each
tile count that buys speed (:func:`focus_front`). Batches that do not divide by
the chains are in the space: their chains' shares differ by one frame.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing as mp
import os
import shlex
import signal
import sqlite3
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

import partitioner
import sim
from kernels.mel_tools.paths import CACHE_ENV, cache_dir
from partitioner import __version__, device, kernel_spec, profiles
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.params import PARAMS_DIR, TIMING_TOML
from partitioner.placement import PLACERS, NoLegalPlacement
from partitioner.placement import summary as placement_summary
from partitioner.params import seed as seed_figures
from partitioner.params import timing as load_timing
from partitioner.strategies import ALLOC_SCHEMES, FRAME_MODES
from partitioner.strategies import STRATEGIES as STRATEGY_FUNCS
from reports import explain
from reports.explain import DEFAULT_PLACER, placer_of, record_placer
from runner import sqlite_store
from runner.sqlite_store import CacheWarning
from sim import timing

DEFAULT_BATCHES = (1, 10, 20, 25, 50, 100, 200, 400)
DEFAULT_TILES = (1, 2, 4, 8, 16)
STRATEGIES = tuple(STRATEGY_FUNCS)
DEPTHS = (1, 2)
OBJECT_FRAMES = (None, 1, 10)  # None: each chain's whole share of the batch, the seed's layout
FOCUS_BATCH = 100  # the report's "best at batch 100": the batch the mission asks about


@dataclass(frozen=True)
class Space:
    kernel: str = Options.kernel
    device: str = Options.device
    batches: tuple[int, ...] = DEFAULT_BATCHES
    tiles: tuple[int, ...] = DEFAULT_TILES
    strategies: tuple[str, ...] = STRATEGIES
    depths: tuple[int, ...] = DEPTHS
    frame_modes: tuple[str, ...] = FRAME_MODES
    object_frames: tuple[int | None, ...] = OBJECT_FRAMES
    alloc_schemes: tuple[str, ...] = ALLOC_SCHEMES
    mlir_aie: str = field(default_factory=profiles.default_name)  # as Options: the profile file's default
    params_path: str | None = None  # timing parameters (e.g. a calibration TOML); default partitioner/params/timing.toml
    cost_profile: str | None = None  # kernel cost profile (partitioner/params/costs.toml name or a TOML file)
    placers: tuple[str, ...] = (DEFAULT_PLACER,)  # placement as a dimension (--placer column|search|both)

    def check(self) -> None:
        for p in self.placers:
            if p not in PLACERS:
                raise UserError(f"unknown placer {p!r}; choose from {', '.join(PLACERS)}")
        for s in self.strategies:
            if s not in STRATEGIES:
                raise UserError(f"unknown strategy {s!r}; choose from {', '.join(STRATEGIES)}")
        for m in self.frame_modes:
            if m not in FRAME_MODES:
                raise UserError(f"unknown frame mode {m!r}; choose from {', '.join(FRAME_MODES)}")
        for a in self.alloc_schemes:
            if a not in ALLOC_SCHEMES:
                raise UserError(f"unknown allocation scheme {a!r}; choose from {', '.join(ALLOC_SCHEMES)}")
        if any(b < 1 for b in self.batches):
            raise UserError("batches must be at least 1 frame")
        kernel_spec.load(self.kernel)
        device.load(self.device)

    def points(self) -> list[Options]:
        """Every (strategy, tile count) pair the strategy can build, crossed with the rest; deduplicated.

        Any batch goes with any tile count: when the batch does not divide by
        the chains, their shares differ by one frame (``partition --batch 100
        --tiles 8``: four chains of 13, four of 12). Unset object frames then
        give each chain its own share, which no single ``--object-frames``
        equals, so the point is kept beside the explicit sizes.
        """
        spec = kernel_spec.load(self.kernel)
        stages = len(spec.pipelines.get("framed", ())) or None
        seen, out = set(), []
        for strategy, tiles in itertools.product(self.strategies, self.tiles):
            if not _valid_pair(strategy, tiles, stages):
                continue
            chains = {"single": 1, "split": tiles, "pipeline": 1, "hybrid": tiles // (stages or 1)}[strategy]
            for batch, depth, mode, f, alloc in itertools.product(self.batches, self.depths, self.frame_modes,
                                                                  self.object_frames, self.alloc_schemes):
                # unset coincides with an explicit size only when every chain's share equals it
                f_eff = f if f is not None else (batch // chains if batch % chains == 0 else None)
                key = (strategy, tiles, batch, depth, mode, f_eff, alloc)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Options(kernel=self.kernel, device=self.device, strategy=strategy, batch=batch,
                                   tiles=tiles, object_frames=f, depth=depth, frame_mode=mode, alloc_scheme=alloc,
                                   mlir_aie=self.mlir_aie))
        return out

    def placed_points(self) -> list[tuple[Options, str]]:
        """Every point of :meth:`points` with every placer of ``placers``: the space with placement as a dimension."""
        return [(o, p) for o in self.points() for p in self.placers]


def _valid_pair(strategy: str, tiles: int, stages: int | None) -> bool:
    """Whether the strategy builds designs of ``tiles`` compute tiles at all (any batch then goes:
    uneven shares included). Split takes any count; hybrid whole pipelines, at least two."""
    if strategy == "single":
        return tiles == 1
    if strategy == "split":
        return True
    if stages is None:
        return False
    if strategy == "pipeline":
        return tiles == stages
    return tiles % stages == 0 and tiles >= 2 * stages


# -- one point ----------------------------------------------------------------------------------------

def _summary(ev) -> dict:
    compute = [t for t in ev.tiles if t.kind == "compute"]
    worst = max(compute, key=lambda t: t.bytes_used) if compute else None
    mem = {"buffers": 0, "stack": 0, "static": 0}
    if worst is not None:
        for b in worst.buffers:
            key = "stack" if b["name"] == "(stack)" else "static" if b["name"] == "(kernel static data)" else "buffers"
            mem[key] += b["bytes"]
    return {
        "compute_tiles": len(compute),
        "worst_tile": list(worst.tile) if worst else None,
        "worst_tile_bytes": worst.bytes_used if worst else 0,
        "memory": mem,
        "max_dma_in": max(t.dma_in for t in ev.tiles), "max_dma_out": max(t.dma_out for t in ev.tiles),
        "max_locks": max(t.locks for t in ev.tiles), "max_bds": max(t.bds for t in ev.tiles),
        "tiles_json": [t.as_json() for t in ev.tiles],
    }


def evaluate_point(options: Options, timing_cache: dict | None = None, params_path: str | None = None,
                   cost_profile: str | None = None, placer: str = DEFAULT_PLACER) -> dict:
    """The record of one point placed by ``placer`` (no simulation).

    Its ``columns``, ``shared_links`` and ``dma_links`` are :func:`partitioner.placement.summary` of the
    placed design. A point SearchPlacer finds no legal placement for does not fit, for the search's
    reason; its figures are then ColumnPlacer's placement's, the report's picture of what runs out.
    """
    rec = {"id": point_id(options, params_path, cost_profile, placer), **asdict(options), "placer": placer,
           "columns": None, "shared_links": None, "dma_links": None, "fits": False, "errors": [], "reason": "",
           "design": None, "compute_tiles": None, "worst_tile": None, "worst_tile_bytes": None, "memory": None,
           "max_dma_in": None, "max_dma_out": None, "max_locks": None, "max_bds": None, "npu_calls": None,
           "dma_bytes": None, "modeled_seconds": None, "realtime_factor": None, "device_seconds_per_call": None,
           "pareto": False, "simulated": None, "bit_exact": None}
    try:
        ev = evaluate_options(options, suggest=False, placer=placer_of(placer))
    except NoLegalPlacement as exc:
        return _no_legal_placement(rec, options, exc)
    except UserError as exc:
        rec["reason"] = str(exc)
        rec["errors"] = [str(exc)]
        return rec
    rec.update(_summary(ev), **placement_summary(ev.design, ev.lowered.shared))
    rec.update(fits=ev.fits, errors=ev.errors, reason=ev.errors[0].splitlines()[0] if ev.errors else "",
               design=ev.design.name, object_frames_effective=ev.design.object_frames,
               failures=explain.failures(ev))  # per error: tile, bytes over, the buffer that does not fit
    # The allocator changes no schedule: points that differ only in it share one timing run.
    tkey = point_id(replace(options, alloc_scheme=""), params_path, cost_profile, placer)
    if timing_cache is not None and tkey in timing_cache:
        t = timing_cache[tkey]
    else:
        # The parameter files are read once per chunk (the cache's "params" entry), not once per point.
        params = timing_cache.get(("params", params_path)) if timing_cache is not None else None
        if params is None:
            params = (timing.with_cost(load_timing(params_path), cost_profile), seed_figures().frames)
            if timing_cache is not None:
                timing_cache[("params", params_path)] = params
        t = timing.model(ev, params[1], params[0]).as_dict()
        if timing_cache is not None:
            timing_cache[tkey] = t
    # modeled_seconds is the band's high (conservative) end: the one the Pareto front ranks by.
    rec.update(npu_calls=t["npu_calls"], dma_bytes=t["dma_bytes"], modeled_seconds=t["modeled_seconds"],
               modeled_seconds_low=t.get("modeled_seconds_low"), cost_profile=t.get("cost_profile"),
               realtime_factor=t["realtime_factor"], device_seconds_per_call=t["device_seconds_per_call"])
    return rec


def _no_legal_placement(rec: dict, options: Options, exc: NoLegalPlacement) -> dict:
    """The record of a point the search places nowhere: does not fit, for the search's reason, with the
    figures of ColumnPlacer's placement (an invalid combination when that does not build either)."""
    rec.update(reason=str(exc), errors=[str(exc)])
    try:
        ev = evaluate_options(options, suggest=False)
    except UserError:
        return rec
    rec.update(_summary(ev), design=ev.design.name, object_frames_effective=ev.design.object_frames,
               errors=[str(exc), *ev.errors], failures=explain.failures(ev))
    return rec


def hang_free_fronts(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """The Pareto front and the batch-100 front, every member proved free of hangs by the static check.

    Only candidates for a front are checked (about 20 ms each, :mod:`partitioner.hangs`): a point that
    would hang no longer fits, under its own reason, and the fronts are taken again without it.
    """
    while True:
        front, focus = pareto(records), focus_front(records)
        unchecked = [r for r in {r["id"]: r for r in front + focus}.values() if r.get("hangs") is None]
        if not unchecked:
            return front, focus
        for r in unchecked:
            ev = explain.placed(r)
            found = check_hangs(ev, locations=False).hangs
            r["hangs"] = [h.message for h in found]
            if found:
                r.update(fits=False, pareto=False, reason=f"would hang: {found[0].message}",
                         errors=[*r["errors"], *(f"would hang: {h.message}" for h in found)])


def evaluate_chunk(job: tuple[list[tuple[Options, str]], str | None, str | None]) -> list[dict]:
    points, params_path, cost_profile = job
    cache: dict = {}
    return [evaluate_point(o, cache, params_path, cost_profile, placer) for o, placer in points]


# -- identity and cache -------------------------------------------------------------------------------

_FINGERPRINT: dict[str, str] = {}


def model_fingerprint(kernel: str, params_path: str | None = None, cost_profile: str | None = None) -> str:
    """Hash of everything a point's record depends on besides its options."""
    key = f"{kernel}|{params_path}|{cost_profile}"
    if key not in _FINGERPRINT:
        h = hashlib.sha256(__version__.encode())
        spec = kernel_spec.load(kernel)
        files = [PARAMS_DIR / "devices.toml", PARAMS_DIR / "profiles.toml", TIMING_TOML, spec.folder / "kernel.toml",
                 *(spec.folder / s for s in spec.sources)]
        if params_path:
            files.append(Path(params_path))
        files.append(kernel_spec.COSTS_TOML)
        if cost_profile and Path(cost_profile).is_file():
            files.append(Path(cost_profile))
        h.update(str(cost_profile).encode())
        for f in files:
            h.update(f.read_bytes())
        _FINGERPRINT[key] = h.hexdigest()
    return _FINGERPRINT[key]


def point_id(options: Options, params_path: str | None = None, cost_profile: str | None = None,
             placer: str = DEFAULT_PLACER) -> str:
    """The point's cache key: its options, placer (left out for the default: ids from before stay valid) and
    :func:`model_fingerprint`."""
    fields = asdict(options) if placer == DEFAULT_PLACER else {**asdict(options), "placer": placer}
    payload = json.dumps(fields, sort_keys=True) + model_fingerprint(options.kernel, params_path, cost_profile)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


POINTS_SCHEMA = "CREATE TABLE IF NOT EXISTS points (id TEXT PRIMARY KEY, record TEXT NOT NULL)"


class Cache:
    """SQLite store of point records by id; each batch of writes is one transaction (WAL).

    A file that is not a readable SQLite database (corrupt, truncated, another
    format) holds only records that can be evaluated again: it is renamed to
    ``<name>.corrupt-<timestamp>`` (with its ``-wal``/``-shm`` files) and a new
    cache is started, with a :class:`CacheWarning` saying so. A cache that
    cannot be written (read-only file or folder), or an SQLite database that
    is not an explore cache, is left alone: :class:`UserError` naming the file
    and the fix.
    """

    def __init__(self, path: Path):
        self.path = sqlite_store.prepare(Path(path), "the explore cache", "--cache")
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            if not sqlite_store.is_corrupt(exc):
                raise UserError(f"cannot use the explore cache {self.path} ({exc}): make it and its folder "
                                f"writable, or pass --cache with another file") from None
            moved = sqlite_store.move_aside(self.path, "the explore cache", "--cache")
            warnings.warn(f"the explore cache {self.path} was not a readable SQLite database ({exc}): moved it to "
                          f"{moved.name} and started a new cache (points are evaluated again)", CacheWarning,
                          stacklevel=2)
            try:
                self.db = self._open()
            except sqlite3.Error as exc2:
                raise UserError(f"cannot create the explore cache {self.path} ({exc2}): pass --cache with "
                                f"another file") from None

    def _open(self) -> sqlite3.Connection:
        return sqlite_store.connect(self.path, "points", POINTS_SCHEMA, self._foreign)

    def _foreign(self, cols: set[str], tables: list[str]) -> str | None:
        """Why the file is an SQLite database but not an explore cache, or None."""
        if (cols and not {"id", "record"} <= cols) or (not cols and tables):
            return (f"{self.path} is an SQLite database but not an explore cache (tables "
                    f"{', '.join(tables)}): pass --cache with another file")
        return None

    def _fail(self, exc: sqlite3.Error) -> UserError:
        return UserError(f"the explore cache {self.path} failed ({exc}): make it writable, or delete it or pass "
                         f"--cache with another file to start a new one")

    def get_many(self, ids: Iterable[str]) -> dict[str, dict]:
        """The cached records of ``ids`` (those there are), by id."""
        ids = list(ids)
        out = {}
        try:
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                rows = self.db.execute(f"SELECT id, record FROM points WHERE id IN ({','.join('?' * len(part))})", part)
                out.update({k: json.loads(v) for k, v in rows})
        except sqlite3.Error as exc:
            raise self._fail(exc) from None
        except (json.JSONDecodeError, TypeError):
            raise UserError(f"the explore cache {self.path} holds a record that is not JSON: delete it or pass "
                            f"--cache with another file") from None
        return out

    def put_many(self, records: list[dict]) -> None:
        """Store ``records`` in one transaction: all of them or (interrupted, failed) none."""
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO points (id, record) VALUES (?, ?)",
                                    [(r["id"], json.dumps(r)) for r in records])
        except sqlite3.Error as exc:
            raise self._fail(exc) from None

    def close(self) -> None:
        """Close the database (idempotent)."""
        self.db.close()


# -- Pareto front ---------------------------------------------------------------------------------------

def objectives(r: dict) -> tuple[float, int, int]:
    return (r["modeled_seconds"], r["compute_tiles"], r["worst_tile_bytes"])


def pareto(records: list[dict]) -> list[dict]:
    """Points that fit and that no other fitting point beats on all three objectives
    (one per distinct objective triple: the first in the space's order)."""
    fits = [r for r in records if r["fits"] and r["modeled_seconds"] is not None]
    unique: dict[tuple, dict] = {}
    for r in fits:
        unique.setdefault(objectives(r), r)
    cand = list(unique.values())
    front = []
    for r in cand:
        o = objectives(r)
        if not any(all(a <= b for a, b in zip(objectives(q), o)) and objectives(q) != o for q in cand):
            front.append(r)
    return sorted(front, key=objectives)


@dataclass
class Study:
    """A run's records, how many it evaluated, and when its command started.

    ``seconds`` is measured end to end: from ``started`` (the ``npu-tiler``
    process's start when run by the command, else the call of :func:`run`)
    to the moment it is read, so read after the report is written it is the
    whole command's time.
    """

    space: Space
    records: list[dict] = field(default_factory=list)
    evaluated: int = 0  # points evaluated in this run (not from the cache)
    started: float = field(default_factory=time.time)  # epoch seconds: the command's start

    @property
    def seconds(self) -> float:
        """Seconds from the command's start to now."""
        return time.time() - self.started


def command_started() -> float | None:
    """When this process started (epoch seconds), if it is the ``npu-tiler`` command; else None.

    Under the console script (or ``python -m npu_tiler``) the process's start
    is the command's, interpreter start-up and imports included. Read from
    Linux's /proc (10 ms ticks); None elsewhere, and in a process that only
    calls the library (tests, notebooks), where the caller's own clock counts.
    """
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is None or not (argv0.name == "npu-tiler" or argv0.parent.name == "npu_tiler"):
        return None
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, starttime, after "pid (comm)"
        return time.time() - (uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


def focus_front(records: list[dict], batch: int = FOCUS_BATCH) -> list[dict]:
    """The fastest design of one batch for each compute-tile count that buys speed, fastest first.

    Among the points of ``batch`` that fit: per number of compute tiles the
    fastest (ties: the less memory on the fullest tile, then the space's
    order), kept when it is faster than every design on fewer tiles. The
    first is the best at that batch; empty when none of its points fits.
    """
    best: dict[int, dict] = {}
    for r in records:
        if r["batch"] != batch or not r["fits"] or r["modeled_seconds"] is None:
            continue
        k = r["compute_tiles"]
        if k not in best or (r["modeled_seconds"], r["worst_tile_bytes"]) < \
                (best[k]["modeled_seconds"], best[k]["worst_tile_bytes"]):
            best[k] = r
    out, fastest = [], float("inf")
    for k in sorted(best):
        if best[k]["modeled_seconds"] < fastest:
            out.append(best[k])
            fastest = best[k]["modeled_seconds"]
    return sorted(out, key=lambda r: r["modeled_seconds"])


def design_folder(rec: dict) -> str:
    """The folder, relative to the report, a linked point's design is emitted to: ``designs/<name>``.

    The name is the design's (batch, strategy, tiles and the set options),
    with the allocator when it is not the default, so that two linked points
    never share a folder.
    """
    name = rec.get("design") or "design"
    if rec.get("alloc_scheme") and rec["alloc_scheme"] != Options.alloc_scheme:
        name += "_" + rec["alloc_scheme"].replace("-", "")
    if record_placer(rec) != DEFAULT_PLACER:
        name += "_" + record_placer(rec)
    return f"designs/{name}"


def command_args(rec: dict) -> list[str]:
    """The design options of a point that differ from the defaults, as ``npu-tiler`` arguments.

    Examples
    --------
    >>> command_args({**asdict(Options()), "batch": 50, "depth": 2, "frame_mode": "streamed"})
    ['--batch', '50', '--depth', '2', '--frame-mode', 'streamed']
    """
    default = Options()
    out = []
    for name in Options.__dataclass_fields__:
        value = rec.get(name)
        if value is None or value == getattr(default, name):
            continue
        out += [f"--{name.replace('_', '-')}", str(value)]
    return out


def command(rec: dict, verb: str = "emit") -> str:
    """The exact command that reproduces a point: ``npu-tiler emit <options> --overwrite --out designs/<name>``
    (run in the report folder: it replaces the folder the report keeps, which npu-tiler wrote), or
    ``npu-tiler partition <options>``."""
    args = ["npu-tiler", verb, *command_args(rec)]
    if record_placer(rec) != DEFAULT_PLACER:
        args += ["--placer", record_placer(rec)]
    if verb == "emit":
        args += ["--overwrite", "--out", design_folder(rec)]
    return shlex.join(args)


def chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- running a study ------------------------------------------------------------------------------------

def simulate_point(rec: dict) -> dict:
    """Emit a linked point and run the built-in audio through it against the batch-20 baseline.

    The design goes through its emitted files and back (``sim.simulate`` on
    the folder), as every kept design is validated. The folder is a
    temporary one: the report emits the same bytes into its own designs/
    (:func:`reports.design_space.emit_designs`), also for points whose
    result comes from the cache.
    """
    out = {"id": rec["id"], "simulated": False, "bit_exact": None, "sim_note": ""}
    spec = kernel_spec.load(rec["kernel"])
    if not spec.has_sources:
        out["sim_note"] = f"kernel {spec.name} has no source: not simulated"
        return out
    ev = partitioner.partition(explain.options_of(rec), suggest=False, placer=placer_of(record_placer(rec)))
    with tempfile.TemporaryDirectory() as tmp:
        exact = sim.simulate(partitioner.emit(ev, Path(tmp) / "d")).bit_exact
    out.update(simulated=True, bit_exact=exact, sim_note="bit-exact" if exact else "DIFFERS from the baseline")
    return out


NOT_SIMULATED = "not simulated (explore --no-simulate)"


def forget_simulation(records: list[dict]) -> None:
    """``--no-simulate``: no record of this study claims a simulation (the report and the command's summary
    read these), not even one its cached record keeps from an earlier run; the cache is left as it is.

    Examples
    --------
    >>> recs = [{"pareto": True, "simulated": True, "bit_exact": True, "sim_note": "bit-exact"}, {"pareto": False}]
    >>> forget_simulation(recs)
    >>> recs[0]["simulated"], recs[0]["bit_exact"], recs[0]["sim_note"], recs[1]
    (None, None, 'not simulated (explore --no-simulate)', {'pareto': False, 'simulated': None, 'bit_exact': None})
    """
    for r in records:
        r.update(simulated=None, bit_exact=None)
        if r.get("pareto") or r.get("pareto_focus"):
            r["sim_note"] = NOT_SIMULATED
        else:
            r.pop("sim_note", None)


def _open_cache(cache_path: Path | None) -> Cache:
    """The explore cache at ``cache_path``, else in the user's cache folder (whose message, when it cannot
    be written, says how to move that folder)."""
    if cache_path is not None:
        return Cache(cache_path)
    try:
        return Cache(cache_dir() / "explore.sqlite")
    except UserError as exc:
        raise UserError(f"{exc} (or set {CACHE_ENV} to a writable folder)") from None


def run(space: Space, jobs: int = 1, cache_path: Path | None = None, progress: bool = True,
        simulate_front: bool = True) -> Study:
    """Evaluate the space (cached points reused), mark the fronts, simulate the linked designs.

    Linked designs are the Pareto front and the best of batch
    ``FOCUS_BATCH`` per tile count (:func:`focus_front`); each is emitted
    and simulated bit-exact against the batch-20 baseline unless its cached
    record already says so. Without ``simulate_front`` none is simulated and
    no record says it was (:func:`forget_simulation`). The study's ``seconds`` count from the
    command's start (:func:`command_started`), else from this call.

    Interrupted (Ctrl-C, KeyboardInterrupt): the exception propagates after the
    worker processes are terminated (they ignore SIGINT, so none prints a
    traceback) and the cache is closed; every chunk stored so far is whole
    (one transaction each) and the chunk in flight is not stored at all.
    """
    space.check()
    started = command_started() or time.time()
    points = space.placed_points()
    if not points:
        raise UserError("the design space is empty after the filters: widen --batch/--tiles/--strategy")
    cache = _open_cache(cache_path)
    try:
        ids = [point_id(o, space.params_path, space.cost_profile, placer) for o, placer in points]
        known = cache.get_many(ids)
        todo = [p for p, i in zip(points, ids) if i not in known]
        study = Study(space, started=started)
        bar = tqdm(total=len(todo), desc="evaluating", unit="pt", disable=not progress or not todo, leave=False)
        try:
            jobs_list = [(c, space.params_path, space.cost_profile) for c in chunks(todo, 48)]
            for records in _map(evaluate_chunk, jobs_list, jobs):
                cache.put_many(records)  # one transaction per chunk: an interrupt loses only the chunk in flight
                known.update({r["id"]: r for r in records})
                study.evaluated += len(records)
                bar.update(len(records))
        finally:
            bar.close()
        records = [known[i] for i in ids]
        front, focus = hang_free_fronts(records)
        front_ids, focus_ids = {r["id"] for r in front}, {r["id"] for r in focus}
        for r in records:
            r["pareto"] = r["id"] in front_ids
            r["pareto_focus"] = r["id"] in focus_ids  # fastest of batch FOCUS_BATCH on its tile count
            r["best_focus"] = bool(focus) and r["id"] == focus[0]["id"]  # the fastest of them
        if simulate_front:
            linked = list({r["id"]: r for r in front + focus}.values())
            todo_sim = [r for r in linked if r.get("simulated") is None]
            bar = tqdm(total=len(todo_sim), desc="simulating linked designs", unit="design",
                       disable=not progress or not todo_sim, leave=False)
            try:
                for res in _map(simulate_point, todo_sim, jobs):
                    rec = known[res["id"]]
                    rec.update(res)
                    cache.put_many([rec])
                    bar.update(1)
            finally:
                bar.close()
        else:
            forget_simulation(records)
        study.records = records
        return study
    finally:
        cache.close()


def _map(fn, items: list, jobs: int):
    if jobs <= 1 or len(items) <= 1:
        for it in items:
            yield fn(it)
        return
    ctx = mp.get_context("fork")
    # Workers ignore Ctrl-C: the parent gets it, leaves the pool (which terminates them) and exits 130
    # with one line, instead of every worker printing a KeyboardInterrupt traceback. SIGINT is blocked
    # while the pool forks, so a Ctrl-C then waits for the parent instead of reaching a worker that has
    # not yet ignored it.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = ctx.Pool(min(jobs, len(items)), initializer=_ignore_sigint)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    with pool:
        yield from pool.imap(fn, items)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
