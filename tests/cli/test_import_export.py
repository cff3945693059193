"""`asmap import licenses|gps` and `asmap export`: exit codes, nothing written on error."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import pyogrio

from asmap.cli.main import cli

GPS = Path(__file__).resolve().parent.parent / "data" / "gps"
TABLE = ("Тусгай зөвшөөрлийн дугаар,Цэг,Уртраг,Өргөрөг,Эзэмшигч\n"
         "MV-011722,1,104 52 20,48 13 00,Заамар Голд ХХК\n"
         "MV-011722,2,104 53 20,48 13 00,\n"
         "MV-011722,3,104 53 20,48 14 00,\n")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "corners.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def test_import_licenses(table, tmp_path):
    result = run("import", "licenses", table, "--out", tmp_path / "licenses.gpkg")
    assert result.exit_code == 0, result.output
    assert "Wrote 1 licenses" in result.output
    frame = pyogrio.read_dataframe(tmp_path / "licenses.gpkg", layer="licenses")
    assert frame["license_id"].tolist() == ["MV-011722"]


def test_import_licenses_bad_row_writes_nothing(tmp_path):
    path = tmp_path / "corners.csv"
    path.write_text(TABLE.replace("48 14 00", "48 74 00"), encoding="utf-8")
    result = run("import", "licenses", path, "--out", tmp_path / "licenses.gpkg")
    assert result.exit_code == 1
    assert "corners.csv, row 4, field lat: cannot read '48 74 00'" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corners.csv"]


@pytest.mark.parametrize("args", [
    ["--out", "licenses.txt"], ["--out", "l.gpkg", "--crs", "EPSG:28418"], [],
], ids=["bad-extension", "pulkovo-without-towgs84", "no-out"])
def test_import_licenses_usage_errors(table, tmp_path, args):
    args = [str(tmp_path / a) if a.endswith((".txt", ".gpkg")) else a for a in args]
    result = run("import", "licenses", table, *args)
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corners.csv"]


def test_import_gps(tmp_path):
    out = tmp_path / "posts.geojson"
    result = run("import", "gps", GPS / "garmin_etrex.gpx", "--kind", "posts", "--out", out)
    assert result.exit_code == 0, result.output
    assert ("warning: posts, field authority: authority is empty for 2 of 2 features"
            in result.output)
    assert pyogrio.read_dataframe(out)["post_id"].tolist() == ["ZP-01", "ZP-03"]


def test_import_gps_errors(tmp_path):
    out = tmp_path / "t.gpkg"
    open_track = run("import", "gps", GPS / "gpslogger_open.gpx", "--kind", "tailings",
                     "--out", out)
    assert open_track.exit_code == 1 and "is not closed" in open_track.output
    bad_kind = run("import", "gps", GPS / "garmin_etrex.gpx", "--kind", "mines", "--out", out)
    assert bad_kind.exit_code == 2
    assert not out.exists()


def test_export_sample_to_kmz(tmp_path):
    out = tmp_path / "zaamar.kmz"
    result = run("export", "--to", "kmz", "--out", out, "--lang", "en", "--profile", "public")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        assert b"<Folder" in archive.read("doc.kml")


def test_export_usage_errors(tmp_path):
    assert run("export", "--to", "dwg", "--out", tmp_path / "x").exit_code == 2
    assert run("export", tmp_path / "missing", "--to", "kml", "--out",
               tmp_path / "x.kml").exit_code == 2
    assert list(tmp_path.iterdir()) == []
