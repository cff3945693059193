"""The agreement annex: the map and corner coordinates stapled to a signed agreement.

Page 1 shows the agreed ground at a round scale (1:5,000, 1:10,000, ...) with a scale
bar, north arrow and graticule, the license outline, the exclusion zones around it and
the numbered corners, over the project's local basemap when it has one
(`maps.basemap.paper.draw_basemap`); the parties, license, hectares, window, council
resolution, the checks, and three signature blocks. The next pages hold the corner coordinate tables
(`maps.paper.corners`). The map frame is georeferenced (`maps.paper.geopdf`).
"""

from __future__ import annotations

import difflib
import textwrap
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

import shapely

from asmap.geo.corners import CornerTable, corner_table
from asmap.geo.schema import split
from asmap.layers.atomic import atomic_path
from asmap.layers.errors import UsageError
from asmap.maps import provenance, styles
from asmap.maps.agreements import check_lines, day_text, status_word, written_and_windows
from asmap.maps.i18n import t
from asmap.maps.paper import furniture
from asmap.maps.paper.corners import corner_pages
from asmap.maps.paper.drawing import _line, _patch, draw_frame, projected
from asmap.maps.paper.geopdf import georeference
from asmap.maps.paper.page import RC, _new_page, _prepared, page_size

#: Scales the annex map may use, largest first.
ROUND_SCALES = (500, 1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000, 100_000,
                200_000, 250_000, 500_000, 1_000_000)
#: The map frame on the portrait page (left, bottom, width, height as page fractions).
MAP_RECT = (0.08, 0.44, 0.84, 0.45)
#: Room around the ground in the frame (a share of its size).
PAD = 0.25


def round_scale(extent_m: tuple[float, float], frame_m: tuple[float, float]) -> int:
    """
    The largest round scale at which `extent_m` (ground, metres) fits `frame_m` (paper).

    Examples
    --------
    >>> round_scale((700, 400), (0.176, 0.134))  # 700 m on 17.6 cm needs 1:3,977
    5000
    """
    need = max(extent_m[0] / frame_m[0], extent_m[1] / frame_m[1])
    return next((s for s in ROUND_SCALES if s >= need), ROUND_SCALES[-1])


def find_agreement(analysis: Any, agreement_id: str) -> dict[str, Any]:
    """The agreement's row; a usage error naming the nearest ids when there is none."""
    found = analysis.agreements
    ids = [str(i) for i in found["agreement_id"]]
    if agreement_id not in ids:
        near = difflib.get_close_matches(agreement_id, ids, n=5, cutoff=0.3) or ids[:5]
        if near:
            raise UsageError(code="er_no_agreement", agreement=agreement_id,
                             near=", ".join(near))
        raise UsageError(code="er_no_agreements", agreement=agreement_id)
    row = found[found["agreement_id"].astype(str) == agreement_id].iloc[0]
    return row.to_dict()


def site_grounds(analysis: Any, agreement: dict[str, Any]
                 ) -> list[tuple[str, str, shapely.Geometry]]:
    """Each site's ground as agreed, in the analysis CRS: (site id, which ground, geometry).

    The available ground (the eligible part, else the site less the exclusion zones),
    or the whole site when none is available.
    """
    crs, sites = analysis.crs, analysis.sites
    known = sites[sites["site_id"].astype(str).isin(split(agreement["site_ids"]))]
    known = projected(known, crs)
    if known is None:
        return []
    parts = projected(analysis.eligible_parts, crs)
    zones = projected(analysis.exclusions, crs)
    zone = shapely.union_all(zones.geometry.values) if zones is not None else None
    out = []
    for row in known.to_dict("records"):
        ground = None
        if parts is not None and (parts["site_id"] == row["site_id"]).any():
            ground = shapely.union_all(parts.loc[parts["site_id"] == row["site_id"],
                                                 "geometry"].values)
        elif zone is not None:
            ground = shapely.difference(row["geometry"], zone)
        else:
            ground = row["geometry"]
        ground = _areal(ground)
        if ground is None or shapely.area(ground) < 1.0:
            out.append((str(row["site_id"]), "whole", row["geometry"]))
        else:
            out.append((str(row["site_id"]), "available", ground))
    return out


