"""A kernel as the partitioner sees it, read from ``kernels/<name>/kernel.toml``.

The spec states the frame geometry (sample rate, frame and hop length, mel
bands), per entry point its C signature, the bytes per frame in and out and
the state it keeps, and for the whole kernel the static data (its tables) and
the stack it needs: what a compute tile must hold besides the ObjectFIFO
buffers. Every kernel fact the partitioner and the simulator use is read from
here; kernels are found as :func:`kernels.kernel_dir` says (``NPU_TILER_KERNELS``
first, then the built-in folder).

The kernel's cycles per frame are a band per stage (:meth:`KernelSpec.stage_bands`):
the operations one frame executes in each stage by class ([measured.ops_per_frame],
counted on the 32-bit proxy by :mod:`sim.measure`) priced by a cost profile of
``partitioner/params/costs.toml`` (:func:`cost_profile`), or for a projected profile the
stage's vector work ([vector_work]) priced by published throughput.
"""
from __future__ import annotations

import tomllib
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import kernels
from partitioner.design import ELEM_BYTES
from partitioner.errors import UserError
from partitioner.params import Field, MapOf, check_schema, read_toml

STREAMS = ("frames", "hops", "chunk", "spectrum", "logmel")

# Element types of C entry-point arguments and their numpy dtypes. Unlike the
# MLIR types of [streams] (signless "i32"), these keep C's signedness: mel.h's
# spectrum words are uint32_t ("u32").
ARG_DTYPES = {"i8": "int8", "u8": "uint8", "i16": "int16", "u16": "uint16", "i32": "int32", "u32": "uint32"}
# Argument roles: ``in`` is read (const), ``state`` read and updated in place,
# ``out`` written, ``n_frames`` the frame count passed by value, last.
ARG_ROLES = ("in", "state", "out", "n_frames")
GEOMETRY_KEYS = ("sample_rate", "frame_samples", "hop_samples", "n_mels")

#: Operation classes of the cycle model (counted per stage on the 32-bit proxy, priced by costs.toml), split
#: by the AIE2 slot they issue in: mul and alu (alu slot only), move (mv slot: mov, mov-immediate),
#: load (lda), store (st: word stores), store_part (8/16-bit stores: lda slot, read-modify-write),
#: branch and call (jumps, calls, returns: lng or alu, each with 5 delay slots).
OP_CLASSES = ("mul", "alu", "move", "load", "store", "store_part", "branch", "call")
#: Classes a calibration written before a split may lack, and the class that stood for them then.
SPLIT_FROM = {"move": "alu", "store_part": "store"}
#: Kinds of cost profile: counted (ops x per-class cycles), projected (vector work x published rates),
#: calibrated (ops x per-class cycles fitted to hardware runs: one figure, no band).
PROFILE_KINDS = ("counted", "projected", "calibrated")
COSTS_TOML = Path(__file__).resolve().parent / "params" / "costs.toml"

_BYTES = Field("int", 0)


@dataclass(frozen=True)
class _BandField(Field):
    """A band ``[low, high]`` of two numbers >= 0 with low <= high (or, with ``single``, also one number)."""

    single: bool = False

    def accepts(self, value: object) -> bool:
        number = Field("number", 0)
        if self.single and number.accepts(value):
            return True
        return (isinstance(value, list) and len(value) == 2 and all(number.accepts(v) for v in value)
                and value[0] <= value[1])

    def describe(self) -> str:
        band = "[low, high]: two numbers >= 0, low <= high"
        return f"a number >= 0 or {band}" if self.single else band


_BAND = _BandField("band")
_WORK = _BandField("band", single=True)
#: The work of one stage, per frame, for the projected vector profile (kernel.toml [vector_work.<stage>]):
#: complex MACs (cint32 x cint16), int32 x int16 and int16 x int16 MACs, 32-bit lane operations, bytes
#: copied, scalar table lookups, scattered elements, FFT points x radix stages, vector loops, calls.
VECTOR_WORK_KEYS = ("cmacs", "macs32x16", "macs16", "elementwise", "bytes_moved", "gathers", "permute",
                    "fft_point_stages", "loops", "calls")
