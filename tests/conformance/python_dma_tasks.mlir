// from Xilinx/mlir-aie test/python/dma_tasks.py (the version the search index returned as id 9188864880, with dma_await_task and dma_free_task; the stored commit of that path, 0b2a37bf9b68678499c6c602494d4b79540a44cb, is an older version without them) (RUN: %python %s | FileCheck %s)
// RECONSTRUCTED from the Python (aie.dialects bindings, not the high-level IRON API) and its CHECK lines; SSA names are illustrative.
module {
  aie.device(npu1_1col) {
    %tile_0_0 = aie.tile(0, 0)
    %tile_0_1 = aie.tile(0, 1)
    %buffer_0_1 = aie.buffer(%tile_0_1) : memref<16xi16>
    %buffer_0_1_0 = aie.buffer(%tile_0_1) : memref<32xi16>
    aie.objectfifo @of0(%tile_0_0, {%tile_0_1}, 2 : i32) : !aie.objectfifo<memref<256xi32>>
    aiex.runtime_sequence(%arg0: memref<256xi32>) {
      %0 = aiex.dma_configure_task(%tile_0_1, MM2S, 1) {
        aie.next_bd ^bb1
      ^bb1:
        aie.dma_bd(%buffer_0_1 : memref<16xi16>)
        aie.next_bd ^bb2
      ^bb2:
        aie.dma_bd(%buffer_0_1_0 : memref<32xi16>)
        aie.next_bd ^bb1
      }
      aiex.dma_await_task(%0)
      %1 = aiex.dma_configure_task_for @of0 {
        aie.dma_bd(%arg0 : memref<256xi32>)
        aie.end
      }
      aiex.dma_free_task(%1)
    }
  }
}
