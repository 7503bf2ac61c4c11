// from Xilinx/mlir-aie test/objectFifo-stateful-transform/init_values/init_values_repeat_test.mlir @ 0429335fc2efe3993db98fc7429fd34167547a1c (RUN: aie-opt --aie-objectFifo-stateful-transform)
module @init_repeat {
 aie.device(xcve2302) {
    %tile12 = aie.tile(1, 2)
    %tile13 = aie.tile(1, 3)

    aie.objectfifo @of0 (%tile12, {%tile13}, 2 : i32) {repeat_count = 3 : i32} : !aie.objectfifo<memref<2x2xi32>> = [dense<[[0, 1], [2, 3]]> : memref<2x2xi32>,
                                                                                                                     dense<[[4, 5], [6, 7]]> : memref<2x2xi32>]
 }
}
