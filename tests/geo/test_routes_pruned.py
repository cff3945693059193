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
