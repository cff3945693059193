"""Generate the bundled illustrative sample for Zaamar soum: `layers/data/zaamar/`.

Only the soum boundary is real (geoBoundaries, OpenStreetMap-derived, ODbL). Everything
else is synthetic: built in UTM 48N metres around real anchors (the soum centre
Bat-Ölzii, the Tuul valley along the west of the soum), from explicit numbers, so the
output is the same on every run. The script checks its own design with shapely (which
site gets which reason and note on 2021-04-06, the day of the focus group) before it
replaces the folder.

Run: .venv/bin/python scripts/make_sample.py [--boundary PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
from datetime import date
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

import geopandas as gpd
import pyogrio
import shapely
from pyproj import Transformer
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import nearest_points, substring

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from asmap.layers.atomic import atomic_dir  # noqa: E402
from asmap.layers.settings import RULES  # noqa: E402

OUT = ROOT / "layers" / "data" / "zaamar"
SHARED = ROOT.parent / "shared" / "data" / "geoboundaries"
SHAPE_ID = "MNG-ADM2-30978026B31941396"
UTM = "EPSG:32648"
CREDIT = "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries"
SYNTHETIC = ("Illustrative sample: synthetic data made up for demonstration by "
             "scripts/make_sample.py; not official, not real {what}.")
BASE = Transformer.from_crs("EPSG:4326", UTM, always_xy=True).transform(104.77389, 48.21667)
"""Bat-Ölzii, the soum centre and base settlement, in UTM 48N."""

# The Tuul, south to north, then on to the Orkhon confluence (48.9487 N 104.7981 E).
TUUL_AXIS = [(466500, 5300500), (462800, 5308000), (460500, 5314500), (458800, 5320000),
             (456500, 5327000), (455000, 5333000), (456200, 5339000), (458300, 5345000),
             (461000, 5350500), (466000, 5356500), (467800, 5362000), (469000, 5368000),
             (469500, 5375000), (471500, 5382500), (474000, 5390000), (479000, 5405000),
             (483500, 5415000), (485217, 5421773)]


def tuul() -> LineString:
    """The Tuul: the axis above, densified and given gentle meanders (300 m, 5 km)."""
    axis = shapely.segmentize(LineString(TUUL_AXIS), 400)
    coords = np.asarray(axis.coords)
    s = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(coords, axis=0).T))])
    tangent = np.gradient(coords, axis=0)
    normal = np.column_stack([tangent[:, 1], -tangent[:, 0]])
    normal /= np.hypot(*normal.T)[:, None]
    wiggle = 300 * np.sin(2 * np.pi * s / 5000) * np.clip(s / 3000, 0, 1)
    return LineString(coords + normal * wiggle[:, None]).simplify(5)


RIVER = tuul()


def frame(s_km: float, off_m: float) -> tuple[float, float, float]:
    """Point `off_m` to the right (east) of the Tuul at `s_km` along it, and the valley angle.

    The direction is taken over 4 km, so the frame follows the valley, not every meander.
    """
    a, b = RIVER.interpolate(s_km * 1000 - 2000), RIVER.interpolate(s_km * 1000 + 2000)
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy)
    c = RIVER.interpolate(s_km * 1000)
    return c.x + off_m * dy / n, c.y - off_m * dx / n, math.atan2(dy, dx)


def quad(s0: float, s1: float, left_m: float, right_m: float) -> Polygon:
    """A four-corner block of the valley between `s0` and `s1` km (a cadastre-like shape)."""
    corners = [frame(s0, -left_m), frame(s1, -left_m), frame(s1, right_m), frame(s0, right_m)]
    return Polygon([(x, y) for x, y, _ in corners])


def blob(s_km: float, off_m: float, ha: float, aspect: float = 1.6, turn: float = 0.0,
         seed: int = 0) -> Polygon:
    """An irregular heap of about `ha` hectares, long side along the river (plus `turn` deg)."""
    x, y, angle = frame(s_km, off_m)
    rng = np.random.default_rng(seed)
    k = 10
    t = np.linspace(0, 2 * np.pi, k, endpoint=False) + rng.uniform(-0.15, 0.15, k)
    r = rng.uniform(0.88, 1.12, k)
    shape = Polygon(np.column_stack([aspect * r * np.cos(t), r * np.sin(t)]))
    shape = affinity.scale(shape, *(2 * [math.sqrt(ha * 10_000 / shape.area)]),
                                   origin=(0, 0))
    shape = affinity.rotate(shape, angle + math.radians(turn), origin=(0, 0),
                                    use_radians=True)
    return affinity.translate(shape, x, y)


def polyline(*points: tuple[float, float]) -> LineString:
    """A road or stream through explicit UTM points."""
    return LineString(points)


def on_river(s0: float, s1: float, off_m: float, step_km: float = 1.5) -> LineString:
    """A track following the Tuul at `off_m` from it between `s0` and `s1` km."""
    n = max(2, round((s1 - s0) / step_km) + 1)
    return LineString([frame(s, off_m)[:2] for s in np.linspace(s0, s1, n)])


# --- layers (UTM 48N) ----------------------------------------------------------------


def roads() -> list[dict]:
    """Gravel roads from Bat-Ölzii and the track along the east bank of the Tuul."""
    r1 = polyline(BASE, (476000, 5341800), (468500, 5344000), (462000, 5346300), (459900, 5347000))
    r2 = on_river(36, 81, 1400)
    at = r2.project(Point(frame(58.5, 1400)[:2]))
    r2 = LineString([*substring(r2, 0, at).coords, *substring(r2, at, r2.length).coords[1:]])
    west = polyline(r2.interpolate(at).coords[0], frame(58.3, -1200)[:2], (463900, 5358200))
    return [
        dict(road_id="R1", surface="gravel", name="Бат-Өлзий - Туулын хөндий", geometry=r1),
        dict(road_id="R2", surface="track", name="Туулын зүүн эргийн зам", geometry=r2),
        dict(road_id="R3", surface="gravel", name="Бат-Өлзий - Улаанбаатар",
             geometry=polyline(BASE, (488500, 5336500), (495000, 5330500), (502000, 5322500),
                               (508000, 5316000))),
        dict(road_id="R4", surface="gravel", name="Бат-Өлзий - Хайлааст",
             geometry=polyline(BASE, (482300, 5346000), (480000, 5353000), (476500, 5360000),
                               (473500, 5364500))),
        dict(road_id="R5", surface="gravel", name="Бат-Өлзий - Өлзийт",
             geometry=polyline(BASE, (475000, 5332000), (466000, 5325000), (459000, 5322000))),
        dict(road_id="R6", surface="track", name="Бат-Өлзий - зүүн",
             geometry=polyline(BASE, (488000, 5343500), (495000, 5347000), (503000, 5352000))),
        dict(road_id="R7", surface="track", name="Туулын гарам", geometry=west),
    ]


def rivers() -> list[dict]:
    """The Tuul (illustrative line) and a small tributary from the Zaamar range."""
    mouth = frame(33, 0)[:2]
    return [
        dict(name="Туул гол", geometry=RIVER),
        dict(name="Өлзийт гол (sample)",
             geometry=polyline((473000, 5324500), (470000, 5326000), (466500, 5327600),
                               (463000, 5329000), (460000, 5330500), mouth)),
    ]


def settlements() -> list[dict]:
    """Bat-Ölzii, the base, and three bag centres (illustrative names and places)."""
    return [
        dict(name="Бат-Өлзий", is_base=True, geometry=Point(BASE)),
        dict(name="Хайлааст баг (sample)", is_base=False, geometry=Point(473700, 5364700)),
        dict(name="Өлзийт баг (sample)", is_base=False, geometry=Point(470500, 5328600)),
        dict(name="Туул баг (sample)", is_base=False, geometry=Point(466300, 5345300)),
    ]


def posts(road_lines: dict[str, LineString]) -> list[dict]:
    """The five lockdown police posts on the roads out of Bat-Ölzii and a company gate."""
    police = [  # id, road, km out, radius_m, side, start, end, observed_on, precision_m
        ("ZP-01", "R1", 5.0, 500, "баруун", "2020-11-01", "2021-05-28", "2021-04-06", 10.0),
        ("ZP-02", "R3", 7.5, None, "зүүн өмнөд", "2020-11-04", "2021-06-02", "2020-12-15", 25.0),
        ("ZP-03", "R4", 4.0, 400, "хойд", "2020-11-07", "2021-05-28", "2021-04-06", 50.0),
        ("ZP-04", "R5", 6.0, None, "баруун өмнөд", "2020-11-10", "2021-06-02", "2020-12-15",
         10.0),
        ("ZP-05", "R6", 3.5, 500, "зүүн", "2020-11-13", "2021-05-28", "2021-04-06", 100.0),
    ]
    rows = [dict(post_id=pid, authority="police", name=f"Бат-Өлзийн {side} пост (sample)",
                 radius_m=radius, start_date=start, end_date=end, observed_on=seen,
                 precision_m=precision, geometry=road_lines[road].interpolate(km * 1000))
            for pid, road, km, radius, side, start, end, seen, precision in police]
    gate = road_lines["R2"].interpolate(road_lines["R2"].project(Point(frame(59.4, 1400)[:2])))
    rows.append(dict(post_id="ZP-06", authority="company", name="Компанийн харуул (sample)",
                     radius_m=None, start_date="2019-05-01", end_date=None,
                     observed_on="2021-03-20", precision_m=30.0, geometry=gate))
    return rows


def licenses() -> list[dict]:
    """Company licenses along the Tuul placer belt and one ASM permit (all fictional)."""
    def lic(lid, holder, kind, geom, start, end, status="active", contact=None):
        return dict(license_id=lid, holder=holder, kind=kind, status=status, start_date=start,
                    end_date=end, contact=contact, geometry=geom)
    return [
        lic("MV-011001", "Туул Алт ХХК (sample)", "mining", quad(45, 51.5, 900, 2600),
            "2008-03-12", "2038-03-11", contact="+976 9900-0001"),
        lic("MV-011002", "Заамар Голд ХХК (sample)", "mining", quad(53, 56.9, 900, 2400),
            "2010-06-01", "2040-05-31", contact="+976 9900-0002"),
        lic("MV-011003", "Орхон-Туул Майнинг ХХК (sample)", "mining", quad(36, 40.9, 800, 2500),
            "2004-05-20", "2019-05-19", status="expired", contact="+976 9900-0003"),
        lic("MV-011004", "Алтан Дэлгэр ХХК (sample)", "mining", quad(41, 44.9, 800, 2500),
            "2010-01-01", "2020-12-31", contact="+976 9900-0004"),
        lic("MV-011005", "Монгол Шороон Алт ХХК (sample)", "mining", quad(57, 62, 1000, 2800),
            "2012-09-15", "2042-09-14", contact="+976 9900-0005"),
        lic("MV-011006", "Хангай Ресурс ХХК (sample)", "mining", quad(27.5, 31, 900, 2200),
            "2011-04-01", "2041-03-31", status="suspended", contact="+976 9900-0006"),
        lic("XV-022001", "Стэпп Эксплорэйшн ХХК (sample)", "exploration",
            quad(76, 84, 1500, 3000), "2019-08-01", "2031-07-31", contact="+976 9900-0007"),
        lic("XV-022002", "Номин Хайгуул ХХК (sample)", "exploration", quad(20, 26.5, 1200, 2600),
            "2018-02-10", "2030-02-09", contact="+976 9900-0008"),
        lic("XV-022003", "Туул Хайгуул ХХК (sample)", "exploration", quad(63, 70, 1500, 3000),
            "2016-03-01", "2028-02-29", status="revoked", contact="+976 9900-0009"),
        lic("XV-022004", "Их Заамар Хайгуул ХХК (sample)", "exploration",
            Polygon([(488000, 5350000), (494000, 5350000), (494000, 5356000),
                     (488000, 5356000)]), "2020-07-01", "2032-06-30", contact="+976 9900-0010"),
        lic("ASM-2020-01", "Заамар Эмэгтэйчүүд нөхөрлөл (sample)", "asm",
            quad(51.25, 51.75, -450, 750), "2020-09-01", "2030-08-31",
            contact="+976 9900-0011"),
    ]


def tailings() -> list[dict]:
    """27 tailings sites along the Tuul: every stage, reason and note (see the README)."""
    def site(sid, name, stage, geom, operator=None, contact=None):
        return dict(site_id=sid, name=name, stage=stage, operator=operator, contact=contact,
                    mined_out_on=MINED_OUT_ON.get(sid), geometry=geom)
    tuul_alt, zaamar_gold = "Туул Алт ХХК (sample)", "Заамар Голд ХХК (sample)"
    msa, otm = "Монгол Шороон Алт ХХК (sample)", "Орхон-Туул Майнинг ХХК (sample)"
    return [
        site("ZT-01", "Их хаягдал", "mined_out", blob(46.2, 800, 8.0, seed=1), tuul_alt,
             "+976 9900-1001"),
        site("ZT-02", "Голын эргийн хаягдал", "mined_out", blob(47.6, 330, 10.0, 1.3, 90, 2),
             tuul_alt),
        site("ZT-03", "Нөхөрлөлийн зүүн", "mined_out", blob(51.38, 600, 1.2, seed=3), tuul_alt),
        site("ZT-04", "Нөхөрлөлийн баруун", "mined_out", blob(51.62, 600, 1.5, seed=4), None,
             "+976 9900-1004"),
        site("ZT-05", "Заамар Голд №2 уурхай", "active", blob(54.5, 900, 18.0, seed=5),
             zaamar_gold),
        site("ZT-06", "Нөхөн сэргээж буй хаягдал", "reclaiming", blob(49.0, 1800, 6.0, seed=6),
             tuul_alt),
        site("ZT-07", "Ногоон талбай", "reclaimed", blob(38.0, 900, 7.0, seed=7), otm),
        site("ZT-08", "Тэгшилсэн хаягдал", "mined_out", blob(49.6, 1900, 3.0, seed=8), tuul_alt),
        site("ZT-09", "Гүн нүх", "mined_out", blob(55.8, 1800, 9.0, seed=9), zaamar_gold),
        site("ZT-10", "Хойд хаягдал", "mined_out", blob(60.6, 800, 7.0, seed=10), msa),
        site("ZT-11", "Урд хаягдал", "mined_out", blob(46.8, 2000, 6.0, seed=11), tuul_alt),
        site("ZT-12", "Жижиг овоо", "mined_out", blob(48.2, 1200, 0.3, seed=12), tuul_alt),
        site("ZT-13", "Эргийн нарийн зурвас", "mined_out", blob(52.3, 180, 1.4, 2.5, seed=13)),
        site("ZT-14", "Хил дээрх хаягдал", "mined_out",
             blob(58.3, -3700, 4.0, turn=30, seed=14), None, "+976 9900-1014"),
        site("ZT-15", "Алс хойд хаягдал", "mined_out", blob(79.5, 900, 12.0, seed=15)),
        site("ZT-16", "Харуулын дэргэдэх", "mined_out", blob(58.6, 2300, 9.0, seed=16), msa),
        site("ZT-17", "Хаалганы хаягдал", "mined_out", blob(59.6, 1700, 4.0, seed=17), msa),
        site("ZT-18", "Хайгуулын талбайн хаягдал", "mined_out", blob(23.0, 900, 6.0, seed=18),
             "Номин Хайгуул ХХК (sample)"),
        site("ZT-19", "Эзэнгүй хаягдал", "mined_out", blob(52.4, 1300, 5.0, seed=19)),
        site("ZT-20", "Хуучин уурхай", "mined_out", blob(39.5, 1300, 11.0, seed=20), otm),
        site("ZT-21", "Дэлгэрийн хаягдал", "mined_out", blob(43.0, 1000, 7.5, seed=21),
             "Алтан Дэлгэр ХХК (sample)"),
        site("ZT-22", "Заамар Голд №1 уурхай", "active",
             MultiPolygon([blob(53.6, 1500, 12.0, seed=22), blob(54.1, 2100, 5.0, seed=23)]),
             zaamar_gold, "+976 9900-1022"),
        site("ZT-23", "Ихэр хаягдал", "mined_out",
             MultiPolygon([blob(56.3, 700, 4.0, seed=24), blob(56.6, 1150, 2.5, seed=25)]),
             zaamar_gold),
        site("ZT-24", "Булгийн хаягдал", "mined_out", blob(40.4, 700, 5.0, seed=26), otm),
        site("ZT-25", "Сэргээсэн зурвас", "reclaimed",
             MultiPolygon([blob(37.0, 1600, 6.0, seed=27), blob(37.4, 2200, 3.0, seed=28)]),
             otm),
        site("ZT-26", "Өлзийтийн хаягдал", "mined_out", blob(25.2, 1100, 7.0, seed=29),
             "Номин Хайгуул ХХК (sample)"),
        site("ZT-27", "Хангайн уурхай", "active", blob(29.2, 1000, 14.0, seed=30),
             "Хангай Ресурс ХХК (sample)"),
        site("ZT-28", "Шороон Алтны уурхай", "active", blob(57.9, 2350, 10.0, seed=31), msa,
             "+976 9900-1028"),
    ]


#: When exploitation ended at some sites (the working window opens then; issue 14).
MINED_OUT_ON = {"ZT-01": "2018-08-31", "ZT-09": "2019-09-30", "ZT-11": "2020-10-15",
                "ZT-23": "2020-06-30", "ZT-26": "2020-09-15"}


def agreements() -> pd.DataFrame:
    """Three tripartite agreements (signed, proposed, draft) that show five checks.

    On 2021-04-06: AG-2021-01 lets work go on past RC-04's start on ZT-11
    (PAST_RECLAMATION); AG-2021-02 writes 12.5 ha for 10.92 mapped and has no council
    resolution yet (AREA_MISMATCH, NO_RESOLUTION); AG-2021-03 is drafted with the wrong
    company for an active mine (NOT_LICENSE_HOLDER, SITE_NOT_ELIGIBLE).
    """
    gov = "Заамар сумын Засаг даргын Тамгын газар (sample)"
    ngo = "Заамарын бичил уурхайчдын ТББ (sample)"
    rows = [
        dict(agreement_id="AG-2021-01", site_ids="ZT-11", status="signed",
             company="Туул Алт ХХК (sample)", license_id="MV-011001", government=gov, ngo=ngo,
             resolution_no="ИТХ-2021/07", resolution_date="2021-02-26",
             signed_company="2021-03-10", signed_government="2021-03-12",
             signed_ngo="2021-03-10", area_ha="6.0", work_from="2021-04-01",
             work_until="2021-10-31", document="", contact="+976 9900-2001"),
        dict(agreement_id="AG-2021-02", site_ids="ZT-09;ZT-23", status="proposed",
             company="Заамар Голд ХХК (sample)", license_id="MV-011002", government=gov,
             ngo=ngo, resolution_no="", resolution_date="", signed_company="",
             signed_government="", signed_ngo="", area_ha="12.5", work_from="2021-05-01",
             work_until="2022-09-30", document="", contact="+976 9900-2002"),
        dict(agreement_id="AG-2021-03", site_ids="ZT-05", status="draft",
             company="Туул Алт ХХК (sample)", license_id="MV-011002", government=gov, ngo=ngo,
             resolution_no="", resolution_date="", signed_company="", signed_government="",
             signed_ngo="", area_ha="", work_from="", work_until="", document="",
             contact=""),
    ]
    return pd.DataFrame(rows)


def restricted() -> list[dict]:
    """A company security zone, an official spring water zone and a protected area."""
    return [
        dict(zone_id="RZ-01", kind="security", geometry=quad(57.3, 58.6, -1900, 2900),
             name="Монгол Шороон Алт ХХК-ийн хамгаалалтын бүс (sample)"),
        dict(zone_id="RZ-02", kind="water", geometry=Point(frame(40.15, 700)[:2]).buffer(200, 6),
             name="Хар булгийн усны хамгаалалтын бүс (sample)"),
        dict(zone_id="RZ-03", kind="protected", name="Заамарын нурууны дурсгалт газар (sample)",
             geometry=Polygon([(490000, 5357000), (497000, 5356000), (498500, 5362000),
                               (492000, 5364000)])),
    ]


def reclamation() -> list[dict]:
    """Reclamation areas from (fictional) company plans: every status."""
    def area(aid, status, geom, start, company):
        return dict(area_id=aid, status=status, start_date=start, company=company, geometry=geom)
    return [
        area("RC-01", "in_progress", quad(48.6, 49.95, -1450, 2300), "2020-05-15",
             "Туул Алт ХХК (sample)"),
        area("RC-02", "in_progress", quad(55.5, 55.8, -1500, 2200), "2020-08-01",
             "Заамар Голд ХХК (sample)"),
        area("RC-03", "planned", quad(60.35, 60.6, -500, 1200), "2021-06-01",
             "Монгол Шороон Алт ХХК (sample)"),
        area("RC-04", "planned", quad(46.8, 47.2, -1700, 2400), "2021-09-20",
             "Туул Алт ХХК (sample)"),
        area("RC-05", "completed", quad(36.6, 38.4, -500, 2500), "2016-06-01",
             "Орхон-Туул Майнинг ХХК (sample)"),
        area("RC-06", "planned", quad(29.0, 29.6, -900, 1500), None, "Хангай Ресурс ХХК (sample)"),
        area("RC-07", "planned", quad(25.2, 25.6, -900, 1500), "2027-06-01",
             "Номин Хайгуул ХХК (sample)"),
    ]


# --- the design check: the analysis rules, re-done plainly -----------------------------

FOCUS_DAY = date(2021, 4, 6)
DEFAULTS = {name: spec.default for name, spec in RULES.items()}
KIND_ORDER = {"mining": 0, "asm": 1, "exploration": 2}


def in_force(frame_: pd.DataFrame, on: date) -> pd.Series:
    """Rows whose start_date..end_date holds `on` (a missing end is open)."""
    day = pd.Timestamp(on)
    start = pd.to_datetime(frame_["start_date"])
    end = pd.to_datetime(frame_["end_date"])
    return (start.isna() | (start <= day)) & (end.isna() | (end >= day))


def zones(lay: dict[str, gpd.GeoDataFrame], on: date) -> dict[str, shapely.Geometry]:
    """The exclusion zones in force on `on`, by note."""
    rec = lay["reclamation"]
    start = pd.to_datetime(rec["start_date"])
    notice = pd.Timestamp(on) + pd.Timedelta(days=DEFAULTS["reclamation_notice_days"])
    counts = rec["status"].ne("planned") | start.isna() | (start <= notice)
    posts_ = lay["posts"][in_force(lay["posts"], on)]
    radius = posts_["radius_m"].fillna(DEFAULTS["post_radius_m"]).to_numpy(float)
    return {
        "RIVER_BUFFER": lay["rivers"].buffer(DEFAULTS["river_buffer_m"]).union_all(),
        "RESTRICTED": lay["restricted"].union_all(),
        "RECLAMATION": rec[counts].union_all(),
        "POST_ZONE": shapely.union_all(
            shapely.buffer(posts_.geometry.values, radius, quad_segs=64)),
    }


class Network:
    """Road lines noded where they touch or cross, for shortest paths between snapped points."""

    def __init__(self, lines: gpd.GeoSeries) -> None:
        self.lines = shapely.get_parts(shapely.node(shapely.union_all(lines.values)))
        self.tree = shapely.STRtree(self.lines)
        self.graph = nx.Graph()
        for i, line in enumerate(self.lines):
            self.graph.add_edge(self._key(line.coords[0]), self._key(line.coords[-1]),
                                weight=line.length, index=i)

    @staticmethod
    def _key(xy: tuple[float, ...]) -> tuple[float, float]:
        return round(xy[0], 2), round(xy[1], 2)

    def _ends(self, point: Point) -> tuple[int, dict]:
        i = int(self.tree.query_nearest(point)[0])
        line = self.lines[i]
        along = line.project(point)
        return i, {self._key(line.coords[0]): along,
                   self._key(line.coords[-1]): line.length - along}

    def distance(self, a: Point, b: Point) -> float:
        """Metres along the roads from the road point `a` to the road point `b`."""
        (ia, ends_a), (ib, ends_b) = self._ends(a), self._ends(b)
        best = abs(self.lines[ia].project(a) - self.lines[ia].project(b)) if ia == ib else math.inf
        for na, da in ends_a.items():
            reach = nx.single_source_dijkstra_path_length(self.graph, na, weight="weight")
            best = min([best, *(da + reach[nb] + db for nb, db in ends_b.items() if nb in reach)])
        return best


def road_pieces(net: Network) -> np.ndarray:
    """Every straight piece of the noded roads."""
    coords, index = shapely.get_coordinates(net.lines, return_index=True)
    same = index[1:] == index[:-1]
    return shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))


def route_km(net: Network, pieces: np.ndarray, base: Point, start: Point,
             target: shapely.Geometry) -> float:
    """The shortest route whose off-road leg starts on one of the nearest road pieces: every
    piece within twice the nearest distance, and at least the 5 nearest (the README's rule)."""
    distance = shapely.distance(pieces, target)
    near = set(np.argsort(distance, kind="stable")[:5]) | set(
        np.flatnonzero(distance <= 2 * distance.min() + 0.001))
    best = math.inf
    for i in sorted(near):
        on_road, at_site = nearest_points(pieces[i], target)
        best = min(best, base.distance(start) + net.distance(start, on_road)
                   + on_road.distance(at_site))
    return best / 1000


def licence_choice(site: shapely.Geometry, lic: gpd.GeoDataFrame) -> tuple[str, list[str]]:
    """The counting license with most overlap (ties by kind, then id) and every overlapping one."""
    overlap = lic.intersection(site).area / 10_000
    hit = lic.assign(ha=overlap)[overlap > 0]
    if hit.empty:
        return "local government", []
    top = hit["ha"].max()
    tied = hit[hit["ha"] >= top - 0.01]
    chosen = min(tied.itertuples(), key=lambda r: (KIND_ORDER[r.kind], r.license_id))
    return chosen.license_id, sorted(hit["license_id"])


def analyse(lay: dict[str, gpd.GeoDataFrame], on: date) -> pd.DataFrame:
    """Per site: available_ha, notes, reasons, route_km, license; with the margins taken."""
    zone = zones(lay, on)
    soum = lay["boundary"].union_all()
    lic = lay["licenses"][lay["licenses"]["status"].eq("active") & in_force(lay["licenses"], on)]
    net, roads_all = Network(lay["roads"].geometry), lay["roads"].union_all()
    base = lay["settlements"].loc[lay["settlements"]["is_base"]].geometry.iloc[0]
    start = nearest_points(roads_all, base)[0]
    pieces = road_pieces(net)
    rows = []
    for site in lay["tailings"].itertuples():
        inside = site.geometry.intersection(soum)
        notes, margins = [], []
        for note, geom in zone.items():
            taken = inside.intersection(geom).area
            clear = inside.distance(geom) / 100 if not inside.is_empty else 1.0
            margins.append(taken / 10_000 if taken else clear)
            if taken:
                notes.append(note)
        free = inside.difference(shapely.union_all(list(zone.values())))
        target = free if not free.is_empty else site.geometry
        km = route_km(net, pieces, base, start, target)
        reasons = [r for r, fails in [
            ("NOT_MINED_OUT", site.stage != "mined_out"),
            ("OUTSIDE_SOUM", not site.geometry.intersects(soum)),
            ("TOO_SMALL", free.area / 10_000 < DEFAULTS["min_area_ha"]),
            ("TOO_FAR", km > DEFAULTS["max_route_km"])] if fails]
        license_id, every = licence_choice(site.geometry, lic)
        # How far each criterion is from flipping: hectares, 100 m, hectares, 10 km.
        margins += [abs(free.area / 10_000 - DEFAULTS["min_area_ha"]),
                    abs(km - DEFAULTS["max_route_km"]) / 10]
        rows.append(dict(site_id=site.site_id, available_ha=free.area / 10_000, notes=notes,
                         reasons=reasons, route_km=km, license=license_id, every=every,
                         margin=min(margins)))
    return pd.DataFrame(rows).set_index("site_id")


#: What each site is for, and what the analysis must say about it on FOCUS_DAY with the
#: default rules: reasons, notes, the license to negotiate with.
DESIGN = {
    "ZT-01": ("", "", "MV-011001", "eligible, clear ground on a mining license"),
    "ZT-02": ("", "RIVER_BUFFER", "MV-011001", "eligible, split by the 200 m Tuul buffer"),
    "ZT-03": ("", "", "MV-011001", "eligible; wholly inside both MV-011001 and the ASM permit "
              "(tie: the mining license wins)"),
    "ZT-04": ("", "", "ASM-2020-01", "eligible, on the ASM partnership's permit"),
    "ZT-05": ("NOT_MINED_OUT", "", "MV-011002", "active mine"),
    "ZT-06": ("NOT_MINED_OUT;TOO_SMALL", "RECLAMATION", "MV-011001",
              "being reclaimed (RC-01, in progress)"),
    "ZT-07": ("NOT_MINED_OUT;TOO_SMALL", "RECLAMATION", "local government",
              "reclaimed (RC-05, completed), on the expired MV-011003"),
    "ZT-08": ("TOO_SMALL", "RECLAMATION", "MV-011001",
              "mined out but wholly inside reclamation in progress (RC-01)"),
    "ZT-09": ("", "RECLAMATION", "MV-011002", "eligible, partly under reclamation (RC-02)"),
    "ZT-10": ("", "RECLAMATION", "MV-011005",
              "eligible, partly under reclamation planned to start 2021-06-01 (RC-03)"),
    "ZT-11": ("", "", "MV-011001", "eligible on 2021-04-06: RC-04 starts 2021-09-20, "
              "beyond the 90-day notice (later it takes part of the site)"),
    "ZT-12": ("TOO_SMALL", "", "MV-011001", "a 0.3 ha heap"),
    "ZT-13": ("TOO_SMALL", "RIVER_BUFFER", "local government",
              "strip on the river bank, largely inside the river buffer; no license"),
    "ZT-14": ("OUTSIDE_SOUM;TOO_SMALL", "", "local government",
              "just across the soum border, in Büregkhangai"),
    "ZT-15": ("TOO_FAR", "", "XV-022001", "far north, more than 40 km by road"),
    "ZT-16": ("", "RESTRICTED", "MV-011005", "eligible, partly in the company security zone"),
    "ZT-17": ("", "POST_ZONE", "MV-011005", "eligible, beside the company gate post ZP-06"),
    "ZT-18": ("", "", "XV-022002", "eligible, on an exploration license"),
    "ZT-19": ("", "", "local government", "eligible, on no license"),
    "ZT-20": ("", "", "local government", "eligible, on the expired MV-011003"),
    "ZT-21": ("", "", "local government",
              "eligible, on MV-011004 (status active but end_date 2020-12-31)"),
    "ZT-22": ("NOT_MINED_OUT", "", "MV-011002", "active mine, two pits (multipolygon)"),
    "ZT-23": ("", "", "MV-011002", "eligible, two heaps (multipolygon)"),
    "ZT-24": ("", "RESTRICTED", "local government", "eligible, partly in a spring's water zone"),
    "ZT-25": ("NOT_MINED_OUT;TOO_SMALL", "RECLAMATION", "local government",
              "reclaimed strips (multipolygon, RC-05)"),
    "ZT-26": ("", "", "XV-022002", "eligible; RC-07 is planned for 2027-06-01"),
    "ZT-27": ("NOT_MINED_OUT", "RECLAMATION", "local government",
              "active mine on the suspended MV-011006; reclamation planned, no date (RC-06)"),
    "ZT-28": ("NOT_MINED_OUT;TOO_SMALL", "RESTRICTED", "MV-011005",
              "active pit inside the company security zone"),
}


def check(lay: dict[str, gpd.GeoDataFrame]) -> None:
    """Fail loudly when the written sample does not show what it is designed to show."""
    for kind, frame_ in lay.items():
        assert frame_.geometry.is_valid.all() and not frame_.geometry.is_empty.any(), kind
        idc = next((c for c in ("site_id", "license_id", "area_id", "zone_id", "post_id",
                                "road_id") if c in frame_), None)
        assert idc is None or frame_[idc].is_unique, kind
    soum, sites = lay["boundary"].union_all(), lay["tailings"].set_index("site_id")
    assert lay["boundary"]["shapeID"].tolist() == [SHAPE_ID]
    touching = sites.intersects(soum)
    assert touching.drop("ZT-14").all() and sites.geometry["ZT-14"].distance(soum) > 500
    neighbours = SHARED / "zaamar_neighbours.geojson"
    if neighbours.exists():
        other = gpd.read_file(neighbours).to_crs(UTM)
        assert other.contains(sites.geometry["ZT-14"]).any(), "ZT-14 is in no neighbour soum"
    assert sites.area.between(0.29e4, 25e4).all(), "sites must be 0.3-25 ha"
    tuul_ = lay["rivers"].geometry.iloc[0]
    inside = tuul_.intersection(soum)
    assert inside.geom_type == "LineString" and inside.length > 70_000
    assert inside.bounds[2] < BASE[0] - 10_000, "the Tuul keeps to the west of the soum"
    road = lay["roads"].set_index("road_id").geometry
    crossing = road["R1"].intersection(road["R2"])
    vertices = shapely.points(np.vstack([road["R1"].coords, road["R2"].coords]))
    assert road["R1"].crosses(road["R2"]) and shapely.distance(crossing, vertices).min() > 50
    police = lay["posts"][lay["posts"]["authority"] == "police"]
    assert len(police) == 5 and police.distance(road.union_all()).max() < 1
    assert police.distance(Point(BASE)).between(3000, 8000).all()
    lic = lay["licenses"]
    a, b = lic.sindex.query(lic.geometry, predicate="overlaps")
    pairs = {tuple(sorted(lic["license_id"].iloc[[i, j]])) for i, j in zip(a, b, strict=True)}
    assert pairs == {("ASM-2020-01", "MV-011001")}, pairs
    focus = analyse(lay, FOCUS_DAY)
    for sid, (reasons, notes, license_id, _) in DESIGN.items():
        got = focus.loc[sid]
        assert ";".join(got.reasons) == reasons and ";".join(got.notes) == notes, (sid, got)
        assert got.license == license_id, (sid, got)
        assert got.margin > 0.05 or "OUTSIDE_SOUM" in reasons, (sid, "too close to call")
    assert set(DESIGN) == set(sites.index)
    today = analyse(lay, date.today())
    assert 3 <= sum(not r for r in today.reasons) < len(today)


# --- writing ------------------------------------------------------------------------------

WHAT = {"tailings": "sites", "licenses": "licenses or companies", "reclamation": "plans",
        "restricted": "zones", "posts": "posts", "rivers": "river courses",
        "roads": "roads", "settlements": "bag centres"}


def build(boundary: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """Every layer of the sample, in UTM 48N."""
    road_rows = roads()
    layers_ = {"boundary": boundary.to_crs(UTM)}
    for kind, rows in [("settlements", settlements()), ("rivers", rivers()), ("roads", road_rows),
                       ("posts", posts({r["road_id"]: r["geometry"] for r in road_rows})),
                       ("licenses", licenses()), ("tailings", tailings()),
                       ("reclamation", reclamation()), ("restricted", restricted())]:
        layers_[kind] = gpd.GeoDataFrame(rows, geometry="geometry", crs=UTM)
    return layers_


def read_boundary(path: Path) -> gpd.GeoDataFrame:
    """The real Zaamar polygon, chosen by shapeID (another soum is also called Bat-Olzii)."""
    frame_ = gpd.read_file(path, engine="pyogrio")
    frame_ = frame_[frame_["shapeID"] == SHAPE_ID]
    assert len(frame_) == 1, f"{path}: no feature with shapeID {SHAPE_ID}"
    return gpd.GeoDataFrame({"name": ["Заамар"], "shapeName": frame_["shapeName"].to_numpy(),
                             "shapeID": [SHAPE_ID]}, geometry=frame_.geometry.to_numpy(),
                            crs=frame_.crs).to_crs("EPSG:4326")


def write(layers_: dict[str, gpd.GeoDataFrame], folder: Path) -> None:
    """One GeoJSON per kind in EPSG:4326, 6 decimals, with a description saying what it is.

    The agreements are a table: ``agreements.csv`` (UTF-8, no geometry).
    """
    agreements().to_csv(folder / "agreements.csv", index=False, encoding="utf-8",
                        lineterminator="\n")
    for kind, frame_ in layers_.items():
        what = ("Zaamar soum boundary from geoBoundaries (gbOpen MNG ADM2, simplified), "
                f"shapeID {SHAPE_ID}; {CREDIT}. Not an official boundary."
                if kind == "boundary" else SYNTHETIC.format(what=WHAT[kind]))
        pyogrio.write_dataframe(frame_.to_crs("EPSG:4326"), folder / f"{kind}.geojson",
                                driver="GeoJSON", layer_options={
                                    "COORDINATE_PRECISION": 6, "DESCRIPTION": what,
                                    "WRITE_NAME": "NO"})


def read_back(folder: Path) -> dict[str, gpd.GeoDataFrame]:
    """The written files, as the analysis will see them, in UTM 48N."""
    out = {}
    for path in sorted(folder.glob("*.geojson")):
        frame_ = pyogrio.read_dataframe(path)
        for col in ("start_date", "end_date"):
            if col in frame_:
                frame_[col] = pd.to_datetime(frame_[col])
        out[path.stem] = frame_.to_crs(UTM)
    return out


SOURCES = {
    "boundary": (f"{CREDIT}: gbOpen MNG ADM2 (simplified), shapeID {SHAPE_ID}",
                 "2020-09-25", f"Real soum polygon, simplified; not an official boundary. "
                 f"{CREDIT}. Part of the illustrative sample."),
    "tailings": ("asmap illustrative sample (scripts/make_sample.py)", "2021-03-31",
                 "illustrative sample: synthetic sites, names, operators and phone numbers"),
    "licenses": ("asmap illustrative sample (scripts/make_sample.py)", "2021-03-01",
                 "illustrative sample: fictional codes, companies and phone numbers; "
                 "not the MRPAM cadastre"),
    "reclamation": ("asmap illustrative sample (scripts/make_sample.py)", "2021-02-15",
                    "illustrative sample: fictional company plans"),
    "restricted": ("asmap illustrative sample (scripts/make_sample.py)", "2019-06-30",
                   "illustrative sample: fictional zones, deliberately old (stale) as_of"),
    "posts": ("asmap illustrative sample (scripts/make_sample.py)", "2021-04-06",
              "illustrative sample: five police posts around the soum centre during the "
              "2020-2021 lockdown as told at the focus group, placed on the roads by hand"),
    "rivers": ("asmap illustrative sample (scripts/make_sample.py)", "2020-10-01",
               "illustrative sample: a plausible course of the Tuul, not a survey"),
    "roads": ("asmap illustrative sample (scripts/make_sample.py)", "2020-10-01",
              "illustrative sample: plausible roads and tracks, not a survey"),
    "settlements": ("asmap illustrative sample (scripts/make_sample.py)", "2020-10-01",
                    "illustrative sample: the real soum centre Bat-Ölzii; bag centres made up"),
    "agreements": ("asmap illustrative sample (scripts/make_sample.py)", "2021-03-31",
                   "illustrative sample: fictional agreements, council resolutions and "
                   "phone numbers"),
}


def settings_toml() -> str:
    """The folder's asmap.toml: default rules and where each layer came from."""
    lines = ["# Settings of the illustrative Zaamar sample (written by scripts/make_sample.py).",
             "", "[rules]"]
    lines += [f"{name} = {spec.default!r}" for name, spec in RULES.items()]
    for kind, (source, as_of, note) in SOURCES.items():
        lines += ["", f"[sources.{kind}]", f"source = {_toml_str(source)}",
                  f"as_of = {as_of}", f"note = {_toml_str(note)}"]
    return "\n".join(lines) + "\n"


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


README = """# Zaamar soum: the bundled illustrative sample

**This is synthetic, illustrative data, made up to demonstrate asmap.** Only the soum boundary
is real (and simplified). The tailings sites, licenses, license codes, companies, ASM
partnership, phone numbers, reclamation plans, restricted zones, posts, roads, bag centres and
the course of the rivers are invented. They are not official boundaries, not real licenses and
not real companies; nothing here may be used to decide anything on the ground.

It is geographically plausible: Zaamar soum (Töv aimag, Mongolia), its centre Bat-Ölzii
(48.21667 N, 104.77389 E), the Tuul flowing north along the west of the soum towards the
Orkhon, a placer belt of company licenses along the Tuul valley, tailings in every stage, and
the five police posts that ringed the soum centre during the 2020-2021 COVID-19 lockdown.

## Layers (one GeoJSON per kind, EPSG:4326, coordinates to 6 decimals; agreements as CSV)

| file | features | what it is |
|---|---|---|
{layers}
| `asmap.toml` | | default `[rules]`; `[sources.KIND]` per layer (`restricted` stale on purpose) |
| `basemap.mbtiles` | 927 | tiles: a hillshade of a synthetic DEM, by `scripts/make_basemap.py` |

Each GeoJSON file says what it is in its top-level `description`. `contact` columns hold
fake phone numbers (`+976 9900-....`) so the sharing profiles have something sensitive to drop.
The basemap (zooms 8-13, JPEG tiles, credit "synthetic DEM, illustrative") is made up too:
invented terrain with valleys along the sample's rivers, so maps have a background.

## Boundary credit

`boundary.geojson` is the Zaamar polygon of geoBoundaries (gbOpen, Mongolia ADM2, simplified;
`shapeID` {shape_id}), selected by `shapeID`, never by name, with the column `name` = Заамар added.
**Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries.** It is a derived database
under the Open Data Commons Open Database License 1.0; any map that shows it carries that credit.

## What the sample is designed to show

With the default rules on 2021-04-06 (the day of the miners' focus group, when the police posts
stood), as checked by the generating script (`asmap analyze --on 2021-04-06` is the reference):

| site | stage | available ha | route km | reasons | notes | negotiate with | why it is here |
|---|---|---:|---:|---|---|---|---|
{sites}

Licenses: `ASM-2020-01` (the ASM partnership's permit) overlaps `MV-011001` (a conflict);
`MV-011003` is expired; `MV-011004` is active but its end_date (2020-12-31) has passed;
`MV-011006` is suspended; `XV-022003` is revoked. Roads `R1` and `R2` cross without a shared
vertex; `R7` leaves `R2` at a shared vertex for a ford and the neighbouring soum. `ZP-06` is a
company gate post on `R2` (authority company, no end date, so it stands on any later date).
Police posts `ZP-01`..`ZP-05` stand 3-8 km out on the roads leaving Bat-Ölzii from 2020-11 to
2021-05/06, so every route needs a movement permit on 2021-04-06.

Agreements (`agreements.csv`, issue 14): `AG-2021-01` (signed, `ZT-11`) allows work until
2021-10-31 although RC-04 starts 2021-09-20 (`PAST_RECLAMATION`); `AG-2021-02` (proposed,
`ZT-09` and `ZT-23`) writes 12.5 ha for 10.92 mapped and has no council resolution yet
(`AREA_MISMATCH`, `NO_RESOLUTION`); `AG-2021-03` (draft, `ZT-05`) names the wrong company for an
active mine (`NOT_LICENSE_HOLDER`, `SITE_NOT_ELIGIBLE`). `mined_out_on` opens the working window
of `ZT-01`, `ZT-09`, `ZT-11`, `ZT-23` and `ZT-26`.

## Regenerate

    .venv/bin/python scripts/make_sample.py

The script is deterministic (explicit coordinates in UTM 48N, fixed seeds), checks the design
above with shapely, and only then replaces this folder (this README included) atomically. It
reads the boundary from `../shared/data/geoboundaries/zaamar_boundary.geojson` when present,
else from this folder's `boundary.geojson`; `--boundary PATH` names another geoBoundaries file.
"""


def readme(focus: pd.DataFrame, lay: dict[str, gpd.GeoDataFrame]) -> str:
    """The folder's README, with the design table filled from the check."""
    layers_ = "\n".join(f"| `{kind}.geojson` | {len(lay[kind])} | {SPEC_TEXT[kind]} |"
                         for kind in SPEC_TEXT)
    layers_ += (f"\n| `agreements.csv` | {len(agreements())} | three agreements over "
                "eligible and ineligible sites: signed, proposed, draft |")
    stage = lay["tailings"].set_index("site_id")["stage"]
    sites = "\n".join(
        f"| {sid} | {stage[sid]} | {focus.at[sid, 'available_ha']:.2f} | "
        f"{focus.at[sid, 'route_km']:.1f} | {reasons.replace(';', ', ') or 'eligible'} | "
        f"{notes.replace(';', ', ')} | {license_id} | {why} |"
        for sid, (reasons, notes, license_id, why) in DESIGN.items())
    return README.format(layers=layers_, sites=sites, shape_id=SHAPE_ID)


SPEC_TEXT = {
    "boundary": "Zaamar soum, the real (simplified) polygon; see the credit below",
    "tailings": "tailings sites `ZT-01`..`ZT-28`, every stage, three multipolygons",
    "licenses": "fictional mining (`MV-`) and exploration (`XV-`) licenses and one ASM permit",
    "reclamation": "reclamation areas `RC-01`..`RC-07`: planned, in progress, completed",
    "restricted": "a company security zone, a spring's water zone, a protected area",
    "posts": "the five lockdown police posts and a company gate post",
    "rivers": "the Tuul (on to its Orkhon confluence) and a small tributary",
    "roads": "roads from Bat-Ölzii (towards Ulaanbaatar in the south-east) and valley tracks",
    "settlements": "Bat-Ölzii (the base, `is_base` true) and three bag centres",
}


def main(argv: list[str] | None = None) -> None:
    """Rebuild `layers/data/zaamar/` and check the design before replacing it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = SHARED / "zaamar_boundary.geojson"
    parser.add_argument("--boundary", type=Path,
                        default=shared if shared.exists() else OUT / "boundary.geojson",
                        help="geoBoundaries file holding Zaamar (default: %(default)s)")
    args = parser.parse_args(argv)
    layers_ = build(read_boundary(args.boundary))
    with atomic_dir(OUT, mark=False) as tmp:
        tmp.chmod(0o755)  # package data: readable by all, like the rest of the repository
        write(layers_, tmp)
        written = read_back(tmp)
        check(written)
        (tmp / "asmap.toml").write_text(settings_toml(), encoding="utf-8")
        (tmp / "README.md").write_text(readme(analyse(written, FOCUS_DAY), written),
                                        encoding="utf-8")
        basemap = OUT / "basemap.mbtiles"  # made by scripts/make_basemap.py, kept as it is
        if basemap.exists():
            shutil.copy2(basemap, tmp / basemap.name)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
