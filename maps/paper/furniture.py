"""Map furniture for print sheets: scale bar, north arrow, graticule and label placement.

The map axes are in a metric CRS (the analysis CRS, UTM), so one axis unit is one metre
and the scale bar is true; the lat/lon graticule and true north are computed by
transforming lines of constant longitude and latitude into those axes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import FancyArrow, Rectangle
from matplotlib.transforms import Bbox

from pyproj import Transformer

#: Candidate scale-bar lengths and graticule steps (degrees), smallest first.
NICE_KM = (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100)
NICE_DEG = (15 / 3600, 30 / 3600, 1 / 60, 2 / 60, 5 / 60, 10 / 60, 15 / 60, 0.5, 1.0, 2.0)


def _to_lonlat(crs: str) -> Transformer:
    return Transformer.from_crs(crs, "EPSG:4326", always_xy=True)


def _from_lonlat(crs: str) -> Transformer:
    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def scale_bar(ax: Axes, *, unit: str = "km", fontsize: float = 7) -> float:
    """
    Draw a two-part black and white scale bar in the lower left corner of `ax`.

    Parameters
    ----------
    ax
        Map axes in a metric CRS, limits already set.
    unit
        The word for kilometre in the map's language.

    Returns
    -------
    float
        The length of the bar in kilometres.
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    width_km = (x1 - x0) / 1000
    km = max([k for k in NICE_KM if k <= width_km / 4] or [NICE_KM[0]])
    left, bottom = x0 + (x1 - x0) * 0.04, y0 + (y1 - y0) * 0.05
    height = (y1 - y0) * 0.012
    half = km * 500
    ax.add_patch(Rectangle((left - (x1 - x0) * 0.01, bottom - height * 1.2),
                           km * 1000 + (x1 - x0) * 0.035, height * 5.0, facecolor="white",
                           edgecolor="none", alpha=0.8, zorder=20))
    for i, colour in enumerate(("black", "white")):
        ax.add_patch(Rectangle((left + i * half, bottom), half, height, facecolor=colour,
                               edgecolor="black", linewidth=0.6, zorder=21))
    labels = ((left, "0"), (left + half, f"{km / 2:g}"), (left + 2 * half, f"{km:g} {unit}"))
    for x, text in labels:
        ax.text(x, bottom + height * 1.6, text, ha="left" if text == "0" else "center",
                va="bottom", fontsize=fontsize, zorder=22)
    return km


