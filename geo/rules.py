"""Configurable analysis rules: defaults, a TOML `[rules]` table, keyword overrides."""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asmap.layers.errors import AsmapError, UsageError
from asmap.layers.settings import RULES, rule_fault


@dataclass(frozen=True)
class Rules:
    """The rules an analysis applies (see the README for what each one means).

    Examples
    --------
    >>> Rules().river_buffer_m
    200.0
    >>> Rules(min_area_ha=1).min_area_ha
    1.0

    From a project's ``asmap.toml``, with one rule overridden:

    >>> from asmap.layers import sample_path
    >>> Rules.from_toml(sample_path() / "asmap.toml", river_buffer_m=100).river_buffer_m
    100.0
    >>> Rules().replace(max_route_km=25).max_route_km
    25.0
    """

    min_area_ha: float = RULES["min_area_ha"].default
    river_buffer_m: float = RULES["river_buffer_m"].default
    post_radius_m: float = RULES["post_radius_m"].default
    reclamation_notice_days: int = RULES["reclamation_notice_days"].default
    max_route_km: float = RULES["max_route_km"].default
    aoi_margin_km: float = RULES["aoi_margin_km"].default

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            spec = RULES[f.name]
            value = getattr(self, f.name)
            object.__setattr__(self, f.name, _coerce(f.name, value, spec.type, "rules"))

    @classmethod
    def from_mapping(cls, table: dict[str, Any], *, where: str = "rules",
                     error: type[AsmapError] = UsageError) -> Rules:
        """Build rules from a `[rules]` table, rejecting unknown keys and wrong types."""
        unknown = [k for k in table if k not in RULES]
        if unknown:
            key = unknown[0]
            near = difflib.get_close_matches(key, list(RULES), n=1)
            if near:
                raise error(code="er_rule_unknown_near", where=where, key=key, near=near[0])
            raise error(code="er_rule_unknown", where=where, key=key, known=", ".join(RULES))
        try:
            return cls(**{k: _coerce(k, v, RULES[k].type, where) for k, v in table.items()})
        except UsageError as exc:
            raise error(code=exc.code, **exc.params) from None

    @classmethod
    def from_toml(cls, path: str | Path, **overrides: Any) -> Rules:
        """Read the `[rules]` table of a TOML file; keyword arguments override it."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(code="er_rules_missing", path=path) from None
        except IsADirectoryError:
            raise UsageError(code="er_rules_folder", path=path) from None
        except RecursionError:
            raise UsageError(code="er_rules_deep", path=path) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(code="er_rules_toml", path=path, detail=str(exc)) from None
        table = data.get("rules")
        if not isinstance(table, dict):
            raise UsageError(code="er_rules_table", path=path)
        return cls.from_mapping({**table, **overrides}, where=str(path))

    def replace(self, **changes: Any) -> Rules:
        """A copy with some rules changed."""
        return Rules.from_mapping({**self.as_dict(), **changes})

    def as_dict(self) -> dict[str, float | int]:
        """The rules as a plain dictionary (for TOML, JSON and title blocks)."""
        return dataclasses.asdict(self)


def _coerce(name: str, value: Any, kind: type, where: str) -> Any:
    wrong = rule_fault(name, value)
    if wrong:
        raise UsageError(code="er_rule_wrong", where=where, rule=wrong,
                         default=RULES[name].default)
    return kind(value)
