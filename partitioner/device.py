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
    name: str
    memory_bytes: int
    banks: int
    locks: int
    bds: int
    dma_in: int
    dma_out: int


@dataclass(frozen=True)
class ShimLimits:
    """dma_memcpy_nd limits on a shim tile, in 32-bit words."""

    wrap_max: int
    stride_max_words: int
    repeat_max: int
    dims: int
    align_bytes: int


@dataclass(frozen=True)
class Device:
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

    @property
    def rows(self) -> int:
        return 1 + len(self.mem_rows) + len(self.compute_rows)

    def kind_of(self, tile: Coord) -> str:
        col, row = tile
        if not (0 <= col < self.columns and 0 <= row < self.rows):
            raise UserError(f"tile ({col}, {row}) is outside {self.name} "
                            f"({self.columns} columns x {self.rows} rows)")
        if row == self.shim_row:
            return "shim"
        return "mem" if row in self.mem_rows else "compute"

    def kind(self, tile: Coord) -> TileKind:
        return self.kinds[self.kind_of(tile)]

    @property
    def compute_tiles(self) -> list[Coord]:
        return [(c, r) for c in range(self.columns) for r in self.compute_rows]

    @cached_property
    def graph(self) -> nx.DiGraph:
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
        """Can the core of ``core`` load/store the data memory of ``memory`` directly?"""
        if core == memory:
            return self.kind_of(core) == "compute"
        return bool(self.graph.edges.get((core, memory), {}).get("reach"))

    def shared_memory_pool(self, producer: Coord, consumer: Coord) -> Coord | None:
        """Where a shared-memory FIFO's pool goes, or None when the two share no memory.

        Mirrors AIEObjectFifoStatefulTransform: only compute tiles share; the
        pool sits on the producer unless only the producer's core can reach the
        consumer's memory, then on the consumer.
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
    return sorted(params.load("devices.toml")["devices"])


@lru_cache(maxsize=None)
def load(name: str = "npu1", override: Path | None = None) -> Device:
    data = params.load("devices.toml", override)
    devices = data.get("devices", {})
    if name not in devices:
        raise UserError(f"unknown device {name!r}; choose one of {', '.join(sorted(devices))}")
    d, arr = devices[name], data["array"]
    kinds = {
        kind: TileKind(kind, t["memory_bytes"], t["banks"], t["locks"], t["bds"], t["dma_in"], t["dma_out"])
        for kind, t in data["tile"].items()
    }
    return Device(
        name=name, columns=int(d["columns"]), generation=d.get("generation", "aie2"),
        shim_row=arr["shim_row"], mem_rows=tuple(arr["mem_rows"]), compute_rows=tuple(arr["compute_rows"]),
        kinds=kinds, clock_hz=float(arr["clock_hz"]), dma_bytes_per_cycle=int(arr["dma_bytes_per_cycle"]),
        max_lock_value=int(arr["max_lock_value"]),
        mem_bds_per_channel_parity=int(data["tile"]["mem"].get("bds_per_channel_parity", 24)),
        shim=ShimLimits(**{k: int(v) for k, v in data["shim_dma"].items()}),
    )


def for_options(options) -> Device:
    """The device a design's options name, with their parameter override file if any."""
    return load(options.device, Path(options.device_file) if options.device_file else None)
