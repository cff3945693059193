"""Vectorized shapely work split over the machine's cores, in threads.

Shapely 2 releases the GIL inside its vectorized calls, so two halves of one call run at
the same time on two cores. Results are exactly those of the single call, in the same
order. `background` starts independent work (licenses, the road search) on a thread of
its own while this one goes on. ``ASMAP_THREADS=1`` turns all of it off (the Dask
engine's workers are parallel already).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np

import shapely

#: Fewer items than this per thread are not worth a thread.
MIN_CHUNK = 500
#: The names of this module's threads begin with it (``maps.paper.atlas`` tells them
#: from a caller's own threads before it forks).
POOL_PREFIX = "asmap"


def threads() -> int:
    """How many threads the vectorized calls use: ``ASMAP_THREADS``, else the cores (max 8)."""
    value = os.environ.get("ASMAP_THREADS", "")
    if value.strip().isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(8, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1))


def _bounds(n: int) -> list[tuple[int, int]]:
    k = max(1, min(threads(), n // MIN_CHUNK))
    edges = np.linspace(0, n, k + 1).astype(int)
    return list(zip(edges[:-1].tolist(), edges[1:].tolist(), strict=True))


_POOL: dict[int, ThreadPoolExecutor] = {}
_POOL_LOCK = threading.Lock()  # work started aside may ask for a pool at the same time


def _run(task: Callable[[int, int], object], n: int) -> list:
    chunks = _bounds(n)
    if len(chunks) == 1:
        return [task(0, n)]
    return list(_pool(len(chunks)).map(lambda c: task(*c), chunks))


def _pool(size: int) -> ThreadPoolExecutor:
    """A long-lived pool per size (its threads are made once, not on every call)."""
    with _POOL_LOCK:
        if size not in _POOL:
            _POOL[size] = ThreadPoolExecutor(size, thread_name_prefix=POOL_PREFIX)
        return _POOL[size]


def elementwise(function: Callable[..., np.ndarray], *args: object) -> np.ndarray:
    """
    ``function(*args)`` for an element-wise shapely function, computed in chunks.

    Arrays are cut into chunks of the same rows; anything else (one geometry, a
    number) goes whole to every chunk. Only for functions that do not use prepared
    geometries (set operations, `shortest_line`, reprojection): a predicate on a prepared
    geometry shared by two threads is not thread-safe in GEOS.

    Examples
    --------
    >>> a = shapely.box(np.arange(3), 0, np.arange(3) + 2, 1)
    >>> shapely.area(elementwise(shapely.intersection, a, shapely.box(0, 0, 1, 1)))
    array([1., 0., 0.])
    """
    args = tuple(a if isinstance(a, shapely.Geometry) or np.ndim(a) == 0 else np.asarray(a)
                 for a in args)  # GeoSeries values (a GeometryArray) become object arrays
    rows = [isinstance(a, np.ndarray) and a.ndim == 1 for a in args]
    size = max((len(a) for a, cut in zip(args, rows, strict=True) if cut), default=1)
    parts = _run(lambda lo, hi: function(*(a[lo:hi] if cut else a
                                           for a, cut in zip(args, rows, strict=True))), size)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def query(tree: shapely.STRtree, geoms: np.ndarray, predicate: str | None = None,
          distance: float | np.ndarray | None = None) -> np.ndarray:
    """
    ``tree.query(geoms, predicate, distance)`` in chunks: (2, n) indices, in input order.

    Shapely prepares each input geometry for the predicate on its own thread and frees
    it; geometries prepared beforehand would be shared between threads (GEOS builds
    their indexes lazily, which is not thread-safe), so then one thread does it all.
    `distance` (``dwithin``) is one number or one per geometry.
    """
    if predicate is not None and shapely.is_prepared(geoms).any():
        return tree.query(geoms, predicate=predicate, distance=distance)
    far = None if distance is None else np.broadcast_to(np.asarray(distance, float),
                                                        (len(geoms),))
    parts = _run(lambda lo, hi: tree.query(geoms[lo:hi], predicate=predicate,
                                           distance=None if far is None else far[lo:hi])
                 + [[lo], [0]], len(geoms))
    return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=1)


def distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``shapely.distance(a, b)`` row by row, in chunks (in one thread when either side
    holds prepared geometries, as `query`)."""
    if shapely.is_prepared(a).any() or shapely.is_prepared(b).any():
        return shapely.distance(a, b)
    return elementwise(shapely.distance, a, b)


def nearest(tree: shapely.STRtree, geoms: np.ndarray, *, return_distance: bool = False
            ) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """``tree.query_nearest(geoms, all_matches=True)`` in chunks: (2, n) indices, and
    with `return_distance` each pair's distance as well (the search measures it)."""
    def chunk(lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        found, far = tree.query_nearest(geoms[lo:hi], all_matches=True, return_distance=True)
        return found + [[lo], [0]], far

    parts = _run(chunk, len(geoms))
    found = np.concatenate([p[0] for p in parts], axis=1)
    if not return_distance:
        return found
    return found, np.concatenate([p[1] for p in parts])


def background(function: Callable[..., object], *args: object) -> Future:
    """
    Start ``function(*args)`` on a thread of its own; ``.result()`` waits for it.

    For independent work (no geometry it prepares is used elsewhere meanwhile) that can
    run on another core while this thread does Python work. With one thread it runs
    at once, here.

    Examples
    --------
    >>> background(sum, [1, 2]).result()
    3
    """
    if threads() == 1:
        done: Future = Future()
        try:
            done.set_result(function(*args))
        except BaseException as exc:  # raised again by .result(), as from a thread
            done.set_exception(exc)
        return done
    return _BACKGROUND.submit(function, *args)


#: Its own single thread: work started aside never waits behind the chunk pools.
_BACKGROUND = ThreadPoolExecutor(1, thread_name_prefix=f"{POOL_PREFIX}-aside")


def each(function: Callable[[object], object], items: list) -> list:
    """
    ``[function(item) for item in items]``, the items spread over the threads.

    Examples
    --------
    >>> each(len, [[1], [1, 2]])
    [1, 2]
    """
    if threads() == 1 or len(items) < 2:
        return [function(item) for item in items]
    return list(_pool(min(threads(), len(items))).map(function, items))
