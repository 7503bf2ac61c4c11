"""Where aiecc puts each ``aie.logical_tile``: mlir-aie's sequential placer, rule for rule.

aiecc turns every ``aie.logical_tile<Kind>(col?, row?)`` into an ``aie.tile`` with the
``aie-place-tiles`` pass (lib/Dialect/AIE/Transforms/AIEPlaceTiles.cpp @ 11d2980e: its only placer is
``sequential_placer``), whose rule is ``SequentialPlacer::place`` in
lib/Dialect/AIE/Transforms/AIEPlacer.cpp @ 003ff36d. :func:`place_logical_tiles` follows it:

1. The available tiles: compute tiles column by column (bottom row first), mem and shim NOC tiles
   row by row (``initialize``; shim PL tiles are never chosen).
2. DMA channels each logical tile needs (``buildChannelRequirements``,
   ``addChannelRequirementsFromFlows``): an ObjectFIFO outside a link gives each consumer one input
   and its producer one output channel, except between two logical compute tiles; a link's tile (the
   first consumer of its first input FIFO) needs one input per input FIFO and one output per output
   FIFO; an ``aie.flow`` / ``aie.packet_flow`` end on a logical tile's DMA port needs one.
3. Logical tiles in program order: a tile with a column and a row is that tile (a compute one is
   taken out of the available ones); a compute tile takes the next available compute tile that
   matches its column or row, if given (``nextCompIdx``, the chosen one swapped to that place).
4. Mem and shim tiles by connectivity group (each link's FIFOs one group, every other FIFO its own,
   in FIFO order; then the flows' connected tiles): the group's column is the rounded mean column
   of its placed compute tiles (0 without any); each tile takes, from that column rightwards, the
   first available tile of its kind with the channels it needs (``findTileWithCapacity``), those
   channels then counted as used.
5. Any mem or shim tile still unplaced: the first of its kind from its column (or column 0).

Several logical tiles may land on one tile (``TileOp::getOrCreate`` merges them). A tile's channel
budget is AIETargetModel's (the shim mux's DMA connections on row 0, the switchbox's elsewhere):
``kinds[...].dma_in`` / ``dma_out`` of :mod:`partitioner.device`. A rule the placer refuses (no
tile left, too few channels) is returned as a :class:`PlacementError` with mlir-aie's message.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xdsl.ir import Operation, SSAValue

from partitioner.device import Coord, Device
from partitioner.mlir import aie
from partitioner.mlir.aie import LOGICAL_TILE_TYPES, WireBundle, int_of

CORE, MEM, SHIM_NOC, SHIM_PL = LOGICAL_TILE_TYPES


class PlacementError(Exception):
    """The placer cannot place a logical tile: ``op`` is it, the message mlir-aie's."""

    def __init__(self, op: Operation, message: str):
        super().__init__(message)
        self.op = op


@dataclass
class _Group:
    """A connectivity group (``ConnectivityGroup``): its logical compute and other tiles, in order."""

    cores: list[aie.LogicalTileOp] = field(default_factory=list)
    others: list[aie.LogicalTileOp] = field(default_factory=list)

    def add(self, op: aie.LogicalTileOp) -> None:
        (self.cores if op.tile_type.data == CORE else self.others).append(op)


def tile_type(device: Device, tile: Coord) -> str:
    """AIETargetModel ``getTileType``: the logical tile kind of a physical tile."""
    kind = device.kind_of(tile)
    if kind == "shim":
        return SHIM_NOC if device.is_shim_noc(tile) else SHIM_PL
    return MEM if kind == "mem" else CORE


def _logical(value: SSAValue) -> aie.LogicalTileOp | None:
    owner = value.owner
    return owner if isinstance(owner, aie.LogicalTileOp) else None


def _coord(op: aie.LogicalTileOp) -> tuple[int | None, int | None]:
    return int_of(op.col), int_of(op.row)


