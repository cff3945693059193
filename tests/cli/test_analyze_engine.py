"""`asmap analyze --engine dask` gives the local engine's answer; option misuse is exit 2."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

import pyogrio

from asmap.cli.main import cli


def test_scheduler_without_dask_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", "--scheduler", "tcp://127.0.0.1:1",
                                      "--out", str(tmp_path / "r.gpkg")])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output
    assert not (tmp_path / "r.gpkg").exists()


def test_unknown_engine_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", "--engine", "spark",
                                      "--out", str(tmp_path / "r.gpkg")])
    assert result.exit_code == 2


@pytest.mark.slow
def test_dask_engine_writes_the_same_sites_as_local(tmp_path):
    runner = CliRunner()
    outs = {}
    for engine in ("local", "dask"):
        out = tmp_path / f"{engine}.gpkg"
        result = runner.invoke(cli, ["analyze", "--on", "2021-04-06", "--engine", engine,
                                     "--out", str(out), "--json"])
        assert result.exit_code == 0, result.output
        outs[engine] = pyogrio.read_dataframe(out, layer="sites")
    local, dask = outs["local"], outs["dask"]
    assert list(local["site_id"]) == list(dask["site_id"])
    pd.testing.assert_frame_equal(local.drop(columns="geometry"), dask.drop(columns="geometry"),
                                  check_exact=False, atol=1e-6)


def test_dask_dataset_is_results_for_the_other_commands(tmp_path):
    import geopandas

    out = tmp_path / "results.parquet"
    runner = CliRunner()
    result = runner.invoke(cli, ["analyze", "--on", "2021-04-06", "--engine", "dask",
                                 "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert '"eligible": 16' in result.output and '"eligible_ha": 86.94' in result.output
    assert len(geopandas.read_parquet(out / "sites")) == 28
    printed = runner.invoke(cli, ["print", "--results", str(out), "--lang", "en",
                                  "--out", str(tmp_path / "overview.pdf")])
    assert printed.exit_code == 0, printed.output
    assert (tmp_path / "overview.pdf").stat().st_size > 10_000


def test_a_dataset_needs_the_dask_engine(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", "--out", str(tmp_path / "r.parquet")])
    assert result.exit_code == 2
    assert "needs --engine dask" in result.output
