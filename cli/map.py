"""`asmap map`: the interactive site map as one HTML page (optionally fully offline)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


@click.command("map", cls=options.I18nCommand, short_help="short_map", help="help_map")
@options.folder_arg
@options.results_opt
@options.rules_opt
@options.on_opt
@options.lang_opt
@click.option("--offline", is_flag=True,
              help="help_offline")
@options.profile_opt
@options.crs_opt
@options.no_photos_opt
@options.photo_mb_opt
@options.soum_opt
@click.option("--out", "out", required=True, metavar="MAP.html",
              type=click.Path(dir_okay=False, path_type=Path), help="help_map_out")
@options.basemap_opt
@options.no_basemap_opt
@options.basemap_mb_opt
def map_(folder: Path, results: Path | None, rules, on, lang: str, offline: bool,
         profile: str, crs: str | None, no_photos: bool, photo_mb: float, out: Path,
         soum: str | None, basemap: str | None, no_basemap: bool, basemap_mb: float) -> None:
    """Write the interactive map of FOLDER: every layer, why each site is or is not
    eligible, who holds the land, the posts on the way, a legend and map tools.

    What --help says (in mn and en) is ``help_map`` in maps/i18n.py.
    """
    from asmap import maps

    lang = options.resolve_lang(lang, folder)
    check_outputs(files=[out])
    choice = options.basemap_choice(basemap, no_basemap, local_only=True)
    analysis = options.analysis_for(folder, results=results, rules=rules, on=on, crs=crs,
                                    soum=soum)
    with options.said_warnings(lang):
        path = maps.write_map(analysis, out, lang=lang, offline=offline, profile=profile,
                              media=folder, photos=not no_photos, photo_mb=photo_mb,
                              basemap=choice, basemap_mb=basemap_mb)
    size = path.stat().st_size / 1_000_000
    mode = options.say("cli_offline" if offline else "cli_online", lang)
    click.echo(options.say("cli_wrote_map", lang, path=path, mb=size, mode=mode,
                           language=lang))
