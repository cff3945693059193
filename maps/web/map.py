"""The interactive site map: one Folium page, online or fully offline, in Mongolian or English.

One GeoJSON per layer carries only what the map shows (a style key, escaped popup and
tooltip HTML, coordinates rounded to 6 decimals, about 0.1 m); the drawing, popups and
tools are asmap's own small script (``maps/assets/asmap.js``), so the online and the
offline page run the same code.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import numpy as np

import folium
import geopandas as gpd
import shapely

from asmap.geo.crs import utm_crs_for
from asmap.geo.result import Analysis
from asmap.geo.schema import codes, site_categories, site_category, verdict
from asmap.geo.sharing import apply_profile, without_photos
from asmap.layers.atomic import write_text_atomic
from asmap.maps.i18n import t
from asmap.maps.media import PHOTO_MB, PhotoBudget
from asmap.maps.provenance import needs_osm_credit
from asmap.maps.styles import (
    AGREEMENT_STYLES,
    CHANGES_STYLE,
    EXCLUSION_STYLES,
    LAYER_STYLES,
    category_style,
    leaflet,
    site_styles,
)
from asmap.maps.tiles import BASEMAPS
from asmap.maps.web import elements, legend, popups
from asmap.maps.web.compact import PRECISION, StringTable, encode_geometries, shared_segments
from asmap.maps.web.offline import plain_tile

#: Input and result layers drawn from the bottom up (sites and points on top).
DRAW_ORDER = ("boundary", "licenses", "conflicts", "exclusions", "reclamation", "restricted",
              "rivers", "roads", "routes", "agreements", "sites", "eligible_parts", "posts",
              "settlements")
#: Result layers (attributes of `Analysis`); the rest are input layers.
RESULT_LAYERS = ("sites", "eligible_parts", "exclusions", "routes", "conflicts", "agreements")
#: Layers with more features than this are drawn on a canvas, not as SVG paths.
CANVAS_FROM = 2000
#: On big maps, sites smaller than this many pixels at the current zoom are drawn as dots.
DOT_PIXELS = 5
#: On small maps, every site also has a dot of this radius (px) over it below that zoom.
SMALL_DOT_RADIUS = 5
#: The mini-map shows at most one site dot per cell of a grid this many cells wide.
MINIMAP_CELLS = 75


class AsmapMap(folium.Map):
    """A Folium map that loads only Leaflet (by `elements.Assets`), not Folium's CDN extras."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_js: list[tuple[str, str]] = []
        self.default_css: list[tuple[str, str]] = []


def _round(geoms: np.ndarray) -> np.ndarray:
    return shapely.transform(geoms, lambda xy: np.round(xy, PRECISION))


def _rows(frame: Any) -> list[dict[str, Any]]:
    return frame.drop(columns=frame.geometry.name).to_dict("records")


def _label_point(geom: Any) -> list[float] | None:
    if geom is None or shapely.is_empty(geom):
        return None
    point = shapely.point_on_surface(geom)
    return [round(point.y, PRECISION), round(point.x, PRECISION)]


