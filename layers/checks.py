"""Check one layer against its catalogue entry: geometry, CRS and every column."""

from __future__ import annotations

import numpy as np

import geopandas as gpd
from pyproj import CRS

from asmap.layers.cells import clean_text_columns
from asmap.layers.column_checks import check_columns, feature_labels, rename_columns
from asmap.layers.geometry_checks import check_geometry
from asmap.layers.messages import word
from asmap.layers.problems import Problem
from asmap.layers.specs import LayerSpec


def check_layer(frame: gpd.GeoDataFrame, spec: LayerSpec, *, file: str,
                crs: CRS | None = None, rows: np.ndarray | None = None
                ) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """
    Check a layer as read against the catalogue and normalize it.

    Parameters
    ----------
    frame
        The layer as read from its file.
    spec
        Catalogue entry of its kind.
    file
        File name used in problems.
    crs
        CRS for coordinates whose file does not say (the user's ``--crs``).
    rows
        When `frame` holds only some rows of its file: their 0-based positions there, so
        that problems name a feature without an id by its row in the file.

    Returns
    -------
    tuple
        The normalized layer (EPSG:4326, typed catalogue columns, defaults, repaired
        geometries; None when its coordinates could not be placed) and every problem.
    """
    if len(frame) == 0:
        severity = "error" if spec.required else "warning"
        hint = word("w_empty_needed" if spec.required else "w_empty_delete")
        empty = Problem.of(severity, spec.kind, "", "", "pr_empty_layer", file=file, hint=hint)
        if spec.required:
            return None, [empty]
        frame, _ = check_columns(frame, spec, label=str, file=file)
        return frame.set_crs(4326, allow_override=True), [empty]
    clashes = case_clashes(frame, spec, file=file)
    if clashes:
        return None, clashes
    frame, problems = rename_columns(frame, spec, file=file)
    frame, found = clean_text_columns(frame, kind=spec.kind, file=file,
                                      labels=lambda f: feature_labels(f, spec, rows=rows))
    problems += found
    label = feature_labels(frame, spec, rows=rows)
    located, found = check_geometry(frame, spec, label=label, file=file, crs=crs)
    problems += found
    typed, found = check_columns(located if located is not None else frame, spec,
                                 label=label, file=file)
    problems += found
    return (typed if located is not None else None), problems


def case_clashes(frame: gpd.GeoDataFrame, spec: LayerSpec, *, file: str) -> list[Problem]:
    """
    Errors for columns whose names differ only by case (``notes`` and ``NOTES``).

    GeoPackage, Shapefile and SQLite treat such names as one, so no output could hold both.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from asmap.layers.specs import SPECS
    >>> frame = gpd.GeoDataFrame({"notes": ["a"], "NOTES": ["b"]}, geometry=[None])
    >>> case_clashes(frame, SPECS["tailings"], file="tailings.geojson")[0].message
    "columns 'notes' and 'NOTES' differ only by case"
    """
    seen: dict[str, str] = {}
    problems = []
    for name in map(str, frame.columns):
        first = seen.setdefault(name.lower(), name)
        if first != name:
            problems.append(Problem.of("error", spec.kind, "", name, "pr_case_clash",
                                       file=file, first=first, name=name))
    return problems
