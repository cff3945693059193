"""The map's assets: the inlined Leaflet is the online page's, and asmap.js is valid
JavaScript whose geometry decoder reads back what the Python encoder wrote (run in Node)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from packaging.requirements import Requirement

import shapely

from asmap.maps.web.compact import encode_geometries
from asmap.maps.web.offline import LEAFLET_CSS_URL, LEAFLET_JS_URL, leaflet_js
from tests.helpers import (
    BOWTIE,
    EMPTY,
    LINE,
    MULTILINE,
    MULTIPOLYGON,
    POINT,
    POLYGON_WITH_HOLE,
    SQUARE,
)

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
ASMAP_JS = resources.files("asmap.maps.web") / "assets" / "asmap.js"
#: Runs asmap.js with a bare `window` (its decoder needs no Leaflet) and decodes stdin.
DECODE = """
const fs = require("fs"), vm = require("vm");
const window = {};
vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"), {window: window});
const geometries = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(geometries.map(window.asmap.decodeGeometry)));
"""


def node() -> str:
    path = shutil.which("node")
    assert path, "Node.js is missing: run scripts/install-test-tools.sh (apt-get nodejs)"
    return path


def test_inlined_leaflet_is_the_version_the_online_page_links():
    online = re.search(r"leaflet@([\d.]+)/", LEAFLET_JS_URL).group(1)
    assert re.search(r"leaflet@([\d.]+)/", LEAFLET_CSS_URL).group(1) == online
    inlined = re.search(r'version="([\d.]+)"', leaflet_js()).group(1)
    assert inlined == online == "1.9.4"
    assert leaflet_js().lstrip().startswith(f"/* @preserve\n * Leaflet {online},")


def test_asmap_js_is_valid_javascript():
    done = subprocess.run([node(), "--check", str(ASMAP_JS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def decode_in_node(encoded: list) -> list:
    done = subprocess.run([node(), "-e", DECODE, str(ASMAP_JS)], input=json.dumps(encoded),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def expected(geometry) -> tuple[str, list]:
    """What asmap.js must give for `geometry`, from shapely's own coordinates ([lat, lon])."""
    def path(coords, ring=False):
        xy = shapely.get_coordinates(coords)
        return xy[:-1, ::-1].tolist() if ring else xy[:, ::-1].tolist()

    def rings(polygon):
        return [path(polygon.exterior, True), *(path(r, True) for r in polygon.interiors)]

    kind = geometry.geom_type
    if kind == "Point":
        return "point", [geometry.y, geometry.x]
    if kind == "LineString":
        return "line", path(geometry)
    if kind == "MultiLineString":
        return "line", [path(part) for part in geometry.geoms]
    if kind == "Polygon":
        return "polygon", rings(geometry)
    return "polygon", [rings(part) for part in geometry.geoms]


def random_lines(count: int, seed: int = 16) -> list[shapely.LineString]:
    """Lines anywhere on Earth, with steps from a millimetre to across the antimeridian."""
    rng = np.random.default_rng(seed)
    lines = []
    for _ in range(count):
        n = int(rng.integers(2, 40))
        lon = np.clip(rng.uniform(-180, 180) + np.cumsum(
            rng.choice([1e-8, 1e-5, 0.01, 50.0], n) * rng.standard_normal(n)), -180, 180)
        lat = np.clip(rng.uniform(-85, 85) + np.cumsum(
            rng.choice([1e-8, 1e-5, 0.01, 20.0], n) * rng.standard_normal(n)), -85, 85)
        lines.append(shapely.LineString(np.column_stack([lon, lat])))
    return lines


@pytest.mark.parametrize("geometries", [
    [POINT, LINE, MULTILINE, SQUARE, POLYGON_WITH_HOLE, MULTIPOLYGON, BOWTIE],
    random_lines(300),
    [shapely.Point(-179.999999, -84.5), shapely.LineString([(179.9, 0.0), (-179.9, 1e-6)])],
], ids=["named", "random-lines", "far-corners"])
def test_js_decoder_reads_what_python_encoded(geometries):
    decoded = decode_in_node(encode_geometries(np.array(geometries, dtype=object)))
    assert len(decoded) == len(geometries)
    for geometry, (kind, coords) in zip(geometries, decoded, strict=True):
        want_kind, want = expected(geometry)
        assert kind == want_kind
        # the same nesting, every coordinate within half the 1e-6 degree of the encoding
        assert _same_nesting(coords, want)
        assert np.allclose(_flat(coords), _flat(want), rtol=0, atol=5.01e-7)


def test_empty_geometries_are_not_encoded():
    assert encode_geometries(np.array([EMPTY, None, SQUARE], dtype=object))[:2] == [None, None]


def _flat(nested) -> np.ndarray:
    return np.array(list(_numbers(nested)), dtype=float)


def _numbers(nested):
    for item in nested:
        if isinstance(item, list):
            yield from _numbers(item)
        else:
            yield item


def _same_nesting(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_nesting(x, y) for x, y in zip(a, b, strict=True))
    return not isinstance(a, list) and not isinstance(b, list)


def test_the_leaflet_package_is_pinned_to_that_version():
    """The package may repackage Leaflet (1.9.4.1) but never ship another Leaflet."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    pin = next(Requirement(r) for r in project["dependencies"]
               if r.startswith("django-js-lib-leaflet"))
    online = re.search(r"leaflet@([\d.]+)/", LEAFLET_JS_URL).group(1)
    major, minor, patch = online.split(".")
    assert pin.specifier.contains(online) and pin.specifier.contains(f"{online}.1")
    assert not pin.specifier.contains(f"{major}.{minor}.{int(patch) + 1}")
    assert not pin.specifier.contains(f"{major}.{int(minor) + 1}.0")
