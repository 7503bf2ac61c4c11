"""Run a placed Design as the hardware would: the functional simulator and the timing model's engine.

From the Design and its lowering (the same pools aiecc would make) this module
builds, on :mod:`sim.engine`, one process per hardware unit:

* each worker (core): per iteration acquire one object of each input and
  output FIFO, call the kernel entry point on them in place, release;
* each DMA FIFO consumer: an MM2S/S2MM pair moving one object from the
  producer end's pool to the consumer end's pool; a distribute's sub-FIFO
  reads its slice of the mem tile's big buffer at the link offset, a join's
  writes its slice into it;
* per NPU call, each runtime-sequence transfer: the shim streams the host
  buffer's elements in the transfer's order (offset, sizes, strides) into
  objects, or drains objects into the host buffer.

With ``execute=False`` no data moves and no kernel runs: the same schedule in
simulated cycles is the timing model (:mod:`sim.timing`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from partitioner.check import Evaluation
from partitioner.design import Design, ObjectFifo, ShimTransfer, Worker, numpy_dtype
from partitioner.errors import UserError
from partitioner.lowering import link_owner
from sim.engine import Acquire, Busy, Engine, Pool, Release, Span
from partitioner.params import TimingParams


@dataclass
class Network:
    """The pools and processes of a design, ready to run calls."""

    ev: Evaluation
    params: TimingParams
    execute: bool
    engine: Engine
    writer_pool: dict[str, Pool] = field(default_factory=dict)  # FIFO -> pool its producer writes
    reader_pools: dict[str, list[Pool]] = field(default_factory=dict)  # FIFO -> pools its consumers read
    slices: dict[str, tuple[Pool, int, int]] = field(default_factory=dict)  # sub-FIFO -> (big pool, byte off, bytes)
    calls: int = 0
    kernel_cycles: dict[str, float] = field(default_factory=dict)
    _indices: dict[int, np.ndarray] = field(default_factory=dict)

    def indices(self, t: ShimTransfer) -> np.ndarray:
        """The transfer's element order (computed once per transfer, not per call)."""
        key = id(t)
        if key not in self._indices:
            self._indices[key] = t.indices()
        return self._indices[key]

    @property
    def design(self) -> Design:
        return self.ev.design


def _cycles_per_frame(ev: Evaluation, entry: str, params: TimingParams) -> float:
    c = ev.spec.cycles_per_frame(entry)
    if c is None:
        c = params.kernel_cycles_fallback.get(ev.spec.name)
    if c is None:
        raise UserError(f"kernel {ev.spec.name}: no cycles per frame in kernel.toml nor in sim/timing.toml [kernels]")
    return c * params.kernel_cycles_scale.get(ev.spec.name, 1.0)


def build(ev: Evaluation, params: TimingParams, execute: bool, trace: list[Span] | None = None) -> Network:
    d = ev.design
    if execute and not ev.spec.has_sources:
        raise UserError(f"kernel {ev.spec.name} has no source to run: only --timing-only works for it")
    net = Network(ev, params, execute, Engine(lock_cycles=params.lock_cycles, trace=trace))
    lowered = ev.lowered
    links_by_big = {}
    sub_link = {}
    fifo_of = {f.name: f for f in d.fifos}
    for link in d.links:
        # The owner's end on the link's tile holds the buffers (the lowering's rule); the other
        # FIFOs read or write their slice of them.
        owner = link_owner(link, fifo_of)
        subs = [n for n in (*link.inputs, *link.outputs) if n != owner]
        offsets = link.offsets if len(subs) > 1 else [0]
        links_by_big[owner] = (link, subs)
        for s, off in zip(subs, offsets):
            sub_link[s] = (link, owner, off)

    def pool_named(f: ObjectFifo, end: str):
        return next((p for p in lowered.pools.get(f.name, []) if p.name == end), None)

    for f in d.fifos:
        if f.name in lowered.shared:
            lp = lowered.pools[f.name][0]
            pool = net.engine.pool(f.name, lp.count, f.object_bytes, [f.producer], [f.consumers[0]], execute)
            net.writer_pool[f.name] = pool
            net.reader_pools[f.name] = [pool]
            continue
        ends = f.end_names()
        prod_lp = pool_named(f, ends[0])
        if prod_lp is not None:
            owns_as_output = f.name in links_by_big and f.name in links_by_big[f.name][0].outputs
            writers = links_by_big[f.name][1] if owns_as_output else [f.producer]
            net.writer_pool[f.name] = net.engine.pool(prod_lp.name, prod_lp.count, f.object_bytes, writers,
                                                      [f"{f.name}>{c}" for c in f.consumers], execute)
        net.reader_pools[f.name] = []
        for c, end in zip(f.consumers, ends[1:]):
            lp = pool_named(f, end)
            if lp is None:
                continue
            owns_as_input = f.name in links_by_big and f.name in links_by_big[f.name][0].inputs
            readers = links_by_big[f.name][1] if owns_as_input else [c]
            net.reader_pools[f.name].append(
                net.engine.pool(lp.name, lp.count, f.object_bytes, [f"{f.name}>{c}"], readers, execute))
    for sub, (link, big, off) in sub_link.items():
        big_f = d.fifo(big)
        elem = numpy_dtype(big_f.elem_type).itemsize
        pool = net.writer_pool[big] if big in link.outputs else net.reader_pools[big][0]
        net.slices[sub] = (pool, off * elem, d.fifo(sub).object_bytes)

    for w in d.workers:
        cyc = _cycles_per_frame(ev, w.entry, params) * w.object_frames + params.kernel_call_cycles
        net.kernel_cycles[w.name] = cyc
        net.engine.spawn(w.name, _worker(net, w, cyc))
    for f in d.fifos:
        if f.name in lowered.shared:
            continue
        for i, c in enumerate(f.consumers):
            if f.producer.startswith("shim:") or c.startswith("shim:"):
                continue  # the runtime sequence drives shim ends, per call
            net.engine.spawn(f"dma {f.name}>{c}", _mover(net, f, i, c))
    return net


