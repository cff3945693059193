"""Access routes from the base settlement to every site, and the posts on them.

A route is a straight leg from the base to the nearest point on the road lines, the
shortest path along the road network, and a straight off-road leg from a road to the
site's available part. The off-road leg may start on any of the few nearest road
segments (every segment within twice the nearest distance, and at least the
`geo.near_roads.NEAREST_SEGMENTS` nearest): the route is the one with the smallest total, ties going
to the shorter off-road leg, then to the smaller ``road_id``. Roads that touch or cross
are connected (the lines are noded where they meet). One Dijkstra search from the base
serves every site.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo.grouping import first_smallest, joined
from asmap.geo.near_roads import TIE_M, box_gap, clamped, leg_from, near_pairs, nearest_interval
from asmap.geo.parallel import elementwise, query
from asmap.layers.errors import DataError

#: Decimals (of a metre) road coordinates are rounded to before they are matched as
#: network nodes: segment ends that round to the same millimetre are one node.
NODE_DECIMALS = 3
SOURCE = -1
#: Tree nodes of this many road segments: nearest-segment searches prune far better with
#: small nodes than with shapely's default of 10 (20,000 sites: 0.26 s -> 0.09 s).
NEAREST_NODE_CAPACITY = 2

log = logging.getLogger(__name__)


def find_base(settlements: gpd.GeoDataFrame) -> shapely.Point:
    """
    The base settlement: the one with ``is_base`` true, or the only settlement.

    Raises
    ------
    DataError
        When no settlement, or more than one, is marked as the base.
    """
    flag = (settlements["is_base"].fillna(False).astype(bool).to_numpy()
            if "is_base" in settlements else np.zeros(len(settlements), dtype=bool))
    chosen = np.flatnonzero(flag) if flag.any() or len(settlements) != 1 else np.array([0])
    names = settlements["name"].astype(str).to_numpy() if "name" in settlements else None
    if len(chosen) == 0:
        raise DataError(code="er_no_base")
    if len(chosen) > 1:
        which = ", ".join(names[chosen]) if names is not None else f"rows {list(chosen)}"
        raise DataError(code="er_many_bases", n=len(chosen), which=which)
    point = settlements.geometry.values[chosen[0]]
    if point is None or point.is_empty:
        raise DataError(code="er_base_no_geometry")
    return shapely.get_point(point, 0) if point.geom_type == "MultiPoint" else point


class RoadNetwork:
    """
    Road lines noded where they touch or cross, as a weighted graph of straight segments.

    The graph is plain dictionaries searched with `shortest_paths` (`heapq`): a graph
    library's import would cost more than the one search an analysis makes.

    Parameters
    ----------
    lines
        Road lines in a metric CRS.
    ids
        Each line's ``road_id`` (None: the lines' order); a segment shared by several
        roads takes the smallest id, used to break ties between equal routes.
    """

    def __init__(self, lines: np.ndarray, ids: np.ndarray | None = None) -> None:
        keep = ~(shapely.is_missing(lines) | shapely.is_empty(lines))
        lines = lines[keep]
        ranks = (np.arange(len(lines)) if ids is None else
                 pd.Series(np.asarray(ids, dtype=object)[keep]).astype(str)
                 .rank(method="dense").to_numpy(int))
        noded = shapely.get_parts(shapely.union_all(lines))  # nodes every crossing
        coords, index = shapely.get_coordinates(noded, return_index=True)
        same = index[1:] == index[:-1]
        a, b = coords[:-1][same], coords[1:][same]
        length = np.hypot(*(b - a).T)
        a, b, length = a[length > 0], b[length > 0], length[length > 0]
        keys = np.round(np.vstack([a, b]), NODE_DECIMALS)
        self.nodes, inverse = np.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.ravel()
        self.u, self.v = inverse[:len(a)], inverse[len(a):]
        self.a, self.b, self.length = a, b, length
        self.segments = shapely.linestrings(np.stack([a, b], axis=1))
        self.rank = _segment_ranks(lines, ranks, (a + b) / 2)
        #: node -> {neighbour: metres}, neighbours in the order their segments come
        self.graph: dict[int, dict[int, float]] = {}
        for x, y, metres in zip(self.u.tolist(), self.v.tolist(), length.tolist(),
                                strict=True):
            self.graph.setdefault(x, {})[y] = metres
            self.graph.setdefault(y, {})[x] = metres

    def __len__(self) -> int:
        return len(self.segments)

    def search_from(self, point: shapely.Point) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
        """
        One Dijkstra search from the point on the roads nearest to `point`.

        Returns
        -------
        segment, start, distance, predecessor
            The segment the start lies on, the start's coordinates, the network distance
            (m) of every node from the start (inf: unreachable) and each node's
            predecessor on its shortest path (`SOURCE` for the start, -2 unreachable).
        """
        tree = shapely.STRtree(self.segments)
        seg = int(np.min(tree.query_nearest(point, all_matches=True)))
        start = np.asarray(shapely.get_coordinates(
            shapely.shortest_line(self.segments[seg], point))[0])
        ends = {int(self.u[seg]): float(np.hypot(*(start - self.a[seg])))}
        ends[int(self.v[seg])] = float(np.hypot(*(start - self.b[seg])))
        dist, pred = shortest_paths(self.graph, SOURCE, ends)
        del dist[SOURCE]
        distance = np.full(len(self.nodes), np.inf)
        predecessor = np.full(len(self.nodes), -2)
        distance[list(dist)] = list(dist.values())
        predecessor[list(pred)] = list(pred.values())
        return seg, start, distance, predecessor


def shortest_paths(graph: dict[int, dict[int, float]], source: int,
                   joins: dict[int, float] | None = None
                   ) -> tuple[dict[int, float], dict[int, int]]:
    """
    Dijkstra's search from `source`: each reachable node's distance and predecessor.

    `graph` maps each node to its neighbours and the lengths of the edges to them;
    `joins` are edges from `source` to nodes of `graph`, for this search only. Among
    equal shortest paths a node keeps the predecessor it was first reached from
    (neighbours are tried in their order in `graph`, `source` last), as
    ``networkx.dijkstra_predecessor_and_distance`` does: the same routes, without
    importing a graph library for the one search an analysis makes.

    Examples
    --------
    >>> graph = {0: {1: 1.0, 2: 2.0}, 1: {0: 1.0, 2: 1.0}, 2: {0: 2.0, 1: 1.0}}
    >>> shortest_paths(graph, -1, {0: 0.5})
    ({-1: 0, 0: 0.5, 1: 1.5, 2: 2.5}, {0: -1, 1: 0, 2: 0})
    """
    joins = joins or {}
    dist: dict[int, float] = {}
    seen: dict[int, float] = {source: 0}
    pred: dict[int, int] = {}
    heap: list[tuple[float, int, int]] = [(0, 0, source)]
    pushed = 1  # breaks ties between equal distances: the node reached first
    while heap:
        d, _, node = heapq.heappop(heap)
        if node in dist:
            continue
        dist[node] = d
        near = joins if node == source else graph.get(node, {})
        if node in joins:
            near = {**near, source: joins[node]}
        for other, metres in near.items():
            if other in dist:
                continue
            through = d + metres
            if other not in seen or through < seen[other]:
                seen[other] = through
                heapq.heappush(heap, (through, pushed, other))
                pushed += 1
                pred[other] = node
    return dist, pred


class RoadSearch(NamedTuple):
    """The road network searched once from the base: everything routes are built from."""

    net: RoadNetwork
    segment: int  #: the segment the search starts on
    start: np.ndarray  #: the start: the point on the roads nearest to the base
    distance: np.ndarray  #: network distance (m) of every node from the start
    predecessor: np.ndarray  #: each node's predecessor on its shortest path
    reach: np.ndarray  #: the segments the start can reach
    tree: shapely.STRtree  #: of those segments, for nearest-segment searches


def _segment_ranks(lines: np.ndarray, ranks: np.ndarray, middles: np.ndarray) -> np.ndarray:
    """The smallest rank (``road_id`` order) of the roads each segment lies on."""
    out = np.full(len(middles), np.iinfo(np.int64).max, dtype=np.int64)
    if len(middles) == 0:
        return out
    seg_ix, line_ix = shapely.STRtree(lines).query(shapely.points(middles),
                                                   predicate="dwithin", distance=0.01)
    np.minimum.at(out, seg_ix, ranks[line_ix])
    return out


def search_roads(base: shapely.Point, roads: np.ndarray | None,
                 ids: np.ndarray | None = None) -> RoadSearch | None:
    """
    Build the road network and search it from `base` (None when there are no roads).

    It needs no site, so it can be done while the sites are worked on. `ids` are the
    roads' ``road_id`` values (ties between equal routes go to the smaller).
    """
    net = RoadNetwork(roads, ids) if roads is not None and len(roads) else None
    if net is None or len(net) == 0:
        return None
    seg0, start, dist, pred = net.search_from(base)
    reach = np.flatnonzero(np.isfinite(dist[net.u]))  # the base's part of the network
    log.debug("road network: %d segments, %d nodes; %d segments reachable from the base",
              len(net), len(net.nodes), len(reach))
    tree = shapely.STRtree(net.segments[reach], node_capacity=NEAREST_NODE_CAPACITY)
    return RoadSearch(net, seg0, start, dist, pred, reach, tree)


class RoutePlan(NamedTuple):
    """How the routes over the roads are made: what `posts_on_routes` walks."""

    rows: np.ndarray  #: the target each route is for
    end_node: np.ndarray  #: its last road node (-1: it stays on the start's segment)
    base: np.ndarray  #: coordinates of the base
    start: np.ndarray  #: of the point on the roads nearest to the base
    on_road: np.ndarray  #: of each route's point on the roads nearest to its target
    at_site: np.ndarray  #: of each route's end at its target
    nodes: np.ndarray  #: of every road node
    predecessor: np.ndarray  #: of every node on its shortest path (-1 the start)


class Routes(NamedTuple):
    """Access routes: the lines (metric CRS), their km, the lines in the output CRS."""

    lines: np.ndarray | None  #: None when only the lines in the output CRS were asked for
    km: np.ndarray
    shown: np.ndarray | None
    plan: RoutePlan | None = None  #: None for straight lines from the base

    @classmethod
    def none(cls, n: int) -> Routes:
        """No route to any of `n` targets (no base settlement)."""
        return cls(np.full(n, None, dtype=object), np.full(n, np.nan),
                   np.full(n, None, dtype=object))


def routes_to(targets: np.ndarray, base: shapely.Point, roads: np.ndarray | RoadSearch | None,
              *, transform: Callable[[np.ndarray], np.ndarray] | None = None,
              metric_lines: bool = True) -> Routes:
    """
    The access route from `base` to each target geometry, and its length in km.

    Parameters
    ----------
    targets
        What each route must reach (a site's available part, else the whole site).
    base
        The base settlement, same metric CRS.
    roads
        Road lines, or their `search_roads` from `base`, or None for straight lines
        from the base.
    transform
        Coordinates ``(n, 2)`` -> coordinates in the output CRS; when given, the same
        lines are also made from transformed points (each road node transformed once,
        not once per route through it: the same coordinates as reprojecting the lines).
    metric_lines
        False: with `transform`, the lines over the roads are built in the output CRS only
        (their lengths and `posts_on_routes` need no metric lines).

    Returns
    -------
    Routes
        LineStrings, their lengths in kilometres, the lines through `transform` (None
        without it) and, over the roads, how they were made.
    """
    search = roads if isinstance(roads, RoadSearch) else search_roads(base, roads)
    if search is None:
        lines = shapely.shortest_line(base, targets)
        shown = (shapely.transform(lines, transform) if transform is not None else None)
        return Routes(lines, shapely.length(lines) / 1000, shown)
    net, seg0, start, dist, pred, reach, tree = search
    target_ix, hit, near_d = near_pairs(tree, targets)
    seg = reach[hit]
    lead = np.hypot(*(start - base_xy(base)))
    alive, bound = _hopeful(search, targets, target_ix, seg, near_d, lead)
    c = _candidates(search, targets, target_ix[alive], seg[alive], lead)
    # a pair left out must not be able to win: its bound stays above its target's best
    # total by more than a tie (else its target is worked out again with every pair)
    best_total = np.full(len(targets), np.inf)
    best_total[c.target_ix[c.best]] = c.total[c.best]
    doubt = np.unique(target_ix[~alive][bound[~alive] <= best_total[target_ix[~alive]]
                                        + 2 * TIE_M])
    if len(doubt):
        alive |= np.isin(target_ix, doubt)
        c = _candidates(search, targets, target_ix[alive], seg[alive], lead)
    best = c.best
    rows = c.target_ix[best]  # the target of each winning pair
    how = np.select([c.direct[best] <= np.minimum(c.via_u[best], c.via_v[best]),
                     c.via_u[best] <= c.via_v[best]], [-1, 0], 1)
    end_node = np.where(how == 0, net.u[c.seg[best]], net.v[c.seg[best]])
    end_node[how < 0] = -1  # the start and the site's road point share a segment
    moved_on = np.select([how[:, None] < 0, how[:, None] == 0],
                         [c.at_s[best], c.at_u[best]], c.at_v[best])
    on_road, at_site = c.on_road[best], c.at_site[best]
    shifted = np.flatnonzero((moved_on != on_road).any(axis=1))
    if len(shifted):  # the leg from the chosen end of the interval
        ends = shapely.shortest_line(shapely.points(moved_on[shifted]),
                                     targets[rows[shifted]])
        at_site[shifted] = shapely.get_coordinates(ends).reshape(-1, 2, 2)[:, 1]
        on_road[shifted] = moved_on[shifted]
    points = (base_xy(base)[None], start[None], on_road, at_site, net.nodes)
    if transform is not None:  # the same points in the output CRS, each moved once
        sizes = [len(p) for p in points]
        moved = tuple(np.split(transform(np.concatenate(points)), np.cumsum(sizes)[:-1]))
    wanted = [points] if metric_lines or transform is None else []
    wanted += [moved] if transform is not None else []
    built = _assemble(wanted, *_walk_back(end_node, pred))
    lines = shown = None
    if metric_lines or transform is None:
        lines = np.empty(len(targets), dtype=object)
        lines[rows] = built[0]
    if transform is not None:
        shown = np.empty(len(targets), dtype=object)
        shown[rows] = built[-1]
    km = np.full(len(targets), np.nan)
    km[rows] = c.total[best] / 1000
    plan = RoutePlan(rows, end_node, base_xy(base), start, on_road, at_site,
                     net.nodes, pred)
    return Routes(lines, km, shown, plan)


#: A candidate pair whose lower bound is more than this above its target's first guess
#: is not worked out (`_hopeful`); `routes_to` checks it could not have won.
HOPE_M = 0.01


def _lower_bound(search: RoadSearch, seg: np.ndarray, near_d: np.ndarray, lead: float,
                 box: np.ndarray) -> np.ndarray:
    """
    The least total a route over each candidate pair can have, plus `lead` (the leg from
    the base to the start). Through either end of its segment: the end's network
    distance, then along the segment and off the road to the target, which is no
    shorter than the distance from the segment to the target, nor than the straight line
    from that end to the target's bounding box `box` (``xmin, ymin, xmax, ymax`` of
    each pair's target). On the start's own segment, also from the start itself.
    """
    net, seg0, dist = search.net, search.segment, search.distance

    def off_road(xy: np.ndarray) -> np.ndarray:
        """No shorter than this from `xy` to the target (a point is a box of no size)."""
        return np.maximum(box_gap(np.hstack([xy, xy]), box), near_d)

    bound = np.minimum(dist[net.u[seg]] + off_road(net.a[seg]),
                       dist[net.v[seg]] + off_road(net.b[seg]))
    on_start = seg == seg0
    if on_start.any():
        bound[on_start] = np.minimum(bound[on_start], off_road(
            np.broadcast_to(search.start, (len(seg), 2)))[on_start])
    return lead + bound


def _rough(search: RoadSearch, seg: np.ndarray, on_road: np.ndarray, leg: np.ndarray
           ) -> np.ndarray:
    """Each pair's total as if the off-road leg started at `on_road` (less the base's leg)."""
    net, dist, start = search.net, search.distance, search.start
    a, b = net.a[seg], net.b[seg]
    rough = np.minimum(dist[net.u[seg]] + np.hypot(*(on_road - a).T),
                       dist[net.v[seg]] + np.hypot(*(on_road - b).T)) + leg
    return np.where(seg == search.segment,
                    np.minimum(rough, np.hypot(*(on_road - start).T) + leg), rough)


def _hopeful(search: RoadSearch, targets: np.ndarray, target_ix: np.ndarray,
             seg: np.ndarray, near_d: np.ndarray, lead: float
             ) -> tuple[np.ndarray, np.ndarray]:
    """
    Which candidate pairs are worth working out, and every pair's `_lower_bound`.

    Each target's pair of the smallest bound is worked out roughly (its leg from the
    nearest point of its segment); a pair whose bound is above that by more than
    `HOPE_M` is left out. Only a guess: `routes_to` checks what it left out.
    """
    bound = _lower_bound(search, seg, near_d, lead, shapely.bounds(targets)[target_ix])
    pick = first_smallest(target_ix, bound)
    legs = elementwise(shapely.shortest_line, search.net.segments[seg[pick]],
                       targets[target_ix[pick]])
    on_road = shapely.get_coordinates(legs).reshape(-1, 2, 2)[:, 0]
    guess = np.full(len(targets), np.inf)
    guess[target_ix[pick]] = lead + _rough(search, seg[pick], on_road, shapely.length(legs))
    return bound <= guess[target_ix] + HOPE_M, bound


class _Candidates(NamedTuple):
    """Every candidate pair's route, worked out (see `_candidates`)."""

    target_ix: np.ndarray
    seg: np.ndarray
    on_road: np.ndarray
    at_site: np.ndarray
    at_u: np.ndarray
    at_v: np.ndarray
    at_s: np.ndarray
    via_u: np.ndarray
    via_v: np.ndarray
    direct: np.ndarray
    total: np.ndarray
    best: np.ndarray  #: the winning pair of each target that has one


