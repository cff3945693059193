"""`geo.timeline`: hand-worked events, and the same answers as `analyze --on` on the sample."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

import geopandas as gpd

from asmap import geo, layers
from asmap.geo.timeline import LongPeriodWarning, events
from asmap.layers.errors import DataError, UsageError
from asmap.maps.brief.timeline import sentences
from tests.geo.scenes import UTM48N, box, frame, pt, sites

START, END = "2021-01-01", "2021-12-31"


def _rows(table: pd.DataFrame) -> list[tuple]:
    return [(str(r["from"]), str(r["until"]), bool(r["eligible"]), r["reasons"], r["notes"],
             r["changed_by"]) for r in table.to_dict("records")]


def test_post_ending_makes_a_site_eligible_the_day_after():
    # a 1 ha site (100 m square) wholly inside the 300 m zone of post P1, which stands
    # until 2021-06-30: nothing to work until then, all of it from 2021-07-01
    project = {"tailings": sites(box(0, 0, 100, 100)),
               "posts": frame([pt(50, 50)], post_id=["P1"], authority=["police"],
                              start_date=["2020-01-01"], end_date=["2021-06-30"])}
    table = geo.timeline(project, START, END)
    assert _rows(table) == [
        ("2021-01-01", "2021-06-30", False, "TOO_SMALL", "POST_ZONE", ""),
        ("2021-07-01", "2021-12-31", True, "", "", "POST_END:P1"),
    ]
    assert sentences(table, lang="en") == [
        "S1 becomes eligible on 2021-07-01, when post P1 ends"]
    assert table.attrs["dates"] == [date(2021, 1, 1), date(2021, 7, 1)]


def test_post_put_up_takes_the_site_away():
    project = {"tailings": sites(box(0, 0, 100, 100)),
               "posts": frame([pt(50, 50)], post_id=["P1"], authority=["police"],
                              start_date=["2021-03-15"], end_date=[None])}
    table = geo.timeline(project, START, END)
    assert _rows(table) == [
        ("2021-01-01", "2021-03-14", True, "", "", ""),
        ("2021-03-15", "2021-12-31", False, "TOO_SMALL", "POST_ZONE", "POST_START:P1"),
    ]
    assert sentences(table, lang="en") == [
        "S1 stops being eligible on 2021-03-15 (Too small), when post P1 is put up"]


def test_license_expiring_hands_the_site_to_the_local_government():
    project = {"tailings": sites(box(0, 0, 100, 100)),
               "licenses": frame([box(-500, -500, 500, 500)], license_id=["MV-1"],
                                 holder=["Gold LLC"], kind=["mining"], status=["active"],
                                 start_date=["2010-01-01"], end_date=["2021-03-31"])}
    table = geo.timeline(project, START, END)
    assert [(str(r["from"]), str(r["until"]), r["negotiate_with"], r["changed_by"])
            for r in table.to_dict("records")] == [
        ("2021-01-01", "2021-03-31", "Gold LLC", ""),
        ("2021-04-01", "2021-12-31", "local government", "LICENSE_END:MV-1")]
    assert table["eligible"].tolist() == [True, True]
    assert sentences(table, lang="en") == [
        "S1: Negotiate with changes on 2021-04-01, when license MV-1 expires"]


def test_reclamation_enters_the_notice_window():
    # planned to start on 2021-09-29; with 90 days' notice it blocks the site from
    # 2021-09-29 - 90 days = 2021-07-01
    project = {"tailings": sites(box(0, 0, 100, 100)),
               "reclamation": frame([box(-10, -10, 110, 110)], area_id=["R1"],
                                    status=["planned"], start_date=["2021-09-29"])}
    table = geo.timeline(project, START, END, rules={"reclamation_notice_days": 90})
    assert _rows(table) == [
        ("2021-01-01", "2021-06-30", True, "", "", ""),
        ("2021-07-01", "2021-12-31", False, "TOO_SMALL", "RECLAMATION",
         "RECLAMATION_NOTICE:R1"),
    ]
    shorter = geo.timeline(project, START, END, rules={"reclamation_notice_days": 10})
    assert str(shorter["from"].iloc[1]) == "2021-09-19"


def test_agreement_dates_are_events_and_analysed():
    project = {"tailings": sites(box(0, 0, 100, 100), box(1000, 0, 1100, 100)),
               "agreements": gpd.GeoDataFrame({
                   "agreement_id": ["AG-1"], "site_ids": ["S1"], "status": ["draft"],
                   "signed_company": pd.to_datetime(["2021-05-10"]),
                   "signed_government": pd.to_datetime(["2021-05-20"]),
                   "signed_ngo": pd.to_datetime([None]),
                   "work_from": pd.to_datetime(["2021-06-01"]),
                   "work_until": pd.to_datetime(["2021-08-31"]),
                   "resolution_date": pd.to_datetime(["2021-05-25"])},
                   geometry=[None], crs=UTM48N)}
    found = events(project, START, END)
    assert list(zip(found["date"].astype(str), found["event"], found["id"], strict=True)) == [
        ("2021-05-10", "SIGNED_COMPANY", "AG-1"), ("2021-05-20", "SIGNED_GOVERNMENT", "AG-1"),
        ("2021-05-25", "RESOLUTION", "AG-1"), ("2021-06-01", "WORK_FROM", "AG-1"),
        ("2021-09-01", "WORK_UNTIL", "AG-1")]
    table = geo.timeline(project, START, END)
    assert table.attrs["dates"] == [date(2021, 1, 1), *sorted(set(found["date"]))]
    # whatever the analysis makes of an agreement, a verdict changes only on its dates,
    # and the change names the agreement of that site
    later = table[table["from"] > date(2021, 1, 1)]
    assert set(later["from"]) <= set(found["date"])
    assert all("AG-1" in why for why in later["changed_by"])
    assert set(later["site_id"]) <= {"S1"}


def test_an_agreement_date_that_is_not_a_date_names_the_row():
    project = {"tailings": sites(box(0, 0, 100, 100)),
               "agreements": gpd.GeoDataFrame({"agreement_id": ["AG-1", "AG-2"],
                                               "signed_ngo": ["2021-05-01", "soon"]},
                                              geometry=[None, None], crs=UTM48N)}
    with pytest.raises(DataError, match="agreements: agreement_id AG-2 has signed_ngo 'soon', "
                                        "which is not a date; write it as YYYY-MM-DD"):
        geo.timeline(project, START, END)


def test_events_outside_the_period_are_left_out():
    project = {"tailings": sites(box(0, 0, 100, 100)),
               "posts": frame([pt(50, 50)] * 2, post_id=["P1", "P2"], authority=["police"] * 2,
                              start_date=["2021-01-01", "2022-02-01"],
                              end_date=["2021-12-31", None])}
    # P1 starts on the first day (no change inside the period) and ends after it
    assert events(project, START, END).empty
    table = geo.timeline(project, START, END)
    assert _rows(table) == [("2021-01-01", "2021-12-31", False, "TOO_SMALL", "POST_ZONE", "")]


def test_only_the_sites_asked_for():
    table = geo.timeline(layers.load(layers.sample_path()), START, END, sites=["ZT-11"])
    assert set(table["site_id"]) == {"ZT-11"}
    with pytest.raises(UsageError, match="no site 'ZT-99'"):
        geo.timeline(layers.load(layers.sample_path()), START, END, sites=["ZT-99"])


def test_from_after_to_is_a_usage_error():
    with pytest.raises(UsageError, match="after it ends"):
        geo.timeline({"tailings": sites(box(0, 0, 100, 100))}, "2022-01-01", "2021-01-01")


def test_a_period_over_ten_years_warns():
    with pytest.warns(LongPeriodWarning, match="over ten years"):
        table = geo.timeline({"tailings": sites(box(0, 0, 100, 100))}, "2010-01-01",
                             "2021-12-31")
    assert _rows(table) == [("2010-01-01", "2021-12-31", True, "", "", "")]


def test_timeline_equals_analyze_on_every_event_date_of_a_year_on_the_sample():
    project = layers.load(layers.sample_path())
    table = geo.timeline(project, "2021-04-06", "2022-04-05")
    dates = table.attrs["dates"]
    # AG-2021-02's work starts on 2021-05-01, AG-2021-01's ends on 2021-10-31
    assert [str(d) for d in dates] == ["2021-04-06", "2021-05-01", "2021-05-29", "2021-06-03",
                                       "2021-06-22", "2021-11-01"]
    # the event dates, the day before each, and some days between them
    days = sorted(set(dates) | {d - timedelta(days=1) for d in dates[1:]}
                  | {date(2021, 8, 15), date(2022, 4, 5)})
    columns = ["eligible", "reasons", "notes", "negotiate_with", "posts_on_route"]
    for day in days:
        fresh = geo.analyze(project, on=day).sites.set_index("site_id")
        now = table[(table["from"] <= day) & (table["until"] >= day)].set_index("site_id")
        assert sorted(now.index) == sorted(fresh.index), day
        expected = fresh.loc[now.index, columns].astype(object).where(
            fresh.loc[now.index, columns].notna(), None)
        assert now[columns].astype(object).to_dict("index") == expected.to_dict("index"), day
    # every site is covered from the first day to the last, without gaps
    for _, group in table.groupby("site_id"):
        assert str(group["from"].iloc[0]) == "2021-04-06"
        assert str(group["until"].iloc[-1]) == "2022-04-05"
        assert all(b == a + timedelta(days=1) for a, b in zip(group["until"].iloc[:-1],
                                                              group["from"].iloc[1:],
                                                              strict=True))
    zt11 = table[table["site_id"] == "ZT-11"]
    assert zt11["changed_by"].tolist() == ["", "POST_END:ZP-01", "RECLAMATION_NOTICE:RC-04"]
