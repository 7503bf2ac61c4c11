"""Batches that do not divide by the chains: shares differing by one frame, each chain's FIFOs sized to its
share, link offsets the running sums, one transfer per column group over its slice of the host buffers.

mlir-aie's link offsets take sub-FIFOs of different sizes
(test/objectFifo-stateful-transform/data_movement_patterns/link/link_test_distribute_offsets.mlir:
16, 20 and 12 elements), so 13, 13, 13, 13, 12, 12, 12, 12 frames is a real design.
"""
import json
import sys
from pathlib import Path

import numpy as np
import pytest

import partitioner
import sim
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.errors import UserError
from partitioner.strategies import make_design
from reports import explore as ex

sys.path.insert(0, str(Path(__file__).parent))
from test_roundtrip import differences  # noqa: E402

FRAME, HOP, HALO, BINS = 400, 160, 240, 80  # samples per frame, per hop, of the halo; log-mel values per frame


def _audio(frames: int, seed: int = 0) -> np.ndarray:
    """Noise long enough for ``frames`` frames (so a batch-100 design makes several calls, the last padded)."""
    return np.random.default_rng(seed).integers(-20000, 20000, frames * HOP + 50, dtype=np.int16)


def test_batch_100_over_8_tiles_by_hand():
    d = make_design(Options(batch=100, tiles=8))
    # 100 = 8 x 12 + 4: the first four chains take 13 frames, the other four 12.
    assert [w.frames_per_call for w in d.workers] == [13] * 4 + [12] * 4
    assert [w.object_frames for w in d.workers] == [13] * 4 + [12] * 4  # unset: one object = the whole share
    assert all(w.iterations_per_call == 1 for w in d.workers)
    assert d.object_frames == 13 and d.groups == 2
    # Column 0 holds the 13-frame chains (4 x 13 = 52 frames), column 1 the 12-frame ones (48).
    assert [d.fifo(f"in0_{p}").elem_count for p in range(4)] == [13 * 400] * 4
    assert [d.fifo(f"in1_{p}").elem_count for p in range(4)] == [12 * 400] * 4
    assert (d.fifo("in0").elem_count, d.fifo("in1").elem_count) == (52 * 400, 48 * 400)
    assert (d.fifo("out0").elem_count, d.fifo("out1").elem_count) == (52 * 80, 48 * 80)
    offsets = {link.name: link.offsets for link in d.links}
    assert offsets == {"in0_split": [0, 5200, 10400, 15600], "out0_join": [0, 1040, 2080, 3120],
                       "in1_split": [0, 4800, 9600, 14400], "out1_join": [0, 960, 1920, 2880]}
    # One transfer per column and direction, at the column's first frame: 0 and 52.
    t = {x.fifo: (x.offset, x.sizes) for x in d.sequence.transfers}
    assert t == {"in0": (0, [1, 1, 1, 20800]), "in1": (52 * 400, [1, 1, 1, 19200]),
                 "out0": (0, [1, 1, 1, 4160]), "out1": (52 * 80, [1, 1, 1, 3840])}


def test_batch_50_over_4_tiles_by_hand():
    d = make_design(Options(batch=50, tiles=4))
    assert [w.frames_per_call for w in d.workers] == [13, 13, 12, 12]
    assert [d.fifo(f"in0_{p}").object_bytes for p in range(4)] == [10400, 10400, 9600, 9600]  # 800 B a frame
    split, join = d.links
    assert split.offsets == [0, 5200, 10400, 15200]  # 0, 13, 26, 38 frames of 400 i16
    assert join.offsets == [0, 1040, 2080, 3040]  # 0, 13, 26, 38 frames of 80 i16
    assert d.fifo("in0").elem_count == 50 * 400 and d.fifo("out0").elem_count == 50 * 80


@pytest.mark.parametrize("o", [Options(batch=100, tiles=8), Options(batch=50, tiles=4),
                               Options(batch=100, tiles=8, frame_mode="dma-framed"),
                               Options(batch=100, tiles=8, frame_mode="streamed"),
                               Options(batch=100, tiles=16, object_frames=1),
                               Options(strategy="hybrid", batch=101, tiles=6)], ids=str)
def test_transfers_cover_each_host_buffer_exactly_once(o):
    d = make_design(o)
    for buf in d.sequence.buffers:
        idx = np.concatenate([t.indices() for t in d.sequence.transfers if t.buffer == buf.name])
        counts = np.bincount(idx, minlength=buf.elem_count)
        if buf.direction == "out" or o.frame_mode == "framed":
            assert (counts == 1).all()
        else:  # windows and halos overlap by design
            assert (counts >= 1).all() and idx.max() < buf.elem_count
    for link in d.links:  # the sub-FIFOs tile the big object in order
        subs = [d.fifo(n).elem_count for n in link.subs]
        assert link.offsets == [sum(subs[:i]) for i in range(len(subs))]
        assert sum(subs) == d.fifo(link.big).elem_count


