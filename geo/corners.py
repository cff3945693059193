"""Corner coordinate tables of agreed ground, as the cadastre writes them for a license.

Every ring (the outline of each part, and each hole) is numbered on its own, clockwise
from its northernmost corner. Each corner is given in degrees-minutes-seconds (to
0.01″), in decimal degrees (7 places) and in UTM metres (0.1 m); the area is computed
from the corners as written. A polygon with more than `MAX_CORNERS` corners is
simplified first (topology kept) with the smallest tolerance that brings it to
`MAX_CORNERS` or fewer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

import shapely
from pyproj import Transformer

from asmap.geo.crs import utm_zone_label

#: Most corners an annex table lists for one polygon.
MAX_CORNERS = 60
#: The simplification tolerance is found to within this many metres.
TOLERANCE_STEP_M = 0.01


@dataclass(frozen=True)
class Corner:
    """One numbered corner: its label and coordinates."""

    label: str
    lat: float
    lon: float
    easting: float
    northing: float


@dataclass(frozen=True)
class Ring:
    """One ring of a polygon: ``part`` (1, 2, ...), ``hole`` (0 for the outline)."""

    part: int
    hole: int
    corners: tuple[Corner, ...]

    @property
    def area_m2(self) -> float:
        """Area enclosed by the corners as written (0.1 m), by the shoelace formula."""
        return shoelace([(c.easting, c.northing) for c in self.corners])


@dataclass(frozen=True)
class CornerTable:
    """The corner table of one polygon (one site's ground)."""

    rings: tuple[Ring, ...]
    zone: str
    area_ha: float
    original_area_ha: float
    simplified: bool = False
    tolerance_m: float = 0.0
    original_corners: int = 0
    notes: tuple[str, ...] = field(default=())

    @property
    def corners(self) -> int:
        """How many corners the table lists."""
        return sum(len(r.corners) for r in self.rings)


def dms(value: float, positive: str, negative: str) -> str:
    """
    An angle in degrees, minutes and seconds to 0.01″, with its hemisphere letter.

    Examples
    --------
    >>> dms(48.21666666, "N", "S")
    '48°13′00.00″N'
    >>> dms(48 + 12 / 60 + 59.995 / 3600, "N", "S")  # 59.995″ rounds up to the minute
    '48°13′00.00″N'
    >>> dms(-(104 + 46 / 60 + 26.004 / 3600), "E", "W")
    '104°46′26.00″W'
    """
    hemisphere = positive if value >= 0 else negative
    hundredths = math.floor(abs(value) * 360_000 + 0.5 + 1e-5)  # half up, whole carries
    degrees, rest = divmod(hundredths, 360_000)
    minutes, rest = divmod(rest, 6_000)
    return f"{degrees}°{minutes:02d}′{rest // 100:02d}.{rest % 100:02d}″{hemisphere}"


def shoelace(points: list[tuple[float, float]]) -> float:
    """
    The area of a closed or open ring of points, m² (always positive).

    Examples
    --------
    >>> shoelace([(0, 0), (0, 100), (100, 100), (100, 0)])
    10000.0
    """
    xy = np.asarray(points, dtype=float)
    if len(xy) < 3:
        return 0.0
    x, y = xy[:, 0], xy[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def count_corners(geom: shapely.Geometry) -> int:
    """Corners of a polygon or multipolygon: each ring's vertices, the closing one not again."""
    rings = [r for p in _polygons(geom) for r in (p.exterior, *p.interiors)]
    return sum(len(r.coords) - 1 for r in rings)


def simplify_to(geom: shapely.Geometry, max_corners: int = MAX_CORNERS
                ) -> tuple[shapely.Geometry, float]:
    """
    The polygon simplified (topology kept) with the smallest tolerance leaving at most
    `max_corners` corners, and that tolerance in metres (0 when it already fits).

    Examples
    --------
    >>> circle = shapely.Point(0, 0).buffer(100, quad_segs=32)  # 128 corners
    >>> small, tolerance = simplify_to(circle)
    >>> count_corners(small) <= 60, 0 < tolerance < 5
    (True, True)
    """
    if count_corners(geom) <= max_corners:
        return geom, 0.0
    low, high = 0.0, 1.0
    while count_corners(shapely.simplify(geom, high, preserve_topology=True)) > max_corners:
        low, high = high, high * 2
    while high - low > TOLERANCE_STEP_M:
        middle = (low + high) / 2
        if count_corners(shapely.simplify(geom, middle, preserve_topology=True)) > max_corners:
            low = middle
        else:
            high = middle
    return shapely.simplify(geom, high, preserve_topology=True), round(high, 2)


def corner_table(geom: shapely.Geometry, crs: str, *, max_corners: int = MAX_CORNERS,
                 first_letter: int | None = None) -> CornerTable:
    """
    The corner table of a polygon or multipolygon given in the metric `crs` (UTM).

    Parameters
    ----------
    geom
        The ground, in `crs`.
    crs
        A UTM CRS (``EPSG:326zz``): eastings and northings are given in it.
    max_corners
        Simplify when the polygon has more corners than this.
    first_letter
        Letter the rings from this one on (0 is ``A``), even a single ring, so that the
        tables of several polygons on one map never share a label; None letters the
        rings only when there are several (``A1 ...``, ``B1 ...``), else numbers them.

    Returns
    -------
    CornerTable
        The rings, each clockwise from its northernmost corner, and the areas.

    Examples
    --------
    >>> square = shapely.box(500000, 5340000, 500100, 5340100)
    >>> table = corner_table(square, "EPSG:32648")
    >>> [c.label for c in table.rings[0].corners], table.area_ha, table.zone
    (['1', '2', '3', '4'], 1.0, '48N')
    """
    original = float(shapely.area(geom)) / 10_000
    simple, tolerance = simplify_to(geom, max_corners)
    to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    polygons = _polygons(simple)
    several = sum(1 + len(p.interiors) for p in polygons) > 1 or first_letter is not None
    rings: list[Ring] = []
    for part, polygon in enumerate(polygons, start=1):
        for hole, ring in enumerate((polygon.exterior, *polygon.interiors)):
            letter = _ring_letter(len(rings) + (first_letter or 0)) if several else ""
            rings.append(_ring(ring, part, hole, letter, to_lonlat))
    area = sum(r.area_m2 * (-1 if r.hole else 1) for r in rings) / 10_000
    return CornerTable(rings=tuple(rings), zone=utm_zone_label(crs), area_ha=round(area, 4),
                       original_area_ha=round(original, 4), simplified=tolerance > 0,
                       tolerance_m=tolerance, original_corners=count_corners(geom))


def _polygons(geom: shapely.Geometry) -> list[shapely.Polygon]:
    if geom is None or geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if g.geom_type == "Polygon" and
            not g.is_empty]


def _ring_letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"R{i + 1}-"


def _ring(ring: shapely.LinearRing, part: int, hole: int, letter: str,
          to_lonlat: Transformer) -> Ring:
    xy = np.asarray(ring.coords)[:-1]
    if shapely.LinearRing(xy).is_ccw:  # clockwise, seen from above with north up
        xy = xy[::-1]
    lon, lat = to_lonlat.transform(xy[:, 0], xy[:, 1])
    start = int(np.lexsort((lon, -np.asarray(lat)))[0])  # northernmost, then westernmost
    order = np.r_[start:len(xy), 0:start]
    corners = tuple(Corner(f"{letter}{n}", float(lat[i]), float(lon[i]),
                           round(float(xy[i, 0]), 1), round(float(xy[i, 1]), 1))
                    for n, i in enumerate(order, start=1))
    return Ring(part=part, hole=hole, corners=corners)


__all__ = ["MAX_CORNERS", "Corner", "CornerTable", "Ring", "corner_table", "count_corners",
           "dms", "shoelace", "simplify_to"]
