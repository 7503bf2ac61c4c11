"""Hand-built Designs for checking the lowering rules against mlir-aie's own test cases."""
from __future__ import annotations

from partitioner.design import Design, Link, ObjectFifo, Options, RuntimeSequence, Worker
from partitioner.device import Device

ELEM = {"i8": 1, "i16": 2, "i32": 4}


def endpoint(device: Device, tile: tuple[int, int]) -> str:
    kind = device.kind_of(tile)
    if kind == "shim":
        return f"shim:{tile[0]}"
    if kind == "mem":
        return f"mem:{tile[0]}"
    return f"core_{tile[0]}_{tile[1]}"


def fifo(name, prod, cons, depth, elems, elem_type="i32", acquire=None):
    """One FIFO spec: acquire maps tile -> the largest single acquire its core makes (absent: no core)."""
    return dict(name=name, prod=prod, cons=cons, depth=depth, elems=elems, elem_type=elem_type,
                acquire=acquire or {})


def design(device: Device, specs: list[dict], links: list[Link] = (), cores: list = ()) -> Design:
    tiles = {t for s in specs for t in [s["prod"], *s["cons"]]}
    compute = sorted(t for t in tiles if device.kind_of(t) == "compute")
    workers = [Worker(endpoint(device, t), "frames", "k", [], [], 1, 1, 1024, tile=t)
               for t in compute if t in set(cores) or not cores]
    fifos = []
    for s in specs:
        ends = [s["prod"], *s["cons"]]
        f = ObjectFifo(name=s["name"], producer=endpoint(device, s["prod"]),
                       consumers=[endpoint(device, c) for c in s["cons"]],
                       object_bytes=s["elems"] * ELEM[s["elem_type"]], elem_type=s["elem_type"],
                       elem_count=s["elems"], depth=s["depth"], object_frames=1, stream="frames",
                       producer_tile=s["prod"], consumer_tiles=list(s["cons"]),
                       acquire={endpoint(device, t): n for t, n in s["acquire"].items() if t in ends})
        fifos.append(f)
    d = Design("hand", Options(), workers, fifos, list(links), RuntimeSequence([], [], []), groups=1,
               object_frames=1, depth=2)
    for t in tiles:
        kind = device.kind_of(t)
        if kind == "shim":
            d.shims[t[0]] = t
        elif kind == "mem":
            d.mem_tiles[t[0]] = t
    return d
