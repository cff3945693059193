"""The road search (`geo.access.shortest_paths`) finds what networkx finds.

asmap searches its road graph with `heapq` rather than importing networkx for its one
search. networkx, a test dependency, is the reference: the same distances and, where
several shortest paths tie, the same predecessor, so routes and their posts do not move.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import shapely

from asmap.geo.access import SOURCE, RoadNetwork, search_roads, shortest_paths


def reference(edges: list[tuple[int, int, float]], joins: dict[int, float]):
    """networkx's distances and first predecessors, the start joined as asmap did."""
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges)
    for node, metres in joins.items():
        graph.add_edge(SOURCE, node, weight=metres)
    pred, dist = nx.dijkstra_predecessor_and_distance(graph, SOURCE)
    return dist, {node: before[0] for node, before in pred.items() if before}


def ours(edges: list[tuple[int, int, float]], joins: dict[int, float]):
    graph: dict[int, dict[int, float]] = {}
    for x, y, metres in edges:
        graph.setdefault(x, {})[y] = metres
        graph.setdefault(y, {})[x] = metres
    return shortest_paths(graph, SOURCE, joins)


@pytest.mark.parametrize("seed", range(12))
def test_random_graphs_with_many_ties_match_networkx(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 300))
    m = int(rng.integers(n, 4 * n))
    # whole-metre lengths of 1-3: many shortest paths of equal length
    edges = [(int(x), int(y), float(w)) for x, y, w in
             zip(rng.integers(0, n, m), rng.integers(0, n, m), rng.integers(1, 4, m),
                 strict=True) if x != y]
    edges += edges[: len(edges) // 10]  # a segment given twice keeps its first place
    start = edges[0]
    joins = {start[0]: 0.5, start[1]: 1.5}
    want_dist, want_pred = reference(edges, joins)
    got_dist, got_pred = ours(edges, joins)
    assert got_dist == want_dist
    assert got_pred == want_pred
    assert len(got_dist) > 1


def test_a_grid_of_equal_blocks_takes_networkx_s_turns():
    """Every corner of a square grid is reached by many equal paths: the same one wins."""
    size = 12
    node = {(i, j): i * size + j for i in range(size) for j in range(size)}
    edges = [(node[i, j], node[i + di, j + dj], 100.0) for (i, j) in node
             for di, dj in ((1, 0), (0, 1)) if (i + di, j + dj) in node]
    joins = {node[5, 5]: 30.0, node[5, 6]: 70.0}
    dist, pred = ours(edges, joins)
    assert (dist, pred) == reference(edges, joins)
    assert dist[node[0, 0]] == 30.0 + 1000.0
    assert pred[node[0, 0]] in (node[0, 1], node[1, 0])


def test_an_island_of_roads_is_not_reached():
    edges = [(0, 1, 10.0), (1, 2, 10.0), (3, 4, 5.0)]
    dist, pred = ours(edges, {0: 1.0})
    assert dist == {SOURCE: 0, 0: 1.0, 1: 11.0, 2: 21.0}
    assert pred == {0: SOURCE, 1: 0, 2: 1}


def test_the_road_search_from_a_base_matches_networkx_on_noded_lines():
    """Real noded road lines (crossings, a loop, a spur): every node's distance and
    predecessor as networkx finds them from the base's nearest road point."""
    lines = np.array([shapely.LineString(xy) for xy in (
        [(0, 0), (1000, 0), (2000, 0)],
        [(1000, -500), (1000, 500), (1500, 900)],  # crosses the first at (1000, 0)
        [(2000, 0), (2000, 800), (1500, 900)],  # closes a loop
        [(0, 0), (-300, 400)],
        [(5000, 5000), (6000, 5000)],  # an island
    )])
    net = RoadNetwork(lines)
    base = shapely.Point(400, -60)
    search = search_roads(base, lines)
    edges = list(zip(net.u.tolist(), net.v.tolist(), net.length.tolist(), strict=True))
    seg = search.segment
    joins = {int(net.u[seg]): float(np.hypot(*(search.start - net.a[seg])))}
    joins[int(net.v[seg])] = float(np.hypot(*(search.start - net.b[seg])))
    want_dist, want_pred = reference(edges, joins)
    reached = np.flatnonzero(np.isfinite(search.distance))
    assert {int(i): float(search.distance[i]) for i in reached} == {
        k: v for k, v in want_dist.items() if k != SOURCE}
    assert {int(i): int(search.predecessor[i]) for i in reached} == want_pred
    assert len(reached) == len(net.nodes) - 2  # all but the island's two ends
    assert search.start.tolist() == [400.0, 0.0]


def test_an_analysis_with_roads_imports_no_graph_library():
    import subprocess
    import sys

    code = ("import sys\nfrom asmap import geo, layers\n"
            "a = geo.analyze(layers.load(layers.sample_path()), on='2021-04-06')\n"
            "assert a.routes['route_km'].notna().sum() > 20, a.routes['route_km']\n"
            "print(sorted(m for m in ('networkx', 'scipy', 'igraph') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
