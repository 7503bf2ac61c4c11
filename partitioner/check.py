"""The resource check: does a placed Design fit, tile by tile, and if not, why and what would.

One :class:`Evaluation` holds everything the rest of the tool quotes: the
lowering (pools, locks, channels, BDs), the memory map of every tile, the
violations in aiecc's own words, and suggestions that were checked to fit.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from partitioner.allocation import MemoryMap, StackPin, allocate
from partitioner.context import Context
from partitioner.design import Coord, Design, Options, Worker
from partitioner.device import Device, for_options
from partitioner.errors import UserError
from partitioner.kernel_spec import KernelSpec, load_costs
from partitioner.lowering import Lowered, lower
from partitioner.mlir.index import DeviceIndex
from partitioner.mlir.parse import Source, read_source
from partitioner.mlir.read import design_file, read_design, select_device
from partitioner.placement import Placer
from partitioner.profiles import Profile
from partitioner.strategies import make_design


@dataclass
class TileReport:
    """One tile's figures as ``npu-tiler partition`` prints them: bytes, buffers, channels, locks, BDs.

    ``bytes_used`` counts stack, buffers and kernel static data (0 on a shim);
    ``buffers`` lists ``{"name", "bytes", "address"}`` with address None for
    a region that could not be placed.
    """

    tile: Coord
    kind: str
    bytes_used: int
    bytes_capacity: int
    buffers: list[dict]  # name, bytes, address
    dma_in: int
    dma_out: int
    locks: int
    bds: int
    workers: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """The tile's entry of ``--json`` / manifest.json (``workers`` left out)."""
        return {"tile": list(self.tile), "kind": self.kind, "bytes_used": self.bytes_used,
                "bytes_capacity": self.bytes_capacity, "buffers": self.buffers, "dma_in": self.dma_in,
                "dma_out": self.dma_out, "locks": self.locks, "bds": self.bds}


@dataclass
class Evaluation:
    """A checked design: the Design, its lowering, memory maps, per-tile figures and the verdict.

    Returned by :func:`evaluate`, :func:`evaluate_options` and
    :func:`partitioner.partition`. ``errors`` holds every reason the design
    does not fit (aiecc's words where aiecc has them), ``suggestions``
    one-option changes checked to fit, ``notes`` what the model decided
    (e.g. single buffering).

    Examples
    --------
    >>> import partitioner
    >>> ev = partitioner.partition(batch=100, tiles=4)
    >>> ev.fits, ev.errors, sorted(ev.as_json())
    (True, [], ['errors', 'fits', 'tiles'])
    >>> [t.kind for t in ev.tiles][:3]
    ['shim', 'mem', 'compute']
    """

    design: Design
    device: Device
    spec: KernelSpec
    profile: Profile
    lowered: Lowered
    memory: dict[Coord, MemoryMap]
    tiles: list[TileReport]
    errors: list[str]
    suggestions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: Path | None = None  # the .mlir file a read design came from (partitioner.read)
    ir: Source | None = None  # its parsed module (partitioner.read), or the emitted one (partitioner.hangs)
    ir_device: DeviceIndex | None = None  # the aie.device of ``ir`` the Design was read from (a file may hold several)

    @property
    def device_name(self) -> str | None:
        """The name of the ``aie.device`` a read design came from (``@name``, or ``#k`` when unnamed); None if built."""
        return self.ir_device.symbol if self.ir_device is not None else None

    @property
    def context(self) -> Context:
        """The device, kernel spec and mlir-aie profile the design was checked with."""
        return Context(self.device, self.spec, self.profile)

    @property
    def fits(self) -> bool:
        """True when nothing was found that aiecc, the linker or the hardware would reject."""
        return not self.errors

    def as_json(self) -> dict:
        """``{"fits", "tiles", "errors"}``: what ``npu-tiler partition --json`` prints."""
        return {"fits": self.fits, "tiles": [t.as_json() for t in self.tiles], "errors": list(self.errors)}


def _tile_name(t: Coord) -> str:
    return f"tile ({t[0]}, {t[1]})"


