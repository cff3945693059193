"""Where each layer came from and how old it is, for every map and summary.

The `[sources.KIND]` tables of a folder's `asmap.toml` (``source``, ``as_of``, ``note``)
reach the analysis as `Analysis.sources`. A layer with no source is labelled "source
unknown"; one whose ``as_of`` is more than a year before the analysis date is "stale".
The interactive map, the print maps and the brief all use `layer_provenance` and
`provenance_label`, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from asmap.layers.dates import parse_date
from asmap.layers.specs import KINDS
from asmap.maps.i18n import t

#: Text in a source or note that marks the bundled illustrative sample.
SAMPLE_MARK = "illustrative sample"
#: Text in the boundary's source that calls for the OpenStreetMap/geoBoundaries credit.
OSM_MARKS = ("openstreetmap", "geoboundaries")


@dataclass(frozen=True)
class Provenance:
    """
    Where one layer came from.

    Attributes
    ----------
    kind
        Layer kind (``tailings``, ``licenses`` ...).
    source
        Organisation, survey or file; None when the settings do not say.
    as_of
        The date the data describes; None when unknown or unreadable.
    note
        Anything a reader should know; None when empty.
    stale
        ``as_of`` is more than a year before the analysis date.
    """

    kind: str
    source: str | None
    as_of: date | None
    note: str | None
    stale: bool

    @property
    def unknown(self) -> bool:
        """The settings give no source for this layer."""
        return self.source is None


def is_stale(as_of: date | None, on: date) -> bool:
    """
    True when `as_of` is more than a year before `on`.

    Examples
    --------
    >>> is_stale(date(2019, 6, 30), date(2021, 4, 6))
    True
    >>> is_stale(date(2020, 4, 6), date(2021, 4, 6))
    False
    """
    if as_of is None:
        return False
    try:
        year_before = on.replace(year=on.year - 1)
    except ValueError:  # 29 February
        year_before = on.replace(year=on.year - 1, day=28)
    return as_of < year_before


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def layer_provenance(sources: Mapping[str, Mapping[str, Any]], *, on: date,
                     kinds: Iterable[str] | None = None) -> list[Provenance]:
    """
    Provenance of each layer, in catalogue order.

    Parameters
    ----------
    sources
        `Analysis.sources`: kind -> ``{"source", "as_of", "note"}``.
    on
        The analysis date, against which ``as_of`` is judged stale.
    kinds
        The layers to describe (default: every kind with a source entry); a kind
        without an entry is reported as "source unknown".

    Examples
    --------
    >>> [p.kind for p in layer_provenance({}, on=date(2021, 4, 6), kinds=["tailings"])]
    ['tailings']
    """
    wanted = set(sources if kinds is None else kinds)
    ordered = [k for k in KINDS if k in wanted] + sorted(wanted - set(KINDS))
    out = []
    for kind in ordered:
        entry = sources.get(kind) or {}
        as_of = parse_date(entry.get("as_of"))
        out.append(Provenance(kind, _text(entry.get("source")), as_of, _text(entry.get("note")),
                              is_stale(as_of, on)))
    return out


def analysis_provenance(analysis: Any) -> list[Provenance]:
    """Provenance of every input layer of an `Analysis` (and of every layer it has sources for)."""
    kinds = set(analysis.layers) | set(analysis.sources)
    return layer_provenance(analysis.sources, on=analysis.on, kinds=kinds)


def provenance_label(item: Provenance, *, lang: str = "mn", notes: bool = False) -> str:
    """
    One line for a legend, title block or summary.

    Examples
    --------
    >>> p = Provenance("restricted", "NGO survey", date(2019, 6, 30), None, True)
    >>> provenance_label(p, lang="en")
    'Restricted zones: NGO survey, as of 2019-06-30 (stale)'
    >>> provenance_label(Provenance("roads", None, None, None, False), lang="en")
    'Roads: source unknown'
    """
    parts = [item.source or t("source_unknown", lang)]
    if item.as_of is not None:
        parts.append(f"{t('as_of', lang)} {item.as_of.isoformat()}")
    text = f"{t('layer_' + item.kind, lang)}: {', '.join(parts)}"
    if item.stale:
        text += f" ({t('stale', lang)})"
    if notes and item.note:
        text += f". {item.note}"
    return text


def is_sample(sources: Mapping[str, Mapping[str, Any]]) -> bool:
    """True when a source or note says the data is the illustrative sample."""
    return any(SAMPLE_MARK in str(v).lower() for entry in sources.values()
               for v in (entry or {}).values())


def needs_osm_credit(sources: Mapping[str, Mapping[str, Any]], boundary: Any = None) -> bool:
    """True when the boundary comes from OpenStreetMap via geoBoundaries and must say so."""
    entry = sources.get("boundary") or {}
    text = " ".join(str(v) for v in entry.values()).lower()
    if any(mark in text for mark in OSM_MARKS):
        return True
    return boundary is not None and "shapeID" in getattr(boundary, "columns", ())
