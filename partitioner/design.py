"""The Design: workers, ObjectFIFOs, links and the runtime sequence, placed on tiles.

A Design is built by a strategy (``partitioner.strategies``) and placed by
``partitioner.placement``; after that it is the single source of truth that
the resource check, the emitters, the simulator and the reports read.

Two granularities are kept apart everywhere:

* ``batch``: frames one NPU call (one runtime sequence) moves in and out;
* ``object_frames``: frames in one ObjectFIFO buffer, what a worker's kernel
  call processes per acquire.

Byte counts are stored, not recomputed by readers: a FIFO's ``object_bytes``
is the size of one buffer, a transfer's ``sizes``/``strides`` are in elements
of its host buffer.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

import networkx as nx

Coord = tuple[int, int]

# MLIR element types of FIFO objects and host buffers, and their sizes.
ELEM_BYTES = {"i8": 1, "i16": 2, "i32": 4}


def numpy_dtype(elem_type: str):
    """The numpy dtype of an MLIR integer element type ("i16" -> int16)."""
    import numpy as np

    return np.dtype(f"int{8 * ELEM_BYTES[elem_type]}")


@dataclass(frozen=True)
class Options:
    """Everything that, with the kernel and device, determines a Design."""

    kernel: str = "mel"
    device: str = "npu1"
    strategy: str = "split"
    batch: int = 100
    tiles: int = 4
    object_frames: int | None = None  # None: batch / (workers fed per call), the seed's layout
    depth: int | None = None  # None: 2 if it fits, else 1
    frame_mode: str = "framed"  # framed | dma-framed | streamed
    alloc_scheme: str = "basic-sequential"  # basic-sequential | bank-aware
    mlir_aie: str = "2025"  # lowering profile (params/lowering.toml)
    stack_size: int | None = None  # core stack reservation; None: what the kernel needs, at least the default
    device_file: str | None = None  # TOML overriding params/devices.toml figures

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Worker:
    """One core: calls ``entry`` on ``object_frames`` frames per acquire."""

    name: str
    entry: str  # kernel entry point (kernel.toml [entries] key)
    symbol: str
    inputs: list[str]  # FIFO names it consumes, in argument order
    outputs: list[str]  # FIFO names it produces
    frames_per_call: int  # frames this worker handles per NPU call
    object_frames: int
    stack_bytes: int  # the core's stack_size reservation
    tile: Coord | None = None
    group: int = 0  # column group it belongs to
    stage: int = 0  # position in its pipeline chain
    chain: int = 0  # which chain of its group

    @property
    def iterations_per_call(self) -> int:
        return self.frames_per_call // self.object_frames


@dataclass
class ObjectFifo:
    """``aie.objectfifo``: one producer end, one or more consumer ends."""

    name: str
    producer: str  # worker name, or "shim:<g>" / "mem:<g>"
    consumers: list[str]
    object_bytes: int  # bytes of one buffer
    elem_type: str  # MLIR element type of the memref, e.g. "i16"
    elem_count: int  # elements per buffer
    depth: int | tuple[int, ...]  # int, or [producer, consumer0, ...] as written
    object_frames: int
    stream: str  # what it carries: frames | chunk | spectrum | logmel
    producer_tile: Coord | None = None
    consumer_tiles: list[Coord] = field(default_factory=list)
    acquire: dict[str, int] = field(default_factory=dict)  # endpoint -> max single acquire

    def end_names(self) -> list[str]:
        """Names mlir-aie gives the FIFO's ends, producer first: ``f``, then ``f_cons`` for one
        consumer or ``f_0_cons``, ``f_1_cons``, ... for a broadcast
        (test/objectFifo-stateful-transform/: the buffers and locks carry these names)."""
        if len(self.consumers) == 1:
            return [self.name, f"{self.name}_cons"]
        return [self.name, *(f"{self.name}_{i}_cons" for i in range(len(self.consumers)))]

    def depth_for(self, index: int) -> int:
        """Declared depth of end ``index`` (0 = producer, 1.. = consumers)."""
        if isinstance(self.depth, int):
            return self.depth
        return self.depth[index]


@dataclass
class Link:
    """``aie.objectfifo.link`` on a mem tile: distribute (1 -> N) or join (N -> 1)."""

    name: str
    kind: str  # distribute | join | forward
    inputs: list[str]
    outputs: list[str]
    offsets: list[int]  # element offsets into the big FIFO's object, one per sub-FIFO
    tile: Coord | None = None
    group: int = 0

    @property
    def big(self) -> str:
        """The FIFO on the link's one-end side: the output of a join, the input of a distribute."""
        return self.outputs[0] if self.kind == "join" else self.inputs[0]

    @property
    def subs(self) -> list[str]:
        """The sub-FIFOs, one per offset, on the many-end side."""
        return self.inputs if self.kind == "join" else self.outputs


