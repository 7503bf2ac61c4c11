"""What mlir-aie's ObjectFIFO lowering makes of a placed Design, per tile.

Mirrors ``AIEObjectFifoStatefulTransform`` (rules and test cases in
docs/research/mlir-aie-lowering.md, sections 1 and 4):

* a FIFO uses shared memory only between two compute tiles that share memory
  and with one consumer and no link; it then has one pool, one lock pair, no
  DMA channel and no BD;
* otherwise every end gets its own pool (a shim end none), a lock pair, one
  DMA channel (MM2S at the producer, S2MM at each consumer, lowest free index)
  and one BD per buffer;
* pool sizes: an array depth is taken as written; an integer depth gives a
  mem tile ``depth`` buffers and a compute tile ``max acquire + 1`` (or 1 for
  depth 1 with acquire 1 in the 2026 profile);
* a distribute/join link: only the big FIFO's end on the mem tile has buffers,
  with one lock pair per sub-FIFO; the sub-FIFOs' mem-tile ends have none, and
  the big end's channel walks ``depth x N`` BDs, each sub end's ``depth``;
* each runtime-sequence transfer takes one shim BD.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from partitioner.design import Coord, Design, ObjectFifo
from partitioner.device import Device
from partitioner.lowering_profile import LoweringProfile


@dataclass
class Pool:
    """The buffers of one FIFO end on one tile (``<name>_buff_<i>``)."""

    name: str
    fifo: str
    tile: Coord
    count: int
    buffer_bytes: int

    @property
    def nbytes(self) -> int:
        return self.count * self.buffer_bytes

    def buffer_names(self) -> list[str]:
        return [f"{self.name}_buff_{i}" for i in range(self.count)]


@dataclass
class Channel:
    tile: Coord
    direction: str  # "out" (MM2S) | "in" (S2MM)
    index: int
    fifo: str
    end: str  # the FIFO end's name
    bds: int


@dataclass
class TileResources:
    tile: Coord
    kind: str
    pools: list[Pool] = field(default_factory=list)
    lock_pairs: int = 0
    channels: list[Channel] = field(default_factory=list)
    shim_bds: int = 0  # runtime-sequence BDs (shim tiles)

    @property
    def locks(self) -> int:
        return 2 * self.lock_pairs

    @property
    def dma_in(self) -> int:
        return sum(1 for c in self.channels if c.direction == "in")

    @property
    def dma_out(self) -> int:
        return sum(1 for c in self.channels if c.direction == "out")

    @property
    def bds(self) -> int:
        return sum(c.bds for c in self.channels) + self.shim_bds

    @property
    def buffer_bytes(self) -> int:
        return sum(p.nbytes for p in self.pools)


@dataclass
class Lowered:
    tiles: dict[Coord, TileResources]
    shared: set[str]  # FIFOs lowered to shared memory
    pools: dict[str, list[Pool]]  # FIFO -> its pools (producer first)

    def tile(self, coord: Coord) -> TileResources:
        return self.tiles[coord]


def pool_count(kind: str, depth: int | tuple[int, ...], index: int, max_acquire: int | None,
               profile: LoweringProfile) -> int:
    """Buffers of one FIFO end (index 0 = producer) on a tile of ``kind``."""
    if not isinstance(depth, int):
        return depth[index]
    if kind != "compute" or max_acquire is None:
        return depth
    if profile.depth_one_single_buffer and depth == 1 and max_acquire == 1:
        return 1
    return max_acquire + 1


def lower(design: Design, device: Device, profile: LoweringProfile) -> Lowered:
    tiles: dict[Coord, TileResources] = {}

    def res(tile: Coord) -> TileResources:
        if tile not in tiles:
            tiles[tile] = TileResources(tile, device.kind_of(tile))
        return tiles[tile]

    for tile in [*design.shims.values(), *design.mem_tiles.values(), *design.compute_tiles]:
        res(tile)

    big_end: dict[str, int] = {}  # FIFO -> number of sub-FIFOs, for the big end of a link
    sub_of: dict[str, str] = {}  # sub-FIFO -> big FIFO
    for link in design.links:
        big_end[link.big] = len(link.subs)
        sub_of.update({s: link.big for s in link.subs})
    in_link = set(big_end) | set(sub_of)

    shared: set[str] = set()
    pools: dict[str, list[Pool]] = defaultdict(list)
    next_channel: dict[tuple[Coord, str], int] = defaultdict(int)
    big_counts: dict[str, int] = {}

    # Big ends first, so a sub end's BD count can use the big pool's size.
    ordered = sorted(design.fifos, key=lambda f: f.name not in big_end)
    for f in ordered:
        prod, cons = f.producer_tile, f.consumer_tiles
        pool_tile = None
        if len(cons) == 1 and f.name not in in_link:
            pool_tile = device.shared_memory_pool(prod, cons[0])
        if pool_tile is not None:
            shared.add(f.name)
            count = pool_count("compute", f.depth, 0, max(f.acquire.values(), default=None), profile)
            p = Pool(f.name, f.name, pool_tile, count, f.object_bytes)
            pools[f.name].append(p)
            res(pool_tile).pools.append(p)
            res(pool_tile).lock_pairs += 1
            continue
        ends = list(zip(f.end_names(), [prod, *cons], [f.producer, *f.consumers]))
        for index, (end, tile, endpoint) in enumerate(ends):
            r = res(tile)
            direction = "out" if index == 0 else "in"
            if r.kind == "shim":
                r.lock_pairs += 1
                bds = 0  # the runtime sequence's transfers carry the shim BDs
            elif r.kind == "mem" and f.name in sub_of:
                bds = big_counts[sub_of[f.name]]  # reads/writes its slice of each big buffer
            else:
                count = pool_count(r.kind, f.depth, index, f.acquire.get(endpoint), profile)
                p = Pool(end, f.name, tile, count, f.object_bytes)
                pools[f.name].append(p)
                r.pools.append(p)
                if r.kind == "mem" and f.name in big_end:
                    n = big_end[f.name]
                    big_counts[f.name] = count
                    r.lock_pairs += n
                    bds = count * n
                else:
                    r.lock_pairs += 1
                    bds = count
            key = (tile, direction)
            r.channels.append(Channel(tile, direction, next_channel[key], f.name, end, bds))
            next_channel[key] += 1

    for t in design.sequence.transfers:
        res(t.shim).shim_bds += 1
    return Lowered(tiles=tiles, shared=shared, pools=dict(pools))
