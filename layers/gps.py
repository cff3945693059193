"""Layers from a handheld GPS or a phone app: GPX waypoints, tracks and routes, or CSV.

A waypoint becomes a point and its name the id of the layer kind (``post_id`` for
posts, ``name`` for settlements). A track or route walked around a heap and back to
its start (first and last points within `CLOSE_M` metres) becomes a polygon for the
polygon kinds; an open track becomes a line (roads, rivers). Columns a GPS cannot
know, such as the stage of a tailings heap, are added empty and named in
``frame.attrs["problems"]``, so the user knows what to fill in before `validate`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import geopandas as gpd
import pyogrio
import shapely
from pyproj import Geod

from asmap.layers.cadastre import parse_coordinate
from asmap.layers.errors import DataError, ProblemError, UsageError
from asmap.layers.problems import Problem
from asmap.layers.specs import LayerSpec, get_spec
from asmap.layers.tables import read_table, rename_headers
from asmap.layers.writers import write_layer

#: A track whose ends are this close (metres) is taken as walked around an area.
CLOSE_M = 20.0
LOCAL_TZ = "Asia/Ulaanbaatar"
CSV_HEADERS = {
    "lon": ("lon", "lng", "long", "longitude", "x", "уртраг"),
    "lat": ("lat", "latitude", "y", "өргөрөг"),
    "name": ("name", "id", "нэр"),
    "ele": ("ele", "elevation", "alt", "altitude", "height", "өндөр"),
    "desc": ("desc", "description", "comment", "тайлбар"),
}
_GEOD = Geod(ellps="WGS84")


def read_gps(path: str | Path, *, kind: str) -> gpd.GeoDataFrame:
    """
    A layer of `kind` from a GPX or CSV file recorded in the field.

    Parameters
    ----------
    path
        A ``.gpx`` file (Garmin devices, OsmAnd, GPS Logger, anything GDAL reads) or a
        ``.csv`` with ``lat``/``lon`` columns (and optionally ``name``, ``ele``); in a
        CSV for a line or polygon kind, the rows of one name are its points in order.
    kind
        The catalogue kind the features are (``posts``, ``tailings``, ``roads`` ...).

    Returns
    -------
    GeoDataFrame
        In EPSG:4326, 2D geometries, the kind's id column from the names, ``ele`` in
        metres for points, required columns the GPS cannot know added empty (listed in
        ``frame.attrs["problems"]``).

    Examples
    --------
    >>> posts = read_gps("garmin.gpx", kind="posts")  # doctest: +SKIP
    >>> list(posts.columns[:3])  # doctest: +SKIP
    ['post_id', 'authority', 'name']
    """
    spec = get_spec(kind)
    path = Path(path)
    if not path.is_file():
        raise UsageError(code="er_no_file", path=path)
    suffix = path.suffix.lower()
    if suffix == ".gpx":
        frame = _from_gpx(path, spec)
    elif suffix == ".csv":
        frame = _from_csv(path, spec)
    else:
        raise UsageError(code="er_gps_format", file=path.name)
    return _complete(frame, spec)


def import_gps(path: str | Path, out: str | Path, *, kind: str) -> gpd.GeoDataFrame:
    """Read GPS data (`read_gps`) and write it as a layer of `kind` to `out`."""
    from asmap.layers.writers import driver_for

    driver_for(out)
    frame = read_gps(path, kind=kind)
    write_layer(frame, out, layer=get_spec(kind).kind, family=get_spec(kind).family)
    return frame


def _id_column(spec: LayerSpec) -> str:
    """The column a waypoint or track name goes to: the kind's id, else its name."""
    names = [c.name for c in spec.columns]
    return spec.id_column or next((n for n in names if n.endswith("_id")), "name")


def _from_gpx(path: Path, spec: LayerSpec) -> gpd.GeoDataFrame:
    try:
        layers = {name for name, _ in pyogrio.list_layers(path)}
    except pyogrio.errors.DataSourceError:
        raise DataError(code="er_gpx_unreadable", file=path.name) from None
    if spec.family == "point":
        return _waypoints(path, spec) if "waypoints" in layers else _empty(path, "waypoints")
    parts = [pyogrio.read_dataframe(path, layer=name) for name in ("tracks", "routes")
             if name in layers]
    paths = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(
        len(p) for p in parts) else None
    if paths is None:
        return _empty(path, "tracks or routes")
    lines = [_coords(g) for g in paths.geometry]
    labels = [_label(name, i) for i, name in enumerate(paths["name"])]
    return _shapes(path, spec, lines, paths["name"].tolist(), paths.get("desc"), labels)


def _empty(path: Path, what: str) -> gpd.GeoDataFrame:
    raise DataError(code="er_gpx_no_waypoints" if what == "waypoints" else "er_gpx_no_tracks",
                    file=path.name)


