"""The corner coordinate pages of an agreement annex.

One table per site of the agreement, of its ground as agreed (`geo.corners`): every
ring numbered on its own, each corner in DMS, decimal degrees and UTM, and the area
computed from the corners; a simplified polygon says so and gives both areas.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from matplotlib.figure import Figure

from asmap.geo.corners import CornerTable, dms
from asmap.maps.i18n import t

#: Table rows on one page (headings count as rows).
ROWS_PER_PAGE = 52
#: Left edge of each column, as a fraction of the page width.
COLUMN_X = (0.06, 0.14, 0.31, 0.48, 0.63, 0.78, 0.90)


def corner_rows(site_id: str, ground: str, table: CornerTable, *, lang: str
                ) -> Iterator[tuple[str, Any]]:
    """
    The lines of one site's table: ``("title", text)``, ``("header", cells)``,
    ``("ring", text)``, ``("row", cells)`` and ``("note", text)``.

    Examples
    --------
    >>> import shapely
    >>> from asmap.geo.corners import corner_table
    >>> table = corner_table(shapely.box(500000, 5340000, 500100, 5340100), "EPSG:32648")
    >>> rows = list(corner_rows("ZT-01", "available ground", table, lang="en"))
    >>> rows[3][1][:2], rows[-1][1]
    (['1', '48°12′50.86″N'], 'Area computed from these corners: 1.0000 ha')
    """
    yield "title", t("corner_table", lang, site=f"{site_id} ({ground})")
    yield "header", [t("corner_point", lang), t("corner_lat_dms", lang),
                     t("corner_lon_dms", lang), t("corner_lat", lang), t("corner_lon", lang),
                     t("corner_e", lang, zone=table.zone), t("corner_n", lang, zone=table.zone)]
    for ring in table.rings:
        yield "ring", (t("corner_hole", lang, part=ring.part, hole=ring.hole) if ring.hole
                       else t("corner_outline", lang, part=ring.part))
        for c in ring.corners:
            yield "row", [c.label, dms(c.lat, "N", "S"), dms(c.lon, "E", "W"), f"{c.lat:.7f}",
                          f"{c.lon:.7f}", f"{c.easting:.1f}", f"{c.northing:.1f}"]
    if table.simplified:
        yield "note", t("corner_simplified", lang, before=table.original_corners,
                        tolerance=f"{table.tolerance_m:g}", after=table.corners,
                        original=f"{table.original_area_ha:.4f}", ha=f"{table.area_ha:.4f}")
    yield "note", t("corner_area", lang, ha=f"{table.area_ha:.4f}")


def corner_pages(tables: list[tuple[str, str, CornerTable]], *, lang: str,
                 new_page: Any, footer: Any) -> list[Figure]:
    """Pages holding every site's corner table, `ROWS_PER_PAGE` lines a page."""
    lines = [line for site_id, ground, table in tables
             for line in [*corner_rows(site_id, ground, table, lang=lang), ("gap", "")]]
    pages = []
    for start in range(0, len(lines), ROWS_PER_PAGE):
        fig = new_page()
        _draw(fig, lines[start:start + ROWS_PER_PAGE])
        footer(fig)
        pages.append(fig)
    return pages


def _draw(fig: Figure, lines: list[tuple[str, Any]]) -> None:
    y, step = 0.95, 0.0165
    for kind, value in lines:
        if kind == "title":
            fig.text(COLUMN_X[0], y, value, fontsize=10, fontweight="bold", va="top",
                     parse_math=False)
        elif kind in ("header", "row"):
            for x, cell in zip(COLUMN_X, value, strict=True):
                fig.text(x, y, cell, fontsize=7, va="top",
                         fontweight="bold" if kind == "header" else "normal",
                         parse_math=False)
        elif kind == "ring":
            fig.text(COLUMN_X[0], y, value, fontsize=7.5, fontstyle="italic", va="top",
                     parse_math=False)
        elif kind == "note":
            fig.text(COLUMN_X[0], y, value, fontsize=7, va="top", wrap=True,
                     parse_math=False)
        y -= step


__all__ = ["corner_pages", "corner_rows"]
