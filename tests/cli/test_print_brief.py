"""`asmap print` and `asmap brief` through the whole click group, on the bundled sample."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from asmap.cli.main import cli
from asmap.layers import sample_path
from asmap.layers.atomic import MARKER
from tests.helpers import readable_bytes, tree_hash

SAMPLE = sample_path()
#: The sample's fake phone numbers all start like this (layers/data/zaamar/README.md).
SAMPLE_PHONE = "+976 9900-"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_print_site_sheet_png_on_the_sample(tmp_path, artifacts):
    before = tree_hash(SAMPLE)
    out = tmp_path / "ZT-01.png"
    result = run("print", "--on", "2021-04-06", "--lang", "en", "--site", "ZT-01",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "site ZT-01" in result.output
    with Image.open(out) as image:
        assert image.size == (pytest.approx(3508, abs=2), pytest.approx(2480, abs=2))
        image.save(artifacts / "print_site_ZT-01_en.png")
    assert tree_hash(SAMPLE) == before


def test_print_unknown_site_names_nearby_ids(tmp_path):
    result = run("print", "--site", "ZT-1", "--out", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert "no site 'ZT-1'" in result.output and "ZT-10" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("args", [
    ("print", "--out", "map.svg"), ("print", "--paper", "A5", "--out", "map.pdf"),
    ("print", "--results", "results.gpkg", "--out", "map.pdf"),
    ("brief", "--profile", "everyone", "--out", "brief"),
    ("print", "--basemap", "google", "--out", "map.pdf"),
], ids=["suffix", "paper", "missing-results", "profile", "basemap"])
def test_bad_usage_exits_2(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("command", ["print", "brief"])
def test_help_has_worked_examples(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "$ asmap " + command in result.output and "--profile" in result.output


def test_public_brief_of_the_sample(tmp_path):
    out = tmp_path / "brief"
    result = run("brief", "--on", "2021-04-06", "--lang", "en", "--profile", "public",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()} - {MARKER}
    assert names == {"map.html", "overview.pdf", "sites.csv", "sites.xlsx", "conflicts.csv",
                     "summary.md", "summary.html", "results.gpkg", "agreements.csv", "annexes"}
    # the signed and the proposed sample agreements get an annex, the draft does not
    assert sorted(p.name for p in (out / "annexes").iterdir()) == ["AG-2021-01.pdf",
                                                                   "AG-2021-02.pdf"]
    summary = (out / "summary.md").read_text(encoding="utf-8")
    eligible = int(summary.split("- Eligible: ")[1].split(" ")[0])
    assert len(PdfReader(out / "overview.pdf").pages) == 1 + eligible
    assert "Restricted zones: asmap illustrative sample" in summary and "(stale)" in summary
    assert "Illustrative sample data" in summary
    for path in [p for p in out.rglob("*") if p.is_file() and p.name != MARKER]:
        for blob in readable_bytes(path):
            assert SAMPLE_PHONE.encode() not in blob, path.name
            assert b"9900-2001" not in blob, path.name  # an agreement's contact


def test_print_basemap_unreachable_still_prints(tmp_path):
    out = tmp_path / "map.pdf"
    result = run("print", "--on", "2021-04-06", "--lang", "en", "--out", str(out),
                 "--basemap", "http://127.0.0.1:9/{z}/{x}/{y}.png")  # discard port: refused
    assert result.exit_code == 0, result.output
    assert "fetching http://127.0.0.1:9/{z}/{x}/{y}.png tiles (waiting at most 6 s" in \
        result.stderr  # the wait is announced
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "The basemap server did not answer" in text.replace("\n", " ")
