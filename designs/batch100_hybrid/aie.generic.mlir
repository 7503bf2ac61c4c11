"builtin.module"() ({
  "aie.device"() <{device = #aie.device<npu1>}> ({
    "func.func"() <{function_type = (memref<4000xi16>, memref<2010xi32>, i32) -> (), sym_name = "mel_spectrum", sym_visibility = "private"}> ({
    }) : () -> ()
    "func.func"() <{function_type = (memref<2010xi32>, memref<800xi16>, i32) -> (), sym_name = "mel_logmel", sym_visibility = "private"}> ({
    }) : () -> ()
    %tile_0_0 = "aie.tile"() <{col = 0 : i32, row = 0 : i32}> : () -> (index)
    %tile_0_1 = "aie.tile"() <{col = 0 : i32, row = 1 : i32}> : () -> (index)
    %tile_0_2 = "aie.tile"() <{col = 0 : i32, row = 2 : i32}> : () -> (index)
    %tile_0_3 = "aie.tile"() <{col = 0 : i32, row = 3 : i32}> : () -> (index)
    %tile_0_4 = "aie.tile"() <{col = 0 : i32, row = 4 : i32}> : () -> (index)
    %tile_0_5 = "aie.tile"() <{col = 0 : i32, row = 5 : i32}> : () -> (index)
    "aie.objectfifo"(%tile_0_2, %tile_0_3) <{sym_name = "s0_0_0", elemNumber = 2 : i32, elemType = !aie.objectfifo<memref<2010xi32>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_4, %tile_0_5) <{sym_name = "s0_1_0", elemNumber = 2 : i32, elemType = !aie.objectfifo<memref<2010xi32>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_0, %tile_0_1) <{sym_name = "in0", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<8000xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_1, %tile_0_2) <{sym_name = "in0_0", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<4000xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_1, %tile_0_4) <{sym_name = "in0_1", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<4000xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_3, %tile_0_1) <{sym_name = "out0_0", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<800xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_5, %tile_0_1) <{sym_name = "out0_1", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<800xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo"(%tile_0_1, %tile_0_0) <{sym_name = "out0", elemNumber = [2 : i32, 2 : i32], elemType = !aie.objectfifo<memref<1600xi16>>, operandSegmentSizes = array<i32: 1, 1>}> : (index, index) -> ()
    "aie.objectfifo.link"() <{fifoIns = [@in0], fifoOuts = [@in0_0, @in0_1], src_offsets = [], dst_offsets = [0 : i64, 4000 : i64]}> : () -> ()
    "aie.objectfifo.link"() <{fifoIns = [@out0_0, @out0_1], fifoOuts = [@out0], src_offsets = [0 : i64, 800 : i64], dst_offsets = []}> : () -> ()
    %core_0_2 = "aie.core"(%tile_0_2) <{link_with = "mel.o", stack_size = 1024 : i32}> ({
      %c0 = "arith.constant"() <{value = 0 : index}> : () -> (index)
      %c1 = "arith.constant"() <{value = 1 : index}> : () -> (index)
      %c_endless = "arith.constant"() <{value = 9223372036854775807 : index}> : () -> (index)
      %c5 = "arith.constant"() <{value = 5 : index}> : () -> (index)
      %frames_10 = "arith.constant"() <{value = 10 : i32}> : () -> (i32)
      "scf.for"(%c0, %c_endless, %c1) ({
      ^bb0(%i: index):
        "scf.for"(%c0, %c5, %c1) ({
        ^bb0(%j: index):
          %sub_in0_0 = "aie.objectfifo.acquire"() <{objFifo_name = @in0_0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<4000xi16>>)
          %buf_in0_0 = "aie.objectfifo.subview.access"(%sub_in0_0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<4000xi16>>) -> (memref<4000xi16>)
          %sub_s0_0_0 = "aie.objectfifo.acquire"() <{objFifo_name = @s0_0_0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<2010xi32>>)
          %buf_s0_0_0 = "aie.objectfifo.subview.access"(%sub_s0_0_0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<2010xi32>>) -> (memref<2010xi32>)
          "func.call"(%buf_in0_0, %buf_s0_0_0, %frames_10) <{callee = @mel_spectrum}> : (memref<4000xi16>, memref<2010xi32>, i32) -> ()
          "aie.objectfifo.release"() <{objFifo_name = @in0_0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> ()
          "aie.objectfifo.release"() <{objFifo_name = @s0_0_0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      "aie.end"() : () -> ()
    }) : (index) -> (index)
    %core_0_3 = "aie.core"(%tile_0_3) <{link_with = "mel.o", stack_size = 1024 : i32}> ({
      %c0 = "arith.constant"() <{value = 0 : index}> : () -> (index)
      %c1 = "arith.constant"() <{value = 1 : index}> : () -> (index)
      %c_endless = "arith.constant"() <{value = 9223372036854775807 : index}> : () -> (index)
      %c5 = "arith.constant"() <{value = 5 : index}> : () -> (index)
      %frames_10 = "arith.constant"() <{value = 10 : i32}> : () -> (i32)
      "scf.for"(%c0, %c_endless, %c1) ({
      ^bb0(%i: index):
        "scf.for"(%c0, %c5, %c1) ({
        ^bb0(%j: index):
          %sub_s0_0_0 = "aie.objectfifo.acquire"() <{objFifo_name = @s0_0_0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<2010xi32>>)
          %buf_s0_0_0 = "aie.objectfifo.subview.access"(%sub_s0_0_0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<2010xi32>>) -> (memref<2010xi32>)
          %sub_out0_0 = "aie.objectfifo.acquire"() <{objFifo_name = @out0_0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<800xi16>>)
          %buf_out0_0 = "aie.objectfifo.subview.access"(%sub_out0_0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<800xi16>>) -> (memref<800xi16>)
          "func.call"(%buf_s0_0_0, %buf_out0_0, %frames_10) <{callee = @mel_logmel}> : (memref<2010xi32>, memref<800xi16>, i32) -> ()
          "aie.objectfifo.release"() <{objFifo_name = @s0_0_0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> ()
          "aie.objectfifo.release"() <{objFifo_name = @out0_0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      "aie.end"() : () -> ()
    }) : (index) -> (index)
    %core_0_4 = "aie.core"(%tile_0_4) <{link_with = "mel.o", stack_size = 1024 : i32}> ({
      %c0 = "arith.constant"() <{value = 0 : index}> : () -> (index)
      %c1 = "arith.constant"() <{value = 1 : index}> : () -> (index)
      %c_endless = "arith.constant"() <{value = 9223372036854775807 : index}> : () -> (index)
      %c5 = "arith.constant"() <{value = 5 : index}> : () -> (index)
      %frames_10 = "arith.constant"() <{value = 10 : i32}> : () -> (i32)
      "scf.for"(%c0, %c_endless, %c1) ({
      ^bb0(%i: index):
        "scf.for"(%c0, %c5, %c1) ({
        ^bb0(%j: index):
          %sub_in0_1 = "aie.objectfifo.acquire"() <{objFifo_name = @in0_1, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<4000xi16>>)
          %buf_in0_1 = "aie.objectfifo.subview.access"(%sub_in0_1) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<4000xi16>>) -> (memref<4000xi16>)
          %sub_s0_1_0 = "aie.objectfifo.acquire"() <{objFifo_name = @s0_1_0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<2010xi32>>)
          %buf_s0_1_0 = "aie.objectfifo.subview.access"(%sub_s0_1_0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<2010xi32>>) -> (memref<2010xi32>)
          "func.call"(%buf_in0_1, %buf_s0_1_0, %frames_10) <{callee = @mel_spectrum}> : (memref<4000xi16>, memref<2010xi32>, i32) -> ()
          "aie.objectfifo.release"() <{objFifo_name = @in0_1, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> ()
          "aie.objectfifo.release"() <{objFifo_name = @s0_1_0, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      "aie.end"() : () -> ()
    }) : (index) -> (index)
    %core_0_5 = "aie.core"(%tile_0_5) <{link_with = "mel.o", stack_size = 1024 : i32}> ({
      %c0 = "arith.constant"() <{value = 0 : index}> : () -> (index)
      %c1 = "arith.constant"() <{value = 1 : index}> : () -> (index)
      %c_endless = "arith.constant"() <{value = 9223372036854775807 : index}> : () -> (index)
      %c5 = "arith.constant"() <{value = 5 : index}> : () -> (index)
      %frames_10 = "arith.constant"() <{value = 10 : i32}> : () -> (i32)
      "scf.for"(%c0, %c_endless, %c1) ({
      ^bb0(%i: index):
        "scf.for"(%c0, %c5, %c1) ({
        ^bb0(%j: index):
          %sub_s0_1_0 = "aie.objectfifo.acquire"() <{objFifo_name = @s0_1_0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<2010xi32>>)
          %buf_s0_1_0 = "aie.objectfifo.subview.access"(%sub_s0_1_0) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<2010xi32>>) -> (memref<2010xi32>)
          %sub_out0_1 = "aie.objectfifo.acquire"() <{objFifo_name = @out0_1, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> (!aie.objectfifosubview<memref<800xi16>>)
          %buf_out0_1 = "aie.objectfifo.subview.access"(%sub_out0_1) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<800xi16>>) -> (memref<800xi16>)
          "func.call"(%buf_s0_1_0, %buf_out0_1, %frames_10) <{callee = @mel_logmel}> : (memref<2010xi32>, memref<800xi16>, i32) -> ()
          "aie.objectfifo.release"() <{objFifo_name = @s0_1_0, port = #aie.objectfifo_port<Consume>, size = 1 : i32}> : () -> ()
          "aie.objectfifo.release"() <{objFifo_name = @out0_1, port = #aie.objectfifo_port<Produce>, size = 1 : i32}> : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      "aie.end"() : () -> ()
    }) : (index) -> (index)
    "aiex.runtime_sequence"() ({
    ^bb0(%in_host: memref<40000xi16>, %out_host: memref<8000xi16>):
      "aiex.npu.dma_memcpy_nd"(%out_host) <{static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 8000>, static_strides = array<i64: 0, 0, 0, 1>, id = 0 : i64, issue_token = true, metadata = @out0}> : (memref<8000xi16>) -> ()
      "aiex.npu.dma_memcpy_nd"(%in_host) <{static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 40000>, static_strides = array<i64: 0, 0, 0, 1>, id = 1 : i64, metadata = @in0}> : (memref<40000xi16>) -> ()
      "aiex.npu.dma_wait"() <{symbol = @out0}> : () -> ()
    }) : () -> ()
  }) : () -> ()
}) : () -> ()
