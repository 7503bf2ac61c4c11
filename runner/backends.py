"""Run backends with one interface (:class:`Backend`): load a built design, run one NPU call's host
buffers, return outputs and the call's time. ``xrt`` drives a real NPU through pyxrt; ``sim`` is the
simulator (:class:`sim.CallRunner`, the same simulation as :func:`sim.simulate`).

A backend is handed the design the run read (:func:`partitioner.read`), so the host buffers it checks
are the Design's own (``design.sequence.buffers``), not rebuilt from manifest.json. Before any call
the host buffers are checked against them (name, element type, exact size): the public prior art once
ran a 20-frame kernel through 1-frame buffers and read zeros for weeks.
"""
from __future__ import annotations

import os
import platform
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from partitioner.check import Evaluation
from partitioner.design import HostBuffer, numpy_dtype
from partitioner.errors import UserError
from partitioner.params import timing as load_timing
from sim import CallRunner

XRT_MAX_DATA_BUFFERS = 5  # group ids 3..7 of the MLIR_AIE kernel (npu1-facts section 6)
ACCEL_NODE = Path("/dev/accel/accel0")


def check_inputs(buffers: Sequence[HostBuffer], inputs: dict[str, np.ndarray], design: str) -> None:
    """Every input buffer present, of the design's element type and exact size; nothing extra.

    Parameters
    ----------
    buffers : sequence of HostBuffer
        The design's host buffers (``design.sequence.buffers``).
    inputs : dict
        The arrays one call is given, by buffer name.
    design : str
        The design's name, for the messages.

    Raises
    ------
    UserError
        A buffer is missing, extra, of another element type or another size.
    """
    want = {s.name: s for s in buffers if s.direction == "in"}
    extra = set(inputs) - set(want)
    if extra:
        raise UserError(f"{design}: host buffers {sorted(extra)} are not inputs of this design ({sorted(want)})")
    for name, s in want.items():
        if name not in inputs:
            raise UserError(f"{design}: host input buffer '{name}' missing")
        a = inputs[name]
        if a.dtype != numpy_dtype(s.elem_type):
            raise UserError(f"{design}: host buffer '{name}' is {a.dtype}, the design reads {s.elem_type}")
        if a.nbytes != s.nbytes:
            raise UserError(f"{design}: host buffer '{name}' has {a.nbytes:,} B but the design moves {s.nbytes:,} B "
                            f"per call ({s.elem_count:,} x {s.elem_type}): batch sizes of host and design differ")


@dataclass(frozen=True)
class ArgSlot:
    """One XRT data argument: its group id and the host buffers packed into it (name, byte offset)."""

    group_id: int
    members: tuple[tuple[str, int], ...]
    nbytes: int


