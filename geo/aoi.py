"""The area of interest (AOI): the soum an analysis is about, and every layer cut to it.

The AOI is the boundary polygon (one of several picked with ``--soum``, else the one
holding the most tailings area), or the tailings' extent when there is no boundary.
Every other layer is clipped to the AOI grown by the rule ``aoi_margin_km`` before
anything is projected or measured, and the metric CRS is the UTM zone of the AOI's
centre. So a national or world file gives the numbers of a folder clipped by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.geo.crs import WGS84, utm_crs_at, utm_zone_label
from asmap.layers.errors import AsmapError, DataError, UsageError
from asmap.layers.messages import word
from asmap.layers.problems import Problem
from asmap.layers.specs import SPECS

#: Layers never clipped: the boundary the AOI is. Sites and licenses are left out when
#: wholly outside the grown AOI, but never cut: a site's area is what it is, and the
#: license a site lies on is the one it overlaps most, which a license cut at the margin
#: would understate (a site across the margin got the wrong holder).
NOT_CLIPPED = ("boundary", "agreements")  # the soum itself; a table of agreements
NEVER_CUT = ("tailings", "licenses")
#: Columns tried first when matching ``--soum`` (then every other text column).
SOUM_COLUMNS = ("name", "shapename", "shapeid")
#: Polygon and line types (shapely type ids) kept when a feature is cut at the margin.
AREAL, LINEAR = (3, 6), (1, 2, 5)
#: A margin wider than this keeps everything (beyond it the UTM zone bends too far to draw
#: it); whatever then cannot be measured in the zone is an error naming the feature.
MAX_MARGIN_M = 1_000_000


@dataclass(frozen=True)
class AreaOfInterest:
    """
    The area an analysis is about.

    Attributes
    ----------
    geometry
        The soum polygon (or the tailings' extent), EPSG:4326.
    name
        The soum's name (``""`` without a boundary layer).
    crs
        The metric CRS: the UTM zone of the AOI's centre, unless one was given.
    margin_km
        How far beyond the AOI other layers are kept.
    grown
        The AOI grown by `margin_km`, EPSG:4326: what other layers are clipped to.
    key
        What picks the soum out of the boundary layer again: its ``shapeID`` when the
        layer has one, else its name (``""`` without a boundary).
    """

    geometry: shapely.Geometry
    name: str
    crs: str
    margin_km: float
    grown: shapely.Geometry
    key: str = ""

    @property
    def label(self) -> str:
        """How messages name the AOI: the soum's name, else ``the tailings``."""
        return self.name or "the tailings"

    @property
    def said(self) -> str | tuple[str, dict]:
        """`label` as a parameter of a message: the tailings are said in its language."""
        return self.name or word("er_the_tailings")


@dataclass(frozen=True)
class SitesSummary:
    """
    What choosing the AOI needs of the sites, which sums over any partition of them.

    Attributes
    ----------
    bounds
        minx, miny, maxx, maxy of the sites, EPSG:4326 (NaN when none has geometry).
    held
        Tailings area in each boundary polygon (None unless one is chosen among several).
    distance
        Each boundary polygon's distance to the sites' centroids (None unless `held` is
        all zero: then the nearest polygon is chosen).
    """

    bounds: np.ndarray
    held: np.ndarray | None = None
    distance: np.ndarray | None = None


def summarize_sites(tailings: gpd.GeoDataFrame, boundary: gpd.GeoDataFrame | None = None,
                    *, soum: str | None = None) -> SitesSummary:
    """The `SitesSummary` of some sites (EPSG:4326), for `area_of_interest`."""
    bounds = shapely.total_bounds(np.asarray(tailings.geometry.values, dtype=object))
    if boundary is None or len(boundary) < 2 or soum is not None:
        return SitesSummary(bounds)
    held = _tailings_area(boundary.geometry.values, tailings.geometry.values)
    distance = None if held.max() > 0 else shapely.distance(
        boundary.geometry.values, shapely.union_all(shapely.centroid(tailings.geometry.values)))
    return SitesSummary(bounds, held, distance)


def combine_summaries(parts: list[SitesSummary]) -> SitesSummary:
    """The `SitesSummary` of all the sites, from those of a partition of them."""
    bounds = np.stack([p.bounds for p in parts])
    total = np.concatenate([np.fmin.reduce(bounds[:, :2]), np.fmax.reduce(bounds[:, 2:])])
    if parts[0].held is None:
        return SitesSummary(total)
    held = np.sum([p.held for p in parts], axis=0)
    if held.max() > 0:
        return SitesSummary(total, held)
    return SitesSummary(total, held, np.min([p.distance for p in parts], axis=0))


def area_of_interest(layers: Mapping[str, gpd.GeoDataFrame], *, soum: str | None = None,
                     margin_km: float = 50.0, crs: str | None = None,
                     sites: SitesSummary | None = None
                     ) -> tuple[AreaOfInterest, gpd.GeoDataFrame | None, list[Problem]]:
    """
    Choose the area of interest of a project.

    Parameters
    ----------
    layers
        Layer kind -> GeoDataFrame in EPSG:4326 (``tailings`` required).
    soum
        Name or id of the boundary polygon to use (``--soum``), matched case-insensitively
        against ``name``, ``shapeName``, ``shapeID`` and every other text column.
    margin_km
        The rule ``aoi_margin_km``.
    crs
        A metric CRS to use instead of the AOI's UTM zone (``--crs``).
    sites
        The `SitesSummary` of the tailings, when `layers` holds none (the Dask workers
        hold them); None: from ``layers["tailings"]``.

    Returns
    -------
    tuple
        The AOI, the boundary layer reduced to the chosen polygon (None without one), and
        the warnings (one when a polygon was chosen among several).

    Raises
    ------
    UsageError
        When `soum` matches no polygon, or several, or there is no boundary to match.
    DataError
        When the AOI cannot be measured in one UTM zone.

    Examples
    --------
    >>> from asmap.layers import load, sample_path
    >>> aoi, boundary, warnings = area_of_interest(load(sample_path()))
    >>> aoi.name, aoi.crs, len(boundary), warnings
    ('Заамар', 'EPSG:32648', 1, [])
    """
    boundary = layers.get("boundary")
    if sites is None:
        sites = summarize_sites(layers["tailings"], boundary, soum=soum)
    warnings: list[Problem] = []
    if boundary is not None and len(boundary):
        row, warning = _choose_soum(boundary, sites, soum)
        warnings += warning
        boundary = boundary.iloc[[row]]
        geometry = shapely.union_all(boundary.geometry.values)
        name = _text(boundary["name"].iloc[0]) if "name" in boundary else ""
        ids = [c for c in boundary.columns if str(c).lower() == "shapeid"]
        key = _text(boundary[ids[0]].iloc[0]) if ids else (soum or name)
    else:
        if soum is not None:
            raise UsageError(code="er_soum_no_boundary", soum=repr(soum))
        boundary = None
        geometry = shapely.box(*_finite_bounds(sites.bounds))
        name = key = ""
    centre = shapely.centroid(geometry)
    metric = crs or utm_crs_at(centre.x, centre.y)
    grown = _grown(geometry, metric, margin_km * 1000, name or word("er_the_tailings"))
    aoi = AreaOfInterest(geometry, name, metric, float(margin_km), grown, key)
    return aoi, boundary, warnings


def clip_to_aoi(layers: Mapping[str, gpd.GeoDataFrame], aoi: AreaOfInterest
                ) -> tuple[dict[str, gpd.GeoDataFrame], list[Problem]]:
    """
    Every layer but the boundary cut to the grown AOI.

    Features wholly outside are left out (one warning per layer, with the count);
    features that cross the margin keep their part inside it (tailings sites stay whole);
    the others are unchanged.

    Raises
    ------
    DataError
        When the base settlement lies outside the grown AOI.

    Examples
    --------
    >>> from asmap.layers import load, sample_path
    >>> project = load(sample_path())
    >>> aoi, _, _ = area_of_interest(project)
    >>> clipped, warnings = clip_to_aoi(project, aoi)
    >>> len(clipped["rivers"]) == len(project["rivers"]), warnings
    (True, [])
    """
    out: dict[str, gpd.GeoDataFrame] = {}
    warnings: list[Problem] = []
    prepared = aoi.grown
    shapely.prepare(prepared)
    for kind, frame in layers.items():
        if kind in NOT_CLIPPED or frame is None or len(frame) == 0:
            out[kind] = frame
            continue
        geoms = np.asarray(frame.geometry.values, dtype=object)
        meets = shapely.intersects(prepared, geoms)
        inside = meets & shapely.contains(prepared, geoms)
        if kind == "settlements":
            _keep_base(frame, meets, aoi)
        dropped = int((~meets).sum())
        if dropped:
            warnings.append(Problem.of("warning", kind, "", "", "pr_aoi_left_out",
                                       dropped=dropped, total=len(frame),
                                       km=aoi.margin_km, soum=aoi.label))
        if inside.all() or (kind in NEVER_CUT and meets.all()):
            out[kind] = frame
            continue
        kept = frame[meets].copy()
        if kind in NEVER_CUT:
            out[kind] = kept
            continue
        cut = ~inside[meets]
        if cut.any():
            kept.loc[kept.index[cut], kept.geometry.name] = _cut(
                np.asarray(kept.geometry.values, dtype=object)[cut], aoi.grown)
        out[kind] = kept
    return out, warnings


def aoi_problems(layers: Mapping[str, gpd.GeoDataFrame], *, soum: str | None = None,
                 margin_km: float = 50.0) -> list[Problem]:
    """
    What `validate` says about the AOI: the soum chosen, the features left out, or why not.

    Examples
    --------
    >>> from asmap.layers import load, sample_path
    >>> aoi_problems(load(sample_path()))
    []
    """
    if "tailings" not in layers or layers["tailings"] is None or not len(layers["tailings"]):
        return []
    try:
        aoi, boundary, warnings = area_of_interest(layers, soum=soum, margin_km=margin_km)
        return warnings + clip_to_aoi(layers, aoi)[1]
    except AsmapError as exc:
        return [Problem("error", "boundary" if "soum" in str(exc) else "tailings", "", "",
                        str(exc), code=exc.code, params=exc.params)]


def _choose_soum(boundary: gpd.GeoDataFrame, sites: SitesSummary, soum: str | None
                 ) -> tuple[int, list[Problem]]:
    """The row of the chosen polygon, and the warning when it was chosen among several."""
    if soum is not None:
        rows = _matching(boundary, soum)
        if len(rows) == 1:
            return int(rows[0]), []
        names = _names(boundary)
        if len(rows) == 0:
            shown = ", ".join(names[:8]) + (f" and {len(names) - 8:,} more" if len(names) > 8
                                            else "")
            raise UsageError(code="er_soum_matches_none", soum=repr(soum), shown=shown)
        raise UsageError(code="er_soum_matches_several", soum=repr(soum), n=len(rows),
                         ids=", ".join(_ids(boundary, rows)))
    if len(boundary) == 1:
        return 0, []
    held = sites.held
    row = int(np.argmax(held)) if held.max() > 0 else int(np.argmin(sites.distance))
    name = _names(boundary)[row]
    others = len(boundary) - 1
    return row, [Problem.of(
        "warning", "boundary", name, "",
        ("pr_soum_chosen_most" if held.max() > 0 else "pr_soum_chosen_nearest")
        + ("_one" if others == 1 else ""), n=len(boundary), name=name, others=others)]


def _matching(boundary: gpd.GeoDataFrame, soum: str) -> np.ndarray:
    """Rows whose name, shapeName, shapeID or any other text column equals `soum`."""
    wanted = soum.strip().casefold()
    columns = sorted((c for c in boundary.columns if c != boundary.geometry.name),
                     key=lambda c: (str(c).lower() not in SOUM_COLUMNS, str(c)))
    for column in columns:
        values = boundary[column]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        hit = np.flatnonzero(values.map(_text).str.strip().str.casefold().eq(wanted).to_numpy())
        if len(hit):
            return hit
    return np.array([], dtype=int)


def _tailings_area(polygons: np.ndarray, sites: np.ndarray) -> np.ndarray:
    """Tailings area (square degrees scaled by the cosine of latitude) in each polygon."""
    tree = shapely.STRtree(sites)
    poly_ix, site_ix = tree.query(polygons, predicate="intersects")
    held = np.zeros(len(polygons))
    if len(poly_ix):
        pieces = shapely.intersection(polygons[poly_ix], sites[site_ix])
        lat = shapely.get_y(shapely.centroid(sites[site_ix]))
        np.add.at(held, poly_ix, shapely.area(pieces) * np.cos(np.radians(lat)))
    return held


def _grown(geometry: shapely.Geometry, metric: str, margin_m: float, label: str | tuple[str, dict]
           ) -> shapely.Geometry:
    """The AOI grown by `margin_m` in the metric CRS, back in EPSG:4326."""
    series = gpd.GeoSeries([geometry], crs=WGS84).to_crs(metric)
    if not np.isfinite(series.total_bounds).all():
        raise DataError(code="er_aoi_not_measured", label=label, crs=metric)
    simple = shapely.simplify(series.values[0], 100)  # 100 m: nothing at a 50 km margin
    grown = gpd.GeoSeries([shapely.buffer(simple, margin_m, quad_segs=8)], crs=metric)
    back = grown.to_crs(WGS84).values[0]
    if not np.isfinite(shapely.bounds(back)).all() or margin_m > MAX_MARGIN_M:
        return shapely.box(-180, -90, 180, 90)  # a margin wider than a UTM zone: everything
    return shapely.make_valid(back)


def _cut(geoms: np.ndarray, grown: shapely.Geometry) -> np.ndarray:
    """Each geometry's part inside `grown`, of its own dimension."""
    parts = shapely.intersection(geoms, grown)
    kind = shapely.get_type_id(geoms)
    for ids, make in ((AREAL, shapely.multipolygons), (LINEAR, shapely.multilinestrings)):
        rows = np.flatnonzero(np.isin(kind, ids) & ~np.isin(shapely.get_type_id(parts), ids))
        for i in rows:  # a collection from the cut: keep the parts of the right dimension
            same = [p for p in shapely.get_parts(parts[i])
                    if shapely.get_type_id(p) in ids]
            parts[i] = make(same) if same else shapely.from_wkt("GEOMETRYCOLLECTION EMPTY")
    return parts


def _keep_base(settlements: gpd.GeoDataFrame, meets: np.ndarray, aoi: AreaOfInterest) -> None:
    """Fail when the base settlement would be cut away (routes would start elsewhere)."""
    if "is_base" not in settlements:
        return
    base = settlements["is_base"].fillna(False).astype(bool).to_numpy()
    far = np.flatnonzero(base & ~meets)
    if len(far):
        name = _text(settlements["name"].iloc[far[0]]) if "name" in settlements else ""
        raise DataError(code="er_base_far", name=name or word("er_row", n=far[0] + 1),
                        km=aoi.margin_km, soum=aoi.label)


def _finite_bounds(bounds: np.ndarray) -> np.ndarray:
    if not np.isfinite(bounds).all():
        raise DataError(code="er_sites_not_finite")
    return bounds


def _names(boundary: gpd.GeoDataFrame) -> list[str]:
    if "name" in boundary:
        return [_text(v) or f"row {i + 1}" for i, v in enumerate(boundary["name"])]
    return [f"row {i + 1}" for i in range(len(boundary))]


def _ids(boundary: gpd.GeoDataFrame, rows: np.ndarray) -> list[str]:
    column = next((c for c in boundary.columns if str(c).lower() == "shapeid"), None)
    names = _names(boundary)
    return [f"{names[i]} {_text(boundary[column].iloc[i])}" if column else names[i]
            for i in rows[:8]]


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value)


