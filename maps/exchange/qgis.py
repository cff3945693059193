"""QGIS styles (QML and SLD) generated from the one style table in `maps.styles`.

Each exported layer gets a style: sites are categorized by their legend category
(``category`` column), exclusion zones by ``kind``, every other layer has a single
symbol. Widths and dashes stay in screen pixels, as on the interactive map; a print
hatch becomes a second, hatched fill layer.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from asmap.maps.i18n import t
from asmap.maps.styles import EXCLUSION_STYLES, LAYER_STYLES, PALETTE, site_styles

#: Style of tailings shown without an analysis, and of any layer the table lacks.
TAILINGS_STYLE = {"color": "#8A5F00", "fillColor": PALETTE["orange"], "weight": 1.5,
                  "fillOpacity": 0.45}
DEFAULT_STYLE = {"color": PALETTE["grey"], "weight": 1.5, "fillColor": PALETTE["grey"],
                 "fillOpacity": 0.3, "radius": 5}
#: Print hatch -> QGIS SimpleFill brush style.
HATCHES = {"//": "b_diagonal", "\\\\": "f_diagonal", "xx": "diagonal_x", "xxx": "diagonal_x",
           "++": "cross", "...": "dense6"}
QGIS_VERSION = "3.34.0-Prizren"
LAYER_ATTRS = {"enabled": "1", "locked": "0", "pass": "0"}
NS = {"sld": "http://www.opengis.net/sld", "se": "http://www.opengis.net/se",
      "ogc": "http://www.opengis.net/ogc", "xlink": "http://www.w3.org/1999/xlink",
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}


def layer_styles(name: str) -> tuple[str | None, dict[str, dict[str, Any]]]:
    """
    The styles of an exported layer: the attribute it is categorized by, and the styles.

    Returns
    -------
    tuple
        ``(None, {"": style})`` for a single symbol, or ``(attribute, {value: style})``.
    """
    if name == "sites":
        return "category", site_styles()
    if name == "exclusions":
        return "kind", EXCLUSION_STYLES
    if name == "tailings":
        return None, {"": TAILINGS_STYLE}
    return None, {"": LAYER_STYLES.get(name, DEFAULT_STYLE)}


def _rgba(hex_colour: str, opacity: float = 1.0) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(255 * opacity)}"


def _options(parent: ET.Element, values: Mapping[str, object]) -> None:
    box = ET.SubElement(parent, "Option", type="Map")
    for key, value in values.items():
        ET.SubElement(box, "Option", type="QString", name=key, value=str(value))


def _symbol(parent: ET.Element, name: str, style: Mapping[str, Any], geometry: str) -> None:
    kind = {"point": "marker", "line": "line"}.get(geometry, "fill")
    symbol = ET.SubElement(parent, "symbol", type=kind, name=name, alpha="1",
                           clip_to_extent="1", force_rhr="0")
    colour = style.get("color", "#000000")
    width = float(style.get("weight", 1))
    dash = str(style.get("dashArray", "")).replace(" ", ";")
    layer = ET.SubElement(symbol, "layer", LAYER_ATTRS)
    if kind == "marker":
        layer.set("class", "SimpleMarker")
        _options(layer, {"name": "circle", "size": 2 * float(style.get("radius", 5)),
                         "size_unit": "Pixel", "color": _rgba(style.get("fillColor", colour),
                                                              style.get("fillOpacity", 1)),
                         "outline_color": _rgba(colour), "outline_width": width,
                         "outline_width_unit": "Pixel", "outline_style": "solid"})
        return
    if kind == "line":
        layer.set("class", "SimpleLine")
        _options(layer, {"line_color": _rgba(colour, style.get("opacity", 1)),
                         "line_width": width, "line_width_unit": "Pixel",
                         "line_style": "solid", "use_custom_dash": int(bool(dash)),
                         "customdash": dash or "5;2", "customdash_unit": "Pixel",
                         "capstyle": "round", "joinstyle": "round"})
        return
    layer.set("class", "SimpleFill")
    filled = style.get("fill", True) and "fillColor" in style
    _options(layer, {"color": _rgba(style.get("fillColor", colour),
                                    style.get("fillOpacity", 0.2) if filled else 0),
                     "style": "solid" if filled else "no", "outline_color": _rgba(colour),
                     "outline_width": width, "outline_width_unit": "Pixel",
                     "outline_style": "dash" if dash else "solid", "joinstyle": "round"})
    if style.get("hatch") in HATCHES:
        hatch = ET.SubElement(symbol, "layer", LAYER_ATTRS)
        hatch.set("class", "SimpleFill")
        _options(hatch, {"color": _rgba(colour, 0.8), "style": HATCHES[style["hatch"]],
                         "outline_style": "no", "outline_color": _rgba(colour)})


def qml(name: str, geometry: str, *, label_field: str | None = None, lang: str = "mn") -> str:
    """
    A QGIS layer style file (QML) for an exported layer.

    Parameters
    ----------
    name
        Layer name: a catalogue kind or an analysis output (``sites``, ``exclusions`` ...).
    geometry
        ``point``, ``line`` or ``polygon``.
    label_field
        Field whose value labels each feature (none when not given).
    lang
        Language of the category labels in the legend.
    """
    attr, styles = layer_styles(name)
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="Symbology|Labeling")
    renderer = ET.SubElement(root, "renderer-v2", forceraster="0", symbollevels="0",
                             enableorderby="0", referencescale="-1")
    symbols = ET.Element("symbols")
    if attr is None:
        renderer.set("type", "singleSymbol")
        _symbol(symbols, "0", next(iter(styles.values())), geometry)
        renderer.append(symbols)
    else:
        renderer.set("type", "categorizedSymbol")
        renderer.set("attr", attr)
        categories = ET.SubElement(renderer, "categories")
        for i, (value, style) in enumerate(styles.items()):
            ET.SubElement(categories, "category", render="true", symbol=str(i), value=value,
                          label=t(value, lang), type="string")
            _symbol(symbols, str(i), style, geometry)
        renderer.append(symbols)
        source = ET.SubElement(renderer, "source-symbol")
        _symbol(source, "0", DEFAULT_STYLE, geometry)
    if label_field:
        labeling = ET.SubElement(root, "labeling", type="simple")
        settings = ET.SubElement(labeling, "settings", calloutType="simple")
        ET.SubElement(settings, "text-style", fieldName=label_field, fontSize="9",
                      textColor="0,0,0,255", isExpression="0")
        ET.SubElement(ET.SubElement(settings, "text-format"), "buffer", bufferDraw="1",
                      bufferSize="1", bufferColor="255,255,255,255")
    ET.SubElement(root, "layerGeometryType").text = {"point": "0", "line": "1"}.get(geometry, "2")
    body = ET.tostring(root, encoding="unicode")
    return f"<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n{body}\n"


def _se(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NS['se']}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _svg(parent: ET.Element, values: Mapping[str, object]) -> None:
    for key, value in values.items():
        _se(parent, "SvgParameter", str(value), name=key)


def _symbolizer(rule: ET.Element, style: Mapping[str, Any], geometry: str) -> None:
    colour = style.get("color", "#000000").lower()
    stroke = {"stroke": colour, "stroke-width": style.get("weight", 1)}
    if style.get("dashArray"):
        stroke["stroke-dasharray"] = style["dashArray"]
    fill = {"fill": style.get("fillColor", colour).lower(),
            "fill-opacity": style.get("fillOpacity", 0.2)}
    if geometry == "point":
        mark = _se(_se(_se(rule, "PointSymbolizer"), "Graphic"), "Mark")
        _se(mark, "WellKnownName", "circle")
        _svg(_se(mark, "Fill"), fill)
        _svg(_se(mark, "Stroke"), stroke)
        _se(rule.find(f".//{{{NS['se']}}}Graphic"), "Size", str(2 * style.get("radius", 5)))
    elif geometry == "line":
        stroke["stroke-opacity"] = style.get("opacity", 1)
        _svg(_se(_se(rule, "LineSymbolizer"), "Stroke"), stroke)
    else:
        symbolizer = _se(rule, "PolygonSymbolizer")
        if style.get("fill", True) and "fillColor" in style:
            _svg(_se(symbolizer, "Fill"), fill)
        _svg(_se(symbolizer, "Stroke"), stroke)


def sld(name: str, geometry: str, *, lang: str = "mn") -> str:
    """The same style as `qml`, as an OGC SLD 1.1 document (as QGIS exports it)."""
    for prefix, uri in NS.items():
        ET.register_namespace("" if prefix == "sld" else prefix, uri)
    attr, styles = layer_styles(name)
    root = ET.Element(f"{{{NS['sld']}}}StyledLayerDescriptor", version="1.1.0")
    layer = ET.SubElement(root, f"{{{NS['sld']}}}NamedLayer")
    _se(layer, "Name", name)
    user = ET.SubElement(layer, f"{{{NS['sld']}}}UserStyle")
    _se(user, "Name", name)
    feature_style = _se(user, "FeatureTypeStyle")
    for value, style in styles.items():
        rule = _se(feature_style, "Rule")
        _se(rule, "Name", value or name)
        title = t(value, lang) if value else t(f"layer_{name}", lang)
        _se(_se(rule, "Description"), "Title", title)
        if attr is not None:
            equal = ET.SubElement(ET.SubElement(rule, f"{{{NS['ogc']}}}Filter"),
                                  f"{{{NS['ogc']}}}PropertyIsEqualTo")
            ET.SubElement(equal, f"{{{NS['ogc']}}}PropertyName").text = attr
            ET.SubElement(equal, f"{{{NS['ogc']}}}Literal").text = value
        _symbolizer(rule, style, geometry)
    return ET.tostring(root, encoding="unicode", xml_declaration=False) + "\n"
