"""Shared test inputs: hand-built Designs for checking the lowering rules against mlir-aie's own test cases,
corpus designs with their lit placeholder filled in, and copies of a kernel folder."""
from __future__ import annotations

import shutil
from pathlib import Path

from partitioner import kernel_spec
from partitioner.design import Design, Link, ObjectFifo, Options, RuntimeSequence, Worker, elem_bytes
from partitioner.device import Device
from reports.corpus import PLACEHOLDER

#: mlir-aie's test/npu-xrt designs kept in the corpus (tests/corpus/SOURCES.toml).
NPU_XRT = Path(__file__).resolve().parent / "corpus" / "npu-xrt"


def npu_xrt(name: str, tmp_path: Path, device: str = "npu1") -> Path:
    """Corpus design ``name`` of mlir-aie's test/npu-xrt written to ``tmp_path`` with the lit placeholder
    (``aie.device(NPUDEVICE)``) read as ``device``, every occurrence, as a run.lit's sed does."""
    path = tmp_path / name
    path.write_text((NPU_XRT / name).read_text().replace(PLACEHOLDER, device))
    return path


def copy_kernel(root: Path, name: str, source: str = "mel", edit=None, broken: bool = False) -> Path:
    """Kernel ``source``'s folder copied to ``root / name`` and renamed ``name`` in its kernel.toml (its one
    ``name = "<source>"`` line), the TOML text then passed through ``edit`` if given; ``broken`` appends a
    line that is not C to each of its C sources."""
    dst = root / name
    shutil.copytree(kernel_spec.toml_path(source).parent, dst)
    toml = dst / "kernel.toml"
    text = toml.read_text()
    assert text.count(f'name = "{source}"') == 1
    text = text.replace(f'name = "{source}"', f'name = "{name}"')
    toml.write_text(edit(text) if edit else text)
    if broken:
        for c in sorted(dst.glob("*.c")):
            with open(c, "a") as fh:
                fh.write("\nthis is not C;\n")
    return dst


def endpoint(device: Device, tile: tuple[int, int]) -> str:
    kind = device.kind_of(tile)
    if kind == "shim":
        return f"shim:{tile[0]}"
    if kind == "mem":
        return f"mem:{tile[0]}"
    return f"core_{tile[0]}_{tile[1]}"


def fifo(name, prod, cons, depth, elems, elem_type="i32", acquire=None):
    """One FIFO spec: acquire maps tile -> the largest single acquire its core makes (absent: no core)."""
    return dict(name=name, prod=prod, cons=cons, depth=depth, elems=elems, elem_type=elem_type,
                acquire=acquire or {})


def design(device: Device, specs: list[dict], links: list[Link] = (), cores: list = ()) -> Design:
    tiles = {t for s in specs for t in [s["prod"], *s["cons"]]}
    compute = sorted(t for t in tiles if device.kind_of(t) == "compute")
    workers = [Worker(endpoint(device, t), "frames", "k", [], [], 1, 1, 1024, tile=t)
               for t in compute if t in set(cores) or not cores]
    fifos = []
    for s in specs:
        ends = [s["prod"], *s["cons"]]
        f = ObjectFifo(name=s["name"], producer=endpoint(device, s["prod"]),
                       consumers=[endpoint(device, c) for c in s["cons"]],
                       object_bytes=s["elems"] * elem_bytes(s["elem_type"]), elem_type=s["elem_type"],
                       elem_count=s["elems"], depth=s["depth"], object_frames=1, stream="frames",
                       producer_tile=s["prod"], consumer_tiles=list(s["cons"]),
                       acquire={endpoint(device, t): n for t, n in s["acquire"].items() if t in ends})
        fifos.append(f)
    d = Design("hand", Options(), workers, fifos, list(links), RuntimeSequence([], [], []), groups=1,
               object_frames=1, depth=2)
    for t in tiles:
        kind = device.kind_of(t)
        if kind == "shim":
            d.shims[t[0]] = t
        elif kind == "mem":
            d.mem_tiles[t[0]] = t
    return d


