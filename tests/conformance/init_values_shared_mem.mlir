// from Xilinx/mlir-aie test/objectFifo-stateful-transform/init_values/init_values_shared_mem_test.mlir @ 065cfd93dc3d2a9077bc06d9bcc1fce32e6eeb1d (RUN: aie-opt --aie-objectFifo-stateful-transform --aie-objectFifo-unroll)
module @init_shared_mem {
 aie.device(xcve2302) {
    %tile12 = aie.tile(1, 2)
    %tile13 = aie.tile(1, 3)

    aie.objectfifo @of0 (%tile12, {%tile13}, 2 : i32) : !aie.objectfifo<memref<2x2xi32>> = [dense<[[0, 1], [2, 3]]> : memref<2x2xi32>,
                                                                                            dense<[[4, 5], [6, 7]]> : memref<2x2xi32>]

    aie.objectfifo @of1 (%tile12, {%tile13}, 2 : i32) : !aie.objectfifo<memref<2x2xi32>> = [dense<[[0, 1], [2, 3]]> : memref<2x2xi32>,
                                                                                            dense<[[4, 5], [6, 7]]> : memref<2x2xi32>]
    aie.objectfifo.allocate @of1 (%tile13)
 }
}
