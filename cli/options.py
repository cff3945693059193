"""Options shared by several commands; their callbacks raise `click.BadParameter`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from asmap.cli.paths import record_input
from asmap.layers.project import sample_path


def _folder(ctx: click.Context, param: click.Parameter, value: str | None) -> Path:
    if value is None:
        record_input(sample_path())  # the bundled sample is an input like any folder
        return sample_path()
    path = Path(value)
    if not path.exists():
        raise click.BadParameter(f"{value}: no such file or folder; check the path")
    record_input(path)
    return path


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def _rules(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from asmap.geo.rules import Rules
    from asmap.layers.errors import AsmapError

    if Path(value).is_dir():
        raise click.BadParameter(f"{value}: is a folder; give the rules file (RULES.toml)")
    record_input(value)
    try:
        return Rules.from_toml(value)
    except AsmapError as exc:
        raise click.BadParameter(str(exc)) from None


folder_arg = click.argument("folder", required=False, callback=_folder,
                            metavar="[FOLDER]")
rules_opt = click.option("--rules", callback=_rules, metavar="RULES.toml",
                         help="TOML file with a [rules] table (default: the folder's "
                              "asmap.toml, else the built-in defaults).")
on_opt = click.option("--on", callback=_date, metavar="YYYY-MM-DD",
                      help="Analysis date (default: today).")
crs_opt = click.option("--crs", metavar="EPSG",
                       help="CRS for layers whose files do not say (e.g. EPSG:4326).")
json_opt = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
lang_opt = click.option("--lang", type=click.Choice(["mn", "en"]), default="mn",
                        show_default=True, help="Language of maps and reports.")
profile_opt = click.option("--profile", type=click.Choice(["internal", "public"]),
                           default="internal", show_default=True,
                           help="public leaves out sensitive and unknown columns.")

results_opt = click.option(
    "--results", "results", metavar="RESULTS.gpkg|DIR.parquet",
    type=click.Path(exists=True, path_type=Path),
    callback=lambda ctx, param, value: _input(value),
    help="Use these results (from `asmap analyze`) instead of analysing again.")


def _input(value: Path | None) -> Path | None:
    if value is not None:
        record_input(value)
    return value


def analysis_for(folder: Path, *, results: Path | None, rules, on, crs: str | None,
                 soum: str | None = None):
    """Load FOLDER and either analyse it or read earlier RESULTS (the map/print wiring)."""
    from asmap import geo, layers

    if results is not None and (rules is not None or on is not None or soum is not None):
        raise click.UsageError("--rules, --on and --soum apply when analysing; with --results "
                               "the results already say which rules, date and soum were used")
    project = layers.load(folder, crs=crs)
    if results is None:
        analysis = geo.analyze(project, rules=rules, on=on, soum=soum)
    else:
        analysis = geo.read_results(results, layers=project)
    say_warnings(analysis.warnings)
    return analysis


def say_warnings(problems) -> None:
    """Each warning of the area of interest as one line on stderr."""
    for problem in problems:
        click.echo(f"warning: {problem.line()}", err=True)


# --- area of interest (issue 13) ---
soum_opt = click.option("--soum", metavar="NAME_OR_ID",
                        help="The soum to analyse when the boundary layer holds several "
                             "(its name or shapeID, any case). Default: the one holding the "
                             "most tailings area.")


# --- offline basemaps (issue 15) ---
def _basemap_file(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from asmap.maps.basemap.mbtiles import is_local

    if is_local(value) and not Path(value).is_file():
        raise click.BadParameter(f"{value}: no such basemap file; check the path or make one "
                                 "with `asmap basemap build`")
    return value


basemap_opt = click.option(
    "--basemap", "basemap", metavar="FILE.mbtiles", callback=_basemap_file,
    help="Draw this MBTiles basemap under the layers (default: the folder's "
         "basemap.mbtiles when it has one).")
no_basemap_opt = click.option("--no-basemap", "no_basemap", is_flag=True,
                              help="The plain background, even when the folder has a basemap.")
basemap_mb_opt = click.option(
    "--basemap-mb", "basemap_mb", type=click.FloatRange(min=0.1), default=15.0,
    show_default=True, metavar="MB",
    help="MB of basemap tiles to put into the page (the zooms that fit, over the soum).")


def basemap_choice(basemap: str | None, no_basemap: bool, *, local_only: bool = False):
    """The `basemap=` of the API for --basemap/--no-basemap (None: the folder's file)."""
    if basemap is not None and no_basemap:
        raise click.UsageError("--basemap and --no-basemap contradict each other; give one")
    if no_basemap:
        return False
    if basemap is not None and local_only:
        from asmap.maps.basemap.mbtiles import is_local

        if not is_local(basemap):
            raise click.BadParameter(f"{basemap}: this command takes an MBTiles file here "
                                     "(the map's layer control already offers OpenStreetMap "
                                     "and satellite tiles online)", param_hint="--basemap")
    return basemap
