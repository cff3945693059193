"""The layer catalogue, readers, validation and the bundled sample data."""

from layers import errors, specs
from layers.errors import AsmapError, DataError, UsageError
from layers.load import load
from layers.problems import Problem
from layers.project import Project, sample_path
from layers.readers import read_layer
from layers.validate import validate

__all__ = ["AsmapError", "DataError", "Problem", "Project", "UsageError", "errors", "load",
           "read_layer", "sample_path", "specs", "validate"]
