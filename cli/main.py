"""The `asmap` command group: logging, error handling and command registration only."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import click

from asmap.cli.click_words import speaking, translate
from asmap.cli.options import I18nGroup, _words, early_lang, lang_opt, say, set_early_lang


def _version() -> str:
    try:
        return version("asmap")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


class AsmapGroup(I18nGroup):
    """A group that turns asmap's own errors into one-line messages, never a traceback.

    Commands are registered by name with the module that defines them (`add_lazy_command`)
    and imported only when used, so ``asmap --help`` lists them from their short help here
    without importing geopandas, matplotlib or folium.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, tuple[str, str]] = {}

    def add_lazy_command(self, name: str, target: str, short_help: str) -> None:
        """Register command `name`, defined at `target` (``module:attribute``); its short
        help is a key of maps/i18n.py (or plain words), said in the language when shown."""
        self.lazy[name] = (target, short_help)

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: D102
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:  # noqa: D102
        if name not in self.commands and name in self.lazy:
            module, attribute = self.lazy[name][0].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return self.commands.get(name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, from the short help kept with each name."""
        limit = formatter.width - 6 - max(len(n) for n in self.list_commands(ctx))
        rows = [(name, _words(self.lazy[name][1]) if name in self.lazy
                 and name not in self.commands else self.commands[name].get_short_help_str(limit))
                for name in self.list_commands(ctx)]
        with formatter.section(translate("Commands")):
            formatter.write_dl(rows)

    def main(self, args=None, *pos, **kwargs):  # noqa: D102
        # --lang is known before parsing, so help and early errors are in that language
        set_early_lang(sys.argv[1:] if args is None else list(args))
        with speaking():  # click's own words ("Usage:", "Error:") in that language too
            return super().main(args, *pos, **kwargs)

    def invoke(self, ctx: click.Context):  # noqa: D102
        from asmap.layers.errors import AsmapError, UsageError

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
@lang_opt
def cli(verbose: int, lang: str | None) -> None:
    """asmap: which tailings can artisanal miners work, whose land is it, and how to get there.

    Every command reads a project folder of GIS layers (default: the bundled Zaamar
    sample). Start with `asmap validate FOLDER`, then `asmap analyze FOLDER --out
    results.gpkg`.
    """
    _log_to_stderr(verbose)


# Commands are registered explicitly, one module each, and imported when used.
# (register: one add_lazy_command line below, with the command's short help)
# (their short helps are keys of maps/i18n.py, said in the language when --help is shown)
cli.add_lazy_command("map", "asmap.cli.map:map_", "short_map")
cli.add_lazy_command("import", "asmap.cli.import_:import_", "short_import")
cli.add_lazy_command("export", "asmap.cli.export:export", "short_export")
cli.add_lazy_command("validate", "asmap.cli.validate:validate", "short_validate")
cli.add_lazy_command("analyze", "asmap.cli.analyze:analyze", "short_analyze")
cli.add_lazy_command("print", "asmap.cli.print_:print_", "short_print")
cli.add_lazy_command("brief", "asmap.cli.brief:brief", "short_brief")
cli.add_lazy_command("compare", "asmap.cli.compare:compare", "short_compare")
cli.add_lazy_command("timeline", "asmap.cli.timeline:timeline", "short_timeline")
cli.add_lazy_command("annex", "asmap.cli.annex:annex", "short_annex")
cli.add_lazy_command("basemap", "asmap.cli.basemap:basemap", "short_basemap")


#: When Python looks for reference cycles to free (its defaults: 700, 10, 10). A command
#: makes millions of small objects that form no cycle (pandas values, shapely
#: geometries); looking after every 700 of them cost 0.3 s of the 2.5 s `asmap analyze`
#: of 20,000 sites. Cycles are still freed, less often.
GC_THRESHOLDS = (20_000, 20, 50)


def main() -> None:
    """Entry point of the `asmap` console script."""
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        cli(prog_name="asmap")
    except SystemExit as done:  # click ends every command so, with its exit code
        leave(done.code)
        raise


def leave(code: object) -> None:
    """
    End the process at once with `code`, without tearing the interpreter down, when
    nothing is left to do; else return (and Python exits as usual).

    Freeing every module and object of pandas, GDAL, PROJ and matplotlib at exit costs
    0.1-0.2 s a command, after the work is done and its files are written (mypy leaves
    the same way). Only when the code is a number, output is flushed and logging shut
    down, no thread but the main one and asmap's own pools (`geo.parallel`) runs, no
    child process is alive and no coverage is being measured. ``ASMAP_FULL_EXIT=1``
    always exits as usual.
    """
    if not (code is None or isinstance(code, int)) or os.environ.get("ASMAP_FULL_EXIT"):
        return
    import threading

    pools = getattr(sys.modules.get("asmap.geo.parallel"), "POOL_PREFIX", None)
    for thread in threading.enumerate():
        if thread is threading.main_thread() or thread.daemon:
            continue
        if pools is None or not thread.name.startswith(pools):
            return
    processes = sys.modules.get("multiprocessing")
    if (processes is not None and processes.active_children()) or "coverage" in sys.modules:
        return
    try:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: Python's own exit says so
        return
    os._exit(code or 0)


if __name__ == "__main__":
    main()
