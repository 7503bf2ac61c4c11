"""Reading designs npu-tiler did not write: no manifest, IRON's runtime sequence, a long file."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import partitioner
from partitioner import profiles
from partitioner.emitters import DESIGNS_DIR
from partitioner.check import evaluate_devices
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.mlir import index as ix
from partitioner.mlir.aie import DMAChannelDir, LockAction, WireBundle
from partitioner.mlir.parse import parse_source
from partitioner.mlir.read import read_design
from reports import corpus
from tests.test_roundtrip import differences

CORPUS = Path(__file__).resolve().parent / "conformance"


def test_without_a_manifest_the_figures_come_from_the_ir_and_say_so(tmp_path):
    shutil.copy(DESIGNS_DIR / "batch20_1tile" / "aie.mlir", tmp_path / "aie.mlir")
    ev = partitioner.read(tmp_path)
    o = ev.design.options
    # one tile calls mel_frames on 20 frames per acquire, once per call: batch 20, not a command-line default
    assert (o.kernel, o.strategy, o.batch, o.tiles, o.frame_mode) == ("mel", "single", 20, 1, "framed")
    assert o.alloc_scheme == "default" and any("derived" in n for n in ev.notes)
    built = partitioner.partition(strategy="single", batch=20, tiles=1)
    for part in ("workers", "fifos", "links", "sequence"):
        assert differences(getattr(built.design, part), getattr(ev.design, part), part) == []


def test_read_resolves_the_options_once(monkeypatch):
    from partitioner.context import Context
    calls = []
    real = Context.for_options.__func__
    monkeypatch.setattr(Context, "for_options", classmethod(lambda cls, *a, **k: calls.append(a) or real(cls, *a, **k)))
    ev = partitioner.read(DESIGNS_DIR / "batch100_split4")
    assert len(calls) == 1 and ev.context == Context.for_options(ev.design.options)


def test_without_a_manifest_the_profile_is_the_one_that_emits_the_runtime_sequence(tmp_path):
    # profiles.toml records which runtime-sequence op each profile emits; the read takes the one the file uses
    for profile in profiles.available():
        ev = partitioner.partition(batch=20, tiles=1, strategy="single", mlir_aie=profile)
        partitioner.emit(ev, tmp_path / profile)
        (tmp_path / profile / "manifest.json").unlink()
        read = partitioner.read(tmp_path / profile)
        assert profiles.load(read.design.options.mlir_aie).runtime_sequence == profiles.load(profile).runtime_sequence
        assert any(f"mlir-aie profile {read.design.options.mlir_aie}: derived" in n for n in read.notes)


def test_a_design_iron_printed_is_checked(cli):
    # IRON's runtime sequence: dma_configure_task_for, dma_start_task, dma_await_task
    r = cli("check", str(CORPUS / "iron_localbuffer.mlir"), "--json")
    assert r.returncode == 0, r.stderr
    assert '"fits": true' in r.stdout and '"hangs": []' in r.stdout
    # the reconstructed task-group design has an empty worker: it fits, but its drain would never finish
    r = cli("check", str(CORPUS / "iron_task_group_drain.mlir"))
    assert r.returncode == 1 and "fits: yes" in r.stdout and "starved-host-wait" in r.stdout


def test_the_depth_one_pipeline_now_fits():
    # mlir-aie gives a shared-memory FIFO its declared depth (AIE2_static_L1.mlir): one 20,100 B spectrum
    # buffer, not max acquire + 1 = 2. Tile (0, 2): stack 1,024 + spectrum 20,100 + input 20,000 + tables
    # + the default profile's (2025.09) dynamic ObjectFIFO state, one i32 for each of its 2 FIFO ports.
    ev = partitioner.partition(strategy="pipeline", tiles=2, batch=25, depth=1)
    tile = next(t for t in ev.tiles if t.tile == (0, 2))
    assert ev.fits and tile.bytes_used == 1024 + 25 * 804 + 25 * 800 + ev.spec.static_data_bytes + 2 * 4


def long_design(cores: int = 16, steps: int = 19) -> str:
    """A generated npu1 design of about a thousand lines: 16 cores, each acquiring and releasing in turn."""
    lines = ["module {", "  aie.device(npu1) {"]
    for c in range(4):
        lines.append(f"    %shim_{c} = aie.tile({c}, 0)")
    for k in range(cores):
        col, row = k % 4, 2 + k // 4
        lines.append(f"    %t{k} = aie.tile({col}, {row})")
        lines.append(f"    aie.objectfifo @f{k}(%shim_{col}, {{%t{k}}}, 2 : i32) : !aie.objectfifo<memref<256xi32>>")
    for k in range(cores):
        lines += [f"    %core{k} = aie.core(%t{k}) {{", "      %c0 = arith.constant 0 : index",
                  "      %c1 = arith.constant 1 : index", "      %c8 = arith.constant 8 : index",
                  "      scf.for %i = %c0 to %c8 step %c1 {"]
        for s in range(steps):
            lines += [f"        %s{s} = aie.objectfifo.acquire @f{k}(Consume, 1) : "
                      f"!aie.objectfifosubview<memref<256xi32>>",
                      f"        %b{s} = aie.objectfifo.subview.access %s{s}[0] : "
                      f"!aie.objectfifosubview<memref<256xi32>> -> memref<256xi32>",
                      f"        aie.objectfifo.release @f{k}(Consume, 1)"]
        lines += ["      }", "      aie.end", "    }"]
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def test_a_thousand_line_design_reads_quickly(tmp_path):
    path = tmp_path / "long.mlir"
    path.write_text(long_design())
    assert len(path.read_text().splitlines()) >= 1000
    t0 = time.perf_counter()
    ev = partitioner.read(path)
    seconds = time.perf_counter() - t0
    # 4 FIFOs per shim column but 2 MM2S channels each: read, lowered and judged, not refused
    assert len(ev.design.workers) == 16 and any("output DMA channel exceeded" in e for e in ev.errors)
    assert seconds < 2.0, f"{seconds:.2f} s"  # the goal is 1 s; the margin is for a busy 2-core machine


# -- the index both the reader and the hang checker read --------------------------------------------

INDEXED = """module {
  aie.device(npu1) {
    %shim = aie.tile(0, 0)
    %mem = aie.tile(0, 1)
    %t = aie.tile(0, 2)
    %buf = aie.buffer(%mem) : memref<256xbf16>
    %l0 = aie.lock(%mem, 0) {init = 1 : i32}
    %l1 = aie.lock(%mem, 1)
    %md = aie.memtile_dma(%mem) {
      %d = aie.dma(MM2S, 0) [{
        aie.use_lock(%l0, AcquireGreaterEqual, 1)
        aie.dma_bd(%buf : memref<256xbf16>, 0, 128)
        aie.use_lock(%l1, Release, 1)
      }, {
        aie.use_lock(%l0, AcquireGreaterEqual, 1)
        aie.dma_bd(%buf : memref<256xbf16>, 128, 128)
        aie.use_lock(%l1, Release, 1)
      }]
      aie.end
    }
    aie.flow(%mem, DMA : 0, %t, DMA : 0)
    aie.flow(%t, Core : 0, %mem, DMA : 1)
    aie.shim_dma_allocation @in(MM2S, 0, 0)
    func.func @sequence(%a: memref<64xi32>) {
      aiex.npu.dma_memcpy_nd(0, 0, %a[0, 0, 0, 0][1, 1, 1, 64][0, 0, 0, 1]) {id = 0 : i64, metadata = @in} : memref<64xi32>
      aiex.npu.dma_wait {symbol = @in}
      return
    }
  }
}
"""


def test_the_index_holds_every_construct_once():
    dev = parse_source(INDEXED, "indexed.mlir").index.devices[0]
    assert sorted(dev.by_coord) == [(0, 0), (0, 1), (0, 2)] and len(dev.buffers) == 1
    assert [(lk.name, lk.tile, lk.init) for lk in dev.locks.values()] == [("lock0", (0, 1), 1), ("lock1", (0, 1), 0)]
    # the aie.dma region form is a DMA program like any other: two BDs of 128 bf16, looping back to the first
    [program] = dev.dmas
    [chain] = program.chains
    assert (program.tile, chain.direction, chain.channel, chain.loops_to) == ((0, 1), DMAChannelDir.MM2S, 0, 0)
    assert [b.nbytes for b in chain.bds] == [256, 256]
    assert [lk.action for lk in chain.bds[0].locks] == [LockAction.AcquireGreaterEqual, LockAction.Release]
    assert [(f.source_bundle, f.dest_bundle) for f in dev.flows] == [(WireBundle.DMA, WireBundle.DMA),
                                                                     (WireBundle.Core, WireBundle.DMA)]
    assert dev.shim_allocs["in"].direction is DMAChannelDir.MM2S
    # the older runtime sequence, a func.func with dma_memcpy_nd, is found and told apart
    [seq] = dev.sequences
    assert seq.form == "func" and [type(s) for s in seq.steps] == [ix.Transfer, ix.Wait]
    assert seq.steps[0].nbytes == 256 and dev.unmodelled == []


def test_the_index_says_what_it_does_not_model_and_reads_every_device():
    switchbox = "    %sw = aie.switchbox(%t) {\n    }\n"
    text = INDEXED.replace("    aie.shim_dma_allocation", switchbox + "    aie.shim_dma_allocation")
    text = text.replace("  }\n}\n", "  }\n  aie.device(npu2) {\n    %t = aie.tile(1, 2)\n  }\n}\n")
    src = parse_source(text, "two.mlir")
    assert [d.name for d in src.index.devices] == ["npu1", "npu2"]
    assert [[op.name for op in d.unmodelled] for d in src.index.devices] == [["aie.switchbox"], []]
    # several devices and no name: one line naming them (#k for an unnamed one); a name picks one
    with pytest.raises(UserError, match=r"^two.mlir: 2 `aie.device` ops \(#1, #2\); name the one to read"):
        read_design(src)
    design, _ = read_design(src, device="#2")
    assert design.options.device == "npu2" and design.name == "two@#2"


# -- channels and BDs as the hardware uses them (issue 20 item 4) -------------------------------------
# ../shared/docs/npu1-facts.md section 12, row "DMA tasks queued on one channel share it (task queue
# depth 4 per channel; aiecc enforces it)": test/npu-xrt/dma_queue_overflow, dmabd_task_queue.
NPU_XRT = Path(__file__).resolve().parent / "corpus" / "npu-xrt"


def _npu_xrt(name: str, tmp_path: Path) -> Path:
    """A corpus design of mlir-aie's test/npu-xrt with the lit placeholder NPUDEVICE read as npu1."""
    path = tmp_path / name
    path.write_text((NPU_XRT / name).read_text().replace("NPUDEVICE", "npu1"))
    return path


