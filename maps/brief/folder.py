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
from asmap.maps.i18n import LANGS
from asmap.maps.paper import page as static
from asmap.maps.paper.drawing import reused_projections
from asmap.maps.paper.words import eligible_sites

#: Every file of a brief, in the order it is written.
BRIEF_FILES = ("map.html", "overview.pdf", "sites.csv", "sites.xlsx", "conflicts.csv",
               "summary.md", "summary.html", "results.gpkg")


def brief_pages(analysis: Any, *, lang: str = "mn", profile: str = "internal",
                paper: str = "A4", orientation: str = "landscape"):
    """Yield the overview page(s), then one sheet per eligible site, one at a time.

    The site sheets are drawn on one figure: save each page before asking for the next.
    """
    options = {"lang": lang, "paper": paper, "orientation": orientation, "profile": profile}
    with reused_projections():  # every layer reprojected and indexed once for all pages
        yield from static.print_pages(analysis, **options)
        sheet = None
        for site_id in eligible_sites(analysis)["site_id"]:
            sheet = static.print_pages(analysis, site=str(site_id), reuse=sheet, **options)[0]
            yield sheet


def write_interactive(analysis: Any, path: Path, *, lang: str, profile: str) -> Path:
    """Write the offline interactive map (no network needed to open it)."""
    from asmap.maps.web.map import write_map

    return write_map(analysis, path, lang=lang, offline=True, profile=profile)


def write_brief(analysis: Any, out_dir: str | Path, *, lang: str = "mn",
                profile: str = "internal", paper: str = "A4",
                orientation: str = "landscape") -> Path:
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
        raise UsageError(f"{out_dir}: exists and is not a folder; choose a folder for the brief")
    shared = apply_profile(analysis, profile)
    with atomic_dir(out_dir) as tmp:
        write_interactive(shared, tmp / "map.html", lang=lang, profile=profile)
        static.save_pages(brief_pages(shared, lang=lang, profile=profile, paper=paper,
                                      orientation=orientation), tmp / "overview.pdf")
        tables.write_csv(shared.sites, tmp / "sites.csv")
        tables.write_sites_xlsx(shared, tmp / "sites.xlsx", lang=lang)
        tables.write_csv(shared.conflicts, tmp / "conflicts.csv")
        write_text_atomic(tmp / "summary.md",
                          summary.summary_markdown(shared, lang=lang, profile=profile))
        write_text_atomic(tmp / "summary.html",
                          summary.summary_html(shared, lang=lang, profile=profile))
        geo.write_results(shared, tmp / "results.gpkg")
    return out_dir
