"""Attribute text written to hurt, through every command and every output (issue 20).

The sample gets hostile strings in every text column that reaches an output
(`tests.hostile`): spreadsheet formulas with each prefix, rich and Markdown markup,
HTML, mathtext dollars and a control character. Every command still works, and the
last test walks every file of a brief and every export format: no formula cell, no
unescaped markup, no network reference in offline outputs.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pypdf import PdfReader

from asmap.cli.main import cli
from asmap.layers import sample_path
from asmap.layers.cells import neutralize
from asmap.maps.brief.prose import markdown_escaped
from asmap.maps.exchange.export import FORMATS
from tests.hostile import (
    CONTROL,
    FORMULAS,
    HOSTILE,
    formula_cells_csv,
    formula_cells_xlsx,
    hostile_project,
)

ON = ["--on", "2021-04-06"]
#: Loads something from the network when a page opens (links a reader clicks do not).
NETWORK = re.compile(r"""src\s*=\s*["']?(?:https?:)?//|<link[^>]*href\s*=\s*["']?(?:https?:)?//"""
                     r"""|url\(\s*["']?(?:https?:)?//|@import""", re.IGNORECASE)
#: The raw hostile markup that must never reach an HTML, KML or Markdown file as it is.
RAW_HTML = ('<img src="http://evil.example/pixel.png">', "<img src=")
RAW_MARKDOWN = re.compile(r"!\[|(?<!\\)\]\(")  # an image, or a link not escaped


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The hostile project and every output asmap writes from it."""
    root = tmp_path_factory.mktemp("hostile")
    project = hostile_project(root / "proj")
    out = root / "out"
    out.mkdir()
    outputs = {"validate": run("validate", project, "--json", "--lang", "en"),
               "analyze": run("analyze", project, *ON, "--lang", "en",  # the terminal's words
                              "--out", out / "results.gpkg", "--csv", out / "sites.csv"),
               "brief": run("brief", project, *ON, "--lang", "en", "--out", out / "brief"),
               "map": run("map", project, "--results", out / "results.gpkg", "--offline",
                          "--out", out / "map.html"),
               "print": run("print", project, "--results", out / "results.gpkg",
                            "--lang", "en", "--site", "ZT-16", "--out", out / "ZT-16.pdf")}
    for to in FORMATS:
        target = out / "export" / (to if to in ("geojson", "shp") else f"all.{to}")
        outputs[to] = run("export", project, "--results", out / "results.gpkg", "--to", to,
                          "--out", target)
    return project, out, outputs


@pytest.mark.filterwarnings("ignore:Normalized/laundered field name:RuntimeWarning")
def test_every_command_works_on_hostile_text(made):
    _, _, outputs = made
    for command, result in outputs.items():
        assert result.exit_code == 0, (command, result.output)
        assert "unexpected" not in result.output, command


def test_control_characters_are_removed_with_a_warning_naming_the_feature(made):
    _, out, outputs = made
    warnings = [(p["layer"], p["feature"], p["field"]) for p in json.loads(
        outputs["validate"].output) if p["message"] == "control character removed from the text"]
    assert ("tailings", "ZT-04", "operator") in warnings
    assert ("posts", "ZP-06", "name") in warnings
    book = load_workbook(out / "brief" / "sites.xlsx")
    cells = [c.value for sheet in book for row in sheet.iter_rows() for c in row]
    assert CONTROL.replace("\x07", "") in cells and CONTROL not in cells


def test_csv_tables_neutralise_every_formula_prefix_and_keep_numbers(made):
    _, out, _ = made
    for path in (out / "sites.csv", out / "brief" / "sites.csv", out / "brief" / "conflicts.csv"):
        assert formula_cells_csv(path) == [], path
    with open(out / "sites.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    cells = {c for row in rows for c in row.values()}
    for formula in FORMULAS:  # tab and CR prefixed remark cells keep their first character
        assert neutralize(formula) in cells or neutralize(formula.strip()) in cells, formula
    assert all(float(row["area_ha"]) > 0 for row in rows)  # numbers stay numbers
    assert min(float(row["utm_e"]) for row in rows) > 0


def test_the_workbook_holds_text_cells_never_formulas(made):
    _, out, _ = made
    path = out / "brief" / "sites.xlsx"
    assert formula_cells_xlsx(path) == []
    book = load_workbook(path)
    text = {c.value: c for sheet in book for row in sheet.iter_rows() for c in row
            if isinstance(c.value, str)}
    hyperlink = FORMULAS[0]
    assert text[hyperlink].data_type == "s" and text[hyperlink].quotePrefix
    assert isinstance(book.worksheets[0]["E2"].value, (int, float)) or any(
        isinstance(c.value, float) for c in book.worksheets[0][2])


def test_summary_markdown_escapes_links_images_and_html(made):
    _, out, _ = made
    markdown = (out / "brief" / "summary.md").read_text(encoding="utf-8")
    assert not RAW_MARKDOWN.findall(markdown)
    for raw in RAW_HTML:
        assert raw not in markdown, raw
    assert r"\[/\]" in markdown and "[/]" not in markdown
    assert markdown_escaped("![logo](http://evil.example/pixel.png?who=ngo)") == (
        r"\!\[logo\](http://evil.example/pixel.png?who=ngo)")
    html = (out / "brief" / "summary.html").read_text(encoding="utf-8")
    assert "&lt;img src=&quot;http://evil.example/pixel.png&quot;&gt;" in html


def test_reports_print_markup_in_names_literally(made, tmp_path):
    _, _, outputs = made
    assert "negotiate with [/]" in outputs["analyze"].output
    folder = tmp_path / "proj"
    shutil.copytree(sample_path(), folder)
    shutil.copy(folder / "roads.geojson", folder / "roads [old].geojson")
    path = folder / "tailings.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["stage"] = "[/]"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "roads [old].geojson" in result.output and "'[/]'" in result.output
    assert "MarkupError" not in result.output


def test_prints_draw_dollar_names_literally(made):
    _, out, _ = made
    text = " ".join(page.extract_text() for page in PdfReader(out / "ZT-16.pdf").pages)
    assert "Altan $ #1 $" in text
    brief = " ".join(page.extract_text() for page in
                     PdfReader(out / "brief" / "overview.pdf").pages)
    assert "Costs $5 to $10" in brief or "Altan $ #1 $" in brief


def readable_texts(path: Path) -> list[tuple[str, str]]:
    """(name, text) of a file, or of each member of a zip archive."""
    if zipfile.is_zipfile(path) and path.suffix in (".kmz",):
        with zipfile.ZipFile(path) as archive:
            return [(f"{path.name}:{n}", archive.read(n).decode("utf-8", "replace"))
                    for n in archive.namelist()]
    return [(path.name, path.read_bytes().decode("utf-8", "replace"))]


def test_no_formula_no_live_markup_no_network_in_any_output(made):
    """Walk every file of the brief and of every export format."""
    _, out, _ = made
    files = [p for p in sorted(out.rglob("*")) if p.is_file()]
    suffixes = {p.suffix for p in files}
    assert "FIELDS.md" in {p.name for p in files}
    assert {".csv", ".xlsx", ".md", ".html", ".kml", ".kmz", ".gpkg", ".geojson", ".shp",
            ".pdf"} <= suffixes
    offline = {"map.html", "summary.html", "summary.md"}
    for path in files:
        if path.suffix == ".csv":
            assert formula_cells_csv(path) == [], path
        elif path.suffix == ".xlsx":
            assert formula_cells_xlsx(path) == [], path
        elif path.suffix in (".html", ".kml", ".kmz", ".md"):
            for name, text in readable_texts(path):
                for raw in RAW_HTML:
                    assert raw not in text, (name, raw)
                if path.suffix == ".md":
                    assert not RAW_MARKDOWN.findall(text), name
                if path.name in offline:
                    assert not NETWORK.findall(text), (name, NETWORK.findall(text)[:3])
    # data formats keep the text as data (controls removed): it is safe and not lost
    import pyogrio

    sites = pyogrio.read_dataframe(out / "export" / "all.gpkg", layer="sites")
    values = {v for v in sites.drop(columns="geometry").to_numpy().ravel() if isinstance(v, str)}
    assert {"[/]", "Costs $5 to $10"} <= values and not any("\x07" in v for v in values)
    assert set(HOSTILE) & values
