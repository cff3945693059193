"""Overlaps between counting licenses: the evidence negotiators need."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo import schema
from asmap.geo.eligibility import polygonal
from asmap.geo.licenses import MIN_OVERLAP_HA

COLUMNS = schema.columns("conflicts")

log = logging.getLogger(__name__)


def license_conflicts(licenses: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """
    Every pair of licenses that overlap by more than `MIN_OVERLAP_HA`.

    Parameters
    ----------
    licenses
        The counting licenses, in a metric CRS.

    Returns
    -------
    GeoDataFrame
        One row per pair, ``license_id_a`` < ``license_id_b``, sorted by both ids:
        both ids, holders and kinds, ``overlap_ha`` and the overlap polygon.
    """
    lic = licenses.reset_index(drop=True)
    a, b = lic.sindex.query(lic.geometry.values, predicate="intersects")
    ids = lic["license_id"].astype(str).to_numpy()
    keep = ids[a] < ids[b]
    a, b = a[keep], b[keep]
    overlap = shapely.intersection(lic.geometry.values[a], lic.geometry.values[b])
    ha = shapely.area(overlap) / 10_000
    real = ha > MIN_OVERLAP_HA
    a, b, overlap, ha = a[real], b[real], overlap[real], ha[real]
    holder = lic["holder"].to_numpy() if "holder" in lic else np.full(len(lic), None)
    kind = lic["kind"].to_numpy() if "kind" in lic else np.full(len(lic), None)
    frame = pd.DataFrame({"license_id_a": ids[a], "license_id_b": ids[b],
                          "holder_a": holder[a], "holder_b": holder[b],
                          "kind_a": kind[a], "kind_b": kind[b], "overlap_ha": ha})
    order = np.lexsort((frame["license_id_b"].to_numpy(), frame["license_id_a"].to_numpy()))
    frame = frame.iloc[order].reset_index(drop=True)
    polygons = polygonal(overlap[order])
    log.debug("license conflicts: %d overlapping pairs among %d licenses", len(frame), len(lic))
    return gpd.GeoDataFrame(frame, geometry=polygons, crs=licenses.crs)