class FieldTable:
    """Field names numbered once per layer, so popups carry numbers instead of labels."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def number(self, field: str) -> int:
        """The number of `field` (a new one for a field not seen before)."""
        return self.index.setdefault(field, len(self.index))

    def labels(self, lang: str) -> list[str]:
        """The escaped label of each field number."""
        return [escape(t(field, lang)) for field in self.index]


def layer_data(frame: Any, features: list[dict[str, Any]], fields: FieldTable
               ) -> dict[str, Any]:
    """
    The compact data of one layer for ``asmap.vectorLayer``: features and string table.

    Each feature dict may hold ``h`` (escaped title), ``p`` (escaped heading pieces),
    ``rows`` (``(field, escaped value)`` pairs) and ``t`` (tooltip pieces after the
    title); pieces and values used more than once go to the table (`compact.StringTable`),
    rows become ``[field number, value, ...]`` and the geometry ``g`` is encoded
    (`compact.encode_geometries`). Features without geometry are left out.
    """
    table = StringTable()
    for feature in features:
        table.count([*feature.get("p", ()), *feature.get("t", ()),
                     *(value for _, value in feature.get("rows", ()))])
    geoms = encode_geometries(np.asarray(frame.geometry.values, dtype=object))
    out = []
    for feature, geom in zip(features, geoms, strict=True):
        if geom is None:
            continue
        packed = {k: v for k, v in feature.items() if k not in ("p", "t", "rows")}
        packed["p"] = table.refs(feature.get("p", ()))
        packed["t"] = table.refs(feature.get("t", ()))
        packed["f"] = [item for field, value in feature.get("rows", ())
                       for item in (fields.number(field), table.ref(value))]
        packed["g"] = geom
        out.append({k: v for k, v in packed.items() if v not in ("", [], None)})
    return {"s": table.strings(), "features": out}


def _site_layer(analysis: Analysis, lang: str, table: FieldTable,
                photos: PhotoBudget | None = None) -> tuple[dict[str, Any], list[list[str]]]:
    features, index = [], []
    for row, geom in zip(_rows(analysis.sites), analysis.sites.geometry.values, strict=True):
        site_id = "" if popups.is_missing(row.get("site_id")) else str(row["site_id"])
        title, pieces, pairs = popups.site_popup_pieces(row, rules=analysis.rules, lang=lang)
        pieces = _with_photos(pieces, row, photos)
        said = escape(": " + t(verdict(row), lang))
        features.append({"c": site_category(row), "id": site_id, "h": title, "p": pieces,
                         "rows": pairs, "t": [said]})
        features[-1]["d"] = _label_point(geom)  # its dot at low zooms (over it, small maps)
        name = "" if popups.is_missing(row.get("name")) else str(row["name"])
        index.append([escape(site_id), escape(name)])
    return layer_data(analysis.sites, features, table), index


def _parts_layer(analysis: Analysis, lang: str) -> dict[str, Any]:
    features = []
    for row in _rows(analysis.eligible_parts):
        title = t("workable_part_of", lang, site=str(row.get("site_id", "")))
        features.append({"ref": str(row.get("site_id", "")), "h": escape(title)})
    return layer_data(analysis.eligible_parts, features, FieldTable())


def _plain_layer(kind: str, frame: Any, lang: str, table: FieldTable, *, labels: bool = False,
                 radius_m: float | None = None,
                 photos: PhotoBudget | None = None) -> dict[str, Any]:
    features = []
    for row, geom in zip(_rows(frame), frame.geometry.values, strict=True):
        title, pieces, pairs = popups.layer_popup_pieces(kind, row, lang=lang)
        pieces = _with_photos(pieces, row, photos)
        feature: dict[str, Any] = {"c": _style_key(kind, row), "h": title, "p": pieces,
                                   "rows": pairs}
        if labels and not popups.is_missing(row.get("holder")):
            feature["l"] = f"<span>{escape(str(row['holder']))}</span>"
            feature["lp"] = _label_point(geom)
        if radius_m is not None:
            radius = row.get("radius_m")
            feature["r"] = float(radius_m if popups.is_missing(radius) else radius)
        features.append(feature)
    return layer_data(frame, features, table)


def _with_photos(pieces: list[str], row: dict[str, Any], photos: PhotoBudget | None
                 ) -> list[str]:
    """The popup pieces with the feature's photos as embedded thumbnails after the first."""
    html = photos.html(row.get("photo")) if photos is not None and "photo" in row else ""
    return [*pieces[:1], html, *pieces[1:]] if html else pieces


def _agreements_layer(analysis: Analysis, lang: str, table: FieldTable,
                      photos: PhotoBudget | None = None) -> dict[str, Any]:
    """The agreements by status, each check explained in words (issue 14), with photos."""
    from asmap.maps.agreements import check_lines

    features = []
    for row in _rows(analysis.agreements):
        title, pieces, pairs = popups.layer_popup_pieces("agreements", row, lang=lang)
        checks = "".join(f"<li>{escape(line)}</li>"
                         for line in check_lines(row, analysis.sites, lang=lang))
        features.append({"c": _style_key("agreements", row), "h": title,
                         "p": [*_with_photos(pieces, row, photos), f"<ul>{checks}</ul>"],
                         "rows": pairs})
    return layer_data(analysis.agreements, features, table)


