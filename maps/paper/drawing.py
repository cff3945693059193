"""Draw an analysis on matplotlib axes with the shared style table, and build its legend.

Every layer is reprojected to the analysis CRS (metres) before drawing, so print maps
measure true distances. Styles come from `maps.styles` (the interactive map's table)
through `styles.matplotlib`, so paper and screen show the same colours and patterns.
A sheet draws only the features whose box meets its frame (`in_view`, through the
layer's spatial index); inside `reused_projections` every layer is reprojected once for
all the pages of an atlas, and its spatial index built once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path

import geopandas as gpd
import shapely

from asmap.maps import styles
from asmap.maps.i18n import t

POLYGONS = ("Polygon", "MultiPolygon")
LINES = ("LineString", "MultiLineString")
POINTS = ("Point", "MultiPoint")
#: The same kinds as shapely type ids.
POLYGON_IDS, LINE_IDS, POINT_IDS = (3, 6), (1, 5), (0, 4)
#: Features this far (a fraction of the frame's width) outside a sheet's frame are still
#: drawn, so that outlines, line widths and markers that reach into the frame stay.
VIEW_MARGIN = 0.05

_reused: dict[tuple[int, str], tuple[Any, Any]] | None = None


@contextmanager
def reused_projections() -> Iterator[None]:
    """
    Reproject each layer once for every page drawn inside the block (an atlas).

    The layers must not change while the block runs.

    Examples
    --------
    >>> frame = gpd.GeoDataFrame(geometry=[shapely.Point(105, 48)], crs="EPSG:4326")
    >>> with reused_projections():
    ...     projected(frame, "EPSG:32648") is projected(frame, "EPSG:32648")
    True
    """
    global _reused
    outer, _reused = _reused, {}
    try:
        yield
    finally:
        _reused = outer


def projected(frame: gpd.GeoDataFrame | None, crs: str) -> gpd.GeoDataFrame | None:
    """`frame` in `crs` without empty geometries; None when there is nothing to draw."""
    if frame is None or len(frame) == 0:
        return None
    if _reused is not None:
        hit = _reused.get((id(frame), crs))
        if hit is not None and hit[0] is frame:
            return hit[1]
        result = _projected(frame, crs)
        _reused[(id(frame), crs)] = (frame, result)
        return result
    return _projected(frame, crs)


def _projected(frame: gpd.GeoDataFrame, crs: str) -> gpd.GeoDataFrame | None:
    frame = frame[~(frame.geometry.isna() | frame.geometry.is_empty)]
    if len(frame) == 0:
        return None
    if frame.crs is not None and frame.crs == crs:
        return frame
    return frame.to_crs(crs) if frame.crs is not None else frame.set_crs("EPSG:4326").to_crs(crs)


def in_view(frame: gpd.GeoDataFrame, view: tuple[float, ...] | None) -> np.ndarray:
    """
    Which rows of `frame` have a box that meets `view` (minx, miny, maxx, maxy) widened
    by `VIEW_MARGIN`; every row when `view` is None.

    Examples
    --------
    >>> frame = gpd.GeoDataFrame(geometry=[shapely.box(0, 0, 1, 1), shapely.box(5, 5, 6, 6)])
    >>> in_view(frame, (0, 0, 2, 2)).tolist()
    [True, False]
    """
    mask = np.zeros(len(frame), dtype=bool)
    if view is None:
        mask[:] = True
        return mask
    minx, miny, maxx, maxy = view
    pad = max(maxx - minx, maxy - miny) * VIEW_MARGIN
    mask[frame.sindex.query(shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad))] = True
    return mask


def draw_polygons(ax: Axes, geometries: Iterable[Any], *, lone: bool = True,
                  **style: Any) -> PatchCollection:
    """
    Add (multi)polygons to `ax` as one collection: each normalized ring a closed path,
    holes by their winding, as GeoPandas draws them, without its per-call set-up. `lone`: False
    when the geometries are part of a larger layer (drawn as that layer would be).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> len(draw_polygons(ax, [shapely.box(0, 0, 1, 1)], facecolor="none").get_paths())
    1
    """
    patches = []
    for geometry in shapely.normalize(np.asarray(geometries, dtype=object)):
        parts = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
        rings = [ring for part in parts for ring in (part.exterior, *part.interiors)]
        patches.append(PathPatch(Path.make_compound_path(
            *(Path(np.asarray(ring.coords)[:, :2], closed=True) for ring in rings))))
    return _add(ax, PatchCollection(patches, **style), lone)


def draw_lines(ax: Axes, geometries: Iterable[Any], *, lone: bool = True,
               **style: Any) -> LineCollection:
    """
    Add (multi)lines to `ax` as one collection of their normalized parts, as GeoPandas
    draws them (`lone` as in `draw_polygons`).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> line = shapely.MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 3)]])
    >>> len(draw_lines(ax, [line], color="black").get_segments())
    2
    """
    parts = shapely.get_parts(shapely.normalize(np.asarray(geometries, dtype=object)))
    return _add(ax, LineCollection([np.asarray(line.coords)[:, :2] for line in parts], **style),
                lone)


def _add(ax: Axes, collection: Any, lone: bool) -> Any:
    # matplotlib draws a collection of one plain path as a marker, moved to whole pixels;
    # one feature shown of a layer of many is drawn as it was in the whole layer
    if not lone and len(collection.get_paths()) == 1:
        collection.set_antialiased(np.repeat(collection.get_antialiased(), 2))
    ax.add_collection(collection)
    return collection


def draw_frame(ax: Axes, frame: gpd.GeoDataFrame, style: dict[str, Any], *, zorder: float,
               linewidth_factor: float = 1.0, of: np.ndarray | None = None,
               shown: np.ndarray | None = None) -> None:
    """Draw polygons, lines and points of `frame` with one style-table entry: the rows `of`
    a category (default all), and of those the rows `shown` (default all)."""
    mpl = styles.matplotlib(style)
    width = mpl["linewidth"] * linewidth_factor
    geometries = np.asarray(frame.geometry.array)
    kinds = shapely.get_type_id(geometries)
    kinds_shown = [np.isin(kinds, k) for k in (POLYGON_IDS, LINE_IDS, POINT_IDS)]
    if of is not None:
        kinds_shown = [mask & of for mask in kinds_shown]
    lone = [mask.sum() <= 1 for mask in kinds_shown]
    if shown is not None:
        kinds_shown = [mask & shown for mask in kinds_shown]
    polygons, lines, points = (geometries[mask] for mask in kinds_shown)
    if len(polygons):
        draw_polygons(ax, polygons, zorder=zorder, lone=lone[0], **{**mpl, "linewidth": width})
    if len(lines):
        draw_lines(ax, lines, zorder=zorder, lone=lone[1], color=mpl["edgecolor"],
                   linewidth=max(width, 0.8), linestyle=mpl.get("linestyle", "-"),
                   alpha=style.get("opacity", 1.0))
    if len(points):
        pts = shapely.point_on_surface(points)
        radius = float(style.get("radius", 5))
        ax.scatter(shapely.get_x(pts), shapely.get_y(pts), s=(radius * 0.9) ** 2, zorder=zorder,
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
    """The legend category of each site, in row order (worked out once per atlas)."""
    if _reused is not None:
        hit = _reused.get((id(sites), "categories"))
        if hit is not None and hit[0] is sites:
            return hit[1]
    categories = [styles.site_category(row) for row in sites.drop(columns=sites.geometry.name)
                  .to_dict("records")]
    if _reused is not None:
        _reused[(id(sites), "categories")] = (sites, categories)
    return categories


def draw_analysis(ax: Axes, analysis: Any, *, lang: str, route_ids: Iterable[str] | None = None,
                  highlight: str | None = None,
                  view: tuple[float, ...] | None = None) -> list[Artist]:
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
    view
        The frame the axes will show (minx, miny, maxx, maxy in ``analysis.crs``): only
        features that reach into it are drawn. The legend lists every layer all the same.
    """
    crs, layers, handles = analysis.crs, analysis.layers, []

    def layer(frame, style, label, zorder, handle, mask=None, of=None):
        frame = projected(frame, crs)
        if frame is None:
            return None
        shown = in_view(frame, view) if mask is None else mask
        if (shown if of is None else shown & of).any():
            draw_frame(ax, frame, style, zorder=zorder, of=of, shown=shown)
        handles.append(handle(style, label))
        return frame

    layer(layers.get("boundary"), styles.LAYER_STYLES["boundary"], t("layer_boundary", lang),
          2, _line)
    layer(layers.get("licenses"), styles.LAYER_STYLES["licenses"], t("layer_licenses", lang),
          3, _patch)
    for kind in ("reclamation", "restricted"):
        layer(layers.get(kind), styles.LAYER_STYLES[kind], t(f"layer_{kind}", lang), 3.5, _patch)
    exclusions = projected(analysis.exclusions, crs)
    if exclusions is not None:
        shown = in_view(exclusions, view)
        for kind, style in styles.EXCLUSION_STYLES.items():
            of_kind = (exclusions["kind"] == kind).to_numpy()
            if of_kind.any():
                layer(exclusions, style, t(kind, lang), 4, _patch, mask=shown, of=of_kind)
    layer(layers.get("rivers"), styles.LAYER_STYLES["rivers"], t("layer_rivers", lang), 5, _line)
    layer(layers.get("roads"), styles.LAYER_STYLES["roads"], t("layer_roads", lang), 5.5, _line)
    sites = projected(analysis.sites, crs)
    if sites is not None:
        categories = np.array(site_categories(sites), dtype=object)
        shown = in_view(sites, view)
        for category, style in styles.site_styles().items():
            of_category = categories == category
            if of_category.any():
                layer(sites, style, t(category, lang), 6, _patch, mask=shown, of=of_category)
        if highlight is not None:
            draw_polygons(ax, sites.geometry.values[(sites["site_id"] == highlight).to_numpy()],
                          facecolor="none", zorder=7.8, edgecolor="black", linewidth=2.2)
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
        chosen = routes
        if route_ids is not None:
            chosen = routes[routes["site_id"].isin(list(route_ids))]
        else:  # the eligible sites' routes; every route when no site is eligible
            eligible = analysis.sites.loc[analysis.sites["eligible"].fillna(False).astype(bool),
                                          "site_id"]
            if routes["site_id"].isin(list(eligible)).any():
                chosen = routes[routes["site_id"].isin(list(eligible))]
        layer(chosen, styles.LAYER_STYLES["routes"], t("layer_routes", lang), 8, _line)
    layer(layers.get("posts"), styles.LAYER_STYLES["posts"], t("layer_posts", lang), 9, _marker)
    settlements = layer(layers.get("settlements"), styles.LAYER_STYLES["settlements"],
                        t("layer_settlements", lang), 9, _marker)
    if settlements is not None and "is_base" in settlements:
        base = settlements[settlements["is_base"].fillna(False).astype(bool).to_numpy()]
        if len(base):  # where every route starts: a star, named in the legend
            ax.scatter(base.geometry.x, base.geometry.y, marker="*", s=160, c="#ffd400",
                       edgecolors="black", linewidths=0.8, zorder=9.5)
            handles.append(Line2D([], [], linestyle="none", marker="*", markersize=11,
                                  markerfacecolor="#ffd400", markeredgecolor="black",
                                  label=t("route_base", lang)))
    return handles

