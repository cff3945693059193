"""When each site's verdict changes: the dates inputs change on, and the intervals between.

A verdict can change only on a day an input changes: a post is put up (its
``start_date``) or taken down (the day after its ``end_date``), a license starts or
expires (the day after its ``end_date``), planned reclamation enters the notice window
(its ``start_date`` minus ``reclamation_notice_days``), or an agreement's date falls
(``work_from``, the day after ``work_until``, ``signed_company``, ``signed_government``,
``signed_ngo``, ``resolution_date``, when the project has an ``agreements`` layer).
`timeline` collects those dates in a period, analyses once per distinct date (geometry,
the road network and the river buffers are worked out once: `geo.analyze.prepare`) and
returns, for every site, the intervals with the same verdict.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo.analyze import as_date, as_rules, evaluate, prepare
from asmap.geo.rules import Rules
from asmap.geo.schema import split
from asmap.layers.errors import AsmapWarning, DataError, UsageError
from asmap.layers.project import Project

# --- timeline (issue 19) ----------------------------------------------------------------
#: Columns of a timeline, in order (``changed_by`` names the events an interval starts on).
COLUMNS = ("site_id", "from", "until", "eligible", "reasons", "notes", "negotiate_with",
           "posts_on_route", "changed_by")
#: Site columns that make up a verdict: a new interval starts when one of them changes.
STATE = ("eligible", "reasons", "notes", "negotiate_with", "posts_on_route")
#: Agreement columns (issue 14) followed as well when the analysis has them.
AGREEMENT_STATE = ("agreement_id", "agreement_status", "window_opens", "window_closes")
#: Event codes: (layer, column) -> code; an ``end`` column changes things the day after.
EVENTS = {("posts", "start_date"): "POST_START", ("posts", "end_date"): "POST_END",
          ("licenses", "start_date"): "LICENSE_START", ("licenses", "end_date"): "LICENSE_END",
          ("reclamation", "start_date"): "RECLAMATION_NOTICE",
          ("agreements", "work_from"): "WORK_FROM", ("agreements", "work_until"): "WORK_UNTIL",
          ("agreements", "signed_company"): "SIGNED_COMPANY",
          ("agreements", "signed_government"): "SIGNED_GOVERNMENT",
          ("agreements", "signed_ngo"): "SIGNED_NGO",
          ("agreements", "resolution_date"): "RESOLUTION"}
#: Columns whose date is the last day something holds: the change comes the day after.
LAST_DAY = {"end_date", "work_until"}
#: The id column of each layer with events.
ID_COLUMN = {"posts": "post_id", "licenses": "license_id", "reclamation": "area_id",
             "agreements": "agreement_id"}
#: Periods longer than this many days are analysed, with a warning that it gets slow.
LONG_DAYS = 3653


class LongPeriodWarning(AsmapWarning):
    """A timeline over more than ten years: it is analysed, but it gets slow (mn and en)."""


def events(project: Mapping[str, gpd.GeoDataFrame], start: date | str, end: date | str, *,
           rules: Rules | Mapping | None = None) -> pd.DataFrame:
    """
    Every date in ``start < date <= end`` on which an input changes, and what changes.

    Parameters
    ----------
    project
        A `layers.Project` or a mapping layer kind -> GeoDataFrame.
    start, end
        The period (dates or ``YYYY-MM-DD``).
    rules
        As for `geo.analyze` (the reclamation notice comes from them).

    Returns
    -------
    DataFrame
        ``date, event, layer, id``, sorted by date, event and id; ``event`` is a code of
        `EVENTS` (``POST_END``: the post no longer stands from that day).

    Raises
    ------
    DataError
        A date column holds a value that is not a date.

    Examples
    --------
    >>> from asmap import layers
    >>> found = events(layers.load(layers.sample_path()), "2021-04-06", "2021-07-01")
    >>> found[found["layer"] == "posts"][["date", "event", "id"]].head(2).to_string(index=False)
    '      date    event    id\\n2021-05-29 POST_END ZP-01\\n2021-05-29 POST_END ZP-03'
    """
    start, end = as_date(start), as_date(end)
    notice = timedelta(days=as_rules(rules, project).reclamation_notice_days)
    rows = []
    for (layer, column), code in EVENTS.items():
        frame = project.get(layer)
        if frame is None or column not in frame.columns or len(frame) == 0:
            continue
        ids = (frame[ID_COLUMN[layer]].astype(str).to_numpy() if ID_COLUMN[layer] in frame
               else np.array([f"row {i + 1}" for i in range(len(frame))]))
        days = _dates(frame[column], layer, column, ids)
        keep = days.notna().to_numpy(bool).copy()
        if layer == "reclamation" and "status" in frame:  # only planned work gives notice
            keep &= frame["status"].astype("string").str.lower().eq("planned").fillna(
                False).to_numpy(bool)
        for day, ident in zip(days[keep], ids[keep], strict=True):
            when = day.date()
            if column in LAST_DAY:
                when += timedelta(days=1)
            if layer == "reclamation":
                when -= notice
            if start < when <= end:
                rows.append((when, code, layer, ident))
    found = pd.DataFrame(rows, columns=["date", "event", "layer", "id"])
    return found.sort_values(["date", "event", "id"], kind="stable").reset_index(drop=True)


def timeline(project: Mapping[str, gpd.GeoDataFrame], start: date | str, end: date | str, *,
             rules: Rules | Mapping | None = None, sites: Iterable[str] | None = None,
             crs: str | None = None, soum: str | None = None) -> pd.DataFrame:
    """
    Every site's verdict from `start` to `end`, as intervals that change only on events.

    Parameters
    ----------
    project
        A `layers.Project` or a mapping layer kind -> GeoDataFrame (an ``agreements``
        layer adds its dates as events).
    start, end
        The period, both days included (dates or ``YYYY-MM-DD``); `start` after `end`
        is a `UsageError`; more than ten years is analysed with a `LongPeriodWarning`.
    rules
        As for `geo.analyze`.
    sites
        Site ids to follow; None follows every site.
    crs, soum
        As for `geo.analyze`.

    Returns
    -------
    DataFrame
        One row per site and interval: `COLUMNS`, ``from`` and ``until`` both included
        (dates), ``changed_by`` the events of ``from`` that touch the site (``CODE:id``,
        ``;``-joined; all events of the day when none touches it in particular; empty for
        the first interval); plus `AGREEMENT_STATE` columns when the analysis has them.
        ``attrs["dates"]`` holds the dates analysed, ``attrs["events"]`` the rows of
        `events` (as dictionaries).

    Examples
    --------
    >>> from asmap import layers
    >>> table = timeline(layers.load(layers.sample_path()), "2021-06-01", "2021-12-31",
    ...                  sites=["ZT-11"])
    >>> for row in table.itertuples():
    ...     print(row.site_id, row._2, row.until, row.eligible, row.notes or "-",
    ...           row.changed_by or "-")
    ZT-11 2021-06-01 2021-06-21 True - -
    ZT-11 2021-06-22 2021-12-31 True RECLAMATION RECLAMATION_NOTICE:RC-04
    """
    start, end = as_date(start), as_date(end)
    if start > end:
        raise UsageError(code="er_period_order", start=start, end=end)
    if (end - start).days > LONG_DAYS:
        warnings.warn(LongPeriodWarning(code="wr_long_period", start=start, end=end),
                      stacklevel=2)
    rules = as_rules(rules, project)
    layers = _only_sites(project, sites)
    found = events(layers, start, end, rules=rules)
    dates = [start, *sorted(set(found["date"]))]
    ready = prepare(layers, rules=rules, crs=crs, soum=soum)
    states = [evaluate(ready, day).sites for day in dates]
    state = list(STATE) + [c for c in AGREEMENT_STATE if c in states[0].columns]
    touch = _touching(ready, found)
    rows = []
    ids = states[0]["site_id"].astype(str).to_numpy()
    values = [_values(frame, state) for frame in states]
    for k, site_id in enumerate(ids):
        begin = 0
        for i in range(1, len(dates) + 1):
            if i < len(dates) and values[i][k] == values[begin][k]:
                continue
            until = dates[i] - timedelta(days=1) if i < len(dates) else end
            row = dict(zip(state, values[begin][k], strict=True))
            rows.append({"site_id": site_id, "from": dates[begin], "until": until, **row,
                         "changed_by": _why(found, dates[begin], site_id, touch,
                                            _posts(values[begin - 1][k], values[begin][k]))
                         if begin else ""})
            begin = i
    table = pd.DataFrame(rows, columns=[*COLUMNS, *state[len(STATE):]])
    table["eligible"] = table["eligible"].astype(bool)
    table.attrs["dates"] = dates
    table.attrs["events"] = found.to_dict("records")  # plain values: pandas compares attrs
    return table


def _dates(values: pd.Series, layer: str, column: str, ids: np.ndarray) -> pd.Series:
    """A column as datetimes; a value that is not a date is a `DataError` naming its row."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    days = pd.to_datetime(values, errors="coerce", format="ISO8601")
    bad = np.flatnonzero(days.isna().to_numpy() & values.notna().to_numpy()
                         & (values.astype(str).str.strip() != "").to_numpy())
    if len(bad):
        i = bad[0]
        raise DataError(code="er_event_not_date", layer=layer, id_column=ID_COLUMN.get(layer, "id"),
                        id=ids[i], column=column, value=values.iloc[i])
    return days


