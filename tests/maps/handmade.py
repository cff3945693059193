"""The hand-made `Analysis` the map, print and brief tests share (no wait for geo.analyze).

Laid out in UTM 48N metres around a base near Bat-Ölzii and stored in EPSG:4326 like every
Analysis, it has one site per verdict and reason:

- S-01 eligible (8.00 ha), on the route past post P-01, with a planted phone number in
  ``contact`` and an unknown extra column ``informant`` that a public output must never carry;
- S-02 eligible but unverified (2.50 ha, post zones unchecked), on license XV-000002;
- S-03 not mined out; S-04 outside the soum and too small; S-05 too far (52 km);
- S-06 too small, named ``<img src=x onerror=...>``; S-07 not mined out, named with a
  closing quote and a ``<script>``, its operator hostile too.

Plus one exclusion zone of each kind, a route per site, two posts (P-02 named with HTML
and without a radius), one license conflict, a license contact (public outputs leave it
out), hostile text in a restricted zone's name and a source note.
"""

from __future__ import annotations

from datetime import date

import geopandas as gpd
from shapely.geometry import LineString, Point, box

from asmap.geo.result import Analysis
from asmap.geo.rules import Rules
from tests.helpers import UTM48N, WGS84

X0, Y0 = 483_000, 5_340_000  # the base, near Bat-Ölzii in UTM 48N
ON = date(2021, 4, 6)
SECRET_PHONE = "+976 9911-2233"
LICENSE_PHONE = "+976 8800-1122"
SECRET_EXTRA = "Informant Dorj"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = '"><script>window.__pwned=1</script>'


def frame(rows: list[dict], crs: str = UTM48N) -> gpd.GeoDataFrame:
    """Rows with UTM geometries, stored in EPSG:4326."""
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs).to_crs(WGS84)


def site(site_id: str, x: float, y: float, w: float, h: float, **values) -> dict:
    """A site row: a `w` x `h` m box `x`, `y` m from the base, on MV-000001 unless told."""
    row = {"site_id": site_id, "name": f"Хаягдал {site_id}", "stage": "mined_out",
           "area_ha": w * h / 10_000, "available_ha": w * h / 10_000, "eligible": False,
           "reasons": "", "notes": "", "unchecked": "", "license_id": "MV-000001",
           "holder": "Туул Алт ХХК", "licenses_all": "MV-000001",
           "negotiate_with": "Туул Алт ХХК", "route_km": 10.0, "posts_on_route": "",
           "permit_needed": False, "operator": "Туул Алт ХХК", "contact": None,
           "informant": None, "geometry": box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)}
    row.update(values)
    return row


SITES = [
    site("S-01", 3000, 2000, 400, 200, eligible=True, available_ha=8.0, route_km=12.3,
         posts_on_route="P-01", permit_needed=True, contact=SECRET_PHONE,
         informant=SECRET_EXTRA),
    site("S-02", 3600, 2100, 300, 150, eligible=True, available_ha=2.5, route_km=13.1,
         notes="RIVER_BUFFER", unchecked="POST_ZONE", posts_on_route="P-01",
         permit_needed=True, license_id="XV-000002", holder="Орхон Хайгуул ХХК",
         negotiate_with="Орхон Хайгуул ХХК", licenses_all="MV-000001;XV-000002"),
    site("S-03", -2500, 1500, 300, 300, stage="active", reasons="NOT_MINED_OUT"),
    site("S-04", 9000, -500, 100, 100, reasons="OUTSIDE_SOUM;TOO_SMALL", available_ha=0.0,
         license_id="", holder="", licenses_all="", negotiate_with="local government"),
    site("S-05", -1000, 8000, 300, 200, reasons="TOO_FAR", route_km=52.0),
    site("S-06", 2000, -1500, 200, 200, name=HOSTILE_IMG, reasons="TOO_SMALL",
         available_ha=0.3, notes="RECLAMATION;POST_ZONE"),
    site("S-07", -3000, -2500, 200, 200, name=HOSTILE_SCRIPT, stage="reclaiming",
         reasons="NOT_MINED_OUT", operator=HOSTILE_IMG),
]


