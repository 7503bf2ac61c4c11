// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_prealloc_error.mlir @ d72a5465d261e1aa7e8d1449f6e638f5bb6a5145 (RUN: aie-opt --split-input-file --verify-diagnostics --aie-assign-buffer-addresses='alloc-scheme=bank-aware')
// Trimmed: second of the two --split-input-file modules (@test1); its expected-error lines removed.
module @test1 {
  aie.device(npu1) {
    %tile34 = aie.tile(3, 4)
    %buf0 = aie.buffer(%tile34) { sym_name = "a", address = 0 : i32 } : memref<1024xi32>
    %buf2 = aie.buffer(%tile34) { sym_name = "b", address = 1024 : i32 } : memref<1024xi32>
  }
}
