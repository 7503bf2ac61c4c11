"""A kernel as the partitioner sees it, read from ``kernels/<name>/kernel.toml``.

The spec states per entry point the bytes per frame in and out and the state
it keeps, and for the whole kernel the static data (its tables) and the stack
it needs: what a compute tile must hold besides the ObjectFIFO buffers.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from partitioner.errors import UserError
from kernels import KERNELS_ROOT
STREAMS = ("frames", "hops", "chunk", "spectrum", "logmel")


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

    def in_bytes(self, frames: int) -> int:
        """Input bytes of one call on ``frames`` frames."""
        return self.in_halo_bytes + frames * self.in_bytes_per_frame

    def out_bytes(self, frames: int) -> int:
        return frames * self.out_bytes_per_frame


@dataclass(frozen=True)
class KernelSpec:
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
    streams: dict[str, str] = field(default_factory=dict)  # stream -> MLIR element type
    sections: dict[str, int] = field(default_factory=dict)
    stack_by_entry: dict[str, int] = field(default_factory=dict)

    def entry(self, name: str) -> EntryPoint:
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
        e = self.entry(entry)
        if e.instructions_per_frame is None or self.cycles_per_host_instruction is None:
            return None
        return e.instructions_per_frame * self.cycles_per_host_instruction

    def elem_type(self, stream: str) -> str:
        try:
            return self.streams[stream]
        except KeyError:
            raise UserError(f"kernel {self.name!r}: kernel.toml [streams] has no element type for {stream!r}") from None

    @property
    def has_sources(self) -> bool:
        return bool(self.sources)


def available() -> list[str]:
    return sorted(p.parent.name for p in KERNELS_ROOT.glob("*/kernel.toml"))


def toml_path(name: str) -> Path:
    return KERNELS_ROOT / name / "kernel.toml"


def _int(table: dict, key: str, where: str) -> int:
    value = table.get(key)
    if not isinstance(value, int) or value < 0:
        raise UserError(f"{where}: `{key}` must be a non-negative integer, got {value!r}")
    return value


@lru_cache(maxsize=None)
def load(name: str, require_measured: bool = True) -> KernelSpec:
    """Read and check ``kernels/<name>/kernel.toml``.

    ``require_measured=False`` accepts a missing ``[measured]`` table (zeros), for
    the measuring step that is about to fill it in. Cached: call
    ``load.cache_clear()`` after rewriting a kernel.toml.
    """
    path = toml_path(name)
    if not path.is_file():
        raise UserError(f"unknown kernel {name!r}; available: {', '.join(available())}")
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: not valid TOML ({exc})") from None
    where = str(path)
    meta, measured = data.get("kernel", {}), data.get("measured", {})
    instructions = measured.get("instructions_per_frame", {})
    entries = {}
    for key, t in data.get("entries", {}).items():
        for stream in ("consumes", "produces"):
            if t.get(stream) not in STREAMS:
                raise UserError(f"{where}: entries.{key}.{stream} must be one of {STREAMS}")
        entries[key] = EntryPoint(
            name=key, symbol=t["symbol"], role=t.get("role", "fused"),
            consumes=t["consumes"], produces=t["produces"],
            in_bytes_per_frame=_int(t, "in_bytes_per_frame", where),
            out_bytes_per_frame=_int(t, "out_bytes_per_frame", where),
            state_bytes=_int(t, "state_bytes", where),
            in_halo_bytes=t.get("in_halo_bytes", 0),
            instructions_per_frame=instructions.get(t["symbol"]),
        )
    if not entries:
        raise UserError(f"{where}: no [entries] table")
    cycles = data.get("cycles", {})
    return KernelSpec(
        name=meta.get("name", name),
        summary=meta.get("summary", ""),
        folder=path.parent,
        sources=tuple(meta.get("sources", ())),
        object_file=meta.get("object", f"{name}.o"),
        static_data_bytes=_int(measured, "static_data_bytes", where + " [measured]") if require_measured
        else measured.get("static_data_bytes", 0),
        stack_bytes=_int(measured, "stack_bytes", where + " [measured]") if require_measured
        else measured.get("stack_bytes", 0),
        entries=entries,
        pipelines={k: tuple(v) for k, v in data.get("pipelines", {}).items()},
        cycles_per_host_instruction=cycles.get("per_host_instruction"),
        cycles_method=cycles.get("method", "none"),
        streams=dict(data.get("streams", {})),
        sections=dict(measured.get("sections", {})),
        stack_by_entry=dict(measured.get("stack_by_entry", {})),
    )
