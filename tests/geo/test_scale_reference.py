"""The vectorized analysis agrees with a plain, per-site shapely reference on random cases.

For every site the reference takes the site, intersects it with the boundary and
subtracts the union of every exclusion zone that touches it, one site at a time with
plain shapely calls; `geo.analyze` must give the same `available_ha` to 1e-6 ha.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geopandas as gpd
import shapely

from asmap.geo.analyze import analyze
from tests.helpers import UTM48N

X0, Y0 = 500_000.0, 5_340_000.0  # about 48.2 N, 105.0 E

coord = st.floats(0, 2000, allow_nan=False).map(lambda v: round(v, 1))
size = st.floats(20, 600, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def polygons(draw):
    """A box or a triangle (rotated shapes make the pieces meet at odd angles)."""
    x, y, w, h = draw(coord), draw(coord), draw(size), draw(size)
    if draw(st.booleans()):
        return shapely.box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)
    return shapely.Polygon([(X0 + x, Y0 + y), (X0 + x + w, Y0 + y + h / 3),
                            (X0 + x + w / 4, Y0 + y + h)])


def frame(geoms, **columns) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=list(geoms), crs=UTM48N).to_crs("EPSG:4326")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sites=st.lists(polygons(), min_size=1, max_size=8),
       zones=st.lists(polygons(), min_size=0, max_size=6),
       plans=st.lists(polygons(), min_size=0, max_size=4),
       boundary=polygons())
def test_available_area_matches_per_site_reference(sites, zones, plans, boundary):
    n = len(sites)
    layers = {
        "tailings": frame(sites, site_id=[f"T{i}" for i in range(n)], stage=["mined_out"] * n),
        "boundary": frame([shapely.box(X0 - 100, Y0 - 100, X0 + 1500, Y0 + 1500).union(
            boundary)], name=["soum"]),
        "restricted": frame(zones, zone_id=[f"Z{i}" for i in range(len(zones))],
                            kind=["security"] * len(zones)),
        "reclamation": frame(plans, area_id=[f"R{i}" for i in range(len(plans))],
                             status=["in_progress"] * len(plans)),
        "settlements": frame([shapely.Point(X0, Y0)], name=["base"], is_base=[True]),
    }
    result = analyze(layers, on=date(2021, 4, 6))

    crs = result.crs
    site_geoms = layers["tailings"].to_crs(crs).geometry.values
    inside = layers["boundary"].to_crs(crs).geometry.values[0]
    excluded = list(layers["restricted"].to_crs(crs).geometry.values) + list(
        layers["reclamation"].to_crs(crs).geometry.values)
    for i, site in enumerate(site_geoms):
        nearby = [z for z in excluded if z.intersects(site)]
        part = site.intersection(inside)
        if nearby:
            part = part.difference(shapely.union_all(nearby))
        got = result.sites.loc[result.sites["site_id"] == f"T{i}", "available_ha"].item()
        assert got == pytest.approx(part.area / 1e4, abs=1e-6), f"site T{i}"
        assert result.sites["area_ha"].iloc[i] == pytest.approx(site.area / 1e4, abs=1e-6)
