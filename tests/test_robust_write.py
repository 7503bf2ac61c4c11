"""Issue 22, build 2: no command writes over a file npu-tiler did not write (its own input included)
without --overwrite; every output is written beside its target and renamed, so a full disk leaves the
previous file whole; the file system's refusals name the path and the fix.

Each case keeps the user's file and checks it byte for byte after the command (partitioner/safe_write.py
holds the rule these tests hold the commands to)."""
from __future__ import annotations

import errno
import os
import pathlib
import stat
from pathlib import Path

import numpy as np
import pytest

from kernels.mel_tools import kernel
from kernels.mel_tools.audio import save_wav
from kernels.mel_tools.paths import CACHE_ENV, cache_hint
from reports import design_space
from partitioner import emitters as em
from partitioner import safe_write
from partitioner.check import evaluate_options
from partitioner.design import Options
from partitioner.errors import UserError
from partitioner.params import timing as load_timing
from runner import calibrate
from runner.results import ResultsDB, RunRecord
from conftest import error_line

MINE = b"my own words, not npu-tiler's\n"


def no_temp_files(folder: Path) -> bool:
    """No temporary file of an atomic write is left in ``folder``."""
    return not [p for p in folder.iterdir() if p.name.endswith(safe_write.TEMP_SUFFIX)]


@pytest.fixture(scope="module")
def design(tmp_path_factory):
    return em.emit(evaluate_options(Options(strategy="single", batch=20, tiles=1)),
                   tmp_path_factory.mktemp("design") / "b20")


@pytest.fixture
def recording(tmp_path, short_audio) -> Path:
    path = tmp_path / "rec.wav"
    save_wav(path, short_audio)
    return path


# -- a file of the user's is refused, kept byte for byte, and replaced only with --overwrite -----------------

def test_mel_does_not_replace_its_own_input(cli, recording):
    before = recording.read_bytes()
    error_line(cli("mel", recording, "--out", recording), "own input", "--overwrite")
    assert recording.read_bytes() == before