#: What a kernel.toml may hold (checked by :func:`load` with :func:`partitioner.params.check_schema`):
#: a key outside it is refused naming the key and the accepted ones, never dropped silently.
SCHEMA = {
    "kernel": {"name": Field("str"), "summary": Field("str"), "sources": Field("str list"), "object": Field("str"),
               "output": Field("str")},
    "geometry": {k: Field("int", 1, required=True) for k in GEOMETRY_KEYS},
    "streams": {s: Field("str", choices=tuple(ELEM_BYTES)) for s in STREAMS},
    "cycles": {"per_host_instruction": Field("number", 0), "method": Field("str")},
    # The aie2-vector projection's work per stage (written by hand) and the cycle bands the cost
    # profiles give (written by `npu-tiler kernel-info --write`): see COSTS_SCHEMA and costs.toml.
    "vector_work": MapOf({**{k: _WORK for k in VECTOR_WORK_KEYS}, "scalar": Field("bool")}),
    "cycle_bands": MapOf({"stages": MapOf(_BAND), "entries": MapOf(_BAND), "note": Field("str"),
                          "central": MapOf(Field("number", 0)), "central_note": Field("str")}),
    "entries": MapOf({"symbol": Field("str", required=True), "args": Field("str list"),
                      "role": Field("str", choices=("fused", "stage")),
                      "consumes": Field("str", choices=STREAMS, required=True),
                      "produces": Field("str", choices=STREAMS, required=True),
                      "in_bytes_per_frame": Field("int", 0, required=True),
                      "out_bytes_per_frame": Field("int", 0, required=True),
                      "state_bytes": Field("int", 0, required=True), "in_halo_bytes": _BYTES}),
    "pipelines": MapOf(Field("str list")),
    "measured": {"static_data_bytes": _BYTES, "stack_bytes": _BYTES, "sections": MapOf(_BYTES),
                 "stack_by_entry": MapOf(_BYTES), "instructions_per_frame": MapOf(_BYTES),
                 # the 32-bit proxy (sim/measure.py): per entry symbol, per stage, operations per frame by class
                 "ops_per_frame": MapOf(MapOf({c: _BYTES for c in OP_CLASSES})),
                 "ops_frames": Field("int", 1), "ops_method": Field("str"),
                 "code_bytes_proxy": _BYTES, "control_transfers_proxy": _BYTES,
                 "static_ops_proxy": _BYTES, "long_instructions_proxy": _BYTES},
}


class BrokenKernelWarning(UserWarning):
    """A kernel folder whose kernel.toml does not load; lookups over every kernel skip it."""


@dataclass(frozen=True)
class Geometry:
    """How a kernel frames audio: what every frame, hop and halo holds, in samples."""

    sample_rate: int  # Hz
    frame_samples: int  # samples per frame (Whisper: n_fft = 400)
    hop_samples: int  # new samples per frame (Whisper: 160, 10 ms at 16 kHz)
    n_mels: int  # mel bands per output frame

    @property
    def halo_samples(self) -> int:
        """Samples a frame shares with the previous one: what a hop needs besides its own."""
        return self.frame_samples - self.hop_samples

    @property
    def n_bins(self) -> int:
        """Bins of a real DFT over one frame (frame_samples // 2 + 1)."""
        return self.frame_samples // 2 + 1

    @property
    def seconds_per_frame(self) -> float:
        """Audio time one frame advances: hop / sample rate."""
        return self.hop_samples / self.sample_rate

    def values_per_frame(self, stream: str) -> int:
        """Elements per frame of a stream: samples of a frame or hop, spectrum bins, mel bands."""
        return {"frames": self.frame_samples, "hops": self.hop_samples, "chunk": self.hop_samples,
                "spectrum": self.n_bins, "logmel": self.n_mels}[stream]


class Arg(NamedTuple):
    """One C argument of an entry point: its role and element type (``("in", "i16")``)."""

    role: str
    elem: str

    @property
    def dtype(self) -> str:
        """numpy dtype name of the element type ("u32" -> "uint32")."""
        return ARG_DTYPES[self.elem]

    @property
    def elem_bytes(self) -> int:
        """Bytes of one element of the argument (``i16`` -> 2)."""
        return int(self.elem[1:]) // 8

    @property
    def is_pointer(self) -> bool:
        """True for a buffer argument; the frame count is passed by value."""
        return self.role != "n_frames"


@dataclass(frozen=True)
class EntryPoint:
    """One function a core calls: ``symbol(in, [state,] out, n_frames)``."""

    name: str
    symbol: str
    role: str  # "fused" or "stage"
    consumes: str  # "frames" (400 samples), "hops" (160 new), "chunk" (halo + hops), "spectrum"
    produces: str  # "spectrum" or "logmel"
    in_bytes_per_frame: int
    out_bytes_per_frame: int
    state_bytes: int
    in_halo_bytes: int = 0  # once per call, before the frames ("chunk" inputs)
    instructions_per_frame: int | None = None
    args: tuple[Arg, ...] = ()  # the C signature, in order; empty if kernel.toml states none

    def arg(self, role: str) -> Arg | None:
        """The argument with this role, or None (no ``state`` for stateless entries)."""
        return next((a for a in self.args if a.role == role), None)

    def in_bytes(self, frames: int) -> int:
        """Input bytes of one call on ``frames`` frames."""
        return self.in_halo_bytes + frames * self.in_bytes_per_frame

    def out_bytes(self, frames: int) -> int:
        """Output bytes of one call on ``frames`` frames."""
        return frames * self.out_bytes_per_frame


# -- cost profiles (partitioner/params/costs.toml) -------------------------------------------------------


