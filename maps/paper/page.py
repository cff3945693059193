"""Print maps: an A4 or A3 page with title, map, legend, scale, north arrow and site table.

The map axes are in the analysis CRS (UTM metres), so the scale bar is true; text stays
text in PDFs (TrueType fonts embedded, ``pdf.fonttype`` 42) and uses DejaVu Sans, which
ships with matplotlib and has Cyrillic. A page never needs the network: basemap tiles
are optional and drawn only when the tile server answers (`maps.tiles`).
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from asmap.geo.sharing import apply_profile, check_profile
from asmap.layers.atomic import atomic_path
from asmap.layers.errors import UsageError
from asmap.maps import provenance, tiles
from asmap.maps.basemap.paper import LocalBasemap, draw_basemap, footer_basemap
from asmap.maps.i18n import LANGS, t
from asmap.maps.paper import furniture as cartography
from asmap.maps.paper.drawing import draw_analysis, projected
from asmap.maps.paper.photo import draw_photo
from asmap.maps.paper.words import eligible_rows, figures_lines, route_inset, site_label_points

#: Paper sizes in millimetres, landscape (width, height).
PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}
ORIENTATIONS = ("landscape", "portrait")
DPI = 300
FONT = "DejaVu Sans"
RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "font.family": FONT, "svg.fonttype": "none",
      "hatch.linewidth": 0.5}

_DOLLAR = re.compile(r"(?<!\\)\$")

#: Page regions as figure fractions (left, bottom, width, height).
LAYOUTS = {
    "landscape": {"map": (0.05, 0.14, 0.60, 0.74), "legend": (0.68, 0.62, 0.30, 0.26),
                  "table": (0.68, 0.14, 0.30, 0.44), "inset": (0.68, 0.62, 0.30, 0.26),
                  "figures": (0.68, 0.30, 0.30, 0.30), "small_legend": (0.68, 0.13, 0.30, 0.16)},
    "portrait": {"map": (0.08, 0.42, 0.88, 0.46), "legend": (0.05, 0.10, 0.42, 0.27),
                 "table": (0.52, 0.10, 0.45, 0.27), "inset": (0.05, 0.225, 0.42, 0.15),
                 "figures": (0.52, 0.10, 0.45, 0.27), "small_legend": (0.05, 0.09, 0.42, 0.10)},
}
ROW_INCHES = 0.17
#: The overview labels at most this many sites, eligible ones first (placing labels
#: without overlap grows with the square of their number; thousands take minutes).
LABEL_CAP = 150
FOOTER_LINES = 8


def page_size(paper: str = "A4", orientation: str = "landscape") -> tuple[float, float]:
    """
    Page width and height in inches.

    Examples
    --------
    >>> [round(v * 25.4) for v in page_size("A3", "portrait")]
    [297, 420]
    """
    if paper not in PAPERS:
        raise UsageError(code="er_unknown_paper", paper=paper, choices=", ".join(PAPERS))
    if orientation not in ORIENTATIONS:
        raise UsageError(code="er_unknown_orientation", orientation=orientation)
    width, height = PAPERS[paper]
    if orientation == "portrait":
        width, height = height, width
    return width / 25.4, height / 25.4


class _PageCanvas(FigureCanvasAgg):
    """An Agg canvas that ignores `draw_idle`.

    GeoPandas asks for a redraw after every layer it plots, which would render the whole
    300 dpi page once per layer; a print page is rendered once, when it is saved.
    """

    def draw_idle(self, *args: Any, **kwargs: Any) -> None:  # noqa: D102
        pass


def _new_page(paper: str, orientation: str, reuse: Figure | None = None) -> Figure:
    if reuse is not None and tuple(reuse.get_size_inches()) == page_size(paper, orientation):
        for ax in list(reuse.axes):  # dropped as they are: clearing them first costs more
            reuse.delaxes(ax)
        reuse.clear()  # the canvas and its 300 dpi renderer (for text sizes) stay
        return reuse
    fig = Figure(figsize=page_size(paper, orientation), dpi=DPI)
    _PageCanvas(fig)
    return fig


def subtitle(analysis: Any, *, lang: str) -> str:
    """Analysis date, rules, and which sources are unknown or stale, in one line."""
    rules = {k: f"{v:g}" for k, v in analysis.rules.as_dict().items()}
    items = provenance.analysis_provenance(analysis)
    text = (f"{t('analysis_date', lang)}: {analysis.on.isoformat()} · {t('rules', lang)}: "
            f"{t('rules_line', lang, **rules)}")
    flagged = [f"{t('layer_' + p.kind, lang)} ({t('source_unknown', lang)})" for p in items
               if p.unknown] + [f"{t('layer_' + p.kind, lang)} ({t('stale', lang)})"
                                for p in items if p.stale]
    if flagged:
        text += f"\n{t('sources', lang)}: " + "; ".join(flagged)
    return text


def _footer(fig: Figure, analysis: Any, *, lang: str, profile: str,
            tiles_missing: bool = False, basemap_lines: tuple[str, ...] = ()) -> None:
    """Data sources with dates, the boundary credit, the profile and the sample notice."""
    width = int(fig.get_figwidth() * 21)
    tail = [t("basemap_missing", lang)] if tiles_missing else []
    tail += list(basemap_lines)
    if provenance.needs_osm_credit(analysis.sources, analysis.layers.get("boundary")):
        tail.append(t("osm_credit", lang))
    tail.append(t(f"profile_{profile}", lang) + "  " + t("projection", lang, crs=analysis.crs)
                + " · " + t("graticule", lang))
    if provenance.is_sample(analysis.sources):
        tail.append(t("sample_notice", lang))
    items = provenance.analysis_provenance(analysis)
    lines = textwrap.wrap(f"{t('sources', lang)}: " + "; ".join(
        provenance.provenance_label(p, lang=lang) for p in items), width,
        max_lines=max(1, FOOTER_LINES - len(tail)), placeholder=" …")
    fig.text(0.03, 0.012, "\n".join(lines + tail), fontsize=5.2, va="bottom", ha="left",
             linespacing=1.3)


def _header(fig: Figure, title: str, analysis: Any, *, lang: str) -> None:
    fig.text(0.03, 0.975, title, fontsize=15, fontweight="bold", va="top")
    width = int(fig.get_figwidth() * 16)
    lines = [wrapped for line in subtitle(analysis, lang=lang).splitlines()
             for wrapped in textwrap.wrap(line, width)]
    fig.text(0.03, 0.937, "\n".join(lines[:3]), fontsize=7.5, va="top", linespacing=1.4)


def _map_axes(fig: Figure, rect: tuple[float, ...], analysis: Any, bounds: tuple[float, ...],
              *, lang: str, route_ids=None, highlight=None, basemap: Any = None):
    """The map axes with every layer; also whether requested basemap tiles are missing
    (an online basemap) or the footer lines of a local one (`basemap_lines`)."""
    ax = fig.add_axes(rect)
    view = cartography.fit_bounds(bounds, rect[2] * fig.get_figwidth() /
                                  (rect[3] * fig.get_figheight()))
    handles = draw_analysis(ax, analysis, lang=lang, route_ids=route_ids, highlight=highlight,
                            view=view)
    minx, miny, maxx, maxy = view
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("")
    ax.set_ylabel("")
    cartography.graticule(ax, analysis.crs)
    cartography.scale_bar(ax, unit=t("km", lang))
    cartography.north_arrow(ax, analysis.crs, letter=t("north", lang))
    ax.tick_params(length=2, pad=1.5)
    if isinstance(basemap, LocalBasemap):
        return ax, handles, basemap.lines(draw_basemap(ax, basemap.file, analysis.crs,
                                                       lang=lang), lang=lang)
    missing = basemap is not None and not tiles.add_tiles(ax, analysis.crs, basemap,
                                                          lang=lang)
    return ax, handles, missing


def _legend(fig: Figure, rect: tuple[float, ...], handles, *, lang: str, fontsize=7, ncol=1):
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    ax.legend(handles=handles, loc="upper left", fontsize=fontsize, title=t("legend", lang),
              title_fontsize=fontsize + 1.5, frameon=True, ncol=ncol, borderaxespad=0,
              alignment="left", handlelength=2.4, handleheight=1.1)


def _table(fig: Figure, rect: tuple[float, ...], rows: list[list[str]], *, lang: str,
           title: str) -> None:
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=9, fontweight="bold")
    if not rows:
        ax.text(0, 0.95, t("no_eligible", lang), fontsize=7, va="top")
        return
    header = [textwrap.fill(t(k, lang), 12) for k in ("site_id", "available_ha",
                                                      "negotiate_with", "posts_on_route")]
    n = len(rows) + 2
    height = min(1.0, n * ROW_INCHES / (rect[3] * fig.get_figheight()))
    table = ax.table(cellText=rows, colLabels=header, loc="upper left", cellLoc="left",
                     colWidths=[0.14, 0.16, 0.48, 0.22], bbox=[0, 1 - height, 1, height])
    table.auto_set_font_size(False)
    table.set_fontsize(6.3)
    for (row, _col), cell in table.get_celld().items():
        cell.set_linewidth(0.3)
        cell.PAD = 0.04
        if row == 0:
            cell.set_height(cell.get_height() * 2)
            cell.set_facecolor("#E8E8E8")
            cell.get_text().set_fontweight("bold")
            cell.get_text().set_wrap(True)


def _capacity(fig: Figure, rect: tuple[float, ...]) -> int:
    return max(1, int(rect[3] * fig.get_figheight() / ROW_INCHES) - 3)


def _bounds(frame, crs: str, *, pad: float, minimum: float = 0.0) -> tuple[float, ...]:
    minx, miny, maxx, maxy = projected(frame, crs).total_bounds
    half = max(maxx - minx, maxy - miny, minimum) * (0.5 + pad)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    return cx - half, cy - half, cx + half, cy + half


def overview_pages(analysis: Any, *, lang: str, paper: str, orientation: str,
                   profile: str = "internal", basemap: Any = None) -> list[Figure]:
    """The overview page, plus table pages when the eligible sites do not fit on it."""
    layout = LAYOUTS[orientation]
    fig = _new_page(paper, orientation)
    _header(fig, t("title", lang, place=analysis.place_name()), analysis, lang=lang)
    extent = analysis.layers.get("boundary")
    if extent is None or not len(extent):
        extent = analysis.sites
    ax, handles, missing = _map_axes(fig, layout["map"], analysis,
                                     _bounds(extent, analysis.crs, pad=0.02), lang=lang,
                                     basemap=basemap)
    points, texts = site_label_points(analysis, view=ax)  # eligible sites first
    cartography.place_labels(ax, points[:LABEL_CAP], texts[:LABEL_CAP], fontsize=6)
    _legend(fig, layout["legend"], handles, lang=lang, fontsize=6,
            ncol=2 if len(handles) > 9 else 1)
    rows = eligible_rows(analysis, lang=lang)
    capacity = _capacity(fig, layout["table"])
    title = t("eligible_sites", lang)
    if len(rows) <= capacity:
        _table(fig, layout["table"], rows, lang=lang, title=title)
    else:
        table_ax = fig.add_axes(layout["table"])
        table_ax.set_axis_off()
        table_ax.set_title(title, loc="left", fontsize=9, fontweight="bold")
        table_ax.text(0, 0.95, t("table_next_page", lang), fontsize=7, va="top")
    _footer(fig, analysis, lang=lang, profile=profile, **footer_basemap(missing))
    pages = [fig]
    if len(rows) > capacity:
        rect = (0.05, 0.13, 0.90, 0.78)
        per_page = _capacity(pages[0], rect)
        for start in range(0, len(rows), per_page):
            page = _new_page(paper, orientation)
            _header(page, t("table_continued", lang), analysis, lang=lang)
            _table(page, rect, rows[start:start + per_page], lang=lang, title=title)
            _footer(page, analysis, lang=lang, profile=profile)
            pages.append(page)
    return pages


def site_sheet(analysis: Any, site_id: str, *, lang: str, paper: str, orientation: str,
               profile: str = "internal", basemap: Any = None,
               media: Path | None = None, reuse: Figure | None = None) -> Figure:
    """One site's sheet: zoomed map, its route and posts in an inset, its figures and its
    first photo (found below `media`, the project folder); drawn on `reuse`, an earlier
    sheet already saved, when given."""
    site = find_site(analysis, site_id)
    layout = LAYOUTS[orientation]
    fig = _new_page(paper, orientation, reuse)
    title = t("site_sheet", lang, site_id=site_id, name=site.get("name") or "")
    _header(fig, title.rstrip(": "), analysis, lang=lang)
    sites = analysis.sites[analysis.sites["site_id"] == site_id]
    ax, handles, missing = _map_axes(fig, layout["map"], analysis,
                                     _bounds(sites, analysis.crs, pad=0.9, minimum=600),
                                     lang=lang, route_ids=[site_id], highlight=site_id,
                                     basemap=basemap)
    points, texts = site_label_points(analysis, view=ax)
    cartography.place_labels(ax, points, texts, fontsize=7)
    route_inset(fig.add_axes(layout["inset"]), analysis, site_id, lang=lang)
    box = fig.add_axes(layout["figures"])
    box.set_axis_off()
    box.text(0, 1.0, t("figures", lang), fontsize=9, fontweight="bold", va="bottom")
    box.text(0, 0.97, "\n".join(figures_lines(site, analysis, lang=lang)), fontsize=6.6,
             va="top", linespacing=1.45, wrap=True)
    _legend(fig, layout["small_legend"], handles, lang=lang, fontsize=5.2, ncol=2)
    draw_photo(fig, site, media, orientation=orientation)
    _footer(fig, analysis, lang=lang, profile=profile, **footer_basemap(missing))
    return fig


def find_site(analysis: Any, site_id: str) -> dict[str, Any]:
    """The site row as a dict; a usage error naming the nearest ids when it does not exist."""
    ids = [str(i) for i in analysis.sites["site_id"]]
    if site_id not in ids:
        key = site_id.strip().lower()
        near = [i for i in sorted(ids) if key and key in i.lower()][:5]
        near += [i for i in difflib.get_close_matches(site_id, ids, n=5, cutoff=0.3)
                 if i not in near][:5 - len(near)]
        near = near or sorted(ids)[:5]
        raise UsageError(code="er_no_site", site=site_id, near=", ".join(near))
    row = analysis.sites[analysis.sites["site_id"] == site_id].iloc[0]
    return row.drop(labels=analysis.sites.geometry.name).to_dict()


def _basemap(basemap: str | Path | bool | None, analysis: Any) -> Any:
    """The basemap asked for: None for none, True for ``osm``, a `LocalBasemap` for an
    MBTiles file (None: the project folder's, when it has one), else a name or tile URL."""
    from asmap.maps.basemap.mbtiles import is_local, resolve_basemap

    if basemap is True:
        basemap = "osm"
    if basemap is None or basemap is False or is_local(basemap):
        path = resolve_basemap(basemap, analysis.folder)
        return None if path is None else LocalBasemap(path, analysis)
    tiles.check_basemap(str(basemap))
    return str(basemap)


def _prepared(analysis: Any, lang: str, profile: str) -> Any:
    if lang not in LANGS:
        raise UsageError(code="er_unknown_lang", lang=lang)
    check_profile(profile)
    return apply_profile(analysis, profile)


def print_pages(analysis: Any, *, lang: str = "mn", paper: str = "A4",
                orientation: str = "landscape", site: str | None = None,
                profile: str = "internal", basemap: str | Path | bool | None = None,
                media: str | Path | None = None, photos: bool = True,
                reuse: Figure | None = None) -> list[Figure]:
    """Every page of a print map (see `print_map`): one for a site sheet, one or more else.

    A site sheet is drawn on `reuse` (a page already saved) when given."""
    page_size(paper, orientation)
    shared = _prepared(analysis, lang, profile)
    media = Path(media) if media is not None and photos else None
    basemap = _basemap(basemap, shared)
    try:
        with matplotlib.rc_context(RC):
            if site is not None:
                pages = [site_sheet(shared, site, lang=lang, paper=paper,
                                    orientation=orientation, profile=profile, basemap=basemap,
                                    media=media, reuse=reuse)]
            else:
                pages = overview_pages(shared, lang=lang, paper=paper, orientation=orientation,
                                       profile=profile, basemap=basemap)
    finally:
        if isinstance(basemap, LocalBasemap):
            basemap.file.close()
    return [literal_text(page) for page in pages]


def print_map(analysis: Any, *, lang: str = "mn", paper: str = "A4",
              orientation: str = "landscape", site: str | None = None,
              profile: str = "internal", basemap: str | Path | bool | None = None
              ) -> Figure:
    """
    A print-ready map page of an analysis.

    Parameters
    ----------
    analysis
        A `geo.Analysis`.
    lang
        ``mn`` (default) or ``en``.
    paper, orientation
        ``A4`` or ``A3``; ``landscape`` or ``portrait``.
    site
        A site id: draw that site's sheet instead of the overview.
    profile
        ``internal`` or ``public`` (sensitive and unknown columns left out).
    basemap
        None (default): the project folder's ``basemap.mbtiles`` when it has one, else
        the plain background; no network either way. A path to an ``.mbtiles`` file:
        that file (drawn at the zoom matching the page, its credit in the footer).
        False: the plain background. ``osm``, ``satellite`` (or True for ``osm``) or a
        tile URL with ``{z}``, ``{x}``, ``{y}``: tiles under the layers, fetched when the
        server answers within a few seconds; otherwise the page is drawn without them and
        its footer says so. Needs the ``basemap`` extra (contextily).

    Returns
    -------
    matplotlib.figure.Figure
        The first page, at the exact paper size (when the eligible-site table does not
        fit, `write_print` adds table pages to a PDF).

    Examples
    --------
    >>> analysis = geo.analyze(layers.load(layers.sample_path()))  # doctest: +SKIP
    >>> figure = print_map(analysis, lang="en", paper="A3")  # doctest: +SKIP
    >>> figure.get_size_inches().round(2)  # doctest: +SKIP
    array([16.54, 11.69])
    """
    return print_pages(analysis, lang=lang, paper=paper, orientation=orientation, site=site,
                       profile=profile, basemap=basemap)[0]


def _texts(figure: Figure) -> list[Any]:
    """Every text of `figure`, table cells' included, but not the axes' tick labels.

    Tick labels are asmap's own numbers (the graticule's degrees); walking the axes' ticks
    would also make matplotlib build every tick of the axes that hide them.
    """
    from matplotlib.axis import Axis
    from matplotlib.table import Table
    from matplotlib.text import Text

    found, todo = [], [figure]
    while todo:
        artist = todo.pop()
        if isinstance(artist, Text):
            found.append(artist)
        elif isinstance(artist, Table):
            found.extend(cell.get_text() for cell in artist.get_celld().values())
        if not isinstance(artist, Axis):
            todo.extend(artist.get_children())
    return found


def literal_text(figure: Figure) -> Figure:
    """
    Escape every ``$`` in the texts of `figure`: data is drawn as written, no mathtext.

    (Escaping rather than ``parse_math=False``: matplotlib measures wrapped text as
    mathtext whatever that setting says.) Calling it twice changes nothing more.

    Examples
    --------
    >>> figure = Figure()
    >>> label = figure.text(0.1, 0.1, "Costs $5 to $10")
    >>> literal_text(figure) is figure, label.get_text()
    (True, 'Costs \\\\$5 to \\\\$10')
    """
    for artist in _texts(figure):
        words = artist.get_text()
        if "$" in words:
            artist.set_text(_DOLLAR.sub(r"\\$", words))
    return figure


def save_pages(pages: Iterable[Figure], out: str | Path) -> Path:
    """
    Write pages to one multi-page PDF, or the first page to a 300 dpi PNG, atomically.

    `pages` may be a generator: each page is written, then released, before the next.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise UsageError(code="er_print_suffix", path=out)
    with matplotlib.rc_context(RC), atomic_path(out) as tmp:
        if suffix == ".png":
            literal_text(next(iter(pages))).savefig(tmp, dpi=DPI, format="png")
        else:
            with PdfPages(tmp, metadata={"Creator": "asmap", "Producer": "asmap"}) as pdf:
                for page in pages:
                    pdf.savefig(literal_text(page))
    return out


def write_print(analysis: Any, out: str | Path, **options: Any) -> Path:
    """
    Write a print map to a vector PDF (every page) or a 300 dpi PNG (the first page).

    Parameters
    ----------
    analysis
        A `geo.Analysis`.
    out
        A ``.pdf`` (vector, every page: the map, then any table pages) or ``.png``
        (300 dpi, the map page). The file appears only once complete.
    options
        The keyword options of `print_map`: ``lang``, ``paper``, ``orientation``,
        ``site``, ``profile``, ``basemap``, and ``media`` (the project folder the
        photos are in) and ``photos`` (False: none on the site sheet).

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    layers.UsageError
        When `out` is neither a ``.pdf`` nor a ``.png``.

    Examples
    --------
    >>> analysis = geo.analyze(layers.load(layers.sample_path()))  # doctest: +SKIP
    >>> write_print(analysis, "out/overview.pdf", lang="en", paper="A3")  # doctest: +SKIP
    PosixPath('out/overview.pdf')
    """
    suffix = Path(out).suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise UsageError(code="er_print_suffix", path=out)
    return save_pages(print_pages(analysis, **options), out)
