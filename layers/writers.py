"""Write one layer to GeoPackage, GeoJSON or Shapefile, atomically.

Shapefiles get field names of at most 10 characters (catalogue names already fit; the
longer analysis names get readable short names, see `shapefile_names`), ISO dates as
text and a ``.cpg`` saying UTF-8, so Cyrillic survives in QGIS, ArcGIS and Excel.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

import geopandas as gpd
import pyogrio

from asmap.layers.atomic import atomic_path, stoppable
from asmap.layers.errors import UsageError

#: Output file extension -> GDAL driver.
DRIVERS = {".gpkg": "GPKG", ".geojson": "GeoJSON", ".json": "GeoJSON", ".shp": "ESRI Shapefile"}

#: Readable 10-character names for the analysis columns that are longer.
SHORT_NAMES = {
    "available_ha": "avail_ha",
    "negotiate_with": "negotiate",
    "licenses_all": "lic_all",
    "posts_on_route": "route_post",
    "permit_needed": "permit",
    "license_id_a": "lic_id_a",
    "license_id_b": "lic_id_b",
    # --- agreements (issue 14) ---
    "resolution_date": "resol_date",
    "window_opens": "win_opens",
    "window_closes": "win_closes",
    "window_days": "win_days",
    "agreement_status": "agreem_st",
}

#: Geometry type to declare when a layer has no features, by catalogue family.
EMPTY_TYPES = {"polygon": "MultiPolygon", "point": "Point", "line": "MultiLineString",
               "line_or_polygon": "Unknown", "table_or_polygon": "MultiPolygon"}


def driver_for(path: str | Path) -> str:
    """The GDAL driver for an output path, or a usage error naming the formats."""
    suffix = Path(path).suffix.lower()
    if suffix not in DRIVERS:
        raise UsageError(code="er_out_format", path=path,
                         suffix=suffix or "a file without extension")
    return DRIVERS[suffix]


def shapefile_names(columns: Iterable[str]) -> dict[str, str]:
    """
    Map column names to unique Shapefile field names of at most 10 characters.

    Catalogue names already fit; known analysis names get the short names in
    `SHORT_NAMES`; anything else is truncated, with a digit to keep names unique.

    Examples
    --------
    >>> shapefile_names(["site_id", "available_ha", "observed_on"])
    {'site_id': 'site_id', 'available_ha': 'avail_ha', 'observed_on': 'observed_o'}
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in columns:
        short = SHORT_NAMES.get(name, name)[:10]
        n = 1
        while short.lower() in taken:
            short = f"{short[:9 - len(str(n))]}_{n}"[:10]
            n += 1
        out[name] = short
        taken.add(short.lower())
    return out


def for_shapefile(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, dict[str, str]]:
    """A copy of `frame` ready for a Shapefile, and the mapping of long to short names."""
    frame = frame.copy()
    geometry = frame.geometry.name
    for col in frame.columns:
        if col != geometry and pd.api.types.is_datetime64_any_dtype(frame[col]):
            frame[col] = frame[col].dt.strftime("%Y-%m-%d").astype(object)
            frame[col] = frame[col].where(frame[col].notna(), None)
    names = shapefile_names(c for c in frame.columns if c != geometry)
    return frame.rename(columns=names), {k: v for k, v in names.items() if k != v}


def write_layer(frame: gpd.GeoDataFrame, path: str | Path, *, layer: str | None = None,
                family: str | None = None) -> dict[str, str]:
    """
    Write `frame` to `path` atomically (GeoPackage, GeoJSON or Shapefile by extension).

    Parameters
    ----------
    frame
        The layer, with a CRS.
    path
        Output file; its extension chooses the format.
    layer
        Layer name inside a GeoPackage (default: the file name without extension).
    family
        Catalogue geometry family, used to declare the type of an empty layer.

    Returns
    -------
    dict
        Columns renamed for a Shapefile, long name -> short name (empty otherwise).

    Examples
    --------
    >>> write_layer(sites, "out/tailings.shp")  # doctest: +SKIP
    {'available_ha': 'avail_ha'}
    """
    path = Path(path)
    driver = driver_for(path)
    kwargs = {}
    if frame.empty:
        kwargs["geometry_type"] = EMPTY_TYPES.get(family or "", "Unknown")
    if driver == "ESRI Shapefile":
        shp, renamed = for_shapefile(frame)
        _write_shapefile(shp, path, **kwargs)
        return renamed
    with atomic_path(path) as tmp:
        pyogrio.write_dataframe(frame, tmp, driver=driver, layer=layer or path.stem, **kwargs)
    return {}


def _write_shapefile(frame: gpd.GeoDataFrame, path: Path, **kwargs: object) -> None:
    """Write the Shapefile's files in a temporary folder, then move each into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with stoppable(), tempfile.TemporaryDirectory(prefix=f".{path.stem}.",
                                                  dir=path.parent) as tmp:
        pyogrio.write_dataframe(frame, Path(tmp) / path.name, driver="ESRI Shapefile",
                                encoding="UTF-8", **kwargs)
        for part in sorted(Path(tmp).iterdir()):
            os.replace(part, path.with_suffix(part.suffix))
