"""One style table for every map: interactive (Leaflet path options) and print (matplotlib).

Colours come from the Okabe-Ito palette, which stays distinguishable for the common
forms of colour blindness; where two things could still be confused, a dash pattern or
hatch tells them apart as well.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from asmap.geo.schema import site_categories, site_category

#: Okabe-Ito colours, by name.
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#7F7F7F",
}

#: Site styles by legend category (`geo.schema.site_categories`); a reason without a
#: style of its own is drawn with `OTHER_REASON_STYLE`.
SITE_STYLES: dict[str, dict[str, Any]] = {
    "eligible": {"color": "#00523C", "fillColor": PALETTE["bluish_green"], "weight": 3,
                 "fillOpacity": 0.75},
    "unverified": {"color": "#00523C", "fillColor": PALETTE["bluish_green"], "weight": 3,
                   "fillOpacity": 0.35, "dashArray": "6 4", "hatch": "//"},
    "NOT_MINED_OUT": {"color": "#8A5F00", "fillColor": PALETTE["orange"], "weight": 1.5,
                      "fillOpacity": 0.6},
    "OUTSIDE_SOUM": {"color": "#444444", "fillColor": PALETTE["grey"], "weight": 1.5,
                     "fillOpacity": 0.5},
    "TOO_SMALL": {"color": "#7A3D63", "fillColor": PALETTE["reddish_purple"], "weight": 1.5,
                  "fillOpacity": 0.6},
    "TOO_FAR": {"color": "#7F3800", "fillColor": PALETTE["vermillion"], "weight": 1.5,
                "fillOpacity": 0.6},
}

OTHER_REASON_STYLE: dict[str, Any] = {"color": "#444444", "fillColor": "#BBBBBB", "weight": 1.5,
                                      "fillOpacity": 0.6}

EXCLUSION_STYLES: dict[str, dict[str, Any]] = {
    "RIVER_BUFFER": {"color": PALETTE["blue"], "fillColor": PALETTE["sky_blue"], "weight": 1,
                     "fillOpacity": 0.3, "dashArray": "4 3", "hatch": "..."},
    "RESTRICTED": {"color": PALETTE["black"], "fillColor": PALETTE["black"], "weight": 1,
                   "fillOpacity": 0.2, "dashArray": "2 4", "hatch": "xx"},
    "RECLAMATION": {"color": "#8C8400", "fillColor": PALETTE["yellow"], "weight": 1,
                    "fillOpacity": 0.35, "dashArray": "8 4", "hatch": "\\\\"},
    "POST_ZONE": {"color": PALETTE["vermillion"], "fillColor": PALETTE["vermillion"],
                  "weight": 1, "fillOpacity": 0.15, "dashArray": "1 3", "hatch": "++"},
}

LAYER_STYLES: dict[str, dict[str, Any]] = {
    "boundary": {"color": "#333333", "weight": 2.5, "fill": False, "dashArray": "10 6 2 6"},
    "licenses": {"color": PALETTE["blue"], "weight": 1.5, "fill": True, "fillOpacity": 0.04,
                 "fillColor": PALETTE["blue"]},
    "reclamation": {"color": "#8C8400", "weight": 1, "fillColor": PALETTE["yellow"],
                    "fillOpacity": 0.25},
    "restricted": {"color": PALETTE["black"], "weight": 1, "fillColor": PALETTE["black"],
                   "fillOpacity": 0.15},
    "rivers": {"color": PALETTE["blue"], "weight": 3, "fillColor": PALETTE["sky_blue"],
               "fillOpacity": 0.6},
    "roads": {"color": "#5A5A5A", "weight": 2.5},
    "routes": {"color": PALETTE["reddish_purple"], "weight": 3, "dashArray": "8 6",
               "opacity": 0.9},
    "conflicts": {"color": PALETTE["vermillion"], "weight": 2.5, "fillColor": PALETTE["vermillion"],
                  "fillOpacity": 0.45, "hatch": "xxx"},
    "eligible_parts": {"color": "#00523C", "weight": 1, "fillColor": PALETTE["bluish_green"],
                       "fillOpacity": 0.9},
    "posts": {"color": "#FFFFFF", "fillColor": PALETTE["vermillion"], "weight": 2, "radius": 7,
              "fillOpacity": 1.0},
    "settlements": {"color": "#FFFFFF", "fillColor": PALETTE["black"], "weight": 2, "radius": 6,
                    "fillOpacity": 1.0},
    # --- agreements (issue 14): the outline colour follows the status (AGREEMENT_STYLES) ---
    "agreements": {"color": PALETTE["blue"], "weight": 3, "fillColor": PALETTE["blue"],
                   "fillOpacity": 0.1, "dashArray": "6 3"},
}

# --- agreements (issue 14) ---
#: Agreement outlines by status: signed green, proposed blue, draft orange, the rest grey.
AGREEMENT_STYLES: dict[str, dict[str, Any]] = {
    status: {**LAYER_STYLES["agreements"], "color": colour, "fillColor": colour}
    for status, colour in (("signed", PALETTE["bluish_green"]), ("proposed", PALETTE["blue"]),
                           ("draft", PALETTE["orange"]), ("expired", "#999999"),
                           ("cancelled", "#555555"))
}


def category_style(category: str) -> dict[str, Any]:
    """
    The style of one legend category of sites (`geo.schema.site_categories`).

    Examples
    --------
    >>> category_style("TOO_FAR")["fillColor"], category_style("NEW_REASON")["fillColor"]
    ('#D55E00', '#BBBBBB')
    """
    return SITE_STYLES.get(category, OTHER_REASON_STYLE)


def site_styles() -> dict[str, dict[str, Any]]:
    """Every legend category of sites (`geo.schema.site_categories`) -> its style, in order."""
    return {category: category_style(category) for category in site_categories()}


def site_style(site: Mapping[str, Any]) -> dict[str, Any]:
    """Leaflet path options for one site (without the print-only ``hatch`` key)."""
    return leaflet(category_style(site_category(site)))


def leaflet(style: Mapping[str, Any]) -> dict[str, Any]:
    """Path options Leaflet understands (drops print-only keys such as ``hatch``)."""
    return {k: v for k, v in style.items() if k not in ("hatch", "radius")}


def matplotlib(style: Mapping[str, Any]) -> dict[str, Any]:
    """
    The same style as matplotlib patch keywords, for print maps.

    Examples
    --------
    >>> matplotlib({"color": "#000", "fillColor": "#fff", "weight": 2, "fillOpacity": 0.5})
    {'edgecolor': '#000', 'linewidth': 1.0, 'facecolor': (1.0, 1.0, 1.0, 0.5)}
    """
    from matplotlib.colors import to_rgba

    out: dict[str, Any] = {"edgecolor": style.get("color", "#000000"),
                           "linewidth": float(style.get("weight", 1)) * 0.5}
    if style.get("fill", True) and "fillColor" in style:
        out["facecolor"] = to_rgba(style["fillColor"], float(style.get("fillOpacity", 0.2)))
    else:
        out["facecolor"] = "none"
    if style.get("dashArray"):
        dashes = tuple(float(x) * 0.5 for x in str(style["dashArray"]).split())
        out["linestyle"] = (0, dashes)
    if style.get("hatch"):
        out["hatch"] = style["hatch"]
    return out


# --- change over time (issue 19) ---
#: The map's "changes" layer: sites that changed since the last brief, outlined thick.
CHANGES_STYLE: dict[str, Any] = {"color": PALETTE["yellow"], "weight": 5, "fill": True,
                                 "fillOpacity": 0.05, "dashArray": "2 6"}
