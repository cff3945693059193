"""`analyze`: the one entry point that composes exclusions, eligibility, licenses, access."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo.access import Routes, find_base, posts_on_routes, routes_to, search_roads
from asmap.geo.conflicts import COLUMNS as CONFLICT_COLUMNS
from asmap.geo.conflicts import license_conflicts
from asmap.geo.crs import WGS84, coordinate_transform, is_wgs84, reproject, utm_crs_for
from asmap.geo.eligibility import available_parts, inside_boundary, polygonal, reasons_for
from asmap.geo.exclusions import dissolve_exclusions, exclusion_pieces, post_zones
from asmap.geo.licenses import assign_licenses, counting_licenses
from asmap.geo.parallel import background, elementwise
from asmap.geo.result import Analysis
from asmap.geo.rules import Rules
from asmap.layers.errors import DataError, UsageError
from asmap.layers.project import Project

#: The rule each missing layer leaves unchecked.
UNCHECKED_BY_LAYER = {"boundary": "OUTSIDE_SOUM", "reclamation": "RECLAMATION",
                      "posts": "POST_ZONE", "roads": "TOO_FAR", "settlements": "TOO_FAR",
                      "licenses": "LICENSE", "rivers": "RIVER_BUFFER",
                      "restricted": "RESTRICTED"}
#: Columns the analysis puts first in `sites`, in this order.
SITE_COLUMNS = ("site_id", "name", "stage", "area_ha", "available_ha", "eligible", "reasons",
                "notes", "unchecked", "license_id", "holder", "licenses_all", "negotiate_with",
                "route_km", "posts_on_route", "permit_needed")
#: Steps reported to a progress callback, in order.
STEPS = ("reproject", "exclusions", "areas", "licenses", "routes", "conflicts")
DATE_COLUMNS = ("start_date", "end_date", "observed_on")
#: Where the analysis can run.
ENGINES = ("local", "dask")


def analyze(layers: Mapping[str, gpd.GeoDataFrame], *, rules: Rules | Mapping | None = None,
            on: date | str | None = None, crs: str | None = None,
            progress: Callable[[str], None] | None = None, engine: str = "local",
            scheduler: Any = None) -> Analysis:
    """
    Decide which tailings sites are eligible, why not, whose land they are on, how to get there.

    Parameters
    ----------
    layers
        A `layers.Project` or a mapping layer kind -> GeoDataFrame (any CRS; each layer is
        reprojected once). ``tailings`` is required; a missing kind leaves its rule
        unchecked (see `UNCHECKED_BY_LAYER`).
    rules
        Rules, a ``[rules]``-like mapping, or None: the project's ``[rules]`` table when
        `layers` is a Project, else the defaults.
    on
        Analysis date (a date or ``YYYY-MM-DD``); None is today.
    crs
        Metric CRS to measure in; None picks the UTM zone of the centre of the layers
        other than the tailings (of the tailings when they are alone), so that any
        subset of the sites is measured the same way.
    progress
        Called with each name of `STEPS` as the step starts.
    engine
        ``"local"`` (this process) or ``"dask"``: sites split into spatial partitions on a
        Dask cluster (`geo.engine_dask.analyze_dask`); the answer is the same.
    scheduler
        With ``engine="dask"``: a scheduler address (``tcp://host:8786``) or a
        ``distributed.Client``; None starts a local cluster of two workers.

    Returns
    -------
    Analysis
        Every output a GeoDataFrame in EPSG:4326:

        - ``sites``: one row per tailings site, in the input order (and index) of the
          tailings, with ``eligible``, ``reasons`` (why not), ``available_ha``,
          ``license_id``, ``negotiate_with``, ``route_km``, ``posts_on_route`` and
          ``permit_needed``;
        - ``eligible_parts``: the workable ground of each eligible site;
        - ``exclusions``: river buffer, restricted, reclamation and post zones, by kind;
        - ``routes``: the road route from the base settlement to each site;
        - ``conflicts``: overlaps between licenses in force.

        Plus ``rules``, ``on``, ``unchecked`` (rules no layer could check) and
        ``summary()`` (counts and hectares as a dictionary).

    Raises
    ------
    DataError
        A layer cannot be used (no CRS, a site without polygon geometry, duplicate ids).
    UsageError
        A bad date or rule.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> result = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    >>> int(result.sites["eligible"].sum()), result.summary()["eligible_ha"]
    (16, 86.94)
    >>> stricter = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06",
    ...                        rules=result.rules.replace(min_area_ha=2))
    >>> int(stricter.sites["eligible"].sum())
    14
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; use one of: {', '.join(ENGINES)}")
    if engine == "dask":
        from asmap.geo.engine_dask import analyze_dask

        return analyze_dask(layers, rules=rules, on=as_date(on), scheduler=scheduler)
    if scheduler is not None:
        raise UsageError("a scheduler address needs engine='dask' (--engine dask)")
    step = progress or (lambda name: None)
    on = as_date(on)
    rules = as_rules(rules, layers)
    step("reproject")
    frames = _inputs(layers)
    context = [f for kind, f in frames.items() if kind != "tailings" and len(f)]
    metric = crs or utm_crs_for(context or [frames["tailings"]])
    wgs = {k: f if is_wgs84(f) else reproject(f, WGS84) for k, f in frames.items()}
    m = {k: reproject(f, metric) for k, f in frames.items()}
    unchecked = _unchecked(m)
    tailings = m["tailings"]
    geoms = tailings.geometry.values

    base = (find_base(m["settlements"]) if "settlements" in m and len(m["settlements"])
            else None)
    # the road network and its search from the base need no site: they are built on
    # another core while the areas are worked out, as are the licenses (below)
    roads = (background(search_roads, base, m["roads"].geometry.values if "roads" in m
                        else None) if base is not None and len(geoms) else None)

    step("exclusions")
    pieces = exclusion_pieces(m, rules=rules, on=on, crs=metric)
    counting = counting_licenses(m["licenses"], on) if "licenses" in m else None
    # licenses, their overlaps and the dissolved zones need nothing worked out below
    aside = background(_licenses_and_zones, geoms, counting, pieces, metric)
    step("areas")
    boundary = m["boundary"].geometry.values if "boundary" in m else None
    parts, touches = inside_boundary(geoms, boundary)
    available, notes = available_parts(parts, pieces)
    available_ha = shapely.area(available) / 10_000

    step("licenses")
    step("routes")
    targets = np.where(shapely.is_empty(available), geoms, available)
    routes = (routes_to(targets, base, roads.result(),
                        transform=coordinate_transform(metric, WGS84), metric_lines=False)
              if roads is not None else Routes.none(len(geoms)))
    km, shown = routes.km, routes.shown
    zones = (post_zones(m["posts"], on=on, radius_m=rules.post_radius_m) if "posts" in m
             else gpd.GeoDataFrame({"post_id": []}, geometry=[], crs=metric))
    on_route = posts_on_routes(routes, zones)
    lic, conflicts, exclusions = aside.result()

    reasons = reasons_for(stage=tailings["stage"], touches=touches, available_ha=available_ha,
                          route_km=km, min_area_ha=rules.min_area_ha,
                          max_route_km=rules.max_route_km,
                          check_boundary=boundary is not None)
    added = pd.DataFrame({
        "area_ha": shapely.area(geoms) / 10_000, "available_ha": available_ha,
        "eligible": [not r for r in reasons], "reasons": reasons, "notes": notes,
        "unchecked": ";".join(unchecked), **{c: lic[c].to_numpy() for c in lic.columns},
        "route_km": km, "posts_on_route": on_route,
        "permit_needed": [bool(p) for p in on_route],
    }, index=tailings.index)
    sites = _sites_frame(wgs["tailings"], added)

    step("conflicts")
    eligible = sites["eligible"].to_numpy(bool)
    ids = tailings["site_id"].astype(str).to_numpy()
    has_route = ~shapely.is_missing(shown)
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
        rules=rules, on=on, layers=wgs,
        sources=layers.sources if isinstance(layers, Project) else {},
        unchecked=unchecked, crs=metric,
    )


