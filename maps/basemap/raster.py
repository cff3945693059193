"""GeoTIFF tiles: a satellite scene or scanned sheet as it is, a DEM as a hillshade.

Any CRS: each tile is warped from the file into Web Mercator by rasterio (GDAL's warper,
bilinear). One band that is not 8-bit is read as elevation and shaded (light from the
north-west, 45° high); one 8-bit band is grey; three or four bands are red, green, blue.
Tiles are JPEG: outside the raster they show the plain background colour.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import mercantile
import numpy as np
from PIL import Image

from asmap.layers.errors import DataError
from asmap.maps.basemap.area import Bounds

TILE = 256
#: The plain background of the maps (`maps.web.offline.plain_tile`), where there is no data.
PLAIN_RGB = (244, 242, 236)
JPEG_QUALITY = 82
WEB_MERCATOR = "EPSG:3857"
#: Rasters up to this many pixels (all bands) are read into memory once.
IN_MEMORY_PIXELS = 64_000_000


def hillshade(elevation: np.ndarray, cell_m: float, *, azimuth: float = 315.0,
              altitude: float = 45.0, z_factor: float = 1.0) -> np.ndarray:
    """
    Shading from 0 (dark) to 1 (lit) of an elevation grid whose rows run north to south.

    Parameters
    ----------
    elevation
        Heights in metres.
    cell_m
        Cell size in metres (the same across and down).
    azimuth, altitude
        Where the light comes from, in degrees (315: the north-west).
    z_factor
        Vertical exaggeration.

    Returns
    -------
    numpy.ndarray
        The shading, the same shape as `elevation`.

    Examples
    --------
    >>> ramp = np.tile(np.arange(5.0), (5, 1)) * 10   # 45° up to the east: faces west
    >>> float(hillshade(ramp, 10.0)[2, 2].round(3))   # half towards the north-west light
    0.854
    """
    rows, cols = np.gradient(elevation * z_factor, cell_m)
    dzdx, dzdy = cols, -rows
    slope = np.arctan(np.hypot(dzdx, dzdy))
    aspect = np.arctan2(-dzdy, -dzdx)
    light = math.radians(90.0 - azimuth)
    zenith = math.radians(90.0 - altitude)
    shade = (math.cos(zenith) * np.cos(slope)
             + math.sin(zenith) * np.sin(slope) * np.cos(light - aspect))
    return np.clip(shade, 0.0, 1.0)


class RasterSource:
    """Tiles warped from a GeoTIFF (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        import rasterio
        from rasterio.warp import transform_bounds

        try:
            self._src = rasterio.open(path)
        except rasterio.errors.RasterioIOError as exc:
            raise DataError(code="bm_bad_geotiff", path=path, detail=exc) from None
        if self._src.crs is None:
            self._src.close()
            raise DataError(code="bm_geotiff_no_crs", path=path)
        self.description = path.name
        self.dem = self._src.count == 1 and self._src.dtypes[0] != "uint8"
        self.bands = [1] if self._src.count < 3 else [1, 2, 3]
        self.bounds: Bounds = tuple(transform_bounds(self._src.crs, "EPSG:4326",
                                                     *self._src.bounds, densify_pts=21))
        self.zooms: tuple[int, int] | None = None
        self.attribution = ""
        self._stretch = None if self.dem or self._src.dtypes[0] == "uint8" else self._percentiles()
        # a raster that fits in memory is read once, not once a tile
        small = self._src.width * self._src.height * len(self.bands) <= IN_MEMORY_PIXELS
        self._memory = self._src.read(self.bands) if small else None

    def close(self) -> None:
        """Close the GeoTIFF."""
        self._src.close()

    def _percentiles(self) -> tuple[float, float]:
        sample = self._src.read(self.bands, out_shape=(len(self.bands), 512, 512), masked=True)
        values = sample.compressed()
        if not len(values):
            return 0.0, 1.0
        low, high = np.percentile(values, [2, 98])
        return float(low), float(max(high, low + 1))

    def _warp(self, z: int, x: int, y: int, pad: int) -> np.ma.MaskedArray:
        import rasterio
        from rasterio.transform import from_bounds
        from rasterio.warp import Resampling, reproject

        box = mercantile.xy_bounds(x, y, z)
        size_m = (box.right - box.left) / TILE
        transform = from_bounds(box.left - pad * size_m, box.bottom - pad * size_m,
                                box.right + pad * size_m, box.top + pad * size_m,
                                TILE + 2 * pad, TILE + 2 * pad)
        nodata = self._src.nodata  # None: every source pixel is data
        out = np.full((len(self.bands), TILE + 2 * pad, TILE + 2 * pad), np.nan, "float32")
        for i, band in enumerate(self.bands):
            source = (self._memory[i] if self._memory is not None
                      else rasterio.band(self._src, band))
            reproject(source, out[i], src_transform=self._src.transform,
                      src_crs=self._src.crs, src_nodata=nodata, dst_nodata=np.nan,
                      dst_transform=transform, dst_crs=WEB_MERCATOR,
                      resampling=Resampling.bilinear)
        return np.ma.masked_invalid(out)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The JPEG tile, or None where the GeoTIFF has no data at all."""
        box = mercantile.bounds(x, y, z)
        if not (box.west < self.bounds[2] and self.bounds[0] < box.east
                and box.south < self.bounds[3] and self.bounds[1] < box.north):
            return None
        data = self._warp(z, x, y, pad=1 if self.dem else 0)
        if data.mask.all():
            return None
        if self.dem:
            rgb = self._shade(data[0], z, y)
            valid = ~np.ma.getmaskarray(data[0])[1:-1, 1:-1]
        else:
            rgb = self._colours(data)
            valid = ~np.ma.getmaskarray(data).any(axis=0)
        rgb[~valid] = PLAIN_RGB
        out = io.BytesIO()
        Image.fromarray(rgb, "RGB").save(out, format="JPEG", quality=JPEG_QUALITY,
                                         optimize=True)
        return out.getvalue()

    def _shade(self, elevation: np.ma.MaskedArray, z: int, y: int) -> np.ndarray:
        lat = mercantile.ul(0, y, z).lat
        cell_m = 40_075_016.7 / (TILE << z) * math.cos(math.radians(lat))
        filled = elevation.filled(float(elevation.mean()) if elevation.count() else 0.0)
        z_factor = 1.5 * 2.0 ** max(0.0, (12 - z) / 2)  # low zooms smooth relief: lift it
        shade = hillshade(filled, cell_m, z_factor=z_factor)[1:-1, 1:-1]
        # a warm grey: flat ground a little darker than the plain background, lit slopes
        # lighter, shaded ones brown-grey
        tint = np.array(PLAIN_RGB, dtype="float32")
        rgb = tint * (0.6 + 0.55 * shade[..., None])
        return np.clip(rgb, 0, 255).astype("uint8")

    def _colours(self, data: np.ma.MaskedArray) -> np.ndarray:
        values = data.filled(0.0)
        if self._stretch is not None:
            low, high = self._stretch
            values = (values - low) / (high - low) * 255.0
        rgb = np.clip(values, 0, 255).astype("uint8")
        if rgb.shape[0] == 1:
            rgb = np.repeat(rgb, 3, axis=0)
        return np.ascontiguousarray(np.moveaxis(rgb, 0, -1))
