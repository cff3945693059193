"""The pipeline a geopandas user writes first, kept as the benchmark's baseline.

It computes the two answers that dominate the analysis, with the obvious tools and
nothing else: each site's available area (``geopandas.overlay`` difference of the
sites against the dissolved exclusion zones) and the license that overlaps it most
(``geopandas.overlay`` intersection with the counting licenses). It draws no routes,
so comparing it with the full `asmap analyze` flatters the baseline.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import geopandas as gpd

from benchmarks.generate import ON

UTM48N = "EPSG:32648"


def read_project(folder: str | Path) -> dict[str, gpd.GeoDataFrame]:
    """Read every layer of a benchmark project (``project.gpkg``) into the metric CRS."""
    path = Path(folder) / "project.gpkg"
    names = [name for name, _ in gpd.list_layers(path).to_numpy()]
    return {name: gpd.read_file(path, layer=name).to_crs(UTM48N) for name in names}


def naive_analyze(layers: dict[str, gpd.GeoDataFrame], *, on: str = ON,
                  river_buffer_m: float = 200.0, post_radius_m: float = 300.0,
                  notice_days: int = 90) -> gpd.GeoDataFrame:
    """
    Available area and main license of every site, the straightforward way.

    Parameters
    ----------
    layers
        Layer kind -> GeoDataFrame in a metric CRS.
    on
        Analysis date (ISO 8601).
    river_buffer_m, post_radius_m, notice_days
        The rules, as in `asmap.toml`.

    Returns
    -------
    GeoDataFrame
        The sites with ``area_ha``, ``available_ha`` and ``license_id``.
    """
    day = pd.Timestamp(on)
    sites = layers["tailings"][["site_id", "geometry"]].copy()
    sites["area_ha"] = sites.area / 1e4
    zones = _exclusions(layers, day, river_buffer_m, post_radius_m, notice_days)
    inside = gpd.overlay(sites, layers["boundary"][["geometry"]], how="intersection")
    inside = inside.dissolve(by="site_id").reset_index()
    available = gpd.overlay(inside, zones, how="difference")
    sites["available_ha"] = sites["site_id"].map(
        available.set_index("site_id").area / 1e4).fillna(0.0)
    lic = layers["licenses"]
    counting = lic[(lic["status"].fillna("active") == "active")
                   & (pd.to_datetime(lic["start_date"]).fillna(day) <= day)
                   & (pd.to_datetime(lic["end_date"]).fillna(day) >= day)]
    pieces = gpd.overlay(sites[["site_id", "geometry"]],
                         counting[["license_id", "geometry"]], how="intersection")
    pieces["overlap"] = pieces.area
    best = pieces.sort_values(["site_id", "overlap"], ascending=[True, False])
    sites["license_id"] = sites["site_id"].map(best.drop_duplicates("site_id")
                                               .set_index("site_id")["license_id"])
    return sites


def _exclusions(layers: dict[str, gpd.GeoDataFrame], day: pd.Timestamp, river_buffer_m: float,
                post_radius_m: float, notice_days: int) -> gpd.GeoDataFrame:
    """Every exclusion zone in one dissolved GeoDataFrame."""
    parts = [layers["rivers"].buffer(river_buffer_m), layers["restricted"].geometry]
    rec = layers["reclamation"]
    start = pd.to_datetime(rec["start_date"])
    blocks = (rec["status"] != "planned") | start.isna() | (
        start <= day + pd.Timedelta(days=notice_days))
    parts.append(rec[blocks].geometry)
    posts = layers["posts"]
    standing = ((pd.to_datetime(posts["start_date"]).fillna(day) <= day)
                & (pd.to_datetime(posts["end_date"]).fillna(day) >= day))
    radius = posts["radius_m"].fillna(post_radius_m)
    parts.append(posts[standing].buffer(radius[standing]))
    zones = gpd.GeoDataFrame(geometry=pd.concat(parts, ignore_index=True),
                             crs=layers["tailings"].crs)
    return zones.dissolve()


def run(folder: str | Path, out: str | Path) -> gpd.GeoDataFrame:
    """Read a benchmark project, analyse it naively and write the sites to a GeoPackage."""
    sites = naive_analyze(read_project(folder))
    sites.to_crs("EPSG:4326").to_file(out, layer="sites", driver="GPKG", engine="pyogrio")
    return sites