def as_date(on: date | datetime | str | None) -> date:
    """The analysis date: a date, a ``YYYY-MM-DD`` string, or None for today."""
    if on is None:
        return date.today()
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    try:
        return date.fromisoformat(str(on))
    except ValueError:
        raise UsageError(code="er_not_date", value=on) from None


def as_rules(rules: Rules | Mapping | None, layers: Any) -> Rules:
    """The rules to apply: given, from a mapping, from the project's settings, or defaults."""
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, Mapping):
        return Rules.from_mapping(dict(rules))
    if rules is not None:
        raise UsageError(f"rules must be Rules or a mapping, not {type(rules).__name__}")
    if isinstance(layers, Project) and layers.rules_table:
        where = f"{layers.folder}/asmap.toml" if layers.folder else "asmap.toml"
        return Rules.from_mapping(layers.rules_table, where=where)
    return Rules()


def _inputs(layers: Mapping[str, gpd.GeoDataFrame]) -> dict[str, gpd.GeoDataFrame]:
    """The layers given, checked and with typed dates; tailings required."""
    frames = {k: f for k, f in layers.items() if f is not None}
    if "tailings" not in frames:
        raise DataError(code="er_no_tailings")
    for kind, frame in frames.items():
        if not isinstance(frame, gpd.GeoDataFrame):
            raise UsageError(f"{kind}: expected a GeoDataFrame, got {type(frame).__name__}")
        if frame.crs is None:
            raise DataError(code="er_layer_no_crs", kind=kind)
        frames[kind] = _repaired(_typed_dates(kind, frame))
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


def _licenses_and_zones(sites: np.ndarray, counting: gpd.GeoDataFrame | None,
                        pieces: gpd.GeoDataFrame, metric: str
                        ) -> tuple[pd.DataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Each site's licenses, the licenses' overlaps and the zones by kind (EPSG:4326)."""
    lic = assign_licenses(sites, counting if counting is not None else _empty(metric))
    conflicts = (license_conflicts(counting) if counting is not None and len(counting)
                 else gpd.GeoDataFrame({c: [] for c in CONFLICT_COLUMNS}, geometry=[],
                                       crs=metric))
    return lic, conflicts.to_crs(WGS84), dissolve_exclusions(pieces).to_crs(WGS84)


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
