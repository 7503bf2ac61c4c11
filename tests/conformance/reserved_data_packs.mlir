// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_reserved_data.mlir @ 72333819c2fa6eacd71b768b7f599f66b83b004b (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
// Trimmed: first of the three --split-input-file modules (@no_reservation_packs).
// The same input appears in reserved_data_spreads.mlir with a different expected layout (later commit).
module @no_reservation_packs {
  aie.device(npu2) {
    %tile_0_2 = aie.tile(0, 2)
    %a = aie.buffer(%tile_0_2) {sym_name = "a"} : memref<4096xi8>
    %b = aie.buffer(%tile_0_2) {sym_name = "b"} : memref<4096xi8>
    %c = aie.buffer(%tile_0_2) {sym_name = "c"} : memref<4096xi8>
    aie.core(%tile_0_2) {
      aie.end
    } {stack_size = 1024 : i32}
  }
}
