"""`asmap import`: field data in (cadastre corner tables, handheld GPS)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs
from asmap.layers.specs import KINDS

_out = click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
                    metavar="OUT.gpkg|.geojson|.shp", help="help_import_out")


def _report(frame, out: Path, what: str, lang: str) -> None:
    for problem in frame.attrs.get("problems", []):
        text = problem.line(lang) if hasattr(problem, "line") else str(problem)
        click.echo(options.say("cli_warning", lang, text=text), err=True)
    click.echo(options.say("cli_wrote_layer", lang, n=len(frame), what=what, out=out))


@click.group(name="import", cls=options.I18nGroup, short_help="short_import",
             help="help_import")
def import_() -> None:
    """Turn field data into layers: cadastre corner tables, GPS files, phone exports."""


@import_.command(short_help="short_licenses", help="help_licenses")
@click.argument("table", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_out
@click.option("--crs", metavar="EPSG|PROJ",
              help="help_import_crs")
@options.lang_opt
def licenses(table: Path, out: Path, crs: str | None, lang: str | None) -> None:
    """License polygons from a cadastre table, one row per corner point.

    What --help says (in mn and en) is ``help_licenses`` in maps/i18n.py.
    """
    from asmap.layers.cadastre import import_licenses

    lang = options.resolve_lang(lang)
    check_outputs(files=[out], inputs=[table])
    _report(import_licenses(table, out, crs=crs), out, "licenses", lang)


@import_.command(short_help="short_gps", help="help_gps")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", required=True, type=click.Choice(KINDS), help="help_kind")
@_out
@options.lang_opt
def gps(file: Path, kind: str, out: Path, lang: str | None) -> None:
    """A layer from a handheld GPS or phone app (GPX) or a CSV with lat/lon columns.

    What --help says (in mn and en) is ``help_gps`` in maps/i18n.py.
    """
    from asmap.layers.gps import import_gps

    lang = options.resolve_lang(lang)
    check_outputs(files=[out], inputs=[file])
    _report(import_gps(file, out, kind=kind), out, kind, lang)


@import_.command(short_help="short_kobo", help="help_kobo")
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                metavar="EXPORT.xlsx|EXPORT.csv|EXPORT.zip")
@click.option("--kind", required=True, type=click.Choice(["tailings", "posts", "settlements"]),
              help="help_kind")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              metavar="LAYER.gpkg", help="help_import_out")
@click.option("--map", "fields", metavar="FIELDS.toml",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="help_kobo_map")
@options.lang_opt
def kobo(export: Path, kind: str, out: Path, fields: Path | None, lang: str | None) -> None:
    """A layer from a KoboToolbox or ODK Central data export (XLSX, CSV or ZIP).

    What --help says (in mn and en) is ``help_kobo`` in maps/i18n.py.
    """
    from asmap.layers.errors import ProblemError
    from asmap.layers.kobo import import_kobo

    lang = options.resolve_lang(lang)
    check_outputs(files=[out], inputs=[export, *([fields] if fields else [])])
    try:
        frame = import_kobo(export, out, kind=kind, fields=fields)
    except ProblemError as exc:  # every bad row on its own line, then what it means
        for problem in exc.problems:
            click.echo(problem.line(lang), err=True)
        raise click.ClickException(options.say("cli_nothing_written", lang, file=export.name,
                                               n=len(exc.problems))) from None
    _report(frame, out, kind, lang)
