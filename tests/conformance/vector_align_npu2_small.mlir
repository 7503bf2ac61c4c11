// from Xilinx/mlir-aie test/assign-buffer-addresses/vector_alignment.mlir @ 51b6168ba066ed88f31b99d7c94604fea532607a (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
// Trimmed: second of the six --split-input-file modules (@aie2p_small_buffers_unpadded). `stackSize` is unregistered: default stack 1024 B.
module @aie2p_small_buffers_unpadded {
  aie.device(npu2) {
    %t = aie.tile(0, 2)
    %s0 = aie.buffer(%t) { sym_name = "s0" } : memref<8xbf16>
    %s1 = aie.buffer(%t) { sym_name = "s1" } : memref<8xbf16>
    aie.core(%t) {
      aie.end
    } { stackSize = 1024 : i32 }
  }
}
