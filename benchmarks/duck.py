"""The core of `asmap analyze` as a DuckDB-spatial SQL pipeline, for comparison.

What a skilled DuckDB user writes for the same question: read every layer from the
project's GeoPackage with ``ST_Read``, move it to UTM 48N with ``ST_Transform``, clip
the sites to the soum, take away the river buffers (``ST_Buffer``), restricted zones,
reclamation in force and the zones of posts standing on the day (``ST_Union_Agg`` of
the zones each site meets, then ``ST_Difference``), pick the license in force with the
largest overlap (``arg_max`` of ``ST_Area(ST_Intersection(...))``) and write the sites
as GeoParquet (``COPY ... TO``). It draws no routes, finds no posts on the way and
checks nothing, so the comparison flatters it.

``python -m benchmarks.duck FOLDER --out sites.parquet`` prints the seconds of each
phase as JSON. The spatial extension comes from the ``duckdb-extension-spatial`` wheel
(PyPI), loaded from its file: ``INSTALL spatial`` needs DuckDB's own extension server.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from benchmarks.generate import ON

#: The rules of the generated projects' asmap.toml, as the SQL uses them.
RULES = {"river_buffer_m": 200, "post_radius_m": 300, "reclamation_notice_days": 90}
METRIC = "EPSG:32648"
#: A pick is unique when no other license overlaps within 100 m² of the largest overlap
#: (asmap's tie rule, `geo.licenses.TIE_HA`) and the overlap is over 1 m².
UNIQUE = {"tie_m2": 100, "min_overlap_m2": 1}
LAYERS = ("boundary", "tailings", "licenses", "reclamation", "restricted", "posts", "rivers")

ANALYSE = """
CREATE TABLE soum AS SELECT ST_Union_Agg(geom) AS geom FROM boundary;
CREATE TABLE zones AS
    SELECT ST_Buffer(geom, {river_buffer_m}, 16) AS geom FROM rivers
    UNION ALL SELECT geom FROM restricted
    UNION ALL SELECT geom FROM reclamation
        WHERE lower(status) IN ('in_progress', 'completed')
           OR (lower(status) = 'planned' AND (start_date IS NULL
               OR CAST(start_date AS DATE) <= DATE '{on}' + INTERVAL {reclamation_notice_days} DAY))
    UNION ALL SELECT ST_Buffer(geom, CASE WHEN radius_m > 0 THEN radius_m
                                          ELSE {post_radius_m} END, 64) FROM posts
        WHERE (start_date IS NULL OR CAST(start_date AS DATE) <= DATE '{on}')
          AND (end_date IS NULL OR CAST(end_date AS DATE) >= DATE '{on}');
CREATE TABLE clipped AS
    SELECT t.site_id, ST_Intersection(t.geom, s.geom) AS geom FROM tailings t, soum s;
CREATE TABLE available AS
    SELECT c.site_id,
           CASE WHEN count(z.geom) = 0 THEN any_value(c.geom)
                ELSE ST_Difference(any_value(c.geom), ST_Union_Agg(z.geom)) END AS geom
    FROM clipped c LEFT JOIN zones z ON ST_Intersects(c.geom, z.geom)
    GROUP BY c.site_id;
CREATE TABLE counting AS SELECT license_id, holder, geom FROM licenses
    WHERE coalesce(lower(status), 'active') = 'active'
      AND (start_date IS NULL OR CAST(start_date AS DATE) <= DATE '{on}')
      AND (end_date IS NULL OR CAST(end_date AS DATE) >= DATE '{on}');
CREATE TABLE overlap_pairs AS
    SELECT t.site_id, l.license_id, l.holder,
           ST_Area(ST_Intersection(t.geom, l.geom)) AS overlap
    FROM tailings t JOIN counting l ON ST_Intersects(t.geom, l.geom);
CREATE TABLE picks AS
    SELECT site_id, arg_max(license_id, overlap) AS license_id,
           arg_max(holder, overlap) AS holder, max(overlap) AS overlap,
           count(*) FILTER (WHERE overlap >= max_overlap - {tie_m2}) AS tied
    FROM (SELECT *, max(overlap) OVER (PARTITION BY site_id) AS max_overlap FROM overlap_pairs)
    GROUP BY site_id;
CREATE TABLE result AS
    SELECT a.site_id, ST_Area(a.geom) / 10000 AS available_ha, p.license_id, p.holder,
           coalesce(p.tied, 0) = 1 AND p.overlap > {min_overlap_m2} AS unique_pick,
           ST_Transform(a.geom, '{metric}', 'EPSG:4326', always_xy := true) AS geom
    FROM available a LEFT JOIN picks p USING (site_id);
"""


def connect():
    """A DuckDB connection with the spatial extension loaded from its PyPI wheel."""
    import duckdb
    import duckdb_extension_spatial

    con = duckdb.connect()
    folder = Path(duckdb_extension_spatial.__file__).parent / "extensions"
    [extension] = folder.glob(f"v{duckdb.__version__}/spatial.duckdb_extension")
    con.execute(f"LOAD '{extension}'")
    return con


def run(folder: Path, out: Path, *, on: str = ON) -> dict:
    """Read, analyse and write one project; seconds per phase (start-up included)."""
    t0 = time.perf_counter()
    con = connect()
    t1 = time.perf_counter()
    gpkg = folder / "project.gpkg"
    for layer in LAYERS:
        con.execute(f"CREATE TABLE {layer} AS SELECT * EXCLUDE (geom), ST_Transform(geom, "
                    f"'EPSG:4326', '{METRIC}', always_xy := true) AS geom "
                    f"FROM ST_Read('{gpkg}', layer = '{layer}')")
    t2 = time.perf_counter()
    con.execute(ANALYSE.format(on=on, metric=METRIC, **RULES, **UNIQUE))
    t3 = time.perf_counter()
    con.execute(f"COPY result TO '{out}' (FORMAT parquet)")
    t4 = time.perf_counter()
    return {"startup_s": t1 - t0, "read_s": t2 - t1, "analyze_s": t3 - t2, "write_s": t4 - t3}


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m benchmarks.duck FOLDER --out sites.parquet``."""
    started = time.perf_counter()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--on", default=ON)
    args = parser.parse_args(argv)
    phases = run(args.folder, args.out, on=args.on)
    phases["in_process_s"] = time.perf_counter() - started
    print(json.dumps(phases))


if __name__ == "__main__":
    main()
