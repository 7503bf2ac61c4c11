"""The library checks its arguments where they enter, as the command line does, and every command keeps one
exit-code contract (README "Exit codes"): 0 ok, 1 does not fit / hangs / differs, 2 bad input, 130 interrupted.

Issue 22, builds 3 and 5. The Python API raises UserError naming the field, the value and what is allowed
(``Options``' own check, ``sim.timing.check_count`` for the timing model's counts,
``kernels.mel_tools.audio`` for audio); audio that is read but not as recorded is warned about
(AudioWarning), audio that cannot be read as the recording is refused.
"""
from __future__ import annotations

import dataclasses
import math
import re
import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

import kernels
import partitioner
import sim
from kernels.mel_tools import fixtures
from kernels.mel_tools.audio import check_samples, load_audio, save_wav
from npu_tiler import cli as cli_module
from partitioner import emitters as em
from partitioner import kernel_spec
from partitioner.api import MAX_BATCH
from partitioner.check import HOST_BUFFER_MAX_BYTES, evaluate_options
from partitioner.design import MAX_STACK_BYTES, MIN_FRAME_BYTES, Options
from partitioner.errors import AudioError, AudioWarning, DesignRefused, UserError
from runner.results import ResultsDB, RunRecord
from sim import timing

ROOT = Path(__file__).resolve().parents[1]
INT_FIELDS = ("batch", "tiles")
OPTIONAL_INT_FIELDS = ("object_frames", "depth", "stack_size")
STR_FIELDS = ("kernel", "device", "strategy", "frame_mode", "alloc_scheme", "mlir_aie")


def user_error(fn, *needles: str) -> str:
    """Call ``fn``; it must raise UserError (no other exception) whose message holds every needle."""
    with pytest.raises(UserError) as info:
        fn()
    msg = str(info.value)
    for n in needles:
        assert n in msg, (n, msg)
    return msg


# -- Options: types at construction, the one check of every design option -------------------------------------

@pytest.mark.parametrize("field,value,needles", [
    ("batch", "100", ["Options.batch", "'100' (str)", "whole number of frames (int)"]),
    ("tiles", None, ["Options.tiles", "None (NoneType)", "compute tiles (int)"]),
    ("tiles", 4.0, ["Options.tiles", "4.0 (float)"]),
    ("tiles", True, ["Options.tiles", "True (bool)", "a bool is not a count"]),
    ("depth", "2", ["Options.depth", "None or a whole number of buffers", "'2' (str)"]),
    ("depth", 2.5, ["Options.depth", "2.5 (float)"]),
    ("strategy", 3, ["Options.strategy", "a name (str)", "3 (int)"]),
    ("device_file", 7, ["Options.device_file", "file path", "7 (int)"]),
])
def test_partition_refuses_wrong_types_naming_field_value_and_what_is_allowed(field, value, needles):
    user_error(lambda: partitioner.partition(**{field: value}), *needles)


def test_a_bool_never_names_a_design():
    """Today's bug: tiles=True made a design named batch100_splitTrue_d2."""
    with pytest.raises(UserError):
        partitioner.partition(batch=100, tiles=True, depth=2)
    with pytest.raises(UserError):
        partitioner.partition(batch=True)


def test_numpy_integers_are_ints_and_names_stay_plain():
    ev = partitioner.partition(batch=np.int64(100), tiles=np.int32(4))
    assert ev.design.name == partitioner.partition(batch=100, tiles=4).design.name == "batch100_split4_d2"
    assert type(ev.design.options.batch) is int and type(ev.design.options.tiles) is int


def test_batch_and_stack_bounds_come_from_the_documented_limits():
    # one NPU call's input must fit one XRT buffer (4 GiB - 1 B) at the smallest frame (a 320 B hop)
    assert MAX_BATCH == (2**32 - 1) // 320 == HOST_BUFFER_MAX_BYTES // MIN_FRAME_BYTES == 13_421_772
    # MIN_FRAME_BYTES is written out in partitioner/design.py: the fewest input bytes per frame of any entry
    # point of a built-in kernel (kernel.toml's in_bytes_per_frame; mel's hop entries: 160 int16 samples)
    assert MIN_FRAME_BYTES == min(e.in_bytes_per_frame for k in kernels.available()
                                  for e in kernel_spec.load(k).entries.values())
    assert cli_module.MAX_BATCH == MAX_BATCH and cli_module.MAX_STACK_BYTES == MAX_STACK_BYTES == 2**31 - 1
    Options(batch=MAX_BATCH)  # the bound itself is allowed
    user_error(lambda: partitioner.partition(batch=10**30), "batch must be at most 13,421,772 frames")
    user_error(lambda: Options(stack_size=2**31), "Options.stack_size", "at most 2,147,483,647")