def evaluate(design: Design, context: Context | None = None, *, device: Device | None = None,
             spec: KernelSpec | None = None) -> Evaluation:
    """Check a placed Design tile by tile: lowering, addresses, channels, locks, BDs, stack, shim DMA.

    Lowers the design (:func:`partitioner.lowering.lower`), allocates every
    compute and mem tile (:func:`partitioner.allocation.allocate`) and
    compares the counts with the device's limits: DMA channels (aiecc's
    "number of ... DMA channel exceeded!"), locks, BDs (on a mem tile 24 per
    channel parity, AIEAssignBufferDescriptorIDs.cpp), the kernel's stack
    against the core's ``stack_size``, the shim transfers against the
    ``dma_memcpy_nd`` verifier (AIEXDialect.cpp) and pool sizes against the
    largest lock value (docs/research/mlir-aie-lowering.md sections 1.5-1.7, 5).

    Parameters
    ----------
    design : Design
        A placed Design (:func:`partitioner.strategies.make_design`, or read back).
    context : Context, optional
        The device, kernel spec (its static data and stack) and mlir-aie
        profile to check with. Default: what ``design.options`` name
        (:meth:`~partitioner.context.Context.for_options`).
    device, spec : optional
        Replace the context's device or kernel spec.

    Returns
    -------
    Evaluation
        Without suggestions; a design that does not fit is returned, not raised.

    Raises
    ------
    UserError
        The options name an unknown device, kernel or mlir-aie profile.

    Examples
    --------
    >>> from partitioner.strategies import make_design
    >>> from partitioner.design import Options
    >>> ev = evaluate(make_design(Options(strategy="single", batch=100, tiles=1, depth=2)))
    >>> ev.fits
    False
    >>> print(ev.errors[0].splitlines()[0])
    tile (0, 2) (compute): 'aie.tile' op allocated buffers exceeded available memory
    """
    o = design.options
    given = {k: v for k, v in (("device", device), ("spec", spec)) if v is not None}
    context = dataclasses.replace(context, **given) if context else Context.for_options(o, **given)
    device, spec, profile = context.device, context.spec, context.profile
    # A hand-written design may call a kernel npu-tiler has no kernel.toml for: everything but the
    # kernel's own static data and stack need is still checked.
    static_bytes = spec.static_data_bytes if spec is not None else 0
    lowered = lower(design, device, profile)
    stacks = {w.tile: w.stack_bytes for w in design.workers}
    cores = {w.tile: w for w in design.workers}
    errors: list[str] = []
    notes: list[str] = list(design.notes)
    if spec is None and any(w.data_bytes is None for w in design.workers):
        notes.append("kernel static data: unknown (no kernel.toml for the cores' kernel), not checked")
    memory: dict[Coord, MemoryMap] = {}
    reports: list[TileReport] = []
    for tile in sorted(lowered.tiles, key=lambda t: (t[0], t[1])):
        res = lowered.tiles[tile]
        kind = device.kind(tile)
        if res.kind in ("compute", "mem"):
            is_core = res.kind == "compute" and tile in stacks
            core = cores.get(tile) if is_core else None
            mm = allocate(res, kind.memory_bytes, kind.banks, stacks.get(tile, 0) if is_core else 0,
                          _static_bytes(core, static_bytes), o.alloc_scheme, profile, device.generation, is_core,
                          stack_pin=_stack_pin(core, device, profile, notes))
            memory[tile] = mm
            notes += [f"{_tile_name(tile)}: {n}" for n in mm.notes]
            if not mm.fits:
                errors.append(_memory_error(tile, res.kind, mm, design))
            buffers = [{"name": r.name, "bytes": r.nbytes, "address": r.address} for r in mm.regions]
            used = mm.used
        else:
            buffers, used = [], 0
        errors += _channel_lock_bd_errors(tile, res, kind, device)
        reports.append(TileReport(tile, res.kind, used, kind.memory_bytes, buffers, res.dma_in, res.dma_out,
                                  res.locks, res.bds,
                                  workers=[w.name for w in design.workers if w.tile == tile]))
    errors += _stack_errors(design, spec) if spec is not None else []
    errors += _shim_errors(design, device)
    errors += _program_memory_errors(design, spec, device=device)
    notes += _program_memory_warnings(design, spec, device)
    errors += _lock_value_errors(lowered, device)
    return Evaluation(design, device, spec, profile, lowered, memory, reports, errors, notes=notes)


