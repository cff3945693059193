"""Tiny, valid layers near Bat-Ölzii (EPSG:4326), and a helper that writes them with GDAL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import geopandas as gpd
import pyogrio
from shapely.geometry import Point, box

from tests.helpers import BASE, WGS84


def square(dx: float, dy: float, size: float = 0.01):
    """A square about 700 m x 1.1 km, `dx`/`dy` degrees from the soum centre."""
    x, y = BASE[0] + dx, BASE[1] + dy
    return box(x, y, x + size, y + size)


def good_layers() -> dict[str, gpd.GeoDataFrame]:
    """One small valid layer for each of four kinds."""
    return {
        "tailings": gpd.GeoDataFrame(
            {"site_id": ["T-1", "T-2"], "stage": ["mined_out", "active"],
             "name": ["Хөвөө", "Бат-Өлзий"]},
            geometry=[square(-0.1, 0.05), square(-0.12, 0.08)], crs=WGS84),
        "licenses": gpd.GeoDataFrame(
            {"license_id": ["MV-011722"], "holder": ["Заамар Голд ХХК"], "kind": ["mining"],
             "start_date": ["2015-03-01"], "end_date": ["2030-03-01"]},
            geometry=[square(-0.15, 0.0, 0.2)], crs=WGS84),
        "posts": gpd.GeoDataFrame(
            {"post_id": ["ZP-01"], "authority": ["police"], "radius_m": [300.0]},
            geometry=[Point(BASE[0] - 0.05, BASE[1])], crs=WGS84),
        "settlements": gpd.GeoDataFrame(
            {"name": ["Бат-Өлзий"], "is_base": [True]}, geometry=[Point(*BASE)], crs=WGS84),
    }


def write(frame: gpd.GeoDataFrame, path: Path, **kwargs) -> Path:
    """Write a layer with pyogrio/GDAL (driver from the extension)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    driver = {".json": "GeoJSON", ".kml": "LIBKML", ".kmz": "LIBKML"}.get(path.suffix)
    if driver and "driver" not in kwargs:
        kwargs["driver"] = driver
    pyogrio.write_dataframe(frame, path, **kwargs)
    return path


def project(folder: Path, layers: dict[str, gpd.GeoDataFrame] | None = None,
            ext: str = ".geojson") -> Path:
    """A project folder with one file per layer."""
    for kind, frame in (layers or good_layers()).items():
        write(frame, folder / f"{kind}{ext}")
    return folder


def table(problems) -> pd.DataFrame:
    """Problems as a DataFrame, for compact assertions."""
    return pd.DataFrame([p.as_dict() for p in problems],
                        columns=["severity", "layer", "feature", "field", "message", "hint",
                                 "file"])
