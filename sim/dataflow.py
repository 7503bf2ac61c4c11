"""Run a placed Design as the hardware would: the functional simulator and the timing model's engine.

From the Design and what the lowering makes of each FIFO (:mod:`partitioner.fifo_ends`:
the pools aiecc would make, a link's slices; the hang checker builds on the same facts)
this module builds, on :mod:`sim.engine`, one process per hardware unit:

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

Data moves as views made once per network (each buffer's slice, each
transfer's run of the host buffer) and kernels are called on the buffers'
addresses, so a step costs little beyond the kernel itself. With the host
build's lockstep entry points a worker's call waits for the next data move
and the calls made by then run together in one foreign call, in the order
made (:meth:`Network.flush`): no move reads or writes a buffer before every
call made earlier has run, so every byte moved is the same.
:func:`calls_independent` and :func:`quiescent` say when a call's output
depends on its inputs alone, which lets ``sim.CallRunner`` run ranges of
calls on separate networks in parallel threads.
"""
from __future__ import annotations

import ctypes
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from kernels.mel_tools import hostbuild, kernel
from partitioner.check import Evaluation
from partitioner.design import Design, ObjectFifo, ShimTransfer, Worker, numpy_dtype
from partitioner.errors import UserError
from partitioner.fifo_ends import FifoEnds, fifo_ends
from partitioner.kernel_spec import cost_profile
from partitioner.params import TimingParams
from sim.engine import Acquire, Busy, Engine, Pool, Release, SimulationError, Span


@dataclass
class Network:
    """The pools and processes of a design, ready to run calls."""

    ev: Evaluation
    params: TimingParams
    execute: bool
    engine: Engine
    ends: FifoEnds  # what the lowering makes of each FIFO: pools, links, slices
    writer_pool: dict[str, Pool] = field(default_factory=dict)  # FIFO -> pool its producer writes
    reader_pools: dict[str, list[Pool]] = field(default_factory=dict)  # FIFO -> pools its consumers read
    slices: dict[str, tuple[Pool, int, int]] = field(default_factory=dict)  # sub-FIFO -> (big pool, byte off, bytes)
    calls: int = 0
    kernel_cycles: dict[str, float] = field(default_factory=dict)
    _indices: dict[int, np.ndarray] = field(default_factory=dict)
    kernel_instance: int = 0  # which copy of the kernel library (its static data) the workers call
    plans: dict[int, "_ShimPlan"] = field(default_factory=dict)  # transfer -> what it does each call
    joins: list[tuple[Pool, list[tuple[int, int]]]] = field(default_factory=list)  # pools written in slices
    shims: list = field(default_factory=list)  # the last call's shim processes
    feeds: dict[int, tuple] = field(default_factory=dict)  # transfer -> (its channel's process, queued jobs)
    # Kernel calls made but not yet run (entry index, input, output, frames): run together, in order,
    # before the next data move reads or writes any buffer (flush), so every move sees what it would
    # have seen had each call run where it was made. Only with the host build's mel_run_calls.
    deferred: list[tuple[int, int, int, int]] = field(default_factory=list)
    run_calls: object = None  # the host build's mel_run_calls, or None: every call runs where it is made

    def flush(self) -> None:
        """Run the deferred kernel calls (one foreign call, Python's lock released once)."""
        calls = self.deferred
        if calls:
            records = np.array(calls, np.uint64)
            calls.clear()
            self.run_calls(records.ctypes.data, records.shape[0])

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
    """Core cycles per frame of ``entry``: one end of the kernel's cycle band.

    The cost profile and the end come from ``params`` (:class:`sim.timing.CostParams`; plain
    TimingParams: costs.toml's default profile, high end). Without a cost in kernel.toml, timing.toml
    [kernels] gives the figure. timing.toml [kernel_scale] multiplies it, except under a calibrated
    profile, whose per-class costs already are the calibration.
    """
    selected = getattr(params, "cost_profile", None)  # a name (cached bands) or a CostProfile object
    profile = cost_profile(selected)
    band = ev.spec.cycle_band(entry, selected)
    c = None if band is None else band.end(getattr(params, "band_end", "high"))
    if c is None:
        c = params.kernel_cycles_fallback.get(ev.spec.name)
    if c is None:
        raise UserError(f"kernel {ev.spec.name}: no cycles per frame in kernel.toml nor in sim/timing.toml [kernels]")
    if profile.kind == "calibrated":
        return c
    return c * params.kernel_cycles_scale.get(ev.spec.name, 1.0)


