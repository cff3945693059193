"""One reading of dates for every part of asmap: rules, sources, the analysis day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def parse_date(value: Any) -> date | None:
    """
    A date from a date, a datetime (TOML or Python) or an ISO 8601 text; else None.

    Parameters
    ----------
    value
        What a user wrote: ``2021-04-06``, ``2021-04-06T08:00:00``, a `date` ...

    Returns
    -------
    date or None
        The day, or None when `value` is no date (the caller says what to write instead).

    Examples
    --------
    >>> parse_date("2021-03-31"), parse_date("2021-03-31T08:15:00+08:00")
    (datetime.date(2021, 3, 31), datetime.date(2021, 3, 31))
    >>> parse_date("last spring") is None, parse_date(None) is None
    (True, True)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None
