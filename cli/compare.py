"""`asmap compare`: what changed between two analyses (two data versions or two dates)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options


@click.command("compare", short_help="What changed between two results or briefs.")
@click.argument("old", type=click.Path(exists=True, path_type=Path), metavar="OLD")
@click.argument("new", type=click.Path(exists=True, path_type=Path), metavar="NEW")
@click.option("--out", "out", required=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write (replaced as a whole when it exists).")
@options.lang_opt
def compare(old: Path, new: Path, out: Path, lang: str) -> None:
    """Compare OLD with NEW and write what changed into DIR.

    OLD and NEW are results GeoPackages (`asmap analyze --out`) or brief folders (they
    hold results.gpkg): two versions of the data, or the same data on two dates.

    \b
      changes.csv    one row per change: site_id, change (in words), before, after
      changes.xlsx   the same, headers in the language
      changes.md     counts, sites that became or stopped being eligible and why,
      changes.html   licenses and posts that appeared or went, agreements that changed
      changes.gpkg   the changed sites with a `change` column, for QGIS

    \b
    Examples:
      $ asmap compare brief-march/ brief-june/ --out changes/
      $ asmap compare old.gpkg new.gpkg --lang en --out changes/
    """
    from asmap.geo.compare import compare as compare_results
    from asmap.geo.compare import results_of, rule_differences
    from asmap.maps.brief.changes import write_changes

    before, after = results_of(old), results_of(new)
    differ = rule_differences(before, after)
    if differ:
        click.echo("warning: OLD and NEW were made with different rules ("
                   + ", ".join(f"{k} {a:g} -> {b:g}" for k, (a, b) in differ.items())
                   + "); compared all the same", err=True)
    write_changes(before, after, out, lang=lang)
    changes = compare_results(before, after)
    click.echo(f"wrote {out}/ ({len(changes)} changes at {changes['site_id'].nunique()} "
               f"sites, {before.on} -> {after.on})")
