"""An atlas: the overview page(s) and one sheet per site in one PDF, drawn on every core.

Site sheets are independent pages. With at least `PARALLEL_FROM` of them and more than
one core, the sheets are cut into contiguous runs: this process draws the overview and
the first run while other processes draw the others, each into a PDF of its own; the
parts are then joined in order with pypdf. Pages are the same as drawn in one process
(same text, same pixels); only the PDF's font subsets are repeated once per part.

Other processes are forked, on Linux, when the only other threads are asmap's own idle
thread pools (`geo.parallel`): a forked process starts at once, with every module
imported. Where fork is not safe or not there (Windows, macOS, a program running threads
of its own), every page is drawn in this process: a spawned process would import the
caller's main script again, which breaks scripts written without a ``__main__`` guard.

`start_atlas` sends the runs off and returns at once, so that a caller (the brief)
writes its other files meanwhile; `Atlas.finish` draws this process's pages, waits for
the others and joins them. On any error, Ctrl-C or ``kill`` here, `Atlas.close` stops
the other processes (they are daemons: they never outlive this one).
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from asmap.geo.parallel import POOL_PREFIX, threads
from asmap.layers.atomic import atomic_path, signals_held
from asmap.layers.errors import AsmapError, AsmapWarning, DataError, UsageError

#: Fewer site sheets than this are drawn in this process only (forking and joining the
#: parts cost about what a sheet does).
PARALLEL_FROM = 8
#: At most this many processes draw sheets.
MAX_WORKERS = 4
#: The overview page(s) weigh about as much as this many site sheets.
OVERVIEW_WEIGHT = 2.0


def atlas_pages(analysis: Any, site_ids: Sequence[str], *, overview: bool = True,
                **options: Any) -> Iterator[Any]:
    """
    Yield the overview page(s) (when `overview`), then one sheet per site, one at a time.

    The sheets are drawn on one figure, every layer reprojected and indexed once: save
    each page before asking for the next. `options` are `maps.paper.page.print_pages`'s.
    """
    from asmap.maps.paper import page
    from asmap.maps.paper.drawing import reused_projections

    with reused_projections():
        if overview:
            yield from page.print_pages(analysis, **options)
        sheet = None
        for site_id in site_ids:
            sheet = page.print_pages(analysis, site=str(site_id), reuse=sheet, **options)[0]
            yield sheet


def runs(n: int, workers: int, *, lead: float, tail: float = 0.0) -> list[int]:
    """
    How many of `n` sheets each of `workers` processes draws, this process first; this
    process also does `lead` sheets' worth of other work (the overview, other files), and
    the last one `tail` sheets' worth after its sheets (`start_atlas`'s ``then``).

    Examples
    --------
    >>> runs(16, 2, lead=2)
    [7, 9]
    >>> runs(500, 2, lead=2)
    [249, 251]
    >>> runs(10, 4, lead=20)
    [0, 4, 3, 3]
    >>> runs(16, 2, lead=4.5, tail=3.2)
    [7, 9]
    >>> runs(12, 3, lead=0, tail=6)
    [6, 6, 0]
    """
    share = (n + lead + tail) / workers
    first = max(0, min(n, round(share - lead)))
    rest, others = n - first, workers - 1
    if others == 0:
        return [n]
    last = rest if others == 1 else max(0, min(rest, round((rest + tail) / others - tail)))
    middle, between = rest - last, others - 1
    return ([first] + [middle // between + (1 if i < middle % between else 0)
                       for i in range(between)] + [last])


def default_workers(n: int) -> int:
    """Processes for `n` sheets: one below `PARALLEL_FROM` or where processes cannot be
    forked safely, else the cores (`geo.parallel.threads`: ``ASMAP_THREADS=1`` keeps it
    to one; at most `MAX_WORKERS`), never more than a process per `PARALLEL_FROM` / 2
    sheets."""
    if n < PARALLEL_FROM or _context() is None:
        return 1
    return max(1, min(threads(), MAX_WORKERS, n // (PARALLEL_FROM // 2)))


class Atlas:
    """Runs of sheets being drawn by other processes; `finish` writes the whole PDF."""

    def __init__(self, analysis: Any, out: Path, site_ids: list[str], counts: list[int],
                 options: dict[str, Any], overview: bool, then: Sequence[tuple] = ()
                 ) -> None:
        self.analysis, self.out, self.options, self.overview = analysis, out, options, overview
        self.mine, self.then = site_ids[:counts[0]], list(then)
        self.others: list[_Other] = []
        # the last process does the `then` jobs, with or without sheets of its own
        last = len(counts) - 1 if self.then and len(counts) > 1 else None
        others = [(i, count) for i, count in enumerate(counts) if i and (count or i == last)]
        start = counts[0]
        if _context() is None:  # asked for workers where they cannot be forked
            self.mine, others = site_ids, []
        try:
            for number, (i, count) in enumerate(others, start=1):
                jobs = [(_draw_run, (analysis, site_ids[start:start + count], options,
                                     str(self._part(number))), {})] if count else []
                if i == last:
                    jobs, self.then = jobs + self.then, []
                other = _Other(jobs, sheets=count)
                self.others.append(other)
                other.start()
                start += count
        except BaseException:
            self.close()
            raise

    def _part(self, i: int) -> Path:
        return self.out.with_name(f".{self.out.name}.part{i}.pdf")

    def finish(self) -> Path:
        """Draw this process's pages (and the `then` jobs no other process took), wait for
        the others, join every part into `out`."""
        from asmap.maps.paper.page import save_pages

        try:
            for function, args, kwargs in self.then:
                function(*args, **kwargs)
            pages = atlas_pages(self.analysis, self.mine, overview=self.overview,
                                **self.options)
            if not self.others:
                return save_pages(pages, self.out)
            save_pages(pages, self._part(0))
            for other in self.others:
                _said_again(other.result())
            drawn = [n for n, other in enumerate(self.others, start=1) if other.sheets]
            return _join([self._part(n) for n in [0, *drawn]], self.out)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the other processes and remove the parts (after `finish`, or on error)."""
        for other in self.others:
            other.stop()
        for i in range(len(self.others) + 1):
            self._part(i).unlink(missing_ok=True)


