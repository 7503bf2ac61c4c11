"""The mel kernel needs nothing a 32-bit core without 64-bit multiply or divide lacks.

AIE2's scalar unit multiplies 32 x 32 bits to a 32-bit result, has no high-half
multiply, and Peano's legaliser turns every 64-bit multiply and every 32-bit
division or remainder into a library call. ARMv6-M (Thumb-1) has the same gaps,
and GCC names the helper it would call, so the kernel is built for it
(``arm-linux-gnueabi-gcc``, Debian's gcc-arm-linux-gnueabi) and its undefined
symbols are read. The same object, linked into a static driver and run under
``qemu-arm`` (qemu-user), must give the host build's bits.

ARMv6-M also lacks a count-leading-zeros instruction, which AIE2 has: mel.c
uses ``__builtin_clz`` only where the compiler says the core has one
(``__ARM_FEATURE_CLZ`` on ARM) and a portable version elsewhere, so the proxy
build calls no helper at all (not even libgcc's ``__clzsi2``) and runs the
portable path that the host build does not.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from kernels.mel_tools import fixtures, framing, hostbuild, kernel, measure

CC = measure.PROXY32_CC
NM = CC.replace("gcc", "nm")
needs_cross = pytest.mark.skipif(shutil.which(CC) is None or shutil.which(NM) is None,
                                 reason=f"{CC} not installed (apt-get install gcc-arm-linux-gnueabi): "
                                        "cannot build the 32-bit proxy")
needs_qemu = pytest.mark.skipif(shutil.which("qemu-arm") is None,
                                reason="qemu-arm not installed (apt-get install qemu-user): cannot run the 32-bit proxy")

# libgcc/compiler-rt helpers for a 64-bit multiply or shift, and for a division or remainder.
WIDE_HELPERS = {"__aeabi_lmul", "__aeabi_llsl", "__aeabi_llsr", "__aeabi_lasr",
                "__muldi3", "__ashldi3", "__lshrdi3", "__ashrdi3"}
DIVISION = re.compile(r"^(__aeabi_\w*div\w*|__(u?)(div|mod)[sd]i3|__(u?)divmod[sd]i4)$")

SRC = hostbuild.sources("mel")


def _proxy_object(tmp_path: Path) -> Path:
    obj = tmp_path / "mel.o"
    subprocess.run([CC, *measure.PROXY32_FLAGS, "-std=c11", "-Wall", "-Wextra", "-Werror",
                    f"-I{SRC.folder}", "-c", str(SRC.folder / "mel.c"), "-o", str(obj)],
                   check=True, capture_output=True, text=True)
    return obj


def _undefined(obj: Path) -> list[str]:
    return subprocess.run([NM, "-u", str(obj)], capture_output=True, text=True, check=True).stdout.split()[1::2]


# npu1-facts.md section 11, row 2: Peano (Xilinx/llvm-aie AIE2LegalizerInfo.cpp): 64-bit multiply and 32/64-bit division/remainder become library calls
@needs_cross
def test_armv6m_build_calls_no_wide_multiply_shift_or_division_helper(tmp_path):
    undefined = _undefined(_proxy_object(tmp_path))
    wide = sorted(WIDE_HELPERS & set(undefined))
    division = sorted(u for u in undefined if DIVISION.match(u))
    assert not wide, f"64-bit multiply/shift helpers called: {wide} (a library call on AIE2)"
    assert not division, f"division helpers called: {division} (a library call on AIE2)"


# npu1-facts.md section 11, row 1: Scalar multiply 32x32 ... no FPU (a float operation would call a soft-float helper here)
@needs_cross
def test_armv6m_build_calls_no_library_function_at_all(tmp_path):
    # Stricter than the AIE2 rule: no __clzsi2 either (mel.c's portable clz
    # where the core has no clz instruction) and no switch jump-table helper
    # (__gnu_thumb1_case_*), so the proxy measures only the kernel's own code.
    assert _undefined(_proxy_object(tmp_path)) == []


@needs_cross
def test_the_helper_check_can_fail(tmp_path):
    probe = tmp_path / "probe.c"
    probe.write_text("#include <stdint.h>\n"
                     "int64_t mul(int64_t a, int64_t b) { return a * b; }\n"
                     "int32_t quo(int32_t a, int32_t b) { return a / b; }\n")
    obj = tmp_path / "probe.o"
    subprocess.run([CC, *measure.PROXY32_FLAGS, "-c", str(probe), "-o", str(obj)], check=True)
    undefined = set(_undefined(obj))
    assert undefined & WIDE_HELPERS and any(DIVISION.match(u) for u in undefined)


# npu1-facts.md section 11, row 1: Scalar multiply 32x32 with a 32-bit result, no high-half multiply (no 64-bit type to multiply into)
def test_source_has_no_64_bit_type():
    code = "\n".join(p.read_text() for p in SRC.all_files)
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    for banned in ("int64_t", "uint64_t", "long long", "__int128"):
        assert banned not in code, f"{banned} in the kernel source"


def _adversarial_frames() -> np.ndarray:
    """Full-scale frames that push every int32 word of the FFT to its bound."""
    n = np.arange(400)
    rows = [np.full(400, -32768), np.full(400, 32767), np.where(n % 2 == 0, 32767, -32768),
            np.where(n == 200, -32768, 0), np.where((n // 7) % 2 == 0, 32767, -32768)]
    # a full-scale square wave in phase with each bin maximises that bin
    rows += [np.where(np.cos(2 * np.pi * k * n / 400 + ph) >= 0, 32767, -32768)
             for k in range(0, 201, 5) for ph in (0.0, 0.7, 1.9)]
    rng = np.random.default_rng(13)
    rows += [rng.choice([-32768, 32767], 400) for _ in range(40)]
    rows += [rng.integers(-32768, 32768, 400) >> s for s in range(16) for _ in range(3)]
    return np.stack(rows).astype(np.int16)


_DRIVER = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "mel.h"
/* in: n_frames x 400 int16 frames; out: spectrum words then log-mel values */
int main(int argc, char **argv) {
    if (argc != 3) return 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 2;
    fseek(f, 0, SEEK_END);
    long n = ftell(f) / (long)(MEL_N_FFT * sizeof(int16_t));
    fseek(f, 0, SEEK_SET);
    int16_t *frames = malloc((size_t)n * MEL_N_FFT * sizeof(int16_t));
    uint32_t *spec = malloc((size_t)n * MEL_SPEC_WORDS * sizeof(uint32_t));
    int16_t *out = malloc((size_t)n * MEL_N_MELS * sizeof(int16_t));
    if (fread(frames, sizeof(int16_t) * MEL_N_FFT, (size_t)n, f) != (size_t)n) return 2;
    fclose(f);
    mel_spectrum(frames, spec, (int32_t)n);
    mel_frames(frames, out, (int32_t)n);
    FILE *g = fopen(argv[2], "wb");
    fwrite(spec, sizeof(uint32_t) * MEL_SPEC_WORDS, (size_t)n, g);
    fwrite(out, sizeof(int16_t) * MEL_N_MELS, (size_t)n, g);
    fclose(g);
    return 0;
}
"""


