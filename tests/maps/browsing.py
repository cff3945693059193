"""Opening asmap's pages in headless Chromium with the network refused (browser tests)."""

from __future__ import annotations


def open_offline(browser, path, problems, requests=None):
    """Open a file with every request except the file itself refused (each request's URL
    appended to `requests` when given)."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}")
            if msg.type == "error" and "ERR_FAILED" not in msg.text else None)
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"),
                                      dialog.dismiss()))
    url = path.resolve().as_uri()
    page.route("**/*", lambda route: route.continue_() if route.request.url == url
               else route.abort())
    page.goto(url)
    page.wait_for_function("document.querySelectorAll('path.asmap-sites').length > 0")
    return page


def popup_text(page, site_id):
    return page.evaluate("""id => { const l = asmap.registry[id]; l.openPopup();
        return l.getPopup().getElement().querySelector('.leaflet-popup-content').innerText;
        }""", site_id)