def _areal(geom: Any) -> Any:
    if geom is None or geom.is_empty:
        return None
    polygons = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in
                ("Polygon", "MultiPolygon") and g.area >= 0.01]
    return shapely.union_all(polygons) if polygons else None


def annex_pages(analysis: Any, agreement_id: str, *, lang: str = "mn", paper: str = "A4",
                profile: str = "internal", basemap: str | Path | bool | None = None
                ) -> tuple[list[Figure], dict[str, Any]]:
    """The annex pages, and where page 1's map frame is (for the georeferencing)."""
    from asmap.maps.basemap.mbtiles import resolve_basemap

    page_size(paper, "portrait")
    shared = _prepared(analysis, lang, profile)
    local = resolve_basemap(basemap, shared.folder)
    agreement = find_agreement(shared, agreement_id)
    grounds = site_grounds(shared, agreement)
    tables, letter = [], 0 if len(grounds) > 1 else None  # several sites: labels go on
    for sid, which, geom in grounds:
        tables.append((sid, which, corner_table(geom, shared.crs, first_letter=letter)))
        if letter is not None:
            letter += len(tables[-1][2].rings)
    with matplotlib.rc_context(RC):
        first, frame = _map_page(shared, agreement, grounds, tables, lang=lang, paper=paper,
                                 basemap=local)
        words = {"available": t("corner_ground_available", lang),
                 "whole": t("corner_ground_whole", lang)}
        pages = corner_pages([(sid, words[which], table) for sid, which, table in tables],
                             lang=lang, new_page=lambda: _new_page(paper, "portrait"),
                             footer=lambda fig: _footer(fig, shared, agreement, lang=lang))
    return [first, *pages], frame


def write_annex(analysis: Any, agreement_id: str, path: str | Path, *, lang: str = "mn",
                paper: str = "A4", profile: str = "internal",
                basemap: str | Path | bool | None = None) -> Path:
    """
    Write the annex of one agreement: a georeferenced PDF map and its corner coordinates.

    Parameters
    ----------
    analysis
        A `geo.Analysis` with agreements.
    agreement_id
        The agreement (``AG-2021-01``).
    path
        The ``.pdf`` to write (appears only once complete).
    lang
        ``mn`` (default) or ``en``.
    paper
        ``A4`` (default) or ``A3``, portrait.
    profile
        ``internal``, or ``public`` to leave out ``contact``.
    basemap
        An MBTiles file drawn under the map; False for none; None (default) for the
        project folder's ``basemap.mbtiles`` when it has one. Never the network.

    Returns
    -------
    Path
        `path`.

    Examples
    --------
    >>> analysis = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")  # doctest: +SKIP
    >>> write_annex(analysis, "AG-2021-01", "annex.pdf", lang="en")  # doctest: +SKIP
    PosixPath('annex.pdf')
    """
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise UsageError(code="er_annex_not_pdf", path=path)
    pages, frame = annex_pages(analysis, agreement_id, lang=lang, paper=paper, profile=profile,
                               basemap=basemap)
    with matplotlib.rc_context(RC), atomic_path(path) as tmp:
        with PdfPages(tmp, metadata={"Creator": "asmap", "Producer": "asmap",
                                     "Title": t("annex_title", lang, agreement=agreement_id)}
                      ) as pdf:
            for page in pages:
                pdf.savefig(page)
        georeference(tmp, page=0, bbox_pt=frame["bbox_pt"], extent=frame["extent"],
                     crs=frame["crs"])
    return path