def _network_layer(routes: Any, lang: str) -> dict[str, Any]:
    """All routes as one feature of shared segments (`compact.shared_segments`)."""
    network = gpd.GeoDataFrame(geometry=[shared_segments(routes.geometry.values)],
                               crs=routes.crs)
    feature = {"h": escape(t("layer_routes", lang)),
               "p": [f"<p>{escape(t('routes_network_note', lang))}</p>"]}
    return layer_data(network, [feature], FieldTable())


def _style_key(kind: str, row: dict[str, Any]) -> str:
    if kind == "exclusions":
        return str(row.get("kind", ""))
    if kind == "agreements":
        return str(row.get("status", ""))
    if kind == "settlements" and bool(row.get("is_base")) and row.get("is_base") == row.get(
            "is_base"):
        return "base"
    return ""


def _styles(kind: str) -> dict[str, Any]:
    if kind == "sites":
        return {c: leaflet(style) for c, style in site_styles().items()}
    if kind == "exclusions":
        return {k: leaflet(s) for k, s in EXCLUSION_STYLES.items()}
    if kind == "agreements":  # issue 14: by status
        return {"": leaflet(LAYER_STYLES[kind]),
                **{k: leaflet(s) for k, s in AGREEMENT_STYLES.items()}}
    style = LAYER_STYLES[kind]
    out = {"": {**leaflet(style), **({"radius": style["radius"]} if "radius" in style else {})}}
    if kind == "settlements":
        out["base"] = {**out[""], "radius": style.get("radius", 6) + 3, "weight": 3}
    return out


def _layers(analysis: Analysis) -> dict[str, Any]:
    """Every non-empty layer to draw, by name, in draw order."""
    found = {name: getattr(analysis, name) for name in RESULT_LAYERS}
    found.update({k: v for k, v in analysis.layers.items() if k not in ("tailings",)})
    return {name: found[name] for name in DRAW_ORDER
            if name in found and found[name] is not None and len(found[name])}


def _exclusion_kinds(frame: Any) -> list[str]:
    kinds = [str(k) for k in frame["kind"].dropna().unique()] if "kind" in frame else []
    order = codes("note")
    return sorted(kinds, key=lambda k: order.index(k) if k in order else 99)


def _thinned(points: np.ndarray, categories: list[str], cells: int) -> np.ndarray:
    """Indices of one point per cell of a `cells` x `cells` grid, eligible sites first."""
    xy = shapely.get_coordinates(points)
    low, span = xy.min(axis=0), np.ptp(xy, axis=0).max() or 1.0
    cell = np.floor((xy - low) / span * (cells - 1e-9)).astype(np.int64)
    order = site_categories()
    rank = np.array([order.index(c) if c in order else len(order) for c in categories])
    order = np.argsort(rank, kind="stable")
    _, first = np.unique(cell[order, 0] * cells + cell[order, 1], return_index=True)
    return np.sort(order[first])


def _outline(drawn: dict[str, Any]) -> dict[str, Any]:
    """Small data for the mini-map: the boundary (simplified) and site dots, one per cell."""
    features = []
    if "boundary" in drawn:
        geoms = _round(shapely.simplify(np.asarray(drawn["boundary"].geometry.values), 0.002))
        features += [{"type": "Feature", "properties": {"k": "#333333"},
                      "geometry": shapely.geometry.mapping(g)} for g in geoms if g is not None]
    if "sites" in drawn:
        sites = drawn["sites"][~(drawn["sites"].geometry.isna() | drawn["sites"].is_empty)]
        points = _round(shapely.point_on_surface(np.asarray(sites.geometry.values)))
        categories = [site_category(r) for r in _rows(sites)]
        keep = _thinned(points, categories, MINIMAP_CELLS) if len(points) else []
        features += [{"type": "Feature", "properties": {
            "k": category_style(categories[i])["fillColor"]},
            "geometry": shapely.geometry.mapping(points[i])} for i in keep]
    return {"type": "FeatureCollection", "features": features}


