"""`analyze`: the one entry point; it checks the engine and runs the core on it.

The core (`geo.core`: `prepare`, the date-independent part, then `evaluate` for one date;
`analyze_local` is both) composes exclusions, eligibility, licenses and access in one
process; the Dask engine (`geo.engine_dask`) runs that same core on each partition of the
sites. Neither imports this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import geopandas as gpd

from asmap.geo.aoi import AreaOfInterest
from asmap.geo.core import (
    DATE_COLUMNS,
    SITE_COLUMNS,
    STEPS,
    UNCHECKED_BY_LAYER,
    Prepared,
    analyze_local,
    as_date,
    as_rules,
    evaluate,
    prepare,
    prepared_inputs,
)
from asmap.geo.result import Analysis
from asmap.geo.rules import Rules
from asmap.layers.errors import UsageError

#: Where the analysis can run.
ENGINES = ("local", "dask")

__all__ = ["DATE_COLUMNS", "ENGINES", "SITE_COLUMNS", "STEPS", "UNCHECKED_BY_LAYER",
           "Prepared", "analyze", "as_date", "as_rules", "evaluate", "prepare",
           "prepared_inputs"]


def analyze(layers: Mapping[str, gpd.GeoDataFrame], *, rules: Rules | Mapping | None = None,
            on: date | str | None = None, crs: str | None = None,
            progress: Callable[[str], None] | None = None, engine: str = "local",
            scheduler: Any = None, soum: str | None = None,
            aoi: AreaOfInterest | None = None) -> Analysis:
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
        Metric CRS to measure in; None picks the UTM zone of the centre of the area of
        interest (`geo.aoi`), never of the whole data.
    progress
        Called with each name of `STEPS`, in that order, as the analysis reaches it. The
        road search, the licenses and their conflicts run on other threads while the
        exclusions and areas are worked out, so ``licenses`` and ``routes`` come back to
        back after ``areas`` and ``conflicts`` comes when only the output tables are left
        to build: a name says how far the analysis is, not that its work starts then.
        Each step is also logged (INFO).
        With the Dask engine the names come as the partitions finish: every name, in
        order, the last when all are done.
    engine
        ``"local"`` (this process) or ``"dask"``: sites split into spatial partitions on a
        Dask cluster (`geo.engine_dask.analyze_dask`); the answer is the same, measured
        in the same `crs`.
    scheduler
        With ``engine="dask"``: a scheduler address (``tcp://host:8786``) or a
        ``distributed.Client``; None starts a local cluster of two workers.
    soum
        Name or id of the boundary polygon that is the area of interest, when the
        boundary layer holds several (None: the one holding the most tailings area,
        with a warning).
    aoi
        An area of interest already chosen, the layers already clipped to it (what
        `prepared_inputs` returns; the dask engine passes it to every partition).

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

        Plus ``rules``, ``on``, ``unchecked`` (rules no layer could check), ``soum``
        (the area of interest's name), ``warnings`` (polygons and features left out) and
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
        raise UsageError(code="er_unknown_engine", engine=engine,
                         engines=", ".join(ENGINES))
    if scheduler is not None and engine != "dask":
        raise UsageError(code="er_scheduler_needs_dask")
    on = as_date(on)
    if engine == "dask":
        from asmap.geo.engine_dask import analyze_dask

        return analyze_dask(layers, rules=rules, on=on, crs=crs, progress=progress,
                            scheduler=scheduler, soum=soum, aoi=aoi)
    return analyze_local(layers, rules=rules, on=on, crs=crs, progress=progress, soum=soum,
                         aoi=aoi)
