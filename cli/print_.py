"""`asmap print`: a print-ready map page (PDF or PNG, A4 or A3, mn or en)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


def _out(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix.lower() not in (".pdf", ".png"):
        raise click.BadParameter(options.say("err_print_out", path=value))
    return value


@click.command("print", cls=options.I18nCommand, short_help="short_print", help="help_print")
@options.folder_arg
@options.results_opt
@options.rules_opt
@options.on_opt
@options.lang_opt
@click.option("--paper", type=click.Choice(["A4", "A3"]), default="A4", show_default=True,
              help="help_paper")
@click.option("--orientation", type=click.Choice(["landscape", "portrait"]),
              default="landscape", show_default=True, help="help_orientation")
@click.option("--site", "site", metavar="SITE_ID",
              help="help_site")
@options.profile_opt
@click.option("--basemap", metavar="FILE.mbtiles|osm|satellite|URL",
              callback=options._basemap_file,
              help="help_basemap")
@options.crs_opt
@options.soum_opt
@options.no_photos_opt
@click.option("--out", "out", required=True, metavar="MAP.pdf|MAP.png", callback=_out,
              type=click.Path(dir_okay=False, path_type=Path),
              help="help_print_out")
@options.no_basemap_opt
def print_(folder: Path, results: Path | None, rules, on, lang: str, paper: str,
           orientation: str, site: str | None, profile: str, basemap: str | None,
           crs: str | None, soum: str | None, no_photos: bool, out: Path,
           no_basemap: bool) -> None:
    """Write a print-ready map of FOLDER: title, map with every layer, site labels,
    legend, scale bar, north arrow, lat/lon grid, the table of eligible sites and the
    data sources with their dates.

    What --help says (in mn and en) is ``help_print`` in maps/i18n.py.
    """
    from asmap import maps
    from asmap.maps.basemap.mbtiles import is_local

    lang = options.resolve_lang(lang, folder)
    check_outputs(files=[out])
    basemap = options.basemap_choice(basemap, no_basemap)
    analysis = options.analysis_for(folder, results=results, rules=rules, on=on, crs=crs,
                                    soum=soum)
    if basemap and not is_local(basemap):
        from asmap.maps.tiles import TIMEOUT_S, check_basemap

        check_basemap(basemap)  # a bad name fails before anything else is said
        click.echo(options.say("cli_fetching_tiles", lang, basemap=basemap,
                               seconds=TIMEOUT_S), err=True)
    with options.said_warnings(lang):
        path = maps.write_print(analysis, out, lang=lang, paper=paper,
                                orientation=orientation, site=site, profile=profile,
                                basemap=basemap, media=folder, photos=not no_photos)
    what = options.say("cli_site_sheet", lang, site=site) if site else options.say(
        "cli_overview", lang)
    click.echo(options.say("cli_wrote_print", lang, path=path, what=what, paper=paper,
                           orientation=orientation, language=lang, profile=profile))
