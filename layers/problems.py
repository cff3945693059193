"""One problem found in a project folder, and how problems are counted and capped."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

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
    """

    severity: Severity
    layer: str
    feature: str
    field: str
    message: str
    hint: str = ""
    file: str = ""

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity == "error"

    def line(self) -> str:
        """The problem as one line: file, feature, field, message; hint."""
        where = [self.file or self.layer]
        if self.feature:
            where.append(f"feature {self.feature}" if not self.feature.startswith(("row ", "["))
                         else self.feature)
        if self.field:
            where.append(f"field {self.field}")
        text = f"{', '.join(where)}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text

    def as_dict(self) -> dict[str, str]:
        """The problem as a plain dictionary (for JSON)."""
        return asdict(self)


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
