"""npu-tiler's simulator: a stand-in for the NPU, not one.

Use it from Python::

    import partitioner, sim
    ev = partitioner.partition(batch=100, tiles=4)
    r = sim.simulate(ev, audio="speech_en_sc")     # r.bit_exact, r.first_difference, r.calls
    t = sim.model_time(ev, frames=628_163)         # the timing model alone

The functional path runs the host-built kernel on every ObjectFIFO object
with mlir-aie's pool sizes and AIE2 lock semantics (:mod:`sim.dataflow`,
:mod:`sim.engine`); the timing model is the same schedule without data
(:mod:`sim.timing`). The kernel's host build, audio, framing and the float
reference are the kernel's tooling: :mod:`kernels.mel_tools`.
"""
from sim.api import BASELINE_DIR, CallRunner, Comparison, SimResult, baseline_output, compare, model_time, simulate

__all__ = ["simulate", "model_time", "SimResult", "CallRunner", "baseline_output", "compare", "Comparison",
           "BASELINE_DIR"]
