"""Atomic writes leave either the finished file or nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from asmap.layers.atomic import MARKER, atomic_dir, atomic_path, write_text_atomic
from asmap.layers.errors import UsageError


def test_atomic_path_replaces_on_success(tmp_path):
    out = tmp_path / "sub" / "out.csv"
    with atomic_path(out) as tmp:
        assert tmp.suffix == ".csv" and tmp.parent == out.parent
        tmp.write_text("a,b\n")
    assert out.read_text() == "a,b\n"
    assert [p.name for p in out.parent.iterdir()] == ["out.csv"]


def test_atomic_path_failure_keeps_old_file_and_leaves_no_temp(tmp_path):
    out = write_text_atomic(tmp_path / "out.txt", "old")
    with pytest.raises(RuntimeError), atomic_path(out) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_dir_replaces_whole_folder(tmp_path):
    out = tmp_path / "brief"
    with atomic_dir(out) as tmp:
        (tmp / "stale.txt").write_text("x")
    with atomic_dir(out) as tmp:
        (tmp / "map.html").write_text("<html>")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "map.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["brief"]


def test_atomic_dir_never_replaces_a_folder_asmap_did_not_write(tmp_path):
    out = tmp_path / "work"
    out.mkdir()
    (out / "notes.txt").write_text("the user's notes")
    with pytest.raises(UsageError, match="asmap did not write"), atomic_dir(out) as tmp:
        (tmp / "map.html").write_text("<html>")
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["work"]
    (out / "notes.txt").unlink()  # an empty folder may be written
    with atomic_dir(out) as tmp:
        (tmp / "map.html").write_text("<html>")
    assert (out / "map.html").exists()


@pytest.mark.parametrize("kind", ["dir", "file"])
def test_sigterm_cleans_up_like_ctrl_c(tmp_path, kind):
    out = tmp_path / ("brief" if kind == "dir" else "sites.csv")
    script = (
        "import os, signal, sys, time\n"
        "from asmap.layers.atomic import atomic_dir, atomic_path\n"
        f"manager = atomic_{kind if kind == 'dir' else 'path'}(sys.argv[1])\n"
        "with manager as tmp:\n"
        "    (tmp / 'half.txt' if tmp.suffix == '' else tmp).write_text('half')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(30)\n")
    done = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
    assert list(tmp_path.iterdir()) == [], "no hidden half-written output left"


def test_atomic_dir_failure_leaves_nothing(tmp_path):
    out = tmp_path / "brief"
    with pytest.raises(RuntimeError), atomic_dir(out) as tmp:
        (tmp / "map.html").write_text("<html>")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []
