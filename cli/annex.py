"""`asmap annex`: the annex of one agreement (georeferenced map and corner coordinates)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options


def _out(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix.lower() != ".pdf":
        raise click.BadParameter(f"{value}: an annex is a PDF; name it *.pdf")
    return value


def _where(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
           ) -> tuple[Path, str]:
    """[FOLDER] AGREEMENT_ID: the folder is optional, the agreement is not."""
    if len(value) not in (1, 2):
        raise click.BadParameter("give the agreement id, after the folder if any "
                                 "(asmap annex zaamar/ AG-2021-01 --out annex.pdf)")
    folder = options._folder(ctx, param, value[0] if len(value) == 2 else None)
    return folder, value[-1]


@click.command("annex", short_help="Write an agreement's annex: map and corner coordinates.")
@click.argument("where", nargs=-1, callback=_where, metavar="[FOLDER] AGREEMENT_ID")
@options.results_opt
@options.rules_opt
@options.on_opt
@options.lang_opt
@click.option("--paper", type=click.Choice(["A4", "A3"]), default="A4", show_default=True,
              help="Paper size (portrait).")
@options.profile_opt
@options.crs_opt
@click.option("--out", "out", required=True, metavar="ANNEX.pdf", callback=_out,
              type=click.Path(dir_okay=False, path_type=Path), help="The PDF to write.")
def annex(where: tuple[Path, str], results: Path | None, rules, on, lang: str, paper: str,
          profile: str, crs: str | None, out: Path) -> None:
    """Write the annex of agreement AGREEMENT_ID of FOLDER, to staple to the signed text.

    Page 1: the agreed ground at a round scale with scale bar, north arrow, graticule,
    the license outline, the exclusion zones and the numbered corners; the parties,
    hectares, working window, council resolution, the checks and three signature
    blocks. Then the corner coordinate table of each site (DMS, decimal degrees, UTM).
    The map is georeferenced: a phone PDF map app shows your position on it.

    \b
    Examples:
      $ asmap annex AG-2021-01 --on 2021-04-06 --out AG-2021-01.pdf
      $ asmap annex zaamar/ AG-2021-02 --lang en --paper A3 --out annex.pdf
    """
    from asmap import maps

    folder, agreement_id = where
    analysis = options.analysis_for(folder, results=results, rules=rules, on=on, crs=crs)
    path = maps.write_annex(analysis, agreement_id, out, lang=lang, paper=paper,
                            profile=profile)
    click.echo(f"wrote {path} (annex of {agreement_id}, {paper}, {lang}, {profile})")
