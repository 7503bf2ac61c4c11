// from Xilinx/mlir-aie test/objectFifo-stateful-transform/aie_stream/consumer_stream_AIE2.mlir @ 5a559eb53a02881abef96cf626ecc6b15da9c94f (RUN: aie-opt --aie-objectFifo-stateful-transform)
// Trimmed: header comments dropped.
module @consumer_stream_AIE2 {
 aie.device(xcve2302) {
    %tile12 = aie.tile(1, 2)
    %tile13 = aie.tile(1, 3)
    %tile33 = aie.tile(3, 3)

    aie.objectfifo @of_consumer_stream (%tile12, {%tile33}, 2 : i32) {aie_stream = 1 : i32, aie_stream_port = 0 : i32} : !aie.objectfifo<memref<16xi32>>
  }
}
