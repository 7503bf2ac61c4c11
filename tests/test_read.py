"""Reading designs npu-tiler did not write: no manifest, IRON's runtime sequence, a long file."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import partitioner
from partitioner.emitters import DESIGNS_DIR
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
    # buffer, not max acquire + 1 = 2. Tile (0, 2): stack 1,024 + spectrum 20,100 + input 20,000 + tables.
    ev = partitioner.partition(strategy="pipeline", tiles=2, batch=25, depth=1)
    tile = next(t for t in ev.tiles if t.tile == (0, 2))
    assert ev.fits and tile.bytes_used == 1024 + 25 * 804 + 25 * 800 + ev.spec.static_data_bytes


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
