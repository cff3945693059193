"""`asmap compare`, `asmap timeline` and `asmap brief --since` on the bundled sample."""

from __future__ import annotations

import csv
import re

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import pyogrio

from asmap.cli.main import cli
from asmap.layers import sample_path
from tests.helpers import tree_hash

SAMPLE = sample_path()


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """The sample analysed on 2021-04-06 and 2021-07-01, and with a stricter rule."""
    folder = tmp_path_factory.mktemp("results")
    strict = folder / "strict.toml"
    strict.write_text("[rules]\nmin_area_ha = 2\n", encoding="utf-8")
    for name, extra in (("april", ("--on", "2021-04-06")), ("july", ("--on", "2021-07-01")),
                        ("strict", ("--on", "2021-04-06", "--rules", str(strict)))):
        (folder / name).mkdir()  # a folder holding results.gpkg, as a brief folder does
        result = run("analyze", *extra, "--out", str(folder / name / "results.gpkg"))
        assert result.exit_code == 0, result.output
    return folder


def _csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_compare_writes_every_file_in_words(results, tmp_path):
    out = tmp_path / "changes"
    result = run("compare", str(results / "april" / "results.gpkg"), str(results / "july"),
                 "--lang", "en", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "32 changes at 28 sites, 2021-04-06 -> 2021-07-01" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        ".asmap-output", "changes.csv", "changes.gpkg", "changes.html", "changes.md",
        "changes.xlsx"]
    rows = _csv(out / "changes.csv")
    assert list(rows[0]) == ["site_id", "change", "before", "after", "code"]
    assert [(r["change"], r["before"], r["after"]) for r in rows if r["site_id"] == "ZT-11"] == [
        ("Area taken by changed", "—", "Reclamation"), ("Available area changed", "6.00", "2.92"),
        ("Route length changed", "27.9", "28.0"), ("Posts on route changed", "ZP-01", "—"),
        ("Work window changed", "2021-09-20", "—")]
    sheet = load_workbook(out / "changes.xlsx").active
    assert [c.value for c in sheet[1]] == ["Site id", "Change", "Before", "After", "Code"]
    assert sheet.max_row == 33
    sites = pyogrio.read_dataframe(out / "changes.gpkg")
    assert len(sites) == 28 and sites.crs.to_epsg() == 4326
    assert sites.set_index("site_id").loc["ZT-11", "change"] == (
        "NOTES;AVAILABLE_HA;ROUTE_KM;POSTS_ON_ROUTE;WINDOW")
    md = (out / "changes.md").read_text(encoding="utf-8")
    assert "Compared with the analysis of 2021-04-06 (now 2021-07-01)" in md
    assert "Posts that went: ZP-01, ZP-04" in md  # read from files: the posts sites name
    page = (out / "changes.html").read_text(encoding="utf-8")
    assert page.count("<tr>") == 33 and "<td>ZT-11</td>" in page


def test_compare_with_itself_is_empty(results, tmp_path):
    out = tmp_path / "same"
    result = run("compare", str(results / "april"), str(results / "april"), "--lang", "mn",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    assert _csv(out / "changes.csv") == []
    assert "Өөрчлөлт алга." in (out / "changes.md").read_text(encoding="utf-8")
    assert len(pyogrio.read_dataframe(out / "changes.gpkg")) == 0


def test_compare_says_the_rules_differ_and_still_compares(results, tmp_path):
    result = run("compare", str(results / "april"), str(results / "strict"), "--lang", "en",
                 "--out", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "different rules (min_area_ha 0.5 -> 2)" in result.stderr
    md = (tmp_path / "c" / "changes.md").read_text(encoding="utf-8")
    assert "different rules: min_area_ha 0.5 → 2" in md
    assert "ZT-03 is no longer eligible: Too small" in md


@pytest.mark.parametrize("args", [
    ("compare", "missing.gpkg", "missing.gpkg", "--out", "c"),
    ("timeline", "--from", "2022-01-01", "--to", "2021-01-01", "--out", "t.csv"),
    ("timeline", "--from", "2021-01-01", "--to", "2021-13-01", "--out", "t.csv"),
    ("timeline", "--from", "2021-01-01", "--to", "2021-12-31", "--site", "ZT-99",
     "--out", "t.csv"),
], ids=["compare-missing", "from-after-to", "bad-date", "unknown-site"])
def test_bad_usage_exits_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not any(tmp_path.iterdir())


def test_compare_folder_without_results(tmp_path):
    result = run("compare", str(tmp_path), str(tmp_path), "--out", str(tmp_path / "c"))
    assert result.exit_code == 2 and "has no results.gpkg" in result.output


def test_timeline_on_the_sample(tmp_path):
    before = tree_hash(SAMPLE)
    out = tmp_path / "timeline.csv"
    result = run("timeline", "--from", "2021-04-06", "--to", "2022-04-05", "--lang", "en",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    assert ("ZT-11: Area taken by changes on 2021-06-22, when reclamation RC-04 enters the "
            "notice window") in result.output
    assert "28 sites, 57 intervals, 6 dates analysed" in result.output
    rows = _csv(out)
    assert list(rows[0]) == ["site_id", "from", "until", "eligible", "reasons", "notes",
                             "negotiate_with", "posts_on_route", "changed_by", "agreement_id",
                             "agreement_status", "window_opens", "window_closes"]
    zt11 = [(r["from"], r["until"], r["notes"], r["changed_by"]) for r in rows
            if r["site_id"] == "ZT-11"]
    assert zt11 == [("2021-04-06", "2021-05-28", "", ""),
                    ("2021-05-29", "2021-06-21", "", "POST_END:ZP-01"),
                    ("2021-06-22", "2022-04-05", "RECLAMATION", "RECLAMATION_NOTICE:RC-04")]
    page = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert page.count("<rect") == 57 and "When verdicts change: 2021-04-06 to 2022-04-05" in page
    assert len(re.findall(r'data-site="ZT-11"', page)) == 3
    assert tree_hash(SAMPLE) == before


def test_timeline_of_one_site_over_eleven_years_warns(tmp_path):
    out = tmp_path / "zt07.csv"
    result = run("timeline", "--from", "2011-01-01", "--to", "2021-12-31", "--site", "ZT-07",
                 "--lang", "mn", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "анхааруулга:" in result.stderr and "арван жилээс урт" in result.stderr
    assert {r["site_id"] for r in _csv(out)} == {"ZT-07"}
    assert '<html lang="mn">' in (tmp_path / "zt07.html").read_text(encoding="utf-8")


def test_brief_since_adds_the_section_and_the_map_layer(results, tmp_path):
    out = tmp_path / "brief"
    result = run("brief", "--on", "2021-07-01", "--lang", "en", "--since",
                 str(results / "strict" / "results.gpkg"), "--out", str(out))
    assert result.exit_code == 0, result.output
    summary = (out / "summary.md").read_text(encoding="utf-8")
    section = summary.split("## Since the last brief\n", 1)[1].split("\n## ", 1)[0]
    assert "- Compared with the analysis of 2021-04-06 (now 2021-07-01)" in section
    assert r"different rules: min\_area\_ha 2 → 0.5" in section  # Markdown-escaped
    assert "ZT-03 became eligible (before: Too small)" in section
    assert "Since the last brief" in (out / "summary.html").read_text(encoding="utf-8")
    page = (out / "map.html").read_text(encoding="utf-8")
    assert "Changed sites" in page and '"layer":"changes"' in page
    assert "Became eligible" in page and "Not eligible → Eligible" in page
