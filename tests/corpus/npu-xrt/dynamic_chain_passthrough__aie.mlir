//===- aie.mlir ------------------------------------------------*- MLIR -*-===//
//
// Copyright (C) 2026 Advanced Micro Devices, Inc.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Dynamic chain passthrough: like dynamic_pingpong_passthrough, but each input
// task is a 2-BD next_bd chain inside a loop over a runtime tile count %n. The
// dynamic BD pool draws one id per BD at runtime, and the first BD's next_bd is
// the second's runtime id. The chain reads tile i's second half before its
// first, so the output only matches if the hardware follows that next_bd.
//
//===----------------------------------------------------------------------===//

module {
  aie.device(NPUDEVICE) {
    %logical_core = aie.logical_tile<CoreTile>(?, ?)
    %logical_shim_noc = aie.logical_tile<ShimNOCTile>(?, ?)
    %logical_shim_noc_0 = aie.logical_tile<ShimNOCTile>(?, ?)
    aie.objectfifo @of_in(%logical_shim_noc, {%logical_core}, 2 : i32) : !aie.objectfifo<memref<256xi32>>
    aie.objectfifo @of_out(%logical_core, {%logical_shim_noc_0}, 2 : i32) : !aie.objectfifo<memref<256xi32>>
    %0 = aie.core(%logical_core) {
      %c0 = arith.constant 0 : index
      %cmax = arith.constant 9223372036854775807 : index
      %c1 = arith.constant 1 : index
      scf.for %arg0 = %c0 to %cmax step %c1 {
        %2 = aie.objectfifo.acquire @of_out(Produce, 1) : memref<256xi32>
        %4 = aie.objectfifo.acquire @of_in(Consume, 1) : memref<256xi32>
        %c0_1 = arith.constant 0 : index
        %c256 = arith.constant 256 : index
        %c1_2 = arith.constant 1 : index
        scf.for %arg1 = %c0_1 to %c256 step %c1_2 {
          %5 = memref.load %4[%arg1] : memref<256xi32>
          memref.store %5, %2[%arg1] : memref<256xi32>
        }
        aie.objectfifo.release @of_in(Consume, 1)
        aie.objectfifo.release @of_out(Produce, 1)
      }
      aie.end
    }
    aie.runtime_sequence(%in: memref<2048xi32>, %out: memref<2048xi32>, %n: i64) {
      %c1 = arith.constant 1 : index
      %c128_i32 = arith.constant 128 : i32
      %c256_i32 = arith.constant 256 : i32
      %n_idx = arith.index_cast %n : i64 to index
      %n_i32 = arith.trunci %n : i64 to i32
      %len = arith.muli %n_i32, %c256_i32 : i32
      %out_task = aiex.dma_configure_task_for @of_out {
        aie.dma_bd(%out : memref<2048xi32> offset = 0 len = %len sizes = [1, 1, %n, 256] strides = [0, 0, 256, 1])
        aie.end
      } {issue_token = true}
      %init = aiex.dma_configure_task_for @of_in {
        aie.dma_bd(%in : memref<2048xi32> offset = 128 len = 128)
        aie.next_bd ^bb1
      ^bb1:
        aie.dma_bd(%in : memref<2048xi32> offset = 0 len = 128)
        aie.end
      } {issue_token = true}
      aiex.dma_start_task(%out_task)
      aiex.dma_start_task(%init)
      %last = scf.for %i = %c1 to %n_idx step %c1 iter_args(%prev = %init) -> (index) {
        %i_i32 = arith.index_cast %i : index to i32
        %lo = arith.muli %i_i32, %c256_i32 : i32
        %hi = arith.addi %lo, %c128_i32 : i32
        %t = aiex.dma_configure_task_for @of_in {
          aie.dma_bd(%in : memref<2048xi32> offset = %hi len = 128)
          aie.next_bd ^bb1
        ^bb1:
          aie.dma_bd(%in : memref<2048xi32> offset = %lo len = 128)
          aie.end
        } {issue_token = true}
        aiex.dma_start_task(%t)
        aiex.dma_free_task(%prev)
        scf.yield %t : index
      }
      aiex.dma_await_task(%last)
      aiex.dma_await_task(%out_task)
      aiex.dma_free_task(%last)
    }
  }
}
