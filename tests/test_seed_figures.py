"""With the seed's kernel footprint, the model gives the seed's own published figures.

The published figures are in partitioner/params/seed.toml (from the seed's
shared/seeds/COMPILATION_SUCCESS_SUMMARY.md, KB = 1000 B): batch-10 on one tile
uses 21.7 KB and batch-20 39.3 KB ("61.4%") of the tile; batch-100 on one tile
fails needing ~177 KB. The seed's frame layout is its kernel's signature: 400
int16 samples in (Whisper's 400-sample window), 80 int8 bands out.

What depends on what: seed-mel's kernel.toml takes its one free figure, the
4,100 B beside the FIFO buffers (1,024 B stack + 8 B of ObjectFIFO state + 3,068 B
static data), from the
batch-10 and batch-20 figures. So one of those two calibrates the model and the
other checks it; batch-100's 177 KB and everything about the split designs are
predictions. Expected values here are the published figures, or hand
calculations from the frame layout and that 4,100 B, never the model's output.
"""
import pytest

from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.params import seed

FRAME_IN = 400 * 2  # B: one frame of 400 int16 samples
FRAME_OUT = 80 * 1  # B: 80 int8 bands
TILE = 64 * 1024  # npu1 compute tile data memory (mlir-aie AIE2 target model: 0x10000 B)
STACK = 1024  # aie.core's default stack_size (mlir-aie AIEOps.td: 0x400)
STATIC_DATA = "(kernel static data)"
# The seed's toolchain (aiecc.py, 2025-11-01) lowers ObjectFIFOs dynamically (mlir-aie PR #2549;
# profile 2025.09): each core holds one i32 per (FIFO, port) it acquires, here 2 (frames in, bands out)
# (test/objectFifo-stateful-transform/dynamic_lowering/same_depth_objectfifos_test.mlir).
STATE = 2 * 4


def published(name: str):
    return seed().row(name)


def evaluate(name: str, **changes):
    return evaluate_options(Options(**{**published(name).options, **changes}))


def double_buffered(frames: int) -> int:
    """Two objects of ``frames`` frames in, two out: a double-buffered FIFO end each way."""
    return 2 * frames * (FRAME_IN + FRAME_OUT)


# What the seed's batch-20 tile held besides its FIFO buffers (39,300 - 35,200 = 4,100 B).
BESIDE_BUFFERS = published("seed batch-20").bytes_per_tile - double_buffered(20)


def compute_tiles(ev):
    return [t for t in ev.tiles if t.kind == "compute"]


def compute_used(ev):
    return [t.bytes_used for t in compute_tiles(ev)]


def test_the_seeds_two_single_tile_figures_agree_with_its_frame_layout():
    # 10 frames more, double-buffered, is exactly the difference of the seed's two figures.
    assert published("seed batch-20").bytes_per_tile - published("seed batch-10").bytes_per_tile == \
        double_buffered(20) - double_buffered(10)
    assert BESIDE_BUFFERS > STACK  # the stack and the kernel's tables


@pytest.mark.parametrize("name, frames", [("seed batch-10", 10), ("seed batch-20", 20)])
def test_batch10_and_batch20_use_the_seeds_published_bytes(name, frames):
    ev = evaluate(name)
    assert ev.fits and ev.design.depth == 2
    assert compute_used(ev) == [published(name).bytes_per_tile]
    (tile,) = compute_tiles(ev)
    sizes = sorted(b["bytes"] for b in tile.buffers if b["name"] not in ("(stack)", STATIC_DATA))
    assert sizes == sorted([STATE] + [frames * FRAME_OUT] * 2 + [frames * FRAME_IN] * 2)
    assert [b["bytes"] for b in tile.buffers if b["name"] == "(stack)"] == [STACK]


def test_batch20_is_the_seeds_61_4_percent():
    # The seed's summary quotes 39.3 KB as "61.4%" of the tile, dividing KB by 64 (KB/KiB mixed as it did).
    assert round(compute_used(evaluate("seed batch-20"))[0] / 1000 / 64 * 100, 1) == 61.4


def test_batch100_on_one_tile_does_not_fit_and_needs_the_seeds_177_kb():
    row = published("seed batch-100, 1 tile")
    ev = evaluate(row.name)
    assert not ev.fits
    (tile,) = compute_tiles(ev)
    buffers_and_stack = sum(b["bytes"] for b in tile.buffers if b["name"] != STATIC_DATA)
    assert buffers_and_stack == double_buffered(100) + STACK + STATE
    assert abs(buffers_and_stack - row.bytes_needed) < 500  # the seed's "~177 KB", to the nearest KB
    assert tile.bytes_used == double_buffered(100) + BESIDE_BUFFERS > TILE
    assert "'aie.tile' op allocated buffers exceeded available memory" in ev.errors[0]
    assert "MemoryMap:" in ev.errors[0] and "(stack) \t: 0x0-0x3FF" in ev.errors[0]
    assert any("--strategy split --tiles 4" in s for s in ev.suggestions)


def test_batch100_with_the_seeds_v2_layout_fits_one_tile():
    # The seed's abandoned v2: 1-frame objects, depth 4, one call moving 100 frames.
    ev = evaluate("seed batch-100, 1 tile", object_frames=1, depth=4)
    assert ev.fits
    assert compute_used(ev) == [4 * (FRAME_IN + FRAME_OUT) + BESIDE_BUFFERS]
    assert ev.design.workers[0].iterations_per_call == 100


def test_batch100_split_over_4_tiles_fits_every_compute_tile():
    ev = evaluate("seed batch-100, split 4")
    assert ev.fits and ev.design.depth == 2
    # 100 / 4 = 25 frames per tile, double-buffered, with what the seed's tile held besides.
    assert compute_used(ev) == [double_buffered(25) + BESIDE_BUFFERS] * 4
    assert all(t.bytes_capacity == TILE for t in compute_tiles(ev))
    mem = next(t for t in ev.tiles if t.kind == "mem")
    assert mem.bytes_used == double_buffered(100)  # the whole batch, double-buffered, on the mem tile


def test_batch100_split_over_2_tiles_fits_only_single_buffered():
    # 50 frames per tile: double-buffered needs more than a tile, single-buffered fits, and the model picks it.
    double, single = double_buffered(50) + BESIDE_BUFFERS, double_buffered(50) // 2 + BESIDE_BUFFERS
    assert single <= TILE < double
    ev = evaluate("seed batch-100, split 4", tiles=2)
    assert ev.fits and ev.design.depth == 1
    assert compute_used(ev) == [single, single]
    assert any("single buffering" in n for n in ev.notes)
    refused = evaluate("seed batch-100, split 4", tiles=2, depth=2)
    assert not refused.fits
    assert f"needs {double:,} B of {TILE:,} B" in refused.errors[0]
    assert any("--depth 1" in s for s in refused.suggestions)
