"""The translation table: every visible string of maps, print sheets and briefs, in mn and en.

One table for the interactive map, the print maps, the brief and the exports. A test
checks that no key is missing in either language. Strings may hold ``{name}`` fields
filled by `t(key, lang, **values)`.
"""

from __future__ import annotations

from collections.abc import Mapping

from asmap.geo import schema

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
    # (the words of reason, note and rule codes live with the codes: `geo.schema.CODES`)
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
    # --- change over time (issue 19): compare, brief --since, timeline -------------
    "change": {"mn": "Өөрчлөлт", "en": "Change"},
    "before": {"mn": "Өмнө", "en": "Before"},
    "after": {"mn": "Одоо", "en": "After"},
    "code": {"mn": "Код", "en": "Code"},
    "change_APPEARED": {"mn": "Шинэ талбай", "en": "New site"},
    "change_DISAPPEARED": {"mn": "Талбай хасагдсан", "en": "Site gone"},
    "change_BECAME_ELIGIBLE": {"mn": "Ашиглах боломжтой болсон", "en": "Became eligible"},
    "change_NO_LONGER_ELIGIBLE": {"mn": "Ашиглах боломжгүй болсон",
                                  "en": "No longer eligible"},
    "change_REASONS": {"mn": "Шалтгаан өөрчлөгдсөн", "en": "Reasons changed"},
    "change_NOTES": {"mn": "Хасагдсан хэсэг өөрчлөгдсөн", "en": "Area taken by changed"},
    "change_AVAILABLE_HA": {"mn": "Ашиглах талбай өөрчлөгдсөн", "en": "Available area changed"},
    "change_LICENSE": {"mn": "Тусгай зөвшөөрөл өөрчлөгдсөн", "en": "License changed"},
    "change_HOLDER": {"mn": "Эзэмшигч өөрчлөгдсөн", "en": "Holder changed"},
    "change_NEGOTIATE_WITH": {"mn": "Хэлэлцээр хийх тал өөрчлөгдсөн",
                              "en": "Party to negotiate with changed"},
    "change_ROUTE_KM": {"mn": "Замын урт өөрчлөгдсөн", "en": "Route length changed"},
    "change_POSTS_ON_ROUTE": {"mn": "Зам дээрх цэг өөрчлөгдсөн", "en": "Posts on route changed"},
    "change_WINDOW": {"mn": "Ажиллах хугацаа өөрчлөгдсөн", "en": "Work window changed"},
    "change_AGREEMENT": {"mn": "Гэрээ өөрчлөгдсөн", "en": "Agreement changed"},
    "changes_title": {"mn": "Өөрчлөлт: {old} — {new}", "en": "Changes: {old} to {new}"},
    "since_heading": {"mn": "Өмнөх товч мэдээллээс хойш", "en": "Since the last brief"},
    "since_dates": {"mn": "{old}-ны шинжилгээтэй харьцуулав (одоо {new})",
                    "en": "Compared with the analysis of {old} (now {new})"},
    "since_counts": {"mn": "{sites} талбайд {changes} өөрчлөлт", "en": "{changes} changes at "
                     "{sites} sites"},
    "since_none": {"mn": "Өөрчлөлт алга.", "en": "Nothing changed."},
    "became_line": {"mn": "{site} ашиглах боломжтой болсон (өмнө: {why})",
                    "en": "{site} became eligible (before: {why})"},
    "stopped_line": {"mn": "{site} ашиглах боломжгүй болсон: {why}",
                     "en": "{site} is no longer eligible: {why}"},
    "appeared_line": {"mn": "{site}: шинэ талбай", "en": "{site}: new site"},
    "disappeared_line": {"mn": "{site}: талбай хасагдсан", "en": "{site}: site gone"},
    "licenses_appeared": {"mn": "Шинээр хүчин төгөлдөр болсон тусгай зөвшөөрөл: {ids}",
                          "en": "Licenses that appeared: {ids}"},
    "licenses_went": {"mn": "Хугацаа дууссан эсвэл хасагдсан тусгай зөвшөөрөл: {ids}",
                      "en": "Licenses that expired or went: {ids}"},
    "holder_changed": {"mn": "{id}: эзэмшигч {old} → {new}",
                       "en": "{id}: holder {old} → {new}"},
    "posts_appeared": {"mn": "Шинээр гарсан цэг: {ids}", "en": "Posts put up: {ids}"},
    "posts_went": {"mn": "Татан буулгасан цэг: {ids}", "en": "Posts that went: {ids}"},
    "agreement_changed": {"mn": "Гэрээ {id}: {column} {old} → {new}",
                          "en": "Agreement {id}: {column} {old} → {new}"},
    "rules_differ": {"mn": "Өөр дүрмээр хийсэн шинжилгээ: {rules}",
                     "en": "The analyses were made with different rules: {rules}"},
    "layer_changes": {"mn": "Өмнөх товч мэдээллээс хойших өөрчлөлт",
                      "en": "Changes since the last brief"},
    "timeline_title": {"mn": "Дүгнэлт хэзээ өөрчлөгдөх вэ: {start} — {end}",
                       "en": "When verdicts change: {start} to {end}"},
    "becomes_eligible": {"mn": "{site} {date}-нд ашиглах боломжтой болно: {events}",
                         "en": "{site} becomes eligible on {date}, when {events}"},
    "stops_eligible": {"mn": "{site} {date}-нд ашиглах боломжгүй болно ({why}): {events}",
                       "en": "{site} stops being eligible on {date} ({why}), when {events}"},
    "verdict_same": {"mn": "{site}: {what} {date}-нд өөрчлөгдөнө: {events}",
                     "en": "{site}: {what} changes on {date}, when {events}"},
    "timeline_no_change": {"mn": "Энэ хугацаанд ямар ч талбайн дүгнэлт өөрчлөгдөхгүй.",
                           "en": "No site's verdict changes in the period."},
    "timeline_charted": {"mn": "Хугацааны аль нэг үед ашиглах боломжтой талбайнууд",
                         "en": "Sites eligible at some time in the period"},
    "and": {"mn": "ба", "en": "and"},
    "event_POST_START": {"mn": "{id} цэг гарна", "en": "post {id} is put up"},
    "event_POST_END": {"mn": "{id} цэг татан буугдана", "en": "post {id} ends"},
    "event_LICENSE_START": {"mn": "{id} тусгай зөвшөөрөл хүчин төгөлдөр болно",
                            "en": "license {id} starts"},
    "event_LICENSE_END": {"mn": "{id} тусгай зөвшөөрлийн хугацаа дуусна",
                          "en": "license {id} expires"},
    "event_RECLAMATION_NOTICE": {"mn": "{id} нөхөн сэргээлтийн мэдэгдлийн хугацаа эхэлнэ",
                                 "en": "reclamation {id} enters the notice window"},
    "event_WORK_FROM": {"mn": "{id} гэрээгээр ажил эхэлж болно",
                        "en": "work may start under agreement {id}"},
    "event_WORK_UNTIL": {"mn": "{id} гэрээний ажиллах хугацаа дуусна",
                         "en": "the work window of agreement {id} closes"},
    "event_SIGNED_COMPANY": {"mn": "компани {id} гэрээнд гарын үсэг зурна",
                             "en": "the company signs agreement {id}"},
    "event_SIGNED_GOVERNMENT": {"mn": "орон нутгийн засаг захиргаа {id} гэрээнд гарын үсэг "
                                      "зурна", "en": "the local government signs agreement {id}"},
    "event_SIGNED_NGO": {"mn": "ТББ {id} гэрээнд гарын үсэг зурна",
                         "en": "the NGO signs agreement {id}"},
    "event_RESOLUTION": {"mn": "{id} гэрээний шийдвэр гарна",
                         "en": "the resolution on agreement {id} is passed"},
    "from": {"mn": "Эхлэх", "en": "From"},
    "until": {"mn": "Хүртэл", "en": "Until"},
    "changed_by": {"mn": "Өөрчлөлтийн шалтгаан", "en": "Changed by"},
    "layer_changes_map": {"mn": "Өөрчлөгдсөн талбай", "en": "Changed sites"},
    # --- agreements (issue 14): the working window, the agreement record, the annex ---
    "mined_out_on": {"mn": "Олборлолт дууссан огноо", "en": "Mined out on"},
    "window_opens": {"mn": "Ажиллах хугацаа эхэлсэн", "en": "Window opens"},
    "window_closes": {"mn": "Ажиллах хугацаа дуусах", "en": "Window closes"},
    "window_days": {"mn": "Үлдсэн хоног", "en": "Days left"},
    "window": {"mn": "Ажиллах хугацаа", "en": "Working window"},
    "window_closes_words": {"mn": "ажиллах хугацаа {day}-нд дуусна ({days} хоног)",
                            "en": "window closes {day} ({days} days)"},
    "window_opens_words": {"mn": "{day}-нээс хойш ажиллах боломжтой",
                           "en": "window open since {day}"},
    "window_no_close": {"mn": "талбайд нөхөн сэргээлт төлөвлөөгүй",
                        "en": "no reclamation planned on the ground"},
    "window_soon": {"mn": "Ажиллах хугацаа 180 хоногт дуусах талбайнууд",
                    "en": "Eligible sites whose window closes within 180 days"},
    "agreement_id": {"mn": "Гэрээний дугаар", "en": "Agreement"},
    "agreement_status": {"mn": "Гэрээний төлөв", "en": "Agreement status"},
    "site_ids": {"mn": "Талбайнууд", "en": "Sites"},
    "government": {"mn": "Засаг захиргаа", "en": "Government"},
    "ngo": {"mn": "ТББ / нөхөрлөл", "en": "NGO"},
    "resolution_no": {"mn": "ИТХ-ын тогтоолын дугаар", "en": "Council resolution"},
    "resolution_date": {"mn": "Тогтоолын огноо", "en": "Resolution date"},
    "signed_company": {"mn": "Компани гарын үсэг зурсан", "en": "Company signed"},
    "signed_government": {"mn": "Засаг захиргаа гарын үсэг зурсан",
                          "en": "Government signed"},
    "signed_ngo": {"mn": "ТББ гарын үсэг зурсан", "en": "NGO signed"},
    "work_from": {"mn": "Ажил эхлэх", "en": "Work from"},
    "work_until": {"mn": "Ажил дуусах", "en": "Work until"},
    "document": {"mn": "Баримт бичиг", "en": "Document"},
    "checks": {"mn": "Шалгалт", "en": "Checks"},
    "mapped_ha": {"mn": "Зураглсан талбай (га)", "en": "Mapped (ha)"},
    "layer_agreements": {"mn": "Гэрээнүүд", "en": "Agreements"},
    "agreements_heading": {"mn": "Гэрээнүүд", "en": "Agreements"},
    "agreement_status_draft": {"mn": "төсөл", "en": "draft"},
    "agreement_status_proposed": {"mn": "санал болгосон", "en": "proposed"},
    "agreement_status_signed": {"mn": "гарын үсэг зурсан", "en": "signed"},
    "agreement_status_expired": {"mn": "хугацаа дууссан", "en": "expired"},
    "agreement_status_cancelled": {"mn": "цуцалсан", "en": "cancelled"},
    "agreement_of_site": {"mn": "Гэрээ {agreement} ({status})",
                          "en": "Agreement {agreement} ({status})"},
    "checks_none": {"mn": "Шалгалтаар асуудал илрээгүй.", "en": "No problem found."},
    # (the words of the agreement check codes live with the codes: `geo.schema.CODES`)
    "annex_title": {"mn": "Гэрээ {agreement}-ийн хавсралт: газрын зураг ба булангийн "
                          "цэгүүдийн солбицол",
                    "en": "Annex to agreement {agreement}: map and corner coordinates"},
    "annex_parties": {"mn": "Талууд", "en": "Parties"},
    "party_company": {"mn": "Компани", "en": "Company"},
    "party_government": {"mn": "Засаг захиргаа (удирдах тал)",
                         "en": "Government (managing party)"},
    "party_ngo": {"mn": "Бичил уурхайчдын ТББ", "en": "ASM NGO"},
    "annex_hectares": {"mn": "Талбай: зураглсан {mapped} га, гэрээнд {written}",
                       "en": "Area: {mapped} ha mapped, {written} in the agreement"},
    "annex_written_ha": {"mn": "{ha} га", "en": "{ha} ha"},
    "not_written": {"mn": "бичээгүй", "en": "not written"},
    "annex_resolution": {"mn": "ИТХ-ын тогтоол: {number}, {day}",
                         "en": "Council resolution: {number} of {day}"},
    "annex_work": {"mn": "Ажиллах хугацаа (гэрээгээр): {start} – {end}",
                   "en": "Work allowed: {start} to {end}"},
    "annex_scale": {"mn": "Масштаб 1:{scale}", "en": "Scale 1:{scale}"},
    "annex_signature": {"mn": "Гарын үсэг: ____________________  Огноо: ____________",
                        "en": "Signature: ____________________  Date: ____________"},
    "annex_signed_on": {"mn": "Гарын үсэг зурсан: {day}", "en": "Signed on {day}"},
    "annex_ground": {"mn": "Гэрээний газар", "en": "Agreed ground"},
    "annex_corners": {"mn": "Булангийн цэг", "en": "Corner points"},
    "corner_table": {"mn": "Булангийн цэгүүдийн солбицол: {site}",
                     "en": "Corner coordinates: {site}"},
    "corner_point": {"mn": "Цэг", "en": "Point"},
    "corner_lat_dms": {"mn": "Өргөрөг (° ′ ″)", "en": "Latitude (° ′ ″)"},
    "corner_lon_dms": {"mn": "Уртраг (° ′ ″)", "en": "Longitude (° ′ ″)"},
    "corner_lat": {"mn": "Өргөрөг (°)", "en": "Latitude (°)"},
    "corner_lon": {"mn": "Уртраг (°)", "en": "Longitude (°)"},
    "corner_e": {"mn": "UTM {zone} зүүн (м)", "en": "UTM {zone} E (m)"},
    "corner_n": {"mn": "UTM {zone} хойд (м)", "en": "UTM {zone} N (m)"},
    "corner_outline": {"mn": "Хэсэг {part}: гадна хил", "en": "Part {part}: outline"},
    "corner_hole": {"mn": "Хэсэг {part}: нүх {hole}", "en": "Part {part}: hole {hole}"},
    "corner_area": {"mn": "Булангийн цэгүүдээр бодсон талбай: {ha} га",
                    "en": "Area computed from these corners: {ha} ha"},
    "corner_simplified": {
        "mn": "Олон өнцөгт {before} булантай тул топологийг хадгалан {tolerance} м-ийн "
              "хүлцэлээр {after} булан болгож хялбарчилсан. Анхны талбай {original} га, "
              "хялбарчилсан талбай {ha} га.",
        "en": "The polygon had {before} corners; it was simplified (topology kept) with a "
              "tolerance of {tolerance} m to {after} corners. Area before: {original} ha; "
              "area of the simplified corners: {ha} ha."},
    "corner_ground_available": {"mn": "ашиглах боломжтой газар", "en": "available ground"},
    "corner_ground_whole": {"mn": "ашиглах газар үлдээгүй тул талбайг бүхлээр нь",
                            "en": "the whole site (no ground is available)"},
    "annex_georeferenced": {
        "mn": "Энэ PDF газарзүйн солбицолтой (ISO 32000): утасны газрын зургийн програм "
              "таны байршлыг офлайнаар харуулна.",
        "en": "This PDF is georeferenced (ISO 32000): a phone PDF map app shows your "
              "position on it offline."},
    # --- hostile inputs and offline pages (issue 20) ---
    "basemap_online": {"mn": "{name} (онлайн: интернэт хэрэгтэй)",
                       "en": "{name} (online: needs the internet)"},
    # --- real-world files (issue 13) ---
    "holder_unknown": {"mn": "Газар эзэмшигч тодорхойгүй: лицензийн мэдээлэл байхгүй",
                       "en": "Land holder not known: there is no license data"},
    "no_unverified_unchecked": {
        "mn": "Тэнцсэн талбай байхгүй; шалгаагүй дүрэм: {rules}.",
        "en": "No eligible site to verify; rules not checked: {rules}."},
    "route_base": {"mn": "Суурь суурин", "en": "Base settlement"},
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
    found = entry(key)
    if found is None:
        return key
    text = found.get(lang) or found["en"]
    return text.format(**values) if values else text


def entry(key: str) -> Mapping[str, str] | None:
    """
    The texts of `key` by language: from `LABELS`, or a code's words from `geo.schema`.

    Examples
    --------
    >>> entry("TOO_SMALL")["mn"]
    'Хэт жижиг'
    """
    return LABELS.get(key) or schema.words(key)


def has_text(key: str) -> bool:
    """Whether `key` has words (so `t` will not return the key itself)."""
    return entry(key) is not None
