"""`asmap export`: a project or results for Google Earth, phone apps, QGIS and GIS tools."""

from __future__ import annotations

from pathlib import Path

import click

from asmap.cli import options
from asmap.cli.paths import check_outputs
from asmap.maps.exchange.export import FORMATS


@click.command(short_help="Export layers or results as KML/KMZ, GeoJSON, GeoPackage, Shapefile.")
@click.argument("source", required=False, callback=options._folder, metavar="[FOLDER|RESULTS.gpkg]")
@click.option("--to", "to", required=True, type=click.Choice(FORMATS), help="Output format.")
@click.option("--out", required=True, type=click.Path(path_type=Path), metavar="PATH",
              help="File (kml, kmz, gpkg) or folder (geojson, shp) to write.")
@options.profile_opt
@options.lang_opt
@options.results_opt
@options.rules_opt
@options.on_opt
@options.crs_opt
@options.soum_opt
def export(source: Path, to: str, out: Path, profile: str, lang: str, results: Path | None,
           rules, on, crs: str | None, soum: str | None) -> None:
    """Export a project folder or an analysis (results.gpkg) for other tools.

    kml/kmz for Google Earth, OsmAnd, Organic Maps and Mapeo; gpkg opens in QGIS
    already styled; geojson and shp write a folder with one file per layer.

    A FOLDER alone exports its layers. Add --on (or --rules) to analyse it first, or
    --results to use an earlier analysis: the export then holds every layer of the
    folder plus the analysis layers (sites with their verdicts, exclusions, routes,
    conflicts).

    \b
    Example:
      $ asmap export results.gpkg --to kmz --out zaamar.kmz --profile public
      $ asmap export zaamar/ --on 2021-04-06 --to gpkg --out zaamar-qgis.gpkg
    """
    from asmap.maps.exchange.export import export as export_layers

    check_outputs(**{"folders" if to in ("geojson", "shp") else "files": [out]})
    if not source.is_dir() and (results or rules or on or crs or soum):
        raise click.UsageError("--results, --rules, --on, --crs and --soum go with a project "
                               "FOLDER")
    if results or rules or on or soum:
        source = options.analysis_for(source, results=results, rules=rules, on=on, crs=crs,
                                      soum=soum)
        crs = None  # already used to read the folder
    written = export_layers(source, out, to=to, profile=profile, lang=lang, crs=crs)
    click.echo(f"Wrote {written}.")
