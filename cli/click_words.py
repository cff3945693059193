"""Click's own words ("Usage:", "Error: No such option ...") in the command's language.

Click writes its words through gettext: each of its modules does
``from gettext import gettext as _`` (and ``ngettext``) and calls ``_(message)`` when it
builds a message or a help page. `install` puts asmap's translator in the place of those
two names in click's modules, so the message ids are the only thing asmap relies on: the
``click_*`` entries of `asmap.maps.i18n.LABELS` (whose ``en`` is click's message id) give
the Mongolian. A message click adds in a later version, or one asmap has no words for,
comes out as click wrote it, in English. Outside an asmap command (another click program
in the same process) the translator hands every message to gettext unchanged.
"""

from __future__ import annotations

import gettext
import importlib
from functools import cache

#: Click's modules that say something to a user.
CLICK_MODULES = ("click.core", "click.exceptions", "click.formatting", "click.decorators",
                 "click.parser", "click.types", "click.termui", "click.utils")

_active: list[str] = []  # one entry for each asmap command running now


@cache
def _mongolian() -> dict[str, str]:
    """Click's message id -> the Mongolian words, from the translation table."""
    from asmap.maps.i18n import LABELS

    return {words["en"]: words["mn"] for key, words in LABELS.items()
            if key.startswith("click_")}


def translate(message: str) -> str:
    """`message` (one of click's) in the language of the asmap command running now."""
    if _active and _lang() == "mn":
        return _mongolian().get(message, message)
    return gettext.gettext(message)


def ntranslate(singular: str, plural: str, n: int) -> str:
    """The singular or plural message of click, like `gettext.ngettext`, translated."""
    if _active and _lang() == "mn":
        return translate(singular if n == 1 else plural)
    return gettext.ngettext(singular, plural, n)


def _lang() -> str:
    from asmap.cli.options import current_lang

    return current_lang()


def install() -> None:
    """Make click say its words through `translate` (once; later calls change nothing)."""
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a click without this module: nothing there to say
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = translate
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = ntranslate


class speaking:
    """While an asmap command runs, click's words follow its language."""

    def __enter__(self) -> None:
        install()
        _active.append("asmap")

    def __exit__(self, *exc: object) -> None:
        _active.pop()
