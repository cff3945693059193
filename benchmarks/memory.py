"""Peak resident memory of this process and of the processes it starts.

``getrusage(RUSAGE_SELF).ru_maxrss`` is not this process's own peak on Linux: the kernel
keeps the high-water mark across ``exec``, and Python starts a subprocess with ``vfork``
(the child runs in its parent's memory until it calls ``exec``). So a measurement started
by a benchmark that has just generated a large project reports that benchmark's peak, not
its own. ``RUSAGE_CHILDREN`` inherits the same mark for every child it counts.

`own_peak_mb` reads ``VmHWM`` (the peak of this process's own memory map, which starts
afresh at ``exec``) from ``/proc/self/status``; `Descendants` samples the same figure of
every process under this one (Dask workers, atlas workers) while a block runs, from a
watching process of its own.
"""

from __future__ import annotations

import json
import os
import resource
import select
import subprocess
import sys
from pathlib import Path

#: Seconds between two looks at the descendants' peaks. A peak is a high-water mark, so
#: sampling misses only what a process reaches in its last interval before it ends.
SAMPLE_S = 0.2


def peak_mb(pid: int | str = "self") -> float | None:
    """The peak resident memory (``VmHWM``) of a process in MB; None where ``/proc`` does
    not say (another system, or a process that has ended)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def own_peak_mb() -> float:
    """This process's own peak resident memory in MB (``ru_maxrss`` where ``/proc`` is not
    there: macOS counts it in bytes, Linux in kB)."""
    own = peak_mb()
    if own is not None:
        return own
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / 2**20 if sys.platform == "darwin" else maxrss / 1024


class Descendants:
    """
    The largest peak resident memory among the processes under this one, sampled while
    the block runs (a process started before the block counts too: measure in a process
    that has none).

    The sampling runs in a process of its own, not a thread: a thread would stop the atlas
    from forking its drawing processes (`maps.paper.atlas` forks only when no other thread
    runs) and would share the measured process's interpreter lock.

    Examples
    --------
    >>> with Descendants() as others:  # doctest: +SKIP
    ...     run_the_work()
    >>> others.peak_mb  # doctest: +SKIP
    """

    def __init__(self, every: float = SAMPLE_S) -> None:
        self.every = every
        self.peaks: dict[int, float] = {}
        self._watcher: subprocess.Popen | None = None

    @property
    def peak_mb(self) -> float:
        """The largest peak of any one descendant in MB (0 when none was seen)."""
        return max(self.peaks.values(), default=0.0)

    def __enter__(self) -> Descendants:
        self._watcher = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.memory", str(os.getpid()), str(self.every)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            cwd=Path(__file__).resolve().parent.parent)
        if self._watcher.stdout.readline().strip() != "watching":
            self._watcher.wait()
            raise RuntimeError("benchmarks.memory: the watching process did not start "
                               "(is psutil installed? make .venv/.bench-deps)")
        return self

    def __exit__(self, *exc: object) -> None:
        out, _ = self._watcher.communicate("")  # closing its input stops it
        self.peaks = {int(pid): peak for pid, peak in json.loads(out).items()}


def watch(parent: int, every: float) -> dict[int, float]:
    """Until this process's input closes, the peak of each descendant of `parent` other
    than this process (`Descendants` runs it)."""
    import psutil

    peaks: dict[int, float] = {}
    me = os.getpid()
    print("watching", flush=True)
    while True:
        try:
            children = psutil.Process(parent).children(recursive=True)
        except psutil.Error:
            children = []
        for child in children:
            peak = None if child.pid == me else peak_mb(child.pid)
            if peak is not None:
                peaks[child.pid] = max(peak, peaks.get(child.pid, 0.0))
        if select.select([sys.stdin], [], [], every)[0]:
            return peaks  # the input closed


if __name__ == "__main__":
    print(json.dumps(watch(int(sys.argv[1]), float(sys.argv[2]))))
