"""Attribute checks of one layer against the catalogue, and the typed, normalized columns."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd

import geopandas as gpd

from asmap.layers.messages import word
from asmap.layers.problems import Problem, capped
from asmap.layers.specs import Column, LayerSpec

TRUE = {"true", "t", "yes", "y", "1", "1.0", "тийм", "үнэн"}
FALSE = {"false", "f", "no", "n", "0", "0.0", "үгүй", "худал"}
ISO_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
FIRST_YEAR, LAST_YEAR = 1900, 2100

Label = Callable[[int], str]


def rename_columns(frame: gpd.GeoDataFrame, spec: LayerSpec, *,
                   file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """
    Give catalogue columns their lower-case catalogue names; leave other columns alone.

    Names match case-insensitively and through aliases (``OBSERVED_O`` -> ``observed_on``).
    When two columns match one catalogue name, the first is used and a warning says so.
    """
    renames: dict[str, str] = {}
    problems = []
    exact = {str(c).lower() for c in frame.columns}
    for name in frame.columns:
        if name == frame.geometry.name:
            continue
        column = spec.column(str(name))
        if column is None:
            continue
        if str(name).lower() != column.name and column.name in exact:
            continue  # an alias beside the column itself (shapeName beside name): kept as is
        if column.name in renames.values():
            first = next(k for k, v in renames.items() if v == column.name)
            problems.append(Problem.of("warning", spec.kind, "", column.name, "pr_two_columns",
                                       file=file, first=first, second=name, name=column.name))
            continue
        renames[name] = column.name
    taken = set(frame.columns) - set(renames)
    clashes = {k: v for k, v in renames.items() if k != v and v in taken}
    renames = {k: v for k, v in renames.items() if k not in clashes}
    return frame.rename(columns=renames), problems


def feature_labels(frame: pd.DataFrame, spec: LayerSpec, *,
                   rows: np.ndarray | None = None) -> Label:
    """
    A function that names row `i`: its id when it has one, else ``row N``.

    ``N`` is ``i+1``, or ``rows[i]+1`` when `frame` holds only some rows of its file
    (`rows`: their 0-based positions in the file, as the Dask workers read them).
    """
    ids = as_text(frame[spec.id_column]).tolist() if spec.id_column in frame else []
    where = (lambda i: i) if rows is None else (lambda i: int(rows[i]))
    if not ids:
        return lambda i: f"row {where(i) + 1}"
    return lambda i: ids[i] if ids[i] is not None else f"row {where(i) + 1}"


def check_columns(frame: gpd.GeoDataFrame, spec: LayerSpec, *, label: Label,
                  file: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """
    Check every catalogue column of a layer and return it typed, with defaults filled.

    Returns
    -------
    tuple
        A copy of the layer (catalogue columns first, typed: text as str/None, dates as
        datetime64 with NaT, numbers as float, yes/no as bool; missing optional columns
        added) and the problems found.
    """
    frame = frame.copy()
    problems: list[Problem] = []
    for column in spec.columns:
        frame[column.name], found = _check_column(frame, column, spec, label=label, file=file)
        problems += found
    problems += _dates_in_order(frame, spec, label, file)
    problems += _one_base(frame, spec, file)
    order = spec.column_names + [c for c in frame.columns if c not in spec.column_names]
    return frame[order], problems


def _check_column(frame, column: Column, spec: LayerSpec, *, label: Label,
                  file: str) -> tuple[pd.Series, list[Problem]]:
    def problem(feature, code, **params):
        return Problem.of("error", spec.kind, feature, column.name, code, file=file, **params)

    if column.name not in frame:
        missing = [problem("", "pr_required_missing", name=column.name,
                           hint=_missing_hint(column, frame))] if column.required else []
        return _empty(column, len(frame), frame.index), missing
    text = as_text(frame[column.name])
    values, problems = _typed(frame[column.name], column, problem, label, text)
    if column.required:
        need = {"name": column.name, "allowed": _allowed_text(column)}
        problems += capped(
            np.flatnonzero(text.isna().to_numpy()),
            lambda i: problem(label(i), "pr_empty_value", **need),
            summary=lambda n: problem("", "pr_empty_value_more", n=n, **need))
    if column.unique:
        problems += _duplicates(values, problem, label)
    return values, problems


def as_text(series: pd.Series) -> pd.Series:
    """Values as stripped text (whole floats without ``.0``), None when empty."""
    def one(value):
        if isinstance(value, (list, dict, tuple, np.ndarray)):
            return str(value)
        if value is None or pd.isna(value):
            return None
        if isinstance(value, (float, np.floating)) and float(value).is_integer():
            return str(int(value))
        text = str(value).strip()
        return text or None

    if isinstance(series.dtype, pd.StringDtype):  # the common case: a text column
        # (its strip removes exactly what Python's `str.strip` does)
        values = series.str.strip().to_numpy(dtype=object, na_value=None)
        values[values == ""] = None
        return pd.Series(values, index=series.index, dtype=object)
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):  # plain text
        values = series.to_numpy(dtype=object, na_value=None)
        return pd.Series([(v.strip() or None) if isinstance(v, str) else None for v in values],
                         index=series.index, dtype=object)
    if pd.api.types.is_integer_dtype(series.dtype) and not series.isna().any():
        return series.astype(str).astype(object)
    return pd.Series([one(v) for v in series.tolist()], index=series.index, dtype=object)


def _typed(series, column: Column, problem, label, text: pd.Series
           ) -> tuple[pd.Series, list[Problem]]:
    if column.type == "date":
        return _dates(series, column, problem, label)
    if column.type == "float":
        return _numbers(text, column, problem, label)
    if column.type == "bool":
        return _yes_no(text, column, problem, label)
    if column.default is not None:
        text = text.where(text.notna(), column.default)
    if not column.allowed:
        return text, []
    # each distinct text lowered once (a code column holds a few values many times)
    codes, distinct = pd.factorize(text.to_numpy(dtype=object))
    lowered = np.array([SEPARATORS.sub("_", str(v).lower()) for v in distinct] + [None],
                       dtype=object)
    norm = pd.Series(lowered[codes], index=text.index, dtype=object)  # -1 (empty): None
    bad = np.flatnonzero((norm.notna() & ~norm.isin(column.allowed)).to_numpy())

    def make(i):
        value = text.iloc[i]
        near = difflib.get_close_matches(norm.iloc[i], column.allowed, n=1, cutoff=0.5)
        allowed = ", ".join(column.allowed)
        if not near:
            return problem(label(i), "pr_not_allowed", value=value, allowed=allowed)
        return problem(label(i), "pr_not_allowed_near", value=value, near=near[0],
                       allowed=allowed)

    problems = capped(bad, make, summary=lambda n: problem(
        "", "pr_not_allowed_more", n=n, name=column.name, allowed=", ".join(column.allowed)))
    return norm.where(norm.isin(column.allowed), None).astype(object), problems


def _dates(series, column, problem, label) -> tuple[pd.Series, list[Problem]]:
    if pd.api.types.is_datetime64_any_dtype(series):
        values = series.dt.tz_localize(None) if series.dt.tz is not None else series
        text = values.astype(object).where(values.notna(), None)
    else:
        text = as_text(series)
        values = pd.to_datetime(text, format="ISO8601", errors="coerce", utc=True)
        values = values.dt.tz_localize(None)
    values = values.dt.normalize()
    unparsed = text.notna() & values.isna()
    years = values.dt.year
    implausible = values.notna() & ((years < FIRST_YEAR) | (years > LAST_YEAR))

    def make(i):
        value = text.iloc[i]
        if ISO_DAY.match(str(value)):
            return problem(label(i), "pr_not_real_date", value=value)
        guess = iso_guess(str(value))
        return problem(label(i), "pr_not_date", value=value,
                       guess=word("w_date_guess", guess=guess) if guess else "")

    problems = capped(np.flatnonzero(unparsed.to_numpy()), make, summary=lambda n: problem(
        "", "pr_not_date_more", n=n, name=column.name))
    problems += capped(
        np.flatnonzero(implausible.to_numpy()),
        lambda i: problem(label(i), "pr_bad_year", year=int(years.iloc[i]), first=FIRST_YEAR,
                          last=LAST_YEAR),
        summary=lambda n: problem("", "pr_bad_year_more", n=n))
    return values.where(~implausible), problems


#: Spaces and hyphens in an allowed value are written as one underscore ("mined out").
SEPARATORS = re.compile(r"[\s-]+")

DAY_FIRST = re.compile(r"^(\d{1,2})([./])(\d{1,2})[./](\d{4})$")


def iso_guess(text: str) -> str | None:
    """
    The ISO date a day-first notation stands for, when it can mean only one day.

    ``06.04.2019`` is day-month-year (dots put the day first); with slashes only when one
    number is above 12. (Year-first dates such as ``2019.04.06`` are read as they are.)

    Examples
    --------
    >>> iso_guess("06.04.2019"), iso_guess("25/12/2020")
    ('2019-04-06', '2020-12-25')
    >>> iso_guess("04/06/2019") is None  # April 6 or June 4?
    True
    """
    match = DAY_FIRST.match(text.strip())
    if not match:
        return None
    first, sep, second, year = match.groups()
    first, second, year = int(first), int(second), int(year)
    if sep == "." or first > 12:
        day, month = first, second
    elif second > 12:
        day, month = second, first
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _numbers(text, column, problem, label) -> tuple[pd.Series, list[Problem]]:
    values = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    values = values.astype(float).where(np.isfinite(values.astype(float)))
    unparsed = np.flatnonzero((text.notna() & values.isna()).to_numpy())
    problems = capped(unparsed, lambda i: problem(label(i), "pr_not_number",
                                                  value=text.iloc[i]),
                      summary=lambda n: problem("", "pr_not_number_more", n=n))
    strict = column.name in ("radius_m", "area_ha")  # area_ha: agreements (issue 14)
    bad = values <= 0 if strict else values < 0
    limit = word("w_greater_than_0" if strict else "w_0_or_more")
    rule = word("w_post_radius_rule") if column.name == "radius_m" else ""
    code = "pr_negative_area" if column.name == "area_ha" else "pr_negative"
    problems += capped(
        np.flatnonzero(bad.to_numpy()),
        lambda i: problem(label(i), code, name=column.name, value=values.iloc[i],
                          limit=limit, rule=rule),
        summary=lambda n: problem("", "pr_negative_more", n=n, limit=limit))
    return values.where(~bad), problems


def _yes_no(text, column, problem, label) -> tuple[pd.Series, list[Problem]]:
    low = text.str.lower()
    unknown = np.flatnonzero((text.notna() & ~low.isin(TRUE | FALSE)).to_numpy())
    problems = capped(unknown, lambda i: problem(label(i), "pr_not_yes_no", value=text.iloc[i]),
                      summary=lambda n: problem("", "pr_not_yes_no_more", n=n))
    return low.isin(TRUE).astype(bool), problems


def _duplicates(values: pd.Series, problem, label) -> list[Problem]:
    dup = values.notna() & values.duplicated(keep=False)
    if not dup.any():
        return []
    groups = pd.Series(np.arange(len(values)), index=values.index)[dup.to_numpy()]
    by_value = groups.groupby(values[dup].to_numpy(), sort=False).agg(list)

    def make(j):
        rows = by_value.iloc[j]
        where = ", ".join(f"row {r + 1}" for r in rows[:5]) + (" …" if len(rows) > 5 else "")
        return problem(str(by_value.index[j]), "pr_duplicate_id", count=len(rows),
                       value=by_value.index[j], rows=where)

    return capped(list(range(len(by_value))), make, summary=lambda n: problem(
        "", "pr_duplicate_id_more", n=n))


def _dates_in_order(frame, spec, label, file) -> list[Problem]:
    if not {"start_date", "end_date"} <= set(spec.column_names):
        return []
    start, end = frame["start_date"], frame["end_date"]
    backwards = np.flatnonzero((end < start).to_numpy())
    return capped(
        backwards,
        lambda i: Problem.of("error", spec.kind, label(i), "end_date", "pr_dates_backwards",
                             file=file, end=f"{end.iloc[i]:%Y-%m-%d}",
                             start=f"{start.iloc[i]:%Y-%m-%d}"),
        summary=lambda n: Problem.of("error", spec.kind, "", "end_date",
                                     "pr_dates_backwards_more", file=file, n=n))


def _one_base(frame, spec, file) -> list[Problem]:
    if spec.kind != "settlements" or len(frame) < 2 or frame["is_base"].sum() == 1:
        return []
    marked = frame.loc[frame["is_base"], "name"].astype(str).tolist()
    found = f"{len(marked)} ({', '.join(marked[:5])})" if marked else word("w_none")
    return [Problem.of("error", "settlements", "", "is_base", "pr_one_base", file=file,
                       found=found)]


def _empty(column: Column, n: int, index) -> pd.Series:
    if column.type == "date":
        return pd.Series(pd.NaT, index=index, dtype="datetime64[us]")
    if column.type == "float":
        return pd.Series(np.nan, index=index, dtype=float)
    if column.type == "bool":
        return pd.Series(bool(column.default), index=index, dtype=bool)
    return pd.Series([column.default] * n, index=index, dtype=object)


#: Columns that often hold the ids when the id column is missing (KML placemark names).
ID_LIKE = ("name", "id", "code", "label", "title")


def _missing_hint(column: Column, frame: pd.DataFrame) -> tuple[str, dict]:
    spelt = {str(c).lower(): str(c) for c in frame.columns}
    near = difflib.get_close_matches(column.name, list(spelt), n=1)
    if near:  # named as the file spells it (shapeName, not shapename)
        return word("w_rename_column", near=spelt[near[0]], name=column.name,
                    allowed=_allowed_text(column))
    if column.unique:
        columns = {str(c).lower(): c for c in frame.columns}
        for name in [columns[key] for key in ID_LIKE if key in columns]:
            values = as_text(frame[name])
            if len(values) and values.notna().all() and values.is_unique:
                shown = ", ".join(values.iloc[:2]) + (", …" if len(values) > 2 else "")
                return word("w_ids_column", column=name, shown=shown, name=column.name)
    return word("w_add_column", name=column.name, allowed=_allowed_text(column))


def _allowed_text(column: Column) -> tuple[str, dict] | str:
    """`` (allowed: a, b)`` in the sentence's language, or ``""`` for free values."""
    return word("w_allowed", allowed=", ".join(column.allowed)) if column.allowed else ""
