"""`asmap basemap build`: an offline basemap (MBTiles) covering a project's soum."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import OwnGoal, own_goal


def _zooms(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    from asmap.layers.errors import UsageError
    from asmap.maps.basemap.build import parse_zooms

    try:
        return parse_zooms(value)
    except UsageError as exc:
        raise click.BadParameter(exc.text(options.early_lang())) from None


@click.group("basemap", cls=options.I18nGroup, short_help="short_basemap",
             help="help_basemap_group")
def basemap() -> None:
    """Offline basemaps: MBTiles files of raster tiles drawn under every map and print.

    What --help says (in mn and en) is ``help_basemap_group`` in maps/i18n.py.
    """


@basemap.command("build", short_help="short_basemap_build", help="help_basemap_build")
@options.folder_arg
@click.option("--from", "source", required=True, metavar="SOURCE",
              help="help_bm_from")
@click.option("--out", "out", required=True, metavar="basemap.mbtiles",
              type=click.Path(dir_okay=False, path_type=Path),
              help="help_bm_out")
@click.option("--zoom", "zooms", default="8-15", show_default=True, metavar="MIN-MAX",
              callback=_zooms, help="help_bm_zoom")
@click.option("--margin-km", "margin_km", type=click.FloatRange(min=0), default=5.0,
              show_default=True, help="help_bm_margin")
@click.option("--attribution", default="", metavar="TEXT",
              help="help_bm_attribution")
@options.crs_opt
@options.lang_opt
def build(folder: Path, source: str, out: Path, zooms: tuple[int, int], margin_km: float,
          attribution: str, crs: str | None, lang: str | None) -> None:
    """Make an MBTiles basemap covering the soum of FOLDER grown by --margin-km.

    What --help says (in mn and en) is ``help_basemap_build`` in maps/i18n.py.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from asmap import layers
    from asmap.maps.basemap.area import aoi_bounds, grow_bounds
    from asmap.maps.basemap.build import build_basemap

    lang = options.resolve_lang(lang, folder)

    # the basemap belongs in the project folder (asmap reads it there): only the source
    # it is made from is protected, and the folder's other files by the .mbtiles suffix
    problem = None if "://" in source else own_goal(out, [Path(source)])
    if problem:
        raise OwnGoal(problem)
    area = grow_bounds(aoi_bounds(layers.load(folder, crs=crs)), margin_km)
    columns = ("[progress.description]{task.description}", BarColumn(),
               MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=_stderr(), transient=True) as bar:
        task = bar.add_task("tiles", total=None)
        built = build_basemap(source, out, bounds=area, zooms=zooms, attribution=attribution,
                              progress=lambda done, total: bar.update(task, completed=done,
                                                                      total=total))
    levels = ", ".join(f"z{z}: {n}" for z, n in built.per_zoom.items())
    resumed = (options.say("cli_basemap_resumed", lang, n=built.resumed) if built.resumed
               else "")
    click.echo(options.say("cli_wrote_basemap", lang, path=built.path, tiles=built.tiles,
                           levels=levels, resumed=resumed, mb=built.size / 1e6))


def _stderr():
    from rich.console import Console

    return Console(stderr=True)
