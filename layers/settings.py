"""The folder settings file `asmap.toml`: the `[rules]` schema and `[sources.KIND]` tables.

The rules schema lives here (not in `geo/`) because `asmap validate` checks a folder's
settings without running any analysis, and `layers` imports nothing from `geo`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from asmap.layers.messages import render


@dataclass(frozen=True)
class RuleSpec:
    """One configurable analysis rule."""

    name: str
    type: type
    default: float | int
    description: str
    minimum: float = 0.0
    #: Largest sensible value; a larger one is a typo or a unit mistake.
    maximum: float = math.inf


RULES: dict[str, RuleSpec] = {
    r.name: r
    for r in (
        RuleSpec("min_area_ha", float, 0.5, "smallest workable site, hectares",
                 maximum=1000),
        RuleSpec("river_buffer_m", float, 200.0,
                 "water protection zone on each side of a river, metres", maximum=5000),
        RuleSpec("post_radius_m", float, 300.0,
                 "zone around a post that has no radius_m of its own, metres",
                 maximum=20000),
        RuleSpec("reclamation_notice_days", int, 90,
                 "planned reclamation starting within this many days blocks a site",
                 maximum=3650),
        RuleSpec("max_route_km", float, 40.0,
                 "farthest a site may be from the base settlement by the access route, km",
                 maximum=1000),
        # --- area of interest (issue 13) ---
        RuleSpec("aoi_margin_km", float, 50.0,
                 "other layers are clipped to the soum grown by this many km", maximum=20000),
    )
}



def rule_problem(name: str, value: Any) -> str | None:
    """
    What is wrong with `value` for the rule `name` (type, finite, range), or None.

    The one check of rule values: `asmap validate` and `geo.Rules` both use it
    (`rule_fault` gives the same as a words-table code, to say it in mn or en).

    Examples
    --------
    >>> rule_problem("river_buffer_m", 150) is None
    True
    >>> rule_problem("post_radius_m", float("inf"))
    'post_radius_m must be a number from 0 to 20000 (metres), got inf'
    >>> rule_problem("reclamation_notice_days", 1.5)
    'reclamation_notice_days must be a whole number from 0 to 3650, got 1.5'
    """
    fault = rule_fault(name, value)
    return render(fault[0], "en", fault[1]) if fault else None


def rule_fault(name: str, value: Any) -> tuple[str, dict[str, Any]] | None:
    """
    `rule_problem` as a word of `layers.messages` (code, parameters), or None.

    Examples
    --------
    >>> code, params = rule_fault("min_area_ha", -1)
    >>> render(code, "mn", params)
    'min_area_ha нь 0-1000 хооронд тоо байх ёстой (hectares), -1 байна'
    """
    spec = RULES[name]
    whole = spec.type is int
    unit = spec.description.rsplit(", ", 1)[-1] if ", " in spec.description else ""
    fault = ("pr_rule_range", {"name": name, "whole": ("w_whole", {}) if whole else "",
                               "minimum": spec.minimum, "maximum": spec.maximum,
                               "unit": f" ({unit})" if unit else "", "value": value})
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return fault
    if not math.isfinite(value) or not spec.minimum <= value <= spec.maximum:
        return fault
    if whole and not float(value).is_integer():
        return fault
    return None


#: Keys allowed in a `[sources.KIND]` table.
SOURCE_KEYS: dict[str, str] = {
    "source": "where the data came from (organisation, survey, file)",
    "as_of": "the date the data describes (ISO 8601)",
    "note": "anything a reader should know",
}

SETTINGS_FILE = "asmap.toml"
