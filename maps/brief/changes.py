"""What changed since the last talks, as files: changes.csv/.xlsx/.md/.html/.gpkg (issue 19).

`write_changes` writes the folder of ``asmap compare``; `since_lines` are the lines of
the brief's "Since the last brief" section (the same words as ``changes.md``).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pandas as pd

import geopandas as gpd

from asmap.geo.compare import compare, layer_changes, results_of
from asmap.geo.crs import WGS84
from asmap.layers.atomic import atomic_dir, write_text_atomic
from asmap.layers.errors import UsageError
from asmap.maps.brief import tables
from asmap.maps.change_words import change_label, change_table, change_value
from asmap.maps.i18n import LANGS, t
from asmap.maps.paper.words import codes

#: Files of a changes folder, in the order they are written.
CHANGE_FILES = ("changes.csv", "changes.xlsx", "changes.md", "changes.html", "changes.gpkg")


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def since_lines(changes: pd.DataFrame, found: dict[str, list], *, lang: str = "mn"
                ) -> list[str]:
    """
    The changes in sentences, every value HTML-escaped.

    Parameters
    ----------
    changes
        What `geo.compare` returned.
    found
        What `geo.compare.layer_changes` returned.
    lang
        ``mn`` or ``en``.

    Returns
    -------
    list of str
        Dates, counts, differing rules, sites that became or stopped being eligible and
        why, sites that appeared or went, licenses, posts and agreements that changed.

    Examples
    --------
    >>> frame = pd.DataFrame({"site_id": ["ZT-07"], "change": ["BECAME_ELIGIBLE"],
    ...                       "before": ["not_eligible"], "after": ["eligible"]})
    >>> since_lines(frame, {}, lang="en")[0]
    '1 changes at 1 sites'
    """
    on = changes.attrs.get("on")
    lines = []
    if on:
        lines.append(t("since_dates", lang, old=on[0], new=on[1]))
    rules = changes.attrs.get("rules") or {}
    if rules:
        lines.append(t("rules_differ", lang, rules=", ".join(
            f"{k} {a:g} → {b:g}" for k, (a, b) in rules.items())))
    if changes.empty:
        lines.append(t("since_none", lang))
    else:
        lines.append(t("since_counts", lang, changes=len(changes),
                       sites=changes["site_id"].nunique()))
    by_site = {k: g for k, g in changes.groupby("site_id", sort=True)}
    for site_id, group in by_site.items():
        kinds = set(group["change"])
        reasons = group[group["change"] == "REASONS"]
        if "BECAME_ELIGIBLE" in kinds:
            why = codes(reasons["before"].iloc[0], lang) if len(reasons) else "—"
            lines.append(t("became_line", lang, site=site_id, why=why))
        elif "NO_LONGER_ELIGIBLE" in kinds:
            why = codes(reasons["after"].iloc[0], lang) if len(reasons) else "—"
            lines.append(t("stopped_line", lang, site=site_id, why=why))
        elif "APPEARED" in kinds:
            lines.append(t("appeared_line", lang, site=site_id))
        elif "DISAPPEARED" in kinds:
            lines.append(t("disappeared_line", lang, site=site_id))
    if found.get("licenses_appeared"):
        lines.append(t("licenses_appeared", lang, ids=", ".join(found["licenses_appeared"])))
    if found.get("licenses_went"):
        lines.append(t("licenses_went", lang, ids=", ".join(found["licenses_went"])))
    lines += [t("holder_changed", lang, id=k, old=a, new=b)
              for k, a, b in found.get("holders_changed", [])]
    if found.get("posts_appeared"):
        lines.append(t("posts_appeared", lang, ids=", ".join(found["posts_appeared"])))
    if found.get("posts_went"):
        lines.append(t("posts_went", lang, ids=", ".join(found["posts_went"])))
    lines += [t("agreement_changed", lang, id=k, column=t(c, lang), old=a or "—", new=b or "—")
              for k, c, a, b in found.get("agreements_changed", [])]
    return [_esc(line) for line in lines]


def changed_sites(changes: pd.DataFrame, old: Any, new: Any) -> gpd.GeoDataFrame:
    """
    The changed sites with a ``change`` column (codes, ``;``-joined), EPSG:4326.

    A site that went keeps its old geometry; every other its new one.

    Parameters
    ----------
    changes
        What `geo.compare` returned for `old` and `new`.
    old, new
        The two analyses.

    Returns
    -------
    GeoDataFrame
        ``site_id``, ``change``, ``eligible`` (now; False for a site that went).

    Examples
    --------
    >>> from asmap import geo, layers
    >>> one = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    >>> changed_sites(geo.compare(one, one), one, one).columns.tolist()
    ['site_id', 'change', 'eligible', 'geometry']
    """
    joined = (changes.groupby("site_id", sort=True)["change"].agg(";".join)
              if len(changes) else pd.Series(dtype=object))
    rows, geoms, seen = [], [], set()
    for sites, gone in ((new.sites, False), (old.sites, True)):
        ids = sites["site_id"].astype(str)
        for site_id, eligible, geom in zip(ids, sites["eligible"], sites.geometry.values,
                                           strict=True):
            if site_id in joined.index and site_id not in seen:
                seen.add(site_id)
                rows.append({"site_id": site_id, "change": joined[site_id],
                             "eligible": False if gone else bool(eligible)})
                geoms.append(geom)
    frame = pd.DataFrame(rows, columns=["site_id", "change", "eligible"])
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=WGS84).values, crs=WGS84)


def changes_markdown(lines: list[str], *, title: str) -> str:
    """changes.md: a title and the lines as a list (values already escaped)."""
    return "\n".join([f"# {html.escape(title)}", "", *[f"- {line}" for line in lines], ""])


def changes_html(lines: list[str], table: pd.DataFrame, *, title: str, lang: str) -> str:
    """changes.html: the lines, then the table of changes (every value escaped)."""
    head = "".join(f"<th>{_esc(t(c, lang))}</th>" for c in table.columns[:4])
    body = "\n".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in row[:4]) + "</tr>"
                     for row in table.itertuples(index=False))
    items_html = "\n".join(f"  <li>{line}</li>" for line in lines)
    style = ("body{font-family:'DejaVu Sans',sans-serif;max-width:60em;margin:2em auto;"
             "color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
             "padding:.2em .5em;text-align:left}")
    return (f'<!DOCTYPE html>\n<html lang="{_esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{_esc(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
            f"<h1>{_esc(title)}</h1>\n<ul>\n{items_html}\n</ul>\n"
            f"<table>\n<tr>{head}</tr>\n{body}\n</table>\n</body>\n</html>\n")


def write_changes(old: Any, new: Any, out_dir: str | Path, *, lang: str = "mn") -> Path:
    """
    Write the folder of ``asmap compare``: what changed from `old` to `new`.

    Parameters
    ----------
    old, new
        Analyses, results GeoPackages, or (brief) folders with ``results.gpkg``.
    out_dir
        The folder to write (replaced as a whole, once complete).
    lang
        ``mn`` or ``en``: the change in words, headers, the sentences.

    Returns
    -------
    Path
        `out_dir`, with `CHANGE_FILES`.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> project = layers.load(layers.sample_path())
    >>> write_changes(geo.analyze(project, on="2021-04-06"), geo.analyze(project,
    ...               on="2021-07-01"), "changes", lang="en")
    PosixPath('changes')
    >>> sorted(p.name for p in Path("changes").iterdir())[:2]
    ['changes.csv', 'changes.gpkg']
    """
    if lang not in LANGS:
        raise UsageError(code="er_unknown_lang", lang=lang)
    old, new = results_of(old), results_of(new)
    changes = compare(old, new)
    found = layer_changes(old, new)
    lines = since_lines(changes, found, lang=lang)
    table = change_table(changes, lang=lang)
    title = t("changes_title", lang, old=old.on.isoformat(), new=new.on.isoformat())
    out_dir = Path(out_dir)
    with atomic_dir(out_dir) as tmp:
        tables.write_csv(table, tmp / "changes.csv")
        write_changes_xlsx(table, tmp / "changes.xlsx", lang=lang)
        write_text_atomic(tmp / "changes.md", changes_markdown(lines, title=title))
        write_text_atomic(tmp / "changes.html", changes_html(lines, table, title=title,
                                                             lang=lang))
        frame = changed_sites(changes, old, new)
        frame.to_file(tmp / "changes.gpkg", layer="changes", driver="GPKG", engine="pyogrio",
                      promote_to_multi=True)
    return out_dir


def write_changes_xlsx(table: pd.DataFrame, path: Path, *, lang: str) -> Path:
    """changes.xlsx: the table of `change_table` with headers in the language."""
    from openpyxl import Workbook

    from asmap.layers.atomic import atomic_path

    book = Workbook()
    book.remove(book.active)
    tables._sheet(book, t("change", lang)[:31], table, lang=lang)
    with atomic_path(path) as tmp:
        book.save(tmp)
    return path


__all__ = ["CHANGE_FILES", "change_label", "change_value", "changed_sites", "since_lines",
           "write_changes"]
