"""Validation of a project folder: every problem in one run, never only the first."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

import geopandas as gpd
from pyproj import CRS

from asmap.layers.checks import check_layer
from asmap.layers.column_checks import feature_labels
from asmap.layers.discover import ALL_LAYERS, Source, discover
from asmap.layers.geometry_checks import parse_crs
from asmap.layers.media import check_media
from asmap.layers.messages import render
from asmap.layers.problems import Problem, errors, warnings
from asmap.layers.readers import list_layers, read_source
from asmap.layers.settings import SETTINGS_FILE
from asmap.layers.specs import SPECS
from asmap.layers.toml_check import check_settings

__all__ = ["Checked", "Problem", "inspect", "validate"]


@dataclass
class Checked:
    """What validating a folder found: the readable layers, the settings, every problem."""

    folder: Path
    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors."""
        return errors(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are warnings."""
        return warnings(self.problems)

    def verdict(self, lang: str = "en") -> str:
        """One line: ``OK: 9 layers, 0 errors, 2 warnings`` or ``NOT USABLE: ...``."""
        n = {"layers": len(self.layers), "errors": len(self.errors),
             "warnings": len(self.warnings)}
        counts = render("verdict_counts", lang,
                        {**n, **{f"s_{k}": "s" * (v != 1) for k, v in n.items()}})
        return render("verdict_not_usable" if n["errors"] else "verdict_ok", lang,
                      {"counts": counts})


def validate(folder: str | Path, *, crs: str | CRS | None = None,
             rules_path: str | Path | None = None) -> list[Problem]:
    """
    Check every layer of a project folder and its settings; collect every problem.

    Parameters
    ----------
    folder
        A project folder (files named after kinds, or a GeoPackage whose layers are kinds),
        or a single GeoPackage.
    crs
        CRS of layers whose files do not say (``"EPSG:32648"``).
    rules_path
        A rules file (TOML with a ``[rules]`` table) to check as well.

    Returns
    -------
    list of Problem
        Errors and warnings, by file; empty when the folder is clean.

    Raises
    ------
    UsageError
        When the folder does not exist or `crs` is no CRS.

    Examples
    --------
    >>> from asmap.layers import sample_path, validate
    >>> [p for p in validate(sample_path()) if p.severity == "error"]
    []
    """
    return inspect(folder, crs=crs, rules_path=rules_path).problems


def inspect(folder: str | Path, *, crs: str | CRS | None = None,
            rules_path: str | Path | None = None, skip: frozenset[str] = frozenset()
            ) -> Checked:
    """
    Like `validate`, but also return the normalized layers, the parsed settings and the
    sources; the kinds in `skip` are found but neither read nor checked (the Dask
    engine's workers read the sites themselves).
    """
    folder = Path(folder)
    user_crs = parse_crs(crs)
    checked = Checked(folder)
    sources, checked.problems = discover(folder)
    checked.sources = sources
    if folder.is_dir():
        checked.settings, found = _settings(folder)
        checked.problems[:0] = found
    if rules_path is not None:
        checked.problems += check_settings(Path(rules_path), rules_file=True)[1]
    for source in [s for s in sources if s.kind not in skip]:
        frame, found = _read(source, user_crs)
        checked.problems += found
        if frame is not None:
            checked.layers[source.kind] = frame
            if {"photo", "document"} & set(frame.columns):
                checked.problems += check_media(
                    frame, source.kind, folder, file=source.file,
                    label=feature_labels(frame, SPECS[source.kind]))
    checked.problems += agreement_sites(checked.layers, sources)
    if "tailings" not in {s.kind for s in sources}:
        checked.problems.append(Problem.of("error", "tailings", "", "", "pr_no_tailings"))
    return checked


# --- agreements (issue 14) ---

def agreement_sites(frames: Mapping[str, pd.DataFrame], sources: list[Source]
                    ) -> list[Problem]:
    """UNKNOWN_SITE: an agreement naming a site that is not in the tailings layer."""
    if "agreements" not in frames or "tailings" not in frames:
        return []
    known = {str(s) for s in frames["tailings"]["site_id"].dropna()}
    file = next(s.file for s in sources if s.kind == "agreements")
    problems = []
    for agreement, ids in zip(frames["agreements"]["agreement_id"],
                              frames["agreements"]["site_ids"], strict=True):
        for site in [p.strip() for p in str(ids or "").split(";") if p.strip()]:
            if site not in known:
                problems.append(Problem.of("error", "agreements", str(agreement), "site_ids",
                                           "pr_unknown_site", file=file, site=site))
    return problems


def _settings(folder: Path) -> tuple[dict[str, Any], list[Problem]]:
    path = folder / SETTINGS_FILE
    if path.is_file():
        return check_settings(path)
    near = [p.name for p in sorted(folder.glob("*.toml"))
            if difflib.get_close_matches(p.name.lower(), [SETTINGS_FILE], cutoff=0.7)]
    return {}, [Problem.of("warning", name, "", "", "pr_settings_name", file=name,
                           name=name, settings=SETTINGS_FILE) for name in near]


def _read(source: Source, crs: CRS | None) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Read and check one layer; any failure becomes a problem, never an exception."""
    spec = SPECS[source.kind]
    try:
        if source.layer == ALL_LAYERS:
            frame, problems = _read_all(source)
        else:
            frame, problems = read_source(source.path, layer=source.layer, kind=source.kind,
                                          file=source.file)
        if frame is None:
            return None, problems
        checked, found = check_layer(frame, spec, file=source.file, crs=crs)
        return checked, problems + found
    except Exception as exc:  # the promise: a problem line, never a traceback
        detail = " ".join(str(exc).split())[:200]
        return None, [Problem.of("error", source.kind, "", "", "pr_cannot_check",
                                 file=source.file, detail=f"{type(exc).__name__}: {detail}")]


def _read_all(source: Source) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Every geometry layer of a file named after a kind (KML folders, say), stacked."""
    frames, problems = [], []
    for name, has_geometry in list_layers(source.path):
        if not has_geometry:
            continue
        frame, found = read_source(source.path, layer=name, kind=source.kind,
                                   file=f"{source.path.name}:{name}")
        problems += found
        if frame is not None:
            frames.append(frame.to_crs(frames[0].crs) if frames and frame.crs and
                          frames[0].crs else frame)
    if not frames and problems:
        return None, problems
    if not frames:  # an empty KML has no layer at all: it is a layer without features
        return gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=4326)), problems
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs), problems
