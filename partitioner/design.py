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

import numbers
import os
from dataclasses import asdict, dataclass, field, fields

import networkx as nx

from partitioner import profiles
from partitioner.errors import UserError

Coord = tuple[int, int]

# MLIR's builtin float types with a fixed width (mlir/IR/BuiltinTypes.td): their bits.
_FLOAT_BITS = {"bf16": 16, "f16": 16, "tf32": 19, "f32": 32, "f64": 64, "f80": 80, "f128": 128}
# MLIR's `index` width in its default data layout (mlir/lib/Interfaces/DataLayoutInterfaces.cpp,
# kDefaultIndexBitwidth); the element width used for `memref<...xindex>` here.
INDEX_BITS = 64


def elem_bits(name: str) -> int | None:
    """Bits of one element of an MLIR builtin element type, by its name; None for any other type.

    The one place npu-tiler knows element widths (the MLIR reader, FIFO ends and generators all
    ask here). MLIR spells integers ``iN`` (signless), ``siN`` (signed) and ``uiN`` (unsigned), N
    bits each; floats by their names; ``index`` is :data:`INDEX_BITS`.

    Examples
    --------
    >>> from partitioner.design import elem_bits
    >>> elem_bits("ui8"), elem_bits("si16"), elem_bits("i32"), elem_bits("bf16"), elem_bits("index")
    (8, 16, 32, 16, 64)
    >>> elem_bits("memref<4xi8>") is None, elem_bits("i") is None
    (True, True)
    """
    if name in _FLOAT_BITS:
        return _FLOAT_BITS[name]
    if name == "index":
        return INDEX_BITS
    for prefix in ("ui", "si", "i"):
        width = name.removeprefix(prefix)
        if width != name and width.isdigit():
            return int(width)
    return None


def elem_bytes(name: str) -> int | None:
    """Bytes of one element of an MLIR element type (:func:`elem_bits` / 8); None when not a whole number.

    Examples
    --------
    >>> from partitioner.design import elem_bytes
    >>> elem_bytes("ui8"), elem_bytes("f32"), elem_bytes("i1"), elem_bytes("tf32")
    (1, 4, None, None)
    """
    bits = elem_bits(name)
    return bits // 8 if bits is not None and bits % 8 == 0 else None


# MLIR element types npu-tiler generates FIFO objects, host buffers and kernel streams in, and
# their sizes (the choices a kernel spec's streams may take).
ELEM_BYTES = {t: elem_bytes(t) for t in ("i8", "i16", "i32", "i64", "bf16", "f16", "f32", "f64")}


def numpy_dtype(elem_type: str):
    """The numpy dtype of an MLIR element type ("i16" -> int16).

    The simulator and the hardware runner use it to view FIFO objects and
    host buffers with the element type the Design declares.

    Parameters
    ----------
    elem_type : str
        A key of :data:`ELEM_BYTES`: ``"i8"`` ... ``"i64"``, ``"f16"``,
        ``"f32"``, ``"f64"`` or ``"bf16"``; or a signed or unsigned integer
        ``"si8"`` ... ``"si64"``, ``"ui8"`` ... ``"ui64"``.

    Returns
    -------
    numpy.dtype
        A signed integer (unsigned for ``ui*``) or float dtype of the same
        width, native byte order; ``uint16`` for ``bf16`` (numpy has no
        bfloat16: the bits).

    Raises
    ------
    KeyError
        ``elem_type`` is none of these.

    Examples
    --------
    >>> from partitioner.design import numpy_dtype
    >>> numpy_dtype("i16"), numpy_dtype("i16").itemsize, numpy_dtype("ui8")
    (dtype('int16'), 2, dtype('uint8'))
    """
    import numpy as np

    if elem_type.startswith("f"):
        return np.dtype(f"float{8 * ELEM_BYTES[elem_type]}")
    if elem_type == "bf16":
        return np.dtype("uint16")  # numpy has no bfloat16: the bits, viewed as 16-bit words
    size = ELEM_BYTES.get(elem_type) or (elem_bytes(elem_type) if elem_type[:2] in ("ui", "si") else None)
    if size not in (1, 2, 4, 8):  # numpy's integer widths
        raise KeyError(elem_type)
    return np.dtype(f"uint{8 * size}" if elem_type.startswith("ui") else f"int{8 * size}")