@dataclass
class HostBuffer:
    """A buffer the host hands to one NPU call (an XRT buffer object)."""

    name: str
    direction: str  # in | out
    elem_type: str
    elem_count: int
    elem_bytes: int
    stream: str  # frames | audio | logmel
    frames: int

    @property
    def nbytes(self) -> int:
        return self.elem_count * self.elem_bytes


@dataclass
class ShimTransfer:
    """``aiex.npu.dma_memcpy_nd`` on a host buffer into/out of a shim FIFO end."""

    buffer: str
    fifo: str
    direction: str  # in (MM2S, host -> array) | out (S2MM)
    offset: int  # elements
    sizes: list[int]  # 4 entries, outermost first, elements
    strides: list[int]  # 4 entries, elements
    elem_bytes: int
    shim: Coord | None = None
    group: int = 0
    bd_id: int = 0

    @property
    def elements(self) -> int:
        n = 1
        for s in self.sizes:
            n *= s
        return n

    def indices(self):
        """Element indices of the host buffer in the order the DMA streams them
        (``offset + sum(i_d * stride_d)``, outermost dimension first)."""
        import numpy as np

        grids = np.meshgrid(*[np.arange(n) for n in self.sizes], indexing="ij")
        flat = sum(g * s for g, s in zip(grids, self.strides))
        return self.offset + np.asarray(flat).reshape(-1)


@dataclass
class RuntimeSequence:
    buffers: list[HostBuffer]
    transfers: list[ShimTransfer]
    waits: list[str]  # FIFOs whose transfers the sequence waits for


@dataclass
class Design:
    """A placed multi-tile design: what every later stage reads."""

    name: str
    options: Options
    workers: list[Worker]
    fifos: list[ObjectFifo]
    links: list[Link]
    sequence: RuntimeSequence
    groups: int  # column groups (each with its shim and, if used, mem tile)
    object_frames: int
    depth: int
    shims: dict[int, Coord] = field(default_factory=dict)  # group -> shim tile
    mem_tiles: dict[int, Coord] = field(default_factory=dict)  # group -> mem tile
    notes: list[str] = field(default_factory=list)

    @property
    def batch(self) -> int:
        return self.options.batch

    def worker(self, name: str) -> Worker:
        return next(w for w in self.workers if w.name == name)

    def fifo(self, name: str) -> ObjectFifo:
        return next(f for f in self.fifos if f.name == name)

    @property
    def compute_tiles(self) -> list[Coord]:
        return [w.tile for w in self.workers if w.tile is not None]

    def endpoint_tile(self, endpoint: str) -> Coord:
        """Tile of a FIFO endpoint name (a worker, ``shim:<g>`` or ``mem:<g>``)."""
        kind, _, g = endpoint.partition(":")
        if kind == "shim":
            return self.shims[int(g)]
        if kind == "mem":
            return self.mem_tiles[int(g)]
        tile = self.worker(endpoint).tile
        assert tile is not None, f"{endpoint} is not placed"
        return tile

    def dataflow(self) -> nx.MultiDiGraph:
        """Endpoints (workers, ``shim:<g>``, ``mem:<g>``) as nodes, one edge per FIFO consumer."""
        g = nx.MultiDiGraph(name=self.name)
        for f in self.fifos:
            for c in f.consumers:
                g.add_edge(f.producer, c, key=f.name, fifo=f.name, bytes=f.object_bytes)
        return g
