"""Outputs that would destroy inputs, broken rules and odd coordinates (issue 20).

Each case runs through the whole click group on a copy of the sample and checks the
exit code, the one-line message and the files left behind.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from asmap.cli.main import cli
from asmap.cli.paths import write_failure
from asmap.layers import sample_path
from tests.helpers import tree_hash

ON = ["--on", "2021-04-06"]


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def error_line(result) -> str:
    """The output, which must be one line starting with ``Error: ``."""
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.fixture
def work(tmp_path):
    """WORK/proj: a copy of the sample, with the user's notes beside it."""
    shutil.copytree(sample_path(), tmp_path / "proj")
    (tmp_path / "notes.txt").write_text("my notes from the focus group", encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("results") / "R.gpkg"
    assert run("analyze", sample_path(), *ON, "--out", out).exit_code == 0
    return out


OWN_GOALS = {
    "map over a layer": (["map", "{proj}", *ON, "--out", "{proj}/tailings.geojson"],
                         "lies inside the input folder"),
    "geojson export over the project": (["export", "{proj}", "--to", "geojson", "--out",
                                         "{proj}"], "is the input"),
    "csv over a layer": (["analyze", "{proj}", *ON, "--out", "{work}/r.gpkg", "--csv",
                          "{proj}/licenses.geojson"], "lies inside the input folder"),
    "shp export over a layer": (["export", "{proj}", "--to", "shp", "--out",
                                 "{proj}/tailings.geojson"], "lies inside the input folder"),
    "brief over the parent": (["brief", "{proj}", *ON, "--out", "{work}"],
                              "contains the input"),
    "gpkg export over itself": (["export", "{results}", "--to", "gpkg", "--out", "{results}"],
                                "is the input"),
    "results inside the project": (["analyze", "{proj}", *ON, "--out",
                                    "{proj}/results.gpkg"], "lies inside the input folder"),
    "rules file overwritten": (["analyze", "{proj}", "--rules", "{proj}/asmap.toml",
                                "--out", "{proj}/asmap.toml"], "is the input"),
    "import over its table": (["import", "gps", "{proj}/tailings.geojson", "--kind",
                               "tailings", "--out", "{proj}/tailings.geojson"], "is the input"),
}


@pytest.mark.parametrize("case", list(OWN_GOALS), ids=list(OWN_GOALS))
def test_outputs_that_would_destroy_inputs_are_refused(work, results, case):
    args, phrase = OWN_GOALS[case]
    copy = work / "R.gpkg"
    shutil.copy(results, copy)
    before = tree_hash(work)
    result = run(*(a.format(proj=work / "proj", work=work, results=copy) for a in args))
    assert result.exit_code == 2, result.output
    assert phrase in error_line(result)
    assert tree_hash(work) == before, "nothing written, nothing replaced"
    assert not [p for p in work.rglob(".*")], "no temporary files"


def test_a_folder_asmap_did_not_write_is_not_replaced(work):
    mine = work / "mine"
    mine.mkdir()
    (mine / "photo.jpg").write_bytes(b"\xff\xd8 a photo")
    result = run("export", work / "proj", "--to", "geojson", "--out", mine)
    assert result.exit_code == 2
    assert "is a folder asmap did not write and is not empty" in error_line(result)
    assert [p.name for p in mine.iterdir()] == ["photo.jpg"]


def test_an_asmap_output_folder_is_replaced(work):
    out = work / "geojson"
    for _ in range(2):
        result = run("export", work / "proj", "--to", "geojson", "--out", out)
        assert result.exit_code == 0, result.output
    assert (out / "tailings.geojson").is_file()
    assert sorted(p.name for p in work.iterdir()) == ["geojson", "notes.txt", "proj"]


@pytest.mark.parametrize(("args", "phrase"), [
    (["export", "{proj}", "--to", "kmz", "--out", "{folder}"], "is a folder; give the name"),
    (["export", "{proj}", "--to", "gpkg", "--out", "{folder}"], "is a folder; give the name"),
    (["analyze", "{proj}", "--rules", "{folder}", "--out", "{work}/r.gpkg"],
     "is a folder; give the rules file"),
    (["map", "{proj}", "--rules", "{folder}", "--out", "{work}/m.html"],
     "is a folder; give the rules file"),
], ids=["kmz", "gpkg", "analyze rules", "map rules"])
def test_folders_where_files_belong_are_usage_errors(work, args, phrase):
    folder = work / "out"
    folder.mkdir()
    result = run(*(a.format(proj=work / "proj", work=work, folder=folder) for a in args))
    assert result.exit_code == 2, result.output
    assert phrase in result.output and "unexpected" not in result.output
    assert list(folder.iterdir()) == []


def test_asmap_results_in_a_project_folder_are_skipped_with_a_note(work, results):
    shutil.copy(results, work / "proj" / "results.gpkg")
    checked = run("validate", work / "proj", "--json")
    assert checked.exit_code == 0, checked.output
    notes = [p for p in json.loads(checked.output) if p["file"] == "results.gpkg"]
    assert [(n["severity"], n["message"]) for n in notes] == [(
        "warning", "ignored: 'results.gpkg' holds asmap results (written by `asmap analyze` "
        "or `asmap export`), not input layers")]
    again = run("analyze", work / "proj", *ON, "--out", work / "again.gpkg", "--json")
    assert again.exit_code == 0, again.output
    summary = json.loads(again.output)
    assert (summary["eligible"], round(summary["eligible_ha"], 2)) == (16, 86.94)


def test_map_with_a_layer_as_results_says_it_is_no_results(work):
    result = run("map", work / "proj", "--results", work / "proj" / "tailings.geojson",
                 "--out", work / "m.html")
    assert result.exit_code == 1
    assert "tailings.geojson: not asmap results" in error_line(result)
    assert not (work / "m.html").exists()


@pytest.mark.parametrize(("line", "message"), [
    ("post_radius_m = inf", "post_radius_m must be a number from 0 to 20000 (metres), got inf"),
    ("reclamation_notice_days = 1e300",
     "reclamation_notice_days must be a whole number from 0 to 3650, got 1e+300"),
    ("river_buffer_m = nan", "river_buffer_m must be a number from 0 to 5000 (metres), got nan"),
], ids=["inf", "huge", "nan"])
def test_impossible_rules_are_refused_by_validate_and_analyze(work, line, message):
    settings = work / "proj" / "asmap.toml"
    text = settings.read_text(encoding="utf-8")
    key = line.split(" =")[0]
    settings.write_text("\n".join(line if row.startswith(key + " ") else row
                                  for row in text.splitlines()) + "\n", encoding="utf-8")
    checked = run("validate", work / "proj", "--json")
    assert checked.exit_code == 1
    assert [p["message"] for p in json.loads(checked.output)] == [message]
    analysed = run("analyze", work / "proj", *ON, "--out", work / "r.gpkg")
    assert analysed.exit_code == 1
    assert message in error_line(analysed)
    assert not (work / "r.gpkg").exists()
    rules = work / "rules.toml"
    rules.write_text(f"[rules]\n{line}\n", encoding="utf-8")
    given = run("analyze", sample_path(), *ON, "--rules", rules, "--out", work / "r.gpkg")
    assert given.exit_code == 2 and message in given.output


def test_deeply_nested_toml_is_one_line(work):
    deep = "x = " + "[" * 3000 + "]" * 3000 + "\n"
    (work / "proj" / "asmap.toml").write_text(deep, encoding="utf-8")
    checked = run("validate", work / "proj", "--json")
    assert checked.exit_code == 1
    assert [p["message"] for p in json.loads(checked.output)] == [
        "the file nests tables or arrays too deeply to read"]
    (work / "deep.toml").write_text("[rules]\n" + deep, encoding="utf-8")
    given = run("analyze", sample_path(), "--rules", work / "deep.toml", "--out",
                work / "r.gpkg")
    assert given.exit_code == 2 and "nests tables or arrays too deeply" in given.output
    assert "RecursionError" not in given.output


def posts_csv(folder: Path, rows: list[str]) -> None:
    (folder / "posts.geojson").unlink()
    (folder / "posts.csv").write_text("post_id,authority,name,lon,lat\n"
                                      + "\n".join(rows) + "\n", encoding="utf-8")


def problems_of(folder: Path) -> list[tuple]:
    result = run("validate", folder, "--json")
    return result.exit_code, [(p["severity"], p["file"], p["feature"], p["field"], p["message"])
                              for p in json.loads(result.output)]


def test_infinite_csv_coordinates_name_the_feature_and_column(work):
    posts_csv(work / "proj", ["ZP-01,police,Baruun,104.50,48.20", "ZP-02,police,Zuun,inf,48.3"])
    code, found = problems_of(work / "proj")
    assert code == 1
    assert ("error", "posts.csv", "ZP-02", "lon/lat",
            "coordinates are not finite numbers or not geometry text") in found
    assert not [f for f in found if "cannot check this layer" in f[4]]


def test_a_feature_at_null_island_is_an_error(work):
    posts_csv(work / "proj", ["ZP-01,police,Baruun,104.50,48.20", "ZP-09,police,GPS,0,0"])
    code, found = problems_of(work / "proj")
    assert code == 1
    assert found == [("error", "posts.csv", "ZP-09", "geometry",
                      "the feature is at (0, 0) degrees, the default a GPS or app writes "
                      "when it had no position")]
    analysed = run("analyze", work / "proj", *ON, "--out", work / "r.gpkg")
    assert analysed.exit_code == 1 and "ZP-09" in error_line(analysed)


EMPTY_KML = ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/'
             '2.2"><Document><name>tailings</name></Document></kml>\n')


