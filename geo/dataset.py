"""Results as a partitioned GeoParquet dataset: a folder ``DIR.parquet`` the Dask workers
write, one file per partition per output layer, that `read_results` reads back.

::

    results.parquet/
        asmap.json                  rules, date, sources, unchecked rules, metric CRS
        sites/part.00000.parquet    one file per partition (GeoParquet, EPSG:4326)
        eligible_parts/part.00000.parquet
        routes/part.00000.parquet
        exclusions/part.00000.parquet   the project-wide layers: one file
        conflicts/part.00000.parquet

The sites keep the index of the input tailings, so reading puts every layer back in
the input's site order: the answer the local engine gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

import geopandas as gpd

from asmap.geo.crs import WGS84
from asmap.geo.result import Analysis
from asmap.layers.errors import DataError, UsageError

#: The metadata file of a results dataset.
METADATA = "asmap.json"
#: Output layers with one file per partition; the others have one file.
SITE_LAYERS = ("sites", "eligible_parts", "routes")


def is_dataset(path: str | Path) -> bool:
    """
    Whether `path` names a results dataset (a ``.parquet`` folder), not a GeoPackage.

    Examples
    --------
    >>> is_dataset("results.parquet"), is_dataset("results.gpkg")
    (True, False)
    """
    return Path(path).suffix.lower() == ".parquet"


def write_part(frames: dict[str, gpd.GeoDataFrame], folder: str | Path, number: int) -> None:
    """Write partition `number` of each output layer in `frames` into `folder`."""
    for name, frame in frames.items():
        layer = Path(folder) / name
        layer.mkdir(parents=True, exist_ok=True)
        frame = frame.to_crs(WGS84)
        if name != "sites":
            frame = frame.reset_index(drop=True)
        _typed(frame).to_parquet(layer / f"part.{number:05d}.parquet", index=name == "sites")


def write_metadata(meta: dict, folder: str | Path) -> None:
    """Write the dataset's ``asmap.json`` (see `geo.io` for what it holds)."""
    (Path(folder) / METADATA).write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True,
                                                    indent=1) + "\n", encoding="utf-8")


def read_dataset(path: str | Path, layers=None) -> Analysis:
    """
    Read a results dataset written by ``asmap analyze --engine dask --out DIR.parquet``.

    Parameters
    ----------
    path
        The ``.parquet`` folder.
    layers
        The input layers (for maps that draw them); None leaves them out.

    Returns
    -------
    Analysis
        As the local engine gives it: the sites in the input order, routes and eligible
        parts in the order of their sites.

    Examples
    --------
    >>> analysis = read_dataset("results.parquet")  # doctest: +SKIP
    """
    path = Path(path)
    if not (path / METADATA).is_file():
        raise DataError(code="er_not_dataset", path=path, metadata=METADATA)
    meta = json.loads((path / METADATA).read_text(encoding="utf-8"))
    frames = {name: _read_layer(path / name) for name in Analysis.OUTPUTS}
    sites = frames["sites"].sort_index(kind="stable")
    position = pd.Series(np.arange(len(sites)), index=sites["site_id"].to_numpy())
    for name in ("eligible_parts", "routes"):
        frame = frames[name]
        order = np.argsort(position.reindex(frame["site_id"].to_numpy()).to_numpy(),
                           kind="stable")
        frames[name] = frame.iloc[order].reset_index(drop=True)
    frames["sites"] = sites
    from asmap.geo.io import as_analysed

    return Analysis(**frames, on=pd.Timestamp(meta["on"]).date(), **as_analysed(meta, layers))


def _read_layer(folder: Path) -> gpd.GeoDataFrame:
    files = sorted(folder.glob("part.*.parquet"))
    if not files:
        raise DataError(code="er_dataset_no_parts", folder=folder)
    from asmap.geo.engine_dask import _concat

    frames = [_as_written(f) for f in files]
    index = pd.concat([f.index.to_series() for f in frames]).to_numpy()
    frame = _concat(frames) if len(frames) > 1 else frames[0]
    frame.index = index
    return gpd.GeoDataFrame(frame, geometry=frames[0].geometry.name, crs=frames[0].crs)


def _as_written(path: Path) -> gpd.GeoDataFrame:
    """A part with its text columns in the dtype they were written from (pandas reads
    every text column as ``str``; the analysis holds some as Python objects)."""
    frame = gpd.read_parquet(path)
    pandas_meta = json.loads(pq.read_schema(path).metadata[b"pandas"])
    for column in pandas_meta["columns"]:
        name = column["name"]
        # "string": written by `_typed` from Python objects that were all missing
        if (column["numpy_type"] in ("object", "string") and name in frame
                and isinstance(frame[name].dtype, pd.StringDtype)):
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


def _typed(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Text columns with no value typed as (nullable) text, so that every partition has
    one schema; `_as_written` reads them back as Python objects."""
    frame = frame.copy()
    for col in frame.columns:
        if col != frame.geometry.name and frame[col].dtype == object and frame[col].isna().all():
            frame[col] = frame[col].astype("string")
    return frame


def check_dataset_path(path: str | Path) -> Path:
    """A usage error unless `path` ends in ``.parquet``."""
    path = Path(path)
    if not is_dataset(path):
        raise UsageError(code="er_dataset_name", path=path)
    return path
