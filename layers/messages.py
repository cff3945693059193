"""The words of every validation problem, in Mongolian and English.

A `Problem` carries a code (``pr_required_missing``) and its parameters; this table
holds the sentence of each code (and of ``CODE_hint``, what to do) in both languages.
It lives in `layers` because problems are made here and `layers` imports nothing
above it; `asmap.maps.i18n` merges it into the one translation table, so the same
test that checks the maps' words checks these. Codes, column names, values and file
names are parameters: they appear as they are inside the translated sentences.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("mn", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- layers and files (layers/discover.py, layers/readers.py) -----------------------
    "pr_no_tailings": {
        "en": "no tailings layer: it is the one layer every project needs",
        "mn": "хаягдлын давхарга (tailings) алга: төсөл бүрт заавал байх давхарга",
    },
    "pr_no_tailings_hint": {
        "en": "add tailings.geojson (or a Shapefile, or a 'tailings' layer in the "
              "GeoPackage) with the sites",
        "mn": "талбайнуудыг агуулсан tailings.geojson (эсвэл Shapefile, эсвэл GeoPackage "
              "доторх 'tailings' давхарга) нэмнэ үү",
    },
    "pr_two_layers": {
        "en": "two layers for {kind}: {first} and {second}; only {first} was checked",
        "mn": "{kind} давхарга хоёр байна: {first} ба {second}; зөвхөн {first}-г шалгав",
    },
    "pr_two_layers_hint": {"en": "keep one of them in the folder",
                           "mn": "хавтаст зөвхөн нэгийг нь үлдээнэ үү"},
    "pr_unreadable": {"en": "{detail}", "mn": "файлыг уншиж чадсангүй: {detail}"},
    "pr_unreadable_hint": {
        "en": "open it in QGIS to check it, then export it again",
        "mn": "QGIS-ээр нээж шалгаад дахин экспортлоно уу",
    },
    "pr_layer_no_kind": {
        "en": "layer {name!r} is no layer kind; did you mean {near!r}?",
        "mn": "{name!r} давхарга нь мэдэгдэх төрөл биш; {near!r} гэсэн үү?",
    },
    "pr_layer_no_kind_hint": {
        "en": "rename the layer to {near!r} (kinds: {kinds})",
        "mn": "давхаргын нэрийг {near!r} болгоно уу (төрлүүд: {kinds})",
    },
    "pr_no_layers": {"en": "the file holds no layers", "mn": "файлд давхарга алга"},
    "pr_no_layers_hint": {"en": "export the layers again",
                          "mn": "давхаргуудыг дахин экспортлоно уу"},
    "pr_file_ignored": {
        "en": "ignored: {name!r} is not named after a layer kind (nearest: {near!r})",
        "mn": "алгассан: {name!r} нь давхаргын төрлөөр нэрлэгдээгүй (хамгийн ойр: {near!r})",
    },
    "pr_file_ignored_hint": {"en": "rename it {rename} if it is that layer",
                             "mn": "тэр давхарга бол {rename} гэж нэрлэнэ үү"},
    "pr_file_no_kind": {
        "en": "{name!r} is not named after a layer kind; did you mean {near!r}?",
        "mn": "{name!r} нь давхаргын төрлөөр нэрлэгдээгүй; {near!r} гэсэн үү?",
    },
    "pr_file_no_kind_hint": {
        "en": "rename it {rename} if it is that layer; otherwise move it out of the folder",
        "mn": "тэр давхарга бол {rename} гэж нэрлэ; үгүй бол хавтаснаас гаргана уу",
    },
    "pr_settings_name": {
        "en": "{name!r} is ignored: the settings file must be called {settings}",
        "mn": "{name!r}-г алгасав: тохиргооны файл {settings} гэж нэрлэгдэх ёстой",
    },
    "pr_settings_name_hint": {"en": "rename it {settings}",
                              "mn": "{settings} гэж нэрлэнэ үү"},
    "pr_cannot_check": {
        "en": "cannot check this layer ({detail})",
        "mn": "энэ давхаргыг шалгаж чадсангүй ({detail})",
    },
    "pr_cannot_check_hint": {
        "en": "open it in QGIS, export it again, and report this to asmap",
        "mn": "QGIS-ээр нээж дахин экспортлоод, asmap-д мэдэгдэнэ үү",
    },
    "pr_file_empty": {"en": "the file is empty", "mn": "файл хоосон байна"},
    "pr_file_empty_hint": {"en": "export the layer again",
                           "mn": "давхаргыг дахин экспортлоно уу"},
    "pr_read_failed": {"en": "{detail}", "mn": "уншиж чадсангүй: {detail}"},
    "pr_read_failed_hint": {"en": "{hint}", "mn": "{hint}"},
    "pr_csv_no_xy": {
        "en": "not a layer: the CSV has neither lon/lat (or x/y) columns nor a wkt column",
        "mn": "давхарга биш: CSV-д lon/lat (эсвэл x/y) багана ч, wkt багана ч алга",
    },
    "pr_csv_no_xy_hint": {
        "en": "add lon and lat columns in degrees, or a wkt column",
        "mn": "градусаар lon ба lat багана, эсвэл wkt багана нэмнэ үү",
    },
    "pr_csv_bad_xy": {
        "en": "coordinates are not finite numbers or not geometry text",
        "mn": "солбицол төгсгөлөг тоо биш эсвэл геометрийн бичвэр биш",
    },
    "pr_csv_bad_xy_more": {
        "en": "… and {n:,} more rows with unreadable coordinates",
        "mn": "… мөн уншигдахгүй солбицолтой өөр {n:,} мөр",
    },
    "pr_csv_bad_xy_hint": {
        "en": "write longitude and latitude as numbers in degrees (or valid WKT)",
        "mn": "уртраг, өргөргийг градусаар тоогоор (эсвэл зөв WKT) бичнэ үү",
    },
    "pr_csv_bad_xy_more_hint": {
        "en": "write longitude and latitude as numbers in degrees (or valid WKT)",
        "mn": "уртраг, өргөргийг градусаар тоогоор (эсвэл зөв WKT) бичнэ үү",
    },
    "pr_empty_layer": {"en": "the layer has no features", "mn": "давхаргад объект алга"},
    "pr_empty_layer_hint": {"en": "{hint}", "mn": "{hint}"},
    # --- columns (layers/column_checks.py) ----------------------------------------------
    "pr_two_columns": {
        "en": "columns {first!r} and {second!r} both mean {name!r}; {first!r} is used",
        "mn": "{first!r} ба {second!r} багана хоёулаа {name!r}; {first!r}-г ашиглав",
    },
    "pr_two_columns_hint": {"en": "delete or rename {second!r}",
                            "mn": "{second!r}-г устгах эсвэл нэрийг нь солино уу"},
    "pr_required_missing": {
        "en": "required column {name!r} is missing",
        "mn": "заавал байх {name!r} багана алга",
    },
    "pr_required_missing_hint": {"en": "{hint}", "mn": "{hint}"},
    "pr_empty_value": {"en": "empty", "mn": "хоосон"},
    "pr_empty_value_more": {
        "en": "… and {n:,} more features with an empty {name}",
        "mn": "… мөн {name} нь хоосон өөр {n:,} объект",
    },
    "pr_empty_value_hint": {
        "en": "every feature needs a {name}{allowed}",
        "mn": "объект бүрт {name} хэрэгтэй{allowed}",
    },
    "pr_empty_value_more_hint": {
        "en": "every feature needs a {name}{allowed}",
        "mn": "объект бүрт {name} хэрэгтэй{allowed}",
    },
    "pr_not_allowed": {"en": "value {value!r} is not allowed",
                       "mn": "{value!r} утгыг зөвшөөрөхгүй"},
    "pr_not_allowed_hint": {"en": "use one of: {allowed}",
                            "mn": "дараахын нэгийг бичнэ үү: {allowed}"},
    "pr_not_allowed_near": {"en": "value {value!r} is not allowed",
                            "mn": "{value!r} утгыг зөвшөөрөхгүй"},
    "pr_not_allowed_near_hint": {"en": "use {near!r}; allowed: {allowed}",
                                 "mn": "{near!r} гэж бичнэ үү; зөвшөөрөгдөх: {allowed}"},
    "pr_not_allowed_more": {
        "en": "… and {n:,} more features with a {name} that is not allowed",
        "mn": "… мөн {name} нь зөвшөөрөгдөөгүй өөр {n:,} объект",
    },
    "pr_not_allowed_more_hint": {"en": "allowed: {allowed}",
                                 "mn": "зөвшөөрөгдөх: {allowed}"},
    "pr_not_real_date": {"en": "{value!r} is not a real date",
                         "mn": "{value!r} нь байхгүй огноо"},
    "pr_not_real_date_hint": {
        "en": "check the day and month (write it as YYYY-MM-DD)",
        "mn": "өдөр, сарыг шалгана уу (YYYY-MM-DD хэлбэрээр бичнэ)",
    },
    "pr_not_date": {"en": "{value!r} is not a date", "mn": "{value!r} нь огноо биш"},
    "pr_not_date_hint": {"en": "write it as YYYY-MM-DD{guess}",
                         "mn": "YYYY-MM-DD хэлбэрээр бичнэ үү{guess}"},
    "pr_not_date_more": {
        "en": "… and {n:,} more features with a {name} that is not a date",
        "mn": "… мөн {name} нь огноо биш өөр {n:,} объект",
    },
    "pr_not_date_more_hint": {"en": "write dates as YYYY-MM-DD",
                              "mn": "огноог YYYY-MM-DD хэлбэрээр бичнэ үү"},
    "pr_bad_year": {"en": "year {year} is not plausible",
                    "mn": "{year} он нь үнэмшилгүй"},
    "pr_bad_year_hint": {"en": "use a year between {first} and {last}",
                         "mn": "{first}-{last} оны хооронд бичнэ үү"},
    "pr_bad_year_more": {"en": "… and {n:,} more implausible years",
                         "mn": "… мөн үнэмшилгүй өөр {n:,} он"},
    "pr_bad_year_more_hint": {"en": "fix them", "mn": "засна уу"},
    "pr_not_number": {"en": "{value!r} is not a number", "mn": "{value!r} нь тоо биш"},
    "pr_not_number_hint": {"en": "write a number of metres, such as 300",
                           "mn": "метрээр тоо бичнэ үү, жишээ нь 300"},
    "pr_not_number_more": {"en": "… and {n:,} more values that are not numbers",
                           "mn": "… мөн тоо биш өөр {n:,} утга"},
    "pr_not_number_more_hint": {"en": "write numbers", "mn": "тоо бичнэ үү"},
    "pr_negative": {"en": "{name} is {value:g}; it must be {limit}",
                    "mn": "{name} нь {value:g}; {limit} байх ёстой"},
    "pr_negative_hint": {"en": "give the distance in metres, or leave it empty{rule}",
                         "mn": "зайг метрээр өгөх эсвэл хоосон үлдээнэ үү{rule}"},
    "pr_negative_area": {"en": "{name} is {value:g}; it must be {limit}",
                         "mn": "{name} нь {value:g}; {limit} байх ёстой"},
    "pr_negative_area_hint": {"en": "give the hectares written in the agreement, or leave it "
                                    "empty",
                              "mn": "гэрээнд бичсэн гектарыг өгөх эсвэл хоосон үлдээнэ үү"},
    "pr_negative_more": {"en": "… and {n:,} more values that are not {limit}",
                         "mn": "… мөн {limit} биш өөр {n:,} утга"},
    "pr_negative_more_hint": {"en": "fix them", "mn": "засна уу"},
    "pr_not_yes_no": {"en": "{value!r} is not yes or no", "mn": "{value!r} нь тийм/үгүй биш"},
    "pr_not_yes_no_hint": {"en": "write true or false", "mn": "true эсвэл false гэж бичнэ үү"},
    "pr_not_yes_no_more": {"en": "… and {n:,} more values that are not yes or no",
                           "mn": "… мөн тийм/үгүй биш өөр {n:,} утга"},
    "pr_not_yes_no_more_hint": {"en": "write true or false",
                                "mn": "true эсвэл false гэж бичнэ үү"},
    "pr_duplicate_id": {"en": "{count} features share the id {value!r} ({rows})",
                        "mn": "{count} объект {value!r} дугаарыг хуваалцсан ({rows})"},
    "pr_duplicate_id_hint": {"en": "give each feature its own id",
                             "mn": "объект бүрт өөрийн дугаар өгнө үү"},
    "pr_duplicate_id_more": {"en": "… and {n:,} more ids used more than once",
                             "mn": "… мөн нэгээс олон удаа хэрэглэсэн өөр {n:,} дугаар"},
    "pr_duplicate_id_more_hint": {"en": "give each feature its own id",
                                  "mn": "объект бүрт өөрийн дугаар өгнө үү"},
    "pr_dates_backwards": {"en": "ends ({end}) before it starts ({start})",
                           "mn": "эхлэхээсээ ({start}) өмнө дуусна ({end})"},
    "pr_dates_backwards_hint": {"en": "swap the dates or fix the one that is wrong",
                                "mn": "огноонуудыг сольж эсвэл буруугий нь засна уу"},
    "pr_dates_backwards_more": {
        "en": "… and {n:,} more features that end before they start",
        "mn": "… мөн эхлэхээсээ өмнө дуусах өөр {n:,} объект",
    },
    "pr_dates_backwards_more_hint": {"en": "swap the dates or fix the one that is wrong",
                                     "mn": "огноонуудыг сольж эсвэл буруугий нь засна уу"},
    "pr_one_base": {
        "en": "exactly one settlement must have is_base true; found {found}",
        "mn": "яг нэг суурин is_base true байх ёстой; олдсон: {found}",
    },
    "pr_one_base_hint": {
        "en": "mark the settlement access routes start from (the soum centre) with "
              "is_base = true and the others false",
        "mn": "замын эхлэх суурин (сумын төв)-г is_base = true, бусдыг false болгоно уу",
    },
    # --- geometry (layers/geometry_checks.py) -------------------------------------------
    "pr_not_finite": {"en": "coordinates are not numbers (NaN or infinity)",
                      "mn": "солбицол тоо биш (NaN эсвэл хязгааргүй)"},
    "pr_not_finite_hint": {"en": "fix or delete the feature in QGIS; export the layer again",
                           "mn": "объектыг QGIS-д засах эсвэл устгаад давхаргаа дахин "
                                 "экспортлоно уу"},
    "pr_not_finite_more": {"en": "… and {n:,} more features with coordinates that are not "
                                 "numbers",
                           "mn": "… мөн солбицол нь тоо биш өөр {n:,} объект"},
    "pr_not_finite_more_hint": {"en": "fix or delete them", "mn": "засах эсвэл устгана уу"},
    "pr_null_island": {"en": "the feature is at (0, 0) degrees, the default a GPS or app "
                             "writes when it had no position",
                       "mn": "объект (0, 0) градуст байна: байршил тогтоогоогүй үед GPS эсвэл "
                             "програм үүнийг бичдэг"},
    "pr_null_island_hint": {"en": "take the position again on the spot, or delete the feature",
                            "mn": "байршлыг газар дээр нь дахин авах эсвэл объектыг устгана уу"},
    "pr_null_island_more": {"en": "… and {n:,} more features at (0, 0)",
                            "mn": "… мөн (0, 0)-д байгаа өөр {n:,} объект"},
    "pr_null_island_more_hint": {"en": "take their positions again, or delete them",
                                 "mn": "байршлыг нь дахин авах эсвэл устгана уу"},
    "pr_unknown_site": {"en": "site {site!r} is not in the tailings layer (UNKNOWN_SITE)",
                        "mn": "{site!r} талбай хаягдлын давхаргад алга (UNKNOWN_SITE)"},
    "pr_unknown_site_hint": {
        "en": "correct the id in site_ids, or add the site to the tailings layer",
        "mn": "site_ids дахь дугаарыг засах эсвэл талбайг хаягдлын давхаргад нэмнэ үү"},
    "pr_control_in_data": {"en": "control character removed from the text",
                           "mn": "бичвэрээс удирдах тэмдэгт хасав"},
    "pr_control_in_data_hint": {"en": "check the value in the source file",
                                "mn": "эх файл дахь утгыг шалгана уу"},
    "pr_case_clash": {"en": "columns {first!r} and {name!r} differ only by case",
                      "mn": "{first!r} ба {name!r} баганын нэр зөвхөн том жижиг үсгээр ялгаатай"},
    "pr_case_clash_hint": {
        "en": "rename or delete one of them (GIS formats see {first!r} and {name!r} as one "
              "column)",
        "mn": "аль нэгийг нь нэрлэх эсвэл устгана уу (ГМС-ийн формат {first!r} ба {name!r}-г "
              "нэг багана гэж үздэг)"},
    "pr_results_ignored": {
        "en": "ignored: {name!r} holds asmap results (written by `asmap analyze` or `asmap "
              "export`), not input layers",
        "mn": "алгассан: {name!r} нь оролтын давхарга биш, asmap-ын үр дүн (`asmap analyze` "
              "эсвэл `asmap export` бичсэн)"},
    "pr_results_ignored_hint": {"en": "keep results outside the project folder",
                                "mn": "үр дүнг төслийн хавтаснаас гадна хадгална уу"},
    "pr_sheet_geometry": {"en": "an Excel sheet cannot hold {kind} geometries",
                          "mn": "Excel хуудсанд {kind} геометр хадгалах боломжгүй"},
    "pr_sheet_geometry_hint": {
        "en": "export the layer from your GIS as GeoJSON, GeoPackage or Shapefile",
        "mn": "давхаргыг ГМС-ээсээ GeoJSON, GeoPackage эсвэл Shapefile болгож экспортлоно уу"},
    "pr_no_geometry": {"en": "feature has no geometry", "mn": "объектод геометр алга"},
    "pr_no_geometry_hint": {"en": "draw it or delete the feature",
                            "mn": "зурах эсвэл объектыг устгана уу"},
    "pr_no_geometry_more": {"en": "… and {n:,} more features has no geometry",
                            "mn": "… мөн геометргүй өөр {n:,} объект"},
    "pr_no_geometry_more_hint": {"en": "draw them or delete them",
                                 "mn": "зурах эсвэл устгана уу"},
    "pr_empty_geometry": {"en": "feature has an empty geometry",
                          "mn": "объектын геометр хоосон"},
    "pr_empty_geometry_hint": {"en": "draw it or delete the feature",
                               "mn": "зурах эсвэл объектыг устгана уу"},
    "pr_empty_geometry_more": {"en": "… and {n:,} more features has an empty geometry",
                               "mn": "… мөн геометр нь хоосон өөр {n:,} объект"},
    "pr_empty_geometry_more_hint": {"en": "draw them or delete them",
                                    "mn": "зурах эсвэл устгана уу"},
    "pr_wrong_type": {"en": "geometry is a {type}", "mn": "геометр нь {type}"},
    "pr_wrong_type_hint": {
        "en": "{kind} must be {family} features ({types}); move these features to the "
              "right layer or redraw them",
        "mn": "{kind} нь {family} объект ({types}) байх ёстой; зөв давхаргад шилжүүлэх "
              "эсвэл дахин зурна уу",
    },
    "pr_wrong_type_more": {"en": "… and {n:,} more features of the wrong geometry type",
                           "mn": "… мөн буруу төрлийн геометртэй өөр {n:,} объект"},
    "pr_wrong_type_more_hint": {
        "en": "{kind} must be {family} features ({types}); move these features to the "
              "right layer or redraw them",
        "mn": "{kind} нь {family} объект ({types}) байх ёстой; зөв давхаргад шилжүүлэх "
              "эсвэл дахин зурна уу",
    },
    "pr_repaired": {"en": "invalid geometry ({reason}); repaired with make_valid",
                    "mn": "буруу геометр ({reason}); make_valid-аар засав"},
    "pr_repaired_hint": {
        "en": "check the outline in QGIS (Vector > Geometry Tools > Check Validity)",
        "mn": "хүрээг QGIS-д шалгана уу (Vector > Geometry Tools > Check Validity)",
    },
    "pr_repaired_more": {"en": "… and {n:,} more invalid geometries repaired with make_valid",
                         "mn": "… мөн make_valid-аар зассан өөр {n:,} буруу геометр"},
    "pr_repaired_more_hint": {
        "en": "check the outline in QGIS (Vector > Geometry Tools > Check Validity)",
        "mn": "хүрээг QGIS-д шалгана уу (Vector > Geometry Tools > Check Validity)",
    },
    "pr_collapsed": {"en": "invalid geometry collapsed to nothing when repaired",
                     "mn": "буруу геометр засахад юу ч үлдсэнгүй"},
    "pr_collapsed_hint": {"en": "redraw it or delete the feature",
                          "mn": "дахин зурах эсвэл объектыг устгана уу"},
    "pr_no_crs": {"en": "the file has no CRS (coordinate reference system)",
                  "mn": "файлд координатын систем (CRS) алга"},
    "pr_no_crs_hint": {
        "en": "pass --crs with the CRS of its coordinates (e.g. --crs EPSG:32648), or put "
              "its .prj file beside it",
        "mn": "--crs-ээр координатын системийг өгөх (жишээ нь --crs EPSG:32648), эсвэл .prj "
              "файлыг хажууд нь тавина уу",
    },
    "pr_pulkovo": {
        "en": "the CRS is {crs} ({crs_name}), which has no standard transformation to "
              "WGS84 for Mongolia",
        "mn": "CRS нь {crs} ({crs_name}); Монголд WGS84 руу хөрвүүлэх стандарт параметр алга",
    },
    "pr_pulkovo_hint": {
        "en": "reproject it to EPSG:4326 with the parameters you trust, or pass --crs "
              "with a PROJ string that includes +towgs84",
        "mn": "итгэлтэй параметрээр EPSG:4326 руу хөрвүүлэх, эсвэл +towgs84 агуулсан PROJ "
              "мөрийг --crs-ээр өгнө үү",
    },
    "pr_crs_overridden": {
        "en": "coordinates are impossible in {crs}, read as {user} (--crs)",
        "mn": "солбицол {crs}-д боломжгүй тул {user} (--crs)-ээр уншив",
    },
    "pr_crs_overridden_hint": {"en": "fix the CRS in the file so others read it right",
                               "mn": "бусад зөв уншихаар файлын CRS-ийг засна уу"},
    "pr_not_converted": {"en": "coordinates cannot be converted from {crs} to EPSG:4326",
                         "mn": "солбицлыг {crs}-ээс EPSG:4326 руу хөрвүүлж чадсангүй"},
    "pr_not_converted_hint": {"en": "check the CRS of the file",
                              "mn": "файлын CRS-ийг шалгана уу"},
    "pr_not_converted_more": {
        "en": "… and {n:,} more features that cannot be converted to EPSG:4326",
        "mn": "… мөн EPSG:4326 руу хөрвүүлж болохгүй өөр {n:,} объект",
    },
    "pr_not_converted_more_hint": {"en": "check the CRS of the file",
                                   "mn": "файлын CRS-ийг шалгана уу"},
    "pr_degrees_in_metres": {
        "en": "coordinates {at} look like degrees, but the CRS is {crs} (metres)",
        "mn": "солбицол {at} градус шиг боловч CRS нь {crs} (метр)",
    },
    "pr_degrees_in_metres_hint": {
        "en": "fix the .prj, or pass --crs EPSG:4326 if these are longitude/latitude",
        "mn": ".prj-г засах, эсвэл уртраг/өргөрөг бол --crs EPSG:4326 гэж өгнө үү",
    },
    "pr_swapped": {
        "en": "coordinates {at} have latitude and longitude swapped (x looks like a "
              "latitude, y like a longitude)",
        "mn": "солбицол {at}-д өргөрөг, уртраг солигдсон (x нь өргөрөг, y нь уртраг шиг)",
    },
    "pr_swapped_hint": {
        "en": "swap the columns or axes so x is longitude (87-120 in Mongolia) and y "
              "latitude (41-53)",
        "mn": "x нь уртраг (Монголд 87-120), y нь өргөрөг (41-53) болохоор баганыг сольно уу",
    },
    "pr_metres_in_degrees": {
        "en": "coordinates {at} are not degrees; they look like metres in a {crs} file",
        "mn": "солбицол {at} градус биш; {crs} файлд метр шиг байна",
    },
    "pr_metres_in_degrees_hint": {"en": "{hint}", "mn": "{hint}"},
    "pr_impossible_more": {
        "en": "… and {n:,} more features with impossible coordinates for {crs}",
        "mn": "… мөн {crs}-д боломжгүй солбицолтой өөр {n:,} объект",
    },
    "pr_impossible_more_hint": {"en": "{hint}", "mn": "{hint}"},
    # --- settings files (layers/toml_check.py) -----------------------------------------
    "pr_toml_not_utf8": {"en": "the file is not UTF-8 text", "mn": "файл UTF-8 бичвэр биш"},
    "pr_toml_not_utf8_hint": {"en": "save it as UTF-8", "mn": "UTF-8-аар хадгална уу"},
    "pr_toml_unreadable": {"en": "cannot read the file ({detail})",
                           "mn": "файлыг уншиж чадсангүй ({detail})"},
    "pr_toml_unreadable_hint": {"en": "check the path and permissions",
                                "mn": "зам болон эрхийг шалгана уу"},
    "pr_toml_syntax": {"en": "not valid TOML ({detail})", "mn": "TOML буруу ({detail})"},
    "pr_toml_syntax_hint": {
        "en": "fix the syntax at that line (strings in \"quotes\", dates as 2021-04-06, "
              "one key = value per line)",
        "mn": "тэр мөрийн бичлэгийг засна уу (бичвэрийг \"хашилтад\", огноог 2021-04-06, "
              "мөр бүрт нэг key = value)",
    },
    "pr_toml_unknown_key": {"en": "unknown table or key {key!r}",
                            "mn": "үл мэдэгдэх хүснэгт эсвэл түлхүүр {key!r}"},
    "pr_toml_unknown_key_hint": {"en": "{hint}", "mn": "{hint}"},
    "pr_toml_unknown_source_key": {"en": "unknown key {key!r}",
                                   "mn": "үл мэдэгдэх түлхүүр {key!r}"},
    "pr_toml_unknown_source_key_hint": {"en": "{hint}", "mn": "{hint}"},
    "pr_toml_no_rules": {"en": "no [rules] table", "mn": "[rules] хүснэгт алга"},
    "pr_toml_no_rules_hint": {
        "en": "add a [rules] table, e.g. [rules] then min_area_ha = 1.0",
        "mn": "[rules] хүснэгт нэмнэ үү, жишээ нь [rules] дараа нь min_area_ha = 1.0",
    },
    "pr_toml_rules_table": {"en": "rules must be a table", "mn": "rules нь хүснэгт байх ёстой"},
    "pr_toml_rules_table_hint": {"en": "write it as [rules]", "mn": "[rules] гэж бичнэ үү"},
    "pr_toml_unknown_rule": {"en": "unknown rule {key!r}", "mn": "үл мэдэгдэх дүрэм {key!r}"},
    "pr_toml_unknown_rule_hint": {"en": "{hint}", "mn": "{hint}"},
    "pr_toml_sources_table": {"en": "sources must hold one table per layer",
                              "mn": "sources нь давхарга бүрт нэг хүснэгттэй байх ёстой"},
    "pr_toml_sources_table_hint": {"en": "write [sources.tailings] then source = \"...\"",
                                   "mn": "[sources.tailings] дараа нь source = \"...\" гэж "
                                         "бичнэ үү"},
    "pr_toml_no_kind": {"en": "{kind!r} is no layer kind",
                        "mn": "{kind!r} нь давхаргын төрөл биш"},
    "pr_toml_no_kind_hint": {"en": "{hint}", "mn": "{hint}"},
    "pr_toml_source_table": {"en": "must be a table of source, as_of, note",
                             "mn": "source, as_of, note бүхий хүснэгт байх ёстой"},
    "pr_toml_source_table_hint": {"en": "write {where} on its own line, then the keys",
                                  "mn": "{where}-г тусдаа мөрөнд, дараа нь түлхүүрүүдийг "
                                        "бичнэ үү"},
    "pr_toml_as_of": {"en": "as_of must be a date, got {value!r}",
                      "mn": "as_of нь огноо байх ёстой, {value!r} байна"},
    "pr_toml_as_of_hint": {"en": "write it as as_of = 2021-04-06 (no quotes needed)",
                           "mn": "as_of = 2021-04-06 гэж бичнэ үү (хашилт хэрэггүй)"},
    "pr_toml_not_text": {"en": "{key} must be text, got {value!r}",
                         "mn": "{key} нь бичвэр байх ёстой, {value!r} байна"},
    "pr_toml_not_text_hint": {"en": "write it in quotes: {key} = \"...\"",
                              "mn": "хашилтад бичнэ үү: {key} = \"...\""},
    "pr_toml_lang": {"en": "lang must be mn or en, got {value!r}",
                     "mn": "lang нь mn эсвэл en байх ёстой, {value!r} байна"},
    "pr_toml_lang_hint": {"en": "write lang = \"mn\" or lang = \"en\"",
                          "mn": "lang = \"mn\" эсвэл lang = \"en\" гэж бичнэ үү"},
    # --- the verdict line of `asmap validate` (layers/validate.py) ----------------------
    "verdict_counts": {"en": "{layers} layer{s_layers}, {errors} error{s_errors}, "
                             "{warnings} warning{s_warnings}",
                       "mn": "{layers} давхарга, {errors} алдаа, {warnings} анхааруулга"},
    "verdict_ok": {"en": "OK: {counts}", "mn": "ХЭРЭГЛЭЖ БОЛНО: {counts}"},
    "verdict_not_usable": {
        "en": "NOT USABLE: {counts}; fix the errors and run `asmap validate` again",
        "mn": "ХЭРЭГЛЭХ БОЛОМЖГҮЙ: {counts}; алдааг засаад `asmap validate`-г дахин "
              "ажиллуулна уу",
    },
    # --- errors that stop a command (layers.errors with a code) -------------------------
    "er_no_file": {"en": "{path}: no such file; check the path",
                   "mn": "{path}: ийм файл алга; замаа шалгана уу"},
    "er_no_path": {"en": "{path}: no such file or folder; check the path",
                   "mn": "{path}: ийм файл, хавтас алга; замаа шалгана уу"},
    "er_problem": {"en": "{line}{tail}", "mn": "{line}{tail}"},
    "er_more_problems": {
        "en": " (and {n} more problem{s}; run `asmap validate {folder}`)",
        "mn": " (мөн өөр {n} асуудал; `asmap validate {folder}` ажиллуулна уу)",
    },
    "er_nothing_written": {"en": "{line}{more}; nothing was written",
                           "mn": "{line}{more}; юу ч бичээгүй"},
    "er_more": {"en": " ({n} more problem{s})", "mn": " (өөр {n} асуудал)"},
    # --- phone exports: KoboToolbox and ODK Central (layers/kobo.py, issue 18) ----------
    "kb_kind": {"en": "--kind {kind!r}: phone exports make {kinds}",
                "mn": "--kind {kind!r}: утасны экспортоос {kinds} давхарга гаргана"},
    "kb_format": {"en": "{path}: read a KoboToolbox or ODK Central export as .xlsx, .csv "
                        "or ODK Central's .zip",
                  "mn": "{path}: KoboToolbox эсвэл ODK Central-ын экспортыг .xlsx, .csv "
                        "эсвэл ODK Central-ын .zip-ээр уншина"},
    "kb_zip": {"en": "{path}: {n} tables of submissions in the ZIP ({names}); ODK Central's "
                     "ZIP has one FORM.csv, then FORM-REPEAT.csv with PARENT_KEY",
               "mn": "{path}: ZIP-д илгээлтийн {n} хүснэгт байна ({names}); ODK Central-ын "
                     "ZIP-д нэг FORM.csv, дараа нь PARENT_KEY-тэй FORM-REPEAT.csv байдаг"},
    "kb_bad_zip": {"en": "{path}: not a ZIP file ({detail}); download the export again",
                   "mn": "{path}: ZIP файл биш ({detail}); экспортыг дахин татна уу"},
    "kb_map_file": {"en": "{path}: not a fields file ({detail})",
                    "mn": "{path}: талбарын файл биш ({detail})"},
    "kb_no_location": {"en": "no location column (geopoint, geoshape or latitude/longitude)",
                       "mn": "байршлын багана (geopoint, geoshape эсвэл өргөрөг/уртраг) алга"},
    "kb_no_location_hint": {
        "en": "name it location (outline for a geoshape), or give it in --map as "
              "geometry = \"COLUMN\"",
        "mn": "location (geoshape бол outline) гэж нэрлэх, эсвэл --map файлд geometry = "
              "\"БАГАНА\" гэж өгнө үү",
    },
    "kb_row_no_location": {"en": "no location", "mn": "байршил алга"},
    "kb_row_no_location_hint": {
        "en": "record the location again in the form, or delete the submission",
        "mn": "маягтад байршлыг дахин бүртгэх, эсвэл илгээлтийг устгана уу",
    },
    "kb_bad_coordinates": {"en": "cannot read the coordinates {value!r}",
                           "mn": "{value!r} солбицлыг уншиж чадсангүй"},
    "kb_bad_coordinates_hint": {
        "en": "write each point as 'lat lon alt acc', points separated by ';'",
        "mn": "цэг бүрийг 'lat lon alt acc' гэж, цэгүүдийг ';'-ээр тусгаарлаж бичнэ үү",
    },
    "kb_not_a_point": {"en": "{n} points where one geopoint was expected",
                       "mn": "нэг geopoint байх ёстой газар {n} цэг байна"},
    "kb_not_a_point_hint": {"en": "record one point for each feature",
                            "mn": "объект бүрт нэг цэг бүртгэнэ үү"},
    "kb_shape_few": {"en": "the outline has {n} points; an area needs at least 3",
                     "mn": "хүрээ {n} цэгтэй; талбайд дор хаяж 3 цэг хэрэгтэй"},
    "kb_shape_few_hint": {"en": "walk the outline again, tapping at least 3 corners",
                          "mn": "хүрээг дахин тойрч, дор хаяж 3 булан тэмдэглэнэ үү"},
    "kb_shape_open": {"en": "the outline is not closed (its first and last points differ)",
                      "mn": "хүрээ битүү биш (эхний ба сүүлийн цэг өөр)"},
    "kb_shape_open_hint": {"en": "record it as a geoshape (which closes), or end on the "
                                 "first point",
                           "mn": "geoshape-ээр (өөрөө битүүрдэг) бүртгэх, эсвэл эхний цэг "
                                 "дээр дуусгана уу"},
    "kb_unknown_choice": {"en": "{value!r} is no choice asmap knows",
                          "mn": "{value!r} нь asmap-ийн мэдэх сонголт биш"},
    "kb_unknown_choice_hint": {
        "en": "use one of: {allowed} (or their labels in the form), or map it in --map",
        "mn": "дараахын нэгийг (эсвэл маягт дахь нэрийг) бичнэ үү: {allowed}, эсвэл --map-д "
              "зааж өгнө үү",
    },
    # --- photos and documents (layers/media.py, issue 18) --------------------------------
    "pr_media_missing": {"en": "{name!r} is not in the folder",
                         "mn": "{name!r} файл хавтаст алга"},
    "pr_media_missing_hint": {
        "en": "copy the file into the project folder (or its photos/ folder), or correct "
              "the name",
        "mn": "файлыг төслийн хавтас (эсвэл photos/ хавтас)-т хуулах, эсвэл нэрийг засна уу",
    },
    "pr_media_missing_more": {"en": "… and {n:,} more files that are not in the folder",
                              "mn": "… мөн хавтаст байхгүй өөр {n:,} файл"},
    "pr_media_missing_more_hint": {"en": "copy them into the project folder",
                                   "mn": "тэдгээрийг төслийн хавтаст хуулна уу"},
    "pr_photo_not_image": {"en": "{name!r} is not an image",
                           "mn": "{name!r} нь зураг биш"},
    "pr_photo_not_image_hint": {"en": "name a JPEG or PNG photo, or move the file to the "
                                      "document column",
                                "mn": "JPEG эсвэл PNG зураг заах, эсвэл файлыг document "
                                      "баганад шилжүүлнэ үү"},
    "photo_budget": {
        "en": "photos over {mb:g} MB: {left} of {total} left out of the map; raise "
              "--photo-mb or use fewer photos",
        "mn": "зураг {mb:g} МБ-аас хэтэрсэн тул {total}-аас {left}-ийг газрын зурагт "
              "оруулсангүй; --photo-mb-г өсгөх эсвэл цөөн зураг хэрэглэнэ үү",
    },
    # --- cadastre corner tables (layers/cadastre.py) -----------------------------------
    "cd_unreadable": {"en": "cannot read {value!r} ({detail})",
                      "mn": "{value!r}-г уншиж чадсангүй ({detail})"},
    "cd_unreadable_hint": {"en": "write degrees as 104.8723 or 104°52'20.5\"",
                           "mn": "градусыг 104.8723 эсвэл 104°52'20.5\" гэж бичнэ үү"},
    "cd_corner_number": {"en": "corner number {value!r} is not a whole number",
                         "mn": "булангийн дугаар {value!r} бүхэл тоо биш"},
    "cd_corner_number_hint": {"en": "number the corners 1, 2, 3 ...",
                              "mn": "булангуудыг 1, 2, 3 ... гэж дугаарлана уу"},
    "cd_lon": {"en": "longitude", "mn": "уртраг"},
    "cd_lat": {"en": "latitude", "mn": "өргөрөг"},
    "cd_outside": {"en": "{what} {value:.6f} is outside Mongolia ({hint})",
                   "mn": "{what} {value:.6f} Монголоос гадна ({hint})"},
    "cd_outside_hint": {"en": "check the coordinates of this corner",
                        "mn": "энэ булангийн солбицлыг шалгана уу"},
    "cd_hint_swapped": {"en": "longitude and latitude look swapped",
                        "mn": "уртраг, өргөрөг солигдсон бололтой"},
    "cd_hint_crs": {"en": "check the --crs and the X/Y order",
                    "mn": "--crs болон X/Y дарааллыг шалгана уу"},
    "cd_hint_range": {"en": "Mongolia lies within longitude 87.7-119.9 and latitude 41.5-52.2",
                      "mn": "Монгол нь уртраг 87.7-119.9, өргөрөг 41.5-52.2-т оршдог"},
    "cd_kind_unknown": {"en": "kind unknown (no kind column and no XV-/MV- prefix)",
                        "mn": "төрөл тодорхойгүй (kind багана ч, XV-/MV- угтвар ч алга)"},
    "cd_kind_unknown_hint": {"en": "fill in mining, exploration or asm",
                             "mn": "mining, exploration эсвэл asm гэж бөглөнө үү"},
    "cd_no_rows": {"en": "the table has no corner rows", "mn": "хүснэгтэд булангийн мөр алга"},
    "cd_no_rows_hint": {"en": "add one row per corner point",
                        "mn": "булангийн цэг бүрт нэг мөр нэмнэ үү"},
    "cd_differs": {"en": "{other!r} differs from {value!r} in row {first} for license "
                         "{license}",
                   "mn": "{license} тусгай зөвшөөрлийн {first}-р мөрийн {value!r}-аас {other!r} "
                         "өөр байна"},
    "cd_differs_hint": {"en": "keep one value", "mn": "нэг утга үлдээнэ үү"},
    "cd_not_date": {"en": "{value!r} is not a date", "mn": "{value!r} нь огноо биш"},
    "cd_not_date_hint": {"en": "write YYYY-MM-DD", "mn": "YYYY-MM-DD гэж бичнэ үү"},
    "cd_corner_twice": {"en": "license {license} has corner {corner} twice (rows {a} and {b})",
                        "mn": "{license} тусгай зөвшөөрөлд {corner}-р булан хоёр удаа байна "
                              "({a} ба {b}-р мөр)"},
    "cd_corner_twice_hint": {"en": "delete one of the two rows",
                             "mn": "хоёр мөрийн нэгийг устгана уу"},
    "cd_corner_gap": {"en": "license {license} has no corner {gap} (corners {corners})",
                      "mn": "{license} тусгай зөвшөөрөлд {gap}-р булан алга (булангууд "
                            "{corners})"},
    "cd_corner_gap_hint": {"en": "add the missing corner", "mn": "дутуу буланг нэмнэ үү"},
    "cd_corner_repeats": {"en": "license {license} corner {corner} repeats corner {previous}",
                          "mn": "{license} тусгай зөвшөөрлийн {corner}-р булан {previous}-р "
                                "булантай давхардсан"},
    "cd_corner_repeats_hint": {"en": "check the coordinates", "mn": "солбицлыг шалгана уу"},
    "cd_few_corners": {"en": "license {license} has {n} corners; a polygon needs at least 3",
                       "mn": "{license} тусгай зөвшөөрөл {n} булантай; полигонд дор хаяж 3 "
                             "хэрэгтэй"},
    "cd_few_corners_hint": {"en": "add the missing corners", "mn": "дутуу булангуудыг нэмнэ үү"},
    "cd_crosses": {"en": "license {license} crosses itself ({where})",
                   "mn": "{license} тусгай зөвшөөрлийн хүрээ өөрийгөө огтолсон ({where})"},
    "cd_crosses_hint": {"en": "check the corner order and coordinates",
                        "mn": "булангийн дараалал, солбицлыг шалгана уу"},
    "cd_area": {"en": "license {license} covers {ha:,.4f} ha, which is implausible "
                      "(expected {min}-{max:,.0f} ha)",
                "mn": "{license} тусгай зөвшөөрөл {ha:,.4f} га; энэ нь үнэмшилгүй "
                      "({min}-{max:,.0f} га байх ёстой)"},
    "cd_area_hint": {"en": "check the units and the degrees/minutes/seconds",
                     "mn": "нэгж болон градус/минут/секундийг шалгана уу"},
    # --- handheld GPS files (layers/gps.py) ---------------------------------------------
    "gp_not_closed": {"en": "it is not closed (its ends are {gap:,.0f} m apart)",
                      "mn": "битүү биш (төгсгөлүүд нь {gap:,.0f} м зайтай)"},
    "gp_not_closed_hint": {"en": "walk back to the start, or draw the {kind} as a closed track",
                           "mn": "эхлэл рүүгээ буцаж алхах, эсвэл {kind}-г битүү замналаар "
                                 "зурна уу"},
    "gp_bad_coordinate": {"en": "cannot read coordinate {lon!r}, {lat!r} ({detail})",
                          "mn": "{lon!r}, {lat!r} солбицлыг уншиж чадсангүй ({detail})"},
    "gp_bad_coordinate_hint": {"en": "write degrees as 48.2167 or 48°13'00\"",
                               "mn": "градусыг 48.2167 эсвэл 48°13'00\" гэж бичнэ үү"},
    "gp_fill_in": {"en": "{name} is empty for {n} of {total} features",
                   "mn": "{total} объектын {n}-д {name} хоосон"},
    "gp_fill_in_hint": {"en": "fill in {what}{allowed}", "mn": "бөглөнө үү: {what}{allowed}"},
    # --- errors of the commands (layers, geo, maps; issue 18) ---------------------------
    "er_out_format": {
        "en": "{path}: cannot write {suffix}; end the name in .gpkg, .geojson or .shp",
        "mn": "{path}: {suffix} бичих боломжгүй; нэрийг .gpkg, .geojson эсвэл .shp-ээр төгсгөнө үү",
    },
    "er_bad_crs": {
        "en": "--crs {crs!r} is no CRS pyproj knows; give an EPSG code such as EPSG:4326 (degrees)"
              " or EPSG:32648 (UTM 48N metres)",
        "mn": "--crs {crs!r} нь pyproj-ийн мэдэх CRS биш; EPSG код өгнө үү, жишээ нь EPSG:4326 "
              "(градус) эсвэл EPSG:32648 (UTM 48N метр)",
    },
    "er_not_crs": {
        "en": "--crs {crs!r} is not a CRS; give an EPSG code such as EPSG:4326 or a PROJ string",
        "mn": "--crs {crs!r} нь CRS биш; EPSG:4326 гэх мэт EPSG код эсвэл PROJ мөр өгнө үү",
    },
    "er_pulkovo": {
        "en": "--crs {crs!r} is Pulkovo 1942, which has no standard transformation to WGS84 for "
              "Mongolia; give a PROJ string with the +towgs84=... parameters of your survey",
        "mn": "--crs {crs!r} нь Pulkovo 1942; Монголд WGS84 руу хөрвүүлэх стандарт параметр алга; "
              "хэмжилтийнхээ +towgs84=... параметртэй PROJ мөр өгнө үү",
    },
    "er_cadastre_columns": {
        "en": "{file}: no {missing} column; the header row needs license_id, point, lon and lat "
              "(or Тусгай зөвшөөрлийн дугаар, Цэг, Уртраг, Өргөрөг)",
        "mn": "{file}: {missing} багана алга; толгой мөрөнд Тусгай зөвшөөрлийн дугаар, Цэг, "
              "Уртраг, Өргөрөг (эсвэл license_id, point, lon, lat) хэрэгтэй",
    },
    "er_cadastre_xy": {
        "en": "{file} has X/Y columns (Gauss-Krüger?); say which projected CRS they are in with "
              "--crs, including +towgs84 for Pulkovo 1942",
        "mn": "{file}-д X/Y багана байна (Гаусс-Крюгер?); ямар проекцтой болохыг --crs-ээр "
              "(Pulkovo 1942 бол +towgs84-тэй) хэлнэ үү",
    },
    "er_cadastre_lonlat": {
        "en": "{file}: no longitude/latitude columns; name them lon and lat (or Уртраг and "
              "Өргөрөг)",
        "mn": "{file}: уртраг/өргөргийн багана алга; Уртраг ба Өргөрөг (эсвэл lon ба lat) гэж "
              "нэрлэнэ үү",
    },
    "er_spreadsheet": {
        "en": "{file}: cannot read the spreadsheet ({detail})",
        "mn": "{file}: хүснэгтийг уншиж чадсангүй ({detail})",
    },
    "er_table_format": {
        "en": "{file}: read .csv or .xlsx tables; save the sheet as one of them",
        "mn": "{file}: .csv эсвэл .xlsx хүснэгт уншина; хуудсыг аль нэгээр нь хадгална уу",
    },
    "er_no_sample": {
        "en": "no bundled sample called {name!r}; the samples are: {known}",
        "mn": "{name!r} нэртэй жишээ алга; жишээнүүд: {known}",
    },
    "er_not_layer_file": {
        "en": "{path}: not a layer file or a folder; the formats are {formats}",
        "mn": "{path}: давхаргын файл ч, хавтас ч биш; форматууд: {formats}",
    },
    "er_which_layer": {
        "en": "{file}: holds layers {names}; say which with layer=",
        "mn": "{file}-д {names} давхаргууд байна; аль нь болохыг layer=-ээр хэлнэ үү",
    },
    "er_gps_format": {
        "en": "{file}: read GPS data from .gpx or .csv files",
        "mn": "{file}: GPS өгөгдлийг .gpx эсвэл .csv файлаас уншина",
    },
    "er_gpx_unreadable": {
        "en": "{file}: not a GPX file GDAL can read; export it again from the device or app",
        "mn": "{file}: GDAL уншиж чадах GPX файл биш; төхөөрөмж эсвэл аппаас дахин экспортлоно уу",
    },
    "er_gps_lonlat": {
        "en": "{file}: no lat/lon columns; name them lat and lon",
        "mn": "{file}: lat/lon багана алга; lat ба lon гэж нэрлэнэ үү",
    },
    "er_unknown_kind": {
        "en": "unknown layer kind {kind!r}; the kinds are: {kinds}",
        "mn": "үл мэдэгдэх давхаргын төрөл {kind!r}; төрлүүд: {kinds}",
    },
    "er_rules_missing": {
        "en": "{path}: rules file not found; check the path",
        "mn": "{path}: дүрмийн файл олдсонгүй; замаа шалгана уу",
    },
    "er_rules_toml": {
        "en": "{path}: not a valid TOML file ({detail}); fix the syntax",
        "mn": "{path}: TOML файл буруу ({detail}); бичлэгийг засна уу",
    },
    "er_rules_table": {
        "en": "{path}: no [rules] table; add one (see `asmap analyze --help`)",
        "mn": "{path}: [rules] хүснэгт алга; нэмнэ үү (`asmap analyze --help`-г үзнэ үү)",
    },
    "er_results_gpkg": {
        "en": "{path}: results are written as a GeoPackage; name it *.gpkg",
        "mn": "{path}: үр дүнг GeoPackage-ээр бичнэ; *.gpkg гэж нэрлэнэ үү",
    },
    "er_no_results": {
        "en": "{path}: no such results file; run `asmap analyze --out {path}`",
        "mn": "{path}: ийм үр дүнгийн файл алга; `asmap analyze --out {path}` ажиллуулна уу",
    },
    "er_no_metadata": {
        "en": "{path}: the sites layer has no asmap metadata; write it with `asmap analyze --out`",
        "mn": "{path}: sites давхаргад asmap-ийн мета өгөгдөл алга; `asmap analyze --out`-оор "
              "бичнэ үү",
    },
    "er_not_date": {
        "en": "{value!r} is not a date; write it as YYYY-MM-DD",
        "mn": "{value!r} нь огноо биш; YYYY-MM-DD хэлбэрээр бичнэ үү",
    },
    "er_no_tailings": {
        "en": "no tailings layer; add tailings (polygons with site_id and stage)",
        "mn": "хаягдлын давхарга алга; tailings (site_id, stage бүхий полигон) нэмнэ үү",
    },
    "er_layer_no_crs": {
        "en": "{kind}: the layer has no CRS; set one (e.g. EPSG:4326)",
        "mn": "{kind}: давхаргад CRS алга; тохируулна уу (жишээ нь EPSG:4326)",
    },
    "er_column_not_date": {
        "en": "{kind}: column {column} has a value that is not a date; write dates as YYYY-MM-DD",
        "mn": "{kind}: {column} баганад огноо биш утга байна; огноог YYYY-MM-DD хэлбэрээр бичнэ үү",
    },
    "er_tailings_column": {
        "en": "tailings: no {column} column; add it (see the layer catalogue)",
        "mn": "tailings: {column} багана алга; нэмнэ үү (давхаргын каталогийг үзнэ үү)",
    },
    "er_site_twice": {
        "en": "tailings: site_id {site!r} is used twice; give each site its own id",
        "mn": "tailings: {site!r} дугаар хоёр удаа хэрэглэгдсэн; талбай бүрт өөрийн дугаар өгнө үү",
    },
    "er_site_geometry": {
        "en": "tailings: site {site!r} has {got}; draw each site as a polygon",
        "mn": "tailings: {site!r} талбай {got}; талбай бүрийг полигоноор зурна уу",
    },
    "er_no_base": {
        "en": "settlements: no settlement has is_base true; set is_base to true for the settlement"
              " that access routes start from",
        "mn": "settlements: is_base true суурин алга; замын эхлэх сууринд is_base = true тавина уу",
    },
    "er_many_bases": {
        "en": "settlements: {n} settlements have is_base true ({which}); keep it true for one only",
        "mn": "settlements: {n} суурин is_base true ({which}); зөвхөн нэгийг true үлдээнэ үү",
    },
    "er_base_no_geometry": {
        "en": "settlements: the base settlement has no geometry; give it a point",
        "mn": "settlements: төв сууринд геометр алга; цэг өгнө үү",
    },
    "er_no_site": {
        "en": "no site {site!r} in the analysis; nearby ids: {near}",
        "mn": "шинжилгээнд {site!r} талбай алга; ойролцоо дугаарууд: {near}",
    },
    "er_basemap": {
        "en": "unknown basemap {basemap!r}; use {known} or a tile URL with {{z}}, {{x}} and {{y}}",
        "mn": "үл мэдэгдэх суурь зураг {basemap!r}; {known} эсвэл {{z}}, {{x}}, {{y}}-тэй URL өгнө"
              " үү",
    },
    "er_contextily": {
        "en": "a print basemap needs contextily: pip install 'asmap[basemap]'",
        "mn": "хэвлэх суурь зурагт contextily хэрэгтэй: pip install 'asmap[basemap]'",
    },
    # the area of interest (issue 13)
    "er_soum_no_boundary": {
        "en": "--soum {soum}: there is no boundary layer to choose a soum from; add "
              "boundary.geojson (the soum polygons) or leave --soum out",
        "mn": "--soum {soum}: сум сонгох хилийн давхарга алга; boundary.geojson (сумдын "
              "полигон) нэмэх эсвэл --soum-ийг орхино уу"},
    "er_soum_matches_none": {
        "en": "--soum {soum} matches no polygon of the boundary layer ({shown}); give a name "
              "or id from it",
        "mn": "--soum {soum} хилийн давхаргын аль ч полигонтой таарахгүй ({shown}); түүн дэх "
              "нэр эсвэл id өгнө үү"},
    "er_soum_matches_several": {
        "en": "--soum {soum} matches {n} polygons of the boundary layer ({ids}); give the id "
              "of one",
        "mn": "--soum {soum} хилийн давхаргын {n} полигонтой таарна ({ids}); нэгнийх нь id-г "
              "өгнө үү"},
    "er_aoi_not_measured": {
        "en": "{label}: the area of interest cannot be measured in {crs}; add a boundary layer "
              "with the soum, or keep the tailings of one region in the project",
        "mn": "{label}: сонирхлын бүсийг {crs}-д хэмжих боломжгүй; сумын хилийн давхарга нэмэх "
              "эсвэл төсөлд нэг бүсийн хаягдлыг үлдээнэ үү"},
    "er_base_far": {
        "en": "settlements: the base settlement {name} lies more than {km:g} km from {soum}; "
              "mark the soum centre with is_base = true, or choose the soum with --soum",
        "mn": "settlements: төв суурин {name} {soum}-аас {km:g} км-ээс хол байна; сумын төвийг "
              "is_base = true гэж тэмдэглэх эсвэл --soum-ээр сумаа сонгоно уу"},
    "er_sites_not_finite": {
        "en": "tailings: the sites have no finite coordinates; check the file",
        "mn": "tailings: талбайнуудад төгсгөлөг солбицол алга; файлаа шалгана уу"},
    "pr_aoi_left_out": {
        "en": "{dropped:,} of {total:,} features lie more than {km:g} km from {soum} and were "
              "left out",
        "mn": "{total:,} объектын {dropped:,} нь {soum}-аас {km:g} км-ээс хол байгаа тул "
              "орхигдсон"},
    "pr_aoi_left_out_hint": {
        "en": "nothing to do if they are far away on purpose; raise aoi_margin_km in [rules] "
              "to keep more",
        "mn": "зориуд хол бол юу ч хийх шаардлагагүй; илүүг үлдээхийн тулд [rules]-ийн "
              "aoi_margin_km-ийг өсгөнө үү"},
    "pr_soum_chosen_most": {
        "en": "the layer holds {n:,} polygons; the area of interest is {name} (it holds the "
              "most tailings area), the {others:,} others were left out",
        "mn": "давхаргад {n:,} полигон байна; сонирхлын бүс нь {name} (хамгийн их хаягдлын "
              "талбайтай), бусад {others:,} нь орхигдсон"},
    "pr_soum_chosen_most_one": {
        "en": "the layer holds {n:,} polygons; the area of interest is {name} (it holds the "
              "most tailings area), the {others:,} other was left out",
        "mn": "давхаргад {n:,} полигон байна; сонирхлын бүс нь {name} (хамгийн их хаягдлын "
              "талбайтай), бусад {others:,} нь орхигдсон"},
    "pr_soum_chosen_nearest": {
        "en": "the layer holds {n:,} polygons; the area of interest is {name} (it is nearest "
              "to the tailings (none lies in any polygon)), the {others:,} others were left "
              "out",
        "mn": "давхаргад {n:,} полигон байна; сонирхлын бүс нь {name} (хаягдалд хамгийн ойр; "
              "аль ч полигонд хаягдал байхгүй), бусад {others:,} нь орхигдсон"},
    "pr_soum_chosen_nearest_one": {
        "en": "the layer holds {n:,} polygons; the area of interest is {name} (it is nearest "
              "to the tailings (none lies in any polygon)), the {others:,} other was left out",
        "mn": "давхаргад {n:,} полигон байна; сонирхлын бүс нь {name} (хаягдалд хамгийн ойр; "
              "аль ч полигонд хаягдал байхгүй), бусад {others:,} нь орхигдсон"},
    "pr_soum_chosen_most_hint": {"en": "pass --soum NAME_OR_ID to choose another",
                               "mn": "өөрийг сонгохын тулд --soum НЭР_ЭСВЭЛ_ID өгнө үү"},
    "pr_soum_chosen_most_one_hint": {"en": "pass --soum NAME_OR_ID to choose another",
                                   "mn": "өөрийг сонгохын тулд --soum НЭР_ЭСВЭЛ_ID өгнө үү"},
    "pr_soum_chosen_nearest_hint": {"en": "pass --soum NAME_OR_ID to choose another",
                                  "mn": "өөрийг сонгохын тулд --soum НЭР_ЭСВЭЛ_ID өгнө үү"},
    "pr_soum_chosen_nearest_one_hint": {"en": "pass --soum NAME_OR_ID to choose another",
                                      "mn": "өөрийг сонгохын тулд --soum НЭР_ЭСВЭЛ_ID өгнө үү"},
    "er_brief_basemap_online": {
        "en": "{basemap}: a brief takes an MBTiles basemap file; it never needs the network",
        "mn": "{basemap}: товчлолд MBTiles суурь зургийн файл өгнө; сүлжээ хэзээ ч "
              "хэрэггүй"},
    "bm_partial": {
        "en": "{file} does not cover the {side} of the soum; the maps have no background "
              "there (build the basemap over the whole soum: asmap basemap build)",
        "mn": "{file} сумын {side} хэсгийг хамраагүй; тэнд зураг суурь зураггүй гарна "
              "(суурь зургийг сумыг бүхэлд нь хамруулж бүтээнэ үү: asmap basemap build)",
    },
    "bm_side_north": {"en": "north", "mn": "хойд"},
    "bm_side_south": {"en": "south", "mn": "өмнөд"},
    "bm_side_east": {"en": "east", "mn": "зүүн"},
    "bm_side_west": {"en": "west", "mn": "баруун"},
    "er_no_agreement": {
        "en": "no agreement {agreement!r} in the analysis; the agreements are: {near}",
        "mn": "шинжилгээнд {agreement!r} гэрээ алга; байгаа гэрээнүүд: {near}",
    },
    "er_no_agreements": {
        "en": "no agreement {agreement!r} in the analysis; add an agreements layer "
              "(agreements.csv) to the folder",
        "mn": "шинжилгээнд {agreement!r} гэрээ алга; хавтсанд гэрээний давхарга "
              "(agreements.csv) нэмнэ үү",
    },
    "er_annex_not_pdf": {
        "en": "{path}: an annex is a PDF; name it *.pdf",
        "mn": "{path}: хавсралт нь PDF файл; нэрийг нь *.pdf гэж өгнө үү",
    },
    "er_unknown_paper": {
        "en": "unknown paper size {paper!r}; use one of: {choices}",
        "mn": "{paper!r} гэсэн цаасны хэмжээ алга; эдгээрийн нэгийг бичнэ үү: {choices}",
    },
    "er_unknown_orientation": {
        "en": "unknown orientation {orientation!r}; use landscape or portrait",
        "mn": "{orientation!r} гэсэн чиглэл алга; landscape (хөндлөн) эсвэл portrait "
              "(босоо) гэж бичнэ үү",
    },
    "er_print_suffix": {
        "en": "{path}: write the map to a .pdf or a .png file",
        "mn": "{path}: зургийг .pdf эсвэл .png файлд бичнэ үү",
    },
    "er_unknown_lang": {
        "en": "unknown language {lang!r}; use mn or en",
        "mn": "{lang!r} гэсэн хэл алга; mn эсвэл en гэж бичнэ үү",
    },
    "er_brief_not_folder": {
        "en": "{path}: exists and is not a folder; choose a folder for the brief",
        "mn": "{path}: байгаа бөгөөд хавтас биш; товч мэдээлэлд хавтас сонгоно уу",
    },
    "er_dask_missing": {
        "en": "the dask engine needs dask-geopandas and distributed; install them with `pip "
              "install 'asmap[dask]'` or use the local engine",
        "mn": "dask хөдөлгүүрт dask-geopandas ба distributed хэрэгтэй; `pip install "
              "'asmap[dask]'`-ээр суулгах эсвэл local хөдөлгүүр хэрэглэнэ үү",
    },
    "er_scheduler": {
        "en": "cannot reach the Dask scheduler at {scheduler!r} ({detail}); check the address or "
              "leave --scheduler out",
        "mn": "{scheduler!r} дахь Dask scheduler-т холбогдож чадсангүй ({detail}); хаягаа шалгах "
              "эсвэл --scheduler-г орхино уу",
    },
    "er_unreadable": {
        "en": "{detail}",
        "mn": "файлыг уншиж чадсангүй: {detail}",
    },
    # --- the engines and the results dataset (geo/analyze.py, geo/engine_dask.py,
    # geo/dataset.py, geo/core.py; issues 17 and 18) ---
    "er_unknown_engine": {
        "en": "unknown engine {engine!r}; use one of: {engines}",
        "mn": "{engine!r} гэсэн хөдөлгүүр алга; эдгээрийн нэгийг хэрэглэнэ үү: {engines}",
    },
    "er_scheduler_needs_dask": {
        "en": "a scheduler address needs engine='dask' (--engine dask)",
        "mn": "scheduler-ийн хаягт engine='dask' (--engine dask) хэрэгтэй",
    },
    "er_npartitions": {
        "en": "npartitions must be at least 1, got {n}",
        "mn": "npartitions дор хаяж 1 байх ёстой, {n} өгсөн",
    },
    "er_dataset_name": {
        "en": "{path}: a partitioned dataset is a folder named *.parquet",
        "mn": "{path}: хуваасан өгөгдлийн багц нь *.parquet гэж нэрлэсэн хавтас байна",
    },
    "er_not_dataset": {
        "en": "{path}: not a results dataset (no {metadata}); write it with "
              "`asmap analyze --engine dask --out DIR.parquet`",
        "mn": "{path}: үр дүнгийн өгөгдлийн багц биш ({metadata} алга); "
              "`asmap analyze --engine dask --out DIR.parquet`-ээр бичнэ үү",
    },
    "er_dataset_no_parts": {
        "en": "{folder}: no part.*.parquet files; write the results again",
        "mn": "{folder}: part.*.parquet файл алга; үр дүнг дахин бичнэ үү",
    },
    "er_leaflet_missing": {
        "en": "offline maps need the package django-js-lib-leaflet; install it with `pip install "
              "django-js-lib-leaflet`",
        "mn": "сүлжээгүй газрын зурагт django-js-lib-leaflet багц хэрэгтэй; `pip install django-"
              "js-lib-leaflet`-ээр суулгана уу",
    },
    "er_shapefile_mixed": {
        "en": "{name} mixes geometry types, which a Shapefile cannot hold; export to gpkg or "
              "geojson instead",
        "mn": "{name}-д янз бүрийн геометр холилдсон тул Shapefile-д багтахгүй; gpkg эсвэл "
              "geojson руу экспортлоно уу",
    },
    # --- words used inside the sentences above -------------------------------------------
    "w_did_you_mean_known": {"en": "did you mean {near!r}? (known: {known})",
                             "mn": "{near!r} гэсэн үү? (мэдэгдэх: {known})"},
    "w_known": {"en": "known: {known}", "mn": "мэдэгдэх: {known}"},
    "w_allowed": {"en": " (allowed: {allowed})", "mn": " (зөвшөөрөгдөх: {allowed})"},
    "w_rename_column": {"en": "rename column {near!r} to {name!r}{allowed}",
                        "mn": "{near!r} баганыг {name!r} болгож нэрлэнэ үү{allowed}"},
    "w_ids_column": {
        "en": "column {column!r} has a different value on every feature ({shown}): rename "
              "it to {name!r} if those are the ids, or add a column {name!r}",
        "mn": "{column!r} багана объект бүрт өөр утгатай ({shown}): эдгээр нь дугаар бол "
              "{name!r} гэж нэрлэ, эсвэл {name!r} багана нэмнэ үү",
    },
    "w_add_column": {"en": "add a column {name!r}{allowed}",
                     "mn": "{name!r} багана нэмнэ үү{allowed}"},
    "w_date_guess": {"en": " ({guess} if that is the day meant)",
                     "mn": " (тэр өдөр бол {guess})"},
    "w_empty_needed": {"en": "a project needs at least one tailings site",
                       "mn": "төсөлд дор хаяж нэг хаягдлын талбай хэрэгтэй"},
    "w_empty_delete": {"en": "delete the file if the layer is not needed",
                       "mn": "давхарга хэрэггүй бол файлыг устгана уу"},
    "w_reproject": {
        "en": "re-export it in EPSG:4326 (QGIS: Export > Save Features As, CRS EPSG:4326), "
              "or pass --crs with the CRS the numbers are in (EPSG:32648 for UTM 48N metres)",
        "mn": "EPSG:4326-аар дахин экспортлох (QGIS: Export > Save Features As, CRS "
              "EPSG:4326), эсвэл тоонуудын CRS-ийг --crs-ээр өгнө үү (UTM 48N метр бол "
              "EPSG:32648)",
    },
    "w_greater_than_0": {"en": "greater than 0", "mn": "0-ээс их"},
    "w_0_or_more": {"en": "0 or more", "mn": "0 буюу түүнээс их"},
    "w_post_radius_rule": {"en": " to use the rule post_radius_m",
                           "mn": " (тэгвэл post_radius_m дүрмийг хэрэглэнэ)"},
    "w_whole": {"en": "whole ", "mn": "бүхэл "},
    "w_none": {"en": "none", "mn": "байхгүй"},
    "w_no_geometry_file": {"en": "not a layer: no geometry in this {format} file",
                           "mn": "давхарга биш: энэ {format} файлд геометр алга"},
    "w_export_geometry": {"en": "export it from your GIS as a layer with geometries",
                          "mn": "ГМС-ээсээ геометртэй давхарга болгож экспортлоно уу"},
    "w_reread_shp": {
        "en": "copy every part of the Shapefile into the folder (.shp, .shx, .dbf, .prj, "
              ".cpg), or export it again",
        "mn": "Shapefile-ийн бүх хэсгийг (.shp, .shx, .dbf, .prj, .cpg) хавтаст хуулах, "
              "эсвэл дахин экспортлоно уу",
    },
    # --- outputs that would destroy inputs, full or read-only disks (issue 20) -----------
    "er_out_is_input": {
        "en": "{out}: is the input {source}; asmap never overwrites its inputs, choose "
              "another path",
        "mn": "{out}: оролтын {source} өөрөө; asmap оролтоо хэзээ ч дарж бичихгүй, өөр зам "
              "сонгоно уу"},
    "er_out_contains_input": {
        "en": "{out}: contains the input {source}; asmap never replaces its inputs, choose "
              "another path",
        "mn": "{out}: оролтын {source}-г агуулж байна; asmap оролтоо хэзээ ч солихгүй, өөр "
              "зам сонгоно уу"},
    "er_out_inside_input": {
        "en": "{out}: lies inside the input folder {source}; write outputs outside the "
              "project folder",
        "mn": "{out}: оролтын {source} хавтас дотор байна; гаралтыг төслийн хавтаснаас гадна "
              "бичнэ үү"},
    "er_out_is_folder": {"en": "{out}: is a folder; give the name of a file to write",
                         "mn": "{out}: хавтас байна; бичих файлын нэрийг өгнө үү"},
    "er_out_is_file": {"en": "{path}: is a file; give a folder name for this output",
                       "mn": "{path}: файл байна; энэ гаралтад хавтасны нэр өгнө үү"},
    "er_out_not_ours": {
        "en": "{path}: is a folder asmap did not write and is not empty; it would be "
              "replaced as a whole, so choose a new or empty folder",
        "mn": "{path}: asmap бичээгүй, хоосон биш хавтас; бүхлээр нь солигдох тул шинэ эсвэл "
              "хоосон хавтас сонгоно уу"},
    "pr_rule_range": {
        "en": "{name} must be a {whole}number from {minimum:g} to {maximum:g}{unit}, got "
              "{value!r}",
        "mn": "{name} нь {minimum:g}-{maximum:g} хооронд {whole}тоо байх ёстой{unit}, "
              "{value!r} байна"},
    "pr_toml_rule": {"en": "{rule}", "mn": "{rule}"},
    "pr_toml_rule_hint": {"en": "write e.g. {key} = {default!r} (the default, no quotes)",
                          "mn": "жишээ нь {key} = {default!r} гэж (анхдагч утга, хашилтгүй) "
                                "бичнэ үү"},
    "er_rule_wrong": {"en": "{where}: rule {rule}; the default is {default!r}",
                      "mn": "{where}: дүрэм {rule}; анхдагч утга нь {default!r}"},
    "er_rules_folder": {"en": "{path}: is a folder; give the rules file (RULES.toml)",
                        "mn": "{path}: хавтас байна; дүрмийн файлыг (RULES.toml) өгнө үү"},
    "er_rules_deep": {
        "en": "{path}: nests tables or arrays too deeply to read; write one key = value per "
              "line under [rules]",
        "mn": "{path}: хүснэгт эсвэл массив хэт гүн давхацсан тул уншиж чадсангүй; [rules] "
              "дор мөр бүрт нэг key = value бичнэ үү"},
    "pr_toml_deep": {"en": "the file nests tables or arrays too deeply to read",
                     "mn": "файлд хүснэгт эсвэл массив хэт гүн давхацсан тул уншиж чадсангүй"},
    "pr_toml_deep_hint": {
        "en": "write one key = value per line under [rules] and [sources.KIND]",
        "mn": "[rules] ба [sources.KIND] дор мөр бүрт нэг key = value бичнэ үү"},
    "pr_control_removed": {"en": "control character removed from the text",
                           "mn": "бичвэрээс удирдах тэмдэгт хасав"},
    "pr_control_removed_hint": {"en": "check the value in the settings file",
                                "mn": "тохиргооны файл дахь утгыг шалгана уу"},
    "er_results_folder": {"en": "{path}: is a folder; give the results file (RESULTS.gpkg) "
                                "or a results dataset (DIR.parquet)",
                          "mn": "{path}: хавтас байна; үр дүнгийн файлыг (RESULTS.gpkg) эсвэл "
                                "үр дүнгийн багцыг (DIR.parquet) өгнө үү"},
    "er_not_results_file": {
        "en": "{path}: not asmap results (a GeoPackage written by `asmap analyze --out`); "
              "give that file, or analyse again",
        "mn": "{path}: asmap-ын үр дүн биш (`asmap analyze --out`-оор бичсэн GeoPackage); "
              "тэр файлыг өгөх эсвэл дахин шинжилнэ үү"},
    # --- change over time (issue 19) ---
    "wr_long_period": {"en": "the period {start} to {end} is over ten years; with many events "
                             "the timeline gets slow",
                       "mn": "{start} — {end} хугацаа арван жилээс урт; үйл явдал олон бол "
                             "хугацааны шинжилгээ удаан болно"},
    "er_the_output": {"en": "the output", "mn": "гаралт"},
    "er_disk_full": {
        "en": "{name}: the disk is full; free some space or write to another disk, then run "
              "again",
        "mn": "{name}: диск дүүрсэн; зай чөлөөлөх эсвэл өөр диск рүү бичээд дахин ажиллуулна "
              "уу"},
    "er_read_only": {
        "en": "{name}: no permission to write there (a read-only folder or disk); write the "
              "output to a folder you may write to",
        "mn": "{name}: тэнд бичих эрхгүй (зөвхөн уншигдах хавтас эсвэл диск); бичих эрхтэй "
              "хавтаст гаралтаа бичнэ үү"},
    # --- pieces of sentences ---
    "er_row": {"en": "row {n}", "mn": "{n}-р мөр"},
    "er_feature_row": {"en": "feature row {n}", "mn": "{n}-р мөр"},
    "er_feature_id": {"en": "feature {id}", "mn": "объект {id}"},
    "er_and_more": {"en": " (and {n:,} more)", "mn": " (бас {n:,} бусад)"},
    "er_the_tailings": {"en": "the tailings", "mn": "хаягдлын талбайнууд"},
    # --- analysis inputs (geo/core.py, geo/aoi.py, geo/agreements.py, geo/timeline.py) ---
    "er_no_site_in_aoi": {
        "en": "tailings: no site lies within {km:g} km of {soum}; choose the soum of the "
              "sites with --soum",
        "mn": "tailings: {soum}-аас {km:g} км дотор нэг ч талбай алга; талбайнууд байгаа "
              "сумыг --soum-оор сонгоно уу"},
    "er_rules_type": {
        "en": "rules must be Rules or a mapping, not {kind}; give a RULES.toml with --rules",
        "mn": "rules нь Rules эсвэл толь (mapping) байх ёстой, {kind} биш; дүрмийн файлыг "
              "--rules RULES.toml-оор өгнө үү"},
    "er_not_geodataframe": {
        "en": "{kind}: expected a GeoDataFrame, got {got}; read the layer with asmap.load",
        "mn": "{kind}: GeoDataFrame хүлээсэн боловч {got} ирэв; давхаргыг asmap.load-оор "
              "уншина уу"},
    "er_not_measurable": {
        "en": "{kind}: {feature}{more} cannot be measured in {crs} (UTM {zone}): it lies too "
              "far from the area of interest; check its coordinates or remove it",
        "mn": "{kind}: {feature}{more}-г {crs} (UTM {zone})-д хэмжих боломжгүй: сонирхлын "
              "бүсээс хэт хол байна; координатыг нь шалгах эсвэл хасна уу"},
    "er_agreements_no_column": {
        "en": "agreements: no {column} column; add it (see the layer catalogue)",
        "mn": "agreements: {column} багана алга; нэмнэ үү (давхаргын жагсаалтыг үзнэ үү)"},
    "er_agreements_not_date": {
        "en": "agreements: column {column} has a value that is not a date; write dates as "
              "YYYY-MM-DD",
        "mn": "agreements: {column} баганад огноо биш утга байна; огноог YYYY-MM-DD "
              "хэлбэрээр бичнэ үү"},
    "er_period_order": {
        "en": "the period starts ({start}) after it ends ({end}); give --from before --to",
        "mn": "хугацааны эхлэл ({start}) төгсгөлөөс ({end}) хойно байна; --from-ыг --to-гоос "
              "өмнө өгнө үү"},
    "er_event_not_date": {
        "en": "{layer}: {id_column} {id} has {column} {value!r}, which is not a date; write it "
              "as YYYY-MM-DD",
        "mn": "{layer}: {id_column} {id}-ийн {column} нь {value!r} буюу огноо биш; "
              "YYYY-MM-DD хэлбэрээр бичнэ үү"},
    "er_unknown_site": {
        "en": "no site {site!r} in the tailings layer; the sites are {sites}",
        "mn": "хаягдлын давхаргад {site!r} талбай алга; талбайнууд: {sites}"},
    "er_no_sharing_rules": {
        "en": "no sharing rules for a layer called {kind!r}; use a layer kind of the "
              "catalogue",
        "mn": "{kind!r} нэртэй давхаргад хуваалцах дүрэм алга; жагсаалтад буй давхаргын "
              "төрлийг хэрэглэнэ үү"},
    "er_unknown_profile": {
        "en": "unknown sharing profile {profile!r}; use 'internal' or 'public'",
        "mn": "{profile!r} гэсэн хуваалцах хэлбэр алга; 'internal' эсвэл 'public'-ийг "
              "хэрэглэнэ үү"},
    "er_results_no_gpkg": {
        "en": "{path}: the folder has no results.gpkg; give a results GeoPackage or a brief "
              "folder",
        "mn": "{path}: хавтаст results.gpkg алга; үр дүнгийн GeoPackage эсвэл товчлолын "
              "хавтсыг өгнө үү"},
    "er_no_results_path": {
        "en": "{path}: no such results file or folder; give the results.gpkg of `asmap "
              "analyze --out`, or a brief folder",
        "mn": "{path}: ийм үр дүнгийн файл, хавтас алга; `asmap analyze --out`-ын "
              "results.gpkg эсвэл товчлолын хавтсыг өгнө үү"},
    "er_rule_unknown_near": {
        "en": "{where}: unknown rule {key!r} in [rules]; did you mean {near!r}?",
        "mn": "{where}: [rules] дахь {key!r} дүрэм мэдэгдэхгүй; {near!r} гэсэн үү?"},
    "er_rule_unknown": {
        "en": "{where}: unknown rule {key!r} in [rules]; known keys: {known}",
        "mn": "{where}: [rules] дахь {key!r} дүрэм мэдэгдэхгүй; мэдэгдэх түлхүүрүүд: {known}"},
    "er_gpx_no_waypoints": {
        "en": "{file}: no waypoints in the file; record each feature as a waypoint and export "
              "again",
        "mn": "{file}: файлд цэг (waypoint) алга; объект бүрийг waypoint-оор тэмдэглээд "
              "дахин экспортлоно уу"},
    "er_gpx_no_tracks": {
        "en": "{file}: no tracks or routes in the file; record each feature as a track and "
              "export again",
        "mn": "{file}: файлд зам (track, route) алга; объект бүрийг track-аар тэмдэглээд "
              "дахин экспортлоно уу"},
    "cd_why_empty": {"en": "the value is empty", "mn": "утга хоосон"},
    "cd_why_form": {"en": "it is neither decimal degrees nor degrees, minutes and seconds",
                    "mn": "аравтын бутархай градус ч биш, градус минут секунд ч биш"},
    "cd_why_decimals": {"en": "only the last part (minutes or seconds) may have decimals",
                        "mn": "зөвхөн сүүлийн хэсэг (минут эсвэл секунд) бутархайтай байж болно"},
    "cd_why_minutes": {"en": "minutes {number:g} must be below 60",
                       "mn": "минут {number:g} нь 60-аас бага байх ёстой"},
    "cd_why_seconds": {"en": "seconds {number:g} must be below 60",
                       "mn": "секунд {number:g} нь 60-аас бага байх ёстой"},
    "cd_why_number": {"en": "it is not a number", "mn": "тоо биш"},
    # --- exports (maps/exchange/export.py) ---
    "er_export_format": {
        "en": "cannot export to {to!r}; choose one of {formats}",
        "mn": "{to!r} руу экспортлох боломжгүй; эдгээрээс сонгоно уу: {formats}"},
    "er_export_no_basemap": {
        "en": "{where} has no {file}; make one with `asmap basemap build` or name one with "
              "--basemap FILE.mbtiles",
        "mn": "{where}-д {file} алга; `asmap basemap build`-ээр хийх эсвэл --basemap "
              "FILE.mbtiles-аар нэрлэж өгнө үү"},
    "er_the_source": {"en": "the source", "mn": "эх сурвалж"},
    "er_export_source": {
        "en": "cannot export a {kind}; give a project folder, a results GeoPackage, a Project "
              "or an Analysis",
        "mn": "{kind}-г экспортлох боломжгүй; төслийн хавтас, үр дүнгийн GeoPackage, Project "
              "эсвэл Analysis өгнө үү"},
    # --- offline basemaps (maps/basemap/*) ---
    "bm_osm_refused": {
        "en": "{host} is a public OpenStreetMap tile server: its tile usage policy "
              "(https://operations.osmfoundation.org/policies/tiles/) forbids bulk downloading "
              "for offline use; use a server you are allowed to download from, or make the "
              "tiles in QGIS",
        "mn": "{host} бол OpenStreetMap-ын нийтийн хавтангийн сервер: түүний ашиглалтын "
              "журам (https://operations.osmfoundation.org/policies/tiles/) офлайн хэрэглээнд "
              "бөөнөөр татахыг хориглодог; татахыг зөвшөөрсөн сервер ашиглах эсвэл хавтангаа "
              "QGIS-ээр хийнэ үү"},
    "bm_url_template": {
        "en": "{url}: a tile URL needs {{z}}, {{x}} and {{y}}; write them where the server "
              "puts the zoom, column and row",
        "mn": "{url}: хавтангийн URL-д {{z}}, {{x}}, {{y}} хэрэгтэй; серверийн томруулга, "
              "багана, мөрийг тавьдаг газарт бичнэ үү"},
    "bm_no_answer": {"en": "did not answer ({kind})", "mn": "хариу өгсөнгүй ({kind})"},
    "bm_http_status": {"en": "answered HTTP {status}", "mn": "HTTP {status} гэж хариулав"},
    "bm_server_failed": {
        "en": "{url}: the tile server {problem}; check the URL and the connection",
        "mn": "{url}: хавтангийн сервер {problem}; URL болон интернэт холболтоо шалгана уу"},
    "bm_not_image": {
        "en": "{url}: the server answered with {kind}, not a tile image; check the tile URL",
        "mn": "{url}: сервер хавтангийн зураг биш, {kind} илгээв; хавтангийн URL-ээ шалгана "
              "уу"},
    "bm_bad_pmtiles": {
        "en": "{path}: not a readable PMTiles archive ({kind}); check the file",
        "mn": "{path}: уншигдах PMTiles архив биш ({kind}); файлаа шалгана уу"},
    "bm_vector_tiles": {
        "en": "{path}: holds {kind} tiles, not raster images; asmap draws PNG, JPEG or WebP "
              "tiles: export raster tiles, for example with QGIS's \"Generate XYZ tiles "
              "(MBTiles)\"",
        "mn": "{path}: растр зураг биш, {kind} хавтан агуулна; asmap PNG, JPEG, WebP хавтан "
              "зурна: растр хавтан экспортлоно уу, жишээ нь QGIS-ийн \"Generate XYZ tiles "
              "(MBTiles)\"-ээр"},
    "bm_no_source": {
        "en": "{source}: no such file, and not a tile URL with {{z}}/{{x}}/{{y}}; give a tile "
              "URL, an .mbtiles, a .pmtiles or a GeoTIFF",
        "mn": "{source}: ийм файл алга, {{z}}/{{x}}/{{y}}-тэй хавтангийн URL ч биш; "
              "хавтангийн URL, .mbtiles, .pmtiles эсвэл GeoTIFF өгнө үү"},
    "bm_unknown_source": {
        "en": "{path}: not an MBTiles, PMTiles or GeoTIFF file; give one of those or a tile "
              "URL with {{z}}/{{x}}/{{y}}",
        "mn": "{path}: MBTiles, PMTiles, GeoTIFF файлын аль нь ч биш; тэдгээрийн нэгийг "
              "эсвэл {{z}}/{{x}}/{{y}}-тэй хавтангийн URL өгнө үү"},
    "bm_no_basemap_file": {
        "en": "{path}: no such basemap file; check the path or make one with `asmap basemap "
              "build`",
        "mn": "{path}: ийм суурь зургийн файл алга; замаа шалгах эсвэл `asmap basemap build`-"
              "ээр хийнэ үү"},
    "bm_not_sqlite": {
        "en": "{path}: not an MBTiles file (not an SQLite database); make one with `asmap "
              "basemap build` or QGIS's \"Generate XYZ tiles (MBTiles)\"",
        "mn": "{path}: MBTiles файл биш (SQLite өгөгдлийн сан биш); `asmap basemap build` "
              "эсвэл QGIS-ийн \"Generate XYZ tiles (MBTiles)\"-ээр хийнэ үү"},
    "bm_no_tables": {
        "en": "{path}: not an MBTiles file (no metadata and tiles tables); make one with "
              "`asmap basemap build` or QGIS's \"Generate XYZ tiles (MBTiles)\"",
        "mn": "{path}: MBTiles файл биш (metadata, tiles хүснэгт алга); `asmap basemap build` "
              "эсвэл QGIS-ийн \"Generate XYZ tiles (MBTiles)\"-ээр хийнэ үү"},
    "bm_no_tiles": {
        "en": "{path}: the MBTiles file holds no tiles; make one with `asmap basemap build` "
              "or QGIS's \"Generate XYZ tiles (MBTiles)\"",
        "mn": "{path}: MBTiles файлд хавтан алга; `asmap basemap build` эсвэл QGIS-ийн "
              "\"Generate XYZ tiles (MBTiles)\"-ээр хийнэ үү"},
    "bm_bad_mbtiles": {
        "en": "{path}: not a readable MBTiles file ({detail}); make one with `asmap basemap "
              "build` or QGIS's \"Generate XYZ tiles (MBTiles)\"",
        "mn": "{path}: уншигдах MBTiles файл биш ({detail}); `asmap basemap build` эсвэл "
              "QGIS-ийн \"Generate XYZ tiles (MBTiles)\"-ээр хийнэ үү"},
    "bm_no_area": {
        "en": "the project has no boundary and no tailings to say which area the basemap must "
              "cover; add boundary.geojson to the folder",
        "mn": "суурь зураг аль газрыг хамрахыг заах хил ч, хаягдал ч төсөлд алга; "
              "boundary.geojson-г хавтаст нэмнэ үү"},
    "bm_not_over_soum": {
        "en": "{path}: has no tiles over the soum (it covers lon {west:.3f} to {east:.3f}, "
              "lat {south:.3f} to {north:.3f}); make one for this area with `asmap basemap "
              "build`",
        "mn": "{path}: сумын нутаг дээр хавтан алга (уртраг {west:.3f}-{east:.3f}, өргөрөг "
              "{south:.3f}-{north:.3f}-ийг хамарна); энэ газарт `asmap basemap build`-ээр "
              "хийнэ үү"},
    "bm_bad_geotiff": {
        "en": "{path}: not a readable GeoTIFF ({detail}); check the file",
        "mn": "{path}: уншигдах GeoTIFF биш ({detail}); файлаа шалгана уу"},
    "bm_geotiff_no_crs": {
        "en": "{path}: the GeoTIFF has no CRS, so asmap cannot place it; set it in QGIS "
              "(Layer > Set CRS, then export) or with gdal_edit.py -a_srs",
        "mn": "{path}: GeoTIFF-д CRS алга тул asmap байрлуулж чадахгүй; QGIS-д (Layer > Set "
              "CRS, дараа нь экспорт) эсвэл gdal_edit.py -a_srs-ээр тохируулна уу"},
    "bm_zoom_range": {
        "en": "{text!r} is not a zoom range; write it as MIN-MAX, e.g. 8-15",
        "mn": "{text!r} нь томруулгын муж биш; MIN-MAX хэлбэрээр бичнэ үү, жишээ нь 8-15"},
    "bm_zoom_limits": {
        "en": "zoom range {text!r}: use 0 <= MIN <= MAX <= {max}, e.g. 8-15",
        "mn": "томруулгын муж {text!r}: 0 <= MIN <= MAX <= {max} байна, жишээ нь 8-15"},
    "bm_source_elsewhere": {
        "en": "{source}: has no tiles over the area of interest (it covers lon {west:.3f} to "
              "{east:.3f}, lat {south:.3f} to {north:.3f}); use a source that covers the soum",
        "mn": "{source}: сонирхлын бүс дээр хавтан алга (уртраг {west:.3f}-{east:.3f}, "
              "өргөрөг {south:.3f}-{north:.3f}-ийг хамарна); сумыг хамарсан эх сурвалж "
              "хэрэглэнэ үү"},
    "bm_source_zooms": {
        "en": "{source}: has zooms {has}, none in {asked}; ask for zooms it has with --zoom",
        "mn": "{source}: {has} томруулгатай, {asked}-д нэг ч алга; байгаа томруулгыг --zoom-"
              "оор асууна уу"},
    "bm_out_suffix": {"en": "{path}: write the basemap to a .mbtiles file",
                      "mn": "{path}: суурь зургийг .mbtiles файлд бичнэ үү"},
    "bm_mixed_formats": {
        "en": "{source}: mixes {first} and {other} tiles; an MBTiles file holds one format",
        "mn": "{source}: {first}, {other} хавтан холилдсон; MBTiles файл нэг л хэлбэртэй "
              "байна"},
    "bm_resume": {
        "en": "{error} ({saved} tiles saved; run the same command again to resume)",
        "mn": "{error} ({saved} хавтан хадгалав; үргэлжлүүлэхийн тулд ижил тушаалыг дахин "
              "ажиллуулна уу)"},
    "bm_no_tiles_fetched": {
        "en": "{source}: no tiles over the area of interest at zooms {zooms}; use a source "
              "that covers the soum",
        "mn": "{source}: {zooms} томруулгад сонирхлын бүс дээр хавтан алга; сумыг хамарсан "
              "эх сурвалж хэрэглэнэ үү"},
}


def render(code: str, lang: str, params: Mapping[str, object]) -> str:
    """
    The sentence of `code` in `lang`, with its parameters filled in.

    A parameter may be a pair ``(word_code, word_params)`` (see `word`): it is rendered
    in the same language first, so a sentence can hold translated pieces.

    Examples
    --------
    >>> render("pr_not_allowed_near_hint", "en", {"near": "mining", "allowed": "a, b"})
    "use 'mining'; allowed: a, b"
    >>> render("pr_empty_value", "mn", {})
    'хоосон'
    """
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    text = entry.get(lang) or entry["en"]
    values = {key: render(value[0], lang, value[1]) if _is_word(value) else value
              for key, value in params.items()}
    return text.format(**values)


def _is_word(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)
            and value[0] in MESSAGES)


def word(code: str, **params: object) -> tuple[str, dict[str, object]]:
    """A piece of a sentence to render in the sentence's language (a parameter value)."""
    return (code, params)
