"""Fingerprints of an analysis's answers, to show that a speed change moved none.

``python -m benchmarks.answers [FOLDER ...] --on 2021-04-06`` prints, for each project
folder (default: the bundled sample), the md5 of its sites table (every column, the
geometry as WKB) and of its route lines (ids, lengths and WKB), as the analysis gives
them in memory; ``--sizes 0,20000`` does the same for generated projects (seed 1; size 0
is the bundled sample on 2021-04-06). Run it before and after a change; equal digests,
equal answers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from typing import Any

import shapely


def fingerprint(analysis: Any) -> dict[str, str]:
    """md5 of the sites table and of the route lines of `analysis`."""
    out = {}
    for name in ("sites", "routes"):
        frame = getattr(analysis, name)
        table = frame.drop(columns=frame.geometry.name).to_csv(index=False)
        wkb = shapely.to_wkb(frame.geometry.values, hex=True)
        digest = hashlib.md5(table.encode())
        digest.update("\n".join(map(str, wkb)).encode())
        out[name] = digest.hexdigest()
    return out


def main(argv: list[str] | None = None) -> None:
    """Print the fingerprints of each folder's (or size's) analysis as JSON."""
    from asmap import geo, layers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--on", default="2021-04-06")
    parser.add_argument("--engine", default="local")
    parser.add_argument("--sizes", help="generated projects of these sizes (0: the sample)")
    args = parser.parse_args(argv)
    result = {}
    if args.sizes:
        from benchmarks.generate import ON, generate_layers

        for n in (int(s) for s in args.sizes.split(",")):
            project = layers.load(layers.sample_path()) if n == 0 else generate_layers(n, seed=1)
            analysis = geo.analyze(project, on="2021-04-06" if n == 0 else ON,
                                   engine=args.engine)
            result[str(n)] = fingerprint(analysis)
    for folder in args.folders or ([] if args.sizes else [str(layers.sample_path())]):
        analysis = geo.analyze(layers.load(folder), on=args.on, engine=args.engine)
        result[folder] = fingerprint(analysis)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
