"""Property-based tests (hypothesis) of the invariants the rest of the tool relies on.

1. allocation: per tile, the allocated regions never overlap, lie in [0, capacity)
   when the tile fits, and a tile fits exactly when every region is placed within
   its capacity (random designs through ``evaluate_options``, and random pools
   through ``allocate`` directly);
2. strategies: every link's offsets tile its big FIFO's object exactly, and the
   runtime sequence reads every input sample and writes every output element
   (exactly once where the windows do not overlap by design);
3. the simulator equals a direct kernel call on random audio, for kept designs
   and for random designs built from Options;
4. the Pareto front has no dominated point and misses no undominated one.

Expected values come from the definitions (docstrings, README, mlir-aie), not
from figures the code printed. Every test is derandomized and database-free,
so a CI run is reproducible; the whole file runs in a few seconds.
"""
from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from partitioner.allocation import allocate
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.errors import UserError
from partitioner.lowering import BufferRequest, Pool, TileResources
from partitioner.profiles import load as load_profile
from partitioner.strategies import make_design

REPO = Path(__file__).resolve().parents[1]
DESIGNS = REPO / "designs"

STACK = "(stack)"
STATIC = "(kernel static data)"

COMPUTE_MEMORY, COMPUTE_BANKS = 64 * 1024, 4  # npu1 (devices.toml; README: 64 KiB, 4 x 16 KiB banks)
MEM_MEMORY, MEM_BANKS = 512 * 1024, 8  # npu1 mem tile (8 x 64 KiB)


