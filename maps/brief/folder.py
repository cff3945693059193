"""The negotiation brief: one folder with everything to take to the tripartite talks.

``map.html`` (the offline interactive map), ``overview.pdf`` (overview page plus one sheet
per eligible site), ``sites.csv``, ``sites.xlsx``, ``conflicts.csv``, ``summary.md``,
``summary.html``, ``results.gpkg``, ``agreements.csv`` and ``annexes/<agreement_id>.pdf``
for every proposed or signed agreement. The sharing profile is applied once, before any
file is written, so a public brief carries no sensitive or unknown column in any file.
The folder appears only when every file is complete.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from asmap import geo
from asmap.geo.sharing import apply_profile, check_profile
from asmap.layers.atomic import atomic_dir, write_text_atomic
from asmap.layers.errors import UsageError
from asmap.maps.basemap.mbtiles import is_local, resolve_basemap
from asmap.maps.brief import prose as summary
from asmap.maps.brief import tables
from asmap.maps.brief.documents import copy_documents, documents, documents_html
from asmap.maps.i18n import LANGS
from asmap.maps.media import PHOTO_MB
from asmap.maps.paper.atlas import start_atlas
from asmap.maps.paper.words import eligible_sites

#: Every file of a brief, in the order it is written.
BRIEF_FILES = ("map.html", "overview.pdf", "sites.csv", "sites.xlsx", "conflicts.csv",
               "summary.md", "summary.html", "results.gpkg", "agreements.csv")
#: What `write_brief` says it is doing, in order.
BRIEF_STEPS = ("brief_map", "brief_tables", "brief_sheets")
#: Agreements with these statuses get an annex in ``annexes/<agreement_id>.pdf``.
ANNEX_STATUSES = ("proposed", "signed")
#: The brief's other files (the map, tables, summaries, results) weigh about as much as
#: this many site sheets: the process writing them draws that many fewer sheets
#: (`maps.paper.atlas.start_atlas`).
OTHER_WORK = 2.5
#: An agreement's annex weighs about as much as this many site sheets (a map page and a
#: PDF of its own): the process writing the annexes draws that many fewer sheets.
ANNEX_WEIGHT = 1.6


def write_interactive(analysis: Any, path: Path, *, lang: str, profile: str,
                      media: Path | None = None, photos: bool = True,
                      photo_mb: float = PHOTO_MB, changes: Any = None, basemap: Any = None,
                      basemap_mb: float = 15.0) -> Path:
    """Write the offline interactive map (no network needed to open it)."""
    from asmap.maps.web.map import write_map

    return write_map(analysis, path, lang=lang, offline=True, profile=profile, media=media,
                     photos=photos, photo_mb=photo_mb, changes=changes,
                     basemap=basemap, basemap_mb=basemap_mb)


def write_brief(analysis: Any, out_dir: str | Path, *, lang: str = "mn",
                profile: str = "internal", paper: str = "A4",
                orientation: str = "landscape", media: str | Path | None = None,
                photos: bool = True, photo_mb: float = PHOTO_MB, since: Any = None,
                basemap: str | Path | bool | None = None, basemap_mb: float = 15.0,
                progress: Callable[..., None] | None = None) -> Path:
    """
    Write the negotiation brief folder.

    Parameters
    ----------
    analysis
        A `geo.Analysis`.
    out_dir
        The folder to write; an existing one is replaced as a whole, and only once the
        new one is complete.
    lang
        ``mn`` (default) or ``en``: maps, workbook headers and summaries.
    profile
        ``internal`` keeps every column; ``public`` keeps only catalogue columns marked
        public and the analysis columns, in every file.
    paper, orientation
        Page format of ``overview.pdf``.
    media
        The project folder the photos and documents are in: thumbnails in the map, the
        first photo on each site sheet, documents copied into ``documents/`` and linked
        from summary.html. None: no photos, no documents.
    photos, photo_mb
        False leaves every photo out; the map holds at most `photo_mb` MB of them.
    since
        An earlier analysis, results GeoPackage or brief folder: adds "Since the last
        brief" to the summary and a "changes" layer (off by default) to the map.
    basemap
        An MBTiles file under the map and every page; False for none; None (default) for
        the project folder's ``basemap.mbtiles`` when it has one. Never the network.
    basemap_mb
        MB of basemap tiles embedded in ``map.html``.
    progress
        Called with each step's name as it starts (`BRIEF_STEPS`; ``brief_sheets`` with
        ``n``, the number of site sheets).

    Returns
    -------
    Path
        `out_dir`.

    Examples
    --------
    >>> write_brief(geo.analyze(layers.load(sample_path())), "brief", lang="en",
    ...             profile="public")  # doctest: +SKIP
    """
    if lang not in LANGS:
        raise UsageError(code="er_unknown_lang", lang=lang)
    check_profile(profile)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(code="er_brief_not_folder", path=out_dir)
    shared = apply_profile(analysis, profile)
    if basemap is not None and basemap is not False and not is_local(basemap):
        raise UsageError(code="er_brief_basemap_online", basemap=basemap)
    local = resolve_basemap(basemap, shared.folder) or False
    media = Path(media) if media is not None else None
    found = documents(shared, media)
    changes, since_lines = _since(since, shared, profile=profile, lang=lang)
    with atomic_dir(out_dir) as tmp:
        # the site sheets are drawn by other processes while this one writes the rest
        step = progress or (lambda name, **values: None)
        annexes = (write_annexes, (shared, tmp / "annexes"),
                   {"lang": lang, "profile": profile, "paper": paper, "basemap": local})
        book = start_atlas(shared, tmp / "overview.pdf",
                           site_ids=list(eligible_sites(shared)["site_id"]), lead=OTHER_WORK,
                           then=[annexes], then_weight=ANNEX_WEIGHT * len(annexed(shared)),
                           lang=lang, profile=profile, paper=paper,
                           orientation=orientation, basemap=local, media=media,
                           photos=photos)
        try:
            _write_the_rest(shared, tmp, lang=lang, profile=profile, media=media,
                            photos=photos, photo_mb=photo_mb, changes=changes,
                            since_lines=since_lines, found=found, basemap=local,
                            basemap_mb=basemap_mb, step=step)
            step("brief_sheets", n=len(book.mine) + sum(o.sheets for o in book.others))
            book.finish()
        finally:
            book.close()
    return out_dir


def _write_the_rest(shared: Any, tmp: Path, *, lang: str, profile: str,
                    media: Path | None, photos: bool, photo_mb: float, changes: Any,
                    since_lines: Any, found: Any, basemap: Any, basemap_mb: float,
                    step: Callable[..., None]) -> None:
    """Every file of the brief but ``overview.pdf`` and the annexes."""
    step("brief_map")
    write_interactive(shared, tmp / "map.html", lang=lang, profile=profile, media=media,
                      photos=photos, photo_mb=photo_mb, changes=changes,
                      basemap=basemap, basemap_mb=basemap_mb)
    step("brief_tables")
    copy_documents(found, tmp)
    tables.write_csv(tables.with_window_words(shared.sites, lang=lang), tmp / "sites.csv")
    tables.write_sites_xlsx(shared, tmp / "sites.xlsx", lang=lang)
    tables.write_csv(shared.conflicts, tmp / "conflicts.csv")
    write_text_atomic(tmp / "summary.md", summary.summary_markdown(
        shared, lang=lang, profile=profile, since=since_lines))
    write_text_atomic(tmp / "summary.html", summary.summary_html(
        shared, lang=lang, profile=profile, since=since_lines,
        documents=documents_html(found, lang=lang)))
    geo.write_results(shared, tmp / "results.gpkg")
    tables.write_csv(shared.agreements, tmp / "agreements.csv")


def _since(since: Any, shared: Any, *, profile: str, lang: str) -> tuple[Any, list[str] | None]:
    """What changed from `since` to `shared` (both with the profile applied), and in words."""
    if since is None:
        return None, None
    from asmap.geo.compare import compare, layer_changes, results_of
    from asmap.maps.brief.changes import since_lines

    old = apply_profile(results_of(since), profile)
    changes = compare(old, shared)
    return changes, since_lines(changes, layer_changes(old, shared), lang=lang)


def write_annexes(analysis: Any, folder: Path, *, lang: str, profile: str,
                  paper: str = "A4", basemap: Any = None) -> list[Path]:
    """Write ``<agreement_id>.pdf`` for every proposed or signed agreement (none: no folder)."""
    from asmap.maps.paper.annex import write_annex

    chosen = annexed(analysis)
    if len(chosen):
        folder.mkdir(exist_ok=True)
    return [write_annex(analysis, agreement_id, folder / f"{file_name(agreement_id)}.pdf",
                        lang=lang, paper=paper, profile=profile, basemap=basemap)
            for agreement_id in chosen]


def annexed(analysis: Any) -> Any:
    """The ids (text) of the agreements that get an annex (`ANNEX_STATUSES`), in order."""
    found = analysis.agreements
    return found[found["status"].isin(ANNEX_STATUSES)]["agreement_id"].astype(str)


def file_name(agreement_id: str) -> str:
    """An id as a file name: characters other than letters, digits, ``.-_`` become ``_``."""
    return re.sub(r"[^\w.-]+", "_", agreement_id).strip(".") or "agreement"
