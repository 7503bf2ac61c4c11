"""Reading designs npu-tiler did not write: no manifest, IRON's runtime sequence, a long file."""
from __future__ import annotations

import json
import shutil
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
from builders import NPU_XRT, long_design, npu_xrt

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


def test_check_takes_a_design_folder_as_its_aie_mlir(cli, tmp_path):
    # `simulate` and `run` take the folder `emit` writes; `check` takes it too, reading its aie.mlir
    folder = DESIGNS_DIR / "batch100_split2"
    by_folder, by_file = cli("check", str(folder), "--json"), cli("check", str(folder / "aie.mlir"), "--json")
    assert by_folder.returncode == by_file.returncode == 0, by_folder.stderr
    assert json.loads(by_folder.stdout) == json.loads(by_file.stdout)
    empty = cli("check", str(tmp_path))
    assert empty.returncode == 2 and f"{tmp_path} has no aie.mlir: not a design folder" in empty.stderr


def test_the_depth_one_pipeline_now_fits():
    # mlir-aie gives a shared-memory FIFO its declared depth (AIE2_static_L1.mlir): one 20,100 B spectrum
    # buffer, not max acquire + 1 = 2. Tile (0, 2): stack 1,024 + spectrum 20,100 + input 20,000 + tables
    # + the default profile's (2025.09) dynamic ObjectFIFO state, one i32 for each of its 2 FIFO ports.
    ev = partitioner.partition(strategy="pipeline", tiles=2, batch=25, depth=1)
    tile = next(t for t in ev.tiles if t.tile == (0, 2))
    assert ev.fits and tile.bytes_used == 1024 + 25 * 804 + 25 * 800 + ev.spec.static_data_bytes + 2 * 4


def test_a_thousand_line_design_is_read(tmp_path):
    # how fast: benchmarks/bench_reading.py (target < 2 s, goal 1 s)
    path = tmp_path / "long.mlir"
    path.write_text(long_design())
    assert len(path.read_text().splitlines()) >= 1000
    ev = partitioner.read(path)
    # 4 FIFOs per shim column but 2 MM2S channels each: read, lowered and judged, not refused
    assert len(ev.design.workers) == 16 and any("output DMA channel exceeded" in e for e in ev.errors)


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
def _tile(ev, tile):
    return next(t for t in ev.tiles if t.tile == tile)


# npu1-facts.md section 12, row 5: DMA tasks queued on one channel share it
def test_tasks_queued_on_one_shim_channel_share_it(tmp_path):
    # 14 dma_configure_task on shim MM2S 0, never awaited, and one S2MM task: one channel each way
    ev = partitioner.read(npu_xrt("dma_queue_overflow__aie.mlir", tmp_path), verify_sources=False)
    shim = _tile(ev, (0, 0))
    assert ev.fits, ev.errors
    assert (shim.dma_out, shim.dma_in, shim.bds) == (1, 1, 15)  # 14 + 1 BDs held at once


def test_two_dma_starts_on_one_channel_are_one_channel(tmp_path):
    # aie.mem (0,2) starts S2MM 0 twice (its second chain queued behind the first), S2MM 1 and MM2S 0 once,
    # one BD per start: 2 channels in, 1 out, 4 BDs; memtile_dma (0,1) starts S2MM 0 twice and MM2S 0 twice,
    # one BD each: 1 in, 1 out, 4 BDs
    ev = partitioner.read(npu_xrt("dmabd_task_queue__aie.mlir", tmp_path), verify_sources=False)
    core, mem = _tile(ev, (0, 2)), _tile(ev, (0, 1))
    assert ev.fits, ev.errors
    assert (core.dma_in, core.dma_out, core.bds) == (2, 1, 4)
    assert (mem.dma_in, mem.dma_out, mem.bds) == (1, 1, 4)


def test_awaited_and_freed_tasks_give_their_bds_back(tmp_path):
    # AIEAssignRuntimeSequenceBDIDs.cpp @ 0c96b7d3: a task's BDs return at its await or free; 20 tasks
    # on shim MM2S 0 hold at most 8 BDs at once, beside the S2MM task's one
    ev = partitioner.read(npu_xrt("shim_dma_bd_reuse__aie.mlir", tmp_path), verify_sources=False)
    shim = _tile(ev, (0, 0))
    assert ev.fits, ev.errors
    assert (shim.dma_out, shim.dma_in, shim.bds) == (1, 1, 9)


def test_the_func_form_of_the_runtime_sequence_allocates_shim_bds(tmp_path):
    # the older func.func sequence with dma_memcpy_nd: its transfers are read, each on a shim BD
    ev = partitioner.read(npu_xrt("add_one_objFifo__aie.mlir", tmp_path), verify_sources=False)
    transfers = ev.design.sequence.transfers
    assert [t.fifo for t in transfers] == ["objFifo_out0", "objFifo_in0"]
    assert _tile(ev, (0, 0)).bds == 2 and ev.fits


