"""Helpers shared by the tests: the CRS they use, named test geometries, small utilities.

Test modules import from here (``from tests.helpers import UTM48N, BOWTIE``), never from
one another. The named geometries, as shapely's own tests keep them, are in degrees
(EPSG:4326) around Bat-Ölzii, the soum centre of Zaamar.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

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
#: An invalid polygon whose edges cross in the middle.
BOWTIE = shapely.Polygon([(_X, _Y), (_X + 0.002, _Y + 0.002), (_X + 0.002, _Y),
                          (_X, _Y + 0.002), (_X, _Y)])
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