def _tile(ev, tile):
    return next(t for t in ev.tiles if t.tile == tile)


def test_tasks_queued_on_one_shim_channel_share_it(tmp_path):
    # 14 dma_configure_task on shim MM2S 0, never awaited, and one S2MM task: one channel each way
    ev = partitioner.read(_npu_xrt("dma_queue_overflow__aie.mlir", tmp_path), verify_sources=False)
    shim = _tile(ev, (0, 0))
    assert ev.fits, ev.errors
    assert (shim.dma_out, shim.dma_in, shim.bds) == (1, 1, 15)  # 14 + 1 BDs held at once


def test_two_dma_starts_on_one_channel_are_one_channel(tmp_path):
    # aie.mem (0,2) starts S2MM 0 twice (its second chain queued behind the first) and S2MM 1 once
    ev = partitioner.read(_npu_xrt("dmabd_task_queue__aie.mlir", tmp_path), verify_sources=False)
    core, mem = _tile(ev, (0, 2)), _tile(ev, (0, 1))
    assert ev.fits, ev.errors
    assert (core.dma_in, core.dma_out, core.bds) == (2, 1, 4)
    assert (mem.dma_in, mem.dma_out, mem.bds) == (1, 1, 4)


def test_awaited_and_freed_tasks_give_their_bds_back(tmp_path):
    # AIEAssignRuntimeSequenceBDIDs.cpp @ 0c96b7d3: a task's BDs return at its await or free; 20 tasks
    # on shim MM2S 0 hold at most 8 BDs at once, beside the S2MM task's one
    ev = partitioner.read(_npu_xrt("shim_dma_bd_reuse__aie.mlir", tmp_path), verify_sources=False)
    shim = _tile(ev, (0, 0))
    assert ev.fits, ev.errors
    assert (shim.dma_out, shim.dma_in, shim.bds) == (1, 1, 9)


