"""The negotiation brief: one folder with everything to take to the tripartite talks.

``map.html`` (the offline interactive map), ``overview.pdf`` (overview page plus one sheet
per eligible site), ``sites.csv``, ``sites.xlsx``, ``conflicts.csv``, ``summary.md``,
``summary.html`` and ``results.gpkg``. The sharing profile is applied once, before any
file is written, so a public brief carries no sensitive or unknown column in any file.
The folder appears only when every file is complete.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from asmap import geo
from asmap.geo.sharing import apply_profile, check_profile
from asmap.layers.atomic import atomic_dir, write_text_atomic
from asmap.layers.errors import UsageError
from asmap.maps.brief import prose as summary
from asmap.maps.brief import tables
from asmap.maps.brief.documents import copy_documents, documents, documents_html
from asmap.maps.i18n import LANGS
from asmap.maps.media import PHOTO_MB
from asmap.maps.paper import page as static
from asmap.maps.paper.words import eligible_sites

#: Every file of a brief, in the order it is written.
BRIEF_FILES = ("map.html", "overview.pdf", "sites.csv", "sites.xlsx", "conflicts.csv",
               "summary.md", "summary.html", "results.gpkg")


def brief_pages(analysis: Any, *, lang: str = "mn", profile: str = "internal",
                paper: str = "A4", orientation: str = "landscape",
                media: Path | None = None, photos: bool = True):
    """Yield the overview page(s), then one sheet per eligible site, one at a time."""
    options = {"lang": lang, "paper": paper, "orientation": orientation, "profile": profile,
               "media": media, "photos": photos}
    yield from static.print_pages(analysis, **options)
    for site_id in eligible_sites(analysis)["site_id"]:
        yield from static.print_pages(analysis, site=str(site_id), **options)


def write_interactive(analysis: Any, path: Path, *, lang: str, profile: str,
                      media: Path | None = None, photos: bool = True,
                      photo_mb: float = PHOTO_MB) -> Path:
    """Write the offline interactive map (no network needed to open it)."""
    from asmap.maps.web.map import write_map

    return write_map(analysis, path, lang=lang, offline=True, profile=profile, media=media,
                     photos=photos, photo_mb=photo_mb)


def write_brief(analysis: Any, out_dir: str | Path, *, lang: str = "mn",
                profile: str = "internal", paper: str = "A4",
                orientation: str = "landscape", media: str | Path | None = None,
                photos: bool = True, photo_mb: float = PHOTO_MB) -> Path:
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
        raise UsageError(f"unknown language {lang!r}; use mn or en")
    check_profile(profile)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(code="er_brief_not_folder", path=out_dir)
    shared = apply_profile(analysis, profile)
    media = Path(media) if media is not None else None
    found = documents(shared, media)
    with atomic_dir(out_dir) as tmp:
        write_interactive(shared, tmp / "map.html", lang=lang, profile=profile, media=media,
                          photos=photos, photo_mb=photo_mb)
        static.save_pages(brief_pages(shared, lang=lang, profile=profile, paper=paper,
                                      orientation=orientation, media=media, photos=photos),
                          tmp / "overview.pdf")
        copy_documents(found, tmp)
        tables.write_csv(shared.sites, tmp / "sites.csv")
        tables.write_sites_xlsx(shared, tmp / "sites.xlsx", lang=lang)
        tables.write_csv(shared.conflicts, tmp / "conflicts.csv")
        write_text_atomic(tmp / "summary.md",
                          summary.summary_markdown(shared, lang=lang, profile=profile))
        write_text_atomic(tmp / "summary.html",
                          summary.summary_html(shared, lang=lang, profile=profile,
                                               documents=documents_html(found, lang=lang)))
        geo.write_results(shared, tmp / "results.gpkg")
    return out_dir
