"""What mlir-aie's ObjectFIFO lowering makes of a placed Design, per tile.

Mirrors ``AIEObjectFifoStatefulTransform`` (rules and test cases in
docs/research/mlir-aie-lowering.md, sections 1 and 4):

* a FIFO uses shared memory only between two compute tiles that share memory,
  with one consumer, no link, and no ``via_DMA``, ``aie_stream`` or stream dimensions; it then
  has one pool of its declared depth (test/objectFifo-stateful-transform/
  access_patterns/AIE2_static_L1.mlir: depth 4, acquires 1 and 2, 4 buffers; an array depth:
  :func:`shared_pool_count`), one lock pair, no DMA channel and no BD;
* otherwise every end gets its own pool (a shim end none), a lock pair, one
  DMA channel (MM2S at the producer, S2MM at each consumer, lowest free index;
  FIFOs in program order, ends whose buffers spilled to a neighbour first, indices
  a hand-written DMA takes skipped) and one BD per buffer;
* an end an ``aie_stream`` FIFO wires to a Core stream port (``aie_stream`` 0: the
  producer, 1: the consumer, 2: both) has no pool, no locks and no DMA channel: the
  flow starts or ends at the core (``aie.flow(%tile_1_2, Core : 0, %tile_1_3, DMA : 0)``);
  the other end is an ordinary DMA end, so the buffers sit on the consumer when the
  producer streams (AIEObjectFifoStatefulTransform.cpp @ 3acd8744, search id 56680629433:
  the split keeps ``aie_stream`` on the end that streams, ``createObjectFifoElements``
  makes nothing for it; aie_stream/producer_stream_AIE2.mlir @ a1f06c3f,
  consumer_stream_AIE2.mlir @ 5a559eb5);
* pool sizes: an array depth is taken as written; an integer depth gives a
  mem tile ``depth`` buffers and a compute tile ``max acquire + 1`` (or 1 for
  depth 1 with acquire 1 in the 2026 profile);
* a distribute/join link: only the big FIFO's end on the mem tile has buffers,
  with one lock pair per sub-FIFO; the sub-FIFOs' mem-tile ends have none, and
  the big end's channel walks ``depth x N`` BDs, each sub end's ``depth``; a
  1-to-1 link's buffers belong to the side with more elements, or to the
  output when it has initial values, else to the input
  (AIEObjectFifoStatefulTransform / AIEObjectFifoSplit.cpp, 2026: createLinkPools);
* a mem-tile buffer that does not fit what its tile has left goes to the west
  neighbour mem tile, else the east one; its locks stay home
  (adjacent_memtile_allocation/onelargefifo_on_2memtile.mlir, memtile_spill_order.mlir);
* a shim end has no pool but a lock pair, counting its registered external buffers, else a
  version's default (:func:`shim_lock_count`);
* a mem-tile producer holding initial values outside any link has no locks in the 2026 profile,
  unless the runtime sequence re-arms it (:func:`sends_init_without_locks`);
* each runtime-sequence transfer takes one shim BD;
* hand-written ``aie.buffer``, ``aie.lock`` and DMA channels count on their tiles;
* dynamic ObjectFIFO lowering (aiecc's default since PR #2549) keeps, in a profile
  whose ``dynamic_state`` is ``"buffer"``, one anonymous ``aie.buffer`` of
  ``memref<N x i32>`` per core on an ObjectFIFO tile, N = the (FIFO, port) pairs
  the core acquires, placed just before the core (AIEObjectFifoStatefulTransform.cpp
  dynamicGlobalObjectFifos; dynamic_lowering/same_depth_objectfifos_test.mlir
  @ 42c31aa6: ``%buffer_0_2 = aie.buffer(%tile_0_2) : memref<2xi32>``);
  aie-assign-buffer-addresses names it ``_anonymous<k>`` (k counts unnamed
  buffers in program order). Since PR #3298 the counters are promoted to
  registers: no buffer.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from partitioner.design import UNNAMED_BUFFER, Coord, Design, Link, ObjectFifo
from partitioner.device import Device
from partitioner.profiles import Profile


@dataclass(frozen=True)
class BufferRequest:
    """A buffer to place on a tile: its name and bytes, and any address or bank the design pinned.

    ``address`` and ``mem_bank`` are ``aie.buffer``'s attributes of the same
    names; buffers an ObjectFIFO lowering makes carry neither. ``memory_space``
    is its memref's memory space (``memref<64xi8, 6>``), which names banks
    (partitioner.allocation.SPACE_BANKS).
    """

    name: str
    nbytes: int
    address: int | None = None
    mem_bank: int | None = None
    aligned: bool = True
    memory_space: int | None = None

    @property
    def pinned(self) -> bool:
        """The design fixed its address or its bank: the allocator places it first."""
        return self.address is not None or self.mem_bank is not None


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

    ``index`` is the lowest free index of that direction on the tile, FIFOs taken in
    program order, each one's producer end then its consumers (docs/research section 1.5).
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
    explicit_locks: int = 0  # hand-written aie.lock ops
    # Every buffer that lives in this tile's memory, in program order: pool buffers (a spilled
    # one on the neighbour that took it), hand-written aie.buffer ops, then the core's dynamic
    # ObjectFIFO state buffer when the profile keeps one.
    buffers: list[BufferRequest] = field(default_factory=list)

    @property
    def locks(self) -> int:
        """Locks used: AIE2 creates them in prod/cons pairs (docs/research section 1.4), plus hand-written ones."""
        return 2 * self.lock_pairs + self.explicit_locks

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
        """Bytes of all buffers in the tile's memory (stack and kernel static data not included)."""
        return sum(b.nbytes for b in self.buffers)


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
               profile: Profile) -> int:
    """Buffers of one FIFO end (index 0 = producer) on a tile of ``kind``.

    AIEObjectFifoStatefulTransform's rule (docs/research/mlir-aie-lowering.md
    section 1.3): an array depth is taken as written; with an integer depth
    a compute tile whose core acquires gets ``max_acquire + 1`` (which can
    exceed the depth), except 1 for depth 1 and acquire 1 when the profile
    says so (2026); any other end gets ``depth``.

    Examples
    --------
    >>> from partitioner.lowering import pool_count
    >>> from partitioner.profiles import load
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


def shared_pool_count(f: ObjectFifo, profile: Profile) -> int:
    """Buffers of the one pool of a FIFO lowered to shared memory.

    An integer depth is taken as written. An array depth gives the producer's entry where the
    profile's ``shared_pool_depth`` is ``"producer"`` (createObjectFifoElements: ``numElem =
    op.size()``, AIEObjectFifoStatefulTransform.cpp search id 5849739733), the deepest entry where it
    is ``"deepest"``: both ends address the one pool, so it holds what the deeper one declares
    (init_values/init_values_shared_mem_array_depth_test.mlir @ 7b715438: ``[2, 3]`` gives
    ``of_buff_0`` .. ``of_buff_2``).

    Examples
    --------
    >>> from partitioner.design import ObjectFifo
    >>> from partitioner.profiles import load
    >>> f = ObjectFifo("of", "a", ["b"], 64, "i32", 16, (2, 3), 1, "frames")
    >>> shared_pool_count(f, load("2025")), shared_pool_count(f, load("2026"))
    (2, 3)
    """
    if isinstance(f.depth, int) or profile.shared_pool_depth == "producer":
        return f.depth_for(0)
    return max(f.depth)


def lower(design: Design, device: Device, profile: Profile) -> Lowered:
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
    profile : Profile
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
    >>> from partitioner import device, profiles
    >>> d = make_design(Options(batch=100, tiles=4, depth=2))
    >>> low = lower(d, device.load("npu1"), profiles.load("2025"))
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

    for tile in [*design.tiles, *design.shims.values(), *design.mem_tiles.values(), *design.compute_tiles]:
        res(tile)

    fifo_of = {f.name: f for f in design.fifos}
    big_end: dict[str, int] = {}  # FIFO -> number of sub-FIFOs, for the end of a link that owns its buffers
    sub_of: dict[str, str] = {}  # the other FIFOs of a link -> the owner
    link_tile: dict[str, Coord] = {}  # every FIFO of a link -> the tile the link sits on
    for link in design.links:
        owner = link_owner(link, fifo_of)
        others = [n for n in (*link.inputs, *link.outputs) if n != owner]
        big_end[owner] = max(len(others), 1)
        sub_of.update({s: owner for s in others})
        link_tile.update({n: link.tile for n in (*link.inputs, *link.outputs)})
    in_link = set(big_end) | set(sub_of)

    shared: set[str] = set()
    pools: dict[str, list[Pool]] = defaultdict(list)
    big_counts: dict[str, int] = {}

    # Owning ends first, so a sub end's BD count can use the owner pool's size.
    ordered = sorted(design.fifos, key=lambda f: f.name not in big_end)
    ir_order = {f.name: i for i, f in enumerate(design.fifos)}
    # DMA channels, indexed below: (program order, end index, tile, direction, FIFO, end, BDs, the pool its BDs walk)
    pending: list[tuple[int, int, Coord, str, str, str, int, str | None]] = []
    for f in ordered:
        prod, cons = f.producer_tile, f.consumer_tiles
        pool_tile = None
        if len(cons) == 1 and f.name not in in_link and not needs_dma(f):
            pool_tile = device.shared_memory_pool(prod, cons[0])
            if pool_tile is not None and f.allocate_tile is not None:
                pool_tile = f.allocate_tile  # aie.objectfifo.allocate names the tile that holds it
        if f.name in sub_of and _shares_link_pool(f, link_tile.get(f.name), device):
            shared.add(f.name)  # the consumer works in the link's own pool: no DMA on this FIFO
            continue
        if pool_tile is not None:
            shared.add(f.name)
            p = Pool(f.name, f.name, pool_tile, shared_pool_count(f, profile), f.object_bytes)
            pools[f.name].append(p)
            res(pool_tile).pools.append(p)
            res(pool_tile).lock_pairs += 1
            continue
        ends = list(zip(f.end_names(), [prod, *cons], [f.producer, *f.consumers]))
        for index, (end, tile, endpoint) in enumerate(ends):
            r = res(tile)
            if is_core_stream_end(f, index):
                continue  # a Core stream port: no pool, no locks, no DMA channel on this tile
            direction = "out" if index == 0 else "in"
            on_link = link_tile.get(f.name) == tile
            uses: str | None = end  # the pool whose buffers this end's BDs walk
            if r.kind == "shim":
                r.lock_pairs += 1
                # The runtime sequence's transfers carry the shim BDs; registered external
                # buffers get BDs of their own (link_test_DDR_to_L1_AIE2.mlir).
                bds, uses = f.external_buffers, None
            elif on_link and f.name in sub_of:
                bds = big_counts[sub_of[f.name]]  # reads/writes its slice of each owner buffer
                uses = next(q.name for q in pools[sub_of[f.name]] if q.tile == tile)
            else:
                if index == 0 and f.init_values:
                    count = f.depth_for(0)  # initial values fill every declared buffer
                else:
                    count = pool_count(r.kind, f.depth, index, f.acquire.get(endpoint), profile)
                nbytes = f.object_bytes if index == 0 or f.consumer_object_bytes is None else \
                    f.consumer_object_bytes
                p = Pool(end, f.name, tile, count, nbytes)
                pools[f.name].append(p)
                r.pools.append(p)
                if on_link and f.name in big_end:
                    n = big_end[f.name]
                    big_counts[f.name] = count
                    r.lock_pairs += n
                    bds = count * n
                else:
                    static_init = sends_init_without_locks(f, index, r.kind, f.name in in_link, profile)
                    r.lock_pairs += 0 if static_init else 1
                    bds = count
                if index == 0 and f.repeat_count is not None and (count > 1 or bd_chain_mode(f, r.kind)):
                    # each buffer's BD repeats; one buffer uses the hardware repeat instead
                    # (repeat_count/hw_repeat_optimization_test.mlir, init_values_repeat_test.mlir), except
                    # on a mem tile whose bounded chain (iter_count) takes the channel's repeat count
                    bds = count * f.repeat_count
            pending.append((ir_order[f.name], index, tile, direction, f.name, end, bds, uses))

    for t in design.sequence.transfers:
        res(t.shim).shim_bds += 1
    for lock in design.locks:
        res(lock.tile).explicit_locks += 1
    spilled = _place_buffers(design, device, profile, tiles, res)

    # Channel indices go out in program order, each FIFO's producer end then its consumers, whatever
    # order the BD counts needed: mlir-aie walks its split FIFOs in the order of their aie.objectfifo ops
    # (assignDMAChannelIndices over splitFifos, AIEObjectFifoStatefulTransform.cpp @ 3acd8744, search id
    # 56680629433; bd_chain_on_memtile/chain_with_split_and_join.mlir @ e38a76a7: the join's output @out,
    # declared last, takes MM2S 2 on the mem tile after @split_0 and @split_1).
    # Channels a hand-written aie.mem / aie.memtile_dma / aie.shim_dma starts are taken already
    # (DMAChannelAnalysis marks them; getDMAChannelIndex returns the lowest index not marked).
    # Ends whose buffers spilled to a neighbour mem tile are served first (analyzeCrossTileFIFOBuffers, then
    # assignDMAChannelIndices for the cross-tile ends before the others, same source;
    # adjacent_memtile_allocation/twofifo_on_2memtile.mlir @ 42c31aa6: out0's spilled pool takes the mem
    # tile's DMA 0 both ways, in0 DMA 1).
    taken = {(ch.tile, ch.direction, ch.channel) for ch in design.dma_channels}
    for _, _, tile, direction, name, end, bds, _ in sorted(pending, key=lambda c: (c[7] not in spilled, *c[:2])):
        index = next(i for i in range(len(taken) + len(pending) + 1) if (tile, direction, i) not in taken)
        taken.add((tile, direction, index))
        res(tile).channels.append(Channel(tile, direction, index, name, end, bds))
    for ch in design.dma_channels:
        r = res(ch.tile)
        r.channels.append(Channel(ch.tile, ch.direction, ch.channel, "", "(hand-written DMA)", ch.bds))
    for tile, state in state_buffers(design, profile).items():
        res(tile).buffers.append(state)
    return Lowered(tiles=tiles, shared=shared, pools=dict(pools))


#: Bytes of one index of the dynamic lowering's per-core state: an i32.
STATE_INDEX_BYTES = 4


def state_buffers(design: Design, profile: Profile) -> dict[Coord, BufferRequest]:
    """The per-core state buffer dynamic ObjectFIFO lowering adds, per compute tile (none when static).

    In a profile whose ``dynamic_state`` is ``"buffer"`` (2025.09), every core
    on a tile that is an end of some ObjectFIFO gets one unnamed
    ``aie.buffer`` of ``memref<N x i32>``, N the (FIFO, port) pairs it
    acquires (a FIFO the core both produces and consumes counts twice),
    created just before the core (AIEObjectFifoStatefulTransform.cpp,
    dynamicGlobalObjectFifos, search id 5849739733). aie-assign-buffer-addresses
    names unnamed buffers ``_anonymous<k>`` in program order (AIEAssignBuffers.cpp,
    search id 5799773962). A core that acquires nothing still consumes a name,
    its ``memref<0xi32>`` no memory.

    Parameters
    ----------
    design : Design
        A placed Design; its workers are its cores, in program order.
    profile : Profile
        The mlir-aie version's rules (``dynamic_state``).

    Returns
    -------
    dict of Coord to BufferRequest
        The state buffer of each core tile that has one (empty for a static or
        ``"registers"`` profile).

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> from partitioner import profiles
    >>> d = make_design(Options(batch=100, tiles=2))
    >>> state_buffers(d, profiles.load("2025.09"))[(0, 2)]
    BufferRequest(name='_anonymous0', nbytes=8, address=None, mem_bank=None, aligned=True, memory_space=None)
    >>> state_buffers(d, profiles.load("2025.06")), state_buffers(d, profiles.load("2026.08"))
    ({}, {})
    """
    if profile.dynamic_state != "buffer":
        return {}
    fifo_tiles = {t for f in design.fifos for t in (f.producer_tile, *f.consumer_tiles) if t is not None}
    out: dict[Coord, BufferRequest] = {}
    for k, w in enumerate(w for w in design.workers if w.tile in fifo_tiles):
        pairs = {(n, "consume") for n in w.inputs} | {(n, "produce") for n in w.outputs}
        if pairs:
            out[w.tile] = BufferRequest(f"{UNNAMED_BUFFER}{k}", STATE_INDEX_BYTES * len(pairs))
    return out


def bd_chain_mode(f: ObjectFifo, kind: str) -> bool:
    """A mem-tile end of a FIFO with ``iter_count``: its channel runs a bounded BD chain.

    The chain's runs take the ``dma_start`` repeat count, so a single buffer's ``repeat_count``
    cannot use the hardware repeat and is written out as BDs (createMemTileDMA: ``useHwRepeat``
    requires ``!isBdChainMode``, AIEObjectFifoStatefulTransform.cpp @ 3acd8744, search id
    56680629433; bd_chain_on_memtile/bd_chain_with_repeat_count.mlir @ bea53067: depth 1,
    repeat_count 3, iter_count 5 give 3 BDs and ``repeat_count = 4`` on the channel).

    Examples
    --------
    >>> from partitioner.design import ObjectFifo
    >>> f = ObjectFifo("of1", "mem:1", ["b"], 64, "i32", 16, 1, 1, "frames", iter_count=5)
    >>> bd_chain_mode(f, "mem"), bd_chain_mode(f, "compute")
    (True, False)
    """
    return kind == "mem" and f.iter_count is not None


def shim_lock_count(f: ObjectFifo, profile: Profile) -> int:
    """What a shim end's lock pair counts: its free lock's initial value (the filled one starts at 0).

    AIE2 lowering gives a shim end a prod/cons pair too, with ``numElem`` set to the external
    buffers registered on that end, else to a default that changed between versions: 0 in the
    newest stateful transform (AIEObjectFifoStatefulTransform.cpp @ 3acd8744, search id
    56680629433, createObjectFifoLocks; aie_stream/link_to_stream_AIE2.mlir @ 2a97cd9c:
    ``of_in_prod_lock_0`` init 0), 1 before (link_test_distribute_offsets.mlir @ 24f4b640:
    ``link1_prod_lock_0`` init 1 on tile (2, 0)), the profile's ``shim_prod_lock_init``. A
    registered buffer counts one (aie_stream/shim_to_stream_AIE2.mlir @ ed1d286a: init 1).

    Examples
    --------
    >>> from partitioner.design import ObjectFifo
    >>> from partitioner.profiles import load
    >>> f = ObjectFifo("of", "shim:0", ["b"], 64, "i32", 16, 2, 1, "frames")
    >>> shim_lock_count(f, load("2025")), shim_lock_count(f, load("2026"))
    (1, 0)
    >>> f.external_buffers = 2
    >>> shim_lock_count(f, load("2026"))
    2
    """
    return f.external_buffers or profile.shim_prod_lock_init


def sends_init_without_locks(f: ObjectFifo, index: int, kind: str, linked: bool, profile: Profile) -> bool:
    """End ``index`` of ``f`` on a ``kind`` tile sends initial values with no locks of its own.

    Where the profile's ``static_init_without_locks`` holds (2026), a mem-tile producer holding
    initial values outside any link is a constant chain with no source locks
    (asymmetric_element_type/asymmetric_with_initvalues.mlir @ 223085c4, CHECK-NOT), unless the
    runtime sequence names the FIFO in ``aiex.dma_channel_reset_for``, which re-arms its locks each
    launch, so they stay (init_values/init_values_relaunch_skips_source_locks.mlir @ 8c44b61f:
    ``@relaunch`` has none, ``@rearmed`` keeps ``wts_prod_lock_0`` init 0, ``wts_cons_lock_0`` init 7).

    Examples
    --------
    >>> from partitioner.design import ObjectFifo
    >>> from partitioner.profiles import load
    >>> f = ObjectFifo("wts", "mem:1", ["b"], 64, "i32", 16, 1, 1, "frames", init_values=True)
    >>> [sends_init_without_locks(f, 0, "mem", False, load(p)) for p in ("2025", "2026")]
    [False, True]
    >>> f.rearmed = True
    >>> sends_init_without_locks(f, 0, "mem", False, load("2026"))
    False
    """
    return (index == 0 and f.init_values and kind == "mem" and not linked and not f.rearmed
            and profile.static_init_without_locks)


def needs_dma(f: ObjectFifo) -> bool:
    """A FIFO that goes through DMA even between tiles that share memory (requiresDMAs, AIEObjectFifoSplit.cpp).

    ``aie_stream`` is one of the reasons (npu1-facts.md section 12, "aie_stream / aie_stream_port on an
    ObjectFIFO"; the CHECK lines of aie_stream/producer_stream_AIE2.mlir @ a1f06c3f show a DMA flow between
    tiles that share memory).
    """
    return (f.via_dma or f.dims_to_stream or f.dims_from_stream or f.repeat_count is not None
            or f.consumer_object_bytes is not None or len(f.consumers) != 1 or f.aie_stream is not None)


def is_core_stream_end(f: ObjectFifo, index: int) -> bool:
    """End ``index`` (0 the producer, 1 the consumer) of ``f`` is a Core stream port: it holds no objects.

    ``ObjectFifo.aie_stream`` says which end is wired to a Core stream port: 0 the producer, 1 the
    consumer, 2 both, None neither (ObjectFifoCreateOp::verify, search id 60243782319: 1-to-1 FIFOs
    only, never on a shim or mem tile's streaming end).

    Examples
    --------
    >>> from partitioner.design import ObjectFifo
    >>> f = ObjectFifo("of", "a", ["b"], 64, "i32", 16, 2, 1, "frames")
    >>> is_core_stream_end(f, 0), is_core_stream_end(f, 1)
    (False, False)
    """
    end = f.aie_stream
    return end is not None and (end == 2 or end == min(index, 1))


def _shares_link_pool(f: ObjectFifo, link_tile: Coord | None, device: Device) -> bool:
    """A link's output delegated by ``aie.objectfifo.allocate`` to the link's compute tile, whose consumer
    reaches that tile's memory: the forward is shared memory (link/link_via_shared_mem2.mlir)."""
    return (f.allocate_tile is not None and f.allocate_tile == link_tile and len(f.consumer_tiles) == 1
            and device.kind_of(link_tile) == "compute" and device.reaches(f.consumer_tiles[0], link_tile))


def link_owner(link: Link, fifo_of: dict[str, ObjectFifo]) -> str:
    """The FIFO of a link whose end on the link's tile holds the buffers.

    A join's output, a distribute's input; for a 1-to-1 link the output when
    it has initial values or more elements than the input, else the input
    (createLinkPools in AIEObjectFifoSplit.cpp, 2026, and the stateful
    transform before it).
    """
    if len(link.inputs) > 1 or len(link.outputs) > 1:
        return link.big
    src, dst = fifo_of[link.inputs[0]], fifo_of[link.outputs[0]]
    return dst.name if dst.init_values or dst.elem_count > src.elem_count else src.name


def _place_buffers(design: Design, device: Device, profile: Profile,
                   tiles: dict[Coord, TileResources], res) -> set[str]:
    """Put every pool buffer and hand-written buffer in some tile's memory: ``TileResources.buffers``.

    Mem-tile pool buffers claim their tile while it has room and spill to the
    west, else the east neighbour mem tile (program order, or largest first
    in the 2026 profile); everything else stays on its pool's tile. Returns the
    names of the pools with a buffer away from their own tile.
    """
    left: dict[Coord, int] = {}

    def room(tile: Coord) -> int:
        return left.setdefault(tile, device.kind(tile).memory_bytes)

    mem_pools = [p for r in tiles.values() if r.kind == "mem" for p in r.pools]
    if profile.memtile_spill_order == "largest-first":
        mem_pools.sort(key=lambda p: -p.buffer_bytes)
    home: dict[tuple[str, int], Coord] = {}
    for p in mem_pools:
        for i in range(p.count):
            col, row = p.tile
            for tile in ((col, row), (col - 1, row), (col + 1, row)):
                if 0 <= tile[0] < device.columns and device.kind_of(tile) == "mem" and room(tile) >= p.buffer_bytes:
                    break
            else:
                tile = p.tile  # nowhere has room: the allocator reports the overflow at home
            left[tile] = room(tile) - p.buffer_bytes
            home[(p.name, i)] = tile
    # Program order of the lowered buffers, which breaks ties between equal sizes: the last
    # ObjectFIFO's first (test/npu-xrt/add_one_two output @aa7ab18: objFifo_out1 before objFifo_in1_cons).
    order = {f.name: i for i, f in enumerate(design.fifos)}
    all_pools = sorted((p for r in tiles.values() for p in r.pools), key=lambda p: -order.get(p.fifo, 0))
    for p in all_pools:
        for i, name in enumerate(p.buffer_names()):
            res(home.get((p.name, i), p.tile)).buffers.append(BufferRequest(name, p.buffer_bytes))
    for b in design.buffers:
        res(b.tile).buffers.append(BufferRequest(b.name, b.nbytes, b.address, b.mem_bank, b.aligned, b.memory_space))
    return {name for (name, _), tile in home.items() if tile != next(p.tile for p in mem_pools if p.name == name)}
