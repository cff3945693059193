"""`asmap analyze` against the DuckDB-spatial pipeline (`benchmarks.duck`), side by side.

For each size and project (``realistic``: the generator's default; ``dense``:
``--dense``), in one run and on the same files: the ``asmap analyze`` command end to end
(process start to results written, as a user waits for it; ``--repeats`` runs of each
tool taking turns, medians reported), the same work timed by phase
in a fresh process (start-up = interpreter and imports, read = `layers.load`, analyse,
write), and the DuckDB pipeline end to end and by phase. Then the answers are compared:
total available hectares, and the license of every site whose largest overlap is unique.

Usage::

    python -m benchmarks.vs_duckdb [--sizes 20000,100000] [--projects realistic,dense]
        [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import ON, generate

HERE = Path(__file__).resolve().parent
ASMAP = str(Path(sys.executable).with_name("asmap"))

PHASES = """
import gc, json, sys, time
t0 = time.perf_counter()
from asmap.cli.main import GC_THRESHOLDS
gc.set_threshold(*GC_THRESHOLDS)  # as the asmap command
from asmap import geo, layers
from asmap.geo.analyze import analyze
t1 = time.perf_counter()
project = layers.load(sys.argv[1])
t2 = time.perf_counter()
result = analyze(project, on=sys.argv[3])
t3 = time.perf_counter()
geo.write_results(result, sys.argv[2])
t4 = time.perf_counter()
print(json.dumps({"startup_s": t1 - t0, "read_s": t2 - t1, "analyze_s": t3 - t2,
                  "write_s": t4 - t3}))
"""


def _wall(argv: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    return time.perf_counter() - t0, done.stdout


def compare(folder: Path, work: Path, repeats: int = 1) -> dict:
    """
    Both tools on one project folder: seconds, and whether the answers agree.

    With `repeats`, each tool runs that many times end to end, taking turns (asmap,
    DuckDB, asmap, ...) so a slow spell of the machine falls on both; the end-to-end
    times are the medians, every run is kept in ``runs_s``, and the phases are timed once.
    """
    import pandas as pd

    import geopandas as gpd

    gpkg, parquet = work / "results.gpkg", work / "sites.parquet"
    ours_s, theirs_s, duck_phases = [], [], "{}"
    for _ in range(repeats):
        ours_s.append(_wall([ASMAP, "analyze", str(folder), "--on", ON, "--out",
                             str(gpkg)])[0])
        wall, duck_phases = _wall([sys.executable, "-m", "benchmarks.duck", str(folder),
                                   "--out", str(parquet), "--on", ON])
        theirs_s.append(wall)
    _, phases = _wall([sys.executable, "-c", PHASES, str(folder), str(work / "p.gpkg"), ON])
    ours = gpd.read_file(gpkg, layer="sites", engine="pyogrio", columns=["site_id",
                         "available_ha", "license_id"], ignore_geometry=True)
    theirs = pd.DataFrame(gpd.read_parquet(parquet).drop(columns="geom"))
    both = ours.merge(theirs, on="site_id", suffixes=("", "_duckdb"))
    unique = both[both["unique_pick"].fillna(False).astype(bool)]
    ha, ha_duck = ours["available_ha"].sum(), theirs["available_ha"].sum()
    asmap_wall, duck_wall = statistics.median(ours_s), statistics.median(theirs_s)
    return {
        "asmap": {"end_to_end_s": asmap_wall, "runs_s": ours_s, **json.loads(phases)},
        "duckdb": {"end_to_end_s": duck_wall, "runs_s": theirs_s, **json.loads(duck_phases)},
        "speedup": duck_wall / asmap_wall,
        "speedup_each_run": [d / a for a, d in zip(ours_s, theirs_s, strict=True)],
        "sites": len(ours), "available_ha": ha, "available_ha_duckdb": ha_duck,
        "ha_rel_diff": abs(ha - ha_duck) / ha,
        "unique_picks": len(unique),
        "same_picks": int((unique["license_id"] == unique["license_id_duckdb"]).sum()),
    }


def growth(results: list[dict], tool: str, project: str) -> float | None:
    """Exponent of time against sites between the smallest and largest size measured."""
    runs = sorted((r for r in results if r["project"] == project), key=lambda r: r["sites"])
    if len(runs) < 2:
        return None
    a, b = runs[0], runs[-1]
    return (math.log(b[tool]["end_to_end_s"] / a[tool]["end_to_end_s"])
            / math.log(b["sites"] / a["sites"]))


def table(results: list[dict]) -> str:
    """One Markdown row per size and project."""
    rows = ["| sites | project | tool | start-up s | read s | analyse s | write s | "
            "end to end s | asmap faster (each run) | available ha equal | same license picks |",
            "|---:|---|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in results:
        for tool in ("asmap", "duckdb"):
            t = r[tool]
            each = r.get("speedup_each_run") or [r["speedup"]]
            extra = (f"**{r['speedup']:.2f}x** ({min(each):.2f}-{max(each):.2f}) | "
                     f"{r['ha_rel_diff']:.1e} | "
                     f"{r['same_picks']:,}/{r['unique_picks']:,}") if tool == "asmap" else "| |"
            rows.append(f"| {r['sites']:,} | {r['project']} | {tool} | {t['startup_s']:.2f} | "
                        f"{t['read_s']:.2f} | {t['analyze_s']:.2f} | {t['write_s']:.2f} | "
                        f"{t['end_to_end_s']:.2f} | {extra} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Command line; writes ``benchmarks/results_duckdb.json`` and prints the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--projects", default="realistic,dense")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "asmap-bench")
    parser.add_argument("--repeats", type=int, default=3,
                        help="end-to-end runs of each tool, taking turns (medians reported)")
    args = parser.parse_args(argv)
    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        for project in args.projects.split(","):
            folder = args.data / f"{project}-{n}"
            if not (folder / "project.gpkg").exists():
                generate(n, folder, dense=project == "dense")
            with tempfile.TemporaryDirectory() as work:
                results.append({"sites": n, "project": project,
                                **compare(folder, Path(work), args.repeats)})
            print(json.dumps(results[-1]), file=sys.stderr)
    exponents = {f"{tool}_{project}": growth(results, tool, project)
                 for tool in ("asmap", "duckdb") for project in args.projects.split(",")}
    (HERE / "results_duckdb.json").write_text(json.dumps(
        {"on": ON, "repeats": args.repeats, "runs": results, "growth_exponent": exponents},
        indent=1) + "\n")
    print(table(results))
    print("growth exponent (end to end):", json.dumps(exponents))


if __name__ == "__main__":
    main()