@dataclass
class _Placer:
    """One run of ``SequentialPlacer`` on one device."""

    device: Device
    cores: list[Coord] = field(default_factory=list)  # availability.compTiles
    others: list[Coord] = field(default_factory=list)  # availability.nonCompTiles
    used_in: dict[Coord, int] = field(default_factory=dict)
    used_out: dict[Coord, int] = field(default_factory=dict)
    result: dict[Operation, Coord] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cores = sorted(self.device.compute_tiles)  # column by column, bottom row first
        tiles = [(c, r) for c in range(self.device.columns) for r in range(self.device.rows)]
        self.others = sorted((t for t in tiles if tile_type(self.device, t) in (MEM, SHIM_NOC)),
                             key=lambda t: (t[1], t[0]))

    # -- channels ----------------------------------------------------------------------------------

    def _budget(self, tile: Coord) -> tuple[int, int]:
        """(input, output) DMA channels: the shim mux's on row 0, the switchbox's elsewhere."""
        kind = self.device.kind(tile)
        return kind.dma_in, kind.dma_out

    def _fits(self, tile: Coord, ins: int, outs: int) -> bool:
        """``hasAvailableChannels``."""
        max_in, max_out = self._budget(tile)
        return self.used_in.get(tile, 0) + ins <= max_in and self.used_out.get(tile, 0) + outs <= max_out

    def _use(self, tile: Coord, ins: int, outs: int) -> None:
        """``updateChannelUsage`` for both directions: a tile over its budget leaves the available ones."""
        for n, used in ((ins, self.used_in), (outs, self.used_out)):
            if n > 0:
                used[tile] = used.get(tile, 0) + n
                if not self._fits(tile, 0, 0):
                    self._remove(tile)

    def _remove(self, tile: Coord) -> None:
        """``TileAvailability::removeTile``."""
        pool = self.cores if tile_type(self.device, tile) == CORE else self.others
        if tile in pool:
            pool.remove(tile)

    def _claim(self, op: aie.LogicalTileOp, tile: Coord, need: tuple[int, int], pinned: bool) -> None:
        """``validateAndUpdateChannelUsage``: the tile's channels, or mlir-aie's error."""
        ins, outs = need
        if not self._fits(tile, ins, outs):
            max_in, max_out = self._budget(tile)
            where = f"tile ({tile[0]}, {tile[1]}) requires " if pinned else "tile requires "
            raise PlacementError(op, f"{where}{ins} input/{outs} output DMA channels, but only "
                                     f"{max_in - self.used_in.get(tile, 0)} input/"
                                     f"{max_out - self.used_out.get(tile, 0)} output available")
        self._use(tile, ins, outs)

    def _find(self, col: int, ins: int, outs: int, kind: str) -> Coord | None:
        """``findTileWithCapacity``: from column ``col`` rightwards, the first tile of ``kind`` that fits."""
        for search in range(col, self.device.columns):
            for tile in self.others:
                if tile[0] == search and tile_type(self.device, tile) == kind and self._fits(tile, ins, outs):
                    return tile
        return None

    # -- the phases --------------------------------------------------------------------------------

    def place_pinned_and_cores(self, tiles: list[aie.LogicalTileOp], needs: dict[Operation, list[int]]) -> None:
        """Phase 3: tiles with a column and a row, then compute tiles in order."""
        next_core = 0
        for op in tiles:
            col, row = _coord(op)
            need = tuple(needs.get(op, (0, 0)))
            if col is not None and row is not None:
                self._claim(op, (col, row), need, True)
                self.result[op] = (col, row)
                if op.tile_type.data == CORE:
                    self._remove((col, row))
                continue
            if op.tile_type.data == CORE:
                found = next((i for i in range(next_core, len(self.cores))
                              if (col is None or self.cores[i][0] == col) and (row is None or self.cores[i][1] == row)),
                             None)
                if found is None:
                    if col is not None or row is not None:
                        raise PlacementError(op, f"no compute tile available matching constraint "
                                                 f"({'?' if col is None else col}, {'?' if row is None else row})")
                    raise PlacementError(op, "no available compute tiles for placement")
                self.cores[found], self.cores[next_core] = self.cores[next_core], self.cores[found]
                tile = self.cores[next_core]
                next_core += 1
                self._claim(op, tile, need, False)
                self.result[op] = tile
            if op.tile_type.data == SHIM_PL:
                raise PlacementError(op, "DMA channel-based SequentialPlacer does not support unplaced ShimPLTiles "
                                         "(no DMAs).")

    def place_group(self, group: _Group, needs: dict[Operation, list[int]]) -> None:
        """Phase 4, ``placeNonCoreTilesInGroup``."""
        cols = [self.result[c][0] for c in group.cores if c in self.result]
        common = (sum(cols) + len(cols) // 2) // len(cols) if cols else 0
        for op in group.others:
            if op in self.result:
                continue
            ins, outs = needs.get(op, (0, 0))
            col, _ = _coord(op)
            tile = self._find(common if col is None else col, ins, outs, op.tile_type.data)
            if tile is None:
                raise PlacementError(op, f"no {op.tile_type.data} with sufficient DMA capacity")
            self.result[op] = tile
            self._use(tile, ins, outs)

    def place_rest(self, tiles: list[aie.LogicalTileOp]) -> None:
        """Phase 5: mem and shim tiles no group placed."""
        for op in tiles:
            if op in self.result or op.tile_type.data in (CORE, SHIM_PL):
                continue
            col, _ = _coord(op)
            tile = self._find(0 if col is None else col, 0, 0, op.tile_type.data)
            if tile is None:
                raise PlacementError(op, f"no {op.tile_type.data} available")
            self.result[op] = tile


def _needs(fifos: list[aie.ObjectFifoCreateOp], links: list[aie.ObjectFifoLinkOp], flows: list[aie.FlowOp],
           packet_flows: list[aie.PacketFlowOp]) -> dict[Operation, list[int]]:
    """Phase 2: [input, output] DMA channels per tile op (``buildChannelRequirements`` and flows)."""
    needs: dict[Operation, list[int]] = {}

    def add(op: Operation, index: int, n: int = 1) -> None:
        needs.setdefault(op, [0, 0])[index] += n

    by_name = {f.sym_name.data: f for f in fifos}
    linked = {n for lk in links for n in (*lk.ins, *lk.outs)}
    for f in fifos:
        if f.sym_name.data in linked:
            continue
        producer, prod_logical = f.producerTile.owner, _logical(f.producerTile)
        needs_dma = False
        for consumer in f.consumerTiles:
            cons_logical = _logical(consumer)
            if prod_logical is not None and cons_logical is not None and \
                    prod_logical.tile_type.data == CORE and cons_logical.tile_type.data == CORE:
                continue  # core to core: not counted by this placer
            add(consumer.owner, 0)
            needs_dma = True
        if needs_dma:
            add(producer, 1)
    for lk in links:
        first = next((by_name[n] for n in lk.ins if n in by_name and by_name[n].consumerTiles), None)
        if first is None:
            continue
        link_tile = first.consumerTiles[0].owner
        add(link_tile, 0, len(lk.ins))
        add(link_tile, 1, len(lk.outs))
    for fl in flows:
        for value, bundle, index in ((fl.source, fl.source_bundle, 1), (fl.dest, fl.dest_bundle, 0)):
            if _logical(value) is not None and WireBundle.of(bundle) is WireBundle.DMA:
                add(value.owner, index)
    for pf in packet_flows:
        for end in pf.ends:
            if _logical(end.tile) is not None and WireBundle.of(end.bundle) is WireBundle.DMA:
                add(end.tile.owner, 1 if isinstance(end, aie.PacketSourceOp) else 0)
    return needs


def _groups(fifos: list[aie.ObjectFifoCreateOp], links: list[aie.ObjectFifoLinkOp], flows: list[aie.FlowOp],
            packet_flows: list[aie.PacketFlowOp]) -> list[_Group]:
    """Phase 4's groups: ``buildObjectFifoGroups`` then ``buildFlowGroups``."""
    group_of = {n: i for i, lk in enumerate(links) for n in (*lk.ins, *lk.outs)}
    by_id: dict[int, _Group] = {}
    groups: list[_Group] = []
    unlinked = len(links)
    for f in fifos:
        gid = group_of.get(f.sym_name.data)
        if gid is None:
            gid, unlinked = unlinked, unlinked + 1
        if gid not in by_id:
            by_id[gid] = _Group()
            groups.append(by_id[gid])
        for value in (f.producerTile, *f.consumerTiles):
            if (op := _logical(value)) is not None:
                by_id[gid].add(op)
    adjacent: dict[aie.LogicalTileOp, list[aie.LogicalTileOp]] = {}

    def edge(a: SSAValue, b: SSAValue) -> None:
        src, dst = _logical(a), _logical(b)
        if src is None or dst is None:
            return
        for x, y in ((src, dst), (dst, src)):
            if y not in adjacent.setdefault(x, []):
                adjacent[x].append(y)

    for fl in flows:
        edge(fl.source, fl.dest)
    for pf in packet_flows:
        ends = pf.ends
        for s in (e for e in ends if isinstance(e, aie.PacketSourceOp)):
            for d in (e for e in ends if isinstance(e, aie.PacketDestOp)):
                edge(s.tile, d.tile)
    seen: set[aie.LogicalTileOp] = set()
    for seed in adjacent:
        if seed in seen:
            continue
        group = _Group()
        groups.append(group)
        stack, seen = [seed], seen | {seed}
        while stack:
            cur = stack.pop()
            group.add(cur)
            for nbr in adjacent[cur]:
                if nbr not in seen:
                    seen.add(nbr)
                    stack.append(nbr)
    return groups


def place_logical_tiles(device_op: aie.DeviceOp, device: Device) -> dict[Operation, Coord]:
    """The tile mlir-aie's sequential placer gives each ``aie.logical_tile`` of ``device_op``.

    Parameters
    ----------
    device_op : aie.DeviceOp
        The ``aie.device``, verified.
    device : Device
        Its array (:func:`partitioner.device.model`).

    Returns
    -------
    dict
        ``aie.logical_tile`` op -> ``(col, row)``; empty when the device has none.

    Raises
    ------
    PlacementError
        The placer refuses (no tile of that kind left, too few DMA channels), with mlir-aie's message.
    """
    ops = list(device_op.body.walk())
    tiles = [o for o in ops if isinstance(o, aie.LogicalTileOp)]
    if not tiles:
        return {}
    fifos = [o for o in ops if isinstance(o, aie.ObjectFifoCreateOp)]
    links = [o for o in ops if isinstance(o, aie.ObjectFifoLinkOp)]
    flows = [o for o in ops if isinstance(o, aie.FlowOp)]
    packet_flows = [o for o in ops if isinstance(o, aie.PacketFlowOp)]
    needs = _needs(fifos, links, flows, packet_flows)
    placer = _Placer(device)
    placer.place_pinned_and_cores(tiles, needs)
    for group in _groups(fifos, links, flows, packet_flows):
        placer.place_group(group, needs)
    placer.place_rest(tiles)
    return {op: placer.result[op] for op in tiles if op in placer.result}