def test_options_of_the_wrong_kind_placer_and_flags_are_refused():
    user_error(lambda: partitioner.partition({"batch": 100}), "partitioner.Options", "not dict")
    user_error(lambda: partitioner.partition(placer=object()), "place_tiles", "not object")
    user_error(lambda: partitioner.partition(suggest="no"), "suggest", "'no' (str)")
    user_error(lambda: partitioner.partition(tile=4), "unknown option(s) tile")


def test_emit_and_read_check_their_arguments(tmp_path):
    user_error(lambda: partitioner.emit({"design": "x"}, tmp_path / "d"), "Evaluation", "not dict")
    ev = partitioner.partition(batch=20, tiles=1, strategy="single")
    user_error(lambda: partitioner.emit(ev, 42), "out_dir", "42 (int)")
    user_error(lambda: partitioner.read(None), "path", "None (NoneType)")
    user_error(lambda: partitioner.read(em.DESIGNS_DIR / "batch20_1tile", device=1), "device", "1 (int)")
    user_error(lambda: partitioner.read(em.DESIGNS_DIR / "batch20_1tile", alloc_scheme=3), "Options.alloc_scheme")
    assert not (tmp_path / "d").exists()


def test_emit_of_a_design_that_does_not_fit_is_the_answer_no(tmp_path):
    ev = partitioner.partition(strategy="single", batch=100, tiles=1, depth=2, suggest=False)
    assert not ev.fits
    with pytest.raises(DesignRefused, match="does not fit"):
        partitioner.emit(ev, tmp_path / "d")
    assert not (tmp_path / "d").exists()


_not_int = st.one_of(st.floats(allow_nan=True), st.text(max_size=4), st.booleans(), st.lists(st.integers(), max_size=2))


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(field=st.sampled_from(INT_FIELDS + OPTIONAL_INT_FIELDS), value=_not_int)
def test_property_a_count_is_an_int_and_nothing_else(field, value):
    msg = user_error(lambda: Options(**{field: value}), f"Options.{field}", repr(value)[:20])
    assert ("a bool is not a count" in msg) == isinstance(value, bool)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(field=st.sampled_from(INT_FIELDS + OPTIONAL_INT_FIELDS), value=st.integers(-2**40, 13_421_772))
def test_property_any_int_in_bounds_is_taken_as_is(field, value):
    value = min(value, MAX_STACK_BYTES)
    o = Options(**{field: value})  # ranges that depend on the device are partitioner.strategies.validate's
    assert getattr(o, field) == value and type(getattr(o, field)) is int


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(field=st.sampled_from(STR_FIELDS), value=st.one_of(st.integers(), st.floats(), st.none(), st.booleans()))
def test_property_a_name_is_a_str(field, value):
    user_error(lambda: Options(**{field: value}), f"Options.{field}", "a name (str)")


# -- the timing model's counts ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def b100x4():
    return partitioner.partition(batch=100, tiles=4)


@pytest.mark.parametrize("frames,needles", [
    (math.nan, ["nan (float)"]),
    (1.5, ["1.5 (float)"]),
    (10.0, ["10.0 (float)"]),
    (True, ["True (bool)", "a bool is not a count"]),
    (10**23, ["100,000,000,000,000,000,000,000", "to 9,007,199,254,740,992"]),
    (0, ["not 0"]),
    (-5, ["not -5"]),
])
def test_model_time_refuses_frames_that_are_not_a_sane_count(b100x4, frames, needles):
    user_error(lambda: sim.model_time(b100x4, frames=frames), "frames must be", *needles)


def test_model_time_refuses_a_string_of_frames(b100x4):
    user_error(lambda: sim.model_time(b100x4, frames="10"), "frames", "'10' (str)")


