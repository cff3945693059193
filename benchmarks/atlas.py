"""An atlas of site sheets: seconds per sheet and peak memory, on a generated project;
and ``asmap brief`` on the bundled sample, end to end.

The sheets are drawn as the brief draws them (`maps.paper.atlas.write_atlas`: every layer
reprojected once, each sheet drawing only what reaches its frame, one figure reused, the
sheets shared out between the cores) and written to one PDF. The
project is `benchmarks.generate`'s; sheets are made for its first eligible sites, then
for other sites when there are fewer eligible ones than sheets asked for. Results go to
``benchmarks/results_atlas.json``.

Usage::

    python -m benchmarks.atlas [--sheets 500] [--sites 20000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from benchmarks.generate import ON, generate
from benchmarks.memory import Descendants, own_peak_mb

HERE = Path(__file__).resolve().parent


def _brief_seconds() -> float:
    """Wall seconds of ``asmap brief`` on the bundled sample (16 site sheets), process
    start to folder written."""
    import subprocess
    import sys

    asmap = str(Path(sys.executable).with_name("asmap"))
    with tempfile.TemporaryDirectory() as work:
        t0 = time.perf_counter()
        subprocess.run([asmap, "brief", "--on", ON, "--out", str(Path(work) / "brief")],
                       check=True, capture_output=True)
        return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    """Command line; prints the result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=500)
    parser.add_argument("--sites", type=int, default=20000)
    parser.add_argument("--workers", type=int, default=None,
                        help="processes drawing sheets (default: the cores, at most 4)")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "asmap-bench")
    args = parser.parse_args(argv)
    from asmap import geo, layers
    from asmap.maps.paper.atlas import default_workers, write_atlas

    folder = args.data / f"realistic-{args.sites}"
    if not (folder / "project.gpkg").exists():
        generate(args.sites, folder)
    analysis = geo.analyze(layers.load(folder), on=ON)
    sites = analysis.sites.sort_values("eligible", ascending=False, kind="stable")
    ids = list(sites["site_id"][:args.sheets])
    with tempfile.TemporaryDirectory() as work, Descendants() as drawers:
        t0 = time.perf_counter()
        write_atlas(analysis, Path(work) / "atlas.pdf", site_ids=ids, overview=False,
                    workers=args.workers, lang="en")
        seconds = time.perf_counter() - t0
        size_mb = (Path(work) / "atlas.pdf").stat().st_size / 1e6
    brief_s = _brief_seconds()
    result = {"sample_brief_s": brief_s, "sites": args.sites, "sheets": len(ids),
              "eligible_sheets": int(sites["eligible"][:args.sheets].sum()),
              "seconds": seconds, "seconds_per_sheet": seconds / len(ids),
              "workers": args.workers or default_workers(len(ids)),
              "peak_rss_mb": own_peak_mb(), "peak_rss_mb_other_processes": drawers.peak_mb,
              "pdf_mb": size_mb}
    (HERE / "results_atlas.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