class Band(NamedTuple):
    """A modelled figure as a band: ``low`` (optimistic end) and ``high`` (conservative end)."""

    low: float
    high: float

    def __add__(self, other: "Band") -> "Band":  # type: ignore[override]
        return Band(self.low + other.low, self.high + other.high)

    def scaled(self, k: float) -> "Band":
        """Both ends times ``k``."""
        return Band(self.low * k, self.high * k)

    def end(self, which: str) -> float:
        """The ``"low"`` or ``"high"`` end."""
        return self.low if which == "low" else self.high


ZERO = Band(0.0, 0.0)
_SOURCE = Field("str")
_COST = {"cycles": Field("number", 0, required=True), "source": _SOURCE}
_FIGURE = {"value": Field("number", 0), "low": Field("number", 0), "high": Field("number", 0), "source": _SOURCE}
#: The figures a projected profile prices vector work with (costs.toml [profiles.<p>.rates]).
RATE_KEYS = ("cmacs_per_cycle", "macs32x16_per_cycle", "macs16_per_cycle", "lanes", "store_bytes_per_cycle",
             "fft_cycles_per_point_stage", "loop_fill_cycles", "gather", "permute", "call")
#: The figures of costs.toml [code_size] (:class:`CodeSize`), every one required.
CODE_SIZE_KEYS = ("op_bytes", "long_bytes", "nop_bytes", "delay_slots", "warn_margin")
#: The layout of costs.toml and of a ``--cost-profile FILE`` (e.g. a calibration).
COSTS_SCHEMA = {
    "default": Field("str"),
    "code_size": {k: _FIGURE for k in CODE_SIZE_KEYS},
    "profiles": MapOf({
        "label": Field("str", required=True), "kind": Field("str", choices=PROFILE_KINDS, required=True),
        "summary": Field("str"),
        "high": {c: _COST for c in OP_CLASSES},
        "central": {c: _COST for c in OP_CLASSES},
        "slots": MapOf({"classes": Field("str list", choices=OP_CLASSES), "per_cycle": Field("number", 0, True),
                        "source": _SOURCE}),
        "costs": {c: _COST for c in OP_CLASSES},
        "rates": {k: _FIGURE for k in RATE_KEYS},
    }),
}


@dataclass(frozen=True)
class CostProfile:
    """One cost profile: how a stage's counted operations (or vector work) become cycles, as a band.

    ``kind`` is ``counted`` (``high`` cycles per class; ``slots``: the perfect-packing constraints of
    the low end), ``projected`` (``rates`` that price kernel.toml's [vector_work]) or ``calibrated``
    (``costs``: cycles per class fitted to hardware runs, one figure: low = high).
    """

    name: str
    label: str
    kind: str
    summary: str = ""
    high: dict[str, float] = field(default_factory=dict)
    central: dict[str, float] = field(default_factory=dict)  # counted: cycles per class of the central estimate
    slots: tuple[tuple[tuple[str, ...], float], ...] = ()
    costs: dict[str, float] = field(default_factory=dict)
    rates: dict[str, Band] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def projected(self) -> bool:
        """True for a projection (not a measurement of any kernel that exists)."""
        return self.kind == "projected"

    def counted_band(self, ops: dict[str, int], scalar: "CostProfile | None" = None) -> Band:
        """Cycles of counted operations ``{class: n}``.

        counted: low = the busiest slot group (sum of its classes' operations / its per-cycle
        capacity), high = sum of n x high cycles; calibrated: sum of n x cycles (low = high);
        projected: the ``scalar`` profile's band (a stage that stays scalar code).
        """
        if self.kind == "calibrated":
            v = sum(ops.get(c, 0) * self.costs.get(c, 0.0) for c in OP_CLASSES)
            return Band(v, v)
        if self.kind == "projected":
            if scalar is None:
                raise UserError(f"cost profile {self.name!r}: a stage kept scalar needs the scalar profile")
            return scalar.counted_band(ops)
        high = sum(ops.get(c, 0) * self.high.get(c, 0.0) for c in OP_CLASSES)
        low = max((sum(ops.get(c, 0) for c in classes) / per for classes, per in self.slots), default=0.0)
        return Band(float(low), float(high))

    def counted_central(self, ops: dict[str, int]) -> float | None:
        """The central estimate of counted operations (counted profiles with a ``central`` table; None
        otherwise): the operations priced at the central per-class cycles, never below the band's low end
        (the slot bound) nor above its high end."""
        if self.kind != "counted" or not self.central:
            return None
        band = self.counted_band(ops)
        v = sum(ops.get(c, 0) * self.central.get(c, 0.0) for c in OP_CLASSES)
        return float(min(max(v, band.low), band.high))

    def projected_band(self, work: dict[str, Band]) -> Band:
        """Cycles of one stage's vector work (kernel.toml [vector_work.<stage>]; each figure a Band)."""
        r = self.rates

        def w(key: str) -> Band:
            return work.get(key, ZERO)

        def rate(key: str) -> float:
            if key not in r:
                raise UserError(f"cost profile {self.name!r} has no rate `{key}`")
            return r[key].high

        macs = (w("cmacs").low / rate("cmacs_per_cycle") + w("macs32x16").low / rate("macs32x16_per_cycle")
                + w("macs16").low / rate("macs16_per_cycle"))
        lanes = w("elementwise").low / rate("lanes") + w("bytes_moved").low / rate("store_bytes_per_cycle")
        low = (macs + lanes + w("gathers").low * r["gather"].low + w("permute").low * r["permute"].low
               + w("calls").low * r["call"].low)
        fft = (w("fft_point_stages").high * rate("fft_cycles_per_point_stage") if "fft_point_stages" in work
               else w("cmacs").high / rate("cmacs_per_cycle"))
        high = (fft + w("macs32x16").high / rate("macs32x16_per_cycle") + w("macs16").high / rate("macs16_per_cycle")
                + w("elementwise").high / rate("lanes") + w("bytes_moved").high / rate("store_bytes_per_cycle")
                + w("loops").high * rate("loop_fill_cycles") + w("gathers").high * r["gather"].high
                + w("permute").high * r["permute"].high + w("calls").high * r["call"].high)
        return Band(low, max(low, high))


