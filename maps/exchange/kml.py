"""KML and KMZ for Google Earth, OsmAnd, Organic Maps and Mapeo.

The XML is built with ElementTree, so every attribute value is escaped once for XML;
descriptions are HTML (as KML balloons are): the pieces and rows of the interactive
map's popups (`maps.web.popups`), every value HTML-escaped there, so a hostile name
shows as text in the balloon. One Folder per layer, one
Style per layer or legend category with the colours of the maps (KML writes colours
as ``aabbggrr``), placemark names that people read (site id and name), and every
attribute kept as ExtendedData so that GDAL reads the ids back.
"""

from __future__ import annotations

import html
import math
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo.rules import Rules
from asmap.layers.atomic import atomic_path
from asmap.layers.specs import SPECS
from asmap.maps.exchange.qgis import layer_styles
from asmap.maps.i18n import t
from asmap.maps.web.popups import layer_popup_pieces, rows, rows_html, site_popup_pieces

KML_NS = "http://www.opengis.net/kml/2.2"
ICON = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
#: (layer, column) -> prefix of the label key of its values.
VALUE_KEYS = {"stage": "stage", "authority": "authority", "status": "status",
              ("licenses", "kind"): "kind", ("restricted", "kind"): "zone",
              ("conflicts", "kind_a"): "kind", ("conflicts", "kind_b"): "kind"}
HIDDEN = {"category", "reasons", "notes", "unchecked", "eligible"}


def kml_colour(hex_colour: str, opacity: float = 1.0) -> str:
    """
    A ``#rrggbb`` colour and an opacity as KML's ``aabbggrr``.

    Examples
    --------
    >>> kml_colour("#0072B2", 0.5)
    '80b27200'
    """
    h = hex_colour.lstrip("#").lower()
    return f"{round(255 * opacity):02x}{h[4:6]}{h[2:4]}{h[0:2]}"


def _style(doc: ET.Element, style_id: str, style: Mapping[str, Any], geometry: str) -> None:
    element = ET.SubElement(doc, "Style", id=style_id)
    colour = style.get("color", "#000000")
    if geometry == "point":
        icon = ET.SubElement(element, "IconStyle")
        ET.SubElement(icon, "color").text = kml_colour(style.get("fillColor", colour))
        ET.SubElement(icon, "scale").text = f"{float(style.get('radius', 6)) / 7:.2f}"
        ET.SubElement(ET.SubElement(icon, "Icon"), "href").text = ICON
        return
    line = ET.SubElement(element, "LineStyle")
    ET.SubElement(line, "color").text = kml_colour(colour, float(style.get("opacity", 1)))
    ET.SubElement(line, "width").text = f"{float(style.get('weight', 1)):g}"
    if geometry == "polygon":
        poly = ET.SubElement(element, "PolyStyle")
        filled = bool(style.get("fill", True)) and "fillColor" in style
        ET.SubElement(poly, "color").text = kml_colour(
            style.get("fillColor", colour), float(style.get("fillOpacity", 0.2)) if filled else 0)
        ET.SubElement(poly, "fill").text = "1" if filled else "0"
        ET.SubElement(poly, "outline").text = "1"


