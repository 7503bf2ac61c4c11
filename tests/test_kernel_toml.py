"""kernel.toml must say what the build measures, and the C must suit an AIE core."""
import re
import shutil
import subprocess

import numpy as np
import pytest

from partitioner import kernel_spec, params, profiles
from kernels.mel_tools import hostbuild, kernel, measure

SPEC = kernel_spec.load("mel")


@pytest.fixture(scope="module")
def measured():
    return measure.measure_kernel("mel", count_instructions=False)


def test_static_data_matches_the_build(measured):
    assert SPEC.sections == measured.sections
    assert SPEC.static_data_bytes == measured.static_data_bytes, \
        "kernel.toml is stale: run `npu-tiler kernel-info --write`"


def test_stack_matches_the_build(measured):
    assert SPEC.stack_by_entry == measured.stack_by_entry
    assert SPEC.stack_bytes == measured.stack_bytes
    # The default AIE core stack is 1 KiB (mlir-aie's stack_size); the kernel
    # keeps its frame buffers static so it fits with room to spare.
    assert SPEC.stack_bytes < 1024


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind not installed: cannot count instructions")
def test_instruction_counts_match_the_build():
    m = measure.measure_kernel("mel", count_instructions=True)
    for entry in SPEC.entries.values():
        assert entry.instructions_per_frame == m.instructions_per_frame[entry.symbol]


def test_tables_stay_small():
    # The prior art's HTK filterbank alone took 44 KB of the 64 KiB tile.
    assert SPEC.static_data_bytes < 8 * 1024


def test_sparse_filter_table_size_is_what_the_sections_hold():
    # .rodata holds the tables; each is sized here from mel_tables.h by hand:
    # window 201 x 4, cos split in two halves 101 x 2 + 101 x 2, perm 200,
    # radices 5, twiddle steps 5 x 2, start/len 80 + 80, offsets 80 x 2,
    # triangles 391 x 2, log10 enorm 80 x 4, log2 65 x 4.
    tables = 201 * 4 + 101 * 2 * 2 + 200 + 5 + 5 * 2 + 80 + 80 + 80 * 2 + 391 * 2 + 80 * 4 + 65 * 4
    # Only alignment padding on top: x86-64 GCC starts each array of 32 B or more on 32 B.
    assert tables <= SPEC.sections[".rodata"] <= tables + 12 * 31
    # .bss: two 200-word FFT arrays and one 201-word spectrum scratch.
    assert 200 * 4 * 2 + 201 * 4 <= SPEC.sections[".bss"] <= 200 * 4 * 2 + 201 * 4 + 64


def test_entry_bytes_per_frame_are_what_the_kernel_reads_and_writes():
    # The binding sizes its arrays from kernel.toml, so the figures are checked
    # against mel.h by hand: a frame is MEL_N_FFT = 400 int16 samples, a hop
    # MEL_HOP = 160, the state MEL_OVERLAP = 240; a spectrum MEL_SPEC_WORDS = 201
    # uint32 words; a log-mel frame MEL_N_MELS = 80 int16.
    # (tests/test_kernel_facts.py measures how many bytes each entry writes.)
    frames = np.zeros((3, 400), np.int16)
    spec = kernel.mel_spectrum(frames)
    out = kernel.mel_logmel(spec)
    e = SPEC.entries
    assert e["frames"].in_bytes_per_frame == frames.nbytes // 3 == 400 * 2
    assert e["spectrum"].out_bytes_per_frame == e["logmel"].in_bytes_per_frame == 201 * 4
    assert e["frames"].out_bytes_per_frame == e["logmel"].out_bytes_per_frame == 80 * 2
    assert spec.shape == (3, 201) and out.shape == (3, 80)
    assert e["hops"].in_bytes_per_frame == 160 * 2 and e["hops"].state_bytes == 240 * 2
    # Symbols exist in the host library.
    lib = kernel._lib()
    for entry in e.values():
        assert hasattr(lib, entry.symbol)


def test_pipeline_chains_end_where_the_fused_kernel_ends():
    for chain, fused_input in (("framed", "frames"), ("streamed", "hops")):
        stages = SPEC.stages(chain)
        fused = SPEC.fused(fused_input)
        assert stages[0].consumes == fused.consumes and stages[-1].produces == fused.produces
        for a, b in zip(stages, stages[1:]):
            assert a.produces == b.consumes and a.out_bytes_per_frame == b.in_bytes_per_frame


def test_c_source_is_aie_portable():
    src = hostbuild.sources("mel")
    code = "\n".join(p.read_text() for p in src.all_files)
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    for banned in ("float", "double", "malloc", "free(", "math.h", "stdlib.h", "stdio.h", "string.h"):
        assert banned not in code, f"{banned} in the kernel source"


def test_object_calls_no_library_function(tmp_path):
    # Freestanding build: no undefined symbol at all (no memcpy/memset the
    # compiler slipped in, no libgcc helper), as the AIE link has no libc.
    obj = hostbuild.build_object(hostbuild.sources("mel"), tmp_path, extra=("-ffreestanding",))
    nm = shutil.which("nm")
    if nm is None:
        pytest.skip("nm (binutils) not installed")
    undefined = subprocess.run([nm, "-u", str(obj)], capture_output=True, text=True, check=True).stdout.split()
    assert undefined == []


def test_call_graph_parser_finds_the_deepest_path():
    ci = '''
node: { title: "a" label: "a\\nf.c:1:1\\n48 bytes (static)" }
node: { title: "b" label: "b\\nf.c:2:1\\n100 bytes (static)" }
node: { title: "c" label: "c\\nf.c:3:1\\n16 bytes (static)" }
edge: { sourcename: "a" targetname: "b" label: "f.c:1:5" }
edge: { sourcename: "a" targetname: "c" label: "f.c:1:6" }
edge: { sourcename: "b" targetname: "c" label: "f.c:2:6" }
'''
    g = measure.call_graph(ci)
    assert measure.worst_stack(g, "a") == 48 + 100 + 16
    assert measure.worst_stack(g, "c") == 16


def test_seed_spec_reproduces_the_seeds_footprint():
    seed = kernel_spec.load("seed-mel")
    frames = seed.entry("frames")
    # By hand from the seed's kernel, not from kernel.toml: a frame is 400 int16
    # samples in, 80 int8 values out.
    assert (frames.in_bytes_per_frame, frames.out_bytes_per_frame) == (400 * 2, 80 * 1)
    # The stack is mlir-aie's default aie.core stack_size (profiles.toml), not fitted.
    assert seed.stack_bytes == profiles.load().default_stack_bytes == 1024
    # static_data_bytes is what batch-20's published figure leaves beside its
    # double-buffered FIFOs and the stack (kernel.toml's derivation), so checking
    # it against that figure cannot fail. What can: batch-10, a second published
    # design (seed.toml), must leave the same bytes, or the seed's footprint is
    # not "buffers + stack + state + one static figure". The state: the seed's toolchain (aiecc.py,
    # 2025-11-01, default profile 2025.09) lowers ObjectFIFOs dynamically (mlir-aie PR #2549), one
    # i32 per FIFO port the core acquires: frames in, bands out.
    published = params.seed()
    state = 2 * 4 if profiles.load().objectfifo_lowering == "dynamic" else 0
    for row, batch in (("seed batch-20", 20), ("seed batch-10", 10)):
        buffers = 2 * batch * (400 * 2) + 2 * batch * (80 * 1)
        rest = published.row(row).bytes_per_tile - buffers - 1024 - state
        assert rest == seed.static_data_bytes, f"{row}: {rest} B beside buffers and stack"
