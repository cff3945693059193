"""Large interactive maps: compact data, every site present, canvas and dots, popups work."""

from __future__ import annotations

import json
import re

import pytest

from asmap.maps import write_map
from asmap.maps.web.compact import encode_geometries, shared_segments
from asmap.maps.web.map import CANVAS_FROM

N_SITES = 5000


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A generated 5,000-site analysis and its offline map (English)."""
    from asmap import geo
    from benchmarks import generate

    analysis = geo.analyze(generate.generate_layers(N_SITES, seed=3), on=generate.ON)
    out = write_map(analysis, tmp_path_factory.mktemp("large") / "map.html", lang="en",
                    offline=True)
    return analysis, out


def _layer_json(html: str, layer: str) -> dict:
    """The data argument of the ``asmap.vectorLayer`` call that draws `layer`."""
    for call in html.split("asmap.vectorLayer(")[1:]:
        data, options = call.split(",", 1)[1].rsplit(");", 1)[0], ""
        decoder = json.JSONDecoder()
        parsed, end = decoder.raw_decode(data.lstrip())
        options = data.lstrip()[end:]
        if f'"layer":"{layer}"' in options:
            return parsed
    raise AssertionError(f"no layer {layer}")


def test_large_map_is_compact_and_has_every_site(large):
    analysis, out = large
    assert out.stat().st_size < 10_000_000
    html = out.read_text(encoding="utf-8")
    sites = _layer_json(html, "sites")
    assert sorted(f["id"] for f in sites["features"]) == sorted(analysis.sites["site_id"])
    assert all(len(f["g"]) >= 1 and f["d"] for f in sites["features"])
    eligible = analysis.sites["eligible"].sum()
    verdicts = [f for f in sites["features"] if f["c"] in ("eligible", "unverified")]
    assert len(verdicts) == eligible
    routes = _layer_json(html, "routes")
    assert len(routes["features"]) == 1  # one network of shared segments, not 5,000 lines
    assert len(analysis.routes) > CANVAS_FROM
    assert not re.search(r"\d\.\d{7,}", html.split("</script>", 2)[-1])


def test_shared_segments_and_encoding():
    import shapely

    lines = [shapely.LineString([(0, 0), (1, 0), (1, 1)]),
             shapely.LineString([(1, 1), (1, 0), (0, 0), (0, -1)])]
    merged = shared_segments(lines)
    assert shapely.length(merged) == pytest.approx(3.0)
    point, line, square = encode_geometries(
        [shapely.Point(105.1234567, 48.5), lines[0], shapely.box(0, 0, 1e-6, 2e-6)])
    assert point == [48.5, 105.123457]
    assert [_decode(text) for text in line] == [[(0, 0), (0, 10**6), (10**6, 10**6)]]
    # box's ring from (maxx, miny) anticlockwise, as (lat, lon), closing vertex left out
    assert [[_decode(r) for r in part] for part in square] == [[[(0, 1), (2, 1), (2, 0),
                                                                  (0, 0)]]]


def _decode(text: str) -> list[tuple[int, int]]:
    """Encoded polyline -> (lat, lon) in 1e-6 degree, written out from the format's spec."""
    values, value, shift = [], 0, 0
    for char in text:
        chunk = ord(char) - 63
        value |= (chunk & 31) << shift
        shift += 5
        if chunk < 32:
            values.append(~(value >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    lat = lon = 0
    out = []
    for dlat, dlon in zip(values[::2], values[1::2], strict=True):
        lat, lon = lat + dlat, lon + dlon
        out.append((lat, lon))
    return out


@pytest.mark.browser
def test_large_map_paints_on_canvas_and_popups_open(browser, large, artifacts):
    analysis, out = large
    problems: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    url = out.resolve().as_uri()
    page.route("**/*", lambda route: route.continue_() if route.request.url == url
               else route.abort())
    page.goto(url)
    page.wait_for_function("Object.keys(asmap.registry).length > 0")
    state = page.evaluate("""() => ({
        svg: document.querySelectorAll('path.asmap-sites').length,
        canvas: document.querySelectorAll('.leaflet-overlay-pane canvas').length,
        sites: Object.keys(asmap.registry).length})""")
    assert state["svg"] == 0 and state["canvas"] >= 1 and state["sites"] == N_SITES
    dots = page.evaluate("""() => { let n = 0, order = asmap._canvas._drawFirst;
        for (; order; order = order.next) {
            if (order.layer.options.className === 'asmap-sites-dot') { n++; } }
        return n; }""")
    assert dots == N_SITES  # at the overview zoom every site is a dot
    page.screenshot(path=str(artifacts / "interactive-large-dots.png"))
    # search zooms in to the site's shape and opens its popup with the verdict
    site = analysis.sites[~analysis.sites["eligible"]].iloc[-1]
    page.fill(".asmap-search-input", str(site["site_id"]))
    page.press(".asmap-search-input", "Enter")
    text = page.inner_text(".leaflet-popup-content")
    assert text.splitlines()[0].endswith(f"({site['site_id']})")
    assert text.splitlines()[1] == "Not eligible"
    page.screenshot(path=str(artifacts / "interactive-large-zoomed.png"))
    assert problems == []
    page.close()
