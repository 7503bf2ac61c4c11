"""SearchPlacer (issue 24): the optimum a brute force finds, designs ColumnPlacer refuses placed legally
and simulated bit-exact, explore-space points no worse than ColumnPlacer's, and never an illegal result."""
from __future__ import annotations

import copy
import dataclasses
import itertools

import numpy as np
import pytest

import partitioner
import sim
from kernels.mel_tools import framing, kernel
from partitioner import device as devices
from partitioner.check import evaluate, evaluate_options
from partitioner.context import Context
from partitioner.design import Design, Options
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.params import timing as load_params
from partitioner.placement import ColumnPlacer, NoLegalPlacement, finish_placement, place, summary
from partitioner.search_placer import SearchPlacer
from partitioner.strategies import STRATEGIES, build, design_name, make_design, validate
from partitioner.strategies.common import Shape, chain_entries

# npu1 cut to one compute row: a chain of 2 stages is longer than a column (the turn case).
ONE_ROW = dataclasses.replace(devices.load("npu1"), name="npu1", compute_rows=(2,))


def unplaced(options: Options, device: Device | None = None) -> tuple[Design, Context]:
    """The strategy's design for ``options``, not yet placed."""
    ctx = Context.for_options(options, device=device)
    validate(options, ctx.device)
    shape = STRATEGIES[options.strategy](options, ctx.spec, ctx.device)
    return build(options, ctx.spec, ctx.device, shape, design_name(options), ctx.device.shim.wrap_max,
                 ctx.profile), ctx


# ---- the brute force: every placement, its key computed here, checked in key order -------------

def _key(design: Design, device: Device, tiles: dict, shims: dict, mems: dict) -> tuple:
    """The objective of issue 24 for one placement, computed without the placer's code."""
    def at(end: str):
        kind, _, g = end.partition(":")
        return shims[int(g)] if kind == "shim" else mems[int(g)] if kind == "mem" else tiles[end]

    shared = routes = 0
    for f in design.fifos:
        ends = [at(f.producer), *(at(c) for c in f.consumers)]
        if len(f.consumers) == 1 and device.shared_memory_pool(ends[0], ends[1]) is not None:
            shared += 1
        else:
            routes += sum(abs(ends[0][0] - e[0]) + abs(ends[0][1] - e[1]) for e in ends[1:])
    columns = len({t[0] for t in [*tiles.values(), *shims.values(), *mems.values()]})
    dma_ends = sum(1 + len(f.consumers) for f in design.fifos) - 2 * shared
    return columns, -shared, dma_ends, len(set(mems.values())), routes  # mem tiles: distinct ones


def _first_legal(design: Design, device: Device, cands: list[tuple]) -> tuple | None:
    """The key of the first of ``cands`` (key, tiles, shims, mems), in key order, that fits and does not
    hang when ``design`` is placed so (evaluate + hang check); None when none does."""
    for key, tiles, shims, mems in sorted(cands, key=lambda c: c[0]):
        trial = copy.deepcopy(design)
        for w in trial.workers:
            w.tile = tiles[w.name]
        trial.shims, trial.mem_tiles = dict(shims), dict(mems)
        finish_placement(trial, device)
        ev = evaluate(trial, device=device)
        if ev.fits and not check_hangs(ev, locations=False).hangs:
            return key
    return None


def brute_force(design: Design, device: Device) -> tuple | None:
    """The key of the best legal placement: every worker -> tile map, every distinct column per group's
    shim and mem tile, sorted by key, each fully checked (evaluate + hang check) in that order."""
    names = [w.name for w in design.workers]
    groups = sorted(design_groups(design))
    mem_groups = [g for g in groups if any(e == f"mem:{g}" for f in design.fifos for e in [f.producer, *f.consumers])]
    cands = []
    for placed in itertools.permutations(device.compute_tiles, len(names)):
        tiles = dict(zip(names, placed))
        for cols in itertools.permutations(range(device.columns), len(groups)):
            shims = {g: (c, device.shim_row) for g, c in zip(groups, cols)}
            for mcols in itertools.permutations(range(device.columns), len(mem_groups)):
                mems = {g: (c, device.mem_rows[0]) for g, c in zip(mem_groups, mcols)}
                cands.append((_key(design, device, tiles, shims, mems), tiles, shims, mems))
    return _first_legal(design, device, cands)


