"""The `asmap` command group: logging, error handling and command registration only."""

from __future__ import annotations

import logging
import os
import sys
from importlib.metadata import PackageNotFoundError, version

import click

from asmap.cli.options import I18nGroup, early_lang, say, set_early_lang
from asmap.layers.errors import AsmapError, UsageError


def _version() -> str:
    try:
        return version("asmap")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


class AsmapGroup(I18nGroup):
    """A group that turns asmap's own errors into one-line messages, never a traceback."""

    def main(self, args=None, *pos, **kwargs):  # noqa: D102
        # --lang is known before parsing, so help and early errors are in that language
        set_early_lang(sys.argv[1:] if args is None else list(args))
        return super().main(args, *pos, **kwargs)

    def invoke(self, ctx: click.Context):  # noqa: D102
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            raise click.UsageError(exc.text(_lang(ctx)), ctx) from None
        except AsmapError as exc:
            raise _Failure(exc.text(_lang(ctx)), exc.exit_code) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:  # the promise: never a traceback for a user
            if os.environ.get("ASMAP_DEBUG"):
                raise
            from asmap.cli.paths import write_failure

            failure = write_failure(exc, _lang(ctx))
            if failure:  # a read-only folder or a full disk: no bug
                raise _Failure(failure, 1) from None
            raise _Failure(say("cli_unexpected", _lang(ctx), kind=type(exc).__name__,
                               detail=exc), 1) from None


def _lang(ctx: click.Context) -> str:
    """The language the command settled on (its folder's asmap.toml counts), else early."""
    return ctx.meta.get("asmap_lang") or early_lang()


class _Failure(click.ClickException):
    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _ToStderr(logging.Handler):
    """Log records as lines on the standard error of the command running now."""

    def emit(self, record: logging.LogRecord) -> None:  # noqa: D102
        click.echo(self.format(record), err=True)


def _log_to_stderr(verbose: int) -> None:
    """asmap's loggers: warnings only; -v adds the analysis steps, -vv their counts."""
    logger = logging.getLogger("asmap")
    logger.setLevel(max(logging.WARNING - 10 * verbose, logging.DEBUG))
    if not any(isinstance(h, _ToStderr) for h in logger.handlers):
        handler = _ToStderr()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)


@click.group(cls=AsmapGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help="help_group")
@click.version_option(_version(), "--version", prog_name="asmap", help="help_version")
@click.option("-v", "--verbose", count=True, help="help_verbose")
def cli(verbose: int) -> None:
    """asmap: which tailings can artisanal miners work, whose land is it, and how to get there.

    Every command reads a project folder of GIS layers (default: the bundled Zaamar
    sample). Start with `asmap validate FOLDER`, then `asmap analyze FOLDER --out
    results.gpkg`.
    """
    _log_to_stderr(verbose)


# Commands are registered explicitly, one module each.
# (register: add an import and an add_command line below)
from asmap.cli.map import map_  # noqa: E402

cli.add_command(map_)
from asmap.cli.export import export  # noqa: E402
from asmap.cli.import_ import import_  # noqa: E402

cli.add_command(import_)
cli.add_command(export)
from asmap.cli.validate import validate  # noqa: E402

cli.add_command(validate)
from asmap.cli.analyze import analyze  # noqa: E402

cli.add_command(analyze)
from asmap.cli.brief import brief  # noqa: E402
from asmap.cli.print_ import print_  # noqa: E402

cli.add_command(print_)
cli.add_command(brief)
from asmap.cli.compare import compare  # noqa: E402
from asmap.cli.timeline import timeline  # noqa: E402

cli.add_command(compare)
cli.add_command(timeline)
from asmap.cli.annex import annex  # noqa: E402

cli.add_command(annex)


def main() -> None:
    """Entry point of the `asmap` console script."""
    cli(prog_name="asmap")


if __name__ == "__main__":
    main()