def test_the_func_form_of_the_runtime_sequence_allocates_shim_bds(tmp_path):
    # the older func.func sequence with dma_memcpy_nd: its transfers are read, each on a shim BD
    ev = partitioner.read(_npu_xrt("add_one_objFifo__aie.mlir", tmp_path), verify_sources=False)
    transfers = ev.design.sequence.transfers
    assert [t.fifo for t in transfers] == ["objFifo_out0", "objFifo_in0"]
    assert _tile(ev, (0, 0)).bds == 2 and ev.fits


# -- what is not modelled is said, op by op (issue 20 item 1) ----------------------------------------

def test_an_op_no_model_follows_is_named_with_its_line(tmp_path):
    path = _npu_xrt("cascade_flows__aie.mlir", tmp_path)
    ev = partitioner.read(path, verify_sources=False)
    lines = [i + 1 for i, text in enumerate(path.read_text().splitlines()) if "aie.cascade_flow" in text]
    notes = [n for n in ev.notes if n.startswith("not modelled:")]
    assert [n.split(" at ")[0] for n in notes] == ["not modelled: aie.cascade_flow"] * len(lines)
    assert [int(n.rsplit(":", 2)[1]) for n in notes] == lines


def test_a_device_op_the_index_cannot_place_is_recorded_not_raised():
    # a lock on a value that is no aie.tile (as an op on a tile form the index does not know would be)
    src = parse_source("aie.device(npu1) {\n  %t = aie.tile(0, 2)\n  %c = arith.constant 0 : index\n"
                       "  %l = aie.lock(%c, 0) {init = 1 : i32}\n}", "m.mlir")
    dev = src.index.devices[0]
    assert [op.name for op in dev.unmodelled] == ["aie.lock"] and dev.locks == {}
    assert [op.name for op in dev.movers] == ["aie.lock"]


