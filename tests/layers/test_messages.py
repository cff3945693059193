"""The words table: every code in Mongolian and English, and the engines' errors coded."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from asmap.layers.errors import UsageError
from asmap.layers.messages import LANGS, MESSAGES

GEO = Path(__file__).resolve().parents[2] / "geo"
#: Modules whose every error is said through the table (issue 18).
CODED_MODULES = ("analyze.py", "engine_dask.py", "dask_sites.py", "dataset.py")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_both_languages_and_mongolian_only_english_parameters(code):
    # English may have more: the plural endings ({s}) Mongolian does not need
    entry = MESSAGES[code]
    assert all(entry.get(lang, "").strip() for lang in LANGS), code
    assert fields(entry["mn"]) <= fields(entry["en"]), code


@pytest.mark.parametrize("module", CODED_MODULES)
def test_the_engines_raise_only_coded_errors(module):
    tree = ast.parse((GEO / module).read_text(encoding="utf-8"))
    literal = [node.lineno for node in ast.walk(tree)
               if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
               and node.func.id.endswith("Error") and node.func.id != "ProblemError"
               and (node.args or not any(k.arg == "code" for k in node.keywords))]
    assert literal == [], f"{module}: errors without code= at lines {literal}"


@pytest.mark.parametrize(("call", "en", "mn"), [
    (lambda: __import__("asmap.geo.analyze", fromlist=["analyze"]).analyze({}, engine="spark"),
     "unknown engine 'spark'; use one of: local, dask",
     "'spark' гэсэн хөдөлгүүр алга; эдгээрийн нэгийг хэрэглэнэ үү: local, dask"),
    (lambda: __import__("asmap.geo.analyze", fromlist=["analyze"]).analyze(
        {}, scheduler="tcp://127.0.0.1:9"),
     "a scheduler address needs engine='dask' (--engine dask)",
     "scheduler-ийн хаягт engine='dask' (--engine dask) хэрэгтэй"),
    (lambda: __import__("asmap.geo.engine_dask", fromlist=["x"]).analyze_dask(
        {}, npartitions=0),
     "npartitions must be at least 1, got 0", "npartitions дор хаяж 1 байх ёстой, 0 өгсөн"),
    (lambda: __import__("asmap.geo.dataset", fromlist=["x"]).check_dataset_path("r.gpkg"),
     "r.gpkg: a partitioned dataset is a folder named *.parquet",
     "r.gpkg: хуваасан өгөгдлийн багц нь *.parquet гэж нэрлэсэн хавтас байна"),
], ids=["engine", "scheduler", "npartitions", "dataset-name"])
def test_engine_usage_errors_in_both_languages(call, en, mn):
    with pytest.raises(UsageError) as error:
        call()
    assert (str(error.value), error.value.text("en"), error.value.text("mn")) == (en, en, mn)
