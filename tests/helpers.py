"""Helpers shared by the tests: the CRS they use, named test geometries, small utilities.

Test modules import from here (``from tests.helpers import UTM48N, BOWTIE``), never from
one another; the layers, scenes and analysis each package's tests build are in
``tests/layers/layer_helpers.py``, ``tests/geo/scenes.py`` and ``tests/maps/handmade.py``.
The named geometries, as shapely's own tests keep them, are in degrees (EPSG:4326) around
Bat-Ölzii, the soum centre of Zaamar.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

from pypdf import PdfReader

import shapely

WGS84 = "EPSG:4326"
#: The metric CRS of Zaamar (UTM zone 48 north), in which hand-made layers are drawn.
UTM48N = "EPSG:32648"
#: Bat-Ölzii, the soum centre (lon, lat).
BASE = (104.77389, 48.21667)

_X, _Y = BASE
EMPTY = shapely.Polygon()
#: A square about 75 x 110 m.
SQUARE = shapely.box(_X, _Y, _X + 0.001, _Y + 0.001)
#: An invalid polygon whose edges cross in the middle (about 1.5 x 2.2 km).
BOWTIE = shapely.Polygon([(104.7, 48.3), (104.72, 48.32), (104.72, 48.3), (104.7, 48.32)])
#: A square with a square hole.
POLYGON_WITH_HOLE = shapely.Polygon(
    [(_X, _Y), (_X + 0.003, _Y), (_X + 0.003, _Y + 0.003), (_X, _Y + 0.003)],
    holes=[[(_X + 0.001, _Y + 0.001), (_X + 0.001, _Y + 0.002), (_X + 0.002, _Y + 0.002),
            (_X + 0.002, _Y + 0.001)]])
#: Two squares that do not touch.
MULTIPOLYGON = shapely.MultiPolygon([SQUARE, shapely.box(_X + 0.01, _Y, _X + 0.011, _Y + 0.001)])
#: A road with a bend, and two of them.
LINE = shapely.LineString([(_X, _Y), (_X + 0.01, _Y + 0.002), (_X + 0.02, _Y - 0.001)])
MULTILINE = shapely.MultiLineString([LINE, shapely.LineString([(_X, _Y + 0.01),
                                                               (_X - 0.005, _Y + 0.02)])])
POINT = shapely.Point(BASE)


def tree_hash(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below a folder, to prove a command did not modify its inputs."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pdf_text(path: Path) -> str:
    """Text of every page, with poppler's pdftotext when present, else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                              capture_output=True, text=True).stdout
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def readable_bytes(path: Path) -> list[bytes]:
    """The file's bytes, plus every zip member and PDF stream decompressed, plus PDF text."""
    data = path.read_bytes()
    out = [data]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            out += [archive.read(name) for name in archive.namelist()]
    if path.suffix == ".pdf":
        for page in PdfReader(path).pages:
            out.append(page.extract_text().encode())
            contents = page.get_contents()
            out.append(contents.get_data() if contents is not None else b"")
        for start in range(len(data)):
            if data.startswith(b"stream", start):
                try:
                    out.append(zlib.decompressobj().decompress(data[start + 6:].lstrip(b"\r\n")))
                except zlib.error:
                    pass
        if shutil.which("pdftotext"):
            out.append(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                      capture_output=True).stdout)
    return out


#: The system Python with QGIS's bindings (Debian ``python3-qgis``), for the QGIS tests.
SYSTEM_PYTHON = "/usr/bin/python3"


def qgis_python() -> str:
    """The Python that imports ``qgis.core``; the test fails (not skips) without it."""
    import os

    import pytest

    if not os.path.exists(SYSTEM_PYTHON) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True).returncode != 0:
        pytest.fail("QGIS's Python bindings are missing: run scripts/install-test-tools.sh")
    return SYSTEM_PYTHON