def test_the_frame_bound_is_float64s_exact_integers(b100x4):
    """2**53: the largest count IEEE 754 binary64 holds with every smaller integer (53-bit significand)."""
    assert timing.MAX_FRAMES == 2**53 and float(2**53 + 1) == float(2**53) and float(2**53 - 1) != float(2**53)
    t = sim.model_time(b100x4, frames=2**53)
    assert t.npu_calls == -(-2**53 // 100) and math.isfinite(t.modeled_seconds)


def test_calls_must_be_possible_for_the_frames(b100x4):
    # 628 frames in batches of 100: at least ceil(628 / 100) = 7 calls, at most one per frame
    assert sim.model_time(b100x4, frames=628, calls=7).npu_calls == 7
    assert sim.model_time(b100x4, frames=628, calls=628).npu_calls == 628
    for calls in (0, 6, 629, 2.0):
        user_error(lambda: sim.model_time(b100x4, frames=628, calls=calls), "calls", "from 7 to 628")


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(value=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.text(max_size=3)))
def test_property_check_count_takes_no_float_bool_or_str(value):
    user_error(lambda: timing.check_count("frames", value, "frames"), "frames must be", repr(value)[:10])


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(value=st.integers(-2**60, 2**60))
def test_property_check_count_keeps_ints_in_range(value):
    if 1 <= value <= 2**53:
        assert timing.check_count("frames", value, "frames") == value
    else:
        user_error(lambda: timing.check_count("frames", value, "frames"), f"not {value:,}")


# -- audio ------------------------------------------------------------------------------------------------------

def test_simulate_on_no_audio_is_an_error_not_bit_exact(b100x4):
    """Today's bug: audio=[] gave bit_exact=True on 0 frames."""
    user_error(lambda: sim.simulate(b100x4, audio=[]), "frames", "not 0", "no audio")
    user_error(lambda: sim.simulate(b100x4, audio={}), "no audio")
    user_error(lambda: sim.simulate(b100x4, audio=np.zeros(0, np.int16)), "samples")  # "0 samples" / "no samples"


def test_simulate_refuses_float_samples(b100x4):
    """Floats in [-1, 1] read as int16 are silence: today bit_exact=True on nothing."""
    user_error(lambda: sim.simulate(b100x4, audio=np.random.default_rng(0).standard_normal(16000) * 0.1),
               "int16", "float64", "to_int16")


def test_simulate_refuses_a_list_of_samples(b100x4):
    user_error(lambda: sim.simulate(b100x4, audio=[1, 2, 3]), "audio")


@pytest.mark.parametrize("samples,needles", [
    ([1, 2, 3], ["numpy array", "not list"]),
    (np.zeros(10, np.float32), ["int16", "float32", "to_int16"]),
    (np.zeros((10, 2), np.int16), ["1-D", "(10, 2)"]),
    (np.zeros(0, np.int16), ["no samples"]),
])
def test_check_samples_names_what_is_wrong(samples, needles):
    with pytest.raises(AudioError) as info:
        check_samples(samples, "rec")
    assert "rec" in str(info.value)
    for n in needles:
        assert n in str(info.value)


def _noise(n: int, scale: float = 1000.0) -> np.ndarray:
    return (np.random.default_rng(22).standard_normal(n) * scale).astype(np.int16)


def _loaded(path: Path) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        samples = load_audio(path)
    return samples, [str(w.message) for w in got if issubclass(w.category, AudioWarning)]


def test_a_1_hz_wav_is_refused_before_it_becomes_500000_frames(tmp_path):
    """5,000 samples at 1 Hz are 5,000 s: 500,000 frames of nothing. Its Nyquist frequency (0.5 Hz) lies
    below the centre of the lowest mel band (Whisper's slaney scale: 8,000 Hz over 82 edges, linear below
    1 kHz at 200/3 Hz per mel: the first centre is 37.2 Hz), so every band would be empty."""
    path = tmp_path / "one_hz.wav"
    sf.write(path, _noise(5000), 1, subtype="PCM_16")
    before = path.read_bytes()
    with pytest.raises(AudioError, match=r"sampled at 1 Hz: it holds nothing above 0\.5 Hz.*37\.2 Hz"):
        load_audio(path)
    assert path.read_bytes() == before