# -- what is not modelled is said, op by op (issue 20 item 1) ----------------------------------------

def test_an_op_no_model_follows_is_named_with_its_line(tmp_path):
    path = npu_xrt("cascade_flows__aie.mlir", tmp_path)
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


def test_a_logical_tile_is_placed_as_aiecc_places_it(tmp_path):
    # AIEPlacer.cpp @ 003ff36d SequentialPlacer: the first compute tile column by column, bottom row first
    path = tmp_path / "logical.mlir"
    path.write_text(_LOGICAL)
    ev = partitioner.read(path, verify_sources=False)
    assert ev.design.fifos[0].producer_tile == (0, 0) and ev.design.fifos[0].consumer_tiles == [(0, 2)]
    assert [n.split(" by ")[0] for n in ev.notes if "placed at" in n] == [
        f"aie.logical_tile at {path}:4:13 placed at (0, 2)"]


def test_a_logical_tile_the_placer_refuses_is_refused_with_its_line(tmp_path):
    # npu1_1col has 4 compute tiles: the fifth logical one gets none (SequentialPlacer::place's message)
    cores = "".join(f"    %c{i} = aie.logical_tile<CoreTile>(?, ?)\n" for i in range(5))
    path = tmp_path / "five.mlir"
    path.write_text(f"module {{\n  aie.device(npu1_1col) {{\n{cores}  }}\n}}\n")
    with pytest.raises(UserError, match=r"refuses it at .*five.mlir:7:11: no available compute tiles for placement"):
        partitioner.read(path, verify_sources=False)


def test_logical_mem_and_shim_tiles_take_their_group_column_and_free_channels():
    # AIEPlacer.cpp @ 003ff36d: a group's column is the rounded mean of its compute tiles' columns,
    # ((2 + 3) + 1) // 2 = 3; a shim tile serves 2 MM2S channels (AIE2 shim mux), so of three logical
    # shims each feeding one FIFO (one group each, column 0), the third goes to the next column.
    src = parse_source("""aie.device(npu1) {
  %a = aie.logical_tile<CoreTile>(2, 2)
  %b = aie.logical_tile<CoreTile>(3, 3)
  %s = aie.logical_tile<ShimNOCTile>(?, ?)
  aie.objectfifo @bc(%s, {%a, %b}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
  %t = aie.tile(0, 2)
  %s1 = aie.logical_tile<ShimNOCTile>(?, ?)
  %s2 = aie.logical_tile<ShimNOCTile>(?, ?)
  %s3 = aie.logical_tile<ShimNOCTile>(?, ?)
  aie.objectfifo @f1(%s1, {%t}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
  aie.objectfifo @f2(%s2, {%t}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
  aie.objectfifo @f3(%s3, {%t}, 2 : i32) : !aie.objectfifo<memref<8xi32>>
}""", "groups.mlir")
    dev = src.index.devices[0]
    assert list(dev.placed.values()) == [(2, 2), (3, 3), (3, 0), (0, 0), (0, 0), (1, 0)]
    assert dev.unplaced == [] and dev.placement_error is None


def test_a_pinned_logical_tile_and_a_scalar_sequence_argument_read(tmp_path):
    # a logical tile with its column and row is that tile; a scalar argument of the sequence is no host buffer
    path = tmp_path / "pinned.mlir"
    path.write_text(_LOGICAL.replace("<CoreTile>(?, ?)", "<CoreTile>(0, 2)"))
    ev = partitioner.read(path, verify_sources=False)
    assert [b.name for b in ev.design.sequence.buffers] == ["a"] and ev.design.fifos[0].consumer_tiles == [(0, 2)]


def test_the_configuration_aiex_configure_loads_is_the_design_checked(tmp_path):
    # 2026: a launcher device's sequence configures @cg and runs its sequence; @cg is the design
    path = npu_xrt("ctrl_packet_reload_congested__aie.mlir", tmp_path)
    ev = partitioner.read(path, verify_sources=False)
    assert ev.ir.index.design is ev.ir.index.devices[1] and ev.design.options.device == "npu2"
    assert any(n.startswith("aie.device at ") and "not the configuration checked" in n for n in ev.notes)



