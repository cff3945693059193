"""Sharing profiles: what may leave the NGO.

``internal`` keeps every column. ``public`` keeps only catalogue columns marked public
and the analysis columns; sensitive columns (``contact``) and columns the catalogue does
not know are dropped from every layer.
"""

from __future__ import annotations

import dataclasses

import geopandas as gpd

from asmap.geo import schema
from asmap.geo.result import Analysis
from asmap.layers.errors import UsageError
from asmap.layers.specs import SPECS

PROFILES = ("internal", "public")

#: Columns that the analysis adds to its outputs and that may leave the NGO.
ANALYSIS_COLUMNS: dict[str, tuple[str, ...]] = {
    layer: schema.public_columns(layer) for layer in schema.LAYERS}


#: Columns kept in every profile because a licence requires the credit they carry (the
#: ODbL credit of a geoBoundaries boundary is given when the layer has ``shapeID``).
CREDIT_COLUMNS: dict[str, tuple[str, ...]] = {"boundary": ("shapeID",)}


def public_columns(frame: gpd.GeoDataFrame, kind: str) -> list[str]:
    """
    The columns of `frame` that the public profile keeps, geometry included.

    Parameters
    ----------
    frame
        A layer (`kind` is a catalogue kind) or an analysis output (`kind` is one of
        ``sites``, ``eligible_parts``, ``exclusions``, ``routes``, ``conflicts``).
    kind
        What the frame is.
    """
    allowed: set[str] = set(ANALYSIS_COLUMNS.get(kind, ())) | set(CREDIT_COLUMNS.get(kind, ()))
    spec = SPECS.get("tailings" if kind == "sites" else kind)
    if spec is not None:
        allowed |= set(spec.public_columns)
    if spec is None and kind not in ANALYSIS_COLUMNS:
        raise UsageError(code="er_no_sharing_rules", kind=kind)
    geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    return [c for c in frame.columns if c in allowed or c == geometry]


def filter_frame(frame: gpd.GeoDataFrame, kind: str, profile: str) -> gpd.GeoDataFrame:
    """A copy of `frame` with only what `profile` lets out."""
    check_profile(profile)
    if profile == "internal":
        return frame.copy()
    return frame[public_columns(frame, kind)].copy()


def _holds_only_public(analysis: Analysis) -> bool:
    frames = [(name, getattr(analysis, name)) for name in Analysis.OUTPUTS]
    frames += list(analysis.layers.items())
    return all(frame is None or list(frame.columns) == public_columns(frame, kind)
               for kind, frame in frames)


def apply_profile(analysis: Analysis, profile: str = "internal") -> Analysis:
    """
    A copy of `analysis` with every output and input layer filtered for `profile`.

    Parameters
    ----------
    analysis
        What `geo.analyze` returned.
    profile
        ``internal`` (everything, `analysis` itself is returned) or ``public`` (only
        catalogue-public and analysis columns: no names of people, no phone numbers;
        an analysis that holds nothing more is itself returned, so that every page of a
        public atlas draws the same frames, reprojected once).

    Returns
    -------
    Analysis
        The filtered copy.

    Examples
    --------
    >>> public = apply_profile(analysis, "public")  # doctest: +SKIP
    >>> "contact" in public.sites.columns  # doctest: +SKIP
    False
    """
    check_profile(profile)
    if profile == "internal" or _holds_only_public(analysis):
        return analysis
    outputs = {name: filter_frame(getattr(analysis, name), name, profile)
               for name in Analysis.OUTPUTS}
    layers = {kind: filter_frame(frame, kind, profile) for kind, frame in analysis.layers.items()}
    return dataclasses.replace(analysis, layers=layers, **outputs)


def check_profile(profile: str) -> None:
    """Raise a usage error for an unknown profile name."""
    if profile not in PROFILES:
        raise UsageError(code="er_unknown_profile", profile=profile)


# --- photos (issue 18) -------------------------------------------------------------------
def without_photos(analysis: Analysis) -> Analysis:
    """
    A copy of `analysis` with no ``photo`` column anywhere (``--no-photos``).

    Photos of the ground are public; this leaves them all out when even those should
    not travel.

    Examples
    --------
    >>> bare = without_photos(analysis)  # doctest: +SKIP
    >>> "photo" in bare.sites.columns  # doctest: +SKIP
    False
    """
    def drop(frame):
        return frame.drop(columns=["photo"]) if frame is not None and "photo" in frame else frame

    outputs = {name: drop(getattr(analysis, name)) for name in Analysis.OUTPUTS}
    layers = {kind: drop(frame) for kind, frame in analysis.layers.items()}
    return dataclasses.replace(analysis, layers=layers, **outputs)