def test_mel_does_not_replace_a_text_file(cli, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(MINE)
    error_line(cli("mel", "--builtin", "silence", "--out", notes), str(notes), "--overwrite")
    assert notes.read_bytes() == MINE and no_temp_files(tmp_path)
    r = cli("mel", "--builtin", "silence", "--out", notes, "--overwrite")
    assert r.returncode == 0, r.stderr
    assert np.load(notes).shape == (80, 200)  # 32,000 samples of silence // 160


def test_mel_asks_before_replacing_any_npy(cli, tmp_path, recording, short_audio):
    """A .npy has no room for a mark: npu-tiler cannot tell its own log-mel from anyone's, so it asks."""
    out = tmp_path / "m.npy"
    assert cli("mel", recording, "--out", out).returncode == 0
    first = out.read_bytes()
    error_line(cli("mel", "--builtin", "silence", "--out", out), "--overwrite")
    assert out.read_bytes() == first
    assert cli("mel", "--builtin", "silence", "--out", out, "--overwrite").returncode == 0
    assert np.load(out).shape == (80, 200)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()  # not the temporary file's 0600


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_simulate_trace_does_not_replace_a_wav(cli, design, recording):
    before = recording.read_bytes()
    error_line(cli("simulate", design, "--timing-only", "--frames", "100", "--trace", recording), "--trace", "--overwrite")
    assert recording.read_bytes() == before


def test_simulate_trace_replaces_its_own_trace_but_never_the_design(cli, design, tmp_path):
    trace = tmp_path / "t.json"
    for _ in range(2):  # the second run replaces the first's trace: it is signed as npu-tiler's
        assert cli("simulate", design, "--timing-only", "--frames", "100", "--trace", trace).returncode == 0
    assert safe_write.signed(trace)
    manifest = design / "manifest.json"
    before = manifest.read_bytes()
    error_line(cli("simulate", design, "--timing-only", "--frames", "100", "--trace", manifest), "own input")
    assert manifest.read_bytes() == before


def test_simulate_trace_into_a_device_writes_into_it(cli, design):
    """/dev/null is not replaced by a regular file (it is written into, as a shell would)."""
    assert cli("simulate", design, "--timing-only", "--frames", "100", "--trace", "/dev/null").returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def _explore(cli, tmp_path, out, *extra):
    return cli("explore", "--no-simulate", "--strategy", "single", "--tiles", "1", "--frame-mode", "framed",
               "--jobs", "1", "--cache", tmp_path / "c.sqlite", "--out", out, *extra)


def test_explore_does_not_replace_a_users_report(cli, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "report.html").write_bytes(MINE)
    (out / "points.csv").write_bytes(b"a,b\n1,2\n")
    line = error_line(_explore(cli, tmp_path, out), "report.html", "points.csv", "--overwrite")
    assert "did not write" in line
    assert (out / "report.html").read_bytes() == MINE and (out / "points.csv").read_bytes() == b"a,b\n1,2\n"
    assert sorted(p.name for p in out.iterdir()) == ["points.csv", "report.html"]  # nothing else written
    r = _explore(cli, tmp_path, out, "--overwrite")
    assert r.returncode == 0, r.stderr
    assert (out / "report.html").read_bytes() != MINE
    assert safe_write.marked_files(out) == set(design_space.REPORT_FILES)


def test_a_marker_file_npu_tiler_did_not_write_is_not_replaced(tmp_path):
    (tmp_path / safe_write.MARKER).write_bytes(MINE)
    with pytest.raises(UserError, match=r"holds \.npu-tiler, which npu-tiler did not write"):
        design_space.check_outputs(tmp_path)
    assert (tmp_path / safe_write.MARKER).read_bytes() == MINE


def test_explore_rerun_replaces_its_own_files_and_keeps_the_users_others(cli, tmp_path):
    out = tmp_path / "rep"
    assert _explore(cli, tmp_path, out).returncode == 0
    (out / "notes.txt").write_bytes(MINE)  # a file of the user's beside the report
    r = _explore(cli, tmp_path, out)
    assert r.returncode == 0, r.stderr
    assert (out / "notes.txt").read_bytes() == MINE and no_temp_files(out)


def test_report_does_not_replace_a_users_file_beside_points_json(cli, tmp_path):
    out = tmp_path / "rep"
    assert _explore(cli, tmp_path, out).returncode == 0
    elsewhere = tmp_path / "copy"
    elsewhere.mkdir()
    (elsewhere / "points.json").write_bytes((out / "points.json").read_bytes())  # signed: may be rewritten
    (elsewhere / "report.md").write_bytes(MINE)
    error_line(cli("report", elsewhere), "report.md", "--overwrite")
    assert (elsewhere / "report.md").read_bytes() == MINE
    assert cli("report", elsewhere, "--overwrite").returncode == 0
    assert (elsewhere / "report.md").read_bytes() == (out / "report.md").read_bytes()


def _runs_db(path: Path) -> Path:
    db = ResultsDB(path)
    for i, median in enumerate((2.0e-3, 2.6e-3)):
        db.add(RunRecord(design="batch20_1tile", backend="sim", timing="modelled",
                         options=Options(strategy="single", batch=20, tiles=1).as_dict(), frames=40, npu_calls=2,
                         times=[median, median], date=f"2026-11-0{i + 1}T00:00:00+00:00"))
    db.close()
    return path


def test_results_report_does_not_replace_a_users_file(cli, tmp_path):
    db = _runs_db(tmp_path / "r.sqlite")
    out = tmp_path / "reg"
    out.mkdir()
    (out / "regressions.html").write_bytes(MINE)
    error_line(cli("results", "--regressions", "--report", out, "--db", db), "regressions.html", "--overwrite")
    assert (out / "regressions.html").read_bytes() == MINE
    assert cli("results", "--regressions", "--report", out, "--db", db).returncode == 2
    r = cli("results", "--regressions", "--report", out, "--db", db, "--overwrite")
    assert r.returncode == 1 and "REGRESSION" in r.stdout  # 2.0 -> 2.6 ms: +30%
    assert (out / "regressions.html").read_bytes() != MINE
    r = cli("results", "--regressions", "--report", out, "--db", db)  # its own files now: no --overwrite needed
    assert r.returncode == 1, r.stderr


def test_calibrate_does_not_replace_a_users_toml(cli, tmp_path):
    mine = tmp_path / "calibration.toml"
    mine.write_bytes(b"[host]\nper_call_overhead_s = 1e-4\n")
    before = mine.read_bytes()
    error_line(cli("calibrate", "--backend", "sim", "--db", tmp_path / "r.sqlite", "--out", mine), "--overwrite")
    assert mine.read_bytes() == before
    assert not (tmp_path / "r.sqlite").exists()  # refused before the database was even opened


def test_calibration_files_are_signed_and_may_be_replaced(tmp_path):
    fit = calibrate.Fit(params=load_timing(), names=[], values=[], before={}, after={}, runs=3)
    out = tmp_path / "cal.toml"
    calibrate.write_toml(out, fit, "test")
    assert safe_write.signed(out)
    assert safe_write.check_file(out, overwrite=False) == out
    assert load_timing(out).per_call_overhead_s == load_timing().per_call_overhead_s


# -- a full disk leaves the previous good file in place -----------------------------------------------------

class FullDisk:
    """A temporary file on a disk that fills after ``room`` bytes: the write that crosses it writes what
    fits and raises ENOSPC, as write(2) does."""

    def __init__(self, fh, room: int = 1000):
        self.fh, self.room = fh, room

    def write(self, data) -> int:
        data = bytes(data)
        n = min(len(data), self.room)
        self.fh.write(data[:n])
        self.room -= n
        if n < len(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        return n

    def flush(self) -> None:
        self.fh.flush()

    def fileno(self) -> int:
        return self.fh.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.fh.close()


@pytest.fixture
def full_disk(monkeypatch):
    real = safe_write._open_temp
    monkeypatch.setattr(safe_write, "_open_temp", lambda fd: FullDisk(real(fd)))


def test_a_full_disk_leaves_the_previous_npy_whole(cli, tmp_path, recording, short_audio, full_disk):
    out = tmp_path / "m.npy"
    good = kernel.log_mel(short_audio)
    np.save(out, good)
    before = out.read_bytes()
    line = error_line(cli("mel", "--builtin", "silence", "--out", out, "--overwrite"), "No space left on device",
                   str(out), "unchanged")
    assert "free space" in line
    assert out.read_bytes() == before and no_temp_files(tmp_path)
    np.testing.assert_array_equal(np.load(out), good)


def test_a_full_disk_leaves_the_previous_report_whole(cli, tmp_path, monkeypatch):
    out = tmp_path / "rep"
    assert _explore(cli, tmp_path, out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    real = safe_write._open_temp
    monkeypatch.setattr(safe_write, "_open_temp", lambda fd: FullDisk(real(fd)))
    error_line(_explore(cli, tmp_path, out), "No space left on device", "unchanged")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before and no_temp_files(out)


def test_a_full_disk_leaves_the_previous_trace_whole(cli, design, tmp_path, monkeypatch):
    trace = tmp_path / "t.json"
    assert cli("simulate", design, "--timing-only", "--frames", "100", "--trace", trace).returncode == 0
    before = trace.read_bytes()
    real = safe_write._open_temp
    monkeypatch.setattr(safe_write, "_open_temp", lambda fd: FullDisk(real(fd), room=100))
    error_line(cli("simulate", design, "--timing-only", "--frames", "100", "--trace", trace), "No space left", str(trace))
    assert trace.read_bytes() == before and no_temp_files(tmp_path)


def test_an_interrupt_mid_write_leaves_the_previous_file_and_no_temporary_one(tmp_path, monkeypatch):
    out = tmp_path / "x.txt"
    out.write_bytes(MINE)

    class Interrupted(FullDisk):
        def write(self, data):
            self.fh.write(bytes(data)[:10])
            raise KeyboardInterrupt

    real = safe_write._open_temp
    monkeypatch.setattr(safe_write, "_open_temp", lambda fd: Interrupted(real(fd)))
    with pytest.raises(KeyboardInterrupt):
        safe_write.write_text(out, "new text " * 1000)
    assert out.read_bytes() == MINE and no_temp_files(tmp_path)


# -- the file system's refusals: the path and the fix --------------------------------------------------------

def test_a_file_where_a_folder_should_be_is_called_a_file(cli, tmp_path):
    afile = tmp_path / "afile.txt"
    afile.write_bytes(MINE)
    error_line(cli("mel", "--builtin", "silence", "--out", afile / "x.npy"), f"{afile} is a file, not a folder")
    error_line(cli("emit", "--out", afile / "d"), f"{afile} is a file, not a folder")
    error_line(cli("emit", "--out", afile / "sub" / "d"), f"{afile} is a file, not a folder")
    error_line(cli("mel", "--builtin", "silence", "--out", tmp_path / "no" / "x.npy"), f"folder {tmp_path / 'no'} does not exist")
    assert afile.read_bytes() == MINE


def test_a_read_only_home_names_the_cache_variable(cli, tmp_path, monkeypatch):
    """~/.cache on a read-only home (EROFS): the message names the folder and NPU_TILER_CACHE."""
    home = tmp_path / "home"
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    cache = home / ".cache"

    def read_only(*args, **kw):
        raise OSError(errno.EROFS, "Read-only file system", str(cache))

    monkeypatch.setattr(kernel, "log_mel", read_only)  # where the kernel's host build makes its cache folder
    line = error_line(cli("mel", "--builtin", "silence", "--out", tmp_path / "m.npy"), "Read-only file system",
                   str(cache), CACHE_ENV)
    assert "writable folder" in line
    assert cache_hint(tmp_path / "m.npy") is None  # other paths get no cache hint


def test_a_read_only_home_for_the_explore_cache_names_the_cache_variable(cli, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    real_mkdir = pathlib.Path.mkdir

    def mkdir(self, *args, **kw):
        if home in self.parents or self == home:
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_mkdir(self, *args, **kw)

    monkeypatch.setattr(pathlib.Path, "mkdir", mkdir)
    r = cli("explore", "--no-simulate", "--strategy", "single", "--tiles", "1", "--frame-mode", "framed",
            "--out", tmp_path / "rep")
    error_line(r, "Read-only file system", str(home / ".cache"), "--cache", CACHE_ENV)


def test_describe_names_the_path_and_the_fix():
    assert safe_write.describe(OSError(errno.ENOSPC, "No space left on device"), "d/m.npy") == \
        "No space left on device: cannot write d/m.npy; free space on that disk, or write elsewhere"
    assert safe_write.describe(OSError(errno.EACCES, "Permission denied", "/x/y")) == \
        "Permission denied: /x/y; make it (or its folder) writable, or write elsewhere"


def test_the_rule_refuses_what_it_cannot_tell_is_ours(tmp_path):
    (tmp_path / "a.json").write_text('{"generator": "someone else", "x": 1}')
    (tmp_path / "b.toml").write_text("x = 1\n# generator: npu-tiler, said in passing\n")
    for name in ("a.json", "b.toml"):
        with pytest.raises(UserError, match="--overwrite"):
            safe_write.check_file(tmp_path / name, overwrite=False)
    with pytest.raises(UserError, match="is a folder"):
        safe_write.check_file(tmp_path, overwrite=True)