def test_every_device_of_a_file_is_its_own_design(tmp_path, cli):
    # add_one_two: @design1 and @design2, no aiex.configure; aiecc compiles each (run.lit --device-name)
    path = npu_xrt("add_one_two__aie.mlir", tmp_path)
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
    ev = partitioner.read(npu_xrt("many_buffers__aie.mlir", tmp_path), verify_sources=False)
    assert ev.fits, ev.errors
    assert [(t.dma_in, t.dma_out, t.bds) for t in ev.tiles] == [(0, 0, 8), (0, 0, 8)]
    assert any(n.startswith("shim DMA channels no aie.flow or aie.packet_flow uses take no channel") and "@in4" in n
               for n in ev.notes)
    # a route on the channel claims it again: five MM2S channels of one shim are too many
    text = npu_xrt("many_buffers__aie.mlir", tmp_path).read_text()
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
    ev = partitioner.read(npu_xrt("dma_queue_overflow_memcpy_nd__aie.mlir", tmp_path), verify_sources=False)
    assert ev.fits, ev.errors
    shim = _tile(ev, (0, 0))
    assert (shim.dma_in, shim.dma_out, shim.bds) == (1, 1, 15)


# -- what an aie.core or aie.buffer states about its tile's memory, read and handed to the allocator -----------
# Each module is a minimal npu2 design (64 KiB core tile, 4 banks of 16384 B, AIE2P: a buffer of 64 B or more is
# 64 B aligned) read with the 2026 profile, whose allocator is AIEAssignBuffers.cpp's newest stored version
# (search id 68911127918; partitioner/allocation/search.py ranked_search). Addresses are worked out by hand below.

def _core_tile(tmp_path, body: str, core_attrs: str, core_body: str = "aie.end", device: str = "npu2"):
    path = tmp_path / "core.mlir"
    path.write_text(f"""module {{
  aie.device({device}) {{
    %t = aie.tile(0, 2)
{body}
    %c = aie.core(%t) {{ {core_body} }} {{ {core_attrs} }}
  }}
}}
""")
    ev = partitioner.read(path, verify_sources=False, mlir_aie="2026")
    return ev, {r.name: r.address for r in ev.memory[(0, 2)].regions}


@pytest.mark.parametrize("attrs", ["data_size = 20000 : i32", "measured_data_size = 20000 : i32",
                                   "data_size = 20000 : i32, measured_data_size = 64 : i32"],
                         ids=["declared", "measured", "declared-wins"])
def test_a_cores_data_size_is_its_static_data_placed_as_a_buffer(tmp_path, attrs):
    # materializeCoreDataBuffers: data_size, else measured_data_size, is one more buffer of the core's tile.
    # By hand (placementOrder: largest first; rankedPlacements: banks touched, free run left capped at the bytes
    # still to place, round-robin distance from the cursor, slack, address):
    #   data (20000 B, 4096 B still to place): no bank holds it; 1024 (tightest run) and 16384 (bank boundary)
    #     both touch 2 banks and leave >= 4096 B; round robin from bank 0 -> 1024, ends 21024; cursor -> bank 1.
    #   a (4096 B, 0 to place): bank 1's first 64 B-aligned start 21056 touches one bank, distance 0 -> 21056.
    ev, at = _core_tile(tmp_path, '    %a = aie.buffer(%t) {sym_name = "a"} : memref<4096xi8>',
                        f"stack_size = 1024 : i32, {attrs}")
    assert ev.fits, ev.errors
    assert ev.design.workers[0].data_bytes == 20000
    assert at == {"(stack)": 0, "(kernel static data)": 1024, "a": 21056}
    assert any("= 20000 B taken as the core's static data" in n for n in ev.notes)


def test_without_a_data_size_a_core_of_unknown_kernel_has_no_static_data(tmp_path):
    # the same tile, no data_size and no kernel npu-tiler knows: nothing reserved, a goes right above the stack
    ev, at = _core_tile(tmp_path, '    %a = aie.buffer(%t) {sym_name = "a"} : memref<4096xi8>',
                        "stack_size = 1024 : i32")
    assert ev.design.workers[0].data_bytes is None and at == {"(stack)": 0, "a": 1024}
    assert "kernel static data: unknown (no kernel.toml for the cores' kernel), not checked" in ev.notes


def test_a_core_data_buffer_already_there_is_not_placed_twice(tmp_path):
    # materializeCoreDataBuffers skips a tile that holds a core_data buffer (the pass's own output read again)
    ev, at = _core_tile(tmp_path, '    %d = aie.buffer(%t) {sym_name = "core_data_0_2", core_data} : memref<20000xi8>',
                        "stack_size = 1024 : i32, data_size = 20000 : i32")
    assert ev.design.workers[0].data_bytes == 0 and "(kernel static data)" not in at and at["core_data_0_2"] == 1024


