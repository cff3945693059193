"""The Dask engine gives the local engine's answer, on a LocalCluster of two workers."""

from __future__ import annotations

import logging
import warnings
from datetime import date

import distributed
import numpy as np
import pandas as pd
import pytest

import shapely

from asmap import layers
from asmap.geo.analyze import analyze
from asmap.geo.engine_dask import analyze_dask
from asmap.layers.errors import AsmapError, UsageError
from benchmarks.generate import ON as ON_TEXT
from benchmarks.generate import generate

ON = date.fromisoformat(ON_TEXT)
AREA_COLUMNS = ("area_ha", "available_ha", "route_km", "overlap_ha")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0",
                                  silence_logs=logging.CRITICAL) as cluster, \
            distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def generated_folder(tmp_path_factory):
    """300 generated sites in one GeoPackage whose layers are named by kind."""
    return generate(300, tmp_path_factory.mktemp("gen") / "p", seed=11)


@pytest.fixture(scope="module")
def generated(generated_folder):
    return layers.load(generated_folder)


def assert_same_analysis(local, other):
    """Same rows in the same order, same ids and flags, areas to 1e-6 ha, same shapes."""
    assert other.rules == local.rules and other.on == local.on and other.crs == local.crs
    assert tuple(other.unchecked) == tuple(local.unchecked)
    for name in local.OUTPUTS:
        a, b = getattr(local, name), getattr(other, name)
        assert list(b.columns) == list(a.columns), name
        assert len(b) == len(a), name
        assert b.crs == a.crs, name
        for col in a.columns:
            if col == a.geometry.name:
                continue
            if col in AREA_COLUMNS:
                np.testing.assert_allclose(b[col].to_numpy(float), a[col].to_numpy(float),
                                           rtol=0, atol=1e-6, err_msg=f"{name}.{col}")
            else:
                pd.testing.assert_series_equal(b[col], a[col], check_index=False,
                                               obj=f"{name}.{col}")
        same = shapely.equals_exact(shapely.normalize(a.geometry.values),
                                    shapely.normalize(b.geometry.values), tolerance=1e-9)
        assert same.all(), f"{name}: geometry of row {np.flatnonzero(~same)[:5]} differs"


def test_sample_equals_local_engine(client):
    project = layers.load(layers.sample_path())
    local = analyze(project, on=ON)
    assert_same_analysis(local, analyze_dask(project, on=ON, scheduler=client, npartitions=3))


def test_generated_folder_equals_local_engine(client, generated):
    local = analyze(generated, on=ON)
    assert local.sites["eligible"].any() and not local.sites["eligible"].all()
    result = analyze_dask(generated, on=ON, scheduler=client, npartitions=4)
    assert_same_analysis(local, result)
    assert list(result.sites["site_id"]) == list(generated["tailings"]["site_id"])


def test_scheduler_given_by_address(client, generated):
    local = analyze(generated, on=ON)
    assert_same_analysis(local, analyze_dask(generated, on=ON, scheduler=client.scheduler.address))


def running_clients() -> set:
    return {c for c in list(distributed.client._global_clients.values())
            if c.status == "running"}


def test_own_local_cluster_started_and_closed(generated):
    before = running_clients()
    small = {**generated, "tailings": generated["tailings"].iloc[:40]}
    result = analyze_dask(small, on=ON)
    assert_same_analysis(analyze(small, on=ON), result)
    assert running_clients() == before


def test_error_in_a_partition_surfaces_unchanged(client, generated):
    tailings = generated["tailings"].copy()
    tailings.loc[tailings.index[250], "geometry"] = shapely.Point(105.0, 48.2)
    broken = {**generated, "tailings": tailings}
    with pytest.raises(AsmapError) as local_error:
        analyze(broken, on=ON)
    with pytest.raises(type(local_error.value)) as dask_error:
        analyze_dask(broken, on=ON, scheduler=client, npartitions=4)
    assert str(dask_error.value) == str(local_error.value)


def test_unreachable_scheduler_is_a_usage_error(monkeypatch, generated):
    monkeypatch.setattr("asmap.geo.engine_dask.CONNECT_TIMEOUT", "1s")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        analyze_dask(generated, on=ON, scheduler="tcp://127.0.0.1:9")


def test_dask_engine_keeps_the_crs_and_reports_progress(client, generated):
    # issue 16: geo.analyze(engine="dask") dropped `crs` and never called `progress`
    from asmap.geo.analyze import STEPS

    local_steps, dask_steps = [], []
    local = analyze(generated, on=ON, crs="EPSG:32649", progress=local_steps.append)
    result = analyze(generated, on=ON, crs="EPSG:32649", progress=dask_steps.append,
                     engine="dask", scheduler=client)
    assert result.crs == "EPSG:32649"  # zone 49N, not the 48N the data would pick
    assert_same_analysis(local, result)
    assert dask_steps == local_steps == list(STEPS)