def _text(value: object, *, layer: str = "", column: str = "", lang: str = "mn") -> str | None:
    """A value as people read it, or None when empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    prefix = VALUE_KEYS.get((layer, column)) or VALUE_KEYS.get(column)
    if isinstance(prefix, str) and f"{prefix}_{text}" in _labels():
        return t(f"{prefix}_{text}", lang)
    return text


def _labels() -> dict[str, Any]:
    from asmap.maps.i18n import LABELS

    return LABELS


def description(layer: str, record: Mapping[str, Any], *, lang: str = "mn",
                rules: Any = None) -> str:
    """
    The balloon of a placemark: the popup of the interactive map as HTML.

    A site gets its verdict and reasons explained and its table, exactly as in the map's
    popup; a feature of another layer its popup explanation and every attribute.
    """
    record = {k: v for k, v in record.items() if k not in ("category", "geometry")}
    if layer == "sites":
        _, pieces, pairs = site_popup_pieces(record, rules=rules or Rules(), lang=lang)
    else:
        _, pieces, _ = layer_popup_pieces(layer, record, lang=lang)
        pairs = rows(record, [c for c in record if c not in HIDDEN], lang=lang, kind=layer)
    return "".join(pieces) + rows_html(pairs, lang=lang)


def placemark_name(layer: str, record: Mapping[str, Any], *, lang: str = "mn") -> str:
    """A name people read: the id and the name (``ZT-01 Их хаягдал``)."""
    value = {k: _text(v) or "" for k, v in record.items() if k != "geometry"}
    if layer == "exclusions":
        return t(value.get("kind", ""), lang)
    if layer == "conflicts":
        return t("conflict_title", lang, a=value.get("license_id_a"), b=value.get("license_id_b"))
    if layer == "routes":
        return t("route_to", lang, site=value.get("site_id"))
    if layer == "eligible_parts":
        return t("workable_part_of", lang, site=value.get("site_id"))
    spec = SPECS.get("tailings" if layer == "sites" else layer)
    key = spec.id_column if spec and spec.id_column else "road_id" if layer == "roads" else None
    parts = [value.get(key or "", ""), value.get("name") or value.get("holder", "")]
    return " ".join(p for p in parts if p) or t(f"layer_{layer}", lang)


def _coords(geometry: shapely.Geometry) -> str:
    return " ".join(f"{x:.7f},{y:.7f}" for x, y in shapely.get_coordinates(geometry))


def _geometry(parent: ET.Element, geometry: shapely.Geometry) -> None:
    kind = geometry.geom_type
    if kind.startswith("Multi") or kind == "GeometryCollection":
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in shapely.get_parts(geometry):
            _geometry(multi, part)
    elif kind == "Point":
        ET.SubElement(ET.SubElement(parent, "Point"), "coordinates").text = _coords(geometry)
    elif kind == "LineString":
        line = ET.SubElement(parent, "LineString")
        ET.SubElement(line, "tessellate").text = "1"
        ET.SubElement(line, "coordinates").text = _coords(geometry)
    elif kind == "Polygon":
        polygon = ET.SubElement(parent, "Polygon")
        for tag, ring in [("outerBoundaryIs", geometry.exterior),
                          *[("innerBoundaryIs", r) for r in geometry.interiors]]:
            boundary = ET.SubElement(ET.SubElement(polygon, tag), "LinearRing")
            ET.SubElement(boundary, "coordinates").text = _coords(ring)


def family(frame: gpd.GeoDataFrame) -> str:
    """``point``, ``line`` or ``polygon``: the geometry most features of `frame` have."""
    types = frame.geometry.dropna().geom_type.str.replace("Multi", "")
    common = types.mode().iloc[0] if len(types) else "Polygon"
    return {"Point": "point", "LineString": "line"}.get(common, "polygon")


def kml_document(layers: Mapping[str, gpd.GeoDataFrame], *, lang: str = "mn",
                 rules: Any = None, title: str = "asmap",
                 photos: Mapping[str, str] | None = None) -> ET.Element:
    """The KML tree: a Document with the styles and one Folder per layer; `photos` maps
    a photo name to its file in the KMZ, shown in the balloon of its feature."""
    root = ET.Element("kml", xmlns=KML_NS)
    doc = ET.SubElement(root, "Document")
    ET.SubElement(doc, "name").text = title
    for name, frame in layers.items():  # styles come before every folder in KML
        for value, style in layer_styles(name)[1].items():
            _style(doc, f"{name}-{value}" if value else name, style, family(frame))
    for name, frame in layers.items():
        attr, styles = layer_styles(name)
        folder = ET.SubElement(doc, "Folder", id=name)
        ET.SubElement(folder, "name").text = t(f"layer_{name}", lang)
        for record in frame.to_dict("records"):
            geom = record.get(frame.geometry.name)
            if geom is None or geom.is_empty:
                continue
            mark = ET.SubElement(folder, "Placemark")
            ET.SubElement(mark, "name").text = placemark_name(name, record, lang=lang)
            ET.SubElement(mark, "description").text = _photo_html(record, photos) + \
                description(name, record, lang=lang, rules=rules)
            value = record.get(attr) if attr else None
            ET.SubElement(mark, "styleUrl").text = (
                f"#{name}-{value}" if value in styles else f"#{name}" if not attr
                else f"#{name}-{next(iter(styles))}")
            data = ET.SubElement(mark, "ExtendedData")
            for column, cell in record.items():
                text = _text(cell) if not isinstance(cell, bool) else str(cell).lower()
                if column != frame.geometry.name and text is not None:
                    text = str(cell) if isinstance(cell, float) else text
                    ET.SubElement(ET.SubElement(data, "Data", name=column), "value").text = text
            _geometry(mark, geom)
    return root


def write_kml(layers: Mapping[str, gpd.GeoDataFrame], out: str | Path, *, lang: str = "mn",
              rules: Any = None, kmz: bool = False, media: str | Path | None = None) -> Path:
    """Write `layers` (EPSG:4326) as a KML file, or a KMZ (a zip holding ``doc.kml`` and,
    with `media` the project folder, the photos as small JPEGs with no EXIF in ``files/``)."""
    files = _photo_files(layers, Path(media)) if kmz and media is not None else {}
    hrefs = {name: f"files/{target}" for name, (target, _) in files.items()}
    tree = ET.ElementTree(kml_document(layers, lang=lang, rules=rules, photos=hrefs))
    ET.indent(tree)
    with atomic_path(out) as tmp:
        if kmz:
            body = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("doc.kml", body)
                for target, data in files.values():
                    archive.writestr(f"files/{target}", data)
        else:
            tree.write(tmp, encoding="utf-8", xml_declaration=True)
    return Path(out)


# --- photos in a KMZ (issue 18) ---------------------------------------------------------
def _photo_files(layers: Mapping[str, gpd.GeoDataFrame], media: Path
                 ) -> dict[str, tuple[str, bytes]]:
    """Photo name -> (file name in the KMZ, JPEG bytes without EXIF), for found images."""
    from asmap.layers.media import find, is_image, names
    from asmap.maps.media import thumbnail

    out: dict[str, tuple[str, bytes]] = {}
    for frame in layers.values():
        if "photo" not in frame:
            continue
        for value in frame["photo"]:
            for name in names(value):
                path = find(media, name)
                if name in out or path is None or not is_image(path):
                    continue
                out[name] = (f"{len(out) + 1:03d}-{path.stem}.jpg", thumbnail(path))
    return out


def _photo_html(record: Mapping[str, Any], photos: Mapping[str, str] | None) -> str:
    """``<img>`` tags of a placemark's photos that are in the KMZ (names escaped)."""
    if not photos:
        return ""
    from asmap.layers.media import names

    return "".join(f'<img src="{html.escape(photos[n], quote=True)}" width="240"><br>'
                   for n in names(record.get("photo")) if n in photos)
