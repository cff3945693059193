"""Tables of the brief: sites.csv, conflicts.csv and a formatted sites.xlsx.

CSV files keep the machine column names (so other tools can read them back) and every
column the analysis passes on; apply the sharing profile before calling. The XLSX
workbook is for people: headers in the chosen language, verdicts and reasons in words,
hectares to two decimals, a frozen header row and fitted column widths.

No cell is ever a formula: CSV text that a spreadsheet would run gets a leading ``'``
(`layers.cells.csv_safe`), and every text cell of the workbook is a string cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from asmap.geo.schema import code_columns
from asmap.layers.atomic import atomic_path
from asmap.layers.cells import csv_safe, formula_prefix, strip_controls
from asmap.maps import provenance
from asmap.maps.agreements import check_lines, status_word, window_words
from asmap.maps.i18n import has_text, t
from asmap.maps.paper.words import codes, verdict, who

#: Number formats by column: hectares to 0.01, kilometres to 0.1.
FORMATS = {"area_ha": "0.00", "available_ha": "0.00", "overlap_ha": "0.00", "route_km": "0.0",
           "mapped_ha": "0.00"}


def attributes(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` without its geometry column, as a plain DataFrame."""
    geometry = getattr(frame, "geometry", None)
    name = geometry.name if geometry is not None else None
    return pd.DataFrame(frame.drop(columns=[name] if name in frame.columns else []))


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write the attributes of `frame` as UTF-8 CSV (with BOM, for spreadsheets), atomically.

    Text that a spreadsheet would run as a formula gets a leading ``'`` (`layers.cells`).
    """
    table = attributes(frame)
    for column in table.columns:
        if pd.api.types.is_datetime64_any_dtype(table[column]):
            table[column] = table[column].dt.strftime("%Y-%m-%d")
    table = csv_safe(table)
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8-sig", float_format="%.4f")
    return Path(path)


def sites_for_people(sites: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The sites as the workbook shows them: a verdict column, codes in words."""
    table = attributes(sites).sort_values("site_id").reset_index(drop=True)
    records = table.to_dict("records")
    table.insert(1, "verdict", [verdict(row, lang) for row in records])
    for column in code_columns("sites"):
        if column in table.columns:
            table[column] = [codes(v, lang) for v in table[column]]
    if "negotiate_with" in table.columns:
        table["negotiate_with"] = [who(v, lang) for v in table["negotiate_with"]]
    if "permit_needed" in table.columns:
        table["permit_needed"] = [t("yes" if bool(v) and v == v else "no", lang)
                                  for v in table["permit_needed"]]
    if "stage" in table.columns:
        table["stage"] = [t(f"stage_{v}", lang) if has_text(f"stage_{v}") else v
                          for v in table["stage"]]
    if "window_closes" in table.columns:  # agreements (issue 14): the window in words
        table["window"] = [window_words(row, lang=lang) for row in records]
    if "agreement_status" in table.columns:
        table["agreement_status"] = [status_word(v, lang=lang) for v in
                                     table["agreement_status"]]
    return table.drop(columns=["eligible"], errors="ignore")


def with_window_words(sites: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """A copy of the sites with a ``window`` column: the working window in words."""
    out = sites.copy()
    if "window_closes" in out.columns:
        out["window"] = [window_words(row, lang=lang) for row in attributes(sites).to_dict(
            "records")]
    return out


def agreements_for_people(analysis: Any, *, lang: str) -> pd.DataFrame:
    """The agreements as the workbook shows them: status and every check in words."""
    table = attributes(analysis.agreements).reset_index(drop=True)
    records = table.to_dict("records")
    table["status"] = [status_word(v, lang=lang) for v in table["status"]]
    table["checks"] = [" ".join(check_lines(row, analysis.sites, lang=lang))
                       for row in records]
    return table


def _cell(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (list, tuple, set)):
        value = "; ".join(map(str, value))
    if isinstance(value, str):
        return strip_controls(value)
    return value


def _append(sheet: Any, values: list[Any]) -> None:
    """Append a row; text is always a string cell, never a formula (even ``=...``)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if formula_prefix(cell.value):
                cell.quotePrefix = True  # stays text when someone edits the cell


def _sheet(book: Workbook, title: str, table: pd.DataFrame, *, lang: str) -> None:
    sheet = book.create_sheet(title)
    _append(sheet, [_cell(t(c, lang) if has_text(c) else str(c)) for c in table.columns])
    for row in table.itertuples(index=False):
        _append(sheet, [_cell(v) for v in row])
    header_fill = PatternFill("solid", fgColor="E8E8E8")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        fmt = FORMATS.get(column)
        if fmt:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = fmt
        texts = [str(sheet.cell(1, index).value or "")] + [
            str(v) for v in table[column].head(500) if v is not None]
        sheet.column_dimensions[letter].width = min(60, max(8, max(len(x) for x in texts) + 2))
    sheet.freeze_panes = "A2"
    if len(table):
        sheet.auto_filter.ref = sheet.dimensions


def sources_table(analysis: Any) -> pd.DataFrame:
    """One row per layer: layer, source (or "source unknown"), as of, stale, note."""
    rows = [{"layer": p.kind, "source": p.source or "", "as_of": p.as_of, "stale": p.stale,
             "note": p.note or ""} for p in provenance.analysis_provenance(analysis)]
    return pd.DataFrame(rows, columns=["layer", "source", "as_of", "stale", "note"])


def write_sites_xlsx(analysis: Any, path: str | Path, *, lang: str = "mn") -> Path:
    """
    Write the sites, conflicts and data sources to a formatted workbook, atomically.

    Apply the sharing profile to `analysis` first: every column it holds is written.
    """
    book = Workbook()
    book.remove(book.active)
    _sheet(book, t("sheet_sites", lang)[:31], sites_for_people(analysis.sites, lang=lang),
           lang=lang)
    _sheet(book, t("sheet_conflicts", lang)[:31], attributes(analysis.conflicts), lang=lang)
    if len(analysis.agreements):  # agreements (issue 14)
        _sheet(book, t("layer_agreements", lang)[:31],
               agreements_for_people(analysis, lang=lang), lang=lang)
    sources = sources_table(analysis)
    sources["layer"] = [t(f"layer_{k}", lang) for k in sources["layer"]]
    sources["source"] = [s or t("source_unknown", lang) for s in sources["source"]]
    sources["stale"] = [t("stale", lang) if s else "" for s in sources["stale"]]
    _sheet(book, t("sheet_sources", lang)[:31], sources, lang=lang)
    with atomic_path(path) as tmp:
        book.save(tmp)
    return Path(path)
