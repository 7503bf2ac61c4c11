// A cyclostatic window: each trip of the inner loop acquires 3 objects of in0 and releases 1; after
// the loop the core releases the 2 it still holds. The core of mlir-aie's regression test for issue
// #2463 (test/objectFifo-stateful-transform/dynamic_lowering/dynamic_cyclostatic_acquire_in_loop.mlir,
// 2026: "Iterations 1..13: held = 2 => emit AcquireGreaterEqual(1)"; IRON's
// objectfifo_cyclostatic_acquire_in_loop runs the same body on hardware), fed and drained by the host
// (14 + 3 - 1 = 16 objects in, 14 out per frame). Under the dynamic ObjectFIFO lowering: no hang.
module {
  aie.device(npu1) {
    func.func private @sum3(memref<8xi32>, memref<8xi32>, memref<8xi32>, memref<8xi32>)
    %tile_0_0 = aie.tile(0, 0)
    %tile_0_2 = aie.tile(0, 2)
    aie.objectfifo @in0(%tile_0_0, {%tile_0_2}, 3 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @out0(%tile_0_2, {%tile_0_0}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    %core_0_2 = aie.core(%tile_0_2) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c14 = arith.constant 14 : index
      %c_endless = arith.constant 9223372036854775807 : index
      scf.for %i = %c0 to %c_endless step %c1 {
        scf.for %j = %c0 to %c14 step %c1 {
          %a = aie.objectfifo.acquire @in0(Consume, 3) : !aie.objectfifosubview<memref<8xi32>>
          %a0 = aie.objectfifo.subview.access %a[0] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
          %a1 = aie.objectfifo.subview.access %a[1] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
          %a2 = aie.objectfifo.subview.access %a[2] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
          %o = aie.objectfifo.acquire @out0(Produce, 1) : !aie.objectfifosubview<memref<8xi32>>
          %o0 = aie.objectfifo.subview.access %o[0] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
          func.call @sum3(%a0, %a1, %a2, %o0) : (memref<8xi32>, memref<8xi32>, memref<8xi32>, memref<8xi32>) -> ()
          aie.objectfifo.release @in0(Consume, 1)
          aie.objectfifo.release @out0(Produce, 1)
        }
        aie.objectfifo.release @in0(Consume, 2)
      }
      aie.end
    }
    aiex.runtime_sequence(%in: memref<128xi32>, %out: memref<112xi32>) {
      aiex.npu.dma_memcpy_nd(%out[0, 0, 0, 0][1, 1, 1, 112][0, 0, 0, 1]) {id = 0 : i64, issue_token = true, metadata = @out0} : memref<112xi32>
      aiex.npu.dma_memcpy_nd(%in[0, 0, 0, 0][1, 1, 1, 128][0, 0, 0, 1]) {id = 1 : i64, metadata = @in0} : memref<128xi32>
      aiex.npu.dma_wait {symbol = @out0}
    }
  }
}
