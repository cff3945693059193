"""Rendering, divided by what it makes: `web` (the interactive map), `paper` (prints),
`brief` (the negotiation folder) and `exchange` (KML/KMZ, GeoPackage styles, Shapefile).

Shared by all of them: `i18n` (the mn/en table), `styles` (one style table) and
`provenance` (where each layer came from), `tiles` (basemap providers). May import
`asmap.geo` and `asmap.layers`, never `asmap.cli`. The names below load on first use,
so the command line starts without matplotlib or folium.
"""

import importlib
from typing import Any

_HOMES = {"write_brief": "asmap.maps.brief.folder", "print_map": "asmap.maps.paper.page",
          "write_print": "asmap.maps.paper.page", "site_map": "asmap.maps.web.map",
          "write_map": "asmap.maps.web.map", "write_annex": "asmap.maps.paper.annex"}

__all__ = ["print_map", "site_map", "write_annex", "write_brief", "write_map", "write_print"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'asmap.maps' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
