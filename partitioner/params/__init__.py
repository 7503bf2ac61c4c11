"""The model's parameter files, read in one place.

* ``devices.toml``: device geometry, memories, locks, BDs, channels, clock, DMA width;
* ``lowering.toml``: the mlir-aie version profiles (read by :mod:`partitioner.lowering_profile`);
* ``timing.toml``: the timing model's host and device costs (:func:`timing`);
* ``seed.toml``: the seed's published figures and the accuracy bar (:func:`seed`).

Every figure in them names its source. Override files have the same layout
and hold only the keys they change.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from partitioner.errors import UserError

PARAMS_DIR = Path(__file__).resolve().parent
TIMING_TOML = PARAMS_DIR / "timing.toml"


def read_toml(path: Path) -> dict:
    """The TOML file at ``path`` as a dict.

    Raises
    ------
    UserError
        The file is missing, is not text, or is not valid TOML.
    """
    try:
        return tomllib.loads(Path(path).read_text())
    except FileNotFoundError:
        raise UserError(f"parameter file {path} does not exist") from None
    except UnicodeDecodeError:
        raise UserError(f"parameter file {path} is not a text file: give a TOML file") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: not valid TOML ({exc})") from None


def merged(base: dict, override: dict) -> dict:
    """``base`` with ``override``'s keys replaced, recursively through tables."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def load(name: str, override: Path | str | None = None) -> dict:
    """Parameter file ``name`` (e.g. ``"devices.toml"``), with ``override``'s keys replaced."""
    data = read_toml(PARAMS_DIR / name)
    if override is not None:
        data = merged(data, read_toml(Path(override)))
    return data


@dataclass(frozen=True)
class TimingParams:
    """The timing model's parameters (``timing.toml``; clock and DMA width from ``devices.toml``)."""

    per_call_overhead_s: float
    clock_hz: float
    dma_bytes_per_cycle: float
    shim_bytes_per_cycle: float
    bd_setup_cycles: float
    lock_cycles: float
    kernel_call_cycles: float
    kernel_cycles_fallback: dict[str, float] = field(default_factory=dict)
    kernel_cycles_scale: dict[str, float] = field(default_factory=dict)

    def seconds(self, cycles: float) -> float:
        """``cycles`` of the array clock in seconds."""
        return cycles / self.clock_hz


def _number(table: dict, key: str, where: str) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UserError(f"{where}: `{key}` must be a number, got {value!r}")
    return float(value)


def timing(override: Path | str | None = None) -> TimingParams:
    """The timing parameters, with an override file's keys (e.g. a calibration) replaced.

    Parameters
    ----------
    override : path, optional
        A TOML file with the layout of ``timing.toml``. It may also set
        ``[device] clock_hz`` and ``dma_bytes_per_cycle`` for this run.

    Returns
    -------
    TimingParams

    Raises
    ------
    UserError
        A file is missing or malformed, or a value is not a number.

    Examples
    --------
    >>> from partitioner import params
    >>> params.timing().clock_hz
    1000000000.0
    """
    array = load("devices.toml")["array"]
    data = merged({"device": {"clock_hz": array["clock_hz"], "dma_bytes_per_cycle": array["dma_bytes_per_cycle"]}},
                  load("timing.toml", override))
    where = str(override or TIMING_TOML)
    h, d = data.get("host", {}), data.get("device", {})
    dma = _number(d, "dma_bytes_per_cycle", where + " [device]")
    return TimingParams(
        per_call_overhead_s=_number(h, "per_call_overhead_s", where + " [host]"),
        clock_hz=_number(d, "clock_hz", where + " [device]"),
        dma_bytes_per_cycle=dma,
        shim_bytes_per_cycle=_number(d, "shim_bytes_per_cycle", where) if "shim_bytes_per_cycle" in d else dma,
        bd_setup_cycles=_number(d, "bd_setup_cycles", where + " [device]"),
        lock_cycles=_number(d, "lock_cycles", where + " [device]"),
        kernel_call_cycles=_number(d, "kernel_call_cycles", where + " [device]"),
        kernel_cycles_fallback={k: _number(data["kernels"], k, where + " [kernels]") for k in data.get("kernels", {})},
        kernel_cycles_scale={k: _number(data["kernel_scale"], k, where + " [kernel_scale]")
                             for k in data.get("kernel_scale", {})})


@dataclass(frozen=True)
class SeedRow:
    """One of the seed's configurations: npu-tiler options for its layout and what the seed published."""

    name: str
    options: dict
    published: str
    bytes_per_tile: int | None = None
    bytes_needed: int | None = None


@dataclass(frozen=True)
class Seed:
    """The seed's published figures (``seed.toml``)."""

    frames: int
    single_frame_seconds: float
    rows: tuple[SeedRow, ...]
    min_pearson: float
    max_abs_error: float

    def row(self, name: str) -> SeedRow:
        """The row called ``name`` (StopIteration when there is none)."""
        return next(r for r in self.rows if r.name == name)


@lru_cache(maxsize=1)
def seed() -> Seed:
    """The seed's published figures and the accuracy bar, from ``seed.toml``.

    Examples
    --------
    >>> from partitioner import params
    >>> params.seed().frames
    628163
    """
    data = load("seed.toml")
    return Seed(frames=int(data["audio"]["frames"]),
                single_frame_seconds=float(data["audio"]["single_frame_seconds"]),
                rows=tuple(SeedRow(**r) for r in data["rows"]),
                min_pearson=float(data["accuracy"]["min_pearson"]),
                max_abs_error=float(data["accuracy"]["max_abs_error"]))
