"""`asmap export FOLDER --on DATE` exports the folder's layers plus the analysis layers."""

from __future__ import annotations

from click.testing import CliRunner

import geopandas as gpd
import pyogrio
import shapely

from asmap.cli.main import cli
from asmap.maps.exchange.export import export
from tests.helpers import UTM48N


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


def utm_folder_without_crs(folder):
    """A project folder whose tailings are a Shapefile in UTM 48N metres with no .prj."""
    folder.mkdir()
    tailings = gpd.GeoDataFrame({"site_id": ["T-1"], "stage": ["mined_out"]},
                                geometry=[shapely.box(483_000, 5_340_000, 483_400, 5_340_200)],
                                crs=UTM48N)
    pyogrio.write_dataframe(tailings, folder / "tailings.shp")
    (folder / "tailings.prj").unlink()
    return folder


def test_crs_with_a_folder_reads_layers_whose_files_do_not_say(tmp_path):
    folder = utm_folder_without_crs(tmp_path / "p")
    out = tmp_path / "x"
    result = CliRunner().invoke(cli, ["export", str(folder), "--crs", "EPSG:32648",
                                      "--to", "geojson", "--out", str(out)])
    assert result.exit_code == 0, result.output
    tailings = pyogrio.read_dataframe(out / "tailings.geojson")
    x0, y0, x1, y1 = tailings.total_bounds
    assert (round(x0, 3), round(y0, 3)) == (104.771, 48.213)  # degrees, not metres


def test_export_api_passes_crs_to_the_folder(tmp_path):
    folder = utm_folder_without_crs(tmp_path / "p")
    out = export(folder, tmp_path / "x.gpkg", to="gpkg", crs="EPSG:32648")
    assert pyogrio.read_dataframe(out, layer="tailings").crs.to_epsg() == 4326