def test_the_engines_share_one_core_without_an_import_cycle():
    import ast
    from pathlib import Path

    import asmap.geo.core
    import asmap.geo.engine_dask

    for module in (asmap.geo.core, asmap.geo.engine_dask):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert "asmap.geo.analyze" not in imported, module.__name__


def test_workers_write_a_partitioned_dataset_equal_to_the_local_answer(client, generated,
                                                                       tmp_path):
    import dask_geopandas

    import geopandas

    from asmap.geo.engine_dask import write_dask
    from asmap.geo.io import read_results

    out = tmp_path / "results.parquet"
    summary = write_dask(generated, out, on=ON, scheduler=client, npartitions=4)
    local = analyze(generated, on=ON)
    assert summary == local.summary()
    for name in ("sites", "eligible_parts", "routes"):
        assert sorted(p.name for p in (out / name).iterdir()) == [
            f"part.{i:05d}.parquet" for i in range(4)], name
    assert [p.name for p in (out / "exclusions").iterdir()] == ["part.00000.parquet"]
    sites = geopandas.read_parquet(out / "sites")
    assert len(sites) == 300 and sites.crs == "EPSG:4326"
    assert dask_geopandas.read_parquet(out / "sites").npartitions == 4
    assert_same_analysis(local, read_results(out))


def test_sample_dataset_keeps_the_agreements(client, tmp_path):
    # the agreements span partitions: checked in the main process, given to the workers
    from asmap.geo.engine_dask import write_dask
    from asmap.geo.io import read_results

    project = layers.load(layers.sample_path())
    out = tmp_path / "results.parquet"
    summary = write_dask(project, out, on=date(2021, 4, 6), scheduler=client, npartitions=3)
    local = analyze(project, on=date(2021, 4, 6))
    assert len(local.agreements) and local.sites["agreement_id"].notna().any()
    assert summary == local.summary()
    assert_same_analysis(local, read_results(out))


def test_world_files_equal_local_engine(client, tmp_path):
    # issue 13: the soum and the margin are chosen once for the whole project, not by
    # each partition's own sites
    from tests import world

    project = layers.load(world.national_soums(tmp_path, world.world(tmp_path)))
    local = analyze(project, on=ON)
    result = analyze_dask(project, on=ON, scheduler=client, npartitions=3)
    assert_same_analysis(local, result)
    assert result.soum == local.soum == "Zaamar"
    assert [p.line() for p in result.warnings] == [p.line() for p in local.warnings]
    assert len(result.warnings) == 4


def test_world_files_as_a_dataset_say_the_warnings_and_equal_local(client, tmp_path):
    # issues 13 and 17: the workers' dataset is the one area of interest too
    from asmap.geo.engine_dask import write_dask
    from asmap.geo.io import read_results
    from tests import world

    project = layers.load(world.national_soums(tmp_path, world.world(tmp_path)))
    local = analyze(project, on=ON)
    said: list = []
    out = tmp_path / "results.parquet"
    summary = write_dask(project, out, on=ON, scheduler=client, npartitions=3,
                         said=said.extend)
    assert summary == local.summary()
    assert [p.line() for p in said] == [p.line() for p in local.warnings]
    back = read_results(out, layers=project)
    assert_same_analysis(local, back)
    assert back.soum == "Zaamar"
    from asmap.geo.io import write_results

    gpkg = read_results(write_results(local, tmp_path / "results.gpkg"), layers=project)
    assert [p.line() for p in back.warnings] == [p.line() for p in gpkg.warnings]


# --- issue 17: the workers read, check and clip their own sites (geo.dask_sites) ---

def test_workers_read_their_own_sites_and_equal_the_local_answer(client, generated_folder,
                                                                 tmp_path, caplog):
    from asmap.geo.dask_sites import write_dask_folder
    from asmap.geo.io import read_results

    caplog.set_level(logging.INFO, logger="asmap.geo.dask_sites")
    out = tmp_path / "results.parquet"
    summary = write_dask_folder(generated_folder, out, on=ON, scheduler=client, npartitions=4)
    assert "the workers read the 300 sites of project.gpkg:tailings" in caplog.text
    local = analyze(layers.load(generated_folder), on=ON)
    assert summary == local.summary()
    assert sorted(p.name for p in (out / "sites").iterdir()) == [
        f"part.{i:05d}.parquet" for i in range(4)]
    assert_same_analysis(local, read_results(out))


