"""Generate the sample's basemap: `layers/data/zaamar/basemap.mbtiles`, a hillshade.

The terrain is synthetic and illustrative (credit "synthetic DEM, illustrative"): a
plateau rising to the south-east (the Zaamar range), valleys cut along the sample's
rivers (the Tuul on the west of the soum) and gentle hills from a fixed sum of waves, so
every run writes the same heights. The DEM is written as a GeoTIFF in UTM 48N (a temporary
file, not shipped) and turned into tiles by `asmap basemap build`, the way a user would
make one from a real DEM: the same code, reprojection to Web Mercator included.

Run: .venv/bin/python scripts/make_basemap.py [--zoom 8-12]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import from_origin

import pyogrio
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from asmap.maps.basemap.area import aoi_bounds, grow_bounds  # noqa: E402
from asmap.maps.basemap.build import build_basemap, parse_zooms  # noqa: E402

SAMPLE = ROOT / "layers" / "data" / "zaamar"
UTM = "EPSG:32648"
CREDIT = "synthetic DEM, illustrative"
CELL_M = 150.0
MARGIN_KM = 5.0
SEED = 2021


def waves(count: int = 40) -> list[tuple[float, float, float, float]]:
    """(amplitude m, wavelength km, direction degrees, phase) of the hills, fixed by `SEED`."""
    rng = np.random.default_rng(SEED)
    wavelengths = np.geomspace(30.0, 1.2, count)
    return [(1.2 * km ** 1.4, km, float(rng.uniform(0, 180)), float(rng.uniform(0, 6.28)))
            for km in wavelengths]


def dem(rivers: np.ndarray, bounds: tuple[float, ...]) -> tuple[np.ndarray, object]:
    """Heights (m) on a `CELL_M` grid over UTM `bounds`, and the grid's transform."""
    west, south, east, north = bounds
    cols, rows = int((east - west) / CELL_M) + 1, int((north - south) / CELL_M) + 1
    x = west + (np.arange(cols) + 0.5) * CELL_M
    y = north - (np.arange(rows) + 0.5) * CELL_M
    xx, yy = np.meshgrid(x, y)
    u = (xx - west) / (east - west)
    v = (yy - south) / (north - south)
    height = 1050.0 + 260.0 * np.clip(u - 0.35 * v, 0, None) ** 1.4  # range to the south-east
    for amp, wave_km, deg, phase in waves():
        d = np.radians(deg)
        height += amp * np.sin((xx * np.cos(d) + yy * np.sin(d)) / (wave_km * 1000) * 2 * np.pi
                               + phase)
    points = shapely.points(xx.ravel(), yy.ravel())
    distance = np.full(points.shape, np.inf)
    for river in rivers:
        distance = np.minimum(distance, shapely.distance(points, river))
    valley = 90.0 * np.exp(-(distance.reshape(xx.shape) / 2500.0) ** 2)
    floor = 30.0 * np.exp(-(distance.reshape(xx.shape) / 600.0) ** 2)
    return (height - valley - floor).astype("float32"), from_origin(west, north, CELL_M, CELL_M)


def write_dem(path: Path) -> None:
    """The synthetic DEM of the sample's area as a GeoTIFF in UTM 48N."""
    boundary = pyogrio.read_dataframe(SAMPLE / "boundary.geojson")
    rivers = pyogrio.read_dataframe(SAMPLE / "rivers.geojson").to_crs(UTM)
    area = boundary.to_crs(UTM).total_bounds
    pad = (MARGIN_KM + 3) * 1000
    heights, transform = dem(rivers.geometry.values, (area[0] - pad, area[1] - pad,
                                                      area[2] + pad, area[3] + pad))
    with rasterio.open(path, "w", driver="GTiff", width=heights.shape[1],
                       height=heights.shape[0], count=1, dtype="float32", crs=UTM,
                       transform=transform, nodata=-9999.0, compress="deflate") as out:
        out.write(heights, 1)
        out.update_tags(DESCRIPTION=CREDIT)


def main(argv: list[str] | None = None) -> None:
    """Write the DEM to a temporary file and build the sample's basemap from it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zoom", default="8-13", help="zoom range (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=SAMPLE / "basemap.mbtiles")
    args = parser.parse_args(argv)
    project = {"boundary": pyogrio.read_dataframe(SAMPLE / "boundary.geojson")}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "zaamar-synthetic-dem.tif"
        write_dem(path)
        built = build_basemap(path, args.out, zooms=parse_zooms(args.zoom),
                              bounds=grow_bounds(aoi_bounds(project), MARGIN_KM),
                              attribution=CREDIT, name="Zaamar hillshade (synthetic)")
    args.out.chmod(0o644)
    print(f"wrote {args.out}: {built.tiles} tiles, {built.size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
