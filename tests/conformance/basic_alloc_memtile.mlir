// from Xilinx/mlir-aie test/assign-buffer-addresses/basic_alloc_memtile_simple.mlir @ 0429335fc2efe3993db98fc7429fd34167547a1c (RUN: aie-opt --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
module @test {
  aie.device(xcve2302) {
    %0 = aie.tile(3, 1)
    %b1 = aie.buffer(%0) { sym_name = "a" } : memref<65536xi32>
    aie.memtile_dma(%0) {
      aie.end
    }
  }
}
