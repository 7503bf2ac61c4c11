// from Xilinx/mlir-aie test/objectFifo-stateful-transform/aie_stream/producer_stream_AIE2.mlir @ a1f06c3fc7b25610e56f13aadc204100576e4041 (RUN: aie-opt --aie-objectFifo-stateful-transform)
// Trimmed: header comments dropped.
module @producer_stream_AIE2 {
 aie.device(xcve2302) {
    %tile12 = aie.tile(1, 2)
    %tile13 = aie.tile(1, 3)
    %tile33 = aie.tile(3, 3)

    aie.objectfifo @of_producer_stream (%tile12, {%tile13}, 3 : i32) {aie_stream = 0 : i32, aie_stream_port = 0 : i32} : !aie.objectfifo<memref<16xi32>>
  }
}
