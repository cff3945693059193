"""The map's "changes" layer (issue 19) in real headless Chromium: off until ticked."""

from __future__ import annotations

import dataclasses

import pytest

from asmap import geo
from asmap.maps import write_map
from tests.maps.browsing import open_offline
from tests.maps.handmade import handmade

pytestmark = pytest.mark.browser


def test_changes_layer_is_off_until_ticked_and_says_what_changed(browser, tmp_path, artifacts):
    before = handmade()
    sites = before.sites.copy()
    sites.loc[sites["site_id"] == "S-01", ["eligible", "reasons"]] = [False, "TOO_SMALL"]
    after = dataclasses.replace(before, sites=sites)
    changes = geo.compare(before, after)
    assert changes["change"].tolist() == ["NO_LONGER_ELIGIBLE", "REASONS"]
    problems: list[str] = []
    page = open_offline(browser, write_map(after, tmp_path / "m.html", lang="en", offline=True,
                                           changes=changes), problems)
    assert page.locator("path.asmap-changes").count() == 0
    page.hover(".leaflet-control-layers")  # the layer list opens on hover
    page.locator(".leaflet-control-layers-overlays label", has_text="Changed sites") \
        .locator("input").check()
    assert page.locator("path.asmap-changes").count() == 1
    page.evaluate("asmap.registry['S-01']._map.fitBounds(asmap.registry['S-01'].getBounds())")
    page.mouse.move(640, 860)  # the layer list closes when the mouse leaves it
    box = page.locator("path.asmap-changes").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    popup = page.locator(".leaflet-popup-content", has_text="S-01")
    popup.wait_for()
    text = popup.inner_text()
    page.screenshot(path=str(artifacts / "interactive-changes-en.png"))
    assert "S-01: No longer eligible, Reasons changed" in text
    assert "Eligible → Not eligible" in text and "— → Too small" in text
    assert problems == []
    page.close()
