// A sliding window: each trip of the inner loop acquires 2 objects of in0 and releases 1, the
// trip after the loop releases the last one. The core of mlir-aie
// test/objectFifo-stateful-transform/dynamic_lowering/sliding_window_held_count.mlir @ 2fab0e3d
// (core_0_2: "each iteration acquires a runtime-computed acq = max(2 - h, 0)"), fed and drained
// by the host. Under the dynamic ObjectFIFO lowering the first trip takes 2 lock units, every
// later one 1: no hang.
module {
  aie.device(npu1) {
    func.func private @window(memref<8xi32>, memref<8xi32>, memref<8xi32>)
    %tile_0_0 = aie.tile(0, 0)
    %tile_0_2 = aie.tile(0, 2)
    aie.objectfifo @in0(%tile_0_0, {%tile_0_2}, 4 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @out0(%tile_0_2, {%tile_0_0}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    %core_0_2 = aie.core(%tile_0_2) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c14 = arith.constant 14 : index
      %c_endless = arith.constant 9223372036854775807 : index
      scf.for %i = %c0 to %c_endless step %c1 {
        scf.for %j = %c0 to %c14 step %c1 {
          %a = aie.objectfifo.acquire @in0(Consume, 2) : !aie.objectfifosubview<memref<8xi32>>
          %a0 = aie.objectfifo.subview.access %a[0] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
          %a1 = aie.objectfifo.subview.access %a[1] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
          %o = aie.objectfifo.acquire @out0(Produce, 1) : !aie.objectfifosubview<memref<8xi32>>
          %o0 = aie.objectfifo.subview.access %o[0] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
          func.call @window(%a0, %a1, %o0) : (memref<8xi32>, memref<8xi32>, memref<8xi32>) -> ()
          aie.objectfifo.release @in0(Consume, 1)
          aie.objectfifo.release @out0(Produce, 1)
        }
        aie.objectfifo.release @in0(Consume, 1)
      }
      aie.end
    }
    aiex.runtime_sequence(%in: memref<120xi32>, %out: memref<112xi32>) {
      aiex.npu.dma_memcpy_nd(%out[0, 0, 0, 0][1, 1, 1, 112][0, 0, 0, 1]) {id = 0 : i64, issue_token = true, metadata = @out0} : memref<112xi32>
      aiex.npu.dma_memcpy_nd(%in[0, 0, 0, 0][1, 1, 1, 120][0, 0, 0, 1]) {id = 1 : i64, metadata = @in0} : memref<120xi32>
      aiex.npu.dma_wait {symbol = @out0}
    }
  }
}
