"""The negotiation brief: one folder with the map, the prints, tables and a summary in words.

Makes `write_brief`, the summary prose (``summary.md`` / ``summary.html``) and the tables
(``sites.csv``, ``sites.xlsx``, ``conflicts.csv``). It composes `web`, `paper` and the shared
modules; nothing else in `asmap.maps` imports it.
"""
