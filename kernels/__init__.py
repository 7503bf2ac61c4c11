"""C kernels, one folder each, shipped as package data (sources, kernel.toml)."""
