"""Issue 14: the working window and the agreement checks, on hand-drawn ground.

The scene (UTM 48N, metres from X0, Y0):

- site A: 200 x 100 m = 2.00 ha, mined out on 2020-10-01, on license L1 (Gold One LLC);
- site B: 100 x 100 m = 1.00 ha, on license L2 (Gold Two LLC); its east half is under
  reclamation planned for 2021-05-01, within the 90-day notice, so 0.50 ha is left;
- site C: 100 x 100 m = 1.00 ha, an active mine on L3 (Gold One LLC);
- planned reclamation R1 from 2021-09-01 covers the east 50 m of A (0.50 ha, it does not
  exclude it yet: 148 days away), R3 from 2021-08-01 covers 0.5 x 100 m = 50 m² of A
  (less than 0.01 ha: it does not close the window).

On 2021-04-06, A's window closes 2021-09-01: 24 days of April + 31 + 30 + 31 + 31 + 1 = 148.
"""

from __future__ import annotations

import pandas as pd
import pytest

from asmap import geo, layers
from asmap.geo.agreements import same_name
from asmap.geo.schema import split as split_ids
from tests.geo.agreement_scenes import CASES, SIGNED, scene_layers, table
from tests.geo.scenes import ON, box


@pytest.fixture(scope="module")
def analysis():
    return geo.analyze(scene_layers(table()), on=ON)


def test_window_from_partial_reclamation_overlap(analysis):
    sites = analysis.sites.set_index("site_id")
    assert sites.at["A", "window_opens"] == pd.Timestamp("2020-10-01")
    assert sites.at["A", "window_closes"] == pd.Timestamp("2021-09-01")  # R1; not R3's 50 m²
    assert sites.at["A", "window_days"] == 148
    assert sites.at["A", "available_ha"] == pytest.approx(2.0, abs=1e-6)  # R1 takes nothing yet
    # B: R2 within the notice already excludes its east half; nothing later closes it
    assert sites.at["B", "available_ha"] == pytest.approx(0.5, abs=1e-6)
    assert pd.isna(sites.at["B", "window_closes"]) and pd.isna(sites.at["B", "window_days"])
    assert pd.isna(sites.at["B", "window_opens"])


def test_window_closes_once_the_small_overlap_is_big_enough():
    layers_ = scene_layers()
    rec = layers_["reclamation"]
    rec.loc[2, "geometry"] = box(-10, 0, 1.0, 100)  # 1 x 100 m = 100 m² = 0.01 ha
    sites = geo.analyze(layers_, on=ON).sites.set_index("site_id")
    assert sites.at["A", "window_closes"] == pd.Timestamp("2021-08-01")
    assert sites.at["A", "window_days"] == 117


@pytest.mark.parametrize("agreement_id", list(CASES))
def test_each_check_worked_by_hand(analysis, agreement_id):
    found = analysis.agreements.set_index("agreement_id")
    assert found.at[agreement_id, "checks"] == CASES[agreement_id][1]


def test_each_check_alone_in_its_own_table():
    for key in ("AG-UNSIGNED", "AG-LATE", "AG-OLD", "AG-NORES"):
        alone = geo.analyze(scene_layers(table({key: CASES[key]})), on=ON)
        assert alone.agreements["checks"].tolist() == [CASES[key][1]], key


def test_two_sites_on_two_licenses_map_both_grounds(analysis):
    found = analysis.agreements.set_index("agreement_id")
    assert found.at["AG-TWO", "mapped_ha"] == pytest.approx(2.5, abs=1e-6)  # 2.00 + 0.50
    area = found.loc[["AG-TWO"]].to_crs("EPSG:32648").area.iloc[0] / 10_000
    assert area == pytest.approx(2.5, abs=1e-4)


def test_sites_name_their_highest_agreement(analysis):
    sites = analysis.sites.set_index("site_id")
    # A: signed AG-OK is first among the signed ones; B: only proposed ones; C: a draft
    # (AG-ACTIVE) and the signed AG-ALL, which wins
    assert (sites.at["A", "agreement_id"], sites.at["A", "agreement_status"]) == (
        "AG-OK", "signed")
    assert (sites.at["B", "agreement_id"], sites.at["B", "agreement_status"]) == (
        "AG-TWO", "proposed")
    assert (sites.at["C", "agreement_id"], sites.at["C", "agreement_status"]) == (
        "AG-ALL", "signed")


