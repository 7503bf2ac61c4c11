"""``SearchPlacer``: placement as an exact search, checked by the full legality check.

The design is a networkx graph (:meth:`partitioner.design.Design.dataflow`: workers, shims and mem
tiles, one edge per FIFO consumer), the device another (:attr:`partitioner.device.Device.graph`:
tiles with their resources, ``reach`` edges of memory affinity). A placement puts every worker on
its own compute tile and every column group's shim and mem tile in one column: a column of its own
when there are at least as many columns as groups, else groups share a column's shim and mem tile
(a shim has 2 MM2S + 2 S2MM channels, a mem tile 6 + 6, partitioner/device.py: the full check says
whether the shared tile's channels, BDs and locks hold the groups' FIFOs).

Objective, lexicographic (smaller is better):

1. **legal**: the placed design passes the full check: :func:`partitioner.check.evaluate`
   (allocation, DMA channels, BDs, locks, stack, shim transfers) fits and
   :func:`partitioner.hangs.check` finds no hang. A placement that fails is never returned;
2. **fewest columns** used (shims, mem tiles and compute tiles);
3. **most FIFOs through shared memory** (worker-to-worker FIFOs whose two tiles share memory,
   :meth:`partitioner.device.Device.shared_memory_pool`, the one affinity rule of npu-tiler: on
   AIE2 a core reaches its own memory and its west, north and south neighbours', never a mem
   tile's, AIETargetModel.cpp isLegalMemAffinity, so any two neighbouring compute tiles share and a
   chain can turn a corner; every other FIFO goes through DMA);
4. **fewest DMA channels, then mem tiles**: a DMA FIFO takes one channel per end, so for a design
   the channels follow from term 3; with as many columns as groups each group keeps its own mem tile,
   with fewer the layout that shares the most (the fewest distinct mem tiles) wins;
5. **shortest routes**: the sum of the Manhattan distances between the two tiles of every DMA
   connection (the stream switch hops of a flow routed along the array).

How it is exact. Let sigma give each worker-to-worker FIFO its lowering: DMA, or shared with the
pool on the producer or on the consumer (what ``shared_memory_pool`` decides from the two tiles).
The full check's verdict depends on sigma alone: its per-tile figures depend only on which FIFO
ends and pools each tile hosts, and the tiles of one kind are identical (the hang check reads the
same IR up to tile coordinates; assumed, not proved, for the hang check). So, for each column count
C from the smallest possible up, and each sigma in objective order (most shared first), the search
looks for the realization of sigma in columns 0..C-1 with the shortest routes (branch and bound,
workers chain by chain; constraints from ``shared_memory_pool``: a shared link's tiles must give
that pool, a DMA link's tiles must share no memory, else mlir-aie would lower it to shared memory).
Below the group count, every layout of the groups over the columns (:func:`_layouts`) is searched
apart, since which groups share a shim or mem tile changes the verdict. Each (sigma, layout) is
first screened with evaluate on any one realization (its verdict is cached); one that
passes gets the route search, and that realization the full check with the hang check. The first
one that passes is optimal. What the checks show of each tile's memory (:class:`_Ledger`: the bytes
a worker's tile holds whatever the lowering, and those each lowering of a link adds) skips a sigma
one of whose links is seen to overflow a tile, and proves early that nothing fits. The route
search's bound is the cheapest assignment of the remaining workers to free tiles, each next to
where its shared links' partners are or can go (scipy's linear_sum_assignment).

Symmetries broken: column translation (only columns 0..C-1 are searched; C columns with a gap
between them could only lose shared links and lengthen routes, not proved to never make a design
legal); interchangeable chains (a group's, with the same frames): their lowerings are taken in
sorted order, and of two with the same lowering the later head goes on a later tile. A group's mem
tile sits on the first mem row of its column, its shim in that column (or the nearest NOC column).
Not searched: groups sharing a shim or mem tile when each could have its own column (sharing then
only saves a mem tile, never a column); a group's shim and mem tile in different columns; mem tiles
sharing memory (device.py does not model it). The strategies' designs need no sharing when a chain's
stages divide the compute rows (the mel kernel's 2 stages, npu1's 4 rows): they pack chains into
ceil(workers / compute rows) groups, the fewest columns any placement can use (``python
benchmarks/bench_placement.py --explore`` counts it), so sharing saves columns only for designs with
more groups (chains of 3 stages on 4 rows, or built by hand: tests/test_search_placer.py,
``_groups_of_one``). A design read back from its aie.mlir gets one group per shim column
(partitioner/mlir/read.py).

Limits: the route search stops after :data:`NODE_LIMIT` nodes (``routes_proved`` False, the routes
then the best found) and the sigma search after :data:`CHECK_LIMIT` checks or :data:`TIME_LIMIT`
seconds (the :class:`~partitioner.placement.NoLegalPlacement` then says "not proved"). The search runs in
``place``, before the design's own check: a design with no legal placement raises instead of
returning one that does not fit (:func:`partitioner.partition` then falls back to depth 1).
"""
from __future__ import annotations

