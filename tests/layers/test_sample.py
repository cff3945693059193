"""The bundled Zaamar sample: files, catalogue columns, provenance, and what it demonstrates."""

from __future__ import annotations

import importlib.util
import tomllib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import pyogrio

from asmap import geo, layers
from asmap.geo.rules import Rules
from asmap.layers.project import sample_path
from asmap.layers.specs import KINDS, MEDIA, SPECS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sample_path()
FOCUS_DAY = date(2021, 4, 6)
SHAPE_ID = "MNG-ADM2-30978026B31941396"
REASONS = {"NOT_MINED_OUT", "OUTSIDE_SOUM", "TOO_SMALL", "TOO_FAR"}
NOTES = {"RIVER_BUFFER", "RESTRICTED", "RECLAMATION", "POST_ZONE"}
#: Kinds the sample holds as GeoJSON; the agreements are a CSV table.
GEO_KINDS = tuple(k for k in KINDS if k != "agreements")


@pytest.fixture(scope="module")
def make_sample():
    """The generating script, imported as a module (it only writes when `main` runs)."""
    path = ROOT / "scripts" / "make_sample.py"
    spec = importlib.util.spec_from_file_location("make_sample", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def frames():
    """Every sample layer as pyogrio reads it."""
    return {kind: pyogrio.read_dataframe(SAMPLE / f"{kind}.geojson") for kind in GEO_KINDS}


def test_one_geojson_per_kind_plus_settings_readme_and_basemap():
    names = sorted(p.name for p in SAMPLE.iterdir())
    assert names == sorted([f"{kind}.geojson" for kind in GEO_KINDS]
                           + ["agreements.csv", "README.md", "asmap.toml", "basemap.mbtiles"])
    assert (SAMPLE / "basemap.mbtiles").stat().st_size < 5_000_000  # keep the repository small


@pytest.mark.parametrize("kind", GEO_KINDS)
def test_layer_has_catalogue_columns_crs_and_unique_ids(kind, frames):
    spec, frame = SPECS[kind], frames[kind]
    info = pyogrio.read_info(SAMPLE / f"{kind}.geojson")
    assert info["crs"] == "EPSG:4326" and info["driver"] == "GeoJSON"
    media = {c.name for c in MEDIA}  # photos and documents: the sample has none to show
    assert set(spec.column_names) - media <= set(frame.columns)
    assert set(frame.geom_type) <= spec.geometry_types
    assert frame.geometry.is_valid.all() and len(frame) > 0
    if spec.id_column:
        assert frame[spec.id_column].is_unique and frame[spec.id_column].notna().all()
    for col in spec.columns:
        if col.allowed:
            assert set(frame[col.name].dropna()) <= set(col.allowed), col.name
        if col.required:
            assert frame[col.name].notna().all(), col.name


@pytest.mark.parametrize("kind", GEO_KINDS)
def test_layer_metadata_says_what_it_is(kind):
    description = pyogrio.read_info(SAMPLE / f"{kind}.geojson")["layer_metadata"]["DESCRIPTION"]
    if kind == "boundary":
        assert SHAPE_ID in description
        assert "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries" in description
    else:
        assert description.startswith("Illustrative sample: synthetic data")


def test_boundary_is_the_real_zaamar_polygon(frames):
    boundary = frames["boundary"]
    assert boundary["shapeID"].tolist() == [SHAPE_ID]
    assert boundary["name"].tolist() == ["Заамар"]
    area_km2 = boundary.to_crs("EPSG:32648").area.iloc[0] / 1e6
    assert area_km2 == pytest.approx(2947.0, abs=1.0)


def test_sample_content_the_story_needs(frames):
    base = frames["settlements"][frames["settlements"]["is_base"]]
    assert base["name"].tolist() == ["Бат-Өлзий"]
    assert base.geometry.iloc[0].x == pytest.approx(104.77389, abs=1e-5)
    assert base.geometry.iloc[0].y == pytest.approx(48.21667, abs=1e-5)
    posts = frames["posts"].set_index("post_id")
    police = posts[posts["authority"] == "police"]
    assert len(police) == 5 and police["end_date"].notna().all()
    assert posts.loc["ZP-06", "authority"] == "company" and posts["end_date"].isna()["ZP-06"]
    assert police["radius_m"].isna().any() and police["radius_m"].notna().any()
    tailings = frames["tailings"]
    assert set(tailings["stage"]) == set(SPECS["tailings"].column("stage").allowed)
    assert (tailings.geom_type == "MultiPolygon").sum() == 3
    licenses = frames["licenses"].set_index("license_id")
    assert set(licenses["kind"]) == {"mining", "exploration", "asm"}
    assert licenses.loc["ASM-2020-01", "holder"] == "Заамар Эмэгтэйчүүд нөхөрлөл (sample)"
    assert licenses["contact"].str.fullmatch(r"\+976 9900-\d{4}").all()
    assert set(frames["restricted"]["kind"]) == {"security", "water", "protected"}
    assert set(frames["reclamation"]["status"]) == {"planned", "in_progress", "completed"}


def test_settings_has_default_rules_and_a_source_per_layer():
    settings = tomllib.loads((SAMPLE / "asmap.toml").read_text(encoding="utf-8"))
    assert Rules.from_mapping(settings["rules"]) == Rules()
    sources = settings["sources"]
    assert sorted(sources) == sorted(KINDS)
    for kind, table in sources.items():
        assert set(table) == {"source", "as_of", "note"}, kind
        assert isinstance(table["as_of"], date), kind
        assert "illustrative sample" in table["note"].lower(), kind
    assert "via geoBoundaries" in sources["boundary"]["source"]
    assert sources["restricted"]["as_of"] < date(2020, 1, 1)  # the stale one


def test_readme_says_synthetic_and_credits_the_boundary():
    text = (SAMPLE / "README.md").read_text(encoding="utf-8")
    assert "synthetic, illustrative data" in text
    assert "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries" in text
    assert "scripts/make_sample.py" in text


def test_script_rebuilds_the_same_files(make_sample, tmp_path):
    boundary = make_sample.read_boundary(SAMPLE / "boundary.geojson")
    make_sample.write(make_sample.build(boundary), tmp_path)
    for path in sorted(tmp_path.iterdir()):
        assert path.read_bytes() == (SAMPLE / path.name).read_bytes(), path.name


def test_script_design_check_passes_on_the_bundled_files(make_sample):
    make_sample.check(make_sample.read_back(SAMPLE))


def test_sample_validates_without_errors():
    problems = layers.validate(SAMPLE)
    errors = [p for p in problems if getattr(p, "severity", None) == "error"]
    assert errors == []


@pytest.fixture(scope="module")
def focus_analysis():
    """`asmap.geo.analyze` on the sample on the day of the focus group."""
    return geo.analyze(layers.load(SAMPLE), on=FOCUS_DAY)


def _split(value: str) -> set[str]:
    return {part for part in (value or "").split(";") if part}


def test_analysis_on_focus_day_shows_every_reason_and_note(focus_analysis):
    sites = focus_analysis.sites
    assert set().union(*map(_split, sites["reasons"])) == REASONS
    assert set().union(*map(_split, sites["notes"])) == NOTES
    assert sites["eligible"].sum() >= 3 and not sites["eligible"].all()
    conflicts = focus_analysis.conflicts
    pairs = {tuple(sorted(p)) for p in zip(conflicts["license_id_a"], conflicts["license_id_b"],
                                           strict=True)}
    assert pairs == {("ASM-2020-01", "MV-011001")}


def test_analysis_matches_the_designed_sites(focus_analysis, make_sample):
    sites = focus_analysis.sites.set_index("site_id")
    written = make_sample.read_back(SAMPLE)
    expected = make_sample.analyse(written, FOCUS_DAY)
    holders = dict(zip(written["licenses"]["license_id"], written["licenses"]["holder"],
                       strict=True))
    for sid, (reasons, notes, negotiate, _why) in make_sample.DESIGN.items():
        row = sites.loc[sid]
        assert (row["reasons"], row["notes"]) == (reasons, notes), sid
        assert row["negotiate_with"] == holders.get(negotiate, negotiate), sid
        if negotiate in holders:
            assert row["license_id"] == negotiate, sid
        assert row["available_ha"] == pytest.approx(expected.at[sid, "available_ha"], abs=0.01)
    assert sites.at["ZT-03", "licenses_all"] == "ASM-2020-01;MV-011001"
    assert sites.at["ZT-15", "route_km"] > 45
    assert sites.loc[sites["reasons"] == "", "route_km"].max() < 38


# --- agreements (issue 14) ---

def test_sample_agreements_show_every_status_and_five_checks(focus_analysis):
    found = focus_analysis.agreements.set_index("agreement_id")
    assert found["status"].to_dict() == {"AG-2021-01": "signed", "AG-2021-02": "proposed",
                                         "AG-2021-03": "draft"}
    # ZT-11: RC-04 starts 2021-09-20, work allowed until 2021-10-31
    assert found.at["AG-2021-01", "checks"] == "PAST_RECLAMATION"
    # 12.5 ha written for 4.42 + 6.50 = 10.92 ha mapped; no council resolution
    assert found.at["AG-2021-02", "checks"] == "AREA_MISMATCH;NO_RESOLUTION"
    assert found.at["AG-2021-02", "mapped_ha"] == pytest.approx(10.92, abs=0.01)
    # ZT-05 is an active mine of Заамар Голд, drafted with Туул Алт
    assert found.at["AG-2021-03", "checks"] == "NOT_LICENSE_HOLDER;SITE_NOT_ELIGIBLE"
    sites = focus_analysis.sites.set_index("site_id")
    assert sites.at["ZT-11", "window_closes"] == pd.Timestamp("2021-09-20")
    assert sites.at["ZT-11", "window_days"] == 167  # 2021-04-06 -> 2021-09-20
    assert sites.at["ZT-11", "window_opens"] == pd.Timestamp("2020-10-15")
    assert sites.at["ZT-23", "agreement_id"] == "AG-2021-02"
    assert sites.at["ZT-23", "agreement_status"] == "proposed"
    assert int(sites["eligible"].sum()) == 16
    assert focus_analysis.summary()["eligible_ha"] == 86.94


# --- the sample's basemap (issue 15) ---
@pytest.mark.slow
def test_basemap_script_rebuilds_the_same_tiles(tmp_path):
    import sqlite3
    import subprocess
    import sys

    out = tmp_path / "basemap.mbtiles"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_basemap.py"), "--out",
                    str(out)], check=True, capture_output=True)
    query = "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles ORDER BY 1, 2, 3"
    rebuilt = sqlite3.connect(out).execute(query).fetchall()
    assert rebuilt == sqlite3.connect(SAMPLE / "basemap.mbtiles").execute(query).fetchall()
    meta = dict(sqlite3.connect(out).execute("SELECT name, value FROM metadata"))
    assert meta["attribution"] == "synthetic DEM, illustrative"
