"""The agreement rate on real designs: every module of tests/corpus read, checked for fit and hangs, timed.

The corpus (``tests/corpus/``, see its README) holds mlir-aie's hardware-tested designs
(``npu-xrt/``): each builds and completes on an NPU, so npu-tiler should read it, find that it fits
and not call it hanging. :func:`run` answers, per module, what npu-tiler says today:

- **read**: :func:`partitioner.read` (with ``verify_sources=False``) gave an Evaluation; **not
  modelled** when it was read but the reader or the hang check says some op was not modelled;
  **refused**: a :class:`~partitioner.errors.UserError` (its first line is kept);
  **traceback**: any other exception (a bug); **timeout**: no answer within the time bound;
- **fits** (``Evaluation.fits``) and the **hang verdict** of :func:`partitioner.hangs.check`:
  ``proved free``, ``not proved`` or ``hangs``;
- the seconds the two took.

A module whose expectation (:attr:`Module.expect_runs`) is "fits and never hangs" and that is
called hanging or "does not fit" is a *wrong verdict* (:func:`wrong_verdicts`).

Reading a module as mlir-aie's lit does: ``aie.device(NPUDEVICE)`` is a lit placeholder that the
design folder's ``run.lit`` rewrites with sed before compiling (``%run_on_npu1% sed
's/NPUDEVICE/npu1_1col/g'``, e.g. ``test/npu-xrt/add_one_cpp_aiecc/run.lit`` at mlir-aie
2fbe248ff9a60498eaa135944d481757a88511ef); the value is per folder, recorded in
``tests/corpus/NPUDEVICE.toml``, and the npu1 one is used (the npu2 one for a design lit runs on
npu2 only). A file split into several inputs by ``// -----`` lines (lit's ``--split-input-file``) is
read as one module per part, and a part of several ``aie.device`` ops as one module per device,
named ``<file>#<device>``: aiecc compiles each device (``--device-name`` selects one; mlir-aie
tools/aiecc/README.md @ 089e2276), so each is read and checked as its own design.

Run it: ``npu-tiler corpus [--json] [FOLDER]``, or ``python -m reports.corpus --xfails`` for the
current wrong verdicts in the form of tests/test_real_designs.py's lists.
"""
from __future__ import annotations

import argparse
import json
import signal
import tempfile
import threading
import time
import tomllib
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import partitioner
from partitioner.check import device_names
from partitioner.errors import UserError
from partitioner.hangs import check as check_hangs
from partitioner.mlir.parse import parse_source

CORPUS_DIR = Path(__file__).resolve().parents[1] / "tests" / "corpus"
SPLIT_MARKER = "// -----"  # mlir-opt / aie-opt --split-input-file's separator line
PLACEHOLDER = "NPUDEVICE"
FALLBACK_DEVICE = "npu1"  # a placeholder file whose folder NPUDEVICE.toml does not name
TIME_BOUND_S = 10.0  # per module, read + hang check; the test asks for far less (2 s)
NOT_MODELLED_WORDS = ("not modelled", "not modeled")
READER_NOTE = "not modelled: "  # how the reader's notes name an op it reads but does not model

HANG_VERDICTS = ("proved free", "not proved", "hangs")
STATUSES = ("read", "not modelled", "refused", "traceback", "timeout")


@dataclass(frozen=True)
class Module:
    """One input of the corpus: a file, or one part of a split-input file.

    ``name``: the file name, with ``#k`` (1-based) for part k of a split file; ``text``: what is
    read (placeholder substituted); ``device``: the value substituted for ``NPUDEVICE`` (None when
    the file has none); ``expect_runs``: mlir-aie's CI builds and runs it on an NPU (an
    ``npu-xrt`` design without a ``ci_note``), so it fits and never hangs; ``source``: its mlir-aie
    path and commit; ``aie_device``: for a part of several ``aie.device`` ops, the one this module
    checks (by name; the module is named ``<file>#<device>``), None for a part of one device.
    """

    name: str
    path: Path
    text: str
    device: str | None
    expect_runs: bool
    source: str = ""
    ci_note: str = ""
    aie_device: str | None = None
    mlir_aie_refuses: str = ""  # today's mlir-aie rejects the file as stored: the rule (SOURCES.toml)


