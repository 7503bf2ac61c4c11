"""IRON's names: the modules and names design.py may import, and the device classes.

What each ``--mlir-aie`` profile's IRON accepts (its runtime form, whether
``Worker`` takes a stack size, its device classes) is in the profile
(:class:`partitioner.profiles.Profile`, params/profiles.toml); these tables
hold the names every profile's IRON has.

IRON's module layout (what design.py imports) was read with the search tool
from Xilinx/mlir-aie python/iron: ``__init__.py`` @03a3340c5ce9c98eda65153ab2e0ef5f91ac052b,
``device/__init__.py`` @020e04b9c9ca082baa2de56c4ea6985c5410751c, ``placers.py``
@0429335fc2efe3993db98fc7429fd34167547a1c; the signatures of every call design.py
makes, per profile, are tabulated in tests/test_iron_signatures.py with the
file and commit each was read at.
"""
from __future__ import annotations

# module -> names design.py may import from it (the names it uses exist in every profile's IRON)
EXPORTS: dict[str, set[str]] = {
    "aie.iron": {"Kernel", "ObjectFifo", "Program", "Runtime", "Worker"},
    "aie.iron.placers": {"SequentialPlacer"},
    "aie.iron.device": {"NPU1", "NPU1Col1", "NPU1Col2", "NPU1Col3", "NPU2", "Tile"},
    "aie.iron.controlflow": {"range_"},
    "aie.helpers.taplib": {"TensorAccessPattern"},
}

#: mlir-aie device name -> IRON device class (python/iron/device/device.py builds one class per
#: AIEDevice case with the regex NPU(\\d+)_(\\d+)COL -> NPU\\1Col\\2).
DEVICE_CLASS = {"npu1": "NPU1", "npu1_1col": "NPU1Col1", "npu1_2col": "NPU1Col2", "npu1_3col": "NPU1Col3",
                "npu2": "NPU2"}

