// from Xilinx/mlir-aie test/assign-buffer-addresses/basic_alloc_memtile_error.mlir @ 041f56bd76daf3f5216babe6e4902a63519a0793 (RUN: not aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
// Trimmed: first of the two --split-input-file modules (the second tests a misaligned pinned address).
module @test {
  aie.device(xcve2302) {
    %0 = aie.tile(3, 1)
    %b1 = aie.buffer(%0) { sym_name = "a" } : memref<132000xi32>
    aie.memtile_dma(%0) {
      aie.end
    }
  }
}