@pytest.mark.parametrize("args", [["--batch", "100", "--tiles", "8"], ["--batch", "50", "--tiles", "4"]],
                         ids=lambda a: "x".join(a[1::2]))
def test_cli_fits_emits_and_simulates_bit_exact(cli, tmp_path, args):
    r = cli("partition", *args, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["fits"] is True
    out = tmp_path / "d"
    assert cli("emit", *args, "--out", str(out)).returncode == 0
    mlir = (out / "aie.mlir").read_text()
    batch, tiles = int(args[1]), int(args[3])
    shares = [batch // tiles + (i < batch % tiles) for i in range(tiles)]
    for s in set(shares):  # each chain's FIFO type is its own size
        assert f"memref<{s * FRAME}xi16>" in mlir and f"memref<{s * BINS}xi16>" in mlir
    ev = partitioner.partition(batch=batch, tiles=tiles)
    audio = _audio(2 * batch + 7)  # two full calls and a padded third
    assert sim.simulate(ev, audio=audio).bit_exact


UNEVEN = [Options(batch=100, tiles=8, object_frames=1), Options(batch=100, tiles=8, frame_mode="streamed"),
          Options(batch=50, tiles=4, frame_mode="dma-framed"), Options(batch=100, tiles=5),
          Options(strategy="hybrid", batch=101, tiles=6),
          Options(strategy="hybrid", batch=98, tiles=8, object_frames=1, mlir_aie="2026")]


@pytest.mark.parametrize("o", UNEVEN, ids=str)
def test_uneven_designs_simulate_bit_exact(o):
    ev = evaluate_options(o, suggest=False)
    assert ev.fits, ev.errors
    assert sim.simulate(ev, audio=_audio(150, seed=3)).bit_exact


@pytest.mark.parametrize("o", [Options(batch=100, tiles=8), Options(batch=50, tiles=4)] + UNEVEN, ids=str)
def test_uneven_designs_read_back_from_their_emitted_files(o, tmp_path):
    ev = evaluate_options(o, suggest=False)
    folder = partitioner.emit(ev, tmp_path / "d")
    read = partitioner.read(folder)
    assert differences(ev.design, read.design) == []
    assert read.as_json() == ev.as_json()
    assert sim.simulate(folder, audio=_audio(150, seed=3)).bit_exact


def test_object_frames_set_must_divide_every_share_and_keep_a_group_in_step():
    d = make_design(Options(batch=100, tiles=8, object_frames=1))
    # Column 0's chains take 13 one-frame objects per call, column 1's 12: each column in step.
    assert [w.iterations_per_call for w in d.workers] == [13] * 4 + [12] * 4
    assert d.fifo("in0").object_frames == d.fifo("in1").object_frames == 4
    with pytest.raises(UserError, match=r"--object-frames 13 does not divide .*choose one of \[1\]"):
        make_design(Options(batch=100, tiles=8, object_frames=13))
    # 13, 13, 12, 12 in one column: a set size gives its chains 13 and 12 objects per round of the distribute.
    with pytest.raises(UserError, match="leave --object-frames unset"):
        make_design(Options(batch=50, tiles=4, object_frames=1))


def test_any_tile_count_the_device_holds():
    for k in range(1, 17):
        d = make_design(Options(batch=100, tiles=k))
        assert len(d.workers) == k and sum(w.frames_per_call for w in d.workers) == 100
        assert max(w.frames_per_call for w in d.workers) - min(w.frames_per_call for w in d.workers) <= 1
    five = make_design(Options(batch=100, tiles=5))
    assert sorted(five.mem_tiles) == [0, 1] and [w.group for w in five.workers] == [0, 0, 0, 1, 1]
    with pytest.raises(UserError, match="cannot give each of 8 tiles a frame"):
        make_design(Options(batch=7, tiles=8))


def test_explore_space_includes_and_fits_uneven_designs():
    space = ex.Space(batches=(50, 100), strategies=("split",), tiles=(4, 8), depths=(2,), frame_modes=("framed",),
                     object_frames=(None,), alloc_schemes=("basic-sequential",))
    pts = space.points()
    assert {(o.batch, o.tiles) for o in pts} == {(50, 4), (50, 8), (100, 4), (100, 8)}
    recs = {(o.batch, o.tiles): ex.evaluate_point(o) for o in pts}
    assert recs[(100, 8)]["fits"] and recs[(50, 4)]["fits"], recs[(100, 8)]["reason"]
    assert recs[(100, 8)]["object_frames_effective"] == 13
