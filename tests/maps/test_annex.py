"""Issue 14: the agreement annex, read back from the PDF: text, corners and georeferencing."""

from __future__ import annotations

import json
import shutil
import subprocess

import numpy as np
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from pyproj import Transformer

from asmap import geo, maps
from asmap.cli.main import cli
from asmap.layers.errors import UsageError
from asmap.maps.paper.annex import round_scale
from tests.geo.agreement_scenes import CASES, scene_layers, table
from tests.geo.scenes import ON

#: The north-west (and northernmost) corner of site A: corner A1 of the annex (site B's
#: corners are B1 ...).
CORNER = (500000.0, 5340100.0)


@pytest.fixture(scope="module")
def analysis():
    chosen = {k: CASES[k] for k in ("AG-OK", "AG-TWO")}
    rows = table(chosen).assign(government="Soum Governor's Office", ngo="Zaamar ASM NGO",
                                contact="+976 9900-7777")
    return geo.analyze(scene_layers(rows), on=ON)


@pytest.fixture(scope="module")
def annex_en(analysis, tmp_path_factory):
    return maps.write_annex(analysis, "AG-TWO", tmp_path_factory.mktemp("a") / "two.pdf",
                            lang="en")


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_annex_text_names_parties_hectares_and_corners(annex_en):
    text = _text(annex_en)
    assert "Annex to agreement AG-TWO" in text
    for party in ("Gold One LLC;Gold Two LLC", "Soum Governor's Office", "Zaamar ASM NGO"):
        assert party in text
    assert "Area: 2.50 ha mapped, 2.50 ha in the agreement" in text  # 2.00 + 0.50
    assert "Scale 1:5,000" in text  # 500 x 100 m + 25 % each side on a 17.7 x 13.4 cm frame
    assert text.count("Signature: ") == 3
    assert "window closes 2021-09-01 (148 days)" in text
    # site A, corner 1: on the central meridian of zone 48, so exactly 105°E
    assert "A1 48°" in text and "105°00′00.00″E" in text and "105.0000000" in text
    assert "B1 48°" in text and "C1" not in text
    assert "500000.0 5340100.0" in text
    assert "Area computed from these corners: 2.0000 ha" in text
    assert "Area computed from these corners: 0.5000 ha" in text  # B's available half


def test_annex_in_mongolian(analysis, tmp_path):
    path = maps.write_annex(analysis, "AG-OK", tmp_path / "ok.pdf", lang="mn")
    text = _text(path)
    assert "Гэрээ AG-OK-ийн хавсралт" in text and "Булангийн цэгүүдээр бодсон талбай" in text
    assert "Гарын үсэг" in text


def test_public_annex_leaves_out_contact(analysis, tmp_path):
    path = maps.write_annex(analysis, "AG-TWO", tmp_path / "p.pdf", lang="en",
                            profile="public")
    assert "9900-7777" not in _text(path)


def _viewport_to_utm(page) -> tuple[np.ndarray, object]:
    """From the page's /VP: an affine from PDF points to UTM 48N, fitted on its 4 points."""
    [vp] = page["/VP"]
    x0, y0, x1, y1 = (float(v) for v in vp["/BBox"])
    measure = vp["/Measure"]
    assert measure["/Subtype"] == "/GEO" and int(measure["/GCS"]["/EPSG"]) == 32648
    lpts = np.array([float(v) for v in measure["/LPTS"]]).reshape(-1, 2)
    gpts = np.array([float(v) for v in measure["/GPTS"]]).reshape(-1, 2)  # lat, lon
    east, north = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True).transform(
        gpts[:, 1], gpts[:, 0])
    points = np.c_[x0 + lpts[:, 0] * (x1 - x0), y0 + lpts[:, 1] * (y1 - y0), np.ones(4)]
    coef, *_ = np.linalg.lstsq(points, np.c_[east, north], rcond=None)
    return coef, (x0, y0, x1, y1)


def _corner_on_page(page) -> tuple[float, float]:
    """Where corner A1 is drawn: its label sits 2 points up and right of it."""
    found = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: found.append(
        (cm[4] + tm[4], cm[5] + tm[5])) if text.strip() == "A1" else None)
    x, y = found[0]
    return x - 2, y - 2


def test_viewport_maps_a_known_corner_within_a_metre(annex_en):
    page = PdfReader(annex_en).pages[0]
    coef, _ = _viewport_to_utm(page)
    x, y = _corner_on_page(page)
    east, north = np.array([x, y, 1.0]) @ coef
    assert np.hypot(east - CORNER[0], north - CORNER[1]) < 1.0


def test_gdal_reads_the_georeferencing_back(annex_en):
    gdalinfo = shutil.which("gdalinfo")
    assert gdalinfo, "GDAL's gdalinfo (apt-get install gdal-bin) reads geospatial PDFs"
    run = subprocess.run([gdalinfo, "-json", "--config", "GDAL_PDF_DPI", "300", str(annex_en)],
                         capture_output=True, text=True, check=True)
    info = json.loads(run.stdout)
    assert "UTM zone 48N" in info["coordinateSystem"]["wkt"]
    page = PdfReader(annex_en).pages[0]
    x, y = _corner_on_page(page)
    col, row = x * 300 / 72, (float(page.mediabox.height) - y) * 300 / 72
    g = info["geoTransform"]
    east, north = g[0] + col * g[1] + row * g[2], g[3] + col * g[4] + row * g[5]
    assert np.hypot(east - CORNER[0], north - CORNER[1]) < 1.0


@pytest.mark.parametrize(("ground", "frame", "scale"), [
    ((700, 400), (0.176, 0.134), 5000),      # needs 1:3,977
    ((100, 60), (0.176, 0.134), 1000),       # needs 1:568
    ((9000, 2000), (0.176, 0.134), 100_000),  # needs 1:51,136
])
def test_round_scale(ground, frame, scale):
    assert round_scale(ground, frame) == scale


def test_unknown_agreement_names_the_known_ones(analysis, tmp_path):
    with pytest.raises(UsageError, match="AG-OK"):
        maps.write_annex(analysis, "AG-0K", tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_cli_writes_the_sample_annex(tmp_path):
    out = tmp_path / "annex.pdf"
    result = CliRunner().invoke(cli, ["annex", "AG-2021-02", "--on", "2021-04-06", "--lang",
                                      "en", "--paper", "A3", "--out", str(out)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 842  # A3 portrait, 297 mm
    text = _text(out)
    assert "Заамар Голд ХХК (sample)" in text and "10.92 ha mapped, 12.50 ha" in text
    assert "Area mismatch" in text and "No resolution" in text
    bad = CliRunner().invoke(cli, ["annex", "AG-2021-02", "--out", str(tmp_path / "a.png")])
    assert bad.exit_code == 2


def test_names_are_printed_as_written(tmp_path):
    hostile = "Gold $\\alpha$ <b>One</b> LLC"
    rows = table({"AG-OK": CASES["AG-OK"]}).assign(company=hostile, ngo="50% & $5")
    analysis = geo.analyze(scene_layers(rows), on=ON)
    text = _text(maps.write_annex(analysis, "AG-OK", tmp_path / "h.pdf", lang="en"))
    assert hostile in text and "50% & $5" in text
