"""Licenses (counting, ties, conflicts), access routes, and rules left unchecked."""

from __future__ import annotations

import itertools

import pytest

import shapely

from asmap.geo import analyze
from tests.geo.scenes import ON, base, box, frame, line, pt, sites

SITE = box(0, 0, 100, 100)  # 1 ha


def licenses(rows):
    ids, holders, kinds, status, ends, geoms = zip(*rows, strict=True)
    return frame(geoms, license_id=list(ids), holder=list(holders), kind=list(kinds),
                 status=list(status), start_date=[None] * len(ids), end_date=list(ends))


@pytest.mark.parametrize(("rows", "expected"), [
    ([("MV-1", "Co", "mining", "expired", None, box(-10, -10, 110, 110))], None),
    ([("MV-1", "Co", "mining", "active", "2020-12-31", box(-10, -10, 110, 110))], None),
    ([("MV-1", "Co", "mining", "active", "2021-04-06", box(-10, -10, 110, 110))], "MV-1"),
    ([("MV-1", "Co", "mining", "suspended", None, box(-10, -10, 110, 110))], None),
], ids=["expired", "past-end-date", "ends-on-the-day", "suspended"])
def test_only_counting_licenses(rows, expected):
    row = analyze({"tailings": sites(SITE), "licenses": licenses(rows)}, on=ON).sites.iloc[0]
    assert row["license_id"] == expected or (expected is None and row["license_id"] is None)
    assert row["negotiate_with"] == ("Co" if expected else "local government")