@dataclass
class Outcome:
    """What npu-tiler said about one :class:`Module` (see the module docstring for the words)."""

    name: str
    status: str
    reason: str = ""
    fits: bool | None = None
    errors: list[str] = field(default_factory=list)
    hang: str | None = None
    hang_reason: str = ""
    not_modelled: list[str] = field(default_factory=list)
    seconds: float = 0.0
    expect_runs: bool = False
    device: str | None = None
    mlir_aie_refuses: bool = False  # today's mlir-aie rejects it as stored: refusing it agrees

    @property
    def answered(self) -> bool:
        """Read or refused with a reason: neither a traceback nor a timeout."""
        return self.status in ("read", "not modelled", "refused")

    @property
    def was_read(self) -> bool:
        """An Evaluation was made (read, whether or not everything in it is modelled)."""
        return self.status in ("read", "not modelled")

    def as_json(self) -> dict:
        """Every field, as plain JSON values."""
        return asdict(self)


class _Timeout(BaseException):
    """The time bound of one module ran out (a BaseException, so no ``except Exception`` swallows it)."""


@contextmanager
def _time_bound(seconds: float):
    """Raise :class:`_Timeout` in the body after ``seconds`` (SIGALRM: main thread only; elsewhere unbounded).

    A signal rather than a subprocess per module: the corpus is read in one process in a few
    seconds, where a process each would spend most of it importing xDSL.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise _Timeout

    before = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


def _toml(path: Path) -> dict:
    return tomllib.loads(path.read_text()) if path.exists() else {}


def _folder_device(entry: dict) -> str | None:
    """The value a folder's run.lit substitutes: the npu1 one, else (designs run on npu2 only) the npu2 one."""
    if entry.get("requires_npu2"):
        return entry.get("npu2") or None
    return entry.get("npu1") or entry.get("npu2") or None


def split_input(text: str) -> list[tuple[int, str]]:
    """The parts of a split-input file, each with the line it starts at (1-based); ``[(1, text)]`` if none.

    Lines that are exactly the marker (blanks aside) separate them, as aie-opt's ``--split-input-file``.

    >>> split_input("a\\n// -----\\nb\\n")
    [(1, 'a\\n'), (3, 'b\\n')]
    """
    parts, current, start = [], [], 1
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if line.strip() == SPLIT_MARKER:
            parts.append((start, "".join(current)))
            current, start = [], number + 1
        else:
            current.append(line)
    parts.append((start, "".join(current)))
    return parts


def _split(text: str) -> list[str]:
    """The parts of a split-input file (:func:`split_input`) without their line numbers."""
    return [part for _, part in split_input(text)]


