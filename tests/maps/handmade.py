"""A small `Analysis` built by hand, for map and brief tests that must not wait for geo.analyze.

Five sites around a base near Bat-Ölzii, laid out in UTM 48N metres and stored in EPSG:4326
like every Analysis: S-01 eligible (8.00 ha), S-02 eligible but unverified (2.50 ha),
S-03 not mined out, S-04 outside the soum and too small, S-05 too far. One exclusion zone
of each kind, a route per site, two posts (P-01 on the routes to S-01 and S-02), one
license conflict, a planted phone number in ``contact`` and an unknown extra column
``informant`` that a public brief must never carry.
"""

from __future__ import annotations

from datetime import date

import geopandas as gpd
from shapely.geometry import LineString, Point, box

from asmap.geo.result import Analysis
from asmap.geo.rules import Rules

UTM48N = "EPSG:32648"
SECRET_PHONE = "+976 9911-2233"
SECRET_EXTRA = "Informant Dorj"
X0, Y0 = 483_000, 5_340_000  # near Bat-Ölzii in UTM 48N
ON = date(2021, 4, 6)


def _frame(rows: list[dict], crs: str = UTM48N) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs).to_crs("EPSG:4326")


def _site(site_id, x, y, w, h, **values):
    row = {"site_id": site_id, "name": f"Хаягдал {site_id}", "stage": "mined_out",
           "area_ha": w * h / 10_000, "available_ha": w * h / 10_000, "eligible": False,
           "reasons": "", "notes": "", "unchecked": "", "license_id": "MV-000001",
           "holder": "Туул Алт ХХК", "licenses_all": "MV-000001",
           "negotiate_with": "Туул Алт ХХК", "route_km": 10.0, "posts_on_route": "",
           "permit_needed": False, "operator": "Туул Алт ХХК", "contact": None,
           "informant": None, "geometry": box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)}
    row.update(values)
    return row


