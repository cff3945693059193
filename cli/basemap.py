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
        raise click.BadParameter(str(exc)) from None


@click.group("basemap", short_help="Make an offline basemap (MBTiles) for a project.")
def basemap() -> None:
    """Offline basemaps: MBTiles files of raster tiles that every map and print draws
    under the layers (a project folder's basemap.mbtiles is used by default).

    \b
    Example:
      $ asmap basemap build zaamar/ --from dem.tif --out zaamar/basemap.mbtiles
    """


@basemap.command("build", short_help="Make an MBTiles basemap of the soum from a source.")
@options.folder_arg
@click.option("--from", "source", required=True, metavar="SOURCE",
              help="A tile URL with {z}/{x}/{y} you may download from, an .mbtiles or "
                   ".pmtiles archive, or a GeoTIFF (scene, scanned sheet, or DEM).")
@click.option("--out", "out", required=True, metavar="basemap.mbtiles",
              type=click.Path(dir_okay=False, path_type=Path),
              help="MBTiles file to write (basemap.mbtiles in the folder is used by default).")
@click.option("--zoom", "zooms", default="8-15", show_default=True, metavar="MIN-MAX",
              callback=_zooms, help="Zoom levels to make.")
@click.option("--margin-km", "margin_km", type=click.FloatRange(min=0), default=5.0,
              show_default=True, help="Cover the soum grown by this many km.")
@click.option("--attribution", default="", metavar="TEXT",
              help="Credit shown on every map and print (the source's own by default).")
@options.crs_opt
def build(folder: Path, source: str, out: Path, zooms: tuple[int, int], margin_km: float,
          attribution: str, crs: str | None) -> None:
    """Make an MBTiles basemap covering the soum of FOLDER (its boundary, else its
    tailings) grown by --margin-km, at zooms --zoom.

    SOURCE is a tile server URL with {z}/{x}/{y} (one you are allowed to download
    from: the public OpenStreetMap servers are refused, their tile usage policy forbids
    bulk downloads), an MBTiles or PMTiles archive (cut to the area), or a GeoTIFF in
    any CRS: a satellite scene or a scanned sheet as it is, a DEM as a hillshade.

    An interrupted download is resumed by running the same command again; the file
    appears only when complete.

    \b
    Examples:
      $ asmap basemap build zaamar/ --from dem.tif --zoom 8-13 --attribution "SRTM" \\
          --out zaamar/basemap.mbtiles
      $ asmap basemap build zaamar/ --from "https://tiles.example.org/{z}/{x}/{y}.jpg" \\
          --attribution "Imagery © NGO partner" --out zaamar/basemap.mbtiles
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from asmap import layers
    from asmap.maps.basemap.area import aoi_bounds, grow_bounds
    from asmap.maps.basemap.build import build_basemap

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
    resumed = f", {built.resumed} from an earlier run" if built.resumed else ""
    click.echo(f"wrote {built.path}: {built.tiles} tiles ({levels}{resumed}), "
               f"{built.size / 1e6:.1f} MB")


def _stderr():
    from rich.console import Console

    return Console(stderr=True)
