"""MBTiles 1.3 files of raster tiles: open and check one, read its tiles, write a new one.

An MBTiles file is an SQLite database with a ``metadata`` table (name/value pairs) and a
``tiles`` table whose rows are numbered the TMS way (row 0 at the south); this module
speaks XYZ (row 0 at the north, as Leaflet and every tile server do) and converts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import mercantile

from asmap.layers.errors import DataError, UsageError

#: The file a project folder may hold; every drawing command uses it unless told otherwise.
FOLDER_BASEMAP = "basemap.mbtiles"
#: Raster tile formats by the first bytes of a tile.
MAGIC = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpg", b"RIFF": "webp"}
MIME = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}
VECTOR_FORMATS = ("pbf", "mvt")
SCHEMA = """
CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name);
CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER,
                                  tile_row INTEGER, tile_data BLOB);
CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row);
"""


def image_format(data: bytes) -> str | None:
    """
    ``png``, ``jpg`` or ``webp`` from the first bytes of a tile; None for anything else.

    Examples
    --------
    >>> image_format(b"\\x89PNG\\r\\n"), image_format(b"<html>")
    ('png', None)
    """
    for magic, name in MAGIC.items():
        if data[:len(magic)] == magic and (name != "webp" or data[8:12] == b"WEBP"):
            return name
    return None


def _tms(z: int, y: int) -> int:
    return (1 << z) - 1 - y


class MBTiles:
    """
    An open MBTiles file of raster tiles (read only).

    Use `open_basemap`, which checks the file; the attributes come from its metadata and
    its ``tiles`` table.

    Attributes
    ----------
    path
        The file.
    metadata
        The ``metadata`` table as a dict.
    format
        ``png``, ``jpg`` or ``webp``.
    minzoom, maxzoom
        The lowest and highest zoom that hold tiles.
    bounds
        ``(west, south, east, north)`` in degrees: the metadata's, else the tiles' extent.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self.metadata = dict(connection.execute("SELECT name, value FROM metadata"))
        zooms = connection.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
        self.minzoom, self.maxzoom = int(zooms[0]), int(zooms[1])
        first = connection.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()[0]
        self.format = image_format(bytes(first)) or str(self.metadata.get("format", "")).lower()
        self.bounds = self._bounds()

    def _bounds(self) -> tuple[float, float, float, float]:
        text = self.metadata.get("bounds")
        if text:
            try:
                west, south, east, north = (float(v) for v in text.split(","))
                return west, south, east, north
            except ValueError:
                pass
        z = self.maxzoom
        x0, x1, r0, r1 = self._db.execute(
            "SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) FROM tiles "
            "WHERE zoom_level = ?", (z,)).fetchone()
        nw = mercantile.bounds(x0, _tms(z, r1), z)
        se = mercantile.bounds(x1, _tms(z, r0), z)
        return nw.west, se.south, se.east, nw.north

    @property
    def attribution(self) -> str:
        """The ``attribution`` metadata, else the file name."""
        return str(self.metadata.get("attribution") or "").strip() or self.path.name

    @property
    def mime(self) -> str:
        """The tiles' MIME type, for ``data:`` URIs."""
        return MIME.get(self.format, "image/png")

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at XYZ `z`/`x`/`y`, or None when the file does not have it."""
        row = self._db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND "
            "tile_row = ?", (z, x, _tms(z, y))).fetchone()
        return None if row is None else bytes(row[0])

    def tiles_in(self, bounds: Iterable[float], z: int) -> Iterator[tuple[int, int, bytes]]:
        """Every ``(x, y, data)`` the file holds at zoom `z` within lon/lat `bounds`."""
        west, south, east, north = bounds
        ul, lr = mercantile.tile(west, north, z), mercantile.tile(east, south, z)
        rows = self._db.execute(
            "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? AND "
            "tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ?",
            (z, ul.x, lr.x, _tms(z, lr.y), _tms(z, ul.y)))
        for x, row, data in rows:
            yield int(x), _tms(z, int(row)), bytes(data)

    def count(self) -> dict[int, int]:
        """The number of tiles at each zoom."""
        return {int(z): int(n) for z, n in self._db.execute(
            "SELECT zoom_level, count(*) FROM tiles GROUP BY zoom_level ORDER BY zoom_level")}

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def open_basemap(path: str | Path) -> MBTiles:
    """
    Open an MBTiles file of raster tiles; a `DataError` saying what is wrong otherwise.

    Parameters
    ----------
    path
        The ``.mbtiles`` file.

    Returns
    -------
    MBTiles
        The open file.

    Examples
    --------
    >>> from asmap.layers.project import sample_path
    >>> basemap = open_basemap(sample_path() / "basemap.mbtiles")
    >>> basemap.format, basemap.minzoom
    ('jpg', 8)
    """
    path = Path(path)
    if not path.is_file():
        raise UsageError(code="bm_no_basemap_file", path=path)
    with open(path, "rb") as head:
        if head.read(16) != b"SQLite format 3\x00":
            raise DataError(code="bm_not_sqlite", path=path)
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        if not {"metadata", "tiles"} <= tables:
            raise DataError(code="bm_no_tables", path=path)
        if db.execute("SELECT 1 FROM tiles LIMIT 1").fetchone() is None:
            raise DataError(code="bm_no_tiles", path=path)
        basemap = MBTiles(path, db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DataError(code="bm_bad_mbtiles", path=path, detail=exc) from None
    except DataError:
        db.close()
        raise
    if basemap.format in VECTOR_FORMATS or basemap.format not in MIME:
        basemap.close()
        raise DataError(code="bm_vector_tiles", path=path, kind=basemap.format or "?")
    return basemap


def resolve_basemap(basemap: str | Path | bool | None, folder: Path | None) -> Path | None:
    """
    The MBTiles file to draw: `basemap` itself, none, or the project folder's.

    Parameters
    ----------
    basemap
        A path: that file. False: none (``--no-basemap``). None: the folder's
        ``basemap.mbtiles`` when there is one.
    folder
        The project folder (None for a project built in memory).

    Returns
    -------
    pathlib.Path or None
        The file, or None for the plain background.

    Examples
    --------
    >>> from asmap.layers.project import sample_path
    >>> resolve_basemap(None, sample_path()).name
    'basemap.mbtiles'
    >>> resolve_basemap(False, sample_path()) is None
    True
    """
    if basemap is False:
        return None
    if basemap is None or basemap is True:
        found = Path(folder) / FOLDER_BASEMAP if folder is not None else None
        return found if found is not None and found.is_file() else None
    return Path(basemap)


def is_local(basemap: str | Path) -> bool:
    """
    Whether `basemap` names a local MBTiles file rather than a tile server.

    Examples
    --------
    >>> is_local("basemap.mbtiles"), is_local("osm")
    (True, False)
    """
    text = str(basemap)
    return not text.startswith(("http://", "https://")) and (
        text.lower().endswith(".mbtiles") or Path(text).is_file())


class TileWriter:
    """
    Tiles written into an MBTiles file being built (a partial file that can be resumed).

    Parameters
    ----------
    path
        The partial file; an existing one is reused, so a build picks up where it stopped.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path)
        self._db.executescript(SCHEMA)

    def has(self, z: int, x: int, y: int) -> bool:
        """Whether the tile is already written."""
        return self._db.execute(
            "SELECT 1 FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, _tms(z, y))).fetchone() is not None

    def add(self, z: int, x: int, y: int, data: bytes) -> None:
        """Write one XYZ tile (replacing the same tile)."""
        self._db.execute("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)",
                         (z, x, _tms(z, y), sqlite3.Binary(data)))

    def commit(self) -> None:
        """Make what was written so far survive an interruption."""
        self._db.commit()

    def set_metadata(self, metadata: dict[str, str]) -> None:
        """Replace the metadata table."""
        self._db.execute("DELETE FROM metadata")
        self._db.executemany("INSERT INTO metadata VALUES (?, ?)",
                             [(k, str(v)) for k, v in metadata.items()])
        self._db.commit()

    def count(self) -> int:
        """The number of tiles written."""
        return int(self._db.execute("SELECT count(*) FROM tiles").fetchone()[0])

    def close(self, *, vacuum: bool = False) -> None:
        """Close the file (compacted first with `vacuum`)."""
        self._db.commit()
        if vacuum:
            self._db.execute("VACUUM")
        self._db.close()


def metadata_for(*, name: str, fmt: str, bounds: Iterable[float], zooms: tuple[int, int],
                 attribution: str, description: str = "") -> dict[str, str]:
    """
    MBTiles 1.3 metadata: name, format, bounds, center, minzoom, maxzoom, attribution.

    Examples
    --------
    >>> metadata_for(name="z", fmt="png", bounds=(104, 47, 105, 48), zooms=(8, 12),
    ...              attribution="me")["center"]
    '104.500000,47.500000,10'
    """
    west, south, east, north = bounds
    meta = {"name": name, "format": fmt, "type": "baselayer", "version": "1.3",
            "bounds": f"{west:.6f},{south:.6f},{east:.6f},{north:.6f}",
            "center": f"{(west + east) / 2:.6f},{(south + north) / 2:.6f},"
                      f"{(zooms[0] + zooms[1]) // 2}",
            "minzoom": str(zooms[0]), "maxzoom": str(zooms[1]), "attribution": attribution}
    if description:
        meta["description"] = description
    return meta