@dataclass(frozen=True)
class Options:
    """Everything that, with the kernel and device, determines a Design.

    Frozen: change a field with ``dataclasses.replace``. ``batch`` is frames
    per NPU call, ``object_frames`` frames per FIFO buffer (one kernel call),
    ``depth`` buffers per FIFO end; the comments beside the fields give the
    defaults' meaning. Made only with fields of the right type (UserError naming the field, the
    value and what it takes: ``bool`` is not a count, a float never one); the ranges are
    :func:`partitioner.strategies.validate`'s.

    Examples
    --------
    >>> from partitioner.design import Options
    >>> o = Options(strategy="single", batch=20, tiles=1)
    >>> o.as_dict()["batch"], o.kernel, o.device
    (20, 'mel', 'npu1')
    >>> Options(tiles=True)
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: Options.tiles must be a whole number of compute tiles (int), not True (bool): a bool is not a count
    """

    kernel: str = "mel"
    device: str = "npu1"
    strategy: str = "split"
    batch: int = 100
    tiles: int = 4
    object_frames: int | None = None  # None: batch / (workers fed per call), the seed's layout
    depth: int | None = None  # None: 2 if it fits, else 1
    frame_mode: str = "framed"  # framed | dma-framed | streamed
    alloc_scheme: str = "basic-sequential"  # basic-sequential | bank-aware
    # mlir-aie version profile (params/profiles.toml); the default is that file's, the only one
    mlir_aie: str = field(default_factory=profiles.default_name)
    stack_size: int | None = None  # core stack reservation; None: what the kernel needs, at least the default
    device_file: str | None = None  # TOML overriding params/devices.toml figures

    def __post_init__(self) -> None:
        _check_option_types(self)

    def as_dict(self) -> dict:
        """The fields as a plain dict (what manifest.json stores under ``"options"``)."""
        return asdict(self)


# The largest batch (partitioner.api.MAX_BATCH): one NPU call's input must fit one XRT buffer
# (partitioner.check.HOST_BUFFER_MAX_BYTES,
# 4 GiB - 1 B: the xdna driver syncs a buffer object with 32-bit offsets and sizes) and the smallest frame
# a built-in kernel reads is a 160-sample int16 hop (320 B). A larger batch can never run (and the search
# for changes that fit takes minutes on one: 187 s at 10**10 frames); one below it that still overflows a
# buffer is reported by the check ("does not fit").
MIN_FRAME_BYTES = 320
# aie.core's stack_size is an i32 attribute (the largest stack a design can ask for).
MAX_STACK_BYTES = 2**31 - 1
# What each Options field takes: "str", "int" (a whole number, never a bool) and whether None is allowed.
_OPTION_KINDS: dict[str, tuple[str, bool]] = {
    "kernel": ("str", False), "device": ("str", False), "strategy": ("str", False),
    "batch": ("int", False), "tiles": ("int", False), "object_frames": ("int", True), "depth": ("int", True),
    "frame_mode": ("str", False), "alloc_scheme": ("str", False), "mlir_aie": ("str", False),
    "stack_size": ("int", True), "device_file": ("path", True),
}
_OPTION_UNITS = {"batch": "frames", "tiles": "compute tiles", "object_frames": "frames per FIFO buffer",
                 "depth": "buffers per FIFO end", "stack_size": "bytes"}


def _describe(value) -> str:
    return f"{value!r} ({type(value).__name__})"


