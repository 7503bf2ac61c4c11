"""A kernel as the partitioner sees it, read from ``kernels/<name>/kernel.toml``.

The spec states the frame geometry (sample rate, frame and hop length, mel
bands), per entry point its C signature, the bytes per frame in and out and
the state it keeps, and for the whole kernel the static data (its tables) and
the stack it needs: what a compute tile must hold besides the ObjectFIFO
buffers. Every kernel fact the partitioner and the simulator use is read from
here; kernels are found as :func:`kernels.kernel_dir` says (``NPU_TILER_KERNELS``
first, then the built-in folder).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import kernels
from partitioner.design import ELEM_BYTES
from partitioner.errors import UserError
from partitioner.params import Field, MapOf, check_schema

STREAMS = ("frames", "hops", "chunk", "spectrum", "logmel")

# Element types of C entry-point arguments and their numpy dtypes. Unlike the
# MLIR types of [streams] (signless "i32"), these keep C's signedness: mel.h's
# spectrum words are uint32_t ("u32").
ARG_DTYPES = {"i8": "int8", "u8": "uint8", "i16": "int16", "u16": "uint16", "i32": "int32", "u32": "uint32"}
# Argument roles: ``in`` is read (const), ``state`` read and updated in place,
# ``out`` written, ``n_frames`` the frame count passed by value, last.
ARG_ROLES = ("in", "state", "out", "n_frames")
GEOMETRY_KEYS = ("sample_rate", "frame_samples", "hop_samples", "n_mels")

_BYTES = Field("int", 0)
#: What a kernel.toml may hold (checked by :func:`load` with :func:`partitioner.params.check_schema`):
#: a key outside it is refused naming the key and the accepted ones, never dropped silently.
SCHEMA = {
    "kernel": {"name": Field("str"), "summary": Field("str"), "sources": Field("str list"), "object": Field("str"),
               "output": Field("str")},
    "geometry": {k: Field("int", 1, required=True) for k in GEOMETRY_KEYS},
    "streams": {s: Field("str", choices=tuple(ELEM_BYTES)) for s in STREAMS},
    "cycles": {"per_host_instruction": Field("number", 0), "method": Field("str")},
    "entries": MapOf({"symbol": Field("str", required=True), "args": Field("str list"),
                      "role": Field("str", choices=("fused", "stage")),
                      "consumes": Field("str", choices=STREAMS, required=True),
                      "produces": Field("str", choices=STREAMS, required=True),
                      "in_bytes_per_frame": Field("int", 0, required=True),
                      "out_bytes_per_frame": Field("int", 0, required=True),
                      "state_bytes": Field("int", 0, required=True), "in_halo_bytes": _BYTES}),
    "pipelines": MapOf(Field("str list")),
    "measured": {"static_data_bytes": _BYTES, "stack_bytes": _BYTES, "sections": MapOf(_BYTES),
                 "stack_by_entry": MapOf(_BYTES), "instructions_per_frame": MapOf(_BYTES)},
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

    def cycles_per_frame(self, entry: str) -> float | None:
        """Modelled core cycles per frame of ``entry``, or None when kernel.toml gives no cost."""
        e = self.entry(entry)
        if e.instructions_per_frame is None or self.cycles_per_host_instruction is None:
            return None
        return e.instructions_per_frame * self.cycles_per_host_instruction

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
    import warnings

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
    )
