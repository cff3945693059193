"""The numbers people ask for first, as a plain dictionary (for tables and JSON)."""

from __future__ import annotations

from collections import Counter
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
        ``holder_unknown`` (eligible sites whose land holder is not known because there is
        no license data), ``conflicts`` (number of overlapping license pairs),
        ``agreements`` (agreement id -> its checks, a list of codes), ``rules``, ``on``,
        ``soum`` (the area of interest) and ``crs`` (the metric CRS measured in).

    Examples
    --------
    >>> from asmap import geo, layers
    >>> summary = summarize(geo.analyze(layers.load(layers.sample_path()), on="2021-04-06"))
    >>> summary["sites"], summary["eligible"], summary["reasons"]["TOO_SMALL"]
    (28, 16, 8)
    >>> summary["agreements"]["AG-2021-02"]
    ['AREA_MISMATCH', 'NO_RESOLUTION']
    """
    return combine([tally(analysis.sites)], analysis)


def tally(sites) -> dict[str, Any]:
    """The per-site part of `summarize` for some of the sites (a partition), to `combine`."""
    eligible = sites["eligible"].to_numpy(bool)
    unchecked = sites["unchecked"].fillna("").astype(str).to_numpy()
    chosen = sites[eligible]
    return {
        "sites": int(len(sites)), "eligible": int(eligible.sum()),
        "eligible_unverified": int((eligible & (unchecked != "")).sum()),
        "eligible_ha": float(np.nansum(chosen["available_ha"].to_numpy(float))),
        "reasons": _counts(sites["reasons"], REASONS), "notes": _counts(sites["notes"], KINDS),
        "posts": sorted(_split_all(chosen["posts_on_route"])),
        "negotiate": list(zip(chosen["negotiate_with"].fillna("").astype(str),
                              chosen["site_id"].astype(str), strict=True)),
    }


def combine(tallies: list[dict[str, Any]], analysis: Analysis) -> dict[str, Any]:
    """`summarize`'s dictionary from the tallies of every partition of the sites; the
    project-wide entries (unchecked rules, conflicts, rules, date) from `analysis`."""
    negotiate: dict[str, list[str]] = {}
    unknown: list[str] = []  # licenses unchecked: the holder is not known
    for party, site_id in sorted(pair for t in tallies for pair in t["negotiate"]):
        if party:
            negotiate.setdefault(party, []).append(site_id)
        else:
            unknown.append(site_id)
    total = {key: sum(t[key] for t in tallies)
             for key in ("sites", "eligible", "eligible_unverified")}
    return {
        **total,
        "eligible_ha": round(sum(t["eligible_ha"] for t in tallies), 2),
        "reasons": {code: sum(t["reasons"][code] for t in tallies) for code in REASONS},
        "notes": {code: sum(t["notes"][code] for t in tallies) for code in KINDS},
        "unchecked": list(analysis.unchecked),
        "posts_needing_permits": sorted({p for t in tallies for p in t["posts"]}),
        "negotiate_with": negotiate,
        "holder_unknown": unknown,
        "conflicts": int(len(analysis.conflicts)),
        "agreements": {str(a): [c for c in str(checks or "").split(";") if c]  # issue 14
                       for a, checks in zip(analysis.agreements["agreement_id"],
                                            analysis.agreements["checks"], strict=True)},
        "rules": analysis.rules.as_dict(),
        "on": analysis.on.isoformat(),
        "soum": analysis.soum,
        "crs": analysis.crs,
    }


def _split_all(values) -> set[str]:
    return {part for text in values for part in split(text)}


def _counts(values, codes: tuple[str, ...]) -> dict[str, int]:
    """Sites per code: each site's ``;``-joined codes counted once."""
    counted: Counter[str] = Counter()
    for text, n in values.fillna("").astype(str).value_counts().items():  # few distinct
        for code in set(text.split(";")):
            counted[code] += int(n)
    return {code: int(counted.get(code, 0)) for code in codes}
