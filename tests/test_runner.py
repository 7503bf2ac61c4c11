"""The hardware path without hardware: what can be checked here is, and nothing pretends to be an NPU.

Unit tests of the XRT backend cover only what needs no device (buffer sizes,
argument layout, error paths); the simulator backend runs for real.
"""
import dataclasses
import signal
import sqlite3

import numpy as np
import pytest

import partitioner
from kernels.mel_tools import fixtures
from kernels.mel_tools.audio import save_wav
from partitioner import emitters as em
from partitioner.check import evaluate_options
from partitioner.design import HostBuffer, Options
from partitioner.errors import UserError
from partitioner.params import timing as load_params
from runner import backends, calibrate, toolchain
from runner.results import ResultsDB, RunRecord, regressions
from sim import timing


# -- build ------------------------------------------------------------------------------------------------

def test_build_without_peano_names_the_variable(cli):
    r = cli("build", str(em.DESIGNS_DIR / "batch20_1tile"), env={"PEANO_INSTALL_DIR": ""})
    assert r.returncode == 2 and "PEANO_INSTALL_DIR" in r.stderr and "llvm-aie" in r.stderr


def test_build_without_aiecc_names_it(tmp_path):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "clang").write_text("")  # only its presence is checked before aiecc's
    with pytest.raises(UserError, match="aiecc.py not found: install mlir-aie"):
        toolchain.find_tools({"PEANO_INSTALL_DIR": str(tmp_path), "PATH": str(tmp_path / "nothing")})


def test_aiecc_memory_error_is_shown_next_to_the_models_map(tmp_path):
    ev = evaluate_options(Options(kernel="seed-mel", strategy="single", batch=100, tiles=1, depth=2))
    folder = em.emit(ev, tmp_path / "d", force=True)
    mlir = (folder / "aie.mlir").read_text().splitlines()
    line = next(i for i, t in enumerate(mlir, 1) if "aie.tile(0, 2)" in t)
    # aiecc's diagnostic as AIEAssignBuffers prints it (test/assign-buffer-addresses/basic_alloc_error.mlir).
    log = (f"{folder}/aie.mlir:{line}:15: error: 'aie.tile' op allocated buffers exceeded available memory\n"
           "MemoryMap:\n\t(stack) \t: 0x0-0x3FF \t(1024 bytes)\n")
    assert toolchain.memory_error_tiles(log, (folder / "aie.mlir").read_text()) == [(0, 2)]
    text = toolchain.explain_memory_error(log, folder)
    assert "npu-tiler's model of tile (0, 2): 180,100 of 65,536 B (does not fit)" in text
    assert "in0_cons_buff_0" in text


# -- XRT backend, the parts that need no device ---------------------------------------------------------------

SPECS = [HostBuffer("in", "in", "i16", 20 * 400, 2, "frames", 20), HostBuffer("out", "out", "i16", 20 * 80, 2, "logmel", 20)]


def test_host_buffers_are_checked_against_the_manifest():
    ok = {"in": np.zeros(20 * 400, np.int16)}
    backends.check_inputs(SPECS, ok, "batch20")
    with pytest.raises(UserError, match="has 800 B but the design moves 16,000 B"):
        backends.check_inputs(SPECS, {"in": np.zeros(400, np.int16)}, "batch20")  # the prior art's 1-frame buffer
    with pytest.raises(UserError, match="is float32, the design reads i16"):
        backends.check_inputs(SPECS, {"in": np.zeros(20 * 400, np.float32)}, "batch20")
    with pytest.raises(UserError, match="missing"):
        backends.check_inputs(SPECS, {}, "batch20")
    with pytest.raises(UserError, match="not inputs"):
        backends.check_inputs(SPECS, {**ok, "extra": np.zeros(4, np.int16)}, "batch20")


def test_manifest_buffers_match_the_design():
    specs = partitioner.read(em.DESIGNS_DIR / "batch100_split4").design.sequence.buffers
    assert [(s.name, s.direction, s.nbytes) for s in specs] == [("in", "in", 100 * 800), ("out", "out", 100 * 160)]


