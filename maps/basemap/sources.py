"""Where `asmap basemap build` takes tiles from: a tile server, an MBTiles or PMTiles archive.

Each source answers ``tile(z, x, y)`` with image bytes, or None where it has no tile,
and raises a `DataError` (one line) when it cannot be used. GeoTIFFs are in `raster`.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlparse

from asmap.layers.errors import DataError, UsageError
from asmap.layers.messages import word
from asmap.maps.basemap.area import Bounds
from asmap.maps.basemap.mbtiles import MIME, image_format, open_basemap

#: Public OpenStreetMap tile servers: their usage policy forbids bulk downloading.
OSM_HOSTS = ("tile.openstreetmap.org", "tile.osm.org", "openstreetmap.fr", "tile.openstreetmap.de")
TIMEOUT_S = 20.0
RETRIES = 3


def refuse_osm(url: str) -> None:
    """
    A usage error for the public OSM tile servers, whose policy forbids bulk download.

    Examples
    --------
    >>> refuse_osm("http://127.0.0.1:8000/{z}/{x}/{y}.png")
    >>> refuse_osm("https://a.tile.openstreetmap.org/{z}/{x}/{y}.png")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    asmap.layers.errors.UsageError: a.tile.openstreetmap.org is a public OpenStreetMap ...
    """
    host = (urlparse(url).hostname or "").lower()
    if any(host == h or host.endswith("." + h) for h in OSM_HOSTS):
        raise UsageError(code="bm_osm_refused", host=host)


class UrlSource:
    """Tiles from a server, ``{z}/{x}/{y}`` in `url`; 404 means no tile there."""

    def __init__(self, url: str) -> None:
        if not all(key in url for key in ("{z}", "{x}", "{y}")):
            raise UsageError(code="bm_url_template", url=url)
        refuse_osm(url)
        import requests

        self.url, self.description = url, urlparse(url).hostname or url
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "asmap basemap build"
        self.bounds: Bounds | None = None
        self.zooms: tuple[int, int] | None = None

    def close(self) -> None:
        """Close the connections to the server."""
        self._session.close()

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile's bytes, None for a 404; a `DataError` when the server fails."""
        import requests

        url = self.url.format(z=z, x=x, y=y)
        problem = ""
        for attempt in range(RETRIES):
            try:
                answer = self._session.get(url, timeout=TIMEOUT_S)
            except requests.RequestException as exc:
                problem = word("bm_no_answer", kind=type(exc).__name__)
                time.sleep(0.5 * attempt)
                continue
            if answer.status_code in (204, 404):
                return None
            if answer.status_code != 200:
                problem = word("bm_http_status", status=answer.status_code)
                if answer.status_code < 500:
                    break
                continue
            if image_format(answer.content) is None:
                kind = answer.headers.get("Content-Type", "unknown content").split(";")[0]
                raise DataError(code="bm_not_image", url=url, kind=kind)
            return answer.content
        raise DataError(code="bm_server_failed", url=url, problem=problem)


class MBTilesSource:
    """Tiles from an existing MBTiles file (cut to the area asked for)."""

    def __init__(self, path: Path) -> None:
        self._file = open_basemap(path)
        self.description = path.name
        self.bounds: Bounds | None = self._file.bounds
        self.zooms: tuple[int, int] | None = (self._file.minzoom, self._file.maxzoom)
        self.attribution = str(self._file.metadata.get("attribution") or "")

    def close(self) -> None:
        """Close the file."""
        self._file.close()

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The archive's tile, or None."""
        return self._file.tile(z, x, y)


class PMTilesSource:
    """Tiles from a PMTiles archive (version 3, raster tiles)."""

    def __init__(self, path: Path) -> None:
        import mmap

        from pmtiles.reader import Reader
        from pmtiles.tile import Compression, TileType

        self.description = path.name
        self._handle = open(path, "rb")
        self._map = None
        try:
            # pmtiles' own MmapSource keeps its mapping out of reach: this one is closed
            self._map = mmap.mmap(self._handle.fileno(), 0, access=mmap.ACCESS_READ)
            self._reader = Reader(lambda offset, length: self._map[offset:offset + length])
            header = self._reader.header()
            metadata = self._reader.metadata()
        except Exception as exc:  # pmtiles raises bare exceptions for a bad file
            self.close()
            raise DataError(code="bm_bad_pmtiles", path=path,
                            kind=type(exc).__name__) from None
        kind = header["tile_type"]
        if kind == TileType.MVT or kind not in (TileType.PNG, TileType.JPEG, TileType.WEBP):
            self.close()
            raise DataError(code="bm_vector_tiles", path=path, kind="vector")
        self._gzip = header["tile_compression"] == Compression.GZIP
        self.bounds = (header["min_lon_e7"] / 1e7, header["min_lat_e7"] / 1e7,
                       header["max_lon_e7"] / 1e7, header["max_lat_e7"] / 1e7)
        self.zooms = (int(header["min_zoom"]), int(header["max_zoom"]))
        self.attribution = str(metadata.get("attribution") or "")

    def close(self) -> None:
        """Close the archive."""
        if self._map is not None:
            self._map.close()
        self._handle.close()

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The archive's tile, or None."""
        data = self._reader.get(z, x, y)
        if data is None:
            return None
        if self._gzip:
            import gzip

            data = gzip.decompress(data)
        return bytes(data)


def open_source(source: str | Path):
    """
    The tile source `source` names: a tile URL, ``.mbtiles``, ``.pmtiles`` or a GeoTIFF.

    Examples
    --------
    >>> open_source("http://127.0.0.1:1/{z}/{x}/{y}.png").description
    '127.0.0.1'
    """
    text = str(source)
    if text.startswith(("http://", "https://")):
        return UrlSource(text)
    path = Path(text)
    if not path.is_file():
        raise UsageError(code="bm_no_source", source=text)
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(b"SQLite format 3"):
        return MBTilesSource(path)
    if head.startswith(b"PMTiles"):
        return PMTilesSource(path)
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        from asmap.maps.basemap.raster import RasterSource

        return RasterSource(path)
    raise DataError(code="bm_unknown_source", path=path)


__all__ = ["MIME", "MBTilesSource", "PMTilesSource", "UrlSource", "open_source", "refuse_osm"]