def design_groups(design: Design) -> set[int]:
    ends = {e for f in design.fifos for e in [f.producer, *f.consumers]}
    return {w.group for w in design.workers} | {int(e.split(":")[1]) for e in ends if e.startswith(("shim:", "mem:"))}


BRUTE = [
    # (options, device, the optimum counted by hand: columns, -shared, DMA ends, mem tiles, routes)
    # pipeline: one column; the stage link shared; shim -> (0,2) 2 hops, (0,3) -> shim 3 hops.
    (Options(strategy="pipeline", tiles=2, batch=20, object_frames=10), "npu1_2col", (1, -1, 4, 0, 5)),
    # hybrid of 2 pipelines in one column: 2 links shared; mem -> heads (0,2), (0,4): 1 + 3 hops,
    # tails (0,3), (0,5) -> mem: 2 + 4, shim <-> mem 1 + 1; DMA ends: 6 FIFOs x 2 = 12.
    (Options(strategy="hybrid", tiles=4, batch=20, object_frames=10), "npu1_2col", (1, -2, 12, 1, 12)),
    # one compute row: the chain turns east, (0,2) -> (1,2), and stays in shared memory (the consumer
    # reaches its west neighbour, AIETargetModel.cpp isLegalMemAffinity); routes 2 + 3.
    (Options(strategy="pipeline", tiles=2, batch=20, object_frames=10), ONE_ROW, (2, -1, 4, 0, 5)),
    # a split over 2 tiles: 1 column, nothing shares (mem tile <-> core), 6 FIFOs x 2 DMA ends;
    # routes: shim -> mem 1, mem -> (0,2), (0,3) 1 + 2, back 1 + 2, mem -> shim 1.
    (Options(strategy="split", tiles=2, batch=20, object_frames=10, depth=1), "npu1_2col", (1, 0, 12, 1, 8)),
    # hybrid 4, batch 40, depth 2: 20 frames per chain. A spectrum tile holding its link's pool needs
    # 2 x 16,000 in + 2 x 16,080 pool + stack 1,024 + static 5,687 > 65,536 B, so the pool must sit on
    # the logmel tile: logmel west of spectrum (only the producer reaches: the pool on the consumer),
    # which takes 2 columns; routes: shim <-> mem 2, mem -> heads in column 1 2 + 3, tails -> mem 1 + 2.
    (Options(strategy="hybrid", tiles=4, batch=40, depth=2), "npu1_2col", (2, -2, 12, 1, 10)),
    # ... and on one column it has no legal placement at all.
    (Options(strategy="hybrid", tiles=4, batch=40, depth=2), "npu1_1col", None),
]


@pytest.mark.parametrize("options,dev,want", BRUTE,
                         ids=["pipeline", "hybrid4", "turn", "split2", "pools-west", "pools-west-1col"])
def test_the_search_finds_the_brute_force_optimum(options, dev, want):
    device = dev if isinstance(dev, Device) else devices.load(dev)
    design, ctx = unplaced(dataclasses.replace(options, device=device.name), device)
    assert brute_force(design, device) == want
    sp = SearchPlacer()
    if want is None:
        with pytest.raises(NoLegalPlacement):
            place(design, device, sp)
        return
    place(design, device, sp)
    assert sp.last.best.key == want and sp.last.routes_proved
    assert evaluate(design, ctx).fits


GRID = list(itertools.product([("pipeline", 2), ("hybrid", 4)], [20, 40, 60], [1, 2], ["npu1_1col", "npu1_2col"]))


