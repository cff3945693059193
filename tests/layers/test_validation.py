"""`layers.validate`: every bad-input class, with the message parts a user needs."""

from __future__ import annotations

import numpy as np
import pytest

import geopandas as gpd
import pyogrio
from shapely.geometry import LineString, Point, Polygon

from asmap.layers import UsageError, validate
from asmap.layers.problems import MAX_PER_CHECK
from tests.helpers import BOWTIE, EMPTY, tree_hash
from tests.layers.layer_helpers import BASE, good_layers, project, table, write


def only(problems, **match):
    """The one problem whose fields contain the given texts."""
    rows = table(problems)
    for key, text in match.items():
        rows = rows[rows[key].str.contains(text, regex=False)]
    assert len(rows) == 1, table(problems).to_string()
    return rows.iloc[0]


def errors(problems):
    return [p for p in problems if p.severity == "error"]


def test_good_project_is_clean(tmp_path):
    assert validate(project(tmp_path)) == []


def test_empty_unreadable_and_not_a_layer(tmp_path):
    project(tmp_path)
    (tmp_path / "tailings.geojson").write_bytes(b"")
    (tmp_path / "licenses.geojson").write_bytes(b"\x00\xffnot json at all")
    (tmp_path / "posts.geojson").unlink()
    (tmp_path / "posts.csv").write_text("post_id,authority\nZP-01,police\n", encoding="utf-8")
    problems = validate(tmp_path)
    assert only(problems, file="tailings.geojson")["message"] == "the file is empty"
    assert only(problems, file="licenses.geojson")["message"].startswith(
        "cannot read this GeoJSON file")
    assert only(problems, file="posts.csv")["message"].startswith("not a layer")
    assert len(errors(problems)) == 3


def test_misspelt_file_names_the_nearest_kind_and_other_files_are_ignored(tmp_path):
    project(tmp_path)
    (tmp_path / "licenses.geojson").rename(tmp_path / "licences.geojson")
    for name in ("README.md", "photo.jpg", "notes.txt", "tailings.qmd", "asmap.toml"):
        (tmp_path / name).write_bytes(b"")
    write(good_layers()["tailings"], tmp_path / "old" / "tailings.shp")  # sub-folder ignored
    problem = only(validate(tmp_path), severity="error")
    assert problem["file"] == "licences.geojson"
    assert "did you mean 'licenses'?" in problem["message"]
    assert "rename it licenses.geojson" in problem["hint"]


def test_unrelated_csv_is_a_warning_only(tmp_path):
    project(tmp_path)
    (tmp_path / "phone_list.csv").write_text("name,phone\nA,1\n", encoding="utf-8")
    problem = only(validate(tmp_path), file="phone_list.csv")
    assert problem["severity"] == "warning" and problem["message"].startswith("ignored")


def test_two_files_for_one_kind(tmp_path):
    project(tmp_path)
    write(good_layers()["tailings"], tmp_path / "tailings.shp")
    problem = only(validate(tmp_path), severity="error")
    assert problem["message"].startswith("two layers for tailings: tailings.geojson and "
                                         "tailings.shp")


def test_missing_tailings(tmp_path):
    layers = good_layers()
    del layers["tailings"]
    problem = only(validate(project(tmp_path, layers)), severity="error")
    assert problem["layer"] == "tailings" and "no tailings layer" in problem["message"]


def test_shapefile_without_prj_asks_for_crs(tmp_path):
    utm = good_layers()["tailings"].to_crs("EPSG:32648")
    write(utm, tmp_path / "tailings.shp")
    (tmp_path / "tailings.prj").unlink()
    problem = only(validate(tmp_path), severity="error")
    assert problem["file"] == "tailings.shp" and "has no CRS" in problem["message"]
    assert "--crs" in problem["hint"]
    assert validate(tmp_path, crs="EPSG:32648") == []
    assert validate(tmp_path, crs="32648") == []


def test_bad_crs_option_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="--crs 'EPSG:99999999' is no CRS"):
        validate(project(tmp_path), crs="EPSG:99999999")