def _candidates(search: RoadSearch, targets: np.ndarray, target_ix: np.ndarray,
                seg: np.ndarray, lead: float) -> _Candidates:
    """
    The route over each (target, segment) pair, and each target's best pair: the
    smallest total (to the millimetre), then the shorter off-road leg, then the smaller
    ``road_id``, then the lower segment. `lead` is the leg from the base to the start.
    """
    net, seg0, start, dist = search.net, search.segment, search.start, search.distance
    legs = elementwise(shapely.shortest_line, net.segments[seg], targets[target_ix])
    leg_xy = shapely.get_coordinates(legs).reshape(-1, 2, 2)
    on_road, at_site = leg_xy[:, 0], leg_xy[:, 1]
    leg = shapely.length(legs)
    a, b = net.a[seg], net.b[seg]
    # beside a parallel edge every point of an interval is nearest: take its end on
    # each side, so the route is not longer for where GEOS happened to put the point
    # (only where it could matter: however far its leg's start moves along the segment,
    # a candidate's total stays at least its nearer node's distance plus the leg, or
    # the leg alone on the start's segment; above the target's best rough total by
    # more than a tie and the legs' tolerance, moving cannot make it win)
    rough = _rough(search, seg, on_road, leg)
    best_rough = np.full(len(targets), np.inf)
    np.minimum.at(best_rough, target_ix, rough)
    least = np.where(seg == seg0, 0.0, np.minimum(dist[net.u[seg]], dist[net.v[seg]])) + leg
    maybe = np.flatnonzero(least <= best_rough[target_ix] + 2 * TIE_M)
    at_u, at_v = on_road.copy(), on_road.copy()
    at_u[maybe], at_v[maybe] = nearest_interval(a[maybe], b[maybe], on_road[maybe],
                                                targets[target_ix[maybe]], leg[maybe])
    at_s = clamped(a, b, start, at_u, at_v)
    leg_u, leg_v, leg_s = (leg_from(at, on_road, leg, targets[target_ix])
                           for at in (at_u, at_v, at_s))
    via_u = dist[net.u[seg]] + np.hypot(*(at_u - a).T) + leg_u
    via_v = dist[net.v[seg]] + np.hypot(*(at_v - b).T) + leg_v
    direct = np.where(seg == seg0, np.hypot(*(at_s - start).T) + leg_s, np.inf)
    total = lead + np.minimum(np.minimum(via_u, via_v), direct)
    best = first_smallest(target_ix, np.round(total / TIE_M), np.round(leg / TIE_M),
                          net.rank[seg], seg)
    return _Candidates(target_ix, seg, on_road, at_site, at_u, at_v, at_s, via_u, via_v,
                       direct, total, best)


