"""`asmap analyze`: flag eligible tailings, say why, and write the results."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


@click.command(short_help="Flag eligible tailings, say why, and write the results.")
@options.folder_arg
@options.rules_opt
@options.on_opt
@click.option("--out", "out", required=True, metavar="RESULTS.gpkg|DIR.parquet",
              type=click.Path(path_type=Path),
              help="GeoPackage to write (layers sites, eligible_parts, exclusions, routes, "
                   "conflicts); with --engine dask also a folder DIR.parquet, one GeoParquet "
                   "file per partition and layer, written by the workers.")
@click.option("--csv", "csv_path", metavar="SITES.csv",
              type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the sites table with centroid lon/lat and UTM coordinates.")
@options.json_opt
@options.crs_opt
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="dask: split the sites over a Dask cluster (for millions of sites).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: a running scheduler (tcp://host:8786); "
                   "default: a local cluster of two workers.")
@options.soum_opt
def analyze(folder: Path, rules, on, out: Path, csv_path: Path | None, as_json: bool,
            crs: str | None, engine: str, scheduler: str | None, soum: str | None) -> None:
    """Flag which tailings sites are eligible, record why not, whose land they are on,
    and which posts stand on the way from the base settlement.

    FOLDER holds the layers (default: the bundled Zaamar sample). Rules come from
    --rules, else the folder's asmap.toml [rules] table, else the defaults.

    \b
    Example:
      $ asmap analyze zaamar/ --on 2021-04-06 --out results.gpkg --csv sites.csv
      $ asmap analyze zaamar/ --rules strict.toml --out results.gpkg --json
      $ asmap analyze national/ --engine dask --scheduler tcp://10.0.0.5:8786 --out r.gpkg
      $ asmap analyze national/ --engine dask --out results.parquet
    """
    from asmap import geo, layers

    dataset = out.suffix.lower() == ".parquet"
    if dataset and (engine != "dask" or csv_path is not None):
        raise click.UsageError("--out DIR.parquet needs --engine dask and no --csv; "
                               "otherwise write results.gpkg")
    if dataset:  # a folder, replaced as a whole
        check_outputs(folders=[out])
    else:
        check_outputs(files=[out, csv_path])
    warned: list = []  # said once the progress bar is gone
    with _progress() as step:
        project = layers.load(folder, crs=crs)
        if scheduler is not None and engine != "dask":
            raise click.UsageError("--scheduler needs --engine dask")
        if dataset:
            from asmap.geo.engine_dask import write_dask

            summary = write_dask(project, out, rules=rules, on=on, progress=step,
                                 scheduler=scheduler, soum=soum, said=warned.extend)
        else:
            result = geo.analyze(project, rules=rules, on=on, progress=step, engine=engine,
                                 scheduler=scheduler, soum=soum)
            geo.write_results(result, out)
            if csv_path is not None:
                geo.write_sites_csv(result, csv_path)
            warned = result.warnings
            summary = result.summary()
    options.say_warnings(warned)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    _print_summary(summary, out, csv_path)


@contextmanager
def _progress():
    """A progress bar over the analysis steps on a terminal; nothing elsewhere."""
    if not sys.stderr.isatty():
        yield lambda name: None
        return
    from rich.progress import Progress

    from asmap.geo.analyze import STEPS

    with Progress(transient=True) as bar:
        task = bar.add_task("loading layers", total=len(STEPS) + 1)

        def step(name: str) -> None:
            bar.update(task, advance=1, description=name)

        yield step


def _print_summary(summary: dict, out: Path, csv_path: Path | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"asmap analyze, {summary['on']}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("")
    from asmap.geo.crs import utm_zone_label

    table.add_row("area of interest", summary["soum"] or "the tailings' extent")
    table.add_row("measured in", f"{summary['crs']} (UTM {utm_zone_label(summary['crs'])})")
    table.add_row("sites", str(summary["sites"]))
    table.add_row("eligible", str(summary["eligible"]))
    table.add_row("eligible, unverified", str(summary["eligible_unverified"]))
    table.add_row("eligible hectares", f"{summary['eligible_ha']:.2f}")
    for reason, count in summary["reasons"].items():
        table.add_row(f"  {reason}", str(count))
    table.add_row("unchecked rules", ", ".join(summary["unchecked"]) or "none")
    table.add_row("posts needing permits", ", ".join(summary["posts_needing_permits"]) or "none")
    for party, sites in summary["negotiate_with"].items():
        table.add_row(f"negotiate with {party}", ", ".join(sites))
    if summary.get("holder_unknown"):
        table.add_row("land holder not known (no license data)",
                      ", ".join(summary["holder_unknown"]))
    table.add_row("license conflicts", str(summary["conflicts"]))
    for agreement, checks in summary.get("agreements", {}).items():
        table.add_row(f"agreement {agreement}", ", ".join(checks) or "no problem found")
    console = Console(width=max(100, Console().width), soft_wrap=True, markup=False,
                      highlight=False)  # names and paths are data, never markup
    console.print(table)
    console.print(f"wrote {out}" + (f" and {csv_path}" if csv_path else ""))
