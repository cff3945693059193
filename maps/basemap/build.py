"""`asmap basemap build`: an MBTiles file covering the AOI, from any tile source.

The tiles go into a hidden partial file beside the output (``.NAME.partial``); a build
that stops (a dropped connection, Ctrl-C) keeps it, and the same command run again skips
the tiles already there. Only a finished file, with its MBTiles 1.3 metadata, takes the
output's name, so nothing half-written ever sits where a map looks for its basemap.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mercantile

from asmap.layers.errors import DataError, UsageError
from asmap.maps.basemap.area import Bounds, overlaps
from asmap.maps.basemap.mbtiles import TileWriter, image_format, metadata_for
from asmap.maps.basemap.sources import open_source

#: Tiles written between two commits of the partial file.
COMMIT_EVERY = 64
MAX_ZOOM = 22


@dataclass
class Built:
    """
    What `build_basemap` wrote.

    Attributes
    ----------
    path
        The MBTiles file.
    per_zoom
        Tile count by zoom.
    size
        File size in bytes.
    resumed
        Tiles found in a partial file from an earlier, interrupted run.
    """

    path: Path
    per_zoom: dict[int, int] = field(default_factory=dict)
    size: int = 0
    resumed: int = 0

    @property
    def tiles(self) -> int:
        """Tiles in the file."""
        return sum(self.per_zoom.values())


def parse_zooms(text: str) -> tuple[int, int]:
    """
    ``8-15`` (or ``12``) as a zoom range; a usage error otherwise.

    Examples
    --------
    >>> parse_zooms("8-15"), parse_zooms("12")
    ((8, 15), (12, 12))
    """
    low, _, high = str(text).partition("-")
    try:
        zooms = (int(low), int(high or low))
    except ValueError:
        raise UsageError(code="bm_zoom_range", text=text) from None
    if not 0 <= zooms[0] <= zooms[1] <= MAX_ZOOM:
        raise UsageError(code="bm_zoom_limits", text=text, max=MAX_ZOOM)
    return zooms


def tile_plan(bounds: Bounds, zooms: tuple[int, int]) -> list[mercantile.Tile]:
    """Every tile covering `bounds` from the low to the high zoom, low zooms first."""
    return list(mercantile.tiles(*bounds, zooms=range(zooms[0], zooms[1] + 1)))


def _usable(source, bounds: Bounds, zooms: tuple[int, int]) -> tuple[Bounds, tuple[int, int]]:
    """The bounds and zooms to fetch: what was asked within what the source has."""
    if source.bounds is not None:
        if not overlaps(bounds, source.bounds):
            west, south, east, north = source.bounds
            raise DataError(code="bm_source_elsewhere", source=source.description, west=west,
                            east=east, south=south, north=north)
        w, s, e, n = source.bounds
        bounds = (max(bounds[0], w), max(bounds[1], s), min(bounds[2], e), min(bounds[3], n))
    if source.zooms is not None:
        low, high = max(zooms[0], source.zooms[0]), min(zooms[1], source.zooms[1])
        if low > high:
            raise DataError(code="bm_source_zooms", source=source.description,
                            has=f"{source.zooms[0]}-{source.zooms[1]}",
                            asked=f"{zooms[0]}-{zooms[1]}")
        zooms = (low, high)
    return bounds, zooms


def _partial(out: Path, key: str) -> Path:
    """The partial file for `out`, emptied when it was started for another build."""
    partial = out.with_name(f".{out.name}.partial")
    if partial.exists():
        try:
            import sqlite3

            with sqlite3.connect(partial) as db:
                found = db.execute("SELECT value FROM metadata WHERE name = 'asmap_build'"
                                   ).fetchone()
        except Exception:  # noqa: BLE001 (any unreadable leftover is simply restarted)
            found = None
        if found is None or found[0] != key:
            partial.unlink()
    return partial


def build_basemap(source: str | Path, out: str | Path, *, bounds: Bounds,
                  zooms: tuple[int, int] = (8, 15), attribution: str = "",
                  name: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> Built:
    """
    Write an MBTiles file of the tiles of `source` that cover `bounds`.

    Parameters
    ----------
    source
        A tile URL with ``{z}/{x}/{y}`` (never the public OSM servers), an ``.mbtiles``
        or ``.pmtiles`` archive, or a GeoTIFF (an RGB scene, a scanned sheet, or a DEM,
        rendered as a hillshade), in any CRS.
    out
        The ``.mbtiles`` file to write; it appears only when complete.
    bounds
        ``(west, south, east, north)`` in degrees (the AOI grown by the margin).
    zooms
        The lowest and highest zoom (kept within what an archive holds).
    attribution
        Credit stored as the ``attribution`` metadata (an archive's own credit is kept
        when this is empty).
    name
        The ``name`` metadata (default: the file name without its suffix).
    progress
        Called with ``(done, total)`` tiles as the build goes.

    Returns
    -------
    Built
        The file, its tile count by zoom and its size.

    Examples
    --------
    >>> built = build_basemap("dem.tif", "basemap.mbtiles", bounds=(104.3, 47.9, 105.1, 48.6),
    ...                       zooms=(8, 12), attribution="SRTM")  # doctest: +SKIP
    >>> built.tiles  # doctest: +SKIP
    231
    """
    out = Path(out)
    if out.suffix.lower() != ".mbtiles":
        raise UsageError(code="bm_out_suffix", path=out)
    tiles = open_source(source)
    try:
        return _build(tiles, source, out, bounds=bounds, zooms=zooms, attribution=attribution,
                      name=name, progress=progress)
    finally:
        tiles.close()


def _build(tiles, source: Any, out: Path, *, bounds: Bounds, zooms: tuple[int, int],
           attribution: str, name: str | None,
           progress: Callable[[int, int], None] | None) -> Built:
    bounds, zooms = _usable(tiles, bounds, zooms)
    plan = tile_plan(bounds, zooms)
    key = json.dumps([str(source), [round(b, 6) for b in bounds], zooms])
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(out, key)
    writer = TileWriter(partial)
    writer.set_metadata({"asmap_build": key})
    built = Built(out, resumed=writer.count())
    fmt = None
    try:
        for done, tile in enumerate(_fetch(tiles, writer, plan), start=1):
            if tile is not None:
                fmt = fmt or image_format(tile)
                if image_format(tile) != fmt:
                    raise DataError(code="bm_mixed_formats", source=tiles.description,
                                    first=fmt, other=image_format(tile))
            if done % COMMIT_EVERY == 0:
                writer.commit()
            if progress is not None:
                progress(done, len(plan))
    except DataError as exc:
        saved = writer.count()
        writer.close()
        if saved == 0:
            partial.unlink(missing_ok=True)
            raise
        raise DataError(code="bm_resume", saved=saved,
                        error=(exc.code, exc.params) if exc.code else str(exc)) from None
    except BaseException:
        writer.close()
        raise
    return _finish(writer, partial, built, tiles, bounds, zooms, fmt, attribution, name)


def _fetch(source, writer: TileWriter, plan: list[mercantile.Tile]) -> Iterator[bytes | None]:
    for tile in plan:
        if writer.has(tile.z, tile.x, tile.y):
            yield None
            continue
        data = source.tile(tile.z, tile.x, tile.y)
        if data is not None:
            writer.add(tile.z, tile.x, tile.y, data)
        yield data


def _finish(writer: TileWriter, partial: Path, built: Built, source, bounds: Bounds,
            zooms: tuple[int, int], fmt: str | None, attribution: str,
            name: str | None) -> Built:
    import sqlite3

    writer.commit()
    db = sqlite3.connect(partial)
    counts = dict(db.execute("SELECT zoom_level, count(*) FROM tiles GROUP BY zoom_level"))
    first = db.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
    db.close()
    if not counts:
        writer.close()
        partial.unlink(missing_ok=True)
        raise DataError(code="bm_no_tiles_fetched", source=source.description,
                        zooms=f"{zooms[0]}-{zooms[1]}")
    fmt = fmt or image_format(bytes(first[0])) or "png"
    held = (min(counts), max(counts))
    credit = attribution or getattr(source, "attribution", "") or source.description
    writer.set_metadata(metadata_for(name=name or built.path.stem, fmt=fmt, bounds=bounds,
                                     zooms=held, attribution=credit,
                                     description=f"made by asmap basemap build from "
                                                 f"{source.description}"))
    writer.close(vacuum=True)
    with open(partial, "r+b") as done:
        os.fsync(done.fileno())
    os.replace(partial, built.path)
    built.per_zoom = {int(z): int(n) for z, n in sorted(counts.items())}
    built.size = built.path.stat().st_size
    return built
