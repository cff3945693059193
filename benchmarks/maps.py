"""Benchmark the maps of a large synthetic project: interactive page size and speed, print time.

Builds (or reuses) a generated project, analyzes it, writes the offline interactive map
and measures its size; opens it in headless Chromium with every network request refused
and measures the time to the first frame with the vector layers drawn, then the time of
zoom and pan steps (each until the next frame is painted); finally times the print map
(`maps.write_print`) as a PDF and as a PNG.

Usage::

    python -m benchmarks.maps --sites 50000 [--folder /tmp/bench50k] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

#: Wait for two animation frames: everything queued before has been painted.
_FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
_MAP = "Object.values(window).find(v => v instanceof L.Map)"
_STEP = f"""async (step) => {{
    const map = {_MAP}, t0 = performance.now();
    if (step === 'in') {{ map.setZoom(map.getZoom() + 1, {{animate: false}}); }}
    else if (step === 'out') {{ map.setZoom(map.getZoom() - 1, {{animate: false}}); }}
    else {{ map.panBy([250, 120], {{animate: false}}); }}
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0; }}"""
_DRAWN = """() => {
    const svg = document.querySelectorAll('path.asmap-sites').length;
    const canvases = [...document.querySelectorAll('.leaflet-overlay-pane canvas')];
    let inked = 0;
    for (const c of canvases) {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < data.length; i += 4 * 97) { if (data[i]) { inked++; } }
    }
    return {svg_paths: svg, canvases: canvases.length, canvas_inked_samples: inked,
            registered_sites: Object.keys(asmap.registry).length}; }"""


def build(n_sites: int, folder: Path) -> tuple[Any, dict[str, float]]:
    """Generate (unless present) and analyze a project; return the analysis and timings."""
    from asmap import geo, layers
    from benchmarks.generate import ON, generate

    timings = {}
    if not (folder / "asmap.toml").exists():
        start = time.perf_counter()
        generate(n_sites, folder)
        timings["generate_s"] = time.perf_counter() - start
    start = time.perf_counter()
    analysis = geo.analyze(layers.load(folder), on=ON)
    timings["analyze_s"] = time.perf_counter() - start
    return analysis, timings


def interactive(analysis: Any, out: Path) -> dict[str, float]:
    """Write the offline map; its size and the time taken."""
    from asmap.maps import write_map

    start = time.perf_counter()
    write_map(analysis, out, offline=True)
    return {"write_map_s": time.perf_counter() - start, "html_mb": out.stat().st_size / 1e6}


def browser(path: Path, *, steps: int = 3) -> dict[str, Any]:
    """First frame with the layers drawn, then zoom and pan step times, in Chromium."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1280, "height": 860})
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        url = path.resolve().as_uri()
        page.route("**/*", lambda route: route.continue_() if route.request.url == url
                   else route.abort())
        start = time.perf_counter()
        page.goto(url, wait_until="load", timeout=180_000)
        page.evaluate(_FRAME)
        wall = time.perf_counter() - start
        first = page.evaluate("performance.now()") / 1000
        drawn = page.evaluate(_DRAWN)
        times: dict[str, list[float]] = {"in": [], "out": [], "pan": []}
        for step in ["in"] * steps + ["pan"] * steps + ["out"] * steps:
            times[step].append(page.evaluate(_STEP, step))
        chromium.close()
    result: dict[str, Any] = {"first_paint_s": first, "first_paint_wall_s": wall, **drawn,
                              "page_errors": errors}
    for step, values in times.items():
        result[f"zoom_{step}_ms" if step != "pan" else "pan_ms"] = {
            "median": statistics.median(values), "max": max(values)}
    return result


def printed(analysis: Any, folder: Path) -> dict[str, float]:
    """Time the print map as a PDF and as a 300 dpi PNG."""
    from asmap.maps import write_print

    out = {}
    for suffix in ("pdf", "png"):
        start = time.perf_counter()
        path = write_print(analysis, folder / f"print.{suffix}", lang="en")
        out[f"print_{suffix}_s"] = time.perf_counter() - start
        out[f"print_{suffix}_mb"] = path.stat().st_size / 1e6
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the benchmark and print (and optionally save) the results as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=50_000)
    parser.add_argument("--folder", type=Path, default=None,
                        help="project folder (generated there when missing)")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    parser.add_argument("--no-print", action="store_true", help="skip the print map")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="asmap-maps-"))
    folder = args.folder or work / f"project-{args.sites}"
    analysis, results = build(args.sites, folder)
    results = {"sites": args.sites, **results}
    results.update(interactive(analysis, work / "map.html"))
    results.update(browser(work / "map.html"))
    if not args.no_print:
        results.update(printed(analysis, work))
    text = json.dumps(results, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)  # noqa: T201 - a benchmark script reports on stdout
    return results


if __name__ == "__main__":
    main()