# -- large generated designs (read by tests and timed by benchmarks/bench_reading.py) --------------------

def generated_design(lines: int = 1000) -> str:
    """A 16-core npu1 design of about ``lines`` lines: FIFO chains per column, long core bodies."""
    out = ["module {", "  aie.device(npu1) {", "    func.func private @k(memref<64xi32>, memref<64xi32>, i32)"]
    for c in range(4):
        out += [f"    %t{c}_{r} = aie.tile({c}, {r})" for r in (0, 1, 2, 3, 4, 5)]
    cores = []
    for c in range(4):
        chain = [f"t{c}_0"] + [f"t{c}_{r}" for r in (2, 3, 4, 5)] + [f"t{c}_0"]
        for i in range(len(chain) - 1):
            depth = "[2, 2]" if "_0" in chain[i] + chain[i + 1] else "2 : i32"
            out.append(f"    aie.objectfifo @f{c}_{i}(%{chain[i]}, {{%{chain[i + 1]}}}, {depth}) : "
                       "!aie.objectfifo<memref<64xi32>>")
            if i < 4:
                cores.append((c, 2 + i, f"f{c}_{i}", f"f{c}_{i + 1}"))
    groups = max(1, round((lines - len(out) - 2 - 4 * len(cores)) / (7 * len(cores))))
    for c, r, fin, fout in cores:
        out += [f"    %core{c}_{r} = aie.core(%t{c}_{r}) {{", "      %n = arith.constant 0x10 : i32"]
        for g in range(groups):
            out += [
                f"      %a{g} = aie.objectfifo.acquire @{fin}(Consume, 1) : !aie.objectfifosubview<memref<64xi32>>",
                f"      %x{g} = aie.objectfifo.subview.access %a{g}[0] : !aie.objectfifosubview<memref<64xi32>>"
                " -> memref<64xi32>",
                f"      %b{g} = aie.objectfifo.acquire @{fout}(Produce, 1) : !aie.objectfifosubview<memref<64xi32>>",
                f"      %y{g} = aie.objectfifo.subview.access %b{g}[0] : !aie.objectfifosubview<memref<64xi32>>"
                " -> memref<64xi32>",
                f"      func.call @k(%x{g}, %y{g}, %n) : (memref<64xi32>, memref<64xi32>, i32) -> ()",
                f"      aie.objectfifo.release @{fin}(Consume, 1)",
                f"      aie.objectfifo.release @{fout}(Produce, 1)",
            ]
        out += ["      aie.end", '    } {link_with = "k.o"}']
    return "\n".join(out + ["  }", "}"]) + "\n"


def long_design(cores: int = 16, steps: int = 19) -> str:
    """A generated npu1 design of about a thousand lines: 16 cores, each acquiring and releasing in turn."""
    lines = ["module {", "  aie.device(npu1) {"]
    for c in range(4):
        lines.append(f"    %shim_{c} = aie.tile({c}, 0)")
    for k in range(cores):
        col, row = k % 4, 2 + k // 4
        lines.append(f"    %t{k} = aie.tile({col}, {row})")
        lines.append(f"    aie.objectfifo @f{k}(%shim_{col}, {{%t{k}}}, 2 : i32) : !aie.objectfifo<memref<256xi32>>")
    for k in range(cores):
        lines += [f"    %core{k} = aie.core(%t{k}) {{", "      %c0 = arith.constant 0 : index",
                  "      %c1 = arith.constant 1 : index", "      %c8 = arith.constant 8 : index",
                  "      scf.for %i = %c0 to %c8 step %c1 {"]
        for s in range(steps):
            lines += [f"        %s{s} = aie.objectfifo.acquire @f{k}(Consume, 1) : "
                      f"!aie.objectfifosubview<memref<256xi32>>",
                      f"        %b{s} = aie.objectfifo.subview.access %s{s}[0] : "
                      f"!aie.objectfifosubview<memref<256xi32>> -> memref<256xi32>",
                      f"        aie.objectfifo.release @f{k}(Consume, 1)"]
        lines += ["      }", "      aie.end", "    }"]
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"
