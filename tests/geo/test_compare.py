"""`geo.compare`: across dates, data versions and rules; a result compared with itself."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from asmap import geo, layers
from asmap.geo.compare import layer_changes, results_of
from asmap.layers.errors import UsageError
from tests.geo.scenes import box, sites

SAMPLE = layers.sample_path()


@pytest.fixture(scope="module")
def project():
    return layers.load(SAMPLE)


@pytest.fixture(scope="module")
def april(project):
    return geo.analyze(project, on="2021-04-06")


def _records(table: pd.DataFrame, site_id: str) -> list[tuple[str, str, str]]:
    mine = table[table["site_id"] == site_id]
    return list(zip(mine["change"], mine["before"], mine["after"], strict=True))


def test_a_result_compared_with_itself_is_empty(april, tmp_path):
    assert geo.compare(april, april).empty
    path = geo.write_results(april, tmp_path / "results.gpkg")
    assert geo.compare(path, path).empty
    assert geo.compare(tmp_path, april).empty  # a folder holding results.gpkg
    assert list(geo.compare(april, april).columns) == ["site_id", "change", "before", "after"]


def test_across_dates_on_the_same_data(project, april):
    july = geo.analyze(project, on="2021-07-01")
    table = geo.compare(april, july)
    # RC-04 (planned 2021-09-20) is within the 90-day notice on 2021-07-01: it takes
    # 3.08 of ZT-11's 6 ha (so its window, which RC-04 closed, is gone: the ground it
    # would close is excluded now); ZP-01 went on 2021-05-29, so it is on no route any more
    assert _records(table, "ZT-11") == [("NOTES", "", "RECLAMATION"),
                                        ("AVAILABLE_HA", "6.00", "2.92"),
                                        ("ROUTE_KM", "27.9", "28.0"),
                                        ("POSTS_ON_ROUTE", "ZP-01", ""),
                                        ("WINDOW", "2021-09-20", "")]
    # its route ends at the available ground, which moved
    assert set(table["change"]) == {"NOTES", "AVAILABLE_HA", "ROUTE_KM", "POSTS_ON_ROUTE",
                                    "WINDOW"}
    assert table.attrs["on"] == (april.on, july.on)
    assert table.attrs["rules"] == {}
    found = layer_changes(april, july)
    assert found["posts_went"] == ["ZP-01", "ZP-02", "ZP-03", "ZP-04", "ZP-05"]
    assert found["licenses_went"] == [] and found["licenses_appeared"] == []


def test_different_rules_are_named_and_still_compared(project, april):
    strict = geo.analyze(project, on="2021-04-06", rules=april.rules.replace(min_area_ha=2))
    table = geo.compare(april, strict)
    assert table.attrs["rules"] == {"min_area_ha": (0.5, 2.0)}
    # ZT-03 (1.20 ha) and ZT-04 (1.50 ha) are too small under the stricter rule
    assert _records(table, "ZT-03") == [("NO_LONGER_ELIGIBLE", "eligible", "not_eligible"),
                                        ("REASONS", "", "TOO_SMALL")]
    assert sorted(table["site_id"].unique()) == ["ZT-03", "ZT-04"]


def test_across_data_versions_sites_licenses_and_routes(project, april):
    tailings = project["tailings"]
    newer = tailings[tailings["site_id"] != "ZT-28"].copy()
    extra = newer[newer["site_id"] == "ZT-01"].copy()
    extra["site_id"] = "ZT-29"
    newer = pd.concat([newer, extra], ignore_index=True)
    licenses = project["licenses"].copy()
    licenses.loc[licenses["license_id"] == "MV-011002", "holder"] = "New Holder LLC"
    version2 = dataclasses.replace(project, layers={**project.layers, "tailings": newer,
                                                    "licenses": licenses})
    table = geo.compare(april, geo.analyze(version2, on="2021-04-06"))
    assert _records(table, "ZT-28") == [("DISAPPEARED", "not_eligible", "")]
    assert _records(table, "ZT-29") == [("APPEARED", "", "eligible")]
    changed = table[table["change"] == "HOLDER"]
    assert set(changed["after"]) == {"New Holder LLC"}
    assert set(changed["before"]) == {"Заамар Голд ХХК (sample)"}
    assert (table[table["change"] == "NEGOTIATE_WITH"]["site_id"].tolist()
            == changed["site_id"].tolist())
    found = layer_changes(april, geo.analyze(version2, on="2021-04-06"))
    assert found["holders_changed"] == [("MV-011002", "Заамар Голд ХХК (sample)",
                                         "New Holder LLC")]


def test_route_and_area_tolerances():
    one = geo.analyze({"tailings": sites(box(0, 0, 100, 100))}, on="2021-04-06")
    two = dataclasses.replace(one, sites=one.sites.copy())
    two.sites["available_ha"] += 0.009  # less than 0.01 ha: the same
    assert geo.compare(one, two).empty
    two.sites["available_ha"] += 0.01
    assert geo.compare(one, two)["change"].tolist() == ["AVAILABLE_HA"]
    two.sites["route_km"] = [12.34]
    three = dataclasses.replace(two, sites=two.sites.copy())
    three.sites["route_km"] = [12.43]  # 90 m: the same route
    assert geo.compare(two, three).empty
    three.sites["route_km"] = [12.50]
    assert geo.compare(two, three)[["change", "before", "after"]].values.tolist() == [
        ["ROUTE_KM", "12.3", "12.5"]]


def test_agreement_and_window_columns_are_compared_when_both_have_them():
    base = geo.analyze({"tailings": sites(box(0, 0, 100, 100), box(500, 0, 600, 100))},
                       on="2021-04-06")
    one = dataclasses.replace(base, sites=base.sites.assign(
        agreement_id=["AG-1", None], agreement_status=["draft", None],
        window_opens=pd.to_datetime(["2021-06-01", None]), window_days=[90.0, None]))
    two = dataclasses.replace(base, sites=one.sites.assign(
        agreement_status=["signed", None], window_days=[120.0, None],
        window_opens=pd.to_datetime(["2021-07-01", None])))
    table = geo.compare(one, two)
    # the window's days count from each analysis's date: only its dates are compared
    assert table[["site_id", "change", "before", "after"]].values.tolist() == [
        ["S1", "WINDOW", "2021-06-01", "2021-07-01"], ["S1", "AGREEMENT", "draft", "signed"]]
    assert layer_changes(one, two)["agreements_changed"] == [
        ("AG-1", "agreement_status", "draft", "signed")]
    # only one side has them (results written before issue 14): not compared
    older = dataclasses.replace(base, sites=base.sites.drop(columns=[
        "window_opens", "window_closes", "window_days", "agreement_id", "agreement_status"]))
    assert geo.compare(older, two).empty


def test_bad_sources_say_what_to_give(tmp_path):
    with pytest.raises(UsageError, match="no such results file or folder"):
        results_of(tmp_path / "missing.gpkg")
    with pytest.raises(UsageError, match="has no results.gpkg"):
        results_of(tmp_path)

