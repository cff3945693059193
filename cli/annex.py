"""`asmap annex`: the annex of one agreement (georeferenced map and corner coordinates)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


def _out(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix.lower() != ".pdf":
        raise click.BadParameter(options.say("err_annex_out", path=value))
    return value


def _where(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
           ) -> tuple[Path, str]:
    """[FOLDER] AGREEMENT_ID: the folder is optional, the agreement is not."""
    if len(value) not in (1, 2):
        raise click.BadParameter(options.say("err_annex_where"))
    folder = options._folder(ctx, param, value[0] if len(value) == 2 else None)
    return folder, value[-1]


@click.command("annex", cls=options.I18nCommand, short_help="short_annex", help="help_annex")
@click.argument("where", nargs=-1, callback=_where, metavar="[FOLDER] AGREEMENT_ID")
@options.results_opt
@options.rules_opt
@options.on_opt
@options.lang_opt
@click.option("--paper", type=click.Choice(["A4", "A3"]), default="A4", show_default=True,
              help="help_annex_paper")
@options.profile_opt
@options.crs_opt
@click.option("--out", "out", required=True, metavar="ANNEX.pdf", callback=_out,
              type=click.Path(dir_okay=False, path_type=Path), help="help_annex_out")
@options.basemap_opt
@options.no_basemap_opt
@options.soum_opt
def annex(where: tuple[Path, str], results: Path | None, rules, on, lang: str | None, paper: str,
          profile: str, crs: str | None, out: Path, basemap: str | None,
          no_basemap: bool, soum: str | None) -> None:
    """Write the annex of agreement AGREEMENT_ID of FOLDER, to staple to the signed text.

    What --help says (in mn and en) is ``help_annex`` in maps/i18n.py.
    """
    from asmap import maps

    folder, agreement_id = where
    lang = options.resolve_lang(lang, folder)
    check_outputs(files=[out])
    choice = options.basemap_choice(basemap, no_basemap, local_only=True)
    analysis = options.analysis_for(folder, results=results, rules=rules, on=on, crs=crs,
                                    soum=soum)
    with options.said_warnings(lang):
        path = maps.write_annex(analysis, agreement_id, out, lang=lang, paper=paper,
                                profile=profile, basemap=choice)
    click.echo(options.say("cli_wrote_annex", lang, path=path, agreement=agreement_id,
                           paper=paper, language=lang, profile=profile))