def test_a_low_rate_is_resampled_with_a_word(tmp_path):
    path = tmp_path / "hundred_hz.wav"
    sf.write(path, _noise(500), 100, subtype="PCM_16")  # 5 s at 100 Hz
    samples, said = _loaded(path)
    assert samples.size == 5 * 16000
    assert len(said) == 1 and "100 Hz" in said[0] and "5.0 s of audio, 80,000 samples" in said[0]
    assert "nothing above 50 Hz" in said[0] and "79 of the 80 mel bands stay empty" in said[0]


def test_a_truncated_wav_is_refused_and_left_as_it_is(tmp_path):
    full = tmp_path / "full.wav"
    save_wav(full, _noise(16000))  # 32,000 bytes of samples after a 44-byte header
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[:44 + 10_000])
    before = cut.read_bytes()
    with pytest.raises(AudioError, match="truncated: its header declares 32,000 bytes of samples, the file holds "
                                         "10,000"):
        load_audio(cut)
    assert cut.read_bytes() == before
    assert _loaded(full)[1] == []  # whole: no word


def test_a_streaming_writers_unknown_length_is_not_truncation(tmp_path):
    path = tmp_path / "stream.wav"
    save_wav(path, _noise(16000))
    data = bytearray(path.read_bytes())
    at = data.index(b"data") + 4
    data[at:at + 4] = (0xFFFFFFFF).to_bytes(4, "little")  # what ffmpeg writes to a pipe
    path.write_bytes(bytes(data))
    assert load_audio(path).size == 16000


def test_clipping_is_warned_about_not_hidden(tmp_path):
    t = np.arange(16000) / 16000
    loud = tmp_path / "loud_float.wav"
    sf.write(loud, 1.5 * np.sin(2 * np.pi * 5 * t), 16000, subtype="FLOAT")
    samples, said = _loaded(loud)
    beyond = int(np.count_nonzero(np.abs((1.5 * np.sin(2 * np.pi * 5 * t)).astype(np.float32)) > 1.0))
    assert 8000 < beyond < 16000  # 1.5 sin x > 1 for 54 % of a period (2 arcsin(2/3) / pi = 0.46 below)
    assert len(said) == 1 and f"{beyond:,} samples lie beyond full scale and were clipped" in said[0]
    assert samples.max() == 32767 and samples.min() == -32768
    flat = tmp_path / "flat_tops.wav"
    save_wav(flat, np.clip(np.sin(2 * np.pi * 5 * t) * 40000, -32768, 32767).astype(np.int16))
    assert any("flat tops: the recording is clipped" in s for s in _loaded(flat)[1])
    one_peak = tmp_path / "one_peak.wav"  # touching the rail once is a peak, not a clip
    x = _noise(16000)
    x[100] = 32767
    save_wav(one_peak, x)
    assert _loaded(one_peak)[1] == []


def test_the_command_line_prints_an_audio_warning_as_one_line(cli, tmp_path):
    wav = tmp_path / "flat.wav"
    save_wav(wav, np.clip(fixtures.load("speech_en_sc")[:8000].astype(np.int32) * 64, -32768, 32767))
    r = cli("mel", wav, "--out", tmp_path / "m.npy")
    assert r.returncode == 0, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("npu-tiler: warning: ") and "clipped" in lines[0]


