"""A loaded project: every layer of a folder as a GeoDataFrame, plus its settings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd

SAMPLE_DIR = Path(__file__).parent / "data"


def sample_path(name: str = "zaamar") -> Path:
    """
    Path of a bundled sample project folder.

    Parameters
    ----------
    name
        Name of the sample; ``"zaamar"`` is the only one today.

    Returns
    -------
    Path
        The folder, ready for `load` or any `asmap` command.

    Examples
    --------
    >>> sample_path().name
    'zaamar'
    """
    from asmap.layers.errors import UsageError

    path = SAMPLE_DIR / name
    if not path.is_dir():
        known = sorted(p.name for p in SAMPLE_DIR.iterdir() if p.is_dir() and p.name[0] != "_")
        raise UsageError(code="er_no_sample", name=name, known=", ".join(known))
    return path


@dataclass
class Project(Mapping[str, gpd.GeoDataFrame]):
    """
    The layers of one project folder, by kind, each a GeoDataFrame in EPSG:4326.

    Catalogue columns are lower case and typed (dates as ``datetime64``, numbers as
    floats, ``is_base`` as bool, text as ``str``/None); other columns are kept as read.
    Missing optional kinds are simply absent: ``"roads" in project`` tells.

    Attributes
    ----------
    layers
        Layer kind -> GeoDataFrame.
    folder
        Where the layers were read from (None for a project built in memory).
    settings
        The parsed `asmap.toml` (empty when there is none).
    problems
        Warnings found while loading (repairs made, columns filled with defaults).
    """

    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    folder: Path | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    problems: list[Any] = field(default_factory=list)

    def __getitem__(self, kind: str) -> gpd.GeoDataFrame:
        return self.layers[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self.layers)

    def __len__(self) -> int:
        return len(self.layers)

    @property
    def sources(self) -> dict[str, dict[str, Any]]:
        """The `[sources.KIND]` tables of the settings file: source, as_of, note."""
        return dict(self.settings.get("sources", {}))

    @property
    def rules_table(self) -> dict[str, Any]:
        """The `[rules]` table of the settings file (empty when there is none)."""
        return dict(self.settings.get("rules", {}))