def build(ev: Evaluation, params: TimingParams, execute: bool, trace: list[Span] | None = None,
          kernel_instance: int = 0) -> Network:
    """The pools and processes of ``ev``'s design; ``execute`` moves data and runs the kernel (the
    copy ``kernel_instance`` of its library: networks running in parallel threads need their own)."""
    d = ev.design
    if execute and not ev.spec.has_sources:
        raise UserError(f"kernel {ev.spec.name} has no source to run: only --timing-only works for it")
    ends = fifo_ends(d, ev.lowered, ev.device, ev.profile)
    net = Network(ev, params, execute, Engine(lock_cycles=params.lock_cycles, trace=trace), ends,
                  kernel_instance=kernel_instance)
    pool_of_end: dict[int, Pool] = {}  # id(End) -> its pool
    for name, fp in ends.fifos.items():
        f = fp.fifo
        if fp.shared:
            if fp.pool is None:
                raise UserError(f"{name}: its consumer works inside a link's pool (shared memory); not simulated")
            pool = net.engine.pool(name, fp.pool.count, f.object_bytes, [f.producer], [f.consumers[0]], execute)
            net.writer_pool[name] = pool
            net.reader_pools[name] = [pool]
            continue
        # The end that owns a link's buffers is written (an output) or read (an input) by the link's
        # other FIFOs, each in its slice; any other end by its own endpoint or DMA.
        prod = fp.producer
        if prod.pool is not None:
            writers = list(prod.link.slices) if prod.owns_link else [f.producer]
            net.writer_pool[name] = pool_of_end[id(prod)] = net.engine.pool(
                prod.pool.name, prod.pool.count, f.object_bytes, writers, [f"{name}>{c}" for c in f.consumers], execute)
        net.reader_pools[name] = []
        for end in fp.consumers:
            if end.pool is None:
                continue
            readers = list(end.link.slices) if end.owns_link else [end.endpoint]
            pool_of_end[id(end)] = net.engine.pool(end.pool.name, end.pool.count, f.object_bytes,
                                                   [f"{name}>{end.endpoint}"], readers, execute)
            net.reader_pools[name].append(pool_of_end[id(end)])
    sliced: dict[int, tuple[Pool, list[tuple[int, int]]]] = {}
    for link in ends.links:
        pool = pool_of_end[id(link.owner_end)]
        for sub, (off, nbytes) in link.slices.items():
            net.slices[sub] = (pool, off, nbytes)
            if link.owner in link.link.outputs and sub in link.link.inputs:  # a join: the big object is its slices
                sliced.setdefault(id(pool), (pool, []))[1].append((off, nbytes))
    net.joins = list(sliced.values())

    for w in d.workers:
        cyc = _cycles_per_frame(ev, w.entry, params) * w.object_frames + params.kernel_call_cycles
        net.kernel_cycles[w.name] = cyc
        net.engine.spawn(w.name, _worker(net, w, cyc))
    for name, fp in ends.fifos.items():
        if fp.shared:
            continue
        for i, end in enumerate(fp.consumers):
            if fp.producer.kind == "shim" or end.kind == "shim":
                continue  # the runtime sequence drives shim ends, per call
            net.engine.spawn(f"dma {name}>{end.endpoint}", _mover(net, fp.fifo, i, end.endpoint))
    return net


