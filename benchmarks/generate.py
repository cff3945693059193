"""A deterministic synthetic project at any scale, for benchmarks and scale tests.

Tailings sites of 0.3-20 ha lie along meandering river valleys in a region whose
area grows with the number of sites, centred in Töv aimag (UTM zone 48N) so that the
analysis measures in EPSG:32648. Every layer kind is written with its catalogue
columns; licenses, reclamation areas and restricted zones sit on top of sites so the
analysis has real overlaps to resolve, and the road network is a jittered grid with
diagonal tracks that cross it without a shared vertex.

Everything is built with numpy arrays and vectorized shapely 2 calls (no Python loop
over sites), so a million sites take seconds. The same seed gives the same values.

Usage::

    python -m benchmarks.generate --sites 100000 --out /tmp/bench100k [--format gpkg]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

import geopandas as gpd
import pyproj
import shapely

from asmap.layers.atomic import atomic_dir

UTM48N = "EPSG:32648"
WGS84 = "EPSG:4326"
#: Centre of the region in UTM 48N metres: about 48.2 N, 105.0 E (Zaamar's latitude).
CENTRE = (500_000.0, 5_340_000.0)
#: Day the benchmark analyses on (the Zaamar focus group); dates are drawn around it.
ON = "2021-04-06"
FORMATS = ("gpkg", "geojson", "fgb")


def region_km(n_sites: int) -> float:
    """Side of the square region in km: 40 km per 1,000 sites' square root, 30-400 km."""
    return float(np.clip(40.0 * np.sqrt(n_sites / 1000.0), 30.0, 400.0))


#: The dense project (``--dense``): how many sites per license, reclamation area and
#: restricted zone, and the natural log of the largest license in hectares (the
#: realistic project: 20, 50, 200 and e^7.5, about 1,800 ha).
DENSE = {"licenses": 10, "reclamation": 10, "restricted": 20, "license_ln_max_ha": np.log(5000)}
REALISTIC = {"licenses": 20, "reclamation": 50, "restricted": 200, "license_ln_max_ha": 7.5}


def generate_layers(n_sites: int, *, seed: int = 0,
                    dense: bool = False) -> dict[str, gpd.GeoDataFrame]:
    """
    Build every layer kind for a synthetic project of `n_sites` tailings sites.

    Parameters
    ----------
    n_sites
        Number of tailings sites (>= 1).
    seed
        Seed of the random generator; the same seed gives the same layers.
    dense
        Many more and larger licenses, reclamation areas and restricted zones (`DENSE`).

    Returns
    -------
    dict
        Layer kind -> GeoDataFrame in EPSG:4326 with the catalogue columns.
    """
    if n_sites < 1:
        raise ValueError(f"n_sites must be at least 1, got {n_sites}")
    rng = np.random.default_rng(seed)
    density = DENSE if dense else REALISTIC
    side = region_km(n_sites) * 1000.0
    rivers = _rivers(rng, n_sites, side)
    tailings = _tailings(rng, n_sites, rivers)
    roads = _roads(rng, n_sites, side)
    frames = {
        "boundary": _boundary(rng, side),
        "tailings": tailings,
        "licenses": _licenses(rng, n_sites, tailings, density),
        "reclamation": _reclamation(rng, n_sites, tailings, density),
        "restricted": _restricted(rng, n_sites, tailings, density),
        "posts": _posts(rng, n_sites, roads),
        "rivers": rivers,
        "roads": roads,
        "settlements": _settlements(rng, n_sites, side),
    }
    return {kind: _to_wgs84(frame) for kind, frame in frames.items()}


