"""What mlir-aie's ObjectFIFO lowering makes of each FIFO, end by end: the facts both token engines build on.

:func:`partitioner.lowering.lower` counts what each *tile* takes; this module says, per *FIFO*,
what each of its ends is once lowered, for the two engines that run tokens through a design (the
hang checker's network, :mod:`partitioner.hangs.build`, and the simulator's, :mod:`sim.dataflow`):

* a FIFO lowered to **shared memory** has one pool and one lock pair, which both cores use in
  place; a link's output delegated to the link's compute tile has neither (its consumer works in
  the link's own pool);
* otherwise each **end** (:class:`End`; index 0 the producer, then each consumer: a broadcast's
  consumers all take the producer's objects in lockstep) has its tile, its DMA channel (MM2S at
  the producer, S2MM at a consumer), the lowering's pool and a *free* / *filled* lock pair: the
  free lock starts at the pool's size, the filled one at 0, or the converse when the producer end
  holds initial values. A shim end's channel is driven by the runtime sequence, yet the lowering
  gives it a pair too, counting its registered external buffers, else the profile's
  ``shim_prod_lock_init`` (:func:`partitioner.lowering.shim_lock_count`); a mem-tile producer
  with initial values outside any link sends them without locks when the profile says so
  (``static_init_without_locks``);
* an end wired to a **Core stream port** (``aie_stream``, :func:`partitioner.lowering.is_core_stream_end`)
  has no pool, no locks and no channel (``core_stream``): the core itself writes or reads the stream;
* a **link** (:class:`LinkPool`) keeps its buffers on one FIFO's end, the owner's
  (:func:`partitioner.lowering.link_owner`); the other FIFOs' ends on the link's tile have none and
  read or write their slice of each owner buffer. A distribute or join has one lock pair per
  sub-FIFO on the owner's pool (:class:`Part`, at the sub-FIFO's offset), a 1-to-1 link one pair.

Lock names are the reports' own, close to mlir-aie's: an end's pair is ``<end>_prod_lock`` (free)
and ``<end>_cons_lock`` (filled), where mlir-aie adds an index (``link1_prod_lock_0``); mlir-aie
names a link's pairs after the owner's end (``link1_cons_prod_lock_0`` .. ``_2``), the reports
after each part's sub-FIFO end (``link2_link_prod_lock``), which says which slice waits
(docs/research/mlir-aie-lowering.md section 4, T6 and T7: test/objectFifo-stateful-transform/
data_movement_patterns/link/link_test_distribute_offsets.mlir @ 24f4b640, link_test_join_offsets.mlir
@ 038b5b3b). Pool sizes and channels are :func:`~partitioner.lowering.lower`'s, read, never recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from partitioner.design import Coord, Design, Link, ObjectFifo, elem_bytes
from partitioner.device import Device
from partitioner.lowering import (Lowered, Pool, is_core_stream_end, link_owner, sends_init_without_locks,
                                  shim_lock_count)
from partitioner.profiles import Profile


@dataclass(frozen=True)
class LockPair:
    """A pool's two AIE2 semaphore locks: *free* buffers and *filled* objects.

    ``count`` is the pool's buffers; ``filled`` says the pool starts with initial values, in all
    its buffers or in the first ``preset`` (a shared pool deeper than the producer's declared
    depth). ``fifo`` is the FIFO whose objects the pair counts (a link's sub-FIFO for its part).

    Examples
    --------
    >>> p = LockPair("of_cons", "of", 2, False)
    >>> (p.free_name, p.free_init), (p.filled_name, p.filled_init)
    (('of_cons_prod_lock', 2), ('of_cons_cons_lock', 0))
    """

    prefix: str
    fifo: str
    count: int
    filled: bool
    preset: int | None = None  # buffers that start filled when ``filled``; None: all ``count``
    repeat: int = 1  # the producer end's repeat_count: mlir-aie's lock values count each object that often

    @property
    def lowered_free_init(self) -> int:
        """The free lock's ``init`` as mlir-aie writes it: :attr:`free_init` times :attr:`repeat`.

        createObjectFifoLocks sets ``(numElem - initValues) * repeatCount`` (AIEObjectFifoStatefulTransform.cpp
        @ 3acd8744, search id 56680629433); the token engines count objects, :attr:`free_init`
        (repeat_count/bd_chain_with_repeat_count.mlir @ bea53067: of1_prod_lock_0 init 3 = 1 x 3).
        """
        return self.free_init * self.repeat

    @property
    def lowered_filled_init(self) -> int:
        """The filled lock's ``init`` as mlir-aie writes it: ``initValues * repeatCount``
        (init_values/init_values_repeat_test.mlir @ 5fdac2c1: of0_cons_lock_0 init 6 = 2 x 3)."""
        return self.filled_init * self.repeat

    @property
    def _start(self) -> int:
        return (self.count if self.preset is None else self.preset) if self.filled else 0

    @property
    def free_name(self) -> str:
        """The free lock's name: ``<prefix>_prod_lock`` (the producer side acquires it)."""
        return f"{self.prefix}_prod_lock"

    @property
    def filled_name(self) -> str:
        """The filled lock's name: ``<prefix>_cons_lock`` (the consumer side acquires it)."""
        return f"{self.prefix}_cons_lock"

    @property
    def free_init(self) -> int:
        """The free lock's initial value: the pool's buffers not holding initial values."""
        return self.count - self._start

    @property
    def filled_init(self) -> int:
        """The filled lock's initial value: the buffers holding initial values (0 without)."""
        return self._start


@dataclass(eq=False)
class End:
    """One end of a DMA FIFO (``index`` 0: the producer, MM2S; 1..: a consumer, S2MM).

    ``pool`` is the lowering's pool of this end (None: a shim end, or an end on a link whose
    buffers another FIFO owns); ``count`` the buffers its lock pair counts (the pool's, else the
    declared depth). ``locks`` is None where the end has no pair of its own: an end on a link (the
    link's parts carry the pairs), or a mem-tile producer that sends initial values without locks
    (``static_init``). A shim end's pair is the lowering's (:func:`~partitioner.lowering.shim_lock_count`)
    though the runtime sequence, not the pair, paces its channel (the token engines skip it). ``bd_bytes``
    is what one of its BDs moves: a producer's object times its ``repeat_count``, a consumer's
    object (its own size for an asymmetric FIFO). ``channel`` is the lowering's DMA channel index.
    ``core_stream``: the end is a Core stream port (``aie_stream``): no pool, locks or channel.
    """

    fifo: str
    index: int
    name: str
    tile: Coord
    kind: str  # shim | mem | compute
    endpoint: str  # the Design's name for it: a worker, "shim:<g>" or "mem:<g>"
    pool: Pool | None
    count: int
    locks: LockPair | None
    bd_bytes: int
    channel: int | None = None
    static_init: bool = False
    link: LinkPool | None = None  # the link this end sits on
    core_stream: bool = False

    @property
    def direction(self) -> str:
        """"out" (MM2S, the producer end) or "in" (S2MM, a consumer end)."""
        return "out" if self.index == 0 else "in"

    @property
    def owns_link(self) -> bool:
        """The end holds its link's buffers (the other FIFOs of the link use slices of them)."""
        return self.link is not None and self.link.owner == self.fifo


@dataclass(frozen=True)
class Part:
    """One lock pair of a link's pool and the slice of each owner buffer it guards.

    A distribute's or join's sub-FIFO ``fifo`` at byte ``offset``, ``nbytes`` long; a 1-to-1
    link's one part is the owner's whole object.
    """

    fifo: str
    offset: int
    nbytes: int
    locks: LockPair


@dataclass(eq=False)
class LinkPool:
    """An ``aie.objectfifo.link`` as lowered: the owner's pool on the link's tile, shared out in parts.

    ``ends`` maps each FIFO of the link to its end on the link's tile (an output's producer end,
    an input's consumer end there); ``slices`` maps each FIFO other than the owner to its
    ``(byte offset, bytes)`` in every owner buffer.
    """

    link: Link
    owner: str
    parts: list[Part]
    slices: dict[str, tuple[int, int]]
    ends: dict[str, End] = field(default_factory=dict)

    @property
    def tile(self) -> Coord | None:
        """The link's tile."""
        return self.link.tile

    @property
    def kind(self) -> str:
        """"join" (N -> 1: one MM2S drains the parts in order), "distribute" (1 -> N: one S2MM fills
        them in order) or "forward" (1 -> 1)."""
        if len(self.link.inputs) > 1:
            return "join"
        return "distribute" if len(self.link.outputs) > 1 else "forward"

    @property
    def owner_end(self) -> End | None:
        """The end that holds the buffers (None when the lowering placed no end on the link's tile)."""
        return self.ends.get(self.owner)


@dataclass(eq=False)
class FifoPools:
    """One FIFO as lowered: shared memory (``pool`` and ``locks``, no ends) or DMA ``ends``, producer first.

    A shared FIFO without a ``pool`` is a link output whose consumer works in the link's own pool.
    """

    fifo: ObjectFifo
    shared: bool
    ends: list[End] = field(default_factory=list)
    pool: Pool | None = None
    locks: LockPair | None = None

    @property
    def producer(self) -> End:
        """The producer end (a DMA FIFO's)."""
        return self.ends[0]

    @property
    def consumers(self) -> list[End]:
        """The consumer ends, in the FIFO's consumer order (several: a broadcast, in lockstep)."""
        return self.ends[1:]


@dataclass(eq=False)
class FifoEnds:
    """Every FIFO of a design as lowered (design order), its links, and which FIFO end each DMA channel serves."""

    fifos: dict[str, FifoPools]
    links: list[LinkPool]
    channels: dict[tuple[Coord, str, int], list[str]]  # (tile, "out"/"in", index) -> FIFOs, lowering order

    def on_channel(self, tile: Coord, direction: str, index: int) -> list[str]:
        """The FIFOs whose end on ``tile`` uses DMA channel ``index`` of ``direction`` ("out"/"in")."""
        return self.channels.get((tile, direction, index), [])


def fifo_ends(design: Design, lowered: Lowered, device: Device, profile: Profile) -> FifoEnds:
    """What the ObjectFIFO lowering makes of each FIFO of ``design``: pools, lock pairs, channels, links.

    Parameters
    ----------
    design : Design
        A placed Design (every FIFO end has its tile).
    lowered : Lowered
        ``partitioner.lowering.lower(design, device, profile)``: the pools, the shared-memory
        FIFOs and the DMA channels, read as they are.
    device : Device
        Decides each end's tile kind.
    profile : Profile
        The mlir-aie version's rules (initial values on a mem tile without locks).

    Returns
    -------
    FifoEnds

    Examples
    --------
    >>> from partitioner import device, profiles
    >>> from partitioner.design import Options
    >>> from partitioner.lowering import lower
    >>> from partitioner.strategies import make_design
    >>> d, dev, prof = make_design(Options(batch=100, tiles=2, depth=2)), device.load("npu1"), profiles.load("2025")
    >>> ends = fifo_ends(d, lower(d, dev, prof), dev, prof)
    >>> [(e.name, e.kind, e.count, e.locks and e.locks.free_name) for e in ends.fifos["in0_0"].ends]
    [('in0_0', 'mem', 2, None), ('in0_0_cons', 'compute', 2, 'in0_0_cons_prod_lock')]
    >>> link = ends.links[0]
    >>> link.kind, link.owner, [(p.fifo, p.offset, p.nbytes, p.locks.prefix) for p in link.parts]
    ('distribute', 'in0', [('in0_0', 0, 40000, 'in0_0_link'), ('in0_1', 40000, 40000, 'in0_1_link')])
    """
    fifo_of = {f.name: f for f in design.fifos}
    channel_of: dict[tuple[str, str], int] = {}  # (FIFO, end name) -> its channel index
    channels: dict[tuple[Coord, str, int], list[str]] = {}
    for res in lowered.tiles.values():
        for ch in res.channels:
            if ch.fifo:  # "" is a hand-written DMA channel
                channel_of[(ch.fifo, ch.end)] = ch.index
                channels.setdefault((ch.tile, ch.direction, ch.index), []).append(ch.fifo)
    # Each FIFO end a link sits on: an output's producer end, an input's consumer end on its tile.
    link_of: dict[tuple[str, int], Link] = {}
    for link in design.links:
        if link.tile is None:
            continue
        for n in link.outputs:
            link_of[(n, 0)] = link
        for n in link.inputs:
            link_of[(n, 1 + fifo_of[n].consumer_tiles.index(link.tile))] = link
    in_link = {n for link in design.links for n in (*link.inputs, *link.outputs)}

    fifos: dict[str, FifoPools] = {}
    on_link: dict[int, dict[str, End]] = {}  # id(Link) -> each of its FIFOs' end on it
    for f in design.fifos:
        if f.name in lowered.shared:
            pool = lowered.pools[f.name][0] if f.name in lowered.pools else None
            # initial values fill the producer's declared depth, which a deeper shared pool exceeds
            locks = None if pool is None else LockPair(f.name, f.name, pool.count, bool(f.init_values),
                                                       f.depth_for(0) if pool.count != f.depth_for(0) else None)
            fifos[f.name] = FifoPools(f, True, pool=pool, locks=locks)
            continue
        ends = []
        for index, (end, tile, endpoint) in enumerate(zip(f.end_names(), [f.producer_tile, *f.consumer_tiles],
                                                          [f.producer, *f.consumers])):
            kind = device.kind_of(tile)
            pool = next((p for p in lowered.pools.get(f.name, []) if p.tile == tile and p.name == end), None)
            count = (pool.count if pool is not None else 0) or f.depth_for(index)
            static_init = sends_init_without_locks(f, index, kind, f.name in in_link, profile)
            core_stream = is_core_stream_end(f, index)
            own = kind != "shim" and not static_init and not core_stream and (f.name, index) not in link_of
            bd_bytes = f.object_bytes * (f.repeat_count or 1) if index == 0 else \
                f.consumer_object_bytes or f.object_bytes
            if own:
                locks = LockPair(end, f.name, count, index == 0 and bool(f.init_values),
                                 repeat=(f.repeat_count or 1) if index == 0 else 1)
            elif kind == "shim":  # the runtime sequence drives its channel, but the lowering makes the pair
                locks = LockPair(end, f.name, shim_lock_count(f, profile), False)
            else:
                locks = None
            ends.append(End(f.name, index, end, tile, kind, endpoint, pool, count, locks,
                            bd_bytes, channel_of.get((f.name, end)), bool(static_init), core_stream=core_stream))
            if (f.name, index) in link_of:
                on_link.setdefault(id(link_of[(f.name, index)]), {})[f.name] = ends[-1]
        fifos[f.name] = FifoPools(f, False, ends)

    links = [_link(link, fifo_of, on_link.get(id(link), {})) for link in design.links]
    return FifoEnds(fifos, links, channels)


def _link(link: Link, fifo_of: dict[str, ObjectFifo], ends: dict[str, End]) -> LinkPool:
    """A link's owner, its parts (one lock pair each, on the owner's pool) and the others' slices;
    ``ends``: each of its FIFOs' end on the link's tile."""
    owner = fifo_of[link_owner(link, fifo_of)]
    others = [n for n in (*link.inputs, *link.outputs) if n != owner.name]
    # offsets are elements of the owner's object, one per sub-FIFO; a 1-to-1 link's other FIFO starts at 0
    offsets = link.offsets if len(others) > 1 else [0]
    elem = elem_bytes(owner.elem_type)
    if elem is None:  # the reader refuses such a FIFO (read.py _nbytes): here it is a bug
        raise ValueError(f"FIFO {owner.name}: element type {owner.elem_type} has no whole number of bytes")
    slices = {n: (off * elem, fifo_of[n].object_bytes) for n, off in zip(others, offsets)}
    owner_end = ends.get(owner.name)
    count = owner_end.count if owner_end is not None else owner.depth_for(0 if owner.name in link.outputs else 1)
    filled = bool(owner.init_values and owner.name in link.outputs)
    many = len(link.inputs) > 1 or len(link.outputs) > 1
    subs = [(n, *slices[n]) for n in others] if many else [(owner.name, 0, owner.object_bytes)]
    parts = [Part(n, off, nbytes, LockPair(f"{ends[n].name if n in ends else n}_link", n, count, filled))
             for n, off, nbytes in subs]
    lp = LinkPool(link, owner.name, parts, slices, ends)
    for e in ends.values():
        e.link = lp
    return lp
