"""What the strategies share: the shape of a design, and building it into a Design.

A strategy decides a :class:`Shape`: which kernel entry points one chain of
workers runs (one fused entry, or the stages of a pipeline), how many chains
each column group holds, how many column groups, and whether data passes
through the group's mem tile (distribute in, join out). Everything else, the
FIFOs, the link offsets and the runtime sequence, follows from the shape here,
identically for every strategy.
"""
from __future__ import annotations

from dataclasses import dataclass

from partitioner.design import (ELEM_BYTES, Design, HostBuffer, Link, ObjectFifo, Options, RuntimeSequence,
                                ShimTransfer, Worker)
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.kernel_spec import EntryPoint, KernelSpec

FRAME_MODES = ("framed", "dma-framed", "streamed")
MEM_TILE_DEPTH = 2  # mem tiles have room: their pools stay double-buffered


@dataclass(frozen=True)
class Shape:
    """What a strategy decides: the entry points of one chain, the column groups, chains per group, and
    whether data passes through the group's mem tile."""

    chain: tuple[EntryPoint, ...]  # entry points of one chain, head first
    groups: int  # column groups
    chains_per_group: int
    via_mem_tile: bool

    @property
    def chains(self) -> int:
        """Chains over all groups."""
        return self.groups * self.chains_per_group

    @property
    def workers(self) -> int:
        """Workers (compute tiles) over all chains."""
        return self.chains * len(self.chain)


def head_stream(frame_mode: str) -> str:
    """What the first worker of a chain reads in each frame mode."""
    return "chunk" if frame_mode == "streamed" else "frames"


def chain_entries(spec: KernelSpec, frame_mode: str, staged: bool) -> tuple[EntryPoint, ...]:
    """The entry points one chain runs: the stage chain for ``frame_mode``, or the one fused entry."""
    if staged:
        return spec.stages("chunked" if frame_mode == "streamed" else "framed")
    return (spec.fused(head_stream(frame_mode)),)


