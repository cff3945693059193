"""The negotiation brief: every file, the workbook, the summary, and what a public brief hides."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

import pyogrio

from asmap import geo, layers
from asmap.layers.atomic import MARKER
from asmap.layers.errors import UsageError
from asmap.maps.brief.folder import BRIEF_FILES, annexed, write_brief
from asmap.maps.brief.prose import summary_html
from tests.helpers import readable_bytes
from tests.maps.handmade import LICENSE_PHONE, SECRET_EXTRA, SECRET_PHONE, handmade

SECRETS = (SECRET_PHONE, LICENSE_PHONE, SECRET_EXTRA)


@pytest.fixture(scope="module")
def analysis():
    return handmade()


@pytest.fixture(scope="module")
def public(analysis, tmp_path_factory):
    return write_brief(analysis, tmp_path_factory.mktemp("brief") / "public", lang="en",
                       profile="public")


@pytest.fixture(scope="module")
def internal(analysis, tmp_path_factory):
    return write_brief(analysis, tmp_path_factory.mktemp("brief") / "internal", lang="mn")


def test_every_file_is_written(public, internal):
    for folder in (public, internal):
        names = {p.name for p in folder.iterdir()}
        assert set(BRIEF_FILES) - {"map.html"} <= names
        assert not [n for n in names if n.startswith(".") and n != MARKER]  # no temp files


def test_overview_pdf_has_a_page_per_eligible_site(public):
    pages = PdfReader(public / "overview.pdf").pages
    assert len(pages) == 3  # overview + S-01 + S-02
    assert [round(float(p.mediabox.width), 1) for p in pages] == [841.9] * 3
    texts = [p.extract_text() for p in pages]
    assert "Tailings site map" in texts[0]
    assert "Site S-01" in texts[1] and "Site S-02" in texts[2]


def test_public_brief_holds_no_sensitive_value_anywhere(public):
    for path in sorted(public.iterdir()):
        for blob in readable_bytes(path):
            for secret in SECRETS:
                assert secret.encode() not in blob, f"{secret} in {path.name}"
                assert secret.encode("utf-16-be") not in blob, f"{secret} in {path.name}"


def test_public_results_have_only_public_columns(public):
    sites = pyogrio.read_dataframe(public / "results.gpkg", layer="sites")
    assert "contact" not in sites.columns and "informant" not in sites.columns
    assert "operator" in sites.columns  # catalogue column marked public
    assert sites.loc[sites["site_id"] == "S-01", "available_ha"].iloc[0] == pytest.approx(8.0)


def test_internal_brief_keeps_sensitive_columns(internal):
    sites = pd.read_csv(internal / "sites.csv", encoding="utf-8-sig")
    row = sites[sites["site_id"] == "S-01"].iloc[0]
    # a leading + would start a formula in Excel: the CSV cell is quoted (issue 20)
    assert row["contact"] == "'" + SECRET_PHONE and row["informant"] == SECRET_EXTRA
    assert SECRET_PHONE.encode() in (internal / "sites.csv").read_bytes()


def test_sites_csv_values(public):
    sites = pd.read_csv(public / "sites.csv", encoding="utf-8-sig")
    assert list(sites["site_id"]) == ["S-01", "S-02", "S-03", "S-04", "S-05", "S-06", "S-07"]
    assert sites.set_index("site_id")["available_ha"].round(2).to_dict() == {
        "S-01": 8.0, "S-02": 2.5, "S-03": 9.0, "S-04": 0.0, "S-05": 6.0, "S-06": 0.3,
        "S-07": 4.0}
    assert sites.set_index("site_id").loc["S-04", "reasons"] == "OUTSIDE_SOUM;TOO_SMALL"
    conflicts = pd.read_csv(public / "conflicts.csv", encoding="utf-8-sig")
    assert conflicts.iloc[0][["license_id_a", "license_id_b", "overlap_ha"]].tolist() == [
        "MV-000001", "XV-000002", 12.5]


@pytest.mark.parametrize(("which", "headers"), [
    ("public", ["Site id", "Verdict", "Name", "Stage", "Area (ha)", "Available (ha)"]),
    ("internal", ["Талбайн дугаар", "Дүгнэлт", "Нэр", "Үе шат", "Талбай (га)",
                  "Ашиглах боломжтой (га)"]),
])
def test_workbook_is_formatted_in_the_language(which, headers, request):
    folder = request.getfixturevalue(which)
    book = load_workbook(folder / "sites.xlsx")
    sheet = book.worksheets[0]
    row1 = [c.value for c in sheet[1]]
    assert row1[:6] == headers
    assert sheet.freeze_panes == "A2"
    available = row1.index(headers[5]) + 1
    cells = [sheet.cell(r, available) for r in range(2, sheet.max_row + 1)]
    assert [c.value for c in cells] == [8.0, 2.5, 9.0, 0.0, 6.0, 0.3, 4.0]
    assert {c.number_format for c in cells} == {"0.00"}
    assert sheet.column_dimensions["A"].width >= len(headers[0])
    verdicts = [sheet.cell(r, 2).value for r in range(2, 4)]
    assert verdicts == (["Eligible", "Eligible but unverified"] if which == "public" else
                        ["Ашиглах боломжтой", "Ашиглах боломжтой (баталгаажаагүй)"])
    assert len(book.worksheets) == 3  # sites, conflicts, sources


def test_summary_markdown(public, internal):
    text = (public / "summary.md").read_text(encoding="utf-8")
    for expected in (
        "- Tailings sites analysed: 7", "- Eligible: 2 (of which unverified: 1)",
        "- Eligible area in all: 10.50 ha", "- Туул Алт ХХК: S-01 (8.00 ha)",
        "- Орхон Хайгуул ХХК: S-02 (2.50 ha)",
        "- P-01 Баруун пост: on the route to S-01, S-02",
        "- MV-000001 (Туул Алт ХХК) and XV-000002 (Орхон Хайгуул ХХК) overlap by 12.50 ha",
        "- S-02: rules not checked — Post zone", "- Analysis date: 2021-04-06",
        "minimum 0.5 ha, river buffer 200 m", "- Restricted zones: Soum office, as of "
        "2019-06-30 (stale)", "- Roads: source unknown",
        "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries",
        "Public version",
    ):
        assert expected in text, expected
    mongolian = (internal / "summary.md").read_text(encoding="utf-8")
    assert "Хэнтэй хэлэлцээр хийх вэ" in mongolian and "Дотоод хувилбар" in mongolian


def test_summary_html_escapes_attribute_text(analysis):
    sites = analysis.sites.copy()
    sites.loc[0, "negotiate_with"] = "<img src=x onerror=alert(1)>"
    page = summary_html(dataclasses.replace(analysis, sites=sites), lang="en")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_brief_replaces_an_old_folder_and_refuses_a_file(analysis, public, tmp_path):
    with pytest.raises(UsageError, match="not a folder"):
        (tmp_path / "file").write_text("x")
        write_brief(analysis, tmp_path / "file")
    with pytest.raises(UsageError, match="sharing profile"):
        write_brief(analysis, tmp_path / "x", profile="everyone")
    assert not (tmp_path / "x").exists()


def test_the_brief_says_its_steps_in_order(analysis, tmp_path):
    said = []
    write_brief(analysis, tmp_path / "b", lang="en", basemap=False,
                progress=lambda name, **values: said.append((name, values)))
    eligible = int(analysis.sites["eligible"].fillna(False).astype(bool).sum())
    assert said == [("brief_map", {}), ("brief_tables", {}), ("brief_sheets", {"n": eligible})]


def test_annexed_agreements_are_the_proposed_and_signed_ones(analysis):
    sample = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    assert list(annexed(sample)) == ["AG-2021-01", "AG-2021-02"]  # not the draft
    assert list(annexed(analysis)) == []  # no agreements: no annex, no weight
