"""Rendering: interactive Folium maps, print maps, legends and labels (mn/en)."""
