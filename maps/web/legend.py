"""HTML of the legend and the title block, built escaped from the style and label tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from asmap.maps.i18n import t
from asmap.maps.provenance import analysis_provenance, is_sample, needs_osm_credit, provenance_label
from asmap.maps.styles import AGREEMENT_STYLES, EXCLUSION_STYLES, LAYER_STYLES, site_styles

#: How each layer's swatch is drawn.
SHAPES = {"rivers": "line", "roads": "line", "routes": "line", "boundary": "line",
          "posts": "post", "settlements": "point"}
#: Layers listed under "other layers", in legend order.
OTHER_LAYERS = ("eligible_parts", "conflicts", "licenses", "reclamation", "restricted",
                "rivers", "roads", "routes", "posts", "settlements", "boundary")


def _attr(style: Mapping[str, Any], key: str, default: Any) -> str:
    return escape(str(style.get(key, default)), quote=True)


def swatch(style: Mapping[str, Any], shape: str = "area") -> str:
    """A small inline SVG that draws `style` the way the map does."""
    stroke = (f'stroke="{_attr(style, "color", "#000")}" '
              f'stroke-width="{_attr(style, "weight", 1)}" '
              f'stroke-dasharray="{_attr(style, "dashArray", "none")}"')
    fill = "none" if style.get("fill") is False else _attr(style, "fillColor", "none")
    fill_attrs = f'fill="{fill}" fill-opacity="{_attr(style, "fillOpacity", 0.2)}"'
    if shape == "line":
        body = f'<line x1="1" y1="8" x2="25" y2="8" {stroke}/>'
    elif shape == "point":
        body = f'<circle cx="13" cy="8" r="5" {fill_attrs} stroke="#333" stroke-width="1.5"/>'
    elif shape == "post":
        zone = EXCLUSION_STYLES["POST_ZONE"]
        body = (f'<circle cx="13" cy="8" r="7" fill="{_attr(zone, "fillColor", "none")}" '
                f'fill-opacity="0.2" stroke="{_attr(zone, "color", "#000")}" '
                f'stroke-dasharray="1 2"/>'
                f'<circle cx="13" cy="8" r="4" {fill_attrs} stroke="#333" stroke-width="1"/>')
    else:
        body = f'<rect x="2" y="2" width="22" height="12" {fill_attrs} {stroke}/>'
    return f'<svg width="26" height="16" viewBox="0 0 26 16" aria-hidden="true">{body}</svg>'


def _items(entries: Iterable[tuple[str, str]]) -> str:
    return "<ul>" + "".join(f"<li>{svg}<span>{escape(text)}</span></li>"
                            for svg, text in entries) + "</ul>"


def legend_html(*, lang: str, layers: Iterable[str], exclusion_kinds: Iterable[str]) -> str:
    """
    The legend: every site colour, every exclusion kind and every other layer shown.

    Parameters
    ----------
    lang
        ``mn`` or ``en``.
    layers
        Names of the layers on the map (``licenses``, ``posts``, ``routes`` ...).
    exclusion_kinds
        Exclusion kinds on the map (``RIVER_BUFFER`` ...).
    """
    shown = set(layers)
    sites = [(swatch(style), t(c, lang)) for c, style in site_styles().items()]
    kinds = [(swatch(EXCLUSION_STYLES.get(k, LAYER_STYLES["restricted"])), t(k, lang))
             for k in exclusion_kinds]
    others = []
    for layer in OTHER_LAYERS:
        if layer not in shown:
            continue
        text = t("post_with_zone", lang) if layer == "posts" else t(f"layer_{layer}", lang)
        others.append((swatch(LAYER_STYLES[layer], SHAPES.get(layer, "area")), text))
    parts = [f"<h4>{escape(t('legend', lang))}</h4>",
             f"<h5>{escape(t('layer_sites', lang))}</h5>", _items(sites)]
    if kinds:
        parts += [f"<h5>{escape(t('layer_exclusions', lang))}</h5>", _items(kinds)]
    if "agreements" in shown:  # issue 14: one colour per status
        statuses = [(swatch(style), t(f"agreement_status_{status}", lang))
                    for status, style in AGREEMENT_STYLES.items()]
        parts += [f"<h5>{escape(t('layer_agreements', lang))}</h5>", _items(statuses)]
    if others:
        parts += [f"<h5>{escape(t('legend_other', lang))}</h5>", _items(others)]
    return "".join(parts)


def title_html(analysis: Any, *, lang: str, profile: str = "internal") -> str:
    """
    The title block: title, analysis date, rules, unchecked rules, data sources, credits.

    Every value from the data or the settings file is escaped.
    """
    place = analysis.place_name() or "—"
    head = [f"<h3>{escape(t('title', lang, place=place))}</h3>",
            f"<div>{escape(t('analysis_date', lang))}: {escape(analysis.on.isoformat())}</div>"]
    if is_sample(analysis.sources):
        head.append(f"<div><i>{escape(t('sample_notice', lang))}</i></div>")
    if profile == "public":
        head.append(f"<div>{escape(t('profile_public', lang))}</div>")
    shows_boundary = "boundary" in analysis.layers and len(analysis.layers["boundary"])
    if shows_boundary and needs_osm_credit(analysis.sources, analysis.layers["boundary"]):
        head.append(f"<div class='asmap-credit'>{escape(t('osm_credit', lang))}</div>")
    rules = t("rules_line", lang, **analysis.rules.as_dict())
    details = [f"<div><b>{escape(t('rules', lang))}</b>: {escape(rules)}</div>"]
    if analysis.unchecked:
        names = ", ".join(t(code, lang) for code in analysis.unchecked)
        details.append(f"<div><b>{escape(t('unchecked', lang))}</b>: {escape(names)}</div>")
    items = []
    for item in analysis_provenance(analysis):
        css = "asmap-stale" if item.stale else "asmap-unknown" if item.unknown else ""
        line = escape(provenance_label(item, lang=lang))
        items.append(f"<li class='{css}'>{line}</li>" if css else f"<li>{line}</li>")
    details.append(f"<div><b>{escape(t('sources', lang))}</b></div><ul>{''.join(items)}</ul>")
    return ("".join(head) + f"<details><summary>{escape(t('rules_and_sources', lang))}"
            f"</summary>{''.join(details)}</details>")
