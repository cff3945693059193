"""What changed between two analyses: site by site, and in the licenses, posts and agreements.

The two may come from different data (two versions of a project folder) or from the same
data on different dates. Each is an `Analysis`, a results GeoPackage, or a folder holding
one (a brief folder holds ``results.gpkg``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from asmap.geo.exclusions import in_force
from asmap.geo.io import read_results
from asmap.geo.licenses import counting_licenses
from asmap.geo.result import Analysis
from asmap.geo.schema import split
from asmap.layers.errors import UsageError

# --- compare (issue 19) -----------------------------------------------------------------
#: Site columns compared, in report order, with the change code a difference makes.
#: Columns missing from either analysis are skipped. The window is compared by its dates:
#: its length in days counts from each analysis's own date, so it differs on every day.
COMPARED = {"eligible": "VERDICT", "reasons": "REASONS", "notes": "NOTES",
            "available_ha": "AVAILABLE_HA", "license_id": "LICENSE", "holder": "HOLDER",
            "negotiate_with": "NEGOTIATE_WITH", "route_km": "ROUTE_KM",
            "posts_on_route": "POSTS_ON_ROUTE", "window_opens": "WINDOW",
            "window_closes": "WINDOW", "agreement_id": "AGREEMENT",
            "agreement_status": "AGREEMENT"}
#: Numbers differ only by more than this (hectares, kilometres); shown to these decimals.
TOLERANCE = {"available_ha": (0.01, 2), "route_km": (0.1, 1)}
#: Change codes in report order (a verdict is ``BECAME_ELIGIBLE`` or ``NO_LONGER_ELIGIBLE``).
CHANGES = ("APPEARED", "DISAPPEARED", "BECAME_ELIGIBLE", "NO_LONGER_ELIGIBLE", "REASONS",
           "NOTES", "AVAILABLE_HA", "LICENSE", "HOLDER", "NEGOTIATE_WITH", "ROUTE_KM",
           "POSTS_ON_ROUTE", "WINDOW", "AGREEMENT")
#: Columns of `compare`.
COLUMNS = ("site_id", "change", "before", "after")


def results_of(source: Analysis | str | Path) -> Analysis:
    """
    An analysis as given, or read from a results GeoPackage or a folder holding one.

    Parameters
    ----------
    source
        An `Analysis`, a ``results.gpkg``, or a (brief) folder with ``results.gpkg``.

    Returns
    -------
    Analysis
        The analysis (without input layers when read from a file).

    Examples
    --------
    >>> results_of("no-such-folder")
    Traceback (most recent call last):
    ...
    asmap.layers.errors.UsageError: no-such-folder: no such results file or folder; ...
    """
    if isinstance(source, Analysis):
        return source
    path = Path(source)
    if path.is_dir():
        if not (path / "results.gpkg").exists():
            raise UsageError(code="er_results_no_gpkg", path=path)
        path = path / "results.gpkg"
    elif not path.exists():
        raise UsageError(code="er_no_results_path", path=path)
    return read_results(path)


def compare(old: Analysis | str | Path, new: Analysis | str | Path) -> pd.DataFrame:
    """
    Every change between two analyses, site by site.

    Parameters
    ----------
    old, new
        Analyses, results GeoPackages, or folders with a ``results.gpkg`` (see
        `results_of`).

    Returns
    -------
    DataFrame
        One row per change and site: ``site_id``, ``change`` (a code of `CHANGES`),
        ``before``, ``after`` (text: codes ``;``-joined, hectares to 0.01, kilometres to
        0.1, ``eligible`` / ``not_eligible`` for a verdict, "" for none), sorted by site
        then change. A site only in `new` is ``APPEARED``, one only in `old`
        ``DISAPPEARED``. ``attrs`` holds ``on`` (both dates) and ``rules`` (the rules
        that differ: name -> (old, new); the comparison is made all the same).

    Examples
    --------
    >>> from asmap import geo, layers
    >>> project = layers.load(layers.sample_path())
    >>> before = geo.analyze(project, on="2021-04-06")
    >>> len(compare(before, before))
    0
    >>> after = geo.analyze(project, on="2021-07-01")
    >>> for row in compare(before, after).query("site_id == 'ZT-11'").itertuples():
    ...     print(row.change, repr(row.before), repr(row.after))
    NOTES '' 'RECLAMATION'
    AVAILABLE_HA '6.00' '2.92'
    ROUTE_KM '27.9' '28.0'
    POSTS_ON_ROUTE 'ZP-01' ''
    WINDOW '2021-09-20' ''
    """
    old, new = results_of(old), results_of(new)
    a, b = _by_id(old.sites), _by_id(new.sites)
    rows = []
    for site_id in sorted(set(a.index) | set(b.index)):
        if site_id not in a.index:
            rows.append((site_id, "APPEARED", "", _verdict(b.loc[site_id, "eligible"])))
            continue
        if site_id not in b.index:
            rows.append((site_id, "DISAPPEARED", _verdict(a.loc[site_id, "eligible"]), ""))
            continue
        rows += [(site_id, *change) for change in _site_changes(a.loc[site_id], b.loc[site_id])]
    order = {code: i for i, code in enumerate(CHANGES)}
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table = table.sort_values(["site_id", "change"], key=lambda s: s.map(order)
                              if s.name == "change" else s, kind="stable")
    table = table.reset_index(drop=True)
    table.attrs["on"] = (old.on, new.on)
    table.attrs["rules"] = rule_differences(old, new)
    return table


def rule_differences(old: Analysis, new: Analysis) -> dict[str, tuple[Any, Any]]:
    """
    The rules two analyses differ in: name -> (old value, new value).

    Parameters
    ----------
    old, new
        Two analyses.

    Returns
    -------
    dict
        Empty when both used the same rules.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> one = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    >>> two = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06",
    ...                   rules=one.rules.replace(min_area_ha=2))
    >>> rule_differences(one, two)
    {'min_area_ha': (0.5, 2.0)}
    """
    a, b = old.rules.as_dict(), new.rules.as_dict()
    return {k: (a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)}


def layer_changes(old: Analysis | str | Path, new: Analysis | str | Path) -> dict[str, list]:
    """
    Licenses, posts and agreements that appeared, went or changed between two analyses.

    When both have their input layers (analyses from `geo.analyze`), licenses are those
    that count on each analysis date and posts those that stand; else, for both, those
    the sites name (``licenses_all``, ``license_id``/``holder``, ``posts_on_route``).

    Parameters
    ----------
    old, new
        As for `compare`.

    Returns
    -------
    dict
        ``licenses_appeared``, ``licenses_went`` (ids, sorted), ``holders_changed``
        ((id, old holder, new holder)), ``posts_appeared``, ``posts_went`` (ids) and
        ``agreements_changed`` ((id, column, old, new)) for agreement columns on sites.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> project = layers.load(layers.sample_path())
    >>> found = layer_changes(geo.analyze(project, on="2020-12-31"),
    ...                       geo.analyze(project, on="2021-07-01"))
    >>> found["licenses_went"], found["posts_went"]
    (['MV-011004'], ['ZP-01', 'ZP-02', 'ZP-03', 'ZP-04', 'ZP-05'])
    """
    old, new = results_of(old), results_of(new)
    # input layers only when both have them: else both from what their sites name
    both = {k for k in ("licenses", "posts") if k in old.layers and k in new.layers}
    la, lb = (_licenses(x, "licenses" in both) for x in (old, new))
    pa, pb = (_posts(x, "posts" in both) for x in (old, new))
    agreements = []
    columns = [c for c in old.sites.columns if c.startswith("agreement_") and c in new.sites]
    if "agreement_id" in columns:
        a = _agreements(old.sites, columns)
        b = _agreements(new.sites, columns)
        for ident in sorted(set(a) & set(b)):
            agreements += [(ident, c, a[ident][c], b[ident][c]) for c in columns
                           if c != "agreement_id" and a[ident][c] != b[ident][c]]
    return {"licenses_appeared": sorted(set(lb) - set(la)),
            "licenses_went": sorted(set(la) - set(lb)),
            "holders_changed": [(k, la[k], lb[k]) for k in sorted(set(la) & set(lb))
                                if la[k] and lb[k] and la[k] != lb[k]],
            "posts_appeared": sorted(pb - pa), "posts_went": sorted(pa - pb),
            "agreements_changed": agreements}


def _by_id(sites: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(sites.drop(columns=[sites.geometry.name], errors="ignore"))
    return frame.set_index(frame["site_id"].astype(str), drop=False)


def _verdict(value: Any) -> str:
    return "eligible" if _text(value) in ("True", "1") else "not_eligible"


def _text(value: Any, digits: int | None = None) -> str:
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if digits is not None:
        return f"{float(value):.{digits}f}"
    return str(value)


def _site_changes(a: pd.Series, b: pd.Series) -> list[tuple[str, str, str]]:
    out = []
    for column, code in COMPARED.items():
        if column not in a.index or column not in b.index:
            continue
        x, y = a[column], b[column]
        if column == "eligible":
            if _verdict(x) != _verdict(y):
                out.append(("BECAME_ELIGIBLE" if _verdict(y) == "eligible"
                            else "NO_LONGER_ELIGIBLE", _verdict(x), _verdict(y)))
            continue
        if column in TOLERANCE:
            tolerance, digits = TOLERANCE[column]
            fx, fy = pd.to_numeric(x, errors="coerce"), pd.to_numeric(y, errors="coerce")
            same = (np.isnan(fx) and np.isnan(fy)) or abs(fx - fy) <= tolerance
            if not same:
                out.append((code, _text(x, digits), _text(y, digits)))
            continue
        if _text(x) != _text(y):
            out.append((code, _text(x), _text(y)))
    return out


def _licenses(analysis: Analysis, from_layer: bool) -> dict[str, str]:
    """License id -> holder ("" when unknown) of the licenses that count."""
    frame = analysis.layers.get("licenses")
    if from_layer and "license_id" in frame:
        counting = counting_licenses(frame, analysis.on)
        holders = counting["holder"] if "holder" in counting else [None] * len(counting)
        return {str(k): _text(h) for k, h in zip(counting["license_id"], holders, strict=True)}
    sites = analysis.sites
    found: dict[str, str] = {}
    for value in sites.get("licenses_all", pd.Series(dtype=object)).dropna():
        found.update({k: "" for k in split(value)})
    if "license_id" in sites and "holder" in sites:
        for k, h in zip(sites["license_id"], sites["holder"], strict=True):
            if _text(k):
                found[str(k)] = _text(h)
    return found


def _posts(analysis: Analysis, from_layer: bool) -> set[str]:
    frame = analysis.layers.get("posts")
    if from_layer and "post_id" in frame:
        return set(frame["post_id"].astype(str)[in_force(frame, analysis.on)])
    return {p for value in analysis.sites["posts_on_route"] for p in split(value)}


def _agreements(sites: pd.DataFrame, columns: list[str]) -> dict[str, dict[str, str]]:
    out = {}
    for row in pd.DataFrame(sites[columns]).to_dict("records"):
        ident = _text(row["agreement_id"])
        if ident:
            out[ident] = {c: _text(v) for c, v in row.items()}
    return out


__all__ = ["CHANGES", "COLUMNS", "compare", "layer_changes", "results_of", "rule_differences"]
