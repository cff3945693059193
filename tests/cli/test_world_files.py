"""Every command on national and world files, in a process of its own: an answer or a
clear error, never a signal (issue 13: three far rivers made four commands exit 139)."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner

from asmap.cli.main import cli
from tests import world

COMMANDS = {
    "validate": ["validate", "--json"],
    "analyze": ["analyze", "--on", "2021-04-06", "--out", "{out}/r.gpkg", "--csv",
                "{out}/sites.csv"],
    "map": ["map", "--on", "2021-04-06", "--out", "{out}/map.html"],
    "print": ["print", "--on", "2021-04-06", "--out", "{out}/map.pdf"],
    "brief": ["brief", "--on", "2021-04-06", "--out", "{out}/brief"],
    "export": ["export", "--on", "2021-04-06", "--to", "kmz", "--out", "{out}/sites.kmz"],
}
SLOW = {"map", "print", "brief", "export"}


def run(folder, command: str, out) -> subprocess.CompletedProcess:
    args = [a.format(out=out) for a in COMMANDS[command]]
    args.insert(1, str(folder))
    return subprocess.run([sys.executable, "-m", "asmap.cli.main", *args], capture_output=True,
                          text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def everywhere(tmp_path_factory):
    """Features on every continent, a line across 180°, polar zones, 329 soums."""
    tmp = tmp_path_factory.mktemp("everywhere")
    return world.national_soums(tmp, world.world(tmp))


@pytest.mark.parametrize("command", [
    pytest.param(c, marks=pytest.mark.slow) if c in SLOW else c for c in COMMANDS])
def test_every_command_answers_on_world_files(command, everywhere, tmp_path):
    done = run(everywhere, command, tmp_path)
    assert done.returncode in (0, 1), (done.returncode, done.stderr[-2000:])
    assert done.returncode == 0, done.stderr[-2000:]
    said = done.stdout + done.stderr
    if command == "validate":  # the same lines, as JSON
        said = "\n".join(f"{p['layer']}: {p['message']}" for p in json.loads(done.stdout))
    far = len(world.FAR_RIVERS) + len(world.WORLD_RIVERS)
    line = f"rivers: {far} of {far + 2} features lie more than 50 km from Zaamar"
    assert line in " ".join(said.split())  # the sample has 2 rivers
    assert "Traceback" not in said


@pytest.mark.parametrize("command", ["analyze", pytest.param("print", marks=pytest.mark.slow)])
def test_three_far_rivers_no_longer_crash(command, tmp_path):
    folder = world.far_rivers(tmp_path / "in")
    done = run(folder, command, tmp_path)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "warning: rivers: 3 of 5 features lie more than 50 km from Заамар" in done.stderr
    if command == "analyze":
        sites = pd.read_csv(tmp_path / "sites.csv")
        assert sites["utm_zone"].eq("48N").all()
        assert sites["utm_e"].between(400_000, 600_000).all()  # zone 48N, not 31N


def test_a_broken_file_is_exit_1_with_a_message(tmp_path):
    folder = world.clean(tmp_path)
    (folder / "boundary.geojson").unlink()
    (folder / "boundary.topojson").write_text("not json at all", encoding="utf-8")
    for command in ("validate", "analyze"):
        done = run(folder, command, tmp_path)
        assert done.returncode == 1, done.stderr
        assert "boundary.topojson" in done.stdout + done.stderr


def test_soum_is_an_option_of_every_command(tmp_path):
    runner = CliRunner()
    for command in ("validate", "analyze", "map", "print", "brief", "export"):
        assert "--soum NAME_OR_ID" in runner.invoke(cli, [command, "--help"]).output, command
    folder = world.national_soums(tmp_path)
    chosen = runner.invoke(cli, ["analyze", str(folder), "--on", "2021-04-06", "--soum",
                                 "zaamar", "--out", str(tmp_path / "r.gpkg")])
    assert chosen.exit_code == 0, chosen.output
    assert "Zaamar" in chosen.output and "EPSG:32648 (UTM 48N)" in chosen.output
    wrong = runner.invoke(cli, ["validate", str(folder), "--soum", "Atlantis"])
    assert wrong.exit_code == 1 and "matches no polygon" in wrong.output
    bad = runner.invoke(cli, ["analyze", str(folder), "--soum", "Atlantis", "--out",
                              str(tmp_path / "x.gpkg")])
    assert bad.exit_code == 2 and "matches no polygon" in bad.output
