// from Xilinx/mlir-aie test/assign-buffer-addresses/bank_aware_alloc_memory_exhausted.mlir @ 019056e8e691c36648be3a5e6b2a3991ab66352c (RUN: not aie-opt --aie-assign-bd-ids --aie-assign-buffer-addresses)
// Default allocation scheme. Buffers carry no sym_name: the pass names them _anonymous0.._anonymous5 in this order.
module {
  aie.device(npu1_2col) {
    %tile_0_2 = aie.tile(0, 2)
    %C_L1L2_0_0_buff_0 = aie.buffer(%tile_0_2) : memref<64x96xf32>
    %C_L1L2_0_0_buff_1 = aie.buffer(%tile_0_2) : memref<64x96xf32>
    %B_L2L1_0_0_cons_buff_0 = aie.buffer(%tile_0_2) : memref<32x96xbf16>
    %B_L2L1_0_0_cons_buff_1 = aie.buffer(%tile_0_2) : memref<32x96xbf16>
    %A_L2L1_0_0_cons_buff_0 = aie.buffer(%tile_0_2) : memref<64x32xbf16>
    %A_L2L1_0_0_cons_buff_1 = aie.buffer(%tile_0_2) : memref<64x32xbf16>
  }
}
