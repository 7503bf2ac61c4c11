"""The aiex dialect on xDSL (partitioner.mlir.aiex): every op reads in mlir-aie's custom
form and in MLIR's generic form, prints back to the same text, and its verifier rejects
what mlir-aie's rejects, with mlir-aie's message.

Modules are parsed in a context of their own (builtin, func, memref, arith, scf, cf, aie,
aiex), with the real ``aie`` ops (device, tile, lock, dma_bd, shim_dma_allocation) the
sequences sit in or hold; one test reads the kept design's sequence through
partitioner.mlir.parse.
"""
from __future__ import annotations

import io

import pytest
from xdsl.context import Context
from xdsl.dialects.arith import Arith
from xdsl.dialects.builtin import Builtin, ModuleOp
from xdsl.dialects.cf import Cf
from xdsl.dialects.func import Func
from xdsl.dialects.memref import MemRef
from xdsl.dialects.scf import Scf
from xdsl.ir import Region, SSAValue
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import ParseError, VerifyException

from partitioner.mlir import aiex
from partitioner.mlir.aie import AIE
from partitioner.mlir.aiex import AIEX


def context() -> Context:
    ctx = Context()
    for dialect in (Builtin, Func, MemRef, Arith, Scf, Cf, AIE, AIEX):
        ctx.load_dialect(dialect)
    return ctx


def parse(text: str) -> ModuleOp:
    module = Parser(context(), text, "test.mlir").parse_module()
    module.verify()
    return module


def pretty(module: ModuleOp) -> str:
    out = io.StringIO()
    Printer(stream=out).print_op(module)
    return out.getvalue()


def generic(module: ModuleOp) -> str:
    out = io.StringIO()
    Printer(stream=out, print_generic_format=True).print_op(module)
    return out.getvalue()


def round_trips(text: str) -> tuple[str, str]:
    """Parse; print pretty and generic; both read back to the same pretty and generic text."""
    module = parse(text)
    p, g = pretty(module), generic(module)
    assert pretty(parse(p)) == p
    assert pretty(parse(g)) == p
    assert generic(parse(g)) == g
    return p, g


def rejected(text: str, message: str) -> None:
    with pytest.raises(VerifyException) as err:
        parse(text)
    assert message in str(err.value), str(err.value)


def in_sequence(body: str, args: str = "%a: memref<64xi32>", head: str = "") -> str:
    """A module holding one runtime sequence with ``body``."""
    return f"module {{\n{head}  aiex.runtime_sequence({args}) {{\n{body}\n  }}\n}}\n"


def in_device(body: str, args: str = "%a: memref<64xi32>", head: str = "") -> str:
    return (f"module {{\n  aie.device(npu1) {{\n{head}    aiex.runtime_sequence({args}) {{\n{body}\n"
            "    }\n  }\n}\n")


def ops_of(module: ModuleOp, name: str) -> list:
    return [op for op in module.walk() if op.name == name]


# --- aiex.runtime_sequence ------------------------------------------------------------------

def test_runtime_sequence_pretty_and_generic():
    p, g = round_trips(in_device("      aiex.npu.dma_wait {symbol = @out0}",
                                 head="    aie.shim_dma_allocation @out0(S2MM, 0, 0)\n"))
    assert "aiex.runtime_sequence(%a: memref<64xi32>) {" in p
    assert '"aiex.runtime_sequence"() ({\n    ^bb0(%a: memref<64xi32>):' in g
    named, _ = round_trips("module {\n  aiex.runtime_sequence @seq(%x: memref<8xi32>, %y: memref<8xi32>) {\n  }\n}\n")
    assert "aiex.runtime_sequence @seq(%x: memref<8xi32>, %y: memref<8xi32>) {" in named
    seq = ops_of(parse(named), "aiex.runtime_sequence")[0]
    assert seq.sequence_name == "seq" and [str(a.type) for a in seq.args] == ["memref<8xi32>"] * 2
    # the default name is left out, as mlir-aie's printer does
    default, _ = round_trips('module {\n  aiex.runtime_sequence @sequence() {\n  }\n}\n')
    assert "aiex.runtime_sequence() {" in default


def test_runtime_sequence_needs_a_device_parent():
    rejected("module {\n  func.func @f() {\n    aiex.runtime_sequence() {\n    }\n    func.return\n  }\n}\n",
             "'aiex.runtime_sequence' op expects parent op 'aie.device'")


# --- aiex.npu.dma_memcpy_nd -----------------------------------------------------------------

def test_dma_memcpy_nd_static_dynamic_packet():
    body = """\
    %c0 = arith.constant 0 : i64
    %c1 = arith.constant 1 : i64
    %c64 = arith.constant 64 : i64
    aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 64][0, 0, 0, 1]) {id = 0 : i64, metadata = @in0, issue_token = true} : memref<64xi32>
    aiex.npu.dma_memcpy_nd(%a[%c0, 0, 0, 0][1, 1, 2, %c64][0, 0, 64, %c1], packet = <pkt_type = 2, pkt_id = 31>) {metadata = @in0, id = 1 : i64, burst_length = 256 : i64, issue_token = false} : memref<64xi32>"""
    p, g = round_trips(in_sequence(body, "%a: memref<64xi32>"))
    # sorted attr-dict, default values (issue_token = false) left out, no space before the lists
    assert ("aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 64][0, 0, 0, 1]) "
            "{id = 0 : i64, issue_token = true, metadata = @in0} : memref<64xi32>") in p
    assert ("aiex.npu.dma_memcpy_nd(%a[%c0, 0, 0, 0][1, 1, 2, %c64][0, 0, 64, %c1], "
            "packet = <pkt_type = 2, pkt_id = 31>) {burst_length = 256 : i64, id = 1 : i64, "
            "metadata = @in0} : memref<64xi32>") in p
    assert "operandSegmentSizes = array<i32: 1, 1, 1, 1>" in g
    assert "packet = #aie.packet_info<pkt_type = 2, pkt_id = 31>" in g
    assert "static_sizes = array<i64: 1, 1, 2, -9223372036854775808>" in g
    first, second = ops_of(parse(p), "aiex.npu.dma_memcpy_nd")
    assert first.constant_pattern() == ([0, 0, 0, 0], [1, 1, 1, 64], [0, 0, 0, 1]) and first.is_linear()
    assert second.constant_pattern() == ([0, 0, 0, 0], [1, 1, 2, 64], [0, 0, 64, 1])
    assert not second.is_linear()


def test_dma_memcpy_nd_unranked_memref():
    p, _ = round_trips(in_sequence("    aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 64][0, 0, 0, 1]) "
                                   "{id = 0 : i64, metadata = @in0} : memref<*xi32>", "%a: memref<*xi32>"))
    assert ": memref<*xi32>" in p