_LOGICAL = """module {
  aie.device(npu1) {
    %shim = aie.logical_tile<ShimNOCTile>(0, 0)
    %core = aie.logical_tile<CoreTile>(?, ?)
    aie.objectfifo @in(%shim, {%core}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
    aie.runtime_sequence(%a: memref<16xi32>, %n: i64) {
      aiex.npu.dma_memcpy_nd(%a[0, 0, 0, 0][1, 1, 1, 16][0, 0, 0, 1]) {id = 0 : i64, metadata = @in} : memref<16xi32>
    }
  }
}"""


def test_a_logical_tile_aiecc_places_is_refused_with_its_line(tmp_path):
    # helper HB's report: a FIFO on an unplaced aie.logical_tile raised a KeyError; now a refusal that says why
    path = tmp_path / "logical.mlir"
    path.write_text(_LOGICAL)
    with pytest.raises(UserError, match=r"logical.mlir:4:13\): aiecc places them itself"):
        partitioner.read(path, verify_sources=False)


def test_a_pinned_logical_tile_and_a_scalar_sequence_argument_read(tmp_path):
    # a logical tile with its column and row is that tile; a scalar argument of the sequence is no host buffer
    path = tmp_path / "pinned.mlir"
    path.write_text(_LOGICAL.replace("<CoreTile>(?, ?)", "<CoreTile>(0, 2)"))
    ev = partitioner.read(path, verify_sources=False)
    assert [b.name for b in ev.design.sequence.buffers] == ["a"] and ev.design.fifos[0].consumer_tiles == [(0, 2)]


def test_the_configuration_aiex_configure_loads_is_the_design_checked(tmp_path):
    # 2026: a launcher device's sequence configures @cg and runs its sequence; @cg is the design
    path = _npu_xrt("ctrl_packet_reload_congested__aie.mlir", tmp_path)
    ev = partitioner.read(path, verify_sources=False)
    assert ev.ir.index.design is ev.ir.index.devices[1] and ev.design.options.device == "npu2"
    assert any(n.startswith("aie.device at ") and "not the configuration checked" in n for n in ev.notes)



