// The core's loop acquires one object of in0 per iteration and never releases it:
// the consumer end's two buffers are gone after two iterations.
module {
  aie.device(npu1) {
    func.func private @work(memref<64xi32>, memref<64xi32>)
    %tile_0_0 = aie.tile(0, 0)
    %tile_0_2 = aie.tile(0, 2)
    aie.objectfifo @in0(%tile_0_0, {%tile_0_2}, [2, 2]) : !aie.objectfifo<memref<64xi32>>
    aie.objectfifo @out0(%tile_0_2, {%tile_0_0}, [2, 2]) : !aie.objectfifo<memref<64xi32>>
    %core_0_2 = aie.core(%tile_0_2) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c_endless = arith.constant 9223372036854775807 : index
      scf.for %i = %c0 to %c_endless step %c1 {
        %a = aie.objectfifo.acquire @in0(Consume, 1) : !aie.objectfifosubview<memref<64xi32>>
        %a0 = aie.objectfifo.subview.access %a[0] : !aie.objectfifosubview<memref<64xi32>> -> memref<64xi32>
        %o = aie.objectfifo.acquire @out0(Produce, 1) : !aie.objectfifosubview<memref<64xi32>>
        %o0 = aie.objectfifo.subview.access %o[0] : !aie.objectfifosubview<memref<64xi32>> -> memref<64xi32>
        func.call @work(%a0, %o0) : (memref<64xi32>, memref<64xi32>) -> ()
        aie.objectfifo.release @out0(Produce, 1)
      }
      aie.end
    }
    aiex.runtime_sequence(%in: memref<256xi32>, %out: memref<256xi32>) {
      aiex.npu.dma_memcpy_nd(%out[0, 0, 0, 0][1, 1, 1, 256][0, 0, 0, 1]) {id = 0 : i64, issue_token = true, metadata = @out0} : memref<256xi32>
      aiex.npu.dma_memcpy_nd(%in[0, 0, 0, 0][1, 1, 1, 256][0, 0, 0, 1]) {id = 1 : i64, metadata = @in0} : memref<256xi32>
      aiex.npu.dma_wait {symbol = @out0}
    }
  }
}