def test_dma_memcpy_nd_generic_without_segment_sizes():
    """npu-tiler's aie.generic.mlir has no operandSegmentSizes: they follow from the static arrays."""
    text = """\
"builtin.module"() ({
  "aiex.runtime_sequence"() ({
  ^bb0(%a: memref<64xi32>):
    "aiex.npu.dma_memcpy_nd"(%a) <{static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 64>, static_strides = array<i64: 0, 0, 0, 1>, id = 0 : i64, metadata = @in0}> : (memref<64xi32>) -> ()
  }) : () -> ()
}) : () -> ()
"""
    module = parse(text)
    assert "operandSegmentSizes = array<i32: 1, 0, 0, 0>" in generic(module)
    assert "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 64][0, 0, 0, 1]) {id = 0 : i64, metadata = @in0}" in pretty(module)


I32_SEQ = "%a: memref<1920x1080xi32>"


@pytest.mark.parametrize("args, op, message", [
    # test/dialect/AIEX/bad_npu_nd.mlir's cases, written afresh
    (I32_SEQ, "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1080, 1920][0, 0, 1920, 1])",
     "Size 0 exceeds the [0:1023] range."),
    ("%a: memref<128x4x2x8xi32>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][128, 2, 2, 8][0, 16, 8, 1])",
     "Size 3 exceeds the [1:64] range."),
    ("%a: memref<8388608xi32>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 2, 2][0, 0, 2097152, 1])",
     "Stride 1 exceeds the [1:1048576] range."),
    ("%a: memref<8xi32>", "aiex.npu.dma_memcpy_nd(%a[1, 0, 0, 0][2, 1, 1, 2][1572864, 0, 0, 1])",
     "Stride 3 exceeds the [1:1048576] range."),
    ("%a: memref<8xi8>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 1][1, 1, 1, 8][0, 0, 1, 1])",
     "Offset must be 4-byte-aligned."),
    ("%a: memref<8xi8>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 8][0, 0, 2, 1])",
     "Stride 1 is 2 elements * 1 bytes = 2 bytes, which is not divisible by 4. "),
    ("%a: memref<8xi8>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 8][0, 0, 0, 2])",
     "Stride 0 is 2 elements * 1 bytes = 2 bytes, which is not divisible by 4. "),
    ("%a: memref<8xi16>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 3][0, 0, 0, 1])",
     "Transfer sizes must be multiples of 4 bytes. 3 elements at 2 bytes each equal 6 bytes, "
     "which is not divisible by 4. "),
    ("%a: memref<8xi16>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 2, 2048][0, 0, 4, 1])",
     "Size 0 exceeds the [0:1023] range."),
    ("%a: memref<8xi32>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 0, 1, 8][0, 0, 0, 1])",
     "Size 2 must be a positive integer."),
    ("%a: memref<8xi32>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 2, 8][0, 0, 0, 1])",
     "Stride 1 must be a positive integer."),
    ("%a: memref<8xi32>",
     "aiex.npu.dma_memcpy_nd(%a[1, 0, 0, 0][2, 1, 1, 2][0, 0, 0, 1], packet = <pkt_type = 2, pkt_id = 32>)",
     "Packet ID field can only hold 5 bits."),
    ("%a: memref<8xi32>",
     "aiex.npu.dma_memcpy_nd(%a[1, 0, 0, 0][2, 1, 1, 2][0, 0, 0, 1], packet = <pkt_type = 8, pkt_id = 2>)",
     "Packet type field can only hold 3 bits."),
    ("%a: memref<8xi32>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 8][0, 0, 0, 1]) {burst_length = 100 : i64}",
     "Requested burst length is not supported by the target. Supported burst lengths: 64 128 256"),
    ("%a: memref<8xi64>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 8][0, 0, 0, 1])",
     "Maximum element bit width allowed is 32bits. "),
    ("%a: memref<1xi16>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 1][0, 0, 0, 1])",
     "Minimum data transfer size required is 32bits. "),
    ("%a: memref<8xi32>", "aiex.npu.dma_memcpy_nd(%a[0, 0, 0][1, 1, 8][0, 0, 1])",
     "attribute 'static_offsets' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements"),
])
def test_dma_memcpy_nd_rejects_what_mlir_aie_rejects(args, op, message):
    memref = args.split(": ")[1]
    line = f"    {op} {{metadata = @of, id = 0 : i64}} : {memref}" if "{" not in op else \
        f"    {op.replace('{', '{metadata = @of, id = 0 : i64, ')} : {memref}"
    rejected(in_sequence(line, args), f"'aiex.npu.dma_memcpy_nd' op {message}")


def test_dma_memcpy_nd_i8_sizes_count_in_words():
    """2048 i8 elements are 512 words: within the 10-bit wrap (bad_npu_nd.mlir's passing case)."""
    parse(in_sequence("    aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 2, 2048][0, 0, 4, 1]) "
                      "{id = 0 : i64, metadata = @of} : memref<8xi8>", "%a: memref<8xi8>"))


def test_dma_memcpy_nd_dynamic_counts_must_match():
    text = """\
"builtin.module"() ({
  "aiex.runtime_sequence"() ({
  ^bb0(%a: memref<64xi32>):
    "aiex.npu.dma_memcpy_nd"(%a) <{static_offsets = array<i64: -9223372036854775808, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 64>, static_strides = array<i64: 0, 0, 0, 1>, id = 0 : i64, metadata = @in0, operandSegmentSizes = array<i32: 1, 0, 0, 0>}> : (memref<64xi32>) -> ()
  }) : () -> ()
}) : () -> ()
"""
    rejected(text, "'aiex.npu.dma_memcpy_nd' op expected 1 dynamic offset values")


# --- aiex.npu.dma_wait ----------------------------------------------------------------------

def test_dma_wait():
    p, g = round_trips(in_device("      aiex.npu.dma_wait {symbol = @out0}",
                                 head="    aie.shim_dma_allocation @out0(S2MM, 0, 0)\n"))
    assert "aiex.npu.dma_wait {symbol = @out0}" in p
    assert '"aiex.npu.dma_wait"() <{symbol = @out0}> : () -> ()' in g
    round_trips(in_sequence("    aiex.npu.dma_wait {symbol = @anywhere}"))  # no device: not looked up
    rejected(in_device("      aiex.npu.dma_wait {symbol = @out0}"),
             "'aiex.npu.dma_wait' op couldn't find symbol in parent device")


# --- register writes: the v1.x attribute form and the SSA form of mlir-aie main -------------------

CONSTANTS = """\
    %addr = arith.constant 119300 : i32
    %val = arith.constant 7 : i32
    %mask = arith.constant 255 : i32
"""


