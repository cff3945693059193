"""Rules: defaults, TOML tables, overrides, and the errors a user sees."""

from __future__ import annotations

import re

import pytest

from asmap.geo.rules import Rules
from asmap.layers.errors import DataError, UsageError


def test_defaults_match_the_issue():
    assert Rules().as_dict() == {
        "min_area_ha": 0.5, "river_buffer_m": 200.0, "post_radius_m": 300.0,
        "reclamation_notice_days": 90, "max_route_km": 40.0,
        "aoi_margin_km": 50.0,  # issue 13
    }


def test_from_toml_reads_rules_table_and_overrides(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text("[rules]\nriver_buffer_m = 100\nmin_area_ha = 1\n", encoding="utf-8")
    rules = Rules.from_toml(path, max_route_km=25)
    assert (rules.river_buffer_m, rules.min_area_ha, rules.max_route_km) == (100.0, 1.0, 25.0)
    assert rules.post_radius_m == 300.0


@pytest.mark.parametrize(("table", "parts"), [
    ({"river_bufer_m": 100}, ["unknown rule 'river_bufer_m'", "did you mean 'river_buffer_m'"]),
    ({"min_area_ha": "big"}, ["min_area_ha must be a number", "'big'"]),
    ({"reclamation_notice_days": 1.5}, ["must be a whole number from 0 to 3650"]),
    ({"max_route_km": -3}, ["max_route_km must be a number from 0 to 1000 (km), got -3"]),
    ({"post_radius_m": True}, ["must be a number"]),
    # issue 20: infinite, huge and not-a-number rules are refused, naming the range
    ({"post_radius_m": float("inf")}, ["post_radius_m must be a number from 0 to 20000 "
                                       "(metres), got inf"]),
    ({"reclamation_notice_days": 1e300}, ["reclamation_notice_days must be a whole number "
                                          "from 0 to 3650"]),
    ({"river_buffer_m": float("nan")}, ["river_buffer_m must be a number from 0 to 5000 "
                                        "(metres), got nan"]),
    ({"min_area_ha": 5000}, ["min_area_ha must be a number from 0 to 1000 (hectares)"]),
], ids=["misspelt", "text", "fraction", "negative", "bool", "inf", "huge", "nan", "too big"])
def test_bad_tables_are_usage_errors(table, parts):
    with pytest.raises(UsageError) as info:
        Rules.from_mapping(table, where="my.toml")
    message = str(info.value)
    assert message.startswith("my.toml: ")
    for part in parts:
        assert part in message


def test_error_class_can_be_data_error_for_a_folder_settings_file():
    with pytest.raises(DataError, match="asmap.toml: unknown rule"):
        Rules.from_mapping({"foo": 1}, where="asmap.toml", error=DataError)


@pytest.mark.parametrize(("text", "part"), [
    ("[rules\n", "not a valid TOML file"),
    ("[other]\nx = 1\n", "no [rules] table"),
], ids=["syntax", "no-table"])
def test_bad_files(tmp_path, text, part):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=re.escape(part)):
        Rules.from_toml(path)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(UsageError, match="rules file not found"):
        Rules.from_toml(tmp_path / "nope.toml")


def test_replace_keeps_other_rules():
    assert Rules().replace(river_buffer_m=100).as_dict()["min_area_ha"] == 0.5
