// from Xilinx/mlir-aie test/objectFifo-stateful-transform/data_movement_patterns/link/link_via_shared_mem2.mlir @ 070e1646bbfebe777e5d0f95e699cb4bb64f64d4 (RUN: aie-opt --aie-objectFifo-stateful-transform="dynamic-objFifos=false")
module @link_AIE2 {
    aie.device(xcve2302) {
        %tile20 = aie.tile(2, 0)
        %tile12 = aie.tile(1, 2)
        %tile22 = aie.tile(2, 2)

        aie.objectfifo @of1 (%tile20, {%tile12}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
        aie.objectfifo @of2 (%tile12, {%tile22}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
        aie.objectfifo.allocate @of2 (%tile12)

        aie.objectfifo.link [@of1] -> [@of2] ([] [])
    }
}
