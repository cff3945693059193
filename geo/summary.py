"""The numbers people ask for first, as a plain dictionary (for tables and JSON)."""

from __future__ import annotations

from typing import Any

import numpy as np

from asmap.geo.eligibility import REASONS
from asmap.geo.exclusions import KINDS
from asmap.geo.result import Analysis
from asmap.geo.schema import split


def summarize(analysis: Analysis) -> dict[str, Any]:
    """
    Counts and lists that sum up an analysis.

    Parameters
    ----------
    analysis
        What `geo.analyze` returned.

    Returns
    -------
    dict
        ``sites``, ``eligible``, ``eligible_unverified`` (eligible with a rule
        unchecked), ``eligible_ha``, ``reasons`` and ``notes`` (sites per code, every
        code listed), ``unchecked``, ``posts_needing_permits`` (posts on the routes to
        the eligible sites), ``negotiate_with`` (party -> eligible site ids),
        ``conflicts`` (number of overlapping license pairs), ``agreements`` (agreement
        id -> its checks, a list of codes), ``rules`` and ``on``.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> summary = summarize(geo.analyze(layers.load(layers.sample_path()), on="2021-04-06"))
    >>> summary["sites"], summary["eligible"], summary["reasons"]["TOO_SMALL"]
    (28, 16, 8)
    >>> summary["agreements"]["AG-2021-02"]
    ['AREA_MISMATCH', 'NO_RESOLUTION']
    """
    sites = analysis.sites
    eligible = sites["eligible"].to_numpy(bool)
    unchecked = sites["unchecked"].fillna("").astype(str).to_numpy()
    chosen = sites[eligible]
    negotiate: dict[str, list[str]] = {}
    for party, site_id in sorted(zip(chosen["negotiate_with"].astype(str),
                                     chosen["site_id"].astype(str), strict=True)):
        negotiate.setdefault(party, []).append(site_id)
    return {
        "sites": int(len(sites)),
        "eligible": int(eligible.sum()),
        "eligible_unverified": int((eligible & (unchecked != "")).sum()),
        "eligible_ha": round(float(np.nansum(chosen["available_ha"].to_numpy(float))), 2),
        "reasons": _counts(sites["reasons"], REASONS),
        "notes": _counts(sites["notes"], KINDS),
        "unchecked": list(analysis.unchecked),
        "posts_needing_permits": sorted(_split_all(chosen["posts_on_route"])),
        "negotiate_with": negotiate,
        "conflicts": int(len(analysis.conflicts)),
        "agreements": {str(a): [c for c in str(checks or "").split(";") if c]  # issue 14
                       for a, checks in zip(analysis.agreements["agreement_id"],
                                            analysis.agreements["checks"], strict=True)},
        "rules": analysis.rules.as_dict(),
        "on": analysis.on.isoformat(),
    }


def _split_all(values) -> set[str]:
    return {part for text in values for part in split(text)}


def _counts(values, codes: tuple[str, ...]) -> dict[str, int]:
    text = values.fillna("").astype(str)
    return {code: int(text.str.split(";").apply(lambda parts, c=code: c in parts).sum())
            for code in codes}
