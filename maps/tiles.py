"""Basemap tiles under a print map, only when the tile server can be reached.

A print never needs the network: without a basemap, or when the tiles cannot be
fetched, the page is drawn on the plain background and says so in its footer.
Tiles are fetched and warped into the map's CRS by contextily.
"""

from __future__ import annotations

from typing import Any

from layers.errors import UsageError

#: Basemaps by name: tile URL and the credit printed on the map.
BASEMAPS = {
    "osm": ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors"),
    "satellite": ("https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/"
                  "MapServer/tile/{z}/{y}/{x}", "Imagery © Esri, Maxar, Earthstar Geographics"),
}
#: Seconds to wait for a tile server before printing without it.
TIMEOUT_S = 6.0


def tile_source(basemap: str) -> tuple[str, str]:
    """
    The tile URL and credit for a basemap name or an ``{z}/{x}/{y}`` URL.

    Examples
    --------
    >>> tile_source("osm")[1]
    '© OpenStreetMap contributors'
    >>> tile_source("http://127.0.0.1:8000/{z}/{x}/{y}.png")[1]
    'Tiles: 127.0.0.1:8000'
    """
    if basemap in BASEMAPS:
        return BASEMAPS[basemap]
    if basemap.startswith(("http://", "https://")) and all(
            key in basemap for key in ("{x}", "{y}", "{z}")):
        return basemap, "Tiles: " + basemap.split("/")[2]
    raise UsageError(f"unknown basemap {basemap!r}; use {', '.join(BASEMAPS)} or a tile URL "
                     "with {z}, {x} and {y}")


def add_tiles(ax: Any, crs: Any, basemap: str) -> bool:
    """
    Draw basemap tiles under what `ax` shows; False when they cannot be fetched.

    The axes keep their extent; the credit is written in the map's corner.
    """
    url, credit = tile_source(basemap)
    try:
        import contextily
        import requests
    except ImportError as exc:  # an optional extra
        raise UsageError("a print basemap needs contextily: pip install 'asmap[basemap]'"
                         ) from exc
    try:
        contextily.add_basemap(ax, crs=crs, source=url, attribution=False,
                               timeout=TIMEOUT_S, zorder=0)
    except (requests.RequestException, OSError, ValueError):
        return False
    ax.text(0.995, 0.005, credit, transform=ax.transAxes, ha="right", va="bottom",
            fontsize=4.5, zorder=20, bbox={"facecolor": "white", "alpha": 0.7,
                                           "edgecolor": "none", "pad": 1})
    return True
