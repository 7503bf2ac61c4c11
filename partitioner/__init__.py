"""npu-tiler: partition, emit, simulate and report multi-tile AIE2 (npu1) designs."""
__version__ = "0.1.0"