def north_arrow(ax: Axes, crs: str, *, letter: str = "N", fontsize: float = 10) -> float:
    """
    Draw an arrow pointing to true north in the upper right corner of `ax`.

    Returns
    -------
    float
        The angle between grid north and true north there, in degrees (east positive).
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    x, y = x1 - (x1 - x0) * 0.06, y1 - (y1 - y0) * 0.16
    lon, lat = _to_lonlat(crs).transform(x, y)
    nx, ny = _from_lonlat(crs).transform(lon, lat + 0.01)
    angle = np.arctan2(nx - x, ny - y)
    length = (y1 - y0) * 0.08
    dx, dy = length * np.sin(angle), length * np.cos(angle)
    ax.add_patch(FancyArrow(x, y, dx, dy, width=length * 0.12, head_width=length * 0.35,
                            head_length=length * 0.35, length_includes_head=True,
                            facecolor="black", edgecolor="white", linewidth=0.6, zorder=21))
    ax.text(x + dx * 1.15, y + dy * 1.15, letter, ha="center", va="bottom",
            fontsize=fontsize, fontweight="bold", zorder=22)
    return float(np.degrees(angle))


def fit_bounds(bounds: tuple[float, ...], ratio: float) -> tuple[float, ...]:
    """Grow `bounds` to the width/height `ratio` of the axes, around the same centre."""
    minx, miny, maxx, maxy = bounds
    width, height = maxx - minx, maxy - miny
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2


def _step(span_deg: float) -> float:
    return next((s for s in NICE_DEG if span_deg / s <= 6), NICE_DEG[-1])


def _dms(value: float, pos: str, neg: str) -> str:
    hemi = pos if value >= 0 else neg
    value = abs(value)
    seconds = round(value * 3600)
    deg, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if seconds:
        return f"{deg}°{minutes:02d}′{seconds:02d}″{hemi}"
    return f"{deg}°{minutes:02d}′{hemi}"


def graticule(ax: Axes, crs: str, *, fontsize: float = 6.5) -> tuple[list[float], list[float]]:
    """
    Draw lines of constant longitude and latitude, labelled on the bottom and left edges.

    Returns
    -------
    tuple of list
        The longitudes and latitudes drawn.
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    edge = np.linspace(0, 1, 25)
    xs = np.concatenate([x0 + (x1 - x0) * edge, np.full(25, x1), x1 - (x1 - x0) * edge,
                         np.full(25, x0)])
    ys = np.concatenate([np.full(25, y0), y0 + (y1 - y0) * edge, np.full(25, y1),
                         y1 - (y1 - y0) * edge])
    lons, lats = _to_lonlat(crs).transform(xs, ys)
    forward = _from_lonlat(crs)
    step_lon = _step(lons.max() - lons.min())
    step_lat = _step(lats.max() - lats.min())
    lon_lines = np.arange(np.ceil(lons.min() / step_lon), np.floor(lons.max() / step_lon) + 1)
    lat_lines = np.arange(np.ceil(lats.min() / step_lat), np.floor(lats.max() / step_lat) + 1)
    lon_lines, lat_lines = lon_lines * step_lon, lat_lines * step_lat
    ticks_x, labels_x, ticks_y, labels_y = [], [], [], []
    dense = np.linspace(lats.min(), lats.max(), 60)
    for lon in lon_lines:
        gx, gy = forward.transform(np.full_like(dense, lon), dense)
        ax.plot(gx, gy, color="#9A9A9A", linewidth=0.4, zorder=1.5)
        ticks_x.append(float(np.interp(y0, gy, gx)))
        labels_x.append(_dms(lon, "E", "W"))
    dense = np.linspace(lons.min(), lons.max(), 60)
    for lat in lat_lines:
        gx, gy = forward.transform(dense, np.full_like(dense, lat))
        ax.plot(gx, gy, color="#9A9A9A", linewidth=0.4, zorder=1.5)
        ticks_y.append(float(np.interp(x0, gx, gy)))
        labels_y.append(_dms(lat, "N", "S"))
    ax.set_xticks(ticks_x, labels_x, fontsize=fontsize)
    ax.set_yticks(ticks_y, labels_y, fontsize=fontsize, rotation=90, va="center")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    return list(lon_lines), list(lat_lines)


def place_labels(ax: Axes, points: Sequence[tuple[float, float]], texts: Sequence[str], *,
                 fontsize: float = 7, avoid: Sequence[Bbox] = ()) -> list[bool]:
    """
    Place labels next to points, greedily, so that no two labels overlap.

    Each label tries eight positions around its point at growing distances and takes the
    first whose box overlaps no label already placed (nor any box in `avoid`); a label
    moved away from its point gets a thin leader line, and one that finds no free place
    is drawn at its first position anyway (a label is never dropped).

    Returns
    -------
    list of bool
        For each label, whether it found a free place.
    """
    canvas = ax.figure.canvas
    renderer = canvas.get_renderer()
    placed: list[Bbox] = list(avoid)
    free = []
    directions = [(1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1)]
    to_data = ax.transData
    for (x, y), text in zip(points, texts, strict=True):
        px, py = to_data.transform((x, y))
        artist = ax.text(x, y, text, fontsize=fontsize, fontweight="bold", zorder=25,
                         ha="center", va="center", clip_on=True,
                         bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                               "edgecolor": "none", "alpha": 0.75})
        box = None
        for distance in (8, 16, 28, 44):
            for dx, dy in directions:
                pos = to_data.inverted().transform((px + dx * distance * 1.6,
                                                    py + dy * distance))
                artist.set_position(pos)
                candidate = artist.get_window_extent(renderer).expanded(1.05, 1.1)
                if not any(candidate.overlaps(other) for other in placed):
                    box = candidate
                    break
            if box is not None:
                break
        free.append(box is not None)
        if box is None:
            pos = to_data.inverted().transform((px + 8 * 1.6, py + 8))
            artist.set_position(pos)
            box = artist.get_window_extent(renderer)
        placed.append(box)
        lx, ly = artist.get_position()
        if np.hypot(*(to_data.transform((lx, ly)) - np.array([px, py]))) > 20:
            ax.plot([x, lx], [y, ly], color="#333333", linewidth=0.4, zorder=24)
    return free
