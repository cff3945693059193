"""The layer catalogue: one `LayerSpec` per layer kind.

This module is the single source of truth that the validators, the README table, the
maps and the sharing profiles read. Column names are lower case and at most 10
characters, so a Shapefile keeps them; the two longer names fixed by the issues
(``observed_on``, ``precision_m``) get their Shapefile-truncated names as aliases, so
they survive a round trip through a Shapefile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnType = Literal["str", "date", "float", "bool"]
Family = Literal["polygon", "point", "line", "line_or_polygon", "table_or_polygon"]

#: Geometry types allowed for each family (multi-geometries of the family are fine).
FAMILY_TYPES: dict[str, frozenset[str]] = {
    "polygon": frozenset({"Polygon", "MultiPolygon"}),
    "point": frozenset({"Point", "MultiPoint"}),
    "line": frozenset({"LineString", "MultiLineString"}),
    "line_or_polygon": frozenset({"LineString", "MultiLineString", "Polygon", "MultiPolygon"}),
    # --- agreements (issue 14): a table whose rows may also carry a polygon ---
    "table_or_polygon": frozenset({"Polygon", "MultiPolygon"}),
}
#: Families whose features need no geometry (a plain CSV or Excel table is enough).
TABLE_FAMILIES = frozenset({"table_or_polygon"})


@dataclass(frozen=True)
class Column:
    """One column of a layer kind.

    Attributes
    ----------
    name
        Lower-case name, at most 10 characters.
    type
        How the value is parsed: text, ISO 8601 date, number or yes/no.
    required
        The column must exist (and have a value in every row).
    allowed
        The values allowed, in the order they are documented; empty for free values.
    default
        Value used when the column is missing or a cell is empty.
    unique
        No two features may share a value (ids).
    sensitive
        Left out of anything written with the public sharing profile.
    description
        One line for the README table.
    aliases
        Other names read as this column, such as the 10-character name a Shapefile
        truncates a longer name to (``observed_o`` for ``observed_on``).
    """

    name: str
    type: ColumnType = "str"
    required: bool = False
    allowed: tuple[str, ...] = ()
    default: object = None
    unique: bool = False
    sensitive: bool = False
    description: str = ""
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        short = any(len(alias) <= 10 for alias in self.aliases)
        if len(self.name) > 10 and self.name[:10] not in self.aliases and not short:
            object.__setattr__(self, "aliases", (*self.aliases, self.name[:10]))


@dataclass(frozen=True)
class LayerSpec:
    """The catalogue entry of one layer kind."""

    kind: str
    family: Family
    columns: tuple[Column, ...]
    description: str
    required: bool = False
    id_column: str | None = None
    extra_checks: tuple[str, ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        """Names of every catalogue column, in catalogue order."""
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column | None:
        """The column called `name` (case-insensitive), or None."""
        name = name.lower()
        return next((c for c in self.columns if name == c.name or name in c.aliases), None)

    @property
    def public_columns(self) -> list[str]:
        """Catalogue columns that may leave the NGO in a public brief."""
        return [c.name for c in self.columns if not c.sensitive]

    @property
    def geometry_types(self) -> frozenset[str]:
        """Geometry types allowed for this kind."""
        return FAMILY_TYPES[self.family]

    @property
    def geometry_optional(self) -> bool:
        """Whether features may have no geometry (a table kind)."""
        return self.family in TABLE_FAMILIES


def _id(name: str, what: str) -> Column:
    return Column(name, required=True, unique=True, description=f"unique id of the {what}")


CONTACT = Column("contact", sensitive=True, description="person or phone number (sensitive)")

# --- photos and documents (issue 18): optional on tailings, posts (and agreements) -------
PHOTO = Column("photo", description="photo files relative to the folder, ';'-separated "
                                    "(or Kobo attachment names)")
DOCUMENT = Column("document", description="a document file relative to the folder, or a URL")
#: The columns any kind that carries photos and a document adds at the end of its own.
MEDIA: tuple[Column, ...] = (PHOTO, DOCUMENT)

SPECS: dict[str, LayerSpec] = {
    spec.kind: spec
    for spec in (
        LayerSpec(
            "boundary", "polygon",
            (Column("name", required=True, description="name of the soum",
                    aliases=("shapename",)),),
            "the soum boundary; sites must touch it",
        ),
        LayerSpec(
            "tailings", "polygon",
            (
                _id("site_id", "tailings site"),
                Column("stage", required=True,
                       allowed=("active", "mined_out", "reclaiming", "reclaimed"),
                       description="where the ground is in the mining cycle"),
                Column("name", description="local name of the site"),
                Column("operator", description="company that worked the ground"),
                CONTACT,
                # --- agreements (issue 14) ---
                Column("mined_out_on", "date",
                       description="day exploitation ended (opens the working window)"),
                *MEDIA,
            ),
            "tailings heaps and worked ground that the NGO might work",
            required=True, id_column="site_id",
        ),
        LayerSpec(
            "licenses", "polygon",
            (
                _id("license_id", "license (MRPAM code, e.g. MV-011722)"),
                Column("holder", required=True, description="company or partnership holding it"),
                Column("kind", required=True, allowed=("mining", "exploration", "asm"),
                       description="mining, exploration or an ASM permit"),
                Column("status", allowed=("active", "expired", "revoked", "suspended"),
                       default="active", description="cadastre status"),
                Column("start_date", "date", description="first day in force"),
                Column("end_date", "date", description="last day in force (empty: open)"),
                CONTACT,
            ),
            "mining and exploration licenses and ASM permits",
            id_column="license_id",
        ),
        LayerSpec(
            "reclamation", "polygon",
            (
                _id("area_id", "reclamation area"),
                Column("status", required=True, allowed=("planned", "in_progress", "completed"),
                       description="planned, in progress or completed"),
                Column("start_date", "date", description="when reclamation starts"),
                Column("company", description="company doing the reclamation"),
            ),
            "reclamation areas from company plans or agreements",
            id_column="area_id",
        ),
        LayerSpec(
            "restricted", "polygon",
            (
                _id("zone_id", "restricted zone"),
                Column("kind", required=True, allowed=("security", "protected", "water", "other"),
                       description="security, protected, water or other"),
                Column("name", description="name of the zone"),
            ),
            "zones where nobody may work: company security, protected areas, official water zones",
            id_column="zone_id",
        ),
        LayerSpec(
            "posts", "point",
            (
                _id("post_id", "post"),
                Column("authority", required=True, allowed=("police", "company", "other"),
                       description="who runs the post"),
                Column("name", description="name or place of the post"),
                Column("radius_m", "float", description="radius of its zone in metres (> 0)"),
                Column("start_date", "date", description="first day the post stands"),
                Column("end_date", "date", description="last day the post stands"),
                Column("observed_on", "date", description="day someone saw it"),
                Column("precision_m", "float", description="how precise its position is, metres"),
                *MEDIA,
            ),
            "police and company posts where a movement permit is needed",
            id_column="post_id",
        ),
        LayerSpec(
            "rivers", "line_or_polygon",
            (Column("name", description="name of the river"),),
            "rivers and water bodies (buffered into water protection zones)",
        ),
        LayerSpec(
            "roads", "line",
            (Column("road_id", description="id of the road"),
             Column("surface", description="paved, gravel, track ...")),
            "roads and tracks used for access routes",
        ),
        LayerSpec(
            "settlements", "point",
            (Column("name", required=True, description="name of the settlement"),
             Column("is_base", "bool", default=False,
                    description="the base the routes start from (exactly one)")),
            "settlements; the base is where access routes start",
        ),
        # --- agreements (issue 14) ---
        LayerSpec(
            "agreements", "table_or_polygon",
            (
                _id("agreement_id", "agreement (e.g. AG-2021-01)"),
                Column("site_ids", required=True,
                       description="the tailings sites it covers, `;`-separated"),
                Column("status", required=True,
                       allowed=("draft", "proposed", "signed", "expired", "cancelled"),
                       description="where the agreement stands"),
                Column("company", description="the company party (as the license holder "
                       "is written)"),
                Column("license_id", description="the license the ground lies on"),
                Column("government", description="the soum governor's office, the managing "
                       "party"),
                Column("ngo", description="the ASM NGO or partnership"),
                Column("resolution_no", description="number of the soum citizens' council "
                       "resolution that approved the area"),
                Column("resolution_date", "date", description="day of that resolution",
                       aliases=("resol_date",)),
                Column("signed_company", "date", description="day the company signed"),
                Column("signed_government", "date", description="day the government signed"),
                Column("signed_ngo", "date", description="day the NGO signed"),
                Column("area_ha", "float", description="hectares written in the agreement "
                       "(> 0)"),
                Column("work_from", "date", description="first day the agreement allows work"),
                Column("work_until", "date", description="last day the agreement allows work"),
                *MEDIA,  # document: the signed text; photo: e.g. of the signed pages
                CONTACT,
            ),
            "tripartite agreements (company, soum government, NGO) over tailings sites; a "
            "CSV or Excel table, or a layer with polygons",
            id_column="agreement_id",
        ),
    )
}

#: Layer kinds in catalogue order.
KINDS: tuple[str, ...] = tuple(SPECS)


def get_spec(kind: str) -> LayerSpec:
    """Return the spec of a layer kind, naming the known kinds when it does not exist."""
    from asmap.layers.errors import UsageError

    try:
        return SPECS[kind.lower()]
    except KeyError:
        raise UsageError(code="er_unknown_kind", kind=kind, kinds=", ".join(KINDS)) from None


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (the README's table is generated from this)."""
    rows = ["| kind | geometry | column | type | required | allowed values | notes |",
            "|---|---|---|---|---|---|---|"]
    for spec in SPECS.values():
        first = True
        for col in spec.columns:
            notes = [col.description]
            if col.unique:
                notes.append("unique")
            if col.default not in (None, False):
                notes.append(f"default {col.default}")
            if col.sensitive:
                notes.append("**sensitive**: left out of public briefs")
            label = f"**{spec.kind}**" + (" (required)" if spec.required else "") if first else ""
            family = spec.family.replace("_", " ") if first else ""
            rows.append(
                f"| {label} | {family} | `{col.name}` | {col.type} | "
                f"{'yes' if col.required else ''} | {', '.join(col.allowed)} | "
                f"{'; '.join(n for n in notes if n)} |"
            )
            first = False
    return "\n".join(rows) + "\n"
