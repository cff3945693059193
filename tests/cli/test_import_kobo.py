"""`asmap import kobo` through the command group, and the forms shipped in forms/."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from asmap.cli.main import cli
from asmap.layers.kobo_forms import CHOICES, FIELD_LABELS, FORMS
from tests.layers.kobo_exports import (
    BAD_ROWS,
    kobo_tailings_labels_csv,
    odk_posts_csv,
    odk_tailings_zip,
)

FORMS_DIR = Path(__file__).resolve().parents[2] / "forms"


def test_import_kobo_writes_a_layer_and_says_so(tmp_path):
    out = tmp_path / "posts.gpkg"
    result = CliRunner().invoke(cli, ["import", "kobo", str(odk_posts_csv(tmp_path / "p.csv")),
                                      "--kind", "posts", "--out", str(out), "--lang", "mn"])
    assert result.exit_code == 0, result.output
    assert f"{out}-д 2 posts бичлээ." in result.output


def test_import_kobo_reads_odk_centrals_zip_then_validate_passes(tmp_path):
    folder = tmp_path / "zaamar"
    folder.mkdir()
    out = folder / "tailings.gpkg"
    export = odk_tailings_zip(tmp_path / "asmap_tailings_visit.zip")
    result = CliRunner().invoke(cli, ["import", "kobo", str(export), "--kind", "tailings",
                                      "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert f"Wrote 2 tailings to {out}." in result.output
    checked = CliRunner().invoke(cli, ["validate", str(folder), "--lang", "en"])
    assert checked.exit_code == 0, checked.output


def test_import_kobo_a_broken_zip_is_a_usage_error(tmp_path):
    export = tmp_path / "export.zip"
    export.write_bytes(b"PK\x03\x04 cut short")
    for lang, words in (("en", "export.zip: not a ZIP file"), ("mn", "export.zip: ZIP файл биш")):
        result = CliRunner().invoke(cli, ["import", "kobo", str(export), "--kind", "tailings",
                                          "--out", str(tmp_path / "t.gpkg"), "--lang", lang])
        assert result.exit_code == 2 and words in result.output
    assert not (tmp_path / "t.gpkg").exists()


def test_import_kobo_bad_rows_one_line_each(tmp_path):
    export = kobo_tailings_labels_csv(tmp_path / "bad.csv", rows=BAD_ROWS)
    out = tmp_path / "tailings.gpkg"
    for lang, first, last in (
            ("en", "bad.csv, row 2, field Талбайн хүрээ: no location",
             "bad.csv: 4 problems; nothing was written"),
            ("mn", "bad.csv, 2-р мөр, талбар Талбайн хүрээ: байршил алга",
             "bad.csv: 4 асуудал; юу ч бичээгүй")):
        result = CliRunner().invoke(cli, ["import", "kobo", str(export), "--kind", "tailings",
                                          "--out", str(out), "--lang", lang])
        lines = result.output.strip().splitlines()
        assert result.exit_code == 1
        assert lines[0].startswith(first) and lines[-1].endswith(last)
        assert len(lines) == 5  # four rows, then what it means
    assert not out.exists()


def test_forms_are_xlsforms_pyxform_converts():
    from pyxform.xls2xform import convert

    for form_id in FORMS:
        result = convert(xlsform=str(FORMS_DIR / f"{form_id}.xlsx"))
        assert result.warnings == []
        assert "<h:title>" in result.xform and f"asmap_{form_id}" in result.xform


def test_forms_have_both_languages_and_the_catalogue_names():
    survey = pd.read_excel(FORMS_DIR / "tailings_visit.xlsx", sheet_name="survey")
    assert {"site_id", "stage", "outline", "observed_on", "precision_m", "photo",
            "notes"} <= set(survey["name"].dropna())
    assert survey.loc[survey["name"] == "stage", "label::Mongolian (mn)"].item() == "Үе шат"
    choices = pd.read_excel(FORMS_DIR / "post_sighting.xlsx", sheet_name="choices")
    assert choices["name"].tolist() == list(CHOICES["authority"])
    assert choices["label::English (en)"].tolist() == [e for _, e in
                                                         CHOICES["authority"].values()]
    assert FIELD_LABELS["post_id"] == tuple(
        pd.read_excel(FORMS_DIR / "post_sighting.xlsx", sheet_name="survey").set_index("name")
        .loc["post_id", ["label::Mongolian (mn)", "label::English (en)"]])


def test_forms_are_what_the_script_writes(tmp_path):
    import runpy

    script = runpy.run_path(str(FORMS_DIR.parent / "scripts" / "make_forms.py"))
    script["main"](tmp_path)
    for form_id in FORMS:
        assert (tmp_path / f"{form_id}.xlsx").read_bytes() == (
            FORMS_DIR / f"{form_id}.xlsx").read_bytes()
