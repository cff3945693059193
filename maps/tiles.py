"""Basemap tiles: the providers both kinds of map offer, and tiles under a print map.

A print never needs the network: without a basemap, or when the tiles cannot be
fetched, the page is drawn on the plain background and says so in its footer.
Tiles are fetched and warped into the map's CRS by contextily (the ``basemap`` extra).
"""

from __future__ import annotations

from typing import Any

import xyzservices.providers as providers

from asmap.layers.errors import UsageError
from asmap.maps.i18n import t

#: Basemaps by name, the same in the interactive map's layer control and on paper.
BASEMAPS = {"osm": providers.OpenStreetMap.Mapnik, "satellite": providers.Esri.WorldImagery}
#: Seconds to wait for a tile server before printing without it.
TIMEOUT_S = 6.0


def tile_source(basemap: str, *, lang: str = "en") -> tuple[str, str]:
    """
    The tile URL and credit for a basemap name or an ``{z}/{x}/{y}`` URL.

    Examples
    --------
    >>> tile_source("osm")
    ('https://tile.openstreetmap.org/{z}/{x}/{y}.png', '(C) OpenStreetMap contributors')
    >>> tile_source("http://127.0.0.1:8000/{z}/{x}/{y}.png")[1]
    'Tiles: 127.0.0.1:8000'
    """
    if basemap in BASEMAPS:
        return BASEMAPS[basemap].build_url(), BASEMAPS[basemap].attribution
    if basemap.startswith(("http://", "https://")) and all(
            key in basemap for key in ("{x}", "{y}", "{z}")):
        return basemap, t("tiles_from", lang, host=basemap.split("/")[2])
    raise UsageError(code="er_basemap", basemap=basemap, known=", ".join(BASEMAPS))


def check_basemap(basemap: str) -> None:
    """A usage error, before anything is drawn, for an unknown basemap or no contextily."""
    tile_source(basemap)
    try:
        import contextily  # noqa: F401
    except ImportError:
        raise UsageError(code="er_contextily") from None


def add_tiles(ax: Any, crs: Any, basemap: str, *, lang: str) -> bool:
    """
    Draw basemap tiles under what `ax` shows; False when they cannot be fetched.

    The axes keep their extent; the credit is written in the map's corner.
    """
    import contextily
    import requests

    url, credit = tile_source(basemap, lang=lang)
    try:
        contextily.add_basemap(ax, crs=crs, source=url, attribution=False,
                               timeout=TIMEOUT_S, zorder=0)
    except (requests.RequestException, OSError, ValueError):
        return False
    ax.text(0.995, 0.005, credit, transform=ax.transAxes, ha="right", va="bottom",
            fontsize=4.5, zorder=20, bbox={"facecolor": "white", "alpha": 0.7,
                                           "edgecolor": "none", "pad": 1})
    return True
