"builtin.module"() ({
  "aie.device"() <{device = #aie.device<npu1>}> ({
    "func.func"() <{function_type = (memref<4000xi16>, memref<800xi16>, i32) -> (), sym_name = "mel_frames", sym_visibility = "private"}> ({
    }) : () -> ()
    %tile_0_0 = "aie.tile"() <{col = 0 : i32, row = 0 : i32}> : () -> (index)
    %tile_0_2 = "aie.tile"() <{col = 0 : i32, row = 2 : i32}> : () -> (index)
    "aie.objectfifo"(%tile_0_0, %tile_0_2) <{sym_name = "in0", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<4000xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_2, %tile_0_0) <{sym_name = "out0", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<800xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    %core_0_2 = "aie.core"(%tile_0_2) <{link_with = "mel.o", stack_size = 1024 : i32}> ({
      %c0 = "arith.constant"() <{value = 0 : index}> : () -> (index)
      %c1 = "arith.constant"() <{value = 1 : index}> : () -> (index)
      %c_endless = "arith.constant"() <{value = 9223372036854775807 : index}> : () -> (index)
      %frames_10 = "arith.constant"() <{value = 10 : i32}> : () -> (i32)
      "scf.for"(%c0, %c_endless, %c1) ({
      ^bb0(%i: index):
        %sub_in0 = "aie.objectfifo.acquire"() <{objFifo_name = @in0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<4000xi16>>)
        %buf_in0 = "aie.objectfifo.subview.access"(%sub_in0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<4000xi16>>) -> (memref<4000xi16>)
        %sub_out0 = "aie.objectfifo.acquire"() <{objFifo_name = @out0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<800xi16>>)
        %buf_out0 = "aie.objectfifo.subview.access"(%sub_out0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<800xi16>>) -> (memref<800xi16>)
        "func.call"(%buf_in0, %buf_out0, %frames_10) <{callee = @mel_frames}> : (memref<4000xi16>, memref<800xi16>, i32) -> ()
        "aie.objectfifo.release"() <{objFifo_name = @in0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> ()
        "aie.objectfifo.release"() <{objFifo_name = @out0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      "aie.end"() : () -> ()
    }) : (index) -> (index)
    "aiex.runtime_sequence"() ({
    ^bb0(%in_host: memref<4000xi16>, %out_host: memref<800xi16>):
      "aiex.npu.dma_memcpy_nd"(%out_host) <{static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 800>, static_strides = array<i64: 0, 0, 0, 1>, id = 0 : i64, issue_token = true, metadata = @out0}> : (memref<800xi16>) -> ()
      "aiex.npu.dma_memcpy_nd"(%in_host) <{static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 4000>, static_strides = array<i64: 0, 0, 0, 1>, id = 1 : i64, metadata = @in0}> : (memref<4000xi16>) -> ()
      "aiex.npu.dma_wait"() <{symbol = @out0}> : () -> ()
    }) : () -> ()
  }) : () -> ()
}) : () -> ()
