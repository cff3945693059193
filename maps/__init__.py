"""Rendering, divided by what it makes: `web` (the interactive map), `paper` (prints),
`brief` (the negotiation folder) and `exchange` (KML/KMZ, GeoPackage styles, Shapefile).

Shared by all of them: `i18n` (the mn/en table), `styles` (one style table) and
`provenance` (where each layer came from), `tiles` (basemap providers). May import
`asmap.geo` and `asmap.layers`, never `asmap.cli`.
"""

from asmap.maps.brief.folder import write_brief
from asmap.maps.paper.annex import write_annex
from asmap.maps.paper.page import print_map, write_print
from asmap.maps.web.map import site_map, write_map

__all__ = ["print_map", "site_map", "write_annex", "write_brief", "write_map", "write_print"]
