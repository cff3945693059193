"""The built wheel installs one top-level package, `asmap`, and carries its data files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the source tree (setuptools writes build/ in it)."""
    tree = tmp_path_factory.mktemp("source") / "asmap"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "out", "test-artifacts", "*.egg-info", "__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(out), str(tree)], check=True, capture_output=True)
    (built,) = out.glob("asmap-*.whl")
    return built


def test_only_top_level_name_is_asmap(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"asmap"}
    top_level = next(n for n in names if n.endswith(".dist-info/top_level.txt"))
    assert zipfile.ZipFile(wheel).read(top_level).decode().split() == ["asmap"]


def test_wheel_carries_parts_assets_and_sample(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for part in ("asmap/__init__.py", "asmap/geo/analyze.py", "asmap/layers/specs.py",
                 "asmap/maps/web/map.py", "asmap/maps/paper/page.py",
                 "asmap/maps/brief/folder.py", "asmap/maps/exchange/kml.py",
                 "asmap/cli/main.py", "asmap/maps/web/assets/asmap.js",
                 "asmap/layers/data/zaamar/tailings.geojson",
                 "asmap/maps/basemap/build.py", "asmap/layers/data/zaamar/basemap.mbtiles"):
        assert part in names
    entry = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "asmap = asmap.cli.main:main" in zipfile.ZipFile(wheel).read(entry).decode()
