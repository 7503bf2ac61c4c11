// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_vector_alignment.mlir @ 72333819c2fa6eacd71b768b7f599f66b83b004b (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
// Trimmed: first of the three --split-input-file modules (@bank_aware_needs_64B).
module @bank_aware_needs_64B {
  aie.device(npu2) {
    %t = aie.tile(0, 2)
    %pad = aie.buffer(%t) { sym_name = "pad" } : memref<72xbf16>
    %b1 = aie.buffer(%t) { sym_name = "b1" } : memref<32xbf16>
    %b2 = aie.buffer(%t) { sym_name = "b2" } : memref<32xbf16>
    %b3 = aie.buffer(%t) { sym_name = "b3" } : memref<32xbf16>
    %b4 = aie.buffer(%t) { sym_name = "b4" } : memref<32xbf16>
    aie.core(%t) {
      aie.end
    } { stack_size = 1024 : i32 }
  }
}
