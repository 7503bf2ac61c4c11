// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_simple.mlir @ 2f4ce96028402fb78f69ba42ab6e3506696683d5 (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
// Trimmed: first of the two --split-input-file modules (xcvc1902).
module @test {
  aie.device(xcvc1902) {
    %0 = aie.tile(3, 3)
    %b1 = aie.buffer(%0) { sym_name = "a" } : memref<16xi8>
    %1 = aie.buffer(%0) { sym_name = "b" } : memref<512xi32>
    %b2 = aie.buffer(%0) { sym_name = "c" } : memref<16xi16>
    %3 = aie.tile(4, 4)
    %4 = aie.buffer(%3) : memref<500xi32>
    aie.core(%0) {
      aie.end
    }
    aie.core(%3) {
      aie.end
    }
  }
}
