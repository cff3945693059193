"""The Dask engine from a project folder: the workers read, check and clip the sites.

`geo.engine_dask.write_dask` takes a loaded project, so the process that starts it holds
every site. `write_dask_folder` reads here only what cuts the sites into partitions: the
feature ids, the id column (unique ids, the sites the agreements name) and each site's
bounds (its place along a Hilbert curve). Each worker then reads its own sites by
feature id, checks and repairs them as `layers.load` does (`layers.check_layer`, with
their rows in the file), adds up what choosing the area of interest needs of them
(`geo.aoi.SitesSummary`), clips them to it, analyses them and writes its files. The
other layers are loaded here, as for the local engine.

Sites in a format GDAL cannot read by feature id (`layers.readers.BY_FID`: GeoJSON,
CSV, GPX, KML, zipped Shapefiles, GeoParquet, ...) are read here instead: the project
is loaded and `write_dask` runs. So is a project with any problem that is an error, or
whose sites are read in the user's ``--crs`` in place of the one their file declares
(a choice the whole layer makes): loading it here gives the local engine's error,
word for word, or its answer.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd
import pyogrio
import shapely

from asmap.geo.aoi import (
    AreaOfInterest,
    SitesSummary,
    clip_to_aoi,
    combine_summaries,
    summarize_sites,
)
from asmap.geo.core import as_rules, checked_sites, prepared_inputs
from asmap.geo.engine_dask import (
    TARGET_PARTITION_SITES,
    _agreements_checked,
    _client,
    _require_dask,
    _run,
)
from asmap.layers.discover import ALL_LAYERS, Source
from asmap.layers.problems import Problem
from asmap.layers.project import Project
from asmap.layers.readers import BY_FID, extension, row_ids
from asmap.layers.specs import SPECS

log = logging.getLogger(__name__)

#: Sites per batch when their places along the Hilbert curve are worked out.
HILBERT_BATCH = 100_000
#: Problem codes after which the sites must be read as a whole (see the module docstring).
WHOLE_LAYER_CODES = frozenset({"pr_crs_overridden"})


def write_dask_folder(folder: str | Path, out: str | Path, *, input_crs: str | None = None,
                      rules: Any = None, on: date | str | None = None, crs: str | None = None,
                      progress: Callable[[str], None] | None = None, scheduler: Any = None,
                      npartitions: int | None = None, soum: str | None = None,
                      said: Callable[[list], None] | None = None) -> dict[str, Any]:
    """
    Analyse a project folder on a Dask cluster whose workers read the sites themselves.

    Parameters
    ----------
    folder
        A project folder or GeoPackage, as for `layers.load`.
    out
        The ``*.parquet`` folder to write (see `geo.dataset`).
    input_crs
        CRS of layers whose files do not say, as `layers.load` takes it (``--crs``).
    rules, on, crs, progress, scheduler, npartitions, soum, said
        As for `geo.engine_dask.write_dask`.

    Returns
    -------
    dict
        The analysis summary, as `Analysis.summary` gives it.

    Raises
    ------
    DataError, UsageError
        As `layers.load` and `geo.analyze` raise them, in the same words; nothing is
        written then.

    Examples
    --------
    >>> write_dask_folder("project/", "results.parquet", on="2021-04-06")  # doctest: +SKIP
    """
    from asmap.geo.dataset import check_dataset_path
    from asmap.layers.load import load
    from asmap.layers.validate import inspect

    out = check_dataset_path(out)
    _require_dask()
    on = date.today() if on is None else on
    checked = inspect(folder, crs=input_crs, skip=frozenset({"tailings"}))
    plan = None if checked.errors else _plan(checked)
    with _client(scheduler) as client:
        done = None if plan is None else _write(
            client, plan, out, input_crs=input_crs, rules=rules, on=on, crs=crs,
            progress=progress, npartitions=npartitions, soum=soum, said=said)
        if done is not None:
            log.info("the workers read the %d sites of %s", len(plan.ids), plan.source.file)
            return done
        log.info("the sites of %s are read in this process", folder)
        from asmap.geo.engine_dask import write_dask  # read here: the local engine's words

        return write_dask(load(folder, crs=input_crs), out, rules=rules, on=on, crs=crs,
                          progress=progress, scheduler=client, npartitions=npartitions,
                          soum=soum, said=said)


class _Plan:
    """The sites' source, their feature ids, ids and bounds, and the other layers."""

    def __init__(self, project: Project, source: Source, fids: np.ndarray,
                 ids: pd.Series, bounds: np.ndarray) -> None:
        self.project, self.source, self.fids, self.ids = project, source, fids, ids
        self.bounds = bounds

    def partitions(self, k: int) -> list[np.ndarray]:
        """`k` lists of row positions, contiguous along a Hilbert curve, each in file order."""
        order = np.argsort(_hilbert(self.bounds), kind="stable")
        return [np.sort(chunk) for chunk in np.array_split(order, k)]


