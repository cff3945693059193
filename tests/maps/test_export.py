"""Exports: KMZ parsed as XML, the styled GeoPackage, Shapefiles in Cyrillic, round trips."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
import zipfile

import pandas as pd
import pytest

import geopandas as gpd
import pyogrio
import shapely

from asmap import geo, layers
from asmap.maps.exchange.export import export
from asmap.maps.exchange.kml import kml_colour

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE = '<img src=x onerror="alert(1)">&'


@pytest.fixture(scope="module")
def project():
    return layers.load(layers.sample_path())


@pytest.fixture(scope="module")
def analysis(project):
    return geo.analyze(project)


def hostile_project():
    tailings = gpd.GeoDataFrame(
        {"site_id": ["ZT-1", "ZT-2"], "stage": ["mined_out", "active"],
         "name": ["Заамар", HOSTILE], "contact": ["+976 9900-0000", None]},
        geometry=[shapely.box(104.40, 48.20, 104.41, 48.21),
                  shapely.box(104.42, 48.20, 104.43, 48.21)], crs="EPSG:4326")
    posts = gpd.GeoDataFrame({"post_id": ["P-1"], "authority": ["police"], "radius_m": [500.0]},
                             geometry=[shapely.Point(104.77, 48.22)], crs="EPSG:4326")
    return layers.Project({"tailings": tailings, "posts": posts})


def test_kmz_folders_styles_and_escaping(tmp_path):
    out = export(hostile_project(), tmp_path / "map.kmz", to="kmz", lang="en")
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["doc.kml"]
        root = ET.fromstring(archive.read("doc.kml"))
    doc = root.find(f"{KML}Document")
    folders = {f.get("id"): f for f in doc.findall(f"{KML}Folder")}
    assert {k: len(f.findall(f"{KML}Placemark")) for k, f in folders.items()} == {
        "tailings": 2, "posts": 1}
    assert folders["posts"].find(f"{KML}name").text == "Posts"
    styles = {s.get("id"): s for s in doc.findall(f"{KML}Style")}
    assert set(styles) == {"tailings", "posts"}
    # vermillion #D55E00 as aabbggrr
    assert styles["posts"].find(f"{KML}IconStyle/{KML}color").text == "ff005ed5"
    marks = folders["tailings"].findall(f"{KML}Placemark")
    assert marks[0].find(f"{KML}name").text == "ZT-1 Заамар"
    assert marks[0].find(f"{KML}styleUrl").text == "#tailings"
    hostile = marks[1]
    assert hostile.find(f"{KML}name").text == f"ZT-2 {HOSTILE}"  # plain text in XML
    description = hostile.find(f"{KML}description").text
    assert "<img" not in description and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;" \
        in description
    assert "<th>Stage</th><td>active</td>" in description


def test_kml_colour():
    assert kml_colour("#009E73", 0.75) == "bf739e00"


def test_analysis_kml_categorizes_sites(analysis, tmp_path):
    out = export(analysis, tmp_path / "results.kml", to="kml", lang="mn", profile="public")
    doc = ET.parse(out).getroot().find(f"{KML}Document")
    folders = {f.get("id"): f for f in doc.findall(f"{KML}Folder")}
    assert "tailings" not in folders
    sites = folders["sites"].findall(f"{KML}Placemark")
    assert len(sites) == len(analysis.sites)
    assert {s.find(f"{KML}styleUrl").text for s in sites} <= {
        f"#sites-{c}" for c in ("eligible", "unverified", "NOT_MINED_OUT", "OUTSIDE_SOUM",
                                "TOO_SMALL", "TOO_FAR")}
    assert "Ашиглах боломжтой</div>" in sites[0].find(f"{KML}description").text  # its verdict
    assert b"+976" not in out.read_bytes()  # contacts stay out of a public export


def test_gpkg_layers_and_qgis_styles(analysis, tmp_path):
    out = export(analysis, tmp_path / "results.gpkg", to="gpkg", lang="en")
    names = [name for name, _ in pyogrio.list_layers(out)]
    expected = [*geo.Analysis.OUTPUTS, *[k for k in analysis.layers if k != "tailings"]]
    assert sorted(names) == sorted([*expected, "layer_styles"])
    with sqlite3.connect(out) as db:
        rows = db.execute("SELECT f_table_name, f_geometry_column, styleName, styleQML, "
                          "styleSLD, useAsDefault FROM layer_styles").fetchall()
        columns = [r[1] for r in db.execute("PRAGMA table_info(layer_styles)")]
    assert columns == ["id", "f_table_catalog", "f_table_schema", "f_table_name",
                       "f_geometry_column", "styleName", "styleQML", "styleSLD",
                       "useAsDefault", "description", "owner", "ui", "update_time"]
    assert sorted(r[0] for r in rows) == sorted(expected)
    for _, geometry, _, qml, sld, default in rows:
        assert geometry == "geom" and default == 1
        assert ET.fromstring(qml.split("\n", 1)[1]).tag == "qgis"
        assert ET.fromstring(sld).tag.endswith("StyledLayerDescriptor")
    qml = ET.fromstring(dict((r[0], r[3]) for r in rows)["sites"].split("\n", 1)[1])
    renderer = qml.find("renderer-v2")
    assert (renderer.get("type"), renderer.get("attr")) == ("categorizedSymbol", "category")
    labels = {c.get("value"): c.get("label") for c in renderer.iter("category")}
    assert labels["eligible"] == "Eligible" and labels["TOO_FAR"] == "Too far"
    # the export is also a results file: read back with every site, id and verdict
    back = geo.read_results(out)
    pd.testing.assert_series_equal(back.sites["site_id"], analysis.sites["site_id"].astype(
        back.sites["site_id"].dtype), check_names=False)
    assert back.sites["eligible"].tolist() == analysis.sites["eligible"].tolist()


def test_shapefile_cyrillic_and_short_names(analysis, tmp_path):
    out = export(analysis, tmp_path / "shp", to="shp")
    sites = pyogrio.read_dataframe(out / "sites.shp")
    assert "avail_ha" in sites and all(len(c) <= 10 for c in sites.columns)
    assert (out / "sites.cpg").read_text().strip().upper() in ("UTF-8", "UTF8")
    assert "| sites | avail_ha | available_ha |" in (out / "FIELDS.md").read_text()
    one = export(hostile_project(), tmp_path / "one", to="shp")
    assert pyogrio.read_dataframe(one / "tailings.shp")["name"].tolist() == ["Заамар", HOSTILE]


@pytest.mark.parametrize("to", ["gpkg", "geojson", "shp"])
def test_round_trip_keeps_every_feature(project, tmp_path, to):
    out = tmp_path / ("project.gpkg" if to == "gpkg" else "project")
    export(project, out, to=to)
    back = layers.load(out)
    assert set(back) == set(project)
    for kind, frame in project.items():
        spec = layers.specs.SPECS[kind]
        again = back[kind]
        assert len(again) == len(frame), kind
        for column in spec.column_names:
            if column in frame:
                left = frame[column].astype(object).where(frame[column].notna(), None)
                right = again[column].astype(object).where(again[column].notna(), None)
                assert left.tolist() == right.tolist(), (kind, column)
        distance = shapely.hausdorff_distance(again.geometry.values, frame.geometry.values)
        none = frame.geometry.isna().to_numpy() & again.geometry.isna().to_numpy()  # a table
        assert ((distance < 1e-6) | none).all(), kind


def test_kml_round_trip_keeps_ids_and_names(project, tmp_path):
    out = export(project, tmp_path / "project.kml", to="kml", lang="en")
    posts = pyogrio.read_dataframe(out, layer="Posts")
    assert posts["post_id"].tolist() == project["posts"]["post_id"].tolist()
    assert posts["Name"].tolist() == project["posts"]["name"].tolist()
    doc = ET.parse(out).getroot()
    names = [p.find(f"{KML}name").text for p in doc.iter(f"{KML}Placemark")
             if p.find(f"{KML}ExtendedData/{KML}Data[@name='site_id']") is not None]
    expected = [f"{i} {n}".strip() if isinstance(n, str) else i
                for i, n in zip(project["tailings"]["site_id"], project["tailings"]["name"],
                                strict=True)]
    assert names == expected


def test_export_reads_folders_and_results(analysis, tmp_path):
    export(layers.sample_path(), tmp_path / "folder.kmz", to="kmz")
    geo.write_results(analysis, tmp_path / "results.gpkg")
    out = export(tmp_path / "results.gpkg", tmp_path / "again.gpkg", to="gpkg")
    assert "sites" in [n for n, _ in pyogrio.list_layers(out)]


def test_kml_balloon_and_map_popup_say_the_same(analysis, tmp_path):
    """The KML description of a site is the map's popup: the same verdict and reason words."""
    from asmap.maps.web.popups import site_popup_pieces

    out = export(analysis, tmp_path / "results.kml", to="kml", lang="en")
    doc = ET.parse(out).getroot().find(f"{KML}Document")
    marks = doc.find(f"{KML}Folder[@id='sites']").findall(f"{KML}Placemark")
    balloons = {m.find(f"{KML}ExtendedData/{KML}Data[@name='site_id']/{KML}value").text:
                m.find(f"{KML}description").text for m in marks}
    seen = set()
    for site in analysis.sites.drop(columns="geometry").to_dict("records"):
        _, pieces, _ = site_popup_pieces(site, rules=analysis.rules, lang="en")
        for piece in pieces:  # verdict, reasons and notes, explained with the site's figures
            assert piece in balloons[site["site_id"]], (site["site_id"], piece)
            seen.add(piece)
    assert any("asmap-not-eligible'>Not eligible<" in p for p in seen)
    assert "<li><b>Too small</b>: Only" in " ".join(seen)