def modules(folder: str | Path = CORPUS_DIR) -> list[Module]:
    """Every module of the corpus in ``folder`` (its ``*/*.mlir``, split, placeholder substituted), by name.

    Parameters
    ----------
    folder : path
        A corpus folder: subfolders of ``.mlir`` files, with ``SOURCES.toml`` (path, commit,
        ci_note per file name) and ``NPUDEVICE.toml`` (the substitution per mlir-aie folder)
        when it has them. A folder of ``.mlir`` files alone is read too.

    Returns
    -------
    list[Module]

    Raises
    ------
    UserError
        ``folder`` is not a folder or holds no ``.mlir`` file.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder")
    sources = _toml(folder / "SOURCES.toml").get("files", {})
    devices = _toml(folder / "NPUDEVICE.toml").get("folders", {})
    files = sorted({*folder.glob("*.mlir"), *folder.glob("*/*.mlir")})
    if not files:
        raise UserError(f"{folder} holds no .mlir file (give a corpus folder such as tests/corpus)")
    out: list[Module] = []
    for path in files:
        meta = sources.get(path.name, {})
        text = path.read_text(encoding="utf-8", errors="replace")
        mlir_aie_path = meta.get("path", "")
        device = None
        if PLACEHOLDER in text:
            run_lit_folder = mlir_aie_path.removeprefix("test/npu-xrt/").rpartition("/")[0]
            device = _folder_device(devices.get(run_lit_folder, {})) or FALLBACK_DEVICE
            text = text.replace(PLACEHOLDER, device)  # every occurrence, as run.lit's sed s/.../g
        expect = (path.parent.name == "npu-xrt" and bool(meta) and not meta.get("ci_note")
                  and not meta.get("mlir_aie_refuses"))
        source = f"{mlir_aie_path}@{meta['commit'][:12]}" if meta.get("commit") else ""
        parts = _split(text)  # line numbers in a part's messages count from the part's first line
        for k, part in enumerate(parts, 1):
            base = path.name if meta else path.relative_to(folder).as_posix()  # unique outside the corpus too
            name = base if len(parts) == 1 else f"{base}#{k}"
            out += [Module(name if dev is None else f"{name}#{dev}", path, part, device, expect, source,
                           meta.get("ci_note", ""), dev, meta.get("mlir_aie_refuses", ""))
                    for dev in _devices(part, path.name)]
    return out


def _devices(text: str, filename: str) -> list[str | None]:
    """The devices of a part checked one by one: their names when it has several designs, else ``[None]``.

    aiecc compiles every ``aie.device`` of a module (mlir-aie tools/aiecc/README.md @ 089e2276), so
    each is a module of its own here (:func:`partitioner.check.device_names`). Only a part with more
    than one ``aie.device`` is parsed for their names; one that cannot be parsed stays one module
    (its refusal is the outcome).
    """
    if text.count("aie.device") < 2:
        return [None]
    try:
        names = device_names(parse_source(text, filename))
    except UserError:
        return [None]
    return [None] if len(names) == 1 else list(names)


def _first_line(text: str, strip: str = "") -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    line = lines[0] if lines else "(no message)"
    return line.replace(strip, "") if strip else line


def _not_modelled(notes: list[str]) -> list[str]:
    return [n for n in notes if any(w in n.lower() for w in NOT_MODELLED_WORDS)]


def evaluate(module: Module, time_bound: float = TIME_BOUND_S) -> Outcome:
    """Read one module, check its fit and its hangs within ``time_bound`` seconds, and classify the answer.

    Parameters
    ----------
    module : Module
        One module of :func:`modules`.
    time_bound : float
        Seconds for the read and the hang check together (0: no bound).

    Returns
    -------
    Outcome
    """
    out = Outcome(module.name, "read", expect_runs=module.expect_runs, device=module.device,
                  mlir_aie_refuses=bool(module.mlir_aie_refuses))
    with tempfile.TemporaryDirectory(prefix="npu-tiler-corpus-") as tmp:
        # Read from a file (what a user gives `check`), named as the corpus file so messages say which.
        path = Path(tmp) / module.path.name
        path.write_text(module.text, encoding="utf-8")
        prefix = f"{tmp}/"
        start = time.perf_counter()
        try:
            with _time_bound(time_bound):
                ev = partitioner.read(path, verify_sources=False, device=module.aie_device)
                out.fits, out.errors = ev.fits, [_first_line(e, prefix) for e in ev.errors]
                result = check_hangs(ev)
        except _Timeout:
            out.status, out.reason = "timeout", f"no answer within {time_bound:g} s"
        except UserError as exc:
            out.status, out.reason = "refused", _first_line(str(exc), prefix)
        except Exception as exc:  # noqa: BLE001 - any other exception is the bug this harness reports
            out.status, out.reason = "traceback", f"{type(exc).__name__}: {_first_line(str(exc), prefix)}"
        else:
            out.hang = "hangs" if result.hangs else "proved free" if result.proved else "not proved"
            if result.hangs:
                out.hang_reason = _first_line(f"{result.hangs[0].kind}: {result.hangs[0].message}", prefix)
            elif not result.proved:
                out.hang_reason = _first_line("; ".join(result.notes) or "not proved", prefix)
            notes = _not_modelled([*ev.notes, *result.notes])
            out.not_modelled = list(dict.fromkeys(_first_line(n, prefix) for n in notes))
            if out.not_modelled:
                out.status = "not modelled"
        out.seconds = time.perf_counter() - start
    return out


def run(folder: str | Path = CORPUS_DIR, time_bound: float = TIME_BOUND_S) -> list[Outcome]:
    """:func:`evaluate` every module of the corpus in ``folder``.

    Parameters
    ----------
    folder : path
        A corpus folder (see :func:`modules`).
    time_bound : float
        Seconds per module.

    Returns
    -------
    list[Outcome]
        In :func:`modules`' order.
    """
    return [evaluate(m, time_bound) for m in modules(folder)]


def wrong_verdicts(outcomes: list[Outcome]) -> dict[str, dict[str, str]]:
    """The modules expected to run on hardware that npu-tiler calls hanging or "does not fit".

    Returns
    -------
    dict
        ``{"hangs": {name: reason}, "does not fit": {name: first error}}``.
    """
    wrong: dict[str, dict[str, str]] = {"hangs": {}, "does not fit": {}}
    for o in outcomes:
        if not o.expect_runs:
            continue
        if o.hang == "hangs":
            wrong["hangs"][o.name] = o.hang_reason
        if o.fits is False:
            wrong["does not fit"][o.name] = o.errors[0] if o.errors else "does not fit"
    return wrong


def _constructs(outcomes: list[Outcome]) -> Counter:
    """Modules per construct the reader names as not modelled (its notes read ``not modelled: <op> at <where>``)."""
    count: Counter = Counter()
    for o in outcomes:
        # each construct once per module, in file order (a set's order would shuffle ties between runs)
        count.update(list(dict.fromkeys(n.removeprefix(READER_NOTE).partition(" at ")[0] for n in o.not_modelled
                                        if n.startswith(READER_NOTE))))
    return count


def summary(outcomes: list[Outcome]) -> dict:
    """The counts: modules; status; constructs not modelled; hang verdicts; fits; wrong verdicts; seconds."""
    status = Counter(o.status for o in outcomes)
    hang = Counter(o.hang for o in outcomes if o.hang)
    wrong = wrong_verdicts(outcomes)
    expected = [o for o in outcomes if o.expect_runs]
    return {
        "modules": len(outcomes),
        "read": sum(o.was_read for o in outcomes),
        **{s: status.get(s, 0) for s in STATUSES if s != "read"},
        "read_fully_modelled": status.get("read", 0),
        "refused_as_mlir_aie_does": sum(o.status == "refused" and o.mlir_aie_refuses for o in outcomes),
        "refused_but_mlir_aie_accepts": sum(o.status == "refused" and not o.mlir_aie_refuses for o in outcomes),
        "read_but_mlir_aie_refuses": sum(o.was_read and o.mlir_aie_refuses for o in outcomes),
        "not_modelled_constructs": dict(_constructs(outcomes).most_common()),
        "hang": {v: hang.get(v, 0) for v in HANG_VERDICTS},
        "fits": sum(o.fits is True for o in outcomes),
        "does_not_fit": sum(o.fits is False for o in outcomes),
        "expected_to_run": len(expected),
        "expected_to_run_proved_free": sum(o.hang == "proved free" for o in expected),
        "wrongly_hanging": len(wrong["hangs"]),
        "wrongly_not_fitting": len(wrong["does not fit"]),
        "max_seconds": round(max((o.seconds for o in outcomes), default=0.0), 3),
        "total_seconds": round(sum(o.seconds for o in outcomes), 3),
    }


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters for a table cell, its last one "…" when it was longer.

    >>> cut("abcdef", 4), cut("abc", 4)
    ('abc…', 'abc')
    """
    return text if len(text) <= width else text[:width - 1] + "…"


