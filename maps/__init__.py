"""Rendering: interactive Folium maps, print maps, legends and labels (mn/en)."""

from maps.interactive import site_map, write_map

__all__ = ["site_map", "write_map"]
