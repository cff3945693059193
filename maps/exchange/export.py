"""Export a project or an analysis for other tools: KML/KMZ, GeoJSON, GeoPackage, Shapefile.

- ``kml``/``kmz``: Google Earth, OsmAnd, Organic Maps, Mapeo (see `maps.exchange.kml`).
- ``geojson``: a folder with one ``<layer>.geojson`` per layer.
- ``gpkg``: one layer per kind and per analysis output, plus the ``layer_styles`` table
  QGIS reads, so the file opens in QGIS already styled like the maps.
- ``shp``: a folder with one Shapefile per layer, field names of at most 10 characters
  (the renames are listed in ``FIELDS.md``) and a ``.cpg`` saying UTF-8.

Every output is written to a temporary name and renamed into place when complete.
"""

from __future__ import annotations

import dataclasses
import html
import re
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyogrio

from asmap.geo.result import Analysis
from asmap.geo.sharing import apply_profile, check_profile, filter_frame
from asmap.layers.atomic import atomic_dir, atomic_path, write_text_atomic
from asmap.layers.errors import DataError, UsageError
from asmap.layers.messages import word
from asmap.layers.specs import SPECS
from asmap.layers.writers import EMPTY_TYPES, write_layer
from asmap.maps.exchange.kml import family, write_kml
from asmap.maps.exchange.qgis import qml, sld
from asmap.maps.styles import site_category

FORMATS = ("kml", "kmz", "geojson", "gpkg", "shp", "mbtiles")
#: Geometry family of each analysis output, for empty layers.
OUTPUT_FAMILIES = {"sites": "polygon", "eligible_parts": "polygon", "exclusions": "polygon",
                   "routes": "line", "conflicts": "polygon", "agreements": "polygon"}
LAYER_STYLES_DDL = """
CREATE TABLE IF NOT EXISTS layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),
    f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
    useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
    update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
)"""


def export(source: Any, out: str | Path, *, to: str, profile: str = "internal",
           lang: str = "mn", crs: str | None = None, media: str | Path | None = None,
           photos: bool = True, basemap: str | Path | None = None) -> Path:
    """
    Write a project's layers, or an analysis with its layers, in a format for other tools.

    Parameters
    ----------
    source
        A `layers.Project` (or a mapping kind -> GeoDataFrame in EPSG:4326), a project
        folder, a `geo.Analysis`, or a results GeoPackage written by `geo.write_results`.
    out
        The file (``kml``, ``kmz``, ``gpkg``) or folder (``geojson``, ``shp``) to write.
    to
        One of `FORMATS`.
    profile
        ``internal`` keeps every column; ``public`` leaves out sensitive ones.
    lang
        Language of layer names, placemark descriptions and legend labels.
    crs
        When `source` is a project folder: CRS of its layers whose files do not say
        (``"EPSG:32648"``), as in `layers.load`.
    media
        The project folder the photos are in: a KMZ carries them (small JPEGs, no EXIF).
    photos
        False leaves the ``photo`` column, and the photos, out of every format.
    basemap
        For ``mbtiles``: the MBTiles file to cut to the soum (default: the project
        folder's ``basemap.mbtiles``), for ODK Collect, Mapeo or QField.

    Returns
    -------
    Path
        `out`.
    """
    if to not in FORMATS:
        raise UsageError(code="er_export_format", to=to, formats=", ".join(FORMATS))
    check_profile(profile)
    if to == "mbtiles":
        return export_basemap(_load(source, crs=crs), out, basemap=basemap)
    layers, analysis = collect(source, profile=profile, crs=crs)
    if not photos:
        layers = {k: f.drop(columns=["photo"]) if "photo" in f else f for k, f in layers.items()}
    out = Path(out)
    if to in ("kml", "kmz"):
        rules = analysis.rules if analysis else None
        return write_kml(layers, out, lang=lang, rules=rules, kmz=to == "kmz",
                         media=media if photos else None)
    if to == "gpkg":
        return write_gpkg(layers, out, lang=lang, analysis=analysis)
    return write_folder(layers, out, suffix=".geojson" if to == "geojson" else ".shp")


def export_basemap(source: Any, out: str | Path, *, basemap: str | Path | None = None) -> Path:
    """The project's basemap cut to the soum (`maps.basemap.build.build_basemap`)."""
    from asmap.maps.basemap.area import aoi_bounds
    from asmap.maps.basemap.build import build_basemap
    from asmap.maps.basemap.mbtiles import FOLDER_BASEMAP, resolve_basemap

    folder = getattr(source, "folder", None)
    path = resolve_basemap(basemap, folder)
    if path is None:
        raise UsageError(code="er_export_no_basemap", file=FOLDER_BASEMAP,
                         where=str(folder) if folder is not None else word("er_the_source"))
    frames = dict(source.layers) if isinstance(source, Analysis) else dict(source)
    if isinstance(source, Analysis):
        frames["sites"] = source.sites
    return build_basemap(path, out, bounds=aoi_bounds(frames), zooms=(0, 22)).path


