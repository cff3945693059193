"""Access routes start their off-road leg on any of the few nearest roads (issue 13).

Every expected length is worked out by hand in the comments (metres in UTM 48N from the
scene origin; the base is 100 m south of the first road point).
"""

from __future__ import annotations

import numpy as np
import pytest

import shapely

from asmap.geo import analyze
from asmap.geo.near_roads import NEAREST_SEGMENTS, near_pairs, near_segments
from tests.geo.scenes import ON, UTM48N, X0, Y0, base, box, frame, line, sites


def diamond(x: float, y: float, r: float) -> shapely.Polygon:
    """A site whose nearest point to a horizontal road is one vertex (no parallel edge)."""
    return shapely.Polygon([(X0 + x, Y0 + y - r), (X0 + x + r, Y0 + y), (X0 + x, Y0 + y + r),
                            (X0 + x - r, Y0 + y)])


def route_of(result) -> np.ndarray:
    """The route's coordinates in scene metres."""
    geom = result.routes.to_crs(UTM48N).geometry.iloc[0]
    return shapely.get_coordinates(geom) - (X0, Y0)


def test_a_main_road_a_little_farther_than_a_dead_end_track_is_taken():
    # the main road M runs east from the base's road point (0, 0); at x = 9 km a link
    # goes 2.2 km north to a dead-end track that runs back west to x = 5 km. The site's
    # bottom vertex (5000, 1100) is 1.1 km north of M, its top vertex (5000, 1200) 1.0 km
    # south of the track's end.
    roads = frame([line((0, 0), (10_000, 0)), line((9000, 0), (9000, 2200), (5000, 2200))],
                  road_id=["M", "T"])
    layers = {"tailings": sites(diamond(5000, 1150, 50)), "roads": roads,
              "settlements": base(0, -100)}
    result = analyze(layers, on=ON)
    # via M: 0.1 to the road + 5.0 along M + 1.1 north = 6.2 km
    # (from the track's end it would be 0.1 + 9.0 + 2.2 + 4.0 + 1.0 = 16.3 km)
    assert result.sites["route_km"].iloc[0] == pytest.approx(6.2, abs=1e-6)
    xy = route_of(result)
    assert xy[-2] == pytest.approx((5000, 0), abs=1e-6)
    assert xy[-1] == pytest.approx((5000, 1100), abs=1e-6)


@pytest.mark.parametrize(("base_x", "expected_km", "leaves_at"), [
    # base at the west end: 0.1 + 5.0 along the road + 0.5 north = 5.6 km, leaving at x = 5000
    (0, 5.6, 5000),
    # base at the east end: 0.1 + 4.0 + 0.5 = 4.6 km, leaving at x = 6000
    (10_000, 4.6, 6000),
])
def test_beside_a_straight_road_the_route_leaves_it_where_it_is_shortest(base_x, expected_km,
                                                                          leaves_at):
    # one straight road (a single segment) and a site with a 1 km edge 500 m from it:
    # every road point from x = 5000 to 6000 is equally near the site
    layers = {"tailings": sites(box(5000, 500, 6000, 600)),
              "roads": frame([line((0, 0), (10_000, 0))], road_id=["R"]),
              "settlements": base(base_x, -100)}
    result = analyze(layers, on=ON)
    assert result.sites["route_km"].iloc[0] == pytest.approx(expected_km, abs=1e-5)
    xy = route_of(result)
    assert xy[-2] == pytest.approx((leaves_at, 0), abs=0.01)
    assert xy[-1] == pytest.approx((leaves_at, 500), abs=0.01)
    assert shapely.LineString(xy).length / 1000 == pytest.approx(expected_km, abs=1e-5)


