"""Print basemaps: tiles from a real (local) tile server, and a page without them when the
server does not answer. No test reaches the internet."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from asmap.maps.paper.page import write_print
from tests.helpers import pdf_text
from tests.maps.handmade import handmade

TILE_RGB = (11, 152, 61)


def _tile_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), TILE_RGB).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def tile_server():
    """A tile server on localhost that answers every /z/x/y.png with a green tile."""
    png, requested = _tile_png(), []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            requested.append(self.path)
            if not self.path.endswith(".png"):
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png", requested
    server.shutdown()
    server.server_close()


def _closed_port_url() -> str:
    probe = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = probe.server_address[1]
    probe.server_close()  # nothing listens there now: connections are refused
    return f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"


@pytest.fixture(scope="module")
def analysis():
    return handmade()


def test_tiles_are_drawn_under_the_layers(analysis, tile_server, tmp_path):
    url, requested = tile_server
    plain = write_print(analysis, tmp_path / "plain.pdf", lang="en")
    tiled = write_print(analysis, tmp_path / "tiled.pdf", lang="en", basemap=url)
    assert requested and all(path.endswith(".png") for path in requested)
    assert len(PdfReader(tiled).pages[0].images) == len(PdfReader(plain).pages[0].images) + 1
    text = pdf_text(tiled)
    assert "Tiles: 127.0.0.1" in text and "did not answer" not in text
    png = write_print(analysis, tmp_path / "tiled.png", lang="en", basemap=url)
    pixels = np.asarray(Image.open(png).convert("RGB")).reshape(-1, 3)
    assert (pixels == TILE_RGB).all(axis=1).sum() > 10_000  # the tile colour shows on the map


@pytest.mark.parametrize("lang, note", [
    ("en", "The basemap server did not answer: printed without a basemap."),
    ("mn", "Суурь зургийн сервер хариу өгсөнгүй"),
])
def test_unreachable_tiles_print_without_a_basemap(analysis, tmp_path, lang, note):
    out = write_print(analysis, tmp_path / "map.pdf", lang=lang, basemap=_closed_port_url())
    reader = PdfReader(out)
    assert len(reader.pages) >= 1
    assert note in pdf_text(out).replace("\n", " ")
    plain = write_print(analysis, tmp_path / "plain.pdf", lang=lang)
    assert len(reader.pages[0].images) == len(PdfReader(plain).pages[0].images)


def test_site_sheet_with_tiles(analysis, tile_server, tmp_path):
    url, _ = tile_server
    out = write_print(analysis, tmp_path / "s01.pdf", lang="en", site="S-01", basemap=url)
    assert "Tiles: 127.0.0.1" in pdf_text(out)
    out = write_print(analysis, tmp_path / "s01-mn.pdf", lang="mn", site="S-01", basemap=url)
    assert "Суурь зураг: 127.0.0.1" in pdf_text(out)
