"""`asmap basemap build`: from a local tile server, GeoTIFFs, MBTiles and PMTiles archives;
files read back (metadata, tiles per zoom, bounds over the AOI); every bad input one line."""

from __future__ import annotations

import io
import re
import sqlite3

import mercantile
import numpy as np
import pytest
from PIL import Image

from asmap.layers.errors import DataError, UsageError
from asmap.maps.basemap.area import grow_bounds
from asmap.maps.basemap.build import build_basemap, parse_zooms
from asmap.maps.basemap.mbtiles import open_basemap
from asmap.maps.basemap.raster import PLAIN_RGB
from tests.maps.basemap_helpers import (
    BLUE,
    GREEN,
    RED,
    TileServer,
    aoi_degrees,
    png,
    solid_mbtiles,
    write_dem,
    write_rgb,
)

METADATA = {"name", "format", "bounds", "center", "minzoom", "maxzoom", "attribution"}


@pytest.fixture
def server():
    tiles = TileServer()
    yield tiles
    tiles.close()


def covers(outer, inner) -> bool:
    return (outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2]
            and outer[3] >= inner[3])


def expected_counts(bounds, zooms):
    return {z: len(list(mercantile.tiles(*bounds, zooms=z))) for z in range(zooms[0],
                                                                            zooms[1] + 1)}


def test_tile_server_build_reads_back_as_mbtiles_1_3(server, tmp_path):
    area = grow_bounds(aoi_degrees(), 5)
    built = build_basemap(server.url, tmp_path / "basemap.mbtiles", bounds=area,
                          zooms=(9, 12), attribution="Imagery © test server")
    basemap = open_basemap(built.path)
    assert METADATA <= set(basemap.metadata)
    assert basemap.metadata["format"] == "png" and basemap.metadata["version"] == "1.3"
    assert (basemap.metadata["minzoom"], basemap.metadata["maxzoom"]) == ("9", "12")
    assert basemap.attribution == "Imagery © test server"
    assert basemap.count() == expected_counts(area, (9, 12)) == built.per_zoom
    assert covers(basemap.bounds, aoi_degrees())
    lon, lat, zoom = (float(v) for v in basemap.metadata["center"].split(","))
    assert area[0] < lon < area[2] and area[1] < lat < area[3] and zoom == 10
    assert len(server.requested) == built.tiles
    x, y, data = next(basemap.tiles_in(aoi_degrees(), 12))
    assert Image.open(io.BytesIO(data)).getpixel((5, 5)) == GREEN
    assert not list(tmp_path.glob(".*partial"))


def test_an_interrupted_download_resumes(server, tmp_path):
    out, area = tmp_path / "b.mbtiles", aoi_degrees()
    total = sum(expected_counts(area, (10, 12)).values())
    server.fail_after = 7
    with pytest.raises(DataError, match=r"503.*7 tiles saved; run the same command again"):
        build_basemap(server.url, out, bounds=area, zooms=(10, 12))
    assert not out.exists() and (tmp_path / ".b.mbtiles.partial").exists()
    server.fail_after, server.requested[:] = None, []
    built = build_basemap(server.url, out, bounds=area, zooms=(10, 12))
    assert built.resumed == 7 and built.tiles == total
    assert len(server.requested) == total - 7  # the saved tiles were not fetched again


@pytest.mark.parametrize("url", [
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "https://b.tile.openstreetmap.org/{z}/{x}/{y}.png",
    "http://tile.osm.org/{z}/{x}/{y}.png",
])
def test_public_osm_servers_are_refused_with_the_policy(url, tmp_path):
    with pytest.raises(UsageError, match="tile usage policy.*forbids bulk downloading"):
        build_basemap(url, tmp_path / "b.mbtiles", bounds=aoi_degrees(), zooms=(10, 10))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("mode", "message"), [
    ("html", "answered with text/html, not a tile image"),
    ("down", "the tile server answered HTTP 503"),
])
def test_failing_or_non_image_server_writes_nothing(server, tmp_path, mode, message):
    server.mode = mode
    with pytest.raises(DataError, match=message):
        build_basemap(server.url, tmp_path / "b.mbtiles", bounds=aoi_degrees(), zooms=(10, 10))
    assert list(tmp_path.iterdir()) == []