@pytest.mark.parametrize("order", [["B", "A"], ["A", "B"]])
def test_equal_routes_go_to_the_smaller_road_id(order):
    # a road runs 10 km north from the base's road point to a junction; two roads leave
    # it, 1 km west and 1 km east, then 2 km north, mirror images about x = 0, each drawn
    # with vertices at 11,000 and 11,500. The site is a diamond on the axis whose west and
    # east vertices are (-100, 12000) and (100, 12000); the junction is 1.9 km from it,
    # beyond twice the nearest distance (0.9 km), and the six northern pieces are nearer.
    # Best on either side: leave at (+-1000, 11000) for the middle of the diamond's edge
    # nearest to it, (+-50, 11950): 0.1 + 10 + 1 + 1 + sqrt(0.95² + 0.95²) = 13.4435 km
    north = line((0, 0), (0, 10_000))
    west = line((0, 10_000), (-1000, 10_000), (-1000, 11_000), (-1000, 11_500),
                (-1000, 12_000))
    east = line((0, 10_000), (1000, 10_000), (1000, 11_000), (1000, 11_500), (1000, 12_000))
    ids = dict(zip(order, [west, east], strict=True))
    roads = frame([north, ids["B"], ids["A"]], road_id=["S", "B", "A"])
    layers = {"tailings": sites(diamond(0, 12_000, 100)), "roads": roads,
              "settlements": base(0, -100)}
    result = analyze(layers, on=ON)
    expected = (100 + 10_000 + 1000 + 1000 + np.hypot(950, 950)) / 1000
    assert result.sites["route_km"].iloc[0] == pytest.approx(expected, abs=1e-6)
    xy = route_of(result)
    side = -1000 if ids["A"] is west else 1000  # the tie goes to road A, whichever it is
    assert xy[-2] == pytest.approx((side, 11_000), abs=1e-6)
    assert xy[-1] == pytest.approx((side / 20, 11_950), abs=1e-6)


def test_candidates_are_every_segment_within_twice_the_nearest_and_at_least_five():
    # ten parallel segments 10 m long at y = 1, 2, ... 10 above a point at the origin
    segments = shapely.linestrings([[(-5, y), (5, y)] for y in range(1, 11)])
    tree = shapely.STRtree(segments)
    target_ix, seg_ix = near_segments(tree, np.array([shapely.Point(0, 0)]))
    assert len(seg_ix) == NEAREST_SEGMENTS == 5  # within 2 m: 2 segments; at least 5
    assert sorted(seg_ix.tolist()) == [0, 1, 2, 3, 4]
    far = near_segments(tree, np.array([shapely.Point(0, -4)]))[1]
    assert sorted(far.tolist()) == [0, 1, 2, 3, 4, 5]  # nearest 5 m: y = 1..6 within 10 m


def brute_near_pairs(segments: np.ndarray, targets: np.ndarray):
    """`near_pairs` by its definition: every distance measured."""
    d = shapely.distance(targets[:, None], segments[None, :])
    out = []
    for t, row in enumerate(d):
        order = np.lexsort((np.arange(len(row)), row))
        keep = set(order[:NEAREST_SEGMENTS].tolist())
        keep |= set(np.flatnonzero(row <= 2.0 * row.min()).tolist())
        out += [(t, s, row[s]) for s in sorted(keep)]
    return out


@pytest.mark.parametrize("seed", range(4))
def test_near_pairs_are_those_of_measuring_every_distance(seed):
    """Box queries, the bounding-box gap and widening rings find exactly the pairs (and
    distances) that measuring every site against every segment finds, for polygons off
    the corners of diagonal segments as well as beside them."""
    rng = np.random.default_rng(seed)
    starts = rng.uniform(0, 20_000, (300, 2))
    ends = starts + rng.normal(0, 1500, (300, 2))
    segments = shapely.linestrings(np.stack([starts, ends], axis=1))
    centres = rng.uniform(-2000, 22_000, (150, 2))
    targets = shapely.buffer(shapely.points(centres), rng.uniform(5, 300, 150), quad_segs=3)
    targets[:5] = shapely.points(centres[:5])  # and a few points
    got_t, got_s, got_d = near_pairs(shapely.STRtree(segments, node_capacity=2), targets)
    want = brute_near_pairs(segments, targets)
    assert list(zip(got_t.tolist(), got_s.tolist(), strict=True)) == [(t, s) for t, s, _ in want]
    np.testing.assert_array_equal(got_d, [d for _, _, d in want])
    assert len(want) >= 5 * len(targets)