def _plan(checked) -> _Plan | None:
    """What cuts the sites into partitions; None when they must be read here."""
    from asmap.layers.column_checks import as_text
    from asmap.layers.validate import agreement_sites

    source = next((s for s in checked.sources if s.kind == "tailings"), None)
    if source is None or source.layer == ALL_LAYERS or extension(source.path) not in BY_FID:
        return None
    column = _id_field(source)
    if column is None:
        return None
    fids, raw, bounds = row_ids(source.path, layer=source.layer, column=column)
    ids = as_text(raw)
    if len(ids) < 2 or ids.isna().any() or not ids.is_unique:
        return None  # one site, or its error (read here)
    if agreement_sites({**checked.layers, "tailings": pd.DataFrame({"site_id": ids})},
                       checked.sources):
        return None
    project = Project(layers=checked.layers, folder=checked.folder,
                      settings=checked.settings, problems=checked.problems)
    return _Plan(project, source, fids, ids, bounds)


def _id_field(source: Source) -> str | None:
    """The field of the file that `layers.load` reads as the sites' ``site_id``."""
    from asmap.layers.checks import case_clashes
    from asmap.layers.column_checks import rename_columns

    fields = [str(f) for f in pyogrio.read_info(source.path, layer=source.layer or None)
              ["fields"]]
    empty = gpd.GeoDataFrame({f: [] for f in fields}, geometry=[])
    spec = SPECS["tailings"]
    if case_clashes(empty, spec, file=source.file):
        return None
    renamed, _ = rename_columns(empty, spec, file=source.file)
    return next((f for f, name in zip(fields, renamed.columns, strict=False)
                 if name == spec.id_column), None)


def _hilbert(bounds: np.ndarray) -> np.ndarray:
    """Each row's distance along a Hilbert curve over the bounds' extent (rows without
    bounds last)."""
    finite = np.isfinite(bounds).all(axis=1)
    total = np.concatenate([bounds[finite, :2].min(axis=0), bounds[finite, 2:].max(axis=0)]) \
        if finite.any() else np.zeros(4)
    distance = np.full(len(bounds), np.iinfo(np.int64).max, dtype=np.int64)
    rows = np.flatnonzero(finite)
    for start in range(0, len(rows), HILBERT_BATCH):
        batch = rows[start:start + HILBERT_BATCH]
        middle = shapely.points((bounds[batch, 0] + bounds[batch, 2]) / 2,
                                (bounds[batch, 1] + bounds[batch, 3]) / 2)
        distance[batch] = gpd.GeoSeries(middle).hilbert_distance(total_bounds=total)
    return distance


