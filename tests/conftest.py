"""Fixtures for every test (shared helpers and test geometries are in tests/helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder where tests keep screenshots and rendered pages for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch):
    """The command line speaks Mongolian unless told; most tests read its English words.

    Tests of the language setting itself unset ASMAP_LANG or pass --lang.
    """
    monkeypatch.setenv("ASMAP_LANG", "en")
