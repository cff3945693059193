"""Which area a basemap must cover: the soum (the AOI), grown by a margin, and its sites.

`aoi_bounds` is the one place that decides the area of interest, so it can be swapped
for `geo.aoi` once that exists: the boundary layer's bounds, else the tailings'.
Bounds are ``(west, south, east, north)`` in degrees (EPSG:4326) throughout.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

from asmap.layers.errors import AsmapWarning, DataError
from asmap.layers.messages import word

Bounds = tuple[float, float, float, float]
#: Metres per degree of latitude (and of longitude at the equator).
M_PER_DEG = 111_320.0
SIDES = ("north", "south", "east", "west")
_WARNED: set[tuple[str, tuple[str, ...]]] = set()  # each partial basemap is warned about once


def aoi_bounds(layers: Mapping[str, Any]) -> Bounds:
    """
    The area of interest: the boundary layer's bounds, else the tailings' (or sites').

    Parameters
    ----------
    layers
        Layer kind -> GeoDataFrame (a `Project`, or ``Analysis.layers``).

    Returns
    -------
    tuple
        ``(west, south, east, north)`` in degrees.

    Examples
    --------
    >>> from asmap import layers
    >>> [round(v, 2) for v in aoi_bounds(layers.load(layers.sample_path()))]
    [104.29, 47.9, 105.12, 48.63]
    """
    for kind in ("boundary", "tailings", "sites"):
        frame = layers.get(kind)
        if frame is not None and len(frame) and not frame.geometry.is_empty.all():
            frame = frame if frame.crs is None else frame.to_crs("EPSG:4326")
            west, south, east, north = (float(v) for v in frame.total_bounds)
            if np.all(np.isfinite([west, south, east, north])):
                return west, south, east, north
    raise DataError(code="bm_no_area")


def grow_bounds(bounds: Bounds, km: float) -> Bounds:
    """
    `bounds` grown by `km` kilometres on every side.

    Examples
    --------
    >>> [round(v, 3) for v in grow_bounds((104.0, 48.0, 105.0, 49.0), 1.0)]
    [103.986, 47.991, 105.014, 49.009]
    """
    west, south, east, north = bounds
    dlat = km * 1000 / M_PER_DEG
    dlon = km * 1000 / (M_PER_DEG * max(math.cos(math.radians((south + north) / 2)), 0.01))
    return (max(west - dlon, -180.0), max(south - dlat, -85.0511),
            min(east + dlon, 180.0), min(north + dlat, 85.0511))


def overlaps(a: Bounds, b: Bounds) -> bool:
    """Whether two bounds share some area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def uncovered_sides(aoi: Bounds, covered: Bounds, *, tolerance_deg: float = 0.001
                    ) -> list[str]:
    """
    The sides of the AOI (``north``, ``south``, ``east``, ``west``) a basemap leaves bare.

    Examples
    --------
    >>> uncovered_sides((104, 47, 105, 48), (104, 47.5, 106, 49))
    ['south']
    """
    west, south, east, north = aoi
    cw, cs, ce, cn = covered
    bare = {"north": north > cn + tolerance_deg, "south": south < cs - tolerance_deg,
            "east": east > ce + tolerance_deg, "west": west < cw - tolerance_deg}
    return [side for side in SIDES if bare[side]]


def eligible_site_bounds(sites: Any, *, km: float = 1.0) -> list[Bounds]:
    """Each eligible site's bounds grown by `km` (lon/lat), for full-resolution tiles."""
    if sites is None or not len(sites) or "eligible" not in sites:
        return []
    chosen = sites[sites["eligible"].fillna(False).astype(bool)]
    chosen = chosen[~(chosen.geometry.isna() | chosen.geometry.is_empty)]
    if chosen.crs is not None:
        chosen = chosen.to_crs("EPSG:4326")
    return [grow_bounds(tuple(float(v) for v in b), km) for b in chosen.geometry.bounds.values]


def covering(basemap: Any, aoi: Bounds) -> list[str]:
    """
    Check that `basemap` has tiles over `aoi`: a `DataError` when none, else the bare sides.

    A basemap that covers only part of the AOI is an `AsmapWarning` (``bm_partial``) for
    each side it leaves bare, once per file.
    """
    if not overlaps(aoi, basemap.bounds) or not any(
            next(basemap.tiles_in(aoi, z), None) for z in range(basemap.minzoom,
                                                                  basemap.maxzoom + 1)):
        raise DataError(code="bm_not_over_soum", path=basemap.path, west=basemap.bounds[0],
                        east=basemap.bounds[2], south=basemap.bounds[1],
                        north=basemap.bounds[3])
    sides = uncovered_sides(aoi, basemap.bounds)
    if sides and (str(basemap.path), tuple(sides)) not in _WARNED:
        _WARNED.add((str(basemap.path), tuple(sides)))
        for side in sides:
            warnings.warn(AsmapWarning(code="bm_partial", file=basemap.path.name,
                                       side=word(f"bm_side_{side}")), stacklevel=2)
    return sides
