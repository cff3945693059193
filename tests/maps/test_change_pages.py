"""changes.* and timeline.html: attribute text escaped, both languages, real files."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

import pyogrio

from asmap import geo
from asmap.maps.brief.changes import CHANGE_FILES, write_changes
from asmap.maps.brief.timeline import timeline_html
from tests.geo.scenes import box, frame, pt, sites

HOSTILE = '<img src=x onerror=alert(1)>'


def _project(end_date: str):
    tailings = sites(box(0, 0, 100, 100))
    tailings["site_id"] = [HOSTILE]
    return {"tailings": tailings,
            "posts": frame([pt(50, 50)], post_id=["P<1>"], authority=["police"],
                           start_date=["2020-01-01"], end_date=[end_date])}


@pytest.mark.parametrize(("lang", "became"), [("en", "became eligible"),
                                               ("mn", "ашиглах боломжтой болсон")])
def test_changes_folder_escapes_and_translates(tmp_path, lang, became):
    old = geo.analyze(_project("2021-06-30"), on="2021-04-06")
    new = geo.analyze(_project("2021-06-30"), on="2021-07-01")
    out = write_changes(old, new, tmp_path / "changes", lang=lang)
    assert sorted(p.name for p in out.iterdir()) == sorted([*CHANGE_FILES, ".asmap-output"])
    for name in ("changes.md", "changes.html"):
        text = (out / name).read_text(encoding="utf-8")
        assert HOSTILE not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
        assert became in text
    assert "P&lt;1&gt;" in (out / "changes.md").read_text(encoding="utf-8")
    sheet = load_workbook(out / "changes.xlsx").active
    assert sheet["A2"].value == HOSTILE  # a spreadsheet cell holds the text as it is
    gpkg = pyogrio.read_dataframe(out / "changes.gpkg")
    assert gpkg["change"].tolist() == ["BECAME_ELIGIBLE;REASONS;NOTES;AVAILABLE_HA"]
    assert gpkg.geometry.iloc[0].area > 0


def test_timeline_page_escapes_the_site_id():
    table = geo.timeline(_project("2021-06-30"), "2021-01-01", "2021-12-31")
    page = timeline_html(table, table["from"].min(), table["until"].max(), lang="en")
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "becomes eligible on 2021-07-01, when post P&lt;1&gt; ends" in page
    assert page.count("<rect") == 2
