"""Routes leave out candidate road segments that cannot win, and get the same answer.

`geo.access.routes_to` works out a route over every (site, nearby segment) pair only
where the pair's lower bound is near the site's first guess (`HOPE_M`), then checks that
no pair it left out could have won. These tests compare it with working out every pair
(``HOPE_M`` infinite), and with a guess so bad that the check must put pairs back.
"""

from __future__ import annotations

import numpy as np
import pytest

import shapely

from asmap.geo import access, analyze
from benchmarks.generate import ON, generate_layers


@pytest.fixture(scope="module", params=[False, True], ids=["realistic", "dense"])
def project(request):
    return generate_layers(3000, seed=3, dense=request.param)


def routes_with(monkeypatch, project, hope_m):
    """The analysis's route lengths and lines, and how many pairs were worked out."""
    worked: list[int] = []
    candidates = access._candidates

    def counted(search, targets, target_ix, seg, lead):
        worked.append(len(target_ix))
        return candidates(search, targets, target_ix, seg, lead)

    with monkeypatch.context() as m:
        m.setattr(access, "HOPE_M", hope_m)
        m.setattr(access, "_candidates", counted)
        result = analyze(project, on=ON)
    return result, worked


def test_leaving_pairs_out_gives_the_answer_of_working_all_out(monkeypatch, project):
    every, all_pairs = routes_with(monkeypatch, project, np.inf)
    pruned, some_pairs = routes_with(monkeypatch, project, access.HOPE_M)
    assert len(all_pairs) == 1 and len(some_pairs) == 1  # no pair had to be put back
    assert some_pairs[0] < 0.6 * all_pairs[0]  # most pairs are left out
    np.testing.assert_array_equal(pruned.sites["route_km"], every.sites["route_km"])
    assert pruned.sites["route_km"].notna().sum() > 1000
    assert (pruned.routes["site_id"] == every.routes["site_id"]).all()
    assert shapely.equals_exact(pruned.routes.geometry.values, every.routes.geometry.values,
                                tolerance=0).all()


def test_a_guess_too_low_puts_the_pairs_back_and_changes_nothing(monkeypatch, project):
    # a guess 30 m too low leaves out, for many sites, the pair that wins: the check
    # finds them and works those sites out again with every pair
    every, _ = routes_with(monkeypatch, project, np.inf)
    low, worked = routes_with(monkeypatch, project, -30.0)
    assert len(worked) == 2
    np.testing.assert_array_equal(low.sites["route_km"], every.sites["route_km"])
    assert shapely.equals_exact(low.routes.geometry.values, every.routes.geometry.values,
                                tolerance=0).all()


def test_no_pair_s_lower_bound_is_above_its_worked_out_total(monkeypatch, project):
    """The pruning is safe only if `_lower_bound` is one: over every pair (the straight
    line from a segment end to the site's bounding box, the segment's own distance)."""
    seen = {}
    hopeful = access._hopeful

    def keep(search, targets, target_ix, seg, near_d, lead):
        alive, bound = hopeful(search, targets, target_ix, seg, near_d, lead)
        seen.update(search=search, targets=targets, target_ix=target_ix, seg=seg,
                    bound=bound, lead=lead, alive=alive, near_d=near_d)
        return alive, bound

    monkeypatch.setattr(access, "_hopeful", keep)
    analyze(project, on=ON)
    every = access._candidates(seen["search"], seen["targets"], seen["target_ix"],
                               seen["seg"], seen["lead"])
    slack = every.total - seen["bound"]
    assert slack.min() >= -1e-6, slack.min()
    assert (slack < 1.0).mean() > 0.2  # a bound near the total for many pairs
    # the bounding boxes tighten the old bound (nearer node + distance to the segment)
    net, dist = seen["search"].net, seen["search"].distance
    seg = seen["seg"]
    old = seen["lead"] + seen["near_d"] + np.where(
        seg == seen["search"].segment, 0, np.minimum(dist[net.u[seg]], dist[net.v[seg]]))
    assert (seen["bound"] >= old - 1e-9).all()
    assert (seen["bound"] > old + 100).mean() > 0.1
    assert seen["alive"].mean() < 0.5
