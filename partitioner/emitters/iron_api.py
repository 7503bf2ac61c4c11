"""The part of mlir-aie's IRON API the emitted design.py uses, as read from its sources.

Read with the search tool from Xilinx/mlir-aie (docs/research/mlir-aie-syntax.md
section 6): python/iron/__init__.py @03a3340c5ce9c98eda65153ab2e0ef5f91ac052b,
python/iron/dataflow/objectfifo.py @0039171e203896adb2621aac4618e9eed2b51117,
python/iron/worker.py @af3256fcb984e17487116490878fc2f83bdfb7b1,
python/iron/kernel.py @0429335fc2efe3993db98fc7429fd34167547a1c,
python/iron/runtime/runtime.py @01e5cc8b322c0f9de1733f44483d8493c9177da2,
python/iron/program.py @00255754d944842f83c18f52a52466520d0b1ef2,
python/iron/device/__init__.py @020e04b9c9ca082baa2de56c4ea6985c5410751c,
python/iron/placers.py @0429335fc2efe3993db98fc7429fd34167547a1c.
This is the 2025 (R-2025) API: ``Runtime()`` with ``rt.sequence``,
``Kernel(name, bin_name, arg_types)``. ``tests/test_emit.py`` checks every
name design.py imports and every keyword it passes against this table.
"""
from __future__ import annotations

MLIR_AIE_COMMIT = "03a3340c5ce9c98eda65153ab2e0ef5f91ac052b"

# module -> names it exports
EXPORTS: dict[str, set[str]] = {
    "aie.iron": {"GlobalBuffer", "ExternalFunction", "Kernel", "LocalBuffer", "Program", "Worker",
                 "WorkerRuntimeBarrier", "Runtime", "ObjectFifo", "str_to_dtype", "dtype_to_str", "jit", "tensor",
                 "ones", "zeros", "randint", "rand", "arange", "zeros_like"},
    "aie.iron.placers": {"SequentialPlacer"},
    "aie.iron.device": {"NPU1", "NPU1Col1", "NPU1Col2", "NPU1Col3", "NPU2", "Tile", "AnyShimTile", "AnyMemTile",
                        "AnyComputeTile", "from_name"},
    "aie.iron.controlflow": {"range_"},
    "aie.helpers.taplib": {"TensorAccessPattern"},
}

# callable (as written in design.py) -> keyword arguments it accepts
KEYWORDS: dict[str, set[str]] = {
    "ObjectFifo": {"obj_type", "depth", "name", "dims_to_stream", "dims_from_stream_per_cons", "plio",
                   "pad_dimensions", "disable_synchronization"},
    "split": {"offsets", "placement", "depths", "obj_types", "names", "dims_to_stream", "dims_from_stream", "plio"},
    "join": {"offsets", "placement", "depths", "obj_types", "names", "dims_to_stream", "dims_from_stream", "plio"},
    "prod": {"depth"},
    "cons": {"depth", "dims_from_stream"},
    "Worker": {"core_fn", "fn_args", "placement", "while_true", "stack_size", "allocation_scheme", "trace",
               "trace_events"},
    "Kernel": {"name", "bin_name", "arg_types"},
    "Runtime": {"strict_task_groups"},
    "fill": {"in_fifo", "source", "tap", "task_group", "wait", "placement"},
    "drain": {"out_fifo", "dest", "tap", "task_group", "wait", "placement"},
    "Program": {"device", "rt"},
    "resolve_program": {"placer"},
    "Tile": {"col", "row"},
    "TensorAccessPattern": {"tensor_dims", "offset", "sizes", "strides"},
}
