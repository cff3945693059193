"""Data flows one way: layers -> geo -> maps; cli wires them; nothing below cli prints."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"layers": {"geo", "maps", "cli"}, "geo": {"maps", "cli"}, "maps": {"cli"}}


def _modules(package: str):
    return sorted((ROOT / package).rglob("*.py"))


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "asmap":  # from asmap import geo, maps
                names |= {f"asmap.{a.name}" for a in node.names}
    return names


def _imported_packages(path: Path) -> set[str]:
    """The asmap parts a module imports: ``asmap.geo.crs`` counts as ``geo``."""
    return {name.split(".")[1] for name in _imported_modules(path)
            if name.startswith("asmap.") and len(name.split(".")) > 1}


@pytest.mark.parametrize("package", sorted(FORBIDDEN) + ["cli", "tests", "benchmarks"])
def test_no_top_level_geo_maps_layers_cli(package):
    """Everything imports `asmap.geo`, never a top-level `geo` another distribution may own."""
    bad = {str(p.relative_to(ROOT)): sorted(n for n in _imported_modules(p)
                                            if n.split(".")[0] in {"geo", "maps", "layers", "cli"})
           for p in _modules(package)}
    assert {k: v for k, v in bad.items() if v} == {}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_flow_one_way(package):
    bad = {str(p.relative_to(ROOT)): sorted(_imported_packages(p) & FORBIDDEN[package])
           for p in _modules(package)}
    assert {k: v for k, v in bad.items() if v} == {}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_nothing_below_cli_prints(package):
    calls = []
    for path in _modules(package):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "print"):
                calls.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert calls == []


def test_tests_share_helpers_never_other_test_modules():
    """Shared test code lives in helper modules, never in a test module or a conftest."""
    bad = {str(p.relative_to(ROOT)): sorted(n for n in _imported_modules(p)
                                            if n.startswith("tests.") and (
                                                n.rsplit(".", 1)[-1].startswith("test_")
                                                or n.endswith("conftest")))
           for p in _modules("tests")}
    assert {k: v for k, v in bad.items() if v} == {}