import copy
import itertools
import time
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from partitioner.check import Evaluation, evaluate
from partitioner.design import Coord, Design, named_tile
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.lowering import needs_dma
from partitioner.placement import PLACERS, ColumnPlacer, NoLegalPlacement, Placer, finish_placement

NODE_LIMIT = 200_000  # branch-and-bound nodes per (columns, sigma) before the routes count as not proved
CHECK_LIMIT = 2_000  # checks (evaluate, + hang check for a candidate) before the search gives up, not proved
TIME_LIMIT = 10.0  # seconds before the search gives up, not proved
SIDES = ("producer", "consumer")  # where a shared link's one pool sits
INFEASIBLE = 1 << 40  # a route cost no placement reaches: the bound of a branch that cannot be completed


@dataclass(frozen=True)
class Candidate:
    """One placement: worker -> tile, group -> shim and mem tile, and its objective terms."""

    workers: dict[str, Coord]
    shims: dict[int, Coord]
    mem_tiles: dict[int, Coord]
    columns: int
    shared: int
    dma_ends: int
    routes: int

    @property
    def key(self) -> tuple[int, int, int, int, int]:
        """The objective, lexicographic, smaller better: columns, -shared, DMA ends, mem tiles, routes."""
        return self.columns, -self.shared, self.dma_ends, len(set(self.mem_tiles.values())), self.routes


@dataclass
class SearchResult:
    """What the last search did: the placement, the work, and whether the routes term is proved minimal."""

    best: Candidate
    checks: int  # full checks run
    sigmas: int  # link lowerings tried
    nodes: int  # branch-and-bound nodes
    routes_proved: bool
    seconds: float
    rejected: list[str] = field(default_factory=list)  # first reason of each sigma that failed the check


@dataclass
class _Problem:
    """The design as the search sees it: workers in order, links, and each worker's DMA partners."""

    design: Design
    device: Device
    workers: list[str]
    links: list[tuple[int, int]]  # (producer worker index, consumer worker index): FIFOs that may share memory
    link_fifos: list[str]  # the FIFO of each link
    conns: list[list[tuple[str | int, int | None]]]  # per worker: (earlier worker index or endpoint, link index)
    groups: list[int]
    mem_groups: set[int]
    chain_heads: dict[int, int | None]  # worker index of a chain head -> the previous equal chain's head
    chain_links: dict[int, tuple[int, ...]]  # worker index of a chain head -> the links inside its chain
    alike: list[list[tuple[int, ...]]]  # interchangeable chains (a group's, same frames): their links, in order
    anchor_conns: list[tuple[str, str]]  # connections between two non-worker endpoints (shim -> mem)


