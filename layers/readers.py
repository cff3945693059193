"""Reading layer files: extension -> reader table, pyogrio first, CSV and GeoParquet aside.

`read_layer` reads and normalizes one layer; `read_source` is the raw step that
`validate` uses, returning problems instead of raising.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import geopandas as gpd
import pyogrio
import shapely
from pyogrio.errors import DataLayerError, DataSourceError

from asmap.layers.errors import DataError, ProblemError
from asmap.layers.messages import word
from asmap.layers.problems import Problem, capped
from asmap.layers.specs import SPECS
from asmap.layers.tables import decode_text

#: Layer formats by file extension: the GDAL driver (or reader) and a name for messages.
FORMATS: dict[str, str] = {
    ".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GeoPackage", ".shp": "Shapefile",
    ".zip": "zipped Shapefile", ".kml": "KML", ".kmz": "KMZ", ".fgb": "FlatGeobuf",
    ".parquet": "GeoParquet", ".geoparquet": "GeoParquet", ".csv": "CSV", ".gpx": "GPX",
    ".gml": "GML", ".topojson": "TopoJSON",
    # --- agreements (issue 14): tables without geometry ---
    ".xlsx": "Excel",
}
#: Formats whose coordinates are longitude/latitude by definition when the file says nothing.
DEGREE_FORMATS = frozenset({".geojson", ".json", ".kml", ".kmz", ".gpx", ".csv", ".xlsx",
                            ".topojson"})
#: Formats that may hold several layers (a GeoPackage, KML folders, a zip of shapefiles).
CONTAINERS = frozenset({".gpkg", ".kml", ".kmz", ".zip", ".gml", ".topojson"})
#: Standard KML fields that LIBKML adds to every layer; dropped when they hold nothing.
KML_FIELDS = ("timestamp", "begin", "end", "altitudeMode", "tessellate", "extrude",
              "visibility", "drawOrder", "icon", "snippet")
LON_LAT = (("lon", "lat"), ("longitude", "latitude"), ("lng", "lat"), ("long", "lat"),
           ("x", "y"))
WKT_NAMES = ("wkt", "geometry", "geom", "the_geom")


def extension(path: Path) -> str:
    """The layer extension of a path, lower case (``.geojson``), or ``""``."""
    suffix = path.suffix.lower()
    return suffix if suffix in FORMATS else ""


def list_layers(path: Path) -> list[tuple[str, bool]]:
    """
    Layers inside a file: (name, has geometry) pairs; one ``("", True)`` for single-layer formats.

    Raises
    ------
    DataError
        When GDAL cannot open the file.
    """
    if extension(path) not in CONTAINERS:
        return [("", True)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            listed = pyogrio.list_layers(path)
    except (DataSourceError, DataLayerError, OSError, RuntimeError) as exc:
        raise DataError(code="er_unreadable", detail=_unreadable(path, exc)) from None
    return [(str(name), geom_type is not None) for name, geom_type in listed]


def read_source(path: Path, *, layer: str = "", kind: str,
                file: str) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """
    Read one layer as it is in the file (no checks, no reprojection).

    Parameters
    ----------
    path
        The file.
    layer
        Layer name inside a GeoPackage, KML or zip (``""``: the only or first layer).
    kind
        Layer kind, for problems.
    file
        File name used in problems.

    Returns
    -------
    tuple
        The layer (None when it cannot be read) and problems (errors when unreadable,
        plus row-level problems of CSV coordinates).
    """
    def fail(detail: str, hint: str) -> tuple[None, list[Problem]]:
        return None, [Problem.of("error", kind, "", "", "pr_read_failed", file=file,
                                 detail=detail, hint=hint)]

    if path.is_file() and path.stat().st_size == 0:
        return None, [Problem.of("error", kind, "", "", "pr_file_empty", file=file)]
    ext = extension(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if ext == ".xlsx":
                return _read_sheet(path, kind=kind, file=file)
            if ext == ".csv":
                frame, problems = _read_csv(path, kind=kind, file=file)
                return (frame if frame is None else frame.set_crs(4326)), problems
            if ext == ".gpx":  # waypoints, tracks and routes made into the kind's layer
                from asmap.layers.gps import read_gps

                frame = read_gps(path, kind=kind)
            elif ext in (".parquet", ".geoparquet"):
                frame = gpd.read_parquet(path)
            else:
                frame = pyogrio.read_dataframe(path, layer=layer or None, use_arrow=True)
    except DataError as exc:
        return fail(str(exc), word("pr_file_empty_hint"))
    except Exception as exc:  # GDAL and pyarrow raise many kinds; all mean "cannot read"
        return fail(_unreadable(path, exc), _reread_hint(path))
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name not in frame:
        return fail(word("w_no_geometry_file", format=FORMATS[ext]), word("w_export_geometry"))
    frame = frame.reset_index(drop=True).rename_geometry("geometry") \
        if frame.geometry.name != "geometry" else frame.reset_index(drop=True)
    if ext in (".kml", ".kmz"):
        frame = frame.drop(columns=[c for c in KML_FIELDS if c in frame
                                    and frame[c].isna().all()])
    if frame.crs is None and ext in DEGREE_FORMATS:
        frame = frame.set_crs(4326)
    return frame, []


def read_layer(path: str | Path, kind: str | None = None, *, crs: str | None = None,
               layer: str | None = None) -> gpd.GeoDataFrame:
    """
    Read one layer file, check it against the catalogue and normalize it.

    Parameters
    ----------
    path
        A layer file in any format of `FORMATS`.
    kind
        Layer kind (default: the layer name, else the file name without extension).
    crs
        CRS of the coordinates when the file does not say (``"EPSG:32648"``).
    layer
        Layer inside a GeoPackage, KML or zip (default: the one named after the kind,
        else the only one).

    Returns
    -------
    GeoDataFrame
        In EPSG:4326, catalogue columns lower case and typed, defaults filled, invalid
        geometries repaired.

    Raises
    ------
    DataError
        Naming the file, feature, field and what to do, on the first error.

    Examples
    --------
    >>> from asmap.layers import read_layer, sample_path
    >>> read_layer(sample_path() / "tailings.geojson").crs.to_epsg()
    4326
    """
    from asmap.layers.checks import check_layer
    from asmap.layers.geometry_checks import parse_crs
    from asmap.layers.specs import get_spec

    path = Path(path)
    if not path.exists():
        raise DataError(code="er_no_file", path=path)
    spec = get_spec(kind or layer or path.stem)
    if layer is None and extension(path) in CONTAINERS:
        names = [name for name, _ in list_layers(path)]
        layer = spec.kind if spec.kind in names else (names[0] if len(names) == 1 else "")
        if not layer:
            raise DataError(code="er_which_layer", file=path.name, names=", ".join(names))
    frame, problems = read_source(path, layer=layer or "", kind=spec.kind, file=path.name)
    if frame is not None:
        frame, more = check_layer(frame, spec, file=path.name, crs=parse_crs(crs))
        problems += more
    first = next((p for p in problems if p.is_error), None)
    if first is not None:
        raise ProblemError([first])
    return frame


def _read_csv(path: Path, *, kind: str, file: str) -> tuple[gpd.GeoDataFrame | None,
                                                             list[Problem]]:
    table = pd.read_csv(io.StringIO(decode_text(path.read_bytes())), dtype=str,
                        keep_default_na=False)
    lower = {str(c).strip().lower(): c for c in table.columns}
    pair = next(((lower[x], lower[y]) for x, y in LON_LAT if x in lower and y in lower), None)
    wkt = next((lower[n] for n in WKT_NAMES if n in lower), None)
    if pair is None and wkt is None and _is_table_kind(kind):
        return gpd.GeoDataFrame(table, geometry=[None] * len(table)), []
    if pair is None and wkt is None:
        return None, [Problem.of("error", kind, "", "", "pr_csv_no_xy", file=file)]
    if pair is not None:
        xy = [table[c].str.strip().str.replace(",", ".", regex=False) for c in pair]
        x, y = (pd.to_numeric(v, errors="coerce") for v in xy)
        x, y = (v.where(np.isfinite(v)) for v in (x, y))  # inf is no coordinate
        bad = np.flatnonzero(((xy[0] != "") & x.isna() | (xy[1] != "") & y.isna()).to_numpy())
        geoms = shapely.points(x.to_numpy(), y.to_numpy())
        geoms[(x.isna() | y.isna()).to_numpy()] = None
        what, used = f"{pair[0]}/{pair[1]}", list(pair)
    else:
        text = table[wkt].where(table[wkt].str.strip() != "", None)
        geoms = shapely.from_wkt(text.to_numpy(dtype=object), on_invalid="ignore")
        bad = np.flatnonzero((text.notna() & pd.isna(pd.Series(geoms))).to_numpy())
        what, used = wkt, [wkt]
    geoms = np.where(pd.isna(pd.Series(geoms)).to_numpy(), None, geoms)
    frame = gpd.GeoDataFrame(table.drop(columns=used), geometry=list(geoms))

    def problem(feature: str, code: str, **params) -> Problem:
        return Problem.of("error", kind, feature, what, code, file=file, **params)

    spec = SPECS.get(kind)
    ids = table[spec.id_column] if spec and spec.id_column in table else None

    def label(i: int) -> str:
        return ids.iloc[i] if ids is not None and ids.iloc[i].strip() else f"row {i + 1}"

    return frame, capped(bad, lambda i: problem(label(i), "pr_csv_bad_xy"),
                         summary=lambda n: problem("", "pr_csv_bad_xy_more", n=n))


# --- agreements (issue 14): kinds that are tables, read from CSV or Excel ---

def _is_table_kind(kind: str) -> bool:
    from asmap.layers.specs import SPECS

    return kind in SPECS and SPECS[kind].geometry_optional


def _read_sheet(path: Path, *, kind: str, file: str) -> tuple[gpd.GeoDataFrame | None,
                                                              list[Problem]]:
    """The first sheet of an Excel workbook as a layer without geometry (table kinds only)."""
    from asmap.layers.tables import read_table

    if not _is_table_kind(kind):
        return None, [Problem.of("error", kind, "", "", "pr_sheet_geometry", file=file,
                                 kind=kind)]
    table = read_table(path)
    table = table.loc[:, [c for c in table.columns if c and not c.startswith("Unnamed:")]]
    table = table[table.notna().any(axis=1)].reset_index(drop=True)
    return gpd.GeoDataFrame(table, geometry=[None] * len(table), crs=4326), []


def _unreadable(path: Path, exc: BaseException) -> str:
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    return f"cannot read this {FORMATS.get(extension(path), 'file')} file ({detail})"


def _reread_hint(path: Path) -> str:
    return word("w_reread_shp" if extension(path) == ".shp" else "pr_unreadable_hint")


# --- the Dask engine (issue 17): the rows of one layer, read where they are analysed ---

#: Formats GDAL reads feature by feature id without reading the whole file.
BY_FID = frozenset({".gpkg", ".shp", ".fgb"})


def read_rows(path: Path, *, layer: str = "", fids: np.ndarray,
              rows: np.ndarray) -> gpd.GeoDataFrame:
    """
    Some features of a layer, as `read_source` reads the whole layer (formats in `BY_FID`).

    Parameters
    ----------
    path, layer
        The file and the layer in it, as `read_source` takes them.
    fids
        Feature ids of the rows to read (see `row_ids`).
    rows
        Their 0-based positions in the file: the index of the frame returned, the index
        `read_source` gives them.

    Returns
    -------
    GeoDataFrame
        The rows in the order of `rows`, geometry column named ``geometry``.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = pyogrio.read_dataframe(path, layer=layer or None, fids=fids,
                                       fid_as_index=True, use_arrow=True)
    frame = frame.loc[fids]  # GDAL may answer in its own order
    frame.index = pd.Index(rows)
    return frame if frame.geometry.name == "geometry" else frame.rename_geometry("geometry")


def row_ids(path: Path, *, layer: str = "", column: str | None = None
            ) -> tuple[np.ndarray, pd.Series | None, np.ndarray]:
    """
    The feature ids of a layer in file order, one column without geometry, and the
    bounds of each row (NaN where it has no geometry), without reading the geometries
    into Python.

    Returns
    -------
    tuple
        Feature ids (int64), the column as read (None without `column`) and an
        ``(n, 4)`` array of minx, miny, maxx, maxy in the file's CRS.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = pyogrio.read_dataframe(path, layer=layer or None, read_geometry=False,
                                       columns=[column] if column else [],
                                       fid_as_index=True, use_arrow=True)
        fids, bounds = pyogrio.read_bounds(path, layer=layer or None)
    ids = table.index.to_numpy(dtype=np.int64)
    out = np.full((len(ids), 4), np.nan)
    out[pd.Index(ids).get_indexer(fids)] = np.asarray(bounds).T
    return ids, (table[column].reset_index(drop=True) if column else None), out
