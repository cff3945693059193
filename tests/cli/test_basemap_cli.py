"""`asmap basemap build`, `--basemap`/`--no-basemap` and `export --to mbtiles` end to end."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from asmap.cli.main import cli
from asmap.layers.project import sample_path
from asmap.maps.basemap.mbtiles import open_basemap
from tests.maps.basemap_helpers import TileServer, write_dem

SAMPLE = sample_path()


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    """The sample's layers without its basemap, so each test gives it one or none."""
    folder = tmp_path_factory.mktemp("project") / "zaamar"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("basemap.mbtiles"))
    return folder


def test_build_from_a_tile_server_prints_count_and_size(small_project, tmp_path):
    server = TileServer()
    try:
        out = tmp_path / "basemap.mbtiles"
        result = run("basemap", "build", small_project, "--from", server.url, "--zoom", "8-10",
                     "--margin-km", "2", "--attribution", "Test imagery", "--out", out)
    finally:
        server.close()
    assert result.exit_code == 0, result.output
    basemap = open_basemap(out)
    total = sum(basemap.count().values())
    assert f"wrote {out}: {total} tiles (z8: " in result.output and " MB" in result.output
    assert basemap.attribution == "Test imagery" and basemap.minzoom == 8


@pytest.mark.parametrize(("source", "code", "message"), [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", 2, "tile usage policy"),
    ("nocrs", 1, "the GeoTIFF has no CRS"),
    ("text", 1, "not an MBTiles, PMTiles or GeoTIFF file"),
])
def test_build_bad_sources_one_line_nothing_written(small_project, tmp_path, source, code,
                                                    message):
    if source == "nocrs":
        source = write_dem(tmp_path / "nocrs.tif", with_crs=False)
    elif source == "text":
        source = tmp_path / "notes.txt"
        source.write_text("hello\n")
    out = tmp_path / "out" / "basemap.mbtiles"
    result = run("basemap", "build", small_project, "--from", source, "--out", out)
    assert result.exit_code == code, result.output
    assert message in result.output and "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if line.startswith("Error")] \
        and not out.exists()


def test_map_embeds_the_folders_basemap_unless_told_not_to(tmp_path):
    with_map = run("map", "--on", "2021-04-06", "--offline", "--out", tmp_path / "a.html")
    assert with_map.exit_code == 0, with_map.output
    assert "asmap.embeddedTiles(" in (tmp_path / "a.html").read_text(encoding="utf-8")
    without = run("map", "--on", "2021-04-06", "--offline", "--no-basemap",
                  "--out", tmp_path / "b.html")
    assert without.exit_code == 0
    assert "asmap.embeddedTiles(" not in (tmp_path / "b.html").read_text(encoding="utf-8")


def test_map_budget_limits_the_zooms(tmp_path):
    result = run("map", "--on", "2021-04-06", "--offline", "--basemap-mb", "0.1",
                 "--out", tmp_path / "m.html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert '"8/' in html and '"13/' in html  # zoom 13 only around the eligible sites
    full = (tmp_path / "f.html")
    run("map", "--on", "2021-04-06", "--offline", "--out", full)
    assert full.stat().st_size > (tmp_path / "m.html").stat().st_size + 500_000


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--basemap", "missing.mbtiles"], 2, "no such basemap file"),
    (["--basemap", "BAD", "--no-basemap"], 2, "contradict each other"),
    (["--basemap", "osm"], 2, "takes an MBTiles file here"),
    (["--basemap", "BAD"], 1, "not an MBTiles file (not an SQLite database)"),
])
def test_map_bad_basemaps(tmp_path, args, code, message):
    bad = tmp_path / "bad.mbtiles"
    bad.write_text("not a database\n")
    args = [str(bad) if a == "BAD" else a for a in args]
    out = tmp_path / "m.html"
    result = run("map", "--on", "2021-04-06", *args, "--out", out)
    assert result.exit_code == code, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_print_takes_a_local_basemap_and_no_basemap(tmp_path):
    result = run("print", "--on", "2021-04-06", "--lang", "en", "--basemap",
                 SAMPLE / "basemap.mbtiles", "--out", tmp_path / "m.pdf")
    assert result.exit_code == 0, result.output
    assert "fetching" not in result.output  # a local file: no network is mentioned
    plain = run("print", "--on", "2021-04-06", "--no-basemap", "--out", tmp_path / "p.pdf")
    assert plain.exit_code == 0
    assert (tmp_path / "m.pdf").stat().st_size > (tmp_path / "p.pdf").stat().st_size


def test_export_mbtiles_cuts_the_basemap_to_the_soum(tmp_path):
    out = tmp_path / "phone.mbtiles"
    result = run("export", SAMPLE, "--to", "mbtiles", "--out", out)
    assert result.exit_code == 0, result.output
    cut, full = open_basemap(out), open_basemap(SAMPLE / "basemap.mbtiles")
    assert 0 < sum(cut.count().values()) < sum(full.count().values())
    assert cut.attribution == "synthetic DEM, illustrative"


def test_export_mbtiles_without_a_basemap_says_how_to_make_one(small_project, tmp_path):
    result = run("export", small_project, "--to", "mbtiles", "--out", tmp_path / "x.mbtiles")
    assert result.exit_code == 2
    assert "has no basemap.mbtiles; make one with `asmap basemap build`" in result.output