def _problem(design: Design, device: Device) -> _Problem:
    ws = sorted(design.workers, key=lambda w: (w.group, w.chain, w.stage))
    index = {w.name: i for i, w in enumerate(ws)}
    links: list[tuple[int, int]] = []
    link_fifos: list[str] = []
    conns: list[list[tuple[str | int, int | None]]] = [[] for _ in ws]
    anchor_conns = []
    flow = design.dataflow()  # networkx MultiDiGraph: producer -> consumer per FIFO consumer
    for prod, cons, fifo_name in flow.edges(keys=True):
        f = design.fifo(fifo_name)
        p, c = index.get(prod), index.get(cons)
        if p is not None and c is not None:
            link = None
            if not needs_dma(f):
                link = len(links)
                links.append((p, c))
                link_fifos.append(fifo_name)
            first, last = sorted((p, c))
            conns[last].append((first, link))
        elif p is not None or c is not None:
            conns[p if p is not None else c].append((cons if p is not None else prod, None))
        else:
            anchor_conns.append((prod, cons))
    mem_groups = {int(e.split(":")[1]) for e in flow.nodes if str(e).startswith("mem:")}
    groups = sorted({w.group for w in ws} | {int(e.split(":")[1]) for e in flow.nodes
                                                if str(e).startswith(("mem:", "shim:"))})
    heads: dict[int, int | None] = {}
    chains: dict[tuple[int, int], list[int]] = {}
    for i, w in enumerate(ws):
        chains.setdefault((w.group, w.chain), []).append(i)
    prev: dict[int, tuple] = {}
    for (g, _), members in chains.items():
        heads[members[0]] = None
        sig = tuple(ws[i].frames_per_call for i in members)
        if g in prev and prev[g][0] == sig:
            heads[members[0]] = prev[g][1]
        prev[g] = (sig, members[0])
    inside = {h: tuple(k for k, (p, c) in enumerate(links) if p in members and c in members)
              for members in chains.values() for h in members[:1]}
    alike: dict[tuple, list[tuple[int, ...]]] = {}
    for (g, _), members in chains.items():
        alike.setdefault((g, tuple(ws[i].frames_per_call for i in members)), []).append(inside[members[0]])
    return _Problem(design, device, [w.name for w in ws], links, link_fifos, conns, groups, mem_groups, heads, inside,
                    [c for c in alike.values() if len(c) > 1], anchor_conns)


def _canonical(sigma: tuple[str, ...], alike: list[list[tuple[int, ...]]]) -> bool:
    """Whether sigma is the representative of its class: interchangeable chains (the same group and
    frames; swapping two renames workers and moves their slices of the mem tile's link, which no check
    counts) take their lowerings in non-decreasing order, so each class is searched once."""
    rank = {side: k for k, side in enumerate(("producer", "consumer", "dma"))}
    for chains in alike:
        patterns = [tuple(rank[sigma[k]] for k in links) for links in chains]
        if patterns != sorted(patterns):
            return False
    return True


def _sigmas(n_links: int):
    """Every lowering of the links in objective order: fewest DMA links first, then pools on producers."""
    for n_dma in range(n_links + 1):
        for dma in itertools.combinations(range(n_links), n_dma):
            rest = [i for i in range(n_links) if i not in dma]
            for n_cons in range(len(rest) + 1):
                for cons in itertools.combinations(rest, n_cons):
                    yield tuple("dma" if i in dma else "consumer" if i in cons else "producer"
                                for i in range(n_links))


def _dist(a: Coord, b: Coord) -> int:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


