"""Read an mlir-aie design (custom syntax) back into a Design, for ``npu-tiler check``.

Reads the operations npu-tiler emits, which are also what hand-written
designs of this shape use: ``aie.device``, ``aie.tile``, ``func.func``
declarations, ``aie.objectfifo``, ``aie.objectfifo.link``, ``aie.core`` bodies
(``arith.constant``, ``scf.for``, acquire/access/release, ``func.call``,
``aie.end``), and the runtime sequence (``aiex.npu.dma_memcpy_nd``,
``aiex.npu.dma_wait``). Anything else is an error naming its line.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from partitioner import kernel_spec
from partitioner import manifest as manifest_file
from partitioner.design import (ELEM_BYTES, Design, HostBuffer, Link, ObjectFifo, Options, RuntimeSequence,
                                ShimTransfer, Worker)
from partitioner.device import Device, for_options
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec

_DEVICE = re.compile(r"^aie\.device\((\w+)\)")
_TILE = re.compile(r"^%([\w.]+) = aie\.tile\((\d+), (\d+)\)")
_FUNC = re.compile(r"^func\.func private @(\w+)\((.*?)\)(?: attributes \{link_with = \"([^\"]+)\"\})?$")
_FIFO = re.compile(r"^aie\.objectfifo @(\w+)\(%([\w.]+), \{([^}]*)\}, (\[[\d, ]+\]|\d+ : i32)\) : "
                   r"!aie\.objectfifo<memref<(\d+)x(i\d+)>>$")
_LINK = re.compile(r"^aie\.objectfifo\.link \[([^\]]*)\] -> \[([^\]]*)\]\(\[([\d, ]*)\] \[([\d, ]*)\]\)$")
_CORE = re.compile(r"^%[\w.]+ = aie\.core\(%([\w.]+)\) \{$")
_CORE_END = re.compile(r"^\}(?: \{(.*)\})?$")
_CONST = re.compile(r"^%([\w.]+) = arith\.constant (-?\d+) : (index|i32|i64)$")
_FOR = re.compile(r"^scf\.for %\w+ = %[\w.]+ to %([\w.]+) step %[\w.]+ \{$")
_ACQ = re.compile(r"^%[\w.]+ = aie\.objectfifo\.acquire @(\w+)\((Consume|Produce), (\d+)\)")
_ACCESS = re.compile(r"^%[\w.]+ = aie\.objectfifo\.subview\.access ")
_REL = re.compile(r"^aie\.objectfifo\.release @(\w+)\((Consume|Produce), (\d+)\)$")
_CALL = re.compile(r"^func\.call @(\w+)\(([^)]*)\)")
_SEQ = re.compile(r"^aiex?\.runtime_sequence(?: @\w+)?\((.*)\) \{$|^aie\.runtime_sequence\((.*)\) \{$")
_DMA = re.compile(r"^aiex\.npu\.dma_memcpy_nd\(%([\w.]+)\[([\d, ]+)\]\[([\d, ]+)\]\[([\d, ]+)\]\) \{(.*)\} : "
                  r"memref<(\d+)x(i\d+)>$")
_WAIT = re.compile(r"^aiex\.npu\.dma_wait \{symbol = @(\w+)\}$")
_ARG = re.compile(r"%([\w.]+): memref<(\d+)x(i\d+)>")


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.replace(" ", "").split(",") if x]


def _attrs(text: str) -> dict[str, str]:
    out = {}
    for part in re.split(r",\s*(?=\w+ =)", text.strip()):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out


class _Reader:
    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.device: str | None = None
        self.tiles: dict[str, tuple[int, int]] = {}
        self.funcs: dict[str, str | None] = {}
        self.fifos: dict[str, dict] = {}
        self.links: list[dict] = []
        self.cores: list[dict] = []
        self.seq_args: dict[str, tuple[int, str]] = {}
        self.transfers: list[dict] = []
        self.waits: list[str] = []

    def fail(self, lineno: int, what: str) -> UserError:
        return UserError(f"{self.path}:{lineno}: {what}")

    def parse(self) -> None:
        i, n = 0, len(self.lines)
        while i < n:
            raw = self.lines[i]
            line = raw.strip()
            lineno = i + 1
            i += 1
            if not line or line.startswith("//") or line in ("module {", "}"):
                continue
            if m := _DEVICE.match(line):
                self.device = m.group(1)
            elif m := _TILE.match(line):
                self.tiles[m.group(1)] = (int(m.group(2)), int(m.group(3)))
            elif m := _FUNC.match(line):
                self.funcs[m.group(1)] = m.group(3)
            elif m := _FIFO.match(line):
                name, prod, cons, depth, count, elem = m.groups()
                d = _ints(depth[1:-1]) if depth.startswith("[") else int(depth.split(":")[0])
                self.fifos[name] = dict(prod=self._tile(prod, lineno),
                                        cons=[self._tile(c.strip().lstrip("%"), lineno) for c in cons.split(",")],
                                        depth=tuple(d) if isinstance(d, list) else d, count=int(count), elem=elem)
            elif m := _LINK.match(line):
                ins, outs = [s.strip().lstrip("@") for s in m.group(1).split(",")], \
                            [s.strip().lstrip("@") for s in m.group(2).split(",")]
                src, dst = _ints(m.group(3)), _ints(m.group(4))
                # A one-to-one link is a forward: like a one-way distribute unless it gives src offsets.
                kind = "join" if len(ins) > 1 or m.group(3).strip() else "distribute"
                self.links.append(dict(ins=ins, outs=outs, offsets=src or dst or [0], kind=kind))
            elif m := _CORE.match(line):
                i = self._core(self._tile(m.group(1), lineno), i)
            elif m := _SEQ.match(line):
                params = m.group(1) if m.group(1) is not None else m.group(2)
                for a in _ARG.finditer(params):
                    self.seq_args[a.group(1)] = (int(a.group(2)), a.group(3))
                i = self._sequence(i)
            else:
                raise self.fail(lineno, f"unsupported operation `{line[:60]}`: npu-tiler check reads the "
                                        f"aie/aiex ops npu-tiler emits")
        if self.device is None:
            raise UserError(f"{self.path}: not an mlir-aie design (no `aie.device(...)` found)")
        if not self.cores:
            raise UserError(f"{self.path}: no `aie.core` found: nothing to check")

    def _tile(self, ref: str, lineno: int) -> tuple[int, int]:
        if ref not in self.tiles:
            raise self.fail(lineno, f"%{ref} is not an aie.tile defined above")
        return self.tiles[ref]

    def _core(self, tile: tuple[int, int], i: int) -> int:
        consts: dict[str, int] = {}
        core = dict(tile=tile, acquires={}, calls=[], bounds=[], stack=None, link_with=None)
        depth = 1
        while i < len(self.lines):
            line = self.lines[i].strip()
            lineno = i + 1
            i += 1
            if not line or line.startswith("//") or _ACCESS.match(line) or line == "aie.end":
                continue
            if m := _CONST.match(line):
                consts[m.group(1)] = int(m.group(2))
            elif m := _FOR.match(line):
                core["bounds"].append(consts.get(m.group(1)))
                depth += 1
            elif m := _ACQ.match(line):
                name, port, size = m.groups()
                prev = core["acquires"].get(name, (port, 0))
                core["acquires"][name] = (port, max(prev[1], int(size)))
            elif _REL.match(line):
                pass
            elif m := _CALL.match(line):
                args = [a.strip().lstrip("%") for a in m.group(2).split(",")]
                core["calls"].append((m.group(1), consts.get(args[-1])))
            elif m := _CORE_END.match(line):
                depth -= 1
                if depth == 0:
                    attrs = _attrs(m.group(1) or "")
                    if "stack_size" in attrs:
                        core["stack"] = int(attrs["stack_size"].split(":")[0])
                    if "link_with" in attrs:
                        core["link_with"] = attrs["link_with"].strip('"')
                    self.cores.append(core)
                    return i
            else:
                raise self.fail(lineno, f"unsupported operation in aie.core `{line[:60]}`")
        raise self.fail(len(self.lines), "aie.core is not closed")

    def _sequence(self, i: int) -> int:
        while i < len(self.lines):
            line = self.lines[i].strip()
            lineno = i + 1
            i += 1
            if not line or line.startswith("//"):
                continue
            if m := _DMA.match(line):
                arg, offs, sizes, strides, attrs, _, _ = m.groups()
                a = _attrs(attrs)
                self.transfers.append(dict(arg=arg, offsets=_ints(offs), sizes=_ints(sizes),
                                           strides=_ints(strides), fifo=a.get("metadata", "").lstrip("@"),
                                           id=int(a.get("id", "0").split(":")[0])))
            elif m := _WAIT.match(line):
                self.waits.append(m.group(1))
            elif line == "}":
                return i
            else:
                raise self.fail(lineno, f"unsupported operation in the runtime sequence `{line[:60]}`")
        raise self.fail(len(self.lines), "runtime sequence is not closed")


def _kernel_for(symbols: set[str]) -> str:
    for name in kernel_spec.available():
        if symbols <= {e.symbol for e in kernel_spec.load(name).entries.values()}:
            return name
    raise UserError(f"no kernel under kernels/ has the entry points {sorted(symbols)}")


def read(path: str | Path, overrides: dict | None = None) -> Design:
    """The Design an aie.mlir describes (options from its manifest.json when beside it)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path} does not exist")
    try:
        text = path.read_text()
    except UnicodeDecodeError:
        raise UserError(f"{path} is not a text file: give an aie.mlir") from None
    r = _Reader(path, text)
    r.parse()
    manifest = manifest_file.read(path.parent)
    opts = dict(manifest.get("options", {}))
    opts.update({k: v for k, v in (overrides or {}).items() if v is not None})
    symbols = {c["calls"][0][0] for c in r.cores if c["calls"]}
    kernel = opts.get("kernel") or _kernel_for(symbols)
    spec = kernel_spec.load(kernel)
    known = set(Options.__dataclass_fields__)
    options = Options(**{k: v for k, v in opts.items() if k in known})
    options = replace(options, kernel=kernel, device=r.device)
    device = for_options(options)
    return _design(r, options, spec, device, path)


