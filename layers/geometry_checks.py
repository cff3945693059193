"""CRS and geometry checks of one layer: vectorized over the whole layer, capped reports."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

import geopandas as gpd
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from asmap.layers.errors import UsageError
from asmap.layers.messages import word
from asmap.layers.problems import Problem, capped
from asmap.layers.specs import LayerSpec

WGS84 = CRS.from_epsg(4326)
TYPE_IDS = {"Point": 0, "LineString": 1, "LinearRing": 2, "Polygon": 3, "MultiPoint": 4,
            "MultiLineString": 5, "MultiPolygon": 6, "GeometryCollection": 7}

Label = Callable[[int], str]


def utm_crs_at(lon: float, lat: float) -> str:
    """
    The WGS84 UTM zone of a point: ``EPSG:326zz`` north of the equator, ``EPSG:327zz`` south.

    The one rule asmap picks a metric CRS by (`geo.crs.utm_crs_for` applies it to the
    centre of the area of interest).

    Examples
    --------
    >>> utm_crs_at(104.77, 48.22), utm_crs_at(-70.6, -33.4)
    ('EPSG:32648', 'EPSG:32719')
    """
    zone = int(np.clip((float(lon) + 180) // 6 + 1, 1, 60))
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def parse_crs(crs: str | int | CRS | None) -> CRS | None:
    """
    Turn a user's ``--crs`` value into a CRS (``"EPSG:32648"``, ``"32648"``, WKT, PROJ).

    Raises
    ------
    UsageError
        When the value is no CRS pyproj knows.
    """
    if crs is None or isinstance(crs, CRS):
        return crs
    text = str(crs).strip()
    try:
        return CRS.from_user_input(int(text) if text.isdigit() else text)
    except (CRSError, ValueError, TypeError):
        raise UsageError(code="er_bad_crs", crs=crs) from None


def check_geometry(frame: gpd.GeoDataFrame, spec: LayerSpec, *, label: Label, file: str,
                   crs: CRS | None = None) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """
    Check a layer's CRS and geometries and bring it to EPSG:4326.

    Parameters
    ----------
    frame
        The layer as read, catalogue columns already renamed.
    spec
        Catalogue entry of its kind.
    label
        Feature label (id or ``row N``) of a row position.
    file
        File name used in problems.
    crs
        CRS for a layer whose file does not say, or whose coordinates are impossible in the
        CRS the file declares (the user's ``--crs``).

    Returns
    -------
    tuple
        The layer in EPSG:4326 with 2-D, repaired geometries (None when its coordinates
        cannot be placed on Earth), and the problems found.
    """
    def problem(severity, feature, code, **params):
        return Problem.of(severity, spec.kind, feature, "geometry", code, file=file, **params)

    problems: list[Problem] = []
    geoms = np.asarray(frame.geometry.values, dtype=object)
    if shapely.has_z(geoms).any() or shapely.has_m(geoms).any():
        geoms = shapely.force_2d(geoms)
    missing = shapely.is_missing(geoms)
    empty = ~missing & shapely.is_empty(geoms)
    if spec.geometry_optional:  # a table kind (agreements, issue 14): no geometry is fine
        missing, empty = missing | empty, np.zeros(len(geoms), dtype=bool)
        if missing.all():
            return gpd.GeoDataFrame(frame.drop(columns=frame.geometry.name),
                                    geometry=gpd.GeoSeries([None] * len(frame),
                                                           index=frame.index, crs=WGS84)), []
    reported = missing & (not spec.geometry_optional)
    for mask, what in ((reported, "pr_no_geometry"), (empty, "pr_empty_geometry")):
        problems += capped(
            np.flatnonzero(mask),
            lambda i, what=what: problem("error", label(i), what),
            summary=lambda n, what=what: problem("error", "", what + "_more", n=n))
    present = ~(missing | empty)
    coords, owner = shapely.get_coordinates(geoms[present], return_index=True)
    broken = np.zeros(len(geoms), dtype=bool)
    broken[np.flatnonzero(present)[np.unique(owner[~np.isfinite(coords).all(axis=1)])]] = True
    problems += capped(
        np.flatnonzero(broken),
        lambda i: problem("error", label(i), "pr_not_finite"),
        summary=lambda n: problem("error", "", "pr_not_finite_more", n=n))
    present &= ~broken
    geoms = _collections_to_multi(geoms, spec, present)
    wrong, found = _check_family(geoms, spec, present, problem, label)
    problems += found
    geoms, repaired = _repair(geoms, spec, present & ~wrong, problem, label)
    problems += repaired
    src, crs_problems = _choose_crs(frame.crs, crs, geoms, present, spec, problem, label)
    problems += crs_problems
    if src is None:
        return None, problems
    out = gpd.GeoDataFrame(frame.drop(columns=frame.geometry.name),
                           geometry=gpd.GeoSeries(geoms, index=frame.index, crs=src))
    if not src.equals(WGS84):
        out = out.to_crs(WGS84)
        bounds = shapely.bounds(np.asarray(out.geometry.values, dtype=object))
        lost = present & ~np.isfinite(bounds).all(axis=1)
        problems += capped(
            np.flatnonzero(lost),
            lambda i: problem("error", label(i), "pr_not_converted", crs=_name(src)),
            summary=lambda n: problem("error", "", "pr_not_converted_more", n=n))
    out.set_crs(WGS84, allow_override=True, inplace=True)  # out is this function's own
    problems += _null_island(np.asarray(out.geometry.values, dtype=object), problem, label)
    return out, problems


def _null_island(geoms: np.ndarray, problem, label: Label) -> list[Problem]:
    """Errors for features with a point at exactly (0, 0) degrees, a GPS default."""
    zero = _rows_where(geoms, lambda xy: (xy == 0).all(axis=1))
    return capped(
        np.flatnonzero(zero),
        lambda i: problem("error", label(i), "pr_null_island"),
        summary=lambda n: problem("error", "", "pr_null_island_more", n=n))


def _rows_where(geoms: np.ndarray, test) -> np.ndarray:
    """A mask of the geometries with at least one coordinate pair where `test` is true."""
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    mask = np.zeros(len(geoms), dtype=bool)
    if len(coords):
        mask[np.unique(index[test(coords)])] = True
    return mask


def _collections_to_multi(geoms: np.ndarray, spec: LayerSpec, present: np.ndarray) -> np.ndarray:
    """KML MultiGeometry arrives as a GeometryCollection: make it a Multi* of its family."""
    collection = present & (shapely.get_type_id(geoms) == TYPE_IDS["GeometryCollection"])
    for i in np.flatnonzero(collection):
        parts = shapely.get_parts(geoms[i])
        kinds = {p.geom_type for p in parts}
        if kinds <= {"Polygon", "MultiPolygon"} and "Polygon" in spec.geometry_types:
            geoms[i] = shapely.multipolygons(parts)
        elif kinds <= {"LineString"} and "LineString" in spec.geometry_types:
            geoms[i] = shapely.multilinestrings(parts)
        elif kinds <= {"Point"} and "Point" in spec.geometry_types:
            geoms[i] = shapely.multipoints(parts)
    return geoms


def _check_family(geoms, spec, present, problem, label) -> tuple[np.ndarray, list[Problem]]:
    allowed = {TYPE_IDS[t] for t in spec.geometry_types}
    if "LineString" in spec.geometry_types:
        allowed.add(TYPE_IDS["LinearRing"])
    wrong = present & ~np.isin(shapely.get_type_id(geoms), list(allowed))
    hint = {"kind": spec.kind, "family": spec.family.replace("_", " "),
            "types": " or ".join(sorted(spec.geometry_types))}
    return wrong, capped(
        np.flatnonzero(wrong),
        lambda i: problem("error", label(i), "pr_wrong_type", type=geoms[i].geom_type, **hint),
        summary=lambda n: problem("error", "", "pr_wrong_type_more", n=n, **hint))


def _repair(geoms, spec, present, problem, label) -> tuple[np.ndarray, list[Problem]]:
    invalid = np.flatnonzero(present & ~shapely.is_valid(geoms))
    if len(invalid) == 0:
        return geoms, []
    reasons = shapely.is_valid_reason(geoms[invalid[:20]])
    polygonal = np.isin(shapely.get_type_id(geoms[invalid]), [3, 6])
    fixed = geoms[invalid].copy()
    fixed[polygonal] = shapely.make_valid(fixed[polygonal], method="structure",
                                          keep_collapsed=False)
    fixed[~polygonal] = shapely.make_valid(fixed[~polygonal])
    geoms = geoms.copy()
    geoms[invalid] = fixed
    problems = capped(
        list(range(len(invalid))),
        lambda j: problem("warning", label(invalid[j]), "pr_repaired", reason=reasons[j]),
        summary=lambda n: problem("warning", "", "pr_repaired_more", n=n))
    collapsed = invalid[shapely.is_empty(fixed)]
    problems += [problem("error", label(i), "pr_collapsed") for i in collapsed[:20]]
    return geoms, problems


def _choose_crs(file_crs, user_crs, geoms, present, spec, problem, label):
    """The CRS to read the coordinates in, with problems when there is none that fits."""
    file_crs = CRS.from_user_input(file_crs) if file_crs is not None else None
    bounds = shapely.bounds(geoms[present])
    if file_crs is None:
        if user_crs is None:
            return None, [problem("error", "", "pr_no_crs")]
        file_crs, user_crs = user_crs, None
    if needs_parameters(file_crs):
        if user_crs is not None and not _impossible(user_crs, bounds).any():
            return user_crs, []
        return None, [problem("error", "", "pr_pulkovo", crs=_name(file_crs),
                              crs_name=file_crs.name)]
    bad = _impossible(file_crs, bounds)
    if not bad.any():
        return file_crs, []
    if user_crs is not None and not _impossible(user_crs, bounds).any():
        return user_crs, [problem("warning", "", "pr_crs_overridden", crs=_name(file_crs),
                                  user=_name(user_crs))]
    rows = np.flatnonzero(present)[bad]
    return None, capped(
        rows,
        lambda i: problem("error", label(i), **_explain(file_crs, shapely.bounds(geoms[i]))),
        summary=lambda n: problem("error", "", "pr_impossible_more", n=n, crs=_name(file_crs),
                                  hint=word("w_reproject")))


def _impossible(crs: CRS, bounds: np.ndarray) -> np.ndarray:
    """Rows whose bounds cannot be coordinates in `crs` (degrees out of range, or swapped)."""
    minx, miny, maxx, maxy = bounds.T
    if crs.is_geographic:
        outside = (np.abs(miny) > 90) | (np.abs(maxy) > 90) | (np.abs(minx) > 180) \
            | (np.abs(maxx) > 180)
        mongolia_swapped = (minx >= 41) & (maxx <= 53) & (miny >= 87) & (maxy <= 120)
        return outside | mongolia_swapped
    degrees = (np.abs(bounds) <= 180).all(axis=1)
    if degrees.all():  # a whole layer within 180 m of the origin: degrees in a metre CRS
        return degrees
    return ~np.isfinite(bounds).all(axis=1)


def _explain(crs: CRS, bounds: np.ndarray) -> dict:
    x, y = bounds[0], bounds[1]
    at = f"({x:.6g}, {y:.6g})"
    if not crs.is_geographic:
        return {"code": "pr_degrees_in_metres", "at": at, "crs": _name(crs)}
    if abs(x) <= 90 and abs(y) <= 180 and (abs(y) > 90 or 87 <= y <= 120):
        return {"code": "pr_swapped", "at": at}
    return {"code": "pr_metres_in_degrees", "at": at, "crs": _name(crs),
            "hint": word("w_reproject")}


def needs_parameters(crs: CRS) -> bool:
    """
    Whether `crs` is Pulkovo 1942 without the user's ``+towgs84`` parameters.

    Mongolia has no standard transformation from Pulkovo 1942 to WGS84, so such
    coordinates are accepted only with parameters the user supplies, never silently.

    Examples
    --------
    >>> from pyproj import CRS
    >>> needs_parameters(CRS("EPSG:28418")), needs_parameters(CRS("EPSG:4326"))
    (True, False)
    """
    datum = crs.datum.name if crs.datum is not None else ""
    return "Pulkovo" in datum and not crs.is_bound


def _name(crs: CRS) -> str:
    code = crs.to_epsg(min_confidence=90)
    return f"EPSG:{code}" if code else crs.name
