"""Design-space exploration: every point of the space built, placed, checked and timed.

The space (``Space``): batches x tiles x strategies x depths x frame modes x
object sizes x allocators, for one kernel and device. Each point becomes a
flat record (``evaluate_point``): whether it fits and why not, the worst
compute tile's memory, channels, locks and BDs, and for the seed's audio
(628,163 frames) the NPU calls, DMA bytes and modelled time. Records are
cached in SQLite by a hash of the point and of every model input (parameter
files, kernel spec and sources, version), so re-runs only evaluate new points.
The Pareto front minimises modelled time, compute tiles used and worst-tile
memory over the points that fit.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from partitioner import __version__, kernel_spec
from partitioner.design import Options
from partitioner.strategies import ALLOC_SCHEMES, FRAME_MODES
from partitioner.strategies import STRATEGIES as STRATEGY_FUNCS
from partitioner.errors import UserError
from partitioner.params import seed as seed_figures

DEFAULT_BATCHES = (1, 10, 20, 25, 50, 100, 200, 400)
DEFAULT_TILES = (1, 2, 4, 8, 16)
STRATEGIES = tuple(STRATEGY_FUNCS)
DEPTHS = (1, 2)
OBJECT_FRAMES = (None, 1, 10)  # None: batch / chains, the seed's layout


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
    mlir_aie: str = Options.mlir_aie
    params_path: str | None = None  # timing parameters (e.g. a calibration TOML); default partitioner/params/timing.toml

    def check(self) -> None:
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
        from partitioner import device

        device.load(self.device)

    def points(self) -> list[Options]:
        """Every (strategy, tile count) pair the strategy can build, crossed with the rest; deduplicated."""
        spec = kernel_spec.load(self.kernel)
        stages = len(spec.pipelines.get("framed", ())) or None
        seen, out = set(), []
        for strategy, tiles in itertools.product(self.strategies, self.tiles):
            if not _valid_pair(strategy, tiles, stages):
                continue
            chains = {"single": 1, "split": tiles, "pipeline": 1, "hybrid": tiles // (stages or 1)}[strategy]
            for batch, depth, mode, f, alloc in itertools.product(self.batches, self.depths, self.frame_modes,
                                                                  self.object_frames, self.alloc_schemes):
                f_eff = f if f is not None else (batch // chains if batch % chains == 0 else None)
                key = (strategy, tiles, batch, depth, mode, f_eff, alloc)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Options(kernel=self.kernel, device=self.device, strategy=strategy, batch=batch,
                                   tiles=tiles, object_frames=f, depth=depth, frame_mode=mode, alloc_scheme=alloc,
                                   mlir_aie=self.mlir_aie))
        return out


def _valid_pair(strategy: str, tiles: int, stages: int | None) -> bool:
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


def evaluate_point(options: Options, timing_cache: dict | None = None, params_path: str | None = None) -> dict:
    """The record of one point (no simulation)."""
    from partitioner.check import evaluate_options
    from partitioner.params import timing as load_timing
    from sim import timing

    rec = {"id": point_id(options, params_path), **asdict(options), "fits": False, "errors": [], "reason": "",
           "design": None, "compute_tiles": None, "worst_tile": None, "worst_tile_bytes": None, "memory": None,
           "max_dma_in": None, "max_dma_out": None, "max_locks": None, "max_bds": None, "npu_calls": None,
           "dma_bytes": None, "modeled_seconds": None, "realtime_factor": None, "device_seconds_per_call": None,
           "pareto": False, "simulated": None, "bit_exact": None}
    try:
        ev = evaluate_options(options, suggest=False)
    except UserError as exc:
        rec["reason"] = str(exc)
        rec["errors"] = [str(exc)]
        return rec
    rec.update(_summary(ev))
    rec.update(fits=ev.fits, errors=ev.errors, reason=ev.errors[0].splitlines()[0] if ev.errors else "",
               design=ev.design.name, object_frames_effective=ev.design.object_frames)
    # The allocator changes no schedule: points that differ only in it share one timing run.
    tkey = point_id(replace(options, alloc_scheme=""), params_path)
    if timing_cache is not None and tkey in timing_cache:
        t = timing_cache[tkey]
    else:
        t = timing.model(ev, seed_figures().frames, load_timing(params_path)).as_dict()
        if timing_cache is not None:
            timing_cache[tkey] = t
    rec.update(npu_calls=t["npu_calls"], dma_bytes=t["dma_bytes"], modeled_seconds=t["modeled_seconds"],
               realtime_factor=t["realtime_factor"], device_seconds_per_call=t["device_seconds_per_call"])
    return rec


def evaluate_chunk(job: tuple[list[Options], str | None]) -> list[dict]:
    options, params_path = job
    cache: dict = {}
    return [evaluate_point(o, cache, params_path) for o in options]


# -- identity and cache -------------------------------------------------------------------------------

_FINGERPRINT: dict[str, str] = {}


def model_fingerprint(kernel: str, params_path: str | None = None) -> str:
    """Hash of everything a point's record depends on besides its options."""
    key = f"{kernel}|{params_path}"
    if key not in _FINGERPRINT:
        from partitioner.params import PARAMS_DIR
        from partitioner.params import TIMING_TOML

        h = hashlib.sha256(__version__.encode())
        spec = kernel_spec.load(kernel)
        files = [PARAMS_DIR / "devices.toml", PARAMS_DIR / "lowering.toml", TIMING_TOML, spec.folder / "kernel.toml",
                 *(spec.folder / s for s in spec.sources)]
        if params_path:
            files.append(Path(params_path))
        for f in files:
            h.update(f.read_bytes())
        _FINGERPRINT[key] = h.hexdigest()
    return _FINGERPRINT[key]