def groups_for(chains: int, stages: int, device: Device, options: Options) -> tuple[int, int]:
    """(groups, chains per group): pack chains into columns, as few columns as possible."""
    per_column = len(device.compute_rows) // stages
    if per_column == 0:
        raise UserError(f"a chain of {stages} stages does not fit the {len(device.compute_rows)} "
                        f"compute tiles of one column")
    groups = -(-chains // per_column)
    if groups > device.columns:
        raise UserError(f"{options.strategy} over {options.tiles} tiles needs {groups} columns; "
                        f"{device.name} has {device.columns}: use fewer tiles or a larger device")
    if chains % groups:
        raise UserError(f"{chains} chains do not spread evenly over {groups} columns: "
                        f"use --tiles {groups * (chains // groups) * stages}")
    return groups, chains // groups


def object_frames(options: Options, frames_per_chain: int) -> int:
    """Frames per ObjectFIFO object: ``--object-frames`` if given (it must divide the chain's frames), else all."""
    f = options.object_frames or frames_per_chain
    if f <= 0:
        raise UserError("--object-frames must be at least 1")
    if frames_per_chain % f:
        divisors = [d for d in range(1, frames_per_chain + 1) if frames_per_chain % d == 0]
        raise UserError(f"--object-frames {f} does not divide the {frames_per_chain} frames each chain "
                        f"handles per call; choose one of {divisors}")
    return f


def _elems(nbytes: int, elem_type: str, what: str) -> int:
    size = ELEM_BYTES[elem_type]
    if nbytes % size:
        raise UserError(f"{what}: {nbytes} B is not a whole number of {elem_type} elements")
    return nbytes // size


def _row_split(length: int, elem_bytes: int, wrap_words: int) -> tuple[int, int]:
    """(rows, cols) with rows * cols == length and each row one shim DMA run:
    at most ``wrap_words`` 32-bit words and a whole number of words."""
    best = 0
    for cols in range(1, length + 1):
        run = cols * elem_bytes
        if run > wrap_words * 4:
            break
        if length % cols == 0 and run % 4 == 0:
            best = cols
    if best == 0:
        return 1, length  # no legal split: the shim check reports it
    return length // best, best


def build(options: Options, spec: KernelSpec, device: Device, shape: Shape, name: str,
          wrap_words: int) -> Design:
    """The (unplaced) Design for a shape."""
    batch, groups = options.batch, shape.groups
    frames_per_chain = batch // shape.chains
    f = object_frames(options, frames_per_chain)
    depth = options.depth or 2
    head, tail = shape.chain[0], shape.chain[-1]
    in_type, out_type = spec.elem_type(head.consumes), spec.elem_type(tail.produces)
    stack = options.stack_size if options.stack_size is not None else _stack_reservation(spec, options)

    workers: list[Worker] = []
    fifos: list[ObjectFifo] = []
    links: list[Link] = []

    def fifo(fname: str, producer: str, consumers: list[str], stream: str, nbytes: int,
             elem_type: str, frames: int, depth_value: int | tuple[int, ...]) -> ObjectFifo:
        fo = ObjectFifo(name=fname, producer=producer, consumers=consumers, object_bytes=nbytes,
                        elem_type=elem_type, elem_count=_elems(nbytes, elem_type, fname),
                        depth=depth_value, object_frames=frames, stream=stream,
                        acquire={e: 1 for e in [producer, *consumers] if not e.startswith(("shim:", "mem:"))})
        fifos.append(fo)
        return fo

    for g in range(groups):
        shim, mem = f"shim:{g}", f"mem:{g}"
        heads, tails = [], []
        for p in range(shape.chains_per_group):
            chain_workers = []
            for s, entry in enumerate(shape.chain):
                w = Worker(name=f"{entry.name}_{g}_{p}", entry=entry.name, symbol=entry.symbol,
                           inputs=[], outputs=[], frames_per_call=frames_per_chain, object_frames=f,
                           stack_bytes=stack, group=g, stage=s, chain=p)
                workers.append(w)
                chain_workers.append(w)
            for s in range(len(shape.chain) - 1):
                a, b = chain_workers[s], chain_workers[s + 1]
                e = shape.chain[s]
                fo = fifo(f"s{g}_{p}_{s}", a.name, [b.name], e.produces, e.out_bytes(f),
                          spec.elem_type(e.produces), f, depth)
                a.outputs.append(fo.name)
                b.inputs.append(fo.name)
            heads.append(chain_workers[0])
            tails.append(chain_workers[-1])

        sub_in, sub_out = head.in_bytes(f), tail.out_bytes(f)
        if shape.via_mem_tile:
            n = len(heads)
            big_in = fifo(f"in{g}", shim, [mem], head.consumes, n * sub_in, in_type, n * f,
                          (depth, MEM_TILE_DEPTH))
            outs_in = []
            for p, w in enumerate(heads):
                fo = fifo(f"in{g}_{p}", mem, [w.name], head.consumes, sub_in, in_type, f, (MEM_TILE_DEPTH, depth))
                w.inputs.insert(0, fo.name)
                outs_in.append(fo.name)
            # One sub-FIFO is mlir-aie's forward (one pool on the mem tile); it is kept as a
            # one-way distribute/join so its offsets print as IRON's forward does: ([] [0]).
            links.append(Link(f"in{g}_split", "distribute", [big_in.name], outs_in,
                              [p * (sub_in // ELEM_BYTES[in_type]) for p in range(n)], group=g))
            ins_out = []
            for p, w in enumerate(tails):
                fo = fifo(f"out{g}_{p}", w.name, [mem], tail.produces, sub_out, out_type, f, (depth, MEM_TILE_DEPTH))
                w.outputs.append(fo.name)
                ins_out.append(fo.name)
            big_out = fifo(f"out{g}", mem, [shim], tail.produces, n * sub_out, out_type, n * f,
                           (MEM_TILE_DEPTH, depth))
            links.append(Link(f"out{g}_join", "join", ins_out, [big_out.name],
                              [p * (sub_out // ELEM_BYTES[out_type]) for p in range(n)], group=g))
        else:
            (w_head,), (w_tail,) = heads, tails
            fo = fifo(f"in{g}", shim, [w_head.name], head.consumes, sub_in, in_type, f, (depth, depth))
            w_head.inputs.insert(0, fo.name)
            fo = fifo(f"out{g}", w_tail.name, [shim], tail.produces, sub_out, out_type, f, (depth, depth))
            w_tail.outputs.append(fo.name)

    sequence = _sequence(options, spec, shape, f, in_type, out_type, wrap_words)
    return Design(name=name, options=options, workers=workers, fifos=fifos, links=links,
                  sequence=sequence, groups=groups, object_frames=f, depth=depth)


def _stack_reservation(spec: KernelSpec, options: Options) -> int:
    from partitioner import lowering_profile

    default = lowering_profile.load(options.mlir_aie).default_stack_bytes
    need = -(-spec.stack_bytes // 32) * 32
    return max(default, need)


def _sequence(options: Options, spec: KernelSpec, shape: Shape, f: int, in_type: str, out_type: str,
              wrap_words: int) -> RuntimeSequence:
    batch, groups = options.batch, shape.groups
    per_group = batch // groups
    tail = shape.chain[-1]
    # Samples per frame, per hop and of the halo: the kernel's kernel.toml [geometry].
    geo = spec.geometry
    frame, hop, halo = geo.frame_samples, geo.hop_samples, geo.halo_samples
    in_size, out_size = ELEM_BYTES[in_type], ELEM_BYTES[out_type]
    out_per_frame = tail.out_bytes_per_frame // out_size
    if options.frame_mode == "framed":
        buf_in = HostBuffer("in", "in", in_type, batch * frame, in_size, "frames", batch)
    else:
        buf_in = HostBuffer("in", "in", in_type, batch * hop + halo, in_size, "audio", batch)
    buf_out = HostBuffer("out", "out", out_type, batch * out_per_frame, out_size, tail.produces, batch)
    transfers = []
    for g in range(groups):
        if options.frame_mode == "framed":
            t_in = ShimTransfer("in", f"in{g}", "in", g * per_group * frame,
                                [1, 1, 1, per_group * frame], [0, 0, 0, 1], in_size, group=g)
        elif options.frame_mode == "dma-framed":
            # Overlapping frame windows (400 samples) every hop (160), read from the raw audio.
            t_in = ShimTransfer("in", f"in{g}", "in", g * per_group * hop,
                                [1, 1, per_group, frame], [0, 0, hop, 1], in_size, group=g)
        else:
            # One chunk per object: its halo (240 samples) and f hops; chunks every f hops.
            length = halo + f * hop
            rows, cols = _row_split(length, in_size, wrap_words)
            chunks = per_group // f
            t_in = ShimTransfer("in", f"in{g}", "in", g * per_group * hop,
                                [1, chunks, rows, cols], [0, f * hop, cols, 1], in_size, group=g)
        t_out = ShimTransfer("out", f"out{g}", "out", g * per_group * out_per_frame,
                             [1, 1, 1, per_group * out_per_frame], [0, 0, 0, 1], out_size, group=g)
        transfers += [t_out, t_in]  # output first: the sequence arms the drain before filling
    return RuntimeSequence([buf_in, buf_out], transfers, [f"out{g}" for g in range(groups)])
