"""Project exceptions: bad data (exit 1) versus bad usage (exit 2)."""

from __future__ import annotations

from asmap.layers.messages import render


class Worded:
    """A message that carries a `code` of the words table and its parameters."""

    def __init__(self, message: str = "", *, code: str = "", **params: object) -> None:
        super().__init__(render(code, "en", params) if code else message)
        self.code = code
        self.params = params

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (``"mn"`` or ``"en"``)."""
        return render(self.code, lang, self.params) if self.code else str(self)


class AsmapError(Worded, ValueError):
    """Base class of every error asmap raises on purpose.

    The message is one sentence a non-expert can act on: which file, which feature,
    which field, and what to do about it. Given a `code` of the words table
    (`asmap.layers.messages`) and its parameters instead of a message, the error can
    be said in Mongolian or English (`text`); ``str(error)`` is the English.

    Examples
    --------
    >>> error = UsageError(code="er_no_file", path="x.csv")
    >>> str(error)
    'x.csv: no such file; check the path'
    >>> error.text("mn")
    'x.csv: ийм файл алга; замаа шалгана уу'
    """

    exit_code = 1


class DataError(AsmapError):
    """The input data cannot be used as it is (exit code 1)."""

    exit_code = 1


class ProblemError(DataError):
    """Stopped by problems (`Problem` objects): the first is said, then how many more.

    Parameters
    ----------
    problems
        The problems, the first error first.
    more
        A word of the table for the rest, ``(code, params)`` (``er_more_problems``), or
        None to say nothing more.
    nothing_written
        Say "FILE: ...; nothing was written" (an import that wrote nothing).
    """

    def __init__(self, problems, *, more: tuple[str, dict] | None = None,
                 nothing_written: str = "") -> None:
        self.problems = list(problems)
        self.more = more
        self.nothing_written = nothing_written
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:  # noqa: D102
        line = self.problems[0].line(lang)
        more = render(self.more[0], lang, self.more[1]) if self.more else ""
        if self.nothing_written:
            return render("er_nothing_written", lang,
                          {"file": self.nothing_written, "line": line, "more": more})
        return line + more


class UsageError(AsmapError):
    """The call itself is wrong: an option, a path, a rules key (exit code 2)."""

    exit_code = 2


class AsmapWarning(Worded, UserWarning):
    """Something the user should know that did not stop the work (a photo budget).

    Carries a `code` of the words table and its parameters, like `AsmapError`, so the
    command line says it in the user's language (`text`).
    """

