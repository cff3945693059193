"""`asmap map`: the interactive site map as one HTML page (optionally fully offline)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


@click.command("map", short_help="Write the interactive site map (HTML, mn or en).")
@options.folder_arg
@options.results_opt
@options.rules_opt
@options.on_opt
@options.lang_opt
@click.option("--offline", is_flag=True,
              help="One self-contained file that works with no network at all.")
@options.profile_opt
@options.crs_opt
@options.soum_opt
@click.option("--out", "out", required=True, metavar="MAP.html",
              type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write.")
def map_(folder: Path, results: Path | None, rules, on, lang: str, offline: bool,
         profile: str, crs: str | None, out: Path, soum: str | None) -> None:
    """Write the interactive map of FOLDER: every layer, why each site is or is not
    eligible, who holds the land, the posts on the way, a legend and map tools.

    FOLDER holds the layers (default: the bundled Zaamar sample). Without --results
    the analysis runs first (rules from --rules, else the folder's asmap.toml).
    --offline inlines everything, so the page opens on a laptop with no connection;
    --profile public leaves out names, phone numbers and unknown columns.

    \b
    Example:
      $ asmap map zaamar/ --on 2021-04-06 --offline --out zaamar-map.html
      $ asmap map zaamar/ --results results.gpkg --lang en --profile public --out map.html
    """
    from asmap import maps

    check_outputs(files=[out])
    analysis = options.analysis_for(folder, results=results, rules=rules, on=on, crs=crs,
                                    soum=soum)
    path = maps.write_map(analysis, out, lang=lang, offline=offline, profile=profile)
    size = path.stat().st_size / 1_000_000
    click.echo(f"wrote {path} ({size:.1f} MB, {'offline' if offline else 'online'}, {lang})")