def _map_page(analysis: Any, agreement: dict[str, Any], grounds: list, tables: list, *,
              lang: str, paper: str, basemap: Path | None = None
              ) -> tuple[Figure, dict[str, Any]]:
    fig = _new_page(paper, "portrait")
    width_in, height_in = fig.get_size_inches()
    fig.text(0.06, 0.975, t("annex_title", lang, agreement=agreement["agreement_id"]),
             fontsize=12, fontweight="bold", va="top", wrap=True, parse_math=False)
    ax = fig.add_axes(MAP_RECT)
    frame_m = (MAP_RECT[2] * width_in * 0.0254, MAP_RECT[3] * height_in * 0.0254)
    ground = shapely.union_all([g for _s, _w, g in grounds]) if grounds else None
    minx, miny, maxx, maxy = ground.bounds if ground is not None else (0, 0, 1000, 1000)
    scale = round_scale(((maxx - minx) * (1 + 2 * PAD) or 100,
                         (maxy - miny) * (1 + 2 * PAD) or 100), frame_m)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    extent = (cx - frame_m[0] * scale / 2, cy - frame_m[1] * scale / 2,
              cx + frame_m[0] * scale / 2, cy + frame_m[1] * scale / 2)
    handles = _draw_map(ax, analysis, agreement, grounds, tables, extent, lang=lang)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    credit = _draw_basemap(ax, basemap, analysis.crs, lang=lang)
    furniture.graticule(ax, analysis.crs, fontsize=6)
    furniture.scale_bar(ax, unit=t("km", lang))
    furniture.north_arrow(ax, analysis.crs, letter=t("north", lang))
    ax.tick_params(length=2, pad=1.5)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.legend(handles=handles, loc="lower right", fontsize=6, framealpha=0.85)
    fig.text(MAP_RECT[0] + MAP_RECT[2], MAP_RECT[1] + MAP_RECT[3] + 0.006,
             t("annex_scale", lang, scale=f"{scale:,}"), fontsize=8, ha="right", va="bottom")
    _words(fig, analysis, agreement, lang=lang)
    _signatures(fig, agreement, lang=lang)
    _footer(fig, analysis, agreement, lang=lang, basemap=credit)
    box = ax.get_position()
    points = (width_in * 72, height_in * 72)
    bbox_pt = (box.x0 * points[0], box.y0 * points[1], box.x1 * points[0], box.y1 * points[1])
    return fig, {"bbox_pt": bbox_pt, "extent": extent, "crs": analysis.crs, "scale": scale}


def _draw_map(ax, analysis, agreement, grounds, tables, extent, *, lang: str) -> list:
    crs, handles = analysis.crs, []
    view = shapely.box(*extent)
    sites = analysis.sites[analysis.sites["site_id"].astype(str).isin(
        split(agreement["site_ids"]))]
    licenses = projected(analysis.layers.get("licenses"), crs)
    chosen = set(sites["license_id"].dropna().astype(str)) | set(
        split(agreement.get("license_id")))
    if licenses is not None and chosen:
        mine = licenses[licenses["license_id"].astype(str).isin(chosen)]
        if len(mine):
            draw_frame(ax, mine.set_geometry(mine.boundary), styles.LAYER_STYLES["licenses"],
                       zorder=3)
            handles.append(_line(styles.LAYER_STYLES["licenses"], t("layer_licenses", lang)))
    zones = projected(analysis.exclusions, crs)
    for kind, style in styles.EXCLUSION_STYLES.items():
        if zones is not None and (zones["kind"] == kind).any():
            part = zones[zones["kind"] == kind].clip(view)
            if len(part) and not part.is_empty.all():
                draw_frame(ax, part, style, zorder=4)
                handles.append(_patch(style, t(kind, lang)))
    outline = projected(sites, crs)
    if outline is not None:
        outline.boundary.plot(ax=ax, color="#333333", linewidth=0.8, zorder=5)
    style = styles.AGREEMENT_STYLES.get(str(agreement.get("status")),
                                        styles.LAYER_STYLES["agreements"])
    ground = {**style, "fillOpacity": 0.35}
    for _sid, _which, geom in grounds:
        draw_frame(ax, _frame_of(geom, crs), ground, zorder=6)
    handles.append(_patch(ground, t("annex_ground", lang)))
    for _sid, _which, table in tables:
        _corner_marks(ax, table)
    return handles