def handmade() -> Analysis:
    """A fresh copy of the analysis described in the module docstring."""
    sites = frame(SITES)
    eligible_parts = frame([
        {"site_id": "S-01", "available_ha": 8.0, "geometry": box(X0 + 3000, Y0 + 2000,
                                                                  X0 + 3400, Y0 + 2200)},
        {"site_id": "S-02", "available_ha": 2.5, "geometry": box(X0 + 3600, Y0 + 2100,
                                                                  X0 + 3850, Y0 + 2200)},
    ])
    exclusions = frame([
        {"kind": "RIVER_BUFFER", "area_ha": 80.0,
         "geometry": box(X0 + 3500, Y0 + 2200, X0 + 4500, Y0 + 3000)},
        {"kind": "RESTRICTED", "area_ha": 25.0,
         "geometry": box(X0 - 2000, Y0 + 3000, X0 - 1500, Y0 + 3500)},
        {"kind": "RECLAMATION", "area_ha": 9.0,
         "geometry": box(X0 + 2000, Y0 - 1500, X0 + 2300, Y0 - 1200)},
        {"kind": "POST_ZONE", "area_ha": 28.3,
         "geometry": Point(X0 + 1500, Y0 + 1000).buffer(300)},
    ])
    base = (X0, Y0)
    routes = frame([
        {"site_id": s["site_id"], "route_km": s["route_km"],
         "posts_on_route": s["posts_on_route"], "permit_needed": s["permit_needed"],
         "geometry": LineString([base, (X0 + 1500, Y0 + 1000), s["geometry"].centroid])}
        for s in SITES])
    conflicts = frame([
        {"license_id_a": "MV-000001", "license_id_b": "XV-000002",
         "holder_a": "Туул Алт ХХК", "holder_b": "Орхон Хайгуул ХХК", "kind_a": "mining",
         "kind_b": "exploration", "overlap_ha": 12.5,
         "geometry": box(X0 + 3500, Y0 + 1800, X0 + 4000, Y0 + 2050)},
    ])
    tailings = sites[["site_id", "name", "stage", "operator", "contact", "informant",
                      "geometry"]].copy()
    layers = {
        "boundary": frame([{"name": "Заамар", "shapeID": "MNG-ADM2-30978026B31941396",
                            "geometry": box(X0 - 6000, Y0 - 4000, X0 + 8000, Y0 + 10000)}]),
        "tailings": tailings,
        "licenses": frame([
            {"license_id": "MV-000001", "holder": "Туул Алт ХХК", "kind": "mining",
             "status": "active", "contact": LICENSE_PHONE,
             "geometry": box(X0 + 1000, Y0 + 500, X0 + 4000, Y0 + 3000)},
            {"license_id": "XV-000002", "holder": "Орхон Хайгуул ХХК", "kind": "exploration",
             "status": "active", "contact": None,
             "geometry": box(X0 + 3500, Y0 + 1800, X0 + 5000, Y0 + 2600)},
        ]),
        "reclamation": frame([{"area_id": "R-1", "status": "planned", "company": "Туул Алт ХХК",
                               "start_date": "2021-05-01",
                               "geometry": box(X0 + 2000, Y0 - 1500, X0 + 2300, Y0 - 1200)}]),
        "restricted": frame([{"zone_id": "Z-1", "kind": "security", "name": HOSTILE_SCRIPT,
                              "geometry": box(X0 - 2000, Y0 + 3000, X0 - 1500, Y0 + 3500)}]),
        "posts": frame([
            {"post_id": "P-01", "authority": "police", "name": "Баруун пост", "radius_m": 300.0,
             "geometry": Point(X0 + 1500, Y0 + 1000)},
            {"post_id": "P-02", "authority": "company", "name": HOSTILE_IMG, "radius_m": None,
             "geometry": Point(X0 - 3000, Y0 + 5000)},
        ]),
        "rivers": frame([{"name": "Туул гол", "geometry": LineString(
            [(X0 + 4000, Y0 - 4000), (X0 + 4000, Y0 + 2600), (X0 + 3000, Y0 + 10000)])}]),
        "roads": frame([{"road_id": "RD-1", "surface": "gravel", "geometry": LineString(
            [base, (X0 + 1500, Y0 + 1000), (X0 + 3000, Y0 + 2000)])}]),
        "settlements": frame([{"name": "Бат-Өлзий", "is_base": True, "geometry": Point(base)},
                              {"name": "Баг 2", "is_base": False,
                               "geometry": Point(X0 - 2000, Y0 + 3000)}]),
    }
    sources = {
        "boundary": {"source": "Boundaries © OpenStreetMap contributors (ODbL), via "
                               "geoBoundaries", "as_of": date(2020, 9, 25)},
        "tailings": {"source": "NGO field survey", "as_of": date(2021, 3, 31),
                     "note": HOSTILE_SCRIPT},
        "restricted": {"source": "Soum office", "as_of": date(2019, 6, 30)},
        "licenses": {"source": "MRPAM cadastre extract", "as_of": "2021-03-01"},
    }
    return Analysis(sites=sites, eligible_parts=eligible_parts, exclusions=exclusions,
                    routes=routes, conflicts=conflicts, rules=Rules(), on=ON, layers=layers,
                    sources=sources, unchecked=("POST_ZONE",), crs=UTM48N)
