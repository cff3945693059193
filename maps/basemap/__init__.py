"""Offline basemaps: read, make and draw MBTiles (raster tiles) under every map and print.

`mbtiles` reads and writes the file, `area` says which area a basemap must cover,
`build` makes one from a tile server, an MBTiles or PMTiles archive or a GeoTIFF,
`web` embeds tiles in the interactive map and `paper` draws them on a print page.
May import `asmap.layers` and `asmap.maps.i18n`; never `asmap.cli`.
"""

from asmap.maps.basemap.area import aoi_bounds, grow_bounds
from asmap.maps.basemap.mbtiles import MBTiles, open_basemap, resolve_basemap

__all__ = ["MBTiles", "aoi_bounds", "grow_bounds", "open_basemap", "resolve_basemap"]
