"""The offline map with an embedded basemap in headless Chromium, every request blocked."""

from __future__ import annotations

import pytest

from asmap.maps import write_map
from asmap.maps.basemap.area import grow_bounds
from asmap.maps.basemap.raster import PLAIN_RGB
from tests.maps.basemap_helpers import GREEN, aoi_degrees, solid_mbtiles
from tests.maps.browsing import open_offline
from tests.maps.handmade import handmade

pytestmark = pytest.mark.browser

TILE_STATE = """() => Array.from(document.querySelectorAll('.asmap-basemap img')).map(img =>
    [img.complete, img.naturalWidth, img.src.slice(0, 22)])"""
#: The colour under a screen point, read from the tile image drawn there.
COLOUR_AT = """([x, y]) => {
    const img = Array.from(document.querySelectorAll('.asmap-basemap img')).find(i => {
        const r = i.getBoundingClientRect();
        return r.left <= x && x < r.right && r.top <= y && y < r.bottom; });
    if (!img) { return null; }
    const r = img.getBoundingClientRect(), c = document.createElement('canvas');
    c.width = img.naturalWidth; c.height = img.naturalHeight;
    const g = c.getContext('2d'); g.drawImage(img, 0, 0);
    const sx = img.naturalWidth / r.width, sy = img.naturalHeight / r.height;  // enlarged?
    const d = g.getImageData(Math.floor((x - r.left) * sx), Math.floor((y - r.top) * sy),
                             1, 1).data;
    return [d[0], d[1], d[2]]; }"""


def test_embedded_tiles_show_with_no_network(browser, tmp_path, artifacts):
    basemap = solid_mbtiles(tmp_path / "green.mbtiles", bounds=grow_bounds(aoi_degrees(), 1),
                            zooms=(9, 13))
    out = write_map(handmade(), tmp_path / "map.html", lang="en", offline=True,
                    basemap=basemap)
    problems: list[str] = []
    requests: list[str] = []
    page = open_offline(browser, out, problems, requests)
    page.wait_for_function("document.querySelectorAll('.asmap-basemap img').length > 0")
    page.wait_for_function("""Array.from(document.querySelectorAll('.asmap-basemap img'))
        .every(img => img.complete)""")
    tiles = page.evaluate(TILE_STATE)
    assert tiles and all(done and width == 256 and src.startswith("data:image/png;base64")
                         for done, width, src in tiles)
    assert page.evaluate(COLOUR_AT, [640, 430]) == list(GREEN)
    assert "Basemap: Test tiles" in page.inner_text(".leaflet-control-attribution")
    checked = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.leaflet-control-layers-base input')).map(i => [i.checked,
        i.nextElementSibling.textContent.trim()])""")
    assert checked[0] == [True, "Basemap (green.mbtiles)"]
    assert sum(on for on, _ in checked) == 1
    page.screenshot(path=str(artifacts / "interactive-basemap-offline.png"))
    # far outside the embedded area: the plain background, never a broken image
    page.evaluate("""() => { const m = Object.values(window).find(v => v instanceof L.Map);
        m.setView([40.0, 90.0], 12, {animate: false}); }""")
    page.wait_for_function("document.querySelectorAll('.asmap-tile-plain').length > 0")
    assert page.evaluate(TILE_STATE) == []
    colour = page.evaluate("""() => getComputedStyle(
        document.querySelector('.asmap-tile-plain')).backgroundColor""")
    assert colour == "rgb({}, {}, {})".format(*PLAIN_RGB)
    assert [url for url in requests if not url.startswith("data:")] == [out.resolve().as_uri()]
    assert problems == []


def test_zoomed_past_the_file_shows_the_finest_tile_enlarged(browser, tmp_path):
    basemap = solid_mbtiles(tmp_path / "g.mbtiles", bounds=grow_bounds(aoi_degrees(), 1),
                            zooms=(9, 12))
    out = write_map(handmade(), tmp_path / "m.html", lang="en", offline=True, basemap=basemap)
    problems: list[str] = []
    page = open_offline(browser, out, problems, [])
    page.evaluate("""() => { const m = Object.values(window).find(v => v instanceof L.Map);
        m.setView(m.getCenter(), 15, {animate: false}); }""")
    # the tiles of zoom 15 (the last level shown; Leaflet may still hold the first view's)
    sizes = """() => { const levels = [...document.querySelectorAll(
        '.asmap-basemap .leaflet-tile-container')];
        const top = levels.find(l => l.style.zIndex === String(
            Math.max(...levels.map(x => +x.style.zIndex))));
        return [...top.querySelectorAll('.asmap-tile-ancestor')].map(
            t => t.style.backgroundSize); }"""
    # a view change of the page's own start (fitting the soum) may still be under way:
    # wait until zoom 15 is drawn, then check it holds zoom 12 tiles, 8 times larger
    # (and zoom back to 15 whenever that start moved the map away from it)
    page.wait_for_function(f"""() => {{ const m = Object.values(window).find(
        v => v instanceof L.Map);
        if (m.getZoom() !== 15) {{ m.setView(m.getCenter(), 15, {{animate: false}});
                                   return false; }}
        const s = ({sizes})();
        return s.length > 0 && s.every(x => x === s[0])
            && s[0] !== '512px 512px' && s[0] !== '1024px 1024px'; }}""")
    assert set(page.evaluate(sizes)) == {"2048px 2048px"}  # zoom 12 tiles, 8 times larger
    assert problems == []
