"""The NPU array as a networkx graph: tiles with their resources, and who reaches whose memory.

Nodes are ``(col, row)`` with attributes ``kind`` (``shim``, ``mem``,
``compute``) and the resource figures of ``params/devices.toml``. Edges:

* ``reach``: directed ``core tile -> memory tile`` for every memory a core
  can load and store without DMA. On AIE2 a core reaches its own memory, its
  west neighbour's, its north neighbour's and its south neighbour's unless
  that is a mem tile (AIETargetModel.cpp isLegalMemAffinity). Self-reach is
  an attribute, not a loop edge.
* ``stream``: undirected neighbour links of the stream switch network
  (every tile to its four neighbours), along which DMA flows are routed.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import networkx as nx

from partitioner import params
from partitioner.errors import UserError

Coord = tuple[int, int]


@dataclass(frozen=True)
class TileKind:
    """The resources of one kind of tile (``[tile.<kind>]`` in params/devices.toml).

    ``memory_bytes`` of data memory in ``banks`` equal banks, ``locks``,
    ``bds`` buffer descriptors, ``dma_in`` S2MM and ``dma_out`` MM2S channels,
    ``program_memory_bytes`` of core program memory (0 for a tile without a core);
    the figures are AIETargetModel's (docs/research/mlir-aie-lowering.md section 3.2).
    """

    name: str
    memory_bytes: int
    banks: int
    locks: int
    bds: int
    dma_in: int
    dma_out: int
    program_memory_bytes: int = 0


@dataclass(frozen=True)
class ShimLimits:
    """``aiex.npu.dma_memcpy_nd`` limits on a shim tile (``[shim_dma]`` in params/devices.toml).

    From the verifier in lib/Dialect/AIEX/IR/AIEXDialect.cpp
    (docs/research/mlir-aie-lowering.md section 5): ``wrap_max`` is the largest
    innermost size in 32-bit words and the largest middle size in elements,
    ``stride_max_words`` the largest stride in words, ``repeat_max`` the
    largest outermost (repeat) size, ``dims`` the dimensions besides the
    repeat, ``align_bytes`` the alignment of offsets and runs in bytes.
    """

    wrap_max: int
    stride_max_words: int
    repeat_max: int
    dims: int
    align_bytes: int


@dataclass(frozen=True)
class Device:
    """One NPU device as the model sees it: geometry, tile resources, clock and DMA width.

    Loaded from params/devices.toml by :func:`load`. Tiles are ``(col, row)``;
    ``clock_hz`` in Hz, ``dma_bytes_per_cycle`` bytes per cycle per channel,
    ``max_lock_value`` the largest count a lock holds (AIETargetModel
    getMaxLockValue), ``mem_bds_per_channel_parity`` the BDs a mem tile's even
    (or odd) channels share (AIEAssignBufferDescriptorIDs.cpp isBdChannelAccessible),
    ``noc_columns`` the shim columns with a NOC connection (None: every one;
    AIETargetModel isShimNOCTile). The dialect's verifiers (partitioner.mlir.aie) ask it too.

    Examples
    --------
    >>> from partitioner import device
    >>> npu1 = device.load("npu1")
    >>> npu1.columns, npu1.rows, npu1.kinds["compute"].memory_bytes
    (4, 6, 65536)
    """

    name: str
    columns: int
    generation: str
    shim_row: int
    mem_rows: tuple[int, ...]
    compute_rows: tuple[int, ...]
    kinds: dict[str, TileKind]
    clock_hz: float
    dma_bytes_per_cycle: int
    max_lock_value: int
    mem_bds_per_channel_parity: int
    shim: ShimLimits
    noc_columns: frozenset[int] | None = None

    @property
    def rows(self) -> int:
        """Rows of the array: the shim row, the mem rows and the compute rows (6 on npu1)."""
        return 1 + len(self.mem_rows) + len(self.compute_rows)

    def contains(self, tile: Coord) -> bool:
        """Whether ``tile`` (``(col, row)``) is inside the array."""
        col, row = tile
        return 0 <= col < self.columns and 0 <= row < self.rows

    def is_shim_noc(self, tile: Coord) -> bool:
        """Whether ``tile`` is a shim tile with a NOC connection (AIETargetModel isShimNOCTile)."""
        return tile[1] == self.shim_row and (self.noc_columns is None or tile[0] in self.noc_columns)

    def kind_of(self, tile: Coord) -> str:
        """The kind of the tile at ``tile``: ``"shim"``, ``"mem"`` or ``"compute"``.

        Parameters
        ----------
        tile : Coord
            ``(col, row)``.

        Returns
        -------
        str
            ``"shim"`` on the shim row, ``"mem"`` on a mem row, else ``"compute"``.

        Raises
        ------
        UserError
            The tile is outside the array (aiecc rejects such an ``aie.tile``).

        Examples
        --------
        >>> from partitioner import device
        >>> npu1 = device.load("npu1")
        >>> npu1.kind_of((0, 0)), npu1.kind_of((0, 1)), npu1.kind_of((3, 5))
        ('shim', 'mem', 'compute')
        >>> npu1.kind_of((4, 2))
        Traceback (most recent call last):
        ...
        partitioner.errors.UserError: tile (4, 2) is outside npu1 (4 columns x 6 rows)
        """
        col, row = tile
        if not (0 <= col < self.columns and 0 <= row < self.rows):
            raise UserError(f"tile ({col}, {row}) is outside {self.name} "
                            f"({self.columns} columns x {self.rows} rows)")
        if row == self.shim_row:
            return "shim"
        return "mem" if row in self.mem_rows else "compute"

    def kind(self, tile: Coord) -> TileKind:
        """The resources (:class:`TileKind`) of the tile at ``tile``.

        Parameters
        ----------
        tile : Coord
            ``(col, row)``.

        Returns
        -------
        TileKind

        Raises
        ------
        UserError
            The tile is outside the array.

        Examples
        --------
        >>> from partitioner import device
        >>> k = device.load("npu1").kind((0, 1))
        >>> k.name, k.memory_bytes, k.banks, k.bds
        ('mem', 524288, 8, 48)
        """
        return self.kinds[self.kind_of(tile)]

    @property
    def compute_tiles(self) -> list[Coord]:
        """Every compute tile of the array, column by column, bottom row first."""
        return [(c, r) for c in range(self.columns) for r in self.compute_rows]

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The array as a graph (see the module docstring): tiles with their resources as nodes.

        Every pair of neighbours has an edge each way with ``stream=True``;
        an edge ``core -> memory`` also carries ``reach=True`` when that core
        loads and stores the neighbour's memory directly (AIETargetModel.cpp
        isLegalMemAffinity). Built once per Device.
        """
        g = nx.DiGraph(name=self.name)
        for col in range(self.columns):
            for row in range(self.rows):
                k = self.kind((col, row))
                g.add_node((col, row), kind=k.name, memory_bytes=k.memory_bytes, banks=k.banks,
                           locks=k.locks, bds=k.bds, dma_in=k.dma_in, dma_out=k.dma_out)
        for col, row in list(g.nodes):
            for dc, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                other = (col + dc, row + dr)
                if other in g:
                    g.add_edge((col, row), other, stream=True)
        for tile in self.compute_tiles:
            for other in self._reachable(tile):
                g.edges[tile, other]["reach"] = True
        return g

    def _reachable(self, core: Coord) -> list[Coord]:
        col, row = core
        out = []
        for other in ((col - 1, row), (col, row + 1), (col, row - 1)):
            c, r = other
            if 0 <= c < self.columns and 0 <= r < self.rows and self.kind_of(other) == "compute":
                out.append(other)
        return out

    def reaches(self, core: Coord, memory: Coord) -> bool:
        """Can the core of ``core`` load/store the data memory of ``memory`` directly?

        On AIE2 a core reaches its own memory and its west, north and south
        neighbours' unless the south one is a mem tile, never its east
        neighbour's (AIETargetModel.cpp isLegalMemAffinity;
        docs/research/mlir-aie-lowering.md section 3.3).

        Parameters
        ----------
        core : Coord
            The tile whose core loads and stores.
        memory : Coord
            The tile whose data memory it would use.

        Returns
        -------
        bool
            False when ``core`` is not a compute tile.

        Examples
        --------
        >>> from partitioner import device
        >>> npu1 = device.load("npu1")
        >>> npu1.reaches((2, 2), (1, 2)), npu1.reaches((1, 2), (2, 2))  # west yes, east no
        (True, False)
        >>> npu1.reaches((1, 3), (1, 2)), npu1.reaches((1, 2), (1, 1))  # south, but not a mem tile
        (True, False)
        """
        if core == memory:
            return self.kind_of(core) == "compute"
        if self.generation == "aie1":
            return True  # AIE1's checkerboard of memory affinity is not modelled (only its dialect reads AIE1)
        return bool(self.graph.edges.get((core, memory), {}).get("reach"))

    def shared_memory_pool(self, producer: Coord, consumer: Coord) -> Coord | None:
        """Where a shared-memory FIFO's pool goes, or None when the two share no memory.

        Mirrors AIEObjectFifoStatefulTransform (isSharedMemory and
        createObjectFifoElements; docs/research/mlir-aie-lowering.md section
        1.1): only compute tiles share; the pool sits on the producer unless
        only the producer's core can reach the consumer's memory, then on the
        consumer. (The research notes infer from the code, untested, that two
        neighbouring mem tiles would share too; the model does not.)

        Parameters
        ----------
        producer, consumer : Coord
            The tiles of the FIFO's two ends.

        Returns
        -------
        Coord or None
            The tile that holds the one pool, or None: the FIFO needs DMA.

        Examples
        --------
        >>> from partitioner import device
        >>> npu1 = device.load("npu1")
        >>> npu1.shared_memory_pool((1, 2), (1, 3))  # the consumer reaches south
        (1, 2)
        >>> npu1.shared_memory_pool((2, 2), (1, 2))  # only the producer reaches: on the consumer
        (1, 2)
        >>> npu1.shared_memory_pool((1, 1), (1, 2)) is None  # a mem tile never shares with a core
        True
        """
        if self.kind_of(producer) != "compute" or self.kind_of(consumer) != "compute":
            return None
        cons_reaches_prod = self.reaches(consumer, producer)
        prod_reaches_cons = self.reaches(producer, consumer)
        if cons_reaches_prod:
            return producer
        if prod_reaches_cons:
            return consumer
        return None


