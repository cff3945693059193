"""The phone forms asmap ships (XLSForm), and the words their exports are read by.

`scripts/make_forms.py` writes ``forms/tailings_visit.xlsx`` and
``forms/post_sighting.xlsx`` from `FORMS`; `asmap.layers.kobo` reads their exports (and
other forms' exports) by the field names and labels below. One table for both, so a
label changed here is changed in the form and in the import.
"""

from __future__ import annotations

#: Labels of the form fields, Mongolian then English (a "labels" export has these).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "site_id": ("Талбайн дугаар", "Site id"),
    "stage": ("Үе шат", "Stage"),
    "name": ("Нэр", "Name"),
    "operator": ("Ашигласан компани", "Operator"),
    "outline": ("Талбайн хүрээ", "Outline of the site"),
    "post_id": ("Цэгийн дугаар", "Post id"),
    "authority": ("Хариуцагч", "Authority"),
    "radius_m": ("Бүсийн радиус (м)", "Radius of its zone (m)"),
    "location": ("Байршил", "Location"),
    "observed_on": ("Ажигласан огноо", "Observed on"),
    "precision_m": ("Байршлын нарийвчлал (м)", "Position precision (m)"),
    "photo": ("Зураг", "Photo"),
    "document": ("Баримт бичиг", "Document"),
    "notes": ("Тэмдэглэл", "Notes"),
    "is_base": ("Төв суурин эсэх", "Base settlement"),
}

#: Columns that hold a geopoint, geotrace or geoshape in common forms.
GEO_FIELDS: tuple[str, ...] = ("outline", "location", "geoshape", "geopoint", "geotrace",
                               "shape", "point", "gps", "boundary", "polygon", "geometry")

#: Choice labels, Mongolian then English, by catalogue column and value.
CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "stage": {
        "active": ("Олборлолт явагдаж байна", "Active mining"),
        "mined_out": ("Олборлолт дууссан", "Mined out"),
        "reclaiming": ("Нөхөн сэргээж байна", "Being reclaimed"),
        "reclaimed": ("Нөхөн сэргээсэн", "Reclaimed"),
    },
    "authority": {
        "police": ("Цагдаа", "Police"),
        "company": ("Компани", "Company"),
        "other": ("Бусад", "Other"),
    },
}

#: The forms: settings and survey rows (XLSForm type, name, required).
FORMS: dict[str, dict[str, object]] = {
    "tailings_visit": {
        "title": ("Хаягдлын талбайн үзлэг", "Tailings site visit"),
        "survey": [
            ("begin_group", "group_site", False),
            ("text", "site_id", True),
            ("select_one stage", "stage", True),
            ("text", "name", False),
            ("text", "operator", False),
            ("end_group", "", False),
            ("geoshape", "outline", True),
            ("date", "observed_on", True),
            ("decimal", "precision_m", False),
            ("image", "photo", False),
            ("text", "notes", False),
        ],
    },
    "post_sighting": {
        "title": ("Шалган нэвтрүүлэх цэг ажигласан", "Post sighting"),
        "survey": [
            ("begin_group", "group_post", False),
            ("text", "post_id", True),
            ("select_one authority", "authority", True),
            ("text", "name", False),
            ("decimal", "radius_m", False),
            ("end_group", "", False),
            ("geopoint", "location", True),
            ("date", "observed_on", True),
            ("decimal", "precision_m", False),
            ("image", "photo", False),
            ("text", "notes", False),
        ],
    },
}

#: The groups' labels.
GROUP_LABELS: dict[str, tuple[str, str]] = {
    "group_site": ("Талбай", "Site"),
    "group_post": ("Цэг", "Post"),
}