def _dma_cycles(params: TimingParams, nbytes: int, shim: bool = False) -> float:
    bw = params.shim_bytes_per_cycle if shim else params.dma_bytes_per_cycle
    return params.bd_setup_cycles + nbytes / bw


def _worker(net: Network, w: Worker, cycles: float):
    d = net.design
    ins = [(n, net.reader_pools[n][_reader_index(d.fifo(n), w.name)] if n not in net.ev.lowered.shared
            else net.reader_pools[n][0]) for n in w.inputs]
    outs = [(n, net.writer_pool[n]) for n in w.outputs]
    call = None
    if net.execute:
        from sim import kernel

        call = kernel.entry(w.symbol, kernel=net.ev.spec.name)
    views = [numpy_dtype(d.fifo(n).elem_type) for n, _ in ins + outs]
    acquire = {n: d.fifo(n).acquire.get(w.name, 1) for n, _ in ins + outs}
    tile = f"core {w.tile}"
    while True:
        bufs = []
        for n, pool in ins:
            idx = yield Acquire(pool, "read", w.name, acquire[n])
            bufs.append((pool, idx[0]))
        for n, pool in outs:
            idx = yield Acquire(pool, "write", w.name, acquire[n])
            bufs.append((pool, idx[0]))
        yield Busy(cycles, tile, f"{w.symbol} x{w.object_frames}")
        if call is not None:
            call([pool.buffers[i].view(dt) for (pool, i), dt in zip(bufs, views)], w.object_frames)
        for n, pool in ins:
            yield Release(pool, "read", w.name, acquire[n])
        for n, pool in outs:
            yield Release(pool, "write", w.name, acquire[n])


def _reader_index(f: ObjectFifo, consumer: str) -> int:
    return f.consumers.index(consumer)


def _mover(net: Network, f: ObjectFifo, i: int, consumer: str):
    """One DMA flow of FIFO ``f`` to its consumer ``i`` (mem tile link ends read/write slices)."""
    me = f"{f.name}>{consumer}"
    src_slice = net.slices.get(f.name) if f.producer.startswith("mem:") else None
    dst_slice = net.slices.get(f.name) if consumer.startswith("mem:") else None
    src = src_slice[0] if src_slice else net.writer_pool[f.name]
    dst = dst_slice[0] if dst_slice else net.reader_pools[f.name][i]
    src_who = f.name if src_slice else me
    dst_who = f.name if dst_slice else me
    cycles = _dma_cycles(net.params, f.object_bytes)
    track = f"dma {f.producer_tile}->{f.consumer_tiles[i]} {f.name}"
    while True:
        s = (yield Acquire(src, "read", src_who))[0]
        t = (yield Acquire(dst, "write", dst_who))[0]
        yield Busy(cycles, track, f"{f.name} {f.object_bytes} B")
        if net.execute:
            sv = src.buffers[s][src_slice[1]:src_slice[1] + src_slice[2]] if src_slice else src.buffers[s]
            if dst_slice:
                dst.buffers[t][dst_slice[1]:dst_slice[1] + dst_slice[2]] = sv
            else:
                dst.buffers[t][:] = sv
        yield Release(src, "read", src_who)
        yield Release(dst, "write", dst_who)


