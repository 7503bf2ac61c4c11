"""npu-tiler writes only into folders it created: each is marked, replaced atomically and only while it
holds nothing but npu-tiler's files. Every refusal leaves the user's files as they were."""
import os
import stat
from pathlib import Path

import pytest

from partitioner import emitters as em


def _snapshot(folder: Path) -> dict:
    """Every path under ``folder`` with its bytes (None for a folder): what must survive a refusal."""
    return {p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def _one_error(r) -> str:
    assert r.returncode == 2, r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("npu-tiler: error:") and "Traceback" not in r.stderr, r.stderr
    return lines[0]


def _leftovers(folder: Path) -> list[str]:
    """Temporary folders of an atomic write (``.NAME.XXXX``, ``.NAME.old.XXXX``) left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name != em.MARKER)


# -- the three cases of the issue ---------------------------------------------------------------------------

def test_overwrite_refuses_a_folder_with_a_thesis_and_git(cli, tmp_path):
    thesis = tmp_path / "thesis"
    thesis.mkdir()
    (thesis / "thesis.tex").write_text("\\documentclass{article} years of work")
    (thesis / ".git").mkdir()
    (thesis / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = _snapshot(thesis)
    line = _one_error(cli("emit", "--out", thesis, "--overwrite"))
    assert "not written by npu-tiler" in line and em.MARKER in line
    assert _snapshot(thesis) == before and _leftovers(tmp_path) == []


def test_emit_all_refuses_a_design_folder_holding_notes(cli, tmp_path):
    root = tmp_path / "designs"
    assert cli("emit", "--all", "--out", root).returncode == 0
    notes = root / "batch20_1tile" / "notes.txt"
    notes.write_text("the baseline ran at 2.6 ms per call on my laptop")
    before = _snapshot(root)
    line = _one_error(cli("emit", "--all", "--out", root))
    assert "notes.txt" in line and "did not write" in line
    assert _snapshot(root) == before and _leftovers(root) == []


def test_emit_all_refuses_before_writing_anything(cli, tmp_path):
    # The user's folder is the last canonical one: no other design is written either.
    root = tmp_path / "designs"
    last = root / em.CANONICAL[-1].name
    last.mkdir(parents=True)
    (last / "notes.txt").write_text("mine")
    line = _one_error(cli("emit", "--all", "--out", root))
    assert "not written by npu-tiler" in line
    assert sorted(p.name for p in root.iterdir()) == [last.name] and (last / "notes.txt").read_text() == "mine"


def test_out_dot_with_overwrite_is_refused_and_leaves_nothing(cli, tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("mine")
    monkeypatch.chdir(work)
    line = _one_error(cli("emit", "--out", ".", "--overwrite"))
    assert "current folder" in line
    assert _snapshot(work) == {"notes.txt": b"mine"} and _leftovers(tmp_path) == []
    line = _one_error(cli("emit", "--out", "..", "--overwrite"))
    assert "holds it" in line and _snapshot(work) == {"notes.txt": b"mine"}


def test_even_a_marked_current_folder_is_not_replaced(cli, tmp_path, monkeypatch):
    assert cli("emit", "--out", tmp_path / "d").returncode == 0
    before = _snapshot(tmp_path / "d")
    monkeypatch.chdir(tmp_path / "d")
    _one_error(cli("emit", "--out", ".", "--overwrite"))
    assert _snapshot(tmp_path / "d") == before and _leftovers(tmp_path) == []


# -- what is written, and replaced --------------------------------------------------------------------------

def test_emitted_folder_is_marked_with_the_version_and_its_files(cli, tmp_path):
    from partitioner import __version__

    assert cli("emit", "--out", tmp_path / "d").returncode == 0
    marker = (tmp_path / "d" / em.MARKER).read_text().splitlines()
    assert marker[0] == f"npu-tiler {__version__}"
    assert em.marked_files(tmp_path / "d") == {"aie.mlir", "aie.generic.mlir", "design.py", "build.sh",
                                               "manifest.json", "README.md"}


def test_overwrite_replaces_a_marked_folder_and_keeps_nothing_stale(cli, tmp_path):
    out = tmp_path / "d"
    assert cli("emit", "--out", out, "--batch", "20", "--strategy", "single", "--tiles", "1").returncode == 0
    r = cli("emit", "--out", out)
    assert "already exists" in _one_error(r) and "--overwrite" in r.stderr
    (out / "build").mkdir()  # what `npu-tiler build` leaves: npu-tiler's, replaced with the folder
    (out / "build" / "build.log").write_text("old")
    r = cli("emit", "--out", out, "--overwrite")
    assert r.returncode == 0, r.stderr
    assert '"batch": 100' in (out / "manifest.json").read_text() and not (out / "build").exists()
    assert _leftovers(tmp_path) == []


def test_overwrite_without_an_atomic_exchange_falls_back_to_two_renames(cli, tmp_path, monkeypatch):
    out = tmp_path / "d"
    assert cli("emit", "--out", out).returncode == 0
    monkeypatch.setattr(em, "_exchange", lambda a, b: False)  # a system without renameat2
    r = cli("emit", "--out", out, "--overwrite", "--batch", "20", "--strategy", "single", "--tiles", "1")
    assert r.returncode == 0, r.stderr
    assert '"batch": 20' in (out / "manifest.json").read_text() and _leftovers(tmp_path) == []


@pytest.mark.parametrize("umask, folder, text, script", [(0o022, 0o755, 0o644, 0o755), (0o077, 0o700, 0o600, 0o700),
                                                         (0o002, 0o775, 0o664, 0o775)])
def test_folders_get_the_permissions_the_umask_gives(tmp_path, umask, folder, text, script):
    old = os.umask(umask)
    try:
        em.write_folder(tmp_path / "d", {"a.txt": "x", "build.sh": "#!/bin/sh\n"}, overwrite=False)
    finally:
        os.umask(old)

    def mode(p):
        return stat.S_IMODE((tmp_path / "d" / p).stat().st_mode)

    assert (mode("."), mode("a.txt"), mode(em.MARKER), mode("build.sh")) == (folder, text, text, script)


def test_a_file_or_a_link_where_the_folder_goes_is_refused(cli, tmp_path):
    (tmp_path / "f").write_text("mine")
    assert "is a file" in _one_error(cli("emit", "--out", tmp_path / "f", "--overwrite"))  # click's check
    with pytest.raises(em.UserError, match="not a folder"):  # the library's
        em.write_folder(tmp_path / "f", {"a.txt": "x"}, overwrite=True)
    assert cli("emit", "--out", tmp_path / "real").returncode == 0
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert "symbolic link" in _one_error(cli("emit", "--out", tmp_path / "link", "--overwrite"))
    assert (tmp_path / "f").read_text() == "mine" and (tmp_path / "link").is_symlink()


def test_a_marker_of_another_tool_does_not_count(cli, tmp_path):
    out = tmp_path / "d"
    out.mkdir()
    (out / em.MARKER).write_text("something else\naie.mlir\n")
    (out / "aie.mlir").write_text("my own design")
    _one_error(cli("emit", "--out", out, "--overwrite"))
    assert (out / "aie.mlir").read_text() == "my own design"


def test_generic_form_folder_is_marked_with_its_one_file(cli, tmp_path):
    r = cli("emit", "--from", em.DESIGNS_DIR / "batch100_hybrid", "--generic", "--out", tmp_path / "g")
    assert r.returncode == 0, r.stderr
    assert em.marked_files(tmp_path / "g") == {"aie.generic.mlir"}


def test_emit_all_twice_replaces_its_own_folders(tmp_path):
    first = em.emit_all(tmp_path / "x")
    again = em.emit_all(tmp_path / "x")
    assert first == again and all(em.marked_files(p) for p in again)
    assert _leftovers(tmp_path / "x") == []


def test_kept_designs_carry_the_marker():
    for c in em.CANONICAL:
        folder = em.DESIGNS_DIR / c.name
        assert em.marked_files(folder) == {p.name for p in folder.iterdir() if p.name != em.MARKER}, \
            f"{c.name}: run `npu-tiler emit --all`"
