"""The command line contract: outputs scripts rely on, and one-line errors with exit 2."""
import numpy as np
import pytest

from kernels.mel_tools import fixtures, kernel, reference
from kernels.mel_tools.audio import save_wav


def test_mel_writes_finished_float32_80_by_frames(cli, tmp_path):
    audio = fixtures.load("speech_en_sc")
    save_wav(tmp_path / "a.wav", audio)
    r = cli("mel", str(tmp_path / "a.wav"), "--out", str(tmp_path / "m.npy"))
    assert r.returncode == 0, r.stderr
    got = np.load(tmp_path / "m.npy")
    assert got.dtype == np.float32 and got.shape == (80, audio.size // 160)
    np.testing.assert_array_equal(got, kernel.log_mel(audio))


def test_mel_reference_flag(cli, tmp_path):
    r = cli("mel", "--builtin", "white_noise", "--reference", "--out", str(tmp_path / "r.npy"))
    assert r.returncode == 0, r.stderr
    np.testing.assert_allclose(np.load(tmp_path / "r.npy"),
                               reference.log_mel_spectrogram(fixtures.load("white_noise")), rtol=1e-6)


def test_accuracy_command_passes_on_builtin_audio(cli):
    r = cli("accuracy")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "FAIL" not in r.stdout and "speech_en_us" in r.stdout


@pytest.mark.parametrize("args, needle", [
    (["mel", "/no/such.wav", "--out", "/tmp/x.npy"], "does not exist"),
    (["mel", "--builtin", "nope", "--out", "/tmp/x.npy"], "no built-in audio"),
    (["mel", "--builtin", "silence", "--out", "/no/such/dir/x.npy"], "does not exist"),
    (["mel", "--bogus"], "No such option"),
    (["kernel-info", "--kernel", "nope"], "unknown kernel"),
])
def test_bad_input_exits_2_with_one_line(cli, args, needle):
    r = cli(*args)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in r.stderr


def test_non_audio_file_exits_2(cli, tmp_path):
    (tmp_path / "x.wav").write_text("hello")
    r = cli("mel", str(tmp_path / "x.wav"), "--out", str(tmp_path / "m.npy"))
    assert r.returncode == 2 and "cannot read" in r.stderr and not (tmp_path / "m.npy").exists()


def test_gen_tables_check_reports_up_to_date(cli):
    r = cli("gen-tables", "--check")
    assert r.returncode == 0 and "up to date" in r.stdout