@dataclass(frozen=True)
class CodeSize:
    """costs.toml [code_size]: how the proxy's static operations become AIE2 program bytes."""

    op_bytes: Band  # bytes per operation: paired in 48-bit two-slot bundles (low) .. alone in 32-bit ones (high)
    long_bytes: float  # a 48-bit lng instruction (immediate jump or call, 32-bit constant), alone in its bundle
    nop_bytes: float  # one unfilled delay slot: a 16-bit NOP bundle
    delay_slots: float  # delay slots per jump, call and return
    warn_margin: float  # the program-memory check warns when less than this share of the memory is left

    def estimate(self, ops: int, long_instructions: int, control_transfers: int) -> Band:
        """AIE2 code bytes of ``ops`` operations of which ``long_instructions`` are lng instructions and
        ``control_transfers`` have delay slots: low = the rest paired and every delay slot filled, high =
        the rest one per 32-bit bundle and every delay slot a NOP."""
        rest = ops - long_instructions
        nops = control_transfers * self.delay_slots * self.nop_bytes
        return Band(rest * self.op_bytes.low + long_instructions * self.long_bytes,
                    rest * self.op_bytes.high + long_instructions * self.long_bytes + nops)


@dataclass(frozen=True)
class Costs:
    """costs.toml (or a ``--cost-profile FILE``): the profiles, the default one, the code-size figures."""

    profiles: dict[str, CostProfile]
    default: str
    code: CodeSize
    path: Path

    def profile(self, name: str | None = None) -> CostProfile:
        """The profile ``name`` (default: the file's default); UserError naming the others."""
        name = name or self.default
        try:
            return self.profiles[name]
        except KeyError:
            raise UserError(f"no cost profile {name!r}; choose one of {', '.join(self.profiles)} "
                            f"(or give a TOML file in the layout of {COSTS_TOML.name})") from None


def _figure(t: dict, where: str) -> Band:
    if "value" in t:
        return Band(float(t["value"]), float(t["value"]))
    if "low" in t and "high" in t and t["low"] <= t["high"]:
        return Band(float(t["low"]), float(t["high"]))
    raise UserError(f"{where}: give `value`, or `low` <= `high`")


def _profile(name: str, t: dict, where: str) -> CostProfile:
    kind = t["kind"]
    need = {"counted": ("high", "slots"), "calibrated": ("costs",), "projected": ("rates",)}[kind]
    for key in need:
        if key not in t:
            raise UserError(f"{where}: profile {name!r} is {kind} and needs a [profiles.{name}.{key}] table")
    sources = {f"{sec}.{k}": v.get("source", "") for sec in ("high", "central", "costs", "rates", "slots")
               for k, v in t.get(sec, {}).items()}
    if kind == "counted" and set(t["high"]) != set(OP_CLASSES):
        raise UserError(f"{where}: [profiles.{name}.high] must price every class: {', '.join(OP_CLASSES)}")
    costs = dict(t.get("costs", {}))
    for new, old in SPLIT_FROM.items():  # a calibration from before the split: the old class's figure
        if kind == "calibrated" and new not in costs and old in costs:
            costs[new] = costs[old]
    if kind == "calibrated" and set(costs) != set(OP_CLASSES):
        raise UserError(f"{where}: [profiles.{name}.costs] must price every class: {', '.join(OP_CLASSES)}")
    rates = {k: _figure(v, f"{where} [profiles.{name}.rates.{k}]") for k, v in t.get("rates", {}).items()}
    if kind == "projected":
        missing = [k for k in RATE_KEYS if k not in rates]
        if missing:
            raise UserError(f"{where}: [profiles.{name}.rates] lacks {', '.join(missing)}")
    return CostProfile(
        name=name, label=t["label"], kind=kind, summary=t.get("summary", ""),
        high={c: float(v["cycles"]) for c, v in t.get("high", {}).items()},
        slots=tuple((tuple(v["classes"]), float(v["per_cycle"])) for v in t.get("slots", {}).values()),
        central={c: float(v["cycles"]) for c, v in t.get("central", {}).items()},
        costs={c: float(v["cycles"]) for c, v in costs.items()},
        rates=rates, sources=sources)