# -- one exit-code contract for every command ------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Files the cases use: designs, audio, databases, a corpus and an explore report, all in a temp folder."""
    root = tmp_path_factory.mktemp("contract")
    w = {"root": root}
    w["ok"] = em.emit(evaluate_options(Options(strategy="single", batch=20, tiles=1)), root / "ok")
    # A runtime sequence that sends half of what the core acquires: a hang (mlir-aie: the core waits on in0)
    short = root / "short"
    shutil.copytree(w["ok"], short)
    mlir = (short / "aie.mlir").read_text()
    assert mlir.count("[1, 1, 1, 8000][0, 0, 0, 1]) {id = 1") == 1
    (short / "aie.mlir").write_text(mlir.replace("[1, 1, 1, 8000][0, 0, 0, 1]) {id = 1",
                                                 "[1, 1, 1, 4000][0, 0, 0, 1]) {id = 1"))
    w["short"] = short
    w["junk_mlir"] = root / "junk.mlir"
    w["junk_mlir"].write_text("module { this is not mlir }\n")
    w["wav"] = root / "short.wav"
    save_wav(w["wav"], fixtures.load("speech_en_sc")[:40 * 160])
    w["cut_wav"] = root / "cut.wav"
    w["cut_wav"].write_bytes(w["wav"].read_bytes()[:1000])
    # results: a regression (2.0 -> 2.6 ms, +30 % over the 10 % threshold) and one without
    w["reg_db"] = _db(root / "reg.sqlite", [2.0e-3, 2.6e-3])
    w["flat_db"] = _db(root / "flat.sqlite", [2.0e-3, 2.0e-3])
    w["cal_db"] = _calibration_db(root / "cal.sqlite")
    # corpus: a design mlir-aie's CI runs on hardware (npu-xrt/ + SOURCES.toml) that npu-tiler calls hanging
    good = root / "corpus_good"
    good.mkdir()
    shutil.copy(w["ok"] / "aie.mlir", good / "b20.mlir")
    bad = root / "corpus_bad"
    (bad / "npu-xrt").mkdir(parents=True)
    shutil.copy(short / "aie.mlir", bad / "npu-xrt" / "short.mlir")
    (bad / "SOURCES.toml").write_text('[files."short.mlir"]\npath = "test/npu-xrt/short/aie.mlir"\n'
                                      'commit = "0000000000000000000000000000000000000000"\n')
    w["corpus_good"], w["corpus_bad"] = good, bad
    # explore's smallest space (single strategy, one tile), no simulation: the report for `report`
    w["report"] = root / "report"
    w["explore_args"] = ["--strategy", "single", "--tiles", "1", "--no-simulate", "--cache", root / "c.sqlite"]
    w["stale_h"] = root / "mel_tables.h"
    w["stale_h"].write_text("/* stale */\n")
    return w


def _db(path: Path, medians: list[float]) -> Path:
    db = ResultsDB(path)
    for i, m in enumerate(medians):
        db.add(RunRecord(design="batch20_1tile", backend="sim", timing="modelled",
                         options=Options(strategy="single", batch=20, tiles=1).as_dict(), frames=40, npu_calls=2,
                         times=[m, m], date=f"2026-11-0{i + 1}T00:00:00+00:00"))
    db.close()
    return path


def _calibration_db(path: Path) -> Path:
    """Runs labelled xrt made from the timing model itself (no hardware: a fit that has data to fit)."""
    params = sim.api.param_files.timing()
    db = ResultsDB(path)
    for o in (Options(strategy="single", batch=20, tiles=1), Options(strategy="split", batch=100, tiles=4),
              Options(strategy="hybrid", batch=100, tiles=4, object_frames=10),
              Options(kernel="seed-mel", strategy="single", batch=1, tiles=1),
              Options(kernel="seed-mel", strategy="split", batch=400, tiles=4)):
        ev = evaluate_options(o, suggest=False)
        per_call = params.per_call_overhead_s + params.seconds(timing.device_cycles_per_call(ev, params))
        db.add(RunRecord(design=ev.design.name, backend="xrt", timing="measured",
                         options=dataclasses.asdict(ev.design.options), frames=o.batch * 4, npu_calls=4,
                         times=[per_call * (1 + 0.01 * k) for k in range(4)]))
    db.close()
    return path


def _fake_build(folder: Path, script: str) -> Path:
    """``folder``'s build.sh replaced by ``script`` (run in the folder), standing in for Peano and aiecc."""
    (folder / "build.sh").write_text('#!/bin/bash\ncd "$(dirname "$0")"\n' + script)
    return folder


def _report(w) -> Path:
    """The explore report of the smallest space (made by the explore case, or here when run alone)."""
    if not (w["report"] / "points.json").is_file():
        assert run_cli("explore", *w["explore_args"], "--out", w["report"]).returncode == 0
    return w["report"]