class _Other:
    """A process to fork, doing `jobs` (``(function, args, kwargs)``) one after another;
    it answers with what `_there` collected, through a pipe."""

    def __init__(self, jobs: list[tuple], *, sheets: int = 0) -> None:
        self.sheets = sheets  # how many site sheets it draws
        context = _context()
        self.answer, self.sent = context.Pipe(duplex=False)
        self.go_read, self.go = context.Pipe(duplex=False)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # as it is, for the new process
        self.process = context.Process(
            target=_there, args=(self.sent, jobs, mask, self.go_read, self.go), daemon=True,
            name="asmap-atlas")

    def start(self) -> None:
        """Fork it (`Atlas.close` stops it, whatever happens from here on)."""
        try:
            # Ctrl-C or kill wait until the fork is done: raised inside the fork's own
            # hooks (logging's), their exception would be printed and dropped
            with signals_held(), warnings.catch_warnings():
                # Python 3.12+ warns on a fork with threads running (see `_context`)
                warnings.filterwarnings("ignore", category=DeprecationWarning,
                                        message=r".*fork\(\) may lead to deadlocks")
                self.process.start()
        finally:
            self.sent.close()
            self.go_read.close()
        # a stop that came in as it forked is raised before this line, and then the new
        # process hears nothing from here and ends without drawing (`_there`)
        self.go.send(True)

    def result(self) -> list[tuple]:
        try:
            said = self.answer.recv()
        except EOFError:
            said = [("crash", f"exit code {self.process.exitcode}")]
        self.process.join()
        for kind, *what in said:
            if kind == "crash":
                raise RuntimeError(f"a process drawing the atlas failed: {what[0]}")
        return said

    def stop(self) -> None:
        self.go.close()
        if self.process.pid is not None:  # started
            if self.process.is_alive():
                self.process.terminate()
            self.process.join()
        self.answer.close()


