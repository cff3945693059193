"""The Dask engine: the same analysis, sites split into spatial partitions on a cluster.

Every site-level answer (areas, reasons, license, route) depends only on the site
and the other layers, so the sites are ordered along a Hilbert curve, cut into
contiguous partitions with dask-geopandas, and each partition runs the analysis core
(`geo.core.analyze_local`) with every other layer, which is broadcast once to each
worker; every partition measures in the one metric CRS chosen here. The outputs that
belong to the whole project (exclusion zones, license conflicts) are computed once.
The partitions' rows are put back in the order of the input, so the result is the
one the local engine gives.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import math
import warnings
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd

from asmap.geo.aoi import AreaOfInterest
from asmap.geo.core import STEPS, analyze_local, as_rules, prepared_inputs
from asmap.geo.result import Analysis
from asmap.layers.errors import UsageError
from asmap.layers.project import Project

#: Sites per partition the engine aims for (more partitions than workers balances load).
TARGET_PARTITION_SITES = 25_000
#: Workers of the LocalCluster started when no scheduler address is given.
LOCAL_WORKERS = 2
#: How long to wait for a scheduler given by address.
CONNECT_TIMEOUT = "10s"
#: Outputs with one row (or none) per site, gathered from the partitions.
SITE_OUTPUTS = ("sites", "eligible_parts", "routes")


def analyze_dask(layers: Mapping[str, gpd.GeoDataFrame], *, rules: Any = None,
                 on: date | str | None = None, crs: str | None = None,
                 progress: Callable[[str], None] | None = None, scheduler: Any = None,
                 npartitions: int | None = None, soum: str | None = None,
                 aoi: AreaOfInterest | None = None) -> Analysis:
    """
    Analyse a project on a Dask cluster; the result equals `geo.analyze`'s.

    Parameters
    ----------
    layers
        A `Project` or a mapping kind -> GeoDataFrame in EPSG:4326, as for `geo.analyze`.
    rules
        Rules, as for `geo.analyze` (None: the project's `[rules]` table or defaults).
    on
        Analysis date (None: today, fixed once for every partition).
    crs
        Metric CRS to measure in; None: the UTM zone of the area of interest, chosen
        once as `geo.analyze` chooses it, for every partition.
    progress
        Called with each name of `geo.analyze.STEPS`, in order, as the partitions finish.
    scheduler
        Address of a running Dask scheduler (``tcp://host:8786``) or a
        ``distributed.Client``; None starts a LocalCluster of two worker processes
        for this call and shuts it down afterwards.
    npartitions
        Number of site partitions (None: about one per 25,000 sites, at least two
        per worker).
    soum
        The soum that is the area of interest, as for `geo.analyze`.
    aoi
        The area of interest chosen once for the whole project (`geo.aoi`), the layers
        already clipped to it; None chooses it here, so every partition uses the same.

    Returns
    -------
    Analysis
        The same sites, flags, areas, routes, exclusions and conflicts as the local
        engine, in the same row order.

    Raises
    ------
    DataError, UsageError
        As `geo.analyze` raises them, whichever partition they come from.
    """
    _require_dask()
    if npartitions is not None and npartitions < 1:
        raise UsageError(code="er_npartitions", n=npartitions)
    on = date.today() if on is None else on
    tailings = layers["tailings"] if "tailings" in layers else None
    if tailings is None or len(tailings) < 2 or not tailings["site_id"].is_unique:
        # nothing to split, or its error
        return analyze_local(layers, rules=rules, on=on, crs=crs, progress=progress,
                             soum=soum, aoi=aoi)
    rules = as_rules(rules, layers)
    said = None
    if aoi is None:  # chosen once: a partition alone would choose by its own sites
        layers, aoi, said = prepared_inputs(layers, rules=rules, soum=soum, crs=crs)
        tailings = layers["tailings"]  # without the sites left out
    with _client(scheduler) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        k = npartitions or max(2 * n_workers, math.ceil(len(tailings) / TARGET_PARTITION_SITES))
        parts = _spatial_partitions(tailings, min(k, len(tailings)))
        pieces, whole = _run(client, layers, parts, rules=rules, on=on, crs=crs, aoi=aoi,
                             progress=progress or (lambda name: None))
    found, agreements = _agreements_checked(layers, rules=rules, on=on, crs=crs, aoi=aoi)
    result = _merge(whole, pieces, layers, tailings)
    if agreements is not None:
        result = dataclasses.replace(result, sites=_with_agreements(result.sites, found),
                                     agreements=agreements)
    return result if said is None else dataclasses.replace(result, warnings=said)


def _require_dask() -> None:
    try:
        import dask_geopandas  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(code="er_dask_missing") from None


def _spatial_partitions(tailings: gpd.GeoDataFrame, k: int) -> list:
    """Delayed partitions of the sites, contiguous along a Hilbert curve."""
    import dask
    import dask_geopandas

    distance = tailings.geometry.hilbert_distance(total_bounds=tailings.total_bounds)
    ordered = tailings.iloc[np.argsort(distance.to_numpy(), kind="stable")]
    with dask.config.set({"dataframe.convert-string": False}):  # keep the input's dtypes
        return dask_geopandas.from_geopandas(ordered, npartitions=k, sort=False).to_delayed()


def _run(client: Any, layers: Mapping[str, gpd.GeoDataFrame], parts: list, *, rules: Any,
         on: date | str, crs: str | None, aoi: Any,
         progress: Callable[[str], None],
         folder: str | None = None, agreements: tuple = (None, None)
         ) -> tuple[list[Any], Analysis]:
    """Run every partition and the project-wide call on the cluster; gather the results
    (with a `folder`, the workers write the outputs there and return only tallies, the
    sites with the agreement columns of `agreements`, as `_agreements_checked` gives them)."""
    import dask
    from distributed import as_completed

    others = _payload(layers)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*large graph.*")
        [shared] = client.scatter([others], broadcast=True)
        if folder is None:
            site_task = dask.delayed(_analyze_part, pure=True)
            tasks = [site_task(part, shared, rules, on, crs, aoi) for part in parts]
        else:
            site_task = dask.delayed(_write_part, pure=False)
            found = agreements[1] if agreements[0] is not None else False
            tasks = [site_task(part, shared, rules, on, crs, aoi, folder, i, found)
                     for i, part in enumerate(parts)]
        whole_task = dask.delayed(_analyze_whole, pure=True)(
            layers["tailings"].iloc[:1], shared, rules, on, crs, aoi, folder)
        futures = client.compute([whole_task, *tasks])
        reported = 0
        progress(STEPS[0])
        for done, _future in enumerate(as_completed(futures), start=1):
            due = max(1, math.ceil(done * len(STEPS) / len(futures)))
            for name in STEPS[max(1, reported):due]:
                progress(name)
            reported = max(reported, due)
        whole, *pieces = client.gather(futures)
    return pieces, whole


def _analyze_part(part: gpd.GeoDataFrame, others: tuple, rules: Any, on: date | str,
                  crs: str | None, aoi: AreaOfInterest) -> tuple[gpd.GeoDataFrame, ...]:
    """The site-level outputs of one partition (runs on a worker)."""
    result = analyze_local(_with_tailings(others, part), rules=rules, on=on, crs=crs, aoi=aoi)
    return tuple(getattr(result, name) for name in SITE_OUTPUTS)


def _write_part(part: gpd.GeoDataFrame, others: tuple, rules: Any, on: date | str,
                crs: str | None, aoi: AreaOfInterest, folder: str, number: int,
                found: pd.DataFrame | None | bool = False) -> dict:
    """Analyse one partition and write its site-level outputs (runs on a worker); `found`:
    the agreement columns to give its sites (False: no agreements)."""
    from asmap.geo.dataset import write_part
    from asmap.geo.summary import tally

    result = analyze_local(_with_tailings(others, part), rules=rules, on=on, crs=crs, aoi=aoi)
    if found is not False:
        result = dataclasses.replace(result, sites=_with_agreements(result.sites, found))
    write_part({name: getattr(result, name) for name in SITE_OUTPUTS}, folder, number)
    return tally(result.sites)


def _analyze_whole(first: gpd.GeoDataFrame, others: tuple, rules: Any, on: date | str,
                   crs: str | None, aoi: AreaOfInterest, folder: str | None = None) -> Analysis:
    """The project-wide outputs, from a call on one site with every other layer (with a
    `folder`, written there)."""
    result = analyze_local(_with_tailings(others, first), rules=rules, on=on, crs=crs,
                           aoi=aoi)
    if folder is not None:
        from asmap.geo.dataset import write_part

        write_part({name: getattr(result, name) for name in ("exclusions", "conflicts",
                                                              "agreements")}, folder, 0)
    return dataclasses.replace(result, layers={})


def write_dask(layers: Mapping[str, gpd.GeoDataFrame], out: str | Path, *, rules: Any = None,
               on: date | str | None = None, crs: str | None = None,
               progress: Callable[[str], None] | None = None, scheduler: Any = None,
               npartitions: int | None = None, soum: str | None = None,
               said: Callable[[list], None] | None = None) -> dict[str, Any]:
    """
    Analyse on a Dask cluster and have the workers write the results as a dataset.

    Nothing per site comes back to this process but a few counts; the sites themselves
    are in `layers`, here (`geo.dask_sites.write_dask_folder` takes the project folder
    instead and has the workers read them). The workers must see `out` (a shared disk
    on a cluster).

    Parameters
    ----------
    layers, rules, on, crs, progress, scheduler, npartitions, soum
        As for `analyze_dask`.
    said
        Called once with the warnings of the area of interest (what it left out).
    out
        The folder to write, named ``*.parquet`` (see `geo.dataset`); it appears only
        once complete. `geo.read_results` reads it back.

    Returns
    -------
    dict
        The analysis summary, as `Analysis.summary` gives it.

    Examples
    --------
    >>> write_dask(project, "results.parquet", on="2021-04-06")  # doctest: +SKIP
    """
    from asmap.geo.dataset import check_dataset_path, write_metadata, write_part
    from asmap.geo.io import _metadata
    from asmap.geo.summary import combine, tally
    from asmap.layers.atomic import atomic_dir

    out = check_dataset_path(out)
    _require_dask()
    on = date.today() if on is None else on
    tailings = layers["tailings"] if "tailings" in layers else None
    with atomic_dir(out) as tmp:
        if tailings is None or len(tailings) < 2 or not tailings["site_id"].is_unique:
            result = analyze_local(layers, rules=rules, on=on, crs=crs, progress=progress,
                                   soum=soum)
            warned = result.warnings
            write_part({name: getattr(result, name) for name in Analysis.OUTPUTS}, tmp, 0)
            tallies, whole = [tally(result.sites)], result
        else:
            rules = as_rules(rules, layers)
            layers, aoi, warned = prepared_inputs(layers, rules=rules, soum=soum, crs=crs)
            tailings = layers["tailings"]  # without the sites left out
            found, agreements = _agreements_checked(layers, rules=rules, on=on, crs=crs,
                                                    aoi=aoi)
            with _client(scheduler) as client:
                n_workers = max(1, len(client.scheduler_info().get("workers", {})))
                k = npartitions or max(2 * n_workers,
                                       math.ceil(len(tailings) / TARGET_PARTITION_SITES))
                parts = _spatial_partitions(tailings, min(k, len(tailings)))
                tallies, whole = _run(client, layers, parts, rules=rules, on=on, crs=crs,
                                      aoi=aoi, progress=progress or (lambda name: None),
                                      folder=str(tmp), agreements=(agreements, found))
            whole = dataclasses.replace(whole, sources=getattr(layers, "sources", {}))
            if agreements is not None:  # the whole call saw none: the checked ones instead
                write_part({"agreements": agreements}, tmp, 0)
                whole = dataclasses.replace(whole, agreements=agreements)
        write_metadata(_metadata(whole), tmp)
    if said is not None:
        said(list(warned))
    return combine(tallies, whole)


def _payload(layers: Mapping[str, gpd.GeoDataFrame]) -> tuple:
    """Every layer but the sites, plus what a Project carries, as one picklable value."""
    frames = {kind: frame for kind, frame in layers.items()
              if kind not in ("tailings", "agreements")}  # agreements: see _with_agreements
    if isinstance(layers, Project):
        return frames, (layers.folder, layers.settings, layers.problems)
    return frames, None


def _with_tailings(payload: tuple, tailings: gpd.GeoDataFrame) -> Mapping:
    frames, project = payload
    frames = {**frames, "tailings": tailings}
    if project is None:
        return frames
    folder, settings, problems = project
    return Project(layers=frames, folder=folder, settings=settings, problems=problems)


def _merge(whole: Analysis, pieces: list[tuple[gpd.GeoDataFrame, ...]],
           layers: Mapping[str, gpd.GeoDataFrame], tailings: gpd.GeoDataFrame) -> Analysis:
    """Stitch the partitions' outputs back together in the input's site order."""
    position = pd.Series(np.arange(len(tailings)), index=tailings["site_id"].to_numpy())
    merged = {}
    for i, name in enumerate(SITE_OUTPUTS):
        frames = [piece[i] for piece in pieces]
        frame = _concat(frames) if frames else getattr(whole, name)
        order = np.argsort(position.reindex(frame["site_id"].to_numpy()).to_numpy(),
                           kind="stable")
        frame = frame.iloc[order]
        frame.index = (tailings.index if name == "sites" and len(frame) == len(tailings)
                       else pd.RangeIndex(len(frame)))
        merged[name] = gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=frame.crs)
    return dataclasses.replace(whole, layers=dict(layers), **merged)


def _agreements_checked(layers: Mapping[str, gpd.GeoDataFrame], *, rules: Any, on: date,
                        crs: str | None, aoi: AreaOfInterest
                        ) -> tuple[pd.DataFrame | None, gpd.GeoDataFrame | None]:
    """The agreements checked here, on the sites they name (an agreement spans partitions):
    their sites' agreement columns (by site id; None when they name no site) and the
    agreements layer; (None, None) without agreements.

    Each site's answer depends on that site alone, so analysing only the named sites
    gives the checks the whole project would.
    """
    from asmap.geo.agreements import SITE_COLUMNS
    from asmap.geo.schema import split

    agreements = layers["agreements"] if "agreements" in layers else None
    if agreements is None or len(agreements) == 0:
        return None, None
    tailings = layers["tailings"]
    named = {s for ids in agreements["site_ids"] for s in split(ids)}
    covered = tailings[tailings["site_id"].astype(str).isin(named)]
    frames, project = _payload(layers)
    local = analyze_local(_with_tailings(({**frames, "agreements": agreements}, project),
                                         covered if len(covered) else tailings.iloc[:1]),
                          rules=rules, on=on, crs=crs, aoi=aoi)
    found = local.sites.set_index(local.sites["site_id"].astype(str))[list(SITE_COLUMNS)]
    return (found if len(covered) else None), local.agreements


def _with_agreements(sites: gpd.GeoDataFrame, found: pd.DataFrame | None) -> gpd.GeoDataFrame:
    """`sites` with the agreement columns of `_agreements_checked` (None where none)."""
    from asmap.geo.agreements import SITE_COLUMNS

    sites = sites.copy()
    ids = sites["site_id"].astype(str)
    for col in SITE_COLUMNS:
        column = found[col].reindex(ids.to_numpy()) if found is not None else pd.Series(
            [None] * len(ids), dtype=object)
        sites[col] = pd.Series(column.astype(object).where(column.notna(), None).to_numpy(),
                               index=sites.index, dtype=object)
    return sites


def _concat(frames: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """Concatenate, keeping a column's text dtype when some partition had no value in it."""
    frame = pd.concat(frames, ignore_index=True)
    for col in [c for c in frame.columns if frame[c].dtype == np.dtype("O")]:
        typed = [f[col].dtype for f in frames
                 if not pd.api.types.is_object_dtype(f[col]) and f[col].notna().any()]
        if typed:
            frame[col] = frame[col].astype(typed[0])
    return frame


@contextlib.contextmanager
def _client(scheduler: Any) -> Iterator[Any]:
    """A Dask client: on the given scheduler, or on a LocalCluster started (and closed) here."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            raise UsageError(code="er_scheduler", scheduler=scheduler,
                             detail=str(exc)) from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.CRITICAL,
                      env={"ASMAP_THREADS": "1"}) as cluster, \
            Client(cluster) as client:
        yield client
