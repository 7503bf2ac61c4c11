// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_gaps.mlir @ 9a1213791fc366a0577d45fef64b3cb20781af46 (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
// Trimmed: fourth of the six --split-input-file modules (@largest_first).
module @largest_first {
  aie.device(npu2) {
    %tile_0_2 = aie.tile(0, 2)
    %small0 = aie.buffer(%tile_0_2) {sym_name = "small0"} : memref<16xbf16>
    %small1 = aie.buffer(%tile_0_2) {sym_name = "small1"} : memref<16xbf16>
    %small2 = aie.buffer(%tile_0_2) {sym_name = "small2"} : memref<16xbf16>
    %small3 = aie.buffer(%tile_0_2) {sym_name = "small3"} : memref<16xbf16>
    %large = aie.buffer(%tile_0_2) {sym_name = "large"} : memref<8192xbf16>
    aie.core(%tile_0_2) {
      aie.end
    } {stack_size = 1024 : i32}
  }
}
