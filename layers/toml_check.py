"""Checks of a folder's settings file `asmap.toml` and of a `--rules` file."""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from pathlib import Path
from typing import Any

from asmap.layers.cells import has_controls, strip_controls
from asmap.layers.dates import parse_date
from asmap.layers.problems import Problem
from asmap.layers.settings import RULES, SOURCE_KEYS, rule_problem
from asmap.layers.specs import KINDS

TABLES = ("rules", "sources")


def check_settings(path: Path, *, rules_file: bool = False) -> tuple[dict[str, Any],
                                                                     list[Problem]]:
    """
    Read and check a settings file: TOML syntax, tables, keys, types, dates.

    Parameters
    ----------
    path
        The folder's ``asmap.toml``, or a rules file given with ``--rules``.
    rules_file
        True for a ``--rules`` file, which must have a ``[rules]`` table.

    Returns
    -------
    tuple
        The settings with the wrong entries left out (``as_of`` as `datetime.date`), and
        every problem found; the problems' layer is the file name.
    """
    name = path.name

    def problem(table: str, key: str, message: str, hint: str) -> Problem:
        return Problem("error", name, table, key, message, hint, name)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return {}, [problem("", "", "the file is not UTF-8 text", "save it as UTF-8")]
    except OSError as exc:
        return {}, [problem("", "", f"cannot read the file ({exc.strerror or exc})",
                            "check the path and permissions")]
    except RecursionError:
        return {}, [problem("", "", "the file nests tables or arrays too deeply to read",
                            "write one key = value per line under [rules] and [sources.KIND]")]
    except tomllib.TOMLDecodeError as exc:
        return {}, [problem("", "", f"not valid TOML ({exc})",
                            "fix the syntax at that line (strings in \"quotes\", "
                            "dates as 2021-04-06, one key = value per line)")]
    problems = [problem("", key, f"unknown table or key {key!r}", _suggest(key, TABLES))
                for key in data if key not in TABLES]
    settings: dict[str, Any] = {}
    if "rules" in data:
        settings["rules"], found = _check_rules(data["rules"], problem)
        problems += found
    elif rules_file:
        problems.append(problem("", "rules", "no [rules] table",
                                "add a [rules] table, e.g. [rules] then min_area_ha = 1.0"))
    if "sources" in data:
        settings["sources"], found = _check_sources(data["sources"], problem)
        problems += found
    return settings, problems


def _check_rules(table: Any, problem) -> tuple[dict[str, Any], list[Problem]]:
    if not isinstance(table, dict):
        return {}, [problem("", "rules", "rules must be a table", "write it as [rules]")]
    rules, problems = {}, []
    for key, value in table.items():
        spec = RULES.get(key)
        if spec is None:
            problems.append(problem("[rules]", key, f"unknown rule {key!r}",
                                    _suggest(key, RULES)))
            continue
        wrong = rule_problem(key, value)
        if wrong:
            problems.append(problem("[rules]", key, wrong,
                                    f"write e.g. {key} = {spec.default!r} (the default, "
                                    "no quotes)"))
            continue
        rules[key] = spec.type(value)
    return rules, problems


def _check_sources(table: Any, problem) -> tuple[dict[str, Any], list[Problem]]:
    if not isinstance(table, dict):
        return {}, [problem("", "sources", "sources must hold one table per layer",
                            "write [sources.tailings] then source = \"...\"")]
    sources, problems = {}, []
    for kind, entry in table.items():
        where = f"[sources.{kind}]"
        if kind not in KINDS:
            problems.append(problem(where, "", f"{kind!r} is no layer kind",
                                    _suggest(kind, KINDS)))
            continue
        if not isinstance(entry, dict):
            problems.append(problem(where, "", "must be a table of source, as_of, note",
                                    f"write {where} on its own line, then the keys"))
            continue
        sources[kind], found = _check_source(entry, where, problem)
        problems += found
    return sources, problems


def _check_source(entry: dict[str, Any], where: str, problem) -> tuple[dict[str, Any],
                                                                      list[Problem]]:
    clean, problems = {}, []
    for key, value in entry.items():
        if key not in SOURCE_KEYS:
            problems.append(problem(where, key, f"unknown key {key!r}",
                                    _suggest(key, SOURCE_KEYS)))
        elif key == "as_of":
            day = parse_date(value)
            if day is None:
                problems.append(problem(where, key, f"as_of must be a date, got {value!r}",
                                        "write it as as_of = 2021-04-06 (no quotes needed)"))
            else:
                clean[key] = day
        elif not isinstance(value, str):
            problems.append(problem(where, key, f"{key} must be text, got {value!r}",
                                    f'write it in quotes: {key} = "..."'))
        else:
            if has_controls(value):
                problems.append(dataclasses.replace(
                    problem(where, key, "control character removed from the text",
                            "check the value in the settings file"), severity="warning"))
            clean[key] = strip_controls(value)
    return clean, problems


def _suggest(key: str, known) -> str:
    near = difflib.get_close_matches(str(key), list(known), n=1)
    listed = ", ".join(known)
    return f"did you mean {near[0]!r}? (known: {listed})" if near else f"known: {listed}"
