"""Strategies build the designs they promise: structure, placement, and runtime sequences that
move exactly the right samples."""
import numpy as np
import pytest

from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.device import load as load_device
from partitioner.errors import UserError
from partitioner.strategies import make_design
from kernels.mel_tools import framing

NPU1 = load_device("npu1")


def test_split_distributes_equal_parts_and_joins_them_back():
    d = make_design(Options(batch=100, tiles=4))
    assert [w.tile for w in d.workers] == [(0, 2), (0, 3), (0, 4), (0, 5)]
    assert all(w.frames_per_call == 25 and w.object_frames == 25 for w in d.workers)
    split, join = d.links
    assert split.kind == "distribute" and split.tile == (0, 1)
    assert split.offsets == [0, 25 * 400, 50 * 400, 75 * 400]  # i16 elements of the 100-frame object
    assert join.kind == "join" and join.offsets == [0, 25 * 80, 50 * 80, 75 * 80]
    assert d.fifo("in0").object_bytes == 100 * 800 and d.fifo("in0_2").object_bytes == 25 * 800


def test_batch_and_object_size_are_separate():
    d = make_design(Options(batch=100, tiles=4, object_frames=5))
    w = d.workers[0]
    assert (w.frames_per_call, w.object_frames, w.iterations_per_call) == (25, 5, 5)
    assert d.sequence.buffers[0].nbytes == 100 * 800  # one call still moves 100 frames
    assert d.fifo("in0_0").object_bytes == 5 * 800


def test_split_over_16_tiles_uses_every_column_with_its_own_shim_and_mem_tile():
    d = make_design(Options(batch=400, tiles=16, object_frames=5))
    assert d.groups == 4 and sorted(d.mem_tiles.values()) == [(c, 1) for c in range(4)]
    assert sorted(w.tile for w in d.workers) == NPU1.compute_tiles
    ins = [t for t in d.sequence.transfers if t.direction == "in"]
    assert [t.shim for t in ins] == [(0, 0), (1, 0), (2, 0), (3, 0)]
    # The columns' input slices tile the host buffer exactly once.
    idx = np.concatenate([t.indices() for t in ins])
    assert np.array_equal(np.sort(idx), np.arange(400 * 400))


def test_pipeline_puts_stages_on_neighbours_sharing_memory():
    ev = evaluate_options(Options(strategy="pipeline", batch=100, tiles=2, object_frames=10))
    d = ev.design
    spectrum, logmel = d.workers
    assert (spectrum.entry, logmel.entry) == ("spectrum", "logmel")
    assert logmel.tile == (spectrum.tile[0], spectrum.tile[1] + 1)
    assert ev.lowered.shared == {"s0_0_0"}
    # The stage FIFO's pool lives on the producer, which the consumer reaches south: no DMA.
    assert ev.lowered.tile(spectrum.tile).dma_out == 0 and ev.lowered.tile(logmel.tile).dma_in == 0
    assert ev.fits


def test_hybrid_feeds_two_pipelines_from_one_split():
    ev = evaluate_options(Options(strategy="hybrid", batch=100, tiles=4, object_frames=10))
    d = ev.design
    assert [w.entry for w in d.workers] == ["spectrum", "logmel"] * 2
    assert ev.lowered.shared == {"s0_0_0", "s0_1_0"}
    assert d.links[0].outputs == ["in0_0", "in0_1"] and ev.fits


def _padded_audio(n_frames):
    rng = np.random.default_rng(0)
    audio = rng.integers(-30000, 30000, n_frames * 160, dtype=np.int16)
    return audio, framing.padded(audio)


def test_dma_framed_sequence_reads_the_frames_from_raw_audio():
    batch = 100
    d = make_design(Options(batch=batch, tiles=4, frame_mode="dma-framed"))
    buf = d.sequence.buffers[0]
    assert buf.stream == "audio" and buf.elem_count == 160 * batch + 240
    audio, padded = _padded_audio(batch)
    host = padded[: buf.elem_count]
    (t_in,) = [t for t in d.sequence.transfers if t.direction == "in"]
    streamed = host[t_in.indices()].reshape(batch, 400)
    assert np.array_equal(streamed, framing.frames(audio)[:batch])


