"""The interactive map in real headless Chromium, every network request blocked offline."""

from __future__ import annotations

from datetime import date

import pytest

from asmap.maps import write_map
from tests.maps.browsing import open_offline, popup_text
from tests.maps.handmade import handmade

pytestmark = pytest.mark.browser

LAYER_CLASSES = ["boundary", "licenses", "conflicts", "exclusions-river_buffer",
                 "exclusions-restricted", "exclusions-reclamation", "exclusions-post_zone",
                 "reclamation", "restricted", "rivers", "roads", "routes", "sites",
                 "eligible-parts", "posts", "posts-zone", "settlements"]
CONTROLS = [".asmap-fullscreen-button", ".asmap-measure-button", ".asmap-search-input",
            ".leaflet-control-scale", ".asmap-coordinates", ".asmap-minimap",
            ".leaflet-control-layers-toggle", ".asmap-legend", ".asmap-title"]


@pytest.mark.parametrize(("lang", "verdicts", "legend"), [
    ("en", {"S-01": "Eligible", "S-02": "Eligible but unverified", "S-03": "Not eligible"},
     ["Legend", "Too far", "Post and its zone"]),
    ("mn", {"S-01": "Ашиглах боломжтой", "S-02": "Ашиглах боломжтой (баталгаажаагүй)",
            "S-03": "Ашиглах боломжгүй"}, ["Тайлбар", "Хэт хол", "Голын хамгаалалтын бүс"]),
])
def test_offline_map_works_with_no_network(browser, tmp_path, artifacts, lang, verdicts, legend):
    problems: list[str] = []
    out = write_map(handmade(), tmp_path / f"map-{lang}.html", lang=lang, offline=True)
    page = open_offline(browser, out, problems)
    counts = page.evaluate("""names => Object.fromEntries(names.map(n =>
        [n, document.querySelectorAll('path.asmap-' + n).length]))""", LAYER_CLASSES)
    assert all(counts[n] > 0 for n in LAYER_CLASSES), counts
    for selector in CONTROLS:
        assert page.locator(selector).count() == 1, selector
    text = page.inner_text(".asmap-legend")
    assert all(word in text for word in legend)
    for site_id, verdict in verdicts.items():
        assert popup_text(page, site_id).splitlines()[1] == verdict
    # icons: our buttons draw inline SVG, the layer control's icon is an inlined PNG that loads
    assert page.locator(".asmap-button svg path, .asmap-button svg circle").count() >= 3
    loaded = page.evaluate("""() => new Promise(done => {
        const css = getComputedStyle(document.querySelector('.leaflet-control-layers-toggle'));
        const url = css.backgroundImage.slice(5, -2);
        if (!url.startsWith('data:image/png')) { done(0); return; }
        const img = new Image(); img.onload = () => done(img.naturalWidth);
        img.onerror = () => done(0); img.src = url; })""")
    assert loaded > 0
    page.screenshot(path=str(artifacts / f"interactive-handmade-{lang}.png"))
    assert page.evaluate("window.__pwned") is None
    assert problems == []
    page.close()


def test_clicks_tools_and_hostile_names(browser, tmp_path, artifacts):
    problems: list[str] = []
    page = open_offline(browser, write_map(handmade(), tmp_path / "m.html", lang="en",
                                           offline=True), problems)
    # a real click on a site opens its popup
    page.evaluate("asmap.registry['S-01']._map.fitBounds(asmap.registry['S-01'].getBounds(),"
                  " {animate: false})")
    box = page.evaluate("""() => { const r = asmap.registry['S-01']._path
        .getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }""")
    page.mouse.click(*box)
    assert "Eligible" in page.inner_text(".leaflet-popup-content")
    # hostile names show as text
    assert "<img src=x onerror=alert(1)>" in popup_text(page, "S-06")
    assert '"><script>window.__pwned=1</script>' in popup_text(page, "S-07")
    # search by name with a hostile query, then by id
    page.fill(".asmap-search-input", "S-0")
    assert page.locator(".asmap-search-hit").count() == 7
    page.fill(".asmap-search-input", "S-05")
    page.press(".asmap-search-input", "Enter")
    assert "The route from the base is 52.0 km" in popup_text(page, "S-05")
    assert page.evaluate("asmap.registry['S-05'].isPopupOpen()")
    # measure: three clicks give a distance and an area
    page.fill(".asmap-search-input", "")
    page.mouse.click(900, 300)  # close the popup and leave the search box
    page.wait_for_timeout(400)
    page.click(".asmap-measure-button")
    for x, y in ((500, 400), (700, 400), (700, 600)):
        page.mouse.click(x, y)
        page.wait_for_timeout(400)  # separate clicks, not a double click
    result = page.inner_text(".asmap-measure-result")
    page.screenshot(path=str(artifacts / "interactive-measure-en.png"))
    assert "Distance" in result and "km" in result and "Area" in result and "ha" in result
    page.click(".asmap-measure-button")
    # coordinates under the mouse, full screen on and off
    page.mouse.move(640, 430)
    assert "° N" in page.inner_text(".asmap-coordinates")
    page.click(".asmap-fullscreen-button")
    assert "asmap-fullscreen-on" in page.get_attribute(".folium-map", "class")
    page.screenshot(path=str(artifacts / "interactive-tools-en.png"))
    page.click(".asmap-fullscreen-button")
    assert "asmap-fullscreen-on" not in page.get_attribute(".folium-map", "class")
    assert page.evaluate("window.__pwned") is None
    assert problems == []
    page.close()


def test_bundled_sample_every_popup(browser, tmp_path, artifacts):
    from asmap import geo, layers
    from asmap.geo.schema import verdict
    from asmap.maps.i18n import t

    analysis = geo.analyze(layers.load(layers.sample_path()), on=date(2021, 4, 6))
    problems: list[str] = []
    page = open_offline(browser, write_map(analysis, tmp_path / "z.html", offline=True),
                        problems)
    for row in analysis.sites.drop(columns="geometry").to_dict("records"):
        text = popup_text(page, row["site_id"])
        assert text.splitlines()[1] == t(verdict(row), "mn"), row["site_id"]
    page.evaluate("Object.values(asmap.registry)[0]._map.closePopup()")
    page.screenshot(path=str(artifacts / "interactive-sample-mn.png"))
    assert problems == []
    page.close()


def test_template_looking_names_show_literally(browser, tmp_path):
    """Folium renders its page through Jinja; a name that looks like a template stays text."""
    analysis = handmade()
    sites = analysis.sites
    sites.loc[sites["site_id"] == "S-01", "name"] = "{{ 7*7 }}"
    sites.loc[sites["site_id"] == "S-02", "name"] = "{% for x in range(3) %}x{% endfor %}"
    problems: list[str] = []
    page = open_offline(browser, write_map(analysis, tmp_path / "m.html", lang="en",
                                           offline=True), problems)
    assert "{{ 7*7 }}" in popup_text(page, "S-01")
    assert "49" not in popup_text(page, "S-01")
    assert "{% for x in range(3) %}x{% endfor %}" in popup_text(page, "S-02")
    page.fill(".asmap-search-input", "{{ 7")
    assert page.locator(".asmap-search-hit").count() == 1
    assert problems == []
    page.close()