def evaluate_file(path: str | Path, overrides: dict | None = None, device: str | None = None) -> Evaluation:
    """Read a design folder or ``.mlir`` file (parsed once) and check it with the options it resolves to.

    Parameters
    ----------
    path : path
        A design folder (its ``aie.mlir`` and ``manifest.json``) or an ``.mlir`` file.
    overrides : dict, optional
        Options fields to use instead of the manifest's or the derived ones.
    device : str, optional
        The ``aie.device`` to check, by name (:func:`partitioner.mlir.read.read_design`); default the
        only one (or the configuration an ``aiex.configure`` loads).

    Returns
    -------
    Evaluation
        With ``source`` (the file), ``ir`` (its parsed module) and ``ir_device`` (the device read) set.

    Raises
    ------
    UserError
        The path does not exist or cannot be read as an mlir-aie design, it has no device of that
        name, or several and no name is given (the message lists them).
    """
    mlir = design_file(path)
    return evaluate_source(read_source(mlir), mlir, overrides, device)


def evaluate_source(src: Source, mlir: Path, overrides: dict | None = None, device: str | None = None) -> Evaluation:
    """:func:`evaluate_file` for a file already parsed: check one of its devices (``device``, by name).

    Parameters
    ----------
    src : Source
        The parsed file (:func:`partitioner.mlir.parse.read_source`).
    mlir : Path
        Its path (the Evaluation's ``source``).
    overrides, device
        As for :func:`evaluate_file`.

    Returns
    -------
    Evaluation
    """
    ev = evaluate(*read_design(src, overrides, device))
    ev.source, ev.ir, ev.ir_device = mlir, src, select_device(src.index, mlir, device)
    return ev


def device_names(src: Source) -> list[str]:
    """The names of the devices a check of the file covers (:attr:`partitioner.mlir.index.Index.checked`),
    each its own design; one name for a file of one device (or of one configuration ``aiex.configure`` loads).
    """
    return [d.symbol for d in src.index.checked]


def evaluate_devices(path: str | Path, overrides: dict | None = None) -> list[Evaluation]:
    """Every device of a file, each read and checked as its own design (the file parsed once).

    aiecc compiles each ``aie.device`` of a module (its graph splits the module per device;
    mlir-aie tools/aiecc/README.md @ 089e2276), so a file of several devices is several designs.

    Parameters
    ----------
    path, overrides
        As for :func:`evaluate_file`.

    Returns
    -------
    list[Evaluation]
        One per device of :func:`device_names`, in the file's order.

    Raises
    ------
    UserError
        The file cannot be read, or one of its devices cannot (the first such).
    """
    mlir = design_file(path)
    src = read_source(mlir)
    names = device_names(src) or [None]  # no device: evaluate_source says so
    return [evaluate_source(src, mlir, overrides, name if len(names) > 1 else None) for name in names]


def _static_bytes(core: Worker | None, kernel_bytes: int) -> int:
    """The static data (.data/.rodata/.bss) bytes of a core: what its ``aie.core`` states (``data_size``, else
    ``measured_data_size``: :attr:`Worker.data_bytes`), else the kernel spec's; 0 on a tile without a core.

    A design npu-tiler builds states none, so its cores keep the kernel spec's figure.
    """
    if core is None:
        return 0
    return kernel_bytes if core.data_bytes is None else core.data_bytes


