"""`asmap timeline`: when each site's verdict changes, and which event changes it."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


@click.command("timeline", cls=options.I18nCommand, short_help="short_timeline",
               help="help_timeline")
@options.folder_arg
@click.option("--from", "start", required=True, callback=options._date, metavar="YYYY-MM-DD",
              help="help_timeline_from")
@click.option("--to", "end", required=True, callback=options._date, metavar="YYYY-MM-DD",
              help="help_timeline_to")
@click.option("--site", "sites", multiple=True, metavar="ID",
              help="help_timeline_site")
@click.option("--out", "out", required=True, metavar="TIMELINE.csv",
              type=click.Path(dir_okay=False, path_type=Path),
              help="help_timeline_out")
@options.rules_opt
@options.lang_opt
@options.crs_opt
@options.soum_opt
def timeline(folder: Path, start, end, sites: tuple[str, ...], out: Path, rules,
             lang: str | None, crs: str | None, soum: str | None) -> None:
    """Analyse FOLDER on every date an input changes between --from and --to, and write
    each site's intervals and a chart per site.

    What --help says (in mn and en) is ``help_timeline`` in maps/i18n.py.
    """
    from asmap import geo, layers
    from asmap.geo.timeline import LongPeriodWarning
    from asmap.maps.brief.timeline import sentences, write_timeline

    lang = options.resolve_lang(lang, folder)
    if start > end:
        raise click.UsageError(options.say("err_from_after_to", lang, start=start, end=end))
    check_outputs(files=[out, out.with_suffix(".html")])
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", LongPeriodWarning)
        table = geo.timeline(layers.load(folder, crs=crs), start, end, rules=rules,
                             sites=list(sites) or None, soum=soum)
    for warning in said:
        if issubclass(warning.category, LongPeriodWarning):
            click.echo(options.say("cli_warning", lang, text=warning.message.text(lang)),
                       err=True)
    csv_path, page = write_timeline(table, out, start, end, lang=lang)
    for line in sentences(table, lang=lang):
        click.echo(line)
    dates = len(table.attrs.get("dates", []))
    click.echo(options.say("cli_wrote_timeline", lang, csv=csv_path, page=page,
                           sites=table["site_id"].nunique(), n=len(table), dates=dates))
