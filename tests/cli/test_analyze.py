"""`asmap analyze` through the whole click group."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from click.testing import CliRunner

import pyogrio

from asmap.cli.main import cli
from asmap.layers import sample_path


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "zaamar"
    shutil.copytree(sample_path(), copy)
    return copy


def digest(path):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.iterdir())}


def test_table_gpkg_and_csv(folder, tmp_path):
    before = digest(folder)
    out, sites_csv = tmp_path / "r.gpkg", tmp_path / "s.csv"
    result = CliRunner().invoke(cli, ["analyze", str(folder), "--on", "2021-04-06", "--out",
                                      str(out), "--csv", str(sites_csv)])
    assert result.exit_code == 0, result.output
    for text in ("sites", "28", "eligible hectares", "TOO_FAR", "posts needing permits",
                 "ZP-01", "local government"):
        assert text in result.output
    assert [str(n) for n in pyogrio.list_layers(out)[:, 0]] == [
        "sites", "eligible_parts", "exclusions", "routes", "conflicts", "agreements"]
    assert sites_csv.read_text(encoding="utf-8").startswith("site_id,name,stage,area_ha")
    assert digest(folder) == before  # inputs unchanged


def test_json_keys(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", "--on", "2021-04-06", "--json", "--out",
                                      str(tmp_path / "r.gpkg")])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert {"sites", "eligible", "eligible_unverified", "eligible_ha", "reasons", "notes",
            "unchecked", "posts_needing_permits", "negotiate_with", "conflicts", "rules",
            "on"} <= set(summary)
    assert summary["sites"] == 28 and summary["on"] == "2021-04-06"


def test_rules_file_wins_over_folder(tmp_path):
    rules = tmp_path / "strict.toml"
    rules.write_text("[rules]\nmax_route_km = 20\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", "--on", "2021-04-06", "--json", "--rules",
                                      str(rules), "--out", str(tmp_path / "r.gpkg")])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["rules"]["max_route_km"] == 20.0
    assert summary["eligible"] == 0  # every sample route is longer than 20 km


@pytest.mark.parametrize(("args", "message"), [
    (["--on", "2021-13-01"], "not a date"),
    (["--rules", "BAD"], "max_rout_km"),
], ids=["bad-date", "bad-rules-key"])
def test_usage_errors_exit_2(tmp_path, args, message):
    if args[0] == "--rules":
        bad = tmp_path / "bad.toml"
        bad.write_text("[rules]\nmax_rout_km = 20\n", encoding="utf-8")
        args = ["--rules", str(bad)]
    out = tmp_path / "r.gpkg"
    result = CliRunner().invoke(cli, ["analyze", *args, "--out", str(out)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["analyze", "--help"])
    assert result.exit_code == 0 and "asmap analyze zaamar/ --on 2021-04-06" in result.output
