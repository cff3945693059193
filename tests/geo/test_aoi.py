"""The area of interest: national and world files give the numbers of a folder clipped by
hand, or a clear error (issue 13)."""

from __future__ import annotations

import shutil

import numpy as np
import pandas as pd
import pytest

import geopandas as gpd
import pyogrio
import shapely

from asmap import geo, layers
from asmap.geo.aoi import aoi_problems, area_of_interest
from asmap.layers.errors import DataError, UsageError
from asmap.layers.validate import inspect
from tests import world

ON = "2021-04-06"
COMPARED = ["site_id", "area_ha", "available_ha", "route_km", "eligible", "reasons",
            "negotiate_with", "posts_on_route"]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("world")


@pytest.fixture(scope="module")
def clean(tmp):
    folder = world.clean(tmp / "c")
    return folder, geo.analyze(layers.load(folder), on=ON)


def sites_csv(analysis, path) -> pd.DataFrame:
    geo.write_sites_csv(analysis, path)
    return pd.read_csv(path)


def assert_same_numbers(got, want, tmp_path):
    """Areas, routes and UTM columns to 0.01 ha / 0.01 km / 0.01 m; verdicts equal."""
    a, b = got.sites, want.sites
    assert a["site_id"].tolist() == b["site_id"].tolist()
    for col in ("area_ha", "available_ha", "route_km"):
        np.testing.assert_allclose(a[col].to_numpy(float), b[col].to_numpy(float), atol=0.01)
    for col in ("eligible", "reasons", "negotiate_with", "posts_on_route"):
        assert a[col].fillna("").tolist() == b[col].fillna("").tolist(), col
    got_csv, want_csv = sites_csv(got, tmp_path / "a.csv"), sites_csv(want, tmp_path / "b.csv")
    for col in ("utm_e", "utm_n", "lon", "lat"):
        np.testing.assert_allclose(got_csv[col], want_csv[col], atol=0.01)
    assert (got_csv["utm_zone"] == "48N").all()
    assert got.crs == want.crs == "EPSG:32648"
    assert got.summary()["eligible_ha"] == want.summary()["eligible_ha"] == 86.94


