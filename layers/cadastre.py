"""License polygons from cadastre tables of corner coordinates (CSV or Excel).

A license certificate lists its area as numbered corner points, usually in degrees,
minutes and seconds. A table has one row per corner: license number, corner number,
longitude and latitude, and optionally holder, kind, status and dates. Headers may be
English or Mongolian as printed on the documents; coordinates may be decimal degrees
or DMS in any of the notations people type, mixed within one file.

Every problem is collected before anything fails, and the error names the file, the
row as a spreadsheet shows it (the header is row 1) and the value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

import geopandas as gpd
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from asmap.layers.errors import DataError, ProblemError, UsageError
from asmap.layers.geometry_checks import needs_parameters
from asmap.layers.messages import word
from asmap.layers.problems import Problem
from asmap.layers.tables import read_table, rename_headers
from asmap.layers.writers import write_layer

#: Range of Mongolia in WGS84, with a small margin.
LON_RANGE = (87.7, 119.9)
LAT_RANGE = (41.5, 52.2)
#: Plausible license areas, hectares.
MIN_HA, MAX_HA = 0.01, 500_000.0

#: Header (lower case, single spaces) -> column; Mongolian as printed on certificates.
HEADERS = {
    "license_id": ("license_id", "license", "license no", "license number", "code",
                   "тусгай зөвшөөрлийн дугаар", "тз дугаар", "тз-ийн дугаар",
                   "лицензийн дугаар", "тусгай зөвшөөрөл"),
    "point": ("point", "corner", "point no", "corner no", "цэг", "цэгийн дугаар", "№",
              "дугаар"),
    "lon": ("lon", "long", "lng", "longitude", "уртраг", "уртраг (e)", "уртраг e"),
    "lat": ("lat", "latitude", "өргөрөг", "өргөрөг (n)", "өргөрөг n"),
    "x": ("x",),
    "y": ("y",),
    "holder": ("holder", "owner", "company", "эзэмшигч", "эзэмшигчийн нэр", "компани"),
    "kind": ("kind", "type", "license type", "төрөл", "тз-ийн төрөл"),
    "status": ("status", "төлөв", "төлөв байдал"),
    "start_date": ("start_date", "start", "issued", "олгосон огноо", "эхлэх огноо"),
    "end_date": ("end_date", "end", "expires", "дуусах огноо", "хүчинтэй хугацаа"),
    "contact": ("contact", "phone", "холбоо барих", "утас"),
}
LICENSE_COLUMNS = ("holder", "kind", "status", "start_date", "end_date", "contact")

#: Values written in Mongolian on the documents -> catalogue values.
VALUES = {
    "kind": {"ашиглалт": "mining", "ашиглалтын": "mining", "хайгуул": "exploration",
             "хайгуулын": "exploration", "бичил уурхай": "asm", "бичил": "asm"},
    "status": {"хүчинтэй": "active", "идэвхтэй": "active", "хугацаа дууссан": "expired",
               "дууссан": "expired", "цуцлагдсан": "revoked", "хүчингүй": "revoked",
               "түдгэлзүүлсэн": "suspended"},
}
PREFIX_KINDS = {"XV": "exploration", "MV": "mining"}
_LOOKALIKES = str.maketrans("ХМВАС", "XMVAC")  # Cyrillic letters typed for Latin ones

_NUMBER = r"\d+(?:[.,]\d+)?"
_DECIMAL = re.compile(rf"^{_NUMBER}$")
_SEPARATORS = re.compile(r"[°º˚'′’‘\"″”“:\-\s]+|''")


def parse_coordinate(text: object) -> float:
    """
    Decimal degrees from a coordinate as people type it.

    Accepts decimal degrees and degrees-minutes-seconds written as ``104°52'20.5"``,
    ``104 52 20.5``, ``104:52:20.5`` or ``104-52-20.5`` (also with ′ ″, a comma as the
    decimal mark, degrees and minutes only, and a leading sign or a trailing N/E/S/W).

    Raises
    ------
    ValueError
        The text is no coordinate, or its minutes or seconds are 60 or more.

    Examples
    --------
    >>> round(parse_coordinate("104°52'20.5\\""), 6)
    104.872361
    >>> parse_coordinate("48 13 0,0 N")
    48.21666666666667
    >>> parse_coordinate("104,8")
    104.8
    """
    if isinstance(text, int | float | np.number) and not isinstance(text, bool):
        if np.isnan(text):
            raise DataError(code="cd_why_empty")
        return float(text)
    if isinstance(text, dt.time):  # Excel turned 48:13:00 into a time of day
        return text.hour + text.minute / 60 + text.second / 3600
    raw = str(text).strip()
    value = raw.upper()
    sign = 1.0
    if value[-1:] in ("S", "W") or value[:1] in ("S", "W", "-"):
        sign = -1.0
    value = value.strip("NSEW+- \t")
    if not value:
        raise DataError(code="cd_why_empty")
    if _DECIMAL.match(value):
        return sign * float(value.replace(",", "."))
    parts = [p for p in _SEPARATORS.split(value) if p]
    if not 2 <= len(parts) <= 3 or not all(_DECIMAL.match(p) for p in parts):
        raise DataError(code="cd_why_form")
    numbers = [float(p.replace(",", ".")) for p in parts]
    if any(n != int(n) for n in numbers[:-1]):
        raise DataError(code="cd_why_decimals")
    for name, number in zip(("minutes", "seconds"), numbers[1:], strict=False):
        if number >= 60:
            raise DataError(code=f"cd_why_{name}", number=number)
    degrees = numbers[0] + sum(n / 60 ** i for i, n in enumerate(numbers[1:], start=1))
    return sign * degrees


def read_cadastre_table(path: str | Path, *, crs: str | None = None) -> gpd.GeoDataFrame:
    """
    License polygons from a table of corner coordinates.

    Parameters
    ----------
    path
        A ``.csv`` or ``.xlsx`` file, one row per corner point.
    crs
        CRS of the coordinates when they are not WGS84: an EPSG code or a PROJ string.
        Pulkovo 1942 / Gauss-Krüger needs the user's ``+towgs84`` parameters; ``X``/``Y``
        columns (X northing, Y easting, as on Soviet-era documents) need a CRS.

    Returns
    -------
    GeoDataFrame
        One polygon per license in EPSG:4326 with ``license_id, holder, kind, status,
        start_date, end_date`` (and ``contact`` when the table has it). Warnings that
        do not stop the import (a kind nobody gave) are in ``frame.attrs["problems"]``.

    Raises
    ------
    DataError
        Naming the first bad row and how many problems there are in all.

    Examples
    --------
    >>> licenses = read_cadastre_table("corners.xlsx")  # doctest: +SKIP
    >>> licenses[["license_id", "kind"]].head(1)  # doctest: +SKIP
      license_id  kind
    0  MV-011722  mining
    """
    path = Path(path)
    source = _source_crs(crs)
    table = rename_headers(read_table(path), HEADERS)
    problems: list[Problem] = []
    xy = _coordinate_columns(table, path, source)
    table = _fill_down(table)
    rows = table.index.to_series() + 2
    xs, ys = _parse_xy(table, xy, rows, problems)
    corners = _parse_corners(table, rows, problems)
    if source is not None:
        xs, ys = _to_wgs84(xs, ys, source)
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    _check_range(xs, ys, rows, source is not None, problems)
    table = table.assign(_x=xs, _y=ys, _point=corners, _row=rows)
    frame, warnings = _polygons(table, problems)
    if problems:
        n = len(problems) - 1
        more = ("er_more", {"n": n, "s": "s" * (n != 1)}) if n else None
        raise ProblemError([replace(p, file=path.name) for p in problems], more=more,
                           nothing_written=path.name)
    frame.attrs["problems"] = [replace(p, file=path.name) for p in warnings]
    return frame


def import_licenses(table: str | Path, out: str | Path, *,
                    crs: str | None = None) -> gpd.GeoDataFrame:
    """Read a cadastre table (`read_cadastre_table`) and write its licenses layer to `out`."""
    from asmap.layers.writers import driver_for

    driver_for(out)  # a bad output name fails before any reading
    frame = read_cadastre_table(table, crs=crs)
    write_layer(frame, out, layer="licenses", family="polygon")
    return frame


def _source_crs(crs: str | None) -> CRS | None:
    if crs is None:
        return None
    try:
        source = CRS.from_user_input(crs)
    except CRSError:
        raise UsageError(code="er_not_crs", crs=crs) from None
    if needs_parameters(source) and "towgs84" not in crs.lower():
        raise UsageError(code="er_pulkovo", crs=crs)
    return source


def _coordinate_columns(table: pd.DataFrame, path: Path, source: CRS | None) -> tuple[str, str]:
    missing = [c for c in ("license_id", "point") if c not in table]
    if missing:
        raise DataError(code="er_cadastre_columns", file=path.name,
                        missing=" or ".join(missing))
    if "lon" in table and "lat" in table:
        return "lon", "lat"
    if "x" in table and "y" in table:
        if source is None or not source.is_projected:
            raise UsageError(code="er_cadastre_xy", file=path.name)
        return "y", "x"  # X is northing and Y easting on Soviet-era documents
    raise DataError(code="er_cadastre_lonlat", file=path.name)


def _fill_down(table: pd.DataFrame) -> pd.DataFrame:
    """License-level cells left blank under the first corner (merged cells) repeat it."""
    table = table.copy()
    blank = table.map(lambda v: v is None or (isinstance(v, str) and not v.strip())
                      or (isinstance(v, float) and np.isnan(v)))
    empty_row = blank.all(axis=1)
    table = table[~empty_row]
    table["license_id"] = table["license_id"].where(~blank["license_id"]).ffill()
    return table


def _parse_xy(table: pd.DataFrame, xy: tuple[str, str], rows: pd.Series,
              problems: list[Problem]) -> tuple[np.ndarray, np.ndarray]:
    out = []
    for col in xy:
        values = np.full(len(table), np.nan)
        for i, (row, raw) in enumerate(zip(rows, table[col], strict=True)):
            try:
                values[i] = (parse_coordinate(raw) if col in ("lon", "lat")
                             else float(str(raw).replace(" ", "").replace(",", ".")))
            except DataError as exc:  # a coordinate: the reason, in the problem's language
                problems.append(_bad(row, col, "cd_unreadable", value=raw,
                                     detail=word(exc.code, **exc.params)))
            except ValueError:  # an x or y that float() cannot read
                problems.append(_bad(row, col, "cd_unreadable", value=raw,
                                     detail=word("cd_why_number")))
        out.append(values)
    return out[0], out[1]


def _parse_corners(table: pd.DataFrame, rows: pd.Series, problems: list[Problem]
                   ) -> np.ndarray:
    corners = np.full(len(table), -1)
    for i, (row, raw) in enumerate(zip(rows, table["point"], strict=True)):
        text = str(raw).strip().removesuffix(".0") if raw is not None else ""
        if text.isdigit():
            corners[i] = int(text)
        else:
            problems.append(_bad(row, "point", "cd_corner_number", value=raw))
    return corners


def _to_wgs84(xs: np.ndarray, ys: np.ndarray, source: CRS) -> tuple[np.ndarray, np.ndarray]:
    from pyproj import Transformer

    transformer = Transformer.from_crs(source, "EPSG:4326", always_xy=True)
    return transformer.transform(xs, ys)


def _check_range(lons: np.ndarray, lats: np.ndarray, rows: pd.Series, projected: bool,
                 problems: list[Problem]) -> None:
    bad_lon = ~np.isnan(lons) & ((lons < LON_RANGE[0]) | (lons > LON_RANGE[1]))
    bad_lat = ~np.isnan(lats) & ((lats < LAT_RANGE[0]) | (lats > LAT_RANGE[1]))
    for i in np.flatnonzero(bad_lon | bad_lat):
        swapped = (LAT_RANGE[0] <= lons[i] <= LAT_RANGE[1]
                   and LON_RANGE[0] <= lats[i] <= LON_RANGE[1])
        hint = ("cd_hint_swapped" if swapped else "cd_hint_crs" if projected
                else "cd_hint_range")
        what = "lon" if bad_lon[i] else "lat"
        value = lons[i] if bad_lon[i] else lats[i]
        problems.append(_bad(rows.iloc[i], what, "cd_outside", what=word(f"cd_{what}"),
                             value=value, hint=word(hint)))
    lons[bad_lon | bad_lat] = np.nan  # no polygon is built from these rows


def _polygons(table: pd.DataFrame, problems: list[Problem]
              ) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    records, warnings = [], []
    for license_id, group in table.groupby("license_id", sort=False):
        license_id = str(license_id).strip()
        record = {"license_id": license_id, **_attributes(license_id, group, problems)}
        if record["kind"] is None:
            warnings.append(Problem.of("warning", "licenses", license_id, "kind",
                                       "cd_kind_unknown"))
        record["geometry"] = _ring(license_id, group, problems)
        records.append(record)
    frame = gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")
    for col in ("start_date", "end_date"):
        if col in frame:
            frame[col] = pd.to_datetime(frame[col])
    if frame.empty:
        problems.append(Problem.of("error", "licenses", "", "", "cd_no_rows"))
        return frame, warnings
    _check_areas(frame, problems)
    return frame, warnings


def _attributes(license_id: str, group: pd.DataFrame, problems: list[Problem]
                ) -> dict[str, object]:
    out: dict[str, object] = {}
    for col in LICENSE_COLUMNS:
        if col not in group:
            continue
        values = [(r, v) for r, v in zip(group["_row"], group[col], strict=True)
                  if v is not None and str(v).strip() and not pd.isna(v)]
        if not values:
            out[col] = None
            continue
        row, value = values[0]
        for other_row, other in values[1:]:
            if str(other).strip() != str(value).strip():
                problems.append(_bad(other_row, col, "cd_differs", other=other, value=value,
                                     first=row, license=license_id))
        out[col] = _value(col, value, row, problems)
    for col in ("holder", "start_date", "end_date"):
        out.setdefault(col, None)
    if out.get("kind") is None:
        out["kind"] = PREFIX_KINDS.get(license_id.upper().translate(_LOOKALIKES)[:2])
    out.setdefault("status", None)
    if out["status"] is None:
        out["status"] = "active"
    return out


def _value(col: str, value: object, row: int, problems: list[Problem]) -> object:
    if col.endswith("_date"):
        if isinstance(value, dt.datetime | dt.date):
            return pd.Timestamp(value)
        text = re.sub(r"[./]", "-", str(value).strip())
        try:
            return pd.Timestamp(dt.date.fromisoformat(text))
        except ValueError:
            problems.append(_bad(row, col, "cd_not_date", value=value))
            return None
    text = " ".join(str(value).split())
    return VALUES.get(col, {}).get(text.casefold(), text.lower() if col in VALUES else text)


def _ring(license_id: str, group: pd.DataFrame, problems: list[Problem]
          ) -> shapely.Polygon | None:
    group = group.sort_values("_point", kind="stable")
    if (group["_point"] < 0).any() or group[["_x", "_y"]].isna().any(axis=None):
        return None  # the bad rows are already reported
    points = group["_point"].to_numpy()
    rows = group["_row"].to_numpy()
    dup = points[1:] == points[:-1]
    for i in np.flatnonzero(dup):
        problems.append(_bad(rows[i + 1], "point", "cd_corner_twice", license=license_id,
                             corner=points[i], a=rows[i], b=rows[i + 1]))
    expected = np.arange(1, points.max() + 1)
    for gap in np.setdiff1d(expected, points):
        problems.append(_bad(rows[0], "point", "cd_corner_gap", license=license_id, gap=gap,
                             corners=", ".join(map(str, np.unique(points)))))
    coords = group[["_x", "_y"]].to_numpy()
    if len(coords) > 1 and np.allclose(coords[0], coords[-1], atol=1e-9, rtol=0):
        coords, rows, points = coords[:-1], rows[:-1], points[:-1]  # closed by hand
    same = np.flatnonzero(np.all(np.isclose(coords[1:], coords[:-1], atol=1e-9, rtol=0), axis=1))
    for i in same:
        problems.append(_bad(rows[i + 1], "", "cd_corner_repeats", license=license_id,
                             corner=points[i + 1], previous=points[i]))
    if len(coords) < 3:
        problems.append(_bad(rows[0], "", "cd_few_corners", license=license_id,
                             n=len(coords)))
        return None
    polygon = shapely.Polygon(coords)
    if not polygon.is_valid:
        where = shapely.is_valid_reason(polygon)
        problems.append(_bad(rows[0], "", "cd_crosses", license=license_id, where=where))
    return polygon


def _check_areas(frame: gpd.GeoDataFrame, problems: list[Problem]) -> None:
    good = frame[frame.geometry.notna() & frame.geometry.is_valid]
    if good.empty:
        return
    from asmap.layers.geometry_checks import utm_crs_at

    west, south, east, north = good.to_crs(4326).total_bounds
    hectares = good.to_crs(utm_crs_at((west + east) / 2, (south + north) / 2)).area / 10_000
    for license_id, ha in zip(good["license_id"], hectares, strict=True):
        if ha < MIN_HA or ha > MAX_HA:
            problems.append(Problem.of("error", "licenses", license_id, "", "cd_area",
                                       license=license_id, ha=ha, min=MIN_HA, max=MAX_HA))


def _bad(row: object, column: str, code: str, **params: object) -> Problem:
    """An error of one row of the table (rows counted as in the spreadsheet)."""
    return Problem.of("error", "licenses", f"row {row}", column, code, **params)
