"""An offline page (the map and the brief's map.html) makes no network request on load (issue 20).

Every request the page makes is recorded in headless Chromium; only the file itself and
`data:` URIs may appear until the user picks an online basemap, whose name says so.
"""

from __future__ import annotations

import pytest

from asmap.maps import write_map
from asmap.maps.brief.folder import write_interactive
from tests.maps.handmade import handmade

pytestmark = pytest.mark.browser


def open_recorded(browser, path):
    """Open `path`; record every request; refuse all but the file (the test has no network)."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    url = path.resolve().as_uri()
    page.route("**/*", lambda route: route.continue_() if route.request.url == url
               else route.abort())
    page.goto(url)
    page.wait_for_function("document.querySelectorAll('path.asmap-sites').length > 0")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # tiles are requested after the first frame
    return page, requests, url


def network(requests: list[str], url: str) -> list[str]:
    return [r for r in requests if r != url and not r.startswith("data:")]


@pytest.mark.parametrize("lang", ["en", "mn"])
@pytest.mark.parametrize("writer", ["map", "brief"])
def test_offline_page_requests_nothing_until_an_online_basemap_is_picked(
        browser, tmp_path, writer, lang):
    out = tmp_path / "map.html"
    if writer == "map":
        write_map(handmade(), out, lang=lang, offline=True)
    else:
        write_interactive(handmade(), out, lang=lang, profile="internal")
    page, requests, url = open_recorded(browser, out)
    assert network(requests, url) == []
    labels = page.locator(".leaflet-control-layers-base label")
    names = [labels.nth(i).inner_text().strip() for i in range(labels.count())]
    online = "(online: needs the internet)" if lang == "en" else "(онлайн: интернэт хэрэгтэй)"
    assert [online in n for n in names] == [False, True, True], names
    page.evaluate("document.querySelectorAll('.leaflet-control-layers-base input')[1].click()")
    page.wait_for_timeout(500)
    hosts = {r.split("/")[2] for r in network(requests, url)}
    assert hosts and all(h.endswith("openstreetmap.org") for h in hosts), hosts
    page.close()
