"""Project exceptions: bad data (exit 1) versus bad usage (exit 2)."""

from __future__ import annotations


class AsmapError(ValueError):
    """Base class of every error asmap raises on purpose.

    The message is one sentence a non-expert can act on: which file, which feature,
    which field, and what to do about it.
    """

    exit_code = 1


class DataError(AsmapError):
    """The input data cannot be used as it is (exit code 1)."""

    exit_code = 1


class UsageError(AsmapError):
    """The call itself is wrong: an option, a path, a rules key (exit code 2)."""

    exit_code = 2
