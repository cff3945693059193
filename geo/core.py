"""The analysis core: exclusions, eligibility, licenses and access composed in one process.

`prepare` does what does not depend on the date, `evaluate` the rest for one date;
`analyze_local` is both. Both engines run it: the local engine on every site, the Dask
engine on each partition (`geo.analyze` dispatches between them).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo import schema
from asmap.geo.access import Routes, find_base, posts_on_routes, routes_to, search_roads
from asmap.geo.agreements import check_agreements
from asmap.geo.aoi import (
    AreaOfInterest,
    SitesSummary,
    area_of_interest,
    clip_to_aoi,
    measurable,
)
from asmap.geo.conflicts import COLUMNS as CONFLICT_COLUMNS
from asmap.geo.conflicts import license_conflicts
from asmap.geo.crs import WGS84, coordinate_transform, is_wgs84, reproject
from asmap.geo.eligibility import available_parts, inside_boundary, polygonal, reasons_for
from asmap.geo.exclusions import (
    counting_reclamation,
    dissolve_exclusions,
    exclusion_pieces,
    in_force,
    post_zones,
)
from asmap.geo.licenses import assign_licenses, counting_licenses
from asmap.geo.parallel import background, elementwise
from asmap.geo.result import Analysis
from asmap.geo.rules import Rules
from asmap.geo.windows import working_windows
from asmap.layers.dates import parse_date
from asmap.layers.errors import DataError, UsageError
from asmap.layers.problems import Problem
from asmap.layers.project import Project

#: The rule each missing layer leaves unchecked.
UNCHECKED_BY_LAYER = {"boundary": "OUTSIDE_SOUM", "reclamation": "RECLAMATION",
                      "posts": "POST_ZONE", "roads": "TOO_FAR", "settlements": "TOO_FAR",
                      "licenses": "LICENSE", "rivers": "RIVER_BUFFER",
                      "restricted": "RESTRICTED"}
#: Columns the analysis puts first in `sites`, in this order.
SITE_COLUMNS = schema.columns("sites")
#: Steps reported to a progress callback, in order (see `geo.analyze` for when).
STEPS = ("reproject", "exclusions", "areas", "licenses", "routes", "conflicts")
DATE_COLUMNS = ("start_date", "end_date", "observed_on", "mined_out_on")

log = logging.getLogger(__name__)


def analyze_local(layers: Mapping[str, gpd.GeoDataFrame], *,
                  rules: Rules | Mapping | None = None, on: date | str | None = None,
                  crs: str | None = None, progress: Callable[[str], None] | None = None,
                  soum: str | None = None, aoi: AreaOfInterest | None = None) -> Analysis:
    """
    The analysis in this process, `prepare` then `evaluate`: the one core both engines
    run (see `geo.analyze`).

    Parameters
    ----------
    layers, rules, on, crs, progress, soum, aoi
        As for `geo.analyze`.

    Returns
    -------
    Analysis
        As `geo.analyze` returns it.

    Examples
    --------
    >>> from asmap import layers
    >>> result = analyze_local(layers.load(layers.sample_path()), on="2021-04-06")
    >>> int(result.sites["eligible"].sum()), result.crs
    (16, 'EPSG:32648')
    """
    on = as_date(on)
    return evaluate(prepare(layers, rules=rules, crs=crs, progress=progress, soum=soum,
                            aoi=aoi), on, progress=progress)


@dataclass
class Prepared:
    """
    Everything of an analysis that does not depend on the date (see `prepare`).

    `evaluate` adds what does, once per date, and keeps what it worked out for one set
    of zones and licenses in force in `memo`, so dates that share them share the work.
    """

    rules: Rules
    wgs: dict[str, gpd.GeoDataFrame]  #: the inputs in EPSG:4326, as the outputs carry them
    m: dict[str, gpd.GeoDataFrame]  #: in the metric CRS (other layers than tailings 0..n-1)
    metric: str
    unchecked: tuple[str, ...]
    base: shapely.Point | None
    roads: Future | None  #: the road network searched from the base
    parts: np.ndarray  #: each site clipped to the boundary
    touches: np.ndarray  #: whether each site touches the boundary
    check_boundary: bool
    fixed: gpd.GeoDataFrame  #: river buffers and restricted zones (they carry no date)
    sources: dict[str, dict[str, Any]]
    agreements: pd.DataFrame | None = None  #: the agreements table, checked on each date
    aoi: AreaOfInterest | None = None  #: the area of interest (`geo.aoi`)
    warnings: tuple[Any, ...] = ()  #: what choosing the area of interest left out
    folder: Path | None = None  #: the project folder (where maps find basemap.mbtiles)
    memo: dict[tuple, Any] = field(default_factory=dict)


def prepare(layers: Mapping[str, gpd.GeoDataFrame], *, rules: Rules | Mapping | None = None,
            crs: str | None = None, progress: Callable[[str], None] | None = None,
            soum: str | None = None, aoi: AreaOfInterest | None = None) -> Prepared:
    """
    The date-independent part of `analyze`: inputs checked and reprojected, the sites
    clipped to the boundary, the road network searched, the river buffers drawn.

    Parameters
    ----------
    layers, rules, crs, progress, soum, aoi
        As for `geo.analyze` (``progress`` hears ``"reproject"``).

    Returns
    -------
    Prepared
        What `evaluate` turns into an `Analysis` for any date.

    Examples
    --------
    >>> from asmap import layers
    >>> ready = prepare(layers.load(layers.sample_path()))
    >>> [int(evaluate(ready, day).sites["eligible"].sum()) for day in ("2021-04-06",
    ...                                                                 "2021-07-01")]
    [16, 16]
    """
    step = _logged(progress)
    rules = as_rules(rules, layers)
    step("reproject")
    said: list[Problem] = []
    if aoi is None:
        checked, aoi, said = prepared_inputs(layers, rules=rules, soum=soum, crs=crs)
        frames = dict(checked)
    else:
        frames = _inputs(layers)
    agreements = frames.pop("agreements", None)  # a table: checked once the sites are known
    metric = crs or aoi.crs
    log.info("analysing %d tailings sites in %s, measuring in %s", len(frames["tailings"]),
             aoi.label, metric)
    wgs = {k: f if is_wgs84(f) else reproject(f, WGS84) for k, f in frames.items()}
    m = {k: measurable(k, reproject(f, metric), metric) for k, f in wgs.items()}
    # positions, not labels, key what is in force on a date (see `evaluate`)
    m = {k: f if k == "tailings" else f.reset_index(drop=True) for k, f in m.items()}
    geoms = m["tailings"].geometry.values
    base = (find_base(m["settlements"]) if "settlements" in m and len(m["settlements"])
            else None)
    # the road network and its search from the base need no site: they are built on
    # another core while the areas are worked out
    road_lines = m["roads"].geometry.values if "roads" in m else None
    road_ids = (m["roads"]["road_id"].to_numpy(dtype=object)
                if "roads" in m and "road_id" in m["roads"] else None)
    roads = (background(search_roads, base, road_lines, road_ids)
             if base is not None and len(geoms) else None)
    boundary = m["boundary"].geometry.values if "boundary" in m else None
    parts, touches = inside_boundary(geoms, boundary)
    undated = {k: m[k] for k in ("rivers", "restricted") if k in m}
    fixed = exclusion_pieces(undated, rules=rules, on=date.min, crs=metric)
    return Prepared(rules=rules, wgs=wgs, m=m, metric=metric, unchecked=_unchecked(m),
                    base=base, roads=roads, parts=parts, touches=touches,
                    check_boundary=boundary is not None, fixed=fixed,
                    sources=layers.sources if isinstance(layers, Project) else {},
                    agreements=agreements, aoi=aoi, warnings=tuple(said),
                    folder=layers.folder if isinstance(layers, Project) else None)


def evaluate(prepared: Prepared, on: date | str | None, *,
             progress: Callable[[str], None] | None = None) -> Analysis:
    """
    The analysis of `prepared` on one date: what `analyze` returns for that date.

    Parameters
    ----------
    prepared
        What `prepare` returned.
    on
        The analysis date (a date or ``YYYY-MM-DD``; None is today).
    progress
        Called with each name of `STEPS` after ``"reproject"``.

    Returns
    -------
    Analysis
        As `analyze`.

    Examples
    --------
    >>> from asmap import layers
    >>> ready = prepare(layers.load(layers.sample_path()))
    >>> evaluate(ready, "2021-04-06").summary()["eligible_ha"]
    86.94
    """
    step = _logged(progress)
    on = as_date(on)
    log.info("evaluating on %s", on.isoformat())
    p, rules, m = prepared, prepared.rules, prepared.m
    tailings = m["tailings"]
    geoms = tailings.geometry.values
    metric = p.metric

    step("exclusions")
    counting = counting_licenses(m["licenses"], on) if "licenses" in m else None
    lic_key = ("licenses", None if counting is None else tuple(counting.index))
    if lic_key not in p.memo:
        # licenses and their overlaps need nothing worked out below
        p.memo[lic_key] = background(_licenses_and_conflicts, geoms, counting, metric)
    aside = p.memo[lic_key]
    dated = {k: m[k] for k in ("reclamation", "posts") if k in m}
    zones_key = ("zones", *(_in_force_key(kind, m[kind], on, rules) for kind in dated))
    if zones_key not in p.memo:
        step("areas")
        pieces = exclusion_pieces(dated, rules=rules, on=on, crs=metric)
        pieces = gpd.GeoDataFrame(pd.concat([p.fixed, pieces], ignore_index=True),
                                  geometry="geometry", crs=metric)
        dissolved = background(lambda: dissolve_exclusions(pieces).to_crs(WGS84))
        available, notes = available_parts(p.parts, pieces)
        step("licenses")
        step("routes")
        targets = np.where(shapely.is_empty(available), geoms, available)
        routes = (routes_to(targets, p.base, p.roads.result(),
                            transform=coordinate_transform(metric, WGS84), metric_lines=False)
                  if p.roads is not None else Routes.none(len(geoms)))
        zones = (post_zones(m["posts"], on=on, radius_m=rules.post_radius_m) if "posts" in m
                 else gpd.GeoDataFrame({"post_id": []}, geometry=[], crs=metric))
        p.memo[zones_key] = (available, notes, routes.km, routes.shown,
                             posts_on_routes(routes, zones), dissolved)
    else:
        step("areas")
        step("licenses")
        step("routes")
    available, notes, km, shown, on_route, dissolved = p.memo[zones_key]
    available_ha = shapely.area(available) / 10_000
    lic, conflicts = aside.result()
    exclusions = dissolved.result().copy()
    conflicts = conflicts.copy()
    unchecked = p.unchecked

    reasons = reasons_for(stage=tailings["stage"], touches=p.touches, available_ha=available_ha,
                          route_km=km, min_area_ha=rules.min_area_ha,
                          max_route_km=rules.max_route_km,
                          check_boundary=p.check_boundary)
    added = pd.DataFrame({
        "area_ha": shapely.area(geoms) / 10_000, "available_ha": available_ha,
        "eligible": [not r for r in reasons], "reasons": reasons, "notes": notes,
        "unchecked": ";".join(unchecked), **{c: lic[c].to_numpy() for c in lic.columns},
        "route_km": km, "posts_on_route": on_route,
        "permit_needed": [bool(posts) for posts in on_route],
        **working_windows(tailings, available, m.get("reclamation"), on=on,
                          notice_days=rules.reclamation_notice_days),
    }, index=tailings.index)
    found, cover = check_agreements(
        p.agreements, gpd.GeoDataFrame(pd.concat([added, tailings[["site_id"]]], axis=1),
                                       geometry=tailings.geometry.values, crs=metric),
        available, on=on, crs=metric)
    for col in cover.columns:
        added[col] = cover[col]
    sites = _sites_frame(p.wgs["tailings"], added)

    step("conflicts")
    eligible = sites["eligible"].to_numpy(bool)
    ids = tailings["site_id"].astype(str).to_numpy()
    has_route = ~shapely.is_missing(shown)
    log.info("%d of %d sites eligible, %.2f ha", eligible.sum(), len(sites),
             available_ha[eligible].sum())
    return Analysis(
        sites=sites,
        eligible_parts=_out({"site_id": ids[eligible], "available_ha": available_ha[eligible]},
                            available[eligible], metric),
        exclusions=exclusions,
        routes=gpd.GeoDataFrame(pd.DataFrame({
            "site_id": ids[has_route], "route_km": km[has_route],
            "posts_on_route": np.array(on_route, dtype=object)[has_route],
            "permit_needed": added["permit_needed"].to_numpy(bool)[has_route]}),
            geometry=np.asarray(shown[has_route], dtype=object), crs=WGS84),
        conflicts=conflicts,
        rules=rules, on=on, layers=p.wgs, sources=p.sources, unchecked=unchecked, crs=metric,
        agreements=found, soum=p.aoi.name, soum_key=p.aoi.key, warnings=list(p.warnings),
        folder=p.folder,
    )


def prepared_inputs(layers: Mapping[str, gpd.GeoDataFrame], *, rules: Rules,
                    soum: str | None = None, crs: str | None = None,
                    sites: SitesSummary | None = None,
                    clip_sites: Callable[[AreaOfInterest], tuple[list[Problem], int]] | None
                    = None
                    ) -> tuple[Mapping[str, gpd.GeoDataFrame], AreaOfInterest, list[Problem]]:
    """
    The layers checked, in EPSG:4326, the boundary reduced to the area of interest and
    every other layer clipped to it grown by ``rules.aoi_margin_km``.

    With `sites` (the `SitesSummary` of tailings the Dask workers hold), `layers` has no
    tailings: `clip_sites(aoi)` clips them where they are, and returns its warnings (what
    it left out) and how many sites it kept.

    Returns
    -------
    tuple
        The layers (a `Project` again when one was given), the area of interest, and the
        warnings: the soum chosen among several, the features left out per layer.

    Examples
    --------
    >>> from asmap import layers
    >>> prepared, aoi, warnings = prepared_inputs(layers.load(layers.sample_path()),
    ...                                           rules=Rules())
    >>> aoi.name, aoi.crs, warnings
    ('Заамар', 'EPSG:32648', [])
    """
    frames = _inputs(layers, tailings=sites is None)
    agreements = frames.pop("agreements", None)  # a table: nothing to clip
    wgs = {k: f if is_wgs84(f) else reproject(f, WGS84) for k, f in frames.items()}
    aoi, boundary, said = area_of_interest(wgs, soum=soum, margin_km=rules.aoi_margin_km,
                                           crs=crs, sites=sites)
    if boundary is not None:
        wgs["boundary"] = boundary
    kept = None
    if clip_sites is not None:  # the tailings come first of the clipped layers
        left_out, kept = clip_sites(aoi)
        said = said + left_out
    wgs, clipped = clip_to_aoi(wgs, aoi)
    said = said + clipped
    if not (len(wgs["tailings"]) if kept is None else kept):
        raise no_site_within(aoi)
    if agreements is not None:
        wgs["agreements"] = agreements
    if isinstance(layers, Project):
        return dataclasses.replace(layers, layers=wgs), aoi, said
    return wgs, aoi, said


def _logged(progress: Callable[[str], None] | None) -> Callable[[str], None]:
    """`progress`, with each step also logged (INFO)."""
    def step(name: str) -> None:
        log.info("step: %s", name)
        if progress is not None:
            progress(name)
    return step


def as_date(on: date | datetime | str | None) -> date:
    """The analysis date: a date, a ``YYYY-MM-DD`` string, or None for today."""
    if on is None:
        return date.today()
    day = parse_date(on)
    if day is None:
        raise UsageError(code="er_not_date", value=on)
    return day


def as_rules(rules: Rules | Mapping | None, layers: Any) -> Rules:
    """The rules to apply: given, from a mapping, from the project's settings, or defaults."""
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, Mapping):
        return Rules.from_mapping(dict(rules))
    if rules is not None:
        raise UsageError(code="er_rules_type", kind=type(rules).__name__)
    if isinstance(layers, Project) and layers.rules_table:
        where = f"{layers.folder}/asmap.toml" if layers.folder else "asmap.toml"
        return Rules.from_mapping(layers.rules_table, where=where)
    return Rules()


