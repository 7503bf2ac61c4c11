"""Building a design folder with Peano and the profile's aiecc (the flags of shared/docs/npu1-facts.md section 5).

Nothing here is faked: without the tools, building stops with exit 2 naming
what to install and which variable to set. Before building, the installed
mlir-aie's version is read (the ``mlir_aie`` wheel's, else ``aiecc --version``)
and a design emitted for a profile that does not match it is refused with one
line naming the profile to emit it for (:func:`guard`).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import metadata
from pathlib import Path

import partitioner
from partitioner import profiles
from partitioner.errors import DesignRefused, UserError
from partitioner.mlir.parse import Source, parse_source
from partitioner.profiles import Profile
from partitioner import safe_write

PEANO_HELP = ("Peano (llvm-aie) not found: install the llvm-aie wheel from its GitHub releases and set "
              "PEANO_INSTALL_DIR to its folder (the one with bin/clang)")
AIECC_HELP = ("aiecc.py not found: install mlir-aie from its GitHub release wheels and activate its environment "
              "(so that aiecc.py is on PATH)")


@dataclass(frozen=True)
class Tools:
    peano: Path
    aiecc: str


def find_tools(env: dict | None = None) -> Tools:
    env = os.environ if env is None else env
    peano = env.get("PEANO_INSTALL_DIR")
    if not peano or not (Path(peano) / "bin" / "clang").exists():
        raise UserError(PEANO_HELP)
    # aiecc.py until mlir-aie PR #3369, the C++ aiecc after it (partitioner/params/profiles.toml)
    aiecc = shutil.which("aiecc.py", path=env.get("PATH")) or shutil.which("aiecc", path=env.get("PATH"))
    if aiecc is None:
        raise UserError(AIECC_HELP)
    return Tools(Path(peano), aiecc)


# aiecc's log is free text; the error location in it is the one thing read with a pattern.
_MEM_ERROR = re.compile(r"aie\.mlir:(\d+):\d+: error: 'aie\.tile' op allocated buffers exceeded available memory")


def memory_error_tiles(log: str, mlir: Source | str) -> list[tuple[int, int]]:
    """Tiles aiecc reported as over their memory: its error lines, matched to the ``aie.tile`` ops on
    those lines of aie.mlir (its parsed module, or its text, parsed here)."""
    src = mlir if isinstance(mlir, Source) else parse_source(mlir, "aie.mlir")
    tile_at = {src.line(op): coord for d in src.index.devices for coord, op in d.by_coord.items()}
    return [tile_at[int(m.group(1))] for m in _MEM_ERROR.finditer(log) if int(m.group(1)) in tile_at]


def explain_memory_error(log: str, folder: Path) -> str:
    """The model's memory map for each tile aiecc rejected, to read next to aiecc's own."""
    if not _MEM_ERROR.search(log):
        return ""
    ev = partitioner.read(folder, verify_sources=False)  # parsed once: the tiles' lines come from ev.ir
    parts = []
    for t in memory_error_tiles(log, ev.ir):
        mm = ev.memory.get(t)
        if mm is None:
            continue
        parts.append(f"npu-tiler's model of tile {t}: {mm.used:,} of {mm.capacity:,} B "
                     f"({'fits' if mm.fits else 'does not fit'}):\n" + "\n".join(mm.listing()))
    return "\n".join(parts)


def build(folder: Path, env: dict | None = None) -> Path:
    """Run the design's build.sh (Peano, then aiecc.py) into folder/build; the log goes to build/build.log."""
    folder = Path(folder)
    if not (folder / "aie.mlir").is_file() or not (folder / "build.sh").is_file():
        raise UserError(f"{folder} is not an emitted design (needs aie.mlir and build.sh)")
    find_tools(env)
    manifest = folder / "manifest.json"
    if manifest.is_file():
        guard(json.loads(manifest.read_text()).get("mlir_aie_profile", {}).get("name") or profiles.default_name(), env)
    out = folder / "build"
    out.mkdir(exist_ok=True)
    proc = subprocess.run(["bash", str(folder / "build.sh")], capture_output=True, text=True,
                          env=dict(os.environ if env is None else env))
    log = proc.stdout + proc.stderr
    safe_write.write_text(out / "build.log", log)
    if proc.returncode != 0:
        detail = explain_memory_error(log, folder)
        first = next((line for line in log.splitlines() if "error" in line), log.strip().splitlines()[-1:] or [""])
        msg = f"build of {folder} failed: {first if isinstance(first, str) else first[0]} (log: {out / 'build.log'})"
        if detail:
            msg += "\n" + detail
        # aiecc's memory error is the answer "does not fit" (exit 1, as `partition` gives it); others: exit 2
        raise (DesignRefused if _MEM_ERROR.search(log) else UserError)(msg)
    for f in ("final.xclbin", "insts.bin"):
        if not (out / f).is_file():
            raise UserError(f"aiecc.py finished but {out / f} is missing (log: {out / 'build.log'})")
    return out