@lru_cache(maxsize=None)
def load_costs(path: str | None = None) -> Costs:
    """costs.toml, or a file of its layout (a calibration's profile). Cached by path.

    A file other than costs.toml may hold just its profile(s); the code-size factors and the default
    then come from costs.toml, and a file with one profile makes it the default.
    """
    base_path = COSTS_TOML
    where = str(path or base_path)
    data = read_toml(Path(path) if path else base_path)
    check_schema(data, COSTS_SCHEMA, where, complete=True)
    if path is not None and Path(path).resolve() != base_path.resolve():
        base = load_costs(None)
        profiles = {n: _profile(n, t, where) for n, t in data.get("profiles", {}).items()}
        if not profiles:
            raise UserError(f"{where}: no [profiles.<name>] table: a cost-profile file holds at least one profile")
        default = data.get("default") or (next(iter(profiles)) if len(profiles) == 1 else base.default)
        merged = {**base.profiles, **profiles}
        if default not in merged:
            raise UserError(f"{where}: default = {default!r} is not a profile")
        return Costs(merged, default, base.code, Path(path))
    profiles = {n: _profile(n, t, where) for n, t in data.get("profiles", {}).items()}
    default = data.get("default", "scalar")
    if default not in profiles:
        raise UserError(f"{where}: default = {default!r} is not one of the profiles ({', '.join(profiles)})")
    return Costs(profiles, default, _code_size(data.get("code_size", {}), where), base_path)


def _code_size(t: dict, where: str) -> CodeSize:
    """costs.toml [code_size]; every figure is required (the program-memory check depends on them)."""
    missing = [k for k in CODE_SIZE_KEYS if k not in t]
    if missing:
        raise UserError(f"{where}: [code_size] lacks {', '.join(missing)}")
    f = {k: _figure(t[k], f"{where} [code_size.{k}]") for k in CODE_SIZE_KEYS}
    return CodeSize(f["op_bytes"], f["long_bytes"].high, f["nop_bytes"].high, f["delay_slots"].high,
                    f["warn_margin"].high)


def cost_profile(name: "str | CostProfile | None" = None) -> CostProfile:
    """A cost profile by name (costs.toml) or by file (``*.toml``: its default profile); None: the default;
    a CostProfile is returned as it is (an in-memory one, e.g. while calibrating).

    Examples
    --------
    >>> from partitioner import kernel_spec
    >>> kernel_spec.cost_profile().name, kernel_spec.cost_profile("aie2-vector").projected
    ('scalar', True)
    """
    if isinstance(name, CostProfile):
        return name
    if name is not None and (name.endswith(".toml") or "/" in name):
        costs = load_costs(str(Path(name)))
        return costs.profile(None)
    return load_costs(None).profile(name)


def profile_names() -> tuple[str, ...]:
    """The profiles of costs.toml, default first."""
    c = load_costs(None)
    return (c.default, *(n for n in c.profiles if n != c.default))


