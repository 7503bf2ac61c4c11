"""The built-in test audio: synthesised speech (checked in) and generated signals.

Speech comes from Debian's ``espeak-ng`` in a few voices, resampled to 16 kHz
and stored as small PCM WAV files in ``kernels/mel_tools/fixtures/``; regenerate them with
``python -m kernels.mel_tools.fixtures`` (needs espeak-ng). The other cases are generated
here, deterministically, to stress the fixed-point kernel: silence, full-scale
sine and square waves (no overflow anywhere), white noise, clipping and a DC
offset.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from kernels.mel_tools.audio import SAMPLE_RATE, load_audio, save_wav
from kernels.mel_tools.paths import FIXTURE_DIR

# (file stem, espeak-ng voice, words per minute, text)
SPEECH = (
    ("speech_en_us", "en-us", 160,
     "The quick brown fox jumps over the lazy dog. Whisper turns this speech into "
     "eighty mel bands, one frame every ten milliseconds."),
    ("speech_en_gb_f", "en-gb+f3", 150,
     "Six tiles on a column, four columns on the array. Is the buffer small enough "
     "to fit? Count every byte: the stack, the tables and the fifos."),
    ("speech_en_sc", "en-gb-scotland+m4", 170,
     "Zero, one, two, three, four, five, six, seven, eight, nine. "
     "She sells sea shells by the sea shore."),
)

SECOND = SAMPLE_RATE


def _speech(stem: str) -> Callable[[], np.ndarray]:
    return lambda: load_audio(FIXTURE_DIR / f"{stem}.wav")


def _tone(kind: str, hz: float, seconds: float = 2.0) -> np.ndarray:
    t = np.arange(int(seconds * SECOND)) / SECOND
    s = np.sin(2 * np.pi * hz * t)
    wave = np.sign(s) if kind == "square" else s
    # Full scale in both directions: +32767 and -32768 both occur for the square.
    return np.clip(np.round(wave * 32768.0), -32768, 32767).astype(np.int16)


def _noise() -> np.ndarray:
    rng = np.random.default_rng(20251101)
    return np.clip(np.round(rng.normal(0.0, 6000.0, 3 * SECOND)), -32768, 32767).astype(np.int16)


def _clipped() -> np.ndarray:
    speech = load_audio(FIXTURE_DIR / f"{SPEECH[0][0]}.wav").astype(np.int64)
    return np.clip(speech * 8, -32768, 32767).astype(np.int16)


def _dc_offset() -> np.ndarray:
    speech = load_audio(FIXTURE_DIR / f"{SPEECH[1][0]}.wav").astype(np.int64)
    return np.clip(speech // 2 + 12000, -32768, 32767).astype(np.int16)


GENERATED: dict[str, Callable[[], np.ndarray]] = {
    "silence": lambda: np.zeros(2 * SECOND, np.int16),
    "sine_1khz_full_scale": lambda: _tone("sine", 1000.0),
    "sine_60hz_full_scale": lambda: _tone("sine", 60.0),
    "square_440hz_full_scale": lambda: _tone("square", 440.0),
    "white_noise": _noise,
    "clipped_speech": _clipped,
    "dc_offset_speech": _dc_offset,
}


def names() -> list[str]:
    return [s[0] for s in SPEECH] + list(GENERATED)


def load(name: str) -> np.ndarray:
    """One built-in signal by name (int16, 16 kHz)."""
    for stem, *_ in SPEECH:
        if stem == name:
            return _speech(stem)()
    if name in GENERATED:
        return GENERATED[name]()
    raise KeyError(name)


def all_fixtures() -> dict[str, np.ndarray]:
    return {n: load(n) for n in names()}


def default_audio() -> np.ndarray:
    """All the built-in speech, one utterance after another."""
    return np.concatenate([load(s[0]) for s in SPEECH])


def synthesise_speech(out_dir: Path = FIXTURE_DIR) -> list[Path]:
    """Regenerate the speech WAVs with espeak-ng (Debian package espeak-ng)."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise SystemExit("espeak-ng not found: apt-get install espeak-ng")
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for stem, voice, wpm, text in SPEECH:
            raw = Path(tmp) / f"{stem}.wav"
            subprocess.run([exe, "-v", voice, "-s", str(wpm), "-w", str(raw), text], check=True)
            target = out_dir / f"{stem}.wav"
            save_wav(target, load_audio(raw))
            written.append(target)
    return written


if __name__ == "__main__":
    argparse.ArgumentParser(description="Regenerate the built-in speech fixtures").parse_args()
    for p in synthesise_speech():
        print(f"wrote {p}")
