"""Checks of `asmap.toml` and of a `--rules` file: syntax, tables, keys, types, dates."""

from __future__ import annotations

from datetime import date

import pytest

from asmap.layers import validate
from asmap.layers.toml_check import check_settings
from tests.layers.layer_helpers import project, table


def check(tmp_path, text, **kwargs):
    path = tmp_path / "asmap.toml"
    path.write_text(text, encoding="utf-8")
    return check_settings(path, **kwargs)


def test_good_settings_parse_with_dates(tmp_path):
    settings, problems = check(tmp_path, '[rules]\nmin_area_ha = 1\nreclamation_notice_days = 60'
                               '\n[sources.posts]\nsource = "NGO survey"\nas_of = 2021-04-06\n'
                               '[sources.roads]\nas_of = "2020-10-01"\n')
    assert problems == []
    assert settings["rules"] == {"min_area_ha": 1.0, "reclamation_notice_days": 60}
    assert settings["sources"]["posts"] == {"source": "NGO survey", "as_of": date(2021, 4, 6)}
    assert settings["sources"]["roads"]["as_of"] == date(2020, 10, 1)


def test_syntax_error_names_the_line(tmp_path):
    _, problems = check(tmp_path, "[rules]\nmin_area_ha = = 1\n")
    assert len(problems) == 1 and "not valid TOML" in problems[0].message
    assert "line 2" in problems[0].message


@pytest.mark.parametrize(("text", "feature", "field", "message", "hint"), [
    ("[rulez]\n", "", "rulez", "unknown table or key 'rulez'", "did you mean 'rules'?"),
    ("[rules]\nriver_bufer_m = 100\n", "[rules]", "river_bufer_m",
     "unknown rule 'river_bufer_m'", "did you mean 'river_buffer_m'?"),
    ('[rules]\nmin_area_ha = "1"\n', "[rules]", "min_area_ha",
     "min_area_ha must be a number from 0 to 1000 (hectares), got '1'",
     "write e.g. min_area_ha = 0.5 (the default, no quotes)"),
    ("[rules]\nreclamation_notice_days = 7.5\n", "[rules]", "reclamation_notice_days",
     "reclamation_notice_days must be a whole number from 0 to 3650, got 7.5", "write e.g."),
    ("[rules]\nmax_route_km = -3\n", "[rules]", "max_route_km",
     "max_route_km must be a number from 0 to 1000 (km), got -3", "the default"),
    # issue 20: every rule has a finite, sensible range
    ("[rules]\npost_radius_m = inf\n", "[rules]", "post_radius_m",
     "post_radius_m must be a number from 0 to 20000 (metres), got inf", "the default"),
    ("[rules]\nreclamation_notice_days = 1e300\n", "[rules]", "reclamation_notice_days",
     "reclamation_notice_days must be a whole number from 0 to 3650, got 1e+300",
     "the default"),
    ("[rules]\nriver_buffer_m = nan\n", "[rules]", "river_buffer_m",
     "river_buffer_m must be a number from 0 to 5000 (metres), got nan", "the default"),
    ("[sources.licences]\nsource = 'MRPAM'\n", "[sources.licences]", "",
     "'licences' is no layer kind", "did you mean 'licenses'?"),
    ("[sources.posts]\nsorce = 'NGO'\n", "[sources.posts]", "sorce", "unknown key 'sorce'",
     "did you mean 'source'?"),
    ("[sources.posts]\nas_of = 'spring 2021'\n", "[sources.posts]", "as_of",
     "as_of must be a date, got 'spring 2021'", "as_of = 2021-04-06"),
    ("[sources.posts]\nnote = 5\n", "[sources.posts]", "note", "note must be text, got 5",
     'note = "..."'),
])
def test_each_settings_problem(tmp_path, text, feature, field, message, hint):
    _, problems = check(tmp_path, text)
    assert len(problems) == 1, problems
    p = problems[0]
    assert (p.severity, p.layer, p.feature, p.field, p.message) == (
        "error", "asmap.toml", feature, field, message)
    assert hint in p.hint


def test_every_problem_in_one_run(tmp_path):
    _, problems = check(tmp_path, "[rules]\nmin_aera_ha = 1\nmax_route_km = 'far'\n"
                        "[sources.posts]\nas_of = 'x'\n[extra]\n")
    assert [p.field for p in problems] == ["extra", "min_aera_ha", "max_route_km", "as_of"]


def test_rules_file_needs_a_rules_table(tmp_path):
    _, problems = check(tmp_path, "[sources.posts]\nnote = 'x'\n", rules_file=True)
    assert [p.message for p in problems] == ["no [rules] table"]


def test_validate_reports_folder_settings_and_rules_file(tmp_path):
    folder = project(tmp_path / "p")
    (folder / "asmap.toml").write_text("[rules]\npost_radius = 200\n", encoding="utf-8")
    rules = tmp_path / "strict.toml"
    rules.write_text("[rules]\nmin_area_ha = 'big'\n", encoding="utf-8")
    found = table(validate(folder, rules_path=rules))
    assert found[["file", "field"]].values.tolist() == [["asmap.toml", "post_radius"],
                                                        ["strict.toml", "min_area_ha"]]
    assert "did you mean 'post_radius_m'?" in found["hint"].iloc[0]


def test_misnamed_settings_file_is_a_warning(tmp_path):
    folder = project(tmp_path)
    (folder / "Asmap.toml").write_text("[rules]\n", encoding="utf-8")
    (folder / "other.toml").write_text("[rules]\n", encoding="utf-8")
    problems = validate(folder)
    assert [(p.severity, p.message) for p in problems] == [
        ("warning", "'Asmap.toml' is ignored: the settings file must be called asmap.toml")]


def test_deeply_nested_toml_is_one_problem(tmp_path):
    _, problems = check(tmp_path, "x = " + "[" * 3000 + "]" * 3000 + "\n")
    assert [(p.severity, p.message) for p in problems] == [
        ("error", "the file nests tables or arrays too deeply to read")]


def test_control_characters_in_sources_are_removed_with_a_warning(tmp_path):
    settings, problems = check(tmp_path, '[sources.posts]\nsource = "NGO\\u0007 survey"\n')
    assert settings["sources"]["posts"]["source"] == "NGO survey"
    assert [(p.severity, p.feature, p.field, p.message) for p in problems] == [
        ("warning", "[sources.posts]", "source", "control character removed from the text")]
