"""Available area of each site, the notes that say what took area, and the reasons."""

from __future__ import annotations

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo import schema
from asmap.geo.exclusions import KINDS
from asmap.geo.grouping import joined
from asmap.geo.parallel import elementwise, query

#: Reasons a site is not eligible, in the order they are reported.
REASONS = schema.codes("reason")
#: Less than this (m²) of a site inside an exclusion zone is rounding, not a note.
SLIVER_M2 = 0.01
#: Exclusion pieces with more vertices than this are cut into tiles before the overlay.
TILE_VERTICES = 200
#: Side of those tiles, metres.
TILE_M = 5000.0
#: How far each tile reaches into its neighbours, metres.
OVERLAP_M = 1.0


def inside_boundary(sites: np.ndarray, boundary: np.ndarray | None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """
    Each site clipped to the boundary, and whether it touches the boundary at all.

    Only the sites that cross the boundary's edge are intersected; the others are kept
    whole or emptied, so a detailed soum outline costs one prepared test per site.
    """
    if boundary is None:
        return sites.copy(), np.ones(len(sites), dtype=bool)
    soum = shapely.union_all(boundary)
    shapely.prepare(soum)
    within = shapely.contains_properly(soum, sites)
    touches = within.copy()
    touches[~within] = shapely.intersects(soum, sites[~within])  # only the few left
    parts = np.where(touches, sites, shapely.Polygon())
    cross = touches & ~within
    if cross.any():
        parts[cross] = polygonal(elementwise(shapely.intersection, sites[cross], soum))
    return parts, touches


def available_parts(parts: np.ndarray, pieces: gpd.GeoDataFrame
                    ) -> tuple[np.ndarray, list[str]]:
    """
    Each site part minus the exclusion zones that touch it, and its notes.

    Parameters
    ----------
    parts
        Site geometries (already clipped to the boundary), metric CRS.
    pieces
        Exclusion zones with ``kind`` (see `geo.exclusions.exclusion_pieces`).

    Returns
    -------
    available, notes
        The available geometry of every site, and its notes (``;``-joined, sorted).
    """
    n = len(parts)
    available = parts.copy()
    if n == 0 or len(pieces) == 0:
        return available, [""] * n
    pieces = tiled(pieces)
    zones = pieces.geometry.values
    kind = pieces["kind"].to_numpy()
    site_ix, piece_ix = query(pieces.sindex, parts, predicate="intersects")
    # a site near one piece only: one difference gives what is left and, by the area
    # it lost, whether the piece took more than a sliver
    lone = np.bincount(site_ix, minlength=n)[site_ix] == 1
    lone_site, lone_piece = site_ix[lone], piece_ix[lone]
    left = elementwise(shapely.difference, parts[lone_site], zones[lone_piece])
    lost = shapely.area(parts[lone_site]) - shapely.area(left) > SLIVER_M2
    available[lone_site[lost]] = left[lost]
    # a site near several: which take more than a sliver, then those taken away from what
    # is left, one round per piece (each difference against a zone as it is: an overlay
    # of pieces already cut from the site would leave spikes along the shared edges)
    site_ix, piece_ix = site_ix[~lone], piece_ix[~lone]
    taken = shapely.area(elementwise(shapely.intersection, parts[site_ix], zones[piece_ix]))
    site_ix, piece_ix = site_ix[taken > SLIVER_M2], piece_ix[taken > SLIVER_M2]
    notes = joined(np.r_[lone_site[lost], site_ix],
                   np.r_[kind[lone_piece[lost]], kind[piece_ix]], n)
    order = np.argsort(site_ix, kind="stable")
    site_ix, piece_ix = site_ix[order], piece_ix[order]
    rank = np.arange(len(site_ix)) - np.searchsorted(site_ix, site_ix)  # place in its site
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        now = site_ix[rank == r]
        available[now] = elementwise(shapely.difference, available[now],
                                     zones[piece_ix[rank == r]])
    hit = np.unique(np.r_[lone_site[lost], site_ix])  # what an overlay left: areas only
    available[hit] = without_specks(polygonal(available[hit]))
    return available, notes


def tiled(pieces: gpd.GeoDataFrame, *, max_vertices: int = TILE_VERTICES,
          size: float = TILE_M) -> gpd.GeoDataFrame:
    """
    Exclusion pieces with the large ones cut into square tiles of `size` metres.

    A river buffer hundreds of km long has a bounding box that holds most sites, so
    every site would be tested and intersected against the whole long polygon. Cut into
    tiles, each site meets only the few small tiles around it; taking them all away from
    the site takes the zone away, so areas and notes do not change. Neighbouring tiles
    overlap by `OVERLAP_M`.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> river = shapely.LineString([(x, (x % 7) * 10) for x in range(0, 20001, 50)])
    >>> zone = gpd.GeoDataFrame({"kind": ["RIVER_BUFFER"]}, geometry=[river.buffer(200)])
    >>> cut = tiled(zone)
    >>> len(cut), bool(abs(cut.union_all().area - zone.area.sum()) < 1e-3)
    (12, True)
    """
    geoms = pieces.geometry.values
    big = np.flatnonzero(shapely.get_num_coordinates(geoms) > max_vertices)
    if len(big) == 0:
        return pieces
    bounds = shapely.bounds(geoms[big])
    lo = np.floor(bounds[:, :2] / size).astype(np.int64)
    hi = np.floor(bounds[:, 2:] / size).astype(np.int64)
    counts = (hi[:, 0] - lo[:, 0] + 1) * (hi[:, 1] - lo[:, 1] + 1)
    owner = np.repeat(np.arange(len(big)), counts)
    offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    width = (hi[:, 0] - lo[:, 0] + 1)[owner]
    x0 = (lo[owner, 0] + offset % width) * size
    y0 = (lo[owner, 1] + offset // width) * size
    # tiles overlap their neighbours by OVERLAP_M: tiles that only touched along a cut
    # could leave specks and spikes along it when taken away from a site one after the
    # other; overlapping ones cannot
    x0, y0, x1, y1 = x0 - OVERLAP_M, y0 - OVERLAP_M, x0 + size + OVERLAP_M, y0 + size + OVERLAP_M
    cells = shapely.box(x0, y0, x1, y1)
    source = geoms[big][owner]
    shapely.prepare(source)
    keep = np.flatnonzero(shapely.intersects(source, cells))
    clipped = np.array([shapely.clip_by_rect(source[k], x0[k], y0[k], x1[k], y1[k])
                        for k in keep.tolist()], dtype=object).reshape(-1)
    redo = np.flatnonzero(~shapely.is_valid(clipped))  # fast rectangle clipping may not
    clipped[redo] = shapely.intersection(source[keep[redo]], cells[keep[redo]])  # be valid
    clipped = polygonal(clipped)
    small = np.setdiff1d(np.arange(len(pieces)), big)
    rows = np.r_[small, big[owner[keep]]]
    name = pieces.geometry.name
    attrs = pd.DataFrame(pieces.drop(columns=name)).iloc[rows].reset_index(drop=True)
    out = gpd.GeoDataFrame(attrs, geometry=np.r_[geoms[small], clipped], crs=pieces.crs)
    return out[~shapely.is_empty(out.geometry.values)].reset_index(drop=True)


def without_specks(geoms: np.ndarray, min_area: float = SLIVER_M2) -> np.ndarray:
    """
    Polygons without the parts smaller than `min_area` (m²).

    An overlay can leave specks of no real size along edges that two zones (or two tiles
    of one zone) share; a route must not be drawn to one of them.

    Examples
    --------
    >>> speck = shapely.box(0, 0, 1e-4, 1e-4)
    >>> [g.wkt for g in without_specks(np.array([speck | shapely.box(5, 0, 6, 1), speck]))]
    ['POLYGON ((6 0, 6 1, 5 1, 5 0, 6 0))', 'POLYGON EMPTY']
    """
    out = np.asarray(geoms, dtype=object).copy()
    kind = shapely.get_type_id(out)
    out[(kind == 3) & (shapely.area(out) < min_area)] = shapely.Polygon()
    multi = np.flatnonzero(kind == 6)
    if len(multi) == 0:
        return out
    parts, owner = shapely.get_parts(out[multi], return_index=True)
    keep = shapely.area(parts) >= min_area
    for k in np.unique(owner[~keep]):  # only the few with a speck
        kept = parts[(owner == k) & keep]
        out[multi[k]] = (kept[0] if len(kept) == 1 else shapely.multipolygons(kept)
                         if len(kept) else shapely.Polygon())
    return out


def reasons_for(*, stage: pd.Series, touches: np.ndarray, available_ha: np.ndarray,
                route_km: np.ndarray, min_area_ha: float, max_route_km: float,
                check_boundary: bool) -> list[str]:
    """
    Every failing criterion of every site, sorted and ``;``-joined.

    A route of unknown length (NaN) is not too far: that rule is then unchecked.
    """
    fails = {
        "NOT_MINED_OUT": ~stage.astype("string").str.lower().eq("mined_out").fillna(False)
        .to_numpy(bool),
        "OUTSIDE_SOUM": ~touches if check_boundary else np.zeros(len(stage), dtype=bool),
        "TOO_SMALL": available_ha < min_area_ha - 1e-9,
        "TOO_FAR": np.nan_to_num(route_km, nan=-np.inf) > max_route_km,
    }
    codes = sorted(REASONS)
    # each combination of failing criteria is one bit pattern: join its codes once
    bits = sum(np.asarray(fails[r], dtype=np.int64) << i for i, r in enumerate(codes))
    text = [";".join(r for i, r in enumerate(codes) if pattern >> i & 1)
            for pattern in range(1 << len(codes))]
    return np.asarray(text, dtype=object)[np.asarray(bits, dtype=np.int64)].tolist()


__all__ = [
    "KINDS", "REASONS", "available_parts", "inside_boundary", "polygonal", "reasons_for", "tiled",
    "without_specks",
]


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """The areal part of each geometry: lines and points left over by an overlay go."""
    geoms = np.asarray(geoms, dtype=object)
    mixed = np.flatnonzero(shapely.get_type_id(geoms) == 7)
    if len(mixed) == 0:
        return geoms
    parts, index = shapely.get_parts(geoms[mixed], return_index=True)
    areal = np.isin(shapely.get_type_id(parts), (3, 6))
    out = geoms.copy()
    out[mixed] = shapely.Polygon()
    for k in np.unique(index[areal]):  # only the rare collections
        out[mixed[k]] = shapely.union_all(parts[areal & (index == k)])
    return out
