"""The synthetic benchmark generator: deterministic, catalogue-complete, valid."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import pyogrio
import shapely

from asmap import layers
from asmap.geo.rules import Rules
from asmap.layers.specs import KINDS, MEDIA, SPECS
from benchmarks.generate import generate, generate_layers

#: The generator draws every geometry kind; agreements (a table, issue 14) are not drawn.
KINDS = tuple(kind for kind in KINDS if kind != "agreements")


@pytest.fixture(scope="module")
def frames():
    return generate_layers(300, seed=7)


def test_same_seed_same_layers(frames):
    again = generate_layers(300, seed=7)
    for kind in KINDS:
        a, b = frames[kind], again[kind]
        pd.testing.assert_frame_equal(a.drop(columns="geometry"), b.drop(columns="geometry"))
        assert (shapely.to_wkb(a.geometry.values) == shapely.to_wkb(b.geometry.values)).all()


def test_other_seed_other_sites(frames):
    other = generate_layers(300, seed=8)["tailings"].geometry.values
    assert not shapely.equals(frames["tailings"].geometry.values, other).all()


def test_same_seed_same_bytes(tmp_path):
    a = generate(50, tmp_path / "a", seed=3, fmt="geojson")
    b = generate(50, tmp_path / "b", seed=3, fmt="geojson")
    for kind in KINDS:
        assert (a / f"{kind}.geojson").read_bytes() == (b / f"{kind}.geojson").read_bytes()


def test_counts_follow_the_number_of_sites(frames):
    counts = {kind: len(frame) for kind, frame in frames.items()}
    assert counts["tailings"] == 300
    assert counts["licenses"] == 15  # n / 20
    assert counts["reclamation"] == 6  # n / 50
    assert counts["settlements"] == 3
    assert frames["settlements"]["is_base"].sum() == 1


@pytest.mark.parametrize("kind", KINDS)
def test_catalogue_columns_values_and_geometry(frames, kind):
    spec, frame = SPECS[kind], frames[kind]
    assert frame.crs.to_epsg() == 4326
    media = {c.name for c in MEDIA}  # photos and documents are optional; generated sites have none
    assert set(spec.column_names) - media <= set(frame.columns)
    for col in (c for c in spec.columns if c.name not in media):
        values = frame[col.name]
        if col.required:
            assert values.notna().all(), col.name
        if col.allowed:
            assert set(values.dropna()) <= set(col.allowed), col.name
        if col.unique:
            assert values.is_unique, col.name
        if col.type == "date":
            assert pd.to_datetime(values.dropna(), format="%Y-%m-%d").notna().all()
    assert set(frame.geom_type) <= spec.geometry_types
    assert frame.is_valid.all()


def test_sites_are_realistic_sizes(frames):
    area_ha = frames["tailings"].to_crs("EPSG:32648").area.to_numpy() / 1e4
    assert area_ha.min() >= 0.29
    assert np.median(area_ha) == pytest.approx(2.4, abs=1.0)  # log-uniform 0.3-20 ha
    assert area_ha.max() < 30  # two-part sites add a third of their area


def test_project_gpkg_has_one_layer_per_kind_and_rules(tmp_path):
    folder = generate(100, tmp_path / "p", seed=1)
    names = [name for name, _ in pyogrio.list_layers(folder / "project.gpkg")]
    assert sorted(names) == sorted(KINDS)
    back = pyogrio.read_dataframe(folder / "project.gpkg", layer="licenses")
    assert len(back) == 5 and back["license_id"].is_unique
    assert Rules.from_toml(folder / "asmap.toml") == Rules()


def test_generated_project_passes_validate(tmp_path):
    folder = generate(200, tmp_path / "p", seed=2)
    errors = [p for p in layers.validate(folder) if getattr(p, "severity", "error") == "error"]
    assert errors == []


def test_dense_project_has_more_and_larger_licenses_and_zones():
    realistic, dense = generate_layers(2000, seed=3), generate_layers(2000, seed=3, dense=True)
    counts = {k: (len(realistic[k]), len(dense[k]))
              for k in ("licenses", "reclamation", "restricted")}
    assert counts == {"licenses": (100, 200), "reclamation": (40, 200), "restricted": (10, 100)}
    area = {name: frame["licenses"].to_crs("EPSG:32648").area.max() / 10_000
            for name, frame in (("realistic", realistic), ("dense", dense))}
    assert area["realistic"] <= 1810 and 1810 < area["dense"] <= 5000.01
    assert len(dense["tailings"]) == len(realistic["tailings"]) == 2000
