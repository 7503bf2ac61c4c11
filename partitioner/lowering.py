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
    """The buffers of one FIFO end on one tile (``<name>_buff_<i>``).

    ``count`` buffers of ``buffer_bytes`` bytes each; ``name`` is the end's
    name (see :meth:`~partitioner.design.ObjectFifo.end_names`).
    """

    name: str
    fifo: str
    tile: Coord
    count: int
    buffer_bytes: int

    @property
    def nbytes(self) -> int:
        """Bytes of all the pool's buffers: ``count * buffer_bytes``."""
        return self.count * self.buffer_bytes

    def buffer_names(self) -> list[str]:
        """The buffers' names as mlir-aie writes them: ``<end>_buff_0`` ... (docs/research section 1.4)."""
        return [f"{self.name}_buff_{i}" for i in range(self.count)]


@dataclass
class Channel:
    """One DMA channel a FIFO end takes on its tile, and the BDs its chain walks.

    ``index`` is the lowest free index of that direction on the tile, in the
    order :func:`lower` visits the ends (docs/research section 1.5).
    """

    tile: Coord
    direction: str  # "out" (MM2S) | "in" (S2MM)
    index: int
    fifo: str
    end: str  # the FIFO end's name
    bds: int


@dataclass
class TileResources:
    """What the lowering takes on one tile: pools, lock pairs, DMA channels and BDs.

    The resource check compares these counts with the tile's :class:`~partitioner.device.TileKind`.
    """

    tile: Coord
    kind: str
    pools: list[Pool] = field(default_factory=list)
    lock_pairs: int = 0
    channels: list[Channel] = field(default_factory=list)
    shim_bds: int = 0  # runtime-sequence BDs (shim tiles)

    @property
    def locks(self) -> int:
        """Locks used: AIE2 creates them in prod/cons pairs (docs/research section 1.4)."""
        return 2 * self.lock_pairs

    @property
    def dma_in(self) -> int:
        """S2MM channels used (into the tile's memory)."""
        return sum(1 for c in self.channels if c.direction == "in")

    @property
    def dma_out(self) -> int:
        """MM2S channels used (out of the tile's memory)."""
        return sum(1 for c in self.channels if c.direction == "out")

    @property
    def bds(self) -> int:
        """BDs used: every channel's chain plus, on a shim, one per runtime-sequence transfer."""
        return sum(c.bds for c in self.channels) + self.shim_bds

    @property
    def buffer_bytes(self) -> int:
        """Bytes of all pools on the tile (stack and kernel static data not included)."""
        return sum(p.nbytes for p in self.pools)


@dataclass
class Lowered:
    """The result of :func:`lower`: per-tile resources, the shared-memory FIFOs, each FIFO's pools."""

    tiles: dict[Coord, TileResources]
    shared: set[str]  # FIFOs lowered to shared memory
    pools: dict[str, list[Pool]]  # FIFO -> its pools in end order, producer first; ends without buffers left out

    def tile(self, coord: Coord) -> TileResources:
        """The resources of the tile at ``coord`` (KeyError for a tile the design does not use)."""
        return self.tiles[coord]


def pool_count(kind: str, depth: int | tuple[int, ...], index: int, max_acquire: int | None,
               profile: LoweringProfile) -> int:
    """Buffers of one FIFO end (index 0 = producer) on a tile of ``kind``.

    AIEObjectFifoStatefulTransform's rule (docs/research/mlir-aie-lowering.md
    section 1.3): an array depth is taken as written; with an integer depth
    a compute tile whose core acquires gets ``max_acquire + 1`` (which can
    exceed the depth), except 1 for depth 1 and acquire 1 when the profile
    says so (2026); any other end gets ``depth``.

    Examples
    --------
    >>> from partitioner.lowering import pool_count
    >>> from partitioner.lowering_profile import load
    >>> pool_count("compute", 2, 1, 3, load("2025")), pool_count("mem", 2, 0, None, load("2025"))
    (4, 2)
    >>> pool_count("compute", 1, 1, 1, load("2025")), pool_count("compute", 1, 1, 1, load("2026"))
    (2, 1)
    >>> pool_count("compute", (2, 3), 1, 1, load("2025"))
    3
    """
    if not isinstance(depth, int):
        return depth[index]
    if kind != "compute" or max_acquire is None:
        return depth
    if profile.depth_one_single_buffer and depth == 1 and max_acquire == 1:
        return 1
    return max_acquire + 1


def lower(design: Design, device: Device, profile: LoweringProfile) -> Lowered:
    """What mlir-aie's ObjectFIFO lowering makes of a placed Design, tile by tile.

    Applies the rules of the module docstring: shared memory or DMA per
    FIFO, pool sizes, lock pairs, DMA channels and BDs per end, and one shim
    BD per runtime-sequence transfer. It counts; it does not check limits
    (:func:`partitioner.check.evaluate` does).

    Parameters
    ----------
    design : Design
        A placed Design (every FIFO end has its tile).
    device : Device
        The device it is placed on; decides tile kinds and shared memory.
    profile : LoweringProfile
        The mlir-aie version's rules (the depth-1 case).

    Returns
    -------
    Lowered
        Every tile the design uses (its shims, mem tiles and compute tiles,
        also those left without resources), the FIFOs lowered to shared
        memory, and each FIFO's pools.

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> from partitioner import device, lowering_profile
    >>> d = make_design(Options(batch=100, tiles=4, depth=2))
    >>> low = lower(d, device.load("npu1"), lowering_profile.load("2025"))
    >>> mem = low.tile((0, 1))  # distribute 1 -> 4 and join 4 -> 1, depth 2
    >>> [p.name for p in mem.pools], mem.locks, mem.bds, mem.dma_in, mem.dma_out
    (['in0_cons', 'out0'], 16, 32, 5, 5)
    >>> low.tile((0, 2)).pools[0].buffer_names()
    ['in0_0_cons_buff_0', 'in0_0_cons_buff_1']
    """
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
