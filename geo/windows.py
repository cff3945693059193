"""The working window of each site: from the end of exploitation to planned reclamation.

Tailings can be worked after the company has finished mining them and before the
environmental reclamation. The window opens on the site's ``mined_out_on`` (when the
tailings layer has it) and closes on the earliest ``start_date`` of a *planned*
reclamation area that overlaps the site's available ground and does not already exclude
it (reclamation planned within the notice period, or with no start date, takes the
ground away instead: see `geo.exclusions.counting_reclamation`).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo.exclusions import counting_reclamation

#: Overlap of planned reclamation and available ground that closes a window, m² (0.01 ha).
MIN_OVERLAP_M2 = 100.0
#: Columns added to the sites, in this order.
COLUMNS = ("window_opens", "window_closes", "window_days")


def working_windows(tailings: pd.DataFrame, available: np.ndarray,
                    reclamation: gpd.GeoDataFrame | None, *, on: date,
                    notice_days: int) -> pd.DataFrame:
    """
    When each site's working window opens and closes, and how many days are left.

    Parameters
    ----------
    tailings
        The sites (with an optional ``mined_out_on`` datetime column).
    available
        The available ground of each site, in the same metric CRS as `reclamation`.
    reclamation
        Reclamation areas with ``status`` and ``start_date`` (None: no layer).
    on
        The analysis date.
    notice_days
        The rule ``reclamation_notice_days``: planned reclamation starting sooner already
        excludes the ground, so it does not close a window.

    Returns
    -------
    DataFrame
        ``window_opens`` and ``window_closes`` (datetime, NaT when unknown) and
        ``window_days`` (days from `on` to the close; missing when there is no close),
        on the index of `tailings`.

    Examples
    --------
    >>> import geopandas as gpd, pandas as pd, shapely
    >>> sites = pd.DataFrame({"mined_out_on": pd.to_datetime(["2020-10-01"])})
    >>> plan = gpd.GeoDataFrame({"status": ["planned"],
    ...                          "start_date": pd.to_datetime(["2021-09-01"])},
    ...                         geometry=[shapely.box(50, 0, 200, 100)])
    >>> w = working_windows(sites, np.array([shapely.box(0, 0, 100, 100)]), plan,
    ...                     on=date(2021, 4, 6), notice_days=90)
    >>> str(w.at[0, "window_closes"].date()), int(w.at[0, "window_days"])
    ('2021-09-01', 148)
    """
    n = len(tailings)
    opens = (pd.to_datetime(tailings["mined_out_on"]).to_numpy("datetime64[ns]")
             if "mined_out_on" in tailings else np.full(n, np.datetime64("NaT"), "M8[ns]"))
    closes = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    if reclamation is not None and len(reclamation) and n:
        closes = _closes(available, reclamation, on=on, notice_days=notice_days, n=n)
    days = (closes - np.datetime64(pd.Timestamp(on), "ns")) / np.timedelta64(1, "D")
    return pd.DataFrame({
        "window_opens": pd.Series(opens, index=tailings.index).dt.normalize(),
        "window_closes": pd.Series(closes, index=tailings.index),
        "window_days": pd.array(np.where(np.isnan(days), pd.NA, np.round(days)),
                                dtype="Int64"),
    }, index=tailings.index)


def _closes(available: np.ndarray, reclamation: gpd.GeoDataFrame, *, on: date,
            notice_days: int, n: int) -> np.ndarray:
    status = reclamation["status"].astype("string").str.lower()
    start = (reclamation["start_date"] if "start_date" in reclamation
             else pd.Series(pd.NaT, index=reclamation.index))
    later = (status.eq("planned").fillna(False).to_numpy(bool) & start.notna().to_numpy(bool)
             & ~counting_reclamation(reclamation, on=on, notice_days=notice_days))
    plans = reclamation[later]
    closes = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    if len(plans) == 0:
        return closes
    site_ix, plan_ix = plans.sindex.query(available, predicate="intersects")
    overlap = shapely.area(shapely.intersection(available[site_ix],
                                                plans.geometry.values[plan_ix]))
    keep = overlap >= MIN_OVERLAP_M2
    starts = pd.to_datetime(plans["start_date"]).to_numpy("datetime64[ns]")[plan_ix[keep]]
    for site, day in zip(site_ix[keep].tolist(), starts, strict=True):
        if np.isnat(closes[site]) or day < closes[site]:
            closes[site] = day
    return closes


__all__ = ["COLUMNS", "MIN_OVERLAP_M2", "working_windows"]
