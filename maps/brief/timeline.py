"""The timeline in words and as a page: timeline.csv and timeline.html (issue 19).

`sentences` says, site by site, what changes when and which event makes it change
("ZT-07 becomes eligible on 2021-07-01, when post ZP-02 ends"); `timeline_html` draws
one bar per site over the period, coloured by verdict, as inline SVG (no script, no
network).
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pandas as pd

from asmap.geo.schema import site_categories, site_category
from asmap.geo.timeline import STATE
from asmap.layers.atomic import write_text_atomic
from asmap.maps.brief import tables
from asmap.maps.change_words import event_words
from asmap.maps.i18n import t
from asmap.maps.paper.words import codes
from asmap.maps.styles import category_style

#: Width of the bars (px), height of a row, room for the site ids on the left.
BAR_PX, ROW_PX, LABEL_PX = 720, 22, 70
#: With more sites than this, only those eligible at some time are charted.
MAX_CHARTED = 40


def sentences(table: pd.DataFrame, *, lang: str = "mn") -> list[str]:
    """
    Every change of a timeline in a sentence (plain text).

    Parameters
    ----------
    table
        What `geo.timeline` returned.
    lang
        ``mn`` or ``en``.

    Returns
    -------
    list of str
        First a sentence per site whose verdict changes (by date), then one per change of
        reasons, notes, party or posts with the same verdict, the sites it touches alike
        together.

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "site_id": ["ZT-07", "ZT-07"], "from": [date(2021, 1, 1), date(2021, 7, 1)],
    ...     "until": [date(2021, 6, 30), date(2021, 12, 31)], "eligible": [False, True],
    ...     "reasons": ["TOO_SMALL", ""], "notes": ["POST_ZONE", ""],
    ...     "negotiate_with": ["local government"] * 2, "posts_on_route": ["", ""],
    ...     "changed_by": ["", "POST_END:ZP-02"]})
    >>> sentences(frame, lang="en")
    ['ZT-07 becomes eligible on 2021-07-01, when post ZP-02 ends']
    """
    flips, others = [], {}
    ordered = table.sort_values(["site_id", "from"], kind="stable")
    for _, group in ordered.groupby("site_id", sort=False):
        rows = group.to_dict("records")
        for before, row in zip(rows, rows[1:], strict=False):
            day, events = str(row["from"]), event_words(row.get("changed_by"), lang)
            site = str(row["site_id"])
            if bool(row["eligible"]) and not bool(before["eligible"]):
                flips.append((day, site, t("becomes_eligible", lang, site=site, date=day,
                                            events=events)))
            elif bool(before["eligible"]) and not bool(row["eligible"]):
                flips.append((day, site, t("stops_eligible", lang, site=site, date=day,
                                            events=events,
                                            why=codes(row.get("reasons"), lang))))
            else:  # the same verdict: sites changed alike by the same events go together
                what = ", ".join(t(c, lang) for c in STATE if c != "eligible" and c in row
                                 and str(row[c] or "") != str(before[c] or ""))
                others.setdefault((day, what or t("changed_by", lang), events), []).append(site)
    said = [text for _, _, text in sorted(flips)]
    return said + [t("verdict_same", lang, site=", ".join(sites), date=day, events=events,
                     what=what) for (day, what, events), sites in sorted(others.items())]


def _x(day: date, start: date, end: date) -> float:
    span = max((end - start).days + 1, 1)
    return LABEL_PX + BAR_PX * (day - start).days / span


def _colour(row: dict) -> str:
    category = site_category({"eligible": row["eligible"], "reasons": row["reasons"],
                              "unchecked": ""})
    return category_style(category)["fillColor"]


def _ticks(start: date, end: date) -> list[date]:
    days = (end - start).days
    step = 1 if days <= 800 else 12
    out, year, month = [], start.year, start.month
    while True:
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        tick = date(year, month, 1)
        if tick > end:
            return out
        out.append(tick)


def timeline_svg(table: pd.DataFrame, start: date, end: date, *, lang: str = "mn") -> str:
    """One bar per site over the period, a segment per interval with its words as a tooltip."""
    ids = list(dict.fromkeys(table["site_id"].astype(str)))
    height = ROW_PX * (len(ids) + 2)
    width = LABEL_PX + BAR_PX + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'role="img" font-family="DejaVu Sans, sans-serif" font-size="11">']
    for tick in _ticks(start, end):
        x = _x(tick, start, end)
        parts.append(f'<line x1="{x:.1f}" y1="{ROW_PX * 0.5}" x2="{x:.1f}" '
                     f'y2="{height - ROW_PX}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle">'
                     f'{tick.isoformat()[:7]}</text>')
    for i, site_id in enumerate(ids):
        y = ROW_PX * (i + 0.5)
        parts.append(f'<text x="{LABEL_PX - 6}" y="{y + ROW_PX * 0.6:.1f}" text-anchor="end">'
                     f"{html.escape(site_id)}</text>")
        for row in table[table["site_id"].astype(str) == site_id].to_dict("records"):
            x0 = _x(row["from"], start, end)
            x1 = _x(row["until"], start, end) + BAR_PX / max((end - start).days + 1, 1)
            verdict = t("eligible" if row["eligible"] else "not_eligible", lang)
            tip = f"{row['from']} – {row['until']}: {verdict}"
            if codes(row.get("reasons"), lang):
                tip += f" ({codes(row.get('reasons'), lang)})"
            if event_words(row.get("changed_by"), lang):
                tip += f"; {event_words(row.get('changed_by'), lang)}"
            parts.append(f'<rect x="{x0:.1f}" y="{y + 3:.1f}" width="{max(x1 - x0, 1):.1f}" '
                         f'height="{ROW_PX - 6}" fill="{_colour(row)}" stroke="#333" '
                         f'stroke-width="0.5" data-site="{html.escape(site_id, quote=True)}" '
                         f'data-eligible="{str(bool(row["eligible"])).lower()}">'
                         f"<title>{html.escape(tip)}</title></rect>")
    parts.append("</svg>")
    return "\n".join(parts)


def timeline_html(table: pd.DataFrame, start: date, end: date, *, lang: str = "mn") -> str:
    """
    timeline.html: the sentences, then the chart, in one self-contained page.

    Parameters
    ----------
    table
        What `geo.timeline` returned.
    start, end
        The period.
    lang
        ``mn`` or ``en``.

    Returns
    -------
    str
        The page (every value escaped).

    Examples
    --------
    >>> frame = pd.DataFrame({"site_id": ["ZT-01"], "from": [date(2021, 1, 1)],
    ...                       "until": [date(2021, 12, 31)], "eligible": [True],
    ...                       "reasons": [""], "changed_by": [""]})
    >>> page = timeline_html(frame, date(2021, 1, 1), date(2021, 12, 31), lang="en")
    >>> page.count("<rect"), "No site" in page
    (1, True)
    """
    title = t("timeline_title", lang, start=start.isoformat(), end=end.isoformat())
    charted = table
    note = ""
    if table["site_id"].nunique() > MAX_CHARTED:
        ever = set(table.loc[table["eligible"].astype(bool), "site_id"].astype(str))
        charted = table[table["site_id"].astype(str).isin(ever)]
        note = f"<p>{html.escape(t('timeline_charted', lang))}</p>\n"
    said = sentences(table, lang=lang) or [t("timeline_no_change", lang)]
    items = "\n".join(f"  <li>{html.escape(s)}</li>" for s in said)
    legend = " ".join(
        f'<span style="background:{category_style(c)["fillColor"]};padding:0 .6em"></span> '
        f"{html.escape(t(c, lang))}"
        for c in site_categories() if c != "unverified")
    style = "body{font-family:'DejaVu Sans',sans-serif;margin:2em;color:#222}"
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">'
            f"\n<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
            f"<h1>{html.escape(title)}</h1>\n<ul>\n{items}\n</ul>\n<p>{legend}</p>\n{note}"
            f"{timeline_svg(charted, start, end, lang=lang)}\n</body>\n</html>\n")


def write_timeline(table: pd.DataFrame, path: str | Path, start: date, end: date, *,
                   lang: str = "mn") -> tuple[Path, Path]:
    """
    Write timeline.csv (machine columns, ISO dates) and timeline.html beside it.

    Parameters
    ----------
    table
        What `geo.timeline` returned.
    path
        The ``.csv`` to write; the page gets the same name with ``.html``.
    start, end
        The period.
    lang
        ``mn`` or ``en`` (the page).

    Returns
    -------
    tuple of Path
        The CSV and the page.

    Examples
    --------
    >>> frame = pd.DataFrame({"site_id": ["ZT-01"], "from": [date(2021, 1, 1)],
    ...                       "until": [date(2021, 12, 31)], "eligible": [True],
    ...                       "reasons": [""], "changed_by": [""]})
    >>> write_timeline(frame, "timeline.csv", date(2021, 1, 1), date(2021, 12, 31))
    (PosixPath('timeline.csv'), PosixPath('timeline.html'))
    """
    path = Path(path)
    page = path.with_suffix(".html")
    tables.write_csv(table, path)
    write_text_atomic(page, timeline_html(table, start, end, lang=lang))
    return path, page
