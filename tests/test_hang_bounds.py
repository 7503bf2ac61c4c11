"""The hang check always terminates and never guesses (issue 20, item 2).

Before the bound, these hardware-tested mlir-aie designs (tests/corpus/npu-xrt, each built
and run on an NPU in mlir-aie's CI, see tests/corpus/SOURCES.toml) made the executor loop
forever: a flow joins two ends the model leaves open (a mem tile or tile DMA programmed only
through ``aiex.npu.blockwrite`` / ``write32`` / ``writebd``), both always ready, so bytes moved
without end inside one round. A stream now moves at most ``BUDGET`` transfers per round and a
check at most ``MAX_WORK`` rounds in all; such a design is "not proved", never "hangs".
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from builders import NPU_XRT, npu_xrt

from partitioner.hangs import check
from partitioner.mlir import index as ix
from partitioner.mlir.parse import read_source

EXECUTE = sys.modules["partitioner.hangs.execute"]  # the package re-exports a function of that name

ONCE_ENDLESS = ["memtile_dmas__aie.mlir", "memtile_dmas__blockwrite_using_locks__aie.mlir",
                "memtile_dmas__blockwrite_using_tokens__aie.mlir", "tile_dmas__blockwrite_using_locks__aie.mlir",
                "tile_dmas__writebd__aie.mlir", "tile_dmas__writebd_tokens__aie.mlir"]


@pytest.mark.parametrize("name", ONCE_ENDLESS)
def test_a_design_whose_flows_have_open_ends_is_answered_not_proved(name):
    result = check(NPU_XRT / name)
    assert result.hangs == []  # it runs on hardware in mlir-aie's CI
    assert not result.proved
    assert result.notes  # and says why


def test_the_work_bound_gives_not_proved_with_its_reason(monkeypatch):
    # Shrink the bound below what a kept design needs (20 rounds for batch100_split4): the run is
    # cut short, and the answer is "not proved" with the bound named, not a hang found in passing.
    monkeypatch.setattr(EXECUTE, "MAX_WORK", 5)
    result = check(Path(__file__).parents[1] / "designs" / "batch100_split4")
    assert result.hangs == [] and not result.proved
    assert any("gave up after 5 rounds of abstract work" in n for n in result.notes), result.notes


# A design with one hand-written lock the host sets by a register write: core (0,2) waits for lock 0 of
# its tile, then releases lock 1, which its DMA's one BD waits for to send 32 bytes to the host. WRITE is
# the runtime sequence's write; the host then waits for the 32 bytes.
LOCK_WRITE = """module {
  aie.device(npu1_1col) {
    %t00 = aie.tile(0, 0)
    %t02 = aie.tile(0, 2)
    %go = aie.lock(%t02, 0) {init = 0 : i32, sym_name = "go"}
    %done = aie.lock(%t02, 1) {init = 0 : i32, sym_name = "done"}
    %buf = aie.buffer(%t02) {sym_name = "buf"} : memref<8xi32>
    aie.flow(%t02, DMA : 0, %t00, DMA : 0)
    %c = aie.core(%t02) {
      aie.use_lock(%go, AcquireGreaterEqual, 1)
      aie.use_lock(%done, Release, 1)
      aie.end
    }
    %m = aie.mem(%t02) {
      %0 = aie.dma_start(MM2S, 0, ^bb1, ^bb2)
    ^bb1:
      aie.use_lock(%done, AcquireGreaterEqual, 1)
      aie.dma_bd(%buf : memref<8xi32>) { len = 8 : i32 }
      aie.next_bd ^bb2
    ^bb2:
      aie.end
    }
    aie.shim_dma_allocation @out0(S2MM, 0, 0)
    aiex.runtime_sequence(%a: memref<8xi32>) {
      %c0 = arith.constant 0 : i64
      %c1 = arith.constant 1 : i64
      %c8 = arith.constant 8 : i64
      WRITE
      aiex.npu.dma_memcpy_nd(%a[%c0, %c0, %c0, %c0] [%c1, %c1, %c1, %c8] [%c0, %c0, %c0, %c1]) {id = 0 : i64, issue_token = true, metadata = @out0} : memref<8xi32>
      aiex.npu.dma_wait {symbol = @out0}
    }
  }
}
"""


def _lock_write(tmp_path: Path, write: str):
    design = tmp_path / "d.mlir"
    design.write_text(LOCK_WRITE.replace("WRITE", write))
    return check(design)


def test_a_write_of_a_lock_value_register_sets_that_lock(tmp_path):
    # AIE-ML compute tile lock k's value register is at 0x1F000 + 0x10 * k (XRT aie2_registers.h
    # mm_lock0_value = 0x0001F000, mm_lock1_value = 0x0001F010): writing 1 there is aiex.set_lock(go, 1).
    # test/npu-xrt/add_maskwrite releases its core this way (write32 at 0x0001F000).
    free = _lock_write(tmp_path, "aiex.npu.write32 {address = 0x1F000 : ui32, column = 0 : i32, row = 2 : i32, value = 1 : ui32}")
    assert free.hangs == [] and free.proved, free.notes
    # the same write through an array address: column 0 << 25 | row 2 << 20 | 0x1F000 (AIE2TargetModel shifts)
    array = _lock_write(tmp_path, f"aiex.npu.write32 {{address = {(2 << 20) | 0x1F000} : ui32, value = 1 : ui32}}")
    assert array.hangs == [] and array.proved, array.notes
    # with column and row given only the low 20 bits count (AIEXDialect.cpp), as test/npu-xrt/tile_dmas
    # writes 0x21DE04 with row = 2: here row 3's bits in the address are ignored, the lock is (0,2)'s
    both = _lock_write(tmp_path, f"aiex.npu.write32 {{address = {(3 << 20) | 0x1F000} : ui32, column = 0 : i32, "
                                 f"row = 2 : i32, value = 1 : ui32}}")
    assert both.hangs == [] and both.proved, both.notes


def test_a_lock_write_that_leaves_the_core_waiting_is_a_hang_at_its_acquire(tmp_path):
    # writing 0 leaves go at 0: the core never passes its acquire, the DMA never sends, the host's wait starves
    result = _lock_write(tmp_path, "aiex.npu.write32 {address = 0x1F000 : ui32, column = 0 : i32, row = 2 : i32, value = 0 : ui32}")
    assert [h.kind for h in result.hangs] == ["starved-host-wait"], result.notes
    core = next(s for s in result.hangs[0].stuck if s.actor == "core (0,2)")
    assert core.line == 10  # the core's aie.use_lock(%go, AcquireGreaterEqual, 1)
    assert "aie.use_lock(%go, AcquireGreaterEqual, 1)" in LOCK_WRITE.splitlines()[core.line - 1]


def test_writes_to_trace_event_and_data_memory_registers_move_nothing(tmp_path):
    # Each offset is in XRT's aie2_registers.h: 0x32038 cm_core_processor_bus, 0x340D0 cm_trace_control0,
    # 0x34008 cm_event_generate, 0x3FF00 cm_stream_switch_event_port_selection_0, 0x1000 data memory;
    # on the shim 0x34048 shim_event_broadcast_a_14. None moves a DMA, a lock or a core.
    writes = "\n".join([
        "aiex.npu.write32 {address = 0x1F000 : ui32, column = 0 : i32, row = 2 : i32, value = 1 : ui32}",
        "aiex.npu.maskwrite32 {address = 0x32038 : ui32, column = 0 : i32, row = 2 : i32, value = 1 : ui32, mask = 1 : ui32}",
        "aiex.npu.write32 {address = 0x340D0 : ui32, column = 0 : i32, row = 2 : i32, value = 7 : ui32}",
        "aiex.npu.write32 {address = 0x34008 : ui32, column = 0 : i32, row = 2 : i32, value = 127 : ui32}",
        "aiex.npu.write32 {address = 0x3FF00 : ui32, column = 0 : i32, row = 2 : i32, value = 289 : ui32}",
        "aiex.npu.write32 {address = 0x1000 : ui32, column = 0 : i32, row = 2 : i32, value = 5 : ui32}",
        "aiex.npu.write32 {address = 0x34048 : ui32, column = 0 : i32, row = 0 : i32, value = 126 : ui32}",
        "aiex.npu.write32 {buffer = @buf, address = 4 : ui32, value = 42 : ui32}"])
    result = _lock_write(tmp_path, writes)
    assert result.hangs == [] and result.proved, result.notes
    assert sum("no DMA, lock or core control" in n for n in result.notes) == 7


@pytest.mark.parametrize("write, what", [
    # XRT aie2_registers.h: shim_dma_mm2s_0_task_queue 0x1D214, mm_dma_bd0_0 0x1D000, cm_core_control 0x32000,
    # cm_enable_events 0x32008, mm_lock_request 0x40000, cm_stream_switch_master_config_dma0 0x3F004
    ("address = 0x1D214 : ui32, column = 0 : i32, row = 0 : i32", "shim tile (0,0) offset 0x1d214"),
    ("address = 0x1D000 : ui32, column = 0 : i32, row = 2 : i32", "compute tile (0,2) offset 0x1d000"),
    ("address = 0x32000 : ui32, column = 0 : i32, row = 2 : i32", "compute tile (0,2) offset 0x32000"),
    ("address = 0x32008 : ui32, column = 0 : i32, row = 2 : i32", "compute tile (0,2) offset 0x32008"),
    ("address = 0x40000 : ui32, column = 0 : i32, row = 2 : i32", "compute tile (0,2) offset 0x40000"),
    ("address = 0x3F004 : ui32, column = 0 : i32, row = 2 : i32", "compute tile (0,2) offset 0x3f004"),
    ("buffer = @buf, address = 8 : ui32", "@buf at 8"),  # past the end of buf (8 words)
])
# npu1-facts.md section 12, row 9: Register writes (`npu.write32`, `maskwrite32`, `blockwrite`), `push_queue`, DMA channel resets move data and locks
def test_a_write_into_a_dma_lock_core_or_switch_register_stays_not_proved(tmp_path, write, what):
    # the design is free with the lock write; one more write the model cannot follow makes it "not proved"
    result = _lock_write(tmp_path, "aiex.npu.write32 {address = 0x1F000 : ui32, column = 0 : i32, row = 2 : i32, "
                                   "value = 1 : ui32}\n      aiex.npu.write32 {" + write + ", value = 1 : ui32}")
    assert result.hangs == [] and not result.proved
    assert any("aiex.npu.write32 moves data or locks and is not modelled" in n for n in result.notes), result.notes


def test_the_reader_and_the_hang_check_read_a_register_write_alike(tmp_path):
    # One place decides what a write does (the index, through partitioner.mlir.registers): an inert write
    # (0x32038, cm_core_processor_bus) is neither a "not modelled" note of the reader nor a mover; a lock
    # write (0x1F000, mm_lock0_value) is the index's SetLock on lock "go"; a DMA BD write (0x1D000,
    # mm_dma_bd0_0) is a mover for both, and the one "not modelled" note of the reader.
    design = tmp_path / "d.mlir"
    design.write_text(LOCK_WRITE.replace("WRITE", "\n      ".join([
        "aiex.npu.write32 {address = 0x1F000 : ui32, column = 0 : i32, row = 2 : i32, value = 1 : ui32}",
        "aiex.npu.maskwrite32 {address = 0x32038 : ui32, column = 0 : i32, row = 2 : i32, value = 1 : ui32, mask = 1 : ui32}",
        "aiex.npu.write32 {address = 0x1D000 : ui32, column = 0 : i32, row = 2 : i32, value = 1 : ui32}"])))
    source = read_source(design)
    dev = source.index.design
    steps = [s for s in dev.sequences[0].steps if s.op.name.startswith("aiex.npu.")
             and s.op.name not in ("aiex.npu.dma_memcpy_nd", "aiex.npu.dma_wait")]
    assert [type(s) for s in steps] == [ix.SetLock, ix.Inert, ix.Other]
    assert dev.locks[steps[0].lock].name == "go" and steps[0].value == 1
    assert dev.movers == [steps[2].op] and dev.not_modelled == [steps[2].op]
    result = check(design)
    assert not result.proved
    line = next(i for i, text in enumerate(design.read_text().splitlines(), 1) if "0x1D000" in text)
    assert [n for n in result.notes if "moves data or locks" in n] == [
        f"{design}:{line}:7: aiex.npu.write32 moves data or locks and is not modelled: not proved"]


@pytest.mark.parametrize("name", ["tile_mapped_read__aie.mlir", "add_blockwrite__aie.mlir"])
def test_hardware_designs_whose_writes_move_nothing_are_proved(name):
    # tile_mapped_read sets Core_Processor_Bus (0x32038); add_blockwrite writes words of its core's
    # constant_buffer (buffer = @constant_buffer): both run on hardware in mlir-aie's CI
    result = check(NPU_XRT / name)
    assert result.hangs == [] and result.proved, result.notes


def test_a_lock_set_by_every_call_that_never_drains_is_not_proved(tmp_path):
    # add_maskwrite (mlir-aie test/npu-xrt, run once on hardware): its maskwrite32s write data memory
    # (inert) and its write32 at 0x1F000 sets input_lock0 for the core; each call the core releases
    # input_lock1, which nothing acquires, so the state after a call never repeats: not decided, no hang.
    text = (NPU_XRT / "add_maskwrite__aie.mlir").read_text()
    result = check(NPU_XRT / "add_maskwrite__aie.mlir")
    assert result.hangs == [] and not result.proved
    assert not any("moves data or locks" in n for n in result.notes), result.notes
    assert any("did not repeat" in n for n in result.notes)
    assert "aie.use_lock(%input_lock1, Release, 1)" in text


def test_a_core_that_hangs_by_itself_is_still_found_beside_register_writes(tmp_path):
    # The static findings stand whatever the runtime sequence writes: an acquire larger than its
    # pool (depth 2, acquire 3) can never complete.
    design = tmp_path / "d.mlir"
    design.write_text("""module {
  aie.device(npu1_1col) {
    %t02 = aie.tile(0, 2)
    %t03 = aie.tile(0, 3)
    aie.objectfifo @f(%t02, {%t03}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
    %c = aie.core(%t03) {
      %s = aie.objectfifo.acquire @f(Consume, 3) : !aie.objectfifosubview<memref<16xi32>>
      aie.end
    }
    aie.runtime_sequence(%a: memref<16xi32>) {
      aiex.npu.write32 {address = 119300 : ui32, column = 0 : i32, row = 0 : i32, value = 1 : ui32}
    }
  }
}
""")
    result = check(design)
    assert [h.kind for h in result.hangs] == ["acquire-exceeds-pool"] and not result.proved


def test_a_bd_with_run_time_fields_makes_the_answer_not_proved(tmp_path):
    # memtile_dmas/dma_configure_task_runtime_len (mlir-aie test/npu-xrt, run on hardware) gives its BDs a
    # length computed at run time: how much each moves is not known here, so the check cannot prove the
    # design free, and says which BD it could not follow (issue 20: "never guesses").
    # NPUDEVICE read as npu1_1col, as its run.lit does
    design = npu_xrt("memtile_dmas__dma_configure_task_runtime_len__aie.mlir", tmp_path, "npu1_1col")
    result = check(design)
    assert result.hangs == [] and not result.proved
    assert any("aie.dma_bd with run-time length" in n for n in result.notes), result.notes


def test_a_buffer_clear_inside_data_memory_moves_nothing(tmp_path):
    # buffer_clear_op (mlir-aie test/npu-xrt, run on hardware) zeroes 8 words of core (0,2)'s data memory
    # ("Clears data memory in place") between two reads the host releases with aiex.set_lock
    design = npu_xrt("buffer_clear_op__aie.mlir", tmp_path, "npu1_1col")
    text = design.read_text()
    result = check(design)
    assert result.hangs == [] and result.proved, result.notes
    # 16380 words on from word 0 would run past the 64 KiB data memory (0x10000 bytes): not followed
    design.write_text(text.replace("aiex.buffer_clear(%tile_0_2, 0, 8)", "aiex.buffer_clear(%tile_0_2, 16380, 8)"))
    result = check(design)
    assert result.hangs == [] and not result.proved
    assert any("aiex.buffer_clear moves data or locks and is not modelled" in n for n in result.notes), result.notes
