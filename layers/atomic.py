"""Atomic writes: build the output under a temporary name, then rename it into place.

A failure at any point leaves nothing half-written: the old file (if any) stays as it
was and the temporary file or folder is removed, also when the process is stopped with
Ctrl-C (SIGINT) or ``kill`` (SIGTERM).

A folder written by `atomic_dir` holds a marker file, `MARKER`; an existing folder is
only replaced when it is empty or holds that marker, so a brief or an export never
replaces a folder of the user's own files.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from asmap.layers.errors import UsageError

#: File marking a folder as written by asmap (so it may be replaced as a whole).
MARKER = ".asmap-output"


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived while an output was being written (cleaned up like Ctrl-C)."""


def _terminate(signum, frame):  # noqa: ARG001 (signal handler signature)
    raise Terminated()


@contextmanager
def stoppable() -> Iterator[None]:
    """
    While writing, SIGTERM raises (`Terminated`, a KeyboardInterrupt) like SIGINT does.

    So the clean-up of temporary files runs when the process is stopped with ``kill``.
    Only in the main thread, and only when no other SIGTERM handler is installed.

    Examples
    --------
    >>> with stoppable():
    ...     pass
    """
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def replaceable(path: str | Path) -> bool:
    """
    True when an output folder may be (re)written at `path`.

    That is: nothing is there, or an empty folder, or a folder asmap wrote (it holds
    `MARKER`).

    Examples
    --------
    >>> replaceable("/no/such/folder")
    True
    """
    path = Path(path)
    if not path.exists():
        return True
    return path.is_dir() and ((path / MARKER).is_file() or not any(path.iterdir()))


def check_replaceable(path: str | Path) -> None:
    """
    Raise `UsageError` when `path` is a folder (or a file) asmap must not replace.

    Examples
    --------
    >>> check_replaceable("/no/such/brief")  # nothing there: fine
    >>> check_replaceable("/")
    Traceback (most recent call last):
    ...
    asmap.layers.errors.UsageError: /: is a folder asmap did not write and is not empty; ...
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise UsageError(code="er_out_is_file", path=path)
    if not replaceable(path):
        raise UsageError(code="er_out_not_ours", path=path)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """
    Yield a temporary path beside `path`; on success it replaces `path`.

    The temporary name keeps the suffix, so drivers chosen by extension still work.

    Examples
    --------
    >>> with atomic_path("out.csv") as tmp:  # doctest: +SKIP
    ...     frame.to_csv(tmp)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()  # let the writer create it (GDAL refuses some existing empty files)
    with stoppable():
        try:
            yield tmp
            if tmp.is_file():  # on disk before it takes the name (writers may skip syncing)
                with open(tmp, "r+b") as done:  # Windows syncs only files open for writing
                    os.fsync(done.fileno())
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()


@contextmanager
def atomic_dir(path: str | Path, *, mark: bool = True) -> Iterator[Path]:
    """
    Yield a temporary folder beside `path`; on success it replaces `path` as a whole.

    With `mark` (the default) the folder gets the `MARKER` file, and an existing folder
    is replaced only when `replaceable` (else `UsageError`, before anything is written).
    """
    path = Path(path)
    if mark:
        check_replaceable(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with stoppable():
        tmp = None
        try:
            with signals_held():  # a stop in between would leave the folder behind
                tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
            umask = os.umask(0)  # mkdtemp makes 0700; the folder gets mkdir's mode
            os.umask(umask)
            tmp.chmod(0o777 & ~umask)
            yield tmp
            if mark:
                (tmp / MARKER).write_text("written by asmap; replaced as a whole when asmap "
                                          "writes this folder again\n", encoding="utf-8")
            _swap(tmp, path)
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and ``kill`` (SIGINT, SIGTERM) back until the block is done (where the
    system can: not on Windows); they arrive when it ends."""
    if not hasattr(signal, "pthread_sigmask") or \
            threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _swap(tmp: Path, path: Path) -> None:
    """Put the finished folder `tmp` in the place of `path` (and remove the old one)."""
    if not path.exists():
        os.replace(tmp, path)
        return
    old = path.with_name(f".{path.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(path, old)
    try:
        os.replace(tmp, path)
    finally:
        shutil.rmtree(old, ignore_errors=True) if path.exists() else os.replace(old, path)


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write a UTF-8 text file atomically and return its path."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)
