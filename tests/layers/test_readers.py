"""Readers: every format written by GDAL in the test reads back normalized, in EPSG:4326."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest

import geopandas as gpd
import pyogrio
from shapely.geometry import Point

from asmap.layers import DataError, read_layer
from tests.layers.layer_helpers import BASE, good_layers, write


def tailings() -> gpd.GeoDataFrame:
    return good_layers()["tailings"]


def check_tailings(frame: gpd.GeoDataFrame) -> None:
    assert frame.crs.to_epsg() == 4326
    assert frame["site_id"].tolist() == ["T-1", "T-2"]
    assert frame["stage"].tolist() == ["mined_out", "active"]
    assert frame["name"].tolist() == ["Хөвөө", "Бат-Өлзий"]
    assert frame["contact"].isna().all() and "operator" in frame
    assert frame.total_bounds == pytest.approx(tailings().total_bounds, abs=1e-9)


@pytest.mark.parametrize("name", ["tailings.geojson", "tailings.json", "tailings.gpkg",
                                  "tailings.shp", "tailings.fgb", "tailings.kml", "tailings.kmz",
                                  "tailings.gml"])
def test_gdal_formats(tmp_path, name):
    check_tailings(read_layer(write(tailings(), tmp_path / name)))


def test_geoparquet(tmp_path):
    tailings().to_parquet(tmp_path / "tailings.parquet")
    check_tailings(read_layer(tmp_path / "tailings.parquet"))


def test_zipped_shapefile(tmp_path):
    write(tailings(), tmp_path / "shp" / "tailings.shp")
    with zipfile.ZipFile(tmp_path / "tailings.zip", "w") as archive:
        for part in (tmp_path / "shp").iterdir():
            archive.write(part, part.name)
    check_tailings(read_layer(tmp_path / "tailings.zip"))


def test_upper_case_shapefile_columns_and_utm(tmp_path):
    frame = tailings().rename(columns={c: c.upper() for c in ("site_id", "stage", "name")})
    frame = frame.to_crs("EPSG:32648")
    frame["EXTRA_Col"] = [1, 2]
    back = read_layer(write(frame, tmp_path / "tailings.shp"))
    assert back["stage"].tolist() == ["mined_out", "active"]
    assert back["EXTRA_Col"].tolist() == [1, 2]  # columns outside the catalogue kept as they are
    assert back.total_bounds == pytest.approx(tailings().total_bounds, abs=1e-7)


def test_cp1251_shapefile_with_cpg(tmp_path):
    # cp1251 has the Russian letters but not Ө/Ү, so the cp1251 text is "Заамар", "Бат-Олзий"
    frame = tailings().assign(name=["Заамар", "Бат-Олзий"])
    path = write(frame, tmp_path / "tailings.shp", encoding="cp1251")
    assert (tmp_path / "tailings.cpg").read_text().strip().upper() in ("CP1251", "1251")
    dbf = (tmp_path / "tailings.dbf").read_bytes()
    assert "Заамар".encode("cp1251") in dbf and "Заамар".encode() not in dbf
    assert read_layer(path)["name"].tolist() == ["Заамар", "Бат-Олзий"]


def test_utf8_shapefile_keeps_mongolian_letters(tmp_path):
    frame = tailings().assign(name=["Заамар", "Бат-Өлзий"])
    path = write(frame, tmp_path / "tailings.shp")
    assert (tmp_path / "tailings.cpg").read_text().strip().upper() in ("UTF-8", "UTF8")
    assert read_layer(path)["name"].tolist() == ["Заамар", "Бат-Өлзий"]


def test_gpkg_layer_named_after_kind(tmp_path):
    path = tmp_path / "project.gpkg"
    write(tailings(), path, layer="tailings")
    write(good_layers()["posts"], path, layer="posts")
    check_tailings(read_layer(path, "tailings"))
    assert read_layer(path, layer="posts")["radius_m"].tolist() == [300.0]


def test_kml_folder_names_are_layers(tmp_path):
    path = tmp_path / "field.kml"
    write(tailings(), path, layer="tailings", driver="LIBKML")
    write(good_layers()["posts"], path, layer="posts", driver="LIBKML", append=True)
    assert [n for n, _ in pyogrio.list_layers(path)] == ["tailings", "posts"]
    check_tailings(read_layer(path, "tailings"))
    assert read_layer(path, layer="posts")["post_id"].tolist() == ["ZP-01"]


@pytest.mark.parametrize(("x", "y"), [("lon", "lat"), ("LONGITUDE", "Latitude"), ("X", "Y")])
def test_csv_lon_lat(tmp_path, x, y):
    path = tmp_path / "posts.csv"
    pd.DataFrame({"post_id": ["ZP-01", "ZP-02"], "authority": ["Police", "company"],
                  x: [104.72, "104,8"], y: [48.2, 48.25], "note": ["гүүр", ""]}
                 ).to_csv(path, index=False)
    back = read_layer(path)
    assert back.crs.to_epsg() == 4326
    assert back["authority"].tolist() == ["police", "company"]  # case normalized
    assert back.geometry.iloc[1].equals(Point(104.8, 48.25))
    assert back["note"].tolist() == ["гүүр", ""]
    assert back["radius_m"].isna().all() and str(back["start_date"].dtype).startswith("datetime")


def test_csv_wkt_in_utm_with_crs(tmp_path):
    frame = gpd.GeoSeries(tailings().geometry).to_crs("EPSG:32648")
    path = tmp_path / "tailings.csv"
    pd.DataFrame({"WKT": frame.to_wkt(), "site_id": ["T-1", "T-2"],
                  "stage": ["mined_out", "active"]}).to_csv(path, index=False)
    back = read_layer(path, crs="EPSG:32648")
    assert back.total_bounds == pytest.approx(tailings().total_bounds, abs=1e-7)


def test_types_and_defaults(tmp_path):
    layers = good_layers()
    lic = read_layer(write(layers["licenses"], tmp_path / "licenses.gpkg"))
    assert lic["status"].tolist() == ["active"]  # default
    assert lic["start_date"].iloc[0] == pd.Timestamp("2015-03-01")
    assert str(lic["end_date"].dtype).startswith("datetime64")
    towns = layers["settlements"].assign(is_base=["yes"])
    assert read_layer(write(towns, tmp_path / "settlements.geojson"))["is_base"].tolist() == [True]
    assert BASE == pytest.approx(tuple(read_layer(tmp_path / "settlements.geojson")
                                       .geometry.iloc[0].coords[0]))


def test_read_layer_raises_one_line_naming_feature_field_and_fix(tmp_path):
    frame = tailings().assign(stage=["mined out", "minedout"])
    with pytest.raises(DataError) as info:
        read_layer(write(frame, tmp_path / "tailings.geojson"))
    assert str(info.value) == ("tailings.geojson, feature T-2, field stage: value 'minedout' is "
                               "not allowed; use 'mined_out'; allowed: active, mined_out, "
                               "reclaiming, reclaimed")


def test_heights_are_dropped(tmp_path):
    """GPS and survey files carry heights (Z); the layer comes back flat."""
    x, y = BASE[0] - 0.05, BASE[1]
    frame = good_layers()["posts"].set_geometry(
        gpd.GeoSeries.from_wkt([f"POINT Z ({x} {y} 1320)"], crs="EPSG:4326"))
    path = write(frame, tmp_path / "posts.gpkg")
    assert pyogrio.read_info(path)["geometry_type"] == "Point Z"
    posts = read_layer(path)
    assert posts.geometry.iloc[0].wkt == Point(x, y).wkt
