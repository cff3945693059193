"""Layers from phone forms: the data exports of KoboToolbox and ODK Central.

Both tools export one row per submission, as XLSX or CSV (``;`` or ``,``), with the
form's field names ("XML values and headers") or its labels as headers, group names
before the field name (``group_site/stage`` in KoboToolbox, ``group_site-stage`` in ODK
Central), and their own columns (``_uuid``, ``_submission_time``, ``_index`` in Kobo;
``KEY``, ``meta-instanceID``, ``SubmissionDate`` in ODK). A geopoint is one text column
``lat lon alt acc`` and, in Kobo, split columns ``_location_latitude`` ...; in ODK
``location-Latitude`` ...; a geoshape or geotrace is ``lat lon alt acc;lat lon alt
acc;...``. Repeat groups come in other sheets of the XLSX (Kobo) or as
``FORM-REPEAT.csv`` beside ``FORM.csv`` in ODK Central's CSV ZIP. The forms shipped in
``forms/`` use the catalogue's column names, so their exports import with no mapping.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import zipfile
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely

from asmap.layers.checks import check_layer
from asmap.layers.errors import ProblemError, UsageError
from asmap.layers.kobo_forms import CHOICES, FIELD_LABELS, GEO_FIELDS
from asmap.layers.problems import Problem
from asmap.layers.specs import get_spec

#: The export's own columns, kept under these names (ODK Central's names read as Kobo's).
META = {"_uuid": "_uuid", "meta-instanceid": "_uuid", "meta/instanceid": "_uuid",
        "key": "_uuid", "_submission_time": "_submission_time",
        "submissiondate": "_submission_time", "_index": "_index"}
#: Other bookkeeping columns of the two tools, left out of the layer.
DROPPED = {"_id", "_validation_status", "_notes", "_status", "_submitted_by", "__version__",
           "_tags", "_attachments", "_geolocation", "_xform_id_string", "start", "end",
           "today", "deviceid", "submitterid", "submittername", "attachmentspresent",
           "attachmentsexpected", "status", "reviewstate", "edits",
           "formversion", "instanceid", "meta-instancename", "_parent_index",
           "_parent_table_name", "_submission__id", "_submission__uuid",
           "meta/rootuuid", "meta-rootuuid"}
PARTS = ("latitude", "longitude", "altitude", "precision", "accuracy")
SPLIT = re.compile(r"^_?(?P<field>.*?)[-_/.](?P<part>" + "|".join(PARTS) + r")$", re.I)
GROUP_SEPARATORS = re.compile(r"[/\-.:]")
KINDS = ("tailings", "posts", "settlements")


def import_kobo(path: str | Path, out: str | Path, *, kind: str,
                fields: str | Path | None = None) -> gpd.GeoDataFrame:
    """
    Read a KoboToolbox or ODK Central export and write it as a layer of `kind`.

    Parameters
    ----------
    path
        The export: ``.xlsx`` (first sheet the submissions, other sheets repeat groups),
        ``.csv`` (``;`` or ``,`` separated), or ODK Central's ``.zip`` (``FORM.csv`` the
        submissions, ``FORM-REPEAT.csv`` each repeat group).
    out
        The layer file to write (``.gpkg``, ``.geojson`` or ``.shp``). Repeat groups go
        into the GeoPackage as tables named after their sheets (in a ZIP, after the
        ``REPEAT`` of their file's name), or beside the file as
        ``OUT_SHEET.csv``.
    kind
        ``tailings`` (a geoshape each), ``posts`` or ``settlements`` (a geopoint each).
    fields
        A TOML file whose ``[fields]`` table names the export column of a catalogue
        column (``stage = "q3"``; ``geometry = "where"`` for the location).

    Returns
    -------
    GeoDataFrame
        The layer as written, checked as `asmap validate` checks it.

    Raises
    ------
    ProblemError
        Naming every bad row (row, column, what to do); nothing is written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "posts.csv").write_text(
    ...     "post_id;authority;location;_uuid\\nP-1;police;48.21 104.77 1136 4.5;u-1\\n")
    >>> layer = import_kobo(tmp / "posts.csv", tmp / "posts.gpkg", kind="posts")
    >>> layer.loc[0, "post_id"], float(layer.loc[0, "precision_m"]), layer.geometry[0].x
    ('P-1', 4.5, 104.77)
    """
    path, out = Path(path), Path(out)
    if kind not in KINDS:
        raise UsageError(code="kb_kind", kind=kind, kinds=", ".join(KINDS))
    spec = get_spec(kind)
    main, repeats = read_export(path)
    given = _map_file(fields)
    table, headers = _rename(main, spec, given)
    problems: list[Problem] = []

    def bad(row: int, column: str, code: str, **params) -> None:
        """One bad row: its row in the spreadsheet (the header is row 1), its header."""
        problems.append(Problem.of("error", kind, f"row {row + 2}", headers.get(column, column),
                                   code, file=path.name, **params))

    table, geometry = _geometries(table, main, spec, given, bad, path.name)
    _choices(table, spec, bad)
    if problems:
        raise ProblemError(problems, nothing_written=path.name)
    frame = gpd.GeoDataFrame(table, geometry=list(geometry), crs=4326)
    checked, found = check_layer(frame, spec, file=path.name)
    errors = [p for p in found if p.is_error]
    if errors or checked is None:
        raise ProblemError(errors or found, nothing_written=path.name)
    _write(checked, out, kind, repeats)
    checked.attrs["problems"] = [p for p in found if not p.is_error]
    return checked


def read_export(path: Path) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """The submissions (text, empty cells None) and the repeat-group tables of an export."""
    if not path.is_file():
        raise UsageError(code="er_no_file", path=path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        sheets = pd.read_excel(path, sheet_name=None, dtype=object, engine="openpyxl")
        names = list(sheets)
        return _text(sheets[names[0]]), {n: _text(sheets[n]) for n in names[1:]}
    if suffix == ".csv":
        return _text(_csv(path.read_bytes())), {}
    if suffix == ".zip":
        return _read_zip(path)
    raise UsageError(code="kb_format", path=path.name)


def _csv(raw: bytes) -> pd.DataFrame:
    """A CSV export as text: UTF-8 (with or without BOM) or cp1251, ``;`` or ``,``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")
    first = text.splitlines()[0] if text else ""
    sep = ";" if first.count(";") > first.count(",") else ","
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                       quoting=csv.QUOTE_MINIMAL)