def test_an_empty_kml_has_no_features(work):
    (work / "proj" / "tailings.geojson").unlink()
    (work / "proj" / "tailings.kml").write_text(EMPTY_KML, encoding="utf-8")
    code, found = problems_of(work / "proj")
    assert code == 1
    assert found == [("error", "tailings.kml", "", "", "the layer has no features")]


def test_columns_differing_only_by_case_are_reported(work):
    path = work / "proj" / "tailings.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"].update(notes="dry", NOTES="wet")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, found = problems_of(work / "proj")
    assert code == 1
    assert found == [("error", "tailings.geojson", "", "NOTES",
                      "columns 'notes' and 'NOTES' differ only by case")]


def test_a_full_disk_and_a_read_only_folder_have_their_own_messages():
    with pytest.raises(OSError) as full, open("/dev/full", "w", encoding="utf-8") as disk:
        disk.write("x" * 100_000)
        disk.flush()
    assert full.value.errno == errno.ENOSPC
    assert "the disk is full; free some space" in write_failure(full.value)
    read_only = OSError(errno.EROFS, os.strerror(errno.EROFS), "/media/usb/brief")
    assert write_failure(read_only) == (
        "/media/usb/brief: no permission to write there (a read-only folder or disk); write "
        "the output to a folder you may write to")
    assert write_failure(RuntimeError("a real bug")) is None


