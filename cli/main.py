"""The `asmap` command group: logging, error handling and command registration only."""

from __future__ import annotations

import importlib
import logging
import os
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import click


def _version() -> str:
    try:
        return version("asmap")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


class AsmapGroup(click.Group):
    """A group that turns asmap's own errors into one-line messages, never a traceback.

    Commands are registered by name with the module that defines them (`add_lazy_command`)
    and imported only when used, so ``asmap --help`` lists them from their short help here
    without importing geopandas, matplotlib or folium.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, tuple[str, str]] = {}

    def add_lazy_command(self, name: str, target: str, short_help: str) -> None:
        """Register command `name`, defined at `target` (``module:attribute``)."""
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
        rows = [(name, self.lazy[name][1] if name in self.lazy and name not in self.commands
                 else self.commands[name].get_short_help_str(limit))
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):  # noqa: D102
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:  # the promise: never a traceback for a user
            from asmap.layers.errors import AsmapError, UsageError

            if isinstance(exc, UsageError):
                raise click.UsageError(str(exc), ctx) from None
            if isinstance(exc, AsmapError):
                raise _Failure(str(exc), exc.exit_code) from None
            if os.environ.get("ASMAP_DEBUG"):
                raise
            from asmap.cli.paths import write_failure

            if write_failure(exc):  # a read-only folder or a full disk: no bug
                raise _Failure(write_failure(exc), 1) from None
            raise _Failure(
                f"unexpected {type(exc).__name__}: {exc} "
                "(run again with ASMAP_DEBUG=1 and report the output)", 1
            ) from None


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


@click.group(cls=AsmapGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "--version", prog_name="asmap")
@click.option("-v", "--verbose", count=True,
              help="Say what is happening: -v the steps, -vv also their counts.")
def cli(verbose: int) -> None:
    """asmap: which tailings can artisanal miners work, whose land is it, and how to get there.

    Every command reads a project folder of GIS layers (default: the bundled Zaamar
    sample). Start with `asmap validate FOLDER`, then `asmap analyze FOLDER --out
    results.gpkg`.
    """
    _log_to_stderr(verbose)


# Commands are registered explicitly, one module each, and imported when used.
# (register: one add_lazy_command line below, with the command's short help)
cli.add_lazy_command("map", "asmap.cli.map:map_",
                     "Write the interactive site map (HTML, mn or en).")
cli.add_lazy_command("import", "asmap.cli.import_:import_",
                     "Turn cadastre tables and GPS files into layers.")
cli.add_lazy_command("export", "asmap.cli.export:export",
                     "Export layers or results as KML/KMZ, GeoJSON, GeoPackage, Shapefile; "
                     "the basemap as MBTiles.")
cli.add_lazy_command("validate", "asmap.cli.validate:validate",
                     "Check a project folder; list every problem and what to do.")
cli.add_lazy_command("analyze", "asmap.cli.analyze:analyze",
                     "Flag eligible tailings, say why, and write the results.")
cli.add_lazy_command("print", "asmap.cli.print_:print_",
                     "Write a print-ready map (PDF or 300 dpi PNG).")
cli.add_lazy_command("brief", "asmap.cli.brief:brief",
                     "Write the negotiation brief folder (maps, tables, summary).")
cli.add_lazy_command("compare", "asmap.cli.compare:compare",
                     "What changed between two results or briefs.")
cli.add_lazy_command("timeline", "asmap.cli.timeline:timeline",
                     "When each site's verdict changes over a period.")
cli.add_lazy_command("annex", "asmap.cli.annex:annex",
                     "Write an agreement's annex: map and corner coordinates.")
cli.add_lazy_command("basemap", "asmap.cli.basemap:basemap",
                     "Make an offline basemap (MBTiles) for a project.")


def main() -> None:
    """Entry point of the `asmap` console script."""
    cli(prog_name="asmap")


if __name__ == "__main__":
    main()
