// from Xilinx/mlir-aie test/objectFifo-stateful-transform/base/base_test_AIE2.mlir @ 0548b3a038c7c919f095eb34a0183253732ceb92 (RUN: aie-opt --aie-objectFifo-stateful-transform="dynamic-objFifos=false")
module @elementGenerationAIE2 {
 aie.device(xcve2302) {
    %tile12 = aie.tile(1, 2)
    %tile13 = aie.tile(1, 3)
    %tile33 = aie.tile(3, 3)

    // shared memory: (1,3) reaches its south neighbour (1,2)
    aie.objectfifo @of0 (%tile12, {%tile13}, 4 : i32) : !aie.objectfifo<memref<16xi32>>

    // not adjacent: DMA; no cores, so no acquire counts to derive depths from
    aie.objectfifo @of1 (%tile12, {%tile33}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
 }
}
