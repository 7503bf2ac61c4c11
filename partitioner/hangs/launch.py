"""A device whose runtime sequence only launches other devices: free when every device it launches is.

``aiex.configure @dev { aiex.run @seq(...) ... }`` loads device ``@dev``'s configuration (program
memories, locks, DMAs, stream switches: its initial state) and runs its runtime sequence ``@seq`` in
place, once per ``aiex.run`` (mlir-aie test/npu-xrt/reconfigure, reconfigure_loadpdi). A configure of
the device already loaded reconfigures nothing (test/npu-xrt/trace_slices_configure_run: "already
loaded reconfigures nothing, and the second run then appends"), so the runs of one device between two
loads of other devices go on from where the last one stopped. The launcher is answered "proved free"
when each device it launches is, for the most runs it gets between two reloads, counted around the
sequence as the host may call it again (a launcher that only ever loads one device gives it any number
of runs: that device must be proved for any number of calls). Anything else in the launcher (a
transfer, a write, an op of its own) leaves it to the ordinary check.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from xdsl.ir import Operation

from partitioner.mlir import aiex
from partitioner.mlir import index as ix

#: Ops a configure body may hold besides ``aiex.run``: constants and views of the host buffers, which
#: move nothing (test/npu-xrt/reconfigure: aiex.arg_slice; reconfigure_loadpdi: memref.subview and
#: memref.reinterpret_cast).
VIEWS = ("arith.constant", "memref.subview", "memref.reinterpret_cast", "aiex.arg_slice")


@dataclass
class Launch:
    """The devices a launcher loads: ``runs`` the most runs each gets between two reloads (None: any
    number), ``sequence`` the runtime sequence each run names, ``ops`` the launcher's configure ops."""

    runs: dict[str, int | None] = field(default_factory=dict)
    sequence: dict[str, str] = field(default_factory=dict)
    ops: list[Operation] = field(default_factory=list)


def launch(dev: ix.DeviceIndex) -> Launch | None:
    """What ``dev``'s runtime sequences launch, or None when ``dev`` is not only a launcher.

    Parameters
    ----------
    dev : DeviceIndex
        One device of a module's index.

    Returns
    -------
    Launch or None
        None when the device holds cores, DMA programs, FIFOs or flows, or a sequence step other than a
        configure of constants, views and runs of one sequence.
    """
    if dev.cores or dev.dmas or dev.fifos or dev.flows or dev.packet_flows or not dev.sequences:
        return None
    out, blocks = Launch(), []  # blocks: (device, runs) in sequence order
    for seq in dev.sequences:
        for step in seq.steps:
            op = step.op
            if not isinstance(step, ix.Other) or not isinstance(op, aiex.ConfigureOp) or not op.body.blocks:
                return None
            target = op.symbol.root_reference.data
            if target == dev.symbol:
                return None  # loading itself again: not a launch of another device
            body = list(op.body.blocks[0].ops)
            runs = [o for o in body if isinstance(o, aiex.RunOp)]
            if any(not isinstance(o, aiex.RunOp) and o.name not in VIEWS for o in body):
                return None
            names = {r.runtime_sequence_symbol.root_reference.data for r in runs}
            if len(names | ({out.sequence[target]} if target in out.sequence else set())) > 1:
                return None  # runs of two sequences of one device: which state the other leaves is not followed
            if names:
                out.sequence[target] = names.pop()
            out.ops.append(op)
            blocks.append((target, len(runs)))
    if not blocks:
        return None
    merged: list[list] = []
    for target, n in blocks:  # runs between two reloads: consecutive configures of one device add up
        if merged and merged[-1][0] == target:
            merged[-1][1] += n
        else:
            merged.append([target, n])
    if len(merged) > 1 and merged[0][0] == merged[-1][0]:  # the next call goes on from the last block
        merged[0][1] += merged.pop()[1]
    for target, n in merged:
        out.runs[target] = None if len(merged) == 1 else max(out.runs.get(target) or 0, n)
    return out
