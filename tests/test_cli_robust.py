"""Every input is checked where it enters: option ranges and choices, parameter and kernel TOML files
against their schemas, SQLite files, report data; each mistake is one line and exit 2, an interrupt
one line and exit 130, and nothing the user owns is lost on the way."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from npu_tiler.cli import MAX_BATCH, MAX_TIMEOUT_S
from partitioner import emitters as em
from partitioner import kernel_spec, params
from partitioner.check import HOST_BUFFER_MAX_BYTES, SHIM_BD_MAX_WORDS, evaluate_options
from partitioner.design import Options
from partitioner.errors import UserError
from runner.results import ResultsDB, RunRecord
from builders import copy_kernel
from conftest import error_line

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def design(tmp_path_factory):
    """A freshly emitted batch-20 baseline layout (independent of designs/ being regenerated)."""
    return em.emit(evaluate_options(Options(strategy="single", batch=20, tiles=1)),
                   tmp_path_factory.mktemp("design") / "b20")


# -- the command line itself --------------------------------------------------------------------------------

def test_bare_command_prints_its_help_and_exits_0(cli):
    r = cli()
    assert r.returncode == 0 and r.stderr == ""
    assert "Usage: npu-tiler" in r.stdout and "partition" in r.stdout and "simulate" in r.stdout


def test_version_exits_0(cli):
    r = cli("--version")
    assert r.returncode == 0 and "npu-tiler, version" in r.stdout


# -- ranges and choices, per command ----------------------------------------------------------------------------

@pytest.mark.parametrize("args, needle", [
    (["explore", "--jobs", "0"], "--jobs"),
    (["explore", "--tiles", "0"], "--tiles"),
    (["explore", "--batch", "0"], "--batch"),
    (["explore", "--strategy", "diagonal"], "unknown strategy 'diagonal'"),
    (["explore", "--frame-mode", "x"], "unknown frame mode"),
    (["simulate", "{design}", "--timing-only", "--frames", "0"], "--frames"),
    (["results", "--threshold", "-0.1"], "--threshold"),
    (["results", "--threshold", "nan"], "not a finite number"),
    (["run", "{design}", "--timeout", "0"], "--timeout"),
    (["run", "{design}", "--timeout", "inf"], "--timeout"),
    (["run", "{design}", "--timeout", str(MAX_TIMEOUT_S * 2)], "--timeout"),
    (["run", "{design}", "--repeat", "0"], "--repeat"),
    (["run", "{design}", "--backend", "gpu"], "unknown backend"),
    (["partition", "--batch", "0"], "--batch"),
    (["partition", "--batch", str(MAX_BATCH + 1)], "--batch"),
    (["partition", "--batch", "1" + "0" * 30], "--batch"),
    (["partition", "--tiles", "0"], "--tiles"),
    (["partition", "--depth", "9"], "--depth"),
    (["partition", "--depth", "0"], "--depth"),
    (["partition", "--object-frames", "0"], "--object-frames"),
    (["partition", "--stack-size", "-1"], "--stack-size"),
    (["partition", "--stack-size", str(2**31)], "--stack-size"),
    (["partition", "--alloc-scheme", "default"], "unknown allocation scheme"),  # check's, not the partitioner's
    (["partition", "--mlir-aie", "1999"], "unknown mlir-aie profile '1999'"),
    (["partition", "--device-file", "/no/such.toml"], "does not exist"),
    (["emit", "--from", "/no/such/design", "--generic", "--out", "/tmp/x"], "does not exist"),
    (["calibrate", "--backend", "gpu"], "unknown backend 'gpu'"),
    (["check", "{design}/aie.mlir", "--alloc-scheme", "greedy"], "unknown allocation scheme 'greedy'"),
    (["check", "{design}/aie.mlir", "--mlir-aie", "1999"], "unknown mlir-aie profile"),
    (["build", "/no/such/design"], "does not exist"),
    (["report", "/no/such/report"], "does not exist"),
    (["mel", "{wav}", "--builtin", "silence", "--out", "{tmp}/m.npy"], "not both"),
])
def test_out_of_range_or_unknown_values_are_one_line(cli, design, short_wav, tmp_path, args, needle):
    args = [a.format(design=design, wav=short_wav, tmp=tmp_path) for a in args]
    error_line(cli(*args), needle)


def test_missing_toolchain_and_npu_are_one_line(cli, design):
    from runner import backends

    error_line(cli("build", design, env={"PEANO_INSTALL_DIR": ""}), "PEANO_INSTALL_DIR")
    assert not (design / "build").exists()
    if backends.xrt_unavailable() is not None:  # no pyxrt or no NPU here: the run says which
        line = error_line(cli("run", design, "--backend", "xrt", "--db", design.parent / "r.sqlite"))
        assert "pyxrt" in line or "/dev/accel" in line


def test_check_takes_each_of_aieccs_allocation_schemes_and_none(cli, design):
    for scheme in ("default", "basic-sequential", "bank-aware"):
        r = cli("check", design / "aie.mlir", "--alloc-scheme", scheme, "--json")
        assert r.returncode == 0, r.stderr
    assert cli("check", design / "aie.mlir").returncode == 0


def test_mlir_aie_choices_are_the_profiles_of_lowering_toml(cli):
    from partitioner import profiles

    for profile in profiles.available():
        assert cli("partition", "--mlir-aie", profile).returncode in (0, 1)


def test_mel_out_keeps_the_name_it_was_given(cli, tmp_path):
    r = cli("mel", "--builtin", "silence", "--out", tmp_path / "silence.logmel")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "silence.logmel").is_file() and not (tmp_path / "silence.logmel.npy").exists()
    assert np.load(tmp_path / "silence.logmel").shape == (80, 200)


# -- parameter files: --device-file and --params ----------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [
    ("[tile.compute]\nmemory_byte = 1\n", "unknown key `memory_byte` in [tile.compute]; it accepts banks, bds"),
    ("[tiles.compute]\nmemory_bytes = 1\n", "unknown table `tiles`; the file's tables are [array], [devices]"),
    ("[tile.compute]\nmemory_bytes = \"64k\"\n", "`tile.compute.memory_bytes` must be an integer >= 0, got '64k'"),
    ("[tile.compute]\nmemory_bytes = 65536.5\n", "must be an integer"),
    ("[array]\nclock_hz = 0\n", "`array.clock_hz` must be a number > 0"),
    ("[devices.mine]\ngeneration = \"aie2\"\n", "[devices.mine] has no `columns`"),
    ("[devices.npu1]\ngeneration = \"aie9\"\n", "must be one of 'aie1', 'aie2', 'aie2p'"),
    ("tile = 3\n", "`tile` must be a table"),
    ("[tile.compute\n", "not valid TOML"),
])
def test_device_file_is_checked_against_the_schema(cli, tmp_path, text, needle):
    f = tmp_path / "dev.toml"
    f.write_text(text)
    line = error_line(cli("partition", "--device-file", f), needle)
    assert str(f) in line


@pytest.mark.parametrize("text, needle", [
    ("[host]\nper_call_overhead_s = -1e-6\n", "`host.per_call_overhead_s` must be a number >= 0, got -1e-06"),
    ("[host]\nper_call_overhead_s = \"fast\"\n", "must be a number >= 0, got 'fast'"),
    ("[host]\noverhead = 1\n", "unknown key `overhead` in [host]; it accepts per_call_overhead_s"),
    ("[device]\ndma_bytes_per_cycle = 0\n", "must be a number > 0"),
    ("[device]\nlock_cycles = nan\n", "`device.lock_cycles` must be a number >= 0"),
    ("[kernel_scale]\nmel = -1\n", "`kernel_scale.mel` must be a number > 0"),
    ("[cycles]\nper_frame = 3\n", "unknown table `cycles`"),
    ("[tile.compute]\nmemory_bytes = 1\n", "unknown table `tile`"),  # a device file given as --params
])
def test_timing_params_are_checked_against_the_schema(cli, tmp_path, text, needle):
    f = tmp_path / "t.toml"
    f.write_text(text)
    for args in (["seed-table", "--params", f], ["simulate", em.DESIGNS_DIR / "batch20_1tile", "--timing-only",
                                                  "--params", f]):
        error_line(cli(*args), needle)


def test_a_calibration_file_passes_the_schema(tmp_path):
    f = tmp_path / "cal.toml"
    f.write_text("[host]\nper_call_overhead_s = 5e-5\n[device]\ndma_bytes_per_cycle = 3.5\n"
                 "shim_bytes_per_cycle = 3.5\n[kernel_scale]\nmel = 0.8\n")
    p = params.timing(f)
    assert p.per_call_overhead_s == 5e-5 and p.kernel_cycles_scale["mel"] == 0.8


@pytest.mark.parametrize("content", [b"\x00\xff\xfe\x81binary", b"\x89PNG\r\n\x1a\n"])
def test_a_binary_parameter_file_is_one_line(cli, tmp_path, content):
    f = tmp_path / "p.toml"
    f.write_bytes(content)
    error_line(cli("partition", "--device-file", f), "not a text file")
    error_line(cli("seed-table", "--params", f), "not a text file")


def test_a_folder_given_as_a_parameter_file_is_one_line(cli, tmp_path):
    error_line(cli("partition", "--device-file", tmp_path), "is a directory")
    with pytest.raises(UserError, match="is a folder"):
        params.read_toml(tmp_path)


# -- kernel.toml ------------------------------------------------------------------------------------------------

@pytest.fixture
def kernel_root(tmp_path, monkeypatch):
    root = tmp_path / "kernels"
    root.mkdir()
    monkeypatch.setenv("NPU_TILER_KERNELS", str(root))
    kernel_spec.load.cache_clear()
    yield root
    kernel_spec.load.cache_clear()


def test_an_unknown_kernel_key_is_refused_not_dropped(cli, kernel_root):
    copy_kernel(kernel_root, "mine", "seed-mel", lambda t: t.replace("[cycles]\n", "[cycles]\nper_frame = 5000\n"))
    line = error_line(cli("partition", "--kernel", "mine"), "unknown key `per_frame` in [cycles]")
    assert "it accepts method, per_host_instruction" in line


@pytest.mark.parametrize("edit, needle", [
    (lambda t: t.replace('symbol = "mel_kernel_simple"', "symbol = 3"), "`entries.frames.symbol` must be a string"),
    (lambda t: t.replace('symbol = "mel_kernel_simple"\n', ""), "[entries.frames] has no `symbol`"),
    (lambda t: t.replace("in_bytes_per_frame = 800", "in_bytes_per_frame = -800"), "must be an integer >= 0"),
    (lambda t: t.replace('role = "fused"', 'role = "fast"'), "must be one of 'fused', 'stage'"),
    (lambda t: t + "\n[extra]\nx = 1\n", "unknown table `extra`"),
])
def test_kernel_toml_values_are_checked(cli, kernel_root, edit, needle):
    copy_kernel(kernel_root, "mine", "seed-mel", edit)
    error_line(cli("partition", "--kernel", "mine", "--strategy", "single", "--tiles", "1", "--batch", "20"), needle)


def test_a_binary_kernel_toml_is_one_line(cli, kernel_root):
    (kernel_root / "mine").mkdir()
    (kernel_root / "mine" / "kernel.toml").write_bytes(b"\xff\xfe\x00\x81")
    error_line(cli("kernel-info", "--kernel", "mine"), "not a text file")


def test_a_broken_kernel_affects_only_the_commands_that_use_it(cli, kernel_root, design, tmp_path):
    # "aaa" sorts before every real kernel: a lookup over all kernels meets it first.
    (kernel_root / "aaa").mkdir()
    (kernel_root / "aaa" / "kernel.toml").write_text("[kernel\nname = ")
    # A hand-written design (no manifest.json): its kernel is found by its entry points.
    hand = tmp_path / "hand"
    hand.mkdir()
    shutil.copy(design / "aie.mlir", hand / "aie.mlir")
    r = cli("check", hand / "aie.mlir")
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("npu-tiler: warning: skipping kernel 'aaa'") and len(r.stderr.splitlines()) == 1
    assert cli("check", design / "aie.mlir").returncode == 0  # names its kernel: no lookup, no warning
    assert cli("partition").returncode == 0
    error_line(cli("kernel-info", "--kernel", "aaa"), "not valid TOML")
    error_line(cli("partition", "--kernel", "aaa"), "not valid TOML")
    with pytest.warns(kernel_spec.BrokenKernelWarning, match="aaa"):
        assert "aaa" not in kernel_spec.available()


# -- SQLite files: the explore cache and the results database ------------------------------------------------

def _explore(cli, cache, out):
    return cli("explore", "--no-simulate", "--strategy", "single", "--tiles", "1", "--frame-mode", "framed",
               "--jobs", "1", "--cache", cache, "--out", out)


@pytest.fixture(scope="module")
def good_cache(tmp_path_factory):
    from npu_tiler.cli import main

    d = tmp_path_factory.mktemp("cache")
    main(["explore", "--no-simulate", "--strategy", "single", "--tiles", "1", "--frame-mode", "framed", "--jobs",
          "1", "--cache", str(d / "c.sqlite"), "--out", str(d / "rep")])
    return d / "c.sqlite"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty-header"])
def test_a_corrupt_explore_cache_is_moved_aside_and_rebuilt(cli, tmp_path, good_cache, damage):
    cache = tmp_path / "c.sqlite"
    if damage == "garbage":
        cache.write_bytes(b"not a database at all " * 50)
    elif damage == "truncated":
        cache.write_bytes(good_cache.read_bytes()[:20000])
    else:
        cache.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    before = cache.read_bytes()
    r = _explore(cli, cache, tmp_path / "rep")
    assert r.returncode == 0, r.stderr
    warning = r.stderr.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith("npu-tiler: warning: the explore cache") and "moved it to" in r.stderr
    (aside,) = tmp_path.glob("c.sqlite.corrupt-*")
    assert aside.read_bytes() == before  # kept as it was, beside the new cache
    con = sqlite3.connect(cache)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM points").fetchone()[0] > 0


def test_explore_cache_that_cannot_be_opened_is_one_line(cli, tmp_path, good_cache):
    error_line(_explore(cli, "/proc/npu-tiler-cache.sqlite", tmp_path / "rep"), "/proc/npu-tiler-cache.sqlite")
    line = error_line(_explore(cli, tmp_path, tmp_path / "rep"))  # a folder
    assert str(tmp_path) in line
    db = tmp_path / "results.sqlite"
    ResultsDB(db).close()
    line = error_line(_explore(cli, db, tmp_path / "rep"), "not an explore cache")
    assert "runs" in line and db.is_file() and not list(tmp_path.glob("*.corrupt-*"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_cache_is_one_line_and_kept(cli, tmp_path, good_cache):
    cache = tmp_path / "c.sqlite"
    shutil.copy(good_cache, cache)
    cache.chmod(0o444)
    error_line(_explore(cli, cache, tmp_path / "rep"), "writable")
    assert cache.read_bytes() == good_cache.read_bytes()


@pytest.mark.parametrize("damage, needle", [("garbage", "not a sound SQLite database"),
                                             ("truncated", "not a sound SQLite database"),
                                             ("cache", "not npu-tiler's results database")])
def test_a_damaged_results_database_is_one_line_and_left_alone(cli, tmp_path, good_cache, damage, needle):
    db = tmp_path / "r.sqlite"
    good = tmp_path / "good.sqlite"
    rdb = ResultsDB(good)
    for i in range(50):
        rdb.add(RunRecord(design=f"d{i}", backend="sim", timing="modelled", options={}, frames=1, npu_calls=1,
                          times=[1e-3] * 100))
    rdb.close()
    db.write_bytes({"garbage": b"x" * 5000, "truncated": good.read_bytes()[:9000],
                    "cache": good_cache.read_bytes()}[damage])
    before = db.read_bytes()
    for args in (["results"], ["calibrate", "--backend", "sim", "--out", tmp_path / "c.toml"]):
        line = error_line(cli(*args, "--db", db), needle)
        assert str(db) in line and "--db" in line
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["good.sqlite", "r.sqlite"]


def test_results_database_that_cannot_be_opened_is_one_line(cli, tmp_path):
    error_line(cli("results", "--db", "/proc/npu-tiler-results.sqlite"), "writable")
    r = cli("results", env={"NPU_TILER_DB": str(tmp_path)})  # a folder
    error_line(r, "is a folder")


# -- reports, simulations, limits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, needle", [("[]", "no list of points"), ('{"points": []}', "holds no points"),
                                          ('{"points": [', "not JSON"), ('{"points": [{"x": 1}]}', "KeyError"),
                                          ('{"points": [1, 2]}', "no list of points")])
def test_report_of_a_points_json_that_is_not_a_study_is_one_line(cli, tmp_path, text, needle):
    (tmp_path / "points.json").write_text(text)
    error_line(cli("report", tmp_path), needle)


def test_an_output_that_is_not_whole_frames_is_a_user_error(design):
    from sim import host

    d = evaluate_options(Options(strategy="single", batch=20, tiles=1)).design
    with pytest.raises(UserError, match="not whole frames of the design's batch of 20"):
        host.frames_from_outputs(d, [np.zeros(1590, np.int16)], 20)
    assert host.frames_from_outputs(d, [np.zeros(1600, np.int16)], 15).shape == (15, 80)


def test_host_buffer_and_bd_length_limits_are_checked():
    ev = evaluate_options(Options(batch=10**8, object_frames=1), suggest=False)
    assert not ev.fits
    assert any("one XRT buffer holds at most 4,294,967,295 B" in e for e in ev.errors)
    assert any("a shim BD's buffer length holds at most 4,294,967,295" in e for e in ev.errors)
    assert HOST_BUFFER_MAX_BYTES == SHIM_BD_MAX_WORDS == 2**32 - 1
    # The largest batch the command line takes still checks the buffers: framed input is 800 B/frame.
    big = evaluate_options(Options(batch=MAX_BATCH, object_frames=1), suggest=False)
    assert any("XRT buffer" in e for e in big.errors)
    small = evaluate_options(Options(batch=5_000_000, object_frames=1), suggest=False)
    assert not any("XRT buffer" in e or "buffer length" in e for e in small.errors)


# -- interrupts ------------------------------------------------------------------------------------------------

def test_an_interrupt_is_one_line_and_exit_130(cli, monkeypatch):
    import partitioner

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(partitioner, "partition", interrupted)
    r = cli("partition")
    assert r.returncode == 130 and r.stderr == "npu-tiler: interrupted\n" and r.stdout == ""


def test_ctrl_c_during_a_parallel_explore_is_one_line_and_the_cache_stays_whole(tmp_path):
    # A real SIGINT to the whole process group, as a terminal's Ctrl-C: the parent and the pool's workers.
    cache = tmp_path / "c.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "npu_tiler", "explore", "--no-simulate", "--jobs", "2",
                             "--cache", str(cache), "--out", str(tmp_path / "rep")], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not cache.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    time.sleep(0.5)  # the pool is evaluating
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err == "npu-tiler: interrupted\n" and "Traceback" not in out + err
    con = sqlite3.connect(cache)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_ctrl_c_while_starting_is_one_line():
    # During the command line's imports SIGINT goes to a handler that prints the same line; after them
    # the previous handler (KeyboardInterrupt, which main() turns into the line) is back.
    code = ("import signal, sys\n"
            "import npu_tiler.cli as c\n"
            "assert signal.getsignal(signal.SIGINT) is signal.default_int_handler\n"
            "c._interrupted_while_starting(signal.SIGINT, None)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 130 and r.stderr == "npu-tiler: interrupted\n"


def test_a_reader_that_goes_away_ends_the_command_quietly():
    # `npu-tiler profiles | head -1`: the pipe's reader is gone before npu-tiler writes. Like cat, it
    # stops with the shell's SIGPIPE code and says nothing (it used to print "error: Broken pipe").
    read_end, write_end = os.pipe()
    os.close(read_end)
    proc = subprocess.run([sys.executable, "-m", "npu_tiler", "profiles"], stdout=write_end,
                          stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    os.close(write_end)
    assert proc.returncode == 141 and proc.stderr == ""
