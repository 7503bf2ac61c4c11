// from Xilinx/mlir-aie test/assign-buffer-addresses/basic_alloc_simple.mlir @ 124e1c5e5a200bf7b72befc92f15131a86ba069f (RUN: aie-opt --split-input-file --aie-assign-buffer-addresses="alloc-scheme=basic-sequential")
// Trimmed: second of the four --split-input-file modules (@test_align, npu2).
// Note: the core carries `stackSize`, which is not the registered attribute (`stack_size`): the stack stays at the default 1024 B.
module @test_align{
  aie.device(npu2){
      %0 = aie.tile(3, 3)
      %b1 = aie.buffer(%0) { address=4096 : i32,  sym_name = "a"} : memref<1024xi32>
      %b2 = aie.buffer(%0) { sym_name = "b"} : memref<1031xi32>
      %b3 = aie.buffer(%0) { sym_name = "c", aligned=false } : memref<100xi32>
      %b4 = aie.buffer(%0) { sym_name = "d"} : memref<1xi32>
      aie.core(%0){
        aie.end
      }{stackSize = 4096 : i32}
  }
}
