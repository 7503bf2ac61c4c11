// from Xilinx/mlir-aie test/assign-buffer-addresses/basic_alloc_simple.mlir @ 124e1c5e5a200bf7b72befc92f15131a86ba069f (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
// Trimmed: fourth of the four --split-input-file modules (npu1, no core so no stack).
module @test {
  aie.device(npu1) {
    %tile22 = aie.tile(2, 2)
    %p1 = aie.buffer(%tile22) { sym_name = "p1", address = 0 : i32, aligned = false } : memref<10xi8>
    %p2 = aie.buffer(%tile22) { sym_name = "p2", address = 64 : i32 } : memref<32xi8>
    %b  = aie.buffer(%tile22) { sym_name = "b" } : memref<40xi8>
  }
}
