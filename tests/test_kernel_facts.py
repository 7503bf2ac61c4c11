"""Every kernel fact lives in kernel.toml: checked against mel.h by the C compiler, and enough to
bind and run a kernel folder the project has never seen."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import tomlkit

import kernels
from partitioner import kernel_spec
from partitioner.errors import UserError
from partitioner.kernel_spec import EntryPoint
from kernels.mel_tools import audio, fixtures, framing, hostbuild, kernel

MEL = kernel_spec.load("mel")


def _c_type(elem: str) -> str:
    """C type of a kernel.toml element type, written out here independently ("u32" -> uint32_t)."""
    return {"i": "int", "u": "uint"}[elem[0]] + elem[1:] + "_t"


def _c_params(e: EntryPoint) -> str:
    """The C parameter list kernel.toml's ``args`` say the entry has (only ``in`` is const, as in mel.h)."""
    params = []
    for a in e.args:
        if a.role == "n_frames":
            params.append(_c_type(a.elem))
        else:
            params.append(("const " if a.role == "in" else "") + _c_type(a.elem) + " *")
    return ", ".join(params)


def _compile(tmp_path: Path, program: str, run: bool = False) -> subprocess.CompletedProcess:
    """Compile ``program`` against the mel kernel's folder with the project's warning flags."""
    src = tmp_path / "probe.c"
    src.write_text(program)
    exe = tmp_path / "probe"
    cmd = [hostbuild.compiler(), *hostbuild.C_STD_FLAGS, f"-I{MEL.folder}", str(src)]
    cmd += ["-o", str(exe)] if run else ["-c", "-o", str(tmp_path / "probe.o")]
    built = subprocess.run(cmd, capture_output=True, text=True)
    if not run or built.returncode:
        return built
    return subprocess.run([str(exe)], capture_output=True, text=True, check=True)


def _signature_probe(entries: list[EntryPoint]) -> str:
    """C that assigns each mel.h function to a pointer of the type kernel.toml states."""
    lines = ['#include "mel.h"']
    lines += [f"void (*p_{e.name})({_c_params(e)}) = {e.symbol};" for e in entries]
    return "\n".join(lines) + "\n"


# --- kernel.toml against mel.h, by the compiler ---------------------------------------------------


def test_geometry_is_what_mel_h_defines(tmp_path):
    probe = ('#include <stdio.h>\n#include "mel.h"\n'
             'int main(void) { printf("%d %d %d %d %d\\n", MEL_N_FFT, MEL_HOP, MEL_OVERLAP, MEL_N_MELS, '
             'MEL_SPEC_WORDS); return 0; }\n')
    got = [int(v) for v in _compile(tmp_path, probe, run=True).stdout.split()]
    g = MEL.geometry
    assert got == [g.frame_samples, g.hop_samples, g.halo_samples, g.n_mels, g.n_bins]


def test_geometry_is_whispers_and_the_audio_loaders():
    # Whisper's recipe (shared/docs/whisper-mel.md): 16 kHz, n_fft 400, hop 160, 80 mels; 10 ms per frame.
    g = MEL.geometry
    assert (g.sample_rate, g.frame_samples, g.hop_samples, g.n_mels) == (16_000, 400, 160, 80)
    assert g.seconds_per_frame == 0.01
    assert audio.SAMPLE_RATE == g.sample_rate  # the loader resamples to the rate the kernel frames at
    assert kernel_spec.load("seed-mel").geometry == g  # the seed frames 400 int16 samples every 160


def test_signatures_are_what_mel_h_declares(tmp_path):
    # Each entry's mel.h function is assigned to the pointer type kernel.toml's args describe:
    # with -Werror, any difference in a type, its signedness, const or the argument order fails.
    built = _compile(tmp_path, _signature_probe(list(MEL.entries.values())))
    assert built.returncode == 0, built.stderr


def test_the_signature_check_can_fail(tmp_path):
    spectrum = MEL.entry("spectrum")
    signed = replace(spectrum, args=tuple(a._replace(elem="i32") if a.role == "out" else a for a in spectrum.args))
    assert _compile(tmp_path, _signature_probe([signed])).returncode != 0  # uint32_t, not int32_t
    hops = MEL.entry("hops")
    swapped = replace(hops, args=(hops.args[1], hops.args[0], *hops.args[2:]))
    assert _compile(tmp_path, _signature_probe([swapped])).returncode != 0  # in and state swapped: const moves
    # Not seen by the compiler: state and out swapped (both int16_t *). The kernel's
    # behaviour catches that: tests/test_kernel.py checks what the state holds after a call.


