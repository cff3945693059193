"""Checks of a folder's settings file `asmap.toml` and of a `--rules` file."""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from pathlib import Path
from typing import Any

from asmap.layers.cells import has_controls, strip_controls
from asmap.layers.dates import parse_date
from asmap.layers.messages import LANGS, word
from asmap.layers.problems import Problem
from asmap.layers.settings import RULES, SOURCE_KEYS, rule_fault
from asmap.layers.specs import KINDS

TABLES = ("rules", "sources")
#: Top-level keys of asmap.toml outside any table.
KEYS = ("lang",)


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

    def problem(table: str, setting: str, code: str, **params: Any) -> Problem:
        return Problem.of("error", name, table, setting, code, file=name, **params)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return {}, [problem("", "", "pr_toml_not_utf8")]
    except OSError as exc:
        return {}, [problem("", "", "pr_toml_unreadable", detail=str(exc.strerror or exc))]
    except RecursionError:
        return {}, [problem("", "", "pr_toml_deep")]
    except tomllib.TOMLDecodeError as exc:
        return {}, [problem("", "", "pr_toml_syntax", detail=str(exc))]
    problems = [problem("", key, "pr_toml_unknown_key", key=key, hint=_suggest(key, TABLES))
                for key in data if key not in TABLES and key not in KEYS]
    settings: dict[str, Any] = {}
    if "lang" in data and data["lang"] not in LANGS:
        problems.append(problem("", "lang", "pr_toml_lang", value=data["lang"]))
    elif "lang" in data:
        settings["lang"] = data["lang"]
    if "rules" in data:
        settings["rules"], found = _check_rules(data["rules"], problem)
        problems += found
    elif rules_file:
        problems.append(problem("", "rules", "pr_toml_no_rules"))
    if "sources" in data:
        settings["sources"], found = _check_sources(data["sources"], problem)
        problems += found
    return settings, problems


def _check_rules(table: Any, problem) -> tuple[dict[str, Any], list[Problem]]:
    if not isinstance(table, dict):
        return {}, [problem("", "rules", "pr_toml_rules_table")]
    rules, problems = {}, []
    for key, value in table.items():
        spec = RULES.get(key)
        if spec is None:
            problems.append(problem("[rules]", key, "pr_toml_unknown_rule", key=key,
                                    hint=_suggest(key, RULES)))
            continue
        wrong = rule_fault(key, value)
        if wrong:
            problems.append(problem("[rules]", key, "pr_toml_rule", rule=wrong, key=key,
                                    default=spec.default))
            continue
        rules[key] = spec.type(value)
    return rules, problems


def _check_sources(table: Any, problem) -> tuple[dict[str, Any], list[Problem]]:
    if not isinstance(table, dict):
        return {}, [problem("", "sources", "pr_toml_sources_table")]
    sources, problems = {}, []
    for kind, entry in table.items():
        where = f"[sources.{kind}]"
        if kind not in KINDS:
            problems.append(problem(where, "", "pr_toml_no_kind", kind=kind,
                                    hint=_suggest(kind, KINDS)))
            continue
        if not isinstance(entry, dict):
            problems.append(problem(where, "", "pr_toml_source_table", where=where))
            continue
        sources[kind], found = _check_source(entry, where, problem)
        problems += found
    return sources, problems


def _check_source(entry: dict[str, Any], where: str, problem) -> tuple[dict[str, Any],
                                                                      list[Problem]]:
    clean, problems = {}, []
    for key, value in entry.items():
        if key not in SOURCE_KEYS:
            problems.append(problem(where, key, "pr_toml_unknown_source_key", key=key,
                                    hint=_suggest(key, SOURCE_KEYS)))
        elif key == "as_of":
            day = parse_date(value)
            if day is None:
                problems.append(problem(where, key, "pr_toml_as_of", value=value))
            else:
                clean[key] = day
        elif not isinstance(value, str):
            problems.append(problem(where, key, "pr_toml_not_text", key=key, value=value))
        else:
            if has_controls(value):
                problems.append(dataclasses.replace(
                    problem(where, key, "pr_control_removed"), severity="warning"))
            clean[key] = strip_controls(value)
    return clean, problems


def _suggest(key: str, known) -> tuple[str, dict[str, Any]]:
    near = difflib.get_close_matches(str(key), list(known), n=1)
    listed = ", ".join(known)
    if near:
        return word("w_did_you_mean_known", near=near[0], known=listed)
    return word("w_known", known=listed)
