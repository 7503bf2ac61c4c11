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
from partitioner.profiles import Profile

FRAME_MODES = ("framed", "dma-framed", "streamed")
MEM_TILE_DEPTH = 2  # mem tiles have room: their pools stay double-buffered


@dataclass(frozen=True)
class Shape:
    """What a strategy decides: the entry points of one chain, the column groups, chains per group, and
    whether data passes through the group's mem tile.

    ``group_chains`` gives the chains of each group when the groups differ
    (the first groups hold the extra chain, e.g. 3 and 2 chains for five);
    ``None`` means ``chains_per_group`` in every group. ``chains_per_group``
    is the largest group's count either way.
    """

    chain: tuple[EntryPoint, ...]  # entry points of one chain, head first
    groups: int  # column groups
    chains_per_group: int
    via_mem_tile: bool
    group_chains: tuple[int, ...] | None = None  # chains in each group; None: chains_per_group in each

    @property
    def chains_in_groups(self) -> tuple[int, ...]:
        """Chains in each column group, group 0 first."""
        return self.group_chains if self.group_chains is not None else (self.chains_per_group,) * self.groups

    @property
    def chains(self) -> int:
        """Chains over all groups."""
        return sum(self.chains_in_groups)

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


def groups_for(chains: int, stages: int, device: Device, options: Options) -> tuple[int, tuple[int, ...]]:
    """(groups, chains in each group): pack chains into as few columns as possible.

    The chains are spread as evenly as the columns allow, the first groups
    taking one chain more (five chains of one stage on npu1: 3 and 2).
    """
    per_column = len(device.compute_rows) // stages
    if per_column == 0:
        raise UserError(f"a chain of {stages} stages does not fit the {len(device.compute_rows)} "
                        f"compute tiles of one column")
    groups = -(-chains // per_column)
    if groups > device.columns:
        raise UserError(f"{options.strategy} over {options.tiles} tiles needs {groups} columns; "
                        f"{device.name} has {device.columns}: use fewer tiles or a larger device")
    return groups, tuple(even_parts(chains, groups))


def even_parts(total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` counts that differ by at most one, the first ones larger.

    Examples
    --------
    >>> from partitioner.strategies.common import even_parts
    >>> even_parts(100, 8), even_parts(50, 4), even_parts(100, 4)
    ([13, 13, 13, 13, 12, 12, 12, 12], [13, 13, 12, 12], [25, 25, 25, 25])
    """
    base, extra = divmod(total, parts)
    return [base + 1] * extra + [base] * (parts - extra)


def chain_shares(options: Options, shape: Shape) -> list[int]:
    """Frames each chain handles per NPU call, chains in group order: the batch split as evenly as it goes.

    Shares differ by at most one frame, the first chains taking the extra
    one (batch 100 over 8 chains: four of 13, four of 12).

    Raises
    ------
    UserError
        The batch has fewer frames than there are chains.
    """
    chains = shape.chains
    if options.batch < chains:
        unit = "chains" if len(shape.chain) > 1 else "tiles"
        raise UserError(f"batch {options.batch} cannot give each of {chains} {unit} a frame: use a batch of at "
                        f"least {chains} frames or fewer tiles")
    return even_parts(options.batch, chains)


def _describe(shares: list[int]) -> str:
    """"13 for chains 0-3, 12 for chains 4-7": runs of equal shares."""
    runs: list[list[int]] = []
    for i, s in enumerate(shares):
        if runs and shares[runs[-1][0]] == s:
            runs[-1].append(i)
        else:
            runs.append([i])
    return ", ".join(f"{shares[r[0]]} for chain{'s' if len(r) > 1 else ''} "
                     f"{r[0]}{'-' + str(r[-1]) if len(r) > 1 else ''}" for r in runs)


def chain_object_frames(options: Options, shape: Shape, shares: list[int]) -> list[int]:
    """Frames per ObjectFIFO object of each chain.

    ``--object-frames`` unset: each chain's whole share, one object per
    call. Set: the same size for every chain; it must divide every chain's
    share, and the chains of one column group must then take the same number
    of objects per call (the mem tile's distribute hands each of them one
    object per round), so a group whose shares differ takes only unset. The
    streamed frame mode cuts one chunk length per group, so there too the
    chains of a group must have equal shares.

    Raises
    ------
    UserError
        The object size does not divide the shares (the message lists the
        sizes that would), or a group's chains would take different numbers
        of objects or chunk lengths.
    """
    f = options.object_frames
    groups, start = [], 0
    for n in shape.chains_in_groups:
        groups.append(shares[start:start + n])
        start += n
    uneven = [(g, gs) for g, gs in enumerate(groups) if len(set(gs)) > 1]
    even_batches = sorted({options.batch // shape.chains * shape.chains,
                           -(-options.batch // shape.chains) * shape.chains} - {0})
    if shape.via_mem_tile and uneven and (f is not None or options.frame_mode == "streamed"):
        g, gs = uneven[0]
        why = (f"--object-frames {f}: column group {g}'s chains take {', '.join(map(str, gs))} frames per call, "
               f"and the mem tile's distribute gives every chain of a group one object per round, so they "
               f"must take equal numbers of objects" if f is not None else
               f"frame mode streamed: column group {g}'s chains take {', '.join(map(str, gs))} frames per call, "
               f"and the group's one shim transfer cuts chunks of one length")
        fix = "leave --object-frames unset (each chain's object is then its whole share), " if f is not None else \
            "use --frame-mode framed or dma-framed, "
        raise UserError(f"{why}: {fix}or use a batch that splits evenly over the {shape.chains} chains "
                        f"(e.g. {' or '.join(map(str, even_batches))})")
    if f is None:
        return list(shares)
    if f <= 0:
        raise UserError("--object-frames must be at least 1")
    if any(s % f for s in shares):
        common = [d for d in range(1, min(shares) + 1) if all(s % d == 0 for s in shares)]
        if len(set(shares)) == 1:
            what = f"the {shares[0]} frame{'s' if shares[0] != 1 else ''} each chain handles per call"
        else:
            what = f"the frames the chains handle per call ({_describe(shares)})"
        raise UserError(f"--object-frames {f} does not divide {what}; choose one of {common}")
    return [f] * len(shares)


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
          wrap_words: int, profile: Profile) -> Design:
    """The (unplaced) Design for a shape.

    The batch is split over the chains by :func:`chain_shares` (shares differ
    by at most one frame); each chain's FIFOs get that chain's object size
    (:func:`chain_object_frames`), a link's offsets are the running sums of
    its sub-FIFOs' elements, and each column group gets its own shim
    transfers over its contiguous slice of the host buffers.
    ``Design.object_frames`` is the largest object of any chain. Each core
    reserves ``options.stack_size``, else what the kernel needs, at least the
    profile's default ``stack_size``.
    """
    groups = shape.groups
    shares = chain_shares(options, shape)
    frames = chain_object_frames(options, shape, shares)
    depth = options.depth or 2
    head, tail = shape.chain[0], shape.chain[-1]
    in_type, out_type = spec.elem_type(head.consumes), spec.elem_type(tail.produces)
    stack = options.stack_size if options.stack_size is not None else _stack_reservation(spec, profile)

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

    def offsets(sizes: list[int], elem_type: str) -> list[int]:
        """Element offsets of consecutive sub-objects of ``sizes`` bytes: the running sums."""
        out, at = [], 0
        for n in sizes:
            out.append(at)
            at += n // ELEM_BYTES[elem_type]
        return out

    group_slices: list[tuple[int, int, int]] = []  # per group: first frame, frames per call, frames per object
    first = 0
    for g, n_chains in enumerate(shape.chains_in_groups):
        shim, mem = f"shim:{g}", f"mem:{g}"
        heads, tails = [], []
        g_shares = shares[first:first + n_chains]
        g_frames = frames[first:first + n_chains]
        for p in range(n_chains):
            share, f = g_shares[p], g_frames[p]
            chain_workers = []
            for s, entry in enumerate(shape.chain):
                w = Worker(name=f"{entry.name}_{g}_{p}", entry=entry.name, symbol=entry.symbol,
                           inputs=[], outputs=[], frames_per_call=share, object_frames=f,
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

        subs_in = [head.in_bytes(f) for f in g_frames]
        subs_out = [tail.out_bytes(f) for f in g_frames]
        if shape.via_mem_tile:
            big_in = fifo(f"in{g}", shim, [mem], head.consumes, sum(subs_in), in_type, sum(g_frames),
                          (depth, MEM_TILE_DEPTH))
            outs_in = []
            for p, w in enumerate(heads):
                fo = fifo(f"in{g}_{p}", mem, [w.name], head.consumes, subs_in[p], in_type, g_frames[p],
                          (MEM_TILE_DEPTH, depth))
                w.inputs.insert(0, fo.name)
                outs_in.append(fo.name)
            # One sub-FIFO is mlir-aie's forward (one pool on the mem tile); it is kept as a
            # one-way distribute/join so its offsets print as IRON's forward does: ([] [0]).
            links.append(Link(f"in{g}_split", "distribute", [big_in.name], outs_in, offsets(subs_in, in_type),
                              group=g))
            ins_out = []
            for p, w in enumerate(tails):
                fo = fifo(f"out{g}_{p}", w.name, [mem], tail.produces, subs_out[p], out_type, g_frames[p],
                          (depth, MEM_TILE_DEPTH))
                w.outputs.append(fo.name)
                ins_out.append(fo.name)
            big_out = fifo(f"out{g}", mem, [shim], tail.produces, sum(subs_out), out_type, sum(g_frames),
                           (MEM_TILE_DEPTH, depth))
            links.append(Link(f"out{g}_join", "join", ins_out, [big_out.name], offsets(subs_out, out_type),
                              group=g))
        else:
            (w_head,), (w_tail,) = heads, tails
            fo = fifo(f"in{g}", shim, [w_head.name], head.consumes, subs_in[0], in_type, g_frames[0], (depth, depth))
            w_head.inputs.insert(0, fo.name)
            fo = fifo(f"out{g}", w_tail.name, [shim], tail.produces, subs_out[0], out_type, g_frames[0],
                      (depth, depth))
            w_tail.outputs.append(fo.name)
        # chain_object_frames makes a group's chains equal whenever an object is not a whole share
        # (or the frame mode is streamed), so one object size per group cuts the streamed chunks.
        group_slices.append((sum(shares[:first]), sum(g_shares), g_frames[0]))
        first += n_chains

    sequence = _sequence(options, spec, shape, group_slices, in_type, out_type, wrap_words)
    return Design(name=name, options=options, workers=workers, fifos=fifos, links=links,
                  sequence=sequence, groups=groups, object_frames=max(frames), depth=depth)


def _stack_reservation(spec: KernelSpec, profile: Profile) -> int:
    need = -(-spec.stack_bytes // 32) * 32
    return max(profile.default_stack_bytes, need)


def _sequence(options: Options, spec: KernelSpec, shape: Shape, group_slices: list[tuple[int, int, int]],
              in_type: str, out_type: str, wrap_words: int) -> RuntimeSequence:
    """Host buffers for the whole batch; per column group one input and one output transfer over its slice.

    ``group_slices`` holds per group (first frame, frames per call, frames
    per object); the groups' slices follow each other, so the transfers
    cover the host buffers exactly once (inputs that overlap by design
    aside: dma-framed windows and streamed halos).
    """
    batch, groups = options.batch, shape.groups
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
    for g, (start, n, f) in enumerate(group_slices):
        if options.frame_mode == "framed":
            t_in = ShimTransfer("in", f"in{g}", "in", start * frame, [1, 1, 1, n * frame], [0, 0, 0, 1], in_size,
                                group=g)
        elif options.frame_mode == "dma-framed":
            # Overlapping frame windows (400 samples) every hop (160), read from the raw audio.
            t_in = ShimTransfer("in", f"in{g}", "in", start * hop, [1, 1, n, frame], [0, 0, hop, 1], in_size,
                                group=g)
        else:
            # One chunk per object: its halo (240 samples) and f hops; chunks every f hops.
            length = halo + f * hop
            rows, cols = _row_split(length, in_size, wrap_words)
            t_in = ShimTransfer("in", f"in{g}", "in", start * hop, [1, n // f, rows, cols], [0, f * hop, cols, 1],
                                in_size, group=g)
        t_out = ShimTransfer("out", f"out{g}", "out", start * out_per_frame, [1, 1, 1, n * out_per_frame],
                             [0, 0, 0, 1], out_size, group=g)
        transfers += [t_out, t_in]  # output first: the sequence arms the drain before filling
    return RuntimeSequence([buf_in, buf_out], transfers, [f"out{g}" for g in range(groups)])
