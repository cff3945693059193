"""Issue 14: maps, sheets, tables and the summary name the window and the agreement."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from asmap import geo
from asmap.maps.brief.prose import summary_markdown
from asmap.maps.brief.tables import write_sites_xlsx
from asmap.maps.paper.words import figures_lines
from asmap.maps.web.legend import legend_html
from asmap.maps.web.map import render_html, site_map
from asmap.maps.web.popups import site_popup_pieces
from tests.geo.agreement_scenes import CASES, scene_layers, table
from tests.geo.scenes import ON


@pytest.fixture(scope="module")
def analysis():
    chosen = {k: CASES[k] for k in ("AG-OK", "AG-ACTIVE", "AG-AREA-B")}
    return geo.analyze(scene_layers(table(chosen)), on=ON)


def _site(analysis, site_id):
    sites = analysis.sites
    return sites[sites["site_id"] == site_id].iloc[0].drop(labels="geometry").to_dict()


@pytest.mark.parametrize(("lang", "window", "agreement"), [
    ("en", "window closes 2021-09-01 (148 days)", "Agreement AG-OK (signed)"),
    ("mn", "ажиллах хугацаа 2021-09-01-нд дуусна (148 хоног)",
     "Гэрээ AG-OK (гарын үсэг зурсан)"),
])
def test_site_popup_and_sheet_name_window_and_agreement(analysis, lang, window, agreement):
    site = _site(analysis, "A")
    _title, pieces, _rows = site_popup_pieces(site, rules=analysis.rules, lang=lang)
    popup = "".join(pieces)
    assert window in popup and agreement in popup
    sheet = " ".join(figures_lines(site, analysis, lang=lang)).replace("\n   ", " ")
    assert window in sheet and agreement in sheet


def test_map_draws_agreements_by_status_with_their_checks(analysis):
    html = render_html(site_map(analysis, lang="en"))
    assert "Area mismatch: The hectares written differ" in html  # AG-AREA-B, in its popup
    assert "Site not eligible: A site of the agreement is not eligible" in html
    legend = legend_html(lang="en", layers=["sites", "agreements"], exclusion_kinds=[])
    for status in ("signed", "proposed", "draft", "expired", "cancelled"):
        assert f"<span>{status}</span>" in legend
    assert "#009E73" in legend  # signed: bluish green


def test_summary_has_window_and_agreements_sections(analysis):
    text = summary_markdown(analysis, lang="en")
    soon = text.split("## Eligible sites whose window closes within 180 days", 1)[1]
    assert soon.split("##", 1)[0].strip() == (
        "- A: window open since 2020-10-01; window closes 2021-09-01 (148 days)")
    section = text.split("## Agreements", 1)[1].split("\n## ", 1)[0]
    assert "AG-OK (signed), Sites: A" in section and "No problem found." in section
    assert "Area: 0.50 ha mapped, 0.62 ha in the agreement" in section
    assert "B: Not mined out" not in section and "C: Not mined out" in section
    assert text.index("window closes within") < text.index("## Who to negotiate with")


def test_workbook_shows_window_and_checks_in_words(analysis, tmp_path):
    path = write_sites_xlsx(analysis, tmp_path / "s.xlsx", lang="en")
    book = load_workbook(path)
    sheet = book[book.sheetnames[0]]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2,
                                                                            values_only=True)}
    assert rows["A"]["Working window"].endswith("window closes 2021-09-01 (148 days)")
    agreements = book["Agreements"]
    values = [[c.value for c in row] for row in agreements.iter_rows()]
    checks = values[0].index("Checks")
    by_id = {row[0]: row[checks] for row in values[1:]}
    assert by_id["AG-OK"] == "No problem found."
    assert by_id["AG-AREA-B"].startswith("Area mismatch")
    assert pd.isna(analysis.agreements.set_index("agreement_id").at["AG-OK", "contact"])
