"""Exports shaped like KoboToolbox's and ODK Central's, written as the tools write them.

KoboToolbox (Data > Downloads): XLSX or CSV (";" by default), "XML values and headers"
or labels, groups as ``group_site/stage``, a geopoint as one ``lat lon alt acc`` column
plus ``_location_latitude``, ``_location_longitude``, ``_location_altitude``,
``_location_precision``, a photo column with the file name and ``photo_URL``, then
``_id``, ``_uuid``, ``_submission_time``, ``_validation_status``, ``_notes``, ``_status``,
``_submitted_by``, ``__version__``, ``_tags``, ``_index``; repeat groups in their own
sheets with ``_index``, ``_parent_table_name``, ``_parent_index``. ODK Central
(Submissions > Download, CSV): ``SubmissionDate`` first, groups as ``group_post-post_id``,
geopoints split into ``location-Latitude`` ... ``location-Accuracy``, then
``meta-instanceID``, ``KEY``, ``SubmitterID``, ``SubmitterName``,
``AttachmentsPresent``, ``AttachmentsExpected``, ``Status``, ``ReviewState``,
``DeviceID``, ``Edits``, ``FormVersion``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "_index"]

# A 3-corner heap near Zaamar, closed (first point again at the end), 'lat lon alt acc'.
HEAP_1 = ("48.2000 104.8000 1120 4.0;48.2000 104.8040 1121 3.5;48.2030 104.8040 1119 4.2;"
          "48.2030 104.8000 1118 3.9;48.2000 104.8000 1120 4.0")
HEAP_2 = ("48.2100 104.8100 1120 5;48.2100 104.8130 1120 5;48.2125 104.8115 1120 5;"
          "48.2100 104.8100 1120 5")


def _meta(i: int, uuid: str) -> list[object]:
    return [1000 + i, uuid, f"2021-04-0{i + 1}T09:1{i}:00", "", "", "submitted_via_web",
            "ngo_field", "vQx8rP2kLm", "", i + 1]


def kobo_tailings_xlsx(path: Path) -> Path:
    """Tailings visits, XML values and headers, with a repeat group sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Хаягдлын талбайн үзлэг"
    sheet.append(["start", "end", "group_site/site_id", "group_site/stage", "group_site/name",
                  "group_site/operator", "outline", "observed_on", "precision_m", "photo",
                  "photo_URL", "notes", *KOBO_META])
    rows = [("ZT-101", "mined_out", "Хар овоо", "Туул Алт ХХК", HEAP_1, "1617700000001.jpg"),
            ("ZT-102", "reclaiming", "Шар даваа", "", HEAP_2, "")]
    for i, (site, stage, name, operator, shape, photo) in enumerate(rows):
        url = (f"https://kc.kobotoolbox.org/media/original?media_file=ngo/attachments/{photo}"
               if photo else "")
        sheet.append([f"2021-04-0{i + 1}T08:00:00.000+08:00",
                      f"2021-04-0{i + 1}T08:20:00.000+08:00", site, stage, name, operator,
                      shape, f"2021-04-0{i + 1}", 4.0, photo, url, "хүмүүс ажиллаж байна",
                      *_meta(i, f"b1e5{i}c1-9d0f-4a55-8d43-6b1a2c3d4e5{i}")])
    heaps = book.create_sheet("heaps")
    heaps.append(["heap_depth_m", "_index", "_parent_table_name", "_parent_index",
                  "_submission__id", "_submission__uuid"])
    heaps.append([2.5, 1, "Хаягдлын талбайн үзлэг", 1, 1000,
                  "b1e50c1-9d0f-4a55-8d43-6b1a2c3d4e50"])
    heaps.append([1.0, 2, "Хаягдлын талбайн үзлэг", 1, 1000,
                  "b1e50c1-9d0f-4a55-8d43-6b1a2c3d4e50"])
    book.save(path)
    return path