def collect(source: Any, *, profile: str = "internal", crs: str | None = None
            ) -> tuple[dict[str, Any], Analysis | None]:
    """
    The layers to export, by name, filtered for `profile`, and the analysis (or None).

    Input layers come first in catalogue order, then the analysis outputs; sites get a
    ``category`` column (their legend category) and replace the tailings layer.
    `crs` is passed to `layers.load` when `source` is a project folder.
    """
    source = _load(source, crs=crs)
    if isinstance(source, Analysis):
        analysis = apply_profile(source, profile)
        layers = {k: f for k, f in _ordered(analysis.layers) if k != "tailings"}
        for name in ("exclusions", "eligible_parts", "routes", "conflicts", "agreements",
                     "sites"):
            layers[name] = getattr(analysis, name).to_crs("EPSG:4326")
        sites = layers["sites"].copy()
        sites["category"] = [site_category(s) for s in sites.to_dict("records")]
        layers["sites"] = sites
        return layers, dataclasses.replace(analysis, sites=sites)
    if not isinstance(source, Mapping):
        raise UsageError(code="er_export_source", kind=type(source).__name__)
    return {k: filter_frame(f, k, profile).to_crs("EPSG:4326")
            for k, f in _ordered(source)}, None


def _ordered(layers: Mapping[str, Any]) -> list[tuple[str, Any]]:
    order = list(SPECS)
    return sorted(layers.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)


def _load(source: Any, *, crs: str | None = None) -> Any:
    if not isinstance(source, str | Path):
        return source
    path = Path(source)
    if not path.exists():
        raise UsageError(code="er_no_path", path=path)
    if path.suffix.lower() == ".gpkg" and "sites" in {n for n, _ in pyogrio.list_layers(path)}:
        from asmap.geo import read_results

        inputs = [n for n, _ in pyogrio.list_layers(path) if n in SPECS]
        return read_results(path, {k: pyogrio.read_dataframe(path, layer=k) for k in inputs})
    from asmap.layers import load

    return load(path, crs=crs)


def _family(name: str, frame: Any) -> str:
    if len(frame):
        return family(frame)
    spec = SPECS.get(name)
    return OUTPUT_FAMILIES.get(name) or (spec.family if spec else "polygon")


def write_gpkg(layers: Mapping[str, Any], out: str | Path, *, lang: str = "mn",
               analysis: Analysis | None = None) -> Path:
    """
    One GeoPackage with every layer and a QGIS ``layer_styles`` row (QML + SLD) each.

    With an `analysis`, its outputs are written by `geo.write_results`, so the file
    is also a results GeoPackage that `geo.read_results` (and every command) reads.
    """
    from asmap.geo import write_results

    with atomic_path(out) as tmp:
        if analysis is not None:
            write_results(analysis, tmp)
        for name, frame in layers.items():
            if analysis is not None and name in Analysis.OUTPUTS:
                continue
            kwargs = {"geometry_type": EMPTY_TYPES.get(_family(name, frame), "Unknown")
                      } if frame.empty else {}
            pyogrio.write_dataframe(frame, tmp, driver="GPKG", layer=name, **kwargs)
        _add_styles(tmp, layers, lang=lang)
    return Path(out)


def _label_field(name: str, frame: Any) -> str | None:
    spec = SPECS.get("tailings" if name == "sites" else name)
    key = spec.id_column if spec else "site_id" if "site_id" in frame else None
    return key if key in frame else "name" if "name" in frame else None


def _add_styles(path: Path, layers: Mapping[str, Any], *, lang: str) -> None:
    """Write the ``layer_styles`` table exactly as QGIS does, registered as attributes."""
    with sqlite3.connect(path) as db:
        geometry_columns = dict(db.execute(
            "SELECT table_name, column_name FROM gpkg_geometry_columns").fetchall())
        db.execute(LAYER_STYLES_DDL)
        db.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, "
                   "description, last_change) VALUES ('layer_styles', 'attributes', "
                   "'layer_styles', '', strftime('%Y-%m-%dT%H:%M:%fZ','now'))")
        for name, frame in layers.items():
            geometry = _family(name, frame)
            db.execute(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
                "owner, ui) VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, '', NULL)",
                (name, geometry_columns.get(name, "geom"), name,
                 qml(name, geometry, label_field=_label_field(name, frame), lang=lang),
                 sld(name, geometry, lang=lang), "asmap: styles of the asmap maps"))
    db.close()


def write_folder(layers: Mapping[str, Any], out: str | Path, *, suffix: str) -> Path:
    """A folder with one GeoJSON or Shapefile per layer (a project folder again)."""
    renames: dict[str, dict[str, str]] = {}
    with atomic_dir(out) as tmp:
        for name, frame in layers.items():
            if suffix == ".shp" and frame.geometry.dropna().geom_type.str.replace(
                    "Multi", "").nunique() > 1:
                raise DataError(code="er_shapefile_mixed", name=name)
            renamed = write_layer(frame, tmp / f"{name}{suffix}", family=_family(name, frame))
            if renamed:
                renames[name] = renamed
        if renames:
            write_text_atomic(tmp / "FIELDS.md", _fields_table(renames))
    return Path(out)


def _fields_table(renames: Mapping[str, Mapping[str, str]]) -> str:
    lines = ["# Shapefile field names", "",
             "Shapefile fields hold at most 10 characters; these were shortened.", "",
             "| layer | field in the Shapefile | full name |", "|---|---|---|"]
    lines += [f"| {_md(layer)} | {_md(short)} | {_md(long)} |" for layer, names in renames.items()
              for long, short in names.items()]
    return "\n".join(lines) + "\n"


def _md(name: str) -> str:
    """A column name as a Markdown table cell: HTML and Markdown punctuation escaped."""
    return re.sub(r"([\\`*\[\]!|])", r"\\\1", html.escape(str(name)))


__all__ = ["FORMATS", "collect", "export", "export_basemap", "write_gpkg", "write_folder"]
