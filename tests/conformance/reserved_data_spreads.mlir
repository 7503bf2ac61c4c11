// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_reserved_data.mlir @ 21413ff5619f4c2279b2a49760afb0679875f9ff (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses)
// Trimmed: first of the three --split-input-file modules (@no_reservation_packs). Default scheme (no alloc-scheme on the RUN line).
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
