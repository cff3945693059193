"""How long the commands people type take before they do anything.

``asmap --help`` and ``asmap --version`` (which should import no geospatial module)
and ``asmap validate`` on the bundled sample, each run as a fresh process, the median
of several runs. Results go to ``benchmarks/results_startup.json``.

Usage::

    python -m benchmarks.startup [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASMAP = str(Path(sys.executable).with_name("asmap"))
#: The interpreter alone first: what no change to asmap can take away on this machine.
COMMANDS = {"python -c pass": [sys.executable, "-c", "pass"],
            "asmap --help": [ASMAP, "--help"], "asmap --version": [ASMAP, "--version"],
            "asmap validate (sample)": [ASMAP, "validate"]}


def wall(argv: list[str]) -> float:
    """Seconds from process start to exit."""
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    """Command line; prints a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    results = {name: [wall(cmd) for _ in range(args.repeats)] for name, cmd in COMMANDS.items()}
    (HERE / "results_startup.json").write_text(json.dumps(results, indent=1) + "\n")
    print("| command | median s | min s | max s |\n|---|---:|---:|---:|")
    for name, times in results.items():
        print(f"| `{name}` | {statistics.median(times):.2f} | {min(times):.2f} | "
              f"{max(times):.2f} |")


if __name__ == "__main__":
    main()
