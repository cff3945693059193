"""Paper: print pages (overview and site sheets) as PDF or PNG through matplotlib.

Makes `print_map` / `write_print`: page layout, drawing of layers, cartographic furniture
(scale bar, north arrow, graticule, label placement) and the words on sheets. May import
`asmap.geo`, `asmap.layers` and the shared `asmap.maps` modules, never `web`, `brief` or
`exchange`.
"""