def test_write32_both_forms():
    p, g = round_trips(in_sequence(CONSTANTS + """\
    aiex.npu.write32 {value = 1 : ui32, address = 432 : ui32}
    aiex.npu.write32 {address = 213068 : ui32, column = 0 : i32, row = 0 : i32, value = 127 : ui32}
    aiex.npu.write32(%addr, %val) {buffer = @buf} : i32, i32"""))
    assert "aiex.npu.write32 {address = 432 : ui32, value = 1 : ui32}" in p
    assert "aiex.npu.write32(%addr, %val) {buffer = @buf} : i32, i32" in p
    assert '"aiex.npu.write32"(%addr, %val) <{buffer = @buf}> : (i32, i32) -> ()' in g
    legacy, ssa = ops_of(parse(p), "aiex.npu.write32")[0], ops_of(parse(p), "aiex.npu.write32")[2]
    assert legacy.values() == {"address": 432, "value": 1}
    assert all(isinstance(v, SSAValue) for v in ssa.values().values())


def test_write32_rejects_half_forms():
    rejected(in_sequence("    aiex.npu.write32 {address = 432 : ui32}"),
             "'aiex.npu.write32' op requires attribute 'value'")
    one_operand = """\
"builtin.module"() ({
  "aiex.runtime_sequence"() ({
  ^bb0(%a: memref<64xi32>):
    %v = "arith.constant"() <{value = 7 : i32}> : () -> i32
    "aiex.npu.write32"(%v) : (i32) -> ()
  }) : () -> ()
}) : () -> ()
"""
    rejected(one_operand, "'aiex.npu.write32' op dynamic operands must be provided together (all or none)")


def test_maskwrite32_both_forms():
    p, _ = round_trips(in_sequence(CONSTANTS + """\
    aiex.npu.maskwrite32 {address = 4 : ui32, mask = 255 : ui32, value = 1 : ui32}
    aiex.npu.maskwrite32(%addr, %val, %mask) {column = 0 : i32, row = 2 : i32} : i32, i32, i32"""))
    assert "aiex.npu.maskwrite32(%addr, %val, %mask) {column = 0 : i32, row = 2 : i32} : i32, i32, i32" in p
    rejected(in_sequence("    aiex.npu.maskwrite32 {address = 4 : i32, mask = 255 : ui32, value = 1 : ui32}"),
             "Expected attribute ui32 but got i32")  # address is a UI32Attr (xDSL's message)


def test_sync_both_forms():
    p, g = round_trips(in_sequence(CONSTANTS + """\
    aiex.npu.sync {channel = 0 : i32, column = 0 : i32, column_num = 1 : i32, direction = 0 : i32, row = 0 : i32, row_num = 1 : i32}
    aiex.npu.sync(%val, %val, %val, %val, %val, %val) : i32, i32, i32, i32, i32, i32"""))
    assert '"aiex.npu.sync"(%val, %val, %val, %val, %val, %val) : (i32, i32, i32, i32, i32, i32) -> ()' in g
    with pytest.raises(ParseError, match="expected 6 operands, got 2"):
        parse(in_sequence(CONSTANTS + "    aiex.npu.sync(%val, %val) : i32, i32"))
    rejected(in_sequence("    aiex.npu.sync {channel = 0 : i32, column = 0 : i32}"),
             "'aiex.npu.sync' op requires attribute 'row'")


def test_blockwrite():
    p, g = round_trips(in_sequence("""\
    %d = memref.alloc() : memref<8xi32>
    aiex.npu.blockwrite(%d) {address = 119300 : ui32, column = 0 : i32, row = 2 : i32} : memref<8xi32>"""))
    assert "aiex.npu.blockwrite(%d) {address = 119300 : ui32, column = 0 : i32, row = 2 : i32} : memref<8xi32>" in p
    rejected(in_sequence("    %d = memref.alloc() : memref<8xi32>\n    aiex.npu.blockwrite(%d) : memref<8xi32>"),
             "property 'address' expected")


def test_rtp_write_all_forms():
    p, g = round_trips(in_sequence(CONSTANTS + """\
    aiex.npu.rtp_write(@rtp, 0, 50)
    aiex.npu.rtp_write(@rtp, 1 : ui32, 42 : i32)
    aiex.npu.rtp_write(@rtp, 2, %val) : i32"""))
    assert "aiex.npu.rtp_write(@rtp, 0, 50)\n" in p and "aiex.npu.rtp_write(@rtp, 1, 42)\n" in p
    assert "aiex.npu.rtp_write(@rtp, 2, %val) : i32" in p
    assert '"aiex.npu.rtp_write"() <{buffer = @rtp, index = 0 : ui32, value = 50 : i32}> : () -> ()' in g
    # AIEXDialect.cpp 0155ebd7's order, the type before the attr-dict, reads too
    parse(in_sequence(CONSTANTS + "    aiex.npu.rtp_write(@rtp, 2, %val) : i32 {tag}"))
    both = """\
"builtin.module"() ({
  "aiex.runtime_sequence"() ({
    %v = "arith.constant"() <{value = 7 : i32}> : () -> i32
    "aiex.npu.rtp_write"(%v) <{buffer = @rtp, index = 0 : ui32, value = 1 : i32}> : (i32) -> ()
  }) : () -> ()
}) : () -> ()
"""
    rejected(both, "'aiex.npu.rtp_write' op exactly one of 'value' (static) or 'dyn_value' (dynamic) must be provided")


def test_address_patch_both_forms():
    p, g = round_trips(in_sequence(CONSTANTS + """\
    aiex.npu.address_patch {addr = 123 : ui32, arg_idx = 3 : i32, arg_plus = 0 : i32}
    aiex.npu.address_patch(%val : i32) {addr = 119300 : ui32, arg_idx = 0 : i32}
    aiex.npu.address_patch(%val : i32) addr %addr : i32 {addr = 0 : ui32, arg_idx = 1 : i32}"""))
    assert "aiex.npu.address_patch {addr = 123 : ui32, arg_idx = 3 : i32, arg_plus = 0 : i32}" in p
    assert "aiex.npu.address_patch(%val : i32) addr %addr : i32 {addr = 0 : ui32, arg_idx = 1 : i32}" in p
    assert '"aiex.npu.address_patch"(%val, %addr) <{addr = 0 : ui32, arg_idx = 1 : i32}> : (i32, i32) -> ()' in g
    rejected(in_sequence(CONSTANTS + "    aiex.npu.address_patch(%val : i32) {addr = 1 : ui32, arg_idx = 0 : i32, arg_plus = 0 : i32}"),
             "'aiex.npu.address_patch' op needs arg_plus as an attribute (v1.x) or as an operand, not both")