def _dma_cycles(params: TimingParams, nbytes: int, shim: bool = False) -> float:
    bw = params.shim_bytes_per_cycle if shim else params.dma_bytes_per_cycle
    return params.bd_setup_cycles + nbytes / bw


def _worker(net: Network, w: Worker, cycles: float):
    d = net.design
    ins = [(n, net.reader_pools[n][_reader_index(d.fifo(n), w.name)] if not net.ends.fifos[n].shared
            else net.reader_pools[n][0]) for n in w.inputs]
    outs = [(n, net.writer_pool[n]) for n in w.outputs]
    call = None
    index = -1  # the entry's index for Network.run_calls, when its calls may be deferred
    if net.execute:
        # The C entry point on the buffers' addresses, in place (the GIL is released during the call).
        call = _kernel_call(net, w.symbol)
        index = _deferred_index(net, w.symbol)
    frames = w.object_frames
    # The requests are the same every iteration: made once.
    acq_in = [Acquire(pool, "read", w.name, d.fifo(n).acquire.get(w.name, 1)) for n, pool in ins]
    acq_out = [Acquire(pool, "write", w.name, d.fifo(n).acquire.get(w.name, 1)) for n, pool in outs]
    rel = [Release(a.pool, a.role, a.who, a.n) for a in (*acq_in, *acq_out)]
    busy = Busy(cycles, f"core {w.tile}", f"{w.symbol} x{frames}")
    if len(acq_in) == 1 and len(acq_out) == 1:  # the common shape: one object in, one out
        (a_in,), (a_out,) = acq_in, acq_out
        r_in, r_out = rel
        p_in, p_out = a_in.pool, a_out.pool
        deferred = net.deferred
        while True:
            i = (yield a_in)[0]
            o = (yield a_out)[0]
            yield busy
            if index >= 0:
                deferred.append((index, p_in.addresses[i], p_out.addresses[o], frames))
            elif call is not None:
                net.flush()  # calls made earlier run first
                call(p_in.addresses[i], p_out.addresses[o], frames)
            yield r_in
            yield r_out
    while True:
        addrs = []
        for a in acq_in:
            idx = yield a
            if call is not None:
                addrs.append(a.pool.addresses[idx[0]])
        for a in acq_out:
            idx = yield a
            if call is not None:
                addrs.append(a.pool.addresses[idx[0]])
        yield busy
        if call is not None:
            net.flush()
            call(*addrs, frames)
        for r in rel:
            yield r


def _kernel_call(net: Network, symbol: str):
    """Entry point ``symbol`` on buffer addresses; its host-only lockstep form when the host build has one
    (:data:`kernels.mel_tools.hostbuild.LOCKSTEP_SUFFIX`: the same arguments and output bits, several
    frames per vector; tests/test_host_fast.py), so the simulator runs the kernel's arithmetic faster."""
    b = kernel.binding(net.ev.spec.name, net.kernel_instance)
    call = b.by_address(symbol)  # checks the symbol against kernel.toml and gives the C signature
    fast = getattr(b.lib, symbol + hostbuild.LOCKSTEP_SUFFIX, None)
    if fast is None:
        return call
    return type(call)(ctypes.cast(fast, ctypes.c_void_p).value)


def _deferred_index(net: Network, symbol: str) -> int:
    """The entry's index in the host build's mel_run_calls (its calls then wait for the next data move and
    run several in one foreign call), or -1 (run where made)."""
    lib = kernel.binding(net.ev.spec.name, net.kernel_instance).lib
    run_calls = getattr(lib, hostbuild.LOCKSTEP_RUN_CALLS, None)
    index_of = getattr(lib, hostbuild.LOCKSTEP_INDEX, None)
    if run_calls is None or index_of is None:
        return -1
    index_of.argtypes, index_of.restype = [ctypes.c_char_p], ctypes.c_int32
    index = index_of(symbol.encode())
    if index >= 0 and net.run_calls is None:
        net.run_calls = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int32)(
            ctypes.cast(run_calls, ctypes.c_void_p).value)
    return index