def _assemble(point_sets: list[tuple], path_nodes: np.ndarray, owner: np.ndarray
              ) -> list[np.ndarray]:
    """
    Route lines: base, start on the road, each route's path nodes, road point, site.

    Each item of `point_sets` is ``(base, start, on_road, at_site, nodes)`` in one CRS;
    the lines are laid out once and built for each.
    """
    n = len(point_sets[0][2])
    counts = 4 + np.bincount(owner, minlength=n)
    first = np.cumsum(counts) - counts  # where each route's coordinates start
    # the k-th path node overall sits after the 4 fixed points of every route up to its own
    at_node = np.arange(len(owner)) + 4 * owner + 2
    indices = np.repeat(np.arange(n), counts)
    built = []
    for base, start, on_road, at_site, nodes in point_sets:
        xy = np.empty((int(counts.sum()), 2))
        xy[first], xy[first + 1] = base, start
        xy[first + counts - 2], xy[first + counts - 1] = on_road, at_site
        xy[at_node] = nodes[path_nodes]
        built.append(shapely.linestrings(xy, indices=indices))
    return built


def _walk_back(ends: np.ndarray, pred: np.ndarray, *, batch: int = 4096
               ) -> tuple[np.ndarray, np.ndarray]:
    """
    The nodes of the shortest path from the start to each end, walking predecessors.

    Returns
    -------
    nodes, owner
        The path nodes of every end in order from the start, and which end each is for.
    """
    nodes, owners = [], []
    for lo in range(0, len(ends), batch):  # bounded memory: depth x batch
        cur = ends[lo:lo + batch].copy()
        steps = []
        while (cur >= 0).any():
            steps.append(cur)
            cur = np.where(cur >= 0, pred[np.maximum(cur, 0)], -1)
        if not steps:
            continue
        walk = np.stack(steps[::-1], axis=1)  # rows: ends; columns: from the start
        keep = walk >= 0
        owner = np.broadcast_to(np.arange(lo, lo + len(walk))[:, None], walk.shape)
        nodes.append(walk[keep])
        owners.append(owner[keep])
    if not nodes:
        return np.array([], dtype=int), np.array([], dtype=int)
    return np.concatenate(nodes), np.concatenate(owners)


