"""Exclusion zones: river buffers, restricted zones, reclamation and the zones of posts."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo import schema
from asmap.geo.parallel import each
from asmap.geo.rules import Rules

#: Exclusion kinds, in the order they are reported (the note codes of `geo.schema`).
KINDS = schema.codes("note")
#: The layer each kind comes from.
LAYER_OF = {"RIVER_BUFFER": "rivers", "RESTRICTED": "restricted",
            "RECLAMATION": "reclamation", "POST_ZONE": "posts"}
#: Segments per quarter circle of a post zone (a 256-gon: within 0.01 % of a circle's area).
POST_QUAD_SEGS = 64
#: Segments per quarter circle at the ends and bends of a river buffer.
RIVER_QUAD_SEGS = 16

log = logging.getLogger(__name__)


def in_force(frame: pd.DataFrame, on: date) -> np.ndarray:
    """
    Rows whose ``start_date``..``end_date`` holds `on`; a missing start or end is open.

    Parameters
    ----------
    frame
        A layer with (optional) ``start_date`` and ``end_date`` datetime columns.
    on
        The analysis date.
    """
    day = pd.Timestamp(on)
    ok = np.ones(len(frame), dtype=bool)
    if "start_date" in frame:
        start = frame["start_date"]
        ok &= (start.isna() | (start <= day)).to_numpy(bool)
    if "end_date" in frame:
        end = frame["end_date"]
        ok &= (end.isna() | (end >= day)).to_numpy(bool)
    return ok


def counting_reclamation(reclamation: pd.DataFrame, *, on: date, notice_days: int) -> np.ndarray:
    """Reclamation that blocks a site: in progress, completed, or planned within the notice."""
    status = reclamation["status"].astype("string").str.lower()
    start = reclamation["start_date"] if "start_date" in reclamation else pd.Series(
        pd.NaT, index=reclamation.index)
    horizon = pd.Timestamp(on) + pd.Timedelta(days=int(notice_days))
    planned_soon = status.eq("planned") & (start.isna() | (start <= horizon))
    return (status.isin(["in_progress", "completed"]) | planned_soon).fillna(False).to_numpy(bool)


def post_zones(posts: gpd.GeoDataFrame, *, on: date, radius_m: float) -> gpd.GeoDataFrame:
    """
    The zones of the posts that stand on `on`: ``radius_m`` around each, else `radius_m`.

    Returns
    -------
    GeoDataFrame
        ``post_id`` and the zone polygon, in the posts' (metric) CRS.
    """
    live = posts[in_force(posts, on)]
    radius = (live["radius_m"].astype(float) if "radius_m" in live
              else pd.Series(np.nan, index=live.index)).to_numpy(float)
    radius = np.where(np.isfinite(radius) & (radius > 0), radius, float(radius_m))
    zones = shapely.buffer(live.geometry.values, radius, quad_segs=POST_QUAD_SEGS)
    return gpd.GeoDataFrame({"post_id": live["post_id"].astype(str).to_numpy()},
                            geometry=zones, crs=posts.crs)


def exclusion_pieces(layers: Mapping[str, gpd.GeoDataFrame], *, rules: Rules, on: date,
                     crs: str) -> gpd.GeoDataFrame:
    """
    Every exclusion zone in force, one row per source feature (not dissolved).

    Parameters
    ----------
    layers
        Layers in the metric CRS `crs`; missing kinds are skipped.
    rules
        Buffer widths, the default post radius and the reclamation notice.
    on
        The analysis date.
    crs
        The metric CRS of the layers.

    Returns
    -------
    GeoDataFrame
        ``kind`` (one of `KINDS`) and the zone polygon, in `crs`.
    """
    kinds, geoms = [], []

    def add(kind: str, values: np.ndarray) -> None:
        values = values[~(shapely.is_empty(values) | shapely.is_missing(values))]
        kinds.extend([kind] * len(values))
        geoms.append(values)

    if "rivers" in layers:
        add("RIVER_BUFFER", shapely.buffer(layers["rivers"].geometry.values,
                                           rules.river_buffer_m, quad_segs=RIVER_QUAD_SEGS))
    if "restricted" in layers:
        add("RESTRICTED", layers["restricted"].geometry.values)
    if "reclamation" in layers:
        rec = layers["reclamation"]
        keep = counting_reclamation(rec, on=on, notice_days=rules.reclamation_notice_days)
        add("RECLAMATION", rec.geometry.values[keep])
    if "posts" in layers:
        add("POST_ZONE", post_zones(layers["posts"], on=on,
                                    radius_m=rules.post_radius_m).geometry.values)
    values = np.concatenate(geoms) if geoms else np.array([], dtype=object)
    polygonal = np.isin(shapely.get_type_id(values), (3, 6, 7))  # drop stray points and lines
    log.debug("exclusion zones in force: %s", ", ".join(
        f"{kind} {kinds.count(kind)}" for kind in KINDS if kind in kinds) or "none")
    return gpd.GeoDataFrame({"kind": np.array(kinds, dtype=object)[polygonal]},
                            geometry=values[polygonal], crs=crs)


def dissolve_exclusions(pieces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The pieces dissolved by kind (in `KINDS` order) with ``area_ha``."""
    kinds = [k for k in KINDS if (pieces["kind"] == k).any()]
    geoms = each(shapely.union_all, [pieces.geometry.values[(pieces["kind"] == k).to_numpy()]
                                     for k in kinds])
    geoms = np.array(geoms, dtype=object) if geoms else np.array([], dtype=object)
    return gpd.GeoDataFrame({"kind": kinds, "area_ha": shapely.area(geoms) / 10_000},
                            geometry=geoms, crs=pieces.crs)
