"""Analysis on GeoDataFrames: exclusions, eligibility, licenses, access, conflicts."""

from geo.analyze import analyze
from geo.io import read_results, write_results, write_sites_csv
from geo.profile import apply_profile
from geo.result import Analysis
from geo.rules import Rules
from geo.summary import summarize

__all__ = ["Analysis", "Rules", "analyze", "apply_profile", "read_results", "summarize",
           "write_results", "write_sites_csv"]