def test_streamed_sequence_sends_each_object_its_chunk_with_the_halo():
    batch, f = 100, 25
    d = make_design(Options(batch=batch, tiles=4, frame_mode="streamed"))
    (t_in,) = [t for t in d.sequence.transfers if t.direction == "in"]
    audio, padded = _padded_audio(batch)
    data = padded[: d.sequence.buffers[0].elem_count][t_in.indices()]
    chunk_len = 240 + 160 * f
    assert d.fifo("in0_0").elem_count == chunk_len
    chunks = data.reshape(batch // f, chunk_len)
    for k, c in enumerate(chunks):
        assert np.array_equal(c, framing.chunk(padded, k * f, f))
    # Rows of the shim pattern stay within the 1023-word run limit.
    assert t_in.sizes[3] * 2 <= 1023 * 4 and t_in.sizes[2] * t_in.sizes[3] == chunk_len


def test_streamed_objects_are_smaller_than_framed_ones():
    framed = evaluate_options(Options(batch=100, tiles=4))
    streamed = evaluate_options(Options(batch=100, tiles=4, frame_mode="streamed"))
    used = lambda ev: max(t.bytes_used for t in ev.tiles if t.kind == "compute")  # noqa: E731
    # 25-frame object: 20,000 B framed vs (240 + 25 x 160) x 2 = 8,480 B streamed.
    assert used(framed) - used(streamed) == 2 * (20_000 - 8_480)


def test_designs_are_deterministic():
    a = evaluate_options(Options(strategy="hybrid", batch=200, tiles=8, object_frames=10))
    b = evaluate_options(Options(strategy="hybrid", batch=200, tiles=8, object_frames=10))
    assert a.as_json() == b.as_json()
    assert [(w.name, w.tile) for w in a.design.workers] == [(w.name, w.tile) for w in b.design.workers]


@pytest.mark.parametrize("kw, needle", [
    (dict(batch=0), "at least 1"),
    (dict(batch=3, tiles=4), "cannot give each of 4 tiles a frame"),
    (dict(strategy="hybrid", batch=3, tiles=8), "cannot give each of 4 chains a frame"),
    (dict(tiles=17), "more than the 16 compute tiles"),
    (dict(device="npu7"), "unknown device"),
    (dict(kernel="nope"), "unknown kernel"),
    (dict(depth=-1), "--depth"),
    (dict(object_frames=7), "does not divide the 25 frames each chain handles per call; choose one of \\[1, 5, 25\\]"),
    (dict(batch=100, tiles=8, object_frames=13), r"does not divide .*13 for chains 0-3, 12 for chains 4-7.*\[1\]"),
    (dict(batch=50, tiles=4, object_frames=1), "column group 0's chains take 13, 13, 12, 12 frames"),
    (dict(batch=50, tiles=4, frame_mode="streamed"), "cuts chunks of one length.*48 or 52"),
    (dict(strategy="pipeline", tiles=4), "2 stages"),
    (dict(kernel="seed-mel", strategy="pipeline", tiles=2), "no stage chain"),
    (dict(tiles=8, device="npu1_1col"), "more than the 4 compute tiles"),
])
def test_bad_options_are_refused_with_the_reason(kw, needle):
    with pytest.raises(UserError, match=needle):
        evaluate_options(Options(**kw))


def test_every_design_fits_inside_the_device_and_reports_every_tile():
    for o in [Options(batch=100, tiles=k) for k in (1, 2, 4)] + [Options(batch=400, tiles=8, object_frames=10)]:
        ev = evaluate_options(o)
        reported = {t.tile for t in ev.tiles}
        d = ev.design
        # Exactly the tiles the design occupies: its compute tiles, its shims, its mem tiles.
        assert reported == {*d.compute_tiles, *d.shims.values(), *d.mem_tiles.values()}
        assert {t.tile: t.kind for t in ev.tiles} == {t: NPU1.kind_of(t) for t in reported}



def test_a_stack_reservation_below_the_kernels_need_is_an_error():
    from partitioner.kernel_spec import load

    need = load("mel").stack_bytes
    ev = evaluate_options(Options(batch=100, tiles=4, stack_size=need - 8))
    assert not ev.fits
    assert any("needs" in e and "stack" in e and "corrupt" in e for e in ev.errors)
    # By default the core reserves what kernel.toml says, at least mlir-aie's 1,024 B.
    assert make_design(Options(batch=100, tiles=4)).workers[0].stack_bytes == max(1024, -(-need // 32) * 32)


def test_dataflow_graph_carries_every_worker_from_shim_to_shim():
    import networkx as nx

    for o in [Options(batch=100, tiles=4), Options(strategy="hybrid", batch=200, tiles=8, object_frames=10),
              Options(strategy="pipeline", batch=100, tiles=2, object_frames=10)]:
        d = make_design(o)
        g = d.dataflow()
        shims = [n for n in g if n.startswith("shim:")]
        for w in d.workers:
            assert any(nx.has_path(g, s, w.name) for s in shims), f"{w.name} is fed by no shim"
            assert any(nx.has_path(g, w.name, s) for s in shims), f"{w.name} drains to no shim"
        assert g.number_of_edges() == sum(len(f.consumers) for f in d.fifos)
