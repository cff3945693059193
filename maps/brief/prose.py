"""The brief's summary in words: summary.md and summary.html from one list of sections.

Counts, eligible hectares, who to negotiate with for which sites, the posts where a
movement permit is needed, license conflicts, eligible-but-unverified sites, the rules
and date used, and every layer's source and date. Every value from the data is
HTML-escaped in both files (Markdown viewers render HTML too), and Markdown punctuation is
escaped in summary.md, so no value becomes a link or an image a viewer would fetch.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from typing import Any

from asmap.geo.schema import split
from asmap.maps import provenance
from asmap.maps.agreements import agreement_lines, window_words
from asmap.maps.i18n import t
from asmap.maps.paper.words import codes, eligible_sites, number, text, who

Section = tuple[str, list[str]]


_MARKDOWN = re.compile(r"([\\`*_\[\]!#|~])")


def markdown_escaped(line: str) -> str:
    """
    An HTML-escaped line with Markdown punctuation backslash-escaped: no link, no image.

    Examples
    --------
    >>> markdown_escaped("![logo](http://evil.example/pixel.png)")
    '\\\\!\\\\[logo\\\\](http://evil.example/pixel.png)'
    """
    return _MARKDOWN.sub(r"\\\1", line)


def _esc(value: object) -> str:
    """Text escaped for HTML; an apostrophe stays ' (it reads in summary.md as written)."""
    return html.escape(text(value)).replace("&#x27;", "'")


def _post_names(analysis: Any) -> dict[str, str]:
    posts = analysis.layers.get("posts")
    if posts is None or "post_id" not in posts.columns:
        return {}
    names = posts["name"] if "name" in posts.columns else [None] * len(posts)
    return {str(pid): text(name) for pid, name in zip(posts["post_id"], names, strict=True)}


def sections(analysis: Any, *, lang: str = "mn", since: list[str] | None = None
             ) -> list[Section]:
    """
    The summary as (heading, lines) pairs; every line is already HTML-escaped.

    Parameters
    ----------
    analysis
        A `geo.Analysis`, with the sharing profile already applied.
    lang
        ``mn`` or ``en``.
    since
        Escaped lines of a "Since the last brief" section (`maps.brief.changes.since_lines`),
        put after the counts; None leaves the section out.
    """
    sites = analysis.sites
    eligible = eligible_sites(analysis)
    unverified = eligible[[bool(split(u)) for u in eligible.get("unchecked", [""] * len(eligible))]]
    total_ha = float(eligible["available_ha"].fillna(0).sum()) if len(eligible) else 0.0
    ha = t("ha", lang)
    counts = [f"{t('sites_total', lang)}: {len(sites)}",
              f"{t('sites_eligible', lang)}: {len(eligible)}"
              f" ({t('sites_unverified', lang)}: {len(unverified)})",
              f"{t('sites_not_eligible', lang)}: {len(sites) - len(eligible)}",
              f"{t('eligible_ha_total', lang)}: {total_ha:.2f} {ha}"]
    by_reason: dict[str, int] = defaultdict(int)
    for value in sites.loc[~sites.index.isin(eligible.index), "reasons"]:
        for code in split(value):
            by_reason[code] += 1
    counts += [f"{t(code, lang)}: {n}" for code, n in sorted(by_reason.items())]

    parties: dict[str, list[tuple[str, float]]] = defaultdict(list)
    posts: dict[str, list[str]] = defaultdict(list)
    for site in eligible.to_dict("records"):
        parties[who(site.get("negotiate_with"), lang) or t("none", lang)].append(
            (str(site["site_id"]), float(site.get("available_ha") or 0)))
        for post in split(site.get("posts_on_route")):
            posts[post].append(str(site["site_id"]))
    negotiate = [_esc(t("sites_for", lang, who=party, sites=", ".join(s for s, _ in found),
                        ha=f"{sum(h for _, h in found):.2f}"))
                 for party, found in sorted(parties.items())]
    names = _post_names(analysis)
    post_lines = [_esc(t("post_sites", lang, post=f"{pid} {names.get(pid, '')}".strip(),
                         sites=", ".join(found))) for pid, found in sorted(posts.items())]
    conflict_lines = [_esc(t("conflict_line", lang, a=row.get("license_id_a"),
                             b=row.get("license_id_b"), holder_a=text(row.get("holder_a")),
                             holder_b=text(row.get("holder_b")),
                             ha=number(row.get("overlap_ha"))))
                      for row in analysis.conflicts.to_dict("records")]
    unverified_lines = [_esc(t("unverified_line", lang, site=row["site_id"],
                               rules=codes(row.get("unchecked"), lang)))
                        for row in unverified.to_dict("records")]
    rules = {k: f"{v:g}" for k, v in analysis.rules.as_dict().items()}
    rule_lines = [_esc(f"{t('analysis_date', lang)}: {analysis.on.isoformat()}"),
                  _esc(f"{t('rules', lang)}: {t('rules_line', lang, **rules)}")]
    if analysis.unchecked:
        rule_lines.append(_esc(t("unverified_explain", lang,
                                 rules=codes(";".join(analysis.unchecked), lang))))
    source_lines = [_esc(provenance.provenance_label(p, lang=lang, notes=True))
                    for p in provenance.analysis_provenance(analysis)]
    if provenance.needs_osm_credit(analysis.sources, analysis.layers.get("boundary")):
        source_lines.append(_esc(t("osm_credit", lang)))
    return [
        (t("counts", lang), [_esc(line) for line in counts]),
        *_window_section(eligible, lang=lang),
        *([(t("since_heading", lang), since)] if since is not None else []),
        (t("negotiate_heading", lang), negotiate or [_esc(t("no_eligible", lang))]),
        (t("posts_heading", lang), post_lines or [_esc(t("no_posts", lang))]),
        (t("conflicts_heading", lang), conflict_lines or [_esc(t("no_conflicts", lang))]),
        (t("unverified_heading", lang), unverified_lines or [_esc(
            t("no_unverified_unchecked", lang, rules=codes(";".join(analysis.unchecked), lang))
            if analysis.unchecked else t("no_unverified", lang))]),
        *_agreement_section(analysis, lang=lang),
        (t("rules", lang), rule_lines),
        (t("sources", lang), source_lines),
    ]


