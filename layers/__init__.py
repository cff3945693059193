"""The layer catalogue, readers for every format users have, validation and the sample.

Makes GeoDataFrames (EPSG:4326) and `Problem` lists from files; imports no other part of
asmap, so the analysis and the maps can both rely on it.
"""

from asmap.layers import errors, specs
from asmap.layers.cadastre import read_cadastre_table
from asmap.layers.errors import AsmapError, DataError, UsageError
from asmap.layers.gps import read_gps
from asmap.layers.load import load
from asmap.layers.problems import Problem
from asmap.layers.project import Project, sample_path
from asmap.layers.readers import read_layer
from asmap.layers.validate import validate
from asmap.layers.writers import write_layer

__all__ = ["AsmapError", "DataError", "Problem", "Project", "UsageError", "errors", "load",
           "read_cadastre_table", "read_gps", "read_layer", "sample_path", "specs", "validate",
           "write_layer"]