def test_push_queue_both_forms():
    p, g = round_trips(in_sequence(CONSTANTS + """\
    aiex.npu.push_queue(0, 0, MM2S : 0) {bd_id = 3 : i32, issue_token = true, repeat_count = 0 : i32}
    aiex.npu.push_queue(0, 0, S2MM : 1) bd_id %val repeat %mask {issue_token = false} : i32, i32"""))
    assert "aiex.npu.push_queue(0, 0, S2MM : 1) bd_id %val repeat %mask {issue_token = false} : i32, i32" in p
    assert "direction = 1 : i32" in g  # MM2S: DMAChannelDir is an i32 integer
    rejected(in_sequence("    aiex.npu.push_queue(0, 0, MM2S : 0) {bd_id = 0 : i32, issue_token = false, repeat_count = 256 : i32}"),
             "'aiex.npu.push_queue' op Repeat count exceeds the [0:255] range.")
    rejected(in_sequence("    aiex.npu.push_queue(0, 0, MM2S : 0) {bd_id = 17 : i32, issue_token = false, repeat_count = 0 : i32}"),
             "'aiex.npu.push_queue' op BD ID exceeds the maximum ID.")


WRITEBD = {"bd_id": 1, "buffer_length": 32, "buffer_offset": 0, "column": 0, "d0_size": 8, "d0_stride": 0,
           "d1_size": 1, "d1_stride": 0, "d2_size": 0, "d2_stride": 0, "enable_packet": 0, "iteration_current": 0,
           "iteration_size": 0, "iteration_stride": 0, "lock_acq_enable": 0, "lock_acq_id": 0, "lock_acq_val": 0,
           "lock_rel_id": 0, "lock_rel_val": 0, "next_bd": 0, "out_of_order_id": 0, "packet_id": 0,
           "packet_type": 0, "row": 0, "use_next_bd": 0, "valid_bd": 1,
           **{f"d{d}_zero_{w}": 0 for d in range(3) for w in ("before", "after")}}


def writebd(**changes: int) -> str:
    fields = {**WRITEBD, **changes}
    return "    aiex.npu.writebd {" + ", ".join(f"{k} = {v} : i32" for k, v in sorted(fields.items())) + "}"


def test_writebd_preempt_load_pdi():
    p, _ = round_trips(in_sequence("\n".join([
        writebd(), "    aiex.npu.preempt {level = 2 : ui8}",
        "    aiex.npu.load_pdi {id = 1 : i32, address = 2 : ui64, size = 3 : i32}",
        "    aiex.npu.load_pdi {id = 0 : i32}"])))
    assert "aiex.npu.load_pdi {address = 2 : ui64, id = 1 : i32, size = 3 : i32}" in p
    assert "aiex.npu.load_pdi\n" in p  # id = 0 is the default, left out as MLIR does
    for change, message in [({"d1_size": 1024}, "D1 Size exceeds the [0:1023] range."),
                            ({"packet_id": 32}, "Packet ID exceeds the maximum supported by 5 bits."),
                            ({"d2_size": 2}, "ShimTile only supports 3 dimensions of sizes."),
                            ({"bd_id": 17}, "BD ID exceeds the maximum ID.")]:
        rejected(in_sequence(writebd(**change)), f"'aiex.npu.writebd' op {message}")


# --- DMA tasks ------------------------------------------------------------------------------

TASKS = """\
      %shim = aie.tile(0, 0)
      %c2 = arith.constant 2 : i32
      %c5 = arith.constant 5 : i32
      %t0 = aiex.dma_configure_task(%shim, MM2S, 0) {
        aie.dma_bd(%a : memref<64xi32>, 0, 64)
        aie.end
      } {issue_token = true}
      %t1 = aiex.dma_configure_task(%shim, S2MM, 1, <pkt_type = 0, pkt_id = 2>) repeat %c2 : i32 bd_id %c5 : i32 {
        aie.dma_bd(%a : memref<64xi32>, 0, 32) {bd_id = 5 : i32}
        cf.br ^bb1
      ^bb1:
        aie.dma_bd(%a : memref<64xi32>, 32, 32)
        aie.end
      }
      aiex.dma_start_task(%t0)
      aiex.dma_start_task(%t1)
      aiex.dma_await_task(%t0)
      aiex.dma_free_task(%t0)"""


def test_dma_configure_task_start_await_free():
    p, g = round_trips(in_device(TASKS))
    assert "%t0 = aiex.dma_configure_task(%shim, MM2S, 0) {\n" in p
    assert "} {issue_token = true}" in p
    assert ("%t1 = aiex.dma_configure_task(%shim, S2MM, 1, <pkt_type = 0, pkt_id = 2>) "
            "repeat %c2 : i32 bd_id %c5 : i32 {") in p
    assert "aiex.dma_start_task(%t0)\n" in p and "aiex.dma_await_task(%t0)\n" in p and "aiex.dma_free_task(%t0)\n" in p
    assert ('"aiex.dma_configure_task"(%shim, %c2, %c5) <{channel = 1 : i32, direction = 0 : i32, '
            'operandSegmentSizes = array<i32: 1, 1, 1>, packet = #aie.packet_info<pkt_type = 0, pkt_id = 2>}>') in g
    t1 = ops_of(parse(p), "aiex.dma_configure_task")[1]
    repeat, bd_id = t1.optional_values()
    assert repeat.name_hint == "c2" and bd_id.name_hint == "c5"


def test_dma_configure_task_v1_generic_form():
    """v1.x prints no operandSegmentSizes: one operand, the tile."""
    text = """\
"builtin.module"() ({
  "aiex.runtime_sequence"() ({
  ^bb0(%a: memref<64xi32>):
    %tile = "aie.tile"() <{col = 0 : i32, row = 0 : i32}> : () -> index
    %t = "aiex.dma_configure_task"(%tile) <{channel = 0 : i32, direction = 1 : i32}> ({
      "aie.dma_bd"(%a) <{len = 64 : i32, offset = 0 : i32}> : (memref<64xi32>) -> ()
      "aie.end"() : () -> ()
    }) : (index) -> index
    "aiex.dma_start_task"(%t) : (index) -> ()
  }) : () -> ()
}) : () -> ()
"""
    assert "%t = aiex.dma_configure_task(%tile, MM2S, 0) {" in pretty(parse(text))


def test_dma_configure_task_rejections():
    unchained = TASKS.replace("        cf.br ^bb1\n", "        aie.end\n")
    rejected(in_device(unchained), "Block ending in this terminator does not form a chain with entry block.")
    outside = """\
module {
  func.func @f(%tile: index, %a: memref<8xi32>) {
    %t = aiex.dma_configure_task(%tile, MM2S, 0) {
      aie.dma_bd(%a : memref<8xi32>, 0, 8)
      aie.end
    }
    func.return
  }
}
"""
    rejected(outside, "'aiex.dma_configure_task' op expects ancestor op 'aiex.runtime_sequence' or 'aie.runtime_sequence'")
    with pytest.raises(ParseError, match="expected DMA channel direction"):
        parse(in_device(TASKS.replace("MM2S, 0)", "SIDEWAYS, 0)")))