def write_project(frames: dict[str, gpd.GeoDataFrame], folder: str | Path, *,
                  fmt: str = "gpkg", n_sites: int | None = None, seed: int = 0) -> Path:
    """
    Write layers and an `asmap.toml` into a project folder (atomically).

    Parameters
    ----------
    frames
        Layer kind -> GeoDataFrame, as `generate_layers` returns.
    folder
        The project folder to create or replace.
    fmt
        ``gpkg`` (one ``project.gpkg`` whose layer names are kinds), ``geojson`` or
        ``fgb`` (one file per kind).
    n_sites, seed
        Recorded in the settings file's source notes.

    Returns
    -------
    Path
        The folder.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    folder = Path(folder)
    with atomic_dir(folder) as tmp:
        tmp = Path(tmp)
        for kind, frame in frames.items():
            if fmt == "gpkg":
                frame.to_file(tmp / "project.gpkg", layer=kind, driver="GPKG", engine="pyogrio")
            else:
                driver = {"geojson": "GeoJSON", "fgb": "FlatGeobuf"}[fmt]
                frame.to_file(tmp / f"{kind}.{fmt}", driver=driver, engine="pyogrio")
        (tmp / "asmap.toml").write_text(_settings_text(n_sites, seed), encoding="utf-8")
    return folder


def generate(n_sites: int, out: str | Path, *, seed: int = 0, fmt: str = "gpkg",
             dense: bool = False) -> Path:
    """Generate a project of `n_sites` sites and write it to `out`; returns the folder."""
    return write_project(generate_layers(n_sites, seed=seed, dense=dense), out, fmt=fmt,
                         n_sites=n_sites, seed=seed)


# --- layers -----------------------------------------------------------------------

def _rivers(rng: np.random.Generator, n_sites: int, side: float) -> gpd.GeoDataFrame:
    """Meandering river lines crossing the region, plus a few dredge ponds (polygons)."""
    n = int(np.clip(round(6 * np.sqrt(n_sites / 1000.0)), 3, 150))
    n_vertices = 300
    start = _local(np.column_stack([np.full(n, -0.47 * side),
                                    rng.uniform(-0.5, 0.5, n) * side]))
    heading = rng.uniform(-0.6, 0.6, n)[:, None] + np.cumsum(
        rng.normal(0.0, 0.08, (n, n_vertices - 1)), axis=1)
    heading = np.clip(heading, -1.2, 1.2)
    step = 1.1 * side / n_vertices
    steps = np.stack([np.cos(heading), np.sin(heading)], axis=-1) * step
    coords = np.concatenate([start[:, None, :], start[:, None, :] + np.cumsum(steps, 1)], 1)
    lines = shapely.linestrings(_fold(coords, 0.47 * side))
    n_ponds = max(1, n // 3)
    pond_at = shapely.line_interpolate_point(lines[:n_ponds], rng.uniform(0.2, 0.8, n_ponds),
                                             normalized=True)
    ponds = _blobs(rng, shapely.get_coordinates(pond_at), rng.uniform(5, 40, n_ponds) * 1e4)
    names = [f"River {i + 1}" for i in range(n)] + [f"Pond {i + 1}" for i in range(n_ponds)]
    return _frame({"name": names}, np.concatenate([lines, ponds]))


def _tailings(rng: np.random.Generator, n: int, rivers: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Sites of 0.3-20 ha (log-uniform) scattered across the valleys; 2 % are two-part."""
    lines = rivers.geometry.values[shapely.get_type_id(rivers.geometry.values) == 1]
    along = shapely.line_interpolate_point(lines[rng.integers(0, len(lines), n)],
                                           rng.uniform(0.02, 0.98, n), normalized=True)
    centres = shapely.get_coordinates(along) + rng.normal(0.0, 1500.0, (n, 2))
    area_m2 = np.exp(rng.uniform(np.log(0.3), np.log(20.0), n)) * 1e4
    geoms = _blobs(rng, centres, area_m2)
    two = rng.random(n) < 0.02
    if two.any():
        offset = rng.normal(0.0, 1.0, (int(two.sum()), 2))
        offset *= (np.sqrt(area_m2[two]) * 2.0 / np.linalg.norm(offset, axis=1))[:, None]
        extra = _blobs(rng, centres[two] + offset, area_m2[two] / 3)
        parts = np.stack([geoms[two], extra], axis=1).ravel()
        index = np.repeat(np.arange(two.sum()), 2)
        geoms[two] = shapely.multipolygons(parts, indices=index)
    stage = rng.choice(["mined_out", "active", "reclaiming", "reclaimed"], n,
                       p=[0.6, 0.2, 0.12, 0.08])
    return _frame({
        "site_id": _ids("T", n),
        "name": _ids("Site ", n),
        "stage": stage,
        "operator": rng.choice(["Company A", "Company B", "Company C", None], n),
        "contact": np.where(rng.random(n) < 0.1, "+976 9911 0000", None),
        # issue 14: when mining ended (no random draw, so the other values stay the same)
        "mined_out_on": [f"2020-{i % 12 + 1:02d}-15" if s == "mined_out" else None
                         for i, s in enumerate(stage)],
    }, geoms)