def handmade_analysis() -> Analysis:
    """The five-site analysis described in the module docstring."""
    sites = _frame([
        _site("S-01", 3000, 2000, 400, 200, eligible=True, available_ha=8.0, route_km=12.3,
              posts_on_route="P-01", permit_needed=True, contact=SECRET_PHONE,
              informant=SECRET_EXTRA),
        _site("S-02", 3600, 2100, 300, 150, eligible=True, available_ha=2.5, route_km=13.1,
              notes="RIVER_BUFFER", unchecked="POST_ZONE", posts_on_route="P-01",
              permit_needed=True, license_id="XV-000002", holder="Орхон Хайгуул ХХК",
              negotiate_with="Орхон Хайгуул ХХК", licenses_all="MV-000001;XV-000002"),
        _site("S-03", -2500, 1500, 300, 300, stage="active", reasons="NOT_MINED_OUT"),
        _site("S-04", 9000, -500, 100, 100, reasons="OUTSIDE_SOUM;TOO_SMALL",
              available_ha=0.0, license_id="", holder="", licenses_all="",
              negotiate_with="local government"),
        _site("S-05", -1000, 8000, 300, 200, reasons="TOO_FAR", route_km=52.0),
    ])
    eligible_parts = _frame([
        {"site_id": "S-01", "available_ha": 8.0, "geometry": box(X0 + 3000, Y0 + 2000,
                                                                  X0 + 3400, Y0 + 2200)},
        {"site_id": "S-02", "available_ha": 2.5, "geometry": box(X0 + 3600, Y0 + 2100,
                                                                  X0 + 3850, Y0 + 2200)},
    ])
    exclusions = _frame([
        {"kind": "RIVER_BUFFER", "area_ha": 80.0,
         "geometry": box(X0 + 3500, Y0 + 2200, X0 + 4500, Y0 + 3000)},
        {"kind": "RESTRICTED", "area_ha": 25.0,
         "geometry": box(X0 - 2000, Y0 + 3000, X0 - 1500, Y0 + 3500)},
        {"kind": "RECLAMATION", "area_ha": 9.0, "geometry": box(X0 + 2000, Y0 - 1500,
                                                                X0 + 2300, Y0 - 1200)},
        {"kind": "POST_ZONE", "area_ha": 28.3, "geometry": Point(X0 + 1500, Y0 + 1000)
         .buffer(300)},
    ])
    base = (X0, Y0)
    routes = _frame([
        {"site_id": s["site_id"], "route_km": s["route_km"],
         "posts_on_route": s["posts_on_route"], "permit_needed": s["permit_needed"],
         "geometry": LineString([base, (X0 + 1500, Y0 + 1000), (cx, cy)])}
        for s, (cx, cy) in zip(
            sites.to_dict("records"),
            [(g.x, g.y) for g in sites.to_crs(UTM48N).geometry.centroid], strict=True)
    ])
    conflicts = _frame([
        {"license_id_a": "MV-000001", "license_id_b": "XV-000002",
         "holder_a": "Туул Алт ХХК", "holder_b": "Орхон Хайгуул ХХК", "kind_a": "mining",
         "kind_b": "exploration", "overlap_ha": 12.5,
         "geometry": box(X0 + 3500, Y0 + 1800, X0 + 4000, Y0 + 2050)},
    ])
    tailings = sites[["site_id", "name", "stage", "operator", "contact", "informant",
                      "geometry"]].copy()
    layers = {
        "boundary": _frame([{"name": "Заамар", "shapeID": "MNG-TEST",
                             "geometry": box(X0 - 6000, Y0 - 4000, X0 + 8000, Y0 + 10000)}]),
        "tailings": tailings,
        "licenses": _frame([
            {"license_id": "MV-000001", "holder": "Туул Алт ХХК", "kind": "mining",
             "status": "active", "contact": SECRET_PHONE,
             "geometry": box(X0 + 1000, Y0 + 500, X0 + 4000, Y0 + 3000)},
            {"license_id": "XV-000002", "holder": "Орхон Хайгуул ХХК", "kind": "exploration",
             "status": "active", "contact": None,
             "geometry": box(X0 + 3500, Y0 + 1800, X0 + 5000, Y0 + 2600)},
        ]),
        "posts": _frame([
            {"post_id": "P-01", "authority": "police", "name": "Баруун пост", "radius_m": 300.0,
             "geometry": Point(X0 + 1500, Y0 + 1000)},
            {"post_id": "P-02", "authority": "company", "name": "Хаалга", "radius_m": 200.0,
             "geometry": Point(X0 - 3000, Y0 + 5000)},
        ]),
        "rivers": _frame([{"name": "Туул гол", "geometry": LineString(
            [(X0 + 4000, Y0 - 4000), (X0 + 4000, Y0 + 2600), (X0 + 3000, Y0 + 10000)])}]),
        "roads": _frame([{"road_id": "R1", "surface": "gravel", "geometry": LineString(
            [(X0, Y0), (X0 + 1500, Y0 + 1000), (X0 + 3000, Y0 + 2000)])}]),
        "settlements": _frame([{"name": "Бат-Өлзий", "is_base": True,
                                "geometry": Point(*base)}]),
    }
    sources = {
        "boundary": {"source": "Boundaries © OpenStreetMap contributors (ODbL), via "
                               "geoBoundaries", "as_of": date(2020, 9, 25)},
        "tailings": {"source": "NGO field survey", "as_of": date(2021, 3, 31),
                     "note": "walked in March"},
        "restricted": {"source": "Soum office", "as_of": date(2019, 6, 30)},
        "licenses": {"source": "MRPAM cadastre extract", "as_of": "2021-03-01"},
    }
    return Analysis(sites=sites, eligible_parts=eligible_parts, exclusions=exclusions,
                    routes=routes, conflicts=conflicts, rules=Rules(), on=ON, layers=layers,
                    sources=sources, unchecked=("POST_ZONE",), crs=UTM48N)
