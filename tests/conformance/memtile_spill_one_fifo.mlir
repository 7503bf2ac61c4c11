// from Xilinx/mlir-aie test/objectFifo-stateful-transform/adjacent_memtile_allocation/onelargefifo_on_2memtile.mlir @ 0548b3a038c7c919f095eb34a0183253732ceb92 (RUN: aie-opt --aie-objectFifo-stateful-transform="dynamic-objFifos=false")
// Note: mem tile (1,1) is not declared; the lowering creates it to hold the spilled buffer.
module {
  aie.device(npu1) {
    %shim_noc_tile_0_0 = aie.tile(0, 0)
    %mem_tile_0_1 = aie.tile(0, 1)
    %tile_0_2 = aie.tile(0, 2)
    aie.objectfifo @in0(%shim_noc_tile_0_0, {%mem_tile_0_1}, 2 : i32) : !aie.objectfifo<memref<96000xi32>>
    aie.objectfifo @in1(%mem_tile_0_1, {%tile_0_2}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.link [@in0] -> [@in1]([] [])
    aie.objectfifo @out0(%mem_tile_0_1, {%shim_noc_tile_0_0}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @out1(%tile_0_2, {%mem_tile_0_1}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.link [@out1] -> [@out0]([] [])
  }
}