def _read_zip(path: Path) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """ODK Central's CSV ZIP: ``FORM.csv`` (the submissions), ``FORM-REPEAT.csv`` per
    repeat group (its fields, ``PARENT_KEY``, ``KEY``), photos in ``media/``."""
    try:
        with zipfile.ZipFile(path) as archive:
            tables = {Path(name).stem: _csv(archive.read(name))
                      for name in archive.namelist()
                      if name.lower().endswith(".csv") and not name.startswith("media/")}
    except (zipfile.BadZipFile, OSError) as exc:
        raise UsageError(code="kb_bad_zip", path=path.name, detail=str(exc)) from None
    roots = [name for name, table in tables.items() if "PARENT_KEY" not in table.columns]
    if len(roots) != 1:
        raise UsageError(code="kb_zip", path=path.name, n=len(roots),
                         names=", ".join(f"{name}.csv" for name in roots) or "-")
    root = roots[0]
    repeats = {name.removeprefix(f"{root}-"): _text(table) for name, table in tables.items()
               if name != root}
    return _text(tables[root]), repeats


def _text(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell as stripped text (dates of a spreadsheet as YYYY-MM-DD), empty as None."""
    def one(value: object) -> str | None:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return None
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # a spreadsheet's 1.0 (Kobo's _index) is 1
        if isinstance(value, pd.Timestamp | datetime):
            stamp = pd.Timestamp(value)
            return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat()
        return str(value).strip() or None

    columns = [str(c).strip() for c in table.columns]
    return pd.DataFrame({name: pd.Series([one(v) for v in table.iloc[:, j].tolist()],
                                         dtype=object, index=table.index)
                         for j, name in enumerate(columns)})


def _map_file(fields: str | Path | None) -> dict[str, str]:
    if fields is None:
        return {}
    path = Path(fields)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(code="kb_map_file", path=path.name, detail=str(exc)) from None
    table = data.get("fields", {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise UsageError(code="kb_map_file", path=path.name,
                         detail='write [fields] then column = "export header"')
    return {header: column for column, header in table.items()}


def _rename(main: pd.DataFrame, spec, given: dict[str, str]
            ) -> tuple[pd.DataFrame, dict[str, str]]:
    """Catalogue names for the columns (by --map, by name, by label), and the export's
    header of each (for problems); the tools' own columns kept or left out."""
    labels = {label.casefold(): name for name, words in FIELD_LABELS.items()
              for label in words}
    renames: dict[str, str] = {}
    drop = []
    for header in main.columns:
        low = header.casefold()
        tail = GROUP_SEPARATORS.split(header)[-1].casefold()
        after_group = header.split("/")[-1].casefold()  # labels may hold hyphens
        if header in given:
            renames[header] = given[header]
        elif low in META or tail in META:
            renames[header] = META.get(low) or META[tail]
        elif low in DROPPED or low.endswith("_url") or SPLIT.match(header):
            drop.append(header)
        else:
            renames[header] = _field(low, tail, after_group, spec, labels)
    table = main.drop(columns=drop).rename(columns=renames)
    table = table.loc[:, ~table.columns.duplicated()]
    if "_uuid" in table:  # ODK Central writes uuid:..., Kobo the bare uuid
        table["_uuid"] = [v[5:] if isinstance(v, str) and v.startswith("uuid:") else v
                          for v in table["_uuid"].tolist()]
    if "_index" not in table:
        table["_index"] = [str(i + 1) for i in range(len(table))]
    headers = {}
    for header, name in renames.items():
        headers.setdefault(name, header)
    return table, headers


def _field(low: str, tail: str, after_group: str, spec, labels: dict[str, str]) -> str:
    """The field a header stands for: a catalogue column, a form field, else its name."""
    for candidate in (low, tail, after_group):
        name = labels.get(candidate, candidate)
        column = spec.column(name)
        if column is not None:
            return column.name
        if name in FIELD_LABELS:
            return name
    return tail


def _geometries(table: pd.DataFrame, main: pd.DataFrame, spec, given, bad, file: str):
    """One geometry per row from the location column or the split latitude/longitude."""
    polygon = spec.family == "polygon"
    column = given_geo = next((v for k, v in given.items() if v == "geometry"), None)
    if given_geo is not None:
        column = "geometry"
    else:
        column = next((c for c in table.columns if c in GEO_FIELDS), None)
    split = _split_columns(main)
    if column is None and split is None:
        raise ProblemError([Problem.of("error", spec.kind, "", "", "kb_no_location",
                                       file=file)], nothing_written=file)
    geoms = np.full(len(table), None, dtype=object)
    accuracy = np.full(len(table), np.nan)
    where = column or split[0]
    for i in range(len(table)):
        text = table[column].iloc[i] if column is not None else None
        if text is None and split is not None and not polygon:
            lat, lon, acc = (main[c].iloc[i] if c else None for c in split[1:])
            text = f"{lat} {lon} 0 {acc or ''}" if lat and lon else None
        if text is None:
            bad(i, where, "kb_row_no_location")
            continue
        try:
            points = [[float(x) for x in part.split()] for part in text.split(";")
                      if part.strip()]
            if any(len(p) < 2 for p in points):
                raise ValueError(text)
        except ValueError:
            bad(i, where, "kb_bad_coordinates", value=text)
            continue
        if polygon:
            geoms[i] = _polygon(points, i, where, bad)
        elif len(points) != 1:
            bad(i, where, "kb_not_a_point", n=len(points))
        else:
            geoms[i] = shapely.Point(points[0][1], points[0][0])
            accuracy[i] = points[0][3] if len(points[0]) > 3 else np.nan
    if column is not None:
        table = table.drop(columns=[column])
    if "precision_m" in spec.column_names and not polygon:
        known = table["precision_m"] if "precision_m" in table else pd.Series(
            [None] * len(table), index=table.index)
        table["precision_m"] = [k if k is not None else (None if np.isnan(a) else a)
                                for k, a in zip(known.tolist(), accuracy, strict=True)]
    return table, geoms


def _polygon(points, i, where, bad):
    distinct = {(p[0], p[1]) for p in points}
    if len(distinct) < 3:
        bad(i, where, "kb_shape_few", n=len(distinct))
        return None
    if (points[0][0], points[0][1]) != (points[-1][0], points[-1][1]):
        bad(i, where, "kb_shape_open")
        return None
    return shapely.Polygon([(p[1], p[0]) for p in points])


def _split_columns(main: pd.DataFrame):
    """(field, latitude column, longitude column, accuracy column) of a split geopoint."""
    found: dict[str, dict[str, str]] = {}
    for header in main.columns:
        match = SPLIT.match(header)
        if match:
            part = match["part"].lower().replace("accuracy", "precision")
            found.setdefault(match["field"].casefold(), {})[part] = header
    for field, parts in found.items():
        if "latitude" in parts and "longitude" in parts:
            return field, parts["latitude"], parts["longitude"], parts.get("precision")
    return None


def _choices(table: pd.DataFrame, spec, bad) -> None:
    """Choice values by name or by their label in either language, made names."""
    for column in spec.columns:
        if not column.allowed or column.name not in table:
            continue
        words = {name.casefold(): name for name in column.allowed}
        for name, labels in CHOICES.get(column.name, {}).items():
            words.update({label.casefold(): name for label in labels})
        values = []
        for i, value in enumerate(table[column.name].tolist()):
            key = None if value is None else re.sub(r"[\s-]+", " ", value).strip().casefold()
            name = words.get(key) if key else None
            if name is None and key:
                name = words.get(key.replace(" ", "_"))
            if value is not None and name is None:
                bad(i, column.name, "kb_unknown_choice", value=value,
                    allowed=", ".join(column.allowed))
            values.append(name)
        table[column.name] = values


def _write(frame: gpd.GeoDataFrame, out: Path, kind: str,
           repeats: dict[str, pd.DataFrame]) -> None:
    """The layer and its repeat-group tables, all or nothing."""
    import pyogrio

    from asmap.layers.atomic import atomic_path, write_text_atomic
    from asmap.layers.writers import write_layer

    if out.suffix.lower() != ".gpkg":
        write_layer(frame, out)
        for sheet, table in repeats.items():
            write_text_atomic(out.with_name(f"{out.stem}_{_table_name(sheet)}.csv"),
                              table.to_csv(index=False))
        return
    with atomic_path(out) as tmp:
        pyogrio.write_dataframe(frame, tmp, driver="GPKG", layer=kind)
        for sheet, table in repeats.items():
            pyogrio.write_dataframe(table, tmp, driver="GPKG", layer=_table_name(sheet),
                                    append=True)


def _table_name(sheet: str) -> str:
    return re.sub(r"\W+", "_", sheet).strip("_").lower() or "repeat"
