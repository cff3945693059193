"""Long exclusion zones are cut into tiles for speed; areas and notes must not change."""

from __future__ import annotations

import numpy as np
import pytest

import geopandas as gpd
import shapely

from asmap.geo.eligibility import OVERLAP_M, SLIVER_M2, available_parts, tiled
from tests.helpers import UTM48N


def _long_river_zone() -> gpd.GeoDataFrame:
    x = np.arange(0, 60_001, 50.0)
    river = shapely.LineString(np.c_[x, 3000 * np.sin(x / 4000)])
    return gpd.GeoDataFrame({"kind": ["RIVER_BUFFER", "RESTRICTED"]},
                            geometry=[river.buffer(200), shapely.box(10_000, -500, 12_000, 500)],
                            crs=UTM48N)


def test_tiles_cover_the_zone_exactly():
    zone = _long_river_zone()
    cut = tiled(zone)
    assert len(cut) > 12  # 60 km of river in 5 km tiles, plus the small box kept whole
    assert set(cut["kind"]) == {"RIVER_BUFFER", "RESTRICTED"}
    assert (cut.loc[cut["kind"] == "RESTRICTED"].geometry.iloc[0]
            .equals(zone.geometry.iloc[1]))
    river = cut.loc[cut["kind"] == "RIVER_BUFFER"].geometry.values
    assert abs(shapely.union_all(river).area - zone.area.iloc[0]) < 1e-3
    # neighbouring tiles overlap by a 2 m strip (so they merge cleanly), no more
    overlap = shapely.area(river).sum() - zone.area.iloc[0]
    assert 0 < overlap < 2 * OVERLAP_M * 400 * 40  # a 400 m wide river, cut < 40 times
    assert shapely.is_valid(river).all()


def test_available_area_and_notes_match_a_plain_difference():
    zone = _long_river_zone()
    rng = np.random.default_rng(7)
    cx = rng.uniform(0, 60_000, 200)
    cy = 3000 * np.sin(cx / 4000) + rng.uniform(-600, 600, 200)
    sites = shapely.box(cx - 150, cy - 100, cx + 150, cy + 100)
    available, notes = available_parts(sites, zone)
    everything = shapely.union_all(zone.geometry.values)
    expected = shapely.area(shapely.difference(sites, everything))
    # specks under SLIVER_M2 that the plain difference leaves are no available ground
    np.testing.assert_allclose(shapely.area(available), expected, atol=SLIVER_M2)  # m²
    near_river = shapely.intersects(sites, zone.geometry.iloc[0])
    assert [("RIVER_BUFFER" in n) for n in notes] == list(near_river)


def test_one_zone_or_several_give_the_same_areas_and_notes():
    """A site near one zone takes one difference; near several, a merged cut: same answers."""
    zones = gpd.GeoDataFrame(
        {"kind": ["RESTRICTED", "RECLAMATION", "POST_ZONE"]},
        geometry=[shapely.box(0, 0, 100, 100), shapely.box(50, 0, 150, 100),
                  shapely.box(1000, 0, 1100, 100)], crs=UTM48N)
    sites = np.array([
        shapely.box(80, 0, 200, 50),  # both boxes: 70 m of its 120 taken
        shapely.box(1050, 0, 1250, 50),  # the far box alone: 50 of its 200 taken
        shapely.box(1100, 0, 1200, 50),  # touches the far box along an edge only
        shapely.box(1100.000001, 0, 1200, 50),  # and one a hair away from it
        shapely.box(1020, 20, 1080, 80),  # wholly inside the far box
    ])
    available, notes = available_parts(sites, zones)
    np.testing.assert_allclose(shapely.area(available), [50 * 50, 150 * 50, 100 * 50,
                                                         99.999999 * 50, 0.0], atol=1e-6)
    assert notes == ["RECLAMATION;RESTRICTED", "POST_ZONE", "", "", "POST_ZONE"]
    assert shapely.equals(available[2], sites[2]) and shapely.is_empty(available[4])


def test_specks_left_by_an_overlay_are_not_available_ground():
    """A strip of 0.001 m² left beside a zone is no ground to work, nor a route's end."""
    zones = gpd.GeoDataFrame({"kind": ["RECLAMATION", "RESTRICTED"]},
                             geometry=[shapely.box(0, 0, 100, 99.99999),
                                       shapely.box(300, 0, 400, 100)], crs=UTM48N)
    sites = np.array([shapely.box(0, 0, 100, 100),  # all but a 100 m x 0.01 mm strip
                      shapely.box(250, 0, 350, 99.99999) | shapely.box(0, 99.99999, 100, 100)])
    available, notes = available_parts(sites, zones)
    assert shapely.is_empty(available[0]) and notes[0] == "RECLAMATION"
    assert shapely.get_type_id(available[1]) == 3  # the speck went, the 50 m x 100 m stayed
    assert shapely.area(available[1]) == pytest.approx(50 * 99.99999)


def test_no_spikes_where_zones_and_tiles_meet():
    """Taking zones away leaves no zero-width spike that a route could be drawn to."""
    x = np.arange(0, 60_001, 50.0)
    river = shapely.LineString(np.c_[x, 3000 * np.sin(x / 4000)])
    zones = gpd.GeoDataFrame(
        {"kind": ["RIVER_BUFFER", "RESTRICTED", "RECLAMATION"]},
        geometry=[river.buffer(200), shapely.box(10_000, -500, 12_000, 500),
                  shapely.box(12_000, -500, 13_000, 500)], crs=UTM48N)  # two zones abut
    rng = np.random.default_rng(0)
    cx = rng.uniform(0, 60_000, 1500)
    cy = 3000 * np.sin(cx / 4000) + rng.uniform(-600, 600, 1500)
    sites = np.array([shapely.affinity.rotate(shapely.box(a - 150, b - 100, a + 150, b + 100),
                                              turn) for a, b, turn in
                      zip(cx, cy, rng.uniform(0, 90, 1500), strict=True)])
    available, _ = available_parts(sites, zones)
    left = available[~shapely.is_empty(available)]
    # opening by 1 cm removes anything thinner than 2 cm; a real corner moves by far less
    opened = shapely.buffer(shapely.buffer(left, -0.01, quad_segs=2), 0.01, quad_segs=2)
    moved = np.nan_to_num(shapely.hausdorff_distance(left, opened))
    assert len(left) > 1000 and (moved > 1.5).sum() == 0
