// from Xilinx/mlir-aie test/assign-buffer-addresses/fallback_routine_error.mlir @ 08de1fcae1c128670c7e92d38bf08e2a2e08217a (RUN: not aie-opt --aie-objectFifo-stateful-transform --aie-assign-buffer-addresses)
// Default allocation scheme. The byte counts in the original trailing comments are wrong for a, c and f; the types below are what count.
module @test {
 aie.device(xcvc1902) {
  %tile12 = aie.tile(1, 2)
  %1 = aie.buffer(%tile12) { sym_name = "a" } : memref<1024xi32>
  %2 = aie.buffer(%tile12) { sym_name = "b" } : memref<2048xi32>
  %3 = aie.buffer(%tile12) { sym_name = "c" } : memref<2048xi32>
  %4 = aie.buffer(%tile12) { sym_name = "d" } : memref<1024xi32>
  %5 = aie.buffer(%tile12) { sym_name = "e" } : memref<1024xi32>
  %6 = aie.buffer(%tile12) { sym_name = "f" } : memref<256xi16>
  %tile13 = aie.tile(1, 3)
  aie.objectfifo @act_3_4(%tile12, {%tile13}, 4 : i32) : !aie.objectfifo<memref<512xi32>>
 }
}
