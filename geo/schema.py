"""The output schema: every result column, every code in them with its words, the verdicts.

One place for what the analysis writes. Adding a reason, a note or an output column
means adding it here; the GeoPackage and CSV writers, the sharing profiles, the web
map's popups and legend, the print sheets, the brief and KML all read this module:

- `LAYERS`: the columns of each output layer, in order, with their types and whether
  they are sensitive (left out of public outputs);
- `CODES`: each code that can appear in ``reasons``, ``notes`` or ``unchecked``, its
  group and its words in Mongolian and English (and a sentence explaining it);
- `site_category` and `verdict`: how a site is sorted into the legend and in words;
- `split` and `join`: the one ``;`` list format of every list column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from asmap.layers.specs import SPECS

#: Separator of every list column (``reasons``, ``notes``, ``posts_on_route`` ...).
SEP = ";"


@dataclass(frozen=True)
class Code:
    """A code of an output column, with its words in each language."""

    group: str
    """``reason`` (not eligible), ``note`` (took area), ``check`` (an agreement's problem) or
    ``rule`` (may be unchecked)."""
    words: Mapping[str, str]
    """The short name, by language (``mn``, ``en``)."""
    explain: Mapping[str, str] | None = None
    """One sentence for a popup or sheet, by language; may hold ``{fields}``."""


CODES: dict[str, Code] = {
    # --- reasons: why a site is not eligible; a site is coloured by the first it has ---
    "NOT_MINED_OUT": Code(
        "reason", {"mn": "Олборлолт дуусаагүй", "en": "Not mined out"},
        explain={"mn": "Олборлолт дуусаагүй байна (үе шат: {stage}); хаягдлыг зөвхөн "
                       "олборлолт дууссаны дараа ашиглах боломжтой.",
                 "en": "Mining is not over here (stage: {stage}); tailings can be "
                       "worked only once exploitation has finished."}),
    "OUTSIDE_SOUM": Code(
        "reason", {"mn": "Сумын хилээс гадна", "en": "Outside the soum"},
        explain={"mn": "Талбай сумын хилд хамаарахгүй; гэрээг зөвхөн сумын нутаг "
                       "дэвсгэрт хийнэ.",
                 "en": "The site lies outside the soum boundary; the agreement covers "
                       "the soum only."}),
    "TOO_SMALL": Code(
        "reason", {"mn": "Хэт жижиг", "en": "Too small"},
        explain={"mn": "Ашиглах боломжтой талбай {available} га нь доод хэмжээ {min} "
                       "га-аас бага.",
                 "en": "Only {available} ha can be worked, less than the minimum of "
                       "{min} ha."}),
    "TOO_FAR": Code(
        "reason", {"mn": "Хэт хол", "en": "Too far"},
        explain={"mn": "Төвөөс хүрэх зам {km} км нь дээд хэмжээ {max} км-ээс хол.",
                 "en": "The route from the base is {km} km, farther than the maximum of "
                       "{max} km."}),
    # --- notes: exclusions that took area from a site --------------------------------
    "RIVER_BUFFER": Code(
        "note", {"mn": "Голын хамгаалалтын бүс", "en": "River protection zone"},
        explain={"mn": "Голын усны хамгаалалтын бүсэд олборлолт хийхийг хориглоно.",
                 "en": "Part of the site lies in a river's water protection zone, where "
                       "mining is banned."}),
    "RESTRICTED": Code(
        "note", {"mn": "Хязгаарлалттай бүс", "en": "Restricted zone"},
        explain={"mn": "Хэсэг нь хамгаалалтын эсвэл хязгаарлалттай бүсэд байна.",
                 "en": "Part of the site lies in a security, protected or other "
                       "restricted zone."}),
    "RECLAMATION": Code(
        "note", {"mn": "Нөхөн сэргээлт", "en": "Reclamation"},
        explain={"mn": "Хэсэг нь нөхөн сэргээлт хийгдэж буй эсвэл удахгүй эхлэх талбайд "
                       "байна.",
                 "en": "Part of the site is being reclaimed, or reclamation starts "
                       "soon."}),
    "POST_ZONE": Code(
        "note", {"mn": "Шалган нэвтрүүлэх цэгийн бүс", "en": "Post zone"},
        explain={"mn": "Хэсэг нь шалган нэвтрүүлэх цэгийн бүсэд байна.",
                 "en": "Part of the site lies within the zone of a police or company "
                       "post."}),
    # --- agreement checks: what is wrong with an agreement on the analysis date --------
    "UNKNOWN_SITE": Code(
        "check", {"mn": "Тодорхойгүй талбай", "en": "Unknown site"},
        explain={"mn": "Гэрээнд дурдсан талбай хаягдлын давхаргад байхгүй: {detail}.",
                 "en": "The agreement names a site that is not in the tailings layer: "
                       "{detail}."}),
    "MISSING_SIGNATURE": Code(
        "check", {"mn": "Гарын үсэг дутуу", "en": "Missing signature"},
        explain={"mn": "Гэрээ гарын үсэг зурсан гэж тэмдэглэгдсэн ч талуудын гарын үсэг "
                       "зурсан огноо дутуу: {detail}.",
                 "en": "The agreement is marked signed, but a party's signing date is "
                       "missing: {detail}."}),
    "NOT_LICENSE_HOLDER": Code(
        "check", {"mn": "Тусгай зөвшөөрөл эзэмшигч биш", "en": "Not the license holder"},
        explain={"mn": "Гэрээнд бичсэн тусгай зөвшөөрөл эсвэл компани нь талбайн газрыг "
                       "эзэмшигчтэй тохирохгүй: {detail}.",
                 "en": "The license or company written in the agreement is not the one "
                       "holding the ground: {detail}."}),
    "SITE_NOT_ELIGIBLE": Code(
        "check", {"mn": "Талбай ашиглах боломжгүй", "en": "Site not eligible"},
        explain={"mn": "Гэрээний талбай шинжилгээний өдөр ашиглах боломжгүй: {detail}.",
                 "en": "A site of the agreement is not eligible on the analysis date: "
                       "{detail}."}),
    "PAST_RECLAMATION": Code(
        "check", {"mn": "Нөхөн сэргээлтээс хойш", "en": "Past reclamation"},
        explain={"mn": "Гэрээ ажиллах хугацааг нөхөн сэргээлт эхлэхээс хойш зөвшөөрч "
                       "байна: {detail}.",
                 "en": "The agreement allows work after reclamation is planned to "
                       "start: {detail}."}),
    "AREA_MISMATCH": Code(
        "check", {"mn": "Талбайн зөрүү", "en": "Area mismatch"},
        explain={"mn": "Гэрээнд бичсэн талбай зураглсан талбайгаас 5%-иас (0.1 га-аас) "
                       "илүү зөрүүтэй: {detail}.",
                 "en": "The hectares written differ from the mapped hectares by more "
                       "than 5 % (and 0.1 ha): {detail}."}),
    "EXPIRED": Code(
        "check", {"mn": "Хугацаа дууссан", "en": "Expired"},
        explain={"mn": "Гэрээний ажиллах хугацаа шинжилгээний өдрөөс өмнө дууссан: "
                       "{detail}.",
                 "en": "The period the signed agreement allows work ended before the "
                       "analysis date: {detail}."}),
    "NO_RESOLUTION": Code(
        "check", {"mn": "ИТХ-ын тогтоолгүй", "en": "No resolution"},
        explain={"mn": "Сумын иргэдийн Төлөөлөгчдийн Хурлын тогтоолын дугаар эсвэл "
                       "огноо алга.",
                 "en": "The soum citizens' council resolution number or date is "
                       "missing."}),
    # --- rules a missing layer can leave unchecked, besides the codes above ----------
    "LICENSE": Code(
        "rule", {"mn": "Тусгай зөвшөөрөл", "en": "License"}),
}


def codes(group: str) -> tuple[str, ...]:
    """
    The codes of one group, in the order they are shown.

    Examples
    --------
    >>> codes("reason")
    ('NOT_MINED_OUT', 'OUTSIDE_SOUM', 'TOO_SMALL', 'TOO_FAR')
    """
    return tuple(name for name, code in CODES.items() if code.group == group)


@dataclass(frozen=True)
class Column:
    """One column of an output layer."""

    name: str
    type: str = "str"
    """``str``, ``float``, ``int``, ``bool`` or ``date``."""
    sensitive: bool = False
    """Left out of public outputs (names of people, phone numbers)."""
    codes: bool = False
    """Holds `CODES`, ``;``-joined, shown in words wherever people read it."""
    listed: bool = False
    """Holds a ``;``-joined list of ids or names."""


#: The columns of each output layer, in order (the sites also keep the tailings' own).
LAYERS: dict[str, tuple[Column, ...]] = {
    "sites": (
        Column("site_id"), Column("name"), Column("stage"), Column("area_ha", "float"),
        Column("available_ha", "float"), Column("eligible", "bool"),
        Column("reasons", codes=True), Column("notes", codes=True),
        Column("unchecked", codes=True), Column("license_id"), Column("holder"),
        Column("licenses_all", listed=True), Column("negotiate_with", listed=True),
        Column("route_km", "float"), Column("posts_on_route", listed=True),
        Column("permit_needed", "bool"),
        # the working window and the agreement covering the site (`geo.windows`, `agreements`)
        Column("window_opens", "date"), Column("window_closes", "date"),
        Column("window_days", "int"), Column("agreement_id"), Column("agreement_status")),
    "eligible_parts": (Column("site_id"), Column("available_ha", "float")),
    "exclusions": (Column("kind"), Column("area_ha", "float")),
    "routes": (Column("site_id"), Column("route_km", "float"),
                       Column("posts_on_route", listed=True), Column("permit_needed", "bool")),
    "conflicts": (
        Column("license_id_a"), Column("license_id_b"), Column("holder_a"),
        Column("holder_b"), Column("kind_a"), Column("kind_b"), Column("overlap_ha", "float")),
    # the catalogue's agreement columns as written, then what the analysis adds
    "agreements": (*(Column(c.name, c.type if c.type in ("float", "date") else "str",
                            sensitive=c.sensitive) for c in SPECS["agreements"].columns),
                   Column("checks", codes=True), Column("mapped_ha", "float")),
}
#: Geometry type each output layer is declared with (also when it is empty).
GEOMETRY_TYPES = {"sites": "MultiPolygon", "eligible_parts": "MultiPolygon",
                  "exclusions": "MultiPolygon", "routes": "LineString",
                  "conflicts": "MultiPolygon", "agreements": "MultiPolygon"}


def columns(layer: str) -> tuple[str, ...]:
    """
    The names of the columns of an output layer, in order.

    Examples
    --------
    >>> columns("routes")
    ('site_id', 'route_km', 'posts_on_route', 'permit_needed')
    """
    return tuple(c.name for c in LAYERS[layer])


def column_types(layer: str) -> dict[str, str]:
    """Column name -> type of an output layer (for writing an empty layer)."""
    return {c.name: c.type for c in LAYERS[layer]}


def code_columns(layer: str = "sites") -> tuple[str, ...]:
    """The columns of `layer` that hold codes (``reasons``, ``notes``, ``unchecked``)."""
    return tuple(c.name for c in LAYERS[layer] if c.codes)


def public_columns(layer: str) -> tuple[str, ...]:
    """The columns of `layer` that may leave the NGO."""
    return tuple(c.name for c in LAYERS[layer] if not c.sensitive)


def split(value: Any) -> list[str]:
    """
    A ``;``-joined list as a Python list: parts stripped, empty for a missing value.

    Examples
    --------
    >>> split("P-01; P-02"), split(None), split(float("nan")), split(["A", "B"])
    (['P-01', 'P-02'], [], [], ['A', 'B'])
    """
    if value is None or value is Ellipsis:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(SEP) if part.strip()]
    if isinstance(value, Iterable):
        return [str(part) for part in value if part is not None and str(part).strip()]
    try:
        if value != value:  # NaN, NaT
            return []
    except (TypeError, ValueError):
        pass
    return [part.strip() for part in str(value).split(SEP) if part.strip()]


def join(values: Iterable[Any]) -> str:
    """
    Values as one ``;``-joined text, without empties or repeats, in first-seen order.

    Examples
    --------
    >>> join(["P-02", "P-01", "P-02", ""])
    'P-02;P-01'
    """
    return SEP.join(dict.fromkeys(str(v) for v in values if v is not None and str(v)))


#: Verdict categories of the legend before the reasons: eligible, eligible but unverified.
VERDICTS = ("eligible", "unverified", "not_eligible")


def site_categories() -> tuple[str, ...]:
    """
    Legend categories of sites, in order: ``eligible``, ``unverified``, then each reason.

    Examples
    --------
    >>> site_categories()[:3]
    ('eligible', 'unverified', 'NOT_MINED_OUT')
    """
    return ("eligible", "unverified", *codes("reason"))


def site_category(site: Mapping[str, Any]) -> str:
    """
    The legend category of one site: ``eligible``, ``unverified`` or its first reason.

    Examples
    --------
    >>> site_category({"eligible": False, "reasons": "TOO_SMALL;NOT_MINED_OUT"})
    'NOT_MINED_OUT'
    >>> site_category({"eligible": True, "reasons": "", "unchecked": "POST_ZONE"})
    'unverified'
    """
    if bool(site.get("eligible")):
        return "unverified" if split(site.get("unchecked")) else "eligible"
    reasons = split(site.get("reasons"))
    for reason in codes("reason"):
        if reason in reasons:
            return reason
    return reasons[0] if reasons else "OUTSIDE_SOUM"


def verdict(site: Mapping[str, Any]) -> str:
    """
    ``eligible``, ``unverified`` (eligible, but some rule was not checked) or ``not_eligible``.

    Examples
    --------
    >>> verdict({"eligible": False, "reasons": "TOO_FAR"})
    'not_eligible'
    """
    category = site_category(site)
    return category if category in ("eligible", "unverified") else "not_eligible"


def words(key: str) -> Mapping[str, str] | None:
    """
    The words of a code (``TOO_FAR``) or of its explanation (``TOO_FAR_explain``), or None.

    Examples
    --------
    >>> words("TOO_FAR")["en"], words("nothing") is None
    ('Too far', True)
    """
    code = CODES.get(key)
    if code is not None:
        return code.words
    if key.endswith("_explain"):
        code = CODES.get(key[: -len("_explain")])
        return code.explain if code is not None else None
    return None
