"""`asmap validate`: is this folder of GIS files usable? One table of problems, one verdict."""

from __future__ import annotations

import json

import click

from asmap.cli import options

#: Narrower terminals get one problem per paragraph instead of the table.
TABLE_WIDTH = 100


@click.command(cls=options.I18nCommand, short_help="short_validate", help="help_validate")
@options.folder_arg
@options.crs_opt
@click.option("--rules", "rules_path", type=click.Path(exists=True, dir_okay=False),
              metavar="RULES.toml", help="help_validate_rules")
@options.json_opt
@options.lang_opt
@options.soum_opt
def validate(folder, crs, rules_path, as_json, lang, soum):
    """Check every layer of FOLDER against the catalogue and list every problem.

    What --help says (in mn and en) is ``help_validate`` in maps/i18n.py.
    """
    from rich.console import Console

    from asmap.layers.validate import inspect

    lang = options.resolve_lang(lang, folder)
    checked = inspect(folder, crs=crs, rules_path=rules_path)
    checked.problems += _aoi_problems(checked, soum, rules_path)
    if as_json:
        click.echo(json.dumps([p.as_dict(lang) for p in checked.problems], ensure_ascii=False,
                              indent=2))
    else:
        console = Console(highlight=False, soft_wrap=False, markup=False)  # data, not markup
        if checked.problems and console.width >= TABLE_WIDTH:
            console.print(_table(checked.problems, lang))
        elif checked.problems:
            _paragraphs(console, checked.problems, lang)
        console.print(checked.verdict(lang), markup=False, soft_wrap=False,
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


def _table(problems, lang: str):
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for key in ("col_severity", "col_layer", "col_feature", "col_field"):
        table.add_column(options.say(key, lang), no_wrap=True)
    for key in ("col_problem", "col_todo"):
        table.add_column(options.say(key, lang), overflow="fold", ratio=1)
    for p in problems:
        message, hint = p.text(lang)
        table.add_row(options.say(f"sev_{p.severity}", lang), p.file or p.layer, p.feature,
                      p.field, message, hint, style="red" if p.is_error else "yellow")
    return table


def _paragraphs(console, problems, lang: str) -> None:
    """One problem per paragraph: where on one line, then what is wrong and what to do."""
    from rich.padding import Padding
    from rich.text import Text

    for p in problems:
        message, hint = p.text(lang)
        where = " · ".join(x for x in (options.say(f"sev_{p.severity}", lang),
                                       p.file or p.layer, p.feature, p.field) if x)
        console.print(Text(where, style="bold red" if p.is_error else "bold yellow"))
        console.print(Padding(Text(message), (0, 0, 0, 2), expand=False))
        if hint:
            console.print(Padding(Text("→ " + hint), (0, 0, 0, 2), expand=False))
        console.print()
