"""Rendering: interactive Folium maps, print maps, legends and labels (mn/en)."""

from maps.brief import write_brief
from maps.interactive import site_map, write_map
from maps.static import print_map, write_print

__all__ = ["print_map", "site_map", "write_brief", "write_map", "write_print"]
