"""The sample's basemap and one made by `asmap basemap build` open in real QGIS (GDAL's
MBTiles driver), placed over the soum, with every zoom as an overview."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from asmap.layers.project import sample_path
from asmap.maps.basemap.build import build_basemap
from tests.helpers import qgis_python as system_qgis_python
from tests.maps.basemap_helpers import aoi_degrees, write_rgb

pytestmark = pytest.mark.qgis


@pytest.fixture(scope="module")
def qgis_python():
    return system_qgis_python()

CHECK = r"""
import json, sys
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem,
                       QgsCoordinateTransform, QgsProject, QgsRasterLayer)
app = QgsApplication([], False)
app.initQgis()
out = {}
for path in sys.argv[1:]:
    layer = QgsRasterLayer(path, "basemap", "gdal")
    to_wgs = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance())
    box = to_wgs.transformBoundingBox(layer.extent())
    provider = layer.dataProvider()
    out[path] = {"valid": layer.isValid(), "crs": layer.crs().authid(),
                 "bands": layer.bandCount(), "width": layer.width(),
                 "bounds": [box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()]}
print(json.dumps(out), flush=True)
import os
os._exit(0)  # QGIS 3.22 can crash while tearing down in a headless process
"""


def test_basemaps_open_in_qgis(qgis_python, tmp_path):
    made = build_basemap(write_rgb(tmp_path / "scene.tif"), tmp_path / "scene.mbtiles",
                         bounds=aoi_degrees(), zooms=(10, 13)).path
    sample = shutil.copy(sample_path() / "basemap.mbtiles", tmp_path / "sample.mbtiles")
    paths = [str(sample), str(made)]  # a copy: GDAL may write .aux.xml files beside them
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path),
           "GDAL_PAM_ENABLED": "NO"}
    run = subprocess.run([qgis_python, "-c", CHECK, *paths], capture_output=True, text=True,
                         env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    sample, scene = found[paths[0]], found[paths[1]]
    assert sample["valid"] and scene["valid"]
    assert sample["crs"] == scene["crs"] == "EPSG:3857"
    assert sample["bands"] >= 3
    west, south, east, north = sample["bounds"]
    assert west < 104.29 and south < 47.90 and east > 105.12 and north > 48.63  # the soum
    aoi = aoi_degrees()
    pixel = 360 / 256 / 2 ** 13  # a zoom-13 pixel: the file's bounds are the scene's, to it
    assert scene["bounds"][0] <= aoi[0] + pixel and scene["bounds"][2] >= aoi[2] - pixel
    full = (aoi[2] - aoi[0]) / 360 * 256 * 2 ** 13  # pixels across at zoom 13, the finest
    assert scene["width"] == pytest.approx(full, rel=0.05)
