// from Xilinx/mlir-aie test/objectFifo-stateful-transform/init_values/init_values_test.mlir @ 0548b3a038c7c919f095eb34a0183253732ceb92 (RUN: aie-opt --aie-objectFifo-stateful-transform="dynamic-objFifos=false")
module @init {
 aie.device(xcve2302) {
    %tile12 = aie.tile(1, 2)
    %tile23 = aie.tile(2, 3)

    aie.objectfifo @of0 (%tile12, {%tile23}, 3 : i32) : !aie.objectfifo<memref<2x2xi32>> = [dense<[[0, 1], [2, 3]]> : memref<2x2xi32>,
                                                                                            dense<[[4, 5], [6, 7]]> : memref<2x2xi32>,
                                                                                            dense<[[8, 9], [10, 11]]> : memref<2x2xi32>]
 }
}
