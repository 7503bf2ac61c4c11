// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_memtile_simple.mlir @ 2fbe248ff9a60498eaa135944d481757a88511ef (RUN: aie-opt --aie-assign-buffer-addresses="alloc-scheme=bank-aware")
module @test {
  aie.device(xcve2302) {
    %0 = aie.tile(3, 1)
    %b1 = aie.buffer(%0) { sym_name = "a" } : memref<16384xi32>
    aie.memtile_dma(%0) {
      aie.end
    }
  }
}