def _write(client: Any, plan: _Plan, out: Path, *, input_crs: str | None, rules: Any,
           on: date | str, crs: str | None, progress: Callable[[str], None] | None,
           npartitions: int | None, soum: str | None,
           said: Callable[[list], None] | None) -> dict[str, Any] | None:
    """Read, check, clip, analyse and write on the workers; None when the sites must be
    read here after all (an error, or a CRS chosen for the whole layer)."""
    from asmap.geo.dataset import write_metadata, write_part
    from asmap.geo.io import _metadata
    from asmap.geo.summary import combine
    from asmap.layers.atomic import atomic_dir

    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    k = npartitions or max(2 * n_workers, math.ceil(len(plan.ids) / TARGET_PARTITION_SITES))
    project, source = plan.project, plan.source
    boundary = project["boundary"] if "boundary" in project else None
    read = [client.submit(_read_part, source, plan.fids[rows], rows, input_crs,
                          str(project.folder), pure=False)
            for rows in plan.partitions(min(k, len(plan.ids)))]
    infos = client.gather([client.submit(_part_info, part, boundary, soum) for part in read])
    if any(info is None for info in infos):
        return None
    rules = as_rules(rules, project)
    named = _named(project)
    clipped: list = []

    def clip_sites(aoi: AreaOfInterest) -> tuple[list[Problem], int]:
        clipped.extend(client.submit(_clip_part, part, aoi) for part in read)
        counts = client.gather([client.submit(len, part) for part in clipped])
        dropped = len(plan.ids) - sum(counts)
        return ([Problem.of("warning", "tailings", "", "", "pr_aoi_left_out", dropped=dropped,
                            total=len(plan.ids), km=aoi.margin_km, soum=aoi.label)]
                if dropped else []), sum(counts)

    layers, aoi, warned = prepared_inputs(project, rules=rules, soum=soum, crs=crs,
                                          sites=combine_summaries(infos),
                                          clip_sites=clip_sites)
    read.clear()  # the clipped sites are all the workers keep
    firsts = client.gather([client.submit(_firsts, part, named) for part in clipped])
    parts = [part for part, (first, _) in zip(clipped, firsts, strict=True) if len(first)]
    first = min((f for f, _ in firsts if len(f)), key=lambda f: f.index[0])
    covered = [c for _, c in firsts if len(c)]
    covered = pd.concat(covered).sort_index() if covered else first
    found, agreements = _agreements_checked(_with_sites(layers, covered), rules=rules, on=on,
                                            crs=crs, aoi=aoi)
    with atomic_dir(out) as tmp:
        tallies, whole = _run(client, _with_sites(layers, first), parts, rules=rules, on=on,
                              crs=crs, aoi=aoi, progress=progress or (lambda name: None),
                              folder=str(tmp), agreements=(agreements, found))
        whole = _finished(whole, layers, agreements)
        if agreements is not None:  # the whole call saw none: the checked ones instead
            write_part({"agreements": agreements}, tmp, 0)
        write_metadata(_metadata(whole), tmp)
    if said is not None:
        said(list(warned))
    return combine(tallies, whole)


def _finished(whole: Any, layers: Project, agreements: gpd.GeoDataFrame | None) -> Any:
    import dataclasses

    whole = dataclasses.replace(whole, sources=layers.sources)
    return whole if agreements is None else dataclasses.replace(whole, agreements=agreements)


def _named(project: Project) -> frozenset[str]:
    """The site ids the agreements name."""
    from asmap.geo.schema import split

    if "agreements" not in project:
        return frozenset()
    return frozenset(s for ids in project["agreements"]["site_ids"] for s in split(ids))


def _with_sites(layers: Project, sites: gpd.GeoDataFrame) -> Project:
    import dataclasses

    return dataclasses.replace(layers, layers={**layers.layers, "tailings": sites})


def _read_part(source: Source, fids: np.ndarray, rows: np.ndarray, input_crs: str | None,
               folder: str) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Read and check some sites as `layers.load` does (runs on a worker): the sites (None
    when any problem is an error) and the problems."""
    from asmap.layers.checks import check_layer
    from asmap.layers.column_checks import feature_labels
    from asmap.layers.geometry_checks import parse_crs
    from asmap.layers.media import check_media
    from asmap.layers.readers import read_rows

    spec = SPECS["tailings"]
    frame = read_rows(source.path, layer=source.layer, fids=fids, rows=rows)
    frame, problems = check_layer(frame, spec, file=source.file, crs=parse_crs(input_crs),
                                  rows=rows)
    if frame is not None and {"photo", "document"} & set(frame.columns):
        problems += check_media(frame, "tailings", Path(folder), file=source.file,
                                label=feature_labels(frame, spec, rows=rows))
    if frame is None or any(p.is_error for p in problems):
        return None, problems
    try:
        return checked_sites(frame), problems
    except Exception:  # noqa: BLE001 - read in the main process, which raises it in order
        return None, problems


def _part_info(part: tuple, boundary: gpd.GeoDataFrame | None, soum: str | None
               ) -> SitesSummary | None:
    """What the main process needs of one partition's check: None when the sites must be
    read there, else the partition's `SitesSummary`."""
    frame, problems = part
    if frame is None or any(p.code in WHOLE_LAYER_CODES for p in problems):
        return None
    return summarize_sites(frame, boundary, soum=soum)


def _clip_part(part: tuple, aoi: AreaOfInterest) -> gpd.GeoDataFrame:
    """The partition's sites that meet the grown area of interest (runs on a worker)."""
    return clip_to_aoi({"tailings": part[0]}, aoi)[0]["tailings"]


def _firsts(sites: gpd.GeoDataFrame, named: frozenset[str]
            ) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The partition's first site and the sites the agreements name."""
    return sites.iloc[:1], sites[sites["site_id"].astype(str).isin(named)]