class _Realizer:
    """Branch and bound: the realization of one sigma in columns 0..C-1 with the shortest routes."""

    def __init__(self, pb: _Problem, columns: int, sigma: tuple[str, ...], node_limit: int,
                 first_only: bool = False, deadline: float = float("inf"), layout: tuple[int, ...] | None = None):
        self.pb, self.sigma, self.node_limit, self.first_only = pb, sigma, node_limit, first_only
        self.layout = layout  # each group's column, fixed (groups sharing shims and mem tiles); None: searched
        self.deadline = deadline  # time.perf_counter() after which the search stops (not proved)
        dev = pb.device
        self.tiles = [t for t in dev.compute_tiles if t[0] < columns]
        self.columns = columns
        self.best: tuple[int, dict, dict] | None = None
        self.nodes = 0
        self.proved = True
        self.noc = [c for c in range(columns) if dev.is_shim_noc((c, dev.shim_row))]
        # Two chains of a group with the same frames and the same lowering of their links are
        # interchangeable: the later one's head goes on a later tile (column, then row).
        pattern = {h: tuple(sigma[k] for k in ks) for h, ks in pb.chain_links.items()}
        self.after = {h: prev for h, prev in pb.chain_heads.items()
                      if prev is not None and pattern[h] == pattern[prev]}
        self._partners(sigma)

    def _partners(self, sigma: tuple[str, ...]) -> None:
        """For every shared link, which tile pairs give its lowering (``shared_memory_pool``), as 0/1
        matrices (producer tile x consumer tile), and each worker's shared links: what the
        feasibility test of :meth:`_bound` asks."""
        dev, n = self.pb.device, len(self.tiles)
        by_side = {side: np.zeros((n, n), dtype=bool) for side in SIDES}
        for a, t in enumerate(self.tiles):
            for b, q in enumerate(self.tiles):
                pool = dev.shared_memory_pool(t, q) if a != b else None
                if pool is not None:
                    by_side["producer" if pool == t else "consumer"][a, b] = True
        self.index = {t: a for a, t in enumerate(self.tiles)}
        # worker -> [(matrix with this worker's tile as rows, partner worker)]
        self.constraints: list[list[tuple[np.ndarray, int]]] = [[] for _ in self.pb.workers]
        for k, (p, c) in enumerate(self.pb.links):
            if sigma[k] != "dma":
                m = by_side[sigma[k]]
                self.constraints[p].append((m, c))
                self.constraints[c].append((m.T, p))
        self.constrained = np.array([bool(c) for c in self.constraints])

    def anchors(self, cols: dict[int, int]) -> dict[str, Coord]:
        dev = self.pb.device
        out: dict[str, Coord] = {}
        for g, c in cols.items():
            shim_col = min(self.noc, key=lambda n: (abs(n - c), n)) if self.noc else c
            out[f"shim:{g}"] = (shim_col, dev.shim_row)
            if g in self.pb.mem_groups:
                out[f"mem:{g}"] = (c, dev.mem_rows[0])
        return out

    def run(self) -> tuple[int, dict, dict] | None:
        """The realization with the shortest routes (with ``first_only``, the first one found), or None."""
        pb = self.pb
        if len(pb.workers) > len(self.tiles):
            return None
        # A fixed layout (fewer columns than groups: groups share shims and mem tiles, _layouts); else each
        # group has a column of its own and no two groups share a shim or mem tile.
        share = self.layout is not None
        assignments = [self.layout] if share else itertools.permutations(range(self.columns), len(pb.groups))
        starts = []  # (lower bound, anchor routes, anchors, cost matrix) per placement of the groups' columns
        for perm in assignments:
            anchors = self.anchors(dict(zip(pb.groups, perm)))
            if not share and len(set(anchors.values())) != len(anchors):
                continue  # two groups on one shim while each could have its own: not searched
            base = sum(_dist(self._at(a, anchors, {}), self._at(b, anchors, {})) for a, b in pb.anchor_conns)
            self.cost = self._costs(anchors)
            starts.append((base + self._bound(0, {}), base, anchors, self.cost))
        starts.sort(key=lambda s: s[0])
        # No realization costs less than the smallest bound: one that reaches it ends the search.
        self.floor = starts[0][0] if starts else INFEASIBLE
        for bound, base, anchors, cost in starts:
            if bound >= INFEASIBLE or (self.best is not None and bound >= self.best[0]):
                break
            self.cost = cost
            self._dfs(0, {}, base, anchors)
            if self.best is not None and (self.first_only or self.best[0] <= self.floor):
                break
            if self.nodes > self.node_limit:
                self.proved = False
                break
        return self.best

    def _at(self, end, anchors: dict[str, Coord], placed: dict[int, Coord]) -> Coord:
        if isinstance(end, int):
            return placed[end]
        named = named_tile(end)
        return named if named is not None else anchors[end]

    def _step(self, i: int, tile: Coord, placed: dict[int, Coord], anchors: dict[str, Coord]) -> int | None:
        """Route cost of putting worker ``i`` on ``tile``, or None when sigma forbids it."""
        dev = self.pb.device
        cost = 0
        for other, link in self.pb.conns[i]:
            there = self._at(other, anchors, placed)
            if link is not None:
                p, c = self.pb.links[link]
                prod, cons = (placed[p], tile) if p == other else (tile, placed[c])
                pool = dev.shared_memory_pool(prod, cons)
                side = self.sigma[link]
                if side == "dma":
                    if pool is not None:
                        return None
                elif pool is None or pool != (prod if side == "producer" else cons):
                    return None
                else:
                    continue
            cost += _dist(tile, there)
        return cost

    def _costs(self, anchors: dict[str, Coord]) -> np.ndarray:
        """Route cost of each worker on each tile to its fixed endpoints (shims, mem tiles): workers x tiles."""
        out = np.zeros((len(self.pb.workers), len(self.tiles)), dtype=np.int64)
        for i, conns in enumerate(self.pb.conns):
            ends = [self._at(o, anchors, {}) for o, _ in conns if not isinstance(o, int)]
            for k, t in enumerate(self.tiles):
                out[i, k] = sum(_dist(t, e) for e in ends)
        return out

    def _bound(self, i: int, placed: dict[int, Coord]) -> int:
        """A lower bound on the routes of workers i.. to the fixed endpoints: the cheapest assignment
        of them to distinct free tiles (scipy's linear_sum_assignment), links to other workers taken as
        free; :data:`INFEASIBLE` when no assignment gives each worker a tile next to where its shared
        links' partners are or can still go (a free tile, or the placed partner's)."""
        taken = set(placed.values())
        free = [k for k, t in enumerate(self.tiles) if t not in taken]
        rest = len(self.pb.workers) - i
        if rest > len(free):
            return INFEASIBLE
        mask = np.zeros(len(self.tiles), dtype=bool)
        mask[free] = True
        sub = self.cost[i:][:, free]
        if self.constrained[i:].any():
            sub = sub.copy()
            for j in np.flatnonzero(self.constrained[i:]) + i:
                ok = mask.copy()
                for m, partner in self.constraints[j]:
                    there = placed.get(partner)
                    ok &= m[:, self.index[there]] if there is not None else (m & mask).any(axis=1)
                sub[j - i, ~ok[free]] = INFEASIBLE
        rows, cols = linear_sum_assignment(sub)
        return int(min(sub[rows, cols].sum(), INFEASIBLE))

    def _dfs(self, i: int, placed: dict[int, Coord], cost: int, anchors: dict[str, Coord]) -> None:
        self.nodes += 1
        if self.nodes % 256 == 0 and time.perf_counter() > self.deadline:
            self.node_limit = self.nodes - 1  # out of time: stop as at the node limit
        if self.nodes > self.node_limit or (self.best is not None and (self.first_only or self.best[0] <= self.floor)):
            return
        pb = self.pb
        if i == len(pb.workers):
            if self.best is None or cost < self.best[0]:
                self.best = (cost, dict(placed), dict(anchors))
            return
        bound = self._bound(i, placed)
        if bound >= INFEASIBLE or (self.best is not None and cost + bound >= self.best[0]):
            return
        after = self.after.get(i)
        options = []
        for t in self.tiles:
            if t in placed.values() or (after is not None and t <= placed[after]):
                continue
            step = self._step(i, t, placed, anchors)
            if step is not None:
                options.append((step, t))
        for step, t in sorted(options):
            placed[i] = t
            self._dfs(i + 1, placed, cost + step, anchors)
            del placed[i]