def kernel_build(net: Network) -> str:
    """Which host build of the kernel the network's workers call: "lockstep xN" or "scalar"."""
    lib = kernel.binding(net.ev.spec.name, net.kernel_instance).lib
    lanes = getattr(lib, hostbuild.LOCKSTEP_LANES, None)
    if lanes is None or not any(hasattr(lib, w.symbol + hostbuild.LOCKSTEP_SUFFIX) for w in net.design.workers):
        return "scalar"
    lanes.restype = ctypes.c_int32
    return f"lockstep x{lanes()}"


def _reader_index(f: ObjectFifo, consumer: str) -> int:
    return f.consumers.index(consumer)


def _views(pool: Pool, off: int, nbytes: int) -> list[memoryview] | None:
    """Each buffer's bytes ``[off, off + nbytes)``, as views made once.

    Memoryviews: copying between them is a plain memcpy that keeps the GIL,
    where NumPy would release and take it back around each copy, a chance for
    another simulating thread to take it.
    """
    return [memoryview(b[off:off + nbytes]) for b in pool.buffers] if pool.buffers is not None else None


def _mover(net: Network, f: ObjectFifo, i: int, consumer: str):
    """One DMA flow of FIFO ``f`` to its consumer ``i`` (an end on a link it does not own reads or
    writes its slice of the owner's buffers)."""
    me = f"{f.name}>{consumer}"
    ends = net.ends.fifos[f.name].ends
    src_slice = net.slices[f.name] if ends[0].link is not None and not ends[0].owns_link else None
    dst_slice = net.slices[f.name] if ends[1 + i].link is not None and not ends[1 + i].owns_link else None
    src = src_slice[0] if src_slice else net.writer_pool[f.name]
    dst = dst_slice[0] if dst_slice else net.reader_pools[f.name][i]
    src_who = f.name if src_slice else me
    dst_who = f.name if dst_slice else me
    cycles = _dma_cycles(net.params, f.object_bytes)
    track = f"dma {f.producer_tile}->{f.consumer_tiles[i]} {f.name}"
    acq_src, acq_dst = Acquire(src, "read", src_who), Acquire(dst, "write", dst_who)
    rel_src, rel_dst = Release(src, "read", src_who), Release(dst, "write", dst_who)
    busy = Busy(cycles, track, f"{f.name} {f.object_bytes} B")
    copy = None
    if net.execute:
        src_views = _views(src, src_slice[1], src_slice[2]) if src_slice else _views(src, 0, src.nbytes)
        dst_views = _views(dst, dst_slice[1], dst_slice[2]) if dst_slice else _views(dst, 0, dst.nbytes)
        copy = True
    while True:
        s = (yield acq_src)[0]
        t = (yield acq_dst)[0]
        yield busy
        if copy:
            if net.deferred:
                net.flush()
            dst_views[t][:] = src_views[s]
        yield rel_src
        yield rel_dst


def _contiguous_run(t: ShimTransfer, indices: np.ndarray) -> tuple[int, int] | None:
    """(first, count) when the transfer walks the host buffer's elements in order without a gap, else None."""
    n = indices.size
    if n == 0 or int(indices[0]) < 0:
        return None
    first = int(indices[0])
    if n > 1 and not (int(indices[-1]) - first == n - 1 and bool(np.all(np.diff(indices) == 1))):
        return None
    return first, n


def _gather(net: Network, t: ShimTransfer, data: np.ndarray) -> np.ndarray:
    """``data[t.indices()]`` as bytes: a view when the transfer reads a contiguous run, a strided copy
    when its pattern is a box inside the buffer, the index gather otherwise (same bytes each way)."""
    run = _shim_plan(net, t).run
    if data.ndim == 1 and data.flags.c_contiguous:
        if run is not None and run[0] + run[1] <= data.size:
            return data[run[0]:run[0] + run[1]].view(np.uint8)
        if t.offset >= 0 and all(s >= 0 for s in t.strides) and \
                t.offset + sum((n - 1) * s for n, s in zip(t.sizes, t.strides)) < data.size:
            it = data.itemsize
            box = np.lib.stride_tricks.as_strided(data[t.offset:], shape=tuple(t.sizes),
                                                  strides=tuple(s * it for s in t.strides), writeable=False)
            return np.ascontiguousarray(box).reshape(-1).view(np.uint8)
    return data[net.indices(t)].view(np.uint8)


