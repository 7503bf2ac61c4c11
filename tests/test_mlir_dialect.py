"""The aie dialect on xDSL (partitioner.mlir.aie) and the reader (partitioner.mlir.parse).

* every kept design (designs/*/aie.mlir and aie.generic.mlir) parses, and its two forms
  describe the same design;
* one small module per syntax variant and per op family parses, prints back (xDSL Printer)
  and parses again to the same IR, in the custom and in the generic form;
* each verifier rejects a bad case with mlir-aie's message, at the right line;
* every failure is one MlirError with file, line, column and token;
* a generated 1,000-line design parses in well under 2 s.
"""
from __future__ import annotations

import ast
import io
from functools import lru_cache
from pathlib import Path

import pytest
from xdsl.dialects.builtin import IntegerAttr, ModuleOp, i32
from xdsl.ir import Operation
from xdsl.printer import Printer

from partitioner import device
from partitioner.errors import UserError
from partitioner.mlir import aie, aiex
from partitioner.mlir.parse import MlirError, parse_file, parse_module

from builders import generated_design

ROOT = Path(__file__).resolve().parents[1]
DESIGNS = sorted(ROOT.glob("designs/*/aie.mlir")) + sorted(ROOT.glob("designs/*/aie.generic.mlir"))


def show(module: Operation, generic: bool = False) -> str:
    out = io.StringIO()
    Printer(out, print_generic_format=generic).print_op(module)
    return out.getvalue()


def walk(op: Operation):
    yield op
    for region in op.regions:
        for block in region.blocks:
            for inner in block.ops:
                yield from walk(inner)


def ops_of(module: ModuleOp, cls: type) -> list:
    return [op for op in walk(module) if isinstance(op, cls)]


def assert_round_trips(module: ModuleOp, name: str, forms: tuple[bool, ...] = (False, True)) -> None:
    """Custom and generic prints parse back to the same IR (SSA names aside: xDSL drops a
    name's ``_N`` suffix and numbers names itself)."""
    for generic in forms:
        again = parse_module(show(module, generic), f"{name} (reprinted)")
        assert module.is_structurally_equivalent(again), show(module, generic)


def in_device(body: str, device: str = "npu1") -> str:
    return f"module {{\n  aie.device({device}) {{\n{body}\n  }}\n}}\n"


@lru_cache(maxsize=None)
def kept(path: Path) -> ModuleOp:
    """A kept design, parsed once for all the tests that read it."""
    return parse_file(path)


def error_of(text: str, name: str = "bad.mlir") -> MlirError:
    with pytest.raises(MlirError) as info:
        parse_module(text, name)
    return info.value


# ---------------------------------------------------------------------------------------
# Kept designs
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DESIGNS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_kept_design_parses_and_round_trips(path: Path):
    module = kept(path)
    (device,) = ops_of(module, aie.DeviceOp)
    # the smallest npu1 array that holds the design, as IRON picks it (npu1_1col for one column)
    assert device.device_name in ("npu1", "npu1_1col", "npu1_2col", "npu1_3col", "npu1_4col")
    assert ops_of(module, aie.CoreOp) and ops_of(module, aie.ObjectFifoCreateOp)
    if path.name == "aie.generic.mlir":
        # npu-tiler's generic form (#aie.device<npu1>, no default properties) prints back as
        # itself; its custom print is aie-opt's reading of it, which says the same.
        assert_round_trips(module, str(path), forms=(True,))
        assert _facts(parse_module(show(module), str(path))) == _facts(module)
    else:
        assert_round_trips(module, str(path), forms=(False,))


def _facts(module: ModuleOp) -> dict:
    """What a design says, independent of how it was written (pretty or generic)."""
    return {
        "device": [d.device_name for d in ops_of(module, aie.DeviceOp)],
        "tiles": sorted(t.coords for t in ops_of(module, aie.TileOp)),
        "fifos": sorted((f.fifo_name, tuple(f.depths), f.memref_type.get_shape(), len(f.consumerTiles))
                        for f in ops_of(module, aie.ObjectFifoCreateOp)),
        "links": sorted((tuple(lk.ins), tuple(lk.outs)) for lk in ops_of(module, aie.ObjectFifoLinkOp)),
        "acquires": sorted((a.fifo_name, a.port_name, a.size.value.data)
                           for a in ops_of(module, aie.ObjectFifoAcquireOp)),
        "cores": sorted((aie.tile_of(c.tile).coords, c.stack_bytes, c.link_with.data if c.link_with else None)
                        for c in ops_of(module, aie.CoreOp)),
    }


@pytest.mark.parametrize("folder", sorted({p.parent for p in DESIGNS}), ids=lambda p: p.name)
def test_a_designs_pretty_and_generic_forms_say_the_same(folder: Path):
    assert _facts(kept(folder / "aie.mlir")) == _facts(kept(folder / "aie.generic.mlir"))


# ---------------------------------------------------------------------------------------
# Syntax variants: ordinary MLIR around the aie ops
# ---------------------------------------------------------------------------------------

SYNTAX = {
    "comments": """
// a comment before the module
module {  // and after a brace
  aie.device(npu1) {  // npu1
    %t = aie.tile(0, 2)  // a compute tile
  }
}
""",
    "hex_constants": in_device("""
    %t = aie.tile(0, 2)
    %b = aie.buffer(%t) {address = 0x1000 : i32} : memref<16xi32>
    %c = aie.core(%t) {
      %x = arith.constant 0x1F : i32
      aie.end
    }"""),
    "op_split_over_lines": in_device("""
    %s = aie.tile(0, 0)
    %t = aie.tile(0, 2)
    aie.objectfifo @of(
        %s,
        {%t},
        2 : i32
      ) : !aie.objectfifo<memref<16xi32>>"""),
    "named_module": "module @design {\n  aie.device(npu1) {\n    %t = aie.tile(0, 2)\n  }\n}\n",
    "tile_without_spaces": in_device("    %t = aie.tile(0,2)\n    %u = aie.tile( 1 ,3 )"),
    "space_before_fifo_parens": in_device("""
    %s = aie.tile(0, 0)
    %t = aie.tile(0, 2)
    aie.objectfifo @of (%s, { %t }, [2, 2]) : !aie.objectfifo<memref<16xi32>>
    aie.core(%t) {
      %v = aie.objectfifo.acquire @of (Consume, 1) : !aie.objectfifosubview<memref<16xi32>>
      aie.objectfifo.release @of (Consume, 1)
      aie.end
    }"""),
    "multi_dimensional_memrefs": in_device("""
    %m = aie.tile(0, 1)
    %t = aie.tile(0, 2)
    aie.objectfifo @of(%m, {%t}, 2 : i32) : !aie.objectfifo<memref<4x8x2xi16>>
    %b = aie.buffer(%t) : memref<2x3xi32> = dense<[[1, 2, 3], [4, 5, 6]]>"""),
    "bf16_and_f32_elements": in_device("""
    %m = aie.tile(0, 1)
    %t = aie.tile(0, 2)
    aie.objectfifo @a(%m, {%t}, 2 : i32) : !aie.objectfifo<memref<32x32xbf16>>
    aie.objectfifo @b(%t, {%m}, 2 : i32) : !aie.objectfifo<memref<64xf32>>"""),
    "func_with_a_body": in_device("""
    func.func private @ext(memref<16xi32>, i32)
    func.func @scale(%buf: memref<16xi32>, %k: i32) -> i32 {
      %c0 = arith.constant 0 : index
      %v = memref.load %buf[%c0] : memref<16xi32>
      %r = arith.muli %v, %k : i32
      func.return %r : i32
    }
    %t = aie.tile(0, 2)"""),
    "core_without_result_name": in_device("""
    %t = aie.tile(0, 2)
    aie.core(%t) {
      aie.end
    }"""),
    "implicit_module": "aie.device(npu1) {\n  %t = aie.tile(0, 2)\n}\n",
    "memref_global_and_index_ops": in_device("""
    memref.global "public" @of_buff_0 : memref<16xi32>
    memref.global "private" constant @table : memref<4xi32> = dense<[1, 2, 3, 4]>
    %t = aie.tile(0, 2)
    aie.core(%t) {
      %c1 = arith.constant 1 : index
      %c2 = index.constant 2
      %i = index.add %c1, %c2
      aie.end
    }"""),
    "cf_blocks_in_a_core": in_device("""
    %t = aie.tile(0, 2)
    aie.core(%t) {
      %c0 = arith.constant 0 : index
      cf.br ^bb1(%c0 : index)
    ^bb1(%i: index):
      aie.end
    }"""),
}


@pytest.mark.parametrize("name", SYNTAX)
def test_syntax_variant_parses_and_round_trips(name: str):
    module = parse_module(SYNTAX[name], f"{name}.mlir")
    assert ops_of(module, aie.DeviceOp)
    assert_round_trips(module, name)


def test_hex_constants_are_values():
    module = parse_module(SYNTAX["hex_constants"], "hex.mlir")
    (buf,) = ops_of(module, aie.BufferOp)
    assert buf.address.value.data == 0x1000


