"""Each formula prefix, in every text column of every table asmap writes (issue 20)."""

from __future__ import annotations

import csv
import dataclasses

import pytest
from openpyxl import load_workbook

from asmap import geo
from asmap.layers.cells import neutralize
from asmap.maps.brief import tables
from tests.hostile import FORMULAS, formula_cells_csv, formula_cells_xlsx
from tests.maps.handmade import handmade


def with_text(formula: str):
    """The hand-made analysis with `formula` in every text column of sites and conflicts."""
    analysis = handmade()
    sites = analysis.sites.copy()
    for column in ("name", "holder", "operator", "contact", "negotiate_with"):
        sites[column] = formula
    conflicts = analysis.conflicts.copy()
    for column in ("holder_a", "holder_b", "kind_a"):
        conflicts[column] = formula
    return dataclasses.replace(analysis, sites=sites, conflicts=conflicts)


def cells(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("formula", FORMULAS, ids=["=", "+", "-", "@", "tab", "cr"])
def test_every_table_neutralises_the_prefix(tmp_path, formula):
    analysis = with_text(formula)
    safe = neutralize(formula)
    written = {"sites.csv": tables.write_csv(analysis.sites, tmp_path / "sites.csv"),
               "conflicts.csv": tables.write_csv(analysis.conflicts, tmp_path / "conflicts.csv"),
               "analyze.csv": geo.write_sites_csv(analysis, tmp_path / "analyze.csv")}
    for name, path in written.items():
        assert formula_cells_csv(path) == [], name
        rows = cells(path)
        header = rows[0]
        column = "holder_a" if name == "conflicts.csv" else "holder"
        assert {row[header.index(column)] for row in rows[1:]} == {safe}, name
        numeric = "overlap_ha" if name == "conflicts.csv" else "area_ha"
        assert all(float(row[header.index(numeric)]) > 0 for row in rows[1:]), name
    book_path = tables.write_sites_xlsx(analysis, tmp_path / "sites.xlsx", lang="en")
    assert formula_cells_xlsx(book_path) == []
    book = load_workbook(book_path)
    texts = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value == formula
             or c.value == formula.replace("\r", "\n")]
    assert texts and all(c.data_type == "s" for c in texts)
    numbers = [c.value for c in book.worksheets[0][2] if isinstance(c.value, float)]
    assert numbers, "hectares stay numbers"