def test_xrt_argument_layout_packs_past_five_buffers():
    two = backends.xrt_arguments(SPECS)
    assert [(s.group_id, s.members) for s in two] == [(3, (("in", 0),)), (4, (("out", 0),))]
    seven = [HostBuffer(f"b{i}", "in", "i8", 6, 1, "audio", 1) for i in range(7)]
    slots = backends.xrt_arguments(seven)
    assert [s.group_id for s in slots] == [3, 4, 5, 6, 7]
    # b4, b5, b6 share group 7 at 4-byte-aligned offsets: 6 B rounds up to 8.
    assert slots[-1].members == (("b4", 0), ("b5", 8), ("b6", 16)) and slots[-1].nbytes == 24


def test_xrt_instruction_count_conventions():
    b = backends.XrtBackend(insts_unit="words")
    b.words = np.zeros(75, np.uint32)
    assert b.n_instr() == 75
    b = backends.XrtBackend(insts_unit="bytes")
    b.words = np.zeros(75, np.uint32)
    assert b.n_instr() == 300
    with pytest.raises(UserError, match="convention"):
        backends.XrtBackend(convention="new")


@pytest.mark.skipif(backends.xrt_unavailable() is None, reason="pyxrt and an NPU are present: the error path differs")
def test_run_on_xrt_without_an_npu_exits_2_naming_the_missing_piece(cli, tmp_path):
    r = cli("run", str(em.DESIGNS_DIR / "batch20_1tile"), "--backend", "xrt", "--db", str(tmp_path / "r.sqlite"))
    assert r.returncode == 2 and ("pyxrt" in r.stderr or "/dev/accel/accel0" in r.stderr)
    assert len(r.stderr.strip().splitlines()) == 1


# -- runs and the results database --------------------------------------------------------------------------

def test_run_on_the_simulator_is_stored(cli, tmp_path):
    db = tmp_path / "r.sqlite"
    r = cli("run", str(em.DESIGNS_DIR / "batch100_hybrid"), "--db", str(db), "--repeat", "2")
    assert r.returncode == 0, r.stderr
    assert "bit-exact vs baseline: True" in r.stdout and "modelled by the simulator" in r.stdout
    runs = ResultsDB(db).runs()
    assert len(runs) == 1
    run = runs[0]
    assert run.design == "batch100_hybrid" and run.backend == "sim" and run.timing == "modelled"
    assert run.bit_exact and run.pearson >= 0.9999 and len(run.times) == 2 * run.npu_calls
    assert run.options["strategy"] == "hybrid" and len(run.manifest_sha256) == 64
    listing = cli("results", "--db", str(db), "--design", "batch100_hybrid")
    assert listing.returncode == 0 and "batch100_hybrid" in listing.stdout


def _record(design, median, date):
    return RunRecord(design=design, backend="xrt", timing="measured", options={}, frames=100, npu_calls=1,
                     times=[median], date=date)


def test_regressions_flag_growth_against_the_previous_run(cli, tmp_path):
    db = ResultsDB(tmp_path / "r.sqlite")
    db.add(_record("a", 1.0e-3, "2026-11-01T00:00:00+00:00"))
    db.add(_record("a", 1.2e-3, "2026-11-02T00:00:00+00:00"))
    db.add(_record("b", 1.0e-3, "2026-11-01T00:00:00+00:00"))
    db.add(_record("b", 1.05e-3, "2026-11-02T00:00:00+00:00"))
    runs = db.runs()
    assert [g.design for g in regressions(runs, 0.10)] == ["a"]
    assert regressions(runs, 0.25) == []
    out = tmp_path / "rep"
    r = cli("results", "--db", str(tmp_path / "r.sqlite"), "--regressions", "--report", str(out))
    assert r.returncode == 1 and "REGRESSION a (xrt)" in r.stdout
    assert (out / "regressions.html").is_file() and (out / "time_per_design.png").stat().st_size > 1000
    assert "+20.0%" in (out / "regressions.md").read_text()
    r = cli("results", "--db", str(tmp_path / "r.sqlite"), "--since", "yesterday")
    assert r.returncode == 2 and "not a date" in r.stderr


