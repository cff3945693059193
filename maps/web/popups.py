"""Popup and tooltip HTML for every feature of the interactive map, in plain words.

Every attribute value goes through `html.escape` here, before it reaches the page:
values come from other people's files and a name like ``<img src=x onerror=...>`` must
show as text. Codes (reasons, notes, stages, statuses) become sentences from the
translation table, filled with the site's own figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from html import escape
from typing import Any

from asmap.geo import schema
from asmap.geo.rules import Rules
from asmap.geo.schema import codes, split
from asmap.maps.i18n import has_text, t

#: Fields shown in the popup of each layer, in order (other columns are left out).
LAYER_FIELDS: dict[str, tuple[str, ...]] = {
    "boundary": ("name",),
    "licenses": ("license_id", "holder", "kind", "status", "start_date", "end_date", "contact"),
    "reclamation": ("area_id", "status", "start_date", "company"),
    "restricted": ("zone_id", "name", "kind"),
    "posts": ("post_id", "name", "authority", "radius_m", "start_date", "end_date",
              "observed_on", "precision_m"),
    "rivers": ("name",),
    "roads": ("road_id", "surface"),
    "settlements": ("name", "is_base"),
    "routes": ("route_km", "posts_on_route", "permit_needed"),
    "conflicts": ("license_id_a", "holder_a", "kind_a", "license_id_b", "holder_b", "kind_b",
                  "overlap_ha"),
    "exclusions": ("kind", "area_ha"),
    # --- agreements (issue 14) ---
    "agreements": ("agreement_id", "status", "site_ids", "company", "license_id", "government",
                   "ngo", "area_ha", "mapped_ha", "resolution_no", "resolution_date",
                   "signed_company", "signed_government", "signed_ngo", "work_from",
                   "work_until", "document", "contact"),
}

#: Site fields shown under the verdict; every other non-analysis column follows them.
SITE_FIELDS = ("stage", "area_ha", "available_ha", "license_id", "holder", "licenses_all",
               "negotiate_with", "route_km", "posts_on_route", "permit_needed", "operator",
               "contact")
_SITE_HIDDEN = {"site_id", "name", "eligible", "reasons", "notes", "unchecked", "geometry",
                # agreements (issue 14): shown in words above the table
                "window_opens", "window_closes", "window_days", "agreement_id",
                "agreement_status"}

#: Value prefixes that turn a code into a translated word, per field and layer.
_CODED = {"stage": "stage_", "authority": "authority_", "status": "status_",
          "kind_a": "kind_", "kind_b": "kind_"}
_KIND_PREFIX = {"licenses": "kind_", "restricted": "zone_", "exclusions": ""}


def is_missing(value: Any) -> bool:
    """True for None, NaN, NaT and empty text."""
    if value is None or type(value).__name__ == "NAType":
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaT and numpy NaN
    except (TypeError, ValueError):
        return False


def translate(code: str, lang: str, prefix: str = "") -> str:
    """The label of a code, or the code itself when the table has none."""
    key = prefix + code
    return t(key, lang) if has_text(key) else (t(code, lang) if has_text(code) else code)


def value_text(field: str, value: Any, *, lang: str, kind: str = "") -> str:
    """
    One attribute value as plain (unescaped) text in `lang`.

    Examples
    --------
    >>> value_text("permit_needed", True, lang="en")
    'Yes'
    >>> value_text("available_ha", 2.5, lang="en")
    '2.50'
    >>> value_text("kind", "water", lang="en", kind="restricted")
    'water protection zone'
    """
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return t("yes" if value else "no", lang)
    if isinstance(value, (datetime, date)) or hasattr(value, "to_pydatetime"):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        digits = 2 if field.endswith("_ha") else 1 if field.endswith("_km") else 0
        return f"{value:.{digits}f}" if digits or not value.is_integer() else f"{value:.0f}"
    text = str(value)
    if field == "status" and kind == "agreements":
        return translate(text, lang, "agreement_status_")
    if field == "kind" and kind in _KIND_PREFIX:
        return translate(text, lang, _KIND_PREFIX[kind])
    if field in _CODED:
        return translate(text, lang, _CODED[field])
    if field in ("negotiate_with", "posts_on_route", "licenses_all"):
        return ", ".join(translate(v, lang) for v in split(text))
    return text


def rows(row: Mapping[str, Any], fields: Any, *, lang: str, kind: str = "",
         empty_none: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """``(field, escaped value text)`` for each field that has a value, in order."""
    out = []
    for field in fields:
        value = row.get(field)
        if field == "negotiate_with" and field in row and is_missing(value):
            text = t("holder_unknown", lang)  # licenses unchecked: nobody is known
        elif is_missing(value):
            if field not in empty_none:
                continue
            text = t("none", lang)
        else:
            text = value_text(field, value, lang=lang, kind=kind)
        out.append((field, escape(text)))
    return out


def rows_html(pairs: list[tuple[str, str]], *, lang: str) -> str:
    """A two-column table of `rows` (labels translated and escaped)."""
    cells = "".join(f"<tr><th>{escape(t(field, lang))}</th><td>{text}</td></tr>"
                    for field, text in pairs)
    return f"<table>{cells}</table>" if cells else ""


def _explain(code: str, site: Mapping[str, Any], rules: Rules, lang: str) -> str:
    key = f"{code}_explain"
    if not has_text(key):
        return ""
    values = {
        "stage": value_text("stage", site.get("stage") or "?", lang=lang),
        "available": _num(site.get("available_ha"), 2),
        "min": _num(rules.min_area_ha, 2),
        "km": _num(site.get("route_km"), 1),
        "max": _num(rules.max_route_km, 1),
    }
    return t(key, lang, **values)


def _num(value: Any, digits: int) -> str:
    return "?" if is_missing(value) else f"{float(value):.{digits}f}"


def _code_list(codes: list[str], order: tuple[str, ...], site: Mapping[str, Any],
               rules: Rules, lang: str) -> list[str]:
    ranked = sorted(codes, key=lambda c: order.index(c) if c in order else len(order))
    items = []
    for code in ranked:
        explain = _explain(code, site, rules, lang)
        tail = f": {escape(explain)}" if explain else ""
        items.append(f"<li><b>{escape(translate(code, lang))}</b>{tail}</li>")
    return ["<ul>", *items, "</ul>"]


def site_title(site: Mapping[str, Any]) -> str:
    """``name (id)`` or the id alone, as plain text."""
    site_id = "" if is_missing(site.get("site_id")) else str(site.get("site_id"))
    name = "" if is_missing(site.get("name")) else str(site.get("name"))
    return f"{name} ({site_id})" if name and site_id else name or site_id


def site_popup_pieces(site: Mapping[str, Any], *, rules: Rules, lang: str = "mn"
                      ) -> tuple[str, list[str], list[tuple[str, str]]]:
    """
    The popup of one site in three parts: title, heading pieces and table rows.

    The title is the escaped name and id; the pieces are HTML fragments (the verdict in
    words, the reasons and notes explained with the site's own figures), small enough
    that a map writes each repeated one once; the rows are ``(field, escaped value)``
    pairs. The map ships the rows with field numbers and one label table.

    Parameters
    ----------
    site
        One row of `Analysis.sites` (geometry not needed).
    rules
        The rules applied, for the thresholds quoted in the explanations.
    lang
        ``mn`` or ``en``.
    """
    verdict = schema.verdict(site)
    pieces = [f"<div class='asmap-verdict asmap-{verdict.replace('_', '-')}'>"
              f"{escape(t(verdict, lang))}</div>"]
    unchecked = split(site.get("unchecked"))
    if verdict == "unverified" and unchecked:
        rules_text = ", ".join(translate(c, lang) for c in unchecked)
        pieces.append(f"<p>{escape(t('unverified_explain', lang, rules=rules_text))}</p>")
    reasons = split(site.get("reasons"))
    if reasons:
        pieces.append(f"<b>{escape(t('reasons', lang))}</b>")
        pieces += _code_list(reasons, codes("reason"), site, rules, lang)
    notes = split(site.get("notes"))
    if notes:
        pieces.append(f"<b>{escape(t('notes', lang))}</b>")
        pieces += _code_list(notes, codes("note"), site, rules, lang)
    pieces += _agreement_pieces(site, lang=lang)
    extra = [c for c in site if c not in _SITE_HIDDEN and c not in SITE_FIELDS]
    fields = [f for f in (*SITE_FIELDS, *extra)
              if not (f == "licenses_all" and site.get(f) == site.get("license_id"))]
    pairs = rows(site, fields, lang=lang, empty_none=("posts_on_route",))
    return escape(site_title(site)), pieces, pairs


def _agreement_pieces(site: Mapping[str, Any], *, lang: str) -> list[str]:
    """The working window and the site's agreement in words (issue 14)."""
    from asmap.maps.agreements import status_word, window_words

    out = []
    window = window_words(dict(site), lang=lang)
    if window:
        out.append(f"<p><b>{escape(t('window', lang))}</b>: {escape(window)}</p>")
    if not is_missing(site.get("agreement_id")):
        out.append("<p>" + escape(t("agreement_of_site", lang,
                                    agreement=str(site["agreement_id"]),
                                    status=status_word(site.get("agreement_status"),
                                                       lang=lang))) + "</p>")
    return out


def layer_title(kind: str, row: Mapping[str, Any], *, lang: str = "mn") -> str:
    """Plain-text heading of a non-site feature."""
    if kind == "routes":
        return t("route_to", lang, site=str(row.get("site_id", "")))
    if kind == "conflicts":
        return t("conflict_title", lang, a=str(row.get("license_id_a", "")),
                 b=str(row.get("license_id_b", "")))
    if kind == "exclusions":
        return t("exclusion_title", lang, kind=translate(str(row.get("kind", "")), lang))
    label = t(f"layer_{kind}", lang)
    ident = next((str(row[f]) for f in LAYER_FIELDS.get(kind, ())[:2]
                  if f in row and not is_missing(row[f])), "")
    return f"{label}: {ident}" if ident else label


def layer_popup_pieces(kind: str, row: Mapping[str, Any], *, lang: str = "mn"
                       ) -> tuple[str, list[str], list[tuple[str, str]]]:
    """The popup of a feature of any other layer: escaped title, heading pieces, rows."""
    pairs = rows(row, LAYER_FIELDS.get(kind, ()), lang=lang, kind=kind,
                 empty_none=("posts_on_route",) if kind == "routes" else ())
    pieces = []
    if kind == "exclusions" and has_text(f"{row.get('kind')}_explain"):
        pieces.append(f"<p>{escape(t(str(row.get('kind')) + '_explain', lang))}</p>")
    return escape(layer_title(kind, row, lang=lang)), pieces, pairs
