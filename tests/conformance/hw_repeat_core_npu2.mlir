// from Xilinx/mlir-aie test/objectFifo-stateful-transform/repeat_count/hw_repeat_optimization_test.mlir @ 08c556e32f4b42614013a5bc4b831999c3eff3b7 (RUN: aie-opt --aie-objectFifo-stateful-transform="dynamic-objFifos=false" --split-input-file)
// Trimmed: only the second of the five --split-input-file modules (@core_hw_repeat) is kept.
module @core_hw_repeat {
  aie.device(npu2) {
    %tile02 = aie.tile(0, 2)
    %tile03 = aie.tile(0, 3)

    aie.objectfifo @of1(%tile02, {%tile03}, 1 : i32) {repeat_count = 4 : i32} : !aie.objectfifo<memref<64xi32>>
  }
}
