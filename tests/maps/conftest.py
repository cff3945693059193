"""Fixtures for the map tests: the hand-made analysis (tests/maps/handmade.py) and a browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from asmap.geo.result import Analysis
from tests.maps.handmade import handmade

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
def analysis() -> Analysis:
    """A fresh hand-made analysis (see tests/maps/handmade.py)."""
    return handmade()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Debian's, never a download)."""
    from playwright import sync_api

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run scripts/install-test-tools.sh"
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                        headless=True)
        yield chromium
        chromium.close()
