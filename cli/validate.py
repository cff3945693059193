"""`asmap validate`: is this folder of GIS files usable? One table of problems, one verdict."""

from __future__ import annotations

import json

import click

from asmap.cli import options


@click.command(short_help="Check a project folder; list every problem and what to do.")
@options.folder_arg
@options.crs_opt
@click.option("--rules", "rules_path", type=click.Path(exists=True, dir_okay=False),
              metavar="RULES.toml", help="Also check this rules file (TOML with [rules]).")
@options.json_opt
@options.soum_opt
def validate(folder, crs, rules_path, as_json, soum):
    """Check every layer of FOLDER against the catalogue and list every problem.

    FOLDER holds one file per layer kind (tailings.geojson, licenses.shp, posts.kml,
    ...) or one GeoPackage whose layers are named after the kinds, and an optional
    asmap.toml. Default: the bundled Zaamar sample. Exit code 0 when there is no error
    (warnings are fine), 1 when there is any error.

    \b
    Example:
      $ asmap validate field-data/ --crs EPSG:32648
      severity  layer         feature    field  problem                  what to do
      error     licenses.shp  MV-011722  kind   value 'minning' is not   use 'mining'
                                                allowed
      NOT USABLE: 9 layers, 1 error, 0 warnings; fix the errors and run
      `asmap validate` again
      $ asmap validate field-data/ --json > problems.json
    """
    from rich.console import Console

    from asmap.layers.validate import inspect

    checked = inspect(folder, crs=crs, rules_path=rules_path)
    checked.problems += _aoi_problems(checked, soum, rules_path)
    if as_json:
        click.echo(json.dumps([p.as_dict() for p in checked.problems], ensure_ascii=False,
                              indent=2))
    else:
        console = Console(highlight=False, soft_wrap=False, markup=False)  # data, not markup
        if checked.problems:
            console.print(_table(checked.problems))
        console.print(checked.verdict(), markup=False, soft_wrap=True,
                      style="bold red" if checked.errors else "bold green")
    if checked.errors:
        raise click.exceptions.Exit(1)


def _aoi_problems(checked, soum: str | None, rules_path) -> list:
    """What the area of interest leaves out, as `analyze` will say it (when usable)."""
    from asmap.geo.aoi import aoi_problems
    from asmap.geo.rules import Rules
    from asmap.layers.errors import AsmapError

    if checked.errors:
        return []  # the layers are not usable yet: first things first
    try:
        rules = (Rules.from_toml(rules_path) if rules_path else
                 Rules.from_mapping(dict(checked.settings.get("rules", {}))))
    except AsmapError:
        rules = Rules()
    return aoi_problems(checked.layers, soum=soum, margin_km=rules.aoi_margin_km)


def _table(problems):
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for name in ("severity", "layer", "feature", "field", "problem", "what to do"):
        table.add_column(name, overflow="fold")
    for p in problems:
        style = "red" if p.is_error else "yellow"
        table.add_row(p.severity, p.file or p.layer, p.feature, p.field, p.message, p.hint,
                      style=style)
    return table