IRON_TASKS = """\
      %0 = aiex.dma_configure_task_for @in {
        aie.dma_bd(%arg0 : memref<4096xi32>, 0, 4096) {bd_id = 0 : i32}
        aie.end
      } {issue_token = true}
      aiex.dma_start_task(%0)
      %1 = aiex.dma_configure_task_for @out {
        aie.dma_bd(%arg1 : memref<4096xi32>, 0, 4096)
        aie.end
      } {issue_token = true, repeat_count = 3 : i32}
      aiex.dma_start_task(%1)
      %c3 = arith.constant 3 : i32
      %2 = aiex.dma_configure_task_for @out repeat %c3 : i32 {
        aie.dma_bd(%arg1 : memref<4096xi32>, 0, 4096)
        aie.end
      }
      aiex.dma_await_task(%1)
      aiex.dma_free_task(%0)"""


def test_dma_configure_task_for_as_iron_prints_it():
    p, g = round_trips(in_device(IRON_TASKS, "%arg0: memref<4096xi32>, %arg1: memref<4096xi32>"))
    assert "%0 = aiex.dma_configure_task_for @in {\n" in p and "} {issue_token = true}\n" in p
    assert "} {issue_token = true, repeat_count = 3 : i32}\n" in p
    assert "%2 = aiex.dma_configure_task_for @out repeat %c3 : i32 {\n" in p
    assert '"aiex.dma_configure_task_for"() <{alloc = @in, issue_token = true}> ({' in g
    outside = "module {\n  func.func @f(%t: index) {\n    aiex.dma_start_task(%t)\n    func.return\n  }\n}\n"
    rejected(outside, "'aiex.dma_start_task' op expects ancestor op 'aiex.runtime_sequence' or 'aie.runtime_sequence'")
    rejected(outside.replace("dma_start_task", "dma_await_task"), "'aiex.dma_await_task' op expects ancestor op")
    rejected(outside.replace("dma_start_task", "dma_free_task"), "'aiex.dma_free_task' op expects ancestor op")
    loose = ("module {\n  func.func @f(%a: memref<8xi32>) {\n    %0 = aiex.dma_configure_task_for @in {\n"
             "      aie.dma_bd(%a : memref<8xi32>, 0, 8)\n      aie.end\n    }\n    func.return\n  }\n}\n")
    rejected(loose, "'aiex.dma_configure_task_for' op expects ancestor op")


def test_tasks_inside_scf_for_have_the_sequence_as_ancestor():
    body = """\
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c4 = arith.constant 4 : index
      scf.for %i = %c0 to %c4 step %c1 {
        %t = aiex.dma_configure_task_for @in {
          aie.dma_bd(%a : memref<64xi32>, 0, 64)
          aie.end
        } {issue_token = true}
        aiex.dma_start_task(%t)
        aiex.dma_await_task(%t)
      }"""
    round_trips(in_device(body))


def test_sequence_of_mlir_aie_main():
    """IRON on mlir-aie main: aie.runtime_sequence, SSA rtp_write, set_lock, configure_task_for."""
    text = """\
module {
  aie.device(npu1) {
    %core = aie.tile(0, 2)
    %lock = aie.lock(%core, 0)
    aie.runtime_sequence(%arg0: memref<4096xi32>) {
      %c4096_i32 = arith.constant 4096 : i32
      aiex.npu.rtp_write(@rtp_0_2, 3, %c4096_i32) : i32
      aiex.set_lock(%lock, 1)
      %0 = aiex.dma_configure_task_for @inQ {
        aie.dma_bd(%arg0 : memref<4096xi32>, 0, 4096)
        aie.end
      } {issue_token = true}
      aiex.dma_start_task(%0)
      aiex.dma_await_task(%0)
    }
  }
}
"""
    p, _ = round_trips(text)
    assert "aiex.npu.rtp_write(@rtp_0_2, 3, %c4096_i32) : i32" in p


def test_dma_start_bd_chain():
    body = """\
      %core = aie.tile(0, 2)
      %t1 = aiex.dma_start_bd_chain @chain(%a) : (memref<64xi32>) on (%core, MM2S, 0) {issue_token = true}
      %t2 = aiex.dma_start_bd_chain_for @chain(%a) : (memref<64xi32>) for @alloc
      aiex.dma_await_task(%t1)"""
    p, g = round_trips(in_device(body))
    assert "%t1 = aiex.dma_start_bd_chain @chain(%a) : (memref<64xi32>) on (%core, MM2S, 0) {issue_token = true}" in p
    assert "%t2 = aiex.dma_start_bd_chain_for @chain(%a) : (memref<64xi32>) for @alloc" in p


def test_set_lock():
    body = """\
      %core = aie.tile(0, 2)
      %lock = aie.lock(%core, 0)
      aiex.set_lock(%lock, 1)
      aiex.set_lock(%lock, 63)"""
    p, g = round_trips(in_device(body))
    assert "aiex.set_lock(%lock, 1)\n" in p
    assert '"aiex.set_lock"(%lock) <{value = 63 : i32}> : (index) -> ()' in g
    rejected(in_device(body.replace("63)", "64)")), "'aiex.set_lock' op Lock value exceeds the maximum value of 63")


# --- types ----------------------------------------------------------------------------------

def test_block_float_type():
    p, _ = round_trips(in_sequence("    aiex.npu.dma_wait {symbol = @x}", '%a: memref<8x!aiex.bfp<"v8bfp16ebs8">>'))
    assert 'memref<8x!aiex.bfp<"v8bfp16ebs8">>' in p
    with pytest.raises(VerifyException, match="Invalid block type: v9. Known types are: v8bfp16ebs8, v16bfp16ebs16."):
        parse(in_sequence("", '%a: memref<8x!aiex.bfp<"v9">>'))
    # 72-bit blocks are wider than a DMA word, as mlir-aie's DataLayout size says
    rejected(in_sequence('    aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 8][0, 0, 0, 1]) {id = 0 : i64, metadata = @x} '
                         ': memref<8x!aiex.bfp<"v8bfp16ebs8">>', '%a: memref<8x!aiex.bfp<"v8bfp16ebs8">>'),
             "Maximum element bit width allowed is 32bits.")


# --- a kept design's sequence ---------------------------------------------------------------