def _stack_pin(core: Worker | None, device: Device, profile: Profile, notes: list[str]) -> StackPin | None:
    """A core's ``stack_address`` / ``stack_bank`` for the allocator (None when it names neither).

    Where the device's stack alignment is not known (the profile's ``stack_alignment``), a ``stack_bank`` alone is
    aligned to the compute tile's bus width and a note says the alignment is not modelled.
    """
    if core is None or (core.stack_address is None and core.stack_bank is None):
        return None
    align = profile.stack_alignment.get(device.generation)
    if align is None:
        align = profile.alignment(device.generation, True).bus
        if core.stack_address is None:
            notes.append(f"{_tile_name(core.tile)}: the stack alignment of {device.generation} "
                         f"(getCoreStackAlignment) is not modelled: stack_bank places the stack at the "
                         f"{align} B bus alignment")
    return StackPin(core.stack_address, core.stack_bank, align)


def _memory_error(tile: Coord, kind: str, mm: MemoryMap, design: Design) -> str:
    stack = sum(r.nbytes for r in mm.regions if r.name == "(stack)")
    static = sum(r.nbytes for r in mm.regions if r.name == "(kernel static data)")
    buffers = mm.used - stack - static
    head = f"{_tile_name(tile)} ({kind}): {mm.errors[0]}"
    parts = [f"buffers {buffers:,} B"]
    if stack:
        parts.append(f"stack {stack:,} B")
    if static:
        parts.append(f"kernel static data {static:,} B")
    need = f"needs {mm.used:,} B of {mm.capacity:,} B ({', '.join(parts)}; {mm.scheme})"
    return "\n".join([head, f"  {need}", *mm.errors[1:-1], "  MemoryMap:", *("  " + line for line in mm.listing())])


def _channel_lock_bd_errors(tile: Coord, res, kind, device: Device) -> list[str]:
    out = []
    name = _tile_name(tile)
    if res.dma_out > kind.dma_out:
        out.append(f"{name} ({res.kind}): 'aie.tile' op number of output DMA channel exceeded! "
                   f"({res.dma_out} MM2S needed, {kind.dma_out} available)")
    if res.dma_in > kind.dma_in:
        out.append(f"{name} ({res.kind}): 'aie.tile' op number of input DMA channel exceeded! "
                   f"({res.dma_in} S2MM needed, {kind.dma_in} available)")
    if res.locks > kind.locks:
        out.append(f"{name} ({res.kind}): {res.locks} locks needed, {kind.locks} available")
    if res.kind == "mem":
        for parity, label in ((0, "even"), (1, "odd")):
            n = sum(c.bds for c in res.channels if c.index % 2 == parity)
            if n > device.mem_bds_per_channel_parity:
                out.append(f"{name} (mem): {n} BDs on {label} channels, {device.mem_bds_per_channel_parity} "
                           f"available (Allocator exhausted available BD IDs)")
    elif res.bds > kind.bds:
        out.append(f"{name} ({res.kind}): {res.bds} BDs needed, {kind.bds} available")
    return out


def _stack_errors(design: Design, spec: KernelSpec) -> list[str]:
    out = []
    for w in design.workers:
        if spec.stack_bytes > w.stack_bytes:
            out.append(f"{_tile_name(w.tile)}: kernel {spec.name} needs {spec.stack_bytes:,} B of stack but the "
                       f"core reserves {w.stack_bytes:,} B (stack_size); the AIE stack sits just below the first "
                       f"buffer, so the overflow would corrupt it silently: reserve at least "
                       f"{-(-spec.stack_bytes // 32) * 32:,} B (--stack-size)")
    return out


def _lock_value_errors(lowered: Lowered, device: Device) -> list[str]:
    return [f"{_tile_name(p.tile)}: pool {p.name} has {p.count} buffers; a lock counts at most "
            f"{device.max_lock_value}: use a smaller depth"
            for pools in lowered.pools.values() for p in pools if p.count > device.max_lock_value]


# Length limits of one NPU call's host side, beside the dma_memcpy_nd verifier's dimension limits:
# * a shim BD counts the words one pass of its dimensions moves in a 32-bit field (aie-rt:
#   XAIEMLGBL_NOC_MODULE_DMA_BD0_0_BUFFER_LENGTH_MASK = 0xFFFFFFFF, in 32-bit words); the repeat
#   re-runs the BD and is not part of it;
# * every host buffer is one XRT buffer object, and amd/xdna-driver syncs a buffer object with 32-bit
#   offsets and sizes (amdxdna_gem.c: amdxdna_drm_clflush(abo, u32 start, u32 size)), so one larger
#   than 4 GiB - 1 B is not synced whole. npu-tiler's --batch is capped from this figure too.
SHIM_BD_MAX_WORDS = 2**32 - 1
HOST_BUFFER_MAX_BYTES = 2**32 - 1


