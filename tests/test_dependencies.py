"""Everything asmap imports at run time is a declared dependency (pyproject's
``dependencies``), or an optional one behind a guard that says what to install."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("layers", "geo", "maps", "cli", "src")
#: Imported only inside a guard that names what to install (geo.engine_dask, maps.tiles).
OPTIONAL = {"dask", "dask_geopandas", "distributed", "contextily"}


def _top_level_imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                         [node.module] if isinstance(node, ast.ImportFrom) and node.module
                         and node.level == 0 else [])
                for name in names:
                    found.setdefault(name.split(".")[0], set()).add(
                        str(path.relative_to(ROOT)))
    return found


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower().replace("_", "-")
            for r in project["dependencies"]}


def test_every_import_is_a_declared_dependency():
    distributions = packages_distributions()
    declared = _declared()
    undeclared = {}
    for name, files in _top_level_imports().items():
        if name in sys.stdlib_module_names or name in {"asmap", "__future__"} | OPTIONAL:
            continue
        owners = {d.lower().replace("_", "-") for d in distributions.get(name, [])}
        if not owners & declared:
            undeclared[name] = sorted(files)
    assert undeclared == {}


def test_the_check_sees_a_known_dependency():
    imports = _top_level_imports()
    assert "pypdf" in imports and "maps/paper/geopdf.py" in imports["pypdf"]
    assert "pypdf" in _declared()
