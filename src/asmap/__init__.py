"""asmap: which tailings artisanal miners can work, whose land they lie on, how to get there.

The one installed namespace. Its parts install from the repository's root folders:

- `asmap.layers` (``layers/``): the catalogue, readers, validation, the bundled sample;
- `asmap.geo` (``geo/``): the analysis, from the area of interest to agreements;
- `asmap.maps` (``maps/``): the web map, paper, the brief and exchange formats;
- `asmap.cli` (``cli/``): the ``asmap`` command.

The public API is re-exported here, so ``import asmap`` is enough in a notebook:

>>> import asmap
>>> analysis = asmap.analyze(asmap.load(asmap.sample_path()), on="2021-04-06")
>>> int(analysis.sites["eligible"].sum())
16

The names load on first use, so ``asmap --help`` starts without geopandas or
matplotlib.
"""

import importlib
from typing import Any

#: Every public name and the module that defines it (imported on first use).
_HOMES = {
    "Analysis": "asmap.geo", "Rules": "asmap.geo", "analyze": "asmap.geo",
    "apply_profile": "asmap.geo", "compare": "asmap.geo", "read_results": "asmap.geo",
    "summarize": "asmap.geo", "timeline": "asmap.geo", "write_results": "asmap.geo",
    "write_sites_csv": "asmap.geo",
    "AsmapError": "asmap.layers", "DataError": "asmap.layers", "Problem": "asmap.layers",
    "Project": "asmap.layers", "UsageError": "asmap.layers", "load": "asmap.layers",
    "read_layer": "asmap.layers", "sample_path": "asmap.layers", "validate": "asmap.layers",
    "write_layer": "asmap.layers",
    "print_map": "asmap.maps", "site_map": "asmap.maps", "write_annex": "asmap.maps",
    "write_brief": "asmap.maps", "write_map": "asmap.maps", "write_print": "asmap.maps",
}

__all__ = ["Analysis", "AsmapError", "DataError", "Problem", "Project", "Rules", "UsageError",
           "analyze", "apply_profile", "load", "print_map", "read_layer", "read_results",
           "sample_path", "site_map", "summarize", "timeline", "validate", "write_annex",
           "write_brief", "write_layer", "write_map", "write_print", "write_results",
           "write_sites_csv", "compare"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'asmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
