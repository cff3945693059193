"""The `asmap` group: version, help with a worked example on every command, no tracebacks."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from asmap.cli.main import cli

HEAVY = ("matplotlib", "folium", "geopandas", "shapely", "networkx")


def _commands(group, prefix=()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*prefix, name)
        if isinstance(command, click.Group):
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


@pytest.mark.parametrize("argv", [["--help"], ["--version"]], ids=" ".join)
def test_help_and_version_import_no_heavy_module(argv):
    # a fresh interpreter: this test process has long imported everything
    probe = ("import sys\n"
             "from asmap.cli.main import cli\n"
             f"try:\n    cli({argv!r}, prog_name='asmap')\n"
             "except SystemExit:\n    pass\n"
             f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert "asmap" in result.stdout
    assert result.stdout.splitlines()[-1] == "[]"


def test_lazy_short_help_is_the_command_own():
    ctx = click.Context(cli)
    for name, (_target, short_help) in cli.lazy.items():
        assert cli.get_command(ctx, name).short_help == short_help, name


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
    assert {"asmap.layers.load", "asmap.geo.core", "asmap.geo.exclusions",
            "asmap.geo.access", "asmap.geo.io"} <= {r.name for r in caplog.records}


LEAVE = """
import atexit, sys, threading
from asmap.cli.main import leave
atexit.register(lambda: print("torn down", flush=True))
print("done", flush=True)
if sys.argv[1] == "thread":  # a thread of someone else's: Python must exit as usual
    threading.Thread(target=threading.Event().wait, args=(0.2,)).start()
if sys.argv[1] == "pools":  # asmap's own idle pools do not stop a quick exit
    from asmap.geo import parallel
    parallel.background(sum, [1, 2]).result()
leave(int(sys.argv[2]))
print("not left", flush=True)
"""


@pytest.mark.parametrize(("case", "code", "said"), [
    ("plain", "0", "done\n"), ("plain", "1", "done\n"), ("pools", "0", "done\n"),
    ("thread", "0", "done\nnot left\ntorn down\n")])
def test_a_finished_command_leaves_without_tearing_down(case, code, said):
    done = subprocess.run([sys.executable, "-c", LEAVE, case, code], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout == said
    assert done.returncode == (int(code) if case != "thread" else 0)


def test_the_analysis_written_by_a_quick_exit_is_whole(tmp_path):
    import pyogrio

    from asmap.layers import sample_path

    out = tmp_path / "results.gpkg"
    done = subprocess.run([sys.executable, "-m", "asmap.cli.main", "analyze", str(sample_path()),
                           "--on", "2021-04-06", "--out", str(out), "--lang", "en"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith(f"wrote {out}")
    assert pyogrio.read_info(out, layer="sites")["features"] == 28
    assert [p.name for p in tmp_path.iterdir()] == ["results.gpkg"]