# ---------------------------------------------------------------------------------------
# Op families
# ---------------------------------------------------------------------------------------

_TILES = """
    %shim = aie.tile(0, 0)
    %mem = aie.tile(0, 1)
    %t2 = aie.tile(0, 2)
    %t3 = aie.tile(0, 3)"""

FAMILIES = {
    "device_named": "module {\n  aie.device(npu2) @main {\n    %t = aie.tile(7, 5)\n  }\n}\n",
    "device_legacy_npu1_4col": "aie.device(npu1_4col) {\n  %t = aie.tile(3, 2)\n}\n",
    "device_xcve2802": "aie.device(xcve2802) {\n  %m = aie.tile(37, 2)\n  %t = aie.tile(0, 10)\n}\n",
    "device_generic_i32": ('"builtin.module"() ({\n  "aie.device"() <{device = 9 : i32}> ({\n'
                           '    %0 = "aie.tile"() <{col = 0 : i32, row = 2 : i32}> : () -> index\n'
                           '    "aie.end"() : () -> ()\n  }) : () -> ()\n}) : () -> ()\n'),
    "device_generic_npu_tiler": ('"builtin.module"() ({\n  "aie.device"() <{device = #aie.device<npu1_2col>}> ({\n'
                                 '    %0 = "aie.tile"() <{col = 1 : i32, row = 0 : i32}> : () -> (index)\n'
                                 '  }) : () -> ()\n}) : () -> ()\n'),
    "tile_allocation_scheme": in_device('    %t = aie.tile(0, 2) {allocation_scheme = "bank-aware"}'),
    "objectfifo_depths": in_device(_TILES + """
    aie.objectfifo @scalar(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
    aie.objectfifo @per_end(%shim, {%mem}, [2, 2]) : !aie.objectfifo<memref<16xi32>>
    aie.objectfifo @typed(%mem, {%t2, %t3}, [2 : i32, 2 : i32, 3 : i32]) : !aie.objectfifo<memref<16xi32>>
    aie.objectfifo @via_dma(%t2, {%t3}, 2 : i32) {via_DMA = true} : !aie.objectfifo<memref<16xi32>>"""),
    "objectfifo_dimensions": in_device(_TILES + """
    aie.objectfifo @of(%mem dimensionsToStream [<size = 4, stride = 8>, <size = 8, stride = 1>],
                       {%t2 dimensionsFromStream [<size = 2, stride = 16>, <size = 16, stride = 1>], %t3},
                       [2, 2, 2]) : !aie.objectfifo<memref<32xi32>>
    aie.objectfifo @legacy_dims(%mem dimensionsToStream [<4, 8>, <8, 1>], {%t2}, 2 : i32) : !aie.objectfifo<memref<32xi32>>"""),
    "objectfifo_init_values": in_device(_TILES + """
    aie.objectfifo @of(%t2, {%t3}, 2 : i32) {repeat_count = 2 : i32} : !aie.objectfifo<memref<4xi32>>
        = [dense<[1, 2, 3, 4]>, dense<[5, 6, 7, 8]>]"""),
    "objectfifo_link_distribute_join_forward": in_device(_TILES + """
    aie.objectfifo @in(%shim, {%mem}, 2 : i32) : !aie.objectfifo<memref<40xi16>>
    aie.objectfifo @in_a(%mem, {%t2}, 2 : i32) : !aie.objectfifo<memref<20xi16>>
    aie.objectfifo @in_b(%mem, {%t3}, 2 : i32) : !aie.objectfifo<memref<20xi16>>
    aie.objectfifo.link [@in] -> [@in_a, @in_b]([] [0, 20])
    aie.objectfifo @out_a(%t2, {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi16>>
    aie.objectfifo @out_b(%t3, {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi16>>
    aie.objectfifo @out(%mem, {%shim}, 2 : i32) : !aie.objectfifo<memref<16xi16>>
    aie.objectfifo.link [@out_a, @out_b] -> [@out]([0, 8] [])"""),
    "objectfifo_link_forward_empty": in_device(_TILES + """
    aie.objectfifo @a(%shim, {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @b(%mem, {%t2}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.link [@a] -> [@b]()"""),
    "objectfifo_acquire_release_access": in_device(_TILES + """
    aie.objectfifo @of(%t2, {%t3}, 3 : i32) : !aie.objectfifo<memref<16xi32>>
    aie.core(%t3) {
      %s = aie.objectfifo.acquire @of(Consume, 2) : !aie.objectfifosubview<memref<16xi32>>
      %a = aie.objectfifo.subview.access %s[0] : !aie.objectfifosubview<memref<16xi32>> -> memref<16xi32>
      %b = aie.objectfifo.subview.access %s[1] : !aie.objectfifosubview<memref<16xi32>> -> memref<16xi32>
      aie.objectfifo.release @of(Consume, 2)
      aie.end
    }"""),
    "objectfifo_allocate": in_device(_TILES + """
    aie.objectfifo @of(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
    aie.objectfifo.allocate @of (%t3)"""),
    "objectfifo_register_external_buffers": in_device(_TILES + """
    %ext0 = aie.external_buffer : memref<64xi32>
    %ext1 = aie.external_buffer : memref<64xi32>
    aie.objectfifo @of(%shim, {%t2}, 2 : i32) : !aie.objectfifo<memref<64xi32>>
    aie.objectfifo.register_external_buffers @of (%shim, {%ext0, %ext1}) : (memref<64xi32>, memref<64xi32>)"""),
    "objectfifo_2026_forms": in_device(_TILES + """
    aie.objectfifo @wide(%mem, {%t2}, 2 : i32) : !aie.objectfifo<memref<40xi32>> -> !aie.objectfifo<memref<10xi32>>
    aie.objectfifo @of(%t2, {%t3}, 1 : i32) : !aie.objectfifo<memref<256xi32>>
    aie.core(%t2) {
      %buf = aie.objectfifo.buffer @of (0) : memref<256xi32>
      %acq, %rel = aie.objectfifo.lock @of (Produce) : (index, index)
      %w = aie.objectfifo.acquire @wide(Consume, 1) : !aie.objectfifosubview<memref<10xi32>>
      %one = arith.constant 1 : i32
      aie.use_lock(%acq, AcquireGreaterEqual, %one)
      aie.end
    }""", "npu2"),
    "buffer": in_device(_TILES + """
    %a = aie.buffer(%t2) : memref<16xi32>
    %b = aie.buffer(%t2) {sym_name = "b", address = 4096 : i32, mem_bank = 1 : i32} : memref<256xbf16>
    %c = aie.buffer(%mem) {sym_name = "c"} : memref<4xi32> = dense<[1, 2, 3, 4]>
    %d = aie.buffer(%t3) : memref<8xf32> = dense<0.5>"""),
    "lock_and_use_lock": in_device(_TILES + """
    %l0 = aie.lock(%t2, 0) {init = 1 : i32, sym_name = "l0"}
    %l1 = aie.lock(%t2)
    %ml = aie.lock(%mem, 63)
    aie.core(%t2) {
      aie.use_lock(%l0, AcquireGreaterEqual, 1)
      aie.use_lock(%l0, Release, 1)
      aie.use_lock(%l1, "Acquire", 0, Blocking)
      aie.use_lock(%l1, Release)
      aie.end
    }"""),
    "core_attributes": in_device(_TILES + """
    %c = aie.core(%t2) {
      aie.end
    } {link_with = "kernel.o", stack_size = 2048 : i32}
    aie.core(%t3) {
      aie.end
    } {elf_file = "core_0_3.elf"}"""),
    "mem_dma_start_bd_next_bd": in_device(_TILES + """
    %buf = aie.buffer(%t2) {sym_name = "buf"} : memref<16xi32>
    %l = aie.lock(%t2, 0)
    %m = aie.mem(%t2) {
      %0 = aie.dma_start(S2MM, 0, ^bd0, ^next)
    ^bd0:
      aie.use_lock(%l, AcquireGreaterEqual, 1)
      aie.dma_bd(%buf : memref<16xi32>, 0, 16, [<size = 4, stride = 4>, <size = 4, stride = 1>]) {bd_id = 0 : i32}
      aie.use_lock(%l, Release, 1)
      aie.next_bd ^bd0
    ^next:
      %1 = aie.dma_start("MM2S", 0, ^bd1, ^end, repeat_count = 3)
    ^bd1:
      aie.dma_bd(%buf : memref<16xi32>) {packet = #aie.packet_info<pkt_type = 0, pkt_id = 3>}
      aie.next_bd ^end
    ^end:
      aie.end
    }"""),
    "memtile_dma_and_block_free_dma": in_device(_TILES + """
    %buf = aie.buffer(%mem) : memref<256xbf16>
    %l0 = aie.lock(%mem, 0)
    %l1 = aie.lock(%mem, 1)
    %md = aie.memtile_dma(%mem) {
      %d = aie.dma(MM2S, 0) {loop = false} [{
        aie.use_lock(%l0, AcquireGreaterEqual, 1)
        aie.dma_bd(%buf : memref<256xbf16>, 0, 256, [<size = 2, stride = 128>, <size = 128, stride = 1>],
                   [<const_pad_before = 0, const_pad_after = 0>, <const_pad_before = 0, const_pad_after = 0>])
        aie.use_lock(%l1, Release, 1)
      }, {
        aie.use_lock(%l0, AcquireGreaterEqual, 1)
        aie.dma_bd(%buf : memref<256xbf16> offset = 0 len = 256 sizes = [2, 128] strides = [128, 1])
        aie.use_lock(%l1, Release, 1)
      }]
      aie.end
    }"""),
    "shim_dma_and_external_buffer": in_device(_TILES + """
    %ext = aie.external_buffer {sym_name = "ext"} : memref<64xi32>
    %l = aie.lock(%shim, 1)
    %sd = aie.shim_dma(%shim) {
      %0 = aie.dma_start(MM2S, 0, ^bd0, ^end)
    ^bd0:
      aie.use_lock(%l, Acquire, 1)
      aie.dma_bd(%ext : memref<64xi32>, 0, 64)
      aie.use_lock(%l, Release, 0)
      aie.next_bd ^bd0
    ^end:
      aie.end
    }"""),
    "flow_and_packet_flow": in_device(_TILES + """
    aie.flow(%shim, DMA : 0, %t2, DMA : 0)
    aie.flow(%t2, "Core" : 0, %t3, "Core" : 1)
    aie.packet_flow(0x10) {
      aie.packet_source<%t2, DMA : 1>
      aie.packet_dest<%shim, DMA : 1>
    } {keep_pkt_header = true}"""),
    "shim_dma_allocation": in_device(_TILES + """
    aie.shim_dma_allocation @by_column(MM2S, 0, 0)
    aie.shim_dma_allocation @by_tile (%shim, S2MM, 1)
    aie.shim_dma_allocation @packet(MM2S, 1, 0, <pkt_type = 0, pkt_id = 2>)"""),
    "runtime_sequence": in_device(_TILES + """
    aie.runtime_sequence @seq(%in: memref<64xi32>, %out: memref<64xi32>) {
    }
    aie.runtime_sequence(%x: memref<8xi32>) attributes {note = "unnamed"} {
    }"""),
    "switchbox_and_cascade": in_device(_TILES + """
    %sw = aie.switchbox(%t2) {
      aie.connect<West : 0, Core : 1>
      %a = aie.amsel<0>(1)
      %m = aie.masterset(East : 0, %a)
      aie.packet_rules(South : 0) {
        aie.rule(0x1F, 0x10, %a)
      }
    }
    %mux = aie.shim_mux(%shim) {
      aie.connect<DMA : 0, North : 3>
    }
    aie.wire(%shim : North, %mux : South)
    aie.cascade_flow(%t2, %t3)
    aie.configure_cascade(%t3, North, South)"""),
    "newer_property_in_generic_form": """"builtin.module"() ({
  "aie.device"() <{device = 4 : i32}> ({
    %0 = "aie.tile"() <{col = 0 : i32, row = 2 : i32}> : () -> index
    %1 = "aie.core"(%0) <{link_files = ["a.o"], stack_size = 1024 : i32}> ({
      "aie.end"() : () -> ()
    }) : (index) -> index
    "aie.end"() : () -> ()
  }) : () -> ()
}) : () -> ()
""",
    "aie_opt_generic_form": """"builtin.module"() ({
  "aie.device"() <{device = 4 : i32}> ({
    %0 = "aie.tile"() <{col = 0 : i32, row = 1 : i32}> : () -> index
    %1 = "aie.tile"() <{col = 0 : i32, row = 2 : i32}> : () -> index
    "aie.objectfifo"(%0, %1) <{dimensionsFromStreamPerConsumer = #aie<bd_dim_layout_array_array[[]]>, dimensionsToStream = #aie<bd_dim_layout_array[]>, disable_synchronization = false, elemNumber = 4 : i32, elemType = !aie.objectfifo<memref<16xi32>>, plio = false, sym_name = "of1", via_DMA = false}> : (index, index) -> ()
    %2 = "aie.core"(%1) <{stack_size = 1024 : i32}> ({
      %3 = "aie.objectfifo.acquire"() <{objFifo_name = @of1, port = 1 : i32, size = 1 : i32}> : () -> !aie.objectfifosubview<memref<16xi32>>
      %4 = "aie.objectfifo.subview.access"(%3) <{index = 0 : i32}> : (!aie.objectfifosubview<memref<16xi32>>) -> memref<16xi32>
      "aie.objectfifo.release"() <{objFifo_name = @of1, port = 1 : i32, size = 1 : i32}> : () -> ()
      "aie.end"() : () -> ()
    }) : (index) -> index
    "aie.end"() : () -> ()
  }) : () -> ()
}) : () -> ()
""",
}


