"""The metric CRS of an analysis: the UTM zone of the data."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

import geopandas as gpd
from pyproj import CRS

WGS84 = "EPSG:4326"


def utm_crs_for(data: gpd.GeoDataFrame | gpd.GeoSeries | Iterable[gpd.GeoDataFrame]) -> str:
    """
    The WGS84 UTM zone (``EPSG:326zz`` north, ``EPSG:327zz`` south) of the data's centre.

    Parameters
    ----------
    data
        A frame, a series, or several frames (their combined bounds count), in any CRS.

    Returns
    -------
    str
        An EPSG code such as ``EPSG:32648`` (Zaamar).

    Examples
    --------
    >>> import shapely
    >>> utm_crs_for(gpd.GeoSeries([shapely.Point(104.77, 48.22)], crs=WGS84))
    'EPSG:32648'
    """
    frames = [data] if isinstance(data, (gpd.GeoDataFrame, gpd.GeoSeries)) else list(data)
    bounds = [f.to_crs(WGS84).total_bounds for f in frames
              if f is not None and len(f) and not f.geometry.is_empty.all()]
    bounds = [b for b in bounds if np.isfinite(b).all()]
    if not bounds:
        return "EPSG:32648"
    b = np.array(bounds)
    lon = (b[:, 0].min() + b[:, 2].max()) / 2
    lat = (b[:, 1].min() + b[:, 3].max()) / 2
    zone = int(np.clip((lon + 180) // 6 + 1, 1, 60))
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def utm_zone_label(crs: str) -> str:
    """The zone of a UTM EPSG code as people write it: ``EPSG:32648`` -> ``48N``."""
    code = CRS.from_user_input(crs).to_epsg() or 0
    if 32601 <= code <= 32660:
        return f"{code - 32600}N"
    if 32701 <= code <= 32760:
        return f"{code - 32700}S"
    return str(crs)
