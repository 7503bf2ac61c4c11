// from Xilinx/mlir-aie test/assign-buffer-addresses/fallback_routine_simple.mlir @ 0429335fc2efe3993db98fc7429fd34167547a1c (RUN: aie-opt --aie-objectFifo-stateful-transform --aie-assign-buffer-addresses)
// Default allocation scheme (no alloc-scheme on the RUN line).
// The same input appears in bank_aware_spans_banks.mlir with a 2026 expected layout.
module @test {
 aie.device(xcvc1902) {
  %tile12 = aie.tile(1, 2)
  %1 = aie.buffer(%tile12) { sym_name = "a" } : memref<4096xi32>
  %b1 = aie.buffer(%tile12) { sym_name = "b" } : memref<16xi16>
  %tile13 = aie.tile(1, 3)
  aie.objectfifo @act_3_4(%tile12, {%tile13}, 4 : i32) : !aie.objectfifo<memref<8xi32>>
 }
}
