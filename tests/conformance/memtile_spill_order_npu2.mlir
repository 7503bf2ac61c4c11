// from Xilinx/mlir-aie test/objectFifo-stateful-transform/adjacent_memtile_allocation/memtile_spill_order.mlir @ 070e1646bbfebe777e5d0f95e699cb4bb64f64d4 (RUN: aie-opt --aie-objectFifo-stateful-transform="dynamic-objFifos=false")
module {
  aie.device(npu2) {
    %shim0 = aie.tile(0, 0)
    %shim1 = aie.tile(1, 0)
    %shim2 = aie.tile(2, 0)
    %shim3 = aie.tile(3, 0)
    %mem1 = aie.tile(1, 1)
    %mem2 = aie.tile(2, 1)
    %mem3 = aie.tile(3, 1)
    %core1 = aie.tile(1, 2)
    %core2 = aie.tile(2, 2)
    %core3 = aie.tile(3, 2)

    // IR order: block first, then small, then large.
    aie.objectfifo @block(%shim3, {%mem3}, 1 : i32) : !aie.objectfifo<memref<524000xi8>>

    aie.objectfifo @small(%shim1, {%mem1}, 2 : i32) : !aie.objectfifo<memref<260000xi8>>

    aie.objectfifo @large(%shim2, {%mem2}, 2 : i32) : !aie.objectfifo<memref<400000xi8>>

    aie.objectfifo @small_out(%mem1, {%core1}, 2 : i32) : !aie.objectfifo<memref<260000xi8>>
    aie.objectfifo.link [@small] -> [@small_out]([] [])

    aie.objectfifo @large_out(%mem2, {%core2}, 2 : i32) : !aie.objectfifo<memref<400000xi8>>
    aie.objectfifo.link [@large] -> [@large_out]([] [])

    aie.objectfifo @block_out(%mem3, {%core3}, 1 : i32) : !aie.objectfifo<memref<524000xi8>>
    aie.objectfifo.link [@block] -> [@block_out]([] [])
  }
}
