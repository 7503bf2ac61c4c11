"""Building a design folder with Peano and aiecc.py (the flags of shared/docs/npu1-facts.md section 5).

Nothing here is faked: without the tools, building stops with exit 2 naming
what to install and which variable to set.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import partitioner
from partitioner.errors import UserError
from partitioner.mlir.parse import Source, parse_source

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
    out = folder / "build"
    out.mkdir(exist_ok=True)
    proc = subprocess.run(["bash", str(folder / "build.sh")], capture_output=True, text=True,
                          env=dict(os.environ if env is None else env))
    log = proc.stdout + proc.stderr
    (out / "build.log").write_text(log)
    if proc.returncode != 0:
        detail = explain_memory_error(log, folder)
        first = next((line for line in log.splitlines() if "error" in line), log.strip().splitlines()[-1:] or [""])
        msg = f"build of {folder} failed: {first if isinstance(first, str) else first[0]} (log: {out / 'build.log'})"
        if detail:
            msg += "\n" + detail
        raise UserError(msg)
    for f in ("final.xclbin", "insts.bin"):
        if not (out / f).is_file():
            raise UserError(f"aiecc.py finished but {out / f} is missing (log: {out / 'build.log'})")
    return out
