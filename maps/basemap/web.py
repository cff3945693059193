"""Basemap tiles inside the interactive map's one HTML file, so it works with no network.

The tiles over the AOI go in from the file's lowest zoom up to the highest zoom whose
tiles still fit the budget, then every finer tile the file has around each eligible site
(its bounds grown by 1 km). asmap's own ``asmap.embeddedTiles`` (``maps/web/assets``)
shows them as a Leaflet grid layer; where there is no tile it shows the plain background.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Template

import folium

from asmap.maps.basemap.area import Bounds, aoi_bounds, covering, eligible_site_bounds
from asmap.maps.basemap.mbtiles import MBTiles, open_basemap
from asmap.maps.i18n import t
from asmap.maps.web.offline import js_literal

#: Default budget of embedded tiles, in MB (10^6 bytes) of tile data.
BUDGET_MB = 15.0
#: A missing tile is cut from an embedded ancestor up to this many zoom levels above.
ANCESTOR_LEVELS = 4


@dataclass
class Embedded:
    """
    The tiles chosen for one map.

    Attributes
    ----------
    tiles
        ``"z/x/y"`` -> base64 image data.
    mime
        The tiles' MIME type.
    zooms
        The zooms embedded over the whole AOI.
    site_zooms
        The finer zooms embedded around eligible sites only.
    size
        Bytes of tile data embedded.
    attribution
        The credit to show (the file's ``attribution``, else its name).
    bare_sides
        Sides of the AOI the file does not cover (``north``, ...), empty when it does.
    """

    tiles: dict[str, str] = field(default_factory=dict)
    mime: str = "image/png"
    zooms: tuple[int, ...] = ()
    site_zooms: tuple[int, ...] = ()
    size: int = 0
    attribution: str = ""
    bare_sides: list[str] = field(default_factory=list)


def embed_tiles(basemap: MBTiles, aoi: Bounds, *, sites: list[Bounds] = (),
                budget_mb: float = BUDGET_MB) -> Embedded:
    """
    Choose and read the tiles to embed (see the module docstring).

    Parameters
    ----------
    basemap
        The open MBTiles file.
    aoi
        The area of interest, lon/lat.
    sites
        Areas (lon/lat) that get every zoom the file has.
    budget_mb
        MB of tile data for the AOI; the file's lowest zoom goes in even when it alone
        is larger.

    Returns
    -------
    Embedded
        The tiles and what they cover.

    Examples
    --------
    >>> from asmap.layers.project import sample_path
    >>> basemap = open_basemap(sample_path() / "basemap.mbtiles")
    >>> embedded = embed_tiles(basemap, (104.29, 47.9, 105.12, 48.63), budget_mb=0.2)
    >>> embedded.zooms
    (8, 9, 10, 11)
    """
    out = Embedded(mime=basemap.mime, attribution=basemap.attribution,
                   bare_sides=covering(basemap, aoi))
    budget, zooms = budget_mb * 1_000_000, []
    for z in range(basemap.minzoom, basemap.maxzoom + 1):
        level = {f"{z}/{x}/{y}": data for x, y, data in basemap.tiles_in(aoi, z)}
        size = sum(len(d) for d in level.values())
        if zooms and out.size + size > budget:
            break
        zooms.append(z)
        out.size += size
        out.tiles.update({k: base64.b64encode(v).decode("ascii") for k, v in level.items()})
    finer = range(zooms[-1] + 1, basemap.maxzoom + 1)
    for area in sites:
        for z in finer:
            for x, y, data in basemap.tiles_in(area, z):
                key = f"{z}/{x}/{y}"
                if key not in out.tiles:
                    out.tiles[key] = base64.b64encode(data).decode("ascii")
                    out.size += len(data)
    out.zooms = tuple(zooms)
    out.site_zooms = tuple(finer) if sites else ()
    return out


def credit_html(embedded: Embedded, *, lang: str) -> str:
    """The escaped credit line: the basemap's attribution and, if any, where it has none."""
    text = t("basemap_credit", lang, credit=embedded.attribution)
    if embedded.bare_sides:
        text += " · " + t("basemap_gap", lang, sides=", ".join(
            t(f"side_{s}", lang) for s in embedded.bare_sides))
    return escape(text)


class EmbeddedTiles(folium.map.Layer):
    """
    The embedded basemap as a base layer of the layer control (``asmap.embeddedTiles``).

    Parameters
    ----------
    embedded
        The tiles (`embed_tiles`).
    name
        The layer control's label (escaped).
    attribution
        Escaped HTML for Leaflet's attribution control.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = asmap.embeddedTiles({{ this.data }}, {{ this.options }});
        {% endmacro %}
    """)

    def __init__(self, embedded: Embedded, *, name: str, attribution: str) -> None:
        super().__init__(name=name, overlay=False, control=True, show=True)
        self._name = "EmbeddedTiles"
        self.data = js_literal({"m": embedded.mime, "t": embedded.tiles})
        self.options = js_literal({"attribution": attribution, "maxZoom": 22,
                                   "up": ANCESTOR_LEVELS})


def basemap_layer(path: Path, layers: Any, sites: Any, *, lang: str,
                  budget_mb: float = BUDGET_MB) -> EmbeddedTiles:
    """The base layer of an MBTiles file for a map of `layers` (its AOI) and `sites`."""
    basemap = open_basemap(path)
    try:
        embedded = embed_tiles(basemap, aoi_bounds(layers), sites=eligible_site_bounds(sites),
                               budget_mb=budget_mb)
    finally:
        basemap.close()
    return EmbeddedTiles(embedded, name=escape(t("basemap_file", lang, name=path.name)),
                         attribution=credit_html(embedded, lang=lang))
