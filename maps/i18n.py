"""The translation table: every visible string of maps, print sheets and briefs, in mn and en.

One table for the interactive map, the print maps, the brief and the exports. A test
checks that no key is missing in either language. Strings may hold ``{name}`` fields
filled by `t(key, lang, **values)`.
"""

from __future__ import annotations

LANGS = ("mn", "en")

LABELS: dict[str, dict[str, str]] = {
    # --- verdicts -------------------------------------------------------------------
    "eligible": {"mn": "Ашиглах боломжтой", "en": "Eligible"},
    "unverified": {"mn": "Ашиглах боломжтой (баталгаажаагүй)",
                   "en": "Eligible but unverified"},
    "not_eligible": {"mn": "Ашиглах боломжгүй", "en": "Not eligible"},
    "unverified_explain": {
        "mn": "Зарим давхарга байхгүй тул дараах дүрмийг шалгаж чадаагүй: {rules}",
        "en": "Some layers are missing, so these rules were not checked: {rules}",
    },
    # --- reasons (why a site is not eligible) ---------------------------------------
    "NOT_MINED_OUT": {"mn": "Олборлолт дуусаагүй", "en": "Not mined out"},
    "NOT_MINED_OUT_explain": {
        "mn": "Олборлолт дуусаагүй байна (үе шат: {stage}); хаягдлыг зөвхөн олборлолт "
              "дууссаны дараа ашиглах боломжтой.",
        "en": "Mining is not over here (stage: {stage}); tailings can be worked only "
              "once exploitation has finished.",
    },
    "OUTSIDE_SOUM": {"mn": "Сумын хилээс гадна", "en": "Outside the soum"},
    "OUTSIDE_SOUM_explain": {
        "mn": "Талбай сумын хилд хамаарахгүй; гэрээг зөвхөн сумын нутаг дэвсгэрт хийнэ.",
        "en": "The site lies outside the soum boundary; the agreement covers the soum only.",
    },
    "TOO_SMALL": {"mn": "Хэт жижиг", "en": "Too small"},
    "TOO_SMALL_explain": {
        "mn": "Ашиглах боломжтой талбай {available} га нь доод хэмжээ {min} га-аас бага.",
        "en": "Only {available} ha can be worked, less than the minimum of {min} ha.",
    },
    "TOO_FAR": {"mn": "Хэт хол", "en": "Too far"},
    "TOO_FAR_explain": {
        "mn": "Төвөөс хүрэх зам {km} км нь дээд хэмжээ {max} км-ээс хол.",
        "en": "The route from the base is {km} km, farther than the maximum of {max} km.",
    },
    # --- notes (exclusions that took area) ------------------------------------------
    "RIVER_BUFFER": {"mn": "Голын хамгаалалтын бүс", "en": "River protection zone"},
    "RIVER_BUFFER_explain": {
        "mn": "Голын усны хамгаалалтын бүсэд олборлолт хийхийг хориглоно.",
        "en": "Part of the site lies in a river's water protection zone, where mining "
              "is banned.",
    },
    "RESTRICTED": {"mn": "Хязгаарлалттай бүс", "en": "Restricted zone"},
    "RESTRICTED_explain": {
        "mn": "Хэсэг нь хамгаалалтын эсвэл хязгаарлалттай бүсэд байна.",
        "en": "Part of the site lies in a security, protected or other restricted zone.",
    },
    "RECLAMATION": {"mn": "Нөхөн сэргээлт", "en": "Reclamation"},
    "RECLAMATION_explain": {
        "mn": "Хэсэг нь нөхөн сэргээлт хийгдэж буй эсвэл удахгүй эхлэх талбайд байна.",
        "en": "Part of the site is being reclaimed, or reclamation starts soon.",
    },
    "POST_ZONE": {"mn": "Шалган нэвтрүүлэх цэгийн бүс", "en": "Post zone"},
    "POST_ZONE_explain": {
        "mn": "Хэсэг нь шалган нэвтрүүлэх цэгийн бүсэд байна.",
        "en": "Part of the site lies within the zone of a police or company post.",
    },
    "LICENSE": {"mn": "Тусгай зөвшөөрөл", "en": "License"},
    # --- layers ---------------------------------------------------------------------
    "layer_boundary": {"mn": "Сумын хил", "en": "Soum boundary"},
    "layer_tailings": {"mn": "Хаягдлын талбай", "en": "Tailings sites"},
    "layer_sites": {"mn": "Хаягдлын талбай", "en": "Tailings sites"},
    "layer_licenses": {"mn": "Тусгай зөвшөөрөл", "en": "Licenses"},
    "layer_reclamation": {"mn": "Нөхөн сэргээлтийн талбай", "en": "Reclamation areas"},
    "layer_restricted": {"mn": "Хязгаарлалттай бүс", "en": "Restricted zones"},
    "layer_posts": {"mn": "Шалган нэвтрүүлэх цэг", "en": "Posts"},
    "layer_rivers": {"mn": "Гол мөрөн", "en": "Rivers"},
    "layer_roads": {"mn": "Зам", "en": "Roads"},
    "layer_settlements": {"mn": "Суурин", "en": "Settlements"},
    "layer_eligible_parts": {"mn": "Ашиглах боломжтой хэсэг", "en": "Workable parts"},
    "layer_exclusions": {"mn": "Хориглосон бүс", "en": "Exclusion zones"},
    "layer_routes": {"mn": "Хүрэх зам", "en": "Access routes"},
    "layer_conflicts": {"mn": "Тусгай зөвшөөрлийн давхцал", "en": "License overlaps"},
    # --- values ---------------------------------------------------------------------
    "stage_active": {"mn": "олборлолт явагдаж байна", "en": "active"},
    "stage_mined_out": {"mn": "олборлолт дууссан", "en": "mined out"},
    "stage_reclaiming": {"mn": "нөхөн сэргээж байна", "en": "reclaiming"},
    "stage_reclaimed": {"mn": "нөхөн сэргээсэн", "en": "reclaimed"},
    "kind_mining": {"mn": "ашиглалтын", "en": "mining"},
    "kind_exploration": {"mn": "хайгуулын", "en": "exploration"},
    "kind_asm": {"mn": "бичил уурхай", "en": "ASM permit"},
    "authority_police": {"mn": "цагдаа", "en": "police"},
    "authority_company": {"mn": "компани", "en": "company"},
    "authority_other": {"mn": "бусад", "en": "other"},
    "local government": {"mn": "Орон нутгийн засаг захиргаа", "en": "Local government"},
    "yes": {"mn": "Тийм", "en": "Yes"},
    "no": {"mn": "Үгүй", "en": "No"},
    "none": {"mn": "байхгүй", "en": "none"},
    # --- fields ---------------------------------------------------------------------
    "site_id": {"mn": "Талбайн дугаар", "en": "Site id"},
    "name": {"mn": "Нэр", "en": "Name"},
    "stage": {"mn": "Үе шат", "en": "Stage"},
    "verdict": {"mn": "Дүгнэлт", "en": "Verdict"},
    "reasons": {"mn": "Шалтгаан", "en": "Reasons"},
    "notes": {"mn": "Хасагдсан хэсэг", "en": "Area taken by"},
    "area_ha": {"mn": "Талбай (га)", "en": "Area (ha)"},
    "available_ha": {"mn": "Ашиглах боломжтой (га)", "en": "Available (ha)"},
    "license_id": {"mn": "Тусгай зөвшөөрлийн дугаар", "en": "License"},
    "holder": {"mn": "Эзэмшигч", "en": "Holder"},
    "licenses_all": {"mn": "Давхацсан тусгай зөвшөөрөл", "en": "All licenses"},
    "negotiate_with": {"mn": "Хэлэлцээр хийх тал", "en": "Negotiate with"},
    "route_km": {"mn": "Замын урт (км)", "en": "Route (km)"},
    "posts_on_route": {"mn": "Зам дээрх цэг", "en": "Posts on route"},
    "permit_needed": {"mn": "Зорчих зөвшөөрөл шаардлагатай",
                      "en": "Movement permit needed"},
    "overlap_ha": {"mn": "Давхцал (га)", "en": "Overlap (ha)"},
    "kind": {"mn": "Төрөл", "en": "Kind"},
    "status": {"mn": "Төлөв", "en": "Status"},
    "authority": {"mn": "Хариуцагч", "en": "Authority"},
    "radius_m": {"mn": "Радиус (м)", "en": "Radius (m)"},
    # --- title block, legend, provenance --------------------------------------------
    "title": {"mn": "Хаягдлын талбайн зураг — {place}", "en": "Tailings site map — {place}"},
    "legend": {"mn": "Тайлбар", "en": "Legend"},
    "analysis_date": {"mn": "Шинжилгээний огноо", "en": "Analysis date"},
    "rules": {"mn": "Дүрэм", "en": "Rules"},
    "sources": {"mn": "Эх сурвалж", "en": "Data sources"},
    "source_unknown": {"mn": "эх сурвалж тодорхойгүй", "en": "source unknown"},
    "stale": {"mn": "хуучирсан", "en": "stale"},
    "as_of": {"mn": "огноо", "en": "as of"},
    "sample_notice": {
        "mn": "Жишээ өгөгдөл: бодит бус, зөвхөн үзүүлэх зорилготой.",
        "en": "Illustrative sample data: not official, for demonstration only.",
    },
    "osm_credit": {
        "mn": "Хил © OpenStreetMap-ийн хувь нэмэр оруулагчид (ODbL), geoBoundaries-ээр",
        "en": "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries",
    },
    # --- print maps and the brief (maps/static.py, maps/brief.py, maps/tables.py) -------
    "basemap_missing": {
        "mn": "Суурь зургийн сервер хариу өгсөнгүй: суурь зураггүй хэвлэв.",
        "en": "The basemap server did not answer: printed without a basemap.",
    },
    "tiles_from": {"mn": "Суурь зураг: {host}", "en": "Tiles: {host}"},
    "north": {"mn": "Х", "en": "N"},
    "km": {"mn": "км", "en": "km"},
    "ha": {"mn": "га", "en": "ha"},
    "rules_line": {
        "mn": "доод талбай {min_area_ha} га, голын бүс {river_buffer_m} м, цэгийн бүс "
              "{post_radius_m} м, нөхөн сэргээлтийн мэдэгдэл {reclamation_notice_days} "
              "хоног, зам {max_route_km} км хүртэл",
        "en": "minimum {min_area_ha} ha, river buffer {river_buffer_m} m, post zone "
              "{post_radius_m} m, reclamation notice {reclamation_notice_days} days, "
              "route up to {max_route_km} km",
    },
    "eligible_sites": {"mn": "Ашиглах боломжтой талбайнууд", "en": "Eligible sites"},
    "no_eligible": {"mn": "Ашиглах боломжтой талбай алга.", "en": "No eligible site."},
    "table_next_page": {"mn": "Хүснэгтийг дараагийн хуудаснаас үзнэ үү.",
                        "en": "The table is on the next page."},
    "table_continued": {"mn": "Ашиглах боломжтой талбайнууд (үргэлжлэл)",
                        "en": "Eligible sites (continued)"},
    "site_sheet": {"mn": "Талбай {site_id}: {name}", "en": "Site {site_id}: {name}"},
    "figures": {"mn": "Үзүүлэлтүүд", "en": "Figures"},
    "base": {"mn": "Төв суурин", "en": "Base"},
    "graticule": {"mn": "Өргөрөг, уртраг (WGS84)", "en": "Latitude, longitude (WGS84)"},
    "projection": {"mn": "Проекц: {crs}", "en": "Projection: {crs}"},
    "profile_public": {
        "mn": "Нийтэд түгээх хувилбар: эмзэг болон тодорхойгүй баганыг хассан.",
        "en": "Public version: sensitive and unknown columns left out.",
    },
    "profile_internal": {
        "mn": "Дотоод хувилбар: хүний нэр, утасны дугаар агуулж болно; бусдад бүү дамжуул.",
        "en": "Internal version: may hold names and phone numbers; do not pass it on.",
    },
    "brief_title": {"mn": "Хэлэлцээрийн товч мэдээлэл — {place}",
                    "en": "Negotiation brief — {place}"},
    "counts": {"mn": "Тоо баримт", "en": "Counts"},
    "sites_total": {"mn": "Шинжилсэн хаягдлын талбай", "en": "Tailings sites analysed"},
    "sites_eligible": {"mn": "Ашиглах боломжтой", "en": "Eligible"},
    "sites_unverified": {"mn": "Үүнээс баталгаажаагүй", "en": "of which unverified"},
    "sites_not_eligible": {"mn": "Ашиглах боломжгүй", "en": "Not eligible"},
    "eligible_ha_total": {"mn": "Ашиглах боломжтой нийт талбай", "en": "Eligible area in all"},
    "negotiate_heading": {"mn": "Хэнтэй хэлэлцээр хийх вэ", "en": "Who to negotiate with"},
    "posts_heading": {"mn": "Зорчих зөвшөөрөл шаардлагатай цэгүүд",
                      "en": "Posts where a movement permit is needed"},
    "conflicts_heading": {"mn": "Тусгай зөвшөөрлийн давхцал", "en": "License conflicts"},
    "unverified_heading": {"mn": "Ашиглах боломжтой боловч баталгаажаагүй",
                           "en": "Eligible but unverified"},
    "no_conflicts": {"mn": "Давхацсан тусгай зөвшөөрөл алга.",
                     "en": "No overlapping licenses."},
    "no_posts": {"mn": "Ашиглах боломжтой талбай руу явах замд цэг алга.",
                 "en": "No post on the route to any eligible site."},
    "no_unverified": {"mn": "Бүх дүрмийг шалгасан.", "en": "Every rule was checked."},
    "sites_for": {"mn": "{who}: {sites} ({ha} га)", "en": "{who}: {sites} ({ha} ha)"},
    "post_sites": {"mn": "{post}: {sites} талбай руу явах замд",
                   "en": "{post}: on the route to {sites}"},
    "conflict_line": {"mn": "{a} ({holder_a}) ба {b} ({holder_b}): {ha} га давхцана",
                      "en": "{a} ({holder_a}) and {b} ({holder_b}) overlap by {ha} ha"},
    "unverified_line": {"mn": "{site}: шалгаагүй дүрэм — {rules}",
                        "en": "{site}: rules not checked — {rules}"},
    "sheet_sites": {"mn": "Талбайнууд", "en": "Sites"},
    "sheet_conflicts": {"mn": "Давхцал", "en": "Conflicts"},
    "sheet_sources": {"mn": "Эх сурвалж", "en": "Sources"},
    "layer": {"mn": "Давхарга", "en": "Layer"},
    "source": {"mn": "Эх сурвалж", "en": "Source"},
    "note": {"mn": "Тэмдэглэл", "en": "Note"},
    "license_id_a": {"mn": "Тусгай зөвшөөрөл А", "en": "License A"},
    "license_id_b": {"mn": "Тусгай зөвшөөрөл Б", "en": "License B"},
    "holder_a": {"mn": "Эзэмшигч А", "en": "Holder A"},
    "holder_b": {"mn": "Эзэмшигч Б", "en": "Holder B"},
    "kind_a": {"mn": "Төрөл А", "en": "Kind A"},
    "kind_b": {"mn": "Төрөл Б", "en": "Kind B"},
    "unchecked": {"mn": "Шалгаагүй дүрэм", "en": "Rules not checked"},
    "operator": {"mn": "Ашигласан компани", "en": "Operator"},
    "contact": {"mn": "Холбоо барих", "en": "Contact"},
    # --- interactive map (maps/interactive.py, maps/popups.py, maps/elements.py) -----
    "fullscreen": {"mn": "Бүтэн дэлгэц", "en": "Full screen"},
    "measure": {"mn": "Зай, талбай хэмжих", "en": "Measure distance and area"},
    "measure_hint": {
        "mn": "Газрын зураг дээр цэгүүдийг дарж хэмжинэ; товчлуурыг дахин дарж дуусгана.",
        "en": "Click points on the map to measure; press the button again to stop.",
    },
    "distance": {"mn": "Зай", "en": "Distance"},
    "area": {"mn": "Талбай", "en": "Area"},
    "search": {"mn": "Талбай хайх", "en": "Search sites"},
    "search_placeholder": {"mn": "Дугаар эсвэл нэр", "en": "Site id or name"},
    "no_match": {"mn": "Олдсонгүй", "en": "No match"},
    "coordinates": {"mn": "Хулганы байрлалын солбицол", "en": "Coordinates under the mouse"},
    "lat_north": {"mn": "х.ө.", "en": "N"},
    "lat_south": {"mn": "ө.ө.", "en": "S"},
    "lon_east": {"mn": "з.у.", "en": "E"},
    "lon_west": {"mn": "б.у.", "en": "W"},
    "minimap": {"mn": "Тойм зураг", "en": "Overview map"},
    "basemap_osm": {"mn": "OpenStreetMap", "en": "OpenStreetMap"},
    "basemap_satellite": {"mn": "Хиймэл дагуулын зураг (Esri)",
                          "en": "Satellite imagery (Esri)"},
    "basemap_plain": {"mn": "Энгийн дэвсгэр", "en": "Plain background"},
    "legend_other": {"mn": "Бусад давхарга", "en": "Other layers"},
    "post_with_zone": {"mn": "Шалган нэвтрүүлэх цэг ба түүний бүс",
                       "en": "Post and its zone"},
    "rules_and_sources": {"mn": "Дүрэм ба эх сурвалж", "en": "Rules and data sources"},
    "route_to": {"mn": "{site} хүрэх зам", "en": "Route to {site}"},
    "conflict_title": {"mn": "{a} ба {b} давхцал", "en": "Overlap of {a} and {b}"},
    "exclusion_title": {"mn": "Хориглосон бүс: {kind}", "en": "Exclusion zone: {kind}"},
    "workable_part_of": {"mn": "{site}: ашиглах боломжтой хэсэг",
                         "en": "{site}: workable part"},
    "start_date": {"mn": "Эхлэх огноо", "en": "Start date"},
    "end_date": {"mn": "Дуусах огноо", "en": "End date"},
    "observed_on": {"mn": "Ажигласан огноо", "en": "Observed on"},
    "precision_m": {"mn": "Байршлын нарийвчлал (м)", "en": "Position precision (m)"},
    "company": {"mn": "Компани", "en": "Company"},
    "area_id": {"mn": "Талбайн дугаар", "en": "Area id"},
    "zone_id": {"mn": "Бүсийн дугаар", "en": "Zone id"},
    "post_id": {"mn": "Цэгийн дугаар", "en": "Post id"},
    "road_id": {"mn": "Замын дугаар", "en": "Road id"},
    "surface": {"mn": "Хучилт", "en": "Surface"},
    "status_active": {"mn": "хүчинтэй", "en": "active"},
    "status_expired": {"mn": "хугацаа дууссан", "en": "expired"},
    "status_revoked": {"mn": "хүчингүй болсон", "en": "revoked"},
    "status_suspended": {"mn": "түдгэлзүүлсэн", "en": "suspended"},
    "status_planned": {"mn": "төлөвлөсөн", "en": "planned"},
    "status_in_progress": {"mn": "хийгдэж байна", "en": "in progress"},
    "status_completed": {"mn": "дууссан", "en": "completed"},
    "zone_security": {"mn": "хамгаалалтын бүс", "en": "security zone"},
    "zone_protected": {"mn": "тусгай хамгаалалттай газар", "en": "protected area"},
    "zone_water": {"mn": "усны хамгаалалтын бүс", "en": "water protection zone"},
    "zone_other": {"mn": "бусад", "en": "other"},
    # --- large maps (maps/interactive.py, maps/static.py at thousands of sites) -------
    "routes_network_note": {
        "mn": "Бүх талбайн хүрэх зам, замын хэсэг бүрийг нэг удаа зурсан. Талбай дээр дарж "
              "замын урт болон замд буй постуудыг харна уу.",
        "en": "The routes of all sites, each road segment drawn once. Click a site for its "
              "route length and the posts on it."},
    "table_more": {"mn": "... болон өөр {count} талбай", "en": "... and {count} more sites"},
    # --- offline basemaps (issue 15) ---
    "basemap_credit": {"mn": "Суурь зураг: {credit}", "en": "Basemap: {credit}"},
    "basemap_file": {"mn": "Суурь зураг ({name})", "en": "Basemap ({name})"},
    "basemap_gap": {"mn": "сумын {sides} хэсэгт суурь зураг байхгүй",
                    "en": "no basemap in the {sides} of the soum"},
    "basemap_coarse": {"mn": "суурь зургийг {zoom}-р түвшнээс томруулсан "
                              "(хуудсанд {need} хэрэгтэй)",
                       "en": "basemap enlarged from zoom {zoom} (the page needs {need})"},
    "side_north": {"mn": "хойд", "en": "north"},
    "side_south": {"mn": "өмнөд", "en": "south"},
    "side_east": {"mn": "зүүн", "en": "east"},
    "side_west": {"mn": "баруун", "en": "west"},
}


def t(key: str, lang: str = "mn", **values: object) -> str:
    """
    The text of `key` in `lang`, with ``{fields}`` filled in.

    Unknown keys come back as themselves, so a missing translation shows up as a code
    rather than breaking a map; the test suite checks that none is missing.

    Examples
    --------
    >>> t("eligible", "en")
    'Eligible'
    >>> t("TOO_FAR_explain", "en", km=52.1, max=40)
    'The route from the base is 52.1 km, farther than the maximum of 40 km.'
    """
    if lang not in LANGS:
        lang = "mn"
    entry = LABELS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
