"""The metric CRS of an analysis: the UTM zone of the data."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

import geopandas as gpd
from pyproj import CRS, Transformer

from asmap.geo.parallel import MIN_CHUNK, elementwise
from asmap.layers.geometry_checks import utm_crs_at

__all__ = ["WGS84", "coordinate_transform", "is_wgs84", "reproject", "utm_crs_at",
           "utm_crs_for", "utm_zone_label"]

WGS84 = "EPSG:4326"


def utm_crs_for(data: gpd.GeoDataFrame | gpd.GeoSeries | Iterable[gpd.GeoDataFrame]) -> str:
    """
    The WGS84 UTM zone (``EPSG:326zz`` north, ``EPSG:327zz`` south) of the data's centre.

    asmap's one way of choosing a metric CRS (`utm_crs_at` of the centre of the
    bounds); an analysis applies it to its area of interest (`geo.aoi`), never to the
    whole data.

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
    bounds = [(f.total_bounds if is_wgs84(f) else f.to_crs(WGS84).total_bounds) for f in frames
              if f is not None and len(f) and not f.geometry.is_empty.all()]
    bounds = [b for b in bounds if np.isfinite(b).all()]
    if not bounds:
        return "EPSG:32648"
    b = np.array(bounds)
    return utm_crs_at((b[:, 0].min() + b[:, 2].max()) / 2, (b[:, 1].min() + b[:, 3].max()) / 2)


def is_wgs84(frame: gpd.GeoDataFrame | gpd.GeoSeries) -> bool:
    """Whether the frame is in EPSG:4326 already (no reprojection needed for output)."""
    return frame.crs is not None and frame.crs.to_epsg() == 4326


def utm_zone_label(crs: str) -> str:
    """The zone of a UTM EPSG code as people write it: ``EPSG:32648`` -> ``48N``."""
    code = CRS.from_user_input(crs).to_epsg() or 0
    if 32601 <= code <= 32660:
        return f"{code - 32600}N"
    if 32701 <= code <= 32760:
        return f"{code - 32700}S"
    return str(crs)


def coordinate_transform(source: str, target: str) -> Callable[[np.ndarray], np.ndarray]:
    """
    A function taking ``(n, 2)`` x/y coordinates from `source` to `target`.

    The transformation `GeoDataFrame.to_crs` uses (pyproj, always x/y), so geometries
    built from transformed coordinates equal the reprojected geometries exactly.

    Examples
    --------
    >>> move = coordinate_transform(WGS84, "EPSG:32648")
    >>> move(np.array([[105.0, 48.2]])).round(1)[0, 0]
    np.float64(500000.0)
    """
    transformer = Transformer.from_crs(CRS.from_user_input(source), CRS.from_user_input(target),
                                       always_xy=True)

    def move(xy: np.ndarray) -> np.ndarray:
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        return np.array(transformer.transform(xy[:, 0], xy[:, 1])).T

    return move


def reproject(frame: gpd.GeoDataFrame, crs: str) -> gpd.GeoDataFrame:
    """
    ``frame.to_crs(crs)``, with the coordinates transformed on every core.

    The same transformation as `GeoDataFrame.to_crs` (pyproj, always x/y), so the same
    coordinates; small frames take `to_crs` itself.

    Examples
    --------
    >>> points = gpd.GeoDataFrame(geometry=gpd.points_from_xy([105.0], [48.2]), crs=WGS84)
    >>> reproject(points, "EPSG:32648").geometry.x.round(1).tolist()
    [500000.0]
    """
    if frame.crs is None or len(frame) < 2 * MIN_CHUNK or CRS(frame.crs) == CRS(crs):
        return frame.to_crs(crs)
    source = frame.crs

    def chunk(geoms: np.ndarray) -> np.ndarray:
        return np.asarray(gpd.GeoSeries(geoms, crs=source).to_crs(crs).values, dtype=object)

    out = frame.copy()
    out[frame.geometry.name] = gpd.GeoSeries(elementwise(chunk, frame.geometry.values),
                                             index=frame.index, crs=crs)
    return out
