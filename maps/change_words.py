"""Changes and events in words, for the brief, the map and the timeline (issue 19).

`geo.compare` and `geo.timeline` give codes (``BECAME_ELIGIBLE``, ``POST_END:ZP-02``);
this module turns them into mn/en text. Plain text out: escape it where it reaches HTML.
"""

from __future__ import annotations

import pandas as pd

from asmap.geo.schema import split
from asmap.maps.i18n import t
from asmap.maps.paper.words import codes, who

#: Changes whose before/after are verdicts, code lists or parties, shown in words.
VERDICTS = ("APPEARED", "DISAPPEARED", "BECAME_ELIGIBLE", "NO_LONGER_ELIGIBLE")


def change_label(code: str, lang: str = "mn") -> str:
    """
    A change code in words.

    Examples
    --------
    >>> change_label("BECAME_ELIGIBLE", "en")
    'Became eligible'
    """
    return t(f"change_{code}", lang)


def change_value(code: str, value: object, lang: str = "mn") -> str:
    """
    The before or after of a change in words ("—" for none).

    Examples
    --------
    >>> change_value("REASONS", "TOO_FAR;TOO_SMALL", "en")
    'Too far, Too small'
    >>> change_value("BECAME_ELIGIBLE", "not_eligible", "en"), change_value("NOTES", "", "en")
    ('Not eligible', '—')
    """
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    if not text:
        return "—"
    if code in VERDICTS:
        return t(text, lang)
    if code in ("REASONS", "NOTES"):
        return codes(text, lang)
    if code == "NEGOTIATE_WITH":
        return who(text, lang)
    if code == "POSTS_ON_ROUTE":
        return ", ".join(split(text))
    return text


def change_table(changes: pd.DataFrame, *, lang: str = "mn") -> pd.DataFrame:
    """
    The changes of `geo.compare` for people: ``site_id, change, before, after`` in words,
    then ``code`` (the change code, for other tools).

    Examples
    --------
    >>> frame = pd.DataFrame({"site_id": ["ZT-07"], "change": ["BECAME_ELIGIBLE"],
    ...                       "before": ["not_eligible"], "after": ["eligible"]})
    >>> change_table(frame, lang="en").iloc[0].tolist()
    ['ZT-07', 'Became eligible', 'Not eligible', 'Eligible', 'BECAME_ELIGIBLE']
    """
    rows = [{"site_id": row.site_id, "change": change_label(row.change, lang),
             "before": change_value(row.change, row.before, lang),
             "after": change_value(row.change, row.after, lang), "code": row.change}
            for row in changes.itertuples(index=False)]
    return pd.DataFrame(rows, columns=["site_id", "change", "before", "after", "code"])


def event_words(changed_by: object, lang: str = "mn") -> str:
    """
    The events of a timeline's ``changed_by`` in words, joined by "and".

    Examples
    --------
    >>> event_words("POST_END:ZP-02", "en")
    'post ZP-02 ends'
    >>> event_words("LICENSE_END:MV-1;POST_START:ZP-9", "en")
    'license MV-1 expires and post ZP-9 is put up'
    """
    words = []
    for item in split(changed_by):
        code, _, ident = item.partition(":")
        words.append(t(f"event_{code}", lang, id=ident))
    return f" {t('and', lang)} ".join(words)


def site_popup_rows(changes: pd.DataFrame, site_id: str, *, lang: str = "mn"
                    ) -> list[tuple[str, str]]:
    """
    (change in words, "before → after") for one site, for the map's changes layer.

    Examples
    --------
    >>> frame = pd.DataFrame({"site_id": ["ZT-07"], "change": ["ROUTE_KM"],
    ...                       "before": ["12.0"], "after": ["14.5"]})
    >>> site_popup_rows(frame, "ZT-07", lang="en")
    [('Route length changed', '12.0 → 14.5')]
    """
    mine = changes[changes["site_id"].astype(str) == str(site_id)]
    return [(change_label(row.change, lang), f"{change_value(row.change, row.before, lang)} → "
             f"{change_value(row.change, row.after, lang)}")
            for row in mine.itertuples(index=False)]
