"""Fuzz the command line: every command, with arguments drawn from its own click parameters.

For each command of ``npu-tiler --help`` the test introspects ``cli.commands[name].params`` and draws,
per parameter, valid and invalid values of its type: integers (negative, 0, in range, past the range's
end, 10^30, not a number), floats (nan, inf), choices and strings that are not choices, and paths:
good inputs, files that do not exist, a folder where a file belongs, and garbage files (binary bytes,
empty, truncated TOML, JSON and SQLite). Each run is in process (``npu_tiler.cli.main``) and must
end with no traceback, exit 0, 1 or 2, and for 2 exactly one stderr line ``npu-tiler: error: ...``.

Bounded: ~150 examples in all, derandomized, no deadline. Long successful paths are kept short by
the inputs, not by patching anything: audio of 40 frames, explore on a one-strategy space without
simulation and with its own cache, kernel-info of the footprint-only kernel (the mel kernel's would
compile and measure it), gen-tables with --check only (it would rewrite the repository's header),
emit always with --out (never into the repository's designs/). ``FUZZ_VERBOSE=1 pytest -s`` prints
every run: exit code, arguments, first stderr line.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from npu_tiler.cli import MAX_BATCH
from npu_tiler.cli import cli as CLI
from partitioner import emitters as em
from partitioner.check import evaluate_options
from partitioner.design import Options
from runner.results import ResultsDB, RunRecord
from kernels.mel_tools import fixtures
from kernels.mel_tools.audio import save_wav

HUGE = "1" + "0" * 30

# Examples per command (about 150 in all): fewer where a success renders plots.
BUDGET = {"explore": 6, "report": 6, "fixtures": 2, "gen-tables": 2}
DEFAULT_BUDGET = 11


@dataclass
class World:
    """The files the fuzzer points commands at, made once for the module."""

    root: Path
    cwd: Path
    paths: dict[str, str]  # name -> path of every kind: good inputs, garbage, folders, missing
    env: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.paths[name]


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    root = tmp_path_factory.mktemp("fuzz")
    for d in ("cwd", "out", "empty_dir", "hand", "report_empty", "report_bad"):
        (root / d).mkdir()
    design = em.emit(evaluate_options(Options(strategy="single", batch=20, tiles=1)), root / "design")
    em.emit(evaluate_options(Options(kernel="seed-mel", strategy="single", batch=20, tiles=1)), root / "seed")
    shutil.copy(design / "aie.mlir", root / "hand" / "aie.mlir")  # hand-written: no manifest.json
    save_wav(root / "short.wav", fixtures.load("speech_en_sc")[:40 * 160])
    save_wav(root / "silent.wav", fixtures.load("silence")[:10])  # shorter than one frame
    (root / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (root / "empty.txt").write_bytes(b"")
    (root / "trunc.toml").write_text("[host\nper_call_over")
    (root / "timing.toml").write_text("[host]\nper_call_overhead_s = 5e-5\n[kernel_scale]\nmel = 0.9\n")
    (root / "device.toml").write_text("[devices.npu1]\ncolumns = 2\n")
    (root / "negative.toml").write_text("[host]\nper_call_overhead_s = -1.0\n")
    (root / "unknown.toml").write_text("[cycles]\nper_frame = 3\n")
    (root / "badtype.toml").write_text("[tile.compute]\nmemory_bytes = \"64 KiB\"\n")
    (root / "trunc.json").write_text('{"points": [{"id": "a", "fi')
    (root / "out" / "existing.txt").write_text("overwritable")
    from reports import design_space, explore

    space = explore.Space(batches=(20,), strategies=("single",), tiles=(1,), frame_modes=("framed",),
                          object_frames=(None,), alloc_schemes=("basic-sequential",))
    study = explore.run(space, cache_path=root / "study.sqlite", progress=False, simulate_front=False)
    design_space.save(root / "report_ok", study.records, {"kernel": "mel", "device": "npu1"}, progress=False)
    (root / "report_empty" / "points.json").write_text("[]")
    (root / "report_odd").mkdir()
    (root / "report_odd" / "points.json").write_text('{"points": [{"id": "a", "fits": true}]}')
    shutil.copy(root / "trunc.json", root / "report_bad" / "points.json")

    db = ResultsDB(root / "results.sqlite")
    for i, median in enumerate((2.0e-3, 2.6e-3)):
        db.add(RunRecord(design="batch20_1tile", backend="sim", timing="modelled",
                         options=Options(strategy="single", batch=20, tiles=1).as_dict(), frames=40, npu_calls=2,
                         times=[median, median], date=f"2026-11-0{i + 1}T00:00:00+00:00"))
    db.close()
    (root / "trunc.sqlite").write_bytes((root / "results.sqlite").read_bytes()[:5000])
    (root / "corrupt.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x07" * 3000)
    sqlite3.connect(root / "other.sqlite").executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")

    names = ["badtype.toml", "report_odd", "hand", "short.wav", "silent.wav", "binary.bin", "empty.txt", "trunc.toml", "timing.toml", "device.toml",
             "negative.toml", "unknown.toml", "trunc.json", "report_ok", "report_empty", "report_bad", "empty_dir",
             "results.sqlite", "trunc.sqlite", "corrupt.sqlite", "other.sqlite", "design", "seed"]
    paths = {n: str(root / n) for n in names}
    paths.update({"aie.mlir": str(design / "aie.mlir"), "hand.mlir": str(root / "hand" / "aie.mlir"),
                  "missing": str(root / "nope"), "missing_parent": str(root / "no" / "such" / "x"),
                  "proc": "/proc/npu-tiler-fuzz", **{f"out{i}": str(root / "out" / f"o{i}") for i in range(4)},
                  "out_file": str(root / "out" / "existing.txt"), "new.sqlite": str(root / "out" / "new.sqlite")})
    return World(root, root / "cwd", paths, env={"NPU_TILER_DB": str(root / "default-results.sqlite")})


# What is drawn for a parameter: (valid values, invalid values), by (command or "*", parameter name),
# else by its click type. A value is an option's argument, or a path's name in World.paths ("@name").
GARBAGE = ["@binary.bin", "@empty.txt", "@empty_dir", "@missing"]
OUTPUTS = (["@out0", "@out1", "@out2", "@out3", "@out_file"], ["@empty_dir", "@missing_parent", "@proc"])
DATABASES = (["@results.sqlite", "@new.sqlite"], ["@trunc.sqlite", "@corrupt.sqlite", "@other.sqlite", "@binary.bin",
                                                  "@empty_dir", "@proc"])
TIMING = (["@timing.toml"], ["@negative.toml", "@unknown.toml", "@trunc.toml", "@device.toml", "@binary.bin",
                             "@empty_dir", "@missing"])
DESIGNS = (["@design"], ["@seed", "@hand", "@aie.mlir", "@report_ok", *GARBAGE])


def _pools() -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    return {
        ("*", "kernel"): (["mel", "seed-mel"], ["bogus", "", "../kernels/mel"]),
        ("*", "device"): (["npu1", "npu1_1col", "npu2"], ["npu9", "xcvc1902", ""]),
        ("*", "batch"): (["1", "20", "100", "7"], ["0", "-1", str(MAX_BATCH + 1), HUGE, "x"]),
        ("*", "tiles"): (["1", "2", "4", "8"], ["0", "-1", "17", HUGE, "x"]),
        ("*", "db_path"): DATABASES,
        ("*", "cache_path"): DATABASES,
        ("*", "out"): OUTPUTS,
        ("*", "trace_path"): OUTPUTS,
        ("*", "report_dir"): OUTPUTS,
        ("*", "params_path"): TIMING,
        ("*", "device_file"): (["@device.toml"], ["@badtype.toml", "@unknown.toml", "@negative.toml", "@trunc.toml",
                                                  "@binary.bin", "@empty_dir", "@missing"]),
        ("*", "audio"): (["@short.wav"], ["@silent.wav", "@trunc.toml", *GARBAGE]),
        ("*", "design_dir"): DESIGNS,
        ("*", "baseline_dir"): DESIGNS,
        ("*", "from_dir"): DESIGNS,
        ("check", "mlir_file"): (["@aie.mlir", "@hand.mlir"], ["@trunc.toml", "@design", *GARBAGE]),
        ("report", "out"): (["@report_ok"], ["@report_empty", "@report_bad", "@report_odd", "@design", "@binary.bin"]),
        ("run", "repeat"): (["1", "2"], ["0", "-1", "x"]),  # a valid huge repeat runs for ever: not drawn
        ("explore", "jobs"): (["1", "2", HUGE], ["0", "-1", "x"]),
        ("explore", "extra_batches"): (["20", "7"], ["0", str(MAX_BATCH + 1), "x"]),
        ("explore", "strategies"): (["single"], ["bogus", ""]),  # one strategy: a space of ~100 points
        ("explore", "tiles"): (["1"], ["0", "-1", "x"]),
        ("explore", "frame_modes"): (["framed"], ["bogus"]),
        ("kernel-info", "name"): (["seed-mel"], ["bogus", "", "../mel"]),  # mel's would build and measure it
        ("mel", "builtin"): (["silence", "white_noise"], ["bogus", ""]),
        ("results", "since"): (["2026-11-01"], ["yesterday", "", "2026-13-45"]),
        ("results", "design"): (["batch20_1tile", "x'; DROP TABLE runs; --"], []),
    }


EXCLUDED = {("kernel-info", "write"), ("gen-tables", "check")}  # write into the repository; --check forced


def _values(param: click.Parameter, pools: dict, command: str) -> tuple[list[str], list[str]]:
    for key in ((command, param.name), ("*", param.name)):
        if key in pools:
            return pools[key]
    t = param.type
    if isinstance(t, click.Choice):
        return [str(c) for c in t.choices], ["bogus", ""]
    if isinstance(t, click.types.IntParamType):
        low = getattr(t, "min", None) or 0
        high = getattr(t, "max", None)
        valid = [str(v) for v in (1, 2, 20, 10**30) if v >= low and (high is None or v <= high)]
        return valid, [str(low - 1), "x", "1.5", ""] + ([str(high + 1)] if high is not None else [])
    if isinstance(t, click.types.FloatParamType):
        return ["0.1", "10", "1e-9"], ["-1", "nan", "inf", "1e400", "x"]
    if isinstance(t, click.Path):
        return ["@design"], GARBAGE
    return ["x"], ["", "é/../x", "--"]


def _draw_value(data, valid: list[str], invalid: list[str], label: str, world: World, bad: bool) -> str:
    v = data.draw(st.sampled_from(invalid if (bad and invalid) or not valid else valid), label=label)
    return world[v[1:]] if v.startswith("@") else v


def _forced(command: str, argv: list[str], world: World) -> list[str]:
    """Arguments that keep a successful run short and inside the fuzzer's folder (added when absent)."""
    has = set(argv)
    out = []
    if command == "explore":
        out += ["--no-simulate"]
        for opt, value in (("--cache", str(world.root / "explore.sqlite")), ("--out", str(world.root / "out" / "rep")),
                           ("--strategy", "single"), ("--tiles", "1"), ("--frame-mode", "framed")):
            if opt not in has:
                out += [opt, value]
    if command in ("simulate", "run") and "--audio" not in has and "--timing-only" not in has:
        out += ["--audio", world["short.wav"]]
    if command == "emit" and "--out" not in has:
        out += ["--out", str(world.root / "out" / "emit")]
    if command == "kernel-info":
        out += ["--no-instructions"] + ([] if "--kernel" in has else ["--kernel", "seed-mel"])
    if command == "gen-tables":
        out += ["--check"]
    return out