def test_every_device_of_a_file_is_its_own_design(tmp_path, cli):
    # add_one_two: @design1 and @design2, no aiex.configure; aiecc compiles each (run.lit --device-name)
    path = _npu_xrt("add_one_two__aie.mlir", tmp_path)
    with pytest.raises(UserError) as err:  # read() without a name: one line naming both
        partitioner.read(path, verify_sources=False)
    assert str(err.value).count("\n") == 0 and "2 `aie.device` ops (@design1, @design2)" in str(err.value)
    with pytest.raises(UserError, match="no aie.device named nope; it has @design1, @design2"):
        partitioner.read(path, verify_sources=False, device="nope")
    evs = evaluate_devices(path)
    assert [ev.device_name for ev in evs] == ["design1", "design2"]
    assert [ev.ir_device for ev in evs] == evs[0].ir.index.devices  # one parse, each device read on its own
    assert [ev.design.name for ev in evs] == ["add_one_two__aie@design1", "add_one_two__aie@design2"]
    assert all(ev.fits and check_hangs(ev).proved for ev in evs)
    two = partitioner.read(path, verify_sources=False, device="@design2")
    assert two.device_name == "design2" and [w.tile for w in two.design.workers] == [(0, 2)]
    # check: one block per device; --json: a `devices` list, fits and hangs over every device
    r = cli("check", str(path))
    assert r.returncode == 0, r.stderr
    assert "== aie.device @design1 (1 of 2) ==" in r.stdout and "== aie.device @design2 (2 of 2) ==" in r.stdout
    out = json.loads(cli("check", str(path), "--json").stdout)
    assert [d["device_name"] for d in out["devices"]] == ["design1", "design2"]
    assert out["fits"] is True and out["hangs"] == [] and out["hang_free_proved"] is True
    assert {"tiles", "errors", "notes", "hangs"} <= set(out["devices"][0])
    one = json.loads(cli("check", str(path), "--json", "--device", "design1").stdout)
    assert "devices" not in one and one["fits"] is True


def test_a_shim_allocation_no_route_uses_takes_no_channel(tmp_path):
    # test/npu-xrt/many_buffers @ d64e9c1e: allocations on shim MM2S/S2MM 0-3, no flow; run on hardware
    ev = partitioner.read(_npu_xrt("many_buffers__aie.mlir", tmp_path), verify_sources=False)
    assert ev.fits, ev.errors
    assert [(t.dma_in, t.dma_out, t.bds) for t in ev.tiles] == [(0, 0, 8), (0, 0, 8)]
    assert any(n.startswith("shim DMA channels no aie.flow or aie.packet_flow uses take no channel") and "@in4" in n
               for n in ev.notes)
    # a route on the channel claims it again: five MM2S channels of one shim are too many
    text = (NPU_XRT / "many_buffers__aie.mlir").read_text().replace("NPUDEVICE", "npu1")
    flows = "".join(f"    aie.flow(%tile_0_0, DMA : {c}, %tile_0_2, DMA : 0)\n" for c in range(5))
    text = text.replace("    %tile_1_0 = aie.tile(1, 0)\n",
                        "    %tile_1_0 = aie.tile(1, 0)\n    %tile_0_2 = aie.tile(0, 2)\n" + flows)
    text = text.replace("aie.shim_dma_allocation @in5  (%tile_0_0, MM2S, 3)",
                        "aie.shim_dma_allocation @in5  (%tile_0_0, MM2S, 3)\n"
                        "    aie.shim_dma_allocation @in8  (%tile_0_0, MM2S, 4)")
    (tmp_path / "routed.mlir").write_text(text)
    ev = partitioner.read(tmp_path / "routed.mlir", verify_sources=False)
    assert _tile(ev, (0, 0)).dma_out == 5 and not ev.fits


def test_the_corpus_harness_checks_every_device_of_a_file(tmp_path):
    # reports.corpus: one module, and one outcome, per device of a file, named <file>#<device>
    (tmp_path / "x").mkdir()
    shutil.copy(NPU_XRT / "add_one_two__aie.mlir", tmp_path / "x")
    parts = corpus.modules(tmp_path)
    assert [(m.name, m.aie_device) for m in parts] == [("x/add_one_two__aie.mlir#design1", "design1"),
                                                       ("x/add_one_two__aie.mlir#design2", "design2")]
    assert [(o.status, o.fits, o.hang) for o in map(corpus.evaluate, parts)] == [("read", True, "proved free")] * 2


def test_a_contiguous_shim_transfer_skips_the_wrap_limits(tmp_path):
    # [1, 1, 14, 2048][0, 0, 2048, 1] on a shim NOC tile: contiguous, so mlir-aie's verifier waives Size 0
    # and Size 1 (AIEXDialect.cpp, NpuDmaMemcpyNdOp::verify); 14 pushes on MM2S 0 share the channel
    ev = partitioner.read(_npu_xrt("dma_queue_overflow_memcpy_nd__aie.mlir", tmp_path), verify_sources=False)
    assert ev.fits, ev.errors
    shim = _tile(ev, (0, 0))
    assert (shim.dma_in, shim.dma_out, shim.bds) == (1, 1, 15)