def _basemaps(fmap: folium.Map, *, lang: str, offline: bool,
              local: folium.map.Layer | None = None) -> None:
    """The base layers: a local basemap first and selected, else plain (offline) or OSM."""
    plain = folium.TileLayer(plain_tile(), attr="asmap", name=t("basemap_plain", lang),
                             show=offline and local is None, max_zoom=22)
    # an offline page loads no tile until the user picks an online basemap, named so
    online = (lambda key: t("basemap_online", lang, name=t(key, lang))) if offline else (
        lambda key: t(key, lang))
    osm = folium.TileLayer(BASEMAPS["osm"], name=online("basemap_osm"),
                           show=not offline and local is None)
    sat = folium.TileLayer(BASEMAPS["satellite"], name=online("basemap_satellite"),
                           show=False)
    layers = (plain, osm, sat) if offline else (osm, sat, plain)
    for layer in ((local, *layers) if local is not None else layers):
        layer.add_to(fmap)


def _local_basemap(analysis: Analysis, basemap: str | Path | bool | None, *, lang: str,
                   budget_mb: float) -> folium.map.Layer | None:
    """The embedded MBTiles layer (`maps.basemap.web`), or None for no local basemap."""
    from asmap.maps.basemap.mbtiles import resolve_basemap

    path = resolve_basemap(basemap, analysis.folder)
    if path is None:
        return None
    from asmap.maps.basemap.web import basemap_layer

    return basemap_layer(path, {**analysis.layers, "sites": analysis.sites}, analysis.sites,
                         lang=lang, budget_mb=budget_mb)


def site_map(analysis: Analysis, *, lang: str = "mn", offline: bool = False,
             profile: str = "internal", media: str | Path | None = None,
             photos: bool = True, photo_mb: float = PHOTO_MB, changes: Any = None,
             basemap: str | Path | bool | None = None, basemap_mb: float = 15.0) -> folium.Map:
    """
    The interactive map of an analysis: every layer, legend, title block and tools.

    Parameters
    ----------
    analysis
        The result of `geo.analyze` (or `geo.read_results`).
    lang
        ``mn`` (default) or ``en``: every visible string.
    offline
        Inline Leaflet so the page needs no network; the plain background is the default
        basemap (tiles still load when a connection exists).
    profile
        ``internal`` keeps every column in popups; ``public`` only public ones (photos of
        the ground are public).
    media
        The project folder the ``photo`` names are relative to; None: no thumbnails.
    photos
        False leaves every photo out (the thumbnails and the ``photo`` column).
    photo_mb
        Most megabytes of thumbnails to embed; past it the rest are left out and an
        `AsmapWarning` says how many.
    changes
        What `geo.compare` returned for an earlier analysis and this one: adds a
        "changes" layer (off until ticked) outlining the changed sites, the changes in
        their popups. None: no such layer.
    basemap
        An MBTiles file to embed as the first, selected base layer; False for none; None
        (default) for the project folder's ``basemap.mbtiles`` when it has one.
    basemap_mb
        MB of basemap tiles to embed over the soum (see `maps.basemap.web.embed_tiles`).

    Returns
    -------
    folium.Map
        Displays inline in Jupyter; `write_map` writes it to a file.

    Examples
    --------
    >>> m = site_map(geo.analyze(layers.load(layers.sample_path())), lang="en")  # doctest: +SKIP
    """
    analysis = apply_profile(analysis, profile)
    analysis = analysis if photos else without_photos(analysis)
    budget = PhotoBudget(Path(media), photo_mb) if photos and media is not None else None
    drawn = _layers(analysis)
    fmap = AsmapMap(location=[48.2, 104.8], zoom_start=10, tiles=None, max_zoom=22)
    fmap.add_child(elements.Assets(offline=offline))
    _basemaps(fmap, lang=lang, offline=offline,
              local=_local_basemap(analysis, basemap, lang=lang, budget_mb=basemap_mb))
    sites_table = FieldTable()
    sites_data, index = (_site_layer(analysis, lang, sites_table, budget) if "sites" in drawn
                         else (None, []))
    for name, frame in drawn.items():
        _add_layer(fmap, name, frame, analysis, lang, (sites_data, sites_table), budget)
    if budget is not None:
        budget.warn()
    if changes is not None and len(changes):
        _add_changes(fmap, analysis, changes, lang)
    folium.LayerControl(position="topright", collapsed=True).add_to(fmap)
    _add_tools(fmap, analysis, drawn, index, lang=lang, profile=profile)
    bounds = _bounds(drawn)
    if bounds is not None:
        fmap.fit_bounds(bounds)
    return fmap