VARIANTS = {
    "far rivers": world.far_rivers,
    "world rivers, settlements and polar zones": world.world,
    "the 329 soums as TopoJSON": world.national_soums,
    "all of it": lambda tmp: world.national_soums(tmp, world.world(tmp)),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_far_features_change_no_number(variant, clean, tmp, tmp_path):
    folder = VARIANTS[variant](tmp / variant.replace(" ", "_").replace(",", ""))
    result = geo.analyze(layers.load(folder), on=ON)
    assert_same_numbers(result, clean[1], tmp_path)
    assert result.soum in ("Заамар", "Zaamar")


def test_each_layer_says_how_many_features_were_left_out(tmp):
    folder = world.national_soums(tmp / "all", world.world(tmp / "all"))
    sample = layers.load(layers.sample_path())
    result = geo.analyze(layers.load(folder), on=ON)
    lines = [p.line() for p in result.warnings]
    rivers = len(sample["rivers"]) + len(world.FAR_RIVERS) + len(world.WORLD_RIVERS)
    towns = len(sample["settlements"]) + len(world.WORLD_SETTLEMENTS)
    assert lines[0].startswith("boundary, feature Zaamar: the layer holds 329 polygons; the "
                               "area of interest is Zaamar (it holds the most tailings area), "
                               "the 328 others were left out; pass --soum")
    assert (f"rivers: {len(world.FAR_RIVERS) + len(world.WORLD_RIVERS)} of {rivers} features "
            "lie more than 50 km from Zaamar and were left out") in lines[1:][1]
    assert (f"settlements: {len(world.WORLD_SETTLEMENTS)} of {towns} features lie more than "
            "50 km from Zaamar and were left out") in lines[-1]
    assert any(line.startswith("restricted: 2 of ") for line in lines)
    assert len(lines) == 4  # one per layer that lost features, plus the soum chosen
    # the maps draw the chosen soum only, and say its name
    assert result.layers["boundary"]["shapeID"].tolist() == [world.ZAAMAR_ID]
    assert len(result.layers["rivers"]) == len(sample["rivers"])


def test_validate_says_the_same(tmp):
    folder = world.national_soums(tmp / "v", world.far_rivers(tmp / "v"))
    checked = inspect(folder)
    said = aoi_problems(checked.layers)
    assert [p.severity for p in said] == ["warning", "warning"]
    assert said[0].layer == "boundary" and "328 others" in said[0].message
    assert said[1].line().startswith("rivers: 3 of ")


@pytest.mark.parametrize("soum", ["zaamar", "ZAAMAR ", world.ZAAMAR_ID.lower()])
def test_soum_is_matched_on_name_or_id_in_any_case(soum, tmp):
    folder = world.national_soums(tmp / f"s{abs(hash(soum))}")
    result = geo.analyze(layers.load(folder), on=ON, soum=soum)
    assert result.soum == "Zaamar" and result.warnings == []
    assert result.summary()["eligible"] == 16


def test_another_soum_can_be_chosen_and_its_name_is_used(tmp):
    folder = world.national_soums(tmp / "other")
    project = layers.load(folder)
    neighbour = project["boundary"]
    row = neighbour[neighbour["name"] == "Lun"]
    assert len(row) == 1, "Lün soum (Töv) borders Zaamar"
    result = geo.analyze(project, on=ON, soum=row["shapeID"].iloc[0])
    assert result.soum == "Lun"
    assert set(result.sites["reasons"].str.split(";").sum()) >= {"OUTSIDE_SOUM"}
    assert result.summary()["eligible"] == 0

    assert result.place_name() == "Lun"


def test_a_soum_that_is_not_there_or_twice_there_is_a_usage_error(tmp):
    project = layers.load(world.national_soums(tmp / "bad"))
    with pytest.raises(UsageError, match=r"--soum 'Atlantis' matches no polygon .*Sergelen"):
        geo.analyze(project, on=ON, soum="Atlantis")
    with pytest.raises(UsageError, match=r"--soum 'sergelen' matches 2 polygons .*MNG-ADM2"):
        geo.analyze(project, on=ON, soum="sergelen")
    no_boundary = {k: v for k, v in project.items() if k != "boundary"}
    with pytest.raises(UsageError, match="no boundary layer"):
        geo.analyze(no_boundary, on=ON, soum="Zaamar")


def test_without_a_boundary_the_area_is_the_tailings_extent(tmp):
    project = layers.load(world.far_rivers(tmp / "nob"))
    frames = {k: v for k, v in project.items() if k != "boundary"}
    aoi, boundary, said = area_of_interest(frames, margin_km=50)
    assert boundary is None and said == [] and aoi.name == ""
    np.testing.assert_allclose(shapely.bounds(aoi.geometry),
                               project["tailings"].total_bounds)
    result = geo.analyze(frames, on=ON)
    assert result.crs == "EPSG:32648"
    assert "rivers: 3 of " in result.warnings[0].line()
    assert "from the tailings" in result.warnings[0].line()


def test_the_margin_is_a_rule(tmp):
    project = layers.load(world.world(tmp / "margin"))
    wide = geo.analyze(project, on=ON, rules=geo.Rules(aoi_margin_km=200))
    assert [p.line().split(":")[0] for p in wide.warnings] == ["restricted", "rivers",
                                                              "settlements"]
    kept = wide.layers["settlements"]["name"].tolist()
    assert "Ulaanbaatar" in kept and "Beijing" not in kept  # about 160 km and 1,200 km away
    with pytest.raises(UsageError, match="aoi_margin_km"):
        geo.Rules(aoi_margin_km=-1)


def test_crs_still_overrides(clean):
    result = geo.analyze(layers.load(clean[0]), on=ON, crs="EPSG:32647")
    assert result.crs == "EPSG:32647"


@pytest.mark.parametrize("zone", [
    shapely.box(-180, -89, 180, 89),  # the whole world
    shapely.box(103.0, 47.0, 106.5, 49.5),  # larger than the soum
])
def test_a_zone_larger_than_the_soum_covers_every_site(zone, clean):
    project = layers.load(clean[0])
    frames = dict(project)
    frames["restricted"] = gpd.GeoDataFrame(
        {"zone_id": ["BIG"], "kind": ["protected"], "name": ["big"]}, geometry=[zone],
        crs="EPSG:4326")
    result = geo.analyze(frames, on=ON)
    assert result.summary()["eligible"] == 0
    assert (result.sites["available_ha"] == 0).all()
    inside = ~result.sites["reasons"].str.contains("OUTSIDE_SOUM")
    assert result.sites.loc[inside, "notes"].str.contains("RESTRICTED").all()


def test_a_far_post_is_left_out_with_a_warning(clean, tmp_path):
    project = layers.load(clean[0])
    frames = dict(project)
    posts = frames["posts"]
    far = posts.iloc[[0]].copy()
    far["post_id"] = "FAR-1"
    far.geometry = [shapely.Point(10.0, 50.0)]  # in Germany
    frames["posts"] = gpd.GeoDataFrame(pd.concat([posts, far], ignore_index=True),
                                       crs=posts.crs)
    result = geo.analyze(frames, on=ON)
    assert [p.line().split(";")[0] for p in result.warnings] == [
        f"posts: 1 of {len(posts) + 1} features lie more than 50 km from Заамар and were "
        "left out"]
    assert_same_numbers(result, clean[1], tmp_path)


def test_a_base_settlement_beyond_the_margin_is_an_error(clean):
    frames = dict(layers.load(clean[0]))
    towns = frames["settlements"].copy()
    base = towns["is_base"].to_numpy(bool)
    towns.loc[base, "geometry"] = shapely.Point(106.917, 47.917)  # Ulaanbaatar
    frames["settlements"] = towns
    with pytest.raises(DataError, match="base settlement Бат-Өлзий lies more than 50 km"):
        geo.analyze(frames, on=ON)


def test_a_site_on_another_continent_is_left_out_with_a_warning(clean, tmp_path):
    frames = dict(layers.load(clean[0]))
    tailings = frames["tailings"]
    far = tailings.iloc[[0]].copy()
    far["site_id"] = "FAR-SITE"
    far.geometry = [shapely.box(-100.01, 40.0, -100.0, 40.01)]  # Kansas
    frames["tailings"] = gpd.GeoDataFrame(pd.concat([tailings, far], ignore_index=True),
                                          crs=tailings.crs)
    result = geo.analyze(frames, on=ON)
    assert [p.line().split(";")[0] for p in result.warnings] == [
        f"tailings: 1 of {len(tailings) + 1} features lie more than 50 km from Заамар and "
        "were left out"]
    assert_same_numbers(result, clean[1], tmp_path)


def test_what_cannot_be_measured_in_the_zone_is_an_error_naming_it(clean):
    frames = dict(layers.load(clean[0]))
    rivers = frames["rivers"]
    frames["rivers"] = gpd.GeoDataFrame(pd.concat([rivers, world.lines(world.WORLD_RIVERS)],
                                                  ignore_index=True), crs=rivers.crs)
    # a margin of 20,000 km keeps every river; the Congo crosses (15°E, 0°), infinite there
    with pytest.raises(DataError, match=r"rivers: feature row \d+ .*cannot be measured in "
                                        r"EPSG:32648 \(UTM 48N\)"):
        geo.analyze(frames, on=ON, rules=geo.Rules(aoi_margin_km=20_000))


def test_coordinates_that_are_not_numbers_are_errors_naming_the_feature(tmp_path):
    folder = tmp_path / "nan"
    shutil.copytree(layers.sample_path(), folder)
    rivers = pyogrio.read_dataframe(folder / "rivers.geojson")
    xy = shapely.get_coordinates(rivers.geometry.iloc[0])
    xy[3] = np.nan
    with np.errstate(invalid="ignore"):  # a NaN vertex on purpose
        rivers.loc[0, "geometry"] = shapely.linestrings(xy)
    (folder / "rivers.geojson").unlink()
    pyogrio.write_dataframe(rivers, folder / "rivers.gpkg", driver="GPKG")
    problems = [p for p in layers.validate(folder) if p.is_error]
    assert [(p.layer, p.feature, p.message) for p in problems] == [
        ("rivers", "row 1", "coordinates are not numbers (NaN or infinity)")]


def test_the_national_topojson_is_read():
    frame = layers.read_layer(world.SOUMS, "boundary")
    assert len(frame) == 329 and frame.crs.to_epsg() == 4326
    zaamar = frame[frame["shapeID"] == world.ZAAMAR_ID]
    assert zaamar["name"].tolist() == ["Zaamar"]  # shapeName is read as the name
    assert shapely.is_valid(frame.geometry.values).all()
    area_km2 = zaamar.to_crs("EPSG:32648").area.iloc[0] / 1e6
    assert 2_700 < area_km2 < 3_000  # about 2,800-2,900 km²


def test_an_unreadable_file_named_after_a_kind_is_an_error(tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(layers.sample_path(), folder)
    (folder / "boundary.geojson").unlink()
    (folder / "boundary.topojson").write_text('{"type": "Topology", "objects": ', "utf-8")
    (folder / "rivers.geojson").rename(folder / "rivers.topo")
    errors = [p for p in layers.validate(folder) if p.is_error]
    assert {p.layer for p in errors} == {"boundary", "rivers"}
    assert any("cannot read this TopoJSON file" in p.message for p in errors)
    assert any("'rivers.topo' is named after the rivers layer" in p.message for p in errors)


def test_a_site_across_the_margin_lies_on_the_license_it_overlaps_most():
    """Licenses are never cut at the margin: cut, the license a site across it overlaps
    most (mostly beyond the margin) lost to one it overlaps less (found at 100,000 sites
    against DuckDB's pick)."""
    from pyproj import Transformer

    project = dict(layers.load(layers.sample_path()))
    frames = {k: v for k, v in project.items() if k != "agreements"}
    aoi, _, _ = area_of_interest(frames, margin_km=1)
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32648", always_xy=True)
    x, y = np.asarray(to_utm.transform(*shapely.get_coordinates(aoi.grown).T))
    east = int(np.argmax(x))
    px, py = float(x[east]), float(y[east])  # the grown area's east end: its edge runs N-S

    def wgs(boxes):
        return gpd.GeoSeries(boxes, crs="EPSG:32648").to_crs("EPSG:4326").values

    site = project["tailings"].iloc[[0]].copy()
    site["site_id"], site.geometry.values[:] = "ACROSS", wgs([shapely.box(px - 100, py - 100,
                                                                          px + 300, py + 100)])
    lic = project["licenses"].iloc[[0, 0]].copy()
    lic["license_id"], lic["holder"] = ["INSIDE", "BEYOND"], ["Inside LLC", "Beyond LLC"]
    lic.geometry.values[:] = wgs([shapely.box(px - 1000, py - 1000, px - 20, py + 1000),
                                  shapely.box(px - 20, py - 1000, px + 3000, py + 1000)])
    project["tailings"] = pd.concat([project["tailings"], site], ignore_index=True)
    project["licenses"] = pd.concat([project["licenses"], lic], ignore_index=True)
    result = geo.analyze(project, on=ON, rules=geo.Rules(aoi_margin_km=1))
    row = result.sites.set_index("site_id").loc["ACROSS"]
    assert row["license_id"] == "BEYOND" and row["negotiate_with"] == "Beyond LLC"
    assert row["licenses_all"] == "BEYOND;INSIDE"
    kept = result.layers["licenses"].set_index("license_id").to_crs("EPSG:32648")
    assert kept.loc["BEYOND"].geometry.area == pytest.approx(3020 * 2000, rel=1e-6)
