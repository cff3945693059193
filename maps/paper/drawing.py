"""Draw an analysis on matplotlib axes with the shared style table, and build its legend.

Every layer is reprojected to the analysis CRS (metres) before drawing, so print maps
measure true distances. Styles come from `maps.styles` (the interactive map's table)
through `styles.matplotlib`, so paper and screen show the same colours and patterns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

import geopandas as gpd

from asmap.maps import styles
from asmap.maps.i18n import t

POLYGONS = ("Polygon", "MultiPolygon")
LINES = ("LineString", "MultiLineString")
POINTS = ("Point", "MultiPoint")


def projected(frame: gpd.GeoDataFrame | None, crs: str) -> gpd.GeoDataFrame | None:
    """`frame` in `crs` without empty geometries; None when there is nothing to draw."""
    if frame is None or len(frame) == 0:
        return None
    frame = frame[~(frame.geometry.isna() | frame.geometry.is_empty)]
    if len(frame) == 0:
        return None
    return frame.to_crs(crs) if frame.crs is not None else frame.set_crs("EPSG:4326").to_crs(crs)


def draw_frame(ax: Axes, frame: gpd.GeoDataFrame, style: dict[str, Any], *, zorder: float,
               linewidth_factor: float = 1.0) -> None:
    """Draw polygons, lines and points of `frame` with one style-table entry."""
    mpl = styles.matplotlib(style)
    width = mpl["linewidth"] * linewidth_factor
    kinds = frame.geom_type
    polygons, lines, points = (frame[kinds.isin(k)] for k in (POLYGONS, LINES, POINTS))
    if len(polygons):
        polygons.plot(ax=ax, zorder=zorder, **{**mpl, "linewidth": width})
    if len(lines):
        lines.plot(ax=ax, zorder=zorder, color=mpl["edgecolor"], linewidth=max(width, 0.8),
                   linestyle=mpl.get("linestyle", "-"), alpha=style.get("opacity", 1.0))
    if len(points):
        pts = points.geometry.representative_point()
        radius = float(style.get("radius", 5))
        ax.scatter(pts.x, pts.y, s=(radius * 0.9) ** 2, zorder=zorder,
                   facecolor=style.get("fillColor", "#000000"),
                   edgecolor=style.get("color", "#FFFFFF"), linewidth=0.8)


def _patch(style: dict[str, Any], label: str) -> Patch:
    mpl = styles.matplotlib(style)
    return Patch(facecolor=mpl["facecolor"], edgecolor=mpl["edgecolor"],
                 linewidth=mpl["linewidth"], linestyle=mpl.get("linestyle", "-"),
                 hatch=mpl.get("hatch"), label=label)


def _line(style: dict[str, Any], label: str) -> Line2D:
    mpl = styles.matplotlib(style)
    return Line2D([], [], color=mpl["edgecolor"], linewidth=max(mpl["linewidth"], 0.8),
                  linestyle=mpl.get("linestyle", "-"), label=label)


def _marker(style: dict[str, Any], label: str) -> Line2D:
    return Line2D([], [], linestyle="none", marker="o", markersize=style.get("radius", 5) * 0.9,
                  markerfacecolor=style.get("fillColor"), markeredgecolor=style.get("color"),
                  label=label)


def site_categories(sites: gpd.GeoDataFrame) -> list[str]:
    """The legend category of each site, in row order."""
    return [styles.site_category(row) for row in sites.drop(columns=sites.geometry.name)
            .to_dict("records")]


def draw_analysis(ax: Axes, analysis: Any, *, lang: str, route_ids: Iterable[str] | None = None,
                  highlight: str | None = None) -> list[Artist]:
    """
    Draw every layer of `analysis` on `ax` (in the analysis CRS) and return legend handles.

    Parameters
    ----------
    ax
        Axes whose units are metres of ``analysis.crs``.
    analysis
        A `geo.Analysis`.
    lang
        Language of the legend labels.
    route_ids
        Sites whose routes to draw (default: every eligible site's).
    highlight
        A site id drawn with a thick outline (the subject of a site sheet).
    """
    crs, layers, handles = analysis.crs, analysis.layers, []

    def layer(frame, style, label, zorder, handle):
        frame = projected(frame, crs)
        if frame is None:
            return None
        draw_frame(ax, frame, style, zorder=zorder)
        handles.append(handle(style, label))
        return frame

    layer(layers.get("boundary"), styles.LAYER_STYLES["boundary"], t("layer_boundary", lang),
          2, _line)
    layer(layers.get("licenses"), styles.LAYER_STYLES["licenses"], t("layer_licenses", lang),
          3, _patch)
    for kind in ("reclamation", "restricted"):
        layer(layers.get(kind), styles.LAYER_STYLES[kind], t(f"layer_{kind}", lang), 3.5, _patch)
    exclusions = projected(analysis.exclusions, crs)
    for kind, style in styles.EXCLUSION_STYLES.items():
        if exclusions is not None and (exclusions["kind"] == kind).any():
            layer(exclusions[exclusions["kind"] == kind], style, t(kind, lang), 4, _patch)
    layer(layers.get("rivers"), styles.LAYER_STYLES["rivers"], t("layer_rivers", lang), 5, _line)
    layer(layers.get("roads"), styles.LAYER_STYLES["roads"], t("layer_roads", lang), 5.5, _line)
    sites = projected(analysis.sites, crs)
    if sites is not None:
        categories = site_categories(sites)
        for category, style in styles.site_styles().items():
            mask = [c == category for c in categories]
            if any(mask):
                layer(sites[mask], style, t(category, lang), 6, _patch)
        if highlight is not None:
            sites[sites["site_id"] == highlight].plot(ax=ax, facecolor="none", zorder=7.8,
                                                      edgecolor="black", linewidth=2.2)
    agreements = getattr(analysis, "agreements", None)  # issue 14: outlines by status
    if agreements is not None and len(agreements):
        for status, style in styles.AGREEMENT_STYLES.items():
            chosen = agreements[agreements["status"] == status]
            if len(chosen):
                label = f"{t('layer_agreements', lang)}: {t('agreement_status_' + status, lang)}"
                layer(chosen, {**style, "fill": False}, label, 7.2, _line)
    layer(analysis.eligible_parts, styles.LAYER_STYLES["eligible_parts"],
          t("layer_eligible_parts", lang), 7, _patch)
    layer(analysis.conflicts, styles.LAYER_STYLES["conflicts"], t("layer_conflicts", lang),
          7.5, _patch)
    routes = analysis.routes
    if routes is not None and len(routes):
        if route_ids is None:
            eligible = analysis.sites.loc[analysis.sites["eligible"].fillna(False).astype(bool),
                                          "site_id"]
            route_ids = eligible
        routes = routes[routes["site_id"].isin(list(route_ids))]
        layer(routes, styles.LAYER_STYLES["routes"], t("layer_routes", lang), 8, _line)
    layer(layers.get("posts"), styles.LAYER_STYLES["posts"], t("layer_posts", lang), 9, _marker)
    layer(layers.get("settlements"), styles.LAYER_STYLES["settlements"],
          t("layer_settlements", lang), 9, _marker)
    return handles
