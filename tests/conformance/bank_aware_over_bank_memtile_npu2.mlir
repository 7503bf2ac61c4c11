// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_over_bank.mlir @ 08c791150ea62803920cd79f4c0360e7512dc59a (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
// Trimmed: second of the five --split-input-file modules (@over_bank_after_obstacle).
module @over_bank_after_obstacle {
  aie.device(npu2) {
    %mem_tile_0_1 = aie.tile(0, 1)
    %pin_bank0 = aie.buffer(%mem_tile_0_1) {address = 0 : i32, sym_name = "pin_bank0"} : memref<16384xi32>
    %big = aie.buffer(%mem_tile_0_1) {sym_name = "big"} : memref<32768xi32>
    aie.memtile_dma(%mem_tile_0_1) {
      aie.end
    }
  }
}
