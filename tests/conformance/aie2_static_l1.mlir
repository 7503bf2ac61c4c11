// from Xilinx/mlir-aie test/objectFifo-stateful-transform/access_patterns/AIE2_static_L1.mlir @ 065cfd93dc3d2a9077bc06d9bcc1fce32e6eeb1d (RUN: aie-opt --aie-objectFifo-stateful-transform --aie-objectFifo-unroll)
// Input module as in the lit test; RUN/CHECK lines and the header comment dropped.
module @aie2_static_L1 {
    aie.device(xcve2302) {
        %i_c0 = arith.constant 0 : index
        %i_c1 = arith.constant 1 : index
        %i_c2 = arith.constant 2 : index
        %i_c16 = arith.constant 16 : index

        %tile22 = aie.tile(2, 2)
        %srcbuf22 = aie.buffer(%tile22) { sym_name = "srcbuf22" } : memref<i32>

        %tile23 = aie.tile(2, 3)
        %dstbuf23 = aie.buffer(%tile23) { sym_name = "dstbuf22" } : memref<16xi32>

        aie.objectfifo @fifo (%tile22, {%tile23}, 4 : i32) : !aie.objectfifo<memref<i32>>

        %core22 = aie.core(%tile22) {
            %c0 = arith.constant 0 : i32
            %c1 = arith.constant 1 : i32
            memref.store %c0, %srcbuf22[] : memref<i32>
            scf.for %idx = %i_c0 to %i_c16 step %i_c1 {
                %val0 = memref.load %srcbuf22[] : memref<i32>
                %subview = aie.objectfifo.acquire @fifo (Produce, 1) : !aie.objectfifosubview<memref<i32>>
                %elem = aie.objectfifo.subview.access %subview[0] : !aie.objectfifosubview<memref<i32>> -> memref<i32>
                memref.store %val0, %elem[] : memref<i32>
                aie.objectfifo.release @fifo (Produce, 1)
                %val1 = arith.addi %c1, %val0 : i32
                memref.store %val1, %srcbuf22[] : memref<i32>
            }
            aie.end
        }

        %core23 = aie.core(%tile23) {
            scf.for %idx = %i_c0 to %i_c16 step %i_c2 {
                %subview = aie.objectfifo.acquire @fifo (Consume, 2) : !aie.objectfifosubview<memref<i32>>
                %elem0 = aie.objectfifo.subview.access %subview[0] : !aie.objectfifosubview<memref<i32>> -> memref<i32>
                %elem1 = aie.objectfifo.subview.access %subview[1] : !aie.objectfifosubview<memref<i32>> -> memref<i32>
                %val0 = memref.load %elem0[] : memref<i32>
                %val1 = memref.load %elem1[] : memref<i32>
                func.call @store2(%val0, %val1, %idx, %dstbuf23) : (i32, i32, index, memref<16xi32>) -> ()
                aie.objectfifo.release @fifo (Consume, 2)
            }
            aie.end
        }

        func.func @store2(%val0: i32, %val1: i32, %base : index, %buf : memref<16xi32>) -> () {
                %ic0 = arith.constant 0 : index
                %ic1 = arith.constant 1 : index
                %idx0 = index.add %ic0, %base
                %idx1 = index.add %ic1, %base
                memref.store %val0, %buf[%idx0] : memref<16xi32>
                memref.store %val1, %buf[%idx1] : memref<16xi32>
                return
        }
    }
}
