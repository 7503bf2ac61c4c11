// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_over_bank.mlir @ 08c791150ea62803920cd79f4c0360e7512dc59a (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
// Trimmed: fourth of the five --split-input-file modules (@over_bank_skips_stack).
module @over_bank_skips_stack {
  aie.device(npu2) {
    %tile_0_2 = aie.tile(0, 2)
    %big = aie.buffer(%tile_0_2) {sym_name = "big"} : memref<16384xbf16>
    aie.core(%tile_0_2) {
      aie.end
    } {stack_size = 1024 : i32}
  }
}