def base_xy(base: shapely.Point) -> np.ndarray:
    """The base's coordinates as an array."""
    return shapely.get_coordinates(base)[0]


def posts_on_routes(routes: Routes | np.ndarray, zones: gpd.GeoDataFrame) -> list[str]:
    """
    Per route, the ids of the post zones it touches (``;``-joined, sorted).

    Routes over the roads share their way out of the soum centre, where the posts
    stand: each edge of the shortest-path tree is tested once, and each route adds the
    zones on the way to its last node to those of its own few straight pieces. The
    answer is that of testing every route line (a line touches a zone exactly when one
    of its segments does).

    Parameters
    ----------
    routes
        What `routes_to` returned, or route lines (metric CRS, None for no route).
    zones
        Post zones with ``post_id``, same CRS.
    """
    n = len(routes.km) if isinstance(routes, Routes) else len(routes)
    ids = zones["post_id"].to_numpy(dtype=object)
    if isinstance(routes, Routes) and routes.plan is not None:
        if len(zones) == 0 or len(routes.plan.rows) == 0:
            return [""] * n
        route_ix, zone_ix = _zones_on_plan(routes.plan, zones.geometry.values)
        return joined(route_ix, ids[zone_ix], n)
    lines = routes.lines if isinstance(routes, Routes) else routes
    present = ~shapely.is_missing(lines)
    if len(zones) == 0 or not present.any():
        return [""] * n
    rows = np.flatnonzero(present)
    route_ix, zone_ix = query(zones.sindex, lines[rows], predicate="intersects")
    return joined(rows[route_ix], ids[zone_ix], n)