# --- the installed-version guard -------------------------------------------------------------------

#: The wheel distribution that installs aiecc and aie.iron (utils/mlir_aie_wheels/setup.py: name "mlir-aie").
WHEEL = "mlir_aie"
#: The first day a wheel of the git-describe scheme (``1.3.2.dev101+ge094875``,
#: utils/mlir_aie_wheels/_version_helper.py @ 32f0eed3) can be from: the last wheel of the dated scheme
#: seen is 0.0.1.2026050723 (mlir-air PR #1596, 2026-05-08), the first of the new one 2026-06-05 (#1670).
DESCRIBE_SCHEME_FROM = date(2026, 5, 7)


@dataclass(frozen=True)
class Installed:
    """The mlir-aie an environment has: its wheel version, its aiecc drivers and the days it can be from.

    ``earliest``/``latest`` bound the day of the mlir-aie commit it was built
    from (None: unbounded); ``how`` says which evidence gave them.
    """

    version: str | None
    drivers: tuple[str, ...]
    earliest: date | None
    latest: date | None
    how: str

    def describe(self) -> str:
        """One phrase for a message: the version or driver and the evidence of its date."""
        what = f"mlir_aie {self.version}" if self.version else "/".join(self.drivers) or "mlir-aie"
        return f"{what} ({self.how})" if self.how else what


def wheel_version() -> str | None:
    """The installed ``mlir_aie`` wheel's version (it also carries aie.iron, which has none of its own:
    python/iron/__init__.py @ 03a3340c); None when this Python has no such distribution."""
    try:
        return metadata.version(WHEEL)
    except metadata.PackageNotFoundError:
        return None


def wheel_days(version: str) -> tuple[date | None, date | None]:
    """The days a wheel version can be from: ``0.0.1.YYYYMMDDHH+<commit>`` (setup.py @ 08722c54) names
    its day; ``MAJOR.MINOR.PATCH[.devN][+g<commit>]`` (the git-describe scheme) is from
    :data:`DESCRIBE_SCHEME_FROM` on; anything else says nothing.

    >>> wheel_days("0.0.1.2025100604+30300fa")
    (datetime.date(2025, 10, 6), datetime.date(2025, 10, 6))
    >>> wheel_days("1.3.2.dev101+ge094875")
    (datetime.date(2026, 5, 7), None)
    >>> wheel_days("unknown")
    (None, None)
    """
    parts = version.split("+")[0].split(".")
    if len(parts) == 4 and parts[:3] == ["0", "0", "1"] and parts[3].isdigit() and len(parts[3]) == 10:
        stamp = parts[3]
        try:
            day = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
        except ValueError:
            return None, None
        return day, day
    if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]) and int(parts[0]) >= 1:
        return DESCRIBE_SCHEME_FROM, None
    return None, None


