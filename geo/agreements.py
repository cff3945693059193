"""The agreement record: what is wrong with each tripartite agreement on the analysis date.

An agreement (a row of the ``agreements`` layer) covers one or more tailings sites. On
the analysis date each is checked against what the analysis found about its sites,
and every problem is written as a code in its ``checks`` column (`CODES`, in this
order; the words for each code are in `geo.schema`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo import schema
from asmap.geo.schema import split
from asmap.layers.errors import DataError
from asmap.layers.specs import SPECS

#: Every check, in the order they are reported (their words: `geo.schema.CODES`).
CODES = schema.codes("check")
#: Which agreement a site shows when several cover it: the highest of these.
STATUS_RANK = {"signed": 3, "proposed": 2, "draft": 1}
#: The day each of the three parties signed.
SIGNATURES = ("signed_company", "signed_government", "signed_ngo")
#: Written hectares may differ from the mapped ones by this share *and* `AREA_SLACK_HA`.
AREA_TOLERANCE = 0.05
AREA_SLACK_HA = 0.1
#: The input columns (the catalogue's), then what the analysis adds.
INPUT_COLUMNS = tuple(SPECS["agreements"].column_names)
COLUMNS = (*INPUT_COLUMNS, "checks", "mapped_ha")
DATE_COLUMNS = tuple(c.name for c in SPECS["agreements"].columns if c.type == "date")
#: Columns added to the sites.
SITE_COLUMNS = ("agreement_id", "agreement_status")


def same_name(a: Any, b: Any) -> bool:
    """
    Whether two names are the same, whatever their case and spaces.

    Examples
    --------
    >>> same_name("Туул  Алт ХХК", "туул алт ххк")
    True
    """
    return "".join(str(a).split()).casefold() == "".join(str(b).split()).casefold()


def typed_agreements(frame: pd.DataFrame) -> pd.DataFrame:
    """
    An agreements table with every catalogue column, dates as datetimes.

    Tables read by `layers.load` are typed already; this makes a plain table (say, a
    GeoDataFrame built in a notebook) the same.

    Raises
    ------
    DataError
        When a date cell is not a date.
    """
    out = pd.DataFrame(frame.drop(columns=frame.geometry.name)
                       if isinstance(frame, gpd.GeoDataFrame) else frame).copy()
    for name in ("agreement_id", "site_ids", "status"):
        if name not in out:
            raise DataError(code="er_agreements_no_column", column=name)
    for name in INPUT_COLUMNS:
        if name not in out:
            out[name] = pd.NaT if name in DATE_COLUMNS else np.nan if name == "area_ha" else None
        elif name in DATE_COLUMNS and not pd.api.types.is_datetime64_any_dtype(out[name]):
            try:
                out[name] = pd.to_datetime(out[name], errors="raise", format="ISO8601")
            except (ValueError, TypeError):
                raise DataError(code="er_agreements_not_date", column=name) from None
    out["area_ha"] = pd.to_numeric(out["area_ha"], errors="coerce").astype(float)
    out["status"] = out["status"].astype("string").str.strip().str.lower().astype(object)
    return out.reset_index(drop=True)


def check_agreements(agreements: pd.DataFrame | None, sites: pd.DataFrame,
                     ground: np.ndarray, *, on: date, crs: str
                     ) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """
    Check every agreement on `on`, and say which agreement each site is under.

    Parameters
    ----------
    agreements
        The ``agreements`` layer (None or empty: no agreements).
    sites
        The analysis' sites: ``site_id, eligible, reasons, license_id, holder,
        available_ha, window_closes``.
    ground
        Each site's available ground, in the metric `crs` (empty where none is left).
    on
        The analysis date.
    crs
        The metric CRS of `ground` and of the sites' ``geometry`` column.

    Returns
    -------
    agreements, site_columns
        The agreements with ``checks`` and ``mapped_ha`` and the union of their sites'
        available ground (of the sites, when none is available) in EPSG:4326; and
        ``agreement_id``, ``agreement_status`` for every site (on the sites' index).

    Examples
    --------
    >>> import shapely
    >>> sites = gpd.GeoDataFrame({"site_id": ["A"], "eligible": [True], "reasons": [""],
    ...     "license_id": ["MV-1"], "holder": ["Gold LLC"], "available_ha": [1.0],
    ...     "window_closes": [pd.NaT]}, geometry=[shapely.box(0, 0, 100, 100)],
    ...     crs="EPSG:32648")
    >>> table = pd.DataFrame({"agreement_id": ["AG-1"], "site_ids": ["A"],
    ...                       "status": ["signed"], "company": ["gold llc"]})
    >>> found, on_sites = check_agreements(table, sites, sites.geometry.values,
    ...                                    on=date(2021, 4, 6), crs="EPSG:32648")
    >>> found.at[0, "checks"]
    'MISSING_SIGNATURE;NO_RESOLUTION'
    >>> on_sites.at[0, "agreement_status"]
    'signed'
    """
    cover = pd.DataFrame({c: pd.Series([None] * len(sites), index=sites.index, dtype=object)
                          for c in SITE_COLUMNS})
    if agreements is None or len(agreements) == 0:
        return _frame(pd.DataFrame(columns=list(COLUMNS)), [], crs), cover
    table = typed_agreements(agreements)
    ids = sites["site_id"].astype(str).tolist()
    where = {sid: i for i, sid in enumerate(ids)}
    whole = np.asarray(sites.geometry.values, dtype=object)
    checks, mapped, geoms = [], [], []
    for row in table.to_dict("records"):
        rows = [where[s] for s in split(row["site_ids"]) if s in where]
        checks.append(";".join(agreement_checks(row, sites.iloc[rows], known=ids, on=on)))
        mapped.append(float(sites["available_ha"].iloc[rows].sum()))
        geoms.append(_ground(ground[rows], whole[rows]))
    table["checks"] = checks
    table["mapped_ha"] = mapped
    _cover(table, where, cover)
    return _frame(table, geoms, crs), cover


def agreement_checks(row: dict[str, Any], sites: pd.DataFrame, *, known: list[str],
                     on: date) -> list[str]:
    """
    The codes of one agreement, in `CODES` order.

    Parameters
    ----------
    row
        The agreement (typed: dates as timestamps or NaT).
    sites
        Its sites that exist, with the analysis columns.
    known
        Every site id of the analysis.
    on
        The analysis date.
    """
    day = pd.Timestamp(on)
    status = str(row.get("status") or "")
    until = row.get("work_until")
    found = {
        "UNKNOWN_SITE": any(s not in set(known) for s in split(row.get("site_ids"))),
        "MISSING_SIGNATURE": status == "signed" and any(pd.isna(row.get(c))
                                                        for c in SIGNATURES),
        "NOT_LICENSE_HOLDER": not _parties_hold(row, sites),
        "SITE_NOT_ELIGIBLE": not sites["eligible"].fillna(False).astype(bool).all(),
        "PAST_RECLAMATION": not pd.isna(until) and bool(
            (pd.to_datetime(sites["window_closes"]) < until).any()),
        "AREA_MISMATCH": _area_differs(row.get("area_ha"), float(sites["available_ha"].sum())),
        "EXPIRED": status == "signed" and not pd.isna(until) and until < day,
        "NO_RESOLUTION": status in ("proposed", "signed") and (
            _blank(row.get("resolution_no")) or pd.isna(row.get("resolution_date"))),
    }
    return [code for code in CODES if found[code]]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or not str(
        value).strip()


def _parties_hold(row: dict[str, Any], sites: pd.DataFrame) -> bool:
    """Whether the licenses and companies written are those the analysis chose.

    ``license_id`` and ``company`` may each list several (``;``-separated) for an
    agreement over sites on several licenses; what is left empty is not compared.
    """
    chosen = sites.loc[sites["license_id"].fillna("").astype(str) != "",
                       ["license_id", "holder"]]
    written = split(row.get("license_id"))
    if written and set(written) != set(chosen["license_id"].astype(str)):
        return False
    companies = split(row.get("company"))
    if companies and not all(any(same_name(holder, c) for c in companies)
                             for holder in chosen["holder"].dropna()):
        return False
    return True


def _area_differs(written: Any, mapped: float) -> bool:
    if written is None or pd.isna(written):
        return False
    gap = abs(float(written) - mapped)
    return gap > AREA_TOLERANCE * mapped and gap > AREA_SLACK_HA


def _ground(available: np.ndarray, whole: np.ndarray) -> Any:
    left = available[~(shapely.is_missing(available) | shapely.is_empty(available))]
    if len(left):
        return shapely.union_all(left)
    return shapely.union_all(whole) if len(whole) else None


def _cover(table: pd.DataFrame, where: dict[str, int], cover: pd.DataFrame) -> None:
    """Fill each site's agreement: the highest status covering it, first in the table."""
    best: dict[int, tuple[int, int]] = {}
    for order, (status, ids) in enumerate(zip(table["status"], table["site_ids"], strict=True)):
        rank = STATUS_RANK.get(str(status), 0)
        for sid in split(ids):
            i = where.get(sid)
            if rank and i is not None and (i not in best or rank > best[i][0]):
                best[i] = (rank, order)
    for i, (_rank, order) in best.items():
        cover.iat[i, 0] = str(table["agreement_id"].iloc[order])
        cover.iat[i, 1] = str(table["status"].iloc[order])


def _frame(table: pd.DataFrame, geoms: list, crs: str) -> gpd.GeoDataFrame:
    out = gpd.GeoDataFrame(table[list(COLUMNS)].reset_index(drop=True),
                           geometry=gpd.GeoSeries(list(geoms) or [], crs=crs), crs=crs)
    return out.to_crs("EPSG:4326")


__all__ = ["CODES", "COLUMNS", "SITE_COLUMNS", "STATUS_RANK", "agreement_checks",
           "check_agreements", "same_name", "typed_agreements"]