@dataclass(frozen=True)
class KernelSpec:
    """A kernel as kernel.toml describes it: geometry, entry points and their signatures, stage chains,
    stream element types, static data, stack and measured costs."""

    name: str
    summary: str
    folder: Path
    sources: tuple[str, ...]
    object_file: str
    static_data_bytes: int
    stack_bytes: int
    entries: dict[str, EntryPoint]
    pipelines: dict[str, tuple[str, ...]]
    cycles_per_host_instruction: float | None
    cycles_method: str
    geometry: Geometry
    streams: dict[str, str] = field(default_factory=dict)  # stream -> MLIR element type
    sections: dict[str, int] = field(default_factory=dict)
    stack_by_entry: dict[str, int] = field(default_factory=dict)
    # The cycle model: per entry symbol, per stage, operations per frame by class (32-bit proxy), the
    # vector work per stage (aie2-vector projection), the bands kernel.toml states (a snapshot the
    # tests compare with the model), and the proxy's code size.
    ops_per_frame: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    vector_work: dict[str, dict[str, Band]] = field(default_factory=dict)
    vector_scalar_stages: frozenset[str] = frozenset()
    stated_bands: dict[str, dict[str, dict[str, Band]]] = field(default_factory=dict)
    code_bytes_proxy: int | None = None
    control_transfers_proxy: int | None = None
    static_ops_proxy: int | None = None  # operations in the proxy's .text (kernels/mel_tools/measure.py)
    long_instructions_proxy: int | None = None  # of which 48-bit lng instructions on AIE2
    # bands already computed, by (entry, profile name or file): the timing model asks for them per worker
    _bands: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def entry(self, name: str) -> EntryPoint:
        """The entry point ``name`` (an ``[entries]`` key); UserError naming the others when unknown."""
        try:
            return self.entries[name]
        except KeyError:
            raise UserError(f"kernel {self.name!r} has no entry point {name!r}; "
                            f"it has {', '.join(self.entries)}") from None

    def fused(self, consumes: str) -> EntryPoint:
        """The fused entry point reading ``frames`` or ``hops``."""
        for e in self.entries.values():
            if e.role == "fused" and e.consumes == consumes:
                return e
        raise UserError(f"kernel {self.name!r} has no fused entry point that reads {consumes}")

    def stages(self, chain: str) -> tuple[EntryPoint, ...]:
        """The stage entry points of a pipeline chain (``framed``, ``streamed``, ``chunked``)."""
        if chain not in self.pipelines:
            raise UserError(f"kernel {self.name!r} has no stage chain {chain!r}: it cannot be pipelined that way")
        return tuple(self.entry(n) for n in self.pipelines[chain])

    def cycles_per_frame(self, entry: str, profile: str | None = None, end: str = "high") -> float | None:
        """Modelled core cycles per frame of ``entry``: one end (default the high, conservative one) of
        :meth:`cycle_band` under ``profile`` (default: costs.toml's); None when kernel.toml gives no cost."""
        band = self.cycle_band(entry, profile)
        return None if band is None else band.end(end)

    @property
    def has_stage_model(self) -> bool:
        """True when kernel.toml has per-stage operation counts ([measured.ops_per_frame])."""
        return bool(self.ops_per_frame)

    def stage_bands(self, entry: str, profile: "str | CostProfile | None" = None) -> dict[str, Band] | None:
        """Cycles per frame of each stage ``entry`` runs, as bands, under ``profile``; None without counts.

        Examples
        --------
        >>> from partitioner import kernel_spec
        >>> bands = kernel_spec.load("mel").stage_bands("frames")
        >>> list(bands)
        ['entry', 'window', 'fft', 'split_power', 'mel', 'log']
        >>> all(b.low <= b.high for b in bands.values())
        True
        """
        e = self.entry(entry)
        ops = self.ops_per_frame.get(e.symbol)
        if not ops:
            return None
        p = profile if isinstance(profile, CostProfile) else cost_profile(profile)
        scalar = cost_profile(None) if p.kind == "projected" else None
        if scalar is not None and scalar.kind != "counted":
            scalar = load_costs(None).profile("scalar")
        out = {}
        for stage, counts in ops.items():
            if p.kind == "projected" and stage not in self.vector_scalar_stages:
                if stage not in self.vector_work:
                    raise UserError(f"kernel {self.name!r}: stage {stage!r} has no [vector_work.{stage}] in "
                                    f"kernel.toml: the {p.name} profile cannot price it")
                out[stage] = p.projected_band(self.vector_work[stage])
            else:
                out[stage] = p.counted_band(counts, scalar)
        return out

    def cycle_band(self, entry: str, profile: "str | CostProfile | None" = None) -> Band | None:
        """Cycles per frame of ``entry`` as a band: its stages' bands summed (:meth:`stage_bands`);
        without stage counts the old estimate (host instructions x ``per_host_instruction``, a point);
        None when kernel.toml gives neither."""
        key = (entry, profile) if profile is None or isinstance(profile, str) else None
        if key is not None and key in self._bands:
            return self._bands[key]
        bands = self.stage_bands(entry, profile)
        result: Band | None
        if bands is not None:
            result = ZERO
            for b in bands.values():
                result = result + b
        else:
            e = self.entry(entry)
            if e.instructions_per_frame is None or self.cycles_per_host_instruction is None:
                result = None
            else:
                v = e.instructions_per_frame * self.cycles_per_host_instruction
                result = Band(v, v)
        if key is not None:
            self._bands[key] = result
        return result

    def central_cycles(self, entry: str, profile: "str | CostProfile | None" = None) -> float | None:
        """The central estimate of ``entry``'s cycles per frame under a counted profile with a central
        table (:meth:`CostProfile.counted_central`, summed over the stages); None otherwise."""
        e = self.entry(entry)
        ops = self.ops_per_frame.get(e.symbol)
        p = profile if isinstance(profile, CostProfile) else cost_profile(profile)
        if not ops or p.kind != "counted" or not p.central:
            return None
        return sum(p.counted_central(counts) for counts in ops.values())

    def code_bytes(self) -> Band | None:
        """Estimated AIE2 code size of the kernel (:meth:`CodeSize.estimate` of costs.toml [code_size]):
        the proxy's static operations, its lng instructions at 6 bytes, and 5 delay slots per jump, call
        and return, filled (low) or 16-bit NOPs (high). None without the static counts."""
        if self.static_ops_proxy is None or self.long_instructions_proxy is None \
                or self.control_transfers_proxy is None:
            return None
        return load_costs(None).code.estimate(self.static_ops_proxy, self.long_instructions_proxy,
                                              self.control_transfers_proxy)

    def elem_type(self, stream: str) -> str:
        """The MLIR element type of ``stream`` (``[streams]``); UserError when kernel.toml lacks it."""
        try:
            return self.streams[stream]
        except KeyError:
            raise UserError(f"kernel {self.name!r}: kernel.toml [streams] has no element type for {stream!r}") from None

    @property
    def has_sources(self) -> bool:
        """True when the kernel has C sources (it can be built and simulated, not only partitioned)."""
        return bool(self.sources)