def test_dem_geotiff_becomes_a_hillshade(tmp_path):
    dem = write_dem(tmp_path / "dem.tif")
    built = build_basemap(dem, tmp_path / "hill.mbtiles", bounds=aoi_degrees(), zooms=(10, 13),
                          attribution="synthetic DEM")
    basemap = open_basemap(built.path)
    assert basemap.format == "jpg" and basemap.count() == expected_counts(aoi_degrees(),
                                                                          (10, 13))
    # the hill in the middle: its north-west flank is lit, its south-east flank in shade
    west, south, east, north = aoi_degrees()
    cx, cy = (west + east) / 2, (south + north) / 2
    lit = _pixel(basemap, cx - 0.025, cy + 0.017, 13)
    shade = _pixel(basemap, cx + 0.025, cy - 0.017, 13)
    assert sum(lit) > sum(shade) + 60, (lit, shade)
    far = _pixel(basemap, west + 0.002, south + 0.002, 13)  # flat ground: near plain
    assert all(abs(a - b) < 25 for a, b in zip(far, PLAIN_RGB, strict=True))


def _pixel(basemap, lon, lat, z):
    tile = mercantile.tile(lon, lat, z)
    box = mercantile.bounds(tile)
    col = int((lon - box.west) / (box.east - box.west) * 256)
    top = mercantile.xy(box.west, box.north)[1]
    bottom = mercantile.xy(box.west, box.south)[1]
    row = int((top - mercantile.xy(lon, lat)[1]) / (top - bottom) * 256)
    image = Image.open(io.BytesIO(basemap.tile(tile.z, tile.x, tile.y))).convert("RGB")
    return image.getpixel((col, row))


def test_rgb_geotiff_in_another_crs_is_reprojected(tmp_path):
    scene = write_rgb(tmp_path / "scene.tif")  # EPSG:4326, red west half, blue east half
    built = build_basemap(scene, tmp_path / "scene.mbtiles", bounds=aoi_degrees(),
                          zooms=(12, 12))
    basemap = open_basemap(built.path)
    west, south, east, north = aoi_degrees()
    mid = (south + north) / 2
    red = _pixel(basemap, west + (east - west) * 0.25, mid, 12)
    blue = _pixel(basemap, west + (east - west) * 0.75, mid, 12)
    assert np.allclose(red, RED, atol=12) and np.allclose(blue, BLUE, atol=12), (red, blue)


def test_geotiff_without_crs_is_one_clear_error(tmp_path):
    dem = write_dem(tmp_path / "nocrs.tif", with_crs=False)
    with pytest.raises(DataError, match="nocrs.tif: the GeoTIFF has no CRS"):
        build_basemap(dem, tmp_path / "b.mbtiles", bounds=aoi_degrees(), zooms=(10, 10))
    assert not (tmp_path / "b.mbtiles").exists()


def test_mbtiles_archive_is_cut_to_the_area(tmp_path):
    big = grow_bounds(aoi_degrees(), 40)
    archive = solid_mbtiles(tmp_path / "region.mbtiles", bounds=big, zooms=(8, 12))
    built = build_basemap(archive, tmp_path / "cut.mbtiles", bounds=aoi_degrees(),
                          zooms=(0, 22))
    cut = open_basemap(built.path)
    assert cut.count() == expected_counts(aoi_degrees(), (8, 12))
    assert cut.attribution == "Test tiles"  # the archive's credit is kept
    assert sum(cut.count().values()) < sum(open_basemap(archive).count().values())