def available() -> list[str]:
    """The device names params/devices.toml describes, sorted.

    Returns
    -------
    list of str
        Names accepted by :func:`load` and ``Options.device``.

    Raises
    ------
    UserError
        params/devices.toml is missing or malformed.

    Examples
    --------
    >>> from partitioner import device
    >>> device.available()[:6]
    ['npu1', 'npu1_1col', 'npu1_2col', 'npu1_3col', 'npu1_4col', 'npu2']
    """
    data = params.load("devices.toml")
    return sorted(set(data["devices"]) - set(data.get("unsupported", {})))


def is_sub_array(name: str, of: str) -> bool:
    """Whether device ``name`` is a smaller array of device ``of``'s family: both in :func:`available`,
    the same name up to the first ``_`` (an ``npu`` name; any other name is its own family) and fewer
    columns. mlir-aie names the partial arrays npu1_1col .. npu1_4col (AIEAttrs.td); npu-tiler emits
    ``aie.device(npu1_1col)`` for a one-column design on ``npu1``, as IRON does.

    Examples
    --------
    >>> from partitioner.device import is_sub_array
    >>> is_sub_array("npu1_1col", "npu1"), is_sub_array("npu1", "npu1_1col"), is_sub_array("npu1_1col", "npu2")
    (True, False, False)
    """
    def family(device: str) -> str:
        return device.split("_")[0] if device.startswith("npu") else device

    names = available()
    return family(name) == family(of) and name in names and of in names and load(name).columns < load(of).columns


