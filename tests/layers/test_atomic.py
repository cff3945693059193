"""Atomic writes leave either the finished file or nothing."""

from __future__ import annotations

import pytest

from asmap.layers.atomic import atomic_dir, atomic_path, write_text_atomic


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
    out.mkdir()
    (out / "stale.txt").write_text("x")
    with atomic_dir(out) as tmp:
        (tmp / "map.html").write_text("<html>")
    assert sorted(p.name for p in out.iterdir()) == ["map.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["brief"]


def test_atomic_dir_failure_leaves_nothing(tmp_path):
    out = tmp_path / "brief"
    with pytest.raises(RuntimeError), atomic_dir(out) as tmp:
        (tmp / "map.html").write_text("<html>")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []
