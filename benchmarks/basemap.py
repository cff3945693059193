"""Benchmark offline basemaps on the bundled sample: `basemap build` and the offline map.

Times `asmap basemap build` from the sample's synthetic DEM (a GeoTIFF in UTM 48N written
by ``scripts/make_basemap.py``, zooms 8-13) and from a local tile server (zooms 8-12), with
the tile count and file size; then the offline map with the default budget (15 MB): time
to write it, its size and the tiles embedded, and in headless Chromium with every request
refused the time until the basemap tiles in view are decoded; then the overview print
with and without the basemap.

Usage::

    python -m benchmarks.basemap [--json benchmarks/results_basemap.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.maps import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
_TILES_DECODED = """() => { const imgs = [...document.querySelectorAll('.asmap-basemap img')];
    return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0); }"""


def _make_basemap_script():
    spec = importlib.util.spec_from_file_location("make_basemap",
                                                  ROOT / "scripts" / "make_basemap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _timed(call) -> tuple[Any, float]:
    start = time.perf_counter()
    value = call()
    return value, time.perf_counter() - start


def bench_build(tmp: Path) -> dict[str, Any]:
    """`build_basemap` from the synthetic DEM and from a local tile server."""
    from asmap import layers
    from asmap.maps.basemap.area import aoi_bounds, grow_bounds
    from asmap.maps.basemap.build import build_basemap
    from tests.maps.basemap_helpers import TileServer

    script = _make_basemap_script()
    dem = tmp / "dem.tif"
    _, dem_s = _timed(lambda: script.write_dem(dem))
    area = grow_bounds(aoi_bounds(layers.load(layers.sample_path())), 5)
    built, build_s = _timed(lambda: build_basemap(dem, tmp / "hill.mbtiles", bounds=area,
                                                  zooms=(8, 13), attribution=script.CREDIT))
    server = TileServer()
    try:
        served, served_s = _timed(lambda: build_basemap(server.url, tmp / "served.mbtiles",
                                                        bounds=area, zooms=(8, 12)))
    finally:
        server.close()
    return {"dem_write_s": round(dem_s, 2),
            "geotiff_dem_z8_13": {"seconds": round(build_s, 2), "tiles": built.tiles,
                                  "mb": round(built.size / 1e6, 2)},
            "tile_server_z8_12": {"seconds": round(served_s, 2), "tiles": served.tiles,
                                  "mb": round(served.size / 1e6, 2)}}


def bench_map(tmp: Path) -> dict[str, Any]:
    """The sample's offline map with its basemap (default budget) and without."""
    from playwright.sync_api import sync_playwright

    from asmap import geo, layers, maps

    analysis = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    with_bm, with_s = _timed(lambda: maps.write_map(analysis, tmp / "with.html", offline=True))
    without, without_s = _timed(lambda: maps.write_map(analysis, tmp / "without.html",
                                                       offline=True, basemap=False))
    html = with_bm.read_text(encoding="utf-8")
    tiles = len(re.findall(r'"\d+/\d+/\d+":', html))
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        url = with_bm.resolve().as_uri()
        page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(_TILES_DECODED)
        shown_s = time.perf_counter() - start
        browser.close()
    return {"write_s": round(with_s, 2), "write_no_basemap_s": round(without_s, 2),
            "mb": round(with_bm.stat().st_size / 1e6, 2),
            "mb_no_basemap": round(without.stat().st_size / 1e6, 2),
            "tiles_embedded": tiles, "browser_tiles_shown_s": round(shown_s, 2)}


def bench_print(tmp: Path) -> dict[str, Any]:
    """The overview PDF of the sample with and without its basemap."""
    from asmap import geo, layers, maps

    analysis = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
    _, with_s = _timed(lambda: maps.write_print(analysis, tmp / "o.pdf"))
    _, without_s = _timed(lambda: maps.write_print(analysis, tmp / "p.pdf", basemap=False))
    return {"overview_pdf_s": round(with_s, 2), "overview_pdf_no_basemap_s": round(without_s, 2)}


def main(argv: list[str] | None = None) -> None:
    """Run every measurement and print (and optionally save) the results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        results = {"build": bench_build(tmp), "map": bench_map(tmp), "print": bench_print(tmp)}
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
