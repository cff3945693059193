"""Time `asmap analyze` end to end, the Dask engine and the naive overlay, in one run.

Each measurement runs in its own Python process, so its peak memory is its own
(``VmHWM`` of that process, and the largest of its children's: a Dask worker; see
`benchmarks.memory`).
Results go to ``benchmarks/results.json`` and a Markdown table on stdout.

Usage::

    python -m benchmarks.run [--sizes 1000,10000,100000] [--engines local,dask,naive]
                             [--naive-max 20000] [--repeats 1] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

from benchmarks.generate import ON, generate
from benchmarks.memory import Descendants, own_peak_mb

ON_DATE = date.fromisoformat(ON)

HERE = Path(__file__).resolve().parent
#: ``dask-dataset``: the dask engine writing a partitioned GeoParquet dataset from the
#: workers (``asmap analyze --engine dask --out DIR.parquet``), nothing gathered; the
#: workers read the sites too, so its loading is part of ``analyze_s``.
ENGINES = ("local", "dask", "naive", "dask-dataset")


def measure(engine: str, folder: Path, out: Path, *, scheduler: str | None = None,
            profile: Path | None = None) -> dict:
    """
    One end-to-end run in this process: read the project, analyse, write a GeoPackage.

    Parameters
    ----------
    engine
        ``local`` (`geo.analyze`), ``dask`` (`geo.engine_dask.analyze_dask`) or ``naive``.
    folder
        A benchmark project folder.
    out
        The GeoPackage to write.
    scheduler
        Dask scheduler address for the dask engine (None: a LocalCluster).
    profile
        Write a pyinstrument (else cProfile) text profile of the run here.

    Returns
    -------
    dict
        Seconds per phase and peak resident memory in MB.
    """
    profiler = _start_profiler() if profile else None
    with Descendants() as workers:
        phases = _run_engine(engine, folder, out, scheduler=scheduler)
    if profiler is not None:
        _write_profile(profiler, profile)
    return {**phases, "rss_mb": own_peak_mb(), "worker_rss_mb": workers.peak_mb}


def _run_engine(engine: str, folder: Path, out: Path, *, scheduler: str | None) -> dict:
    # every engine's modules are imported before the clock starts, as geopandas (all the
    # naive overlay needs) already is: the phases time the work, "process wall" the imports
    if engine == "naive":
        from benchmarks import naive
    else:
        from asmap import geo, layers
        from asmap.geo.analyze import analyze
        if engine == "dask":
            from asmap.geo.engine_dask import analyze_dask
        if engine == "dask-dataset":
            from asmap.geo.dask_sites import write_dask_folder
    t0 = time.perf_counter()
    if engine == "naive":
        project = naive.read_project(folder)
        t1 = time.perf_counter()
        sites = naive.naive_analyze(project, on=ON)
        t2 = time.perf_counter()
        sites.to_crs("EPSG:4326").to_file(out, layer="sites", driver="GPKG", engine="pyogrio")
    elif engine == "dask-dataset":  # the workers read the sites and write while they analyse
        write_dask_folder(folder, out.with_suffix(".parquet"), on=ON_DATE, scheduler=scheduler)
        t1 = time.perf_counter()
        return {"load_s": 0.0, "analyze_s": t1 - t0, "write_s": 0.0, "total_s": t1 - t0}
    else:
        project = layers.load(folder)
        t1 = time.perf_counter()
        if engine == "dask":
            result = analyze_dask(project, on=ON_DATE, scheduler=scheduler)
        else:
            result = analyze(project, on=ON_DATE)
        t2 = time.perf_counter()
        geo.write_results(result, out)
    t3 = time.perf_counter()
    return {"load_s": t1 - t0, "analyze_s": t2 - t1, "write_s": t3 - t2, "total_s": t3 - t0}


def _start_profiler():
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile

        profiler = cProfile.Profile()
    else:
        profiler = Profiler(interval=0.005)
    profiler.enable() if hasattr(profiler, "enable") else profiler.start()
    return profiler


def _write_profile(profiler, path: Path) -> None:
    if hasattr(profiler, "output_text"):
        profiler.stop()
        text = profiler.output_text(unicode=True, color=False, show_all=False)
    else:
        import io
        import pstats

        profiler.disable()
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(40)
        text = buffer.getvalue()
    path.write_text(text, encoding="utf-8")


def run_one(engine: str, folder: Path, out: Path, *, scheduler: str | None = None,
            profile: Path | None = None, timeout: float = 3600) -> dict:
    """Measure one run in a fresh subprocess; adds the outer wall time (with imports)."""
    cmd = [sys.executable, "-m", "benchmarks.run", "--measure", engine, "--folder", str(folder),
           "--result", str(out)]
    cmd += ["--scheduler", scheduler] if scheduler else []
    cmd += ["--profile-to", str(profile)] if profile else []
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - start
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "wall_s": wall}


def benchmark(sizes: list[int], engines: list[str], *, naive_max: int, repeats: int,
              cache: Path, scheduler: str | None = None, dask_min: int = 0,
              profile_size: int | None = None, timeout: float = 3600) -> dict:
    """Generate (cached) and time every engine at every size; returns the results record."""
    runs = []
    for n in sizes:
        folder = cache / f"sites{n}"
        if not (folder / "project.gpkg").exists():
            generate(n, folder)
        for engine in engines:
            if (engine == "naive" and n > naive_max) or (engine.startswith("dask")
                                                         and n < dask_min):
                continue
            samples = [run_one(engine, folder, cache / f"out-{engine}-{n}.gpkg",
                               scheduler=scheduler, timeout=timeout) for _ in range(repeats)]
            runs.append(_summarise(n, engine, samples))
            print(_row(runs[-1]), file=sys.stderr, flush=True)
    if profile_size:
        folder = cache / f"sites{profile_size}"
        if not (folder / "project.gpkg").exists():
            generate(profile_size, folder)
        path = HERE / f"profile_{profile_size // 1000}k.txt"
        run_one("local", folder, cache / "out-profile.gpkg", profile=path, timeout=timeout)
    return {"machine": _machine(), "on": ON, "repeats": repeats, "runs": runs,
            "summary": _headline(runs)}


def _summarise(n: int, engine: str, samples: list[dict]) -> dict:
    ok = [s for s in samples if "error" not in s]
    if not ok:
        return {"sites": n, "engine": engine, "error": samples[0]["error"]}
    keys = ("load_s", "analyze_s", "write_s", "total_s", "wall_s", "rss_mb", "worker_rss_mb")
    record = {k: statistics.median(s[k] for s in ok) for k in keys}
    return {"sites": n, "engine": engine, "repeats": len(ok), **record}


def _headline(runs: list[dict]) -> dict:
    """Growth exponents of the local engine and the speed-up over the naive overlay."""
    def times(engine: str, key: str) -> dict[int, float]:
        return {r["sites"]: r[key] for r in runs if r["engine"] == engine and "error" not in r}

    summary: dict = {}
    for key in ("total_s", "analyze_s"):
        local = times("local", key)
        if len(local) >= 2:
            n, t = np.array(sorted(local)), np.array([local[k] for k in sorted(local)])
            summary[f"exponent_{key}"] = float(np.polyfit(np.log(n), np.log(t), 1)[0])
    local, naive = times("local", "total_s"), times("naive", "total_s")
    common = sorted(set(local) & set(naive))
    if common:
        n = common[-1]
        summary["speedup_vs_naive"] = {"sites": n, "factor": naive[n] / local[n]}
    return summary


def _row(r: dict) -> str:
    if "error" in r:
        return f"| {r['sites']:,} | {r['engine']} | {r['error']} | | | | | | |"
    worker = f"{r['worker_rss_mb']:.0f}" if r["engine"].startswith("dask") else ""
    return (f"| {r['sites']:,} | {r['engine']} | {r['load_s']:.2f} | {r['analyze_s']:.2f} | "
            f"{r['write_s']:.2f} | **{r['total_s']:.2f}** | {r['wall_s']:.2f} | "
            f"{r['rss_mb']:.0f} | {worker} |")


def markdown(results: dict) -> str:
    """The results as a Markdown table plus the headline numbers."""
    lines = ["| sites | engine | read s | analyze s | write s | end to end s | process wall s "
             "| peak RSS MB | peak worker RSS MB |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [_row(r) for r in results["runs"]]
    s = results["summary"]
    for key, what in (("exponent_total_s", "end to end"), ("exponent_analyze_s", "analyze")):
        if key in s:
            lines.append(f"\nGrowth exponent ({what}, local engine, log-log fit): {s[key]:.2f}")
    if "speedup_vs_naive" in s:
        sp = s["speedup_vs_naive"]
        lines.append(f"\nSpeed-up over the naive overlay at {sp['sites']:,} sites: "
                     f"{sp['factor']:.1f}x")
    return "\n".join(lines)


def _machine() -> dict:
    import dask

    import geopandas
    import shapely

    return {"cpus": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "shapely": shapely.__version__,
            "geos": shapely.geos_version_string, "geopandas": geopandas.__version__,
            "dask": dask.__version__}


def main(argv: list[str] | None = None) -> None:
    """Command line; see the module docstring."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1000,10000,20000,100000")
    p.add_argument("--engines", default="local,dask,naive")
    p.add_argument("--naive-max", type=int, default=20000)
    p.add_argument("--dask-min", type=int, default=0, help="skip the dask engine below this")
    p.add_argument("--repeats", type=int, default=1)
    p.add_argument("--scheduler", default=None, help="Dask scheduler address")
    p.add_argument("--cache", type=Path, default=Path("/tmp/asmap-bench"))
    p.add_argument("--results", type=Path, default=HERE / "results.json")
    p.add_argument("--profile", action="store_true", help="profile the 100k local run")
    p.add_argument("--timeout", type=float, default=3600)
    p.add_argument("--measure", choices=ENGINES, help=argparse.SUPPRESS)
    p.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.folder, args.result,
                                 scheduler=args.scheduler, profile=args.profile_to)))
        return
    engines = [e for e in args.engines.split(",") if e]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        p.error(f"unknown engine(s) {', '.join(sorted(unknown))}; use {', '.join(ENGINES)}")
    args.cache.mkdir(parents=True, exist_ok=True)
    results = benchmark([int(s) for s in args.sizes.split(",")], engines,
                        naive_max=args.naive_max, repeats=args.repeats, cache=args.cache,
                        scheduler=args.scheduler, dask_min=args.dask_min,
                        profile_size=100_000 if args.profile else None, timeout=args.timeout)
    args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