@pytest.mark.parametrize("shape,batch,depth,dev", GRID, ids=lambda v: str(v[0] if isinstance(v, tuple) else v))
def test_the_search_agrees_with_the_brute_force_on_a_grid(shape, batch, depth, dev):
    # Every pipeline/hybrid point of a small grid on 1 and 2 columns (8 compute tiles at most): the
    # key of the best legal placement, or no legal placement at all (None), as the brute force finds.
    device = devices.load(dev)
    options = Options(strategy=shape[0], tiles=shape[1], batch=batch, depth=depth, device=dev)
    want = brute_force(unplaced(options, device)[0], device)
    design, _ = unplaced(options, device)
    sp = SearchPlacer()
    try:
        place(design, device, sp)
        got = sp.last.best.key
    except NoLegalPlacement:
        got = None
    assert got == want


# ---- designs ColumnPlacer refuses ---------------------------------------------------------------

@pytest.fixture(scope="module")
def audio():
    rng = np.random.default_rng(24)
    samples = np.clip(rng.normal(0, 5000, 45 * 160 + 240), -32768, 32767).astype(np.int16)
    return samples, kernel.mel_frames(framing.frames(samples))  # the host kernel called directly


def _three_chains_in_one_group() -> tuple[Design, Context]:
    """Three 2-stage pipelines fed by one mem tile: 6 workers in one column group (4 compute rows)."""
    o = Options(strategy="hybrid", tiles=6, batch=30, depth=1)
    ctx = Context.for_options(o)
    shape = Shape(chain_entries(ctx.spec, o.frame_mode, staged=True), groups=1, chains_per_group=3,
                  via_mem_tile=True)
    return build(o, ctx.spec, ctx.device, shape, "three_chains", ctx.device.shim.wrap_max, ctx.profile), ctx


def test_a_group_longer_than_a_column_placed_legally_and_bit_exact(audio):
    design, ctx = _three_chains_in_one_group()
    with pytest.raises(UserError, match="column 0 has 4 compute tiles"):
        place(copy.deepcopy(design), ctx.device, ColumnPlacer())
    sp = SearchPlacer()
    place(design, ctx.device, sp)
    ev = evaluate(design, ctx)
    assert ev.fits and not check_hangs(ev, locations=False).hangs
    # 2 columns; every stage link shared (3 of them); the mem tile feeds the third chain in column 1.
    assert summary(design, ev.lowered.shared) == {"columns": 2, "shared_links": 3, "dma_links": 8}
    got = sim.CallRunner(ev, load_params()).run_audio(audio[0])
    np.testing.assert_array_equal(got, audio[1])


def test_a_chain_longer_than_a_column_turns_in_shared_memory_and_is_bit_exact(audio):
    o = Options(strategy="pipeline", tiles=2, batch=15, object_frames=5)
    ctx = Context.for_options(o, device=ONE_ROW)
    with pytest.raises(UserError, match="column 0 has 1 compute tiles"):
        make_design(o, ctx)
    design = make_design(o, ctx, placer=SearchPlacer())
    assert [w.tile for w in design.workers] == [(0, 2), (1, 2)]  # the turn: east along the row
    ev = evaluate(design, ctx)
    assert ev.fits and ev.lowered.shared == {design.workers[0].outputs[0]}
    got = sim.CallRunner(ev, load_params()).run_audio(audio[0])
    np.testing.assert_array_equal(got, audio[1])


# ---- explore-space points and the depth fallback --------------------------------------------------

POINTS = [
    Options(strategy="single", batch=20, tiles=1, depth=1),
    Options(strategy="split", batch=100, tiles=4, depth=2),
    Options(strategy="split", batch=400, tiles=8, object_frames=10, depth=2),
    Options(strategy="pipeline", batch=100, tiles=2, object_frames=10, depth=2),
    Options(strategy="hybrid", batch=100, tiles=4, object_frames=10, depth=2),
    Options(strategy="hybrid", batch=100, tiles=8, depth=1),
    Options(strategy="split", batch=400, tiles=16, object_frames=5, frame_mode="streamed", depth=1),
]


