// from Xilinx/mlir-aie test/assign-buffer-addresses/vector_alignment.mlir @ 51b6168ba066ed88f31b99d7c94604fea532607a (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
// Trimmed: fourth of the six --split-input-file modules (@aie2p_memtile_unchanged).
module @aie2p_memtile_unchanged {
  aie.device(npu2) {
    %t = aie.tile(0, 1)
    %m0 = aie.buffer(%t) { sym_name = "m0" } : memref<72xbf16>
    %m1 = aie.buffer(%t) { sym_name = "m1" } : memref<32xbf16>
  }
}
