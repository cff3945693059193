"""GeoPackage round trip, CSV export, determinism, and the bundled sample."""

from __future__ import annotations

import csv

import pytest

import pyogrio
import shapely

from asmap import geo, layers
from tests.geo.scenes import ON, base, box, frame, line, pt, sites

OUTPUT_LAYERS = ["sites", "eligible_parts", "exclusions", "routes", "conflicts", "agreements"]


@pytest.fixture
def small():
    return {
        "tailings": sites(box(0, 0, 200, 100), box(300, 0, 310, 10), operator=["A", "B"]),
        "rivers": frame([line((200, -500), (200, 500))], name=["Tuul"]),
        "roads": frame([line((0, -50), (1000, -50))], road_id=["R1"]),
        "settlements": base(0, -100),
        "posts": frame([pt(500, -50)], post_id=["P1"], authority=["police"]),
    }


def test_round_trip_keeps_layers_columns_and_metadata(small, tmp_path):
    result = geo.analyze(small, rules={"river_buffer_m": 50}, on=ON)
    path = geo.write_results(result, tmp_path / "r.gpkg")
    listed = pyogrio.list_layers(path)
    assert [str(n) for n in listed[:, 0]] == OUTPUT_LAYERS
    assert list(listed[:, 1]) == ["MultiPolygon", "MultiPolygon", "MultiPolygon",
                                  "LineString", "MultiPolygon", "MultiPolygon"]
    back = geo.read_results(path, layers=small)
    assert back.rules == result.rules and back.on == result.on
    assert back.unchecked == result.unchecked == ("LICENSE", "OUTSIDE_SOUM", "RECLAMATION",
                                                  "RESTRICTED")
    assert back.crs == "EPSG:32648"
    assert sorted(back.layers) == sorted(small)  # the input layers, for maps that draw them
    assert back.layers["roads"]["road_id"].tolist() == ["R1"]
    assert geo.read_results(path).layers == {}
    assert list(back.sites.columns) == list(result.sites.columns)
    # 2 ha site minus the river's 50 m on its east side: 50 x 100 m = 0.5 ha
    # the 0.01 ha heap lies wholly in P1's default 300 m zone (199 m to its far corner)
    assert back.sites["available_ha"].round(2).tolist() == [1.5, 0.0]
    assert back.sites["reasons"].tolist() == ["", "TOO_SMALL"]
    assert back.sites["notes"].tolist() == ["RIVER_BUFFER", "POST_ZONE"]
    assert back.sites["posts_on_route"].tolist() == ["", "P1"]
    assert back.sites["eligible"].tolist() == [True, False]
    assert back.sites["operator"].tolist() == ["A", "B"]
    assert len(back.conflicts) == 0 and list(back.conflicts.columns[:2]) == [
        "license_id_a", "license_id_b"]
    assert back.exclusions["kind"].tolist() == ["RIVER_BUFFER", "POST_ZONE"]
    assert back.sites.crs.to_epsg() == 4326


def test_same_inputs_give_identical_bytes(small, tmp_path):
    for name in ("a", "b"):
        result = geo.analyze(small, on=ON)
        geo.write_results(result, tmp_path / f"{name}.gpkg")
        geo.write_sites_csv(result, tmp_path / f"{name}.csv")
    assert (tmp_path / "a.gpkg").read_bytes() == (tmp_path / "b.gpkg").read_bytes()
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_csv_has_the_sites_and_centroids(small, tmp_path):
    path = geo.write_sites_csv(geo.analyze(small, on=ON), tmp_path / "s.csv")
    with path.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0])[:3] == ["site_id", "name", "stage"]
    assert list(rows[0])[-5:] == ["lon", "lat", "utm_e", "utm_n", "utm_zone"]
    # the first site's centroid is (100, 50) m from the origin
    assert (float(rows[0]["utm_e"]), float(rows[0]["utm_n"])) == (500_100.0, 5_340_050.0)
    assert rows[0]["utm_zone"] == "48N"
    assert float(rows[0]["lon"]) == pytest.approx(105.001346, abs=2e-6)
    assert len(rows[0]["lat"].split(".")[1]) <= 6


def test_results_must_be_a_geopackage(small, tmp_path):
    with pytest.raises(layers.UsageError, match="gpkg"):
        geo.write_results(geo.analyze(small, on=ON), tmp_path / "r.shp")


@pytest.fixture(scope="module")
def sample():
    return geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")


def _codes(values) -> set[str]:
    return {p for v in values for p in v.split(";") if p}


def test_bundled_sample_shows_every_reason_and_note(sample):
    s = sample.sites.set_index("site_id")
    assert _codes(s["reasons"]) == {"NOT_MINED_OUT", "OUTSIDE_SOUM", "TOO_SMALL", "TOO_FAR"}
    assert _codes(s["notes"]) == {"RIVER_BUFFER", "RESTRICTED", "RECLAMATION", "POST_ZONE"}
    assert 3 <= s["eligible"].sum() < len(s)
    assert s.at["ZT-03", "license_id"] == "MV-011001"  # tie: mining beats the ASM permit
    assert s.at["ZT-14", "reasons"] == "OUTSIDE_SOUM;TOO_SMALL"
    assert sample.crs == "EPSG:32648" and sample.unchecked == ()
    assert sample.summary()["conflicts"] == 1


def _page_size(path) -> int:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("PRAGMA page_size").fetchone()[0]


def test_large_results_are_written_in_16_kb_pages_and_read_back_the_same(tmp_path,
                                                                          monkeypatch):
    from asmap.geo import io
    from benchmarks.generate import ON as GENERATED_ON
    from benchmarks.generate import generate_layers

    result = geo.analyze(generate_layers(3000, seed=5), on=GENERATED_ON)
    coordinates = sum(int(shapely.get_num_coordinates(getattr(result, n).geometry.values).sum())
                      for n in ("sites", "routes"))
    assert coordinates > 70_000  # 3,000 sites: a threshold of 50,000 makes them large
    monkeypatch.setattr(io, "BIG_RESULTS_COORDINATES", 50_000)
    pyogrio.set_gdal_config_options({"OGR_SQLITE_PRAGMA": "cache_size=-4000"})
    try:
        big = geo.write_results(result, tmp_path / "big.gpkg")
        # a pragma the user set is kept, and is theirs again afterwards
        assert pyogrio.get_gdal_config_option("OGR_SQLITE_PRAGMA") == "cache_size=-4000"
    finally:
        pyogrio.set_gdal_config_options({"OGR_SQLITE_PRAGMA": None})
    monkeypatch.setattr(io, "BIG_RESULTS_COORDINATES", coordinates)  # not more than
    plain = geo.write_results(result, tmp_path / "plain.gpkg")
    assert (_page_size(big), _page_size(plain)) == (16384, 4096)
    assert pyogrio.get_gdal_config_option("OGR_SQLITE_PRAGMA") is None
    for name in OUTPUT_LAYERS:
        a = pyogrio.read_dataframe(big, layer=name)
        b = pyogrio.read_dataframe(plain, layer=name)
        assert a.equals(b), name
    assert len(pyogrio.read_dataframe(big, layer="routes")) == 3000
    assert geo.read_results(big).on == result.on


def test_small_results_keep_sqlite_s_4_kb_pages(small, tmp_path):
    path = geo.write_results(geo.analyze(small, on=ON), tmp_path / "r.gpkg")
    assert _page_size(path) == 4096