def _zones_on_plan(plan: RoutePlan, zones: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(target, zone) pairs for every zone each planned route touches."""
    tree = shapely.STRtree(zones)
    nodes, pred = plan.nodes, plan.predecessor
    # the zones on each tree edge (predecessor -> node; the first edges leave the start)
    reached = np.flatnonzero(pred >= SOURCE)
    frm = np.where((pred[reached] >= 0)[:, None], nodes[np.maximum(pred[reached], 0)],
                   plan.start)
    edge_ix, edge_zone = query(tree, shapely.linestrings(np.stack([frm, nodes[reached]], 1)),
                               predicate="intersects")
    on_edge: dict[int, frozenset] = {}
    for node, zone in zip(reached[edge_ix].tolist(), edge_zone.tolist(), strict=True):
        on_edge[node] = on_edge.get(node, frozenset()) | {zone}
    # ... and on the whole way from the start to each node (each worked out once)
    on_way: dict[int, frozenset] = {SOURCE: frozenset()}
    for node in reached.tolist():
        chain = []
        while node not in on_way:
            chain.append(node)
            node = int(pred[node])
        for step in reversed(chain):
            way = on_way[int(pred[step])]
            on_way[step] = way | on_edge[step] if step in on_edge else way
    # each route's own straight pieces: base -> start (the same for all), and last node
    # (or the start) -> road point -> site
    last = np.where((plan.end_node >= 0)[:, None], nodes[np.maximum(plan.end_node, 0)],
                    plan.start)
    k = len(plan.rows)
    ends = shapely.linestrings(np.stack([last, plan.on_road, plan.at_site], 1))
    piece_ix, piece_zone = query(tree, ends, predicate="intersects")
    from_base = tree.query(shapely.linestrings([plan.base, plan.start]), predicate="intersects")
    # a route meets the zones on the way to its last node (none when it has no node)
    way = pd.DataFrame([(node, zone) for node, zs in on_way.items() if node >= 0
                        for zone in zs], columns=["node", "zone"], dtype=np.int64)
    on_the_way = pd.DataFrame({"route": np.arange(k), "node": plan.end_node}).merge(way)
    route_ix = np.r_[on_the_way["route"].to_numpy(), piece_ix,
                     np.repeat(np.arange(k), len(from_base))]
    zone_ix = np.r_[on_the_way["zone"].to_numpy(), piece_zone, np.tile(from_base, k)]
    return plan.rows[route_ix], zone_ix
