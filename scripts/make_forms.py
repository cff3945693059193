"""Write the XLSForms asmap ships: forms/tailings_visit.xlsx and forms/post_sighting.xlsx.

Run from the repository root: ``python scripts/make_forms.py``. The forms come from
`asmap.layers.kobo_forms` (fields, labels, choices), so what the form asks is what
`asmap import kobo` reads; the files are written the same way every time.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from asmap.layers.kobo_forms import CHOICES, FIELD_LABELS, FORMS, GROUP_LABELS

LABELS = ("label::Mongolian (mn)", "label::English (en)")
VERSION = "2026120101"
FIXED = datetime(2026, 12, 1)  # the files' own dates, so a rerun writes the same bytes


def workbook(form_id: str) -> Workbook:
    """The XLSForm of one form: survey, choices and settings sheets."""
    form = FORMS[form_id]
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", *LABELS, "required", "default", "parameters"])
    lists = []
    for kind, name, required in form["survey"]:
        labels = GROUP_LABELS.get(name) or FIELD_LABELS.get(name) or ("", "")
        default = "today()" if kind == "date" else ""
        parameters = "max-pixels=1280" if kind == "image" else ""  # photos small enough to send
        survey.append([kind, name, *(labels if name else ("", "")),
                       "yes" if required else "", default, parameters])
        if kind.startswith("select_one "):
            lists.append(kind.split()[1])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", *LABELS])
    for list_name in lists:
        for value, labels in CHOICES[list_name].items():
            choices.append([list_name, value, *labels])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language"])
    settings.append([form["title"][0], f"asmap_{form_id}", VERSION, "Mongolian (mn)"])
    book.properties.created = FIXED
    return book


def fixed_bytes(book: Workbook) -> bytes:
    """The workbook as XLSX bytes whose zip entries carry a fixed date (reproducible)."""
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps the saving time
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<",
                              rb"<dcterms:modified\1>2026-12-01T00:00:00Z<", data)
            dst.writestr(info, data)
    return out.getvalue()


def main(folder: Path) -> None:
    """Write every form into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for form_id in FORMS:
        (folder / f"{form_id}.xlsx").write_bytes(fixed_bytes(workbook(form_id)))
        print(f"wrote {folder / form_id}.xlsx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
         / "forms")