def xrt_arguments(buffers: Sequence[HostBuffer]) -> list[ArgSlot]:
    """Kernel arguments in sequence order; past XRT's 5 data buffers the rest share the 5th, packed at
    4-byte-aligned offsets (a design with more host streams must address them the same way)."""
    slots: list[ArgSlot] = []
    for i, s in enumerate(buffers[:XRT_MAX_DATA_BUFFERS - 1]):
        slots.append(ArgSlot(3 + i, ((s.name, 0),), s.nbytes))
    rest = buffers[XRT_MAX_DATA_BUFFERS - 1:]
    if rest:
        members, offset = [], 0
        for s in rest:
            members.append((s.name, offset))
            offset += -(-s.nbytes // 4) * 4
        slots.append(ArgSlot(3 + XRT_MAX_DATA_BUFFERS - 1, tuple(members), offset))
    return slots


class Backend(Protocol):
    """What runs a built design's NPU calls, one at a time: ``sim`` or ``xrt`` (see :func:`make`)."""

    name: str
    timing: str  # "measured" (a device's clock) or "modelled" (the timing model's)

    def load(self, evaluation: Evaluation, folder: Path) -> None:
        """Prepare to run the design ``evaluation`` (read from the built design folder ``folder``)."""

    def run(self, inputs: dict[str, np.ndarray]) -> tuple[dict[str, np.ndarray], float]:
        """One NPU call: the output host buffers by name, and the call's seconds."""

    def info(self) -> dict:
        """``device`` and ``driver`` strings for the results database."""


class SimBackend:
    """The simulator; a call's time is the timing model's (modelled, not measured)."""

    name = "sim"
    timing = "modelled"

    def __init__(self, params_path: str | None = None, timeout_s: float | None = None):
        self.params = load_timing(params_path)
        self.timeout_s = timeout_s

    def load(self, evaluation: Evaluation, folder: Path) -> None:
        """Build the simulator's network of ``evaluation`` (``folder`` is not read again)."""
        self.ev = evaluation
        self.calls = CallRunner(evaluation, self.params)
        self.buffers = evaluation.design.sequence.buffers

    def run(self, inputs: dict[str, np.ndarray]) -> tuple[dict[str, np.ndarray], float]:
        """One call through the simulator; raises UserError past the timeout."""
        check_inputs(self.buffers, inputs, self.ev.design.name)
        t0 = time.perf_counter()
        out, seconds = self.calls.call(inputs)
        if self.timeout_s is not None and time.perf_counter() - t0 > self.timeout_s:
            raise UserError(f"call exceeded the {self.timeout_s} s timeout")
        return out, seconds

    def info(self) -> dict:
        """The simulator and the Python running it."""
        return {"device": "simulator (npu-tiler sim, not hardware)", "driver": f"python {platform.python_version()}"}


def xrt_unavailable(folder: Path | None = None) -> str | None:
    """Why the xrt backend cannot run here (pyxrt, the NPU device node, the built xclbin), or None."""
    try:
        import pyxrt  # noqa: F401, PLC0415
    except ImportError:
        return ("pyxrt is not importable: install XRT with NPU (amdxdna) support and its Python bindings, then "
                "`source /opt/xilinx/xrt/setup.sh`")
    if not ACCEL_NODE.exists():
        return f"{ACCEL_NODE} does not exist (no NPU, or the amdxdna driver is not loaded)"
    build = Path(folder) / "build" if folder is not None else None
    if build is not None and not ((build / "final.xclbin").is_file() and (build / "insts.bin").is_file()):
        return f"{folder} is not built (build/final.xclbin or build/insts.bin missing): run `npu-tiler build {folder}`"
    return None


class XrtBackend:
    """A real NPU through XRT's Python bindings (pyxrt), as in mlir-aie's test utilities.

    ``convention``: "opcode" calls ``kernel(3, instr_bo, n_instr, *bos)`` (current mlir-aie),
    "plain" calls ``kernel(instr_bo, n_instr, *bos)`` (older helpers). ``insts_unit``: the
    instruction count in "words" (C++ tests) or "bytes" (newer Python helpers).
    """

    name = "xrt"

    def __init__(self, convention: str = "opcode", insts_unit: str = "words", timeout_s: float = 10.0,
                 device_index: int = 0):
        if convention not in ("opcode", "plain"):
            raise UserError(f"unknown XRT call convention {convention!r}: opcode or plain")
        if insts_unit not in ("words", "bytes"):
            raise UserError(f"unknown instruction count unit {insts_unit!r}: words or bytes")
        self.convention, self.insts_unit, self.timeout_s, self.device_index = convention, insts_unit, timeout_s, device_index

    @staticmethod
    def pyxrt():
        """The pyxrt module; load() has checked that it imports."""
        import pyxrt  # noqa: PLC0415  (only on a machine with XRT for the NPU)

        return pyxrt

    def load(self, evaluation: Evaluation, folder: Path) -> None:
        """Open the NPU, register ``folder``'s built xclbin and allocate the design's host buffers."""
        folder = Path(folder)
        self.buffers = evaluation.design.sequence.buffers
        self.design = evaluation.design.name
        reason = xrt_unavailable(folder)
        if reason:
            raise UserError(reason)
        pyxrt = self.pyxrt()
        xclbin = folder / "build" / "final.xclbin"
        insts = folder / "build" / "insts.bin"
        self.words = np.fromfile(insts, dtype=np.uint32)
        self.device = pyxrt.device(self.device_index)
        xb = pyxrt.xclbin(str(xclbin))
        self.device.register_xclbin(xb)
        self.ctx = pyxrt.hw_context(self.device, xb.get_uuid())
        self.kernel = pyxrt.kernel(self.ctx, "MLIR_AIE")
        self.instr_bo = pyxrt.bo(self.device, self.words.nbytes, pyxrt.bo.cacheable, self.kernel.group_id(1))
        self.instr_bo.write(self.words.tobytes(), 0)
        self.instr_bo.sync(pyxrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
        self.slots = xrt_arguments(self.buffers)
        self.bos = [pyxrt.bo(self.device, max(s.nbytes, 4), pyxrt.bo.host_only, self.kernel.group_id(s.group_id))
                    for s in self.slots]

    def n_instr(self) -> int:
        """The instruction count the kernel is given, in the configured unit."""
        return int(self.words.size if self.insts_unit == "words" else self.words.nbytes)

    def run(self, inputs: dict[str, np.ndarray]) -> tuple[dict[str, np.ndarray], float]:
        """One call on the NPU, timed around the kernel's run and wait."""
        pyxrt = self.pyxrt()
        check_inputs(self.buffers, inputs, self.design)
        by_name = {s.name: s for s in self.buffers}
        for slot, bo in zip(self.slots, self.bos):
            for name, offset in slot.members:
                if by_name[name].direction == "in":
                    bo.write(inputs[name].tobytes(), offset)
            bo.sync(pyxrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
        args = ([3] if self.convention == "opcode" else []) + [self.instr_bo, self.n_instr(), *self.bos]
        t0 = time.perf_counter()
        run = self.kernel(*args)
        state = run.wait(int(self.timeout_s * 1000))
        elapsed = time.perf_counter() - t0
        if state != pyxrt.ert_cmd_state.ERT_CMD_STATE_COMPLETED:
            raise UserError(f"NPU call did not complete within {self.timeout_s} s (state {state})")
        outputs = {}
        for slot, bo in zip(self.slots, self.bos):
            bo.sync(pyxrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
            for name, offset in slot.members:
                s = by_name[name]
                if s.direction == "out":
                    raw = bo.read(s.nbytes, offset)
                    outputs[name] = np.frombuffer(bytes(raw), dtype=numpy_dtype(s.elem_type)).copy()
        return outputs, elapsed

    def info(self) -> dict:
        """The NPU and its driver as ``xrt-smi examine`` names them."""
        out = {"device": "NPU (pyxrt)", "driver": ""}
        try:
            smi = subprocess.run(["xrt-smi", "examine"], capture_output=True, text=True, timeout=20).stdout
            out["driver"] = " ".join(line.strip() for line in smi.splitlines() if "Version" in line)[:500]
            out["device"] = next((line.strip() for line in smi.splitlines() if "NPU" in line), out["device"])
        except (OSError, subprocess.SubprocessError):
            pass
        return out


def make(name: str, **kw) -> Backend:
    """The backend named ``name`` ("sim" or "xrt") with its options (``params_path``, ``timeout_s``,
    ``convention``, ``insts_unit``)."""
    if name == "sim":
        return SimBackend(params_path=kw.get("params_path"), timeout_s=kw.get("timeout_s"))
    if name == "xrt":
        return XrtBackend(convention=kw.get("convention", "opcode"), insts_unit=kw.get("insts_unit", "words"),
                          timeout_s=kw.get("timeout_s") or 10.0)
    raise UserError(f"unknown backend {name!r}: sim or xrt")


def default_db_path() -> Path:
    """The results database: ``$NPU_TILER_DB``, else ``$XDG_DATA_HOME/npu-tiler/results.sqlite``."""
    env = os.environ.get("NPU_TILER_DB")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "npu-tiler" / "results.sqlite"
