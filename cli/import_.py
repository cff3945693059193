"""`asmap import`: field data in (cadastre corner tables, handheld GPS)."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli.paths import check_outputs
from asmap.layers.specs import KINDS

_out = click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
                    metavar="OUT.gpkg|.geojson|.shp",
                    help="Layer file to write (its extension chooses the format).")


def _report(frame, out: Path, what: str) -> None:
    for problem in frame.attrs.get("problems", []):
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"Wrote {len(frame)} {what} to {out}.")


@click.group(name="import", short_help="Turn cadastre tables and GPS files into layers.")
def import_() -> None:
    """Turn field data into layers: cadastre corner tables and handheld GPS files."""


@import_.command(short_help="License polygons from a table of corner coordinates.")
@click.argument("table", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_out
@click.option("--crs", metavar="EPSG|PROJ",
              help="CRS of the coordinates when not WGS84 (Pulkovo 1942 needs +towgs84).")
def licenses(table: Path, out: Path, crs: str | None) -> None:
    """License polygons from a cadastre table, one row per corner point.

    Headers in English (license_id, point, lon, lat, holder, kind, status, start_date,
    end_date) or Mongolian (Тусгай зөвшөөрлийн дугаар, Цэг, Уртраг, Өргөрөг, Эзэмшигч,
    Төрөл, Төлөв). Coordinates in decimal degrees or DMS (104°52'20.5", 104 52 20.5,
    104:52:20.5, 104-52-20.5). Nothing is written when a row is bad.

    \b
    Example:
      $ asmap import licenses corners.xlsx --out zaamar/licenses.gpkg
    """
    from asmap.layers.cadastre import import_licenses

    check_outputs(files=[out], inputs=[table])

    _report(import_licenses(table, out, crs=crs), out, "licenses")


@import_.command(short_help="A layer from GPX waypoints and tracks, or a CSV of lat/lon.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", required=True, type=click.Choice(KINDS),
              help="Layer kind the features are.")
@_out
def gps(file: Path, kind: str, out: Path) -> None:
    """A layer from a handheld GPS or phone app (GPX) or a CSV with lat/lon columns.

    Waypoints become points named by the kind's id; tracks walked back to their start
    become polygons; open tracks become lines. Columns a GPS cannot know are left
    empty: fill them in, then run `asmap validate`.

    \b
    Example:
      $ asmap import gps walk.gpx --kind tailings --out zaamar/tailings.gpkg
    """
    from asmap.layers.gps import import_gps

    check_outputs(files=[out], inputs=[file])

    _report(import_gps(file, out, kind=kind), out, kind)
