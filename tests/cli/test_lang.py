"""The command line in Mongolian and English: the setting, validate's words, help, errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import geopandas as gpd
from shapely.geometry import Point, Polygon

from asmap.cli.main import cli
from asmap.layers.validate import inspect
from tests.layers.layer_helpers import good_layers, project, square, write

CYRILLIC = re.compile("[А-Яа-яӨөҮүЁё]")


def run(*args: str, env: dict | None = None, width: int = 250):
    return CliRunner(env={"COLUMNS": str(width), **(env or {})}).invoke(cli, list(args),
                                                                    prog_name="asmap")


def _with(folder: Path, kind: str, **columns) -> None:
    frame = good_layers()[kind]
    for name, value in columns.items():
        frame[name] = value
    write(frame, folder / f"{kind}.geojson")


def _geometry(folder: Path, kind: str, geoms) -> None:
    frame = good_layers()[kind].iloc[:1].copy()
    write(gpd.GeoDataFrame(frame.drop(columns="geometry"), geometry=geoms, crs=4326),
          folder / f"{kind}.geojson")


# One broken folder for each kind of problem `asmap validate` knows (code -> how).
BROKEN = {
    "pr_required_missing": lambda f: write(good_layers()["tailings"].drop(columns="stage"),
                                           f / "tailings.geojson"),
    "pr_not_allowed_near": lambda f: _with(f, "tailings", stage=["minned", "active"]),
    "pr_not_allowed": lambda f: _with(f, "tailings", stage=["xyz", "active"]),
    "pr_empty_value": lambda f: _with(f, "tailings", stage=[None, "active"]),
    "pr_duplicate_id": lambda f: _with(f, "tailings", site_id=["T-1", "T-1"]),
    "pr_not_date": lambda f: _with(f, "posts", start_date=["soon"]),
    "pr_bad_year": lambda f: _with(f, "posts", start_date=["1700-01-01"]),
    "pr_not_number": lambda f: _with(f, "posts", radius_m=["far"]),
    "pr_negative": lambda f: _with(f, "posts", radius_m=[-5.0]),
    "pr_not_yes_no": lambda f: _with(f, "settlements", is_base=["maybe"]),
    "pr_dates_backwards": lambda f: _with(f, "licenses", start_date=["2030-01-01"],
                                          end_date=["2020-01-01"]),
    "pr_one_base": lambda f: write(gpd.GeoDataFrame(
        {"name": ["A", "B"], "is_base": [True, True]},
        geometry=[Point(104.77, 48.21), Point(104.8, 48.3)], crs=4326),
        f / "settlements.geojson"),
    "pr_no_geometry": lambda f: _geometry(f, "posts", [None]),
    "pr_wrong_type": lambda f: _geometry(f, "posts", [square(0, 0)]),
    "pr_repaired": lambda f: _geometry(f, "tailings", [Polygon(
        [(104.6, 48.3), (104.62, 48.32), (104.62, 48.3), (104.6, 48.32), (104.6, 48.3)])]),
    "pr_swapped": lambda f: _geometry(f, "posts", [Point(48.2, 104.7)]),
    "pr_no_crs": lambda f: ((f / "posts.geojson").unlink(),
                            write(good_layers()["posts"], f / "posts.shp"),
                            (f / "posts.prj").unlink()),
    "pr_file_no_kind": lambda f: write(good_layers()["posts"], f / "post.geojson"),
    "pr_two_layers": lambda f: write(good_layers()["posts"], f / "posts.gpkg"),
    "pr_file_empty": lambda f: (f / "roads.geojson").write_text(""),
    "pr_csv_no_xy": lambda f: (f / "roads.csv").write_text("road_id\nR1\n"),
    "pr_no_tailings": lambda f: (f / "tailings.geojson").unlink(),
    "pr_toml_unknown_rule": lambda f: (f / "asmap.toml").write_text("[rules]\nmin_area = 1\n"),
    "pr_toml_syntax": lambda f: (f / "asmap.toml").write_text("[rules\n"),
    "pr_toml_rule": lambda f: (f / "asmap.toml").write_text("[rules]\nmin_area_ha = -1\n"),
    "pr_toml_lang": lambda f: (f / "asmap.toml").write_text('lang = "fr"\n'),
}


@pytest.fixture(params=sorted(BROKEN))
def broken(request, tmp_path):
    folder = project(tmp_path / "p")
    BROKEN[request.param](folder)
    return request.param, folder


def test_validate_says_each_problem_in_both_languages(broken):
    code, folder = broken
    problem = next(p for p in inspect(folder).problems if p.code == code)
    outputs = {lang: run("validate", str(folder), "--lang", lang).output for lang in ("mn", "en")}
    for lang, output in outputs.items():
        message, hint = problem.text(lang)
        flat = " ".join(output.split())  # the table wraps long sentences by words
        for words in (message, hint):
            assert " ".join(words.split()) in flat.replace("│", " ").replace("  ", " ") or \
                all(w in flat for w in words.split()), (lang, words, output)
    assert CYRILLIC.search(problem.text("mn")[0] + problem.text("mn")[1])
    assert problem.text("en") != problem.text("mn")
    assert "алдаа" in outputs["mn"] or "анхааруулга" in outputs["mn"]
    assert "error" not in outputs["mn"].replace("errors", "")  # no English severity in mn


def test_verdict_line_in_both_languages(tmp_path):
    folder = project(tmp_path / "p")
    assert run("validate", str(folder), "--lang", "en").output.strip() == (
        "OK: 4 layers, 0 errors, 0 warnings")
    assert run("validate", str(folder), "--lang", "mn").output.strip() == (
        "ХЭРЭГЛЭЖ БОЛНО: 4 давхарга, 0 алдаа, 0 анхааруулга")


def test_language_setting_order(tmp_path):
    folder = project(tmp_path / "p")
    (folder / "asmap.toml").write_text('lang = "en"\n')
    assert run("validate", str(folder), env={"ASMAP_LANG": ""}).output.startswith("OK")
    mn = run("validate", str(folder), env={"ASMAP_LANG": "mn"}).output
    assert mn.startswith("ХЭРЭГЛЭЖ БОЛНО")  # the environment before the folder
    assert run("validate", str(folder), "--lang", "en",
               env={"ASMAP_LANG": "mn"}).output.startswith("OK")  # the flag before both
    (folder / "asmap.toml").unlink()
    assert run("validate", str(folder), env={"ASMAP_LANG": ""}).output.startswith(
        "ХЭРЭГЛЭЖ")  # nothing said: Mongolian


def test_json_keeps_english_keys(tmp_path):
    folder = project(tmp_path / "p")
    BROKEN["pr_not_allowed_near"](folder)
    rows = json.loads(run("validate", str(folder), "--json", "--lang", "mn").output)
    assert set(rows[0]) == {"severity", "layer", "feature", "field", "message", "hint", "file",
                            "code"}
    assert rows[0]["severity"] == "error" and rows[0]["code"] == "pr_not_allowed_near"
    assert rows[0]["message"] == "'minned' утгыг зөвшөөрөхгүй"


def test_narrow_terminal_keeps_file_names_whole(tmp_path):
    folder = project(tmp_path / "p")
    BROKEN["pr_not_allowed_near"](folder)
    BROKEN["pr_file_no_kind"](folder)
    output = run("validate", str(folder), "--lang", "en", width=80).output
    assert all(len(line) <= 80 for line in output.splitlines())
    assert "tailings.geojson" in output and "post.geojson" in output
    assert "use 'mined_out'" in output
    mn = run("validate", str(folder), "--lang", "mn", width=80).output
    assert all(len(line) <= 80 for line in mn.splitlines())
    assert "tailings.geojson" in mn and "'mined_out' гэж бичнэ үү" in mn
    wide = run("validate", str(folder), "--lang", "en", width=120).output
    assert "┃ severity" in wide and all(len(line) <= 120 for line in wide.splitlines())
    assert "tailings.geojson" in wide


def test_analyze_summary_and_messages_in_mongolian(tmp_path):
    result = run("analyze", "--on", "2021-04-06", "--out", str(tmp_path / "r.gpkg"),
                 "--lang", "mn")
    assert result.exit_code == 0, result.output
    for words in ("ашиглах боломжтой га", "86.94", "TOO_SMALL", "Хэт жижиг",
                  "зөвшөөрөл шаардах цэг", "Орон нутгийн засаг захиргаа", "бичлээ"):
        assert words in result.output
    en = run("analyze", "--on", "2021-04-06", "--out", str(tmp_path / "r.gpkg"), "--lang", "en")
    assert "eligible hectares" in en.output and "wrote " in en.output


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"], ["analyze", "--help"],
                                  ["import", "kobo", "--help"], ["map", "--help"],
                                  ["print", "--help"], ["brief", "--help"],
                                  ["export", "--help"], ["import", "--help"]])
def test_help_in_both_languages(args):
    mn = run(*args, env={"ASMAP_LANG": ""})
    groups = (["--help"], ["import", "--help"])  # groups follow ASMAP_LANG; commands --lang
    en = run(*args, env={"ASMAP_LANG": "en"}) if args in groups else run(
        *args, "--lang", "en", env={"ASMAP_LANG": ""})
    assert mn.exit_code == 0 and en.exit_code == 0, mn.output + en.output
    assert "Сонголтууд:" in mn.output and "Options:" not in mn.output
    body = mn.output.split("Сонголтууд:")[0]
    assert CYRILLIC.search(body) and "help_" not in mn.output and "short_" not in mn.output
    assert not CYRILLIC.search(en.output.split("Options:")[1].replace("Өргөрөг", ""))
    assert "Энэ тусламжийг харуулаад гарна." in mn.output
    assert "Show this message and exit." in en.output


def test_errors_in_both_languages(tmp_path):
    mn = run("validate", str(tmp_path / "nowhere"), "--lang", "mn")
    assert mn.exit_code == 2 and "ийм файл, хавтас алга; замаа шалгана уу" in mn.output
    en = run("validate", str(tmp_path / "nowhere"), "--lang", "en")
    assert "no such file or folder; check the path" in en.output
    folder = project(tmp_path / "p")
    BROKEN["pr_not_allowed_near"](folder)
    out = run("analyze", str(folder), "--out", str(tmp_path / "r.gpkg"), "--lang", "mn")
    assert out.exit_code == 1 and "утгыг зөвшөөрөхгүй" in out.output
    assert "is not allowed" not in out.output


def test_basemap_errors_in_both_languages(tmp_path):
    out = str(tmp_path / "b.mbtiles")
    mn = run("basemap", "build", "--from", "http://127.0.0.1:9/tiles.png", "--out", out,
             "--lang", "mn")
    assert mn.exit_code == 2, mn.output
    assert "хавтангийн URL-д {z}, {x}, {y} хэрэгтэй" in mn.output
    en = run("basemap", "build", "--from", "http://127.0.0.1:9/tiles.png", "--out", out,
             "--lang", "en")
    assert "a tile URL needs {z}, {x} and {y}" in en.output
    # nothing listens on port 9: the server "did not answer", said in the language asked
    down = ["basemap", "build", "--from", "http://127.0.0.1:9/{z}/{x}/{y}.png", "--zoom", "6",
            "--out", out]
    mn = run(*down, "--lang", "mn")
    assert mn.exit_code == 1, mn.output
    assert "хавтангийн сервер хариу өгсөнгүй (ConnectionError)" in mn.output
    assert "URL болон интернэт холболтоо шалгана уу" in mn.output
    en = run(*down, "--lang", "en")
    assert "the tile server did not answer (ConnectionError); check the URL" in en.output
    mn = run("basemap", "build", "--from", str(tmp_path / "none.tif"), "--out", out,
             "--lang", "mn")
    assert mn.exit_code == 2 and "none.tif: ийм файл алга" in mn.output


def test_analysis_errors_in_both_languages(tmp_path):
    folder = project(tmp_path / "p")
    (folder / "settlements.geojson").unlink()
    write(gpd.GeoDataFrame({"shapeName": ["Far"], "shapeID": ["X1"]},
                           geometry=[Polygon([(90, 45), (90.5, 45), (90.5, 45.5), (90, 45)])],
                           crs=4326), folder / "boundary.geojson")
    args = ("analyze", str(folder), "--out", str(tmp_path / "r.gpkg"))
    mn, en = run(*args, "--lang", "mn"), run(*args, "--lang", "en")
    assert mn.exit_code == en.exit_code == 1
    assert "tailings: Far-аас 50 км дотор нэг ч талбай алга; талбайнууд байгаа сумыг " \
           "--soum-оор сонгоно уу" in mn.output
    assert "tailings: no site lies within 50 km of Far; choose the soum" in en.output


# --- click's own words (cli/click_words.py) -------------------------------------------
@pytest.mark.parametrize(("args", "mn_words", "en_words"), [
    (["analyze", "--bogus"],
     ["Хэрэглээ: asmap analyze [OPTIONS] [FOLDER]",
      "Тусламжийг 'asmap analyze --help'-оор үзнэ үү.", "Алдаа: '--bogus' гэсэн сонголт алга."],
     ["Usage: asmap analyze [OPTIONS] [FOLDER]", "Try 'asmap analyze --help' for help.",
      "Error: No such option '--bogus'."]),
    (["basemap", "build", "--out", "x.mbtiles"],
     ["Алдаа: Дутуу сонголт '--from'."], ["Error: Missing option '--from'."]),
    (["export", "--to", "pdf"],
     ["Алдаа: '--to'-ийн утга буруу: 'pdf' нь 'kml', 'kmz'", "-ийн аль нь ч биш."],
     ["Error: Invalid value for '--to': 'pdf' is not one of 'kml', 'kmz'"]),
    (["validate", ".", "b"], ["Алдаа: Илүү аргумент өгсөн (b)"],
     ["Error: Got unexpected extra argument (b)"]),
    (["analyze", "--on"], ["Алдаа: '--on' сонголтод утга хэрэгтэй."],
     ["Error: Option '--on' requires an argument."]),
    (["anlyze"], ["Алдаа: 'anlyze' гэсэн тушаал алга.", "'analyze' гэсэн үү?"],
     ["Error: No such command 'anlyze'."]),
], ids=["no-such-option", "missing-option", "bad-choice", "extra-argument",
        "option-needs-value", "no-such-command"])
def test_click_says_its_words_in_the_language(args, mn_words, en_words):
    """--lang anywhere on the line, or ASMAP_LANG, decides before click parses (exit 2)."""
    for mn in (run("--lang", "mn", *args, env={"ASMAP_LANG": "en"}),
               run(*args, env={"ASMAP_LANG": "mn"})):
        assert mn.exit_code == 2, mn.output
        assert all(words in mn.output for words in mn_words), mn.output
        assert "Usage:" not in mn.output and "Error:" not in mn.output
    for en in (run("--lang", "en", *args, env={"ASMAP_LANG": ""}),
               run(*args, env={"ASMAP_LANG": "en"})):
        assert en.exit_code == 2, en.output
        assert all(words in en.output for words in en_words), en.output
        assert not CYRILLIC.search(en.output)


def test_lang_after_the_command_counts_before_click_parses():
    mn = run("analyze", "--bogus", "--lang", "mn", env={"ASMAP_LANG": "en"})
    assert mn.exit_code == 2 and "Алдаа: '--bogus' гэсэн сонголт алга." in mn.output
    en = run("analyze", "--bogus", "--lang", "en", env={"ASMAP_LANG": ""})
    assert en.exit_code == 2 and "Error: No such option '--bogus'." in en.output


def test_missing_argument_in_the_language(tmp_path):
    # `import kobo` needs its export file: the argument click reports missing
    mn = run("import", "kobo", "--lang", "mn")
    en = run("import", "kobo", "--lang", "en")
    assert mn.exit_code == en.exit_code == 2, mn.output + en.output
    assert "Алдаа: Дутуу аргумент 'EXPORT" in mn.output, mn.output
    assert "Error: Missing argument 'EXPORT" in en.output, en.output


def test_help_pages_have_no_english_frame_in_mongolian():
    mn = run("analyze", "--help", env={"ASMAP_LANG": "mn"})
    assert mn.exit_code == 0
    for words in ("Хэрэглээ: asmap analyze [OPTIONS] [FOLDER]", "Сонголтууд:",
                  "Энэ тусламжийг харуулаад гарна.", "[анхдагч: local]", "[заавал]"):
        assert words in mn.output, mn.output
    for english in ("Usage:", "Options:", "Show this message", "default:", "required]"):
        assert english not in mn.output
    top = run("--help", env={"ASMAP_LANG": "mn"})
    assert "Тушаалууд:" in top.output and "Commands:" not in top.output
    en = run("analyze", "--help", "--lang", "en")
    assert "Usage: asmap analyze" in en.output and "Options:" in en.output
    assert "[default: local]" in en.output and "[required]" in en.output


def test_a_domain_error_says_error_in_the_language_of_the_folder(tmp_path):
    """The folder's asmap.toml says en: the "Error:" click puts before the message too."""
    folder = project(tmp_path / "p")
    (folder / "asmap.toml").write_text('lang = "en"\n')
    BROKEN["pr_not_allowed_near"](folder)
    out = run("analyze", str(folder), "--out", str(tmp_path / "r.gpkg"), env={"ASMAP_LANG": ""})
    assert out.exit_code == 1 and out.output.startswith("Error: "), out.output
    assert not CYRILLIC.search(out.output)


@pytest.mark.parametrize(("lang", "words"), [("mn", "талбайн хуудас зурж байна"),
                                             ("en", "site sheets")])
def test_brief_shows_its_steps_on_a_terminal(tmp_path, lang, words):
    """On a terminal (a pseudo-terminal here) the brief says what it is doing."""
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    from asmap.layers import sample_path

    leader, follower = pty.openpty()
    asmap = Path(sys.executable).with_name("asmap")
    run = subprocess.Popen([str(asmap), "--lang", lang, "brief", str(sample_path()), "--on",
                            "2021-04-06", "--no-basemap", "--out", str(tmp_path / "b")],
                           stdout=subprocess.DEVNULL, stderr=follower,
                           env={**os.environ, "COLUMNS": "120"})
    os.close(follower)
    seen = b""
    while True:  # read as it writes: a full terminal buffer would stop it
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    run.wait(timeout=600)
    assert run.returncode == 0
    assert words in seen.decode("utf-8", "replace")