# (command, code, argv builder, what the output must hold): every command, every code the README gives it.
CASES = [
    ("partition", 0, lambda w: ["--batch", "100", "--tiles", "4"], "fits"),
    ("partition", 1, lambda w: ["--strategy", "single", "--tiles", "1", "--batch", "100"], "does not fit"),
    ("partition", 2, lambda w: ["--tiles", "17"], "more than the 16 compute tiles"),
    ("emit", 0, lambda w: ["--strategy", "single", "--tiles", "1", "--batch", "20", "--out", w["root"] / "e0"], "wrote"),
    ("emit", 1, lambda w: ["--strategy", "single", "--tiles", "1", "--batch", "100", "--depth", "2",
                           "--out", w["root"] / "e1"], "does not fit"),
    ("emit", 2, lambda w: ["--tiles", "0", "--out", w["root"] / "e2"], "--tiles"),
    ("check", 0, lambda w: [w["ok"] / "aie.mlir"], "proved free"),
    ("check", 1, lambda w: [w["short"] / "aie.mlir"], "would hang"),
    ("check", 2, lambda w: [w["junk_mlir"]], "junk.mlir"),
    ("simulate", 0, lambda w: [w["ok"], "--audio", w["wav"]], "bit-exact"),
    ("simulate", 1, lambda w: [w["short"]], "would hang"),
    ("simulate", 1, lambda w: [w["short"], "--force", "--audio", w["wav"]], "a hang"),
    ("simulate", 2, lambda w: [w["ok"], "--audio", w["cut_wav"]], "truncated"),
    ("run", 0, lambda w: [w["ok"], "--audio", w["wav"], "--db", w["root"] / "run.sqlite"], "bit-exact vs baseline: True"),
    ("run", 1, lambda w: [w["short"], "--audio", w["wav"], "--db", w["root"] / "run.sqlite"], "would hang"),
    ("run", 2, lambda w: [w["ok"], "--repeat", "1000000000", "--db", w["root"] / "run.sqlite"], "--repeat"),
    ("build", 0, lambda w: [_fake_build(_copy(w, "b0"), "mkdir -p build && touch build/final.xclbin "
                                                          "build/insts.bin\n")], "built"),
    ("build", 1, lambda w: [_fake_build(_copy(w, "b1"), "echo \"$(pwd)/aie.mlir:9:3: error: 'aie.tile' op allocated "
                                                          "buffers exceeded available memory\"; exit 1\n")],
     "exceeded available memory"),
    ("build", 2, lambda w: [_fake_build(_copy(w, "b2"), "echo 'error: no such kernel'; exit 1\n")], "failed"),
    ("explore", 0, lambda w: [*w["explore_args"], "--out", w["report"]], "points"),
    ("explore", 2, lambda w: [*w["explore_args"][:2], "--tiles", "17", "--out", w["root"] / "x17"],
     "more than the 16 compute tiles"),
    ("report", 0, lambda w: [_report(w)], "wrote"),
    ("report", 2, lambda w: [_junk_points(w)], "not a points.json"),
    ("corpus", 0, lambda w: [w["corpus_good"]], "hang verdicts"),
    ("corpus", 1, lambda w: [w["corpus_bad"]], "wrongly called hanging 1"),
    ("corpus", 2, lambda w: [w["root"] / "wav_only"], "holds no .mlir file"),
    ("results", 0, lambda w: ["--regressions", "--db", w["flat_db"]], "no regressions"),
    ("results", 1, lambda w: ["--regressions", "--db", w["reg_db"]], "REGRESSION"),
    ("results", 2, lambda w: ["--since", "yesterday", "--db", w["flat_db"]], "not a date"),
    ("calibrate", 0, lambda w: ["--db", w["cal_db"], "--out", w["root"] / "cal.toml"], "wrote"),
    ("calibrate", 2, lambda w: ["--db", w["root"] / "empty.sqlite", "--out", w["root"] / "c2.toml"], "no runs"),
    ("accuracy", 0, lambda w: [w["wav"]], "ok"),
    ("accuracy", 1, lambda w: [w["wav"]], "FAIL"),
    ("accuracy", 2, lambda w: [w["cut_wav"]], "truncated"),
    ("gen-tables", 0, lambda w: ["--check"], "up to date"),
    ("gen-tables", 1, lambda w: ["--check"], "stale"),
    ("gen-tables", 2, lambda w: ["--chek"], "--chek"),
    ("mel", 0, lambda w: [w["wav"], "--out", w["root"] / "m.npy"], "frames"),
    ("mel", 2, lambda w: [w["cut_wav"], "--out", w["root"] / "m2.npy"], "truncated"),
    ("fixtures", 0, lambda w: [], "speech_en_sc"),
    ("fixtures", 2, lambda w: ["extra"], "extra"),
    ("profiles", 0, lambda w: [], "default:"),
    ("profiles", 2, lambda w: ["--nope"], "--nope"),
    ("seed-table", 0, lambda w: [], "batch"),
    ("seed-table", 2, lambda w: ["--cost-profile", "nope"], "nope"),
    ("kernel-info", 0, lambda w: ["--no-instructions"], "mel"),
    ("kernel-info", 2, lambda w: ["--kernel", "nope"], "nope"),
]


