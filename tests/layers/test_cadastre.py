"""Cadastre corner tables -> license polygons: notations, headers, every bad-row class."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import shapely
from pyproj import Transformer

from asmap import layers
from asmap.layers.cadastre import import_licenses, parse_coordinate, read_cadastre_table
from asmap.layers.errors import DataError, UsageError

MN_HEADER = "Тусгай зөвшөөрлийн дугаар;Цэгийн дугаар;Уртраг;Өргөрөг;Эзэмшигч;Төлөв"


def write_csv(tmp_path, lines, name="corners.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "expected"), [
    ("104.872361", 104.872361),
    ("104,872361", 104.872361),
    ("104°52'20.5\"", 104 + 52 / 60 + 20.5 / 3600),
    ("104°52′20,5″", 104 + 52 / 60 + 20.5 / 3600),
    ("104 52 20.5", 104 + 52 / 60 + 20.5 / 3600),
    ("104:52:20.5", 104 + 52 / 60 + 20.5 / 3600),
    ("104-52-20.5", 104 + 52 / 60 + 20.5 / 3600),
    ("48°13'", 48 + 13 / 60),
    ("48 13 00 N", 48 + 13 / 60),
    (" 104° 52' 20.5\" E ", 104 + 52 / 60 + 20.5 / 3600),
    (104.5, 104.5),
], ids=["decimal", "comma-decimal", "symbols", "primes", "spaces", "colons", "dashes",
        "deg-min", "hemisphere", "padded", "number"])
def test_parse_coordinate(text, expected):
    assert parse_coordinate(text) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(("text", "message"), [
    ("104 60 00", "minutes 60 must be below 60"),
    ("104 52 61.5", "seconds 61.5 must be below 60"),
    ("104.5 52 10", "only the last part"),
    ("abc", "neither decimal degrees"),
    ("", "empty"),
])
def test_parse_coordinate_rejects(text, message):
    with pytest.raises(ValueError, match=message):
        parse_coordinate(text)


def test_mongolian_headers_mixed_notations_rows_out_of_order(tmp_path):
    # corner 3 first, corner 1 last: the ring must still go 1-2-3-4
    path = write_csv(tmp_path, [
        MN_HEADER,
        "MV-011722;3;104 53 20;48:14:00;Заамар Голд ХХК;хүчинтэй",
        "MV-011722;2;104°53'20,0\";48-13-00;;",
        "MV-011722;4;104.8722222;48 14 00;;",
        "MV-011722;1;104:52:20;48°13′00″;;",
    ])
    frame = read_cadastre_table(path)
    assert frame.crs == "EPSG:4326"
    row = frame.iloc[0]
    assert (row.license_id, row.holder, row.kind, row.status) == (
        "MV-011722", "Заамар Голд ХХК", "mining", "active")
    ring = shapely.get_coordinates(row.geometry.exterior)
    west, east = 104 + 52 / 60 + 20 / 3600, 104 + 53 / 60 + 20 / 3600
    south, north = 48 + 13 / 60, 48 + 14 / 60
    expected = [(west, south), (east, south), (east, north), (west, north), (west, south)]
    np.testing.assert_allclose(ring, expected, atol=1e-6)
    # 1'00" of longitude x 1'00" of latitude at 48.2 N: 1,236.6 m x 1,853.0 m = 229.1 ha
    hectares = frame.to_crs(32648).area.iloc[0] / 10_000
    assert hectares == pytest.approx(229.1, abs=0.5)


def test_english_headers_excel_and_kind_from_prefix(tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([" License_ID ", "POINT", "Lon", "Lat", "holder", "start_date", "end_date"])
    sheet.append(["XV-022011", 1, 104.5, 48.1, "Туул ХХК", "2015.03.01", "2027/02/28"])
    sheet.append([None, 2, "104 31 12", 48.1, None, None, None])  # merged cell: id left blank
    sheet.append(["XV-022011", 3, 104.52, "48°07'12\"", None, None, None])
    sheet.append(["ZZ-1", 1, 104.6, 48.1, "A", None, None])
    sheet.append(["ZZ-1", 2, 104.61, 48.1, None, None, None])
    sheet.append(["ZZ-1", 3, 104.61, 48.11, None, None, None])
    path = tmp_path / "corners.xlsx"
    book.save(path)
    frame = read_cadastre_table(path).set_index("license_id")
    assert frame.loc["XV-022011", "kind"] == "exploration"
    assert str(frame.loc["XV-022011", "start_date"].date()) == "2015-03-01"
    assert str(frame.loc["XV-022011", "end_date"].date()) == "2027-02-28"
    assert len(shapely.get_coordinates(frame.loc["XV-022011", "geometry"])) == 4
    assert pd.isna(frame.loc["ZZ-1", "kind"])
    assert any("ZZ-1, field kind: kind unknown" in p.line() for p in frame.attrs["problems"])


GOOD = ["license_id,point,lon,lat,holder", "MV-1,1,104.50,48.10,A", "MV-1,2,104.52,48.10,",
        "MV-1,3,104.52,48.12,"]


@pytest.mark.parametrize(("rows", "parts"), [
    (["MV-2,1,104 61 00,48.1,B", "MV-2,2,104.62,48.1,", "MV-2,3,104.62,48.12,"],
     ["row 5, field lon", "'104 61 00'", "minutes 61"]),
    (["MV-2,1,104.6,48 10 60,B", "MV-2,2,104.62,48.1,", "MV-2,3,104.62,48.12,"],
     ["row 5, field lat", "seconds 60"]),
    (["MV-2,1,104.6,53.2,B", "MV-2,2,104.62,48.1,", "MV-2,3,104.62,48.12,"],
     ["row 5", "latitude 53.200000 is outside Mongolia"]),
    (["MV-2,1,48.1,104.6,B", "MV-2,2,104.62,48.1,", "MV-2,3,104.62,48.12,"],
     ["row 5", "swapped"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.62,48.1,", "MV-2,4,104.62,48.12,"],
     ["row 5", "MV-2 has no corner 3"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.62,48.1,"],
     ["row 5", "MV-2 has 2 corners", "at least 3"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.62,48.1,", "MV-2,3,104.62,x48,"],
     ["row 7, field lat", "'x48'"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,x,104.62,48.1,", "MV-2,3,104.62,48.12,"],
     ["row 6, field point", "'x'"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.62,48.12,", "MV-2,3,104.62,48.1,",
      "MV-2,4,104.6,48.12,"], ["row 5", "MV-2 crosses itself"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.62,48.1,", "MV-2,3,104.62,48.1,",
      "MV-2,4,104.62,48.12,"], ["row 7", "corner 3 repeats corner 2"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.6,48.1,", "MV-2,2,104.62,48.12,"],
     ["row 7", "corner 2 twice"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.600001,48.1,", "MV-2,3,104.600001,48.100001,"],
     ["MV-2 covers", "implausible"]),
    (["MV-2,1,104.6,48.1,B", "MV-2,2,104.6,48.1,C", "MV-2,3,104.62,48.12,"],
     ["row 6, field holder", "'C' differs from 'B' in row 5"]),
], ids=["minutes-60", "seconds-60", "outside-country", "swapped", "missing-corner",
        "two-corners", "unparseable", "corner-not-number", "bow-tie", "repeated-corner",
        "duplicate-corner-number", "tiny-area", "conflicting-holder"])
def test_bad_rows(tmp_path, rows, parts):
    path = write_csv(tmp_path, GOOD + rows)
    with pytest.raises(DataError) as caught:
        read_cadastre_table(path)
    message = str(caught.value)
    assert message.startswith("corners.csv, ")
    for part in parts:
        assert part in message


def test_every_problem_is_counted_and_nothing_written(tmp_path):
    path = write_csv(tmp_path, GOOD + ["MV-2,1,104 61 00,48.1,B", "MV-2,2,104.62,95,",
                                       "MV-2,3,104.62,48.12,"])
    out = tmp_path / "licenses.gpkg"
    with pytest.raises(DataError, match=r"row 5, field lon.*\(1 more problem\)") as caught:
        import_licenses(path, out)
    assert len(caught.value.problems) == 2
    assert caught.value.problems[1].feature == "row 6"
    assert list(tmp_path.iterdir()) == [path]


GK18 = ("+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=18500000 +y_0=0 +ellps=krass "
        "+towgs84=23.92,-141.27,-80.9,0,0.35,0.82,-0.12 +units=m +no_defs")


def test_gauss_kruger_only_with_user_crs(tmp_path):
    corners = [(104.50, 48.10), (104.52, 48.10), (104.52, 48.12)]
    to_gk = Transformer.from_crs("EPSG:4326", GK18, always_xy=True)
    lines = ["license_id,point,X,Y,holder"]
    for i, (lon, lat) in enumerate(corners, start=1):
        east, north = to_gk.transform(lon, lat)
        lines.append(f"MV-9,{i},{north:.3f},{east:.3f},A")  # X northing, Y easting
    path = write_csv(tmp_path, lines)
    with pytest.raises(UsageError, match="X/Y columns"):
        read_cadastre_table(path)
    with pytest.raises(UsageError, match="towgs84"):
        read_cadastre_table(path, crs="EPSG:28418")  # Pulkovo 1942 without parameters
    frame = read_cadastre_table(path, crs=GK18)
    ring = shapely.get_coordinates(frame.geometry.iloc[0].exterior)[:3]
    np.testing.assert_allclose(ring, corners, atol=1e-7)


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".shp"])
def test_output_passes_validate(tmp_path, suffix):
    path = write_csv(tmp_path, [MN_HEADER, "MV-011722;1;104 52 20;48 13 00;Заамар Голд ХХК;",
                                "MV-011722;2;104 53 20;48 13 00;;",
                                "MV-011722;3;104 53 20;48 14 00;;"])
    folder = tmp_path / "project"
    import_licenses(path, folder / f"licenses{suffix}")
    problems = [p for p in layers.validate(folder) if p.layer == "licenses"]
    assert problems == []
    frame = layers.read_layer(folder / f"licenses{suffix}", "licenses")
    assert frame[["license_id", "holder", "kind", "status"]].values.tolist() == [
        ["MV-011722", "Заамар Голд ХХК", "mining", "active"]]
