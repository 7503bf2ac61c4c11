// Hand-written locks: core (0,2) takes lock a before it gives b, core (0,3) takes b before it
// gives a; both start at 0, so each waits for the other. No runtime sequence is needed to see it.
module {
  aie.device(npu1) {
    %tile_0_2 = aie.tile(0, 2)
    %tile_0_3 = aie.tile(0, 3)
    %buf = aie.buffer(%tile_0_2) {sym_name = "buf"} : memref<64xi32>
    %lock_a = aie.lock(%tile_0_2, 0) {init = 0 : i32, sym_name = "lock_a"}
    %lock_b = aie.lock(%tile_0_2, 1) {init = 0 : i32, sym_name = "lock_b"}
    %core_0_2 = aie.core(%tile_0_2) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c_endless = arith.constant 4294967295 : index
      scf.for %i = %c0 to %c_endless step %c1 {
        aie.use_lock(%lock_a, AcquireGreaterEqual, 1)
        aie.use_lock(%lock_b, Release, 1)
      }
      aie.end
    }
    %core_0_3 = aie.core(%tile_0_3) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c_endless = arith.constant 4294967295 : index
      scf.for %i = %c0 to %c_endless step %c1 {
        aie.use_lock(%lock_b, AcquireGreaterEqual, 1)
        aie.use_lock(%lock_a, Release, 1)
      }
      aie.end
    }
  }
}
