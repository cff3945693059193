"""Where an off-road leg may start: the road segments nearest a site, and on each the
points as near as the nearest (an interval beside an edge parallel to the road).

`geo.access` builds routes from these candidates and keeps the shortest.
"""

from __future__ import annotations

import numpy as np

import shapely

from asmap.geo.parallel import distance, elementwise, nearest, query

#: The off-road leg may start on at least this many of the nearest road segments ...
NEAREST_SEGMENTS = 5
#: ... and on every segment within this many times the nearest distance.
NEAR_FACTOR = 2.0
#: Route totals within this many metres are ties (then the shorter off-road leg wins).
TIE_M = 0.001


def near_segments(tree: shapely.STRtree, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """
    (target, segment) pairs an off-road leg may start from, by target.

    Every road segment (straight piece of `tree`) within `NEAR_FACTOR` times the target's
    nearest distance, and at least the `NEAREST_SEGMENTS` nearest (all when there are
    fewer): so a main road a little farther than a dead-end track is tried too, and so
    are the pieces either side of a bend. `near_pairs` gives their distances as well.

    Examples
    --------
    >>> roads = shapely.linestrings([[(0, 0), (10, 0)], [(0, 1), (10, 1)],
    ...                              [(0, 30), (10, 30)]])
    >>> near_segments(shapely.STRtree(roads), np.array([shapely.Point(5, 2)]))[1].tolist()
    [0, 1, 2]
    """
    target_ix, segment_ix, _ = near_pairs(tree, targets)
    return target_ix, segment_ix


def near_pairs(tree: shapely.STRtree, targets: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """
    The pairs of `near_segments` and each pair's distance (target to segment), by target.

    Searched in widening rings, vectorized over the targets that still have too few:
    each ring is a box query on the tree, then the exact distances of what the boxes
    hold (the distances are needed anyway, to rank the segments).

    Examples
    --------
    >>> roads = shapely.linestrings([[(0, 0), (10, 0)], [(0, 1), (10, 1)]])
    >>> near_pairs(shapely.STRtree(roads), np.array([shapely.Point(5, 2)]))[2].tolist()
    [2.0, 1.0]
    """
    segments = tree.geometries
    want = min(NEAREST_SEGMENTS, len(segments))
    (first_t, _), first_d = nearest(tree, targets, return_distance=True)
    d0 = np.full(len(targets), np.inf)
    np.minimum.at(d0, first_t, first_d)
    box, seg_box = shapely.bounds(targets), shapely.bounds(segments)

    def within(rows: np.ndarray, reach: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(position in `rows`, segment, distance) of the segments within `reach`."""
        grown = shapely.box(*(box[rows] + reach[:, None] * np.array([-1, -1, 1, 1])).T)
        at, seg = query(tree, grown)
        # no nearer than their bounding boxes: only those within reach are measured
        # (the margin keeps a segment exactly at `reach` whatever the rounding)
        near = box_gap(box[rows[at]], seg_box[seg]) <= reach[at] * (1 + 1e-9) + 1e-9
        at, seg = at[near], seg[near]
        d = distance(targets[rows[at]], segments[seg])
        ok = d <= reach[at]
        return at[ok], seg[ok], d[ok]

    found_t, found_s, found_d = within(np.arange(len(targets)), NEAR_FACTOR * d0)
    few = np.bincount(found_t, minlength=len(targets)) < want
    # a target with enough segments within the factor keeps them all
    kept = ~few[found_t]
    t_ix, s_ix, d = [found_t[kept]], [found_s[kept]], [found_d[kept]]
    short = np.flatnonzero(few)
    ring = np.maximum(2 * NEAR_FACTOR * d0, 100.0)
    ring_t, ring_s, ring_d = [], [], []
    while len(short):
        got_t, got_s, got_d = within(short, ring[short])
        done = np.bincount(got_t, minlength=len(short)) >= want
        rows = done[got_t]
        ring_t.append(short[got_t[rows]])
        ring_s.append(got_s[rows])
        ring_d.append(got_d[rows])
        short = short[~done]
        ring[short] *= 2
    if ring_t:  # the others keep the nearest `want` and any within the factor
        rt, rs, rd = np.concatenate(ring_t), np.concatenate(ring_s), np.concatenate(ring_d)
        order = np.lexsort((rs, rd, rt))
        rt, rs, rd = rt[order], rs[order], rd[order]
        starts = np.r_[0, np.flatnonzero(rt[1:] != rt[:-1]) + 1]
        rank = np.arange(len(rt)) - np.repeat(starts, np.diff(np.r_[starts, len(rt)]))
        keep = (rank < want) | (rd <= NEAR_FACTOR * d0[rt] + TIE_M)
        t_ix.append(rt[keep])
        s_ix.append(rs[keep])
        d.append(rd[keep])
    t_ix, s_ix, d = np.concatenate(t_ix), np.concatenate(s_ix), np.concatenate(d)
    back = np.argsort(t_ix.astype(np.int64) * len(segments) + s_ix)  # each pair once
    return t_ix[back], s_ix[back], d[back]


def box_gap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """
    The distance between bounding boxes ``xmin, ymin, xmax, ymax`` (0 where they meet),
    row by row: no more than the distance between what they bound.

    Examples
    --------
    >>> box_gap(np.array([[0.0, 0, 1, 1], [0, 0, 1, 1]]),
    ...          np.array([[4.0, 5, 6, 6], [0.5, 0.5, 3, 3]])).tolist()
    [5.0, 0.0]
    """
    dx = np.maximum(np.maximum(a[:, 0] - b[:, 2], b[:, 0] - a[:, 2]), 0)
    dy = np.maximum(np.maximum(a[:, 1] - b[:, 3], b[:, 1] - a[:, 3]), 0)
    return np.hypot(dx, dy)


def nearest_interval(a: np.ndarray, b: np.ndarray, p: np.ndarray, targets: np.ndarray,
                     d: np.ndarray, *, probe_m: float = 1.0, tol_m: float = 1e-4
                     ) -> tuple[np.ndarray, np.ndarray]:
    """
    Along each segment a-b, the ends (towards a, towards b) of the points as near to the
    target as `p` (distance `d`); both are `p` unless the road runs into the target or
    the target has an edge parallel to the segment there (found by probing `probe_m`
    either side of `p`, then measured exactly).

    Examples
    --------
    >>> a, b = np.array([[0.0, 0.0]]), np.array([[100.0, 0.0]])
    >>> site = np.array([shapely.box(40, 10, 60, 20)])
    >>> west, east = nearest_interval(a, b, np.array([[50.0, 0.0]]), site, np.array([10.0]))
    >>> west.round(6).tolist(), east.round(6).tolist()
    ([[40.0, 0.0]], [[60.0, 0.0]])
    """
    ab = b - a
    length = np.maximum(np.hypot(*ab.T), 1e-12)
    t_p = np.hypot(*(p - a).T) / length
    flat = d <= tol_m  # the road runs into the site
    for side in (-1, 1):
        step = np.clip(t_p + side * probe_m / length, 0, 1)
        probe = shapely.points(a + step[:, None] * ab)
        flat |= (step != t_p) & (distance(probe, targets) <= d + tol_m)
    rows = np.flatnonzero(flat)
    lo, hi = t_p.copy(), t_p.copy()
    if len(rows):
        first, last = _within(a[rows], b[rows], targets[rows], d[rows] + tol_m)
        lo[rows] = np.where(np.isnan(first), t_p[rows], np.minimum(first, t_p[rows]))
        hi[rows] = np.where(np.isnan(last), t_p[rows], np.maximum(last, t_p[rows]))
        for ends in (lo, hi):  # past an interval's end, the site's nearest point is the end
            # of its parallel edge: its foot on the segment is the exact end
            moved = rows[ends[rows] != t_p[rows]]
            at = shapely.points(a[moved] + ends[moved][:, None] * ab[moved])
            corner = shapely.get_coordinates(shapely.shortest_line(at, targets[moved]))[1::2]
            foot = ((corner - a[moved]) * ab[moved]).sum(axis=1) / length[moved] ** 2
            inner = np.where(d[moved] <= tol_m, ends[moved], foot)  # into the site: as cut
            ends[moved] = np.clip(inner, np.minimum(ends[moved], t_p[moved]),
                                  np.maximum(ends[moved], t_p[moved]))
    return a + lo[:, None] * ab, a + hi[:, None] * ab


def _within(a: np.ndarray, b: np.ndarray, targets: np.ndarray, reach: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Along each segment a-b, the first and last of its points within `reach` of its
    target (0..1; NaN when none is)."""
    zone = np.where(reach > 1e-3, elementwise(_buffer16, targets, reach), targets)
    inside = elementwise(shapely.intersection, shapely.linestrings(np.stack([a, b], axis=1)),
                         zone)
    xy, row = shapely.get_coordinates(inside, return_index=True)
    ab = b - a
    t = ((xy - a[row]) * ab[row]).sum(axis=1) / np.maximum((ab[row] ** 2).sum(axis=1), 1e-24)
    first, last = np.full(len(a), np.inf), np.full(len(a), -np.inf)
    np.minimum.at(first, row, t)
    np.maximum.at(last, row, t)
    none = ~np.isfinite(first)  # nothing within reach (a buffer's chord): NaN
    first[none], last[none] = np.nan, np.nan
    return np.clip(first, 0, 1), np.clip(last, 0, 1)


def _buffer16(geoms: np.ndarray, reach: np.ndarray) -> np.ndarray:
    return shapely.buffer(geoms, reach, quad_segs=16)


def leg_from(at: np.ndarray, on_road: np.ndarray, leg: np.ndarray, targets: np.ndarray
              ) -> np.ndarray:
    """
    The off-road leg's length from `at` (`leg` where `at` is the nearest point itself).

    Examples
    --------
    >>> leg_from(np.array([[3.0, 0.0]]), np.array([[0.0, 0.0]]), np.array([4.0]),
    ...          np.array([shapely.Point(3, 4)])).tolist()
    [4.0]
    """
    out = leg.copy()
    moved = np.flatnonzero((at != on_road).any(axis=1))
    if len(moved):
        out[moved] = distance(shapely.points(at[moved]), targets[moved])
    return out


def clamped(a: np.ndarray, b: np.ndarray, point: np.ndarray, lo: np.ndarray, hi: np.ndarray
             ) -> np.ndarray:
    """
    The point of each interval lo-hi (on the segment a-b) nearest to `point`.

    Examples
    --------
    >>> clamped(np.array([[0.0, 0.0]]), np.array([[10.0, 0.0]]), np.array([0.0, 5.0]),
    ...         np.array([[4.0, 0.0]]), np.array([[6.0, 0.0]])).tolist()
    [[4.0, 0.0]]
    """
    ab = b - a
    length2 = np.maximum((ab ** 2).sum(axis=1), 1e-24)
    t = ((point - a) * ab).sum(axis=1) / length2
    t_lo = ((lo - a) * ab).sum(axis=1) / length2
    t_hi = ((hi - a) * ab).sum(axis=1) / length2
    return a + np.clip(t, t_lo, t_hi)[:, None] * ab
