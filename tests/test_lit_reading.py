"""Reading constructs of mlir-aie's lit tests (tests/corpus/lit, issue 20): one test per construct.

Each test writes its own minimal module; the expected answer comes from mlir-aie's ODS, verifier
or test files (cited per test), or from MLIR's own rules, not from npu-tiler's output.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import partitioner
from partitioner.design import ELEM_BYTES, elem_bits, elem_bytes, numpy_dtype
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.mlir import aie, aiex
from partitioner.mlir.parse import parse_source


def _read(tmp_path: Path, text: str, name: str = "x.mlir"):
    """Read ``text`` as the corpus harness does (reports/corpus.py evaluate) and check its hangs."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ev = partitioner.read(path, verify_sources=False)
    return ev, check_hangs(ev)


def _ops(module, cls) -> list:
    return [op for op in module.walk() if isinstance(op, cls)]


# ---- element widths: one rule (partitioner.design.elem_bits) -------------------------------------

@pytest.mark.parametrize("name, bits", [
    # MLIR builtin types: iN signless, siN signed, uiN unsigned are N bits (BuiltinTypes.td IntegerType);
    # bf16/f16 16, f32 32, f64 64; index 64 in the default data layout.
    ("i8", 8), ("si8", 8), ("ui8", 8), ("ui16", 16), ("si32", 32), ("ui64", 64), ("i1", 1),
    ("bf16", 16), ("f16", 16), ("f32", 32), ("f64", 64), ("index", 64),
])
def test_element_widths_of_mlir_builtin_types(name, bits):
    assert elem_bits(name) == bits
    assert elem_bytes(name) == (bits // 8 if bits % 8 == 0 else None)


def test_element_widths_unknown_names_have_none():
    assert [elem_bits(n) for n in ("memref<4xi8>", "u8", "s16", "i", "ui", "vector<4xi8>")] == [None] * 6


def test_generated_types_keep_their_sizes_and_unsigned_ints_view_as_unsigned():
    assert ELEM_BYTES == {"i8": 1, "i16": 2, "i32": 4, "i64": 8, "bf16": 2, "f16": 2, "f32": 4, "f64": 8}
    assert (str(numpy_dtype("ui8")), str(numpy_dtype("si16")), str(numpy_dtype("ui32"))) == ("uint8", "int16", "uint32")
    with pytest.raises(KeyError):
        numpy_dtype("ui1")


# A distribute: @in (32 elements, from SRC to LINK) split into @o0 and @o1 (16 elements each, from LINK to
# (0,4) and (0,5)); ELEM is the element type.
_DISTRIBUTE = """module {
  aie.device(npu1) {
    %t00 = aie.tile(0, 0)
    %t01 = aie.tile(0, 1)
    %t02 = aie.tile(0, 2)
    %t04 = aie.tile(0, 4)
    %t05 = aie.tile(0, 5)
    aie.objectfifo @in(%SRC, {%LINK}, 2 : i32) : !aie.objectfifo<memref<32xELEM>>
    aie.objectfifo @o0(%LINK, {%t04}, 2 : i32) : !aie.objectfifo<memref<16xELEM>>
    aie.objectfifo @o1(%LINK, {%t05}, 2 : i32) : !aie.objectfifo<memref<16xELEM>>
    aie.objectfifo.link [@in] -> [@o0, @o1]([] [0, 16])
  }
}
"""


def _distribute(src: str, link: str, elem: str = "i32") -> str:
    return _DISTRIBUTE.replace("%SRC", src).replace("%LINK", link).replace("ELEM", elem)


def test_a_link_of_unsigned_byte_fifos_is_read(tmp_path):
    # mlir-aie's bd_chain_on_memtile tests use memref<..xui8> FIFOs in memtile links: 1 byte per element.
    ev, _ = _read(tmp_path, _distribute("%t00", "%t01", "ui8"))
    sizes = {f.name: (f.elem_type, f.object_bytes) for f in ev.design.fifos}
    assert sizes == {"in": ("ui8", 32), "o0": ("ui8", 16), "o1": ("ui8", 16)}


# ---- the 2026 acquire / release forms -----------------------------------------------------------

_ACCESS = """module {
  aie.device(npu2) {
    %t1 = aie.tile(0, 1)
    %t2 = aie.tile(0, 2)
    aie.objectfifo @f(%t1, {%t2}, 4 : i32) : !aie.objectfifo<memref<8xi8>>
    %c = aie.core(%t2) {
      %a, %b, %d = aie.objectfifo.acquire @f(Consume) : memref<8xi8>, memref<8xi8>, memref<8xi8>
      aie.objectfifo.release @f(Consume) [2]
      aie.objectfifo.release @f(Consume, 1)
      aie.end
    }
  }
}
"""


def test_acquire_without_a_count_counts_its_results_and_release_takes_a_bracketed_count():
    # mlir-aie test/objectFifo-stateful-transform/dynamic_lowering/peel_revert.mlir @ 67b9fc63 and
    # data_movement_patterns/link/link_on_core_tile.mlir @ 2b2e049c: `acquire @f(Consume) : T, T, T`
    # takes 3 objects (AIEDialect.cpp 2026 ObjectFifoAcquireOp::verify counts getObjects()),
    # `release @f(Consume) [2]` gives 2 back.
    module = parse_source(_ACCESS, "x.mlir").module
    [acq] = _ops(module, aie.ObjectFifoAcquireOp)
    rel = _ops(module, aie.ObjectFifoReleaseOp)
    assert (acq.size, acq.count, acq.port_name) == (None, 3, "Consume")
    assert [r.count for r in rel] == [2, 1]


def test_acquire_count_and_results_must_agree_in_the_counted_form():
    text = _ACCESS.replace("acquire @f(Consume) :", "acquire @f(Consume, 2) :")
    with pytest.raises(UserError, match="returns 3 objects for 2 acquired"):
        parse_source(text, "x.mlir")


def test_release_needs_a_count():
    text = _ACCESS.replace("release @f(Consume) [2]", "release @f(Consume)")
    with pytest.raises(UserError, match="expected the count"):
        parse_source(text, "x.mlir")


def test_acquire_in_a_function_is_refused_as_mlir_aie_does():
    # AIEDialect.cpp ObjectFifoAcquireOp::verify (every version read, 2023-2026): getParentOfType<CoreOp>()
    # null -> "must be called from inside a CoreOp" (AIE2_delayed_release_inside_funcs.mlir expects it).
    text = _ACCESS.replace("    %c = aie.core(%t2) {", "    func.func @g() {").replace(
        "      aie.end\n    }", "      return\n    }")
    with pytest.raises(UserError, match="'aie.objectfifo.acquire' op must be called from inside a CoreOp"):
        parse_source(text, "x.mlir")


# ---- links: 2026 allows a join or distribute on a compute tile ---------------------------------------

def test_a_distribute_on_a_compute_tile_is_read(tmp_path):
    # AIEDialect.cpp 2026 ObjectFifoLinkOp::verify refuses join/distribute on shim tiles only;
    # link_on_core_tile.mlir @ 2b2e049c distributes on compute tile (0, 2).
    ev, _ = _read(tmp_path, _distribute("%t00", "%t02"))
    [link] = ev.design.links
    assert (link.inputs, link.outputs) == (["in"], ["o0", "o1"])


def test_a_distribute_on_a_shim_tile_is_refused():
    text = _distribute("%t02", "%t00")
    with pytest.raises(UserError, match="ObjectFifoLinkOp join and distribute are unavailable on shim tiles"):
        parse_source(text, "x.mlir")


# ---- top-level modules of one name --------------------------------------------------------------------

_TWO_MODULES = """module @m {
  aie.device(npu1) {
    %t = aie.tile(0, 2)
  }
}
module @m {
  aie.device(npu1) {
    %t = aie.tile(0, 3)
  }
}
"""


def test_two_top_level_modules_of_one_name_are_accepted():
    # MLIR verifies each top-level op, not the implicit module its parser wraps them in, so a
    # duplicate name there is no error (init_values_distribute_output_test.mlir @ 9ac58cf1 has two
    # `module @init_distribute_output` and expects success).
    module = parse_source(_TWO_MODULES, "x.mlir").module
    assert [op.sym_name.data for op in module.body.block.ops] == ["m", "m"]


def test_a_duplicate_name_inside_one_module_is_still_refused():
    text = "module {\n" + _TWO_MODULES + "}\n"
    with pytest.raises(UserError, match='Redefinition of symbol "m"'):
        parse_source(text, "x.mlir")


# ---- aiex.dma_channel_reset_for ---------------------------------------------------------------------

_RESET_FOR = """module {
  aie.device(npu2) {
    %mem = aie.tile(1, 1)
    %ct = aie.tile(1, 2)
    aie.objectfifo @wts(%mem, {%ct}, 1 : i32) : !aie.objectfifo<memref<16xi32>>
    aie.runtime_sequence() {
      aiex.dma_channel_reset_for(@wts)
    }
  }
}
"""


def test_dma_channel_reset_for_is_read_and_makes_the_hang_verdict_not_proved(tmp_path):
    # mlir-aie test/dialect/AIEX/dma_channel_reset_for.mlir (2026): `aiex.dma_channel_reset_for(@of)`
    # names a FIFO; it is lowered to channel resets, start-queue pushes and set_locks: it moves DMAs
    # and locks, which npu-tiler does not model, so no "proved free" through it.
    source = parse_source(_RESET_FOR, "x.mlir")
    [op] = _ops(source.module, aiex.DmaChannelResetForOp)
    assert op.objfifo.string_value() == "wts" and op in source.index.devices[0].movers
    _, result = _read(tmp_path, _RESET_FOR)
    assert not result.proved and not result.hangs


# ---- the 2026 split objectFIFO form ------------------------------------------------------------------

_SPLIT = """module {
  aie.device(npu1) {
    %t02 = aie.tile(0, 2)
    %shim = aie.tile(0, 0)
    aie.objectfifo.pool @p(%t02) {depth = 2 : i32, segments = [#aie.objectfifo_segment<offset = 0, size = 16>]} : memref<16xi32>
    aie.objectfifo.core_endpoint @fill(%t02) fills @p
    aie.objectfifo.dma_endpoint @drain(%t02) drains @p {iterCount = 4 : i32}
    aie.objectfifo.dangling_endpoint @sink(%shim) S2MM DMA
    aie.objectfifo.flow from @drain to [@sink]
  }
}
"""


def test_split_objectfifo_ops_read_and_print_as_written():
    # mlir-aie test/objectFifo-stateful-transform/bd_chain_on_core/iter_count.mlir @ 920af38e and the
    # 2026 "ObjectFifo Lowering" page: pool, core/dma/dangling endpoints and objectfifo.flow.
    src = parse_source(_SPLIT, "x.mlir")
    written = [line.strip() for line in _SPLIT.splitlines() if "aie.objectfifo." in line]
    printed = [str(op) for op in src.module.walk() if op.name in {c.name for c in aie.SPLIT_FIFO_OPS}]
    assert printed == written
    [pool] = _ops(src.module, aie.ObjectFifoPoolOp)
    [segment] = pool.segments.data
    assert (pool.depth.value.data, segment.offset.data, segment.size.data) == (2, 0, 16)


def test_a_segment_with_its_locks_keeps_them():
    text = _SPLIT.replace("size = 16>", "size = 16, produceLock = @pl, consumeLock = @cl>")
    [pool] = _ops(parse_source(text, "x.mlir").module, aie.ObjectFifoPoolOp)
    [segment] = pool.segments.data
    assert (segment.produceLock.string_value(), segment.consumeLock.string_value()) == ("pl", "cl")


def test_an_endpoint_role_is_fills_or_drains():
    with pytest.raises(UserError, match="expected 'fills' or 'drains'"):
        parse_source(_SPLIT.replace("fills @p", "feeds @p"), "x.mlir")


def test_split_objectfifo_ops_are_not_modelled_so_the_hang_verdict_is_not_proved(tmp_path):
    # They become buffers, locks, flows and BD chains in later mlir-aie passes that npu-tiler does not
    # follow: every one is listed as a mover, and nothing is proved through them.
    [dev] = parse_source(_SPLIT, "x.mlir").index.devices
    assert sorted(op.name for op in dev.movers) == sorted(c.name for c in aie.SPLIT_FIFO_OPS)
    _, result = _read(tmp_path, _SPLIT)
    assert not result.proved and not result.hangs


# ---- ObjectFIFO ends on a core stream port (aie_stream) ----------------------------------------------

def _stream_fifo(producer: str = "%t12", consumer: str = "%t33", stream: int = 0, extra: str = "",
                 dims: str = "", tail: str = "") -> str:
    return f"""module {{
  aie.device(xcve2302) {{
    %t10 = aie.tile(1, 0)
    %t11 = aie.tile(1, 1)
    %t12 = aie.tile(1, 2)
    %t33 = aie.tile(3, 3)
    aie.objectfifo @s({producer}{dims}, {{{consumer}}}, 1 : i32) {{aie_stream = {stream} : i32, aie_stream_port = 0 : i32{extra}}} : !aie.objectfifo<memref<3xi32>>{tail}
  }}
}}
"""


@pytest.mark.parametrize("text, message", [
    # AIEDialect.cpp ObjectFifoCreateOp::verify (2026), as mlir-aie's test/objectFifo-stateful-transform/
    # aie_stream/bad_*.mlir expect them.
    (_stream_fifo(extra=", repeat_count = 2 : i32"), "`repeat_count` unavailable on stream end"),
    (_stream_fifo(extra=", iter_count = 5 : i32"), "`iter_count` unavailable on stream end"),
    (_stream_fifo(tail=" = [dense<[0, 1, 3]> : memref<3xi32>]"), "`init_values` unavailable on stream end"),
    (_stream_fifo(dims=" dimensionsToStream [<size = 3, stride = 1>]"),
     "`dimensionsToStream` data layout transformations are unavailable on stream end"),
    (_stream_fifo(consumer="%t33 dimensionsFromStream [<size = 3, stride = 1>]", stream=1),
     "`dimensionsFromStreamPerConsumer` data layout transformations are unavailable on stream end"),
    (_stream_fifo(producer="%t11"), "`aie_stream` is not available for shim and mem tiles"),
    (_stream_fifo(producer="%t10"), "`aie_stream` is not available for shim and mem tiles"),
    (_stream_fifo(consumer="%t11", stream=1), "`aie_stream` is not available for shim and mem tiles"),
    (_stream_fifo(consumer="%t33, %t11", stream=1), "`aie_stream` can only be used in 1-to-1 object FIFOs"),
])
def test_an_end_on_a_stream_port_has_no_dma_settings(text, message):
    with pytest.raises(UserError, match=message.replace("[", r"\[")):
        parse_source(text, "x.mlir")


def test_a_stream_end_on_the_other_side_keeps_its_dma_settings():
    # aie_stream = 1 puts only the consumer on a stream port: the producer's repeat_count stays legal.
    module = parse_source(_stream_fifo(stream=1, extra=", repeat_count = 2 : i32"), "x.mlir").module
    [fifo] = _ops(module, aie.ObjectFifoCreateOp)
    assert fifo.streams_end(aie.ObjectFifoPort.Consume) and not fifo.streams_end(aie.ObjectFifoPort.Produce)


def test_a_stream_end_gets_no_shared_memory_allocation():
    # AIEDialect.cpp ObjectFifoAllocateOp::verify (2026); aie_stream/bad_allocate.mlir.
    text = _stream_fifo(consumer="%t12").replace("  }\n}", "    aie.objectfifo.allocate @s (%t12)\n  }\n}")
    with pytest.raises(UserError, match="cannot allocate a shared memory module to objectfifo using stream port"):
        parse_source(text, "x.mlir")


@pytest.mark.parametrize("stream, core, access, message", [
    # aie_stream/bad_acquire.mlir (@ db87a137: reported on the FIFO) and bad_release.mlir (@ 0cc8a711:
    # on the release): the end on a stream port has no objects.
    (0, "%t12", "%a = aie.objectfifo.acquire @s (Produce, 1) : memref<3xi32>",
     "'aie.objectfifo' op cannot acquire from objectfifo stream port"),
    (1, "%t33", "aie.objectfifo.release @s (Consume, 1)", "'aie.objectfifo.release' op cannot release from objectfifo stream port"),
])
def test_a_core_cannot_take_objects_from_its_stream_end(stream, core, access, message):
    text = _stream_fifo(stream=stream).replace(
        "  }\n}", f"    %c = aie.core({core}) {{\n      {access}\n      aie.end\n    }}\n  }}\n}}")
    with pytest.raises(UserError, match=message):
        parse_source(text, "x.mlir")


def test_the_other_end_of_a_stream_fifo_is_still_acquired():
    text = _stream_fifo(stream=0).replace(
        "  }\n}", "    %c = aie.core(%t33) {\n      %a = aie.objectfifo.acquire @s (Consume, 1) : memref<3xi32>\n"
                  "      aie.end\n    }\n  }\n}")
    [acq] = _ops(parse_source(text, "x.mlir").module, aie.ObjectFifoAcquireOp)
    assert acq.count == 1


# ---- BD address alignment ----------------------------------------------------------------------------

def _bd(address: int, offset: int, tile: str = "(0, 1)", dma: str = "aie.memtile_dma") -> str:
    return f"""module {{
  aie.device(npu1) {{
    %t = aie.tile{tile}
    %l = aie.lock(%t) {{init = 1 : i32}}
    %b = aie.buffer(%t) {{address = {address} : i32}} : memref<128xi16>
    %d = {dma}(%t) {{
      %0 = aie.dma_start(S2MM, 0, ^bd, ^end)
    ^bd:
      aie.use_lock(%l, AcquireGreaterEqual, 1)
      aie.dma_bd(%b : memref<128xi16>, {offset}, 64)
      aie.use_lock(%l, Release, 1)
      aie.next_bd ^bd
    ^end:
      aie.end
    }}
  }}
}}
"""


@pytest.mark.parametrize("address, offset, start", [(1, 0, 1), (1, 3, 7), (0, 3, 6)])
def test_a_bd_start_must_be_32_bit_aligned(address, offset, start):
    # AIEDialect.cpp DMABDOp::verify; test/assign-buffer-addresses/bad_alignment.mlir: i16 elements,
    # base + 2 * offset bytes.
    with pytest.raises(UserError, match=rf"bd address must be 4 byte \(32b\) aligned; got base\+offset: {start} \(bytes\)"):
        parse_source(_bd(address, offset), "x.mlir")


def test_an_aligned_bd_start_and_a_core_tile_bd_are_checked_alike():
    parse_source(_bd(2, 3), "x.mlir")  # 2 + 2*3 = 8 bytes: bad_alignment.mlir's positive case
    with pytest.raises(UserError, match="got base\\+offset: 2 "):
        parse_source(_bd(2, 0, tile="(0, 2)", dma="aie.mem"), "x.mlir")


# ---- initial values ----------------------------------------------------------------------------------

def test_an_initial_value_must_be_an_elements_attribute():
    # AIEDialect.cpp parseObjectFifoInitValues; init_values/init_values_bad3.mlir: `= [[0, 1, 2, 3]]`.
    text = """module {
  aie.device(xcve2302) {
    %t12 = aie.tile(1, 2)
    %t23 = aie.tile(2, 3)
    aie.objectfifo @of0 (%t12, {%t23}, 1 : i32) : !aie.objectfifo<memref<4xi32>> = [[0, 1, 2, 3]]
  }
}
"""
    with pytest.raises(UserError, match="initial value should be an elements attribute"):
        parse_source(text, "x.mlir")
    with pytest.raises(UserError, match="initial values should initialize all objects"):
        parse_source(text.replace("[[0, 1, 2, 3]]", "[[0, 1, 2, 3], [1]]"), "x.mlir")


def test_an_initial_value_of_another_shape_is_refused_in_mlir_words():
    # MLIR's AttributeParser: "inferred shape of elements literal ([2, 3]) does not match type ([2, 2])",
    # as init_values/init_values_bad.mlir expects it.
    text = """module {
  aie.device(xcve2302) {
    %t12 = aie.tile(1, 2)
    %t23 = aie.tile(2, 3)
    aie.objectfifo @of0 (%t12, {%t23}, 1 : i32) : !aie.objectfifo<memref<2x2xi32>> = [dense<[[0, 1, 2], [3, 4, 5]]> : memref<2x2xi32>]
  }
}
"""
    with pytest.raises(UserError, match=r"inferred shape of elements literal \(\[2, 3\]\) does not match type \(\[2, 2\]\)"):
        parse_source(text, "x.mlir")
    parse_source(text.replace("[[0, 1, 2], [3, 4, 5]]", "[[0, 1], [3, 4]]"), "x.mlir")


# An unnamed aie.device answers to @main (AIEOps.td @ 2741ca50 AIE_DeviceOp: sym_name defaults to "main"),
# so `aiex.configure @main { ... }` in its own runtime sequence reloads it and its body is the sequence
# (mlir-aie test/npu-xrt/ctrl_packet_reconfig_4x1_cores/aie2.mlir @ d16a7892 writes one).
_UNNAMED_RELOAD = """module {
  aie.device(npu1_1col) {
    %t00 = aie.tile(0, 0)
    %t02 = aie.tile(0, 2)
    aie.objectfifo @in(%t00, {%t02}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
    aie.objectfifo @out(%t02, {%t00}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
    %c = aie.core(%t02) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %cmax = arith.constant 9223372036854775807 : index
      scf.for %i = %c0 to %cmax step %c1 {
        %a = aie.objectfifo.acquire @in(Consume, 1) : !aie.objectfifosubview<memref<16xi32>>
        %b = aie.objectfifo.acquire @out(Produce, 1) : !aie.objectfifosubview<memref<16xi32>>
        aie.objectfifo.release @in(Consume, 1)
        aie.objectfifo.release @out(Produce, 1)
      }
      aie.end
    }
    aiex.runtime_sequence @run(%a: memref<16xi32>, %b: memref<16xi32>) {
      aiex.configure @main {
        aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 16][0, 0, 0, 1]) {id = 0 : i64, metadata = @in} : memref<16xi32>
        aiex.npu.dma_memcpy_nd(%b[0, 0, 0, 0][1, 1, 1, 16][0, 0, 0, 1]) {id = 1 : i64, metadata = @out, issue_token = true} : memref<16xi32>
        aiex.npu.dma_wait {symbol = @out}
      }
    }
  }
}
"""


def test_an_unnamed_device_is_reloaded_by_configure_main(tmp_path):
    dev = parse_source(_UNNAMED_RELOAD, "x.mlir").index.devices[0]
    [seq] = dev.sequences
    assert dev.op.symbol == "main" and isinstance(seq.reloads, aiex.ConfigureOp)
    assert [type(s).__name__ for s in seq.steps] == ["Transfer", "Transfer", "Wait"] and dev.movers == []
    # one object in, one out per call through a depth-2 FIFO each way: nothing left waiting
    _, result = _read(tmp_path, _UNNAMED_RELOAD)
    assert result.proved and not result.hangs, result.notes
