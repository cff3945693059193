"""What the outputs say on real-world projects (issue 13): an unknown land holder in
words, the ODbL credit in every profile, plain apostrophes, readable folders, every site
visible on the first map view, the base and the routes on the print overview."""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat

import pytest
from matplotlib.figure import Figure
from openpyxl import load_workbook

from asmap import geo, layers, maps
from asmap.geo.sharing import apply_profile
from asmap.maps.brief.prose import summary_markdown
from asmap.maps.i18n import t
from asmap.maps.paper.drawing import draw_analysis
from asmap.maps.paper.words import figures_lines
from asmap.maps.provenance import needs_osm_credit

ON = "2021-04-06"


@pytest.fixture(scope="module")
def no_licenses(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nolic") / "zaamar"
    shutil.copytree(layers.sample_path(), folder)
    (folder / "licenses.geojson").unlink()
    return geo.analyze(layers.load(folder), on=ON)


@pytest.fixture(scope="module")
def sample():
    return geo.analyze(layers.load(layers.sample_path()), on=ON)


def test_without_licenses_nobody_is_the_answer(no_licenses, sample):
    sites = no_licenses.sites
    assert "LICENSE" in no_licenses.unchecked
    assert (sites["negotiate_with"] == "").all()
    summary = no_licenses.summary()
    assert summary["negotiate_with"] == {}
    assert len(summary["holder_unknown"]) == summary["eligible"] == 16
    # with licenses checked, land no license covers is the local government's
    assert "local government" in sample.summary()["negotiate_with"]
    assert sample.summary()["holder_unknown"] == []


@pytest.mark.parametrize("lang", [pytest.param("mn", marks=pytest.mark.slow), "en"])
def test_every_output_says_the_holder_is_not_known(no_licenses, lang, tmp_path):
    words = t("holder_unknown", lang)
    assert words != "holder_unknown"
    brief = maps.write_brief(no_licenses, tmp_path / "brief", lang=lang)
    summary = (brief / "summary.md").read_text(encoding="utf-8")
    assert words in summary and t("local government", lang) not in summary
    assert words in (brief / "summary.html").read_text(encoding="utf-8")
    sheet = load_workbook(brief / "sites.xlsx").active
    assert words in [c.value for row in sheet.iter_rows() for c in row]
    html = maps.write_map(no_licenses, tmp_path / "map.html", lang=lang).read_text("utf-8")
    assert words in html
    site = no_licenses.sites.iloc[0].to_dict()
    sheet_text = " ".join(" ".join(figures_lines(site, no_licenses, lang=lang)).split())
    assert words in sheet_text


def test_the_brief_does_not_claim_every_rule_was_checked(no_licenses, tmp_path):
    frames = dict(layers.load(layers.sample_path()))
    del frames["licenses"], frames["roads"]
    tiny = geo.analyze(frames, on=ON, rules=geo.Rules(min_area_ha=1000))
    text = summary_markdown(tiny, lang="en")
    assert "Every rule was checked." not in text
    assert "No eligible site to verify; rules not checked:" in text
    assert "Every rule was checked." in summary_markdown(
        geo.analyze(layers.load(layers.sample_path()), on=ON, rules=geo.Rules(
            min_area_ha=1000)), lang="en")


def test_the_odbl_credit_stays_in_the_public_profile(sample):
    from_columns = dataclasses.replace(sample, sources={})  # the credit from shapeID only
    public = apply_profile(from_columns, "public")
    assert "shapeID" in public.layers["boundary"].columns
    assert needs_osm_credit(public.sources, public.layers["boundary"])
    assert t("osm_credit", "en") in summary_markdown(public, lang="en", profile="public")


def test_summary_markdown_keeps_apostrophes(sample):
    sources = {**sample.sources, "posts": {**sample.sources["posts"],
                                           "note": "the NGO's own survey"}}
    text = summary_markdown(dataclasses.replace(sample, sources=sources), lang="en")
    assert "the NGO's own survey" in text and "&#x27;" not in text


def test_the_brief_folder_gets_the_usual_mode(sample, tmp_path):
    out = maps.write_brief(sample, tmp_path / "brief", lang="en")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask


def test_a_missing_column_hint_names_it_as_the_file_spells_it(tmp_path):
    folder = tmp_path / "hint"
    shutil.copytree(layers.sample_path(), folder)
    frame = layers.read_layer(folder / "tailings.geojson").rename(columns={"stage": "Stag"})
    (folder / "tailings.geojson").unlink()
    frame.to_file(folder / "tailings.geojson")
    hints = [p.hint for p in layers.validate(folder) if p.field == "stage"]
    assert hints and hints[0].startswith("rename column 'Stag' to 'stage'")


def test_every_site_has_a_dot_over_the_rivers_on_the_first_view(sample, tmp_path):
    html = maps.write_map(sample, tmp_path / "m.html", lang="en").read_text("utf-8")
    assert '"dotZoom":11,"dotRadius":5}' in html  # sites span 5 px from zoom 11 on
    assert html.count('"d":[') == len(sample.sites)  # one dot position per site


def test_the_print_overview_marks_the_base_and_draws_the_routes(sample):
    fig = Figure()
    ax = fig.add_subplot()
    handles = draw_analysis(ax, sample, lang="en")
    labels = [h.get_label() for h in handles]
    assert "Base settlement" in labels and t("layer_routes", "en") in labels
    none_eligible = dataclasses.replace(
        sample, sites=sample.sites.assign(eligible=False))
    handles = draw_analysis(fig.add_subplot(), none_eligible, lang="en")
    assert t("layer_routes", "en") in [h.get_label() for h in handles]