# designs/batch100_split4/aie.mlir, its runtime sequence (the drain armed before the fill)
BATCH100_SPLIT4 = """\
module {
    aiex.runtime_sequence(%in_host: memref<40000xi16>, %out_host: memref<8000xi16>) {
      aiex.npu.dma_memcpy_nd(%out_host[0, 0, 0, 0][1, 1, 1, 8000][0, 0, 0, 1]) {id = 0 : i64, issue_token = true, metadata = @out0} : memref<8000xi16>
      aiex.npu.dma_memcpy_nd(%in_host[0, 0, 0, 0][1, 1, 1, 40000][0, 0, 0, 1]) {id = 1 : i64, metadata = @in0} : memref<40000xi16>
      aiex.npu.dma_wait {symbol = @out0}
    }
}
"""

# the same from designs/batch100_split4/aie.generic.mlir (no operandSegmentSizes)
BATCH100_SPLIT4_GENERIC = """\
"builtin.module"() ({
    "aiex.runtime_sequence"() ({
    ^bb0(%in_host: memref<40000xi16>, %out_host: memref<8000xi16>):
      "aiex.npu.dma_memcpy_nd"(%out_host) <{static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 8000>, static_strides = array<i64: 0, 0, 0, 1>, id = 0 : i64, issue_token = true, metadata = @out0}> : (memref<8000xi16>) -> ()
      "aiex.npu.dma_memcpy_nd"(%in_host) <{static_offsets = array<i64: 0, 0, 0, 0>, static_sizes = array<i64: 1, 1, 1, 40000>, static_strides = array<i64: 0, 0, 0, 1>, id = 1 : i64, metadata = @in0}> : (memref<40000xi16>) -> ()
      "aiex.npu.dma_wait"() <{symbol = @out0}> : () -> ()
    }) : () -> ()
}) : () -> ()
"""


def test_batch100_split4_sequence():
    p, g = round_trips(BATCH100_SPLIT4)
    lines = [line.strip() for line in BATCH100_SPLIT4.splitlines()[1:-1]]
    assert [line.strip() for line in p.splitlines()[1:-1]] == lines  # printed exactly as kept
    assert pretty(parse(BATCH100_SPLIT4_GENERIC)) == p
    out, fill = ops_of(parse(p), "aiex.npu.dma_memcpy_nd")
    assert (out.metadata.root_reference.data, bool(out.issue_token.value.data), out.is_linear()) == ("out0", True, True)
    assert (fill.metadata.root_reference.data, bool(fill.issue_token.value.data)) == ("in0", False)  # the default
    assert fill.constant_pattern()[1] == [1, 1, 1, 40000]


def test_batch100_split4_sequence_through_parse_module():
    parse_mod = pytest.importorskip("partitioner.mlir.parse", reason="partitioner/mlir/parse.py not written yet")
    if not hasattr(parse_mod, "parse_module"):
        pytest.skip("partitioner.mlir.parse has no parse_module yet")
    module = parse_mod.parse_module(BATCH100_SPLIT4, "batch100_split4.mlir")
    assert [op.name for op in ops_of(module, "aiex.npu.dma_memcpy_nd")] == ["aiex.npu.dma_memcpy_nd"] * 2
    assert pretty(module).count("aiex.npu.dma_wait {symbol = @out0}") == 1


def test_dialect_lists_every_op_once():
    names = [op.name for op in AIEX.operations]
    assert len(names) == len(set(names)) and {
        "aiex.runtime_sequence", "aiex.npu.dma_memcpy_nd", "aiex.npu.dma_wait", "aiex.npu.write32",
        "aiex.npu.rtp_write", "aiex.npu.sync", "aiex.npu.address_patch", "aiex.dma_configure_task",
        "aiex.dma_configure_task_for", "aiex.dma_start_task", "aiex.dma_await_task", "aiex.dma_free_task",
        "aiex.set_lock"} <= set(names)
    assert [a.name for a in AIEX.attributes] == ["aiex.bfp"]  # aie.packet_info is the aie dialect's


def test_built_op_prints_like_a_parsed_one():
    module = parse(in_sequence("", "%a: memref<64xi32>"))
    seq = ops_of(module, "aiex.runtime_sequence")[0]
    arg = seq.args[0]
    seq.body.blocks.first.add_op(aiex.NpuDmaMemcpyNdOp(arg, [0, 0, 0, 0], [1, 1, 1, 64], [0, 0, 0, 1],
                                                       metadata="in0", id=3, issue_token=True))
    seq.body.blocks.first.add_op(aiex.NpuDmaWaitOp("in0"))
    module.verify()
    text = pretty(module)
    assert ("aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 64][0, 0, 0, 1]) "
            "{id = 3 : i64, issue_token = true, metadata = @in0} : memref<64xi32>") in text
    assert pretty(parse(text)) == text


def test_region_is_parsed_by_the_context():
    """A region body holds whatever ops the context knows (here the stand-ins)."""
    module = parse(in_device(TASKS))
    task = ops_of(module, "aiex.dma_configure_task")[0]
    assert isinstance(task.body, Region) and [op.name for op in task.body.ops] == ["aie.dma_bd", "aie.end"]


# --- with the real aie dialect (partitioner.mlir.aie), once it reads these ops -------------------

REAL_AIE_SEQUENCE = """\
module {
  aie.device(npu1) {
    %shim = aie.tile(0, 0)
    %core = aie.tile(0, 2)
    aie.shim_dma_allocation @in(%shim, MM2S, 0)
    aie.runtime_sequence(%arg0: memref<64xi32>) {
      aiex.npu.dma_memcpy_nd(%arg0[0, 0, 0, 0][1, 1, 1, 64][0, 0, 0, 1], packet = <pkt_type = 0, pkt_id = 2>) {id = 0 : i64, metadata = @in} : memref<64xi32>
      %0 = aiex.dma_configure_task_for @in {
        BD
        aie.end
      } {issue_token = true}
      aiex.dma_start_task(%0)
      aiex.dma_await_task(%0)
      aiex.dma_free_task(%0)
    }
  }
}
"""


def real_aie_context() -> Context:
    try:
        from partitioner.mlir.aie import AIE
    except Exception as err:  # noqa: BLE001 - another module, being written
        pytest.skip(f"partitioner.mlir.aie does not import: {err}")
    names = {op.name for op in AIE.operations}
    needed = {"aie.device", "aie.tile", "aie.shim_dma_allocation", "aie.runtime_sequence", "aie.dma_bd", "aie.end"}
    if not needed <= names:
        pytest.skip(f"partitioner.mlir.aie has no {sorted(needed - names)} yet")
    ctx = Context()
    for dialect in (Builtin, Func, MemRef, Arith, Scf, Cf, AIE, AIEX):
        ctx.load_dialect(dialect)
    return ctx