def feature_label(kind: str, frame: gpd.GeoDataFrame, row: int) -> str:
    """A feature as problems name it: its id when its kind has one, else ``row N``."""
    spec = SPECS.get(kind)
    column = spec.id_column if spec is not None else None
    if column and column in frame:
        return str(frame[column].iloc[row])
    label = frame.index[row]  # the row in the file: clipping keeps the index as read
    return f"row {label + 1}" if isinstance(label, (int, np.integer)) else f"row {row + 1}"


def feature_word(label: str) -> tuple[str, dict]:
    """A `feature_label` as a piece of a sentence, said in the sentence's language."""
    if label.startswith("row "):
        return word("er_feature_row", n=label[4:])
    return word("er_feature_id", id=label)


def measurable(kind: str, frame: gpd.GeoDataFrame, metric: str) -> gpd.GeoDataFrame:
    """
    The frame, or a DataError naming the first feature that is not finite in `metric`.

    Examples
    --------
    >>> points = gpd.GeoDataFrame(geometry=gpd.points_from_xy([15.0], [0.0]), crs=WGS84)
    >>> try:
    ...     measurable("posts", points.to_crs("EPSG:32648"), "EPSG:32648")
    ... except DataError as exc:
    ...     print(str(exc)[:60])
    posts: feature row 1 cannot be measured in EPSG:32648 (UTM 4
    """
    bounds = shapely.bounds(np.asarray(frame.geometry.values, dtype=object))
    present = ~shapely.is_missing(frame.geometry.values)
    bad = np.flatnonzero(present & ~(np.isfinite(bounds).all(axis=1)
                                     & (np.abs(bounds) < 1e8).all(axis=1)))
    if len(bad):
        more = word("er_and_more", n=len(bad) - 1) if len(bad) > 1 else ""
        raise DataError(code="er_not_measurable", kind=kind,
                        feature=feature_word(feature_label(kind, frame, int(bad[0]))),
                        more=more, crs=metric, zone=utm_zone_label(metric))
    return frame
