"""The Dask engine: the same analysis, sites split into spatial partitions on a cluster.

Every site-level answer (areas, reasons, license, route) depends only on the site
and the other layers, so the sites are ordered along a Hilbert curve, cut into
contiguous partitions with dask-geopandas, and each partition runs `geo.analyze`
with every other layer, which is broadcast once to each worker. The outputs that
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
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

import geopandas as gpd

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
                 on: date | str | None = None, scheduler: Any = None,
                 npartitions: int | None = None) -> Analysis:
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
    scheduler
        Address of a running Dask scheduler (``tcp://host:8786``) or a
        ``distributed.Client``; None starts a LocalCluster of two worker processes
        for this call and shuts it down afterwards.
    npartitions
        Number of site partitions (None: about one per 25,000 sites, at least two
        per worker).

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
    from asmap.geo.analyze import analyze

    _require_dask()
    if npartitions is not None and npartitions < 1:
        raise UsageError(f"npartitions must be at least 1, got {npartitions}")
    on = date.today() if on is None else on
    tailings = layers["tailings"] if "tailings" in layers else None
    if tailings is None or len(tailings) < 2 or not tailings["site_id"].is_unique:
        return analyze(layers, rules=rules, on=on)  # nothing to split, or its error
    with _client(scheduler) as client:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        k = npartitions or max(2 * n_workers, math.ceil(len(tailings) / TARGET_PARTITION_SITES))
        parts = _spatial_partitions(tailings, min(k, len(tailings)))
        pieces, whole = _run(client, layers, parts, rules=rules, on=on)
    return _with_agreements(_merge(whole, pieces, layers, tailings), layers, rules=rules, on=on)


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
         on: date | str) -> tuple[list[tuple[gpd.GeoDataFrame, ...]], Analysis]:
    """Run every partition and the project-wide call on the cluster; gather the results."""
    import dask

    others = _payload(layers)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*large graph.*")
        [shared] = client.scatter([others], broadcast=True)
        site_task = dask.delayed(_analyze_part, pure=True)
        tasks = [site_task(part, shared, rules, on) for part in parts]
        whole_task = dask.delayed(_analyze_whole, pure=True)(
            layers["tailings"].iloc[:1], shared, rules, on)
        futures = client.compute([whole_task, *tasks])
        whole, *pieces = client.gather(futures)
    return pieces, whole


def _analyze_part(part: gpd.GeoDataFrame, others: tuple, rules: Any,
                  on: date | str) -> tuple[gpd.GeoDataFrame, ...]:
    """The site-level outputs of one partition (runs on a worker)."""
    from asmap.geo.analyze import analyze

    result = analyze(_with_tailings(others, part), rules=rules, on=on)
    return tuple(getattr(result, name) for name in SITE_OUTPUTS)


def _analyze_whole(first: gpd.GeoDataFrame, others: tuple, rules: Any,
                   on: date | str) -> Analysis:
    """The project-wide outputs, from a call on one site with every other layer."""
    from asmap.geo.analyze import analyze

    result = analyze(_with_tailings(others, first), rules=rules, on=on)
    return dataclasses.replace(result, layers={})


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


def _with_agreements(result: Analysis, layers: Mapping[str, gpd.GeoDataFrame], *,
                     rules: Any, on: date) -> Analysis:
    """The agreements checked here, on the sites they name (an agreement spans partitions).

    Each site's answer depends on that site alone, so analysing only the named sites
    gives the checks the whole project would.
    """
    from asmap.geo.agreements import SITE_COLUMNS
    from asmap.geo.analyze import analyze
    from asmap.geo.schema import split

    agreements = layers["agreements"] if "agreements" in layers else None
    if agreements is None or len(agreements) == 0:
        return result
    tailings = layers["tailings"]
    named = {s for ids in agreements["site_ids"] for s in split(ids)}
    covered = tailings[tailings["site_id"].astype(str).isin(named)]
    frames, project = _payload(layers)
    local = analyze(_with_tailings(({**frames, "agreements": agreements}, project),
                                   covered if len(covered) else tailings.iloc[:1]),
                    rules=rules, on=on)
    found = local.sites.set_index(local.sites["site_id"].astype(str))
    sites = result.sites.copy()
    ids = sites["site_id"].astype(str)
    for col in SITE_COLUMNS:
        column = found[col].reindex(ids.to_numpy()) if len(covered) else pd.Series(
            [None] * len(ids), dtype=object)
        sites[col] = pd.Series(column.astype(object).where(column.notna(), None).to_numpy(),
                               index=sites.index, dtype=object)
    return dataclasses.replace(result, sites=sites, agreements=local.agreements)


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
