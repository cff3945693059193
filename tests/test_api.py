"""The public Python API: names, numpydoc docstrings with examples, project exceptions."""

from __future__ import annotations

import doctest
import inspect
import pydoc
import re

import pytest

from asmap import geo, layers, maps
from asmap.layers import AsmapError, DataError, UsageError

#: The surface issue 7 promises analysts, by package.
PROMISED = {
    layers: ("load", "validate", "sample_path", "read_layer", "Project", "Problem",
             "AsmapError", "DataError", "UsageError"),
    geo: ("analyze", "Rules", "Analysis", "write_results", "read_results", "summarize"),
    maps: ("site_map", "print_map", "write_map", "write_print", "write_brief"),
}


def _functions():
    for package in (layers, geo, maps):
        for name in package.__all__:
            obj = getattr(package, name)
            if inspect.isfunction(obj):
                yield pytest.param(obj, id=f"{package.__name__}.{name}")


def _sections(doc: str) -> dict[str, str]:
    """numpydoc sections by title (``Parameters``, ``Returns``, ...)."""
    parts = re.split(r"^(\w[\w ]*)\n-{3,}\n", doc, flags=re.M)
    return {title: body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.mark.parametrize("package", list(PROMISED), ids=lambda p: p.__name__)
def test_promised_names_are_exported(package):
    missing = [n for n in PROMISED[package] if n not in package.__all__]
    assert missing == []
    assert all(getattr(package, n) is not None for n in package.__all__)


@pytest.mark.parametrize("function", list(_functions()))
def test_public_function_docstring(function):
    doc = inspect.getdoc(function)
    assert doc and doc.splitlines()[0].strip(), "a one-line summary first"
    sections = _sections(doc)
    params = [p for p in inspect.signature(function).parameters.values()
              if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if params:
        assert "Parameters" in sections
        named = re.findall(r"^(\w+(?:, \w+)*)\s*$", sections["Parameters"], flags=re.M)
        documented = {n for line in named for n in line.split(", ")}  # "paper, orientation"
        assert [p.name for p in params if p.name not in documented] == []
    assert "Returns" in sections
    assert ">>>" in sections.get("Examples", "")
    hints = inspect.get_annotations(function)
    assert "return" in hints and all(p.name in hints for p in params), "type hints everywhere"


@pytest.mark.parametrize("obj", [layers.load, layers.validate, layers.sample_path,
                                 layers.read_layer, geo.analyze, geo.Rules, geo.summarize],
                         ids=lambda o: o.__name__)
def test_docstring_examples_run(obj):
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(obj, globs={**vars(inspect.getmodule(obj))}):
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.attempted > 0 and results.failed == 0


def test_help_of_analyze_says_what_comes_back():
    text = pydoc.render_doc(geo.analyze, renderer=pydoc.plaintext)
    for output in ("sites", "eligible_parts", "exclusions", "routes", "conflicts",
                   "reasons", "summary()"):
        assert output in text


def test_classes_are_documented():
    for cls in (layers.Project, layers.Problem, geo.Analysis, geo.Rules, AsmapError):
        assert inspect.getdoc(cls)
    for method in ("from_toml", "replace", "from_mapping", "as_dict"):
        assert inspect.getdoc(getattr(geo.Rules, method))


def test_rules_defaults_toml_and_keywords(tmp_path):
    toml = tmp_path / "asmap.toml"
    toml.write_text("[rules]\nriver_buffer_m = 150\nmin_area_ha = 1\n", encoding="utf-8")
    assert geo.Rules().river_buffer_m == 200.0
    rules = geo.Rules.from_toml(toml, min_area_ha=2)
    assert (rules.river_buffer_m, rules.min_area_ha) == (150.0, 2.0)
    assert rules.replace(max_route_km=25).as_dict() == {**rules.as_dict(), "max_route_km": 25.0}


def test_exception_hierarchy():
    for cls, code in ((DataError, 1), (UsageError, 2)):
        assert issubclass(cls, AsmapError) and issubclass(cls, ValueError)
        assert cls.exit_code == code
    assert layers.errors.DataError is DataError


@pytest.mark.parametrize(("call", "error", "words"), [
    (lambda: layers.load("/no/such/folder"), UsageError, "folder"),
    (lambda: layers.sample_path("gobi"), UsageError, "zaamar"),
    (lambda: geo.analyze({}), DataError, "tailings"),
    (lambda: geo.analyze(layers.load(layers.sample_path()), on="6 April"), UsageError,
     "YYYY-MM-DD"),
    (lambda: geo.Rules(min_area_ha=-1), UsageError, "min_area_ha"),
    (lambda: geo.Rules().replace(river_bufer_m=100), UsageError, "river_buffer_m"),
], ids=["load-missing", "sample-unknown", "no-tailings", "bad-date", "negative-rule",
        "misspelt-rule"])
def test_errors_are_project_exceptions(call, error, words):
    with pytest.raises(error) as caught:
        call()
    assert words in str(caught.value)
    assert "\n" not in str(caught.value), "one line"


def test_bad_data_is_a_data_error(tmp_path):
    (tmp_path / "tailings.geojson").write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"site_id": "A", "stage": "dug"}, "geometry": {"type": "Polygon", "coordinates": '
        '[[[104.7, 48.2], [104.71, 48.2], [104.71, 48.21], [104.7, 48.2]]]}}]}',
        encoding="utf-8")
    with pytest.raises(DataError, match="'dug' is not allowed"):
        layers.load(tmp_path)
    [problem] = layers.validate(tmp_path)
    assert (problem.severity, problem.feature, problem.field) == ("error", "A", "stage")