def _only_sites(project: Mapping[str, gpd.GeoDataFrame], sites: Iterable[str] | None
                ) -> Mapping[str, gpd.GeoDataFrame]:
    """The project with only the tailings `sites` (every one for None)."""
    if sites is None:
        return project
    wanted = [str(s) for s in sites]
    tailings = project["tailings"] if "tailings" in project else None
    if tailings is None or "site_id" not in tailings:
        return project
    ids = tailings["site_id"].astype(str)
    unknown = [s for s in wanted if s not in set(ids)]
    if unknown:
        raise UsageError(code="er_unknown_site", site=unknown[0],
                         sites=", ".join(sorted(ids)[:10]) + (" ..." if len(ids) > 10 else ""))
    if isinstance(project, Project):
        return dataclasses.replace(project, layers={**project.layers,
                                                    "tailings": tailings[ids.isin(wanted)]})
    return {**project, "tailings": tailings[ids.isin(wanted)]}


def _values(sites: gpd.GeoDataFrame, columns: list[str]) -> list[tuple]:
    frame = pd.DataFrame(sites[columns]).astype(object).where(sites[columns].notna(), None)
    frame["eligible"] = sites["eligible"].astype(bool)
    return list(frame.itertuples(index=False, name=None))


def _touching(ready: Any, found: pd.DataFrame) -> dict[tuple[str, str], set[str]]:
    """(layer, id) -> the sites its feature touches (posts within their zone's reach)."""
    sites = ready.m["tailings"]
    ids = sites["site_id"].astype(str).to_numpy()
    out: dict[tuple[str, str], set[str]] = {}
    for layer in ("posts", "licenses", "reclamation"):
        frame = ready.m.get(layer)
        if frame is None or ID_COLUMN[layer] not in frame or not len(found):
            continue
        geoms = frame.geometry.values
        if layer == "posts":
            radius = (frame["radius_m"].astype(float).to_numpy() if "radius_m" in frame
                      else np.full(len(frame), np.nan))
            geoms = shapely.buffer(geoms, np.where(np.isfinite(radius) & (radius > 0),
                                                   radius, ready.rules.post_radius_m))
        tree = shapely.STRtree(sites.geometry.values)
        feature, site = tree.query(geoms, predicate="intersects")
        for f, s in zip(feature.tolist(), site.tolist(), strict=True):
            out.setdefault((layer, str(frame[ID_COLUMN[layer]].iloc[f])), set()).add(ids[s])
    agreements = ready.agreements
    if agreements is not None and "site_ids" in agreements and "agreement_id" in agreements:
        for ident, site_ids in zip(agreements["agreement_id"].astype(str),
                                   agreements["site_ids"], strict=True):
            out.setdefault(("agreements", ident), set()).update(split(site_ids))
    return out


def _posts(*states: tuple) -> set[str]:
    """The posts on the route in any of `states` (`STATE` tuples)."""
    at = STATE.index("posts_on_route")
    return {p for s in states for p in split(s[at])}


def _why(found: pd.DataFrame, day: date, site_id: str,
         touch: dict[tuple[str, str], set[str]], on_route: set[str]) -> str:
    """The events of `day` that touch the site or its route (all of that day's if none)."""
    today = found[found["date"] == day]
    mine = [f"{e}:{i}" for e, layer, i in zip(today["event"], today["layer"], today["id"],
                                              strict=True)
            if site_id in touch.get((layer, i), set())
            or (layer == "posts" and i in on_route)]
    return ";".join(mine or [f"{e}:{i}" for e, i in zip(today["event"], today["id"],
                                                         strict=True)])


__all__ = ["COLUMNS", "EVENTS", "LongPeriodWarning", "events", "timeline"]