@pytest.mark.parametrize("name", FAMILIES)
def test_op_family_parses_and_round_trips(name: str):
    module = parse_module(FAMILIES[name], f"{name}.mlir")
    # npu-tiler's generic spellings print back as themselves only in generic form.
    assert_round_trips(module, name, (True,) if name.endswith("npu_tiler") else (False, True))


def test_custom_print_is_mlir_aies_syntax():
    module = parse_module(FAMILIES["objectfifo_link_distribute_join_forward"], "link.mlir")
    text = show(module)
    assert "aie.objectfifo @in_a(%" in text and "2 : i32) : !aie.objectfifo<memref<20xi16>>" in text
    assert "aie.objectfifo.link [@in] -> [@in_a, @in_b]([] [0, 20])" in text
    assert "aie.objectfifo.link [@out_a, @out_b] -> [@out]([0, 8] [])" in text
    assert "aie.device(npu1) {" in text


def test_generic_form_is_aie_opts():
    """Enums are i32 integers and the ObjectFIFO has the properties aie-opt requires; default
    values stay out unless written (aie-opt accepts a DefaultValuedAttr left out)."""
    text = show(parse_module(FAMILIES["objectfifo_acquire_release_access"], "acq.mlir"), generic=True)
    assert '"aie.device"() <{device = 4 : i32}>' in text
    assert "port = 1 : i32" in text
    assert "dimensionsToStream = #aie<bd_dim_layout_array[]>" in text
    assert "dimensionsFromStreamPerConsumer = #aie<bd_dim_layout_array_array[[]]>" in text
    assert "via_DMA" not in text and "stack_size" not in text


def test_enum_values_read_the_same_in_every_form():
    ours = parse_module(FAMILIES["objectfifo_acquire_release_access"], "a.mlir")
    generic = parse_module(FAMILIES["aie_opt_generic_form"], "b.mlir")
    npu_tiler = kept(ROOT / "designs/batch10_1tile/aie.generic.mlir")
    for module in (ours, generic, npu_tiler):
        ports = {a.port_name for a in ops_of(module, aie.ObjectFifoAcquireOp)}
        assert ports <= {"Produce", "Consume"} and "Consume" in ports
    assert ops_of(generic, aie.DeviceOp)[0].device_name == "npu1"
    assert ops_of(parse_module(FAMILIES["device_generic_i32"], "c.mlir"), aie.DeviceOp)[0].device_name == "npu2_1col"


def test_properties_are_kept_as_written():
    """ODS defaults are not filled in: a reader can tell a written default from none."""
    module = parse_module(FAMILIES["core_attributes"], "cores.mlir")
    written, elf = ops_of(module, aie.CoreOp)
    assert written.stack_size.value.data == 2048 and written.link_with.data == "kernel.o"
    assert elf.stack_size is None and elf.stack_bytes == 1024 and elf.elf_file.data == "core_0_3.elf"
    text = show(parse_module(SYNTAX["space_before_fifo_parens"], "s.mlir"))
    assert "stack_size" not in text and "via_DMA" not in text


def test_objectfifo_accessors():
    module = parse_module(FAMILIES["objectfifo_dimensions"], "dims.mlir")
    of = next(f for f in ops_of(module, aie.ObjectFifoCreateOp) if f.fifo_name == "of")
    assert of.depths == [2, 2, 2] and of.depth_at(2) == 2
    assert [(d.size.data, d.stride.data) for d in of.dims_to_stream()] == [(4, 8), (8, 1)]
    assert [(d.size.data, d.stride.data) for d in of.dims_from_stream(0)] == [(2, 16), (16, 1)]
    assert of.dims_from_stream(1) == []


def test_2026_bd_keywords_read_as_dimensions():
    module = parse_module(FAMILIES["memtile_dma_and_block_free_dma"], "bd.mlir")
    first, second = ops_of(module, aie.DMABDOp)
    assert second.dimensions == first.dimensions and second.len == first.len


# ---------------------------------------------------------------------------------------
# Verifiers: mlir-aie's checks and messages
# ---------------------------------------------------------------------------------------