@pytest.mark.parametrize("options", POINTS, ids=lambda o: design_name(o))
def test_every_point_that_fits_by_column_fits_by_search_no_worse(options):
    col = evaluate_options(options, suggest=False)
    assert col.fits
    srch = evaluate_options(options, suggest=False, placer=SearchPlacer())
    assert srch.fits and not check_hangs(srch, locations=False).hangs
    a, b = summary(col.design, col.lowered.shared), summary(srch.design, srch.lowered.shared)
    assert b["columns"] <= a["columns"] and b["dma_links"] <= a["dma_links"]


def test_double_buffering_fits_with_pools_on_the_consumers():
    # hybrid 8, batch 100, depth 2: the column rule puts each stage link's pool on the producer
    # (spectrum) and its tile overflows; the search puts the logmel stage west of its spectrum stage,
    # so the one pool sits on the consumer (device.shared_memory_pool) and double buffering fits.
    o = Options(strategy="hybrid", batch=100, tiles=8, depth=2)
    assert not evaluate_options(o, suggest=False).fits
    ev = evaluate_options(o, suggest=False, placer=SearchPlacer())
    assert ev.fits and ev.design.depth == 2
    logmel = [w for w in ev.design.workers if w.stage == 1]
    assert len(logmel) == 4  # 8 tiles: 4 chains of a spectrum and a logmel stage
    for w in logmel:
        producer = next(x for x in ev.design.workers if x.outputs == w.inputs)
        assert ev.device.shared_memory_pool(producer.tile, w.tile) == w.tile


def test_no_legal_placement_raises_one_line():
    # one tile, 100 frames double-buffered: stack 1,024 + static data 5,687 (kernel.toml [measured])
    # + 2 x 80,000 in + 2 x 16,000 out + 2 x 4 B of dynamic FIFO state = 198,719 B on any tile.
    design, ctx = unplaced(Options(strategy="single", batch=100, tiles=1, depth=2))
    with pytest.raises(NoLegalPlacement) as err:
        place(design, ctx.device, SearchPlacer())
    assert "\n" not in str(err.value) and "needs 198,719 B of 65,536 B" in str(err.value)


def test_a_lowering_that_fails_is_searched_past_until_none_is_left():
    # hybrid 6, batch 99, depth 2: 33 frames per chain. Each tile's own buffers fit (spectrum: 2 x 26,400
    # in + stack 1,024 + static 5,687 = 59,511 B), but the link's pool (2 x 26,532 B) fits on neither
    # tile (logmel: 2 x 5,280 out + 1,024 + 5,687 + 53,064 = 70,335 B), and by DMA both tiles hold an
    # end: no lowering of a stage link fits, which the search proves from the lowerings it checked.
    design, ctx = unplaced(Options(strategy="hybrid", batch=99, tiles=6, depth=2))
    with pytest.raises(NoLegalPlacement, match="whether its pool sits on the producer, on the consumer or "
                                               "both ends go by DMA"):
        place(design, ctx.device, SearchPlacer())


def test_partition_falls_back_to_depth_1_when_depth_2_has_no_legal_placement():
    ev = partitioner.partition(strategy="split", batch=100, tiles=2, placer=SearchPlacer())
    col = partitioner.partition(strategy="split", batch=100, tiles=2)
    assert ev.fits and ev.design.depth == col.design.depth == 1
    assert [w.tile for w in ev.design.workers] == [w.tile for w in col.design.workers]


def test_a_design_column_placer_refuses_emits_and_reads_back(tmp_path):
    design, ctx = _three_chains_in_one_group()
    place(design, ctx.device, SearchPlacer())
    out = partitioner.emit(evaluate(design, ctx), tmp_path / "three_chains")
    back = partitioner.read(out)
    assert back.fits and sorted(w.tile for w in back.design.workers) == sorted(w.tile for w in design.workers)
    assert check_hangs(out).hangs == []


