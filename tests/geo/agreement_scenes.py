"""Hand-drawn ground for the agreement tests (the scene is described in test_agreements.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from tests.geo.scenes import box, frame

DAY = date(2021, 4, 6)
SIGNED = {"signed_company": "2021-03-01", "signed_government": "2021-03-02",
          "signed_ngo": "2021-03-03"}
RESOLVED = {"resolution_no": "ITX-2021/01", "resolution_date": "2021-02-01"}
GOOD = {"status": "signed", "company": "gold  one llc", "license_id": "L1", "area_ha": 2.0,
        "work_from": "2021-04-01", "work_until": "2021-08-31", **SIGNED, **RESOLVED}

#: agreement id -> (its row, the checks worked out by hand)
CASES = {
    "AG-OK": ({"site_ids": "A", **GOOD}, ""),
    "AG-UNKNOWN": ({"site_ids": "A; Z-99", "status": "draft"}, "UNKNOWN_SITE"),
    "AG-UNSIGNED": ({"site_ids": "A", **GOOD, "signed_ngo": None}, "MISSING_SIGNATURE"),
    "AG-COMPANY": ({"site_ids": "A", "status": "draft", "company": "Gold Two LLC"},
                   "NOT_LICENSE_HOLDER"),
    "AG-LICENSE": ({"site_ids": "A", "status": "draft", "license_id": "L2"},
                   "NOT_LICENSE_HOLDER"),
    "AG-ACTIVE": ({"site_ids": "C", "status": "draft"}, "SITE_NOT_ELIGIBLE"),
    # work allowed one day past the start of R1 on A
    "AG-LATE": ({"site_ids": "A", "status": "draft", "work_until": "2021-09-02"},
                "PAST_RECLAMATION"),
    # 2.15 ha written for 2.00 mapped: 0.15 ha is more than 5 % (0.10) and more than 0.1 ha
    "AG-AREA": ({"site_ids": "A", "status": "draft", "area_ha": 2.15}, "AREA_MISMATCH"),
    # 2.08 ha: 0.08 ha off is within 0.1 ha, so no mismatch
    "AG-AREA-OK": ({"site_ids": "A", "status": "draft", "area_ha": 2.08}, ""),
    # B has 0.50 ha mapped: 0.62 is 0.12 ha (24 %) off
    "AG-AREA-B": ({"site_ids": "B", "status": "draft", "area_ha": 0.62}, "AREA_MISMATCH"),
    "AG-OLD": ({"site_ids": "A", **GOOD, "work_until": "2021-03-31"}, "EXPIRED"),
    "AG-NORES": ({"site_ids": "A", "status": "proposed"}, "NO_RESOLUTION"),
    "AG-DRAFT-NORES": ({"site_ids": "A", "status": "draft"}, ""),
    # everything wrong at once: 2.00 + 1.00 ha mapped for 9 written, ends before the date
    "AG-ALL": ({"site_ids": "A;C;Z-9", "status": "signed", "company": "Gold Two LLC",
                "area_ha": 9.0, "work_until": "2021-03-01"},
               "UNKNOWN_SITE;MISSING_SIGNATURE;NOT_LICENSE_HOLDER;SITE_NOT_ELIGIBLE;"
               "AREA_MISMATCH;EXPIRED;NO_RESOLUTION"),
    # two sites on two licenses: both licenses and both companies written
    "AG-TWO": ({"site_ids": "A;B", "status": "proposed", "license_id": "L1; L2",
                "company": "Gold One LLC;Gold Two LLC", "area_ha": 2.5, **RESOLVED}, ""),
    "AG-TWO-ONE": ({"site_ids": "A;B", "status": "proposed", "license_id": "L1",
                    "company": "Gold One LLC", **RESOLVED}, "NOT_LICENSE_HOLDER"),
}


def scene_layers(agreements: pd.DataFrame | None = None) -> dict:
    out = {
        "tailings": frame([box(0, 0, 200, 100), box(400, 0, 500, 100),
                           box(1000, 0, 1100, 100)], site_id=["A", "B", "C"],
                          stage=["mined_out", "mined_out", "active"],
                          mined_out_on=pd.to_datetime(["2020-10-01", None, None])),
        "licenses": frame([box(-100, -100, 300, 200), box(350, -100, 600, 200),
                           box(900, -100, 1200, 200)], license_id=["L1", "L2", "L3"],
                          holder=["Gold One LLC", "Gold Two LLC", "Gold One LLC"],
                          kind=["mining"] * 3, status=["active"] * 3),
        "reclamation": frame([box(150, 0, 300, 100), box(450, 0, 500, 100),
                              box(-10, 0, 0.5, 100)], area_id=["R1", "R2", "R3"],
                             status=["planned"] * 3,
                             start_date=["2021-09-01", "2021-05-01", "2021-08-01"]),
    }
    if agreements is not None:
        out["agreements"] = agreements
    return out


def table(cases: dict = CASES) -> pd.DataFrame:
    return pd.DataFrame([{"agreement_id": key, **row} for key, (row, _) in cases.items()])
