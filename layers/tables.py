"""Reading plain tables (CSV, Excel) whose headers people typed, in English or Mongolian."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from asmap.layers.errors import DataError, UsageError


def read_table(path: str | Path) -> pd.DataFrame:
    """
    The cells of a CSV or Excel table as read, every header trimmed.

    CSV may be UTF-8 (with or without the BOM Excel writes) or Windows Cyrillic
    (cp1251), separated by commas, semicolons or tabs. Excel cells keep their types
    (numbers, dates, times), so a value is never re-interpreted.
    """
    path = Path(path)
    if not path.is_file():
        raise UsageError(code="er_no_file", path=path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            table = pd.read_excel(path, dtype=object, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise DataError(code="er_spreadsheet", file=path.name, detail=str(exc)) from None
    elif suffix in (".csv", ".txt"):
        text = decode_text(path.read_bytes())
        first = text.split("\n", 1)[0]
        sep = max((",", ";", "\t"), key=first.count)
        table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    else:
        raise UsageError(code="er_table_format", file=path.name)
    table.columns = [str(c).strip() for c in table.columns]
    return table.astype(object).where(table.notna(), None).reset_index(drop=True)


def decode_text(raw: bytes) -> str:
    """
    The text of a CSV file: UTF-8 (with or without Excel's BOM), else Windows Cyrillic.

    Examples
    --------
    >>> decode_text("Заамар".encode("cp1251")), decode_text("\ufeffЗаамар".encode())
    ('Заамар', 'Заамар')
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def rename_headers(table: pd.DataFrame, headers: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Rename headers found in `headers` (case-insensitive, spaces collapsed) to their key."""
    lookup = {alias.casefold(): key for key, aliases in headers.items() for alias in aliases}
    names = {c: lookup.get(" ".join(str(c).split()).casefold(), c) for c in table.columns}
    return table.rename(columns=names)
