"""`benchmarks.memory` measures a process's own peak, not its parent's, and sees the peaks
of the processes a measurement starts."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from benchmarks.memory import Descendants, own_peak_mb, peak_mb

ROOT = Path(__file__).resolve().parent.parent
#: A child that reports its own peak as `benchmarks.memory` reads it and as getrusage does.
REPORT = ("import json, resource; from benchmarks.memory import own_peak_mb; "
          "print(json.dumps([own_peak_mb(), resource.getrusage(resource.RUSAGE_SELF)"
          ".ru_maxrss / 1024]))")


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def test_a_child_of_a_large_process_reports_its_own_small_peak():
    # the parent holds 800 MB, lets it go, then starts the child: getrusage would say
    # the child peaked at the parent's 800 MB (the mark survives vfork and exec)
    parent = ("import json, subprocess, sys; import numpy as np; "
              "a = np.ones(100_000_000); del a; "
              "from benchmarks.memory import own_peak_mb; "
              f"child = subprocess.run([sys.executable, '-c', {REPORT!r}], "
              "capture_output=True, text=True, check=True).stdout; "
              "print(json.dumps([own_peak_mb(), json.loads(child)]))")
    parent_peak, (child_peak, child_maxrss) = json.loads(_python(parent))
    assert parent_peak > 750
    assert child_peak < 300
    assert child_maxrss >= child_peak


def test_own_peak_is_this_process_peak():
    assert own_peak_mb() == peak_mb("self") > 0
    assert peak_mb(2**22 + 12345) is None  # no such process


def _watched(code: str) -> dict:
    """`Descendants` around `code`, run in a fresh process: one with no other children
    (pytest's own process may have some, a browser among them)."""
    return json.loads(_python(
        "import json, subprocess, sys; from benchmarks.memory import Descendants\n"
        "with Descendants() as others:\n"
        f"    {code}\n"
        "print(json.dumps({'peak': others.peak_mb, 'pids': len(others.peaks)}))"))


def test_descendants_sees_the_peak_of_a_child_that_has_ended():
    big = ("import time; import numpy as np; a = np.ones(50_000_000); "
           "time.sleep(1.0)")
    seen = _watched(f"subprocess.run([sys.executable, '-c', {big!r}], check=True)")
    assert 390 < seen["peak"] < 900  # 400 MB of ones and the interpreter
    assert seen["pids"] == 1


def test_descendants_of_nothing_is_zero():
    assert _watched("pass") == {"peak": 0.0, "pids": 0}


def test_descendants_runs_no_thread_here():
    # the atlas forks its drawing processes only when no other thread runs
    before = threading.active_count()
    with Descendants():
        assert threading.active_count() == before
