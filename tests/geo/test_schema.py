"""One schema: a code added in `geo.schema` reaches every output without another edit."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest
from matplotlib.text import Text

from asmap import geo, layers
from asmap.geo import schema
from asmap.geo.schema import Code
from asmap.maps.brief.tables import sites_for_people
from asmap.maps.paper.page import site_sheet
from asmap.maps.web.legend import legend_html
from asmap.maps.web.popups import site_popup_pieces

FAKE = Code("reason", {"mn": "Уснаас хэт хол", "en": "Too far from water"},
            explain={"mn": "Угаах ус {km} км-ээс хол.",
                     "en": "Washing water is over {km} km away."})


@pytest.fixture(scope="module")
def sample():
    return geo.analyze(layers.load(layers.sample_path()), on=date(2021, 4, 6))


@pytest.fixture
def with_fake_reason(sample, monkeypatch):
    """The sample with ZT-01 not eligible for a reason that only `geo.schema` knows."""
    monkeypatch.setitem(schema.CODES, "NO_WATER", FAKE)
    sites = sample.sites.copy()
    row = sites.index[sites["site_id"] == "ZT-01"][0]
    sites.loc[row, ["eligible", "reasons"]] = [False, "NO_WATER"]
    return dataclasses.replace(sample, sites=sites)


def test_fake_reason_reaches_csv_popup_sheet_and_legend(with_fake_reason, tmp_path):
    analysis = with_fake_reason
    assert schema.codes("reason")[-1] == "NO_WATER"
    assert schema.site_categories()[-1] == "NO_WATER"

    geo.write_sites_csv(analysis, tmp_path / "sites.csv")
    csv = pd.read_csv(tmp_path / "sites.csv").set_index("site_id")
    assert csv.loc["ZT-01", "reasons"] == "NO_WATER"
    people = sites_for_people(analysis.sites, lang="en").set_index("site_id")
    assert people.loc["ZT-01", "reasons"] == "Too far from water"
    assert people.loc["ZT-01", "verdict"] == "Not eligible"

    row = analysis.sites[analysis.sites["site_id"] == "ZT-01"].iloc[0].to_dict()
    _title, pieces, _rows = site_popup_pieces(row, rules=analysis.rules, lang="mn")
    assert any("Уснаас хэт хол" in piece for piece in map(str, pieces))

    sheet = site_sheet(analysis, "ZT-01", lang="en", paper="A4", orientation="landscape")
    words = " ".join(t.get_text() for t in sheet.findobj(Text))
    assert "Too far from water" in words  # in the figures and in the sheet's legend

    legend = legend_html(lang="en", layers=["sites"], exclusion_kinds=[])
    assert "Too far from water" in legend


@pytest.mark.parametrize(("value", "expected"), [
    ("A;B", ["A", "B"]), (" A ; ;B ", ["A", "B"]), ("", []), (None, []),
    (float("nan"), []), (pd.NaT, []), (["A", None, "B"], ["A", "B"]),
], ids=["plain", "spaces-and-empties", "empty", "none", "nan", "nat", "list"])
def test_split(value, expected):
    assert schema.split(value) == expected


def test_join_keeps_first_seen_order_without_repeats():
    assert schema.join(["P-02", "P-01", "P-02", None, ""]) == "P-02;P-01"
    assert schema.split(schema.join(["a", "b"])) == ["a", "b"]


def test_every_output_layer_has_a_geometry_type_and_typed_columns():
    assert set(schema.LAYERS) == set(schema.GEOMETRY_TYPES)
    types = {c.type for cols in schema.LAYERS.values() for c in cols}
    assert types <= {"str", "float", "int", "bool", "date"}
    assert schema.code_columns("sites") == ("reasons", "notes", "unchecked")


def test_analysis_writes_the_schema_columns_first(sample):
    assert tuple(sample.sites.columns[:len(schema.columns("sites"))]) == schema.columns("sites")
    assert tuple(sample.conflicts.columns.drop("geometry")) == schema.columns("conflicts")


def test_every_title_names_the_soum_by_one_rule(sample):
    """Web map, print and brief titles take the soum's name from `Analysis.place_name`."""
    from asmap.maps.brief.prose import summary_markdown
    from asmap.maps.paper.page import print_pages
    from asmap.maps.web.legend import title_html

    assert sample.place_name() == sample.soum == "Заамар"  # the soum the analysis chose
    boundary = sample.layers["boundary"].drop(columns=["name"])  # a geoBoundaries file as is
    renamed = dataclasses.replace(sample, soum="",
                                  layers={**sample.layers, "boundary": boundary})
    assert renamed.place_name() == "Zaamar"
    assert "Zaamar" in title_html(renamed, lang="en")
    assert "Zaamar" in summary_markdown(renamed, lang="en").splitlines()[0]
    first = next(iter(print_pages(renamed, lang="en")))
    assert any("Zaamar" in text.get_text() for text in first.findobj(Text))
