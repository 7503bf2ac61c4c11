// from Xilinx/mlir-aie test/assign-buffer-addresses/vector_alignment.mlir @ 51b6168ba066ed88f31b99d7c94604fea532607a (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
// Trimmed: first of the six --split-input-file modules (@aie2p_core_needs_64B).
module @aie2p_core_needs_64B {
  aie.device(npu2) {
    %t = aie.tile(0, 2)
    %pad = aie.buffer(%t) { sym_name = "pad" } : memref<72xbf16>
    %vec = aie.buffer(%t) { sym_name = "vec" } : memref<32xbf16>
    aie.core(%t) {
      aie.end
    } { stack_size = 1024 : i32 }
  }
}