def _dot_zoom(sites: Any) -> int:
    """The first zoom at which the median site spans `DOT_PIXELS` on screen."""
    metres = float(np.median(np.sqrt(sites.to_crs(utm_crs_for(sites)).area)))
    lat = float(np.mean(sites.total_bounds[[1, 3]]))
    per_pixel_at_0 = 156_543.03 * np.cos(np.radians(lat))
    return int(np.clip(np.ceil(np.log2(DOT_PIXELS * per_pixel_at_0 / max(metres, 1.0))), 0, 18))


def _canvas(data: dict[str, Any], big: bool = False) -> bool:
    return big or len(data["features"]) > CANVAS_FROM


def _add_layer(fmap: folium.Map, name: str, frame: Any, analysis: Analysis, lang: str,
               sites: tuple[dict[str, Any] | None, FieldTable],
               photos: PhotoBudget | None = None) -> None:
    table = FieldTable()
    if name == "exclusions":
        for kind in _exclusion_kinds(frame):
            group = folium.FeatureGroup(name=escape(t("exclusion_title", lang, kind=t(kind, lang))))
            data = _plain_layer(name, frame[frame["kind"] == kind], lang, table)
            group.add_child(elements.VectorLayer(data, layer=f"exclusions-{kind.lower()}",
                                                 styles=_styles(name),
                                                 fields=table.labels(lang),
                                                 canvas=_canvas(data, len(analysis.sites)
                                                                > CANVAS_FROM)))
            group.add_to(fmap)
        return
    if name == "sites":
        data, table = sites
    elif name == "eligible_parts":
        data = _parts_layer(analysis, lang)
    elif name == "routes" and len(frame) > CANVAS_FROM:
        data = _network_layer(frame, lang)
    elif name == "agreements":
        data = _agreements_layer(analysis, lang, table, photos)
    else:
        radius = analysis.rules.post_radius_m if name == "posts" else None
        data = _plain_layer(name, frame, lang, table, labels=name == "licenses", radius_m=radius,
                            photos=photos)
    credit = None
    if name == "boundary" and needs_osm_credit(analysis.sources, frame):
        credit = escape(t("osm_credit", lang))
    zones = leaflet(EXCLUSION_STYLES["POST_ZONE"]) if name == "posts" else None
    big = len(analysis.sites) > CANVAS_FROM
    dot_zoom = (_dot_zoom(analysis.sites) if name == "sites" or
                (name == "eligible_parts" and big) else None)
    group = folium.FeatureGroup(name=escape(t(f"layer_{name}", lang)))
    group.add_child(elements.VectorLayer(data, layer=name.replace("_", "-"), styles=_styles(name),
                                         fields=table.labels(lang), register=name == "sites",
                                         zones=zones, attribution=credit,
                                         canvas=_canvas(data, len(analysis.sites) > CANVAS_FROM),
                                         dot_zoom=dot_zoom,
                                         dot_radius=None if big else SMALL_DOT_RADIUS))
    group.add_to(fmap)


def _add_changes(fmap: folium.Map, analysis: Analysis, changes: Any, lang: str) -> None:
    """The "changes" layer (issue 19): changed sites, off by default, changes in popups."""
    from asmap.maps.change_words import change_label, site_popup_rows

    sites = analysis.sites[analysis.sites["site_id"].astype(str).isin(
        set(changes["site_id"].astype(str)))]
    table = FieldTable()
    features = []
    for site_id in sites["site_id"].astype(str):
        mine = changes[changes["site_id"].astype(str) == site_id]
        title = f"{site_id}: " + ", ".join(change_label(c, lang) for c in mine["change"])
        features.append({"h": escape(title), "id": site_id,
                         "rows": [(label, escape(value)) for label, value
                                  in site_popup_rows(changes, site_id, lang=lang)]})
    data = layer_data(sites, features, table)
    group = folium.FeatureGroup(name=escape(t("layer_changes_map", lang)), show=False)
    group.add_child(elements.VectorLayer(data, layer="changes",
                                         styles={"": leaflet(CHANGES_STYLE)},
                                         fields=table.labels(lang)))
    group.add_to(fmap)