def _check_option_types(options: Options) -> None:
    """The one check of an Options' field types (and of the stack's i32 bound): UserError naming the
    field, the value and what it takes. ``bool`` is not a count and a float is never one (1.0 neither);
    numpy integers are taken as ints, a path-like ``device_file`` as its str. The ranges that depend on
    the device or the strategy (tiles against compute tiles, depth 1 to 8, ...) are
    :func:`partitioner.strategies.validate`'s; a batch of 0 and empty names are what a design read
    without a manifest states (nothing to speak of), so they pass here.
    """
    for f in fields(options):
        kind, optional = _OPTION_KINDS.get(f.name, ("any", True))
        value = getattr(options, f.name)
        if value is None and optional or kind == "any":
            continue
        none = "None or " if optional else ""
        if kind == "str":
            if not isinstance(value, str):
                raise UserError(f"Options.{f.name} must be {none}a name (str), not {_describe(value)}")
        elif kind == "path":
            if not isinstance(value, (str, os.PathLike)):
                raise UserError(f"Options.{f.name} must be {none}a file path (str or Path), not {_describe(value)}")
            object.__setattr__(options, f.name, os.fspath(value))
        elif isinstance(value, bool) or not isinstance(value, numbers.Integral):
            why = ": a bool is not a count" if isinstance(value, bool) else ""
            raise UserError(f"Options.{f.name} must be {none}a whole number of {_OPTION_UNITS[f.name]} (int), "
                            f"not {_describe(value)}{why}")
        else:
            object.__setattr__(options, f.name, int(value))  # numpy integers too: names and JSON stay plain
    if options.stack_size is not None and options.stack_size > MAX_STACK_BYTES:
        raise UserError(f"Options.stack_size must be at most {MAX_STACK_BYTES:,} bytes (aie.core's stack_size "
                        f"is an i32), not {options.stack_size:,}")


def named_tile(endpoint: str) -> Coord | None:
    """The tile a ``tile:<col>,<row>`` FIFO endpoint names (a compute tile without a core); None for
    any other endpoint (a worker, ``shim:<g>``, ``mem:<g>``: :meth:`Design.endpoint_tile`).

    Examples
    --------
    >>> named_tile("tile:1,3"), named_tile("shim:0")
    ((1, 3), None)
    """
    kind, _, g = endpoint.partition(":")
    if kind != "tile":
        return None
    col, row = g.split(",")
    return int(col), int(row)


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
    # What a hand-written aie.core states about its data memory (npu-tiler's own cores state none):
    data_bytes: int | None = None  # data_size, else measured_data_size: its .data/.rodata/.bss (None: the kernel's)
    stack_address: int | None = None  # stack_address: where the stack starts (None: the allocator's choice)
    stack_bank: int | None = None  # stack_bank: the bank the stack must lie in

    @property
    def iterations_per_call(self) -> int:
        """Kernel calls (acquires) per NPU call: ``frames_per_call // object_frames``.

        The strategies choose ``object_frames`` to divide ``frames_per_call``.
        """
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
    # Attributes that decide the lowering of a FIFO read from any design (npu-tiler's own set none):
    via_dma: bool = False  # {via_DMA = true}: DMA even between tiles that share memory
    init_values: bool = False  # initValues: the producer pool keeps its declared depth; owns a 1-to-1 link
    dims_to_stream: bool = False  # dimensionsToStream on the producer: needs a DMA
    dims_from_stream: bool = False  # dimensionsFromStreamPerConsumer non-empty: needs a DMA
    repeat_count: int | None = None  # {repeat_count = n}: needs a DMA; the producer's BDs repeat
    consumer_object_bytes: int | None = None  # asymmetric FIFO: bytes of a consumer-side object
    allocate_tile: Coord | None = None  # aie.objectfifo.allocate: the shared pool's tile
    external_buffers: int = 0  # aie.objectfifo.register_external_buffers on its shim end
    aie_stream: int | None = None  # aie_stream = 0|1|2 (producer, consumer, both on a Core stream port): needs a DMA
    rearmed: bool = False  # named by aiex.dma_channel_reset_for in the runtime sequence: its locks are re-armed
    iter_count: int | None = None  # {iter_count = n}: a bounded BD chain, run n times

    def end_names(self) -> list[str]:
        """Names mlir-aie gives the FIFO's ends, producer first.

        The producer end keeps the FIFO's name ``f``; the consumer end is
        ``f_cons`` for one consumer, ``f_0_cons``, ``f_1_cons``, ... for a
        broadcast (AIEObjectFifoStatefulTransform, docs/research/mlir-aie-lowering.md
        section 1.2; test/objectFifo-stateful-transform/: the buffers and
        locks carry these names, e.g. ``f_cons_buff_0``).

        Returns
        -------
        list of str
            ``1 + len(consumers)`` names, in the order of ``depth`` entries.

        Examples
        --------
        >>> from partitioner.design import ObjectFifo
        >>> ObjectFifo("of", "a", ["b"], 64, "i32", 16, 2, 1, "frames").end_names()
        ['of', 'of_cons']
        >>> ObjectFifo("of", "a", ["b", "c"], 64, "i32", 16, 2, 1, "frames").end_names()
        ['of', 'of_0_cons', 'of_1_cons']
        """
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
        """Size of the buffer in bytes: ``elem_count * elem_bytes``."""
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
        """Elements the transfer moves: the product of ``sizes`` (bytes: times ``elem_bytes``)."""
        n = 1
        for s in self.sizes:
            n *= s
        return n

    def indices(self):
        """Element indices of the host buffer in the order the DMA streams them.

        Index ``offset + sum(i_d * stride_d)`` for every ``i_d < sizes[d]``,
        outermost dimension first, as ``aiex.npu.dma_memcpy_nd`` walks them
        (docs/research/mlir-aie-lowering.md section 5). The simulator uses it
        to gather and scatter host data.

        Returns
        -------
        numpy.ndarray
            ``elements`` integer indices, in elements of the host buffer.

        Examples
        --------
        >>> from partitioner.design import ShimTransfer
        >>> t = ShimTransfer("in", "in0", "in", 0, [1, 1, 2, 4], [0, 0, 2, 1], 2)
        >>> t.indices().tolist()
        [0, 1, 2, 3, 2, 3, 4, 5]
        """
        import numpy as np

        grids = np.meshgrid(*[np.arange(n) for n in self.sizes], indexing="ij")
        flat = sum(g * s for g, s in zip(grids, self.strides))
        return self.offset + np.asarray(flat).reshape(-1)