def _draw_basemap(ax, basemap: Path | None, crs: str, *, lang: str) -> str:
    """The local basemap under the annex map; its credit for the footer ("" for none)."""
    if basemap is None:
        return ""
    from asmap.maps.basemap.paper import draw_basemap

    drawn = draw_basemap(ax, basemap, crs, lang=lang, credit_in_corner=False)
    if drawn is None:
        return ""
    if drawn.coarse:
        return drawn.credit + " · " + t("basemap_coarse", lang, zoom=drawn.zoom,
                                        need=drawn.needed)
    return drawn.credit


def _frame_of(geom: Any, crs: str):
    import geopandas as gpd

    return gpd.GeoDataFrame(geometry=[geom], crs=crs)


def _corner_marks(ax, table: CornerTable) -> None:
    for ring in table.rings:
        xy = np.array([(c.easting, c.northing) for c in ring.corners])
        ax.scatter(xy[:, 0], xy[:, 1], s=6, color="black", zorder=8)
        for c in ring.corners:
            ax.annotate(c.label, (c.easting, c.northing), xytext=(2, 2),
                        textcoords="offset points", fontsize=5, zorder=9)


def _words(fig: Figure, analysis: Any, agreement: dict[str, Any], *, lang: str) -> None:
    sites = analysis.sites[analysis.sites["site_id"].astype(str).isin(
        split(agreement["site_ids"]))]
    written, windows = written_and_windows(agreement, sites, lang=lang)
    lines = [
        f"{agreement['agreement_id']} · {status_word(agreement.get('status'), lang=lang)} · "
        f"{t('site_ids', lang)}: {', '.join(split(agreement['site_ids']))} · "
        f"{t('license_id', lang)}: {_text(agreement.get('license_id'))}",
        t("annex_hectares", lang, mapped=f"{float(agreement.get('mapped_ha') or 0):.2f}",
          written=written),
        t("annex_resolution", lang, number=_text(agreement.get("resolution_no")),
          day=day_text(agreement.get("resolution_date")) or "-"),
        t("annex_work", lang, start=day_text(agreement.get("work_from")) or "-",
          end=day_text(agreement.get("work_until")) or "-"),
        f"{t('window', lang)}: " + ("; ".join(windows) or "-"),
        f"{t('checks', lang)}: " + " ".join(check_lines(agreement, analysis.sites, lang=lang)),
    ]
    text = "\n".join(wrapped for line in lines for wrapped in textwrap.wrap(line, 118))
    fig.text(0.06, 0.405, text, fontsize=7, va="top", linespacing=1.45, parse_math=False)


def _signatures(fig: Figure, agreement: dict[str, Any], *, lang: str) -> None:
    fig.text(0.06, 0.215, t("annex_parties", lang), fontsize=9, fontweight="bold", va="top",
             parse_math=False)
    parties = (("party_company", "company", "signed_company"),
               ("party_government", "government", "signed_government"),
               ("party_ngo", "ngo", "signed_ngo"))
    for i, (label, name, signed) in enumerate(parties):
        x = 0.06 + i * 0.31
        day = day_text(agreement.get(signed))
        lines = [t(label, lang), *textwrap.wrap(_text(agreement.get(name)) or "-", 34)[:3],
                 "", *textwrap.wrap(t("annex_signature", lang), 34)]
        if day:
            lines.append(t("annex_signed_on", lang, day=day))
        fig.text(x, 0.19, "\n".join(lines), fontsize=6.8, va="top", linespacing=1.5,
                 parse_math=False)


def _footer(fig: Figure, analysis: Any, agreement: dict[str, Any], *, lang: str,
            basemap: str = "") -> None:
    lines = [f"{t('analysis_date', lang)}: {analysis.on.isoformat()} · "
             + t("projection", lang, crs=analysis.crs) + " · " + t("annex_georeferenced", lang)]
    if basemap:
        lines.append(basemap)
    if provenance.is_sample(analysis.sources):
        lines.append(t("sample_notice", lang))
    fig.text(0.06, 0.015, "\n".join(textwrap.fill(line, 150) for line in lines), fontsize=5.2,
             va="bottom", linespacing=1.3, parse_math=False)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "-"
    return str(value).strip() or "-"


__all__ = ["annex_pages", "find_agreement", "round_scale", "site_grounds", "write_annex"]
