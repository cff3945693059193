"""`asmap timeline`: when each site's verdict changes, and which event changes it."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from asmap.cli import options


@click.command("timeline", short_help="When each site's verdict changes over a period.")
@options.folder_arg
@click.option("--from", "start", required=True, callback=options._date, metavar="YYYY-MM-DD",
              help="First day of the period.")
@click.option("--to", "end", required=True, callback=options._date, metavar="YYYY-MM-DD",
              help="Last day of the period.")
@click.option("--site", "sites", multiple=True, metavar="ID",
              help="Follow only this site (repeat for more); default: every site.")
@click.option("--out", "out", required=True, metavar="TIMELINE.csv",
              type=click.Path(dir_okay=False, path_type=Path),
              help="CSV of intervals to write; timeline.html is written beside it.")
@options.rules_opt
@options.lang_opt
@options.crs_opt
def timeline(folder: Path, start, end, sites: tuple[str, ...], out: Path, rules, lang: str,
             crs: str | None) -> None:
    """Analyse FOLDER on every date an input changes between --from and --to, and write
    each site's intervals (site_id, from, until, eligible, reasons, notes,
    negotiate_with, posts_on_route, changed_by) and a chart per site.

    Events: a post's start_date and the day after its end_date, a license's start and
    the day after its end, a planned reclamation's start_date minus
    reclamation_notice_days, an agreement's dates.

    \b
    Examples:
      $ asmap timeline zaamar/ --from 2021-01-01 --to 2021-12-31 --out timeline.csv
      $ asmap timeline --from 2021-04-06 --to 2022-04-05 --site ZT-07 --out zt07.csv
    """
    from asmap import geo, layers
    from asmap.geo.timeline import LongPeriodWarning
    from asmap.maps.brief.timeline import sentences, write_timeline

    if start > end:
        raise click.UsageError(f"--from {start} is after --to {end}; give --from first")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", LongPeriodWarning)
        table = geo.timeline(layers.load(folder, crs=crs), start, end, rules=rules,
                             sites=list(sites) or None, crs=crs)
    for warning in said:
        if issubclass(warning.category, LongPeriodWarning):
            click.echo(f"warning: {warning.message}", err=True)
    csv_path, page = write_timeline(table, out, start, end, lang=lang)
    for line in sentences(table, lang=lang):
        click.echo(line)
    dates = len(table.attrs.get("dates", []))
    click.echo(f"wrote {csv_path} and {page} ({table['site_id'].nunique()} sites, "
               f"{len(table)} intervals, {dates} dates analysed)")