def table(outcomes: list[Outcome]) -> str:
    """One line per module (status, fits, hang verdict, seconds, reason), then the counts."""
    name_w = max((len(o.name) for o in outcomes), default=4)
    lines = [f"{'module':<{name_w}}  {'status':<12} {'fits':<4} {'hang':<11} {'s':>5}  reason"]
    for o in outcomes:
        fits = "-" if o.fits is None else "yes" if o.fits else "no"
        reason = o.reason or o.hang_reason or ("; ".join(o.not_modelled))
        flag = " !" if o.expect_runs and (o.hang == "hangs" or o.fits is False) else ""
        lines.append(f"{o.name:<{name_w}}  {o.status:<12} {fits:<4} {o.hang or '-':<11} {o.seconds:5.2f}  "
                     f"{cut(reason, 140)}{flag}")
    s = summary(outcomes)
    lines += [
        "",
        f"modules: {s['modules']}; read {s['read']} ({s['read_fully_modelled']} fully modelled, "
        f"{s['not modelled']} with ops not modelled), refused {s['refused']} ({s['refused_as_mlir_aie_does']} "
        f"that today's mlir-aie rejects too, {s['refused_but_mlir_aie_accepts']} that it accepts), "
        f"traceback {s['traceback']}, timeout {s['timeout']}",
        f"hang verdicts: proved free {s['hang']['proved free']}, not proved {s['hang']['not proved']}, "
        f"hangs {s['hang']['hangs']}; fits {s['fits']}, does not fit {s['does_not_fit']}",
        f"designs run on hardware by mlir-aie's CI: {s['expected_to_run']}; proved free "
        f"{s['expected_to_run_proved_free']}; wrongly called hanging {s['wrongly_hanging']}, "
        f"wrongly \"does not fit\" {s['wrongly_not_fitting']} (marked !)",
        f"time: max {s['max_seconds']:.2f} s per module, total {s['total_seconds']:.2f} s",
    ]
    if s["not_modelled_constructs"]:
        lines.insert(-3, "read but not modelled (modules): " + ", ".join(
            f"{op} {n}" for op, n in s["not_modelled_constructs"].items()))
    return "\n".join(lines)