@dataclass
class _ShimPlan:
    """What one runtime-sequence transfer does in every call, worked out once per network."""

    fifo: ObjectFifo
    pool: Pool
    off: int
    objects: int
    object_bytes: int
    acquire: Acquire
    release: Release
    busy: list[Busy]  # one per object, in order
    views: list[memoryview] | None  # the pool buffers' bytes the transfer fills or drains
    run: tuple[int, int] | None  # the host elements, when one contiguous run in order


def _shim_plan(net: Network, t: ShimTransfer) -> _ShimPlan:
    plan = net.plans.get(id(t))
    if plan is not None:
        return plan
    f = net.design.fifo(t.fifo)
    feed = t.direction == "in"
    # A FIFO whose mem-tile end owns no buffers reads or writes its slice of the link owner's.
    if f.name in net.slices:
        pool, off, who = net.slices[f.name][0], net.slices[f.name][1], f.name
    else:
        pool, off, who = (net.reader_pools[f.name][0] if feed else net.writer_pool[f.name]), 0, \
            f"{f.name}>{f.consumers[0]}"
    objects = _objects(t, f)
    ob = f.object_bytes
    role = "write" if feed else "read"
    cycles = _dma_cycles(net.params, ob, shim=True)
    track = f"shim {t.shim} {'MM2S' if feed else 'S2MM'} {f.name}"
    plan = _ShimPlan(f, pool, off, objects, ob, Acquire(pool, role, who), Release(pool, role, who),
                     [Busy(cycles, track, f"{f.name} object {k}") for k in range(objects)],
                     _views(pool, off, ob) if net.execute else None,
                     _contiguous_run(t, net.indices(t)) if net.execute else None)
    net.plans[id(t)] = plan
    return plan


def _busy(plan: _ShimPlan, k: int) -> Busy:
    if k < len(plan.busy):
        return plan.busy[k]
    b = plan.busy[0]
    return Busy(b.cycles, b.track, f"{plan.fifo.name} object {k}")


def _shim_feed(net: Network, jobs: deque):
    """A shim MM2S channel: the queued transfers ``(transfer, bytes, objects)``, in order.

    One process per channel, as the channel's task queue: a call's transfer
    that finds the previous call's still running waits behind it (both act on
    one ObjectFIFO port, whose acquires name the total held).
    """
    while jobs:
        t, stream, objects = jobs[0]
        plan = _shim_plan(net, t)
        objects = plan.objects if objects is None else objects
        ob, views, acq, rel = plan.object_bytes, plan.views, plan.acquire, plan.release
        for k in range(objects):
            b = (yield acq)[0]
            yield _busy(plan, k)
            if stream is not None:
                if net.deferred:
                    net.flush()
                views[b][:] = stream[k * ob:(k + 1) * ob]
            yield rel
        jobs.popleft()


def _shim_drain(net: Network, t: ShimTransfer, out: np.ndarray | None, done: list, objects: int | None = None):
    plan = _shim_plan(net, t)
    objects = plan.objects if objects is None else objects
    ob, views, acq, rel = plan.object_bytes, plan.views, plan.acquire, plan.release
    dest = None  # where the objects' bytes go: ``out``'s own bytes when the transfer fills one run in order
    direct = False
    if out is not None:
        run = plan.run
        if run is not None and out.ndim == 1 and out.flags.c_contiguous and run[0] + run[1] <= out.size \
                and run[1] * out.itemsize == objects * ob:
            it = out.itemsize
            dest = memoryview(out.view(np.uint8)[run[0] * it:(run[0] + run[1]) * it])
            direct = True
        else:
            dest = memoryview(np.empty(objects * ob, np.uint8))
    for k in range(objects):
        b = (yield acq)[0]
        yield _busy(plan, k)
        if dest is not None:
            if net.deferred:
                net.flush()
            dest[k * ob:(k + 1) * ob] = views[b]
        yield rel
    if dest is not None and not direct:
        out[net.indices(t)] = np.frombuffer(dest, np.uint8).view(out.dtype)
    done.append(t)


