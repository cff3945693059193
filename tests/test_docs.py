"""The README's layer table is generated from the catalogue, so it cannot drift."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from asmap.layers.specs import SPECS

ROOT = Path(__file__).resolve().parent.parent


def _update_readme():
    spec = importlib.util.spec_from_file_location("update_readme",
                                                  ROOT / "scripts" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_catalogue_is_generated_from_the_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _update_readme().render(readme) == readme, (
        "README.md's layer table is out of date: run .venv/bin/python scripts/update_readme.py")


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    assert [line for line in quick.splitlines()[1:] if line.strip()] == ["make demo", "make test"]


def test_catalogue_names_fit_shapefiles():
    for spec in SPECS.values():
        for column in spec.columns:
            assert column.name == column.name.lower(), column.name
            shapefile_name = min([column.name, *column.aliases], key=len)
            assert len(shapefile_name) <= 10, column.name
            if len(column.name) > 10:
                assert spec.column(shapefile_name) is column
            if column.default is not None and column.allowed:
                assert column.default in column.allowed
        assert spec.id_column is None or spec.column(spec.id_column).unique


def test_only_contact_is_sensitive():
    sensitive = {(k, c.name) for k, s in SPECS.items() for c in s.columns if c.sensitive}
    assert sensitive == {("tailings", "contact"), ("licenses", "contact"),
                         ("agreements", "contact")}


def test_readme_pictures_exist():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert pictures, "the README shows the sample map and a print sheet"
    for picture in pictures:
        assert (ROOT / picture).stat().st_size > 10_000, picture
