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


def test_map_from_a_dataset_embeds_the_folders_basemap(tmp_path):
    # the results folder is read with the project's layers, whose folder holds
    # basemap.mbtiles, as results.gpkg is
    out = tmp_path / "results.parquet"
    runner = CliRunner()
    made = runner.invoke(cli, ["analyze", "--on", "2021-04-06", "--engine", "dask",
                               "--out", str(out)])
    assert made.exit_code == 0, made.output
    for results in (out, tmp_path / "results.gpkg"):
        if results.suffix == ".gpkg":
            assert runner.invoke(cli, ["analyze", "--on", "2021-04-06",
                                       "--out", str(results)]).exit_code == 0
        page = tmp_path / f"{results.suffix[1:]}.html"
        shown = runner.invoke(cli, ["map", "--results", str(results), "--offline",
                                    "--out", str(page)])
        assert shown.exit_code == 0, shown.output
        assert "asmap.embeddedTiles(" in page.read_text(encoding="utf-8"), results.name


# --- issue 18: the engines' and the dataset's errors in Mongolian and English ---

@pytest.mark.parametrize(("lang", "words"), [
    ("en", "not a results dataset (no asmap.json); write it with `asmap analyze"),
    ("mn", "үр дүнгийн өгөгдлийн багц биш (asmap.json алга)"),
])
def test_a_folder_that_is_no_dataset_is_said_in_the_language(tmp_path, lang, words):
    folder = tmp_path / "results.parquet"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["map", "--results", str(folder), "--lang", lang,
                                      "--out", str(tmp_path / "m.html")])
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m.html").exists()


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "no part.*.parquet files; write the results again"),
    ("mn", "part.*.parquet файл алга; үр дүнг дахин бичнэ үү"),
])
def test_a_dataset_without_parts_is_said_in_the_language(tmp_path, lang, words):
    folder = tmp_path / "results.parquet"
    folder.mkdir()
    (folder / "asmap.json").write_text('{"on": "2021-04-06"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["print", "--results", str(folder), "--lang", lang,
                                      "--out", str(tmp_path / "m.pdf")])
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "tailings: no site lies within 50 km of Ulaanhus; choose the soum of the "
           "sites with --soum"),
    ("mn", "tailings: Ulaanhus-аас 50 км дотор нэг ч талбай алга"),
])
def test_no_site_in_the_soum_is_said_in_the_language_by_both_engines(tmp_path, lang, words):
    from tests import world

    folder = world.sites_as_geopackage(world.national_soums(tmp_path))
    (folder / "settlements.geojson").unlink()  # no base settlement far from the soum
    runner = CliRunner()
    said = set()
    for engine, out in (("local", "r.gpkg"), ("dask", "r.parquet")):
        result = runner.invoke(cli, ["analyze", str(folder), "--on", "2021-04-06",
                                     "--soum", "Ulaanhus", "--engine", engine, "--lang",
                                     lang, "--out", str(tmp_path / out)])
        assert result.exit_code == 1, result.output
        assert words in result.output, result.output
        assert not (tmp_path / out).exists()
        said.add(result.output)
    assert len(said) == 1


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"),
    ("mn", "'tcp://127.0.0.1:9' дахь Dask scheduler-т холбогдож чадсангүй"),
])
def test_an_unreachable_scheduler_is_said_in_the_language(monkeypatch, tmp_path, lang, words):
    monkeypatch.setattr("asmap.geo.engine_dask.CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(cli, ["analyze", "--engine", "dask", "--scheduler",
                                      "tcp://127.0.0.1:9", "--lang", lang,
                                      "--out", str(tmp_path / "r.parquet")])
    assert result.exit_code == 2
    assert words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.parquet").exists()
