"""The layer catalogue, readers, validation and the bundled sample data."""

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
