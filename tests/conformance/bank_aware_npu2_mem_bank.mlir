// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_simple.mlir @ 2f4ce96028402fb78f69ba42ab6e3506696683d5 (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
// Trimmed: second of the two --split-input-file modules (npu2, stack_size 2048, pinned address and mem_bank pins).
module @test_align{
  aie.device(npu2) {
    %0 = aie.tile(3, 3)
    %b1 = aie.buffer(%0) { address = 2048 : i32, sym_name = "a1"} : memref<4xi8>
    %b2 = aie.buffer(%0) { mem_bank = 0 : i32, sym_name = "b2", aligned=false} : memref<12xi8>
    %b3 = aie.buffer(%0) { mem_bank = 0 : i32, sym_name = "b3"} : memref<4xi8>
    aie.core(%0) {
      aie.end
    }{stack_size = 2048 : i32}
  }
}