def _design(r: _Reader, options: Options, spec, device: Device, path: Path) -> Design:
    by_symbol = {e.symbol: e for e in spec.entries.values()}
    workers, tile_worker = [], {}
    for c in r.cores:
        if not c["calls"]:
            raise UserError(f"{path}: the core on {c['tile']} calls no kernel")
        symbol, frames = c["calls"][0]
        if symbol not in by_symbol:
            raise UserError(f"{path}: {symbol} is not an entry point of kernel {spec.name}")
        entry = by_symbol[symbol]
        iters = 1
        for b in c["bounds"][1:]:
            iters *= b or 1
        ins = [n for n, (port, _) in c["acquires"].items() if port == "Consume"]
        outs = [n for n, (port, _) in c["acquires"].items() if port == "Produce"]
        w = Worker(name=f"{entry.name}_{c['tile'][0]}_{c['tile'][1]}", entry=entry.name, symbol=symbol, inputs=ins,
                   outputs=outs, frames_per_call=iters * (frames or 1), object_frames=frames or 1,
                   stack_bytes=c["stack"] if c["stack"] is not None else 1024, tile=c["tile"], group=c["tile"][0])
        workers.append(w)
        tile_worker[c["tile"]] = w
    acquires = {}
    for c in r.cores:
        for n, (_, size) in c["acquires"].items():
            acquires.setdefault(n, {})[tile_worker[c["tile"]].name] = size
    shims, mems = {}, {}

    def endpoint(t):
        kind = device.kind_of(t)
        if kind == "shim":
            shims[t[0]] = t
            return f"shim:{t[0]}"
        if kind == "mem":
            mems[t[0]] = t
            return f"mem:{t[0]}"
        if t not in tile_worker:
            raise UserError(f"{path}: a FIFO ends on compute tile {t}, which has no aie.core")
        return tile_worker[t].name

    fifos = []
    for name, f in r.fifos.items():
        nbytes = f["count"] * ELEM_BYTES[f["elem"]]
        fifos.append(ObjectFifo(name=name, producer=endpoint(f["prod"]), consumers=[endpoint(t) for t in f["cons"]],
                                object_bytes=nbytes, elem_type=f["elem"], elem_count=f["count"], depth=f["depth"],
                                object_frames=0, stream="", producer_tile=f["prod"], consumer_tiles=list(f["cons"]),
                                acquire=acquires.get(name, {})))
    links = []
    for lk in r.links:
        # The link sits on the tile the big FIFO shares with its sub-FIFOs: the mem tile.
        big = r.fifos[lk["outs"][0] if lk["kind"] == "join" else lk["ins"][0]]
        tile = big["prod"] if lk["kind"] == "join" else big["cons"][0]
        big_name = lk["outs"][0] if lk["kind"] == "join" else lk["ins"][0]
        # Named as the partitioner names links: the big FIFO and what the link does to it.
        links.append(Link(f"{big_name}_{'join' if lk['kind'] == 'join' else 'split'}", lk["kind"], lk["ins"],
                          lk["outs"], lk["offsets"], tile=tile, group=tile[0]))
    buffers, transfers = [], []
    direction_of = {}
    for t in r.transfers:
        f = r.fifos.get(t["fifo"])
        if f is None:
            raise UserError(f"{path}: dma_memcpy_nd names @{t['fifo']}, which is not an objectfifo")
        shim_in = device.kind_of(f["prod"]) == "shim"
        direction_of[t["arg"]] = "in" if shim_in else "out"
        count, elem = r.seq_args[t["arg"]]
        # Element offset of the first element: offsets scale by their strides (a zero-stride
        # innermost offset still counts as elements).
        offset = sum(o * (s or 1) for o, s in zip(t["offsets"], t["strides"]))
        shim = f["prod"] if shim_in else f["cons"][0]
        transfers.append(ShimTransfer(t["arg"].removesuffix("_host"), t["fifo"], "in" if shim_in else "out", offset,
                                      t["sizes"], t["strides"], ELEM_BYTES[elem], shim=shim, group=shim[0],
                                      bd_id=t["id"]))
    for arg, (count, elem) in r.seq_args.items():
        direction = direction_of.get(arg, "in")
        stream = ("frames" if options.frame_mode == "framed" else "audio") if direction == "in" else "logmel"
        buffers.append(HostBuffer(arg.removesuffix("_host"), direction, elem, count, ELEM_BYTES[elem], stream,
                                  options.batch))
    _number_chains(workers, fifos)
    _fifo_frames_and_streams(fifos, workers, links, spec)
    object_frames = max((w.object_frames for w in workers), default=1)
    # The design's depth is its compute tiles' buffering (mem tiles keep their own).
    depths = [f.depth_for(i) for f in fifos for i, tile in enumerate([f.producer_tile, *f.consumer_tiles])
              if device.kind_of(tile) == "compute"]
    design = Design(name=path.parent.name, options=options, workers=workers, fifos=fifos, links=links,
                    sequence=RuntimeSequence(buffers, transfers, r.waits), groups=max(len(shims), 1),
                    object_frames=object_frames, depth=max(depths, default=1), shims=shims, mem_tiles=mems)
    return design


