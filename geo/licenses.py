"""Which counting license each site lies on, and who to negotiate with."""

from __future__ import annotations

import logging
from datetime import date

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo.exclusions import in_force
from asmap.geo.grouping import joined
from asmap.geo.parallel import elementwise

#: Who decides over land that no counting license covers.
LOCAL_GOVERNMENT = "local government"
#: Tie order of license kinds: a mining license wins over an ASM permit over exploration.
KIND_ORDER = {"mining": 0, "asm": 1, "exploration": 2}
#: Overlaps within this many hectares of the largest one are ties.
TIE_HA = 0.01
#: Overlaps smaller than this (hectares, 1 m²) are edges that touch, not overlaps.
MIN_OVERLAP_HA = 0.0001

log = logging.getLogger(__name__)


def counting_licenses(licenses: gpd.GeoDataFrame, on: date) -> gpd.GeoDataFrame:
    """
    The licenses that count on `on`: status active and `on` within start..end.

    A missing status is ``active`` (the catalogue default); a missing end date is open.
    """
    status = (licenses["status"].astype("string").str.lower().fillna("active")
              if "status" in licenses else pd.Series("active", index=licenses.index))
    return licenses[status.eq("active").to_numpy(bool) & in_force(licenses, on)]


def assign_licenses(sites: np.ndarray, licenses: gpd.GeoDataFrame) -> pd.DataFrame:
    """
    The counting license overlapping each site most, with the tie rule, and all of them.

    Parameters
    ----------
    sites
        Site geometries in a metric CRS.
    licenses
        The counting licenses (see `counting_licenses`), same CRS.

    Returns
    -------
    DataFrame
        One row per site (positional): ``license_id``, ``holder`` (None when none counts),
        ``licenses_all`` (``;``-joined, sorted) and ``negotiate_with`` (the holder, or
        ``local government``).
    """
    n = len(sites)
    out = pd.DataFrame({"license_id": pd.Series([None] * n, dtype=object),
                        "holder": pd.Series([None] * n, dtype=object),
                        "licenses_all": [""] * n, "negotiate_with": [LOCAL_GOVERNMENT] * n})
    if n == 0 or len(licenses) == 0:
        return out
    # each license prepared once and tested against the sites near it; a site wholly
    # inside a license overlaps it by its own area, so only the others are intersected
    tree = shapely.STRtree(sites)
    areas = licenses.geometry.values
    lic_ix, site_ix = tree.query(areas, predicate="intersects")
    inside_lic, inside_site = tree.query(areas, predicate="contains_properly")
    n_lic = len(licenses)
    inside = np.isin(site_ix * n_lic + lic_ix, inside_site * n_lic + inside_lic)
    overlap = shapely.area(sites[site_ix]) / 10_000
    cut = ~inside
    overlap[cut] = shapely.area(elementwise(shapely.intersection, sites[site_ix[cut]],
                                            areas[lic_ix[cut]])) / 10_000
    pairs = pd.DataFrame({
        "site": site_ix, "ha": overlap,
        "license_id": licenses["license_id"].astype(str).to_numpy()[lic_ix],
        "holder": licenses["holder"].to_numpy()[lic_ix],
        "rank": licenses["kind"].astype("string").str.lower().map(KIND_ORDER)
        .fillna(len(KIND_ORDER)).to_numpy(int)[lic_ix],
    })
    pairs = pairs[pairs["ha"] > MIN_OVERLAP_HA]
    if pairs.empty:
        return out
    top = pairs.groupby("site")["ha"].transform("max")
    chosen = (pairs[pairs["ha"] >= top - TIE_HA]
              .sort_values(["site", "rank", "license_id"], kind="stable")
              .drop_duplicates("site"))
    rows = chosen["site"].to_numpy()
    log.debug("licenses: %d of %d sites lie on a counting license", len(rows), len(out))
    out.loc[rows, "license_id"] = chosen["license_id"].to_numpy()
    out.loc[rows, "holder"] = chosen["holder"].to_numpy()
    out.loc[rows, "negotiate_with"] = chosen["holder"].fillna(LOCAL_GOVERNMENT).to_numpy()
    out["licenses_all"] = joined(pairs["site"].to_numpy(),
                                 pairs["license_id"].to_numpy(dtype=object), len(out))
    return out
