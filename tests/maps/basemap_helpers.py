"""Basemap test data: a local tile server, GeoTIFFs written with rasterio, MBTiles files.

Everything is made here, on localhost or on disk: no test reaches the internet.
"""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import mercantile
import numpy as np
import rasterio
from PIL import Image
from rasterio.transform import from_bounds

from asmap.maps.basemap.build import build_basemap
from asmap.maps.basemap.mbtiles import TileWriter, metadata_for
from tests.maps.handmade import X0, Y0

#: The hand-made analysis's boundary in UTM 48N (tests/maps/conftest.py), and in degrees.
AOI_UTM = (X0 - 6000, Y0 - 4000, X0 + 8000, Y0 + 10000)
GREEN = (11, 152, 61)
BLUE = (20, 60, 200)
RED = (210, 30, 30)


def png(rgb: tuple[int, int, int]) -> bytes:
    """A 256 x 256 PNG tile of one colour."""
    out = io.BytesIO()
    Image.new("RGB", (256, 256), rgb).save(out, format="PNG")
    return out.getvalue()


class TileServer:
    """A tile server on localhost: /z/x/y.png answers a tile of `colour` (by zoom)."""

    def __init__(self, colour=lambda z: GREEN) -> None:
        self.requested: list[str] = []
        self.mode = "tiles"  # or "html" (a login page), or "down" (HTTP 503)
        self.fail_after: int | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.requested.append(self.path)
                count = len(server.requested)
                if server.mode == "down" or (server.fail_after is not None
                                             and count > server.fail_after):
                    self.send_error(503)
                    return
                if server.mode == "html":
                    body, kind = b"<html><body>Please log in</body></html>", "text/html"
                else:
                    z = int(self.path.strip("/").split("/")[0])
                    body, kind = png(colour(z)), "image/png"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._http.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/{{z}}/{{x}}/{{y}}.png"

    def close(self) -> None:
        """Stop serving."""
        self._http.shutdown()
        self._http.server_close()


def aoi_degrees() -> tuple[float, float, float, float]:
    """The hand-made boundary's bounds in degrees."""
    from rasterio.warp import transform_bounds

    return tuple(transform_bounds("EPSG:32648", "EPSG:4326", *AOI_UTM))


def write_dem(path: Path, *, crs: str = "EPSG:32648", with_crs: bool = True) -> Path:
    """A DEM in UTM 48N over the hand-made AOI plus 3 km: a round hill in the middle."""
    west, south, east, north = (AOI_UTM[0] - 3000, AOI_UTM[1] - 3000, AOI_UTM[2] + 3000,
                                AOI_UTM[3] + 3000)
    cell = 50.0
    cols, rows = int((east - west) / cell), int((north - south) / cell)
    x = west + (np.arange(cols) + 0.5) * cell
    y = north - (np.arange(rows) + 0.5) * cell
    xx, yy = np.meshgrid(x, y)
    cx, cy = (AOI_UTM[0] + AOI_UTM[2]) / 2, (AOI_UTM[1] + AOI_UTM[3]) / 2
    heights = 1100 + 400 * np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / 3000.0 ** 2))
    profile = {"driver": "GTiff", "width": cols, "height": rows, "count": 1,
               "dtype": "float32", "transform": from_bounds(west, south, east, north, cols,
                                                            rows)}
    if with_crs:
        profile["crs"] = crs
    with rasterio.open(path, "w", **profile) as out:
        out.write(heights.astype("float32"), 1)
    return path


def write_rgb(path: Path) -> Path:
    """An RGB scene in EPSG:4326 over the hand-made AOI: red west half, blue east half."""
    west, south, east, north = aoi_degrees()
    cols, rows = 400, 300
    image = np.zeros((3, rows, cols), "uint8")
    image[:, :, : cols // 2] = np.array(RED, "uint8")[:, None, None]
    image[:, :, cols // 2:] = np.array(BLUE, "uint8")[:, None, None]
    with rasterio.open(path, "w", driver="GTiff", width=cols, height=rows, count=3,
                       dtype="uint8", crs="EPSG:4326",
                       transform=from_bounds(west, south, east, north, cols, rows)) as out:
        out.write(image)
    return path


def solid_mbtiles(path: Path, *, bounds, zooms=(10, 14), colour=lambda z: GREEN,
                  attribution: str = "Test tiles", fmt: str = "png") -> Path:
    """An MBTiles file of one-colour tiles (by zoom) over `bounds`, written directly."""
    writer = TileWriter(path)
    for tile in mercantile.tiles(*bounds, zooms=range(zooms[0], zooms[1] + 1)):
        writer.add(tile.z, tile.x, tile.y, png(colour(tile.z)))
    writer.set_metadata(metadata_for(name="test", fmt=fmt, bounds=bounds, zooms=zooms,
                                     attribution=attribution))
    writer.close()
    return path


def served_mbtiles(path: Path, server: TileServer, *, bounds, zooms) -> Path:
    """An MBTiles file built through `asmap basemap build`'s code from the local server."""
    return build_basemap(server.url, path, bounds=bounds, zooms=zooms,
                         attribution="Test tiles").path
