"""Every example in every module's docstrings runs and shows what it says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

from asmap import geo, layers, maps

MODULES = sorted(info.name for package in (geo, layers, maps)
                 for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."))


@pytest.mark.parametrize("name", MODULES)
def test_examples_run(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False,
                             report=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"
