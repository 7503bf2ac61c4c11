// from Xilinx/mlir-aie test/objectFifo-stateful-transform/data_movement_patterns/link/link_test_DDR_to_L1_AIE2.mlir @ 0c96b7d3ecccac5bf928926388e27b8f29b43514 (RUN: aie-opt --aie-objectFifo-stateful-transform --aie-objectFifo-unroll)
module @link_DDR_L1 {
    aie.device(xcve2302) {
        %tile20 = aie.tile(2, 0)
        %tile21 = aie.tile(2, 1)
        %tile22 = aie.tile(2, 2)

        aie.objectfifo @to_memTile (%tile20, {%tile21}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
        aie.objectfifo @from_memTile (%tile21, {%tile22}, 2 : i32) : !aie.objectfifo<memref<16xi32>>

        aie.objectfifo.link [@to_memTile] -> [@from_memTile] ([] [])

        %ext_buff_in = aie.external_buffer {sym_name = "ext_buff_in"}: memref<16xi32>
        aie.objectfifo.register_external_buffers @to_memTile (%tile20, {%ext_buff_in}) : (memref<16xi32>)
    }
}