def _written_bytes(e: EntryPoint, n: int) -> int:
    """Bytes the entry writes past its output's start for ``n`` frames, seen through guard bytes.

    The output gets twice the room kernel.toml states, filled with a pattern;
    two runs with different patterns find every byte the kernel wrote (a
    written value cannot equal both).
    """
    call = kernel.entry(e.symbol)
    in_arg = e.arg("in")
    written = np.zeros(2 * n * e.out_bytes_per_frame, bool)
    for guard in (0x5A, 0xA5):
        buffers = {"in": np.zeros(e.in_bytes(n) // in_arg.elem_bytes, in_arg.dtype),
                   "out": np.full(written.size, guard, np.uint8)}
        if e.arg("state") is not None:
            buffers["state"] = np.zeros(e.state_bytes // e.arg("state").elem_bytes, e.arg("state").dtype)
        call([buffers[a.role] for a in e.args if a.is_pointer], n)
        written |= buffers["out"] != guard
    return int(np.flatnonzero(written)[-1]) + 1 if written.any() else 0


@pytest.mark.parametrize("entry", sorted(MEL.entries))
def test_each_entry_writes_exactly_its_stated_out_bytes(entry):
    e = MEL.entry(entry)
    assert _written_bytes(e, 3) == 3 * e.out_bytes_per_frame


# --- kernel_spec refuses a kernel.toml that contradicts itself ------------------------------------


@pytest.fixture
def kernel_root(tmp_path, monkeypatch):
    """An empty extra kernels root on NPU_TILER_KERNELS, with fresh spec and library caches."""
    root = tmp_path / "kernels"
    root.mkdir()
    monkeypatch.setenv(kernels.KERNELS_ENV, str(root))
    monkeypatch.setenv("NPU_TILER_CACHE", str(tmp_path / "cache"))
    kernel_spec.load.cache_clear()
    kernel._lib.cache_clear()
    yield root
    kernel_spec.load.cache_clear()
    kernel._lib.cache_clear()


def _copy_mel(root: Path, name: str, edit=None) -> Path:
    """kernels/mel copied to ``root/name``, its kernel.toml renamed and optionally edited."""
    folder = root / name
    shutil.copytree(MEL.folder, folder)
    doc = tomlkit.parse((folder / "kernel.toml").read_text())
    doc["kernel"]["name"] = name
    if edit:
        edit(doc)
    (folder / "kernel.toml").write_text(tomlkit.dumps(doc))
    return folder


def test_out_bytes_that_contradict_the_geometry_are_refused(kernel_root):
    def wrong(doc):
        doc["entries"]["spectrum"]["args"] = ["in:i16", "out:i16", "n_frames:i32"]  # mel.h: uint32_t
    _copy_mel(kernel_root, "bad", wrong)
    with pytest.raises(UserError, match="out_bytes_per_frame"):
        kernel_spec.load("bad")


def test_a_folder_must_carry_its_own_name(kernel_root):
    shutil.copytree(MEL.folder, kernel_root / "other")  # kernel.toml still says name = "mel"
    with pytest.raises(UserError, match="folder is 'other'"):
        kernel_spec.load("other")


def test_a_kernel_with_sources_must_state_its_signatures(kernel_root):
    _copy_mel(kernel_root, "nosig", lambda doc: doc["entries"]["frames"].remove("args"))
    with pytest.raises(UserError, match="no `args`"):
        kernel_spec.load("nosig")


# --- a second kernel folder, simulated without touching sim/ --------------------------------------


def test_a_copied_kernel_folder_is_bound_and_run_bit_for_bit(kernel_root):
    folder = _copy_mel(kernel_root, "mel-copy")
    assert "mel-copy" in kernel_spec.available()
    spec = kernel_spec.load("mel-copy")
    assert spec.folder == folder and hostbuild.sources("mel-copy").folder == folder
    copy, builtin = kernel.binding("mel-copy"), kernel.binding("mel")
    assert copy.lib._name != builtin.lib._name  # its own host build, from its own folder

    audio_in = fixtures.load("speech_en_us")
    frames = framing.frames(audio_in, spec.geometry)
    want = kernel.mel_frames(frames)
    np.testing.assert_array_equal(copy.run("frames", frames), want)
    np.testing.assert_array_equal(copy.run("logmel", copy.run("spectrum", frames)), want)
    state, hops = framing.hops(audio_in, spec.geometry)
    np.testing.assert_array_equal(copy.run("hops", hops, state), want)
    whole = framing.chunk(framing.padded(audio_in, spec.geometry), 0, len(frames), spec.geometry)
    np.testing.assert_array_equal(copy.run("chunk", whole), want)

    # The raw entry the simulator calls on FIFO buffers, for the copy.
    out = np.empty_like(want)
    kernel.entry("mel_frames", kernel="mel-copy")([frames, out], len(frames))
    np.testing.assert_array_equal(out, want)


def test_an_extra_root_is_searched_before_the_built_in_one(kernel_root):
    assert kernels.kernel_dir("mel") == kernels.KERNELS_ROOT / "mel"
    shadow = _copy_mel(kernel_root, "mel")
    assert kernels.kernel_dir("mel") == shadow
    assert kernel_spec.load("mel").folder == shadow