def start_atlas(analysis: Any, out: str | Path, *, site_ids: Sequence[str],
                overview: bool = True, workers: int | None = None, lead: float = 0.0,
                then: Sequence[tuple] = (), then_weight: float = 0.0,
                **options: Any) -> Atlas:
    """
    Start drawing an atlas; `finish()` the result to write `out` (a ``.pdf``).

    Parameters
    ----------
    analysis
        A `geo.Analysis`.
    out
        The PDF to write (atomically, by `Atlas.finish`).
    site_ids
        The sites to draw a sheet for, in page order.
    overview
        Begin with the overview page(s).
    workers
        Processes drawing sheets (this one included); None: `default_workers`.
    lead
        Sheets' worth of other work this process does between `start_atlas` and
        `finish` (this process then draws fewer sheets).
    then
        Other work, ``(function, args, kwargs)`` each, for the last other process once
        its sheets are drawn (or for this one, in `finish`, when there is none).
    then_weight
        Sheets' worth of work in `then` (that process then draws fewer sheets).
    **options
        `maps.paper.page.print_pages`'s: ``lang``, ``paper``, ``orientation``,
        ``profile``, ``basemap`` (a path, False or None; never an open file), ``media``,
        ``photos``.
    """
    ids = [str(i) for i in site_ids]
    workers = default_workers(len(ids)) if workers is None else max(1, int(workers))
    weight = lead + (OVERVIEW_WEIGHT if overview else 0.0)
    counts = (runs(len(ids), workers, lead=weight, tail=then_weight if then else 0.0)
              if workers > 1 else [len(ids)])
    return Atlas(analysis, Path(out), ids, counts, options, overview, then)


def write_atlas(analysis: Any, out: str | Path, *, site_ids: Sequence[str],
                overview: bool = True, workers: int | None = None, **options: Any) -> Path:
    """
    Write the overview page(s) and one sheet per site in `site_ids` to one PDF.

    See `start_atlas` for the parameters.

    Examples
    --------
    >>> analysis = geo.analyze(layers.load(layers.sample_path()))  # doctest: +SKIP
    >>> write_atlas(analysis, "atlas.pdf", site_ids=["ZT-01", "ZT-02"], lang="en")  # doctest: +SKIP
    PosixPath('atlas.pdf')
    """
    return start_atlas(analysis, out, site_ids=site_ids, overview=overview, workers=workers,
                       **options).finish()


def _context() -> Any:
    """The fork context when forking is safe here, else None."""
    if not sys.platform.startswith("linux"):
        return None
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(not t.name.startswith(POOL_PREFIX) for t in others):
        return None
    return multiprocessing.get_context("fork")


def _draw_run(analysis: Any, site_ids: list[str], options: dict[str, Any], path: str) -> None:
    """Draw the sheets of `site_ids` into `path` (in another process)."""
    from asmap.maps.paper.page import save_pages

    save_pages(atlas_pages(analysis, site_ids, overview=False, **options), path)


def _there(sent: Any, jobs: list[tuple], mask: set, go: Any, go_end: Any) -> None:
    """In the forked process: once the first process says go, do `jobs`; send back
    asmap's warnings said meanwhile and an asmap error as words (`_said_again` says them
    in the process that asked), or what else went wrong. Ctrl-C is for the first process,
    which stops this one."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    go_end.close()  # this process's copy of the first one's end: EOF when that one closes
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    try:
        go.recv()
    except (EOFError, OSError):
        sent.close()
        return  # stopped as it forked: nothing to do
    said: list[tuple] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("ignore")  # other libraries' warnings stay here
            warnings.simplefilter("always", AsmapWarning)
            try:
                for function, args, kwargs in jobs:
                    function(*args, **kwargs)
            except AsmapError as error:
                said.append(("error", type(error), str(error), error.code, error.params))
        said[:0] = [("warning", type(w.message), str(w.message), w.message.code,
                     w.message.params) for w in caught]
    except BaseException as error:  # noqa: BLE001 (said in the first process)
        said = [("crash", "".join(traceback.format_exception(error)))]
    try:
        sent.send(said)
    except (OSError, ValueError):
        pass  # the first process has stopped listening
    finally:
        sent.close()


def _said_again(said: list[tuple]) -> None:
    """Say the other process's warnings here, then raise its error, if any."""
    for kind, cls, message, code, params in said:
        if kind == "warning":
            warnings.warn(cls(message, code=code, **params) if code else cls(message),
                          stacklevel=3)
    for kind, cls, message, code, params in said:
        if kind == "error":
            try:
                error = cls(message, code=code, **params) if code else cls(message)
            except TypeError:  # an error made otherwise (ProblemError): its English words
                error = (UsageError if cls.exit_code == 2 else DataError)(message)
            raise error


def _join(parts: list[Path], out: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    writer.add_metadata({"/Creator": "asmap", "/Producer": "asmap"})
    with atomic_path(out) as tmp:
        with open(tmp, "wb") as handle:
            writer.write(handle)
    return out

