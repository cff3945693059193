"""Posts on routes found by walking the shortest-path tree equal testing every route line."""

from __future__ import annotations

import numpy as np
import pytest

import geopandas as gpd
import shapely

from asmap.geo.access import posts_on_routes, routes_to
from tests.helpers import UTM48N


def _roads(rng: np.random.Generator) -> np.ndarray:
    """A jittered 6 x 6 grid of streets plus diagonals that cross it without a shared node."""
    ticks = np.arange(0, 6001, 1200.0)
    grid = [shapely.LineString([(x + rng.normal(0, 40), y) for y in ticks]) for x in ticks]
    grid += [shapely.LineString([(x, y + rng.normal(0, 40)) for x in ticks]) for y in ticks]
    diagonals = [shapely.LineString([(rng.uniform(0, 6000), 0), (rng.uniform(0, 6000), 6000)])
                 for _ in range(3)]
    return np.array(grid + diagonals, dtype=object)


@pytest.mark.parametrize("seed", range(6))
def test_tree_walk_equals_testing_each_line(seed):
    rng = np.random.default_rng(seed)
    roads = _roads(rng)
    x, y = rng.uniform(-500, 6500, 300), rng.uniform(-500, 6500, 300)
    targets = shapely.box(x, y, x + rng.uniform(20, 200, 300), y + rng.uniform(20, 200, 300))
    base = shapely.Point(rng.uniform(2000, 4000), rng.uniform(2000, 4000))
    # posts on the roads near the base, on a target's leg, one around the base itself
    centres = np.r_[rng.uniform(1500, 4500, (25, 2)), [[x[0] + 10, y[0] - 5]],
                    [shapely.get_coordinates(base)[0]]]
    zones = gpd.GeoDataFrame({"post_id": [f"P{i:02d}" for i in range(len(centres))]},
                             geometry=shapely.buffer(shapely.points(centres), 150), crs=UTM48N)
    routes = routes_to(targets, base, roads)
    assert routes.plan is not None
    walked = posts_on_routes(routes, zones)
    assert walked == posts_on_routes(routes.lines, zones)
    assert all(f"P{len(centres) - 1:02d}" in p for p in walked)  # every route leaves the base
    assert sum(";" in p for p in walked) > 50  # many routes pass several posts


def test_straight_lines_without_roads_are_tested_as_lines():
    zones = gpd.GeoDataFrame({"post_id": ["P1"]}, geometry=[shapely.box(40, -5, 60, 5)],
                             crs=UTM48N)
    targets = np.array([shapely.box(100, -10, 120, 10), shapely.box(-10, 100, 10, 120)])
    routes = routes_to(targets, shapely.Point(0, 0), None)
    assert routes.plan is None
    assert posts_on_routes(routes, zones) == ["P1", ""]
