// from Xilinx/mlir-aie test/objectFifo-stateful-transform/asymmetric_element_type/asymmetric_with_initvalues.mlir @ 223085c4c345af61bb9e9c93e3f89c7632aef5be (RUN: aie-opt --aie-objectFifo-stateful-transform)
// Asymmetric FIFO: producer (mem tile) element memref<40xi32>, consumer element memref<10xi32>.
module {
  aie.device(npu2) {
    %mt = aie.tile(0, 1)
    %ct = aie.tile(0, 2)

    aie.objectfifo @wts(%mt, {%ct}, 2 : i32)
      : !aie.objectfifo<memref<40xi32>>
      -> !aie.objectfifo<memref<10xi32>>
      = [dense<1> : memref<40xi32>, dense<2> : memref<40xi32>]

    %c = aie.core(%ct) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c8 = arith.constant 8 : index
      scf.for %i = %c0 to %c8 step %c1 {
        %sv = aie.objectfifo.acquire @wts(Consume, 1) : !aie.objectfifosubview<memref<10xi32>>
        %elem = aie.objectfifo.subview.access %sv[0] : !aie.objectfifosubview<memref<10xi32>> -> memref<10xi32>
        aie.objectfifo.release @wts(Consume, 1)
      }
      aie.end
    }
  }
}
