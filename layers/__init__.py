"""The layer catalogue, readers, validation and the bundled sample data."""

from layers import specs
from layers.errors import AsmapError, DataError, UsageError
from layers.project import Project, sample_path

__all__ = ["AsmapError", "DataError", "Project", "UsageError", "sample_path", "specs"]