def test_with_the_real_aie_dialect():
    ctx = real_aie_context()
    errors = []
    for bd in ("aie.dma_bd(%arg0 : memref<64xi32> offset = 0 len = 64)", "aie.dma_bd(%arg0 : memref<64xi32>, 0, 64)"):
        try:
            module = Parser(ctx, REAL_AIE_SEQUENCE.replace("BD", bd), "real.mlir").parse_module()
            module.verify()
        except (ParseError, VerifyException) as err:
            errors.append(f"{bd}: {err}")
            continue
        p = pretty(module)
        again = Parser(ctx, p, "again.mlir").parse_module()
        assert pretty(again) == p
        memcpy = ops_of(module, "aiex.npu.dma_memcpy_nd")[0]
        assert type(memcpy.packet).__module__ == "partitioner.mlir.aie"  # the context's class
        return
    pytest.fail("neither dma_bd form reads:\n" + "\n".join(errors))


# --- constructs of mlir-aie's test/npu-xrt designs (issue 20) ------------------------------------

RECONFIGURE = """\
module {
  aie.device(npu2) @main {
    aiex.runtime_sequence @sequence(%arg: memref<512xi32>) {
      aiex.configure @add_two {
        aiex.run @sequence(%arg) : (memref<512xi32>)
      }
    }
  }
  aie.device(npu2) @add_two {
    aiex.runtime_sequence @sequence(%a: memref<512xi32>) {
      aiex.npu.configure
    }
  }
}
"""


def test_configure_run_and_npu_configure():
    # test/npu-xrt/reconfigure/aie.mlir's shape; ctrl_packet_reconfig/aie2.mlir's bare npu.configure.
    p, g = round_trips(RECONFIGURE)
    assert "aiex.configure @add_two {\n        aiex.run @sequence(%arg) : (memref<512xi32>)\n      }" in p
    assert '"aiex.configure"() <{symbol = @add_two}> ({' in g
    assert '"aiex.run"(%arg) <{runtime_sequence_symbol = @sequence}> : (memref<512xi32>) -> ()' in g
    assert "aiex.npu.configure\n" in p and '"aiex.npu.configure"() : () -> ()' in g


def test_configure_names_a_device_of_the_same_type():
    # AIEXDialect.cpp ConfigureOp::verify / getReferencedDeviceOp.
    rejected(RECONFIGURE.replace("aiex.configure @add_two", "aiex.configure @nope"), "No such device: '@nope'")
    rejected(RECONFIGURE.replace("aie.device(npu2) @add_two", "aie.device(npu1) @add_two"),
             "Device types do not match: 'npu2' vs. 'npu1'")
    rejected(RECONFIGURE.replace("aiex.configure @add_two {\n        aiex.run @sequence(%arg) : (memref<512xi32>)\n"
                                 "      }", "aiex.run @sequence(%arg) : (memref<512xi32>)"),
             "expects parent op 'aiex.configure'")


def test_configure_finds_an_unnamed_device_as_main():
    # AIEOps.td @ 2741ca50 AIE_DeviceOp: sym_name DefaultValuedAttr "main"; an unnamed device is @main
    # (test/npu-xrt/ctrl_packet_reconfig_4x1_cores/aie2.mlir @ d16a7892 configures @main from itself).
    unnamed = RECONFIGURE.replace("aie.device(npu2) @main {", "aie.device(npu2) {").replace(
        "aiex.configure @add_two", "aiex.configure @main")
    configure = ops_of(parse(unnamed), "aiex.configure")[0]
    assert configure.referenced_device().sym_name is None
    # a named device is not @main: the lookup still fails, with mlir-aie's message
    rejected(unnamed.replace("aie.device(npu2) {", "aie.device(npu2) @first {"), "No such device: '@main'")


def test_arg_slice_as_reconfigure_writes_it():
    # test/npu-xrt/reconfigure/aie.mlir @ c995426c: `aiex.arg_slice %arg[0:4] : memref<512xi32> -> memref<4xi32>`
    text = RECONFIGURE.replace(
        "        aiex.run @sequence(%arg) : (memref<512xi32>)\n      }",
        "        %s = aiex.arg_slice %arg[4:8] : memref<512xi32> -> memref<4xi32>\n"
        "        aiex.run @sequence(%s) : (memref<4xi32>)\n      }").replace(
        "@sequence(%a: memref<512xi32>)", "@sequence(%a: memref<4xi32>)")
    p, g = round_trips(text)
    assert "%s = aiex.arg_slice %arg[4:8] : memref<512xi32> -> memref<4xi32>" in p
    assert '"aiex.arg_slice"(%arg) <{end = 8 : i64, start = 4 : i64}> : (memref<512xi32>) -> memref<4xi32>' in g


def test_core_and_dma_channel_reset():
    # test/npu-xrt/local_reset/{core_reset_op,dma_channel_reset_op}/aie.mlir.
    head = "    %t = aie.tile(0, 2)\n    %m = aie.tile(0, 1)\n    %s = aie.tile(0, 0)\n"
    body = ("      aiex.core_reset(%t)\n      aiex.dma_channel_reset(%t, S2MM, 0)\n"
            "      aiex.dma_channel_reset(%m, MM2S, 5)")
    p, g = round_trips(in_device(body, head=head))
    assert "aiex.core_reset(%t)" in p and "aiex.dma_channel_reset(%m, MM2S, 5)" in p
    assert '"aiex.dma_channel_reset"(%t) <{channel = 0 : i32, direction = 0 : i32}> : (index) -> ()' in g
    rejected(in_device("      aiex.core_reset(%m)", head=head), "is not a core tile")
    rejected(in_device("      aiex.dma_channel_reset(%s, S2MM, 0)", head=head), "is not a core or mem tile")
    rejected(in_device("      aiex.dma_channel_reset(%t, S2MM, 2)", head=head), "channel 2 out of range")


def test_bd_pool_pop_and_push():
    # AIEX.td @ 00d58b94 dma_bd_pool_pop / push (test/npu-xrt/dma_s2mm_ooo_shim_recv).
    p, g = round_trips(in_device("      %bd = aiex.dma_bd_pool_pop(0, 0) : i32\n"
                                 "      aiex.dma_bd_pool_push(0, 0) bd_id %bd : i32"))
    assert "%bd = aiex.dma_bd_pool_pop(0, 0) : i32" in p and "aiex.dma_bd_pool_push(0, 0) bd_id %bd : i32" in p
    assert '"aiex.dma_bd_pool_pop"() <{column = 0 : i32, row = 0 : i32}> : () -> i32' in g


WRITEBD_2024 = ("aiex.npu.writebd {bd_id = 0 : i32, buffer_length = 4096 : i32, buffer_offset = 0 : i32, "
                "column = 0 : i32, d0_size = 0 : i32, d0_stride = 0 : i32, d1_size = 0 : i32, d1_stride = 0 : i32, "
                "d2_stride = 0 : i32, enable_packet = 0 : i32, iteration_current = 0 : i32, iteration_size = 0 : i32, "
                "iteration_stride = 0 : i32, lock_acq_enable = 0 : i32, lock_acq_id = 0 : i32, lock_acq_val = 0 : i32, "
                "lock_rel_id = 0 : i32, lock_rel_val = 0 : i32, next_bd = 0 : i32, out_of_order_id = 0 : i32, "
                "packet_id = 0 : i32, packet_type = 0 : i32, row = 0 : i32, use_next_bd = 0 : i32, valid_bd = 1 : i32}")


