"""Words and small pieces for print sheets and the brief: verdicts, rows, figures, insets."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes

import shapely

from asmap.geo import schema
from asmap.maps import styles
from asmap.maps.i18n import t
from asmap.maps.paper.drawing import draw_frame, draw_polygons, in_view, projected
from asmap.maps.paper.furniture import fit_bounds


def text(value: object) -> str:
    """A cell as display text ("" for None and NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def who(value: object, lang: str) -> str:
    """The party to negotiate with, "local government" translated; unknown said in words.

    Empty means the licenses were not checked (no license layer): the land holder is
    not known, which is not the same as the local government.
    """
    value = text(value)
    if not value.strip():
        return t("holder_unknown", lang)
    return t(value, lang) if value == "local government" else value


def verdict(site: dict[str, Any], lang: str) -> str:
    """Eligible, eligible but unverified, or not eligible, in words."""
    return t(schema.verdict(site), lang)


def codes(value: object, lang: str) -> str:
    """Reason or note codes in words, comma separated."""
    return ", ".join(t(code, lang) for code in schema.split(value))


def number(value: object, digits: int = 2) -> str:
    """A number with fixed decimals ("" when missing)."""
    try:
        value = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    return "" if np.isnan(value) else f"{value:.{digits}f}"


def eligible_sites(analysis: Any):
    """The eligible sites (unverified included), sorted by id."""
    sites = analysis.sites
    mask = sites["eligible"].fillna(False).astype(bool)
    return sites[mask].sort_values("site_id")


def eligible_rows(analysis: Any, *, lang: str) -> list[list[str]]:
    """Rows of the eligible-site table: id, available ha, negotiate with, posts on route."""
    rows = []
    for site in eligible_sites(analysis).to_dict("records"):
        mark = " *" if schema.site_category(site) == "unverified" else ""
        party = who(site.get("negotiate_with"), lang)
        rows.append([f"{site['site_id']}{mark}", number(site.get("available_ha")),
                     party if len(party) <= 30 else party[:29] + "…",
                     ", ".join(schema.split(site.get("posts_on_route"))) or "—"])
    return rows


def site_label_points(analysis: Any, *, view: Axes | None = None):
    """Label anchor points (analysis CRS) and texts of every site, eligible ones first."""
    sites = projected(analysis.sites, analysis.crs)
    if sites is None:
        return [], []
    if view is not None:  # a label point in view lies in a site whose box meets the view
        (x0, x1), (y0, y1) = view.get_xlim(), view.get_ylim()
        sites = sites.iloc[np.sort(sites.sindex.query(shapely.box(x0, y0, x1, y1)))]
    order = (~sites["eligible"].fillna(False).astype(bool)).argsort(kind="stable")
    sites = sites.iloc[order]
    points = sites.geometry.representative_point()
    if view is not None:
        inside = points.x.between(x0, x1) & points.y.between(y0, y1)
        sites, points = sites[inside.values], points[inside.values]
    return list(zip(points.x, points.y, strict=True)), [str(i) for i in sites["site_id"]]


def figures_lines(site: dict[str, Any], analysis: Any, *, lang: str) -> list[str]:
    """The lines of a site sheet's figures box."""
    rules = analysis.rules
    lines = [f"{t('verdict', lang)}: {verdict(site, lang)}",
             f"{t('stage', lang)}: {t('stage_' + text(site.get('stage')), lang)}",
             f"{t('area_ha', lang)}: {number(site.get('area_ha'))}",
             f"{t('available_ha', lang)}: {number(site.get('available_ha'))}",
             f"{t('license_id', lang)}: {text(site.get('license_id')) or t('none', lang)}",
             f"{t('holder', lang)}: {text(site.get('holder')) or t('none', lang)}",
             f"{t('negotiate_with', lang)}: {who(site.get('negotiate_with'), lang)}",
             f"{t('route_km', lang)}: {number(site.get('route_km'), 1)}",
             f"{t('posts_on_route', lang)}: "
             f"{', '.join(schema.split(site.get('posts_on_route'))) or t('none', lang)}",
             f"{t('permit_needed', lang)}: "
             f"{t('yes' if bool(site.get('permit_needed')) else 'no', lang)}"]
    if schema.split(site.get("reasons")):
        lines.append(f"{t('reasons', lang)}: {codes(site.get('reasons'), lang)}")
    if schema.split(site.get("notes")):
        lines.append(f"{t('notes', lang)}: {codes(site.get('notes'), lang)}")
    if schema.split(site.get("unchecked")):
        lines.append(t("unverified_explain", lang, rules=codes(site.get("unchecked"), lang)))
    lines += _agreement_lines(site, lang=lang)
    lines.append(f"{t('rules', lang)}: ≥ {rules.min_area_ha:g} {t('ha', lang)}, "
                 f"≤ {rules.max_route_km:g} {t('km', lang)}")
    return [_wrap(line) for line in lines]


def _agreement_lines(site: dict[str, Any], *, lang: str) -> list[str]:
    """The site's working window and its agreement (issue 14), in words."""
    from asmap.maps.agreements import status_word, window_words

    lines = []
    window = window_words(site, lang=lang)
    if window:
        lines.append(f"{t('window', lang)}: {window}")
    if text(site.get("agreement_id")):
        lines.append(t("agreement_of_site", lang, agreement=text(site.get("agreement_id")),
                       status=status_word(site.get("agreement_status"), lang=lang)))
    return lines


def _wrap(line: str, width: int = 62) -> str:
    import textwrap

    return "\n   ".join(textwrap.wrap(line, width)) or line


def route_inset(ax: Axes, analysis: Any, site_id: str, *, lang: str) -> None:
    """A small map of the site's route from the base, with the posts on it labelled."""
    crs = analysis.crs
    ax.set_title(t("layer_routes", lang), loc="left", fontsize=8, fontweight="bold")
    routes = analysis.routes
    route = projected(routes[routes["site_id"] == site_id], crs) if len(routes) else None
    site = projected(analysis.sites[analysis.sites["site_id"] == site_id], crs)
    focus = [f for f in (route, site) if f is not None]
    settlements = projected(analysis.layers.get("settlements"), crs)
    base = None
    if settlements is not None:
        base = settlements[settlements.get("is_base", False) == True]  # noqa: E712
        if len(base):
            focus.append(base)
    view = None
    if focus:
        # the frame's shape is the one the whole layers give the axes, as when all are drawn
        for whole in (projected(analysis.layers.get("boundary"), crs),
                      projected(analysis.layers.get("roads"), crs), *focus):
            if whole is not None and len(whole):
                ax.update_datalim(whole.total_bounds.reshape(2, 2))
        ax.set_aspect("equal")
        ax.autoscale_view()
        bounds = np.array([f.total_bounds for f in focus])
        minx, miny = bounds[:, 0].min(), bounds[:, 1].min()
        maxx, maxy = bounds[:, 2].max(), bounds[:, 3].max()
        pad = max(maxx - minx, maxy - miny, 1000) * 0.12
        box = ax.get_position()
        ratio = box.width * ax.figure.get_figwidth() / (box.height * ax.figure.get_figheight())
        view = fit_bounds((minx - pad, miny - pad, maxx + pad, maxy + pad), ratio)
    boundary = projected(analysis.layers.get("boundary"), crs)
    if boundary is not None:
        draw_frame(ax, boundary, styles.LAYER_STYLES["boundary"], zorder=2)
    roads = projected(analysis.layers.get("roads"), crs)
    if roads is not None:
        near = in_view(roads, view)
        if near.any():
            draw_frame(ax, roads, styles.LAYER_STYLES["roads"], zorder=3, linewidth_factor=0.6,
                       shown=near)
    if route is not None:
        draw_frame(ax, route, styles.LAYER_STYLES["routes"], zorder=4)
    if site is not None:
        draw_polygons(ax, site.geometry.values, facecolor="none", edgecolor="black",
                      linewidth=1.5, zorder=5)
    posts = projected(analysis.layers.get("posts"), crs)
    on_route = schema.split(analysis.sites.loc[analysis.sites["site_id"] == site_id,
                                        "posts_on_route"].iloc[0])
    if posts is not None and "post_id" in posts.columns:
        posts = posts[posts["post_id"].isin(on_route)]
        if len(posts):
            draw_frame(ax, posts, styles.LAYER_STYLES["posts"], zorder=6)
            for pid, point in zip(posts["post_id"], posts.geometry, strict=True):
                ax.annotate(str(pid), (point.x, point.y), xytext=(4, 3),
                            textcoords="offset points", fontsize=6, zorder=7)
    if base is not None and len(base):
        draw_frame(ax, base, styles.LAYER_STYLES["settlements"], zorder=6)
        point = base.geometry.iloc[0]
        ax.annotate(t("base", lang), (point.x, point.y), xytext=(4, -8),
                    textcoords="offset points", fontsize=6, zorder=7)
    if view is not None:
        ax.set_xlim(view[0], view[2])
        ax.set_ylim(view[1], view[3])
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