def point_id(options: Options, params_path: str | None = None) -> str:
    payload = json.dumps(asdict(options), sort_keys=True) + model_fingerprint(options.kernel, params_path)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


class Cache:
    """SQLite store of point records by id; each batch of writes is one transaction (WAL)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS points (id TEXT PRIMARY KEY, record TEXT NOT NULL)")
        self.db.commit()

    def get_many(self, ids: Iterable[str]) -> dict[str, dict]:
        ids = list(ids)
        out = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            rows = self.db.execute(f"SELECT id, record FROM points WHERE id IN ({','.join('?' * len(part))})", part)
            out.update({k: json.loads(v) for k, v in rows})
        return out

    def put_many(self, records: list[dict]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO points (id, record) VALUES (?, ?)",
                                [(r["id"], json.dumps(r)) for r in records])

    def close(self) -> None:
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
    space: Space
    records: list[dict] = field(default_factory=list)
    evaluated: int = 0  # points evaluated in this run (not from the cache)
    seconds: float = 0.0


def chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- running a study ------------------------------------------------------------------------------------

def _options_of(rec: dict) -> Options:
    return Options(**{k: rec[k] for k in Options.__dataclass_fields__})


def simulate_point(rec: dict) -> dict:
    """Emit a front point and run the built-in audio through it against the batch-20 baseline.

    The design goes through its emitted files and back (``sim.simulate`` on
    the folder), as every kept design is validated.
    """
    import tempfile

    import partitioner
    import sim

    out = {"id": rec["id"], "simulated": False, "bit_exact": None, "sim_note": ""}
    spec = kernel_spec.load(rec["kernel"])
    if not spec.has_sources:
        out["sim_note"] = f"kernel {spec.name} has no source: not simulated"
        return out
    ev = partitioner.partition(_options_of(rec), suggest=False)
    with tempfile.TemporaryDirectory() as tmp:
        exact = sim.simulate(partitioner.emit(ev, Path(tmp) / "d")).bit_exact
    out.update(simulated=True, bit_exact=exact, sim_note="bit-exact" if exact else "DIFFERS from the baseline")
    return out


def run(space: Space, jobs: int = 1, cache_path: Path | None = None, progress: bool = True,
        simulate_front: bool = True) -> Study:
    import time

    from tqdm import tqdm

    from sim.paths import cache_dir

    space.check()
    t0 = time.perf_counter()
    points = space.points()
    if not points:
        raise UserError("the design space is empty after the filters: widen --batch/--tiles/--strategy")
    cache = Cache(cache_path or cache_dir() / "explore.sqlite")
    try:
        ids = [point_id(o, space.params_path) for o in points]
        known = cache.get_many(ids)
        todo = [o for o, i in zip(points, ids) if i not in known]
        study = Study(space)
        bar = tqdm(total=len(todo), desc="evaluating", unit="pt", disable=not progress or not todo, leave=False)
        try:
            jobs_list = [(c, space.params_path) for c in chunks(todo, 48)]
            for records in _map(evaluate_chunk, jobs_list, jobs):
                cache.put_many(records)  # one transaction per chunk: an interrupt loses only the chunk in flight
                known.update({r["id"]: r for r in records})
                study.evaluated += len(records)
                bar.update(len(records))
        finally:
            bar.close()
        records = [known[i] for i in ids]
        front = pareto(records)
        front_ids = {r["id"] for r in front}
        for r in records:
            r["pareto"] = r["id"] in front_ids
        if simulate_front:
            todo_sim = [r for r in front if r.get("simulated") is None]
            bar = tqdm(total=len(todo_sim), desc="simulating front", unit="design",
                       disable=not progress or not todo_sim, leave=False)
            try:
                for res in _map(simulate_point, todo_sim, jobs):
                    rec = known[res["id"]]
                    rec.update(res)
                    cache.put_many([rec])
                    bar.update(1)
            finally:
                bar.close()
        study.records = records
        study.seconds = time.perf_counter() - t0
        return study
    finally:
        cache.close()


def _map(fn, items: list, jobs: int):
    if jobs <= 1 or len(items) <= 1:
        for it in items:
            yield fn(it)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    with ctx.Pool(min(jobs, len(items))) as pool:
        yield from pool.imap(fn, items)
