"""A local MBTiles basemap under a print map, at the zoom that matches the page's scale.

The zoom is the one whose tiles are at most one level coarser than the page's pixels
(300 dpi): tiles are never enlarged more than twice unless the file has nothing finer,
and then the page says so. The mosaic is warped from Web Mercator into the map's CRS by
rasterio and drawn under every layer. `draw_basemap` works on any map axes (overview,
site sheets, annexes).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mercantile
import numpy as np
from PIL import Image

from asmap.maps.basemap.area import aoi_bounds, covering
from asmap.maps.basemap.mbtiles import MBTiles, open_basemap
from asmap.maps.i18n import t

TILE = 256
#: Metres per pixel of zoom 0 at the equator.
M_PER_PIXEL_Z0 = 156_543.03392
#: The warped image is at most this many pixels wide (the page's map is about 2,100).
MAX_PIXELS = 3000
#: Tiles enlarged more than twice are warped at twice their own pixels, and at least at
#: this share of the page's: finer would only interpolate further, in 4 times the bytes.
ENLARGED_SHARE = 0.5


@dataclass
class Drawn:
    """
    What `draw_basemap` drew.

    Attributes
    ----------
    zoom
        The zoom of the tiles used.
    needed
        The zoom the page's scale asks for (at most one level of enlargement).
    credit
        The basemap's credit line, in the page's language.
    """

    zoom: int
    needed: int
    credit: str

    @property
    def coarse(self) -> bool:
        """Whether the tiles are enlarged more than one zoom level (the file has no finer)."""
        return self.needed > self.zoom


def page_zoom(metres_per_pixel: float, lat: float) -> int:
    """
    The zoom whose pixels are at most twice the page's pixel size at latitude `lat`.

    Examples
    --------
    >>> page_zoom(28.0, 48.2)    # the Zaamar overview on A4 at 300 dpi
    11
    >>> page_zoom(0.5, 48.2)     # a site sheet
    17
    """
    ideal = math.log2(M_PER_PIXEL_Z0 * math.cos(math.radians(lat)) / metres_per_pixel)
    return max(0, math.ceil(ideal - 1e-9) - 1)


def warp_width(pixels: int, native: float) -> int:
    """
    How many pixels across to warp a mosaic that has `native` pixels across the frame,
    for a map `pixels` wide on the page.

    Tiles as fine as the page, or enlarged at most twice, are warped at the page's pixels
    (capped at `MAX_PIXELS`); coarser tiles at twice their own pixels, but not under half
    the page's.

    Examples
    --------
    >>> warp_width(2100, 1400)   # zoom one level coarser than the page: its pixels
    2100
    >>> warp_width(2100, 130)    # a site sheet over zoom-13 tiles: half the page's
    1050
    >>> warp_width(2100, 700)
    1400
    """
    if pixels <= 2 * native:
        return min(pixels, MAX_PIXELS)
    return min(max(math.ceil(2 * native), round(pixels * ENLARGED_SHARE)), MAX_PIXELS)


def _mosaic(basemap: MBTiles, bounds: tuple[float, ...], z: int, shrink: int
            ) -> tuple[np.ndarray, tuple[float, float, float, float]] | None:
    """The tiles at `z` over `bounds` as one RGBA array (each tile `shrink` times smaller)."""
    ul, lr = mercantile.tile(bounds[0], bounds[3], z), mercantile.tile(bounds[2], bounds[1], z)
    size = TILE // shrink
    image = np.zeros(((lr.y - ul.y + 1) * size, (lr.x - ul.x + 1) * size, 4), "uint8")
    found = False
    for x, y, data in basemap.tiles_in(bounds, z):
        tile = Image.open(io.BytesIO(data)).convert("RGBA")
        if shrink > 1:
            tile = tile.resize((size, size), Image.Resampling.LANCZOS)
        row, col = (y - ul.y) * size, (x - ul.x) * size
        image[row:row + size, col:col + size] = np.asarray(tile)
        found = True
    if not found:
        return None
    top_left = mercantile.xy_bounds(ul.x, ul.y, z)
    bottom_right = mercantile.xy_bounds(lr.x, lr.y, z)
    return image, (top_left.left, bottom_right.bottom, bottom_right.right, top_left.top)


def _warp(image: np.ndarray, mercator: tuple[float, ...], crs: Any,
          extent: tuple[float, float, float, float], width: int, native: float) -> np.ndarray:
    """The mosaic warped into `crs` over `extent`, `width` pixels across.

    Tiles enlarged more than twice are warped at twice their own pixels, then enlarged
    to `width` (bilinear, Pillow): the same picture as a warp at `width`, for a fraction
    of the work."""
    from rasterio.transform import from_bounds
    from rasterio.warp import Resampling, reproject

    xmin, xmax, ymin, ymax = extent
    size = min(width, max(1, math.ceil(2 * native)))
    height = max(1, round(size * (ymax - ymin) / (xmax - xmin)))
    out = np.zeros((4, height, size), "uint8")
    source = np.ascontiguousarray(np.moveaxis(image, -1, 0))
    reproject(source, out, src_transform=from_bounds(*mercator, image.shape[1], image.shape[0]),
              src_crs="EPSG:3857", dst_transform=from_bounds(xmin, ymin, xmax, ymax, size,
                                                             height),
              dst_crs=crs, resampling=Resampling.bilinear, src_nodata=None, dst_nodata=0)
    warped = np.moveaxis(out, 0, -1)
    if size == width:
        return warped
    tall = max(1, round(width * (ymax - ymin) / (xmax - xmin)))
    enlarged = Image.fromarray(np.ascontiguousarray(warped), "RGBA").convert("RGBa").resize(
        (width, tall), Image.Resampling.BILINEAR)  # premultiplied: no dark fringe at edges
    return np.asarray(enlarged.convert("RGBA"))


def draw_basemap(ax: Any, basemap: str | Path | MBTiles, crs: Any, *, lang: str = "mn",
                 credit_in_corner: bool = True) -> Drawn | None:
    """
    Draw the tiles of a local MBTiles file under what `ax` shows; None when it has none.

    Call it after the axes have their final extent: they keep it.

    Parameters
    ----------
    ax
        Matplotlib axes in `crs` units (metres), with their limits set.
    basemap
        An ``.mbtiles`` path, or an open `MBTiles`.
    crs
        The axes' CRS (e.g. ``EPSG:32648``).
    lang
        Language of the credit.
    credit_in_corner
        Write the credit in the map's bottom-right corner.

    Returns
    -------
    Drawn or None
        The zoom drawn and the credit; None when the file has no tile in view.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from asmap.layers.project import sample_path
    >>> ax = Figure(figsize=(4, 4), dpi=100).add_axes((0, 0, 1, 1))
    >>> ax.set_xlim(470_000, 500_000); ax.set_ylim(5_330_000, 5_360_000)  # doctest: +ELLIPSIS
    (...)
    >>> draw_basemap(ax, sample_path() / "basemap.mbtiles", "EPSG:32648", lang="en").zoom
    10
    """
    from rasterio.warp import transform_bounds

    opened = basemap if isinstance(basemap, MBTiles) else open_basemap(basemap)
    try:
        (xmin, xmax), (ymin, ymax) = ax.get_xlim(), ax.get_ylim()
        ax.apply_aspect()
        box = ax.get_position()
        fig = ax.get_figure()
        pixels = max(1, round(box.width * fig.get_figwidth() * fig.dpi))
        bounds = transform_bounds(crs, "EPSG:4326", xmin, ymin, xmax, ymax, densify_pts=21)
        needed = page_zoom((xmax - xmin) / pixels, (bounds[1] + bounds[3]) / 2)
        zoom = min(max(needed, opened.minzoom), opened.maxzoom)
        shrink = min(2 ** (zoom - needed), 16) if zoom > needed else 1
        mosaic = _mosaic(opened, bounds, zoom, shrink)
        if mosaic is None:
            return None
        frame = transform_bounds(crs, "EPSG:3857", xmin, ymin, xmax, ymax, densify_pts=21)
        native = mosaic[0].shape[1] * (frame[2] - frame[0]) / (mosaic[1][2] - mosaic[1][0])
        image = _warp(*mosaic, crs, (xmin, xmax, ymin, ymax), warp_width(pixels, native),
                      native)
        drawn = Drawn(zoom=zoom, needed=needed,
                      credit=t("basemap_credit", lang, credit=opened.attribution))
    finally:
        if opened is not basemap:
            opened.close()
    aspect, adjustable = ax.get_aspect(), ax.get_adjustable()
    if (image[..., 3] == 255).all():
        image = np.ascontiguousarray(image[..., :3])  # opaque: RGB is smaller in a PDF
    # warped at the page's pixel size, or finer than the tiles: no second resampling here
    ax.imshow(image, extent=(xmin, xmax, ymin, ymax), origin="upper", zorder=0,
              interpolation="none")
    ax.set_aspect(aspect, adjustable=adjustable)
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    if credit_in_corner:
        ax.text(0.995, 0.005, drawn.credit, transform=ax.transAxes, ha="right", va="bottom",
                fontsize=4.5, zorder=20, bbox={"facecolor": "white", "alpha": 0.7,
                                               "edgecolor": "none", "pad": 1})
    return drawn


class LocalBasemap:
    """A local MBTiles basemap checked against the AOI once for every page of a print."""

    def __init__(self, path: Path, analysis: Any) -> None:
        self.file = open_basemap(path)
        self.bare_sides = covering(self.file, aoi_bounds({**analysis.layers,
                                                          "sites": analysis.sites}))

    def lines(self, drawn: Any, *, lang: str) -> tuple[str, ...]:
        """The footer lines: credit, and where or how the basemap falls short."""
        if drawn is None:
            return ()
        lines = [drawn.credit]
        if self.bare_sides:
            lines[0] += " · " + t("basemap_gap", lang, sides=", ".join(
                t(f"side_{s}", lang) for s in self.bare_sides))
        if drawn.coarse:
            lines[0] += " · " + t("basemap_coarse", lang, zoom=drawn.zoom, need=drawn.needed)
        return tuple(lines)


def footer_basemap(missing: Any) -> dict[str, Any]:
    """The print footer's keywords (``maps.paper.page._footer``) from what its map axes
    said about the basemap: footer lines of a local one, or whether online tiles failed."""
    if isinstance(missing, tuple):
        return {"basemap_lines": missing}
    return {"tiles_missing": bool(missing)}