# --- agreements (issue 14) ---
#: Eligible sites whose window closes within this many days are listed first.
SOON_DAYS = 180


def _window_section(eligible: Any, *, lang: str) -> list[Section]:
    """Eligible sites whose working window closes within `SOON_DAYS`, soonest first."""
    if "window_days" not in eligible.columns:
        return []
    days = eligible["window_days"]
    soon = eligible[days.notna() & (days.fillna(-1) >= 0) & (days.fillna(-1) <= SOON_DAYS)]
    if not len(soon):
        return []
    soon = soon.iloc[soon["window_days"].astype(int).argsort(kind="stable")]
    return [(t("window_soon", lang), [_esc(f"{row['site_id']}: {window_words(row, lang=lang)}")
                                      for row in soon.to_dict("records")])]


def _agreement_section(analysis: Any, *, lang: str) -> list[Section]:
    """Each agreement: parties, hectares, window and every check in words."""
    found = getattr(analysis, "agreements", None)
    if found is None or not len(found):
        return []
    lines = [_esc(" · ".join(agreement_lines(row, analysis.sites, lang=lang)))
             for row in found.to_dict("records")]
    return [(t("agreements_heading", lang), lines)]


def _notices(analysis: Any, *, lang: str, profile: str) -> list[str]:
    notes = [t(f"profile_{profile}", lang)]
    if provenance.is_sample(analysis.sources):
        notes.append(t("sample_notice", lang))
    return [html.escape(n) for n in notes]


def _title(analysis: Any, lang: str) -> str:
    return html.escape(t("brief_title", lang, place=analysis.place_name()).rstrip(" —"))


def summary_markdown(analysis: Any, *, lang: str = "mn", profile: str = "internal",
                     since: list[str] | None = None) -> str:
    """The summary as Markdown (values HTML- and Markdown-escaped); `since` as for `sections`."""
    md = markdown_escaped
    out = [f"# {md(_title(analysis, lang))}", ""]
    out += [f"> {md(note)}" for note in _notices(analysis, lang=lang, profile=profile)] + [""]
    for heading, lines in sections(analysis, lang=lang, since=since):
        out += [f"## {md(html.escape(heading))}", ""]
        out += [f"- {md(line)}" for line in lines] + [""]
    return "\n".join(out)


def summary_html(analysis: Any, *, lang: str = "mn", profile: str = "internal",
                 since: list[str] | None = None, documents: str = "") -> str:
    """The summary as a small self-contained HTML page (values HTML-escaped); `documents`
    is the section linking the brief's documents (`maps.brief.documents`)."""
    title = _title(analysis, lang)
    body = [f"<h1>{title}</h1>"]
    body += [f'<p class="notice">{note}</p>'
             for note in _notices(analysis, lang=lang, profile=profile)]
    for heading, lines in sections(analysis, lang=lang, since=since):
        body.append(f"<h2>{html.escape(heading)}</h2>\n<ul>")
        body += [f"  <li>{line}</li>" for line in lines]
        body.append("</ul>")
    if documents:
        body.append(documents)
    style = ("body{font-family:'DejaVu Sans',sans-serif;max-width:52em;margin:2em auto;"
             "line-height:1.45;color:#222}h1{font-size:1.5em}h2{font-size:1.15em;"
             "border-bottom:1px solid #ccc}.notice{background:#fff6d5;padding:.4em .7em}")
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">'
            f"\n<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
