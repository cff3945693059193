"""`asmap compare`: what changed between two analyses (two data versions or two dates)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs, record_input


@click.command("compare", cls=options.I18nCommand, short_help="short_compare",
               help="help_compare")
@click.argument("old", type=click.Path(exists=True, path_type=Path), metavar="OLD")
@click.argument("new", type=click.Path(exists=True, path_type=Path), metavar="NEW")
@click.option("--out", "out", required=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="help_brief_out")
@options.lang_opt
def compare(old: Path, new: Path, out: Path, lang: str | None) -> None:
    """Compare OLD with NEW and write what changed into DIR.

    What --help says (in mn and en) is ``help_compare`` in maps/i18n.py.
    """
    from asmap.geo.compare import compare as compare_results
    from asmap.geo.compare import results_of, rule_differences
    from asmap.maps.brief.changes import write_changes

    lang = options.resolve_lang(lang)
    before, after = results_of(old), results_of(new)  # first: say what is not results
    record_input(old)
    record_input(new)
    check_outputs(folders=[out])
    differ = rule_differences(before, after)
    if differ:
        rules = ", ".join(f"{k} {a:g} -> {b:g}" for k, (a, b) in differ.items())
        click.echo(options.say("cli_warning", lang,
                               text=options.say("cli_rules_differ", lang, rules=rules)),
                   err=True)
    write_changes(before, after, out, lang=lang)
    changes = compare_results(before, after)
    click.echo(options.say("cli_wrote_changes", lang, out=out, n=len(changes),
                           sites=changes["site_id"].nunique(), old=before.on, new=after.on))
