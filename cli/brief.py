"""`asmap brief`: the folder to take to the tripartite talks."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


@click.command("brief", cls=options.I18nCommand, short_help="short_brief", help="help_brief")
@options.folder_arg
@options.rules_opt
@options.on_opt
@options.lang_opt
@options.profile_opt
@options.crs_opt
@options.no_photos_opt
@options.photo_mb_opt
@options.soum_opt
@click.option("--out", "out", required=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="help_brief_out")
@click.option("--since", "since", metavar="OLD", type=click.Path(exists=True, path_type=Path),
              help="help_brief_since")
@options.basemap_opt
@options.no_basemap_opt
@options.basemap_mb_opt
def brief(folder: Path, rules, on, lang: str, profile: str, crs: str | None, no_photos: bool,
          photo_mb: float, out: Path, since: Path | None, soum: str | None,
          basemap: str | None, no_basemap: bool, basemap_mb: float) -> None:
    """Analyse FOLDER and write everything negotiators carry to the talks into DIR.

    What --help says (in mn and en) is ``help_brief`` in maps/i18n.py.
    """
    from asmap import maps

    lang = options.resolve_lang(lang, folder)
    check_outputs(folders=[out])
    choice = options.basemap_choice(basemap, no_basemap, local_only=True)
    analysis = options.analysis_for(folder, results=None, rules=rules, on=on, crs=crs,
                                    soum=soum)
    from asmap.maps.brief.folder import BRIEF_STEPS

    with options.said_warnings(lang), options.step_progress(
            lang, "brief_start", len(BRIEF_STEPS) + 1) as step:
        path = maps.write_brief(analysis, out, lang=lang, profile=profile, media=folder,
                                photos=not no_photos, photo_mb=photo_mb, since=since,
                                basemap=choice, basemap_mb=basemap_mb, progress=step)
    eligible = int(analysis.sites["eligible"].fillna(False).astype(bool).sum())
    click.echo(options.say("cli_wrote_brief", lang, path=path, n=eligible, language=lang,
                           profile=profile))