def _licenses(rng: np.random.Generator, n_sites: int, sites: gpd.GeoDataFrame,
              density: dict) -> gpd.GeoDataFrame:
    """Rectangular cadastre licenses over sites, some overlapping, some expired."""
    n = max(2, n_sites // density["licenses"])
    kind = rng.choice(["mining", "exploration", "asm"], n, p=[0.5, 0.3, 0.2])
    top = density["license_ln_max_ha"]
    area = np.where(kind == "asm", rng.uniform(5, 50, n), np.exp(rng.uniform(4, top, n))) * 1e4
    aspect = rng.uniform(0.5, 2.0, n)
    centres = _centres_near(rng, sites, n, jitter=300.0)
    half = np.stack([np.sqrt(area * aspect), np.sqrt(area / aspect)], axis=1) / 2
    geoms = shapely.box(*(centres - half).T, *(centres + half).T)
    start = _dates(rng, "2005-01-01", "2020-12-31", n)
    years = rng.integers(3, 30, n)
    end = pd.Series(start + pd.to_timedelta(years * 365, unit="D"))
    end = end.where(rng.random(n) > 0.2)
    prefix = pd.Series(kind).map({"mining": "MV-", "exploration": "XV-", "asm": "ASM-"})
    return _frame({
        "license_id": prefix + pd.Series(np.arange(1, n + 1)).map("{:06d}".format),
        "holder": [f"Holder {i}" for i in rng.integers(1, max(2, n // 3), n)],
        "kind": kind,
        "status": rng.choice(["active", "expired", "revoked", "suspended"], n,
                             p=[0.8, 0.1, 0.05, 0.05]),
        "start_date": start.strftime("%Y-%m-%d"),
        "end_date": end.dt.strftime("%Y-%m-%d"),
        "contact": np.where(rng.random(n) < 0.2, "licensing office", None),
    }, geoms)


def _reclamation(rng: np.random.Generator, n_sites: int, sites: gpd.GeoDataFrame,
                 density: dict) -> gpd.GeoDataFrame:
    """Reclamation areas of 5-60 ha on sites: planned (some soon, some later) or under way."""
    n = max(2, n_sites // density["reclamation"])
    geoms = _blobs(rng, _centres_near(rng, sites, n, jitter=200.0), rng.uniform(5, 60, n) * 1e4)
    status = rng.choice(["planned", "in_progress", "completed"], n, p=[0.5, 0.3, 0.2])
    start = pd.Series(_dates(rng, "2019-01-01", "2023-12-31", n))
    start = start.where(rng.random(n) > 0.1)
    return _frame({
        "area_id": _ids("R", n),
        "status": status,
        "start_date": start.dt.strftime("%Y-%m-%d"),
        "company": rng.choice(["Company A", "Company B", "Company C"], n),
    }, geoms)


def _restricted(rng: np.random.Generator, n_sites: int, sites: gpd.GeoDataFrame,
                density: dict) -> gpd.GeoDataFrame:
    """Security, protected and water zones of 20-500 ha near sites."""
    n = max(1, n_sites // density["restricted"])
    area = np.exp(rng.uniform(np.log(20), np.log(500), n)) * 1e4
    geoms = _blobs(rng, _centres_near(rng, sites, n, jitter=1000.0), area)
    return _frame({
        "zone_id": _ids("Z", n),
        "kind": rng.choice(["security", "protected", "water", "other"], n, p=[.4, .3, .2, .1]),
        "name": _ids("Zone ", n),
    }, geoms)


def _posts(rng: np.random.Generator, n_sites: int, roads: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Police and company posts beside roads, with dates and (half of them) a radius."""
    n = max(1, n_sites // 500)
    on_road = shapely.line_interpolate_point(roads.geometry.values[rng.integers(0, len(roads), n)],
                                             rng.uniform(0, 1, n), normalized=True)
    xy = shapely.get_coordinates(on_road) + rng.normal(0, 50.0, (n, 2))
    start = pd.Series(_dates(rng, "2019-06-01", "2021-03-31", n))
    end = (start + pd.to_timedelta(rng.integers(30, 900, n), unit="D")).where(rng.random(n) > .3)
    return _frame({
        "post_id": _ids("P", n),
        "authority": rng.choice(["police", "company", "other"], n, p=[0.6, 0.3, 0.1]),
        "name": _ids("Post ", n),
        "radius_m": np.where(rng.random(n) < 0.5, rng.uniform(100, 1000, n).round(), np.nan),
        "start_date": start.dt.strftime("%Y-%m-%d"),
        "end_date": end.dt.strftime("%Y-%m-%d"),
        "observed_on": (start + pd.to_timedelta(5, unit="D")).dt.strftime("%Y-%m-%d"),
        "precision_m": rng.choice([5.0, 10.0, 50.0], n),
    }, shapely.points(xy))


def _roads(rng: np.random.Generator, n_sites: int, side: float) -> gpd.GeoDataFrame:
    """A jittered grid of road segments meeting at shared nodes, plus crossing tracks."""
    g = max(2, round(np.sqrt(n_sites / 200.0)))
    spacing = side / g
    ij = np.stack(np.meshgrid(np.arange(g + 1), np.arange(g + 1), indexing="ij"), -1)
    nodes = (ij * spacing - side / 2 + _local(np.zeros((1, 2)))
             + rng.uniform(-0.2, 0.2, ij.shape) * spacing)
    ends = np.concatenate([
        np.stack([nodes[:-1, :], nodes[1:, :]], 2).reshape(-1, 2, 2),
        np.stack([nodes[:, :-1], nodes[:, 1:]], 2).reshape(-1, 2, 2),
    ])
    t = np.linspace(0, 1, 8)[None, :, None]
    coords = ends[:, :1] + (ends[:, 1:] - ends[:, :1]) * t
    coords[:, 1:-1] += rng.normal(0, spacing * 0.03, coords[:, 1:-1].shape)
    n_tracks = max(1, g // 3)
    a = _local(rng.uniform(-0.45, 0.45, (n_tracks, 2)) * side)
    b = _local(rng.uniform(-0.45, 0.45, (n_tracks, 2)) * side)
    tracks = a[:, None] + (b - a)[:, None] * np.linspace(0, 1, 5)[None, :, None]
    geoms = np.concatenate([shapely.linestrings(coords), shapely.linestrings(tracks)])
    n = len(geoms)
    surface = np.where(np.arange(n) < len(coords),
                       rng.choice(["paved", "gravel", "track"], n, p=[.2, .5, .3]), "track")
    return _frame({"road_id": _ids("RD", n), "surface": surface}, geoms)


def _settlements(rng: np.random.Generator, n_sites: int, side: float) -> gpd.GeoDataFrame:
    """The base at the centre of the region and a few other settlements."""
    n = max(3, n_sites // 5000)
    xy = _local(rng.uniform(-0.4, 0.4, (n, 2)) * side)
    xy[0] = CENTRE
    names = ["Bat-Ölzii (synthetic)"] + [f"Settlement {i}" for i in range(1, n)]
    return _frame({"name": names, "is_base": np.arange(n) == 0}, shapely.points(xy))


def _boundary(rng: np.random.Generator, side: float) -> gpd.GeoDataFrame:
    """One soum-like polygon covering most of the region (corners stay outside)."""
    angle = np.linspace(0, 2 * np.pi, 361)[:-1]
    wobble = np.convolve(np.pad(rng.normal(0, 0.08, 360), 10, mode="wrap"),
                         np.ones(21) / 21, mode="valid")
    radius = side * 0.52 * (1 + wobble)
    ring = _local(np.stack([np.cos(angle), np.sin(angle)], 1) * radius[:, None])
    return _frame({"name": ["Synthetic soum"]}, np.array([shapely.Polygon(ring)]))


# --- helpers ----------------------------------------------------------------------

def _blobs(rng: np.random.Generator, centres: np.ndarray, area_m2: np.ndarray,
           k: int = 10) -> np.ndarray:
    """Star-shaped (hence valid) irregular polygons of exactly `area_m2` around centres."""
    n = len(centres)
    angle = np.linspace(0, 2 * np.pi, k, endpoint=False)[None, :] + rng.uniform(0, 1, (n, 1))
    radius = rng.uniform(0.7, 1.3, (n, k)) * rng.uniform(0.6, 1.0, (n, 1)) ** (
        np.cos(2 * angle) > 0)
    xy = np.stack([np.cos(angle) * radius, np.sin(angle) * radius], -1)
    x, y = xy[..., 0], xy[..., 1]
    unit_area = 0.5 * np.abs(np.sum(x * np.roll(y, -1, 1) - np.roll(x, -1, 1) * y, axis=1))
    xy *= np.sqrt(area_m2 / unit_area)[:, None, None]
    xy = xy + centres[:, None, :]
    return shapely.polygons(np.concatenate([xy, xy[:, :1]], axis=1))


def _fold(coords: np.ndarray, half: float) -> np.ndarray:
    """Reflect coordinates at the edges of the square of half-side `half` (rivers meander
    back instead of leaving the region)."""
    u = np.mod(coords - np.array(CENTRE) + half, 4 * half)
    return np.where(u < 2 * half, u, 4 * half - u) - half + np.array(CENTRE)


def _centres_near(rng: np.random.Generator, sites: gpd.GeoDataFrame, n: int, *,
                  jitter: float) -> np.ndarray:
    pick = rng.integers(0, len(sites), n)
    xy = shapely.get_coordinates(shapely.centroid(sites.geometry.values[pick]))
    return xy + rng.normal(0, jitter, (n, 2))


def _local(offsets: np.ndarray) -> np.ndarray:
    return np.asarray(offsets, dtype=float) + np.array(CENTRE)


def _dates(rng: np.random.Generator, first: str, last: str, n: int) -> pd.DatetimeIndex:
    lo, hi = pd.Timestamp(first), pd.Timestamp(last)
    days = rng.integers(0, (hi - lo).days + 1, n)
    return pd.DatetimeIndex(lo + pd.to_timedelta(days, unit="D"))


def _ids(prefix: str, n: int) -> list[str]:
    width = max(5, len(str(n)))
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def _frame(columns: dict, geoms: np.ndarray) -> gpd.GeoDataFrame:
    data = {k: (v.to_numpy() if isinstance(v, (pd.Series, pd.Index)) else v)
            for k, v in columns.items()}
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=UTM48N).values, crs=UTM48N)


def _to_wgs84(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    transformer = pyproj.Transformer.from_crs(UTM48N, WGS84, always_xy=True)
    geoms = shapely.transform(frame.geometry.values, lambda xy: np.column_stack(
        transformer.transform(xy[:, 0], xy[:, 1])))
    out = frame.copy()
    out.geometry = gpd.GeoSeries(shapely.set_precision(geoms, 1e-7), crs=WGS84).values
    return out.set_crs(WGS84, allow_override=True)


def _settings_text(n_sites: int | None, seed: int) -> str:
    note = f"synthetic benchmark data: {n_sites} sites, seed {seed}; not a real place"
    lines = ["# Synthetic project written by `python -m benchmarks.generate`.", "",
             "[rules]", "min_area_ha = 0.5", "river_buffer_m = 200", "post_radius_m = 300",
             "reclamation_notice_days = 90", "max_route_km = 40", ""]
    for kind in ("tailings", "licenses", "roads"):
        lines += [f"[sources.{kind}]", 'source = "benchmarks.generate"',
                  f'as_of = "{ON}"', f'note = "{note}"', ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m benchmarks.generate --sites N --out FOLDER``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, required=True, help="number of tailings sites")
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=FORMATS, default="gpkg", dest="fmt")
    parser.add_argument("--dense", action="store_true",
                        help="licenses n/10 of up to 5,000 ha, reclamation n/10, restricted n/20")
    args = parser.parse_args(argv)
    generate(args.sites, args.out, seed=args.seed, fmt=args.fmt, dense=args.dense)


if __name__ == "__main__":
    main()
