"""The analysis on GeoDataFrames: exclusions, eligibility, licenses, access, conflicts.

Makes `Analysis` results from the layers of a project, and one schema of their columns
and codes (`geo.schema`). May import `asmap.layers`, never `asmap.maps` or `asmap.cli`.
"""

from asmap.geo.analyze import analyze
from asmap.geo.compare import compare
from asmap.geo.io import read_results, write_results, write_sites_csv
from asmap.geo.result import Analysis
from asmap.geo.rules import Rules
from asmap.geo.sharing import apply_profile
from asmap.geo.summary import summarize
from asmap.geo.timeline import timeline

__all__ = ["Analysis", "Rules", "analyze", "apply_profile", "read_results", "summarize",
           "write_results", "write_sites_csv",
           "compare", "timeline"]
