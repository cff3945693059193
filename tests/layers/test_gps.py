"""Handheld GPS in: Garmin, OsmAnd, GPS Logger and GDAL-written GPX, and CSV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import geopandas as gpd
import pyogrio
import shapely

from asmap import layers
from asmap.layers.errors import DataError, UsageError
from asmap.layers.gps import import_gps, read_gps

GPS = Path(__file__).resolve().parent.parent / "data" / "gps"


def test_garmin_waypoints_become_posts_with_elevation_and_date():
    posts = read_gps(GPS / "garmin_etrex.gpx", kind="posts")
    assert posts["post_id"].tolist() == ["ZP-01", "ZP-03"]
    assert posts["name"].iloc[0] == "Бат-Өлзийн баруун пост"
    assert posts["ele"].tolist() == pytest.approx([1128.42, 1140.10])
    assert not posts.has_z.any()
    # 2021-04-05T23:30Z is 07:30 on 6 April in Zaamar (UTC+8)
    assert [str(d.date()) for d in posts["observed_on"]] == ["2021-04-06", "2021-04-06"]
    assert posts["authority"].isna().all()
    assert [p.line() for p in posts.attrs["problems"]] == [
        "posts, field authority: authority is empty for 2 of 2 features; fill in who runs the "
        "post (police, company, other)"]


def test_garmin_track_in_two_segments_closes_into_a_polygon():
    tailings = read_gps(GPS / "garmin_etrex.gpx", kind="tailings")
    assert tailings["site_id"].tolist() == ["ZT-40"]
    polygon = tailings.geometry.iloc[0]
    assert polygon.geom_type == "Polygon" and polygon.is_valid
    assert len(shapely.get_coordinates(polygon.exterior)) == 7  # 6 points, closed
    assert "stage" in tailings and tailings["stage"].isna().all()


def test_garmin_road_keeps_its_gap_as_a_multiline():
    roads = read_gps(GPS / "garmin_road.gpx", kind="roads")
    assert roads["road_id"].tolist() == ["R-track"]
    assert roads.geom_type.tolist() == ["MultiLineString"]
    assert len(shapely.get_parts(roads.geometry.iloc[0])) == 2


def test_osmand_track_becomes_a_named_site():
    tailings = read_gps(GPS / "osmand_walk.gpx", kind="tailings")
    assert tailings[["site_id", "name"]].values.tolist() == [["ZT-41", "Голын эргийн хаягдал"]]
    # 0.003 deg lon x 0.002 deg lat at 48.25 N: 222.4 m x 222.4 m = 4.95 ha
    assert tailings.to_crs(32648).area.iloc[0] / 10_000 == pytest.approx(4.95, abs=0.05)


def test_open_track_is_a_line_for_roads_and_an_error_for_tailings(tmp_path):
    roads = read_gps(GPS / "gpslogger_open.gpx", kind="roads")
    assert roads.geom_type.tolist() == ["LineString"]
    out = tmp_path / "tailings.gpkg"
    with pytest.raises(DataError, match=r"track '20210406', field geometry: it is not closed "
                                        r"\(its ends are 3"):
        import_gps(GPS / "gpslogger_open.gpx", out, kind="tailings")
    assert not out.exists()


def test_gpx_written_by_gdal(tmp_path):
    path = tmp_path / "gdal.gpx"
    points = gpd.GeoDataFrame({"name": ["Бат-Өлзий", "Заамар"], "ele": [1136.0, 1100.0]},
                              geometry=shapely.points([(104.77389, 48.21667), (104.6, 48.3)]),
                              crs="EPSG:4326")
    pyogrio.write_dataframe(points, path, driver="GPX", layer="waypoints")
    settlements = read_gps(path, kind="settlements")
    assert settlements["name"].tolist() == ["Бат-Өлзий", "Заамар"]
    assert settlements["ele"].tolist() == [1136.0, 1100.0]


def test_csv_points_and_walked_polygon(tmp_path):
    path = tmp_path / "walk.csv"
    path.write_text("name,lat,lon,ele\nZP-07,48°13'00\",104 46 26,1136\nZP-08,48.3,104.6,\n",
                    encoding="utf-8")
    posts = read_gps(path, kind="posts")
    np.testing.assert_allclose(shapely.get_coordinates(posts.geometry.iloc[0]),
                               [[104 + 46 / 60 + 26 / 3600, 48 + 13 / 60]])
    assert posts["post_id"].tolist() == ["ZP-07", "ZP-08"]
    ring = tmp_path / "ring.csv"
    ring.write_text("Нэр;Өргөрөг;Уртраг\nA;48.25;104.45\nA;48.25;104.453\nA;48.252;104.453\n"
                    "A;48.25001;104.45001\n", encoding="utf-8")
    tailings = read_gps(ring, kind="tailings")
    assert tailings["site_id"].tolist() == ["A"]
    assert tailings.geom_type.tolist() == ["Polygon"]


def test_unknown_kind_and_format(tmp_path):
    with pytest.raises(UsageError, match="unknown layer kind 'tailing'"):
        read_gps(GPS / "garmin_etrex.gpx", kind="tailing")
    other = tmp_path / "walk.kml"
    other.write_text("<kml/>")
    with pytest.raises(UsageError, match=".gpx or .csv"):
        read_gps(other, kind="posts")


def test_validate_says_what_to_fill_in(tmp_path):
    folder = tmp_path / "project"
    import_gps(GPS / "osmand_walk.gpx", folder / "tailings.geojson", kind="tailings")
    problems = [p for p in layers.validate(folder) if p.layer == "tailings"]
    assert problems, "an empty stage must be reported"
    assert all(p.severity == "error" for p in problems)
    assert any(p.field == "stage" for p in problems)
