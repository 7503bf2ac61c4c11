"""The ``npu-tiler`` command line.

Every command prints one line ``npu-tiler: error: ...`` and exits 2 on bad
input or a missing tool; no tracebacks for mistakes a user can fix.
"""
from __future__ import annotations

import os
import signal
import sys


def _interrupted_while_starting(signum, frame) -> None:
    os.write(2, b"npu-tiler: interrupted\n")
    os._exit(130)


# Ctrl-C during the imports below (most of a second) gives the same one line as later, not a traceback.
try:
    _SIGINT_BEFORE = signal.signal(signal.SIGINT, _interrupted_while_starting)
except ValueError:  # imported from a thread other than the main one: nothing to guard
    _SIGINT_BEFORE = None

import math  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import click  # noqa: E402
import numpy as np  # noqa: E402

from partitioner import __version__  # noqa: E402
from partitioner.allocation import SCHEMES as CHECK_ALLOC_SCHEMES  # noqa: E402
from partitioner.design import Options  # noqa: E402
from partitioner.errors import AudioWarning, DesignRefused, NpuTilerError, UserError  # noqa: E402
from partitioner.kernel_spec import BrokenKernelWarning  # noqa: E402
from partitioner.strategies import ALLOC_SCHEMES, FRAME_MODES, STRATEGIES  # noqa: E402
from runner.sqlite_store import CacheWarning  # noqa: E402  (light: the one warning class, not the explorer)
from sim.engine import SimulationError  # noqa: E402

# Exit codes: 0 success (fits, bit-exact), 1 the answer is "no" (does not fit, differs, deadlocks,
# regression), 2 the input is wrong or a tool is missing, 130 interrupted.
EXIT_CODES: tuple[tuple[type[NpuTilerError], int], ...] = ((SimulationError, 1), (DesignRefused, 1), (UserError, 2))


# Defaults live only on Options: every design option's default is read from it.
_DEFAULT = Options()

# The largest --batch (partitioner.api.MAX_BATCH): one NPU call's input must fit one XRT buffer and the
# smallest frame a built-in kernel reads is a 160-sample int16 hop: 13,421,772 frames. A larger batch can
# never run; one below it that still overflows a buffer is reported by the check (exit 1).
from partitioner.api import MAX_BATCH  # noqa: E402
# --timeout: pyxrt's run.wait takes milliseconds as a 32-bit count (49.7 days); one day is the cap (the one
# figure: runner/results.py's LONGEST_CALL_S, which bounds `results --threshold` too).
from runner.results import LONGEST_CALL_S as MAX_TIMEOUT_S  # noqa: E402
# --repeat: at most the calls a run can store (runner/results.py, where the bound is derived from how it
# stores them); every pass over the audio makes at least one call.
from runner.results import MAX_STORED_CALLS, SQLITE_MAX_LENGTH  # noqa: E402
# --stack-size: aie.core's stack_size is an i32 attribute (the one figure, which Options checks too).
from partitioner.design import MAX_STACK_BYTES  # noqa: E402


def _profiles() -> tuple[str, ...] | None:
    """The --mlir-aie profiles of params/profiles.toml and their aliases; None (checked later, with the
    file's own error) when the file cannot be read."""
    from partitioner import profiles

    try:
        return tuple(profiles.names())
    except NpuTilerError:
        return None


class Choice(click.Choice):
    """click.Choice whose error says "unknown <noun> 'x'; choose one of a, b", as the library's do."""

    def __init__(self, choices, noun: str):
        super().__init__(tuple(choices))
        self.noun = noun

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(f"unknown {self.noun} {value!r}; choose one of {', '.join(map(str, self.choices))}", param, ctx)


class Finite(click.FloatRange):
    """A finite float in range (click's FloatRange lets nan and inf through)."""

    def convert(self, value, param, ctx):
        rv = super().convert(value, param, ctx)
        if not math.isfinite(rv):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return rv


PROFILES = _profiles()
MLIR_AIE = Choice(PROFILES, "mlir-aie profile") if PROFILES else str

if _SIGINT_BEFORE is not None:  # imports done: KeyboardInterrupt again, which main() turns into the line
    signal.signal(signal.SIGINT, _SIGINT_BEFORE)


def exit_code(exc: NpuTilerError) -> int:
    """The exit code of a library error (the library's errors carry none)."""
    return next((code for cls, code in EXIT_CODES if isinstance(exc, cls)), 2)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             invoke_without_command=True)
@click.version_option(__version__, prog_name="npu-tiler")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Partition, emit, simulate and report multi-tile designs for AMD Ryzen AI NPUs
    (AIE2 "Phoenix", mlir-aie device npu1), starting with Whisper's log-mel kernel."""
    if ctx.invoked_subcommand is None:  # a bare `npu-tiler`: its help, exit 0
        click.echo(ctx.get_help())


def _audio(path: str | None, builtin: str | None) -> tuple[str, np.ndarray]:
    from kernels.mel_tools import fixtures
    from kernels.mel_tools.audio import load_audio

    if builtin is not None:
        if builtin not in fixtures.names():
            raise UserError(f"no built-in audio {builtin!r}; choose one of {', '.join(fixtures.names())}")
        return builtin, fixtures.load(builtin)
    if path is None:
        return "built-in speech", fixtures.default_audio()
    return path, load_audio(path)


@cli.command()
@click.argument("audio", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True),
              help="Where to write the log-mel: a float32 .npy of shape (80, n_frames).")
@click.option("--reference", is_flag=True, help="Compute Whisper's recipe in float64 NumPy instead of the kernel.")
@click.option("--streamed", is_flag=True, help="Feed the kernel 160-sample hops with carried state (same bits).")
@click.option("--builtin", metavar="NAME", help="Use a built-in test signal instead of AUDIO (see `npu-tiler fixtures`).")
@click.option("--overwrite", is_flag=True,
              help="Replace --out if it exists (a .npy has no room for npu-tiler's mark: an existing file is "
                   "always asked for).")
def mel(audio: str | None, out: str, reference: bool, streamed: bool, builtin: str | None, overwrite: bool) -> None:
    """Whisper log-mel of AUDIO (WAV/FLAC/OGG, any rate, mono or stereo) by the fixed-point kernel.

    Writes float32 (80, n_frames), n_frames = samples // 160 at 16 kHz, after
    Whisper's utterance-wide floor (max - 8) and (x + 4) / 4. Without AUDIO,
    the built-in speech is used.
    """
    from kernels.mel_tools import kernel
    from kernels.mel_tools import reference as ref
    from partitioner import safe_write

    if audio is not None and builtin is not None:
        raise click.UsageError(f"give AUDIO or --builtin NAME, not both ({audio} and --builtin {builtin})")
    if reference and streamed:
        raise click.UsageError("--streamed feeds the kernel hops; --reference does not run the kernel: give one")
    name, samples = _audio(audio, builtin)  # the input's own errors first
    out_path = safe_write.check_file(Path(out), overwrite, inputs=[audio])  # then the output's, before the work
    result = ref.log_mel_spectrogram(samples).astype(np.float32) if reference else kernel.log_mel(samples, streamed)
    safe_write.save_npy(out_path, result)  # under the name given; atomic
    click.echo(f"{name}: {result.shape[1]} frames -> {out} (float32 {result.shape[0]}x{result.shape[1]}, "
               f"{'float reference' if reference else 'fixed-point kernel'})")