def test_lat_lon_swapped_in_mongolia(tmp_path):
    layers = good_layers()
    layers["posts"] = layers["posts"].set_geometry([Point(BASE[1], BASE[0])], crs=4326)
    problem = only(validate(project(tmp_path, layers)), severity="error")
    assert (problem["file"], problem["feature"]) == ("posts.geojson", "ZP-01")
    assert "latitude and longitude swapped" in problem["message"]


def test_latitude_over_90_is_swapped(tmp_path):
    layers = good_layers()
    layers["settlements"] = layers["settlements"].set_geometry([Point(-20, 120)], crs=4326)
    problem = only(validate(project(tmp_path, layers)), severity="error")
    assert problem["feature"] == "row 1" and "swapped" in problem["message"]


def test_metres_in_geojson_and_the_crs_option(tmp_path):
    layers = good_layers()
    utm = layers["tailings"].to_crs("EPSG:32648")
    layers["tailings"] = utm.set_crs(4326, allow_override=True)  # metres labelled degrees
    folder = project(tmp_path, layers)
    problems = validate(folder)
    assert {p.feature for p in problems} == {"T-1", "T-2"}
    assert "look like metres" in problems[0].message and "--crs" in problems[0].hint
    fixed = validate(folder, crs="EPSG:32648")
    assert [p.severity for p in fixed] == ["warning"]
    assert "read as EPSG:32648" in fixed[0].message


def test_degrees_in_a_metre_crs(tmp_path):
    layers = good_layers()
    layers["tailings"] = layers["tailings"].set_crs("EPSG:32648", allow_override=True)
    problems = errors(validate(project(tmp_path, layers, ".gpkg")))
    assert "look like degrees, but the CRS is EPSG:32648" in problems[0].message


def test_pulkovo_needs_parameters(tmp_path):
    layers = good_layers()
    layers["tailings"] = layers["tailings"].to_crs("EPSG:28418")  # Pulkovo 1942 / GK zone 18
    problem = only(validate(project(tmp_path, layers, ".gpkg")), severity="error")
    assert "Pulkovo" in problem["message"] and "+towgs84" in problem["hint"]


def test_wrong_family_null_and_empty_geometries(tmp_path):
    layers = good_layers()
    t = layers["tailings"]
    extra = gpd.GeoDataFrame({"site_id": ["T-3", "T-4", "T-5"], "stage": ["active"] * 3},
                             geometry=[Point(*BASE), None, EMPTY], crs=4326)
    layers["tailings"] = gpd.GeoDataFrame(
        gpd.pd.concat([t, extra], ignore_index=True), crs=4326)
    layers["roads"] = gpd.GeoDataFrame({"road_id": ["R1"]}, geometry=[BOWTIE], crs=4326)
    problems = validate(project(tmp_path, layers, ".gpkg"))
    assert only(problems, feature="T-3")["message"] == "geometry is a Point"
    assert "must be polygon features" in only(problems, feature="T-3")["hint"]
    assert only(problems, feature="T-4")["message"] == "feature has no geometry"
    assert only(problems, feature="T-5")["message"] == "feature has an empty geometry"
    road = only(problems, file="roads.gpkg")  # not repaired: the family is wrong anyway
    assert road["feature"] == "row 1" and road["message"] == "geometry is a Polygon"
    assert len(errors(problems)) == 4


def test_invalid_geometry_repaired_with_a_warning(tmp_path):
    from asmap.layers import load

    layers = good_layers()
    layers["tailings"].loc[1, "geometry"] = BOWTIE
    folder = project(tmp_path, layers)
    problem = only(validate(folder), feature="T-2")
    assert problem["severity"] == "warning"
    assert problem["message"].startswith("invalid geometry (Self-intersection")
    assert problem["message"].endswith("repaired with make_valid")
    repaired = load(folder)["tailings"].geometry.iloc[1]
    assert repaired.is_valid and repaired.geom_type == "MultiPolygon"
    assert repaired.area == pytest.approx(BOWTIE.buffer(0).area + 0.0001, rel=0.6)