def _run_driver(exe: list[str], frames: np.ndarray, tmp_path: Path) -> tuple[np.ndarray, np.ndarray]:
    src, dst = tmp_path / "frames.bin", tmp_path / "out.bin"
    frames.astype("<i2").tofile(src)
    subprocess.run([*exe, str(src), str(dst)], check=True, capture_output=True, text=True, timeout=300)
    raw = dst.read_bytes()
    n = len(frames)
    spec = np.frombuffer(raw[: n * 201 * 4], "<u4").reshape(n, 201)
    return spec, np.frombuffer(raw[n * 201 * 4:], "<i2").reshape(n, 80)


@needs_cross
@needs_qemu
def test_armv6m_build_gives_the_host_builds_bits(tmp_path):
    obj = _proxy_object(tmp_path)
    driver = tmp_path / "driver.c"
    driver.write_text(_DRIVER)
    exe = tmp_path / "driver"
    linked = subprocess.run([CC, "-O2", "-static", f"-I{SRC.folder}", str(driver), str(obj), "-o", str(exe)],
                            capture_output=True, text=True)
    if linked.returncode and "stdio.h" in linked.stderr:
        pytest.skip("no ARM C library to link the driver (apt-get install libc6-dev-armel-cross)")
    assert linked.returncode == 0, linked.stderr
    frames = np.concatenate([framing.frames(fixtures.load("speech_en_us")),
                             framing.frames(fixtures.load("white_noise")), _adversarial_frames()])
    spec, logmel = _run_driver(["qemu-arm", str(exe)], frames, tmp_path)
    np.testing.assert_array_equal(spec, kernel.mel_spectrum(frames))
    np.testing.assert_array_equal(logmel, kernel.mel_frames(frames))


def test_int32_words_never_overflow_at_full_scale(tmp_path):
    # The exact 32-bit products rely on derived bounds (mel.c): a signed
    # overflow is undefined behaviour, so UBSan aborts on any.
    driver = tmp_path / "driver.c"
    driver.write_text(_DRIVER)
    exe = tmp_path / "driver"
    built = subprocess.run([hostbuild.compiler(), "-std=c11", "-O1", "-fsanitize=undefined",
                            "-fno-sanitize-recover=all", f"-I{SRC.folder}", str(driver),
                            str(SRC.folder / "mel.c"), "-o", str(exe)], capture_output=True, text=True)
    if built.returncode:
        pytest.skip(f"no UBSan build here: {built.stderr.strip().splitlines()[:1]}")
    frames = _adversarial_frames()
    spec, logmel = _run_driver([str(exe)], frames, tmp_path)
    np.testing.assert_array_equal(spec, kernel.mel_spectrum(frames))
    np.testing.assert_array_equal(logmel, kernel.mel_frames(frames))
