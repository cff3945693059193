"""Compact data for the interactive map: encoded coordinates and a shared string table.

A 50,000-site map written as plain GeoJSON with a popup per feature is over 100 MB. Two
encodings bring it down by an order of magnitude, and ``asmap.js`` decodes both:

- coordinates are integers of 1e-6 degree (about 0.1 m), each line or ring written as
  the zig-zag, base-32 deltas of the "encoded polyline" format (precision 6, as OSRM
  uses), so a vertex takes 4-6 characters instead of 22;
- popup pieces and values repeated across a layer (verdicts, reason explanations, stage
  names, parties) are written once in a string table and referred to by number.

Every string still reaches the page HTML-escaped by the caller; the table only stores it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

import shapely

#: Coordinates are written as integers of 10**-PRECISION degree.
PRECISION = 6
_SCALE = 10 ** PRECISION
_CHUNKS = 7  # 5-bit chunks of a zig-zagged 32-bit delta


def _encode_values(values: np.ndarray) -> bytes:
    """Zig-zag, 5-bit chunked, +63 ASCII text of integer `values` (the polyline format)."""
    zig = np.where(values < 0, ~(values << 1), values << 1).astype(np.int64)
    shifts = 5 * np.arange(_CHUNKS, dtype=np.int64)
    chunks = (zig[:, None] >> shifts) & 31
    bits = np.maximum(1, np.floor(np.log2(np.maximum(zig, 1))).astype(np.int64) + 1)
    count = (bits + 4) // 5
    used = np.arange(_CHUNKS)[None, :] < count[:, None]
    more = np.arange(_CHUNKS)[None, :] < (count - 1)[:, None]
    codes = (chunks | np.where(more, 0x20, 0)) + 63
    return codes[used].astype(np.uint8).tobytes()


def encode_paths(paths: Sequence[np.ndarray]) -> list[str]:
    """
    Each ``(n, 2)`` array of lon/lat as an encoded polyline of lat/lon (precision 6).

    Examples
    --------
    >>> encode_paths([np.array([[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]])])
    ['_izlhA~rlgdF_{geC~ywl@_kwzCn`{nI']
    """
    if not len(paths):
        return []
    lengths = np.array([len(p) for p in paths], dtype=np.int64)
    ints = np.round(np.vstack(paths)[:, ::-1] * _SCALE).astype(np.int64)
    deltas = np.diff(ints, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    deltas[starts] = ints[starts]
    flat = deltas.ravel()
    text = _encode_values(flat).decode("ascii")
    sizes = _value_sizes(flat).reshape(-1, 2).sum(axis=1)
    ends = np.cumsum(np.add.reduceat(sizes, starts)) if len(sizes) else np.array([])
    return [text[a:b] for a, b in zip(np.concatenate([[0], ends[:-1]]), ends, strict=True)]


def _value_sizes(values: np.ndarray) -> np.ndarray:
    zig = np.where(values < 0, ~(values << 1), values << 1)
    bits = np.maximum(1, np.floor(np.log2(np.maximum(zig, 1))).astype(np.int64) + 1)
    return (bits + 4) // 5


def encode_geometries(geoms: np.ndarray) -> list[Any]:
    """
    Each geometry in the nested form ``asmap.js`` decodes (None for empty ones).

    Points are ``[lat, lon]`` numbers; lines a list of encoded strings (one per part);
    polygons a list of parts, each a list of encoded rings (exterior first). The nesting
    tells the kind, so one layer may mix them.
    """
    geoms = np.asarray(geoms, dtype=object)
    out: list[Any] = [None] * len(geoms)
    parts, part_index = shapely.get_parts(geoms, return_index=True)
    kinds = shapely.get_type_id(parts)
    paths, owners = [], []  # (feature, part number, ring number) of each encoded path
    for number, (part, owner, kind) in enumerate(zip(parts, part_index, kinds, strict=True)):
        if part is None or shapely.is_empty(part):
            continue
        if kind == 0:
            x, y = shapely.get_x(part), shapely.get_y(part)
            out[owner] = [round(float(y), PRECISION), round(float(x), PRECISION)]
            continue
        rings = ([part] if kind == 1 else
                 [part.exterior, *part.interiors] if kind == 3 else [])
        for ring in rings:  # a ring's closing vertex is left out: Leaflet closes rings
            coords = shapely.get_coordinates(ring)
            paths.append(coords[:-1] if kind == 3 else coords)
            owners.append((owner, number, kind))
    _nest(out, encode_paths(paths), owners)
    return out


def _nest(out: list[Any], texts: list[str], owners: list[tuple[int, int, int]]) -> None:
    parts: dict[tuple[int, int], list[str]] = {}
    for text, (owner, number, kind) in zip(texts, owners, strict=True):
        if kind == 1:
            out[owner] = [*(out[owner] or []), text]
            continue
        if (owner, number) not in parts:
            parts[(owner, number)] = []
            out[owner] = [*(out[owner] or []), parts[(owner, number)]]
        parts[(owner, number)].append(text)


class StringTable:
    """
    Strings used more than once in a layer, written once and referred to by number.

    Call `count` on every string first, then `ref` gives the number of a repeated string
    or the string itself when it occurs once.
    """

    def __init__(self, *, min_length: int = 4) -> None:
        self.counts: Counter[str] = Counter()
        self.index: dict[str, int] = {}
        self.min_length = min_length

    def count(self, texts: Iterable[str]) -> None:
        """Count the occurrences of each text."""
        self.counts.update(texts)

    def ref(self, text: str) -> int | str:
        """The table number of `text` when it repeats, else `text`."""
        if self.counts[text] < 2 or len(text) < self.min_length:
            return text
        return self.index.setdefault(text, len(self.index))

    def refs(self, texts: Iterable[str]) -> list[int | str]:
        """`ref` of each text."""
        return [self.ref(text) for text in texts]

    def strings(self) -> list[str]:
        """The table, in number order."""
        return list(self.index)


def shared_segments(lines: np.ndarray) -> Any:
    """
    The lines' segments, each drawn once, merged into long lines (a MultiLineString).

    Routes from one base follow the same roads: 50,000 of them repeat the same segments
    thousands of times. Segments are compared at 1e-6 degree, in either direction.
    """
    coords, owner = shapely.get_coordinates(np.asarray(lines, dtype=object), return_index=True)
    ints = np.round(coords * _SCALE).astype(np.int64)
    same = owner[1:] == owner[:-1]
    start, end = ints[:-1][same], ints[1:][same]
    swap = (start[:, 0] > end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] > end[:, 1]))
    low = np.where(swap[:, None], end, start)
    high = np.where(swap[:, None], start, end)
    segments = np.unique(np.hstack([low, high]), axis=0)
    segments = segments[(segments[:, :2] != segments[:, 2:]).any(axis=1)]
    if not len(segments):
        return shapely.MultiLineString()
    parts = shapely.linestrings(segments.reshape(-1, 2, 2) / _SCALE)
    return shapely.line_merge(shapely.multilinestrings(parts))