class InterruptOnCall(backends.Backend):
    """Test double for an interruption, not an NPU: every call goes to the real backend (here the
    simulator), except call number ``on_call`` of the run (counted over the design's and the baseline's
    backends), which is interrupted: by a real SIGINT to this process (``how="sigint"``: Python's
    handler raises KeyboardInterrupt, as Ctrl-C does), or by the real backend's own timeout check
    (``how="timeout"``: that one call is given a timeout of 0 s, which any real call exceeds)."""

    def __init__(self, real: backends.Backend, count: dict, on_call: int | None, how: str):
        self.real, self.count, self.on_call, self.how = real, count, on_call, how
        self.name, self.timing = real.name, real.timing

    def load(self, evaluation, folder):
        self.real.load(evaluation, folder)

    def run(self, inputs):
        self.count["calls"] += 1
        if self.count["calls"] == self.on_call:
            if self.how == "sigint":
                assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
                signal.raise_signal(signal.SIGINT)  # raises KeyboardInterrupt here
                raise AssertionError("SIGINT did not interrupt the call")
            self.real.timeout_s = 0.0
        return self.real.run(inputs)

    def info(self):
        return self.real.info()


def interrupt_on_call(monkeypatch, on_call: int | None, how: str = "sigint") -> dict:
    """Make every backend the run creates an InterruptOnCall; returns the shared call count."""
    count = {"calls": 0, "made": []}
    real_make = backends.make

    def make(name, **kw):
        count["made"].append((name, kw))
        return InterruptOnCall(real_make(name, **kw), count, on_call, how)

    monkeypatch.setattr(backends, "make", make)
    return count