def test_a_pipeline_turns_west_on_npu1_2col_where_the_column_rule_does_not_fit(audio):
    # pipeline, batch 20, depth 2, one object of 20 frames: down the column (ColumnPlacer) the stage
    # link's pool sits on the spectrum tile: 2 x 16,000 in + 2 x 16,080 pool + stack 1,024 + static
    # 5,687 > 65,536 B. The search puts logmel west of spectrum, so the pool goes on logmel's tile.
    o = Options(strategy="pipeline", tiles=2, batch=20, depth=2, device="npu1_2col")
    assert not evaluate_options(o, suggest=False).fits
    ev = evaluate_options(o, suggest=False, placer=SearchPlacer())
    assert ev.fits and [w.tile for w in ev.design.workers] == [(1, 2), (0, 2)]
    assert ev.device.shared_memory_pool((1, 2), (0, 2)) == (0, 2)
    got = sim.CallRunner(ev, load_params()).run_audio(audio[0])
    np.testing.assert_array_equal(got, audio[1])


# ---- column groups sharing a shim and a mem tile (fewer columns than groups) ------------------------

def _groups_of_one(groups: int) -> tuple[Design, Context]:
    """A split over ``groups`` tiles built with one column group per tile (a Shape no strategy makes: the
    strategies pack groups into as few columns as hold their chains), each group its own mem tile."""
    o = Options(strategy="split", tiles=groups, batch=10 * groups, depth=1)
    ctx = Context.for_options(o)
    shape = Shape(chain_entries(ctx.spec, o.frame_mode, staged=False), groups=groups, chains_per_group=1,
                  via_mem_tile=True)
    return build(o, ctx.spec, ctx.device, shape, f"groups_of_one_{groups}", ctx.device.shim.wrap_max,
                 ctx.profile), ctx


def brute_force_shared(design: Design, device: Device) -> tuple | None:
    """The key of the best legal placement when groups may share: every worker -> tile map and every
    assignment of the groups to columns (several groups in one column share its shim and its mem tile, as
    the search places them), sorted by key, each fully checked (evaluate + hang check) in that order."""
    names = [w.name for w in design.workers]
    groups = sorted(design_groups(design))
    cands = []
    for placed in itertools.permutations(device.compute_tiles, len(names)):
        tiles = dict(zip(names, placed))
        for cols in itertools.product(range(device.columns), repeat=len(groups)):
            shims = {g: (c, device.shim_row) for g, c in zip(groups, cols)}
            mems = {g: (c, device.mem_rows[0]) for g, c in zip(groups, cols)}
            cands.append((_key(design, device, tiles, shims, mems), tiles, shims, mems))
    return _first_legal(design, device, cands)


SHARED = [
    # 2 groups, 1 column: both share shim (0,0) and mem tile (0,1). 8 FIFOs (per group: shim -> mem,
    # mem -> core, core -> mem, mem -> shim), none shared: 16 DMA ends; routes 1 + 1 per group between
    # shim and mem, mem <-> (0,2) 1 + 1, mem <-> (0,3) 2 + 2: 10.
    (2, "npu1_2col", (1, 0, 16, 1, 10)),
    # 3 groups cannot share one shim: 3 MM2S needed, 2 available (device.py shim: 2 + 2 channels); on one
    # column nothing is legal ...
    (3, "npu1_1col", None),
    # ... on two, two groups share column 0's shim and mem tile: 12 FIFOs, 24 DMA ends, 2 mem tiles; routes
    # 3 x 2 shim <-> mem, and mem <-> core 2 x 1 for (0,2) and (1,2), 2 x 2 for (0,3): 14.
    (3, "npu1_2col", (2, 0, 24, 2, 14)),
]


@pytest.mark.parametrize("groups,dev,want", SHARED, ids=["2-in-1col", "3-in-1col", "3-in-2col"])
def test_groups_share_shims_and_mem_tiles_as_the_brute_force_finds(groups, dev, want):
    device = devices.load(dev)
    design, _ = _groups_of_one(groups)
    assert brute_force_shared(design, device) == want
    sp = SearchPlacer()
    if want is None:
        with pytest.raises(NoLegalPlacement, match=r"3 MM2S needed, 2 available"):
            place(design, device, sp)
        return
    place(design, device, sp)
    assert sp.last.best.key == want and sp.last.routes_proved


