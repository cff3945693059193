"""Text that is safe in every output: no control characters, no spreadsheet formulas.

Attribute text comes from field teams, cadastre exports and phones; some of it is written
to hurt. Two helpers keep it inert wherever asmap writes it:

- `strip_controls` removes control characters (U+0000-U+001F except tab, line feed and
  carriage return, U+007F-U+009F), which break XLSX files, terminals and XML;
  `clean_text_columns` applies it to every text column of a layer when it is read and
  says which feature lost a character.
- `csv_safe` prefixes a single quote to every CSV cell whose text starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return, as OWASP recommends against CSV
  injection, so Excel and LibreOffice show the text instead of running it. Real
  numbers (numeric columns, and text that is just a number such as ``-12.5``) stay
  numbers. XLSX cells get the same protection as string cells (`formula_prefix` tells
  which cells need it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from asmap.layers.problems import Problem

#: Characters that start a formula in Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: The control characters `strip_controls` removes, as a pattern both Python's `re` and
#: Arrow's (RE2) read the same way.
CONTROLS_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
_CONTROLS = re.compile(CONTROLS_PATTERN)


def strip_controls(text: str) -> str:
    """
    `text` without control characters (tab, line feed and carriage return are kept).

    Examples
    --------
    >>> strip_controls("Altan\\x07 Gold")
    'Altan Gold'
    """
    return _CONTROLS.sub("", text)


def has_controls(text: object) -> bool:
    """
    True when `text` is a string holding a control character `strip_controls` removes.

    Examples
    --------
    >>> has_controls("bell\\x07"), has_controls("tab\\tok"), has_controls(3)
    (True, False, False)
    """
    return isinstance(text, str) and _CONTROLS.search(text) is not None


def formula_prefix(value: object) -> bool:
    """
    True when `value` is text a spreadsheet would run as a formula.

    Text that is only a number (``-12.5``, ``+976``) is no formula.

    Examples
    --------
    >>> formula_prefix('=HYPERLINK("http://evil.example")'), formula_prefix("-12.5")
    (True, False)
    >>> formula_prefix("@SUM(A1)"), formula_prefix("\\t=1+1"), formula_prefix("ZT-01")
    (True, True, False)
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_PREFIXES):
        return False
    try:
        float(value)
    except ValueError:
        return True
    return value.strip() != value  # " 5" parses, but a tab or CR in front is still code


def neutralize(value: object) -> object:
    """
    `value` as it is safe in a CSV cell: formula text gets a leading single quote.

    A carriage return inside the text becomes a line feed, so the cell is quoted and
    stays one cell.

    Examples
    --------
    >>> neutralize("=1+1"), neutralize("-5"), neutralize(-5.0), neutralize("Altan")
    ("'=1+1", '-5', -5.0, 'Altan')
    >>> neutralize("\\r=1+1")
    "'\\n=1+1"
    """
    if isinstance(value, str):
        value = strip_controls(value)
        if formula_prefix(value):
            value = "'" + value
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """
    A copy of `table` whose text cells and headers are safe to open in a spreadsheet.

    Numeric, boolean and date columns are left as they are.

    Examples
    --------
    >>> frame = pd.DataFrame({"name": ["=cmd|' /C calc'!A0", "Altan"], "ha": [-1.5, 2.0]})
    >>> csv_safe(frame).to_dict("list")
    {'name': ["'=cmd|' /C calc'!A0", 'Altan'], 'ha': [-1.5, 2.0]}
    """
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralize).astype(object)
    out.columns = [neutralize(str(c)) for c in out.columns]
    return out


def clean_text_columns(frame: pd.DataFrame, *, kind: str, file: str,
                       labels: Callable[[pd.DataFrame], Callable[[int], str]] | None = None
                       ) -> tuple[pd.DataFrame, list[Problem]]:
    """
    Remove control characters from every text column; one warning per feature and field.

    Parameters
    ----------
    frame
        A layer as read.
    kind, file
        Layer kind and file name, for the warnings.
    labels
        Given the cleaned layer, a function naming row `i` (its id, or ``row N``);
        default ``row i+1``.

    Returns
    -------
    tuple
        The cleaned copy (or `frame` itself when nothing changed) and the warnings.

    Examples
    --------
    >>> frame = pd.DataFrame({"holder": ["Altan\\x07 Gold", "Bor"]})
    >>> clean, found = clean_text_columns(frame, kind="licenses", file="licenses.csv",
    ...                                   )
    >>> clean["holder"].tolist(), found[0].feature, found[0].field
    (['Altan Gold', 'Bor'], 'row 1', 'holder')
    """
    bad: list[tuple[int, str]] = []
    out = frame
    for column in frame.columns:
        values = frame[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values):
            continue
        rows = _control_rows(values)
        if not rows:
            continue
        if out is frame:
            out = frame.copy()
        out[column] = values.map(lambda v: strip_controls(v) if isinstance(v, str) else v)
        bad += [(i, str(column)) for i in rows]
    label = labels(out) if labels is not None else (lambda i: f"row {i + 1}")
    return out, [Problem.of("warning", kind, label(i), column, "pr_control_in_data", file=file)
                 for i, column in bad]


def _control_rows(values: pd.Series) -> list[int]:
    """
    The positions of the cells of `values` holding a control character: one vectorized
    search of a string column; cell by cell in a column of mixed objects.

    Examples
    --------
    >>> _control_rows(pd.Series(["ok", "bell\\x07", None, "nel\\x85"]))
    [1, 3]
    >>> _control_rows(pd.Series(["ok", 3, "nul\\x00"], dtype=object))
    [2]
    """
    if values.dtype == object:
        return [i for i, v in enumerate(values) if has_controls(v)]
    found = values.str.contains(CONTROLS_PATTERN, regex=True)
    return np.flatnonzero(found.fillna(False).to_numpy(dtype=bool)).tolist()