def _length_errors(design: Design) -> list[str]:
    """Host buffers larger than one XRT buffer, and shim transfers longer than one BD's length field."""
    out = []
    for b in design.sequence.buffers:
        if b.nbytes > HOST_BUFFER_MAX_BYTES:
            out.append(f"runtime sequence: host {b.direction}put buffer '{b.name}' is {b.nbytes:,} B; one XRT buffer "
                       f"holds at most {HOST_BUFFER_MAX_BYTES:,} B (the xdna driver syncs buffers with 32-bit "
                       f"sizes): use a smaller --batch")
    for t in design.sequence.transfers:
        words = t.sizes[1] * t.sizes[2] * t.sizes[3] * t.elem_bytes / 4
        if words > SHIM_BD_MAX_WORDS:
            out.append(f"runtime sequence, {t.direction} transfer of {t.fifo} on shim {t.shim}: {words:,.0f} words "
                       f"in one buffer descriptor; a shim BD's buffer length holds at most {SHIM_BD_MAX_WORDS:,} "
                       f"(32 bits): use a smaller --batch")
    return out


def _shim_errors(design: Design, device: Device) -> list[str]:
    lim = device.shim
    out = _length_errors(design)
    for t in design.sequence.transfers:
        where = f"runtime sequence, {t.direction} transfer of {t.fifo} on shim {t.shim}"
        sizes, strides, eb = t.sizes, t.strides, t.elem_bytes
        linear = sizes[:3] == [1, 1, 1] and strides[3] == 1
        # mlir-aie waives the Size 0 / Size 1 wrap limits of a contiguous transfer on a shim NOC tile
        # (AIEXDialect.cpp @ main 2026, NpuDmaMemcpyNdOp::verify: isLinearTransferWithoutTransformation
        # or isShimNOCTile and isContiguousTransfer; test/npu-xrt/dma_queue_overflow_memcpy_nd @ be4ee69c)
        contiguous = strides[3] == 1 and (sizes[2] <= 1 or strides[2] == sizes[3]) and \
            (sizes[1] <= 1 or strides[1] == sizes[3] * sizes[2])
        waived = linear or (t.shim is not None and device.is_shim_noc(t.shim) and contiguous)
        inner_words = sizes[3] * eb / 4
        if (sizes[3] * eb) % lim.align_bytes:
            out.append(f"{where}: innermost run {sizes[3] * eb} B is not a multiple of 4 bytes")
        if (t.offset * eb) % lim.align_bytes:
            out.append(f"{where}: offset {t.offset * eb} B is not 4-byte aligned (Offset must be 4-byte-aligned.)")
        if not waived and inner_words > lim.wrap_max:
            out.append(f"{where}: Size 0 exceeds the [0:{lim.wrap_max}] range ({inner_words:g} words)")
        if not waived and sizes[2] > lim.wrap_max:
            out.append(f"{where}: Size 1 exceeds the [0:{lim.wrap_max}] range ({sizes[2]})")
        if not 1 <= sizes[0] <= lim.repeat_max:
            out.append(f"{where}: Size 3 exceeds the [1:{lim.repeat_max}] range ({sizes[0]})")
        # dims listed outermost first: index 1 is "Stride 2", index 3 (innermost) "Stride 0";
        # a unit innermost stride is exempt from the 4-byte rule (contiguous run).
        for i in (1, 2, 3):
            size, stride, label = sizes[i], strides[i], 3 - i
            if size <= 1 or (i == 3 and stride == 1):
                continue
            if (stride * eb) % 4:
                out.append(f"{where}: Stride {label} is {stride * eb} bytes, which is not divisible by 4.")
            if stride * eb / 4 > lim.stride_max_words:
                out.append(f"{where}: Stride {label} exceeds the [1:{lim.stride_max_words}] range")
    return out


