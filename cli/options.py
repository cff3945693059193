"""Options shared by several commands; their callbacks raise `click.BadParameter`."""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click


def record_input(path) -> None:
    """`cli.paths.record_input`, imported when a command runs (not for --help)."""
    from asmap.cli.paths import record_input as record

    record(path)


def _folder(ctx: click.Context, param: click.Parameter, value: str | None) -> Path:
    from asmap.layers.project import sample_path

    if value is None:
        record_input(sample_path())  # the bundled sample is an input like any folder
        return sample_path()
    path = Path(value)
    if not path.exists():
        raise click.BadParameter(say("err_no_path", path=value))
    record_input(path)
    return path


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say("err_not_date", value=value)) from None


def _rules(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from asmap.geo.rules import Rules
    from asmap.layers.errors import AsmapError

    if Path(value).is_dir():
        raise click.BadParameter(say("er_rules_folder", path=value))
    record_input(value)
    try:
        return Rules.from_toml(value)
    except AsmapError as exc:
        raise click.BadParameter(exc.text(early_lang())) from None


folder_arg = click.argument("folder", required=False, callback=_folder,
                            metavar="[FOLDER]")
rules_opt = click.option("--rules", callback=_rules, metavar="RULES.toml",
                         help="help_rules")
on_opt = click.option("--on", callback=_date, metavar="YYYY-MM-DD",
                      help="help_on")
crs_opt = click.option("--crs", metavar="EPSG",
                       help="help_crs")
json_opt = click.option("--json", "as_json", is_flag=True, help="help_json")
profile_opt = click.option("--profile", type=click.Choice(["internal", "public"]),
                           default="internal", show_default=True,
                           help="help_profile")

results_opt = click.option(
    "--results", "results", metavar="RESULTS.gpkg|DIR.parquet",
    type=click.Path(exists=True, path_type=Path),
    callback=lambda ctx, param, value: _input(value),
    help="help_results")


def _input(value: Path | None) -> Path | None:
    if value is not None:
        record_input(value)
    return value


def analysis_for(folder: Path, *, results: Path | None, rules, on, crs: str | None,
                 soum: str | None = None):
    """Load FOLDER and either analyse it or read earlier RESULTS (the map/print wiring)."""
    from asmap import geo, layers

    if results is not None and (rules is not None or on is not None or soum is not None):
        raise click.UsageError(say("err_results_with_rules"))
    project = layers.load(folder, crs=crs)
    if results is None:
        analysis = geo.analyze(project, rules=rules, on=on, soum=soum)
    else:
        analysis = geo.read_results(results, layers=project)
    say_warnings(analysis.warnings)
    return analysis


def say_warnings(problems, lang: str | None = None) -> None:
    """Each warning of the area of interest as one line on stderr, in `lang` (else the
    command's language)."""
    if lang is None:
        ctx = click.get_current_context(silent=True)
        lang = (ctx.meta.get("asmap_lang") if ctx is not None else None) or early_lang()
    for problem in problems:
        click.echo(say("cli_warning", lang, text=problem.line(lang)), err=True)


# --- area of interest (issue 13) ---
soum_opt = click.option("--soum", metavar="NAME_OR_ID",
                        help="help_soum")


# --- offline basemaps (issue 15) ---
def _basemap_file(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from asmap.maps.basemap.mbtiles import is_local

    if is_local(value) and not Path(value).is_file():
        raise click.BadParameter(say("err_no_basemap_file", value=value))
    return value


basemap_opt = click.option(
    "--basemap", "basemap", metavar="FILE.mbtiles", callback=_basemap_file,
    help="help_basemap_file")
no_basemap_opt = click.option("--no-basemap", "no_basemap", is_flag=True,
                              help="help_no_basemap")
basemap_mb_opt = click.option(
    "--basemap-mb", "basemap_mb", type=click.FloatRange(min=0.1), default=15.0,
    show_default=True, metavar="MB",
    help="help_basemap_mb")


def basemap_choice(basemap: str | None, no_basemap: bool, *, local_only: bool = False):
    """The `basemap=` of the API for --basemap/--no-basemap (None: the folder's file)."""
    if basemap is not None and no_basemap:
        raise click.UsageError(say("err_basemap_contradiction"))
    if no_basemap:
        return False
    if basemap is not None and local_only:
        from asmap.maps.basemap.mbtiles import is_local

        if not is_local(basemap):
            raise click.BadParameter(say("err_basemap_online", basemap=basemap),
                                     param_hint="--basemap")
    return basemap


# --- language (issue 18) ---------------------------------------------------------------
# One setting for everything asmap says or writes: --lang, else ASMAP_LANG, else `lang`
# in the folder's asmap.toml, else Mongolian. Help texts and the option and error
# messages given before a folder is read follow --lang (found in the arguments by
# AsmapGroup.main) or ASMAP_LANG; they are translated when shown, not at import.

LANG_ENV = "ASMAP_LANG"
_early: list[str] = []  # --lang as found in the command line, set by `set_early_lang`
_settled: list[str] = []  # the language the running command settled on (`resolve_lang`)


def resolve_lang(flag: str | None = None, folder: Path | None = None) -> str:
    """
    The language of the command: --lang, else ASMAP_LANG, else the folder's asmap.toml
    ``lang``, else ``"mn"``.

    Examples
    --------
    >>> resolve_lang("en")
    'en'
    """
    lang = _resolve(flag, folder)
    _settled[:] = [lang]
    ctx = click.get_current_context(silent=True)
    if ctx is not None:  # errors raised later in the command are said in it too
        ctx.meta["asmap_lang"] = lang
    return lang


def _resolve(flag: str | None, folder: Path | None) -> str:
    from asmap.maps.i18n import LANGS

    if flag:
        return flag
    if _early and _early[-1] in LANGS:  # given to the group: asmap --lang en validate
        return _early[-1]
    env = os.environ.get(LANG_ENV, "").strip().lower()
    if env:
        if env not in LANGS:
            raise click.UsageError(say("err_lang_env", "mn", name=LANG_ENV, value=env)
                                   + " / " + say("err_lang_env", "en", name=LANG_ENV, value=env))
        return env
    toml = folder / "asmap.toml" if folder is not None and folder.is_dir() else None
    if toml is not None and toml.is_file():
        import tomllib

        try:
            value = tomllib.loads(toml.read_text(encoding="utf-8-sig")).get("lang")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            value = None  # `asmap validate` says what is wrong with the file
        if value in LANGS:
            return value
    return "mn"


def set_early_lang(args: list[str]) -> None:
    """Remember the --lang of a command line, for help and messages before parsing."""
    _early.clear()
    _settled.clear()
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            _early.append(args[i + 1])
        elif arg.startswith("--lang="):
            _early.append(arg.split("=", 1)[1])


def early_lang() -> str:
    """The language known before any folder is read: --lang, else ASMAP_LANG, else mn."""
    from asmap.maps.i18n import LANGS

    if _early and _early[-1] in LANGS:
        return _early[-1]
    env = os.environ.get(LANG_ENV, "").strip().lower()
    return env if env in LANGS else "mn"


def current_lang() -> str:
    """The language of the command running now: the one it settled on (its folder's
    asmap.toml counts), else the early one. Click's own words follow it."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get("asmap_lang") if ctx is not None else None
    return lang or (_settled[-1] if _settled else early_lang())


def say(key: str, lang: str | None = None, **values: object) -> str:
    """The words of `key` (maps/i18n.py) in `lang`, else in the early language."""
    from asmap.maps.i18n import t

    return t(key, lang or early_lang(), **values)


def _words(text: str | None) -> str | None:
    from asmap.maps.i18n import has_text

    return say(text) if text and has_text(text) else text


class I18nCommand(click.Command):
    """A command whose help, short help and option helps are keys of the translation
    table (maps/i18n.py), put in the language when shown: ``help="help_validate"``."""

    def get_short_help_str(self, limit: int = 45) -> str:  # noqa: D102
        keys, self.help, self.short_help = ((self.help, self.short_help),
                                            _words(self.help), _words(self.short_help))
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help, self.short_help = keys

    def format_help(self, ctx: click.Context, formatter) -> None:  # noqa: D102
        params = [p for p in self.get_params(ctx) if isinstance(p, click.Option)]
        keys = (self.help, [p.help for p in params])
        self.help = _words(self.help)
        for param in params:
            param.help = _words(param.help)
        try:
            super().format_help(ctx, formatter)
        finally:
            self.help = keys[0]
            for param, key in zip(params, keys[1], strict=True):
                param.help = key

    def get_help_option(self, ctx: click.Context):  # noqa: D102
        option = super().get_help_option(ctx)
        if option is not None and not getattr(option, "asmap_words", False):
            option.help, option.asmap_words = "help_help", True  # click's is English only
        return option


class I18nGroup(I18nCommand, click.Group):
    """A command group with translated help (its commands are I18nCommand too)."""

    command_class = I18nCommand


def _lang_flag(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    ctx.meta["asmap_lang"] = value or early_lang()
    if value:
        _settled[:] = [value]
    return value


lang_opt = click.option(
    "--lang", type=click.Choice(["mn", "en"]), default=None, callback=_lang_flag,
    help="help_lang")


# --- photos (issue 18) -------------------------------------------------------------------
no_photos_opt = click.option("--no-photos", "no_photos", is_flag=True, help="help_no_photos")
photo_mb_opt = click.option("--photo-mb", "photo_mb", type=click.FloatRange(min=0),
                            default=10.0, show_default=True, metavar="MB",
                            help="help_photo_mb")


@contextmanager
def step_progress(lang: str, first: str, total: int):
    """A progress bar over `total` named steps on a terminal (nothing elsewhere): yields
    ``step(name, **values)``, which moves it on and says ``step_<name>`` in `lang`."""
    import sys

    if not sys.stderr.isatty():
        yield lambda name, **values: None
        return
    from rich.console import Console
    from rich.progress import Progress

    # on stderr, the terminal it checked (stdout may be a file the summary goes to)
    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(say(f"step_{first}", lang), total=total)

        def step(name: str, **values: object) -> None:
            bar.update(task, advance=1, description=say(f"step_{name}", lang, **values))

        yield step


@contextmanager
def said_warnings(lang: str):
    """Say asmap's warnings (a photo budget) in `lang` on stderr, after the work."""
    import warnings

    from asmap.layers.errors import AsmapWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", AsmapWarning)
        yield
    for item in caught:
        if isinstance(item.message, AsmapWarning):
            click.echo(say("cli_warning", lang, text=item.message.text(lang)), err=True)
        else:
            warnings.warn_explicit(item.message, item.category, item.filename, item.lineno)

