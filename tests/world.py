"""Project folders shaped like the national and world files planners have (issue 13).

Each is the bundled sample with far features added, written by GDAL (pyogrio) as the
real files are: rivers on other continents, a line across the antimeridian, polygons
around the poles, a world settlements file, and the real national soum set (TopoJSON).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

import geopandas as gpd
import pyogrio
import shapely

from asmap.layers import sample_path

SOUMS = (Path(__file__).parent / "data" / "geoboundaries"
         / "geoBoundaries-MNG-ADM2_simplified.topojson")
ZAAMAR_ID = "MNG-ADM2-30978026B31941396"

#: Three far rivers: the Yukon (Canada), the Wairoa (New Zealand), the Pahang (Malaysia).
FAR_RIVERS = {
    "Yukon": [(-135.05, 60.72), (-137.0, 62.1), (-139.43, 64.06), (-141.0, 64.9)],
    "Wairoa": [(177.05, -38.95), (177.25, -39.0), (177.42, -39.05)],
    "Pahang": [(102.35, 3.81), (102.9, 3.55), (103.45, 3.52)],
}
#: Rivers on every other continent, and one line across the antimeridian (Chukotka).
WORLD_RIVERS = {
    "Amazon": [(-73.0, -4.0), (-60.0, -3.1), (-50.0, -0.5)],
    "Nile": [(32.5, 15.6), (31.3, 22.0), (31.2, 30.0)],
    "Danube": [(10.0, 48.4), (19.0, 47.5), (29.6, 45.2)],
    "Murray": [(147.0, -36.0), (142.0, -34.2), (139.3, -35.5)],
    "Anadyr (across 180°)": [(177.5, 64.7), (179.9, 65.0), (-179.9, 65.1), (-177.0, 65.3)],
    "Ob": [(73.0, 61.0), (66.0, 64.0), (69.0, 66.5)],
    # through (15°E, 0°): 90° from Zaamar's central meridian, infinite in UTM 48N
    "Congo": [(12.4, -6.0), (15.0, 0.0), (18.0, 1.0), (21.0, 2.0)],
}
#: Capitals on every continent, none of them the base.
WORLD_SETTLEMENTS = {
    "Ulaanbaatar": (106.917, 47.917), "Beijing": (116.4, 39.9), "Paris": (2.35, 48.85),
    "Nairobi": (36.82, -1.29), "Brasília": (-47.88, -15.79), "Ottawa": (-75.7, 45.42),
    "Canberra": (149.13, -35.28), "McMurdo": (166.67, -77.85), "Null Island?": (0.5, 0.5),
    "Suva": (178.44, -18.14), "Apia": (-171.76, -13.83),
}


def clean(tmp: Path) -> Path:
    """The bundled sample, copied: the folder clipped by hand."""
    folder = tmp / "clean"
    shutil.copytree(sample_path(), folder)
    return folder


def _write(frame: gpd.GeoDataFrame, path: Path) -> None:
    path.unlink(missing_ok=True)
    pyogrio.write_dataframe(frame, path, driver="GeoJSON")


def _added(folder: Path, kind: str, rows: gpd.GeoDataFrame) -> None:
    path = folder / f"{kind}.geojson"
    frame = pyogrio.read_dataframe(path)
    _write(gpd.GeoDataFrame(pd.concat([frame, rows], ignore_index=True), crs=frame.crs), path)


def lines(named: dict[str, list[tuple[float, float]]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": list(named)},
                            geometry=[shapely.LineString(xy) for xy in named.values()],
                            crs="EPSG:4326")


def far_rivers(tmp: Path) -> Path:
    """The sample plus the Yukon, the Wairoa and the Pahang in rivers.geojson."""
    folder = clean(tmp)
    _added(folder, "rivers", lines(FAR_RIVERS))
    return folder


def world(tmp: Path) -> Path:
    """Far rivers, world rivers, world settlements and zones around both poles."""
    folder = far_rivers(tmp)
    _added(folder, "rivers", lines(WORLD_RIVERS))
    towns = gpd.GeoDataFrame({"name": list(WORLD_SETTLEMENTS),
                              "is_base": [False] * len(WORLD_SETTLEMENTS)},
                             geometry=[shapely.Point(xy) for xy in WORLD_SETTLEMENTS.values()],
                             crs="EPSG:4326")
    _added(folder, "settlements", towns)
    poles = gpd.GeoDataFrame(
        {"zone_id": ["ARCTIC", "ANTARCTIC"], "kind": ["protected", "protected"],
         "name": ["around the north pole", "around the south pole"]},
        geometry=[shapely.box(-180, 80, 180, 90), shapely.box(-180, -90, 180, -70)],
        crs="EPSG:4326")
    _added(folder, "restricted", poles)
    return folder


def national_soums(tmp: Path, folder: Path | None = None) -> Path:
    """The sample (or `folder`) with the 329 soums of Mongolia as boundary.topojson."""
    folder = folder or clean(tmp)
    (folder / "boundary.geojson").unlink()
    shutil.copyfile(SOUMS, folder / "boundary.topojson")
    return folder


def sites_as_geopackage(folder: Path, *, far_site: bool = False) -> Path:
    """The folder with its tailings in tailings.gpkg (read by feature id), as GDAL wrote
    them; with `far_site`, one more site in Paris, outside every area of interest."""
    sites = pyogrio.read_dataframe(folder / "tailings.geojson")
    if far_site:
        paris = sites.iloc[[0]].copy()
        paris["site_id"] = "PARIS-1"
        paris["geometry"] = [shapely.box(2.35, 48.85, 2.351, 48.851)]
        sites = pd.concat([sites, paris], ignore_index=True)
    pyogrio.write_dataframe(sites, folder / "tailings.gpkg", layer="tailings")
    (folder / "tailings.geojson").unlink()
    return folder