def test_missing_required_column_suggests_the_near_name(tmp_path):
    layers = good_layers()
    layers["tailings"] = layers["tailings"].rename(columns={"stage": "stge"})
    problem = only(validate(project(tmp_path, layers)), severity="error")
    assert (problem["field"], problem["message"]) == ("stage", "required column 'stage' is "
                                                      "missing")
    assert problem["hint"].startswith("rename column 'stge' to 'stage'")


def test_google_earth_placemark_names_are_offered_as_the_ids(tmp_path):
    kml = tmp_path / "tailings.kml"
    pyogrio.write_dataframe(gpd.GeoDataFrame(
        {"Name": ["ZT-01", "ZT-02", "ZT-03"], "Description": ["mined out", "", ""]},
        geometry=[Polygon([(104.8 + i / 50, 48.2), (104.81 + i / 50, 48.2),
                           (104.81 + i / 50, 48.21)]) for i in range(3)], crs=4326), kml,
        driver="KML")
    problem = only(validate(tmp_path), field="site_id")
    assert problem["hint"] == ("column 'name' has a different value on every feature "
                               "(ZT-01, ZT-02, …): rename it to 'site_id' if those are the "
                               "ids, or add a column 'site_id'")


def test_value_not_allowed_names_value_feature_and_closest(tmp_path):
    layers = good_layers()
    layers["licenses"]["kind"] = ["minning"]
    layers["posts"]["authority"] = ["Police"]  # case does not matter
    problem = only(validate(project(tmp_path, layers)), severity="error")
    assert (problem["file"], problem["feature"], problem["field"]) == (
        "licenses.geojson", "MV-011722", "kind")
    assert problem["message"] == "value 'minning' is not allowed"
    assert problem["hint"] == "use 'mining'; allowed: mining, exploration, asm"


def test_empty_required_value_and_duplicate_ids(tmp_path):
    layers = good_layers()
    layers["tailings"]["site_id"] = ["T-1", "T-1"]
    layers["tailings"]["stage"] = ["active", None]
    problems = validate(project(tmp_path, layers))
    dup = only(problems, field="site_id")
    assert dup["feature"] == "T-1" and dup["message"] == "2 features share the id 'T-1' (row 1, " \
        "row 2)"
    assert only(problems, field="stage")["message"] == "empty"


def test_impossible_dates(tmp_path):
    layers = good_layers()
    lic = layers["licenses"]
    layers["licenses"] = gpd.GeoDataFrame(
        gpd.pd.concat([lic] * 4, ignore_index=True), crs=4326).assign(
        license_id=["L1", "L2", "L3", "L4"],
        start_date=["2021-02-30", "next spring", "2021-05-01", "2019-01-01"],
        end_date=[None, "", "2020-05-01", "3021-01-01"])
    problems = validate(project(tmp_path, layers))
    assert only(problems, feature="L1")["message"] == "'2021-02-30' is not a real date"
    assert only(problems, feature="L2")["message"] == "'next spring' is not a date"
    assert only(problems, feature="L3")["message"] == "ends (2020-05-01) before it starts " \
        "(2021-05-01)"
    assert only(problems, feature="L4")["message"] == "year 3021 is not plausible"


def test_dates_in_other_notations_get_the_iso_form_suggested(tmp_path):
    layers = good_layers()
    lic = layers["licenses"]
    layers["licenses"] = gpd.GeoDataFrame(
        gpd.pd.concat([lic] * 3, ignore_index=True), crs=4326).assign(
        license_id=["L1", "L2", "L3"], start_date=["2019.04.06", "06.04.2019", "04/06/2019"])
    problems = validate(project(tmp_path, layers))
    assert not [p for p in problems if p.feature == "L1"]  # year first: read as it is
    assert only(problems, feature="L2")["hint"] == (
        "write it as YYYY-MM-DD (2019-04-06 if that is the day meant)")
    assert only(problems, feature="L3")["hint"] == "write it as YYYY-MM-DD"


@pytest.mark.parametrize("radius", [0, -5])
def test_radius_must_be_positive(tmp_path, radius):
    layers = good_layers()
    layers["posts"]["radius_m"] = [radius]
    problem = only(validate(project(tmp_path, layers)), severity="error")
    assert (problem["feature"], problem["field"]) == ("ZP-01", "radius_m")
    assert problem["message"] == f"radius_m is {radius}; it must be greater than 0"


