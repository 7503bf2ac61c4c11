// from Xilinx/mlir-aie test/objectFifo-stateful-transform/data_movement_patterns/link/link_via_shared_mem_diff_memref.mlir @ 0429335fc2efe3993db98fc7429fd34167547a1c (RUN: aie-opt --aie-objectFifo-stateful-transform)
module @link_AIE2 {
    aie.device(xcve2302) {
        %tile20 = aie.tile(2, 0)
        %tile12 = aie.tile(1, 2)
        %tile22 = aie.tile(2, 2)

        aie.objectfifo @of1 (%tile20, {%tile12}, 2 : i32) : !aie.objectfifo<memref<32xi32>>
        aie.objectfifo @of2 (%tile12, {%tile22}, 2 : i32) : !aie.objectfifo<memref<16xi32>>

        aie.objectfifo.link [@of1] -> [@of2] ([] [])
    }
}
