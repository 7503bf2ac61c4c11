// from Xilinx/mlir-aie test/assign-buffer-addresses/basic_alloc_error.mlir @ 019056e8e691c36648be3a5e6b2a3991ab66352c (RUN: not aie-opt --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
module @test {
 aie.device(xcvc1902) {
  %0 = aie.tile(3, 3)
  %b1 = aie.buffer(%0) { sym_name = "a" } : memref<16xi8>
  %1 = aie.buffer(%0) { sym_name = "b" } : memref<8192xi32>
  %b2 = aie.buffer(%0) { sym_name = "c" } : memref<16xi16>
  %3 = aie.tile(4, 4)
  %4 = aie.buffer(%3) : memref<500xi32>
  aie.core(%0) {
    aie.end
  }
  aie.core(%3) {
    aie.end
  }
 }
}
