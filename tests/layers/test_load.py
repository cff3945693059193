"""`layers.load`: a normalized Project, or one DataError line naming the first problem."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from asmap import layers
from asmap.layers import DataError, Project, UsageError, load
from tests.layers.layer_helpers import good_layers, project, write


def test_load_sample():
    sample = load(layers.sample_path())
    assert isinstance(sample, Project) and len(sample) == 10  # 9 layers + agreements.csv
    assert all(frame.crs.to_epsg() == 4326 for frame in sample.values())
    assert sample.rules_table["river_buffer_m"] == 200.0
    assert sample.sources["posts"]["as_of"] == date(2021, 4, 6)
    base = sample["settlements"][sample["settlements"]["is_base"]]
    assert base["name"].tolist() == ["Бат-Өлзий"]
    assert sample["posts"]["radius_m"].dtype == float
    assert sample.problems == []


def test_load_normalizes_columns_and_fills_defaults(tmp_path):
    frames = good_layers()
    frames["licenses"] = frames["licenses"].rename(columns={"holder": "HOLDER", "kind": "Kind"})
    frames["settlements"] = frames["settlements"].drop(columns="is_base")
    loaded = load(project(tmp_path, frames, ".shp"))
    lic = loaded["licenses"]
    assert list(lic.columns[:7]) == ["license_id", "holder", "kind", "status", "start_date",
                                     "end_date", "contact"]
    assert lic["status"].tolist() == ["active"] and lic["contact"].tolist() == [None]
    assert lic["end_date"].tolist() == [pd.Timestamp("2030-03-01")]
    assert loaded["settlements"]["is_base"].tolist() == [False]
    assert loaded["posts"]["start_date"].isna().all()
    assert np.isnan(loaded["posts"]["precision_m"].iloc[0])
    assert loaded.folder == tmp_path


def test_load_raises_the_first_error_and_counts_the_rest(tmp_path):
    frames = good_layers()
    frames["licenses"]["kind"] = ["minning"]
    frames["posts"]["radius_m"] = [-1.0]
    folder = project(tmp_path, frames)
    with pytest.raises(DataError) as info:
        load(folder)
    assert str(info.value) == (
        "licenses.geojson, feature MV-011722, field kind: value 'minning' is not allowed; use "
        "'mining'; allowed: mining, exploration, asm (and 1 more problem; run `asmap validate "
        f"{folder}`)")


def test_load_keeps_warnings(tmp_path):
    frames = good_layers()
    frames["settlements"]["name"] = ["Бат-Өлзий\x07"]  # a control character (issue 20)
    loaded = load(project(tmp_path, frames))
    assert [(p.field, p.message) for p in loaded.problems] == [
        ("name", "control character removed from the text")]
    assert loaded["settlements"]["name"].tolist() == ["Бат-Өлзий"]


def test_columns_differing_only_by_case_are_an_error(tmp_path):
    frames = good_layers()
    frames["settlements"]["NAME"] = ["other"]
    with pytest.raises(DataError, match="columns 'name' and 'NAME' differ only by case; "
                                        "rename or delete one of them"):
        load(project(tmp_path, frames))


def test_load_one_geopackage_file(tmp_path):
    gpkg = tmp_path / "project.gpkg"
    for kind, frame in good_layers().items():
        write(frame, gpkg, layer=kind)
    loaded = load(gpkg)
    assert sorted(loaded) == ["licenses", "posts", "settlements", "tailings"]
    assert load(tmp_path)["tailings"]["site_id"].tolist() == ["T-1", "T-2"]


def test_load_missing_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file or folder"):
        load(tmp_path / "nowhere")


def test_generated_benchmark_project_loads(tmp_path):
    from benchmarks.generate import generate

    loaded = load(generate(200, tmp_path / "p", seed=3))
    assert len(loaded["tailings"]) >= 200 and loaded.problems == []
