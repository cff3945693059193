"""The exported GeoPackage opens in real QGIS already styled like the maps.

QGIS's Python bindings come from Debian (`python3-qgis`, installed by `make test`), so the
check runs in the system Python in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from click.testing import CliRunner

from asmap.cli.main import cli
from asmap.maps.styles import EXCLUSION_STYLES, LAYER_STYLES
from tests.helpers import qgis_python as system_qgis_python

CHECK = r"""
import json, sqlite3, sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
path = sys.argv[1]
names = [r[0] for r in sqlite3.connect(path).execute(
    "select table_name from gpkg_contents where data_type = 'features'")]
out = {}
for name in names:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    r = layer.renderer()
    cats = r.categories() if r.type() == "categorizedSymbol" else []
    out[name] = {"valid": layer.isValid(), "features": layer.featureCount(),
                 "renderer": r.type(), "categories": [c.label() for c in cats],
                 "values": [c.value() for c in cats],
                 "color": r.symbol().color().name() if r.type() == "singleSymbol" else None}
print(json.dumps(out, ensure_ascii=False), flush=True)
import os
os._exit(0)  # QGIS 3.22 can crash while tearing down in a headless process
"""



pytestmark = pytest.mark.qgis


@pytest.fixture(scope="module")
def qgis_python():
    return system_qgis_python()


def test_exported_geopackage_opens_in_qgis_styled(qgis_python, tmp_path):
    out = tmp_path / "zaamar-qgis.gpkg"
    result = CliRunner().invoke(cli, ["export", "--on", "2021-04-06", "--to", "gpkg",
                                      "--lang", "en", "--out", str(out)])
    assert result.exit_code == 0, result.output
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)}
    run = subprocess.run([qgis_python, "-c", CHECK, str(out)], capture_output=True, text=True,
                         env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    layers = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(layers) == {"sites", "eligible_parts", "exclusions", "routes", "conflicts",
                           "agreements", "boundary", "licenses", "reclamation", "restricted",
                           "posts", "rivers", "roads", "settlements"}
    assert all(layer["valid"] for layer in layers.values())
    assert layers["sites"]["features"] == 28 and layers["eligible_parts"]["features"] == 16
    assert layers["sites"]["renderer"] == "categorizedSymbol"
    assert "Eligible" in layers["sites"]["categories"]
    assert "Not mined out" in layers["sites"]["categories"]
    assert layers["exclusions"]["renderer"] == "categorizedSymbol"
    assert set(layers["exclusions"]["values"]) == set(EXCLUSION_STYLES)
    assert layers["routes"]["color"] == LAYER_STYLES["routes"]["color"].lower()
    assert layers["licenses"]["color"] == LAYER_STYLES["licenses"]["color"].lower()
