"""Analysis on GeoDataFrames: exclusions, eligibility, licenses, access, conflicts."""

from geo.result import Analysis
from geo.rules import Rules

__all__ = ["Analysis", "Rules"]
