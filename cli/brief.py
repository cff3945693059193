"""`asmap brief`: the folder to take to the tripartite talks."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


@click.command("brief", short_help="Write the negotiation brief folder (maps, tables, summary).")
@options.folder_arg
@options.rules_opt
@options.on_opt
@options.lang_opt
@options.profile_opt
@options.crs_opt
@options.soum_opt
@click.option("--out", "out", required=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write (replaced as a whole when it exists).")
@click.option("--since", "since", metavar="OLD", type=click.Path(exists=True, path_type=Path),
              help="An earlier brief folder or results.gpkg: add what changed since then "
                   "to the summary and as a map layer.")
def brief(folder: Path, rules, on, lang: str, profile: str, crs: str | None, out: Path,
          since: Path | None, soum: str | None) -> None:
    """Analyse FOLDER and write everything negotiators carry to the talks into DIR:

    \b
      map.html       the interactive map, works with no network
      overview.pdf   the overview map, then one sheet per eligible site
      sites.csv      every site and why (machine column names)
      sites.xlsx     the same for people: headers in the language, hectares to 0.01
      conflicts.csv  overlapping licenses
      summary.md     counts, eligible hectares, who to negotiate with, posts where a
      summary.html   movement permit is needed, conflicts, rules, data sources
      results.gpkg   the analysis layers, for QGIS

    --since OLD adds a "Since the last brief" section to the summary and a "changes"
    layer (off by default) to the map: the sites that changed, the change in the popup.

    --profile public writes only columns the catalogue marks public (no names, phone
    numbers or unknown columns) in every file. The folder appears only when complete.

    \b
    Examples:
      $ asmap brief zaamar/ --on 2021-04-06 --out brief/
      $ asmap brief zaamar/ --lang en --profile public --out brief-public/
      $ asmap brief zaamar/ --on 2021-07-01 --since brief/ --out brief-july/
    """
    from asmap import maps

    check_outputs(folders=[out])
    analysis = options.analysis_for(folder, results=None, rules=rules, on=on, crs=crs,
                                    soum=soum)
    path = maps.write_brief(analysis, out, lang=lang, profile=profile, since=since)
    eligible = int(analysis.sites["eligible"].fillna(False).astype(bool).sum())
    click.echo(f"wrote {path}/ ({eligible} eligible sites, {lang}, {profile})")