def _shim_feed(net: Network, t: ShimTransfer, data: np.ndarray | None, done: list, objects: int | None = None):
    f = net.design.fifo(t.fifo)
    # A FIFO whose mem-tile end owns no buffers writes its slice of the link owner's.
    pool, off, who = (net.slices[f.name][0], net.slices[f.name][1], f.name) if f.name in net.slices else \
        (net.reader_pools[f.name][0], 0, f"{f.name}>{f.consumers[0]}")
    objects = _objects(t, f) if objects is None else objects
    stream = data[net.indices(t)].view(np.uint8) if data is not None else None
    cycles = _dma_cycles(net.params, f.object_bytes, shim=True)
    for k in range(objects):
        b = (yield Acquire(pool, "write", who))[0]
        yield Busy(cycles, f"shim {t.shim} MM2S {f.name}", f"{f.name} object {k}")
        if stream is not None:
            pool.buffers[b][off:off + f.object_bytes] = stream[k * f.object_bytes:(k + 1) * f.object_bytes]
        yield Release(pool, "write", who)
    done.append(t)


def _shim_drain(net: Network, t: ShimTransfer, out: np.ndarray | None, done: list, objects: int | None = None):
    f = net.design.fifo(t.fifo)
    pool, off, who = (net.slices[f.name][0], net.slices[f.name][1], f.name) if f.name in net.slices else \
        (net.writer_pool[f.name], 0, f"{f.name}>{f.consumers[0]}")
    objects = _objects(t, f) if objects is None else objects
    idx = net.indices(t) if out is not None else None
    cycles = _dma_cycles(net.params, f.object_bytes, shim=True)
    chunks = []
    for k in range(objects):
        b = (yield Acquire(pool, "read", who))[0]
        yield Busy(cycles, f"shim {t.shim} S2MM {f.name}", f"{f.name} object {k}")
        if out is not None:
            chunks.append(pool.buffers[b][off:off + f.object_bytes].copy())
        yield Release(pool, "read", who)
    if out is not None:
        out[idx] = np.concatenate(chunks).view(out.dtype)
    done.append(t)


def _objects(t: ShimTransfer, f: ObjectFifo) -> int:
    nbytes = t.elements * t.elem_bytes
    if nbytes % f.object_bytes:
        raise UserError(f"transfer of {nbytes} B on {f.name} does not fill whole {f.object_bytes} B objects")
    return nbytes // f.object_bytes


def objects_per_call(net: Network) -> int | None:
    """Objects every shim transfer of a call moves, when they all move the same number (else None)."""
    counts = {_objects(t, net.design.fifo(t.fifo)) for t in net.design.sequence.transfers}
    return counts.pop() if len(counts) == 1 else None


def run_call(net: Network, inputs: dict[str, np.ndarray] | None,
             objects: int | None = None) -> tuple[dict[str, np.ndarray], float]:
    """One NPU call: the host buffers out, and the device time it took (cycles).

    ``objects`` (timing only) moves that many objects per shim transfer instead
    of the call's own count, to sample the schedule of a shorter call.
    """
    if objects is not None and inputs is not None:
        raise ValueError("objects= only samples the timing of a call without data")
    d = net.design
    start = net.engine.now
    outputs: dict[str, np.ndarray] = {}
    if net.execute:
        for b in d.sequence.buffers:
            if b.direction == "out":
                outputs[b.name] = np.zeros(b.elem_count, numpy_dtype(b.elem_type))
    done: list = []
    drains = [t for t in d.sequence.transfers if t.direction == "out"]
    for t in d.sequence.transfers:
        if t.direction == "in":
            data = inputs[t.buffer] if inputs is not None else None
            net.engine.spawn(f"shim {t.fifo} call {net.calls}", _shim_feed(net, t, data, done, objects))
        else:
            net.engine.spawn(f"shim {t.fifo} call {net.calls}",
                             _shim_drain(net, t, outputs.get(t.buffer), done, objects))
    end = net.engine.run(lambda: all(t in done for t in drains))
    net.calls += 1
    return outputs, end - start