def aiecc_compiled(text: str) -> date | None:
    """The day in ``aiecc --version``'s ``compiled:`` line (C++ __DATE__, e.g. ``Aug 13 2026``;
    tools/aiecc/CommandLineOptions.h printVersion); None when it has none.

    >>> aiecc_compiled("aiecc (mlir-aie declarative driver)\\n  git SHA:  1a2b3c4\\n  compiled: Aug  3 2026 10:11:12")
    datetime.date(2026, 8, 3)
    """
    for line in text.splitlines():
        words = line.split()
        if words[:1] == ["compiled:"] and len(words) >= 4:
            try:
                return datetime.strptime(" ".join(words[1:4]), "%b %d %Y").date()
            except ValueError:
                return None
    return None


def installed(env: dict | None = None) -> Installed | None:
    """What mlir-aie ``env`` (default: this process's) has; None when it has neither the wheel nor aiecc.

    The wheel's version dates it; without one, ``aiecc --version``'s compile day bounds it from above
    (a build is never older than its commit, but may be much younger).
    """
    env = os.environ if env is None else env
    drivers = tuple(d for d in ("aiecc", "aiecc.py") if shutil.which(d, path=env.get("PATH")))
    version = wheel_version()
    if version is None and not drivers:
        return None
    if version is not None:
        earliest, latest = wheel_days(version)
        return Installed(version, drivers, earliest, latest, "wheel version" if earliest else "")
    if "aiecc" in drivers:
        try:
            proc = subprocess.run([shutil.which("aiecc", path=env.get("PATH")), "--version"], capture_output=True,
                                  text=True, timeout=30, env=dict(env))
        except (OSError, subprocess.TimeoutExpired):
            proc = None
        day = aiecc_compiled(proc.stdout + proc.stderr) if proc else None
        if day is not None:
            return Installed(None, drivers, None, day, f"aiecc compiled {day.isoformat()}")
    return Installed(None, drivers, None, None, "")


def _days(text: str, last: bool) -> date | None:
    """The first (or last) day a profile date ``YYYY-MM-DD`` / ``YYYY-MM`` can mean; None for ""."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts
    if not last:
        return date(year, month, 1)
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def matches(profile: Profile, inst: Installed) -> bool:
    """Whether ``inst`` can be from ``profile``'s window of merge dates (one known to the month only
    counts the whole month on both sides). The driver is not compared: wheels install an ``aiecc``
    console script in every era (utils/mlir_aie_wheels/pyproject.toml), and build.sh itself stops
    naming a missing driver."""
    lo, hi = _days(profile.merged_from, False), _days(profile.merged_before, True)
    return (inst.latest is None or lo is None or lo <= inst.latest) and \
        (inst.earliest is None or hi is None or inst.earliest <= hi)


def guard(profile_name: str, env: dict | None = None) -> None:
    """Refuse to build a design of profile ``profile_name`` with an mlir-aie it does not match.

    Parameters
    ----------
    profile_name : str
        The profile the design was emitted for (manifest.json's ``mlir_aie_profile.name``).
    env : dict, optional
        The environment whose PATH is searched for aiecc (default: this process's).

    Raises
    ------
    UserError
        One line: the installed version, the profile it does not match, and the profile to emit the
        design for (or that no profile covers it). Nothing installed, or nothing that dates it: no error.
    """
    profile = profiles.load(profile_name)
    inst = installed(env)
    if inst is None or matches(profile, inst):
        return
    fits = [p for p in profiles.listing() if matches(p, inst)]
    # The narrowest window that fits: the one opened last, then the one closed first.
    best = max(fits, key=lambda p: (_days(p.merged_from, False) or date.min,
                                    -(_days(p.merged_before, True) or date.max).toordinal())) if fits else None
    advice = (f"emit it with --mlir-aie {best.name}" if best else
              f"no npu-tiler profile covers it (profiles: {', '.join(profiles.available())})")
    raise UserError(f"installed {inst.describe()} does not match the design's mlir-aie profile {profile.name} "
                    f"({profile.targets}, {profile.driver}); {advice}")
