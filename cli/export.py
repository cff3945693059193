"""`asmap export`: a project or results for Google Earth, phone apps, QGIS and GIS tools."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs
from asmap.maps.exchange.export import FORMATS


@click.command(cls=options.I18nCommand, short_help="short_export", help="help_export")
@click.argument("source", required=False, callback=options._folder, metavar="[FOLDER|RESULTS.gpkg]")
@click.option("--to", "to", required=True, type=click.Choice(FORMATS), help="help_to")
@click.option("--out", required=True, type=click.Path(path_type=Path), metavar="PATH",
              help="help_export_out")
@options.profile_opt
@options.lang_opt
@options.results_opt
@options.rules_opt
@options.on_opt
@options.crs_opt
@options.no_photos_opt
@options.soum_opt
@options.basemap_opt
def export(source: Path, to: str, out: Path, profile: str, lang: str, results: Path | None,
           rules, on, crs: str | None, no_photos: bool, soum: str | None,
           basemap: str | None) -> None:
    """Export a project folder or an analysis (results.gpkg) for other tools.

    What --help says (in mn and en) is ``help_export`` in maps/i18n.py.
    """
    from asmap.maps.exchange.export import export as export_layers

    lang = options.resolve_lang(lang, source if source.is_dir() else None)
    check_outputs(**{"folders" if to in ("geojson", "shp") else "files": [out]})
    media = source if source.is_dir() else None
    if not source.is_dir() and (results or rules or on or crs or soum):
        raise click.UsageError(options.say("err_export_folder", lang))
    if basemap is not None and to != "mbtiles":
        raise click.UsageError(options.say("err_basemap_mbtiles", lang))
    if results or rules or on or soum:
        source = options.analysis_for(source, results=results, rules=rules, on=on, crs=crs,
                                      soum=soum)
        crs = None  # already used to read the folder
    written = export_layers(source, out, to=to, profile=profile, lang=lang, crs=crs,
                            media=media, photos=not no_photos, basemap=basemap)
    click.echo(options.say("cli_wrote_export", lang, path=written))
