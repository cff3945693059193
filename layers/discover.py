"""Find the layers of a project folder: files named after kinds, or GeoPackage layers."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import pyogrio

from asmap.layers.errors import DataError, UsageError
from asmap.layers.problems import Problem
from asmap.layers.readers import CONTAINERS, FORMATS, extension, list_layers
from asmap.layers.specs import KINDS

#: Formats also used for things that are no layers: a name far from any kind is ignored.
GENERIC = frozenset({".json", ".csv", ".zip", ".xlsx"})
#: Files that belong beside a layer file (Shapefile parts, QGIS styles and metadata,
#: GDAL's statistics) or are no data at all: never read as layers.
SIDECARS = frozenset({".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".fix", ".xml",
                      ".qmd", ".qml", ".sld", ".lyr", ".lyrx", ".md", ".txt", ".pdf", ".bak",
                      ".lock", ".gpkg-wal", ".gpkg-shm", ".aux", ".ovr"})
ALL_LAYERS = "*"
"""Layer name meaning: every geometry layer of the file, one after the other."""
#: Key of the JSON document `geo.write_results` stores in the metadata of the sites layer.
RESULTS_KEY = "asmap"


@dataclass(frozen=True)
class Source:
    """Where one layer kind comes from: a file and, inside it, a layer name."""

    kind: str
    path: Path
    layer: str = ""

    @property
    def file(self) -> str:
        """The name shown in problems: ``tailings.geojson`` or ``project.gpkg:tailings``."""
        if self.path.name.split(".")[0].lower() == self.kind or self.layer == ALL_LAYERS:
            return self.path.name
        return f"{self.path.name}:{self.layer}"


def discover(folder: Path) -> tuple[list[Source], list[Problem]]:
    """
    The layer sources of a project folder (or of one layer file), in catalogue order.

    Files whose extension is no layer format (README, photos, sidecars such as .dbf or
    .prj, the settings file) are ignored. A layer file whose name is no kind, or two
    files for one kind, are errors.

    Raises
    ------
    UsageError
        When `folder` does not exist or is a file of no layer format.
    """
    if not folder.exists():
        raise UsageError(code="er_no_path", path=folder)
    if folder.is_file():
        if not extension(folder):
            raise UsageError(code="er_not_layer_file", path=folder,
                             formats=", ".join(sorted(FORMATS)))
        files = [folder]
    else:
        listed = sorted(p for p in folder.iterdir()
                        if p.is_file() and not p.name.startswith((".", "~")))
        files = [p for p in listed if extension(p)]
    sources: list[Source] = []
    problems: list[Problem] = [] if folder.is_file() else _unreadable_kinds(listed)
    for path in files:
        if folder.is_dir() and is_results(path):
            problems.append(Problem.of("warning", path.name, "", "", "pr_results_ignored",
                                       file=path.name, name=path.name))
            continue
        found, trouble = _sources_of(path)
        sources += found
        problems += trouble
    chosen: dict[str, Source] = {}
    for source in sources:
        if source.kind in chosen:
            first = chosen[source.kind]
            problems.append(Problem.of("error", source.kind, "", "", "pr_two_layers",
                                       file=source.file, kind=source.kind, first=first.file,
                                       second=source.file))
            continue
        chosen[source.kind] = source
    return [chosen[k] for k in KINDS if k in chosen], problems


def is_results(path: Path) -> bool:
    """
    True when `path` is a GeoPackage written by `geo.write_results` (asmap's own results).

    Examples
    --------
    >>> from asmap.layers import sample_path
    >>> is_results(sample_path() / "tailings.geojson")
    False
    """
    if path.suffix.lower() != ".gpkg":
        return False
    try:
        names = {name for name, _ in list_layers(path)}
        if "sites" not in names:
            return False
        info = pyogrio.read_info(path, layer="sites")
    except (DataError, pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError):
        return False
    return RESULTS_KEY in (info.get("layer_metadata") or {})


def _unreadable_kinds(paths: list[Path]) -> list[Problem]:
    """A file named after a layer kind in a format asmap cannot read: an error, not ignored."""
    problems = []
    for path in paths:
        stem, suffix = path.name.split(".")[0].lower(), path.suffix.lower()
        if stem in KINDS and not extension(path) and suffix not in SIDECARS:
            problems.append(Problem(
                "error", stem, "", "", f"{path.name!r} is named after the {stem} layer, but "
                f"{suffix or 'a file without extension'} is no format asmap reads",
                f"export it as GeoJSON or GeoPackage (formats: {', '.join(sorted(FORMATS))}), "
                "or move it out of the folder", path.name))
    return problems


def _sources_of(path: Path) -> tuple[list[Source], list[Problem]]:
    ext = extension(path)
    stem = path.name.split(".")[0].lower()
    kind = stem if stem in KINDS else None
    if ext not in CONTAINERS:
        return ([Source(kind, path)], []) if kind else _no_kind(path, stem, ext)
    try:
        layers = list_layers(path)
    except DataError as exc:
        if kind or ext not in GENERIC:
            return [], [Problem.of("error", kind or path.name, "", "", "pr_unreadable",
                                   file=path.name, detail=str(exc))]
        return _no_kind(path, stem, ext)
    names = [name for name, has_geometry in layers if has_geometry]
    by_kind = {name.lower(): name for name, _ in layers if name.lower() in KINDS}
    if kind and not (len(by_kind) > 1 and len(by_kind) == len(names)):
        if kind in by_kind:
            return [Source(kind, path, by_kind[kind])], []
        return [Source(kind, path, names[0] if len(names) == 1 else ALL_LAYERS)], []
    sources, problems = [], []
    for name, has_geometry in layers:
        if name.lower() in KINDS:
            sources.append(Source(name.lower(), path, name))
        elif has_geometry:
            near = _nearest(name)
            problems.append(Problem.of(
                "error", f"{path.name}:{name}", "", "", "pr_layer_no_kind", file=path.name,
                name=name, near=near, kinds=", ".join(KINDS)))
    if not layers:
        problems.append(Problem.of("error", path.name, "", "", "pr_no_layers", file=path.name))
    return sources, problems


def _no_kind(path: Path, stem: str, ext: str) -> tuple[list[Source], list[Problem]]:
    near = _nearest(stem)
    close = bool(difflib.get_close_matches(stem, KINDS, n=1, cutoff=0.6))
    named = {"name": path.name, "near": near, "rename": f"{near}{ext}"}
    if ext in GENERIC and not close:
        return [], [Problem.of("warning", path.name, "", "", "pr_file_ignored", file=path.name,
                               **named)]
    return [], [Problem.of("error", path.name, "", "", "pr_file_no_kind", file=path.name,
                           **named)]


def _nearest(name: str) -> str:
    return difflib.get_close_matches(name.lower(), KINDS, n=1, cutoff=0.0)[0]