@cli.command()
@click.argument("audio", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def accuracy(audio: tuple[str, ...]) -> None:
    """Kernel + finish() against the float reference on AUDIO files (default: every built-in signal).

    Exits 1 when any file misses the bar: Pearson >= 0.9999 and max |error| <= 0.02.
    """
    from kernels.mel_tools import accuracy as acc
    from kernels.mel_tools import fixtures
    from kernels.mel_tools.audio import load_audio

    items = [(p, load_audio(p)) for p in audio] or [(n, fixtures.load(n)) for n in fixtures.names()]
    rows = [acc.kernel_accuracy(name, samples) for name, samples in items]
    click.echo(f"{'audio':32s} {'frames':>7s} {'max|err|':>10s} {'pearson':>12s}  verdict")
    for r in rows:
        corr = "constant" if r.pearson is None else f"{r.pearson:.9f}"
        click.echo(f"{r.name:32s} {r.frames:7d} {r.max_abs_error:10.2e} {corr:>12s}  {'ok' if r.passed else 'FAIL'}")
    click.echo(f"bar: pearson >= {acc.MIN_PEARSON}, max|err| <= {acc.MAX_ABS_ERROR} (Whisper's normalised units)")
    if not all(r.passed for r in rows):
        sys.exit(1)


@cli.command()
def fixtures() -> None:
    """List the built-in test signals."""
    from kernels.mel_tools import fixtures as fx

    for name in fx.names():
        samples = fx.load(name)
        click.echo(f"{name:28s} {samples.size / 16000:6.2f} s")


@cli.command("gen-tables")
@click.option("--check", is_flag=True, help="Only check: exit 1 if kernels/mel/mel_tables.h is stale.")
def gen_tables(check: bool) -> None:
    """Regenerate the mel kernel's fixed-point tables (kernels/mel/mel_tables.h)."""
    from kernels.mel_tools import tables

    rc = tables.main(["--check"] if check else [])
    if check:
        click.echo("mel_tables.h is up to date" if rc == 0 else "mel_tables.h is stale: run npu-tiler gen-tables")
    sys.exit(rc)


@cli.command("kernel-info")
@click.option("--kernel", "name", default=_DEFAULT.kernel, show_default=True, help="Kernel folder under kernels/.")
@click.option("--write", is_flag=True, help="Rewrite kernel.toml's [measured] table from a fresh host build.")
@click.option("--no-instructions", is_flag=True, help="Skip the callgrind instruction count (needs valgrind).")
def kernel_info(name: str, write: bool, no_instructions: bool) -> None:
    """Show a kernel's spec and compare its [measured] figures with a fresh host build."""
    from partitioner import kernel_spec
    from kernels.mel_tools import measure

    spec = kernel_spec.load(name, require_measured=not write)
    click.echo(f"{spec.name}: {spec.summary}")
    for e in spec.entries.values():
        click.echo(f"  {e.name:14s} {e.symbol:20s} {e.consumes}->{e.produces}: {e.in_bytes_per_frame} B in, "
                   f"{e.out_bytes_per_frame} B out per frame, state {e.state_bytes} B")
    if not spec.has_sources:
        click.echo(f"  static data {spec.static_data_bytes} B, stack {spec.stack_bytes} B (footprint only, no source)")
        return
    m = measure.measure_kernel(name, count_instructions=not no_instructions)
    click.echo(f"  static data: kernel.toml {spec.static_data_bytes} B, build {m.static_data_bytes} B {m.sections}")
    click.echo(f"  stack:       kernel.toml {spec.stack_bytes} B, build {m.stack_bytes} B (host estimate)")
    from partitioner.check import program_memory_margin
    from partitioner.design import Options
    from partitioner.device import for_options

    code, margin = spec.code_bytes(), program_memory_margin(spec, for_options(Options(kernel=name)))
    if code is not None and margin is not None:
        click.echo(f"  code:        {code.low:,.0f}-{code.high:,.0f} B estimated (AIE2); {margin.text()}"
                   + (" -- WARNING: under the warn margin" if margin.thin else ""))
    for sym, n in m.instructions_per_frame.items():
        click.echo(f"  {sym:20s} {n} instructions/frame (host)")
    if write:
        measure.write_measured(kernel_spec.toml_path(name), m)
        click.echo(f"wrote [measured] of {kernel_spec.toml_path(name)}")


def design_options(f):
    """The options that define a design, shared by partition, emit and the others."""
    opts = [
        click.option("--kernel", default=_DEFAULT.kernel, show_default=True,
                     help="Kernel under kernels/: mel, or seed-mel (the seed's footprint, for calibration)."),
        click.option("--batch", type=click.IntRange(1, MAX_BATCH), default=_DEFAULT.batch, show_default=True,
                     help=f"Frames one NPU call (one runtime sequence) moves in and out (at most {MAX_BATCH:,}: "
                          f"one call's input must fit one 4 GiB XRT buffer)."),
        click.option("--tiles", type=click.IntRange(min=1), default=_DEFAULT.tiles, show_default=True,
                     help="Compute tiles the design uses."),
        click.option("--strategy", type=Choice(STRATEGIES, "strategy"), default=_DEFAULT.strategy, show_default=True,
                     help="single | split (through a mem tile) | pipeline (kernel stages) | hybrid (pipelines side by side)."),
        click.option("--object-frames", type=click.IntRange(min=1), default=_DEFAULT.object_frames,
                     help="Frames per ObjectFIFO buffer, i.e. per kernel call on a tile [default: batch / chains]."),
        click.option("--depth", type=click.IntRange(1, 8), default=_DEFAULT.depth,
                     help="Buffers per FIFO end on compute tiles: 1 single, 2 double [default: 2 if it fits, else 1]."),
        click.option("--frame-mode", type=Choice(FRAME_MODES, "frame mode"), default=_DEFAULT.frame_mode,
                     show_default=True,
                     help="framed (host sends 400-sample frames) | dma-framed (shim reads overlapping windows "
                          "of raw audio) | streamed (tiles get contiguous hops with their 240-sample halo)."),
        click.option("--device", default=_DEFAULT.device, show_default=True,
                     help="npu1, npu1_1col..npu1_3col, npu2."),
        click.option("--alloc-scheme", type=Choice(ALLOC_SCHEMES, "allocation scheme"), default=_DEFAULT.alloc_scheme,
                     show_default=True, help="Buffer allocator modelled: basic-sequential | bank-aware."),
        click.option("--mlir-aie", "mlir_aie", type=MLIR_AIE, default=_DEFAULT.mlir_aie, show_default=True,
                     help="mlir-aie version profile for the rules that changed (params/profiles.toml): 2025 | 2026."),
        click.option("--stack-size", type=click.IntRange(0, MAX_STACK_BYTES), default=_DEFAULT.stack_size,
                     help="Core stack reservation in bytes [default: the kernel's need, at least 1024]."),
        click.option("--device-file", type=click.Path(exists=True, dir_okay=False), default=_DEFAULT.device_file,
                     help="TOML overriding figures of partitioner/params/devices.toml (same layout)."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _given(*names: str) -> list[str]:
    """The options among ``names`` (parameter names) the user gave on the command line."""
    ctx = click.get_current_context()
    flags = {p.name: p.opts[0] for p in ctx.command.params}
    return [flags[n] for n in names if ctx.get_parameter_source(n) not in (None, click.core.ParameterSource.DEFAULT)]


def _refuse_unused(options: list[str], why: str) -> None:
    """A UsageError when options that would be ignored were given: nothing is silently dropped."""
    if options:
        raise click.UsageError(f"{', '.join(options)} {'has' if len(options) == 1 else 'have'} no effect {why}")


def options_from(kw: dict) -> Options:
    """The Options of a command's design options."""
    return Options(**{k: kw[k] for k in Options.__dataclass_fields__})


PLACER_HELP = ("Placer: column (column group g in column g, the default) | search (the legal placement with "
               "the fewest columns, then the most shared-memory FIFOs: partitioner/search_placer.py).")


# explore --placer: each choice's placers (placement as a dimension of the space)
EXPLORE_PLACERS = {"column": ("column",), "search": ("search",), "both": ("column", "search")}


def placer_option(f):
    """``--placer column|search`` (partition, emit)."""
    from partitioner.placement import PLACERS

    return click.option("--placer", "placer", type=Choice(PLACERS, "placer"), default="column", show_default=True,
                        help=PLACER_HELP)(f)


def _placement_json(ev) -> dict:
    """The ``placement`` object of ``partition --json`` and ``check --json``: columns, shared_links, dma_links."""
    from partitioner.placement import summary

    return summary(ev.design, ev.lowered.shared)


def _search_line(ev, placer) -> str:
    """One line on what SearchPlacer chose: columns, shared-memory and DMA links, and what finding it took."""
    from partitioner.placement import smallest_device

    p = _placement_json(ev)
    line = (f"placement (search): {p['columns']} column(s), {p['shared_links']} FIFO(s) in shared memory, "
            f"{p['dma_links']} DMA link(s); smallest array it fits: {smallest_device(ev.design, ev.device)}")
    last = getattr(placer, "last", None)
    if last is not None and ev.fits:  # (suggestions for a design that does not fit run the placer again)
        line += (f"; {last.checks} check(s), {last.seconds * 1e3:.0f} ms, "
                 f"routes {'proved shortest' if last.routes_proved else 'best found (not proved)'}")
    return line


COST_PROFILE_HELP = ("Kernel cost profile (partitioner/params/costs.toml): scalar | aie2-vector (a projection), "
                     "or a TOML file of that layout (e.g. from `npu-tiler calibrate`) [default: scalar].")


@cli.command()
@design_options
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (fits, tiles, errors) instead of text.")
@click.option("--cost-profile", "cost_profile", default=None, metavar="NAME|FILE", help=COST_PROFILE_HELP)
@placer_option
def partition(as_json: bool, cost_profile: str | None, placer: str, **kw) -> None:
    """Build, place and check one design; print the placement and every tile's resources.

    Exit 0 if it fits, 1 if not (with each reason in aiecc's words and changes
    that would fit), 2 on bad arguments.
    """
    import json

    import partitioner
    from partitioner import render
    from partitioner.params import seed as load_seed
    from partitioner.params import timing as load_timing
    from sim import timing

    params = timing.with_cost(load_timing(), cost_profile)  # an unknown profile fails here
    from partitioner.hangs import check as check_hangs

    from partitioner.search_placer import placer_named

    chosen = placer_named(placer)
    ev = partitioner.partition(options_from(kw), placer=chosen)
    found = check_hangs(ev, locations=False).hangs if ev.fits else []
    build = kernel_build(ev)
    if as_json:
        click.echo(json.dumps({**ev.as_json(), "placement": _placement_json(ev)}, indent=2))  # its contract's keys
    else:
        click.echo(render.report(ev))
        if placer != "column":  # the default's output stays as it was
            click.echo(_search_line(ev, chosen))
        click.echo(timing.band_line(ev, load_seed().frames, params))
        click.echo("\n".join(f"hang: {h.message}" for h in found))
        if build is not None:
            click.echo(f"note: {build['note']}")
    sys.exit(0 if ev.fits and not found else 1)


@cli.command()
@design_options
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Folder to write (must not exist unless --overwrite).")
@click.option("--all", "all_designs", is_flag=True,
              help="Regenerate the canonical designs kept in designs/ (or under --out).")
@click.option("--from", "from_dir", type=click.Path(exists=True, file_okay=False), default=None,
              help="With --generic: a kept design folder whose aie.mlir to print in generic form.")
@click.option("--generic", is_flag=True,
              help="With --from: write only aie.generic.mlir (MLIR's generic form, readable by mlir-opt).")
@click.option("--overwrite", is_flag=True,
              help="Replace --out if npu-tiler wrote it (its .npu-tiler marker) and it holds only npu-tiler's files.")
@click.option("--force", is_flag=True, help="Emit a design that does not fit (its README says why it will fail).")
@placer_option
def emit(out: str | None, all_designs: bool, from_dir: str | None, generic: bool, overwrite: bool, force: bool,
         placer: str, **kw) -> None:
    """Write a design as aie.mlir (+ aie.generic.mlir), design.py (IRON), build.sh, manifest.json, README.md.

    Takes the same design options as `partition`. Output is deterministic and
    written atomically (a temporary folder renamed into place), marked with a
    .npu-tiler file listing what npu-tiler wrote. Only such a folder is ever
    replaced, and only while it holds nothing else: a folder npu-tiler did not
    write, one with a file of yours in it (also under --all) and the current
    folder are refused and left as they are.
    """
    from pathlib import Path as P

    from partitioner import emitters as em

    design_opts = [k for k in Options.__dataclass_fields__ if k in kw]
    if all_designs:
        _refuse_unused(_given(*design_opts, "from_dir", "generic", "force", "placer"),
                       "with --all: it regenerates the canonical designs with their own options")
        for path in em.emit_all(P(out) if out else em.DESIGNS_DIR):
            click.echo(f"wrote {path}")
        return
    if out is None:
        raise UserError("--out DIR is required (or --all for the canonical designs)")
    if generic and from_dir is None:
        raise click.UsageError("--generic needs --from DESIGN: it writes a kept design's aie.mlir in generic form")
    if from_dir is not None:
        if not generic:
            raise UserError("--from needs --generic: it prints a kept design's aie.mlir in generic form")
        _refuse_unused(_given(*design_opts, "force", "placer"), "with --from: the design is read from its folder")
        import partitioner
        from partitioner.emitters.mlir import render as render_mlir

        ev = partitioner.read(P(from_dir), verify_sources=False)
        em.write_folder(P(out), {"aie.generic.mlir": render_mlir(ev)["aie.generic.mlir"]}, overwrite)
        click.echo(f"wrote {P(out) / 'aie.generic.mlir'}")
        return
    import partitioner
    from partitioner.search_placer import placer_named

    ev = partitioner.partition(options_from(kw), placer=placer_named(placer))
    path = partitioner.emit(ev, P(out), overwrite=overwrite, force=force)
    click.echo(f"wrote {path} ({'fits' if ev.fits else 'does NOT fit: see its README.md'})")


@cli.command("profiles")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: profiles, aliases, default.")
def profiles_command(as_json: bool) -> None:
    """List the mlir-aie profiles `--mlir-aie` accepts, with what each was written against.

    For each profile: the Xilinx/mlir-aie pull requests that bound it and their merge dates, the release
    and the mlir_aie wheel versions it matches, the commit its rules were read at, the IRON API, the aiecc
    driver, the ObjectFIFO lowering mode and where its per-core state lives, the allocator revision and
    the sources. Then the aliases and the default.
    """
    import json

    from partitioner import profiles

    listing = profiles.listing()
    default, aliases = profiles.default_name(), profiles.aliases()
    if as_json:
        click.echo(json.dumps({"profiles": [p.facts() for p in listing], "aliases": aliases,
                               "default": default}, indent=2))
        return
    for p in listing:
        also = [a for a, target in sorted(aliases.items()) if target == p.name]
        tags = (["default"] if p.name == default else []) + [f"alias {a}" for a in also]
        click.echo(f"{p.name}{' (' + ', '.join(tags) + ')' if tags else ''}: {p.summary}")
        until = p.merged_before or "open"
        for label, value in (("mlir-aie", f"{p.targets} [merged {p.merged_from} .. {until}]"),
                             ("release", p.release), ("wheel", p.wheel), ("commit", p.commit), ("IRON", p.iron),
                             ("driver", p.driver),
                             ("ObjectFIFOs", f"{p.objectfifo_lowering} lowering; {_STATE_WORDS[p.dynamic_state]}"),
                             ("allocator", p.allocator), ("sources", "; ".join(p.sources))):
            click.echo(f"  {label + ':':<12} {value}")
    click.echo(f"aliases: {', '.join(f'{a} -> {t}' for a, t in sorted(aliases.items())) or 'none'}")
    click.echo(f"default: {default}")


@cli.command()
@click.argument("mlir_file", metavar="DESIGN", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the same JSON object as `partition --json`.")
@click.option("--alloc-scheme", type=Choice(CHECK_ALLOC_SCHEMES, "allocation scheme"), default=None,
              help="Override the allocator: default (aiecc's own default: bank-aware, falling back to "
                   "basic-sequential), basic-sequential or bank-aware [default: manifest.json's, else mlir-aie's].")
@click.option("--mlir-aie", "mlir_aie", type=MLIR_AIE, default=None,
              help="Override the mlir-aie profile (default: manifest.json's, else 2025).")
@click.option("--device", "device", default=None, metavar="NAME",
              help="Check only the aie.device of that name (@NAME on the op; the @ optional) "
                   "[default: every device of the file].")
def check(mlir_file: str, as_json: bool, alloc_scheme: str | None, mlir_aie: str | None,
          device: str | None) -> None:
    """Read any mlir-aie design (AIE2 family: npu1, npu2 and their partial arrays, xcve2302, xcve2802) and
    say what mlir-aie will make of it, tile by tile.

    DESIGN is an .mlir file, or a design folder (its aie.mlir). Pretty or generic form, npu-tiler's own
    output, a hand-written design or one IRON printed. Options come from manifest.json beside the file, else from the IR itself (the output says which figures were
    derived). Prints the same per-tile table and JSON as `partition` (JSON adds `notes`, `device`,
    `mlir_aie`, `alloc_scheme`); exit 0 if it fits, 1 if not, 2 if the file cannot be read (file:line:col
    and the offending token).

    A file of several `aie.device` ops is several designs, as aiecc compiles each (--device-name picks
    one): each device is read and checked on its own (its tiles, resources and hang verdict) and
    printed as its own block, headed by its name. With --json, a file of one device (or of the one
    configuration an aiex.configure loads) prints the object above; one of several prints
    {"devices": [that object with "device_name", per device], "fits": every device fits,
    "hangs": every device's hangs (each with "device_name"), "hang_free_proved": every device proved
    free}. Exit 0 only if every device fits and none hangs. --device NAME checks that device alone
    (one object).
    """
    import json

    import partitioner
    from partitioner import render
    from partitioner.check import evaluate_devices

    from partitioner.hangs import check as check_hangs

    overrides = {"alloc_scheme": alloc_scheme, "mlir_aie": mlir_aie}
    evs = ([partitioner.read(mlir_file, verify_sources=False, device=device, **overrides)] if device is not None
           else evaluate_devices(mlir_file, overrides))
    results = [(ev, check_hangs(ev)) for ev in evs]
    if as_json:
        objs = [_check_json(ev, hangs) for ev, hangs in results]
        if len(objs) == 1:
            out = objs[0]
        else:
            out = {"devices": [{"device_name": ev.device_name, **o} for (ev, _), o in zip(results, objs)],
                   "fits": all(ev.fits for ev, _ in results),
                   "hangs": [{"device_name": ev.device_name, **h.as_json()} for ev, hangs in results
                             for h in hangs.hangs],
                   "hang_free_proved": all(hangs.proved for _, hangs in results)}
        click.echo(json.dumps(out, indent=2))
    else:
        for k, (ev, hangs) in enumerate(results, 1):
            if len(results) > 1:
                click.echo(("\n" if k > 1 else "") + f"== aie.device {ev.ir_device.label} ({k} of {len(results)}) ==")
            click.echo(render.report(ev))
            click.echo(_lowering_line(ev.profile))
            click.echo(_hang_lines(hangs))
            build = kernel_build(ev)
            if build is not None:
                click.echo(f"note: {build['note']}")
    sys.exit(0 if all(ev.fits and not hangs.hangs for ev, hangs in results) else 1)


def _check_json(ev, hangs) -> dict:
    """One checked design as `check --json` prints it: `partition --json`'s object, its notes, options and hangs."""
    o = ev.design.options
    return {**ev.as_json(), "placement": _placement_json(ev), "notes": list(ev.notes), "device": o.device,
            "mlir_aie": o.mlir_aie,
            "objectfifo_lowering": ev.profile.objectfifo_lowering,
            "alloc_scheme": o.alloc_scheme, "hangs": [h.as_json() for h in hangs.hangs],
            "hang_free_proved": hangs.proved, "hang_notes": list(hangs.notes), "kernel_build": kernel_build(ev)}


def kernel_build(ev) -> dict | None:
    """Whether the design's kernel builds, as far as is known without compiling it (`check` and `partition` need
    no C compiler and compile nothing): a host build of these exact sources cached by an earlier `simulate`
    (kernels/mel_tools/hostbuild.py cached_build), else "not checked". None when the kernel has no sources
    (a footprint only: nothing to build). A verdict on the design's resources ("fits") says nothing of it."""
    from kernels.mel_tools import hostbuild

    spec = ev.spec
    if spec is None or not spec.has_sources:
        return None
    try:
        lib = hostbuild.cached_build(hostbuild.sources(spec.name))
    except hostbuild.HostBuildError:  # no compiler here: nothing cached for it either
        lib = None
    if lib is not None:
        return {"status": "host build cached",
                "note": f"kernel {spec.name}: these exact C sources built on this host before ({lib}); the NPU "
                        f"build (Peano) is not checked (`npu-tiler build`)"}
    return {"status": "not checked",
            "note": f"kernel build not checked (run `npu-tiler simulate` or `build`): kernel {spec.name}'s C "
                    f"sources were not compiled, and no build of them is cached"}


@cli.command()
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: summary, wrong verdicts, modules.")
@click.option("--lit", "lit_checks", is_flag=True,
              help="Compare with the CHECK lines of mlir-aie's lit tests (tests/corpus/lit) instead.")
def corpus(folder: str | None, as_json: bool, lit_checks: bool) -> None:
    """Read every design of a corpus of real mlir-aie designs and say how often npu-tiler agrees.

    FOLDER defaults to tests/corpus (mlir-aie's hardware-tested test/npu-xrt designs: each fits and
    completes on an NPU; the summary of the lit tests' CHECK figures, see --lit, is added). Per module: read, not modelled, refused (with the reason) or traceback; fits
    or not; the hang verdict (proved free, not proved, hangs); seconds. Then the counts, and the designs
    run on hardware that npu-tiler calls hanging or "does not fit". Exit 0 when it agrees with every
    expectation, 1 when some design is wrongly called hanging or "does not fit", a module gives a
    traceback or no answer in time.

    With --lit: every module of mlir-aie's lit tests of aie-assign-buffer-addresses and
    aie-objectFifo-stateful-transform (tests/corpus/lit), per RUN line, read as the RUN line says; the
    buffers, locks, stacks and errors its CHECK lines state are compared with npu-tiler's. Exit 1 when a
    RUN line gives a traceback.
    """
    import json

    from reports import corpus as harness
    from reports import lit

    if lit_checks:
        runs = lit.run(Path(folder) if folder else lit.LIT_DIR)
        click.echo(json.dumps(lit.as_json(runs), indent=2) if as_json else lit.table(runs))
        sys.exit(1 if lit.summary(runs)["traceback"] else 0)

    outcomes = harness.run(folder or harness.CORPUS_DIR)
    # The whole corpus (no FOLDER): the lit tests' CHECK figures too, as their summary.
    runs = lit.run() if folder is None else None
    if as_json:
        report = harness.as_json(outcomes) | ({"lit": lit.summary(runs)} if runs is not None else {})
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(harness.table(outcomes))
        if runs is not None:
            click.echo("\nmlir-aie lit tests (tests/corpus/lit; `npu-tiler corpus --lit` for each RUN line):")
            click.echo("\n".join(lit.summary_lines(runs)))
    s = harness.summary(outcomes)
    lit_tracebacks = lit.summary(runs)["traceback"] if runs is not None else 0
    sys.exit(1 if s["wrongly_hanging"] or s["wrongly_not_fitting"] or s["traceback"] or s["timeout"]
             or lit_tracebacks else 0)


_STATE_WORDS = {"none": "no per-core state",
                "buffer": "per-core state: one aie.buffer of i32 indices per core, in its buffers (_anonymous<k>)",
                "registers": "per-core state: counters promoted to registers (mem2reg), no buffer"}


def _lowering_line(profile) -> str:
    """The ObjectFIFO lowering mode a check assumed, from its mlir-aie profile."""
    return (f"ObjectFIFO lowering assumed: {profile.objectfifo_lowering} (mlir-aie profile {profile.name}; "
            f"{_STATE_WORDS[profile.dynamic_state]})")


def _hang_lines(result) -> str:
    """The hang check's verdict, every stuck op with its file:line:col, and any wait cycle as a chain."""
    if not result.hangs:
        verdict = "proved free" if result.proved else "none found (not proved: " + "; ".join(result.notes) + ")"
        return f"hangs: {verdict} ({result.calls} runtime-sequence run(s) executed abstractly)"
    lines = [f"hangs: {len(result.hangs)} (the design would hang on the NPU)"]
    for h in result.hangs:
        lines.append(f"hang ({h.kind}): {h.message}")
        lines += [f"  stuck: {s.op} at {s.location}: waits for {s.waits_for}"
                  + (f" (iteration {s.iteration})" if s.iteration is not None else "") for s in h.stuck]
        if h.chain:
            lines.append("  cycle: " + " <- ".join(h.chain))
    return "\n".join(lines)


@cli.command()
@click.argument("design_dir", type=click.Path(exists=True))
@click.option("--audio", "audio", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Audio to run (default: every built-in test signal, each as its own utterance).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--timing-only", is_flag=True, help="Only the timing model: no data moves, no kernel runs.")
@click.option("--frames", type=click.IntRange(min=1), default=None,
              help="Frames to model with --timing-only [default: 628,163, the seed's audio].")
@click.option("--trace", "trace_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write one call's modelled schedule as a Chrome/Perfetto trace (JSON).")
@click.option("--overwrite", is_flag=True, help="Replace an existing --trace file npu-tiler did not write.")
@click.option("--params", "params_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML overriding sim/timing.toml (same layout).")
@click.option("--baseline", "baseline_dir", type=click.Path(exists=True), default=None,
              help="Design to compare against [default: designs/batch20_1tile].")
@click.option("--cost-profile", "cost_profile", default=None, metavar="NAME|FILE", help=COST_PROFILE_HELP)
@click.option("--force", is_flag=True, help="Simulate a design that does not fit, hangs or whose kernel does not "
                                             "build (said first; exit 1 still).")
def simulate(design_dir: str, audio: str | None, as_json: bool, timing_only: bool, frames: int | None,
             trace_path: str | None, params_path: str | None, baseline_dir: str | None,
             cost_profile: str | None, force: bool, overwrite: bool) -> None:
    """Run a design folder in the simulator, bit for bit against the single-tile batch-20 baseline.

    The simulator executes the design as emitted (its aie.mlir read back):
    ObjectFIFO pools with aiecc's sizes and lock semantics, mem-tile
    distribute/join at their offsets, the runtime sequence's shim transfers,
    and the host-built kernel on every object. It is a stand-in for an NPU, not
    one. Exit 0 when the outputs are identical, 1 when not (first differing
    frame and bin) or on deadlock, 2 on bad input. A design that would not run
    on an NPU (it does not fit, the hang check finds it hangs, or its kernel does
    not build; --timing-only runs no kernel and does not build it) is said so
    first and exits 1 before anything runs; --force simulates it anyway (exit 1).
    """
    import json

    import partitioner
    import sim
    from partitioner.params import timing as load_timing
    from sim import timing

    from partitioner import safe_write

    if trace_path:  # refused before any work; never over the design, the audio or a parameter file
        safe_write.check_file(Path(trace_path), overwrite, "--trace",
                              inputs=[design_dir, audio, params_path, baseline_dir, cost_profile])
    params = timing.with_cost(load_timing(params_path), cost_profile)
    ev = partitioner.read(design_dir)
    name = ev.design.name
    from sim.api import refuse  # refuse to pretend: said first, before any output (exit 1)

    refused = refuse(ev, "simulate", force, kernel=not timing_only)
    if refused:
        click.echo(f"npu-tiler: warning: {refused}; simulated anyway (--force): not what an NPU would do", err=True)
    if trace_path:  # signed, so that a re-run may replace it
        safe_write.write_json(Path(trace_path), safe_write.sign(timing.chrome_trace(ev, params), inside="otherData"))
    if timing_only:
        t = sim.model_time(ev, frames, timing_params=params)
        result = {"design": name, "frames": t.frames, "modeled_seconds": t.modeled_seconds, "npu_calls": t.npu_calls,
                  "dma_bytes": t.dma_bytes, "device_seconds_per_call": t.device_seconds_per_call,
                  "realtime_factor": t.realtime_factor, "modeled_seconds_low": t.band.low,
                  "modeled_seconds_high": t.band.high, "cost_profile": t.cost_profile, "projected": t.projected,
                  **({"refused": refused} if refused else {})}
        if as_json:
            click.echo(json.dumps(result, indent=2))
        else:
            click.echo(f"{name}: {t.frames:,} frames in {t.npu_calls:,} NPU calls, modelled {t.band_text(3)} "
                       f"[low-high; {t.cost_profile}{', a projection' if t.projected else ''}] "
                       f"({(t.device_seconds_per_call_low or 0) * 1e6:.1f}-{t.device_seconds_per_call * 1e6:.1f} us "
                       f"device + {t.overhead_seconds_per_call * 1e6:.1f} us host per call), "
                       f"{t.realtime_factor:.0f}x realtime at the high end; timing model only")
        sys.exit(1 if refused else 0)
    if audio is not None:
        from kernels.mel_tools.audio import load_audio

        audio_arg = {audio: load_audio(audio)}  # a path the user gave: its own error if unreadable
    else:
        audio_arg = None
    r = sim.simulate(ev, audio_arg, baseline_dir, timing_params=params, force=force)
    if as_json:
        click.echo(json.dumps(r.as_json(), indent=2))
    else:
        first = r.first_difference
        verdict = "bit-exact" if r.bit_exact else f"DIFFERS (first at {first[0]} frame {first[1]} bin {first[2]})"
        click.echo(f"{name} vs {r.baseline}: {r.frames:,} frames of {len(r.outputs)} audio item(s), {verdict}, "
                   f"max |diff| {r.max_abs_diff}; modelled {r.timing.modeled_seconds:.3f} s in {r.calls} NPU calls "
                   f"(simulator, not hardware)")
    sys.exit(0 if r.bit_exact and not refused else 1)


@cli.command("seed-table")
@click.option("--params", "params_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TOML overriding sim/timing.toml.")
@click.option("--cost-profile", "cost_profile", default=None, metavar="NAME|FILE", help=COST_PROFILE_HELP)
def seed_table(params_path: str | None, cost_profile: str | None) -> None:
    """The seed's configurations and the kept designs, modelled for the seed's 628,163 frames."""
    from reports import seed_table as st
    from partitioner.params import timing as load_timing
    from sim import timing

    click.echo(st.render(st.rows(timing.with_cost(load_timing(params_path), cost_profile))))


@cli.command()
@click.option("--kernel", default=_DEFAULT.kernel, show_default=True, help="Kernel under kernels/.")
@click.option("--device", default=_DEFAULT.device, show_default=True, help="npu1, npu1_1col..npu1_3col, npu2.")
@click.option("--out", "out", type=click.Path(file_okay=False), default="npu-tiler-report", show_default=True,
              help="Folder for report.html, report.md, points.csv, points.json and the plots.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Parallel processes [default: the machine's cores].")
@click.option("--batch", "extra_batches", type=click.IntRange(1, MAX_BATCH), multiple=True,
              help="Add a batch size to the space (repeatable).")
@click.option("--strategy", "strategies", type=Choice(STRATEGIES, "strategy"), multiple=True,
              help="Only these strategies (repeatable).")
@click.option("--tiles", "tiles", type=click.IntRange(min=1), multiple=True, help="Only these tile counts (repeatable).")
@click.option("--frame-mode", "frame_modes", type=Choice(FRAME_MODES, "frame mode"), multiple=True,
              help="Only these frame modes (repeatable).")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None,
              help="SQLite cache of evaluated points [default: ~/.cache/npu-tiler/explore.sqlite].")
@click.option("--no-simulate", is_flag=True,
              help="Do not simulate the linked designs (no C compiler needed): they are still emitted into "
                   "designs/ for the report's links and commands, and marked not simulated.")
@click.option("--cost-profile", "cost_profile", default=None, metavar="NAME|FILE", help=COST_PROFILE_HELP)
@click.option("--params", "params_path", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Timing parameters overriding sim/timing.toml (e.g. from `npu-tiler calibrate`).")
@click.option("--overwrite", is_flag=True,
              help="Replace report files in --out that npu-tiler did not write (its .npu-tiler file lists its own).")
@click.option("--placer", "placer", type=Choice(EXPLORE_PLACERS, "placer"), default="column", show_default=True,
              help="Placement as a dimension of the space: column, search (SearchPlacer) or both (every point "
                   "placed each way; the report compares them).")
def explore(kernel: str, device: str, out: str, jobs: int | None, extra_batches: tuple[int, ...],
            strategies: tuple[str, ...], tiles: tuple[int, ...], frame_modes: tuple[str, ...],
            cache_path: str | None, no_simulate: bool, params_path: str | None, cost_profile: str | None,
            overwrite: bool, placer: str) -> None:
    """Evaluate the design space and write a report: what fits and why not, modelled speed, the Pareto front.

    Space: batch {1, 10, 20, 25, 50, 100, 200, 400} (+ --batch), tiles {1, 2, 4, 8, 16}, strategies
    single/split/pipeline/hybrid, depth 1/2, frame modes, object sizes (batch/chains, 1, 10), both
    allocators. Points are cached by a hash of their inputs, so a re-run evaluates only new ones; the
    linked designs (the Pareto front, the best at batch 100) are emitted and simulated bit-exact against the
    batch-20 baseline (--no-simulate: emitted, and none claims a simulation). --placer both
    places every point with ColumnPlacer and SearchPlacer and counts where they differ.
    """
    import os
    from pathlib import Path as P

    from reports import explore as ex
    from reports import design_space
    from partitioner.params import timing as load_timing
    from reports import seed_table

    out_dir = P(out)
    from sim import timing

    timing_params = timing.with_cost(load_timing(params_path), cost_profile)  # bad --params/--cost-profile fail here
    _check_tiles(kernel, device, tiles)  # exit 2, as `partition --tiles` does, not 0 with an empty report
    _writable_dir(out_dir)
    design_space.check_outputs(out_dir, overwrite)  # before the long run: a user's report.html is refused now
    space = ex.Space(kernel=kernel, device=device,
                     batches=tuple(sorted(set(ex.DEFAULT_BATCHES) | set(extra_batches))),
                     tiles=tuple(tiles) or ex.DEFAULT_TILES, strategies=tuple(strategies) or ex.STRATEGIES,
                     frame_modes=tuple(frame_modes) or ex.FRAME_MODES, params_path=params_path,
                     cost_profile=cost_profile, placers=EXPLORE_PLACERS[placer])
    study = ex.run(space, jobs=jobs or os.cpu_count() or 1, cache_path=P(cache_path) if cache_path else None,
                   simulate_front=not no_simulate, progress=sys.stderr.isatty())
    meta = {"kernel": kernel, "device": device, "evaluated": study.evaluated, "seconds": study.seconds,
            "space": {k: list(v) if isinstance(v, tuple) else v for k, v in space.__dict__.items()},
            "seed_table": [r.__dict__ for r in seed_table.rows(timing_params)]}
    design_space.save(out_dir, study.records, meta, progress=sys.stderr.isatty(), overwrite=overwrite)
    n_fit = sum(r["fits"] for r in study.records)
    front = [r for r in study.records if r["pareto"]]
    sims = [r for r in front if r.get("simulated")]
    sim_text = ("emitted, not simulated (--no-simulate)" if no_simulate
                else f"{sum(bool(r['bit_exact']) for r in sims)}/{len(sims)} simulated bit-exact")
    click.echo(f"{len(study.records):,} points ({n_fit:,} fit, {study.evaluated:,} evaluated now) in "
               f"{study.seconds:.1f} s; Pareto front: {len(front)} designs, {sim_text}; report: "
               f"{out_dir / 'report.html'}")
    if len(space.placers) > 1:  # --placer both: the closing note's counts
        click.echo(design_space.placer_comparison(study.records))


def _check_tiles(kernel: str, device: str, tiles: tuple[int, ...]) -> None:
    """UserError for an explore --tiles count the device cannot hold: the check and message of
    `partition --tiles` (partitioner.strategies.validate)."""
    from partitioner import device as device_mod
    from partitioner.strategies import validate

    dev = device_mod.load(device)
    for t in tiles:
        validate(Options(kernel=kernel, device=device, tiles=t), dev)


@cli.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--overwrite", is_flag=True,
              help="Replace report files in OUT that npu-tiler did not write (its .npu-tiler file lists its own).")
def report(out: str, overwrite: bool) -> None:
    """Re-render a design-space report from the points.json in OUT."""
    from pathlib import Path as P

    from reports import design_space

    _writable_dir(P(out), must_exist=True)
    _check_points(P(out) / "points.json")
    try:
        design_space.render(P(out), progress=sys.stderr.isatty(), overwrite=overwrite)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:  # records of another shape
        raise UserError(f"{P(out) / 'points.json'} is not a points.json written by npu-tiler explore "
                        f"({type(exc).__name__}: {exc}); re-run `npu-tiler explore --out {out}`") from None
    click.echo(f"wrote {P(out) / 'report.html'} and {P(out) / 'report.md'}")


def _check_points(path) -> None:
    """One line, not a traceback, for a points.json that is not a study: not JSON, not an object with
    a list of point objects, or no points at all."""
    import json

    if not path.is_file():
        return  # design_space.render says how to make one
    try:
        data = json.loads(path.read_text())
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UserError(f"{path} is not a points.json written by npu-tiler explore (not JSON)") from None
    if not isinstance(data, dict) or not isinstance(data.get("points"), list) \
            or not all(isinstance(r, dict) for r in data["points"]):
        raise UserError(f"{path} is not a points.json written by npu-tiler explore (no list of points)")
    if not data["points"]:
        raise UserError(f"{path} holds no points: nothing to report; run `npu-tiler explore --out {path.parent}`")


def _writable_dir(path, must_exist: bool = False) -> None:
    import os

    if path.exists():
        if not path.is_dir():
            raise UserError(f"{path} exists and is not a folder")
        if not os.access(path, os.W_OK):
            raise UserError(f"cannot write in {path}: permission denied")
        return
    if must_exist:
        raise UserError(f"{path} does not exist")
    try:
        path.mkdir(parents=True)
    except OSError as exc:
        from partitioner.safe_write import describe

        raise UserError(describe(exc, path, verb="create")) from None


@cli.command()
@click.argument("design_dir", type=click.Path(exists=True, file_okay=False))
def build(design_dir: str) -> None:
    """Compile the kernel with Peano and the design with aiecc.py into DESIGN_DIR/build (xclbin + insts).

    Needs PEANO_INSTALL_DIR (llvm-aie) and aiecc.py (mlir-aie) from their release wheels; exits 2
    naming what is missing. On an aiecc memory error, prints the model's map of that tile.
    """
    from pathlib import Path as P

    from runner import toolchain

    out = toolchain.build(P(design_dir))
    click.echo(f"built {out / 'final.xclbin'} and {out / 'insts.bin'} (log: {out / 'build.log'})")


def _db_option(f):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                        help="Results database [default: ~/.local/share/npu-tiler/results.sqlite, or $NPU_TILER_DB].")(f)


def _open_db(db_path):
    from pathlib import Path as P

    from runner.backends import default_db_path
    from runner.results import ResultsDB

    return ResultsDB(P(db_path) if db_path else default_db_path())


@cli.command()
@click.argument("design_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--backend", type=Choice(["sim", "xrt"], "backend"), default="sim", show_default=True,
              help="xrt: a real NPU through pyxrt; sim: the simulator (modelled times).")
@click.option("--audio", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Audio [default: the built-in speech].")
@click.option("--repeat", type=click.IntRange(1, MAX_STORED_CALLS), default=1, show_default=True,
              help="Passes over the audio (timings of every call); at most as many calls as a run can store.")
@click.option("--timeout", type=Finite(0, MAX_TIMEOUT_S, min_open=True), default=10.0, show_default=True,
              help="Seconds one call may take (more than 0, at most one day).")
@click.option("--xrt-convention", type=click.Choice(["opcode", "plain"]), default="opcode", show_default=True,
              help="kernel(3, instr, n, bufs...) as current mlir-aie, or kernel(instr, n, bufs...) as older helpers.")
@click.option("--insts-unit", type=click.Choice(["words", "bytes"]), default="words", show_default=True,
              help="Unit of the instruction count passed to the kernel.")
@click.option("--params", "params_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Timing parameters for the sim backend (e.g. a calibration TOML).")
@click.option("--force", is_flag=True, help="Run a design that does not fit, hangs or whose kernel does not build; "
                                             "the stored run is marked forced (exit 1 still).")
@_db_option
def run(design_dir: str, backend: str, audio: str | None, repeat: int, timeout: float, xrt_convention: str,
        insts_unit: str, params_path: str | None, force: bool, db_path: str | None) -> None:
    """Run a design on a backend against the batch-20 baseline; store the run in the results database.

    Prints agreement with the baseline, the time per call (min/median/max) and frames/s. Host buffers
    are checked against the design's before any call. The baseline's output is the simulator's,
    whatever the backend. A design that would not run on an NPU (it does not fit, the hang check finds
    it hangs, or its kernel does not build) is said so first and exits 1: nothing runs, nothing is
    stored. With --force it runs and is stored marked forced (not a valid run; exit 1).
    """
    from pathlib import Path as P

    from runner.run import run_design
    from kernels.mel_tools import fixtures
    from kernels.mel_tools.audio import load_audio

    samples = load_audio(audio) if audio else fixtures.default_audio()
    _check_repeat(P(design_dir), samples, repeat)
    db = _open_db(db_path)
    try:
        res = run_design(P(design_dir), backend, samples, repeat=repeat, db=db, timeout_s=timeout,
                         convention=xrt_convention, insts_unit=insts_unit, params_path=params_path, force=force)
    finally:
        db.close()
    r = res.record
    kind = "modelled by the simulator" if r.timing == "modelled" else "measured"
    click.echo(f"{r.design} on {r.backend}: {r.frames:,} frames, bit-exact vs baseline: {r.bit_exact} "
               f"(max |diff| {r.max_abs_diff}); accuracy: "
               f"{r.diagnosis or f'pearson {r.pearson:.6f}, max |err| {r.max_abs_error:.2e}'}")
    click.echo(f"time per call ({kind}, {len(r.times)} calls): min {min(r.times) * 1e3:.3f} ms, median "
               f"{r.median_s * 1e3:.3f} ms, max {max(r.times) * 1e3:.3f} ms; "
               f"{r.frames * repeat / sum(r.times):,.0f} frames/s; stored as run {r.id}"
               + (" (marked forced: not a valid run)" if r.forced else ""))
    sys.exit(0 if r.bit_exact and not r.diagnosis else 1)


def _check_repeat(folder, samples, repeat: int) -> None:
    """UserError before any call when ``repeat`` passes over ``samples`` make more calls than a run can
    store (:data:`MAX_STORED_CALLS`); a design that cannot be read is left to the run's own error."""
    import partitioner
    from kernels.mel_tools import framing
    from sim import host

    ev = partitioner.read(folder, verify_sources=False)
    if ev.spec is None or ev.design.batch < 1:
        return
    per_pass = host.n_calls(ev.design, framing.n_frames(samples.size, ev.spec.geometry))
    if per_pass * repeat > MAX_STORED_CALLS:
        raise UserError(f"--repeat {repeat:,} makes {per_pass * repeat:,} NPU calls ({per_pass:,} per pass over "
                        f"the audio); a run stores at most {MAX_STORED_CALLS:,} call times (SQLite's "
                        f"{SQLITE_MAX_LENGTH:,}-byte value): use --repeat {max(1, MAX_STORED_CALLS // per_pass):,} "
                        f"or fewer")


@cli.command()
@click.option("--design", default=None, help="Only this design.")
@click.option("--since", default=None, help="Only runs on or after this date (YYYY-MM-DD).")
@click.option("--regressions", "show_regressions", is_flag=True,
              help="Flag designs whose median time grew against their previous run (same backend).")
@click.option("--threshold", type=Finite(min=0), default=0.10, show_default=True,
              help="Growth that counts as a regression (0.10: 10%; at least 0, at most what a measured median "
                   "can grow by: one day per call over one clock tick).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), default=None,
              help="With --regressions: write regressions.html/.md with a time-per-design plot here.")
@click.option("--overwrite", is_flag=True, help="Replace files in --report that npu-tiler did not write.")
@_db_option
def results(design: str | None, since: str | None, show_regressions: bool, threshold: float,
            report_dir: str | None, db_path: str | None, overwrite: bool) -> None:
    """List stored runs, or flag regressions (exit 1 when there is one)."""
    from datetime import date
    from pathlib import Path as P

    from runner import results as res

    if not show_regressions:
        _refuse_unused(_given("threshold", "report_dir"), "without --regressions")
    threshold = res.check_threshold(threshold, "--threshold")  # not "inf%": at most the largest growth measurable
    if since:
        try:
            date.fromisoformat(since)
        except ValueError:
            raise UserError(f"--since {since!r} is not a date: use YYYY-MM-DD") from None
    if report_dir:  # refused before anything is printed
        from reports import regressions as rep

        rep.check_outputs(P(report_dir), overwrite)
    db = _open_db(db_path)
    try:
        runs = db.runs(design=design, since=since)
    finally:
        db.close()
    if not show_regressions:
        click.echo(f"{'id':>4s} {'date':25s} {'design':28s} {'backend':7s} {'timing':9s} {'median ms':>10s} "
                   f"{'calls':>6s} {'exact':>6s}  diagnosis")
        for r in runs:
            click.echo(f"{r.id:>4d} {r.date:25s} {r.design:28s} {r.backend:7s} {r.timing:9s} "
                       f"{r.median_s * 1e3:>10.3f} {r.npu_calls:>6d} {str(r.bit_exact):>6s}  {r.diagnosis or '-'}")
        return
    regs = res.regressions(runs, threshold)
    for g in regs:
        click.echo(f"REGRESSION {g.design} ({g.backend}): median {g.before_s * 1e3:.3f} -> {g.after_s * 1e3:.3f} ms "
                   f"({100 * g.growth:+.1f}%), {g.before_date} -> {g.after_date}")
    if not regs:
        click.echo(f"no regressions above {100 * threshold:.0f}% in {len(runs)} runs")
    if report_dir:
        from reports import regressions as rep

        rep.write(P(report_dir), runs, regs, threshold, overwrite)
        click.echo(f"wrote {P(report_dir) / 'regressions.html'}")
    sys.exit(1 if regs else 0)


@cli.command()
@click.option("--backend", type=Choice(["sim", "xrt"], "backend"), default="xrt", show_default=True,
              help="Fit to runs of this backend.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default="calibration.toml",
              show_default=True, help="Calibration TOML to write (use it with --params).")
@click.option("--overwrite", is_flag=True, help="Replace --out (and its .costs.toml) if npu-tiler did not write it.")
@click.option("--params", "params_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Starting parameters [default: sim/timing.toml].")
@_db_option
def calibrate(backend: str, out: str, params_path: str | None, db_path: str | None, overwrite: bool) -> None:
    """Fit per-call overhead, DMA bandwidth and kernel cycles to measured runs (least squares).

    Reports the model's error per design before and after, and writes a TOML the simulator, the
    explorer and `run --backend sim` read with --params.
    """
    from pathlib import Path as P

    from runner import calibrate as cal
    from partitioner.params import timing as load_timing
    from partitioner import safe_write

    for path in (P(out), cal.costs_path(P(out))):  # before the fit: never over a file of the user's
        safe_write.check_file(path, overwrite, inputs=[params_path, db_path])
    db = _open_db(db_path)
    try:
        runs = db.runs(backend=backend)
    finally:
        db.close()
    f = cal.fit(runs, load_timing(params_path))
    for name, v in zip(f.names, f.values):
        click.echo(f"{name:28s} {v:.6g}")
    click.echo(f"{'design':32s} {'error before':>13s} {'error after':>12s}")
    for d in f.before:
        click.echo(f"{d:32s} {f.before[d]:>12.1f}% {f.after[d]:>11.1f}%")
    cal.write_toml(P(out), f, f"backend {backend}, {len(f.before)} designs")
    click.echo(f"wrote {out}")


def _own_warnings() -> tuple[type[Warning], ...]:
    """The warnings npu-tiler itself gives (a kernel folder skipped, a corrupt cache rebuilt, audio clipped or
    resampled up)."""
    return BrokenKernelWarning, CacheWarning, AudioWarning


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    click.echo(f"npu-tiler: warning: {message}", err=True)


def main(argv: list[str] | None = None) -> int:
    """Console entry point: one-line errors, exit 2 for bad input, 130 when interrupted.

    npu-tiler's own warnings are one line each (``npu-tiler: warning: ...``); other libraries'
    warnings are not shown.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for category in _own_warnings():
            warnings.filterwarnings("default", category=category)
        warnings.showwarning = _show_warning
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        # cli.main() without its standalone handling (which writes a bare newline on Ctrl-C)
        with cli.make_context("npu-tiler", args) as ctx:
            rc = cli.invoke(ctx)
    except click.exceptions.Exit as exc:  # --help, --version
        return exc.exit_code
    except click.UsageError as exc:
        cmd = exc.ctx.command_path if exc.ctx else "npu-tiler"
        click.echo(f"npu-tiler: error: {exc.format_message()} (see `{cmd} --help`)", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"npu-tiler: error: {exc.format_message()}", err=True)
        return 2  # click's other errors (a file it could not open) are bad input too
    except NpuTilerError as exc:
        click.echo(f"npu-tiler: error: {exc}", err=True)
        return exit_code(exc)
    except BrokenPipeError:  # the reader went away (`npu-tiler profiles | head`): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 141  # 128 + SIGPIPE, a shell's code for a pipeline its reader closed
    except OSError as exc:  # the file system said no: the path and the fix (the cache's variable for the cache)
        from kernels.mel_tools.paths import cache_hint
        from partitioner.safe_write import describe

        click.echo(f"npu-tiler: error: {describe(exc, hint=cache_hint(exc.filename))}", err=True)
        return 2
    except (click.Abort, KeyboardInterrupt):
        click.echo("npu-tiler: interrupted", err=True)
        return 130
    except SystemExit as exc:  # a command's own sys.exit(n): its answer (fits, bit-exact, ...)
        return exc.code if isinstance(exc.code, int) else 0
    return rc if isinstance(rc, int) else 0


if __name__ == "__main__":
    sys.exit(main())