def no_site_within(aoi: AreaOfInterest) -> DataError:
    """The error when the area of interest leaves out every site."""
    return DataError(code="er_no_site_in_aoi", km=aoi.margin_km, soum=aoi.said)


def checked_sites(tailings: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The tailings as `prepared_inputs` takes them: typed dates, repaired, checked."""
    frame = _repaired(_typed_dates("tailings", tailings))
    _check_tailings(frame)
    return frame


def _inputs(layers: Mapping[str, gpd.GeoDataFrame], *, tailings: bool = True
            ) -> dict[str, gpd.GeoDataFrame]:
    """The layers given, checked and with typed dates; tailings required (unless not
    `tailings`: the Dask workers check their own, `checked_sites`)."""
    frames = {k: f for k, f in layers.items() if f is not None}
    if tailings and "tailings" not in frames:
        raise DataError(code="er_no_tailings")
    for kind, frame in frames.items():
        if kind == "agreements":  # a table, with or without geometry (issue 14)
            continue
        if not isinstance(frame, gpd.GeoDataFrame):
            raise UsageError(code="er_not_geodataframe", kind=kind, got=type(frame).__name__)
        if frame.crs is None:
            raise DataError(code="er_layer_no_crs", kind=kind)
        frames[kind] = _repaired(_typed_dates(kind, frame))
    if tailings:
        _check_tailings(frames["tailings"])
    return frames


def _typed_dates(kind: str, frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    todo = [c for c in DATE_COLUMNS if c in frame and not pd.api.types.is_datetime64_any_dtype(
        frame[c])]
    if not todo:
        return frame
    frame = frame.copy()
    for col in todo:
        try:
            frame[col] = pd.to_datetime(frame[col], errors="raise", format="ISO8601")
        except (ValueError, TypeError):
            raise DataError(code="er_column_not_date", kind=kind, column=col) from None
    return frame


def _repaired(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Invalid geometries made valid (keeping only their areal part for polygons)."""
    values = frame.geometry.values
    bad = ~elementwise(shapely.is_valid, values) & ~shapely.is_missing(values)
    if not bad.any():
        return frame
    fixed = shapely.make_valid(values[bad])
    was_areal = np.isin(shapely.get_type_id(values[bad]), (3, 6))
    fixed[was_areal] = polygonal(fixed[was_areal])
    frame = frame.copy()
    frame.loc[frame.index[bad], frame.geometry.name] = fixed
    return frame


def _check_tailings(tailings: gpd.GeoDataFrame) -> None:
    for col in ("site_id", "stage"):
        if col not in tailings:
            raise DataError(code="er_tailings_column", column=col)
    ids = tailings["site_id"].astype(str)
    dup = ids[ids.duplicated()]
    if len(dup):
        raise DataError(code="er_site_twice", site=dup.iloc[0])
    kinds = shapely.get_type_id(tailings.geometry.values)
    bad = np.flatnonzero(~np.isin(kinds, (3, 6)) | shapely.is_empty(tailings.geometry.values))
    if len(bad):
        i = bad[0]
        got = "no geometry" if kinds[i] < 0 else f"a {tailings.geometry.values[i].geom_type}"
        raise DataError(code="er_site_geometry", site=ids.iloc[i], got=got)


def _licenses_and_conflicts(sites: np.ndarray, counting: gpd.GeoDataFrame | None, metric: str
                            ) -> tuple[pd.DataFrame, gpd.GeoDataFrame]:
    """Each site's licenses and the licenses' overlaps (EPSG:4326)."""
    lic = assign_licenses(sites, counting if counting is not None else _empty(metric))
    if counting is None:  # unchecked: the holder is not known, nobody is the answer
        lic["negotiate_with"] = ""
    conflicts = (license_conflicts(counting) if counting is not None and len(counting)
                 else gpd.GeoDataFrame({c: [] for c in CONFLICT_COLUMNS}, geometry=[],
                                       crs=metric))
    return lic, conflicts.to_crs(WGS84)


def _in_force_key(kind: str, frame: gpd.GeoDataFrame, on: date, rules: Rules) -> bytes:
    """Which rows of a dated layer (reclamation, posts) make a zone on `on`, as bytes."""
    if kind == "reclamation":
        mask = counting_reclamation(frame, on=on, notice_days=rules.reclamation_notice_days)
    else:
        mask = in_force(frame, on)
    return np.packbits(np.asarray(mask, dtype=bool)).tobytes() + len(frame).to_bytes(8, "big")


def _unchecked(m: Mapping[str, gpd.GeoDataFrame]) -> tuple[str, ...]:
    missing = {code for kind, code in UNCHECKED_BY_LAYER.items() if kind not in m}
    if "settlements" in m and len(m["settlements"]) == 0:
        missing.add("TOO_FAR")
    return tuple(sorted(missing))


def _empty(crs: str) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"license_id": [], "holder": [], "kind": []}, geometry=[], crs=crs)


def _out(columns: dict[str, Any], geoms: np.ndarray, crs: str) -> gpd.GeoDataFrame:
    frame = gpd.GeoDataFrame(pd.DataFrame(columns), geometry=np.asarray(geoms, dtype=object),
                             crs=crs)
    return reproject(frame, WGS84)


def _sites_frame(tailings: gpd.GeoDataFrame, added: pd.DataFrame) -> gpd.GeoDataFrame:
    """The analysis columns first, then every other tailings column, then the geometry."""
    geometry = tailings.geometry.name
    base = tailings.copy()
    if "name" not in base:
        base["name"] = None
    for col in added.columns:
        base[col] = added[col]
    first = list(SITE_COLUMNS)
    rest = [c for c in tailings.columns if c not in first and c != geometry]
    frame = base[[*first, *rest, geometry]]
    if geometry != "geometry":
        frame = frame.rename_geometry("geometry")
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=WGS84)
