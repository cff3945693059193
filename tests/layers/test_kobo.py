"""Layers from KoboToolbox and ODK Central exports (fixtures shaped like the real ones)."""

from __future__ import annotations

import pandas as pd
import pytest

import pyogrio

from asmap.layers.errors import ProblemError, UsageError
from asmap.layers.kobo import import_kobo
from asmap.layers.validate import validate
from tests.layers.kobo_exports import (
    BAD_ROWS,
    kobo_posts_xlsx,
    kobo_tailings_labels_csv,
    kobo_tailings_xlsx,
    odk_posts_csv,
    odk_tailings_zip,
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
    assert layer.loc[0, "_submission_time"] == "2021-04-01T09:10:00"  # a datetime cell
    assert layer["observed_on"].tolist() == ["2021-04-01", "2021-04-02"]  # date cells
    kept = {"photo_URL", "_id", "_validation_status", "_status", "__version__",
            "meta/rootUuid", "rootuuid"} & set(layer.columns)
    assert kept == set()
    # the heap: lon 104.800-104.804, lat 48.200-48.203, closed, in that order (x = lon)
    assert layer.geometry[0].bounds == pytest.approx((104.8, 48.2, 104.804, 48.203))
    assert [name for name, _ in pyogrio.list_layers(out)] == ["tailings", "heaps"]
    heaps = pyogrio.read_dataframe(out, layer="heaps")
    assert heaps["heap_depth_m"].astype(float).tolist() == [2.5, 1.0]
    assert heaps["_index"].tolist() == ["1", "2"]  # 1.0 in the sheet
    assert heaps["_parent_index"].tolist() == ["1", "1"]
    assert set(heaps["_submission__uuid"]) == {layer.loc[0, "_uuid"]}
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


def test_kobo_xlsx_mongolian_labels_geopoint_and_split_columns(tmp_path):
    layer = import_kobo(kobo_posts_xlsx(tmp_path / "posts.xlsx"), tmp_path / "posts.gpkg",
                        kind="posts")
    assert layer.loc[0, "post_id"] == "ZP-201"  # "Цэгийн дугаар"
    assert (layer.geometry[0].x, layer.geometry[0].y, layer.loc[0, "precision_m"]) == (
        104.79, 48.25, 6.5)  # from "Байршил"; the _Байршил_* columns are left out
    assert layer.loc[0, "authority"] == "police"  # "Цагдаа"
    assert pd.Timestamp(layer.loc[0, "observed_on"]) == pd.Timestamp("2021-04-06")  # a date cell
    assert layer.loc[0, "_index"] == "1"
    assert not [c for c in layer.columns if "Байршил" in c or "latitude" in c]


def test_odk_central_zip_main_csv_and_repeat_table(tmp_path):
    out = tmp_path / "tailings.gpkg"
    layer = import_kobo(odk_tailings_zip(tmp_path / "asmap_tailings_visit.zip"), out,
                        kind="tailings")
    assert layer["site_id"].tolist() == ["ZT-301", "ZT-302"]
    assert layer["stage"].tolist() == ["active", "reclaiming"]
    assert layer["_uuid"].tolist() == ["f5c90a4-2b3c-4d88-b076-9e4d5f6a7b80",
                                       "f5c91a4-2b3c-4d88-b076-9e4d5f6a7b81"]
    assert layer.loc[0, "_submission_time"] == "2021-04-07T03:15:42.517Z"
    assert layer.loc[0, "photo"] == "1617700000003.jpg"
    # HEAP_1: lon 104.800-104.804, lat 48.200-48.203 (0.0030 deg x 0.0040 deg)
    assert layer.geometry[0].bounds == pytest.approx((104.8, 48.2, 104.804, 48.203))
    assert [name for name, _ in pyogrio.list_layers(out)] == ["tailings", "heaps"]
    heaps = pyogrio.read_dataframe(out, layer="heaps")
    assert list(heaps.columns) == ["heap_depth_m", "PARENT_KEY", "KEY"]
    assert heaps["heap_depth_m"].astype(float).tolist() == [3.5, 0.8, 1.2]
    assert heaps["KEY"].tolist()[:2] == [
        "uuid:f5c90a4-2b3c-4d88-b076-9e4d5f6a7b80/heaps[1]",
        "uuid:f5c90a4-2b3c-4d88-b076-9e4d5f6a7b80/heaps[2]"]
    assert heaps["PARENT_KEY"].str.removeprefix("uuid:").tolist() == [
        layer.loc[0, "_uuid"], layer.loc[0, "_uuid"], layer.loc[1, "_uuid"]]
    assert [p for p in validate(out) if p.is_error] == []


def test_odk_central_zip_repeats_beside_a_geojson(tmp_path):
    out = tmp_path / "tailings.geojson"
    import_kobo(odk_tailings_zip(tmp_path / "export.zip"), out, kind="tailings")
    heaps = (tmp_path / "tailings_heaps.csv").read_text(encoding="utf-8").splitlines()
    assert heaps[0] == "heap_depth_m,PARENT_KEY,KEY" and len(heaps) == 4


def test_odk_central_zip_bad_rows_name_row_and_column(tmp_path):
    rows = [(site, stage, "", "", shape, "") for site, stage, shape in BAD_ROWS]
    out = tmp_path / "tailings.gpkg"
    with pytest.raises(ProblemError) as caught:
        import_kobo(odk_tailings_zip(tmp_path / "bad.zip", rows), out, kind="tailings")
    lines = [p.line("en") for p in caught.value.problems]
    assert [line.split(":")[0] for line in lines] == [
        "bad.zip, row 2, field outline", "bad.zip, row 3, field outline",
        "bad.zip, row 4, field outline", "bad.zip, row 5, field group_site-stage"]
    assert not out.exists()


@pytest.mark.parametrize(("extra", "n"), [
    ({"asmap_post_sighting.csv": "SubmissionDate,KEY\n"}, 2),   # two forms' tables
], ids=["two-main-tables"])
def test_odk_central_zip_needs_one_main_table(tmp_path, extra, n):
    export = odk_tailings_zip(tmp_path / "export.zip", extra=extra)
    with pytest.raises(UsageError) as caught:
        import_kobo(export, tmp_path / "t.gpkg", kind="tailings")
    assert caught.value.code == "kb_zip" and caught.value.params["n"] == n
    assert "asmap_post_sighting.csv" in caught.value.text("mn")
    assert not (tmp_path / "t.gpkg").exists()


def test_a_zip_that_is_not_one_says_so(tmp_path):
    export = tmp_path / "export.zip"
    export.write_text("SubmissionDate,KEY\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        import_kobo(export, tmp_path / "t.gpkg", kind="tailings")
    assert caught.value.code == "kb_bad_zip" and caught.value.exit_code == 2
    assert caught.value.text("mn").startswith("export.zip: ZIP файл биш")


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
