"""Measure a kernel from its host build: static data, stack, instructions per frame.

These are the figures ``kernels/<name>/kernel.toml`` states in its
``[measured]`` table; ``npu-tiler kernel-info --write`` refreshes them and
``tests/test_kernel_toml.py`` fails when they disagree with a fresh build.

* static data: the sizes of every ``.data*``, ``.rodata*``, ``.bss*`` (and
  small-data) section of the compiled object, as ``size -A`` reports them;
* stack: GCC's ``-fcallgraph-info=su`` call graph with each function's frame,
  the deepest path from each entry point (the host figure; AIE2's frames
  differ, so it is an estimate there);
* instructions per frame: valgrind's callgrind, inclusive count of each entry
  point over a fixed input, divided by the frames it processed.

And one figure kernel.toml does not hold: :func:`proxy32_instructions_per_frame`
counts the instructions per frame of a 32-bit proxy build, the kernel compiled
for ARMv6-M (Thumb-1: a 32 x 32 -> 32-bit multiply, no 64-bit multiply, no
divide, no count-leading-zeros, like AIE2's scalar unit apart from its clz)
and run under ``qemu-arm``, split into the kernel's own instructions and those
of any libgcc helper it calls. ``python -m kernels.mel_tools.measure`` prints it beside the
host count.
"""
from __future__ import annotations

import argparse
import bisect
import collections
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np
import tomlkit

from kernels.mel_tools import fixtures
from kernels.mel_tools.hostbuild import C_STD_FLAGS, HostBuildError, KernelSources, build_object, compiler, sources
from kernels.mel_tools.kernel import binding
from partitioner import kernel_spec, safe_write

STATIC_PREFIXES = (".data", ".rodata", ".bss", ".sdata", ".sbss", ".tdata", ".tbss")
CALLGRIND_FRAMES = 16


@dataclass
class Measurement:
    sections: dict[str, int]
    stack_by_entry: dict[str, int]
    instructions_per_frame: dict[str, int] = field(default_factory=dict)
    stage_ops: "StageOps | None" = None  # per entry, stage and class on the 32-bit proxy (qemu-arm)

    @property
    def static_data_bytes(self) -> int:
        return sum(self.sections.values())

    @property
    def stack_bytes(self) -> int:
        return max(self.stack_by_entry.values())


def section_sizes(obj: Path) -> dict[str, int]:
    """Static data sections of an object file and their sizes in bytes."""
    tool = shutil.which("size")
    if tool is None:
        raise HostBuildError("`size` (GNU binutils) not found: apt-get install binutils")
    out = subprocess.run([tool, "-A", str(obj)], capture_output=True, text=True, check=True).stdout
    sizes: dict[str, int] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith(STATIC_PREFIXES) and parts[1].isdigit():
            sizes[parts[0]] = sizes.get(parts[0], 0) + int(parts[1])
    return dict(sorted(sizes.items()))


_NODE = re.compile(r'node: \{ title: "([^"]+)" label: "([^"\\]+)\\n[^"]*?\\n(\d+) bytes')
_EDGE = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')


def call_graph(ci_text: str) -> nx.DiGraph:
    """GCC's ``.ci`` (VCG) call graph: nodes carry ``frame`` bytes and ``name``."""
    g = nx.DiGraph()
    for title, name, frame in _NODE.findall(ci_text):
        g.add_node(title, name=name, frame=int(frame))
    for src, dst in _EDGE.findall(ci_text):
        g.add_edge(src, dst)
    return g


def worst_stack(g: nx.DiGraph, entry: str) -> int:
    """Deepest sum of frames on any call path from ``entry`` (the graph has no cycles)."""
    if not nx.is_directed_acyclic_graph(g):
        raise HostBuildError("the kernel's call graph has a cycle: recursion is not allowed on AIE")
    depth: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(g))):
        # Functions the compiler did not describe (library calls) count as 0.
        own = g.nodes[node].get("frame", 0)
        depth[node] = own + max((depth[s] for s in g.successors(node)), default=0)
    titles = [n for n, d in g.nodes(data=True) if d.get("name") == entry]
    if not titles:
        raise HostBuildError(f"entry point {entry!r} not found in the kernel's call graph")
    return max(depth[t] for t in titles)


def stack_usage(src: KernelSources, entries: list[str]) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        build_object(src, Path(tmp), extra=("-fstack-usage", "-fcallgraph-info=su"))
        text = "".join(p.read_text() for p in sorted(Path(tmp).glob("*.ci")))
    g = call_graph(text)
    return {e: worst_stack(g, e) for e in entries}


def _driver_source(calls: dict[str, str]) -> str:
    """A C program that runs each entry point once on CALLGRIND_FRAMES frames of noise."""
    body = "\n".join(f"    {code}" for code in calls.values())
    return f"""
#include <stdint.h>
#include "mel.h"
#define T {CALLGRIND_FRAMES}
static int16_t frames[T * MEL_N_FFT], hops[T * MEL_HOP], state[MEL_OVERLAP], out[T * MEL_N_MELS];
static uint32_t spec[T * MEL_SPEC_WORDS];
int main(void) {{
    uint32_t s = 12345u;
    for (int i = 0; i < T * MEL_N_FFT; ++i) {{ s = s * 1664525u + 1013904223u; frames[i] = (int16_t)(s >> 16) / 4; }}
    for (int i = 0; i < T * MEL_HOP; ++i) hops[i] = frames[i];
{body}
    return out[0] == 12345;
}}
"""