@dataclass(frozen=True)
class ProgramMemoryMargin:
    """The kernel's estimated code (the high end of :meth:`KernelSpec.code_bytes`) against a compute
    tile's program memory: the bytes left (negative: over) and their share of the memory."""

    code_bytes: float
    capacity: int
    warn_share: float  # costs.toml [code_size] warn_margin

    @property
    def left(self) -> float:
        """Bytes of program memory left (negative: over)."""
        return self.capacity - self.code_bytes

    @property
    def share(self) -> float:
        """The bytes left as a share of the program memory."""
        return self.left / self.capacity

    @property
    def thin(self) -> bool:
        """Fits, with less than warn_share of the memory left."""
        return 0 <= self.left < self.warn_share * self.capacity

    def text(self) -> str:
        """One line: the estimate, the memory, the bytes and share left."""
        return (f"kernel code estimate {self.code_bytes:,.0f} B of {self.capacity:,} B program memory: "
                f"{self.left:,.0f} B ({self.share:.1%}) left")


def program_memory_margin(spec: KernelSpec | None, device: Device) -> ProgramMemoryMargin | None:
    """The program-memory margin of ``spec``'s kernel on ``device``'s compute tiles; None when either
    figure is unknown (no code measurement, or a device whose program memory is not known)."""
    band = spec.code_bytes() if spec is not None else None
    capacity = device.kinds["compute"].program_memory_bytes if "compute" in device.kinds else 0
    if band is None or not capacity:
        return None
    return ProgramMemoryMargin(band.high, capacity, load_costs(None).code.warn_margin)


def _program_memory_warnings(design: Design, spec: KernelSpec | None, device: Device) -> list[str]:
    """A warning note when the kernel's code fits with less than costs.toml's warn_margin left."""
    margin = program_memory_margin(spec, device) if design.workers else None
    if margin is None or not margin.thin:
        return []
    return [f"warning: {margin.text()}, under {margin.warn_share:.0%}: the estimate is a band from the "
            f"32-bit proxy (partitioner/params/costs.toml [code_size]), so the core's program may not link"]


def _program_memory_errors(design: Design, spec: KernelSpec | None, code_bytes: float | None = None,
                           capacity: int | None = None, device: Device | None = None) -> list[str]:
    """The kernel's code against a compute tile's program memory (16 KiB on AIE2).

    ``code_bytes`` is the size checked: by default the high (conservative) end of the kernel's
    estimate (:meth:`KernelSpec.code_bytes`: the 32-bit proxy's operations with its lng
    instructions and delay-slot NOPs counted, params/costs.toml [code_size]); ``capacity`` by
    default the device's ``program_memory_bytes``.
    A kernel without a code measurement is not checked. One error for the design (every core runs
    the same kernel), naming the kernel and both sizes.
    """
    if spec is None or not design.workers:
        return []
    how = ""
    if code_bytes is None:
        band = spec.code_bytes()
        if band is None:
            return []
        code_bytes = band.high
        how = (f" (estimate: the 32-bit proxy's {spec.static_ops_proxy:,} operations, {spec.long_instructions_proxy:,} "
               f"of them 48-bit lng instructions, {spec.control_transfers_proxy:,} jumps/calls/returns with "
               f"{load_costs(None).code.delay_slots:g} delay-slot NOPs each, partitioner/params/costs.toml [code_size])")
    if capacity is None:  # the compute tile kind's program_memory_bytes (0: not known)
        capacity = (device or for_options(design.options)).kinds["compute"].program_memory_bytes or None
    if capacity is None or code_bytes <= capacity:
        return []
    tiles = ", ".join(_tile_name(t) for t in sorted({w.tile for w in design.workers}))
    return [f"{tiles}: kernel {spec.name}'s code needs {code_bytes:,.0f} B of program memory, a compute tile "
            f"has {capacity:,} B{how}: the core's program would not link ({code_bytes - capacity:,.0f} B over)"]