def _add_tools(fmap: folium.Map, analysis: Analysis, drawn: dict[str, Any],
               index: list[list[str]], *, lang: str, profile: str) -> None:
    kinds = _exclusion_kinds(drawn["exclusions"]) if "exclusions" in drawn else []
    fmap.add_child(elements.Panel(legend.title_html(analysis, lang=lang, profile=profile),
                                  position="topright", class_name="asmap-title"))
    fmap.add_child(elements.Panel(legend.legend_html(lang=lang, layers=drawn,
                                                     exclusion_kinds=kinds),
                                  position="bottomleft", class_name="asmap-legend"))
    for tool in (elements.Fullscreen(lang=lang), elements.Measure(lang=lang),
                 elements.Search(index, lang=lang), elements.ScaleBar(),
                 elements.MouseCoordinates(lang=lang),
                 elements.MiniMap(_outline(drawn), lang=lang), elements.LabelZoom(12)):
        fmap.add_child(tool)


def _bounds(drawn: dict[str, Any]) -> list[list[float]] | None:
    boxes = [frame.total_bounds for name, frame in drawn.items()
             if name in ("sites", "boundary", "licenses", "posts", "settlements")]
    boxes = [b for b in boxes if np.all(np.isfinite(b))]
    if not boxes:
        return None
    stack = np.vstack(boxes)
    south, west = stack[:, 1].min(), stack[:, 0].min()
    north, east = stack[:, 3].max(), stack[:, 2].max()
    return [[round(float(south), PRECISION), round(float(west), PRECISION)],
            [round(float(north), PRECISION), round(float(east), PRECISION)]]


def render_html(fmap: folium.Map) -> str:
    """The whole page of a map as HTML text."""
    return fmap.get_root().render()


def write_map(analysis: Analysis, out: str | Path, *, lang: str = "mn", offline: bool = False,
              profile: str = "internal", media: str | Path | None = None,
              photos: bool = True, photo_mb: float = PHOTO_MB, changes: Any = None,
              basemap: str | Path | bool | None = None, basemap_mb: float = 15.0) -> Path:
    """
    Write the interactive map to one HTML file (atomically) and return its path.

    Parameters
    ----------
    analysis
        The result of `geo.analyze` (or `geo.read_results`).
    out
        The ``.html`` file to write; missing folders are made. The file appears only once
        complete, so a failure leaves nothing half-written.
    lang
        ``mn`` (default) or ``en``: every visible string.
    offline
        Inline Leaflet and the tools so the file opens with no network at all (for a
        laptop at the negotiating table); the plain background is the basemap.
    profile
        ``internal`` keeps every column in popups; ``public`` only public ones.
    media, photos, photo_mb
        Photo thumbnails in the popups (see `site_map`).
    changes
        As for `site_map`: a "changes" layer of what `geo.compare` found.
    basemap, basemap_mb
        The local basemap to embed and its budget, as for `site_map`: the file's tiles
        over the soum, and the finest around each eligible site, go into the page.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> analysis = geo.analyze(layers.load(layers.sample_path()))  # doctest: +SKIP
    >>> write_map(analysis, "out/map.html", lang="en", offline=True)  # doctest: +SKIP
    PosixPath('out/map.html')
    """
    html = render_html(site_map(analysis, lang=lang, offline=offline, profile=profile,
                                media=media, photos=photos, photo_mb=photo_mb,
                                changes=changes, basemap=basemap, basemap_mb=basemap_mb))
    return write_text_atomic(out, html)


__all__ = ["AsmapMap", "render_html", "site_map", "write_map"]