def instructions_per_frame(src: KernelSources, calls: dict[str, str]) -> dict[str, int]:
    """Inclusive x86-64 instructions per frame of each entry point, by callgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise HostBuildError("valgrind not found (apt-get install valgrind): cannot count instructions")
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        (tmpd / "driver.c").write_text(_driver_source(calls))
        exe = tmpd / "driver"
        cmd = [compiler(), *C_STD_FLAGS, "-fno-inline-functions-called-once", f"-I{src.folder}",
               str(tmpd / "driver.c"), *map(str, src.c_files), "-o", str(exe)]
        subprocess.run(cmd, check=True, capture_output=True)
        out = tmpd / "callgrind.out"
        subprocess.run([valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", str(exe)],
                       check=True, capture_output=True)
        ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(out)],
                             capture_output=True, text=True, check=True).stdout
    counts: dict[str, int] = {}
    for line in ann.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+\S*:(\w+)\b", line)
        if m and m.group(2) in calls:
            counts[m.group(2)] = int(m.group(1).replace(",", "")) // CALLGRIND_FRAMES
    missing = set(calls) - set(counts)
    if missing:
        raise HostBuildError(f"callgrind reported no count for {sorted(missing)}")
    return counts


def measure(src: KernelSources, entries: list[str], calls: dict[str, str] | None = None) -> Measurement:
    with tempfile.TemporaryDirectory() as tmp:
        obj = build_object(src, Path(tmp))
        sections = section_sizes(obj)
    m = Measurement(sections=sections, stack_by_entry=stack_usage(src, entries))
    if calls:
        m.instructions_per_frame = instructions_per_frame(src, calls)
    return m


def call_expression(symbol: str, consumes: str, produces: str, has_state: bool) -> str:
    """The C call the callgrind driver makes for an entry point (mel.h conventions)."""
    src = {"frames": "frames", "hops": "hops", "chunk": "frames", "spectrum": "spec"}[consumes]
    dst = {"spectrum": "spec", "logmel": "out"}[produces]
    state = "state, " if has_state else ""
    return f"{symbol}({src}, {state}{dst}, T);"


def measure_kernel(name: str, count_instructions: bool = True, count_ops: bool | None = None) -> Measurement:
    """Measure the kernel named in ``kernels/<name>/kernel.toml`` from its sources.

    ``count_instructions``: host instructions per frame (callgrind); ``count_ops`` (default: the same):
    operations per frame by stage and class on the 32-bit proxy (:func:`proxy32_stage_ops`, qemu-arm).
    """
    spec = kernel_spec.load(name, require_measured=False)
    if not spec.has_sources:
        raise HostBuildError(f"kernel {name!r} has no sources to measure (a footprint-only spec)")
    entries = list(spec.entries.values())
    calls = {e.symbol: call_expression(e.symbol, e.consumes, e.produces, e.state_bytes > 0) for e in entries}
    m = measure(sources(name), [e.symbol for e in entries], calls if count_instructions else None)
    if count_instructions if count_ops is None else count_ops:
        m.stage_ops = proxy32_stage_ops(name)
    return m


def measured_table(m: Measurement) -> dict:
    """The ``[measured]`` table of kernel.toml for a measurement."""
    table: dict = {
        "static_data_bytes": m.static_data_bytes,
        "stack_bytes": m.stack_bytes,
        "sections": dict(m.sections),
        "stack_by_entry": dict(sorted(m.stack_by_entry.items())),
    }
    if m.instructions_per_frame:
        table["instructions_per_frame"] = dict(sorted(m.instructions_per_frame.items()))
    if m.stage_ops is not None:
        table["code_bytes_proxy"] = m.stage_ops.text_bytes
        table["control_transfers_proxy"] = m.stage_ops.control_transfers
        table["static_ops_proxy"] = m.stage_ops.static_ops
        table["long_instructions_proxy"] = m.stage_ops.long_instructions
        table["ops_frames"] = m.stage_ops.frames
        table["ops_method"] = OPS_METHOD
        table["ops_per_frame"] = m.stage_ops.ops
    return table


OPS_METHOD = ("ARMv6-M proxy (-mthumb -march=armv6-m -O2 -ffreestanding -g) under qemu-arm -d in_asm,exec,nochain; "
              "classes by Thumb mnemonic, stages by addr2line -i (sim/measure.py)")


#: How kernel.toml's central estimate is formed (partitioner/params/costs.toml [profiles.scalar.central]).
CENTRAL_NOTE = ("central estimate per entry, cycles per frame: one operation per bundle, every latency hidden and "
                "every delay slot filled, no hardware loop (costs.toml [profiles.<p>.central]), clamped per stage "
                "into [low, high]")


def band_tables(spec) -> dict:
    """The ``[cycle_bands]`` of kernel.toml: per cost profile, each stage of the first fused entry and
    every entry, cycles per frame as [low, high] (what the model gives with costs.toml)."""
    if not spec.has_stage_model:
        return {}
    fused = next((e for e in spec.entries.values() if e.role == "fused"), next(iter(spec.entries.values())))
    out = {}
    for name in kernel_spec.profile_names():
        stages = spec.stage_bands(fused.name, name)
        out[name] = {
            "note": f"cycles per frame [low, high]; stages of {fused.symbol}; regenerated by "
                    f"`npu-tiler kernel-info --write` from [measured.ops_per_frame] and partitioner/params/costs.toml",
            "stages": {st: [round(b.low, 1), round(b.high, 1)] for st, b in stages.items()},
            "entries": {e.symbol: [round(b.low, 1), round(b.high, 1)]
                        for e in spec.entries.values() for b in [spec.cycle_band(e.name, name)] if b is not None},
        }
        central = {e.symbol: round(c, 1) for e in spec.entries.values()
                   for c in [spec.central_cycles(e.name, name)] if c is not None}
        if central:
            out[name]["central"] = central
            out[name]["central_note"] = CENTRAL_NOTE
    return out


def write_measured(toml_file: Path, m: Measurement) -> None:
    """Replace the ``[measured]`` table of a kernel.toml (and its ``[cycle_bands]``), keeping the rest.

    Figures this measurement did not take (host instructions, proxy operation counts: e.g. with
    ``--no-instructions``) are kept from the file as they were."""
    doc = tomlkit.parse(toml_file.read_text())
    old = doc.get("measured", {})
    new = measured_table(m)
    keep = ["instructions_per_frame"] if not m.instructions_per_frame else []
    keep += ["code_bytes_proxy", "control_transfers_proxy", "static_ops_proxy", "long_instructions_proxy",
             "ops_frames", "ops_method", "ops_per_frame"] \
        if m.stage_ops is None else []
    for key in keep:
        if key in old:
            new[key] = old[key].unwrap() if hasattr(old[key], "unwrap") else old[key]
    table = tomlkit.table()
    table.add(tomlkit.comment("from the host build: static data = .data + .rodata + .bss of the object;"))
    table.add(tomlkit.comment("stack = deepest -fcallgraph-info path per entry (host x86-64, an estimate for AIE2);"))
    table.add(tomlkit.comment("code_bytes_proxy, ops_per_frame: the ARMv6-M proxy (see ops_method): operations"))
    table.add(tomlkit.comment("per frame by stage and class, which partitioner/params/costs.toml prices"))
    for key, value in new.items():
        if key == "ops_per_frame":
            ops = tomlkit.table(is_super_table=True)
            for sym, stages in value.items():
                t = tomlkit.table()
                for stage, counts in stages.items():
                    inline = tomlkit.inline_table()
                    inline.update(counts)
                    t[stage] = inline
                ops[sym] = t
            table[key] = ops
        else:
            table[key] = value
    doc["measured"] = table
    safe_write.write_text(toml_file, tomlkit.dumps(doc))  # atomic: never half a kernel.toml
    kernel_spec.load.cache_clear()
    spec = kernel_spec.load(toml_file.parent.name, require_measured=False)
    bands = band_tables(spec)
    if bands:
        doc = tomlkit.parse(toml_file.read_text())
        doc["cycle_bands"] = bands
        safe_write.write_text(toml_file, tomlkit.dumps(doc))
        kernel_spec.load.cache_clear()


# ---- the 32-bit proxy build ---------------------------------------------------------------------

PROXY32_CC = "arm-linux-gnueabi-gcc"
#: How the proxy compiles the kernel: what tests/test_kernel_32bit.py builds too.
PROXY32_FLAGS = ("-mthumb", "-march=armv6-m", "-O2", "-ffreestanding")
PROXY32_FRAMES = 4


@dataclass
class ProxyCount:
    """Instructions per frame of ``mel_frames`` in the ARMv6-M proxy build, by where they ran."""

    kernel: int
    helpers: dict[str, int]

    @property
    def total(self) -> int:
        return self.kernel + sum(self.helpers.values())


def armv6m_libgcc() -> Path | None:
    """libgcc built for ARMv6-M (from gcc-arm-none-eabi), or None.

    The proxy's own libgcc (gcc-arm-linux-gnueabi) is built for ARMv5TE in ARM
    state, with a 64-bit multiply instruction: its helpers would neither link
    with Thumb-1 callers nor cost what they cost on a core without one. Only
    a kernel that calls helpers needs this one."""
    cc = shutil.which("arm-none-eabi-gcc")
    if cc is None:
        return None
    out = subprocess.run([cc, "-mthumb", "-march=armv6-m", "-print-libgcc-file-name"],
                         capture_output=True, text=True).stdout.strip()
    return Path(out) if out and Path(out).is_file() else None


def _proxy_driver(frames: int) -> str:
    return f"""