def evaluate_options(options: Options, suggest: bool = True, placer: Placer | None = None) -> Evaluation:
    """Build, place and check ``options``; with ``depth`` unset, double buffering if it fits, else single.

    What :func:`partitioner.partition` calls after merging its keyword
    arguments into ``options``. The device, kernel spec and profile are
    resolved once (:class:`~partitioner.context.Context`) for every design it
    builds and checks.

    Parameters
    ----------
    options : Options
        ``depth=None`` tries depth 2 and falls back to depth 1 when only that
        fits (a note in the Evaluation says so).
    suggest : bool
        When the design does not fit, fill ``suggestions`` (:func:`suggestions`).
    placer : Placer, optional
        Decides the tiles; default :class:`~partitioner.placement.ColumnPlacer`.

    Returns
    -------
    Evaluation

    Raises
    ------
    UserError
        Options from which no design can be built (see
        :func:`partitioner.strategies.make_design`), or that name an unknown
        device, kernel or mlir-aie profile.

    Examples
    --------
    >>> from partitioner.design import Options
    >>> ev = evaluate_options(Options(strategy="split", batch=100, tiles=2))
    >>> ev.fits, ev.design.depth, ev.notes
    (True, 1, ['double buffering does not fit; the model chose single buffering (depth 1)'])
    """
    context = Context.for_options(options)

    def make(o: Options) -> Design:
        return make_design(o, context, placer=placer)

    if options.depth is None:
        ev = evaluate(make(dataclasses.replace(options, depth=2)), context)
        if not ev.fits:
            single = evaluate(make(dataclasses.replace(options, depth=1)), context)
            if single.fits:
                single.notes.append("double buffering does not fit; the model chose single buffering (depth 1)")
                ev = single
            else:
                ev.notes.append("single buffering (depth 1) does not fit either")
    else:
        ev = evaluate(make(options), context)
    if not ev.fits and suggest:
        ev.suggestions = suggestions(options, ev, placer)
    return ev


def suggestions(options: Options, failed: Evaluation, placer: Placer | None = None) -> list[str]:
    """Changes of one option that make the design fit, each checked by evaluating it.

    Tried in order: depth 1; the largest smaller ``object_frames`` that
    divides the frames per chain; more tiles (split, hybrid); a split
    instead of a single tile. At most one of each.

    Parameters
    ----------
    options : Options
        The options that failed.
    failed : Evaluation
        Their evaluation (its design's depth and object frames are the start;
        its context is used for every change tried: none changes the device,
        kernel or profile).
    placer : Placer, optional
        As in :func:`evaluate_options`.

    Returns
    -------
    list of str
        Command-line spellings, e.g. ``"--depth 1 (single buffering)"``; empty
        when no single change fits.

    Examples
    --------
    >>> from partitioner.design import Options
    >>> o = Options(strategy="single", batch=100, tiles=1)
    >>> suggestions(o, evaluate_options(o, suggest=False))
    ['--object-frames 25 (frames per FIFO buffer; 4 per tile per call)', '--strategy split --tiles 4']
    """
    out = []
    context = failed.context

    def fits(**change) -> bool:
        try:
            return evaluate(make_design(dataclasses.replace(options, **change), context, placer=placer),
                            context).fits
        except UserError:
            return False

    depth = failed.design.depth
    if depth > 1 and fits(depth=1, object_frames=failed.design.object_frames):
        out.append("--depth 1 (single buffering)")
    per_chain = failed.design.workers[0].frames_per_call
    for f in sorted((d for d in range(1, failed.design.object_frames) if per_chain % d == 0), reverse=True):
        if fits(object_frames=f, depth=depth):
            out.append(f"--object-frames {f} (frames per FIFO buffer; {per_chain // f} per tile per call)")
            break
    if options.strategy in ("split", "hybrid"):
        for k in (2, 4, 8, 16):
            if k > options.tiles and fits(tiles=k, object_frames=None):
                out.append(f"--tiles {k}")
                break
    if options.strategy == "single":
        for k in (2, 4, 8, 16):
            if fits(strategy="split", tiles=k, object_frames=None):
                out.append(f"--strategy split --tiles {k}")
                break
    return out