@dataclass
class RuntimeSequence:
    """``aiex.runtime_sequence``: what one NPU call does from the host's side.

    The host buffers in XRT argument order, one shim transfer per FIFO and
    column group (outputs first, so the drain is armed before the fill), and
    the FIFOs whose transfers the call waits for (``aiex.npu.dma_wait``).
    """

    buffers: list[HostBuffer]
    transfers: list[ShimTransfer]
    waits: list[str]  # FIFOs whose transfers the sequence waits for

#: How aie-assign-buffer-addresses names a buffer without ``sym_name``: ``_anonymous<k>``, k counting the
#: unnamed buffers in program order (AIEAssignBuffers.cpp; docs/research section 2).
UNNAMED_BUFFER = "_anonymous"



@dataclass
class BufferDecl:
    """``aie.buffer``: a buffer declared by hand on a tile, optionally pinned to an address or bank."""

    name: str
    tile: Coord
    nbytes: int
    address: int | None = None
    mem_bank: int | None = None
    aligned: bool = True  # {aligned = false}: the allocator may place it at any byte
    memory_space: int | None = None  # its memref's memory space (memref<64xi8, 6>): 5..14 name banks


@dataclass
class LockDecl:
    """``aie.lock``: a lock declared by hand, optionally with its id and initial value."""

    name: str
    tile: Coord
    lock_id: int | None = None
    init: int = 0


@dataclass
class DmaChannelDecl:
    """One ``aie.dma_start`` of a hand-written ``aie.mem``/``aie.memtile_dma``/``aie.shim_dma``: a channel
    and the BDs its chain walks."""

    tile: Coord
    direction: str  # "in" (S2MM) | "out" (MM2S)
    channel: int
    bds: int