def available() -> list[str]:
    """Names of every kernel found (``NPU_TILER_KERNELS`` folders and the built-in one) whose
    kernel.toml loads.

    A folder whose kernel.toml is broken is skipped with a :class:`BrokenKernelWarning` naming
    the problem, so one bad kernel does not break lookups over all of them (``npu-tiler check``
    of a hand-written design finds its kernel by its entry points); loading that kernel by name
    (:func:`load`) still fails with the error.
    """
    out = []
    for name in kernels.available():
        try:
            load(name, require_measured=False)
        except UserError as exc:
            warnings.warn(f"skipping kernel {name!r}: {exc}", BrokenKernelWarning, stacklevel=2)
            continue
        out.append(name)
    return out


def toml_path(name: str) -> Path:
    """The kernel.toml of kernel ``name``, wherever :func:`kernels.kernel_dir` finds it."""
    return kernels.kernel_dir(name) / "kernel.toml"


def _int(table: dict, key: str, where: str) -> int:
    value = table.get(key)
    if not isinstance(value, int) or value < 0:
        raise UserError(f"{where}: `{key}` must be a non-negative integer, got {value!r}")
    return value


def _positive(table: dict, key: str, where: str) -> int:
    value = _int(table, key, where)
    if value == 0:
        raise UserError(f"{where}: `{key}` must be positive, got 0")
    return value


def _geometry(data: dict, where: str) -> Geometry:
    table = data.get("geometry")
    if not isinstance(table, dict):
        raise UserError(f"{where}: no [geometry] table; it states {', '.join(GEOMETRY_KEYS)}")
    g = Geometry(**{k: _positive(table, k, where + " [geometry]") for k in GEOMETRY_KEYS})
    if g.hop_samples > g.frame_samples:
        raise UserError(f"{where} [geometry]: hop_samples {g.hop_samples} exceeds frame_samples "
                        f"{g.frame_samples}: frames would skip samples")
    return g


def _parse_arg(text: object, where: str) -> Arg:
    role, _, elem = str(text).partition(":")
    if role not in ARG_ROLES or elem not in ARG_DTYPES:
        raise UserError(f"{where}: argument {text!r} must be \"role:type\" with role one of {ARG_ROLES} "
                        f"and type one of {tuple(ARG_DTYPES)}")
    return Arg(role, elem)


def _args(t: dict, where: str) -> tuple[Arg, ...]:
    """The ``args`` of one entry table: one in, one out, at most one state, n_frames last."""
    raw = t.get("args", [])
    if not isinstance(raw, list):
        raise UserError(f"{where}: `args` must be a list of \"role:type\" strings")
    args = tuple(_parse_arg(a, where) for a in raw)
    if not args:
        return args
    roles = [a.role for a in args]
    if roles.count("in") != 1 or roles.count("out") != 1 or roles.count("state") > 1 \
            or roles.count("n_frames") != 1 or roles[-1] != "n_frames":
        raise UserError(f"{where}: `args` must hold one in, one out, at most one state and end with "
                        f"n_frames, got {roles}")
    return args


def _check_bytes(e: EntryPoint, g: Geometry, streams: dict[str, str], where: str) -> None:
    """The per-frame byte counts must be what the geometry and the signature make them.

    A frame of ``frames`` is frame_samples elements of the ``in`` type, a
    spectrum n_bins words, a log-mel frame n_mels values; a hop's state and a
    chunk's halo hold the halo_samples a frame shares with the previous one.
    """
    in_arg, out_arg, state_arg = e.arg("in"), e.arg("out"), e.arg("state")
    want = {
        "in_bytes_per_frame": (e.in_bytes_per_frame, g.values_per_frame(e.consumes) * in_arg.elem_bytes),
        "out_bytes_per_frame": (e.out_bytes_per_frame, g.values_per_frame(e.produces) * out_arg.elem_bytes),
        "state_bytes": (e.state_bytes, g.halo_samples * state_arg.elem_bytes if state_arg else 0),
        "in_halo_bytes": (e.in_halo_bytes, g.halo_samples * in_arg.elem_bytes if e.consumes == "chunk" else 0),
    }
    for key, (have, should) in want.items():
        if have != should:
            raise UserError(f"{where}: `{key}` is {have} but [geometry] and `args` make it {should}")
    for stream, arg in ((e.consumes, in_arg), (e.produces, out_arg)):
        mlir_bytes = ELEM_BYTES.get(streams.get(stream, ""))
        if mlir_bytes is not None and mlir_bytes != arg.elem_bytes:
            raise UserError(f"{where}: argument {arg.role}:{arg.elem} does not have the width of "
                            f"[streams] {stream} = {streams[stream]!r}")


