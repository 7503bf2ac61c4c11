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

from partitioner.hangs import check

CORPUS = Path(__file__).parent / "corpus" / "npu-xrt"
EXECUTE = sys.modules["partitioner.hangs.execute"]  # the package re-exports a function of that name

ONCE_ENDLESS = ["memtile_dmas__aie.mlir", "memtile_dmas__blockwrite_using_locks__aie.mlir",
                "memtile_dmas__blockwrite_using_tokens__aie.mlir", "tile_dmas__blockwrite_using_locks__aie.mlir",
                "tile_dmas__writebd__aie.mlir", "tile_dmas__writebd_tokens__aie.mlir"]


@pytest.mark.parametrize("name", ONCE_ENDLESS)
def test_a_design_whose_flows_have_open_ends_is_answered_not_proved(name):
    result = check(CORPUS / name)
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


def test_register_writes_make_the_answer_not_proved_never_a_hang():
    # add_maskwrite (mlir-aie test/npu-xrt, run on hardware) sets up its DMA with npu.maskwrite32
    # register writes: what they do to locks and channels is not modelled, so the state the run
    # ends in proves nothing (it was called a starved host wait before). npu1-facts.md section 12:
    # "Register writes (npu.write32, maskwrite32, blockwrite), push_queue, DMA channel resets move
    # data and locks ... a checker that does not model them cannot prove anything about what they touch".
    result = check(CORPUS / "add_maskwrite__aie.mlir")
    assert result.hangs == [] and not result.proved
    assert any("aiex.npu.maskwrite32 moves data or locks and is not modelled" in n for n in result.notes)


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
    source = (CORPUS / "memtile_dmas__dma_configure_task_runtime_len__aie.mlir").read_text()
    design = tmp_path / "d.mlir"
    design.write_text(source.replace("NPUDEVICE", "npu1_1col"))  # as its run.lit does
    result = check(design)
    assert result.hangs == [] and not result.proved
    assert any("aie.dma_bd with run-time length" in n for n in result.notes), result.notes
