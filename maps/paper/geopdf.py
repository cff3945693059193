"""Georeference a PDF page: an ISO 32000 geospatial viewport (``/VP``) for its map frame.

Matplotlib writes the PDF; this adds to a page a ``/VP`` array holding one
``/Viewport`` whose ``/BBox`` is the map frame (PDF points) and whose ``/Measure``
``/GEO`` dictionary ties the frame's corners (``/LPTS``, fractions of the box) to
latitude/longitude (``/GPTS``) in the map's CRS (``/GCS``, WKT and EPSG). GDAL, Avenza
Maps and other PDF map apps read it, so a phone shows its position on the printed map.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from pyproj import CRS, Transformer

from asmap.layers.atomic import atomic_path

#: The four corners of the frame, as fractions of its box: lower left, upper left, ...
UNIT_CORNERS = ((0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0))


def viewport(bbox_pt: tuple[float, float, float, float],
             extent: tuple[float, float, float, float], crs: str, *,
             name: str = "map") -> DictionaryObject:
    """
    The ``/Viewport`` dictionary of a map frame.

    Parameters
    ----------
    bbox_pt
        The frame on the page: left, bottom, right, top in PDF points.
    extent
        What the frame shows: min x, min y, max x, max y in `crs` (metres).
    crs
        The map's projected CRS (``EPSG:32648``).
    name
        Name of the viewport.

    Examples
    --------
    >>> vp = viewport((50, 300, 545, 800), (500000, 5340000, 501000, 5341000), "EPSG:32648")
    >>> vp["/Measure"]["/Subtype"], vp["/Measure"]["/GCS"]["/EPSG"]
    ('/GEO', 32648)
    """
    minx, miny, maxx, maxy = extent
    to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    gpts = []
    for fx, fy in UNIT_CORNERS:
        lon, lat = to_lonlat.transform(minx + fx * (maxx - minx), miny + fy * (maxy - miny))
        gpts += [lat, lon]
    projected = CRS.from_user_input(crs)
    gcs = DictionaryObject({
        NameObject("/Type"): NameObject("/PROJCS"),
        NameObject("/WKT"): TextStringObject(projected.to_wkt("WKT1_GDAL")),
    })
    if projected.to_epsg():
        gcs[NameObject("/EPSG")] = NumberObject(projected.to_epsg())
    unit = [value for corner in UNIT_CORNERS for value in corner]
    measure = DictionaryObject({
        NameObject("/Type"): NameObject("/Measure"),
        NameObject("/Subtype"): NameObject("/GEO"),
        NameObject("/Bounds"): _numbers(unit),
        NameObject("/GPTS"): _numbers(gpts),
        NameObject("/LPTS"): _numbers(unit),
        NameObject("/GCS"): gcs,
        NameObject("/PDU"): ArrayObject([NameObject("/M"), NameObject("/SQM"),
                                         NameObject("/DEG")]),
    })
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Viewport"),
        NameObject("/BBox"): _numbers(bbox_pt),
        NameObject("/Name"): TextStringObject(name),
        NameObject("/Measure"): measure,
    })


def georeference(path: str | Path, *, page: int, bbox_pt: tuple[float, float, float, float],
                 extent: tuple[float, float, float, float], crs: str) -> Path:
    """
    Add the viewport of a map frame to one page of a PDF, rewriting the file atomically.

    Returns
    -------
    Path
        `path`.
    """
    path = Path(path)
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.pages[page][NameObject("/VP")] = ArrayObject([viewport(bbox_pt, extent, crs)])
    with atomic_path(path) as tmp, open(tmp, "wb") as out:
        writer.write(out)
    return path


def _numbers(values) -> ArrayObject:
    return ArrayObject([FloatObject(round(float(v), 10)) for v in values])


__all__ = ["georeference", "viewport"]