def as_json(outcomes: list[Outcome]) -> dict:
    """``{"summary": summary(), "wrong": wrong_verdicts(), "modules": [Outcome.as_json()]}``."""
    return {"summary": summary(outcomes), "wrong": wrong_verdicts(outcomes),
            "modules": [o.as_json() for o in outcomes]}


def xfail_lists(outcomes: list[Outcome]) -> str:
    """The current wrong verdicts as the two dicts of tests/test_real_designs.py (paste over them, then edit reasons)."""
    wrong = wrong_verdicts(outcomes)
    out = []
    for var, kind in (("HANGS_XFAIL", "hangs"), ("DOES_NOT_FIT_XFAIL", "does not fit")):
        out.append(f"{var}: dict[str, str] = {{")
        out += [f"    {name!r}: {reason!r}," for name, reason in sorted(wrong[kind].items())]
        out.append("}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    """``python -m reports.corpus [--json | --xfails] [FOLDER]``: the table, the JSON or the xfail lists."""
    parser = argparse.ArgumentParser(prog="python -m reports.corpus", description=main.__doc__)
    parser.add_argument("folder", nargs="?", default=str(CORPUS_DIR))
    parser.add_argument("--json", action="store_true", help="print the JSON report")
    parser.add_argument("--xfails", action="store_true",
                        help="print the wrong verdicts as tests/test_real_designs.py's xfail lists")
    args = parser.parse_args(argv)
    outcomes = run(args.folder)
    if args.xfails:
        print(xfail_lists(outcomes))
    elif args.json:
        print(json.dumps(as_json(outcomes), indent=2))
    else:
        print(table(outcomes))


if __name__ == "__main__":
    main()
