"""The result of an analysis: GeoDataFrames in, GeoDataFrames out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd

from asmap.geo.rules import Rules


@dataclass
class Analysis:
    """
    Everything `geo.analyze` found, every GeoDataFrame in EPSG:4326.

    Attributes
    ----------
    sites
        One row per tailings site: ``site_id, name, stage, area_ha, available_ha,
        eligible, reasons, notes, unchecked, license_id, holder, licenses_all,
        negotiate_with, route_km, posts_on_route, permit_needed`` (lists joined with
        ``;`` and sorted, empty string for none), every other tailings column, and the
        site's original geometry.
    eligible_parts
        The available geometry of each eligible site (``site_id``, ``available_ha``).
    exclusions
        The exclusion zones dissolved by ``kind`` (``RIVER_BUFFER``, ``RESTRICTED``,
        ``RECLAMATION``, ``POST_ZONE``) with ``area_ha``.
    routes
        One line per site from the base settlement: ``site_id, route_km,
        posts_on_route, permit_needed``.
    conflicts
        Overlaps of counting licenses: ``license_id_a, license_id_b, holder_a,
        holder_b, kind_a, kind_b, overlap_ha``.
    rules
        The rules applied.
    on
        The analysis date.
    layers
        The input layers (EPSG:4326) by kind, for maps that draw them.
    sources
        Provenance per layer kind from `asmap.toml`: ``source``, ``as_of``, ``note``.
    unchecked
        Rules that could not be applied because a layer was missing.
    crs
        The metric CRS the analysis measured in (e.g. ``EPSG:32648``).
    agreements
        One row per agreement of the ``agreements`` layer: its columns, ``checks`` (the
        codes of `geo.agreements.CODES`, ``;``-joined, empty when all is well),
        ``mapped_ha`` (its sites' summed available_ha) and the union of its sites'
        available ground (of the sites when none is available). Empty without the layer.
    soum
        The name of the area of interest (the chosen soum; ``""`` without a boundary).
    soum_key
        What picks that soum out of the boundary layer again (its ``shapeID``, else its
        name), so that results read back draw the same soum.
    warnings
        What the area of interest left out (`layers.Problem` warnings), for the
        commands to say.
    folder
        The project folder the layers came from (None for layers built in memory): where
        maps look for the folder's ``basemap.mbtiles``.
    """

    sites: gpd.GeoDataFrame
    eligible_parts: gpd.GeoDataFrame
    exclusions: gpd.GeoDataFrame
    routes: gpd.GeoDataFrame
    conflicts: gpd.GeoDataFrame
    rules: Rules
    on: date
    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    unchecked: tuple[str, ...] = ()
    crs: str = "EPSG:32648"
    agreements: gpd.GeoDataFrame | None = None
    soum: str = ""
    soum_key: str = ""
    warnings: list[Any] = field(default_factory=list)
    folder: Path | None = None

    #: Names of the output GeoDataFrames, in the order they are written.
    OUTPUTS = ("sites", "eligible_parts", "exclusions", "routes", "conflicts", "agreements")

    def __post_init__(self) -> None:
        if self.agreements is None:
            from asmap.geo.agreements import COLUMNS

            self.agreements = gpd.GeoDataFrame({c: [] for c in COLUMNS}, geometry=[],
                                               crs="EPSG:4326")

    def place_name(self) -> str:
        """
        The soum's name for titles, footers and summaries: one rule for every output.

        The chosen soum (`soum`), else the ``name`` (else geoBoundaries' ``shapeName``) of
        the boundary, else the name of the first settlement, else "".
        """
        if self.soum:
            return self.soum
        for kind, columns in (("boundary", ("name", "shapeName")), ("settlements", ("name",))):
            frame = self.layers.get(kind)
            if frame is None or not len(frame):
                continue
            for column in columns:
                if column in frame.columns:
                    names = [v.strip() for v in frame[column] if isinstance(v, str) and v.strip()]
                    if names:
                        return names[0]
        return ""

    def summary(self) -> dict[str, Any]:
        """Counts and lists that sum up the analysis (see `geo.summary.summarize`)."""
        from asmap.geo.summary import summarize

        return summarize(self)
