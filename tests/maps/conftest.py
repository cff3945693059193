"""Fixtures for the interactive map: a hand-made analysis with every case, and a browser.

The analysis is laid out in UTM 48N metres near Bat-Ölzii and stored in EPSG:4326 like
every `Analysis`: one site per verdict (eligible, unverified, each reason), two sites
with hostile names, one exclusion zone of each kind, a route per site, two posts, a
license conflict, and hostile text in a license holder, a zone name and a source note.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import geopandas as gpd
from shapely.geometry import LineString, Point, box

from asmap.geo.result import Analysis
from asmap.geo.rules import Rules

UTM48N = "EPSG:32648"
X0, Y0 = 483_000, 5_340_000
ON = date(2021, 4, 6)
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = '"><script>window.__pwned=1</script>'
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def frame(rows: list[dict], crs: str = UTM48N) -> gpd.GeoDataFrame:
    """Rows with UTM geometries, stored in EPSG:4326."""
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs).to_crs("EPSG:4326")


def site(site_id: str, x: float, y: float, w: float, h: float, **values) -> dict:
    row = {"site_id": site_id, "name": f"Хаягдал {site_id}", "stage": "mined_out",
           "area_ha": w * h / 10_000, "available_ha": w * h / 10_000, "eligible": False,
           "reasons": "", "notes": "", "unchecked": "", "license_id": "MV-000001",
           "holder": "Туул Алт ХХК", "licenses_all": "MV-000001",
           "negotiate_with": "Туул Алт ХХК", "route_km": 10.0, "posts_on_route": "",
           "permit_needed": False, "operator": "Туул Алт ХХК", "contact": "+976 9911-2233",
           "geometry": box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)}
    row.update(values)
    return row


SITES = [
    site("S-01", 3000, 2000, 400, 200, eligible=True, available_ha=8.0, route_km=12.3,
         posts_on_route="P-01", permit_needed=True),
    site("S-02", 3600, 2100, 300, 150, eligible=True, available_ha=2.5, route_km=13.1,
         notes="RIVER_BUFFER", unchecked="POST_ZONE", licenses_all="MV-000001;XV-000002",
         negotiate_with="Орхон Хайгуул ХХК"),
    site("S-03", -2500, 1500, 300, 300, stage="active", reasons="NOT_MINED_OUT"),
    site("S-04", 9000, -500, 100, 100, reasons="OUTSIDE_SOUM;TOO_SMALL", available_ha=0.0,
         license_id="", holder="", licenses_all="", negotiate_with="local government"),
    site("S-05", -1000, 8000, 300, 200, reasons="TOO_FAR", route_km=52.0),
    site("S-06", 1000, -3000, 200, 200, name=HOSTILE_IMG, reasons="TOO_SMALL",
         available_ha=0.3, notes="RECLAMATION;POST_ZONE"),
    site("S-07", -3000, -2500, 200, 200, name=HOSTILE_SCRIPT, eligible=True,
         operator=HOSTILE_IMG),
]


def handmade() -> Analysis:
    """The analysis described in the module docstring."""
    sites = frame(SITES)
    parts = frame([{"site_id": "S-01", "available_ha": 8.0,
                    "geometry": box(X0 + 3000, Y0 + 2000, X0 + 3400, Y0 + 2200)},
                   {"site_id": "S-02", "available_ha": 2.5,
                    "geometry": box(X0 + 3600, Y0 + 2100, X0 + 3900, Y0 + 2183)}])
    exclusions = frame([
        {"kind": "RIVER_BUFFER", "area_ha": 40.0,
         "geometry": box(X0 + 3500, Y0 + 2183, X0 + 4500, Y0 + 2583)},
        {"kind": "RESTRICTED", "area_ha": 25.0,
         "geometry": box(X0 - 4000, Y0 - 1000, X0 - 3500, Y0 - 500)},
        {"kind": "RECLAMATION", "area_ha": 9.0,
         "geometry": box(X0 + 1000, Y0 - 3000, X0 + 1300, Y0 - 2700)},
        {"kind": "POST_ZONE", "area_ha": 28.3,
         "geometry": Point(X0 + 1500, Y0 + 1000).buffer(300)},
    ])
    base = (X0, Y0)
    routes = frame([{"site_id": s["site_id"], "route_km": s["route_km"],
                     "posts_on_route": s["posts_on_route"], "permit_needed": s["permit_needed"],
                     "geometry": LineString([base, s["geometry"].centroid.coords[0]])}
                    for s in SITES])
    conflicts = frame([{"license_id_a": "MV-000001", "license_id_b": "XV-000002",
                        "holder_a": "Туул Алт ХХК", "holder_b": HOSTILE_IMG,
                        "kind_a": "mining", "kind_b": "exploration", "overlap_ha": 12.0,
                        "geometry": box(X0 + 3500, Y0 + 1500, X0 + 4500, Y0 + 2500)}])
    layers = {
        "boundary": frame([{"name": "Заамар", "shapeID": "MNG-ADM2-30978026B31941396",
                            "geometry": box(X0 - 6000, Y0 - 6000, X0 + 8000, Y0 + 7000)}]),
        "tailings": sites.drop(columns=["eligible", "reasons", "notes"]),
        "licenses": frame([
            {"license_id": "MV-000001", "holder": "Туул Алт ХХК", "kind": "mining",
             "status": "active", "contact": "+976 8800-1122",
             "geometry": box(X0 + 2000, Y0 + 1000, X0 + 4500, Y0 + 2500)},
            {"license_id": "XV-000002", "holder": HOSTILE_IMG, "kind": "exploration",
             "status": "active", "geometry": box(X0 + 3500, Y0 + 1500, X0 + 5000, Y0 + 3000)},
        ]),
        "reclamation": frame([{"area_id": "R-1", "status": "planned", "company": "Туул Алт ХХК",
                               "start_date": "2021-05-01",
                               "geometry": box(X0 + 1000, Y0 - 3000, X0 + 1300, Y0 - 2700)}]),
        "restricted": frame([{"zone_id": "Z-1", "kind": "security", "name": HOSTILE_SCRIPT,
                              "geometry": box(X0 - 4000, Y0 - 1000, X0 - 3500, Y0 - 500)}]),
        "posts": frame([{"post_id": "P-01", "authority": "police", "name": HOSTILE_IMG,
                         "radius_m": 300.0, "geometry": Point(X0 + 1500, Y0 + 1000)},
                        {"post_id": "P-02", "authority": "company", "name": "Уурхайн хаалга",
                         "radius_m": None, "geometry": Point(X0 - 1500, Y0 + 4000)}]),
        "rivers": frame([{"name": "Туул гол", "geometry": LineString(
            [(X0 + 3000, Y0 + 2383), (X0 + 5000, Y0 + 2383)])}]),
        "roads": frame([{"road_id": "RD-1", "surface": "gravel", "geometry": LineString(
            [base, (X0 + 3000, Y0 + 2000)])}]),
        "settlements": frame([{"name": "Бат-Өлзий", "is_base": True, "geometry": Point(base)},
                              {"name": "Баг 2", "is_base": False,
                               "geometry": Point(X0 - 2000, Y0 + 3000)}]),
    }
    sources = {
        "boundary": {"source": "Boundaries © OpenStreetMap contributors (ODbL), via "
                               "geoBoundaries", "as_of": date(2020, 9, 25)},
        "tailings": {"source": "NGO survey", "as_of": date(2021, 3, 31),
                     "note": HOSTILE_SCRIPT},
        "restricted": {"source": "Soum office", "as_of": date(2019, 6, 30)},
    }
    return Analysis(sites=sites, eligible_parts=parts, exclusions=exclusions, routes=routes,
                    conflicts=conflicts, rules=Rules(min_area_ha=0.5, max_route_km=40.0),
                    on=ON, layers=layers, sources=sources, unchecked=("POST_ZONE",))


@pytest.fixture
def analysis() -> Analysis:
    """A fresh hand-made analysis (see the module docstring)."""
    return handmade()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's, never a download)."""
    from playwright import sync_api

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run scripts/install-test-tools.sh"
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                        headless=True)
        yield chromium
        chromium.close()
