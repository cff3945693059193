"""Fingerprints of the answers: md5 of the sites table and of the route lines.

Speed and refactoring work must leave the answers alone; run this before and after a
change and compare (``python -m benchmarks.answers --sizes 0,20000``; size 0 is the
bundled sample on 2021-04-06, other sizes are generated projects, seed 1).
"""

from __future__ import annotations

import argparse
import hashlib
import json

import shapely

from asmap import geo, layers
from benchmarks.generate import ON, generate_layers


def fingerprint(analysis) -> dict[str, str]:
    """md5 of the sites' attributes (as CSV) and of the route lines (as WKB)."""
    sites = analysis.sites.drop(columns=analysis.sites.geometry.name)
    routes = shapely.to_wkb(analysis.routes.geometry.values, output_dimension=2)
    return {"sites": hashlib.md5(sites.to_csv(index=False).encode()).hexdigest(),
            "routes": hashlib.md5(b"".join(r or b"" for r in routes)).hexdigest()}


def main() -> None:
    """Print the fingerprints of each size as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,20000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    out = {}
    for n in sizes:
        if n == 0:
            analysis = geo.analyze(layers.load(layers.sample_path()), on="2021-04-06")
        else:
            analysis = geo.analyze(generate_layers(n, seed=1), on=ON)
        out[str(n)] = fingerprint(analysis)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
