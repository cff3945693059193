"""The layer catalogue, readers, validation and the bundled sample data."""

from layers import errors, specs
from layers.cadastre import read_cadastre_table
from layers.errors import AsmapError, DataError, UsageError
from layers.gps import read_gps
from layers.load import load
from layers.problems import Problem
from layers.project import Project, sample_path
from layers.readers import read_layer
from layers.validate import validate
from layers.writers import write_layer

__all__ = ["AsmapError", "DataError", "Problem", "Project", "UsageError", "errors", "load",
           "read_cadastre_table", "read_gps", "read_layer", "sample_path", "specs", "validate",
           "write_layer"]
