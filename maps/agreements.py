"""Agreements and working windows in words, shared by the web map, print sheets and briefs.

The checks are codes (`geo.agreements.CODES`); here each becomes a sentence in
Mongolian or English with the detail that lets a negotiator fix it: which site,
which date, how many hectares.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from asmap.geo.agreements import CODES, SIGNATURES
from asmap.geo.schema import split
from asmap.maps.i18n import t


def day_text(value: Any) -> str | None:
    """
    A date as ``YYYY-MM-DD``, or None when empty.

    Examples
    --------
    >>> day_text(pd.Timestamp("2021-09-01")), day_text(pd.NaT), day_text("")
    ('2021-09-01', None, None)
    """
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        return value[:10] or None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def window_words(site: dict[str, Any], *, lang: str) -> str:
    """
    A site's working window in words (empty when nothing is known).

    Examples
    --------
    >>> window_words({"window_closes": pd.Timestamp("2021-09-01"), "window_days": 148},
    ...              lang="en")
    'window closes 2021-09-01 (148 days)'
    >>> window_words({"window_opens": pd.Timestamp("2020-10-15")}, lang="en")
    'window open since 2020-10-15; no reclamation planned on the ground'
    """
    opens, closes = day_text(site.get("window_opens")), day_text(site.get("window_closes"))
    parts = []
    if opens:
        parts.append(t("window_opens_words", lang, day=opens))
    if closes:
        parts.append(t("window_closes_words", lang, day=closes,
                       days=int(site.get("window_days"))))
    elif opens:
        parts.append(t("window_no_close", lang))
    return "; ".join(parts)


def status_word(status: Any, *, lang: str) -> str:
    """The status of an agreement in words (``signed`` -> ``гарын үсэг зурсан``)."""
    return t(f"agreement_status_{status}", lang) if status else ""


def check_lines(agreement: dict[str, Any], sites: pd.DataFrame, *, lang: str) -> list[str]:
    """
    Every check of an agreement as a sentence with its detail; one line when none.

    Parameters
    ----------
    agreement
        A row of `Analysis.agreements`.
    sites
        `Analysis.sites` (for the sites' reasons, licenses and windows).
    lang
        ``mn`` or ``en``.
    """
    codes = [c for c in str(agreement.get("checks") or "").split(";") if c]
    if not codes:
        return [t("checks_none", lang)]
    return [f"{t(code, lang)}: " + t(f"{code}_explain", lang,
                                     detail=_detail(code, agreement, sites, lang))
            for code in CODES if code in codes]


def _detail(code: str, row: dict[str, Any], sites: pd.DataFrame, lang: str) -> str:
    ids = split(row.get("site_ids"))
    known = sites[sites["site_id"].astype(str).isin(ids)]
    if code == "UNKNOWN_SITE":
        return ", ".join(i for i in ids if i not in set(known["site_id"].astype(str)))
    if code == "MISSING_SIGNATURE":
        return ", ".join(t(c, lang) for c in SIGNATURES if day_text(row.get(c)) is None)
    if code == "NOT_LICENSE_HOLDER":
        chosen = "; ".join(f"{s['site_id']}: {s['license_id']} ({s['holder']})"
                           for s in known.to_dict("records") if _text(s.get("license_id")))
        return (f"{_text(row.get('license_id')) or '-'}, {_text(row.get('company')) or '-'}"
                f" → {chosen or '-'}")
    if code == "SITE_NOT_ELIGIBLE":
        bad = known[~known["eligible"].fillna(False).astype(bool)]
        return "; ".join(f"{s['site_id']}: " + ", ".join(t(r, lang) for r in
                                                          str(s["reasons"]).split(";") if r)
                         for s in bad.to_dict("records"))
    if code == "PAST_RECLAMATION":
        closes = "; ".join(f"{s['site_id']}: {window_words(s, lang=lang)}"
                           for s in known.to_dict("records") if day_text(s.get("window_closes")))
        return f"{t('work_until', lang)} {day_text(row.get('work_until'))}; {closes}"
    if code == "AREA_MISMATCH":
        return (f"{float(row['area_ha']):.2f} / {t('mapped_ha', lang)} "
                f"{float(row.get('mapped_ha') or 0):.2f}")
    if code == "EXPIRED":
        return f"{t('work_until', lang)} {day_text(row.get('work_until'))}"
    return ""


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def written_and_windows(agreement: dict[str, Any], sites: pd.DataFrame, *, lang: str
                        ) -> tuple[str, list[str]]:
    """The hectares the agreement writes, in words, and the window of each of its sites."""
    written = agreement.get("area_ha")
    written = (t("annex_written_ha", lang, ha=f"{float(written):.2f}")
               if written is not None and written == written else t("not_written", lang))
    windows = [f"{s['site_id']}: {w}" for s in sites.to_dict("records")
               if (w := window_words(s, lang=lang))]
    return written, windows


def agreement_lines(agreement: dict[str, Any], sites: pd.DataFrame, *, lang: str
                    ) -> list[str]:
    """
    An agreement in a few lines: id and status, parties, hectares, window, every check.

    Used by the brief's summary and the annex.
    """
    ids = split(agreement.get("site_ids"))
    known = sites[sites["site_id"].astype(str).isin(ids)]
    written, windows = written_and_windows(agreement, known, lang=lang)
    lines = [
        f"{agreement['agreement_id']} ({status_word(agreement.get('status'), lang=lang)}), "
        f"{t('site_ids', lang)}: {', '.join(ids)}",
        f"{t('party_company', lang)}: {_text(agreement.get('company')) or '-'}; "
        f"{t('party_government', lang)}: {_text(agreement.get('government')) or '-'}; "
        f"{t('party_ngo', lang)}: {_text(agreement.get('ngo')) or '-'}",
        t("annex_hectares", lang, mapped=f"{float(agreement.get('mapped_ha') or 0):.2f}",
          written=written),
    ]
    if windows:
        lines.append(f"{t('window', lang)}: " + "; ".join(windows))
    return lines + check_lines(agreement, sites, lang=lang)


__all__ = ["agreement_lines", "check_lines", "day_text", "status_word",
           "window_words"]
