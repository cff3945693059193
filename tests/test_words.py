"""Everything asmap says has words in Mongolian and English, and no error is English only.

The translation table is `maps.i18n.LABELS` with the problems' and errors' words of
`layers.messages.MESSAGES` (and the codes' words of `geo.schema`, checked in
tests/maps/test_interactive.py). An error a user can meet is raised with a `code` of that
table, never with an English sentence: the scan below fails on a new one.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from asmap.layers.messages import MESSAGES
from asmap.maps.i18n import LABELS, LANGS, entry

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("layers", "geo", "maps", "cli")
CYRILLIC = re.compile("[\u0400-\u04ff]")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text)
            if name}


@pytest.mark.parametrize("key", sorted(MESSAGES) + sorted(LABELS))
def test_every_key_has_both_languages_with_the_same_fields(key):
    words = entry(key)
    assert set(words) >= set(LANGS), f"{key} lacks {set(LANGS) - set(words)}"
    assert all(words[lang].strip() for lang in LANGS), f"{key} has an empty language"
    mn, en = _fields(words["mn"]), _fields(words["en"])
    # English alone fills plural endings ({s}, {s_errors}): Mongolian nouns need none; and
    # click's {name} of a path ("file", set at import in no settled language, see i18n.py)
    def english_only(field: str) -> bool:
        return field == "s" or field.startswith("s_") or (
            key.startswith("click_path_") and field == "name")

    assert mn <= en and all(english_only(f) for f in en - mn), (
        f"{key}: mn and en fill other fields")


def _prose(text: str) -> str:
    """The words of a sentence without its fields, codes, paths and quoted names."""
    text = re.sub(r"\{[^}]*\}|`[^`]*`|'[^']*'|\"[^\"]*\"|\([^)]*\)|\S*[._/=-]\S*", " ", text)
    return re.sub(r"\b[A-Z][A-Za-z0-9_]*\b|\b[a-z]+_[a-z_]+\b", " ", text)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_the_mongolian_of_every_message_is_cyrillic(key):
    if ENGLISH_WORD.search(_prose(MESSAGES[key]["en"])):
        assert CYRILLIC.search(MESSAGES[key]["mn"]), f"{key}: the mn words are not Mongolian"


# --- no English-only error ------------------------------------------------------------
# Raises whose words are an English literal, allowed because no user can meet them. Each
# entry: (file, exception) -> why.
INTERNAL = {
    ("maps/__init__.py", "AttributeError"):
        "the module __getattr__ protocol: Python's own message for a misspelt attribute",
    ("maps/web/offline.py", "ValueError"):
        "an installed Leaflet asset holding '</script>': a packaging bug, never user data",
    ("maps/paper/atlas.py", "RuntimeError"):
        "a bug in the process drawing part of an atlas, raised with its traceback: the "
        "command line words it as a bug to report, like any other",
}
# Files another branch is rewriting, whose raises are converted when it lands (none now).
# Remove a file from here once its raises carry codes: the test then guards it too.
ELSEWHERE: set[str] = set()


def _english(node: ast.AST | None) -> bool:
    """Whether an expression is, or is built from, a string literal with English words."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(ENGLISH_WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_english(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _english(node.left) or _english(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _english(node.func.value)
    return False


def _english_raises():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                    continue
                call = node.exc
                words = [*call.args, *(k.value for k in call.keywords if k.arg == "message")]
                if any(_english(w) for w in words):
                    yield name, ast.unparse(call.func).split(".")[-1], node.lineno


def test_no_error_a_user_meets_is_english_only():
    found = [f"{name}:{line}: {kind}" for name, kind, line in _english_raises()
             if (name, kind) not in INTERNAL and name not in ELSEWHERE]
    assert not found, ("raise these with code= and words in layers/messages.py (or say() "
                       "and maps/i18n.py in cli/):\n" + "\n".join(found))


def test_the_allow_lists_hold_only_what_is_still_there():
    seen = {(name, kind) for name, kind, _ in _english_raises()}
    assert set(INTERNAL) <= seen, f"no longer raised, remove: {set(INTERNAL) - seen}"
    assert ELSEWHERE <= {name for name, _ in seen}, (
        f"converted, remove from ELSEWHERE: {ELSEWHERE - {name for name, _ in seen}}")


def _literal_codes():
    """Every ``code="..."`` of a call and every ``say("...")`` key, with where it is."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                for keyword in node.keywords:
                    if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                        yield f"{name}:{node.lineno}", keyword.value.value
                if (isinstance(node.func, ast.Name) and node.func.id == "say" and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    yield f"{name}:{node.lineno}", node.args[0].value


def test_every_code_raised_or_said_has_words():
    missing = [f"{where}: {code}" for where, code in _literal_codes()
               if isinstance(code, str) and code and entry(code) is None]
    assert not missing, "no words for:\n" + "\n".join(missing)
