"""No command modifies its inputs: the project folder hashes the same before and after."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from asmap.cli.main import cli
from asmap.layers import sample_path
from tests.helpers import tree_hash


def test_every_command_leaves_the_project_folder_untouched(tmp_path):
    folder = tmp_path / "zaamar"
    shutil.copytree(sample_path(), folder)
    out = tmp_path / "out"
    before = tree_hash(folder)
    runner = CliRunner()
    results = str(out / "results.gpkg")
    commands = [
        ["validate", str(folder)],
        ["analyze", str(folder), "--on", "2021-04-06", "--out", results,
         "--csv", str(out / "sites.csv")],
        ["map", str(folder), "--results", results, "--offline", "--out", str(out / "m.html")],
        ["print", str(folder), "--results", results, "--site", "ZT-01",
         "--out", str(out / "ZT-01.pdf")],
        ["brief", str(folder), "--on", "2021-04-06", "--profile", "public",
         "--out", str(out / "brief")],
        ["export", str(folder), "--to", "kmz", "--out", str(out / "sites.kmz")],
        ["timeline", str(folder), "--from", "2021-04-06", "--to", "2021-12-31",
         "--out", str(out / "timeline.csv")],
        ["compare", results, str(out / "brief"), "--out", str(out / "changes")],
    ]
    for command in commands:
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, (command, result.output)
    assert tree_hash(folder) == before
    assert not list(folder.glob(".*")), "no temporary files left beside the inputs"