@dataclass
class Design:
    """A placed multi-tile design: what every later stage reads.

    Built by :func:`partitioner.strategies.make_design` (or read back by
    :func:`partitioner.read`). ``object_frames`` and ``depth`` are the values
    the strategy chose when ``options`` left them unset.

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> d = make_design(Options(batch=100, tiles=4))
    >>> d.batch, d.object_frames, len(d.workers), d.compute_tiles[0]
    (100, 25, 4, (0, 2))
    """

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
    # What a hand-written design declares besides ObjectFIFOs (npu-tiler's own designs have none):
    buffers: list[BufferDecl] = field(default_factory=list)
    locks: list[LockDecl] = field(default_factory=list)
    dma_channels: list[DmaChannelDecl] = field(default_factory=list)
    tiles: list[Coord] = field(default_factory=list)  # every tile the design declares, sorted

    @property
    def batch(self) -> int:
        """Frames one NPU call moves in and out (``options.batch``)."""
        return self.options.batch

    def worker(self, name: str) -> Worker:
        """The worker called ``name``; StopIteration when there is none."""
        return next(w for w in self.workers if w.name == name)

    def fifo(self, name: str) -> ObjectFifo:
        """The ObjectFIFO called ``name``; StopIteration when there is none."""
        return next(f for f in self.fifos if f.name == name)

    @property
    def compute_tiles(self) -> list[Coord]:
        """The tiles of the placed workers, in worker order (empty before placement)."""
        return [w.tile for w in self.workers if w.tile is not None]

    def endpoint_tile(self, endpoint: str) -> Coord:
        """Tile of a FIFO endpoint name (a worker, ``shim:<g>``, ``mem:<g>`` or ``tile:<col>,<row>``).

        Parameters
        ----------
        endpoint : str
            A worker's name, ``shim:<g>`` / ``mem:<g>`` for column group g, or
            ``tile:<col>,<row>`` for a compute tile without a core (a
            hand-written design's FIFO end nobody acquires).

        Returns
        -------
        Coord
            ``(col, row)``.

        Raises
        ------
        KeyError
            No shim or mem tile is placed for that group.
        StopIteration
            No worker has that name.
        AssertionError
            The worker is not placed yet.

        Examples
        --------
        >>> from partitioner.strategies import make_design
        >>> from partitioner.design import Options
        >>> d = make_design(Options(batch=100, tiles=4))
        >>> d.endpoint_tile("shim:0"), d.endpoint_tile("mem:0"), d.endpoint_tile(d.workers[1].name)
        ((0, 0), (0, 1), (0, 3))
        """
        kind, _, g = endpoint.partition(":")
        if kind == "shim":
            return self.shims[int(g)]
        if kind == "mem":
            return self.mem_tiles[int(g)]
        if (named := named_tile(endpoint)) is not None:
            return named
        tile = self.worker(endpoint).tile
        assert tile is not None, f"{endpoint} is not placed"
        return tile

    def dataflow(self) -> nx.MultiDiGraph:
        """Endpoints (workers, ``shim:<g>``, ``mem:<g>``) as nodes, one edge per FIFO consumer.

        Returns
        -------
        networkx.MultiDiGraph
            Edges ``producer -> consumer`` keyed by FIFO name, with attributes
            ``fifo`` and ``bytes`` (bytes of one buffer). Links are not
            edges: a distribute shows as ``shim -> mem`` and ``mem -> worker``.

        Examples
        --------
        >>> from partitioner.strategies import make_design
        >>> from partitioner.design import Options
        >>> d = make_design(Options(strategy="pipeline", tiles=2, object_frames=10))
        >>> sorted(d.dataflow().edges(keys=True))
        [('logmel_0_0', 'shim:0', 'out0'), ('shim:0', 'spectrum_0_0', 'in0'),
         ('spectrum_0_0', 'logmel_0_0', 's0_0_0')]
        """
        g = nx.MultiDiGraph(name=self.name)
        for f in self.fifos:
            for c in f.consumers:
                g.add_edge(f.producer, c, key=f.name, fifo=f.name, bytes=f.object_bytes)
        return g