@lru_cache(maxsize=None)
def load(name: str = "npu1", override: Path | None = None) -> Device:
    """The :class:`Device` ``name`` from params/devices.toml, with an override file's keys replaced.

    Cached: the same arguments give the same object.

    Parameters
    ----------
    name : str
        A device of :func:`available`, the names of mlir-aie's ``aie.device``
        (include/aie/Dialect/AIE/IR/AIEAttrs.td).
    override : Path, optional
        A TOML file with the layout of devices.toml holding only the keys
        it changes (``--device-file``).

    Returns
    -------
    Device

    Raises
    ------
    UserError
        Unknown device, one devices.toml lists as unsupported, or a
        parameter file missing or not valid TOML.

    Examples
    --------
    >>> from partitioner import device
    >>> d = device.load("npu1_2col")
    >>> d.columns, d.compute_rows, d.shim.wrap_max
    (2, (2, 3, 4, 5), 1023)
    """
    data = params.load("devices.toml", override)
    if name in data.get("unsupported", {}):
        raise UserError(f"device {name} is {data['unsupported'][name]}")
    return _device(name, data)


@lru_cache(maxsize=None)
def model(name: str) -> Device:
    """The array of device ``name`` as a design's ``aie.device`` sees it, supported or not.

    What the dialect's verifiers ask (partitioner.mlir.aie): unlike :func:`load`, a
    device npu-tiler does not partition for (AIE1's xcvc1902) is described too.

    Parameters
    ----------
    name : str
        A device of params/devices.toml, an mlir-aie ``AIEDevice`` name.

    Returns
    -------
    Device

    Raises
    ------
    UserError
        Unknown device.

    Examples
    --------
    >>> from partitioner import device
    >>> vc1902 = device.model("xcvc1902")
    >>> vc1902.generation, vc1902.rows, vc1902.is_shim_noc((2, 0)), vc1902.is_shim_noc((0, 0))
    ('aie1', 9, True, False)
    """
    return _device(name, params.load("devices.toml"))


