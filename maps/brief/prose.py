"""The brief's summary in words: summary.md and summary.html from one list of sections.

Counts, eligible hectares, who to negotiate with for which sites, the posts where a
movement permit is needed, license conflicts, eligible-but-unverified sites, the rules
and date used, and every layer's source and date. Every value from the data is
HTML-escaped in both files (Markdown viewers render HTML too).
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from asmap.maps import provenance
from asmap.maps.i18n import t
from asmap.maps.paper.words import codes, eligible_sites, items, number, text, who

Section = tuple[str, list[str]]


def _esc(value: object) -> str:
    return html.escape(text(value), quote=True)


def _post_names(analysis: Any) -> dict[str, str]:
    posts = analysis.layers.get("posts")
    if posts is None or "post_id" not in posts.columns:
        return {}
    names = posts["name"] if "name" in posts.columns else [None] * len(posts)
    return {str(pid): text(name) for pid, name in zip(posts["post_id"], names, strict=True)}


def sections(analysis: Any, *, lang: str = "mn") -> list[Section]:
    """
    The summary as (heading, lines) pairs; every line is already HTML-escaped.

    Parameters
    ----------
    analysis
        A `geo.Analysis`, with the sharing profile already applied.
    lang
        ``mn`` or ``en``.
    """
    sites = analysis.sites
    eligible = eligible_sites(analysis)
    unverified = eligible[[bool(items(u)) for u in eligible.get("unchecked", [""] * len(eligible))]]
    total_ha = float(eligible["available_ha"].fillna(0).sum()) if len(eligible) else 0.0
    ha = t("ha", lang)
    counts = [f"{t('sites_total', lang)}: {len(sites)}",
              f"{t('sites_eligible', lang)}: {len(eligible)}"
              f" ({t('sites_unverified', lang)}: {len(unverified)})",
              f"{t('sites_not_eligible', lang)}: {len(sites) - len(eligible)}",
              f"{t('eligible_ha_total', lang)}: {total_ha:.2f} {ha}"]
    by_reason: dict[str, int] = defaultdict(int)
    for value in sites.loc[~sites.index.isin(eligible.index), "reasons"]:
        for code in items(value):
            by_reason[code] += 1
    counts += [f"{t(code, lang)}: {n}" for code, n in sorted(by_reason.items())]

    parties: dict[str, list[tuple[str, float]]] = defaultdict(list)
    posts: dict[str, list[str]] = defaultdict(list)
    for site in eligible.to_dict("records"):
        parties[who(site.get("negotiate_with"), lang) or t("none", lang)].append(
            (str(site["site_id"]), float(site.get("available_ha") or 0)))
        for post in items(site.get("posts_on_route")):
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
        (t("negotiate_heading", lang), negotiate or [_esc(t("no_eligible", lang))]),
        (t("posts_heading", lang), post_lines or [_esc(t("no_posts", lang))]),
        (t("conflicts_heading", lang), conflict_lines or [_esc(t("no_conflicts", lang))]),
        (t("unverified_heading", lang), unverified_lines or [_esc(t("no_unverified", lang))]),
        (t("rules", lang), rule_lines),
        (t("sources", lang), source_lines),
    ]


def _notices(analysis: Any, *, lang: str, profile: str) -> list[str]:
    notes = [t(f"profile_{profile}", lang)]
    if provenance.is_sample(analysis.sources):
        notes.append(t("sample_notice", lang))
    return [html.escape(n) for n in notes]


def _title(analysis: Any, lang: str) -> str:
    boundary = analysis.layers.get("boundary")
    place = ""
    if boundary is not None and len(boundary) and "name" in boundary.columns:
        place = text(boundary["name"].iloc[0])
    return html.escape(t("brief_title", lang, place=place).rstrip(" —"))


def summary_markdown(analysis: Any, *, lang: str = "mn", profile: str = "internal") -> str:
    """The summary as Markdown (values HTML-escaped)."""
    out = [f"# {_title(analysis, lang)}", ""]
    out += [f"> {note}" for note in _notices(analysis, lang=lang, profile=profile)] + [""]
    for heading, lines in sections(analysis, lang=lang):
        out += [f"## {html.escape(heading)}", ""]
        out += [f"- {line}" for line in lines] + [""]
    return "\n".join(out)


def summary_html(analysis: Any, *, lang: str = "mn", profile: str = "internal",
                 documents: str = "") -> str:
    """The summary as a small self-contained HTML page (values HTML-escaped); `documents`
    is the section linking the brief's documents (`maps.brief.documents`)."""
    title = _title(analysis, lang)
    body = [f"<h1>{title}</h1>"]
    body += [f'<p class="notice">{note}</p>'
             for note in _notices(analysis, lang=lang, profile=profile)]
    for heading, lines in sections(analysis, lang=lang):
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
