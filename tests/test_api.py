"""The library API a researcher uses from a notebook: partitioner.partition/emit/read, sim.simulate/model_time."""
from __future__ import annotations

import math

import numpy as np
import pytest

import partitioner
import sim
from partitioner.design import Design
from partitioner.device import Device
from partitioner.errors import UserError
from partitioner.params import seed
from kernels.mel_tools import fixtures, framing, kernel


def test_the_readme_line():
    ev = partitioner.partition(batch=100, tiles=4)
    r = sim.simulate(ev, audio="speech_en_sc")
    assert (ev.fits, r.bit_exact) == (True, True)


def test_partition_takes_options_and_fields():
    base = partitioner.Options(strategy="split", batch=100, tiles=2)
    ev = partitioner.partition(base, depth=1)
    assert ev.design.options.tiles == 2 and ev.design.depth == 1
    with pytest.raises(UserError, match="unknown option"):
        partitioner.partition(batches=3)


def test_a_design_that_does_not_fit_is_returned_with_reasons():
    ev = partitioner.partition(strategy="single", batch=100, tiles=1)
    assert not ev.fits and ev.errors and ev.suggestions


def test_simulate_counts_frames_and_calls_of_the_audio():
    audio = fixtures.load("speech_en_sc")
    ev = partitioner.partition(batch=100, tiles=4)
    r = sim.simulate(ev, audio={"clip": audio})
    frames = audio.size // 160  # Whisper: one frame per 160-sample hop
    assert r.frames == frames and r.calls == math.ceil(frames / 100)
    assert r.first_difference is None and r.max_abs_diff == 0
    # the one implementation equals the kernel called directly on the frames
    assert np.array_equal(r.outputs["clip"], kernel.mel_frames(framing.frames(audio)))


def test_simulate_reports_the_first_difference():
    """The simulator runs the Design it is handed: swap the join's first two offsets in it, and tile 0's
    frames land in tile 1's slot. The first difference is where frame 25 + i differs from frame i."""
    ev = partitioner.partition(batch=100, tiles=4)
    join = next(link for link in ev.design.links if link.kind == "join")
    join.offsets[0], join.offsets[1] = join.offsets[1], join.offsets[0]
    audio = fixtures.load("speech_en_sc")
    r = sim.simulate(ev, {"clip": audio})
    want = kernel.mel_frames(framing.frames(audio))
    i, j = np.argwhere(want[25:50] != want[:25])[0]
    assert not r.bit_exact and r.first_difference == ("clip", i, j)


def test_model_time_defaults_to_the_seeds_audio():
    ev = partitioner.partition(batch=100, tiles=4)
    t = sim.model_time(ev)
    assert t.frames == seed().frames and t.npu_calls == math.ceil(seed().frames / 100)
    with pytest.raises(UserError):
        sim.model_time(ev, frames=0)


class RowMajorPlacer:
    """Places chains across columns first: a placer of the researcher's own."""

    def place_tiles(self, design: Design, device: Device) -> None:
        for g in range(design.groups):
            design.shims[g] = (g, device.shim_row)
            if any(f.producer == f"mem:{g}" for f in design.fifos):
                design.mem_tiles[g] = (g, device.mem_rows[0])
        for w in design.workers:
            w.tile = (w.group, device.compute_rows[-1 - w.chain])  # top row first


def test_a_placer_of_ones_own_is_used_and_the_design_still_simulates():
    ev = partitioner.partition(batch=100, tiles=2, placer=RowMajorPlacer())
    assert [w.tile for w in ev.design.workers] == [(0, 5), (0, 4)]
    assert ev.fits
    assert sim.simulate(ev, audio="white_noise").bit_exact


class BrokenPlacer:
    def place_tiles(self, design: Design, device: Device) -> None:
        for w in design.workers:
            w.tile = (0, 2)


def test_a_placer_that_stacks_workers_is_refused():
    with pytest.raises(UserError, match="two on one tile"):
        partitioner.partition(batch=100, tiles=2, placer=BrokenPlacer())