def _waypoints(path: Path, spec: LayerSpec) -> gpd.GeoDataFrame:
    points = pyogrio.read_dataframe(path, layer="waypoints")
    if points.empty:
        _empty(path, "waypoints")
    out = gpd.GeoDataFrame({_id_column(spec): points["name"]},
                           geometry=shapely.force_2d(points.geometry.values), crs="EPSG:4326")
    if "desc" in points and _id_column(spec) != "name" and spec.column("name"):
        out["name"] = points["desc"]
    if "ele" in points:
        out["ele"] = points["ele"].astype(float)
    if spec.column("observed_on") and "time" in points:
        time = pd.to_datetime(points["time"], utc=True).dt.tz_convert(LOCAL_TZ)
        out["observed_on"] = pd.to_datetime(time.dt.date)
    return out


def _coords(geometry: shapely.Geometry) -> list[np.ndarray]:
    """Each part of a (multi)line as an (n, 2) array, in the order walked."""
    return [shapely.get_coordinates(part) for part in shapely.get_parts(geometry)]


def _label(name: object, i: int) -> str:
    return f"track {name!r}" if isinstance(name, str) and name else f"track number {i + 1}"


def _shapes(path: Path, spec: LayerSpec, lines: list[list[np.ndarray]], names: list,
            desc: pd.Series | None, labels: list[str]) -> gpd.GeoDataFrame:
    geometries, problems = [], []
    for parts, label in zip(lines, labels, strict=True):
        parts = [p for p in parts if len(p)]
        coords = np.concatenate(parts) if parts else np.empty((0, 2))
        gap = _distance(coords[0], coords[-1]) if len(coords) > 1 else np.inf
        closed = gap <= CLOSE_M and len(np.unique(coords, axis=0)) >= 3
        if spec.family == "polygon" and not closed:
            problems.append(Problem.of("error", spec.kind, label, "geometry", "gp_not_closed",
                                       file=path.name, gap=gap, kind=spec.kind))
            geometries.append(None)
        elif closed and spec.family in ("polygon", "line_or_polygon"):
            geometries.append(shapely.Polygon(coords))
        elif len(parts) == 1:
            geometries.append(shapely.LineString(parts[0]))
        else:
            geometries.append(shapely.MultiLineString(parts))
    if problems:
        _stop(problems, path)
    out = gpd.GeoDataFrame({_id_column(spec): names}, geometry=geometries, crs="EPSG:4326")
    if desc is not None and _id_column(spec) != "name" and spec.column("name"):
        out["name"] = desc.to_numpy()
    return out


def _distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(_GEOD.inv(a[0], a[1], b[0], b[1])[2])


def _from_csv(path: Path, spec: LayerSpec) -> gpd.GeoDataFrame:
    table = rename_headers(read_table(path), CSV_HEADERS)
    if "lon" not in table or "lat" not in table:
        raise DataError(code="er_gps_lonlat", file=path.name)
    coords, problems = np.full((len(table), 2), np.nan), []
    for i, (lon, lat) in enumerate(zip(table["lon"], table["lat"], strict=True)):
        try:
            coords[i] = parse_coordinate(lon), parse_coordinate(lat)
        except (ValueError, TypeError) as exc:
            problems.append(Problem.of("error", spec.kind, f"row {i + 2}", "lon/lat",
                                       "gp_bad_coordinate", file=path.name, lon=lon, lat=lat,
                                       detail=str(exc)))
    if problems:
        _stop(problems, path)
    names = table["name"] if "name" in table else pd.Series([None] * len(table))
    if spec.family == "point":
        out = gpd.GeoDataFrame({_id_column(spec): names.to_numpy()},
                               geometry=shapely.points(coords), crs="EPSG:4326")
        if "ele" in table:
            out["ele"] = pd.to_numeric(table["ele"], errors="coerce").to_numpy()
        return out
    groups = pd.Series(range(len(table))).groupby(names.fillna("").to_numpy(), sort=False)
    keys = list(groups.groups)
    lines = [[coords[groups.get_group(k).to_numpy()]] for k in keys]
    labels = [f"the rows named {k!r}" for k in keys]
    return _shapes(path, spec, lines, [k or None for k in keys], None, labels)


def _complete(frame: gpd.GeoDataFrame, spec: LayerSpec) -> gpd.GeoDataFrame:
    """Add required catalogue columns the GPS cannot know, and say what to fill in."""
    problems = []
    for column in spec.columns:
        if column.name not in frame:
            if not column.required:
                continue
            frame[column.name] = None
        if column.required and frame[column.name].isna().any():
            allowed = f" ({', '.join(column.allowed)})" if column.allowed else ""
            problems.append(Problem.of(
                "warning", spec.kind, "", column.name, "gp_fill_in", name=column.name,
                n=int(frame[column.name].isna().sum()), total=len(frame),
                what=column.description, allowed=allowed))
    frame.attrs["problems"] = problems
    return frame


def _stop(problems: list[Problem], path: Path) -> None:
    """Raise the problems of a GPS file: the first, how many more; nothing is written."""
    n = len(problems) - 1
    raise ProblemError(problems, more=("er_more", {"n": n, "s": "s" * (n != 1)}) if n else None,
                       nothing_written=path.name)