def _copy(w, name: str) -> Path:
    """A copy of the batch-20 design folder to fake a build in (its aie.mlir and manifest kept)."""
    out = w["root"] / name
    if not out.exists():
        shutil.copytree(w["ok"], out)
    return out


def _junk_points(w) -> Path:
    out = w["root"] / "junk_report"
    out.mkdir(exist_ok=True)
    (out / "points.json").write_text('{"points": "not a list"}')
    return out


@pytest.fixture
def contract_env(monkeypatch, world):
    """What some cases need in this process: the build's tool checks passed (the fake build.sh stands in
    for Peano and aiecc), the accuracy bar raised out of reach for its exit-1 case, the tables' header
    pointed at a stale copy for gen-tables' exit-1 case."""
    from kernels.mel_tools import accuracy as acc
    from kernels.mel_tools import tables
    from runner import toolchain

    def setup(command: str, code: int) -> None:
        if command == "build" and code in (0, 1, 2):
            monkeypatch.setattr(toolchain, "find_tools", lambda env=None: None)
            monkeypatch.setattr(toolchain, "guard", lambda name, env=None: None)
        if command == "accuracy" and code == 1:
            monkeypatch.setattr(acc, "MAX_ABS_ERROR", -1.0)
        if command == "gen-tables" and code == 1:
            monkeypatch.setattr(tables, "header_path", lambda: world["stale_h"])
        if command == "corpus" and code == 2:
            (world["root"] / "wav_only").mkdir(exist_ok=True)
    return setup


@pytest.mark.parametrize("command,code,argv,needle", CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_every_command_keeps_the_exit_code_contract(cli, world, contract_env, command, code, argv, needle):
    contract_env(command, code)
    r = cli(command, *argv(world))
    assert r.returncode == code, (command, r.returncode, r.stdout[-800:], r.stderr[-800:])
    assert "Traceback" not in r.stdout + r.stderr
    assert needle in r.stdout + r.stderr, (needle, r.stdout[-800:], r.stderr[-800:])
    if code == 2:
        errors = [line for line in r.stderr.splitlines() if line.startswith("npu-tiler: error:")]
        assert len(errors) == 1, r.stderr


# Arguments each command parses without error (the interrupt comes once it runs).
RUNNABLE = {"check": lambda w: [w["ok"] / "aie.mlir"], "simulate": lambda w: [w["ok"]], "run": lambda w: [w["ok"]],
            "build": lambda w: [w["ok"]], "report": lambda w: [w["root"]], "corpus": lambda w: [w["root"]],
            "mel": lambda w: ["--out", w["root"] / "never.npy"]}


@pytest.mark.parametrize("command", sorted(cli_module.cli.commands))
def test_every_command_exits_130_when_interrupted(cli, world, monkeypatch, command):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module.cli.commands[command], "callback", interrupted)
    r = cli(command, *RUNNABLE.get(command, lambda w: [])(world))
    assert r.returncode == 130 and r.stderr == "npu-tiler: interrupted\n", (r.returncode, r.stderr)


def _readme_contract() -> dict[str, set[int]]:
    """The README's exit-code table: command -> the codes it lists (a '-' cell: none)."""
    text = (ROOT / "README.md").read_text()
    section = text.split("### Exit codes", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table: dict[str, set[int]] = {}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        for name in re.findall(r"`([a-z-]+)`", cells[0]):
            table[name] = {code for code, cell in zip((0, 1, 2), cells[1:]) if cell != "-"}
    return table


def test_the_readme_table_is_the_contract_tested_here():
    table = _readme_contract()
    assert set(table) == set(cli_module.cli.commands), set(table) ^ set(cli_module.cli.commands)
    tested: dict[str, set[int]] = {}
    for command, code, *_ in CASES:
        tested.setdefault(command, set()).add(code)
    assert tested == table


def test_exit_code_maps_the_library_errors():
    from sim.engine import SimulationError

    assert cli_module.exit_code(UserError("x")) == 2
    assert cli_module.exit_code(AudioError("x")) == 2
    assert cli_module.exit_code(SimulationError("x")) == 1
    assert cli_module.exit_code(DesignRefused("x")) == 1