def _objects(t: ShimTransfer, f: ObjectFifo) -> int:
    nbytes = t.elements * t.elem_bytes
    if nbytes % f.object_bytes:  # the design's own verdict (a hang, exit 1), not the user's input
        raise SimulationError(f"transfer of {nbytes} B on {f.name} does not fill whole {f.object_bytes} B objects: "
                              f"the last object's DMA waits for bytes that never come (a hang; `npu-tiler check` "
                              f"shows where)")
    return nbytes // f.object_bytes


def calls_independent(net: Network) -> str | None:
    """Why a call's output could depend on an earlier call's leftovers (None: it cannot).

    What carries over between calls is each pool's lock counters and buffer
    bytes. A call that ends with every pool idle (:func:`quiescent`, checked
    after each call by whoever relies on this) leaves the counters as a fresh
    network's, shifted: the lock checks only compare them, so the schedule is
    the same, and only which buffer of a ring is used differs. Which one does
    not matter when every byte a call reads was written in that call: each
    worker's entry point is stateless and writes its whole output objects,
    and every pool a join writes in slices is covered by them (other pools are
    written whole by one DMA or core). Then any call's output depends on its
    inputs alone, so calls may run on separate networks in any order.
    """
    d, spec = net.design, net.ev.spec
    by_symbol = {e.symbol: e for e in spec.entries.values()}
    for w in d.workers:
        e = by_symbol.get(w.symbol)
        if e is None:
            return f"{w.name}: entry point {w.symbol} not in the kernel's kernel.toml"
        if e.state_bytes or e.arg("state") is not None:
            return f"{w.name}: {w.symbol} keeps state between calls"
        if len(w.outputs) != 1 or e.out_bytes_per_frame * w.object_frames != d.fifo(w.outputs[0]).object_bytes:
            return f"{w.name}: {w.symbol} does not write exactly its output object"
    for pool, parts in net.joins:
        covered = 0
        for off, nbytes in sorted(parts):
            if off > covered:
                break
            covered = max(covered, off + nbytes)
        if covered < pool.nbytes:
            return f"{pool.name}: its slices leave bytes {covered}.. of {pool.nbytes} unwritten"
    return None


def quiescent(net: Network) -> bool:
    """The last call's shim transfers all finished and every pool idle: the next call starts as on
    empty FIFOs (the timing model's assumption, here checked)."""
    return all(p.done for p in net.shims) and net.engine.idle()


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
    drains = []
    net.shims = []
    for t in d.sequence.transfers:
        if t.direction == "in":
            data = inputs[t.buffer] if inputs is not None else None
            job = (t, memoryview(_gather(net, t, data)) if data is not None else None, objects)
            feed = net.feeds.get(id(t))
            if feed is not None and not feed[0].done:  # the last call's transfer still runs: queue behind it
                feed[1].append(job)
            else:
                jobs = deque([job])
                feed = net.feeds[id(t)] = (net.engine.spawn(f"shim {t.fifo} call {net.calls}",
                                                            _shim_feed(net, jobs)), jobs)
            net.shims.append(feed[0])
        else:
            drains.append(net.engine.spawn(f"shim {t.fifo} call {net.calls}",
                                           _shim_drain(net, t, outputs.get(t.buffer), done, objects)))
            net.shims.append(drains[-1])
    try:
        end = net.engine.run(until=drains)
    finally:
        net.flush()  # the buffers as every call made has left them, also when the run stops early
    net.calls += 1
    return outputs, end - start
