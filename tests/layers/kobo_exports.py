"""Exports shaped like KoboToolbox's and ODK Central's, written as the tools write them.

KoboToolbox (Data > Downloads) layouts, read from the source (never from memory):

- kobotoolbox/kpi ``kpi/models/import_export_task.py`` (snapshot 2e5efb01):
  ``COPY_FIELDS`` (``_id``, ``_uuid``, ``_submission_time``, ``_validation_status``,
  ``_notes``, ``_status``, ``_submitted_by``, ``__version__``, ``_tags``,
  ``meta/rootUuid``) after the form's fields, then ``_index`` (``force_index`` when all
  fields are exported); CSV lines end in CRLF, UTF-8 without BOM.
- kobotoolbox/kpi ``kpi/tests/test_mock_data_exports.py`` (commit 4c86c20c): the
  expected header ``...;"_tags";"meta/rootUuid";"_index"``, ``_uuid`` bare and
  ``meta/rootUuid`` as ``uuid:...``, ``_status`` ``submitted_via_web``, the XLSX's first
  sheet named after the project, ``_index`` read back as 1.0; a repeat sheet named after
  the repeat: its fields, ``_index``, ``_parent_table_name`` (the project's name),
  ``_parent_index``, then ``_submission_`` + each copy field (``_submission__id`` ...
  ``_submission_meta/rootUuid``).
- kobotoolbox/kpi ``jsapp/js/components/projectDownloads/exportsConstants.ts``: the
  form's defaults: XLS, "XML values and headers", select_multiple "both", include media
  URLs, group separator ``/``, groups *not* in headers, types not stored as text.
- kobotoolbox/formpack ``src/formpack/schema/fields.py`` (snapshot 176f619a):
  ``FormGPSField`` exports ``location`` then ``_location_latitude``, ``_longitude``,
  ``_altitude``, ``_precision`` (labels: ``_<label>_latitude``; with groups in headers the
  split ones get ``group/`` before them, the combined one does not); a geoshape or
  geotrace is a text field exported as recorded; ``MediaField`` adds ``<name>_URL`` (labels:
  ``<label>_URL``) after the file name; with types not as text, numbers, dates and
  ``_submission_time`` are typed cells. ``src/formpack/reporting/export.py``:
  ``to_csv(sep=';', quote='"')`` quotes every value; groups in headers join the group's
  name (labels: its label) with ``/``; ``tests/test_exports.py``
  (``test_select_multiple_both``): a select_multiple is ``field`` (space-separated) then
  ``field/option`` columns of 1 and 0 (the forms here have none).

Not verified from a source: the attachment URL's exact path (kpi's ``download_url`` is
the ``attachment-detail`` route, nested as ``assets/<uid>/data/<id>/attachments/<uid>/``
in ``kpi/urls/router_api_v2.py``); the version id and submission values are made up.
The forms in ``forms/`` have no ``start``/``end`` questions and no repeat; the tailings
XLSX below is that form with a repeat ``heaps`` added.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

KOBO_META = ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
             "_submitted_by", "__version__", "_tags", "meta/rootUuid", "_index"]
#: A repeat sheet's columns after the repeat's fields (kpi's test_xls_export_repeat_groups).
KOBO_REPEAT_META = ["_index", "_parent_table_name", "_parent_index",
                    *(f"_submission_{name}" for name in KOBO_META[:-1])]
VERSION = "vbKavWWCpgBCZms6hQX4FN"  # an asset version uid's shape (made up)

# A 3-corner heap near Zaamar, closed (first point again at the end), 'lat lon alt acc'.
HEAP_1 = ("48.2000 104.8000 1120 4.0;48.2000 104.8040 1121 3.5;48.2030 104.8040 1119 4.2;"
          "48.2030 104.8000 1118 3.9;48.2000 104.8000 1120 4.0")
HEAP_2 = ("48.2100 104.8100 1120 5;48.2100 104.8130 1120 5;48.2125 104.8115 1120 5;"
          "48.2100 104.8100 1120 5")


def _meta(i: int, uuid: str, *, typed: bool) -> list[object]:
    """The copy fields and _index of submission `i`: typed cells (XLSX) or text (CSV)."""
    when = datetime(2021, 4, i + 1, 9, 10 + i)
    return [1000 + i if typed else str(1000 + i), uuid, when if typed else when.isoformat(),
            "", "", "submitted_via_web", "ngo_field", VERSION, "", f"uuid:{uuid}",
            float(i + 1) if typed else str(i + 1)]


def _url(submission: int, photo: str) -> str:
    return (f"https://kf.kobotoolbox.org/api/v2/assets/aHk3rTq9cV2mN8pL5sW4xZ/data/"
            f"{submission}/attachments/att{photo[:6]}/" if photo else "")


def kobo_tailings_xlsx(path: Path) -> Path:
    """Tailings visits, XML values and headers, groups in headers, a repeat sheet."""
    project = "Хаягдлын талбайн үзлэг"
    book = Workbook()
    sheet = book.active
    sheet.title = project
    sheet.append(["group_site/site_id", "group_site/stage", "group_site/name",
                  "group_site/operator", "outline", "observed_on", "precision_m", "photo",
                  "photo_URL", "notes", *KOBO_META])
    rows = [("ZT-101", "mined_out", "Хар овоо", "Туул Алт ХХК", HEAP_1, "1617700000001.jpg"),
            ("ZT-102", "reclaiming", "Шар даваа", "", HEAP_2, "")]
    uuids = [f"b1e5{i}c1-9d0f-4a55-8d43-6b1a2c3d4e5{i}" for i in range(len(rows))]
    for i, (site, stage, name, operator, shape, photo) in enumerate(rows):
        sheet.append([site, stage, name, operator, shape, date(2021, 4, i + 1), 4.0, photo,
                      _url(1000 + i, photo), "хүмүүс ажиллаж байна",
                      *_meta(i, uuids[i], typed=True)])
    heaps = book.create_sheet("heaps")
    heaps.append(["heap_depth_m", *KOBO_REPEAT_META])
    for index, depth in ((1, 2.5), (2, 1.0)):
        heaps.append([depth, float(index), project, 1.0,
                      *_meta(0, uuids[0], typed=True)[:-1]])
    book.save(path)
    return path


def kobo_tailings_labels_csv(path: Path, rows=None) -> Path:
    """Tailings visits, labels in Mongolian, groups in headers, ';' (Kobo's CSV)."""
    header = ["Талбай/Талбайн дугаар", "Талбай/Үе шат", "Талбай/Нэр",
              "Талбай/Ашигласан компани", "Талбайн хүрээ", "Ажигласан огноо",
              "Байршлын нарийвчлал (м)", "Зураг", "Зураг_URL", "Тэмдэглэл", *KOBO_META]
    rows = rows or [("ZT-201", "Олборлолт дууссан", HEAP_1), ("ZT-202", "Нөхөн сэргээсэн",
                                                              HEAP_2)]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        for i, (site, stage, shape) in enumerate(rows):
            writer.writerow([site, stage, "", "", shape, "2021-04-06", "4", "", "", "",
                             *_meta(i, f"c2f6{i}d2-0e1a-4b66-9e54-7c2b3d4e5f6{i}",
                                    typed=False)])
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


def odk_tailings_zip(path: Path, rows=None, *, extra: dict[str, str] | None = None) -> Path:
    """Tailings visits from ODK Central: Submissions > Download, the CSV ZIP with a repeat.

    Layout from getodk/central-backend ``lib/data/briefcase.js`` (snapshot 4f5943d1,
    ``streamBriefcaseCsvs``): the ZIP holds ``FORMID.csv`` (as in `odk_posts_csv`), then
    ``FORMID-REPEAT.csv`` per repeat (``~1``, ``~2`` after the name when two repeats
    share it): the repeat's fields (their groups inside the repeat joined with ``-``),
    ``PARENT_KEY`` (the submission's instanceID for a repeat at the top), ``KEY``
    (``uuid:.../heaps[1]``, groups on the way included); photos in ``media/``
    (``test/integration/api/submissions.js``: ``binaryType.csv``, ``media/...``). The
    repeat file's header and keys as in ``test/unit/data/briefcase.js`` (commit a0099841,
    "should handle single-level repeats, with KEY/PARENT_KEY").
    """
    form_id = "asmap_tailings_visit"
    header = ["SubmissionDate", "group_site-site_id", "group_site-stage", "group_site-name",
              "group_site-operator", "outline", "observed_on", "precision_m", "photo",
              "notes", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName",
              "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState",
              "DeviceID", "Edits", "FormVersion"]
    rows = rows or [("ZT-301", "active", "Улаан толгой", "Туул Алт ХХК", HEAP_1,
                     "1617700000003.jpg"), ("ZT-302", "reclaiming", "", "", HEAP_2, "")]
    keys = [f"uuid:f5c9{i}a4-2b3c-4d88-b076-9e4d5f6a7b8{i}" for i in range(len(rows))]
    main = io.StringIO(newline="")
    writer = csv.writer(main, lineterminator="\n")
    writer.writerow(header)
    for i, (site, stage, name, operator, shape, photo) in enumerate(rows):
        writer.writerow([f"2021-04-0{i + 7}T03:15:42.517Z", site, stage, name, operator, shape,
                         f"2021-04-0{i + 7}", "", photo, "", keys[i], keys[i], "7",
                         "ngo_phone_1", "1" if photo else "0", "1" if photo else "0", "",
                         "", "collect:Xy12", "0", "2026120101"])
    heaps = io.StringIO(newline="")
    writer = csv.writer(heaps, lineterminator="\n")
    writer.writerow(["heap_depth_m", "PARENT_KEY", "KEY"])
    for parent, n, depth in ((0, 1, "3.5"), (0, 2, "0.8"), (1, 1, "1.2")):
        writer.writerow([depth, keys[parent], f"{keys[parent]}/heaps[{n}]"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{form_id}.csv", main.getvalue())
        archive.writestr(f"{form_id}-heaps.csv", heaps.getvalue())
        archive.writestr("media/1617700000003.jpg", _jpeg())
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return path


def _jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (150, 120, 80)).save(out, "JPEG")
    return out.getvalue()


def kobo_posts_xlsx(path: Path) -> Path:
    """Post sightings, labels in Mongolian, the form's defaults (no groups in headers):
    the geopoint as ``Байршил`` plus ``_Байршил_latitude`` ... ``_Байршил_precision``."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Шалган нэвтрүүлэх цэг ажигласан"
    sheet.append(["Цэгийн дугаар", "Хариуцагч", "Нэр", "Бүсийн радиус (м)", "Байршил",
                  "_Байршил_latitude", "_Байршил_longitude", "_Байршил_altitude",
                  "_Байршил_precision", "Ажигласан огноо", "Байршлын нарийвчлал (м)", "Зураг",
                  "Зураг_URL", "Тэмдэглэл", *KOBO_META])
    sheet.append(["ZP-201", "Цагдаа", "Хойд пост", None, "48.2500 104.7900 1100 6.5", 48.25,
                  104.79, 1100, 6.5, date(2021, 4, 6), None, None, None, None,
                  *_meta(0, "e4b8a1c2-5d6e-4f70-8a9b-0c1d2e3f4a5b", typed=True)])
    book.save(path)
    return path


#: Rows of each kind of bad row the import knows (site id, stage, outline).
BAD_ROWS = [
    ("ZT-1", "Олборлолт дууссан", ""),                                          # no location
    ("ZT-2", "mined_out", "48.2 104.8 0 0;48.2 104.81 0 0;48.2 104.8 0 0"),     # 2 points
    ("ZT-3", "mined_out", "48.2 104.8 0 0;48.2 104.81 0 0;48.21 104.81 0 0"),   # not closed
    ("ZT-4", "дууссан", HEAP_1),                                                # unknown choice
]
