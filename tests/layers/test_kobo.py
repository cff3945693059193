"""Layers from KoboToolbox and ODK Central exports (fixtures shaped like the real ones)."""

from __future__ import annotations

import pytest

import pyogrio

from asmap.layers.errors import ProblemError
from asmap.layers.kobo import import_kobo
from asmap.layers.validate import validate
from tests.layers.kobo_exports import (
    BAD_ROWS,
    kobo_posts_xlsx,
    kobo_tailings_labels_csv,
    kobo_tailings_xlsx,
    odk_posts_csv,
)


def test_kobo_xlsx_xml_values_with_groups_photo_and_repeat_sheet(tmp_path):
    out = tmp_path / "tailings.gpkg"
    layer = import_kobo(kobo_tailings_xlsx(tmp_path / "visits.xlsx"), out, kind="tailings")
    assert layer["site_id"].tolist() == ["ZT-101", "ZT-102"]
    assert layer["stage"].tolist() == ["mined_out", "reclaiming"]
    assert layer["operator"].tolist() == ["Туул Алт ХХК", None]
    assert layer.loc[0, "photo"] == "1617700000001.jpg"
    assert layer.loc[0, "_uuid"] == "b1e50c1-9d0f-4a55-8d43-6b1a2c3d4e50"
    assert layer["_index"].tolist() == ["1", "2"]
    assert layer.loc[0, "_submission_time"] == "2021-04-01T09:10:00"
    assert "photo_URL" not in layer and "_validation_status" not in layer
    # the heap: lon 104.800-104.804, lat 48.200-48.203, closed, in that order (x = lon)
    assert layer.geometry[0].bounds == pytest.approx((104.8, 48.2, 104.804, 48.203))
    assert [name for name, _ in pyogrio.list_layers(out)] == ["tailings", "heaps"]
    heaps = pyogrio.read_dataframe(out, layer="heaps")
    assert heaps["heap_depth_m"].astype(float).tolist() == [2.5, 1.0]
    assert [p for p in validate(out) if p.is_error] == []


def test_kobo_csv_with_mongolian_labels_and_semicolons(tmp_path):
    out = tmp_path / "tailings.geojson"
    layer = import_kobo(kobo_tailings_labels_csv(tmp_path / "visits.csv"), out, kind="tailings")
    assert layer["site_id"].tolist() == ["ZT-201", "ZT-202"]
    assert layer["stage"].tolist() == ["mined_out", "reclaimed"]  # by their Mongolian labels
    assert layer["observed_on"].tolist() == ["2021-04-06", "2021-04-06"]
    assert [p for p in validate(out) if p.is_error] == []


def test_odk_central_csv_split_geopoint_and_label_choice(tmp_path):
    out = tmp_path / "posts.gpkg"
    layer = import_kobo(odk_posts_csv(tmp_path / "post_sighting.csv"), out, kind="posts")
    assert layer["post_id"].tolist() == ["ZP-101", "ZP-102"]
    assert layer["authority"].tolist() == ["police", "company"]  # "Компани" is company's label
    assert (layer.geometry[0].x, layer.geometry[0].y) == (104.774, 48.217)
    assert layer["precision_m"].tolist() == [4.8, 3.2]  # from location-Accuracy
    assert layer.loc[0, "radius_m"] == 300.0
    assert layer.loc[0, "_uuid"] == "d3a70e3-1f2b-4c77-af65-8d3c4e5f6a70"
    assert layer.loc[0, "_submission_time"] == "2021-04-06T01:05:11.208Z"
    assert [p.code for p in validate(out) if p.is_error] == ["pr_no_tailings"]  # posts alone


def test_kobo_xlsx_geopoint_text_column(tmp_path):
    layer = import_kobo(kobo_posts_xlsx(tmp_path / "posts.xlsx"), tmp_path / "posts.gpkg",
                        kind="posts")
    assert (layer.geometry[0].x, layer.geometry[0].y, layer.loc[0, "precision_m"]) == (
        104.79, 48.25, 6.5)
    assert layer.loc[0, "authority"] == "police"  # "Цагдаа"


def test_map_file_names_the_columns(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("q1,q2,where,_uuid\nZP-9,other,48.2 104.8 0 0,u9\n", encoding="utf-8")
    fields = tmp_path / "fields.toml"
    fields.write_text('[fields]\npost_id = "q1"\nauthority = "q2"\ngeometry = "where"\n')
    layer = import_kobo(export, tmp_path / "p.gpkg", kind="posts", fields=fields)
    assert (layer.loc[0, "post_id"], layer.loc[0, "authority"]) == ("ZP-9", "other")




def test_every_bad_row_is_one_problem_and_nothing_is_written(tmp_path):
    out = tmp_path / "tailings.gpkg"
    with pytest.raises(ProblemError) as caught:
        import_kobo(kobo_tailings_labels_csv(tmp_path / "bad.csv", rows=BAD_ROWS), out,
                    kind="tailings")
    lines = [p.line("en") for p in caught.value.problems]
    assert lines == [
        "bad.csv, row 2, field Талбайн хүрээ: no location; record the location again in the "
        "form, or delete the submission",
        "bad.csv, row 3, field Талбайн хүрээ: the outline has 2 points; an area needs at "
        "least 3; walk the outline again, tapping at least 3 corners",
        "bad.csv, row 4, field Талбайн хүрээ: the outline is not closed (its first and last "
        "points differ); record it as a geoshape (which closes), or end on the first point",
        "bad.csv, row 5, field Талбай/Үе шат: 'дууссан' is no choice asmap knows; use one of: "
        "active, mined_out, reclaiming, reclaimed (or their labels in the form), or map it in "
        "--map",
    ]
    assert caught.value.problems[0].line("mn").startswith(
        "bad.csv, 2-р мөр, талбар Талбайн хүрээ: байршил алга")
    assert not out.exists()


def test_settlements_from_a_geopoint_export(tmp_path):
    export = tmp_path / "settlements.csv"
    export.write_text("name;is_base;Байршил;_uuid;_index\n"
                      "Бат-Өлзий;true;48.21667 104.77389 1136 5;s-1;1\n"
                      "Хөвөө;false;48.3 104.6 1100 5;s-2;2\n", encoding="utf-8")
    layer = import_kobo(export, tmp_path / "settlements.gpkg", kind="settlements")
    assert layer["name"].tolist() == ["Бат-Өлзий", "Хөвөө"]
    assert layer["is_base"].tolist() == [True, False]
    assert (layer.geometry[0].x, layer.geometry[0].y) == (104.77389, 48.21667)