BAD = {
    "tile_column": (in_device("    %t = aie.tile(1, 2)", "npu1_1col"), "aie.tile(1, 2)",
                    "'aie.tile' op column index (1) must be less than the number of columns in the device (1)"),
    "tile_row": (in_device("    %t = aie.tile(0, 6)"), "aie.tile(0, 6)",
                 "'aie.tile' op row index (6) must be less than the number of rows in the device (6)"),
    "core_on_shim": (in_device("    %t = aie.tile(0, 0)\n    %c = aie.core(%t) {\n      aie.end\n    }"), "aie.core",
                     "'aie.core' op failed to verify that op exists in a core tile"),
    "core_on_mem_tile": (in_device("    %t = aie.tile(0, 1)\n    aie.core(%t) {\n      aie.end\n    }"), "aie.core",
                         "'aie.core' op failed to verify that op exists in a core tile"),
    "mem_on_mem_tile": (in_device("    %t = aie.tile(0, 1)\n    %m = aie.mem(%t) {\n      aie.end\n    }"), "aie.mem(",
                        "'aie.mem' op failed to verify that op exists in a core tile"),
    "memtile_dma_on_core": (in_device("    %t = aie.tile(0, 2)\n    %m = aie.memtile_dma(%t) {\n      aie.end\n    }"),
                            "aie.memtile_dma", "'aie.memtile_dma' op failed to verify that op exists in a MemTile"),
    "shim_dma_on_pl_column": (in_device("    %t = aie.tile(0, 0)\n    %m = aie.shim_dma(%t) {\n      aie.end\n    }",
                                        "xcve2302"), "aie.shim_dma",
                              "'aie.shim_dma' op failed to verify that op exists in a shim tile with NOC connection"),
    "buffer_on_shim": (in_device("    %t = aie.tile(0, 0)\n    %b = aie.buffer(%t) : memref<4xi32>"), "aie.buffer",
                       "'aie.buffer' op failed to verify that op exists in a tile with local memory"),
    "elf_core_with_body": (in_device("""    %t = aie.tile(0, 2)
    aie.core(%t) {
      %c = arith.constant 0 : i32
      aie.end
    } {elf_file = "x.elf"}"""), "aie.core", "'aie.core' op When `elf_file` attribute is specified, core body must be empty "
                                   "(consist of exactly one `aie.end` op)."),
    "depth_array_length": (in_device(_TILES + "\n    aie.objectfifo @f(%t2, {%t3, %mem}, [2, 2]) : "
                                              "!aie.objectfifo<memref<8xi32>>"), "@f(",
                           "'aie.objectfifo' op does not have enough depths specified for producer and for each "
                           "consumer."),
    "dims_on_shim_producer": (in_device(_TILES + "\n    aie.objectfifo @f(%shim dimensionsToStream [<size = 2, "
                                                 "stride = 1>], {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi32>>"),
                              "@f(", "`dimensionsToStream` data layout transformations are not supported on shim tile "
                                 "producers"),
    "init_values_count": (in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3}, 2 : i32) {initValues = [dense<1> : tensor<4xi32>]} : !aie.objectfifo<memref<4xi32>>"""),
                          "@f(", "`init_values` does not initialize all objects"),
    # 2026 AIEDialect.cpp ObjectFifoLinkOp::verify: shim tiles only (a compute tile may distribute).
    "link_on_shim_tile": (in_device(_TILES + """
    %t4 = aie.tile(0, 4)
    aie.objectfifo @i(%t2, {%shim}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @o1(%shim, {%t3}, 2 : i32) : !aie.objectfifo<memref<4xi32>>
    aie.objectfifo @o2(%shim, {%t4}, 2 : i32) : !aie.objectfifo<memref<4xi32>>
    aie.objectfifo.link [@i] -> [@o1, @o2]([] [0, 4])"""), "objectfifo.link",
                          "ObjectFifoLinkOp join and distribute are unavailable on shim tiles"),
    "link_without_shared_tile": (in_device(_TILES + """
    aie.objectfifo @i(%shim, {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @o(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.link [@i] -> [@o]([] [])"""), "objectfifo.link",
                                 "ObjectFifoLinkOp must have a link point, i.e., a shared tile between objectFifos"),
    "link_offsets_count": (in_device(_TILES + """
    aie.objectfifo @i(%shim, {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @o1(%mem, {%t2}, 2 : i32) : !aie.objectfifo<memref<4xi32>>
    aie.objectfifo @o2(%mem, {%t3}, 2 : i32) : !aie.objectfifo<memref<4xi32>>
    aie.objectfifo.link [@i] -> [@o1, @o2]([] [0])"""), "objectfifo.link",
                           "'aie.objectfifo.link' op number of provided dst offsets must be equal to the number of "
                           "output objectFifos"),
    # `([] [])` is the offsets' syntax: a distribute written with it needs its offsets (only `()`, the
    # link of before offsets, leaves them implicit)
    "link_distribute_empty_offsets": (in_device(_TILES + """
    aie.objectfifo @i(%shim, {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @o1(%mem, {%t2}, 2 : i32) : !aie.objectfifo<memref<4xi32>>
    aie.objectfifo @o2(%mem, {%t3}, 2 : i32) : !aie.objectfifo<memref<4xi32>>
    aie.objectfifo.link [@i] -> [@o1, @o2]([] [])"""), "objectfifo.link",
                                      "'aie.objectfifo.link' op number of provided dst offsets must be equal to the "
                                      "number of output objectFifos"),
    "extsi_narrowing_vector": (in_device(_TILES + """
    aie.core(%t2) {
      %v = arith.constant dense<1> : vector<4xi32>
      %n = arith.extsi %v : vector<4xi32> to vector<4xi16>
      aie.end
    }"""), "arith.extsi", "'arith.extsi' op result type vector<4xi16> must be larger than operand type vector<4xi32>"),
    "call_declared_nowhere": (in_device(_TILES + """
    aie.core(%t2) {
      func.call @nowhere() : () -> ()
      aie.end
    }"""), "func.call", "'@nowhere' could not be found in symbol table"),
    "fifo_in_two_links": (in_device(_TILES + """
    aie.objectfifo @i(%shim, {%mem}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo @o(%mem, {%t2}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.link [@i] -> [@o]([] [])
    aie.objectfifo.link [@i] -> [@o]([] [])"""), "@i(",
                          "'aie.objectfifo' op objectfifo cannot be in more than one ObjectFifoLinkOp"),
    "acquire_produce_on_consumer": (in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.core(%t3) {
      %s = aie.objectfifo.acquire @f(Produce, 1) : !aie.objectfifosubview<memref<8xi32>>
      aie.end
    }"""), "aie.core", "'aie.core' op producer port of objectFifo accessed by core running on non-producer tile"),
    "release_consume_on_producer": (in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.core(%t2) {
      aie.objectfifo.release @f(Consume, 1)
      aie.end
    }"""), "aie.core", "'aie.core' op consumer port of objectFifo accessed by core running on non-consumer tile"),
    "acquire_outside_core": (in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    %s = aie.objectfifo.acquire @f(Produce, 1) : !aie.objectfifosubview<memref<8xi32>>"""), "acquire",
                             "'aie.objectfifo.acquire' op must be called from inside a CoreOp"),
    "acquire_unknown_fifo": (in_device(_TILES + """
    aie.core(%t2) {
      %s = aie.objectfifo.acquire @nope(Produce, 1) : !aie.objectfifosubview<memref<8xi32>>
      aie.end
    }"""), "acquire", "cannot retrieve associated object FIFO"),
    "acquire_wrong_element": (in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.core(%t2) {
      %s = aie.objectfifo.acquire @f(Produce, 1) : !aie.objectfifosubview<memref<4xi32>>
      aie.end
    }"""), "acquire", "'aie.objectfifo.acquire' op ObjectFifo element and ObjectFifoSubview element must match."),
    "access_past_acquire": (in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.core(%t2) {
      %s = aie.objectfifo.acquire @f(Produce, 1) : !aie.objectfifosubview<memref<8xi32>>
      %b = aie.objectfifo.subview.access %s[1] : !aie.objectfifosubview<memref<8xi32>> -> memref<8xi32>
      aie.end
    }"""), "subview.access", "'aie.objectfifo.subview.access' op accessed farther than number of acquired elements (index out "
               "of bounds)."),
    "allocate_one_to_many": (in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3, %mem}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.allocate @f(%t3)"""), "allocate", "can only be used in 1-to-1 object FIFOs"),
    "lock_id_on_compute_tile": (in_device("    %t = aie.tile(0, 2)\n    %l = aie.lock(%t, 16)"), "aie.lock",
                                "'aie.lock' op lock assigned invalid id (maximum is 15)"),
    "lock_id_on_mem_tile": (in_device("    %t = aie.tile(0, 1)\n    %l = aie.lock(%t, 64)"), "aie.lock",
                            "'aie.lock' op lock assigned invalid id (maximum is 63)"),
    "use_lock_at_top": (in_device("    %t = aie.tile(0, 2)\n    %l = aie.lock(%t, 0)\n"
                                  "    aie.use_lock(%l, Acquire, 1)"), "use_lock",
                        "'aie.use_lock' op must be used in a core or memory operation."),
    "buffer_out_of_reach": (in_device("""    %a = aie.tile(0, 2)
    %b = aie.tile(2, 2)
    %buf = aie.buffer(%a) : memref<4xi32>
    aie.core(%b) {
      %c0 = arith.constant 0 : index
      %v = memref.load %buf[%c0] : memref<4xi32>
      aie.end
    }"""), "aie.buffer", "'aie.buffer' op in Column 0 and Row 2 is accessed from an unreachable tile in Column 2 and Row 2"),
    "bd_buffer_of_other_tile": (in_device("""    %a = aie.tile(0, 2)
    %b = aie.tile(0, 3)
    %buf = aie.buffer(%b) : memref<4xi32>
    %m = aie.mem(%a) {
      %0 = aie.dma_start(S2MM, 0, ^bd, ^end)
    ^bd:
      aie.dma_bd(%buf : memref<4xi32>)
      aie.next_bd ^end
    ^end:
      aie.end
    }"""), "dma_bd", "'aie.dma_bd' op Core tile DMAs can only access a buffer in the same tile."),
    "bd_out_of_bounds": (in_device("""    %a = aie.tile(0, 2)
    %buf = aie.buffer(%a) : memref<16xi32>
    %m = aie.mem(%a) {
      %0 = aie.dma_start(S2MM, 0, ^bd, ^end)
    ^bd:
      aie.dma_bd(%buf : memref<16xi32>, 0, 16, [<size = 4, stride = 8>, <size = 4, stride = 1>])
      aie.next_bd ^end
    ^end:
      aie.end
    }"""), "dma_bd", "'aie.dma_bd' op Specified stride(s) and size(s) result in out of bounds access in buffer, for "
              "index 27 in memref of length 16."),
    "dma_start_outside_dma": (in_device("""    %a = aie.tile(0, 2)
    aie.core(%a) {
      %0 = aie.dma_start(S2MM, 0, ^bd, ^bd)
    ^bd:
      aie.end
    }"""), "dma_start", "'aie.dma_start' op expects parent op to be one of 'aie.mem, aie.memtile_dma, func.func, aie.shim_dma'"),
    "too_many_input_channels": (in_device("""    %a = aie.tile(0, 2)
    %m = aie.mem(%a) {
      %0 = aie.dma_start(S2MM, 0, ^c1, ^end)
    ^c1:
      %1 = aie.dma_start(S2MM, 1, ^c2, ^end)
    ^c2:
      %2 = aie.dma_start(S2MM, 2, ^end, ^end)
    ^end:
      aie.end
    }"""), "aie.mem(", "'aie.mem' op uses more input channels than available on this tile"),
    "packet_flow_without_dest": (in_device(_TILES + """
    aie.packet_flow(1) {
      aie.packet_source<%t2, DMA : 0>
    }"""), "packet_flow", "'aie.packet_flow' op must have at least one aie.packet_dest"),
    "two_cores_on_a_tile": (in_device("""    %a = aie.tile(0, 2)
    aie.core(%a) {
      aie.end
    }
    aie.core(%a) {  // the second
      aie.end
    }"""), "aie.core(%a) {  // the second", "'aie.core' op tile (0, 2) already has a core; each compute tile can host only one core"),
}


def line_of(text: str, marker: str) -> int:
    """The 1-based line where ``marker`` starts (it may span lines)."""
    return text[:text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("name", BAD)
def test_verifier_rejects_with_mlir_aies_message(name: str):
    text, marker, message = BAD[name]
    line = line_of(text, marker)
    err = error_of(text, f"{name}.mlir")
    assert err.what == message
    assert (err.filename, err.line) == (f"{name}.mlir", line), str(err)
    assert str(err).startswith(f"{name}.mlir:{line}:{err.column}: {message} (at `")


# ---------------------------------------------------------------------------------------
# Errors: one type, with where and what
# ---------------------------------------------------------------------------------------


def test_an_unknown_op_is_named_with_its_line_and_column():
    err = error_of(in_device("    %t = aie.tile(0, 2)\n    aie.foo(%t)"), "foo.mlir")
    assert (err.line, err.column, err.token) == (4, 5, "aie.foo")
    assert str(err) == "foo.mlir:4:5: unknown operation `aie.foo` (at `aie.foo`)"


def test_an_unknown_op_in_generic_form_and_with_results_too():
    err = error_of('"builtin.module"() ({\n  %x = "aie.bar"() : () -> index\n}) : () -> ()\n')
    assert (err.line, err.column, err.what) == (2, 8, "unknown operation `aie.bar`")
    err = error_of(in_device("    %t = aie.tile(0, 2)\n    %v = math.absi %t : index"))  # no math dialect
    assert (err.line, err.column, err.what) == (4, 10, "unknown operation `math.absi`")


def test_a_syntax_error_names_the_token():
    err = error_of(in_device("    %t = aie.tile(0 2)"), "syn.mlir")
    assert (err.line, err.column, err.token) == (3, 21, "2")
    assert err.what == "Expected ','"
    assert isinstance(err, UserError)


def test_an_unknown_device_and_port_are_named():
    assert error_of("aie.device(npu9) {\n}\n").what.startswith("unknown device 'npu9'")
    err = error_of(in_device(_TILES + """
    aie.objectfifo @f(%t2, {%t3}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.core(%t3) {
      aie.objectfifo.release @f(Consumer, 1)
      aie.end
    }"""))
    assert (err.line, err.column, err.token) == (10, 33, "Consumer")
    assert err.what == "expected ObjectFifoPort: one of Produce, Consume"


def test_a_non_memref_objectfifo_type_is_rejected():
    err = error_of(in_device("    %t = aie.tile(0, 2)\n    aie.objectfifo @f(%t, {%t}, 2 : i32) : !aie.objectfifo<i32>"))
    assert err.what == "element type for an objectFifo must be a MemRefType, got: i32"


def test_files_that_are_not_mlir_text_fail_on_line_one(tmp_path: Path):
    binary = tmp_path / "a.mlir"
    binary.write_bytes(b"\x7fELF\x00\x01")
    latin1 = tmp_path / "b.mlir"
    latin1.write_bytes("// caf\xe9\naie.device(npu1) {\n}\n".encode("latin-1"))
    for path, what in ((binary, "not a text file"), (latin1, "not UTF-8 text"), (tmp_path / "none.mlir", "cannot read")):
        with pytest.raises(MlirError) as info:
            parse_file(path)
        assert (info.value.line, info.value.column) == (1, 1) and info.value.what.startswith(what)
        assert str(info.value).startswith(f"{path}:1:1: ")


# ---------------------------------------------------------------------------------------
# Devices and speed
# ---------------------------------------------------------------------------------------


def test_every_mlir_aie_device_has_a_model():
    for name in aie.known_devices():
        model = ops_of(parse_module(f"aie.device({name}) {{\n}}\n", "d.mlir"), aie.DeviceOp)[0].model
        assert model.columns >= 1 and model.kind_of((0, 0)) == "shim"
    assert device.model("xcvc1902").generation == "aie1"
    assert device.model("xcve2802").mem_rows == (1, 2)
    assert not device.model("xcve2302").is_shim_noc((0, 0)) and device.model("xcve2302").is_shim_noc((2, 0))
    assert all(device.model(m.name).name == m.name for m in aie.AIEDevice)  # one device model: devices.toml
    assert ops_of(parse_module("aie.device(npu) {\n}\n", "npu.mlir"), aie.DeviceOp)[0].device_name == "npu1"


def test_a_1000_line_design_parses():
    # how fast: benchmarks/bench_reading.py (target < 2 s)
    text = generated_design(1000)
    assert 950 <= text.count("\n") <= 1050
    module = parse_module(text, "big.mlir")
    assert len(ops_of(module, aie.CoreOp)) == 16


# ---------------------------------------------------------------------------------------
# Declared once: syntax, enums, no stand-ins
# ---------------------------------------------------------------------------------------


def test_most_ops_declare_their_syntax():
    ops = [*aie.AIE.operations, *aiex.AIEX.operations]
    declared = [op for op in ops if op.get_irdl_definition().assembly_format is not None]
    assert len(ops) >= 64 and len(declared) >= 0.8 * len(ops), sorted(
        op.name for op in ops if op not in declared)


# AIEAttrs.td @ a3897048: each I32EnumAttr's keywords and the integers aie-opt prints for them.
ENUM_CASES = {
    aie.WireBundle: dict(Core=0, DMA=1, FIFO=2, South=3, West=4, North=5, East=6, PLIO=7, NOC=8, Trace=9,
                         TileControl=10),
    aie.CascadeDir: dict(South=3, West=4, North=5, East=6),
    aie.LockAction: dict(Acquire=0, Release=1, AcquireGreaterEqual=2),
    aie.LockBlocking: dict(NonBlocking=0, Blocking=1),
    aie.AIEDevice: dict(xcvc1902=1, xcve2302=2, xcve2802=3, npu1=4, npu1_1col=5, npu1_2col=6, npu1_3col=7,
                        npu2=8, npu2_1col=9, npu2_2col=10, npu2_3col=11, npu2_4col=12, npu2_5col=13,
                        npu2_6col=14, npu2_7col=15),
    aie.ObjectFifoPort: dict(Produce=0, Consume=1),
    aie.DMAChannelDir: dict(S2MM=0, MM2S=1),
}


@pytest.mark.parametrize("enum_cls", list(ENUM_CASES), ids=lambda e: e.__name__)
def test_enum_keywords_round_trip_through_their_integers(enum_cls):
    assert {m.name: int(m) for m in enum_cls} == ENUM_CASES[enum_cls]
    for member in enum_cls:
        assert member.attr == IntegerAttr(int(member), i32)
        assert enum_cls.of(member.attr) is member and enum_cls.of(member.name) is member
        assert enum_cls.keyword_of(member.attr) == member.name
    with pytest.raises(ValueError):
        enum_cls.of(IntegerAttr(99, i32))


def test_legacy_and_keyword_attribute_forms_read_as_the_enum():
    assert aie.AIEDevice.of(aie.AIEDeviceAttr("npu1_4col")) is aie.AIEDevice.npu1
    assert aie.AIEDevice.of("npu") is aie.AIEDevice.npu1
    assert aie.ObjectFifoPort.of(aie.ObjectFifoPortAttr("Consume")) is aie.ObjectFifoPort.Consume
    assert aie.WireBundle.keyword_of(IntegerAttr(1, i32)) == "DMA"


def _defines_an_op(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    names = {"irdl_op_definition", "declared"}
    return [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and any(
        (d.id if isinstance(d, ast.Name) else getattr(d, "attr", getattr(getattr(d, "func", None), "id", None)))
        in names for d in node.decorator_list)]


def test_no_test_redeclares_a_dialect_op():
    tests = Path(__file__).parent
    found = {str(p.relative_to(tests)): names for p in sorted(tests.rglob("*.py")) if (names := _defines_an_op(p))}
    assert found == {}


# ---------------------------------------------------------------------------------------
# Constructs of mlir-aie's test/npu-xrt designs (issue 20), each from the design that uses it
# ---------------------------------------------------------------------------------------


def reprints_the_same(text: str, name: str) -> str:
    """custom -> IR -> custom is stable, and the generic print reads back to the same IR."""
    module = parse_module(text, name)
    printed = show(module)
    assert show(parse_module(printed, f"{name} (reprinted)")) == printed
    assert_round_trips(module, name)
    return printed


def test_logical_tile():
    # test/npu-xrt/dynamic_chain_passthrough/aie.mlir (2026): tiles the placer chooses.
    printed = reprints_the_same(in_device(
        "    %core = aie.logical_tile<CoreTile>(?, ?)\n"
        "    %shim = aie.logical_tile<ShimNOCTile>(0, ?)\n"
        "    aie.objectfifo @of_in(%shim, {%core}, 2 : i32) : !aie.objectfifo<memref<256xi32>>\n"
        "    %0 = aie.core(%core) {\n"
        "      %a = aie.objectfifo.acquire @of_in(Consume, 1) : memref<256xi32>\n"
        "      aie.objectfifo.release @of_in(Consume, 1)\n"
        "      aie.end\n"
        "    }"), "logical.mlir")
    assert "aie.logical_tile<CoreTile>(?, ?)" in printed and "aie.logical_tile<ShimNOCTile>(0, ?)" in printed
    generic = show(parse_module(printed, "x"), generic=True)
    assert '"aie.logical_tile"() <{col = 0 : i32, tile_type = "ShimNOCTile"}> : () -> index' in generic
    assert "expected a tile type" in error_of(in_device("    %t = aie.logical_tile<Core>(?, ?)")).what


FIFO_2026 = ("    %t02 = aie.tile(0, 2)\n    %t00 = aie.tile(0, 0)\n"
             "    aie.objectfifo @of(%t00, {%t02}, 2 : i32) : !aie.objectfifo<memref<16xi32>>\n"
             "    %c = aie.core(%t02) {\n{body}\n      aie.end\n    }")


def test_acquire_returns_the_objects():
    # test/npu-xrt/objectfifo_core_while_nested_if/aie.mlir (2026): one memref per acquired object.
    one = ("      %in = aie.objectfifo.acquire @of(Consume, 1) : memref<16xi32>\n"
           "      aie.objectfifo.release @of(Consume, 1)")
    printed = reprints_the_same(in_device(FIFO_2026.replace("{body}", one)), "acq.mlir")
    assert "%in = aie.objectfifo.acquire @of(Consume, 1) : memref<16xi32>" in printed
    two = "      %a, %b = aie.objectfifo.acquire @of(Consume, 2) : memref<16xi32>, memref<16xi32>"
    module = parse_module(in_device(FIFO_2026.replace("{body}", two)), "acq2.mlir")
    [acq] = ops_of(module, aie.ObjectFifoAcquireOp)
    assert acq.returns_objects and len(acq.objects) == 2 and acq.subview is acq.objects[0]
    assert_round_trips(module, "acq2.mlir")
    wrong = "      %a = aie.objectfifo.acquire @of(Consume, 2) : memref<16xi32>"
    assert "returns 1 objects for 2 acquired" in error_of(in_device(FIFO_2026.replace("{body}", wrong))).what
    other = "      %a = aie.objectfifo.acquire @of(Consume, 1) : memref<8xi32>"
    assert "element must match" in error_of(in_device(FIFO_2026.replace("{body}", other))).what


def test_packet_info_in_any_order_and_without_type():
    # test/npu-xrt/packet_flow_fanin (`<pkt_id = .., pkt_type = ..>`), deadlock_model_head_of_line (`<pkt_id = 0>`).
    body = ("    %s = aie.tile(0, 0)\n"
            "    aie.shim_dma_allocation @a(%s, MM2S, 0, <pkt_id = 3, pkt_type = 1>)\n"
            "    aie.shim_dma_allocation @b(%s, MM2S, 1, <pkt_id = 4>)")
    printed = reprints_the_same(in_device(body), "pkt.mlir")
    assert "@a(%s, MM2S, 0, <pkt_type = 1, pkt_id = 3>)" in printed
    assert "@b(%s, MM2S, 1, <pkt_type = 0, pkt_id = 4>)" in printed
    assert "expected pkt_type" in error_of(in_device(body.replace("<pkt_id = 4>", "<pkt_id = 4, pkt_id = 5>"))).what


def test_ctrl_bundle_is_tile_control():
    # test/npu-xrt/add_one_ctrl_packet/aie.mlir: `Ctrl`, the 2024 keyword of WireBundle 10.
    body = ("    %s = aie.tile(0, 0)\n    %t = aie.tile(0, 2)\n"
            "    aie.packet_flow(1) {\n      aie.packet_source<%s, DMA : 0>\n"
            "      aie.packet_dest<%t, Ctrl : 0>\n    }")
    printed = reprints_the_same(in_device(body), "ctrl.mlir")
    assert "aie.packet_dest<%t, TileControl : 0>" in printed
    assert aie.WireBundle.of("Ctrl") is aie.WireBundle.TileControl


def test_dma_bd_2024_spellings():
    # add_12_i8_using_2d_dma_op_with_padding (zero_pad_*), matrix_multiplication_using_cascade/aie_plainx1
    # (dims = [...]), dma_op_pad_value_i32 (`pad [...]` after the 2026 keywords): read as today's BD.
    head = "    %t = aie.tile(0, 1)\n    %b = aie.buffer(%t) : memref<64x64xi8>\n    %m = aie.memtile_dma(%t) {\n"
    tail = "\n      aie.end\n    }"
    bd = ("      %0 = aie.dma_start(MM2S, 0, ^bb1, ^bb2)\n    ^bb1:\n      aie.dma_bd(%b : memref<64x64xi8>, 0, 4096, "
          "[<size = 61, stride = 56>, <size = 56, stride = 1>], [<zero_pad_before = 2, zero_pad_after = 1>, "
          "<zero_pad_before = 4, zero_pad_after = 4>])\n      aie.next_bd ^bb1\n    ^bb2:")
    printed = reprints_the_same(in_device(head + bd + tail), "pad.mlir")
    assert ("[<const_pad_before = 2, const_pad_after = 1>, <const_pad_before = 4, const_pad_after = 4>]"
            in printed)
    dims = bd.replace(", 0, 4096, [<size = 61, stride = 56>, <size = 56, stride = 1>], [<zero_pad_before = 2, "
                      "zero_pad_after = 1>, <zero_pad_before = 4, zero_pad_after = 4>])",
                      ", dims = [<size = 64, stride = 64>, <size = 64, stride = 1>]) {len = 4096 : i32}")
    [read] = ops_of(parse_module(in_device(head + dims + tail), "dims.mlir"), aie.DMABDOp)
    assert [(d.size.data, d.stride.data) for d in read.dimensions] == [(64, 64), (64, 1)] and read.length == 4096
    # (printed with the offset the positional form needs: `0, 4096, [...]`, stable from there on)
    printed = reprints_the_same(show(parse_module(in_device(head + dims + tail), "dims.mlir")), "dims.mlir")
    assert "aie.dma_bd(%b : memref<64x64xi8>, 0, 4096, [<size = 64, stride = 64>, <size = 64, stride = 1>])" in printed
    pad = bd.replace(", 0, 4096, [<size = 61, stride = 56>, <size = 56, stride = 1>], [<zero_pad_before = 2, "
                     "zero_pad_after = 1>, <zero_pad_before = 4, zero_pad_after = 4>])",
                     " offset = 0 len = 4096 sizes = [64, 64] strides = [64, 1] "
                     "pad [<const_pad_before = 2, const_pad_after = 1>])")
    printed = reprints_the_same(in_device(head + pad + tail), "pad2026.mlir")
    assert "[<const_pad_before = 2, const_pad_after = 1>]" in printed


CORE_BODY = ("    %t = aie.tile(0, 2)\n    %b0 = aie.buffer(%t) : memref<8xi32>\n"
             "    %b1 = aie.buffer(%t) : memref<8xi32>\n"
             "    %c = aie.core(%t) {\n{body}\n      aie.end\n    }")


@pytest.mark.parametrize("body, expected", [
    # external_mangle_collision/aie.mlir: MLIR's memref.copy syntax.
    ("      memref.copy %b0, %b1 : memref<8xi32> to memref<8xi32>",
     "memref.copy %b0, %b1 : memref<8xi32> to memref<8xi32>"),
    # conditional_buffer_selection.mlir: index.cmp.
    ("      %i = index.constant 1\n      %j = index.constant 2\n      %p = index.cmp eq(%i, %j)",
     "%p = index.cmp eq(%i, %j)"),
    # matrix_multiplication_using_cascade/aie_buffer.mlir: a quoted cmpi predicate.
    ('      %x = arith.constant 0 : index\n      %p = arith.cmpi "eq", %x, %x : index',
     "%p = arith.cmpi eq, %x, %x : index"),
    # objectfifo_core_while_true/aie.mlir: scf.while without initial values.
    ("      %true = arith.constant true\n      scf.while : () -> () {\n        scf.condition(%true)\n"
     "      } do {\n        scf.yield\n      }", "scf.while"),
    # add_256_using_dma_op_no_double_buffering/aie.mlir: affine.for (xDSL's affine dialect).
    ("      affine.for %i = 0 to 4 step 1 {\n        %v = memref.load %b0[%i] : memref<8xi32>\n      }",
     "affine.for %i = 0 to 4 {"),
])
def test_core_bodies_of_builtin_dialects(body, expected):
    printed = reprints_the_same(in_device(CORE_BODY.replace("{body}", body)), "core.mlir")
    assert expected in printed


def test_builtin_patches_verify():
    bad = CORE_BODY.replace("{body}", "      %i = index.constant 1\n      %p = index.cmp lt(%i, %i)")
    assert "expected an index.cmp predicate" in error_of(in_device(bad)).what
    copy = CORE_BODY.replace("{body}", "      memref.copy %b0, %b1 : memref<8xi32> to memref<8xi32>")
    assert "same shape" in error_of(in_device(copy.replace("%b1 = aie.buffer(%t) : memref<8xi32>",
                                                           "%b1 = aie.buffer(%t) : memref<4xi32>")
                                              .replace("to memref<8xi32>", "to memref<4xi32>"))).what


TRACE = """\
    %t = aie.tile(0, 2)
    aie.trace @core_trace(%t) {
      aie.trace.mode "Event-Time"
      aie.trace.packet id=1 type=core
      aie.trace.event<"INSTR_EVENT_0">
      aie.trace.event<"PORT_RUNNING_0"> label = "dma"
      aie.trace.port<0> port=DMA channel=0 direction=S2MM
      aie.trace.start broadcast=15
      aie.trace.stop event=<"BROADCAST_14">
    }
    %c = aie.core(%t) {
      aie.event(0)
      aie.end
    }
    aie.runtime_sequence(%a: memref<64xi32>) {
      aie.trace.host_config {buffer_size = 8192 : i32, reuse_output_buffer = true}
      aie.trace.start_config @core_trace
    }"""


def test_trace_ops():
    # AIETraceOps.td @ 019b75a7; test/npu-xrt/vec_mul_trace_distribute_lateral, full_elf_event_trace.
    printed = reprints_the_same(in_device(TRACE), "trace.mlir")
    for line in ('aie.trace @core_trace(%t) {', 'aie.trace.mode "Event-Time"', "aie.trace.packet id = 1 type = core",
                 'aie.trace.event<"PORT_RUNNING_0"> label = "dma"', "aie.trace.port<0> port = DMA channel = 0 "
                 "direction = S2MM", "aie.trace.start broadcast=15", 'aie.trace.stop event=<"BROADCAST_14">',
                 "aie.event(0)", "aie.trace.host_config buffer_size = 8192 {reuse_output_buffer = true}",
                 "aie.trace.start_config @core_trace"):
        assert line in printed, line
    generic = show(parse_module(printed, "x"), generic=True)
    assert '"aie.trace.port"() <{channel = 0 : i32, direction = 0 : i32, port = 1 : i32, slot = 0 : i32}>' in generic
    assert "failed to satisfy constraint" in error_of(in_device(TRACE.replace("id=1", "id=40"))).what
    assert "exactly one of broadcast or event" in error_of(in_device(TRACE.replace(
        "aie.trace.start broadcast=15", "aie.trace.start"))).what
    assert "expects parent op 'aie.trace'" in error_of(in_device("    aie.trace.mode \"Event-Time\"")).what


def test_bd_iteration_attribute():
    # test/npu-xrt/bd_iteration_dma_task/aie.mlir (2026): kept on the BD as the `iteration` attribute.
    body = ("    %t = aie.tile(0, 0)\n"
            "    aie.runtime_sequence(%out: memref<4096xi32>) {\n"
            "      %task = aiex.dma_configure_task(%t, S2MM, 0) {\n"
            "        aie.dma_bd(%out : memref<4096xi32>, 0, 1024) {bd_id = 0 : i32, "
            "iteration = #aie.bd_iteration<size = 4, stride = 1024, current = 2>}\n"
            "        aie.end\n      }\n    }")
    printed = reprints_the_same(in_device(body), "iter.mlir")
    assert "iteration = #aie.bd_iteration<size = 4, stride = 1024, current = 2>" in printed
    [bd] = ops_of(parse_module(printed, "x"), aie.DMABDOp)
    assert isinstance(bd.attributes["iteration"], aie.BDIterationAttr) and bd.attributes["iteration"].current.data == 2


# test/npu-xrt/dynamic_chain_passthrough, memtile_dmas/dma_configure_task_runtime_len and
# dma_s2mm_ooo_shim_recv (2026): run-time offsets, lengths, sizes and BD IDs.
DYNAMIC_BDS = """\
module {
  aie.device(npu2) {
    %t = aie.tile(0, 0)
    aie.runtime_sequence(%in: memref<2048xi32>, %out: memref<2048xi32>, %n: i64) {
      %c256_i32 = arith.constant 256 : i32
      %n_i32 = arith.trunci %n : i64 to i32
      %len = arith.muli %n_i32, %c256_i32 : i32
      %t0 = aiex.dma_configure_task(%t, S2MM, 0) {
        aie.dma_bd(%out : memref<2048xi32> offset = 0 len = %len sizes = [1, 1, %n, 256] strides = [0, 0, 256, 1]) {bd_id = 0 : i32}
        aie.end
      } {issue_token = true}
      %t1 = aiex.dma_configure_task(%t, MM2S, 0) {
        aie.dma_bd(%in : memref<2048xi32> offset = %len len = 128)
        aie.end
      } {issue_token = true}
      %bd = aiex.dma_bd_pool_pop(0, 0) : i32
      %t2 = aiex.dma_configure_task(%t, MM2S, 1) {
        aie.dma_bd(%in : memref<2048xi32> offset = 8 len = 8) bd_id_val %bd : i32
        aie.end
      } {issue_token = true}
      aiex.dma_bd_pool_push(0, 0) bd_id %bd : i32
    }
  }
}
"""


def test_dma_bd_runtime_fields():
    printed = reprints_the_same(DYNAMIC_BDS, "dyn.mlir")
    # a BD with a run-time field prints in the keyword spelling it was written in, the static one as before
    for line in ("aie.dma_bd(%out : memref<2048xi32> offset = 0 len = %len sizes = [1, 1, %n, 256] "
                 "strides = [0, 0, 256, 1]) {bd_id = 0 : i32}",
                 "aie.dma_bd(%in : memref<2048xi32> offset = %len len = 128)",
                 "aie.dma_bd(%in : memref<2048xi32>, 8, 8) bd_id_val %bd : i32"):
        assert line in printed
    sized, offset, pooled = ops_of(parse_module(DYNAMIC_BDS, "dyn.mlir"), aie.DMABDOp)
    assert sized.is_dynamic and sized.dimensions is None and sized.dyn_len.name_hint == "len"
    assert list(sized.static_sizes.get_values()) == [1, 1, aie.DYNAMIC, 256] and [v.name_hint for v in sized.dyn_sizes] == ["n"]
    assert str(sized.dyn_sizes[0].type) == "i64" and str(sized.dyn_len.type) == "i32"
    assert offset.is_dynamic and offset.dyn_offset.name_hint == "len" and offset.len.value.data == 128
    assert not pooled.is_dynamic and pooled.bd_id_val.name_hint == "bd"
    generic = show(parse_module(DYNAMIC_BDS, "dyn.mlir"), generic=True)
    assert ('"aie.dma_bd"(%out, %len, %n) <{bd_id = 0 : i32, offset = 0 : i32, operandSegmentSizes = '
            'array<i32: 1, 0, 1, 1, 0, 0>, static_sizes = array<i64: 1, 1, -9223372036854775808, 256>, '
            'static_strides = array<i64: 0, 0, 256, 1>}> : (memref<2048xi32>, i32, i64) -> ()') in generic


def test_dma_bd_generic_form_without_segments():
    """aie-opt before the run-time fields prints no operandSegmentSizes: the buffer is the one operand."""
    text = DYNAMIC_BDS.replace(
        "aie.dma_bd(%in : memref<2048xi32> offset = %len len = 128)",
        '"aie.dma_bd"(%in) <{len = 128 : i32, offset = 0 : i32}> : (memref<2048xi32>) -> ()')
    assert "aie.dma_bd(%in : memref<2048xi32>, 0, 128)" in show(parse_module(text, "old.mlir"))


def test_dma_bd_runtime_value_defined_later():
    text = DYNAMIC_BDS.replace("len = %len sizes", "len = %later sizes")
    assert "must be defined before the BD" in error_of(text).what


# test/npu-xrt/packet_flow_merge_order/aie.mlir (2026; mlir-aie PR #3537): an arbiter's deterministic merge.
MERGE = ("    %t = aie.tile(0, 0)\n    %s = aie.switchbox(%t) {\n"
         "      %0 = aie.amsel<0> (0) deterministic_merge [<East : 2, 1>, <North : 2, 1>, <East : 0, 1>]\n"
         "      %1 = aie.masterset(South : 2, %0)\n"
         "      aie.packet_rules(East : 0) {\n        aie.rule(31, 0, %0)\n      }\n    }")


def test_amsel_deterministic_merge():
    printed = reprints_the_same(in_device(MERGE), "merge.mlir")
    assert "aie.amsel<0>(0) deterministic_merge [<East : 2, 1>, <North : 2, 1>, <East : 0, 1>]" in printed
    [amsel] = ops_of(parse_module(in_device(MERGE), "merge.mlir"), aie.AMSelOp)
    assert [list(s.get_values()) for s in amsel.deterministic_merge] == [
        [aie.WireBundle.East, 2, 1], [aie.WireBundle.North, 2, 1], [aie.WireBundle.East, 0, 1]]
    assert "deterministic_merge = [array<i32: 6, 2, 1>" in show(parse_module(in_device(MERGE), "merge.mlir"), True)


@pytest.mark.parametrize("body, message", [
    (MERGE.replace("amsel<0> (0)", "amsel<2> (0)"), "only available on arbiters 0 and 1"),
    (MERGE.replace("<East : 0, 1>]", "<East : 0, 0>]"), "packet count >= 1"),
    (MERGE.replace("      %1 = aie.masterset", "      %9 = aie.amsel<0> (1) deterministic_merge [<North : 0, 1>]\n"
                   "      %1 = aie.masterset"), "arbiter 0 has more than one deterministic_merge schedule"),
])
def test_amsel_deterministic_merge_rejections(body, message):
    assert message in error_of(in_device(body)).what


def test_dma_bd_runtime_fields_generic_counts_must_match():
    generic = show(parse_module(DYNAMIC_BDS, "dyn.mlir"), generic=True)
    bad = generic.replace("static_sizes = array<i64: 1, 1, -9223372036854775808, 256>",
                          "static_sizes = array<i64: 1, 1, 1, 256>")
    assert "expected 0 dynamic sizes values" in error_of(bad).what


# ---------------------------------------------------------------------------------------
# Constructs of mlir-aie's test/npu-xrt designs (issue 20)
# ---------------------------------------------------------------------------------------


def test_a_link_written_before_offsets_slices_in_order():
    # test/npu-xrt/two_col/aie.mlir @ 42b6dad6: `-> [@o1, @o2, @o3] ()`; the lowering of that time put
    # each output's slice after the previous one's (AIEObjectFifoStatefulTransform.cpp, 2024 extraOffset)
    text = in_device(_TILES + """
    %t4 = aie.tile(0, 4)
    aie.objectfifo @i(%shim, {%mem}, 2 : i32) : !aie.objectfifo<memref<24xi32>>
    aie.objectfifo @o1(%mem, {%t2}, 2 : i32) : !aie.objectfifo<memref<4xi32>>
    aie.objectfifo @o2(%mem, {%t3}, 2 : i32) : !aie.objectfifo<memref<12xi32>>
    aie.objectfifo @o3(%mem, {%t4}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.link [@i] -> [@o1, @o2, @o3] ()
    aie.objectfifo @j1(%t2, {%mem}, 2 : i32) : !aie.objectfifo<memref<6xi32>>
    aie.objectfifo @j2(%t3, {%mem}, 2 : i32) : !aie.objectfifo<memref<2xi32>>
    aie.objectfifo @j(%mem, {%shim}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
    aie.objectfifo.link [@j1, @j2] -> [@j] ()""")
    module = parse_module(text, "two_col_like.mlir")
    distribute, join = ops_of(module, aie.ObjectFifoLinkOp)
    assert distribute.pre_offsets and distribute.implicit_offsets() == [0, 4, 16]  # 0, 4, 4 + 12
    assert join.pre_offsets and join.implicit_offsets() == [0, 6]
    assert " -> [@o1, @o2, @o3]() {npu_tiler.link_without_offsets}" in show(module)  # `()`, the marker after
    assert_round_trips(module, "two_col_like.mlir")


def test_vector_ops_and_integer_casts_of_vectors_in_a_core():
    # test/npu-xrt/aiecc_o3_vector_passes/aie.mlir: vector.transfer_read/write and arith.extsi on vectors
    text = in_device(_TILES + """
    %buf = aie.buffer(%t2) : memref<4x8xi16>
    %out = aie.buffer(%t2) : memref<4x8xi32>
    aie.core(%t2) {
      %c0 = arith.constant 0 : index
      %pad = arith.constant 0 : i16
      %v = vector.transfer_read %buf[%c0, %c0], %pad {in_bounds = [true]} : memref<4x8xi16>, vector<8xi16>
      %w = arith.extsi %v : vector<8xi16> to vector<8xi32>
      %n = arith.trunci %w : vector<8xi32> to vector<8xi16>
      vector.transfer_write %w, %out[%c0, %c0] {in_bounds = [true]} : vector<8xi32>, memref<4x8xi32>
      aie.end
    }""")
    module = parse_module(text, "vec.mlir")
    assert [op.name for op in walk(module) if op.name.startswith(("vector.", "arith.ext", "arith.trunc"))] == [
        "vector.transfer_read", "arith.extsi", "arith.trunci", "vector.transfer_write"]
    assert_round_trips(module, "vec.mlir", forms=(False,))


def test_a_call_finds_a_declaration_of_the_module_around_the_device():
    # test/npu-xrt/external_mangle_collision/aie.mlir @ 42377cc9 declares its kernels beside aie.device
    text = ("module {\n  func.func private @k(memref<8xi32>, i32)\n" + in_device(_TILES + """
    %b = aie.buffer(%t2) : memref<8xi32>
    aie.core(%t2) {
      %c = arith.constant 1 : i32
      func.call @k(%b, %c) : (memref<8xi32>, i32) -> ()
      aie.end
    }""").removeprefix("module {\n"))
    module = parse_module(text, "outside.mlir")
    assert [op.callee.string_value() for op in ops_of(module, aie.CoreOp)[0].walk() if op.name == "func.call"] == ["k"]
    wrong = text.replace("(memref<8xi32>, i32) -> ()", "(memref<8xi32>, i16) -> ()").replace(
        "%c = arith.constant 1 : i32", "%c = arith.constant 1 : i16")
    assert "operand type mismatch: expected operand type i32, but provided i16" in error_of(wrong).what