def test_sigterm_during_brief_leaves_no_hidden_folder(work):
    out = work / "brief"
    asmap = Path(sys.executable).with_name("asmap")
    process = subprocess.Popen([str(asmap), "brief", str(work / "proj"), *ON, "--out",
                                str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600  # a loaded machine starts asmap slowly
        while time.monotonic() < deadline:  # until the hidden folder exists (or it is done)
            if list(work.glob(".brief.*")) or process.poll() is not None:
                break
            time.sleep(0.01)
        assert list(work.glob(".brief.*")), "the brief was being written"
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode != 0
    assert sorted(p.name for p in work.iterdir()) == ["notes.txt", "proj"]


def test_the_command_group_words_a_full_disk_not_as_a_bug():
    import click

    from asmap.cli.main import AsmapGroup

    @click.group(cls=AsmapGroup)
    def group() -> None:
        """A group like `asmap`, with one command that fills a disk."""

    @group.command()
    def fill() -> None:
        with open("/dev/full", "w", encoding="utf-8") as disk:
            disk.write("x" * 100_000)

    result = CliRunner().invoke(group, ["fill"])
    assert result.exit_code == 1
    line = error_line(result)
    assert "the disk is full; free some space" in line and "unexpected" not in line


def test_the_bundled_sample_is_an_input_too():
    result = run("map", "--out", sample_path() / "map.html")
    assert result.exit_code == 2
    assert "lies inside the input folder" in error_line(result)
    assert not (sample_path() / "map.html").exists()
