"""Pieces of the interactive map as Folium `MacroElement` classes with Jinja templates.

The tools (full screen, measure, coordinates, mini-map, search) are asmap's own code in
``maps/assets/asmap.js``; these elements only call it with translated texts and data.
Everything put into a script goes through `js_literal`, every text into HTML through
`html.escape` (the legend and title block HTML is built escaped in `maps.web.legend`).
"""

from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from jinja2 import Template

from asmap.maps.i18n import t
from asmap.maps.web.offline import (
    LEAFLET_CSS_URL,
    LEAFLET_JS_URL,
    js_literal,
    leaflet_css,
    leaflet_js,
    own_asset,
)


class Assets(MacroElement):
    """
    Leaflet and asmap's tool code in the page header: linked online, inlined offline.

    Parameters
    ----------
    offline
        Inline Leaflet (from the installed package) instead of linking its CDN.
    """

    _template = Template("""
        {% macro header(this, kwargs) %}
        {%- if this.offline %}
        <style>{{ this.leaflet_css }}</style>
        <script>{{ this.leaflet_js }}</script>
        {%- else %}
        <link rel="stylesheet" href="{{ this.css_url }}"/>
        <script src="{{ this.js_url }}"></script>
        {%- endif %}
        <style>{{ this.own_css }}</style>
        <script>{{ this.own_js }}</script>
        {% endmacro %}
    """)

    def __init__(self, *, offline: bool = False) -> None:
        super().__init__()
        self._name = "AsmapAssets"
        self.offline = offline
        self.leaflet_css = leaflet_css() if offline else ""
        self.leaflet_js = leaflet_js() if offline else ""
        self.css_url, self.js_url = LEAFLET_CSS_URL, LEAFLET_JS_URL
        self.own_css = own_asset("asmap.css")
        self.own_js = own_asset("asmap.js")


class _MapScript(MacroElement):
    """An element whose script calls one asmap function with the map and JSON arguments."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        asmap.{{ this.function }}({{ this._parent.get_name() }}
        {%- for arg in this.args %}, {{ arg }}{% endfor %});
        {% endmacro %}
    """)
    function = ""

    def __init__(self, *args: Any) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.args = [js_literal(a) for a in args]


def _texts(lang: str, *keys: str) -> dict[str, str]:
    return {k: t(k, lang) for k in keys}


class VectorLayer(_MapScript):
    """
    One layer of compact data (`maps.web.map.layer_data`) drawn into its parent group.

    Feature keys: ``g`` encoded geometry, ``c`` style key, ``h`` title, ``p`` heading
    pieces, ``f`` popup rows ``[field number, value, ...]`` (labels in `fields`), ``t``
    tooltip pieces after the title (pieces and values are escaped text or numbers of the
    layer's string table ``s``), ``id`` for the search registry, ``ref`` the site whose
    popup a workable part shares, ``r`` zone radius in metres, ``lp``/``l`` label position
    and text, ``d`` the position of the site's dot. With `canvas`, the layer is drawn on
    the shared canvas instead of SVG paths; with `dot_zoom`, its shapes appear from that
    zoom on and, below it, registered features with ``d`` are dots; with `dot_radius` as
    well (small maps), the shapes stay and the dots (that many pixels, outlined) are drawn
    over them and over every line below that zoom, so no site is a speck under a river.
    """

    function = "vectorLayer"

    def __init__(self, data: dict[str, Any], *, layer: str, styles: dict[str, Any],
                 fields: list[str] | None = None, register: bool = False,
                 zones: dict[str, Any] | None = None, attribution: str | None = None,
                 canvas: bool = False, dot_zoom: int | None = None,
                 dot_radius: float | None = None) -> None:
        options = {"layer": layer, "styles": styles, "fields": fields or [],
                   "register": register, "zones": zones, "canvas": canvas}
        if dot_zoom is not None:
            options["dotZoom"] = dot_zoom
        if dot_radius is not None:
            options["dotRadius"] = dot_radius
        if attribution:
            options["attribution"] = attribution
        super().__init__(data, options)


class Panel(_MapScript):
    """A fixed panel (legend, title block) whose HTML was built escaped in Python."""

    function = "panel"

    def __init__(self, html: str, *, position: str, class_name: str) -> None:
        super().__init__(html, {"position": position, "className": class_name})


class LabelZoom(_MapScript):
    """Show feature labels (license holders) only from a zoom level on."""

    function = "labelZoom"

    def __init__(self, min_zoom: int = 12) -> None:
        super().__init__(min_zoom)


class Fullscreen(_MapScript):
    """A button that puts the map on the whole screen (and back)."""

    function = "fullscreen"

    def __init__(self, *, lang: str = "mn") -> None:
        super().__init__(_texts(lang, "fullscreen"))


class Measure(_MapScript):
    """Measure a distance (km) and the area (ha) of the shape drawn by clicking."""

    function = "measure"

    def __init__(self, *, lang: str = "mn") -> None:
        texts = _texts(lang, "measure", "measure_hint", "distance", "area", "km", "ha")
        texts["locale"] = "mn-MN" if lang == "mn" else "en-GB"
        super().__init__(texts)


class MouseCoordinates(_MapScript):
    """Latitude and longitude under the mouse pointer."""

    function = "coordinates"

    def __init__(self, *, lang: str = "mn") -> None:
        texts = _texts(lang, "coordinates")
        texts.update(north=t("lat_north", lang), south=t("lat_south", lang),
                     east=t("lon_east", lang), west=t("lon_west", lang))
        super().__init__(texts)


class MiniMap(_MapScript):
    """An overview map of the outline data with the main view drawn on it."""

    function = "minimap"

    def __init__(self, outline: dict[str, Any], *, lang: str = "mn") -> None:
        super().__init__(outline, _texts(lang, "minimap"))


class Search(_MapScript):
    """Find a site by id or name; `index` is a list of ``[id, name]``."""

    function = "search"

    def __init__(self, index: list[list[str]], *, lang: str = "mn") -> None:
        super().__init__(index, _texts(lang, "search", "search_placeholder", "no_match"))


class ScaleBar(MacroElement):
    """Leaflet's own metric scale bar."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.scale({metric: true, imperial: false, position: "bottomleft"})
            .addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "ScaleBar"
