// from Xilinx/mlir-aie test/objectFifo-stateful-transform/base/depth_two_scalar_test.mlir @ 1b0fc3e9403d3d25e8e69978c0429f3bd6211346 (RUN: aie-opt --aie-objectFifo-stateful-transform)
module @depth_two_scalar {
    aie.device(xcve2302) {
        %tile10 = aie.tile(1, 0)
        %tile12 = aie.tile(1, 2)

        aie.objectfifo @of (%tile12, {%tile10}, 2 : i32) : !aie.objectfifo<memref<16xi32>>

        func.func @some_work(%buf : memref<16xi32>) -> () {
            return
        }

        %core12 = aie.core(%tile12) {
            %c0 = arith.constant 0 : index
            %c1 = arith.constant 1 : index
            %c10 = arith.constant 10 : index
            scf.for %i = %c0 to %c10 step %c1 {
                %subview = aie.objectfifo.acquire @of(Produce, 1) : !aie.objectfifosubview<memref<16xi32>>
                %elem = aie.objectfifo.subview.access %subview[0] : !aie.objectfifosubview<memref<16xi32>> -> memref<16xi32>
                func.call @some_work(%elem) : (memref<16xi32>) -> ()
                aie.objectfifo.release @of(Produce, 1)
            }
            aie.end
        }
    }
}
