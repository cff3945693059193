"""Write an analysis to a GeoPackage (and read it back), and its sites to CSV."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd
import pyogrio
import shapely

from asmap.geo import schema
from asmap.geo.crs import WGS84, utm_zone_label
from asmap.geo.result import Analysis
from asmap.geo.rules import Rules
from asmap.layers.atomic import atomic_path
from asmap.layers.cells import csv_safe
from asmap.layers.discover import RESULTS_KEY
from asmap.layers.errors import DataError, UsageError

GEOMETRY_TYPES = schema.GEOMETRY_TYPES
#: The dtype of an empty column of each schema type.
EMPTY_DTYPES = {"str": "object", "float": "float", "int": "int64", "bool": "bool",
                "date": "datetime64[ns]"}
#: Key of the JSON document stored in the metadata of the sites layer.
METADATA_KEY = RESULTS_KEY
#: Results whose sites and routes hold more than this many coordinates are written in
#: SQLite pages of `BIG_RESULTS_PAGE` bytes, not 4 KB: fewer, larger pages are written
#: faster, in a file no larger (see `benchmarks/`). Small results keep 4 KB pages, as
#: every table of a GeoPackage takes a page at least.
BIG_RESULTS_COORDINATES = 100_000
BIG_RESULTS_PAGE = 16384

log = logging.getLogger(__name__)


def write_results(analysis: Analysis, path: str | Path) -> Path:
    """
    Write every output of `analysis` as layers of one GeoPackage, atomically.

    The rules, date, sources, unchecked rules and metric CRS are stored as JSON in
    the metadata of the ``sites`` layer, so `read_results` restores them. The
    GeoPackage's own timestamps are set to the analysis date, so the same inputs give
    the same bytes.

    Parameters
    ----------
    analysis
        What `geo.analyze` returned.
    path
        The ``.gpkg`` file to write (replaced when it exists).

    Returns
    -------
    Path
        `path`.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> analysis = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    >>> geo.write_results(analysis, "results.gpkg")  # doctest: +SKIP
    PosixPath('results.gpkg')
    """
    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        raise UsageError(code="er_results_gpkg", path=path)
    meta = {METADATA_KEY: json.dumps(_metadata(analysis), ensure_ascii=False, sort_keys=True)}
    stamp = f"{analysis.on.isoformat()}T00:00:00.000Z"
    # SQLite need not sync after every layer: the finished file is synced once, then renamed
    config = {"OGR_CURRENT_DATE": stamp, "OGR_SQLITE_SYNCHRONOUS": "OFF"}
    old = {key: pyogrio.get_gdal_config_option(key)
           for key in (*config, "OGR_SQLITE_PRAGMA")}
    coordinates = sum(int(shapely.get_num_coordinates(getattr(analysis, name).geometry.values)
                          .sum()) for name in ("sites", "routes"))
    if coordinates > BIG_RESULTS_COORDINATES:
        config["OGR_SQLITE_PRAGMA"] = ",".join(
            filter(None, [old["OGR_SQLITE_PRAGMA"], f"page_size={BIG_RESULTS_PAGE}"]))
    pyogrio.set_gdal_config_options(config)
    try:
        with atomic_path(path) as tmp:
            for name in Analysis.OUTPUTS:
                frame = _for_gpkg(getattr(analysis, name), name)
                pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG",
                                        geometry_type=GEOMETRY_TYPES[name],
                                        promote_to_multi=GEOMETRY_TYPES[name] != "LineString",
                                        layer_metadata=meta if name == "sites" else None,
                                        append=tmp.exists(), use_arrow=True)
    finally:
        pyogrio.set_gdal_config_options(old)
    log.info("wrote %s (%d sites)", path, len(analysis.sites))
    return path


def read_results(path: str | Path, layers: Mapping[str, gpd.GeoDataFrame] | None = None
                 ) -> Analysis:
    """
    Read a GeoPackage written by `write_results` back into an `Analysis`.

    Parameters
    ----------
    path
        The results GeoPackage, or a results dataset folder ``DIR.parquet`` written by
        ``asmap analyze --engine dask`` (see `geo.dataset`).
    layers
        The input layers (for maps that draw them); None leaves them out.

    Returns
    -------
    Analysis
        The outputs, rules, date, sources and unchecked rules as they were written.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> analysis = geo.read_results("results.gpkg",  # doctest: +SKIP
    ...                             layers=layers.load(layers.sample_path()))
    >>> analysis.summary()["eligible"]  # doctest: +SKIP
    16
    """
    path = Path(path)
    if not path.exists():
        raise UsageError(code="er_no_results", path=path)
    if path.is_dir():
        from asmap.geo.dataset import is_dataset, read_dataset

        if not is_dataset(path):
            raise UsageError(code="er_results_folder", path=path)
        return read_dataset(path, layers)
    not_results = DataError(code="er_not_results_file", path=path)
    if path.suffix.lower() != ".gpkg":
        raise not_results
    try:
        info = pyogrio.read_info(path, layer="sites")
        present = {name for name, _ in pyogrio.list_layers(path)}
        frames = {name: pyogrio.read_dataframe(path, layer=name) for name in Analysis.OUTPUTS
                  if name in present or name != "agreements"}  # older files have none
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError):
        raise not_results from None
    raw = (info.get("layer_metadata") or {}).get(METADATA_KEY)
    if raw is None:
        raise DataError(code="er_no_metadata", path=path)
    meta = json.loads(raw)
    return Analysis(**frames, on=date.fromisoformat(meta["on"]), **as_analysed(meta, layers))


def as_analysed(meta: dict, layers: Mapping[str, gpd.GeoDataFrame] | None) -> dict[str, Any]:
    """The `Analysis` fields of results read back but their outputs and date: what the
    metadata says, and the layers clipped to the area of interest as the analysis saw them
    (with the warnings that gives)."""
    rules = Rules.from_mapping(meta["rules"])
    soum, key = meta.get("soum", ""), meta.get("soum_key", "")
    said: list = []
    if layers is not None and "tailings" in layers:  # drawn as the analysis saw them
        from asmap.geo.core import prepared_inputs

        layers, _, said = prepared_inputs(layers, rules=rules, soum=key or soum or None,
                                          crs=meta.get("crs"))
    return {"rules": rules, "layers": dict(layers or {}), "sources": meta.get("sources", {}),
            "unchecked": tuple(meta.get("unchecked", ())),
            "crs": meta.get("crs", "EPSG:32648"), "soum": soum, "soum_key": key,
            "warnings": said, "folder": getattr(layers, "folder", None)}


def write_sites_csv(analysis: Analysis, path: str | Path) -> Path:
    """
    Write the sites table without geometry, plus each site's centroid, as UTF-8 CSV.

    The centroid is given as ``lon``, ``lat`` (WGS84, 6 decimals) and as ``utm_e``,
    ``utm_n`` (metres, 1 decimal) in ``utm_zone`` (e.g. ``48N``), for GPS units and Excel.
    Text that a spreadsheet would run as a formula gets a leading ``'`` (`layers.cells`).

    Parameters
    ----------
    analysis
        What `geo.analyze` returned.
    path
        The ``.csv`` file to write (replaced when it exists).

    Returns
    -------
    Path
        `path`.

    Examples
    --------
    >>> from asmap import geo, layers
    >>> analysis = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    >>> geo.write_sites_csv(analysis, "sites.csv")  # doctest: +SKIP
    PosixPath('sites.csv')
    """
    sites = analysis.sites
    metric = sites.geometry.to_crs(analysis.crs)
    centre_m = shapely.get_coordinates(shapely.centroid(metric.values))
    centre = shapely.get_coordinates(
        gpd.GeoSeries(shapely.points(centre_m), crs=analysis.crs).to_crs(WGS84).values)
    table = pd.DataFrame(sites.drop(columns=sites.geometry.name))
    table["lon"] = np.round(centre[:, 0], 6)
    table["lat"] = np.round(centre[:, 1], 6)
    table["utm_e"] = np.round(centre_m[:, 0], 1)
    table["utm_n"] = np.round(centre_m[:, 1], 1)
    table["utm_zone"] = utm_zone_label(analysis.crs)
    table = csv_safe(table)
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n",
                     date_format="%Y-%m-%d")
    return Path(path)


def _metadata(analysis: Analysis) -> dict:
    return {"rules": analysis.rules.as_dict(), "on": analysis.on.isoformat(),
            "sources": _jsonable(analysis.sources), "unchecked": list(analysis.unchecked),
            "crs": analysis.crs, "soum": analysis.soum, "soum_key": analysis.soum_key}


def _jsonable(value):
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _for_gpkg(frame: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    """The frame as written: EPSG:4326, an index-free copy, typed columns when empty."""
    frame = frame.to_crs(WGS84).reset_index(drop=True)
    if len(frame) == 0 and name in schema.LAYERS and name != "sites":
        columns = {c: pd.Series(dtype=EMPTY_DTYPES[t])
                   for c, t in schema.column_types(name).items()}
        frame = gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries([], crs=WGS84), crs=WGS84)
    return frame