# The interrupted runs: 300 frames of speech, 2 passes of batch100_split4 (ceil(300 / 100) = 3 calls
# each: calls 1-6) through the backend. The baseline's output comes from the simulator's cache
# (sim.baseline_output), whatever the backend: no backend call of the run is the baseline's.
SHORT_FRAMES, DESIGN_CALLS = 300, 2 * 3
RUN_CALLS = DESIGN_CALLS
# Interrupt after the first call; at the first pass's last call; at the run's very last call (all but
# that one done, the baseline not yet compared).
INTERRUPT_AT = [2, DESIGN_CALLS // 2, RUN_CALLS]


@pytest.fixture(scope="module")
def short_wav(tmp_path_factory):
    path = tmp_path_factory.mktemp("audio") / "short.wav"
    save_wav(path, fixtures.load("speech_en_sc")[:SHORT_FRAMES * 160])
    return path


def short_run(cli, short_wav, db, *extra):
    return cli("run", em.DESIGNS_DIR / "batch100_split4", "--audio", short_wav, "--db", db, "--repeat", "2",
               *extra)


def test_a_run_through_the_interrupting_double_is_stored_when_nothing_interrupts(cli, monkeypatch, tmp_path,
                                                                                short_wav):
    # The control for the two tests below: the double passes every call on, the run is stored whole.
    count = interrupt_on_call(monkeypatch, None)
    r = short_run(cli, short_wav, tmp_path / "r.sqlite", "--timeout", "7.5")
    assert r.returncode == 0, r.stderr
    assert count["calls"] == RUN_CALLS
    assert [kw["timeout_s"] for _, kw in count["made"]] == [7.5]  # --timeout reaches the run's one backend
    (run,) = ResultsDB(tmp_path / "r.sqlite").runs()
    assert run.npu_calls == DESIGN_CALLS // 2 and len(run.times) == DESIGN_CALLS and run.bit_exact


@pytest.mark.parametrize("on_call", INTERRUPT_AT)
def test_interrupted_run_leaves_no_partial_row(cli, monkeypatch, tmp_path, short_wav, on_call):
    db = tmp_path / "r.sqlite"
    ResultsDB(db).close()
    count = interrupt_on_call(monkeypatch, on_call, "sigint")
    r = short_run(cli, short_wav, db)
    assert r.returncode == 130 and "interrupted" in r.stderr
    assert count["calls"] == on_call  # stopped there, after on_call - 1 completed calls
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0


@pytest.mark.parametrize("on_call", INTERRUPT_AT)
def test_timed_out_call_stores_nothing(cli, monkeypatch, tmp_path, short_wav, on_call):
    db = tmp_path / "r.sqlite"
    count = interrupt_on_call(monkeypatch, on_call, "timeout")
    r = short_run(cli, short_wav, db)
    assert r.returncode == 2 and "timeout" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert count["calls"] == on_call
    assert ResultsDB(db).runs() == []


def test_timeout_option_reaches_the_simulator(cli, tmp_path):
    # No double: a 1 us timeout is exceeded by the first real call.
    r = cli("run", em.DESIGNS_DIR / "batch100_split4", "--db", tmp_path / "r.sqlite", "--timeout", "0.000001")
    assert r.returncode == 2 and "exceeded the 1e-06 s timeout" in r.stderr
    assert ResultsDB(tmp_path / "r.sqlite").runs() == []


# -- calibration ---------------------------------------------------------------------------------------------

CALIBRATION_DESIGNS = [
    Options(strategy="single", batch=20, tiles=1), Options(strategy="split", batch=100, tiles=4),
    Options(strategy="hybrid", batch=100, tiles=4, object_frames=10),
    Options(kernel="seed-mel", strategy="single", batch=1, tiles=1),
    Options(kernel="seed-mel", strategy="single", batch=100, tiles=1, object_frames=1, depth=4),
    Options(kernel="seed-mel", strategy="split", batch=400, tiles=4),
]


def test_calibration_recovers_known_parameters(tmp_path):
    """Runs generated from the timing model with known parameters and 5% noise (labelled synthetic:
    no hardware involved); the fit must get each parameter back within 10% and fit within 5%."""
    base = load_params()
    truth = dataclasses.replace(base, per_call_overhead_s=60e-6, dma_bytes_per_cycle=3.0, shim_bytes_per_cycle=3.0,
                                kernel_cycles_scale={"mel": 1.5})
    rng = np.random.default_rng(2026)
    db = ResultsDB(tmp_path / "r.sqlite")
    for o in CALIBRATION_DESIGNS:
        ev = evaluate_options(o, suggest=False)
        per_call = truth.per_call_overhead_s + truth.seconds(timing.device_cycles_per_call(ev, truth))
        times = list(per_call * (1 + 0.05 * rng.standard_normal(40)))
        db.add(RunRecord(design=ev.design.name, backend="synthetic", timing="synthetic",
                         options=dataclasses.asdict(ev.design.options), frames=o.batch * 40, npu_calls=40, times=times))
    fit = calibrate.fit(db.runs(backend="synthetic"), base)
    got = dict(zip(fit.names, fit.values))
    assert got["per_call_overhead_s"] == pytest.approx(60e-6, rel=0.10)
    assert got["dma_bytes_per_cycle"] == pytest.approx(3.0, rel=0.10)
    assert got["kernel_scale.mel"] == pytest.approx(1.5, rel=0.10)
    assert max(abs(e) for e in fit.after.values()) < 5.0
    assert max(abs(e) for e in fit.before.values()) > 5.0  # the defaults were off: the fit had work to do
    out = tmp_path / "cal.toml"
    calibrate.write_toml(out, fit, "test")
    again = load_params(out)
    assert again.per_call_overhead_s == pytest.approx(got["per_call_overhead_s"])
    assert again.kernel_cycles_scale["mel"] == pytest.approx(got["kernel_scale.mel"])


def test_calibrate_command_without_runs_says_so(cli, tmp_path):
    r = cli("calibrate", "--db", str(tmp_path / "r.sqlite"), "--out", str(tmp_path / "c.toml"))
    assert r.returncode == 2 and "no runs to calibrate" in r.stderr
