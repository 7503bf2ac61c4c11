// from Xilinx/mlir-aie test/objectFifo-stateful-transform/allocation_info_test.mlir @ 0ca8da13438cb59808d4c13d8da9175051a50f36 (RUN: aie-opt --aie-objectFifo-stateful-transform="dynamic-objFifos=false")
module @alloc {
    aie.device(xcve2302) {
        %tile20 = aie.tile(2, 0)
        %tile22 = aie.tile(2, 2)
        %tile23 = aie.tile(2, 3)

        aie.objectfifo @of_in_0 (%tile20, {%tile22}, 2 : i32) : !aie.objectfifo<memref<64xi16>>
        aie.objectfifo @of_out_0 (%tile22, {%tile20}, 2 : i32) : !aie.objectfifo<memref<64xi16>>

        aie.objectfifo @of_in_1 (%tile20, {%tile23}, 2 : i32) : !aie.objectfifo<memref<64xi16>>
        aie.objectfifo @of_out_1 (%tile23, {%tile20}, 2 : i32) : !aie.objectfifo<memref<64xi16>>
    }
}