def test_writebd_without_d2_size_and_padding():
    # test/npu-xrt/memtile_dmas/writebd/aie.mlir @ 5820db19: no d2_size, no d*_zero_* fields; kept as written.
    p, g = round_trips(in_device("      " + WRITEBD_2024))
    assert WRITEBD_2024 in p
    assert "d2_size" not in g and "d0_zero_before" not in g


def test_writebd_shimtile():
    # test/npu-xrt/matrix_multiplication_using_cascade/aie_plain.mlir @ 8ba1ac7f.
    op = ("aiex.npu.writebd_shimtile {bd_id = 12 : i32, buffer_length = 8192 : i32, buffer_offset = 1024 : i32, "
          "column = 0 : i32, column_num = 1 : i32, d0_size = 0 : i32, d0_stride = 0 : i32, d1_size = 0 : i32, "
          "d1_stride = 0 : i32, d2_stride = 0 : i32, ddr_id = 2 : i32, enable_packet = 1 : i32, "
          "iteration_current = 0 : i32, iteration_size = 0 : i32, iteration_stride = 0 : i32, "
          "lock_acq_enable = 0 : i32, lock_acq_id = 0 : i32, lock_acq_val = 0 : i32, lock_rel_id = 0 : i32, "
          "lock_rel_val = 0 : i32, next_bd = 0 : i32, out_of_order_id = 0 : i32, packet_id = 4 : i32, "
          "packet_type = 3 : i32, use_next_bd = 0 : i32, valid_bd = 1 : i32}")
    p, g = round_trips(in_device("      " + op))
    assert op in p and '"aiex.npu.writebd_shimtile"() <{bd_id = 12 : i32,' in g
    rejected(in_device("      " + op.replace("packet_id = 4", "packet_id = 40")), "Packet ID exceeds")


def test_rtp_write_2024_form():
    # test/npu-xrt/two_col/aie.mlir @ 42b6dad6: `(col, row, index, value) {buffer_sym_name = ..}`.
    p, g = round_trips(in_device('      aiex.npu.rtp_write(0, 2, 0, 50) {buffer_sym_name = "rtp0"}'))
    assert 'aiex.npu.rtp_write(0, 2, 0, 50) {buffer_sym_name = "rtp0"}' in p
    assert 'buffer_sym_name = "rtp0", col = 0 : i32, index = 0 : ui32, row = 2 : i32, value = 50 : i32' in g
    rejected(in_device("      aiex.npu.rtp_write(0, 2, 0, 50)"), "needs a buffer")


def test_buffer_clear():
    # test/npu-xrt/buffer_clear_op/aie.mlir (2026).
    head = "    %t = aie.tile(0, 2)\n"
    p, g = round_trips(in_device("      aiex.buffer_clear(%t, 0, 8)", head=head))
    assert "aiex.buffer_clear(%t, 0, 8)" in p
    assert '"aiex.buffer_clear"(%t) <{address = 0 : i32, length = 8 : i32}> : (index) -> ()' in g
    rejected(in_device("      aiex.buffer_clear(%t, 0, 0)", head=head), "positive length")


def test_scratchpad_parameters_both_names():
    # AIEX.td @ 00d58b94 scratchpad_parameter / sync_scratchpad_parameters_from_host; test/npu-xrt/
    # scratchpad_addr_offset writes them as aiex.parameter / aiex.sync_parameters_from_host.
    for decl, sync in (("aiex.scratchpad_parameter", "aiex.sync_scratchpad_parameters_from_host"),
                       ("aiex.parameter", "aiex.sync_parameters_from_host")):
        text = (f"module {{\n  {decl} @input_offset : i32\n  aie.device(npu2) {{\n"
                f"    aiex.runtime_sequence(%a: memref<64xi32>) {{\n      {sync}\n    }}\n  }}\n}}\n")
        p, g = round_trips(text)
        assert f"{decl} @input_offset : i32" in p and f"      {sync}\n" in p
        assert f'"{decl}"() <{{sym_name = "input_offset", type = i32}}> : () -> ()' in g
    rejected(in_device("      aiex.sync_parameters_from_host", head="    aiex.parameter @p : i32\n"),
             "is declared at module scope")


# test/npu-xrt/dma_queue_overflow_memcpy_nd/aie.mlir (2026): a contiguous 14 x 2048-word receive on a
# shim NOC tile goes in linear mode; AIEXDialect.cpp @ main NpuDmaMemcpyNdOp::verify waives the wrap
# limits for it (isLinearTransferWithoutTransformation || isShimNOCTile && isContiguousTransfer).
CONTIGUOUS = "aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 14, 2048][0, 0, 2048, 1]) {id = 0 : i64, metadata = @of}"
ALLOCATED = "    %t = aie.tile(0, 0)\n    aie.shim_dma_allocation @of (%t, S2MM, 0)\n"


def test_dma_memcpy_nd_contiguous_on_a_shim_noc_allocation_skips_the_wraps():
    [op] = ops_of(parse(in_device(f"      {CONTIGUOUS} : memref<65536xi32>", "%a: memref<65536xi32>",
                                  head=ALLOCATED)), "aiex.npu.dma_memcpy_nd")
    assert op.is_contiguous() and not op.is_linear() and op.allocation_tile() == (0, 0) and op.skips_wrap_checks()
    # the column form of the allocation names the same tile
    parse(in_device(f"      {CONTIGUOUS} : memref<65536xi32>", "%a: memref<65536xi32>",
                    head="    aie.shim_dma_allocation @of (S2MM, 0, 0)\n"))


def test_dma_memcpy_nd_wraps_still_checked_when_not_contiguous_or_not_allocated():
    strided = CONTIGUOUS.replace("[0, 0, 2048, 1]", "[0, 0, 4096, 1]")
    rejected(in_device(f"      {strided} : memref<65536xi32>", "%a: memref<65536xi32>", head=ALLOCATED),
             "'aiex.npu.dma_memcpy_nd' op Size 0 exceeds the [0:1023] range.")
    # no allocation names @of: only a linear transfer is waived (bad_npu_nd.mlir's case)
    rejected(in_device(f"      {CONTIGUOUS} : memref<65536xi32>", "%a: memref<65536xi32>"),
             "'aiex.npu.dma_memcpy_nd' op Size 0 exceeds the [0:1023] range.")