def test_a_memref_memory_space_names_the_bank_a_buffer_lies_in(tmp_path):
    # memref<64xi8, 7>: space 7 is bank c = 2 (banksFromMemorySpace: 5..8 are banks a..d). A buffer confined to
    # banks is placed at a flush end of a free run in them, the one leaving the largest free run
    # (rankedPlacements): 32768 leaves [32832, 65536) = 32704 B; 49088 (bank 2's top) leaves [1024, 49088) =
    # 48064 B -> 49088. The unconstrained buffer then goes to 1024 (bank 0, round robin from the cursor, which a
    # bank-constrained buffer leaves at 0).
    ev, at = _core_tile(tmp_path, '    %c2 = aie.buffer(%t) {sym_name = "in_c"} : memref<64xi8, 7>\n'
                                  '    %u = aie.buffer(%t) {sym_name = "free"} : memref<64xi8>',
                        "stack_size = 1024 : i32")
    assert [(b.name, b.memory_space) for b in ev.design.buffers] == [("in_c", 7), ("free", None)]
    assert [b.memory_space for b in ev.lowered.tile((0, 2)).buffers] == [7, None]
    assert ev.fits and at == {"(stack)": 0, "in_c": 49088, "free": 1024}


def test_a_memory_space_that_disagrees_with_mem_bank_fails(tmp_path):
    # applySignatureBankConstraints: space 7 allows bank 2 only; mem_bank = 1 is refused in its words
    ev, _ = _core_tile(tmp_path, '    %b = aie.buffer(%t) {sym_name = "b", mem_bank = 1 : i32} : memref<64xi8, 7>',
                       "stack_size = 1024 : i32")
    assert not ev.fits and "has address space for bank 2 but is pinned to bank 1" in ev.errors[0]


@pytest.mark.parametrize("attrs, stack_at", [
    # stack_bank = 2 with b pinned at [32768, 32800): findLeastFragmentingGap over bank 2's free run
    # [32800, 49152), aligned to AIE2P's 64 B stack alignment: 32832 (largest run left [0, 32768) = 32768 B) and
    # the top flush end 48128 (the same 32768 B) tie -> the lower, 32832 = 0x8040 (32 B bus alignment: 0x8020).
    ("stack_bank = 2 : i32", 32832),
    # stack_address is taken as written, stack_bank beside it notwithstanding (allocateTile: only a bank-only
    # stack is placed)
    ("stack_address = 40960 : i32, stack_bank = 2 : i32", 40960),
], ids=["bank-only", "address"])
def test_a_cores_stack_pin_moves_its_stack(tmp_path, attrs, stack_at):
    ev, at = _core_tile(tmp_path, '    %b = aie.buffer(%t) {sym_name = "b", address = 32768 : i32} : memref<32xi8>',
                        f"stack_size = 1024 : i32, {attrs}")
    w = ev.design.workers[0]
    assert (w.stack_address, w.stack_bank) == (stack_at if "address" in attrs else None, 2)
    assert ev.fits and at["(stack)"] == stack_at and at["b"] == 32768


def test_a_stack_bank_on_aie2_is_placed_at_the_bus_alignment_and_says_so(tmp_path):
    # getCoreStackAlignment of AIE2 was not read: the model aligns to npu1's 32 B bus (32800) and notes it
    ev, at = _core_tile(tmp_path, '    %b = aie.buffer(%t) {sym_name = "b", address = 32768 : i32} : memref<32xi8>',
                        "stack_size = 1024 : i32, stack_bank = 2 : i32", device="npu1")
    assert at["(stack)"] == 32800
    assert any("stack alignment of aie2 (getCoreStackAlignment) is not modelled" in n for n in ev.notes)


def test_a_prebaked_cores_measured_ranges_are_pinned_buffers(tmp_path):
    # materializePrebakedRanges: each (address, size) of measured_data_ranges with size > 0 becomes
    # prebaked_<col>_<row>_<address> at that address, aligned = false; (40000, 0) makes none and the odd
    # trailing 7 pairs with nothing. x (16384 B) fits whole only in banks 1..3; bank 1 now holds the range at
    # [20480, 21504), so 32768 (bank 2, the nearer of 2 and 3 to the cursor) -> 32768 (16384 without the range).
    ev, at = _core_tile(tmp_path, '    %x = aie.buffer(%t) {sym_name = "x"} : memref<16384xi8>',
                        'elf_file = "prebaked.elf", stack_size = 1024 : i32, '
                        'measured_data_ranges = array<i32: 20480, 1024, 40000, 0, 7>')
    pre = [b for b in ev.design.buffers if b.name.startswith("prebaked")]
    assert [(b.name, b.tile, b.nbytes, b.address, b.aligned) for b in pre] == [
        ("prebaked_0_2_20480", (0, 2), 1024, 20480, False)]
    assert ev.fits and at == {"(stack)": 0, "x": 32768, "prebaked_0_2_20480": 20480}
