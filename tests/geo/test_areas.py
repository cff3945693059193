"""Available area and notes: river buffers, restricted zones, reclamation, post zones."""

from __future__ import annotations

import pytest

from asmap.geo import Rules, analyze
from tests.geo.scenes import ON, base, box, frame, line, pt, sites
from tests.helpers import UTM48N

WGS84 = "EPSG:4326"
SITE = box(0, -200, 200, 300)  # 200 m x 500 m = 10 ha


def run(layers, **rules):
    return analyze(layers, rules=Rules(**rules), on=ON).sites.iloc[0]


@pytest.mark.parametrize("crs", [UTM48N, WGS84])
@pytest.mark.parametrize(("river", "buffer_m", "expected_ha"), [
    # a river along x = 200 with 50 m each side takes x 150..200: 50 x 500 m = 2.5 ha
    (line((200, -1000), (200, 1000)), 50, 7.5),
    # a 50 m wide river polygon at x 250..300 buffered 100 m reaches x = 150: 2.5 ha
    (box(250, -1000, 300, 1000), 100, 7.5),
    # a river 60 m east buffered 50 m does not reach the site
    (line((260, -1000), (260, 1000)), 50, 10.0),
], ids=["line-splits-site", "polygon-buffered", "river-beyond-buffer"])
def test_river_buffer(river, buffer_m, expected_ha, crs):
    row = run({"tailings": sites(SITE, crs=crs), "rivers": frame([river], crs, name=["Tuul"])},
              river_buffer_m=buffer_m)
    assert row["area_ha"] == pytest.approx(10.0, abs=0.01)
    assert row["available_ha"] == pytest.approx(expected_ha, abs=0.01)
    assert row["notes"] == ("RIVER_BUFFER" if expected_ha < 10 else "")


@pytest.mark.parametrize(("status", "start", "expected_ha"), [
    ("in_progress", None, 0.0),            # the whole site is under reclamation
    ("completed", None, 0.0),
    ("planned", None, 0.0),                # planned without a date: blocks
    ("planned", "2021-07-04", 0.0),        # on + 89 days: inside the 90-day notice
    ("planned", "2021-07-05", 0.0),        # on + 90 days: the last day of the notice
    ("planned", "2021-07-06", 10.0),       # on + 91 days: beyond the notice
    ("planned", "2020-01-01", 0.0),        # planned date already past: blocks
], ids=["in-progress", "completed", "planned-no-date", "planned-89d", "planned-90d",
        "planned-91d", "planned-past"])
def test_site_wholly_inside_reclamation(status, start, expected_ha):
    rec = frame([box(-50, -250, 250, 350)], area_id=["R1"], status=[status],
                start_date=[start])
    row = run({"tailings": sites(SITE), "reclamation": rec, "settlements": base()})
    assert row["available_ha"] == pytest.approx(expected_ha, abs=0.01)
    assert row["notes"] == ("RECLAMATION" if expected_ha == 0 else "")
    assert ("TOO_SMALL" in row["reasons"]) == (expected_ha == 0)


# A post 50 m east of the site's edge with a 100 m zone bites a circular segment:
# r² acos(d/r) - d sqrt(r² - d²) = 10000 * 1.047198 - 50 * 86.6025 = 6141.85 m² = 0.6142 ha
BITE_HA = 0.6142


@pytest.mark.parametrize(("radius_m", "start", "end", "expected_ha"), [
    (100.0, "2020-11-01", "2021-06-01", 10 - BITE_HA),   # its own radius
    (None, "2020-11-01", "2021-06-01", 10 - BITE_HA),    # the rule's radius (100 m here)
    (None, None, None, 10 - BITE_HA),                    # no dates: stands every day
    (100.0, "2020-11-01", "2021-03-31", 10.0),           # gone before the date
    (100.0, "2021-05-01", None, 10.0),                   # not yet there
], ids=["own-radius", "rule-radius", "open-dates", "ended", "not-started"])
def test_post_zone_bites_site(radius_m, start, end, expected_ha):
    posts = frame([pt(250, 50)], post_id=["P1"], authority=["police"], radius_m=[radius_m],
                  start_date=[start], end_date=[end])
    row = run({"tailings": sites(SITE), "posts": posts}, post_radius_m=100)
    assert row["available_ha"] == pytest.approx(expected_ha, abs=0.01)
    assert row["notes"] == ("POST_ZONE" if expected_ha < 10 else "")


def test_multipolygon_site_and_every_note_together():
    import shapely

    # two 1 ha heaps; a restricted zone takes the west half of the first (0.5 ha), a
    # planned reclamation (no date) the south half of the second (0.5 ha): 1.0 ha left
    two = shapely.MultiPolygon([box(0, 0, 100, 100), box(300, 0, 400, 100)])
    layers = {
        "tailings": sites(two),
        "restricted": frame([box(-50, -50, 50, 150)], zone_id=["Z1"], kind=["security"]),
        "reclamation": frame([box(250, -50, 450, 50)], area_id=["R1"], status=["planned"],
                             start_date=[None]),
    }
    row = run(layers)
    assert row["area_ha"] == pytest.approx(2.0, abs=0.01)
    assert row["available_ha"] == pytest.approx(1.0, abs=0.01)
    assert row["notes"] == "RECLAMATION;RESTRICTED"
    assert row["reasons"] == ""


def test_boundary_clips_and_outside_site_lists_every_reason():
    layers = {
        "tailings": sites(box(-100, 0, 100, 100), box(5000, 0, 5050, 100),
                          stage=["mined_out", "active"]),
        "boundary": frame([box(0, -1000, 1000, 1000)], name=["soum"]),
        "settlements": base(0, -100),
        "roads": frame([line((0, 0), (10, 0))], road_id=["R1"]),
    }
    result = analyze(layers, rules=Rules(max_route_km=1), on=ON).sites
    # first site: half inside the soum -> 100 x 100 m = 1 ha available
    assert result["available_ha"].tolist()[0] == pytest.approx(1.0, abs=0.01)
    assert result["reasons"].tolist() == ["", "NOT_MINED_OUT;OUTSIDE_SOUM;TOO_FAR;TOO_SMALL"]
    assert result["eligible"].tolist() == [True, False]
