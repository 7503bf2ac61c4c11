// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_spans_banks.mlir @ 82935171be0b6cf577df59e5c9eb5fc936cd69dc (RUN: aie-opt --aie-objectFifo-stateful-transform="skip-verify=true" --aie-assign-buffer-addresses)
// Default allocation scheme. Same input as fallback_routine_simple.mlir.
module @test {
 aie.device(xcvc1902) {
  %tile12 = aie.tile(1, 2)
  %1 = aie.buffer(%tile12) { sym_name = "a" } : memref<4096xi32>
  %b1 = aie.buffer(%tile12) { sym_name = "b" } : memref<16xi16>
  %tile13 = aie.tile(1, 3)
  aie.objectfifo @act_3_4(%tile12, {%tile13}, 4 : i32) : !aie.objectfifo<memref<8xi32>>
 }
}
