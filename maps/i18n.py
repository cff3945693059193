"""The translation table: every visible string of maps, print sheets and briefs, in mn and en.

One table for the interactive map, the print maps, the brief and the exports. A test
checks that no key is missing in either language. Strings may hold ``{name}`` fields
filled by `t(key, lang, **values)`.
"""

from __future__ import annotations

from collections.abc import Mapping

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
    # --- command line (issue 18): help, summaries, messages of `asmap` ---------------
    "help_help": {"mn": "Энэ тусламжийг харуулаад гарна.", "en": "Show this message and exit."},
    "help_version": {"mn": "Хувилбарыг харуулаад гарна.", "en": "Show the version and exit."},
    "help_lang": {"mn": "Хэл: mn эсвэл en (анхдагч: ASMAP_LANG, эсвэл хавтасны asmap.toml "
                        "доторх lang, эсвэл mn).",
                  "en": "Language: mn or en (default: ASMAP_LANG, else lang in the "
                        "folder's asmap.toml, else mn)."},
    "help_verbose": {"mn": "Юу хийж байгааг дэлгэрэнгүй хэлнэ.",
                     "en": "Say more about what is happening."},
    "help_rules": {"mn": "[rules] хүснэгттэй TOML файл (анхдагч: хавтасны asmap.toml, эсвэл "
                         "суурь дүрэм).",
                   "en": "TOML file with a [rules] table (default: the folder's asmap.toml, "
                         "else the built-in defaults)."},
    "help_on": {"mn": "Шинжилгээний огноо (анхдагч: өнөөдөр).",
                "en": "Analysis date (default: today)."},
    "help_crs": {"mn": "Файлдаа CRS заагаагүй давхаргын CRS (жишээ нь EPSG:4326).",
                 "en": "CRS for layers whose files do not say (e.g. EPSG:4326)."},
    "help_json": {"mn": "Хүснэгтийн оронд JSON хэвлэнэ.",
                  "en": "Print JSON instead of a table."},
    "help_profile": {"mn": "public нь эмзэг болон тодорхойгүй баганыг хасна.",
                     "en": "public leaves out sensitive and unknown columns."},
    "help_results": {"mn": "Дахин шинжлэхийн оронд эдгээр үр дүнг (`asmap analyze`-ээс) "
                           "ашиглана.",
                     "en": "Use these results (from `asmap analyze`) instead of analysing "
                           "again."},
    "help_group": {
        "mn": "asmap: бичил уурхайчид ямар хаягдлыг ашиглаж болох, газар хэнийх, яаж хүрэх вэ.\n\n"
              "Тушаал бүр ГМС давхаргын төслийн хавтас уншина (анхдагч: Заамарын жишээ). "
              "Эхлээд `asmap validate ХАВТАС`, дараа нь `asmap analyze ХАВТАС --out "
              "results.gpkg`.",
        "en": "asmap: which tailings can artisanal miners work, whose land is it, and how "
              "to get there.\n\nEvery command reads a project folder of GIS layers "
              "(default: the bundled Zaamar sample). Start with `asmap validate FOLDER`, "
              "then `asmap analyze FOLDER --out results.gpkg`."},
    "short_validate": {"mn": "Төслийн хавтсыг шалгана; алдаа бүр ба юу хийхийг жагсаана.",
                       "en": "Check a project folder; list every problem and what to do."},
    "help_validate": {
        "mn": "ХАВТАС-ын давхарга бүрийг каталогтой тулган шалгаж, бүх асуудлыг жагсаана.\n\n"
              "ХАВТАС нь давхаргын төрөл бүрт нэг файл (tailings.geojson, licenses.shp, "
              "posts.kml, ...) эсвэл төрлөөр нэрлэсэн давхаргуудтай нэг GeoPackage, мөн "
              "asmap.toml агуулна. Анхдагч: Заамарын жишээ. Алдаагүй бол гарах код 0 "
              "(анхааруулга байж болно), алдаатай бол 1.\n\n\b\nЖишээ:\n"
              "  $ asmap validate field-data/ --crs EPSG:32648\n"
              "  $ asmap validate field-data/ --json > problems.json",
        "en": "Check every layer of FOLDER against the catalogue and list every problem.\n\n"
              "FOLDER holds one file per layer kind (tailings.geojson, licenses.shp, "
              "posts.kml, ...) or one GeoPackage whose layers are named after the kinds, "
              "and an optional asmap.toml. Default: the bundled Zaamar sample. Exit code 0 "
              "when there is no error (warnings are fine), 1 when there is any error.\n\n"
              "\b\nExample:\n  $ asmap validate field-data/ --crs EPSG:32648\n"
              "  $ asmap validate field-data/ --json > problems.json"},
    "help_validate_rules": {"mn": "Энэ дүрмийн файлыг бас шалгана ([rules]-тэй TOML).",
                            "en": "Also check this rules file (TOML with [rules])."},
    "short_analyze": {"mn": "Ашиглах боломжтой хаягдлыг тодорхойлж, шалтгааныг бичнэ.",
                      "en": "Flag eligible tailings, say why, and write the results."},
    "help_analyze": {
        "mn": "ХАВТАС-ын хаягдлын талбай бүр ашиглах боломжтой эсэх, үгүй бол яагаад, газар "
              "нь хэнийх, төвөөс явах замд ямар цэг байгааг тодорхойлно.\n\nДүрэм --rules, "
              "эсвэл хавтасны asmap.toml [rules], эсвэл анхдагч утгаас.\n\n\b\nЖишээ:\n"
              "  $ asmap analyze zaamar/ --on 2021-04-06 --out results.gpkg --csv sites.csv\n"
              "  $ asmap analyze zaamar/ --rules strict.toml --out results.gpkg --json\n"
              "  $ asmap analyze national/ --engine dask --out results.parquet",
        "en": "Flag which tailings sites are eligible, record why not, whose land they are "
              "on, and which posts stand on the way from the base settlement.\n\nFOLDER "
              "holds the layers (default: the bundled Zaamar sample). Rules come from "
              "--rules, else the folder's asmap.toml [rules] table, else the defaults.\n\n"
              "\b\nExample:\n"
              "  $ asmap analyze zaamar/ --on 2021-04-06 --out results.gpkg --csv sites.csv\n"
              "  $ asmap analyze zaamar/ --rules strict.toml --out results.gpkg --json\n"
              "  $ asmap analyze national/ --engine dask --scheduler tcp://10.0.0.5:8786 "
              "--out r.gpkg\n"
              "  $ asmap analyze national/ --engine dask --out results.parquet"},
    "help_analyze_out": {"mn": "Бичих GeoPackage (sites, eligible_parts, exclusions, routes, "
                               "conflicts давхаргатай); --engine dask-тай бол DIR.parquet хавтас "
                               "ч болно: хэсэг, давхарга бүрт нэг GeoParquet файл, worker-ууд "
                               "бичнэ.",
                         "en": "GeoPackage to write (layers sites, eligible_parts, exclusions, "
                               "routes, conflicts); with --engine dask also a folder "
                               "DIR.parquet, one GeoParquet file per partition and layer, "
                               "written by the workers."},
    "help_analyze_csv": {"mn": "Талбайн хүснэгтийг төвийн lon/lat ба UTM солбицолтой бас "
                               "бичнэ.",
                         "en": "Also write the sites table with centroid lon/lat and UTM "
                               "coordinates."},
    "help_engine": {"mn": "dask: талбайнуудыг Dask кластерт хуваана (сая сая талбайд).",
                    "en": "dask: split the sites over a Dask cluster (for millions of "
                          "sites)."},
    "help_scheduler": {"mn": "--engine dask-тай: ажиллаж буй scheduler (tcp://host:8786); "
                             "анхдагч: хоёр worker-тай дотоод кластер.",
                       "en": "With --engine dask: a running scheduler (tcp://host:8786); "
                             "default: a local cluster of two workers."},
    "short_map": {"mn": "Интерактив газрын зургийг бичнэ (HTML, mn эсвэл en).",
                  "en": "Write the interactive site map (HTML, mn or en)."},
    "help_map": {
        "mn": "ХАВТАС-ын интерактив газрын зургийг бичнэ: бүх давхарга, талбай бүр яагаад "
              "ашиглах боломжтой эсэх, газар хэнийх, замд буй цэгүүд, тайлбар, хэрэгслүүд.\n\n"
              "--offline нь бүгдийг нэг файлд багтааж сүлжээгүй нээгдэнэ; --profile public "
              "нь нэр, утас, тодорхойгүй баганыг хасна. Хавтасны basemap.mbtiles (эсвэл "
              "--basemap FILE.mbtiles) хуудсанд орно: сумын хавтан --basemap-mb хүртэл, "
              "ашиглах боломжтой талбай бүрийн орчимд хамгийн нарийвчилсан нь.\n\n\b\nЖишээ:\n"
              "  $ asmap map zaamar/ --on 2021-04-06 --offline --out zaamar-map.html\n"
              "  $ asmap map zaamar/ --offline --basemap satellite.mbtiles --basemap-mb 40 "
              "--out m.html",
        "en": "Write the interactive map of FOLDER: every layer, why each site is or is not "
              "eligible, who holds the land, the posts on the way, a legend and map tools.\n\n"
              "FOLDER holds the layers (default: the bundled Zaamar sample). Without "
              "--results the analysis runs first (rules from --rules, else the folder's "
              "asmap.toml). --offline inlines everything, so the page opens on a laptop with "
              "no connection; --profile public leaves out names, phone numbers and unknown "
              "columns. The folder's basemap.mbtiles (or --basemap FILE.mbtiles) goes into the "
              "page: its tiles over the soum up to --basemap-mb, and the finest around each "
              "eligible site.\n\n\b\nExample:\n"
              "  $ asmap map zaamar/ --on 2021-04-06 --offline --out zaamar-map.html\n"
              "  $ asmap map zaamar/ --results results.gpkg --lang en --profile public "
              "--out map.html\n"
              "  $ asmap map zaamar/ --offline --basemap satellite.mbtiles --basemap-mb 40 "
              "--out m.html"},
    "help_offline": {"mn": "Сүлжээгүй бүрэн ажиллах нэг файл.",
                     "en": "One self-contained file that works with no network at all."},
    "help_map_out": {"mn": "Бичих HTML файл.", "en": "HTML file to write."},
    "short_print": {"mn": "Хэвлэхэд бэлэн газрын зураг бичнэ (PDF эсвэл 300 dpi PNG).",
                    "en": "Write a print-ready map (PDF or 300 dpi PNG)."},
    "help_print": {
        "mn": "ХАВТАС-ын хэвлэхэд бэлэн зураг: гарчиг, бүх давхарга, талбайн шошго, "
              "тайлбар, масштаб, хойд зүг, өргөрөг/уртрагийн тор, ашиглах боломжтой "
              "талбайн хүснэгт, эх сурвалж.\n\n--site нь нэг талбайн хуудас зурна. Сүлжээ "
              "хэрэггүй: хавтасны basemap.mbtiles (эсвэл --basemap FILE.mbtiles) хуудсанд "
              "тохирох томруулгаар зурагдана; --basemap osm|satellite|URL бол сервер хариу "
              "өгвөл хавтан зурагдана, үгүй бол хуудсанд тэгж бичнэ.\n\n"
              "\b\nЖишээ:\n  $ asmap print zaamar/ --on 2021-04-06 --out zaamar.pdf\n"
              "  $ asmap print --results results.gpkg --site ZT-01 --out ZT-01.pdf",
        "en": "Write a print-ready map of FOLDER: title, map with every layer, site labels, "
              "legend, scale bar, north arrow, lat/lon grid, the table of eligible sites and "
              "the data sources with their dates.\n\nFOLDER holds the layers (default: the "
              "bundled Zaamar sample). Without --results the analysis runs first. --site "
              "draws one site's sheet instead of the overview. --profile public leaves out "
              "names, phone numbers and unknown columns. No network is needed: the folder's "
              "basemap.mbtiles (or --basemap FILE.mbtiles) is drawn at the zoom matching the "
              "page; with --basemap osm|satellite|URL, tiles are drawn when the server "
              "answers, and the page says so when it does not.\n\n\b\nExamples:\n"
              "  $ asmap print zaamar/ --on 2021-04-06 --out zaamar.pdf\n"
              "  $ asmap print zaamar/ --lang en --paper A3 --orientation portrait "
              "--out zaamar.png\n"
              "  $ asmap print --results results.gpkg --site ZT-01 --profile public "
              "--out ZT-01.pdf\n"
              "  $ asmap print zaamar/ --basemap satellite --site ZT-01 "
              "--out ZT-01-satellite.pdf"},
    "help_paper": {"mn": "Цаасны хэмжээ.", "en": "Paper size."},
    "help_orientation": {"mn": "Хуудасны чиглэл.", "en": "Page orientation."},
    "help_site": {"mn": "Нэг талбайн хуудас хэвлэнэ (ойртуулсан, зам ба үзүүлэлттэй).",
                  "en": "Print one site's sheet (zoomed, with its route and figures)."},
    "help_basemap": {"mn": "Давхаргын доор энэ суурь зургийг зурна: MBTiles файл, эсвэл "
                           "сервер хариу өгвөл түүний хавтан (нэр, эсвэл {z}, {x}, {y}-тэй "
                           "URL). Анхдагч: хавтасны basemap.mbtiles байвал түүнийг, сүлжээгүй.",
                     "en": "Draw this basemap under the layers: an MBTiles file, or tiles from "
                           "a server when it answers (a name, or a tile URL with {z}, {x} and "
                           "{y}). Default: the folder's basemap.mbtiles when it has one, no "
                           "network."},
    "help_soum": {"mn": "Хилийн давхаргад олон сум байвал шинжлэх сум (нэр эсвэл shapeID, том "
                        "жижиг үсэг хамаагүй). Анхдагч: хамгийн их хаягдлын талбайтай нь.",
                  "en": "The soum to analyse when the boundary layer holds several (its name "
                        "or shapeID, any case). Default: the one holding the most tailings "
                        "area."},
    "help_basemap_file": {"mn": "Давхаргын доор энэ MBTiles суурь зургийг зурна (анхдагч: "
                                "хавтасны basemap.mbtiles байвал).",
                          "en": "Draw this MBTiles basemap under the layers (default: the "
                                "folder's basemap.mbtiles when it has one)."},
    "help_no_basemap": {"mn": "Хавтсанд суурь зураг байсан ч энгийн дэвсгэр.",
                        "en": "The plain background, even when the folder has a basemap."},
    "help_basemap_mb": {"mn": "Хуудсанд оруулах суурь зургийн хавтангийн MB (сумыг хамрах, "
                              "багтах томруулгууд).",
                        "en": "MB of basemap tiles to put into the page (the zooms that fit, "
                              "over the soum)."},
    "short_basemap": {"mn": "Төсөлд офлайн суурь зураг (MBTiles) хийнэ.",
                      "en": "Make an offline basemap (MBTiles) for a project."},
    "help_basemap_group": {
        "mn": "Офлайн суурь зураг: газрын зураг, хэвлэл бүрийн давхаргын доор зурагдах "
              "растр хавтангийн MBTiles файл (төслийн хавтасны basemap.mbtiles-ийг анхдагчаар "
              "хэрэглэнэ).\n\n\b\nЖишээ:\n"
              "  $ asmap basemap build zaamar/ --from dem.tif --out zaamar/basemap.mbtiles",
        "en": "Offline basemaps: MBTiles files of raster tiles that every map and print draws "
              "under the layers (a project folder's basemap.mbtiles is used by default)."
              "\n\n\b\nExample:\n"
              "  $ asmap basemap build zaamar/ --from dem.tif --out zaamar/basemap.mbtiles"},
    "short_basemap_build": {"mn": "Эх үүсвэрээс сумын MBTiles суурь зураг хийнэ.",
                            "en": "Make an MBTiles basemap of the soum from a source."},
    "help_basemap_build": {
        "mn": "ХАВТАС-ын сумыг (хил нь, эсвэл хаягдал нь) --margin-km-ээр томруулж, --zoom "
              "томруулгуудаар хамарсан MBTiles суурь зураг хийнэ.\n\nSOURCE нь {z}/{x}/{y}-тэй "
              "хавтангийн серверийн URL (татахыг зөвшөөрсөн; OpenStreetMap-ын нийтийн "
              "серверүүдийг татгалзана, тэдний дүрэм бөөнөөр татахыг хориглодог), MBTiles эсвэл "
              "PMTiles архив (бүсээр тасална), эсвэл ямар ч CRS-тэй GeoTIFF: хиймэл дагуулын "
              "зураг эсвэл скан хийсэн хуудас байгаагаар нь, DEM-ийг сүүдэрлэсэн рельеф "
              "болгоно.\n\nТасалдсан татлагыг ижил тушаалыг дахин ажиллуулж үргэлжлүүлнэ; файл "
              "бүрэн болсон үед л гарч ирнэ.\n\n\b\nЖишээ:\n"
              "  $ asmap basemap build zaamar/ --from dem.tif --zoom 8-13 --attribution "
              "\"SRTM\" \\\n      --out zaamar/basemap.mbtiles\n"
              "  $ asmap basemap build zaamar/ --from \"https://tiles.example.org/{z}/{x}/{y}"
              ".jpg\" \\\n      --attribution \"Imagery © NGO partner\" --out "
              "zaamar/basemap.mbtiles",
        "en": "Make an MBTiles basemap covering the soum of FOLDER (its boundary, else its "
              "tailings) grown by --margin-km, at zooms --zoom.\n\nSOURCE is a tile server "
              "URL with {z}/{x}/{y} (one you are allowed to download from: the public "
              "OpenStreetMap servers are refused, their tile usage policy forbids bulk "
              "downloads), an MBTiles or PMTiles archive (cut to the area), or a GeoTIFF in "
              "any CRS: a satellite scene or a scanned sheet as it is, a DEM as a hillshade."
              "\n\nAn interrupted download is resumed by running the same command again; the "
              "file appears only when complete.\n\n\b\nExamples:\n"
              "  $ asmap basemap build zaamar/ --from dem.tif --zoom 8-13 --attribution "
              "\"SRTM\" \\\n      --out zaamar/basemap.mbtiles\n"
              "  $ asmap basemap build zaamar/ --from \"https://tiles.example.org/{z}/{x}/{y}"
              ".jpg\" \\\n      --attribution \"Imagery © NGO partner\" --out "
              "zaamar/basemap.mbtiles"},
    "help_bm_from": {"mn": "Татахыг зөвшөөрсөн {z}/{x}/{y}-тэй хавтангийн URL, .mbtiles эсвэл "
                           ".pmtiles архив, эсвэл GeoTIFF (зураг, скан хуудас, DEM).",
                     "en": "A tile URL with {z}/{x}/{y} you may download from, an .mbtiles or "
                           ".pmtiles archive, or a GeoTIFF (scene, scanned sheet, or DEM)."},
    "help_bm_out": {"mn": "Бичих MBTiles файл (хавтасны basemap.mbtiles-ийг анхдагчаар "
                          "хэрэглэнэ).",
                    "en": "MBTiles file to write (basemap.mbtiles in the folder is used by "
                          "default)."},
    "help_bm_zoom": {"mn": "Хийх томруулгын түвшин.", "en": "Zoom levels to make."},
    "help_bm_margin": {"mn": "Сумыг энэ олон км-ээр томруулж хамарна.",
                       "en": "Cover the soum grown by this many km."},
    "help_bm_attribution": {"mn": "Газрын зураг, хэвлэл бүрт харагдах эх сурвалж (анхдагч: "
                                  "эх үүсвэрийнх).",
                            "en": "Credit shown on every map and print (the source's own by "
                                  "default)."},
    "cli_wrote_basemap": {"mn": "{path} бичлээ: {tiles} хавтан ({levels}{resumed}), {mb:.1f} МБ",
                          "en": "wrote {path}: {tiles} tiles ({levels}{resumed}), {mb:.1f} MB"},
    "cli_basemap_resumed": {"mn": ", {n} нь өмнөх ажиллагаанаас",
                            "en": ", {n} from an earlier run"},
    "err_no_basemap_file": {"mn": "{value}: ийм суурь зургийн файл алга; замаа шалгах эсвэл "
                                  "`asmap basemap build`-ээр хийнэ үү",
                            "en": "{value}: no such basemap file; check the path or make one "
                                  "with `asmap basemap build`"},
    "err_basemap_contradiction": {"mn": "--basemap ба --no-basemap зөрчилдөж байна; нэгийг өгнө "
                                        "үү",
                                  "en": "--basemap and --no-basemap contradict each other; "
                                        "give one"},
    "err_basemap_online": {"mn": "{basemap}: энэ тушаал энд MBTiles файл авна (газрын зургийн "
                                 "давхаргын удирдлагад OpenStreetMap ба хиймэл дагуулын онлайн "
                                 "хавтан аль хэдийн бий)",
                           "en": "{basemap}: this command takes an MBTiles file here (the map's "
                                 "layer control already offers OpenStreetMap and satellite tiles "
                                 "online)"},
    "help_print_out": {"mn": "Бичих файл: .pdf (вектор, бүх хуудас) эсвэл .png (300 dpi, "
                             "эхний хуудас).",
                       "en": "File to write: .pdf (vector, every page) or .png (300 dpi, "
                             "first page)."},
    "short_brief": {"mn": "Хэлэлцээрийн хавтас бичнэ (зураг, хүснэгт, товч).",
                    "en": "Write the negotiation brief folder (maps, tables, summary)."},
    "help_brief": {
        "mn": "ХАВТАС-ыг шинжилж, гурван талт хэлэлцээрт авч очих бүх зүйлийг DIR-т "
              "бичнэ: map.html, overview.pdf, sites.csv, sites.xlsx, conflicts.csv, "
              "summary.md, summary.html, results.gpkg, documents/.\n\n--profile public нь "
              "зөвхөн нийтэд нээлттэй баганыг бичнэ. Хавтас бүрэн болсон үедээ л гарч "
              "ирнэ. Хавтасны basemap.mbtiles (эсвэл --basemap FILE.mbtiles) нь газрын зураг "
              "ба хуудас бүрийн дэвсгэр болно.\n\n--since OLD нь товчид \"Өмнөх товч "
              "мэдээллээс хойш\" хэсэг, газрын "
              "зурагт \"changes\" давхарга (анхандаа унтраалттай) нэмнэ.\n\n\b\nЖишээ:\n"
              "  $ asmap brief zaamar/ --on 2021-04-06 --out brief/\n"
              "  $ asmap brief zaamar/ --on 2021-07-01 --since brief/ --out brief-july/",
        "en": "Analyse FOLDER and write everything negotiators carry to the talks into "
              "DIR:\n\n\b\n  map.html       the interactive map, works with no network\n"
              "  overview.pdf   the overview map, then one sheet per eligible site\n"
              "  sites.csv      every site and why (machine column names)\n"
              "  sites.xlsx     the same for people: headers in the language, hectares "
              "to 0.01\n  conflicts.csv  overlapping licenses\n"
              "  summary.md     counts, eligible hectares, who to negotiate with, posts "
              "where a\n  summary.html   movement permit is needed, conflicts, rules, data "
              "sources\n  results.gpkg   the analysis layers, for QGIS\n"
              "  documents/     the documents the sites and posts name\n\n"
              "--since OLD adds a \"Since the last brief\" section to the summary and a "
              "\"changes\" layer (off by default) to the map: the sites that changed, the "
              "change in the popup.\n\n"
              "--profile public writes only columns the catalogue marks public (no names, "
              "phone numbers or unknown columns) in every file. The folder appears only "
              "when complete. The folder's basemap.mbtiles (or --basemap FILE.mbtiles) is the "
              "background of the map and of every page.\n\n\b\nExamples:\n"
              "  $ asmap brief zaamar/ --on 2021-04-06 --out brief/\n"
              "  $ asmap brief zaamar/ --lang en --profile public --out brief-public/\n"
              "  $ asmap brief zaamar/ --on 2021-07-01 --since brief/ --out brief-july/"},
    "help_brief_since": {
        "mn": "Өмнөх товч мэдээллийн хавтас эсвэл results.gpkg: түүнээс хойш өөрчлөгдсөнийг "
              "товчид болон газрын зургийн давхаргаар нэмнэ.",
        "en": "An earlier brief folder or results.gpkg: add what changed since then to the "
              "summary and as a map layer."},
    "help_brief_out": {"mn": "Бичих хавтас (байвал бүхлээр нь солино).",
                       "en": "Folder to write (replaced as a whole when it exists)."},
    "short_compare": {"mn": "Хоёр үр дүн эсвэл товч мэдээллийн хооронд юу өөрчлөгдсөн.",
                      "en": "What changed between two results or briefs."},
    "help_compare": {
        "mn": "OLD-ийг NEW-тэй харьцуулж, өөрчлөгдсөнийг DIR-т бичнэ.\n\nOLD ба NEW нь үр "
              "дүнгийн GeoPackage (`asmap analyze --out`) эсвэл товч мэдээллийн хавтас "
              "(results.gpkg агуулсан): өгөгдлийн хоёр хувилбар, эсвэл нэг өгөгдлийн хоёр "
              "огноо.\n\n\b\n  changes.csv    өөрчлөлт бүр нэг мөрөнд: site_id, change "
              "(үгээр), before, after\n  changes.xlsx   мөн адил, гарчиг нь сонгосон хэлээр\n"
              "  changes.md     тоо, ашиглах боломжтой болсон эсвэл боломжгүй болсон талбай,\n"
              "  changes.html   шинэ эсвэл хасагдсан тусгай зөвшөөрөл, цэг, өөрчлөгдсөн гэрээ\n"
              "  changes.gpkg   өөрчлөгдсөн талбайнууд `change` баганатай, QGIS-д\n\n\b\n"
              "Жишээ:\n  $ asmap compare brief-march/ brief-june/ --out changes/\n"
              "  $ asmap compare old.gpkg new.gpkg --lang en --out changes/",
        "en": "Compare OLD with NEW and write what changed into DIR.\n\nOLD and NEW are "
              "results GeoPackages (`asmap analyze --out`) or brief folders (they hold "
              "results.gpkg): two versions of the data, or the same data on two dates.\n\n"
              "\b\n  changes.csv    one row per change: site_id, change (in words), before, "
              "after\n  changes.xlsx   the same, headers in the language\n"
              "  changes.md     counts, sites that became or stopped being eligible and why,\n"
              "  changes.html   licenses and posts that appeared or went, agreements that "
              "changed\n  changes.gpkg   the changed sites with a `change` column, for QGIS\n"
              "\n\b\nExamples:\n  $ asmap compare brief-march/ brief-june/ --out changes/\n"
              "  $ asmap compare old.gpkg new.gpkg --lang en --out changes/"},
    "cli_rules_differ": {
        "mn": "OLD ба NEW өөр дүрмээр хийгдсэн ({rules}); ямар ч байсан харьцуулав",
        "en": "OLD and NEW were made with different rules ({rules}); compared all the same"},
    "cli_wrote_changes": {
        "mn": "{out}/ бичлээ ({sites} талбайд {n} өөрчлөлт, {old} -> {new})",
        "en": "wrote {out}/ ({n} changes at {sites} sites, {old} -> {new})"},
    "short_timeline": {"mn": "Хугацааны туршид талбай бүрийн дүгнэлт хэзээ өөрчлөгдөх вэ.",
                       "en": "When each site's verdict changes over a period."},
    "help_timeline": {
        "mn": "ХАВТАС-ыг --from ба --to хооронд оролт өөрчлөгдөх өдөр бүрээр шинжилж, талбай "
              "бүрийн интервалыг (site_id, from, until, eligible, reasons, notes, "
              "negotiate_with, posts_on_route, changed_by) болон талбай бүрийн графикийг "
              "бичнэ.\n\nҮйл явдал: цэгийн start_date ба end_date-ийн дараах өдөр, тусгай "
              "зөвшөөрлийн эхлэл ба дуусгаврын дараах өдөр, төлөвлөсөн нөхөн сэргээлтийн "
              "start_date-ээс reclamation_notice_days хасагдсан өдөр, гэрээний огноонууд.\n\n"
              "\b\nЖишээ:\n"
              "  $ asmap timeline zaamar/ --from 2021-01-01 --to 2021-12-31 --out timeline.csv\n"
              "  $ asmap timeline --from 2021-04-06 --to 2022-04-05 --site ZT-07 --out zt07.csv",
        "en": "Analyse FOLDER on every date an input changes between --from and --to, and "
              "write each site's intervals (site_id, from, until, eligible, reasons, notes, "
              "negotiate_with, posts_on_route, changed_by) and a chart per site.\n\n"
              "Events: a post's start_date and the day after its end_date, a license's start "
              "and the day after its end, a planned reclamation's start_date minus "
              "reclamation_notice_days, an agreement's dates.\n\n\b\nExamples:\n"
              "  $ asmap timeline zaamar/ --from 2021-01-01 --to 2021-12-31 --out timeline.csv\n"
              "  $ asmap timeline --from 2021-04-06 --to 2022-04-05 --site ZT-07 --out zt07.csv"},
    "help_timeline_from": {"mn": "Хугацааны эхний өдөр.", "en": "First day of the period."},
    "help_timeline_to": {"mn": "Хугацааны сүүлийн өдөр.", "en": "Last day of the period."},
    "help_timeline_site": {"mn": "Зөвхөн энэ талбайг дагана (олныг бол давтана); анхдагч: "
                                 "бүх талбай.",
                           "en": "Follow only this site (repeat for more); default: every "
                                 "site."},
    "help_timeline_out": {"mn": "Бичих интервалын CSV; timeline.html-ийг хажууд нь бичнэ.",
                          "en": "CSV of intervals to write; timeline.html is written beside "
                                "it."},
    "err_from_after_to": {"mn": "--from {start} нь --to {end}-ээс хойно; --from-ыг түрүүлж "
                                "өгнө үү",
                          "en": "--from {start} is after --to {end}; give --from first"},
    "cli_wrote_timeline": {
        "mn": "{csv} ба {page} бичлээ ({sites} талбай, {n} интервал, {dates} огноо шинжлэв)",
        "en": "wrote {csv} and {page} ({sites} sites, {n} intervals, {dates} dates analysed)"},
    "short_annex": {"mn": "Гэрээний хавсралт бичнэ: газрын зураг ба булангийн солбицол.",
                    "en": "Write an agreement's annex: map and corner coordinates."},
    "help_annex": {
        "mn": "ХАВТАС-ын AGREEMENT_ID гэрээний хавсралтыг бичнэ, гарын үсэг зурсан "
              "бичвэрт хавсаргана.\n\n1-р хуудас: гэрээний газар бүхэл масштабаар, "
              "масштабын шугам, хойд зүг, торлол, тусгай зөвшөөрлийн хил, хориглосон бүс, "
              "дугаарласан булангууд; талууд, гектар, ажиллах хугацаа, ИТХ-ын тогтоол, "
              "шалгалтууд, гурван гарын үсгийн хэсэг. Дараа нь талбай бүрийн булангийн "
              "солбицлын хүснэгт (DMS, аравтын градус, UTM). Зураг газарзүйн солбицолтой: "
              "утасны PDF газрын зургийн програм таны байршлыг харуулна.\n\n\b\nЖишээ:\n"
              "  $ asmap annex AG-2021-01 --on 2021-04-06 --out AG-2021-01.pdf\n"
              "  $ asmap annex zaamar/ AG-2021-02 --lang en --paper A3 --out annex.pdf",
        "en": "Write the annex of agreement AGREEMENT_ID of FOLDER, to staple to the signed "
              "text.\n\nPage 1: the agreed ground at a round scale with scale bar, north "
              "arrow, graticule, the license outline, the exclusion zones and the numbered "
              "corners; the parties, hectares, working window, council resolution, the checks "
              "and three signature blocks. Then the corner coordinate table of each site (DMS, "
              "decimal degrees, UTM). The map is georeferenced: a phone PDF map app shows your "
              "position on it.\n\n\b\nExamples:\n"
              "  $ asmap annex AG-2021-01 --on 2021-04-06 --out AG-2021-01.pdf\n"
              "  $ asmap annex zaamar/ AG-2021-02 --lang en --paper A3 --out annex.pdf"},
    "help_annex_paper": {"mn": "Цаасны хэмжээ (босоо).", "en": "Paper size (portrait)."},
    "help_annex_out": {"mn": "Бичих PDF.", "en": "The PDF to write."},
    "err_annex_out": {"mn": "{path}: хавсралт нь PDF; *.pdf гэж нэрлэнэ үү",
                      "en": "{path}: an annex is a PDF; name it *.pdf"},
    "err_annex_where": {
        "mn": "гэрээний дугаарыг, хавтас байвал түүний дараа өгнө үү (asmap annex zaamar/ "
              "AG-2021-01 --out annex.pdf)",
        "en": "give the agreement id, after the folder if any (asmap annex zaamar/ AG-2021-01 "
              "--out annex.pdf)"},
    "cli_wrote_annex": {"mn": "{path} бичлээ ({agreement} гэрээний хавсралт, {paper}, "
                              "{language}, {profile})",
                        "en": "wrote {path} (annex of {agreement}, {paper}, {language}, "
                              "{profile})"},
    "short_export": {"mn": "Давхарга эсвэл үр дүнг KML/KMZ, GeoJSON, GeoPackage, Shapefile, "
                           "суурь зургийг MBTiles болгоно.",
                     "en": "Export layers or results as KML/KMZ, GeoJSON, GeoPackage, "
                           "Shapefile; the basemap as MBTiles."},
    "help_export": {
        "mn": "Төслийн хавтас эсвэл шинжилгээг (results.gpkg) бусад программд экспортлоно.\n\n"
              "kml/kmz нь Google Earth, OsmAnd, Organic Maps, Mapeo-д; gpkg нь QGIS-д "
              "загвартайгаа нээгдэнэ; geojson ба shp нь давхарга бүрт нэг файлтай хавтас "
              "бичнэ; mbtiles нь хавтасны basemap.mbtiles-ийг (эсвэл --basemap) сумаар тасалж "
              "бичнэ: ODK Collect, Mapeo, QField-ийн офлайн дэвсгэр.\n\n\b\nЖишээ:\n"
              "  $ asmap export results.gpkg --to kmz --out zaamar.kmz --profile public\n"
              "  $ asmap export zaamar/ --to mbtiles --out zaamar-background.mbtiles",
        "en": "Export a project folder or an analysis (results.gpkg) for other tools.\n\n"
              "kml/kmz for Google Earth, OsmAnd, Organic Maps and Mapeo; gpkg opens in QGIS "
              "already styled; geojson and shp write a folder with one file per layer; mbtiles "
              "writes the folder's basemap.mbtiles (or --basemap) cut to the soum, the offline "
              "background for ODK Collect, Mapeo and QField.\n\n"
              "A FOLDER alone exports its layers. Add --on (or --rules) to analyse it first, "
              "or --results to use an earlier analysis: the export then holds every layer of "
              "the folder plus the analysis layers (sites with their verdicts, exclusions, "
              "routes, conflicts).\n\n\b\nExample:\n"
              "  $ asmap export results.gpkg --to kmz --out zaamar.kmz --profile public\n"
              "  $ asmap export zaamar/ --on 2021-04-06 --to gpkg --out zaamar-qgis.gpkg\n"
              "  $ asmap export zaamar/ --to mbtiles --out zaamar-background.mbtiles"},
    "help_to": {"mn": "Гаралтын формат.", "en": "Output format."},
    "help_export_out": {"mn": "Бичих файл (kml, kmz, gpkg) эсвэл хавтас (geojson, shp).",
                        "en": "File (kml, kmz, gpkg) or folder (geojson, shp) to write."},
    "short_import": {"mn": "Кадастрын хүснэгт, GPS, утасны (Kobo/ODK) өгөгдлийг давхарга "
                           "болгоно.",
                     "en": "Turn cadastre tables, GPS files and phone data into layers."},
    "help_import": {"mn": "Хээрийн өгөгдлийг давхарга болгоно: кадастрын булангийн хүснэгт, "
                          "GPS файл, KoboToolbox / ODK Central-ын экспорт.",
                    "en": "Turn field data into layers: cadastre corner tables, handheld GPS "
                          "files, and KoboToolbox / ODK Central exports."},
    "help_import_out": {"mn": "Бичих давхаргын файл (өргөтгөл нь форматыг сонгоно).",
                        "en": "Layer file to write (its extension chooses the format)."},
    "short_licenses": {"mn": "Булангийн солбицлын хүснэгтээс тусгай зөвшөөрлийн полигон.",
                       "en": "License polygons from a table of corner coordinates."},
    "help_licenses": {
        "mn": "Кадастрын хүснэгтээс (мөр бүр нэг булангийн цэг) тусгай зөвшөөрлийн "
              "полигон.\n\nТолгой англиар (license_id, point, lon, lat, holder, kind, status, "
              "start_date, end_date) эсвэл монголоор (Тусгай зөвшөөрлийн дугаар, Цэг, "
              "Уртраг, Өргөрөг, Эзэмшигч, Төрөл, Төлөв). Солбицол аравтын бутархай эсвэл "
              "DMS-ээр. Муу мөр байвал юу ч бичихгүй.\n\n\b\nЖишээ:\n"
              "  $ asmap import licenses corners.xlsx --out zaamar/licenses.gpkg",
        "en": "License polygons from a cadastre table, one row per corner point.\n\n"
              "Headers in English (license_id, point, lon, lat, holder, kind, status, "
              "start_date, end_date) or Mongolian (Тусгай зөвшөөрлийн дугаар, Цэг, Уртраг, "
              "Өргөрөг, Эзэмшигч, Төрөл, Төлөв). Coordinates in decimal degrees or DMS "
              "(104°52'20.5\", 104 52 20.5, 104:52:20.5, 104-52-20.5). Nothing is written "
              "when a row is bad.\n\n\b\nExample:\n"
              "  $ asmap import licenses corners.xlsx --out zaamar/licenses.gpkg"},
    "help_import_crs": {"mn": "WGS84 биш бол солбицлын CRS (Pulkovo 1942-д +towgs84 хэрэгтэй).",
                        "en": "CRS of the coordinates when not WGS84 (Pulkovo 1942 needs "
                              "+towgs84)."},
    "short_gps": {"mn": "GPX цэг, замнал эсвэл lat/lon CSV-ээс давхарга.",
                  "en": "A layer from GPX waypoints and tracks, or a CSV of lat/lon."},
    "help_gps": {
        "mn": "Гар GPS эсвэл утасны апп (GPX), эсвэл lat/lon баганатай CSV-ээс давхарга.\n\n"
              "Цэгүүд төрлийн дугаараар нэрлэгдсэн цэг болно; эхэндээ буцаж ирсэн замнал "
              "полигон, нээлттэй замнал шугам болно. GPS мэдэхгүй баганыг хоосон үлдээнэ: "
              "бөглөөд `asmap validate` ажиллуулна уу.\n\n\b\nЖишээ:\n"
              "  $ asmap import gps walk.gpx --kind tailings --out zaamar/tailings.gpkg",
        "en": "A layer from a handheld GPS or phone app (GPX) or a CSV with lat/lon "
              "columns.\n\nWaypoints become points named by the kind's id; tracks walked "
              "back to their start become polygons; open tracks become lines. Columns a GPS "
              "cannot know are left empty: fill them in, then run `asmap validate`.\n\n"
              "\b\nExample:\n"
              "  $ asmap import gps walk.gpx --kind tailings --out zaamar/tailings.gpkg"},
    "help_kind": {"mn": "Объектуудын давхаргын төрөл.", "en": "Layer kind the features are."},
    "short_kobo": {"mn": "KoboToolbox / ODK Central-ын экспортоос давхарга (XLSX, CSV, ZIP).",
                   "en": "A layer from a KoboToolbox or ODK Central export (XLSX, CSV, ZIP)."},
    "help_kobo": {
        "mn": "KoboToolbox эсвэл ODK Central-ын өгөгдлийн экспортоос давхарга.\n\n"
              "XLSX эсвэл CSV (; эсвэл ,), ODK Central-ын CSV ZIP (давталтын бүлгийн "
              "FORM-REPEAT.csv-тэй), XML нэр эсвэл шошготой толгой, бүлгийн угтвар "
              "(group_site/stage), geopoint (lat lon alt acc эсвэл _location_latitude ...), "
              "geoshape, _uuid, _submission_time, _index, давталтын бүлгүүд (тусдаа "
              "хүснэгтээр), зураг. "
              "Талбарууд нэрээрээ, --map файлаар эсвэл шошгоороо; сонголтууд нэр эсвэл "
              "хоёр хэлний шошгоороо таарна. Муу мөр бүрийг нэг мөрөнд хэлж, юу ч "
              "бичихгүй.\n\n\b\nЖишээ:\n"
              "  $ asmap import kobo tailings_visit.xlsx --kind tailings --out "
              "zaamar/tailings.gpkg",
        "en": "A layer from a KoboToolbox or ODK Central data export.\n\nXLSX or CSV "
              "(; or ,), ODK Central's CSV ZIP (with a FORM-REPEAT.csv per repeat group), "
              "XML-value or label headers, group prefixes (group_site/stage), "
              "geopoints (lat lon alt acc, or _location_latitude ...), geoshapes, _uuid, "
              "_submission_time, _index, repeat groups (kept as their own tables) and "
              "photo columns. Fields map by name, by the --map file or by their label; "
              "choices by name or by their label in either language. Every bad row is one "
              "line; nothing is written then.\n\n\b\nExample:\n"
              "  $ asmap import kobo tailings_visit.xlsx --kind tailings --out "
              "zaamar/tailings.gpkg\n"
              "  $ asmap import kobo posts.csv --kind posts --map fields.toml --out posts.gpkg"},
    "help_kobo_map": {"mn": "[fields] хүснэгттэй TOML: каталогийн багана = \"экспортын "
                            "толгой\" (geometry = байршлын багана).",
                      "en": "TOML with a [fields] table: catalogue column = \"export "
                            "header\" (geometry = the location column)."},
    "help_no_photos": {"mn": "Зургийг огт оруулахгүй (public хувилбарт ч газрын зураг орно).",
                       "en": "Leave every photo out (public keeps photos of the ground)."},
    "help_photo_mb": {"mn": "Газрын зурагт оруулах зургийн дээд хэмжээ, МБ (хэтэрвэл "
                            "анхааруулна).",
                      "en": "Most megabytes of photos embedded in the map (a warning says "
                            "when exceeded)."},
    "documents_heading": {"mn": "Баримт бичиг", "en": "Documents"},
    "cli_nothing_written": {"mn": "{file}: {n} асуудал; юу ч бичээгүй",
                            "en": "{file}: {n} problems; nothing was written"},
    # analyze's summary table and progress steps
    "cli_summary_title": {"mn": "asmap analyze, {on}", "en": "asmap analyze, {on}"},
    "cli_aoi": {"mn": "сонирхлын бүс", "en": "area of interest"},
    "cli_aoi_extent": {"mn": "хаягдлын хамрах хүрээ", "en": "the tailings' extent"},
    "cli_measured_in": {"mn": "хэмжсэн систем", "en": "measured in"},
    "cli_holder_unknown": {"mn": "газар эзэмшигч тодорхойгүй (тусгай зөвшөөрлийн өгөгдөлгүй)",
                           "en": "land holder not known (no license data)"},
    "cli_sites": {"mn": "талбай", "en": "sites"},
    "cli_eligible": {"mn": "ашиглах боломжтой", "en": "eligible"},
    "cli_eligible_unverified": {"mn": "ашиглах боломжтой, баталгаажаагүй",
                                "en": "eligible, unverified"},
    "cli_eligible_ha": {"mn": "ашиглах боломжтой га", "en": "eligible hectares"},
    "cli_unchecked": {"mn": "шалгаагүй дүрэм", "en": "unchecked rules"},
    "cli_posts_permits": {"mn": "зөвшөөрөл шаардах цэг", "en": "posts needing permits"},
    "cli_negotiate_with": {"mn": "хэлэлцэх тал: {party}", "en": "negotiate with {party}"},
    "cli_conflicts": {"mn": "тусгай зөвшөөрлийн давхцал", "en": "license conflicts"},
    "cli_agreement": {"mn": "гэрээ {agreement}", "en": "agreement {agreement}"},
    "cli_no_problem": {"mn": "асуудал илрээгүй", "en": "no problem found"},
    "cli_wrote": {"mn": "{path} бичлээ", "en": "wrote {path}"},
    "cli_wrote_and": {"mn": "{path} ба {csv} бичлээ", "en": "wrote {path} and {csv}"},
    "step_loading": {"mn": "давхарга уншиж байна", "en": "loading layers"},
    "step_brief_start": {"mn": "товч мэдээлэл эхэлж байна", "en": "starting the brief"},
    "step_brief_map": {"mn": "интерактив зураг бичиж байна",
                       "en": "writing the interactive map"},
    "step_brief_tables": {"mn": "хүснэгт, тайлан бичиж байна",
                          "en": "writing the tables and the summary"},
    "step_brief_sheets": {"mn": "{n} талбайн хуудас зурж байна",
                          "en": "drawing {n} site sheets"},
    "step_reproject": {"mn": "проекц хөрвүүлж байна", "en": "reproject"},
    "step_exclusions": {"mn": "хориглосон бүс", "en": "exclusions"},
    "step_areas": {"mn": "талбай тооцож байна", "en": "areas"},
    "step_licenses": {"mn": "тусгай зөвшөөрөл", "en": "licenses"},
    "step_routes": {"mn": "хүрэх зам", "en": "routes"},
    "step_conflicts": {"mn": "давхцал", "en": "conflicts"},
    # validate's table
    "col_severity": {"mn": "ноцтой", "en": "severity"},
    "col_layer": {"mn": "давхарга", "en": "layer"},
    "col_feature": {"mn": "объект", "en": "feature"},
    "col_field": {"mn": "талбар", "en": "field"},
    "col_problem": {"mn": "асуудал", "en": "problem"},
    "col_todo": {"mn": "юу хийх", "en": "what to do"},
    "sev_error": {"mn": "алдаа", "en": "error"},
    "sev_warning": {"mn": "анхааруулга", "en": "warning"},
    # what the other commands say when done
    "cli_wrote_map": {"mn": "{path} бичлээ ({mb:.1f} МБ, {mode}, {language})",
                      "en": "wrote {path} ({mb:.1f} MB, {mode}, {language})"},
    "cli_offline": {"mn": "сүлжээгүй", "en": "offline"},
    "cli_online": {"mn": "сүлжээтэй", "en": "online"},
    "cli_fetching_tiles": {"mn": "{basemap} суурь зураг татаж байна (сервер хамгийн ихдээ "
                                 "{seconds:.0f} с хүлээнэ)",
                           "en": "fetching {basemap} tiles (waiting at most {seconds:.0f} s "
                                 "for the server)"},
    "cli_site_sheet": {"mn": "{site} талбай", "en": "site {site}"},
    "cli_overview": {"mn": "тойм", "en": "overview"},
    "cli_wrote_print": {"mn": "{path} бичлээ ({what}, {paper} {orientation}, {language}, "
                              "{profile})",
                        "en": "wrote {path} ({what}, {paper} {orientation}, {language}, "
                              "{profile})"},
    "cli_wrote_brief": {"mn": "{path}/ бичлээ (ашиглах боломжтой {n} талбай, {language}, "
                              "{profile})",
                        "en": "wrote {path}/ ({n} eligible sites, {language}, {profile})"},
    "cli_wrote_export": {"mn": "{path} бичлээ.", "en": "Wrote {path}."},
    "cli_wrote_layer": {"mn": "{out}-д {n} {what} бичлээ.", "en": "Wrote {n} {what} to {out}."},
    "cli_warning": {"mn": "анхааруулга: {text}", "en": "warning: {text}"},
    "cli_unexpected": {"mn": "гэнэтийн алдаа {kind}: {detail} (ASMAP_DEBUG=1 тавьж дахин "
                             "ажиллуулаад гаралтыг мэдэгдэнэ үү)",
                       "en": "unexpected {kind}: {detail} (run again with ASMAP_DEBUG=1 and "
                             "report the output)"},
    "err_no_path": {"mn": "{path}: ийм файл, хавтас алга; замаа шалгана уу",
                    "en": "{path}: no such file or folder; check the path"},
    "err_lang_env": {"mn": "{name}={value!r}: mn эсвэл en гэж тавина уу",
                     "en": "{name}={value!r}: set it to mn or en"},
    "err_not_date": {"mn": "{value!r} нь огноо биш; YYYY-MM-DD хэлбэрээр бичнэ үү",
                     "en": "{value!r} is not a date; write it as YYYY-MM-DD"},
    "err_results_with_rules": {
        "mn": "--rules, --on ба --soum нь шинжлэхэд хэрэглэгдэнэ; --results-д аль дүрэм, "
              "огноо, сумыг хэрэглэсэн нь аль хэдийн бичигдсэн",
        "en": "--rules, --on and --soum apply when analysing; with --results the results "
              "already say which rules, date and soum were used"},
    "err_dataset_needs_dask": {
        "mn": "--out DIR.parquet-д --engine dask хэрэгтэй, --csv хэрэггүй; эс бөгөөс "
              "results.gpkg бичнэ үү",
        "en": "--out DIR.parquet needs --engine dask and no --csv; otherwise write "
              "results.gpkg"},
    "err_scheduler_engine": {"mn": "--scheduler-т --engine dask хэрэгтэй",
                             "en": "--scheduler needs --engine dask"},
    "err_export_folder": {"mn": "--results, --rules, --on, --crs ба --soum нь төслийн "
                                "ХАВТАС-тай хэрэглэгдэнэ",
                          "en": "--results, --rules, --on, --crs and --soum go with a project "
                                "FOLDER"},
    "err_basemap_mbtiles": {"mn": "--basemap нь --to mbtiles-тай хэрэглэгдэнэ",
                            "en": "--basemap goes with --to mbtiles"},
    "err_print_out": {"mn": "{path}: зургийг .pdf (вектор) эсвэл .png файлд бичнэ үү",
                      "en": "{path}: write the map to a .pdf (vector) or a .png file"},
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
    # --- click's own words (cli/click_words.py): "en" is click's message exactly as click
    # writes it (its gettext message id), "mn" what asmap says instead under --lang mn ---
    "click_usage": {"mn": "Хэрэглээ:", "en": "Usage:"},
    "click_options": {"mn": "Сонголтууд", "en": "Options"},
    "click_commands": {"mn": "Тушаалууд", "en": "Commands"},
    "click_positional": {"mn": "Байршлын аргументууд", "en": "Positional arguments"},
    "click_help": {"mn": "Энэ тусламжийг харуулаад гарна.", "en": "Show this message and exit."},
    "click_version_help": {"mn": "Хувилбарыг харуулаад гарна.",
                           "en": "Show the version and exit."},
    "click_version": {"mn": "%(prog)s, хувилбар %(version)s",
                      "en": "%(prog)s, version %(version)s"},
    "click_error": {"mn": "Алдаа: {message}", "en": "Error: {message}"},
    "click_try_help": {"mn": "Тусламжийг '{command} {option}'-оор үзнэ үү.",
                       "en": "Try '{command} {option}' for help."},
    "click_no_option": {"mn": "{name!r} гэсэн сонголт алга.", "en": "No such option {name!r}."},
    "click_no_option_81": {"mn": "{name} гэсэн сонголт алга.", "en": "No such option: {name}"},
    "click_no_command": {"mn": "{name!r} гэсэн тушаал алга.",
                         "en": "No such command {name!r}."},
    "click_did_you_mean": {"mn": "{possibility} гэсэн үү?", "en": "Did you mean {possibility}?"},
    "click_did_you_mean_many": {"mn": "(Эдгээрийн аль нэг гэсэн үү: {possibilities}?)",
                                "en": "(Did you mean one of: {possibilities}?)"},
    "click_possible_options": {"mn": "(Боломжит сонголтууд: {possibilities})",
                               "en": "(Possible options: {possibilities})"},
    "click_missing_argument": {"mn": "Дутуу аргумент", "en": "Missing argument"},
    "click_missing_option": {"mn": "Дутуу сонголт", "en": "Missing option"},
    "click_missing_parameter": {"mn": "Дутуу параметр", "en": "Missing parameter"},
    "click_missing_kind": {"mn": "Дутуу {param_type}", "en": "Missing {param_type}"},
    "click_missing_named": {"mn": "Дутуу параметр: {param_name}",
                            "en": "Missing parameter: {param_name}"},
    "click_missing_command": {"mn": "Тушаал өгөөгүй байна.", "en": "Missing command."},
    "click_invalid_for": {"mn": "{param_hint}-ийн утга буруу: {message}",
                          "en": "Invalid value for {param_hint}: {message}"},
    "click_invalid": {"mn": "Утга буруу: {message}", "en": "Invalid value: {message}"},
    "click_extra_argument": {"mn": "Илүү аргумент өгсөн ({args})",
                             "en": "Got unexpected extra argument ({args})"},
    "click_extra_arguments": {"mn": "Илүү аргументууд өгсөн ({args})",
                              "en": "Got unexpected extra arguments ({args})"},
    "click_no_value": {"mn": "{name!r} сонголт утга авдаггүй.",
                       "en": "Option {name!r} does not take a value."},
    "click_needs_value": {"mn": "{name!r} сонголтод утга хэрэгтэй.",
                          "en": "Option {name!r} requires an argument."},
    "click_needs_values": {"mn": "{name!r} сонголтод {nargs} утга хэрэгтэй.",
                           "en": "Option {name!r} requires {nargs} arguments."},
    "click_argument_values": {"mn": "{name!r} аргумент {nargs} утга авна.",
                              "en": "Argument {name!r} takes {nargs} values."},
    "click_takes_one": {"mn": "{nargs} утга авах ёстой, 1 өгсөн.",
                        "en": "Takes {nargs} values but 1 was given."},
    "click_takes_many": {"mn": "{nargs} утга авах ёстой, {len} өгсөн.",
                         "en": "Takes {nargs} values but {len} were given."},
    "click_not_choice": {"mn": "{value!r} нь {choice} биш.", "en": "{value!r} is not {choice}."},
    "click_not_choices": {"mn": "{value!r} нь {choices}-ийн аль нь ч биш.",
                          "en": "{value!r} is not one of {choices}."},
    "click_choose_from": {"mn": "Эдгээрээс сонгоно уу:\n\t{choices}",
                          "en": "Choose from:\n\t{choices}"},
    "click_not_in_range": {"mn": "{value} нь {range} мужид орохгүй.",
                           "en": "{value} is not in the range {range}."},
    "click_not_number": {"mn": "{value!r} нь {number_type} тоо биш.",
                         "en": "{value!r} is not a valid {number_type}."},
    "click_not_boolean": {"mn": "{value!r} нь тийм/үгүй утга биш. Танигдах утгууд: {states}",
                          "en": "{value!r} is not a valid boolean. Recognized values: {states}"},
    "click_not_format": {"mn": "{value!r} нь {format} хэлбэрт таарахгүй.",
                         "en": "{value!r} does not match the format {format}."},
    "click_not_formats": {"mn": "{value!r} нь {formats} хэлбэрүүдийн алинд ч таарахгүй.",
                          "en": "{value!r} does not match the formats {formats}."},
    # ({name} is click's "file", "directory" or "path", set when a command is imported and
    # so in no settled language: the Mongolian says the thing without it)
    "click_path_missing": {"mn": "{filename!r}: ийм файл, хавтас алга; замаа шалгана уу.",
                           "en": "{name} {filename!r} does not exist."},
    "click_path_is_file": {"mn": "{filename!r} нь файл байна; хавтас өгнө үү.",
                           "en": "{name} {filename!r} is a file."},
    "click_path_is_dir": {"mn": "{filename!r} нь хавтас байна; файл өгнө үү.",
                          "en": "{name} {filename!r} is a directory."},
    "click_path_unreadable": {"mn": "{filename!r}-г унших эрхгүй.",
                              "en": "{name} {filename!r} is not readable."},
    "click_path_unwritable": {"mn": "{filename!r}-д бичих эрхгүй.",
                              "en": "{name} {filename!r} is not writable."},
    "click_path_not_executable": {"mn": "{filename!r}-г ажиллуулах эрхгүй.",
                                  "en": "{name} {filename!r} is not executable."},
    "click_cannot_open": {"mn": "{filename!r} файлыг нээж чадсангүй: {message}",
                          "en": "Could not open file {filename!r}: {message}"},
    "click_default": {"mn": "анхдагч: {default}", "en": "default: {default}"},
    "click_required": {"mn": "заавал", "en": "required"},
    "click_env_var": {"mn": "орчны хувьсагч: {var}", "en": "env var: {var}"},
    "click_dynamic": {"mn": "(хувьсах)", "en": "(dynamic)"},
    "click_deprecated": {"mn": "хуучирсан", "en": "deprecated"},
    "click_aborted": {"mn": "Зогсоов!", "en": "Aborted!"},
    "click_unknown_error": {"mn": "үл мэдэгдэх алдаа", "en": "unknown error"},
}

# --- validation problems and errors (issue 18): their words live in layers, which problems
# come from (`layers.messages.MESSAGES`); `entry` looks there on first use, so `asmap --help`
# says its words without loading the layers or the analysis.


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
    The texts of `key` by language: from `LABELS`, a problem's or an error's words from
    `layers.messages`, or a code's words from `geo.schema` (both read on first use).

    Examples
    --------
    >>> entry("TOO_SMALL")["mn"]
    'Хэт жижиг'
    """
    found = LABELS.get(key)
    if found is not None:
        return found
    from asmap.layers.messages import MESSAGES

    if key in MESSAGES:
        return MESSAGES[key]
    from asmap.geo import schema

    return schema.words(key)


def has_text(key: str) -> bool:
    """Whether `key` has words (so `t` will not return the key itself)."""
    return entry(key) is not None
