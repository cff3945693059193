"""Vectorized calls split over threads give exactly the single call's answer."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import geopandas as gpd
import shapely

from asmap.geo import parallel
from asmap.geo.crs import reproject

N = 3 * parallel.MIN_CHUNK + 17  # enough for three chunks


@pytest.fixture
def three_threads(monkeypatch):
    monkeypatch.setenv("ASMAP_THREADS", "3")
    assert len(parallel._bounds(N)) == 3


@pytest.fixture(scope="module")
def boxes():
    rng = np.random.default_rng(7)
    x, y = rng.uniform(0, 5000, N), rng.uniform(0, 5000, N)
    size = rng.uniform(5, 80, N)
    return shapely.box(x, y, x + size, y + size)


def test_elementwise_matches_the_single_call(three_threads, boxes):
    other = shapely.buffer(shapely.centroid(boxes[::-1]), 40)
    whole = shapely.intersection(boxes, other)
    split = parallel.elementwise(shapely.intersection, boxes, other)
    assert shapely.equals_exact(whole, split, tolerance=0).all()
    circle = shapely.Point(2500, 2500).buffer(1000)
    assert shapely.equals_exact(shapely.difference(boxes, circle),
                                parallel.elementwise(shapely.difference, boxes, circle)).all()


def test_query_and_nearest_match_the_single_call(three_threads, boxes):
    tree = shapely.STRtree(boxes[: N // 2])
    probes = shapely.buffer(shapely.centroid(boxes), 30)
    np.testing.assert_array_equal(parallel.query(tree, probes, predicate="intersects"),
                                  tree.query(probes, predicate="intersects"))
    np.testing.assert_array_equal(parallel.nearest(tree, probes),
                                  tree.query_nearest(probes, all_matches=True))
    found, far = parallel.nearest(tree, probes, return_distance=True)
    want, want_far = tree.query_nearest(probes, all_matches=True, return_distance=True)
    np.testing.assert_array_equal(found, want)
    np.testing.assert_array_equal(far, want_far)
    np.testing.assert_array_equal(far, shapely.distance(probes[found[0]],
                                                        tree.geometries[found[1]]))
    assert len(found[0]) >= len(probes) and far.max() > 0


@pytest.mark.parametrize("count", ["1", "3"])
def test_background_work_returns_its_answer_or_raises_its_error(monkeypatch, count):
    monkeypatch.setenv("ASMAP_THREADS", count)
    main = threading.get_ident()
    where = parallel.background(threading.get_ident).result()
    assert (where == main) == (count == "1")  # one thread: done here, at once
    union = parallel.background(shapely.union_all, shapely.box(0, 0, np.r_[1, 2], 1))
    assert union.result().area == 2
    failed = parallel.background(int, "not a number")
    with pytest.raises(ValueError, match="not a number"):
        failed.result()


def test_one_thread_and_small_inputs_take_the_plain_call(monkeypatch):
    monkeypatch.setenv("ASMAP_THREADS", "1")
    assert parallel._bounds(N) == [(0, N)]
    monkeypatch.setenv("ASMAP_THREADS", "4")
    assert parallel._bounds(parallel.MIN_CHUNK) == [(0, parallel.MIN_CHUNK)]


def test_reproject_gives_to_crs_coordinates(three_threads, boxes):
    frame = gpd.GeoDataFrame({"n": np.arange(N)}, geometry=shapely.transform(
        boxes, lambda xy: xy + [480_000, 5_330_000]), crs="EPSG:32648")
    mine, theirs = reproject(frame, "EPSG:4326"), frame.to_crs("EPSG:4326")
    assert mine.crs == theirs.crs and mine["n"].tolist() == theirs["n"].tolist()
    assert shapely.equals_exact(mine.geometry.values, theirs.geometry.values, tolerance=0).all()


def test_prepared_inputs_are_queried_on_one_thread(three_threads, boxes):
    tree = shapely.STRtree(boxes[: N // 2])
    probes = shapely.buffer(shapely.centroid(boxes), 30)
    shapely.prepare(probes)
    np.testing.assert_array_equal(parallel.query(tree, probes, predicate="intersects"),
                                  tree.query(probes, predicate="intersects"))


def test_analysis_on_threads_equals_one_thread(monkeypatch, tmp_path):
    """A generated project big enough to split: every output equal, geometry exactly."""
    from datetime import date

    import pandas as pd

    from asmap import layers
    from asmap.geo import analyze
    from benchmarks.generate import ON, generate

    project = layers.load(generate(3000, tmp_path / "p", seed=5))
    monkeypatch.setenv("ASMAP_THREADS", "1")
    one = analyze(project, on=date.fromisoformat(ON))
    monkeypatch.setenv("ASMAP_THREADS", "3")
    assert len(parallel._bounds(3000)) == 3
    many = analyze(project, on=date.fromisoformat(ON))
    for name in one.OUTPUTS:
        a, b = getattr(one, name), getattr(many, name)
        pd.testing.assert_frame_equal(a.drop(columns=a.geometry.name),
                                      b.drop(columns=b.geometry.name), obj=name)
        assert shapely.equals_exact(a.geometry.values, b.geometry.values, tolerance=0).all()