TIES = [  # the site lies wholly inside all four: 1 ha each, a tie
    ("XV-9", "Explorer", "exploration", "active", None, box(-20, -20, 120, 120)),
    ("ASM-1", "NGO", "asm", "active", None, box(-10, -10, 110, 110)),
    ("MV-2", "Co B", "mining", "active", None, box(-30, -30, 130, 130)),
    ("MV-1", "Co A", "mining", "active", None, box(-5, -5, 105, 105)),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_license_tie_ignores_row_order(order):
    lic = licenses([TIES[i] for i in order])
    row = analyze({"tailings": sites(SITE), "licenses": lic}, on=ON).sites.iloc[0]
    # tie: mining beats asm and exploration; between MV-1 and MV-2 the smaller id wins
    assert (row["license_id"], row["holder"]) == ("MV-1", "Co A")
    assert row["licenses_all"] == "ASM-1;MV-1;MV-2;XV-9"


def test_largest_overlap_beats_kind():
    lic = licenses([("MV-1", "Co", "mining", "active", None, box(0, 0, 40, 100)),   # 0.4 ha
                    ("XV-1", "Ex", "exploration", "active", None, box(40, 0, 100, 100))])
    row = analyze({"tailings": sites(SITE), "licenses": lic}, on=ON).sites.iloc[0]
    assert row["license_id"] == "XV-1"  # 0.6 ha > 0.4 ha + 0.01 ha


def test_conflicts_between_counting_licenses():
    lic = licenses([("MV-1", "Co", "mining", "active", None, box(0, 0, 200, 200)),
                    ("ASM-1", "NGO", "asm", "active", None, box(100, 100, 300, 300)),
                    ("MV-3", "Old", "mining", "expired", None, box(0, 0, 300, 300)),
                    ("XV-1", "Ex", "exploration", "active", None, box(200, 0, 300, 100))])
    conflicts = analyze({"tailings": sites(SITE), "licenses": lic}, on=ON).conflicts
    # MV-1 x ASM-1 overlap 100 x 100 m = 1 ha; XV-1 only shares an edge with MV-1
    assert conflicts[["license_id_a", "license_id_b", "kind_a", "kind_b"]].values.tolist() == [
        ["ASM-1", "MV-1", "asm", "mining"]]
    assert conflicts["overlap_ha"].iloc[0] == pytest.approx(1.0, abs=0.01)
    assert conflicts.crs.to_epsg() == 4326


CROSS = [line((0, 0), (2000, 0)), line((1000, -1000), (1000, 1000))]  # crossing, no vertex


@pytest.mark.parametrize(("base_xy", "expected_km"), [
    # base 100 m below the west end: 0.1 + 1.0 along A + 1.0 up B + 0.5 to the site = 2.6
    # (the same total as 0.1 + 1.0 along A + 1.5 straight north: the tie goes to the
    # shorter off-road leg, so the route takes B and passes P1)
    ((0, -100), 2.6),
    # base below the middle of A snaps to (500, 0), not to a vertex: 0.1 + 0.5 + 1.0 + 0.5
    ((500, -100), 2.1),
])
def test_route_uses_crossing_and_snaps_to_line(base_xy, expected_km):
    layers = {"tailings": sites(box(1000, 1500, 1100, 1600)),
              "roads": frame(CROSS, road_id=["A", "B"]), "settlements": base(*base_xy),
              "posts": frame([pt(1000, 500), pt(1500, 500)], post_id=["P1", "P2"],
                             authority=["police", "police"], radius_m=[50.0, 50.0])}
    result = analyze(layers, on=ON)
    row = result.sites.iloc[0]
    assert row["route_km"] == pytest.approx(expected_km, abs=1e-6)
    assert (row["posts_on_route"], row["permit_needed"]) == ("P1", True)
    route = result.routes.to_crs("EPSG:32648").geometry.iloc[0]
    assert route.length / 1000 == pytest.approx(expected_km, abs=1e-6)
    assert result.routes["site_id"].tolist() == ["S1"]


def test_without_roads_the_route_is_a_straight_line():
    layers = {"tailings": sites(box(950, 1500, 1050, 1600)), "settlements": base(0, -100)}
    result = analyze(layers, on=ON)
    # to the site's nearest corner (950, 1500): sqrt(950² + 1600²) = sqrt(3462500) = 1860.78 m
    assert result.sites["route_km"].iloc[0] == pytest.approx(1.86078, abs=1e-5)
    assert "TOO_FAR" in result.unchecked


def test_only_settlement_is_the_base_and_two_bases_are_an_error():
    one = frame([pt(0, -100)], name=["centre"])
    got = analyze({"tailings": sites(SITE), "settlements": one}, on=ON).sites
    assert got["route_km"].iloc[0] == pytest.approx(0.1, abs=1e-6)
    two = frame([pt(0, 0), pt(5, 5)], name=["a", "b"], is_base=[True, True])
    with pytest.raises(ValueError, match="is_base"):
        analyze({"tailings": sites(SITE), "settlements": two}, on=ON)


ALL = {
    "boundary": lambda: frame([box(-1000, -1000, 3000, 3000)], name=["soum"]),
    "reclamation": lambda: frame([box(5000, 0, 5100, 100)], area_id=["R"], status=["planned"]),
    "posts": lambda: frame([pt(5000, 0)], post_id=["P"], authority=["police"]),
    "roads": lambda: frame(CROSS, road_id=["A", "B"]),
    "licenses": lambda: licenses([("MV-1", "Co", "mining", "active", None,
                                   box(-5, -5, 105, 105))]),
    "rivers": lambda: frame([line((5000, 0), (6000, 0))], name=["Tuul"]),
    "restricted": lambda: frame([box(7000, 0, 7100, 100)], zone_id=["Z"], kind=["water"]),
    "settlements": lambda: base(0, -100),
}
RULE_OF = {"boundary": "OUTSIDE_SOUM", "reclamation": "RECLAMATION", "posts": "POST_ZONE",
           "roads": "TOO_FAR", "licenses": "LICENSE", "rivers": "RIVER_BUFFER",
           "restricted": "RESTRICTED", "settlements": "TOO_FAR"}


@pytest.mark.parametrize("missing", sorted(ALL))
def test_missing_layer_leaves_its_rule_unchecked(missing):
    layers = {kind: make() for kind, make in ALL.items() if kind != missing}
    result = analyze({"tailings": sites(SITE), **layers}, on=ON)
    assert result.unchecked == (RULE_OF[missing],)
    row = result.sites.iloc[0]
    assert row["unchecked"] == RULE_OF[missing]
    assert row["eligible"]  # eligible but unverified
    assert result.summary()["eligible_unverified"] == 1


def test_nothing_missing_means_nothing_unchecked():
    result = analyze({"tailings": sites(SITE), **{k: m() for k, m in ALL.items()}}, on=ON)
    assert result.unchecked == () and result.sites["unchecked"].tolist() == [""]
    assert result.sites["route_km"].iloc[0] == pytest.approx(0.1, abs=1e-6)  # A runs along it


def test_bad_site_geometry_is_a_data_error():
    bad = sites(SITE)
    bad.loc[0, "geometry"] = shapely.Point(0, 0)
    with pytest.raises(ValueError, match="S1.*Point"):
        analyze({"tailings": bad}, on=ON)