def _draw_args(data, command: str, world: World) -> list[str]:
    """One argument list: all values valid (the run must reach an answer or the library's refusal), or
    exactly one parameter invalid and the rest valid (the refusal of that value, wherever it is
    caught), or anything mixed with an unknown option or argument."""
    cmd = CLI.commands[command]
    pools = _pools()
    params = [p for p in cmd.params if (command, p.name) not in EXCLUDED]
    roll = data.draw(st.integers(0, 9), label="mode")
    mode = "valid" if roll < 4 else "one" if roll < 8 else "mixed"
    target = None
    if mode == "one":
        targets = [p.name for p in params if not getattr(p, "is_flag", False) and _values(p, pools, command)[1]]
        target = data.draw(st.sampled_from(targets), label="invalid parameter") if targets else None
    args: list[str] = []
    opts: list[str] = []
    for p in params:
        valid, invalid = _values(p, pools, command)

        def bad() -> bool:
            if mode == "mixed":
                return data.draw(st.booleans(), label=f"{p.name} invalid?")
            return p.name == target

        if isinstance(p, click.Argument):
            n = data.draw(st.integers(1, 2), label=f"{p.name} count") if p.nargs == -1 else \
                int(p.required or p.name == target or data.draw(st.booleans(), label=f"{p.name}?"))
            args += [_draw_value(data, valid, invalid, p.name, world, bad()) for _ in range(n)]
            continue
        if not (p.required or p.name == target or data.draw(st.booleans(), label=f"{p.name}?")):
            continue
        flag = p.opts[0]
        if p.is_flag:
            opts.append(flag)
            continue
        for _ in range(data.draw(st.integers(1, 2), label=f"{p.name} count") if p.multiple else 1):
            opts += [flag, _draw_value(data, valid, invalid, p.name, world, bad())]
    junk = data.draw(st.sampled_from([[], ["--bogus"], ["extra-argument"]]), label="junk") if mode == "mixed" else []
    argv = args + opts + junk
    return argv + _forced(command, argv, world)


def _check(r, command: str, argv: list[str]) -> None:
    where = f"npu-tiler {command} {' '.join(argv)}"
    assert "Traceback" not in r.stdout + r.stderr, f"{where}\n{r.stderr}"
    assert r.returncode in (0, 1, 2), f"{where}: exit {r.returncode}\n{r.stderr}"
    if r.returncode == 2:
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("npu-tiler: error:"), f"{where}\n{r.stderr}"


def test_help_lists_every_command(cli):
    r = cli("--help")
    assert r.returncode == 0 and all(name in r.stdout for name in CLI.commands)


@pytest.mark.parametrize("command", sorted(CLI.commands))
def test_random_arguments_give_an_answer_or_one_line(cli, world, command):
    @settings(max_examples=BUDGET.get(command, DEFAULT_BUDGET), deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def one(data):
        argv = _draw_args(data, command, world)
        with contextlib.chdir(world.cwd):
            r = cli(command, *argv, env=world.env)
        if os.environ.get("FUZZ_VERBOSE"):
            print(r.returncode, command, argv, r.stderr.strip()[:150].replace(str(world.root), "W"))
        _check(r, command, argv)

    one()
