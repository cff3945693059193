"""Tiny hand-drawn layers in UTM 48N for the analysis tests (metres from an origin)."""

from __future__ import annotations

import pandas as pd

import geopandas as gpd
import shapely

from tests.helpers import UTM48N

X0, Y0 = 500_000.0, 5_340_000.0  # about 48.2 N, 105.0 E
ON = "2021-04-06"


def box(x0: float, y0: float, x1: float, y1: float) -> shapely.Polygon:
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def pt(x: float, y: float) -> shapely.Point:
    return shapely.Point(X0 + x, Y0 + y)


def line(*xy: tuple[float, float]) -> shapely.LineString:
    return shapely.LineString([(X0 + x, Y0 + y) for x, y in xy])


def frame(geoms, crs: str = UTM48N, **columns) -> gpd.GeoDataFrame:
    geoms = list(geoms)
    for key, value in columns.items():
        if key.endswith("_date"):
            columns[key] = pd.to_datetime(pd.Series(value, dtype=object))
    out = gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM48N)
    return out if crs == UTM48N else out.to_crs(crs)


def sites(*geoms, stage="mined_out", crs=UTM48N, **columns) -> gpd.GeoDataFrame:
    n = len(geoms)
    stages = [stage] * n if isinstance(stage, str) else list(stage)
    return frame(geoms, crs, site_id=[f"S{i + 1}" for i in range(n)], stage=stages, **columns)


def base(x: float = 0, y: float = -100, crs=UTM48N) -> gpd.GeoDataFrame:
    return frame([pt(x, y)], crs, name=["centre"], is_base=[True])
