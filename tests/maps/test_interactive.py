"""The interactive map without a browser: labels, styles, popups, HTML fragments, size, CLI."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pytest
from click.testing import CliRunner

import geopandas as gpd
from shapely.geometry import LineString, Point

from asmap.cli.main import cli
from asmap.geo.result import Analysis
from asmap.geo.rules import Rules
from asmap.geo.schema import CODES, codes, site_categories, site_category
from asmap.layers.project import sample_path
from asmap.maps import site_map, write_map
from asmap.maps.i18n import LABELS, LANGS, entry, t
from asmap.maps.styles import EXCLUSION_STYLES, SITE_STYLES, leaflet, matplotlib
from asmap.maps.web.map import DRAW_ORDER, render_html
from asmap.maps.web.popups import rows_html, site_popup_pieces
from tests.helpers import UTM48N
from tests.maps.handmade import HOSTILE_IMG, SITES, X0, Y0, handmade

CYRILLIC = re.compile("[\u0400-\u04ff]")


# --- translation table -----------------------------------------------------------------
@pytest.mark.parametrize("key", sorted(LABELS) + sorted(CODES)
                         + [f"{c}_explain" for c, code in CODES.items() if code.explain])
def test_every_label_has_both_languages(key):
    assert set(entry(key)) >= set(LANGS)
    assert all(entry(key)[lang].strip() for lang in LANGS)


REASONS, NOTES = codes("reason"), codes("note")


@pytest.mark.parametrize("key", [*REASONS, *NOTES, *site_categories(), "not_eligible",
                                 *(f"{c}_explain" for c in (*REASONS, *NOTES)),
                                 *(f"layer_{name}" for name in DRAW_ORDER)])
def test_codes_and_layers_have_labels(key):
    assert entry(key) is not None
    assert CYRILLIC.search(entry(key)["mn"]), f"{key} is not in Mongolian Cyrillic"


def test_labels_fill_their_fields():
    assert t("TOO_SMALL_explain", "en", available="0.30", min="0.50") == (
        "Only 0.30 ha can be worked, less than the minimum of 0.50 ha.")


# --- style table -----------------------------------------------------------------------
@pytest.mark.parametrize(("site", "expected"), [
    ({"eligible": True, "reasons": "", "unchecked": ""}, "eligible"),
    ({"eligible": True, "reasons": "", "unchecked": "POST_ZONE"}, "unverified"),
    ({"eligible": False, "reasons": "NOT_MINED_OUT"}, "NOT_MINED_OUT"),
    ({"eligible": False, "reasons": "TOO_SMALL;OUTSIDE_SOUM"}, "OUTSIDE_SOUM"),
    ({"eligible": False, "reasons": "TOO_SMALL"}, "TOO_SMALL"),
    ({"eligible": False, "reasons": "TOO_FAR;TOO_SMALL"}, "TOO_SMALL"),
    ({"eligible": False, "reasons": "TOO_FAR"}, "TOO_FAR"),
], ids=["eligible", "unverified", "not-mined-out", "outside-first", "too-small",
        "order-wins", "too-far"])
def test_site_category(site, expected):
    assert site_category(site) == expected
    assert expected in SITE_STYLES


def test_leaflet_and_matplotlib_styles():
    assert set(SITE_STYLES) == set(site_categories())
    assert "hatch" not in leaflet(EXCLUSION_STYLES["RIVER_BUFFER"])
    assert leaflet(EXCLUSION_STYLES["RIVER_BUFFER"])["dashArray"] == "4 3"
    mpl = matplotlib(SITE_STYLES["eligible"])
    assert mpl["edgecolor"] == "#00523C" and mpl["linewidth"] == 1.5
    assert mpl["facecolor"] == pytest.approx((0.0, 158 / 255, 115 / 255, 0.75))


# --- popups ----------------------------------------------------------------------------
def site_popup(site, *, rules, lang):
    """The popup's title, pieces and table as one HTML string (the map's JS joins them)."""
    title, pieces, pairs = site_popup_pieces(site, rules=rules, lang=lang)
    return title + "".join(pieces) + rows_html(pairs, lang=lang)


def _row(site_id):
    return next(s for s in SITES if s["site_id"] == site_id)


@pytest.mark.parametrize(("site_id", "lang", "expected"), [
    ("S-01", "en", ["Eligible", "8.00", "P-01", "Movement permit needed", "Yes"]),
    ("S-01", "mn", ["Ашиглах боломжтой", "Зорчих зөвшөөрөл шаардлагатай", "Тийм"]),
    ("S-02", "en", ["Eligible but unverified", "these rules were not checked: Post zone",
                    "River protection zone", "MV-000001, XV-000002"]),
    ("S-03", "en", ["Not eligible", "Mining is not over here (stage: active)"]),
    ("S-04", "en", ["Outside the soum", "Only 0.00 ha can be worked, less than the minimum "
                    "of 0.50 ha.", "Local government"]),
    ("S-05", "en", ["The route from the base is 52.0 km, farther than the maximum of 40.0 km."]),
])
def test_site_popup_explains_in_words(site_id, lang, expected):
    html = site_popup(_row(site_id), rules=Rules(min_area_ha=0.5, max_route_km=40), lang=lang)
    for text in expected:
        assert text in html


def test_popup_escapes_hostile_values():
    html = site_popup(_row("S-06"), rules=Rules(), lang="en")
    assert HOSTILE_IMG not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# --- whole pages -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def pages():
    return {(lang, offline): render_html(site_map(handmade(), lang=lang, offline=offline))
            for lang in LANGS for offline in (False, True)}


def test_offline_page_needs_no_network(pages):
    html = pages[("en", True)]
    tags = re.findall(r"<(?:script|link)\b[^>]*>", html)
    assert all(not re.search(r"(src|href)\s*=", tag) for tag in tags), tags
    assert "cdn" not in " ".join(tags).lower()
    assert "url(data:image/png;base64," in html  # layer-control icon inlined
    assert "images/layers.png" not in html
    assert "L.map(" in html and "asmap.vectorLayer(" in html


def test_online_page_links_leaflet_only(pages):
    html = pages[("en", False)]
    links = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert links and all("leaflet@1.9.4" in u for u in links)
    assert "jquery" not in html and "bootstrap" not in html


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Legend", "Eligible but unverified", "Too far", "River protection zone",
            "Post and its zone", "Access routes", "License overlaps",
            "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries"]),
    ("mn", ["Тайлбар", "Ашиглах боломжтой (баталгаажаагүй)", "Хэт хол",
            "Голын хамгаалалтын бүс", "Хүрэх зам", "Хил © OpenStreetMap"]),
])
def test_legend_and_title_text(pages, lang, expected):
    html = pages[(lang, True)]
    for text in expected:
        assert text in html.replace("\\u0026", "&")


def test_title_block_says_date_rules_and_provenance(pages):
    html = pages[("en", True)]
    assert "Analysis date: 2021-04-06" in html
    assert "minimum 0.5 ha" in html
    assert "Restricted zones: Soum office, as of 2019-06-30 (stale)" in html
    assert "Roads: source unknown" in html


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_names_never_reach_the_page_raw(pages, lang):
    for offline in (False, True):
        html = pages[(lang, offline)]
        assert HOSTILE_IMG not in html
        assert "<script>window.__pwned" not in html
        assert "onerror=alert(1)" in html  # there, but only as escaped text


def test_public_profile_leaves_out_contacts(analysis, tmp_path):
    internal = write_map(analysis, tmp_path / "internal.html").read_text(encoding="utf-8")
    public = write_map(analysis, tmp_path / "public.html", profile="public").read_text(
        encoding="utf-8")
    assert "+976 9911-2233" in internal and "+976 8800-1122" in internal
    assert "+976" not in public


def test_write_map_is_atomic_and_returns_the_path(analysis, tmp_path):
    out = write_map(analysis, tmp_path / "deep" / "map.html", lang="en", offline=True)
    assert out == tmp_path / "deep" / "map.html"
    assert [p.name for p in out.parent.iterdir()] == ["map.html"]
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_map_displays_in_jupyter(analysis):
    html = site_map(analysis, lang="en")._repr_html_()
    assert "<iframe srcdoc=" in html and "asmap.vectorLayer" in html


def _thousand_sites() -> Analysis:
    rng = np.random.default_rng(4)
    xy = rng.uniform(0, 40_000, size=(1000, 2))
    rows, routes = [], []
    for i, (x, y) in enumerate(xy):
        eligible = i % 3 == 0
        rows.append({"site_id": f"T-{i:04d}", "name": f"Хаягдлын талбай {i}",
                     "stage": "mined_out", "area_ha": 3.14, "available_ha": 2.5,
                     "eligible": eligible, "reasons": "" if eligible else "TOO_SMALL",
                     "notes": "RIVER_BUFFER" if i % 5 == 0 else "", "unchecked": "",
                     "license_id": "MV-011722", "holder": "Туул Алт ХХК",
                     "licenses_all": "MV-011722", "negotiate_with": "Туул Алт ХХК",
                     "route_km": 12.5, "posts_on_route": "P-01", "permit_needed": True,
                     "operator": "Туул Алт ХХК", "contact": "+976 9911-2233",
                     "geometry": Point(X0 + x, Y0 + y).buffer(100, quad_segs=4)})
        routes.append({"site_id": f"T-{i:04d}", "route_km": 12.5, "posts_on_route": "P-01",
                       "permit_needed": True, "geometry": LineString(
                           [(X0, Y0), (X0 + x / 2, Y0), (X0 + x / 2, Y0 + y), (X0 + x, Y0 + y)])})
    sites = gpd.GeoDataFrame(rows, crs=UTM48N).to_crs(4326)
    parts = sites[sites["eligible"]][["site_id", "available_ha", "geometry"]]
    empty = gpd.GeoDataFrame({"kind": []}, geometry=[], crs=4326)
    return Analysis(sites=sites, eligible_parts=parts, exclusions=empty,
                    routes=gpd.GeoDataFrame(routes, crs=UTM48N).to_crs(4326),
                    conflicts=gpd.GeoDataFrame(geometry=[], crs=4326), rules=Rules(),
                    on=date(2021, 4, 6))


def test_thousand_site_map_stays_under_2_mb(tmp_path):
    out = write_map(_thousand_sites(), tmp_path / "big.html", offline=True)
    html = out.read_text(encoding="utf-8")
    assert html.count('"c":"TOO_SMALL"') == 666 and '"id":"T-0999"' in html
    assert not re.search(r"\d\.\d{7,}", html.split("</script>", 2)[-1])  # 6 decimals at most
    assert out.stat().st_size < 2_000_000


# --- the bundled sample and the command --------------------------------------------------
def test_sample_map_draws_every_site(tmp_path):
    from asmap import geo, layers

    analysis = geo.analyze(layers.load(sample_path()), on=date(2021, 4, 6))
    html = render_html(site_map(analysis, lang="en", offline=True))
    for site_id in analysis.sites["site_id"]:
        assert f'"id":"{site_id}"' in html
    assert "Illustrative sample data" in html


def test_cli_map_writes_an_offline_page(tmp_path):
    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["map", str(sample_path()), "--on", "2021-04-06",
                                      "--offline", "--lang", "en", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    assert "Eligible" in out.read_text(encoding="utf-8")


def test_cli_map_rejects_on_with_results(tmp_path):
    results = tmp_path / "r.gpkg"
    assert CliRunner().invoke(cli, ["analyze", "--on", "2021-04-06", "--out",
                                    str(results)]).exit_code == 0
    bad = CliRunner().invoke(cli, ["map", "--results", str(results), "--on", "2021-04-06",
                                   "--out", str(tmp_path / "m.html")])
    assert bad.exit_code == 2 and "--results" in bad.output
    good = CliRunner().invoke(cli, ["map", "--results", str(results), "--profile", "public",
                                    "--out", str(tmp_path / "m.html")])
    assert good.exit_code == 0, good.output
