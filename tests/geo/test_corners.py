"""Issue 14: corner coordinate tables (DMS, decimal, UTM), rings, areas, simplification."""

from __future__ import annotations

import pytest

import shapely

from asmap.geo.corners import corner_table, count_corners, dms, simplify_to
from tests.geo.scenes import UTM48N, box


@pytest.mark.parametrize(("value", "text"), [
    (48 + 13 / 60, "48°13′00.00″N"),
    (48 + 12 / 60 + 59.995 / 3600, "48°13′00.00″N"),   # 59.995″ rounds up and carries
    (48 + 12 / 60 + 59.994 / 3600, "48°12′59.99″N"),
    (48 + 59 / 60 + 59.996 / 3600, "49°00′00.00″N"),   # carries into the degree
    (104 + 46 / 60 + 26.005 / 3600, "104°46′26.01″E"),
    (-(104 + 46 / 60 + 26.004 / 3600), "104°46′26.00″W"),
    (0.0, "0°00′00.00″N"),
], ids=["minute", "59.995", "59.994", "degree-carry", "half-up", "west", "zero"])
def test_dms_to_a_hundredth_of_a_second(value, text):
    positive, negative = ("E", "W") if "E" in text or "W" in text else ("N", "S")
    assert dms(value, positive, negative) == text


@pytest.fixture
def holey_multipolygon():
    """Part 1: 100 x 100 m with a 20 x 20 m hole; part 2: 50 x 100 m. 1.00 - 0.04 + 0.50 ha."""
    first = box(0, 0, 100, 100).difference(box(40, 40, 60, 60))
    return shapely.MultiPolygon([first, box(200, 0, 250, 100)])


def test_multipolygon_with_a_hole_numbers_each_ring_clockwise_from_the_north(holey_multipolygon):
    table = corner_table(holey_multipolygon, UTM48N)
    assert [(r.part, r.hole) for r in table.rings] == [(1, 0), (1, 1), (2, 0)]
    outline, hole, second = table.rings
    # x = 500000 is the central meridian of zone 48 (105°E): along a northing the
    # latitude is highest there, so the north-west corner is the northernmost
    assert [(c.label, c.easting, c.northing) for c in outline.corners] == [
        ("A1", 500000.0, 5340100.0), ("A2", 500100.0, 5340100.0),
        ("A3", 500100.0, 5340000.0), ("A4", 500000.0, 5340000.0)]
    assert [(c.label, c.easting, c.northing) for c in hole.corners] == [
        ("B1", 500040.0, 5340060.0), ("B2", 500060.0, 5340060.0),
        ("B3", 500060.0, 5340040.0), ("B4", 500040.0, 5340040.0)]
    assert [c.label for c in second.corners] == ["C1", "C2", "C3", "C4"]
    assert second.corners[0].easting == 500200.0
    assert table.area_ha == pytest.approx(1.46, abs=1e-9)
    assert not table.simplified and table.zone == "48N"
    assert dms(outline.corners[0].lon, "E", "W") == "105°00′00.00″E"
    assert f"{outline.corners[0].lon:.7f}" == "105.0000000"


def test_simplified_to_sixty_corners_with_the_smallest_tolerance():
    circle = shapely.Point(500000, 5340000).buffer(200, quad_segs=64)  # a 256-gon
    assert count_corners(circle) == 256
    table = corner_table(circle, UTM48N)
    assert table.simplified and table.corners <= 60 and table.original_corners == 256
    smaller = shapely.simplify(circle, table.tolerance_m - 0.01, preserve_topology=True)
    assert count_corners(smaller) > 60  # a centimetre less would leave too many
    # 256-gon: 1/2 n r² sin(2π/n) = 12.5651 ha; the simplified one lies inside it
    assert table.original_area_ha == pytest.approx(12.5651, abs=1e-4)
    assert 12.3 < table.area_ha < table.original_area_ha


def test_small_polygons_are_left_alone():
    square = box(0, 0, 10, 10)
    assert simplify_to(square) == (square, 0.0)