def placer_named(name: str) -> Placer:
    """The placer ``--placer NAME`` names: ``column`` (:class:`~partitioner.placement.ColumnPlacer`)
    or ``search`` (:class:`SearchPlacer`).

    Examples
    --------
    >>> from partitioner.search_placer import placer_named
    >>> type(placer_named("column")).__name__, type(placer_named("search")).__name__
    ('ColumnPlacer', 'SearchPlacer')
    >>> placer_named("diagonal")
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: unknown placer 'diagonal'; choose one of column, search
    """
    if name == "column":
        return ColumnPlacer()
    if name == "search":
        return SearchPlacer()
    raise UserError(f"unknown placer {name!r}; choose one of {', '.join(PLACERS)}")


class SearchPlacer:
    """The :class:`~partitioner.placement.Placer` that searches (module docstring: objective, exactness).

    ``last`` holds the :class:`SearchResult` of the last design placed.

    Examples
    --------
    >>> from partitioner.design import Options
    >>> from partitioner.search_placer import SearchPlacer
    >>> from partitioner.strategies import make_design
    >>> d = make_design(Options(strategy="pipeline", tiles=2, object_frames=10), placer=SearchPlacer())
    >>> [w.tile for w in d.workers], d.shims
    ([(0, 2), (0, 3)], {0: (0, 0)})
    """

    def __init__(self, node_limit: int = NODE_LIMIT, check_limit: int = CHECK_LIMIT,
                 time_limit: float = TIME_LIMIT):
        self.node_limit, self.check_limit, self.time_limit = node_limit, check_limit, time_limit
        self.last: SearchResult | None = None

    def place_tiles(self, design: Design, device: Device) -> None:
        """Put ``design`` on the legal placement that is best in the objective order (module docstring).

        Raises
        ------
        NoLegalPlacement
            No placement passes the full check (or none did within ``check_limit`` checks).
        """
        result = self.search(design, device)
        _apply(design, result.best)
        self.last = result

    def search(self, design: Design, device: Device) -> SearchResult:
        """The best legal placement of ``design`` on ``device`` and what finding it took; ``design`` is not changed."""
        start = time.perf_counter()
        pb = _problem(design, device)
        rows = len(device.compute_rows)
        least = max(-(-len(pb.workers) // rows), 1)  # below the group count, groups share shims and mem tiles
        verdict: dict[tuple[tuple[str, ...], tuple[int, ...] | None], bool] = {}  # (sigma, layout) -> passes
        checks = sigmas = nodes = 0
        cut = False
        ledger = _Ledger()
        rejected: list[str] = []
        for columns in range(least, device.columns + 1):
            layouts = _layouts(columns, pb)
            for sigma in _sigmas(len(pb.links)):
                if not _canonical(sigma, pb.alike) or ledger.rules_out(sigma, pb):
                    continue
                passed: list[tuple[Candidate, bool]] = []
                for layout in layouts:
                    key = (sigma, layout)
                    if verdict.get(key) is False:
                        continue
                    if time.perf_counter() - start > self.time_limit or checks >= self.check_limit:
                        raise NoLegalPlacement(
                            f"{design.name}: no legal placement found in {checks} checks, "
                            f"{time.perf_counter() - start:.1f} s (search stopped, not proved that none exists; "
                            f"first reason: {rejected[0] if rejected else 'none checked'}): "
                            f"use fewer tiles, depth 1 or a smaller --object-frames")
                    sigmas += 1
                    if key not in verdict:
                        # Screen the lowering on any one realization (evaluate's verdict depends on sigma and
                        # on which groups share a shim or mem tile alone) before spending the route search on it.
                        probe = _Realizer(pb, columns, sigma, self.node_limit, first_only=True,
                                          deadline=start + self.time_limit, layout=layout)
                        found = probe.run()
                        nodes += probe.nodes
                        if found is None:
                            cut = cut or not probe.proved  # stopped before it knew whether sigma fits
                            continue  # sigma does not fit in this many columns
                        checks += 1
                        why = _illegal(design, device, _candidate(pb, found), hangs=False, pb=pb, ledger=ledger)
                        if why is not None:
                            verdict[key] = False
                            rejected.append(why)
                            continue
                    realizer = _Realizer(pb, columns, sigma, self.node_limit, deadline=start + self.time_limit,
                                         layout=layout)
                    found = realizer.run()
                    nodes += realizer.nodes
                    if found is None:
                        continue
                    cand = _candidate(pb, found)
                    checks += 1
                    why = _illegal(design, device, cand, pb=pb, ledger=ledger)
                    verdict[key] = why is None
                    if why is None:
                        passed.append((cand, realizer.proved))
                    else:
                        rejected.append(why)
                if passed:  # the same links shared whatever the layout: the fewest mem tiles, then routes
                    best, proved = min(passed, key=lambda cp: cp[0].key)
                    return SearchResult(best, checks, sigmas, nodes, proved, time.perf_counter() - start, rejected)
        first = rejected[0] if rejected else f"{len(pb.workers)} workers do not fit {device.name}'s compute tiles"
        unsure = " found (the search of some lowerings stopped at its node limit: not proved)" if cut else ""
        raise NoLegalPlacement(f"{design.name}: no placement on {device.name} passes the check{unsure} ({first}): "
                               f"use fewer tiles, depth 1, a smaller --object-frames or a larger device")


def _layouts(columns: int, pb: _Problem) -> list[tuple[int, ...] | None]:
    """The group layouts searched in ``columns`` columns: ``[None]`` (each group in a column of its own, the
    realizer tries every assignment) when there are as many columns as groups; with fewer, every assignment
    of the groups to the columns, groups in one column sharing its shim and mem tile, each checked apart
    (the check's verdict depends on which groups share).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> _layouts(2, SimpleNamespace(groups=[0, 1])), _layouts(1, SimpleNamespace(groups=[0, 1]))
    ([None], [(0, 0)])
    >>> len(_layouts(2, SimpleNamespace(groups=[0, 1, 2])))
    8
    """
    if columns >= len(pb.groups):
        return [None]
    return list(itertools.product(range(columns), repeat=len(pb.groups)))


def _candidate(pb: _Problem, found: tuple[int, dict, dict]) -> Candidate:
    routes, placed, anchors = found
    workers = {pb.workers[i]: t for i, t in placed.items()}
    shims = {g: anchors[f"shim:{g}"] for g in pb.groups}
    mems = {g: anchors[f"mem:{g}"] for g in pb.groups if g in pb.mem_groups}
    used = {t[0] for t in [*workers.values(), *shims.values(), *mems.values()]}
    shared = sum(1 for p, c in pb.links if pb.device.shared_memory_pool(placed[p], placed[c]) is not None)
    ends = sum(1 + len(f.consumers) for f in pb.design.fifos) - 2 * shared
    return Candidate(workers, shims, mems, len(used), shared, ends, routes)


def _apply(design: Design, cand: Candidate) -> None:
    for w in design.workers:
        w.tile = cand.workers[w.name]
    design.shims.clear()
    design.shims.update(cand.shims)
    design.mem_tiles.clear()
    design.mem_tiles.update(cand.mem_tiles)


@dataclass
class _Ledger:
    """What the checks so far showed of each worker's memory, to prove early that nothing fits.

    A worker's tile holds, whatever the placement, its stack, the kernel's static data, its FIFO
    state and the pools of its ends to shims and mem tiles (a DMA end stays on its endpoint's tile):
    ``fixed``. A link adds, by its lowering, its one pool to the producer's or the consumer's tile, or
    a pool of each end to both (DMA): ``options``, the bytes seen on (producer tile, consumer tile),
    which depend on the FIFO and the lowering, not on where the tiles are. A tile whose bytes exceed
    its memory fails whatever the allocator (``used > capacity``), so when the fixed bytes alone
    overflow, or every lowering of one link overflows one of its two tiles, no placement is legal.
    """

    fixed: dict[int, int] = field(default_factory=dict)  # worker index -> bytes
    capacity: dict[int, int] = field(default_factory=dict)
    options: dict[int, dict[str, tuple[int, int]]] = field(default_factory=dict)

    def record(self, ev: Evaluation, pb: _Problem, cand: Candidate) -> None:
        """Take the figures of one evaluated placement."""
        def on(tile: Coord, fifos) -> int:
            return sum(p.count * p.buffer_bytes for f in fifos for p in ev.lowered.pools.get(f, []) if p.tile == tile)

        tiles = [cand.workers[name] for name in pb.workers]
        for i, tile in enumerate(tiles):
            mm = ev.memory.get(tile)
            if mm is not None:
                self.fixed[i], self.capacity[i] = mm.used - on(tile, pb.link_fifos), mm.capacity
        for k, (p, c) in enumerate(pb.links):
            pool = pb.device.shared_memory_pool(tiles[p], tiles[c])
            side = "dma" if pool is None else "producer" if pool == tiles[p] else "consumer"
            fifo = [pb.link_fifos[k]]
            self.options.setdefault(k, {})[side] = (on(tiles[p], fifo), on(tiles[c], fifo))

    def overflows(self, k: int, side: str, pb: _Problem) -> bool:
        """Whether lowering link ``k`` as ``side`` has been seen to overflow one of its two tiles."""
        p, c = pb.links[k]
        seen = self.options.get(k, {}).get(side)
        if seen is None or p not in self.fixed or c not in self.fixed:
            return False
        return self.fixed[p] + seen[0] > self.capacity[p] or self.fixed[c] + seen[1] > self.capacity[c]

    def rules_out(self, sigma: tuple[str, ...], pb: _Problem) -> bool:
        """Whether ``sigma`` cannot fit: one of its links' lowerings overflows a tile whatever the others."""
        return any(self.overflows(k, side, pb) for k, side in enumerate(sigma))

    def impossible(self, pb: _Problem) -> str | None:
        """The reason no placement can fit, when the figures seen prove it; else None."""
        for i, fixed in self.fixed.items():
            if fixed > self.capacity[i]:
                return (f"{pb.workers[i]}'s tile needs {fixed:,} B of {self.capacity[i]:,} B for its "
                        f"stack, static data and DMA buffers alone, whatever the placement")
        for k, seen in self.options.items():
            p, c = pb.links[k]
            if len(seen) < len(SIDES) + 1 or p not in self.fixed or c not in self.fixed:
                continue
            if all(self.overflows(k, side, pb) for side in seen):
                return (f"FIFO {pb.link_fifos[k]} overflows {pb.workers[p]}'s or {pb.workers[c]}'s "
                        f"tile whether its pool sits on the producer, on the consumer or both ends "
                        f"go by DMA")
        return None


def _illegal(design: Design, device: Device, cand: Candidate, hangs: bool = True,
             pb: _Problem | None = None, ledger: _Ledger | None = None) -> str | None:
    """None when the placed copy passes the full check (``hangs``: with the hang check), else the first
    reason (evaluate's, or the hang's); with a ``ledger``, the evaluation is recorded in it, and
    :class:`~partitioner.placement.NoLegalPlacement` raised when it proves that no placement can pass."""
    trial = copy.deepcopy(design)
    _apply(trial, cand)
    finish_placement(trial, device)
    ev = evaluate(trial, device=device)
    if ledger is not None and pb is not None:
        ledger.record(ev, pb, cand)
    if not ev.fits:
        proof = ledger.impossible(pb) if ledger is not None and pb is not None else None
        if proof is not None:
            raise NoLegalPlacement(f"{design.name}: no placement on {device.name} can pass the check: "
                                   f"{proof}: use depth 1, a smaller --object-frames or more tiles")
        return ev.errors[0].splitlines()[0]
    found = check_hangs(ev, locations=False).hangs if hangs else []
    return found[0].message if found else None
