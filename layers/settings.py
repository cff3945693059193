"""The folder settings file `asmap.toml`: the `[rules]` schema and `[sources.KIND]` tables.

The rules schema lives here (not in `geo/`) because `asmap validate` checks a folder's
settings without running any analysis, and `layers` imports nothing from `geo`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleSpec:
    """One configurable analysis rule."""

    name: str
    type: type
    default: float | int
    description: str
    minimum: float = 0.0


RULES: dict[str, RuleSpec] = {
    r.name: r
    for r in (
        RuleSpec("min_area_ha", float, 0.5, "smallest workable site, hectares"),
        RuleSpec("river_buffer_m", float, 200.0,
                 "water protection zone on each side of a river, metres"),
        RuleSpec("post_radius_m", float, 300.0,
                 "zone around a post that has no radius_m of its own, metres"),
        RuleSpec("reclamation_notice_days", int, 90,
                 "planned reclamation starting within this many days blocks a site"),
        RuleSpec("max_route_km", float, 40.0,
                 "farthest a site may be from the base settlement by the access route, km"),
        # --- area of interest (issue 13) ---
        RuleSpec("aoi_margin_km", float, 50.0,
                 "other layers are clipped to the soum grown by this many km"),
    )
}

#: Keys allowed in a `[sources.KIND]` table.
SOURCE_KEYS: dict[str, str] = {
    "source": "where the data came from (organisation, survey, file)",
    "as_of": "the date the data describes (ISO 8601)",
    "note": "anything a reader should know",
}

SETTINGS_FILE = "asmap.toml"
