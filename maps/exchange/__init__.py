"""Exchange formats for other tools: KML/KMZ, GeoJSON, styled GeoPackage, Shapefile.

Makes `export` and the QGIS styles (QML and SLD) stored in a GeoPackage's ``layer_styles``.
May import `asmap.geo`, `asmap.layers`, the shared `asmap.maps` modules and `web.popups`
(KML balloons show the same pieces as the map's popups); never `paper` or `brief`.
"""
