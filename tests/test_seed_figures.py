"""With the seed's kernel footprint, the model gives the seed's own published figures.

Seed (shared/seeds/COMPILATION_SUCCESS_SUMMARY.md, KB = 1000 B): batch-10 uses
21.7 KB, batch-20 39.3 KB of the 64 KB tile; batch-100 on one tile fails with
"allocated buffers exceeded available memory", needing 177 KB.
"""
from partitioner.check import evaluate_options
from partitioner.design import Options

STACK = 1024  # aie.core default stack_size
STATIC = 3076  # seed-mel kernel.toml: 4,100 B beside the buffers minus the stack


def single(batch, **kw):
    return evaluate_options(Options(kernel="seed-mel", strategy="single", batch=batch, tiles=1, **kw))


def compute_used(ev):
    return [t.bytes_used for t in ev.tiles if t.kind == "compute"]


def test_batch10_and_batch20_fit_with_the_seeds_memory_figures():
    # Double-buffered 10-frame objects: 2 x 8,000 in + 2 x 800 out + stack + tables.
    ev10 = single(10)
    assert ev10.fits and ev10.design.depth == 2
    assert compute_used(ev10) == [2 * 10 * 800 + 2 * 10 * 80 + STACK + STATIC] == [21_700]
    ev20 = single(20)
    assert ev20.fits and compute_used(ev20) == [2 * 16_000 + 2 * 1_600 + STACK + STATIC] == [39_300]
    assert round(39_300 / 1000 / 64 * 100, 1) == 61.4  # the seed's "61.4%" (KB/KiB mixed as it did)


def test_batch100_on_one_tile_does_not_fit_and_needs_about_177_to_180_kb():
    ev = evaluate_options(Options(kernel="seed-mel", strategy="single", batch=100, tiles=1, depth=2))
    assert not ev.fits
    buffers = 2 * 80_000 + 2 * 8_000
    assert buffers + STACK == 177_024  # the seed's "177 KB": buffers and stack
    assert compute_used(ev) == [buffers + STACK + STATIC] == [180_100]  # with the kernel's tables
    assert "'aie.tile' op allocated buffers exceeded available memory" in ev.errors[0]
    assert "MemoryMap:" in ev.errors[0] and "(stack) \t: 0x0-0x3FF" in ev.errors[0]
    assert any("--strategy split --tiles 4" in s for s in ev.suggestions)


def test_batch100_with_the_seeds_v2_layout_fits_one_tile():
    # The seed's abandoned v2: 1-frame objects, depth 4, one call moving 100 frames.
    ev = single(100, object_frames=1, depth=4)
    assert ev.fits
    assert compute_used(ev) == [4 * 800 + 4 * 80 + STACK + STATIC]
    assert ev.design.workers[0].iterations_per_call == 100


def test_batch100_split_over_4_tiles_fits_every_compute_tile():
    ev = evaluate_options(Options(kernel="seed-mel", strategy="split", batch=100, tiles=4))
    assert ev.fits and ev.design.depth == 2
    # 25 frames per tile, double-buffered: 2 x 20,000 + 2 x 2,000 + stack + tables.
    assert compute_used(ev) == [2 * 20_000 + 2 * 2_000 + STACK + STATIC] * 4 == [48_100] * 4
    mem = next(t for t in ev.tiles if t.kind == "mem")
    assert mem.bytes_used == 2 * 80_000 + 2 * 8_000  # the whole batch, double-buffered, on the mem tile


def test_batch100_split_over_2_tiles_fits_only_single_buffered():
    # 50 frames per tile: double-buffered needs 2 x 40,000 + 2 x 4,000 + 4,100 = 92,100 B > 65,536;
    # single-buffered 40,000 + 4,000 + 4,100 = 48,100 B fits, and the model picks it.
    ev = evaluate_options(Options(kernel="seed-mel", strategy="split", batch=100, tiles=2))
    assert ev.fits and ev.design.depth == 1
    assert compute_used(ev) == [48_100, 48_100]
    assert any("single buffering" in n for n in ev.notes)
    refused = evaluate_options(Options(kernel="seed-mel", strategy="split", batch=100, tiles=2, depth=2))
    assert not refused.fits
    assert "needs 92,100 B of 65,536 B" in refused.errors[0]
    assert any("--depth 1" in s for s in refused.suggestions)