def _settings(n: int):
    """Reproducible, database-free, no per-example deadline."""
    return settings(max_examples=n, deadline=None, derandomize=True, database=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


# -- helpers: interval arithmetic from the definitions ---------------------------------------------------

def _overlaps(regions) -> list[tuple[str, str]]:
    """Pairs of placed, non-empty regions whose byte ranges [address, address + nbytes) intersect."""
    placed = sorted((r for r in regions if r.address is not None and r.nbytes > 0), key=lambda r: r.address)
    bad = []
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            if b.address >= a.address + a.nbytes:
                break
            bad.append((a.name, b.name))
    return bad


def _within(r, capacity: int) -> bool:
    return r.address is not None and 0 <= r.address and r.address + r.nbytes <= capacity


def _check_memory_map(mm) -> None:
    """The invariants every memory map must keep, whatever the scheme and profile."""
    assert not _overlaps(mm.regions), f"tile {mm.tile}: overlapping regions {_overlaps(mm.regions)}"
    every_region_within = all(_within(r, mm.capacity) for r in mm.regions)
    assert mm.fits == every_region_within, (
        f"tile {mm.tile}: fits={mm.fits} but every region within [0, {mm.capacity}) is {every_region_within}: "
        f"{[(r.name, r.address, r.nbytes) for r in mm.regions]} errors={mm.errors}")
    assert mm.used == sum(r.nbytes for r in mm.regions)


# -- drawing Options -------------------------------------------------------------------------------------

# tile counts each strategy can take on npu1 (README's strategy table), plus a few it refuses
TILES = {"single": [1] * 9 + [2], "split": [1, 2, 4, 8, 16] * 2 + [3], "pipeline": [2] * 9 + [3],
         "hybrid": [4, 8, 12, 16] * 2 + [6]}


def _chains(strategy: str, tiles: int) -> int:
    """Parallel chains of workers (README: split K parts, hybrid K/2 two-stage pipelines)."""
    return {"single": 1, "pipeline": 1, "split": tiles, "hybrid": max(1, tiles // 2)}[strategy]


@st.composite
def options(draw, stack_sizes=st.none(), max_per_chain: int = 100):
    strategy = draw(st.sampled_from(sorted(TILES)))
    tiles = draw(st.sampled_from(TILES[strategy]))
    seed_like = [v for v in (20, 25, 50, 100) if v <= max_per_chain] or [max_per_chain]
    per_chain = draw(st.one_of(st.integers(1, min(24, max_per_chain)), st.sampled_from(seed_like),
                               st.integers(1, max_per_chain)))
    # mostly a batch that splits evenly over the chains; sometimes anything (UserError -> skipped)
    even = draw(st.sampled_from([True] * 9 + [False]))
    batch = _chains(strategy, tiles) * per_chain if even else draw(st.integers(1, 200))
    divisors = [d for d in range(1, per_chain + 1) if per_chain % d == 0]
    object_frames = draw(st.one_of(st.none(), st.sampled_from(divisors), st.sampled_from(divisors),
                                   st.integers(1, per_chain)))
    return Options(strategy=strategy, batch=batch, tiles=tiles, object_frames=object_frames,
                   depth=draw(st.sampled_from([None, 1, 2])),
                   frame_mode=draw(st.sampled_from(["framed", "dma-framed", "streamed"])),
                   alloc_scheme=draw(st.sampled_from(["basic-sequential", "bank-aware"])),
                   mlir_aie=draw(st.sampled_from(["2025", "2026"])),
                   stack_size=draw(stack_sizes))


def _evaluate(o: Options):
    try:
        return evaluate_options(o, suggest=False)
    except UserError:
        assume(False)


def _design(o: Options):
    try:
        return make_design(o)
    except UserError:
        assume(False)


# -- 1. allocation ---------------------------------------------------------------------------------------

# Stacks up to one bank (16 KiB): a larger stack in bank-aware overlaps the buffers
# (test_bank_aware_stack_larger_than_bank_0_overlaps_buffers below); raise the bound when it is fixed.
STACK_SIZES = st.one_of(st.none(), st.sampled_from([0, 1024, 2048, 4096]), st.integers(0, 24576))


@_settings(150)
@given(options(stack_sizes=STACK_SIZES))
def test_allocated_regions_never_overlap_and_fit_exactly_when_within_capacity(o):
    ev = _evaluate(o)
    event(f"{o.strategy}: {'fits' if ev.fits else 'does not fit'}")
    stacks = {w.tile: w.stack_bytes for w in ev.design.workers}
    static_names = {STATIC}
    for tile, mm in ev.memory.items():
        _check_memory_map(mm)
        kind = ev.device.kind(tile)
        assert mm.capacity == kind.memory_bytes
        # a memory error names the tile exactly when its map does not fit
        head = f"tile ({tile[0]}, {tile[1]}) ("
        memory_errors = [e for e in ev.errors if e.startswith(head) and "MemoryMap:" in e]
        assert bool(memory_errors) == (not mm.fits), (tile, mm.errors, ev.errors)
        # every buffer the lowering put in the tile's memory is a region exactly once, with its size;
        # besides them only the core's stack and the kernel's static data
        want = Counter((b.name, b.nbytes) for b in ev.lowered.tiles[tile].buffers)
        got = Counter((r.name, r.nbytes) for r in mm.regions if r.name != STACK and r.name not in static_names)
        assert got == want
        extra = {r.name: r.nbytes for r in mm.regions if r.name == STACK or r.name in static_names}
        if tile in stacks:
            assert extra.get(STACK) == stacks[tile]
            assert sum(v for k, v in extra.items() if k != STACK) == ev.spec.static_data_bytes
        else:
            assert not extra
        # bank-aware without straddling (2025): a buffer is placed whole inside one bank
        if o.alloc_scheme == "bank-aware" and ev.profile.bank_aware == "round-robin":
            bank = mm.capacity // kind.banks
            for r in mm.regions:
                if r.name != STACK and r.name not in static_names and r.address is not None and r.nbytes:
                    assert r.address // bank == (r.address + r.nbytes - 1) // bank, (tile, r)
    if all(mm.fits for mm in ev.memory.values()):
        assert not any("MemoryMap:" in e for e in ev.errors)


@st.composite
def tile_pools(draw):
    compute = draw(st.booleans())
    capacity, banks = (COMPUTE_MEMORY, COMPUTE_BANKS) if compute else (MEM_MEMORY, MEM_BANKS)
    top = capacity // 3
    sizes = st.one_of(st.integers(0, top), st.sampled_from([1, 4, 32, 800, 8000, 16384, 16385, 65536]))
    pools = [Pool(f"f{i}", f"f{i}", (0, 2), draw(st.integers(1, 3)), draw(sizes))
             for i in range(draw(st.integers(0, 6)))]
    res = TileResources((0, 2) if compute else (0, 1), "compute" if compute else "mem", pools)
    res.buffers = [BufferRequest(name, p.buffer_bytes) for p in pools for name in p.buffer_names()]
    stack = draw(st.one_of(st.sampled_from([0, 1024]), st.integers(0, capacity // banks))) if compute else 0
    static = draw(st.one_of(st.just(0), st.integers(0, 8000))) if compute else 0
    return res, capacity, banks, stack, static


@_settings(200)
@given(tile_pools(), st.sampled_from(["basic-sequential", "bank-aware"]), st.sampled_from(["2025", "2026"]))
def test_allocate_on_random_pools(tp, scheme, version):
    res, capacity, banks, stack, static = tp
    profile = load_profile(version)
    mm = allocate(res, capacity, banks, stack, static, scheme, profile)
    _check_memory_map(mm)
    compute = res.kind == "compute"
    buffers = [(name, p.buffer_bytes) for p in res.pools for name in p.buffer_names()]

    # every buffer once, the stack at 0 on a core, the static data as the profile says
    names = Counter((r.name, r.nbytes) for r in mm.regions)
    want = Counter(buffers)
    if compute:
        want[(STACK, stack)] += 1
        assert next(r for r in mm.regions if r.name == STACK).address == 0
        if static:
            want[(STATIC, static)] += 1
    assert names == want

    alignment = profile.compute_alignment if compute else profile.mem_alignment
    placed = [r for r in mm.regions if r.address is not None and r.name not in (STACK, STATIC)]
    assert all(r.address % alignment == 0 for r in placed)
    base = stack if compute else 0
    assert all(r.address >= base for r in placed if r.nbytes), "a buffer below the stack end"

    total = sum(n for _, n in buffers)
    above = static if compute else 0  # the static data must fit somewhere, whatever the rule
    if scheme == "basic-sequential":
        # placed largest first (stable), one after another from the stack end
        by_address = sorted(placed, key=lambda r: r.address)
        order = sorted(range(len(buffers)), key=lambda i: -buffers[i][1])
        assert [r.name for r in by_address if r.nbytes] == [buffers[i][0] for i in order if buffers[i][1]]
        if alignment == 1:
            # no padding: fits exactly when stack + buffers + static data fit the tile
            assert mm.fits == (base + total + above <= capacity)
        else:
            # padding is below one alignment unit per buffer
            def up(n: int) -> int:
                return -(-n // alignment) * alignment

            if mm.fits:
                assert base + total + above <= capacity
            if up(base) + sum(up(n) for _, n in buffers) + above <= capacity:
                assert mm.fits
    else:
        if mm.fits:
            assert base + total + above <= capacity
        bank = capacity // banks
        if profile.bank_aware == "round-robin":
            # a buffer larger than a bank cannot be placed; any other placed one lies inside one bank
            for r in mm.regions:
                if r.name in (STACK, STATIC) or not r.nbytes:
                    continue
                if r.nbytes > bank:
                    assert r.address is None and not mm.fits
                elif r.address is not None:
                    assert r.address // bank == (r.address + r.nbytes - 1) // bank


@pytest.mark.parametrize("version", ["2025", "2026"])
def test_bank_aware_with_a_stack_larger_than_bank_0(version):
    """The mid-2025 allocator's bank 0 pointer runs past its bank: checkAndPrintOverflow fails
    (AIEAssignBuffers.cpp @019056e). The 2026 one marks the stack taken in its occupancy map and places
    the buffers in the free banks (AIEAssignBuffers.cpp 2026, simpleBankAwareAllocation)."""
    # npu-tiler partition --strategy single --tiles 1 --batch 10 --alloc-scheme bank-aware --stack-size 20000
    ev = evaluate_options(Options(strategy="single", tiles=1, batch=10, alloc_scheme="bank-aware",
                                  stack_size=20000, mlir_aie=version), suggest=False)
    (mm,) = ev.memory.values()
    if version == "2025":
        assert not mm.fits and "Bank aware" in mm.errors[0]
    else:
        assert mm.fits and all(r.address >= 20000 for r in mm.regions if r.name != STACK)
    assert not (mm.fits and _overlaps(mm.regions)), (
        f"fits with overlapping regions {_overlaps(mm.regions)}: "
        f"{[(r.name, r.address, r.end) for r in mm.regions]}")


# -- 2. strategies: link offsets and the runtime sequence ------------------------------------------------

@_settings(150)
@given(options())
def test_link_offsets_tile_the_big_object_and_transfers_cover_the_host_buffers(o):
    d = _design(o)
    event(f"{o.strategy} {o.frame_mode}")
    fifos = {f.name: f for f in d.fifos}
    for link in d.links:
        big_name = link.outputs[0] if link.kind == "join" else link.inputs[0]
        sub_names = link.inputs if link.kind == "join" else link.outputs
        big, subs = fifos[big_name], [fifos[n] for n in sub_names]
        assert len(link.offsets) == len(subs), link
        assert all(s.elem_type == big.elem_type for s in subs)
        # sorted [offset, offset + sub elements) intervals cover [0, big elements) with no gap or overlap
        end = 0
        for off, sub in sorted(zip(link.offsets, subs), key=lambda p: p[0]):
            assert off == end, f"{link.name}: gap or overlap at element {end} (next offset {off})"
            end = off + sub.elem_count
        assert end == big.elem_count, f"{link.name}: sub-FIFOs cover {end} of {big.elem_count} elements"
        # the link sits on the mem tile: the big FIFO's and the sub-FIFOs' link ends are the mem tile
        mem = f"mem:{link.group}"
        if link.kind == "join":
            assert big.producer == mem and all(s.consumers == [mem] for s in subs)
        else:
            assert big.consumers == [mem] and all(s.producer == mem for s in subs)

    framed = o.frame_mode == "framed"
    for buf in d.sequence.buffers:
        transfers = [t for t in d.sequence.transfers if t.buffer == buf.name]
        assert transfers and all(t.direction == buf.direction for t in transfers)
        idx = np.concatenate([t.indices() for t in transfers])
        assert idx.min() >= 0 and idx.max() < buf.elem_count, (buf.name, idx.min(), idx.max(), buf.elem_count)
        counts = np.bincount(idx, minlength=buf.elem_count)
        if buf.direction == "out" or framed:
            assert (counts == 1).all(), f"{buf.name}: elements read {sorted(set(counts.tolist()))} times"
        else:  # overlapping windows by design: every sample at least once
            assert (counts >= 1).all(), f"{buf.name}: {int((counts == 0).sum())} samples never read"
        for t in transfers:  # a transfer moves whole objects of its shim FIFO
            assert t.elements % fifos[t.fifo].elem_count == 0, (t, fifos[t.fifo].elem_count)
    # host buffers hold the batch: 400 samples per frame, or batch hops + the 240-sample halo of raw audio
    (buf_in,) = [b for b in d.sequence.buffers if b.direction == "in"]
    assert buf_in.elem_count == (o.batch * 400 if framed else o.batch * 160 + 240)


# -- 3. the simulator equals a direct kernel call ---------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _timing():
    from partitioner import params

    return params.timing()


@functools.lru_cache(maxsize=None)
def _kept(name: str):
    """A kept design folder read back with ``partitioner.read``."""
    import partitioner

    return partitioner.read(DESIGNS / name)


def _run_audio(ev, a: np.ndarray) -> np.ndarray:
    """The design's (frames, 80) output for one utterance: ``sim.CallRunner(ev).run_audio``; a fresh
    runner, so nothing carries over between examples."""
    import sim

    return sim.CallRunner(ev, _timing()).run_audio(a)


@st.composite
def audio(draw, max_len: int = 16400):
    """int16 audio: 300 samples (1 frame) to max_len, noise at a drawn amplitude or a constant."""
    n = draw(st.integers(300, max_len))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    kind = draw(st.sampled_from(["noise", "noise", "constant"]))
    if kind == "constant":
        return np.full(n, draw(st.integers(-32768, 32767)), np.int16)
    amp = draw(st.sampled_from([1, 100, 3000, 32767]))
    return rng.integers(-amp - (amp == 32767), amp + 1, n).astype(np.int16)


def _expected(a: np.ndarray) -> np.ndarray:
    from kernels.mel_tools import framing, kernel

    return kernel.mel_frames(framing.frames(a))


KEPT = ["batch20_1tile", "batch100_split4", "batch100_pipeline", "batch100_split4_dmaframed",
        "batch100_split4_streamed"]


@pytest.mark.parametrize("name", KEPT)
@_settings(15)
@given(a=audio())
def test_kept_design_simulates_to_the_kernel(name, a):
    # up to 16,400 samples = 102 frames: batch-100 designs make two calls, the last one padded
    got = _run_audio(_kept(name), a)
    want = _expected(a)
    assert got.dtype == np.int16 and got.shape == want.shape == (a.size // 160, 80)
    np.testing.assert_array_equal(got, want)


@_settings(40)
@given(options(max_per_chain=12), audio(max_len=4000))
def test_random_design_simulates_to_the_kernel(o, a):
    """Any design that fits, not only the kept ones, computes the kernel's bits."""
    from partitioner.check import evaluate

    d = _design(o)
    ev = evaluate(d)
    assume(ev.fits)
    np.testing.assert_array_equal(_run_audio(ev, a), _expected(a))


# -- 4. the Pareto front -----------------------------------------------------------------------------------

# few distinct values, so ties and equal triples are common
SECONDS = st.one_of(st.none(), st.sampled_from([0.0, 0.5, 1.0, 2.0]),
                    st.floats(0, 10, allow_nan=False, allow_infinity=False))
RECORD = st.tuples(st.booleans(), SECONDS, st.integers(1, 4),
                   st.sampled_from([1000, 2000, 3000]) | st.integers(0, 65536))


def records():
    return st.lists(RECORD, max_size=16).map(lambda rows: [
        {"id": i, "fits": f, "modeled_seconds": s, "compute_tiles": t, "worst_tile_bytes": b}
        for i, (f, s, t, b) in enumerate(rows)])


def _obj(r: dict) -> tuple:
    return (r["modeled_seconds"], r["compute_tiles"], r["worst_tile_bytes"])


def _dominates(q: dict, r: dict) -> bool:
    a, b = _obj(q), _obj(r)
    return all(x <= y for x, y in zip(a, b)) and any(x < y for x, y in zip(a, b))


@_settings(150)
@given(records())
def test_pareto_front_has_no_dominated_point_and_misses_none(recs):
    from reports.explore import pareto

    front = pareto([dict(r) for r in recs])
    # a point needs to fit and to have a modelled time to compete
    cand = [r for r in recs if r["fits"] and r["modeled_seconds"] is not None]
    front_ids = [r["id"] for r in front]
    assert len(set(front_ids)) == len(front_ids)
    by_id = {r["id"]: r for r in recs}
    assert all(by_id[i] in cand for i in front_ids), "a point that does not fit is on the front"
    assert [_obj(r) for r in front] == [_obj(by_id[i]) for i in front_ids], "front records were altered"
    for p in front:
        assert not any(_dominates(q, p) for q in cand), f"{p} is dominated"
    # tie rule: one point per objective triple, the first in the records' order
    triples = [_obj(p) for p in front]
    assert len(set(triples)) == len(triples)
    for p in front:
        assert p["id"] == next(r["id"] for r in cand if _obj(r) == _obj(p))
    # every other competing point is dominated by a front point or ties one
    for r in cand:
        if r["id"] not in front_ids:
            assert any(_dominates(p, r) or _obj(p) == _obj(r) for p in front), f"{r} missing from the front"
    assert triples == sorted(triples)


# -- packaging (found while running the partitioner's command line) ------------------------------------------

def test_every_package_of_the_project_is_installed():
    # setuptools' `packages` names each package by hand: one left out is missing from a non-editable
    # install (`pip install .`), though an editable install still finds it.
    import tomllib

    packages = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(REPO).parts) for top in {p.split(".")[0] for p in packages}
             for init in (REPO / top).rglob("__init__.py")}
    assert {"partitioner", "partitioner.allocation"} <= found, sorted(found)  # the walk sees the packages
    assert found - packages == set(), sorted(found - packages)


def test_console_script_package_is_installed():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    packages = set(project["tool"]["setuptools"]["packages"])
    for target in project["project"]["scripts"].values():
        module = target.split(":")[0]
        assert module.rsplit(".", 1)[0] in packages, f"{target}: {module.rsplit('.', 1)[0]} is not installed"