def kobo_tailings_labels_csv(path: Path, rows=None) -> Path:
    """Tailings visits, labels in Mongolian, ';'-separated (Kobo's default CSV)."""
    header = ["start", "end", "Талбай/Талбайн дугаар", "Талбай/Үе шат", "Талбай/Нэр",
              "Талбай/Ашигласан компани", "Талбайн хүрээ", "Ажигласан огноо",
              "Байршлын нарийвчлал (м)", "Зураг", "Зураг_URL", "Тэмдэглэл", *KOBO_META]
    rows = rows or [("ZT-201", "Олборлолт дууссан", HEAP_1), ("ZT-202", "Нөхөн сэргээсэн",
                                                              HEAP_2)]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        for i, (site, stage, shape) in enumerate(rows):
            writer.writerow(["2021-04-06T08:00:00.000+08:00", "2021-04-06T08:20:00.000+08:00",
                             site, stage, "", "", shape, "2021-04-06", "4", "", "", "",
                             *_meta(i, f"c2f6{i}d2-0e1a-4b66-9e54-7c2b3d4e5f6{i}")])
    return path


def odk_posts_csv(path: Path) -> Path:
    """Post sightings from ODK Central: ',' separated, groups with '-', split geopoint."""
    # Layout checked against getodk/central-backend: lib/data/briefcase.js (getHeader:
    # SubmissionDate first, group path joined with '-', a geopoint as four columns
    # NAME-Latitude, -Longitude, -Altitude, -Accuracy and no combined one, KEY after the
    # form's fields) and the header asserted in test/integration/api/submissions.js
    # (... meta-instanceID, KEY, SubmitterID, SubmitterName, AttachmentsPresent,
    # AttachmentsExpected, Status, ReviewState, DeviceID, Edits, FormVersion). pyxform
    # puts meta/instanceID after the form's own fields, hence meta-instanceID before KEY.
    header = ["SubmissionDate", "group_post-post_id", "group_post-authority",
              "group_post-name", "group_post-radius_m", "location-Latitude",
              "location-Longitude", "location-Altitude", "location-Accuracy", "observed_on",
              "precision_m", "photo", "notes", "meta-instanceID", "KEY", "SubmitterID",
              "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
              "ReviewState", "DeviceID", "Edits", "FormVersion"]
    rows = [("ZP-101", "police", "Бат-Өлзий гарц", "300", "48.2170", "104.7740", "1136",
             "4.8", "1617700000002.jpg"),
            ("ZP-102", "Компани", "Уурхайн хаалга", "", "48.3010", "104.6520", "1050", "3.2",
             "")]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for i, (post, authority, name, radius, lat, lon, alt, acc, photo) in enumerate(rows):
            uuid = f"uuid:d3a7{i}e3-1f2b-4c77-af65-8d3c4e5f6a7{i}"
            writer.writerow([f"2021-04-06T0{i + 1}:05:11.208Z", post, authority, name, radius,
                             lat, lon, alt, acc, "2021-04-06", "", photo, "", uuid, uuid, "7",
                             "ngo_phone_1", "1" if photo else "0", "1", "", "approved",
                             "collect:Xy12", "0", "2026120101"])
    return path


def kobo_posts_xlsx(path: Path) -> Path:
    """Post sightings from KoboToolbox XLSX: one 'lat lon alt acc' column plus the split ones."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Шалган нэвтрүүлэх цэг ажигласан"
    sheet.append(["start", "end", "group_post/post_id", "group_post/authority",
                  "group_post/name", "group_post/radius_m", "location", "_location_latitude",
                  "_location_longitude", "_location_altitude", "_location_precision",
                  "observed_on", "precision_m", "photo", "photo_URL", "notes", *KOBO_META])
    sheet.append(["2021-04-06T08:00:00.000+08:00", "2021-04-06T08:02:00.000+08:00", "ZP-201",
                  "Цагдаа", "Хойд пост", None, "48.2500 104.7900 1100 6.5", 48.25, 104.79, 1100,
                  6.5, "2021-04-06", None, None, None, None, *_meta(0, "e4b8-0001")])
    book.save(path)
    return path


#: Rows of each kind of bad row the import knows (site id, stage, outline).
BAD_ROWS = [
    ("ZT-1", "Олборлолт дууссан", ""),                                          # no location
    ("ZT-2", "mined_out", "48.2 104.8 0 0;48.2 104.81 0 0;48.2 104.8 0 0"),     # 2 points
    ("ZT-3", "mined_out", "48.2 104.8 0 0;48.2 104.81 0 0;48.21 104.81 0 0"),   # not closed
    ("ZT-4", "дууссан", HEAP_1),                                                # unknown choice
]
