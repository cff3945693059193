"""Output paths that would destroy inputs are refused before anything is written.

Every command records its input paths while click parses them (`record_input`, called
by the option callbacks in `cli.options`), then calls `check_outputs` with its outputs
before loading anything. An output is refused (exit 2, one line) when it is an input,
contains an input, or lies inside an input folder; a file output may not be an existing
folder; a folder output replaces only an empty folder or one asmap wrote
(`layers.atomic.MARKER`). `write_failure` words a read-only folder or a full disk.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from pathlib import Path

import click

from asmap.layers.atomic import check_replaceable
from asmap.layers.errors import UsageError
from asmap.layers.messages import render

INPUTS = "asmap.inputs"


class OwnGoal(click.ClickException):
    """An output path that would overwrite an input (exit code 2, one line)."""

    exit_code = 2


def record_input(path: str | Path) -> None:
    """
    Remember `path` as an input of the running command (no-op outside click).

    Examples
    --------
    >>> record_input("zaamar")  # outside a click command nothing happens
    """
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault(INPUTS, []).append(Path(path))


def check_outputs(*, files: Iterable[Path | None] = (), folders: Iterable[Path | None] = (),
                  inputs: Iterable[Path] = ()) -> None:
    """
    Refuse outputs that would overwrite the command's inputs, before anything is written.

    Parameters
    ----------
    files
        File outputs (None entries are skipped, for options not given).
    folders
        Folder outputs, replaced as a whole.
    inputs
        Inputs besides those recorded by the option callbacks.

    Raises
    ------
    OwnGoal
        Naming the output, the input it would destroy and what to do.

    Examples
    --------
    >>> check_outputs(files=[Path("results.gpkg")], inputs=[Path("zaamar")])
    >>> check_outputs(files=[Path("results.gpkg")], inputs=[Path(".")])
    Traceback (most recent call last):
    ...
    asmap.cli.paths.OwnGoal: results.gpkg: lies inside the input folder .; write outputs ...
    """
    ctx = click.get_current_context(silent=True)
    known = [*(ctx.meta.get(INPUTS, []) if ctx is not None else []), *inputs]
    lang = _lang(ctx)
    for out, folder in [(f, False) for f in files if f] + [(f, True) for f in folders if f]:
        message = own_goal(Path(out), known, lang)
        if message is None:
            try:
                _check_kind(Path(out), folder=folder)
            except UsageError as exc:
                message = exc.text(lang)
        if message:
            raise OwnGoal(message)


def own_goal(out: Path, inputs: Iterable[Path], lang: str = "en") -> str | None:
    """
    Why writing `out` would destroy one of `inputs`, or None when it would not.

    Examples
    --------
    >>> own_goal(Path("work"), [Path("work/proj")])
    'work: contains the input work/proj; asmap never replaces its inputs, choose another path'
    """
    target = out.resolve()
    for source in inputs:
        real = Path(source).resolve()
        if target == real:
            return _say("er_out_is_input", lang, out=out, source=source)
        if target in real.parents:
            return _say("er_out_contains_input", lang, out=out, source=source)
        if real.is_dir() and real in target.parents:
            return _say("er_out_inside_input", lang, out=out, source=source)
    return None


def _check_kind(out: Path, *, folder: bool) -> None:
    if folder:
        check_replaceable(out)
    elif out.is_dir():
        raise UsageError(code="er_out_is_folder", out=out)


def write_failure(exc: BaseException, lang: str = "en") -> str | None:
    """
    The message for a normal condition of the disk (read-only, full), or None.

    Examples
    --------
    >>> write_failure(OSError(errno.ENOSPC, "No space left on device", "brief/map.html"))
    'brief/map.html: the disk is full; free some space or write to another disk, then run again'
    >>> write_failure(ValueError("something else")) is None
    True
    """
    text = str(exc)
    code = getattr(exc, "errno", None)
    name = getattr(exc, "filename", None) or _say("er_the_output", lang)
    if code == errno.ENOSPC or "No space left" in text or "disk is full" in text:
        return _say("er_disk_full", lang, name=name)
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "Read-only file system" in text \
            or "Permission denied" in text or "readonly database" in text:
        return _say("er_read_only", lang, name=name)
    return None


def _lang(ctx: click.Context | None) -> str:
    """The running command's language (English outside a command, as in the examples)."""
    if ctx is None:
        return "en"
    from asmap.cli.options import early_lang  # options imports this module

    return ctx.meta.get("asmap_lang") or early_lang()


def _say(code: str, lang: str, **values: object) -> str:
    return render(code, lang, values)