#include <stdint.h>
#include "mel.h"
#define T {frames}
static int16_t frames[T * MEL_N_FFT], out[T * MEL_N_MELS];
int main(void) {{
    uint32_t s = 12345u;
    for (int i = 0; i < T * MEL_N_FFT; ++i) {{ s = s * 1664525u + 1013904223u; frames[i] = (int16_t)(s >> 16) / 4; }}
    mel_frames(frames, out, T);
    return out[0] == 12345;
}}
"""


def _text_ranges(map_file: Path) -> list[tuple[int, int, str]]:
    """(start, end, input file) of every .text input section in a GNU ld map."""
    text = map_file.read_text()
    pat = re.compile(r"^ \.text\S*\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)$", re.M)
    return sorted((int(a, 16), int(a, 16) + int(n, 16), obj) for a, n, obj in pat.findall(text) if int(n, 16))


def count_qemu_instructions(exe: Path) -> dict[int, int]:
    """Executed guest instructions of ``exe`` under qemu-arm, per translation-block start address.

    qemu's user-mode emulator without its plugins: ``-d in_asm`` prints each
    translated block's instructions once, ``-d exec`` with ``nochain`` logs
    every execution of a block, and the two multiply up."""
    qemu = shutil.which("qemu-arm")
    if qemu is None:
        raise HostBuildError("qemu-arm not found (apt-get install qemu-user)")
    proc = subprocess.Popen([qemu, "-d", "in_asm,exec,nochain", "-D", "/dev/stderr", str(exe)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    size: dict[int, int] = {}
    runs: collections.Counter[int] = collections.Counter()
    block = None
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("Trace "):
            runs[int(line.split("[", 1)[1].split("/")[1], 16)] += 1
        elif line.startswith("IN:"):
            block = None
        elif line.startswith("0x"):
            pc = int(line[2:line.index(":")], 16)
            if block is None:
                block = pc
                size[block] = 0
            size[block] += 1
    if proc.wait() not in (0, 1):  # the driver returns 0 or 1
        raise HostBuildError(f"{exe.name} failed under qemu-arm (exit {proc.returncode})")
    return {pc: n * size.get(pc, 0) for pc, n in runs.items()}


def proxy32_instructions_per_frame(src: KernelSources, frames: int = PROXY32_FRAMES,
                                   libgcc: Path | None = None) -> ProxyCount:
    """Instructions per frame of ``mel_frames`` built for ARMv6-M, counted under qemu-arm.

    The kernel is compiled with :data:`PROXY32_FLAGS`, linked statically with a
    driver that runs it on ``frames`` frames of noise, and every instruction
    executed inside the kernel's object or a libgcc helper is counted (the
    driver and the C library are not). Helpers resolve from ``libgcc`` (default
    :func:`armv6m_libgcc`); a kernel that needs none links without it."""
    cc = shutil.which(PROXY32_CC)
    if cc is None:
        raise HostBuildError(f"{PROXY32_CC} not found (apt-get install gcc-arm-linux-gnueabi)")
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        objs = []
        for c in src.c_files:
            obj = tmpd / (c.stem + ".o")
            subprocess.run([cc, *PROXY32_FLAGS, f"-I{src.folder}", "-c", str(c), "-o", str(obj)],
                           check=True, capture_output=True)
            objs.append(obj)
        undefined = subprocess.run([PROXY32_CC.replace("gcc", "nm"), "-u", *map(str, objs)],
                                   capture_output=True, text=True, check=True).stdout.split()
        helpers_lib = []
        if [u for u in undefined if u not in ("U",) and not u.endswith(":")]:
            lib = libgcc or armv6m_libgcc()
            if lib is None:
                raise HostBuildError("the kernel calls libgcc helpers and no ARMv6-M libgcc was found "
                                     "(apt-get install gcc-arm-none-eabi)")
            helpers_lib = [str(lib)]
        (tmpd / "driver.c").write_text(_proxy_driver(frames))
        exe, map_file = tmpd / "driver", tmpd / "driver.map"
        subprocess.run([cc, "-O2", "-static", f"-I{src.folder}", str(tmpd / "driver.c"), *map(str, objs),
                        *helpers_lib, "-o", str(exe), f"-Wl,-Map,{map_file}"], check=True, capture_output=True)
        ranges = _text_ranges(map_file)
        counts = count_qemu_instructions(exe)
    starts = [a for a, _, _ in ranges]
    kernel_objs = {str(o) for o in objs}
    kernel, helpers = 0, collections.Counter()
    for pc, n in counts.items():
        i = bisect.bisect_right(starts, pc) - 1
        if i < 0 or pc >= ranges[i][1]:
            continue
        obj = ranges[i][2]
        if obj in kernel_objs:
            kernel += n
        elif helpers_lib and obj.startswith(helpers_lib[0]):
            helpers[obj.rsplit("(", 1)[-1].rstrip(")")] += n
    return ProxyCount(kernel=kernel // frames, helpers={k: v // frames for k, v in sorted(helpers.items())})


# ---- per-stage operation counts on the 32-bit proxy ----------------------------------------------
#
# The cycle model (partitioner/kernel_spec.py, partitioner/params/costs.toml) needs, per entry point and
# per stage of the kernel, how many operations of each class one frame executes. They are counted on
# the same ARMv6-M proxy build as above, under qemu-arm, with every executed instruction attributed
#
# * to a class by its Thumb mnemonic (:func:`thumb_classes`), and
# * to a stage by where it comes from in the source: the object is compiled with ``-g`` (which does not
#   change the code GCC generates) and each executed address is resolved with ``addr2line -i``, which
#   names the whole chain of inlined functions; the innermost function that is not a shared helper
#   (:data:`HELPERS`) decides the stage (:data:`STAGE_OF`). ``logmel_one`` holds two stages: its lines
#   up to the end of the mel sums (the line of :data:`MEL_END_MARK`) are "mel", the rest "log".
#
# Symbol ranges alone would not do: GCC inlines most static functions (split_real, log2_q24, the
# helpers), so a stage's code sits inside another function's range. Stage-wise drivers alone would
# give only the two pipeline stages. Each entry point runs in its own driver (so its counts hold only
# its own work) on frames of the built-in speech, whose inputs are computed on the host and compiled
# into the driver as arrays (the spectrum words of mel_logmel come from the host build, which gives
# the proxy's bits: tests/test_kernel_32bit.py).

#: Operation classes of the cycle model, in the order kernel.toml lists them: the partitioner's own list
#: (AIE2's slots: alu for mul/alu, mv for move, lda for load and store_part, st for store; lng or alu
#: for branch and call; see partitioner/params/costs.toml).
OP_CLASSES = kernel_spec.OP_CLASSES
#: Stages of the mel kernel. "entry" is the entry point's own frame loop and calls, "state" the hop
#: state update of the *_hops entries.
STAGES = ("entry", "window", "fft", "split_power", "mel", "log", "state")
#: Functions of mel.c whose code belongs to one stage wherever it is inlined.
STAGE_OF = {
    "window_pack": "window", "window_at": "window", "sample_at": "window", "window_mul": "window",
    "fft200": "fft", "fft_radix2": "fft", "fft_radix5": "fft", "dft5": "fft", "dft5_part": "fft",
    "rotate": "fft", "twiddle_at": "fft",
    "split_real": "split_power", "power_spectrum": "split_power", "power_word": "split_power",
    "log2_q24": "log",
    "advance_state": "state",
    "spectrum_one": "entry",
}
#: Shared helpers: their code counts for the stage of the function they are inlined into.
HELPERS = {"split15", "wide_mac", "wide_msub", "wide_round30", "wide_round31", "wide_floor30",
           "qcos", "qsin", "bit_length32", "clz32"}
#: The last source line of logmel_one that is part of the mel sums (the carry between the halves).
MEL_END_MARK = "acc_lo &= (1u << MEL_ACC_SPLIT) - 1u;"
PROXY32_STAGE_FRAMES = 8

_BRANCHES = {"b", "beq", "bne", "bcs", "bhs", "bcc", "blo", "bmi", "bpl", "bvs", "bvc", "bhi", "bls",
             "bge", "blt", "bgt", "ble", "b.n", "b.w"}
_INSN = re.compile(r"^0x([0-9a-f]+):\s+(?:[0-9a-f]{8}|[0-9a-f]{4}(?: [0-9a-f]{4})?)\s+(\S+)\s*(.*)$")


def _reg_count(operands: str) -> tuple[int, bool]:
    """Registers named in a Thumb register list ``{r4, r5, r7, lr}`` (ranges counted), and whether pc is one."""
    inside = operands[operands.find("{") + 1:operands.find("}")]
    n = 0
    pc = False
    for part in (p.strip() for p in inside.split(",") if p.strip()):
        if "-" in part:
            a, b = (int(x.strip().lstrip("r")) for x in part.split("-"))
            n += b - a + 1
        else:
            n += 1
            pc = pc or part == "pc"
    return n, pc


#: Thumb moves that AIE2 issues in its mv slot (llvm-aie AIE2GenInstrInfo.td @ 275b8c4d: MOV_mv_scl for a
#: register copy, MOV_mv_cg for an immediate up to 10 bits; Thumb-1's ``movs rX, #imm8`` fits that).
_MOVES = {"mov", "movs", "cpy"}
#: Part-word stores (8 and 16 bits): AIE2's ST_S8/ST_S16 issue in the lda slot as read-modify-write.
_PART_STORES = {"strb", "strh"}


def thumb_classes(mnemonic: str, operands: str) -> dict[str, int]:
    """The operations one executed ARMv6-M (Thumb) instruction stands for, by class.

    * mul: ``muls`` (32 x 32 -> 32 bits, AIE2's ``mul``, an alu-slot instruction);
    * move: ``mov``/``movs`` (register copy or 8-bit immediate: AIE2's mv-slot ``mov``);
    * load / store: ``ldr*`` / ``str``, and ``ldm``/``pop`` / ``stm``/``push`` as one per register
      (AIE2 loads and stores one scalar word per slot and cycle);
    * store_part: ``strb`` / ``strh`` (AIE2's part-word stores: lda slot, read-modify-write);
    * branch: ``b`` and conditional branches, ``bx`` to a register other than lr;
    * call: ``bl``/``blx`` and the return (``bx lr``, ``pop {.., pc}``: the return itself, the
      other registers popped are loads);
    * alu: everything else (adds, shifts, logic, compares, extends, negation), alu-slot only on AIE2,
      and a literal-pool load ``ldr rX, [pc, #..]``: a constant, not data; Thumb-1 takes one from the pool
      when it does not fit ``movs``'s 8 bits, and AIE2 materialises such a constant with ``movxm``, a 48-bit
      lng instruction that takes the alu+mv field (counted against the alu slot: the conservative side).

    Examples
    --------
    >>> thumb_classes("movs", "r3, #1"), thumb_classes("strh", "r3, [r2]"), thumb_classes("adds", "r0, #1")
    ({'move': 1}, {'store_part': 1}, {'alu': 1})
    """
    m = mnemonic.lower()
    ops = operands.replace(" ", "").lower()
    if m in ("muls", "mul"):
        return {"mul": 1}
    if m in ("push", "stm", "stmia", "stmea"):
        return {"store": _reg_count(operands)[0]}
    if m in ("pop", "ldm", "ldmia", "ldmfd"):
        n, pc = _reg_count(operands)
        return {"load": n - 1, "call": 1} if pc else {"load": n}
    if m.startswith("ldr"):
        return {"alu": 1} if ",[pc" in ops else {"load": 1}
    if m in _PART_STORES:
        return {"store_part": 1}
    if m.startswith("str"):
        return {"store": 1}
    if m in ("bl", "blx"):
        return {"call": 1}
    if m == "bx":
        return {"call": 1} if ops == "lr" else {"branch": 1}
    if m in _BRANCHES:
        return {"branch": 1}
    if m in _MOVES:
        return {"move": 1}
    return {"alu": 1}


def is_long_instruction(mnemonic: str, operands: str) -> bool:
    """True when the Thumb instruction becomes a 48-bit lng-slot instruction on AIE2: an immediate jump
    (``b``, conditional branches: AIE2's J/JZ/JNZ), an immediate call (``bl``: JL), or a 32-bit constant
    from the literal pool (MOVXM) (llvm-aie AIE2GenInstrInfo.td @ 275b8c4d: J_jump_imm, JZ, JNZ, JL,
    MOVXM_lng_cg). A return (``bx lr``: RET) and an indirect jump are 32-bit alu-slot instructions.

    >>> is_long_instruction("bne", "#0x1160e"), is_long_instruction("bx", "lr")
    (True, False)
    """
    m = mnemonic.lower()
    return m in _BRANCHES or m == "bl" or (m.startswith("ldr") and ",[pc" in operands.replace(" ", "").lower())


def stage_of(chain: list[tuple[str, int]], mel_end_line: int) -> str | None:
    """The stage of one address from its inline chain ``[(function, line), ...]``, innermost first;
    None for code of a shared helper that was not inlined (it counts for the stage that called it)."""
    for func, line in chain:
        if func in HELPERS:
            continue
        if func == "logmel_one":
            return "mel" if line <= mel_end_line else "log"
        if func in STAGE_OF:
            return STAGE_OF[func]
        if func.startswith("mel_"):
            return "entry"
        raise HostBuildError(f"no stage for kernel function {func!r}: add it to kernels/mel_tools/measure.py STAGE_OF "
                             f"(or HELPERS)")
    return None


def _addr2line(exe: Path, pcs: list[int]) -> dict[int, list[tuple[str, int]]]:
    """Inline chain of each address: [(function, line)], innermost first (binutils' addr2line -i)."""
    tool = shutil.which(PROXY32_CC.replace("gcc", "addr2line"))
    if tool is None:
        raise HostBuildError(f"{PROXY32_CC.replace('gcc', 'addr2line')} not found "
                             f"(apt-get install binutils-arm-linux-gnueabi)")
    out = subprocess.run([tool, "-a", "-f", "-i", "-e", str(exe)], input="".join(f"0x{pc:x}\n" for pc in pcs),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    chains: dict[int, list[tuple[str, int]]] = {}
    pc = None
    i = 0
    while i < len(out):
        line = out[i]
        if line.startswith("0x"):
            pc = int(line, 16)
            chains[pc] = []
            i += 1
            continue
        func, where = line.strip(), out[i + 1] if i + 1 < len(out) else "??:0"
        m = re.search(r":(\d+)", where)
        chains[pc].append((func, int(m.group(1)) if m else 0))
        i += 2
    return chains


def _qemu_trace(exe: Path) -> tuple[dict[int, list[int]], dict[int, tuple[str, str]], list[int]]:
    """Run ``exe`` under qemu-arm: its translated blocks (start -> instruction addresses), each
    instruction's (mnemonic, operands), and the start of every block executed, in order."""
    qemu = shutil.which("qemu-arm")
    if qemu is None:
        raise HostBuildError("qemu-arm not found (apt-get install qemu-user)")
    proc = subprocess.Popen([qemu, "-d", "in_asm,exec,nochain", "-D", "/dev/stderr", str(exe)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    blocks: dict[int, list[int]] = {}
    insn: dict[int, tuple[str, str]] = {}
    order: list[int] = []
    block = None
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("Trace "):
            order.append(int(line.split("[", 1)[1].split("/")[1], 16))
        elif line.startswith("IN:"):
            block = None
        elif line.startswith("0x"):
            m = _INSN.match(line.rstrip())
            if m is None:
                continue
            pc = int(m.group(1), 16)
            if block is None:
                block = pc
                blocks[block] = []
            blocks[block].append(pc)
            insn[pc] = (m.group(2), m.group(3))
    if proc.wait() not in (0, 1):
        raise HostBuildError(f"{exe.name} failed under qemu-arm (exit {proc.returncode})")
    return blocks, insn, order


def _attribute(blocks: dict[int, list[int]], insn: dict[int, tuple[str, str]], order: list[int],
               stage_at: dict[int, str | None]) -> dict[str, collections.Counter[str]]:
    """Operations by stage and class over the executed blocks, in execution order: an instruction of a
    helper that was not inlined (stage None) counts for the stage that ran last before it."""
    runs: collections.Counter[tuple[int, str | None]] = collections.Counter()
    exit_stage: dict[int, str | None] = {}
    for start in blocks:
        last = None
        for pc in blocks[start]:
            last = stage_at.get(pc, last) or last
        exit_stage[start] = last
    current: str | None = None
    for start in order:
        if start not in exit_stage:
            continue
        runs[(start, current)] += 1
        current = exit_stage[start] or current
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (start, before), n in runs.items():
        st = before
        for pc in blocks[start]:
            st = stage_at.get(pc) or st
            if st is None:
                raise HostBuildError(f"kernel code at 0x{pc:x} ran before any stage: cannot attribute it")
            for cls, k in thumb_classes(*insn[pc]).items():
                totals[st][cls] += k * n
    return totals


def _c_array(values: np.ndarray) -> str:
    return "{" + ",".join(str(int(v)) for v in values.ravel()) + "}"


_C_TYPES = {"i8": "int8_t", "u8": "uint8_t", "i16": "int16_t", "u16": "uint16_t", "i32": "int32_t", "u32": "uint32_t"}


def stage_inputs(name: str, frames: int) -> dict[str, np.ndarray]:
    """Inputs of every stream for ``frames`` consecutive frames of the built-in speech (its middle):
    frames, hops with their state, chunk, and the spectrum words (from the host build)."""
    spec = kernel_spec.load(name, require_measured=False)
    g = spec.geometry
    audio = fixtures.default_audio()
    start = (audio.size // 2) // g.hop_samples * g.hop_samples
    chunk = audio[start:start + g.halo_samples + frames * g.hop_samples].astype(np.int16)
    framed = np.stack([chunk[i * g.hop_samples:i * g.hop_samples + g.frame_samples] for i in range(frames)])
    data = {"frames": framed, "chunk": chunk, "hops": chunk[g.halo_samples:], "state": chunk[:g.halo_samples]}
    producer = next((e for e in spec.entries.values() if e.consumes == "frames" and e.produces == "spectrum"), None)
    if producer is not None:
        data["spectrum"] = binding(name).run(producer.name, framed)
    return data


def _stage_driver(spec, e, inputs: dict[str, np.ndarray], frames: int) -> str:
    in_arg, out_arg, state_arg = e.arg("in"), e.arg("out"), e.arg("state")
    lines = ["#include <stdint.h>", f'#include "{spec.name}.h"',
             f"static const {_C_TYPES[in_arg.elem]} in_data[] = {_c_array(inputs[e.consumes])};"]
    call = ["in_data"]
    if state_arg is not None:
        lines.append(f"static {_C_TYPES[state_arg.elem]} state_data[] = {_c_array(inputs['state'])};")
        call.append("state_data")
    lines.append(f"static {_C_TYPES[out_arg.elem]} out_data[{frames * e.out_bytes_per_frame // out_arg.elem_bytes}];")
    call.append("out_data")
    lines += ["int main(void) {", f"    {e.symbol}({', '.join(call)}, {frames});",
              "    return out_data[0] == 12345;", "}"]
    return "\n".join(lines) + "\n"


@dataclass
class StageOps:
    """Per entry symbol, per stage, per class: operations one frame executes on the 32-bit proxy."""

    ops: dict[str, dict[str, dict[str, int]]]
    text_bytes: int  # .text of the proxy object (ARMv6-M Thumb)
    control_transfers: int  # static branches, calls and returns in that .text
    frames: int
    static_ops: int = 0  # operations (thumb_classes) of every instruction in that .text
    long_instructions: int = 0  # of which become 48-bit lng instructions on AIE2 (is_long_instruction)


def _proxy_objects(src: KernelSources, tmpd: Path, extra: tuple[str, ...] = ()) -> list[Path]:
    cc = shutil.which(PROXY32_CC)
    if cc is None:
        raise HostBuildError(f"{PROXY32_CC} not found (apt-get install gcc-arm-linux-gnueabi)")
    objs = []
    for c in src.c_files:
        obj = tmpd / (c.stem + ".o")
        subprocess.run([cc, *PROXY32_FLAGS, *extra, f"-I{src.folder}", "-c", str(c), "-o", str(obj)],
                       check=True, capture_output=True)
        objs.append(obj)
    return objs


@dataclass(frozen=True)
class StaticCode:
    """What the proxy's .text holds, counted instruction by instruction (objdump): the operations
    (:func:`thumb_classes`), the control transfers among them (each has 5 delay slots on AIE2) and the
    instructions that become 48-bit lng instructions (:func:`is_long_instruction`)."""

    ops: int
    control_transfers: int
    long_instructions: int


def _static_code(objs: list[Path]) -> StaticCode:
    tool = shutil.which(PROXY32_CC.replace("gcc", "objdump"))
    if tool is None:
        raise HostBuildError(f"{PROXY32_CC.replace('gcc', 'objdump')} not found (apt-get install binutils-arm-linux-gnueabi)")
    ops = transfers = longs = 0
    for obj in objs:
        text = subprocess.run([tool, "-d", "--no-show-raw-insn", str(obj)], capture_output=True, text=True,
                              check=True).stdout
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and re.match(r"\s*[0-9a-f]+:$", parts[0]):
                mnem, operands = parts[1].strip(), (parts[2] if len(parts) > 2 else "")
                if mnem.startswith("."):  # literal-pool data (.word), not an instruction
                    continue
                cls = thumb_classes(mnem, operands)
                ops += sum(cls.values())
                transfers += cls.get("branch", 0) + cls.get("call", 0)
                longs += is_long_instruction(mnem, operands)
    return StaticCode(ops, transfers, longs)


def proxy32_stage_ops(name: str = "mel", frames: int = PROXY32_STAGE_FRAMES,
                      src: KernelSources | None = None) -> StageOps:
    """Operations per frame by entry point, stage and class, counted on the ARMv6-M proxy under qemu-arm.

    Every entry point of ``kernels/<name>/kernel.toml`` runs in its own static driver on ``frames``
    consecutive frames of the built-in speech; the counts are totals over the run divided by
    ``frames``, rounded to whole operations.
    """
    spec = kernel_spec.load(name, require_measured=False)
    src = src or sources(name)
    cc = shutil.which(PROXY32_CC)
    if cc is None:
        raise HostBuildError(f"{PROXY32_CC} not found (apt-get install gcc-arm-linux-gnueabi)")
    mel_c = src.folder / f"{name}.c"
    mark = [i for i, line in enumerate(mel_c.read_text().splitlines(), 1) if MEL_END_MARK in line]
    if len(mark) != 1:
        raise HostBuildError(f"{mel_c}: the end of the mel sums ({MEL_END_MARK!r}) must appear once; "
                             f"update kernels/mel_tools/measure.py MEL_END_MARK")
    inputs = stage_inputs(name, frames)
    ops: dict[str, dict[str, dict[str, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        objs = _proxy_objects(src, tmpd, ("-g",))
        text_bytes = sum(section_text_bytes(o) for o in objs)
        static = _static_code(objs)
        for e in spec.entries.values():
            (tmpd / "driver.c").write_text(_stage_driver(spec, e, inputs, frames))
            exe, map_file = tmpd / "driver", tmpd / "driver.map"
            subprocess.run([cc, "-O2", "-static", f"-I{src.folder}", str(tmpd / "driver.c"), *map(str, objs),
                            "-o", str(exe), f"-Wl,-Map,{map_file}"], check=True, capture_output=True)
            kernel_ranges = [(a, b) for a, b, obj in _text_ranges(map_file) if obj in {str(o) for o in objs}]
            blocks, insn, order = _qemu_trace(exe)

            def in_kernel(pc: int) -> bool:
                return any(a <= pc < b for a, b in kernel_ranges)

            # Only the kernel's own instructions: blocks are cut to those (the driver and libc are not counted).
            blocks = {b: [pc for pc in pcs if in_kernel(pc)] for b, pcs in blocks.items()}
            blocks = {b: pcs for b, pcs in blocks.items() if pcs}
            pcs = sorted({pc for b in blocks.values() for pc in b})
            chains = _addr2line(exe, pcs)
            stage_at = {pc: stage_of(chains.get(pc, []), mark[0]) for pc in pcs}
            totals = _attribute(blocks, insn, order, stage_at)
            ops[e.symbol] = {s: {c: round(totals[s][c] / frames) for c in OP_CLASSES}
                             for s in STAGES if s in totals}
    return StageOps(ops=ops, text_bytes=text_bytes, control_transfers=static.control_transfers, frames=frames,
                    static_ops=static.ops, long_instructions=static.long_instructions)


def section_text_bytes(obj: Path) -> int:
    """Bytes of the ``.text*`` sections of an object (the ARM cross ``size -A``)."""
    tool = shutil.which(PROXY32_CC.replace("gcc", "size")) or shutil.which("size")
    if tool is None:
        raise HostBuildError("`size` (GNU binutils) not found: apt-get install binutils")
    out = subprocess.run([tool, "-A", str(obj)], capture_output=True, text=True, check=True).stdout
    return sum(int(p[1]) for p in (line.split() for line in out.splitlines())
               if len(p) >= 2 and p[0].startswith(".text") and p[1].isdigit())


def main(argv: list[str] | None = None) -> int:
    """Print the mel kernel's instructions per frame: host (callgrind) and 32-bit proxy (qemu-arm)."""
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--kernel", default="mel")
    ap.add_argument("--folder", type=Path, help="Measure the sources in this folder instead (e.g. an older mel.c).")
    ap.add_argument("--frames", type=int, default=PROXY32_FRAMES)
    args = ap.parse_args(argv)
    src = KernelSources(args.kernel, args.folder.resolve()) if args.folder else sources(args.kernel)
    calls = {e.symbol: call_expression(e.symbol, e.consumes, e.produces, e.state_bytes > 0)
             for e in kernel_spec.load(args.kernel, require_measured=False).entries.values()}
    host = instructions_per_frame(src, calls)
    print(f"host x86-64 (callgrind)   mel_frames {host['mel_frames']:>9,} instructions/frame")
    proxy = proxy32_instructions_per_frame(src, args.frames)
    print(f"ARMv6-M proxy (qemu-arm)  mel_frames {proxy.total:>9,} instructions/frame")
    print(f"  in the kernel's code               {proxy.kernel:>9,}")
    for name, n in proxy.helpers.items():
        print(f"  in libgcc {name:24s} {n:>9,}")
    if not proxy.helpers:
        print("  in libgcc helpers                  0 (none called)")
    if args.folder is None:
        stages = proxy32_stage_ops(args.kernel)
        print(f"ARMv6-M proxy, operations per frame by stage and class ({stages.frames} frames of speech; "
              f".text {stages.text_bytes:,} B):")
        fused = next(e for e in kernel_spec.load(args.kernel, require_measured=False).entries.values() if e.role == "fused")
        print(f"  {fused.symbol:14s} " + " ".join(f"{c:>7s}" for c in OP_CLASSES) + "   total")
        for stage, counts in stages.ops[fused.symbol].items():
            print(f"  {stage:14s} " + " ".join(f"{counts[c]:>7,}" for c in OP_CLASSES)
                  + f" {sum(counts.values()):>8,}")
        spec = kernel_spec.load(args.kernel)
        for name in kernel_spec.profile_names():
            bands = spec.stage_bands(fused.name, name) or {}
            label = kernel_spec.cost_profile(name).label
            print(f"  cycles per frame, {label}: " + ", ".join(f"{st} {b.low:,.0f}-{b.high:,.0f}"
                                                            for st, b in bands.items())
                  + " (kernel.toml's counts; `npu-tiler kernel-info --write` refreshes them)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