def test_no_agreements_layer_gives_an_empty_output():
    analysis = geo.analyze(scene_layers(), on=ON)
    assert len(analysis.agreements) == 0 and "checks" in analysis.agreements.columns
    assert analysis.sites["agreement_id"].isna().all()


def test_results_round_trip_keeps_the_agreements(analysis, tmp_path):
    path = geo.write_results(analysis, tmp_path / "r.gpkg")
    back = geo.read_results(path).agreements.set_index("agreement_id")
    assert back.at["AG-ALL", "checks"] == CASES["AG-ALL"][1]
    assert back.at["AG-TWO", "mapped_ha"] == pytest.approx(2.5, abs=1e-6)
    sites = geo.read_results(path).sites.set_index("site_id")
    assert sites.at["A", "window_days"] == 148


def test_public_profile_leaves_out_contact(analysis):
    with_contact = analysis.agreements.assign(contact="+976 9900-0000")
    shared = geo.apply_profile(type(analysis)(**{**vars(analysis),
                                                 "agreements": with_contact}), "public")
    assert "contact" not in shared.agreements.columns
    assert {"checks", "mapped_ha", "company"} <= set(shared.agreements.columns)


# --- read from files like the NGO's ---------------------------------------------------

FILE_CASES = {k: CASES[k] for k in ("AG-OK", "AG-LATE", "AG-AREA", "AG-TWO-ONE")}


def _folder(tmp_path, write_table) -> object:
    folder = tmp_path / "project"
    folder.mkdir()
    for kind, frame_ in scene_layers().items():
        frame_.to_file(folder / f"{kind}.gpkg", engine="pyogrio")
    write_table(table(FILE_CASES), folder)
    return folder


@pytest.mark.parametrize("how", ["csv", "xlsx"])
def test_table_read_from_csv_and_xlsx(tmp_path, how):
    def write(frame_, folder):
        if how == "csv":
            frame_.to_csv(folder / "agreements.csv", index=False)
        else:  # real dates in the cells, as Excel keeps them
            for col in ("work_from", "work_until", "resolution_date", *SIGNED):
                frame_[col] = pd.to_datetime(frame_[col])
            frame_.to_excel(folder / "agreements.xlsx", index=False, engine="openpyxl")

    project = layers.load(_folder(tmp_path, write))
    assert project["agreements"]["work_until"].dtype.kind == "M"
    found = geo.analyze(project, on=ON).agreements.set_index("agreement_id")
    assert found["checks"].to_dict() == {k: v for k, (_, v) in FILE_CASES.items()}


def test_validate_names_an_unknown_site(tmp_path):
    folder = _folder(tmp_path, lambda f, d: f.assign(site_ids=["A", "A;Z-99", "A", "A;B"])
                     .to_csv(d / "agreements.csv", index=False))
    problems = [p for p in layers.validate(folder) if p.severity == "error"]
    assert len(problems) == 1
    line = problems[0].line()
    assert "AG-LATE" in line and "Z-99" in line and "UNKNOWN_SITE" in line


def test_bad_area_is_a_data_error_naming_the_row(tmp_path):
    folder = _folder(tmp_path, lambda f, d: f.assign(area_ha=[2.0, -1.0, 2.0, 2.0])
                     .to_csv(d / "agreements.csv", index=False))
    errors = [p.line() for p in layers.validate(folder) if p.severity == "error"]
    assert len(errors) == 1 and "AG-LATE" in errors[0] and "area_ha" in errors[0]


@pytest.mark.parametrize(("value", "expected"), [
    ("ZT-01;ZT-02", ["ZT-01", "ZT-02"]), (" ZT-01 ; ;", ["ZT-01"]), (None, []), ("", []),
])
def test_split_ids(value, expected):
    assert split_ids(value) == expected


def test_names_compare_without_case_and_spaces():
    assert same_name("Заамар Голд ХХК", "заамар  голдХХК")
    assert not same_name("Заамар Голд", "Туул Алт")
