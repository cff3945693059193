"""`asmap analyze`: flag eligible tailings, say why, and write the results."""

from __future__ import annotations

import json
from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs


@click.command(cls=options.I18nCommand, short_help="short_analyze", help="help_analyze")
@options.folder_arg
@options.rules_opt
@options.on_opt
@click.option("--out", "out", required=True, metavar="RESULTS.gpkg|DIR.parquet",
              type=click.Path(path_type=Path),
              help="help_analyze_out")
@click.option("--csv", "csv_path", metavar="SITES.csv",
              type=click.Path(dir_okay=False, path_type=Path),
              help="help_analyze_csv")
@options.json_opt
@options.crs_opt
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="help_engine")
@click.option("--scheduler", metavar="ADDRESS",
              help="help_scheduler")
@options.soum_opt
@options.lang_opt
def analyze(folder: Path, rules, on, out: Path, csv_path: Path | None, as_json: bool,
            crs: str | None, engine: str, scheduler: str | None, soum: str | None,
            lang: str | None) -> None:
    """Flag which tailings sites are eligible, record why not, whose land they are on,
    and which posts stand on the way from the base settlement.

    What --help says (in mn and en) is ``help_analyze`` in maps/i18n.py.
    """
    from asmap import geo, layers

    lang = options.resolve_lang(lang, folder)
    dataset = out.suffix.lower() == ".parquet"
    if dataset and (engine != "dask" or csv_path is not None):
        raise click.UsageError(options.say("err_dataset_needs_dask", lang))
    if dataset:  # a folder, replaced as a whole
        check_outputs(folders=[out])
    else:
        check_outputs(files=[out, csv_path])
    warned: list = []  # said once the progress bar is gone
    from asmap.geo.analyze import STEPS

    with options.step_progress(lang, "loading", len(STEPS) + 1) as step:
        if dataset:  # the workers read the sites: this process never holds them
            from asmap.geo.dask_sites import write_dask_folder

            summary = write_dask_folder(folder, out, input_crs=crs, rules=rules, on=on,
                                        progress=step, scheduler=scheduler, soum=soum,
                                        said=warned.extend)
        else:
            project = layers.load(folder, crs=crs)
            if scheduler is not None and engine != "dask":
                raise click.UsageError(options.say("err_scheduler_engine", lang))
            result = geo.analyze(project, rules=rules, on=on, progress=step, engine=engine,
                                 scheduler=scheduler, soum=soum)
            geo.write_results(result, out)
            if csv_path is not None:
                geo.write_sites_csv(result, csv_path)
            warned = result.warnings
            summary = result.summary()
    options.say_warnings(warned, lang)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    _print_summary(summary, out, csv_path, lang)


def _print_summary(summary: dict, out: Path, csv_path: Path | None, lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    def say(key: str, **values) -> str:
        return options.say(key, lang, **values)

    none = say("none")
    table = Table(title=say("cli_summary_title", on=summary["on"]), show_header=False)
    table.add_column("", style="bold")
    table.add_column("")
    from asmap.geo.crs import utm_zone_label

    table.add_row(say("cli_aoi"), summary["soum"] or say("cli_aoi_extent"))
    table.add_row(say("cli_measured_in"),
                  f"{summary['crs']} (UTM {utm_zone_label(summary['crs'])})")
    table.add_row(say("cli_sites"), str(summary["sites"]))
    table.add_row(say("cli_eligible"), str(summary["eligible"]))
    table.add_row(say("cli_eligible_unverified"), str(summary["eligible_unverified"]))
    table.add_row(say("cli_eligible_ha"), f"{summary['eligible_ha']:.2f}")
    for reason, count in summary["reasons"].items():  # the code, then its words
        table.add_row(f"  {reason}", f"{count} ({say(reason)})")
    table.add_row(say("cli_unchecked"), ", ".join(summary["unchecked"]) or none)
    table.add_row(say("cli_posts_permits"), ", ".join(summary["posts_needing_permits"]) or none)
    for party, sites in summary["negotiate_with"].items():
        shown = party if lang == "en" else say(party)  # "local government" has words in mn
        table.add_row(say("cli_negotiate_with", party=shown), ", ".join(sites))
    if summary.get("holder_unknown"):
        table.add_row(say("cli_holder_unknown"), ", ".join(summary["holder_unknown"]))
    table.add_row(say("cli_conflicts"), str(summary["conflicts"]))
    for agreement, checks in summary.get("agreements", {}).items():  # the codes stay codes
        table.add_row(say("cli_agreement", agreement=agreement),
                      ", ".join(checks) or say("cli_no_problem"))
    console = Console(width=max(100, Console().width), soft_wrap=True, markup=False,
                      highlight=False)  # names and paths are data, never markup
    console.print(table)
    console.print(say("cli_wrote_and", path=out, csv=csv_path) if csv_path
                  else say("cli_wrote", path=out))