@pytest.mark.parametrize(("base", "found"), [([False, False], "none"),
                                            ([True, True], "2 (Бат-Өлзий, Хэрлэн)")])
def test_exactly_one_base_settlement(tmp_path, base, found):
    layers = good_layers()
    layers["settlements"] = gpd.GeoDataFrame(
        {"name": ["Бат-Өлзий", "Хэрлэн"], "is_base": base},
        geometry=[Point(*BASE), Point(104.9, 48.1)], crs=4326)
    problem = only(validate(project(tmp_path, layers)), severity="error")
    assert problem["field"] == "is_base"
    assert problem["message"] == f"exactly one settlement must have is_base true; found {found}"


def test_problems_per_check_are_capped(tmp_path):
    n = 500
    x = BASE[0] + np.arange(n) * 0.001
    frame = gpd.GeoDataFrame({"site_id": [f"S{i}" for i in range(n)], "stage": "mined"},
                             geometry=[Point(v, BASE[1]).buffer(0.0004) for v in x], crs=4326)
    problems = validate(project(tmp_path, {"tailings": frame}, ".fgb"))
    assert len(problems) == MAX_PER_CHECK + 1
    assert problems[-1].message == f"… and {n - MAX_PER_CHECK} more features with a stage that " \
        "is not allowed"


def test_one_geopackage_whose_layers_are_kinds(tmp_path):
    gpkg = tmp_path / "field.gpkg"
    for kind, frame in good_layers().items():
        write(frame, gpkg, layer=kind if kind != "licenses" else "licences")
    pyogrio.write_dataframe(gpd.pd.DataFrame({"styleName": ["x"]}), gpkg, layer="layer_styles")
    problems = validate(tmp_path)
    problem = only(problems, severity="error")
    assert problem["layer"] == "field.gpkg:licences"
    assert "did you mean 'licenses'?" in problem["message"]
    assert validate(gpkg) == problems


def test_kml_folders_named_after_kinds(tmp_path):
    path = tmp_path / "gps.kml"
    for i, (kind, frame) in enumerate(good_layers().items()):
        write(frame, path, layer=kind, append=i > 0)
    assert validate(tmp_path) == []


def test_posts_kml_with_several_folders_is_one_layer(tmp_path):
    posts = good_layers()["posts"]
    path = tmp_path / "posts.kml"
    write(posts, path, layer="police")
    write(posts.assign(post_id=["ZP-02"], authority=["company"]), path, layer="company",
          append=True)
    write(good_layers()["tailings"], tmp_path / "tailings.kml")
    assert validate(tmp_path) == []


def test_lines_in_rivers_and_polygons_too(tmp_path):
    rivers = gpd.GeoDataFrame({"name": ["Туул", "pond"]}, crs=4326, geometry=[
        LineString([(104.6, 48.0), (104.5, 48.5)]), Polygon([(104.6, 48.1), (104.61, 48.1),
                                                             (104.61, 48.11)])])
    assert validate(project(tmp_path, {**good_layers(), "rivers": rivers}, ".shp")) == []


def test_validate_never_modifies_inputs(tmp_path):
    for ext in (".geojson", ".shp", ".gpkg", ".kml", ".fgb"):
        project(tmp_path / ext[1:], ext=ext)
    before = tree_hash(tmp_path)
    for ext in (".geojson", ".shp", ".gpkg", ".kml", ".fgb"):
        assert validate(tmp_path / ext[1:]) == []
    assert tree_hash(tmp_path) == before


def test_gpx_waypoints_in_a_folder(tmp_path):
    project(tmp_path, {k: v for k, v in good_layers().items() if k != "posts"})
    posts = good_layers()["posts"][["post_id", "geometry"]].rename(columns={"post_id": "name"})
    write(posts, tmp_path / "posts.gpx", layer="waypoints", driver="GPX")
    problem = only(validate(tmp_path), severity="error")
    assert (problem["file"], problem["feature"], problem["field"]) == (
        "posts.gpx", "ZP-01", "authority")
