"""Shared fixtures: small, explicit, with a CRS."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

UTM48N = "EPSG:32648"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder where tests keep screenshots and rendered pages for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def tree_hash(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below a folder, to prove a command did not modify its inputs."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch):
    """The command line speaks Mongolian unless told; most tests read its English words.

    Tests of the language setting itself unset ASMAP_LANG or pass --lang.
    """
    monkeypatch.setenv("ASMAP_LANG", "en")
