"""`asmap validate` through the whole command group: table, verdict, JSON, exit codes."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geopandas as gpd
import pyogrio
from shapely.geometry import box

from asmap.cli.main import cli
from asmap.layers import sample_path
from tests.helpers import tree_hash

BOX = box(104.6, 48.3, 104.61, 48.31)


def run(*args: str):
    return CliRunner(env={"COLUMNS": "250"}).invoke(cli, ["validate", *args])


def tailings(folder: Path, **columns) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    frame = gpd.GeoDataFrame({"site_id": ["T-1"], "stage": ["mined_out"], **columns},
                             geometry=[BOX], crs=4326)
    pyogrio.write_dataframe(frame, folder / "tailings.geojson")
    return folder


def test_sample_is_ok():
    before = tree_hash(sample_path())
    result = run()
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "OK: 10 layers, 0 errors, 0 warnings"
    assert tree_hash(sample_path()) == before


def test_errors_table_and_verdict(tmp_path):
    folder = tailings(tmp_path, stage=["minedout"])
    (folder / "licences.geojson").write_text("{}", encoding="utf-8")
    result = run(str(folder))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any("tailings.geojson" in line and "T-1" in line and "stage" in line
               and "value 'minedout' is not allowed" in line and "use 'mined_out'" in line
               for line in lines), result.output
    assert "did you mean 'licenses'?" in result.output
    assert lines[-1] == ("NOT USABLE: 1 layer, 2 errors, 0 warnings; fix the errors and run "
                         "`asmap validate` again")
    assert "Traceback" not in result.output


def test_warnings_only_exit_zero(tmp_path):
    folder = tailings(tmp_path)
    (folder / "phones.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = run(str(folder))
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "OK: 1 layer, 0 errors, 1 warning"


def test_json(tmp_path):
    result = run(str(tailings(tmp_path, stage=["x"])), "--json")
    assert result.exit_code == 1
    problems = json.loads(result.output)
    assert problems == [{"severity": "error", "layer": "tailings", "feature": "T-1",
                         "field": "stage", "message": "value 'x' is not allowed",
                         "hint": "use one of: active, mined_out, reclaiming, reclaimed",
                         "file": "tailings.geojson", "code": "pr_not_allowed"}]


def test_rules_file_and_crs(tmp_path):
    rules = tmp_path / "r.toml"
    rules.write_text("[rules]\nmin_area = 2\n", encoding="utf-8")
    result = run(str(tailings(tmp_path / "p")), "--rules", str(rules), "--crs", "EPSG:32648")
    assert result.exit_code == 1 and "did you mean 'min_area_ha'?" in result.output


@pytest.mark.parametrize("args", [["nowhere"], ["--crs", "EPSG:nonsense"],
                                  ["--rules", "missing.toml"], ["--bogus"]])
def test_usage_errors_exit_2(tmp_path, args):
    tailings(tmp_path)
    result = run(*[str(tmp_path / a) if a in ("nowhere", "missing.toml") else a for a in args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_help_has_a_worked_example():
    result = CliRunner().invoke(cli, ["validate", "--help"])
    assert result.exit_code == 0
    assert "$ asmap validate field-data/ --crs EPSG:32648" in result.output


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["tailings.geojson", "tailings.shp", "posts.csv", "licenses.kml",
                             "roads.gpkg", "asmap.toml"]),
       data=st.binary(max_size=400))
def test_random_bytes_never_a_traceback(tmp_path_factory, name, data):
    folder = tmp_path_factory.mktemp("bytes")
    if name != "tailings.geojson":
        tailings(folder)
    (folder / name).write_bytes(data)
    before = tree_hash(folder)
    result = run(str(folder))
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output
    assert tree_hash(folder) == before


values = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                   st.text(string.printable + "ӨөҮүЁё", max_size=12), st.booleans())


# GDAL says so when it shortens a Shapefile field name, cannot store a huge number or skips
# an infinite one:
# the random values are meant to be awkward, and what GDAL wrote is what gets validated
@pytest.mark.filterwarnings("ignore:Normalized/laundered field name:RuntimeWarning:pyogrio",
                            "ignore:Value .* not successfully written:RuntimeWarning:pyogrio",
                            "ignore:NaN of Infinity value found:RuntimeWarning:pyogrio")
@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["posts", "licenses", "settlements"]),
       row=st.fixed_dictionaries({}, optional={
           "post_id": values, "authority": values, "radius_m": values, "start_date": values,
           "end_date": values, "kind": values, "holder": values, "license_id": values,
           "is_base": values, "name": values, "precision_m": values, "status": values}),
       ext=st.sampled_from([".geojson", ".shp", ".gpkg"]))
def test_random_property_values_never_a_traceback(tmp_path_factory, kind, row, ext):
    folder = tailings(tmp_path_factory.mktemp("values"))
    geometry = BOX if kind == "licenses" else BOX.centroid
    frame = gpd.GeoDataFrame({k: [v] for k, v in row.items()}, geometry=[geometry], crs=4326)
    try:
        pyogrio.write_dataframe(frame, folder / f"{kind}{ext}")
    except Exception:  # GDAL refuses some mixes of types; nothing to validate then
        return
    result = run(str(folder))
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output