def test_world_files_read_by_the_workers_say_the_warnings_and_equal_local(client, tmp_path,
                                                                          caplog):
    # the soum is chosen among 329 by the tailings area the partitions add up, and the
    # site in Paris is left out by the worker that holds it
    from asmap.geo.dask_sites import write_dask_folder
    from asmap.geo.io import read_results
    from tests import world

    folder = world.sites_as_geopackage(world.national_soums(tmp_path, world.world(tmp_path)),
                                 far_site=True)
    caplog.set_level(logging.INFO, logger="asmap.geo.dask_sites")
    project = layers.load(folder)
    local = analyze(project, on=ON)
    said: list = []
    out = tmp_path / "results.parquet"
    summary = write_dask_folder(folder, out, on=ON, scheduler=client, npartitions=3,
                                said=said.extend)
    assert "the workers read the 29 sites of tailings.gpkg" in caplog.text
    assert summary == local.summary()
    assert [p.line() for p in said] == [p.line() for p in local.warnings]
    assert any("tailings" in line and "1 of 29" in line for line in map(str, said)), said
    back = read_results(out, layers=project)
    assert_same_analysis(local, back)
    assert back.soum == local.soum == "Zaamar"
    assert len(back.agreements) == len(local.agreements) > 0


def test_sites_read_by_the_workers_in_a_folder_of_files_with_a_bad_site(client, tmp_path):
    # a bad site in one partition, another in a second: the error the local engine gives,
    # word for word (file, feature, field, and how many more), exit 1, nothing written
    from click.testing import CliRunner

    import pyogrio

    from asmap.cli.main import cli

    source = generate(120, tmp_path / "gen", seed=5)
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "asmap.toml").write_bytes((source / "asmap.toml").read_bytes())
    for kind, _ in pyogrio.list_layers(source / "project.gpkg"):
        frame = pyogrio.read_dataframe(source / "project.gpkg", layer=kind)
        if kind == "tailings":
            frame.loc[100, "geometry"] = shapely.Point(105.0, 48.2)
            frame.loc[7, "geometry"] = shapely.LineString([(105.0, 48.2), (105.1, 48.3)])
            bad = [frame.loc[i, "site_id"] for i in (7, 100)]
        pyogrio.write_dataframe(frame, folder / f"{kind}.gpkg", layer=kind)
    runner = CliRunner()
    common = ["analyze", str(folder), "--on", ON_TEXT, "--lang", "en"]
    local = runner.invoke(cli, [*common, "--out", str(tmp_path / "r.gpkg")])
    dask = runner.invoke(cli, [*common, "--engine", "dask", "--scheduler",
                               client.scheduler.address, "--out", str(tmp_path / "r.parquet")])
    assert local.exit_code == dask.exit_code == 1
    assert dask.output == local.output
    assert f"tailings.gpkg, feature {bad[0]}, field geometry" in dask.output
    assert "1 more problem" in dask.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files", "gen"]


@pytest.mark.parametrize(("ext", "driver", "said"), [
    ("shp", "ESRI Shapefile", "the workers read the 120 sites of tailings.shp"),
    ("fgb", "FlatGeobuf", "the workers read the 120 sites of tailings.fgb"),
    ("geojson", "GeoJSON", "are read in this process"),  # no reading by feature id
])
def test_sites_in_other_formats_are_read_by_the_workers_or_here(client, tmp_path, caplog,
                                                                ext, driver, said):
    import pyogrio

    from asmap.geo.dask_sites import write_dask_folder
    from asmap.geo.io import read_results

    source = generate(120, tmp_path / "gen", seed=3) / "project.gpkg"
    folder = tmp_path / "files"
    folder.mkdir()
    for kind, _ in pyogrio.list_layers(source):
        name = f"tailings.{ext}" if kind == "tailings" else f"{kind}.gpkg"
        with warnings.catch_warnings():  # a Shapefile cuts mined_out_on to mined_out_
            warnings.simplefilter("ignore", RuntimeWarning)
            pyogrio.write_dataframe(pyogrio.read_dataframe(source, layer=kind), folder / name,
                                    driver=driver if kind == "tailings" else "GPKG")
    caplog.set_level(logging.INFO, logger="asmap.geo.dask_sites")
    out = tmp_path / "results.parquet"
    summary = write_dask_folder(folder, out, on=ON, scheduler=client, npartitions=3)
    assert said in caplog.text
    local = analyze(layers.load(folder), on=ON)
    assert summary == local.summary()
    assert_same_analysis(local, read_results(out))
