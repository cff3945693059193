"""One problem found in a project folder, and how problems are counted and capped."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from asmap.layers.messages import MESSAGES, render

Severity = Literal["error", "warning"]

#: At most this many problems of one kind are reported per layer; the rest are summed up.
MAX_PER_CHECK = 20


@dataclass(frozen=True)
class Problem:
    """
    One thing wrong (error) or worth knowing (warning) about the input.

    Attributes
    ----------
    severity
        ``"error"`` (the data cannot be used as it is) or ``"warning"`` (it was used,
        with a repair or an assumption the user should know about).
    layer
        Layer kind (``"tailings"``), or the file name when the file is no kind.
    feature
        The feature's id, ``"row N"`` (1-based, in file order), a settings table such as
        ``"[rules]"``, or ``""`` when the problem is about the whole layer.
    field
        Column or settings key concerned, or ``""``.
    message
        What is wrong, naming the value.
    hint
        What to do about it.
    file
        The file the problem is in (name within the folder, with the GeoPackage layer
        when there is one: ``"project.gpkg:tailings"``).
    code
        The key of its words in `asmap.layers.messages.MESSAGES` (``"pr_not_allowed"``;
        ``CODE_hint`` is what to do), so it can be said in Mongolian or English; ``""``
        for a problem made from plain text.
    params
        The values its sentence names (the value, the column, the allowed values).

    Examples
    --------
    >>> p = Problem.of("error", "tailings", "ZT-01", "stage", "pr_not_allowed_near",
    ...                value="mined", near="mined_out", allowed="active, mined_out",
    ...                file="tailings.geojson")
    >>> p.message, p.hint
    ("value 'mined' is not allowed", "use 'mined_out'; allowed: active, mined_out")
    >>> p.text("mn")[0]
    "'mined' утгыг зөвшөөрөхгүй"
    """

    severity: Severity
    layer: str
    feature: str
    field: str
    message: str
    hint: str = ""
    file: str = ""
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, severity: Severity, layer: str, feature: str, field: str, code: str, *,
           file: str = "", **params: Any) -> Problem:
        """A problem whose message (and hint, ``CODE_hint``) come from the words table."""
        hint = render(code + "_hint", "en", params) if code + "_hint" in MESSAGES else ""
        return cls(severity, layer, feature, field, render(code, "en", params), hint, file,
                   code, params)

    def text(self, lang: str = "en") -> tuple[str, str]:
        """The message and the hint in `lang` (``"mn"`` or ``"en"``)."""
        if not self.code or lang == "en":
            return self.message, self.hint
        hint = (render(self.code + "_hint", lang, self.params)
                if self.code + "_hint" in MESSAGES else "")
        return render(self.code, lang, self.params), hint

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity == "error"

    def line(self, lang: str = "en") -> str:
        """The problem as one line: file, feature, field, message; hint."""
        mn = lang == "mn"
        where = [self.file or self.layer]
        if self.feature:
            feature = self.feature
            if mn and feature.startswith("row "):
                feature = f"{feature[4:]}-р мөр"
            elif not feature.startswith(("row ", "[")):
                feature = f"{'объект' if mn else 'feature'} {feature}"
            where.append(feature)
        if self.field:
            where.append(f"{'талбар' if mn else 'field'} {self.field}")
        message, hint = self.text(lang)
        text = f"{', '.join(where)}: {message}"
        return f"{text}; {hint}" if hint else text

    def as_dict(self, lang: str = "en") -> dict[str, str]:
        """The problem as a plain dictionary with English keys (for JSON)."""
        message, hint = self.text(lang)
        return {"severity": self.severity, "layer": self.layer, "feature": self.feature,
                "field": self.field, "message": message, "hint": hint, "file": self.file,
                "code": self.code}


def capped(positions: Sequence[int], make: Callable[[int], Problem], *,
           summary: Callable[[int], Problem]) -> list[Problem]:
    """
    Problems for at most `MAX_PER_CHECK` positions, plus one summary for the rest.

    Parameters
    ----------
    positions
        Row positions (0-based) of the features that have the problem.
    make
        Builds the problem of one position.
    summary
        Builds the line that stands for the remaining ``n`` features.

    Returns
    -------
    list of Problem
    """
    out = [make(int(i)) for i in positions[:MAX_PER_CHECK]]
    rest = len(positions) - MAX_PER_CHECK
    if rest > 0:
        out.append(summary(rest))
    return out


def errors(problems: Sequence[Problem]) -> list[Problem]:
    """The problems that are errors."""
    return [p for p in problems if p.is_error]


def warnings(problems: Sequence[Problem]) -> list[Problem]:
    """The problems that are warnings."""
    return [p for p in problems if not p.is_error]