def _device(name: str, data: dict) -> Device:
    devices = data.get("devices", {})
    if name not in devices:
        raise UserError(f"unknown device {name!r}; choose one of {', '.join(sorted(devices))}")
    d, arr = devices[name], {**data["array"], **{k: v for k, v in devices[name].items()
                                                if k in ("shim_row", "mem_rows", "compute_rows")}}
    kinds = {
        kind: TileKind(kind, t["memory_bytes"], t["banks"], t["locks"], t["bds"], t["dma_in"], t["dma_out"],
                       t.get("program_memory_bytes", 0))
        for kind, t in data["tile"].items()
    }
    noc = d.get("noc_columns")
    return Device(
        name=name, columns=int(d["columns"]), generation=d.get("generation", "aie2"),
        shim_row=arr["shim_row"], mem_rows=tuple(arr["mem_rows"]), compute_rows=tuple(arr["compute_rows"]),
        kinds=kinds, clock_hz=float(arr["clock_hz"]), dma_bytes_per_cycle=int(arr["dma_bytes_per_cycle"]),
        max_lock_value=int(arr["max_lock_value"]),
        mem_bds_per_channel_parity=int(data["tile"]["mem"].get("bds_per_channel_parity", 24)),
        shim=ShimLimits(**{k: int(v) for k, v in data["shim_dma"].items()}),
        noc_columns=frozenset(noc) if noc is not None else None,
    )


def for_options(options) -> Device:
    """The device a design's options name, with their parameter override file if any.

    Parameters
    ----------
    options : Options
        Reads ``options.device`` and ``options.device_file``.

    Returns
    -------
    Device

    Raises
    ------
    UserError
        As :func:`load`.

    Examples
    --------
    >>> from partitioner import device
    >>> from partitioner.design import Options
    >>> device.for_options(Options(device="npu1_2col")).columns
    2
    """
    return load(options.device, Path(options.device_file) if options.device_file else None)