def test_two_groups_on_one_shim_use_fewer_columns_emit_and_simulate_bit_exact(tmp_path):
    design, ctx = _groups_of_one(2)
    col = place(copy.deepcopy(design), ctx.device, ColumnPlacer())
    col_ev = evaluate(col, ctx)
    assert col_ev.fits and summary(col, col_ev.lowered.shared)["columns"] == 2
    place(design, ctx.device, SearchPlacer())
    ev = evaluate(design, ctx)
    assert ev.fits and not check_hangs(ev, locations=False).hangs
    assert summary(design, ev.lowered.shared) == {"columns": 1, "shared_links": 0, "dma_links": 8}
    assert design.shims == {0: (0, 0), 1: (0, 0)} and design.mem_tiles == {0: (0, 1), 1: (0, 1)}
    shim = next(t for t in ev.tiles if t.tile == (0, 0))
    assert (shim.dma_out, shim.dma_in) == (2, 2)  # in0, in1 MM2S; out0, out1 S2MM: the shim's 2 + 2
    assert sorted(t.bd_id for t in design.sequence.transfers) == [0, 1, 2, 3]  # one id each on the one shim
    out = partitioner.emit(ev, tmp_path / "two_groups")
    back = partitioner.read(out)
    assert back.fits and back.design.shims == {0: (0, 0)}  # read back: the reader's groups are columns
    assert check_hangs(out).hangs == []
    assert sim.simulate(out).bit_exact


# ---- explore: placement as a dimension --------------------------------------------------------------

def test_explore_records_the_placement_summary_per_placer():
    from reports import explore as ex

    o = Options(strategy="pipeline", batch=20, tiles=2, depth=2, device="npu1_2col")
    col, srch = ex.evaluate_point(o), ex.evaluate_point(o, placer="search")
    assert col["id"] == ex.point_id(o) != srch["id"] == ex.point_id(o, placer="search")
    # down the column the stage link's pool overflows the spectrum tile (see the test above); the search
    # turns west: one column of workers (1,2) -> (0,2) plus the shim, the link in shared memory
    assert not col["fits"] and col["placer"] == "column"
    ev = evaluate_options(o, suggest=False, placer=SearchPlacer())
    assert srch["fits"] and {k: srch[k] for k in ("columns", "shared_links", "dma_links")} == \
        summary(ev.design, ev.lowered.shared) == {"columns": 2, "shared_links": 1, "dma_links": 2}
    assert ex.command(srch).endswith("--placer search --overwrite --out designs/" + srch["design"] + "_search")
    space = ex.Space(batches=(20,), strategies=("pipeline",), tiles=(2,), placers=("column", "search"))
    assert space.placed_points() == [(p, q) for p in space.points() for q in ("column", "search")]
    with pytest.raises(UserError, match="unknown placer 'diagonal'"):
        ex.Space(placers=("diagonal",)).check()


def test_explore_placer_both_compares_the_placers(cli, tmp_path):
    import json

    out = tmp_path / "rep"
    r = cli("explore", "--out", str(out), "--cache", str(tmp_path / "c.sqlite"), "--placer", "both",
            "--strategy", "pipeline", "--tiles", "2", "--frame-mode", "framed", "--no-simulate", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    points = json.loads((out / "points.json").read_text())["points"]
    by = {}
    for p in points:
        by.setdefault(p["placer"], []).append(p)
    assert len(by["column"]) == len(by["search"]) == len(points) // 2
    fit_col = sum(p["fits"] for p in by["column"])
    assert f"{fit_col:,} fit with the column placer" in r.stdout
    md = (out / "report.md").read_text()
    assert "## Placement of the linked designs" in md and "placement (search)" not in md
    assert fit_col > 0 and any(p["fits"] for p in by["search"])
    for p in points:
        if p["fits"]:
            assert p["columns"] >= 1 and p["shared_links"] + p["dma_links"] > 0
