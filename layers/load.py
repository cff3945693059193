"""Load a project folder into a `Project`, or fail naming the first problem."""

from __future__ import annotations

import logging
from pathlib import Path

from pyproj import CRS

from asmap.layers.errors import ProblemError
from asmap.layers.project import Project
from asmap.layers.validate import inspect

log = logging.getLogger(__name__)


def load(folder: str | Path, *, crs: str | CRS | None = None) -> Project:
    """
    Read, check and normalize every layer of a project folder.

    Parameters
    ----------
    folder
        A project folder (files named after kinds, or a GeoPackage whose layers are
        kinds, plus an optional ``asmap.toml``), or a single GeoPackage.
    crs
        CRS of layers whose files do not say (``"EPSG:32648"``).

    Returns
    -------
    Project
        Every layer in EPSG:4326 with typed catalogue columns and defaults filled, the
        parsed settings, and the warnings in ``.problems``.

    Raises
    ------
    DataError
        On any error, naming the file, feature, field and what to do, and how many
        other problems there are.
    UsageError
        When the folder does not exist or `crs` is no CRS.

    Examples
    --------
    >>> from asmap.layers import load, sample_path
    >>> project = load(sample_path())
    >>> "tailings" in project, project["tailings"].crs.to_epsg()
    (True, 4326)
    """
    checked = inspect(folder, crs=crs)
    if checked.errors:
        more = len(checked.problems) - 1
        tail = ("er_more_problems", {"n": more, "s": "s" * (more != 1), "folder": folder})
        raise ProblemError([checked.errors[0], *(p for p in checked.problems
                                                 if p is not checked.errors[0])],
                           more=tail if more else None)
    log.info("read %s: %s; %d warning%s", folder, ", ".join(
        f"{kind} {len(frame)}" for kind, frame in checked.layers.items()),
        len(checked.problems), "s" * (len(checked.problems) != 1))
    return Project(layers=checked.layers, folder=Path(folder), settings=checked.settings,
                   problems=checked.problems)
