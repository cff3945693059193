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
"""

from asmap.geo import (
                       Analysis,
                       Rules,
                       analyze,
                       apply_profile,
                       compare,
                       read_results,
                       summarize,
                       timeline,
                       write_results,
                       write_sites_csv,
)
from asmap.layers import (
                       AsmapError,
                       DataError,
                       Problem,
                       Project,
                       UsageError,
                       load,
                       read_layer,
                       sample_path,
                       validate,
                       write_layer,
)
from asmap.maps import print_map, site_map, write_annex, write_brief, write_map, write_print

__all__ = ["Analysis", "AsmapError", "DataError", "Problem", "Project", "Rules", "UsageError",
           "analyze", "apply_profile", "load", "print_map", "read_layer", "read_results",
           "sample_path", "site_map", "summarize", "timeline", "validate", "write_annex",
           "write_brief", "write_layer", "write_map", "write_print", "write_results",
           "write_sites_csv", "compare"]
