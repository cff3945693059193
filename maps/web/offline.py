"""Assets for the interactive map: Leaflet from an installed package, and asmap's own tools.

Online maps link Leaflet from its CDN as Folium does; offline maps inline ``leaflet.js``
and ``leaflet.css`` from the ``django-js-lib-leaflet`` package (read as package data, the
Django app is never imported) with the images the CSS refers to turned into ``data:``
URIs, so the layer-control icon is never blank. asmap's own tool code and style sheet
(``maps/assets/``) are inlined in both modes, so one code path is tested.
"""

from __future__ import annotations

import base64
import json
import re
from functools import cache
from importlib import resources
from typing import Any

LEAFLET_PACKAGE = "js_lib_leaflet"
LEAFLET_JS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js"
LEAFLET_CSS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.css"

_CSS_IMAGE = re.compile(r"url\((['\"]?)images/([A-Za-z0-9_.-]+\.png)\1\)")
_SOURCE_MAP = re.compile(r"^\s*//[#@] sourceMappingURL=.*$", re.MULTILINE)


def _leaflet_dir() -> Any:
    try:
        return resources.files(LEAFLET_PACKAGE) / "static" / LEAFLET_PACKAGE
    except ModuleNotFoundError:
        from asmap.layers.errors import UsageError

        raise UsageError(code="er_leaflet_missing") from None


def _script_safe(text: str, what: str) -> str:
    """Text that can sit inside a <script> or <style> element as it is."""
    text = _SOURCE_MAP.sub("", text)
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"{what} contains a closing tag and cannot be inlined")
    return text


@cache
def leaflet_js() -> str:
    """The Leaflet library, ready to inline in a ``<script>`` element."""
    return _script_safe((_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8"), "leaflet.js")


@cache
def leaflet_css() -> str:
    """The Leaflet style sheet with ``url(images/...)`` rewritten as ``data:`` URIs."""
    folder = _leaflet_dir() / "images"

    def data_uri(match: re.Match[str]) -> str:
        raw = (folder / match.group(2)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(raw).decode('ascii')})"

    css = (_leaflet_dir() / "leaflet.css").read_text(encoding="utf-8")
    return _script_safe(_CSS_IMAGE.sub(data_uri, css), "leaflet.css")


@cache
def own_asset(name: str) -> str:
    """One of asmap's own files in ``maps/web/assets`` (``asmap.js``, ``asmap.css``)."""
    text = (resources.files("asmap.maps.web") / "assets" / name).read_text(encoding="utf-8")
    return _script_safe(text, name)


def js_literal(value: Any) -> str:
    r"""
    `value` as a JavaScript literal that is safe inside an HTML ``<script>`` element.

    ``</`` is written ``<\/`` and ``<!--`` as ``\u003c!--``, so no attribute value can
    close the script or open a comment, whatever it holds. Branca renders every script
    as a Jinja template once more, so the second character of ``{{``, ``{%`` and ``{#``
    (only ever inside strings) is written as a ``\u`` escape: a name like ``{{ 7*7 }}``
    stays text instead of running as a template.

    Examples
    --------
    >>> js_literal("</script>")
    '"<\\/script>"'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
            .replace("{{", "{\\u007b").replace("{%", "{\\u0025").replace("{#", "{\\u0023"))


def plain_tile() -> str:
    """A blank light tile as a ``data:`` URI: the plain background base layer."""
    svg = ("<svg xmlns='http://www.w3.org/2000/svg' width='256' height='256'>"
           "<rect width='256' height='256' fill='#f4f2ec'/></svg>")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