def _pmtiles(path, *, tile_type, zooms=(10, 11)):
    from pmtiles.tile import Compression, TileType, zxy_to_tileid
    from pmtiles.writer import write

    west, south, east, north = aoi_degrees()
    tiles = sorted((zxy_to_tileid(t.z, t.x, t.y), png(GREEN))
                   for t in mercantile.tiles(west, south, east, north,
                                             zooms=range(zooms[0], zooms[1] + 1)))
    with write(str(path)) as writer:
        for tile_id, data in tiles:
            writer.write_tile(tile_id, data)
        writer.finalize({"tile_type": getattr(TileType, tile_type),
                         "tile_compression": Compression.NONE, "min_zoom": zooms[0],
                         "max_zoom": zooms[1], "min_lon_e7": int(west * 1e7),
                         "min_lat_e7": int(south * 1e7), "max_lon_e7": int(east * 1e7),
                         "max_lat_e7": int(north * 1e7), "center_zoom": zooms[0],
                         "center_lon_e7": int((west + east) / 2 * 1e7),
                         "center_lat_e7": int((south + north) / 2 * 1e7)},
                        {"attribution": "PMTiles test"})
    return path


def test_pmtiles_archive(tmp_path):
    archive = _pmtiles(tmp_path / "area.pmtiles", tile_type="PNG")
    built = build_basemap(archive, tmp_path / "b.mbtiles", bounds=aoi_degrees(), zooms=(8, 15))
    basemap = open_basemap(built.path)
    assert basemap.count() == expected_counts(aoi_degrees(), (10, 11))
    assert basemap.attribution == "PMTiles test"


def test_vector_pmtiles_are_refused(tmp_path):
    archive = _pmtiles(tmp_path / "v.pmtiles", tile_type="MVT")
    with pytest.raises(DataError, match="holds vector tiles, not raster images"):
        build_basemap(archive, tmp_path / "b.mbtiles", bounds=aoi_degrees(), zooms=(8, 15))


def test_a_source_elsewhere_has_no_tiles_over_the_area(tmp_path):
    elsewhere = solid_mbtiles(tmp_path / "ub.mbtiles", bounds=(106.8, 47.8, 107.0, 48.0),
                              zooms=(10, 11))
    with pytest.raises(DataError, match="has no tiles over the area of interest"):
        build_basemap(elsewhere, tmp_path / "b.mbtiles", bounds=aoi_degrees(), zooms=(8, 15))
    assert not (tmp_path / "b.mbtiles").exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"just text\n", "not an MBTiles file (not an SQLite database)"),
    (None, "not an MBTiles file (no metadata and tiles tables)"),
    ("vector", "holds pbf tiles, not raster images"),
])
def test_bad_basemap_files(tmp_path, content, message):
    path = tmp_path / "bad.mbtiles"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is None:
        sqlite3.connect(path).execute("CREATE TABLE other (a)").connection.commit()
    else:
        from asmap.maps.basemap.mbtiles import TileWriter

        writer = TileWriter(path)
        writer.add(10, 808, 356, b"\x1f\x8b\x08\x00gzipped-pbf")
        writer.set_metadata({"format": "pbf"})
        writer.close()
    with pytest.raises(DataError, match=re.escape(message)):
        open_basemap(path)


@pytest.mark.parametrize(("text", "zooms"), [("8-15", (8, 15)), ("12", (12, 12))])
def test_zoom_ranges(text, zooms):
    assert parse_zooms(text) == zooms


@pytest.mark.parametrize("text", ["15-8", "a-b", "8-30"])
def test_bad_zoom_ranges(text):
    with pytest.raises(UsageError, match="zoom range|not a zoom range"):
        parse_zooms(text)


@pytest.mark.parametrize("name", ["area", "mbtiles", "sources", "raster", "build", "web",
                                  "paper"])
def test_basemap_module_examples_run(name, tmp_path, monkeypatch):
    import doctest
    import importlib

    monkeypatch.chdir(tmp_path)
    module = importlib.import_module(f"asmap.maps.basemap.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    assert result.failed == 0 and result.attempted > 0
