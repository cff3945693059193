"""`asmap export FOLDER --on DATE` exports the folder's layers plus the analysis layers."""

from __future__ import annotations

from click.testing import CliRunner

import pyogrio

from asmap.cli.main import cli


def test_folder_with_date_exports_layers_and_analysis(tmp_path):
    out = tmp_path / "all.gpkg"
    result = CliRunner().invoke(cli, ["export", "--on", "2021-04-06", "--to", "gpkg",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = {name for name, _ in pyogrio.list_layers(out)}
    assert {"sites", "exclusions", "routes", "conflicts", "licenses", "posts"} <= names
    sites = pyogrio.read_dataframe(out, layer="sites")
    assert sites["eligible"].sum() == 16


def test_analysis_options_need_a_folder(tmp_path):
    results = tmp_path / "r.gpkg"
    assert CliRunner().invoke(cli, ["analyze", "--on", "2021-04-06",
                                    "--out", str(results)]).exit_code == 0
    result = CliRunner().invoke(cli, ["export", str(results), "--on", "2021-04-06",
                                      "--to", "kmz", "--out", str(tmp_path / "x.kmz")])
    assert result.exit_code == 2
    assert "go with a project FOLDER" in result.output
    assert not (tmp_path / "x.kmz").exists()