def _number_chains(workers: list[Worker], fifos: list[ObjectFifo]) -> None:
    """Group, chain and stage of every worker from the IR's structure, and the names the partitioner gives.

    A worker fed by a shim or mem tile heads a chain; each compute-to-compute
    FIFO adds a stage. Groups are the design's columns in order, chains the
    heads of a group by row: the numbering of ``partitioner.strategies``, so
    a design npu-tiler emitted reads back with its own worker names.
    """
    by_name = {w.name: w for w in workers}
    next_of: dict[str, Worker] = {}
    fed_by_worker: set[str] = set()
    for f in fifos:
        if f.producer in by_name:
            for c in f.consumers:
                if c in by_name:
                    next_of[f.producer] = by_name[c]
                    fed_by_worker.add(c)
    columns = sorted({w.tile[0] for w in workers})
    heads = sorted((w for w in workers if w.name not in fed_by_worker), key=lambda w: (w.tile[0], w.tile[1]))
    chain_in_group: dict[int, int] = {}
    renames: dict[str, str] = {}
    for head in heads:
        group = columns.index(head.tile[0])
        chain = chain_in_group.get(group, 0)
        chain_in_group[group] = chain + 1
        w, stage, seen = head, 0, set()
        while w is not None and w.name not in seen:
            seen.add(w.name)
            w.group, w.chain, w.stage = group, chain, stage
            renames[w.name] = f"{w.entry}_{group}_{chain}"
            w, stage = next_of.get(w.name), stage + 1
    for w in workers:
        w.name = renames.get(w.name, w.name)
    for f in fifos:
        f.producer = renames.get(f.producer, f.producer)
        f.consumers = [renames.get(c, c) for c in f.consumers]
        f.acquire = {renames.get(k, k): v for k, v in f.acquire.items()}


def _fifo_frames_and_streams(fifos: list[ObjectFifo], workers: list[Worker], links: list[Link],
                             spec: KernelSpec) -> None:
    """What each FIFO carries and how many frames one object holds, from the workers at its ends.

    A FIFO a worker reads carries what its entry point consumes; one a worker
    writes, what it produces. A link's big FIFO carries what its sub-FIFOs do,
    and its objects hold all of theirs.
    """
    by_name = {w.name: w for w in workers}
    fifo = {f.name: f for f in fifos}
    for f in fifos:
        reader = next((by_name[c] for c in f.consumers if c in by_name), None)
        writer = by_name.get(f.producer)
        if reader is not None:
            f.stream, f.object_frames = spec.entry(reader.entry).consumes, reader.object_frames
        elif writer is not None:
            f.stream, f.object_frames = spec.entry(writer.entry).produces, writer.object_frames
    for link in links:
        subs = [fifo[s] for s in link.subs]
        big = fifo[link.big]
        big.stream = subs[0].stream
        big.object_frames = sum(s.object_frames for s in subs)
