// from Xilinx/mlir-aie test/python/localbuffer.py @ 04a9d189027fab662c29e305964b91eb2b6c8347 (RUN: %python %s | FileCheck %s)
// RECONSTRUCTED, not copied: the test gives Python plus CHECK lines for the first five printed lines (device npu2_1col,
// %tile_0_2, the two LocalBuffers on it, %shim_noc_tile_0_0). The rest is what Program(NPU2Col1(), rt).resolve_program(
// SequentialPlacer()) prints for this design, written by hand from the Python and the R-2025 IRON print conventions
// (docs/research/mlir-aie-syntax.md §5d).
module {
  aie.device(npu2_1col) {
    %tile_0_2 = aie.tile(0, 2)
    %unint_local_buf = aie.buffer(%tile_0_2) {sym_name = "unint_local_buf"} : memref<4096xui8>
    %init_local_buf = aie.buffer(%tile_0_2) {sym_name = "init_local_buf"} : memref<4096xui8> = dense<0>
    %shim_noc_tile_0_0 = aie.tile(0, 0)
    aie.objectfifo @in(%shim_noc_tile_0_0, {%tile_0_2}, 2 : i32) : !aie.objectfifo<memref<4096xui8>>
    aie.objectfifo @out(%tile_0_2, {%shim_noc_tile_0_0}, 2 : i32) : !aie.objectfifo<memref<4096xui8>>
    func.func private @passThroughLine(memref<4096xui8>, memref<4096xui8>, i32)
    %core_0_2 = aie.core(%tile_0_2) {
      %c0 = arith.constant 0 : index
      %c9223372036854775807 = arith.constant 9223372036854775807 : index
      %c1 = arith.constant 1 : index
      scf.for %arg0 = %c0 to %c9223372036854775807 step %c1 {
        %0 = aie.objectfifo.acquire @out(Produce, 1) : !aie.objectfifosubview<memref<4096xui8>>
        %1 = aie.objectfifo.subview.access %0[0] : !aie.objectfifosubview<memref<4096xui8>> -> memref<4096xui8>
        %2 = aie.objectfifo.acquire @in(Consume, 1) : !aie.objectfifosubview<memref<4096xui8>>
        %3 = aie.objectfifo.subview.access %2[0] : !aie.objectfifosubview<memref<4096xui8>> -> memref<4096xui8>
        %c4096_i32 = arith.constant 4096 : i32
        func.call @passThroughLine(%3, %unint_local_buf, %c4096_i32) : (memref<4096xui8>, memref<4096xui8>, i32) -> ()
        %c4096_i32_0 = arith.constant 4096 : i32
        func.call @passThroughLine(%unint_local_buf, %init_local_buf, %c4096_i32_0) : (memref<4096xui8>, memref<4096xui8>, i32) -> ()
        %c4096_i32_1 = arith.constant 4096 : i32
        func.call @passThroughLine(%init_local_buf, %1, %c4096_i32_1) : (memref<4096xui8>, memref<4096xui8>, i32) -> ()
        aie.objectfifo.release @in(Consume, 1)
        aie.objectfifo.release @out(Produce, 1)
      }
      aie.end
    } {link_with = "passThrough.cc.o"}
    aiex.runtime_sequence(%arg0: memref<4096xui8>, %arg1: memref<4096xui8>, %arg2: memref<4096xui8>) {
      %0 = aiex.dma_configure_task_for @in {
        aie.dma_bd(%arg0 : memref<4096xui8>, 0, 4096, [<size = 1, stride = 0>, <size = 1, stride = 0>, <size = 1, stride = 0>, <size = 4096, stride = 1>]) {burst_length = 0 : i32}
        aie.end
      }
      aiex.dma_start_task(%0)
      %1 = aiex.dma_configure_task_for @out {
        aie.dma_bd(%arg1 : memref<4096xui8>, 0, 4096, [<size = 1, stride = 0>, <size = 1, stride = 0>, <size = 1, stride = 0>, <size = 4096, stride = 1>]) {burst_length = 0 : i32}
        aie.end
      } {issue_token = true}
      aiex.dma_start_task(%1)
      aiex.dma_await_task(%1)
      aiex.dma_free_task(%0)
    }
  }
}
