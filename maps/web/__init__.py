"""The interactive web map: one Folium page, online or fully offline.

Makes `site_map` / `write_map` and their pieces: Folium elements, the compact encoding of
geometries, popups, the legend panel, the inlined offline assets and asmap's own JavaScript
(``assets/``). May import `asmap.geo`, `asmap.layers` and the shared `asmap.maps` modules
(`i18n`, `styles`, `provenance`, `tiles`), never `paper`, `brief` or `exchange`.
"""