@lru_cache(maxsize=None)
def load(name: str, require_measured: bool = True) -> KernelSpec:
    """Read and check ``kernels/<name>/kernel.toml`` (found as :func:`kernels.kernel_dir` says).

    ``require_measured=False`` accepts a missing ``[measured]`` table (zeros), for
    the measuring step that is about to fill it in. Cached: call
    ``load.cache_clear()`` after rewriting a kernel.toml.
    """
    path = toml_path(name)
    if not path.is_file():
        raise UserError(f"unknown kernel {name!r}; available: {', '.join(kernels.available())}")
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not a text file: a kernel.toml is TOML") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    where = str(path)
    check_schema(data, SCHEMA, where, complete=True)
    meta, measured = data.get("kernel", {}), data.get("measured", {})
    if meta.get("name", name) != name:
        raise UserError(f"{where}: [kernel] name = {meta['name']!r} but the kernel's folder is {name!r}: "
                        f"make them agree")
    geometry = _geometry(data, where)
    streams = dict(data.get("streams", {}))
    sources = tuple(meta.get("sources", ()))
    instructions = measured.get("instructions_per_frame", {})
    entries = {}
    for key, t in data.get("entries", {}).items():
        for stream in ("consumes", "produces"):
            if t.get(stream) not in STREAMS:
                raise UserError(f"{where}: entries.{key}.{stream} must be one of {STREAMS}")
        args = _args(t, f"{where} entries.{key}")
        if sources and not args:
            raise UserError(f"{where}: entries.{key} has no `args`: a kernel with sources states each "
                            f"entry's C signature, so the simulator can call it")
        entries[key] = EntryPoint(
            name=key, symbol=t["symbol"], role=t.get("role", "fused"),
            consumes=t["consumes"], produces=t["produces"],
            in_bytes_per_frame=_int(t, "in_bytes_per_frame", where),
            out_bytes_per_frame=_int(t, "out_bytes_per_frame", where),
            state_bytes=_int(t, "state_bytes", where),
            in_halo_bytes=t.get("in_halo_bytes", 0),
            instructions_per_frame=instructions.get(t["symbol"]),
            args=args,
        )
        if args:
            _check_bytes(entries[key], geometry, streams, f"{where} entries.{key}")
    if not entries:
        raise UserError(f"{where}: no [entries] table")
    cycles = data.get("cycles", {})
    ops = {sym: {st: {c: int(n.get(c, 0)) for c in OP_CLASSES} for st, n in stages.items()}
           for sym, stages in measured.get("ops_per_frame", {}).items()}
    vector_work = {st: {k: Band(*v) if isinstance(v, list) else Band(v, v) for k, v in t.items() if k != "scalar"}
                   for st, t in data.get("vector_work", {}).items()}
    stated = {p: {part: {k: Band(*v) for k, v in t.get(part, {}).items()} for part in ("stages", "entries")}
              for p, t in data.get("cycle_bands", {}).items()}
    return KernelSpec(
        name=name,
        summary=meta.get("summary", ""),
        folder=path.parent,
        sources=sources,
        object_file=meta.get("object", f"{name}.o"),
        static_data_bytes=_int(measured, "static_data_bytes", where + " [measured]") if require_measured
        else measured.get("static_data_bytes", 0),
        stack_bytes=_int(measured, "stack_bytes", where + " [measured]") if require_measured
        else measured.get("stack_bytes", 0),
        entries=entries,
        pipelines={k: tuple(v) for k, v in data.get("pipelines", {}).items()},
        cycles_per_host_instruction=cycles.get("per_host_instruction"),
        cycles_method=cycles.get("method", "none"),
        geometry=geometry,
        streams=streams,
        sections=dict(measured.get("sections", {})),
        stack_by_entry=dict(measured.get("stack_by_entry", {})),
        ops_per_frame=ops,
        vector_work=vector_work,
        vector_scalar_stages=frozenset(st for st, t in data.get("vector_work", {}).items() if t.get("scalar")),
        stated_bands=stated,
        code_bytes_proxy=measured.get("code_bytes_proxy"),
        control_transfers_proxy=measured.get("control_transfers_proxy"),
        static_ops_proxy=measured.get("static_ops_proxy"),
        long_instructions_proxy=measured.get("long_instructions_proxy"),
    )
