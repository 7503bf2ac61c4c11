"""npu-tiler's version: a leaf module, so that the emitters can stamp it without importing the package root."""
__version__ = "0.1.0"
