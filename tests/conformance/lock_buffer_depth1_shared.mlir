// from Xilinx/mlir-aie test/objectFifo-stateful-transform/base/objectfifo_lock_buffer_depth1_aie2.mlir @ dced06dba735d82697eab3857c1aa05a8231d120 (RUN: aie-opt --aie-objectFifo-stateful-transform)
// Uses the 2026 ops aie.objectfifo.buffer / aie.objectfifo.lock (direct access to a FIFO's buffers and locks).
module @test_objectfifo_lock_depth1 {
 aie.device(xcve2302) {
  %tile12 = aie.tile(1, 2)
  %tile13 = aie.tile(1, 3)

  aie.objectfifo @of0(%tile12, {%tile13}, 1 : i32) : !aie.objectfifo<memref<256xi32>>

  func.func private @kernel(%buf: memref<256xi32>,
                             %acq_lock: index, %rel_lock: index) -> ()

  %core12 = aie.core(%tile12) {
    %buf = aie.objectfifo.buffer @of0 (0) : memref<256xi32>
    %acq_lock, %rel_lock = aie.objectfifo.lock @of0 (Produce) : (index, index)
    func.call @kernel(%buf, %acq_lock, %rel_lock)
      : (memref<256xi32>, index, index) -> ()
    aie.end
  } { link_with = "kernel.o" }
 }
}
