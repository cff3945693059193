"""The `asmap` group: version, help with a worked example on every command, no tracebacks."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from asmap.cli.main import cli


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))


COMMANDS = sorted(_commands(cli))


def test_every_issue_command_is_registered():
    names = {c[0] for c in COMMANDS}
    assert {"validate", "analyze", "map", "print", "brief", "import", "export"} <= names
    assert ("import", "licenses") in COMMANDS and ("import", "gps") in COMMANDS


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("asmap, version ")


def test_group_help_lists_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("validate", "analyze", "map", "print", "brief", "import", "export"):
        assert name in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help_with_a_worked_example(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    if not (len(command) == 1 and command[0] == "import"):
        assert "$ asmap " + " ".join(command) in result.output


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(cli, ["analyse"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_verbose_logs_the_analysis_steps_and_counts(tmp_path, caplog):
    def analyze(*flags):
        result = CliRunner().invoke(cli, [*flags, "analyze", "--on", "2021-04-06", "--out",
                                          str(tmp_path / f"r{len(flags)}.gpkg")])
        assert result.exit_code == 0, result.output
        return result.stderr

    quiet, steps, counts = analyze(), analyze("-v"), analyze("-vv")
    assert "step:" not in quiet and "eligible" not in quiet
    assert "step: exclusions" in steps and "step: routes" in steps
    assert "16 of 28 sites eligible, 86.94 ha" in steps
    assert "exclusion zones in force" not in steps  # a count: -vv
    assert "exclusion zones in force: RIVER_BUFFER" in counts
    assert "road network:" in counts
    assert {"asmap.layers.load", "asmap.geo.analyze", "asmap.geo.exclusions",
            "asmap.geo.access", "asmap.geo.io"} <= {r.name for r in caplog.records}
